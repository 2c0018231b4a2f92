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
        f"{f}: 1 cue block has no timing line (lines {lines}), so its words were read without a "
        f"time: '{bad}' (mend the timing line to have them timed)"
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
