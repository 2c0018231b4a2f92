"""Cue files with no blank lines between cues (hand-edited, or pasted): a timing line roqa
cannot read there, or a cue's id, must be no one's talk, and no words may be lost (session 79
hunt2 F3-F6). A malformed timing line (``>>``, ``to``) inside a cue was read as talk and
coded; a labelled answer right above a timing line was cleared as a cue id with no warning;
Teams' cue ids stayed in the turns."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

Turn = tuple[str, float | None, float | None, str]


def read_warned(
    f: Path, interviewer: str | None = None
) -> tuple[list[Turn], list[str], Transcript]:
    """The turns of ``f`` (speaker, begin, end, words), its warnings, and its transcript."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=[interviewer] if interviewer else None)
    turns = [(u.speaker, u.begin_time, u.end_time, t.text[u.start : u.end]) for u in t.turns]
    return turns, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)], t


def srt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_malformed_timing_line_after_a_broken_one_ends_its_block(tmp_path: Path) -> None:
    """Cue 2's timing line is broken (``-->``, no end), cue 3's malformed (``>>``): the block
    opened by the first ended only at a broken line, so the second timing line was P03's
    talk, coded (F3)."""
    f = srt(
        tmp_path / "n2.srt",
        [
            "1",
            "00:00:01,000 --> 00:00:04,000",
            "Interviewer: What gets in the way of the pathway?",
            "2",
            "00:00:05,000 -->",
            "P03: Staffing, mostly, and the rota.",
            "3",
            "00:00:10,000 >> 00:00:14,000",
            "Interviewer: And what helps?",
            "4",
            "00:00:15,000 --> 00:00:19,000",
            "P03: The matron backs us in every meeting.",
        ],
    )
    turns, warned, t = read_warned(f)
    assert turns == [
        ("Interviewer", 1.0, 4.0, "What gets in the way of the pathway?"),
        ("P03", 5.0, None, "Staffing, mostly, and the rota."),
        ("Interviewer", None, None, "And what helps?"),
        ("P03", 15.0, 19.0, "The matron backs us in every meeting."),
    ]
    assert t.metadata["blocks_read_without_timing_lines"] == ["5-6", "8-9"]
    assert warned == [
        f"{f}: 2 cue blocks have timing lines roqa cannot read (lines 5-6, 8-9), so their "
        "words were read without a time or with only their start time: '00:00:05,000 -->' "
        "(mend the timing lines to have them timed)"
    ]


def test_a_malformed_timing_line_inside_a_cue_opens_a_block(tmp_path: Path) -> None:
    """With no blank lines, ``00:00:05,000 >> 00:00:09,000`` and its cue number were the
    question's words, and P03's answer ended with ``3 00:00:10,000 >> 00:00:14,000``, coded,
    with no warning (F4)."""
    f = srt(
        tmp_path / "n1.srt",
        [
            "1",
            "00:00:01,000 --> 00:00:04,000",
            "Interviewer: What gets in the way of the pathway?",
            "2",
            "00:00:05,000 >> 00:00:09,000",
            "P03: Staffing, mostly, and the rota.",
            "3",
            "00:00:10,000 >> 00:00:14,000",
            "Interviewer: And what helps?",
            "4",
            "00:00:15,000 --> 00:00:19,000",
            "P03: The matron backs us in every meeting.",
        ],
    )
    turns, warned, _ = read_warned(f)
    assert turns == [
        ("Interviewer", 1.0, 4.0, "What gets in the way of the pathway?"),
        ("P03", None, None, "Staffing, mostly, and the rota."),
        ("Interviewer", None, None, "And what helps?"),
        ("P03", 15.0, 19.0, "The matron backs us in every meeting."),
    ]
    assert warned == [
        f"{f}: 2 cue blocks have timing lines roqa cannot read (lines 5-6, 8-9), so their "
        "words were read without a time: '00:00:05,000 >> 00:00:09,000' (mend the timing lines "
        "to have them timed)"
    ]


def test_times_in_a_cues_talk_stay_talk(tmp_path: Path) -> None:
    """A line of talk that opens with two times and goes on (``10:30 to 11:00 was the
    handover``), or a short arrow between numbers (``2.5 -> 3 hours``), is no timing line."""
    f = srt(
        tmp_path / "talk.srt",
        [
            "1",
            "00:00:01,000 --> 00:00:04,000",
            "Interviewer: When is the handover?",
            "2",
            "00:00:05,000 --> 00:00:09,000",
            "P03: It depends.",
            "10:30 to 11:00 was the handover",
            "and we spend 2.5 -> 3 hours a week on it.",
            "3",
            "00:00:10,000 --> 00:00:14,000",
            "Interviewer: And what helps?",
        ],
    )
    turns, warned, _ = read_warned(f)
    assert turns == [
        ("Interviewer", 1.0, 4.0, "When is the handover?"),
        ("P03", 5.0, 9.0, "It depends. 10:30 to 11:00 was the handover and we spend 2.5 -> 3 "
         "hours a week on it."),
        ("Interviewer", 10.0, 14.0, "And what helps?"),
    ]  # fmt: skip
    assert warned == []


def test_a_labelled_answer_right_above_a_timing_line_is_read_not_taken_for_a_cue_id(
    tmp_path: Path,
) -> None:
    """The answer's own timing line is missing, and the next cue follows it with no blank
    line: every line gathered above a timing line was cleared as a cue id, so P03's answer was
    gone and the two questions ran into one turn, with no warning (F5)."""
    f = tmp_path / "k_lost.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: What gets in the way of the "
        "pathway?\n\nP03: Staffing is the biggest barrier, we lost two nurses.\n"
        "00:00:10.000 --> 00:00:14.000\nInterviewer: And what helps?\n\n"
        "00:00:15.000 --> 00:00:19.000\nP03: The matron backs us.\n",
        "utf-8",
    )
    turns, warned, _ = read_warned(f)
    assert turns == [
        ("Interviewer", 1.0, 4.0, "What gets in the way of the pathway?"),
        ("P03", None, None, "Staffing is the biggest barrier, we lost two nurses."),
        ("Interviewer", 10.0, 14.0, "And what helps?"),
        ("P03", 15.0, 19.0, "The matron backs us."),
    ]
    assert warned == [
        f"{f}: 1 cue block has no timing line (line 6), so its words were read without a time: "
        "'P03: Staffing is the biggest barrier, we lost two nurses.' (mend the timing line to "
        "have them timed)"
    ]


def test_teams_cue_ids_in_a_file_with_no_blank_lines_are_no_talk(tmp_path: Path) -> None:
    """Teams' ids (a GUID and the cue's place, or the GUID and a number in older files) above
    each timing line stayed in the turns, ending each with an id (F6); a cue id number is left
    out as before."""
    guid = "5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718"
    f = tmp_path / "teams_noblank.vtt"
    f.write_text(
        f"WEBVTT\n\n{guid}/14-0\n00:00:03.400 --> 00:00:05.900\n<v Hannah Whitfield>What gets "
        f"in the way?</v>\n{guid}/14-1\n00:00:06.000 --> 00:00:09.000\n<v Gareth Price>Staffing, "
        f"mostly.</v>\n{guid}-3\n00:00:09.000 --> 00:00:12.000\n<v Gareth Price>And the rota."
        f"</v>\n4\n00:00:12.500 --> 00:00:14.000\n<v Hannah Whitfield>And what helps?</v>\n",
        "utf-8",
    )
    turns, warned, _ = read_warned(f, "Hannah Whitfield")
    assert turns == [
        ("Hannah Whitfield", 3.4, 5.9, "What gets in the way?"),
        ("Gareth Price", 6.0, 12.0, "Staffing, mostly. And the rota."),
        ("Hannah Whitfield", 12.5, 14.0, "And what helps?"),
    ]
    assert warned == []
