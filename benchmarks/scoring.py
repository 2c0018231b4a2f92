"""Top-1 / top-3 / domain accuracy for the benchmark scripts, scored exactly as ``roqa evaluate``
scores them (:func:`roqa_nlp.evaluation.construct_metrics`): a hit when a suggestion is any of the
record's gold codes; records without a gold code are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from roqa_nlp.evaluation import construct_metrics
from roqa_nlp.prediction import OFF_FRAMEWORK


def ranked_codes(P: np.ndarray, classes: Sequence[str]) -> list[list[str]]:
    """Each row's codes by falling probability, the off-framework classes left out (as
    suggestions are ranked); ties keep the classes' order."""
    cols = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    return [[classes[j] for j in sorted(cols, key=lambda j: -row[j])] for row in P]


def hit_rates(
    gold: Sequence[Sequence[str]],
    ranked: Sequence[Sequence[str]],
    domain_of: dict[str, str | None],
) -> tuple[float, float, float]:
    """(top-1, top-3, domain accuracy) of ``ranked`` code ids against ``gold``, to 3 decimals."""
    m = construct_metrics(
        [list(g) for g in gold],
        [list(r) for r in ranked],
        [0.0] * len(gold),  # ECE is not reported here
        domain_of=domain_of,
    )
    return (
        round(m["construct_top1"], 3),
        round(m["construct_top3"], 3),
        round(m["domain_accuracy"], 3),
    )


def cell(rates: Sequence[float]) -> str:
    """A results-table cell: top-1 / top-3 / domain accuracy to 3 decimals."""
    return " / ".join(f"{x:.3f}" for x in rates)
