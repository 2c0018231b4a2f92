"""Dates in interview file names, and whether the order the interviews are taken in is theirs.

Researchers often name a transcript by the day it was recorded. Written year first
(``2020-07-06``), such names sort by date. Written day first (``06-07-2020``, as in the UK) or
month first (``07-06-2020``, as in the US), they sort by the day or the month, numbers compared
as numbers, so a folder read in name order is not the order the interviews were done in:
``04-09-2020`` comes before ``06-07-2020``. Saturation's verdicts depend on that order, and the
order is not guessed (docs/report.md, "The order is not guessed"): :func:`dated_order_note`
says when the dates disagree with the order taken, and how to give the order (s59 sat,
finding 1).

A date in a file name is no one's number either (:func:`in_a_date`): ``zoom_GMI_2020-07-14.vtt``
names no case ``GMI_2020`` and ``interview_14-07-2020.vtt`` no participant 14 (s71 tester
study, defect 1); nor is a year alone (:func:`year_alone`: ``GO_2020.vtt`` is no ``P2020``,
while ``P2001.vtt``, its number joined to its letters, is the study id ``P2001``), and a
date beside a study id is a mark of that participant's file however it is written
(:func:`date_at`: ``RM15 14 July 2020.vtt`` is ``RM15``, as ``RM15 2020-07-14.vtt`` is).
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .errors import first_few

#: A date written with the year last, day or month first, one separator throughout:
#: ``06-07-2020``, ``6.7.2020``, ``06_07_2020``. A year-first date (``2020-07-06``) sorts by date,
#: and is not one.
_YEAR_LAST = re.compile(r"(?<!\d)(\d{1,2})([-._])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
#: A date written year first (``2020-07-06``): it sorts by date, but in a folder of year-last
#: names (one renamed as the note advises) it is dated too. Years 1900-2099 only, so that a
#: record number (``site-1-12-1002``) is no year (s60 hunt, finding L1).
_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d\d)([-._])(\d{1,2})\2(\d{1,2})(?!\d)")

#: A month's name, in full or cut short (``July``, ``Jul``, ``Sept``), in any case.
_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![^\W\d_])"
)
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?(?![^\W_])"
#: The dates a file name may give (:func:`date_spans`), each read as a whole: year first with
#: one separator throughout (``2020-07-14``, ``2020_07_14``, ``2020.07.14``, ``2020 07 14``;
#: a year joined to letters before it too, ``GMI2020-07-14``), year last (``14-07-2020``,
#: ``07-14-2020``, ``14.07.20``), eight digits (``20200714``, ``14072020``) and with a month's
#: name (``14 July 2020``, ``14th July``, ``July 2020``, ``2020 July``, ``2020-Jul-14``). A
#: number joined to letters before it (``P14 July 2020``, ``RM04-12-20``) is an id, no day.
_DATES = re.compile(
    r"(?P<ymd>(?<!\d)(?P<y1>(?:19|20)\d\d)(?P<s1>[-_. ])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})(?!\d))"
    r"|(?P<dmy>(?<![^\W_])(?P<a2>\d{1,2})(?P<s2>[-_.])(?P<b2>\d{1,2})(?P=s2)"
    r"(?P<y2>(?:19|20)?\d\d)(?!\d))"
    r"|(?P<eight>(?<!\d)\d{8}(?!\d))"
    rf"|(?P<named>(?<![^\W_]){_DAY}[\s_.-]*{_MONTH}(?:[\s_.,-]*{_YEAR})?"
    rf"|(?<![^\W\d_]){_MONTH}[\s_.,-]*(?:{_DAY}(?:[\s_.,-]*{_YEAR})?|{_YEAR})"
    rf"|(?<!\d){_YEAR}[\s_.-]*{_MONTH}(?:[\s_.-]*\d{{1,2}}(?!\d))?)"
)

DAY_FIRST = "day first: dd-mm-yyyy"
MONTH_FIRST = "month first: mm-dd-yyyy"


def _numbers(name: str) -> tuple[int, int, int, re.Match[str]] | None:
    """The first year-last date of ``name``: its first and second numbers, its year, and where it
    stands; None when it holds none."""
    m = _YEAR_LAST.search(name)
    return None if m is None else (int(m.group(1)), int(m.group(3)), int(m.group(4)), m)


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def date_spans(name: str) -> tuple[tuple[int, int], ...]:
    """Where the dates of a file name ``name`` stand (:data:`_DATES`), start and end, in order:
    numbers that make no day of a year (``2020-13-45``, ``site-1-12-1002``) are none."""
    spans: list[tuple[int, int]] = []
    for m in _DATES.finditer(name):
        if m["ymd"] and _date(int(m["y1"]), int(m["m1"]), int(m["d1"])) is None:
            continue
        if m["dmy"] and not _day_and_month(int(m["a2"]), int(m["b2"]), int(m["y2"])):
            continue
        if m["eight"] and not _eight_digits_date(m["eight"]):
            continue
        spans.append(m.span())
    return tuple(spans)


def in_a_date(name: str, start: int, end: int) -> bool:
    """Whether ``name[start:end]`` (a number of a file name) is part of a date it gives
    (:func:`date_spans`), so numbers no participant, interview or study id."""
    return any(a < end and start < b for a, b in date_spans(name))


def is_year(digits: str) -> bool:
    """Whether a file name's number ``digits`` is a year, 1900 to 2099 in four digits (``2020``
    of ``GO_2020.vtt``), so no participant's or study id's number (s71 caseid follow-up 1: it
    was keyed ``P2020``); ``0020``, ``1234`` and ``2100`` are none."""
    return len(digits) == 4 and digits.isdigit() and digits[:2] in ("19", "20")


def year_alone(name: str, start: int, end: int) -> bool:
    """Whether ``name[start:end]`` (a number of a file name) is a year (:func:`is_year`) standing
    apart from any letters before it (``GO_2020``, ``participant_2020``, ``P14 2020``), so no
    one's number. Joined to the letters before it, it is a study id's number (``P2001``,
    ``RM2019``: site 2's first participant), as a day joined to them is (``P14 July 2020``):
    such an id was its file name's stem, keyed after the study's highest number (s72)."""
    return is_year(name[start:end]) and not (start and name[start - 1].isalpha())


def date_at(name: str, start: int) -> int | None:
    """Where the date of ``name`` (:func:`date_spans`) opening at ``start`` ends, when it is a
    word of its own (the name ends or a blank, ``_``, ``.`` or ``-`` follows); else None."""
    b = _date_ends(name).get(start)
    return (
        b if b is not None and (b == len(name) or name[b].isspace() or name[b] in "_.-") else None
    )


@lru_cache(maxsize=4096)
def _date_ends(name: str) -> dict[int, int]:
    """Where each date of ``name`` (:func:`date_spans`) ends, by where it opens: looked up at
    each word of a long name, so its reading stays linear."""
    return dict(date_spans(name))


def _day_and_month(first: int, second: int, year: int) -> bool:
    """Whether ``first`` and ``second`` are a day and a month of ``year`` (two digits: 2000 on),
    either way round (``14-07``, ``07-14``)."""
    year = year if year > 99 else 2000 + year
    return _date(year, second, first) is not None or _date(year, first, second) is not None


def _eight_digits_date(digits: str) -> bool:
    """Whether eight ``digits`` are a date, year first (``20200714``) or last (``14072020``)."""
    y, rest = int(digits[:4]), digits[4:]
    first = 1900 <= y < 2100 and _date(y, int(rest[:2]), int(rest[2:])) is not None
    y = int(digits[4:])
    return first or (1900 <= y < 2100 and _day_and_month(int(digits[:2]), int(digits[2:4]), y))


def name_dates(names: Sequence[str]) -> tuple[str, list[tuple[str, datetime.date]]]:
    """How the year-last dates of ``names`` read (:data:`DAY_FIRST`, else :data:`MONTH_FIRST`
    when only that reading makes every one a date: a first number above 12 somewhere makes
    them day first, a second one month first; day first when both readings do) and the names
    holding one, each with its date in that reading, in the order given; ``("", [])`` when no
    reading makes every date of ``names`` a date, or fewer than two hold one."""
    found = [(name, n) for name in names if (n := _numbers(name)) is not None]
    if len(found) < 2:
        return "", []
    readings = (
        (DAY_FIRST, [_date(n[2], n[1], n[0]) for _, n in found]),
        (MONTH_FIRST, [_date(n[2], n[0], n[1]) for _, n in found]),
    )
    for reading, dates in readings:
        if all(d is not None for d in dates):
            return reading, [(name, d) for (name, _), d in zip(found, dates, strict=True) if d]
    return "", []


def _is_ambiguous(names: Sequence[str]) -> bool:
    """Whether every year-last date of ``names`` reads as a date month first too (no number
    above 12 tells day from month)."""
    found = [name for name in names if _numbers(name) is not None]
    return len(_month_first(found)) == len(found)


def _month_first(names: Iterable[str]) -> list[tuple[str, datetime.date]]:
    """Each of ``names`` whose year-last date reads as a date month first, with that date."""
    return [
        (name, d)
        for name in names
        if (n := _numbers(name)) is not None and (d := _date(n[2], n[0], n[1])) is not None
    ]


def _in_date_order(dated: Sequence[tuple[str, datetime.date]]) -> bool:
    return all(a[1] <= b[1] for a, b in zip(dated, dated[1:], strict=False))


def _year_first(name: str, date: datetime.date) -> str:
    """``name`` with its year-last date written year first: ``06-07-2020`` as ``2020-07-06``."""
    n = _numbers(name)
    assert n is not None
    m = n[3]
    return name[: m.start()] + date.isoformat() + name[m.end() :]


def _year_first_date(name: str) -> datetime.date | None:
    """The year-first date of ``name`` (``2020-07-06``), None when it holds none."""
    m = _YEAR_FIRST.search(name)
    return None if m is None else _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))


def dated_order_note(names: Sequence[str], taken: str, *, python: bool = False) -> str:
    """What to say when ``names`` (transcript ids, in the order the interviews are taken)
    hold dates written year last (:func:`name_dates`) that are not in that order: ``taken``
    (what the order is, beginning the line) followed by both orders, the reading of the dates
    (with the ambiguity when no number above 12 tells day from month) and the fix: the order
    given with ``roqa report --order``, every name in date order (and ``order=[...]`` when
    ``python``), or the files renamed with the date year first. Empty when the dates are in
    the order taken, or there are none; when a name holds no date (an order of the dated ones
    would leave it out), and when no number above 12 tells day from month and month first the
    dates are in the order taken (s60 hunt, findings M1 and L2)."""
    reading, dated = name_dates(names)
    held = dict(dated)
    for name in names:
        if name not in held and (d := _year_first_date(name)) is not None:
            held[name] = d
    if not dated or len(held) < len(names):
        return ""
    dated = [(name, held[name]) for name in names]
    if _in_date_order(dated):
        return ""
    told = reading
    if reading == DAY_FIRST and _is_ambiguous(names):
        month_first = dict(_month_first(names))
        if _in_date_order([(name, month_first.get(name, d)) for name, d in dated]):
            return ""
        told += ", as no number above 12 tells day from month"
    by_date = [name for name, _ in sorted(dated, key=lambda x: x[1])]
    listed = ", ".join(json.dumps(x, ensure_ascii=False) for x in by_date)
    first = next(n for n in by_date if _numbers(n) is not None)
    in_python = f", or `order=[{listed}]` in Python (saturation, ReportOptions)" if python else ""
    return (
        f"{taken} ({first_few(names, 3)}), not the order of the dates "
        f"their names hold ({first_few(by_date, 3)}, read {told}); the saturation verdicts "
        "depend on the order: give the order the interviews were done in, `roqa report --order "
        f"{','.join(by_date)}` (or a file with one per line){in_python}, or rename the files "
        f"with the date year first ({first} as {_year_first(first, held[first])}), which sorts "
        "by date"
    )
