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
