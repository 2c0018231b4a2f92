"""Fillers: words that say nothing, said to hold the floor or turn to what comes next (``Um.
So.``, ``Okay, so.``, ``Well, you know.``).

A piece of talk is only fillers when every word of it (:func:`~roqa_nlp.transcripts.backchannels.words_of`,
bracketed notes such as ``[laughs]`` aside) is a hesitation (``data/hesitation_fillers.txt``:
``um``, ``er``, ``erm``) or in a phrase of ``data/discourse_fillers.txt`` (``so``, ``well``,
``like``, ``you know``, ``right``, ``okay``), however many. No word of a yes or no is one:
``Yes, absolutely.`` or ``Yeah, definitely.`` said right after a question answers it, and
``Mm-hmm.`` may say yes, so neither is only fillers though both are backchannels
(:func:`~roqa_nlp.transcripts.backchannels.is_backchannel`). A piece of an answer that is only
fillers is never parted off it (:func:`~roqa_nlp.transcripts.segment.pieces_apart`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .backchannels import (
    BACKCHANNEL_WORDS,
    covered_by,
    longest_of,
    phrases_of,
    word_spans,
    words_of,
)
from .repairs import HESITATION_FILLERS

#: The packaged words and phrases that say nothing beside the hesitations: see the module
#: docstring.
DISCOURSE_FILLERS = "discourse_fillers.txt"

#: What ends a sentence between two words.
_SENTENCE_END = re.compile(r"[.!?…]")


def only_fillers(words: str) -> bool:
    """Whether ``words`` say nothing: each word a hesitation or in a discourse filler (``Um.
    So.``, ``Okay, so, you know.``), or no word at all (``[laughs]``); not ``Yes, absolutely.``
    nor ``Mm-hmm.``."""
    return covered_by(
        words_of(words), HESITATION_FILLERS, DISCOURSE_FILLERS, backchannel_words=False
    )


#: What marks a filler said on its own at a quote's opening (``So, I mean, the ...``): a comma,
#: a sentence's end or a dash after it. A discourse filler with none after it is read as a word of
#: the sentence (``So when we started``, ``Right now we ...``, ``Like the staff ...``) and kept.
_SAID_ALONE = re.compile(r"^\s*(?:[,.;:!?…\u2013\u2014]|-+(?:\s|$))")
#: A dash that breaks a sentence off (``When we - so when we started``).
_BREAK = re.compile(r"^\s+(?:-+|[\u2013\u2014])\s+$|^\s*[\u2013\u2014]\s*$|^\s*--\s*$")
#: How many words a start given up may have (``When we -``), and how far into what follows its
#: first word must come again (``so when we started``) for it to be one.
FALSE_START_WORDS = 3
#: The packaged words that take back a start broken off by a dash (``no, actually``, ``sorry,
#: let me put that another way``): see :func:`after_opening_fillers`.
SELF_REPAIRS = "self_repairs.txt"
#: The fewest words a quote opened later keeps: an opening that would leave fewer is kept whole.
FEWEST_QUOTED = 3


def after_opening_fillers(words: str) -> str:
    """``words`` from the first word that is neither a filler nor a start given up, as a
    researcher quotes them (docs/report.md, "How quotes are cited"): ``So, I mean, When we - so
    when we started`` gives ``so when we started``, ``Hmm. We, we had`` gives ``we had``.
    Left out at the opening, again and again: a hesitation (``um``, ``er``,
    ``data/hesitation_fillers.txt``), a phrase of ``data/discourse_fillers.txt`` (``so``, ``I
    mean``, ``you know``) with a comma, sentence end or dash after it, a word or phrase said twice
    (``We, we had``, ``I think, I think``; not a yes or a backchannel word: ``Yeah, yeah, it
    was``), and a start of at most :data:`FALSE_START_WORDS`
    words with no comma or sentence end between them (not ``Yeah. Yeah. It's -``), broken off by
    a dash, whose first word comes again in the first
    :data:`FALSE_START_WORDS` words after it or that is taken back after it (``I think - no,
    actually, Every extra hour``, ``It's - sorry, let me put that another way. The staff``:
    ``data/self_repairs.txt``, each said alone). Nothing else: ``So when we started``, ``Staff -
    they're the key`` and ``Yes, definitely`` are given back whole, as is an opening that would
    leave fewer than :data:`FEWEST_QUOTED` words. What is given is the end of ``words``: the
    participant's own words, from a word's start."""
    spans, tokens = word_spans(words), words_of(words)
    n = len(tokens)
    fillers = phrases_of(DISCOURSE_FILLERS)
    hesitations = phrases_of(HESITATION_FILLERS)
    longest = longest_of(DISCOURSE_FILLERS)

    def after(i: int) -> str:  # what follows tokens[i - 1], up to the next word
        return words[spans[i - 1][1] : spans[i][0] if i < n else len(words)]

    def skip(i: int) -> int:  # the first token from i that is no filler nor start given up
        if (tokens[i],) in hesitations:
            return i + 1
        for k in range(min(longest, n - i), 0, -1):
            if tuple(tokens[i : i + k]) in fillers and _SAID_ALONE.match(after(i + k)):
                return i + k
        for k in range(1, min(FALSE_START_WORDS, n - i - 1) + 1):
            gap = after(i + k)
            said_twice = (
                tokens[i : i + k] == tokens[i + k : i + 2 * k]
                and not set(tokens[i : i + k]) <= BACKCHANNEL_WORDS
            )  # "Yeah, yeah, it was" says yes twice
            if said_twice and _SAID_ALONE.match(gap) and not _SENTENCE_END.search(gap):
                return i + k
            if not _BREAK.match(gap):
                continue
            if any(_SAID_ALONE.match(after(m)) for m in range(i + 1, i + k)):
                break  # "Yeah. Yeah. It's -": a start given up is one run of words
            ahead = [
                t for t in tokens[i + k : i + k + 2 * FALSE_START_WORDS] if (t,) not in fillers
            ]
            j = i + k
            while (m := _taken_back(tokens, j, after)) > j:
                j = m
            if j > i + k or tokens[i] in ahead[:FALSE_START_WORDS]:
                return j
        return i

    i = 0
    while i < n and (j := skip(i)) > i:
        i = j
    if i == 0 or n - i < FEWEST_QUOTED:
        return words
    return words[spans[i][0] :]


def _taken_back(tokens: list[str], i: int, after: Callable[[int], str]) -> int:
    """Where the words that take a start back (a phrase of :data:`SELF_REPAIRS` said alone) from
    ``tokens[i]`` end, or ``i`` when none starts there."""
    for k in range(min(longest_of(SELF_REPAIRS), len(tokens) - i), 0, -1):
        if tuple(tokens[i : i + k]) in phrases_of(SELF_REPAIRS) and _SAID_ALONE.match(after(i + k)):
            return i + k
    return i
