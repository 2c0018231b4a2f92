"""Clock times in transcripts (``HH:MM:SS.mmm``, ``MM:SS,mmm``, plain seconds) as seconds, and
the time marks transcription software writes into the words (``#00:01:02-3#``)."""

from __future__ import annotations

import re

# Hours have at most 9 digits: int() refuses strings of more than 4 300 digits with a ValueError.
TIMECODE = re.compile(
    r"(?:(?P<h>\d{1,9}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<frac>\d{1,9}))?"
)
SECONDS = re.compile(r"\d+(?:\.\d+)?")


def parse_timecode(value: str) -> float:
    """Seconds from ``[H:]MM:SS[.mmm]`` (``.`` or ``,`` before the fraction of a second, of any
    number of digits up to nine: ``05.5000`` is 5.5).

    Raises ``ValueError`` when ``value`` is not a clock time.
    """
    m = TIMECODE.fullmatch(value.strip())
    if m is None:
        raise ValueError(f"not a clock time: {value!r}")
    hours = int(m.group("h") or 0)
    frac = m.group("frac") or ""
    seconds = hours * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
    return seconds + (int(frac) / 10 ** len(frac) if frac else 0.0)


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


def strip_time_marks(words: str) -> tuple[str, float | None]:
    """``words`` without their :data:`TIME_MARK` marks (and the blanks before each), and the
    time of the last mark when the words end with it (else None)."""
    marks = list(TIME_MARK.finditer(words))
    if not marks:
        return words, None
    last = marks[-1]
    end = None
    if not words[last.end() :].strip():
        tenths = last.group("tenths") or ""
        end = parse_timecode(last.group("clock")) + (
            int(tenths) / 10 ** len(tenths) if tenths else 0
        )
    pieces, pos = [], 0
    for m in marks:
        pieces.append(words[pos : m.start()].rstrip(" \t"))
        pos = m.end()
    pieces.append(words[pos:])
    return "".join(pieces), end
