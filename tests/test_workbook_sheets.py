"""A workbook's first sheet is read, a later visible sheet left unread that has speaker and text
columns is warned of, and a first sheet that is no transcript is refused naming the later sheet
that has the columns (hunt s63, readers finding 5; h_tab R2, R3, D1). A workbook of a sheet per
interview read the first and dropped the others without a word; reading a later sheet in place
of a first that is no transcript coded a study log's names and file names as talk. The sheet
read is named by ``roqa inspect``."""

from __future__ import annotations

import warnings
from pathlib import Path

import openpyxl
import pytest

from roqa_nlp import read_transcript
from roqa_nlp.errors import RoqaValueError, RoqaWarning
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


def refusal(p: Path, first: str, lacks: str, later: str, columns: str) -> str:
    return (
        f"{p}: its first sheet {first!r} {lacks}, and only the first sheet of a workbook is read "
        f"(its sheet {later!r} has speaker and text columns {columns}) (if that sheet is the "
        f"interview, move sheet {later!r} first, or save it as its own .xlsx or CSV UTF-8 file)"
    )


def test_a_first_sheet_of_participant_details_is_refused_naming_the_transcript_sheet(
    tmp_path: Path,
) -> None:
    """Only the first sheet is read, as before; the error says which sheet has the columns and
    what to do. In a folder, the workbook is left out, saying the same."""
    p = workbook(
        tmp_path / "rm03.xlsx", {"Participant info": INFO, "Transcript": transcript_rows("P03")}
    )
    with pytest.raises(RoqaValueError) as caught:
        read_transcript(p)
    assert str(caught.value) == refusal(
        p, "Participant info", "has no speaker and text columns", "Transcript", "'Speaker', 'Text'"
    )
    other = workbook(tmp_path / "rm04.xlsx", {"Sheet1": transcript_rows("P04")})
    with pytest.warns(RoqaWarning) as warned:
        assert expand_paths([tmp_path]) == [other]
    assert [str(w.message) for w in warned] == [
        f"{tmp_path}: left out rm03.xlsx: its first sheet has no 'speaker' or 'text' column "
        "among its columns 'Field', 'Value', so it is not read as a transcript (its sheet "
        "'Transcript' has speaker and text columns 'Speaker', 'Text': if that sheet is the "
        "interview, move sheet 'Transcript' first, or save it as its own .xlsx or CSV UTF-8 file)"
    ]


def test_a_study_log_in_a_later_sheet_is_not_coded_as_talk(tmp_path: Path) -> None:
    """A participants' workbook with an interview log (real names, transcripts' file names) in
    its second sheet: not a transcript, in a folder left out (hunt s63 h_tab, R2)."""
    p = workbook(
        tmp_path / "participants.xlsx",
        {
            "Participants": [["ID", "Role", "Age"], ["P05", "Nurse", "41"]],
            "Interview log": [
                ["ID", "Name", "Date", "Transcript"],
                ["P05", "Jane Smith", "3 May", "p05.xlsx"],
            ],
        },
    )
    with pytest.raises(RoqaValueError) as caught:
        read_transcript(p)
    assert str(caught.value) == refusal(
        p,
        "Participants",
        "has no speaker and text columns",
        "Interview log",
        "'Name', 'Transcript'",
    )
    other = workbook(tmp_path / "p05.xlsx", {"Sheet1": transcript_rows("P05")})
    with pytest.warns(RoqaWarning, match="left out participants.xlsx"):
        assert expand_paths([tmp_path]) == [other]


def test_an_empty_first_sheet_is_refused_naming_the_transcript_sheet(tmp_path: Path) -> None:
    p = workbook(tmp_path / "rm03.xlsx", {"Sheet1": [], "Transcript": transcript_rows("P03")})
    with pytest.raises(RoqaValueError) as caught:
        read_transcript(p)
    assert str(caught.value) == refusal(p, "Sheet1", "is empty", "Transcript", "'Speaker', 'Text'")


def test_roqa_codings_first_are_refused_as_such(tmp_path: Path) -> None:
    """Not "its first sheet 'codings' has no speaker and text columns" (hunt s63 h_tab, R3)."""
    codings = [["segment_id", "speaker", "text"], ["rm03-1", "P03", "Staffing, mostly."]]
    p = workbook(tmp_path / "rm03.xlsx", {"codings": codings, "Transcript": transcript_rows("P03")})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(RoqaValueError, match="is a roqa codings or decisions file"):
            read_transcript(p)


def test_a_hidden_sheet_is_not_warned_of_and_a_hidden_first_sheet_read_is_named_so(
    tmp_path: Path,
) -> None:
    """(hunt s63 h_tab, D1)"""
    p = workbook(
        tmp_path / "rm03.xlsx",
        {"Transcript": transcript_rows("P03"), "Backup": transcript_rows("P03")},
    )
    book = openpyxl.load_workbook(p)
    book["Backup"].sheet_state = "hidden"
    book.save(p)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_transcript(p).metadata["sheet"] == "Transcript"
    q = workbook(
        tmp_path / "rm04.xlsx",
        {"Old": transcript_rows("P04"), "Transcript": transcript_rows("P04")},
    )
    book = openpyxl.load_workbook(q)
    book["Old"].sheet_state = "hidden"
    book.save(q)
    with pytest.warns(RoqaWarning) as caught:
        read_transcript(q)
    assert [str(w.message) for w in caught] == [
        f"{q}: its sheet 'Transcript' has speaker and text columns too and was not read: only "
        "the hidden first sheet 'Old' is (one interview a file: save each interview's sheet as "
        "its own .xlsx or CSV UTF-8)"
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
        "first sheet 'RM03' is (one interview a file: save each interview's sheet as its own "
        ".xlsx or CSV UTF-8)"
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

    p = workbook(tmp_path / "rm03.xlsx", {"Transcript": transcript_rows("P03"), "Notes": INFO})
    result = CliRunner().invoke(app, ["inspect", str(p)])
    assert result.exit_code == 0, result.output
    assert f"rm03 (case P03): {p}, xlsx, sheet 'Transcript'" in result.output
