"""Specification (study11 tester, session 81, #4): re-coding a folder with `--codebook cfir-2022`
and a model trained in cfir-2022 wrote no codings.cfir-2022.csv (its codings.csv is in
cfir-2022's codes already) and left the packaged model's run's one in place, with a warning to
delete it: a script reading it, as README and docs/outputs.md point to it, got the earlier
model's codes. That file is the run's own output, as codings.csv is, so roqa's own is removed
(and said) once the new codings are in place."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from test_cli_core import EXAMPLES, TRAINING, roqa


def test_a_run_in_the_codebooks_codes_removes_the_earlier_runs_codings_table(
    tmp_path: Path,
) -> None:
    interviews = tmp_path / "interviews"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    model = tmp_path / "model"
    run = roqa("train", TRAINING, "--codebook", "cfir-2022", "--out", model)
    assert run.code == 0, run.err
    out = tmp_path / "coded"
    run = roqa("code", interviews, "--codebook", "cfir-2022", "--out", out, "--no-report")
    assert run.code == 0, run.err
    table = out / "codings.cfir-2022.csv"
    assert table.is_file()  # the packaged model's codes, translated

    run = roqa(
        "code", interviews, "--codebook", "cfir-2022", "--model", model, "--out", out,
        "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert not table.exists()
    said = [line for line in run.err.splitlines() if "codings.cfir-2022.csv" in line]
    assert said == [
        f"roqa: note: {out}: removed the earlier run's codings.cfir-2022.csv: these codings are "
        "in cfir-2022's codes already, in codings.csv (a codings.cfir-2022.csv is written when "
        "the model's codes are translated into cfir-2022's)"
    ]
    with (out / "codings.csv").open(encoding="utf-8-sig", newline="") as f:
        codes = {r["code_1"] for r in csv.DictReader(f) if r["code_1"]}
    assert codes and {c.split(".")[0] for c in codes} <= {"INN", "OUT", "INS", "IND", "PRO"}


def test_a_run_that_translates_writes_the_table_again(tmp_path: Path) -> None:
    """The packaged model run twice with --codebook cfir-2022: the table is replaced, not
    removed, and nothing is said of it."""
    interviews = tmp_path / "interviews"
    interviews.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", interviews)
    out = tmp_path / "coded"
    for _ in range(2):
        run = roqa("code", interviews, "--codebook", "cfir-2022", "--out", out, "--no-report")
        assert run.code == 0, run.err
        assert (out / "codings.cfir-2022.csv").is_file()
    assert "removed the earlier run's" not in run.err
