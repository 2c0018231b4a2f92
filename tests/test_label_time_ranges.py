"""Specification: a speaker label's time written as a range (``Interviewer (00:01:00 -
00:01:30):``) or with minutes past 99 (``P06 (100:00):``) times the turn, and stays out of the
speaker's name, in plain text, Word paragraphs and Word table speaker cells alike.

Hunt s64 (h_docx2, D5): both shapes kept the time in the label ('P06 (100:00)', 'Interviewer
(00:01:00 - 00:01:30)'), each a speaker of its own with no time."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.timecodes import parse_timecode

docx = pytest.importorskip("docx")

QUESTION = "How ready was your organisation for the recovery approach?"
ANSWER = "Not ready at all. We had no plan and head office just sent an email."
LATER = "Did that change later on?"
YES = "Yes, a working group wrote a plan with dates and owners."
SAID = [("Interviewer", QUESTION), ("P06", ANSWER), ("Interviewer", LATER), ("P06", YES)]

RANGES = ["00:01:00 - 00:01:30", "00:01:30 - 00:02:00", "00:02:00 - 00:02:10", "00:02:10-00:02:40"]
RANGE_BEGINS = [60.0, 90.0, 120.0, 130.0]
PAST_99 = ["99:50", "100:00", "100:20", "101:05"]
PAST_99_BEGINS = [5990.0, 6000.0, 6020.0, 6065.0]


def turns(path: Path) -> list[tuple[str, str, float | None]]:
    t = read_transcript(path)
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


def expected(begins: list[float]) -> list[tuple[str, str, float | None]]:
    return [(s, w, b) for (s, w), b in zip(SAID, begins, strict=True)]


def docx_file(
    path: Path, paragraphs: Sequence[str] = (), rows: Sequence[Sequence[str]] = ()
) -> Path:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if rows:
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    d.save(out)
    path.write_bytes(out.getvalue())
    return path


CASES = [(RANGES, RANGE_BEGINS), (PAST_99, PAST_99_BEGINS)]


@pytest.mark.parametrize(("times", "begins"), CASES)
def test_a_label_time_range_or_minutes_past_99_times_a_plain_text_turn(
    times: list[str], begins: list[float], tmp_path: Path
) -> None:
    f = tmp_path / "p06.txt"
    f.write_text("".join(f"{s} ({t}): {w}\n" for (s, w), t in zip(SAID, times, strict=True)))
    assert turns(f) == expected(begins)


@pytest.mark.parametrize(("times", "begins"), CASES)
def test_a_label_time_range_or_minutes_past_99_times_a_word_paragraph_turn(
    times: list[str], begins: list[float], tmp_path: Path
) -> None:
    lines = [f"{s} ({t}): {w}" for (s, w), t in zip(SAID, times, strict=True)]
    assert turns(docx_file(tmp_path / "p06.docx", paragraphs=lines)) == expected(begins)


@pytest.mark.parametrize(("times", "begins"), CASES)
def test_a_label_time_range_or_minutes_past_99_in_a_word_table_speaker_cell_times_the_turn(
    times: list[str], begins: list[float], tmp_path: Path
) -> None:
    rows = [[f"{s} ({t})", w] for (s, w), t in zip(SAID, times, strict=True)]
    assert turns(docx_file(tmp_path / "p06.docx", rows=rows)) == expected(begins)


def test_a_bracketed_range_before_the_label_times_the_turn(tmp_path: Path) -> None:
    f = tmp_path / "p06.txt"
    f.write_text("".join(f"[{t}] {s}: {w}\n" for (s, w), t in zip(SAID, RANGES, strict=True)))
    assert turns(f) == expected(RANGE_BEGINS)


def test_a_bracketed_range_opening_a_word_table_words_cell_times_the_turn(tmp_path: Path) -> None:
    rows = [[s, f"[{t}] {w}"] for (s, w), t in zip(SAID, RANGES, strict=True)]
    assert turns(docx_file(tmp_path / "p06.docx", rows=rows)) == expected(RANGE_BEGINS)


def test_minutes_past_99_are_minutes_and_hours_keep_two_digit_minutes() -> None:
    assert [parse_timecode(v) for v in ("100:00", "101:05.5", "1:02:03")] == [
        6000.0,
        6065.5,
        3723.0,
    ]
    for value in ("1:100:00", "1000:00"):
        with pytest.raises(ValueError, match="not a clock time"):
            parse_timecode(value)


PADDED = [
    "( 00:01:00 - 00:01:30 )",
    "(00:01:30 - 00:02:00 )",
    "( 00:02:00 )",
    "[ 00:02:10-00:02:40 ]",
]


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_blanks_inside_a_label_times_brackets_keep_the_label_and_time_the_turn(
    kind: str, tmp_path: Path
) -> None:
    # hunt s65 h_docx R1: 'P06 ( 00:01:00 - 00:01:30 ):' was no label, so P06's answer went into
    # the interviewer's turn, uncoded and unsaid ('( 00:01:00 ):' lost the same way before)
    lines = [f"{s} {t}: {w}" for (s, w), t in zip(SAID, PADDED, strict=True)]
    if kind == "txt":
        f = tmp_path / "p06.txt"
        f.write_text("".join(line + "\n" for line in lines))
    else:
        f = docx_file(tmp_path / "p06.docx", paragraphs=lines)
    assert turns(f) == expected(RANGE_BEGINS)


@pytest.mark.parametrize("opening", ["00:01", "(00:01", "( 00:01", "(" + " " * 20_000 + "00:01"])
def test_blanks_after_a_time_opening_a_line_are_read_in_linear_time(opening: str) -> None:
    # a display name's pattern walked the blanks after a time back one by one, for each length
    # of the name: 20 000 of them took 17 s, a line a Word table cell or a .txt may hold; four
    # times the blanks must take far less than sixteen times as long
    from growth import assert_linear
    from roqa_nlp.transcripts.speaker_labels import display_name_label, match_label

    def labels(line: str) -> tuple[object, object]:
        return display_name_label(line), match_label(line)

    line = opening + " " * 20_000 + "x"
    assert labels(line) == (None, None)
    small = opening.replace(" " * 20_000, " " * 5_000) + " " * 5_000 + "x"  # all blanks 1/4
    assert_linear(labels, small, line)


@pytest.mark.parametrize(("blank", "time"), [(" ", "0:03"), ("\t", "0:03"), (" ", "[00:00:03]")])
def test_blanks_before_a_time_are_read_in_linear_time(blank: str, time: str) -> None:
    # hunt4 s79: a line of blanks ending in a time was read in time quadratic in the blanks (the
    # blanks a line opens with given back one by one, a display name's label read anew after
    # each): 5 000 took 7 s, 20 000 took 60 s or more. 200 000 are read in a child process
    # stopped after 60 s (on the quadratic code: hours), where 200 000 blanks must take far less
    # than sixteen times as long as 50 000 (tests/growth.py).
    import subprocess
    import sys

    from growth import LIMIT_FOR_4X

    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from growth import growth\n"
        "from roqa_nlp.transcripts.speaker_labels import line_labels\n"
        "def lines(n):\n"
        f"    return ['Jane Smith  0:03', 'hi there', {blank!r} * n + {time!r},"
        " 'Sam Roe  0:05', 'yo there']\n"
        "found = line_labels(lines(200_000))\n"
        "print(growth(line_labels, lines(50_000), lines(200_000)))\n"
        "print([None if m is None else m.label for m in found])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    ratio, labels = done.stdout.splitlines()
    assert labels == "['Jane Smith', None, None, 'Sam Roe', None]"
    assert float(ratio) < LIMIT_FOR_4X, f"4x the blanks took {float(ratio):.1f}x the time"
