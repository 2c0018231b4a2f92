"""Specification: one transcript of a folder that cannot be read stops ``roqa code`` and
``roqa inspect`` (exit 2, the study is not coded in part), and the one-line error names the
file and says that the others were not coded (or listed) either.

Session 42 docx tester: one file made `roqa code files3` exit 2 with only that file's error,
and nothing said that the 7 readable transcripts were not coded."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


def folder(tmp_path: Path) -> Path:
    study = tmp_path / "study"
    study.mkdir()
    for n in (1, 2):
        (study / f"p0{n}.txt").write_text(
            f"Interviewer: What gets in the way?\nP0{n}: We never had the budget for agency "
            "staff, so the rota fell apart.\n",
            encoding="utf-8",
        )
    (study / "p03.docx").write_bytes(b"PK\x03\x04 not a Word file")
    return study


def test_inspect_of_a_folder_with_an_unreadable_transcript_says_the_others_are_not_listed(
    tmp_path: Path,
) -> None:
    study = folder(tmp_path)
    run = roqa("inspect", study)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {study / 'p03.docx'}: is not a readable Word .docx file (open it in Word "
        "and save it as .docx, or export it as .txt; the other 2 transcripts were not "
        "inspected: fix this file or leave it out, and run again)"
    )


def test_inspect_of_one_unreadable_file_says_only_its_error(tmp_path: Path) -> None:
    study = folder(tmp_path)
    run = roqa("inspect", study / "p03.docx")
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {study / 'p03.docx'}: is not a readable Word .docx file (open it in Word "
        "and save it as .docx, or export it as .txt)"
    )


@pytest.mark.slow
def test_code_of_a_folder_with_an_unreadable_transcript_says_none_was_coded(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    study = folder(tmp_path)
    out = tmp_path / "coded"
    run = roqa("code", study, "--out", out, "--model", tiny_model_dir, "--no-report")
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {study / 'p03.docx'}: is not a readable Word .docx file (open it in Word "
        "and save it as .docx, or export it as .txt; the other 2 transcripts were not coded: "
        "fix this file or leave it out, and run again)"
    )
    assert not out.exists()
