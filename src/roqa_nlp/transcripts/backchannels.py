"""Backchannels: turns that only acknowledge (``Yeah.``, ``Mm-hmm.``, ``Okay, right.``).

A turn is a backchannel when, ignoring bracketed notes such as ``[laughs]`` or ``(inaudible)``
and punctuation, it has at most :data:`MAX_BACKCHANNEL_WORDS` words and every one of them is in
:data:`BACKCHANNEL_WORDS` (a turn with no words left, e.g. ``[inaudible]``, counts too). They are
skipped because they carry no codable content and would otherwise crowd the novelty flags;
``No.`` is not in the list because a bare refusal or denial can be an answer worth coding.
"""

from __future__ import annotations

import re

#: Words a backchannel turn is made of (lower case; hyphenated forms as researchers type them).
BACKCHANNEL_WORDS: frozenset[str] = frozenset(
    (
        "yeah", "yes", "yep", "yup", "yeh", "ya", "aye",
        "mm", "mmm", "mhm", "mmhm", "mm-hmm", "mm-hm", "hmm", "hm", "uh-huh", "uh", "huh",
        "um", "umm", "er", "erm", "ah", "aha", "oh", "ooh",
        "okay", "ok", "alright", "right", "sure", "exactly", "absolutely", "definitely",
        "indeed", "true", "fine", "cool", "great", "lovely", "brilliant", "perfect", "wow",
        "gosh", "so", "well", "and",
    )
)  # fmt: skip

#: Longest backchannel, in words (``Yeah, yeah, right, okay.``).
MAX_BACKCHANNEL_WORDS = 4

_NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _tokens(words: str) -> list[str]:
    """The words of ``words``, lower-cased, without bracketed notes (``[laughs]``)."""
    return [t.lower() for t in _WORD.findall(_NOTE.sub(" ", words))]


def _acknowledgement(tokens: list[str]) -> bool:
    return len(tokens) <= MAX_BACKCHANNEL_WORDS and all(t in BACKCHANNEL_WORDS for t in tokens)


def is_backchannel(words: str) -> bool:
    """True when a turn's words are only an acknowledgement (see the module docstring)."""
    return _acknowledgement(_tokens(words))


def only_acknowledges(words: str) -> bool:
    """True for a backchannel that asks nothing: ``Mm-hmm.``, not ``And?`` or ``Yeah?``, which
    prompt for more. Such a turn of another speaker does not part one speaker's turn
    (:func:`~roqa_nlp.transcripts.render.across_backchannels`), nor count as a turn of the one
    who may be asking the questions (:func:`~roqa_nlp.transcripts.roles.guess_interviewer`).
    Words holding no word at all (a symbol, ``[inaudible]``) acknowledge nothing: such a turn
    stays where it is."""
    if "?" in words:
        return False
    tokens = _tokens(words)
    return bool(tokens) and _acknowledgement(tokens)
