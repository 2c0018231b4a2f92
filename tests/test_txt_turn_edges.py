"""Plain-text turns at their edges: a time alone below a label alone, a display name that
labels two lines in a row, a header field's word that is a group's speaker, and a
transcription service's page footers between turns."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment


def _write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def _turns(t: Transcript) -> list[tuple[str, str, float | None, str]]:
    for s in segment(t, "sentence", skip_interviewer=False, skip_backchannels=False):
        assert t.text[s.start : s.end] == s.text
    return [(u.speaker, u.role, u.begin_time, t.text[u.start : u.end]) for u in t.turns]


# --- a time alone below a label alone --------------------------------------------------------


def test_a_time_below_a_label_alone_with_no_words_after_it_is_the_answer(tmp_path: Path) -> None:
    """``P04:`` then ``17:45`` and no more words before the next label: the time is what P04
    said (the answer to when the shift starts). Before, it was read as the turn's start time
    and the turn, with no words left, was lost."""
    text = (
        "Interviewer: When does your shift start?\nP04:\n17:45\n\n"
        "Interviewer: And it ends?\nP04:\n07:00\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert _turns(t) == [
        ("Interviewer", "interviewer", None, "When does your shift start?"),
        ("P04", "participant", None, "17:45"),
        ("Interviewer", "interviewer", None, "And it ends?"),
        ("P04", "participant", None, "07:00"),
    ]


def test_a_time_below_a_label_alone_with_words_after_it_times_the_turn(tmp_path: Path) -> None:
    text = (
        "Interviewer: What do you do at night?\nP04:\n17:45\n"
        "I start the handover at quarter to six.\nThen we go round the beds.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert _turns(t)[1] == (
        "P04",
        "participant",
        1065.0,
        "I start the handover at quarter to six.\nThen we go round the beds.",
    )


def test_a_recording_time_below_a_label_alone_is_no_answer(tmp_path: Path) -> None:
    """Only a clock time (``17:45``) right after a question is an answer below a label alone;
    a recording's timestamp (``00:45:10``, ``[00:02:10]``) or a time after no question stays
    the turn's time, and a turn with no words is none. Before, ``P04:`` / ``00:45:10`` at the
    end of the recording was a coded answer '00:45:10', ``Interviewer:`` / ``00:12:40`` the
    next answer's question, and two bracketed times merged the questions around them."""
    end = (
        "Interviewer:\n00:00:05\nWhat helps your service?\n\n"
        "P04:\n00:00:12\nOur manager, mostly.\n\n"
        "Interviewer:\n00:01:40\n\n"
        "P04:\n00:01:45\nThe manager helps.\n\n"
        "Interviewer: Thank you, that's the end.\n\nP04:\n00:45:10\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", end))
    assert _turns(t) == [
        ("Interviewer", "interviewer", 5.0, "What helps your service?"),
        ("P04", "participant", 12.0, "Our manager, mostly."),
        ("P04", "participant", 105.0, "The manager helps."),
        ("Interviewer", "interviewer", None, "Thank you, that's the end."),
    ]
    froze = (
        "Interviewer: When do staff start?\nP04:\n[00:02:10]\n[00:02:15]\n"
        "Interviewer: Sorry, you froze.\nP04: At 8:30 usually.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", froze))
    assert _turns(t) == [
        ("Interviewer", "interviewer", None, "When do staff start?"),
        ("Interviewer", "interviewer", None, "Sorry, you froze."),
        ("P04", "participant", None, "At 8:30 usually."),
    ]
    names = "Sam Roe\n0:03\nWhat helps?\n\nJane Smith\n0:10\nThe team.\n\n"
    names += "Sam Roe\n1:02\n\nJane Smith\n1:05\nWe have supervision monthly.\n"
    t = read_transcript(_write(tmp_path, "names.txt", names), interviewer_labels=["Sam Roe"])
    assert [w for _, _, _, w in _turns(t)] == [
        "What helps?",
        "The team.",
        "We have supervision monthly.",
    ]


def test_a_time_below_a_label_alone_in_a_file_that_times_each_turn_so_is_no_answer(
    tmp_path: Path,
) -> None:
    """A file that puts the label, then the recording's time, then the words above each turn
    (``P04:`` / ``12:10`` / words): a time alone under a label is that turn's time even after a
    question, and a turn with no words (the participant froze) is none. Before, ``P04:`` /
    ``12:31`` after "And what gets in the way?" was coded as P04's answer '12:31', and
    ``P04:`` / ``19:10`` after "Shall I stop the recording?" at the end too."""
    froze = (
        "Interviewer:\n12:03\nWhat helps your service?\n\n"
        "P04:\n12:10\nThe team, mostly.\n\n"
        "Interviewer:\n12:25\nAnd what gets in the way?\n\n"
        "P04:\n12:31\n\n"
        "Interviewer:\n12:33\nSorry, you froze. Can you hear me?\n\n"
        "P04:\n12:40\nMoney, honestly.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", froze))
    assert _turns(t) == [
        ("Interviewer", "interviewer", 723.0, "What helps your service?"),
        ("P04", "participant", 730.0, "The team, mostly."),
        ("Interviewer", "interviewer", 745.0, "And what gets in the way?"),
        ("Interviewer", "interviewer", 753.0, "Sorry, you froze. Can you hear me?"),
        ("P04", "participant", 760.0, "Money, honestly."),
    ]
    end = (
        "Interviewer:\n44:50\nIs there anything you'd like to ask me?\n\n"
        "P04:\n45:02\nNo, that's all.\n\n"
        "Interviewer:\n19:05\nShall I stop the recording?\n\nP04:\n19:10\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", end))
    assert _turns(t) == [
        ("Interviewer", "interviewer", 2690.0, "Is there anything you'd like to ask me?"),
        ("P04", "participant", 2702.0, "No, that's all."),
        ("Interviewer", "interviewer", 1145.0, "Shall I stop the recording?"),
    ]
    names = (
        "Sam Roe\n0:03\nWhat helps?\n\nJane Smith\n0:10\nThe team.\n\n"
        "Sam Roe\n0:25\nAnd what gets in the way?\n\nJane Smith\n0:31\n\n"
        "Sam Roe\n0:33\nSorry, you froze.\n"
    )
    t = read_transcript(_write(tmp_path, "names.txt", names), interviewer_labels=["Sam Roe"])
    assert [(s, w) for s, _, _, w in _turns(t)] == [
        ("Sam Roe", "What helps?"),
        ("Jane Smith", "The team."),
        ("Sam Roe", "And what gets in the way?"),
        ("Sam Roe", "Sorry, you froze."),
    ]


def test_one_turn_timed_below_its_label_leaves_a_time_answer_an_answer(tmp_path: Path) -> None:
    """Only two or more turns timed below their labels make a file's times turn times: one
    (``P04:`` / ``17:45`` / "The team.") leaves ``P04:`` / ``09:15`` after a question the
    answer."""
    text = (
        "Interviewer: What helps?\n\nP04:\n17:45\nThe team.\n\n"
        "Interviewer: When do you start?\n\nP04:\n09:15\n\nInterviewer: Right.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert _turns(t) == [
        ("Interviewer", "interviewer", None, "What helps?"),
        ("P04", "participant", 1065.0, "The team."),
        ("Interviewer", "interviewer", None, "When do you start?"),
        ("P04", "participant", None, "09:15"),
        ("Interviewer", "interviewer", None, "Right."),
    ]


# --- a transcription service's page footers ---------------------------------------------------

PAGED = (
    "Interviewer: How did the rollout go?\n"
    "P04: It was slow at first.\n"
    "Transcribed by https://otter.ai\n"
    "Interviewer: Why?\n"
    "P04: We had no lead.\n"
    "Page 3 of 12\n"
    "Interviewer: And then?\n"
    "P04: See page 3 of the report for that.\n"
    "Rev.com   Page 2 of 9\n"
    "Interviewer: Thanks.\n"
)


def test_page_footers_between_turns_are_service_text(tmp_path: Path) -> None:
    """A service's footer on each page (``Transcribed by https://otter.ai``, ``Page 3 of 12``,
    ``Rev.com   Page 2 of 9``) between two turns is no one's words: before, each was read
    into the answer above it and coded with it."""
    t = read_transcript(_write(tmp_path, "p04.txt", PAGED))
    assert [(s, w) for s, _, _, w in _turns(t)] == [
        ("Interviewer", "How did the rollout go?"),
        ("P04", "It was slow at first."),
        ("Interviewer", "Why?"),
        ("P04", "We had no lead."),
        ("Interviewer", "And then?"),
        ("P04", "See page 3 of the report for that."),
        ("Interviewer", "Thanks."),
    ]
    assert t.text == PAGED
    assert t.metadata["service_text"] == [
        "Transcribed by https://otter.ai",
        "Page 3 of 12",
        "Rev.com Page 2 of 9",
    ]


def test_a_page_footer_inside_an_answer_is_blanked_and_the_answer_read_whole(
    tmp_path: Path,
) -> None:
    text = (
        "Interviewer: Why?\nP04: We had no\nPage 3 of 12\nlead, and page 3 of the plan\n"
        "Page 3 of the report, yes.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, w) for s, _, _, w in _turns(t)] == [
        ("Interviewer", "Why?"),
        (
            "P04",
            "We had no\n            \nlead, and page 3 of the plan\nPage 3 of the report, yes.",
        ),
    ]
    assert t.metadata["service_text"] == ["Page 3 of 12"]


# --- a display name labelling two lines in a row ----------------------------------------------


def test_a_display_name_that_takes_turns_labels_its_lines_in_a_row_too(tmp_path: Path) -> None:
    """``🌟 Sarah Khan:`` opening two lines in a row, in a file where she takes the turn from
    another speaker twice: both lines are her turns. Before, the second label was read as words
    of the turn above (``🌟 Sarah Khan: Then ...`` coded as her words)."""
    text = (
        "Sam Roe: How did the rollout go?\n"
        "🌟 Sarah Khan: It was slow at first.\n"
        "🌟 Sarah Khan: Then it picked up in spring.\n"
        "Sam Roe: Why?\n"
        "🌟 Sarah Khan: The new lead.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text), interviewer_labels=["Sam Roe"])
    assert [(s, r, w) for s, r, _, w in _turns(t)] == [
        ("Sam Roe", "interviewer", "How did the rollout go?"),
        ("🌟 Sarah Khan", "participant", "It was slow at first."),
        ("🌟 Sarah Khan", "participant", "Then it picked up in spring."),
        ("Sam Roe", "interviewer", "Why?"),
        ("🌟 Sarah Khan", "participant", "The new lead."),
    ]


# --- a header field's word as a group's speaker ----------------------------------------------

GROUP = (
    "Facilitator: Welcome all. Who commissioned the pilot?\n"
    "P03: I think it came from the trust.\n"
    "Service: We were commissioned by the ICB in 2022.\n"
    "Facilitator: And how did it go for the service?\n"
    "Service: Slowly at first, the referrals were low.\n"
    "P05: It was the same for us, honestly.\n"
)


def test_a_field_word_that_takes_the_turn_from_two_speakers_is_a_speaker(tmp_path: Path) -> None:
    """``Service:`` (a Zoom account named after the service, in a group interview) opening
    lines after P03's answer and after the facilitator's question is a speaker. Before, a
    header field's word was read as words of the turn above wherever two other speakers
    spoke, so the service's answers were P03's and the facilitator's (not coded)."""
    t = read_transcript(_write(tmp_path, "group.txt", GROUP))
    assert [(s, r, w) for s, r, _, w in _turns(t)] == [
        ("Facilitator", "interviewer", "Welcome all. Who commissioned the pilot?"),
        ("P03", "participant", "I think it came from the trust."),
        ("Service", "participant", "We were commissioned by the ICB in 2022."),
        ("Facilitator", "interviewer", "And how did it go for the service?"),
        ("Service", "participant", "Slowly at first, the referrals were low."),
        ("P05", "participant", "It was the same for us, honestly."),
    ]


def test_a_field_word_said_once_in_an_answer_stays_talk(tmp_path: Path) -> None:
    text = GROUP.replace("Service: Slowly", "P03: Slowly")
    t = read_transcript(_write(tmp_path, "group.txt", text))
    assert [(s, w) for s, _, _, w in _turns(t)][1] == (
        "P03",
        "I think it came from the trust.\nService: We were commissioned by the ICB in 2022.",
    )


# --- a transcriber's note under a header field's word is no speaker ---------------------------

NOTES = (
    "Facilitator: What gets in the way of change?\n\n"
    "P03: For me it's the funding cycle.\n\n"
    "Note: P04 joined late, camera off.\n\n"
    "P04: Recruitment, definitely.\n\n"
    "Facilitator: And what helps?\n\n"
    "P04: Peer support.\n\n"
    "Note: P03 left the call at this point.\n\n"
    "Facilitator: Thank you both.\n"
)


def test_a_transcribers_note_after_two_speakers_stays_in_the_turn_above(tmp_path: Path) -> None:
    """``Note:`` / ``Location:`` / ``Comment:`` sentences a transcriber wrote between turns
    (data/transcriber_note_fields.txt) are not a speaker even where they come after two other
    speakers' lines, as a group's ``Service:`` is. Before, ``Note`` became a participant with two
    coded turns ('P04 joined late, camera off.')."""
    t = read_transcript(_write(tmp_path, "group.txt", NOTES))
    assert [(s, w) for s, _, _, w in _turns(t)] == [
        ("Facilitator", "What gets in the way of change?"),
        ("P03", "For me it's the funding cycle.\n\nNote: P04 joined late, camera off."),
        ("P04", "Recruitment, definitely."),
        ("Facilitator", "And what helps?"),
        ("P04", "Peer support.\n\nNote: P03 left the call at this point."),
        ("Facilitator", "Thank you both."),
    ]
    located = NOTES.replace("Note:", "Location:").replace("P04: Peer", "Facilitator: Peer")
    t = read_transcript(_write(tmp_path, "group.txt", located))
    assert {u.speaker for u in t.turns} == {"Facilitator", "P03", "P04"}


def test_a_comment_line_between_one_participants_answers_is_no_speaker(tmp_path: Path) -> None:
    """``Comment:`` is a transcriber's note, as ``Note:`` is: set apart between turns, it is in
    no turn. Before, it was a participant coded twice ('P03 sounded tired here.')."""
    text = (
        "Interviewer: What helps?\n\nP03: The team.\n\nInterviewer: Anything else?\n\n"
        "P03: Supervision.\n\nComment: P03 sounded tired here.\n\n"
        "Interviewer: And barriers?\n\nP03: Money.\n\nComment: interview ended early.\n"
    )
    t = read_transcript(_write(tmp_path, "p03.txt", text))
    assert [(s, w) for s, _, _, w in _turns(t)][3:] == [
        ("P03", "Supervision."),
        ("Interviewer", "And barriers?"),
        ("P03", "Money."),
    ]
    assert t.turns[-1].end == t.text.index("\n\nComment: interview")


def test_a_note_word_the_researcher_names_a_participant_is_a_speaker(tmp_path: Path) -> None:
    t = read_transcript(_write(tmp_path, "group.txt", NOTES), participant_labels=["Note"])
    assert [u.speaker for u in t.turns].count("Note") == 2
