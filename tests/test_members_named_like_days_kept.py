"""A real member named by a day (``Friday:``, ``Sunday:``: days, months and shifts are given
names and team names) who speaks after another participant keeps their own turn in a ``Name:``
transcript. A rule
that read such a line as words quoted or read out in the answer above (4110c066 + 8f02b9f6,
session 84) merged these members into the participant above after ordinary sentence endings
('that's what the manager said.'), when their own line held two times ('on 8pm to 8am') or
after a rota read out (hunt26: 132 real speakers lost); it was reverted. Each case here is
read as at 7edb2e6d."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

ENDING = "Sam Roe: What helps?\n\nJo Lee: Supervision.\n"
CASES = {
    "after_a_sentence_ending_in_said": (
        "Sam Roe: What gets in the way of recovery-focused work?\n\n"
        "Jo Lee: The commissioners want numbers, that's what the manager said.\n\n"
        "Friday: Agreed, we lose a day a week to it.\n\n" + ENDING,
        [
            ("Sam Roe", "What gets in the way of recovery-focused work?"),
            ("Jo Lee", "The commissioners want numbers, that's what the manager said."),
            ("Friday", "Agreed, we lose a day a week to it."),
        ],
    ),
    "own_line_with_two_times": (
        "Sam Roe: Could you each say who you are and your role?\n\n"
        "Jo Lee: I'm Jo, I manage the south team.\n\n"
        "Sunday: I'm the night coordinator, on 8pm to 8am most weeks.\n\n" + ENDING,
        [
            ("Sam Roe", "Could you each say who you are and your role?"),
            ("Jo Lee", "I'm Jo, I manage the south team."),
            ("Sunday", "I'm the night coordinator, on 8pm to 8am most weeks."),
        ],
    ),
}


@pytest.mark.parametrize("named", [True, False])
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_member_named_like_a_day_or_a_shift_keeps_their_own_turn(
    case: str, named: bool, tmp_path: Path
) -> None:
    text, expected = CASES[case]
    path = tmp_path / f"{case}.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=["Sam Roe"] if named else None)
    turns = [(u.speaker, t.text[u.start : u.end]) for u in t.turns]
    assert turns == [*expected, ("Sam Roe", "What helps?"), ("Jo Lee", "Supervision.")]
