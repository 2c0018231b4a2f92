"""The times of the cues inside a turn: a segment is cited at the time its words are spoken.

A subtitle file (.vtt, .srt) or a timed table (.csv with ``start``/``end``) times each cue of a
few seconds, and consecutive cues of one speaker become one turn
(:mod:`roqa_nlp.transcripts.utterances`), timed from the first cue's begin to the last cue's
end. A segment cut from the middle of a long turn must not take the turn's begin time (a minute
or more before its words), so the reader keeps the cues of each turn made of two or more timed
cues in ``transcript.metadata["cue_times"]`` (:data:`CUE_TIMES`), and so does a reader of a
turn parted by time marks inside its words (``... last year. [00:04:12] And ...``: the words
before the mark are a cue ending at it, those after it one beginning there;
:func:`.render.without_time_marks`)::

    [{"turn": 3, "check": "5f0c1e9a2b7d", "cues": [[0, 61.0, 64.5], [48, 65.0, 69.25]]}, ...]

- ``turn``: the turn's index in ``transcript.turns``;
- ``cues``: each cue in order, as the offset of its first character from the start of the
  turn's words (``transcript.text[turn.start + offset]``), its begin and its end time in
  seconds (``null`` when a table row gave none);
- ``check``: a short hash of the turn's words (:func:`turn_check`).

Offsets are found by looking each cue's tidied words up in order in the turn's words, never by
assuming that no character moved. They are relative to the turn, so the list survives
``transcripts.jsonl`` and an edit of the text outside the turn (a speaker label replaced by a
pseudonym). A turn whose words no longer hash to ``check`` (a name inside them replaced after
reading, unless the editor carried the cues over with :func:`carry_cue_times`) has its cues
ignored, as is any malformed entry: its segments take the turn's times, as every segment of a
transcript without cue times does (plain text, Word, files read by an older roqa).

:func:`segment_times` gives a segment's times: the begin time of the cue in which its first
character lies and the end time of the cue in which its last character lies. A cue without a
begin time takes the nearest earlier cue's in the turn (the words start after it), one without
an end time the nearest later cue's (they end before it), and the turn's time when there is none.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..schema import Transcript, Turn

#: The key of :attr:`Transcript.metadata <roqa_nlp.schema.Transcript.metadata>` holding the cues.
CUE_TIMES = "cue_times"

Time = float | None
#: A cue of a turn as a reader gives it: its words, its begin and its end time.
CuePiece = tuple[str, Time, Time]


def turn_check(words: str) -> str:
    """A short hash (12 hex digits) of a turn's words, telling whether they changed."""
    data = words.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=6).hexdigest()


def cue_entry(index: int, words: str, pieces: Sequence[CuePiece]) -> dict[str, Any] | None:
    """The ``cue_times`` entry of turn ``index`` whose words ``words`` are the tidied words of
    ``pieces`` joined, or None when the turn's own times say it all (fewer than two cues, or
    none timed) or a piece is not found in ``words`` in order."""
    if len(pieces) < 2 or all(b is None and e is None for _, b, e in pieces):
        return None
    cues: list[list[Any]] = []
    pos = 0
    for piece, begin, end in pieces:
        at = words.find(piece, pos) if piece else -1
        if at < 0:
            return None
        cues.append([at, begin, end])
        pos = at + len(piece)
    return {"turn": index, "check": turn_check(words), "cues": cues}


@dataclass(frozen=True)
class TurnCues:
    """The cues of one turn: absolute offsets into the text, and the begin and end time each
    cue's words are cited at (a missing begin filled from the earlier cues, a missing end from
    the later ones; None when there is none)."""

    offsets: list[int]
    begins: list[Time]
    ends: list[Time]


def _filled(times: list[Time]) -> list[Time]:
    """Each time, or the nearest one before it when it is None."""
    out: list[Time] = []
    for t in times:
        out.append(t if t is not None or not out else out[-1])
    return out


def _time(value: Any) -> tuple[bool, Time]:
    if value is None:
        return True, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return True, float(value)
        except OverflowError:  # an integer of hundreds of digits in a hand-edited file
            return False, None
    return False, None


def _turn_cues(entry: Any, transcript: Transcript) -> tuple[int, TurnCues] | None:
    """One ``cue_times`` entry checked against ``transcript``, or None when it does not fit."""
    if not isinstance(entry, Mapping):
        return None
    index, check, cues = entry.get("turn"), entry.get("check"), entry.get("cues")
    turns = transcript.turns
    if type(index) is not int or not 0 <= index < len(turns) or not isinstance(cues, list):
        return None
    turn = turns[index]
    if not isinstance(check, str) or check != turn_check(transcript.turn_text(turn)):
        return None
    offsets: list[int] = []
    begins: list[Time] = []
    ends: list[Time] = []
    length = turn.end - turn.start
    for cue in cues:
        if not (isinstance(cue, list) and len(cue) == 3 and type(cue[0]) is int):
            return None
        (begin_ok, begin), (end_ok, end) = _time(cue[1]), _time(cue[2])
        if not (begin_ok and end_ok and 0 <= cue[0] < length):
            return None
        if offsets and cue[0] <= offsets[-1] - turn.start:
            return None
        offsets.append(turn.start + cue[0])
        begins.append(begin)
        ends.append(end)
    if not offsets:
        return None
    return index, TurnCues(offsets, _filled(begins), _filled(ends[::-1])[::-1])


def cue_timeline(transcript: Transcript) -> dict[int, TurnCues]:
    """The cues of each turn of ``transcript`` that has valid ones, by turn index (see the
    module docstring); empty for a transcript without cue times."""
    meta = transcript.metadata
    raw = meta.get(CUE_TIMES) if isinstance(meta, Mapping) else None
    if not isinstance(raw, list):
        return {}
    found = (_turn_cues(entry, transcript) for entry in raw)
    return dict(item for item in found if item is not None)


def segment_times(turn: Turn, cues: TurnCues | None, start: int, end: int) -> tuple[Time, Time]:
    """The begin and end time of the words ``text[start:end]`` of ``turn`` (module docstring)."""
    if cues is None or end <= start:
        return turn.begin_time, turn.end_time
    first = bisect_right(cues.offsets, start) - 1
    last = bisect_right(cues.offsets, end - 1) - 1
    begin = cues.begins[first] if first >= 0 else None
    finish = cues.ends[last] if last >= 0 else None
    return (
        turn.begin_time if begin is None else begin,
        turn.end_time if finish is None else finish,
    )


def carry_cue_times(
    old: Transcript, text: str, turns: Sequence[Turn], where: Callable[[int], int]
) -> list[dict[str, Any]] | None:
    """The ``cue_times`` of ``old`` for its text rewritten as ``text`` with ``turns`` (one turn
    for each of ``old.turns``), ``where`` mapping an offset of ``old.text`` to ``text``, as
    pseudonymisation rewrites names; None when ``old`` has none. A cue whose start no longer
    falls inside its turn, or after the cue before it, is dropped; a missing time is written
    as the time it is cited at (:class:`TurnCues`)."""
    timeline = cue_timeline(old)
    if not timeline or len(turns) != len(old.turns):
        return None
    out: list[dict[str, Any]] = []
    for index, cues in sorted(timeline.items()):
        turn = turns[index]
        moved: list[list[Any]] = []
        for offset, begin, end in zip(cues.offsets, cues.begins, cues.ends, strict=True):
            at = where(offset) - turn.start
            if 0 <= at < turn.end - turn.start and (not moved or at > moved[-1][0]):
                moved.append([at, begin, end])
        if moved:
            words = text[turn.start : turn.end]
            out.append({"turn": index, "check": turn_check(words), "cues": moved})
    return out or None
