"""Specification of :func:`roqa_nlp.framework.below_line`, the probability shown beside "code
unsure" and "valence unsure": two decimals, more only where two would round up to the line, at
most four, and cut (not rounded) at four where even four would reach it. Before (regression hunt
s42, H1-3), 0.39999999 below the line 0.40 was shown "0.400000" (six digits, equal to the line
as read)."""

from __future__ import annotations

import pytest

from roqa_nlp.framework import SURE_CODE, SURE_VALENCE, below_line


@pytest.mark.parametrize(
    ("p", "line", "shown"),
    [
        (0.25, SURE_CODE, "0.25"),
        (0.398, SURE_CODE, "0.398"),
        (0.3996, SURE_CODE, "0.3996"),
        (0.39996, SURE_CODE, "0.3999"),
        (0.39999999, SURE_CODE, "0.3999"),
        (0.5949, SURE_VALENCE, "0.59"),
        (0.5996, SURE_VALENCE, "0.5996"),
        (0.59999999, SURE_VALENCE, "0.5999"),
    ],
)
def test_a_probability_below_the_line_is_shown_below_it_in_four_digits_at_most(
    p: float, line: float, shown: str
) -> None:
    assert (SURE_CODE, SURE_VALENCE) == (0.4, 0.6)
    assert below_line(p, line) == shown
