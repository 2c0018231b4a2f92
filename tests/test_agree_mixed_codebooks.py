"""Specification: coders whose code names come from two codebooks are told so.

Results that record two built-in codebooks are refused (docs/agreement.md, "Coders in
different codebooks"); but codes typed by hand (a long CSV) or made in a QDA project carry no
recorded codebook, and one coder's CFIR 2009 names beside another's CFIR 2.0 names went through
silently (tester, session 38: a long CSV gave kappa -0.333, a .qdpx with nodes renamed to CFIR
2.0 names kappa 0.389, with no note). No code of one codebook can agree with a code of the
other, so ``roqa agree`` warns in one line, naming the coders and the way to compare them in
one codebook.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_agree import run

DATA = Path(__file__).parent / "data" / "agree_codebooks"

#: A codes in CFIR 2009 names (Champions), B in CFIR 2.0 names (Innovation Complexity,
#: Critical Incidents); Cost is a name of both.
MIXED = """unit,coder,code
u1,A,Champions
u1,B,Innovation Complexity
u2,A,Cost
u2,B,Critical Incidents
"""


def agree(tmp_path: Path, capsys, *args: str) -> tuple[str, list[str]]:
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", *args, "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    return " ".join(out.split()), json.loads(out_json.read_text("utf-8"))["notes"]


def test_a_long_csv_with_each_coder_in_another_codebook_is_warned(tmp_path, capsys) -> None:
    csv = tmp_path / "mixed.csv"
    csv.write_text(MIXED, encoding="utf-8")
    out, notes = agree(tmp_path, capsys, str(csv))
    warning = (
        "the codes come from two codebooks: A's code 'Champions' is a name only cfir-2009 has; "
        "B's 2 codes 'Critical Incidents', 'Innovation Complexity' are names only cfir-2022 "
        "has. A code only cfir-2009 has cannot agree with one only cfir-2022 has; codes both "
        "codebooks have compare as usual. Compare them in one codebook with --codebook "
        "cfir-2022 (codes of cfir-2009 are charted onto it through its documented crosswalk; a "
        "long CSV's names are resolved in it, and a name of the other codebook is an error "
        "naming its counterparts)"
    )
    assert warning in notes
    assert f"Warning: {warning}." in out


def test_a_qdpx_with_nodes_renamed_to_cfir_2_names_is_warned(tmp_path, capsys) -> None:
    """Bob's project: his CFIR 2009 codes (IS.C, PR.A ...) and four nodes renamed to CFIR 2.0
    names; Alice's, CFIR 2009 codes only. They share five codes (Culture, Planning, Available
    Resources ...), which agree as usual, and names both codebooks have (Planning,
    Compatibility) are no codebook's alone: the warning said no code of one coder could agree
    with the other's and listed those shared codes as "codes only it has" (tester hunt,
    session 38)."""
    out, notes = agree(tmp_path, capsys, str(DATA / "alice.qdpx"), str(DATA / "bob_cfir22.qdpx"))
    warning = (
        "the codes come from two codebooks: Alice's 4 codes 'Champions', 'External Policy & "
        "Incentives', 'Knowledge & Beliefs about the Intervention' ... are names only cfir-2009 "
        "has; Bob's 4 codes 'High-Level Leaders', 'Implementation Leads', 'Innovation "
        "Trialability' ... are names only cfir-2022 has. A code only cfir-2009 has cannot agree "
        "with one only cfir-2022 has; codes both codebooks have compare as usual. Compare them "
        "in one codebook with --codebook cfir-2022"
    )
    assert any(n.startswith(warning) for n in notes), notes
    assert "Warning: the codes come from two codebooks" in out
    assert not any("no code of one can agree" in n for n in notes)


def test_coders_in_one_codebook_get_no_warning(tmp_path, capsys) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text(
        "unit,coder,code\nu1,A,Champions\nu1,B,Champions\nu2,A,Cost\nu2,B,Planning\n",
        encoding="utf-8",
    )
    out, notes = agree(tmp_path, capsys, str(csv))
    assert not any("two codebooks" in n for n in notes)
    assert "Warning:" not in out
