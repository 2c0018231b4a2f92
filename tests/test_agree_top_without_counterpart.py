"""Specification: ``roqa agree --codebook`` counts the model's code the report and review show.

A model's CFIR 2009 top suggestion with no CFIR 2.0 counterpart (Individual Identification
with Organization, CI.D) that the model is unsure of (below framework.SURE_CODE, 0.40) is
dropped when its run is charted in CFIR 2.0, and the next suggestion is shown as its top code
(report, review, codings.cfir-2022.csv: p04_interview:0007, Relational Connections 0.24). agree
still counted the dropped code, as a code outside the codebook (``cfir-2009:CI.D``), so a
reviewer who accepted the shown code was scored as disagreeing (hunt s42/3 R4: six accepts of
the shown top codes gave 93.8% / kappa 0.733; without that segment 96.7% / 0.889). A sure top
code with no counterpart leaves the segment with no code in the chart, and in agree too.
"""

from __future__ import annotations

from pathlib import Path

from agree_helpers import agree
from roqa_nlp.cli.agree_cmd import in_one_codebook
from roqa_nlp.codebook import Codebook
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

SAID = "The team trusts each other and we talk every day."
TIDY = "We have a learning culture where we try things and reflect on them."


def seg(i: int, text: str = SAID) -> Segment:
    return Segment(f"p04:{i:04d}", "p04", "P04", "participant", 100 * i, 100 * i + len(text), text)


def model(*segments: tuple[tuple[str, float], ...]) -> CodingResult:
    return CodingResult(
        [
            SegmentResult(seg(i), [Suggestion(c, c, None, p, "neutral", 0.9) for c, p in codes])
            for i, codes in enumerate(segments)
        ],
        meta={"codebook": "cfir-2009", "model": {"codebook": "cfir-2009"}},
    )


def person(*codes: tuple[str, ...]) -> CodingResult:
    return CodingResult(
        [
            SegmentResult(seg(i), [Suggestion(c, c, None, 1.0) for c in cs])
            for i, cs in enumerate(codes)
        ],
        meta={"codebook": "cfir-2022", "user": {"name": "Rita"}},
    )


def codes_in_2022(result: CodingResult) -> list[list[str]]:
    out, _, _ = in_one_codebook({"model": result}, Codebook.load("cfir-2022"))
    return [sorted(g.code_id for g in s.suggestions) for s in out["model"].segments]


def test_the_model_counts_the_next_code_when_its_unsure_top_has_no_counterpart() -> None:
    """Shown: Relational Connections (INS.B) at 0.241 from Networks & Communications (IS.B),
    which also reaches Communications (INS.C): the model counts the code shown, INS.B (session
    74: it counted IS.B as both of its counterparts). Before that: ``cfir-2009:CI.D`` alone."""
    r = model((("CI.D", 0.278), ("IS.B", 0.241), ("IS.D.6", 0.206)))
    assert codes_in_2022(r) == [["INS.B"]]


def test_a_sure_top_code_with_no_counterpart_leaves_the_model_with_no_code() -> None:
    """The report shows no code for it (the model is sure of a construct CFIR 2.0 lacks)."""
    r = model((("CI.D", 0.9), ("IS.B", 0.05)), (("CI.D", 0.4), ("IS.B", 0.3)))
    assert codes_in_2022(r) == [[], []]


def test_a_model_top_code_with_a_counterpart_is_counted_as_before() -> None:
    r = model((("IS.D.6", 0.5), ("CI.D", 0.3)))
    assert codes_in_2022(r) == [["INS.D.4"]]


def test_with_a_threshold_the_model_counts_only_codes_the_chart_shows() -> None:
    out, _, _ = in_one_codebook(
        {"model": model((("CI.D", 0.35), ("IS.D.6", 0.3)))},
        Codebook.load("cfir-2022"),
        model_threshold=0.3,
    )
    assert [g.code_id for g in out["model"].segments[0].suggestions] == ["INS.D.4"]


def test_a_reviewer_who_accepts_every_shown_top_code_agrees_fully(tmp_path: Path, capsys) -> None:
    """Three segments: Learning Climate (IS.D.6, one counterpart, Learning-Centeredness INS.D.4)
    under an unsure CI.D, Learning Climate on its own, and Structural Characteristics (IS.A:
    INS.A). Rita accepts the shown top of each. Before: 77.8% agreement pooled over the three
    codes, kappa 0.500 (the model's CI.D counted against Rita's INS.D.4 on the first)."""
    m, p = tmp_path / "run", tmp_path / "rita"
    model((("CI.D", 0.3), ("IS.D.6", 0.25)), (("IS.D.6", 0.6),), (("IS.A", 0.7),)).save(m)
    person(("INS.D.4",), ("INS.D.4",), ("INS.A",)).save(p)
    code, got, _, err = agree(tmp_path, capsys, str(m), str(p), "--codebook", "cfir-2022")
    assert code == 0 and got is not None, err
    assert "cfir-2009:CI.D" not in err
    assert got["codes"] == ["INS.A", "INS.D.4"]
    pooled = got["pooled"]["all"]
    assert (pooled["n_units"], pooled["percent_agreement"], pooled["kappa"]) == (3, 1.0, 1.0)
