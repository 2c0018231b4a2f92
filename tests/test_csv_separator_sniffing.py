"""Specification: the separator of a CSV file's header line (:func:`roqa_nlp.io.csv_delimiter`)
is told as Python's ``csv.Sniffer`` tells it, in time linear in the line's length.

hfix1 s79: ``csv.Sniffer`` scans the rest of the line from every quote that opens a cell and
never closes (``,"a,"a,"a...``): 30 000 characters took 12 s, 90 000 took 89 s, a megabyte
hours; up to 5 lines are sniffed when none names the column a reader looks for."""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys

import pytest

from roqa_nlp.io import csv_delimiter, sniffed_delimiter


@pytest.mark.parametrize(
    ("line", "separator"),
    [
        ("unit,coder,code", ","),
        ("unit;coder;code", ";"),
        ("unit\tcoder\tcode", "\t"),
        ('"Review of P01-P13, 6 Dec";;;;', ";"),  # the quoted cell's separator, not its comma
        ('"a,b";"c";d', ";"),
        ('segment_id;"Checked, JB";code', ";"),
        ("'a';'b'", ";"),
        ('"a" ,"b"', ","),
        (',"a",;"b";;"c";', ";"),  # two cells beside a semicolon, one beside a comma
        ('a,"b;c"', ","),  # a quoted cell at the line's end
        ("a;b,c", ","),  # no quoted cell: the first of comma, tab, semicolon the line holds
        ("a\tb;c", "\t"),
        ("x", ","),
        ('"a"', ","),
        ("", ","),
    ],
)
def test_the_separator_of_a_line(line: str, separator: str) -> None:
    assert sniffed_delimiter(line) == separator
    assert csv_delimiter(line + "\nrow") == separator


def _sniffer(line: str) -> str:
    try:
        return csv.Sniffer().sniff(line, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def test_every_short_line_is_told_as_the_sniffer_tells_it() -> None:
    # every line of up to 5 characters of letters, separators, quotes, a blank and a dash
    # (37 449 lines), each told as csv.Sniffer tells it
    alphabet = "a,;\t\"' -"
    lines = ["".join(p) for n in range(6) for p in itertools.product(alphabet, repeat=n)]
    assert len(lines) == 37449
    assert [line for line in lines if sniffed_delimiter(line) != _sniffer(line)] == []


@pytest.mark.parametrize(
    ("head", "unit", "times", "tail", "separator"),
    [
        ('"', ',"a', 350_000, "", ","),  # hfix1's line: quotes that open cells and never close
        ("", ', "a', 250_000, "", ","),
        ("", ";'a", 350_000, "", ";"),
        ("", '"a;', 350_000, '"', ";"),  # "a;" at the start, then cells closing at the end
    ],
)
def test_a_line_of_a_megabyte_is_told_in_linear_time(
    head: str, unit: str, times: int, tail: str, separator: str
) -> None:
    # told in a child process stopped after 60 s (csv.Sniffer: hours), where the line of a
    # megabyte must take far less than sixteen times as long as its quarter (tests/growth.py)
    from pathlib import Path

    from growth import LIMIT_FOR_4X

    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from growth import growth\n"
        "from roqa_nlp.io import csv_delimiter\n"
        f"def line(n): return {head!r} + {unit!r} * n + {tail!r}\n"
        f"print(repr(csv_delimiter(line({times}))))\n"
        f"print(growth(csv_delimiter, line({times // 4}), line({times})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    told, ratio = done.stdout.splitlines()
    assert told == repr(separator)
    assert float(ratio) < LIMIT_FOR_4X, f"4x the line took {float(ratio):.1f}x the time"
