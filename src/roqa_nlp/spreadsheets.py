"""Spreadsheets as roqa meets them: the formats no command reads, and the error values a
spreadsheet program shows in a cell, both kept as data (``data/unreadable_spreadsheets.json``,
``data/spreadsheet_error_values.json``).

Transcripts, codings (``roqa agree``) and decisions are read from ``.xlsx``, CSV or
tab-separated text, a pseudonym key from CSV only; a file in another spreadsheet format given to
any of them is one error, worded alike everywhere, that says what the file is and how to save it
in the program that made it (:func:`unreadable_spreadsheet`)."""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Sequence
from pathlib import Path

from .errors import RoqaError, RoqaValueError
from .io import packaged_json
from .number_formats import format_sections, number_as_shown

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


# -- a cell as Excel shows it ----------------------------------------------------------------------

#: Excel's built-in short date formats (ids 14 and 22), which Excel shows in the computer's own
#: short date, not as their codes say (``mm-dd-yy``): read as an ISO date, which no reader
#: mistakes for another day.
_SYSTEM_SHORT_DATES = {"mm-dd-yy": "yyyy-mm-dd", "m/d/yy h:mm": "yyyy-mm-dd h:mm"}

#: One piece of a number format: a quoted literal, an escaped character, a padding or fill
#: character, a bracketed part (a colour, a locale, or an elapsed-time token such as ``[h]``),
#: ``AM/PM`` or ``A/P``, a run of one date or time letter, a run of zeros (fractions of a
#: second), or any other character, shown as it is.
_FORMAT_PIECE = re.compile(
    r'"(?P<quoted>[^"]*)"?|\\(?P<escaped>.)|[_*](?P<padding>.)|\[(?P<bracket>[^\]]*)\]'
    r"|(?P<ampm>AM/PM|am/pm|A/P|a/p)|(?P<letters>[yY]+|[mM]+|[dD]+|[hH]+|[sS]+|[eE]+)|(?P<zeros>0+)|(?P<other>.)",
    re.DOTALL,
)
_ELAPSED = re.compile(r"[hH]+|[mM]+|[sS]+")


def cell_as_shown(value: object, number_format: str | None) -> str | None:
    """The text Excel shows for a cell holding a date, a time or a number under its
    ``number_format`` (``d-mmm`` shows 2024-03-01 as ``1-Mar``, ``0%`` shows 0.25 as ``25%``,
    ``"£"#,##0.00`` 1500 as ``£1,500.00``, ``# ?/?`` 0.5 as ``1/2``:
    :func:`~roqa_nlp.number_formats.number_as_shown`; month and day names in English), or None
    for any other cell, and for a format not read, whose value's own text is what is read. Excel
    makes a date of ``1 Mar`` or ``1/3`` typed in a cell, a percentage of ``25%`` and a number
    of ``£1,500``, keeping the number alone."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        from openpyxl.styles.numbers import is_date_format  # read with the workbook

        fmt = format_sections(number_format or "General")[0]
        if not is_date_format(fmt):  # no date or time shown (General): the value's own text
            return None
        return _date_as_shown(value, _SYSTEM_SHORT_DATES.get(fmt.lower(), fmt))
    if isinstance(value, (int, float)):
        return number_as_shown(value, number_format or "General")
    return None


def made_of_words(value: object, number_format: str | None) -> bool:
    """Whether Excel shows the cell as a date, a time or a percentage, which it makes of words
    typed (``1 Mar``, ``1-3``, ``25%``) that read otherwise as shown (``1-Mar``): worth a
    warning, where a number shown with its currency or thousands separator is not."""
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return True
    plain = re.sub(r'"[^"]*"|\\.|[_*].', "", number_format or "")
    return isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in plain


def _date_as_shown(
    value: datetime.datetime | datetime.date | datetime.time | datetime.timedelta, fmt: str
) -> str | None:
    """:func:`cell_as_shown` of a date, time or duration under a date format ``fmt``: None
    where ``fmt`` asks for what the value has not (the day of a time alone)."""
    pieces = list(_FORMAT_PIECE.finditer(fmt))
    kinds = [_piece_kind(m) for m in pieces]
    twelve = any(m["ampm"] for m in pieces)
    total: float | None = None  # a duration's seconds, for an elapsed-time token
    day: datetime.date | None = None
    if isinstance(value, datetime.timedelta):
        total = value.total_seconds()
        clock = (datetime.datetime.min + value % datetime.timedelta(days=1)).time()
    elif isinstance(value, datetime.datetime):
        day, clock = value.date(), value.time()
    elif isinstance(value, datetime.date):
        day, clock = value, datetime.time()
    else:
        clock = value
    out: list[str] = []
    for i, (m, kind) in enumerate(zip(pieces, kinds, strict=True)):
        if kind == "elapsed":
            if total is None:
                return None
            unit = {"h": 3600, "m": 60, "s": 1}[m["bracket"][0].lower()]
            out.append(str(int(total // unit)).zfill(len(m["bracket"])))
        elif kind == "m" and len(m["letters"]) <= 2 and _is_minutes(kinds, i):
            out.append(_padded(clock.minute, len(m["letters"])))
        elif kind in ("y", "e", "m", "d"):
            if day is None:
                return None
            out.append(_date_piece(kind, len(m["letters"]), day))
        elif kind in ("h", "s"):
            hour = clock.hour % 12 or 12 if twelve else clock.hour
            out.append(_padded(hour if kind == "h" else clock.second, len(m["letters"])))
        elif (
            m["zeros"]
            and i >= 2
            and kinds[i - 2] in ("s", "elapsed")
            and m.string[m.start() - 1] == "."
        ):
            digits = len(m["zeros"])  # the fraction of the second, rounded half up
            shown = min((clock.microsecond * 10**digits + 500_000) // 1_000_000, 10**digits - 1)
            out.append(str(shown).zfill(digits))
        else:
            out.append(_literal(m, clock))
    return "".join(out)


def _piece_kind(m: re.Match[str]) -> str:
    """The date or time letter (lower case) a piece of a number format shows, ``elapsed`` for
    ``[h]``, ``[mm]`` or ``[ss]``, else ``""``."""
    if m["letters"]:
        return m["letters"][0].lower()
    if m["bracket"] is not None and _ELAPSED.fullmatch(m["bracket"]):
        return "elapsed"
    return ""


def _padded(number: int, letters: int) -> str:
    return str(number) if letters == 1 else f"{number:02d}"


def _date_piece(kind: str, letters: int, day: datetime.date) -> str:
    """A year (``yy``, ``yyyy``, ``e``), month (``m`` to ``mmmmm``) or day (``d`` to ``dddd``)
    as Excel shows it, names in English."""
    if kind in ("y", "e"):
        return str(day.year) if letters >= 3 or kind == "e" else f"{day.year % 100:02d}"
    if letters <= 2:
        return _padded(day.day if kind == "d" else day.month, letters)
    if kind == "d":
        return day.strftime("%a" if letters == 3 else "%A")
    name = day.strftime("%b" if letters == 3 else "%B")
    return name[:1] if letters == 5 else name


def _literal(m: re.Match[str], clock: datetime.time) -> str:
    """What a piece of a number format that is no date or time letter shows: a quoted or
    escaped character as itself, a padding ``_x`` as a space, a fill ``*x``, a colour or locale
    as nothing, ``AM/PM`` as the half of the day."""
    if m["quoted"] is not None:
        return m["quoted"]
    if m["escaped"] is not None:
        return m["escaped"]
    if m["padding"] is not None:
        return " " if m[0].startswith("_") else ""
    if m["bracket"] is not None:
        return ""
    if m["ampm"]:
        shown = ("AM" if clock.hour < 12 else "PM")[: 2 if len(m["ampm"]) > 3 else 1]
        return shown if m["ampm"][0].isupper() else shown.lower()
    return m[0]


def _is_minutes(kinds: Sequence[str], i: int) -> bool:
    """Whether the ``m`` at ``kinds[i]`` is minutes: the date or time letter before it is an
    hour, or the one after it a second (``h:mm``, ``mm:ss``), as Excel reads it."""
    before = next((k for k in reversed(kinds[:i]) if k), "")
    after = next((k for k in kinds[i + 1 :] if k), "")
    return before in ("h", "elapsed") or after in ("s", "elapsed")
