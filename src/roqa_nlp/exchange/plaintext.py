"""Plain text as REFI-QDA selections address it: newline normalisation that keeps offsets right.

REFI-QDA ``startPosition``/``endPosition`` are character (code point) offsets into a source's
plain text. The project keeps transcript text with ``\\n`` line endings (see
:func:`roqa_nlp.io.decode_text`), while files written on Windows carry ``\\r\\n``. Normalising the
text shifts every later offset by one per removed ``\\r``; :class:`NewlineMap` translates offsets
so that a selection still covers exactly the same characters.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


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
