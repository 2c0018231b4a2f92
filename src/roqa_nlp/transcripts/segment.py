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
than the limit between characters (never inside a character and its combining marks). No
sentence ends inside a note in brackets (``[laughs]``, ``[inaudible 00:12:03]``), and a long
sentence is cut inside one only if the note alone is over the limit. Its clauses are joined
back as its sentences are: into the fewest pieces within ``max_tokens``, as even as can be
(with the turn's other sentences for a window; on their own for ``"sentence"``), so a
speech-to-text answer written as one 300-word sentence of commas is not cut into full pieces
and a last clause or two; the words of a clause too long on its own (an answer with no
punctuation at all) are joined back the same way, into as few pieces as fit, as even as can be
(:func:`_even_words`). Token counts come from ``count_tokens`` (pass the model tokenizer's
count, special tokens included) or, by default, :func:`estimate_tokens`.

By default interviewer turns are skipped (the researcher codes what participants say; each
segment carries the interviewer's preceding question as ``context``) and so are backchannels
(:mod:`roqa_nlp.transcripts.backchannels`). Segment ids are ``"{transcript.id}:{n:04d}"`` with
``n`` counting the segments from 1, so they are stable for a given transcript text and options.
Offsets are code points into ``transcript.text`` with ``transcript.text[s.start:s.end] ==
s.text``; surrounding white space is left out by moving the offsets, never by editing the text.

A segment's ``begin_time`` is that of the subtitle cue (or timed table row) its first character
lies in, and its ``end_time`` that of the cue its last character lies in, when the transcript
keeps its cue times (:mod:`roqa_nlp.transcripts.cue_times`: the words between two time marks
inside a turn, ``... last year. [00:04:12] And ...``, are kept as such cues too,
:func:`.render.without_time_marks`); otherwise the segment takes its turn's times (plain text
with ``[00:01:02]`` stamps ending its turns, Word tables).
"""

from __future__ import annotations

import copy
import math
import re
import threading
import unicodedata
import weakref
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from itertools import pairwise
from pathlib import PurePath
from typing import Any, Literal

from ..errors import RoqaTypeError, RoqaValueError
from ..schema import Segment, Transcript, Turn
from .annotations import bracketed
from .backchannels import (
    agrees_with,
    is_backchannel,
    marks_questions,
    may_answer,
    only_acknowledges,
    only_agrees,
    said_over_again,
    word_spans,
    words_of,
)
from .courtesies import only_courtesy
from .cue_times import cue_timeline, segment_times
from .fillers import only_fillers
from .repairs import only_repairs
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
#: White space between two spans that no tokenizer reads as part of a word (see
#: :func:`_window_sizes`).
_SPACES = re.compile(r"[ \t\r\n]+")


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


def _sums_over_spaces(count: TokenCounter) -> bool:
    """True when ``count`` says it counts ``a`` + white space + ``b`` as ``count(a) + count(b) -
    count("")`` (:meth:`~roqa_nlp.token_counts.ModelTokenCount.sums_over_spaces`: the model's
    BERT-style tokenizer)."""
    says = getattr(count, "sums_over_spaces", None)
    return bool(says()) if callable(says) else False


def _window_sizes(text: str, spans: list[Span], limit: int, count: TokenCounter) -> list[list[int]]:
    """``sizes[i][m]``: the tokens of the window joining ``spans[i]`` .. ``spans[i + m]``, for
    each ``m`` up to the last whose window is within ``limit`` (``m == 0`` always: each span fits
    on its own, :func:`_fit`).

    Each window is counted on its joined text. With a counter that sums over white space
    (:func:`_sums_over_spaces`), a window whose last span follows the one before across spaces or
    line breaks is counted from the window before it and that span, the same number without
    tokenising the window again: a long turn's windows were tokenised sentence by sentence from
    each start, 12.7 s of a 16 s segmentation of 30 long interviews (session 59).
    """
    n = len(spans)
    sums = _sums_over_spaces(count)
    alone = [count(text[a:b]) for a, b in spans]
    empty = count("") if sums else 0
    apart = [sums and _SPACES.fullmatch(text, a[1], b[0]) is not None for a, b in pairwise(spans)]
    sizes: list[list[int]] = []
    for i in range(n):
        row = [alone[i]]
        for j in range(i + 1, n):
            c = (
                row[-1] + alone[j] - empty
                if apart[j - 1]
                else count(text[spans[i][0] : spans[j][1]])
            )
            if c > limit:
                break
            row.append(c)
        sizes.append(row)
    return sizes


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
    sizes = _window_sizes(text, spans, limit, count)

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


def _even_words(text: str, words: list[Span], limit: int, count: TokenCounter) -> list[Span]:
    """Join consecutive words (each within ``limit``) into as few pieces of at most ``limit``
    tokens as greedy packing makes, as even as can be.

    Greedy packing (:func:`_pack`) fills each piece to the limit and leaves the rest as the last
    (an unpunctuated answer of 207 word pieces became pieces of 196 and 7 words). Counting every
    run of words that fits, as :func:`_balance` does, takes seconds with the model's tokenizer (28
    s for 400 words), so each word is counted once, on its own: a run's tokens are about the sum
    of its words' (exactly, for a BERT-style tokenizer, which cuts a text into word pieces word by
    word). Of the cuts into greedy's number of pieces, those whose largest piece has the fewest
    of these summed tokens are searched, and each cut is put at the word whose running sum is
    nearest to an equal share of the whole. Each piece is then counted on its text; one over the
    limit (the counter is not a sum over words) gives its words one at a time to its smaller
    neighbour, and if that does not bring all within the limit the greedy pieces are kept.
    """
    greedy = _pack(text, words, limit, count)
    k = len(greedy)
    if k < 2:
        return greedy
    n = len(words)
    empty = count("")  # the special tokens ([CLS] and [SEP]) every count includes
    total = [0]  # total[j]: summed tokens of words[:j]
    for a, b in words:
        total.append(total[-1] + max(1, count(text[a:b]) - empty))

    def reach(most: int) -> tuple[list[int], list[int]]:
        """For each word ``i``: the end of the longest run from it within ``most`` (``nxt``),
        and the fewest runs within ``most`` the words from it take (``fewest``)."""
        nxt = [n] * (n + 1)
        fewest = [0] * (n + 1)
        j = n
        for i in range(n - 1, -1, -1):
            while total[j] - total[i] > most:
                j -= 1
            nxt[i] = j
            fewest[i] = 1 + fewest[j]
        return nxt, fewest

    lo = max(max(b - a for a, b in pairwise(total)), -(-total[n] // k))
    hi = total[n]
    while lo < hi:  # the least largest piece into k pieces
        mid = (lo + hi) // 2
        if reach(mid)[1][0] <= k:
            hi = mid
        else:
            lo = mid + 1
    nxt, fewest = reach(lo)
    bounds = [0]
    for m in range(1, k):
        # the cut after the m-th piece: within reach of the last, leaving the rest k - m pieces
        # (``fewest`` falls as the start moves on), each of one word at least
        first = max(bounds[-1] + 1, bisect_left(fewest, m - k, key=lambda f: -f))
        last = min(nxt[bounds[-1]], n - (k - m))
        share = total[n] * m / k
        j = min(max(bisect_left(total, share), first), last)
        if j > first and share - total[j - 1] < total[j] - share:
            j -= 1  # on a tie the later cut: the first piece the longer, as greedy makes it
        bounds.append(j)
    bounds.append(n)

    def size(m: int) -> int:
        return count(text[words[bounds[m]][0] : words[bounds[m + 1] - 1][1]])

    sizes = [size(m) for m in range(k)]
    for _ in range(2 * n):
        over = [m for m in range(k) if sizes[m] > limit]
        if not over:
            return [(words[bounds[m]][0], words[bounds[m + 1] - 1][1]) for m in range(k)]
        m = over[0]
        if bounds[m + 1] - bounds[m] < 2:
            break
        left = sizes[m - 1] if m > 0 else math.inf
        right = sizes[m + 1] if m < k - 1 else math.inf
        if left <= right:  # its first word to the piece before
            bounds[m] += 1
            sizes[m - 1] = size(m - 1)
        else:  # its last word to the piece after
            bounds[m + 1] -= 1
            sizes[m + 1] = size(m + 1)
        sizes[m] = size(m)
    return greedy


def _cut(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[Span]:
    """``text[start:end]`` cut after each match of ``pattern``, but not inside a note in brackets
    (``[inaudible 00:12:03]``, ``[Int: That's good.]``): a note too long on its own is cut
    between characters (:func:`_fit`)."""
    pieces: list[Span] = []
    last = start
    notes = bracketed(text[start:end])
    for m in pattern.finditer(text, start, end):
        if any(o < m.start() - start < c for o, c in notes):
            continue
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
    still too long into even runs of its words (:func:`_even_words`, which counts each word once:
    :func:`_balance` counts every run of its pieces that fits a window, with the model's tokenizer
    28 s for a clause of 400 words).
    """
    start, end = span
    if count(text[start:end]) <= limit:
        return [span]
    if level == len(_CUTS):
        return _cut_characters(text, start, end, limit, count)
    pieces = _cut(text, start, end, _CUTS[level])
    fitted = [p for piece in pieces for p in _fit(text, piece, limit, count, level + 1)]
    return fitted if level == 0 else _even_words(text, fitted, limit, count)


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
        raise RoqaValueError(f"unknown segment unit {unit!r}", hint="use turn, sentence or window")
    if max_tokens < MIN_MAX_TOKENS:
        raise RoqaValueError(
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
    transcript.check_turns()  # turns changed after the transcript was built
    text = transcript.text
    spans: list[SegmentSpan] = []
    for index in segmented_turns(
        transcript, skip_interviewer=skip_interviewer, skip_backchannels=skip_backchannels
    ):
        turn = transcript.turns[index]
        spans.extend(
            (index, start, end)
            for start, end in turn_spans(
                text, turn.start, turn.end, unit, max_tokens=max_tokens, count_tokens=count_tokens
            )
        )
    return spans


def segmented_turns(
    transcript: Transcript, *, skip_interviewer: bool = True, skip_backchannels: bool = True
) -> list[int]:
    """The indices of the turns of ``transcript`` that :func:`segment_spans` cuts into segments,
    in order: by default, every turn but the interviewer's and those left out as backchannels
    (:func:`left_out_as_backchannels`), the text ``roqa code`` judges. ``roqa agree`` takes the
    text a model's suggestions read from its .qdpx judged from here
    (:func:`~roqa_nlp.coding_agreement.participant_turns`), as the export records only the
    passages it suggested codes for."""
    backchannels = left_out_as_backchannels(transcript) if skip_backchannels else frozenset()
    return [
        index
        for index, turn in enumerate(transcript.turns)
        if not (skip_interviewer and turn.role == "interviewer") and index not in backchannels
    ]


def left_out_as_backchannels(transcript: Transcript) -> frozenset[int]:
    """The indices of the turns of ``transcript`` that :func:`segment` leaves out as
    backchannels (:func:`~roqa_nlp.transcripts.backchannels.is_backchannel`): all but a reply to
    the interviewer's question, the one thing a speaker other than the interviewer says right
    after an interviewer's turn that ends asking, or any in talk with no question mark anywhere
    (auto captions, :func:`~roqa_nlp.transcripts.backchannels.may_answer`; not a prompt such as
    ``And?``, nor a repair
    on a bad line such as ``Can you hear me now?``,
    :func:`~roqa_nlp.transcripts.repairs.only_repairs`), said once (``Is it okay to record?``
    ``Yes.``, ``Did your manager back it?`` ``Yep, absolutely.``): that is the answer, coded with
    its question as context, as ``No.`` or ``Of course.`` are; said over again (``Yeah. Yeah.``,
    :func:`~roqa_nlp.transcripts.backchannels.said_over_again`) it is agreeing along. Whatever
    the format: a reader keeps such a reply as a turn of its own
    (:func:`~roqa_nlp.transcripts.render.across_backchannels`)."""
    text = transcript.text
    turns = transcript.turns
    marked = marks_questions(text)
    left_out: set[int] = set()
    for index, turn in enumerate(turns):
        words = text[turn.start : turn.end]
        if not is_backchannel(words):
            continue
        asked = text[turns[index - 1].start : turns[index - 1].end] if index else ""
        if (
            index
            and turns[index - 1].role == "interviewer"
            and turn.role != "interviewer"
            and may_answer(asked, questions_marked=marked)
            and not is_backchannel(asked)  # a prompt, "And?" or "Yeah?", asks no question
            and not only_repairs(asked)  # nor does "Can you hear me now?"
            and not said_over_again(words)
        ):
            continue  # the answer to the interviewer's question
        left_out.add(index)
    return frozenset(left_out)


def questions_before(transcript: Transcript) -> list[str]:
    """The context of a segment of each turn of ``transcript`` (by turn index): the words of the
    interviewer's turn before it, the question being answered, or ``""`` before the first
    question. Backchannels and agreeing (``Mm-hmm.``, ``Of course.``,
    :func:`~roqa_nlp.transcripts.backchannels.only_acknowledges`) are no question and are passed
    over, and so is a repair on a bad line (``Sorry, you cut out there, what was that?``, ``Yes,
    I can hear you now.``, :func:`~roqa_nlp.transcripts.repairs.only_repairs`): the answer said
    again after it answers the question before it. So is a turn of courtesies and
    acknowledgements alone (``No problem at all.`` to a member leaving to rejoin, ``Lovely,
    thanks.`` after an introduction, ``Great, thank you.``, ``Thanks, Amy.``:
    :func:`~roqa_nlp.transcripts.courtesies.only_courtesy`): read as the question, it changed the
    top code of 4 of the 5 answers after it (s64 Zoom focus-group tester, 1). Both are asked of
    the whole turn (:func:`_asks_nothing`). A repair that asks something new (``Sorry,
    you cut out. So what about training?``) is a question. The interviewer's turn is read as a
    subtitle, Word or table reader joins it
    (:func:`~roqa_nlp.transcripts.render.across_backchannels`), so that one interview gives the
    same context in every format: the interviewer's consecutive turns (each labelled line of a
    ``.txt`` file is a turn) are one, their words joined by a line break, and so are two that only
    a participant's ``Mm-hmm.`` keeps apart after a first that does not end asking (``That must
    have been hard.`` ``Mm-hmm.`` ``What got in the way?``), in talk that marks its questions. What :func:`segment` gives each
    segment, and ``roqa import`` each coded passage of a transcript it reads back.

    A group member's reply that only agrees with the participant who spoke before them, since
    the question (``Yeah, same here.``, ``I'd agree with that.``, or ``Yeah, a tick box.
    Exactly.`` echoing ``...it's like a tick box.``:
    :func:`~roqa_nlp.transcripts.backchannels.agrees_with`), answers that turn, not the
    facilitator's question: its context is that turn's words (session 49: a focus group's
    ``Yeah, same here.`` read with the opening question was coded Individual Stage of Change
    at 0.03). One that disagrees (``That's the thing, it wasn't enough for us.``, ``Exactly, we
    didn't.``) keeps the question. A no agrees when said with agreeing words alone (``No,
    exactly.``), and the agreements after it agree with that turn too (session 62); a bare no
    (``No.``, ``No, we did.``) agrees with nothing, whatever it answers: it may contradict. An
    agreement agrees with the member's turn right before it, a bare yes or no too (``Me
    neither.`` after ``Not really.`` to ``Really useful...``); such a turn answers the question,
    and so does the agreement: its context is the question (session 61 hunt: it was the turn
    before the no, whose coding it took). A one-to-one interview has no such reply, so its
    contexts are as before.
    """
    return [question for question, _ in _contexts(transcript)]


def agreed_turns(transcript: Transcript) -> list[int | None]:
    """For each turn of ``transcript`` (by turn index), the index of the other participant's
    turn it only agrees with (``Yeah, same here.``, ``I agree with that.`` after a member's
    answer: the replies :func:`questions_before` reads with that turn as their context), or
    None. ``AutoCoder.code`` codes such a reply as the turn it agrees with (session 61: a
    member's ``I agree with that.`` read with the turn it agreed with was still coded as its
    own words, Knowledge & Beliefs, barrier, at 0.73, after a leadership enabler). None for a
    member's bare no (``No.``, ``No, we did.``), which may contradict the turn, and for a reply
    that agrees with it (``Me neither.`` after ``Not really.``, not the turn the no
    contradicts): it has no code of its own to take. A no that agrees (``No, exactly.``) agrees
    with that turn, and so do the agreements after it. After a collective reply that does not
    agree (``Several voices: No, not really.``, no one's turn), an agreement takes nothing, as
    after a member's bare no; a collective noise or note (``Everyone: [laughter]``) is passed
    over. None for an agreement that names another member (``I agree with Anna.`` after Ben's
    turn: it does not agree with the turn before), and for the agreements after it; ``I agree
    with Ben.`` after Ben's turn agrees with it. ``I agree with her.`` agrees with the member
    right before, as ``I agree.`` does (a rule that took nothing when several members had spoken
    was dropped in s63: a bare yes or another's agreement made "her" unclear to it). None for
    every turn of a one-to-one interview."""
    return [agreed for _, agreed in _contexts(transcript)]


#: The last transcripts' :func:`_contexts`: transcript id() -> (the transcript, weakly; its text,
#: turns and metadata as they were; its contexts). Cutting a transcript into segments reads them
#: (:func:`segments_from_spans`), and so does coding it (:func:`agreed_turns`). The metadata is
#: compared too: the collective replies it records change the contexts (s79 hunt6 F2).
_CONTEXTS_KEPT: dict[
    int, tuple[weakref.ref[Transcript], str, tuple[Turn, ...], dict[str, Any], list[Any]]
] = {}
#: How many transcripts' contexts are kept
CONTEXTS_KEPT = 16
_CONTEXTS_LOCK = threading.Lock()


def _contexts(transcript: Transcript) -> list[tuple[str, int | None]]:
    """Each turn's context (:func:`questions_before`) and the turn it only agrees with
    (:func:`agreed_turns`), worked out once for a transcript whose text and turns are as they
    were (:data:`_CONTEXTS_KEPT`)."""
    turns = tuple(transcript.turns)
    with _CONTEXTS_LOCK:  # the segmenting thread and the coding loop both ask
        kept = _CONTEXTS_KEPT.get(id(transcript))
    if (
        kept is not None
        and kept[0]() is transcript
        and kept[1] is transcript.text
        and kept[2] == turns
        and kept[3] == transcript.metadata
    ):
        return list(kept[4])
    out = _read_contexts(transcript)
    with _CONTEXTS_LOCK:
        if len(_CONTEXTS_KEPT) >= CONTEXTS_KEPT:
            _CONTEXTS_KEPT.pop(next(iter(_CONTEXTS_KEPT)), None)
        _CONTEXTS_KEPT[id(transcript)] = (
            weakref.ref(transcript),
            transcript.text,
            turns,
            copy.deepcopy(dict(transcript.metadata)),
            out,
        )
    return list(out)


def _read_contexts(transcript: Transcript) -> list[tuple[str, int | None]]:
    """:func:`_contexts`, worked out."""
    text = transcript.text
    marked = marks_questions(text)  # auto captions mark none: each reply then ends a question
    out: list[tuple[str, int | None]] = []
    question = ""
    asking: list[str] = []  # the interviewer's turn being read, its words so far
    # the last participant's turn since the question that an agreement agrees with: its words,
    # speaker, and what such an agreement takes, its context and the turn it agrees with
    said, by = "", ""
    agreeing: tuple[str, int | None] = ("", None)
    collective = _collective_before(transcript)
    names = {t.speaker: _name_words(t.speaker) for t in transcript.turns}
    named = frozenset(w for n in names.values() for w in n)  # a speaker named is one addressed
    for index, turn in enumerate(transcript.turns):
        words = text[turn.start : turn.end].strip()
        said_by_several = collective.get(index)
        if (
            said
            and said_by_several
            and not is_backchannel(said_by_several)  # "Everyone: [laughter]", "All: Mm."
            and not agrees_with(said_by_several, said)
        ):
            # "Several voices: No, not really." is no one's turn, and has no code: an agreement
            # after it agrees with it, not with the turn it contradicts (s62 focus hunter, 4);
            # a noise or a note between is passed over, as a member's is (s62 final hunter)
            said, by, agreeing = said_by_several, "", (question, None)
        replying = turn.role != "interviewer" and said and by != turn.speaker
        agrees = bool(replying) and agrees_with(_addressing(words, named), said)
        # "I agree with Anna." after Ben: not the turn before (s63 focusfix, 3: it took Ben's
        # code); naming the member right before ("I agree with Ben.") agrees
        unclear = agrees and _names_another(words, by, names)
        out.append(agreeing if agrees and not unclear else (question, None))
        if turn.role == "interviewer":
            if not (is_backchannel(words) or only_acknowledges(words)):  # not "Of course."
                asking.append(words)
                said = ""
                if not _asks_nothing(asking):  # not "You cut out.", "Thanks, Amy."
                    question = "\n".join(asking)
        elif (
            asking
            and only_acknowledges(words, agreeing=False)
            and not may_answer(asking[-1], questions_marked=marked)
        ):
            continue  # "Mm-hmm." between two pieces of the interviewer's turn
        else:
            asking = []
            if unclear:  # the agreements after it agree with it, which has no code of its own
                said, by, agreeing = words, turn.speaker, (question, None)
                continue
            if agrees or is_backchannel(words):
                continue
            if not only_agrees(words, group=True):
                said, by, agreeing = words, turn.speaker, (words, index)
            elif replying:
                # a bare no to that turn ("Not really.", "No, we did."), which may contradict it:
                # "Me neither." agrees with the no, which answers the question and has no code of
                # its own (session 61 hunt: it took the coding of the turn the no contradicted)
                said, by, agreeing = words, turn.speaker, (question, None)
    return out


def _asks_nothing(asking: list[str]) -> bool:
    """Whether the interviewer's turn being read, ``asking`` (its pieces), is no question: only a
    repair on a bad line (``Sorry, you cut out there.``,
    :func:`~roqa_nlp.transcripts.repairs.only_repairs`) or only a courtesy (``No problem at
    all.``, ``Lovely, thanks.``, ``Thanks, Amy.``,
    :func:`~roqa_nlp.transcripts.courtesies.only_courtesy`). Each is asked of the whole turn, as
    a subtitle, Word or table reader joins it: ``Sorry, you cut out there.`` and ``Thanks.`` on
    two lines of a .txt file are neither, as in one cue (s64 h_ctx hunter, R1)."""
    words = "\n".join(asking)
    return only_repairs(words) or only_courtesy(words)


def _name_words(speaker: str) -> frozenset[str]:
    """The words of ``speaker``'s label that may name them in talk (``anna``, ``price`` of
    ``Anna Price``; ``p02``): a word with a letter, no stop word (not the ``i`` of ``I:``)."""
    from ..open_coding import english_stop_words

    stop = english_stop_words()
    return frozenset(w for w in words_of(speaker) if w not in stop and any(c.isalpha() for c in w))


def _addressing(words: str, names: Collection[str]) -> str:
    """``words`` with each run of ``names``, the words of speakers' labels, as ``you``: ``I
    agree with Ben Cole.`` agrees as ``I agree with you.`` does (with Ben Cole's turn, or with
    no one's when another's is before it: :func:`_names_another`)."""
    out: list[str] = []
    at = 0
    for start, end, _ in _names_in(words, names):
        if not out or words[at:start].strip():  # not the next word of the name before
            out += [words[at:start], "you"]
        at = end
    return "".join(out) + words[at:] if out else words


def _names_in(words: str, names: Collection[str]) -> list[tuple[int, int, str]]:
    """Where ``words`` say one of ``names`` (lower case) as a name, capitalised (``Will``, not
    the ``will`` of ``Same, I will.``): ``(start, end, name)``."""
    return [
        (start, end, word)
        for (start, end), word in zip(word_spans(words), words_of(words), strict=True)
        if word in names and words[start].isupper()
    ]


def _names_another(words: str, by: str, names: dict[str, frozenset[str]]) -> bool:
    """Whether ``words``, a member's agreement with ``by``'s turn, name another member: a word
    of another speaker's label that is not ``by``'s (``Anna`` after Ben's turn)."""
    own = names.get(by, frozenset())
    others = {w for speaker, n in names.items() if speaker != by for w in n} - own
    return bool(_names_in(words, others))


def _collective_before(transcript: Transcript) -> dict[int, str]:
    """The words of the collective reply (``Several voices: No, not really.``, left out of the
    turns: :func:`~.roles.collective_reply_spans`) said right before each turn that has one, by
    the turn's index: the last of them between that turn and the one before it that is not a
    noise or a note (``Everyone: [laughter]`` after the no: s62 last hunter), else the last."""
    from .roles import collective_reply_spans

    starts = [t.start for t in transcript.turns]
    before: dict[int, str] = {}
    for _, end, words in collective_reply_spans(transcript):
        index = bisect_left(starts, end)
        if index not in before or not is_backchannel(words):
            before[index] = words
    return before


#: A piece of talk that ends its sentence: its last mark, closing quotes or brackets aside.
_ENDS_SENTENCE = re.compile(r"[.?!…][\"'”’)\]]*$")


def pieces_apart(text: str, start: int, end: int, at: Iterable[int]) -> list[Span]:
    """The pieces of the segment ``text[start:end]`` parted at the offsets ``at`` that lie
    inside it, each stripped of white space: where a reader left another speaker's
    backchannel out and joined the turn across it (``... keeps it going, really.`` ``Okay.``
    ``Sorry, I need to sign for a parcel ...``;
    :func:`~roqa_nlp.transcripts.backchannel_gaps.backchannel_gaps`). A place is kept only
    after a sentence's end: an answer the backchannel came inside in mid-sentence (``Every
    course`` ``Mm-hm.`` ``I send someone on ...``) is one piece. Nor is a piece that is only
    fillers (``Um. So.``, the interviewer's ``Mm-hmm.``, ``I'd say it's hope really ...``;
    :func:`~roqa_nlp.transcripts.fillers.only_fillers`) parted from the words after it (the
    last, from the words before it), however many such pieces come in a row: it says nothing
    to code or set aside, and the answer is coded whole whatever a model reads in it, as a
    pseudonymised copy (where the interviewer's backchannel is gone) is (tester s77 study7:
    ``Um. So.`` was parted off and set aside as off-topic by the packaged model, joined again by
    a retrained one, so the ids of reviewed segments moved, and the copy was cut otherwise than
    its original). Each piece between two places is judged on its own words, so ``Um. So.``
    ``Well, okay, right.`` go with the answer after them. A reply that answers (``Yes,
    absolutely.``, ``Yeah, definitely.``, ``Mm-hmm.``) is a piece as any other: said before an
    aside (a parcel to sign for), it is the answer to the question, and joined to the aside it
    would be set aside with it (hunter s77). One piece, the whole segment, when it has no such
    place. :meth:`roqa_nlp.AutoCoder.segments_of` parts a segment there when its pieces differ
    in kind (talk to code against an aside set aside), or are two answers
    (:func:`answers_apart`, and the model reads them otherwise)."""
    pieces: list[Span] = []
    begin = start  # where the piece being read begins
    after = start  # where the words since the last place begin
    nothing = True  # the words from begin on are only fillers
    for cut in sorted(a for a in set(at) if start < a < end):
        a, b = _strip(text, after, cut)
        nothing = nothing and only_fillers(text[a:b])
        after = cut
        a, b = _strip(text, begin, cut)
        if a < b and _ENDS_SENTENCE.search(text[a:b]) and not nothing:
            pieces.append((a, b))
            begin, nothing = cut, True
    a, b = _strip(text, begin, end)
    if a < b:
        last = _strip(text, after, end)
        if pieces and nothing and only_fillers(text[last[0] : last[1]]):
            pieces[-1] = (pieces[-1][0], b)
        else:
            pieces.append((a, b))
    return pieces or [_strip(text, start, end)]


#: Fewest sentences, or else words, that make a piece of talk an answer of its own
#: (:func:`answers_apart`).
ANSWER_SENTENCES = 2
ANSWER_WORDS = 25


def answers_apart(before: str, after: str) -> bool:
    """Whether ``before`` and ``after``, two pieces of one speaker's talk that a reader joined
    across another speaker's backchannel (:func:`pieces_apart`), are each an answer of its own
    by their words: each ends at a sentence's end and holds at least :data:`ANSWER_SENTENCES`
    sentences or :data:`ANSWER_WORDS` words. An answer that only pauses (``Every course``
    ``Mm-hm.`` ``I send someone on ...``, or a short afterthought ``And the rota.``) is not."""
    from .sentences import split_sentences

    def whole(words: str) -> bool:
        words = words.strip()
        return bool(_ENDS_SENTENCE.search(words)) and (
            len(words.split()) >= ANSWER_WORDS or len(split_sentences(words)) >= ANSWER_SENTENCES
        )

    return whole(before) and whole(after)


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
      "Right." (default True), but for a reply to the interviewer's question ("Is it okay to
      record?" "Yes."), which is the answer (:func:`left_out_as_backchannels`).
    - ``count_tokens``: how tokens are counted, a function from text to a number; by default
      :func:`estimate_tokens`, a conservative estimate.

    **Not the segments** ``AutoCoder.code`` **makes by default.** ``code`` counts tokens with
    the embedding model's tokenizer, so where a long turn is cut, and so the segment ids
    (``"{transcript.id}:{n:04d}"``, numbered from 1), can differ. To get exactly the segments
    ``code`` codes, and join them to its results by ``segment_id``, use
    ``ac.segments_of(transcript)``, not ``segment(transcript, count_tokens=
    ac.embedder.count_tokens(), unit=ac.params["unit"], max_tokens=ac.params["max_tokens"])``:
    that gives the same cuts but for a segment ``segments_of`` parts where a backchannel was
    left out, an answer and an aside the model sets aside meeting there (:func:`pieces_apart`).
    Ids are stable for a given transcript text, unit, limit and token counter (and model).
    """
    if not isinstance(transcript, Transcript):
        what = type(transcript).__name__
        hint = (
            "read it with read_transcript() first, then segment the Transcript"
            if isinstance(transcript, (str, PurePath))
            else "give a Transcript from read_transcript()"
        )
        raise RoqaTypeError(f"segment() takes a Transcript, not a {what}", hint=hint)
    spans = segment_spans(
        transcript,
        unit,
        max_tokens=max_tokens,
        skip_interviewer=skip_interviewer,
        skip_backchannels=skip_backchannels,
        count_tokens=count_tokens,
    )
    return segments_from_spans(transcript, spans)
