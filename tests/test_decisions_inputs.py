"""Specification of the decisions files a researcher gives by mistake or in another form (session
36, tester D2, D5, D6, D7): a review saved from Excel as ``.xlsx`` is read as its CSV is; a Word
table or a PDF given as decisions is said to be no decisions file; a review matching no segment
of the codings is an error (other codings given), and a decision on no segment is named by its
segment id and row; a code name with a typo is named by its row, with the code it is nearest."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.decisions import read_decisions
from roqa_nlp.errors import RoqaError
from test_apply_decisions import TEXTS, model_codings
from test_cli_core import roqa

HEADER = ["segment_id", "decision", "code_id", "new_code", "note", "text", "valence"]
ROWS = [
    ["p01:0001", "accept", "IS.E.2", "", "", TEXTS[0], ""],
    ["p01:0002", "recode", "IS.B", "", "backs it", TEXTS[1], "enabler"],
    ["p01:0003", "new-code", "", "Agency staff", "", TEXTS[2], ""],
]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def csv_file(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


# -- D2: a review saved as .xlsx, a Word table or a PDF given as decisions ---------------------


def test_decisions_saved_from_excel_as_xlsx_are_read_as_their_csv(tmp_path: Path) -> None:
    xlsx = tmp_path / "decisions.xlsx"
    # Excel leaves an empty row below the last, and an empty cell as None
    xlsx.write_bytes(xlsx_bytes([HEADER, *ROWS, [None] * len(HEADER)]))
    from_csv, _ = read_decisions(csv_file(tmp_path / "decisions.csv", [HEADER, *ROWS]))
    from_xlsx, sha = read_decisions(xlsx)
    assert from_xlsx == from_csv
    assert [d.row for d in from_xlsx] == [2, 3, 4]
    import hashlib

    assert sha == hashlib.sha256(xlsx.read_bytes()).hexdigest()


def test_an_xlsx_decisions_row_keeps_the_row_number_in_errors(tmp_path: Path) -> None:
    xlsx = tmp_path / "decisions.xlsx"
    xlsx.write_bytes(xlsx_bytes([HEADER, ROWS[0], ["p01:0002", "acept", "IS.B"]]))
    with pytest.raises(RoqaError) as e:
        read_decisions(xlsx)
    assert str(e.value) == (
        f"{xlsx}: row 3: unknown decision 'acept' (use accept, reject, recode, new-code, "
        "no-code, note or valence)"
    )


def test_an_xlsx_without_a_segment_id_column_is_no_decisions_file(tmp_path: Path) -> None:
    xlsx = tmp_path / "matrix.xlsx"
    xlsx.write_bytes(xlsx_bytes([["case", "OS.A"], ["P01", "x"]]))
    with pytest.raises(RoqaError) as e:
        read_decisions(xlsx)
    assert str(e.value) == (
        f"{xlsx}: decisions file has no segment_id column (header: segment_id,decision,code_id,"
        "new_code,note,text,valence,suggestion, separated by commas, semicolons or tabs)"
    )


def test_roqa_apply_decisions_reads_a_review_saved_as_xlsx(tmp_path: Path) -> None:
    coded = tmp_path / "coded"
    model_codings().save(coded)
    xlsx = tmp_path / "dec.xlsx"
    xlsx.write_bytes(xlsx_bytes([HEADER, *ROWS]))
    run = roqa(
        "apply-decisions", coded, "--coder", "X", "--decisions", xlsx, "--out", tmp_path / "o11"
    )
    assert run.code == 0, run.err
    assert "X's review: 3 of 6 segment(s) decided" in " ".join(run.out.split())


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>Table 2 é</w:document>")
    return buf.getvalue()


HINT = (
    "give the decisions.csv that Save decisions in report.html writes, or a .xlsx or .jsonl with "
    "its columns"
)


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("table2.docx", docx_bytes(), "is a Word document, not a decisions file"),
        ("table2.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not a decisions file"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "is an Excel .xls workbook, not read as decisions"),
        # a workbook renamed to .csv: its bytes say what it is
        ("decisions.csv", docx_bytes(), "is a zip archive (a Word, Excel or QDA file), not a decisions file"),
        ("report.html", b"<!doctype html><html>", "is a web page (the HTML report?), not a decisions file"),
        ("review.qdpx", docx_bytes(), "is a REFI-QDA project, not a decisions file"),
    ],
)  # fmt: skip
def test_a_document_given_as_decisions_is_said_to_be_no_decisions_file(
    tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    hint = {
        "old.xls": "save it as .xlsx or as CSV UTF-8",
        "review.qdpx": "read the review from it with roqa import, then give the "
        "decisions/CODER.csv it writes",
    }.get(name, HINT)
    with pytest.raises(RoqaError) as e:
        read_decisions(path)
    assert str(e.value) == f"{path}: {said} ({hint})"


def test_roqa_apply_decisions_given_a_word_table_says_it_is_no_decisions_file(
    tmp_path: Path,
) -> None:
    coded = tmp_path / "coded"
    model_codings().save(coded)
    docx = tmp_path / "table2.docx"
    docx.write_bytes(docx_bytes())
    run = roqa(
        "apply-decisions", coded, "--coder", "X", "--decisions", docx, "--out", tmp_path / "o"
    )
    assert run.code == 2
    assert run.err == f"roqa: error: {docx}: is a Word document, not a decisions file ({HINT})\n"
    assert not (tmp_path / "o").exists()
