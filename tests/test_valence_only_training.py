"""``AutoCoder.update`` gives a valence-only example (a researcher's valence on a segment given no
code) to the valence head alone: the valence head's training set grows by exactly that segment
with that label, and the code classifier learns what it learnt without it."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.classifier import CodeClassifier
from roqa_nlp.decisions import Decision
from roqa_nlp.embedding import Embedder
from roqa_nlp.training import TrainingSet
from test_decisions import coded

STAFF = "We never have the staff for it."
DIRECTOR = "The director backs the project."
FIT_VALENCE = CodeClassifier.fit_valence


def trained(
    embedder: Embedder, training: TrainingSet, decisions: list[Decision], monkeypatch: Any
) -> tuple[AutoCoder, list[tuple[bytes, str]]]:
    seen: list[tuple[bytes, str]] = []

    def spy(self: CodeClassifier, X: Any, valence: Any) -> CodeClassifier:
        X = np.asarray(X, dtype=np.float64)
        if len(valence):  # fold models (calibration) fit no valence head
            seen[:] = [(row.tobytes(), v) for row, v in zip(X, valence)]
        return FIT_VALENCE(self, X, valence)

    monkeypatch.setattr(CodeClassifier, "fit_valence", spy)
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    ac = AutoCoder("cfir-2009", embedder=embedder)
    ac.update(decisions, codings=result, training=training, weight=1)
    return ac, seen


def test_a_valence_only_row_trains_the_valence_head_on_exactly_its_segment(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    accept = Decision("p01:0002", "accept", "IS.E.1", text=DIRECTOR)
    valence = Decision("p01:0001", "valence", text=STAFF, valence="barrier")
    without, before = trained(embedder, tiny_training, [accept], monkeypatch)
    with_it, after = trained(embedder, tiny_training, [accept, valence], monkeypatch)
    staff = np.asarray(embedder.encode([STAFF]), dtype=np.float64)[0]
    assert after == [*before, (staff.tobytes(), "barrier")]
    # the code classifier and the novelty detector learnt the same records; the valence head not
    a, b = with_it.classifier.to_arrays(), without.classifier.to_arrays()
    assert a.keys() == b.keys()
    for k in a:
        if k.startswith("valence"):
            continue
        np.testing.assert_array_equal(a[k], b[k], err_msg=k)
    assert not np.array_equal(a["valence_coef"], b["valence_coef"])
    np.testing.assert_array_equal(
        with_it.novelty.calibration_scores_, without.novelty.calibration_scores_
    )
    assert with_it.card["feedback"]["examples_by_kind"] == {"coded": 1, "valence-only": 1}
    assert with_it.card["feedback"]["codes_by_decision"] == {"accept": 1}
    assert with_it.card["feedback"]["left_out"] == {}
    assert with_it.card["feedback"]["n_examples"] == 2
    assert with_it.card["training_data"]["n_valence_only"] == 1
    assert "n_valence_only" not in without.card["training_data"]


def test_valence_alone_is_enough_to_train(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    valence = Decision("p01:0001", "valence", text=STAFF, valence="barrier")
    ac, _ = trained(embedder, tiny_training, [valence], monkeypatch)
    assert ac.card["feedback"]["n_examples"] == 1
