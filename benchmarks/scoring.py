"""Top-1 / top-3 / domain accuracy for the benchmark scripts, scored exactly as ``roqa evaluate``
scores them (:func:`roqa_nlp.evaluation.construct_metrics`): a hit when a suggestion is any of the
record's gold codes; records without a gold code are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from roqa_nlp.evaluation import construct_metrics


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
