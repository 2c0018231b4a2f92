"""Quote marks typed in a table transcript's talk are kept, and do not take the rows below into
a turn (hunt s63, readers finding 1). A speaker/text .tsv was read with CSV quoting: a turn
opening with a quote mark that never closed took every row below it, the interviewer's questions
read as the participant's talk, and a quoted phrase opening a turn lost its quote marks. A .tsv
is read a line a row, quote marks as typed, but for a cell a spreadsheet quoted (Excel,
LibreOffice and pandas quote a cell holding a tab, a quote mark or a new line, doubling its own
quote marks); a .csv, whose quoting is its own, is read so too, with a warning naming the line.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp import read_transcript
from roqa_nlp.errors import RoqaWarning

UNBALANCED = [
    ("Interviewer", "What was the culture like?"),
    ("P03", '"Keep people safe, keep them busy. That was the motto when I arrived.'),
    ("Interviewer", "And the barriers?"),
    ("P03", "Staffing, mostly. We lose people to the supermarket."),
    ("Interviewer", "Anything else?"),
    ("P03", "The commissioners pay by the hour."),
]


def turns(path: Path) -> list[tuple[str, str]]:
    t = read_transcript(path)
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def no_warnings(path: Path) -> list[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return turns(path)


def quote_warning(path: Path, lines: str) -> str:
    verb = "opens" if "," not in lines else "open"
    return (
        f"{path}: line{'s' if ',' in lines else ''} {lines} {verb} a cell with a quote mark "
        "that does not close where the cell ends (words after the closing quote, or no closing "
        "quote before the next row): read as typed, the quote marks kept and each line a row "
        "(a cell over several lines needs quotes around the whole cell, and its own quote "
        "marks doubled, as Excel saves it)"
    )


def write(path: Path, delimiter: str, rows: list[tuple[str, str]]) -> Path:
    lines = [f"speaker{delimiter}text", *(f"{s}{delimiter}{w}" for s, w in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_unclosed_quote_in_a_tsv_keeps_each_line_a_row(tmp_path: Path) -> None:
    assert no_warnings(write(tmp_path / "p03.tsv", "\t", UNBALANCED)) == UNBALANCED


def test_a_quoted_phrase_opening_a_tsv_turn_keeps_its_quote_marks(tmp_path: Path) -> None:
    rows = [
        ("Interviewer", "What changed?"),
        ("P03", '"Keep people safe and keep them busy" was the motto when I arrived.'),
        ("Interviewer", "And after?"),
        ("P03", '"Keep people safe", that was it. We stopped "doing for".'),
    ]
    assert no_warnings(write(tmp_path / "p03.tsv", "\t", rows)) == rows


def test_a_cell_a_spreadsheet_quoted_in_a_tsv_is_read_without_its_quotes(
    tmp_path: Path,
) -> None:
    """As Excel's *Text (Tab delimited)* and pandas save a cell holding a quote mark or a new
    line (Alt+Enter): those cells are read as before."""
    p = tmp_path / "p03.tsv"
    p.write_text(
        'speaker\ttext\nInterviewer\tWhat changed?\nP03\t"""Keep people safe"" was the motto."\n'
        'Interviewer\tAnd after?\nP03\t"Training came.\nThen the new manager."\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("Interviewer", "What changed?"),
        ("P03", '"Keep people safe" was the motto.'),
        ("Interviewer", "And after?"),
        ("P03", "Training came.\nThen the new manager."),
    ]


def test_an_unclosed_quote_in_a_csv_keeps_each_line_a_row_with_a_warning(
    tmp_path: Path,
) -> None:
    rows = [(s, f'"{w}"' if "," in w and not w.startswith('"') else w) for s, w in UNBALANCED]
    p = write(tmp_path / "p03.csv", ",", rows)
    with pytest.warns(RoqaWarning) as caught:
        assert turns(p) == UNBALANCED
    assert [str(w.message) for w in caught] == [quote_warning(p, "3")]


def test_words_after_a_closing_quote_in_a_csv_are_read_as_typed(tmp_path: Path) -> None:
    p = write(
        tmp_path / "p03.csv",
        ",",
        [
            ("Interviewer", "What changed?"),
            ("P03", '"Keep people safe, keep them busy" was the motto.'),
            ("Interviewer", "And after?"),
            ("P03", '"Safe" was it.'),
        ],
    )
    with pytest.warns(RoqaWarning) as caught:
        assert turns(p) == [
            ("Interviewer", "What changed?"),
            ("P03", '"Keep people safe, keep them busy" was the motto.'),
            ("Interviewer", "And after?"),
            ("P03", '"Safe" was it.'),
        ]
    assert [str(w.message) for w in caught] == [quote_warning(p, "3, 5")]


def test_a_quoted_csv_cell_over_lines_that_are_rows_keeps_them_rows(tmp_path: Path) -> None:
    """The quote closes, but past two lines that name the table's speakers: each is a row."""
    p = tmp_path / "p03.csv"
    p.write_text(
        'speaker,text\nInterviewer,What changed?\nP03,"Keep people safe.\n'
        'Interviewer,And after?\nP03,Training came."\n',
        encoding="utf-8",
    )
    with pytest.warns(RoqaWarning) as caught:
        assert turns(p) == [
            ("Interviewer", "What changed?"),
            ("P03", '"Keep people safe.'),
            ("Interviewer", "And after?"),
            ("P03", 'Training came."'),
        ]
    assert [str(w.message) for w in caught] == [quote_warning(p, "3")]


def test_a_quoted_csv_cell_over_several_lines_is_one_cell(tmp_path: Path) -> None:
    p = tmp_path / "p03.csv"
    p.write_text(
        'speaker,text\nInterviewer,What changed?\nP03,"Keep people safe,\nkeep them busy."\n'
        'Interviewer,"And ""after""?"\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("Interviewer", "What changed?"),
        ("P03", "Keep people safe,\nkeep them busy."),
        ("Interviewer", 'And "after"?'),
    ]
