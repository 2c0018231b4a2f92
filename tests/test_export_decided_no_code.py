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


def test_the_export_of_the_models_codings_says_the_review_beside_them_is_not_in_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blind tester s53 (batches, 3): `roqa export study/ --qdpx F` with the 71-row review in
    study/decisions.csv exported the model's suggestions alone and said nothing of the review.
    One note says it is not exported and how to take it: apply it, export the reviewed folder
    (which says no such thing), as README step 9 says."""
    run_dir = model_run(tmp_path / "coded", {})
    code, _, err = run(["export", str(run_dir), "--qdpx", str(tmp_path / "m.qdpx")], capsys)
    assert (code, err) == (0, "")  # no review beside the codings: no note
    review = run_dir / "decisions.csv"
    review.write_text("segment_id,decision,code_id\np01:0001,accept,IS.C\n", encoding="utf-8")
    code, _, err = run(["export", str(run_dir), "--qdpx", str(tmp_path / "m.qdpx")], capsys)
    assert code == 0
    assert err == (
        f"roqa: note: {review} (the review beside the codings) is not in the export, which holds "
        f"the model's suggestions: apply it (roqa apply-decisions {run_dir} --coder NAME --out "
        "reviewed/) and export that folder (roqa export reviewed/ --qdpx FILE)\n"
    )
    out = tmp_path / "reviewed"
    code, _, err = run(["apply-decisions", str(run_dir), "--coder", "R", "--out", str(out)], capsys)
    assert code == 0, err
    code, _, err = run(["export", str(out), "--qdpx", str(tmp_path / "r.qdpx")], capsys)
    assert (code, err) == (0, "")
