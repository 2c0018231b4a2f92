"""Specification: with a review and two other coders compared by span, the note on codings
outside the review's decided segments says which figures leave them out, and which pair
compares them.

Each pair is figured on its own units, as the two alone: a pair with no reviewer is not cut to
the review's segments. The note said a QDA coder's codings there "are not compared" though
the model - Ben row compared them (tester agree2, session 79: p04 in model - Ben's 86 units).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import ANA, INTERVIEW, answer, two_users_qdpx
from roqa_nlp.codebook import Codebook
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

WEEKEND = answer("Lovely, we went to the seaside with the kids.")


def coded(folder: Path, spans: list[tuple[int, int, str]], p: float, **meta: object) -> Path:
    """Codings of INTERVIEW's ``spans`` (start, end, CFIR 2009 name) with probability ``p``."""
    book = Codebook.load("cfir-2009")
    segments = [
        SegmentResult(
            Segment(f"p01:{k}", "p01", "P01", "participant", a, b, INTERVIEW[a:b]),
            [Suggestion(found.id, found.name, found.domain, p)],
        )
        for k, (a, b, code) in enumerate(spans)
        if (found := book.find(code)) is not None
    ]
    CodingResult(segments, meta=dict(meta)).save(folder)
    return folder


def test_the_note_says_which_pairs_leave_out_codings_outside_a_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = coded(
        tmp_path / "model",
        [*ANA, (*WEEKEND, "Culture")],
        0.8,
        model={"codebook": "cfir-2009", "hash": "m"},
    )
    ana = coded(
        tmp_path / "ana",
        ANA,
        1.0,
        source="roqa apply-decisions",
        user={"name": "Ana"},
        reviewed_segments=["p01:0", "p01:1", "p01:2"],
    )
    ben = two_users_qdpx(tmp_path / "ben.qdpx", {"Ben": [*ANA, (*WEEKEND, "Culture")]})
    code, out, err = run(["agree", str(model), str(ana), str(ben), "--n-boot", "0"], capsys)
    assert code == 0, err
    text = " ".join(out.split())
    assert (
        "Note: 1 coding of Ben lies outside the 3 decided segments and is not compared in the "
        "pooled figures and the pairs with Ana (p01:@221-266)." in text
    )
    assert (
        "Note: the pair without a reviewer, figured on its own units as the two alone, "
        "compares every coding of its coders, those outside the decided segments too: model - "
        "Ben (4 units); so a mean against the humans averages pairs over different text." in text
    )
    assert "│ model (model) │ Ben │ model-human │ 4 │" in text
