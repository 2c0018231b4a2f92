"""A turn's time range on the line below its timed label (``Jo Lee  1:07`` / ``1:07 - 1:13`` or
``1:07 --> 1:13`` / words), as a transcription tool or a hand copying its stamps writes it.
Before session 85 the arrow range made the whole file read as subtitle cues: one "Unknown
speaker" (.txt) or "Participant" (.docx) turn, every speaker lost (hunt25, session 84). Such a
file is now read by its labels. The range line itself is kept as the first line of the turn's
words, as the dash range always was: dropping it as the turn's stamp (tried in session 85) lost
whole answers that said a range opening at the label's second (``Jo Lee  9:00`` /
``9:00 - 17:00``, a shift: hunt28). A file read as subtitle cues some of whose timing lines sit
below timed labels, not all, is read as cues as before, with a warning naming the file and what
to do."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.language import warn_of_reading

#: (speaker, seconds, lines of words)
TURNS: list[tuple[str, int, list[str]]] = [
    ("Sam Roe", 30, ["What time does handover start?"]),
    ("Jo Lee", 67, ["That is when the day staff arrive."]),
    ("Sam Roe", 104, ["And does it run late?"]),
    ("Jo Lee", 141, ["Sometimes, when the nights", "are short."]),
]

LABELS = {
    "Otter": "{name}  {time}",
    "Teams": "{name}   {time}",
    "brackets": "[{name}] {time}",
}

RANGES = {
    "dash": "{begin} - {end}",
    "arrow": "{begin} --> {end}",
    "en dash": "{begin} \u2013 {end}",
}


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _lines(label: str, stamp: str | None, turns: list[tuple[str, int, list[str]]]) -> list[str]:
    out: list[str] = []
    for name, seconds, words in turns:
        out.append(label.format(name=name, time=_clock(seconds)))
        if stamp is not None:
            out.append(stamp.format(begin=_clock(seconds), end=_clock(seconds + 6)))
        out += words
        out.append("")
    return out


def _expected(
    turns: list[tuple[str, int, list[str]]], stamp: str | None = None
) -> list[tuple[str, str, float]]:
    """Each turn's speaker, words and time; with ``stamp``, its range line kept as the first
    line of its words."""
    return [
        (
            name,
            "\n".join(
                ([stamp.format(begin=_clock(seconds), end=_clock(seconds + 6))] if stamp else [])
                + words
            ),
            float(seconds),
        )
        for name, seconds, words in turns
    ]


def _transcript(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _read(path: Path) -> list[tuple[str, str, float | None]]:
    t = _transcript(path)
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


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
@pytest.mark.parametrize("stamp", list(RANGES))
@pytest.mark.parametrize("label", list(LABELS))
def test_a_time_range_below_a_timed_label_is_read_by_the_labels_and_kept_as_words(
    tmp_path: Path, label: str, stamp: str, suffix: str
) -> None:
    f = _write(tmp_path / f"ranges{suffix}", _lines(LABELS[label], RANGES[stamp], TURNS))
    assert _read(f) == _expected(TURNS, RANGES[stamp])


#: hunt28 (session 85): a range the speaker says, opening at the label's own second.
SHIFT = [
    ("Sam Roe", 30, ["What are your hours?"]),
    ("Jo Lee", 540, ["9:00 - 17:00"]),
    ("Sam Roe", 545, ["And at weekends?"]),
    ("Jo Lee", 600, ["10:00 - 16:00", "on Saturdays, when I cover."]),
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_range_said_at_the_labels_second_is_the_speakers_answer(
    tmp_path: Path, suffix: str
) -> None:
    lines = _lines("{name}  {time}", None, SHIFT)
    f = _write(tmp_path / f"shift{suffix}", lines)
    assert _read(f) == [
        ("Sam Roe", "What are your hours?", 30.0),
        ("Jo Lee", "9:00 - 17:00", 540.0),
        ("Sam Roe", "And at weekends?", 545.0),
        ("Jo Lee", "10:00 - 16:00\non Saturdays, when I cover.", 600.0),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_ranges_of_hours_minutes_and_seconds_below_bracketed_labels(
    tmp_path: Path, suffix: str
) -> None:
    lines = [
        "Interviewer (00:00:20):",
        "00:00:20 --> 00:00:25",
        "What time does handover start?",
        "",
        "P04 (00:00:26):",
        "00:00:26.500 - 00:00:31",
        "At seven.",
    ]
    f = _write(tmp_path / f"p04{suffix}", lines)
    assert _read(f) == [
        ("Interviewer", "00:00:20 --> 00:00:25\nWhat time does handover start?", 20.0),
        ("P04", "00:00:26.500 - 00:00:31\nAt seven.", 26.0),
    ]


#: Ranges said in the answers: one opening the answer at another time than the label's, one
#: inside the words, and one right below the label that opens at its time but is not alone on
#: its line.
SAID = [
    ("Sam Roe", 30, ["What are the shifts?"]),
    ("Jo Lee", 35, ["7:30 - 8:00", "is when the day staff overlap."]),
    ("Sam Roe", 104, ["And after that?"]),
    ("Jo Lee", 141, ["We finish by", "2:21 - 2:30", "most days."]),
    ("Sam Roe", 150, ["And nights?"]),
    ("Jo Lee", 160, ["2:40 - 2:46 was the old handover."]),
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_time_range_said_in_an_answer_stays_the_speakers_words(
    tmp_path: Path, suffix: str
) -> None:
    f = _write(tmp_path / f"said{suffix}", _lines(LABELS["Otter"], None, SAID))
    assert _read(f) == _expected(SAID)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_range_below_a_name_alone_stays_the_words(tmp_path: Path, suffix: str) -> None:
    # no time on the label's line to tell a stamp by: the range is kept, nothing is lost
    lines = ["Sam Roe:", "0:30 - 0:36", "What time?", "", "Jo Lee:", "1:07 - 1:13", "At seven."]
    f = _write(tmp_path / f"alone{suffix}", lines)
    assert [(s, w) for s, w, _ in _read(f)] == [
        ("Sam Roe", "0:30 - 0:36\nWhat time?"),
        ("Jo Lee", "1:07 - 1:13\nAt seven."),
    ]


def _partial() -> list[str]:
    lines = _lines(LABELS["Otter"], RANGES["arrow"], TURNS)
    # the third turn's timing line opens 6 seconds after its label's time
    return [("1:50 --> 1:56" if line == "1:44 --> 1:50" else line) for line in lines]


def _warnings(t: Transcript) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_reading(t)
    return [str(w.message) for w in caught]


def test_a_file_with_some_timing_lines_below_labels_is_read_as_cues_and_warned_of(
    tmp_path: Path,
) -> None:
    f = _write(tmp_path / "partial.txt", _partial())
    t = _transcript(f)
    assert t.metadata["format"] == "txt" and t.metadata["rendering"] == "canonical"
    said = [w for w in _warnings(t) if "timing lines sit" in w]
    assert said == [
        f"{f}: 3 of its 4 subtitle timing lines sit right below a speaker's label with the "
        "same time (lines 2, 6, 14: 'Sam Roe  0:30' / '0:30 --> 0:36'), so it may be a "
        "transcript labelled by speaker, but it was read as subtitle cues, its labels as "
        "words: if it is, delete its timing lines to have it read by its speakers' labels"
    ]


def test_in_word_the_warning_quotes_the_first_label_and_its_timing_line(tmp_path: Path) -> None:
    f = _write(tmp_path / "partial.docx", _partial())
    said = [w for w in _warnings(_transcript(f)) if "timing lines sit" in w]
    assert said == [
        f"{f}: 3 of its 4 subtitle timing lines sit right below a speaker's label with the "
        "same time ('Sam Roe  0:30' / '0:30 --> 0:36'), so it may be a transcript labelled by "
        "speaker, but it was read as subtitle cues, its labels as words: if it is, delete its "
        "timing lines to have it read by its speakers' labels"
    ]


def test_a_subtitle_file_saved_as_text_is_still_cues_with_no_such_warning(tmp_path: Path) -> None:
    lines = [
        "1",
        "00:00:30,000 --> 00:00:36,000",
        "Sam Roe: What time does handover start?",
        "",
        "2",
        "00:01:07,000 --> 00:01:13,000",
        "Jo Lee: That is when the day staff arrive.",
    ]
    f = _write(tmp_path / "subtitles.txt", lines)
    t = _transcript(f)
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Sam Roe", "What time does handover start?", 30.0),
        ("Jo Lee", "That is when the day staff arrive.", 67.0),
    ]
    assert not [w for w in _warnings(t) if "timing lines sit" in w]


def test_a_stamp_range_is_alone_on_its_line_and_opens_at_the_labels_second() -> None:
    from roqa_nlp.transcripts.timecodes import is_stamp_range

    assert is_stamp_range("0:30 - 0:36", 30.0)
    assert is_stamp_range(" 0:30-->0:36 ", 30.0)
    assert is_stamp_range("0:30 -> 0:30", 30.0)
    assert is_stamp_range("00:00:30.400 --> 00:00:36", 30.0)
    assert is_stamp_range("0:30 \u2014 0:36", 30.0)
    assert is_stamp_range("0:0:30.0 --> 0:0:36.5", 30.0)  # Teams' one-digit times
    assert is_stamp_range("00:00:30:000 --> 00:00:36:000", 30.0)  # a converter's
    assert not is_stamp_range("0:31 - 0:36", 30.0)
    assert not is_stamp_range("0:30 - 0:29", 30.0)
    assert not is_stamp_range("0:30 - 0:36", None)
    assert not is_stamp_range("0:30 - 0:36 was handover", 30.0)
    assert not is_stamp_range("from 0:30 - 0:36", 30.0)
    assert not is_stamp_range("0:30 to 0:36", 30.0)
    assert not is_stamp_range("[0:30 - 0:36]", 30.0)
