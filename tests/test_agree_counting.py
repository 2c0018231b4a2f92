"""Specification of what ``roqa agree`` says about the units and resamples behind its figures.

At ordinal/interval/ratio levels the units where a coder applied no code are counted and named;
bootstrap intervals of rare codes say how many resamples they rest on and are not shown when they
rest on too little; the counts beside the figures are over the compared units; notes keep coder
names as written. Every expected value is worked out by hand in the comments.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from roqa_nlp.agreement import CI_MIN_UNITS, bootstrap_ci, cohen_kappa
from roqa_nlp.coding_agreement import (
    agreement_report,
    coded_units_from_rows,
    read_long_csv,
)
from test_cli_agree import run


def one_line(text: str) -> str:
    return " ".join(text.split())


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- "no code" at ordinal, interval and ratio levels ----------------------------------------------

#: Six units; the coders agree on u1-u3 and u6; on u4 and u5 A applied no code, B 3 and 1.
ORD = "unit,coder,code\nu1,A,1\nu1,B,1\nu2,A,2\nu2,B,2\nu3,A,3\nu3,B,3\nu4,A,\nu4,B,3\nu5,A,\nu5,B,1\nu6,A,2\nu6,B,2\n"  # noqa: E501


@pytest.mark.parametrize(("level", "article"), [("ordinal", "an"), ("ratio", "a")])
def test_ordinal_levels_say_how_many_units_no_code_leaves_out(tmp_path, capsys, level, article):
    """Before: 'each unit's code, or (none), as one ordinal value', n=4, agreement 100 %, with
    nothing saying that u4 and u5 (A: no code) were dropped."""
    p = write(tmp_path / "ord.csv", ORD)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--level", level, "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    note = (
        f"each unit's code as one {level} value; 2 of the 6 compared units left out because a "
        f"coder applied no code there ((none) has no place on {article} {level} scale; "
        "--level nominal counts it)"
    )
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["single_code_note"] == note
    assert data["single_code_left_out"] == {"all": 2, "coded": 2}
    assert data["single_code"]["all"]["n_units"] == 4
    assert data["single_code"]["all"]["percent_agreement"] == 1.0
    assert f"One code per unit ({note}, n=4)" in one_line(out)


def test_nominal_level_counts_no_code_as_a_value(tmp_path) -> None:
    """Nominal: 6 units, 4 agree; A applied (none) and 2 on 2/6 each, 1 and 3 on 1/6 each; B
    1, 2 and 3 on 2/6 each and (none) never: p_e = (1/6)(2/6) + (2/6)(2/6) + (1/6)(2/6) = 8/36;
    kappa = (4/6 - 8/36) / (28/36) = 4/7."""
    cu = read_long_csv(write(tmp_path / "ord.csv", ORD))
    report = agreement_report(cu, n_boot=0)
    assert report.single_code_note == "each unit's code, or (none), as one nominal value"
    assert report.single_code_left_out == {"all": 0, "coded": 0}
    assert report.single_code["all"].n_units == 6
    assert report.single_code["all"].kappa == pytest.approx(4 / 7)


def test_units_where_everyone_applied_nothing_are_counted_per_universe() -> None:
    """u3 (both: no code) is in the 'all' universe only; u2 (A: no code) in both."""
    rows = [("u1", "A", "1"), ("u1", "B", "1"), ("u2", "A", ""), ("u2", "B", "2")]
    rows += [("u3", "A", ""), ("u3", "B", ""), ("u4", "A", "2"), ("u4", "B", "2")]
    report = agreement_report(coded_units_from_rows(rows), level="interval", n_boot=0)
    assert report.single_code_left_out == {"all": 2, "coded": 1}
    assert report.single_code_note.startswith(
        "each unit's code as one interval value; 2 of the 4 compared units (1 of the 3 coded by "
        "someone) left out"
    )


# -- bootstrap intervals of rare codes ------------------------------------------------------------

#: 30 units; both coders apply X to u0 only, Y as in the audit (u1 both, u2 A, u3 B).
RARE = "unit,coder,code\nu0,A,X\nu0,B,X\nu1,A,Y\nu1,B,Y\nu2,A,Y\nu2,B,\nu3,A,\nu3,B,Y\n" + "".join(
    f"u{i},A,\nu{i},B,\n" for i in range(4, 30)
)


def test_rare_code_intervals_carry_n_valid_and_are_withheld(tmp_path) -> None:
    """X on 1 unit of 30: kappa 1.0 and a percentile 'interval' [1.0, 1.0] over the resamples
    that drew u0 (about 1 - (29/30)^30 = 64 % of them). Before: ci [1.0, 1.0], nothing else;
    then (session 29) the same ci, withheld from the tables; now none at all (session 36: null
    in the JSON), with the reason."""
    cu = read_long_csv(write(tmp_path / "rare.csv", RARE))
    report = agreement_report(cu, n_boot=1000, seed=0)
    x = next(c for c in report.per_code if c.code == "X").all
    assert x.kappa == 1.0
    assert all(math.isnan(v) for v in x.ci["kappa"]) and len(x.ci["kappa"]) == 2
    presence = cu.presence(["X"])[:, :, 0]
    expected = bootstrap_ci(lambda d: cohen_kappa(d[0], d[1]), presence, n_boot=1000, seed=0)
    assert x.n_valid["kappa"] == expected.n_valid
    carried = bootstrap_ci(
        lambda d: cohen_kappa(d[0], d[1]), presence, n_boot=1000, seed=0, absent=0
    )
    assert (carried.withheld, expected.withheld) == ("units", "resamples")
    assert 600 < x.n_valid["kappa"] < 680
    assert x.n_valid["percent_agreement"] == 1000
    assert x.n_with_code == 1 < CI_MIN_UNITS
    assert x.ci_withheld == ["percent_agreement", "kappa", "alpha", "ac1"]
    assert set(x.ci_withheld_why.values()) == {"units"}


def test_intervals_with_enough_units_and_resamples_are_shown() -> None:
    """X on 10 of 20 units, coders differing on 2: every resample defines every statistic."""
    rows = [(f"u{i}", c, "X" if i < 10 else "") for i in range(20) for c in ("A", "B")]
    rows = [r for r in rows if r[0] not in ("u0", "u19")]
    rows += [("u0", "A", "X"), ("u0", "B", ""), ("u19", "A", ""), ("u19", "B", "X")]
    fig = agreement_report(coded_units_from_rows(rows), n_boot=200).per_code[0].all
    assert fig.n_with_code == 11
    assert fig.n_valid == {"percent_agreement": 200, "kappa": 200, "alpha": 200, "ac1": 200}
    assert fig.ci_withheld == []


def test_withheld_intervals_show_as_a_dash_with_a_footnote(tmp_path, capsys) -> None:
    """Pooled over X and Y, 4 compared units carry a code (u0-u3): fewer than 5, the one
    reason here, so the only one the footnote gives."""
    p = write(tmp_path / "rare.csv", RARE)
    code, out, err = run(["agree", str(p), "--n-boot", "200"], capsys)
    assert code == 0, err
    text = one_line(out)
    assert "0.649 [—]" in text  # pooled kappa
    assert (
        "[—] = no interval, as these data cannot give one: fewer than 5 compared units carry "
        "the code(s). The JSON has null there, with the reason in ci_withheld_why."
    ) in text


# -- counts over the compared units ---------------------------------------------------------------

#: Code X: A on u1, u2, u5; B on u1, u2, u6 (u6: B only, never compared).
MULTI = (
    "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,X\nu2,A,Y\nu2,B,X\nu3,A,\nu3,B,Y\nu4,A,Y\nu4,B,Y\n"
    "u5,A,X\nu5,B,\nu6,B,X\n"
)


def test_units_coded_and_header_count_only_compared_units(tmp_path, capsys) -> None:
    """Before: X 'units coded (A / B) 3 / 3' and '6 coded by someone' beside figures over 5."""
    p = write(tmp_path / "multi.csv", MULTI)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--by", "code", "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["n_units"] == {"total": 6, "all": 5, "coded": 5}
    units_coded = {c["code"]: c["units_coded"] for c in data["per_code"]}
    assert units_coded == {"X": {"A": 3, "B": 2}, "Y": {"A": 2, "B": 2}}
    assert (
        "2 coders: A, B; 6 units, 5 compared (coded by two or more coders), 5 of them "
        "coded by someone; 2 codes used."
    ) in one_line(out)


def test_header_is_unchanged_when_every_unit_is_compared(tmp_path, capsys) -> None:
    p = write(tmp_path / "s.csv", "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,Y\nu2,B,Y\nu3,A,\nu3,B,\n")
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert "2 coders: A, B; 3 units, 2 coded by someone; 2 codes used." in one_line(out)


# -- the single-code note keeps coder names as written --------------------------------------------


def test_single_code_note_keeps_the_coders_capitals_and_says_why(tmp_path, capsys) -> None:
    """Before: "Coder 'a' applied several codes to one unit" for coder A; then (tester K,
    session 33) the line said neither where nor why no main code stands in."""
    p = write(tmp_path / "multi.csv", MULTI)
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert (
        "Single-code view not computed: coder 'A' applied several codes to 1 unit (u2), and "
        "the view needs one code per unit from each coder (codings record no main code among "
        "a unit's codes); compare code by code (--by code)."
    ) in one_line(out)


def test_single_code_note_names_every_coder_who_applied_several_codes(tmp_path, capsys) -> None:
    """Tester (session 36): B gave u02 two codes as well (on two rows), and A gave u03 two
    too (one cell), but the line named A's u02 only. Each coder with their count and units."""
    text = (
        "unit,coder,code\nu01,A,Cost\nu01,B,Cost\nu02,A,Culture;Planning\nu02,B,Culture\n"
        "u02,B,Planning\nu03,A,Cost;Culture\nu03,B,Cost\nu04,A,\nu04,B,\n"
    )
    p = write(tmp_path / "edge_multi.csv", text)
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert (
        "Single-code view not computed: coder 'A' applied several codes to 2 units (u02, u03) "
        "and coder 'B' to 1 unit (u02), and the view needs one code per unit from each coder "
        "(codings record no main code among a unit's codes); compare code by code (--by code)."
    ) in one_line(out)


def test_pooled_figures_say_how_many_decisions_are_shared_absences(tmp_path, capsys) -> None:
    """Tester K (session 33): gold vs model read "96.8%" and AC1 0.966 "almost perfect" beside
    kappa 0.546, pooled over 22 codes most units carry none of. MULTI over the 5 compared units
    and codes X, Y: 10 unit-code decisions, of which neither coder applied Y on u1, X on u3 and
    u4, Y on u5: 4. Agreement 7/10 (u2 Y, u3 Y and u5 X disagree); the figures are unchanged."""
    p = write(tmp_path / "multi.csv", MULTI)
    code, out, _ = run(
        ["agree", str(p), "--n-boot", "0", "--json", str(tmp_path / "a.json")], capsys
    )
    assert code == 0
    assert (
        "Pooled agreement and AC1 (both tables) count a code no coder applied to a unit as "
        "agreement: 4 of the 10 unit-code decisions here (40%). Kappa and alpha correct for "
        "chance; quote them, or each code's figures (--by code), not the pooled agreement alone."
    ) in one_line(out)
    data = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(0.7)
    assert data["pooled_decisions"] == {
        "all": {"decisions": 10, "shared_absences": 4},
        "coded": {"decisions": 10, "shared_absences": 4},
    }


def test_pooled_readings_name_their_two_scales(tmp_path, capsys) -> None:
    """Tester S (session 35): gold vs model read kappa 0.546 "moderate" and alpha 0.546
    "unreliable" with nothing on screen saying these are two scales. A line under the pooled
    table names them, with the thresholds from agreement.LANDIS_KOCH and KRIPPENDORFF_*."""
    p = write(tmp_path / "multi.csv", MULTI)
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    lines = out.splitlines()
    table_end = next(i for i, line in enumerate(lines) if line.startswith("└"))
    assert one_line(" ".join(lines[table_end + 1 : table_end + 3])).startswith(
        "Readings: kappa and AC1 on Landis & Koch's (1977) bands (0.41-0.60 moderate, "
        "0.61-0.80 substantial, above 0.80 almost perfect); alpha on Krippendorff's (2004): "
        "0.800 to rely on the data, 0.667 for tentative conclusions, below that unreliable."
    )


def test_header_says_one_code_in_the_singular(tmp_path, capsys) -> None:
    p = write(tmp_path / "s.csv", "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,\nu2,B,X\n")
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert "2 coders: A, B; 2 units, 2 coded by someone; 1 code used." in one_line(out)


#: Three coders; on u2 C applied no code, which the ordinal view leaves out as missing.
THREE = "unit,coder,code\n" + "".join(
    f"{u},{c},{v}\n"
    for u, vals in (("u1", "111"), ("u2", "22 "), ("u3", "323"), ("u4", "112"))
    for c, v in zip("ABC", vals.replace(" ", "_"), strict=True)
).replace(",_\n", ",\n")


def test_ordinal_view_says_its_kappa_and_ac1_are_unweighted(tmp_path, capsys) -> None:
    """Light's kappa over the pairs' units (sklearn cohen_kappa_score): A-B 3/5 on 4 units, A-C
    1/2 and B-C 0 on 3, mean 11/30; unweighted, which the line now says. u2 keeps A's and B's
    values, so no unit is lost: the note said '1 of the 4 compared units left out' with n=4."""
    p = write(tmp_path / "three.csv", THREE)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--level", "ordinal", "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    note = (
        "each unit's code as one ordinal value; in 1 of the 4 compared units a coder's no code "
        "is left out as missing, the other coders' values kept ((none) has no place on an "
        "ordinal scale; --level nominal counts it)"
    )
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["single_code_note"] == note
    assert data["settings"]["single_code_kappa_ac1"] == "unweighted"
    assert data["single_code"]["all"]["n_units"] == 4
    assert data["single_code"]["all"]["kappa"] == pytest.approx(11 / 30)
    assert f"One code per unit ({note}, n=4): agreement" in one_line(out)
    # three coders: Light's kappa, which the line names (session 41)
    assert ", unweighted Light's kappa 0.367, alpha" in one_line(out)
    assert "(ordinal), unweighted AC1" in one_line(out)


def test_the_header_names_no_unit_kind_for_a_csvs_units_and_counts_one_unit(
    tmp_path, capsys
) -> None:
    """Before: "12 units (units)" (tester, session 50); one unit was "1 units (units)"."""
    p = write(tmp_path / "one.csv", "unit,coder,code\nu1,A,X\nu1,B,X\n")
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "2 coders: A, B; 1 unit, 1 coded by someone; 1 code used." in one_line(out)


def test_one_valence_pair_is_one_pair_in_one_unit(tmp_path, capsys) -> None:
    """Before: "n=1 unit-code pairs in 1 units" (tester, session 50)."""
    p = write(tmp_path / "v.csv", "unit,coder,code,valence\nu0,A,X,barrier\nu0,B,X,barrier\n")
    code, out, err = run(["agree", str(p), "--n-boot", "10"], capsys)
    assert code == 0, err
    assert "n=1 unit-code pair in 1 unit): agreement 100.0% [—]" in one_line(out)


def test_three_coders_say_each_pair_is_pooled_over_every_coders_codes(tmp_path, capsys) -> None:
    """Tester daily12 (session 82): a human pair read kappa 0.768 alone and 0.777 beside a model,
    whose codes joined the codes pooled, with nothing saying why. MULTI with a third coder C who
    applied Z on u1: the pair A-B is pooled over X, Y and Z (15 decisions), alone over X, Y (10)."""
    p = write(tmp_path / "three.csv", MULTI + "u1,C,Z\nu2,C,X\nu3,C,Y\nu4,C,Y\nu5,C,X\n")
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert (
        "not the pooled agreement alone. Each pair is pooled over the 3 codes any of the 3 "
        "coders applied, so its figures differ from that pair's compared alone (roqa agree with "
        "those two), which are pooled over the codes the two applied."
    ) in one_line(out)
    code, out, _ = run(["agree", str(write(tmp_path / "two.csv", MULTI)), "--n-boot", "0"], capsys)
    assert code == 0
    assert "Each pair is pooled" not in one_line(out)
