"""A transcript table's time span (NVivo's ``Timespan``, ``0:08.7 - 0:12.0``) or its start and
end columns give each row its begin and end, in a Word table as in a .csv: the Word reader kept
only the begin (session 51 tester 'readers', finding 7: rm26_nvivo_table.docx gave (8.7, None)
where rm33_nvivo.csv gave (8.7, 12.0))."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

NVIVO = [
    ("Timespan", "Speaker", "Content"),
    ("0:02.0 - 0:07.9", "Researcher", "What gets in the way of recovery work?"),
    ("0:08.7 - 0:12.0", "RM26", "Staffing, mostly."),
    ("0:12.5 - 0:15.0", "RM26", "The rota never has a spare hour."),
    ("0:15.8 - 0:18.0", "Researcher", "And what helps?"),
    ("0:18.7 - 0:50.5", "RM26", "Peer supervision, every month."),
]
#: The same rows with a start and an end column, as other services write them.
START_END = [
    ("Start Time", "End Time", "Speaker", "Content"),
    *((*row[0].split(" - "), *row[1:]) for row in NVIVO[1:]),
]


def _docx(path: Path, rows: list[tuple[str, ...]]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    d.save(str(path))
    return path


def _csv(path: Path, rows: list[tuple[str, ...]]) -> Path:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path.write_text(out.getvalue(), "utf-8")
    return path


def _times(t: Transcript) -> tuple[list[tuple[str, float | None, float | None]], list[tuple]]:
    """Each turn's speaker and times, and each sentence's words and times (offsets checked)."""
    sentences = segment(t, unit="sentence")
    for s in sentences:
        assert t.text[s.start : s.end] == s.text
    return (
        [(u.speaker, u.begin_time, u.end_time) for u in t.turns],
        [(s.text, s.begin_time, s.end_time) for s in sentences],
    )


@pytest.mark.parametrize("rows", [NVIVO, START_END], ids=["Timespan", "Start and End"])
@pytest.mark.parametrize("write", [_docx, _csv], ids=["docx", "csv"])
def test_a_tables_time_span_or_end_column_gives_each_row_its_end_in_word_as_in_csv(
    tmp_path: Path, write: object, rows: list[tuple[str, ...]]
) -> None:
    suffix = ".docx" if write is _docx else ".csv"
    f = write(tmp_path / f"rm26{suffix}", rows)  # type: ignore[operator]
    turns, sentences = _times(read_transcript(f, interviewer_labels=["Researcher"]))
    assert turns == [
        ("Researcher", 2.0, 7.9),
        ("RM26", 8.7, 15.0),
        ("Researcher", 15.8, 18.0),
        ("RM26", 18.7, 50.5),
    ]
    assert sentences == [
        ("Staffing, mostly.", 8.7, 12.0),
        ("The rota never has a spare hour.", 12.5, 15.0),
        ("Peer supervision, every month.", 18.7, 50.5),
    ]


def test_a_time_cell_of_blanks_is_read_in_linear_time() -> None:
    # tried from each blank of a run, the span's separator took 2 s on 20 000 blanks; four times
    # the blanks must take far less than sixteen times as long
    from growth import assert_linear
    from roqa_nlp.transcripts.columns import span

    assert span("0:01" + " " * 20_000 + "x") == ("0:01" + " " * 20_000 + "x", None)
    assert span("0:01" + " " * 20_000 + "to 0:02") == ("0:01", "0:02")
    for end in ("x", "to 0:02"):
        assert_linear(span, "0:01" + " " * 5_000 + end, "0:01" + " " * 20_000 + end)
