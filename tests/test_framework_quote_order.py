"""Specification (hunt55, s90, L2): :func:`~roqa_nlp.framework.most_representative` orders
quotes equally sure by :func:`~roqa_nlp.framework.quote_order` working out each participant's
and transcript's natural key once, not once a quote (20,000 tied quotes took 727 ms), in the
order it gave before."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp import framework
from roqa_nlp.framework import Quote, most_representative, quote_order


def _quote(k: int, participant: str, transcript: str, probability: float, text: str) -> Quote:
    return Quote(
        text=text,
        transcript_id=transcript,
        segment_id=f"s{k}",
        start=0,
        end=len(text),
        participant=participant,
        code_id="IS.A",
        probability=probability,
        valence="neutral",
    )


def _before(quotes: list[Quote], n: int) -> list[Quote]:
    """most_representative as it was: the natural keys of each quote in its sort key."""
    ranked = sorted(quotes, key=lambda q: (-q.cell_probability, *quote_order(q)))
    said = [q for q in ranked if not q.only_agrees]
    ranked = said or ranked[:1]
    firsts: list[Quote] = []
    rest: list[Quote] = []
    seen: set[str] = set()
    for q in ranked:
        (rest if q.who in seen else firsts).append(q)
        seen.add(q.who)
    return (firsts + rest)[:n]


_NAMES = st.sampled_from(["P1", "p1", "P2", "P10", "P02", "Site A", "site a", "Site A (2)", ""])
_QUOTES = st.lists(
    st.tuples(
        _NAMES,
        _NAMES,
        st.sampled_from([1.0, 0.9, 0.5]),
        st.sampled_from(["Staffing is short.", "Yeah.", "We plan goals together."]),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(rows=_QUOTES, n=st.integers(0, 8))
def test_the_order_is_the_one_it_was(rows: list[tuple[str, str, float, str]], n: int) -> None:
    quotes = [_quote(k, *row) for k, row in enumerate(rows)]
    assert most_representative(quotes, n) == _before(quotes, n)
    assert most_representative(iter(quotes), n) == _before(quotes, n)


def test_natural_keys_are_worked_out_once_a_participant_and_transcript(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    natural_key = framework.natural_key

    def counted(text: str) -> tuple[Any, ...]:
        calls.append(text)
        return natural_key(text)

    monkeypatch.setattr(framework, "natural_key", counted)
    quotes = [
        _quote(k, f"P{k % 3 + 1}", f"Interview {k % 3 + 1}", 1.0, f"Point {k}.") for k in range(300)
    ]
    chosen = most_representative(quotes, 3)
    assert [q.participant for q in chosen] == ["P1", "P2", "P3"]
    assert [q.segment_id for q in chosen] == ["s0", "s1", "s2"]
    assert len(calls) == 6  # 2 for each of the 3 transcripts, not 2 for each of 300 quotes
