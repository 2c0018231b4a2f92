"""Guards (hunt31, session 85): a line repeated above every subtitle timing line is a cue id or
a reply, not who speaks. A rule read each cue's speaker from a name alone above its timing line
(``Jo Lee`` / ``0:30 --> 0:36`` / words); it took a repeated cue id (``Caption``, ``English`` /
``Welsh``) or a reply ending every cue (``Sure``) for the speakers: the real ``Jo Lee:`` labels
became words, half the talk went to an "interviewer" named ``Welsh``, and a file was read as
speaker ``Sure``. It was reverted; these files read as they did before it."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript

SAID = [
    "We opened the service in 2019.",
    "Staffing was the hardest part of it.",
    "How did the team take the change?",
    "They were wary at first, to be honest.",
]


def _clock(seconds: int, sep: str = ".") -> str:
    return f"00:00:{seconds:02d}{sep}000"


def _read(path: Path) -> list[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_a_repeated_cue_id_above_labelled_cues_leaves_the_labels_the_speakers(
    tmp_path: Path,
) -> None:
    lines = ["WEBVTT", ""]
    for i, words in enumerate(SAID):
        name = ("Jo Lee", "Sam Roe")[i % 2]
        lines += ["Caption", f"{_clock(3 * i)} --> {_clock(3 * i + 3)}", f"{name}: {words}", ""]
    f = tmp_path / "caption_ids.vtt"
    f.write_text("\n".join(lines), "utf-8")
    assert [speaker for speaker, _ in _read(f)] == ["Jo Lee", "Sam Roe", "Jo Lee", "Sam Roe"]


def test_two_alternating_track_ids_are_no_interviewer_and_participant(tmp_path: Path) -> None:
    lines = ["WEBVTT", ""]
    for i, words in enumerate(SAID):
        track = ("English", "Welsh")[i % 2]
        lines += [track, f"{_clock(3 * i)} --> {_clock(3 * i + 3)}", words, ""]
    f = tmp_path / "tracks.vtt"
    f.write_text("\n".join(lines), "utf-8")
    speakers = {speaker for speaker, _ in _read(f)}
    assert not speakers & {"English", "Welsh"}


def test_a_reply_ending_every_cue_is_no_speaker(tmp_path: Path) -> None:
    lines: list[str] = []
    for i, words in enumerate(SAID):
        lines += ["Sure", f"{_clock(3 * i, ',')} --> {_clock(3 * i + 3, ',')}", words]
    f = tmp_path / "tight.txt"
    f.write_text("\n".join(lines) + "\n", "utf-8")
    read = _read(f)
    assert "Sure" not in {speaker for speaker, _ in read}
    assert sum(words.count("Sure") for _, words in read) >= 3
