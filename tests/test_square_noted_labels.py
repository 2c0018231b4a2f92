"""A speaker label whose note is in square brackets (``Interviewer [EP]:``, ``Jane Smith
[Calderdale Recovery Hub]:``) is read as one with a note in round brackets is, in a .txt and a
.docx, within the same length limits: before, ``Interviewer [EP]: And what changed since then?``
was not a label, so the question was read inside P12's answer and coded as their talk."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import label_fits, match_label, name_before_brackets

LINES = [
    "Interviewer: So, um, how long have you been in post?",
    "P12: About three years now, since the, uh, the merger.",
    "Interviewer [EP]: And what changed since then?",
    "P12: Loads, honestly, the whole team turned over.",
]


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


EXPECTED = [
    ("Interviewer", "interviewer", "So, um, how long have you been in post?"),
    ("P12", "participant", "About three years now, since the, uh, the merger."),
    ("Interviewer [EP]", "interviewer", "And what changed since then?"),
    ("P12", "participant", "Loads, honestly, the whole team turned over."),
]


def test_an_interviewer_with_a_square_bracket_note_asks_in_a_txt(tmp_path: Path) -> None:
    f = tmp_path / "p12.txt"
    f.write_text("\n".join(LINES) + "\n", "utf-8")
    assert turns_of(read_transcript(f)) == EXPECTED


def test_an_interviewer_with_a_square_bracket_note_asks_in_a_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in LINES:
        d.add_paragraph(line)
    d.save(str(tmp_path / "p12.docx"))
    assert turns_of(read_transcript(tmp_path / "p12.docx")) == EXPECTED


def test_a_square_bracket_note_with_a_colon_is_part_of_the_label() -> None:
    m = match_label("Interviewer [Q1: intro]: And what changed?")
    assert m is not None and (m.label, m.words_start) == ("Interviewer [Q1: intro]", 25)


@pytest.mark.parametrize(
    ("line", "label", "time"),
    [
        ("Interviewer [EP]: And what changed?", "Interviewer [EP]", None),
        ("Carer [Mrs O] [she/her]: Awful.", "Carer [Mrs O] [she/her]", None),
        # a time in square brackets after the name is the turn's time, not a note
        ("Jane Smith [12:30]: Hello.", "Jane Smith", 750.0),
        ("[Interviewer]: Hello.", "Interviewer", None),
    ],
)
def test_a_square_bracket_note_is_read_with_its_label(
    line: str, label: str, time: float | None
) -> None:
    m = match_label(line)
    assert m is not None and (m.label, m.time) == (label, time)


@pytest.mark.parametrize(
    ("label", "fits"),
    [
        ("Bernadette Okonkwo [Calderdale Recovery Hub]", True),
        ("Dr. Bernadette Okonkwo [Calderdale and Kirklees Hub]", True),
        ("Bernadette Okonkwo-Henderson Smythe Williams [Hub]", False),
        ("Bernadette [Calderdale and Kirklees Recovery Support Hub]", False),
    ],
)
def test_a_square_bracket_note_has_the_round_notes_length_limits(label: str, fits: bool) -> None:
    assert label_fits(label) is fits
    assert label_fits(label.replace("[", "(").replace("]", ")")) is fits


def test_the_name_before_a_square_bracket_note() -> None:
    assert name_before_brackets("Dean [support worker]") == "Dean"
