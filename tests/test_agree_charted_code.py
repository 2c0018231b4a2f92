"""Specification: a model charted in another codebook is compared on the code the report charts.

Tester, session 72 (cfir2, item 4): ``roqa agree`` counted a CFIR 2009 model's code as every
CFIR 2.0 code it maps onto, while the report, Table 2 and codings.cfir-2022.csv chart the one
the segment's words choose: Leadership Engagement on "our chief executive and the board" is
High-level Leaders (IND.A) there, and agree counted Mid-level Leaders (IND.B) too, so the model
disagreed with a review that kept the charted code (kappa 0.474 where the charted codes gave
0.501). The model's code in agree is now the report's (``framework.charted_codings``); a
person's code still applies every code it maps onto.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import agree_helpers
from agree_helpers import agree
from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with
from roqa_nlp.framework import charted_codings, coded_segments
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import SegmentResult, Suggestion

TEXTS = [
    "Our chief executive and the board backed it from the very start.",
    "My team leader, our middle manager, pushed it through in supervision.",
    "People here are open to new ideas, it is that kind of culture.",
    "We had a new minibus that year.",
]
#: the model's CFIR 2009 suggestion for each segment (none for the last)
CODES = [
    ("IS.E.1", "Leadership Engagement", 0.9),
    ("IS.E.1", "Leadership Engagement", 0.8),
    ("IS.C", "Culture", 0.7),
    None,
]


def model_run(folder: Path) -> Path:
    given = [[Suggestion(c[0], c[1], "IS", c[2], "enabler")] if c else [] for c in CODES]
    meta = {"model": {"codebook": "cfir-2009"}, "chart_codebook": "cfir-2022"}
    return agree_helpers.model_run(folder, given, texts=TEXTS, step=100, **meta)


def review(path: Path, codes: list[str]) -> Path:
    """Ruth's CFIR 2.0 codes of T1:0..3, a long CSV."""
    path.write_text(
        "unit,coder,code\n" + "".join(f"T1:{i},Ruth,{c}\n" for i, c in enumerate(codes)),
        encoding="utf-8",
    )
    return path


def test_charted_codings_are_the_codes_the_report_charts(tmp_path) -> None:
    charted, _ = chart_with(
        CodingResult.read(model_run(tmp_path / "coded")), Codebook.load("cfir-2022")
    )
    counted = charted_codings(charted)
    got = {s.segment.id: [(g.code_id, g.probability) for g in s.suggestions] for s in counted}
    assert got == {
        "T1:0": [("IND.A", 1.0)],
        "T1:1": [("IND.B", 1.0)],
        "T1:2": [("INS.D", 1.0)],
        "T1:3": [],
    }
    assert [(q.segment_id, q.code_id) for q in coded_segments(charted)] == [
        ("T1:0", "IND.A"),
        ("T1:1", "IND.B"),
        ("T1:2", "INS.D"),
    ]


def test_the_model_agrees_on_the_code_the_report_charted(tmp_path, capsys) -> None:
    """Ruth: IND.A, IND.B, INS.D, INS.D. The model, as charted: IND.A, IND.B, INS.D, nothing.
    Codes IND.A, IND.B, INS.D x 4 units = 12 decisions, both present 3, Ruth only 1: p_o =
    11/12, p_e = (3/12)(4/12) + (9/12)(8/12) = 84/144, kappa = (132 - 84) / (144 - 84) = 0.8.
    Before, the model's IND.A and IND.B on each of T1:0 and T1:1: p_o 9/12, p_e 76/144, kappa
    32/68 = 0.471."""
    coded = model_run(tmp_path / "coded")
    csv = review(tmp_path / "ruth.csv", ["IND.A", "IND.B", "INS.D", "INS.D"])
    code, found, _, err = agree(tmp_path, capsys, str(coded), str(csv))
    assert code == 0 and found is not None, err
    assert found["codes"] == ["IND.A", "IND.B", "INS.D"]
    assert found["pooled"]["all"]["kappa"] == pytest.approx(0.8)
    assert found["pooled"]["all"]["percent_agreement"] == pytest.approx(11 / 12)
    # one code on each of three segments (it was five codings, two units with two codes each)
    assert found["codings"]["coded"]["codings"] == 3
    assert found["codings"]["coded"]["several_codes"] == 0
    assert "counts as each of them" not in " ".join(found["notes"])


def test_a_person_s_code_still_applies_every_code_it_maps_onto(tmp_path, capsys) -> None:
    """Ruth's CFIR 2009 review (probability 1, a person's codes) charted in CFIR 2.0 beside the
    model: her Leadership Engagement is IND.A and IND.B on both segments, as before, and so is
    the model's, which gave the same CFIR 2009 codes: a person's codes charted too, the model's
    code applies every counterpart as theirs does, so the same code given agrees."""
    coded = model_run(tmp_path / "coded")
    ruth = tmp_path / "ruth"
    segments = [
        SegmentResult(
            s.segment,
            [Suggestion(g.code_id, g.name, g.domain, 1.0, g.valence) for g in s.suggestions],
        )
        for s in CodingResult.read(coded).segments
    ]
    CodingResult(segments=segments, meta={"user": "Ruth", "codebook": "cfir-2009"}).save(ruth)
    code, found, _, err = agree(tmp_path, capsys, str(coded), str(ruth), "--codebook", "cfir-2022")
    assert code == 0 and found is not None, err
    assert found["codings"]["ruth"]["codings"] == 5  # IND.A and IND.B on T1:0 and T1:1
    assert found["codings"]["ruth"]["several_codes"] == 2
    assert found["codings"]["coded"]["codings"] == 5
    assert found["pooled"]["all"]["percent_agreement"] == 1.0


def test_a_tie_charted_under_its_first_code_is_said_to_be_counted_so(tmp_path, capsys) -> None:
    """Session 75 (study4, s74: model vs Ana kappa 0.375 -> 0.350, a tester who counted every
    tied code expected 0.391): the model's IS.B on T1:2 is an exact tie of INS.B and INS.C, and
    only INS.B, the code its report charts, counts. The notes said it was charted under the
    first, and that the model's 'suggestions tied for the top all count': now one note counts
    the segments, names the code counted and the ones not, and the option that counts each,
    and the JSON's ``tied_top`` has them. With --model-threshold each tied code counts: no
    such note, and ``tied_top`` is empty."""
    from test_cli_agree import two_codebooks

    model, _ = two_codebooks(tmp_path)
    ann = tmp_path / "ann.csv"
    ann.write_text(
        "unit,coder,code\nT1:0,Ann,INN.F\nT1:1,Ann,INS.K\nT1:2,Ann,INS.C\nT1:3,Ann,\n",
        encoding="utf-8",
    )
    args = [str(model), str(ann), "--codebook", "cfir-2022"]
    code, found, said, err = agree(tmp_path, capsys, *args)
    assert code == 0 and found is not None, err
    counting = (
        "model's codes are counted as the code its report charts in cfir-2022 in each segment "
        "(as Table 2, the matrix and code_1 of codings.cfir-2022.csv show it); --model-threshold "
        "P counts every suggestion with probability >= P instead, each as every cfir-2022 code "
        "it maps onto"
    )
    tie = (
        "model: on 1 segment its top suggestion is an exact tie of several cfir-2022 codes, and "
        "only the first of them is counted, the code Table 2 and the matrix chart, not each tied "
        "code (T1:2 as INS.B, not INS.C); to count each tied code, give --model-threshold P "
        "(every suggestion with probability >= P then counts as every code it maps onto)"
    )
    assert f"Note: {counting}. " in said
    assert f"Note: {tie}. " in said
    assert "suggestions tied for the top all count" not in said
    assert counting in found["notes"] and tie in found["notes"]
    assert found["tied_top"] == {
        "model": {
            "n_segments": 1,
            "segments": {"T1:2": {"counted": "INS.B", "tied": ["INS.B", "INS.C"]}},
        }
    }
    # the figures as before: INS.B (model) against INS.C (Ann) on T1:2
    assert found["codings"]["model"]["codings"] == 3
    code, found, _, err = agree(tmp_path, capsys, *args, "--model-threshold", "0.5")
    assert code == 0 and found is not None, err
    assert found["tied_top"] == {}
    assert not [n for n in found["notes"] if "exact tie" in n and "only the first" in n]
    assert found["codings"]["model"]["codings"] == 4  # IS.B as INS.B and INS.C


def test_a_tie_on_a_segment_left_out_of_the_comparison_is_not_counted(tmp_path, capsys) -> None:
    """Hunt s76 (L5): Ann coded T1:0 and T1:1 only, so T1:2, the model's tie, is left out of the
    comparison (coded by the model alone). The note said that on 1 segment only the first tied
    code is counted, and the JSON's ``tied_top`` had T1:2, beside the note that T1:2 is left
    out: the tie changes no figure, so neither counts it."""
    from test_cli_agree import two_codebooks

    model, _ = two_codebooks(tmp_path)
    ann = tmp_path / "ann.csv"
    ann.write_text("unit,coder,code\nT1:0,Ann,INN.F\nT1:1,Ann,INS.K\n", encoding="utf-8")
    code, found, said, err = agree(
        tmp_path, capsys, str(model), str(ann), "--codebook", "cfir-2022"
    )
    assert code == 0 and found is not None, err
    assert found["tied_top"] == {}
    # how the model's codes were charted still names the tie; no note says it is counted
    assert "is an exact tie of several cfir-2022 codes" in said
    assert "only the first of them is counted" not in said
    assert not [n for n in found["notes"] if "only the first" in n], found["notes"]
    assert (
        "2 of 4 units are compared (coded by two or more coders); 2 coded by one coder only are "
        "left out (only 'model' coded T1:2, T1:3)"
    ) in found["notes"]


def test_a_tie_counts_where_a_compared_span_is_in_its_segment() -> None:
    """Compared by character span (a model beside a QDA program's selections), a tied segment
    counts when a compared span lies in it, and not when only the model coded its text."""
    from roqa_nlp.cli.agree_cmd import _ties_compared
    from roqa_nlp.coding_agreement import CodedUnits, Unit
    from roqa_nlp.schema import Segment

    units = [Unit("T1@0", "T1", 0, 12), Unit("T1@12", "T1", 12, 30), Unit("T1@30", "T1", 30, 44)]
    coded = CodedUnits(
        coders=["Ann", "model"],
        units=units,
        codings={
            "Ann": {"T1@12": frozenset({"INS.C"})},
            "model": {u.id: frozenset({"INS.B"}) for u in units},
        },
        unit_kind="spans",
    )
    segments = [("T1:0", 0, 20), ("T1:1", 20, 30), ("T1:2", 30, 44)]
    result = CodingResult(
        segments=[
            SegmentResult(Segment(sid, "T1", "P01", "participant", a, b, "x" * (b - a)), [])
            for sid, a, b in segments
        ]
    )
    ties = {sid: ["INS.B", "INS.C"] for sid, _, _ in segments}
    assert _ties_compared(ties, coded, result) == {
        "T1:0": ["INS.B", "INS.C"],  # 12-20 of the compared span 12-30
        "T1:1": ["INS.B", "INS.C"],  # inside it
    }
