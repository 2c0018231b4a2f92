"""Paths the commands print are never broken by a newline at a narrow terminal.

Terminal tester, session 45: `COLUMNS=40 roqa code iv/ --out .../a_rather_long_output_folder_name
/... | cat` printed each output file's path cut into 40-character lines, so a path copied from
the output was not the file's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"


def test_code_at_40_columns_prints_each_path_whole(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = tmp_path / "a_rather_long_output_folder_name" / "for_the_study" / "coded_run_two"
    code, said, err = roqa(
        "code", EXAMPLES / "p01_interview.txt", "--out", out, "--model", tiny_model_dir
    )
    assert code == 0, err
    lines = said.splitlines()
    for name in ("codings.jsonl", "codings.csv", "transcripts.jsonl", "run.json", "report.html"):
        assert f"  {name:18} {out / name}" in lines
    coded = next(line for line in lines if line.startswith("Coded 1 transcript(s)"))
    assert f"with the model in {tiny_model_dir}" in coded
