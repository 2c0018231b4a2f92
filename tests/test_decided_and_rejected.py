"""``roqa report --decisions`` reads a review's decided segments and its rejected codes from one
matching of the rows to the segments, not two (s88: decided_segments and rejected_codes each
matched them)."""

from __future__ import annotations

import pytest

from roqa_nlp import decisions
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, decided_and_rejected, decided_segments, rejected_codes
from test_apply_decisions import TEXTS, model_codings

REVIEW = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "reject", "IS.E.2", text=TEXTS[1]),
    Decision("p01:0003", "reject", "IS.E.2", text=TEXTS[2]),
    Decision("p01:0003", "reject", "IC.F", text=TEXTS[2]),
    Decision("p01:0004", "no-code", text=TEXTS[3]),
    Decision("p01:0005", "new-code", new_code="Form burden", text=TEXTS[4]),
]


@pytest.mark.parametrize("book", [None, "cfir-2009"])
def test_one_matching_gives_both_as_each_alone(
    book: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    codebook = None if book is None else Codebook.load(book)
    result = model_codings()
    alone = (
        decided_segments(REVIEW, result, codebook),
        rejected_codes(REVIEW, result, codebook),
    )
    assert alone[1] == {"p01:0002": {"IS.E.2"}, "p01:0003": {"IS.E.2", "IC.F"}}
    assert sorted(alone[0]) == ["p01:0001", "p01:0003", "p01:0004", "p01:0005"]
    calls = []
    match = decisions.match_decisions
    monkeypatch.setattr(
        decisions, "match_decisions", lambda *a, **k: calls.append(1) or match(*a, **k)
    )
    assert decided_and_rejected(REVIEW, result, codebook) == alone
    assert len(calls) == 1
