"""The held-out benchmarks score the segments ``roqa code`` makes, not some other cut of the turns.

Until session 10, ``benchmarks/heldout_interviews.py`` segmented with the conservative token
estimate while ``roqa code`` counts the model's word pieces, so long turns were split into more,
shorter segments than researchers get and the published per-segment numbers were off.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from roqa_nlp.embedding import Embedder

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "benchmarks"
# The set with the longest turns: 29 of its 100 participant turns exceed 200 word pieces.
LONG_TURNS = BENCHMARKS / "data" / "heldout_seed_guide"


@pytest.fixture(scope="module")
def heldout_interviews() -> Iterator[ModuleType]:
    """The benchmark module, imported as its scripts import it; sys.path and sys.modules are put
    back afterwards (it adds ``benchmarks/`` to the path and imports ``scoring``)."""
    if not LONG_TURNS.is_dir():
        pytest.skip(f"{LONG_TURNS} is missing")
    path, modules = list(sys.path), set(sys.modules)
    sys.path.insert(0, str(BENCHMARKS))
    try:
        spec = importlib.util.spec_from_file_location(
            "heldout_interviews", BENCHMARKS / "heldout_interviews.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["heldout_interviews"] = module  # its dataclass looks itself up there
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.path[:] = path
        for name in set(sys.modules) - modules:
            if name in ("heldout_interviews", "scoring"):
                del sys.modules[name]


def test_heldout_segments_are_the_segments_roqa_code_makes(
    heldout_interviews: ModuleType, embedder: Embedder
) -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.transcripts import read_transcript

    book = Codebook.load("cfir-2009")
    ac = AutoCoder(book, embedder=embedder)
    expected = [
        (path.stem, s.text, s.context or "")
        for path in sorted(LONG_TURNS.glob("*.txt"))
        for s in ac.segments_of(read_transcript(path))
        if s.role == "participant"
    ]
    got = heldout_interviews.heldout_segments(book, ac.params["unit"], LONG_TURNS)
    assert list(zip(got.transcripts, got.texts, got.questions)) == expected
    # 100 participant turns, 29 of them cut in two (the estimate made 165 segments of them)
    assert len(expected) == 129


EXAMPLES = REPO / "examples"


def test_the_example_gold_is_keyed_to_the_segments_roqa_code_makes(embedder: Embedder) -> None:
    """examples/gold codes every participant segment of the example interviews by id; the ids and
    texts must be those ``roqa code`` gives now, or ``roqa agree`` compares the model with the gold
    of other talk (until session 30 p02 and p03 were keyed to their turns as cut at every
    interviewer "Mm-hmm.": 89 segments, not 76; until session 32 p02's answer was cut at the
    "Mm-hmm." after its "... who's liable?": 77)."""
    import csv
    import json

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.transcripts import read_transcript

    ac = AutoCoder(Codebook.load("cfir-2009"), embedder=embedder)
    segments = [
        (s.id, s.text)
        for path in sorted((EXAMPLES / "interviews").glob("p0*"))
        for s in ac.segments_of(read_transcript(path))
        if s.role == "participant"
    ]
    lines = (EXAMPLES / "gold" / "codings.jsonl").read_text("utf-8").splitlines()
    gold_jsonl = [json.loads(line) for line in lines if line]
    assert [(r["segment_id"], r["text"]) for r in gold_jsonl] == segments
    with (EXAMPLES / "gold" / "codings.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(dict.fromkeys(r["segment_id"] for r in rows)) == [sid for sid, _ in segments]
    coded = {r["segment_id"] for r in rows if r["code_id"]}
    per_transcript = [sum(sid.startswith(p) for sid, _ in segments) for p in ("p01", "p02", "p03")]
    assert (len(segments), per_transcript, len(coded)) == (76, [29, 24, 23], 44)
