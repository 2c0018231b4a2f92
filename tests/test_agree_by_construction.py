"""Figures that are what they are by construction, whatever the coders did, say so (agree
tester, session 72): with --universe coded and one code, every unit compared holds the code,
so kappa and alpha cannot be positive; a code one coder never applied has a kappa of 0; and a
row repeating a coding is counted once, with a note."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_agree import run

#: the kappa paradox of docs/agreement.md: a=40, b=9, c=6, 45 units nobody coded
PARADOX = "unit,coder,code\n" + "".join(
    f"u{i:03},A,{'Staffing' if i < 49 else ''}\n"
    f"u{i:03},B,{'Staffing' if i < 40 or 49 <= i < 55 else ''}\n"
    for i in range(100)
)

ONE_CODE_WARNING = (
    "Warning: one code only (Staffing): with --universe coded every unit compared holds it, "
    "from one coder at least, so kappa and alpha cannot be positive whatever the coders did; "
    "read --universe all, AC1 or the percent agreement."
)


def _csv(tmp_path: Path, text: str, name: str = "c.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_one_code_in_the_coded_universe_is_warned_of(tmp_path: Path, capsys) -> None:
    p = _csv(tmp_path, PARADOX)
    code, out, err = run(["agree", str(p), "--universe", "coded", "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "-0.151" in out and ONE_CODE_WARNING in " ".join(out.split())
    assert "quote them" not in out  # the footer no longer asks to quote kappa and alpha
    code, out, err = run(["agree", str(p), "--n-boot", "0"], capsys)  # all units: 0.700
    assert "0.700" in out and "cannot be positive" not in out


def test_one_code_warning_is_in_the_json_notes(tmp_path: Path, capsys) -> None:
    p = _csv(tmp_path, PARADOX)
    args = ["agree", str(p), "--universe", "coded", "--n-boot", "0", "--json", "-"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    notes = json.loads(out)["notes"]
    assert ONE_CODE_WARNING.removeprefix("Warning: ").removesuffix(".") in notes


def test_two_codes_in_the_coded_universe_get_no_such_warning(tmp_path: Path, capsys) -> None:
    p = _csv(tmp_path, PARADOX.replace("u000,A,Staffing", "u000,A,Cost"))
    code, out, err = run(["agree", str(p), "--universe", "coded", "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "cannot be positive" not in out and "quote them" in out


NEVER = "unit,coder,code\n" + "".join(
    f"u{i},Ana,{'Culture' if i < 10 else 'Cost' if i < 20 else ''}\n"
    f"u{i},Ben,{'Cost' if 10 <= i < 22 else ''}\n"
    for i in range(40)
)


def test_a_code_one_coder_never_applied_has_kappa_zero_by_construction(
    tmp_path: Path, capsys
) -> None:
    p = _csv(tmp_path, NEVER)
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "200"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert (
        "Kappa is 0, and alpha 0 or below, by construction for a code one coder never applied, "
        "whatever the other did (so its interval, every resample 0, is withheld): Culture, "
        "never applied by Ben (Ana 10 of 40). Report the units each coder coded with it (of "
        "the units compared) beside the agreement or AC1." in text
    )
    # alpha is (1 - b) / (2n - b), b = 10 units Ana alone coded Culture in, n = 40: not a
    # reading to turn to (tester agree2, session 79: the line said to read it)
    assert "│ Culture │ 10 / 0 │ 40 │ 75.0% [62.5%, 87.5%] │ 0.000 [—] │ -0.129 [" in text
    assert round((1 - 10) / (2 * 40 - 10), 3) == -0.129
    assert "Read its alpha" not in text
    # the [—] of its kappa is that, not "disagree on every unit in the same way"
    assert "zero width" not in text and "in the same way" not in text


def test_no_such_line_when_both_coders_apply_every_code(tmp_path: Path, capsys) -> None:
    p = _csv(tmp_path, NEVER.replace("u0,Ben,", "u0,Ben,Culture"))
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "by construction" not in out


DUP = (
    "unit,coder,code,valence\n"
    "1,A,Cost,barrier\n2,A,Culture,barrier\n2,A,Culture,barrier\n3,A,Cost,enabler\n"
    "3,A,Cost,enabler\n1,B,Cost,barrier\n2,B,Culture,barrier\n3,B,Cost,enabler\n"
)


def test_a_row_repeating_a_coding_is_counted_once_with_a_note(tmp_path: Path, capsys) -> None:
    p = _csv(tmp_path, DUP, "dup.csv")
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert (
        "2 rows repeat a coding of an earlier row (same unit, coder, code and valence; the "
        "first: dup.csv line 4): each coding is counted once" in data["notes"]
    )
    assert data["pooled"]["all"]["kappa"] == 1.0
    one = DUP.replace("3,A,Cost,enabler\n3,A,Cost,enabler", "3,A,Cost,enabler")
    code, out, err = run(["agree", str(_csv(tmp_path, one, "dup.csv")), "--n-boot", "0"], capsys)
    assert (
        "Note: 1 row repeats a coding of an earlier row (same unit, coder, code and valence: "
        "dup.csv line 4): it is counted once." in " ".join(out.split())
    )


def test_rows_of_one_code_with_two_valences_are_no_repeat(tmp_path: Path, capsys) -> None:
    p = _csv(
        tmp_path,
        DUP.replace("3,A,Cost,enabler\n3,A,Cost,enabler", "3,A,Cost,enabler\n3,A,Cost,barrier"),
        "dup.csv",
    )
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", "-"], capsys)
    notes = json.loads(out)["notes"]
    assert [n for n in notes if "repeat" in n] == [
        "1 row repeats a coding of an earlier row (same unit, coder, code and valence: "
        "dup.csv line 4): it is counted once"
    ]


#: the api tester's D3_always_applied.csv (session 76): Ana applied Cost to all 8 units, Ben to
#: u1..u5; they agree on 5 of 8, p_e = 5/8 = p_o, so kappa is 0 whatever Ben did
ALWAYS = "unit,coder,code\n" + "".join(
    f"u{i},Ana,Cost\nu{i},Ben,{'Cost' if i <= 5 else ''}\n" for i in range(1, 9)
)

ONE_CODER_FOOTNOTE = (
    "[—] = no interval, as these data cannot give one: the resamples give an interval of zero "
    "width, or the standard error (one code per unit) is 0 or undefined, as when one coder gave "
    "every unit the same value (a code applied to every unit or never applied, or one code per "
    "unit the same code on every unit): kappa is 0 by construction, whatever the other did, "
    "and so is every resample's. The JSON has null there, with the reason in ci_withheld_why."
)


def test_a_code_one_coder_applied_to_every_unit_has_kappa_zero_by_construction(
    tmp_path: Path, capsys
) -> None:
    """Before: no line under the table, and the footnote said the [—] was "as when the coders
    disagree on every unit in the same way", which they do not (5 of 8 agree)."""
    p = _csv(tmp_path, ALWAYS)
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "200"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert (
        "Kappa is 0, and alpha 0 or below, by construction for a code one coder applied to "
        "every unit, whatever the other did (so its interval, every resample 0, is withheld): "
        "Cost, applied to every unit by Ana (Ben 5 of 8). Report the units each coder coded "
        "with it (of the units compared) beside the agreement or AC1." in text
    )
    assert ONE_CODER_FOOTNOTE in text
    assert "in the same way" not in text


def test_the_pooled_kappa_of_one_code_applied_everywhere_says_why_too(
    tmp_path: Path, capsys
) -> None:
    """Without --by code the pooled kappa (one code: the code's) and the one-code-per-unit
    kappa (Ana's 'Cost' on every unit) are 0 [—] by the same construction."""
    p = _csv(tmp_path, ALWAYS)
    code, out, err = run(["agree", str(p), "--n-boot", "200"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert "│ Cohen's kappa │ 0.000 [—] │ slight │" in text
    assert "kappa 0.000 [—], alpha -0.154 (nominal)" in text
    assert ONE_CODER_FOOTNOTE in text
    assert "in the same way" not in text and "by construction for a code" not in text


def test_a_code_one_coder_never_applied_and_the_other_always_is_both(
    tmp_path: Path, capsys
) -> None:
    """The tester's never.csv: Ana Cost on u1..u5, Ben Culture on all 8. Culture's units all
    disagree alike (agreement 0 %, every interval zero width), and Ben's one code on every unit
    makes the one-code-per-unit kappa 0: the footnote gives both, each true of a figure."""
    rows = "".join(f"u{i},Ana,{'Cost' if i <= 5 else ''}\nu{i},Ben,Culture\n" for i in range(1, 9))
    p = _csv(tmp_path, "unit,coder,code\n" + rows)
    code, out, err = run(["agree", str(p), "--by", "code", "--n-boot", "200"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert (
        "Kappa is 0, and alpha 0 or below, by construction for a code one coder never applied, "
        "whatever the other did (so its interval, every resample 0, is withheld): Cost, never "
        "applied by Ben (Ana 5 of 8); Culture, never applied by Ana (Ben 8 of 8). Report the "
        "units each coder coded with them (of the units compared) beside the agreement or "
        "AC1." in text
    )
    assert (
        "as when the coders disagree on every unit in the same way (n units all alike cannot "
        "show how far the figures would vary over other units), or when one coder gave every "
        "unit the same value (a code applied to every unit or never applied, or one code per "
        "unit the same code on every unit): kappa is 0 by construction, whatever the other "
        "did, and so is every resample's." in text
    )
