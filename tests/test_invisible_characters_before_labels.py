"""A character that does not show, standing before a speaker's label or between its name and
the colon. A Word or Teams export of a file with Arabic or Hebrew in it leaves a left-to-right
or right-to-left mark (U+200E, U+200F) before each label, a copy from a PDF or a web page a
soft hyphen (U+00AD), a zero-width space, joiner or word joiner, or a byte order mark in the
middle of the file, and a database export a unit separator (U+001F). Before session 83 a mark
of direction, a soft hyphen or a control character hid the label: ``\\u200eP04: words`` was
read as the words of the turn above (the participant's answer glued to the interviewer's
question, not coded). Now the label is read past them; the transcript's text is the file's, each
turn and segment an exact slice of it, the invisible character left in the text between turns.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment
from test_speaker_names import write_docx

INVISIBLE = {
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "soft hyphen": "\u00ad",
    "unit separator": "\u001f",
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "zero-width non-joiner": "\u200c",
    "word joiner": "\u2060",
    "byte order mark": "\ufeff",
    "left-to-right embedding": "\u202a",
    "left-to-right isolate": "\u2066",
}
EXPECTED = [
    ("Interviewer", "interviewer", "How is staffing?"),
    ("P04", "participant", "We are short of nurses on nights."),
    ("Interviewer", "interviewer", "And training?"),
    ("P04", "participant", "Training is patchy."),
]


def _read(path: Path) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught]


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_label_after_an_invisible_character_opens_its_turn(tmp_path: Path, char: str) -> None:
    text = (
        "Interviewer: How is staffing?\n"
        f"{char}P04: We are short of nurses on nights.\n"
        f"{char}Interviewer: And training?\n"
        f"{char}P04: Training is patchy.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, encoding="utf-8")
    t, said = _read(f)
    assert _turns(t) == EXPECTED
    assert said == []
    assert t.text == text  # nothing deleted: the character stays between the turns
    assert t.turns[1].start == text.index("We are")


@pytest.mark.parametrize("char", ["\u200e", "\u00ad", "\u001f"], ids=["lrm", "shy", "us"])
def test_an_invisible_character_inside_a_label_is_no_part_of_it(tmp_path: Path, char: str) -> None:
    """Between two letters a soft hyphen, a mark of direction or a control character parts no
    words: ``Inter\\u00adviewer`` is the interviewer, ``P\\u200e04`` the participant P04."""
    f = tmp_path / "p04.txt"
    f.write_text(
        f"Inter{char}viewer: How is staffing?\nP{char}04: We are short of nurses on nights.\n"
        f"Interviewer: And training?\nP04{char}: Training is patchy.\n",
        encoding="utf-8",
    )
    assert _turns(_read(f)[0]) == EXPECTED


def test_a_no_break_space_before_the_colon(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer\u00a0: How is staffing?\nP04\u00a0: We are short of nurses on nights.\n"
        "Interviewer: And training?\n\u200eP04\u00a0: Training is patchy.\n",
        encoding="utf-8",
    )
    assert _turns(_read(f)[0]) == EXPECTED


def test_marks_of_direction_before_labels_in_a_word_document(tmp_path: Path) -> None:
    f = write_docx(
        tmp_path / "p04.docx",
        [
            "\u200fInterviewer: How is staffing?",
            "\u200eP04: We are short of nurses on nights.",
            "\u00adInterviewer: And training?",
            "\u200eP04: Training is patchy.",
        ],
    )
    assert _turns(_read(f)[0]) == EXPECTED


def test_marks_of_direction_before_otter_names(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "\u200eInterviewer  0:03\nHow is staffing?\n\n"
        "\u200eSarah Jones  0:09\nWe are short of nurses on nights.\n\n"
        "\u200fInterviewer  0:31\nAnd training?\n\n"
        "\u200eSarah Jones  0:35\nTraining is patchy.\n",
        encoding="utf-8",
    )
    t, _ = _read(f)
    assert [(s, r, w.strip()) for s, r, w in _turns(t)] == [
        (s if s != "P04" else "Sarah Jones", r, w) for s, r, w in EXPECTED
    ]
    assert [u.begin_time for u in t.turns] == [3.0, 9.0, 31.0, 35.0]


def test_a_soft_hyphen_inside_talk_stays_in_the_words(tmp_path: Path) -> None:
    """Only labels are read past the characters: the words keep them as the file has them."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How is staffing?\nP04: We are short of nurs\u00ades on nights.\n"
        "Interviewer: And training?\nP04: Training is patchy.\n",
        encoding="utf-8",
    )
    t, _ = _read(f)
    assert _turns(t)[1] == ("P04", "participant", "We are short of nurs\u00ades on nights.")
