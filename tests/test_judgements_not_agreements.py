"""Specification: a judgement ("It was great.", "It really was brilliant.") is evidence, not a
reply that only says yes or no, whichever side it falls on.

Session 80 hunt4 H1 and M1: the words of a backchannel that also judge (great, brilliant,
perfect, lovely, fine, cool) counted as a yes after an agreeing phrase ("it was", "they were"),
and since the stressing words were left out (sfix D1) after one stressed too. So "They really
were brilliant." and "It truly was great." lost their quotes in Table 2 and made no code new in
saturation, while "It really was awful." kept both. The words are a data file,
``roqa_nlp/data/judgement_words.txt``.
"""

from __future__ import annotations

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import barriers_enablers, framework_matrix, saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts import backchannels
from roqa_nlp.transcripts.backchannels import agrees_with, is_backchannel, only_agrees

STRESSED_JUDGEMENTS = [  # H1: only agreed once the stressing words were left out
    "It really was brilliant.",
    "They really were great.",
    "It truly was great.",
    "It was genuinely brilliant.",
    "Truly lovely.",
    "They were truly great.",
    "It was certainly great.",
    "Genuinely fine.",
    "He really is great.",
    "It really was fine, honestly.",
]
JUDGEMENTS = [  # M1: only agreed on 733c1b7a already
    "It was great.",
    "They were brilliant.",
    "It was perfect.",
    "I agree. It was brilliant.",
    "Really lovely.",
    "It was [laughs] great.",
]


@pytest.mark.parametrize("words", STRESSED_JUDGEMENTS + JUDGEMENTS)
def test_a_judgement_says_something(words: str) -> None:
    assert only_agrees(words) is False
    assert only_agrees(words, group=True) is False
    assert backchannels.judges(words) is True


@pytest.mark.parametrize(
    "words",
    ["It really was awful.", "It was awful.", "It really was a nightmare.", "It was truly awful."],
)
def test_its_negative_twin_says_something_as_before(words: str) -> None:
    assert only_agrees(words) is False
    assert backchannels.judges(words) is False  # no word of the list: said something before as now


@pytest.mark.parametrize(
    "words",
    [
        "It is. It really is.",
        "They definitely did.",
        "We did, very much so.",
        "Yes, very much.",
        "It truly was, it was.",
        "Yes, it certainly is.",
        "That's really it.",
    ],
)
def test_a_stressed_yes_still_only_agrees(words: str) -> None:
    assert only_agrees(words) is True


@pytest.mark.parametrize(
    "words",
    ["Great.", "Yeah, great.", "Oh lovely, yes.", "Yes, absolutely, great.", "It is. Fine."],
)
def test_a_bare_acknowledgement_still_only_agrees(words: str) -> None:
    """Not said of anything nor stressed: a listener's acknowledgement, as the lists read it."""
    assert only_agrees(words) is True
    assert backchannels.judges(words) is False


def test_a_bare_acknowledgement_is_still_a_backchannel() -> None:
    assert [is_backchannel(w) for w in ("Great.", "Yeah, great.", "Absolutely fine.")] == [
        True,
        True,
        True,
    ]


@pytest.mark.parametrize(
    "words", ["Very much so.", "Certainly.", "Truly.", "Genuinely.", "Very much.", "Quite so."]
)
def test_a_yes_of_stressing_words_alone_only_agrees_as_yes_certainly_does(words: str) -> None:
    """hunt4 L3: "Yes, certainly." only agreed, "Certainly." was quoted as evidence."""
    assert only_agrees(words) is True
    assert only_agrees("Yes, " + words[0].lower() + words[1:]) is True


def test_a_members_judgement_echoing_the_turn_it_answers_only_agrees() -> None:
    praised, damned = "The training was brilliant.", "Honestly the training was awful."
    assert only_agrees("Yeah, it was brilliant.", praised, group=True) is True
    assert agrees_with("Yeah, it was brilliant.", praised) is True
    assert only_agrees("Yeah, it was brilliant.", damned, group=True) is False
    assert agrees_with("Yeah, it was brilliant.", damned) is False
    assert agrees_with("Yeah, same here.", damned) is True


BOOK = Codebook(
    id="mini",
    name="three CFIR constructs",
    codes=[
        Code("IS", "Inner Setting", "domain", codable=False),
        Code("IS.D.1", "Tension for Change", "construct", parent="IS", domain="IS"),
        Code("IS.E.1", "Leadership Engagement", "construct", parent="IS", domain="IS"),
        Code("PR", "Process", "domain", codable=False),
        Code("PR.B.3", "Champions", "construct", parent="PR", domain="PR"),
    ],
)


def seg(start: int, text: str, code: str, p: float) -> SegmentResult:
    domain = code.split(".")[0]
    return SegmentResult(
        segment=Segment(
            id=f"p01:{start}",
            transcript_id="p01",
            speaker="P01",
            role="participant",
            start=start,
            end=start + len(text),
            text=text,
        ),
        suggestions=[
            Suggestion(code_id=code, name=code, domain=domain, probability=p, valence="enabler")
        ],
        novel=False,
    )


def study() -> CodingResult:
    """hunt4's r1: four judgements, each answering a "how" question, as the packaged model coded
    them."""
    return CodingResult(
        segments=[
            seg(108, "They really were brilliant.", "PR.B.3", 0.51),
            seg(204, "It really was awful.", "IS.D.1", 0.88),
            seg(318, "It truly was great.", "IS.E.1", 0.58),
        ],
        transcripts={"p01": Transcript(id="p01", text="", turns=[], participant="P01")},
    )


def test_table_2_and_the_matrix_quote_a_judgement_as_evidence() -> None:
    table = barriers_enablers(study(), BOOK, quotes=3)
    quoted = {
        code: [q.text for q in row.enablers.quotes if not q.only_agrees]
        for code in ("IS.D.1", "IS.E.1", "PR.B.3")
        if (row := table.construct(code)) is not None
    }
    assert quoted == {
        "IS.D.1": ["It really was awful."],
        "IS.E.1": ["It truly was great."],
        "PR.B.3": ["They really were brilliant."],
    }
    assert framework_matrix(study()).cell("P01", "PR.B.3").summary() == (
        '1 segment: 1 enabler | "They really were brilliant." [p01:108-135]'
    )


def test_saturation_makes_each_judged_code_new() -> None:
    s = saturation(study())
    assert s.new_codes == [["IS.D.1", "IS.E.1", "PR.B.3"]]
    assert s.cumulative == [3]
    assert s.agreeing_only == {}
