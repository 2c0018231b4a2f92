"""A Rev-style note with its time in a .txt (``[inaudible 00:00:31]``, ``[crosstalk 00:01:02]``)
keeps the file's text, so every offset is the file's (tester s48: RM34.txt was rewritten in a
canonical rendering, a segment at 70 where the file has it at 92); the model does not read the
note, its time included."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.annotations import without_annotations
from roqa_nlp.transcripts.segment import segment

REV = (
    "Interviewer (00:00:05):\n"
    "Okay, so, can you tell me about your role?\n\n"
    "Ravi Sandhu (00:00:09):\n"
    "I'm the registered manager. [inaudible 00:00:31] We're staffed all week.\n\n"
    "Interviewer (00:00:30):\n"
    "What helps the service work well?\n\n"
    "Ravi Sandhu (00:00:34):\n"
    "The crisis team, definitely. [crosstalk 00:01:02] We share a building.\n"
)


def test_a_notes_time_keeps_the_files_text_and_offsets(tmp_path: Path) -> None:
    f = tmp_path / "rm34.txt"
    f.write_text(REV, encoding="utf-8")
    t = read_transcript(f)
    assert t.text == REV and t.metadata["rendering"] == "original"
    got = [(s.start, s.end, s.begin_time) for s in segment(t, "window")]
    assert got == [(92, 164, 9.0), (249, 319, 34.0)]
    assert REV[92:164] == "I'm the registered manager. [inaudible 00:00:31] We're staffed all week."


def test_the_model_reads_no_notes_time() -> None:
    assert without_annotations("The crisis team. [crosstalk 00:01:02] We share.") == (
        "The crisis team. We share."
    )
