"""Specification: docs/refi-qda.md's "From Python" block runs as written and says what it shows.

API tester (session 82), defect 4: export_qdpx, read_qdpx_codings and read_qdpx_transcripts were
documented nowhere; docs/python.md named the readers only in passing."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from test_apply_decisions import model_codings

ROOT = Path(__file__).resolve().parents[1]


def python_block_after(page: str, heading: str) -> str:
    """The first ```python block under ``heading`` in docs/``page``."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_the_refiqda_python_block_exports_and_reads_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    model_codings().save(tmp_path / "coded")  # 6 segments in p01 and p02, each 2 suggestions
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(python_block_after("refi-qda.md", "## From Python"), {})  # noqa: S102
    user = "roqa_nlp 0.1.0 (model sha256: abc123…)"
    # the model's top suggestion of each of the 6 segments, one coding each, in 2 sources
    assert out.getvalue().splitlines() == [f"{user} 2 6", f"{user} 6", "p01 1", "p02 1"]
    assert (tmp_path / "project.qdpx").is_file()


def test_python_md_points_to_the_refiqda_python_section() -> None:
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    assert 'export_qdpx(result, "cfir-2009", "project.qdpx")' in text
    assert '(docs/refi-qda.md, "From\n  Python")' in text
