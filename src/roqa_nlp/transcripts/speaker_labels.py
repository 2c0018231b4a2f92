"""Recognising ``Speaker: words`` at the start of a line (plain text, Word, subtitle cue text).

A speaker label is at most 40 characters of letters, digits, spaces and ``'()-/&#`` (an honorific
such as ``Dr.`` may open it), starts with a letter or digit, and is followed by a colon and then
white space or the end of the line, so clock times (``10:30``) and URLs are never labels. Markdown
emphasis around the label (``**Interviewer:**``, ``**P04**:``) is allowed. An optional timestamp
(``[00:01:02]``, ``(01:02)``, ``00:01:02``) may come before the label.

The same shape also matches the start of an ordinary sentence (``The problem was this: ...``), so
a candidate counts as a speaker only when it is likely to be one (:func:`accepted_labels`): it
is a role label (interviewer, participant number), or it labels at least two lines of the file,
or every word of it is capitalised (``Jane Smith``, ``Registered Manager``) and it has at most
four words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .roles import interviewer_keys, normalise_label, participant_number_label
from .timecodes import parse_timecode

MAX_LABEL_CHARS = 40
MAX_CAPITALISED_LABEL_WORDS = 4

_TIMESTAMP = r"[\[(]?(?P<ts>\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?)[\])]?"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof)\.?[ \t]+)?"
# A label ends with a non-blank character and is closed by one run of blanks: overlapping
# blank runs made the match cubic in the length of a line of spaces (minutes for 2 000 blanks).
_LABEL = rf"{_HONORIFIC}[^\W_](?:[\w '’()/&#-]*?[\w'’()/&#-])?"
LABEL_LINE = re.compile(
    rf"^[ \t]*(?:{_TIMESTAMP}[ \t]+)?"
    rf"(?P<open>\*\*|__)?(?P<label>{_LABEL})[ \t]*(?:(?P=open)[ \t]*)?:(?:[ \t]*(?P=open))?"
    r"(?=\s|$)[ \t]*"
)
TIMESTAMP_PREFIX = re.compile(rf"^[ \t]*{_TIMESTAMP}(?:[ \t]+|$)")


@dataclass(frozen=True)
class LabelMatch:
    """A candidate label found at the start of a line.

    ``words_start`` is the offset (within the line) where the words after the label begin.
    """

    label: str
    words_start: int
    time: float | None


def match_label(line: str) -> LabelMatch | None:
    """The candidate speaker label at the start of ``line``, if it has the shape of one."""
    m = LABEL_LINE.match(line)
    if m is None:
        return None
    label = " ".join(m.group("label").split())
    if not label or len(label) > MAX_LABEL_CHARS:
        return None
    ts = m.group("ts")
    return LabelMatch(
        label=label, words_start=m.end(), time=None if ts is None else parse_timecode(ts)
    )


def match_timestamp(line: str) -> tuple[float, int] | None:
    """``(seconds, end offset)`` when ``line`` opens with a timestamp."""
    m = TIMESTAMP_PREFIX.match(line)
    if m is None:
        return None
    return parse_timecode(m.group("ts")), m.end()


def _is_capitalised(label: str) -> bool:
    words = label.split()
    return len(words) <= MAX_CAPITALISED_LABEL_WORDS and all(
        w[0].isupper() or w[0].isdigit() or w[0] in "([" for w in words
    )


def accepted_labels(
    candidates: Iterable[str], interviewer_labels: Iterable[str] | None = None
) -> set[str]:
    """The candidate labels that are taken as speakers (see the module docstring)."""
    counts = Counter(candidates)
    keys = interviewer_keys(interviewer_labels)
    return {
        label
        for label, n in counts.items()
        if n >= 2
        or normalise_label(label) in keys
        or participant_number_label(label) is not None
        or _is_capitalised(label)
    }
