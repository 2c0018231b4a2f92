"""The key-phrase labels measured for the open-coding queue (``benchmarks/open_coding_labels.py``,
not used: ``benchmarks/results/open_coding_labels.md``) are the method that note describes:
KeyBERT's n-grams of a group's own talk, the one closest to its centroid."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "open_coding_labels.py"


@pytest.fixture(scope="module")
def labels() -> ModuleType:
    spec = importlib.util.spec_from_file_location("open_coding_labels", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class TableEmbedder:
    """A fixed vector per known text, ``(0, 0, 1)`` for any other; records its calls."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = np.array([self.table.get(t, [0.0, 0.0, 1.0]) for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


TALK = [
    "Staff wellbeing after covid has been hard, people are tired.",
    "Since covid the staff wellbeing side worries me.",
]


def test_candidate_phrases_have_no_stop_word_at_an_edge_and_span_no_punctuation(
    labels: ModuleType,
) -> None:
    """1-4 words; those in the most texts first, then in order of first appearance."""
    texts = ["The staff wellbeing, after covid.", "Staff wellbeing is low."]
    assert labels.phrase_candidates(texts) == [
        "staff",
        "staff wellbeing",
        "wellbeing",
        "covid",
        "staff wellbeing is low",
        "wellbeing is low",
        "low",
    ]


def test_a_hyphen_joins_words_each_counting_towards_the_four(labels: ModuleType) -> None:
    texts = ["Cost-of-living pressures hit staff homes hard."]
    assert labels.phrase_candidates(texts, limit=4) == [
        "cost",
        "cost-of-living",
        "cost-of-living pressures",
        "living",
    ]
    assert "cost-of-living pressures hit" not in labels.phrase_candidates(texts)


def test_the_key_phrase_is_the_one_closest_to_the_centroid(labels: ModuleType) -> None:
    emb = TableEmbedder(
        {
            TALK[0]: [1.0, 0.0, 0.0],
            TALK[1]: [0.8, 0.6, 0.0],
            "staff wellbeing": [0.9, 0.3, 0.0],  # cosine 1.0 with the centroid (0.9, 0.3, 0)
            "covid": [1.0, 0.0, 0.0],  # 0.95
        }
    )
    assert labels.keyphrase(TALK, emb) == "staff wellbeing"
    assert labels.keyphrase(TALK, TableEmbedder({}), limit=3) == "staff"  # a tie: first
    capped = TableEmbedder({})
    labels.keyphrase(TALK, capped, limit=3)
    assert capped.calls[1:] == [["staff", "staff wellbeing", "wellbeing"]]  # one batch, capped
