"""A one-time speaker whose name-and-time line has one blank before the time (``Ann Bell 5:00``)
where the other speakers' lines have Otter's or Teams' two or three (``Jo Lee  0:48``) is a
speaker with her own words, whatever her time: a typo (``5:00`` for ``0:50``), a second off, a
phone member or an interpreter on her own clock, the file's first or last line, after a question
not ending in a bare ``?``. A rule reading such a line as talk (session 84's ``Dr. Smith 1:15``
rule, reverted) put her words into the turn above, the interviewer's when she answered a
question, and left them uncoded without a word (hunt22 D1-D3: R1-R6, R9)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

#: (name, time, words): the interview's speakers, Sam Roe asking
Turn = tuple[str, str, str]


def _otter(turns: list[Turn], one_blank: str) -> str:
    """Otter's layout, two blanks before each time, one before ``one_blank``'s."""
    blanks = {True: " ", False: "  "}
    return "".join(f"{n}{blanks[n == one_blank]}{t}\n{w}\n\n" for n, t, w in turns)


def _read(path: Path, interviewer: bool = True) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Sam Roe"] if interviewer else None)


def _seconds(clock: str) -> float:
    minutes, seconds = clock.split(":")
    return float(int(minutes) * 60 + int(seconds))


def _expected(turns: list[Turn]) -> list[tuple[str, str, str, float]]:
    return [
        (n, "interviewer" if n == "Sam Roe" else "participant", w, _seconds(t)) for n, t, w in turns
    ]


def _turns(t: Transcript) -> list[tuple[str, str, str, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns]


OPENING: list[Turn] = [
    ("Sam Roe", "0:05", "How is your service set up?"),
    ("Jo Lee", "0:12", "Two sites and a team of twelve."),
    ("Sam Roe", "0:40", "What slows you down?"),
    ("Jo Lee", "0:48", "Forms, mostly. The funders ask for figures."),
]
CLOSING: list[Turn] = [
    ("Sam Roe", "1:20", "What keeps you going?"),
    ("Jo Lee", "1:30", "Good supervision and a steady rota."),
]

#: hunt22's shapes: the member's line in the interview above, and what she says
CASES: dict[str, list[Turn]] = {
    # R1: her time a typo, far after the next speaker's
    "typo after a statement": [
        *OPENING,
        ("Ann Bell", "5:00", "And the laptops freeze most days."),
        *CLOSING,
    ],
    # R4: a second after the next speaker's time
    "a second late": [
        *OPENING,
        ("Ann Bell", "1:21", "And the laptops freeze most days, nobody fixes them."),
        *CLOSING,
    ],
    # R3: the first line, a second after the first speaker's time
    "first line, a second late": [
        ("Ann Bell", "0:06", "Hello, I am on the phone from the office."),
        *OPENING,
        *CLOSING,
    ],
    # R9: the last line, a phone member on her own clock
    "last line, own clock": [
        *OPENING,
        *CLOSING,
        ("Kez", "0:03", "Thanks, I need to drop off now."),
    ],
    # R2: invited by a question not ending in '?', her time after the next speaker's
    "after an invitation": [
        *OPENING[:2],
        ("Sam Roe", "0:40", "Ann, your turn."),
        ("Ann Bell", "2:00", "The laptops freeze most days."),
        ("Jo Lee", "0:48", "Forms, mostly."),
        *CLOSING,
    ],
    # R6: the question ends '? [pause]'
    "after a question and a pause": [
        *OPENING[:2],
        ("Sam Roe", "0:40", "Ann, what slows you down? [pause]"),
        ("Ann Bell", "2:00", "The laptops freeze most days."),
        ("Jo Lee", "0:48", "Forms, mostly."),
        *CLOSING,
    ],
}


@pytest.mark.parametrize("interviewer", [True, False], ids=["interviewer named", "none named"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_one_blank_one_time_speaker_keeps_her_words(
    tmp_path: Path, case: str, interviewer: bool
) -> None:
    turns = CASES[case]
    one_blank = "Kez" if case == "last line, own clock" else "Ann Bell"
    f = tmp_path / "otter.txt"
    f.write_text(_otter(turns, one_blank), "utf-8")
    got = _turns(_read(f, interviewer))
    assert [(n, w, b) for n, _, w, b in got] == [(n, w, b) for n, _, w, b in _expected(turns)]
    if interviewer:
        assert got == _expected(turns)


def test_a_one_blank_speaker_a_second_late_in_a_teams_word_file(tmp_path: Path) -> None:
    """R5: Teams' three blanks before each time, one before hers."""
    docx = pytest.importorskip("docx")
    turns = CASES["a second late"]
    d = docx.Document()
    for n, t, w in turns:
        d.add_paragraph(f"{n}{' ' if n == 'Ann Bell' else '   '}{t}")
        d.add_paragraph(w)
    d.save(str(tmp_path / "teams.docx"))
    assert _turns(_read(tmp_path / "teams.docx")) == _expected(turns)
