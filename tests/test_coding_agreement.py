"""Specification of roqa_nlp.coding_agreement: units, per-code and pooled agreement, pairs."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from roqa_nlp.agreement import (
    bootstrap_ci,
    cohen_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
)
from roqa_nlp.coding_agreement import (
    NONE_CODE,
    agreement_report,
    coded_units_from_results,
    coded_units_from_rows,
    is_model_result,
    read_long_csv,
    segment_codes,
)
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

pytestmark = pytest.mark.filterwarnings("error")

#: Ten units; A codes X on u1-u3 and Y on u4; B codes X on u1, u2, u4 and Y on u5; u6-u10 are
#: read by both and coded with nothing.
TEN_UNITS = [
    ("u1", "A", "X"), ("u1", "B", "X"),
    ("u2", "A", "X"), ("u2", "B", "X"),
    ("u3", "A", "X"), ("u3", "B", ""),
    ("u4", "A", "Y"), ("u4", "B", "X"),
    ("u5", "A", ""), ("u5", "B", "Y"),
    *[(f"u{i}", c, "") for i in range(6, 11) for c in ("A", "B")],
]  # fmt: skip


@pytest.fixture
def ten() -> object:
    return agreement_report(coded_units_from_rows(TEN_UNITS), n_boot=0)


def code_row(report, code: str):
    return next(c for c in report.per_code if c.code == code)


# -- all units versus coded units -------------------------------------------------------------------


def test_code_kappa_over_all_units_by_hand(ten) -> None:
    # X over 10 units: both 2, A only 1 (u3), B only 1 (u4), neither 6.
    # p_o = 0.8; each coder 0.3 yes; p_e = 0.09 + 0.49 = 0.58; kappa = 0.22 / 0.42 = 11/21
    fig = code_row(ten, "X").all
    assert fig.n_units == 10
    assert fig.percent_agreement == pytest.approx(0.8)
    assert fig.kappa == pytest.approx(11 / 21)


def test_code_kappa_over_coded_units_by_hand(ten) -> None:
    # X over the 5 units someone coded (u1-u5): both 2, A only 1, B only 1, neither 1.
    # p_o = 0.6; each coder 0.6 yes; p_e = 0.36 + 0.16 = 0.52; kappa = 0.08 / 0.48 = 1/6
    fig = code_row(ten, "X").coded
    assert fig.n_units == 5
    assert fig.percent_agreement == pytest.approx(0.6)
    assert fig.kappa == pytest.approx(1 / 6)


def test_code_alpha_all_versus_coded_by_hand(ten) -> None:
    # all: n = 20 values, n_1 = 6, n_0 = 14, o_01 = 2: 1 - 19 * 2 / 84 = 46/84
    # coded: n = 10, n_1 = 6, n_0 = 4, o_01 = 2: 1 - 9 * 2 / 24 = 0.25
    assert code_row(ten, "X").all.alpha == pytest.approx(46 / 84)
    assert code_row(ten, "X").coded.alpha == pytest.approx(0.25)


def test_code_ac1_all_versus_coded_by_hand(ten) -> None:
    # all: pi_1 = (1 + 1 + .5 + .5) / 10 = 0.3, p_e = 2 * .3 * .7 = .42, (0.8 - .42) / .58
    # coded: pi_1 = 3 / 5 = 0.6, p_e = 0.48, (0.6 - 0.48) / 0.52
    assert code_row(ten, "X").all.ac1 == pytest.approx(0.38 / 0.58)
    assert code_row(ten, "X").coded.ac1 == pytest.approx(0.12 / 0.52)


def test_pooled_kappa_stacks_every_unit_code_decision(ten) -> None:
    # X (2, 1, 1, 6) + Y (0, 1, 1, 8) = both 2, A only 2, B only 2, neither 14 of 20 decisions.
    # p_o = 0.8; each coder 0.2 yes; p_e = 0.04 + 0.64 = 0.68; kappa = 0.12 / 0.32 = 0.375
    assert ten.pooled["all"].kappa == pytest.approx(0.375)
    assert ten.n_units == {"total": 10, "all": 10, "coded": 5}


def test_units_coded_counts_each_coders_use_of_a_code(ten) -> None:
    assert code_row(ten, "X").units_coded == {"A": 3, "B": 3}
    assert code_row(ten, "Y").units_coded == {"A": 1, "B": 1}


def test_two_coders_get_cohen_kappa_and_more_get_light_kappa(ten) -> None:
    three = agreement_report(
        coded_units_from_rows([*TEN_UNITS, ("u1", "C", "X"), ("u2", "C", "")]), n_boot=0
    )
    assert ten.pooled["all"].kappa_method == "cohen"
    assert three.pooled["all"].kappa_method == "light"


def test_light_kappa_is_the_mean_of_pairwise_cohen_kappas() -> None:
    rows = [*TEN_UNITS, *[(f"u{i}", "C", "X" if i < 4 else "") for i in range(1, 11)]]
    cu = coded_units_from_rows(rows)
    x = cu.presence(["X"])[:, :, 0]
    pairs = [cohen_kappa(x[i], x[j], categories=[0, 1]) for i, j in ((0, 1), (0, 2), (1, 2))]
    report = agreement_report(cu, n_boot=0)
    assert code_row(report, "X").all.kappa == pytest.approx(sum(pairs) / 3)


# -- agreement with roqa_nlp.agreement -------------------------------------------------------------


@st.composite
def long_rows(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    n_units = draw(st.integers(2, 12))
    coders = ["A", "B", "C"][: draw(st.integers(2, 3))]
    rows = []
    for u in range(n_units):
        for c in coders:
            if draw(st.booleans()) and draw(st.booleans()):
                continue  # this coder did not code the unit
            codes = draw(st.sets(st.sampled_from(["P", "Q", "R"]), max_size=2))
            rows += [(f"u{u}", c, k) for k in codes] or [(f"u{u}", c, "")]
    return rows


@settings(max_examples=60, deadline=None)
@given(long_rows())
def test_per_code_figures_equal_the_array_statistics(rows) -> None:
    cu = coded_units_from_rows(rows)
    assume(len(cu.coders) >= 2)
    report = agreement_report(cu, n_boot=0)
    x = cu.presence(report.codes)[:, cu.compared_mask()]  # the units two or more coders coded
    for k, row in enumerate(report.per_code):
        d = x[:, :, k]
        fig = row.all
        expected = [
            percent_agreement(d),
            krippendorff_alpha(d),
            gwet_ac1(d, categories=[0.0, 1.0]),
        ]
        got = [fig.percent_agreement, fig.alpha, fig.ac1]
        for e, g in zip(expected, got, strict=True):
            assert (math.isnan(e) and math.isnan(g)) or g == pytest.approx(e, abs=1e-9)
        if len(cu.coders) == 2:
            e = cohen_kappa(d[0], d[1], categories=[0.0, 1.0])
            assert (math.isnan(e) and math.isnan(fig.kappa)) or fig.kappa == pytest.approx(e)


@settings(max_examples=40, deadline=None)
@given(long_rows())
def test_pooled_figures_equal_the_statistics_of_the_stacked_matrix(rows) -> None:
    cu = coded_units_from_rows(rows)
    assume(len(cu.coders) >= 2)
    report = agreement_report(cu, n_boot=0)
    stacked = cu.presence(report.codes)[:, cu.compared_mask()].reshape(len(cu.coders), -1)
    if stacked.size == 0:  # no code used: the functions refuse no units, the report is nan
        pooled = report.pooled["all"]
        assert all(math.isnan(v) for v in (pooled.alpha, pooled.ac1, pooled.percent_agreement))
        return
    for e, g in (
        (krippendorff_alpha(stacked), report.pooled["all"].alpha),
        (gwet_ac1(stacked, categories=[0.0, 1.0]), report.pooled["all"].ac1),
        (percent_agreement(stacked), report.pooled["all"].percent_agreement),
    ):
        assert (math.isnan(e) and math.isnan(g)) or g == pytest.approx(e, abs=1e-9)


def _figures_of(report: Any) -> list[Any]:
    figs = [report.pooled[u] for u in ("all", "coded")]
    figs += [f for row in report.per_code for f in (row.all, row.coded)]
    figs += [f for p in report.pairs for f in (p.all, p.coded)]
    figs += list((report.single_code or {}).values())
    return [(f.n_units, f.percent_agreement, f.kappa, f.alpha, f.ac1) for f in figs]


@settings(max_examples=40, deadline=None)
@given(long_rows(), st.lists(st.sampled_from(["P", "Q", "S", "T", ""]), min_size=1, max_size=6))
def test_units_one_coder_coded_change_no_figure(rows, extra: list[str]) -> None:
    """Only units two or more coders coded enter any figure: adding units that one coder
    coded, with codes of their own or none, leaves every figure as it was (AC1's chance
    agreement too, and no code of theirs joins the pooled table)."""
    cu = coded_units_from_rows(rows)
    assume(len(cu.coders) >= 2)
    more = rows + [(f"x{n}", cu.coders[0], code) for n, code in enumerate(extra)]
    before, after = (agreement_report(coded_units_from_rows(r), n_boot=0) for r in (rows, more))
    for x, y in zip(_figures_of(before), _figures_of(after), strict=True):
        assert all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(x, y, strict=True))
    assert before.codes == after.codes


@settings(max_examples=40, deadline=None)
@given(long_rows())
def test_lights_kappa_is_the_mean_of_the_pairs_kappas(rows) -> None:
    """Light (1971): the mean of the pairwise Cohen's kappas over the same items, so the pooled
    kappa of three coders is the mean of the kappas the pairs table shows (those defined), in
    both universes."""
    cu = coded_units_from_rows(rows)
    assume(len(cu.coders) == 3)
    report = agreement_report(cu, n_boot=0)
    for uni in ("all", "coded"):
        kappas = [getattr(p, uni).kappa for p in report.pairs]
        finite = [k for k in kappas if math.isfinite(k)]
        light = report.pooled[uni].kappa
        if not finite:
            assert math.isnan(light)
            continue
        assert light == pytest.approx(sum(finite) / len(finite), abs=1e-12)


#: A and B code X only; C codes Y and Z, which neither of them applied; nobody codes u4.
THREE_CODERS = [
    ("u1", "A", "X"), ("u2", "A", "X"), ("u3", "A", ""), ("u4", "A", ""),
    ("u1", "B", "X"), ("u2", "B", ""), ("u3", "B", "X"), ("u4", "B", ""),
    ("u1", "C", "Z"), ("u2", "C", "Y"), ("u3", "C", ""), ("u4", "C", ""),
]  # fmt: skip


def test_pairs_are_figured_over_the_pooled_items_so_their_mean_is_lights_kappa() -> None:
    """By hand, over the pooled items (4 units x the codes X, Y, Z anyone applied = 12):
    A-B: both 1, A only 1, B only 1, neither 9: p_o = 10/12, p_e = (2/12)^2 + (10/12)^2 = 13/18,
    kappa = (15/18 - 13/18) / (5/18) = 2/5. A-C and B-C: both 0, one only 2 each, neither 8:
    p_o = 8/12, kappa = (12/18 - 13/18) / (5/18) = -1/5. Light's kappa = (2/5 - 2/5) / 3 = 0.
    Coded units (u1-u3, coded by some coder; 9 items): A-B p_o = 7/9, p_e = 53/81, kappa
    10/28 = 5/14; A-C and B-C p_o = 5/9, kappa -8/28 = -2/7; Light's (5/14 - 8/14) / 3 = -1/14.
    Before, the pairs were figured over the codes either of the two applied (A-B: X only,
    kappa 0) and, coded, the units either coded (A-C: u1, u2), and the pairs' mean (-2/15)
    was not Light's kappa (0) printed beside it (tester, session 39: 0.529 against 0.533)."""
    report = agreement_report(coded_units_from_rows(THREE_CODERS), n_boot=0)
    kappas = {(p.coder_a, p.coder_b): (p.all.kappa, p.coded.kappa) for p in report.pairs}
    assert kappas == {
        ("A", "B"): (pytest.approx(2 / 5), pytest.approx(5 / 14)),
        ("A", "C"): (pytest.approx(-1 / 5), pytest.approx(-2 / 7)),
        ("B", "C"): (pytest.approx(-1 / 5), pytest.approx(-2 / 7)),
    }
    assert report.pooled["all"].kappa == pytest.approx(0.0, abs=1e-12)
    assert report.pooled["coded"].kappa == pytest.approx(-1 / 14)
    assert {p.coded.n_units for p in report.pairs} == {3}


def test_codes_applied_only_where_one_coder_coded_are_not_in_the_pooled_table() -> None:
    """Two coders on u1-u3; ann alone coded u4 with a code of its own: the pooled figures are
    those of u1-u3 and the code is in no table. By hand over the 3 units x 2 codes (P, Q):
    ann P,Q,- / ben P,-,Q on (u1, u2, u3): cells P: 1/1, 0/0, 0/0; Q: 0/0, 1/0, 0/1, so 4 of 6
    agree, 66.7 %."""
    rows = [
        ("u1", "ann", "P"), ("u1", "ben", "P"),
        ("u2", "ann", "Q"), ("u2", "ben", ""),
        ("u3", "ann", ""), ("u3", "ben", "Q"),
        ("u4", "ann", "Z"),
    ]  # fmt: skip
    report = agreement_report(coded_units_from_rows(rows), n_boot=0)
    assert report.codes == ["P", "Q"]
    assert [r.code for r in report.per_code] == ["P", "Q"]
    assert report.pooled["all"].percent_agreement == pytest.approx(4 / 6)
    assert report.n_units == {"total": 4, "all": 3, "coded": 3}


def test_per_code_interval_is_bootstrap_ci_on_the_code_presence_matrix() -> None:
    """X on six units (u1-u4 of TEN_UNITS, u11, u12): its interval exists, and is the one of
    bootstrap_ci. (TEN_UNITS alone carry X on four, too few for an interval: see
    tests/test_agree_intervals.py.)"""
    more = [("u11", "A", "X"), ("u11", "B", "X"), ("u12", "A", ""), ("u12", "B", "X")]
    cu = coded_units_from_rows([*TEN_UNITS, *more])
    report = agreement_report(cu, n_boot=300, seed=3)
    assert code_row(report, "X").all.ci_withheld == []
    d = cu.presence(["X"])[:, :, 0]
    expected = bootstrap_ci(krippendorff_alpha, d, n_boot=300, seed=3)
    assert code_row(report, "X").all.ci["alpha"] == pytest.approx([expected.low, expected.high])
    kappa = bootstrap_ci(
        lambda m: cohen_kappa(m[0], m[1], categories=[0, 1]), d, n_boot=300, seed=3
    )
    assert code_row(report, "X").all.ci["kappa"] == pytest.approx([kappa.low, kappa.high])


def test_pooled_interval_brackets_the_estimate() -> None:
    report = agreement_report(coded_units_from_rows(TEN_UNITS), n_boot=300)
    low, high = report.pooled["all"].ci["kappa"]
    assert low < report.pooled["all"].kappa < high


# -- long CSV --------------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_long_csv_empty_code_is_coded_with_nothing_and_absent_row_is_missing(tmp_path) -> None:
    cu = read_long_csv(
        write(tmp_path / "c.csv", "unit,coder,code\nu1,A,X\nu1,A,Y\nu1,B,\nu2,A,X\n")
    )
    assert cu.codes_of("A", "u1") == {"X", "Y"}
    assert cu.codes_of("B", "u1") == frozenset()
    assert cu.codes_of("B", "u2") is None


def test_long_csv_columns_may_come_in_any_order_and_case(tmp_path) -> None:
    cu = read_long_csv(write(tmp_path / "c.csv", "Code,Unit,Coder,note\nX,u1,A,hi\n"))
    assert cu.codes_of("A", "u1") == {"X"}


def test_long_csv_without_a_code_column_names_the_file(tmp_path) -> None:
    path = write(tmp_path / "c.csv", "unit,coder\nu1,A\n")
    with pytest.raises(RoqaError, match=r"c\.csv: has no 'code' column"):
        read_long_csv(path)


def test_long_csv_row_without_coder_names_the_line(tmp_path) -> None:
    path = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,X\nu2,,X\n")
    with pytest.raises(RoqaError, match="line 3 has an empty coder"):
        read_long_csv(path)


# -- confusion table -------------------------------------------------------------------------------


def test_confusion_table_counts_who_coded_what(ten) -> None:
    table = ten.confusion[0]["table"]
    assert ten.confusion[0]["coder_a"] == "A" and ten.confusion[0]["coder_b"] == "B"
    assert table == {
        "X": {"X": 2, NONE_CODE: 1},  # u1, u2 agree; u3 only A
        "Y": {"X": 1},  # u4
        NONE_CODE: {"Y": 1, NONE_CODE: 5},  # u5; u6-u10
    }


def test_confusion_table_pairs_unmatched_codes_of_multi_coded_units() -> None:
    cu = coded_units_from_rows([("u", "A", "X"), ("u", "A", "Y"), ("u", "B", "Y"), ("u", "B", "Z")])
    table = agreement_report(cu, n_boot=0).confusion[0]["table"]
    assert table == {"Y": {"Y": 1}, "X": {"Z": 1}}


# -- model results ---------------------------------------------------------------------------------

TEXT = "I think the budget was the main barrier. We had no staff for it. Thanks, bye."


def segment(i: int, start: int, end: int, tid: str = "P01") -> Segment:
    return Segment(f"{tid}:{i}", tid, "P01", "participant", start, end, TEXT[start:end])


def suggestion(code: str, p: float = 1.0) -> Suggestion:
    return Suggestion(code, code, None, p)


def result(segments: list[SegmentResult], *, selections: bool = False) -> CodingResult:
    """A result of TEXT; with ``selections``, a QDA program's selections (judged over the whole
    text), else a segmentation (judged on its segments only)."""
    t = Transcript("P01", TEXT, [Turn("P01", "participant", 0, len(TEXT))])
    meta = {"source": "REFI-QDA"} if selections else {}
    return CodingResult(segments=segments, transcripts={"P01": t}, meta=meta)


def model_result() -> CodingResult:
    return result(
        [
            SegmentResult(
                segment(0, 0, 40), [suggestion("IC.H", 0.7), suggestion("IS.E.2", 0.6)], novel=False
            ),
            SegmentResult(segment(1, 41, 64), [suggestion("IS.E.2", 0.9)], novel=False),
            SegmentResult(segment(2, 65, 77), [suggestion("PR.A", 0.4)], novel=True),
        ]
    )


def test_model_result_counts_its_top_suggestion_by_default() -> None:
    codes = segment_codes(model_result())
    assert codes == {"P01:0": {"IC.H"}, "P01:1": {"IS.E.2"}, "P01:2": frozenset()}


def test_model_threshold_counts_every_suggestion_above_it() -> None:
    codes = segment_codes(model_result(), model_threshold=0.5)
    assert codes["P01:0"] == {"IC.H", "IS.E.2"}


def test_novel_segments_count_as_coded_with_nothing_even_above_threshold() -> None:
    assert segment_codes(model_result(), model_threshold=0.1)["P01:2"] == frozenset()


def test_procedural_talk_counts_as_coded_with_nothing_as_the_report_charts_it() -> None:
    """'Bye bye.' carries the model's top suggestion but is procedural: not a code."""
    model = model_result()
    model.segments[1].procedural = True
    assert segment_codes(model) == {"P01:0": {"IC.H"}, "P01:1": frozenset(), "P01:2": frozenset()}
    assert segment_codes(model, model_threshold=0.5)["P01:1"] == frozenset()


def test_human_result_counts_every_code() -> None:
    human = result([SegmentResult(segment(0, 0, 40), [suggestion("IC.H"), suggestion("IS.E.2")])])
    assert not is_model_result(human)
    assert segment_codes(human)["P01:0"] == {"IC.H", "IS.E.2"}


def test_results_sharing_segments_are_compared_segment_by_segment() -> None:
    human = result(
        [
            SegmentResult(segment(0, 0, 40), [suggestion("IC.H")]),
            SegmentResult(segment(1, 41, 64), [suggestion("IS.E.2")]),
            SegmentResult(segment(2, 65, 77), []),
        ]
    )
    cu = coded_units_from_results({"Ann": human, "model": model_result()})
    assert cu.unit_kind == "segments"
    assert cu.models == ["model"]
    report = agreement_report(cu, n_boot=0)
    assert report.pooled["all"].percent_agreement == 1.0
    assert report.pairs[0].kind == "model-human"


def test_a_coder_of_some_transcripts_is_compared_segment_by_segment_on_those() -> None:
    """The model coded two transcripts, Ann double-coded one of them on the model's segments:
    units are segments (spans would add the interviewer's talk and the gaps as agreed units),
    and the other transcript's segments, which only the model coded, are not compared."""
    model = model_result()
    model.extend(
        CodingResult(
            segments=[SegmentResult(segment(0, 0, 40, tid="P02"), [suggestion("IC.H", 0.8)])],
            transcripts={"P02": Transcript("P02", TEXT, [Turn("P02", "participant", 0, 77)])},
        )
    )
    ann = result(
        [
            SegmentResult(segment(0, 0, 40), [suggestion("IC.H")]),
            SegmentResult(segment(1, 41, 64), []),
            SegmentResult(segment(2, 65, 77), []),
        ]
    )
    cu = coded_units_from_results({"Ann": ann, "model": model})
    assert cu.unit_kind == "segments"
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 4, "all": 3, "coded": 2}
    # IC.H on P01:0 both; IS.E.2 on P01:1 the model only: 5 of 6 (unit, code) decisions agree
    assert report.pooled["all"].percent_agreement == pytest.approx(5 / 6)


# -- character spans -------------------------------------------------------------------------------


def test_span_units_are_maximal_ranges_where_no_coding_changes() -> None:
    # Ann codes X on [0, 40) ("I think ... barrier."); Ben codes X on [12, 64).
    ann = result([SegmentResult(segment(0, 0, 40), [suggestion("X")])], selections=True)
    ben = result([SegmentResult(segment(0, 12, 64), [suggestion("X")])], selections=True)
    cu = coded_units_from_results({"Ann": ann, "Ben": ben})
    assert cu.unit_kind == "spans"
    assert [(u.start, u.end) for u in cu.units] == [(0, 12), (12, 40), (40, 64), (64, 77)]
    assert [cu.codes_of("Ann", u.id) for u in cu.units] == [{"X"}, {"X"}, set(), set()]
    assert [cu.codes_of("Ben", u.id) for u in cu.units] == [set(), {"X"}, {"X"}, set()]


def test_span_ranges_without_letters_or_digits_are_dropped() -> None:
    # Ann's selection ends at 40 and Ben's at 41: [40, 41) is the space between sentences.
    ann = result([SegmentResult(segment(0, 0, 40), [suggestion("X")])], selections=True)
    ben = result([SegmentResult(segment(0, 0, 41), [suggestion("X")])], selections=True)
    cu = coded_units_from_results({"Ann": ann, "Ben": ben})
    assert [(u.start, u.end) for u in cu.units] == [(0, 40), (41, 77)]
    assert agreement_report(cu, n_boot=0).pooled["all"].percent_agreement == 1.0


def test_a_range_without_letters_or_digits_does_not_keep_two_equal_pieces_apart() -> None:
    """Tester V (session 35): Ann's two selections of X a space apart ([0, 40) and [41, 64)),
    Ben's one across both: the space, X for Ben only, was dropped but still cut the passage
    into two units, so the one agreeing passage counted twice (touching selections were one
    unit). It is now one unit, as when the selections touch."""
    for gap in (0, 1):
        ann = result(
            [
                SegmentResult(segment(0, 0, 40), [suggestion("X")]),
                SegmentResult(segment(1, 40 + gap, 64), [suggestion("X")]),
            ],
            selections=True,
        )
        ben = result([SegmentResult(segment(0, 0, 64), [suggestion("X")])], selections=True)
        cu = coded_units_from_results({"Ann": ann, "Ben": ben})
        assert [(u.start, u.end) for u in cu.units] == [(0, 64), (64, 77)]
        assert [cu.codes_of("Ann", u.id) for u in cu.units] == [{"X"}, set()]


def test_coder_without_codings_in_a_transcript_is_missing_there() -> None:
    ann = result([SegmentResult(segment(0, 0, 40), [suggestion("X")])])
    other = SegmentResult(segment(0, 0, 10, tid="P02"), [suggestion("X")])
    ben = CodingResult(segments=[other])
    cu = coded_units_from_results({"Ann": ann, "Ben": ben})
    p01 = [u for u in cu.units if u.transcript == "P01"]
    assert all(cu.codes_of("Ben", u.id) is None for u in p01)


# -- pairs, model as a coder, single-code view -----------------------------------------------------


def test_every_pair_of_coders_is_reported_with_model_pairs_marked() -> None:
    rows = [*TEN_UNITS, *[(f"u{i}", "bot", "X" if i < 3 else "") for i in range(1, 11)]]
    cu = coded_units_from_rows(rows)
    cu.models.append("bot")
    report = agreement_report(cu, n_boot=0)
    assert [(p.coder_a, p.coder_b, p.kind) for p in report.pairs] == [
        ("A", "B", "human-human"),
        ("A", "bot", "model-human"),
        ("B", "bot", "model-human"),
    ]
    # The A-B pair over all units is the two-coder pooled figure (0.375, see above).
    assert report.pairs[0].all.kappa == pytest.approx(0.375)
    assert report.versus_humans["all"]["bot"]["n_humans"] == 2
    mean = (report.pairs[1].all.kappa + report.pairs[2].all.kappa) / 2
    assert report.versus_humans["all"]["bot"]["kappa"] == pytest.approx(mean)


def test_pair_coded_universe_is_the_pooled_one_units_any_coder_coded() -> None:
    """u2 is coded by C only: a coded unit of the pooled figures, so of every pair's too (A and
    B agree there on no code), as Light's kappa is their mean over the same items."""
    rows = [("u1", "A", "X"), ("u1", "B", "X"), ("u1", "C", ""),
            ("u2", "A", ""), ("u2", "B", ""), ("u2", "C", "X")]  # fmt: skip
    report = agreement_report(coded_units_from_rows(rows), n_boot=0)
    ab = next(p for p in report.pairs if (p.coder_a, p.coder_b) == ("A", "B"))
    assert ab.coded.n_units == 2
    assert ab.all.n_units == 2


def test_single_code_view_treats_each_units_code_as_a_category(ten) -> None:
    # Values A: X X X Y - - - - - -, B: X X - X Y - - - - - (- = (none)): 7 of 10 agree.
    assert ten.single_code is not None
    assert ten.single_code["all"].percent_agreement == pytest.approx(0.7)


def test_single_code_view_is_skipped_when_a_unit_has_two_codes() -> None:
    report = agreement_report(
        coded_units_from_rows([("u", "A", "X"), ("u", "A", "Y"), ("u", "B", "X")]), n_boot=0
    )
    assert report.single_code is None
    assert "several codes" in report.single_code_note


def test_single_code_view_uses_the_level_for_numeric_codes() -> None:
    rows = [(f"u{i}", c, v) for i, (a, b) in enumerate([(1, 2), (3, 3), (5, 4), (2, 2)])
            for c, v in (("A", str(a)), ("B", str(b)))]  # fmt: skip
    report = agreement_report(coded_units_from_rows(rows), level="interval", n_boot=0)
    expected = krippendorff_alpha([[1, 3, 5, 2], [2, 3, 4, 2]], level="interval")
    assert report.single_code["all"].alpha == pytest.approx(expected)


def test_one_core_gives_the_single_code_view_and_valence_its_four_figures() -> None:
    """The single-code view and valence agreement share ``_categorical_figures``: on Krippendorff
    (2011)'s 4 coders x 12 units (section C) it gives his nominal alpha 0.743, Gwet's irrCAC AC1
    0.77544 with the five values as categories, p_a 9/11, and Light's kappa as the mean of the
    six pairwise kappas scikit-learn gives (listwise deletion). AC1's q is the ``categories``
    passed: with a sixth, unused one, AC1 is the one gwet_ac1 gives for q = 6."""
    from sklearn.metrics import cohen_kappa_score

    from roqa_nlp.coding_agreement import _categorical_figures
    from test_agreement import KRIPPENDORFF_2011

    x = np.array([[np.nan if v is None else v for v in row] for row in KRIPPENDORFF_2011])
    got = _categorical_figures(x, [1, 2, 3, 4, 5])
    assert round(got.alpha, 3) == 0.743
    assert round(got.ac1, 5) == 0.77544
    assert got.percent_agreement == pytest.approx(9 / 11, abs=1e-15)
    pairwise = []
    for i in range(4):
        for j in range(i + 1, 4):
            both = ~np.isnan(x[i]) & ~np.isnan(x[j])
            pairwise.append(cohen_kappa_score(x[i, both], x[j, both]))
    assert got.kappa == pytest.approx(sum(pairwise) / 6, abs=1e-12)
    six = _categorical_figures(x, [1, 2, 3, 4, 5, 6]).ac1
    assert six == pytest.approx(gwet_ac1(KRIPPENDORFF_2011, categories=[1, 2, 3, 4, 5, 6]))
    assert round(six, 5) != 0.77544


# -- degenerate input ------------------------------------------------------------------------------


def test_one_coder_is_a_clear_error() -> None:
    with pytest.raises(RoqaError, match="at least two coders"):
        agreement_report(coded_units_from_rows([("u1", "A", "X")]))


def test_code_everyone_left_out_of_a_unit_set_gives_undefined_kappa_not_a_crash() -> None:
    with pytest.warns(RoqaWarning, match=r"^n_boot=50: so few resamples"):
        report = agreement_report(
            coded_units_from_rows(
                [("u1", "A", "X"), ("u1", "B", "X"), ("u2", "A", ""), ("u2", "B", "")]
            ),
            n_boot=50,
        )
    fig = code_row(report, "X").coded  # only u1: one value, everyone agrees
    assert fig.percent_agreement == 1.0
    assert math.isnan(fig.kappa) and math.isnan(fig.alpha)
    assert report.to_dict()["per_code"][0]["coded"]["kappa"] is None


def test_nobody_coding_anything_gives_undefined_pooled_figures() -> None:
    nobody = coded_units_from_rows([("u1", "A", ""), ("u1", "B", "")])
    with pytest.warns(RoqaWarning, match=r"^n_boot=10: so few resamples"):
        report = agreement_report(nobody, n_boot=10)
    assert report.codes == []
    assert math.isnan(report.pooled["all"].kappa)


def test_presence_array_marks_missing_as_nan() -> None:
    cu = coded_units_from_rows([("u1", "A", "X"), ("u2", "B", "")])
    x = cu.presence()
    assert x[0, 0, 0] == 1.0 and np.isnan(x[0, 1, 0]) and x[1, 1, 0] == 0.0


# -- from Python: wrong inputs say what to give; short reprs (s36 notebook audit) ---------------

TWO_RESULTS_HINT = "e.g. coded_units_from_results({'Ann': ann_result, 'Ben': ben_result})"


def test_agreement_report_of_a_result_says_to_make_coded_units_first() -> None:
    """agreement_report(result) raised AttributeError: 'CodingResult' object has no attribute
    'coders'; a wrong type is a TypeError too, as docs/python.md says (s54)."""
    with pytest.raises(TypeError) as exc:
        agreement_report(model_result())  # type: ignore[arg-type]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        "agreement_report() takes CodedUnits, not a CodingResult (make them from one result "
        "per coder: agreement_report(coded_units_from_results({'Ann': ann_result, "
        "'Ben': ben_result})))"
    )


@pytest.mark.parametrize(("given", "shown"), [("list", "a list"), ("tuple", "a tuple")])
def test_results_in_a_list_are_refused_with_the_dict_to_give(given: str, shown: str) -> None:
    """coded_units_from_results([a, b]) raised TypeError: list indices must be integers."""
    both = [model_result(), model_result()]
    with pytest.raises(TypeError) as exc:  # and a RoqaError (s54)
        coded_units_from_results(both if given == "list" else tuple(both))  # type: ignore[arg-type]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"coded_units_from_results() takes a dict of coder name -> CodingResult, not {shown} "
        f"({TWO_RESULTS_HINT})"
    )


def test_a_coder_whose_result_is_a_path_is_told_to_read_it() -> None:
    with pytest.raises(TypeError) as exc:  # and a RoqaError (s54)
        coded_units_from_results({"Ann": model_result(), "Ben": "ben/codings.jsonl"})  # type: ignore[dict-item]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        "coder 'Ben' is given a str, not a CodingResult "
        "(read it first: CodingResult.read('ben/codings.jsonl'))"
    )


def test_coded_units_and_a_report_have_short_reprs(ten) -> None:
    """Their dataclass reprs ran to 20,032 and 15,737 characters in a notebook."""
    cu = coded_units_from_rows(TEN_UNITS)
    assert repr(cu) == "CodedUnits(coders A, B; 10 units, 2 codes)"
    assert repr(coded_units_from_results({})) == "CodedUnits(no coders; 0 segments, 0 codes)"
    # pooled over all units (the hand counts above): 20 decisions, 16 agreed; alpha
    # 1 - 39 * 4 / (32 * 8) = 0.390625; AC1 (0.8 - 0.32) / 0.68 = 0.7059
    assert repr(ten) == (
        "AgreementReport(coders A, B; 10 units, 2 codes; pooled over all units: "
        "80.0% agreement, kappa 0.375, alpha 0.391, AC1 0.706)"
    )


def test_one_code_is_one_code_in_the_reprs() -> None:
    """s62 api tester: "10 units, 1 codes"."""
    one = [(u, c, "" if x == "Y" else x) for u, c, x in TEN_UNITS]
    cu = coded_units_from_rows(one)
    assert repr(cu) == "CodedUnits(coders A, B; 10 units, 1 code)"
    head = repr(agreement_report(cu, n_boot=0))
    assert head.startswith("AgreementReport(coders A, B; 10 units, 1 code; pooled over all units:")


def test_a_models_coded_units_name_it_a_model() -> None:
    human = result(
        [
            SegmentResult(segment(i, a, b), [])
            for i, (a, b) in enumerate([(0, 40), (41, 64), (65, 77)])
        ]
    )
    cu = coded_units_from_results({"Ann": human, "roqa": model_result()})
    assert repr(cu) == "CodedUnits(coders Ann, roqa (model); 3 segments, 2 codes)"


# -- people's codings of segments, cut differently -------------------------------------------------

TALK = (
    "I: How was it?\nP01: The budget was the main barrier. We had no staff for it.\n"
    "I: Thanks.\nP01: Our lead championed it."
)
BUDGET = (TALK.index("The budget"), TALK.index("for it.") + len("for it."))
LEAD = (TALK.index("Our lead"), len(TALK))


def talk_result(spans: list[tuple[str, int, int, str]]) -> CodingResult:
    """A person's codings.jsonl of TALK's participant turns (no QDA selections): segments
    ``(id, start, end, code)``."""
    t = Transcript("P01", TALK, [Turn("P01", "participant", 0, len(TALK))])
    segs = [
        SegmentResult(
            Segment(sid, "P01", "P01", "participant", a, b, TALK[a:b]), [suggestion(code)]
        )
        for sid, a, b, code in spans
    ]
    return CodingResult(segments=segs, transcripts={"P01": t})


def test_people_whose_segments_differ_are_compared_within_their_segments_only() -> None:
    """Tester, session 56: Ben's budget segment cut in two made every transcript character
    spans, and the interviewer's turns and speaker labels units both coders "coded with
    nothing": kappa 0.4 for 0.25. A person's codings of segments, like a model's run, judged
    those segments only; the space where Ben's cut is joins the two halves again. By hand: X on
    the budget passage both, Y / Z on the lead passage; 4 of 6 decisions agree, p_e = (2/6)^2 +
    (4/6)^2 = 20/36, kappa = (24 - 20) / (36 - 20) = 0.25, as by segment."""
    mid = TALK.index(" We had")
    ann = talk_result([("P01:0001", *BUDGET, "X"), ("P01:0002", *LEAD, "Y")])
    ben = talk_result(
        [("P01:0001a", BUDGET[0], mid, "X"), ("P01:0001b", mid + 1, BUDGET[1], "X")]
        + [("P01:0002", *LEAD, "Z")]
    )
    cu = coded_units_from_results({"Ann": ann, "Ben": ben})
    assert cu.unit_kind == "spans"
    assert [(u.start, u.end) for u in cu.units] == [BUDGET, LEAD]
    assert cu.judged_on_segments == ["Ann", "Ben"]
    assert cu.spans_because == (
        "Ann's and Ben's segments of transcript P01 are not the same (e.g. Ann's 'P01:0001' at "
        f"characters {BUDGET[0]}-{BUDGET[1]}, Ben's 'P01:0001a' at {BUDGET[0]}-{mid})"
    )
    pooled = agreement_report(cu, n_boot=0).pooled["all"]
    assert pooled.percent_agreement == pytest.approx(4 / 6)
    assert pooled.kappa == pytest.approx(0.25)


def test_agree_says_why_people_are_compared_by_character_span(tmp_path, capsys) -> None:
    from test_cli_agree import run

    mid = TALK.index(" We had")
    talk_result([("P01:0001", *BUDGET, "X"), ("P01:0002", *LEAD, "Y")]).save(tmp_path / "Ann")
    talk_result(
        [("P01:0001a", BUDGET[0], mid, "X"), ("P01:0001b", mid + 1, BUDGET[1], "X")]
        + [("P01:0002", *LEAD, "Z")]
    ).save(tmp_path / "Ben")
    code, out, err = run(
        ["agree", str(tmp_path / "Ann"), str(tmp_path / "Ben"), "--n-boot", "0"], capsys
    )
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        "Note: units are character spans, not segments: Ann's and Ben's segments of transcript "
        f"P01 are not the same (e.g. Ann's 'P01:0001' at characters {BUDGET[0]}-{BUDGET[1]}, "
        f"Ben's 'P01:0001a' at {BUDGET[0]}-{mid}); so each transcript is cut wherever a coder's "
        "coding starts or ends, within the segments each coder coded (--units segments needs "
        "one segmentation). Note: text outside Ann and Ben's segments (interviewers' turns, "
        "speaker labels, text between segments) is not compared: they coded segments, not "
        "selections of the whole text, so they are missing there, not given no code; another "
        "coder's selection there is compared with no one. 2 coders: Ann, Ben; 2 units (spans)"
    ) in said
    assert "│ Cohen's kappa │ 0.250 │ fair" in said


#: Two coders cutting five transcripts differently, the transcripts in file order P05, P01, P04,
#: P02, P03: what --units segments says of them, and why auto compares them by span.
EXAMPLE_BY_SEED = """
from roqa_nlp.coding_agreement import coded_units_from_results
from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

TALK = "The budget was the main barrier. We had no staff for it."
IDS = ["P05", "P01", "P04", "P02", "P03"]


def coder(end):
    return CodingResult(
        segments=[
            SegmentResult(
                Segment(t + ":0001", t, "P", "participant", 0, end, TALK[:end]),
                [Suggestion("X", "X", None, 1.0)],
            )
            for t in IDS
        ],
        transcripts={t: Transcript(t, TALK, [Turn("P", "participant", 0, len(TALK))]) for t in IDS},
    )


pair = {"Ann": coder(len(TALK)), "Ben": coder(31)}
print(coded_units_from_results(pair).spans_because)
try:
    coded_units_from_results(pair, units="segments")
except RoqaError as e:
    print(e)
"""


def test_the_example_transcript_named_is_the_first_in_file_order_in_every_python_process() -> None:
    """hunt29 D6, session 85: `roqa agree A B --units segments` named P23_interview, teams_P22
    or zoom_P21 from run to run: the transcripts both coders have were taken in the order of a
    set, which Python changes from process to process (PYTHONHASHSEED). The first coder's first
    transcript in file order is named, in the error and in auto's note alike."""
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("0", "1", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", EXAMPLE_BY_SEED],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        assert out.returncode == 0, out.stderr
        runs.append(out.stdout)
    differ = (
        "Ann's and Ben's segments of transcript P05 are not the same (e.g. Ann's 'P05:0001' at "
        "characters 0-56, Ben's 'P05:0001' at 0-31)"
    )
    said = (
        f"{differ}\n--units segments compares the segments the coders share, but {differ} "
        "(leave out --units segments: --units auto compares them by character span)\n"
    )
    assert runs == [said, said, said]


def test_coders_in_different_codebooks_are_refused_from_python_as_roqa_agree_refuses_them(
    tmp_path: Path,
) -> None:
    """s64 api tester: a CFIR 2009 gold and a CFIR 2.0 model's run gave "kappa -0.033" from
    Python, with no word, where ``roqa agree`` refuses them: no code of one can agree with a code
    of the other. The one check and message of the CLI, with the fix in Python; translated, the
    model's codes give the figures of ``roqa agree --codebook cfir-2022`` (tests/test_cli_agree.py:
    17 of 20 decisions agree, kappa 14/29)."""
    from test_cli_agree import two_codebooks

    model_dir, person_dir = two_codebooks(tmp_path)
    model, ann = CodingResult.read(model_dir), CodingResult.read(person_dir)
    with pytest.raises(RoqaError) as caught:
        coded_units_from_results({"model": model, "ann": ann})
    assert str(caught.value) == (
        "the coders used different codebooks (model: cfir-2009, ann: cfir-2022), so no code can "
        "agree (compare them in one: give model's result translated, "
        "result.translate('cfir-2022'))"
    )
    ben = CodingResult(model.segments, meta={"codebook": {"id": "cfir-2009"}})
    with pytest.raises(RoqaError, match=r"give ben's and model's results translated, "):
        coded_units_from_results({"ben": ben, "ann": ann, "model": model})
    one = coded_units_from_results({"model": model.translate("cfir-2022"), "ann": ann})
    pooled = agreement_report(one, n_boot=0).pooled["all"]
    assert pooled.percent_agreement == pytest.approx(17 / 20)
    assert pooled.kappa == pytest.approx(14 / 29)
