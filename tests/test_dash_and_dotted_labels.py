"""A label holding an en or em dash, or a dotted id, is a speaker label as one with a hyphen is.

Session 82 (messy12, class E): Word's AutoCorrect turns ``P05 - Amir:`` into ``P05 – Amir:``,
and teams number a wave or an interview after the participant's id (``P4.1:``, ``P2.1
(nurse):``). Neither was read as a label: with three speakers the third's talk, its label
inside, was merged into the other participant's turn, silently; with two, all the talk went to
the interviewer. A clock time (``1.30:``) or a list's number (``1.``) opening a line of talk
stays talk."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import match_label

DATA = Path(__file__).parent / "data" / "dash_and_dotted_labels"


def _turns(name: str) -> list[tuple[str, str, str]]:
    t = read_transcript(DATA / name)
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def test_en_dash_label_of_a_third_speaker() -> None:
    assert _turns("en_dash_three.txt") == [
        ("Interviewer", "interviewer", "How did the new rota land on the ward?"),
        ("P04", "participant", "Badly at first."),
        ("P05 – Amir", "participant", "The night staff felt nobody had asked them."),
        ("Interviewer", "interviewer", "And once it settled?"),
        ("P04", "participant", "People stopped complaining."),
        ("P05 – Amir", "participant", "Most of us got used to it by the spring."),
        ("Interviewer", "interviewer", "Thank you both."),
    ]


def test_em_dash_labels_with_roles() -> None:
    assert _turns("em_dash_roles.txt") == [
        ("Interviewer", "interviewer", "Who ran the training sessions?"),
        ("P07 — Ruth (nurse)", "participant", "The practice educator, twice a month."),
        ("P08 — Tom (porter)", "participant", "Nobody told us they were on."),
        ("Interviewer", "interviewer", "Would you go next time?"),
        ("P07 — Ruth (nurse)", "participant", "Yes, if the ward covers us."),
        ("P08 — Tom (porter)", "participant", "Only if it is in paid time."),
    ]


def test_dotted_ids_with_and_without_a_role() -> None:
    assert _turns("dotted_ids.txt") == [
        ("Interviewer", "interviewer", "What changed between the first and second visits?"),
        ("P4.1", "participant", "We had a new manager by then."),
        ("Interviewer", "interviewer", "Did that help?"),
        ("P4.1", "participant", "It did. At 1.30: we now have a proper handover every day."),
        ("P2.1 (nurse)", "participant", "For us the checklist was the big change."),
        ("Interviewer", "interviewer", "Anything else?"),
        ("P2.1 (nurse)", "participant", "Two things:\n1. more staff,\n2. fewer forms."),
    ]


def test_times_opening_lines_of_talk_stay_talk() -> None:
    assert _turns("times_in_talk.txt") == [
        ("Interviewer", "interviewer", "When does the day start?"),
        (
            "P03",
            "participant",
            "The huddle is early.\n1.30: lunch if we are lucky.\n"
            "1.30: the consultant does the ward round.",
        ),
        ("Interviewer", "interviewer", "And the evening?"),
        ("P03", "participant", "It quietens down after six."),
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("P05 – Amir: words", "P05 – Amir"),
        ("P05 — Amir: words", "P05 — Amir"),
        ("P05 - Amir: words", "P05 - Amir"),  # the hyphen, as before
        ("P4.1: words", "P4.1"),
        ("P12.3 (nurse): words", "P12.3 (nurse)"),
        ("RM101.2: words", "RM101.2"),
        ("1.30: words", None),  # a time
        ("At 1.30: words", None),
        ("1. first item: words", None),  # a list's number
        ("P4.: words", None),  # a full stop with no figure after it
    ],
)
def test_label_shapes(line: str, label: str | None) -> None:
    m = match_label(line)
    assert (m.label if m else None) == label


@pytest.mark.parametrize("name", ["dash_form_with_colons.txt", "dash_form_with_colons_hyphen.txt"])
def test_a_dash_label_before_words_with_a_colon_is_the_dash_speaker(name: str) -> None:
    """``P23 – Funding: ...`` twice, in a file whose labels are ``P23 – words``: the speaker is
    ``P23``, the words from ``Funding`` on (with a hyphen, ``P23 - Funding`` was a speaker on
    bf84a41f; with an en dash it became one once a label could hold that dash)."""
    assert _turns(name) == [
        ("INTERVIEWER", "interviewer", "What held the project back?"),
        ("P23", "participant", "Funding: the pilot money ran out in March."),
        ("INTERVIEWER", "interviewer", "And after March?"),
        ("P23", "participant", "Funding: we begged the commissioners for a bridge."),
        ("INTERVIEWER", "interviewer", "Did they help?"),
        ("P23", "participant", "Only a little."),
    ]
