"""YouTube's rolling auto-captions, as yt-dlp saves them (``--write-auto-subs``, ``.vtt``).

Each cue shows two lines: the line before, again, and the new words, each of those timed in the
line (``way<00:00:02.910><c> of</c><00:00:03.310><c> the</c>``). Between two such cues a cue of
10 ms shows the new line alone, and a line of one space stands for the empty line of the
display. Read as any cue, every phrase was read three times, and a cue opening with its line of
one space lost its words to a block without timing (session 79 hunt2 F7). In a file with the
words timed so (:func:`is_rolling`), a line of blanks is no end of a cue, and a cue's lines
that repeat the last line of the cue before it (untimed) are left out (:func:`new_words_only`): each word
is read once, at the time of the cue that brought it in; a cue with nothing new (the 10 ms
copies) is no cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cues import Cue

#: A word's time in a line and the class around the word after it, as YouTube writes them
#: (``<00:00:00.400><c> what</c>``, also ``<c.colorE5E5E5>``).
_WORD_TIME = re.compile(r"<(?:\d{1,9}:)?\d{2}:\d{2}\.\d{3}><c[.>]")
_TAG = re.compile(r"<[^<>]*>")
#: A word's time inside a line: the line's words are new, said then, not the line before shown
#: again (which YouTube writes untimed).
_IN_LINE_TIME = re.compile(r"<(?:\d{1,9}:)?\d{2}:\d{2}\.\d{3}>")


def is_rolling(text: str) -> bool:
    """Whether a subtitle file's ``text`` times its words inside its cues' lines as YouTube's
    auto-captions do (:data:`_WORD_TIME`)."""
    return _WORD_TIME.search(text) is not None


def _seen(line: str) -> str:
    """``line`` as the display shows it: its tags out, its blanks single."""
    return " ".join(_TAG.sub("", line).split())


def new_words_only(cues: Sequence[Cue]) -> list[Cue]:
    """``cues`` of a rolling file with a first line that repeats the last line of the cue
    before it, untimed, left out (and lines of blanks), and the cues left with no line left out.
    A line said again carries word times of its own, so is kept."""
    out: list[Cue] = []
    last = ""
    for cue in cues:
        shown = [line for line in cue.lines if _seen(line)]
        copy = shown and _seen(shown[0]) == last and not _IN_LINE_TIME.search(shown[0])
        new = shown[1:] if copy else shown
        if shown:
            last = _seen(shown[-1])
        if new:
            cue.lines = new
            out.append(cue)
    return out
