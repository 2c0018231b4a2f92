"""Specification of roqa_nlp.agreement: published worked examples, cross-checks, properties.

Every numpy warning is an error here: degenerate input must give a documented answer, not a
RuntimeWarning.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.agreement import (
    LEVELS,
    ConfidenceInterval,
    bootstrap_ci,
    brennan_prediger,
    cohen_kappa,
    cohen_kappa_se,
    fleiss_kappa,
    fleiss_kappa_se0,
    gwet_ac1,
    gwet_ac1_se,
    gwet_ac2,
    gwet_ac2_se,
    krippendorff_alpha,
    krippendorff_label,
    landis_koch_label,
    normal_ci,
    percent_agreement,
    scott_pi,
    weight_matrix,
)
from roqa_nlp.errors import RoqaError
from worked_examples import KRIPPENDORFF_2011

pytestmark = pytest.mark.filterwarnings("error")

#: Krippendorff (2011) section A: two observers, binary data, ten units.
KRIPPENDORFF_2011_BINARY = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]

#: Fleiss (1971) Table 1: 30 patients, 6 psychiatrists each, 5 diagnoses (depression,
#: personality disorder, schizophrenia, neurosis, other); each row is one patient's 6 diagnoses
#: (the same data as R's irr::diagnoses).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5], [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4], [1, 1, 3, 3, 3, 3], [3, 3, 3, 3, 5, 5], [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4], [5, 5, 5, 5, 5, 5], [1, 4, 4, 4, 4, 4], [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3], [1, 4, 4, 4, 4, 4], [2, 2, 4, 4, 4, 5], [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5], [1, 1, 1, 1, 1, 2], [2, 2, 4, 4, 4, 4], [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5], [2, 4, 4, 4, 4, 4], [2, 2, 4, 5, 5, 5], [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5], [2, 2, 2, 2, 2, 4], [1, 1, 1, 1, 5, 5], [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3], [5, 5, 5, 5, 5, 5],
]  # fmt: skip


def fleiss_counts(rows: list[list[int]], q: int = 5) -> np.ndarray:
    return np.array([[row.count(k) for k in range(1, q + 1)] for row in rows])


def from_table(table: list[list[int]]) -> tuple[list[int], list[int]]:
    """Two label sequences whose cross-tabulation is ``table`` (rows: coder a)."""
    a: list[int] = []
    b: list[int] = []
    for i, row in enumerate(table):
        for j, n in enumerate(row):
            a += [i] * n
            b += [j] * n
    return a, b


#: Classic 2 x 2 example: 50 units, both say yes 20, a yes / b no 5, a no / b yes 10, both no 15.
YES_NO = from_table([[20, 5], [10, 15]])

#: SAS PROC FREQ AGREE output for this 3 x 3 table (kappa 0.4842, ASE 0.1380, ASE under H0
#: 0.1484; Cicchetti-Allison weighted kappa 0.4701, ASE 0.1457, ASE under H0 0.1426), as
#: reproduced in statsmodels' inter-rater tests.
SAS_TABLE = from_table([[0, 4, 1], [0, 8, 0], [0, 1, 5]])


# -- published worked examples -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_reliability_matrix_all_levels(level: str, expected: float) -> None:
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level=level), 3) == expected


def test_krippendorff_2011_binary_two_observers_is_0_095() -> None:
    # o_00 = 10, o_11 = 2, o_01 = o_10 = 4; n = 20, n_0 = 14, n_1 = 6:
    # alpha = 1 - (n - 1) o_01 / (n_0 n_1) = 1 - 19 * 4 / 84 = 8 / 84
    assert krippendorff_alpha(KRIPPENDORFF_2011_BINARY) == pytest.approx(8 / 84, abs=1e-15)
    assert round(krippendorff_alpha(KRIPPENDORFF_2011_BINARY), 3) == 0.095


def test_krippendorff_alpha_accepts_text_values() -> None:
    letters = [[None if v is None else "abcde"[v - 1] for v in row] for row in KRIPPENDORFF_2011]
    assert krippendorff_alpha(letters) == pytest.approx(krippendorff_alpha(KRIPPENDORFF_2011))


def test_ordinal_alpha_on_text_uses_the_given_category_order() -> None:
    words = ["never", "rarely", "sometimes", "often", "always"]
    data = [[None if v is None else words[v - 1] for v in row] for row in KRIPPENDORFF_2011]
    assert round(krippendorff_alpha(data, level="ordinal", categories=words), 3) == 0.815


def test_ordinal_alpha_on_text_without_an_order_is_refused() -> None:
    with pytest.raises(ValueError, match="categories="):
        krippendorff_alpha([["low", "high"], ["low", "low"]], level="ordinal")


def test_fleiss_1971_kappa_is_0_430() -> None:
    kappa = fleiss_kappa(fleiss_counts(FLEISS_1971))
    assert round(kappa, 3) == 0.430
    assert kappa == pytest.approx(0.4302445, abs=5e-8)  # R irr::kappam.fleiss(diagnoses)


def test_fleiss_1971_null_standard_error_gives_irr_z_statistic() -> None:
    # R irr::kappam.fleiss(diagnoses) prints z = 17.65183 (Fleiss, Nee & Landis 1979 variance).
    counts = fleiss_counts(FLEISS_1971)
    assert fleiss_kappa(counts) / fleiss_kappa_se0(counts) == pytest.approx(17.65183, abs=5e-6)


def test_cohen_kappa_classic_two_by_two_is_0_4() -> None:
    # p_o = (20 + 15) / 50 = 0.70; a says yes 25/50 = 0.5, b says yes 30/50 = 0.6;
    # p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50; kappa = (0.70 - 0.50) / (1 - 0.50) = 0.4
    assert cohen_kappa(*YES_NO) == pytest.approx(0.4, abs=1e-15)


def test_scott_pi_classic_two_by_two_is_13_over_33() -> None:
    # pooled yes = (0.5 + 0.6) / 2 = 0.55; p_e = 0.55^2 + 0.45^2 = 0.505;
    # pi = (0.70 - 0.505) / (1 - 0.505) = 0.195 / 0.495 = 13 / 33
    assert scott_pi(*YES_NO) == pytest.approx(13 / 33, abs=1e-15)


def test_gwet_ac1_classic_two_by_two_is_41_over_101() -> None:
    # pi_yes = 0.55; p_e = (1 / (q - 1)) sum pi (1 - pi) = 2 * 0.55 * 0.45 = 0.495;
    # AC1 = (0.70 - 0.495) / (1 - 0.495) = 0.205 / 0.505 = 41 / 101
    assert gwet_ac1(list(YES_NO)) == pytest.approx(41 / 101, abs=1e-15)


def test_brennan_prediger_classic_two_by_two_is_0_4() -> None:
    # p_e = 1 / q = 0.5; (0.70 - 0.5) / (1 - 0.5) = 0.4
    assert brennan_prediger(list(YES_NO)) == pytest.approx(0.4, abs=1e-15)


def test_percent_agreement_classic_two_by_two_is_0_7() -> None:
    assert percent_agreement(list(YES_NO)) == pytest.approx(0.7, abs=1e-15)


def test_cohen_kappa_and_standard_errors_match_sas_output() -> None:
    a, b = SAS_TABLE
    assert round(cohen_kappa(a, b), 4) == 0.4842
    assert round(cohen_kappa_se(a, b), 4) == 0.1380
    assert round(cohen_kappa_se(a, b, null=True), 4) == 0.1484


def test_weighted_kappa_and_standard_errors_match_sas_output() -> None:
    a, b = SAS_TABLE
    assert round(cohen_kappa(a, b, weights="linear"), 4) == 0.4701
    assert round(cohen_kappa_se(a, b, weights="linear"), 4) == 0.1457
    assert round(cohen_kappa_se(a, b, weights="linear", null=True), 4) == 0.1426


def test_gwet_ac1_on_krippendorff_data_matches_gwet_irrcac() -> None:
    # Gwet's irrCAC documentation, raw_4raters (= the Krippendorff 2011 matrix):
    # AC1 0.77544, se 0.14295, pa 0.81818, pe 0.19032.
    assert round(gwet_ac1(KRIPPENDORFF_2011), 5) == 0.77544
    assert round(gwet_ac1_se(KRIPPENDORFF_2011), 5) == 0.14295
    assert percent_agreement(KRIPPENDORFF_2011) == pytest.approx(9 / 11, abs=1e-15)


def test_brennan_prediger_on_krippendorff_data_by_hand() -> None:
    # p_a = 9 / 11 over the 11 units with two values; q = 5 so p_e = 1/5;
    # (9/11 - 1/5) / (4/5) = 17 / 22
    assert brennan_prediger(KRIPPENDORFF_2011) == pytest.approx(17 / 22, abs=1e-15)


def test_gwet_ac2_identity_weights_is_ac1() -> None:
    assert gwet_ac2(KRIPPENDORFF_2011, weights="identity") == pytest.approx(
        gwet_ac1(KRIPPENDORFF_2011), abs=1e-15
    )


def test_gwet_ac2_quadratic_on_two_by_two_by_hand() -> None:
    # Categories 0, 1, 2 with only 0 and 2 used: quadratic weights w(0,2) = 0, w(0,1) = 0.75.
    # Unit pairs (0,0), (2,2), (0,2), (2,2): p_a = (1 + 1 + 0 + 1) / 4 = 0.75.
    # pi = (3/8, 0, 5/8); T_w = 3 + 4 * 0.75 = 6; p_e = 6 / (3 * 2) * (15/64 + 15/64) = 15/32;
    # AC2 = (0.75 - 15/32) / (1 - 15/32) = 9/17
    data = [[0, 2, 0, 2], [0, 2, 2, 2]]
    assert gwet_ac2(data, weights="quadratic", categories=[0, 1, 2]) == pytest.approx(
        9 / 17, abs=1e-15
    )


def test_linear_weights_use_numeric_category_values() -> None:
    w = weight_matrix("linear", [1, 2, 5])
    assert w[0].tolist() == pytest.approx([1.0, 0.75, 0.0])


def test_linear_weights_use_positions_for_text_categories() -> None:
    w = weight_matrix("quadratic", ["low", "mid", "high"])
    assert w[0].tolist() == pytest.approx([1.0, 0.75, 0.0])


# -- cross-checks against scikit-learn and statsmodels --------------------------------------------


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
def test_cohen_kappa_matches_sklearn_on_random_data(weights: str | None) -> None:
    from sklearn.metrics import cohen_kappa_score

    rng = np.random.default_rng(7)
    for _ in range(50):
        q = int(rng.integers(2, 6))
        n = int(rng.integers(5, 60))
        a = rng.integers(0, q, n)
        b = np.where(rng.random(n) < 0.5, a, rng.integers(0, q, n))
        labels = list(range(q))
        expected = cohen_kappa_score(a, b, weights=weights, labels=labels)
        got = cohen_kappa(a.tolist(), b.tolist(), weights=weights, categories=labels)
        assert got == pytest.approx(expected, abs=1e-12)


def test_fleiss_kappa_matches_statsmodels_on_random_data() -> None:
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    rng = np.random.default_rng(11)
    for _ in range(50):
        q = int(rng.integers(2, 6))
        raters = int(rng.integers(2, 8))
        counts = rng.multinomial(raters, rng.dirichlet(np.ones(q)), size=int(rng.integers(3, 40)))
        assert fleiss_kappa(counts) == pytest.approx(sm_fleiss(counts), abs=1e-12)


def test_cohen_kappa_standard_error_matches_statsmodels() -> None:
    from statsmodels.stats.inter_rater import cohens_kappa as sm_cohen

    rng = np.random.default_rng(3)
    for _ in range(20):
        a = rng.integers(0, 3, 80)
        b = np.where(rng.random(80) < 0.6, a, rng.integers(0, 3, 80))
        table = np.histogram2d(a, b, bins=[np.arange(4) - 0.5] * 2)[0]
        res = sm_cohen(table)
        assert cohen_kappa_se(a.tolist(), b.tolist(), categories=[0, 1, 2]) == pytest.approx(
            res.std_kappa, abs=1e-12
        )
        assert cohen_kappa_se(
            a.tolist(), b.tolist(), categories=[0, 1, 2], null=True
        ) == pytest.approx(res.std_kappa0, abs=1e-12)


# -- standard errors against simulation ------------------------------------------------------------


def test_cohen_kappa_standard_error_matches_simulated_spread() -> None:
    rng = np.random.default_rng(1)
    probs = np.array([[0.35, 0.05, 0.02], [0.08, 0.25, 0.05], [0.02, 0.06, 0.12]]).ravel()
    n = 200
    kappas, ses = [], []
    for _ in range(800):
        cells = rng.choice(9, size=n, p=probs)
        a, b = cells // 3, cells % 3
        kappas.append(cohen_kappa(a, b, categories=[0, 1, 2]))
        ses.append(cohen_kappa_se(a, b, categories=[0, 1, 2]))
    assert np.mean(ses) == pytest.approx(np.std(kappas), rel=0.08)


def test_fleiss_null_standard_error_matches_simulated_spread_under_independence() -> None:
    rng = np.random.default_rng(2)
    p = np.array([0.5, 0.3, 0.2])
    samples = [rng.multinomial(4, p, size=100) for _ in range(800)]
    kappas = [fleiss_kappa(c) for c in samples]
    se0 = np.mean([fleiss_kappa_se0(c) for c in samples])
    assert se0 == pytest.approx(np.std(kappas), rel=0.08)


def test_gwet_ac1_standard_error_matches_simulated_spread() -> None:
    rng = np.random.default_rng(4)
    acs, ses = [], []
    for _ in range(600):
        truth = rng.choice(3, size=120, p=[0.6, 0.3, 0.1])
        data = np.array(
            [np.where(rng.random(120) < 0.7, truth, rng.integers(0, 3, 120)) for _ in range(3)],
            dtype=float,
        )
        data[rng.random(data.shape) < 0.1] = np.nan
        acs.append(gwet_ac1(data, categories=[0, 1, 2]))
        ses.append(gwet_ac1_se(data, categories=[0, 1, 2]))
    assert np.mean(ses) == pytest.approx(np.std(acs), rel=0.1)


def test_gwet_ac2_standard_error_with_identity_weights_is_ac1_standard_error() -> None:
    assert gwet_ac2_se(KRIPPENDORFF_2011, weights="identity") == pytest.approx(
        gwet_ac1_se(KRIPPENDORFF_2011), abs=1e-15
    )


# -- properties ------------------------------------------------------------------------------------

labels = st.integers(min_value=0, max_value=3)


@st.composite
def reliability_data(draw: st.DrawFn, min_coders: int = 2, missing: bool = True) -> list[list]:
    n_coders = draw(st.integers(min_coders, 4))
    n_units = draw(st.integers(2, 15))
    cell = st.one_of(st.none(), labels) if missing else labels
    return [[draw(cell) for _ in range(n_units)] for _ in range(n_coders)]


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(labels, labels), min_size=2, max_size=30))
def test_perfect_agreement_gives_one(pairs: list[tuple[int, int]]) -> None:
    a = [x for x, _ in pairs]
    if len(set(a)) < 2:
        return
    data = [a, list(a), list(a)]
    for value in (
        cohen_kappa(a, a),
        cohen_kappa(a, a, weights="quadratic"),
        scott_pi(a, a),
        krippendorff_alpha(data),
        krippendorff_alpha(data, level="interval"),
        gwet_ac1(data),
        gwet_ac2(data),
        brennan_prediger(data),
        percent_agreement(data),
        fleiss_kappa([[row.count(k) for k in range(4)] for row in zip(*data, strict=True)]),
    ):
        assert value == pytest.approx(1.0, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(reliability_data(), st.permutations(["w", "x", "y", "z"]))
def test_nominal_coefficients_are_invariant_to_relabelling(
    data: list[list], names: list[str]
) -> None:
    relabelled = [[None if v is None else names[v] for v in row] for row in data]
    assert same(krippendorff_alpha(data), krippendorff_alpha(relabelled))
    assert same(gwet_ac1(data), gwet_ac1(relabelled))
    assert same(percent_agreement(data), percent_agreement(relabelled))
    assert same(brennan_prediger(data), brennan_prediger(relabelled))
    assert same(cohen_kappa(data[0], data[1]), cohen_kappa(relabelled[0], relabelled[1]))
    assert same(scott_pi(data[0], data[1]), scott_pi(relabelled[0], relabelled[1]))


@settings(max_examples=60, deadline=None)
@given(reliability_data(), st.randoms(use_true_random=False))
def test_coefficients_are_invariant_to_unit_and_coder_order(data: list[list], rnd) -> None:
    units = list(range(len(data[0])))
    rnd.shuffle(units)
    coders = list(range(len(data)))
    rnd.shuffle(coders)
    shuffled = [[data[c][u] for u in units] for c in coders]
    for level in LEVELS:
        assert same(
            krippendorff_alpha(data, level=level), krippendorff_alpha(shuffled, level=level)
        )
    assert same(gwet_ac1(data), gwet_ac1(shuffled))
    assert same(gwet_ac2(data), gwet_ac2(shuffled))
    assert same(brennan_prediger(data), brennan_prediger(shuffled))
    assert same(percent_agreement(data), percent_agreement(shuffled))
    a, b = data[0], data[1]
    order = [(a[u], b[u]) for u in units]
    assert same(cohen_kappa(a, b), cohen_kappa([x for x, _ in order], [y for _, y in order]))
    assert same(cohen_kappa(a, b), cohen_kappa(b, a))


@settings(max_examples=80, deadline=None)
@given(reliability_data(min_coders=2, missing=False))
def test_two_coder_alpha_is_scott_pi_with_small_sample_correction(data: list[list]) -> None:
    # alpha = 1 - (1 - pi) (2n - 1) / (2n) for two coders, nominal data, no missing values
    # (n units): D_o = 1 - p_o and D_e = (1 - p_e) 2n / (2n - 1) with Scott's p_e.
    a, b = data[0], data[1]
    n = len(a)
    pi = scott_pi(a, b)
    alpha = krippendorff_alpha([a, b])
    if math.isnan(pi):
        assert math.isnan(alpha)
    else:
        assert alpha == pytest.approx(1 - (1 - pi) * (2 * n - 1) / (2 * n), abs=1e-12)


def test_alpha_scott_pi_identity_on_the_classic_example() -> None:
    # pi = 13/33, n = 50: 1 - (20/33)(99/100) = 1 - 0.6 = 0.4
    assert krippendorff_alpha(list(YES_NO)) == pytest.approx(0.4, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(reliability_data(min_coders=2, missing=False))
def test_fleiss_kappa_with_two_raters_is_scott_pi(data: list[list]) -> None:
    a, b = data[0], data[1]
    counts = [[(x == k) + (y == k) for k in range(4)] for x, y in zip(a, b, strict=True)]
    pi = scott_pi(a, b)
    if math.isnan(pi):
        assert math.isnan(fleiss_kappa(counts))
    else:
        assert fleiss_kappa(counts) == pytest.approx(pi, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(reliability_data(min_coders=2, missing=False))
def test_binary_alpha_is_the_same_at_every_level(data: list[list]) -> None:
    binary = [[v % 2 for v in row] for row in data]
    nominal = krippendorff_alpha(binary)
    assert same(krippendorff_alpha(binary, level="interval"), nominal)
    assert same(krippendorff_alpha(binary, level="ordinal"), nominal)


# -- degenerate inputs -----------------------------------------------------------------------------


def test_one_category_only_leaves_chance_corrected_coefficients_undefined() -> None:
    data = [["a", "a", "a"], ["a", "a", "a"]]
    assert math.isnan(cohen_kappa(*data))
    assert math.isnan(scott_pi(*data))
    assert math.isnan(krippendorff_alpha(data))
    assert math.isnan(fleiss_kappa([[2], [2], [2]]))
    assert math.isnan(brennan_prediger(data))
    assert percent_agreement(data) == 1.0


def test_one_category_only_gives_ac1_of_one() -> None:
    assert gwet_ac1([["a", "a", "a"], ["a", "a", "a"]]) == 1.0


def test_one_used_category_of_two_gives_brennan_prediger_of_one() -> None:
    assert brennan_prediger([["a", "a"], ["a", "a"]], categories=["a", "b"]) == 1.0


def test_all_missing_is_undefined_everywhere() -> None:
    data = [[None, None], [None, None]]
    assert math.isnan(krippendorff_alpha(data))
    assert math.isnan(gwet_ac1(data))
    assert math.isnan(gwet_ac1_se(data))
    assert math.isnan(brennan_prediger(data))
    assert math.isnan(percent_agreement(data))
    assert math.isnan(cohen_kappa(*data))
    assert math.isnan(cohen_kappa_se(*data))


def test_one_coder_is_undefined() -> None:
    data = [[1, 2, 3, 1]]
    assert math.isnan(krippendorff_alpha(data))
    assert math.isnan(gwet_ac1(data))
    assert math.isnan(percent_agreement(data))


NO_UNITS = (
    "no units to compare: the labels are empty (give one label per unit for each coder; "
    "a unit no coder labelled is None)"
)


@pytest.mark.parametrize(
    "call",
    [
        lambda: cohen_kappa([], []),
        lambda: cohen_kappa_se([], []),
        lambda: scott_pi([], []),
        lambda: percent_agreement([], []),
        lambda: krippendorff_alpha([]),
        lambda: krippendorff_alpha([[], []]),
        lambda: gwet_ac1(np.empty((2, 0))),
        lambda: brennan_prediger([[], []]),
    ],
)
def test_empty_data_is_an_error_not_a_silent_nan(call) -> None:
    """cohen_kappa([], []) and krippendorff_alpha([]) returned nan without a word: an empty
    list from Python is a filter that kept nothing. Units that are all missing stay nan (the
    test above): the coders did not code them, which is data."""
    with pytest.raises(ValueError) as exc:
        call()
    assert str(exc.value) == NO_UNITS


@pytest.mark.parametrize(("a", "b"), [("abc", "abd"), ("abc", ["a", "b", "d"]), (["a"], "a")])
def test_a_string_is_not_read_letter_by_letter(a, b) -> None:
    """cohen_kappa("abc", "abd") gave 0.571, each letter a unit."""
    with pytest.raises(ValueError) as exc:
        cohen_kappa(a, b)
    assert str(exc.value) == (
        "the labels are one str, not one label per unit: give a list of labels, "
        "e.g. ['barrier', 'enabler', 'neutral']"
    )


def test_unknown_weights_are_named_before_the_categories_are_asked_for() -> None:
    """weights='bogus' said 'weights on text values need categories=...'."""
    for cats in (None, ["a", "b"]):
        with pytest.raises(ValueError) as exc:
            cohen_kappa(["a", "b"], ["a", "a"], weights="bogus", categories=cats)  # type: ignore[arg-type]
        assert str(exc.value) == "unknown weights 'bogus': use one of identity, linear, quadratic"


def test_fleiss_kappa_refuses_unequal_numbers_of_ratings() -> None:
    with pytest.raises(ValueError, match="same number of ratings"):
        fleiss_kappa([[2, 1], [1, 1]])


def test_fleiss_kappa_refuses_a_single_rater() -> None:
    with pytest.raises(ValueError, match="at least two ratings"):
        fleiss_kappa([[1, 0], [0, 1]])


def test_cohen_kappa_refuses_sequences_of_different_length() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        cohen_kappa([1, 2], [1])


def test_ragged_reliability_data_is_refused() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        krippendorff_alpha([[1, 2], [1]])


def test_interval_alpha_refuses_text() -> None:
    with pytest.raises(ValueError, match="numeric"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], level="interval")


def test_ratio_alpha_refuses_negative_values() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        krippendorff_alpha([[-1, 1], [1, 1]], level="ratio")


def test_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([[1, 2], [1, 2]], level="metric")  # type: ignore[arg-type]


def test_value_outside_categories_is_refused() -> None:
    with pytest.raises(ValueError, match="not in categories"):
        gwet_ac1([["a", "b"], ["a", "c"]], categories=["a", "b"])


def test_missing_values_drop_out_of_cohen_kappa() -> None:
    a, b = YES_NO
    assert cohen_kappa([*a, None, 1], [*b, 0, float("nan")]) == pytest.approx(0.4, abs=1e-15)


def test_numpy_nan_marks_missing_in_arrays() -> None:
    arr = np.array([[np.nan if v is None else v for v in row] for row in KRIPPENDORFF_2011])
    assert round(krippendorff_alpha(arr), 3) == 0.743


# -- intervals and labels --------------------------------------------------------------------------


def test_bootstrap_ci_is_reproducible_for_a_seed() -> None:
    first = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=200, seed=5)
    again = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=200, seed=5)
    assert first == again


def test_bootstrap_ci_changes_with_the_seed() -> None:
    first = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=200, seed=5)
    other = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=200, seed=6)
    assert (first.low, first.high) != (other.low, other.high)


def test_bootstrap_ci_brackets_the_estimate_and_widens_with_level() -> None:
    data = [list(x) for x in YES_NO]
    narrow = bootstrap_ci(lambda d: cohen_kappa(d[0], d[1]), data, n_boot=400, level=0.80)
    wide = bootstrap_ci(lambda d: cohen_kappa(d[0], d[1]), data, n_boot=400, level=0.99)
    assert wide.low < narrow.low < 0.4 < narrow.high < wide.high


def _kappa_of(d: np.ndarray) -> float:
    return cohen_kappa(d[0], d[1])


def _withheld(ci: ConfidenceInterval) -> tuple[bool, bool, int, str | None]:
    return math.isnan(ci.low), math.isnan(ci.high), ci.n_valid, ci.withheld


def test_bootstrap_ci_leaves_out_undefined_resamples() -> None:
    """Ten units, one disagreement: 31 of 1000 resamples drew only 0s (kappa undefined)."""
    data = [[0, 0, 0, 0, 0, 0, 0, 0, 1, 1], [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]]
    ci = bootstrap_ci(_kappa_of, data, n_boot=1000, seed=0)
    assert (ci.low, ci.high, ci.n_valid, ci.withheld) == (0.0, 1.0, 969, None)


def test_bootstrap_ci_of_always_undefined_statistic_is_withheld() -> None:
    """Alpha of one category everywhere is undefined over the units themselves: that is the
    reason ("undefined", tested first), not their number or the resamples (session 38)."""
    ci = bootstrap_ci(krippendorff_alpha, [["a", "a"], ["a", "a"]], n_boot=50)
    assert _withheld(ci) == (True, True, 0, "undefined")


def test_bootstrap_ci_on_fewer_than_five_units_is_withheld() -> None:
    """Before, the interval was [1.0, 1.0] from 4 units, as if certain; ``roqa agree``
    withholds it (fewer than CI_MIN_UNITS units)."""
    data = [["a", "b", "b", "b"], ["a", "b", "b", "b"]]
    ci = bootstrap_ci(krippendorff_alpha, data, n_boot=300, seed=0)
    assert _withheld(ci) == (True, True, 194, "units")


def test_bootstrap_ci_of_perfect_agreement_is_withheld_as_zero_width() -> None:
    """Before, [1.0, 1.0]: no resample holds a disagreement the ten units lack."""
    codes = [0, 1] * 5
    ci = bootstrap_ci(_kappa_of, [codes, codes], n_boot=1000, seed=0)
    assert _withheld(ci) == (True, True, 1000, "zero_width")


def test_bootstrap_ci_over_too_few_defined_resamples_is_withheld() -> None:
    """A code on 1 of 20 units: kappa is defined only in the 661 of 1000 resamples that drew
    it (before, their 'interval' [1.0, 1.0] was returned)."""
    presence = [1] + [0] * 19
    ci = bootstrap_ci(_kappa_of, [presence, presence], n_boot=1000, seed=0)
    assert _withheld(ci) == (True, True, 661, "resamples")


def test_bootstrap_ci_counts_units_carrying_a_value_other_than_absent() -> None:
    """With ``absent=0`` (a presence matrix's "no code"), the 19 units no coder coded carry
    nothing, as ``roqa agree`` counts them: 1 unit carries the code."""
    presence = [1] + [0] * 19
    ci = bootstrap_ci(_kappa_of, [presence, presence], n_boot=1000, seed=0, absent=0)
    assert _withheld(ci) == (True, True, 661, "units")


def test_normal_ci_with_a_zero_standard_error_is_withheld() -> None:
    """Before, [1.0, 1.0]: kappa's variance is 0 at perfect agreement."""
    assert _withheld(normal_ci(1.0, 0.0)) == (True, True, 0, "standard_error")
    assert _withheld(normal_ci(0.5, math.nan)) == (True, True, 0, "standard_error")


def test_normal_ci_over_fewer_than_five_units_is_withheld() -> None:
    assert _withheld(normal_ci(0.5, 0.1, n_units=4)) == (True, True, 0, "units")
    ci = normal_ci(0.5, 0.1, n_units=5)
    assert (ci.low, ci.high, ci.withheld) == pytest.approx((0.3040036, 0.6959964, None))


def test_normal_ci_uses_the_normal_quantile() -> None:
    ci = normal_ci(0.5, 0.1, level=0.95)
    assert (ci.low, ci.high) == pytest.approx((0.5 - 0.1959964, 0.5 + 0.1959964), abs=1e-7)


def test_normal_ci_caps_the_upper_limit_at_one() -> None:
    assert normal_ci(0.9, 0.1).high == 1.0


def test_normal_ci_bounds_the_lower_limit_at_minus_one() -> None:
    """Kappa -0.6 with se 0.253 reached -1.096 before (tester, session 58)."""
    ci = normal_ci(-0.6, 0.253)
    assert (ci.low, ci.high) == pytest.approx((-1.0, -0.6 + 0.253 * 1.959964), abs=1e-6)
    assert normal_ci(-0.6, 0.253, lower=None).low == pytest.approx(-1.0958709, abs=1e-6)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (-0.01, "poor"),
        (0.0, "slight"),
        (0.20, "slight"),
        (0.21, "fair"),
        (0.40, "fair"),
        (0.41, "moderate"),
        (0.61, "substantial"),
        (0.80, "substantial"),
        (0.81, "almost perfect"),
        (1.0, "almost perfect"),
        (math.nan, "undefined"),
    ],
)
def test_landis_koch_bands(value: float, label: str) -> None:
    assert landis_koch_label(value) == label


@pytest.mark.parametrize(
    ("alpha", "label"),
    [
        (0.666, "unreliable"),
        (0.667, "tentative"),
        (0.799, "tentative"),
        (0.800, "reliable"),
        (math.nan, "undefined"),
    ],
)
def test_krippendorff_thresholds(alpha: float, label: str) -> None:
    assert krippendorff_label(alpha) == label


def test_percent_agreement_and_scott_pi_take_two_sequences_or_a_matrix() -> None:
    a, b = YES_NO
    assert percent_agreement(a, b) == percent_agreement([a, b]) == pytest.approx(0.7)
    assert scott_pi([a, b]) == scott_pi(a, b)


def test_scott_pi_refuses_three_coders() -> None:
    with pytest.raises(ValueError, match="two coders"):
        scott_pi([[1, 2], [1, 2], [2, 2]])


def test_confidence_interval_unpacks_as_low_and_high() -> None:
    low, high = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=100)
    ci = bootstrap_ci(krippendorff_alpha, KRIPPENDORFF_2011, n_boot=100)
    assert (low, high) == (ci.low, ci.high)
    assert ci.level == 0.95 and ci.method == "percentile bootstrap" and ci.n_valid == 100


def test_a_pandas_frame_is_read_as_coders_by_units() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(KRIPPENDORFF_2011, dtype=float)
    assert round(krippendorff_alpha(frame), 3) == 0.743


def test_pandas_missing_values_of_nullable_dtypes_are_missing() -> None:
    """pd.NA (nullable Int64, Float64 and string columns, as .convert_dtypes() makes them) and
    NaT are missing values, as NaN and None are. Before (code review s45) pd.NA was one more
    category: alpha 0.156 on the Int64 frame below, 0.444 (4/9) on the same data as float64."""
    pd = pytest.importorskip("pandas")
    plain = pd.DataFrame([[1, 2, 1, None, 2], [1, 2, 2, 1, None]])
    assert krippendorff_alpha(plain) == pytest.approx(4 / 9)
    assert krippendorff_alpha(plain.convert_dtypes()) == pytest.approx(4 / 9)
    frame = pd.DataFrame(KRIPPENDORFF_2011, dtype=float).convert_dtypes()
    assert round(krippendorff_alpha(frame), 3) == 0.743
    texts = pd.DataFrame([["a", "b", "a", None, "b"], ["a", "b", "b", "a", None]], dtype="string")
    assert krippendorff_alpha(texts) == pytest.approx(4 / 9)
    day, other = pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02")
    for missing in (pd.NaT, np.datetime64("NaT")):
        dated = [[day, other, day, missing, other], [day, other, other, day, missing]]
        assert krippendorff_alpha(dated) == pytest.approx(4 / 9)


def test_common_slips_in_giving_labels_are_plain_errors_or_just_work() -> None:
    """One coder's labels without the outer list read as many coders (alpha about -2e-16 for
    one-letter labels), generators failed on len(), ragged counts gave numpy's message
    (session 27)."""
    from roqa_nlp import agreement as A

    a = ["C", "K", "C", "H", "K", "C"]
    b = ["C", "K", "K", "H", "K", "C"]
    for slip in (a, [1, 2, 1, 1], "CKCHKC"):
        with pytest.raises(ValueError, match="one row .a list. per coder, one column per unit"):
            A.krippendorff_alpha(slip)
    assert A.cohen_kappa(iter(a), iter(b)) == A.cohen_kappa(a, b)
    for counts in ([[2, 0], [1, 1, 0]], [a, b]):
        with pytest.raises(ValueError, match="counts must be a table of numbers"):
            A.fleiss_kappa(counts)


# -- weights on text categories ---------------------------------------------------------------------

VALENCE_A = ["barrier", "barrier", "neutral", "enabler", "enabler", "neutral", "barrier", "enabler"]
VALENCE_B = ["barrier", "neutral", "neutral", "enabler", "neutral", "enabler", "barrier", "enabler"]
VALENCE_ORDER = ["barrier", "neutral", "enabler"]


@pytest.mark.parametrize(
    "statistic",
    [
        lambda **kw: cohen_kappa(VALENCE_A, VALENCE_B, **kw),
        lambda **kw: cohen_kappa_se(VALENCE_A, VALENCE_B, **kw),
        lambda **kw: gwet_ac2([VALENCE_A, VALENCE_B], **kw),
        lambda **kw: gwet_ac2_se([VALENCE_A, VALENCE_B], **kw),
        lambda **kw: brennan_prediger([VALENCE_A, VALENCE_B], **kw),
    ],
)
def test_weights_on_text_values_need_their_order(statistic) -> None:
    """Alphabetical order put neutral last (barrier, enabler, neutral): quadratic kappa 0.415
    here (0.060 in the researcher's data) instead of 8/11."""
    with pytest.raises(ValueError, match="weights on text values need categories= listing"):
        statistic(weights="quadratic")


def test_weighted_kappa_and_ac2_on_text_follow_the_order_given() -> None:
    """scikit-learn cohen_kappa_score(weights='quadratic', labels=order): 0.7272727 = 8/11;
    irrCAC CAC(weights='quadratic', categories=order).gwet(): AC2 0.72093, p_a 0.90625 = 29/32,
    p_e 0.66406 = 85/128, so (29/32 - 85/128) / (43/128) = 31/43."""
    kw = {"weights": "quadratic", "categories": VALENCE_ORDER}
    assert cohen_kappa(VALENCE_A, VALENCE_B, **kw) == pytest.approx(8 / 11)
    assert gwet_ac2([VALENCE_A, VALENCE_B], **kw) == pytest.approx(31 / 43)
    # unweighted needs no order
    assert cohen_kappa(VALENCE_A, VALENCE_B) == cohen_kappa(
        VALENCE_A, VALENCE_B, categories=VALENCE_ORDER
    )


def test_labels_mixing_numbers_and_text_are_a_clear_error() -> None:
    """ "1" and 1 would be two categories: alpha -0.154 for two coders who agree on every unit
    (session 38). Every statistic refuses the mix, naming a number and a text label."""
    data = [["1", "2", "1"], [1, 2, 1]]
    message = (
        "the labels mix numbers and text (1 and '1'), which would be different categories: "
        "give every label as a number, or every label as text"
    )
    for statistic in (krippendorff_alpha, percent_agreement, gwet_ac1):
        with pytest.raises(ValueError) as e:
            statistic(data)
        assert str(e.value) == message
    with pytest.raises(ValueError) as e:
        cohen_kappa(["1", "2", "1"], [1, 2, 1])
    assert str(e.value) == message


def test_the_reliability_data_coefficients_take_two_coders_labels_like_cohen_kappa() -> None:
    a = [1, 1, 0, 0, 1, 0, 1, 1, 0, 1]
    b = [1, 0, 0, 0, 1, 1, 1, 1, 0, 1]
    assert krippendorff_alpha(a, b) == krippendorff_alpha([a, b]) == pytest.approx(29 / 48)
    assert gwet_ac1(a, b) == gwet_ac1([a, b]) == pytest.approx(8 / 13)
    assert brennan_prediger(a, b) == brennan_prediger([a, b]) == pytest.approx(0.6)
    assert gwet_ac2(a, b, weights="identity") == pytest.approx(8 / 13)
    assert gwet_ac1_se(a, b) == gwet_ac1_se([a, b])
    assert gwet_ac2_se(a, b) == gwet_ac2_se([a, b])
    with pytest.raises(ValueError, match="differ in length"):
        gwet_ac1(a, b[:9])


def test_fleiss_kappa_of_two_coders_labels_points_to_scott_pi() -> None:
    with pytest.raises(TypeError) as caught:
        fleiss_kappa([1, 0, 1], [1, 1, 1])
    assert str(caught.value) == (
        "fleiss_kappa() takes one subjects x categories counts matrix, not coders' labels: for "
        "two coders' labels use scott_pi(a, b) (equal to Fleiss' kappa for two) or "
        "krippendorff_alpha(a, b)"
    )


@pytest.mark.parametrize(
    ("call", "kind"),
    [
        (lambda: cohen_kappa(["a", "b"], ["a"]), ValueError),
        (lambda: cohen_kappa(["a", "b"], ["a", "b"], weights="cubic"), ValueError),
        (lambda: krippendorff_alpha([["a", "b"], ["a", "b"]], level="nominl"), ValueError),
        (lambda: fleiss_kappa([[1, 1]], [[2, 0]]), TypeError),
    ],
)
def test_a_malformed_input_is_a_roqa_error_of_the_documented_kind(call, kind: type) -> None:
    # s47 tester: plain ValueError, so `except RoqaError` (docs/python.md) missed it
    with pytest.raises(RoqaError) as caught:
        call()
    assert isinstance(caught.value, kind)


# -- exact values (api tester, session 76, D7) ---------------------------------------------------


def test_perfect_agreement_is_exactly_one() -> None:
    """Computed over proportions, cohen_kappa(a, a) and scott_pi(a, a) were 0.9999999999999997
    (so ``== 1.0`` was False); over counts the one division is the only rounding."""
    a = ["x", "y", "z", "y", "x", "x", "z"]
    assert cohen_kappa(a, a) == 1.0
    assert cohen_kappa(a, a, weights="linear", categories=["x", "y", "z"]) == 1.0
    assert cohen_kappa(a, a, weights="quadratic", categories=["x", "y", "z"]) == 1.0
    assert scott_pi(a, a) == 1.0
    counts = [[3, 0, 0], [0, 3, 0], [0, 0, 3], [0, 3, 0], [3, 0, 0]]
    assert fleiss_kappa(counts) == 1.0
    assert krippendorff_alpha([a, a, a]) == 1.0
    assert gwet_ac1([a, a, a]) == 1.0
    assert brennan_prediger([a, a]) == 1.0


def test_the_classic_two_by_two_gives_the_exact_fractions() -> None:
    """Wikipedia's 20/5/10/15 table: kappa = 500/1250 = 0.4 (0.3999999999999999 before); Scott's
    pi and Fleiss' kappa of the two coders = 13/33 (0.3939393939393937 before)."""
    assert cohen_kappa(*YES_NO) == 0.4
    assert scott_pi(*YES_NO) == 13 / 33
    counts = [[int(x) + int(y), 2 - int(x) - int(y)] for x, y in zip(*YES_NO, strict=True)]
    assert fleiss_kappa(counts) == 13 / 33


# -- a DataFrame read by what its names say (api tester, session 76, D9) -----------------------


def _kripp_long() -> pd.DataFrame:
    """Krippendorff (2011)'s 4 x 12 data as a long table: one row per unit and coder who
    coded it, the coders A..D, the units u01..u12, the values as text ("v1".."v5")."""
    rows = [
        {"unit": f"u{u + 1:02}", "coder": "ABCD"[c], "code": f"v{v}"}
        for c, row in enumerate(KRIPPENDORFF_2011)
        for u, v in enumerate(row)
        if v is not None
    ]
    return pd.DataFrame(rows)


def test_a_long_table_is_read_as_the_coders_units_table() -> None:
    """Before: the long table was read as 41 "coders" x 3 "units" (its columns): alpha 0.209 of
    the tester's 3 x 3 data, here another wrong number, with no word."""
    long = _kripp_long()
    assert round(krippendorff_alpha(long), 3) == 0.743
    assert krippendorff_alpha(long) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert round(gwet_ac1(long), 5) == 0.77544
    assert percent_agreement(long) == pytest.approx(9 / 11, abs=1e-15)
    shouting = long.rename(columns={"unit": "Unit", "coder": "Coder", "code": "Code"})
    shouting["note"] = "x"  # other columns are left out
    assert krippendorff_alpha(shouting) == krippendorff_alpha(KRIPPENDORFF_2011)


def test_pandas_pivot_of_units_by_coders_is_turned_round() -> None:
    """``long.pivot(index="unit", columns="coder", values="code")`` is units x coders, its axes
    named so: before, read as 12 coders x 4 units, alpha was -0.055."""
    wide = _kripp_long().pivot(index="unit", columns="coder", values="code")
    assert (wide.index.name, wide.columns.name, wide.shape) == ("unit", "coder", (12, 4))
    assert krippendorff_alpha(wide) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert krippendorff_alpha(wide.T) == krippendorff_alpha(KRIPPENDORFF_2011)
    low, high = bootstrap_ci(krippendorff_alpha, wide, n_boot=200, seed=5)
    assert (low, high) == tuple(bootstrap_ci(krippendorff_alpha, wide.T, n_boot=200, seed=5))


def test_an_unnamed_frame_is_read_coders_as_rows() -> None:
    frame = pd.DataFrame(KRIPPENDORFF_2011)
    assert krippendorff_alpha(frame) == krippendorff_alpha(KRIPPENDORFF_2011)


def test_pandas_own_layout_one_column_per_coder_is_read_by_its_labels() -> None:
    """A frame with coder names as its columns and 0, 1, 2 ... as its rows (pandas' own layout,
    ``pd.DataFrame({"ann": a, "ben": b})``) has its columns read as the coders. Before (api
    tester, session 82): read as coders x units with no word, alpha -0.0549 for Krippendorff's
    0.743 and AC1 0.0099 for 0.406 (the 20/5/10/15 table: 41/101 by hand)."""
    by_coder = dict(zip("ABCD", KRIPPENDORFF_2011, strict=True))
    frame = pd.DataFrame(by_coder)
    assert (frame.shape, list(frame.columns)) == ((12, 4), ["A", "B", "C", "D"])
    assert krippendorff_alpha(frame) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert round(krippendorff_alpha(frame), 3) == 0.743
    a = ["y"] * 25 + ["n"] * 25
    b = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    two = pd.DataFrame({"ann": a, "ben": b})
    assert gwet_ac1(two) == pytest.approx(41 / 101, abs=1e-15)
    assert percent_agreement(two) == pytest.approx(0.7, abs=1e-15)
    # coder names as the rows, units numbered 1..12 as the columns: read as it is, coders as rows
    named_rows = pd.DataFrame(KRIPPENDORFF_2011, index=list("ABCD"), columns=range(1, 13))
    assert krippendorff_alpha(named_rows) == krippendorff_alpha(KRIPPENDORFF_2011)
    # units numbered 1..12 as the rows, coder names as the columns: turned round
    assert krippendorff_alpha(named_rows.T) == krippendorff_alpha(KRIPPENDORFF_2011)


def test_a_frame_with_names_on_both_axes_is_refused_until_they_are_named() -> None:
    """Unit ids as the rows and coder names as the columns (``read_csv(index_col="segment")``),
    or coder names as the rows and unit ids as the columns: which axis is the coders cannot be
    told, so it is an error saying how to name the axes, and once named it is read."""
    by_unit = pd.DataFrame(
        dict(zip("ABCD", KRIPPENDORFF_2011, strict=True)),
        index=[f"u{u:02}" for u in range(1, 13)],
    )
    for frame in (by_unit, by_unit.T):
        with pytest.raises(ValueError) as e:
            krippendorff_alpha(frame)
        rows, columns = frame.shape
        assert str(e.value) == (
            f"a DataFrame with names on both axes ({rows} rows, {columns} columns) does not say "
            'which are the coders: name its axes, df.rename_axis(index="unit", columns="coder") '
            'for one column per coder or df.rename_axis(index="coder", columns="unit") for one '
            "row per coder"
        )
    assert isinstance(e.value, RoqaError)
    named = by_unit.rename_axis(index="unit", columns="coder")
    assert krippendorff_alpha(named) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert krippendorff_alpha(by_unit.rename_axis(index="unit")) == krippendorff_alpha(named)
    assert krippendorff_alpha(named.T) == krippendorff_alpha(KRIPPENDORFF_2011)


def test_a_long_table_with_two_codes_of_one_unit_and_coder_is_refused() -> None:
    long = pd.concat([_kripp_long(), pd.DataFrame([{"unit": "u03", "coder": "B", "code": "v1"}])])
    with pytest.raises(ValueError) as e:
        krippendorff_alpha(long)
    assert str(e.value) == (
        "a long table (columns unit, coder, code) gives unit 'u03' two rows for coder 'B': "
        "these functions take one label per unit and coder; for several codes per unit use "
        "roqa_nlp.coding_agreement (read_long_csv, agreement_report) or `roqa agree`"
    )


#: what the statistics of coders' labels say they take, given anything else
_TAKES = (
    "the agreement statistics take a coders x units table (one list of labels per coder, a 2-D "
    "numpy array or a pandas DataFrame) or two coders' label lists a, b"
)


@pytest.mark.parametrize(
    "stat",
    [
        krippendorff_alpha,
        percent_agreement,
        scott_pi,
        gwet_ac1,
        gwet_ac2,
        gwet_ac1_se,
        gwet_ac2_se,
        brennan_prediger,
    ],
)
@pytest.mark.parametrize(("data", "said"), [(None, "None"), (5, "an int"), (2.5, "a float")])
def test_reliability_data_that_is_no_table_names_what_the_statistics_take(
    stat: object, data: object, said: str
) -> None:
    """krippendorff_alpha(None) was Python's "'NoneType' object is not iterable" (api tester,
    session 79): a one-line RoqaError that is a TypeError and names what it takes."""
    with pytest.raises(TypeError) as caught:
        stat(data)  # type: ignore[operator]
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == f"{_TAKES}, not {said}"


@pytest.mark.parametrize(
    ("stat", "a", "b"),
    [
        *((f, None, [1, 2]) for f in (cohen_kappa, scott_pi, krippendorff_alpha, gwet_ac1)),
        *((f, 5, 6) for f in (cohen_kappa_se, percent_agreement, brennan_prediger)),
        # b is a pair's second coder, not optional, for kappa: None there is no labels
        (cohen_kappa, [1, 2], None),
        (cohen_kappa_se, [1, 2], None),
    ],
)
def test_two_coders_labels_that_are_no_lists_name_what_the_statistics_take(
    stat: object, a: object, b: object
) -> None:
    """cohen_kappa(None, labels) was "'NoneType' object is not iterable" too."""
    with pytest.raises(TypeError) as caught:
        stat(a, b)  # type: ignore[operator]
    assert isinstance(caught.value, RoqaError)
    said = "None" if a is None or b is None else "an int"
    assert str(caught.value) == f"{_TAKES}, not {said}"
