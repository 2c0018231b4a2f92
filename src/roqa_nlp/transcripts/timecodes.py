"""Clock times in transcripts (``HH:MM:SS.mmm``, ``MM:SS,mmm``, plain seconds) as seconds."""

from __future__ import annotations

import re

# Hours have at most 9 digits: int() refuses strings of more than 4 300 digits with a ValueError.
TIMECODE = re.compile(
    r"(?:(?P<h>\d{1,9}):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[.,](?P<frac>\d{1,3}))?"
)
SECONDS = re.compile(r"\d+(?:\.\d+)?")


def parse_timecode(value: str) -> float:
    """Seconds from ``[H:]MM:SS[.mmm]`` (``.`` or ``,`` before the milliseconds).

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
