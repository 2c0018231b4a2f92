"""Timestamps inside and at the end of turns, time-only paragraphs and transcription services'
boilerplate (Google Meet, Sonix) are no one's words: they never reach a turn, a segment or a
quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment


def turns(t: Transcript) -> list[tuple[str, str, int, int, float | None, float | None]]:
    return [
        (u.speaker, t.text[u.start : u.end], u.start, u.end, u.begin_time, u.end_time)
        for u in t.turns
    ]


def segments_hold_their_text(t: Transcript) -> None:
    segs = segment(t, "sentence")
    assert segs and all(t.text[s.start : s.end] == s.text for s in segs)
    assert not any(ch.isdigit() for s in segs for ch in s.text)


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


# --- timestamps inside a turn or at its end ----------------------------------------------------

INLINE_TXT = (
    "[00:00:02] Interviewer: How did it start?\n\n"
    "[00:00:05] P35: The contract had outcomes written [00:00:28] into it.\n"
    "We had to show progress. [00:00:40]\n\n"
    "Interviewer: And staff? (00:00:44)\n\n"
    "P35: Mixed [inaudible 00:00:50] at first.\n"
)
INLINE_TEXT = (
    "Interviewer: How did it start?\n\n"
    "P35: The contract had outcomes written into it.\nWe had to show progress.\n\n"
    "Interviewer: And staff?\n\n"
    "P35: Mixed [inaudible] at first."
)
INLINE_TURNS = [
    ("Interviewer", "How did it start?", 13, 30, 2.0, None),
    (
        "P35",
        "The contract had outcomes written into it.\nWe had to show progress.",
        37,
        104,
        5.0,
        40.0,
    ),
    ("Interviewer", "And staff?", 119, 129, 40.0, 44.0),
    ("P35", "Mixed [inaudible] at first.", 136, 163, 44.0, None),
]


def test_timestamps_inside_and_at_the_end_of_txt_turns_are_left_out(tmp_path: Path) -> None:
    f = tmp_path / "p35.txt"
    f.write_text(INLINE_TXT, "utf-8")
    t = read_transcript(f)
    assert t.text == INLINE_TEXT
    assert turns(t) == INLINE_TURNS
    assert t.metadata["rendering"] == "canonical" and t.metadata["time_marks"] is True
    segments_hold_their_text(t)


def test_timestamps_inside_and_at_the_end_of_docx_paragraphs_are_left_out(
    tmp_path: Path,
) -> None:
    f = write_docx(
        tmp_path / "p66.docx",
        [
            "Interviewer: How did it start? (00:00:08)",
            "P66: The contract had outcomes written [00:00:16] into it. (00:00:17)",
            "Interviewer: And staff? (00:00:22)",
            "P66: Mixed [crosstalk 00:00:30] at first.",
        ],
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: How did it start?\n\n"
        "P66: The contract had outcomes written into it.\n\n"
        "Interviewer: And staff?\n\n"
        "P66: Mixed [crosstalk] at first."
    )
    assert turns(t) == [
        ("Interviewer", "How did it start?", 13, 30, None, 8.0),
        ("P66", "The contract had outcomes written into it.", 37, 79, 8.0, 17.0),
        ("Interviewer", "And staff?", 94, 104, 17.0, 22.0),
        ("P66", "Mixed [crosstalk] at first.", 111, 138, 22.0, None),
    ]
    segments_hold_their_text(t)


def test_a_timestamp_only_before_a_label_keeps_the_files_own_text(tmp_path: Path) -> None:
    text = "[00:00:02] Interviewer: Why?\n\n[00:00:05] P1: Cost (and 10:30 meetings).\n"
    f = tmp_path / "p1.txt"
    f.write_text(text, "utf-8")
    t = read_transcript(f)
    assert t.text == text and t.metadata["rendering"] == "original"
    assert turns(t) == [
        ("Interviewer", "Why?", 24, 28, 2.0, None),
        ("P1", "Cost (and 10:30 meetings).", 45, 71, 5.0, None),
    ]
