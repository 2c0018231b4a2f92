"""Specification: a valence the researcher decided is the model's for the decided words once it is
trained on the decisions, and roqa train names the decided valences it still reads otherwise.

study11, session 81: "...Nobody on the ward asked for it, and nobody asked us what we wanted from
it either." was decided a barrier; `roqa train --feedback` with that decision gave a model that
still read the same words as an enabler (head 0.52 enabler, Innovation Source's valence mix 0.44
enabler), and 3 more of the 16 valence corrections likewise.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.autocoder import DECIDED_VALENCES_FILE, AutoCoder
from roqa_nlp.decided_valences import NEAR, DecidedValences
from roqa_nlp.decisions import Decision, valences_read_otherwise_note
from roqa_nlp.embedding import Embedder
from roqa_nlp.schema import VALENCES

# a staffing turn: the five staffing records of the tiny training set are all barriers
COVERED = (
    "We're short of staff most weeks, but agency nurses know the ward and cover the training days."
)
OTHER = "Agency cover costs more every month and the rota has gaps nobody can fill."


def reviewed(embedder: Embedder) -> AutoCoder:
    from conftest import tiny_training_set

    decided = [
        Decision("p01:0002", "accept", "IS.E.2", text=COVERED),
        Decision("p01:0002", "valence", text=COVERED, valence="enabler"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AutoCoder("cfir-2009", embedder=embedder).update(
            decided, training=tiny_training_set()
        )


@pytest.fixture(scope="module")
def after(embedder: Embedder) -> AutoCoder:
    return reviewed(embedder)


def top(ac: AutoCoder, text: str) -> tuple[str, str, float]:
    s = ac.suggest(text)[0][0]
    return s.code_id, s.valence, s.valence_probability


def test_the_decided_words_read_as_the_researcher_decided_after_training(
    after: AutoCoder,
) -> None:
    # before the fix: ('IS.E.2', 'barrier', 0.52), the staffing records' barrier kept
    assert top(after, COVERED) == ("IS.E.2", "enabler", 1.0)


def test_the_card_names_the_decided_valence_the_model_reads_otherwise(after: AutoCoder) -> None:
    feedback = after.card["feedback"]
    assert feedback["n_valences_kept"] == 1
    assert feedback["valences_read_otherwise"] == [
        {"segment": "p01:0002", "valence": "enabler", "read": "barrier"}
    ]


def test_other_talk_keeps_the_models_own_valence(after: AutoCoder) -> None:
    kept = after._decided_valences
    assert kept is not None
    with_kept = after.suggest(OTHER)[0][0]
    after._decided_valences = None
    try:
        without = after.suggest(OTHER)[0][0]
    finally:
        after._decided_valences = kept
    assert (with_kept.valence, with_kept.valence_probability) == (
        without.valence,
        without.valence_probability,
    )
    assert kept.nearest(after._inputs([OTHER]))[0][0] < NEAR


def test_a_saved_model_keeps_the_decided_valences(after: AutoCoder, tmp_path: Path) -> None:
    saved = after.save(tmp_path / "model")
    assert DECIDED_VALENCES_FILE in after.card["files"]
    assert top(AutoCoder.load(saved), COVERED) == ("IS.E.2", "enabler", 1.0)


def test_a_model_trained_without_decisions_keeps_none(tiny_model_dir: Path) -> None:
    assert not (tiny_model_dir / DECIDED_VALENCES_FILE).exists()
    assert AutoCoder.load(tiny_model_dir)._decided_valences is None


def test_a_segment_is_moved_to_the_decided_valence_by_how_near_it_is() -> None:
    # two decided segments: e0 a barrier, e1 an enabler
    kept = DecidedValences(np.eye(3, dtype=np.float32)[:2], [0, 1])
    V = np.array([[0.2, 0.5, 0.3]] * 3)
    near = np.sqrt(1 - 0.95**2)
    X = np.array([[1.0, 0.0, 0.0], [0.0, 0.95, near], [0.0, 0.5, np.sqrt(0.75)]])
    out = kept.apply(V, X, list(VALENCES))
    np.testing.assert_allclose(out[0], [1.0, 0.0, 0.0])  # the decided words: λ = 1
    np.testing.assert_allclose(out[1], [0.1, 0.75, 0.15], atol=1e-6)  # cos 0.95: λ = 0.5
    np.testing.assert_allclose(out[2], V[2])  # other talk: unchanged


def test_decisions_without_a_valence_keep_none() -> None:
    assert DecidedValences.of(np.eye(2), ["", ""]) is None


def test_train_notes_the_decided_valences_the_model_reads_otherwise() -> None:
    card = {
        "n_valences_kept": 16,
        "valences_read_otherwise": [
            {"segment": f"p01:000{i}", "valence": "barrier", "read": "enabler"} for i in range(6)
        ],
    }
    assert valences_read_otherwise_note(card, shown=2) == (
        "note: 6 of the 16 valences the review decided the model still reads otherwise in their "
        "own words: p01:0000 (decided barrier, read enabler); p01:0001 (decided barrier, read "
        "enabler) and 4 more. It gives those words (and near copies of them) the decided "
        "valence, but does not carry it to other talk like them: the valence head and each "
        "code's usual valence mix, learnt from the training data, outweigh a few decided "
        'segments (docs/model.md, "Valences a researcher decided")'
    )
    assert valences_read_otherwise_note({"n_valences_kept": 3}) is None
