"""Table transcripts (.csv, .xlsx) whose header row comes below a title and blank rows, as a
spreadsheet exported with its interview's name above the table is saved."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import expand_paths, read_transcript
from roqa_nlp.transcripts.csv import COLUMNS_HINT

DATA = Path(__file__).parent / "data" / "titled_tables"

P36_TURNS = [
    ("Interviewer", "interviewer", "Could you describe your organisation briefly?", 2.0, 6.0),
    ("P36", "participant", "We run three day services, about sixty staff.", 7.0, 15.0),
    ("Interviewer", "interviewer", "Where did the idea come from?", 16.0, 19.0),
    ("P36", "participant", "The ImROC training, five years ago.", 20.0, 24.0),
]


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def test_a_csv_with_a_title_and_a_blank_row_above_its_header_is_read_from_the_header() -> None:
    """Row 1 "Interview P36, 3 May", row 2 blank, row 3 the header (semicolons, though the title
    holds a comma): the rows below the header are the turns, the title no one's talk."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_transcript(DATA / "p36_titled.csv")
    assert turns_of(t) == P36_TURNS
    assert t.metadata["rows"] == 4


def test_a_csv_with_a_title_row_is_read_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "p36.csv").write_bytes((DATA / "p36_titled.csv").read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert expand_paths([tmp_path]) == [tmp_path / "p36.csv"]


def test_an_xlsx_with_title_rows_above_its_header_is_read_from_the_header(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Interview P36 \u2014 3 May"])
    sheet.append(["Registered managers study"])
    sheet.append([])
    sheet.append(["Start", "End", "Speaker Name", "Transcript"])
    sheet.append([2, 6, "Interviewer", "Could you describe your organisation briefly?"])
    sheet.append([7, 15, "P36", "We run three day services, about sixty staff."])
    sheet.append([16, 19, "Interviewer", "Where did the idea come from?"])
    sheet.append([20, 24, "P36", "The ImROC training, five years ago."])
    book.save(tmp_path / "p36.xlsx")
    assert expand_paths([tmp_path]) == [tmp_path / "p36.xlsx"]
    assert turns_of(read_transcript(tmp_path / "p36.xlsx")) == P36_TURNS


def test_a_bad_time_below_a_title_row_names_the_files_row(tmp_path: Path) -> None:
    f = tmp_path / "p36.csv"
    f.write_text("Interview P36\n\nspeaker,text,start\nP36,hello,1\nP36,again,soon\n", "utf-8")
    with pytest.raises(RoqaError, match=r"p36\.csv: row 5: start 'soon' is not a time"):
        read_transcript(f)


def test_a_header_below_the_fifth_row_is_not_looked_for(tmp_path: Path) -> None:
    """Five rows of title and notes, then the header: the error says the header must be one of
    the first five rows; in a folder the table is left out as one without those columns."""
    f = tmp_path / "p36.csv"
    f.write_text("Interview P36\nDate 3 May\nSite A\nNotes\n\nSpeaker,Text\nP36,Fine.\n", "utf-8")
    with pytest.raises(RoqaError) as caught:
        read_transcript(f)
    assert str(caught.value) == (
        f"{f}: has no 'speaker' or 'text' column among its columns 'Interview P36' (the header row, the first row or one of the first 5 "
        "below a title, must name the columns speaker and text (or content, transcript ...; "
        "optional: start, end); without a speaker column, the text must open with speaker "
        "labels (P04: ...) or each row have its start and end)"
    )
    assert expand_paths([f]) == [f]
    (tmp_path / "p1.txt").write_text("Interviewer: Why?\nP1: No staff.\n", "utf-8")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert expand_paths([tmp_path]) == [tmp_path / "p1.txt"]
    assert [str(w.message) for w in seen] == [
        f"{tmp_path}: left out p36.csv: has no 'speaker' or 'text' column among its columns "
        "'Interview P36', so it is not read as a transcript (participants' details?); if it is "
        f"one, {COLUMNS_HINT}"
    ]


def test_a_table_of_details_under_a_title_is_still_left_out_of_a_folder(tmp_path: Path) -> None:
    (tmp_path / "details.csv").write_text("Study details\n\nparticipant,age\nP1,45\n", "utf-8")
    (tmp_path / "p1.txt").write_text("Interviewer: Why?\nP1: No staff.\n", "utf-8")
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert expand_paths([tmp_path]) == [tmp_path / "p1.txt"]


def test_an_output_is_not_written_over_a_transcript_whose_header_is_below_a_title(
    tmp_path: Path,
) -> None:
    """``roqa report --matrix p36.csv`` must not replace a transcript table because a title row
    sits above its header."""
    from roqa_nlp.io import check_outputs

    f = tmp_path / "p36.csv"
    f.write_bytes((DATA / "p36_titled.csv").read_bytes())
    with pytest.raises(RoqaError) as caught:
        check_outputs({"--matrix": f})
    assert str(caught.value) == (
        f"{f}: --matrix would overwrite a transcript (it has speaker and text columns) (give "
        "another file name)"
    )


def test_a_table_without_a_speaker_column_is_named_alike_in_a_folder_and_on_its_own(
    tmp_path: Path,
) -> None:
    """s57 wild tester, finding 7: a CSV with German headers was left out of a folder as "a
    table without speaker and text columns" though it has a Text column, and named on its own
    the error said only "has no 'speaker' column". Both now name the columns it has and lacks,
    in the same words, and what it needs."""
    f = tmp_path / "sheet_p17.csv"
    f.write_text(
        "Zeile;Sprecher;Beginn;Ende;Text;Memo\n1;Interviewer;00:00:02;00:00:06;Why?;\n"
        "2;Participant 17;00:00:07;00:00:20;No staff.;\n",
        encoding="utf-8",
    )
    (tmp_path / "p1.txt").write_text("Interviewer: Why?\nP1: No staff.\n", "utf-8")
    lacking = (
        "has no 'speaker' column among its columns 'Zeile', 'Sprecher', 'Beginn', 'Ende', "
        "'Text', 'Memo'"
    )
    with pytest.raises(RoqaError) as caught:
        read_transcript(f)
    assert str(caught.value) == f"{f}: {lacking} ({COLUMNS_HINT})"
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        assert expand_paths([tmp_path]) == [tmp_path / "p1.txt"]
    assert [str(w.message) for w in seen] == [
        f"{tmp_path}: left out sheet_p17.csv: {lacking}, so it is not read as a transcript "
        f"(participants' details?); if it is one, {COLUMNS_HINT}"
    ]


def test_a_header_cell_as_long_as_a_line_is_cut_in_the_error(tmp_path: Path) -> None:
    """A file with no delimiter has one header cell as long as its first line; the error named
    it whole (a fuzz test found a 5,407-character message, session 58). Each column name is cut
    to 60 characters, the cut marked."""
    f = tmp_path / "p36.csv"
    line = "We talked about recovery for a long time " * 10
    f.write_text(f"{line}\nP36 said more.\n", "utf-8")
    with pytest.raises(RoqaError) as caught:
        read_transcript(f)
    message = str(caught.value)
    assert message.startswith(
        f"{f}: has no 'speaker' or 'text' column among its columns "
        "'We talked about recovery for a long time We talked about re…' (the header row"
    )
    assert len(message) < 500
