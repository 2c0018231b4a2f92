"""A subtitle cue whose timing line is broken: its words are kept, wherever the cue is, and its
timing line is never read as anyone's speech (session 51 tester 'readers', findings 1 and 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

ANSWER = "Well I think recovery for us means the tenant leads, not the staff team."
QUESTION = "And how do you know it is working?"
LATER = "Honestly, we look at whether people are doing things they chose themselves."


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    """(speaker, role, words, begin_time, end_time) of every turn, the words by its offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def read_warned(f: Path, **options: object) -> tuple[Transcript, list[str]]:
    """The transcript of ``f`` and the warnings read with it; every segment's offsets checked."""
    with pytest.warns() as caught:
        t = read_transcript(f, **options)  # type: ignore[arg-type]
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


QUESTION2 = "And what gets in the way of that?"
LAST = "Staffing, always staffing, and the forms we have to fill in."


def teams(timings: tuple[str, ...]) -> str:
    """Teams' old transcript: each cue a timing line, the speaker's name, the words."""
    names = ("Gareth Price", "Hannah Whitfield") * 2 + ("Gareth Price",)
    said = (ANSWER, QUESTION, LATER, QUESTION2, LAST)
    cues = [
        f"{timing}\n{name}\n{words}"
        for timing, name, words in zip(timings, names, said, strict=True)
    ]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


TIMINGS = ("0:0:1.0 --> 0:0:5.5", "0:0:6.0 --> 0:0:9.0", "0:0:10.0 --> 0:0:15.0")
TIMINGS += ("0:0:16.0 --> 0:0:19.0", "0:0:20.0 --> 0:0:25.0")
TIMES = [(1.0, 5.5), (6.0, 9.0), (10.0, 15.0), (16.0, 19.0), (20.0, 25.0)]


@pytest.mark.parametrize(("cue", "lines"), [(0, "3-5"), (2, "11-13")], ids=["first", "third"])
def test_a_malformed_timing_line_keeps_its_cues_words_with_a_warning_wherever_the_cue_is(
    tmp_path: Path, cue: int, lines: str
) -> None:
    """``0:0:1. --> 0:0:5.5`` opening the first cue lost the cue's 14 words with no warning,
    while the same line opening a later cue kept them with one: the block before the first
    cue was taken for a title. Both keep the words, untimed, the name line naming the speaker,
    and the warning is the same one (no "talk of the speaker before them": the name says whose
    the words are)."""
    timings = list(TIMINGS)
    timings[cue] = bad = timings[cue].replace(".0 -->", ". -->")
    f = tmp_path / "rm20.vtt"
    f.write_text(teams(tuple(timings)), "utf-8")
    t, warned = read_warned(f, interviewer_labels=["Hannah Whitfield"])
    assert warned == [
        f"{f}: 1 cue block has a timing line roqa cannot read (lines {lines}), so its words were "
        f"read without a time: '{bad}' (mend the timing line to have them timed)"
    ]
    times = list(TIMES)
    times[cue] = (None, None)
    speakers = [
        ("Gareth Price", "participant", ANSWER),
        ("Hannah Whitfield", "interviewer", QUESTION),
        ("Gareth Price", "participant", LATER),
        ("Hannah Whitfield", "interviewer", QUESTION2),
        ("Gareth Price", "participant", LAST),
    ]
    assert turns_of(t) == [(*who, *when) for who, when in zip(speakers, times, strict=True)]


def zoom(timing: str, *, numbered: bool = True, suffix: str = ".vtt") -> str:
    """Zoom's numbered, labelled cues, the first with the timing line ``timing``."""
    sep = "," if suffix == ".srt" else "."
    cues = [
        f"{timing}\nGareth Price: {ANSWER}",
        f"00:00:06{sep}000 --> 00:00:09{sep}000\nHannah Whitfield: {QUESTION}",
        f"00:00:10{sep}000 --> 00:00:15{sep}000\nGareth Price: {LATER}",
    ]
    if numbered:
        cues = [f"{n}\n{cue}" for n, cue in enumerate(cues, 1)]
    return ("WEBVTT\n\n" if suffix == ".vtt" else "") + "\n\n".join(cues) + "\n"


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
@pytest.mark.parametrize(
    "timing",
    [
        "00:00:01:000 --> 00:00:05:000",
        "00.00.01 --> 00.00.05",
        "00.00.01.000 --> 00.00.05.000",
        "00.00.01,000 --> 00.00.05,000",
    ],
)
def test_a_timing_line_with_colons_or_full_stops_for_separators_is_read_as_times(
    tmp_path: Path, timing: str, numbered: bool, suffix: str
) -> None:
    """``00:00:01:000 --> 00:00:05:000`` opening the first cue was read as a participant's
    speech by an invented 'Unknown speaker', and coded; a colon before the milliseconds or
    full stops between hours, minutes and seconds are times (1 s to 5 s), with no warning."""
    f = tmp_path / f"rm44{suffix}"
    f.write_text(zoom(timing, numbered=numbered, suffix=suffix), "utf-8")
    t = read_transcript(f, interviewer_labels=["Hannah Whitfield"])
    assert turns_of(t) == [
        ("Gareth Price", "participant", ANSWER, 1.0, 5.0),
        ("Hannah Whitfield", "interviewer", QUESTION, 6.0, 9.0),
        ("Gareth Price", "participant", LATER, 10.0, 15.0),
    ]
    assert "blocks_read_without_timing" not in t.metadata


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "unnumbered"])
@pytest.mark.parametrize(
    "timing",
    ["00:00:01.000 -->", "--> 00:00:05.000", "00:00:01.000 --> 00::05.000", "0:0:1. --> 0:0:5."],
)
def test_a_broken_timing_line_is_no_speech_and_its_cue_is_read_untimed_with_one_warning(
    tmp_path: Path, timing: str, numbered: bool, suffix: str
) -> None:
    """A timing line that cannot be read (no end time, no begin time, a minute's field lost)
    was a participant's talk ('Unknown speaker', coded); it is no one's words, the cue's words
    are kept without a time, and one warning names the line, saying it cannot be read (it said
    "has no timing line" while quoting one: session 51 retest N6(b)). A good start with no end
    keeps its start time (it had none: retest N6(c))."""
    if suffix == ".srt":
        timing = timing.replace(".000", ",000")
    f = tmp_path / f"rm45{suffix}"
    f.write_text(zoom(timing, numbered=numbered, suffix=suffix), "utf-8")
    t, warned = read_warned(f, interviewer_labels=["Hannah Whitfield"])
    first = (3 if suffix == ".vtt" else 1) + numbered
    begin = 1.0 if timing.startswith("00:00:01") and timing.endswith("-->") else None
    assert warned == [
        f"{f}: 1 cue block has a timing line roqa cannot read (lines {first}-{first + 1}), so "
        f"its words were read without {'an end time' if begin else 'a time'}: '{timing}' (mend "
        "the timing line to have them timed)"
    ]
    assert turns_of(t) == [
        ("Gareth Price", "participant", ANSWER, begin, None),
        ("Hannah Whitfield", "interviewer", QUESTION, 6.0, 9.0),
        ("Gareth Price", "participant", LATER, 10.0, 15.0),
    ]


def test_a_broken_timing_line_inside_a_cue_with_no_blank_line_before_it_is_no_speech(
    tmp_path: Path,
) -> None:
    """A SubRip file missing the blank line between two cues, the second's timing line broken:
    the timing line was read as more of the first speaker's words. It opens a cue of its own,
    read without a time (its number no one's words either), with one warning naming its lines."""
    f = tmp_path / "rm46.srt"
    f.write_text(
        f"1\n00:00:01,000 --> 00:00:05,000\nGareth Price: {ANSWER}\n"
        f"2\n00:00:06,000 -->\nHannah Whitfield: {QUESTION}\n\n"
        f"3\n00:00:10,000 --> 00:00:15,000\nGareth Price: {LATER}\n",
        "utf-8",
    )
    t, warned = read_warned(f, interviewer_labels=["Hannah Whitfield"])
    assert warned == [
        f"{f}: 1 cue block has a timing line roqa cannot read (lines 5-6), so its words were "
        "read without an end time: '00:00:06,000 -->' (mend the timing line to have them timed)"
    ]
    assert turns_of(t) == [
        ("Gareth Price", "participant", ANSWER, 1.0, 5.0),
        ("Hannah Whitfield", "interviewer", QUESTION, 6.0, None),
        ("Gareth Price", "participant", LATER, 10.0, 15.0),
    ]


def test_parse_cue_time_reads_a_colon_before_milliseconds_and_full_stops_between_fields() -> None:
    """Three digits after a third colon are milliseconds; two could be a frame count, no time."""
    from roqa_nlp.transcripts.timecodes import parse_cue_time

    assert [parse_cue_time(v) for v in ("00:00:01:500", "01.02.03", "1.02.03,25", "0:5.5")] == [
        1.5,
        3723.0,
        3723.25,
        5.5,
    ]
    with pytest.raises(ValueError, match="not a clock time"):
        parse_cue_time("00:00:01:00")


def test_a_caption_line_with_a_single_arrow_is_talk_not_a_broken_timing_line(
    tmp_path: Path,
) -> None:
    """``2.5 -> 3 hours a week ...`` wrapped in a cue was read as a broken timing line: "2.5 ->"
    was lost and the cue's end made a block without times (session 51 review 6, t3/p05.vtt).
    Only the subtitle arrow ``-->`` makes a broken timing line; the line is the speaker's."""
    f = tmp_path / "p05.vtt"
    f.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nInterviewer: So how did the rollout go?\n\n"
        "2\n00:00:05.000 --> 00:00:12.000\nParticipant: It was slow at first. The\n"
        "2.5 -> 3 hours a week we lost to training\nreally hurt, honestly.\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "So how did the rollout go?", 1.0, 4.0),
        (
            "Participant",
            "participant",
            "It was slow at first. The 2.5 -> 3 hours a week we lost to training really hurt, "
            "honestly.",
            5.0,
            12.0,
        ),
    ]
    assert "blocks_read_without_timing" not in t.metadata


def test_a_cues_first_line_of_talk_is_no_name_line_in_a_block_without_times(
    tmp_path: Path,
) -> None:
    """ "Yeah, honestly." opening two timed cues was taken for a speaker's name on a line of its
    own, so in a block with a malformed timing line it was read as a speaker and only the line
    before it as the talk going on (session 51 review 7, t3/p09.srt). Only a line that reads as
    a name line (:func:`.utterances.is_name_line`) is one: lines 21-23 carry on the turn."""
    f = tmp_path / "p09.srt"
    f.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\n"
        "Interviewer: So how did, um, how did the training go?\n\n"
        "2\n00:00:05,000 --> 00:00:09,000\nParticipant: Yeah, honestly.\n"
        "It was fine, we did the e-learning first.\n\n"
        "3\n00:00:09,500 --> 00:00:12,000\nYeah, honestly.\nThe online bit was the easy part.\n\n"
        "4\n00:00:13,000 --> 00:00:15,000\nInterviewer: And the managers?\n\n"
        "5\n00:00:15,000 >> 00:00:19,000\nand the deputies, mm.\nYeah, honestly.\n"
        "They were, uh, they were the ones who pushed it.\n\n"
        "6\n00:00:20,000 --> 00:00:24,000\nInterviewer: Right, okay.\n",
        "utf-8",
    )
    t, warned = read_warned(f)
    assert warned == [
        f"{f}: 1 cue block has a timing line roqa cannot read (lines 20-23), so its words were "
        "read without a time, those with no speaker's label (lines 21-23) as the talk of the speaker before "
        "them: '00:00:15,000 >> 00:00:19,000' (mend the timing line to have them timed)",
        f"{f}: 1 cue with no speaker's name right after a change of speaker to the interviewer "
        "was read as the talk of the speaker before it ('and the deputies, mm. Yeah, honestly. "
        "They were, uh, they w…', read as Interviewer's talk): a participant's answer that "
        "opens on such a cue is not coded, so put the speaker's name on it",
    ]
    assert [w for _, _, w, _, _ in turns_of(t)][2] == (
        "And the managers? and the deputies, mm. Yeah, honestly. They were, uh, they were the "
        "ones who pushed it. Right, okay."
    )


def test_two_unreadable_timing_lines_one_with_a_good_start_are_warned_of_as_such(
    tmp_path: Path,
) -> None:
    """Two cues whose timing lines cannot be read, one of them with a good start and no end:
    the warning says they have timing lines roqa cannot read, and that their words were read
    without a time or with only their start time (session 51 retest N6(b), N6(c))."""
    f = tmp_path / "p07.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nGareth Price: " + ANSWER + "\n\n"
        "00:00:06.000 -->\nHannah Whitfield: " + QUESTION + "\n\n"
        "00:00:10.000 >> 00:00:15.000\nGareth Price: " + LATER + "\n",
        "utf-8",
    )
    t, warned = read_warned(f, interviewer_labels=["Hannah Whitfield"])
    assert warned == [
        f"{f}: 2 cue blocks have timing lines roqa cannot read (lines 6-7, 9-10), so their words "
        "were read without a time or with only their start time: '00:00:06.000 -->' (mend the "
        "timing lines to have them timed)"
    ]
    assert turns_of(t) == [
        ("Gareth Price", "participant", ANSWER, 1.0, 5.0),
        ("Hannah Whitfield", "interviewer", QUESTION, 6.0, None),
        ("Gareth Price", "participant", LATER, None, None),
    ]
