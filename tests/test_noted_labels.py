"""A speaker label longer than ``MAX_LABEL_CHARS`` because a name carries a note in brackets or an
organisation after ``|`` (``Bernadette Okonkwo (Calderdale Recovery Hub):``, 44 characters) is a
label in a .txt and a .docx, as it is in a .vtt: before, the participant's words were read as
the interviewer's talk, and pseudonymising left ``(Calderdale Recovery Hub)`` in the copy. A
sentence with a colon is still talk, however long its brackets."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import MAX_LABEL_CHARS, label_fits
from test_cli_core import roqa

HUB = "Bernadette Okonkwo (Calderdale Recovery Hub)"
ORG = "Bernadette Okonkwo-Adeyemi | Calderdale and Kirklees Recovery Hub"

LINES = [
    "Interviewer: Thanks for joining today. Can you hear me?",
    f"{HUB}: Yes, I can hear you.",
    "Interviewer: Great. Tell me about your role.",
    f"{HUB}: I manage the hub and its staff team.",
]


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def test_the_example_label_is_longer_than_a_plain_label() -> None:
    assert len(HUB) == 44 > MAX_LABEL_CHARS


@pytest.mark.parametrize(
    ("label", "fits"),
    [
        (HUB, True),
        (ORG, True),
        ("Bernadette Okonkwo", True),
        ("Dr. Bernadette Okonkwo (Calderdale and Kirklees Hub)", True),
        # the name itself over the limit
        ("Bernadette Okonkwo-Henderson Smythe Williams (Hub)", False),
        # the note over the limit
        ("Bernadette (Calderdale and Kirklees Recovery Support Hub)", False),
        ("The thing about this job that nobody tells you", False),
    ],
)
def test_a_label_fits_by_its_name_and_its_note(label: str, fits: bool) -> None:
    assert label_fits(label) is fits


def test_a_name_with_a_long_note_in_brackets_is_a_label_in_a_txt(tmp_path: Path) -> None:
    f = tmp_path / "p12.txt"
    f.write_text("\n".join(LINES) + "\n", "utf-8")
    assert turns_of(read_transcript(f)) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (HUB, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
        (HUB, "participant", "I manage the hub and its staff team."),
    ]


def test_a_name_with_a_long_note_said_once_is_a_label_in_a_txt(tmp_path: Path) -> None:
    f = tmp_path / "p12.txt"
    f.write_text("\n".join([*LINES[:3], "Bernadette: I manage the hub."]) + "\n", "utf-8")
    assert turns_of(read_transcript(f)) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (HUB, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
        ("Bernadette", "participant", "I manage the hub."),
    ]


def test_a_name_with_a_long_note_in_brackets_is_a_label_in_a_docx(tmp_path: Path) -> None:
    f = write_docx(tmp_path / "p12.docx", LINES)
    assert turns_of(read_transcript(f)) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (HUB, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
        (HUB, "participant", "I manage the hub and its staff team."),
    ]


def test_a_name_with_a_long_organisation_after_a_bar_is_a_label(tmp_path: Path) -> None:
    """65 characters: longer than a label, and than a display name's limit (64)."""
    f = tmp_path / "p12.txt"
    f.write_text("\n".join(line.replace(HUB, ORG) for line in LINES) + "\n", "utf-8")
    assert turns_of(read_transcript(f)) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (ORG, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
        (ORG, "participant", "I manage the hub and its staff team."),
    ]


def test_a_name_with_an_organisation_said_once_is_a_label(tmp_path: Path) -> None:
    label = "Bernadette Okonkwo | Calderdale Recovery Hub"
    f = tmp_path / "p12.txt"
    f.write_text("\n".join([*LINES[:2], LINES[2]]).replace(HUB, label) + "\n", "utf-8")
    assert turns_of(read_transcript(f)) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (label, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The thing is (and I mean this honestly): we just never had the staff.",
        "The thing that nobody tells you (and I mean this): we never had the staff.",
        "Looking back at it all now (and it was a lot): we never had the staff.",
        "Staffing levels on the night shift (honestly the worst): we never had the staff.",
    ],
)
def test_a_sentence_with_long_brackets_before_a_colon_continues_the_turn(
    tmp_path: Path, line: str
) -> None:
    f = tmp_path / "p06.txt"
    f.write_text(
        "Interviewer: How did the inspection go?\n"
        f"P06: It was stressful.\n{line}\n"
        "Interviewer: And afterwards?\nP06: We got a good rating in the end.\n",
        "utf-8",
    )
    assert turns_of(read_transcript(f))[1] == ("P06", "participant", f"It was stressful.\n{line}")


def test_pseudonymise_replaces_a_long_noted_label_whole(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p12.txt").write_text("\n".join(LINES) + "\n", "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nBernadette Okonkwo,P12\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert (tmp_path / "o" / "p12.txt").read_text("utf-8") == (
        "Interviewer: Thanks for joining today. Can you hear me?\n"
        "P12: Yes, I can hear you.\n"
        "Interviewer: Great. Tell me about your role.\n"
        "P12: I manage the hub and its staff team.\n"
    )


def test_a_name_with_a_long_note_is_a_speaker_cell_of_a_docx_table(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    table = d.add_table(rows=0, cols=2)
    for line in ["Speaker: Text", *LINES]:
        who, _, words = line.partition(": ")
        cells = table.add_row().cells
        cells[0].text, cells[1].text = who, words
    d.save(str(tmp_path / "p12.docx"))
    assert turns_of(read_transcript(tmp_path / "p12.docx")) == [
        ("Interviewer", "interviewer", "Thanks for joining today. Can you hear me?"),
        (HUB, "participant", "Yes, I can hear you."),
        ("Interviewer", "interviewer", "Great. Tell me about your role."),
        (HUB, "participant", "I manage the hub and its staff team."),
    ]


def test_pseudonymise_replaces_a_label_with_an_organisation_said_once_whole(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    label = "Bernadette Okonkwo | Calderdale Recovery Hub"
    (folder / "p12.txt").write_text("\n".join(LINES[:3]).replace(HUB, label) + "\n", "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nBernadette Okonkwo,P12\n", "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert (tmp_path / "o" / "p12.txt").read_text("utf-8") == (
        "Interviewer: Thanks for joining today. Can you hear me?\n"
        "P12: Yes, I can hear you.\n"
        "Interviewer: Great. Tell me about your role.\n"
    )
