"""Speakers labelled with a video call's display name (``José 🙂:``, ``🌈 Jane:``, ``Jane Smith |
NHS:``, Arabic ``مدير 🙂:``) read as speakers from plain text and Word documents as from
subtitles: before, such a label was no speaker in a .txt or .docx, the participant's answers were
the interviewer's turns (0 participant turns), and ``roqa pseudonymise`` wrote copies that still
named them on every answer."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from test_speaker_names import write_docx


def _turns(t: Transcript) -> list[tuple[str, str, int, int, str]]:
    """(speaker, role, start, end, words) of every turn; the words are the text's own."""
    return [(u.speaker, u.role, u.start, u.end, t.text[u.start : u.end]) for u in t.turns]


def _talk(label: str) -> str:
    return (
        "Sam Roe: How are staffing levels?\n\n"
        f"{label}: We just do not have the staff.\n\n"
        "Sam Roe: And leadership?\n\n"
        f"{label}: Our manager backs us.\n"
    )


def _read(path: Path, **kw: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Sam Roe"], **kw)  # type: ignore[arg-type]


# each label six characters long ("🙂" is one, "❤️" two: the heart and its emoji selector)
@pytest.mark.parametrize("label", ["José 🙂", "🌈 Jane", "Zoë ❤️", "مدير 🙂"])
def test_a_display_name_with_an_emoji_is_a_speaker_of_a_plain_text(
    tmp_path: Path, label: str
) -> None:
    f = tmp_path / "p1.txt"
    f.write_text(_talk(label), "utf-8")
    t = _read(f)
    assert t.text == _talk(label)
    assert _turns(t) == [
        ("Sam Roe", "interviewer", 9, 33, "How are staffing levels?"),
        (label, "participant", 43, 73, "We just do not have the staff."),
        ("Sam Roe", "interviewer", 84, 99, "And leadership?"),
        (label, "participant", 109, 130, "Our manager backs us."),
    ]


def test_a_display_name_with_an_organisation_after_a_bar_is_a_speaker(tmp_path: Path) -> None:
    f = tmp_path / "p1.txt"
    f.write_text(_talk("Jane Smith | NHS"), "utf-8")
    assert _turns(_read(f)) == [
        ("Sam Roe", "interviewer", 9, 33, "How are staffing levels?"),
        ("Jane Smith | NHS", "participant", 53, 83, "We just do not have the staff."),
        ("Sam Roe", "interviewer", 94, 109, "And leadership?"),
        ("Jane Smith | NHS", "participant", 129, 150, "Our manager backs us."),
    ]


def test_an_emoji_of_several_code_points_is_part_of_the_label(tmp_path: Path) -> None:
    label = "Priya 👩🏽‍⚕️"  # woman, skin tone, joiner, staff of Aesculapius, emoji selector
    f = tmp_path / "p1.txt"
    f.write_text(_talk(label), "utf-8")
    assert [(s, r, a, b) for s, r, a, b, _ in _turns(_read(f))] == [
        ("Sam Roe", "interviewer", 9, 33),
        (label, "participant", 48, 78),
        ("Sam Roe", "interviewer", 89, 104),
        (label, "participant", 119, 140),
    ]


def test_the_participant_named_by_a_display_name_with_an_emoji(tmp_path: Path) -> None:
    """``--participant '🌈 Jane'`` names the speaker, who is read as one."""
    f = tmp_path / "p1.txt"
    f.write_text(_talk("🌈 Jane"), "utf-8")
    t = _read(f, participant_labels=["🌈 Jane"])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Sam Roe", "interviewer"),
        ("🌈 Jane", "participant"),
        ("Sam Roe", "interviewer"),
        ("🌈 Jane", "participant"),
    ]
    assert "participant_labels_unmatched" not in t.metadata


def test_a_display_name_label_in_a_word_document(tmp_path: Path) -> None:
    f = write_docx(tmp_path / "p1.docx", [p for p in _talk("José 🙂").split("\n") if p])
    assert [(s, r, w) for s, r, _, _, w in _turns(_read(f))] == [
        ("Sam Roe", "interviewer", "How are staffing levels?"),
        ("José 🙂", "participant", "We just do not have the staff."),
        ("Sam Roe", "interviewer", "And leadership?"),
        ("José 🙂", "participant", "Our manager backs us."),
    ]
    f = write_docx(tmp_path / "p2.docx", [p for p in _talk("Jane Smith | NHS").split("\n") if p])
    assert [(s, r) for s, r, _, _, _ in _turns(_read(f))] == [
        ("Sam Roe", "interviewer"),
        ("Jane Smith | NHS", "participant"),
    ] * 2


def test_an_arabic_display_name_with_an_emoji_is_a_speaker_of_subtitles(tmp_path: Path) -> None:
    """Arabic has no capitals: its display name is one as a capitalised name is."""
    f = tmp_path / "p1.vtt"
    cues = [line for line in _talk("مدير 🙂").split("\n") if line]
    f.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:{5 * i:02d}.000 --> 00:00:{5 * i + 4:02d}.000\n{cue}\n\n"
            for i, cue in enumerate(cues)
        ),
        "utf-8",
    )
    assert [(s, r, w) for s, r, _, _, w in _turns(_read(f))] == [
        ("Sam Roe", "interviewer", "How are staffing levels?"),
        ("مدير 🙂", "participant", "We just do not have the staff."),
        ("Sam Roe", "interviewer", "And leadership?"),
        ("مدير 🙂", "participant", "Our manager backs us."),
    ]


def test_a_line_of_talk_with_an_emoji_or_a_bar_before_a_colon_stays_talk(tmp_path: Path) -> None:
    """A display name's looser shape is taken where it labels two or more lines: said once, an
    emoji or a ``|`` before a colon is the speaker's words."""
    text = (
        "Sam Roe: How did the audit go?\n\n"
        "P04: It went well.\n\n"
        "Great 👍: it worked in the end.\n\n"
        "Staffing | Training: both matter.\n\n"
        "Sam Roe: Thanks.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, "utf-8")
    assert _turns(_read(f)) == [
        ("Sam Roe", "interviewer", 9, 30, "How did the audit go?"),
        (
            "P04",
            "participant",
            37,
            117,
            "It went well.\n\nGreat 👍: it worked in the end.\n\nStaffing | Training: both matter.",
        ),
        ("Sam Roe", "interviewer", 128, 135, "Thanks."),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("✅ Good", "❌ Bad"),
        ("Safe | RI", "Well-led | Good"),
        ("Mon | Tue", "Wed | Thu"),
        ("Team 😀", "Team 😀"),
        ("Jane 😀", "Jane 😀"),  # a name, but two in a row inside one answer: a chat read out
    ],
)
def test_talk_lines_opening_with_an_emoji_or_a_bar_twice_are_no_speakers(
    tmp_path: Path, first: str, second: str
) -> None:
    """A display name is a speaker's only where its name part names a person (not ``Good``,
    ``Safe``, ``Team``, ``Mon``) and it takes turns with another speaker: before, a checklist,
    CQC ratings or a group chat read out in an answer, each line said twice, were speakers'
    turns (3 participant turns of 4 files became 13) and pseudonymise replaced 'Safe', 'Good'."""
    answer = (
        f"We listed them:\n{first}: supervision.\n{second}: the rota.\n"
        f"{first}: the new manager.\n{second}: agency costs."
    )
    text = f"Sam Roe: What works?\nP38: {answer}\nSam Roe: Thanks.\n"
    f = tmp_path / "p38.txt"
    f.write_text(text, "utf-8")
    a = text.index(answer)
    assert _turns(_read(f)) == [
        ("Sam Roe", "interviewer", 9, 20, "What works?"),
        ("P38", "participant", a, a + len(answer), answer),
        ("Sam Roe", "interviewer", len(text) - 8, len(text) - 1, "Thanks."),
    ]


def test_a_display_name_of_no_person_named_as_the_interviewer_is_a_speaker(
    tmp_path: Path,
) -> None:
    """``--interviewer 'Team 😀'`` names the speaker whose display name is no person's."""
    text = (
        "Team 😀: How are staffing levels?\n\nP04: We just do not have the staff.\n\n"
        "Team 😀: And leadership?\n\nP04: Our manager backs us.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Team 😀"])
    assert _turns(t) == [
        ("Team 😀", "interviewer", 8, 32, "How are staffing levels?"),
        ("P04", "participant", 39, 69, "We just do not have the staff."),
        ("Team 😀", "interviewer", 79, 94, "And leadership?"),
        ("P04", "participant", 101, 122, "Our manager backs us."),
    ]


def test_a_display_name_of_no_person_named_as_the_participant_is_a_speaker(
    tmp_path: Path,
) -> None:
    """``--participant 'Manager 🙂'`` names the speaker whose display name is no person's."""
    text = (
        "Sam Roe: How are staffing levels?\n\nManager 🙂: We just do not have the staff.\n\n"
        "Sam Roe: And leadership?\n\nManager 🙂: Our manager backs us.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, "utf-8")
    assert _turns(_read(f, participant_labels=["Manager 🙂"])) == [
        ("Sam Roe", "interviewer", 9, 33, "How are staffing levels?"),
        ("Manager 🙂", "participant", 46, 76, "We just do not have the staff."),
        ("Sam Roe", "interviewer", 87, 102, "And leadership?"),
        ("Manager 🙂", "participant", 115, 136, "Our manager backs us."),
    ]
