"""A blank line (or a row of separators, as Excel saves an empty row) above the header of a CSV
roqa reads: the header is the first line that is not blank, and rows keep their line numbers.

Session 40 (robustness): with a blank first line, a decisions file "has no segment_id column"
(its header named it) and an agreement file had "found: nothing"; a semicolon file's separator
was sniffed from the blank line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import read_long_csv
from roqa_nlp.decisions import read_decisions
from roqa_nlp.errors import RoqaError
from roqa_nlp.io import csv_delimiter
from roqa_nlp.record_files import read_records


def test_the_separator_is_told_from_the_header_below_blank_lines() -> None:
    assert csv_delimiter("\n\nunit;coder;code\nu1;A;Cost\n") == ";"


@pytest.mark.parametrize("above", ["\n", "\n\r\n  \n", ",,,,\n", ";;;\n\n"])
def test_a_decisions_file_with_blank_lines_above_its_header_is_read(
    tmp_path: Path, above: str
) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(
        above + "segment_id,decision,code_id\n\np04:0001,accept,IN.B\np04:0002,reject,IN.C\n",
        encoding="utf-8",
    )
    decisions, _ = read_decisions(path)
    assert [(d.segment_id, d.decision) for d in decisions] == [
        ("p04:0001", "accept"),
        ("p04:0002", "reject"),
    ]


def test_a_decisions_files_rows_keep_their_line_numbers_below_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("\n\nsegment_id,decision,code_id\np04:0001,maybe,IN.B\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(path)
    assert e.value.reason == "row 4: unknown decision 'maybe'"


def test_a_decisions_file_without_the_column_names_the_header_row_it_read(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text("\n\nsegment,decision\np04:0001,accept\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(path)
    assert str(e.value) == (
        f"{path}: decisions file has no segment_id column in its header row (line 3: "
        "segment,decision) (expected the columns segment_id, decision, code_id, new_code, note, "
        "text, valence, suggestion, separated by commas, semicolons or tabs)"
    )


def test_an_agreement_file_with_blank_lines_above_its_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "agree.csv"
    path.write_text("\nunit,coder,code\n\nu1,A,Cost\n\nu1,B,Cost\nu2,A,Culture\n", encoding="utf-8")
    units = read_long_csv(path)
    assert sorted(units.coders) == ["A", "B"]


def test_an_agreement_file_without_the_columns_names_the_header_row_it_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "agree.csv"
    path.write_text("\n\nsegment,who,what\nu1,A,Cost\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_long_csv(path)
    assert str(e.value) == (
        f"{path}: has no 'unit', 'coder' or 'code' column (found: segment, who, what in the header row, "
        "line 3) (the first line that is not blank must name the columns unit, coder and code)"
    )


def test_a_labelled_file_with_blank_lines_above_its_header_is_read(tmp_path: Path) -> None:
    path = tmp_path / "labelled.csv"
    path.write_text("\n\ntext,construct\nWe lack staff.,Available Resources\n", encoding="utf-8")
    assert read_records(path) == [
        (4, {"text": "We lack staff.", "construct": "Available Resources"})
    ]


def test_a_pseudonym_key_with_blank_lines_above_its_header_is_read(tmp_path: Path) -> None:
    from roqa_nlp.pseudonyms import PseudonymKey

    path = tmp_path / "key.csv"
    path.write_text("\n\nname,pseudonym\nMaria Okafor,P07\nTom Hale,\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert e.value.reason == "row 5: no pseudonym"


# -- the same in an Excel workbook: empty rows above the header row ----------------------------


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    from test_decisions_inputs import xlsx_bytes

    path.write_bytes(xlsx_bytes(rows))
    return path


# Above the header: rows of no cell (None), of empty or blank text cells (a cell whose contents
# were deleted in a formatted sheet), as a researcher leaves above a table.
EMPTY_ROWS: list[list[object]] = [[None, None], ["", None], [None, "  "]]


def test_a_decisions_workbook_with_empty_rows_above_its_header_is_read(tmp_path: Path) -> None:
    """Session 41: the first row of the sheet was read as the header, so a workbook with an
    empty row above it "has no segment_id column", as a CSV with a blank first line had until
    session 40."""
    path = _workbook(
        tmp_path / "decisions.xlsx",
        [*EMPTY_ROWS, ["segment_id", "decision", "code_id"], ["p04:0001", "accept", "IN.B"],
         ["p04:0002", "reject", "IN.C"]],
    )  # fmt: skip
    decisions, _ = read_decisions(path)
    assert [(d.segment_id, d.decision, d.row) for d in decisions] == [
        ("p04:0001", "accept", 5),
        ("p04:0002", "reject", 6),
    ]


def test_a_decisions_workbooks_rows_keep_their_row_numbers_below_empty_rows(
    tmp_path: Path,
) -> None:
    path = _workbook(
        tmp_path / "decisions.xlsx",
        [[None], [None], ["segment_id", "decision", "code_id"], ["p04:0001", "maybe", "IN.B"]],
    )
    with pytest.raises(RoqaError) as e:
        read_decisions(path)
    assert e.value.reason == "row 4: unknown decision 'maybe'"


def test_a_labelled_workbook_with_empty_rows_above_its_header_is_read(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "labelled.xlsx",
        [*EMPTY_ROWS, ["text", "construct"], ["We lack staff.", "Available Resources"]],
    )
    assert read_records(path) == [
        (5, {"text": "We lack staff.", "construct": "Available Resources"})
    ]
