"""Names a long CSV writes that are one code of a built-in codebook (an id and its name, a
name and its alias, singular and plural), compared with no --codebook: they stay apart, as
docs/agreement.md says, but one warning names each group and the codebook that would count it
as one code. Before, 'IS.C' beside 'Culture', 'Champion' beside 'Champions' ... gave kappa
0.118 (1.000 with --codebook cfir-2009) and no word (agree tester, session 72)."""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.codebook import builtin_codebook
from roqa_nlp.coding_agreement import near_code_names
from test_cli_agree import run

MIXED = (
    "unit,coder,code\n"
    "u1,Ana,Cost\nu1,Ben,Cost\n"
    "u2,Ana,IS.C\nu2,Ben,Culture\n"
    "u3,Ana,Champion\nu3,Ben,Champions\n"
    "u4,Ana,Structural characteristic\nu4,Ben,Structural Characteristics\n"
    "u5,Ana,Available resource\nu5,Ben,Available Resources\n"
    "u6,Ana,\nu6,Ben,\n"
)


def _agree(tmp_path: Path, capsys, text: str, *more: str) -> dict:
    p = tmp_path / "mixids.csv"
    p.write_text(text, encoding="utf-8")
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-", *more], capsys)
    assert code == 0, err
    return json.loads(out)


def test_names_of_one_codebook_code_are_one_warning_naming_the_codebook(
    tmp_path: Path, capsys
) -> None:
    data = _agree(tmp_path, capsys, MIXED)
    assert data["pooled"]["all"]["kappa"] < 0.2  # still compared as written, not merged
    groups = [n for n in data["notes"] if "one code of" in n]
    assert groups == [
        "4 groups of code names are each one code of cfir-2009, but are compared as written, "
        "as different codes: IS.A Structural Characteristics: 'Structural characteristic' "
        "(Ana) = 'Structural Characteristics' (Ben); IS.C Culture: 'Culture' (Ben) = 'IS.C' "
        "(Ana); IS.E.2 Available Resources: 'Available resource' (Ana) = 'Available Resources' "
        "(Ben); PR.B.3 Champions: 'Champion' (Ana) = 'Champions' (Ben). Give --codebook "
        "cfir-2009 to count each group as its one code"
    ]


def test_with_the_codebook_they_agree_and_no_such_warning(tmp_path: Path, capsys) -> None:
    data = _agree(tmp_path, capsys, MIXED, "--codebook", "cfir-2009")
    assert data["pooled"]["all"]["kappa"] == 1.0
    assert not [n for n in data["notes"] if "one code of" in n]


def test_one_group_and_more_than_four_are_said_so(tmp_path: Path, capsys) -> None:
    one = "unit,coder,code\nu1,Ana,IS.C\nu1,Ben,Culture\nu2,Ana,Cost\nu2,Ben,Cost\n"
    data = _agree(tmp_path, capsys, one)
    assert [n for n in data["notes"] if "one code of" in n] == [
        "1 group of code names is one code of cfir-2009, but is compared as written, as "
        "different codes: IS.C Culture: 'Culture' (Ben) = 'IS.C' (Ana). Give --codebook "
        "cfir-2009 to count it as its one code"
    ]
    five = MIXED + "u7,Ana,IC.H\nu7,Ben,Cost\n"
    (said,) = [n for n in _agree(tmp_path, capsys, five)["notes"] if "one code of" in n]
    assert said.startswith("5 groups of code names are each one code of cfir-2009")
    assert said.count(" = ") == 4 and "PR.B.3" not in said  # the fifth in the codebook's order
    assert said.endswith(
        "; and 1 more. Give --codebook cfir-2009 to count each group as its one code"
    )


def test_a_teams_own_codes_get_no_such_warning(tmp_path: Path, capsys) -> None:
    """'Staffing' is an alias of cfir-2009's Available Resources, but a sheet of a team's own
    codes (the codebook knows under half of them) is no sheet of that codebook."""
    own = (
        "unit,coder,code\nu1,A,Staffing\nu1,B,Available resources\nu2,A,Rotas\nu2,B,Rotas\n"
        "u3,A,Morale\nu3,B,Morale\nu4,A,Paperwork\nu4,B,Paperwork\n"
    )
    data = _agree(tmp_path, capsys, own)
    assert not [n for n in data["notes"] if "one code of" in n]


def test_a_codebook_alias_near_its_name_gets_the_did_you_mean(tmp_path: Path, capsys) -> None:
    """docs/agreement.md: a name near another code's name gets "did you mean"; 'Champion' (an
    alias of cfir-2009's Champions) beside 'Champions' got none, as the codebook knows both."""
    book = builtin_codebook("cfir-2009")
    uses = {"Champion": 1, "Champions": 1, "Culture": 2, "IS.C": 1}
    assert near_code_names(uses, book) == {"Champion": ["Champions"]}
    # two names of two codes of the codebook are no typo of each other
    assert near_code_names({"Champions": 1, "Opinion Leaders": 1, "Culture": 1}, book) == {}
    data = _agree(tmp_path, capsys, MIXED)
    (near,) = [n for n in data["notes"] if "did you mean" in n]
    assert "'Champion' (Ana): did you mean 'Champions' (Ben)?" in near
    assert "'Available resource' (Ana): did you mean 'Available Resources' (Ben)?" in near


def test_with_codes_of_the_teams_own_the_warning_says_what_keeps_them(
    tmp_path: Path, capsys
) -> None:
    """Session 88 (agreefix L2): beside the team's own 'Morale', the warning advised --codebook
    cfir-2009, which refuses the CSV ("line 9: unknown code 'Morale'"). It says so now, and
    what to do instead; done, the two names of Available Resources agree (kappa 0.5 of 0.062)."""
    prefixed = (
        "unit,coder,code\n"
        + "".join(f"u{k},Ann,Inner Setting - Available Resources\n" for k in range(4))
        + "".join(f"u{k},Ben,Available Resources\n" for k in (0, 1, 2, 4))
        + "u3,Ben,Morale\nu4,Ann,Morale\n"
        + "".join(f"u{k},Ann,Morale\nu{k},Ben,Morale\n" for k in (5, 6, 7))
    )
    data = _agree(tmp_path, capsys, prefixed)
    assert round(data["pooled"]["all"]["kappa"], 4) == 0.0625
    assert [n for n in data["notes"] if "one code of" in n] == [
        "1 group of code names is one code of cfir-2009, but is compared as written, as "
        "different codes: IS.E.2 Available Resources: 'Available Resources' (Ben) = 'Inner "
        "Setting - Available Resources' (Ann). --codebook cfir-2009 would count it as its one "
        "code, but refuses a name that is no code of it, as 'Morale' is: to keep it as your "
        "own, write the group's names alike in the CSV instead"
    ]
    p = tmp_path / "mixids.csv"
    code, _, err = run(["agree", str(p), "--n-boot", "0", "--codebook", "cfir-2009"], capsys)
    assert code != 0 and "unknown code 'Morale' in codebook 'cfir-2009'" in err
    alike = prefixed.replace("Inner Setting - Available Resources", "Available Resources")
    data = _agree(tmp_path, capsys, alike)
    assert data["pooled"]["all"]["kappa"] == 0.5
    assert not [n for n in data["notes"] if "one code of" in n]
