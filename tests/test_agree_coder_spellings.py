"""Specification: in a long table, coder names that differ only in case, spacing, punctuation
or ``&``/``and`` are one coder, as code names are (:func:`merge_spelling_variants`), with one
note naming the spellings counted as one.

Before (blind tester, session 50, finding 1): one of Ana's rows typed ``ana `` made a third
coder 'ana', so the headline was Light's kappa 0.333 over three coders instead of Cohen's
kappa 0.467 over two, with only a note that 'ana' had no coding of 3 units.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import agreement_report, read_long_csv
from test_cli_agree import run

#: the tester's messy/codercase.csv: Ana's RM01:04 row says "ana "
CODER_CASE = (
    "unit,coder,code,valence\n"
    "RM01:01,Ana,Cost,barrier\nRM01:01,Ben,Cost,barrier\n"
    "RM01:02,Ana,Culture,enabler\nRM01:02,Ben,Culture,enabler\n"
    "RM01:03,Ana,,\nRM01:03,Ben,Culture,neutral\n"
    "RM01:04,ana ,Cost,barrier\nRM01:04,Ben,,\n"
)


def write(tmp_path: Path, text: str, name: str = "codercase.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_coder_typed_in_another_case_is_the_same_coder(tmp_path) -> None:
    """Ana: Cost, Culture, nothing, Cost; Ben: Cost, Culture, Culture, nothing. Over 2 codes x 4
    units each says present 3 times of 8, and they agree on 6 of 8: p_e = (3/8)^2 + (5/8)^2 =
    34/64, kappa = (48/64 - 34/64) / (30/64) = 7/15, as for the file with 'Ana' on every row."""
    cu = read_long_csv(write(tmp_path, CODER_CASE))
    assert cu.coders == ["Ana", "Ben"]
    assert cu.coders_merged == [["Ana", "ana"]]
    assert cu.codings["Ana"] == {
        "RM01:01": frozenset({"Cost"}),
        "RM01:02": frozenset({"Culture"}),
        "RM01:03": frozenset(),
        "RM01:04": frozenset({"Cost"}),
    }
    assert cu.valences["Ana"]["RM01:04"] == {"Cost": "barrier"}
    pooled = agreement_report(cu, n_boot=0).pooled["all"]
    assert (pooled.kappa_method, pooled.n_units) == ("cohen", 4)
    assert pooled.kappa == pytest.approx(7 / 15)


def test_inner_spacing_and_case_merge_under_the_most_used_spelling(tmp_path) -> None:
    text = (
        "unit,coder,code\n"
        "u1,Ben  Carter,Cost\nu1,Ana,Cost\n"
        "u2,ben carter,Cost\nu2,Ana,\n"
        "u3,BEN CARTER,\nu3,Ana,Cost\n"
        "u4,ben carter,Culture\nu4,Ana,Culture\n"
    )
    cu = read_long_csv(write(tmp_path, text))
    assert cu.coders == ["ben carter", "Ana"]
    assert cu.coders_merged == [["ben carter", "Ben  Carter", "BEN CARTER"]]
    assert cu.codings["ben carter"] == {
        "u1": frozenset({"Cost"}),
        "u2": frozenset({"Cost"}),
        "u3": frozenset(),
        "u4": frozenset({"Culture"}),
    }


def test_names_that_differ_by_a_letter_stay_two_coders(tmp_path) -> None:
    text = "unit,coder,code\nu1,Ana,Cost\nu1,Anna,Cost\nu2,Ana,\nu2,Anna,Cost\n"
    cu = read_long_csv(write(tmp_path, text))
    assert cu.coders == ["Ana", "Anna"]
    assert cu.coders_merged == []


def test_roqa_agree_says_which_spellings_are_one_coder(tmp_path, capsys) -> None:
    p = write(tmp_path, CODER_CASE)
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    note = (
        "counted as one coder, as the names differ only in case, spacing, punctuation or "
        "&/and: 'Ana' = 'ana' (codercase.csv)"
    )
    data = json.loads(out_json.read_text("utf-8"))
    assert data["coders"] == ["Ana", "Ben"]
    assert note in data["notes"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(7 / 15)
    flat = " ".join(out.split())
    assert f"Note: {note}." in flat
    assert "2 coders: Ana, Ben;" in flat
    assert "Light's kappa" not in flat and "has no coding" not in flat


# -- across files ----------------------------------------------------------------------------------

#: one sheet saved as two files: Ana typed "ana" in one and "Ana " in the other, Ben alike
FIRST_HALF = (
    "unit,coder,code,valence\n"
    "RM01:01,ana,Cost,barrier\nRM01:01,Ben,Cost,barrier\n"
    "RM01:02,ana,Culture,enabler\nRM01:02,Ben,Culture,enabler\n"
)
SECOND_HALF = (
    "unit,coder,code\nRM01:03,Ana ,,\nRM01:03,Ben,Culture,\nRM01:04,Ana ,Cost,\nRM01:04,Ben,,\n"
)


def test_a_coders_names_in_two_files_are_one_coder(tmp_path) -> None:
    """The files' rows are those of CODER_CASE: kappa 7/15 over 4 units, two coders. Before
    (session 50's notes), 'ana' and 'Ana ' in two files stayed two coders (and 'Ben' in both
    was the error "two inputs both have a coder named 'Ben'")."""
    from roqa_nlp.coding_agreement import merge_coders_across_tables

    a = read_long_csv(write(tmp_path, FIRST_HALF, "a.csv"))
    b = read_long_csv(write(tmp_path, SECOND_HALF, "b.csv"))
    [cu], joined = merge_coders_across_tables([a, b], ["a.csv", "b.csv"])
    assert cu.coders == ["Ana", "Ben"]
    assert joined == [
        [("Ana", "b.csv"), ("ana", "a.csv")],
        [("Ben", "a.csv"), ("Ben", "b.csv")],
    ]
    assert cu.codings["Ana"] == {
        "RM01:01": frozenset({"Cost"}),
        "RM01:02": frozenset({"Culture"}),
        "RM01:03": frozenset(),
        "RM01:04": frozenset({"Cost"}),
    }
    assert cu.valences["Ana"] == {"RM01:01": {"Cost": "barrier"}, "RM01:02": {"Culture": "enabler"}}
    assert cu.no_valence == {}
    pooled = agreement_report(cu, n_boot=0).pooled["all"]
    assert (pooled.kappa_method, pooled.n_units) == ("cohen", 4)
    assert pooled.kappa == pytest.approx(7 / 15)


def test_a_coder_who_codes_one_unit_in_two_files_is_an_error(tmp_path) -> None:
    """Two rounds of one coder (test-retest) in two files are not one coder's codes of a unit:
    the error says to name them apart, as before for one name in two files."""
    from roqa_nlp.coding_agreement import merge_coders_across_tables
    from roqa_nlp.errors import RoqaError

    a = read_long_csv(write(tmp_path, "unit,coder,code\nu1,Ana,Cost\nu1,Ben,Cost\n", "a.csv"))
    b = read_long_csv(write(tmp_path, "unit,coder,code\nu1,ana,Culture\n", "b.csv"))
    with pytest.raises(RoqaError) as e:
        merge_coders_across_tables([a, b], ["a.csv", "b.csv"])
    assert str(e.value) == (
        "coder 'Ana' codes unit 'u1' in two files: a.csv (as 'Ana') and b.csv (as 'ana') "
        "(if they are two rounds of one coder, give each its own name, e.g. 'Ana 2'; if one "
        "sheet was saved as two files, give each unit of a coder once)"
    )


def test_roqa_agree_says_which_coders_of_two_files_are_one(tmp_path, capsys) -> None:
    a = write(tmp_path, FIRST_HALF, "a.csv")
    b = write(tmp_path, SECOND_HALF, "b.csv")
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(a), str(b), "--n-boot", "0", "--json", str(out_json)], capsys
    )
    assert code == 0, err
    note = (
        "read as one coder across files, as the names are the same but for case, spacing, "
        "punctuation or &/and: 'Ana' (b.csv) = 'ana' (a.csv); 'Ben' (a.csv, b.csv)"
    )
    data = json.loads(out_json.read_text("utf-8"))
    assert data["coders"] == ["Ana", "Ben"]
    assert note in data["notes"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(7 / 15)
    assert f"Note: {note}." in " ".join(out.split())
