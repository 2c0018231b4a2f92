"""A long story with a short courtesy or laugh inside it is not procedural talk (tester s86
daily17, D2): the segment is read sentence by sentence when the embedding classifier reads it
as procedural talk, and judged by its other sentences when fewer than half are procedural."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.autocoder import STORY_WORDS, AutoCoder

DATA = Path(__file__).resolve().parent / "data" / "procedural_story"


def test_a_story_with_a_courtesy_inside_is_coded_and_an_interruption_told_is_not() -> None:
    """Read whole, the 102-word story of a woman's recovery was procedural talk (its top code
    PR.B at 0.22), out of Table 2 and the open-coding queue, because of "I'll, um, I'll be
    careful." and "A lemon drizzle. [laughs]". Read without its one procedural sentence of
    eight it is coded (PR.C, 0.30). An interruption told at length (61 words: the door, the
    keys, "where were we?") stays procedural: most of its sentences are."""
    result = AutoCoder.load().code(DATA / "story_with_a_courtesy.txt")
    got = [
        (len(s.segment.text.split()), s.procedural, s.novel)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [(102, False, False, "PR.C"), (61, True, False, None)]
    assert all(n > STORY_WORDS for n, *_ in got)


def test_a_story_with_a_courtesy_inside_is_queued_for_open_coding_when_read_alone() -> None:
    """Without its question (``roqa suggest``, ``fits_no_code``) the story fits no code: it
    goes to the open-coding queue, not among the goodbyes."""
    said = (DATA / "story_with_a_courtesy.txt").read_text("utf-8").splitlines()[1]
    (flags,) = AutoCoder.load().fits_no_code(said.removeprefix("P03: "))
    assert (flags["procedural"], flags["novel"], flags["off_topic"]) == (False, True, False)
