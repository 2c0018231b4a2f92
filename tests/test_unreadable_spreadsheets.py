"""Specification of the spreadsheet formats roqa does not read (``data/unreadable_spreadsheets.json``):
one list, one message naming the file, what it is, and how to save it in the program that made it,
for a transcript (``roqa code``), codings (``roqa agree``), a pseudonym key (``roqa pseudonymise
--key``) and a decisions file. Before, the three lists differed: an ``.xlsb`` given to agree, an
``.fods`` or ``.gsheet`` given as a key, were told nothing of saving them, and a ``.gsheet``
transcript was told to save it as .docx, .txt or .vtt."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import LONG_TABLE_SUFFIXES
from roqa_nlp.decisions import read_decisions
from roqa_nlp.errors import RoqaError
from roqa_nlp.record_files import RECORD_SUFFIXES
from roqa_nlp.spreadsheets import unreadable_spreadsheet, unreadable_spreadsheet_suffixes
from roqa_nlp.transcripts import SUPPORTED_EXTENSIONS, read_transcript
from test_cli_core import roqa

ODS = (
    "is an OpenDocument spreadsheet (LibreOffice, OpenOffice), which roqa does not read as {} "
    "(save it as {} with File > Save As in LibreOffice Calc, {})"
)
NUMBERS = (
    "is an Apple Numbers spreadsheet, which roqa does not read as {} "
    "(save it as {} with File > Export To in Numbers, {})"
)
TRANSCRIPT = (
    "a transcript",
    ".xlsx or CSV UTF-8",
    "the transcript on its first sheet with the columns speaker and text, optional start and end",
)
#: agree's other inputs are said too, as they were before one list (regression hunt s42, H1-2a)
CODINGS = (
    "codings",
    ".xlsx or CSV UTF-8",
    "a long table with the columns unit, coder and code; or give a codings.jsonl or result "
    "folder, or a .qdpx",
)
KEY = ("a pseudonym key", "CSV UTF-8", "and give the .csv file")
DECISIONS = (
    "decisions",
    ".xlsx or CSV UTF-8",
    "with the columns of the decisions.csv that Save decisions in report.html writes",
)


def zipped(path: Path) -> Path:
    """An .ods or .numbers file as far as roqa looks into it: a zip archive."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


def test_the_list_names_only_formats_no_command_reads() -> None:
    readable = {*SUPPORTED_EXTENSIONS, *LONG_TABLE_SUFFIXES, *RECORD_SUFFIXES, ".jsonl", ".json"}
    assert unreadable_spreadsheet_suffixes() == (
        ".ods", ".fods", ".numbers", ".xls", ".xlsm", ".xlsb", ".gsheet",
    )  # fmt: skip
    assert not readable & set(unreadable_spreadsheet_suffixes())


@pytest.mark.parametrize("name", ["t.xlsx", "t.csv", "t.tsv", "t.txt", "t"])
def test_a_readable_file_is_no_unreadable_spreadsheet(name: str) -> None:
    assert unreadable_spreadsheet(Path(name), "codings") is None


@pytest.mark.parametrize(("name", "said"), [("p04.ods", ODS), ("p04.NUMBERS", NUMBERS)])
def test_a_spreadsheet_transcript_says_how_to_save_it(tmp_path: Path, name: str, said: str) -> None:
    f = zipped(tmp_path / name)
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == f"{f}: {said.format(*TRANSCRIPT)}"


def test_roqa_code_on_a_numbers_transcript_is_a_one_line_error(tmp_path: Path) -> None:
    f = zipped(tmp_path / "p04.numbers")
    run = roqa("code", f, "--out", tmp_path / "out")
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {f}: {NUMBERS.format(*TRANSCRIPT)}\n",
    )


def test_a_google_sheets_shortcut_transcript_is_told_to_download_it(tmp_path: Path) -> None:
    """Before: "save the transcript as .docx, .txt or .vtt"."""
    f = tmp_path / "p04.gsheet"
    f.write_text('{"url": "https://docs.google.com/spreadsheets/d/x", "doc_id": "x"}')
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == (
        f"{f}: is a Google Sheets shortcut (the sheet itself is online), which roqa does not read "
        "as a transcript (save it as .xlsx or CSV UTF-8 with File > Download in Google Sheets, "
        "the transcript on its first sheet with the columns speaker and text, optional start "
        "and end)"
    )


@pytest.mark.parametrize(("name", "said"), [("t.ods", ODS), ("t.numbers", NUMBERS)])
def test_roqa_agree_on_a_spreadsheet_it_cannot_read_says_how_to_save_it(
    tmp_path: Path, name: str, said: str
) -> None:
    f = zipped(tmp_path / name)
    run = roqa("agree", f)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {f}: {said.format(*CODINGS)}\n",
    )


def test_roqa_agree_on_an_xlsb_workbook_says_to_save_it_from_excel(tmp_path: Path) -> None:
    """Before, .xlsb was left out of agree's list: no word of saving it."""
    f = zipped(tmp_path / "t.xlsb")
    run = roqa("agree", f)
    assert run.err == (
        f"roqa: error: {f}: is an Excel binary workbook, which roqa does not read as codings "
        "(save it as .xlsx or CSV UTF-8 with File > Save As in Excel, a long table with the "
        "columns unit, coder and code; or give a codings.jsonl or result folder, or a .qdpx)\n"
    )


CSV_TEXT = "speaker,text\nInterviewer,How is staffing?\nP01,We lost three support workers.\n"


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("p04.xls", "an Excel 97-2003 workbook"),
        ("p04.xlsm", "an Excel workbook with macros"),
        ("p04.ods", "an OpenDocument spreadsheet (LibreOffice, OpenOffice)"),
    ],
)
def test_a_transcript_of_csv_text_under_a_spreadsheet_name_is_told_to_be_renamed(
    tmp_path: Path, name: str, what: str
) -> None:
    """Before (regression hunt s42, H1-2b), it was "an Excel 97-2003 workbook", told to be saved
    as .xlsx or CSV with Save As, as a key or decisions file of CSV text was not."""
    f = tmp_path / name
    f.write_text(CSV_TEXT, "utf-8")
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == (
        f"{f}: holds CSV text under a {f.suffix} name, not {what}, which roqa does not read as "
        "a transcript (rename it to end in .csv, e.g. p04.csv, and give that)"
    )


def test_roqa_agree_on_csv_text_under_an_xls_name_is_told_to_rename_it(tmp_path: Path) -> None:
    f = tmp_path / "coder_a.xls"
    f.write_text("unit,coder,code\nu1,A,IC\nu2,A,OS\n", "utf-8")
    run = roqa("agree", f)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {f}: holds CSV text under a .xls name, not an Excel 97-2003 workbook, "
        "which roqa does not read as codings (rename it to end in .csv, e.g. coder_a.csv, and "
        "give that)\n",
    )


def key_run(tmp_path: Path, key: Path) -> tuple[int, str, str]:
    folder = tmp_path / "interviews"
    folder.mkdir()
    (folder / "a.txt").write_text("Sam Roe: Hello?\nMaria Okafor: Yes, hello.\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "shared")
    return run.code, run.out, run.err


@pytest.mark.parametrize(("name", "said"), [("key.ods", ODS), ("key.numbers", NUMBERS)])
def test_a_spreadsheet_key_is_told_to_be_saved_as_csv(tmp_path: Path, name: str, said: str) -> None:
    key = zipped(tmp_path / name)
    assert key_run(tmp_path, key) == (2, "", f"roqa: error: {key}: {said.format(*KEY)}\n")
    assert not (tmp_path / "shared").exists()


def test_a_flat_ods_key_is_no_missing_header_but_a_spreadsheet(tmp_path: Path) -> None:
    """Before: "not a pseudonym key: it needs the columns name and pseudonym"."""
    key = tmp_path / "key.fods"
    key.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<office:document/>\n', "utf-8")
    assert key_run(tmp_path, key) == (
        2,
        "",
        f"roqa: error: {key}: is a flat OpenDocument spreadsheet (LibreOffice), which roqa does "
        "not read as a pseudonym key (save it as CSV UTF-8 with File > Save As in LibreOffice "
        "Calc, and give the .csv file)\n",
    )


@pytest.mark.parametrize(("name", "said"), [("d.ods", ODS), ("d.numbers", NUMBERS)])
def test_a_spreadsheet_given_as_decisions_says_how_to_save_it(
    tmp_path: Path, name: str, said: str
) -> None:
    """Before: "is a zip archive (a Word, Excel or QDA file), not a decisions file"."""
    f = zipped(tmp_path / name)
    with pytest.raises(RoqaError) as e:
        read_decisions(f)
    assert str(e.value) == f"{f}: {said.format(*DECISIONS)}"


def test_the_error_values_moved_to_data_are_those_excel_and_libreoffice_show() -> None:
    from roqa_nlp.spreadsheets import spreadsheet_error_values

    assert spreadsheet_error_values() == {
        "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!",
        "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
    }  # fmt: skip
