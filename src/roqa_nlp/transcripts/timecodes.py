"""Clock times in transcripts (``HH:MM:SS.mmm``, ``MM:SS,mmm``, plain seconds) as seconds, and
the time marks transcription software writes into the words (``#00:01:02-3#``, ``[00:00:28]``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Hours have at most 9 digits: int() refuses strings of more than 4 300 digits with a ValueError.
# Minutes after hours have two digits at most; without hours, three (``100:00``, an interview's
# 100th minute).
TIMECODE = re.compile(
    r"(?:(?P<h>\d{1,9}):(?=\d{1,2}:))?(?P<m>\d{1,3}):(?P<s>\d{1,2})(?:[.,](?P<frac>\d{1,9}))?"
)
SECONDS = re.compile(r"\d+(?:\.\d+)?")


def parse_timecode(value: str) -> float:
    """Seconds from ``[H:]MM:SS[.mmm]`` (``.`` or ``,`` before the fraction of a second, of any
    number of digits up to nine: ``05.5000`` is 5.5; minutes past 99 without hours, ``100:00``,
    are minutes).

    Raises ``ValueError`` when ``value`` is not a clock time.
    """
    m = TIMECODE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"not a clock time: {value!r}")
    hours = int(m.group("h") or 0)
    frac = m.group("frac") or ""
    seconds = hours * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
    return seconds + (int(frac) / 10 ** len(frac) if frac else 0.0)


#: A subtitle cue's time written with other separators than a clock time's, as converters and
#: hand edits do: a colon before the milliseconds (``00:00:01:000``; three digits, as two
#: could be a frame count) or full stops between hours, minutes and seconds (``00.00.01``,
#: ``00.00.01.000``, ``00.00.01,000``).
LOOSE_CLOCK = r"\d{1,9}:\d{1,2}:\d{1,2}:\d{3}|\d{1,9}\.\d{1,2}\.\d{1,2}(?:[.,]\d{1,9})?"
_COLON_MILLISECONDS = re.compile(r"\d{1,9}:\d{1,2}:\d{1,2}:\d{3}")


def parse_cue_time(value: str) -> float:
    """Seconds from a subtitle cue's time: a clock time (:func:`parse_timecode`) or one written
    with other separators (:data:`LOOSE_CLOCK`: ``00:00:01:000`` and ``00.00.01`` are 1.0).

    Raises ``ValueError`` for anything else.
    """
    text = value.strip()
    if _COLON_MILLISECONDS.fullmatch(text):
        text = text[:-4] + "." + text[-3:]
    elif re.fullmatch(LOOSE_CLOCK, text):
        text = text.replace(".", ":", 2)
    return parse_timecode(text)


def parse_time(value: str) -> float:
    """Seconds from a clock time or a plain number of seconds (``12.5``).

    Raises ``ValueError`` for anything else.
    """
    text = value.strip()
    if SECONDS.fullmatch(text):
        return float(text)
    return parse_timecode(text)


#: The time mark f4transkript and MAXQDA write at the end of a paragraph, ``#00:01:02-3#``: the
#: time the paragraph ends, with tenths of a second after the dash. (No blanks in the pattern: a
#: search for blanks before a mark is quadratic in a line of blanks.)
TIME_MARK = re.compile(r"#(?P<clock>\d{1,2}:\d{2}:\d{2})(?:-(?P<tenths>\d{1,2}))?#")

#: Such a mark opening a line before its words (``#00:00:03-1# Interviewer: Could you ...``), as
#: f4transkript and MAXQDA also write it: the time the paragraph begins.
_OPENING_TIME_MARK = re.compile(r"^([ \t]*)#(\d{1,2}:\d{2}:\d{2})(?:-(\d{1,2}))?#(?=[ \t]+\S)")


def opening_mark_as_timestamp(line: str) -> str:
    """``line`` with an f4transkript or MAXQDA time mark opening it before its words written as
    the timestamp a label may follow, of the same length, its digits after the dash tenths as
    at a paragraph's end (``#00:00:03-1# Interviewer:`` is ``[00:00:03.1] Interviewer:``), so
    that the label is read with the turn's time as after ``[00:00:03]``; else ``line``."""
    m = _OPENING_TIME_MARK.match(line)
    if m is None:
        return line
    clock = m[2] if m[3] is None else f"{m[2]}.{m[3]}"
    return f"{m[1]}[{clock}]{line[m.end() :]}"


_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
#: A service's clock time: hours, minutes and seconds (``00:00:28``, ``1:02:03``, a fraction of
#: a second after them). Talk has clock-like numbers with one colon (``at 10:30``, ``(9:00)``,
#: a ratio ``[1:15]``): they are someone's words, never taken for a service's mark.
_SERVICE_CLOCK = r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?"
#: A timestamp a transcription service writes inside a turn's words or at their end, in square
#: or round brackets: ``... written [00:00:28] into it``, ``... the community side. (00:00:17)``
#: (Descript, Trint, Rev, Sonix). Only a service's clock time (:data:`_SERVICE_CLOCK`) alone in
#: its brackets: ``(and 10:30 meetings)``, ``at [10:30]``, ``(9:00)`` are talk.
BRACKETED_TIME = re.compile(rf"\[(?P<square>{_SERVICE_CLOCK})\]|\((?P<round>{_SERVICE_CLOCK})\)")
#: A transcriber's note with the time it was made at (Rev's ``[inaudible 00:00:41]``,
#: ``[crosstalk 00:01:02]``): the note stays, ``[inaudible]``, as a note without a time is kept
#: everywhere (it tells the reader of a quote that words are missing); its time is no one's words.
NOTE_TIME = re.compile(rf"\[(?P<note>[^\W\d_](?:[^\W\d_]|[' -]){{0,30}}?)[ \t]+{_CLOCK}\]")
#: A line holding only a service's clock time (``00:05:00``, ``[00:05:00]``), as Google Meet
#: writes every five minutes between the paragraphs of its transcript: no one's words. Not the
#: first line of a turn's words, which is the speaker's (``P04: 00:15:00``), nor a time of talk
#: alone on a line (``07:00`` in a list of shift times).
_SERVICE_TIME_ALONE = rf"[ \t]*(?:{_SERVICE_CLOCK}|\[{_SERVICE_CLOCK}\]|\({_SERVICE_CLOCK}\))[ \t]*"
TIME_LINE = re.compile(rf"(?<=\n){_SERVICE_TIME_ALONE}$", re.MULTILINE)
#: Words that are only a time, bracketed or not: a speaker's answer (``P04: [00:15:00]``), never
#: a mark to leave out.
_ONLY_A_TIME = re.compile(rf"\s*(?:{_CLOCK}|\[{_CLOCK}\]|\({_CLOCK}\))\s*")


def is_service_time_line(line: str) -> bool:
    """Whether ``line`` holds only a service's clock time (:data:`TIME_LINE`: ``00:05:00``,
    ``[00:05:00]``), not a time of talk (``9:15``)."""
    return re.fullmatch(_SERVICE_TIME_ALONE, line) is not None


#: The longest a turn's second stamp runs after its label's own time (an end time written
#: below a start: ``Jo Lee  1:07`` / ``1:13``), in seconds; a clock time said as an answer
#: (``7:30`` below ``Jo Lee  0:35``) lies further off.
SECOND_STAMP_SECONDS = 60.0


def is_second_stamp(line: str, seconds: float, label_time: float | None) -> bool:
    """Whether a line holding only a time (``seconds`` read from it) below a label whose own
    line gave ``label_time`` is that turn's stamp written again, not the answer's first words:
    bracketed or parenthesised (``[1:13]``, ``(1:13)``), with a fraction of a second (``1:07.4``)
    or at most :data:`SECOND_STAMP_SECONDS` after the label's time (``1:07`` again, an end time
    ``1:13``), as a service or a hand copying stamps writes them (hunt25 R3, session 84)."""
    written = line.strip()
    if written[:1] in "[(" or re.search(r"\d\.\d", written):
        return True
    return label_time is not None and 0.0 <= seconds - label_time <= SECOND_STAMP_SECONDS


#: A clock time in a turn's time range: as a subtitle's timing line writes it (hours optional,
#: one-digit seconds, ``00:00:01:000``, ``00.00.01``; :func:`parse_cue_time`).
_RANGE_CLOCK = rf"(?:{LOOSE_CLOCK}|(?:\d{{1,9}}:)?\d{{1,3}}:\d{{1,2}}(?:[.,]\d{{1,9}})?)"
#: A line holding only a time range (``0:30 - 0:36``, ``0:30 --> 0:36``, ``0:30 – 0:36``): a
#: dash or an arrow between two clock times, nothing else on the line.
_TIME_RANGE = re.compile(
    rf"[ \t]*(?P<begin>{_RANGE_CLOCK})[ \t]*(?:-->|->|[-\u2013\u2014])[ \t]*"
    rf"(?P<end>{_RANGE_CLOCK})[ \t]*"
)


def is_stamp_range(line: str, label_time: float | None) -> bool:
    """Whether ``line``, right below a label whose own line gave ``label_time``, has the shape
    of that turn's time range (``Jo Lee  1:07`` / ``1:07 - 1:13`` or ``1:07 --> 1:13``): nothing
    but a time range (:data:`_TIME_RANGE`) opening at the label's time (the same second) and
    ending no earlier. Used to tell a labelled transcript from subtitle cues
    (:func:`.cues.timing_lines_under_labels`); the readers keep such a line as the turn's words,
    since a range the speaker says can open at the label's second too (``Jo Lee  9:00`` /
    ``9:00 - 17:00``, a shift: hunt28, session 85, where dropping it lost whole answers)."""
    m = _TIME_RANGE.fullmatch(line)
    if m is None or label_time is None:
        return False
    try:
        begin, end = parse_cue_time(m["begin"]), parse_cue_time(m["end"])
    except ValueError:
        return False
    return abs(begin - label_time) < 1.0 and end >= begin


def has_time_marks(words: str, *, note_times: bool = True) -> bool:
    """Whether ``words`` hold time marks that are no one's words: f4transkript's and MAXQDA's
    (:data:`TIME_MARK`), a bracketed timestamp (:data:`BRACKETED_TIME`), a note's time
    (:data:`NOTE_TIME`, unless ``note_times`` is False: a plain-text reader keeps the note
    whole, as the model reads no note) or a line holding only a time (:data:`TIME_LINE`)."""
    patterns = (TIME_MARK, BRACKETED_TIME, *((NOTE_TIME,) if note_times else ()), TIME_LINE)
    return any(p.search(words) for p in patterns)


#: How many of a file's time marks its metadata quotes (``metadata["time_marks"]``).
QUOTED_TIME_MARKS = 2


def first_time_marks(texts: Iterable[str], *, note_times: bool = True) -> list[str]:
    """The first :data:`QUOTED_TIME_MARKS` different time marks of ``texts`` (each a turn's
    words; :func:`has_time_marks`), as the file writes them (``[00:00:28]``, ``#00:01:02-3#``),
    so that a note on the marks left out quotes the file's own."""
    patterns = (TIME_MARK, BRACKETED_TIME, *((NOTE_TIME,) if note_times else ()), TIME_LINE)
    found: list[str] = []
    for words in texts:
        if _ONLY_A_TIME.fullmatch(words):  # the speaker's words (strip_time_marks)
            continue
        marks = sorted((m.start(), m.group().strip()) for p in patterns for m in p.finditer(words))
        found += [mark for _, mark in marks if mark not in found]
        if len(found) >= QUOTED_TIME_MARKS:
            break
    return found[:QUOTED_TIME_MARKS]


def _mark_time(m: re.Match[str]) -> float:
    """The time of a time mark found by :data:`TIME_MARK`, :data:`BRACKETED_TIME` or
    :data:`TIME_LINE`, in seconds (an f4transkript mark's tenths of a second included)."""
    if m.re is TIME_MARK:
        tenths = m.group("tenths") or ""
        return parse_timecode(m.group("clock")) + (int(tenths) / 10 ** len(tenths) if tenths else 0)
    if m.re is BRACKETED_TIME:
        return parse_timecode(m.group("square") or m.group("round"))
    return parse_timecode(m.group().strip().strip("[]()"))


def marks_inside(words: str) -> list[tuple[int, int, float]]:
    """The time marks inside ``words`` that time the words after them: f4transkript's and
    MAXQDA's (:data:`TIME_MARK`), a service's bracketed timestamp (:data:`BRACKETED_TIME`) and a
    line holding only a time (:data:`TIME_LINE`), each as its start and end in ``words`` and its
    time, in order. A mark ending the words is left out (it is their end time:
    :func:`strip_time_marks`), and so is a note's time (``[inaudible 00:00:41]``). None in words
    that are only a time, which are the speaker's."""
    if _ONLY_A_TIME.fullmatch(words):
        return []
    tail = len(words.rstrip())  # words go on after a mark that ends before it
    found = sorted(
        (m.start(), m.end(), _mark_time(m))
        for pattern in (TIME_MARK, BRACKETED_TIME, TIME_LINE)
        for m in pattern.finditer(words)
        if m.end() < tail
    )
    inside: list[tuple[int, int, float]] = []
    for start, end, time in found:  # a bracketed time on a line of its own is one mark
        if not inside or start >= inside[-1][1]:
            inside.append((start, end, time))
    return inside


def strip_time_marks(words: str) -> tuple[str, float | None]:
    """``words`` without their time marks (:func:`has_time_marks`; the blanks before each mark
    too, a note keeping its words: ``[inaudible]``), and the time of the last mark when the
    words end with one (an f4transkript mark or a bracketed timestamp; else None). Words that
    are only a time are the speaker's (``P04: [00:15:00]``), returned as they are."""
    if _ONLY_A_TIME.fullmatch(words):
        return words, None
    end = None
    tail = words.rstrip()
    last = None
    for pattern in (TIME_MARK, BRACKETED_TIME):
        for m in pattern.finditer(tail):
            if m.end() == len(tail):
                last = m
    if last is not None:
        end = _mark_time(last)
    words = TIME_LINE.sub("", words)
    words = NOTE_TIME.sub(lambda m: f"[{m.group('note')}]", words)
    for pattern in (TIME_MARK, BRACKETED_TIME):
        pieces, pos = [], 0
        for m in pattern.finditer(words):
            pieces.append(words[pos : m.start()].rstrip(" \t"))
            pos = m.end()
        pieces.append(words[pos:])
        words = "".join(pieces)
    return words, end
