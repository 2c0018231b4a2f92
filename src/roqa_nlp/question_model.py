"""Which codes an interviewer's question leads to: a model of the answer's codes from the question.

A researcher reads an answer in the light of the question it answers, and a topic guide asks
about one thing at a time: "What got in the way of the training?" is often answered with
Available Resources or Access to Knowledge & Information, whatever words the answer uses. The
question is already mixed into the answer's embedding (``context_weight``), which only moves the
answer towards the question's topic. This model learns from coded interview answers which codes
follow which questions: a logistic regression on the question's sentence embedding (balanced
classes, C = 2) trained on every coded training record that has a ``context`` (the question it
answers; in the packaged data, the team's interview segments). A code that fewer than
:data:`MIN_CODE_RECORDS` of them carry is left out: balanced weights would make each of its few
questions count as much as a common code's hundreds (the one Readiness for Implementation answer,
of five, that followed "Is there anything else you'd like to add?" gave that code 0.33 after
every closing question). The question says nothing about such a code, nor about one added
later: it gets the model's even share, ``1 / len(classes_)``. A researcher's decisions count
three times each when retraining (``roqa train --feedback``, default weight), so a new code is
learnt once seven decided segments read with a question carry it. At coding time, for a segment
read with its question, the code probabilities are multiplied by its probabilities to the power
``question_weight`` (1), within the codes: the mass of the off-framework and procedural classes
is kept, so novelty, small talk and procedural talk are judged as before; each code's valence
mix (:mod:`roqa_nlp.valence_prior`) reads the reweighed codes. Segments without a question are
unchanged. Measured out of sample on folds of the interview sets
(``benchmarks/question_model.py``, ``results/question_model.md``).

Training uses scikit-learn; the fitted model is stored as arrays and predicts with numpy alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

#: The logistic regression's inverse regularisation strength.
C = 2.0
#: Fewest coded records with a question, and fewest codes among them, to fit a model at all.
MIN_RECORDS = 20
MIN_CODES = 2
#: Fewest records with a question that carry a code for the model to learn that code.
MIN_CODE_RECORDS = 20


class QuestionModel:
    """A fitted model of the codes an answer carries from the question it answers:
    ``log_probabilities(Xq)`` over ``classes_`` for question embeddings ``Xq`` [n, d]."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: Sequence[str]) -> None:
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = [str(c) for c in classes]
        k = len(self.classes_)
        if self.coef_.ndim != 2 or self.coef_.shape[0] != k or self.intercept_.shape != (k,):
            raise ValueError("question model arrays and classes have different sizes")

    @classmethod
    def fit(cls, Xq: np.ndarray, codes: Sequence[Sequence[str]]) -> QuestionModel | None:
        """Fit on question embeddings ``Xq`` [n, d] and the codes of the answers (a record with
        two codes counts half for each, as the classifier counts it). Codes carried by fewer than
        :data:`MIN_CODE_RECORDS` records are left out (a record left without a code is not
        used); None when there are then fewer than :data:`MIN_RECORDS` coded records or
        :data:`MIN_CODES` codes to learn from."""
        from sklearn.linear_model import LogisticRegression

        from .classifier import VALENCE_TOL, _expand, _fit_labels, class_weights

        if len(codes) != len(Xq):
            raise ValueError(f"{len(codes)} code lists for {len(Xq)} questions")
        carried = Counter(c for cs in codes for c in dict.fromkeys(cs))
        codes = [[c for c in cs if carried[c] >= MIN_CODE_RECORDS] for cs in codes]
        keep = [i for i, cs in enumerate(codes) if cs]
        if len(keep) < MIN_RECORDS or len({c for i in keep for c in codes[i]}) < MIN_CODES:
            return None
        X, y, weights = _expand(
            np.asarray(Xq, dtype=np.float64)[keep], [list(codes[i]) for i in keep]
        )
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, tol=VALENCE_TOL)
        _fit_labels(lr, X, y, sample_weight=weights)
        coef, intercept = class_weights(lr)
        # stored as float32: round now so that a saved model predicts what this one does
        return cls(
            np.asarray(coef, dtype=np.float32),
            np.asarray(intercept, dtype=np.float32),
            [str(c) for c in lr.classes_],
        )

    def log_probabilities(self, Xq: np.ndarray) -> np.ndarray:
        """Log-probabilities [n, len(classes_)] of the codes an answer to each question carries."""
        from .prediction import softmax

        z = np.asarray(Xq, dtype=np.float64) @ self.coef_.T + self.intercept_
        out: np.ndarray = np.log(np.clip(softmax(z), 1e-300, None))
        return out

    def to_arrays(self) -> dict[str, np.ndarray]:
        # (AutoCoder.save writes every array in C order, whatever order it is given in)
        return {
            "coef": self.coef_.astype(np.float32),
            "intercept": self.intercept_.astype(np.float32),
        }

    def state(self) -> dict[str, Any]:
        return {"classes": self.classes_, "C": C}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], state: dict[str, Any]) -> QuestionModel:
        """From :meth:`to_arrays` + :meth:`state` (KeyError, TypeError or ValueError when they
        do not fit together)."""
        return cls(arrays["coef"], arrays["intercept"], list(state["classes"]))


def with_question(
    Q: np.ndarray,
    classes: Sequence[str],
    code_cols: Sequence[int],
    log_pq: np.ndarray,
    model_classes: Sequence[str],
    w: float,
) -> np.ndarray:
    """Code probabilities ``Q`` [n, len(classes)] of segments read with a question, times the
    question model's probabilities ``exp(log_pq)`` [n, len(model_classes)] to the power ``w``
    within the code columns ``code_cols``, which keep their total; the other columns (the
    off-framework and procedural classes) are unchanged. A code the question model does not know
    (too few records carried it, or it was added later) gets the even share ``1 /
    len(model_classes)``: the question says nothing about it."""
    from .prediction import softmax

    Q = np.asarray(Q, dtype=np.float64)
    if w <= 0 or not len(Q):
        return Q
    col = {c: j for j, c in enumerate(model_classes)}
    even = np.full(len(log_pq), -np.log(len(model_classes)))
    cols = list(code_cols)
    L = np.stack(
        [log_pq[:, col[str(classes[j])]] if str(classes[j]) in col else even for j in cols],
        axis=1,
    )
    mass = Q[:, cols].sum(axis=1, keepdims=True)
    out = Q.copy()
    out[:, cols] = mass * softmax(np.log(np.clip(Q[:, cols], 1e-300, None)) + w * L)
    return out
