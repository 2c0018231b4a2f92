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

No boundary falls inside a note in brackets (:func:`~roqa_nlp.transcripts.annotations.bracketed`:
``[laughs]``, ``(pause)``, ``{laughter}``, ``[inaudible 00:12:03]``): spaCy leaves the opening
bracket with A (``training on recovery. [`` and ``laughs] It works.``), so a boundary just after
an opening bracket moves before it, and one further inside a note joins A and B. A transcriber's
annotation (:func:`~roqa_nlp.transcripts.annotations.is_annotation`) at a sentence's end stays
with that sentence: the annotations B opens with move to A (``on recovery. [laughs]`` and ``It
works.``), and a sentence of only annotations is none (it joins A, or, first in the text, the
next sentence). A typist's ``[the ward]`` is words, and opens B.

Offsets are code points relative to the text given, end-exclusive, without surrounding white space.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .annotations import annotations_end, bracketed

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


#: Held while spaCy is imported: `import torch` fails meanwhile, in every thread (below).
_SPACY_IMPORT = threading.Lock()


def import_spacy() -> Any:
    """spaCy, imported without letting thinc (under it) import torch if torch is not loaded yet.

    thinc imports torch whenever it is installed: seconds of start-up the rule-based sentencizer
    never uses, and a warm re-code (every embedding cached) need not load torch at all. As torch
    is hidden from every thread while spaCy is imported, a thread importing torch meanwhile
    holds :func:`importing_torch`.
    """
    import sys

    with _SPACY_IMPORT:
        if "spacy" in sys.modules or "torch" in sys.modules:
            import spacy
        else:
            sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` fails now
            try:
                import spacy
            finally:
                if "torch" in sys.modules and sys.modules["torch"] is None:
                    del sys.modules["torch"]
    return spacy


def importing_torch() -> threading.Lock:
    """Held by a thread while it imports torch (the embedding model loaded for the first encode
    while the segmenting thread still reads a transcript the segment cache did not hold), so that
    spaCy's import, which hides torch from every thread (:func:`import_spacy`), waits for it
    instead: torch found missing, the model was loaded without it ("PyTorch was not found";
    speed4, session 80)."""
    return _SPACY_IMPORT


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    spacy = import_spacy()
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


_OPENERS = frozenset("([{\"“‘'")
#: What may stand after a run of annotations in a sentence of nothing else (``[laughs].``).
_AFTER_NOTES = " \t\r\n.,;:!?…-–—\"”’'"


def _outside_notes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with no boundary inside a note in brackets (module docstring)."""
    notes = bracketed(text)
    out: list[tuple[int, int]] = []
    for a, b in spans:
        note = next(((o, c) for o, c in notes if o < a < c), None) if out else None
        if note is None:
            out.append((a, b))
            continue
        pa, pb = out[-1]
        o = note[0]
        if text[o:a].strip("([{ \t\r\n"):  # cut further inside the note: no boundary
            out[-1] = (pa, b)
            continue
        while o > pa and text[o - 1] in _OPENERS:  # an opening quote before it goes too
            o -= 1
        out[-1] = _strip(text, pa, o)
        if out[-1][0] >= out[-1][1]:
            out.pop()
        out.append((o, b))
    return out


def _with_annotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with each run of annotations a sentence opens with moved to the sentence before,
    and a sentence of only annotations joined to the one before (or, first, the next)."""
    out: list[tuple[int, int]] = []
    lead: int | None = None  # where a first sentence of only annotations began
    for a, b in spans:
        notes_end = annotations_end(text, a, b)
        only_notes = notes_end > a and not text[notes_end:b].strip(_AFTER_NOTES)
        if only_notes:
            if out:
                out[-1] = (out[-1][0], b)
            elif lead is None:
                lead = a
            continue
        if out and notes_end > a:
            out[-1] = (out[-1][0], notes_end)
            a = _strip(text, notes_end, b)[0]
        if lead is not None:
            a, lead = lead, None
        out.append((a, b))
    if lead is not None:  # the text is only annotations: one sentence
        out.append((lead, spans[-1][1]))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (see the module docstring)."""
    spans = [_strip(text, a, b) for a, b in _spacy_sentences(text)]
    spans = [(a, b) for a, b in spans if a < b]
    spans = _with_annotations(text, _outside_notes(text, spans))
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
