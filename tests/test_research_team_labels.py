"""A second researcher's label is the research team's, not a participant's, however it is
spaced or hyphenated. Session 42 tester: "Note taker", "Observer", "Assistant moderator",
"Co-researcher", "Second interviewer", "RA" and "Cofacilitator" were read as participants
(their questions coded as staff talk), while "Note-taker" and "Co-facilitator" were not."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts.roles import role_of
from test_cli_core import roqa


@pytest.mark.parametrize(
    "label",
    [
        "Note taker",
        "Note Taker 2",
        "NOTETAKER",
        "Observer",
        "Assistant moderator",
        "Assistant-Moderator",
        "Co-researcher",
        "Co researcher",
        "Coresearcher",
        "Second interviewer",
        "Co-interviewer",
        "Cofacilitator",
        "Co facilitator",
        "Co-Facilitator (SB)",
        "Co_facilitator",
        "Jane Smith (Note taker)",
    ],
)
def test_a_second_researchers_label_is_the_interviewers(label: str) -> None:
    assert role_of(label) == "interviewer"


@pytest.mark.parametrize(
    "label",
    ["Note", "Taker", "Rachel", "Second", "Coach", "Ben (observed)", "Co-op member", "RA", "RA2"],
)
def test_words_near_those_labels_are_participants(label: str) -> None:
    assert role_of(label) == "participant"


def test_a_focus_group_with_a_note_taker_who_asks_has_nothing_to_check(tmp_path: Path) -> None:
    """Before, the note-taker's two questions were coded as staff talk, and the only check was
    a bogus one: the file's name holds a speaker's name ('Note, taker')."""
    f = tmp_path / "fg_note_taker.txt"
    f.write_text(
        "Facilitator: What does a good shift look like?\n\n"
        "Ann: One where the residents get out and do something.\n\n"
        "Bob: When handover is on time and nobody is rushed.\n\n"
        "Note taker: Bob, is handover late most days?\n\n"
        "Bob: Most days since we lost the second late worker.\n\n"
        "Facilitator: And the care plans?\n\n"
        "Cara: The template is far too long, it takes a whole afternoon.\n\n"
        "Note taker: Is that for every resident, Cara?\n\n"
        "Cara: For every new one, and again at each review.\n\n"
        "Dev: And the plans come from head office, nobody asked us.\n",
        "utf-8",
    )
    run = roqa("inspect", f)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert "│ Note taker │ interviewer │ 2 │ 12 │" in said
    assert "check:" not in said
    assert said.endswith("1 transcript(s), 6 participant turn(s) to code.")
