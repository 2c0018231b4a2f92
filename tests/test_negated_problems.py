"""Specification of the negated-problem rule (``roqa_nlp.negated_problems``): talk that says a
problem is absent is not charted as a sure barrier (blind tester, session 42: a denial of a
problem read as a barrier at 0.98). Sentences written for this test."""

from __future__ import annotations

import numpy as np
import pytest

from roqa_nlp.negated_problems import denies_a_problem, with_negated_problems

NAMES = ["barrier", "enabler", "neutral"]


@pytest.mark.parametrize(
    "text",
    [
        "Money hasn't been a worry since the grant came in.",
        "Getting the GPs on board was never really an issue.",
        "Recruitment is no longer a big problem for the service.",
        "It\u2019s not really a concern for the nurses.",
        "Travel to the clinics isn't much of a hurdle now.",
        "That has never been a barrier here.",
    ],
)
def test_a_problem_said_to_be_absent_is_found(text: str) -> None:
    assert denies_a_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "Space is a problem.",
        "The software isn't a problem that we can fix ourselves.",  # a relative clause
        "It isn't an issue we talk about enough.",
        "Time isn't a problem of money, it's people.",
        "Parking wasn't an issue, but the rota was a nightmare.",  # a contrast after it
        "The rota isn't the problem, the problem is the money.",  # "the": often the reverse
        "The pilot ran without a problem at first.",
    ],
)
def test_a_problem_not_denied_or_denied_then_turned_is_not(text: str) -> None:
    assert not denies_a_problem(text)


def test_a_denied_problem_read_as_a_barrier_trades_its_barrier_and_enabler_probabilities() -> None:
    V = np.array([[0.9, 0.06, 0.04], [0.9, 0.06, 0.04], [0.2, 0.3, 0.5], [0.3, 0.1, 0.6]])
    texts = [
        "Staffing on nights has never been an issue.",  # a barrier: traded
        "Staffing on nights is an issue.",  # not a denial: kept
        "Staffing on nights isn't a problem.",  # enabler larger than barrier: kept
        "Staffing on nights isn't a problem.",  # neutral, barrier above enabler: traded
    ]
    out = with_negated_problems(V, NAMES, texts)
    assert out.tolist() == [
        [0.06, 0.9, 0.04],
        [0.9, 0.06, 0.04],
        [0.2, 0.3, 0.5],
        [0.1, 0.3, 0.6],
    ]
    assert V[0].tolist() == [0.9, 0.06, 0.04]  # the input is not changed
