"""Specification of what ``roqa export`` says of a review's segments that give no coding: those
the reviewer decided fit no code are said so, not "no suggestion" (tester s51, opencoding 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_agree_trained_on import model_run
from test_cli_agree import run


def test_the_export_of_a_review_says_its_segments_without_a_code_were_decided_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tester s51 (opencoding, 6): `roqa export reviewed/` said "no suggestion: 5" of segments
    the reviewer had decided fit no code (every suggestion shown rejected)."""
    run_dir = model_run(tmp_path / "coded", {})
    (run_dir / "decisions.csv").write_text(
        "segment_id,decision,code_id\n"
        "p01:0001,accept,IS.C\np01:0002,no-code,\np01:0003,reject,IS.A\n",
        encoding="utf-8",
    )
    out = tmp_path / "reviewed"
    code, _, err = run(["apply-decisions", str(run_dir), "--coder", "R", "--out", str(out)], capsys)
    assert code == 0, err
    code, said, err = run(["export", str(out), "--qdpx", str(tmp_path / "r.qdpx")], capsys)
    assert code == 0, err
    assert "; 2 segments left out as in the report (decided to fit no code: 2)" in said
