"""A sign a code name ends in is meaning, a team's barrier / enabler twin: "Staffing -" is a
code of its own, as "Staffing +" is, never a spelling of a plain "Staffing". Before (afix,
session 76), :func:`~roqa_nlp.codebook.normalise_name` dropped the "-" as punctuation but kept
the "+", so `roqa agree` counted "Staffing -" beside "Staffing" as one code, with a note, and
"Staffing +" apart. A dash within a name is a hyphen still.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_fixture import node_prints, report_js_functions
from roqa_nlp.codebook import normalise_name
from test_cli_agree import run

KEYS = [
    ("Staffing -", "staffing -"),
    ("Staffing-", "staffing -"),
    ("Staffing \u2212", "staffing -"),
    ("Staffing (\u2013)", "staffing -"),
    ("Staffing +", "staffing +"),
    ("Staffing+", "staffing +"),
    ("Staffing (+)", "staffing +"),
    ("Staffing +/-", "staffing + -"),
    ("Staffing", "staffing"),
    ("Cost - benefit", "cost benefit"),
    ("Cost\u2013benefit", "cost benefit"),
    ("self-efficacy", "self efficacy"),
    ("Self Efficacy", "self efficacy"),
    ("-1", "1"),
    ("-", ""),
]


@pytest.mark.parametrize(("name", "key"), KEYS)
def test_a_trailing_sign_is_kept_in_the_name_key(name: str, key: str) -> None:
    assert normalise_name(name) == key


def test_the_report_page_keeps_a_trailing_sign_as_python_does() -> None:
    """report.js's nameKey, the key its codeIdOf reads a loaded decision's code by, keys a
    signed name as normalise_name does: a recode to "Staffing -" is no recode to "Staffing"."""
    from roqa_nlp.decisions import casefold_table

    script = (
        f"var near = {{casefold: {json.dumps(casefold_table())}}}; var foldMap = null;\n"
        + report_js_functions("sameText", "foldCase", "nameKey")
        + f"console.log(JSON.stringify({json.dumps([n for n, _ in KEYS])}.map(nameKey)));\n"
    )
    assert node_prints(script) == [key for _, key in KEYS]


def test_roqa_agree_keeps_a_minus_code_apart_from_its_stem(tmp_path: Path, capsys) -> None:
    p = tmp_path / "d8d.csv"
    p.write_text(
        "unit,coder,code\nu1,Ana,Staffing -\nu1,Ben,Staffing\nu2,Ana,Staffing\n"
        "u2,Ben,Staffing\nu3,Ana,Culture\nu3,Ben,Culture\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["codes"] == ["Culture", "Staffing", "Staffing -"]
    assert not [n for n in data["notes"] if "counted as one code" in n]
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(7 / 9)


def test_roqa_agree_still_merges_spellings_of_one_signed_code(tmp_path: Path, capsys) -> None:
    p = tmp_path / "spelt.csv"
    p.write_text(
        "unit,coder,code\nu1,Ana,Staffing -\nu1,Ben,Staffing-\nu2,Ana,Staffing +\n"
        "u2,Ben,Staffing (+)\n",
        encoding="utf-8",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["codes"] == ["Staffing (+)", "Staffing -"]
    assert data["pooled"]["all"]["percent_agreement"] == 1.0
