"""One coder's transcript stored with its accents decomposed, read on the composed text.

A QDA program on macOS may store a source's text decomposed (Unicode NFD: ``e`` then a
combining acute accent), while one on Windows stores it composed (NFC: ``é``). The two are one
text, but every character position after the first accent differs, so two people's selections
cannot be compared as they are (daily26, session 89: ``roqa agree`` of a Mac and a Windows
coder's projects stopped, and no fix fitted two people's projects). :func:`composed_result`
gives a coder's result on the composed text, each position mapped onto it exactly
(:func:`composed_positions`).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .result import CodingResult
    from .schema import Segment


class ComposedPositions(NamedTuple):
    """A text composed (NFC), and where each position of the text as given is in it: a start
    at ``starts[i]``, an end at ``ends[i]``. They differ only for a position inside a
    character's sequence (a letter and its accents), which a selection's start takes back to
    the sequence's start and its end on to the sequence's end, so a selection keeps the whole
    letter."""

    text: str
    starts: list[int]
    ends: list[int]


def composed_positions(text: str) -> ComposedPositions | None:
    """``text`` composed (NFC) and the map of its positions (:class:`ComposedPositions`), or
    None when the map cannot be made exactly (the text's pieces, composed one by one, do not
    make the text composed whole: not seen in any text, but then no position is guessed).

    The text is read in pieces, each a character that composes with nothing before it and the
    characters that follow and compose or reorder with it (its accents, a Hangul syllable's
    jamo): composing never crosses from one piece to the next, so each piece's start is one
    position in both texts."""
    pieces: list[tuple[int, int]] = []  # (start, end) in ``text`` of each piece
    at = 0
    for i, c in enumerate(text):
        if i == 0:
            continue
        if c < "\x80" or (
            unicodedata.combining(c) == 0
            and unicodedata.normalize("NFC", text[at : i + 1])
            == unicodedata.normalize("NFC", text[at:i]) + unicodedata.normalize("NFC", c)
        ):
            pieces.append((at, i))
            at = i
    if text:
        pieces.append((at, len(text)))
    starts = [0] * (len(text) + 1)
    ends = [0] * (len(text) + 1)
    out: list[str] = []
    pos = 0
    for lo, hi in pieces:
        composed = unicodedata.normalize("NFC", text[lo:hi])
        out.append(composed)
        for i in range(lo, hi):
            starts[i] = pos
            ends[i + 1] = pos + len(composed)
        ends[lo] = pos
        pos += len(composed)
    starts[len(text)] = pos
    whole = "".join(out)
    if whole != unicodedata.normalize("NFC", text):
        return None
    return ComposedPositions(whole, starts, ends)


def composed_result(
    result: CodingResult,
    transcripts: Collection[str],
    maps: dict[str, ComposedPositions] | None = None,
) -> CodingResult | None:
    """``result`` with the texts of ``transcripts`` composed (NFC): their turns, segments and
    selections on the composed text, each start and end mapped (:func:`composed_positions`),
    a segment's words and the question it answers composed, and a selection named by its
    characters (``rm01:@264-523``, as ``roqa import`` names one) named by the mapped ones. None
    when one of the texts cannot be mapped exactly. ``maps``, when given, gets each
    transcript's map (transcript -> :class:`ComposedPositions`), for a caller mapping other
    positions of the result's texts (a coverage) without making it again."""
    maps = {} if maps is None else maps
    held = dict(result.transcripts)
    for tid in transcripts:
        t = held[tid]
        m = composed_positions(t.text)
        if m is None:
            return None
        maps[tid] = m
        turns = [
            dataclasses.replace(u, start=m.starts[u.start], end=m.ends[u.end]) for u in t.turns
        ]
        held[tid] = dataclasses.replace(t, text=m.text, turns=turns)
    segments = []
    renamed: dict[str, str] = {}

    def mapped(g: Segment) -> bool:
        m = maps.get(g.transcript_id)
        return m is not None and 0 <= g.start <= g.end <= len(m.starts) - 1

    def named_by_characters(g: Segment) -> bool:
        return g.id == f"{g.transcript_id}:@{g.start}-{g.end}"

    # the ids kept as they are, which a renamed selection must not take
    used = {
        sr.segment.id
        for sr in result.segments
        if not (mapped(sr.segment) and named_by_characters(sr.segment))
    }
    for sr in result.segments:
        g = sr.segment
        if not mapped(g):
            segments.append(sr)
            continue
        m = maps[g.transcript_id]
        start, end = m.starts[g.start], m.ends[g.end]
        seg_id = g.id
        if g.id in renamed:
            # the same selection again (one id, as a coder's codes of one selection or one
            # selected twice): one id still, as on the composed copy (session 90: the second
            # took "#2", and the decomposed copy's units and codings differed)
            seg_id = renamed[g.id]
        elif named_by_characters(g):
            # two selections that differ only inside one letter (one ending between "a" and
            # its accent, one after it) are two selections on one composed span: each keeps
            # its own id, the second numbered as roqa import numbers two of one name, so the
            # meta recorded by id (a valence given, or none) stays each one's (hunt51 F2,
            # session 89: they took one id, and the meta merged lost Bob's valence)
            base = seg_id = f"{g.transcript_id}:@{start}-{end}"
            k = 1
            while seg_id in used:
                k += 1
                seg_id = f"{base}#{k}"
            renamed[g.id] = seg_id
        used.add(seg_id)
        moved = dataclasses.replace(
            g,
            id=seg_id,
            start=start,
            end=end,
            text=m.text[start:end],
            context=unicodedata.normalize("NFC", g.context),
        )
        segments.append(dataclasses.replace(sr, segment=moved))
    # what the result records of its selections by id (valences not given, creation dates)
    meta = _with_ids_renamed(result.meta, renamed) if renamed else result.meta
    # every id renamed at once: one renamed onto another's old id takes no line of it
    lines = {renamed.get(k, k): v for k, v in result.lines.items()}
    out = result.with_segments(segments, meta=meta)
    return dataclasses.replace(out, transcripts=held, lines=lines)


def _with_ids_renamed(value: Any, renamed: Mapping[str, str]) -> Any:
    """A copy of ``value`` (a result's meta: dicts, lists, sets, tuples and strings) with
    each string that is a key of ``renamed`` (a selection's id) its new name, as key or item."""
    if isinstance(value, str):
        return renamed.get(value, value)
    if isinstance(value, dict):
        return {
            _with_ids_renamed(k, renamed): _with_ids_renamed(v, renamed) for k, v in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_with_ids_renamed(v, renamed) for v in value)
    return value
