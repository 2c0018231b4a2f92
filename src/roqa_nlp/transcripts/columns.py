"""The columns of a transcript table: a .csv file, or a table in a Word or LibreOffice document.

Transcription services and QDA programs name the same columns differently (NVivo's transcripts:
``Timespan``, ``Content``, ``Speaker``; others ``Start Time``, ``Transcript``), so a header cell
is read as the column of a role when its name, in any case and spacing, is one of the role's
names in :data:`COLUMN_NAMES`. A time cell may hold a span (``0:00.0 - 0:05.2``): its first time
is when the row begins and its second when it ends (:func:`row_times`, for every table reader).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

#: The names a header cell may give each role's column, the preferred first: a table with both a
#: ``Speaker`` and a ``Name`` column takes ``Speaker`` as the speaker's.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "speaker": ("speaker", "speaker name", "name", "who"),
    "text": (
        "text", "content", "transcript", "transcription", "words", "utterance", "dialogue",
        "speech",
    ),
    "start": (
        "start", "start time", "begin", "begin time", "timespan", "time span", "timestamp",
        "timecode", "time",
    ),
    "end": ("end", "end time", "stop", "stop time"),
}  # fmt: skip

#: Between the two times of a span: a dash or "to", with blanks around it. The blanks before it
#: are a whole run (the lookbehind): tried from each blank of a run, a cell of 20 000 blanks took
#: 2 s (fixer s66, times).
_SPAN = re.compile(r"(?<!\s)\s+(?:-|–|—|to)\s+")


def _name(cell: str) -> str:
    return " ".join(cell.strip().strip('"').lstrip("\ufeff").replace("_", " ").lower().split())


def column_roles(header: Sequence[str]) -> dict[str, int]:
    """Each role (``speaker``, ``text``, ``start``, ``end``) whose column the header row names,
    and that column's index (the column of the role's preferred name, the first of equals)."""
    names = [_name(cell) for cell in header]
    roles: dict[str, int] = {}
    for role, aliases in COLUMN_NAMES.items():
        for alias in aliases:
            if alias in names and names.index(alias) not in roles.values():
                roles[role] = names.index(alias)
                break
    return roles


def span(value: str) -> tuple[str, str | None]:
    """A time cell's begin and end: ``("0:00.0", "0:05.2")`` for ``0:00.0 - 0:05.2``, and
    ``(value, None)`` for one time."""
    parts = _SPAN.split(value.strip(), maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (value, None)


def row_times(cells: Mapping[str, str]) -> tuple[str, str | None]:
    """A row's begin and end time cells from its cells by role (``start``, ``end``): the start
    cell's span (:func:`span`), the end column's cell for its end when the table has one."""
    begin, end = span(cells.get("start", ""))
    return begin, cells.get("end", end)
