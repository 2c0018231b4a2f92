"""Cutting a transcript into the segments the model codes.

Three units:

* ``"turn"``: one segment per turn; a turn too long for the model is cut into windows;
* ``"sentence"``: one segment per sentence (:mod:`roqa_nlp.transcripts.sentences`);
* ``"window"`` (default): a turn too long for one window is cut between its sentences into the
  fewest windows within ``max_tokens``, of sizes as even as can be (not filled one by one to the
  limit, which left the end of a long answer, a sentence or two, as a window of its own); a
  window never crosses a turn, so every segment has one speaker.

The embedding model reads at most 256 word pieces (all-MiniLM-L6-v2) and silently drops the
rest, so no segment may exceed ``max_tokens`` tokens: a sentence that is too long is cut at
clause punctuation (``,`` ``;`` ``:`` and dashes), then between words, and a single word longer
than the limit between characters (never inside a character and its combining marks). Its
clauses are joined back as its sentences are: into the fewest pieces within ``max_tokens``, as
even as can be (with the turn's other sentences for a window; on their own for ``"sentence"``),
so a speech-to-text answer written as one 300-word sentence of commas is not cut into full
pieces and a last clause or two; the words of a clause too long on its own are packed back
greedily. Token counts come from ``count_tokens`` (pass the model tokenizer's count, special
tokens included) or, by default, :func:`estimate_tokens`.

By default interviewer turns are skipped (the researcher codes what participants say; each
segment carries the interviewer's preceding question as ``context``) and so are backchannels
(:mod:`roqa_nlp.transcripts.backchannels`). Segment ids are ``"{transcript.id}:{n:04d}"`` with
``n`` counting the segments from 1, so they are stable for a given transcript text and options.
Offsets are code points into ``transcript.text`` with ``transcript.text[s.start:s.end] ==
s.text``; surrounding white space is left out by moving the offsets, never by editing the text.

A segment's ``begin_time`` is that of the subtitle cue (or timed table row) its first character
lies in, and its ``end_time`` that of the cue its last character lies in, when the transcript
keeps its cue times (:mod:`roqa_nlp.transcripts.cue_times`); otherwise the segment takes its
turn's times (plain text with ``[00:01:02]`` stamps, Word tables).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePath
from typing import Literal

from ..errors import RoqaError
from ..schema import Segment, Transcript
from .backchannels import is_backchannel, only_acknowledges
from .cue_times import cue_timeline, segment_times
from .sentences import split_sentences

Unit = Literal["turn", "sentence", "window"]
UNITS: tuple[str, ...] = ("turn", "sentence", "window")
#: Default window size: below the model's 256 word pieces, leaving room for a true count above
#: the estimate.
DEFAULT_MAX_TOKENS = 200
#: Smallest ``max_tokens`` accepted: a single character must fit.
MIN_MAX_TOKENS = 8

Span = tuple[int, int]
TokenCounter = Callable[[str], int]

_BASIC_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Where a too-long sentence is cut, coarsest first: after clause punctuation, then between words.
_CUTS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[,;:](?=\s)|\s[—–-]{1,2}(?=\s)|[—–]"),
    re.compile(r"\s+"),
)
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")


def estimate_tokens(text: str) -> int:
    """A conservative estimate of the word pieces a BERT-style model makes of ``text``.

    ``ceil(1.5 * n) + 2``, where ``n`` counts basic tokens (runs of word characters and single
    punctuation marks, as BERT's basic tokenizer splits them), a non-ASCII token counting once
    per non-ASCII character (ideographs and unfamiliar scripts are cut into single characters),
    and ``2`` is for the ``[CLS]``/``[SEP]`` tokens. On the seed paper's English paragraphs
    all-MiniLM-L6-v2 makes at most about 1.24 word pieces per basic token.
    """
    n = 0
    for m in _BASIC_TOKEN.finditer(text):
        token = m.group()
        if token.isascii():
            n += 1
        else:
            n += max(1, sum(1 for c in token if not c.isascii() and not unicodedata.combining(c)))
    return math.ceil(1.5 * n) + 2


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pack(text: str, spans: list[Span], limit: int, count: TokenCounter) -> list[Span]:
    """Join consecutive spans greedily while the joined text stays within ``limit`` tokens."""
    out: list[Span] = []
    for span in spans:
        if out and count(text[out[-1][0] : span[1]]) <= limit:
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


def _balance(text: str, spans: list[Span], limit: int, count: TokenCounter) -> list[Span]:
    """Join consecutive spans into the fewest windows of at most ``limit`` tokens, as even as can
    be.

    Packing greedily (:func:`_pack`) fills each window to the limit and leaves the rest, however
    short, as the last window (a 277-word answer became windows of 135, 134 and 8 words), and a
    window of a few words gets a code its turn's other windows do not have. So, of the cuts
    between the spans into the fewest windows, this takes those whose largest window has the
    fewest tokens and, of those, the least sum of squared window sizes (the most even). A window
    is counted on its joined text, and ``spans[i]`` to ``spans[j]`` is a window only if
    ``spans[i]`` to each earlier ``spans[j']`` fits too, as greedy packing tries them: greedy's
    cuts are among those searched, so there are as many windows as greedy makes and none larger
    than its largest.
    """
    n = len(spans)
    if n < 2:
        return list(spans)
    # sizes[i][m]: tokens of the window joining spans[i] .. spans[i + m]
    sizes: list[list[int]] = []
    for i in range(n):
        row = [count(text[spans[i][0] : spans[i][1]])]  # each span fits on its own (_fit)
        for j in range(i + 1, n):
            c = count(text[spans[i][0] : spans[j][1]])
            if c > limit:
                break
            row.append(c)
        sizes.append(row)

    def fits(m: int, c: int, most: int) -> bool:
        # a single span is always a window: one character over the limit cannot be cut (_fit)
        return m == 0 or c <= most

    def fewest(most: int) -> int:
        """The fewest windows none of which has more than ``most`` tokens."""
        best = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            best[i] = min(1 + best[i + m + 1] for m, c in enumerate(sizes[i]) if fits(m, c, most))
        return best[0]

    windows = fewest(limit)
    candidates = sorted({c for row in sizes for c in row})
    lo, hi = 0, len(candidates) - 1  # the smallest largest window that keeps ``windows``
    while lo < hi:
        mid = (lo + hi) // 2
        if fewest(candidates[mid]) <= windows:
            hi = mid
        else:
            lo = mid + 1
    most = candidates[lo]
    # best[i]: (windows, sum of squared sizes, minus the first window's spans) for spans[i:]: on a
    # tie the first window is the longest, as greedy packing would make it
    best: list[tuple[int, int, int]] = [(0, 0, 0)] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i] = min(
            (
                (1 + best[i + m + 1][0], c * c + best[i + m + 1][1], -m - 1)
                for m, c in enumerate(sizes[i])
                if fits(m, c, most)
            )
        )
    out: list[Span] = []
    i = 0
    while i < n:
        m = -best[i][2]
        out.append((spans[i][0], spans[i + m - 1][1]))
        i += m
    return out


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[Span]:
    pieces: list[Span] = []
    last = start
    for m in pattern.finditer(text, start, end):
        if m.end() > last:
            pieces.append(_strip(text, last, m.end()))
            last = m.end()
    pieces.append(_strip(text, last, end))
    return [p for p in pieces if p[0] < p[1]]


def _cuttable(text: str, i: int) -> bool:
    """True when a cut before ``text[i]`` keeps every character with its marks and joiners."""
    c = text[i]
    if (
        unicodedata.category(c).startswith("M")
        or c in _JOINERS
        or "\U0001f3fb" <= c <= "\U0001f3ff"
    ):
        return False
    return text[i - 1] not in _JOINERS


def _cut_characters(text: str, start: int, end: int, limit: int, count: TokenCounter) -> list[Span]:
    pieces: list[Span] = []
    while start < end:
        stop = start + 1
        best = None  # the longest piece that fits and ends where a cut is allowed
        while stop <= end and count(text[start:stop]) <= limit:
            if stop == end or _cuttable(text, stop):
                best = stop
            stop += 1
        if best is None:  # even one character with its marks is over the limit: cut anyway
            best = max(start + 1, stop - 1)
        pieces.append(_strip(text, start, best))
        start = best
    return [p for p in pieces if p[0] < p[1]]


def _fit(text: str, span: Span, limit: int, count: TokenCounter, level: int = 0) -> list[Span]:
    """``span`` cut into pieces of at most ``limit`` tokens (see the module docstring): a sentence
    that is too long into its clauses, left for :func:`_balance` to join into even runs, a clause
    still too long into runs of its words packed greedily.

    Words are packed greedily, not evened out, because :func:`_balance` counts every run of its
    pieces that fits a window: with the model's tokenizer, seconds for a clause of a few hundred
    words (28 s for 400), against a fraction of a second for its clauses.
    """
    start, end = span
    if count(text[start:end]) <= limit:
        return [span]
    if level == len(_CUTS):
        return _cut_characters(text, start, end, limit, count)
    pieces = _cut(text, start, end, _CUTS[level])
    fitted = [p for piece in pieces for p in _fit(text, piece, limit, count, level + 1)]
    return fitted if level == 0 else _pack(text, fitted, limit, count)


def _sentence_spans(text: str, start: int, end: int) -> list[Span]:
    return [(start + a, start + b) for a, b in split_sentences(text[start:end])]


def turn_spans(
    text: str,
    start: int,
    end: int,
    unit: Unit = "window",
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    count_tokens: TokenCounter | None = None,
) -> list[Span]:
    """The segment offsets of the words ``text[start:end]`` of one turn, for ``unit``."""
    count = count_tokens or estimate_tokens
    start, end = _strip(text, start, end)
    if start >= end:
        return []
    # A turn that fits is one window: packing its sentences would join them all again (a prefix
    # of a text never has more tokens than the text), so the sentence splitter is not needed.
    if unit != "sentence" and count(text[start:end]) <= max_tokens:
        return [(start, end)]
    sentences = [_fit(text, s, max_tokens, count) for s in _sentence_spans(text, start, end)]
    if unit == "sentence":
        return [piece for s in sentences for piece in _balance(text, s, max_tokens, count)]
    # the clauses of a sentence too long for a window are joined together with the turn's other
    # sentences, so a long sentence's last clause can share a window with the next sentence
    return _balance(text, [piece for s in sentences for piece in s], max_tokens, count)


#: One segment's place in a transcript: (index of its turn, start, end).
SegmentSpan = tuple[int, int, int]


def _check_options(unit: str, max_tokens: int) -> None:
    if unit not in UNITS:
        raise RoqaError(f"unknown segment unit {unit!r}", hint="use turn, sentence or window")
    if max_tokens < MIN_MAX_TOKENS:
        raise RoqaError(
            f"max_tokens must be at least {MIN_MAX_TOKENS}, not {max_tokens}",
            hint="use the model's limit, e.g. 200",
        )


def segment_spans(
    transcript: Transcript,
    unit: Unit = "window",
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    skip_interviewer: bool = True,
    skip_backchannels: bool = True,
    count_tokens: TokenCounter | None = None,
) -> list[SegmentSpan]:
    """Where the segments of ``transcript`` lie: ``(turn index, start, end)`` of each, in order.

    This is the costly part of :func:`segment` (sentence splitting and token counting), and the
    part :mod:`roqa_nlp.transcripts.segment_cache` keeps; :func:`segments_from_spans` turns it
    into segments.
    """
    _check_options(unit, max_tokens)
    text = transcript.text
    spans: list[SegmentSpan] = []
    for index, turn in enumerate(transcript.turns):
        interviewer = turn.role == "interviewer"
        if skip_interviewer and interviewer:
            continue
        if skip_backchannels and is_backchannel(text[turn.start : turn.end]):
            continue
        spans.extend(
            (index, start, end)
            for start, end in turn_spans(
                text, turn.start, turn.end, unit, max_tokens=max_tokens, count_tokens=count_tokens
            )
        )
    return spans


def questions_before(transcript: Transcript) -> list[str]:
    """The context of a segment of each turn of ``transcript`` (by turn index): the text of the
    nearest preceding interviewer turn that is not a backchannel nor only agrees (``Of course.``,
    :func:`~roqa_nlp.transcripts.backchannels.only_acknowledges`): the question being answered,
    or ``""`` before the first question. What :func:`segment` gives each segment, and ``roqa
    import`` each coded passage of a transcript it reads back."""
    text = transcript.text
    out: list[str] = []
    question = ""
    for turn in transcript.turns:
        out.append(question)
        if turn.role == "interviewer":
            words = text[turn.start : turn.end]
            if not (is_backchannel(words) or only_acknowledges(words)):  # not "Of course."
                question = words.strip()
    return out


def segments_from_spans(transcript: Transcript, spans: list[SegmentSpan]) -> list[Segment]:
    """The :class:`Segment` of each ``(turn index, start, end)`` of ``transcript``, numbered from 1.

    ``context`` of a segment is the question before its turn (:func:`questions_before`). Times
    are those of the cues the segment's first and last characters lie in, or its turn's (module
    docstring).
    """
    text = transcript.text
    turns = transcript.turns
    timeline = cue_timeline(transcript)
    segments: list[Segment] = []
    questions = questions_before(transcript) if spans else []
    for index, start, end in spans:
        question = questions[index]
        turn = turns[index]
        begin_time, end_time = segment_times(turn, timeline.get(index), start, end)
        segments.append(
            Segment(
                id=f"{transcript.id}:{len(segments) + 1:04d}",
                transcript_id=transcript.id,
                speaker=turn.speaker,
                role=turn.role,
                start=start,
                end=end,
                text=text[start:end],
                turn_index=index,
                context=question,
                begin_time=begin_time,
                end_time=end_time,
            )
        )
    return segments


def segment(
    transcript: Transcript,
    unit: Unit = "window",
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    skip_interviewer: bool = True,
    skip_backchannels: bool = True,
    count_tokens: TokenCounter | None = None,
) -> list[Segment]:
    """Cut ``transcript`` (a :class:`~roqa_nlp.schema.Transcript` from
    :func:`~roqa_nlp.transcripts.read_transcript`) into segments, in order.

    - ``unit``: ``"window"`` (default: a whole turn, or runs of its sentences when it is longer
      than ``max_tokens``), ``"turn"`` (the same) or ``"sentence"`` (one sentence a segment).
    - ``max_tokens``: most word pieces in a segment (default 200, at least 8); a longer sentence
      is cut at clause punctuation, then between words.
    - ``skip_interviewer``: leave out the interviewer's turns (default True; each segment still
      carries the question before it as ``context``: the nearest preceding interviewer turn that
      is not a backchannel, or ``""`` before the first question).
    - ``skip_backchannels``: leave out turns that are only a backchannel, such as "Mm-hm." or
      "Right." (default True).
    - ``count_tokens``: how tokens are counted, a function from text to a number; by default
      :func:`estimate_tokens`, a conservative estimate.

    **Not the segments** ``AutoCoder.code`` **makes by default.** ``code`` counts tokens with
    the embedding model's tokenizer, so where a long turn is cut, and so the segment ids
    (``"{transcript.id}:{n:04d}"``, numbered from 1), can differ. To get exactly the segments
    ``code`` codes, and join them to its results by ``segment_id``, use
    ``ac.segments_of(transcript)``, or ``segment(transcript, count_tokens=
    ac.embedder.count_tokens(), unit=ac.params["unit"], max_tokens=ac.params["max_tokens"])``.
    Ids are stable for a given transcript text, unit, limit and token counter.
    """
    if not isinstance(transcript, Transcript):
        what = type(transcript).__name__
        hint = (
            "read it with read_transcript() first, then segment the Transcript"
            if isinstance(transcript, (str, PurePath))
            else "give a Transcript from read_transcript()"
        )
        raise RoqaError(f"segment() takes a Transcript, not a {what}", hint=hint)
    spans = segment_spans(
        transcript,
        unit,
        max_tokens=max_tokens,
        skip_interviewer=skip_interviewer,
        skip_backchannels=skip_backchannels,
        count_tokens=count_tokens,
    )
    return segments_from_spans(transcript, spans)
