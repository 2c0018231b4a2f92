"""Specification: the sample decisions.csv of docs/report.md applies to the example study.

Before: its rows named the example's segment ids with words said in no interview, so saved as
coded/decisions.csv beside ``roqa code examples/interviews`` output they gave "no decision is on
a segment of the codings". examples/gold/codings.jsonl has the segments (ids and words) that
``roqa code examples/interviews`` makes, so it stands in for a run here at no model's cost.
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.decisions import match_decisions, read_decisions
from roqa_nlp.result import CodingResult

ROOT = Path(__file__).resolve().parents[1]
HEADER = "segment_id,decision,code_id,new_code,note,text,valence,suggestion"


def sample_block() -> str:
    """The code block of docs/report.md that starts with a decisions.csv header."""
    text = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    start = text.index(f"```\n{HEADER}\n") + 4
    return text[start : text.index("```", start)]


def test_the_docs_sample_decisions_are_on_the_example_segments(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(sample_block(), encoding="utf-8")
    decisions = read_decisions(path)[0]
    assert [d.decision for d in decisions] == [
        "accept", "valence", "reject", "recode", "new-code", "note",
    ]  # fmt: skip
    gold = CodingResult.read(ROOT / "examples" / "gold" / "codings.jsonl")
    found = match_decisions(decisions, gold)
    # each row on the segment of its own id, its words as they are there
    assert list(found.on) == [d.segment_id for d in decisions]
    assert not any(found.edited)
