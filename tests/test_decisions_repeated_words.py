"""Decisions on words said twice or more in one transcript ("Yeah, definitely, that's the
biggest one." to two questions) stay with their own answers when segment ids move, or are left
undecided with a warning; never swapped (blind tester s52, finding 1)."""

from __future__ import annotations

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, match_decisions, reviewed_codings, warn_of_edited_text
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

SERVICE = "I manage a small supported housing scheme, nine flats, on the edge of town."
SAME = "Yeah, definitely, that's the biggest one."
FORUM = "We do a tenants' forum every month, and honestly it's been the best thing we've done."
YEARS = "Four years in March. Before that I was a nurse on the wards for a long time."
BYE = "Lovely, thanks, bye."
SHOWN = ("IS.E.2", "IS.D.3", "OS.D")


def seg(sid: str, text: str) -> SegmentResult:
    tid = sid.rpartition(":")[0]
    suggestions = [Suggestion(c, c, None, 0.5, valence="barrier") for c in SHOWN]
    return SegmentResult(Segment(sid, tid, "P04", "participant", 0, len(text), text), suggestions)


def coded(*texts: str) -> CodingResult:
    return CodingResult(segments=[seg(f"rm04:{n:04d}", t) for n, t in enumerate(texts)])


#: rm04 after one question and its answer were added before the two same answers: ids move by one
ADDED = coded(SERVICE, YEARS, SAME, SAME, FORUM, BYE)

#: the review of rm04 before (SERVICE, SAME to staffing, SAME to funding, FORUM, BYE)
STAFFING = Decision("rm04:0001", "accept", "IS.E.2", text=SAME, row=2)
FUNDING = Decision("rm04:0002", "recode", "OS.D", text=SAME, suggestion="IS.D.3", row=3)


def test_two_decided_same_answers_keep_their_order_when_a_turn_is_added_before_them() -> None:
    match = match_decisions([STAFFING, FUNDING], ADDED)
    assert match.on == ("rm04:0002", "rm04:0003")
    assert match.told_apart_by_none == ()


def test_one_decided_same_answer_moves_as_far_as_the_decided_answer_before_it() -> None:
    service = Decision("rm04:0000", "accept", "IS.E.2", text=SERVICE, row=2)
    funding = Decision("rm04:0002", "recode", "OS.D", text=SAME, suggestion="IS.D.3", row=3)
    forum = Decision("rm04:0003", "accept", "IS.E.2", text=FORUM, row=4)
    # the question added after SERVICE: SERVICE stays at 0, FORUM moves from 3 to 4, both
    # copies lie between them; the funding answer's own id (2) now holds the staffing answer
    match = match_decisions([service, funding, forum], ADDED)
    assert match.on == ("rm04:0000", None, "rm04:0004")  # moved 0 and 1: cannot tell
    assert match.told_apart_by_none == ((funding, ("rm04:0002", "rm04:0003")),)
    # with the question added before SERVICE (every id moved by one), it moves by one too
    before = coded(YEARS, SERVICE, SAME, SAME, FORUM, BYE)
    assert match_decisions([service, funding, forum], before).on == (
        "rm04:0001",
        "rm04:0003",
        "rm04:0004",
    )


def test_a_same_answer_alone_between_its_neighbours_goes_there() -> None:
    service = Decision("rm04:0000", "accept", "IS.E.2", text=SERVICE, row=2)
    staffing = Decision("rm04:0001", "accept", "IS.E.2", text=SAME, row=3)
    funding_said = Decision("rm04:0002", "accept", "IS.E.2", text=FORUM, row=4)
    bye = Decision("rm04:0004", "accept", "IS.E.2", text=BYE, row=5)
    # FORUM was the funding answer before; now a second SAME comes after it
    later = coded(SERVICE, YEARS, SAME, FORUM, SAME, BYE)
    match = match_decisions([service, staffing, funding_said, bye], later)
    assert match.on == ("rm04:0000", "rm04:0002", "rm04:0003", "rm04:0005")


def test_same_answers_in_an_unchanged_transcript_keep_their_ids() -> None:
    same = coded(SERVICE, SAME, SAME, FORUM, BYE)
    assert match_decisions([FUNDING], same).on == ("rm04:0002",)
    assert match_decisions([STAFFING, FUNDING], same).on == ("rm04:0001", "rm04:0002")


def test_the_warning_names_the_decisions_left_undecided_and_the_segments_saying_the_words() -> None:
    service = Decision("rm04:0000", "accept", "IS.E.2", text=SERVICE, row=2)
    forum = Decision("rm04:0003", "accept", "IS.E.2", text=FORUM, row=4)
    match = match_decisions([service, FUNDING, forum], ADDED)
    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "coded/decisions.csv")
    assert [str(w.message) for w in caught] == [
        "coded/decisions.csv: 1 decision (rm04:0002 (row 3)) left undecided: its words are "
        "said by 2 segments of its transcript (rm04:0002, rm04:0003) and which is its cannot be "
        "told since the transcript changed; decide them again in the report"
    ]


def test_apply_decisions_reviewed_codings_keep_each_same_answer_its_decision() -> None:
    book = Codebook.load("cfir-2009")
    reviewed, _, _ = reviewed_codings([STAFFING, FUNDING], ADDED, book, coder="R")
    coded_as = {s.segment.id: [x.code_id for x in s.suggestions] for s in reviewed.segments}
    assert {k: v for k, v in coded_as.items() if v} == {
        "rm04:0002": ["IS.E.2"],
        "rm04:0003": ["OS.D"],
    }
