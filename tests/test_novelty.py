"""Specification of conformal p-values and the NoveltyDetector ("fits no code" flag)."""

from __future__ import annotations

import functools
import math

import numpy as np
import pytest
from sklearn.base import clone

from roqa_nlp.classifier import NONE, CodeClassifier
from roqa_nlp.errors import RoqaValueError
from roqa_nlp.novelty import NoveltyDetector, conformal_p_values

CODES = ("IC.A", "IS.B", "PR.C")
ALPHA = 0.1


# -- conformal p-values -------------------------------------------------------------------------


def test_p_value_counts_calibration_scores_at_or_above_the_score() -> None:
    cal = np.array([0.4, 0.1, 0.3, 0.2])
    p = conformal_p_values(cal, np.array([0.05, 0.2, 0.35, 0.5]))
    # (1 + #{cal >= s}) / (n + 1): 4, 3 (tie counts), 1 and 0 scores at or above.
    np.testing.assert_array_equal(p, [5 / 5, 4 / 5, 2 / 5, 1 / 5])


def test_p_value_with_empty_calibration_is_one() -> None:
    np.testing.assert_array_equal(conformal_p_values(np.zeros(0), np.array([0.3])), [1.0])


def conformal_flag_rates(draw, n_cal: int, n_test: int, seeds: int) -> np.ndarray:
    """Per-run share of test scores with p < ALPHA; calibration and test i.i.d. from ``draw``."""
    rates = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        p = conformal_p_values(draw(rng, n_cal), draw(rng, n_test))
        rates.append(np.mean(p < ALPHA))
    return np.asarray(rates)


def exact_flag_probability(n_cal: int) -> float:
    """P(p < alpha) for exchangeable continuous scores: p = k/(n+1) with k uniform on 1..n+1."""
    return (math.ceil(ALPHA * (n_cal + 1)) - 1) / (n_cal + 1)


def flag_rate_standard_error(n_cal: int, n_test: int, seeds: int) -> float:
    """SE of the mean flag rate over ``seeds`` runs.

    Given the calibration set, a test score is flagged with probability q ~ Beta(k, n + 1 - k)
    (k = the number of flaggable ranks); the run's rate is then Binomial(n_test, q) / n_test, so
    Var(rate) = Var(q) + E[q (1 - q)] / n_test.
    """
    k = math.ceil(ALPHA * (n_cal + 1)) - 1
    a, b = k, n_cal + 1 - k
    mean = a / (a + b)
    var_q = a * b / ((a + b) ** 2 * (a + b + 1))
    var = var_q + (mean * (1 - mean) - var_q) / n_test
    return math.sqrt(var / seeds)


DISTRIBUTIONS = {
    "normal": lambda rng, n: rng.normal(size=n),
    "exponential": lambda rng, n: rng.exponential(size=n),
    "uniform": lambda rng, n: rng.random(n),
}


@pytest.mark.parametrize("name", sorted(DISTRIBUTIONS))
def test_flag_rate_of_exchangeable_scores_averages_alpha(name: str) -> None:
    n_cal, n_test, seeds = 199, 100, 200
    rates = conformal_flag_rates(DISTRIBUTIONS[name], n_cal, n_test, seeds)
    expected = exact_flag_probability(n_cal)  # 19/200 = 0.095
    se = flag_rate_standard_error(n_cal, n_test, seeds)  # about 0.0025
    assert expected == pytest.approx(0.095)
    assert abs(rates.mean() - expected) < 4 * se
    assert abs(rates.mean() - ALPHA) <= 0.02
    assert rates.mean() <= ALPHA + 4 * se


def test_flag_rate_stays_below_alpha_with_tied_scores() -> None:
    # Scores on a 5-point scale tie often; counting ties as "at or above" keeps p conservative.
    draw = lambda rng, n: rng.integers(0, 5, size=n).astype(float)  # noqa: E731
    n_cal, n_test, seeds = 199, 100, 200
    rates = conformal_flag_rates(draw, n_cal, n_test, seeds)
    assert rates.mean() <= ALPHA + 4 * flag_rate_standard_error(n_cal, n_test, seeds)


@pytest.mark.parametrize("alpha", [0.05, 0.2])
def test_p_values_of_exchangeable_scores_are_uniform_on_the_grid(alpha: float) -> None:
    rng = np.random.default_rng(0)
    n_cal, runs = 39, 4000
    hits = [conformal_p_values(rng.normal(size=n_cal), rng.normal(size=1))[0] for _ in range(runs)]
    # P(p <= alpha) = floor(alpha (n + 1)) / (n + 1) exactly: 2/40 and 8/40 here.
    expected = math.floor(alpha * (n_cal + 1)) / (n_cal + 1)
    se = math.sqrt(expected * (1 - expected) / runs)
    assert np.mean(np.asarray(hits) <= alpha) == pytest.approx(expected, abs=4 * se)


# -- NoveltyDetector ----------------------------------------------------------------------------


def unit(X: np.ndarray) -> np.ndarray:
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def code_clusters(rng: np.random.Generator, n: int = 20) -> tuple[np.ndarray, list[str]]:
    """``n`` points around each of three orthogonal directions in 8-d, one per code."""
    X = np.vstack([3 * np.eye(8)[k] + rng.normal(0, 0.3, (n, 8)) for k in range(len(CODES))])
    return unit(X), [c for c in CODES for _ in range(n)]


def none_cluster(rng: np.random.Generator, n: int) -> np.ndarray:
    return unit(3 * np.eye(8)[4] + rng.normal(0, 0.3, (n, 8)))


def far_points(rng: np.random.Generator) -> np.ndarray:
    """Three points along directions no training example comes near."""
    return unit(np.eye(8)[5:8] + rng.normal(0, 0.1, (3, 8)))


@pytest.fixture(scope="module")
def detector() -> NoveltyDetector:
    rng = np.random.default_rng(0)
    X, y = code_clusters(rng)
    X = np.vstack([X, none_cluster(rng, 20)])
    y = [*y, *[NONE] * 20]
    return NoveltyDetector(CodeClassifier(calibrate=False), alpha=ALPHA, score="none").fit(X, y)


def detectors_of(*scores: str) -> dict[str, NoveltyDetector]:
    """Detectors with each of ``scores``, fitted on the same code and NONE clusters."""
    rng = np.random.default_rng(0)
    X, y = code_clusters(rng)
    X = np.vstack([X, none_cluster(rng, 20)])
    y = [*y, *[NONE] * 20]
    return {
        score: NoveltyDetector(CodeClassifier(calibrate=False), alpha=ALPHA, score=score).fit(X, y)
        for score in scores
    }


def test_combined_p_value_is_the_larger_of_the_none_and_max_prob_p_values() -> None:
    dets = detectors_of("combined", "none", "max_prob")
    Q = np.vstack([np.eye(8)[:3], none_cluster(np.random.default_rng(3), 3)])
    np.testing.assert_array_equal(
        dets["combined"].calibration_scores_[:, 0], dets["none"].calibration_scores_
    )
    np.testing.assert_array_equal(
        dets["combined"].calibration_scores_[:, 1], dets["max_prob"].calibration_scores_
    )
    expected = np.maximum(dets["none"].p_values(Q), dets["max_prob"].p_values(Q))
    np.testing.assert_array_equal(dets["combined"].p_values(Q), expected)
    assert NoveltyDetector().score == "combined"


def test_combined_ranks_by_the_none_score_and_flags_by_both_p_values() -> None:
    """The combined score is the probability of the no-code classes (what ranks uncoded talk
    best out of sample); a row the none score ranks as likely off-framework is still not flagged
    while a code fits it well."""
    dets = detectors_of("combined", "none")
    Q = np.vstack([np.eye(8)[:3], none_cluster(np.random.default_rng(3), 3)])
    np.testing.assert_array_equal(dets["combined"].score_samples(Q), dets["none"].score_samples(Q))
    assert dets["combined"].is_novel(Q).tolist() == [False] * 3 + [True] * 3


def test_calibration_scores_come_from_every_coded_example_once(detector: NoveltyDetector) -> None:
    assert len(detector.calibration_scores_) == 60  # the 20 NONE examples are not calibration
    assert np.all(np.diff(detector.calibration_scores_) >= 0)
    assert detector.reference_.shape == (60, 8)


def test_classifier_fitted_on_all_data_is_kept(detector: NoveltyDetector) -> None:
    assert list(detector.classifier_.classes_) == ["IC.A", "IS.B", "NONE", "PR.C"]
    assert not hasattr(detector.classifier, "classes_")  # the given estimator stays unfitted


def test_points_like_the_none_examples_are_flagged(detector: NoveltyDetector) -> None:
    X = none_cluster(np.random.default_rng(1), 10)
    assert detector.is_novel(X).tolist() == [True] * 10


def test_points_at_the_centre_of_a_code_are_not_flagged(detector: NoveltyDetector) -> None:
    assert detector.is_novel(np.eye(8)[:3]).tolist() == [False, False, False]


def test_predict_uses_minus_one_for_novel_and_one_for_fits_a_code(
    detector: NoveltyDetector,
) -> None:
    X = np.vstack([np.eye(8)[:2], none_cluster(np.random.default_rng(2), 2)])
    assert detector.predict(X).tolist() == [1, 1, -1, -1]


def test_p_values_match_conformal_p_values_of_the_scores(detector: NoveltyDetector) -> None:
    X = np.vstack([np.eye(8)[:3], none_cluster(np.random.default_rng(3), 3)])
    expected = conformal_p_values(detector.calibration_scores_, detector.score_samples(X))
    np.testing.assert_array_equal(detector.p_values(X), expected)


def test_none_score_is_the_probability_of_the_none_class(detector: NoveltyDetector) -> None:
    X = np.eye(8)[:4]
    P = detector.classifier_.predict_proba(X)
    np.testing.assert_allclose(detector.score_samples(X), P[:, 2], atol=1e-12)


@pytest.mark.parametrize("score", ["knn", "max_prob", "none"])
def test_points_far_from_every_code_are_flagged(score: str) -> None:
    flagged = []
    for seed in range(5):
        rng = np.random.default_rng(seed)
        X, y = code_clusters(rng)
        det = NoveltyDetector(CodeClassifier("prototype", calibrate=False), score=score)
        flagged += det.fit(X, y).is_novel(far_points(rng)).tolist()
    assert flagged == [True] * 15


@functools.cache
def in_cluster_flag_rates(method: str, score: str, seeds: int) -> np.ndarray:
    """Per-seed share of fresh in-cluster points flagged by a detector fitted on 60 coded points."""
    rates = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        X, y = code_clusters(rng)
        base = CodeClassifier(method, calibrate=False)
        det = NoveltyDetector(base, alpha=ALPHA, score=score).fit(X, y)
        X_new, _ = code_clusters(rng, n=30)
        rates.append(det.is_novel(X_new).mean())
    return np.asarray(rates)


def test_flags_about_alpha_of_held_out_in_cluster_points() -> None:
    # 60 calibration scores; per-run SD of the rate about 0.05, so the SE over 40 runs is ~0.008.
    rates = in_cluster_flag_rates("prototype", "max_prob", 40)
    assert rates.mean() == pytest.approx(ALPHA, abs=0.025)


@pytest.mark.parametrize("score", ["knn", "none"])
def test_never_flags_much_more_than_alpha_of_held_out_in_cluster_points(score: str) -> None:
    rates = in_cluster_flag_rates("logreg", score, 10)
    assert rates.mean() <= ALPHA + 0.025


@pytest.mark.xfail(
    strict=True,
    reason=(
        "cross-conformal calibration scores come from fold models fitted on 80% of the data, "
        "test scores from the sharper final model, so the logreg flag rate is about alpha/2 "
        "(0.05 at alpha=0.1): valid but conservative"
    ),
)
def test_logreg_flags_about_alpha_of_held_out_in_cluster_points() -> None:
    rates = in_cluster_flag_rates("logreg", "none", 10)
    assert rates.mean() == pytest.approx(ALPHA, abs=0.025)


@pytest.mark.parametrize("alpha", [0.0, 1.0, -0.1, 1.5])
def test_alpha_outside_zero_one_is_a_value_error(alpha: float) -> None:
    X, y = code_clusters(np.random.default_rng(0))
    with pytest.raises(ValueError, match="alpha must be between 0 and 1"):
        NoveltyDetector(CodeClassifier(calibrate=False), alpha=alpha).fit(X, y)


def test_unknown_score_is_a_value_error() -> None:
    X, y = code_clusters(np.random.default_rng(0))
    with pytest.raises(ValueError, match="score must be one of"):
        NoveltyDetector(CodeClassifier(calibrate=False), score="entropy").fit(X, y)


def test_clone_keeps_the_detector_parameters() -> None:
    det = NoveltyDetector(CodeClassifier("hybrid"), alpha=0.05, score="knn", k=3)
    copy = clone(det)
    assert copy.get_params(deep=False)["alpha"] == 0.05
    assert copy.get_params()["classifier__method"] == "hybrid"
    assert (copy.score, copy.k) == ("knn", 3)


def test_use_fitted_reproduces_the_fitted_detector(detector: NoveltyDetector) -> None:
    loaded = NoveltyDetector(CodeClassifier(calibrate=False), score="none").use_fitted(
        detector.classifier_, detector.calibration_scores_, detector.reference_
    )
    X = np.vstack([np.eye(8)[:3], none_cluster(np.random.default_rng(4), 3)])
    np.testing.assert_array_equal(loaded.p_values(X), detector.p_values(X))


def test_integer_labels_work_as_string_labels_do() -> None:
    rng = np.random.default_rng(0)
    X, y = code_clusters(rng)
    as_int = [CODES.index(c) for c in y]
    base = CodeClassifier(calibrate=False)
    by_str = NoveltyDetector(base, score="max_prob").fit(X, y)
    by_int = NoveltyDetector(base, score="max_prob").fit(X, np.asarray(as_int))
    assert by_int.classifier_.classes_.tolist() == [0, 1, 2]
    assert len(by_int.calibration_scores_) == len(X)  # every integer label is a code
    X_new = np.vstack([code_clusters(np.random.default_rng(1), n=3)[0], far_points(rng)])
    np.testing.assert_allclose(by_int.p_values(X_new), by_str.p_values(X_new))


def test_without_a_classifier_the_detector_uses_the_default_code_classifier() -> None:
    X, y = code_clusters(np.random.default_rng(0))
    det = NoveltyDetector().fit(X, y)
    assert isinstance(det.classifier_, CodeClassifier)
    assert det.classifier_.get_params() == CodeClassifier().get_params()
    assert det.classifier is None  # the parameter is kept as given


def test_the_detector_checks_its_inputs(detector: NoveltyDetector) -> None:
    from sklearn.exceptions import NotFittedError

    X, y = code_clusters(np.random.default_rng(0))
    with pytest.raises(NotFittedError):
        NoveltyDetector().predict(X)
    with pytest.raises(RoqaValueError) as e:  # one line, a ValueError (session 84)
        detector.predict(X[:, :5])
    assert str(e.value) == (
        "X has 5 features, but NoveltyDetector is expecting 8 features as input (give rows of 8 "
        "numbers, as it was fitted on: the embeddings of the same embedder)"
    )
    X_nan = X.copy()
    X_nan[0, 0] = np.nan
    with pytest.raises(ValueError, match="Input X contains NaN"):
        NoveltyDetector(CodeClassifier(calibrate=False)).fit(X_nan, y)
    with pytest.raises(ValueError, match="different lengths"):
        NoveltyDetector(CodeClassifier(calibrate=False)).fit(X, y[:-1])


def test_a_fold_whose_other_folds_hold_no_coded_example_is_left_out_of_calibration() -> None:
    """Every coded example in one of five groups: the fold that holds it out leaves models that
    know no code, which cannot score it (a numpy ValueError, s67 api tester); the calibration is
    what the other folds score."""
    rng = np.random.default_rng(0)
    X, y = code_clusters(rng, n=4)
    X = np.vstack([X, none_cluster(rng, 20)])
    y = [*y, *[NONE] * 20]
    groups = ["coded"] * 12 + [f"none-{i % 4}" for i in range(20)]
    det = NoveltyDetector(CodeClassifier(calibrate=False), alpha=ALPHA).fit(X, y, groups=groups)
    assert det.calibration_scores_.shape == (0,)
    assert list(det.classifier_.classes_) == ["IC.A", "IS.B", "NONE", "PR.C"]
