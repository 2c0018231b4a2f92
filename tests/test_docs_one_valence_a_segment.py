"""Specification (study8 tester, session 78, L4): docs/report.md said "A segment holds one
valence, the last row's, for all its codes", while a recode and a new code on one segment, with
no valence row, hold two: the model's barrier for the code recoded to, none (neutral) for the new
code, as "A new code given no valence has none" says. The docs now say one thing: a valence
given a segment is one for all its codes; given none, each code keeps what the review gives it.
The review does so (the second test pins the behaviour the docs describe)."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, reviewed_codings
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

ROOT = Path(__file__).resolve().parents[1]
TEXT = "We measure it, but nobody reads the numbers, and I am worn out chasing them."


def _said() -> str:
    return " ".join((ROOT / "docs" / "report.md").read_text(encoding="utf-8").split())


def test_the_docs_scope_one_valence_a_segment_to_a_valence_given() -> None:
    said = _said()
    assert "- A segment holds one valence, the last row's, for all its codes." not in said
    assert (
        "A valence given a segment (a `valence` row, or one written on an accept or recode row) "
        "is one valence, the last row's, for all its codes." in said
    )
    assert (
        "So a recode to `PR.D` and a new code on one segment, with no valence row, are charted "
        "on two sides: `PR.D` on the model's side (barrier), the new code as neutral." in said
    )
    assert "an example holds one valence, as a segment given a valence does." in said


def _reviewed(*extra: Decision) -> dict[str, str | None]:
    seg = Segment("p05:0003", "p05", "P05", "participant", 0, len(TEXT), TEXT)
    result = CodingResult(
        segments=[
            SegmentResult(
                seg,
                [Suggestion("PR.C", "Executing", "PR", 0.8, "barrier", valence_probability=0.9)],
            )
        ]
    )
    decisions = [
        Decision("p05:0003", "recode", "PR.D", suggestion="PR.C", text=TEXT),
        Decision("p05:0003", "new-code", new_code="Manager burnout", text=TEXT),
        *extra,
    ]
    reviewed, book, _ = reviewed_codings(
        decisions, result, Codebook.load("cfir-2009"), coder="Alice"
    )
    names = {c.id: c.name for c in book.codes}
    return {names.get(g.code_id, g.code_id): g.valence for g in reviewed.segments[0].suggestions}


def test_the_review_does_as_the_docs_say() -> None:
    assert _reviewed() == {"Reflecting & Evaluating": "barrier", "Manager burnout": "neutral"}
    given = Decision("p05:0003", "valence", valence="enabler", text=TEXT)
    assert _reviewed(given) == {"Reflecting & Evaluating": "enabler", "Manager burnout": "enabler"}
