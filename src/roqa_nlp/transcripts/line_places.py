"""Where a line of a transcript's text is in its file, as a warning names it.

A plain text or Markdown file the reader kept as it is (``metadata["rendering"]`` is
``"original"``; a file with numbered lines, read without its numbers, keeps its lines too:
``metadata["line_numbers"]``) has the file's lines: a line is named by its number, ``line 6``.
A reader that writes the text anew (subtitles, timed tables, a ``.txt`` whose turns carry time
marks such as ``CD: [00:02:10] ...``, Word) lays its turns a blank line apart, so a line counted
in that text is not the file's line (session 77 hfix1: "line 10" for the file's line 6). Such a
line is named by the time its words are spoken, the time mark or cue it lies in, else its
turn's (``00:45:12.000``, :func:`.unlabelled.time_place`), which the file says beside them; in
a file with no times (Word), by nothing: the line's words, quoted, tell where it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from ..schema import Transcript, Turn
from .cue_times import cue_timeline, segment_times
from .speaker_labels import LabelMatch, labelled_lines_in_turns
from .unlabelled import time_place


def lines_are_the_files(transcript: Transcript) -> bool:
    """Whether the lines of ``transcript``'s text are its file's, one for one (module notes)."""
    meta = transcript.metadata
    return meta.get("rendering") == "original" or (
        meta.get("rendering") == "extracted" and meta.get("line_numbers") is True
    )


def line_place(transcript: Transcript, turn_index: int, number: int, words_at: int) -> str:
    """Where the line numbered ``number`` (from 1) in ``transcript``'s text, inside turn
    ``turn_index``, its words starting at offset ``words_at``, is in the file: ``line N`` when
    the text's lines are the file's, else the time its words are spoken, else "" (module
    notes)."""
    if lines_are_the_files(transcript):
        return f"line {number}"
    turn = transcript.turns[turn_index]
    begin, _ = segment_times(turn, cue_timeline(transcript).get(turn_index), words_at, words_at + 1)
    return time_place(begin)


class LabelledLine(NamedTuple):
    """A line inside a turn of a transcript that opens like a speaker's label
    (:func:`labelled_lines_of`)."""

    #: the index of the turn it lies in
    turn: int
    #: its number (from 1) in the transcript's text
    number: int
    #: the line, label and words, as the text says it
    line: str
    match: LabelMatch
    #: the offset in the text where its words (after the label) start
    words_at: int


def labelled_lines_of(
    transcript: Transcript, turns: Callable[[Turn], bool] = lambda turn: True
) -> Iterator[LabelledLine]:
    """Each line below a turn's first, inside the turns of ``transcript`` that ``turns`` keeps,
    that opens like a speaker's label (:func:`.speaker_labels.labelled_lines_in_turns`), in
    order; :func:`line_place` names it where the file has it."""
    text = transcript.text
    for k, turn in enumerate(transcript.turns):
        if not turns(turn):
            continue
        at = turn.start  # where the last line found ends: lines are found in order
        for number, line, m in labelled_lines_in_turns(text, [(turn.start, turn.end)]):
            at = text.index(line, at)
            yield LabelledLine(k, number, line, m, at + m.words_start)
            at += len(line)


def labelled_line_place(transcript: Transcript, found: LabelledLine) -> str:
    """:func:`line_place` of a line :func:`labelled_lines_of` found."""
    return line_place(transcript, found.turn, found.number, found.words_at)
