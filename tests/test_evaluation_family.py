"""``construct_top1_family``: a top-1 code that is the gold code's parent or child counts.

Tester, session 72 (cfir2, item 5): ``roqa evaluate`` scored the model's PRO.F Engaging as a
plain miss against a gold PRO.F.2 Engaging: Innovation Recipients, as it scores Readiness for
Implementation against a gold Leadership Engagement, its sub-construct. ``construct_top1`` stays
as it was; ``construct_top1_family`` counts such a top-1 code as right too, so a reader sees how
many misses are one level off.
"""

from __future__ import annotations

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.evaluation import construct_metrics

#: gold codes and the model's ranking (CFIR 2009), one record a line
RECORDS = [
    (["IS.E.1"], ["IS.E", "IS.E.1"]),  # Leadership Engagement; its parent first: family hit
    (["IS.E"], ["IS.E.2", "IS.C"]),  # Readiness for Implementation; a child first: family hit
    (["IS.E.1"], ["IS.E.2", "IS.E"]),  # a sibling (Available Resources) first: a miss
    (["IS.C"], ["IS.C"]),  # right
    ([], ["IS.C"]),  # NONE: not a coded record
    (["IC.A", "IS.B"], ["IS.B"]),  # one of two gold codes: right
    (["IS.B"], ["IS"]),  # the domain (never a suggestion, but a parent): family hit
]


@pytest.fixture(scope="module")
def parent_of() -> dict[str, str | None]:
    return {c.id: c.parent for c in Codebook.load("cfir-2009")}


def metrics(parent_of: dict[str, str | None] | None) -> dict:
    gold = [g for g, _ in RECORDS]
    ranked = [r for _, r in RECORDS]
    domain_of = {c.id: c.domain for c in Codebook.load("cfir-2009").codable}
    return construct_metrics(
        gold, ranked, [0.9] * len(RECORDS), domain_of=domain_of, parent_of=parent_of
    )


def test_a_parent_or_a_child_of_the_gold_code_counts_for_the_family(parent_of) -> None:
    m = metrics(parent_of)
    assert m["n_coded"] == 6
    assert m["construct_top1"] == pytest.approx(2 / 6)  # unchanged: IS.C and IS.B
    assert m["construct_top1_family"] == pytest.approx(5 / 6)  # and IS.E, IS.E.2, IS


def test_without_the_hierarchy_the_key_is_not_given(parent_of) -> None:
    with_family = metrics(parent_of)
    without = metrics(None)
    assert "construct_top1_family" not in without
    # every other key and value as before
    assert {k: v for k, v in with_family.items() if k != "construct_top1_family"} == without


def test_no_coded_record_leaves_it_undefined(parent_of) -> None:
    m = construct_metrics([[]], [["IS.C"]], [0.5], domain_of={}, parent_of=parent_of)
    assert m["construct_top1_family"] is None
