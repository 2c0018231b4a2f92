"""Speaker labels typed in the middle of a line, after a sentence ends.

A transcriber who types two speakers on one line (``Interviewer: Is there anyone who leads it?
P11: We have a senior carer ...``, ``P06: ... from the trust. Interviewer: Just the one? P06:
Just the one, ...``) leaves the second label inside the first speaker's turn: every reader
(.txt, Word, WebVTT, SubRip) reads a label only at the start of a line or cue, so the answer is
read as the interviewer's talk and not coded, or the interviewer's question is quoted as the
participant's words (s87 daily19 D1: a participant's only Champions answer lost, which turned
the 10+3 saturation verdict). The reading is kept (the preamble's rule: a warning listing the
suspect lines, not a silent split, session 87 midlabel) and one warning per file names the
lines (:func:`midline_labels_warning`) where a label the file itself uses at the start of a line
(``P11:``, ``Interviewer:``, ``I:``, exactly as typed there) follows a sentence end (``.``,
``?``, ``!``, ``…``, maybe closed by a quote or bracket, or a closing double quote) and a space
inside a turn, and words follow it. A label the file never puts at a line's start
(``Manager:``, ``Kate:`` in a quote) is not one of its speakers' and is not named; nor is a
bracketed interjection (``[Interviewer: Right.]``), which no sentence end comes right before.
A split at such labels was measured and left out: it gave words to the wrong speaker where the
interviewer reads a participant's words back (``You said. P07: fizzled out. What then?``),
where a label is a common word (``Two things. I: the money. II: the staff.``), and in
subtitles, whose cues of one speaker are joined into one turn before the label is seen.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import first_few, quoted
from ..schema import Transcript
from .line_places import line_place


class MidlineLabel(NamedTuple):
    """A label found by :func:`midline_labels`."""

    #: where its line is in the file (``line 11``, or the time its words are spoken), else ""
    place: str
    #: the label as typed, without its colon (``P11``)
    label: str
    #: the speaker whose turn it was read into
    speaker: str
    #: the label and the words after it on its line, as the transcript's text says them
    words: str
    #: the offset in the transcript's text where its line starts
    line_start: int


def _shown(line: list[MidlineLabel]) -> str:
    """The labels of one line as the warning names them: the line's place and labels
    (``line 11: 'P11:' in Interviewer's turn``), or, where the file gives it no place, the
    first label's words (``'P11: We have a senior carer ...' in Interviewer's turn``)."""
    first = line[0]
    if first.place:
        labels = ", ".join(dict.fromkeys(repr(f.label + ":") for f in line))
        return f"{first.place}: {labels} in {first.speaker}'s turn"
    return f"{quoted(first.words, 40)} in {first.speaker}'s turn"


def line_start_labels(transcript: Transcript) -> set[str]:
    """The speaker labels ``transcript``'s text puts at the start of a line before a turn's
    words, as typed there (``P11``, ``Interviewer``), without the colon: the part of the line
    before the turn that ends in ``Label:`` where the label is the turn's speaker, in any
    case, and nothing but a time mark or bracket comes before it (``[00:01:02] P11:``)."""
    text = transcript.text
    found: set[str] = set()
    for turn in transcript.turns:
        line_start = text.rfind("\n", 0, turn.start) + 1
        before = text[line_start : turn.start].rstrip()
        if not before.endswith(":"):
            continue
        name = before[:-1].rstrip()
        speaker = turn.speaker.strip()
        typed = name[len(name) - len(speaker) :] if speaker else ""
        opening = name[: len(name) - len(speaker)]  # a time mark or bracket, never words
        if typed and typed.casefold() == speaker.casefold() and not _has_letters(opening):
            found.add(typed)
    return found


def _has_letters(words: str) -> bool:
    """Whether ``words`` hold a letter."""
    return any(c.isalpha() for c in words)


#: a sentence end (closed by a quote or bracket, or not), or a closing double quote, and the
#: spaces after it (a single quote alone may be an apostrophe: ``the staffs' rota``)
_SENTENCE_END = r"(?:(?<=[.?!\u2026\"\u201d])|(?<=[.?!\u2026][\"'\u201d\u2019)\]]))[ \t]+"


def _label_pattern(labels: set[str]) -> re.Pattern[str] | None:
    """The pattern of a label of ``labels`` typed after a sentence end, words after it."""
    if not labels:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(
        _SENTENCE_END + rf"(?P<label>{alternatives}):[ \t]+(?=[\"'\u201c\u2018(\[]?\w)"
    )


def midline_labels(transcript: Transcript) -> list[MidlineLabel]:
    """The labels of :func:`line_start_labels` that ``transcript``'s turns hold in the middle
    of a line, after a sentence end and a space, with words after them (module notes), in
    order."""
    pattern = _label_pattern(line_start_labels(transcript))
    if pattern is None:
        return []
    text = transcript.text
    found: list[MidlineLabel] = []
    for k, turn in enumerate(transcript.turns):
        for m in pattern.finditer(text, turn.start, turn.end):
            at = m.start("label")
            line_start = text.rfind("\n", 0, at) + 1
            number = text.count("\n", 0, line_start) + 1
            place = line_place(transcript, k, number, m.end())
            line_end = text.find("\n", at, turn.end)
            words = text[at : line_end if line_end >= 0 else turn.end]
            found.append(MidlineLabel(place, m.group("label"), turn.speaker, words, line_start))
    return found


def midline_labels_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file, the lines holding labels of
    :func:`midline_labels` (the first three) and what to do; None when there are none."""
    lines: dict[tuple[int, str, str], list[MidlineLabel]] = {}
    for f in midline_labels(transcript):
        lines.setdefault((f.line_start, f.place, f.speaker), []).append(f)
    if not lines:
        return None
    n = len(lines)
    shown = first_few([_shown(line) for line in lines.values()], 3)
    return (
        f"{transcript.source or transcript.id}: {n} line{'s' if n != 1 else ''} "
        f"{'hold' if n != 1 else 'holds'} a speaker's label typed after a sentence in the "
        f"middle of the line ({shown}): the words after it were read as the turn of the "
        "speaker the line opens with, not as that label's speaker's: put each speaker's turn "
        "on its own line"
    )
