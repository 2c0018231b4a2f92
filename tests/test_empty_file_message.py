"""An empty or blank transcript file gives one message whatever its format. Before (s62
formats, F3), an empty .csv said "no speech found (the file is empty)" and an empty .txt "no
speech found (the file holds no transcript text: check that it is the right file)"."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

FORMATS = ("txt", "md", "csv", "tsv", "vtt", "srt", "json", "html")


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_empty_file_gives_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(f"p05.{suffix}").write_text("", encoding="utf-8")
    run = roqa("inspect", f"p05.{suffix}")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: p05.{suffix}: no speech found (the file is empty: check that it is the "
        "right file)\n",
    )


@pytest.mark.parametrize(
    "content", ["\n  \n\n", " \t \r\n\r\n"], ids=["blank lines", "white space"]
)
@pytest.mark.parametrize("suffix", FORMATS)
def test_a_file_of_blanks_says_so_not_that_it_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, content: str
) -> None:
    """Session 77, ux tester defect 4: a file of blank lines (it has bytes) was "the file is
    empty"."""
    monkeypatch.chdir(tmp_path)
    Path(f"p05.{suffix}").write_bytes(content.encode("utf-8"))
    run = roqa("inspect", f"p05.{suffix}")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: p05.{suffix}: no speech found (the file holds only blank lines or white "
        "space: check that it is the right file)\n",
    )


def test_a_file_of_text_but_no_speech_still_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p05.vtt").write_text("WEBVTT\n\nNOTE exported by Zoom\n", encoding="utf-8")
    run = roqa("inspect", "p05.vtt")
    assert (run.code, run.err) == (
        2,
        "roqa: error: p05.vtt: no speech found (the file holds no transcript text: check that "
        "it is the right file)\n",
    )


@pytest.mark.parametrize("command", ["inspect", "code"])
def test_a_file_of_only_sound_notes_is_no_speech(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """s71 readers, finding 2: a caption file of a NOTE and a ``[Music]`` cue was read as one
    participant's turn, "0 participant turn(s) to code" and "no speaker labels found", exit 0."""
    monkeypatch.chdir(tmp_path)
    Path("p05.vtt").write_text(
        "WEBVTT\n\nNOTE nothing transcribed\n\n1\n00:00:01.000 --> 00:00:02.000\n[Music]\n\n"
        "2\n00:00:03.000 --> 00:00:04.000\n[APPLAUSE] (laughs)\n",
        encoding="utf-8",
    )
    run = roqa(command, "p05.vtt", *(["--out", "out"] if command == "code" else []))
    assert run.code == 2
    assert run.err.endswith(
        "p05.vtt: no speech found (the file holds only transcriber's notes ('[Music] "
        "[APPLAUSE] (laughs)'), no one's words: check that it is the right file)\n"
    )
