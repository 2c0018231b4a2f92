"""Specification of when ``roqa agree`` gives a confidence interval and when it says it has none.

An interval is an estimate of how far another sample of units could differ. Where the data cannot
give one it is not shown ("[—]", with one footnote saying why) and is null in the JSON, whichever
way it is computed (percentile bootstrap for the pooled, pair, per-code and valence figures; Wald
for the one-code-per-unit line):

- fewer than 5 compared units carry a code (one or two double-coded units say nothing about
  another sample);
- under 90 % of the resamples define the statistic;
- the interval would have zero width: a bootstrap whose resamples give one value, or a standard
  error of 0, as both are whenever the coders agree on every unit (Fleiss-Cohen-Everitt's variance
  of kappa and Gwet's of AC1 are 0 at p_o = 1; no resample holds a disagreement the sample lacks);
  the standard error is also undefined with one category throughout.

Tester (session 36): two agreeing units printed "kappa 1.000 [1.000, 1.000]", one unit coded Cost
by A and Culture by B "kappa 0.000 [0.000, 0.000]", six agreeing units [1.000, 1.000] everywhere,
while the pooled table of the same two units showed "1.000 [—]". Intervals that can be estimated
are unchanged (tests/test_coding_agreement.py, tests/test_agree_valence.py pin them).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from roqa_nlp.agreement import (
    bootstrap_ci,
    cohen_kappa,
    cohen_kappa_se,
    gwet_ac1,
    gwet_ac1_se,
    normal_ci,
)
from roqa_nlp.coding_agreement import agreement_report, read_long_csv
from test_cli_agree import run

TWO_UNITS = "unit,coder,code\nu1,A,Cost\nu1,B,Cost\nu2,A,Culture\nu2,B,Culture\n"
ONE_UNIT = "unit,coder,code\nu1,A,Cost\nu1,B,Culture\n"
#: Six units, the coders agree on every code and valence; u2 has no code (5 carry one).
PERFECT = (
    "unit,coder,code,valence\n"
    "u0,A,Cost,barrier\nu0,B,Cost,barrier\nu1,A,Culture,enabler\nu1,B,Culture,enabler\n"
    "u2,A,,\nu2,B,,\nu3,A,Planning,barrier\nu3,B,Planning,barrier\n"
    "u4,A,Cost,enabler\nu4,B,Cost,enabler\nu5,A,Culture,barrier\nu5,B,Culture,barrier\n"
)
#: Eight units, one code each; the coders differ on u7 only (Cost / Culture).
ONE_DISAGREEMENT = (
    "unit,coder,code\n"
    + "".join(
        f"{u},{c},{code}\n"
        for u, code in (
            ("u1", "Cost"),
            ("u2", "Culture"),
            ("u3", "Planning"),
            ("u4", "Cost"),
            ("u5", "Culture"),
            ("u6", "Planning"),
            ("u8", ""),
        )
        for c in "AB"
    )
    + "u7,A,Cost\nu7,B,Culture\n"
)
NAN = [math.nan, math.nan]
EVERY = ["percent_agreement", "kappa", "alpha", "ac1"]


def one_line(text: str) -> str:
    return " ".join(text.split())


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def is_nan_pair(ci: list[float]) -> bool:
    return len(ci) == 2 and all(math.isnan(v) for v in ci)


# -- the one-code-per-unit line (Wald intervals) --------------------------------------------------


def test_two_agreeing_units_give_no_single_code_interval(tmp_path) -> None:
    """Before: kappa 1.000 [1.000, 1.000] and AC1 1.000 [1.000, 1.000] from two units."""
    report = agreement_report(read_long_csv(write(tmp_path / "t.csv", TWO_UNITS)), n_boot=200)
    single = report.single_code["all"]
    assert (single.kappa, single.ac1, single.n_with_code) == (1.0, 1.0, 2)
    assert single.ci_withheld == ["kappa", "ac1"]
    assert single.ci_withheld_why == {"kappa": "units", "ac1": "units"}
    assert is_nan_pair(single.ci["kappa"]) and is_nan_pair(single.ci["ac1"])


def test_one_unit_gives_no_single_code_interval(tmp_path, capsys) -> None:
    """Before: "kappa 0.000 [0.000, 0.000]" (a standard error of 0 from one unit) beside AC1
    -1.000 with nothing at all."""
    p = write(tmp_path / "one.csv", ONE_UNIT)
    code, out, err = run(["agree", str(p)], capsys)
    assert code == 0, err
    assert (
        "One code per unit (each unit's code, or (none), as one nominal value, n=1): agreement "
        "0.0%, kappa 0.000 [—], alpha 0.000 (nominal), AC1 -1.000 [—]."
    ) in one_line(out)


def test_perfect_agreement_over_six_units_gives_no_single_code_interval(tmp_path) -> None:
    """Five units carry a code, so not too few: the Wald intervals are withheld because kappa's
    and AC1's standard errors are 0 when the coders agree everywhere."""
    p = write(tmp_path / "perfect.csv", PERFECT)
    x = agreement_report(read_long_csv(p), n_boot=0).single_code["all"]
    assert (x.n_units, x.n_with_code) == (6, 5)
    assert x.ci_withheld == ["kappa", "ac1"]
    assert x.ci_withheld_why == {"kappa": "standard_error", "ac1": "standard_error"}


def test_estimable_single_code_intervals_are_the_wald_intervals(tmp_path, capsys) -> None:
    """Eight units, one disagreement: the intervals are normal_ci of the Fleiss-Cohen-Everitt
    and Gwet standard errors, as before. By hand: p_o = 7/8; marginals A (none, Cost, Culture,
    Planning) 1, 3, 2, 2 and B 1, 2, 3, 2, so p_e = 17/64 and kappa = 39/47; AC1's pi = 2, 5, 5, 4
    sixteenths, p_e = 31/128, AC1 = 81/97; alpha 26/31."""
    p = write(tmp_path / "d.csv", ONE_DISAGREEMENT)
    x = agreement_report(read_long_csv(p), n_boot=0).single_code["all"]
    # categories (none), Cost, Culture, Planning as 0-3, units u1-u8 in file order
    a = [1, 2, 3, 1, 2, 3, 0, 1]
    b = [1, 2, 3, 1, 2, 3, 0, 2]
    kappa = normal_ci(cohen_kappa(a, b), cohen_kappa_se(a, b))
    ac1 = normal_ci(gwet_ac1([a, b]), gwet_ac1_se([a, b], categories=[0, 1, 2, 3]))
    assert (x.kappa, x.ac1, x.alpha) == pytest.approx((39 / 47, 81 / 97, 26 / 31))
    assert x.ci == {"kappa": [kappa.low, kappa.high], "ac1": [ac1.low, ac1.high]}
    assert x.ci_withheld == [] and x.ci_withheld_why == {}
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        f"kappa 0.830 [{kappa.low:.3f}, 1.000], alpha 0.839 (nominal), AC1 0.835 "
        f"[{ac1.low:.3f}, 1.000]."
    ) in one_line(out)
    assert (f"{kappa.low:.3f}", f"{ac1.low:.3f}") == ("0.519", "0.513")


#: Ten units, Ann/Ben tables [[1, 4], [4, 1]] of Cost/Culture: kappa and AC1 -0.600.
NEGATIVE = "unit,coder,code\n" + "".join(
    f"s{i:03d},Ann,{a}\ns{i:03d},Ben,{b}\n"
    for i, (a, b) in enumerate(
        [("Cost", "Cost")]
        + [("Cost", "Culture")] * 4
        + [("Culture", "Cost")] * 4
        + [("Culture", "Culture")],
        start=1,
    )
)


def test_single_code_wald_intervals_stop_at_minus_one(tmp_path, capsys) -> None:
    """Tester (session 58): "kappa -0.600 [-1.096, -0.104] ... AC1 -0.600 [-1.123, -0.077]",
    lower limits no kappa or AC1 can reach, while an upper limit past 1 was cut at 1.000. Both
    ends are now bounded to [-1, 1], in the line and the JSON alike."""
    p = write(tmp_path / "negative.csv", NEGATIVE)
    out_json = tmp_path / "n.json"
    code, out, err = run(["agree", str(p), "--json", str(out_json)], capsys)
    assert code == 0, err
    assert (
        "agreement 20.0%, kappa -0.600 [-1.000, -0.104], alpha -0.520 (nominal), "
        "AC1 -0.600 [-1.000, -0.077]."
    ) in one_line(out)
    ci = json.loads(out_json.read_text(encoding="utf-8"))["single_code"]["all"]["ci"]
    assert ci["kappa"] == pytest.approx([-1.0, -0.10416397])
    assert ci["ac1"] == pytest.approx([-1.0, -0.07734294])


# -- bootstrap intervals (pooled, pairs, valence) -------------------------------------------------


def test_perfect_agreement_gives_no_bootstrap_interval(tmp_path) -> None:
    """Every resample of six agreeing units agrees perfectly: before, [1.0, 1.0] for each
    figure, with 5 units carrying a code (not too few) and every resample defined."""
    report = agreement_report(read_long_csv(write(tmp_path / "p.csv", PERFECT)), n_boot=200)
    for fig in (report.pooled["all"], report.pairs[0].all):
        assert fig.ci_withheld == EVERY
        assert fig.ci_withheld_why == dict.fromkeys(EVERY, "zero_width")
        assert all(is_nan_pair(fig.ci[k]) for k in EVERY)
        assert fig.n_valid == dict.fromkeys(EVERY, 200)


def test_perfect_valence_agreement_gives_no_bootstrap_interval(tmp_path) -> None:
    """Valence over the 5 coded units (barrier, enabler, barrier, enabler, barrier): a resample
    of one valence only, (3/5)^5 + (2/5)^5 = 8.8 % of them, leaves kappa and alpha undefined, so
    176 of 200 (under 90 %) are valid; the rest, and every AC1 and agreement, are 1.0."""
    report = agreement_report(read_long_csv(write(tmp_path / "p.csv", PERFECT)), n_boot=200)
    v = report.valence
    assert v is not None and v.n_units == 5
    assert v.n_valid == {"percent_agreement": 200, "kappa": 176, "alpha": 176, "ac1": 200}
    assert v.ci_withheld == EVERY
    assert v.ci_withheld_why == {
        "percent_agreement": "zero_width",
        "kappa": "resamples",
        "alpha": "resamples",
        "ac1": "zero_width",
    }
    assert all(is_nan_pair(v.ci[k]) for k in EVERY)


def test_a_large_sample_without_disagreement_still_gives_no_interval(tmp_path) -> None:
    """40 units, X on 20: however many units, a sample with no disagreement cannot bound how
    often coders disagree (up to about 3/40 by the rule of three), and resampling shows 0."""
    rows = "".join(f"u{i},{c},{'X' if i < 20 else ''}\n" for i in range(40) for c in "AB")
    report = agreement_report(read_long_csv(write(tmp_path / "l.csv", "unit,coder,code\n" + rows)))
    pooled = report.pooled["all"]
    assert pooled.n_with_code == 20
    assert pooled.ci_withheld_why == dict.fromkeys(EVERY, "zero_width")
    assert report.single_code["all"].ci_withheld_why == {
        "kappa": "standard_error",
        "ac1": "standard_error",
    }


def test_too_few_units_is_the_reason_before_a_zero_width(tmp_path) -> None:
    report = agreement_report(read_long_csv(write(tmp_path / "t.csv", TWO_UNITS)), n_boot=200)
    assert report.pooled["all"].ci_withheld_why == dict.fromkeys(EVERY, "units")


def test_cli_shows_no_interval_for_perfect_agreement_and_says_why(tmp_path, capsys) -> None:
    p = write(tmp_path / "perfect.csv", PERFECT)
    code, out, err = run(["agree", str(p), "--n-boot", "200"], capsys)
    assert code == 0, err
    text = one_line(out)
    assert "[1.000, 1.000]" not in text and "[100.0%, 100.0%]" not in text
    assert "│ percent agreement │ 100.0% [—] │ not chance-corrected │" in text
    assert "│ A │ B │ human-human │ 6 │ 100.0% │ 1.000 [—] │ 1.000 [—] │ 1.000 [—] │" in text
    assert (
        "One code per unit (each unit's code, or (none), as one nominal value, n=6): agreement "
        "100.0%, kappa 1.000 [—], alpha 1.000 (nominal), AC1 1.000 [—]."
    ) in text
    assert (
        "n=5 unit-code pairs in 5 units): agreement 100.0% [—], Cohen's kappa 1.000 [—] (almost "
        "perfect), alpha 1.000 [—] (nominal), AC1 1.000 [—]."
    ) in text
    assert (
        "[—] = no interval, as these data cannot give one: under 90% of the 200 resamples gave "
        "a value, or the resamples give an interval of zero width, or the standard error (one "
        "code per unit) is 0 or undefined, as when the "
        "coders agree on every unit (no disagreement in n units still allows a disagreement "
        "rate up to about 3/n). The JSON has null there, with the reason in ci_withheld_why."
    ) in text


def test_cli_two_units_footnote_names_the_one_reason(tmp_path, capsys) -> None:
    """Before, the one-code-per-unit line said "kappa 1.000 [1.000, 1.000]" under a pooled
    table showing "1.000 [—]"."""
    p = write(tmp_path / "two.csv", TWO_UNITS)
    code, out, err = run(["agree", str(p)], capsys)
    assert code == 0, err
    text = one_line(out)
    assert "agreement 100.0%, kappa 1.000 [—], alpha 1.000 (nominal), AC1 1.000 [—]." in text
    assert (
        "[—] = no interval, as these data cannot give one: fewer than 5 compared units carry "
        "the code(s). The JSON has null there, with the reason in ci_withheld_why."
    ) in text


def test_json_has_null_where_there_is_no_interval(tmp_path, capsys) -> None:
    p = write(tmp_path / "perfect.csv", PERFECT)
    out_json = tmp_path / "a.json"
    code, _, err = run(["agree", str(p), "--n-boot", "200", "--json", str(out_json)], capsys)
    assert code == 0, err
    data = json.loads(out_json.read_text("utf-8"))
    assert data["pooled"]["all"]["ci"] == dict.fromkeys(EVERY, [None, None])
    assert data["pooled"]["all"]["ci_withheld_why"] == dict.fromkeys(EVERY, "zero_width")
    assert data["single_code"]["all"]["ci"] == {"kappa": [None, None], "ac1": [None, None]}
    assert data["valence"]["ci"] == dict.fromkeys(EVERY, [None, None])
    assert data["valence"]["ci_withheld_why"]["kappa"] == "resamples"


#: Six units, each coded one code by A and another by B: the coders disagree on every unit, the
#: same way in each (1 code each, 2 of the 4 codes absent for both: 50 % of the decisions agree).
ALL_DISAGREE = "unit,coder,code\n" + "".join(
    f"u{i},A,{a}\nu{i},B,{b}\n"
    for i, (a, b) in enumerate(
        [
            ("Cost", "Culture"),
            ("Culture", "Planning"),
            ("Planning", "Tension"),
            ("Tension", "Cost"),
            ("Cost", "Planning"),
            ("Culture", "Cost"),
        ]
    )
)


def test_cli_footnote_of_coders_who_disagree_on_every_unit_says_so(tmp_path, capsys) -> None:
    """Tester (session 50, finding 4): pooled agreement 50%, kappa -0.333, every interval [—]
    (zero width), and the footnote said "as when the coders agree on every unit"."""
    p = write(tmp_path / "disagree.csv", ALL_DISAGREE)
    code, out, err = run(["agree", str(p)], capsys)
    assert code == 0, err
    text = one_line(out)
    assert "│ Cohen's kappa │ -0.333 [—] │ poor │" in text
    assert (
        "[—] = no interval, as these data cannot give one: the resamples give an interval of "
        "zero width, as when the coders disagree on every unit in the same way (n units all "
        "alike cannot show how far the figures would vary over other units). The JSON has null "
        "there, with the reason in ci_withheld_why."
    ) in text
    assert "coders agree on every unit" not in text


def test_cli_footnote_names_both_when_a_code_agrees_everywhere_and_the_pool_does_not(
    tmp_path, capsys
) -> None:
    """X on every unit by both (agreement 100%, zero width), Cost by A and Culture by B on every
    unit (agreement 0%, zero width): each clause fits some figure shown."""
    rows = "".join(f"u{i},A,X; Cost\nu{i},B,X; Culture\n" for i in range(6))
    p = write(tmp_path / "mixed.csv", "unit,coder,code\n" + rows)
    code, out, err = run(["agree", str(p), "--by", "code"], capsys)
    assert code == 0, err
    assert (
        "the resamples give an interval of zero width, as when the coders agree on every unit "
        "(no disagreement in n units still allows a disagreement rate up to about 3/n), or "
        "disagree on every unit in the same way (n units all alike cannot show how far the "
        "figures would vary over other units)."
    ) in one_line(out)


#: Three coders (A, B, C), one code per unit, eight units; C skipped u7.
THREE_CODES = ["XXX", "XXY", "YYY", "ZZZ", "XYZ", "YYX", "ZZY", "XX"]
THREE = "unit,coder,code\n" + "".join(
    f"u{i},{c},{code}\n" for i, codes in enumerate(THREE_CODES) for c, code in zip("ABC", codes)
)


def light_kappa(d) -> float:
    pairs = [cohen_kappa(d[i], d[j]) for i, j in ((0, 1), (0, 2), (1, 2))]
    finite = [k for k in pairs if math.isfinite(k)]
    return sum(finite) / len(finite) if finite else math.nan


def test_lights_kappa_of_one_code_per_unit_has_a_bootstrap_interval(tmp_path, capsys) -> None:
    """Before, with three coders the one-code-per-unit line gave Light's kappa no interval and
    no [—], and said nothing of why (tester, session 50): Light's kappa has no standard error
    formula, so it is resampled over units as the other figures are, with the same draws as
    agreement.bootstrap_ci."""
    p = write(tmp_path / "three.csv", THREE)
    report = agreement_report(read_long_csv(p), n_boot=300, seed=3)
    rows = [[codes[k] if k < len(codes) else None for codes in THREE_CODES] for k in range(3)]
    expected = bootstrap_ci(light_kappa, rows, n_boot=300, seed=3)
    fig = report.single_code["all"]
    assert fig.kappa == pytest.approx(light_kappa(rows))
    assert fig.ci["kappa"] == pytest.approx([expected.low, expected.high])
    assert fig.n_valid["kappa"] == expected.n_valid
    code, out, err = run(["agree", str(p), "--n-boot", "300", "--seed", "3"], capsys)
    assert code == 0, err
    assert f"Light's kappa {fig.kappa:.3f} [{expected.low:.3f}, {expected.high:.3f}]" in one_line(
        out
    )


# -- s65 statistics check: the units AC1 counts, and a standard error that is 0 but for rounding --

#: Ten units rated 1-3 (tester s65, e_ord.csv): Ana left r4 and r8 blank, Ben r7 and r8.
ORDINAL_BLANKS = "unit,coder,code\n" + "".join(
    f"{u},{c},{v}\n"
    for u, a, b in (
        ("r0", "1", "1"),
        ("r1", "2", "3"),
        ("r2", "3", "3"),
        ("r3", "1", "2"),
        ("r4", "", "1"),
        ("r5", "2", "2"),
        ("r6", "3", "3"),
        ("r7", "3", ""),
        ("r8", "", ""),
        ("r9", "1", "1"),
    )
    for c, v in (("Ana", a), ("Ben", b))
)


def test_ordinal_ac1_and_its_interval_use_only_the_units_kept(tmp_path, capsys) -> None:
    """Tester (session 65): "n=7" and kappa/alpha on the 7 units both rated, but AC1 0.577, from
    the lone ratings of r4 (Ben 1) and r7 (Ana 3) counted in its chance agreement. On the 7
    units: ratings 1,2,3,1,2,3,1 and 1,3,3,2,2,3,1, q = 3, p_a = 5/7, pi = (5, 4, 5)/14,
    p_e = 94/294, AC1 = 0.57252 (the tester's own numpy code; its Gwet n-1 interval
    [0.027, 1.000])."""
    p = write(tmp_path / "e_ord.csv", ORDINAL_BLANKS)
    x = agreement_report(read_long_csv(p), level="ordinal", n_boot=0).single_code["all"]
    assert x.n_units == 7
    a, b = [1, 2, 3, 1, 2, 3, 1], [1, 3, 3, 2, 2, 3, 1]
    assert x.ac1 == pytest.approx(gwet_ac1(a, b)) == pytest.approx(0.5725190839694657)
    assert (x.kappa, x.alpha) == pytest.approx((0.5757575757575758, 0.8142857142857143))
    assert x.ci["ac1"] == pytest.approx([0.026597004651605305, 1.0])
    code, out, err = run(["agree", str(p), "--level", "ordinal", "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "AC1 0.573 [0.027, 1.000]" in one_line(out)


#: Six units, one code each, the coders agree on all (tester s65, e_allagree.csv)
ALL_AGREE = "unit,coder,code\n" + "".join(
    f"a{i},{c},{code}\n"
    for i, code in enumerate(["Cost", "Culture", "Cost", "Planning", "Culture", "Cost"])
    for c in ("Ana", "Ben")
)
#: Ana codes Cost throughout, Ben varies (tester s65, e_onecode.csv)
ONE_CODE = "unit,coder,code\n" + "".join(
    f"a{i},Ana,Cost\na{i},Ben,{b}\n"
    for i, b in enumerate(["Cost", "Culture", "Planning", "Cost", "", "Cost"])
)


def test_a_standard_error_zero_but_for_rounding_gives_no_interval(tmp_path, capsys) -> None:
    """Tester (session 65): "kappa 1.000 [1.000, 1.000]" (JSON [0.99999998, 1.0]) for six
    agreeing units, and "kappa 0.000 [0.000, 0.000]" when one coder used one code throughout:
    cohen_kappa_se gave 1.2e-8 and 7e-9, the square root of a variance of 0 up to floating-point
    rounding, so the "standard error is 0" rule did not fire."""
    assert cohen_kappa_se([1, 2, 1, 3, 2, 1], [1, 2, 1, 3, 2, 1]) == 0.0
    assert cohen_kappa_se(["Cost"] * 6, ["Cost", "Culture", "Planning", "Cost", "x", "Cost"]) == 0.0
    # however many units (hunt s65 h_stats: a fixed 1e-6 on the standard error still let 3,011
    # units of one coder's one code print [0.000, 0.000]) ...
    many = ["Cost", "Culture", "Planning"] * 1004
    assert cohen_kappa_se(["Cost"] * len(many), many) == 0.0
    # ... and a real standard error of a small figure keeps its interval (normal_ci of the
    # Python API: a fixed 1e-6 withheld [1.3e-7, 2.1e-7] as "zero")
    assert normal_ci(3e-6, 4e-7, upper=None, lower=None).withheld is None
    p = write(tmp_path / "e_allagree.csv", ALL_AGREE)
    x = agreement_report(read_long_csv(p), n_boot=0).single_code["all"]
    assert x.ci_withheld_why == {"kappa": "standard_error", "ac1": "standard_error"}
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "kappa 1.000 [—], alpha 1.000 (nominal), AC1 1.000 [—]." in one_line(out)
    p = write(tmp_path / "e_onecode.csv", ONE_CODE)
    x = agreement_report(read_long_csv(p), n_boot=0).single_code["all"]
    assert x.kappa == pytest.approx(0.0)
    assert x.ci_withheld_why["kappa"] == "standard_error"
    assert is_nan_pair(x.ci["kappa"])
