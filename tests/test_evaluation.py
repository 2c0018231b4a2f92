"""Specification of the ``roqa evaluate`` metrics on hand-computed examples."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.evaluation import (
    construct_metrics,
    expected_calibration_error,
    per_code_metrics,
    per_valence_metrics,
    reliability_bins,
    shown_codes,
    ties_count_as_the_top,
    top_hits,
)
from roqa_nlp.training import load_labelled, normalise_records

DOMAIN_OF: dict[str, str | None] = {
    "IC.A": "IC",
    "IC.B": "IC",
    "IC.H": "IC",
    "IS.B": "IS",
    "IS.C": "IS",
    "IS.E.2": "IS",
    "PR.A": "PR",
}

# Four coded records and two that fit no code (gold = []).
GOLD = [["IC.A"], ["IS.B"], ["IS.E.2"], ["PR.A"], [], []]
RANKED = [
    ["IC.A", "IC.B", "IS.B"],  # top-1 right
    ["IS.C", "IS.B", "PR.A"],  # top-3 right, same domain
    ["PR.A", "IC.H", "IS.C", "IS.E.2"],  # 4th: not in top 3, other domain
    ["PR.A", "IS.B", "IC.A"],  # top-1 right
    ["IS.C", "IC.A", "PR.A"],
    ["IC.H", "IS.B", "IC.A"],
]
TOP_PROB = [0.95, 0.62, 0.55, 0.75, 0.40, 0.30]
GOLD_VALENCE = ["barrier", "enabler", "neutral", "barrier", "neutral", "neutral"]
PRED_VALENCE = ["barrier", "barrier", "neutral", "enabler", "barrier", "barrier"]
NOVELTY_SCORE = [0.1, 0.3, 0.7, 0.2, 0.8, 0.5]
NOVEL_FLAG = [False, False, True, False, True, False]


@pytest.fixture(scope="module")
def metrics() -> dict:
    return construct_metrics(
        GOLD,
        RANKED,
        TOP_PROB,
        domain_of=DOMAIN_OF,
        gold_valence=GOLD_VALENCE,
        pred_valence=PRED_VALENCE,
        novelty_score=NOVELTY_SCORE,
        novel_flag=NOVEL_FLAG,
    )


def test_metric_keys_are_the_documented_ones(metrics: dict) -> None:
    assert sorted(metrics) == sorted(
        [
            "n",
            "n_coded",
            "n_none",
            "construct_top1",
            "construct_top3",
            "construct_macro_f1",
            "construct_kappa",
            "domain_accuracy",
            "valence_accuracy",
            "ece",
            "novelty_auroc",
            "novel_recall",
            "false_novel_rate",
        ]
    )


def test_counts(metrics: dict) -> None:
    assert (metrics["n"], metrics["n_coded"], metrics["n_none"]) == (6, 4, 2)


def test_top1_and_top3_are_over_coded_records_only(metrics: dict) -> None:
    assert metrics["construct_top1"] == 2 / 4
    assert metrics["construct_top3"] == 3 / 4


def test_domain_accuracy_counts_a_wrong_construct_in_the_right_domain(metrics: dict) -> None:
    assert metrics["domain_accuracy"] == 3 / 4


def test_kappa_by_hand(metrics: dict) -> None:
    # gold IC.A IS.B IS.E.2 PR.A vs top-1 IC.A IS.C PR.A PR.A: po = 2/4,
    # pe = (1*1 [IC.A] + 1*2 [PR.A]) / 16 = 3/16, kappa = (1/2 - 3/16) / (1 - 3/16) = 5/13.
    assert metrics["construct_kappa"] == pytest.approx(5 / 13, abs=1e-12)


def test_kappa_agrees_with_sklearn(metrics: dict) -> None:
    ref = cohen_kappa_score(["IC.A", "IS.B", "IS.E.2", "PR.A"], ["IC.A", "IS.C", "PR.A", "PR.A"])
    assert metrics["construct_kappa"] == pytest.approx(ref, abs=1e-12)


def test_macro_f1_is_over_the_gold_codes_present(metrics: dict) -> None:
    # F1 per gold code: IC.A 1, IS.B 0, IS.E.2 0, PR.A 2/3 (precision 1/2, recall 1).
    assert metrics["construct_macro_f1"] == pytest.approx((1 + 0 + 0 + 2 / 3) / 4, abs=1e-12)


def test_per_code_and_per_domain_rows_by_hand(metrics: dict) -> None:
    """``roqa evaluate --per-code``: top-1 codes IC.A (right), IS.C (IS.B second), PR.A
    (IS.E.2 fourth), PR.A (right)."""
    rows = per_code_metrics(GOLD, RANKED, domain_of=DOMAIN_OF)
    assert rows["codes"] == [
        {"code": "IC.A", "domain": "IC", "n": 1, "top1": 1.0, "top3": 1.0, "suggested": 1, "precision": 1.0, "f1": 1.0},
        {"code": "IS.B", "domain": "IS", "n": 1, "top1": 0.0, "top3": 1.0, "suggested": 0, "precision": None, "f1": 0.0},
        {"code": "IS.E.2", "domain": "IS", "n": 1, "top1": 0.0, "top3": 0.0, "suggested": 0, "precision": None, "f1": 0.0},
        {"code": "PR.A", "domain": "PR", "n": 1, "top1": 1.0, "top3": 1.0, "suggested": 2, "precision": 0.5, "f1": pytest.approx(2 / 3)},
    ]  # fmt: skip
    # IS.E.2's top-1 code PR.A is in another domain; IS.B's IS.C is in its own
    assert rows["domains"] == [
        {"domain": "IC", "n": 1, "accuracy": 1.0},
        {"domain": "IS", "n": 2, "accuracy": 0.5},
        {"domain": "PR", "n": 1, "accuracy": 1.0},
    ]
    # the rows add up to the pooled metrics
    f1 = [r["f1"] for r in rows["codes"]]
    assert np.mean(f1) == pytest.approx(metrics["construct_macro_f1"], abs=1e-12)
    weighted = sum(r["n"] * r["accuracy"] for r in rows["domains"]) / metrics["n_coded"]
    assert weighted == pytest.approx(metrics["domain_accuracy"], abs=1e-12)
    assert per_code_metrics([[], []], [["IC.A"], ["IS.B"]], domain_of=DOMAIN_OF) == {
        "codes": [],
        "domains": [],
    }


def test_a_project_codes_exact_hit_is_a_domain_hit() -> None:
    """A project's own code has no domain: suggested first where it is the gold code, it is
    a hit for the domain too (it counted as a miss, domain accuracy 0.333 beside top-1 1.0)."""
    domain_of = {**DOMAIN_OF, "project.faith": None}
    gold = [["project.faith"], ["project.faith"], ["IC.A"]]
    ranked = [["project.faith", "IC.A"], ["IC.A", "project.faith"], ["IC.B", "IC.A"]]
    got = construct_metrics(gold, ranked, [0.9, 0.6, 0.5], domain_of=domain_of)
    assert (got["construct_top1"], got["domain_accuracy"]) == (1 / 3, 2 / 3)
    # the project's own codes after the codebook's domains (session 55: sorted first by name)
    assert per_code_metrics(gold, ranked, domain_of=domain_of)["domains"] == [
        {"domain": "IC", "n": 1, "accuracy": 1.0},
        {"domain": "(no domain)", "n": 2, "accuracy": 0.5},
    ]


def test_per_code_counts_a_record_under_every_gold_code_whatever_the_model_ranked() -> None:
    """Tester T (s35), defect 5: a record with several gold codes was counted under one of them,
    chosen by the model's top-1 (Culture read n=1, top-1 1.000 while it was a gold code of 3
    records, 1 of them hit; n moved between two runs on the same gold). Now a code's row is
    every record whose gold includes it: ``top1`` = the top-1 code is that code, ``top3`` = it
    is among the first three, ``precision`` = of the records whose top-1 it is, the share
    whose gold includes it. By hand (codes A, B in domain X; C, D, E in Y):

    1. gold A B, ranked A C B: A top-1 and top-3; B top-3 only
    2. gold B,   ranked B A:   B top-1 and top-3
    3. gold A C, ranked C D E: C top-1 and top-3; A neither
    4. gold C,   ranked A B C: C top-3 only; A suggested first, not a gold code
    5. NONE,     ranked A:     no code's row

    A: n 2, top-1 1/2, top-3 1/2, suggested 2 (1, 4), precision 1/2, F1 1/2
    B: n 2, top-1 1/2, top-3 2/2, suggested 1 (2), precision 1, F1 2/3
    C: n 2, top-1 1/2, top-3 2/2, suggested 1 (3), precision 1, F1 2/3
    Domains: X (records 1, 2, 3) top-1 in X for 1 and 2: 2/3; Y (records 3, 4): 3 only, 1/2.
    """
    domain_of: dict[str, str | None] = {"A": "X", "B": "X", "C": "Y", "D": "Y", "E": "Y"}
    gold = [["A", "B"], ["B"], ["A", "C"], ["C"], []]
    ranked = [["A", "C", "B"], ["B", "A"], ["C", "D", "E"], ["A", "B", "C"], ["A"]]
    rows = per_code_metrics(gold, ranked, domain_of=domain_of)
    assert rows["codes"] == [
        {"code": "A", "domain": "X", "n": 2, "top1": 0.5, "top3": 0.5, "suggested": 2, "precision": 0.5, "f1": 0.5},
        {"code": "B", "domain": "X", "n": 2, "top1": 0.5, "top3": 1.0, "suggested": 1, "precision": 1.0, "f1": pytest.approx(2 / 3)},
        {"code": "C", "domain": "Y", "n": 2, "top1": 0.5, "top3": 1.0, "suggested": 1, "precision": 1.0, "f1": pytest.approx(2 / 3)},
    ]  # fmt: skip
    assert rows["domains"] == [
        {"domain": "X", "n": 3, "accuracy": pytest.approx(2 / 3)},
        {"domain": "Y", "n": 2, "accuracy": 0.5},
    ]
    # another ranking of record 1 moves the hits, never the n of a row
    other = per_code_metrics(gold, [["B", "A", "C"], *ranked[1:]], domain_of=domain_of)
    assert [(r["code"], r["n"], r["top1"]) for r in other["codes"]] == [
        ("A", 2, 0.0),
        ("B", 2, 1.0),
        ("C", 2, 0.5),
    ]
    assert [(r["domain"], r["n"]) for r in other["domains"]] == [("X", 3), ("Y", 2)]


def test_valence_accuracy_is_over_coded_records(metrics: dict) -> None:
    # Coded: barrier=barrier, enabler≠barrier, neutral=neutral, barrier≠enabler.
    assert metrics["valence_accuracy"] == 2 / 4


def test_per_valence_rows_by_hand(metrics: dict) -> None:
    # Coded records: barrier read barrier, enabler read barrier, neutral read neutral, barrier
    # read enabler; the two NONE records are not counted, nor a coded one without a valence.
    rows = per_valence_metrics([*GOLD, ["IC.A"]], [*GOLD_VALENCE, ""], [*PRED_VALENCE, "enabler"])
    assert rows == [
        {"valence": "barrier", "n": 2, "accuracy": 0.5,
         "predicted": {"barrier": 1, "enabler": 1, "neutral": 0}},
        {"valence": "enabler", "n": 1, "accuracy": 0.0,
         "predicted": {"barrier": 1, "enabler": 0, "neutral": 0}},
        {"valence": "neutral", "n": 1, "accuracy": 1.0,
         "predicted": {"barrier": 0, "enabler": 0, "neutral": 1}},
    ]  # fmt: skip
    weighted = sum(r["n"] * r["accuracy"] for r in rows) / sum(r["n"] for r in rows)
    assert weighted == metrics["valence_accuracy"]
    assert per_valence_metrics([[], ["IC.A"]], ["barrier", ""], ["barrier", "enabler"]) == []


def test_ece_of_the_top1_probability_by_hand(metrics: dict) -> None:
    # One coded record per bin: (|1-.95| + |0-.62| + |0-.55| + |1-.75|) / 4.
    assert metrics["ece"] == pytest.approx((0.05 + 0.62 + 0.55 + 0.25) / 4, abs=1e-12)


def test_novelty_auroc_ranks_none_records_above_coded_ones(metrics: dict) -> None:
    # NONE scores 0.8 and 0.5 against coded 0.1 0.3 0.7 0.2: 4 + 3 of 8 pairs ordered.
    assert metrics["novelty_auroc"] == 7 / 8


def test_novel_recall_and_false_novel_rate(metrics: dict) -> None:
    assert metrics["novel_recall"] == 1 / 2
    assert metrics["false_novel_rate"] == 1 / 4


def test_multi_label_gold_counts_any_of_its_codes_as_right() -> None:
    m = construct_metrics(
        [["IC.A", "IS.B"], ["PR.A"]],
        [["IS.B", "IC.A"], ["PR.A"]],
        [0.9, 0.8],
        domain_of=DOMAIN_OF,
    )
    assert (m["construct_top1"], m["construct_kappa"], m["domain_accuracy"]) == (1.0, 1.0, 1.0)


def test_a_record_with_no_suggestion_counts_as_wrong() -> None:
    m = construct_metrics([["IC.A"], ["PR.A"]], [[], ["PR.A"]], [0.0, 0.8], domain_of=DOMAIN_OF)
    assert (m["construct_top1"], m["construct_top3"], m["domain_accuracy"]) == (0.5, 0.5, 0.5)


def test_without_coded_records_construct_metrics_are_none() -> None:
    m = construct_metrics(
        [[], []],
        [["IC.A"], ["PR.A"]],
        [0.5, 0.5],
        domain_of=DOMAIN_OF,
        novelty_score=[0.2, 0.9],
        novel_flag=[True, False],
    )
    assert (m["n"], m["n_coded"], m["n_none"]) == (2, 0, 2)
    for key in (
        "construct_top1",
        "construct_top3",
        "construct_macro_f1",
        "construct_kappa",
        "domain_accuracy",
        "valence_accuracy",
        "ece",
        "novelty_auroc",  # needs both classes
        "false_novel_rate",
    ):
        assert m[key] is None, key
    assert m["novel_recall"] == 1 / 2
    assert m["note"] == "every record is NONE: novelty metrics only"


def test_without_none_records_novelty_auroc_and_recall_are_none() -> None:
    m = construct_metrics(
        [["IC.A"]], [["IC.A"]], [0.9], domain_of=DOMAIN_OF, novelty_score=[0.1], novel_flag=[True]
    )
    assert (m["novelty_auroc"], m["novel_recall"], m["false_novel_rate"]) == (None, None, 1.0)


def test_valence_accuracy_is_none_without_valences() -> None:
    m = construct_metrics([["IC.A"]], [["IC.A"]], [0.9], domain_of=DOMAIN_OF)
    assert m["valence_accuracy"] is None


# -- expected calibration error -----------------------------------------------------------------


def test_ece_pools_records_in_equal_width_bins() -> None:
    conf = np.array([0.15, 0.18, 0.82, 0.88, 0.85])
    correct = np.array([0.0, 1.0, 1.0, 1.0, 0.0])
    # bin (0.1, 0.2]: conf 0.165, accuracy 1/2, weight 2/5; bin (0.8, 0.9]: conf 0.85,
    # accuracy 2/3, weight 3/5.
    expected = 2 / 5 * abs(0.5 - 0.165) + 3 / 5 * abs(2 / 3 - 0.85)
    assert expected_calibration_error(conf, correct) == pytest.approx(expected, abs=1e-12)
    assert expected == pytest.approx(0.244, abs=1e-12)


def test_ece_is_zero_when_confidence_equals_accuracy_in_every_bin() -> None:
    conf = np.array([0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75])
    correct = np.array([1, 0, 0, 0, 1, 1, 1, 0], dtype=float)
    assert expected_calibration_error(conf, correct) == pytest.approx(0.0, abs=1e-12)


def test_ece_puts_zero_and_one_in_the_end_bins() -> None:
    conf = np.array([0.0, 1.0])
    correct = np.array([0.0, 1.0])
    assert expected_calibration_error(conf, correct) == 0.0
    bins = reliability_bins(conf, correct)
    assert (bins[0]["n"], bins[-1]["n"]) == (1, 1)


def test_ece_bin_edges_are_right_closed() -> None:
    # 0.3 belongs to (0.2, 0.3], not (0.3, 0.4].
    bins = reliability_bins(np.array([0.3]), np.array([1.0]))
    assert [b["n"] for b in bins] == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]


def test_ece_of_nothing_is_nan() -> None:
    assert math.isnan(expected_calibration_error(np.zeros(0), np.zeros(0)))


def test_reliability_bins_report_confidence_and_accuracy() -> None:
    bins = reliability_bins(np.array([0.15, 0.18, 0.85]), np.array([0.0, 1.0, 1.0]))
    assert len(bins) == 10
    assert bins[1] == pytest.approx(
        {"lo": 0.1, "hi": 0.2, "n": 2, "confidence": 0.165, "accuracy": 0.5}, abs=1e-12
    )
    assert bins[8]["n"] == 1 and bins[8]["accuracy"] == 1.0
    assert math.isnan(bins[0]["confidence"])


# -- undefined and unstated ---------------------------------------------------------------------


def test_kappa_is_none_when_gold_and_top1_are_one_and_the_same_code() -> None:
    # p_o = p_e = 1: kappa is 0/0, undefined (not NaN in a JSON file)
    m = construct_metrics(
        [["IC.A"], ["IC.A"]], [["IC.A"], ["IC.A"]], [0.9, 0.8], domain_of=DOMAIN_OF
    )
    assert m["construct_top1"] == 1.0 and m["construct_kappa"] is None


@pytest.mark.parametrize(
    ("gold_valence", "expected"),
    [(["barrier", "", "enabler"], 0.5), (["", "", ""], None)],
)
def test_valence_accuracy_counts_only_records_that_state_a_valence(
    gold_valence: list[str], expected: float | None
) -> None:
    codes = [["IC.A"], ["IS.B"], ["PR.A"]]
    m = construct_metrics(
        codes,
        codes,
        [0.9, 0.9, 0.9],
        domain_of=DOMAIN_OF,
        gold_valence=gold_valence,
        pred_valence=["barrier", "enabler", "barrier"],
    )
    assert m["valence_accuracy"] == expected


def test_a_record_without_valence_states_none_but_a_training_record_fitting_no_code(
    tmp_path,
) -> None:
    """A coded training record without a valence is not learnt as neutral (owncb tester,
    session 39: records with text and construct only made every segment neutral); one that fits
    no code is neutral, as it was."""
    records = [
        {"text": "No money for it.", "construct": "Available Resources"},
        {
            "text": "The board backed us.",
            "construct": "Leadership Engagement",
            "valence": "facilitator",
        },
        {"text": "Hello there.", "construct": "NONE", "valence": " "},
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    book = Codebook.load("cfir-2009")
    assert load_labelled(path, book).valences == ["", "enabler", ""]
    assert normalise_records(records, book, path).valences == ["", "enabler", "neutral"]


def test_a_valence_that_is_not_a_word_is_a_one_line_error(tmp_path) -> None:
    path = tmp_path / "labelled.jsonl"
    path.write_text(json.dumps({"text": "No money.", "construct": "NONE", "valence": 1}) + "\n")
    with pytest.raises(RoqaError, match="line 1: unknown valence '1'"):
        load_labelled(path, Codebook.load("cfir-2009"))


def test_a_missed_record_with_two_gold_codes_counts_the_one_ranked_higher_whatever_its_order() -> (
    None
):
    """Macro-F1 and kappa counted the first gold code a record listed when top-1 missed, so the
    same labels listed the other way round scored differently (0.492 vs 0.526 macro-F1 on a
    44-record file, session 28). Now the gold code the model ranked higher is counted: here IS.B
    (2nd) rather than IS.E.2 (4th), so IS.E.2 has no record and IS.B's F1 is 0."""
    ranked = [["IC.A", "IS.B", "PR.A", "IS.E.2"], ["IS.B", "IC.A"]]
    scores = [
        construct_metrics([gold, ["IS.B"]], ranked, [0.5, 0.9], domain_of=DOMAIN_OF)
        for gold in (["IS.E.2", "IS.B"], ["IS.B", "IS.E.2"])
    ]
    assert scores[0] == scores[1]
    # counted: IS.B -> IC.A (miss), IS.B -> IS.B (hit); F1 IS.B = 2/3 (precision 1, recall 1/2)
    assert scores[0]["construct_macro_f1"] == pytest.approx(2 / 3, abs=1e-12)
    ref = cohen_kappa_score(["IS.B", "IS.B"], ["IC.A", "IS.B"])
    assert scores[0]["construct_kappa"] == pytest.approx(ref, abs=1e-12)


def test_the_module_doc_says_which_of_several_gold_codes_is_counted() -> None:
    """Gold [B, A], ranked [C, A, B]: macro-F1 and kappa count A, the one the model ranked
    highest, not B, the first listed (the module docstring said so until session 30); the
    per-code rows count the record under both (since session 35)."""
    import roqa_nlp.evaluation as evaluation

    rows = per_code_metrics([["B", "A"], ["C"]], [["C", "A", "B"], ["C"]], domain_of={})
    assert [(r["code"], r["n"]) for r in rows["codes"]] == [("A", 1), ("B", 1), ("C", 1)]
    doc = " ".join((evaluation.__doc__ or "").split())
    assert "else the one the model ranked highest (then the first by id)" in doc
    assert "first listed" not in doc


def test_a_gold_code_among_codes_tied_at_the_top_is_a_top1_hit() -> None:
    """Tester R (session 35): translated into CFIR 2.0, one suggestion shared equally among
    Policies & Laws and Performance-Measurement Pressure (P22-09, a CQC rating) was scored a
    top-1 miss by codebook order, while roqa agree counted it as agreeing. Codes tied exactly at
    the top are each the model's top one: a gold code among them comes first; untied records
    and ties without a gold code stay as ranked."""
    gold = [["OUT.G.3"], ["OUT.G.3"], ["INS.C"], ["OUT.G.3"]]
    ranked = [
        ["OUT.E", "OUT.G.3", "OUT.F"],  # tied OUT.E = OUT.G.3: a hit
        ["OUT.E", "OUT.G.3", "OUT.F"],  # OUT.E above OUT.G.3: a miss as before
        ["INS.B", "INS.C"],  # tied, INS.C gold
        ["OUT.E", "OUT.F", "OUT.G.3"],  # tied OUT.E = OUT.F, gold third: a miss
    ]
    ties = [["OUT.E", "OUT.G.3"], [], ["INS.B", "INS.C"], ["OUT.E", "OUT.F"]]
    assert ties_count_as_the_top(gold, ranked, ties) == [
        ["OUT.G.3", "OUT.E", "OUT.F"],
        ["OUT.E", "OUT.G.3", "OUT.F"],
        ["INS.C", "INS.B"],
        ["OUT.E", "OUT.F", "OUT.G.3"],
    ]


def test_a_record_hit_by_a_tie_beyond_the_third_code_lists_every_tied_code() -> None:
    """cfir2022 tester, session 55: Other Personal Attributes split into a 4-way tie Need =
    Capability = Opportunity = Motivation, gold Motivation. The summary counted a top-3 hit (the
    gold code moved to the front of the tie), while the ``--predictions`` row listed the first
    three in mapping order and said ``"top1": true, "top3": false``. The row lists the codes as
    scored, every tied one among them, and its hits are the summary's."""
    tied = ["IND.J", "IND.K", "IND.L", "IND.M"]
    gold = [["IND.M"]]
    (scored,) = ties_count_as_the_top(gold, [[*tied, "INS.D.2"]], [tied])
    assert shown_codes(scored, tied) == ["IND.M", "IND.J", "IND.K", "IND.L"]
    assert top_hits(gold[0], scored) == (True, True)
    summary = construct_metrics(gold, [scored], [0.517], domain_of={})
    assert (summary["construct_top1"], summary["construct_top3"]) == (1.0, 1.0)
    # untied: the first three; a tie of two: still three
    assert shown_codes(["A", "B", "C", "D"], []) == ["A", "B", "C"]
    assert shown_codes(["A", "B", "C", "D"], ["A", "B"]) == ["A", "B", "C"]
    assert top_hits(["D"], ["A", "B", "C", "D"]) == (False, False)
    assert top_hits([], ["A"]) == (False, False)


def test_per_code_rows_follow_the_codebooks_order_not_the_ids() -> None:
    """cfir2022 tester, session 55: ``--per-code`` listed CFIR 2.0's domains by id
    (Individuals, Innovation, Inner Setting, Outer Setting, Implementation Process) and its
    codes likewise (IND.A first), where every other output follows the codebook (Innovation,
    Outer Setting, Inner Setting, Individuals, Implementation Process); CFIR 2009's came as CI,
    IC, IS, OS, PR. Both follow the codebook now."""
    for book, gold, order in (
        ("cfir-2022", ["IND.M", "PRO.D", "INS.J", "OUT.F", "INN.F"], ["INN", "OUT", "INS", "IND", "PRO"]),
        ("cfir-2009", ["CI.B", "PR.A", "IS.E.2", "OS.D", "IC.F"], ["IC", "OS", "IS", "CI", "PR"]),
    ):  # fmt: skip
        cb = Codebook.load(book)
        domain_of = {c.id: c.domain for c in cb.codable}
        rows = per_code_metrics([[g] for g in gold], [[g] for g in gold], domain_of=domain_of)
        assert [r["domain"] for r in rows["domains"]] == order
        assert [r["domain"] for r in rows["codes"]] == order


# -- what the user docs say of the scores (blind methodologist, session 44) ----------------------


def _page(name: str) -> str:
    """A page of docs/, its whitespace collapsed (a sentence may wrap anywhere)."""
    return " ".join(
        (Path(__file__).resolve().parents[1] / "docs" / name).read_text("utf-8").split()
    )


def test_the_docs_say_novelty_auroc_ranks_by_off_framework_p_not_novelty_p() -> None:
    """Ranked by the documented novelty_p (the conformal p-value) a tester's gold file gave
    AUROC 0.925 where roqa evaluate printed 1.000: it ranks by off_framework_p, P(fits no code)
    + P(procedural), which no page named. docs/cli.md lists the --predictions novelty fields
    (the CSV's last five columns, off_topic among them since session 53)."""
    from roqa_nlp.cli.code_cmd import PREDICTION_COLUMNS

    said = (
        "`novelty_auroc` ranks the records by `off_framework_p`, the classifier's probability "
        "that the talk is off-framework (P(fits no code) + P(procedural)"
    )
    model, cli = _page("model.md"), _page("cli.md")
    assert said in model and said in cli
    assert "not by `novelty_p`" in model and "not by `novelty_p`" in cli
    assert PREDICTION_COLUMNS[-5:] == (
        "novel", "procedural", "off_topic", "novelty_p", "off_framework_p"
    )  # fmt: skip
    listed = cli.split("`--predictions FILE.jsonl`", 1)[1].split("`roqa train", 1)[0]
    assert all(
        f"`{field}`" in listed for field in (*PREDICTION_COLUMNS[-5:], "valence_probability")
    )
    assert "last five columns" in listed


def test_the_docs_say_how_ece_bins_the_top1_probability() -> None:
    """The ECE's binning was in evaluation.py's docstring only (blind methodologist, s44)."""
    said = (
        "10 equal-width bins of the top-1 probability p, bin m holding (m-1)/10 < p ≤ m/10 "
        "(p = 0 in the first), over the coded records only"
    )
    assert said in _page("model.md")
    assert said in _page("report.md")
    assert said in _page("cli.md")


def test_the_docs_name_per_valence_where_they_name_per_code() -> None:
    """Tester (session 49): ac.evaluate(per_code=True) returns per_valence too, which README
    and the pages that list per_code and per_domain did not name."""
    readme = " ".join(
        (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8").split()
    )
    for text in (readme, _page("python.md"), _page("cli.md")):
        assert "per_domain" in text
        assert "per_valence" in text
