"""Specification of the pseudonym key edited in a spreadsheet program (``roqa pseudonymise
--key``, ``roqa code --pseudonymise``): Excel drops a number's leading zeros, a researcher keeps
columns of their own in the key, and a key saved as a workbook is no CSV (tester s41 sheets,
defects 1, 2 and 7)."""

from __future__ import annotations

import warnings
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

TALK = (
    "Sam Roe: Thanks for joining. Is there a number people call?\n"
    "Maria Okafor: Yes, the on-call line is 0496000, it's our internal number, and my staff "
    "number is 00123456.\n"
)


def study(tmp_path: Path, talk: str = TALK) -> Path:
    folder = tmp_path / "interviews"
    folder.mkdir(exist_ok=True)
    (folder / "interview_b.txt").write_text(talk, encoding="utf-8")
    return folder


def run_with_key(tmp_path: Path, key: Path, talk: str = TALK) -> tuple[int, str, str]:
    run = roqa(
        "pseudonymise", study(tmp_path, talk), "--key", key, "--out", tmp_path / "shared",
        "--interviewer", "Sam Roe",
    )  # fmt: skip
    return run.code, run.out, run.err


def test_number_rows_excel_saved_without_leading_zeros_still_replace_the_number(
    tmp_path: Path,
) -> None:
    """Excel saved the key's rows 0496000 and 00123456 as 496000 and 123456, which then
    matched nothing: both numbers stayed in the "pseudonymised" copy, unsaid (tester s41
    sheets, 1: pz/w_key_zeros_excel.csv)."""
    key = tmp_path / "key.csv"
    key.write_text(
        "\ufeffname,pseudonym\r\nMaria Okafor,P07\r\n496000,[phone]\r\n123456,[staff number]\r\n",
        encoding="utf-8",
    )
    code, _, err = run_with_key(tmp_path, key)
    assert code == 0, err
    assert (tmp_path / "shared" / "interview_b.txt").read_text("utf-8") == (
        "Interviewer: Thanks for joining. Is there a number people call?\n"
        "P07: Yes, the on-call line is [phone], it's our internal number, and my staff number "
        "is [staff number].\n"
    )
    assert "matched nothing" not in err


@pytest.mark.parametrize(
    ("row", "said", "expected"),
    [
        # the zeros Excel dropped, and any others, before the number
        ("496000", "call 0496000 or 496000 or 000496000.", "call [x] or [x] or [x]."),
        # a row typed with its zeros (a Text cell) finds the number written without them too
        ("0496000", "call 0496000 or 496000.", "call [x] or [x]."),
        # the same digits inside a longer number are another number
        ("496000", "ids 14960001, 10496000, 4960001 and 0496000-2.", "ids 14960001, 10496000, "
         "4960001 and [x]-2."),
        # a number in groups
        ("943 476 5919", "NHS no. 0943 476 5919 or 943  476 5919", "NHS no. [x] or [x]"),
    ],
)  # fmt: skip
def test_a_number_row_matches_the_number_with_leading_zeros_only(
    tmp_path: Path, row: str, said: str, expected: str
) -> None:
    path = tmp_path / "p07.txt"
    path.write_text(f"Interviewer: Hi?\nP07: {said}\n", encoding="utf-8")
    (t,), _ = pseudonymise([read_transcript(path)], PseudonymKey({row: "x"}))
    assert t.turn_text(t.turns[1]) == expected


UNMATCHED = (
    "roqa: warning: {key}: key rows that matched nothing in these transcripts: '1.23457E+15', "
    "'07700 900999' (a number such a row is for that is in them stays in the copies: "
    "check each row is written as the talk writes it; Excel shows a long number as 1.23457E+15: "
    "format the cell as Text and type the number again)\n"
)


def test_number_rows_that_matched_nothing_are_listed_in_one_warning(tmp_path: Path) -> None:
    """A number row Excel mangled past repair (1.23457E+15) left the number in the copy with no
    warning (tester s41 sheets, 1). Rows of names that matched nothing are not listed: a
    study's key holds everyone of every batch, and names_to_check lists the names left; nor an
    e-mail address, which the identifier patterns replace whatever the key holds."""
    key = tmp_path / "key.csv"
    key.write_text(
        "name,pseudonym\nMaria Okafor,P07\n496000,phone\n1.23457E+15,NHS number\n"
        "maria@x.org,email\nTom Hale,nominated individual\n07700 900999,phone\n",
        encoding="utf-8",
    )
    code, _, err = run_with_key(tmp_path, key)
    assert code == 0, err
    assert [line + "\n" for line in err.splitlines() if "matched nothing" in line] == [
        UNMATCHED.format(key=key)
    ]


def test_the_library_key_tells_the_number_rows_no_transcript_held(tmp_path: Path) -> None:
    path = tmp_path / "p07.txt"
    path.write_text("Interviewer: Hi?\nP07: Ring 0496000.\n", encoding="utf-8")
    key = PseudonymKey({"496000": "phone", "1.23457E+15": "NHS number", "Tom Hale": "TH"})
    assert key.unmatched_rows() == []  # nothing rewritten yet
    pseudonymise([read_transcript(path)], key)
    assert key.unmatched_rows() == ["1.23457E+15"]


EXTRA = (
    "\ufeffname,pseudonym,consent_date,email\r\n"
    "Maria Okafor,P07,2021-03-04,maria@x.org\r\n"
    "José García,deputy manager,,\r\n"
)


def test_a_rewritten_key_keeps_the_researchers_own_columns(tmp_path: Path) -> None:
    """Adding the interviewer rewrote pz/key_extra_cols.csv as name,pseudonym only: the consent
    dates and e-mail addresses were deleted, unsaid (tester s41 sheets, 2)."""
    key = tmp_path / "key.csv"
    key.write_text(EXTRA, encoding="utf-8")
    code, _, err = run_with_key(tmp_path, key)
    assert code == 0, err
    assert key.read_text("utf-8") == (
        "\ufeffname,pseudonym,consent_date,email\n"
        "Maria Okafor,P07,2021-03-04,maria@x.org\n"
        "José García,deputy manager,,\n"
        "Sam Roe,Interviewer,,\n"
    )


def test_a_key_guards_its_cells_from_running_as_formulas_and_reads_them_back(
    tmp_path: Path,
) -> None:
    """Waves tester, session 49, 7: every CSV roqa writes guards a cell a spreadsheet would run
    as a formula with a "'"; the key wrote a speaker's name and the researcher's notes as read
    (a note '-ask again' became #NAME? in Excel)."""
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym,notes\nMaria Okafor,P07,-ask again\n", encoding="utf-8")
    read = PseudonymKey.read(key)
    read.pseudonyms["=Sam Roe"] = "Interviewer"
    read.write(key)
    assert key.read_text("utf-8") == (
        "name,pseudonym,notes\nMaria Okafor,P07,'-ask again\n'=Sam Roe,Interviewer,\n"
    )
    again = PseudonymKey.read(key)
    assert again.pseudonyms == {"Maria Okafor": "P07", "=Sam Roe": "Interviewer"}
    assert again.to_csv() == key.read_text("utf-8-sig")


def test_a_rewritten_key_keeps_its_columns_order_and_drops_empty_ones(tmp_path: Path) -> None:
    """pz/key_reordered_extra.csv lost its notes column; the empty columns Excel leaves at the
    right of a sheet (pz/key_trailing_empty.csv) are not written back."""
    key = tmp_path / "key.csv"
    key.write_text(
        "Pseudonym,Notes,Name,,\nP07,consented,Maria Okafor,,\n,a note of no one,,,\n,,,,\n",
        encoding="utf-8",
    )
    code, _, err = run_with_key(tmp_path, key)
    assert code == 0, err
    assert key.read_text("utf-8") == (
        "Pseudonym,Notes,Name\n"
        "P07,consented,Maria Okafor\n"
        ",a note of no one,\n"
        "Interviewer,,Sam Roe\n"
    )
    assert PseudonymKey.read(key).pseudonyms == {"Maria Okafor": "P07", "Sam Roe": "Interviewer"}


def xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["name", "pseudonym"])
    sheet.append(["Maria Okafor", "P07"])
    book.save(path)
    return path


def zipped(path: Path) -> Path:
    """An .ods or .numbers file: a zip archive, as far as the key is concerned."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


SAVE_AS_CSV = (
    "(the pseudonym key is read and written as CSV text: save it as CSV UTF-8 (in Excel, File > "
    "Save As > CSV UTF-8 (Comma delimited); in LibreOffice or Numbers, as CSV with UTF-8) and "
    "give the .csv file)"
)


#: an .ods or .numbers key: the message of every spreadsheet format roqa does not read
#: (test_unreadable_spreadsheets.py)
UNREADABLE = (
    "which roqa does not read as a pseudonym key (save it as CSV UTF-8 with File > {}, and give "
    "the .csv file)"
)


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("key.xlsx", xlsx, f"is an Excel workbook, not a CSV file {SAVE_AS_CSV}"),
        (
            "key.ods",
            zipped,
            "is an OpenDocument spreadsheet (LibreOffice, OpenOffice), "
            + UNREADABLE.format("Save As in LibreOffice Calc"),
        ),
        (
            "key.numbers",
            zipped,
            "is an Apple Numbers spreadsheet, " + UNREADABLE.format("Export To in Numbers"),
        ),
        (
            "key.csv",
            xlsx,
            f"is a zip archive (a workbook saved as .csv?), not a CSV file {SAVE_AS_CSV}",
        ),
    ],
)
def test_a_key_saved_as_a_workbook_is_a_one_line_error_saying_to_save_it_as_csv(
    tmp_path: Path, name: str, make: object, said: str
) -> None:
    """pz/key.xlsx, key.ods and key.numbers got 'is not UTF-8 text ... re-save in Notepad or
    Word', which sends the researcher the wrong way (tester s41 sheets, 7)."""
    key = make(tmp_path / name)  # type: ignore[operator]
    before = key.read_bytes()
    code, out, err = run_with_key(tmp_path, key)
    assert (code, out, err) == (2, "", f"roqa: error: {key}: {said}\n")
    assert key.read_bytes() == before
    assert not (tmp_path / "shared").exists()


def test_a_new_key_named_xlsx_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """--key newkey.xlsx wrote CSV text into a file named .xlsx, which Excel then refused to
    open (tester s41 sheets, 2)."""
    key = tmp_path / "newkey.xlsx"
    code, out, err = run_with_key(tmp_path, key)
    assert (code, out, err) == (
        2,
        "",
        f"roqa: error: {key}: a new pseudonym key is written as CSV text, not as a .xlsx file "
        "(give a file name ending in .csv, e.g. key.csv)\n",
    )
    assert not key.exists()
    assert not (tmp_path / "shared").exists()


def test_the_library_refuses_a_workbook_key_too(tmp_path: Path) -> None:
    with pytest.raises(RoqaError, match=r"^.*key\.xlsx: is an Excel workbook, not a CSV file"):
        PseudonymKey.read(xlsx(tmp_path / "key.xlsx"))
    with pytest.raises(RoqaError, match="a new pseudonym key is written as CSV text"):
        PseudonymKey({"Maria Okafor": "P07"}).write(tmp_path / "new.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        with pytest.raises(RoqaError, match="a new pseudonym key is written as CSV text"):
            PseudonymKey.read(tmp_path / "new.ods")


def test_a_key_of_csv_text_named_xlsx_is_refused_with_the_name_to_give_it(
    tmp_path: Path,
) -> None:
    """The newkey.xlsx an earlier run wrote as CSV text: read, it would be written back so
    again, a file Excel does not open (tester s41 sheets, 2)."""
    key = tmp_path / "newkey.xlsx"
    key.write_text("\ufeffname,pseudonym\nSam Roe,Interviewer\n", encoding="utf-8")
    code, out, err = run_with_key(tmp_path, key)
    assert (code, out, err) == (
        2,
        "",
        f"roqa: error: {key}: holds CSV text under a .xlsx name, which the spreadsheet program "
        "would not open (rename it to end in .csv (e.g. newkey.csv) and give that)\n",
    )


def test_roqa_code_refuses_a_workbook_key_before_reading_any_transcript(tmp_path: Path) -> None:
    key = xlsx(tmp_path / "key.xlsx")
    run = roqa("code", study(tmp_path), "--out", tmp_path / "coded", "--pseudonymise", key)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {key}: is an Excel workbook, not a CSV file {SAVE_AS_CSV}\n",
    )
    assert not (tmp_path / "coded").exists()
