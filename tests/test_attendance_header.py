"""A focus group's list of who was there above the talk (``Present: Priya Natarajan, Megan
Tully, Gareth Lloyd``, ``Attendees:``, ``Apologies:``) is a header line, not a participant
called "Present" (session 85 tester daily16, D2 MED: the key got a row ``Present,P05a``, the
real members became P05b-P05e). Only above the first turn and only a list of names: talk after
such a word, or such a line between turns, is read as before."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import lists_attendees

TALK = [
    "Helen Marsh: Welcome everyone, could you say your role?",
    "Priya Natarajan: I am the clinical pharmacist for three practices.",
    "Megan Tully: I work on reception and have done for eleven years.",
    "Gareth Lloyd: I am the diabetes specialist nurse for the community team.",
    "Helen Marsh: How is the pathway going?",
    "Priya Natarajan: The medication reviews happen but nobody checks the results afterwards.",
]
TURNS = [
    ("Helen Marsh", "interviewer", "Welcome everyone, could you say your role?"),
    ("Priya Natarajan", "participant", "I am the clinical pharmacist for three practices."),
    ("Megan Tully", "participant", "I work on reception and have done for eleven years."),
    ("Gareth Lloyd", "participant",
     "I am the diabetes specialist nurse for the community team."),
    ("Helen Marsh", "interviewer", "How is the pathway going?"),
    ("Priya Natarajan", "participant",
     "The medication reviews happen but nobody checks the results afterwards."),
]  # fmt: skip


def _file(tmp_path: Path, kind: str, lines: list[str]) -> Path:
    path = tmp_path / f"p05.{kind}"
    if kind == "txt":
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return path
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for text in lines:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def _turns(path: Path) -> list[tuple[str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=["Helen Marsh"])
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize(
    "heading",
    [
        "Present: Priya Natarajan, Megan Tully, Gareth Lloyd",
        "Attendees: Priya Natarajan, Megan Tully and Gareth Lloyd",
        "Attending: Priya Natarajan; Megan Tully; Gareth Lloyd",
        "Present: Helen Marsh (facilitator), Priya Natarajan (clinical pharmacist, Millbrook), "
        "Megan Tully & Gareth Lloyd.",
    ],
)
def test_a_list_of_who_was_there_is_a_header_line(tmp_path: Path, kind: str, heading: str) -> None:
    header = ["Focus group, Millbrook Surgery, 19 October 2026", "Facilitator: Helen Marsh"]
    path = _file(tmp_path, kind, [*header, heading, "Apologies: Sam Patel", "", *TALK])
    assert _turns(path) == TURNS


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_such_a_line_first_in_the_file_is_a_header_line(tmp_path: Path, kind: str) -> None:
    path = _file(tmp_path, kind, ["Present: Priya Natarajan, Megan Tully, Gareth Lloyd", *TALK])
    assert _turns(path) == TURNS


def test_such_a_line_between_turns_is_read_as_before(tmp_path: Path) -> None:
    line = "Present: Priya Natarajan, Megan Tully"
    path = _file(tmp_path, "txt", [*TALK, line, "Megan Tully: I agree with that."])
    assert _turns(path) == [
        *TURNS,
        ("Present", "participant", "Priya Natarajan, Megan Tully"),
        ("Megan Tully", "participant", "I agree with that."),
    ]


def test_talk_after_such_a_word_above_the_talk_is_read_as_before(tmp_path: Path) -> None:
    path = _file(tmp_path, "txt", ["Present: yes, we were all there, it was busy.", *TALK])
    assert _turns(path) == [
        ("Present", "participant", "yes, we were all there, it was busy."),
        *TURNS,
    ]


@pytest.mark.parametrize(
    ("label", "said", "expected"),
    [
        ("Present", "Priya Natarajan, Megan Tully, Gareth Lloyd", True),
        ("present", "HM, PN, MT and GL", True),
        ("In attendance", "P1, P2, P3", True),
        ("Apologies", "Sam Patel", True),
        ("Absent", "Dr A. Khan", True),
        ("Present", "yes, we were all there", False),
        ("Present", "four registered managers and a facilitator", False),
        ("Present", "", False),
        ("Apologies", "I was late, the bus never came.", False),
        ("Participant", "Priya Natarajan, Megan Tully", False),
        ("Facilitator", "Helen Marsh, Sam Patel", False),
    ],
)
def test_lists_attendees(label: str, said: str, expected: bool) -> None:
    assert lists_attendees(label, said) is expected


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("first", ["Sure.", "OK.", "Dr Lee, Dr Shah and I."])
def test_a_speaker_so_labelled_who_speaks_again_keeps_the_first_turn(
    tmp_path: Path, kind: str, first: str
) -> None:
    """hunt33 (session 85): a US-style ``Attending:`` role opening the talk with a word or two
    that read as a list of names lost that first turn, with no warning (54 of 136 files)."""
    lines = [
        f"Attending: {first}",
        "Interviewer: How did the new discharge pathway land with the team?",
        "Attending: Badly at first, nobody had been told who owned the checklist.",
    ]
    path = _file(tmp_path, kind, lines)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Attending", first),
        ("Interviewer", "How did the new discharge pathway land with the team?"),
        ("Attending", "Badly at first, nobody had been told who owned the checklist."),
    ]
