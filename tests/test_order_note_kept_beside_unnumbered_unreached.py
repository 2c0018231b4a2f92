"""Specification (hunt55, s90, M1): with a review that has not reached an interview whose id
is no participant number (a pilot, a focus group), the note that the reviewed P-numbered
interviews are taken in the order coded, not participant order, stays. The study's id lists
were rebuilt with the unnumbered interview in them, and the note vanished."""

from __future__ import annotations

from roqa_nlp.framework import saturation
from test_saturation_participant_order import FILES, numbered


def test_an_unnumbered_interview_not_reached_keeps_the_order_coded_note() -> None:
    meta = {
        "study_interviews": [*FILES, "focus_group"],
        "transcripts_not_reviewed": ["focus_group"],
        "participants_not_reviewed": ["focus_group"],
    }
    r = numbered({f: int(f.split("_")[-1 if f.startswith("z") else 0][1:]) for f in FILES}, meta)
    s = saturation(r)
    assert not s.by_participant
    assert s.order_note.startswith(
        "saturation takes the interviews in the order they were coded (a folder's files by "
        "name, files named one by one in the order named; here by participant: "
        "P05\u2013P13, P01\u2013P04), not participant order (P01\u2013P13); "
    )
