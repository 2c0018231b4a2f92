"""roqa's codings given as the decisions file are said to be the codings, with what to give.

Mistakes tester, session 52: ``roqa apply-decisions coded --decisions coded/codings.csv`` said
"row 2: unknown decision ''", which does not say that this is the codings spreadsheet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.decisions import read_decisions
from roqa_nlp.errors import RoqaError
from test_cli_agree import seg, write_result
from test_cli_core import roqa

GIVE = (
    "give the decisions.csv that Save decisions in report.html writes, or a .xlsx or .jsonl with "
    "its columns"
)


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return write_result(tmp_path / "coded", [seg(0, ["X"]), seg(1, [])])


def test_apply_decisions_given_the_codings_spreadsheet(coded: Path, tmp_path: Path) -> None:
    run = roqa(
        "apply-decisions", coded, "--decisions", coded / "codings.csv",
        "--out", tmp_path / "rev", "--coder", "ann",
    )  # fmt: skip
    assert tuple(run) == (
        2,
        "",
        f"roqa: error: {coded / 'codings.csv'}: is the spreadsheet of the codings, not a "
        f"decisions file ({GIVE})\n",
    )
    assert not (tmp_path / "rev").exists()


def test_report_given_the_codings_as_decisions(coded: Path, tmp_path: Path) -> None:
    run = roqa(
        "report", coded, "--decisions", coded / "codings.jsonl", "--out", tmp_path / "r.html"
    )
    assert tuple(run) == (
        2,
        "",
        f"roqa: error: {coded / 'codings.jsonl'}: is roqa's codings (one segment a line), not a "
        f"decisions file ({GIVE})\n",
    )


def test_a_decisions_file_without_a_decision_in_a_row_still_says_the_row(tmp_path: Path) -> None:
    f = tmp_path / "decisions.csv"
    f.write_text("segment_id,decision,code_id\nT1:0,,X\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(f)
    assert str(e.value) == (
        f"{f}: row 2: unknown decision '' (use accept, reject, recode, new-code, no-code, note or "
        "valence)"
    )
