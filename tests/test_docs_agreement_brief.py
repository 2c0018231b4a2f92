"""docs/agreement.md answers, in a short box above its long sections, the three questions a
researcher asks first: what unit is compared; a coder with no row vs an empty code; several
codes on one unit. The answers were there, but only in paragraphs of a 450-line page (team
test, session 47)."""

from __future__ import annotations

from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "agreement.md"


def brief() -> list[str]:
    lines = DOC.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("> **In brief.**"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(">"))
    assert start < lines.index("## Inputs and coders")
    return lines[start:end]


def test_the_brief_comes_before_the_inputs_and_is_short() -> None:
    assert 1 <= len(brief()) <= 12


def test_the_brief_answers_unit_missing_and_several_codes() -> None:
    text = " ".join(line.lstrip("> ") for line in brief())
    assert "*What is compared*: for each code, whether each coder applied it to each unit" in text
    assert "*No row vs an empty code*" in text and 'it is missing for them, not "no code"' in text
    assert '"coded with nothing", which agrees with another coder\'s nothing' in text
    assert "*Several codes on one unit*: each is present there" in text


def test_the_coded_universe_advice_warns_of_a_single_code_and_its_example_holds(tmp_path) -> None:
    """Tester (session 65): "Prefer the coded universe" led a one-code study to kappa -0.151
    "poor" where all units give 0.700: with one code, no coded unit is coded by neither, so
    kappa's numerator is -2bc. The caveat's example, checked: a, b, c, d = 40, 9, 6, 45."""
    from roqa_nlp.coding_agreement import agreement_report, read_long_csv

    text = " ".join(DOC.read_text("utf-8").split())
    assert "Prefer the *coded* universe when most text is uncoded, unless the coders" in text
    assert "kappa's numerator is −2bc and alpha is (1 − b − c) / (2a + b + c)" in text
    assert 'Over all units kappa is 0.700. Over the coded units it is −0.151 ("poor")' in text
    cells = [("X", "X")] * 40 + [("X", "")] * 9 + [("", "X")] * 6 + [("", "")] * 45
    rows = "".join(f"u{i},A,{a}\nu{i},B,{b}\n" for i, (a, b) in enumerate(cells))
    p = tmp_path / "one_code.csv"
    p.write_text("unit,coder,code\n" + rows, encoding="utf-8")
    pooled = agreement_report(read_long_csv(p), n_boot=0).pooled
    assert round(pooled["all"].kappa, 3) == 0.700
    assert (pooled["coded"].kappa, pooled["coded"].alpha) == (
        pytest.approx(-108 / 717),
        pytest.approx(-14 / 95),
    )
