"""Specification: a speaker label's time written as a range (``Interviewer (00:01:00 -
00:01:30):``) or with minutes past 99 (``P06 (100:00):``) times the turn, and stays out of the
speaker's name, in plain text, Word paragraphs and Word table speaker cells alike.

Hunt s64 (h_docx2, D5): both shapes kept the time in the label ('P06 (100:00)', 'Interviewer
(00:01:00 - 00:01:30)'), each a speaker of its own with no time."""

from __future__ import annotations

import io
import time
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
    # '1000:00' raised here until hunt s65 h_docx D2: any number of minutes is minutes (below)
    for value in ("1:100:00",):
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


# Hunt s65 h_docx D1: in a .txt, minutes from 240 on ('(240:00)', four hours in) were read as a
# time of day, each turn's time rebased to the first label's (0.0, clock_start 14400); a Word
# table's speaker cell read them as minutes. Minutes past 59 are no time of day.
PAST_240 = ["240:00", "242:00", "242:30", "243:05"]
PAST_240_BEGINS = [14400.0, 14520.0, 14550.0, 14585.0]


@pytest.mark.parametrize("line", ["{s} ({t}): {w}\n", "{s}  {t}\n{w}\n\n"], ids=["rev", "otter"])
def test_minutes_past_four_hours_in_a_plain_text_label_are_minutes_not_a_time_of_day(
    line: str, tmp_path: Path
) -> None:
    f = tmp_path / "p06.txt"
    f.write_text("".join(line.format(s=s, t=t, w=w) for (s, w), t in zip(SAID, PAST_240)))
    assert turns(f) == expected(PAST_240_BEGINS)
    assert "clock_start" not in read_transcript(f).metadata


def test_times_of_day_in_plain_text_labels_still_count_from_the_first(tmp_path: Path) -> None:
    f = tmp_path / "p06.txt"
    times = ["10:15:32", "10:15:40", "10:16:02", "10:16:30"]
    f.write_text("".join(f"[{s}] {t}\n{w}\n\n" for (s, w), t in zip(SAID, times)))
    assert turns(f) == expected([0.0, 8.0, 30.0, 58.0])
    assert read_transcript(f).metadata["clock_start"] == 36932.0


# Hunt s65 h_docx D2: minutes stopped at 999. '(1000:00)' stayed in the speaker's name ('P06
# (1000:00)' a speaker of its own, untimed), a Word table's time column read 1000:03 as no time
# and a .csv's start column '1000:00' was an error. Any number of minutes is minutes.
PAST_999 = ["999:50", "1000:00", "1000:20", "10001:05"]
PAST_999_BEGINS = [59990.0, 60000.0, 60020.0, 600065.0]


@pytest.mark.parametrize("kind", ["txt", "paragraphs", "speaker cells"])
def test_minutes_past_999_in_a_label_are_minutes(kind: str, tmp_path: Path) -> None:
    lines = [f"{s} ({t}): {w}" for (s, w), t in zip(SAID, PAST_999, strict=True)]
    if kind == "txt":
        f = tmp_path / "p06.txt"
        f.write_text("".join(line + "\n" for line in lines))
    elif kind == "paragraphs":
        f = docx_file(tmp_path / "p06.docx", paragraphs=lines)
    else:
        rows = [[f"{s} ({t})", w] for (s, w), t in zip(SAID, PAST_999, strict=True)]
        f = docx_file(tmp_path / "p06.docx", rows=rows)
    assert turns(f) == expected(PAST_999_BEGINS)


def test_minutes_past_999_in_a_table_time_column_are_minutes(tmp_path: Path) -> None:
    rows = [[t, s, w] for (s, w), t in zip(SAID, PAST_999, strict=True)]
    assert turns(docx_file(tmp_path / "p06.docx", rows=rows)) == expected(PAST_999_BEGINS)
    f = tmp_path / "p06.csv"
    f.write_text(
        "start,speaker,text\n"
        + "".join(f'{t},{s},"{w}"\n' for (s, w), t in zip(SAID, PAST_999, strict=True))
    )
    assert turns(f) == expected(PAST_999_BEGINS)


def test_any_number_of_minutes_is_minutes_but_hours_keep_two_digit_minutes() -> None:
    assert [parse_timecode(v) for v in ("1000:00", "10000:05.5", "123456789:00")] == [
        60000.0,
        600005.5,
        7407407340.0,
    ]
    for value in ("1:100:00", "1234567890:00", "1000:000", "1000:00:00:00"):
        with pytest.raises(ValueError, match="not a clock time"):
            parse_timecode(value)


# Hunt s65 h_docx D3: a range counted only with '-', '–' or '—' between its times; with a minus
# sign, a Unicode hyphen, '~' or 'to' the time stayed in the speaker's name.
OTHER_RANGES = [
    "00:01:00 − 00:01:30",
    "00:01:30 ‐ 00:02:00",
    "00:02:00 ~ 00:02:10",
    "00:02:10 to 00:02:40",
]


@pytest.mark.parametrize("kind", ["txt", "paragraphs", "speaker cells", "before the label"])
def test_a_label_time_range_with_a_minus_sign_hyphen_tilde_or_to_times_the_turn(
    kind: str, tmp_path: Path
) -> None:
    said = zip(SAID, OTHER_RANGES, strict=True)
    if kind == "txt":
        f = tmp_path / "p06.txt"
        f.write_text("".join(f"{s} ({t}): {w}\n" for (s, w), t in said))
    elif kind == "before the label":
        f = tmp_path / "p06.txt"
        f.write_text("".join(f"[{t}] {s}: {w}\n" for (s, w), t in said))
    elif kind == "paragraphs":
        f = docx_file(tmp_path / "p06.docx", paragraphs=[f"{s} ({t}): {w}" for (s, w), t in said])
    else:
        f = docx_file(tmp_path / "p06.docx", rows=[[f"{s} ({t})", w] for (s, w), t in said])
    assert turns(f) == expected(RANGE_BEGINS)


def test_words_that_hold_a_range_or_many_minutes_stay_talk(tmp_path: Path) -> None:
    talk = [
        "Scores (12:30 to 14:00) were low.",
        "Room 1001:30 was where we met.",
        "It was 1000:00 minutes long.",
        "The ratio (1:15 ~ 1:20) was fine.",
    ]
    f = tmp_path / "p06.txt"
    f.write_text(f"Interviewer: {QUESTION}\nP06: {ANSWER}\n" + "\n".join(talk) + "\n")
    assert turns(f) == [("Interviewer", QUESTION, None), ("P06", "\n".join([ANSWER, *talk]), None)]


# Hunt s65 h_docx D6: a Word table's speaker cell with blanks inside its time's brackets kept the
# time in the name ('Interviewer ( 00:01:00 - 00:01:30 )'), as the .txt label no longer did.
@pytest.mark.parametrize("kind", ["speaker cells", "txt label alone"])
def test_blanks_inside_the_time_brackets_of_a_table_speaker_cell_time_the_turn(
    kind: str, tmp_path: Path
) -> None:
    said = zip(SAID, PADDED, strict=True)
    if kind == "speaker cells":
        f = docx_file(tmp_path / "p06.docx", rows=[[f"{s} {t}", w] for (s, w), t in said])
    else:
        f = tmp_path / "p06.txt"
        f.write_text("".join(f"{s} {t}\n{w}\n\n" for (s, w), t in said))
    assert turns(f) == expected(RANGE_BEGINS)


@pytest.mark.parametrize("opening", ["00:01", "(00:01", "( 00:01", "(" + " " * 20_000 + "00:01"])
def test_blanks_after_a_time_opening_a_line_are_read_in_linear_time(opening: str) -> None:
    # a display name's pattern walked the blanks after a time back one by one, for each length
    # of the name: 20 000 of them took 30 s, a line a Word table cell or a .txt may hold
    from roqa_nlp.transcripts.speaker_labels import display_name_label, match_label

    line = opening + " " * 20_000 + "x"
    started = time.perf_counter()
    assert (display_name_label(line), match_label(line)) == (None, None)
    assert time.perf_counter() - started < 1.0
