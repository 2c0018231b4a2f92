"""Specification of what ``roqa agree`` compares: shared units, and code names as people type them.

Inputs that share no unit are an error rather than a table of undefined figures; units only one
coder coded are named in a note; long CSV codes are resolved in ``--codebook`` when given, and
without it spellings of one name (case, spacing, punctuation, ``&``/``and``) count as one code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook, normalise_name
from roqa_nlp.coding_agreement import (
    agreement_report,
    coded_units_from_rows,
    merge_spelling_variants,
    read_long_csv,
    units_compared,
)
from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

#: Two coders, four units; on u1 and u2 they differ only in how they spelled the code.
SPELLED = (
    "unit,coder,code\n"
    "u1,A,Leadership Engagement\nu1,B,leadership  engagement\n"
    "u2,A,Available Resources\nu2,B,Available resources\n"
    "u3,A,Culture\nu3,B,Champions\n"
    "u4,A,Culture\nu4,B,Culture\n"
)
#: 4 codes x 4 units = 16 decisions, 14 agree (u3: Culture and Champions); each coder applied 4
#: codes, so p_e = (4/16)^2 + (12/16)^2 = 10/16 and kappa = (14/16 - 10/16) / (6/16) = 2/3.
KAPPA_SPELLED = 2 / 3


def one_line(text: str) -> str:
    """Console output joined back into one line (rich wraps long notes)."""
    return " ".join(text.split())


def seg(transcript: str, i: int, codes: list[str]) -> SegmentResult:
    s = Segment(f"{transcript}:{i}", transcript, "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, 1.0) for c in codes])


def write_result(folder: Path, segments: list[SegmentResult]) -> Path:
    CodingResult(segments=segments).save(folder)
    return folder


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- inputs that share nothing, or only part ------------------------------------------------------


def test_results_of_different_transcripts_are_a_one_line_error_naming_both(
    tmp_path, capsys
) -> None:
    ann = write_result(tmp_path / "ann", [seg("p01", 0, ["X"]), seg("p02", 0, ["Y"])])
    ben = write_result(tmp_path / "ben", [seg("p04", 0, ["X"])])
    code, out, err = run(["agree", str(ann / "codings.jsonl"), str(ben), "--n-boot", "0"], capsys)
    assert code == 2
    assert out == ""
    assert err == (
        "roqa: error: no unit was coded by two coders, so there is nothing to compare: "
        f"{ann / 'codings.jsonl'}: transcripts p01, p02; {ben}: transcript p04 "
        "(give every coder's codings of the same transcripts or units)\n"
    )


def test_csv_coders_with_no_unit_in_common_are_a_one_line_error(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,X\nu2,A,X\nu3,B,X\n")
    code, _, err = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 2
    assert err == (
        "roqa: error: no unit was coded by two coders, so there is nothing to compare: "
        f"{p} (coder A): 2 units (u1, u2); {p} (coder B): 1 unit (u3) "
        "(give every coder's codings of the same transcripts or units)\n"
    )


@pytest.mark.parametrize("other", ["long CSV", "result"])
def test_an_empty_codings_file_is_a_one_line_error_naming_it(tmp_path, capsys, other) -> None:
    """A run folder whose codings.jsonl is empty (0 bytes) beside a long CSV of its segment ids
    or another coder's result: before, an IndexError beside the CSV and "0 units ()" beside the
    result (tester, session 54)."""
    empty = tmp_path / "emptyrun"
    empty.mkdir()
    (empty / "codings.jsonl").write_bytes(b"")
    if other == "long CSV":
        given = write(tmp_path / "gold.csv", "unit,coder,code\np01:0,Cara,X\n")
    else:
        given = write_result(tmp_path / "ben", [seg("p01", 0, ["X"])])
    code, out, err = run(["agree", str(given), str(empty), "--n-boot", "0"], capsys)
    assert code == 2
    assert out == ""
    assert err == (
        f"roqa: error: {empty / 'codings.jsonl'}: is empty (it holds no segment coding: give the "
        "codings of a finished roqa code run or review, or leave this input out)\n"
    )


def test_partly_shared_transcripts_are_compared_with_a_note_of_what_is_left_out(
    tmp_path, capsys
) -> None:
    """Ann coded p01 and p02, Ben p01 only: the two p01 segments are compared, p02's is not."""
    ann = write_result(
        tmp_path / "ann", [seg("p01", 0, ["X"]), seg("p01", 1, []), seg("p02", 0, ["Y"])]
    )
    ben = write_result(tmp_path / "ben", [seg("p01", 0, ["X"]), seg("p01", 1, [])])
    out_path = tmp_path / "a.json"
    code, out, _ = run(
        ["agree", str(ann), str(ben), "--units", "segments", "--json", str(out_path)]
        + ["--n-boot", "0"],
        capsys,
    )
    assert code == 0
    note = (
        "2 of 3 segments are compared (coded by two or more coders); 1 coded by one coder only "
        "is left out (only 'ann' coded transcript p02)"
    )
    assert f"Note: {note}." in one_line(out)
    data = json.loads(out_path.read_text("utf-8"))
    assert data["notes"] == [note]
    assert data["translated"] == []
    assert data["pooled"]["all"]["n_units"] == 2
    assert data["pooled"]["all"]["percent_agreement"] == 1.0


def test_inputs_covering_the_same_units_get_no_note(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,\nu2,B,X\n")
    code, out, _ = run(["agree", str(p), "--n-boot", "0"], capsys)
    assert code == 0
    assert "Note:" not in out


def test_units_compared_counts_units_with_two_or_more_coders() -> None:
    cu = coded_units_from_rows(
        [("u1", "A", "X"), ("u1", "B", ""), ("u2", "A", "X"), ("u3", "B", "Y"), ("u3", "C", "Y")]
    )
    assert units_compared(cu) == 2


# -- code names as people type them ---------------------------------------------------------------


def test_csv_spellings_of_one_name_count_as_one_code_with_a_note(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", SPELLED)
    out_path = tmp_path / "a.json"
    code, out, _ = run(["agree", str(p), "--json", str(out_path), "--n-boot", "0"], capsys)
    assert code == 0
    note = (
        "counted as one code, as the names differ only in case, spacing, punctuation or &/and: "
        "'Available Resources' = 'Available resources'; "
        "'Leadership Engagement' = 'leadership  engagement' "
        "(--codebook compares codes by codebook id)"
    )
    assert f"Note: {one_line(note)}." in one_line(out)
    data = json.loads(out_path.read_text("utf-8"))
    assert data["notes"] == [note]
    assert data["codes"] == ["Available Resources", "Champions", "Culture", "Leadership Engagement"]
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(14 / 16)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(KAPPA_SPELLED)


def test_csv_codes_are_resolved_to_codebook_ids_with_codebook(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", SPELLED.replace("u4,B,Culture", "u4,B,IS.C"))
    out_path = tmp_path / "a.json"
    code, out, _ = run(
        ["agree", str(p), "--codebook", "cfir-2009", "--json", str(out_path), "--n-boot", "0"],
        capsys,
    )
    assert code == 0
    assert "Note:" not in out
    data = json.loads(out_path.read_text("utf-8"))
    assert data["codes"] == ["IS.C", "IS.E.1", "IS.E.2", "PR.B.3"]
    assert [c["name"] for c in data["per_code"]] == [
        "Culture",
        "Leadership Engagement",
        "Available Resources",
        "Champions",
    ]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(KAPPA_SPELLED)


def test_csv_code_the_codebook_does_not_know_is_a_one_line_error(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,Culture\nu1,B,Leadership Engagment\n")
    code, _, err = run(["agree", str(p), "--codebook", "cfir-2009"], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {p}: line 3: unknown code 'Leadership Engagment' in codebook 'cfir-2009' "
        "(did you mean 'Leadership Engagement'? `roqa codebook cfir-2009` lists the codes)\n"
    )


def test_csv_code_near_no_code_of_the_codebook_says_how_to_look_them_up(tmp_path, capsys) -> None:
    """A code of no codebook is refused with --codebook, near a code or not (regression hunt,
    session 68: "near no code" compared it as written, and so truncations, two codes in one cell
    and placeholders, each lowering kappa)."""
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,Culture\nu1,B,Staff wellbeing\n")
    code, _, err = run(["agree", str(p), "--codebook", "cfir-2009"], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {p}: line 3: unknown code 'Staff wellbeing' in codebook 'cfir-2009' "
        "(use a code id or name, or leave out the codebook to compare codes as written; `roqa "
        "codebook cfir-2009` lists the codes)\n"
    )


def test_csv_code_of_another_codebook_is_named_with_its_counterparts(tmp_path, capsys) -> None:
    """Tester R (session 35): a CFIR 2009 name compared in CFIR 2.0 said only "unknown code";
    the error names the CFIR 2009 code and its CFIR 2.0 counterparts."""
    text = "unit,coder,code\nu1,A,Networks & Communications\nu1,B,Relational Connections\n"
    p = write(tmp_path / "c.csv", text)
    code, _, err = run(["agree", str(p), "--codebook", "cfir-2022"], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {p}: line 2: unknown code 'Networks & Communications' in codebook "
        "'cfir-2022': it is cfir-2009's IS.B Networks & Communications, whose cfir-2022 "
        "counterparts are INS.B Relational Connections and INS.C Communications (code it as one "
        "of those, or give --codebook cfir-2009)\n"
    )


def test_read_long_csv_with_a_codebook_gives_ids_and_names(tmp_path) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,external policy and incentives\n")
    cu = read_long_csv(p, codebook=Codebook.load("cfir-2009"))
    assert cu.codes_of("A", "u1") == {"OS.D"}
    assert cu.code_names == {"OS.D": "External Policy & Incentives"}


def test_read_long_csv_names_the_line_of_an_unknown_code(tmp_path) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,Culture\nu2,A,Team Spirit\n")
    with pytest.raises(RoqaError, match=r"c\.csv: line 3: unknown code 'Team Spirit'"):
        read_long_csv(p, codebook=Codebook.load("cfir-2009"))


@pytest.mark.parametrize(
    "text",
    [
        "unit;coder;code;note\nu1;A;Cost;x\nu1;B;Cost;\nu2;A;Culture;\nu2;B;;\n",  # Excel, ; as separator
        # text pasted from Word into a note: a vertical tab and a line separator in a cell
        "unit,coder,code,note\nu1,A,Cost,a\x0bb\nu1,B,Cost,c\u2028d\nu2,A,Culture,\nu2,B,,\n",
        # a quoted note over two lines
        'unit,coder,code,note\nu1,A,Cost,"two\nlines"\nu1,B,Cost,\nu2,A,Culture,\nu2,B,,\n',
    ],
)
def test_long_csv_as_spreadsheets_write_it(tmp_path, text: str) -> None:
    cu = read_long_csv(write(tmp_path / "c.csv", text))
    assert {c: cu.codings[c] for c in cu.coders} == {
        "A": {"u1": {"Cost"}, "u2": {"Culture"}},
        "B": {"u1": {"Cost"}, "u2": frozenset()},
    }


def test_long_csv_with_an_unclosed_quote_is_a_one_line_error(tmp_path) -> None:
    p = write(tmp_path / "c.csv", 'unit,coder,code\nu1,A,Cost\nu1,B,"Cost\nu2,A,Culture\n')
    with pytest.raises(RoqaError, match=r"c\.csv: is not a valid CSV file \(line 4: "):
        read_long_csv(p)


def test_a_typographic_minus_is_a_minus(tmp_path) -> None:
    cu = read_long_csv(write(tmp_path / "m.csv", "unit,coder,code\nu1,A,\u22121\nu1,B,-1\n"))
    merged, groups = merge_spelling_variants(cu)
    assert groups == [["-1", "\u22121"]]
    report = agreement_report(merged, level="interval", n_boot=0)
    assert report.single_code is not None
    assert report.pooled["all"].percent_agreement == 1.0


def test_a_dashed_rating_keeps_its_sign(tmp_path) -> None:
    """A code name's dash is a hyphen (normalise_name drops it), but Word's "–1" (en dash)
    is the rating -1, never merged with 1."""
    rows = "unit,coder,code\nu1,A,\u20131\nu1,B,-1\nu2,A,1\nu2,B,\u20141\n"
    merged, groups = merge_spelling_variants(read_long_csv(write(tmp_path / "d.csv", rows)))
    assert groups == [["-1", "\u20131", "\u20141"]]
    assert sorted(merged.codes) == ["-1", "1"]


def test_merge_keeps_the_most_used_spelling_and_treats_ampersand_as_and() -> None:
    cu = coded_units_from_rows(
        [
            ("u1", "A", "networks and communications"),
            ("u2", "A", "networks and communications"),
            ("u1", "B", "Networks & Communications"),
            ("u2", "B", "networks and communications"),
            ("u3", "A", "Culture"),
            ("u3", "B", "Climate"),
        ]
    )
    merged, groups = merge_spelling_variants(cu)
    assert groups == [["networks and communications", "Networks & Communications"]]
    assert merged.codes == ["Climate", "Culture", "networks and communications"]
    assert merged.codes_of("B", "u1") == {"networks and communications"}
    report = agreement_report(merged, n_boot=0)
    assert report.per_code[2].all.percent_agreement == 1.0


def test_merge_leaves_codes_outside_the_given_ones_alone() -> None:
    cu = coded_units_from_rows([("u1", "A", "IS.C"), ("u1", "B", "is.c")])
    merged, groups = merge_spelling_variants(cu, codes=[])
    assert (merged, groups) == (cu, [])


def test_a_unit_coded_with_two_spellings_holds_the_code_once() -> None:
    cu = coded_units_from_rows([("u1", "A", "Culture"), ("u1", "A", "culture"), ("u1", "B", "")])
    merged, _ = merge_spelling_variants(cu)
    assert merged.codes_of("A", "u1") == {"Culture"}


# -- codes that read as numbers keep their sign ---------------------------------------------------

#: A = [-1, -2, 1, 0], B = [1, 2, 1, 0]: they agree on u3 and u4 only.
SIGNS = "unit,coder,code\nu1,A,-1\nu1,B,1\nu2,A,-2\nu2,B,2\nu3,A,1\nu3,B,1\nu4,A,0\nu4,B,0\n"


def test_opposite_signs_are_not_spellings_of_one_code(tmp_path) -> None:
    cu = read_long_csv(write(tmp_path / "signs.csv", SIGNS))
    merged, groups = merge_spelling_variants(cu)
    assert groups == []
    assert sorted(merged.codes) == ["-1", "-2", "0", "1", "2"]


def test_spellings_of_one_number_are_still_one_code() -> None:
    cu = coded_units_from_rows(
        [("u1", "A", "+1"), ("u1", "B", "1"), ("u2", "A", "1.0"), ("u2", "B", "1")]
    )
    merged, groups = merge_spelling_variants(cu)
    assert groups == [["1", "1.0", "+1"]]  # "1" is used twice, so it names the group
    assert agreement_report(merged, n_boot=0).pooled["all"].percent_agreement == 1.0


#: Outline-numbered codes (section 1.1, section 1.10, section 2.1), as a team's own codebook may
#: number them: five units, the coders swap 1.1 and 1.10 on u1 and u2 and differ on u4.
OUTLINE = (
    "unit,coder,code\nu1,A,1.1\nu1,B,1.10\nu2,A,1.10\nu2,B,1.1\nu3,A,2.1\nu3,B,2.1\n"
    "u4,A,1.1\nu4,B,2.1\nu5,A,1.10\nu5,B,1.10\n"
)


def test_outline_numbers_that_read_as_one_float_are_different_codes(tmp_path, capsys) -> None:
    """Before: '1.1' and '1.10' were both the float 1.1, merged into one code: 2 codes, pooled
    agreement 80%, kappa 0.600.

    Three codes x 5 units = 15 decisions: 1.1 agrees on 2 (u3, u5), 1.10 on 3 (u3, u4, u5),
    2.1 on 4 (all but u4): 9/15. Each coder says yes 5 times: p_e = (1/3)^2 + (2/3)^2 = 5/9,
    kappa (3/5 - 5/9) / (4/9) = 1/10. One code per unit: u3 and u5 agree, 2/5; marginals A
    (2, 2, 1), B (1, 2, 2) of 1.1, 1.10, 2.1: p_e = 8/25, kappa (2/5 - 8/25) / (17/25) = 2/17.
    """
    p = write(tmp_path / "outline.csv", OUTLINE)
    out_path = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", str(out_path)], capsys)
    assert code == 0, err
    assert "counted as one code" not in out
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data["codes"] == ["1.1", "1.10", "2.1"]
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(9 / 15)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1 / 10)
    single = data["single_code"]["all"]
    assert single["percent_agreement"] == pytest.approx(2 / 5)
    assert single["kappa"] == pytest.approx(2 / 17)


def test_a_number_merges_only_with_the_same_digits_after_the_point() -> None:
    """A fraction of zeros alone ("1.0", "1.", "1.00") is a whole number's spelling; any other
    fraction is compared as written, so "1.5" and "1.50" stay apart as "1.1" and "1.10" do."""
    rows = [
        ("u1", "A", "1"),
        ("u1", "B", "01"),
        ("u2", "A", "1.00"),
        ("u2", "B", "1."),
        ("u3", "A", "1.5"),
        ("u3", "B", "1.50"),
        ("u4", "A", "-0"),
        ("u4", "B", "0"),
        ("u5", "A", "-1.5"),
        ("u5", "B", "\u22121.5"),
    ]
    merged, groups = merge_spelling_variants(coded_units_from_rows(rows))
    # each spelling is used once, so each group is named by its first in natural order
    assert groups == [["0", "-0"], ["01", "1", "1.", "1.00"], ["-1.5", "\u22121.5"]]
    assert merged.codes == ["0", "01", "1.5", "1.50", "-1.5"]


def test_a_merge_of_numbers_is_noted_as_one_number_written_two_ways(tmp_path, capsys) -> None:
    p = write(tmp_path / "r.csv", "unit,coder,code\nu1,A,+1\nu1,B,1\nu2,A,1.0\nu2,B,1\n")
    out_path = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", str(out_path)], capsys)
    assert code == 0, err
    note = "counted as one code, as they write the same number: '1' = '1.0' = '+1'"
    assert json.loads(out_path.read_text(encoding="utf-8"))["notes"] == [note]


def test_names_are_still_compared_as_the_codebook_compares_them() -> None:
    assert normalise_name("-1") == "1"  # codebook lookups are unchanged
    cu = coded_units_from_rows([("u1", "A", "Pre-planning"), ("u1", "B", "Pre planning")])
    assert merge_spelling_variants(cu)[1] == [["Pre planning", "Pre-planning"]]


def test_signed_ratings_agree_on_two_of_four_units(tmp_path, capsys) -> None:
    """Before: '-1' = '1' and '-2' = '2' were merged and every figure was 1.000.

    One code per unit, interval level, over 4 units:
    - agreement 2/4;
    - kappa: A's marginals 1/4 each of -2, -1, 0, 1; B's 1/2 of 1, 1/4 of 2 and of 0; p_e =
      1/4 * 1/2 + 1/4 * 1/4 = 3/16; (1/2 - 3/16) / (13/16) = 5/13;
    - interval alpha: values -1, -2, 1, 1, 1, 2, 0, 0 (n = 8, sum 2, sum of squares 12); observed
      disagreement (2 * 4 + 2 * 16) / 8 = 5; expected (2 * 8 * 12 - 2 * 2^2) / (8 * 7) = 184/56;
      1 - 5 * 56 / 184 = -12/23;
    - AC1 over the 5 values used: pi = 1/8, 1/8, 1/4, 3/8, 1/8, sum of pi(1 - pi) = 3/4,
      p_e = (3/4) / 4 = 3/16, so (1/2 - 3/16) / (13/16) = 5/13.
    Pooled presence/absence: 20 decisions, both 2 (u3 '1', u4 '0'), A only 2, B only 2, neither
    14: agreement 16/20, kappa (0.8 - 0.68) / 0.32 = 0.375.
    """
    p = write(tmp_path / "signs.csv", SIGNS)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--level", "interval", "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    assert "counted as one code" not in out
    data = json.loads(out_path.read_text(encoding="utf-8"))
    single = data["single_code"]["all"]
    assert single["n_units"] == 4
    assert single["percent_agreement"] == pytest.approx(0.5)
    assert single["kappa"] == pytest.approx(5 / 13)
    assert single["alpha"] == pytest.approx(-12 / 23)
    assert single["ac1"] == pytest.approx(5 / 13)
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(0.8)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(0.375)


def test_signed_ratings_nominal_alpha_by_hand(tmp_path) -> None:
    """Nominal alpha of the same values: 4 of 8 pairable values disagree; n_c = 1, 1, 3, 1, 2;
    D_e = (64 - 16) / 56; 1 - (4/8) / (48/56) = 5/12."""
    merged, _ = merge_spelling_variants(read_long_csv(write(tmp_path / "s.csv", SIGNS)))
    assert agreement_report(merged, n_boot=0).single_code["all"].alpha == pytest.approx(5 / 12)


def test_two_projects_with_one_user_name_are_told_apart_by_file(tmp_path, capsys) -> None:
    """Two copies of a QDA program that share their default user name (audit B, D11.1)."""
    from test_cli_report import alices_codings

    folder = alices_codings(tmp_path, {"name": "Alice"})
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    for p in (a, b):
        assert run(["export", str(folder), "--qdpx", str(p)], capsys)[0] == 0
    out_path = tmp_path / "agree.json"
    code, out, err = run(
        ["agree", str(a), str(b), "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    assert (
        f"Note: user 'Alice' of {b} is coder 'Alice (b.qdpx)', as another input has a coder of "
        "that name." in one_line(out)
    )
    data = json.loads(out_path.read_text("utf-8"))
    assert data["coders"] == ["Alice", "Alice (b.qdpx)"]
    assert data["pooled"]["all"]["percent_agreement"] == 1.0
    # one project given twice is still an error
    code, _, err = run(["agree", str(a), str(a), "--n-boot", "0"], capsys)
    assert (code, err) == (2, f"roqa: error: {a}: is given twice (give each input once)\n")


#: Ann wrote two codes in one cell on u1, Ben two rows; on u3 Ben wrote two in one cell.
MULTI_CELL = (
    "unit,coder,code\n"
    'u1,ann,"Cost; Culture"\nu1,ben,Cost\nu1,ben,Culture\n'
    "u2,ann,Cost\nu2,ben,Cost\n"
    'u3,ann,\nu3,ben,"Culture;Cost"\n'
    "u4,ann,Leadership Engagement\nu4,ben,Leadership Engagement\n"
)


def test_codes_separated_by_semicolons_in_one_cell_are_several_codes(tmp_path) -> None:
    """As roqa evaluate reads "Culture; Cost". 3 codes x 4 units = 12 decisions, 10 agree (Ben
    alone has Cost and Culture on u3); Ann applied 4 codes, Ben 6: p_e = 1/3 * 1/2 + 2/3 * 1/2
    = 1/2 and kappa (10/12 - 1/2) / (1/2) = 2/3 (sklearn agrees). Read as two combined codes
    "Cost; Culture" and "Culture; Cost", it was 5 codes and kappa 0.385."""
    cu = read_long_csv(write(tmp_path / "m.csv", MULTI_CELL))
    assert cu.codes == ["Cost", "Culture", "Leadership Engagement"]
    assert cu.codes_of("ann", "u1") == {"Cost", "Culture"}
    assert cu.codes_of("ann", "u3") == frozenset()
    report = agreement_report(cu, n_boot=0)
    assert report.pooled["all"].percent_agreement == pytest.approx(10 / 12)
    assert report.pooled["all"].kappa == pytest.approx(2 / 3)


def test_codes_in_one_cell_are_each_resolved_in_the_codebook(tmp_path) -> None:
    p = write(tmp_path / "m.csv", 'unit,coder,code\nu1,A,"culture ; IS.E.1"\nu1,B,;\n')
    cu = read_long_csv(p, codebook=Codebook.load("cfir-2009"))
    assert cu.codes_of("A", "u1") == {"IS.C", "IS.E.1"}
    assert cu.codes_of("B", "u1") == frozenset()


@pytest.mark.parametrize(
    ("code", "number"),
    [("1", "1"), ("\uff11", "1"), ("\u0661", "1"), ("+1.0", "1"), ("1.10", "1.10"),
     ("-\u0662.\u0665", "-2.5"), ("1\u00b2", None), ("\u00b2", None), ("x", None)],
)  # fmt: skip
def test_digits_of_any_script_write_their_number(code: str, number: str | None) -> None:
    """Full-width and Arabic-Indic digits are the digits they are, as float() read them before
    1f288ed (regression hunt s45: ratings '1' and full-width '1' became two codes, kappa 0.700
    -> 0.040); a superscript is no digit of a number."""
    from roqa_nlp.coding_agreement import number_written

    assert number_written(code) == number


def test_a_valence_undefined_for_want_of_valences_says_so() -> None:
    """Hunt s45: a reviewer who coded every unit and gave no valence left the valence pair '-'
    with 'no unit was coded by two coders', though both coded all 15."""
    from types import SimpleNamespace

    from roqa_nlp.cli.agree_cmd import _undefined_line

    coded = SimpleNamespace(undefined_why={})
    no_valence = SimpleNamespace(undefined_why={"kappa": "no_units", "alpha": "no_units"})
    assert _undefined_line([coded], [no_valence]) == (
        "'-' = undefined: no unit was given a valence by two coders. "
    )
    no_units = SimpleNamespace(undefined_why={"kappa": "no_units"})
    assert _undefined_line([no_units], [no_valence]) == (
        "'-' = undefined: no unit was coded by two coders; or no unit was given a valence by "
        "two coders. "
    )


def test_a_wide_csv_is_refused_saying_wide_tables_are_not_read_and_how_to_reshape(
    tmp_path,
) -> None:
    p = write(
        tmp_path / "wide.csv",
        "unit,Ana,Ben\nrm01:0001,,\nrm01:0002,Culture,Culture; Knowledge & Beliefs\n",
    )
    with pytest.raises(RoqaError) as exc:
        read_long_csv(p)
    assert str(exc.value) == (
        f"{p}: has no 'coder' or 'code' column (found: unit, Ana, Ben): a wide table, one column per "
        "coder, is not read (reshape it to one line per unit and coder under the header "
        "unit,coder,code (rm01:0002,Ana,Culture), as Excel's Unpivot Other Columns or pandas' "
        "melt does)"
    )


def test_a_table_with_a_unit_and_one_other_column_is_not_called_wide(tmp_path) -> None:
    p = write(tmp_path / "one.csv", "unit,Ana\nrm01:0001,Culture\n")
    with pytest.raises(RoqaError) as exc:
        read_long_csv(p)
    assert str(exc.value) == (
        f"{p}: has no 'coder' or 'code' column (found: unit, Ana) (the first line must name the "
        "columns unit, coder and code)"
    )


# -- why the inputs share no unit (tester, session 50, finding 5) --------------------------------


def selections(user: str, spans: list[tuple[int, int]]) -> CodingResult:
    """A QDA coder's selections of transcript p01, each coded X."""
    return CodingResult(
        segments=[
            SegmentResult(
                Segment(f"p01:@{user}{k}", "p01", "P01", "participant", a, b, "x" * (b - a)),
                [Suggestion("X", "X", None, 1.0)],
            )
            for k, (a, b) in enumerate(spans)
        ],
        meta={"source": "REFI-QDA", "user": {"name": user}},
    )


def test_segments_asked_of_selections_that_differ_says_they_are_no_shared_segments(
    tmp_path, capsys
) -> None:
    """Before: "no unit was coded by two coders ... (user Ana): transcript RM04; ... (user Ben):
    transcript RM04", though both coded RM04."""
    selections("Ana", [(0, 9), (20, 29)]).save(tmp_path / "Ana")
    selections("Ben", [(0, 15)]).save(tmp_path / "Ben")
    code, out, err = run(
        ["agree", str(tmp_path / "Ana"), str(tmp_path / "Ben"), "--units", "segments"], capsys
    )
    assert code == 2 and out == ""
    assert err == (
        "roqa: error: --units segments compares the segments the coders share, but Ana's and "
        "Ben's selections of transcript p01 are not the same (e.g. Ana's 'p01:@Ana0' at "
        "characters 0-9, Ben's 'p01:@Ben0' at 0-15) (leave out --units segments: --units auto "
        "compares selections by character span)\n"
    )


def test_segments_asked_of_runs_cut_differently_names_a_segment_of_each(tmp_path, capsys) -> None:
    ann = write_result(tmp_path / "ann", [seg("p01", 0, ["X"]), seg("p01", 1, [])])
    moved = Segment("p01:1", "p01", "P01", "participant", 12, 25, "x" * 13)
    ben = write_result(tmp_path / "ben", [seg("p01", 0, ["X"]), SegmentResult(moved, [])])
    code, _, err = run(["agree", str(ann), str(ben), "--units", "segments"], capsys)
    assert code == 2
    assert err == (
        "roqa: error: --units segments compares the segments the coders share, but ann's and "
        "ben's segments of transcript p01 are not the same (e.g. ann's 'p01:1' at characters "
        "10-19, ben's 'p01:1' at 12-25) (leave out --units segments: --units auto compares "
        "them by character span)\n"
    )


def test_spans_asked_of_a_csv_with_results_says_a_csv_has_no_spans(tmp_path, capsys) -> None:
    """Before: "CSV units must be the segment ids of the results", though they were."""
    ann = write_result(tmp_path / "ann", [seg("p01", 0, ["X"]), seg("p01", 1, [])])
    p = write(tmp_path / "ben.csv", "unit,coder,code\np01:0,Ben,X\np01:1,Ben,\n")
    code, _, err = run(["agree", str(p), str(ann), "--units", "spans"], capsys)
    assert code == 2
    assert err == (
        "roqa: error: a long CSV cannot be cut into character spans: its units are compared with "
        "the results' segment ids, and --units spans cuts the results into character spans "
        "(leave out --units spans)\n"
    )


def test_csv_with_selections_says_a_csv_has_no_spans(tmp_path, capsys) -> None:
    selections("Ana", [(0, 9)]).save(tmp_path / "Ana")
    selections("Ben", [(0, 15)]).save(tmp_path / "Ben")
    p = write(tmp_path / "cat.csv", "unit,coder,code\np01:0,Cat,X\n")
    code, _, err = run(["agree", str(p), str(tmp_path / "Ana"), str(tmp_path / "Ben")], capsys)
    assert code == 2
    assert err == (
        "roqa: error: a long CSV cannot be cut into character spans: its units are compared with "
        "the results' segment ids, and the results' segments are not shared (a QDA program's "
        "selections), so they are compared by character span (compare the CSV with long CSVs, "
        "or the results with results)\n"
    )


@pytest.mark.parametrize(
    ("written", "alike"),
    [
        ("p01:00", " (the same ids with other leading zeros)"),
        ("P01:0", " (the same ids in another case)"),
        ("p1-0", ""),
    ],
)
def test_csv_units_that_are_no_segment_ids_show_an_id_of_each_side(
    tmp_path, capsys, written: str, alike: str
) -> None:
    ann = write_result(tmp_path / "ann", [seg("p01", 0, ["X"]), seg("p01", 1, [])])
    p = write(tmp_path / "ben.csv", f"unit,coder,code\n{written},Ben,X\n")
    code, _, err = run(["agree", str(p), str(ann)], capsys)
    assert code == 2
    assert err == (
        "roqa: error: the inputs share no unit: a long CSV's units must be the results' segment "
        f"ids, and the CSV has e.g. '{written}', the results 'p01:0'{alike} (write the "
        "results' segment ids, segment_id in their codings.csv, in the CSV's unit column)\n"
    )


# -- a QDA project's selections: the text no one selected, interviewers' turns --------------------

#: An interview as a QDA program holds it: two questions, two answers.
INTERVIEW = (
    "Interviewer: How does funding affect this work?\nP01: We cannot afford agency staff.\n"
    "Interviewer: And families?\nP01: Families want a say.\n"
)
QUESTION, ANSWER, ANSWER_2 = (
    (INTERVIEW.index(s), INTERVIEW.index(s) + len(s))
    for s in (
        "How does funding affect this work?",
        "We cannot afford agency staff.",
        "Families want a say.",
    )
)
#: codes the team made in its program: Cost in its CFIR 2009 place, Available Resources not
COST_GUID, RESOURCES_GUID = (
    "c0000000-0000-4000-8000-000000000002",
    "c0000000-0000-4000-8000-000000000004",
)
TEAM_TREE = (
    '<Code guid="c0000000-0000-4000-8000-000000000001" name="Intervention Characteristics" '
    f'isCodable="false"><Code guid="{COST_GUID}" name="Cost" isCodable="true"/></Code>'
    '<Code guid="c0000000-0000-4000-8000-000000000003" name="Inner Setting" isCodable="false">'
    f'<Code guid="{RESOURCES_GUID}" name="Available Resources" isCodable="true"/></Code>'
)


def team_qdpx(path: Path, selections: dict[str, list[tuple[tuple[int, int], str]]]) -> Path:
    """A NVivo project of transcript p01 (INTERVIEW) with the team's tree and each user's
    selections ``(range, code GUID)``; a user with none is declared all the same."""
    import zipfile
    from xml.sax.saxutils import quoteattr

    users = {u: f"a0000000-0000-4000-8000-{k:012d}" for k, u in enumerate(selections)}
    src = "b0000000-0000-4000-8000-000000000001"
    sels = "".join(
        f'<PlainTextSelection guid="d0000000-0000-4000-8000-{k:04d}{n:08d}" startPosition="{s}" '
        f'endPosition="{e}" creatingUser="{users[u]}"><Coding guid="e0000000-0000-4000-8000-'
        f'{k:04d}{n:08d}" creatingUser="{users[u]}"><CodeRef targetGUID="{g}"/></Coding>'
        "</PlainTextSelection>"
        for k, u in enumerate(selections)
        for n, ((s, e), g) in enumerate(selections[u])
    )
    declared = "".join(f"<User guid={quoteattr(g)} name={quoteattr(u)}/>" for u, g in users.items())
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="NVivo 14">'
        f"<Users>{declared}</Users><CodeBook><Codes>{TEAM_TREE}</Codes></CodeBook><Sources>"
        f'<TextSource guid="{src}" name="p01" plainTextPath="internal://{src}.txt">'
        f"{sels}</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{src}.txt", INTERVIEW)
    return path


def agree_json(tmp_path: Path, capsys, args: list[str]) -> tuple[int, dict, str]:
    out = tmp_path / "agreement.json"
    code, printed, err = run(["agree", *args, "--n-boot", "0", "--json", str(out)], capsys)
    assert code == 0, err
    return code, json.loads(out.read_text(encoding="utf-8")), one_line(printed)


def test_identical_selections_say_the_text_no_one_selected_is_no_unit(tmp_path, capsys) -> None:
    """Ann and Ben selected the same two answers (Cost; Ann Available Resources on the second,
    Ben Cost): units are those 2 selections. The 2 questions with their speakers' labels
    (53 + 33 characters, the final line break holding no word) are no units, and a note says
    so and that --units spans counts them (before: nothing said; tester, session 60)."""
    p = team_qdpx(
        tmp_path / "same.qdpx",
        {
            "Ann": [(ANSWER, COST_GUID), (ANSWER_2, RESOURCES_GUID)],
            "Ben": [(ANSWER, COST_GUID), (ANSWER_2, COST_GUID)],
        },
    )
    _, data, printed = agree_json(tmp_path, capsys, [str(p)])
    assert data["n_units"]["all"] == 2
    note = (
        "units are the coders' selections, as they are the same for every coder: the 2 "
        "stretches of text no coder selected (86 characters: interviewers' turns, speaker "
        "labels, passages set aside) are no units; --units spans compares them as text each "
        "coder read and gave no code, as when the selections differ"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in printed
    _, spans, _ = agree_json(tmp_path, capsys, [str(p), "--units", "spans"])
    assert (spans["n_units"]["all"], spans["n_units"]["coded"]) == (4, 2)
    assert not any(n.startswith("units are the coders' selections") for n in spans["notes"])


def test_coded_units_in_interviewers_turns_are_counted_in_a_note(tmp_path, capsys) -> None:
    """Ann coded the first question Cost, as both did its answer; Ben coded the second answer
    Cost. Of the 3 coded units (question, answer, second answer), the question lies wholly in
    the interviewer's turn: a note counts and names it, with who coded it (before: compared
    with no word of it; tester, session 60). Unit ids read as roqa import writes a selection's,
    'p01:@13-47', by span as by segment."""
    p = team_qdpx(
        tmp_path / "asked.qdpx",
        {
            "Ann": [(QUESTION, COST_GUID), (ANSWER, COST_GUID)],
            "Ben": [(ANSWER, COST_GUID), (ANSWER_2, COST_GUID)],
        },
    )
    _, data, printed = agree_json(tmp_path, capsys, [str(p), "--universe", "coded"])
    assert data["n_units"]["coded"] == 3
    note = (
        f"1 of the 3 coded units compared lies wholly in interviewers' turns (p01:@{QUESTION[0]}-"
        f"{QUESTION[1]} (Ann)): a coding of the interviewer's (or a moderator's) words is "
        "compared as any other, though roqa code skips those turns; to leave it out, uncode "
        "those words (or select the answer alone) in the QDA program"
    )
    assert QUESTION == (13, 47)
    assert note in data["notes"]
    assert f"Note: {note}." in printed


def test_the_codes_read_as_cfir_are_counted_whole_and_kept_in_the_json(tmp_path, capsys) -> None:
    """The team's Cost (in its CFIR place) and Available Resources (not) are both read as CFIR
    2009's, and so are its two headings: the import's warning counts the 4, not the 1 placed
    elsewhere, and the JSON's notes keep it (before: "1 code ...", and `"notes": []`; tester,
    session 60)."""
    p = team_qdpx(
        tmp_path / "team.qdpx",
        {"Ann": [(ANSWER, COST_GUID)], "Ben": [(ANSWER, RESOURCES_GUID)]},
    )
    _, data, _ = agree_json(tmp_path, capsys, [str(p)])
    assert (
        f"{p}: 4 codes made in the QDA program are read as codes of cfir-2009, with their "
        "codings: 3 by their place in its code tree, and 1 named as a code of it elsewhere: "
        "'Inner Setting > Available Resources' as IS.E.2; to keep a code apart, give it a name "
        "of its own in the program"
    ) in data["notes"]


def test_a_project_whose_users_coded_nothing_says_so(tmp_path, capsys) -> None:
    """Before: "agreement needs at least two coders, the inputs hold 0" and no reason (tester,
    session 60: the NVivo and ATLAS.ti sample exports)."""
    p = team_qdpx(tmp_path / "blank.qdpx", {"Ann": [], "Ben": []})
    code, _, err = run(["agree", str(p)], capsys)
    assert code == 2
    assert err.strip().splitlines()[-1] == (
        "roqa: error: agreement needs at least two coders, the inputs hold 0: blank.qdpx has 2 "
        "users (Ann, Ben), none with codings, and 1 source with text, none coded (export the "
        "project once its coders have coded its sources)"
    )


def test_a_csv_beside_differing_selections_is_refused_before_coder_names(tmp_path, capsys) -> None:
    """A CSV of coder Ann beside a project of users Ann and Ben whose selections differ: the
    refusal of a CSV beside character spans comes first (before: the advice to rename Ann,
    and the refusal only once that was done; tester, session 60)."""
    p = team_qdpx(
        tmp_path / "asked.qdpx",
        {"Ann": [(QUESTION, COST_GUID)], "Ben": [(ANSWER, COST_GUID)]},
    )
    csv = write(tmp_path / "ann.csv", "unit,coder,code\np01:0001,Ann,Cost\n")
    code, _, err = run(["agree", str(csv), str(p)], capsys)
    assert code == 2
    assert "roqa: error: a long CSV cannot be cut into character spans" in err


def test_a_coder_named_in_a_csv_and_a_result_gets_advice_for_the_csv(tmp_path, capsys) -> None:
    """A CSV's coder A and a result folder named A: the error names both inputs and says to
    rename the coder in the CSV's coder column (before: "a coder's name is the person its
    run.json records, else its folder or file name", which fits no CSV)."""
    folder = write_result(tmp_path / "A", [seg("p01", 0, ["X"]), seg("p01", 1, [])])
    csv = write(tmp_path / "codings.csv", "unit,coder,code\np01:0,A,X\np01:1,B,X\n")
    code, _, err = run(["agree", str(csv), str(folder)], capsys)
    assert code == 2
    assert err.strip() == (
        f"roqa: error: {csv} and {folder} both have a coder named 'A' (if they are two coders, "
        "write another name for 'A' in the coder column of codings.csv)"
    )


def test_a_unit_column_retyped_as_unit_id_is_the_unit(tmp_path) -> None:
    """``Unit ID`` / ``unit-id`` (a header retyped in Excel, as a decisions file's ``Segment
    ID`` is read) was "has no 'unit' column" (s78 hunt2 F6). Beside a ``unit`` column it is a
    column of its own, passed over."""
    for header in ("Unit ID,Coder,Code", "unit-id;coder;code", "unit_id,Coder,Code"):
        sep = ";" if ";" in header else ","
        p = tmp_path / "long.csv"
        p.write_text(
            f"{header}\nu1{sep}Ana{sep}IC.D\nu1{sep}Ben{sep}IC.D\nu2{sep}Ana{sep}OS.A\n"
            f"u2{sep}Ben{sep}IC.A\n",
            encoding="utf-8",
        )
        cu = read_long_csv(p)
        assert cu.codings == {
            "Ana": {"u1": {"IC.D"}, "u2": {"OS.A"}},
            "Ben": {"u1": {"IC.D"}, "u2": {"IC.A"}},
        }
    p.write_text("Unit ID,unit,coder,code\nx,u1,Ana,IC.D\ny,u1,Ben,IC.D\n", encoding="utf-8")
    assert read_long_csv(p).codings == {"Ana": {"u1": {"IC.D"}}, "Ben": {"u1": {"IC.D"}}}
