"""Saturation in a codebook the model's codes were translated into: a verdict that rests on how
the mapping split one model code among its counterparts says so (s52 study tester, finding 3:
IC.F Innovation Complexity charted at P03 and P09 as the seed study's "skilled activity" and at
P12 as "labour intensive" turned "reached" in CFIR into "not reached" in erondu-2021)."""

from __future__ import annotations

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with, split_origins
from roqa_nlp.framework import saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

SKILLED = "You need skilled staff to do this well."  # "skilled": T2.2 skilled activity
LABOUR = "It is labour intensive, it takes so much staff time."  # "labour": T2.1
CHAMPION = "I championed it with the board myself."  # PR.B.3 Champions: T1.4 alone


@pytest.fixture(scope="module")
def themes() -> Codebook:
    return Codebook.load("erondu-2021")


def study(said: dict[int, tuple[str, str]]) -> CodingResult:
    """13 interviews p01..p13 of one segment each: ``said`` gives interview n's model code and
    text (a barrier at 0.9); the others say CHAMPION, coded PR.B.3 as an enabler."""
    segments = []
    for n in range(1, 14):
        code, text = said.get(n, ("PR.B.3", CHAMPION))
        valence = "enabler" if code == "PR.B.3" else "barrier"
        seg = Segment(f"p{n:02d}:0001", f"p{n:02d}", f"P{n:02d}", "participant", 0, len(text), text)
        g = Suggestion(code, code, None, 0.9, valence, 0.9, ())
        segments.append(SegmentResult(seg, [g]))
    return CodingResult(segments, meta={"model": {"codebook": "cfir-2009"}})


def test_a_translation_records_the_model_code_each_split_code_came_from(
    themes: Codebook,
) -> None:
    charted, _ = chart_with(study({3: ("IC.F", SKILLED), 12: ("IC.F", LABOUR)}), themes)
    split = split_origins(charted)
    # IC.F has four seed themes (three barriers): each charted one is recorded; Champions has one
    assert split["p03:0001"] == {"T2.2": "IC.F", "T2.1": "IC.F", "T2.9": "IC.F"}
    assert split["p12:0001"] == {"T2.1": "IC.F", "T2.2": "IC.F", "T2.9": "IC.F"}
    assert [s.suggestions[0].code_id for s in charted.segments][2::9] == ["T2.2", "T2.1"]
    assert "p01:0001" not in split
    assert split_origins(study({})) == {}  # not translated: nothing recorded


def test_a_verdict_resting_on_a_split_model_code_says_so(themes: Codebook) -> None:
    model = study({3: ("IC.F", SKILLED), 12: ("IC.F", LABOUR)})
    assert saturation(model).francis.at == 13  # in CFIR: IC.F is not new at interview 12
    sat = saturation(chart_with(model, themes)[0])
    note = (
        "; but interview 12 (P12) adds new codes only because the mapping split a model code "
        "charted before among its erondu-2021 counterparts (T2.1 Recovery-orientated practice "
        "is labour intensive, from cfir-2009 IC.F Complexity, charted in interview 3 (P03) as "
        "T2.2 Recovery-orientated practice is a skilled activity): the model gave the same code "
        "and the segment's words chose the counterpart, so in cfir-2009's codes it adds nothing "
        "new and the verdict rests on that split; read those segments"
    )
    assert sat.new_codes[11] == ["T2.1"] and not sat.francis.reached
    assert sat.split_note == note
    assert sat.francis.message == (
        "Saturation not reached. Interview 12 (P12, p12) still added new codes: T2.1 "
        "Recovery-orientated practice is labour intensive (1 segment, p=0.90). Continue "
        "interviewing until 3 consecutive interviews add no new code. But interview 12 (P12) "
        "adds new codes only because the mapping split a model code charted before among its "
        "erondu-2021 counterparts (T2.1 Recovery-orientated practice is labour intensive, from "
        "cfir-2009 IC.F Complexity, charted in interview 3 (P03) as T2.2 Recovery-orientated "
        "practice is a skilled activity): the model gave the same code and the segment's words "
        "chose the counterpart, so in cfir-2009's codes it adds nothing new and the verdict "
        "rests on that split; read those segments."
    )
    assert sat.guest.message.endswith(". But" + note.removeprefix("; but") + ".")
    assert sat.to_dict()["split_note"] == note


def test_a_new_code_from_a_model_code_not_seen_before_is_no_split(themes: Codebook) -> None:
    # interview 12's IC.F is its first: new in CFIR too, nothing to say
    sat = saturation(chart_with(study({12: ("IC.F", LABOUR)}), themes)[0])
    assert sat.new_codes[11] == ["T2.1"] and sat.split_note == ""
    assert "mapping split" not in sat.francis.message + sat.guest.message
    # in the initial sample a split decides nothing: interview 3 then 5, no note
    sat = saturation(chart_with(study({3: ("IC.F", SKILLED), 5: ("IC.F", LABOUR)}), themes)[0])
    assert sat.new_codes[4] == ["T2.1"] and sat.split_note == ""
    # too few interviews for the rule: the verdict does not rest on new codes
    few = chart_with(study({3: ("IC.F", SKILLED), 12: ("IC.F", LABOUR)}), themes)[0]
    few.segments = few.segments[:3] + few.segments[11:12]
    assert saturation(few).split_note == ""
