"""Specification of valence agreement in ``roqa agree``.

Code agreement asks whether a code applies to a unit; CFIR studies also report each construct
as a barrier or an enabler, so two coders who applied the same codes but read every barrier as
an enabler must not look as if they agreed. Valence agreement compares, over the (unit, code)
pairs two or more coders applied, the valence (barrier / enabler / neutral) each gave the code.
An input that records no valence (a long CSV without a ``valence`` column, a QDA project whose
coder gave no valence code) is said to be so in one line, never left out in silence.
"""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from roqa_nlp.agreement import bootstrap_ci, cohen_kappa, gwet_ac1, krippendorff_alpha
from roqa_nlp.coding_agreement import (
    agreement_report,
    coded_units_from_results,
    read_long_csv,
    valence_agreement,
)
from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_agree_code_names import AFFORD, CULTURE, DIRECTOR, TEXT, project
from test_cli_agree import run

#: Two coders' valences of the five codes both applied (units u1-u5), and, on u6, codes only
#: one of them applied (X by A, Y by B: no pair, so no valence comparison).
#: A: b b e e n;  B: b e e e b  (b = barrier, e = enabler, n = neutral)
VALENCE_CSV = (
    "unit,coder,code,valence\n"
    "u1,A,X,barrier\nu1,B,X,Barrier\n"
    "u2,A,X,barrier\nu2,B,X,facilitator\n"  # facilitator reads as enabler
    "u3,A,Y,enabler\nu3,B,Y,enabler\n"
    "u4,A,Y,enabler\nu4,B,Y,positive\n"
    "u5,A,X,neutral\nu5,B,X,negative\n"
    "u6,A,X,barrier\nu6,B,Y,barrier\n"
)
A_VALENCES = ["barrier", "barrier", "enabler", "enabler", "neutral"]
B_VALENCES = ["barrier", "enabler", "enabler", "enabler", "barrier"]
#: p_o = 3/5; p_e = (2*2 + 2*3 + 1*0) / 25 = 2/5; kappa = (3/5 - 2/5) / (3/5) = 1/3.
KAPPA = 1 / 3
#: Coincidences (each pair counted both ways): o_bb 2, o_ee 4, o_be = o_eb 1, o_bn = o_nb 1;
#: n_b 4, n_e 5, n_n 1, n 10. alpha = 1 - (n - 1) * 4 / (n^2 - 16 - 25 - 1) = 1 - 36/58 = 11/29.
ALPHA = 11 / 29
#: Gwet: p_a 3/5; pi = (b 4/10, e 5/10, n 1/10); p_e = (.24 + .25 + .09) / (q - 1 = 2) = .29;
#: AC1 = (.6 - .29) / .71 = 31/71.
AC1 = 31 / 71


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def seg(i: int, coded: list[tuple[str, str]]) -> SegmentResult:
    """Segment p01:i of a person's codings, with (code, valence) suggestions."""
    s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, 1.0, valence=v) for c, v in coded])


FLIP = {"barrier": "enabler", "enabler": "barrier", "neutral": "barrier"}
#: A reviewer's codings: seven segments, one with two codes, one with none.
REVIEWED = [
    [("X", "barrier")],
    [("X", "enabler"), ("Y", "neutral")],
    [("Y", "enabler")],
    [("Z", "barrier")],
    [],
    [("X", "neutral")],
    [("Z", "enabler")],
]


def flipped(codings: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    return [[(c, FLIP[v]) for c, v in coded] for coded in codings]


def test_the_same_codes_with_every_valence_flipped_agree_on_codes_not_on_valence() -> None:
    """The tester's case: a copy of the reviewer's codings with barrier and enabler swapped and
    neutral made barrier. Codes agree perfectly; valence not at all, and its kappa is the one
    scikit-learn gives over the seven (segment, code) pairs."""
    ann = CodingResult([seg(i, coded) for i, coded in enumerate(REVIEWED)])
    ben = CodingResult([seg(i, coded) for i, coded in enumerate(flipped(REVIEWED))])
    cu = coded_units_from_results({"ann": ann, "ben": ben})
    report = agreement_report(cu, n_boot=0)
    assert report.pooled["all"].percent_agreement == 1.0
    assert report.pooled["all"].kappa == 1.0
    a = [v for coded in REVIEWED for _, v in coded]
    b = [FLIP[v] for v in a]
    v = report.valence
    assert v is not None
    assert v.n_pairs == 7
    assert v.percent_agreement == 0.0
    assert v.kappa == pytest.approx(cohen_kappa_score(a, b))
    assert v.kappa < 0
    assert v.pairs[0].table == {
        "barrier": {"enabler": 2},
        "enabler": {"barrier": 3},
        "neutral": {"barrier": 2},
    }


def test_long_csv_valence_column_gives_kappa_alpha_and_ac1_over_the_pairs_both_applied(
    tmp_path,
) -> None:
    cu = read_long_csv(write(tmp_path / "c.csv", VALENCE_CSV))
    v, note = valence_agreement(cu)
    assert v is not None
    assert note == "barrier / enabler / neutral of the codes two or more coders applied to one unit"
    assert v.n_pairs == 5
    assert v.n_without_valence == 0
    assert v.percent_agreement == pytest.approx(3 / 5)
    assert v.kappa == pytest.approx(KAPPA)
    assert cohen_kappa_score(A_VALENCES, B_VALENCES) == pytest.approx(KAPPA)
    assert v.alpha == pytest.approx(ALPHA)
    assert v.ac1 == pytest.approx(AC1)
    assert v.kappa_method == "cohen"


def test_a_pair_where_a_coder_gave_no_valence_is_left_out_and_counted(tmp_path) -> None:
    text = VALENCE_CSV + "u7,A,X,barrier\nu7,B,X,\n"
    v, note = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (5, 1)
    assert v.kappa == pytest.approx(KAPPA)
    assert note.endswith(
        "; 1 more pair where fewer than two of them gave the code a valence (or gave it two) "
        "left out"
    )


def test_a_spreadsheet_blank_in_the_valence_cell_is_no_valence(tmp_path) -> None:
    """'N/A', 'null' ... read as no code in the code cell (spreadsheet_blanks) are no valence in
    the valence cell, not an unknown valence: the row u7,B,X,N/A is the row u7,B,X, (empty)."""
    text = VALENCE_CSV + "u7,A,X,barrier\nu7,B,X,N/A\nu8,A,Y,null\nu8,B,Y,enabler\n"
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (5, 2)
    assert v.kappa == pytest.approx(KAPPA)


@pytest.mark.parametrize("sign", ["-", "--", "\u2013"])
def test_a_dash_in_the_valence_cell_is_an_unknown_valence_not_a_blank(tmp_path, sign) -> None:
    """Session 50's regression hunt: '-' in a valence column (a table of + and -, '-' a barrier)
    was read as no valence without a word, and a file of + and - failed only at its first '+'.
    A dash is a blank in the code cell, but a sign in the valence cell: unknown, as before."""
    text = VALENCE_CSV + f"u7,A,X,barrier\nu7,B,X,{sign}\n"
    with pytest.raises(RoqaError, match=f"line 15: unknown valence '{sign}'"):
        read_long_csv(write(tmp_path / "c.csv", text))


def test_a_row_of_spreadsheet_blanks_is_a_unit_coded_with_nothing_and_no_valence(
    tmp_path,
) -> None:
    text = "unit,coder,code,valence\nu1,Ana,Cost,barrier\nu1,Bob,N/A,N/A\n"
    cu = read_long_csv(write(tmp_path / "c.csv", text))
    assert cu.codings == {"Ana": {"u1": frozenset({"Cost"})}, "Bob": {"u1": frozenset()}}
    assert cu.blank_cells == {"N/A": 1}


@pytest.mark.parametrize("blank", ["", "NONE", "N/A", "-"])
def test_a_row_with_no_code_reads_its_valence_cell_as_its_code_cell(tmp_path, blank) -> None:
    """Re-tester, session 50, finding 6: the row u2,Ana,-,- was "unknown valence '-'" while
    its '-' code cell read as no code. On a row with no code, the valence cell is read as the
    code cell is: a blank there, a dash too, is no valence."""
    text = f"unit,coder,code,valence\nu1,Ana,Cost,barrier\nu1,Ben,Cost,barrier\nu2,Ana,-,{blank}\n"
    cu = read_long_csv(write(tmp_path / "c.csv", text))
    assert cu.codings["Ana"] == {"u1": frozenset({"Cost"}), "u2": frozenset()}
    assert cu.valences["Ana"] == {"u1": {"Cost": "barrier"}}
    assert cu.valence_without_code == []


def test_a_valence_on_a_row_with_no_code_is_counted_as_given_to_none(tmp_path) -> None:
    """u2,Ana,,barrier: the valence is of the row's codes, and it has none; it was dropped
    without a word (re-tester, session 50, finding 6). An unknown word there is still an
    error."""
    text = (
        "unit,coder,code,valence\nu1,Ana,Cost,barrier\nu1,Ben,Cost,barrier\n"
        "u2,Ana,,barrier\nu2,Ben,Culture,enabler\nu3,Ana,N/A,enabler\n"
    )
    cu = read_long_csv(write(tmp_path / "c.csv", text))
    assert cu.codings["Ana"] == {"u1": frozenset({"Cost"}), "u2": frozenset(), "u3": frozenset()}
    assert cu.valences["Ana"] == {"u1": {"Cost": "barrier"}}
    assert cu.valence_without_code == ["line 4", "line 6"]
    bad = write(tmp_path / "d.csv", "unit,coder,code,valence\nu1,Ana,,good\nu1,Ben,X,\n")
    with pytest.raises(RoqaError, match="line 2: unknown valence 'good'"):
        read_long_csv(bad)


def _agree_notes(tmp_path, capsys, tables: dict[str, str]) -> tuple[list[str], str]:
    """roqa agree's notes (its --json) and its printed words, blanks folded, on ``tables``
    (file name -> text)."""
    from test_cli_agree import run

    paths = [str(write(tmp_path / name, text)) for name, text in tables.items()]
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", *paths, "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    return json.loads(out_json.read_text("utf-8"))["notes"], " ".join(out.split())


def test_roqa_agree_says_how_many_valences_are_on_rows_with_no_code(tmp_path, capsys) -> None:
    notes, out = _agree_notes(
        tmp_path,
        capsys,
        {
            "blankval.csv": "unit,coder,code,valence\nu1,Ana,Cost,barrier\nu1,Ben,Cost,barrier\n"
            "u2,Ana,,barrier\nu2,Ben,Culture,enabler\nu3,Ana,Culture,enabler\nu3,Ben,NONE,\n"
        },
    )
    note = (
        "1 valence is on a row with no code (blankval.csv line 4): a valence cell gives the "
        "valence of its row's codes, so it is given to none; to compare it, write the code on "
        "that row"
    )
    assert note in notes
    assert f"Note: {note}." in out


def test_roqa_agree_says_how_many_valences_are_on_rows_with_no_code_in_two_tables(
    tmp_path, capsys
) -> None:
    """The plural note: the rows of each table, named with its file, the first four of five."""
    notes, out = _agree_notes(
        tmp_path,
        capsys,
        {
            "a.csv": "unit,coder,code,valence\nu1,Ana,Cost,barrier\nu2,Ana,,barrier\n"
            "u3,Ana,,enabler\nu4,Ana,,barrier\nu5,Ana,Culture,enabler\n",
            "b.csv": "unit,coder,code,valence\nu1,Ben,Cost,barrier\nu2,Ben,,enabler\n"
            "u3,Ben,Culture,\nu4,Ben,,barrier\nu5,Ben,Culture,enabler\n",
        },
    )
    note = (
        "5 valences are on rows with no code (a.csv line 3, a.csv line 4, a.csv line 5, b.csv "
        "line 3 ...): a valence cell gives the valence of its row's codes, so they are given "
        "to none; to compare them, write the codes on those rows"
    )
    assert note in notes
    assert f"Note: {note}." in out


def test_a_code_given_two_valences_in_one_unit_has_none(tmp_path) -> None:
    text = VALENCE_CSV + "u7,A,X,barrier\nu7,A,X,enabler\nu7,B,X,barrier\n"
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (5, 1)


def test_unknown_valence_in_the_long_csv_is_a_one_line_error_naming_the_line(tmp_path) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code,valence\nu1,A,X,barrier\nu1,B,X,good\n")
    with pytest.raises(RoqaError) as e:
        read_long_csv(p)
    assert str(e.value) == (
        f"{p}: line 3: unknown valence 'good' (use barrier, enabler or neutral (or facilitator, "
        "negative, mixed ...), or leave the cell empty for no valence)"
    )


def test_three_coders_give_lights_kappa_and_a_line_per_pair(tmp_path, capsys) -> None:
    """C applied X to u1 and u2 only (barrier, barrier): C is missing on the other pairs. Light's
    kappa is the mean of the three pairwise Cohen's kappas (scikit-learn's)."""
    text = VALENCE_CSV + "u1,C,X,barrier\nu2,C,X,barrier\nu3,C,,\n"
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is not None
    assert v.kappa_method == "light"
    assert v.n_pairs == 5
    pairwise = [
        cohen_kappa_score(A_VALENCES, B_VALENCES),
        cohen_kappa_score(["barrier", "enabler"], ["barrier", "barrier"]),  # B-C: 0
    ]
    assert [p.n_pairs for p in v.pairs] == [5, 2, 2]
    assert v.pairs[0].kappa == pytest.approx(pairwise[0])
    assert math.isnan(v.pairs[1].kappa)  # A-C: barrier twice each, chance agreement 1
    assert v.pairs[2].kappa == pytest.approx(pairwise[1])
    assert v.kappa == pytest.approx((pairwise[0] + pairwise[1]) / 2)  # the undefined one left out
    code, out, err = run(["agree", str(tmp_path / "c.csv"), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "valence, A - B (n=5): agreement 60.0%, Cohen's kappa 0.333 (fair)" in out


def test_a_valence_one_of_three_coders_did_not_give_is_counted_for_their_pairs(
    tmp_path, capsys
) -> None:
    """Tester, session 56: with three coders, A's code given no valence on u7 (B and C gave
    it one) stays in the pooled figures on B's and C's valences, but A - B and A - C lose it,
    and it was counted nowhere: A - B said n=5 and nothing, where A and B alone say "1 more
    pair ... left out" and n_without_valence 1. Each pair now counts it as the two alone do."""
    text = VALENCE_CSV + "u7,A,X,\nu7,B,X,barrier\nu7,C,X,barrier\nu1,C,X,barrier\n"
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (6, 0)  # u7 on B's and C's, in the pooled
    assert [(p.n_pairs, p.n_without_valence) for p in v.pairs] == [(5, 1), (1, 1), (2, 0)]
    two = text.replace("u7,C,X,barrier\nu1,C,X,barrier\n", "")
    alone, _ = valence_agreement(read_long_csv(write(tmp_path / "ab.csv", two)))
    assert alone is not None
    assert (
        (alone.n_pairs, alone.n_without_valence)
        == (5, 1)
        == (
            v.pairs[0].n_pairs,
            v.pairs[0].n_without_valence,
        )
    )
    assert v.pairs[0].kappa == pytest.approx(alone.kappa)
    code, out, err = run(["agree", str(tmp_path / "c.csv"), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert (
        "valence, A - B (n=5; 1 more pair where one of them gave the code no valence (or gave "
        "it two) left out): agreement 60.0%, Cohen's kappa 0.333 (fair)"
    ) in " ".join(out.split())


def test_a_third_coder_without_valence_is_left_out_with_the_reason(tmp_path) -> None:
    from roqa_nlp.coding_agreement import merge_coded_units

    with_valence = read_long_csv(write(tmp_path / "c.csv", VALENCE_CSV))
    plain = read_long_csv(write(tmp_path / "c2.csv", "unit,coder,code\nu1,C,X\nu2,C,X\n"))
    v, note = valence_agreement(merge_coded_units([with_valence, plain]))
    assert v is not None
    assert v.coders == ["A", "B"]
    assert v.kappa == pytest.approx(KAPPA)
    assert note.endswith(
        "; left out, as it records no valence: C (the long CSV c2.csv has no valence column)"
    )


def test_cli_prints_the_valence_line_and_writes_the_valence_object(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", VALENCE_CSV)
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    assert (
        "Valence (barrier / enabler / neutral of the codes two or more coders applied to one "
        "unit; n=5 unit-code pairs): agreement 60.0%, Cohen's kappa 0.333 (fair), alpha "
        f"{ALPHA:.3f} (nominal), AC1 {AC1:.3f}." in " ".join(out.split())
    )
    data = json.loads(out_json.read_text("utf-8"))
    assert data["valence"]["n_pairs"] == 5
    assert data["valence"]["kappa"] == pytest.approx(KAPPA)
    assert data["valence"]["pairs"][0]["table"] == {
        "barrier": {"barrier": 1, "enabler": 1},
        "enabler": {"enabler": 2},
        "neutral": {"barrier": 1},
    }


def test_a_long_csv_without_valence_column_says_valence_was_not_compared(tmp_path, capsys) -> None:
    p = write(tmp_path / "c.csv", "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,Y\nu2,B,X\n")
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", str(p), "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    assert "Valence not compared: the long CSV c.csv has no valence column.\n" in out
    data = json.loads(out_json.read_text("utf-8"))
    assert data["valence"] is None
    assert data["valence_note"] == "valence not compared: the long CSV c.csv has no valence column"


def test_coders_who_share_no_code_in_a_unit_say_so(tmp_path) -> None:
    text = "unit,coder,code,valence\nu1,A,X,barrier\nu1,B,Y,barrier\n"
    v, note = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)))
    assert v is None
    assert note == "valence not compared: no unit has a code two coders both applied"


# -- QDA projects: valence codes give the valence of the passage's codes --------------------------

COST = "10000000-0000-4000-8000-000000000001"
CULTURE_CODE = "10000000-0000-4000-8000-000000000002"
LEAD = "10000000-0000-4000-8000-000000000003"
BARRIER = "10000000-0000-4000-8000-000000000008"
ENABLER = "10000000-0000-4000-8000-000000000009"
CODES = {
    COST: "Cost",
    CULTURE_CODE: "Culture",
    LEAD: "Leadership Engagement",
    BARRIER: "Barrier",
    ENABLER: "Enabler",
}


def test_qdpx_coders_valence_codes_are_compared_over_character_spans(tmp_path) -> None:
    """Both code the three sentences alike (Ben's last selection takes in the speaker label
    too, so units are character spans: the label is a unit only Ben coded, no valence pair);
    Ann calls the cost a barrier and the director an enabler, Ben the reverse, and both the
    culture an enabler: 1 of 3 pairs agree."""
    ann = project(
        tmp_path / "ann.qdpx",
        "Ann",
        CODES,
        [
            (*AFFORD, [COST, BARRIER]),
            (*CULTURE, [CULTURE_CODE, ENABLER]),
            (*DIRECTOR, [LEAD, ENABLER]),
        ],
    )
    ben = project(
        tmp_path / "ben.qdpx",
        "Ben",
        CODES,
        [
            (*AFFORD, [COST, ENABLER]),
            (*CULTURE, [CULTURE_CODE, ENABLER]),
            (TEXT.index("Manager: Our director"), DIRECTOR[1], [LEAD, BARRIER]),
        ],
    )
    from roqa_nlp.cli.agree_cmd import load_coded_units

    cu = load_coded_units([ann, ben]).coded
    assert cu.unit_kind == "spans"
    v, _ = valence_agreement(cu)
    assert v is not None
    assert v.n_pairs == 3
    assert v.percent_agreement == pytest.approx(1 / 3)
    assert v.kappa == pytest.approx(
        cohen_kappa_score(["barrier", "enabler", "enabler"], ["enabler", "enabler", "barrier"])
    )


def test_qdpx_without_valence_codes_says_valence_was_not_compared(tmp_path, capsys) -> None:
    sel = [(*AFFORD, [COST]), (*DIRECTOR, [LEAD])]
    ann = project(tmp_path / "ann.qdpx", "Ann", CODES, sel)
    ben = project(tmp_path / "ben.qdpx", "Ben", CODES, sel)
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(ann), str(ben), "--n-boot", "0", "--json", str(out_json)], capsys
    )
    assert code == 0, err
    reason = (
        "Ann's codings give no valence (no passage of theirs coded Barrier, Enabler or Neutral "
        "in the QDA project); Ben's codings give no valence (no passage of theirs coded "
        "Barrier, Enabler or Neutral in the QDA project)"
    )
    assert f"Valence not compared: {reason}." in " ".join(out.split())
    data = json.loads(out_json.read_text("utf-8"))
    assert data["valence"] is None
    assert data["valence_note"] == f"valence not compared: {reason}"


def test_a_coder_who_gave_valence_only_on_passages_with_no_code_is_told_so(
    tmp_path, capsys
) -> None:
    """Ben coded Barrier on two selections he gave no other code (the culture sentence, and
    "Our director" within his Leadership Engagement selection): his valence codes were read,
    but no code of his carries a valence. Before, the note said no passage of his was coded
    Barrier, Enabler or Neutral, as if they had not been recognised. The same note from his
    imported codings' folder, whose run.json records those selections."""
    ann = project(tmp_path / "ann.qdpx", "Ann", CODES, [(*AFFORD, [COST]), (*DIRECTOR, [LEAD])])
    director = (DIRECTOR[0], DIRECTOR[0] + len("Our director"))
    sel = [(*AFFORD, [COST]), (*CULTURE, [BARRIER]), (*DIRECTOR, [LEAD]), (*director, [BARRIER])]
    ben = project(tmp_path / "ben.qdpx", "Ben", CODES, sel)
    reason = (
        "Ann's codings give no valence (no passage of theirs coded Barrier, Enabler or Neutral "
        "in the QDA project); Ben's codings give no valence to a code: they gave a valence only "
        "on passages they coded with no code (2), so none is compared"
    )
    code, out, err = run(["agree", str(ann), str(ben), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert f"Valence not compared: {reason}." in " ".join(out.split())
    for who, qdpx in (("ann", ann), ("ben", ben)):
        code, _, err = run(["import", str(qdpx), "--out", str(tmp_path / who)], capsys)
        assert code == 0, err
    ben_run = json.loads((tmp_path / "ben" / "codings" / "Ben" / "run.json").read_text("utf-8"))
    assert len(ben_run["valence_only"]) == 2
    folders = [str(tmp_path / "ann" / "codings" / "Ann"), str(tmp_path / "ben" / "codings" / "Ben")]
    code, out, err = run(["agree", *folders, "--n-boot", "0"], capsys)
    assert code == 0, err
    assert f"Valence not compared: {reason}." in " ".join(out.split())


def test_a_models_valence_is_that_of_the_code_it_counts() -> None:
    """The model counts its top suggestion (X, barrier); its enabler on Y, below the top, is no
    coding. The person applied X as an enabler and Y as a barrier: one pair, X, disagreeing."""
    s = Segment("p01:0", "p01", "P01", "participant", 0, 9, "x" * 9)
    model = CodingResult(
        [
            SegmentResult(
                s,
                [
                    Suggestion("X", "X", None, 0.7, valence="barrier"),
                    Suggestion("Y", "Y", None, 0.2, valence="enabler"),
                ],
            )
        ],
        meta={"model": "roqa"},
    )
    person = CodingResult([seg(0, [("X", "enabler"), ("Y", "barrier")])])
    cu = coded_units_from_results({"model": model, "person": person})
    assert cu.models == ["model"]
    v, _ = valence_agreement(cu)
    assert v is not None
    assert v.n_pairs == 1
    assert v.pairs[0].table == {"barrier": {"enabler": 1}}


# -- intervals: units resampled, each with all its pairs ------------------------------------------

#: Eight units holding 17 (unit, code) pairs, (A's valence, B's): a unit's pairs go together (the
#: coders agree on all of u1, u4, u6, u8 and on none of u2, u5, u7), as one reading of a passage.
CLUSTERED = {
    "u1": {"X": ("barrier", "barrier"), "Y": ("enabler", "enabler"), "Z": ("neutral", "neutral")},
    "u2": {"X": ("barrier", "enabler"), "Y": ("enabler", "barrier")},
    "u3": {"X": ("enabler", "enabler")},
    "u4": {"X": ("barrier", "barrier"), "Y": ("barrier", "barrier")},
    "u5": {"X": ("neutral", "barrier"), "Y": ("enabler", "neutral"), "Z": ("barrier", "enabler")},
    "u6": {"Y": ("enabler", "enabler"), "Z": ("barrier", "barrier")},
    "u7": {"X": ("barrier", "enabler")},
    "u8": {"X": ("enabler", "enabler"), "Y": ("neutral", "neutral"), "Z": ("barrier", "barrier")},
}


def clustered_csv(tmp_path: Path) -> Path:
    rows = [
        f"{unit},{coder},{code},{pair[k]}"
        for unit, codes in CLUSTERED.items()
        for code, pair in codes.items()
        for k, coder in enumerate("AB")
    ]
    return write(tmp_path / "clustered.csv", "unit,coder,code,valence\n" + "\n".join(rows) + "\n")


def by_hand(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """The four figures of two coders' valences without missing values, straight from the
    formulas: p_o; Cohen's kappa (scikit-learn); nominal alpha = 1 - (n - 1) D / (n^2 - sum
    n_c^2), D twice the disagreeing pairs, n_c the values c of both coders (Krippendorff 2011);
    AC1 = (p_a - p_e) / (1 - p_e), p_e = sum pi_k (1 - pi_k) / (q - 1), q = 3 (Gwet 2008)."""
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    n_items = len(pairs)
    p_o = sum(x == y for x, y in pairs) / n_items
    n_c = np.array([a.count(v) + b.count(v) for v in ("barrier", "enabler", "neutral")])
    n = 2 * n_items
    expected = n * n - float((n_c**2).sum())
    alpha = 1 - (n - 1) * 2 * (1 - p_o) * n_items / expected if expected else math.nan
    pi = n_c / n
    p_e = float((pi * (1 - pi)).sum()) / 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a resample holding one valence: kappa undefined
        kappa = cohen_kappa_score(a, b, labels=["barrier", "enabler", "neutral"])
    return {
        "percent_agreement": p_o,
        "kappa": kappa,
        "alpha": alpha,
        "ac1": (p_o - p_e) / (1 - p_e),
    }


def test_valence_intervals_resample_units_with_all_their_pairs(tmp_path) -> None:
    """The interval is the percentile one over numpy.random.default_rng(seed)'s draws of the 8
    units (bootstrap_ci's draws), a unit drawn k times bringing its pairs k times: re-done here
    with numpy, scikit-learn and the formulas by hand, it is the same to 1e-12."""
    v, _ = valence_agreement(read_long_csv(clustered_csv(tmp_path)), n_boot=400, seed=7)
    assert v is not None
    assert (v.n_pairs, v.n_units) == (17, 8)
    units = list(CLUSTERED.values())
    draws = np.random.default_rng(7).integers(0, 8, size=(400, 8))
    resampled = [by_hand([p for u in draw for p in units[u].values()]) for draw in draws]
    for k in ("percent_agreement", "kappa", "alpha", "ac1"):
        values = np.array([r[k] for r in resampled])
        finite = values[np.isfinite(values)]
        assert v.n_valid[k] == finite.size
        assert v.ci[k] == pytest.approx(list(np.quantile(finite, [0.025, 0.975])), abs=1e-12)
    assert [round(x, 3) for x in v.ci["kappa"]] == [-0.148, 0.913]
    assert v.ci_withheld == []
    point = by_hand([p for u in units for p in u.values()])
    assert v.kappa == pytest.approx(point["kappa"])
    assert v.alpha == pytest.approx(point["alpha"])
    assert v.ac1 == pytest.approx(point["ac1"])
    assert v.pairs[0].ci == v.ci  # two coders: their pair is the whole


def test_resampling_pairs_one_by_one_would_give_a_narrower_interval(tmp_path) -> None:
    """Resampling the 17 pairs as if independent (bootstrap_ci over them, the same seed) gives
    another, narrower kappa interval: the coders agree or disagree on a unit's pairs together,
    which only resampling units carries into the interval."""
    v, _ = valence_agreement(read_long_csv(clustered_csv(tmp_path)), n_boot=400, seed=7)
    assert v is not None
    pairs = [p for u in CLUSTERED.values() for p in u.values()]
    flat = bootstrap_ci(
        lambda d: cohen_kappa(d[0], d[1]),
        [[a for a, _ in pairs], [b for _, b in pairs]],
        n_boot=400,
        seed=7,
    )
    low, high = v.ci["kappa"]
    assert (low, high) != pytest.approx((flat.low, flat.high), abs=1e-3)
    assert high - low > (flat.high - flat.low) + 0.05


def test_with_one_pair_per_unit_the_interval_is_bootstrap_cis(tmp_path) -> None:
    """u1-u5 hold one pair each (u6 none): resampling units is resampling pairs, and the
    interval is the one roqa_nlp.agreement.bootstrap_ci gives on the five pairs."""
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", VALENCE_CSV)), n_boot=300)
    assert v is not None
    assert v.n_units == 5
    for k, statistic in (
        ("kappa", lambda d: cohen_kappa(d[0], d[1])),
        ("alpha", krippendorff_alpha),
        ("ac1", lambda d: gwet_ac1(d, categories=["barrier", "enabler", "neutral"])),
    ):
        ci = bootstrap_ci(statistic, [A_VALENCES, B_VALENCES], n_boot=300, seed=0)
        assert v.ci[k] == pytest.approx([ci.low, ci.high], abs=1e-12)
        assert v.n_valid[k] == ci.n_valid


def test_cli_shows_the_valence_intervals_and_writes_them(tmp_path, capsys) -> None:
    p = clustered_csv(tmp_path)
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(p), "--n-boot", "400", "--seed", "7", "--json", str(out_json)], capsys
    )
    assert code == 0, err
    v, _ = valence_agreement(read_long_csv(p), n_boot=400, seed=7)
    assert v is not None

    def shown(k: str, pct: bool = False) -> str:
        fmt = (lambda x: f"{100 * x:.1f}%") if pct else (lambda x: f"{x:.3f}")
        return f"{fmt(getattr(v, k))} [{fmt(v.ci[k][0])}, {fmt(v.ci[k][1])}]"

    assert (
        "n=17 unit-code pairs in 8 units): agreement "
        f"{shown('percent_agreement', pct=True)}, Cohen's kappa {shown('kappa')} ("
    ) in " ".join(out.split())
    assert f"alpha {shown('alpha')} (nominal), AC1 {shown('ac1')}." in " ".join(out.split())
    data = json.loads(out_json.read_text("utf-8"))["valence"]
    assert data["n_units"] == 8
    assert data["ci"] == v.ci
    assert data["n_valid"] == v.n_valid
    assert data["ci_withheld"] == []


def test_valence_intervals_over_fewer_than_five_units_are_withheld(tmp_path, capsys) -> None:
    """Four units hold the pairs: no interval, as for a rare code, and the footnote says why
    (the code figures, over five units with a disagreement, keep theirs)."""
    text = "".join(line + "\n" for line in VALENCE_CSV.splitlines() if not line.startswith("u5"))
    p = write(tmp_path / "c.csv", text)
    v, _ = valence_agreement(read_long_csv(p), n_boot=200)
    assert v is not None
    assert v.n_units == 4
    assert v.ci_withheld == ["percent_agreement", "kappa", "alpha", "ac1"]
    code, out, err = run(["agree", str(p), "--n-boot", "200"], capsys)
    assert code == 0, err
    flat = " ".join(out.split())
    assert "n=4 unit-code pairs in 4 units): agreement 75.0% [—], Cohen's kappa" in flat
    assert (
        "[—] = no interval, as these data cannot give one: fewer than 5 compared units carry "
        "the code(s) (valence: hold a unit-code pair compared). The JSON has null there, with "
        "the reason in ci_withheld_why."
    ) in flat


def test_three_coders_each_pair_has_its_own_valence_interval(tmp_path) -> None:
    """With three coders each pair is resampled over the units holding its own pairs: A-C and
    B-C over u1 and u2 only (C coded X there), so theirs are withheld, A-B's over five units."""
    text = VALENCE_CSV + "u1,C,X,barrier\nu2,C,X,barrier\nu3,C,,\n"
    v, _ = valence_agreement(read_long_csv(write(tmp_path / "c.csv", text)), n_boot=200)
    assert v is not None
    assert [p.n_units for p in v.pairs] == [5, 2, 2]
    ab = bootstrap_ci(lambda d: cohen_kappa(d[0], d[1]), [A_VALENCES, B_VALENCES], n_boot=200)
    assert v.pairs[0].ci["kappa"] == pytest.approx([ab.low, ab.high], abs=1e-12)
    assert [p.ci_withheld != [] for p in v.pairs] == [False, True, True]


def span_coders(tmp_path: Path, ann: list, ben: list) -> object:
    """Ann's and Ben's projects with ``ann`` / ``ben`` selections, and the director's sentence
    coded Leadership (enabler) by both, Ben's taking in the speaker label: units are spans."""
    from roqa_nlp.cli.agree_cmd import load_coded_units

    director = TEXT.index("Manager: Our director")
    a = project(tmp_path / "ann.qdpx", "Ann", CODES, [*ann, (*DIRECTOR, [LEAD, ENABLER])])
    b = project(
        tmp_path / "ben.qdpx", "Ben", CODES, [*ben, (director, DIRECTOR[1], [LEAD, ENABLER])]
    )
    cu = load_coded_units([a, b]).coded
    assert cu.unit_kind == "spans"
    return cu


#: The cost sentence with the space after it, so that it meets the culture sentence.
COST_SENTENCE = (AFFORD[0], CULTURE[0])


def test_one_codes_adjacent_selections_with_two_valences_stay_two_units(tmp_path) -> None:
    """Both code the cost sentence Cost as a barrier and the next sentence Cost as an enabler,
    selection against selection: two units, both valences agreed (3 pairs with the director's),
    none left out. Joined into one unit, each coder would have given Cost two valences there,
    so none, and the pair would be left out uncompared."""
    selections = [(*COST_SENTENCE, [COST, BARRIER]), (*CULTURE, [COST, ENABLER])]
    cu = span_coders(tmp_path, selections, selections)
    sentences = [f"p01:@{COST_SENTENCE[0]}-{CULTURE[0]}", f"p01:@{CULTURE[0]}-{CULTURE[1]}"]
    assert [u.id for u in cu.units][1:3] == sentences
    v, note = valence_agreement(cu, n_boot=0)
    assert v is not None
    assert (v.n_pairs, v.n_without_valence, v.percent_agreement) == (3, 0, 1.0)
    assert note == "barrier / enabler / neutral of the codes two or more coders applied to one unit"


def test_a_coder_who_splits_a_passage_by_valence_is_compared_on_each_part(tmp_path) -> None:
    """Ann: the cost sentence a barrier, the culture sentence an enabler (two selections of
    Cost); Ben: both sentences one Cost selection, a barrier. Ben agrees on the first, not on
    the second: 2 of the 3 pairs agree."""
    cu = span_coders(
        tmp_path,
        [(*COST_SENTENCE, [COST, BARRIER]), (*CULTURE, [COST, ENABLER])],
        [(COST_SENTENCE[0], CULTURE[1], [COST, BARRIER])],
    )
    v, _ = valence_agreement(cu, n_boot=0)
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (3, 0)
    assert v.pairs[0].table == {"barrier": {"barrier": 1}, "enabler": {"barrier": 1, "enabler": 1}}


def test_overlapping_selections_of_one_code_with_two_valences_give_it_none(tmp_path) -> None:
    """Ann codes both sentences Cost as a barrier and, within them, the culture sentence Cost
    as an enabler: that text has Cost with two valences from her, so no valence of hers (the
    pair is left out and counted), while the cost sentence's barrier is compared."""
    both = (COST_SENTENCE[0], CULTURE[1])
    cu = span_coders(
        tmp_path,
        [(*both, [COST, BARRIER]), (*CULTURE, [COST, ENABLER])],
        [(*both, [COST, BARRIER])],
    )
    v, note = valence_agreement(cu, n_boot=0)
    assert v is not None
    assert (v.n_pairs, v.n_without_valence) == (2, 1)
    assert (
        "1 more pair where fewer than two of them gave the code a valence (or gave it two)" in note
    )
