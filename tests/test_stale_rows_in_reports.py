"""``roqa report --decisions`` and ``roqa code --decisions`` read a review's rows without text on
no segment as apply-decisions and training do (:func:`~roqa_nlp.decisions.stale_rows`, one
function): where those stop, the report is still written, but warns with their own sentence and
carries none of the rows their error doubts onto a segment (hunt47 s89 M2: the report exited 0
with "2 match no segment" and showed 7 rows of a review of another run decided on this run's
words; its "did you mean" was never said). Rows of a transcript the codings lack are said to be
maybe renamed when the codings hold one no row is on (L2), and roqa import's own passage ids
(``P05:@576-743``) stop with a reason that fits them (L3)."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, decided_segments, feedback_plan, reviewed_codings
from roqa_nlp.report import embedded_decisions
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_core import roqa
from test_stale_rows_decided_alike import HINT, TEXTS, both, coding_result

#: a review made on another run of p01 (a turn added): its ids, without text, past the end here
ANOTHER_RUN = [
    Decision("p01_interview:0003", "accept", "IS.E.2", row=2),
    Decision("p01_interview:0007", "accept", "IS.E.2", row=3),
    Decision("p01_interview:0012", "accept", "IS.E.2", row=4),
]
APPLY_SAYS = (
    "unknown segment id 'p01_interview:0012' (row 4): no row of its transcript with text is on "
    f"its own segment to show that these are the codings the review was made on ({HINT})"
)


def _csv(path: Path, decisions: list[Decision]) -> Path:
    lines = ["segment_id,decision,code_id,new_code,note,text"]
    lines += [f"{d.segment_id},{d.decision},{d.code_id},,,{d.text}" for d in decisions]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _carried(page: Path) -> list[list[str]]:
    html = page.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="roqa-decisions">(.*?)</script>', html)
    assert found is not None
    return list(json.loads(found.group(1)))


def test_a_report_warns_as_apply_stops_and_carries_none_of_the_rows_it_doubts(
    tmp_path: Path,
) -> None:
    coded = tmp_path / "coded"
    coding_result().save(coded)
    f = _csv(tmp_path / "decisions.csv", ANOTHER_RUN)
    apply = roqa("apply-decisions", coded, "--decisions", f, "-o", tmp_path / "rev", "--coder", "A")
    assert apply.code == 2
    assert f"roqa: error: {f}: {APPLY_SAYS}\n" in apply.err
    run = roqa("report", coded, "--decisions", f, "--out", tmp_path / "r.html")
    assert run.code == 0
    assert [line for line in run.err.splitlines() if "unknown segment id" in line] == [
        f"roqa: warning: {f}: {APPLY_SAYS}; roqa apply-decisions and roqa train stop on this "
        "file, and this report carries none of the 2 rows without text found by segment id "
        "alone in that transcript"
    ]
    assert (
        f"decisions: 0 carried into the report from {f}; 3 match no segment: "
        "p01_interview:0003 (row 2), p01_interview:0007 (row 3), p01_interview:0012 (row 4)\n"
    ) in run.out
    assert _carried(tmp_path / "r.html") == []


def test_the_rows_apply_would_stop_on_decide_no_segment_in_python_either() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert embedded_decisions(coding_result(), ANOTHER_RUN, where="decisions.csv") == []
    assert [str(w.message) for w in caught] == [
        f"decisions.csv: {APPLY_SAYS}; roqa apply-decisions and roqa train stop on this file, "
        "and this report carries none of the 2 rows without text found by segment id alone in "
        "that transcript"
    ]
    assert decided_segments(ANOTHER_RUN, coding_result()) == {}


def test_a_report_asks_did_you_mean_as_apply_does(tmp_path: Path) -> None:
    coded = tmp_path / "coded"
    coding_result().save(coded)
    sid = "p01_interview:0003"
    f = _csv(
        tmp_path / "decisions.csv",
        [
            Decision(sid, "accept", "IS.E.2", row=2, text=TEXTS[sid]),
            Decision("P01_INTERVIEW:0007", "accept", "IS.E.2", row=3),
        ],
    )
    run = roqa("report", coded, "--decisions", f, "--out", tmp_path / "r.html")
    assert run.code == 0
    assert [line for line in run.err.splitlines() if "unknown segment id" in line] == [
        f"roqa: warning: {f}: unknown segment id 'P01_INTERVIEW:0007' (row 3): did you mean "
        "'p01_interview:0007'? (write the segment id as codings.jsonl has it, or add the row's "
        "text); roqa apply-decisions and roqa train stop on this file"
    ]
    # the row with text is on its own words: still carried
    assert [row[:3] for row in _carried(tmp_path / "r.html")] == [[sid, "accept", "IS.E.2"]]


def _renamed_codings() -> CodingResult:
    """coding_result's p01, and p03 coded as P03_final (renamed since the review)."""
    result = coding_result()
    seg = Segment("P03_final:0001", "P03_final", "P03", "participant", 0, 20, "Housing is the key.")
    top = Suggestion("IS.E.2", "Available Resources", "Inner Setting", 0.9, "barrier", 0.8)
    return CodingResult(segments=[*result.segments, SegmentResult(segment=seg, suggestions=[top])])


RENAMED_REVIEW = [
    Decision("p01_interview:0003", "accept", "IS.E.2", row=2, text=TEXTS["p01_interview:0003"]),
    Decision("p03_interview:0006", "accept", "IS.E.2", row=3),
]
RENAMED = "(renamed? the codings have P03_final, undecided)"


def test_rows_of_a_transcript_renamed_since_are_said_maybe_renamed(
    cfir: Codebook, tmp_path: Path
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        feedback_plan([(RENAMED_REVIEW, _renamed_codings(), "decisions.csv")], cfir)
        reviewed_codings(RENAMED_REVIEW, _renamed_codings(), cfir, coder="A", where="decisions.csv")
    assert [str(w.message) for w in caught if "left out" in str(w.message)] == [
        "decisions.csv: 1 decision without text on no segment of the codings, left out: "
        f"p03_interview:0006 (row 3) {RENAMED}",
        "decisions.csv: 1 code decision(s) on no segment of the codings, left out: "
        f"p03_interview:0006 (row 3) {RENAMED}",
    ]
    coded = tmp_path / "coded"
    _renamed_codings().save(coded)
    f = _csv(tmp_path / "decisions.csv", RENAMED_REVIEW)
    run = roqa("report", coded, "--decisions", f, "--out", tmp_path / "r.html")
    assert run.code == 0
    assert (
        f"roqa: warning: {f}: 1 decision without text on no segment of the codings: "
        f"p03_interview:0006 (row 3) {RENAMED}\n"
    ) in run.err


def test_no_renamed_hint_when_every_transcript_coded_has_a_decision(cfir: Codebook) -> None:
    review = [*RENAMED_REVIEW, Decision("P03_final:0001", "accept", "IS.E.2", row=4)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        feedback_plan([(review, _renamed_codings(), "decisions.csv")], cfir)
    said = [str(w.message) for w in caught if "left out" in str(w.message)]
    assert said == [
        "decisions.csv: 1 decision without text on no segment of the codings, left out: "
        "p03_interview:0006 (row 3)"
    ]


def test_roqa_imports_own_passage_ids_without_text_get_a_reason_that_fits_them(
    cfir: Codebook,
) -> None:
    # a QDA passage on no segment: roqa import writes its place as its id; its text deleted
    decisions = [
        Decision("p01_interview:0003", "accept", "IS.E.2", row=2),
        Decision("p01_interview:@576-743", "accept", "IS.E.2", row=3),
    ]
    said = (
        "decisions.csv: unknown segment id 'p01_interview:@576-743' (row 3): a passage roqa "
        "import read on no segment has such an id, and is found by its text alone, which the "
        "row no longer has (put the rows' text back as roqa import wrote it, or delete the rows)"
    )
    assert both(decisions, cfir) == [said, said]


@pytest.fixture
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")
