"""A speaker's name alone on its line above each subtitle timing line (``Jo Lee`` /
``0:30 --> 0:36`` / words), as a transcription tool may export a transcript. Before session 85
such a file was read as subtitle cues with its names as words: one "Participant" turn, every
speaker lost, and no warning said so (arrowline, session 85). Now a file each of whose timing
lines has right above it one of a few names, each said above two or more timing lines, with no
cue numbers, is read by those names, as Teams' old transcripts (timing, name, words) are. A file
read as cues most of whose timing lines sit below such a name, not all, is read as before, with
a warning naming the file, the names and what to do."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.cues import names_above_timing_as_cues
from roqa_nlp.transcripts.language import warn_of_reading

#: (speaker, seconds, words)
TURNS: list[tuple[str, int, str]] = [
    ("Jo Lee", 30, "What time does handover start?"),
    ("Sam Roe", 67, "That is when the day staff arrive."),
    ("Jo Lee", 104, "And does it run late?"),
    ("Sam Roe", 141, "Sometimes, when the nights are short."),
]


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _lines(turns: list[tuple[str, int, str]]) -> list[str]:
    out: list[str] = []
    for name, seconds, words in turns:
        out += [name, f"{_clock(seconds)} --> {_clock(seconds + 6)}", words, ""]
    return out


def _write(path: Path, lines: list[str]) -> Path:
    if path.suffix != ".docx":
        path.write_text("\n".join(lines) + "\n", "utf-8")
    else:
        docx = pytest.importorskip("docx")
        d = docx.Document()
        for line in lines:
            if line:
                d.add_paragraph(line)
        d.save(str(path))
    return path


def _transcript(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _read(path: Path) -> list[tuple[str, str, float | None]]:
    t = _transcript(path)
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


def _warnings(t: Transcript) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_reading(t)
    return [str(w.message) for w in caught if "name alone" in str(w.message)]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_name_above_each_timing_line_names_its_speaker(tmp_path: Path, suffix: str) -> None:
    f = _write(tmp_path / f"otter{suffix}", _lines(TURNS))
    t = _transcript(f)
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        (name, words, float(seconds)) for name, seconds, words in TURNS
    ]
    assert t.metadata["read_by_names_above_timing_lines"] == ["Jo Lee", "Sam Roe"]
    assert _warnings(t) == []


def test_a_diarised_speakers_number_above_each_timing_line_names_it(tmp_path: Path) -> None:
    # said above two timing lines each, no cue's id (an id names one cue)
    turns = [
        (n.replace("Jo Lee", "SPEAKER_00").replace("Sam Roe", "SPEAKER_01"), s, w)
        for n, s, w in TURNS
    ]
    f = _write(tmp_path / "diarised.txt", _lines(turns))
    assert _read(f) == [(name, words, float(seconds)) for name, seconds, words in turns]


def test_hours_minutes_seconds_and_role_names(tmp_path: Path) -> None:
    lines = [
        "Interviewer",
        "00:00:30,000 --> 00:00:36,000",
        "What time does handover start?",
        "",
        "Respondent",
        "00:01:07,000 --> 00:01:13,000",
        "Sure",
        "",
        "Interviewer",
        "00:01:44,000 --> 00:01:50,000",
        "And does it run late?",
        "",
        "Respondent",
        "00:02:21,000 --> 00:02:27,000",
        "Most weeks.",
    ]
    t = _transcript(_write(tmp_path / "roles.txt", lines))
    assert [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Interviewer", "interviewer", "What time does handover start?", 30.0),
        ("Respondent", "participant", "Sure", 67.0),
        ("Interviewer", "interviewer", "And does it run late?", 104.0),
        ("Respondent", "participant", "Most weeks.", 141.0),
    ]


def test_a_cue_ending_before_it_starts_is_named_by_its_line_in_the_file(tmp_path: Path) -> None:
    lines = _lines(TURNS)
    lines[5] = "1:13 --> 1:07"  # Sam Roe's first timing line, the file's line 6
    t = _transcript(_write(tmp_path / "back.txt", lines))
    assert t.turns[1].speaker == "Sam Roe" and t.turns[1].begin_time is None
    assert t.metadata["cues_ending_before_start"] == ["6"]


#: a third speaker who speaks once: not every timing line has a name said twice above it
ONCE = [*TURNS[:2], ("Kay Bright", 90, "The room is booked at four."), *TURNS[2:]]


def test_a_name_said_once_leaves_the_file_read_as_cues_and_warned_of(tmp_path: Path) -> None:
    f = _write(tmp_path / "once.txt", _lines(ONCE))
    t = _transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (
            "Participant",
            "What time does handover start? Sam Roe That is when the day staff arrive. Kay "
            "Bright The room is booked at four. Jo Lee And does it run late? Sam Roe Sometimes, "
            "when the nights are short.",
        )
    ]
    assert _warnings(t) == [
        f"{f}: 5 of its 5 subtitle timing lines sit right below a line of a speaker's name "
        "alone ('Jo Lee', 'Sam Roe', 'Kay Bright'; lines 2, 6, 10, 14, 18), so it may be a "
        "transcript labelled by speaker, but it was read as subtitle cues, its names as words "
        "and its speakers lost: if it is, delete its timing lines and put a colon after each "
        "name ('Jo Lee:') to have it read by its speakers' labels"
    ]


def test_in_word_the_warning_names_the_names_not_lines(tmp_path: Path) -> None:
    f = _write(tmp_path / "once.docx", _lines(ONCE))
    t = _transcript(f)
    assert [u.speaker for u in t.turns] == ["Participant"]
    assert _warnings(t) == [
        f"{f}: 5 of its 5 subtitle timing lines sit right below a line of a speaker's name "
        "alone ('Jo Lee', 'Sam Roe', 'Kay Bright'), so it may be a transcript labelled by "
        "speaker, but it was read as subtitle cues, its names as words and its speakers lost: "
        "if it is, delete its timing lines and put a colon after each name ('Jo Lee:') to have "
        "it read by its speakers' labels"
    ]


def test_the_warning_s_advice_reads_the_file_by_its_speakers(tmp_path: Path) -> None:
    lines = [
        f"{line}:" if line in ("Jo Lee", "Sam Roe", "Kay Bright") else line for line in _lines(ONCE)
    ]
    mended = [line for line in lines if "-->" not in line]
    f = _write(tmp_path / "mended.txt", mended)
    assert [(s, w) for s, w, _ in _read(f)] == [(name, words) for name, _, words in ONCE]


def test_a_subtitle_file_with_numbers_is_read_as_before_with_no_warning(tmp_path: Path) -> None:
    lines: list[str] = []
    for n, (_, seconds, words) in enumerate(TURNS, start=1):
        lines += [
            str(n),
            f"00:0{seconds // 60}:{seconds % 60:02d},000 --> 00:0{seconds // 60}:"
            f"{seconds % 60 + 6:02d},000",
            words,
            "",
        ]
    t = _transcript(_write(tmp_path / "numbered.srt", lines))
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Participant", " ".join(words for _, _, words in TURNS))
    ]
    assert "read_by_names_above_timing_lines" not in t.metadata
    assert _warnings(t) == []


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_teams_cues_with_the_name_below_the_timing_line_are_read_as_before(
    tmp_path: Path, suffix: str
) -> None:
    lines: list[str] = []
    for name, seconds, words in TURNS:
        lines += [f"0:{_clock(seconds)}.0 --> 0:{_clock(seconds + 6)}.0", name, words, ""]
    t = _transcript(_write(tmp_path / f"teams{suffix}", lines))
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (name, words) for name, _, words in TURNS
    ]
    assert "read_by_names_above_timing_lines" not in t.metadata
    assert _warnings(t) == []


def test_names_said_below_the_timing_lines_too_are_not_read_as_the_speakers() -> None:
    # "Fine" is a speaker's name and the other's answer under each timing line: which line
    # names a cue cannot be told, so the file is left as it was read
    lines = _lines([("Tom", 30, "How is it?"), ("Fine", 67, "Fine")] * 2)
    assert names_above_timing_as_cues("\n".join(lines)) is None


def test_what_a_file_read_by_the_names_above_its_timing_lines_is_read_as() -> None:
    lines = _lines(TURNS)
    assert names_above_timing_as_cues("\n".join(lines)) == (
        "\n".join(
            [
                "0:30 --> 0:36",
                "Jo Lee",
                TURNS[0][2],
                "",
                "1:07 --> 1:13",
                "Sam Roe",
                TURNS[1][2],
                "",
                "1:44 --> 1:50",
                "Jo Lee",
                TURNS[2][2],
                "",
                "2:21 --> 2:27",
                "Sam Roe",
                TURNS[3][2],
                "",
            ]
        ),
        [0, 4, 8, 12],
        ["Jo Lee", "Sam Roe"],
    )
    # a cue's words on its timing line, or a number above it: not read so
    assert names_above_timing_as_cues("\n".join(lines).replace("0:36", "0:36 What?")) is None
    assert names_above_timing_as_cues("\n".join(["1", *lines[1:]])) is None
