"""A reviewer's notes through the review workflow: ``roqa report`` counts the notes it carries
into the page as ``roqa apply-decisions`` counts them, and the report of the reviewed codings
shows the notes their run.json keeps (session 66: a note kept in reviewed/run.json was shown
nowhere in reviewed/report.html, and "1 note carried" of a file holding 2 read as one lost)."""

from __future__ import annotations

from pathlib import Path

import pytest

from report_fixture import build_result
from roqa_nlp.decisions import Decision, match_decisions
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


def test_roqa_report_counts_every_note_it_carries_and_those_on_no_decision(
    coded: Path, capsys
) -> None:
    """It said "and 1 note carried" (the note rows alone) where apply-decisions said "1 note(s)
    kept with their segments; left out: 1 note(s) on no decided segment"."""
    code, out, err = run(["report", str(coded)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "decisions: 2 on 1 segment (1 accept, 1 reject) and 2 notes (1 on a segment with no "
        f"decision) carried into the report from {coded / 'decisions.csv'} (found beside the "
        "codings)"
    )


def test_the_summary_counts_the_notes_the_page_shows_one_a_segment() -> None:
    result = build_result()
    accept = Decision("p01_interview:0001", "accept", "IS.E.3", text=P01_0001)
    noted = Decision("p03_interview:0002", "note", note="ask", text=P03_0002)
    other = Decision("p02_interview:0001", "note", note="and this", text="")
    # a note on a decided segment (its note row besides) is that segment's, counted once
    on_it = [accept, Decision(accept.segment_id, "note", note="ask", text=P01_0001)]
    assert match_decisions(on_it, result).summary() == (
        "decisions: 1 on 1 segment (1 accept) and 1 note carried into the report"
    )
    assert match_decisions([accept, noted], result).summary() == (
        "decisions: 1 on 1 segment (1 accept) and 1 note (on a segment with no decision) "
        "carried into the report"
    )
    assert match_decisions([noted, other], result).summary() == (
        "decisions: 0 and 2 notes (each on a segment with no decision) carried into the report"
    )
    # a QDA review's origin in the note column is no note of the reviewer's
    qda = Decision(
        "p01_interview:0001", "accept", "IS.E.3", note="REFI-QDA review by Al", text=P01_0001
    )
    assert match_decisions([qda], result).summary() == (
        "decisions: 1 on 1 segment (1 accept) carried into the report"
    )
