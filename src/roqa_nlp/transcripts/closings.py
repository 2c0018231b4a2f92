"""Closing formulas: a participant's whole answer to "Is there anything else you'd like to add?"
that adds nothing (``No, I think that's everything.``, ``Not that I can think of.``).

Such a segment is procedural talk, as a greeting is: never coded, never fitting no code
(:func:`~roqa_nlp.autocoder.segment_flags`). The embedding classifier read "No, I think that's
everything." as Knowledge & Beliefs at 0.71 (session 34), and teaching it closing lines as
procedural records cost an answer elsewhere (``benchmarks/results/classifier_comparison.md``,
session 30), so the formulas are matched as words instead: a segment is one when its words
(normalised as :mod:`~roqa_nlp.transcripts.backchannels` normalises a turn's: lower case,
bracketed notes left out, any apostrophe as ``'``) are one or more phrases of
:data:`CLOSING_FORMULAS` (``data/closing_formulas.txt``) with, around them, only words or phrases
of :data:`CLOSING_WORDS` (``data/closing_words.txt``: ``no``, ``really``, ``thank you``) or
:data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS`. A closing that goes on ("No,
that's everything, apart from the funding which worries me.", "Good luck getting the
commissioners to pay for anything.") is not one, and is coded as any answer.
"""

from __future__ import annotations

from functools import cache

from .backchannels import BACKCHANNEL_WORDS, phrases_of, words_of

#: The packaged lists (``roqa_nlp/data/``): see the module docstring.
CLOSING_FORMULAS = "closing_formulas.txt"
CLOSING_WORDS = "closing_words.txt"


@cache
def _longest() -> int:
    return max(map(len, phrases_of(CLOSING_FORMULAS) | phrases_of(CLOSING_WORDS)), default=1)


def is_closing_formula(words: str) -> bool:
    """True when ``words`` are only a closing formula (see the module docstring)."""
    tokens = words_of(words)
    formulas, extras, longest = phrases_of(CLOSING_FORMULAS), phrases_of(CLOSING_WORDS), _longest()
    # covered[i]: (tokens[:i] are formulas and extra words, with a formula among them) or None
    covered: list[bool | None] = [False] + [None] * len(tokens)
    for i in range(1, len(tokens) + 1):
        for n in range(1, min(longest, i) + 1):
            before = covered[i - n]
            if before is None:
                continue
            piece = tuple(tokens[i - n : i])
            if piece in formulas:
                covered[i] = True
            elif piece in extras or (n == 1 and piece[0] in BACKCHANNEL_WORDS):
                covered[i] = bool(covered[i]) or before
    return bool(covered[-1]) if tokens else False
