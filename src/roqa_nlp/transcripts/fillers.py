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
#: How many words a word or phrase said twice at the opening may have (``We, we had``, ``I think,
#: I think``).
SAID_TWICE_WORDS = 3
#: The fewest words a quote opened later keeps: an opening that would leave fewer is kept whole.
FEWEST_QUOTED = 3


def after_opening_fillers(words: str) -> str:
    """``words`` from the first word that is no filler, as a researcher quotes them
    (docs/report.md, "How quotes are cited"): ``So, I mean, When we started`` gives ``When we
    started``, ``Hmm. We, we had`` gives ``we had``.
    Left out at the opening, again and again: a hesitation (``um``, ``er``,
    ``data/hesitation_fillers.txt``), a phrase of ``data/discourse_fillers.txt`` (``so``, ``I
    mean``, ``you know``) with a comma, sentence end or dash after it, a word or phrase said twice
    (``We, we had``, ``I think, I think``; not a yes or a backchannel word: ``Yeah, yeah, it
    was``). Nothing else: a start broken off by a dash is the participant's and is quoted
    (``Not really - I mean, it helped a bit`` keeps its no: s88 hunt45 D1 found dropping such a
    start "taken back" flip or lose what was said), as are ``So when we started``, ``Staff -
    they're the key`` and ``Yes, definitely``, and an opening that would leave fewer than
    :data:`FEWEST_QUOTED` words is kept whole. What is given is the end of ``words``: the
    participant's own words, from a word's start."""
    spans, tokens = word_spans(words), words_of(words)
    n = len(tokens)
    fillers = phrases_of(DISCOURSE_FILLERS)
    hesitations = phrases_of(HESITATION_FILLERS)
    longest = longest_of(DISCOURSE_FILLERS)

    def after(i: int) -> str:  # what follows tokens[i - 1], up to the next word
        return words[spans[i - 1][1] : spans[i][0] if i < n else len(words)]

    def skip(i: int) -> int:  # the first token from i that is no filler nor word said twice
        if (tokens[i],) in hesitations:
            return i + 1
        for k in range(min(longest, n - i), 0, -1):
            if tuple(tokens[i : i + k]) in fillers and _SAID_ALONE.match(after(i + k)):
                return i + k
        for k in range(1, min(SAID_TWICE_WORDS, n - i - 1) + 1):
            gap = after(i + k)
            said_twice = (
                tokens[i : i + k] == tokens[i + k : i + 2 * k]
                and not set(tokens[i : i + k]) <= BACKCHANNEL_WORDS
            )  # "Yeah, yeah, it was" says yes twice
            if said_twice and _SAID_ALONE.match(gap) and not _SENTENCE_END.search(gap):
                return i + k
        return i

    i = 0
    while i < n and (j := skip(i)) > i:
        i = j
    if i == 0 or n - i < FEWEST_QUOTED:
        return words
    return words[spans[i][0] :]
