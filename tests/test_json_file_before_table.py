"""``roqa agree ... --json F | head`` left no F: the table was printed first, and when ``head``
stopped reading, the closed standard output ended the run before F was written (newcomer,
session 47). ``agree`` and ``evaluate`` now write their files (``--json``, ``--predictions``)
before they print the tables, so a reader gone early costs the screen output only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import roqa_nlp
from test_cli_agree import seg, write_result

SRC = Path(roqa_nlp.__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parents[1] / "examples" / "gold" / "labelled.jsonl"


def with_reader_gone(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``roqa ARGS | head -0``: standard output a pipe closed before roqa writes to it."""
    child = subprocess.Popen(
        [sys.executable, "-c", "from roqa_nlp.cli import main; main()", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()
    err = child.stderr.read()
    return subprocess.CompletedProcess(child.args, child.wait(timeout=600), "", err)


def test_agree_writes_its_json_when_the_reader_has_gone(tmp_path: Path) -> None:
    ann = write_result(tmp_path / "ann", [seg(0, ["X"]), seg(1, ["Y"])])
    ben = write_result(tmp_path / "ben", [seg(0, ["X"]), seg(1, ["X"])])
    done = with_reader_gone("agree", ann, ben, "--json", tmp_path / "agree.json")
    assert (done.returncode, done.stderr) == (141, "")
    assert json.loads((tmp_path / "agree.json").read_text("utf-8"))["n_units"]["all"] == 2


@pytest.mark.slow
def test_evaluate_writes_its_files_when_the_reader_has_gone(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    metrics, predictions = tmp_path / "m.json", tmp_path / "p.jsonl"
    done = with_reader_gone(
        "evaluate", GOLD, "--model", tiny_model_dir, "--json", metrics, "--predictions", predictions
    )
    assert (done.returncode, done.stderr) == (141, "")
    n = len(GOLD.read_text("utf-8").splitlines())
    assert json.loads(metrics.read_text("utf-8"))["n"] == n
    assert len(predictions.read_text("utf-8").splitlines()) == n
