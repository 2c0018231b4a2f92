"""Specification of how evaluate() tells figures that are not held out: records whose texts a
model was given as feedback (its review decisions, by update() or roqa train --feedback) are
counted and warned of, from the compact text hashes the model card keeps, so that a 1.000 on
the decisions' own texts is not read as accuracy (session 47 api tester)."""

from __future__ import annotations

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.training import text_hashes, warn_of_trained_on

SEEN = ["We never have enough staff.", "The manager backs us."]


def test_text_hashes_are_short_sorted_and_ignore_spacing() -> None:
    hashes = text_hashes([*SEEN, "We never  have enough\nstaff."])
    assert len(hashes) == 2 and hashes == sorted(hashes)
    assert all(len(h) == 16 for h in hashes)


def test_records_in_the_feedback_are_counted_and_warned_of() -> None:
    card = {"feedback": {"text_sha256": text_hashes(SEEN)}}
    texts = ["We never have enough staff.", "Something else.", " The manager  backs us. "]
    with pytest.warns(RoqaWarning) as caught:
        assert warn_of_trained_on(card, texts) == 2
    assert [str(w.message) for w in caught] == [
        "2 of 3 records are in this model's feedback (the review decisions it was trained "
        "with): these figures are not held out; evaluate on records the decisions do not hold"
    ]


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "card", [{}, {"feedback": {}}, {"feedback": {"text_sha256": text_hashes(["Other."])}}]
)
def test_no_overlap_or_no_hashes_is_no_warning(card: dict) -> None:
    assert warn_of_trained_on(card, SEEN) == 0
