"""A workbook's transcript sheet is read, and a sheet left unread that has speaker and text
columns is warned of (hunt s63, readers finding 5). A workbook whose first sheet is the
participant's details, then "Transcript", was no transcript (in a folder, left out as
"participants' details?"); one of a sheet per interview read the first and dropped the others
without a word. The sheet read is named by ``roqa inspect``."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest

from roqa_nlp import read_transcript
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.transcripts import expand_paths

INFO = [["Field", "Value"], ["Site", "Brookfield House"], ["Date", "3 May"]]


def transcript_rows(participant: str) -> list[list[str]]:
    return [
        ["Speaker", "Text"],
        ["Interviewer", "What gets in the way?"],
        [participant, "Staffing, mostly."],
    ]


def workbook(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def turns(path: Path) -> list[tuple[str, str]]:
    t = read_transcript(path)
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_the_transcript_sheet_after_participant_details_is_read(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "rm03.xlsx", {"Participant info": INFO, "Transcript": transcript_rows("P03")}
    )
    with pytest.warns(RoqaWarning) as caught:
        assert turns(p) == [("Interviewer", "What gets in the way?"), ("P03", "Staffing, mostly.")]
    assert [str(w.message) for w in caught] == [
        f"{p}: its first sheet 'Participant info' has no speaker and text columns, so its "
        "sheet 'Transcript' was read"
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert expand_paths([tmp_path]) == [p]  # in a folder, not left out


def test_an_empty_first_sheet_gives_way_to_the_transcript_sheet(tmp_path: Path) -> None:
    p = workbook(tmp_path / "rm03.xlsx", {"Sheet1": [], "Transcript": transcript_rows("P03")})
    with pytest.warns(RoqaWarning) as caught:
        assert read_transcript(p).metadata["sheet"] == "Transcript"
    assert [str(w.message) for w in caught] == [
        f"{p}: its first sheet 'Sheet1' is empty, so its sheet 'Transcript' was read"
    ]


def test_a_sheet_per_interview_warns_of_the_sheets_not_read(tmp_path: Path) -> None:
    p = workbook(
        tmp_path / "interviews.xlsx",
        {"RM03": transcript_rows("P03"), "Notes": INFO, "RM04": transcript_rows("P04")},
    )
    with pytest.warns(RoqaWarning) as caught:
        assert turns(p)[1] == ("P03", "Staffing, mostly.")
    assert [str(w.message) for w in caught] == [
        f"{p}: its sheet 'RM04' has speaker and text columns too and was not read: only the "
        "sheet 'RM03' is (one interview a file: save each interview's sheet as its own .xlsx "
        "or CSV UTF-8)"
    ]


def test_a_transcript_first_with_a_notes_sheet_says_nothing_but_the_sheet_read(
    tmp_path: Path,
) -> None:
    p = workbook(tmp_path / "rm03.xlsx", {"Transcript": transcript_rows("P03"), "Notes": INFO})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_transcript(p).metadata["sheet"] == "Transcript"
    alone = workbook(tmp_path / "rm04.xlsx", {"Sheet1": transcript_rows("P04")})
    assert "sheet" not in read_transcript(alone).metadata


def test_inspect_names_the_sheet_read(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from roqa_nlp.cli import app

    p = workbook(
        tmp_path / "rm03.xlsx", {"Participant info": INFO, "Transcript": transcript_rows("P03")}
    )
    with pytest.warns(RoqaWarning, match="so its sheet 'Transcript' was read"):
        result = CliRunner().invoke(app, ["inspect", str(p)])
    assert result.exit_code == 0, result.output
    assert f"rm03 (case P03): {p}, xlsx, sheet 'Transcript'" in result.output
