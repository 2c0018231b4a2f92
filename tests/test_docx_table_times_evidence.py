"""Specification: a table's time in the speaker cell or opening the words is read on the same
evidence as a paragraph's, on whatever line of the cell it is, and only a real clock time.

Session 64 h_docx hunt of d438a5e3/552dd358: a lone ``Ward 10:30`` speaker cell was split into
the speaker ``Ward`` and the time 630 s (a paragraph needs two lines of that bare form); a time
on its own line of the speaker cell (``P06`` / ``(00:00:31)``) timed nothing and stayed in the
name, and one on its own line of the words cell, or with no space after it, was left out of the
words but timed nothing; and ``(99:99:99)`` and ``(25:61)`` were read as times."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from test_docx_damaged_and_timed_tables import ANSWER, LATER, QUESTION, docx_data, turns

docx = pytest.importorskip("docx")


def test_a_lone_speaker_cell_ending_in_a_bare_clock_time_is_the_speaker(tmp_path: Path) -> None:
    rows = [["Speaker", "Text"], ["Interviewer", QUESTION], ["Ward 10:30", ANSWER]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, None),
        ("Ward 10:30", ANSWER, None),
    ]


def test_bare_clock_times_in_two_speaker_cells_time_their_turns(tmp_path: Path) -> None:
    rows = [["Interviewer 0:20", QUESTION], ["P06 0:31", ANSWER], ["Interviewer", LATER]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("P06", ANSWER, 31.0),
        ("Interviewer", LATER, None),
    ]


def test_a_lone_bracketed_time_in_a_speaker_cell_times_its_turn(tmp_path: Path) -> None:
    rows = [["Interviewer", QUESTION], ["P06 (00:00:31)", ANSWER], ["Interviewer", LATER]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, None),
        ("P06", ANSWER, 31.0),
        ("Interviewer", LATER, None),
    ]


def two_line_cells(rows: list[tuple[list[str], list[str]]], *, line_break: bool) -> bytes:
    """A ``Speaker | Text`` table whose cells hold these lines: paragraphs of the cell, or lines
    of one paragraph parted by a line break (Shift+Enter)."""
    d = docx.Document()
    t = d.add_table(rows=len(rows) + 1, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "Speaker", "Text"
    for at, cells in enumerate(rows, start=1):
        for col, lines in enumerate(cells):
            p = t.cell(at, col).paragraphs[0]
            for n, line in enumerate(lines):
                if n and line_break:
                    p.runs[-1].add_break()
                elif n:
                    p = t.cell(at, col).add_paragraph()
                p.add_run(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def read_turns(data: bytes, tmp_path: Path) -> list[tuple[str, str, float | None]]:
    f = tmp_path / "rm06.docx"
    f.write_bytes(data)
    t = read_transcript(f)
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


@pytest.mark.parametrize("line_break", [False, True])
def test_a_time_on_its_own_line_of_the_speaker_cell_times_the_turn(
    line_break: bool, tmp_path: Path
) -> None:
    rows = [(["Interviewer", "(00:00:20)"], [QUESTION]), (["P06", "(00:00:31)"], [ANSWER])]
    assert read_turns(two_line_cells(rows, line_break=line_break), tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("P06", ANSWER, 31.0),
    ]


@pytest.mark.parametrize("line_break", [False, True])
def test_a_time_mark_on_its_own_line_of_the_words_cell_times_the_turn(
    line_break: bool, tmp_path: Path
) -> None:
    rows = [(["Interviewer"], ["[00:00:20]", QUESTION]), (["P06"], ["[00:00:31]", ANSWER])]
    assert read_turns(two_line_cells(rows, line_break=line_break), tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("P06", ANSWER, 31.0),
    ]


def test_a_time_mark_with_no_space_after_it_times_the_turn(tmp_path: Path) -> None:
    rows = [["Interviewer", f"[00:00:20]{QUESTION}"], ["P06", f"[00:00:31]{ANSWER}"]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("P06", ANSWER, 31.0),
    ]


def test_label_and_time_lines_with_a_time_of_no_clock_keep_their_speakers_and_times(
    tmp_path: Path,
) -> None:
    """A sloppy transcript's '00:00:61' is read as 61 seconds, as before s64: a rule reading
    such times as none lost the times of the turns after them, with no word said (hunt s64
    h_docx2, R1)."""
    lines = [
        "00:00:03 Speaker 1",
        QUESTION,
        "00:00:61 Speaker 2",
        ANSWER,
        "00:00:70 Speaker 1",
        LATER,
    ]
    f = tmp_path / "rm06.docx"
    f.write_bytes(docx_data(lines))
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Speaker 1", QUESTION, 3.0),
        ("Speaker 2", ANSWER, 61.0),
        ("Speaker 1", LATER, 70.0),
    ]


def test_a_time_in_round_brackets_glued_to_a_word_opening_the_words_is_talk(
    tmp_path: Path,
) -> None:
    """'(10:30)am was when we started' keeps its words (hunt s64 h_docx2, D2); '[00:00:20]How'
    in square brackets is the turn's time mark."""
    rows = [["Interviewer", f"[00:00:20]{QUESTION}"], ["P06", f"(10:30)am {ANSWER}"]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("P06", f"(10:30)am {ANSWER}", None),
    ]
