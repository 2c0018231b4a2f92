"""Where a reader left another speaker's backchannel out of a turn: an aside may begin there.

A reader joins one speaker's turns that only another speaker's backchannel keeps apart
(``P23: ... keeps it going, really.`` ``Interviewer: Okay.`` ``P23: Sorry, I need to sign for
a parcel ...``; :func:`.render.across_backchannels`, and the plain-text reader of a machine's
export). The participant often goes on with an aside there, so
:meth:`roqa_nlp.AutoCoder.segments_of` parts a segment at such a place when the model reads one
side as talk to code and the other as an aside (session 72). It tries those places only, so a
reader records them in ``transcript.metadata["backchannels_left_out_at"]``
(:data:`BACKCHANNEL_GAPS`), as :mod:`.cue_times` records a turn's cues::

    [{"turn": 3, "check": "5f0c1e9a2b7d", "at": [161]}, ...]

- ``turn``: the turn's index in ``transcript.turns``;
- ``at``: the offset, from the start of the turn's words, of the first character of the words
  after each backchannel left out, in order;
- ``check``: a short hash of the turn's words (:func:`.cue_times.turn_check`).

Offsets are relative to the turn, so the list survives ``transcripts.jsonl`` and a speaker's
label replaced by a pseudonym; pseudonymisation carries them over a name replaced inside the turn
(:func:`carry_backchannel_gaps`). An entry that no longer fits its turn (its words edited after
reading, a malformed value) is ignored: no segment is parted there. A transcript built in memory
(:meth:`~roqa_nlp.schema.Transcript.from_turns`) has none unless given with
:func:`with_backchannel_gaps`; nor has a plain-text file that keeps its backchannel lines (its
turns are apart already) or one read by an older roqa.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..schema import Transcript, Turn
from .cue_times import turn_check

#: The key of :attr:`Transcript.metadata <roqa_nlp.schema.Transcript.metadata>` holding the places.
BACKCHANNEL_GAPS = "backchannels_left_out_at"


def gap_entries(text: str, turns: Sequence[Turn], offsets: Iterable[int]) -> list[dict[str, Any]]:
    """The :data:`BACKCHANNEL_GAPS` entries of ``offsets`` in ``text`` (each the first character
    of words after a backchannel left out), each placed in the turn whose words it lies inside
    (after their first character); an offset in no turn's words is dropped."""
    starts = [t.start for t in turns]
    by_turn: dict[int, set[int]] = {}
    for offset in offsets:
        index = bisect_right(starts, offset) - 1
        if index >= 0 and turns[index].start < offset < turns[index].end:
            by_turn.setdefault(index, set()).add(offset - turns[index].start)
    return [
        {
            "turn": index,
            "check": turn_check(text[turns[index].start : turns[index].end]),
            "at": sorted(at),
        }
        for index, at in sorted(by_turn.items())
    ]


def with_backchannel_gaps(transcript: Transcript, offsets: Iterable[int]) -> Transcript:
    """``transcript`` recording ``offsets`` (of its text) as the places where a backchannel was
    left out (the first character of the words after each), for a transcript built in memory
    whose turns were joined across one: ``segments_of`` parts an aside from the answer there."""
    entries = gap_entries(transcript.text, transcript.turns, offsets)
    meta = {k: v for k, v in transcript.metadata.items() if k != BACKCHANNEL_GAPS}
    if entries:
        meta[BACKCHANNEL_GAPS] = entries
    return replace(transcript, metadata=meta)


def _turn_gaps(entry: Any, transcript: Transcript) -> list[int]:
    """The offsets (of the text) of one entry checked against ``transcript``; none when it does
    not fit."""
    if not isinstance(entry, Mapping):
        return []
    index, check, at = entry.get("turn"), entry.get("check"), entry.get("at")
    turns = transcript.turns
    if type(index) is not int or not 0 <= index < len(turns) or not isinstance(at, list):
        return []
    turn = turns[index]
    if not isinstance(check, str) or check != turn_check(transcript.turn_text(turn)):
        return []
    length = turn.end - turn.start
    if not all(type(a) is int and 0 < a < length for a in at):
        return []
    return [turn.start + a for a in at]


def backchannel_gaps(transcript: Transcript) -> list[int]:
    """The offsets of ``transcript``'s text where words go on after a backchannel a reader left
    out of the turn, in order, from the entries that fit (see the module docstring); empty when
    there are none."""
    meta = transcript.metadata
    raw = meta.get(BACKCHANNEL_GAPS) if isinstance(meta, Mapping) else None
    if not isinstance(raw, list):
        return []
    return sorted({offset for entry in raw for offset in _turn_gaps(entry, transcript)})


def carry_backchannel_gaps(
    old: Transcript, text: str, turns: Sequence[Turn], where: Callable[[int], int]
) -> list[dict[str, Any]] | None:
    """The :data:`BACKCHANNEL_GAPS` of ``old`` for its text rewritten as ``text`` with ``turns``,
    ``where`` mapping an offset of ``old.text`` to ``text``, as pseudonymisation rewrites names
    (:func:`.cue_times.carry_cue_times`); None when it has none."""
    found = backchannel_gaps(old)
    if not found or len(turns) != len(old.turns):
        return None
    return gap_entries(text, turns, (where(offset) for offset in found)) or None


def starts_after_gaps(words: str, pieces: Sequence[str], after: Iterable[int]) -> list[int]:
    """The offsets in ``words`` (a turn's tidied words, ``pieces`` tidied and joined in order)
    where the pieces whose indices are ``after`` begin: each the first piece with words at or
    after that index, found in order (never by assuming no character moved); a piece not found
    ends the search."""
    found: list[int | None] = []
    pos = 0
    for piece in pieces:
        at = words.find(piece, pos) if piece else -1
        if piece and at < 0:
            break
        found.append(at if piece else None)
        if piece:
            pos = at + len(piece)
    out: list[int] = []
    for index in after:
        start = next((a for a in found[index:] if a is not None), None)
        if start is not None and start > 0:
            out.append(start)
    return out
