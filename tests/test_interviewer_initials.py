"""An interviewer label with the interviewer's initials or a letter after the role's word
(``Interviewer SR``, ``Interviewer A``, ``Int A``, ``Researcher A``, ``Moderator A``) is the
interviewer's, as ``Interviewer 1`` and ``Interviewer (SR)`` are (docs/transcripts.md,
"Interviewer labels": "with a number or initials"). Session 82 tester daily12 (3): such labels
were read as participants, so the interviewers' questions were coded and charted in Table 2 as
a participant's ("External Policy & Incentives: 1 participant (Interviewer SR)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import is_interviewer
from roqa_nlp.transcripts.segment import segment

DATA = Path(__file__).parent / "data" / "conventions"


@pytest.mark.parametrize(
    "label",
    [
        "Interviewer SR",
        "Interviewer JT",
        "Interviewer A",
        "INTERVIEWER SR",
        "Interviewer S.R.",
        "Interviewer_A",
        "Int A",
        "Researcher A",
        "Moderator A",
        "Facilitator JKL",
        "Research Assistant JT",
        "Note-taker B",
    ],
)
def test_a_role_word_with_initials_or_a_letter_is_an_interviewer_label(label: str) -> None:
    assert is_interviewer(label)


@pytest.mark.parametrize(
    "label",
    [
        # the participant's role words stay the participant's
        "Respondent A",
        "Participant A",
        "Interviewee SR",
        "R",
        # initials are capitals; a role's word too short to tell from initials takes none
        "Interviewer sr",
        "Interviewer ABCD",
        "Q A",
        "IV A",
        "Me A",
        "Jane A",
    ],
)
def test_other_labels_with_a_letter_after_them_are_not(label: str) -> None:
    assert not is_interviewer(label)


def test_the_single_letter_labels_keep_their_roles() -> None:
    assert is_interviewer("I")
    assert not is_interviewer("R")


def test_a_transcript_of_two_interviewers_by_their_initials_codes_only_the_answers() -> None:
    t = read_transcript(DATA / "interviewer_initials.txt")
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer JT", "interviewer"),
        ("P21", "participant"),
        ("Interviewer SR", "interviewer"),
        ("P21", "participant"),
        ("Interviewer JT", "interviewer"),
    ]
    assert t.participant == "P21"
    assert [(s.text, s.context) for s in segment(t)] == [
        (
            "Training, mainly. We rely on e-learning and it doesn't stick with people, "
            "nobody has the time.",
            "What gets in the way of recovery work in your houses?",
        ),
        (
            "No, they pay for forty-five minutes and a goal-setting session takes two hours.",
            "And do the commissioners pay enough for the longer sessions recovery work needs?",
        ),
    ]
