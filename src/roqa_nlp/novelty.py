"""NoveltyDetector: a calibrated "fits no code" flag for segments.

A segment is *novel* when its conformal p-value is below ``alpha``. The p-value compares the
segment's nonconformity score with the scores of held-out coded examples (cross-conformal
calibration: each fold's examples are scored by a classifier fitted without them):

    p(x) = (1 + #{i : s_i ≥ s(x)}) / (n + 1)

Under exchangeability a segment that does belong to a code gets p ≤ α with probability at most α
(Vovk, Gammerman & Shafer, 2005, *Algorithmic Learning in a Random World*; Angelopoulos & Bates,
2021, "A Gentle Introduction to Conformal Prediction"), so with ``alpha=0.1`` at most about 10 %
of coded segments are flagged. Scores (``score=``):

- ``"none"``: probability the classifier gives to the off-framework classes (NONE, PROCEDURAL
  and, after feedback, REJECTED);
- ``"max_prob"``: 1 − the largest code probability;
- ``"ratio"``: P(off-framework) / (P(off-framework) + the largest code probability): how the
  no-code explanation compares with the best code, whatever the spread over other codes;
- ``"knn"``: 1 − mean cosine similarity to the ``k`` nearest coded training examples;
- ``"combined"`` (default): the larger of the ``"none"`` and ``"max_prob"`` p-values, so a segment
  is flagged only when the no-code class is likely *and* no code fits well. The larger of two
  valid p-values is still valid (P(max(p₁, p₂) ≤ α) ≤ P(p₁ ≤ α) ≤ α), only more conservative.
  Measured on the dev set it kept the ranking quality of ``"none"`` (AUROC) while flagging far
  fewer coded segments from settings unlike the training data, which ``"none"`` alone over-flags.

``benchmarks/novelty.md`` compares them by measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, OutlierMixin, clone
from sklearn.utils.validation import check_is_fitted, validate_data

from .prediction import (
    OFF_FRAMEWORK,
    PROCEDURAL,
    SCORES,
    conformal_p_values,
    nonconformity_scores,
    novelty_scores_and_p_values,
)

__all__ = [
    "COMBINED",
    "OFF_FRAMEWORK",
    "PROCEDURAL",
    "SCORES",
    "NoveltyDetector",
    "conformal_p_values",
]

#: The two scores whose p-values ``"combined"`` takes the larger of.
COMBINED = ("none", "max_prob")


def never_flagged(n_calibration: int, alpha: float) -> str | None:
    """What ``roqa train`` warns when a detector calibrated on ``n_calibration`` coded records can
    flag no segment at ``alpha``: its smallest p-value, 1 / (n + 1), is not below α. A model
    trained on 3 records (docs/codebooks.md's example) calibrated on 4 and flagged 0 of 76
    segments, saying nothing (docs tester, session 58). None when it can flag."""
    if 1.0 / (n_calibration + 1) < alpha:
        return None
    needed = n_calibration + 1
    while 1.0 / (needed + 1) >= alpha:
        needed += 1
    return (
        f"novelty: only {n_calibration} coded example{'s' if n_calibration != 1 else ''} "
        f"(records and code descriptions) calibrate the model, so its smallest p-value, "
        f"1/{n_calibration + 1}, is not below alpha {alpha:g}: no segment can be flagged as "
        f"fitting no code; give {needed} coded examples or more"
    )


def _is_coded(label: Any) -> bool:
    """Whether a target (as :class:`~roqa_nlp.classifier.CodeClassifier` takes them) holds a
    code: a label that is not an off-framework class (a number always is one)."""
    from .classifier import _labels_of

    if isinstance(label, str) and label == "":
        return False
    return any(not isinstance(lb, str) or lb not in OFF_FRAMEWORK for lb in _labels_of(label))


class NoveltyDetector(OutlierMixin, BaseEstimator):
    """Cross-conformal "fits no code" detector on top of a :class:`CodeClassifier`.

    A scikit-learn estimator with outlier-detector output (``predict`` gives -1 / 1), but a
    supervised one: ``fit(X, y)`` needs the targets ``y`` the classifier learns codes from, and
    its hyper-parameter ``score`` (saved in every model card) is not a ``score`` method.
    ``tests/test_sklearn_checks.py`` lists the checks of ``check_estimator`` that these two
    choices fail; it passes the others.

    Parameters
    ----------
    classifier : an unfitted CodeClassifier (cloned per fold) used to score segments; None
        (default) means ``CodeClassifier()``.
    alpha : significance level: segments with p < alpha are flagged novel.
    score : nonconformity score, one of :data:`~roqa_nlp.prediction.SCORES`.
    k : neighbours for the ``"knn"`` score.
    n_splits : folds of the cross-conformal calibration.
    random_state : seed for the fold assignment when no groups are given.
    """

    def __init__(
        self,
        classifier: Any = None,
        *,
        alpha: float = 0.1,
        score: str = "combined",
        k: int = 5,
        n_splits: int = 5,
        random_state: int = 0,
    ):
        self.classifier = classifier
        self.alpha = alpha
        self.score = score
        self.k = k
        self.n_splits = n_splits
        self.random_state = random_state

    def _scores(self, clf: Any, ref: np.ndarray, X: np.ndarray) -> np.ndarray:
        """Nonconformity scores of ``X`` (:func:`roqa_nlp.prediction.nonconformity_scores`)."""
        if self.score not in SCORES:
            raise ValueError(f"score must be one of {SCORES}, got {self.score!r}")
        P = None if self.score == "knn" else clf.predict_proba(X)
        classes = [str(c) for c in clf.classes_]
        return nonconformity_scores(self.score, X, P, classes, ref, self.k)

    def fit(
        self,
        X: Any,
        y: Sequence[Any],
        *,
        groups: Sequence[str] | None = None,
        fit_kwargs: dict[str, Any] | None = None,
    ) -> NoveltyDetector:
        """Calibrate on training embeddings ``X`` with targets ``y`` (as the classifier takes
        them: a label, a list of labels, ``None``/``[]`` for NONE).

        Every fold fits a clone of ``classifier`` on the other folds and scores its own coded
        examples; the pooled scores are the calibration set. The classifier fitted on all data
        is kept as ``classifier_``.
        """
        from sklearn.model_selection import GroupKFold, KFold

        if self.score not in SCORES:
            raise ValueError(f"score must be one of {SCORES}, got {self.score!r}")
        if not 0 < self.alpha < 1:
            raise ValueError("alpha must be between 0 and 1")
        from .classifier import CodeClassifier, _target_list

        X = validate_data(self, X, dtype=np.float64)
        y = _target_list(y)
        if len(y) != len(X):
            raise ValueError(f"X and y have different lengths ({len(X)} and {len(y)})")
        base = CodeClassifier() if self.classifier is None else self.classifier
        fit_kwargs = dict(fit_kwargs or {})
        coded = np.array([_is_coded(lb) for lb in y])
        if groups is not None and len(set(groups)) >= self.n_splits:
            splits = GroupKFold(n_splits=self.n_splits).split(X, groups=list(groups))
        else:
            splits = KFold(self.n_splits, shuffle=True, random_state=self.random_state).split(X)
        self.classifier_ = clone(base).fit(X, y, **fit_kwargs)
        temperature = getattr(self.classifier_, "temperature_", None)
        cal: list[np.ndarray] = []
        for tr, te in splits:
            te = te[coded[te]]
            # a fold whose other folds hold no coded example (every one in one group) leaves
            # a model that knows no code, which cannot score them (s67 api tester)
            if len(te) == 0 or not coded[tr].any():
                continue
            sub = clone(base)
            if "calibrate" in sub.get_params():
                # Fold models only rank and score; one calibration of the final model suffices.
                sub.set_params(calibrate=False)
            # nor does a fold model need a valence head
            fold_kwargs = {k: v for k, v in fit_kwargs.items() if k != "valence"}
            sub.fit(X[tr], [y[i] for i in tr], **self._subset_kwargs(fold_kwargs, tr))
            if temperature is not None:
                # Score folds on the final model's probability scale.
                sub.temperature_ = temperature
            ref = X[tr][coded[tr]]
            cal.append(self._scores(sub, ref, X[te]))
        self.calibration_scores_ = np.sort(np.concatenate(cal), axis=0) if cal else np.zeros(0)
        self.reference_ = X[coded].astype(np.float32)
        return self

    @staticmethod
    def _subset_kwargs(kwargs: dict[str, Any], idx: np.ndarray) -> dict[str, Any]:
        return {k: (None if v is None else [v[i] for i in idx]) for k, v in kwargs.items()}

    def use_fitted(
        self, classifier: Any, calibration_scores: np.ndarray, reference: np.ndarray
    ) -> NoveltyDetector:
        """Attach an already fitted classifier and calibration (used when loading a model)."""
        self.classifier_ = classifier
        self.calibration_scores_ = np.sort(np.asarray(calibration_scores, dtype=np.float64), axis=0)
        self.reference_ = np.asarray(reference, dtype=np.float32)
        self.n_features_in_ = (
            self.reference_.shape[1] if self.reference_.size else classifier.n_features_in_
        )
        return self

    def _raw_scores(self, X: Any) -> np.ndarray:
        from .classifier import rows_as_fitted

        check_is_fitted(self, "calibration_scores_")
        X = rows_as_fitted(self, X)
        return self._scores(self.classifier_, self.reference_.astype(np.float64), X)

    def _scores_and_p(self, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Novelty scores and p-values from one set of raw nonconformity scores."""
        return novelty_scores_and_p_values(self.calibration_scores_, raw)

    def score_samples_and_p_values(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`score_samples` and :meth:`p_values` in one pass over the classifier."""
        return self._scores_and_p(self._raw_scores(X))

    def score_samples(self, X: Any) -> np.ndarray:
        """Novelty scores (higher = fits the codebook less).

        For a single score this is the nonconformity score itself; for ``"combined"`` it is the
        ``"none"`` score (the probability of talk that fits no code), which ranks uncoded talk
        above coded talk better than the combined p-value does; the flag still needs both
        p-values below ``alpha``.
        """
        return self.score_samples_and_p_values(X)[0]

    def p_values(self, X: Any) -> np.ndarray:
        """Conformal p-values: small = unlike the coded calibration examples."""
        return self.score_samples_and_p_values(X)[1]

    def predict(self, X: Any) -> np.ndarray:
        """-1 for novel (p < alpha), 1 for fits a code — scikit-learn's outlier convention."""
        return np.where(self.p_values(X) < self.alpha, -1, 1)

    def is_novel(self, X: Any) -> np.ndarray:
        """True where a row is novel (p < alpha): :meth:`predict` as booleans."""
        out: np.ndarray = self.p_values(X) < self.alpha
        return out
