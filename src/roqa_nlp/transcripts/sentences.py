"""Sentences of a turn: spaCy's rule-based sentencizer plus transcript rules.

spaCy (``spacy.blank("en")`` with the ``sentencizer``, built once when first needed) splits after
sentence-final punctuation. Interview transcripts then need a few corrections, applied at each
boundary between a sentence A and the next sentence B:

* no split after an ellipsis (``...``, ``…``, ``. . .``): speakers trail off mid-thought;
* no split after a title or Latin abbreviation (:data:`ABBREVIATIONS`: ``Dr.``, ``e.g.``,
  ``i.e.`` ...), after ``etc.`` when B starts in lower case, or after ``No.`` when B starts with
  a digit;
* numbered lists stay whole: a bare item number (``2.``) joins the item it numbers, and an item
  number left at the end of A after a colon (``three steps: 1.``) moves to B.

Offsets are code points relative to the text given, end-exclusive, without surrounding white space.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

#: Abbreviations after which a full stop never ends a sentence (lower case, without the last dot).
ABBREVIATIONS: tuple[str, ...] = (
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "vs", "cf", "approx", "incl", "viz", "e.g", "i.e",
)  # fmt: skip
#: Abbreviations that end a sentence unless the next one starts in lower case.
ABBREVIATIONS_BEFORE_LOWER_CASE: tuple[str, ...] = ("etc",)
#: Abbreviations that end a sentence unless the next one starts with a digit.
ABBREVIATIONS_BEFORE_NUMBER: tuple[str, ...] = ("no", "nos", "p", "pp")


def _ends_with(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s(\"“'‘])(?:{alternatives})\.$", re.IGNORECASE)


_ABBREVIATION_END = _ends_with(ABBREVIATIONS)
_LOWER_CASE_ABBREVIATION_END = _ends_with(ABBREVIATIONS_BEFORE_LOWER_CASE)
_NUMBER_ABBREVIATION_END = _ends_with(ABBREVIATIONS_BEFORE_NUMBER)
_ELLIPSIS_END = re.compile(r"(?:\.[ \t]?){2}\.$|…$")
_ITEM_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
_TRAILING_ITEM_NUMBER = re.compile(r"[:;]\s+(?P<number>\(?\d{1,2}[.)])$")


def _import_spacy() -> Any:
    """spaCy, imported without letting thinc (under it) import torch if torch is not loaded yet.

    thinc imports torch whenever it is installed: seconds of start-up the rule-based sentencizer
    never uses, and a warm re-code (every embedding cached) need not load torch at all.
    """
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy
    else:
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails meanwhile
        try:
            import spacy
        finally:
            if "torch" in sys.modules and sys.modules["torch"] is None:
                del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    spacy = _import_spacy()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _spacy_sentences(text: str) -> list[tuple[int, int]]:
    nlp = _sentencizer()
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    return [(s.start_char, s.end_char) for s in nlp(text).sents]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _joins(a: str, b: str) -> bool:
    """True when the boundary between sentence ``a`` and the next ``b`` is not a sentence break."""
    return bool(
        _ITEM_NUMBER.fullmatch(a)
        or _ELLIPSIS_END.search(a)
        or _ABBREVIATION_END.search(a)
        or (_LOWER_CASE_ABBREVIATION_END.search(a) and b[:1].islower())
        or (_NUMBER_ABBREVIATION_END.search(a) and b[:1].isdigit())
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (see the module docstring)."""
    spans = [_strip(text, a, b) for a, b in _spacy_sentences(text)]
    spans = [(a, b) for a, b in spans if a < b]
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            pa, pb = out[-1]
            if _joins(text[pa:pb], text[a:b]):
                out[-1] = (pa, b)
                continue
            moved = _TRAILING_ITEM_NUMBER.search(text, pa, pb)
            if moved is not None:
                out[-1] = _strip(text, pa, moved.start("number"))
                a = moved.start("number")
        out.append((a, b))
    return out
