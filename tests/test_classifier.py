"""Specification of CodeClassifier and fit_temperature on small synthetic embeddings."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from roqa_nlp.classifier import (
    MIN_CALIBRATION_RECORDS,
    NONE,
    CodeClassifier,
    fit_temperature,
    fit_top_label_temperature,
    sklearn_targets,
)
from roqa_nlp.errors import RoqaValueError

CODES = ("IC.A", "IS.B", "PR.C", NONE)


def clusters(seed: int, n: int = 10, dim: int = 8) -> tuple[np.ndarray, list[str]]:
    """``n`` unit vectors around each of four orthogonal directions, one per label in CODES."""
    rng = np.random.default_rng(seed)
    X = np.vstack([3 * np.eye(dim)[k] + rng.normal(0, 0.3, (n, dim)) for k in range(len(CODES))])
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    return X, [c for c in CODES for _ in range(n)]


@pytest.fixture(scope="module")
def data() -> tuple[np.ndarray, list[str]]:
    return clusters(0)


@pytest.fixture(scope="module")
def fitted(data: tuple[np.ndarray, list[str]]) -> CodeClassifier:
    X, y = data
    return CodeClassifier().fit(X, y)


def test_classes_are_the_sorted_labels_including_none(fitted: CodeClassifier) -> None:
    assert list(fitted.classes_) == ["IC.A", "IS.B", "NONE", "PR.C"]


def test_predict_proba_rows_sum_to_one(fitted: CodeClassifier, data) -> None:
    P = fitted.predict_proba(data[0])
    assert P.shape == (40, 4)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-12)


def test_predict_proba_columns_follow_classes(fitted: CodeClassifier) -> None:
    X_new, y_new = clusters(seed=1)
    P = fitted.predict_proba(X_new)
    assert [str(fitted.classes_[j]) for j in P.argmax(axis=1)] == y_new


def test_predict_returns_the_label_of_the_nearest_cluster(fitted: CodeClassifier) -> None:
    X_new, y_new = clusters(seed=2)
    assert fitted.predict(X_new).tolist() == y_new


def test_uncalibrated_logreg_equals_sklearn_logistic_regression(data) -> None:
    X, y = data
    ours = CodeClassifier("logreg", C=4.0, calibrate=False).fit(X, y)
    ref = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(X, y)
    assert list(ref.classes_) == list(ours.classes_)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-10)


def test_two_classes_give_the_binary_logistic_regression_probabilities(data) -> None:
    X, y = data[0][:20], data[1][:20]  # IC.A and IS.B only
    ours = CodeClassifier(calibrate=False).fit(X, y)
    ref = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000).fit(X, y)
    np.testing.assert_allclose(ours.predict_proba(X), ref.predict_proba(X), atol=1e-10)


@pytest.mark.parametrize("method", ["prototype", "hybrid"])
def test_other_methods_give_distributions_that_pick_the_right_cluster(method: str, data) -> None:
    X, y = data
    clf = CodeClassifier(method).fit(X, y)
    X_new, y_new = clusters(seed=3)
    P = clf.predict_proba(X_new)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-12)
    assert clf.predict(X_new).tolist() == y_new


def test_prototypes_are_unit_class_means(data) -> None:
    X, y = data
    clf = CodeClassifier("prototype", calibrate=False).fit(X, y)
    mean = X[:10].mean(axis=0)
    np.testing.assert_allclose(clf.prototypes_[0], mean / np.linalg.norm(mean), atol=1e-12)


def test_empty_and_none_labels_mean_the_none_class(data) -> None:
    X, y = data
    y2: list = list(y)
    y2[30], y2[31], y2[32] = [], None, NONE
    clf = CodeClassifier(calibrate=False).fit(X, y2)
    assert list(clf.classes_) == ["IC.A", "IS.B", "NONE", "PR.C"]
    assert clf.predict(X[30:33]).tolist() == [NONE, NONE, NONE]


def multi_label_data() -> tuple[np.ndarray, list]:
    X, y = clusters(0)
    rng = np.random.default_rng(5)
    mid = (np.eye(8)[0] + np.eye(8)[1]) / np.sqrt(2)
    both = mid + rng.normal(0, 0.05, (6, 8))
    both /= np.linalg.norm(both, axis=1, keepdims=True)
    return np.vstack([X, both]), [*y, *[["IC.A", "IS.B"]] * 6]


def test_multi_label_targets_add_no_combined_class() -> None:
    X, y = multi_label_data()
    clf = CodeClassifier(calibrate=False).fit(X, y)
    assert list(clf.classes_) == ["IC.A", "IS.B", "NONE", "PR.C"]


def test_few_examples_of_many_codes_fit_without_scikit_learn_warnings() -> None:
    """One example per code (as in a small feedback set): scikit-learn would warn that more
    than half the labels are unique, which is normal for code labels."""
    import warnings

    X, y = clusters(1, n=1)
    valence = ["barrier", "enabler", "barrier", ""]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clf = CodeClassifier(calibrate=False).fit(X, y, valence=valence)
    assert list(clf.classes_) == sorted(CODES)


def test_multi_label_example_gets_both_codes_from_predict_labels() -> None:
    X, y = multi_label_data()
    clf = CodeClassifier(calibrate=False).fit(X, y)
    mid = (np.eye(8)[0] + np.eye(8)[1]) / np.sqrt(2)
    assert clf.predict_labels(mid[None, :]) == [["IC.A", "IS.B"]]


def test_predict_labels_never_returns_none(fitted: CodeClassifier) -> None:
    X_new, _ = clusters(seed=4)
    labels = fitted.predict_labels(X_new[30:])  # the NONE cluster
    assert labels == [[]] * 10


def test_predict_labels_never_returns_an_off_framework_class() -> None:
    X, y = clusters(0)
    y = ["REJECTED" if c == NONE else c for c in y]
    clf = CodeClassifier().fit(X, y)
    X_new, _ = clusters(seed=4)
    assert clf.predict_labels(X_new[30:]) == [[]] * 10


def test_to_arrays_from_arrays_round_trip_keeps_probabilities(fitted: CodeClassifier) -> None:
    X_new, _ = clusters(seed=6)
    restored = CodeClassifier.from_arrays(fitted.to_arrays(), fitted.state())
    assert list(restored.classes_) == list(fitted.classes_)
    assert restored.get_params() == fitted.get_params()
    # Arrays are stored as float32: the first round trip rounds them once ...
    np.testing.assert_allclose(
        restored.predict_proba(X_new), fitted.predict_proba(X_new), atol=1e-6
    )
    # ... after which saving and loading again changes nothing.
    again = CodeClassifier.from_arrays(restored.to_arrays(), restored.state())
    assert np.array_equal(again.predict_proba(X_new), restored.predict_proba(X_new))
    assert np.array_equal(again.predict_valence_proba(X_new), restored.predict_valence_proba(X_new))


def test_to_arrays_holds_only_numeric_arrays(fitted: CodeClassifier) -> None:
    arrays = fitted.to_arrays()
    assert sorted(arrays) == [
        "coef",
        "intercept",
        "prototypes",
        "temperature",
        "valence_coef",
        "valence_intercept",
    ]
    assert {a.dtype for a in arrays.values()} == {np.dtype(np.float32)}


def test_get_params_returns_the_constructor_arguments() -> None:
    clf = CodeClassifier("hybrid", C=2.0, class_weight=None, n_splits=3, random_state=7)
    assert clf.get_params() == {
        "method": "hybrid",
        "C": 2.0,
        "valence_C": None,
        "class_weight": None,
        "prototype_scale": 20.0,
        "calibrate": True,
        "calibration_group": "seed-paper",
        "n_splits": 3,
        "random_state": 7,
    }


def test_clone_gives_an_unfitted_copy_with_the_same_params(fitted: CodeClassifier) -> None:
    copy = clone(fitted)
    assert copy.get_params() == fitted.get_params()
    assert not hasattr(copy, "classes_")


def test_set_params_changes_a_hyper_parameter() -> None:
    clf = CodeClassifier().set_params(method="prototype", C=0.5)
    assert (clf.method, clf.C) == ("prototype", 0.5)


def test_works_with_sklearn_cross_validation(data) -> None:
    X, y = data
    scores = cross_val_score(CodeClassifier(calibrate=False), X, y, cv=5)
    assert scores.tolist() == [1.0] * 5


def test_a_none_target_scores_as_none_does(data) -> None:
    """score() with a None (or []) target, documented as NONE, failed TypeError: '<' not
    supported between 'NoneType' and 'str' (s50 api tester): scikit-learn's accuracy sorts the
    labels. It is read as NONE, as fit() reads it."""
    X, y = data
    y_none = [None if c == NONE else c for c in y]
    y_none[-1] = []
    clf = CodeClassifier(calibrate=False).fit(X, y_none)
    assert clf.classes_.tolist() == sorted(CODES)
    assert clf.score(X, y_none) == clf.score(X, y) == 1.0
    wrong = ["IC.A"] * 10 + [None] * 30
    assert clf.score(X, wrong) == pytest.approx(20 / 40)


def test_a_none_target_works_with_sklearn_model_selection_given_a_splitter(data) -> None:
    """cross_val_score and GridSearchCV with an explicit splitter take None targets; with
    ``cv=5`` scikit-learn sorts y to stratify it before the estimator sees it, so those take
    "NONE" (or sklearn_targets(y), see below)."""
    from sklearn.model_selection import GridSearchCV, KFold

    X, y = data
    y_none = [None if c == NONE else c for c in y]
    folds = KFold(5, shuffle=True, random_state=0)
    scores = cross_val_score(CodeClassifier(calibrate=False), X, y_none, cv=folds)
    assert scores.tolist() == [1.0] * 5
    grid = GridSearchCV(CodeClassifier(calibrate=False), {"C": [0.5, 4.0]}, cv=folds)
    assert grid.fit(X, y_none).best_score_ == 1.0
    grid = GridSearchCV(CodeClassifier(calibrate=False), {"C": [0.5, 4.0]}, cv=5)
    assert grid.fit(X, y).best_score_ == 1.0


def test_a_multi_label_target_scores_a_prediction_among_its_labels(data) -> None:
    """score() with list targets, which fit() takes, failed ValueError ("legacy multi-label data
    representation") in scikit-learn's accuracy, so cross_val_score gave nan: a prediction is
    right when it is one of the target's labels (evaluation's construct_top1)."""
    X, y = data
    clf = CodeClassifier(calibrate=False).fit(X, y)
    targets = [["IS.B", "IC.A"]] * 10 + [["IC.A", "PR.C"]] * 10 + ["PR.C"] * 10 + [[]] * 10
    assert clf.score(X, targets) == 30 / 40
    weights = [1.0] * 10 + [3.0] * 10 + [1.0] * 20
    assert clf.score(X, targets, sample_weight=weights) == 30 / 60
    with pytest.raises(ValueError, match="inconsistent numbers of samples"):
        clf.score(X, targets[:-1])


def interleaved(data) -> tuple[np.ndarray, list]:
    """``data`` reordered so that every run of four rows holds one of each cluster: unshuffled
    folds of it each hold every code."""
    X, y = data
    order = np.arange(len(y)).reshape(len(CODES), -1).T.ravel()
    return X[order], [y[i] for i in order]


def test_sklearn_targets_let_a_number_of_folds_take_none_targets(data) -> None:
    """``cross_val_score(clf, X, y, cv=5)`` with a None target failed TypeError ('<' not
    supported between 'NoneType' and 'str') inside scikit-learn, which sorts y to choose a
    stratified splitter before the estimator sees it; sklearn_targets(y) reads None and [] as
    "NONE", so the folds are stratified and the scores those of "NONE"."""
    from sklearn.model_selection import GridSearchCV, StratifiedKFold, check_cv

    X, y = data
    y_none: list = [None if c == NONE else c for c in y]
    y_none[-1] = []
    targets = sklearn_targets(y_none)
    assert targets.tolist() == y
    assert isinstance(check_cv(5, targets, classifier=True), StratifiedKFold)
    scores = cross_val_score(CodeClassifier(calibrate=False), X, targets, cv=5)
    assert scores.tolist() == [1.0] * 5
    grid = GridSearchCV(CodeClassifier(calibrate=False), {"C": [0.5, 4.0]}, cv=5)
    assert grid.fit(X, targets).best_score_ == 1.0
    assert "sklearn_targets(y)" in (CodeClassifier.__doc__ or "")


def test_sklearn_targets_let_a_number_of_folds_take_multi_label_targets(data) -> None:
    """List targets failed in scikit-learn's type_of_target ("legacy multi-label data
    representation") before the estimator saw them; as sklearn_targets gives them (a frozenset
    per row) they are split unstratified, fitted and scored as lists."""
    X, y = interleaved(data)
    y_multi: list = [["IS.B", "IC.A"] if c == "IS.B" else None if c == NONE else c for c in y]
    targets = sklearn_targets(y_multi)
    assert targets.shape == (40,)
    assert targets[:4].tolist() == [{"IC.A"}, {"IS.B", "IC.A"}, {"PR.C"}, {NONE}]
    scores = cross_val_score(CodeClassifier(calibrate=False), X, targets, cv=2)
    assert scores.tolist() == [1.0, 1.0]


def test_sklearn_targets_keep_numeric_labels_and_refuse_a_mix() -> None:
    """Integer labels stay integers (stratified as fit() reads them); a None among them is the
    string class NONE, the mix fit() refuses, refused with fit()'s message."""
    assert sklearn_targets([1, 2, 2]).tolist() == [1, 2, 2]
    assert sklearn_targets([1, 2, 2]).dtype.kind == "i"
    with pytest.raises(ValueError, match="Mix of label input types"):
        sklearn_targets([1, 2, None])


def test_predict_before_fit_raises_not_fitted() -> None:
    with pytest.raises(NotFittedError):
        CodeClassifier().predict(np.zeros((1, 8)))


def test_wrong_number_of_features_is_a_value_error(fitted: CodeClassifier) -> None:
    """A one-line RoqaValueError (a ValueError, worded as scikit-learn words it, which its own
    check matches), not scikit-learn's plain ValueError (agreefix, session 83)."""
    for call in (fitted.predict_proba, fitted.predict):
        with pytest.raises(RoqaValueError) as e:
            call(np.zeros((2, 5)))
        assert isinstance(e.value, ValueError)
        assert str(e.value) == (
            "X has 5 features, but CodeClassifier is expecting 8 features as input (give rows "
            "of 8 numbers, as it was fitted on: the embeddings of the same embedder)"
        )


def test_unknown_method_is_a_value_error(data) -> None:
    with pytest.raises(ValueError, match="method must be one of"):
        CodeClassifier("svm").fit(*data)


def test_x_and_y_of_different_lengths_is_a_value_error(data) -> None:
    with pytest.raises(ValueError, match="different lengths"):
        CodeClassifier().fit(data[0], data[1][:-1])


def test_the_classifiers_own_errors_are_roqa_value_errors() -> None:
    """docs/python.md: every failure roqa_nlp reports is a RoqaError; still a ValueError, as
    scikit-learn's checks expect (api tester, session 83, D4: plain ValueError)."""
    X = np.eye(4)
    calls = [
        (lambda: CodeClassifier("nope").fit(X, ["a", "b", "a", "b"]), "method must be one of "
         "('logreg', 'prototype', 'hybrid'), got 'nope'"),
        (lambda: CodeClassifier().fit(X, ["a", "b"]), "X and y have different lengths (4 and 2)"),
        (lambda: CodeClassifier().fit(X[:1], ["a"]), "calibration holds examples out, so it "
         "needs at least 2 samples; got 1 sample (or pass calibrate=False)"),
    ]  # fmt: skip
    for call, message in calls:
        with pytest.raises(RoqaValueError) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert str(caught.value) == message


# -- temperature scaling ------------------------------------------------------------------------


def logits_at_temperature(t: float, seed: int, n: int = 4000, k: int = 5):
    """Logits z and labels drawn from softmax(z / t): the NLL-optimal temperature is ``t``."""
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 3, (n, k))
    p = np.exp(z / t)
    p /= p.sum(axis=1, keepdims=True)
    y = (p.cumsum(axis=1) > rng.random((n, 1))).argmax(axis=1)
    return z, y


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_temperature_recovers_the_temperature_the_labels_were_drawn_at(seed: int) -> None:
    z, y = logits_at_temperature(2.0, seed)
    # Over 100 seeds the estimate from n=4000 has a standard deviation of about 0.04.
    assert fit_temperature(z, y) == pytest.approx(2.0, abs=0.15)


def test_fit_temperature_is_one_for_already_calibrated_logits() -> None:
    z, y = logits_at_temperature(1.0, seed=0)
    assert fit_temperature(z, y) == pytest.approx(1.0, abs=0.08)


def test_calibrated_classifier_stores_the_fitted_temperature(data) -> None:
    X, y = data
    assert CodeClassifier(calibrate=False).fit(X, y).temperature_ == 1.0
    assert CodeClassifier(calibrate=True).fit(X, y).temperature_ != 1.0


def top_label_at_temperature(t: float, seed: int, n: int = 4000, k: int = 5):
    """Logits z and gold columns where the top-1 column is right with its probability under
    softmax(z / t) (else the gold is the next column): the top-label-optimal temperature is t."""
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 3, (n, k))
    p = np.exp(z / t)
    p /= p.sum(axis=1, keepdims=True)
    top = z.argmax(axis=1)
    right = rng.random(n) < p[np.arange(n), top]
    gold = [[int(j)] if r else [int((j + 1) % k)] for j, r in zip(top, right)]
    return z, gold


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fit_top_label_temperature_recovers_the_temperature_confidence_was_drawn_at(
    seed: int,
) -> None:
    z, gold = top_label_at_temperature(2.0, seed)
    assert fit_top_label_temperature(z, gold, range(5)) == pytest.approx(2.0, abs=0.25)


def test_fit_top_label_temperature_ranks_only_the_given_columns() -> None:
    # Column 2 (say NONE) is the largest in every row but is not a code: the top-1 code is
    # column 0, right in one row of four, so the fitted confidence of column 0 is 1/4.
    z = np.tile([2.0, 0.0, 3.0], (4, 1))
    t = fit_top_label_temperature(z, [[0], [1], [1], [1]], [0, 1])
    p = np.exp(z / t) / np.exp(z / t).sum(axis=1, keepdims=True)
    assert p[0, 0] == pytest.approx(0.25, abs=1e-6)


def with_seed_group(n_seed: int) -> tuple[np.ndarray, list, list[str]]:
    """The ``data`` clusters as five written groups plus ``n_seed`` noisier "seed-paper" records,
    every third of them labelled with the next code (so the model gets some of them wrong)."""
    X, y = clusters(0)
    rng = np.random.default_rng(5)
    codes = CODES[:3]
    Xs = np.vstack([3 * np.eye(8)[i % 3] + rng.normal(0, 1.2, 8) for i in range(n_seed)])
    Xs /= np.linalg.norm(Xs, axis=1, keepdims=True)
    ys = [codes[(i + (i % 3 == 0)) % 3] for i in range(n_seed)]
    groups = [f"written-{i % 5}" for i in range(len(y))] + ["seed-paper"] * n_seed
    return np.vstack([X, Xs]), [*y, *ys], groups


def test_the_calibration_group_is_held_out_and_fits_the_top_label_temperature() -> None:
    X, y, groups = with_seed_group(24)
    clf = CodeClassifier().fit(X, y, groups=groups)
    # By hand: a model that never saw the seed group, its log-probabilities on that group.
    written = CodeClassifier(calibrate=False).fit(X[:40], y[:40])
    log_p = np.log(written.predict_proba(X[40:]))
    classes = list(written.classes_)
    gold = [[classes.index(c)] for c in y[40:]]
    codes = [j for j, c in enumerate(classes) if c != NONE]
    expected = fit_top_label_temperature(log_p, gold, codes)
    assert list(clf.classes_) == classes
    assert clf.temperature_ == pytest.approx(expected, rel=1e-9)
    assert clf.temperature_ != pytest.approx(
        CodeClassifier(calibration_group=None).fit(X, y, groups=groups).temperature_, rel=1e-3
    )


def test_a_calibration_group_below_the_minimum_falls_back_to_grouped_cross_validation() -> None:
    X, y, groups = with_seed_group(MIN_CALIBRATION_RECORDS - 1)
    grouped = CodeClassifier(calibration_group=None).fit(X, y, groups=groups).temperature_
    assert CodeClassifier().fit(X, y, groups=groups).temperature_ == grouped


def test_a_calibration_group_the_model_gets_all_right_falls_back_to_grouped_cv() -> None:
    X, y, groups = with_seed_group(24)
    # The seed rows replaced by clean, correctly labelled points of the three code clusters.
    X = np.vstack([X[:40], np.tile(clusters(1, n=1)[0][:3], (8, 1))])
    y = [*y[:40], *["IC.A", "IS.B", "PR.C"] * 8]
    grouped = CodeClassifier(calibration_group=None).fit(X, y, groups=groups).temperature_
    assert CodeClassifier().fit(X, y, groups=groups).temperature_ == grouped


# -- valence head -------------------------------------------------------------------------------


def valence_data(seed: int, n: int = 12) -> tuple[np.ndarray, list[str], list[str]]:
    """Two codes; dimension 5 carries valence: +1 barrier, -1 enabler, 0 neutral."""
    rng = np.random.default_rng(seed)
    rows, codes, valences = [], [], []
    for k, code in enumerate(("IC.A", "IS.B")):
        for v, sign in (("barrier", 1.0), ("enabler", -1.0), ("neutral", 0.0)):
            x = 2 * np.eye(8)[k] + 1.5 * sign * np.eye(8)[5] + rng.normal(0, 0.15, (n, 8))
            rows.append(x)
            codes += [code] * n
            valences += [v] * n
    X = np.vstack(rows)
    return X / np.linalg.norm(X, axis=1, keepdims=True), codes, valences


def test_valence_head_predicts_valence_on_separable_data() -> None:
    X, y, v = valence_data(0)
    clf = CodeClassifier(calibrate=False).fit(X, y, valence=v)
    X_new, _, v_new = valence_data(1)
    V = clf.predict_valence_proba(X_new)
    assert list(clf.valence_classes_) == ["barrier", "enabler", "neutral"]
    np.testing.assert_allclose(V.sum(axis=1), 1.0, atol=1e-12)
    assert [str(clf.valence_classes_[j]) for j in V.argmax(axis=1)] == v_new


@pytest.mark.parametrize("uncoded", [NONE, "PROCEDURAL", "REJECTED"])
def test_valence_head_ignores_uncoded_examples(uncoded: str) -> None:
    X, y, v = valence_data(0)
    # Uncoded examples labelled "barrier" in the enabler region must not teach the head anything
    # (a segment whose every suggestion was rejected carries the suggestion's valence).
    y2 = [uncoded if val == "enabler" else c for c, val in zip(y, v)]
    v2 = ["barrier" if val == "enabler" else val for val in v]
    clf = CodeClassifier(calibrate=False).fit(X, y2, valence=v2)
    ref = CodeClassifier(calibrate=False).fit(
        X[[i for i, c in enumerate(y2) if c != uncoded]],
        [c for c in y2 if c != uncoded],
        valence=[val for c, val in zip(y2, v2) if c != uncoded],
    )
    np.testing.assert_allclose(clf.valence_coef_, ref.valence_coef_, atol=1e-10)


def test_the_valence_head_has_its_own_regularisation() -> None:
    """``valence_C`` regularises the valence head alone (None: the code classifier's C)."""
    X, y, v = valence_data(0)
    same = CodeClassifier(calibrate=False, C=4.0).fit(X, y, valence=v)
    explicit = CodeClassifier(calibrate=False, C=4.0, valence_C=4.0).fit(X, y, valence=v)
    strong = CodeClassifier(calibrate=False, C=4.0, valence_C=0.5).fit(X, y, valence=v)
    np.testing.assert_allclose(same.valence_coef_, explicit.valence_coef_, atol=1e-12)
    # the codes do not move; the valence weights shrink
    np.testing.assert_allclose(strong.coef_, same.coef_, atol=1e-12)
    assert np.linalg.norm(strong.valence_coef_) < 0.6 * np.linalg.norm(same.valence_coef_)
    assert strong.get_params()["valence_C"] == 0.5
    # a C change alone moves the head too, as before valence_C existed
    loose = CodeClassifier(calibrate=False, C=16.0).fit(X, y, valence=v)
    assert np.linalg.norm(loose.valence_coef_) > np.linalg.norm(same.valence_coef_)


def test_without_valence_labels_the_head_is_uniform(data) -> None:
    clf = CodeClassifier(calibrate=False).fit(*data)
    np.testing.assert_allclose(clf.predict_valence_proba(data[0][:3]), 1 / 3, atol=1e-12)


def test_a_valence_never_trained_gets_probability_zero() -> None:
    """s76 api D5: fitted on barriers and enablers only, the head kept a neutral column of zero
    weights, which took up to a third of the mass (a barrier read at 0.86, not 0.98). Now
    neutral is 0 and the two valences trained are the logistic regression's own probabilities;
    so too after saving (float32) and in the predictor alone."""
    import warnings

    from roqa_nlp.classifier import VALENCE_TOL
    from roqa_nlp.prediction import CodePredictor

    X, y, v = valence_data(0)
    two = [i for i, val in enumerate(v) if val != "neutral"]
    X2, y2, v2 = X[two], [y[i] for i in two], [v[i] for i in two]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clf = CodeClassifier(calibrate=False).fit(X2, y2, valence=v2)
        X_new, _, _ = valence_data(1)
        V = clf.predict_valence_proba(X_new)
        restored = CodeClassifier.from_arrays(clf.to_arrays(), clf.state())
        V_saved = restored.predict_valence_proba(X_new)
        V_predictor = CodePredictor.of(restored).predict_valence_proba(X_new)
    assert list(clf.valence_classes_) == ["barrier", "enabler", "neutral"]
    lr = LogisticRegression(
        C=clf.C,
        class_weight="balanced",
        max_iter=5000,
        tol=VALENCE_TOL,
        random_state=clf.random_state,
    ).fit(X2, [["barrier", "enabler"].index(val) for val in v2])
    np.testing.assert_allclose(V[:, :2], lr.predict_proba(X_new), atol=1e-12)
    assert V[:, 2].tolist() == [0.0] * len(X_new)
    assert V_saved[:, 2].tolist() == V_predictor[:, 2].tolist() == [0.0] * len(X_new)
    np.testing.assert_allclose(V_saved, V, atol=1e-5)
    # the barriers of the new rows are read as sure as the head is, not a third less
    barriers = [i for i, val in enumerate(valence_data(1)[2]) if val == "barrier"]
    assert V[barriers, 0].min() > 0.9


def test_fitting_few_examples_of_many_codes_raises_no_warning() -> None:
    """A feedback set or a small project codebook has more codes than half its examples:
    scikit-learn's "looks like a regression target" warning must not reach the researcher."""
    import warnings

    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 8))
    y = [f"C{i}" for i in range(40)] + [f"C{i}" for i in range(10)]
    valence = ["barrier", "enabler", "neutral"] * 16 + ["neutral"] * 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        clf = CodeClassifier(calibrate=False).fit(X, y, valence=valence)
    assert len(clf.classes_) == 40


# -- labels of any kind and scikit-learn's input checks (the estimator checks themselves are in
# -- tests/test_sklearn_checks.py) ---------------------------------------------------------------


def test_classes_are_the_labels_seen_and_none_only_when_a_target_means_it(data) -> None:
    X, y = data
    coded = [i for i, lab in enumerate(y) if lab != NONE]
    clf = CodeClassifier(calibrate=False).fit(X[coded], [y[i] for i in coded])
    assert list(clf.classes_) == ["IC.A", "IS.B", "PR.C"]
    assert clf.none_index() is None
    assert CodeClassifier(calibrate=False).fit(X, y).none_index() == 2


@pytest.mark.parametrize("calibrate", [False, True])
def test_integer_labels_give_integer_classes_and_predictions(data, calibrate: bool) -> None:
    X, y = data
    codes = {c: i for i, c in enumerate(CODES)}
    as_int = [codes[c] for c in y]
    clf = CodeClassifier(calibrate=calibrate).fit(X, np.asarray(as_int))
    assert clf.classes_.dtype.kind == "i"
    assert clf.classes_.tolist() == [0, 1, 2, 3]
    assert clf.predict(X).tolist() == as_int
    X_new, y_new = clusters(seed=2)
    assert clf.predict(X_new).tolist() == [codes[c] for c in y_new]


def test_integer_labels_predict_what_the_same_string_labels_predict(data) -> None:
    """Numbers sort as numbers (2 before 10), and the fit is the same fit as with strings."""
    X, y = data
    number = {"IC.A": 10, "IS.B": 2, "NONE": 33, "PR.C": 4}
    by_str = CodeClassifier().fit(X, y)
    by_int = CodeClassifier().fit(X, [number[c] for c in y])
    assert by_int.classes_.tolist() == [2, 4, 10, 33]
    order = [list(by_str.classes_).index(c) for c in ("IS.B", "PR.C", "IC.A", "NONE")]
    # the solver meets the classes in another order: equal up to its tolerance
    P_int, P_str = by_int.predict_proba(X), by_str.predict_proba(X)[:, order]
    np.testing.assert_allclose(P_int, P_str, rtol=1e-3, atol=1e-6)
    assert by_int.temperature_ == pytest.approx(by_str.temperature_, rel=1e-3)


def test_lists_of_integer_labels_are_multi_label(data) -> None:
    X, y = multi_label_data()
    codes = {c: i for i, c in enumerate(CODES)}
    as_int = [[codes[c] for c in lab] if isinstance(lab, list) else codes[lab] for lab in y]
    clf = CodeClassifier(calibrate=False).fit(X, as_int)
    assert clf.classes_.tolist() == [0, 1, 2, 3]
    mid = (np.eye(8)[0] + np.eye(8)[1]) / np.sqrt(2)
    assert sorted(clf.predict_labels(mid[None, :], threshold=0.3)[0]) == [0, 1]


def test_numpy_and_float_labels_are_labels(data) -> None:
    X, y = data
    assert CodeClassifier(calibrate=False).fit(X, np.asarray(y)).classes_.tolist() == sorted(CODES)
    as_float = [float(CODES.index(c)) for c in y]
    clf = CodeClassifier(calibrate=False).fit(X, as_float)
    assert clf.classes_.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert clf.predict(X).tolist() == as_float


def test_a_column_vector_y_is_flattened_with_scikit_learns_warning(data) -> None:
    from sklearn.exceptions import DataConversionWarning

    X, y = data
    with pytest.warns(DataConversionWarning, match="column-vector y"):
        clf = CodeClassifier(calibrate=False).fit(X, np.asarray(y)[:, None])
    assert clf.predict(X).tolist() == y


def test_one_class_fits_and_predicts_it(data) -> None:
    X, _ = data
    clf = CodeClassifier().fit(X, ["IC.A"] * len(X))
    assert clf.predict(X[:3]).tolist() == ["IC.A"] * 3
    np.testing.assert_allclose(clf.predict_proba(X[:3]), 1.0)


@pytest.mark.parametrize(
    ("y", "message"),
    [
        (np.linspace(0.1, 3.7, 40), "Unknown label type: continuous"),
        (np.full(40, np.nan), "Input y contains NaN"),
        (np.full(40, np.inf), "Input y contains infinity"),
        (["IC.A"] * 20 + [1] * 20, "Mix of label input types"),
        ([0] * 20 + [None] * 20, "Mix of label input types"),
        (np.eye(40, 3, dtype=int), "label-indicator matrix"),
        (None, "requires y to be passed"),
        ("IC.A", "not be a single string"),
    ],
)
def test_targets_that_are_no_class_labels_are_value_errors(data, y, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        CodeClassifier().fit(data[0], y)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_or_infinite_embeddings_are_value_errors(data, fitted: CodeClassifier, bad) -> None:
    X, y = data
    X = X.copy()
    X[3, 2] = bad
    with pytest.raises(ValueError, match="Input X contains"):
        CodeClassifier().fit(X, y)
    with pytest.raises(ValueError, match="Input X contains"):
        fitted.predict(X)


def test_empty_and_sparse_inputs_are_value_errors_or_type_errors(data) -> None:
    from scipy import sparse

    with pytest.raises(ValueError, match="0 sample"):
        CodeClassifier().fit(np.zeros((0, 8)), [])
    with pytest.raises(TypeError, match="[Ss]parse"):
        CodeClassifier().fit(sparse.csr_matrix(data[0]), data[1])


def test_calibrating_on_one_example_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="1 sample"):
        CodeClassifier().fit(np.ones((1, 8)), ["IC.A"])
    assert CodeClassifier(calibrate=False).fit(np.ones((1, 8)), ["IC.A"]).classes_ == ["IC.A"]


def test_a_class_weight_dict_is_keyed_by_label(data) -> None:
    X, y = data
    codes = {c: i for i, c in enumerate(CODES)}
    heavy = {"IC.A": 1000.0, "IS.B": 1e-4, "PR.C": 1e-4, NONE: 1e-4}
    by_str = CodeClassifier(class_weight=heavy, C=0.01, calibrate=False).fit(X, y)
    by_int = CodeClassifier(
        class_weight={codes[c]: w for c, w in heavy.items()}, C=0.01, calibrate=False
    ).fit(X, [codes[c] for c in y])
    order = [list(by_str.classes_).index(c) for c in CODES]  # the integers' order
    np.testing.assert_allclose(
        by_int.predict_proba(X), by_str.predict_proba(X)[:, order], rtol=1e-3, atol=1e-6
    )
    assert (by_str.predict(X) == "IC.A").mean() > 0.9
    with pytest.raises(ValueError, match="not a class of y"):
        CodeClassifier(class_weight={"XX": 2.0}).fit(X, y)


def test_a_training_set_too_small_to_calibrate_fits_without_calibrating() -> None:
    """Three rows of three classes: no held-out row is of a class its fold saw, so there is
    nothing to calibrate on; the classifier fits at temperature 1 (an internal IndexError
    stopped `roqa train` on a one-record folder)."""
    from roqa_nlp.classifier import CodeClassifier

    X = np.eye(3, 8, dtype=np.float32)
    clf = CodeClassifier().fit(X, ["IC.A", "IS.C", "PR.A"], valence=["barrier"] * 3)
    assert clf.temperature_ == 1.0
    assert clf.predict(X).tolist() == ["IC.A", "IS.C", "PR.A"]
