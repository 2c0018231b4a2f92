"""Prediction from a trained model's arrays, in numpy alone: code probabilities, valence
probabilities, novelty scores and conformal p-values.

This module is the one place where the prediction maths lives. The scikit-learn estimators that
*fit* a model (:class:`~roqa_nlp.classifier.CodeClassifier`,
:class:`~roqa_nlp.novelty.NoveltyDetector`) call these functions to predict, and a model loaded
from disk predicts through :class:`CodePredictor` and :class:`NoveltyScorer`, which hold the same
arrays and import neither scikit-learn nor scipy: importing them costs seconds that coding never
needs.

Code probabilities (see :mod:`roqa_nlp.classifier` for the methods)::

    logreg:     p = softmax(X·Wᵀ + b)
    prototype:  p = softmax(s · X·Mᵀ)          (M: class prototypes, s: prototype_scale)
    hybrid:     p = mean of the two
    calibrated: P = softmax(log(max(p, 1e-12)) / T)

Valence: ``softmax(X·Vᵀ + c)``. Novelty: conformal p-values of nonconformity scores (see
:mod:`roqa_nlp.novelty` for the scores and their references).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

# The classes meaning "fits no code" live in schema (light to import); re-exported here.
from .schema import NONE as NONE
from .schema import OFF_FRAMEWORK as OFF_FRAMEWORK
from .schema import PROCEDURAL as PROCEDURAL
from .schema import VALENCES

METHODS = ("logreg", "prototype", "hybrid")
SCORES = ("combined", "none", "max_prob", "ratio", "knn")
#: The hyper-parameters of :class:`~roqa_nlp.classifier.CodeClassifier` and their defaults, as a
#: model card stores them (a test checks they are the estimator's).
CLASSIFIER_PARAMS: dict[str, Any] = {
    "method": "logreg",
    "C": 4.0,
    "valence_C": None,
    "class_weight": "balanced",
    "prototype_scale": 20.0,
    "calibrate": True,
    "calibration_group": "seed-paper",
    "n_splits": 5,
    "random_state": 0,
}
#: The hyper-parameters of :class:`~roqa_nlp.novelty.NoveltyDetector` but its classifier.
NOVELTY_PARAMS: dict[str, Any] = {
    "alpha": 0.1,
    "score": "combined",
    "k": 5,
    "n_splits": 5,
    "random_state": 0,
}


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, shifted by each row's maximum so that ``exp`` never overflows."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def class_log_probabilities(
    X: np.ndarray,
    *,
    method: str,
    coef: np.ndarray,
    intercept: np.ndarray,
    prototypes: np.ndarray,
    prototype_scale: float,
) -> np.ndarray:
    """Uncalibrated log-probabilities of each class (the module docstring's ``log p``)."""
    parts = []
    if method in ("logreg", "hybrid"):
        parts.append(softmax(X @ coef.T + intercept))
    if method in ("prototype", "hybrid"):
        parts.append(softmax(prototype_scale * (X @ prototypes.T)))
    p = np.mean(parts, axis=0)
    out: np.ndarray = np.log(np.clip(p, 1e-12, None))
    return out


def calibrated_probabilities(log_p: np.ndarray, temperature: float) -> np.ndarray:
    """Temperature scaling: ``softmax(log p / T)`` (Guo et al., 2017)."""
    return softmax(log_p / temperature)


def valence_probabilities(X: np.ndarray, coef: np.ndarray, intercept: np.ndarray) -> np.ndarray:
    """Probabilities of barrier / enabler / neutral: ``softmax(X·Vᵀ + c)``."""
    return softmax(X @ coef.T + intercept)


def conformal_p_values(calibration: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """p = (1 + #{cal ≥ s}) / (n + 1) for each score s (higher score = less conforming)."""
    cal = np.sort(np.asarray(calibration, dtype=np.float64))
    s = np.asarray(scores, dtype=np.float64)
    n_ge = len(cal) - np.searchsorted(cal, s, side="left")
    out: np.ndarray = (1.0 + n_ge) / (len(cal) + 1.0)
    return out


def nonconformity_scores(
    score: str,
    X: np.ndarray,
    P: np.ndarray | None,
    classes: Sequence[str],
    reference: np.ndarray,
    k: int,
) -> np.ndarray:
    """Nonconformity scores of rows ``X`` with class probabilities ``P`` (columns ``classes``);
    ``"combined"`` gives two columns (``"none"``, ``"max_prob"``). ``P`` may be None for
    ``"knn"``, which compares ``X`` with the ``reference`` embeddings instead."""
    if score == "knn":
        sims = X @ reference.T
        kk = min(k, reference.shape[0])
        top = -np.partition(-sims, kk - 1, axis=1)[:, :kk]
        out: np.ndarray = 1.0 - top.mean(axis=1)
        return out
    if P is None:
        raise ValueError(f"the {score!r} score needs class probabilities")
    off = [j for j, c in enumerate(classes) if c in OFF_FRAMEWORK]
    codes = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    none = P[:, off].sum(axis=1) if off else 1.0 - P[:, codes].max(axis=1)
    if score == "combined":
        return np.column_stack([none, 1.0 - P[:, codes].max(axis=1)])
    if score == "none":
        return none
    if score == "max_prob":
        return 1.0 - P[:, codes].max(axis=1)
    if score == "ratio":
        off_p = P[:, off].sum(axis=1) if off else np.zeros(len(P))
        top = P[:, codes].max(axis=1)
        ratio: np.ndarray = off_p / np.maximum(off_p + top, 1e-12)
        return ratio
    raise ValueError(f"score must be one of {SCORES}, got {score!r}")


def novelty_scores_and_p_values(
    calibration: np.ndarray, raw: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Novelty scores and p-values from raw nonconformity scores.

    One score: the score itself and its conformal p-value. Several (``"combined"``): the
    p-value is the largest of the columns' p-values (the flag needs every score to call the row
    novel), and the score is the first column's (for ``"combined"`` the ``"none"`` score, the
    probability of talk that fits no code). Ranking by the first score rather than by the
    combined p-value separated uncoded from coded talk better out of sample: over the 3,879
    segments of the 34 team-written interview sets, each scored by a model trained without it,
    AUROC 0.985 → 0.993 (off-framework talk alone 0.971 → 0.981; see
    ``benchmarks/results/novelty_ranking.md``).
    """
    if raw.ndim == 1:
        return raw, conformal_p_values(calibration, raw)
    cols = np.column_stack(
        [conformal_p_values(calibration[:, j], raw[:, j]) for j in range(raw.shape[1])]
    )
    p: np.ndarray = cols.max(axis=1)
    score: np.ndarray = raw[:, 0].astype(np.float64)
    return score, p


def _check_params(given: Any, known: dict[str, Any], what: str) -> dict[str, Any]:
    """``given`` completed with the defaults; TypeError for a key the estimator does not take."""
    if not isinstance(given, dict):
        raise TypeError(f"{what} parameters are not a mapping")
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise TypeError(f"unknown {what} parameter(s): {', '.join(map(str, unknown))}")
    return {**known, **given}


@dataclass
class CodePredictor:
    """A fitted :class:`~roqa_nlp.classifier.CodeClassifier`'s arrays, predicting without it.

    Attribute names follow the estimator's, so that either can be given where the other is read.
    """

    classes_: np.ndarray
    coef_: np.ndarray
    intercept_: np.ndarray
    prototypes_: np.ndarray
    temperature_: float
    valence_coef_: np.ndarray
    valence_intercept_: np.ndarray
    params: dict[str, Any] = field(default_factory=lambda: dict(CLASSIFIER_PARAMS))
    valence_classes_: np.ndarray = field(default_factory=lambda: np.asarray(VALENCES, dtype=object))

    @property
    def n_features_in_(self) -> int:
        return int(self.coef_.shape[1])

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], state: dict[str, Any]) -> CodePredictor:
        """From a model directory's classifier arrays and the card's ``classifier`` state
        (KeyError, TypeError or ValueError when they do not fit together)."""
        params = _check_params(state["params"], CLASSIFIER_PARAMS, "classifier")
        if params["method"] not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, got {params['method']!r}")
        out = cls(
            classes_=np.asarray(state["classes"], dtype=object),
            coef_=arrays["coef"].astype(np.float64),
            intercept_=arrays["intercept"].astype(np.float64),
            prototypes_=arrays["prototypes"].astype(np.float64),
            temperature_=float(arrays["temperature"][0]),
            valence_coef_=arrays["valence_coef"].astype(np.float64),
            valence_intercept_=arrays["valence_intercept"].astype(np.float64),
            params=params,
        )
        k, d = out.coef_.shape
        shapes = {
            "classes": (out.classes_.shape, (k,)),
            "intercept": (out.intercept_.shape, (k,)),
            "prototypes": (out.prototypes_.shape, (k, d)),
            "valence_coef": (out.valence_coef_.shape, (len(VALENCES), d)),
            "valence_intercept": (out.valence_intercept_.shape, (len(VALENCES),)),
        }
        for name, (shape, expected) in shapes.items():
            if shape != expected:
                raise ValueError(f"{name} has shape {shape}, expected {expected}")
        return out

    @classmethod
    def of(cls, classifier: Any) -> CodePredictor:
        """The arrays of a fitted CodeClassifier (shared, not copied)."""
        return cls(
            classes_=classifier.classes_,
            coef_=classifier.coef_,
            intercept_=classifier.intercept_,
            prototypes_=classifier.prototypes_,
            temperature_=float(classifier.temperature_),
            valence_coef_=classifier.valence_coef_,
            valence_intercept_=classifier.valence_intercept_,
            params=classifier.get_params(),
            valence_classes_=classifier.valence_classes_,
        )

    def _check(self, X: Any) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.n_features_in_:
            raise ValueError(f"X must have shape [n, {self.n_features_in_}]")
        return X

    def log_probabilities(self, X: Any) -> np.ndarray:
        """Uncalibrated log-probabilities of each class for embeddings ``X`` [n, d]."""
        return class_log_probabilities(
            self._check(X),
            method=self.params["method"],
            coef=self.coef_,
            intercept=self.intercept_,
            prototypes=self.prototypes_,
            prototype_scale=self.params["prototype_scale"],
        )

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated probabilities [n, n_classes]; columns follow ``classes_``."""
        return calibrated_probabilities(self.log_probabilities(X), self.temperature_)

    def predict_valence_proba(self, X: Any) -> np.ndarray:
        """Probabilities of barrier / enabler / neutral; columns follow ``valence_classes_``."""
        return valence_probabilities(self._check(X), self.valence_coef_, self.valence_intercept_)


@dataclass
class NoveltyScorer:
    """A fitted :class:`~roqa_nlp.novelty.NoveltyDetector`'s calibration, scoring without it."""

    predictor: CodePredictor
    calibration_scores_: np.ndarray
    reference_: np.ndarray
    params: dict[str, Any] = field(default_factory=lambda: dict(NOVELTY_PARAMS))

    @classmethod
    def from_arrays(
        cls,
        predictor: CodePredictor,
        calibration_scores: np.ndarray,
        reference: np.ndarray,
        params: dict[str, Any],
    ) -> NoveltyScorer:
        """From a model directory's novelty arrays and the card's ``novelty`` parameters
        (TypeError or ValueError when they are unusable)."""
        params = _check_params(params, NOVELTY_PARAMS, "novelty")
        if params["score"] not in SCORES:
            raise ValueError(f"score must be one of {SCORES}, got {params['score']!r}")
        return cls(
            predictor=predictor,
            calibration_scores_=np.sort(np.asarray(calibration_scores, dtype=np.float64), axis=0),
            reference_=np.asarray(reference, dtype=np.float32),
            params=params,
        )

    @classmethod
    def of(cls, detector: Any, predictor: CodePredictor) -> NoveltyScorer:
        """The calibration of a fitted NoveltyDetector, scoring with ``predictor``."""
        params = {k: v for k, v in detector.get_params(deep=False).items() if k != "classifier"}
        return cls(predictor, detector.calibration_scores_, detector.reference_, params)

    def score_samples_and_p_values(
        self, X: Any, P: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Novelty scores (higher = fits the codebook less) and conformal p-values of rows
        ``X``; ``P`` = the predictor's probabilities of ``X`` if already computed."""
        X = np.asarray(X, dtype=np.float64)
        score = self.params["score"]
        if P is None and score != "knn":
            P = self.predictor.predict_proba(X)
        # Only the knn score reads the reference embeddings, in float64.
        reference = self.reference_.astype(np.float64) if score == "knn" else self.reference_
        classes = [str(c) for c in self.predictor.classes_]
        raw = nonconformity_scores(score, X, P, classes, reference, int(self.params["k"]))
        return novelty_scores_and_p_values(self.calibration_scores_, raw)
