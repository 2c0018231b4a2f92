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

import re
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


def _marks() -> list[int]:
    """The code points of the combining marks (category M), in order."""
    return [
        code
        for scanned in _SCANNED
        for code in scanned
        if unicodedata.category(chr(code)).startswith("M")
    ]


def _ranges(codes: list[int]) -> str:
    """``codes`` (in order) as character-class ranges, escaped (``\\u0300-\\u036f...``)."""
    out: list[str] = []
    first = last = -2
    for code in [*codes, -2]:
        if code == last + 1:
            last = code
            continue
        if first >= 0:
            out.append(_escaped(first) + ("" if last == first else "-" + _escaped(last)))
        first = last = code
    return "".join(out)


_MARK_CODES = _marks()
#: The combining marks (category M), as ranges to write inside a character class.
MARKS = _ranges(_MARK_CODES)
#: The marks a writer may leave out of a name or add to it, as ranges for a character class:
#: those that sit on a letter (a combining class other than 0), such as Arabic harakat, Hebrew
#: points, a Devanagari nukta or a tone mark on Twi ``ɔ``; not a virama (class 9), which joins
#: two letters, nor a vowel sign (class 0), which is a letter of the word (``शर्म``, ``शर्मा``).
OMISSIBLE_MARKS = _ranges([c for c in _MARK_CODES if unicodedata.combining(chr(c)) not in (0, 9)])
#: A character of a name's word: a letter, digit or ``_`` (``\w``) or a combining mark.
NAME_CHAR = rf"[\w{MARKS}]"

_MARK = re.compile(f"[{MARKS}]")


def without_marks(text: str) -> str:
    """``text`` without its combining marks (an underline, U+0332; a strike, U+0336; a variation
    selector, U+FE0F): the word a word list is searched for (``Note̲`` is ``Note``). Letters
    composed with an accent (NFC ``é``) keep it."""
    return _MARK.sub("", text)
