"""Inter-coder agreement statistics over plain arrays.

Every statistic takes plain Python or numpy data and returns a plain ``float``. Two input shapes
are used, as in the literature:

- two equal-length label sequences ``a`` and ``b`` (one value per unit) for the two-coder
  coefficients (:func:`cohen_kappa`, :func:`scott_pi`);
- *reliability data*: a coders x units matrix (a list of per-coder sequences, or a 2-D array),
  with ``None`` or NaN where a coder did not code a unit (Krippendorff 2011's layout), for
  :func:`percent_agreement`, :func:`krippendorff_alpha`, :func:`gwet_ac1`, :func:`gwet_ac2` and
  :func:`brennan_prediger`. Any number of coders; missing values allowed. These also take two
  coders' sequences as ``a, b`` like :func:`cohen_kappa`: ``gwet_ac1(a, b) == gwet_ac1([a, b])``.

A coder's labels given by unit, a dict of unit -> label or a pandas Series indexed by unit, are
read by unit (aligned with the other coders', a unit one coder lacks missing, or an error for
the two-coder coefficients); a dict of coders is one row per coder; a set is refused (it has no
order). A 2-D array of 10 or more rows and fewer columns is warned of as likely units x
coders.

:func:`fleiss_kappa` takes the subjects x categories counts matrix of Fleiss (1971).

Values (categories) may be numbers or strings, not both (``1`` and ``"1"`` would be two
categories: a :class:`ValueError`); only ``None``, NaN, NaT and pandas' ``pd.NA`` (the missing
value of a DataFrame's nullable dtypes) mean "missing". The category
set is the sorted set of values that occur, unless ``categories=`` lists it (needed when a
category nobody used still counts, e.g. for Gwet's AC1, or to give strings an order).

Weights for the weighted coefficients (``"linear"``, ``"quadratic"``) are agreement weights
``w_kl = 1 - d_kl`` and ``1 - d_kl**2`` with ``d_kl = |x_k - x_l| / (x_max - x_min)``, where
``x`` is the category's value when every category is a number (as SAS PROC FREQ and Gwet's irrCAC
do) and its position in ``categories`` otherwise, so text values need ``categories=`` in their
order (without, weights on text are an error rather than weights by alphabetical order). For
consecutive integer categories this is the same as scikit-learn's index-based weights.

Undefined values: a coefficient whose denominator is zero (no unit with two values; every value
the same, so chance agreement is 1) returns ``nan`` and never emits a numpy warning. Each
docstring says which case applies. Malformed input (ragged rows, unknown level or weights, a
value outside ``categories``, text on an interval scale, one string where a list of labels is
due, no units at all) raises a one-line :class:`~roqa_nlp.RoqaError` with the fix in its message
(a :class:`ValueError`; a wrong call, such as coders' labels given to :func:`fleiss_kappa`, a
:class:`TypeError`): an empty input is a filter that kept nothing, whereas units no coder labelled
(all ``None``) are data, and nan.

References (numbered in the docstrings below):

1. Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas 1960;20:37-46.
2. Cohen J. Weighted kappa. Psychol Bull 1968;70:213-220.
3. Fleiss JL, Cohen J, Everitt BS. Large sample standard errors of kappa and weighted kappa.
   Psychol Bull 1969;72:323-327.
4. Scott WA. Reliability of content analysis: the case of nominal scale coding. Public Opin Q
   1955;19:321-325.
5. Fleiss JL. Measuring nominal scale agreement among many raters. Psychol Bull 1971;76:378-382.
6. Fleiss JL, Nee JCM, Landis JR. Large sample variance of kappa in the case of different sets
   of raters. Psychol Bull 1979;86:974-977.
7. Krippendorff K. Computing Krippendorff's alpha-reliability. Annenberg School for
   Communication, University of Pennsylvania, 2011 (version of 2011-01-25).
8. Krippendorff K. Content Analysis: An Introduction to Its Methodology. 2nd ed. Sage, 2004
   (section 11.4: alpha >= .800 to rely on data; >= .667 for tentative conclusions).
9. Gwet KL. Computing inter-rater reliability and its variance in the presence of high
   agreement. Br J Math Stat Psychol 2008;61:29-48.
10. Gwet KL. Handbook of Inter-Rater Reliability. 4th ed. Advanced Analytics, 2014 (ch. 2-5).
11. Brennan RL, Prediger DJ. Coefficient kappa: some uses, misuses, and alternatives. Educ
    Psychol Meas 1981;41:687-699.
12. Landis JR, Koch GG. The measurement of observer agreement for categorical data.
    Biometrics 1977;33:159-174.
13. Efron B, Tibshirani RJ. An Introduction to the Bootstrap. Chapman & Hall, 1993 (ch. 13,
    percentile intervals).
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from collections.abc import Set as AbstractSet
from pathlib import Path
from statistics import NormalDist
from typing import Any, Literal

import numpy as np

from .errors import RoqaTypeError, RoqaValueError, a_type, warn

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[str, ...] = ("nominal", "ordinal", "interval", "ratio")
WEIGHTS: tuple[str, ...] = ("identity", "linear", "quadratic")

#: Chance agreement this close to 1 counts as 1: the coefficient is then undefined (nan).
_DEGENERATE = 1e-12

Weights = str | np.ndarray | Sequence[Sequence[float]] | None
#: One coder's labels: a list or tuple, a numpy array or a pandas Series (in the units' order),
#: or a dict of unit -> label (read by unit); anything iterable, for a type checker, since a
#: numpy array is no ``Sequence`` (api tester, session 83, D3)
Labels = Iterable[Any]

#: what the statistics of coders' labels take, for the error of anything else (api tester,
#: session 79: krippendorff_alpha(None) was Python's "'NoneType' object is not iterable")
TAKES = (
    "the agreement statistics take a coders x units table (one list of labels per coder, a "
    "2-D numpy array or a pandas DataFrame) or two coders' label lists a, b"
)


# -- input handling ------------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    """None, NaN and NaT, and pandas' pd.NA (the missing value of nullable dtypes, as
    ``.convert_dtypes()`` makes them): each is a unit the coder did not code, not a category."""
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64 | np.timedelta64):
        return bool(np.isnat(value))
    # a pandas value only where pandas is loaded already: never imported here
    pandas = sys.modules.get("pandas")
    return pandas is not None and (value is pandas.NA or value is pandas.NaT)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating | np.bool_)


def _default_order(values: list[Any]) -> list[Any]:
    """Numbers in numeric order, then anything else in the order of its text."""
    nums = sorted(v for v in values if _is_number(v))
    rest = sorted((v for v in values if not _is_number(v)), key=str)
    return [*nums, *rest]


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


#: an empty input: a filter that kept nothing, not a study's data (all missing is nan instead)
NO_UNITS = (
    "no units to compare: the labels are empty (give one label per unit for each coder; "
    "a unit no coder labelled is None)"
)


#: the columns of a long table (one row per unit and coder), as ``roqa agree`` reads one
LONG_COLUMNS = ("unit", "coder", "code")


def _axis_name(axis: Any) -> str:
    name = getattr(axis, "name", None)
    return name.strip().casefold() if isinstance(name, str) else ""


def _frame_coders_by_units(frame: Any) -> Any:
    """A pandas DataFrame as the coders x units table the statistics take, read by what its
    names say (api tester, session 76, D9: each read as coders x units gave a wrong number,
    silently): a long table, with columns ``unit``, ``coder`` and ``code`` (any case; other
    columns left out), one row per unit and coder, is pivoted; a table whose rows are named
    ``unit`` (``index.name``) or whose columns are named ``coder`` (``columns.name``), as
    ``long.pivot(index="unit", columns="coder", values="code")`` makes it, is turned round.
    A table whose axes are not named is read by its labels (api tester, session 82: pandas'
    own layout, ``pd.DataFrame({"ann": a, "ben": b})``, one row per unit, was read as 50
    coders x 2 units, AC1 0.0099 for 0.406, with no word): the axis labelled with names (text)
    is the coders, the axis of plain numbers (0, 1, 2 ... or unit numbers) the units; with
    numbers on both axes the table is read as the array it holds, coders as rows; with names
    on both axes (coder names, or unit ids, either way) it cannot be told and is a one-line
    error saying how to name the axes. A long table with two rows for one unit and coder is a
    one-line error: these functions take one label each."""
    named = {str(c).strip().casefold(): c for c in frame.columns}
    if all(c in named for c in LONG_COLUMNS):
        unit, coder, code = (named[c] for c in LONG_COLUMNS)
        twice = frame.duplicated([unit, coder])
        if twice.any():
            first = frame[twice].iloc[0]
            raise RoqaValueError(
                f"a long table (columns unit, coder, code) gives unit {_plain(first[unit])!r} "
                f"two rows for coder {_plain(first[coder])!r}: these functions take one label per unit and "
                "coder; for several codes per unit use roqa_nlp.coding_agreement "
                "(read_long_csv, agreement_report) or `roqa agree`"
            )
        return frame.pivot(index=coder, columns=unit, values=code)
    rows, columns = _axis_name(frame.index), _axis_name(frame.columns)
    if rows in ("unit", "coder") or columns in ("unit", "coder"):
        turned = (rows == "unit" or columns == "coder") and rows != "coder" and columns != "unit"
        return frame.T if turned else frame
    named_rows, named_columns = _has_names(frame.index), _has_names(frame.columns)
    if named_rows and named_columns:
        raise RoqaValueError(UNTOLD_FRAME.format(rows=frame.shape[0], columns=frame.shape[1]))
    return frame.T if named_columns else frame


#: a DataFrame labelled with names on both axes: coders as rows or as columns cannot be told
UNTOLD_FRAME = (
    "a DataFrame with names on both axes ({rows} rows, {columns} columns) does not say which "
    'are the coders: name its axes, df.rename_axis(index="unit", columns="coder") for one '
    'column per coder or df.rename_axis(index="coder", columns="unit") for one row per '
    "coder"
)


def _has_names(axis: Any) -> bool:
    """Whether a DataFrame axis is labelled with names (any label not a whole number), as a
    coder's column or row is, rather than with positions or unit numbers."""
    return any(
        not isinstance(label, int | np.integer) or isinstance(label, bool | np.bool_)
        for label in axis
    )


def _as_matrix(reliability_data: Any, *, paired: bool = False) -> np.ndarray:
    """The coders x units matrix as a 2-D array (float when numeric, object otherwise).

    A dict of coders (``{"ann": [...], "ben": [...]}``) is one row per coder, in its order;
    coders' labels given by unit (dicts of unit -> label, or pandas Series indexed by unit) are
    aligned by unit (:func:`_by_unit`; ``paired``: every coder must have every unit); a set is
    refused (it has no order). A 2-D numpy array of :data:`TURNED_ROWS` or more rows and
    fewer columns is warned of: it is read coders x units, and units x coders (one column per
    coder) is the likelier layout of such an array (api tester, session 83, D8: Krippendorff's
    0.743 read as -0.055)."""
    if hasattr(reliability_data, "columns") and hasattr(reliability_data, "index"):
        reliability_data = _frame_coders_by_units(reliability_data)  # a pandas DataFrame
    elif isinstance(reliability_data, np.ndarray):
        _warn_if_turned(reliability_data)
    if hasattr(reliability_data, "to_numpy") and not isinstance(reliability_data, np.ndarray):
        reliability_data = reliability_data.to_numpy()  # a pandas DataFrame, rows = coders
    if not isinstance(reliability_data, np.ndarray):
        if not isinstance(reliability_data, Iterable):  # None, a number: not "not iterable"
            raise RoqaTypeError(f"{TAKES}, not {a_type(reliability_data)}")
        _refuse_set(reliability_data)
        if isinstance(reliability_data, Mapping):
            reliability_data = _coders_of(reliability_data)
        reliability_data = list(reliability_data)
        if not reliability_data:
            raise RoqaValueError(NO_UNITS)
        if any(
            isinstance(r, (str, bytes)) or not isinstance(r, Iterable) for r in reliability_data
        ):
            raise RoqaValueError(
                "reliability data must be one row (a list) per coder, one column per unit: "
                "[[coder 1's labels], [coder 2's labels]], not one coder's labels"
            )
        for row in reliability_data:
            _refuse_set(row)
        reliability_data = _rows_by_unit(reliability_data, paired=paired)
    if isinstance(reliability_data, np.ndarray):
        arr = reliability_data
    elif _numeric_rows(reliability_data):
        arr = np.vstack([np.asarray(r, dtype=float) for r in reliability_data])
    else:
        rows = [list(r) for r in reliability_data]
        lengths = {len(r) for r in rows}
        if len(lengths) > 1:
            raise RoqaValueError(
                "reliability data rows have different lengths: give one row per coder and one "
                "column per unit, with None for a unit the coder did not code"
            )
        width = lengths.pop() if lengths else 0
        arr = np.empty((len(rows), width), dtype=object)
        for i, r in enumerate(rows):
            arr[i, :] = r
        flat = [v for v in arr.ravel() if v is not None]
        if all(_is_number(v) and not isinstance(v, bool | np.bool_) for v in flat):
            arr = np.array(
                [[np.nan if v is None else float(v) for v in r] for r in rows], dtype=float
            ).reshape(len(rows), width)
    if arr.ndim != 2:
        raise RoqaValueError(
            "reliability data must be 2-D (coders x units); for two coders pass [a, b]"
        )
    if arr.size == 0:
        raise RoqaValueError(NO_UNITS)
    return arr


#: a set of labels: it has no order, so no unit is paired with another coder's
UNORDERED = (
    "the labels are a {kind}, which has no order, so no label can be paired with another "
    "coder's for the same unit: give a list of labels in the units' order, or a dict of "
    "unit -> label"
)


def _refuse_set(labels: Any) -> None:
    if isinstance(labels, AbstractSet):  # set, frozenset, dict.keys()
        raise RoqaTypeError(UNORDERED.format(kind=type(labels).__name__))


def _coders_of(coders: Mapping[Any, Any]) -> list[Any]:
    """A dict of coders, ``{"ann": ann's labels, "ben": ben's}``, as one row per coder in its
    order; a dict whose values are single labels is one coder's labels by unit (unit ->
    label), which the statistics of many coders do not take alone."""
    rows = list(coders.values())
    if all(isinstance(r, Iterable) and not isinstance(r, str | bytes) for r in rows):
        return rows
    raise RoqaValueError(
        "reliability data must be one row per coder: a dict of unit -> label is one coder's "
        "labels; give a dict of coders, {'ann': ann's labels, 'ben': ben's}, or a list of "
        "them, [ann, ben]"
    )


def _by_unit(labels: Any) -> dict[Any, Any] | None:
    """One coder's labels keyed by unit, when they are given so: a dict of unit -> label, or a
    pandas Series whose index names the units (labels such as ``"p01:0003"``, or a named index,
    as ``read_csv(..., index_col="unit")`` makes it); None for labels in the units' order (a
    list, an array, a Series numbered 0, 1, 2 ..., or by the unnamed row numbers a filter
    kept). A Series naming one unit twice is a one-line error."""
    if isinstance(labels, Mapping):
        return {_plain(unit): label for unit, label in labels.items()}
    pandas = sys.modules.get("pandas")
    if pandas is None or not isinstance(labels, pandas.Series):
        return None
    if isinstance(labels.index, pandas.RangeIndex):
        return None
    if labels.index.name is None and pandas.api.types.is_integer_dtype(labels.index.dtype):
        # row numbers a filter kept (``df[df.transcript == "T1"]["code"]``), not units: two
        # coders' own files filtered so are read in order, as before (hunt18 A1: aligned by row
        # number, coders who agreed on all 6 units got alpha 0.091); a named integer index
        # (``read_csv(..., index_col="unit")``) names the units
        return None
    twice = labels.index[labels.index.duplicated()]
    if len(twice):
        raise RoqaValueError(
            f"a Series indexed by unit gives unit {_plain(twice[0])!r} two labels: give "
            "one label per unit (or .reset_index(drop=True) to read the labels in their order)"
        )
    return {_plain(unit): label for unit, label in labels.items()}


def _rows_by_unit(rows: list[Any], *, paired: bool) -> list[Any]:
    """Coders' rows as given when they are in the units' order; aligned by unit when every
    coder's labels name their units (:func:`_by_unit`; api tester, session 83, D1 and D2: two
    dicts were read by their keys, kappa 1.0 for coders who disagreed on every unit, and two
    Series by position, kappa 0.2 for coders who agreed on every unit). The units are the
    first coder's, in order, then any other coder's; a unit a coder did not label is missing
    (None), unless ``paired`` (Cohen's kappa, Scott's pi: a pair of labels per unit), where it
    is a one-line error. A dict among lists is a one-line error: its units cannot be put in
    the lists' order."""
    keyed = [_by_unit(r) for r in rows]
    if all(k is None for k in keyed):
        return rows
    if any(k is None for k in keyed):
        if not any(isinstance(r, Mapping) for r in rows):
            return rows  # a Series indexed by unit among lists: in the order given, as before
        raise RoqaTypeError(
            "one coder's labels are a dict of unit -> label and another's are in unit order "
            "(a list or array): give every coder's labels as a dict of unit -> label, or "
            "every coder's as a list in one order of the units"
        )
    coders = [k for k in keyed if k is not None]
    units = list(dict.fromkeys(u for k in coders for u in k))
    if not units:
        return [[] for _ in coders]  # empty dicts: no units (NO_UNITS, as empty lists)
    lacking = [(u, i) for u in units for i, k in enumerate(coders) if u not in k]
    if paired and lacking:
        (unit, coder), n = lacking[0], len({u for u, _ in lacking})
        raise RoqaValueError(
            f"unit {unit!r} has no label from coder {coder + 1} of {len(coders)} ({n} "
            f"unit{'s' if n > 1 else ''} one coder lacks): the coefficients of two coders pair "
            "their labels unit by unit; give None for a unit a coder did not code (it is then "
            "left out), or use krippendorff_alpha, which takes missing values"
        )
    elif not any(sum(u in k for k in coders) >= 2 for u in units):
        raise RoqaValueError(
            f"the coders share no unit (coder 1's first unit is {units[0]!r}, coder "
            f"{len(coders)}'s {next(iter(coders[-1]), None)!r}): give each coder's labels "
            "keyed by the same unit ids"
        )
    return [[k.get(u) for u in units] for k in coders]


#: An array of this many rows or more, and fewer columns, is warned of as likely units x coders:
#: ten coders of fewer units is rare, a dozen units of a few coders common (Krippendorff
#: 2011's 4 coders x 12 units, turned). Fewer rows are not (3 coders of 2 units is a small
#: study, and roqa's own per-code arrays are such).
TURNED_ROWS = 10


def _warn_if_turned(arr: np.ndarray) -> None:
    """A RoqaWarning for a 2-D array of :data:`TURNED_ROWS` or more rows (read as coders) and
    fewer columns (units), given by the researcher (roqa_nlp's own arrays are coders x units by
    construction): one column per coder is the likelier layout."""
    rows, columns = arr.shape if arr.ndim == 2 else (0, 0)
    if rows >= TURNED_ROWS and rows > columns > 1 and _called_by_the_researcher():
        warn(
            f"a {rows} x {columns} array is read as {rows} coders x {columns} units (one row "
            "per coder): if its rows are units and its columns coders, pass its transpose, "
            "arr.T",
            stacklevel=None,
        )


def _called_by_the_researcher() -> bool:
    """Whether the call into roqa_nlp that led here entered through this module (the
    researcher's krippendorff_alpha(arr)), not through another of roqa_nlp's (agreement_report's
    per-code arrays)."""
    package = str(Path(__file__).parent) + os.sep
    entry = sys._getframe(1)
    while (outer := entry.f_back) is not None and outer.f_code.co_filename.startswith(package):
        entry = outer
    return entry.f_code.co_filename == __file__


def _numeric_rows(rows: Any) -> bool:
    """True for a list/tuple of equal-length numeric numpy arrays (the fast path)."""
    if not isinstance(rows, list | tuple) or not rows:
        return False
    if not all(isinstance(r, np.ndarray) and r.ndim == 1 and r.dtype.kind in "iuf" for r in rows):
        return False
    return len({r.shape[0] for r in rows}) == 1


def _encode(
    reliability_data: Any, categories: Sequence[Any] | None
) -> tuple[np.ndarray, list[Any]]:
    """Integer category codes (coders x units, -1 = missing) and the ordered category list."""
    arr = _as_matrix(reliability_data)
    codes = np.full(arr.shape, -1, dtype=np.int64)
    if arr.dtype.kind in "biuf":
        present = ~np.isnan(arr.astype(float))
        uniq, inverse = np.unique(arr[present], return_inverse=True)
        values = [_plain(v) for v in uniq]
        if categories is None:
            cats = values
            codes[present] = inverse
        else:
            cats = [_plain(c) for c in categories]
            index = _category_index(cats)
            lookup = np.array([_code_of(v, index) for v in values], dtype=np.int64)
            codes[present] = lookup[inverse] if len(values) else inverse
        return codes, cats
    flat = arr.ravel()
    seen: dict[Any, int] = {}
    raw = np.full(flat.shape, -1, dtype=np.int64)
    for i, v in enumerate(flat):
        if _is_missing(v):
            continue
        v = _plain(v)
        raw[i] = seen.setdefault(v, len(seen))
    found = list(seen)
    _check_one_kind(found)
    cats = _default_order(found) if categories is None else [_plain(c) for c in categories]
    index = _category_index(cats)
    remap = np.array([_code_of(v, index) for v in found], dtype=np.int64)
    ok = raw >= 0
    codes_flat = codes.ravel()
    codes_flat[ok] = remap[raw[ok]] if len(found) else raw[ok]
    return codes_flat.reshape(arr.shape), cats


def _check_one_kind(values: list[Any]) -> None:
    """A ValueError when ``values`` mix numbers and text: ``1`` and ``"1"`` would be two
    categories, and two coders who agree on every unit would read as disagreeing."""
    numbers = [v for v in values if _is_number(v) and not isinstance(v, bool | np.bool_)]
    texts = [v for v in values if isinstance(v, str | bytes)]
    if numbers and texts:
        # the number and the text that spell one value, when there are such
        same = [(n, t) for n in numbers for t in texts if str(t).strip() == str(n)]
        n, t = same[0] if same else (numbers[0], texts[0])
        raise RoqaValueError(
            f"the labels mix numbers and text ({n!r} and {t!r}), which would be different "
            "categories: give every label as a number, or every label as text"
        )


def _category_index(cats: list[Any]) -> dict[Any, int]:
    index: dict[Any, int] = {}
    for i, c in enumerate(cats):
        if _is_missing(c):
            raise RoqaValueError(
                "categories must not contain None, NaN or pd.NA (they mean 'missing')"
            )
        if c in index:
            raise RoqaValueError(f"category {c!r} is listed twice in categories")
        index[c] = i
    return index


def _code_of(value: Any, index: dict[Any, int]) -> int:
    try:
        return index[value]
    except KeyError:
        raise RoqaValueError(
            f"value {value!r} is not in categories {list(index)}: add it to categories"
        ) from None


def _unit_counts(codes: np.ndarray, q: int) -> np.ndarray:
    """Units x categories matrix r_uk: how many coders put unit u in category k."""
    n_coders, n_units = codes.shape
    ok = codes >= 0
    units = np.broadcast_to(np.arange(n_units), codes.shape)[ok]
    flat = units * q + codes[ok]
    return np.bincount(flat, minlength=n_units * q).reshape(n_units, q).astype(float)


def _pair_codes(a: Labels, b: Labels, categories: Sequence[Any] | None):
    codes, cats = _encode(_two_rows(a, b, paired=True), categories)
    both = (codes[0] >= 0) & (codes[1] >= 0)
    return codes[0][both], codes[1][both], cats


def _two_rows(a: Labels, b: Labels, *, paired: bool = False) -> list[Any]:
    """Two coders' labels as two rows, aligned by unit when both name their units
    (:func:`_rows_by_unit`; ``paired``: each must label every unit)."""
    if isinstance(a, str | bytes) or isinstance(b, str | bytes):  # "abc": not three units
        raise RoqaValueError(
            "the labels are one str, not one label per unit: give a list of labels, "
            "e.g. ['barrier', 'enabler', 'neutral']"
        )
    for labels in (a, b):
        if not isinstance(labels, Iterable):  # None, a number: not "not iterable"
            raise RoqaTypeError(f"{TAKES}, not {a_type(labels)}")
        _refuse_set(labels)
    aligned = _rows_by_unit([a, b], paired=paired)
    if aligned[0] is not a:
        a, b = aligned
    if not isinstance(a, Sized):  # a generator: its labels, once
        a = list(a)
    if not isinstance(b, Sized):
        b = list(b)
    if len(a) != len(b):
        raise RoqaValueError(
            f"the two coders' label sequences differ in length ({len(a)} and {len(b)}): "
            "give one label per unit for each coder"
        )
    if len(a) == 0:
        raise RoqaValueError(NO_UNITS)
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        return [a, b]
    return [list(a), list(b)]


def _contingency(ca: np.ndarray, cb: np.ndarray, q: int) -> np.ndarray:
    return np.bincount(ca * q + cb, minlength=q * q).reshape(q, q).astype(float)


def _positions(cats: list[Any]) -> np.ndarray:
    """Category values when all are numbers (SAS, irrCAC); otherwise positions 0..q-1."""
    if cats and all(_is_number(c) for c in cats):
        return np.array([float(c) for c in cats])
    return np.arange(len(cats), dtype=float)


def _check_order(weights: Any, categories: Sequence[Any] | None, cats: list[Any]) -> None:
    """Weights need the categories' order: text values without ``categories=`` have none (their
    alphabetical order would weigh "barrier" next to "enabler", "neutral" at the far end)."""
    if isinstance(weights, str) and weights not in WEIGHTS:
        raise RoqaValueError(f"unknown weights {weights!r}: use one of {', '.join(WEIGHTS)}")
    identity = weights is None or (isinstance(weights, str) and weights == "identity")
    if not identity and categories is None and not all(_is_number(c) for c in cats):
        raise RoqaValueError(
            "weights on text values need categories= listing them in order "
            f"(found {', '.join(map(repr, cats[:4]))}{' ...' if len(cats) > 4 else ''})"
        )


def weight_matrix(weights: Weights, categories: Sequence[Any]) -> np.ndarray:
    """Agreement weights ``w_kl`` (1 on the diagonal) for ``categories`` in their given order.

    ``None``/``"identity"``: ``w_kl = [k == l]``; ``"linear"``: ``1 - |x_k - x_l| / (x_max -
    x_min)``; ``"quadratic"``: ``1 - (x_k - x_l)**2 / (x_max - x_min)**2`` [2, 10], with ``x`` the
    category values when all are numbers and their positions otherwise. A q x q array is used as
    given.
    """
    cats = list(categories)
    q = len(cats)
    if weights is None or (isinstance(weights, str) and weights == "identity"):
        return np.eye(q)
    if isinstance(weights, str):
        if weights not in WEIGHTS:
            raise RoqaValueError(f"unknown weights {weights!r}: use one of {', '.join(WEIGHTS)}")
        x = _positions(cats)
        span = float(x.max() - x.min()) if q else 0.0
        if span == 0.0:
            return np.ones((q, q))
        d = np.abs(x[:, None] - x[None, :]) / span
        return 1.0 - d if weights == "linear" else 1.0 - d**2
    w = np.asarray(weights, dtype=float)
    if w.shape != (q, q):
        raise RoqaValueError(
            f"a weights matrix must be {q} x {q} (one row per category), not {w.shape}"
        )
    return w


# -- two coders ----------------------------------------------------------------------------------


def _kappa_terms(table: np.ndarray, w: np.ndarray) -> tuple[float, float, float]:
    n = float(table.sum())
    p = table / n
    row, col = p.sum(axis=1), p.sum(axis=0)
    po = float((w * p).sum())
    pe = float((w * np.outer(row, col)).sum())
    return n, po, pe


def cohen_kappa(
    a: Labels,
    b: Labels,
    *,
    weights: Literal["linear", "quadratic"] | None = None,
    categories: Sequence[Any] | None = None,
) -> float:
    """Cohen's kappa between two coders, optionally weighted [1, 2].

    ``kappa = (p_o - p_e) / (1 - p_e)`` with ``p_o = sum_kl w_kl p_kl`` and
    ``p_e = sum_kl w_kl p_k. p_.l``, where ``p_kl`` is the proportion of units coder ``a`` put in
    category ``k`` and coder ``b`` in ``l``, and ``w`` are agreement weights (identity when
    ``weights`` is None; see :func:`weight_matrix`). Units where either label is missing are left
    out (listwise deletion).

    Returns ``nan`` when no unit has both labels, or when chance agreement ``p_e`` is 1 (both
    coders used one and the same category throughout): kappa is 0/0 there. This is the known
    "kappa paradox"; :func:`gwet_ac1` stays defined in that case.
    """
    ca, cb, cats = _pair_codes(a, b, categories)
    _check_order(weights, categories, cats)
    if ca.size == 0:
        return math.nan
    w = weight_matrix(weights, cats)
    return _kappa_of_counts(_contingency(ca, cb, len(cats)), w)


def _kappa_of_counts(table: np.ndarray, w: np.ndarray) -> float:
    """Cohen's kappa of the contingency ``table`` (counts) with agreement weights ``w``,
    ``(p_o - p_e) / (1 - p_e)`` multiplied through by ``n**2``: ``(n sum w T - sum w r c) /
    (n**2 - sum w r c)`` over the counts ``T`` and their row and column sums ``r``, ``c``. With
    whole counts and identity weights each sum is a whole number, so the one division is the
    only rounding: perfect agreement is exactly 1.0 and Wikipedia's 2x2 exactly 0.4 (they were
    0.9999999999999997 and 0.3999999999999999 over proportions; api tester, session 76, D7)."""
    n = float(table.sum())
    chance = float((w * np.outer(table.sum(axis=1), table.sum(axis=0))).sum())
    if n * n - chance <= _DEGENERATE * n * n:
        return math.nan
    return float((n * float((w * table).sum()) - chance) / (n * n - chance))


#: Of two terms of a variance that cancel (:func:`cohen_kappa_se`), a difference no larger than
#: this share of them is floating-point rounding: the variance is 0.
_CANCELLED = 1e-12


def cohen_kappa_se(
    a: Labels,
    b: Labels,
    *,
    weights: Literal["linear", "quadratic"] | None = None,
    categories: Sequence[Any] | None = None,
    null: bool = False,
) -> float:
    """Large-sample standard error of (weighted) Cohen's kappa, Fleiss, Cohen & Everitt (1969) [3].

    With ``wbar_k. = sum_l p_.l w_kl`` and ``wbar_.l = sum_k p_k. w_kl``:

    ``var = [sum_kl p_kl (w_kl - (wbar_k. + wbar_.l)(1 - kappa))**2 - (kappa - p_e (1 - kappa))**2]
    / (n (1 - p_e)**2)``

    and, under the null hypothesis kappa = 0 (``null=True``, for a z test):

    ``var_0 = [sum_kl p_k. p_.l (w_kl - (wbar_k. + wbar_.l))**2 - p_e**2] / (n (1 - p_e)**2)``.

    These are the corrected formulas (the same SAS PROC FREQ prints as ASE); they reduce to the
    unweighted ones for identity weights. Use ``null=False`` for confidence intervals. Returns
    ``nan`` wherever :func:`cohen_kappa` does.
    """
    ca, cb, cats = _pair_codes(a, b, categories)
    _check_order(weights, categories, cats)
    if ca.size == 0:
        return math.nan
    w = weight_matrix(weights, cats)
    table = _contingency(ca, cb, len(cats))
    n, po, pe = _kappa_terms(table, w)
    if 1.0 - pe <= _DEGENERATE:
        return math.nan
    p = table / n
    row, col = p.sum(axis=1), p.sum(axis=0)
    w_row = w @ col  # wbar_k.
    w_col = row @ w  # wbar_.l
    if null:
        term = (np.outer(row, col) * (w - (w_row[:, None] + w_col[None, :])) ** 2).sum()
        less = pe**2
    else:
        kappa = (po - pe) / (1.0 - pe)
        term = (p * (w - (w_row[:, None] + w_col[None, :]) * (1.0 - kappa)) ** 2).sum()
        less = (kappa - pe * (1.0 - kappa)) ** 2
    # the two terms cancel where the variance is 0 (perfect agreement; one coder's one code
    # throughout): what floating point leaves of them, a few units in the last place, is 0, not
    # a standard error of about 1e-8 printed as "[1.000, 1.000]" (tester s65, stats, 2)
    spread = float(term - less)
    if spread <= _CANCELLED * max(float(term), float(less)):
        return 0.0
    return float(math.sqrt(spread / (n * (1.0 - pe) ** 2)))


def scott_pi(
    a: Labels, b: Labels | None = None, *, categories: Sequence[Any] | None = None
) -> float:
    """Scott's pi between two coders [4]: ``scott_pi(a, b)`` or ``scott_pi([a, b])``.

    ``pi = (p_o - p_e) / (1 - p_e)`` with ``p_e = sum_k ((p_k. + p_.k) / 2)**2``: chance agreement
    from the two coders' pooled category proportions (Cohen's kappa uses their product instead).
    Units where either label is missing are left out. Returns ``nan`` when no unit has both labels
    or when only one category occurs (``p_e = 1``).
    """
    if b is None:
        rows = _as_matrix(a, paired=True)
        if rows.shape[0] != 2:
            raise RoqaValueError(
                f"Scott's pi is for two coders, got {rows.shape[0]}: use fleiss_kappa or "
                "krippendorff_alpha for more"
            )
        a, b = rows[0], rows[1]
    ca, cb, cats = _pair_codes(a, b, categories)
    if ca.size == 0:
        return math.nan
    # (p_o - p_e) / (1 - p_e) multiplied through by (2n)**2, over counts, as Cohen's kappa is
    # (_kappa_of_counts): each coder's and the other's uses of a category, m_k, summed
    table = _contingency(ca, cb, len(cats))
    n = float(table.sum())
    m = table.sum(axis=1) + table.sum(axis=0)
    chance = float((m**2).sum())
    if 4.0 * n * n - chance <= _DEGENERATE * 4.0 * n * n:
        return math.nan
    return float((4.0 * n * float(np.trace(table)) - chance) / (4.0 * n * n - chance))


# -- many coders ---------------------------------------------------------------------------------


def _check_counts(counts: Any) -> tuple[np.ndarray, float]:
    if isinstance(counts, Mapping):  # a dict of coders, {"ann": [...], "ben": [...]}
        raise RoqaTypeError(
            "Fleiss' kappa takes a subjects x categories counts matrix (a list of rows, an "
            "array or a DataFrame), not a dict: for a dict of coders' labels, {'ann': [...], "
            "'ben': [...]}, use krippendorff_alpha or gwet_ac1 (scott_pi for two coders)"
        )
    try:
        c = np.asarray(counts, dtype=float)
    except (TypeError, ValueError):
        raise RoqaValueError(
            "counts must be a table of numbers, one row per subject and one column per "
            "category, each row as long (for coders' labels, use krippendorff_alpha or "
            "gwet_ac1)"
        ) from None
    if c.ndim != 2:
        raise RoqaValueError("counts must be 2-D: one row per subject, one column per category")
    if (c < 0).any() or not np.isfinite(c).all():
        raise RoqaValueError("counts must be non-negative numbers of ratings")
    # 1.5 raters (api tester, session 83, D6: kappa 0.0 with no word); a whole number up to a
    # float's rounding (shares x 25 raters: 7.000000000000001) is that number (hunt18 A2)
    part = c[~np.isclose(c, np.round(c), rtol=0.0, atol=1e-9 * max(1.0, float(c.max(initial=0))))]
    if part.size:
        raise RoqaValueError(
            f"counts must be whole numbers of ratings (found {_plain(part[0])!r}): each is how "
            "many raters put the subject in the category"
        )
    c = np.round(c)
    c = c[c.sum(axis=1) > 0]
    if c.shape[0] == 0:
        raise RoqaValueError("counts hold no ratings")
    sums = c.sum(axis=1)
    if not np.allclose(sums, sums[0]):
        raise RoqaValueError(
            "Fleiss' kappa needs the same number of ratings for every subject; "
            "use krippendorff_alpha or gwet_ac1 for missing ratings"
        )
    n = float(sums[0])
    if n < 2:
        raise RoqaValueError("Fleiss' kappa needs at least two ratings per subject")
    return c, n


def fleiss_kappa(counts: Any, *more: Any) -> float:
    """Fleiss' kappa for many raters [5] from a subjects x categories counts matrix.

    ``n_ij`` is how many of the ``n`` raters put subject ``i`` in category ``j`` (every subject
    has the same ``n``; subjects with no ratings are ignored). With ``N`` subjects:

    ``P_i = (sum_j n_ij**2 - n) / (n (n - 1))``, ``P_bar = mean_i P_i``,
    ``p_j = sum_i n_ij / (N n)``, ``P_e = sum_j p_j**2``, ``kappa = (P_bar - P_e) / (1 - P_e)``.

    With two raters this equals :func:`scott_pi`. Returns ``nan`` when only one category is used
    (``P_e = 1``); raises :class:`ValueError` for unequal numbers of ratings or fewer than two.
    """
    if more:
        raise RoqaTypeError(
            "fleiss_kappa() takes one subjects x categories counts matrix, not coders' labels: "
            "for two coders' labels use scott_pi(a, b) (equal to Fleiss' kappa for two) or "
            "krippendorff_alpha(a, b)"
        )
    c, n = _check_counts(counts)
    # (P_bar - P_e) / (1 - P_e) multiplied through by N**2 n**2 (n - 1), over counts, as
    # Cohen's kappa is (_kappa_of_counts): with whole counts the one division is the only
    # rounding, so perfect agreement is exactly 1.0
    total = float(c.sum())  # N n
    observed = total * float(((c**2).sum(axis=1) - n).sum())
    chance = (n - 1.0) * float((c.sum(axis=0) ** 2).sum())
    whole = (n - 1.0) * total * total
    if whole - chance <= _DEGENERATE * whole:
        return math.nan
    return float((observed - chance) / (whole - chance))


def fleiss_kappa_se0(counts: Any) -> float:
    """Standard error of Fleiss' kappa under the null hypothesis kappa = 0 [5, 6].

    ``se_0 = sqrt(2) / (sum_j p_j q_j sqrt(N n (n - 1))) *
    sqrt((sum_j p_j q_j)**2 - sum_j p_j q_j (q_j - p_j))`` with ``q_j = 1 - p_j``.

    This is the formula of Fleiss, Nee & Landis (1979), which corrects the one printed in Fleiss
    (1971); it is what R's ``irr::kappam.fleiss`` uses for its z statistic. It is valid for
    testing kappa = 0, not for a confidence interval (use :func:`bootstrap_ci`). Returns ``nan``
    when only one category is used.
    """
    c, n = _check_counts(counts)
    big_n = c.shape[0]
    p = c.sum(axis=0) / c.sum()
    q = 1.0 - p
    pq = float((p * q).sum())
    if pq <= _DEGENERATE:
        return math.nan
    inner = pq**2 - float((p * q * (q - p)).sum())
    return float(
        math.sqrt(2.0) / (pq * math.sqrt(big_n * n * (n - 1.0))) * math.sqrt(max(inner, 0.0))
    )


def percent_agreement(reliability_data: Any, b: Labels | None = None) -> float:
    """Proportion of agreeing coder pairs, averaged over units (0-1; multiply by 100 for percent).

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    ``p_a = (1 / n') sum_u sum_k r_uk (r_uk - 1) / (m_u (m_u - 1))`` over the ``n'`` units coded
    by at least two coders, where ``r_uk`` is how many coders put unit ``u`` in category ``k`` and
    ``m_u`` how many coded ``u`` [5, 10]. For two coders: the share of units on which they agree.
    Not corrected for chance. Returns ``nan`` when no unit has two values.
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    codes, cats = _encode(reliability_data, None)
    return _percent_from_counts(_unit_counts(codes, len(cats)))


def _percent_from_counts(r: np.ndarray) -> float:
    m = r.sum(axis=1)
    two = m >= 2
    if not two.any():
        return math.nan
    r, m = r[two], m[two]
    return float(((r * (r - 1.0)).sum(axis=1) / (m * (m - 1.0))).mean())


def _alpha_delta(level: str, cats: list[Any], n_c: np.ndarray) -> np.ndarray:
    """Squared difference function delta**2_ck of Krippendorff (2011) for each level [7]."""
    q = len(cats)
    if level == "nominal":
        return 1.0 - np.eye(q)
    if level == "ordinal":
        cum = np.cumsum(n_c)
        idx = np.arange(q)
        lo = np.minimum(idx[:, None], idx[None, :])
        hi = np.maximum(idx[:, None], idx[None, :])
        between = cum[hi] - cum[lo] + n_c[lo]  # sum of n_g for g from c to k inclusive
        return (between - (n_c[:, None] + n_c[None, :]) / 2.0) ** 2 * (lo != hi)
    if not all(_is_number(c) for c in cats):
        raise RoqaValueError(
            f"level={level!r} needs numeric values; use level='nominal' for text codes"
        )
    x = np.array([float(c) for c in cats])
    diff = x[:, None] - x[None, :]
    if level == "interval":
        return diff**2
    if (x < 0).any():
        raise RoqaValueError(
            "level='ratio' needs non-negative values (a ratio scale has a true zero)"
        )
    total = x[:, None] + x[None, :]
    return np.divide(diff, total, out=np.zeros_like(diff), where=total != 0) ** 2


def krippendorff_alpha(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    level: Level = "nominal",
    categories: Sequence[Any] | None = None,
) -> float:
    """Krippendorff's alpha for any number of coders, missing values and four levels [7, 8].

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    Computed through the coincidence matrix exactly as in Krippendorff (2011): units with fewer
    than two values are not pairable and are dropped; each remaining unit ``u`` with ``m_u``
    values adds ``r_uc (r_uk - [c = k]) / (m_u - 1)`` to ``o_ck``. With ``n_c = sum_k o_ck`` and
    ``n = sum_c n_c``:

    ``alpha = 1 - D_o / D_e = 1 - (n - 1) sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck``

    with ``delta2_ck`` = ``[c != k]`` (nominal); ``(sum_{g=c..k} n_g - (n_c + n_k) / 2)**2``
    (ordinal, over categories in order); ``(c - k)**2`` (interval); ``((c - k) / (c + k))**2``
    (ratio). Ordinal data in text need ``categories=`` in their order; interval and ratio need
    numbers.

    Returns ``nan`` when alpha is undefined: no unit has two values (all missing, or one coder),
    or all pairable values are equal so that ``D_e = 0`` (Krippendorff: data without variation
    say nothing about reliability).
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    if level not in LEVELS:
        raise RoqaValueError(f"unknown level {level!r}: use one of {', '.join(LEVELS)}")
    codes, cats = _encode(reliability_data, categories)
    if level == "ordinal" and categories is None and not all(_is_number(c) for c in cats):
        raise RoqaValueError("ordinal alpha on text values needs categories= listing them in order")
    return _alpha_from_counts(_unit_counts(codes, len(cats)), cats, level)


def _alpha_from_counts(r: np.ndarray, cats: list[Any], level: str) -> float:
    """Alpha from the units x categories counts r_uk (the coincidence-matrix computation)."""
    m = r.sum(axis=1)
    pairable = m >= 2
    if not pairable.any():
        return math.nan
    r, m = r[pairable], m[pairable]
    scaled = r / (m - 1.0)[:, None]
    o = scaled.T @ r - np.diag(scaled.sum(axis=0))
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    delta2 = _alpha_delta(level, cats, n_c)
    expected = float((np.outer(n_c, n_c) * delta2).sum())
    if expected <= _DEGENERATE:
        return math.nan
    observed = float((o * delta2).sum())
    return float(1.0 - (n - 1.0) * observed / expected)


def _gwet_parts(
    reliability_data: Any, weights: Weights, categories: Sequence[Any] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int] | None:
    """Counts r_ik, weighted counts r*_ik and weights for units with at least one value."""
    codes, cats = _encode(reliability_data, categories)
    _check_order(weights, categories, cats)
    q = len(cats)
    r = _unit_counts(codes, q)
    r = r[r.sum(axis=1) >= 1]
    if r.shape[0] == 0 or not (r.sum(axis=1) >= 2).any():
        return None
    w = weight_matrix(weights, cats)
    return r, r @ w.T, w, q


def _weighted_pa(r: np.ndarray, r_w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-unit weighted agreement p_a|i (0 for units with one value) and the >=2 mask."""
    m = r.sum(axis=1)
    two = m >= 2
    den = np.where(two, m * (m - 1.0), 1.0)
    pa_i = np.where(two, (r * (r_w - 1.0)).sum(axis=1) / den, 0.0)
    return pa_i, two


def _gwet(r: np.ndarray, r_w: np.ndarray, w: np.ndarray, q: int) -> tuple[float, float, float]:
    pa_i, two = _weighted_pa(r, r_w)
    pa = float(pa_i[two].mean())
    m = r.sum(axis=1)
    pi = (r / m[:, None]).mean(axis=0)
    pe = 0.0 if q < 2 else float(w.sum() * (pi * (1.0 - pi)).sum() / (q * (q - 1.0)))
    if 1.0 - pe <= _DEGENERATE:
        return math.nan, pa, pe
    return (pa - pe) / (1.0 - pe), pa, pe


def _ac_from_counts(r: np.ndarray, w: np.ndarray) -> float:
    """AC1/AC2 from the units x categories counts r_uk, for callers that already have them."""
    r = r[r.sum(axis=1) >= 1]
    if r.shape[0] == 0 or not (r.sum(axis=1) >= 2).any():
        return math.nan
    return float(_gwet(r, r @ w.T, w, r.shape[1])[0])


def gwet_ac1(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    categories: Sequence[Any] | None = None,
) -> float:
    """Gwet's first-order agreement coefficient AC1, any number of coders, missing values [9, 10].

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    ``AC1 = (p_a - p_e) / (1 - p_e)`` with ``p_a`` as in :func:`percent_agreement` and
    ``p_e = (1 / (q - 1)) sum_k pi_k (1 - pi_k)``, ``pi_k = (1 / n) sum_u r_uk / m_u`` over the
    ``n`` units with at least one value, ``q`` the number of categories. ``q`` counts every
    category in ``categories`` (default: the categories that occur), so list unused categories
    when they are part of the coding scheme.

    With a single category ``pi (1 - pi) = 0`` so ``p_e = 0`` and AC1 = ``p_a`` = 1 (where kappa
    is undefined). Returns ``nan`` when no unit has two values.
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    parts = _gwet_parts(reliability_data, None, categories)
    if parts is None:
        return math.nan
    return float(_gwet(*parts)[0])


def gwet_ac2(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    weights: Weights = "quadratic",
    categories: Sequence[Any] | None = None,
) -> float:
    """Gwet's AC2: AC1 with agreement weights for ordered categories [10].

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    ``p_a = (1 / n') sum_u sum_k r_uk (r*_uk - 1) / (m_u (m_u - 1))`` with
    ``r*_uk = sum_l w_kl r_ul``, and ``p_e = (T_w / (q (q - 1))) sum_k pi_k (1 - pi_k)`` where
    ``T_w`` is the sum of all weights. ``weights``: ``"linear"``, ``"quadratic"`` (default),
    ``"identity"`` (gives AC1) or a q x q matrix (see :func:`weight_matrix`). Returns ``nan``
    when no unit has two values or chance agreement is 1 (all weights 1).
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    parts = _gwet_parts(reliability_data, weights, categories)
    if parts is None:
        return math.nan
    return float(_gwet(*parts)[0])


def _gwet_se(parts: tuple[np.ndarray, np.ndarray, np.ndarray, int] | None) -> float:
    if parts is None:
        return math.nan
    r, r_w, w, q = parts
    ac, _, pe = _gwet(r, r_w, w, q)
    n = r.shape[0]
    if q < 2 or n < 2 or math.isnan(ac):
        return math.nan
    pa_i, two = _weighted_pa(r, r_w)
    n2 = int(two.sum())
    m = r.sum(axis=1)
    pi = (r / m[:, None]).mean(axis=0)
    ac_i = (n / n2) * (pa_i - pe * two) / (1.0 - pe)
    pe_i = (w.sum() / (q * (q - 1.0))) * (r @ (1.0 - pi)) / m
    ac_i_star = ac_i - 2.0 * (1.0 - ac) * (pe_i - pe) / (1.0 - pe)
    var = ((ac_i_star - ac) ** 2).sum() / (n * (n - 1.0))
    return float(math.sqrt(var))


def gwet_ac1_se(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    categories: Sequence[Any] | None = None,
) -> float:
    """Standard error of AC1 by the linearisation of Gwet (2008, section 5) [9, 10].

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    ``var = (1 / (n (n - 1))) sum_u (AC1*_u - AC1)**2`` with
    ``AC1_u = (n / n') (p_a|u - p_e [m_u >= 2]) / (1 - p_e)``,
    ``p_e|u = (1 / (q - 1)) sum_k (r_uk / m_u)(1 - pi_k)`` and
    ``AC1*_u = AC1_u - 2 (1 - AC1)(p_e|u - p_e) / (1 - p_e)``; units are a sample from an infinite
    population (no finite-population correction), as irrCAC's default. Returns ``nan`` for a single
    category, a single unit, or when AC1 is undefined.
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    return _gwet_se(_gwet_parts(reliability_data, None, categories))


def gwet_ac2_se(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    weights: Weights = "quadratic",
    categories: Sequence[Any] | None = None,
) -> float:
    """Standard error of AC2, the weighted form of :func:`gwet_ac1_se` [10]; takes
    reliability data or two label sequences ``a, b``."""
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    return _gwet_se(_gwet_parts(reliability_data, weights, categories))


def brennan_prediger(
    reliability_data: Any,
    b: Labels | None = None,
    *,
    categories: Sequence[Any] | None = None,
    weights: Weights = None,
) -> float:
    """Brennan & Prediger's free-marginal kappa [11] for any number of coders, missing values.

    Takes reliability data (coders x units), or two label sequences ``a, b`` like
    :func:`cohen_kappa`.

    ``kappa_BP = (p_a - p_e) / (1 - p_e)`` with ``p_a`` as in :func:`gwet_ac2` (identity weights
    by default) and ``p_e = T_w / q**2`` (``1 / q`` unweighted): chance agreement when every
    category is equally likely. ``q`` counts every category in ``categories``. Returns ``nan``
    when no unit has two values or only one category exists (``p_e = 1``).
    """
    if b is not None:
        reliability_data = _two_rows(reliability_data, b)
    parts = _gwet_parts(reliability_data, weights, categories)
    if parts is None:
        return math.nan
    r, r_w, w, q = parts
    pa_i, two = _weighted_pa(r, r_w)
    pa = float(pa_i[two].mean())
    pe = float(w.sum() / q**2)
    if 1.0 - pe <= _DEGENERATE:
        return math.nan
    return float((pa - pe) / (1.0 - pe))


# -- intervals and interpretation ----------------------------------------------------------------


class ConfidenceInterval(tuple):
    """A two-sided interval that unpacks as ``low, high``.

    ``level`` is its confidence level, ``method`` how it was made, and ``n_valid`` how many
    bootstrap resamples gave a defined value (0 for analytic intervals). ``withheld`` is why the
    data cannot give an interval (one of :data:`CI_WITHHELD_REASONS`, :func:`why_withheld`),
    when they cannot; ``low`` and ``high`` are then ``nan``.
    """

    low: float
    high: float
    level: float
    method: str
    n_valid: int
    withheld: str | None

    def __new__(
        cls,
        low: float,
        high: float,
        level: float,
        method: str,
        n_valid: int = 0,
        withheld: str | None = None,
    ) -> ConfidenceInterval:
        if withheld is not None:
            low, high = math.nan, math.nan
        self = super().__new__(cls, (low, high))
        self.low, self.high = low, high
        self.level, self.method, self.n_valid = level, method, n_valid
        self.withheld = withheld
        return self

    def __repr__(self) -> str:
        return (
            f"ConfidenceInterval(low={self.low!r}, high={self.high!r}, level={self.level!r}, "
            f"method={self.method!r}, n_valid={self.n_valid!r}, withheld={self.withheld!r})"
        )


#: An interval is withheld when fewer units than this carry what is compared: with one unit
#: carrying a code, every resample that defines kappa gives 1.0 and the "interval" is
#: [1.0, 1.0]; a large-sample (Wald) interval from so few is no better.
CI_MIN_UNITS = 5
#: ... or when fewer than this share of the resamples left the statistic defined (the interval
#: is then over an unstated selection of resamples, those that happened to draw the code).
CI_MIN_VALID_SHARE = 0.9
#: Why an interval is withheld, in the order they are tested (:func:`why_withheld`):
#: ``undefined`` (the estimate itself is undefined, e.g. kappa with every unit in one
#: category: no interval can be around it, whatever the resamples), ``units``
#: (fewer than :data:`CI_MIN_UNITS` units carry the code), ``resamples`` (under
#: :data:`CI_MIN_VALID_SHARE` of the resamples defined the statistic), ``zero_width`` (the
#: resamples' percentile interval has zero width) and ``standard_error`` (the analytic standard
#: error is 0 or undefined). The last two are what perfect agreement gives: no resample holds a
#: disagreement the sample lacks, and the variances of kappa (Fleiss, Cohen & Everitt 1969) and
#: AC1 (Gwet 2008) are 0 at p_o = 1; yet no disagreement in n units is compatible with a rate up
#: to about 3/n (Hanley & Lippman-Hand 1983), so a zero-width interval claims a certainty the
#: sample cannot give.
CI_WITHHELD_REASONS: tuple[str, ...] = (
    "undefined",
    "units",
    "resamples",
    "zero_width",
    "standard_error",
)
#: An interval narrower than this is of zero width (percentile ends of one repeated value).
_ZERO_WIDTH = 1e-12


def why_withheld(
    n_carrying: int | None,
    *,
    n_valid: int = 0,
    n_boot: int = 0,
    width: float = math.nan,
    se: float | None = None,
    estimate: float | None = None,
) -> str | None:
    """Why the data cannot give an interval (one of :data:`CI_WITHHELD_REASONS`), or None when
    they can: the one decision of :func:`bootstrap_ci`, :func:`normal_ci` and ``roqa agree``.

    ``estimate`` is the statistic over all the units, when known: undefined (nan), it is the
    reason (``"undefined"``), not how the resamples fell. ``n_carrying`` is how many compared
    units carry what is compared (None: not known). A
    percentile bootstrap interval (``se`` None) is judged by its ``n_valid`` defined resamples
    of ``n_boot`` and its ``width``; an analytic one by its standard error ``se``.
    """
    if estimate is not None and not math.isfinite(estimate):
        return "undefined"
    if n_carrying is not None and n_carrying < CI_MIN_UNITS:
        return "units"
    if se is not None:
        return "standard_error" if not math.isfinite(se) or se < _ZERO_WIDTH else None
    if n_valid < CI_MIN_VALID_SHARE * n_boot:
        return "resamples"
    if width < _ZERO_WIDTH:
        return "zero_width"
    return None


def normal_ci(
    estimate: float,
    se: float,
    *,
    level: float = 0.95,
    upper: float | None = 1.0,
    lower: float | None = -1.0,
    n_units: int | None = None,
) -> ConfidenceInterval:
    """``estimate -/+ z_{(1+level)/2} se``: the Wald interval for an analytic standard error.

    The limits are bounded to ``[lower, upper]``, ``[-1, 1]`` by default: Cohen's kappa and
    Gwet's AC1, the coefficients ``roqa agree`` gives Wald intervals, cannot leave it, so a
    limit past it (kappa -0.600 with a standard error of 0.253 over 10 units reaches -1.096)
    would be an impossible value; Gwet's irrCAC caps the upper limit the same way. Pass
    ``upper=None`` or ``lower=None`` for the raw end.

    Withheld as ``roqa agree`` withholds it (:func:`why_withheld`: ``low`` and ``high`` nan,
    ``withheld`` the reason) when the standard error is 0 or undefined (``"standard_error"``:
    the variance of kappa and of AC1 is 0 under perfect agreement, which n units cannot show),
    or when ``n_units``, the compared units carrying a code if given, are fewer than
    :data:`CI_MIN_UNITS` (``"units"``). An undefined (nan) estimate gives ``(nan, nan)``,
    withheld as ``"undefined"``.
    """
    _check_level(level)
    withheld = why_withheld(n_units, se=se, estimate=estimate)
    if withheld is not None:
        return ConfidenceInterval(math.nan, math.nan, level, "normal", withheld=withheld)
    z = NormalDist().inv_cdf((1.0 + level) / 2.0)
    low, high = estimate - z * se, estimate + z * se
    if upper is not None:
        high = min(high, upper)
    if lower is not None:
        low = max(low, lower)
    return ConfidenceInterval(low, high, level, "normal")


#: Most bootstrap resamples accepted: they are drawn as one n_boot x units array, bounded rather
#: than swap (memory grows with resamples x units).
MAX_BOOTSTRAP = 100_000
#: Fewer resamples than this give rough percentile intervals: warned of.
MIN_BOOTSTRAP = 200
#: How a caller names the resampling settings in a message: Python's arguments; ``roqa agree``
#: gives its options' names (``--n-boot`` ...), so that one check says both.
ARGUMENT_NAMES = {"n_boot": "n_boot=", "seed": "seed=", "ci_level": "ci_level="}
#: ``roqa agree``'s names of them
OPTION_NAMES = {"n_boot": "--n-boot ", "seed": "--seed ", "ci_level": "--ci-level "}


def check_resampling(
    *,
    n_boot: int | None = None,
    seed: int | None = None,
    ci_level: float | None = None,
    names: Mapping[str, str] = ARGUMENT_NAMES,
) -> None:
    """Refuse, in one line naming the setting as the caller does (``names``), a negative
    ``n_boot`` or one above :data:`MAX_BOOTSTRAP`, a negative ``seed`` and a ``ci_level`` not
    between 0 and 1: ``roqa agree`` says ``--seed -1 is negative``, ``agreement_report(...,
    seed=-1)`` ``seed=-1 is negative`` (it was numpy's bare "expected non-negative integer",
    and n_boot=-1 gave no intervals with no word: api tester, session 76, D11)."""
    if n_boot is not None and n_boot < 0:
        raise RoqaValueError(
            f"{names['n_boot']}{n_boot} is negative", hint="use 0 for no intervals"
        )
    if n_boot is not None and n_boot > MAX_BOOTSTRAP:
        raise RoqaValueError(
            f"{names['n_boot']}{n_boot} is above {MAX_BOOTSTRAP}",
            hint="1000 to 10000 resamples suffice",
        )
    if seed is not None and seed < 0:
        raise RoqaValueError(
            f"{names['seed']}{seed} is negative", hint="use 0 or a positive integer"
        )
    if ci_level is not None and not 0.0 < ci_level < 1.0:
        raise RoqaValueError(
            f"{names['ci_level']}{ci_level} is not between 0 and 1", hint="e.g. 0.95"
        )


def few_resamples_said(n_boot: int, names: Mapping[str, str] = ARGUMENT_NAMES) -> str | None:
    """The warning for ``n_boot`` resamples, fewer than :data:`MIN_BOOTSTRAP` (and not 0, no
    intervals), named as the caller names the setting; None when there are enough."""
    if not 0 < n_boot < MIN_BOOTSTRAP:
        return None
    return (
        f"{names['n_boot']}{n_boot}: so few resamples give rough percentile intervals; "
        f"use {MIN_BOOTSTRAP} or more (1000 to 10000 suffice)"
    )


def _check_level(level: float) -> None:
    if not 0.0 < level < 1.0:
        raise RoqaValueError(f"level must be between 0 and 1 (e.g. 0.95), not {level!r}")


def bootstrap_ci(
    statistic: Callable[[np.ndarray], float],
    reliability_data: Any,
    *,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
    absent: Any = None,
) -> ConfidenceInterval:
    """Percentile bootstrap interval over units [13].

    Draws ``n_boot`` resamples of the units (columns of the coders x units matrix) with
    replacement, using ``numpy.random.default_rng(seed)`` so that the same call gives the same
    interval, applies ``statistic`` to each resample and returns the ``(1 - level) / 2`` and
    ``(1 + level) / 2`` quantiles (numpy's default linear interpolation). Coders stay paired
    within a unit, so the dependence between coders is kept. Resamples where the statistic is
    undefined (``nan``, e.g. every resampled value equal) are left out and ``n_valid`` says how
    many remained; with no valid resample the interval is ``(nan, nan)``.

    ``statistic`` receives a 2-D array (float with NaN for missing, or object for text): for a
    two-coder coefficient use e.g. ``lambda d: cohen_kappa(d[0], d[1])``. Pass ``categories=``
    inside it when the category set must not shrink in resamples (Gwet's AC1, Brennan-Prediger).

    The interval is withheld as ``roqa agree`` withholds it (:func:`why_withheld`: ``low`` and
    ``high`` nan, ``withheld`` the reason, ``n_valid`` still counted) when fewer than
    :data:`CI_MIN_UNITS` units carry a value (``"units"``; a unit carries one when two or more
    coders coded it and one of them gave a value other than ``absent``: pass ``absent=0`` for
    a code's presence matrix, whose units no coder applied the code to carry nothing), when
    fewer than :data:`CI_MIN_VALID_SHARE` of the resamples gave a defined value
    (``"resamples"``), or when the interval has zero width (``"zero_width"``, as under perfect
    agreement: ``[1.0, 1.0]`` claims a certainty the units cannot give). When ``statistic``
    is undefined over all the units (kappa with every value the same), it is ``"undefined"``,
    tested first: the estimate itself, not the resamples, gives no interval.
    """
    _check_level(level)
    check_resampling(n_boot=n_boot, seed=seed)
    if n_boot < 1:
        raise RoqaValueError(f"n_boot must be at least 1, not {n_boot}")
    data = _as_matrix(reliability_data)
    n_units = data.shape[1]
    method = "percentile bootstrap"
    if n_units == 0:
        return ConfidenceInterval(math.nan, math.nan, level, method, 0, withheld="units")
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n_units, size=(n_boot, n_units))
    values = np.array([float(statistic(data[:, idx])) for idx in draws])
    return percentile_interval(
        values,
        level=level,
        n_carrying=_units_carrying(data, absent),
        estimate=float(statistic(data)),
    )


def percentile_interval(
    values: np.ndarray, *, level: float, n_carrying: int, estimate: float
) -> ConfidenceInterval:
    """The percentile bootstrap interval of a statistic's resampled ``values`` (one per
    resample, ``nan`` where undefined): the ``(1 - level) / 2`` and ``(1 + level) / 2``
    quantiles of the defined ones, withheld as :func:`why_withheld` decides (``n_carrying``
    units carrying what is compared, ``estimate`` the statistic on the data)."""
    finite = values[np.isfinite(values)]
    low = high = math.nan
    if finite.size:
        tail = (1.0 - level) / 2.0
        low, high = (float(q) for q in np.quantile(finite, [tail, 1.0 - tail]))
    withheld = why_withheld(
        n_carrying, n_valid=finite.size, n_boot=values.size, width=high - low, estimate=estimate
    )
    return ConfidenceInterval(low, high, level, "percentile bootstrap", int(finite.size), withheld)


def _units_carrying(data: np.ndarray, absent: Any) -> int:
    """How many units (columns of ``data``) two or more coders coded, one of them with a value
    other than ``absent`` (any value, when ``absent`` is None)."""
    carrying = 0
    for column in data.T:
        coded = [v for v in column if not _is_missing(v)]
        if len(coded) >= 2 and (absent is None or any(v != absent for v in coded)):
            carrying += 1
    return carrying


#: Landis & Koch (1977) bands [12]: upper bound (inclusive) and label; below 0 is "poor".
LANDIS_KOCH: tuple[tuple[float, str], ...] = (
    (0.20, "slight"),
    (0.40, "fair"),
    (0.60, "moderate"),
    (0.80, "substantial"),
    (1.00, "almost perfect"),
)

#: Krippendorff's thresholds [8]: rely on alpha >= .800, tentative conclusions only >= .667.
KRIPPENDORFF_RELIABLE = 0.800
KRIPPENDORFF_TENTATIVE = 0.667

#: How far a coefficient may be from a band's bound or a threshold and still be read as at it:
#: floating-point error (a kappa of exactly 0.6 computes as 0.6000000000000001), far below any
#: decimal shown.
READING_TOLERANCE = 1e-9


def landis_koch_label(value: float) -> str:
    """Landis & Koch (1977) strength of agreement for a kappa-type coefficient [12].

    < 0 poor; 0-0.20 slight; 0.21-0.40 fair; 0.41-0.60 moderate; 0.61-0.80 substantial;
    0.81-1 almost perfect. Upper bounds are inclusive (0.20 is slight, 0.2001 fair), and a
    value within :data:`READING_TOLERANCE` of a bound is at it (0.6000000000000001 is moderate);
    ``nan`` is "undefined". The bands are the authors' "benchmarks", not a test.
    """
    if value is None or math.isnan(value):
        return "undefined"
    if value < -READING_TOLERANCE:
        return "poor"
    for upper, label in LANDIS_KOCH:
        if value <= upper + READING_TOLERANCE:
            return label
    return "almost perfect"


def krippendorff_label(alpha: float) -> str:
    """Krippendorff's reading of alpha [8]: "reliable" (>= .800), "tentative" (>= .667), else
    "unreliable", a threshold met within :data:`READING_TOLERANCE`; ``nan`` is "undefined"."""
    if alpha is None or math.isnan(alpha):
        return "undefined"
    if alpha >= KRIPPENDORFF_RELIABLE - READING_TOLERANCE:
        return "reliable"
    if alpha >= KRIPPENDORFF_TENTATIVE - READING_TOLERANCE:
        return "tentative"
    return "unreliable"


__all__ = [
    "CI_MIN_UNITS",
    "CI_MIN_VALID_SHARE",
    "CI_WITHHELD_REASONS",
    "LEVELS",
    "READING_TOLERANCE",
    "ConfidenceInterval",
    "bootstrap_ci",
    "percentile_interval",
    "brennan_prediger",
    "cohen_kappa",
    "cohen_kappa_se",
    "fleiss_kappa",
    "fleiss_kappa_se0",
    "gwet_ac1",
    "gwet_ac1_se",
    "gwet_ac2",
    "gwet_ac2_se",
    "krippendorff_alpha",
    "krippendorff_label",
    "landis_koch_label",
    "normal_ci",
    "percent_agreement",
    "scott_pi",
    "weight_matrix",
    "why_withheld",
]
