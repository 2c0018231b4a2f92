"""Specification: the Python recipes the docs give for `roqa evaluate --predictions`, run as
written on a small predictions file, give the numbers `roqa evaluate` printed.

Blind tester (s58), findings 1 and 2: docs/report.md's reliability-diagram recipe kept the
records whose gold was truthy, and a NONE record's gold is ``["NONE"]``, so it counted the NONE
records and its diagram's calibration error was not evaluate's (0.159 against 0.182);
docs/model.md's AUROC recipe took ``not r["gold"]``, False for every record, and gave nan.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import codes_said
from roqa_nlp.report import reliability_view

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "tests" / "data" / "core" / "tiny_labelled.jsonl"


def python_block_after(page: str, heading: str) -> str:
    """The first ```python block under ``heading`` in docs/``page``."""
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


@pytest.fixture(scope="module")
def evaluated(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with `preds.jsonl` and `metrics.json` from one `roqa evaluate` run of the tiny
    labelled records (5 coded, 2 NONE), and a run's `coded/run.json` to draw the diagram in."""
    folder = tmp_path_factory.mktemp("recipes")
    args = ["evaluate", LABELLED, "--model", tiny_model_dir]
    args += ["--json", folder / "metrics.json", "--predictions", folder / "preds.jsonl"]
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main([str(a) for a in args])
    (folder / "coded").mkdir()
    (folder / "coded" / "run.json").write_text(json.dumps({"model": "tiny"}), "utf-8")
    return folder


def test_reliability_recipe_gives_the_ece_evaluate_printed(
    evaluated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = python_block_after("report.md", "### A reliability diagram")
    monkeypatch.chdir(evaluated)
    exec(recipe, {})  # as a researcher would paste it
    run = json.loads((evaluated / "coded" / "run.json").read_text("utf-8"))
    drawn = reliability_view(run["reliability"])
    metrics = json.loads((evaluated / "metrics.json").read_text("utf-8"))
    assert drawn is not None
    assert (drawn["n"], metrics["n_coded"]) == (5, 5)
    assert drawn["ece"] == pytest.approx(metrics["ece"])


def test_auroc_recipe_gives_the_novelty_auroc_evaluate_printed(evaluated: Path) -> None:
    page = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    (expression,) = re.findall(r"`(roc_auc_score\(.*?\))`", page)
    from sklearn.metrics import roc_auc_score

    lines = (evaluated / "preds.jsonl").read_text("utf-8").splitlines()
    preds = [json.loads(line) for line in lines]
    auroc = eval(expression, {"roc_auc_score": roc_auc_score, "preds": preds})
    metrics = json.loads((evaluated / "metrics.json").read_text("utf-8"))
    assert metrics["n_none"] == 2
    assert auroc == pytest.approx(metrics["novelty_auroc"])


def test_the_about_line_starts_as_documented(cfir2009: Codebook) -> None:
    """Blind tester (s58), finding 6: report.md said the About sheet starts "Codes: CFIR 2009.";
    it gives the codebook's full name."""
    page = " ".join((ROOT / "docs" / "report.md").read_text(encoding="utf-8").split())
    about = page.split("The workbook's second sheet, *About*", 1)[1].split("## ", 1)[0]
    assert f"`Codes: {codes_said(cfir2009, [])}.`" in about
