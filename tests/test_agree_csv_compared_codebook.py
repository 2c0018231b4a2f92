"""Specification: without ``--codebook``, a long CSV's code names are resolved in the one
codebook the comparison is in (tester, session 52). Before, a CFIR 2.0 CSV beside a run that
``roqa code --codebook cfir-2022`` charted was resolved in CFIR 2009, the model's codebook,
while the notes said "compared in cfir-2022": kappa -0.044 for 0.283 with --codebook. And a
CSV of a team's own code names beside a model of that codebook was compared as written: kappa
-0.062 for 0.852. Names that only another codebook resolves are refused with the option to
give, not compared as codes no one else could apply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import agree_helpers
from agree_helpers import agree
from roqa_nlp.schema import Suggestion
from test_own_codebook_review import own_codebook


def model_run(folder: Path, codes: list[list[tuple[str, str]]], **meta: object) -> Path:
    """A model's run coding T1:0..3 (``codes``: each segment's suggestions, at 0.9)."""
    given = [[Suggestion(c, name, None, 0.9) for c, name in per] for per in codes]
    return agree_helpers.model_run(folder, given, **meta)


def long_csv(path: Path, names: list[str]) -> Path:
    path.write_text(
        "unit,coder,code\n" + "".join(f"T1:{i},Hannah,{c}\n" for i, c in enumerate(names)),
        encoding="utf-8",
    )
    return path


def charted_in_cfir_2022(tmp_path: Path) -> Path:
    """A CFIR 2009 model's run that `roqa code --codebook cfir-2022` charted: IS.A, IS.E.2,
    IS.E.2, nothing (INS.A, INS.J, INS.J, nothing in CFIR 2.0)."""
    sa = ("IS.A", "Structural Characteristics")
    ar = ("IS.E.2", "Available Resources")
    return model_run(
        tmp_path / "coded22",
        [[sa], [ar], [ar], []],
        model={"codebook": "cfir-2009"},
        chart_codebook="cfir-2022",
    )


def test_a_cfir_2_csv_beside_a_run_charted_in_cfir_2_is_resolved_in_cfir_2(
    tmp_path, capsys
) -> None:
    """Hannah: Structural Characteristics, Available Resources, Critical Incidents, nothing:
    INS.A, INS.J, OUT.A in CFIR 2.0 (before: IS.A and IS.E.2 of CFIR 2009, so no code shared).
    Codes INS.A, INS.J, OUT.A x 4 units = 12 decisions: both present 2, one only 2: p_o =
    10/12; each coder present 3/12: p_e = 10/16; kappa = (40 - 30)/(48 - 30) = 5/9, as with
    --codebook cfir-2022."""
    coded = charted_in_cfir_2022(tmp_path)
    names = ["Structural Characteristics", "Available Resources", "Critical Incidents", ""]
    csv = long_csv(tmp_path / "human.csv", names)
    code, data, printed, err = agree(tmp_path, capsys, str(csv), str(coded))
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["INS.A", "INS.J", "OUT.A"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)
    note = (
        "Hannah's 3 codes (names in a long CSV) are resolved in codebook cfir-2022, the "
        "codebook the other inputs are compared in (run.json's chart_codebook): 'Available "
        "Resources', 'Critical Incidents', 'Structural Characteristics' (--codebook sets another)"
    )
    assert note in data["notes"]
    assert "come from two codebooks" not in printed
    assert "share no code" not in printed
    code, given, _, err = agree(tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022")
    assert code == 0, err
    assert given is not None
    assert given["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)


def test_names_only_another_codebook_has_are_refused_with_the_codebook_to_give(
    tmp_path, capsys
) -> None:
    """CFIR 2009 names beside a run charted in CFIR 2.0: Champions and Networks &
    Communications are no CFIR 2.0 names, so they could agree with none of the run's codes;
    CFIR 2009 has every name and the model's codes are its own."""
    coded = charted_in_cfir_2022(tmp_path)
    names = ["Structural Characteristics", "Champions", "Networks & Communications", ""]
    csv = long_csv(tmp_path / "human.csv", names)
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(coded))
    assert code == 2
    assert err.strip() == (
        "roqa: error: Hannah's 2 codes 'Champions', 'Networks & Communications' (names in a "
        "long CSV) are not codes of cfir-2022, the codebook the other inputs are compared in "
        "(run.json's chart_codebook), so they could agree with no code (give --codebook "
        "cfir-2009: it has every name of the long CSV, and every input's codes translate into "
        "it)"
    )


def test_a_csv_of_an_own_codebooks_names_is_resolved_in_the_models_codebook(
    tmp_path, capsys
) -> None:
    """A model trained on the team's own codebook (its codebook.json beside the codings):
    STAFF, NEED, STAFF, nothing; the CSV names Staffing and workload, Service user needs,
    Complicated work, nothing: STAFF, NEED, COMPLEX. As above, kappa 5/9 (before: the names
    as written shared no code with the ids, kappa below 0)."""
    staff, need = ("STAFF", "Staffing and workload"), ("NEED", "Service user needs")
    coded = model_run(tmp_path / "coded_own", [[staff], [need], [staff], []])
    run_json = coded / "run.json"
    meta = json.loads(run_json.read_text("utf-8"))
    run_json.write_text(json.dumps({**meta, "model": {"codebook": "own-v1"}}), "utf-8")
    (coded / "codebook.json").write_text(json.dumps(own_codebook("1")), "utf-8")
    names = ["Staffing and workload", "Service user needs", "Complicated work", ""]
    csv = long_csv(tmp_path / "human_own.csv", names)
    code, data, printed, err = agree(tmp_path, capsys, str(csv), str(coded))
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["COMPLEX", "NEED", "STAFF"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)
    assert (
        "Hannah's 3 codes (names in a long CSV) are resolved in codebook own-v1, the codebook "
        "the other inputs use: 'Complicated work', 'Service user needs', 'Staffing and "
        "workload' (--codebook sets another)"
    ) in data["notes"]
    assert "share no code" not in printed


def test_coders_who_share_no_code_but_would_in_a_codebook_are_refused(tmp_path, capsys) -> None:
    """Two long CSVs, one of CFIR 2009 names, one of its ids: as written they share no code,
    so every figure would be of codes written two ways. CFIR 2009 resolves them all, so the
    error gives the option instead of printing figures."""
    a = tmp_path / "a.csv"
    a.write_text("unit,coder,code\nu1,A,Cost\nu2,A,Culture\nu3,A,\n", encoding="utf-8")
    b = tmp_path / "b.csv"
    b.write_text("unit,coder,code\nu1,B,IC.H\nu2,B,IS.C\nu3,B,IS.C\n", encoding="utf-8")
    code, _, _, err = agree(tmp_path, capsys, str(a), str(b))
    assert code == 2
    assert err.strip() == (
        "roqa: error: the coders share no code as the codes are written (A: 'Cost', 'Culture'; "
        "B: 'IC.H', 'IS.C'), but in codebook cfir-2009 they do (give --codebook cfir-2009 to "
        "compare them in it)"
    )


def test_codes_the_model_can_never_give_in_the_codebook_compared_in_are_said(
    tmp_path, capsys
) -> None:
    """Tester, session 52: with --codebook cfir-2022, Hannah's Critical Incidents, Local
    Conditions ... (codes no CFIR 2009 code maps onto, which the model can never give) were
    plain disagreements with no word. T1:1 holds Critical Incidents only and T1:3 Local
    Conditions only: 2 units; T1:2 also holds Available Resources, which the model can give."""
    coded = charted_in_cfir_2022(tmp_path)
    csv = tmp_path / "human.csv"
    csv.write_text(
        "unit,coder,code\nT1:0,Hannah,Structural Characteristics\nT1:1,Hannah,Critical Incidents\n"
        "T1:2,Hannah,Critical Incidents\nT1:2,Hannah,Available Resources\n"
        "T1:3,Hannah,Local Conditions\n",
        encoding="utf-8",
    )
    code, data, printed, err = agree(
        tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022", "--by", "code"
    )
    assert code == 0, err
    assert data is not None
    note = (
        "codes no cfir-2009 code maps onto were applied (OUT.A Critical Incidents, OUT.C Local "
        "Conditions, marked † in the table of each code): coded22 codes in cfir-2009 and can "
        "never give them in cfir-2022, so they count as its disagreements (Hannah: 2 coded units "
        "carry only such codes)"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in printed
    assert data["unreachable"] == {
        "from": "cfir-2009",
        "models": ["coded22"],
        "people": [],
        "codes": ["OUT.A", "OUT.C"],
        "units": {"Hannah": 2},
    }
    assert "OUT.A † " in printed
    assert "INS.A † " not in printed


def test_codes_a_models_new_codes_are_charted_as_are_not_said_beyond_its_reach(
    tmp_path, capsys
) -> None:
    """Tester, session 62: a model trained with a review's new code Critical Incidents
    (``project.critical-incidents``, codebook cfir-2009+project) gives OUT.A in CFIR 2.0, as
    ``roqa evaluate`` and ``roqa code`` say; agree named OUT.A among the codes it can never
    give (marked †, though both coders gave it: kappa 1.000) and its codebook "cfir-2009".
    Hannah's T1:0 Critical Incidents is reachable; T1:3 Local Conditions is not: 1 unit."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.schema import Code

    new = ("project.critical-incidents", "Critical Incidents")
    coded = model_run(
        tmp_path / "coded_after",
        [[new], [("IS.E.2", "Available Resources")], [], []],
        model={"codebook": "cfir-2009+project"},
        chart_codebook="cfir-2022",
    )
    Codebook.load("cfir-2009").with_codes(
        [Code(id=new[0], name=new[1], level="code")], id="cfir-2009+project"
    ).save(coded / "codebook.json")
    csv = long_csv(tmp_path / "gold.csv", ["Critical Incidents", "Available Resources", "", ""])
    with csv.open("a", encoding="utf-8") as f:
        f.write("T1:3,Hannah,Local Conditions\n")
    code, data, printed, err = agree(
        tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022", "--by", "code"
    )
    assert code == 0, err
    assert data is not None
    assert data["unreachable"] == {
        "from": "cfir-2009+project",
        "models": ["coded_after"],
        "people": [],
        "codes": ["OUT.C"],
        "units": {"Hannah": 1},
    }
    note = (
        "codes no cfir-2009+project code maps onto were applied (OUT.C Local Conditions, marked "
        "† in the table of each code): coded_after codes in cfir-2009+project and can never "
        "give them in cfir-2022, so they count as its disagreements (Hannah: 1 coded unit "
        "carries only such codes)"
    )
    assert note in data["notes"]
    assert "OUT.C † " in printed
    assert "OUT.A † " not in printed
