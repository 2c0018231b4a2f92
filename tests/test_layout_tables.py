"""Specification: a small layout table among a transcript's labelled turns is no turn table.

Session 83 hunter (hunt18 R2): in an .rtf or .docx whose paragraphs are labelled turns, a
two-column table laying out a title (``Recovery Study | Transcript of interview RM04``), the
people (``Jane Smith | Researcher``), a rota read out in an answer (``Monday | Bev 08:00``) or
notes at the end was read as turns: ``Recovery Study``, ``Jane Smith``, ``Monday`` and ``Theme``
became participants whose words were coded, and P04's own words after the rota went to
``Tuesday``. A turn table's first column holds the file's speaker labels, repeated and
alternating; a layout table's holds neither, so its rows are lines of words: above the first
label (not speech) or going on with the turn before them."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

QA = [
    "Interviewer: How do you manage staffing on the wards?",
    "P04: We rely on agency staff a lot, which is costly.",
    "Interviewer: And the leadership?",
    "P04: The board listens, mostly.",
]
QA_TURNS = [
    ("Interviewer", "interviewer", "How do you manage staffing on the wards?"),
    ("P04", "participant", "We rely on agency staff a lot, which is costly."),
    ("Interviewer", "interviewer", "And the leadership?"),
    ("P04", "participant", "The board listens, mostly."),
]

Table = tuple[tuple[str, str], ...]


def said(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _rtf(items: list[str | Table]) -> bytes:
    out = [r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}"]
    for item in items:
        if isinstance(item, str):
            out.append(r"\pard\plain " + item + r"\par")
            continue
        for cells in item:
            out.append(r"\trowd\trgaph108\cellx2000\cellx9000")
            out.append("".join(rf"\pard\intbl {c}\cell " for c in cells) + r"\row")
    return ("\n".join(out) + "}").encode("cp1252")


def _docx(items: list[str | Table], path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for item in items:
        if isinstance(item, str):
            d.add_paragraph(item)
            continue
        table = d.add_table(rows=len(item), cols=2)
        for i, cells in enumerate(item):
            for j, c in enumerate(cells):
                table.cell(i, j).text = c
    d.save(str(path))


def read_as(suffix: str, items: list[str | Table], tmp_path: Path) -> Transcript:
    f = tmp_path / f"rm04{suffix}"
    if suffix == ".rtf":
        f.write_bytes(_rtf(items))
    else:
        _docx(items, f)
    return read_transcript(f)


FORMATS = pytest.mark.parametrize("suffix", [".rtf", ".docx"])


@FORMATS
def test_title_table_above_the_talk_is_no_ones_turn(suffix: str, tmp_path: Path) -> None:
    t = read_as(suffix, [(("Recovery Study", "Transcript of interview RM04"),), *QA], tmp_path)
    assert said(t) == QA_TURNS


@FORMATS
def test_table_naming_the_people_is_no_ones_turn(suffix: str, tmp_path: Path) -> None:
    people = (("Jane Smith", "Researcher"), ("Sam Roe", "Registered manager"))
    t = read_as(suffix, [people, *QA], tmp_path)
    assert said(t) == QA_TURNS


@FORMATS
def test_rota_read_out_in_an_answer_goes_on_with_that_answer(suffix: str, tmp_path: Path) -> None:
    rota = (("Monday", "Bev 08:00"), ("Tuesday", "Carl 14:00"))
    items: list[str | Table] = [
        "Interviewer: What does the rota look like?",
        "P04: It's like this, we have",
        rota,
        "and it changes weekly.",
        "Interviewer: Thanks.",
    ]
    t = read_as(suffix, items, tmp_path)
    assert said(t) == [
        ("Interviewer", "interviewer", "What does the rota look like?"),
        (
            "P04",
            "participant",
            "It's like this, we have\nMonday Bev 08:00\nTuesday Carl 14:00\nand it changes weekly.",
        ),
        ("Interviewer", "interviewer", "Thanks."),
    ]


@FORMATS
def test_notes_table_at_the_end_names_no_speakers(suffix: str, tmp_path: Path) -> None:
    notes = (("Theme", "Notes"), ("Staffing", "Agency reliance, cost"))
    t = read_as(suffix, [*QA, notes], tmp_path)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P04", "Interviewer", "P04"]
    assert t.text[t.turns[-1].start : t.turns[-1].end] == (
        "The board listens, mostly.\nTheme Notes\nStaffing Agency reliance, cost"
    )


@FORMATS
def test_table_of_the_talks_own_labels_is_still_turns(suffix: str, tmp_path: Path) -> None:
    rest = (("Interviewer", "And the leadership?"), ("P04", "The board listens, mostly."))
    t = read_as(suffix, [*QA[:2], rest], tmp_path)
    assert said(t) == QA_TURNS


@FORMATS
def test_table_of_its_own_labels_taking_turns_is_still_turns(suffix: str, tmp_path: Path) -> None:
    more = (("I", "Anything else?"), ("R", "No, that is all."), ("I", "Thanks."), ("R", "Bye."))
    t = read_as(suffix, [*QA, more], tmp_path)
    assert [u.speaker for u in t.turns][4:] == ["I", "R", "I", "R"]


@FORMATS
def test_members_answering_once_each_in_a_table_keep_their_words(
    suffix: str, tmp_path: Path
) -> None:
    # only the facilitator speaks outside the table: the table is the group's talk
    answers = (("Ann", "We never had the staff."), ("Bob", "The rota was the problem."))
    t = read_as(suffix, ["Facilitator: What got in the way?", answers], tmp_path)
    assert said(t) == [
        ("Facilitator", "interviewer", "What got in the way?"),
        ("Ann", "participant", "We never had the staff."),
        ("Bob", "participant", "The rota was the problem."),
    ]


# Session 84 hunter (hunt20 R1): the first rule read real turn tables as layout in 55 of 99
# files, joining speakers' words onto the turn before. A table is now layout only when no sign
# of a turn table shows: each case below keeps its rows as turns, exactly as before the rule.

FOCUS_GROUP = ["Facilitator: What got in the way?", "Co-facilitator: Anything at all"]
MEMBERS = (("Ann", "We never had the staff."), ("Bob", "The rota was the problem."))


@FORMATS
def test_members_speaking_once_after_two_team_speakers_keep_their_words(
    suffix: str, tmp_path: Path
) -> None:
    t = read_as(suffix, [*FOCUS_GROUP, MEMBERS], tmp_path)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Facilitator", "interviewer"),
        ("Co-facilitator", "interviewer"),
        ("Ann", "participant"),
        ("Bob", "participant"),
    ]


@FORMATS
def test_one_row_after_a_member_paragraph_is_still_a_turn(suffix: str, tmp_path: Path) -> None:
    items: list[str | Table] = [
        "Facilitator: What got in the way?",
        "Ann: We never had the staff.",
        (("Bob", "The rota was the problem."),),
    ]
    t = read_as(suffix, items, tmp_path)
    assert [u.speaker for u in t.turns] == ["Facilitator", "Ann", "Bob"]


@FORMATS
def test_short_replies_under_a_speaker_text_header_are_turns(suffix: str, tmp_path: Path) -> None:
    replies = (("Speaker", "Text"), ("Ann", "Yes"), ("Bob", "Not really"))
    t = read_as(suffix, [*FOCUS_GROUP, replies], tmp_path)
    assert said(t)[2:] == [("Ann", "participant", "Yes"), ("Bob", "participant", "Not really")]


@FORMATS
def test_a_label_in_other_case_or_brackets_names_a_speaker(suffix: str, tmp_path: Path) -> None:
    items: list[str | Table] = [
        "Jane: How ready was the team?",
        "Sam: Not very.",
        (("JANE", "Why"), ("[Sam]", "No training")),
    ]
    t = read_as(suffix, items, tmp_path)
    assert [u.speaker for u in t.turns] == ["Jane", "Sam", "Jane", "[Sam]"]


@FORMATS
def test_two_tables_of_one_group_are_both_turns(suffix: str, tmp_path: Path) -> None:
    first = (("Ann", "Staff"), ("Bob", "The rota"))
    second = (("Cara", "Money"), ("Ann", "Time"))
    t = read_as(suffix, [*FOCUS_GROUP, first, "Facilitator: Anything else?", second], tmp_path)
    assert [u.speaker for u in t.turns] == [
        "Facilitator",
        "Co-facilitator",
        "Ann",
        "Bob",
        "Facilitator",
        "Cara",
        "Ann",
    ]


@FORMATS
def test_rows_never_go_on_with_an_interviewers_turn(suffix: str, tmp_path: Path) -> None:
    items: list[str | Table] = [*QA, "Interviewer: Who works when", (("Bev", "Mondays"),)]
    t = read_as(suffix, items, tmp_path)
    assert said(t)[-1] == ("Bev", "participant", "Mondays")
