"""YouTube's rolling auto-captions as yt-dlp saves them (``.vtt``): each cue shows the line
before again above its new words, timed word by word (``<00:00:00.400><c> what</c>``), a 10 ms
cue between two shows the new line alone, and a line of one space stands for the display's
empty line. Every phrase was read three times, the first cue's words as a block without timing
(session 79 hunt2 F7)."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript

ROLLING = (
    "WEBVTT\nKind: captions\nLanguage: en\n\n"
    "00:00:00.000 --> 00:00:02.500 align:start position:0%\n \n"
    "so<00:00:00.400><c> what</c><00:00:00.800><c> gets</c><00:00:01.200><c> in</c>"
    "<00:00:01.600><c> the</c>\n\n"
    "00:00:02.500 --> 00:00:02.510 align:start position:0%\nso what gets in the\n \n\n"
    "00:00:02.510 --> 00:00:05.010 align:start position:0%\nso what gets in the\n"
    "way<00:00:02.910><c> of</c><00:00:03.310><c> the</c><00:00:03.710><c> new</c>"
    "<00:00:04.110><c> pathway</c>\n\n"
    "00:00:05.010 --> 00:00:05.020 align:start position:0%\nway of the new pathway\n \n\n"
    "00:00:05.020 --> 00:00:07.520 align:start position:0%\nway of the new pathway\n"
    "staffing<00:00:05.420><c> honestly</c><00:00:05.820><c> we</c><00:00:06.220><c> lost</c>"
    "<00:00:06.620><c> two</c>\n\n"
    "00:00:07.520 --> 00:00:07.530 align:start position:0%\nstaffing honestly we lost two\n \n\n"
    "00:00:07.530 --> 00:00:10.030 align:start position:0%\nstaffing honestly we lost two\n"
    "that\n\n"
    "00:00:10.030 --> 00:00:10.040 align:start position:0%\nthat\n \n"
)


def read(path: Path) -> tuple[list[tuple[str, float | None, float | None]], list[str]]:
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        t = read_transcript(path)
    turns = [(t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]
    return turns, [str(w.message) for w in said]


def test_each_word_of_youtubes_rolling_auto_captions_is_read_once(tmp_path: Path) -> None:
    """The words of the new line of each cue only, from the first cue's start (its line of
    one space no end of it) to the end of the last cue with a new word ("that", no word
    time of its own); the 10 ms copies are no cues. Before: 'so what gets in the so what gets
    in the so what gets in the way ...' from 2.5 s, and a warning of a block without timing."""
    f = tmp_path / "yt.en.vtt"
    f.write_text(ROLLING, "utf-8")
    turns, said = read(f)
    assert turns == [
        (
            "so what gets in the way of the new pathway staffing honestly we lost two that",
            0.0,
            10.03,
        )
    ]
    assert not [w for w in said if "timing" in w]


def test_a_line_of_blanks_ends_a_cue_in_other_subtitles(tmp_path: Path) -> None:
    """Only a file with YouTube's word times reads a line of blanks as inside a cue: elsewhere
    it ends the cue, and the words below it are a block without a timing line, as before."""
    f = tmp_path / "p04.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nP04: We lost two nurses\n \n"
        "in the spring.\n\n00:00:03.000 --> 00:00:05.000\nP04: The rota never recovered.\n",
        "utf-8",
    )
    turns, said = read(f)
    assert turns == [("We lost two nurses in the spring. The rota never recovered.", 1.0, 5.0)]
    assert [w for w in said if "timing" in w][0].startswith(f"{f}: 1 cue block has no timing")


def test_a_line_said_again_with_its_word_times_is_kept(tmp_path: Path) -> None:
    """A new line timed word by word is talk even when its words are those of the line before
    (``no no`` said twice, after a pause: the display's empty line above it); only the untimed
    copy of a line is left out."""
    f = tmp_path / "yt.en.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n \nno<00:00:00.500><c> no</c>\n\n"
        "00:00:01.000 --> 00:00:01.010\nno no\n \n\n"
        "00:00:01.010 --> 00:00:02.000\n \nno<00:00:01.500><c> no</c>\n\n"
        "00:00:02.000 --> 00:00:02.010\nno no\n \n",
        "utf-8",
    )
    turns, _ = read(f)
    assert turns == [("no no no no", 0.0, 2.0)]
