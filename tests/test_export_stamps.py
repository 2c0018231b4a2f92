"""Timestamps inside and at the end of turns, time-only paragraphs and transcription services'
boilerplate (Google Meet, Sonix) are no one's words: they never reach a turn, a segment or a
quote."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import Unit, segment


def turns(t: Transcript) -> list[tuple[str, str, int, int, float | None, float | None]]:
    return [
        (u.speaker, t.text[u.start : u.end], u.start, u.end, u.begin_time, u.end_time)
        for u in t.turns
    ]


def segments_hold_their_text(t: Transcript) -> None:
    segs = segment(t, "sentence")
    assert segs and all(t.text[s.start : s.end] == s.text for s in segs)
    assert not any(ch.isdigit() for s in segs for ch in s.text)


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


# --- timestamps inside a turn or at its end ----------------------------------------------------

INLINE_TXT = (
    "[00:00:02] Interviewer: How did it start?\n\n"
    "[00:00:05] P35: The contract had outcomes written [00:00:28] into it.\n"
    "We had to show progress. [00:00:40]\n\n"
    "Interviewer: And staff? (00:00:44)\n\n"
    "P35: Mixed [inaudible 00:00:50] at first.\n"
)
INLINE_TEXT = (
    "Interviewer: How did it start?\n\n"
    "P35: The contract had outcomes written into it.\nWe had to show progress.\n\n"
    "Interviewer: And staff?\n\n"
    "P35: Mixed [inaudible] at first."
)
INLINE_TURNS = [
    ("Interviewer", "How did it start?", 13, 30, 2.0, None),
    (
        "P35",
        "The contract had outcomes written into it.\nWe had to show progress.",
        37,
        104,
        5.0,
        40.0,
    ),
    ("Interviewer", "And staff?", 119, 129, 40.0, 44.0),
    ("P35", "Mixed [inaudible] at first.", 136, 163, 44.0, None),
]


def test_timestamps_inside_and_at_the_end_of_txt_turns_are_left_out(tmp_path: Path) -> None:
    f = tmp_path / "p35.txt"
    f.write_text(INLINE_TXT, "utf-8")
    t = read_transcript(f)
    assert t.text == INLINE_TEXT
    assert turns(t) == INLINE_TURNS
    assert t.metadata["rendering"] == "canonical"
    assert t.metadata["time_marks"] == ["[00:00:28]", "[00:00:40]"]
    segments_hold_their_text(t)


def test_timestamps_inside_and_at_the_end_of_docx_paragraphs_are_left_out(
    tmp_path: Path,
) -> None:
    f = write_docx(
        tmp_path / "p66.docx",
        [
            "Interviewer: How did it start? (00:00:08)",
            "P66: The contract had outcomes written [00:00:16] into it. (00:00:17)",
            "Interviewer: And staff? (00:00:22)",
            "P66: Mixed [crosstalk 00:00:30] at first.",
        ],
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: How did it start?\n\n"
        "P66: The contract had outcomes written into it.\n\n"
        "Interviewer: And staff?\n\n"
        "P66: Mixed [crosstalk] at first."
    )
    assert turns(t) == [
        ("Interviewer", "How did it start?", 13, 30, None, 8.0),
        ("P66", "The contract had outcomes written into it.", 37, 79, 8.0, 17.0),
        ("Interviewer", "And staff?", 94, 104, 17.0, 22.0),
        ("P66", "Mixed [crosstalk] at first.", 111, 138, 22.0, None),
    ]
    segments_hold_their_text(t)


def times(t: Transcript, unit: Unit = "sentence") -> list[tuple[str, float | None, float | None]]:
    return [(s.text, s.begin_time, s.end_time) for s in segment(t, unit)]


AGENCY = [
    "INT: What gets in the way?",
    "R: Time and money. The hours were cut last year. [00:04:12] And the staffing, we lose people.",
    "INT: And what helps?",
    "R: Our director backed us. [00:06:30] She funded the training.",
]
AGENCY_TIMES = [
    ("Time and money.", None, 252.0),
    ("The hours were cut last year.", None, 252.0),
    ("And the staffing, we lose people.", 252.0, None),
    ("Our director backed us.", None, 390.0),
    ("She funded the training.", 390.0, None),
]


def test_an_agencys_mark_inside_an_answer_times_the_words_on_either_side_txt(
    tmp_path: Path,
) -> None:
    """s55 tester: a mark inside a turn with no time of its own was deleted and timed nothing,
    so every segment had no time. The words after it begin at it, those before it end there."""
    f = tmp_path / "t2.txt"
    f.write_text("\n\n".join(AGENCY) + "\n", "utf-8")
    t = read_transcript(f)
    assert [(u.begin_time, u.end_time) for u in t.turns] == [(None, None)] * 4
    assert times(t) == AGENCY_TIMES
    # a window holding words on both sides begins when its first words do: unknown here
    assert [(b, e) for _, b, e in times(t, "window")] == [(None, None), (None, None)]


def test_an_agencys_mark_inside_an_answer_times_the_words_on_either_side_docx(
    tmp_path: Path,
) -> None:
    t = read_transcript(write_docx(tmp_path / "t2.docx", AGENCY))
    assert [(u.begin_time, u.end_time) for u in t.turns] == [(None, None)] * 4
    assert times(t) == AGENCY_TIMES


def test_a_mark_inside_a_timed_turn_times_the_words_after_it_not_the_turns_begin(
    tmp_path: Path,
) -> None:
    """The turn keeps the times the marks at turn ends give it (5 to 40); the sentence after
    ``[00:00:28]`` is cited at 28, not at the turn's 5, and a sentence spanning it keeps the
    turn's begin."""
    f = tmp_path / "p35.txt"
    f.write_text(INLINE_TXT, "utf-8")
    t = read_transcript(f)
    assert times(t)[:2] == [
        ("The contract had outcomes written into it.", 5.0, 40.0),
        ("We had to show progress.", 28.0, 40.0),
    ]


def test_a_mark_inside_a_turn_that_runs_backwards_times_nothing(tmp_path: Path) -> None:
    """review, session 55: an interview recorded in two parts restarts its clock, and a mark
    inside a turn earlier than the turn's begin (or than the mark before it) was used: 'Time
    and money.' began at 605 and ended at 120. Such a mark now times nothing (as a subtitle cue
    ending before it begins is read untimed): its words run on from the mark before it."""
    f = tmp_path / "two_parts.txt"
    f.write_text(
        "[00:10:00] INT: What gets in the way?\n\n"
        "[00:10:05] R: Time and money. [00:02:00] The hours were cut. [00:10:30] And pay. "
        "[00:10:20] We lose people.\n\n[00:11:00] INT: And what helps?\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.begin_time, u.end_time) for u in t.turns] == [
        (600.0, None),
        (605.0, None),
        (660.0, None),
    ]
    assert times(t) == [
        ("Time and money.", 605.0, 630.0),
        ("The hours were cut.", 605.0, 630.0),
        ("And pay.", 630.0, None),
        ("We lose people.", 630.0, None),
    ]


def test_f4transkript_marks_ending_a_turns_paragraphs_time_each_paragraph(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "I: Why? #00:00:03-1#\n\nP04: Staff left. #00:01:02-3#\nWe hired more. #00:01:30-0#\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.begin_time, u.end_time) for u in t.turns] == [(None, 3.1), (3.1, 90.0)]
    assert times(t) == [("Staff left.", 3.1, 62.3), ("We hired more.", 62.3, 90.0)]


def test_a_time_alone_on_a_line_inside_a_txt_answer_times_the_words_after_it(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p64.txt"
    f.write_text("Sam Roe: Why?\n\nRuth Clarke: Staffing.\n\n00:05:00\n\nAnd pay.\n", "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert times(t) == [("Staffing.", None, 300.0), ("And pay.", 300.0, None)]


def test_a_timestamp_only_before_a_label_keeps_the_files_own_text(tmp_path: Path) -> None:
    text = "[00:00:02] Interviewer: Why?\n\n[00:00:05] P1: Cost (and 10:30 meetings).\n"
    f = tmp_path / "p1.txt"
    f.write_text(text, "utf-8")
    t = read_transcript(f)
    assert t.text == text and t.metadata["rendering"] == "original"
    assert turns(t) == [
        ("Interviewer", "Why?", 24, 28, 2.0, None),
        ("P1", "Cost (and 10:30 meetings).", 45, 71, 5.0, None),
    ]


# --- Google Meet's time paragraphs and closing text, Sonix's trial footer ------------------------

MEET_NOTICE = (
    "This editable transcript was computer generated and might contain errors. People can also "
    "change the text after it was created."
)
MEET = [
    "Recovery study interview (2026-10-14 10:02 GMT+1) - Transcript",
    "Attendees",
    "Joanne Lee, Sam Roe",
    "Transcript",
    "00:00:00",
    "Sam Roe: How did it start?",
    "Joanne Lee: With the contract.",
    "00:05:00",
    "Sam Roe: And staff?",
    "Joanne Lee: Mixed, at first.",
    "Meeting ended after 00:09:12 👋",
    MEET_NOTICE,
]
MEET_TURNS_TEXT = (
    "Sam Roe: How did it start?\n\nJoanne Lee: With the contract.\n\n"
    "Sam Roe: And staff?\n\nJoanne Lee: Mixed, at first."
)


def test_google_meet_docx_time_paragraphs_and_closing_text_are_no_ones_words(
    tmp_path: Path,
) -> None:
    f = write_docx(tmp_path / "p23.docx", MEET)
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.text == MEET_TURNS_TEXT
    assert turns(t) == [
        ("Sam Roe", "How did it start?", 9, 26, 0.0, None),
        ("Joanne Lee", "With the contract.", 40, 58, None, None),
        ("Sam Roe", "And staff?", 69, 79, 300.0, None),
        ("Joanne Lee", "Mixed, at first.", 93, 109, None, None),
    ]
    assert t.metadata["service_text"] == ["Meeting ended after 00:09:12 👋", MEET_NOTICE]
    segments_hold_their_text(t)


def test_a_google_meet_mark_inside_an_answer_times_only_the_words_after_it(
    tmp_path: Path,
) -> None:
    """The answer's first paragraphs come before the ``00:05:00`` mark: the turn is not begun at
    it (s48 tester: gmeet_RM11:0003 began before the mark but was cited at 300)."""
    paragraphs = [
        *MEET[:6],
        "Joanne Lee: It's a worry. People are tired.",
        "00:05:00",
        "Joanne Lee: We've brought in a wellbeing check.",
    ]
    t = read_transcript(
        write_docx(tmp_path / "p23.docx", paragraphs), interviewer_labels=["Sam Roe"]
    )
    assert [(u.speaker, u.begin_time) for u in t.turns] == [("Sam Roe", 0.0), ("Joanne Lee", None)]
    assert [(s.text, s.begin_time) for s in segment(t, "sentence")] == [
        ("It's a worry.", None),
        ("People are tired.", None),
        ("We've brought in a wellbeing check.", 300.0),
    ]


def test_google_meet_txt_closing_text_is_no_ones_words(tmp_path: Path) -> None:
    text = "\n\n".join(MEET) + "\n"
    f = tmp_path / "p64.txt"
    f.write_text(text, "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.text == text and t.metadata["rendering"] == "original"
    assert turns(t) == [
        ("Sam Roe", "How did it start?", 127, 144, 0.0, None),
        ("Joanne Lee", "With the contract.", 158, 176, None, None),
        ("Sam Roe", "And staff?", 197, 207, 300.0, None),
        ("Joanne Lee", "Mixed, at first.", 221, 237, None, None),
    ]
    assert t.metadata["service_text"] == ["Meeting ended after 00:09:12 👋", MEET_NOTICE]
    segments_hold_their_text(t)


def test_sonix_trial_footer_is_no_ones_words(tmp_path: Path) -> None:
    f = write_docx(
        tmp_path / "p41.docx",
        [
            "p41_interview.mp3",
            "Sam Roe: [00:00:02] How did it start?",
            "Rachel Kim: [00:00:09] With the contract.",
            "Automatically convert your audio files to text with Sonix. Sonix is the best online, "
            "automated transcription service.",
            "Sonix uses cutting-edge artificial intelligence to convert your mp3 files to text.",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.text == "Sam Roe: How did it start?\n\nRachel Kim: With the contract."
    assert turns(t) == [
        ("Sam Roe", "How did it start?", 9, 26, 2.0, None),
        ("Rachel Kim", "With the contract.", 40, 58, 9.0, None),
    ]
    assert len(t.metadata["service_text"]) == 2


def test_a_participant_who_says_the_meeting_ended_is_heard(tmp_path: Path) -> None:
    f = write_docx(
        tmp_path / "p23.docx",
        ["Sam Roe: How did it end?", "Joanne Lee: Well.", "Meeting ended after two hours, sadly."],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns(t)[-1][1] == "Well.\nMeeting ended after two hours, sadly."
    assert "service_text" not in t.metadata


def test_a_time_alone_on_a_line_inside_a_txt_turn_is_left_out(tmp_path: Path) -> None:
    f = tmp_path / "p64.txt"
    f.write_text("Sam Roe: Why?\n\nRuth Clarke: Staffing.\n\n00:05:00\n\nAnd pay.\n", "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.text == "Sam Roe: Why?\n\nRuth Clarke: Staffing.\nAnd pay."
    assert turns(t) == [
        ("Sam Roe", "Why?", 9, 13, None, None),
        ("Ruth Clarke", "Staffing.\nAnd pay.", 28, 46, None, None),
    ]


def test_the_service_text_left_out_is_pseudonymised_as_other_words_left_out(
    tmp_path: Path,
) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    f = tmp_path / "p64.txt"
    footer = (
        "Automatically convert your audio files to text with Sonix. Sonix is the best online, "
        "automated transcription service."
    )
    f.write_text(f"Sam Roe: Why?\n\nKim Wu: Staffing.\n\n{footer}\n\nShared with Kim Wu\n", "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.metadata["service_text"] == [footer, "Shared with Kim Wu"]
    done, _ = pseudonymise([t])
    # as talk, as the .txt's text keeps them (not bare, as a label is)
    assert done[0].metadata["service_text"] == [footer, "Shared with [P64]"]


# --- times that are talk: only a service's marks are left out ------------------------------------

TALK_TIMES = (
    "Interviewer: What are your staffing ratios?\n"
    "P04: Days we run at (1:10) and nights at [1:15], and we meet at [10:30] (9:00) sharp.\n"
    "Interviewer: And the ratio at night?\n"
    "P04: 1:15\n"
    "Interviewer: And the shifts?\n"
    "P04: Our shifts start at:\n07:00\n14:00\n22:00\nand the handover overlaps.\n"
    "Interviewer: OK.\n"
)


def test_clock_like_numbers_in_txt_talk_are_the_speakers_words(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(TALK_TIMES, "utf-8")
    t = read_transcript(f)
    assert t.text == TALK_TIMES and t.metadata["rendering"] == "original"
    assert "time_marks" not in t.metadata
    assert turns(t) == [
        ("Interviewer", "What are your staffing ratios?", 13, 43, None, None),
        (
            "P04",
            "Days we run at (1:10) and nights at [1:15], and we meet at [10:30] (9:00) sharp.",
            49,
            129,
            None,
            None,
        ),
        ("Interviewer", "And the ratio at night?", 143, 166, None, None),
        ("P04", "1:15", 172, 176, None, None),
        ("Interviewer", "And the shifts?", 190, 205, None, None),
        (
            "P04",
            "Our shifts start at:\n07:00\n14:00\n22:00\nand the handover overlaps.",
            211,
            276,
            None,
            None,
        ),
        # the last time alone on a line inside the answer is no time of the next turn
        ("Interviewer", "OK.", 290, 293, None, None),
    ]


def test_a_service_mark_leaves_talk_times_and_a_time_only_answer_in_place(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: When is the huddle? (00:00:08)\n"
        "P04: 00:15:00\n"
        "Interviewer: And the board? [00:00:20]\n"
        "P04: At [10:30] and (11:00).\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: When is the huddle?\n\nP04: 00:15:00\n\n"
        "Interviewer: And the board?\n\nP04: At [10:30] and (11:00)."
    )
    assert turns(t) == [
        ("Interviewer", "When is the huddle?", 13, 32, None, 8.0),
        ("P04", "00:15:00", 39, 47, 8.0, None),
        ("Interviewer", "And the board?", 62, 76, None, 20.0),
        ("P04", "At [10:30] and (11:00).", 83, 106, 20.0, None),
    ]
    assert t.metadata["time_marks"] == ["(00:00:08)", "[00:00:20]"]


def test_clock_like_numbers_in_docx_talk_are_the_speakers_words(tmp_path: Path) -> None:
    f = write_docx(
        tmp_path / "p04.docx",
        [
            "Interviewer: What time is the daily huddle?",
            "P04: 9:15",
            "Interviewer: We meet at [10:30] then?",
            "P04: Yes, at [10:30], and (11:00) for the doctors. On Mondays it's",
            "9:15",
            "and on Fridays later.",
            "Interviewer: Thanks.",
        ],
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: What time is the daily huddle?\n\nP04: 9:15\n\n"
        "Interviewer: We meet at [10:30] then?\n\n"
        "P04: Yes, at [10:30], and (11:00) for the doctors. On Mondays it's\n9:15\n"
        "and on Fridays later.\n\nInterviewer: Thanks."
    )
    assert turns(t) == [
        ("Interviewer", "What time is the daily huddle?", 13, 43, None, None),
        ("P04", "9:15", 50, 54, None, None),
        ("Interviewer", "We meet at [10:30] then?", 69, 93, None, None),
        (
            "P04",
            "Yes, at [10:30], and (11:00) for the doctors. On Mondays it's\n9:15\n"
            "and on Fridays later.",
            100,
            188,
            None,
            None,
        ),
        ("Interviewer", "Thanks.", 203, 210, None, None),
    ]
    assert "time_marks" not in t.metadata


# --- a service's closing text is its whole line: talk after the last label stays talk -----------


def test_talk_opening_like_a_service_notice_after_the_last_label_is_heard(
    tmp_path: Path,
) -> None:
    text = (
        "Interviewer: Anything else?\n"
        "P04: Yes.\n"
        "Meeting ended after 00:45:00 and we never got the recording back, that's the barrier.\n"
        "This transcript was exported on the shared drive and nobody could read it.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, "utf-8")
    t = read_transcript(f)
    assert t.text == text
    assert turns(t) == [
        ("Interviewer", "Anything else?", 13, 27, None, None),
        ("P04", text[33:].rstrip(), 33, 198, None, None),
    ]
    assert "service_text" not in t.metadata


def test_a_file_without_labels_keeps_a_paragraph_opening_like_a_notice(tmp_path: Path) -> None:
    text = (
        "The biggest barrier was training time.\n\n"
        "This transcript was exported on a USB stick by our admin, which broke the policy.\n\n"
        "After that the champions gave up.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, "utf-8")
    with pytest.warns(UserWarning):
        t = read_transcript(f)
    assert [(u.start, u.end) for u in t.turns] == [(0, 38), (40, 121), (123, 156)]
    assert "service_text" not in t.metadata


def test_talk_after_a_service_line_goes_on_with_the_last_turn(tmp_path: Path) -> None:
    f = write_docx(
        tmp_path / "p23.docx",
        [
            "Sam Roe: Why?",
            "Kim Wu: Staffing.",
            "Meeting ended after 00:09:12 👋",
            "And pay, honestly.",
            "This transcript was exported on Oct 14, 2026 - view latest version here.",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.text == "Sam Roe: Why?\n\nKim Wu: Staffing.\nAnd pay, honestly."
    assert turns(t) == [
        ("Sam Roe", "Why?", 9, 13, None, None),
        ("Kim Wu", "Staffing.\nAnd pay, honestly.", 23, 51, None, None),
    ]
    assert t.metadata["service_text"] == [
        "Meeting ended after 00:09:12 👋",
        "This transcript was exported on Oct 14, 2026 - view latest version here.",
    ]


def test_talk_after_a_service_line_in_a_txt_goes_on_with_the_last_turn(tmp_path: Path) -> None:
    line = "Meeting ended after 00:09:12 👋"
    f = tmp_path / "p23.txt"
    f.write_text(f"Sam Roe: Why?\n\nKim Wu: Staffing.\n\n{line}\n\nAnd pay, honestly.\n", "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    # the service's line is blanked in the file's text (offsets hold), as a chat message is
    blank = " " * len(line)
    assert t.text == f"Sam Roe: Why?\n\nKim Wu: Staffing.\n\n{blank}\n\nAnd pay, honestly.\n"
    assert turns(t) == [
        ("Sam Roe", "Why?", 9, 13, None, None),
        ("Kim Wu", f"Staffing.\n\n{blank}\n\nAnd pay, honestly.", 23, 84, None, None),
    ]
    assert t.metadata["service_text"] == [line]
    assert [s.text for s in segment(t, "sentence")] == ["Staffing.", "And pay, honestly."]


def test_a_service_line_left_out_of_a_vtt_is_recorded(tmp_path: Path) -> None:
    f = tmp_path / "p23.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nSam Roe: Why?\n\n"
        "00:00:04.000 --> 00:00:06.000\nKim Wu: Staffing.\n\n"
        "00:00:07.000 --> 00:00:08.000\nMeeting ended after 00:09:12\n",
        "utf-8",
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns(t) == [
        ("Sam Roe", "Why?", 9, 13, 1.0, 3.0),
        ("Kim Wu", "Staffing.", 23, 32, 4.0, 6.0),
    ]
    assert t.metadata["service_text"] == ["Meeting ended after 00:09:12"]


def test_a_mark_inside_a_turn_later_than_the_next_turns_begin_times_nothing(
    tmp_path: Path,
) -> None:
    """s55 hunt: a typo'd mark ('[00:12:05]' for 00:02:05) inside a turn with no end of its own
    was used though the next turn begins at 150: 'She protected our time.' ran 110-725."""
    f = tmp_path / "typo.txt"
    f.write_text(
        "[00:01:35] Participant: The ward manager. [00:01:50] She protected our time. "
        "[00:12:05] Honestly she was brilliant.\n[00:02:30] Interviewer: Thanks.\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert times(t) == [
        ("The ward manager.", 95.0, 110.0),
        ("She protected our time.", 110.0, None),
        ("Honestly she was brilliant.", 110.0, None),
    ]
