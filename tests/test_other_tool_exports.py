"""Transcripts exported by tools other than Zoom (tester otherexports, session 66): YouTube's
.sbv captions, MAXQDA/f4 time marks opening a labelled paragraph, Google Meet's five-minute
marks between one speaker's repeated labels, and one interview kept in two formats."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import (
    SUPPORTED_EXTENSIONS,
    expand_paths,
    read_transcript,
    read_transcripts,
)
from roqa_nlp.transcripts.render import repeated_label_lines

HANNAH = "Hannah Whitfield"

#: YouTube's .sbv captions: a timing line ``h:mm:ss.mmm,h:mm:ss.mmm``, the cue's words, a blank line.
SBV = (
    "0:00:03.120,0:00:10.700\n"
    "Hannah Whitfield: Thanks for making time for this. Could you tell me about the service "
    "you manage?\n"
    "\n"
    "0:00:11.000,0:00:20.000\n"
    "Gareth Price: Sure. I manage a supported living service in Calderdale.\n"
    "\n"
    "0:00:20.400,0:00:29.100\n"
    "Gareth Price: We've got fourteen tenants\n"
    "and about twenty-two staff.\n"
    "\n"
    "0:00:29.400,0:00:34.900\n"
    "Hannah Whitfield: And what helped you get it going?\n"
    "\n"
    "0:00:35.200,0:01:01.700\n"
    "Gareth Price: Protected time, honestly.\n"
)


def read_quietly(path: Path, **options: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **options)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught]


def turns_of(t: Transcript) -> list[tuple[str, str, float | None, float | None, str]]:
    """(speaker, role, begin, end, words) of every turn, the words as the text holds them."""
    return [(u.speaker, u.role, u.begin_time, u.end_time, t.text[u.start : u.end]) for u in t.turns]


# --- E1: .sbv captions ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["meet.sbv", "meet_sbv.txt", "MEET.SBV"])
def test_sbv_captions_are_read_as_cues(tmp_path: Path, name: str) -> None:
    """A .sbv was refused ("save the transcript as .docx, .txt or .vtt"), and saved as .txt its
    timing lines were read into the quotes and no interviewer was found."""
    f = tmp_path / name
    f.write_text(SBV, "utf-8")
    t, caught = read_quietly(f, interviewer_labels=[HANNAH])
    assert turns_of(t) == [
        (
            HANNAH,
            "interviewer",
            3.12,
            10.7,
            "Thanks for making time for this. Could you tell me about the service you manage?",
        ),
        (
            "Gareth Price",
            "participant",
            11.0,
            29.1,
            "Sure. I manage a supported living service in Calderdale. We've got fourteen tenants "
            "and about twenty-two staff.",
        ),
        (HANNAH, "interviewer", 29.4, 34.9, "And what helped you get it going?"),
        ("Gareth Price", "participant", 35.2, 61.7, "Protected time, honestly."),
    ]
    assert t.metadata["format"] == ("sbv" if name.lower().endswith(".sbv") else "txt")
    assert t.metadata["rendering"] == "canonical"
    assert t.metadata["cues"] == 5
    assert caught == []
    for turn in t.turns:  # offsets in the text read
        assert ":00." not in t.text[turn.start : turn.end]


def test_sbv_without_speakers_is_one_participant_turn_without_its_timing_lines(
    tmp_path: Path,
) -> None:
    f = tmp_path / "youtube_sbv.txt"
    f.write_text(
        "0:00:03.120,0:00:10.700\nCould you tell me about the service you manage?\n\n"
        "0:00:11.000,0:00:29.100\nSure. I manage a supported living service.\n",
        "utf-8",
    )
    t, caught = read_quietly(f)
    assert turns_of(t) == [
        (
            "Participant",
            "participant",
            3.12,
            29.1,
            "Could you tell me about the service you manage? Sure. I manage a supported living "
            "service.",
        )
    ]
    assert len(caught) == 1 and "no speaker labels found" in caught[0]


def test_a_sbv_without_speakers_is_advised_as_speech_to_text(tmp_path: Path) -> None:
    """YouTube's own captions name no one: the advice is a speech-to-text file's (diarise or
    label), not a typed file's (names above the words), nor a video call's re-export."""
    f = tmp_path / "yt.sbv"
    f.write_text("0:00:03.120,0:00:10.700\nWhat helped?\n\n0:00:11.000,0:00:29.100\nTime.\n")
    _, caught = read_quietly(f)
    assert caught == [
        f"{f}: no speaker labels found, so all of it is coded as the participant's talk, "
        "questions included (transcribe it with speakers (diarisation: WhisperX, or whisper.cpp "
        "--diarize), or label the turns 'Interviewer: ...' and 'P04: ...')"
    ]


def test_a_txt_with_one_comma_range_line_is_typed_text(tmp_path: Path) -> None:
    """One line of two times parted by a comma in a typed transcript is no caption file."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: When were the shifts?\n"
        "P04: These two:\n"
        "0:07:00.000,0:19:00.000\n"
        "Interviewer: And the handover?\n"
        "P04: At seven, mostly, and it runs long.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert t.metadata["format"] == "txt" and t.metadata["rendering"] == "original"
    assert [u.speaker for u in t.turns] == ["Interviewer", "P04", "Interviewer", "P04"]


@pytest.mark.parametrize(
    "times",
    [("7:30.0,15:30.0", "15:30.0,23:30.0"), ("0:09:00.0,0:09:30.0", "0:09:30.0,0:10:00.0")],
)
def test_a_typed_txt_with_a_run_sheet_of_comma_ranges_is_typed_text(
    tmp_path: Path, times: tuple[str, str]
) -> None:
    """Hunt s66 (h_exports R1): two such lines making a fifth of a short interview's lines
    were read as captions, the question and answer above the first one lost without a word.
    A .sbv saved as .txt opens with a timing line, each time with hours and milliseconds."""
    f = tmp_path / "p01.txt"
    f.write_text(
        "Interviewer: What times were the two shifts?\n"
        "P01: Here.\n"
        f"{times[0]}\n{times[1]}\n"
        "Interviewer: Thanks.\n"
        "P01: No problem.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert t.metadata["format"] == "txt" and t.metadata["rendering"] == "original"
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "What times were the two shifts?"),
        ("P01", f"Here.\n{times[0]}\n{times[1]}"),
        ("Interviewer", "Thanks."),
        ("P01", "No problem."),
    ]


def test_sbv_is_a_supported_extension_and_found_in_a_folder(tmp_path: Path) -> None:
    assert ".sbv" in SUPPORTED_EXTENSIONS
    (tmp_path / "p01.sbv").write_text(SBV, "utf-8")
    (tmp_path / "notes.xyz").write_text("x", "utf-8")
    assert expand_paths([tmp_path]) == [tmp_path / "p01.sbv"]


def test_sbv_time_line_and_untimed_words_name_the_files_lines(tmp_path: Path) -> None:
    """A cue with no timing line in a .sbv is read without times, its lines named as the
    file's (the timing lines read as subtitle's keep every line where it is)."""
    f = tmp_path / "p02.sbv"
    f.write_text(
        "0:00:01.000,0:00:04.000\nInterviewer: What helped?\n\n"
        "Protected time, mostly.\n\n"
        "0:00:09.000,0:00:12.000\nP02: And a manager who backed it.\n",
        "utf-8",
    )
    t, caught = read_quietly(f)
    assert t.metadata["blocks_read_without_timing_lines"] == ["4"]
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "What helped? Protected time, mostly."),
        ("P02", "And a manager who backed it."),
    ]


# --- E2: a MAXQDA/f4 time mark opening a labelled paragraph -----------------------------------

MAXQDA_START = (
    "#00:00:03-1# Interviewer: Could you tell me about the service you manage?\n\n"
    "#00:00:11-0# RM04: I manage a supported living service.\n\n"
    "#00:00:29-4# Interviewer: What helped you get recovery going?\n\n"
    "#00:00:35-25# RM04: Protected time.\n"
)


#: :data:`MAXQDA_START` read: each mark the turn's time, its digits after the dash tenths
MAXQDA_START_TURNS = [
    ("Interviewer", "interviewer", 3.1, None, "Could you tell me about the service you manage?"),
    ("RM04", "participant", 11.0, None, "I manage a supported living service."),
    ("Interviewer", "interviewer", 29.4, None, "What helped you get recovery going?"),
    ("RM04", "participant", 35.25, None, "Protected time."),
]


def test_a_time_mark_opening_a_labelled_paragraph_is_the_turns_time(tmp_path: Path) -> None:
    """``#00:00:03-1# Interviewer: ...`` hid every label: all of it was one participant's talk,
    with the advice to label turns that were labelled. The mark is read as ``[00:00:03.1]``
    before a label is, its digits after the dash tenths as at a paragraph's end."""
    f = tmp_path / "rm04.txt"
    f.write_text(MAXQDA_START, "utf-8")
    t, caught = read_quietly(f)
    assert turns_of(t) == MAXQDA_START_TURNS
    assert t.participant == "RM04"
    assert t.metadata["rendering"] == "original"  # the file's own text, offsets the file's
    assert caught == []


def test_a_time_mark_opening_a_labelled_word_paragraph_is_the_turns_time(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in MAXQDA_START.strip().split("\n\n"):
        document.add_paragraph(paragraph)
    f = tmp_path / "rm04.docx"
    document.save(str(f))
    t, caught = read_quietly(f)
    assert turns_of(t) == MAXQDA_START_TURNS
    assert caught == []


def test_a_time_mark_opening_an_unlabelled_paragraph_stays_a_time_mark(tmp_path: Path) -> None:
    f = tmp_path / "p05.txt"
    f.write_text(
        "#00:00:03-1# Could you tell me about it?\n\n#00:00:11-0# I manage a service.\n", "utf-8"
    )
    t, _ = read_quietly(f)
    assert t.metadata["time_marks"] == ["#00:00:03-1#", "#00:00:11-0#"]
    assert [t.text[u.start : u.end] for u in t.turns] == [
        "Could you tell me about it?",
        "I manage a service.",
    ]


#: an unlabelled file whose second paragraph opens with a transcriber's ``Note:``, its marks
#: written by MAXQDA (``#00:00:03-1#``) or in brackets (``[00:00:03.1]``)
UNLABELLED_NOTE = (
    "{0} We started the new rota system in March and it has been a lot of work for everyone.\n\n"
    "{1} Note: the line was poor.\n\n"
    "{2} The managers never asked what the people we support wanted from the service.\n"
)


@pytest.mark.parametrize(
    "marks",
    [
        ("#00:00:01-0#", "#00:00:03-1#", "#00:00:09-5#"),
        ("[00:00:01.0]", "[00:00:03.1]", "[00:00:09.5]"),
    ],
)
def test_a_note_opening_an_unlabelled_paragraph_after_a_mark_is_no_speaker(
    tmp_path: Path, marks: tuple[str, str, str]
) -> None:
    """``#00:00:03-1# Note: the line was poor.`` in a file with no speaker labels: ``Note`` is
    no speaker (a word a transcriber opens a note with, named nowhere else), as after
    ``[00:00:03.1]``; its words stay the participant's talk, each mark left out (checked,
    session 67: both forms already read alike)."""
    f = tmp_path / "p05.txt"
    f.write_text(UNLABELLED_NOTE.format(*marks), "utf-8")
    t, _ = read_quietly(f)
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        (
            "P05",
            "participant",
            "We started the new rota system in March and it has been a lot of work for everyone.",
        ),
        ("P05", "participant", "Note: the line was poor."),
        (
            "P05",
            "participant",
            "The managers never asked what the people we support wanted from the service.",
        ),
    ]


# --- E3: Google Meet's five-minute mark between one speaker's repeated labels -----------------


def test_a_meet_time_line_between_repeated_labels_is_warned_of_as_a_split(tmp_path: Path) -> None:
    f = tmp_path / "meet_marks.txt"
    f.write_text(
        "Hannah Whitfield: What helped you get recovery going?\n"
        "Gareth Price: Protected time, and the area manager backed it.\n"
        "00:05:00\n"
        "\n"
        "Gareth Price: Without that it would have stayed on paper, honestly.\n"
        "Hannah Whitfield: Was there anything in the way?\n"
        "Gareth Price: Agency staff.\n",
        "utf-8",
    )
    t, caught = read_quietly(f, interviewer_labels=[HANNAH])
    assert repeated_label_lines(t) == [5]
    assert caught == [
        f"{f}: 1 turn split by a repeated speaker label (line 5): this format is read as typed, "
        "so each part is coded on its own (delete the repeated label in the file to code the "
        "answer whole)"
    ]
    assert [(u.speaker, u.begin_time, t.text[u.start : u.end]) for u in t.turns][1:3] == [
        ("Gareth Price", None, "Protected time, and the area manager backed it."),
        ("Gareth Price", 300.0, "Without that it would have stayed on paper, honestly."),
    ]


# --- E4: one interview in two formats, neither a .json ----------------------------------------


def test_one_interview_in_two_formats_without_a_json_is_not_told_to_keep_the_json(
    tmp_path: Path,
) -> None:
    (tmp_path / "rev.txt").write_text("Interviewer: Hi?\n\nP01: Hello.\n", "utf-8")
    (tmp_path / "rev.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nInterviewer: Hi?\n", "utf-8"
    )
    with pytest.raises(RoqaError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_transcripts(tmp_path)
    # a few words, not all alike: it may be two interviews too (hunter hunt7, session 80)
    assert str(caught.value) == (
        f"{tmp_path / 'rev.vtt'}: rev.txt and rev.vtt share the id 'rev' (if they hold one "
        "interview in two formats, keep one and move the other away; if they are two "
        "interviews, rename one)"
    )
