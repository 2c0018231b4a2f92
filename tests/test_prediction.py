"""Prediction in numpy alone: the same probabilities, scores and p-values as the scikit-learn
estimators, and coding with a loaded model never imports scikit-learn or scipy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from roqa_nlp.autocoder import AutoCoder, packaged_model_dir
from roqa_nlp.classifier import CodeClassifier
from roqa_nlp.novelty import NoveltyDetector
from roqa_nlp.prediction import (
    CLASSIFIER_PARAMS,
    NOVELTY_PARAMS,
    CodePredictor,
    NoveltyScorer,
)

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "interviews" / "p01_interview.txt"


@pytest.fixture(scope="module")
def packaged() -> tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]]:
    """The packaged model's arrays and card."""
    from safetensors.numpy import load

    d = packaged_model_dir()
    arrays = {
        name: load((d / f"{name}.safetensors").read_bytes())
        for name in ("classifier", "novelty", "evidence")
    }
    card = json.loads((d / "model_card.json").read_text("utf-8"))
    return arrays, card


def unit_rows(n: int, d: int, seed: int = 0) -> np.ndarray:
    X = np.random.default_rng(seed).normal(size=(n, d)).astype(np.float32)
    out: np.ndarray = X / np.linalg.norm(X, axis=1, keepdims=True)
    return out


@pytest.fixture(scope="module")
def X(packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]]) -> np.ndarray:
    """Segment-like embeddings: random unit rows and the model's own training (evidence) rows."""
    arrays, _ = packaged
    ref = arrays["evidence"]["embeddings"].astype(np.float32)
    return np.vstack([unit_rows(200, ref.shape[1]), ref[:300]])


# --- the same numbers ---------------------------------------------------------------------------


def test_code_probabilities_of_the_packaged_model_equal_the_estimators(
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]], X: np.ndarray
) -> None:
    arrays, card = packaged
    predictor = CodePredictor.from_arrays(arrays["classifier"], card["classifier"])
    estimator = CodeClassifier.from_arrays(arrays["classifier"], card["classifier"])
    np.testing.assert_array_equal(predictor.predict_proba(X), estimator.predict_proba(X))


def test_valence_probabilities_of_the_packaged_model_equal_the_estimators(
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]], X: np.ndarray
) -> None:
    arrays, card = packaged
    predictor = CodePredictor.from_arrays(arrays["classifier"], card["classifier"])
    estimator = CodeClassifier.from_arrays(arrays["classifier"], card["classifier"])
    np.testing.assert_array_equal(
        predictor.predict_valence_proba(X), estimator.predict_valence_proba(X)
    )


def test_novelty_scores_and_p_values_of_the_packaged_model_equal_the_detectors(
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]], X: np.ndarray
) -> None:
    arrays, card = packaged
    nov = arrays["novelty"]
    predictor = CodePredictor.from_arrays(arrays["classifier"], card["classifier"])
    scorer = NoveltyScorer.from_arrays(
        predictor, nov["calibration_scores"], nov["reference"], card["novelty"]
    )
    estimator = CodeClassifier.from_arrays(arrays["classifier"], card["classifier"])
    detector = NoveltyDetector(CodeClassifier(**card["classifier"]["params"]), **card["novelty"])
    detector.use_fitted(estimator, nov["calibration_scores"], nov["reference"])
    ours, theirs = scorer.score_samples_and_p_values(X), detector.score_samples_and_p_values(X)
    np.testing.assert_array_equal(ours[0], theirs[0])
    np.testing.assert_array_equal(ours[1], theirs[1])
    assert 0 < (ours[1] < 0.1).sum() < len(X)  # the comparison covers flagged and kept rows


def test_given_probabilities_give_the_same_novelty_as_computed_ones(
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]], X: np.ndarray
) -> None:
    arrays, card = packaged
    nov = arrays["novelty"]
    predictor = CodePredictor.from_arrays(arrays["classifier"], card["classifier"])
    scorer = NoveltyScorer.from_arrays(
        predictor, nov["calibration_scores"], nov["reference"], card["novelty"]
    )
    given = scorer.score_samples_and_p_values(X, predictor.predict_proba(X))
    computed = scorer.score_samples_and_p_values(X)
    np.testing.assert_array_equal(given[1], computed[1])


def toy_data() -> tuple[np.ndarray, list[Any], list[str], list[str]]:
    """Three separated clusters with labels, valences and groups."""
    rng = np.random.default_rng(3)
    centres = rng.normal(size=(3, 8))
    X = np.vstack([c + 0.3 * rng.normal(size=(20, 8)) for c in centres])
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    y: list[Any] = ["IC.A"] * 20 + ["IS.B"] * 20 + ["NONE"] * 20
    valence = (["barrier", "enabler"] * 10) + (["enabler", "neutral"] * 10) + ([""] * 20)
    groups = [f"g{i % 5}" for i in range(60)]
    return X, y, valence, groups


@pytest.mark.parametrize("method", ["logreg", "prototype", "hybrid"])
def test_a_fitted_classifiers_predictor_gives_its_exact_probabilities(method: str) -> None:
    X, y, valence, groups = toy_data()
    clf = CodeClassifier(method, n_splits=3).fit(X, y, valence=valence, groups=groups)
    predictor = CodePredictor.of(clf)
    new = unit_rows(15, 8, seed=9)
    np.testing.assert_array_equal(predictor.predict_proba(new), clf.predict_proba(new))
    np.testing.assert_array_equal(
        predictor.predict_valence_proba(new), clf.predict_valence_proba(new)
    )


@pytest.mark.parametrize("score", ["combined", "none", "max_prob", "ratio", "knn"])
def test_a_fitted_detectors_scorer_gives_its_exact_p_values(score: str) -> None:
    X, y, valence, groups = toy_data()
    det = NoveltyDetector(CodeClassifier(n_splits=3), score=score, n_splits=3).fit(
        X, y, groups=groups, fit_kwargs={"valence": valence, "groups": groups}
    )
    scorer = NoveltyScorer.of(det, CodePredictor.of(det.classifier_))
    new = unit_rows(15, 8, seed=9)
    np.testing.assert_array_equal(scorer.score_samples_and_p_values(new)[1], det.p_values(new))
    np.testing.assert_array_equal(scorer.score_samples_and_p_values(new)[0], det.score_samples(new))


def test_the_predictor_round_trips_through_the_estimators_arrays() -> None:
    X, y, valence, groups = toy_data()
    clf = CodeClassifier(n_splits=3).fit(X, y, valence=valence, groups=groups)
    predictor = CodePredictor.from_arrays(clf.to_arrays(), clf.state())
    again = CodeClassifier.from_predictor(predictor)
    new = unit_rows(5, 8, seed=1)
    np.testing.assert_array_equal(again.predict_proba(new), predictor.predict_proba(new))
    assert again.get_params() == clf.get_params()


# --- one list of hyper-parameters -------------------------------------------------------------


def test_classifier_parameters_are_the_estimators() -> None:
    assert CodeClassifier().get_params() == CLASSIFIER_PARAMS


def test_novelty_parameters_are_the_detectors() -> None:
    params = NoveltyDetector().get_params()
    del params["classifier"]
    assert params == NOVELTY_PARAMS


@pytest.mark.parametrize(
    ("state_change", "error"),
    [
        ({"params": {"method": "logreg", "run": "rm -rf"}}, TypeError),
        ({"params": {"method": "forest"}}, ValueError),
        ({"classes": ["IC.A"]}, ValueError),
    ],
    ids=["unknown-parameter", "unknown-method", "classes-do-not-fit-the-arrays"],
)
def test_unusable_classifier_state_is_refused(
    state_change: dict[str, Any],
    error: type[Exception],
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]],
) -> None:
    arrays, card = packaged
    with pytest.raises(error):
        CodePredictor.from_arrays(arrays["classifier"], {**card["classifier"], **state_change})


def test_unknown_novelty_parameter_is_refused(
    packaged: tuple[dict[str, dict[str, np.ndarray]], dict[str, Any]],
) -> None:
    arrays, card = packaged
    nov = arrays["novelty"]
    predictor = CodePredictor.from_arrays(arrays["classifier"], card["classifier"])
    with pytest.raises(TypeError, match="unknown novelty parameter"):
        NoveltyScorer.from_arrays(
            predictor, nov["calibration_scores"], nov["reference"], {"alpha": 0.1, "run": 1}
        )


# --- the loaded AutoCoder -------------------------------------------------------------------


def test_a_loaded_models_estimators_are_built_from_its_arrays_when_asked_for(
    X: np.ndarray,
) -> None:
    ac = AutoCoder.load()
    assert ac._classifier is None and ac._novelty is None  # not built by loading
    clf, det = ac.classifier, ac.novelty
    assert clf is not None and det is not None
    assert det.classifier_ is clf
    assert det.get_params(deep=False)["score"] == "combined"
    np.testing.assert_array_equal(clf.predict_proba(X), ac._predictor.predict_proba(X))  # type: ignore[union-attr]


def test_coding_with_a_loaded_model_imports_neither_sklearn_nor_scipy(tmp_path: Path) -> None:
    """AutoCoder.load().code(...) with every embedding cached (stand-in vectors)."""
    from roqa_nlp.embedding import EmbeddingCache, text_key
    from roqa_nlp.transcripts import read_transcript

    ac = AutoCoder.load(cache=tmp_path)
    segs = ac.segments_of(read_transcript(EXAMPLE))
    texts = list(dict.fromkeys([s.text for s in segs] + [s.context for s in segs if s.context]))
    vecs = unit_rows(len(texts), ac.embedder.dim)  # answers and the questions before them
    EmbeddingCache(
        tmp_path / "embeddings.sqlite", ac.embedder.cache_hash, ac.embedder.dim
    ).put_many([(text_key(t), v.tobytes()) for t, v in zip(texts, vecs)])
    probe = (
        "import json, sys\n"
        "from roqa_nlp.autocoder import AutoCoder\n"
        f"r = AutoCoder.load(cache={str(tmp_path)!r}).code([{str(EXAMPLE)!r}])\n"
        "print(json.dumps([len(r.segments)]"
        " + sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy'})))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [len(segs)]


def test_no_packaged_model_names_the_python_calls_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The advice names the command on the command line, and the Python calls too from Python
    (docs/python.md; session 84: the command and --model alone)."""
    from roqa_nlp import autocoder
    from roqa_nlp.errors import ON_COMMAND_LINE, RoqaError

    monkeypatch.setattr(autocoder, "CARD", "no_such_card.json")
    said = (
        "the packaged model models/default was not found (run `roqa train training_data --out "
        "models/default` or pass --model DIR"
    )
    with pytest.raises(RoqaError) as e:
        packaged_model_dir()
    assert str(e.value) == (
        f"{said}; in Python, AutoCoder().fit('training_data').save('models/default'), or "
        "AutoCoder.load('DIR'))"
    )
    token = ON_COMMAND_LINE.set(True)
    try:
        with pytest.raises(RoqaError) as e:
            packaged_model_dir()
    finally:
        ON_COMMAND_LINE.reset(token)
    assert str(e.value) == f"{said})"
