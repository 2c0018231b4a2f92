"""A transcript's contexts (the question each turn answers, the turn a group member's reply
agrees with) are worked out once for cutting it into segments and for coding it."""

from __future__ import annotations

import pytest

import roqa_nlp.transcripts.segment as segment_module
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts.segment import agreed_turns, questions_before

TURNS = [
    ("Interviewer", "interviewer", "What helped the team start?"),
    ("Anna", "participant", "Our manager protected our time."),
    ("Ben", "participant", "I agree with that."),
    ("Interviewer", "interviewer", "And what got in the way?"),
    ("Anna", "participant", "The booking system."),
]


@pytest.fixture
def worked_out(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    read = segment_module._read_contexts

    def counting(t: Transcript) -> list[tuple[str, int | None]]:
        calls.append(t.id)
        return read(t)

    monkeypatch.setattr(segment_module, "_read_contexts", counting)
    return calls


def test_the_contexts_are_worked_out_once_for_both(worked_out: list[str]) -> None:
    t = Transcript.from_turns("g01", TURNS)
    assert questions_before(t) == [
        "",
        "What helped the team start?",
        "Our manager protected our time.",
        "What helped the team start?",
        "And what got in the way?",
    ]
    assert agreed_turns(t) == [None, None, 1, None, None]
    assert agreed_turns(t) == [None, None, 1, None, None]
    assert worked_out == ["g01"]


def test_another_transcript_or_changed_turns_are_worked_out_again(
    worked_out: list[str],
) -> None:
    t = Transcript.from_turns("g01", TURNS)
    agreed_turns(t)
    same_words = Transcript.from_turns("g01", TURNS)
    assert agreed_turns(same_words) == [None, None, 1, None, None]
    t.turns[2] = Turn("Ben", "interviewer", t.turns[2].start, t.turns[2].end)
    assert agreed_turns(t) == [None, None, None, None, None]
    assert worked_out == ["g01", "g01", "g01"]
