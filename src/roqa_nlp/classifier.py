"""CodeClassifier: suggests codes for segment embeddings, with calibrated probabilities and valence.

Follows scikit-learn's estimator contract (``check_estimator`` passes: see
``tests/test_sklearn_checks.py`` for the one check ``"prototype"`` and ``"hybrid"`` cannot pass):
hyper-parameters are stored as given in ``__init__``; everything learned ends in ``_`` and is set
by :meth:`fit`; inputs are checked as scikit-learn checks them; ``predict_proba`` columns follow
``classes_``. A target is one label (a code id, or any string or integer label) or a list of labels
(multi-label: each label of a k-label example is learned with weight 1/k). ``classes_`` holds the
labels seen in training, sorted. A ``None`` or empty-list target means :data:`NONE` (talk that
fits no code), which then is a class of its own rather than whatever is left of a flat
distribution; ``NONE`` is a class only when some target is ``None``, ``[]`` or ``"NONE"``.

Methods (chosen by measurement, see ``benchmarks/classifier_comparison.md``):

- ``"logreg"``: multinomial logistic regression on the L2-normalised embeddings;
- ``"prototype"``: cosine similarity to each class's mean embedding (its prototype), softmax;
- ``"hybrid"``: the mean of the two probability vectors.

Probabilities are calibrated by temperature scaling (Guo et al., 2017, "On Calibration of Modern
Neural Networks"): ``softmax(log p / T)`` with one temperature T, which keeps every ranking. T is
fitted on predictions for examples the model did not learn from, chosen to resemble what users
code (``benchmarks/results/classifier_comparison.md``, "Calibration for new settings"):

- real interview speech first: the records of ``calibration_group`` (default ``"seed-paper"``, the
  seed paper's published quotes) are held out, a model is fitted on all the others, and T minimises
  the log-loss of its top-1 confidence against "the top-1 code is one of the gold codes" (top-label
  calibration; Gupta & Ramdas, 2022, "Top-label calibration and multiclass-to-binary reductions",
  ICLR) — the number a suggestion shows and that ECE scores. Written exemplars are easier than
  real speech (held-out top-1 0.67 against 0.50-0.55), so a temperature fitted on them is
  over-confident on interviews;
- otherwise (no such group, fewer than :data:`MIN_CALIBRATION_RECORDS` coded records in it, or its
  top-1 codes all right or all wrong, where the loss has no minimum): T minimises the negative
  log-likelihood of out-of-fold predictions from grouped cross-validation, so examples from one
  source never calibrate themselves.

The valence head is a separate multinomial logistic regression over barrier / enabler / neutral,
trained on coded examples only.
"""

from __future__ import annotations

import numbers
import re
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import DataConversionWarning
from sklearn.linear_model import LogisticRegression
from sklearn.utils import assert_all_finite
from sklearn.utils.multiclass import check_classification_targets, type_of_target
from sklearn.utils.validation import check_is_fitted, validate_data

from .errors import RoqaValueError
from .prediction import (
    METHODS,
    NONE,
    OFF_FRAMEWORK,
    CodePredictor,
    calibrated_probabilities,
    class_log_probabilities,
    softmax,
    valence_probabilities,
)
from .schema import VALENCES

__all__ = [
    "METHODS",
    "MIN_CALIBRATION_RECORDS",
    "NONE",
    "CodeClassifier",
    "fit_held_out_temperature",
    "fit_temperature",
    "fit_top_label_temperature",
    "sklearn_targets",
]

#: scikit-learn's warning when there are more classes than half the samples.
_MANY_CLASSES = "The number of unique classes is greater than 50%"
#: Fewest coded records of ``calibration_group`` that fit a temperature of their own (the seed
#: paper gives 22); with fewer, one temperature would follow a handful of quotes.
MIN_CALIBRATION_RECORDS = 20


def _fit_labels(lr: LogisticRegression, X: np.ndarray, y: np.ndarray, **fit_params: Any) -> None:
    """``lr.fit`` on class labels without scikit-learn's "more classes than 50 % of samples"
    warning: a codebook has many codes and a small (feedback) set few examples of each, so its
    "looks like regression" guess does not apply."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_MANY_CLASSES)
        lr.fit(X, y, **fit_params)


def class_weights(lr: LogisticRegression) -> tuple[np.ndarray, np.ndarray]:
    """A fitted logistic regression's coefficients and intercepts, one row per class of
    ``lr.classes_`` (a binary one stores a single row: it becomes two symmetric logits)."""
    if len(lr.classes_) == 2:
        half_coef, half_icpt = lr.coef_[0] / 2, lr.intercept_[0] / 2
        return np.vstack([-half_coef, half_coef]), np.array([-half_icpt, half_icpt])
    return np.asarray(lr.coef_), np.asarray(lr.intercept_)


#: The valence head's solver tolerance (see ``_fit_valence``).
VALENCE_TOL = 1e-8


def _is_label(lab: Any) -> bool:
    """Whether ``lab`` is one label (a string, a number or a 0-d array), not a list of labels."""
    return isinstance(lab, (str, bytes, numbers.Number, np.generic)) or (
        isinstance(lab, np.ndarray) and lab.ndim == 0
    )


def _labels_of(lab: Any) -> list[Any]:
    """The labels of one target: a label (code id, string or number), a list (or set) of
    labels, or ``[]``/``None`` for NONE."""
    if lab is None:
        return [NONE]
    if _is_label(lab):
        return [lab.item() if isinstance(lab, np.ndarray) else lab]
    if isinstance(lab, (set, frozenset)):  # as sklearn_targets gives them: in a set order
        return sorted(lab, key=str) or [NONE]
    return list(lab) or [NONE]


def _target_list(y: Any) -> list[Any]:
    """The targets ``y`` as a list, one per example: a list or tuple as given; an array (or
    anything array-like, such as a pandas Series) by rows. A column vector [n, 1] is flattened
    with scikit-learn's DataConversionWarning; a 0/1 indicator matrix is refused (give each
    example its list of labels)."""
    if y is None:
        raise RoqaValueError("CodeClassifier requires y to be passed, but the target y is None")
    if isinstance(y, (str, bytes)):
        raise RoqaValueError("y must hold one target per row of X, not be a single string")
    if isinstance(y, (list, tuple)):
        return list(y)
    arr = np.asarray(y) if hasattr(y, "__array__") else None
    if arr is None or arr.ndim == 0:
        return list(y)
    if arr.ndim == 1:
        return list(arr)
    if arr.ndim == 2 and arr.shape[1] == 1:
        warnings.warn(
            "A column-vector y was passed when a 1d array was expected. Please change the "
            "shape of y to (n_samples,), for example using ravel().",
            DataConversionWarning,
            stacklevel=3,
        )
        return list(arr[:, 0])
    if arr.ndim == 2 and type_of_target(arr) == "multilabel-indicator":
        raise RoqaValueError(
            "y looks like a 0/1 label-indicator matrix: give each example the list of its labels"
        )
    if arr.ndim == 2:
        return [list(row) for row in arr]
    raise RoqaValueError(f"y must be 1-D (one target per example), got shape {arr.shape}")


def _encode_targets(targets: Sequence[Any]) -> tuple[np.ndarray, list[str], list[list[str]]]:
    """The classes of ``targets`` (sorted), their names (``str`` of each class, the names the
    fitting code works with) and each target as the list of its labels' names.

    All labels must be strings, or all numbers (integers, or floats with integer values: a
    continuous target is refused, as scikit-learn refuses it). A ``None`` or ``[]`` target is the
    string class NONE, so it cannot be mixed with numeric labels.
    """
    lists = [_labels_of(lab) for lab in targets]
    flat = [lb for labs in lists for lb in labs]
    numeric = [isinstance(lb, (numbers.Number, np.number, np.bool_)) for lb in flat]
    if any(numeric) and not all(numeric):
        raise RoqaValueError(
            "Mix of label input types (string and number): use string labels throughout, or "
            f"numbers throughout (a None or [] target is the string class {NONE!r})"
        )
    if not all(numeric):  # strings (anything else is named by its str)
        names_of = [[str(lb) for lb in labs] for labs in lists]
        names = sorted({n for labs in names_of for n in labs})
        return np.asarray(names, dtype=object), names, names_of
    values = np.asarray(flat)
    if values.dtype.kind == "c":
        raise RoqaValueError("Complex data not supported as labels")
    if values.dtype.kind == "f":
        assert_all_finite(values, input_name="y")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=_MANY_CLASSES)
        check_classification_targets(values)
    classes = np.unique(values)
    names = [str(c) for c in classes]
    index = np.searchsorted(classes, values).tolist()
    names_of, start = [], 0
    for labs in lists:
        names_of.append([names[j] for j in index[start : start + len(labs)]])
        start += len(labs)
    return classes, names, names_of


def sklearn_targets(y: Any) -> np.ndarray:
    """The targets ``y`` (as :meth:`CodeClassifier.fit` takes them) as scikit-learn's model
    selection can split them, to pass in their place (``cross_val_score(clf, X,
    sklearn_targets(y), cv=5)``); the estimator reads both alike.

    Given a number of folds, scikit-learn sorts ``y`` to choose a stratified splitter before the
    estimator sees it, which a ``None`` or ``[]`` target among strings breaks (TypeError) and a
    list target too (ValueError, "legacy multi-label data representation"). Here each ``None``
    or ``[]`` target is :data:`NONE` and, when every target is one label, the result is the 1-D
    array of the labels (folds stratified by them); when some target has several labels, each
    target is the frozenset of its labels in a 1-D object array (folds not stratified, as
    scikit-learn does not stratify multi-label targets; a set, as scikit-learn reads a tuple or
    list there as an old multi-label format and refuses it). Labels that
    :meth:`CodeClassifier.fit` refuses (strings mixed with numbers) are refused here with its
    message.
    """
    targets = _target_list(y)
    _encode_targets(targets)  # fit()'s checks of the labels
    lists = [_labels_of(t) for t in targets]
    if all(len(labs) == 1 for labs in lists):
        labels = [labs[0] for labs in lists]
        if any(isinstance(lb, (str, bytes)) for lb in labels):
            return np.asarray(labels, dtype=object)
        return np.asarray(labels)
    out = np.empty(len(lists), dtype=object)
    for i, labs in enumerate(lists):
        out[i] = frozenset(labs)
    return out


def _is_coded_target(labels: Sequence[str]) -> bool:
    """Whether a target (its labels' names) holds a code, not only off-framework classes."""
    return bool(set(labels) - set(OFF_FRAMEWORK) - {""})


def _expand(X: np.ndarray, y: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Turn multi-label targets into one row per (example, label) with weight 1/k."""
    rows: list[int] = []
    labels: list[str] = []
    weights: list[float] = []
    for i, lab in enumerate(y):
        labs = _labels_of(lab)
        for lb in labs:
            rows.append(i)
            labels.append(str(lb))
            weights.append(1.0 / len(labs))
    return X[rows], np.asarray(labels, dtype=object), np.asarray(weights)


def _log_temperature_search(loss: Any) -> float:
    """The temperature in [0.05, 20] minimising ``loss(log T)`` (golden-section search)."""
    g = (np.sqrt(5) - 1) / 2
    a, b = np.log(0.05), np.log(20.0)
    c, d = b - g * (b - a), a + g * (b - a)
    for _ in range(60):
        if loss(c) < loss(d):
            b = d
        else:
            a = c
        c, d = b - g * (b - a), a + g * (b - a)
    return float(np.exp((a + b) / 2))


def fit_temperature(logits: np.ndarray, y_idx: np.ndarray) -> float:
    """The temperature T minimising the NLL of ``softmax(logits / T)`` (golden-section search)."""

    def nll(log_t: float) -> float:
        p = softmax(logits / np.exp(log_t))
        return float(-np.mean(np.log(np.clip(p[np.arange(len(y_idx)), y_idx], 1e-12, None))))

    return _log_temperature_search(nll)


def _top_label_hits(
    logits: np.ndarray, gold: Sequence[Sequence[int]], columns: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's top-1 column among ``columns``, and 1.0 where it is one of the row's ``gold``
    columns (else 0.0)."""
    cols = np.asarray(columns, dtype=np.intp)
    top = cols[np.argmax(logits[:, cols], axis=1)]
    return top, np.asarray([float(t in set(g)) for t, g in zip(top.tolist(), gold)])


def fit_top_label_temperature(
    logits: np.ndarray, gold: Sequence[Sequence[int]], columns: Sequence[int]
) -> float:
    """The temperature T minimising the top-label log-loss of ``softmax(logits / T)``.

    For each row, the top-1 confidence ``p`` is the largest probability among ``columns`` (the
    codes, which suggestions rank) and ``c`` = 1 when that column is one of the row's ``gold``
    columns, else 0; the loss is ``-mean(c·log p + (1 - c)·log(1 - p))`` (Gupta & Ramdas, 2022,
    "Top-label calibration and multiclass-to-binary reductions", ICLR). The top-1 column does not
    depend on T, so only the confidence moves. Golden-section search over T in [0.05, 20].
    """
    rows = np.arange(len(logits))
    top, c = _top_label_hits(logits, gold, columns)

    def loss(log_t: float) -> float:
        p = np.clip(softmax(logits / np.exp(log_t))[rows, top], 1e-12, 1 - 1e-12)
        return float(-np.mean(c * np.log(p) + (1 - c) * np.log(1 - p)))

    return _log_temperature_search(loss)


def widen(log_scores: np.ndarray, seen: Sequence[str], classes: Sequence[str]) -> np.ndarray:
    """A fold model's log-scores over the classes it ``seen`` placed in the columns of
    ``classes``; a class it never saw gets log 1e-12."""
    out = np.full((len(log_scores), len(classes)), np.log(1e-12))
    out[:, [list(classes).index(c) for c in seen]] = log_scores
    return out


#: ``scores(train, test)``: log-scores of the ``test`` rows over the calibrated model's classes
#: (a class the fold's model never saw gets log 1e-12) from a model fitted on the ``train`` rows,
#: and the classes that model saw.
HeldOutScores = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, list[str]]]


def fit_held_out_temperature(
    scores: HeldOutScores,
    y: Sequence[Any],
    groups: Sequence[str] | None,
    classes: Sequence[str],
    *,
    calibration_group: str | None = "seed-paper",
    n_splits: int = 5,
    random_state: int = 0,
) -> float:
    """The temperature of a model's held-out log-scores (see the module docstring): top-label
    log-loss on the coded records of ``calibration_group`` held out when that group can give one,
    else the NLL of grouped out-of-fold predictions. ``scores`` fits and scores the model."""
    classes = [str(c) for c in classes]
    if groups is not None and calibration_group is not None:
        t = _group_temperature(scores, y, list(groups), classes, calibration_group)
        if t is not None:
            return t
    return _grouped_temperature(scores, y, groups, classes, n_splits, random_state)


def _group_temperature(
    scores: HeldOutScores, y: Sequence[Any], groups: list[str], classes: list[str], group: str
) -> float | None:
    """Top-label temperature of ``group`` held out, or None when it cannot give one (too few
    coded records, nothing else to learn from, top-1 all right or all wrong)."""
    held = np.asarray([g == group for g in groups])
    coded = [
        i for i in np.flatnonzero(held).tolist() if not set(_labels_of(y[i])) <= set(OFF_FRAMEWORK)
    ]
    if len(coded) < MIN_CALIBRATION_RECORDS or held.all():
        return None
    logits, _ = scores(np.flatnonzero(~held), np.asarray(coded, dtype=np.intp))
    gold = [[classes.index(c) for c in _labels_of(y[i])] for i in coded]
    cols = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    hits = _top_label_hits(logits, gold, cols)[1]
    if hits.min() == hits.max():  # all right or all wrong: the loss has no minimum
        return None
    return fit_top_label_temperature(logits, gold, cols)


def _grouped_temperature(
    scores: HeldOutScores,
    y: Sequence[Any],
    groups: Sequence[str] | None,
    classes: list[str],
    n_splits: int,
    random_state: int,
) -> float:
    """NLL temperature of out-of-fold predictions (GroupKFold over ``groups``, else KFold)."""
    from sklearn.model_selection import GroupKFold, KFold

    index = np.arange(len(y))
    n_groups = len(set(groups)) if groups is not None else 0
    if groups is not None and n_groups >= n_splits:
        splits = list(GroupKFold(n_splits=n_splits).split(index, groups=list(groups)))
    else:
        kf = KFold(n_splits=min(n_splits, len(y)), shuffle=True, random_state=random_state)
        splits = list(kf.split(index))
    logits: list[np.ndarray] = []
    targets: list[int] = []
    for tr, te in splits:
        lg, seen = scores(tr, te)
        rows, ye, _ = _expand(np.arange(len(te))[:, None], [y[i] for i in te])
        # A class the fold never saw cannot be calibrated on: leave those rows out.
        keep = np.isin(ye, seen)
        logits.append(lg[rows[keep, 0]])
        targets.extend(classes.index(c) for c in ye[keep])
    if not targets:  # no held-out row of a class its fold saw (a handful of records)
        return 1.0
    return fit_temperature(np.vstack(logits), np.asarray(targets, dtype=np.intp))


#: scikit-learn's error of rows of another length than those fitted on
_FEATURES_MISMATCH = re.compile(r"X has \d+ features?, but \w+ is expecting \d+ features?")


def rows_as_fitted(estimator: BaseEstimator, X: Any) -> np.ndarray:
    """``X`` read by the fitted ``estimator`` (scikit-learn's ``validate_data``); rows of
    another length than it was fitted on (another embedder's) a one-line
    :class:`~roqa_nlp.errors.RoqaValueError`, worded as scikit-learn words it (its own check
    matches that), not scikit-learn's plain ValueError."""
    try:
        out: np.ndarray = validate_data(estimator, X, dtype=np.float64, reset=False)
    except ValueError as e:
        if isinstance(e, RoqaValueError) or not _FEATURES_MISMATCH.match(str(e)):
            raise
        raise RoqaValueError(
            str(e),
            hint=f"give rows of {estimator.n_features_in_} numbers, as it was fitted on: the "
            "embeddings of the same embedder",
        ) from None
    return out


class CodeClassifier(ClassifierMixin, BaseEstimator):
    """Multi-class/multi-label code suggestions from embeddings, with a valence head.

    A scikit-learn classifier: ``fit(X, y)`` takes embeddings ``X`` [n, d] and one target per row,
    a label (a code id, or any string or integer label) or a list of labels (multi-label); a
    ``None`` or ``[]`` target means :data:`NONE`, in :meth:`fit` and :meth:`score` alike.
    ``classes_`` are the labels seen in training, sorted (NONE among them only when some target
    meant it); ``predict`` gives the most probable one, :meth:`predict_labels` every probable one.

    scikit-learn's model selection given a number of folds (``cross_val_score(clf, X, y, cv=5)``,
    ``GridSearchCV(..., cv=5)``) sorts ``y`` to stratify it before this estimator sees it, which
    a None or list target breaks: there pass :func:`sklearn_targets(y) <sklearn_targets>` for
    ``y`` (None as "NONE", lists as sets), or give a splitter (``cv=KFold(5)``), which takes
    ``y`` as it is.

    Parameters
    ----------
    method : "logreg" | "prototype" | "hybrid".
    C : inverse regularisation strength of the logistic regressions.
    valence_C : that of the valence head; None = ``C``. The packaged model uses 0.5 with C = 4
        (``benchmarks/results/valence_regularisation.md``).
    class_weight : weights of the code classes in the logistic regression: "balanced", None, or a
        dict {label: weight} (labels it leaves out weigh 1).
    prototype_scale : inverse temperature of the prototype softmax before calibration.
    calibrate : fit a temperature on held-out predictions (see the module docstring).
    calibration_group : the ``groups`` value of real interview speech whose held-out predictions
        fit the temperature by top-label log-loss (``"seed-paper"``: the seed paper's quotes, see
        ``training._group_of``); ``None``, or a group absent or too small, calibrates on grouped
        out-of-fold predictions of every record instead.
    n_splits : folds for the grouped calibration.
    random_state : seed for anything random.
    """

    def __init__(
        self,
        method: str = "logreg",
        *,
        C: float = 4.0,
        valence_C: float | None = None,
        class_weight: str | None = "balanced",
        prototype_scale: float = 20.0,
        calibrate: bool = True,
        calibration_group: str | None = "seed-paper",
        n_splits: int = 5,
        random_state: int = 0,
    ):
        self.method = method
        self.C = C
        self.valence_C = valence_C
        self.class_weight = class_weight
        self.prototype_scale = prototype_scale
        self.calibrate = calibrate
        self.calibration_group = calibration_group
        self.n_splits = n_splits
        self.random_state = random_state

    # -- fitting -------------------------------------------------------------------------------

    def fit(
        self,
        X: Any,
        y: Sequence[Any],
        *,
        valence: Sequence[str] | None = None,
        groups: Sequence[str] | None = None,
    ) -> CodeClassifier:
        """Learn from embeddings ``X`` [n, d] and targets ``y``, one per row: a label (a code id,
        a string, an integer), a list of labels, or ``[]``/``None``/``"NONE"`` for talk that fits
        no code. ``valence`` (barrier / enabler / neutral per row) trains the valence head on the
        coded rows; ``groups`` (each row's source) steer the calibration."""
        if self.method not in METHODS:
            raise RoqaValueError(f"method must be one of {METHODS}, got {self.method!r}")
        X = validate_data(self, X, dtype=np.float64)
        targets = _target_list(y)
        if len(targets) != len(X):
            raise RoqaValueError(f"X and y have different lengths ({len(X)} and {len(targets)})")
        if self.calibrate and len(X) < 2:
            raise RoqaValueError(
                f"calibration holds examples out, so it needs at least 2 samples; got {len(X)} "
                "sample (or pass calibrate=False)"
            )
        classes, names, labels = _encode_targets(targets)
        weights = self._class_weights_by_name(classes, names)
        self._fit_core(X, labels, names, weights)
        self.classes_ = classes
        self.temperature_ = 1.0
        if self.calibrate:
            self.temperature_ = self._fit_calibration(X, labels, groups, names, weights)
        self._fit_valence(X, labels, valence)
        return self

    def _class_weights_by_name(
        self, classes: np.ndarray, names: list[str]
    ) -> dict[str, float] | None:
        """A dict ``class_weight`` keyed by the classes' names (None for "balanced" or None)."""
        if not isinstance(self.class_weight, dict):
            if self.class_weight not in ("balanced", None):
                raise RoqaValueError(
                    f"class_weight must be 'balanced', None or a dict, got {self.class_weight!r}"
                )
            return None
        out: dict[str, float] = {}
        for label, weight in self.class_weight.items():
            hits = [n for c, n in zip(classes.tolist(), names) if c == label]
            if not hits:
                raise RoqaValueError(f"class_weight names {label!r}, which is not a class of y")
            out[hits[0]] = float(weight)
        return out

    def _fit_core(
        self,
        X: np.ndarray,
        y: list[Any],
        names: Sequence[str] | None = None,
        class_weight: dict[str, float] | None = None,
    ) -> None:
        """Fit the code model on string targets (labels' names): ``classes_`` become ``names``
        (default: the sorted names in ``y``). ``class_weight`` keyed by name overrides a dict
        ``self.class_weight``; names absent from ``y`` are ignored."""
        Xe, ye, we = _expand(X, y)
        if names is None:
            names = sorted(set(ye.tolist()))
        self.classes_ = np.asarray(names, dtype=object)
        idx = {c: i for i, c in enumerate(self.classes_)}
        yi = np.asarray([idx[c] for c in ye])
        k, d = len(self.classes_), X.shape[1]
        cw: Any = self.class_weight
        if isinstance(cw, dict):
            by_name = class_weight or {str(c): w for c, w in cw.items()}
            present = set(yi.tolist())
            cw = {idx[n]: w for n, w in by_name.items() if n in idx and idx[n] in present}
        if self.method in ("logreg", "hybrid") and len(set(yi.tolist())) > 1:
            lr = LogisticRegression(
                C=self.C,
                class_weight=cw,
                max_iter=2000,
                random_state=self.random_state,
            )
            _fit_labels(lr, Xe, yi, sample_weight=we)
            coef = np.zeros((k, d))
            icpt = np.zeros(k)
            coef[lr.classes_], icpt[lr.classes_] = class_weights(lr)
            self.coef_, self.intercept_ = coef, icpt
        else:
            self.coef_, self.intercept_ = np.zeros((k, d)), np.zeros(k)
        protos = np.zeros((k, d))
        np.add.at(protos, yi, Xe * we[:, None])
        norms = np.linalg.norm(protos, axis=1, keepdims=True)
        self.prototypes_ = protos / np.where(norms == 0, 1, norms)

    def _logits(self, X: np.ndarray) -> np.ndarray:
        """Uncalibrated log-probabilities of each class (:mod:`roqa_nlp.prediction`)."""
        return class_log_probabilities(
            X,
            method=self.method,
            coef=self.coef_,
            intercept=self.intercept_,
            prototypes=self.prototypes_,
            prototype_scale=self.prototype_scale,
        )

    def _fit_calibration(
        self,
        X: np.ndarray,
        y: list[list[str]],
        groups: Sequence[str] | None,
        classes: list[str],
        class_weight: dict[str, float] | None,
    ) -> float:
        """The temperature (module docstring) for targets ``y`` given as their labels' names."""

        def scores(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, list[str]]:
            sub = CodeClassifier(**{**self.get_params(), "calibrate": False})
            sub._fit_core(X[train], [y[i] for i in train], class_weight=class_weight)
            seen = [str(c) for c in sub.classes_]
            return widen(sub._logits(X[test]), seen, classes), seen

        return fit_held_out_temperature(
            scores,
            y,
            groups,
            classes,
            calibration_group=self.calibration_group,
            n_splits=self.n_splits,
            random_state=self.random_state,
        )

    def _fit_valence(
        self, X: np.ndarray, y: list[list[str]], valence: Sequence[str] | None
    ) -> None:
        """The valence head, on the coded rows of ``y`` (targets as their labels' names)."""
        if valence is not None and len(valence) != len(y):
            raise RoqaValueError(f"valence has {len(valence)} entries for {len(y)} examples")
        # coded records only: a segment whose every suggestion was rejected (REJECTED) has the
        # suggestion's valence, not a researcher's
        coded = [
            i
            for i, labs in enumerate(y)
            if valence is not None and _is_coded_target(labs) and valence[i] in VALENCES
        ]
        self.fit_valence(X[coded], [] if valence is None else [valence[i] for i in coded])

    def fit_valence(self, X: Any, valence: Sequence[str]) -> CodeClassifier:
        """(Re)fit the valence head alone on embeddings ``X`` [n, d] and their valences
        (barrier / enabler / neutral; rows with another value are skipped); with fewer than two
        valences among them the head is all zeros (every valence equally likely). A valence
        none of them has (a study coding barriers and enablers only) gets probability 0: its
        intercept is -inf."""
        X = np.asarray(X, dtype=np.float64)
        if len(valence) != len(X):
            raise RoqaValueError(f"valence has {len(valence)} entries for {len(X)} examples")
        self.valence_classes_ = np.asarray(VALENCES, dtype=object)
        k, d = len(VALENCES), self.n_features_in_
        self.valence_coef_, self.valence_intercept_ = np.zeros((k, d)), np.zeros(k)
        coded = [i for i, v in enumerate(valence) if v in VALENCES]
        vy = np.asarray([VALENCES.index(valence[i]) for i in coded], dtype=int)
        if len(set(vy.tolist())) < 2:
            return self
        # A tight tolerance: at scikit-learn's default (1e-4) the solver stopped early enough that
        # embeddings differing in their last bits (another CPU) moved coefficients by up to 0.24
        # and flipped 7 of 480 interview valences; at 1e-8 they move by about 2e-5.
        lr = LogisticRegression(
            C=self.C if self.valence_C is None else self.valence_C,
            class_weight="balanced",
            max_iter=5000,
            tol=VALENCE_TOL,
            random_state=self.random_state,
        )
        _fit_labels(lr, X[coded], vy)
        self.valence_coef_[lr.classes_], self.valence_intercept_[lr.classes_] = class_weights(lr)
        # not a share of the mass as a zero logit (a third of it at most): a barrier read at
        # 0.86, not 0.98, beside a neutral never trained (s76 api D5)
        self.valence_intercept_[np.setdiff1d(np.arange(k), lr.classes_)] = -np.inf
        return self

    # -- prediction ----------------------------------------------------------------------------

    def _check(self, X: Any) -> np.ndarray:
        """``X`` as the fitted classifier reads it; rows of another length than it was fitted
        on (another embedder's) a one-line :class:`~roqa_nlp.errors.RoqaValueError` saying so,
        as scikit-learn says it ("X has 5 features, but CodeClassifier is expecting 8 features
        as input", its own check matches that), not scikit-learn's plain ValueError (agreefix,
        session 83)."""
        check_is_fitted(self, "classes_")
        return rows_as_fitted(self, X)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated probabilities [n, n_classes]; columns follow ``classes_``."""
        X = self._check(X)
        return calibrated_probabilities(self._logits(X), self.temperature_)

    def score(self, X: Any, y: Any, sample_weight: Any = None) -> float:
        """Mean accuracy of :meth:`predict` on ``X`` against ``y``, targets read as :meth:`fit`
        reads them: a ``None`` or ``[]`` target is :data:`NONE`, and a prediction is right for
        a list target when it is one of its labels (``construct_top1`` of
        :mod:`roqa_nlp.evaluation`). scikit-learn's accuracy takes neither (it sorts the
        labels, which a None among strings breaks, and refuses lists), so each target is given
        to it as the label predicted when that is one of its labels, else its first label."""
        from sklearn.metrics import accuracy_score
        from sklearn.utils.validation import check_consistent_length

        targets = [_labels_of(t) for t in _target_list(y)]
        predicted = self.predict(X)
        check_consistent_length(targets, predicted)
        truth = [p if p in labs else labs[0] for labs, p in zip(targets, predicted.tolist())]
        return float(accuracy_score(truth, predicted, sample_weight=sample_weight))

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each row (an element of ``classes_``)."""
        P = self.predict_proba(X)  # before reading classes_: unfitted -> NotFittedError
        out: np.ndarray = self.classes_[np.argmax(P, axis=1)]
        return out

    def predict_labels(self, X: Any, *, threshold: float = 0.35) -> list[list[Any]]:
        """Multi-label prediction: every class whose probability reaches ``threshold``, most
        probable first (the top class always, unless it is an off-framework class, which is
        never returned). Labels are the elements of ``classes_`` as Python objects."""
        P = self.predict_proba(X)
        classes = self.classes_.tolist()
        out: list[list[Any]] = []
        for row in P:
            order = np.argsort(-row)
            keep = [j for j in order.tolist() if row[j] >= threshold]
            if order[0] not in keep:
                keep.insert(0, int(order[0]))
            out.append([classes[j] for j in keep if str(classes[j]) not in OFF_FRAMEWORK])
        return out

    def predict_valence_proba(self, X: Any) -> np.ndarray:
        """Probabilities of barrier / enabler / neutral; columns follow ``valence_classes_``."""
        X = self._check(X)
        return valence_probabilities(X, self.valence_coef_, self.valence_intercept_)

    def none_index(self) -> int | None:
        """The column of :data:`NONE` in ``classes_``, or None when it is not a class."""
        hits = [j for j, c in enumerate(self.classes_.tolist()) if c == NONE]
        return hits[0] if hits else None

    # -- persistence (arrays only, no pickle) --------------------------------------------------

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {
            "coef": self.coef_.astype(np.float32),
            "intercept": self.intercept_.astype(np.float32),
            "prototypes": self.prototypes_.astype(np.float32),
            "temperature": np.asarray([self.temperature_], dtype=np.float32),
            "valence_coef": self.valence_coef_.astype(np.float32),
            "valence_intercept": self.valence_intercept_.astype(np.float32),
        }

    def state(self) -> dict[str, Any]:
        """The JSON-able part of the fitted state (classes and parameters)."""
        return {"classes": [str(c) for c in self.classes_], "params": self.get_params()}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], state: dict[str, Any]) -> CodeClassifier:
        """The fitted classifier saved as ``to_arrays()`` + ``state()``."""
        return cls.from_predictor(CodePredictor.from_arrays(arrays, state))

    @classmethod
    def from_predictor(cls, predictor: CodePredictor) -> CodeClassifier:
        """The fitted estimator holding a :class:`~roqa_nlp.prediction.CodePredictor`'s arrays
        (for what prediction alone cannot do: refitting, scikit-learn tools)."""
        clf = cls(**predictor.params)
        clf.classes_ = predictor.classes_
        clf.coef_ = predictor.coef_
        clf.intercept_ = predictor.intercept_
        clf.prototypes_ = predictor.prototypes_
        clf.temperature_ = predictor.temperature_
        clf.valence_coef_ = predictor.valence_coef_
        clf.valence_intercept_ = predictor.valence_intercept_
        clf.valence_classes_ = predictor.valence_classes_
        clf.n_features_in_ = predictor.n_features_in_
        return clf
