"""Specification (docs2 tester, session 81, #9): `roqa train` of the training data said nothing
for 13 minutes when standard error was no terminal (a log, nohup, a pipe, a notebook's
`!roqa train`), where a terminal shows the embedding bar: the run could not be told from a hang.
There, a run of 256 texts or more (as the bar is drawn for one) says each stage in one plain
line; a smaller run, and a terminal, are as before."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp import embedding
from roqa_nlp.cli import main
from roqa_nlp.embedding import Embedder

CODES = ["IS.E.2", "OS.D", "PR.B.3", "IS.D.5", "IC.F"]
#: CFIR 2009's codable codes, one description example each, embedded with the records
DESCRIPTIONS = 39


def _vectors(self: Embedder, texts: Sequence[str]) -> np.ndarray:
    """A vector a text, made from its SHA-256: no model loaded."""
    rows = [np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8)[:8] for t in texts]
    x = np.asarray(rows, dtype=np.float32).reshape(len(texts), 8) + 1.0
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _records(path: Path, n: int) -> Path:
    valences = ["barrier", "enabler"]
    path.write_text(
        "".join(
            json.dumps(
                {
                    "text": f"Record {i} of the team's interviews, about {CODES[i % 5]}.",
                    "construct": CODES[i % 5],
                    "valence": valences[i % 2],
                }
            )
            + "\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    return path


def _train(tmp_path: Path, n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr(Embedder, "encode", _vectors)
    monkeypatch.setattr(Embedder, "dim", property(lambda self: 8))
    data = _records(tmp_path / "records.jsonl", n)
    err = io.StringIO()  # no terminal
    code = 0
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            main(["train", str(data), "--out", str(tmp_path / "model")])
        except SystemExit as e:
            code = int(e.code or 0)
    return code, err.getvalue()


def test_a_long_training_run_says_its_stages_where_no_bar_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, err = _train(tmp_path, 240, monkeypatch)
    assert code == 0, err
    n = 240 + DESCRIPTIONS
    assert [line for line in err.splitlines() if not line.startswith("roqa: warning:")] == [
        f"roqa: embedding {n} training texts (those in the cache are read from it)",
        "roqa: fitting the classifier, valence head and novelty detector",
        f"roqa: writing the model to {tmp_path / 'model'}",
    ]


def test_a_short_training_run_says_no_stages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fewer than 256 texts (as the bar): a few seconds' run, said as before."""
    code, err = _train(tmp_path, 256 - DESCRIPTIONS - 1, monkeypatch)
    assert code == 0, err
    assert [line for line in err.splitlines() if not line.startswith("roqa: warning:")] == []


def test_a_terminal_gets_the_bar_and_no_stage_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(embedding, "_progress_console", lambda: _Console(True))
    with embedding.stages_said():
        embedding.say_stage("fitting", 10_000)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(embedding, "_progress_console", lambda: _Console(False))
    embedding.say_stage("fitting", 10_000)  # outside roqa train (ac.fit in Python): not said
    assert capsys.readouterr().err == ""
    with embedding.stages_said():
        embedding.say_stage("fitting", 10_000)
    assert capsys.readouterr().err == "roqa: fitting\n"


class _Console:
    def __init__(self, terminal: bool) -> None:
        self.is_terminal = terminal
        self.is_dumb_terminal = False
