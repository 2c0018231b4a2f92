"""Specification: the table of characters :meth:`str.casefold` changes, which every report
carries for its page (``decisions.casefold_table``), is what looking at each code point alone
gives, without looking at each code point alone (s45: 0.6 s of every report, 2.2 million calls
of ``chr``)."""

from __future__ import annotations

import sys

import pytest

from roqa_nlp import decisions


def one_by_one() -> dict[str, object]:
    """The table as it was worked out before: each code point but the surrogates in turn."""
    runs: list[list[int]] = []
    more: dict[str, str] = {}
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp < 0xE000 or (f := chr(cp).casefold()) == chr(cp):
            continue
        if len(f) != 1:
            more[chr(cp)] = f
            continue
        delta, last = ord(f) - cp, runs[-1] if runs else None
        if (
            last is not None
            and last[3] == delta
            and cp - last[1] in (1, 2)
            and last[2] in (0, cp - last[1])
        ):
            last[1], last[2] = cp, cp - last[0] if last[2] == 0 else last[2]
        else:
            runs.append([cp, cp, 0, delta])
    return {"runs": [[a, b, step or 1, d] for a, b, step, d in runs], "more": more}


def test_the_casefold_table_is_each_code_point_looked_at_alone() -> None:
    table = decisions.casefold_table()
    assert table == one_by_one()
    assert table["runs"][0] == [65, 90, 1, 32]  # A-Z
    assert table["more"]["ß"] == "ss" and table["more"]["ﬁ"] == "fi"


def test_the_casefold_table_looks_only_at_blocks_that_fold(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0

    def counted(cp: int) -> str:
        nonlocal calls
        calls += 1
        return chr(cp)

    monkeypatch.setattr(decisions, "chr", counted, raising=False)
    decisions.scanned_casefold_table()
    assert calls < 1000  # 2,224,232 before
