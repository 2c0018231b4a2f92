"""Specification of what ``roqa agree`` says when a model is compared on segments it was
trained on: a model retrained with a review (``roqa train --feedback``) and compared with that
same review repeats it, so its agreement is no validation (tester s51, opencoding 2: kappa
0.992, unsaid, where ``roqa code`` warned that 64 of 91 segments were in the model's training
decisions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Transcript
from roqa_nlp.training import text_hashes
from test_agree_codings_count import TEXT, suggested
from test_cli_agree import run

TRAINED_ON = ["Staff here are very committed to it.", "The rooms are too small."]


def model_run(folder: Path, card: dict) -> Path:
    """A model's run of three segments, its card recording the review texts it was trained on."""
    CodingResult(
        segments=[
            suggested(1, "Staff here are very committed to it.", "IS.C", "Culture", 0.9),
            suggested(2, "Everyone pulls together on shifts.", "IS.C", "Culture", 0.8),
            suggested(3, "The rooms are too small.", "IS.A", "Structural Characteristics", 0.7),
        ],
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"model": {"hash": "abcd1234ef567890"}, "model_card": card},
    ).save(folder)
    return folder


def reviewed(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    (run_dir / "decisions.csv").write_text(
        "segment_id,decision,code_id\n"
        "p01:0001,accept,IS.C\np01:0002,accept,IS.C\np01:0003,accept,IS.A\n",
        encoding="utf-8",
    )
    out = run_dir.parent / "reviewed"
    code, _, err = run(
        ["apply-decisions", str(run_dir), "--coder", "Researcher", "--out", str(out)], capsys
    )
    assert code == 0, err
    return out


def test_a_model_compared_on_its_training_decisions_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = {"feedback": {"text_sha256": text_hashes(TRAINED_ON)}}
    run_dir = model_run(tmp_path / "coded", card)
    code, out, err = run(["agree", str(run_dir), str(reviewed(run_dir, capsys))], capsys)
    assert code == 0, err
    said = [x for x in " ".join(out.split()).split("Warning: ")[1:] if "training" in x]
    assert [x.split(". ")[0] for x in said] == [
        "coded: 2 of the 3 segments compared were in this model's training decisions: its "
        "codes on them repeat that review, so agreement on them is no held-out validation of "
        "the model (compare it on interviews it was not trained with)"
    ]


def test_a_model_trained_without_those_segments_is_not_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_dir = model_run(tmp_path / "coded", {"feedback": {"text_sha256": text_hashes(["No."])}})
    code, out, err = run(["agree", str(run_dir), str(reviewed(run_dir, capsys))], capsys)
    assert code == 0, err
    assert "training decisions" not in out
