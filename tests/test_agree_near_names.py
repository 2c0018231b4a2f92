"""Code names a long CSV writes, compared as written (no --codebook), that are near a name of
the study's codebook or of another code get one warning with the "did you mean" roqa
apply-decisions gives: 'Leadership Engagment' beside 'Leadership Engagement' was two codes,
kappa 0.000 each, with no word (team test, session 47).
"""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.codebook import builtin_codebook
from roqa_nlp.coding_agreement import near_code_names
from test_cli_agree import run

CFIR_CSV = (
    "coder,unit,code\n"
    "Ana,u1,Leadership Engagement\nBen,u1,Leadership Engagment\n"
    "Ana,u2,Culture\nBen,u2,Culture\nAna,u3,Planing\nBen,u3,Planning\n"
)


def test_a_typo_of_a_codebook_name_is_one_warning_with_did_you_mean(tmp_path: Path, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text(CFIR_CSV, encoding="utf-8")
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0
    notes = json.loads(out)["notes"]
    assert sum("did you mean" in n for n in notes) == 1
    assert notes[0] == (
        "2 code names near another are compared as written, as codes of their own: "
        "'Leadership Engagment' (Ben): did you mean 'Leadership Engagement' (Ana)?; "
        "'Planing' (Ana): did you mean 'Planning' (Ben)? Correct the CSV, or give "
        "--codebook cfir-2009 to check every name"
    )


def test_a_name_only_the_codebook_has_is_named_with_the_codebook() -> None:
    book = builtin_codebook("cfir-2009")
    assert near_code_names({"Leadership Engagment": 1, "Culture": 2}, book) == {
        "Leadership Engagment": ["Leadership Engagement"]
    }


def test_own_codes_near_each_other_take_the_less_used_for_the_typo() -> None:
    uses = {"Staff wellbeing": 5, "Staff welbeing": 1, "Barrier: cost": 3, "Barrier: time": 3}
    assert near_code_names(uses) == {"Staff welbeing": ["Staff wellbeing"]}


def test_a_rating_of_the_other_sign_is_no_typo() -> None:
    """Tester (session 58): "'\u22121' (Ann): did you mean '1' (Ann, Ben)?", though -1 and 1 are
    never one code (docs/agreement.md); without punctuation the two names were the same."""
    uses = {"1": 3, "\u22121": 1, "-2": 1, "2": 2, "Staff welbeing": 1, "Staff wellbeing": 4}
    assert near_code_names(uses) == {"Staff welbeing": ["Staff wellbeing"]}


def test_own_codes_apart_get_no_warning(tmp_path: Path, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        "coder,unit,code\nA,u1,Barrier: cost\nB,u1,Barrier: time\nA,u2,Staffing\nB,u2,Staffing\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert "did you mean" not in out + err


def test_a_comma_cell_of_known_codes_is_offered_as_those_codes() -> None:
    """Before: "'Available Resources, Access to Knowledge & Information' (Ana): did you mean
    'Access to Knowledge & Information' (cfir-2009)?", one of the two codes (tester, session
    50)."""
    book = builtin_codebook("cfir-2009")
    cell = "Available Resources, Access to Knowledge & Information"
    assert near_code_names({cell: 1, "Available Resources": 4}, book) == {
        cell: ["Available Resources; Access to Knowledge & Information"]
    }
    assert near_code_names({"Staffing, Rotas": 1, "Staffing": 3, "Rotas": 2}) == {
        "Staffing, Rotas": ["Staffing; Rotas"]
    }


def test_the_warning_offers_a_comma_cell_as_two_codes(tmp_path: Path, capsys) -> None:
    p = tmp_path / "c.csv"
    p.write_text(
        'coder,unit,code\nAna,u1,Culture\nBen,u1,Culture\nAna,u2,"Culture, Cost"\n'
        "Ben,u2,Cost\nAna,u3,Cost\nBen,u3,Cost\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    assert json.loads(out)["notes"][0] == (
        "1 code name near another is compared as written, as a code of its own: 'Culture, Cost' "
        "(Ana): did you mean 'Culture; Cost' (2 codes, ';' between them)? Correct the CSV, or "
        "give --codebook cfir-2009 to check every name"
    )


def test_a_comma_cell_with_a_typo_of_one_code_is_offered_as_its_codes_corrected() -> None:
    """Before: "'Cost, Netwroks & Communications' (Ana): did you mean 'Networks &
    Communications' (Ana, Ben)?", the whole cell taken for a typo of one name, Cost lost
    (session 57)."""
    book = builtin_codebook("cfir-2009")
    cell = "Cost, Netwroks & Communications"
    uses = {cell: 1, "Cost": 3, "Networks & Communications": 2}
    assert near_code_names(uses, book) == {cell: ["Cost; Networks & Communications"]}
    assert near_code_names({"Staffing, Handovr": 1, "Staffing": 3, "Handover": 2}) == {
        "Staffing, Handovr": ["Staffing; Handover"]
    }


def test_a_comma_cell_with_a_part_near_no_code_is_not_offered_as_several_codes(
    tmp_path: Path, capsys
) -> None:
    """A team's own code may hold a comma ("Cost, Admin burden"): offering it as 'Cost; Admin
    burden' was noise (hunt s57). Only a cell whose every part is a code or a near spelling of
    one is offered as several."""
    p = tmp_path / "c.csv"
    p.write_text(
        'coder,unit,code\nAna,u1,Cost\nBen,u1,Cost\nAna,u2,"Cost, Staff turnover"\n'
        "Ben,u2,Cost\nAna,u3,Culture\nBen,u3,Culture\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    assert json.loads(out)["notes"] == []


def test_near_code_names_offers_no_comma_cell_with_a_part_near_no_code() -> None:
    book = builtin_codebook("cfir-2009")
    uses = {"Cost, Admin burden": 1, "Cost, Available Resources, Admin burden": 1, "Cost": 3}
    assert near_code_names(uses, book) == {}
    assert near_code_names(uses) == {}


def test_a_pair_of_signed_codes_gets_no_did_you_mean() -> None:
    """A team's own signed codes, "Staffing +" and "Staffing -", are two codes kept apart: no
    "did you mean" offers to merge one into cfir-2009's Available Resources (whose alias
    "staffing" is their stem), nor "Cost-" into "Cost+" (api tester, session 76, D8: only
    'Staffing +' was named, and the '-' twin not). A signed name with no twin is asked still."""
    book = builtin_codebook("cfir-2009")
    uses = {"Staffing +": 8, "Staffing -": 8, "Cost+": 3, "Cost\u2212": 1}
    assert near_code_names(uses, book) == {}
    assert near_code_names({"Staffing +": 3, "Culture": 3}, book) == {
        "Staffing +": ["Available Resources"]
    }
    assert near_code_names({"Cost+": 3, "Cost-": 1}) == {}


def test_roqa_agree_warns_of_no_signed_pair(tmp_path: Path, capsys) -> None:
    rows = "".join(
        f"u{i},Ana,Staffing {a}\nu{i},Ben,Staffing {b}\n"
        for i, (a, b) in enumerate(zip("++++----", "-+-+--++", strict=True))
    )
    p = tmp_path / "signed.csv"
    p.write_text("unit,coder,code\n" + rows, encoding="utf-8")
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["codes"] == ["Staffing +", "Staffing -"]
    assert not [n for n in data["notes"] if "did you mean" in n]
