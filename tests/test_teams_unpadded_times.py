"""Microsoft Teams writes a turn's time without zero padding, hours, minutes and seconds of one
digit each (``Priya Shah   0:0:7``, as in its older ``0:0:7.650 --> 0:0:11.2`` cues). Before
session 84 such a Word transcript was read unlabelled: every name-and-time line was a
participant's talk and the questions were coded (exports battery, teams_docx "MED to_partic")."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

TURNS = [
    ("Priya Shah", "Could you tell me about your service?"),
    ("Magda Nowak", "We are a small team covering two boroughs."),
    ("Priya Shah", "How did your staff take to it at first?"),
    ("Magda Nowak", "They were wary at first, then they came round."),
    ("Priya Shah", "What would help you most?"),
    ("Magda Nowak", "Protected time, mostly."),
]
#: each turn's time in seconds: 2, 39, 76 (past the first minute), ... 3607 (past the first hour)
SECONDS = [2, 39, 76, 113, 150, 3607]


def _clock(seconds: int, fraction: str) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60}:{seconds % 60}{fraction}"


def _lines(layout: str, fraction: str) -> list[str]:
    out = []
    for (name, words), seconds in zip(TURNS, SECONDS, strict=True):
        time = _clock(seconds, fraction)
        out += {
            "name, three blanks, time": [f"{name}   {time}"],
            "name, two blanks, time": [f"{name}  {time}"],
            "name above its time": [name, time],
            "time first": [f"{time} {name}"],
            "name in brackets": [f"[{name}] {time}"],
        }[layout]
        out.append(words)
    return out


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Priya Shah"])


def _expected(fraction: str) -> list[tuple[str, str, str, float]]:
    extra = 0.65 if fraction else 0.0
    return [
        (name, "interviewer" if name == "Priya Shah" else "participant", words, seconds + extra)
        for (name, words), seconds in zip(TURNS, SECONDS, strict=True)
    ]


def _turns(t: Transcript) -> list[tuple[str, str, str, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns]


LAYOUTS = [
    "name, three blanks, time",
    "name, two blanks, time",
    "name above its time",
    "time first",
    "name in brackets",
]


@pytest.mark.parametrize("fraction", ["", ".650"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_teams_word_transcript_with_unpadded_times_is_read_by_speaker(
    tmp_path: Path, layout: str, fraction: str
) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in _lines(layout, fraction):
        d.add_paragraph(line)
    d.save(str(tmp_path / "teams.docx"))
    assert _turns(_read(tmp_path / "teams.docx")) == _expected(fraction)


@pytest.mark.parametrize("fraction", ["", ".650"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_same_as_text_is_read_by_speaker(tmp_path: Path, layout: str, fraction: str) -> None:
    f = tmp_path / "teams.txt"
    f.write_text("\n".join(_lines(layout, fraction)) + "\n", "utf-8")
    assert _turns(_read(f)) == _expected(fraction)


#: a number of one-digit parts opening a turn's words, after the speaker's label (hunt22 D4):
#: a ratio or a score, not the turn's time, which only a speaker's line gives in that form
NUMBERS = ["[2:1:1] is our ratio on days.", "(3:2:1) is how we score audits.", "2:1:1: two carers."]


def _numbers_file(layout: str, opening: str) -> str:
    turns = [
        ("Sam Roe", "What are your staffing ratios?", 5),
        ("Jo Lee", opening, 9),
        ("Sam Roe", "Does that hold up?", 31),
        ("Jo Lee", "Most weeks it does not.", 35),
    ]
    if layout == "plain":
        return "\n\n".join(f"{name}: {words}" for name, words, _ in turns) + "\n"
    if layout == "descript":
        return "\n\n".join(f"[00:00:{s:02}] {name}: {words}" for name, words, s in turns) + "\n"
    sep, head = {"srt": (",", ""), "zoom vtt": (".", "WEBVTT\n\n")}[layout]
    cues = [
        f"{i}\n00:00:{s:02}{sep}000 --> 00:00:{s + 3:02}{sep}000\n{name}: {words}"
        for i, (name, words, s) in enumerate(turns, 1)
    ]
    return head + "\n\n".join(cues) + "\n"


@pytest.mark.parametrize("opening", NUMBERS)
@pytest.mark.parametrize("layout", ["plain", "descript", "srt", "zoom vtt"])
def test_a_one_digit_number_opening_a_turn_stays_words(
    tmp_path: Path, layout: str, opening: str
) -> None:
    suffix = {"plain": ".txt", "descript": ".txt", "srt": ".srt", "zoom vtt": ".vtt"}[layout]
    f = tmp_path / f"ratios{suffix}"
    f.write_text(_numbers_file(layout, opening), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    timed = layout != "plain"
    assert _turns(t) == [
        ("Sam Roe", "interviewer", "What are your staffing ratios?", 5.0 if timed else None),
        ("Jo Lee", "participant", opening, 9.0 if timed else None),
        ("Sam Roe", "interviewer", "Does that hold up?", 31.0 if timed else None),
        ("Jo Lee", "participant", "Most weeks it does not.", 35.0 if timed else None),
    ]
