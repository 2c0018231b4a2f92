"""Specification of how roqa_nlp.agreement reads coders' labels given by unit (api tester,
session 83): a dict of unit -> label and a pandas Series indexed by unit are read by unit, not
by their keys or positions; a dict of coders is one row per coder; a set is refused. Values are
the published worked examples of tests/test_agreement.py, given in these forms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from roqa_nlp.agreement import (
    brennan_prediger,
    cohen_kappa,
    cohen_kappa_se,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from roqa_nlp.errors import RoqaTypeError, RoqaValueError, RoqaWarning
from worked_examples import KRIPPENDORFF_2011, N

pytestmark = pytest.mark.filterwarnings("error")

#: the classic 2 x 2 of 50 units: both yes 20, a yes / b no 5, a no / b yes 10, both no 15
YES_NO_PAIRS = [(1, 1)] * 20 + [(1, 0)] * 5 + [(0, 1)] * 10 + [(0, 0)] * 15


def by_unit(labels: list, order: list[int] | None = None) -> dict[str, object]:
    """One coder's labels as a dict of unit id -> label, its keys in ``order`` (unit numbers),
    with no entry for a unit the coder did not code (None)."""
    order = list(range(len(labels))) if order is None else order
    return {f"u{i:02d}": labels[i] for i in order if labels[i] is not None}


def yes_no_dicts() -> tuple[dict, dict]:
    a = [x for x, _ in YES_NO_PAIRS]
    b = [y for _, y in YES_NO_PAIRS]
    return by_unit(a), by_unit(b, order=list(range(49, -1, -1)))  # b's units in reverse order


# -- D1: dicts of unit -> label ------------------------------------------------------------------


def test_two_dicts_are_read_by_unit_not_by_their_keys() -> None:
    a, b = yes_no_dicts()
    assert cohen_kappa(a, b) == 0.4
    assert scott_pi(a, b) == pytest.approx(13 / 33, abs=1e-15)
    assert percent_agreement(a, b) == pytest.approx(0.7, abs=1e-15)
    assert gwet_ac1(a, b) == pytest.approx(41 / 101, abs=1e-15)
    assert brennan_prediger(a, b) == pytest.approx(0.4, abs=1e-15)
    assert cohen_kappa_se(a, b) == cohen_kappa_se(*zip(*YES_NO_PAIRS, strict=True))


def test_coders_who_disagree_on_every_unit_are_not_read_as_agreeing() -> None:
    """Their keys are the same, so read by their keys they agreed perfectly (1.0)."""
    ann = {"u1": "barrier", "u2": "enabler", "u3": "barrier", "u4": "enabler"}
    ben = {"u1": "enabler", "u2": "barrier", "u3": "enabler", "u4": "barrier"}
    assert cohen_kappa(ann, ben) == -1.0
    assert percent_agreement(ann, ben) == 0.0
    # alpha: o_be = o_eb = 4, n_b = n_e = 4, n = 8: 1 - 7 * 8 / 32
    assert krippendorff_alpha(ann, ben) == -0.75
    assert krippendorff_alpha([ann, ben]) == -0.75


def test_a_dict_of_coders_is_one_row_per_coder() -> None:
    coders = {name: row for name, row in zip("ABCD", KRIPPENDORFF_2011, strict=True)}
    assert krippendorff_alpha(coders) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert round(krippendorff_alpha(coders), 3) == 0.743
    assert round(krippendorff_alpha(coders, level="interval"), 3) == 0.849


def test_dicts_leaving_out_the_units_a_coder_did_not_code_give_the_published_alpha() -> None:
    """A unit a coder's dict does not name is missing, as None is in a list."""
    reversed_units = list(range(11, -1, -1))
    coders = {
        name: by_unit(row, order=reversed_units if name == "C" else None)
        for name, row in zip("ABCD", KRIPPENDORFF_2011, strict=True)
    }
    assert krippendorff_alpha(coders) == krippendorff_alpha(KRIPPENDORFF_2011)
    assert krippendorff_alpha(list(coders.values()), level="ordinal") == krippendorff_alpha(
        KRIPPENDORFF_2011, level="ordinal"
    )
    assert round(krippendorff_alpha(coders, level="ratio"), 3) == 0.797


def test_two_coder_coefficients_refuse_a_unit_one_coder_lacks() -> None:
    a, b = yes_no_dicts()
    del b["u07"]
    with pytest.raises(RoqaValueError, match=r"^unit 'u07' has no label from coder 2 of 2 "):
        cohen_kappa(a, b)
    with pytest.raises(RoqaValueError, match="krippendorff_alpha, which takes missing values"):
        scott_pi([a, b])
    # the statistics of reliability data read it as missing: unit 7 (a yes from a) left out
    assert percent_agreement(a, b) == pytest.approx(34 / 49, abs=1e-15)


def test_coders_who_share_no_unit_are_an_error_not_nan() -> None:
    with pytest.raises(RoqaValueError, match="share no unit"):
        krippendorff_alpha({"u1": "a", "u2": "b"}, {1: "a", 2: "b"})


def test_empty_dicts_are_no_units_as_empty_lists_are() -> None:
    for call in (
        lambda: cohen_kappa({}, {}),
        lambda: krippendorff_alpha({}, {}),
        lambda: krippendorff_alpha({}),
        lambda: krippendorff_alpha({"ann": {}, "ben": {}}),
    ):
        with pytest.raises(RoqaValueError, match="^no units to compare: "):
            call()


def test_a_set_of_labels_is_refused_as_unordered() -> None:
    for call in (
        lambda: cohen_kappa({"a", "b"}, {"a", "b"}),
        lambda: krippendorff_alpha([{"a", "b"}, {"a", "b"}]),
        lambda: percent_agreement({"a", "b"}),
        lambda: krippendorff_alpha({"u1": "a"}.keys(), ["a"]),
    ):
        with pytest.raises(RoqaTypeError, match=r"^the labels are a \w+, which has no order"):
            call()


def test_a_dict_among_lists_is_refused() -> None:
    with pytest.raises(RoqaTypeError, match="one coder's labels are a dict of unit -> label"):
        cohen_kappa({"u1": "a", "u2": "b"}, ["a", "b"])


def test_one_dict_of_unit_labels_is_one_coders_labels() -> None:
    with pytest.raises(RoqaValueError, match="a dict of unit -> label is one coder's labels"):
        krippendorff_alpha({"u1": "a", "u2": "b"})


def test_a_dict_of_coders_is_never_told_it_is_one_coders_labels() -> None:
    with pytest.raises(RoqaValueError) as caught:
        krippendorff_alpha({"ann": ["a", "b"], "ben": ["a"]})
    assert str(caught.value) == (
        "reliability data rows have different lengths: give one row per coder and one column "
        "per unit, with None for a unit the coder did not code"
    )


# -- D2: pandas Series indexed by unit -----------------------------------------------------------


def test_two_series_indexed_by_unit_are_compared_by_unit() -> None:
    ann = pd.Series({"u1": "barrier", "u2": "enabler", "u3": "neutral", "u4": "barrier"})
    ben = pd.Series({"u4": "barrier", "u3": "neutral", "u2": "enabler", "u1": "barrier"})
    assert cohen_kappa(ann, ben) == 1.0  # was 0.2, by position
    assert percent_agreement(ann, ben) == 1.0
    assert krippendorff_alpha(ann, ben) == 1.0
    a, b = yes_no_dicts()
    assert cohen_kappa(pd.Series(a), pd.Series(b)) == 0.4


def test_series_numbered_zero_up_are_read_in_their_order() -> None:
    a = pd.Series([x for x, _ in YES_NO_PAIRS])
    b = pd.Series([y for _, y in YES_NO_PAIRS])
    assert cohen_kappa(a, b) == 0.4


def test_series_of_different_units_align_with_nan_where_missing_values_are_allowed() -> None:
    ann = pd.Series([1, 2, 3, 3], index=["u1", "u2", "u3", "u4"])
    ben = pd.Series([3, 2, 1], index=["u3", "u2", "u5"])
    with pytest.raises(RoqaValueError, match=r"^unit 'u1' has no label from coder 2 of 2"):
        cohen_kappa(ann, ben)
    assert krippendorff_alpha(ann, ben) == krippendorff_alpha([[1, 2, 3, 3, N], [N, 2, 3, N, 1]])


def test_series_by_the_row_numbers_a_filter_kept_are_read_in_their_order() -> None:
    """Two coders' own files, rows in other orders, each filtered to one transcript: the index
    holds the rows' numbers in each file, no units (hunt18 A1: matched by them, coders who gave
    the same 6 codes got alpha 0.091 and percent agreement 0.333)."""
    codes = list("abcabc")
    ann = pd.DataFrame({"transcript": list("11x1xx1x11xx"), "code": "z"})
    ben = pd.DataFrame({"transcript": list("x11x1x1xx11x"), "code": "z"})
    ann.loc[ann.transcript == "1", "code"] = codes
    ben.loc[ben.transcript == "1", "code"] = codes
    a = ann[ann.transcript == "1"]["code"]
    b = ben[ben.transcript == "1"]["code"]
    assert list(a.index) == [0, 1, 3, 6, 8, 9] and list(b.index) == [1, 2, 4, 6, 9, 10]
    assert krippendorff_alpha(a, b) == 1.0
    assert percent_agreement(a, b) == 1.0
    assert cohen_kappa(a, b) == 1.0
    # a named whole-number index names the units (read_csv(..., index_col="unit"))
    ann_units = pd.Series(["a", "b", "c"], index=pd.Index([1, 2, 3], name="unit"))
    ben_units = pd.Series(["c", "b", "a"], index=pd.Index([3, 2, 1], name="unit"))
    assert cohen_kappa(ann_units, ben_units) == 1.0


def test_a_series_naming_a_unit_twice_is_refused() -> None:
    twice = pd.Series(["a", "b"], index=["u1", "u1"])
    with pytest.raises(RoqaValueError, match="gives unit 'u1' two labels"):
        cohen_kappa(twice, pd.Series(["a", "b"], index=["u1", "u2"]))


# -- D8: an array of units x coders --------------------------------------------------------------


def test_an_array_with_more_rows_than_columns_is_warned_of_as_likely_turned() -> None:
    arr = np.array(KRIPPENDORFF_2011, dtype=float)
    assert round(krippendorff_alpha(arr), 3) == 0.743  # coders x units: no warning
    with pytest.warns(RoqaWarning) as said:
        krippendorff_alpha(arr.T)
    assert [str(w.message) for w in said] == [
        "a 12 x 4 array is read as 12 coders x 4 units (one row per coder): if its rows are "
        "units and its columns coders, pass its transpose, arr.T"
    ]
    assert said[0].filename == __file__


def test_a_small_study_of_more_coders_than_units_is_not_warned_of() -> None:
    """3 coders of 2 units, 9 coders of 5: fewer than TURNED_ROWS (10) rows."""
    # o_11 = 3, o_12 = o_21 = o_22 = 1; n_1 = 4, n_2 = 2, n = 6: 1 - 5 * 2 / (2 * 4 * 2)
    assert krippendorff_alpha(np.array([[1, 2], [1, 2], [1, 1]])) == 0.375
    assert krippendorff_alpha(np.array([[1, 2, 1, 2, 1]] * 9)) == 1.0


def test_roqas_own_arrays_of_more_coders_than_units_are_not_warned_of() -> None:
    from roqa_nlp.coding_agreement import _categorical_figures

    x = np.array([[1.0, 2.0]] * 11)  # 11 coders of 2 units, as a per-code array may be
    assert _categorical_figures(x, [1.0, 2.0])[0] == 1.0


def test_a_frame_of_units_by_coders_is_read_by_its_names_without_a_warning() -> None:
    frame = pd.DataFrame(np.array(KRIPPENDORFF_2011, dtype=float).T, columns=list("ABCD"))
    assert round(krippendorff_alpha(frame), 3) == 0.743


# -- D5, D6: messages ----------------------------------------------------------------------------


def test_a_long_table_duplicate_names_the_unit_as_a_plain_value() -> None:
    long = pd.DataFrame({"unit": [1, 1, 2], "coder": ["A", "A", "B"], "code": ["x", "y", "x"]})
    with pytest.raises(RoqaValueError, match=r"gives unit 1 two rows for coder 'A': "):
        krippendorff_alpha(long)


def test_fleiss_kappa_refuses_counts_that_are_not_whole_numbers() -> None:
    with pytest.raises(RoqaValueError) as caught:
        fleiss_kappa([[1.5, 1.5], [3, 0]])
    assert str(caught.value) == (
        "counts must be whole numbers of ratings (found 1.5): each is how many raters put "
        "the subject in the category"
    )
    assert fleiss_kappa([[3.0, 0.0], [0.0, 3.0]]) == 1.0
    # whole numbers up to a float's rounding, as shares x 25 raters make them (hunt18 A2:
    # refused, "found 7.000000000000001"), are those numbers
    counts = np.array([[7, 18, 0], [14, 11, 0], [5, 10, 10], [2, 20, 3], [25, 0, 0]])
    shares = counts / 25 * 25
    assert (shares != counts).any()
    assert fleiss_kappa(shares) == fleiss_kappa(counts)


def test_fleiss_kappa_reads_a_dict_of_coders_as_coders_labels_it_does_not_take() -> None:
    with pytest.raises(RoqaTypeError, match=r"not a dict: for a dict of coders' labels"):
        fleiss_kappa({"ann": [1, 2], "ben": [1, 1]})


# -- D3: hints a type checker accepts numpy arrays for ------------------------------------------


def test_the_label_arguments_are_hinted_iterable_so_numpy_arrays_type_check() -> None:
    """`a, b: Sequence[Any]` rejected np.ndarray under mypy --strict (no Sequence), though the
    docs say the statistics take arrays: each labels argument is Iterable[Any] (or None)."""
    import collections.abc
    import types
    import typing

    from roqa_nlp import agreement

    def kinds(hint: object) -> set[object]:
        union = typing.get_origin(hint) in (typing.Union, types.UnionType)
        return {typing.get_origin(h) or h for h in (typing.get_args(hint) if union else (hint,))}

    hinted = {
        f"{name}({arg})": kinds(hint) - {type(None)}
        for name in agreement.__all__
        if callable(f := getattr(agreement, name)) and not isinstance(f, type)
        for arg, hint in typing.get_type_hints(f).items()
        if arg in ("a", "b")
    }
    assert len(hinted) == 13  # a, b of the three two-coder ones; b of the other seven
    assert all(h == {collections.abc.Iterable} for h in hinted.values()), hinted
