"""Specification of the report's open-coding section: a candidate code has at least two segments;
a segment alone is listed after the candidates, under "Not grouped", with no label."""

from __future__ import annotations

import pytest

from report_fixture import OPEN_CODING, build_result
from roqa_nlp.codebook import Codebook
from roqa_nlp.open_coding import CandidateCode, OpenCodingQueue
from roqa_nlp.report import render_report

#: the novel segment of the fixture that OPEN_CODING leaves out, as ``roqa code`` lists it
ALONE = {
    "id": "ungrouped-001",
    "label": "not grouped",
    "keywords": [],
    "segment_ids": ["p01_interview:0003"],
    "size": 1,
    "grouped": False,
}


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def section(html: str) -> str:
    return html[html.index('<section id="open-coding">') : html.index('<section id="model-card">')]


def test_a_segment_alone_is_listed_after_the_candidates_without_a_label(cfir: Codebook) -> None:
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert out.count("<h3>") == 2
    assert "<h3>pandemic, rotas, isolating <span" in out
    assert out.index("p03_interview:0002") < out.index("<h3>Not grouped</h3>")
    assert out.index("<h3>Not grouped</h3>") < out.index("p01_interview:0003")
    assert (
        "Each of these is unlike the others: a candidate code needs at least two similar segments."
        in out
    )
    assert "<h3>not grouped" not in out


def test_a_one_segment_candidate_of_an_older_file_is_not_shown_as_a_theme(cfir: Codebook) -> None:
    old = {
        "id": "candidate-010",
        "label": "twice, happened",
        "keywords": ["twice", "happened"],
        "segment_ids": ["p01_interview:0003"],
        "size": 1,
    }
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, old]))
    assert "twice, happened" not in out and "twice; happened" not in out
    assert out.index("<h3>Not grouped</h3>") < out.index("p01_interview:0003")


def test_a_group_whose_segments_were_coded_since_is_not_shown_as_current(
    cfir: Codebook,
) -> None:
    """An open_coding.jsonl older than the codings (re-coded with a model that learnt the new
    code) listed its group under '0 segments fit no code' (session 27)."""
    import dataclasses

    from roqa_nlp.report import stale_candidates

    result = build_result()
    assert stale_candidates(result, OPEN_CODING) == 0
    coded = "p03_interview:0002"  # now coded: no longer waiting for open coding
    result.segments = [
        dataclasses.replace(s, novel=False) if s.segment.id == coded else s for s in result.segments
    ]
    assert stale_candidates(result, OPEN_CODING) == 1
    out = section(render_report(result, cfir, open_coding=OPEN_CODING))
    assert "pandemic, rotas, isolating" not in out  # one member left: no group
    assert "<h3>" not in out and "p02_interview:0002" in out and coded not in out


def test_when_nothing_is_grouped_the_page_says_so(cfir: Codebook) -> None:
    alone = [
        {**ALONE, "id": f"ungrouped-00{n}", "segment_ids": [sid]}
        for n, sid in enumerate(
            ["p01_interview:0003", "p02_interview:0002", "p03_interview:0002"], 1
        )
    ]
    out = section(render_report(build_result(), cfir, open_coding=alone))
    assert "<h3>" not in out
    assert "No two of them are similar enough to form a candidate code." in out
    # without a queue at all, nothing was clustered: no such claim
    out = section(render_report(build_result(), cfir))
    assert "similar enough" not in out and "Not grouped" not in out


def test_the_queue_object_of_roqa_code_renders_as_its_jsonl_does(cfir: Codebook) -> None:
    def code(d: dict) -> CandidateCode:
        return CandidateCode(
            d["id"], d["label"], d["keywords"], d["segment_ids"], [], [], [], len(d["segment_ids"])
        )

    queue = OpenCodingQueue([code(OPEN_CODING[0])], [code(ALONE)])
    queue.ungrouped[0].grouped = False
    rows = [c.to_dict() for c in queue.everything()]
    assert render_report(build_result(), cfir, open_coding=queue) == render_report(
        build_result(), cfir, open_coding=rows
    )
