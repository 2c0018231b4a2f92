"""Specification: a segment whose unsure top suggestion has no counterpart keeps the next ones.

CFIR 2.0 dropped Individual Identification with Organization (CI.D). A model's segment whose
top CFIR 2009 suggestion was CI.D (0.278) lost every suggestion when charted in CFIR 2.0,
though its second, Networks & Communications (0.241), maps onto Relational Connections:
codings.cfir-2022.csv had blank code cells, the report said "No suggestion.", and the segment
was missing from the .qdpx, the matrix and Table 2 (tester, session 42, p04_interview:0007).
A top code below the sure line (framework.SURE_CODE, 0.40) decides nothing: only it is dropped,
and the rest keep the model's order, each at its own probability. A top code at or above the
line still decides: the model is sure the segment is about a construct the target codebook
lacks, so it gets no code there (Cosmopolitanism at 0.99, which no seed-study row holds, had
been charted under a fifth suggestion's theme at p = 0.0000, session 28; without the line 292
of 300 segments of a page stood under seed themes, most from near-zero suggestions).
"""

from __future__ import annotations

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import chart_with
from roqa_nlp.decisions_crosswalk import _shown
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

SAID = "The team trusts each other and we talk every day."


def model(*codes: tuple[str, float]) -> CodingResult:
    seg = Segment("p04:0007", "p04", "P04", "participant", 0, len(SAID), SAID)
    suggestions = [Suggestion(c, c, None, p, "neutral", 0.9) for c, p in codes]
    return CodingResult([SegmentResult(seg, suggestions)], meta={"codebook": "cfir-2009"})


def ranked(result: CodingResult) -> list[tuple[str, float]]:
    return [(g.code_id, round(g.probability, 6)) for g in result.segments[0].suggestions]


def test_the_next_suggestions_are_kept_when_the_top_one_has_no_counterpart(
    cfir2022: Codebook,
) -> None:
    """Networks & Communications reaches Relational Connections (the words fit it: 0.9947 of the
    shares) and Communications (0.0053: 0.241 x 0.0053 / 0.9947); Learning Climate reaches
    Learning-Centeredness."""
    r = model(("CI.D", 0.278), ("IS.B", 0.241), ("IS.D.6", 0.206))
    charted, _ = chart_with(r, cfir2022)
    assert ranked(charted) == [("INS.B", 0.241), ("INS.C", 0.001288), ("INS.D.4", 0.206)]
    assert "no_counterpart" not in charted.meta["crosswalk"]
    assert "source_top" not in charted.meta["crosswalk"]


def test_the_review_shows_the_codes_the_report_charts(
    cfir2009: Codebook, cfir2022: Codebook
) -> None:
    """The review's decisions are read against the codes shown: the same as the report's."""
    r = model(("CI.D", 0.278), ("IS.B", 0.241))
    shown = _shown(r.segments[0], cfir2009, cfir2022)
    assert shown is not None
    assert shown.codes == ["INS.B", "INS.C"]
    assert shown.origins == {"INS.B": "IS.B", "INS.C": "IS.B"}


def test_a_segment_whose_only_code_has_no_counterpart_is_left_with_none(
    cfir2022: Codebook,
) -> None:
    charted, _ = chart_with(model(("CI.D", 0.9)), cfir2022)
    assert ranked(charted) == []
    assert charted.meta["crosswalk"]["no_counterpart"] == ["p04:0007"]


def test_result_translate_keeps_them_too() -> None:
    r = model(("CI.D", 0.278), ("IS.B", 0.241))
    assert ranked(r.translate("cfir-2022")) == [("INS.B", 0.241), ("INS.C", 0.001288)]


def test_a_top_code_at_the_sure_line_with_no_counterpart_leaves_the_segment_with_none(
    cfir2009: Codebook, cfir2022: Codebook
) -> None:
    """At exactly 0.40 the model is sure of its top code (the line is "at or above"): the
    report, result.translate() and the review's shown codes all leave the segment without one,
    recorded as having no counterpart."""
    r = model(("CI.D", 0.4), ("IS.B", 0.241))
    charted, _ = chart_with(r, cfir2022)
    assert ranked(charted) == []
    assert charted.meta["crosswalk"]["no_counterpart"] == ["p04:0007"]
    assert ranked(r.translate("cfir-2022")) == []
    shown = _shown(r.segments[0], cfir2009, cfir2022)
    assert shown is not None and shown.codes == []


def test_a_top_code_just_below_the_sure_line_with_no_counterpart_keeps_the_next(
    cfir2009: Codebook, cfir2022: Codebook
) -> None:
    r = model(("CI.D", 0.399), ("IS.B", 0.241))
    charted, _ = chart_with(r, cfir2022)
    assert ranked(charted) == [("INS.B", 0.241), ("INS.C", 0.001288)]
    assert "no_counterpart" not in charted.meta["crosswalk"]
    assert ranked(r.translate("cfir-2022")) == [("INS.B", 0.241), ("INS.C", 0.001288)]
    shown = _shown(r.segments[0], cfir2009, cfir2022)
    assert shown is not None and shown.codes == ["INS.B", "INS.C"]
