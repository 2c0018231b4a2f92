"""Spreadsheets as roqa meets them: the formats no command reads, and the error values a
spreadsheet program shows in a cell, both kept as data (``data/unreadable_spreadsheets.json``,
``data/spreadsheet_error_values.json``).

Transcripts, codings (``roqa agree``) and decisions are read from ``.xlsx``, CSV or
tab-separated text, a pseudonym key from CSV only; a file in another spreadsheet format given to
any of them is one error, worded alike everywhere, that says what the file is and how to save it
in the program that made it (:func:`unreadable_spreadsheet`)."""

from __future__ import annotations

import functools
from pathlib import Path

from .errors import RoqaError, RoqaValueError
from .io import packaged_json

#: what the commands that read .xlsx save a spreadsheet as
XLSX_OR_CSV = ".xlsx or CSV UTF-8"


@functools.cache
def _unreadable() -> dict[str, tuple[str, str]]:
    formats = packaged_json("unreadable_spreadsheets.json")["formats"]
    assert isinstance(formats, dict)
    return {suffix.lower(): (f["is"], f["save_with"]) for suffix, f in formats.items()}


def unreadable_spreadsheet_suffixes() -> tuple[str, ...]:
    """The extensions of the spreadsheet formats no roqa command reads, in the data file's
    order."""
    return tuple(_unreadable())


def unreadable_spreadsheet(
    path: str | Path, read_as: str, *, save_as: str = XLSX_OR_CSV, then: str = ""
) -> RoqaError | None:
    """The error for ``path`` given to be read as ``read_as`` (``"codings"``, ``"a
    transcript"``) when its extension is a spreadsheet format roqa does not read, else None:
    ``PATH: is an Apple Numbers spreadsheet, which roqa does not read as codings (save it as
    .xlsx or CSV UTF-8 with File > Export To in Numbers, THEN)``. ``save_as`` is what the
    command reads, ``then`` what it needs of the saved file. A file of CSV text under such a
    name (``p04.xls``) is told to be renamed ``.csv`` instead: it holds no workbook to save."""
    found = _unreadable().get(Path(path).suffix.lower())
    if found is None:
        return None
    what, save_with = found
    head = _head(path)
    if head and not not_csv_text(head):  # CSV text under the name: no workbook to save again
        return RoqaValueError(
            f"holds CSV text under a {Path(path).suffix} name, not {what}, which roqa does not "
            f"read as {read_as}",
            path=path,
            hint=f"rename it to end in .csv, e.g. {Path(path).stem}.csv, and give that",
        )
    return RoqaValueError(
        f"is {what}, which roqa does not read as {read_as}",
        path=path,
        hint=f"save it as {save_as} with {save_with}" + (f", {then}" if then else ""),
    )


def _head(path: str | Path) -> bytes:
    """The first bytes of the file at ``path``; none when it is not a file roqa can open."""
    try:
        with open(path, "rb") as f:
            return f.read(8)
    except OSError:
        return b""


def not_csv_text(head: bytes) -> bool:
    """Whether a file's first bytes ``head`` are no CSV text: a zip archive (an .xlsx, .ods or
    .numbers workbook), an Office 97-2003 file (.xls), or XML or JSON (a flat .fods, a .gsheet
    shortcut). A key or decisions file named as an unreadable spreadsheet but holding CSV text
    is told to be renamed instead."""
    from .transcripts.protected import OLE_SIGNATURE

    return head.startswith((b"PK\x03\x04", OLE_SIGNATURE)) or head.lstrip(b"\xef\xbb\xbf \t\r\n")[
        :1
    ] in (b"<", b"{")


@functools.cache
def spreadsheet_error_values() -> frozenset[str]:
    """The error values (upper case) Excel and LibreOffice show in a cell whose formula failed:
    ``#NAME?`` for a cell typed starting with ``-`` or ``=``, ``#N/A``, ``#REF!`` ..."""
    values = packaged_json("spreadsheet_error_values.json")["values"]
    assert isinstance(values, list)
    return frozenset(str(v).upper() for v in values)
