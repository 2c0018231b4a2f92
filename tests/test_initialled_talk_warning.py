"""A line opening with a name with initials said too seldom to be a speaker's label is read as
the turn's words (session 68), so an interviewer with initials who asks once or twice had their
question coded as the participant's talk with no warning unless a repeated label followed it
(session 69): the reader warns once per file naming the label and ``--interviewer``, with or
without an ``Interviewer:`` label in the file, in ``roqa inspect`` and ``read_transcript`` (as
``roqa code`` reads) alike. Which lines are turns is unchanged; a place or a germ said
mid-answer that asks nothing is not named."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.cli.inspect_cmd import transcript_summary
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.initialled_talk import initialled_talk_warning

ANSWER = "P04: We run three supported houses and the staffing is thin most weeks.\n\n"
ASKED = "Dr. A. Khan: What helped you bring in recovery-focused practice?\n\n"
MORE = "Honestly the peer workers helped, and the training budget we got last year.\n"
FIX = 'roqa code/inspect --interviewer "Dr. A. Khan" (interviewer_labels in Python)'
SELDOM = "said too seldom to be"


def _read(path: Path, text: str, *interviewer: str) -> tuple[object, list[str]]:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, interviewer_labels=list(interviewer) or None)
    return t, [str(w.message) for w in caught]


@pytest.mark.parametrize(
    "text",
    [
        ANSWER + ASKED + MORE,  # no Interviewer label, the answer goes on unlabelled
        "Interviewer: Can you tell me about your service?\n\n" + ANSWER + ASKED + MORE
        + "\nInterviewer: Thank you.\n",  # an Interviewer label too
        ANSWER + "Dr. A. Khan: Tell me about the training?\n\n" + MORE,  # asked, goes on
    ],
)  # fmt: skip
def test_an_interviewer_with_initials_who_asks_once_is_named(tmp_path: Path, text: str) -> None:
    f = tmp_path / "p04.txt"
    t, said = _read(f, text)
    assert [u.role for u in t.turns if u.speaker == "P04"]  # read as before: P04's words
    assert any("Dr. A. Khan" in t.text[u.start : u.end] for u in t.turns if u.speaker == "P04")
    got = [w for w in said if SELDOM in w]
    assert (
        len(got) == 1
        and got[0].startswith(f"{f}: line ")
        and " ('Dr. A. Khan: " in got[0]
        and FIX in got[0]
    )
    assert "is coded as P04's talk, 'Dr. A. Khan:' said too seldom to be a label" in got[0]
    assert "if it is the interviewer" in got[0]  # one label: 'it'
    assert len(got[0]) - len(str(f)) < 250  # short enough to read
    assert transcript_summary(t)["initialled_talk"] == got[0]  # roqa inspect says it too
    assert not any("delete the repeated label" in w for w in said)
    named, said = _read(f, text, "Interviewer", "Dr. A. Khan")
    assert ("Dr. A. Khan", "interviewer") in [(u.speaker, u.role) for u in named.turns]
    assert not [w for w in said if SELDOM in w]


def test_two_names_are_named_once(tmp_path: Path) -> None:
    text = ANSWER + ASKED + MORE + "\nA. Khan: And what got in the way?\n\nThe commissioners.\n"
    t, said = _read(tmp_path / "p04.txt", text)
    got = [w for w in said if SELDOM in w]
    assert len(got) == 1
    assert "lines 3, 7 ('Dr. A. Khan: What" in got[0]
    assert "talk, 'Dr. A. Khan:', 'A. Khan:' said too seldom to be labels" in got[0]
    assert "name each that is the interviewer, roqa code/inspect --interviewer" in got[0]
    assert '--interviewer "A. Khan" (interviewer_labels in Python)' in got[0]


def test_a_question_above_a_repeated_label_is_named_by_one_warning(tmp_path: Path) -> None:
    t, said = _read(tmp_path / "p04.txt", ANSWER + ASKED + "P04: " + MORE)
    assert len([w for w in said if "Dr. A. Khan" in w]) == 1  # the split-turn warning's
    assert initialled_talk_warning(t) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "answer",
    [
        "We cover a few areas now.\nN. Yorkshire: we cover two supported houses.\n"
        "W. Yorkshire: four houses, mostly in Leeds.\nAnd that's it really.",
        "We had two outbreaks on the ward.\nC. Difficile: outbreaks in March, three residents.\n"
        "E. Coli: one, a urine infection.\nThe inspectors were fine with it.",
        "A few areas.\n\nN. Yorkshire: we cover two houses.\n\nAnd the team in Leeds.",
        "Badly at first.\nDr. A. Khan: what is the evidence for this? That was what she said.",
        "It changed.\n\nC. Difficile: outbreaks every winter.",  # a last paragraph, then the Q
    ],
)
def test_places_and_quotes_that_ask_nothing_are_not_named(tmp_path: Path, answer: str) -> None:
    text = (
        f"Interviewer: What went wrong that winter?\nP01: {answer}\n"
        "Interviewer: And what helped?\nP01: Good infection control training.\n"
    )
    t, said = _read(tmp_path / "p01.txt", text)
    assert not [w for w in said if SELDOM in w]
    assert transcript_summary(t)["initialled_talk"] is None


@pytest.mark.parametrize(
    ("between", "line", "label"),
    [
        ("\n\nN. Yorkshire: we cover two houses.\n\n", (8, 6), "N. Yorkshire"),  # a place
        ("\n\nC. Difficile: outbreaks every winter.\n\n", (8, 6), "C. Difficile"),  # a germ
        ("\n\nDr. A. Khan: Tell me about the training.\n\n", (8, 6), "Dr. A. Khan"),  # a prompt
        ("\n\nN. Yorkshire: and two houses.\nThat is all.\n\n", (9, 6), "N. Yorkshire"),
        ("\nDr. A. Khan: Tell me about the training.\n", (6, 5), "Dr. A. Khan"),  # single-spaced
        ("\nN. Yorkshire: we cover two houses.\n", (6, 5), "N. Yorkshire"),
        ("\nDr. A. Khan: And the training?\n", (6, 5), "Dr. A. Khan"),  # asks, Qs mostly labelled
    ],
)
def test_a_name_between_two_turns_of_one_participant_gets_both_fixes_in_one_warning(
    tmp_path: Path, between: str, line: tuple[int, int], label: str
) -> None:
    """Hunt h_initials 4 and M1: a place, a germ or the interviewer's prompt opening with a name
    with initials between two turns of one participant cannot be told apart by its shape, so the
    split-turn warning gives both fixes, each with its condition, and no other warning names it
    (before: a paragraph's place drew only --interviewer, a single-spaced prompt only 'delete')."""
    lead = "Interviewer: What helped?\nInterviewer: And what else?\nInterviewer: Why?\n"
    text = lead + "P01: We cover a few areas." + between + "P01: And the team in Leeds.\n"
    f = tmp_path / "p01.txt"
    t, said = _read(f, text)
    repeated, n = line
    got = [w for w in said if label in w]
    assert len(got) == 1, said
    assert got[0].startswith(f"{f}: line {repeated} repeats P01's label below line {n} ('{label}: ")
    assert f"if line {n} is P01's talk, delete the repeated label" in got[0]
    assert f'if it is the interviewer\'s, roqa code/inspect --interviewer "{label}"' in got[0]
    assert initialled_talk_warning(t) is None  # type: ignore[arg-type]
    named, said = _read(f, text, "Interviewer", label)
    assert (label, "interviewer") in [(u.speaker, u.role) for u in named.turns]
    assert not [w for w in said if label in w or "repeated" in w]


@pytest.mark.parametrize(
    "text",
    [
        "Q. What helped?\nA. N. Yorkshire: the rural bits?\nQ. And?\nA. Nothing.\n",
        "Interviewer: What did staff say?\n\nP04: Dr. A. Khan: is this evidence-based? That"
        " is what our psychiatrist asked?\n\nInterviewer: OK.\n",
    ],
)
def test_a_name_after_a_label_on_its_line_is_not_named(tmp_path: Path, text: str) -> None:
    """Hunt h_initials 5: --interviewer names a label opening a line, so it cannot read a name
    after another label on the same line ('A. N. Yorkshire: ...?'); no warning to follow."""
    t, said = _read(tmp_path / "p04.txt", text)
    assert not [w for w in said if SELDOM in w]
    assert initialled_talk_warning(t) is None  # type: ignore[arg-type]


def test_a_full_width_question_mark_asks(tmp_path: Path) -> None:
    """Hunt h_initials M4."""
    text = ANSWER + "A. Khan: And what got in the way\uff1f\n\n" + MORE
    t, said = _read(tmp_path / "p04.txt", text)
    assert [w for w in said if SELDOM in w and "'A. Khan:'" in w]
