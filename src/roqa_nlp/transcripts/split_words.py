"""Words an automatic captioner split across two cues of one speaker.

A speaker's consecutive cues are one turn, their words joined by a space. Zoom's automatic
captions now and then end a cue inside a word and open the next with its rest (``... from a
very cust`` / ``odial background ...``; session 77 ux, 25 such words in one generated file):
joined by a space, the turn says ``cust odial``, so the word is never found by its spelling in
segments, quotes or the lexical model. The two pieces are joined with nothing between where
neither is a word and together they are one: the end of the first cue and the start of the
next are each letters only, in lower case (the next's may close a sentence), neither is a word
of :file:`data/everyday_words.txt` (the words the team's 9,426 passages of interview talk write
in lower case) nor a stop word, and the two together are such a word (``custodial``,
``support``). Anything else keeps its space: ``in`` / ``to`` (each a word), a name (``Al`` /
``an``), a word the list lacks (``cent`` / ``re's``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..io import packaged_words

#: The list of words the pieces and their join are judged by (module notes).
EVERYDAY_WORDS = "everyday_words.txt"
#: A cue's last word, letters only after a blank (or the whole cue).
_LAST_PIECE = re.compile(r"(?:^|\s)([a-z]+)$")
#: A cue's first word, letters only, before a blank, a sentence's end or a comma.
_FIRST_PIECE = re.compile(r"^([a-z]+)(?=$|\s|[.,;:?!])")


def split_in_a_word(before: str, after: str) -> bool:
    """Whether the cue words ``before`` end inside a word the next cue of the same speaker,
    ``after``, ends (module notes: ``... a very cust`` / ``odial background``)."""
    from ..open_coding import english_stop_words

    end = _LAST_PIECE.search(before.rstrip())
    start = _FIRST_PIECE.match(after.lstrip())
    if end is None or start is None:
        return False
    words = packaged_words(EVERYDAY_WORDS)
    stop = english_stop_words()
    first, rest = end[1], start[1]
    return (
        first not in words
        and rest not in words
        and first not in stop
        and rest not in stop
        and first + rest in words
    )


def joined_cue_words(pieces: Sequence[str]) -> str:
    """The words of one speaker's consecutive cues ``pieces`` as their turn says them: a space
    between two, nothing where a cue ends inside a word (:func:`split_in_a_word`)."""
    out: list[str] = []
    # the turn's last word so far (its letters after the last blank, blanks at its end aside),
    # all a joint is judged by: each cue costs the time of its own words, not of the turn
    # before it (hunt1 session 78: a 6,000-cue file with no names, one turn, took 25 s, not 2)
    last_word = ""
    ends_in_a_blank = True  # whether the words so far end in a blank (or are none)
    for k, piece in enumerate(pieces):
        whole = bool(k) and split_in_a_word(last_word, piece)
        goes_on = whole and not ends_in_a_blank
        if k and not whole:
            out.append(" ")
            ends_in_a_blank = True
        out.append(piece)
        if piece:
            ends_in_a_blank = piece[-1].isspace()
        said = piece.rstrip()
        if said:  # else only blanks: the last word is still the one before
            tail = said.split()[-1]
            last_word = last_word + tail if goes_on and tail == said else tail
    return "".join(out)
