"""Quote marks typed in a table transcript's talk are kept, and do not take the rows below into
a turn (hunt s63, readers finding 1). A speaker/text .tsv was read with CSV quoting: a turn
opening with a quote mark that never closed took every row below it, the interviewer's questions
read as the participant's talk, and a quoted phrase opening a turn lost its quote marks. A .tsv
is read a line a row, quote marks as typed, but for a cell a spreadsheet quoted (Excel,
LibreOffice and pandas quote a cell holding a tab, a quote mark or a new line, doubling its own
quote marks); a .csv, whose quoting is its own, is read so too, with a warning naming the line.
"""

from __future__ import annotations

import csv
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
        "quote at all): read as typed, the quote marks kept and each line a row "
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


def test_a_quoted_csv_cell_over_lines_that_look_like_rows_is_one_cell(tmp_path: Path) -> None:
    """The quote closes where a cell ends, its own quote marks doubled: one cell, as the csv
    module, Excel and pandas read it, though lines inside it name the table's speakers."""
    p = tmp_path / "p03.csv"
    p.write_text(
        'speaker,text\nInterviewer,What changed?\nP03,"Keep people safe.\n'
        'Interviewer,And after?\nP03,Training came."\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("Interviewer", "What changed?"),
        ("P03", "Keep people safe.\nInterviewer,And after?\nP03,Training came."),
    ]


def write_rows(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    """``rows`` as the csv module writes them (quoting a cell only when it must, as Excel and
    pandas do)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        # a verbatim answer with a line opening "I, for one", I the interviewer's label
        (
            ["Speaker", "Text"],
            [
                ["I", "Tell me about staffing on the ward."],
                [
                    "P03",
                    "We were short all winter.\nI, for one, stayed late most nights.\n"
                    "It was hard on everyone.",
                ],
                ["I", "What helped?"],
                ["P03", "The manager. She listened."],
            ],
        ),
        # Q/A labels and a list inside an answer: "A, the money;"
        (
            ["Speaker", "Text"],
            [
                ["Q", "What were the barriers?"],
                ["A", "Three things:\nA, the money;\nB, the staff;\nC, the time."],
                ["Q", "Thanks."],
            ],
        ),
        # a participant named in her own answer, and a line opening with a speaker's label
        (
            ["speaker", "text"],
            [
                ["Interviewer", "Who supported the rollout?"],
                ["Anna", 'Mostly my manager.\nAnna, that\'s me, said "yes".\nIt took weeks.'],
                ["Interviewer", "Anything else?"],
                ["P03", "Staff, mostly.\nThen, on a new line:\nP03, a line like a row."],
            ],
        ),
    ],
)
def test_a_cell_quoted_as_excel_saves_it_is_one_cell_whatever_its_lines_open_with(
    tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    """A cell spanning lines, quoted by the csv module, is read whole, with no warning, when a
    line of it opens with a speaker's label and a comma (hunt s63 h_tab, finding R1: the
    participant's talk was read as the interviewer's, lines dropped, speakers made up)."""
    p = write_rows(tmp_path / "p03.csv", [header, *rows])
    assert no_warnings(p) == [(s, w) for s, w in rows]


def test_a_quoted_tsv_cell_with_lines_opening_with_a_tab_is_one_cell(tmp_path: Path) -> None:
    """An indented list in a cell, as Excel's *Text (Tab delimited)* saves it: one cell, its
    new lines kept (the indents rendered away, as the csv module read it), its quote marks not
    (hunt s63 h_tab, R5)."""
    p = tmp_path / "p01.tsv"
    p.write_bytes(
        b'speaker\ttext\r\nInterviewer\tQ?\r\nP01\t"Steps:\n\t1. wash\n\t2. dry"\r\n'
        b"Interviewer\tQ2?\r\nP01\tok\r\n"
    )
    assert no_warnings(p) == [
        ("Interviewer", "Q?"),
        ("P01", "Steps:\n1. wash\n2. dry"),
        ("Interviewer", "Q2?"),
        ("P01", "ok"),
    ]


def test_spaces_after_a_closing_quote_end_the_quoted_cell(tmp_path: Path) -> None:
    """``"What, helps?" `` (a space typed before the comma or the line's end): the quoted cell
    and the spaces, as the csv module reads it (hunt s63 h_tab, R5)."""
    p = tmp_path / "p03.csv"
    p.write_text(
        'speaker,text\nInterviewer,"What, helps?" \nP03,"Staff, mostly" \nInterviewer,x\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("Interviewer", "What, helps?"),
        ("P03", "Staff, mostly"),
        ("Interviewer", "x"),
    ]


@pytest.mark.parametrize("after", ["\t", "\u00a0", " \t "])
def test_a_tab_or_no_break_space_after_a_closing_quote_ends_the_quoted_cell(
    tmp_path: Path, after: str
) -> None:
    """A tab or a no-break space after the closing quote, as the csv module reads it: only a
    space was allowed, so a quoted cell of several lines was split into rows, talk moved to the
    interviewer and a timed table refused (hunt s63 h_tab2, R1)."""
    p = tmp_path / "p03.csv"
    p.write_text(
        f'Speaker,Text\nI,Tell me.\nP03,"We were short all winter.\nI, for one, stayed late.\n'
        f'It was hard."{after}\nI,What helped?\nP03,The manager.\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("I", "Tell me."),
        ("P03", "We were short all winter.\nI, for one, stayed late.\nIt was hard."),
        ("I", "What helped?"),
        ("P03", "The manager."),
    ]
    timed = tmp_path / "timed.csv"
    timed.write_text(
        f'Speaker,Text,Start,End\nI,"Tell me, then.",0,2\nP03,"Yes, we had no staff."{after},2,9\n'
        "I,Thanks.,9,10\n",
        encoding="utf-8",
    )
    assert no_warnings(timed) == [
        ("I", "Tell me, then."),
        ("P03", "Yes, we had no staff."),
        ("I", "Thanks."),
    ]


def test_words_after_the_closing_quote_of_a_cell_over_lines_are_the_cells(tmp_path: Path) -> None:
    """``"... twice a week." (laughs)`` closing a quoted cell of two lines: read as the csv
    module reads it, the cell's later line kept (a hunt of s63 found it dropped without a word
    once such a cell was read line by line). A line of it holding the delimiter reads as a row,
    as typed, with the warning."""
    p = tmp_path / "p01.csv"
    p.write_text(
        'speaker,text\nInterviewer,What helped?\nP01,"The peer workers helped.\n'
        'They came twice a week." (laughs)\nInterviewer,Thanks.\n',
        encoding="utf-8",
    )
    assert no_warnings(p) == [
        ("Interviewer", "What helped?"),
        ("P01", "The peer workers helped.\nThey came twice a week. (laughs)"),
        ("Interviewer", "Thanks."),
    ]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_an_unclosed_quote_does_not_take_in_a_quoted_row_below(
    tmp_path: Path, delimiter: str
) -> None:
    """Every cell quoted (R's write.csv) and one never closed: the next row opens with a quote
    mark, which a hunt of s63 found read as the unclosed cell's close, the interviewer's question
    taken into the answer. Each line is a row, as typed."""
    rows = [("speaker", "text"), ("Interviewer", "What got in the way?"),
            ("P01", "The rota never worked"), ("Interviewer", "And anything else?"),
            ("P01", "Staff shortages.")]  # fmt: skip
    lines = [delimiter.join(f'"{c}"' for c in row) for row in rows]
    lines[2] = lines[2][:-1]  # its closing quote left out
    p = tmp_path / f"p01.{'csv' if delimiter == ',' else 'tsv'}"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        got = turns(p)
    assert got == [
        ("Interviewer", "What got in the way?"),
        ("P01", '"The rota never worked'),
        ("Interviewer", "And anything else?"),
        ("P01", "Staff shortages."),
    ]


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
