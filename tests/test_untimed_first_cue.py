"""A subtitle file's first cue read without times (its timing line missing or broken): it is its
speaker's turn, or the start of the turn the next cue goes on with, which then begins at that
cue's time; one warning names it (session 52 fixer 'readers', finding 1)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

OPENING = "Thanks for joining. Can you tell me about your role?"
MORE = "I mean your day to day."
ANSWER = "I manage a supported living service in Leeds."
QUESTION = "What gets in the way of training?"


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    """(speaker, role, words, begin_time, end_time) of every turn, the words by its offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def read_warned(f: Path) -> tuple[Transcript, list[str]]:
    """The transcript of ``f`` (Sam Roe the interviewer), its warnings, every segment's offsets
    checked."""
    with pytest.warns() as caught:
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def cues(first: str, rest: list[tuple[str, str]], suffix: str) -> str:
    """A subtitle file: the block ``first`` (no good timing line), then timed cues 5-9 s and
    10-14 s of ``rest`` (label, words)."""
    sep = "," if suffix == ".srt" else "."
    times = [f"00:00:05{sep}000 --> 00:00:09{sep}000", f"00:00:10{sep}000 --> 00:00:14{sep}000"]
    timed = [f"{n}\n{time}\n{who}: {words}" for n, time, (who, words) in zip((2, 3), times, rest)]
    return ("WEBVTT\n\n" if suffix == ".vtt" else "") + "\n\n".join([first, *timed]) + "\n"


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@pytest.mark.parametrize(
    ("first", "what", "lines"),
    [
        (f"1\nSam Roe: {OPENING}", "has no timing line", "line {n}"),
        (f"0:0:1. --> 0:0:5.\nSam Roe: {OPENING}", "has a timing line roqa cannot read", "lines"),
    ],
    ids=["no-timing-line", "broken-timing-line"],
)
def test_an_untimed_first_cue_of_the_next_cues_speaker_begins_at_the_next_cues_time(
    tmp_path: Path, suffix: str, first: str, what: str, lines: str
) -> None:
    """The interviewer's untimed first cue and their timed second cue are one turn, which had no
    begin time; it begins at the second cue's, 5 s, and one warning names the block."""
    f = tmp_path / f"rm60{suffix}"
    f.write_text(cues(first, [("Sam Roe", MORE), ("Priya Nair", ANSWER)], suffix), "utf-8")
    t, warned = read_warned(f)
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", f"{OPENING} {MORE}", 5.0, 9.0),
        ("Priya Nair", "participant", ANSWER, 10.0, 14.0),
    ]
    top = 3 if suffix == ".vtt" else 1  # the block's first line in the file
    where = f"line {top + 1}" if lines == "line {n}" else f"lines {top}-{top + 1}"
    shown = "'Sam Roe: Thanks for joining. Can you tell me about your rol…'"
    if lines == "lines":
        shown = "'0:0:1. --> 0:0:5.'"
    assert warned == [
        f"{f}: 1 cue block {what} ({where}), so its words were read without a time: {shown} "
        "(mend the timing line to have them timed)"
    ]


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_an_untimed_unlabelled_first_cue_is_a_turn_of_its_own_said_to_be_no_named_speakers(
    tmp_path: Path, suffix: str
) -> None:
    """Unlabelled words opening the file before another speaker's cue stay a turn of their own
    (untimed); the warning said they were 'the talk of the speaker before them', and there is
    none: they are no named speaker's."""
    f = tmp_path / f"rm61{suffix}"
    f.write_text(cues(f"1\n{OPENING}", [("Priya Nair", ANSWER), ("Sam Roe", QUESTION)], suffix))
    t, warned = read_warned(f)
    assert turns_of(t) == [
        ("Unknown speaker", "participant", OPENING, None, None),
        ("Priya Nair", "participant", ANSWER, 5.0, 9.0),
        ("Sam Roe", "interviewer", QUESTION, 10.0, 14.0),
    ]
    line = 4 if suffix == ".vtt" else 2
    assert warned == [
        f"{f}: 1 cue block has no timing line (line {line}), so its words were read without a "
        f"time, those opening the file with no speaker's label (line {line}) as no named "
        f"speaker's talk: '{OPENING}' (mend the timing line to have them timed)"
    ]


def test_an_unnumbered_first_block_opening_with_a_speaker_of_the_file_is_their_turn(
    tmp_path: Path,
) -> None:
    """``Sam Roe: Thanks for joining. ...`` above the first timed cue, its timing line and cue
    number lost, was taken for a title and dropped with no warning: the interviewer's opening
    question vanished. A file's speaker opening it makes it their untimed turn, warned of."""
    f = tmp_path / "rm62.vtt"
    first = f"Sam Roe: {OPENING}"
    f.write_text(cues(first, [("Priya Nair", ANSWER), ("Sam Roe", QUESTION)], ".vtt"), "utf-8")
    t, warned = read_warned(f)
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", OPENING, None, None),
        ("Priya Nair", "participant", ANSWER, 5.0, 9.0),
        ("Sam Roe", "interviewer", QUESTION, 10.0, 14.0),
    ]
    assert warned == [
        f"{f}: 1 cue block has no timing line (line 3), so its words were read without a time: "
        "'Sam Roe: Thanks for joining. Can you tell me about your rol…' (mend the timing line "
        "to have them timed)"
    ]


def test_a_title_above_the_first_cue_is_still_no_talk(tmp_path: Path) -> None:
    """A title (``Interview RM63: 3 May 2024``) names no speaker of the file: it is left out,
    with no warning."""
    f = tmp_path / "rm63.vtt"
    title = "Interview RM63: 3 May 2024"
    f.write_text(cues(title, [("Priya Nair", ANSWER), ("Sam Roe", QUESTION)], ".vtt"), "utf-8")
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Priya Nair", "participant", ANSWER, 5.0, 9.0),
        ("Sam Roe", "interviewer", QUESTION, 10.0, 14.0),
    ]


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"], ids=["blank-line", "cue-identifier"])
def test_a_labelled_title_above_the_first_cue_is_no_turn(
    tmp_path: Path, fmt: str, gap: str
) -> None:
    """Session 53 check: ``Title: Interview P04`` above the first cue (no ``NOTE``; in a .vtt
    right above the timing line it is the cue's identifier) is no speaker "Title" and no one's
    talk, and no warning is given."""
    sep = "." if fmt == "vtt" else ","
    head, n = ("WEBVTT\n\n", ("", "")) if fmt == "vtt" else ("", ("1\n", "2\n"))
    f = tmp_path / f"p04.{fmt}"
    f.write_text(
        f"{head}Title: Interview P04{gap}"
        f"{n[0]}00:00:05{sep}000 --> 00:00:09{sep}000\nSam Roe: {QUESTION}\n\n"
        f"{n[1]}00:00:10{sep}000 --> 00:00:14{sep}000\nPriya Nair: {ANSWER}\n",
        "utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", QUESTION, 5.0, 9.0),
        ("Priya Nair", "participant", ANSWER, 10.0, 14.0),
    ]


@pytest.mark.parametrize("fmt", ["vtt", "srt"])
def test_a_header_block_above_the_first_cue_is_not_also_told_to_be_mended(
    tmp_path: Path, fmt: str
) -> None:
    """Code review, session 52: a header of field lines above the first cue (``Interviewer: Sam
    Roe``, ``Participant: P04``, ``Date: ...``) was left out as a header and also told of as
    words "read without a time" whose timing line to mend: two notes that contradict. A block
    whose every line is left out as the header is only the header's."""
    sep = "." if fmt == "vtt" else ","
    head = "WEBVTT\n\n" if fmt == "vtt" else ""
    n = ("", "") if fmt == "vtt" else ("1\n", "2\n")
    f = tmp_path / f"p04.{fmt}"
    f.write_text(
        f"{head}Interviewer: Sam Roe\nParticipant: P04\nDate: 12 May 2025\n\n"
        f"{n[0]}00:00:05{sep}000 --> 00:00:09{sep}000\nInterviewer: So how do referrals come in?\n\n"
        f"{n[1]}00:00:09{sep}500 --> 00:00:20{sep}000\nP04: Through the single point of access.\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "So how do referrals come in?"),
        ("P04", "Through the single point of access."),
    ]
    assert t.metadata["header_cues"] == [
        "Interviewer: Sam Roe", "Participant: P04", "Date: 12 May 2025"
    ]  # fmt: skip
    assert "blocks_read_without_timing" not in t.metadata
    assert "blocks_read_without_timing_lines" not in t.metadata
