"""What a character of a person's name is, for the patterns that read names (speaker labels,
the names a pseudonymised copy lists to check).

A name's letters are those of ``\\w`` with the combining marks (Unicode category M) that stay
on a letter when no precomposed character exists, even in NFC: Yoruba ``Adébáyọ̀`` ends on
``ọ`` (U+1ECD) and a grave accent (U+0300), Vietnamese and Devanagari names carry such marks
too. Python's ``re`` has no ``\\p{M}`` and ``\\w`` leaves the marks out, so a name holding one
was cut at it (s62). :data:`MARKS` is the marks as a character class's ranges, taken from
:mod:`unicodedata`, to go inside ``[...]`` beside ``\\w``; :data:`NAME_CHAR` is the class.
"""

from __future__ import annotations

import unicodedata

#: The code points scanned for marks: none stands outside them (Unicode 15: the last below
#: the variation selectors supplement is Adlam's, U+1E94A), and scanning the whole of Unicode
#: would cost each start of the program a fifth of a second.
_SCANNED = (range(0x0300, 0x1F000), range(0xE0100, 0xE01F0))


def _escaped(code: int) -> str:
    """The character ``code`` as a pattern's escape (``\\u0300``): ASCII, so a pattern holding
    the class is the same in NFC and NFD (a pseudonym key's name is sought in both), where
    marks written as themselves would be reordered or decomposed."""
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _mark_ranges() -> str:
    """The combining marks as character-class ranges, escaped (``\\u0300-\\u036f...``)."""
    out: list[str] = []
    for scanned in _SCANNED:
        first = None
        for code in [*scanned, scanned.stop]:
            mark = code < scanned.stop and unicodedata.category(chr(code)).startswith("M")
            if mark and first is None:
                first = code
            elif not mark and first is not None:
                last = code - 1
                out.append(_escaped(first) + ("" if last == first else "-" + _escaped(last)))
                first = None
    return "".join(out)


#: The combining marks (category M), as ranges to write inside a character class.
MARKS = _mark_ranges()
#: A character of a name's word: a letter, digit or ``_`` (``\w``) or a combining mark.
NAME_CHAR = rf"[\w{MARKS}]"
