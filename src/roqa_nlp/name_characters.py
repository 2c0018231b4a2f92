"""What a character of a person's name is, for the patterns that read names (speaker labels,
the names a pseudonymised copy lists to check).

A name's letters are those of ``\\w`` with the combining marks (Unicode category M) that stay
on a letter when no precomposed character exists, even in NFC: Yoruba ``Adébáyọ̀`` ends on
``ọ`` (U+1ECD) and a grave accent (U+0300), Vietnamese and Devanagari names carry such marks
too. Python's ``re`` has no ``\\p{M}`` and ``\\w`` leaves the marks out, so a name holding one
was cut at it (s62). :data:`MARKS` is the marks as a character class's ranges, to go inside
``[...]`` beside ``\\w``; :data:`NAME_CHAR` is the class. The marks are read from
``data/combining_marks.json``, made from :mod:`unicodedata` by ``benchmarks/combining_marks.py``
(asking the category of every code point at each start cost every transcript read about 16 ms).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from typing import Any

from .io import packaged_json


def _escaped(code: str) -> str:
    """The code point ``code`` (hex) as a pattern's escape (``\\u0300``): ASCII, so a pattern
    holding the class is the same in NFC and NFD (a pseudonym key's name is sought in both),
    where marks written as themselves would be reordered or decomposed."""
    return f"\\u{code.lower():0>4}" if len(code) <= 4 else f"\\U{code.lower():0>8}"


def _class_ranges(ranges: list[str]) -> str:
    """The ranges of the data file (``0300-036F``, ``05BF``) as a character class's, escaped
    (``\\u0300-\\u036f\\u05bf``)."""
    return "".join("-".join(_escaped(code) for code in r.split("-")) for r in ranges)


def _ranges(codes: Iterable[int]) -> list[str]:
    """``codes`` (in order) as the data file's ranges: ``0300-036F``, or ``05BF`` for one alone."""
    out: list[str] = []
    first = last = -2
    for code in [*codes, -2]:
        if code == last + 1:
            last = code
            continue
        if first >= 0:
            out.append(f"{first:04X}" if last == first else f"{first:04X}-{last:04X}")
        first = last = code
    return out


def scanned_mark_ranges() -> dict[str, Any]:
    """The data file's content for this Python's Unicode, from :mod:`unicodedata` (every code
    point asked its category): ``unidata_version``, ``marks``, ``omissible_marks`` and
    ``capitals`` (the upper-case and title-case letters, Lu and Lt)."""
    categories = [unicodedata.category(chr(c)) for c in range(sys.maxunicode + 1)]
    marks = [c for c, cat in enumerate(categories) if cat.startswith("M")]
    omissible = [c for c in marks if unicodedata.combining(chr(c)) not in (0, 9)]
    return {
        "unidata_version": unicodedata.unidata_version,
        "marks": _ranges(marks),
        "omissible_marks": _ranges(omissible),
        "capitals": _ranges(c for c, cat in enumerate(categories) if cat in ("Lu", "Lt")),
    }


# Read when the module is: the modules that import it (speaker labels, pseudonyms, caption
# marks) compile their patterns from these classes as they are imported themselves. A Python of
# another Unicode than the file's is asked itself (a hunt of s63: the file made on 3.11 would
# cut a name at a mark newer than it on 3.12, which the scan did not).
_MARK_RANGES = packaged_json("combining_marks.json")
if _MARK_RANGES.get("unidata_version") != unicodedata.unidata_version or any(
    k not in _MARK_RANGES for k in ("marks", "omissible_marks", "capitals")
):
    _MARK_RANGES = scanned_mark_ranges()
#: The combining marks (category M), as ranges to write inside a character class.
MARKS = _class_ranges(_MARK_RANGES["marks"])
#: The marks a writer may leave out of a name or add to it, as ranges for a character class:
#: those that sit on a letter (a combining class other than 0), such as Arabic harakat, Hebrew
#: points, a Devanagari nukta or a tone mark on Twi ``ɔ``; not a virama (class 9), which joins
#: two letters, nor a vowel sign (class 0), which is a letter of the word (``शर्म``, ``शर्मा``).
OMISSIBLE_MARKS = _class_ranges(_MARK_RANGES["omissible_marks"])
#: A character of a name's word: a letter, digit or ``_`` (``\w``) or a combining mark.
NAME_CHAR = rf"[\w{MARKS}]"
#: A capital letter of any script (categories Lu and Lt), as the class a capitalised name's first
#: letter is: ``Étoile``, ``Łukasz``, ``Ögütçü`` as well as ``Oak`` (``[A-Z]`` missed them: s76).
CAPITAL = f"[{_class_ranges(_MARK_RANGES['capitals'])}]"

_MARK = re.compile(f"[{MARKS}]")


def without_marks(text: str) -> str:
    """``text`` without its combining marks (an underline, U+0332; a strike, U+0336; a variation
    selector, U+FE0F): the word a word list is searched for (``Note̲`` is ``Note``). Letters
    composed with an accent (NFC ``é``) keep it."""
    return _MARK.sub("", text)
