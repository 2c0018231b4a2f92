"""Specification: a model's segments a space apart that it coded alike are one unit again
where one coder's selection spans both (only then since session 69: test_agree_span_joins.py).

Session 41 (8af1331) made a ``roqa code`` run missing outside its segments when compared by
character span. As a side effect, the space between two of its segments, where it is missing,
kept them apart: two segments a space apart were two units even where the model's coding did
not change. In a comparison of two people and a model (regression hunt, session 41: ``roqa agree
ann2 ben2 c --units spans``), that split the people's uncoded text wherever the model's segments
met, and their pair went from 106 units (45 coded by no one) to 159 (97), inflating their
percent agreement and AC1. Now pieces with no letter or digit where only such a run is missing
are passed over, as they are between two selections: the segments on either side are one unit
when every coder's coding stays the same and one coder's selection spans both. An edge between
text the model judged and text it did not (an interviewer's turn with words) still cuts. The
people's pair is since figured on its own units (tests/test_agree_pairs_own_units.py), so the
model's edges no longer cut it; pooled over all the inputs, the model's segments no one's
selection spans are units of their own, as by segment (session 69).
"""

from __future__ import annotations

import pytest

from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript

TEXT = (
    "Interviewer: How is the culture?\n"
    "P01: Staff here are very committed. They stay for years.\n"
    "Interviewer: And the building?\n"
    "P01: The rooms are too small.\n"
)
A = "Staff here are very committed."
B = "They stay for years."
C = "The rooms are too small."
QUESTION = "And the building?"
TRANSCRIPTS = {"p01": Transcript("p01", TEXT, [], participant="P01")}
CULTURE = Suggestion("IS.C", "Culture", "IS", 0.9, "enabler")
COST = Suggestion("IN.G", "Cost", "IN", 0.7, "barrier")


def at(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def span(first: str, last: str | None = None) -> str:
    return f"p01:@{at(first)[0]}-{at(last or first)[1]}"


def segment(sid: str, first: str, last: str | None = None) -> Segment:
    start, end = at(first)[0], at(last or first)[1]
    return Segment(sid, "p01", "P01", "participant", start, end, TEXT[start:end])


def model_run(codes: list[list[Suggestion]]) -> CodingResult:
    """The model's three segments A, B (a space after A) and C, coded ``codes``."""
    return CodingResult(
        segments=[
            SegmentResult(segment(f"p01:000{k + 1}", q), s)
            for k, (q, s) in enumerate(zip((A, B, C), codes, strict=True))
        ],
        transcripts=TRANSCRIPTS,
        meta={"model": {"hash": "abcd1234ef567890"}},
    )


def selections(user: str, *picked: tuple[str, str, list[Suggestion]]) -> CodingResult:
    """A QDA coder's selections, each from one quote's start to another's end."""
    return CodingResult(
        segments=[
            SegmentResult(segment(f"p01:@{k}", first, last), s)
            for k, (first, last, s) in enumerate(picked)
        ],
        transcripts=TRANSCRIPTS,
        meta={"source": "REFI-QDA", "user": {"name": user}},
    )


def test_two_segments_a_space_apart_coded_alike_are_one_unit() -> None:
    """The model coded A and B Culture, C Cost; Bob selected A through B as Culture. Units: A+B
    and C (before: A, B, C). Over 2 units x 2 codes they agree on 3 of 4 decisions (not Cost
    on C): kappa with p_e = 2/4 * 1/4 + 2/4 * 3/4 = 1/2 is (3/4 - 1/2) / (1/2) = 1/2. Before,
    3 units: 5 of 6, p_e = 1/2 * 1/3 + 1/2 * 2/3 = 1/2, kappa 2/3."""
    w = model_run([[CULTURE], [CULTURE], [COST]])
    cu = coded_units_from_results({"w": w, "Bob": selections("Bob", (A, B, [CULTURE]))})
    assert [u.id for u in cu.units] == [span(A, B), span(C)]
    assert cu.codings["w"] == {span(A, B): {"IS.C"}, span(C): {"IN.G"}}
    assert cu.codings["Bob"] == {span(A, B): {"IS.C"}, span(C): frozenset()}
    pooled = agreement_report(cu, n_boot=0).pooled["all"]
    assert pooled.percent_agreement == pytest.approx(3 / 4)
    assert pooled.kappa == pytest.approx(1 / 2)


def test_a_change_of_the_models_coding_still_cuts() -> None:
    """The model coded A Culture and B Cost: A and B stay two units, as two segments coded
    differently would be."""
    w = model_run([[CULTURE], [COST], [COST]])
    cu = coded_units_from_results({"w": w, "Bob": selections("Bob", (A, B, [CULTURE]))})
    assert [u.id for u in cu.units] == [span(A), span(B), span(C)]


def test_two_people_and_a_model_keep_the_models_segments_apart_where_no_one_spans_them() -> None:
    """Ann and Bob both coded C Cost and left the first answer uncoded; the model left A and B
    uncoded. Pooled over all three, A and B are two units coded by no one, as the model's two
    segments are by segment: no one's one selection spans them, and a space between two
    segments joins them only then (session 69, tests/test_agree_span_joins.py; from session 41
    to 68 they were one unit, as neighbours coded alike). The questions before the answer and
    before C, which both people judged and the model did not, are still units of their own (a
    judged / not judged edge). Ann's and Bob's pair, compared by ``roqa agree`` on its own units
    (``pair_units``), is not cut at the model's edges (tests/test_agree_pairs_own_units.py)."""
    w = model_run([[], [], [COST]])
    ann = selections("Ann", (C, C, [COST]))
    bob = selections("Bob", (C, C, [COST]))
    cu = coded_units_from_results({"Ann": ann, "Bob": bob, "w": w})
    first = f"p01:@0-{at(A)[0]}"
    question = f"p01:@{at(B)[1]}-{at(C)[0]}"
    assert [u.id for u in cu.units] == [first, span(A), span(B), question, span(C)]
    assert cu.codes_of("w", question) is None
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 5, "all": 5, "coded": 1}
    people = report.pairs[0]
    assert (people.coder_a, people.coder_b, people.all.n_units) == ("Ann", "Bob", 5)
    assert people.all.percent_agreement == pytest.approx(1.0)
