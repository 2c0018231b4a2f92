"""Lines quoted or read out inside an answer that were read as a new speaker's turn.

A participant who quotes someone or reads something out inside an answer may put it on a line of
its own in the ``Label: words`` shape: ``Monday: Bev 08:00, Carl 14:00, nights agency.``,
``Grandmother: you'll be fine, love, just keep going.``, ``Manager: we can't pay for cover,
sorry.``. The readers take such a line for a new speaker's turn, which splits the answer (the
rest of it may go to the new "speaker"). Its shape cannot tell it from a real member named Sunday
or Friday, a shift team (``Nights:``) or a role said once: three reader rules that merged these
lines back into the answer swallowed real speakers and were reverted (sessions 83-84, hunt23,
hunt26). So the reading is kept, and one warning per file names the lines that look quoted
(:func:`quoted_labels_warning`): a turn whose label is a word often quoted or read out
(:file:`data/quoted_label_words.txt`: days, months, shifts, family and work roles, notices and
messages), said :data:`MOST_TIMES` times at most in the file, each time right inside one
participant's talk: that participant's turn (not asking, by someone who does not mostly ask)
comes right before it, the line has no time of its own, and the same participant speaks right
after it, or the line looks unlike the file's turns: no blank line above it where every other
turn has one, words opening with a small letter (``you'll be fine``) where every other turn's
open with a capital, or two clock times (a rota). An untimed line in a timed export alone is not
enough: a member typed in by hand looks the same (hunt23 R1, R2). Session 85, quotedwarn.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from ..errors import first_few, quoted
from ..io import packaged_words
from ..schema import Transcript, Turn
from .line_places import lines_are_the_files
from .roles import asks, speaker_name

#: Words that open a line often quoted or read out inside an answer (``roqa_nlp/data/``).
QUOTED_LABEL_WORDS = "quoted_label_words.txt"
#: A label said more often than this in a file is a speaker's, not a line quoted.
MOST_TIMES = 3
#: A clock time with a colon (``08:00``, ``9:30``): two on a line read it out as a rota.
_CLOCK_TIME = re.compile(r"(?<![\d:])\d{1,2}:[0-5]\d(?![\d:])")
#: The fewest turns laid a blank line apart that make a file's layout one of blank lines.
SPACED_TURNS = 4


def is_quoted_label_word(label: str) -> bool:
    """Whether the speaker label ``label`` is a word of :data:`QUOTED_LABEL_WORDS`, in any case
    and spacing."""
    return " ".join(speaker_name(label).split()).casefold() in packaged_words(QUOTED_LABEL_WORDS)


class QuotedLabel(NamedTuple):
    """A line of :func:`quoted_label_lines`."""

    #: where it is in the file: ``line 6`` where the transcript's lines are the file's
    #: (:func:`.line_places.lines_are_the_files`), else "" (its words tell where it is)
    place: str
    label: str
    #: the participant whose talk it lies in
    speaker: str
    #: the line, label and words, as the transcript's text says it
    line: str

    def shown(self) -> str:
        """The line as the warning names it: its place and label (``line 6: 'Monday:'``), or
        its words where the file gives it no place (``'Monday: Bev 08:00, Carl 14:00, ...'``)."""
        if self.place:
            return f"{self.place}: {self.label + ':'!r}"
        return quoted(self.line.strip(), 40)


def _line_of(text: str, at: int) -> tuple[int, str]:
    """The number (from 1) and the words of the line of ``text`` holding offset ``at``."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text.count("\n", 0, start) + 1, text[start : end if end >= 0 else len(text)]


def quoted_label_lines(transcript: Transcript) -> list[QuotedLabel]:
    """The turns of ``transcript`` whose label looks like a line quoted or read out inside a
    participant's answer (module notes), each as the line that opens it: never a turn the file
    gives a time of its own, a table's row or a subtitle cue. A label is named only
    where every one of its turns lies so; a run of such lines (a rota read out day by day) lies
    inside the talk of the participant before the run."""
    meta = transcript.metadata
    if "rows" in meta or "cues" in meta:
        return []  # a table's rows and a subtitle file's cues are the tool's turns
    turns = transcript.turns
    said = Counter(u.speaker for u in turns)
    listed = [
        u.role == "participant"
        and said[u.speaker] <= MOST_TIMES
        and is_quoted_label_word(u.speaker)
        for u in turns
    ]
    text = transcript.text
    files_lines = lines_are_the_files(transcript)
    spaced = files_lines and _turns_spaced(text, turns, listed)
    capitals = not any(
        _opens_lower(text[u.start : u.end]) for u, quoted_ in zip(turns, listed) if not quoted_
    )
    found: list[QuotedLabel] = []
    not_quoted: set[str] = set()
    for k, turn in enumerate(turns):
        if not listed[k]:
            continue
        before = _next_unlisted(turns, listed, k, -1)
        after = _next_unlisted(turns, listed, k, 1)
        number, line = _line_of(text, turn.start)
        unlike = (
            (spaced and not _blank_line_above(text, turns, k))
            or (capitals and _opens_lower(text[turn.start : turn.end]))
            or len(_CLOCK_TIME.findall(line)) >= 2
        )
        if before is None or not _inside_talk(text, turns, k, before, after, unlike):
            not_quoted.add(turn.speaker)
            continue
        place = f"line {number}" if files_lines else ""
        found.append(QuotedLabel(place, turn.speaker, before.speaker, line))
    return [f for f in found if f.label not in not_quoted]


def _next_unlisted(turns: list[Turn], listed: list[bool], k: int, step: int) -> Turn | None:
    """The nearest turn before (``step`` -1) or after (1) turn ``k`` that is not a listed
    label's, or None."""
    i = k + step
    while 0 <= i < len(turns) and listed[i]:
        i += step
    return turns[i] if 0 <= i < len(turns) else None


def _opens_lower(words: str) -> bool:
    """Whether ``words`` open with a small letter (``you'll be fine, love``): a quote going on
    from the sentence above, where the file's turns open with capitals."""
    first = words.lstrip(" \t\r\n\"'\u2018\u201c([")[:1]
    return first.isalpha() and first.islower()


def _blank_line_above(text: str, turns: list[Turn], k: int) -> bool:
    """Whether a blank line lies between turn ``k``'s label line and the turn above it."""
    line_start = text.rfind("\n", 0, turns[k].start) + 1
    between = text[turns[k - 1].end : line_start] if k > 0 else ""
    return (
        "\n" in between
        and not between.replace("\n", "").strip(" \t\r")
        and (between.count("\n") >= 2)
    )


def _turns_spaced(text: str, turns: list[Turn], listed: list[bool]) -> bool:
    """Whether the file lays every turn but the listed labels' a blank line below the one above
    (at least :data:`SPACED_TURNS` of them)."""
    spaced = [_blank_line_above(text, turns, k) for k in range(1, len(turns)) if not listed[k]]
    return len(spaced) >= SPACED_TURNS and all(spaced)


def _mostly_asks(text: str, turns: list[Turn], speaker: str) -> bool:
    """Whether half or more of ``speaker``'s turns ask (:func:`.roles.asks`): an interviewer
    the file does not name, whose prompt (``Tell me about the rota then.``) a real member
    answers."""
    theirs = [u for u in turns if u.speaker == speaker]
    return 2 * sum(asks(text[u.start : u.end]) for u in theirs) >= len(theirs)


def _inside_talk(
    text: str, turns: list[Turn], k: int, before: Turn, after: Turn | None, unlike: bool
) -> bool:
    """Whether turn ``k`` lies inside the talk of the participant of ``before``: another
    participant's turn that does not ask, by a speaker who does not mostly ask, and the same
    participant speaks in ``after``, or turn ``k`` looks unlike the file's turns (``unlike``: no
    blank line above it where the file's turns have one, its words open with a small letter
    where theirs open with capitals, or its line holds two clock times, a rota). A turn the
    file gives a time of its own is a speaker's."""
    turn = turns[k]
    if (
        turn.begin_time is not None
        or before.role != "participant"
        or before.speaker == turn.speaker
    ):
        return False
    if asks(text[before.start : before.end]) or _mostly_asks(text, turns, before.speaker):
        return False
    same_after = (
        after is not None and after.role == "participant" and after.speaker == before.speaker
    )
    return same_after or unlike


def quoted_labels_warning(transcript: Transcript) -> str | None:
    """One line naming ``transcript``'s file, the lines of :func:`quoted_label_lines` (the first
    three, each with the participant whose talk it lies in) and what to do; None when there are
    none."""
    found = quoted_label_lines(transcript)
    if not found:
        return None
    n = len(found)
    shown = first_few([f"{f.shown()} in {f.speaker}'s talk" for f in found], 3)
    return (
        f"{transcript.source or transcript.id}: {n} line{'s' if n != 1 else ''} opening with a "
        f"word often quoted or read out ({shown}) {'were each' if n != 1 else 'was'} read as a "
        "new speaker's turn, splitting the answer: if a line is quoted or read out, put the whole "
        "line in quotes or join it to the line above; if it is someone speaking, the turn is "
        "right, and a fuller label (their name) is not warned of"
    )
