"""Specification: coders compared by segment must have coded the same text.

docs/agreement.md: when two coders' texts of one transcript differ, ``roqa agree`` stops with a
one-line error naming the transcript, the two coders and where the texts first differ. Units
that are character spans were checked; units that are segments (the same ids and character
ranges, as two reviews of one run have) were not, so an edit that kept every offset (one word
swapped for another of its length: "staffing" for "training") was compared silently (tester,
session 38, err/BobSwap).
"""

from __future__ import annotations

import pytest

from roqa_nlp.coding_agreement import coded_units_from_results
from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

TEXT = "P01: the biggest problem is staffing.\n\nP01: our lead championed it."
SWAPPED = TEXT.replace("staffing", "training")  # same length: every offset is kept
SEGMENTS = ((5, 37), (44, len(TEXT)))


def result(text: str, *, with_transcript: bool = True) -> CodingResult:
    segs = [
        SegmentResult(
            Segment(f"p01:{k}", "p01", "P01", "participant", lo, hi, text[lo:hi]),
            [Suggestion("C", "Cost", None, 1.0)],
        )
        for k, (lo, hi) in enumerate(SEGMENTS)
    ]
    t = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))])
    return CodingResult(segs, transcripts={"p01": t} if with_transcript else {})


def test_a_same_length_edit_of_the_transcript_stops_segment_units() -> None:
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": result(TEXT), "Ben": result(SWAPPED)})
    assert str(e.value) == (
        "transcript 'p01' is not the same text for 'Ann' (67 characters) and 'Ben' (67; they "
        "differ from character 28), so their selections cannot be compared (have every coder "
        "code the same text of it (the same pseudonymised copy, or the same corrected "
        "transcript))"
    )


def test_segment_texts_are_compared_when_the_results_hold_no_transcript() -> None:
    ann = result(TEXT, with_transcript=False)
    ben = result(SWAPPED, with_transcript=False)
    with pytest.raises(RoqaError) as e:
        coded_units_from_results({"Ann": ann, "Ben": ben})
    assert str(e.value) == (
        "segment 'p01:0' of transcript 'p01' is not the same text for 'Ann' and 'Ben' (they "
        "differ from character 23 of it), so their codings cannot be compared (have every "
        "coder code the same text of it (the same pseudonymised copy, or the same corrected "
        "transcript))"
    )


def test_the_same_text_is_compared_by_segment() -> None:
    cu = coded_units_from_results({"Ann": result(TEXT), "Ben": result(TEXT)})
    assert cu.unit_kind == "segments"
    assert [u.id for u in cu.units] == ["p01:0", "p01:1"]
