"""The example gold's files and the script that writes them (``benchmarks/gold_to_codings.py``).

``examples/gold/README.md`` shows the script; until session 35 it could only rewrite the shipped
``examples/gold/codings.jsonl``, so a researcher following the README overwrote the repository's
gold. ``--out`` writes elsewhere; ``labelled.jsonl`` (the gold as labelled records, which the
README's Python quick-start evaluates) is written beside it and must match the shipped one.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "examples" / "gold"


@pytest.fixture(scope="module")
def gold_to_codings() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location(
        "gold_to_codings", REPO / "benchmarks" / "gold_to_codings.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gold_to_codings"] = module  # its dataclasses look themselves up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["gold_to_codings"]


def test_out_writes_the_gold_elsewhere_and_leaves_the_shipped_files_alone(
    gold_to_codings: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The shipped gold's own segments stand in for a run of roqa code (same ids and texts)."""
    shipped = {name: (GOLD / name).read_bytes() for name in ("codings.jsonl", "labelled.jsonl")}
    out = tmp_path / "gold" / "codings.jsonl"
    gold_to_codings.main([str(GOLD / "codings.jsonl"), "--out", str(out)])
    assert capsys.readouterr().out == (
        f"{out}: 76 segments, 44 coded; {out.parent / 'labelled.jsonl'}: the same as records\n"
    )
    assert {name: (GOLD / name).read_bytes() for name in shipped} == shipped
    assert out.read_bytes() == shipped["codings.jsonl"]
    assert (out.parent / "labelled.jsonl").read_bytes() == shipped["labelled.jsonl"]


def test_labelled_records_are_the_gold_codes_with_the_main_codes_valence() -> None:
    lines = (GOLD / "labelled.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 76
    assert sum(1 for r in records if r.get("construct") == "NONE") == 32
    by_id = {r["id"]: r for r in records}
    # two gold codes, main first, both enablers in codings.csv
    assert (by_id["p01_interview:0011"]["codes"], by_id["p01_interview:0011"]["valence"]) == (
        ["IS.C", "IS.D.2"],
        "enabler",
    )
    assert by_id["p01_interview:0001"] == {
        "id": "p01_interview:0001",
        "text": "Yes, I can hear you. Sorry, I was just finding the right button, I've only used "
        "Zoom properly since March.",
        "construct": "NONE",
        "context": "",
    }
