"""A reviewer's notes through the review workflow: the report of the reviewed codings shows the
notes their run.json keeps (session 66: a note kept in reviewed/run.json was shown nowhere in
reviewed/report.html)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from report_fixture import build_result
from roqa_nlp.result import CodingResult
from test_cli_agree import run

P01_0001 = "Our support workers have not been trained to understand what recovery means."
P03_0002 = "The pandemic meant half the team was isolating at once."

#: a review saved from the page: a note on an accepted segment (in each of its rows, as the page
#: writes it) and a note on a segment with no decision (a note row of its own)
CSV = (
    "segment_id,decision,code_id,new_code,note,text\n"
    f'p01_interview:0001,accept,IS.E.3,,"faith support, check later",{P01_0001}\n'
    f'p01_interview:0001,reject,CI.A,,"faith support, check later",{P01_0001}\n'
    f"p03_interview:0002,note,,,support from outside the service,{P03_0002}\n"
)


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    folder = tmp_path / "coded"
    build_result().save(folder)
    (folder / "decisions.csv").write_text(CSV, encoding="utf-8")
    return folder


def test_the_reviewed_report_shows_the_notes_kept_beside_their_segments(
    coded: Path, tmp_path: Path, capsys
) -> None:
    reviewed = tmp_path / "reviewed"
    code, out, err = run(
        ["apply-decisions", str(coded), "--coder", "Rev", "--out", str(reviewed)], capsys
    )
    assert code == 0, err
    run_json = json.loads((reviewed / "run.json").read_text(encoding="utf-8"))
    assert run_json["notes"] == {"p01_interview:0001": ["faith support, check later"]}
    code, out, err = run(["report", str(reviewed)], capsys)
    assert code == 0, err
    html = (reviewed / "report.html").read_text(encoding="utf-8")
    assert (
        '<div class="review given" data-segment="p01_interview:0001">\n'
        '<ul class="suggestions">\n'
        '<li class="sugg" data-code="IS.E.3"><span class="chip d2">IS.E.3</span> '
        '<span class="name">Access to Knowledge &amp; Information</span> '
        '<span class="val v-barrier">barrier</span></li>\n'
        "</ul>\n"
        '<p class="given-note">note: faith support, check later</p>\n'
        "</div></div>\n"
    ) in html
    assert html.count("faith support") == 1
    assert '<div class="notes-elsewhere">' not in html


def test_notes_run_json_keeps_on_segments_not_coded_are_shown_escaped(tmp_path: Path) -> None:
    """A note on a segment the codings leave out is listed above the transcripts, and every
    note is escaped as transcript text is."""
    from roqa_nlp.report import render_report

    result = build_result()
    kept = CodingResult(
        segments=[s for s in result if s.segment.id == "p01_interview:0001"],
        transcripts=result.transcripts,
        meta={
            "user": {"name": "Rev"},
            "notes": {
                "p01_interview:0001": ["<b>mine</b> & yours", "second"],
                "p03_interview:0002": ["support from outside the service"],
            },
        },
    )
    html = render_report(kept, "cfir-2009")
    assert (
        '<p class="given-note">note: &lt;b&gt;mine&lt;/b&gt; &amp; yours</p>\n'
        '<p class="given-note">note: second</p>\n'
        "</div></div>\n"
    ) in html
    assert (
        '<div class="notes-elsewhere">Notes on segments not in these codings:\n'
        "<ul>\n"
        "<li>p03_interview:0002: support from outside the service</li>\n"
        "</ul></div>"
    ) in html
