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
commissioners to pay for anything.") is not one, and is coded as any answer; when it turns
from the formula to what the speaker adds with a word of :data:`CLOSING_TURNS` ("Not that I can
think of, but the IT system was a nightmare."), the model reads it from that word on
(:func:`after_closing_formula`): read whole, the formula's words pulled it towards small talk
(``benchmarks/results/closing_content.md``). So it is read too without a closing formula it ends
with and the words of :data:`CLOSING_LEADS` that lead to it ("The IT system was a nightmare, but
no, I think that's everything.": :func:`before_closing_formula`), and without the sign-off it
ends with: thanks, an apology, "anyway" (:data:`SIGN_OFFS`, ``data/sign_offs.txt``: "...
anyone's asked me anything about me. Anyway. Sorry. Thank you.": :func:`before_sign_off`),
but not the words a sentence reports after a comma ("The manager never once said, thank
you.": :data:`SPEECH_VERBS`, ``data/speech_verbs.txt``).
"""

from __future__ import annotations

import re
from functools import cache

from .backchannels import BACKCHANNEL_WORDS, longest_of, phrases_of, word_spans, words_of

#: The packaged lists (``roqa_nlp/data/``): see the module docstring.
CLOSING_FORMULAS = "closing_formulas.txt"
CLOSING_WORDS = "closing_words.txt"
CLOSING_TURNS = "closing_turns.txt"
CLOSING_LEADS = "closing_leads.txt"
SIGN_OFFS = "sign_offs.txt"
SIGN_OFF_GOODBYES = "sign_off_goodbyes.txt"
SPEECH_VERBS = "speech_verbs.txt"

#: What ends the words before a sign-off: a sign-off is its own sentence or clause ("... about
#: me. Anyway. Sorry."), not the end of one ("We carried on anyway.").
_CLAUSE_END = re.compile(r"[.,;:!?…–—-]")
#: A sentence's end: ".", "!" or "?", not the dots of an ellipsis ("said... thank you").
_SENTENCE_END = re.compile(r"[!?]|(?<!\.)\.(?!\.)")


@cache
def _phrases(backwards: bool) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """The closing formulas and the words that may surround them, each phrase's words
    reversed when ``backwards``."""
    formulas, extras = phrases_of(CLOSING_FORMULAS), phrases_of(CLOSING_WORDS)
    if backwards:
        formulas, extras = (frozenset(p[::-1] for p in ps) for ps in (formulas, extras))
    return formulas, extras


def _covered(tokens: list[str], *, backwards: bool = False) -> tuple[list[bool | None], list[bool]]:
    """For each ``i``: True when ``tokens[:i]`` are closing formulas and the words that may
    surround them, a formula among them, False when only such words, None otherwise; and
    whether they so end on a formula (the first is what :func:`after_closing_formula` reads;
    a benchmark reads the second). ``backwards``: ``tokens`` are a text's words in reverse
    order, read with each phrase reversed (:func:`_closing_suffixes`)."""
    formulas, extras = _phrases(backwards)
    longest = longest_of(CLOSING_FORMULAS, CLOSING_WORDS)
    covered: list[bool | None] = [False] + [None] * len(tokens)
    on_formula = [False] * (len(tokens) + 1)
    last = 0  # the last i not None: none further on can be once `longest` words are None
    for i in range(1, len(tokens) + 1):
        if i - last > longest:
            break
        for n in range(1, min(longest, i) + 1):
            before = covered[i - n]
            if before is None:
                continue
            piece = tuple(tokens[i - n : i])
            if piece in formulas:
                covered[i] = on_formula[i] = True
            elif piece in extras or (n == 1 and piece[0] in BACKCHANNEL_WORDS):
                covered[i] = bool(covered[i]) or before
        last = i if covered[i] is not None else last
    return covered, on_formula


def is_closing_formula(words: str) -> bool:
    """True when ``words`` are only a closing formula (see the module docstring), or are one
    before the sign-off they end with (:func:`before_sign_off`): "No, I think that's everything.
    Thanks so much, bye!" is one, as the model reads it without "Thanks so much, bye!"."""
    return any(_only_a_closing(w) for w in dict.fromkeys((words, before_sign_off(words))))


def _only_a_closing(words: str) -> bool:
    """True when ``words`` are only a closing formula, as they are."""
    tokens = words_of(words)
    return bool(_covered(tokens)[0][-1]) if tokens else False


def _closing_suffixes(tokens: list[str]) -> list[bool]:
    """For each ``i``: whether ``tokens[i:]`` are only a closing formula (as
    :func:`is_closing_formula` reads them), all found in one pass over the words reversed
    rather than one pass per word."""
    back, _ = _covered(tokens[::-1], backwards=True)
    return [bool(back[len(tokens) - i]) for i in range(len(tokens) + 1)]


def after_closing_formula(words: str) -> str:
    """``words`` from the word that turns from the closing formula they open with to what the
    speaker still adds (a phrase of :data:`CLOSING_TURNS`, ``data/closing_turns.txt``: "but",
    "except", "apart from"): "Not that I can think of, but the IT system was a nightmare."
    gives "but the IT system was a nightmare.", and "Um, no, I think that's everything really,
    except ..." gives "except ...". Any other words are given back whole: those that open with
    no formula, are only one, or go on otherwise ("No, I think that is all. Only that ...")."""
    spans, tokens = word_spans(words), words_of(words)
    covered, _ = _covered(tokens)
    turns, longest = phrases_of(CLOSING_TURNS), longest_of(CLOSING_TURNS)
    for i in range(len(tokens) - 1, 0, -1):
        if covered[i] and any(
            tuple(tokens[i : i + n]) in turns and i + n < len(tokens) for n in range(1, longest + 1)
        ):
            return words[spans[i][0] :]
    return words


def before_closing_formula(words: str) -> str:
    """``words`` without the closing formula they end with (with the words that may surround
    one) and the words of :data:`CLOSING_LEADS` (``data/closing_leads.txt``: "but", "other than
    that", "so yes") that lead to it: "The training was rushed. Other than that, I have nothing
    to add." gives "The training was rushed.", and "The IT system was a nightmare, but no, I
    think that's everything." gives "The IT system was a nightmare". Any other words are given
    back whole: those that end with no formula, are only one, or say nothing else before it
    ("But no, that's everything.")."""
    spans, tokens = word_spans(words), words_of(words)
    covered, _ = _covered(tokens)
    ends = _closing_suffixes(tokens)
    cut = next((i for i in range(1, len(tokens)) if covered[i] is None and ends[i]), None)
    if cut is None or covered[-1]:
        return words
    leads, longest = phrases_of(CLOSING_LEADS), longest_of(CLOSING_LEADS)
    while cut:
        n = next(
            (n for n in range(min(longest, cut), 0, -1) if tuple(tokens[cut - n : cut]) in leads), 0
        )
        if not n:
            break
        cut -= n
    return words[: spans[cut][0]].rstrip(" ,;:-–—\t\n") if cut else words


def before_sign_off(words: str) -> str:
    """``words`` without the sign-off they end with: phrases of :data:`SIGN_OFFS`
    (``data/sign_offs.txt``: "thank you", "sorry", "anyway"), with goodbyes of
    :data:`SIGN_OFF_GOODBYES` (``data/sign_off_goodbyes.txt``: "bye", "take care") and words of
    :data:`~roqa_nlp.transcripts.backchannels.BACKCHANNEL_WORDS` among them, after the end of a
    sentence or clause: "Look after the managers. Nobody asks the manager how they are.
    Anyway. Sorry. Thank you." gives "Look after the managers. Nobody asks the manager how they
    are.". Any other words are given back whole: those that end with no sign-off or only a
    goodbye ("Right, I'd better go and see about that scanner. Take care."), are only a
    sign-off, end a sentence with one ("We carried on anyway."), or report it after a comma,
    colon, dash or "…" in a sentence that reports speech (a phrase of :data:`SPEECH_VERBS`,
    ``data/speech_verbs.txt``: "The manager never once said, thank you."). Short procedural talk
    read so stays procedural ("Yes, I can hear you now. Sorry.": 10 of 10 written replies,
    ``benchmarks/results/sign_offs.md``)."""
    spans, tokens = word_spans(words), words_of(words)
    signs, goodbyes = phrases_of(SIGN_OFFS), phrases_of(SIGN_OFF_GOODBYES)
    longest = longest_of(SIGN_OFFS, SIGN_OFF_GOODBYES)
    n = len(tokens)

    def gap(i: int) -> str:  # what is between tokens[i - 1] and tokens[i]
        return words[spans[i - 1][1] : spans[i][0]]

    # ends[i]: tokens[i:] are sign-offs, goodbyes and backchannel words; signed[i]: a sign-off
    # among them
    ends, signed = [False] * n + [True], [False] * (n + 1)
    first = n  # the first i with ends[i]: none before it can be once `longest` words are not
    for i in range(n - 1, -1, -1):
        if first - i > longest:
            break  # the words before a sign-off are read back only as far as it goes
        if ends[i + 1] and tokens[i] in BACKCHANNEL_WORDS:
            ends[i], signed[i] = True, signed[i + 1]
        for k in range(1, min(longest, n - i) + 1):
            if not ends[i + k]:
                continue
            piece = tuple(tokens[i : i + k])
            if piece in signs or piece in goodbyes:
                ends[i] = True
                signed[i] = signed[i] or piece in signs or signed[i + k]
        first = i if ends[i] else first
    if not n or ends[0]:
        return words
    start = next((i for i in range(max(first, 1), n) if ends[i] and signed[i]), n)
    if start == n:
        return words  # no sign-off it ends with
    # sentence: where the sentence of tokens[i] starts (its end before `start`, found backwards)
    sentence = next((i for i in range(start - 1, 0, -1) if _SENTENCE_END.search(gap(i))), 0)
    cut = None
    for i in range(start, n):
        between, signs_off = gap(i), ends[i] and signed[i]
        if _SENTENCE_END.search(between):
            sentence = i
        if signs_off and (
            sentence == i
            or (_CLAUSE_END.search(between) and not _reports_speech(tokens[sentence:i]))
        ):
            cut = i
            break
    return words if cut is None else words[: spans[cut][0]].rstrip(" ,;:-–—\t\n")


def _reports_speech(tokens: list[str]) -> bool:
    """Whether ``tokens`` hold a phrase of :data:`SPEECH_VERBS`: the sentence reports what
    someone said, and a sign-off after a comma in it may be what they said."""
    verbs, longest = phrases_of(SPEECH_VERBS), longest_of(SPEECH_VERBS)
    return any(
        tuple(tokens[i : i + k]) in verbs
        for i in range(len(tokens))
        for k in range(1, min(longest, len(tokens) - i) + 1)
    )
