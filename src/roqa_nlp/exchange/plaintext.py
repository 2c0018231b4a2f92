"""Plain text as REFI-QDA selections address it: newline normalisation that keeps offsets right.

REFI-QDA ``startPosition``/``endPosition`` are character (code point) offsets into a source's
plain text. The project keeps transcript text with ``\\n`` line endings (see
:func:`roqa_nlp.io.decode_text`), while files written on Windows carry ``\\r\\n``. Normalising the
text shifts every later offset by one per removed ``\\r``; :class:`NewlineMap` translates offsets
so that a selection still covers exactly the same characters.

A source read from a QDA program keeps the line ends it had there (:func:`line_ends`), so that an
export under the source's GUID gives the program back its own text, with the selections counted
as it counts them (:func:`restore_line_ends`). A source whose selections the program counted in
UTF-16 code units (:data:`POSITION_UNIT`) goes back with them counted so (:func:`utf16_offsets`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NewlineMap:
    """Offsets in a raw text -> offsets in the same text with ``\\r\\n`` and ``\\r`` as ``\\n``.

    ``removed`` holds, in increasing order, the raw positions of every ``\\r`` that was dropped
    (the first character of each ``\\r\\n`` pair). A raw offset ``i`` maps to ``i`` minus the
    number of dropped characters before it.
    """

    removed: tuple[int, ...] = ()

    def __call__(self, raw_offset: int) -> int:
        return raw_offset - bisect.bisect_left(self.removed, raw_offset)

    @property
    def identity(self) -> bool:
        return not self.removed


def normalise_newlines(raw: str) -> tuple[str, NewlineMap]:
    """The text with ``\\r\\n`` and lone ``\\r`` written as ``\\n``, and the offset map."""
    if "\r" not in raw:
        return raw, NewlineMap()
    removed: list[int] = []
    start = 0
    while True:
        i = raw.find("\r\n", start)
        if i < 0:
            break
        removed.append(i)
        start = i + 2
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    return text, NewlineMap(tuple(removed))


_LINE_END = re.compile(r"\r\n|\r|\n")

#: The key of a transcript's ``metadata`` that holds the line ends of the source it was read from
#: in a QDA program (:func:`line_ends`), when they are not all ``\\n``.
LINE_ENDS = "refi_line_ends"


def line_ends(raw: str) -> list[list[Any]]:
    """The line ends of ``raw`` in order, as runs ``[line end, how many]``
    (``[["\\r\\n", 11]]`` for a text written on Windows); empty when each is ``\\n``."""
    runs: list[list[Any]] = []
    for m in _LINE_END.finditer(raw):
        if runs and runs[-1][0] == m.group():
            runs[-1][1] += 1
        else:
            runs.append([m.group(), 1])
    return [] if all(end == "\n" for end, _ in runs) else runs


def restore_line_ends(text: str, runs: object) -> tuple[str, Callable[[int], int]] | None:
    """``text`` (``\\n`` line ends) with the line ends ``runs`` gives (:func:`line_ends`), and the
    map from an offset in ``text`` to the same place in it; None when ``runs`` is not a list
    of runs of ``\\r\\n``, ``\\r`` and ``\\n`` with one line end per ``\\n`` of ``text`` (a text
    changed since, or a hand-edited record): it is then written as it is."""
    ends: list[str] = []
    for run in runs if isinstance(runs, list) else ():
        if not (
            isinstance(run, list)
            and len(run) == 2
            and run[0] in ("\r\n", "\r", "\n")
            and isinstance(run[1], int)
            and not isinstance(run[1], bool)
            and 0 < run[1] <= len(text)
        ):
            return None
        ends.extend([run[0]] * run[1])
    lines = text.split("\n")
    if not ends or "\r" in text or len(ends) != len(lines) - 1:
        return None
    shifted: list[int] = []  # the offsets in ``text`` of each \n written as two characters
    at = 0
    for line, end in zip(lines, ends, strict=False):
        at += len(line)
        if end == "\r\n":
            shifted.append(at)
        at += 1
    raw = lines[0] + "".join(end + line for end, line in zip(ends, lines[1:], strict=True))
    return raw, lambda offset: offset + bisect.bisect_left(shifted, offset)


#: The key of a transcript's ``metadata`` that records the unit a QDA program counted the
#: selections of its source in, when it is not code points: ``"utf-16"`` (code units, as .NET and
#: Qt count them), which an export under the source's GUID counts its selections in again.
POSITION_UNIT = "refi_position_unit"

#: The value of :data:`POSITION_UNIT` for positions counted in UTF-16 code units.
UTF16 = "utf-16"

_OUTSIDE_BMP = re.compile("[\U00010000-\U0010ffff]")


def has_outside_bmp(text: str) -> bool:
    """Whether ``text`` holds a character outside the Basic Multilingual Plane (an emoji, 𝑥): the
    only ones that are two UTF-16 code units, so that code points and UTF-16 units differ."""
    return _OUTSIDE_BMP.search(text) is not None


def utf16_units(text: str) -> dict[int, int]:
    """The code point offset of ``text`` that each UTF-16 code unit offset stands for (only the
    offsets between characters: none falls inside an emoji)."""
    units: dict[int, int] = {}
    at = 0
    for i, c in enumerate(text):
        units[at] = i
        at += 2 if ord(c) > 0xFFFF else 1
    units[at] = len(text)
    return units


def utf16_offsets(text: str, to_text: Callable[[int], int] | None = None) -> Callable[[int], int]:
    """The map from a code point offset of ``text`` (or the offset ``to_text`` maps into it) to
    the same place counted in UTF-16 code units (one more per character outside the Basic
    Multilingual Plane before it)."""
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]

    def units(offset: int) -> int:
        at = offset if to_text is None else to_text(offset)
        return at + bisect.bisect_left(astral, at)

    return units
