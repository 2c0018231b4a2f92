"""An .xlsx transcript's text cell that Excel keeps as a date, a time or a percentage is read as
Excel shows it, with one warning naming the rows (tester s82 messy12, class D: an answer typed
``1 Mar`` was read as ``00:00:00``, ``25%`` as ``0.25``, and coded as those words, silently).
The speaker and time columns are read from the cells' values, as before.

``tests/data/excel_cells/date_and_percent_cells.xlsx`` was made with openpyxl: a ``Start``
column of times formatted ``h:mm`` (shown without their seconds), ``Speaker``, and ``Text``
holding 2024-03-01 as ``d-mmm``, 2024-09-12 as ``dd/mm/yyyy``, 0.25 as ``0%``, 0.125 as
``0.0%``, 07:30 as ``h:mm`` and the number 3 as ``General``."""

from __future__ import annotations

import datetime
import warnings
from pathlib import Path

import pytest

from roqa_nlp import read_transcript

WORKBOOK = Path(__file__).parent / "data" / "excel_cells" / "date_and_percent_cells.xlsx"


def test_date_time_and_percent_cells_are_read_as_excel_shows_them() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(WORKBOOK)
    answers = [(u.begin_time, t.text[u.start : u.end]) for u in t.turns if u.role == "participant"]
    assert answers == [
        (6.0, "1-Mar"),
        (14.0, "12/09/2024"),
        (25.0, "25%"),
        (36.0, "12.5%"),
        (69.0, "7:30"),  # the time column keeps the seconds its h:mm cells do not show
        (79.0, "3"),
        (89.0, "Staffing, mostly."),
    ]
    assert [u.speaker for u in t.turns] == ["Interviewer", "P21"] * 7
    assert [str(w.message) for w in caught] == [
        f"{WORKBOOK}: rows 3, 5, 7, 9, 11 hold a date, time or percentage in the text column, "
        "which Excel makes of words typed as one ('1 Mar', '25%'), read as Excel shows them "
        "('1-Mar', '12/09/2024', '25%' ...): check them against the interview (format the text "
        "column as Text in Excel before typing, to keep the words as typed)"
    ]


MARCH_FIRST = datetime.datetime(2024, 3, 1, 14, 5, 9, 250000)


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (MARCH_FIRST, "d-mmm", "1-Mar"),
        (MARCH_FIRST, "dd-mmm-yy", "01-Mar-24"),
        (MARCH_FIRST, "[$-409]d-mmm;@", "1-Mar"),
        (MARCH_FIRST, "dddd, mmmm dd, yyyy", "Friday, March 01, 2024"),
        (MARCH_FIRST, "mmm-yy", "Mar-24"),
        (MARCH_FIRST, "mmmmm", "M"),
        (MARCH_FIRST, '"Day "d', "Day 1"),
        (MARCH_FIRST, "mm-dd-yy", "2024-03-01"),  # Excel's built-in short date: the computer's
        (MARCH_FIRST, "m/d/yy h:mm", "2024-03-01 14:05"),
        (MARCH_FIRST, "h:mm AM/PM", "2:05 PM"),
        (MARCH_FIRST, "mm:ss.0", "05:09.3"),
        (datetime.time(7, 30), "h:mm", "7:30"),
        (datetime.timedelta(hours=27, minutes=3), "[h]:mm:ss", "27:03:00"),
        (0.25, "0%", "25%"),
        (12.3456, "#,##0.0%", "1,234.6%"),
        (-0.5, "0.00%", "-50.00%"),
        # a number under its format (tests/test_number_formats.py has the formats)
        (1500, '"£"#,##0.00', "£1,500.00"),
        (0.25, "0.00", "0.25"),
        # no date, time or percentage shown: the value's own text
        (MARCH_FIRST, "General", None),
        (datetime.time(7, 30), "d-mmm", None),
        (3, "General", None),
        (True, "0%", None),
        ("25%", "@", None),
    ],
)
def test_cell_as_shown(value: object, number_format: str, shown: str | None) -> None:
    from roqa_nlp.spreadsheets import cell_as_shown

    assert cell_as_shown(value, number_format) == shown


def test_record_files_read_text_cells_as_excel_shows_them(tmp_path: Path) -> None:
    """Training, evaluation, agreement and decisions files in .xlsx read their ``text`` column as
    a transcript's is (session 82: ``25%`` was trained on and scored as ``0.25``); the other
    columns keep their values."""
    import openpyxl

    from roqa_nlp.record_files import read_records

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Training records"])  # a title above the header
    sheet.append(["construct", "text", "note"])
    sheet.append(["Available Resources", MARCH_FIRST, MARCH_FIRST])
    sheet.append(["Available Resources", 0.25, 0.25])
    sheet.append(["NONE", "Staffing, mostly.", 3])
    for row in (3, 4):
        sheet.cell(row, 2).number_format = sheet.cell(row, 3).number_format = (
            "d-mmm" if row == 3 else "0%"
        )
    path = tmp_path / "records.xlsx"
    book.save(path)
    assert read_records(path) == [
        (3, {"construct": "Available Resources", "text": "1-Mar", "note": "2024-03-01 14:05:09.250000"}),
        (4, {"construct": "Available Resources", "text": "25%", "note": "0.25"}),
        (5, {"construct": "NONE", "text": "Staffing, mostly.", "note": "3"}),
    ]  # fmt: skip


def test_speaker_ids_excel_made_dates_are_read_as_shown_and_kept_apart(tmp_path: Path) -> None:
    """Hunter s82 hunt14: speaker ids typed ``1-3`` and ``2-3``, which Excel makes the dates 1 and
    2 March shown ``1-Mar`` and ``2-Mar``, were read as the one speaker ``00:00:00``: two
    participants merged, silently. They are read as shown, with a warning naming the rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    for speaker, text in [
        ("Interviewer", "How did the rollout go?"),
        (datetime.datetime(2024, 3, 1), "It went well."),
        ("Interviewer", "And for you?"),
        (datetime.datetime(2024, 3, 2), "Harder, on nights."),
    ]:
        sheet.append([speaker, text])
    for row in (3, 5):
        sheet.cell(row, 1).number_format = "d-mmm"
    path = tmp_path / "ids.xlsx"
    book.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns if u.role == "participant"] == [
        ("1-Mar", "It went well."),
        ("2-Mar", "Harder, on nights."),
    ]
    assert [str(w.message) for w in caught] == [
        f"{path}: rows 3, 5 hold a date, time or percentage in the speaker column, which Excel "
        "makes of words typed as one ('1-3', '2-3'), read as Excel shows them ('1-Mar', "
        "'2-Mar'): check them against who spoke (format the speaker column as Text in Excel "
        "before typing, to keep the words as typed)"
    ]


def _transcript_book(path: Path, answers: list[tuple[object, str]]) -> None:
    """An .xlsx transcript: a question, then each answer under its number format."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Speaker", "Text"])
    for value, number_format in answers:
        sheet.append(["Interviewer", "Roughly how much, in numbers?"])
        sheet.append(["P07", value])
        sheet.cell(sheet.max_row, 2).number_format = number_format
    book.save(path)


def test_numbers_in_the_text_column_are_read_as_excel_shows_them_without_a_warning(
    tmp_path: Path,
) -> None:
    """Tester s83 messy13, D6: an answer typed ``£1,500`` (kept as 1500 under ``"£"#,##0.00``)
    was read as ``1500``, ``12,000`` as ``12000``, ``1/2`` as ``0.5``, ``3.50`` as ``3.5``.
    They read as Excel shows them; only the date among them is warned of, a number shown with
    its currency or separator being what was typed."""
    path = tmp_path / "p07.xlsx"
    _transcript_book(
        path,
        [
            (1500, '"£"#,##0.00'),
            (12000, "#,##0"),
            (0.5, "# ?/?"),
            (3.5, "0.00"),
            (-250, "[$£-809]#,##0;[Red]-[$£-809]#,##0"),
            (1.2e-5, "0.0E+00"),
            (MARCH_FIRST, "d-mmm"),
            (7, "General"),
            (8, "[>=100]0;0.0"),  # a condition: not read, the number's own text
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [t.text[u.start : u.end] for u in t.turns if u.role == "participant"] == [
        "£1,500.00",
        "12,000",
        "1/2",
        "3.50",
        "-£250",
        "1.2E-05",
        "1-Mar",
        "7",
        "8",
    ]
    assert [str(w.message) for w in caught] == [
        f"{path}: row 15 holds a date, time or percentage in the text column, which Excel "
        "makes of words typed as one ('1 Mar', '25%'), read as Excel shows it ('1-Mar'): check "
        "it against the interview (format the text column as Text in Excel before typing, to "
        "keep the words as typed)"
    ]


def test_record_files_read_numbers_in_the_text_column_as_excel_shows_them(
    tmp_path: Path,
) -> None:
    """Training, evaluation, agreement and decisions files read their ``text`` column through
    the one helper (:func:`roqa_nlp.record_files.xlsx_rows`): a record typed ``£1,500`` is
    trained on as ``£1,500.00``, not ``1500``; the other columns keep their values."""
    import openpyxl

    from roqa_nlp.record_files import read_records

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["construct", "text", "note"])
    sheet.append(["Available Resources", 1500, 1500])
    sheet.append(["Available Resources", 0.5, 0.5])
    for row, number_format in ((2, '"£"#,##0.00'), (3, "# ?/?")):
        sheet.cell(row, 2).number_format = sheet.cell(row, 3).number_format = number_format
    path = tmp_path / "records.xlsx"
    book.save(path)
    assert read_records(path) == [
        (2, {"construct": "Available Resources", "text": "£1,500.00", "note": "1500"}),
        (3, {"construct": "Available Resources", "text": "1/2", "note": "0.5"}),
    ]


def test_speaker_ids_under_a_number_format_are_read_as_shown(tmp_path: Path) -> None:
    """A speaker id kept as a number under a custom format (4 shown ``P04`` under ``"P"00``,
    7 shown ``007`` under ``000``) is read as Excel shows it, not ``4`` and ``7``: the name a
    researcher sees, and the one the case ids and outputs carry."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    for speaker, text in [
        ("Interviewer", "How did the rollout go?"),
        (4, "It went well."),
        ("Interviewer", "And for you?"),
        (7, "Harder, on nights."),
    ]:
        sheet.append([speaker, text])
    sheet.cell(3, 1).number_format = '"P"00'
    sheet.cell(5, 1).number_format = "000"
    path = tmp_path / "ids.xlsx"
    book.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P04", "participant"),
        ("Interviewer", "interviewer"),
        ("007", "participant"),
    ]
    assert [str(w.message) for w in caught] == []


@pytest.mark.parametrize(
    ("most", "odd", "read"),
    [("General", "0.0", "1"), ('"P"00', "General", "P01"), ('"P"00', "0.0", "P01")],
)
def test_one_speaker_id_cell_formatted_otherwise_reads_as_the_others(
    most: str, odd: str, read: str, tmp_path: Path
) -> None:
    """Hunter s83 hunt17 R8: speaker 1 typed in every row, one cell formatted ``0.0``, was read
    as two speakers, ``1`` and ``1.0``; with ``"P"00`` on most cells and General on one, ``P01``
    and ``1``. A number in the speaker column reads as most of its cells show it."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    for speaker, text in [
        ("Interviewer", "How did the rollout go?"),
        (1, "It went well."),
        ("Interviewer", "And for you?"),
        (1, "Harder, on nights."),
        ("Interviewer", "Why?"),
        (1, "No cover."),
    ]:
        sheet.append([speaker, text])
    for row in (3, 5, 7):
        sheet.cell(row, 1).number_format = odd if row == 5 else most
    path = tmp_path / "ids.xlsx"
    book.save(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [u.speaker for u in t.turns] == ["Interviewer", read] * 3
    assert [str(w.message) for w in caught] == []


@pytest.mark.parametrize(
    ("formats", "read"),
    [
        (('"I"0', '"P"0'), [("I1", "interviewer"), ("P1", "participant")] * 3),
        (
            ('"Interviewer "0', '"Participant "0'),
            [("Interviewer 1", "interviewer"), ("Participant 1", "participant")] * 3,
        ),
        (('"F"0', '"P"0'), [("F1", "interviewer"), ("P1", "participant")] * 3),
    ],
)
def test_speaker_ids_of_one_number_under_formats_of_other_letters_stay_apart(
    formats: tuple[str, str], read: list[tuple[str, str]], tmp_path: Path
) -> None:
    """Hunter s84 hunt20 R2: the number 1 in every row of the speaker column, formatted
    ``"I"0`` on the questions and ``"P"0`` on the answers (shown ``I1`` and ``P1``), was read
    as one speaker ``I1`` holding all the words, the participant's talk lost. Formats that give
    the same number other letters name two speakers."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["speaker", "text"])
    for question, answer in [
        ("How did the rollout go for your team this year?", "Well on days, harder on nights."),
        ("Why were nights harder?", "No cover and no training for bank staff."),
        ("Anything else?", "The board never visited us at all."),
    ]:
        for format_, words in zip(formats, (question, answer), strict=True):
            sheet.append([1, words])
            sheet.cell(sheet.max_row, 1).number_format = format_
    path = tmp_path / "ids.xlsx"
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # F1 taken as the interviewer, as at BASE
        t = read_transcript(path)
    assert [(u.speaker, u.role) for u in t.turns] == read
