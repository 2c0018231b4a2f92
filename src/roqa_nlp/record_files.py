"""Files of labelled records (training or evaluation): JSON Lines or a spreadsheet.

A record is a text with its codes: ``{"text": ..., "construct": "Available Resources"}``, or
``codes`` (a list) for several, and optionally ``valence``, ``context`` (the interviewer's
question), ``setting``, ``source``, ``kind`` and ``id`` (:mod:`roqa_nlp.training`). They come

- one JSON object a line (``.jsonl``), as ``training_data/`` holds them, or
- one row a record in a spreadsheet a researcher keeps their coded quotes in (``.csv`` with a
  comma, semicolon or tab, ``.tsv``, or the first sheet of an Excel ``.xlsx``): a header row names
  the columns (any case; columns of other names are ignored), and a ``construct`` or ``codes``
  cell holds one code name or id, several separated by ``;``, or ``NONE`` for talk that fits no
  code. An empty code cell is an error rather than "fits no code", so that a row left uncoded
  never teaches or scores the model as off-framework talk.

A JSON Lines record's ``construct`` or ``codes`` string is read as such a cell too
(:func:`code_names`): ``"Available Resources; Cost"`` is two codes in either kind of file; but a
string that is a code's name as a whole is that code, so a project code named with a ``;``
still reads (``training._codes_of``). ``NONE`` with a code (``"NONE; Cost"``) is an error in
either.

:func:`read_records` gives each record with the number of its line or row, for errors.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import RoqaError, RoqaValueError
from .io import (
    MAX_HEADER_LINE,
    column_key,
    csv_delimiter,
    from_the_header,
    read_bytes,
    read_jsonl_numbered,
    read_text,
    rows_within_header,
    title_rows,
    too_many_fields_hint,
)

#: The file types of labelled records, by suffix: JSON Lines and the spreadsheets.
SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".xlsx")
RECORD_SUFFIXES = (".jsonl", *SPREADSHEET_SUFFIXES)
#: Spreadsheet columns that hold codes: one name or id, or several separated by this.
CODE_COLUMNS = ("codes", "construct")
CODE_SEPARATOR = ";"
_HINT = (
    "give a header row with a `text` column and a `construct` (or `codes`) column: a code name, "
    "several separated by ';', or NONE"
)

#: what to do about a row with more fields than the header (a text or code cell with a comma)
_TOO_MANY_FIELDS = too_many_fields_hint("a text", codes=True)


def is_record_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in RECORD_SUFFIXES


def is_spreadsheet(path: str | Path) -> bool:
    """Whether :func:`read_records` reads ``path`` as a spreadsheet (rows), not JSON Lines."""
    return Path(path).suffix.lower() in SPREADSHEET_SUFFIXES


def item_name(path: str | Path) -> str:
    """What an error calls one record of ``path``: a ``row`` of a spreadsheet, else a ``line``."""
    return "row" if is_spreadsheet(path) else "line"


def read_records(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """The records of a ``.jsonl``, ``.csv``, ``.tsv`` or ``.xlsx`` file, each with its line
    (JSON Lines) or row (spreadsheets, the header being row 1) number; see the module
    docstring."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv"):
        text, skipped = from_the_header(read_text(p), "text")
        try:  # strict: an unclosed quote is an error, not one cell swallowing the rest
            reader = csv.reader(
                io.StringIO(text), delimiter=csv_delimiter(text, "text"), strict=True
            )
            rows = list(
                rows_within_header(
                    reader, p, skipped=skipped, hint=_TOO_MANY_FIELDS, columns=("text",)
                )
            )
        except csv.Error as e:
            raise RoqaValueError(f"is not a valid CSV file ({e})", path=p, hint=_HINT) from None
        return _spreadsheet_records(rows, p, first=2 + skipped)
    if suffix == ".xlsx":
        sheet, skipped = from_the_header_row(xlsx_rows(p), "text")
        return _spreadsheet_records(sheet, p, first=2 + skipped)
    return read_jsonl_numbered(p)


def xlsx_rows(path: Path) -> list[tuple[Any, ...]]:
    """The cell values of the first sheet of an Excel workbook, row by row, each cell of the
    ``text`` column below the header row as Excel shows it (a date ``1-Mar``, a percentage
    ``25%``, a number ``£1,500.00``: :func:`~roqa_nlp.spreadsheets.cell_as_shown`), as a
    transcript's text column is read: training, evaluation, agreement and decisions files
    (session 82: a record typed ``25%`` was trained on and scored as ``0.25``, one typed ``1
    Mar`` as ``2024-03-01 00:00:00``; session 83: one typed ``£1,500`` as ``1500``)."""
    from .spreadsheets import cell_as_shown

    cells = xlsx_sheets(path, first_only=True, with_formats=True)[0][1]
    rows = [tuple(value for value, _ in row) for row in cells]
    below, skipped = from_the_header_row(rows, "text")
    header = [_cell(c).casefold() for c in below[0]] if below else []
    if "text" not in header:
        return rows
    column = header.index("text")
    for r in range(skipped + 1, len(rows)):
        if column < len(cells[r]):
            shown = cell_as_shown(*cells[r][column])
            if shown is not None:
                rows[r] = (*rows[r][:column], shown, *rows[r][column + 1 :])
    return rows


def xlsx_sheets(
    path: Path, *, first_only: bool = False, with_formats: bool = False
) -> list[tuple[str, list[tuple[Any, ...]], bool]]:
    """The name, the cell values row by row, and whether it is hidden, of each sheet of an Excel
    workbook (of its first sheet alone with ``first_only``); with ``with_formats``, each cell
    is its value and its number format (``(datetime(2024, 3, 1), "d-mmm")``, for
    :func:`~roqa_nlp.spreadsheets.cell_as_shown`)."""
    import openpyxl

    from .exchange.safezip import screen_office_file

    data = read_bytes(path)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise RoqaValueError(
            "is not an Excel .xlsx file", path=path, hint="save it as .xlsx or .csv"
        )
    screen_office_file(data, path, app="Excel")
    try:
        # not read_only: that mode leaves the archive open until the workbook is collected
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        sheets = [
            (
                sheet.title,
                [
                    tuple((c.value, getattr(c, "number_format", None)) for c in r)
                    for r in sheet.iter_rows()
                ]
                if with_formats
                else [tuple(r) for r in sheet.iter_rows(values_only=True)],
                sheet.sheet_state != "visible",
            )
            # a workbook of chart sheets alone: IndexError, not readable
            for sheet in book.worksheets[: 1 if first_only else None] or [book.worksheets[0]]
        ]
    except Exception as e:  # openpyxl raises many kinds on a broken workbook
        raise RoqaValueError(
            f"is not a readable Excel workbook ({type(e).__name__})",
            path=path,
            hint="open it in Excel and save it again, or save it as .csv",
        ) from None
    return sheets


def later_sheets_with_cells(path: Path) -> list[str]:
    """The names of the sheets after the first of an Excel workbook that hold a cell: what a
    reader of the first sheet alone leaves unread (for its error when that sheet is empty)."""
    try:
        sheets = xlsx_sheets(path)
    except RoqaError:  # read once already: a failure here only loses the sheets' names
        return []
    return [name for name, rows, _ in sheets[1:] if any(_cell(c) for row in rows for c in row)]


def first_sheet_empty_error(path: Path, what: str) -> RoqaError | None:
    """The error for a workbook whose first sheet, the one read, is empty while a later sheet
    holds cells (``what`` it should hold: ``the decisions``), or None when none does."""
    later = later_sheets_with_cells(path)
    if not later:
        return None
    return RoqaValueError(
        "its first sheet is empty, and only the first sheet of a workbook is read (the sheet "
        f"{later[0]!r} holds cells)",
        path=path,
        hint=f"move {what} to the first sheet, or save that sheet as CSV UTF-8",
    )


def from_the_header_row(
    rows: Iterable[Sequence[Any]], column: str | None = None
) -> tuple[list[Sequence[Any]], int]:
    """The rows of a sheet from its header row, the first that holds a cell, and how many rows
    above it were passed over (empty, or of blank text), as :func:`~roqa_nlp.io.from_the_header`
    does for a CSV file's lines, a title above the header included when ``column`` is given.
    Add the count to a row's number to say its row in the sheet."""
    rows = list(rows)
    skipped = 0
    while skipped < len(rows) - 1 and not any(_cell(c) for c in rows[skipped]):
        skipped += 1
    if column is not None:
        skipped += title_rows(rows[skipped:MAX_HEADER_LINE], column)
    return rows[skipped:], skipped


def code_names(cell: str) -> list[str]:
    """The code names or ids a ``construct`` or ``codes`` cell (or a JSON Lines record's string)
    holds: one, or several separated by :data:`CODE_SEPARATOR`, each stripped; ``[]`` when it
    holds none (blank, or separators alone)."""
    return [s.strip() for s in cell.split(CODE_SEPARATOR) if s.strip()]


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def dataframe_records(frame: Any, what: str) -> list[dict[str, Any]]:
    """The rows of a pandas ``DataFrame`` as records, read as a spreadsheet's rows are (columns
    in any case, ``;`` between codes, a missing code an error naming ``record N`` from 1); a
    ``codes`` or ``construct`` cell may also hold a list of codes."""
    plain = frame.astype(object).where(frame.notna(), None)
    rows = [list(plain.columns), *plain.itertuples(index=False, name=None)]
    return [r for _, r in _spreadsheet_records(rows, Path(what), item="record", first=1)]


def _spreadsheet_records(
    rows: Iterable[Sequence[Any]], path: Path, *, item: str = "row", first: int = 2
) -> list[tuple[int, dict[str, Any]]]:
    """The records of spreadsheet ``rows`` (the first is the header), numbered from ``first``."""
    it = iter(rows)
    header = [_cell(c).casefold() for c in next(it, ())]
    if "text" not in header:
        raise RoqaValueError("has no `text` column in its header row", path=path, hint=_HINT)
    code_columns = [c for c in CODE_COLUMNS if c in header]
    if not code_columns and {"segment_id", "decision"} <= {column_key(c) for c in header}:
        raise RoqaValueError(
            "is a decisions file, not training data",
            path=path,
            hint=f"give it with --feedback: roqa train TRAINING_DATA --feedback {path} "
            f"(in Python, AutoCoder.update({str(path)!r}))",
        )
    if not code_columns:
        raise RoqaValueError("has no `construct` or `codes` column", path=path, hint=_HINT)
    out: list[tuple[int, dict[str, Any]]] = []
    for n, row in enumerate(it, first):
        raw = {k: v for k, v in zip(header, row) if k}
        record: dict[str, Any] = {k: c for k, c in ((k, _cell(v)) for k, v in raw.items()) if c}
        if not record:
            continue  # a blank row
        record.setdefault("text", "")
        # a cell of separators alone (" ; ") holds no code: empty, not "fits no code"
        given = [
            c
            for c in code_columns
            if c in record and (isinstance(raw[c], (list, tuple)) or code_names(record[c]))
        ]
        if not given:
            raise RoqaValueError(
                f"{item} {n} has an empty `{code_columns[0]}` cell",
                path=path,
                hint="give a code name, several separated by ';', or NONE for talk that fits "
                "no code",
            )
        for column in given:
            value = raw[column]
            if isinstance(value, (list, tuple)):
                record[column] = [str(v).strip() for v in value]
                continue
            names = code_names(record[column])
            record[column] = names[0] if len(names) == 1 else names
        out.append((n, record))
    return out
