"""Decisions on a selection a QDA program narrowed (study8 tester, session 78, L3): a partner's
ATLAS.ti review trimmed a quotation to ``p13_interview:@275-732`` of the segment's 275-737, its
last word cut. The transcript was not edited, yet ``apply-decisions`` warned of "a segment whose
text was edited since the review", sending the user looking for an edit never made. A decision
whose segment id is a span inside its segment, whose words there are its own, is named as a
selection narrowed in the QDA program; a span whose words were edited is still named edited."""

from __future__ import annotations

import pytest

from roqa_nlp import decisions as decisions_module
from roqa_nlp.decisions import Decision, match_decisions
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

LEAVING = "Staff leaving. The minute they're trained and good at it, they go."
COST = (
    "And the cost of living. My staff can't afford to live near where they work any more, and "
    "one of my best workers told me she was choosing between heating and eating."
)
ANSWER = f"{LEAVING}\n{COST}"
START = 275  # where the answer starts in its transcript
OPENING = "Right, where shall we start today?"


def coded() -> CodingResult:
    """The transcript as coded: an opening segment, then the answer at 275 onwards."""
    suggestions = [Suggestion("IS.E.2", "Available Resources", "IS", 0.9, valence="barrier")]
    return CodingResult(
        segments=[
            SegmentResult(
                Segment(
                    "p13_interview:0002",
                    "p13_interview",
                    "P13",
                    "participant",
                    200,
                    200 + len(OPENING),
                    OPENING,
                ),
                list(suggestions),
            ),
            SegmentResult(
                Segment(
                    "p13_interview:0003",
                    "p13_interview",
                    "P13",
                    "participant",
                    START,
                    START + len(ANSWER),
                    ANSWER,
                ),
                list(suggestions),
            ),
        ]
    )


def on_span(cut: int, text: str | None = None) -> list[Decision]:
    """A partner's new code and valence on the answer's selection ending ``cut`` characters
    before the segment's end, its text the transcript's there unless ``text`` is given."""
    end = START + len(ANSWER) - cut
    said = ANSWER[: len(ANSWER) - cut] if text is None else text
    sid = f"p13_interview:@{START}-{end}"
    return [
        Decision(sid, "new-code", new_code="Cost of living (staff)", text=said, row=2),
        Decision(sid, "valence", valence="barrier", text=said, row=3),
    ]


def warned(decisions: list[Decision]) -> list[str]:
    with pytest.warns(RoqaWarning) as got:
        decisions_module.warn_of_edited_text(match_decisions(decisions, coded()), "jo.csv")
    return [str(w.message) for w in got]


NARROWED = (
    "jo.csv: 2 decisions matched to 1 segment whose selection was narrowed in the QDA program "
    "(a part of the segment, the transcript's words unchanged): p13_interview:0003 (row 2); "
    "they are charted on the whole segment: check the decision fits it"
)


def test_a_selection_narrowed_mid_word_is_named_narrowed_not_edited() -> None:
    decisions = on_span(5)  # "heating and ea": its last word cut, as the partner's was
    match = match_decisions(decisions, coded())
    assert match.on == ("p13_interview:0003", "p13_interview:0003")
    assert match.edited == (True, True)  # placed by the near rule, as before
    assert match.narrowed == (True, True)
    assert match.matched_to_edited == ()
    assert warned(decisions) == [NARROWED]


def test_a_selection_narrowed_to_whole_words_is_named_narrowed_not_joined() -> None:
    decisions = on_span(len(COST) + 1)  # the first sentence alone: its very words inside
    match = match_decisions(decisions, coded())
    assert match.on == ("p13_interview:0003", "p13_interview:0003")
    assert match.joined == (True, True)
    assert match.narrowed == (True, True)
    assert warned(decisions) == [NARROWED]


def test_a_span_inside_the_segment_whose_words_were_edited_is_still_named_edited() -> None:
    edited = ANSWER[:-5].replace("good at it", "good at the job")
    decisions = on_span(5, edited)
    match = match_decisions(decisions, coded())
    assert match.on == ("p13_interview:0003", "p13_interview:0003")
    assert match.narrowed == (False, False)
    assert warned(decisions) == [
        "jo.csv: 2 decisions matched to 1 segment whose text was edited since the review "
        "(nearly the same words, not the same): p13_interview:0003 (row 2); check they are "
        "the talk decided on"
    ]


def test_a_span_reaching_outside_the_segment_is_not_named_narrowed() -> None:
    """A selection widened over the segment before it (its start at 270, before 275) holds
    more than the segment: not a part of it."""
    text = ANSWER[:-5]
    sid = f"p13_interview:@{START - 5}-{START + len(text)}"
    match = match_decisions([Decision(sid, "valence", valence="barrier", text=text)], coded())
    assert match.on == ("p13_interview:0003",)
    assert match.narrowed == (False,)


def test_a_selection_narrowed_mid_sentence_is_placed_on_its_segment_and_named_narrowed() -> None:
    """Session 78 hunt5 F5: cut mid-sentence, mid-word (as study8's ``@275-500`` in "ro|of"),
    the selection is neither nearly the segment's words nor whole words inside it, so no rule
    placed it: it was left out as "on no segment of the codings" and its new code lost. Its
    span and words tell its segment."""
    cut = len(ANSWER) - ANSWER.index("can't afford") - len("can't aff")
    decisions = on_span(cut)
    assert decisions[0].text.endswith("My staff can't aff")
    match = match_decisions(decisions, coded())
    assert match.on == ("p13_interview:0003", "p13_interview:0003")
    assert match.narrowed == (True, True)
    assert match.matched_to_edited == ()
    assert warned(decisions) == [NARROWED]


def test_a_span_whose_words_are_not_the_transcripts_stays_on_no_segment() -> None:
    """Cut mid-sentence, its words not those of the transcript there (the span shifted by
    one): no segment is told by it, and it stays on no segment."""
    cut = len(ANSWER) - ANSWER.index("can't afford") - len("can't aff")
    said = ANSWER[1 : len(ANSWER) - cut + 1]
    match = match_decisions(on_span(cut, said), coded())
    assert match.on == (None, None)
    assert match.narrowed == (False, False)
