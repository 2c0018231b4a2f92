"""``roqa evaluate p01_interview.txt`` said "line 1 is not valid JSON" (newcomer, session 47):
a transcript is said to be one, with what evaluate takes and how to code a transcript, before
any model is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.mark.parametrize("name", ["p01_interview.txt", "P01.docx", "P01.vtt"])
def test_a_transcript_given_to_evaluate(name: str, tmp_path: Path) -> None:
    transcript = tmp_path / name
    transcript.write_text("Interviewer: Hello.\nP01: We lack staff.\n", encoding="utf-8")
    run = roqa("evaluate", transcript, "--model", tmp_path / "no-model")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {transcript}: is a transcript, not labelled records (roqa evaluate takes "
        "labelled records (.jsonl, .csv or .xlsx with the columns text and construct); to code a "
        f"transcript: roqa code {transcript} --out coded/)\n",
    )
