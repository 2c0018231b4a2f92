"""``roqa evaluate --json -`` and ``roqa agree --json -``: the JSON alone on standard output.

Terminal tester, session 45: both refused ``--json -`` and ``--json /dev/stdout`` ("writes
JSON, not a file without an extension"), while ``suggest --json`` and ``inspect --json`` print
theirs, so ``roqa agree ... --json - | jq`` could not be written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli_core import roqa

#: Two coders, ten units: pooled kappa 0.375 over all units (tests/test_cli_agree.py).
CSV = (
    "unit,coder,code\n"
    "u1,A,X\nu1,B,X\nu2,A,X\nu2,B,X\nu3,A,X\nu3,B,\nu4,A,Y\nu4,B,X\nu5,A,\nu5,B,Y\n"
    + "".join(f"u{i},A,\nu{i},B,\n" for i in range(6, 11))
)
LABELLED = Path(__file__).resolve().parent / "data" / "core" / "tiny_labelled.jsonl"


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_agree_json_dash_prints_the_json_alone_on_stdout(target: str, tmp_path: Path) -> None:
    csv = tmp_path / "codings.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, out, err = roqa("agree", csv, "--n-boot", "0", "--json", target)
    assert code == 0, err
    data = json.loads(out)  # nothing but the JSON
    assert data["pooled"]["all"]["kappa"] == pytest.approx(0.375)
    assert data["coders"] == ["A", "B"]
    assert "2 coders: A, B; 10 units" in err and "Cohen's kappa" in err
    assert "Wrote" not in err
    assert not (tmp_path / "-").exists()


def test_evaluate_json_dash_prints_the_json_alone_on_stdout(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    code, out, err = roqa("evaluate", LABELLED, "--json", "-", "--model", tiny_model_dir)
    assert code == 0, err
    data = json.loads(out)
    assert data["n"] == 7
    assert f"Evaluation on {LABELLED}" in err
    assert not Path("-").exists()


def test_evaluate_and_agree_say_the_json_file_they_wrote(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Newcomer s68: ``roqa evaluate FILE --json OUT`` wrote OUT without a word, where ``roqa
    agree ... --json agree.json`` says ``Wrote agree.json`` and evaluate names its
    ``--predictions`` file. Both say it the one way, after their tables; ``--json -`` says
    nothing of a file (above)."""
    out, preds = tmp_path / "m.json", tmp_path / "errors.jsonl"
    code, stdout, err = roqa(
        "evaluate", LABELLED, "--json", out, "--predictions", preds, "--model", tiny_model_dir
    )
    assert code == 0, err
    assert stdout.splitlines()[-2:] == [f"Wrote {out}", f"predictions: {preds}"]
    assert json.loads(out.read_text("utf-8"))["n"] == 7
    csv = tmp_path / "codings.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, stdout, err = roqa("agree", csv, "--n-boot", "0", "--json", tmp_path / "agree.json")
    assert code == 0, err
    assert stdout.splitlines()[-1] == f"Wrote {tmp_path / 'agree.json'}"
