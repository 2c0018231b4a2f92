"""An answer whose first line is only a time of day, below a label whose own line holds the
turn's time (Otter's ``Jo Lee  0:35``, Teams' ``Jo Lee   0:35``): ``7:30`` / ``that is when it
starts.`` is the answer's words. Before session 84 the ``7:30`` was taken as a second time under
the label (as in the layout with the name above its time, ``Jo Lee`` / ``0:35`` / words) and
lost; in Word, a time that was the whole answer was lost too, with the interviewer's next turn
merged into the question. Where the name and its time are on two lines, the time line is still
the turn's time, never its words."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

#: (speaker, seconds, lines of words)
TURNS: list[tuple[str, int, list[str]]] = [
    ("Sam Roe", 5, ["How do you staff the unit?"]),
    ("Jo Lee", 15, ["We run three on days."]),
    ("Sam Roe", 25, ["What time is handover?"]),
    ("Jo Lee", 35, ["ANSWER"]),
    ("Sam Roe", 45, ["Thanks."]),
    ("Jo Lee", 50, ["No problem."]),
]

ANSWERS = {
    "a time, then words": ["7:30", "that is when it starts."],
    "only a time": ["7:30"],
    "a ratio, then words": ["5:1:2", "that is the usual."],
}

LAYOUTS = {
    "Otter, two blanks": "{name}  {time}",
    "Teams, three blanks": "{name}   {time}",
}


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _lines(header: str, answer: list[str]) -> list[str]:
    out: list[str] = []
    for name, seconds, words in TURNS:
        out.append(header.format(name=name, time=_clock(seconds)))
        out += answer if words == ["ANSWER"] else words
        out.append("")
    return out


def _expected(answer: list[str]) -> list[tuple[str, str, str, float]]:
    return [
        (
            name,
            "interviewer" if name == "Sam Roe" else "participant",
            "\n".join(answer if words == ["ANSWER"] else words),
            float(seconds),
        )
        for name, seconds, words in TURNS
    ]


def _read(path: Path) -> list[tuple[str, str, str, float | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t: Transcript = read_transcript(path, interviewer_labels=["Sam Roe"])
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns]


def _write(path: Path, lines: list[str]) -> Path:
    if path.suffix == ".txt":
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        docx = pytest.importorskip("docx")
        d = docx.Document()
        for line in lines:
            if line:
                d.add_paragraph(line)
        d.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("answer", list(ANSWERS))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_time_opening_the_answer_below_a_timed_label_is_the_answers_words(
    tmp_path: Path, layout: str, answer: str, suffix: str
) -> None:
    f = _write(tmp_path / f"otter{suffix}", _lines(LAYOUTS[layout], ANSWERS[answer]))
    assert _read(f) == _expected(ANSWERS[answer])


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_time_below_a_name_alone_is_still_the_turns_time(tmp_path: Path, suffix: str) -> None:
    # Stream / Otter with the name above its time: the time line is the turn's, the words below
    answer = ["Seven thirty, that is when it starts."]
    f = _write(tmp_path / f"stream{suffix}", _lines("{name}\n{time}", answer))
    assert _read(f) == _expected(answer)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_services_stamp_below_a_timed_label_is_still_no_ones_words(
    tmp_path: Path, suffix: str
) -> None:
    # a recording's "00:00:36" (hours, minutes, seconds) below "Jo Lee  0:35" is a stamp
    f = _write(tmp_path / f"otter{suffix}", _lines("{name}  {time}", ["00:00:36", "Seven thirty."]))
    assert _read(f) == _expected(["Seven thirty."])


#: The turn's stamp written again below its timed label (the same time, an end time, bracketed,
#: with a fraction of a second), as a service or a hand copying stamps writes it: no one's words,
#: as before session 84 (hunt25 R3: the first rule above put it into every turn's words).
SECOND_STAMPS = ["0:35", "00:35", "0:41", "[0:41]", "(0:41)", "0:35.4"]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("stamp", SECOND_STAMPS)
def test_the_turns_stamp_written_again_below_a_timed_label_is_no_ones_words(
    tmp_path: Path, stamp: str, suffix: str
) -> None:
    f = _write(tmp_path / f"otter{suffix}", _lines("{name}  {time}", [stamp, "Seven thirty."]))
    assert _read(f) == _expected(["Seven thirty."])


def test_a_second_stamp_is_a_bracketed_or_fractional_time_or_one_within_a_minute() -> None:
    from roqa_nlp.transcripts.timecodes import SECOND_STAMP_SECONDS, is_second_stamp

    assert SECOND_STAMP_SECONDS == 60.0
    assert is_second_stamp("[7:30]", 450.0, 35.0)
    assert is_second_stamp("(7:30)", 450.0, 35.0)
    assert is_second_stamp("0:35.4", 35.4, 35.0)
    assert is_second_stamp("0:35", 35.0, 35.0)
    assert is_second_stamp("1:35", 95.0, 35.0)
    assert not is_second_stamp("1:36", 96.0, 35.0)
    assert not is_second_stamp("0:34", 34.0, 35.0)
    assert not is_second_stamp("7:30", 450.0, 35.0)
    assert not is_second_stamp("7:30", 450.0, None)
