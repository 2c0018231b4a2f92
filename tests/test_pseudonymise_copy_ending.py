"""Each pseudonymised copy ends with one newline (docs/privacy.md), also when the transcript's
own text ends with blank lines; read back, it gives the same turns at the same offsets.

Session 75 tester (pseudo, LOW): the copies p03.txt and p06_P06.txt ended with two newlines.
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa


def test_a_copy_ends_with_one_newline_and_reads_back_alike(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    said = "Interviewer: How was it?\n\nP03: Hard, at first.\n\n\n"
    (raw / "p03.txt").write_text(said, encoding="utf-8")
    run = roqa("pseudonymise", raw, "--key", tmp_path / "k.csv", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    copy = (tmp_path / "out" / "p03.txt").read_text(encoding="utf-8")
    assert copy == "Interviewer: How was it?\n\nP03: Hard, at first.\n"
    before, after = read_transcript(raw / "p03.txt"), read_transcript(tmp_path / "out" / "p03.txt")
    assert [(t.speaker, t.start, t.end) for t in before.turns] == [
        (t.speaker, t.start, t.end) for t in after.turns
    ]
