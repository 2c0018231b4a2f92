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
    names = ("codings.jsonl", "labelled.jsonl", "transcripts.jsonl")
    shipped = {name: (GOLD / name).read_bytes() for name in names}
    out = tmp_path / "gold" / "codings.jsonl"
    gold_to_codings.main([str(GOLD / "codings.jsonl"), "--out", str(out)])
    assert capsys.readouterr().out == (
        f"{out}: 76 segments, 44 coded; {out.parent / 'labelled.jsonl'}: the same as records\n"
    )
    assert {name: (GOLD / name).read_bytes() for name in shipped} == shipped
    assert out.read_bytes() == shipped["codings.jsonl"]
    assert (out.parent / "labelled.jsonl").read_bytes() == shipped["labelled.jsonl"]
    assert (out.parent / "transcripts.jsonl").read_bytes() == shipped["transcripts.jsonl"]


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


def test_the_gold_carries_the_example_interviews_as_read_without_fingerprints() -> None:
    """examples/gold/transcripts.jsonl holds the three interviews as roqa code reads them, so
    that the gold is a coding result with its texts; and no fingerprint of the files as read on
    the machine that wrote it (the SHA-256 of its folder's path means nothing in a clone)."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.source_fingerprints import SOURCE_FOLDER_SHA256, SOURCE_SHA256
    from roqa_nlp.transcripts import read_transcript

    gold = CodingResult.read(GOLD / "codings.jsonl")
    assert sorted(gold.transcripts) == ["p01_interview", "p02_interview", "p03_interview"]
    for t in gold.transcripts.values():
        assert t.source == f"examples/interviews/{Path(t.source).name}"
        assert t.text == read_transcript(REPO / t.source).text
        assert not {SOURCE_SHA256, SOURCE_FOLDER_SHA256} & set(t.metadata)
    for s in gold:
        assert gold.transcripts[s.segment.transcript_id].text[s.segment.start : s.segment.end] == (
            s.segment.text
        )


def test_the_gold_exports_from_a_clone_as_the_docs_say_and_comes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/refi-qda.md: hand-made codings such as examples/gold/ export under their folder's
    name. `roqa export examples/gold --qdpx g.qdpx` from a clone said the transcripts' text was
    not available (tester, session 50); it exports the 72 codes given to the 44 coded segments,
    and `roqa import` gives each back on its words with its valence."""
    from roqa_nlp.cli import main
    from roqa_nlp.exchange import read_qdpx
    from roqa_nlp.result import CodingResult

    monkeypatch.chdir(REPO)
    qdpx = tmp_path / "g.qdpx"
    assert main(["export", "examples/gold", "--qdpx", str(qdpx)]) in (0, None)

    def codings(result: CodingResult) -> list[tuple[str, int, int, str, str]]:
        return sorted(
            (s.segment.transcript_id, s.segment.start, s.segment.end, g.code_id, g.valence)
            for s in result
            for g in s.suggestions
        )

    given = codings(CodingResult.read(GOLD / "codings.jsonl"))
    back = read_qdpx(qdpx)
    assert list(back.codings) == ["gold"]
    assert len(given) == 72
    assert codings(back.codings["gold"]) == given
