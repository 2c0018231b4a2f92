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
FIX = '(roqa --interviewer "Dr. A. Khan"; interviewer_labels in Python)'


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
        ANSWER + "Dr. A. Khan: Tell me about the training.\n\nP04: " + MORE,  # a prompt between
    ],
)  # fmt: skip
def test_an_interviewer_with_initials_who_asks_once_is_named(tmp_path: Path, text: str) -> None:
    f = tmp_path / "p04.txt"
    t, said = _read(f, text)
    assert [u.role for u in t.turns if u.speaker == "P04"]  # read as before: P04's words
    assert any("Dr. A. Khan" in t.text[u.start : u.end] for u in t.turns if u.speaker == "P04")
    got = [w for w in said if "a name with initials said too seldom" in w]
    assert len(got) == 1 and got[0].startswith(f"{f}: line ") and FIX in got[0]
    assert "'Dr. A. Khan:'" in got[0] and "read as the talk of 'P04' and coded" in got[0]
    assert transcript_summary(t)["initialled_talk"] == got[0]  # roqa inspect says it too
    # no split-turn advice to delete the label below a prompt: that would code it as the answer
    assert not any("delete the repeated label" in w for w in said)
    named, said = _read(f, text, "Interviewer", "Dr. A. Khan")
    assert ("Dr. A. Khan", "interviewer") in [(u.speaker, u.role) for u in named.turns]
    assert not [w for w in said if "a name with initials said too seldom" in w]


def test_two_names_are_named_once(tmp_path: Path) -> None:
    text = ANSWER + ASKED + MORE + "\nA. Khan: And what got in the way?\n\nThe commissioners.\n"
    t, said = _read(tmp_path / "p04.txt", text)
    got = [w for w in said if "a name with initials said too seldom" in w]
    assert len(got) == 1
    assert "lines 3, 7 open with 'Dr. A. Khan:', 'A. Khan:'" in got[0]
    assert '--interviewer "Dr. A. Khan" --interviewer "A. Khan"' in got[0]


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
    assert not [w for w in said if "a name with initials said too seldom" in w]
    assert transcript_summary(t)["initialled_talk"] is None
