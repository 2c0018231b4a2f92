"""Specification: when coders share no unit as their transcripts are named otherwise, the
error of ``roqa agree`` says what each coded and that the names differ only in case (or
spacing and punctuation).

Tester agree2, session 79: beside a review, a QDA coder of 55 selections in transcripts named
"P01 INTERVIEW" was said to have "0 units ()" (the review's scope had cut them all), and
names that differ only by case got no hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import ANA, INTERVIEW, two_users_qdpx
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run


def review(folder: Path) -> Path:
    """Ana's codings of INTERVIEW (transcript p01) as roqa apply-decisions writes them."""
    segments = [
        SegmentResult(
            Segment(f"p01:{k}", "p01", "P01", "participant", a, b, INTERVIEW[a:b]),
            [Suggestion(code, code, None, 1.0)],
        )
        for k, (a, b, code) in enumerate(ANA)
    ]
    meta = {
        "source": "roqa apply-decisions",
        "user": {"name": "Ana"},
        "reviewed_segments": [s.segment.id for s in segments],
    }
    CodingResult(segments, meta=meta).save(folder)
    return folder


@pytest.mark.parametrize(
    ("source", "but_for"), [("P01", "case"), ("P 01", "case, spacing or punctuation")]
)
def test_a_reviews_coder_in_transcripts_named_otherwise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, but_for: str
) -> None:
    ana = review(tmp_path / "ana")
    ben = two_users_qdpx(tmp_path / "ben.qdpx", {"Ben": ANA}, source=source)
    code, out, err = run(["agree", str(ana), str(ben), "--n-boot", "0"], capsys)
    assert code == 2
    assert (
        f"{ben} (user Ben): no unit compared, of 3 coded passages in transcript {source} (the "
        f"coders' transcripts are named alike but for {but_for}: 'p01' (Ana) is '{source}' "
        "(Ben); transcript names are compared as written" in " ".join(err.split())
    )
    assert "0 units ()" not in err


def test_qdpx_coders_in_transcripts_named_alike_but_for_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ana = two_users_qdpx(tmp_path / "ana.qdpx", {"Ana": ANA})
    # selections three characters later: no unit id is Ana's but for case, as when
    # they are the same (a note of its own)
    later = [(a + 3, b, c) for a, b, c in ANA]
    ben = two_users_qdpx(tmp_path / "ben.qdpx", {"Ben": later}, source="P01")
    code, out, err = run(["agree", str(ana), str(ben), "--n-boot", "0"], capsys)
    assert code == 2
    assert (
        f"{ana} (user Ana): transcript p01; {ben} (user Ben): transcript P01 (the coders' "
        "transcripts are named alike but for case: 'p01' (Ana) is 'P01' (Ben); transcript names "
        "are compared as written" in " ".join(err.split())
    )
