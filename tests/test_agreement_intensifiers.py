"""Specification: a yes stressed by a word that adds nothing ("It is. It really is.") only agrees.

Study10 tester (session 80, D1): P01's "It is. It really is." was coded CI.A Knowledge & Beliefs
at 0.67, quoted as P01's only enabler evidence of CI.A in Table 2 and the matrix, and made CI.A
new in interview 1 of the saturation table, while "It is. It is." only agrees. The words that only
stress a yes are a data file, ``roqa_nlp/data/agreement_intensifiers.txt``.
"""

from __future__ import annotations

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import barriers_enablers, framework_matrix, saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts.backchannels import is_backchannel, only_agrees, words_of

BOOK = Codebook(
    id="mini",
    name="one CFIR domain",
    codes=[
        Code("CI", "Characteristics of Individuals", "domain", codable=False),
        Code("CI.A", "Knowledge & Beliefs", "construct", parent="CI", domain="CI"),
        Code("CI.B", "Self-efficacy", "construct", parent="CI", domain="CI"),
    ],
)


@pytest.mark.parametrize(
    "words",
    [
        "It is. It really is.",
        "It really is.",
        "They definitely did.",
        "We did, very much so.",
        "It truly was, it was.",
        "Yes, it certainly is.",
        "I totally do.",
    ],
)
def test_a_yes_stressed_by_a_word_that_adds_nothing_only_agrees(words: str) -> None:
    assert only_agrees(words) is True


@pytest.mark.parametrize(
    "words",
    [
        "It really is a problem.",
        "It was. It was really hard.",
        "Really really bad.",
        "So much paperwork.",
        "Definitely not the rota.",
    ],
)
def test_a_stressing_word_with_words_of_its_own_is_no_agreement(words: str) -> None:
    assert only_agrees(words) is False


def test_the_stressing_words_are_left_out_the_longest_phrase_first() -> None:
    from roqa_nlp.transcripts.backchannels import without_intensifiers

    assert without_intensifiers(words_of("It is. It really is.")) == ["it", "is", "it", "is"]
    assert without_intensifiers(words_of("We did, very much so.")) == ["we", "did"]
    assert without_intensifiers(words_of("It really is a problem.")) == ["it", "is", "a", "problem"]


def test_it_stays_a_turn_to_code_unlike_an_agreement_said_over_again() -> None:
    """Only what it quotes and counts as new changes: segmentation does not (no backchannel)."""
    assert is_backchannel("It is. It really is.") is False
    assert is_backchannel("It is. It is.") is True


def seg(tid: str, n: int, text: str, code: str, p: float, valence: str) -> SegmentResult:
    start = 100 * n
    return SegmentResult(
        segment=Segment(
            id=f"{tid}:{n}",
            transcript_id=tid,
            speaker="P",
            role="participant",
            start=start,
            end=start + len(text),
            text=text,
        ),
        suggestions=[
            Suggestion(code_id=code, name=code, domain="CI", probability=p, valence=valence)
        ],
        novel=False,
    )


def study() -> CodingResult:
    """P01's "It is. It really is." is the only CI.A segment of interview 1; P02 says something
    of CI.A in interview 2."""
    return CodingResult(
        segments=[
            seg("p01", 0, "It is. It really is.", "CI.A", 0.67, "enabler"),
            seg("p01", 1, "I never felt able to run the groups.", "CI.B", 0.9, "barrier"),
            seg("p02", 0, "We all believed recovery works.", "CI.A", 0.8, "enabler"),
        ],
        transcripts={
            t: Transcript(id=t, text="", turns=[], participant=p)
            for t, p in [("p01", "P01"), ("p02", "P02")]
        },
    )


def test_table_2_and_the_matrix_count_it_but_quote_it_as_no_evidence() -> None:
    row = barriers_enablers(study(), BOOK, quotes=3).construct("CI.A")
    assert row is not None
    assert (row.enablers.segments, row.enablers.participants) == (2, ["P01", "P02"])
    assert [q.segment_id for q in row.enablers.quotes] == ["p02:0"]
    assert framework_matrix(study()).cell("P01", "CI.A").summary() == (
        '1 segment: 1 enabler | no quote, it only says yes or no: "It is. It really is." [p01:0-20]'
    )


def test_saturation_makes_no_code_new_on_it() -> None:
    s = saturation(study())
    assert s.new_codes == [["CI.B"], ["CI.A"]]
    assert s.cumulative == [1, 2]
    assert s.agreeing_only == {}
