"""Specification of training_data/offframework.jsonl: team-written talk that fits no CFIR code.

It teaches the classifier and the novelty detector what "no construct" looks like: small talk,
career biography, filler, and the procedural talk (consent, Zoom, goodbyes) of every interview.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OFFFRAMEWORK = REPO / "training_data" / "offframework.jsonl"
SEED_QUOTES = REPO / "training_data" / "seed_quotes.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for line in OFFFRAMEWORK.read_text(encoding="utf-8").splitlines()]


def test_there_are_at_least_160_records() -> None:
    assert len(_records()) >= 160


def test_at_least_50_records_are_procedural() -> None:
    assert Counter(r["kind"] for r in _records())["procedural"] >= 50


def test_kind_is_off_framework_or_procedural() -> None:
    assert {r["kind"] for r in _records()} == {"off-framework", "procedural"}


def test_no_record_carries_a_code() -> None:
    assert all(r["codes"] == [] for r in _records())


def test_ids_are_numbered_none_001_upwards_without_gaps() -> None:
    records = _records()
    assert [r["id"] for r in records] == [f"none-{i:03d}" for i in range(1, len(records) + 1)]


def test_no_text_is_repeated() -> None:
    texts = [r["text"].casefold() for r in _records()]
    assert len(texts) == len(set(texts))


def test_no_text_overlaps_a_seed_quote() -> None:
    seeds = [json.loads(line)["text"] for line in SEED_QUOTES.read_text("utf-8").splitlines()]
    for r in _records():
        assert not any(r["text"] in s or s in r["text"] for s in seeds), r["id"]


def test_every_record_is_team_written() -> None:
    assert {r["source"] for r in _records()} == {"team-written"}


def test_work_talk_without_codes_is_learnt_as_fitting_no_code_not_as_small_talk() -> None:
    from roqa_nlp.autocoder import label_of
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.training import as_training_set

    records = [
        {"id": "w", "text": "I sing in the car on the way in.", "kind": "off-framework-work"},
        {"id": "s", "text": "Lovely weather today, isn't it?", "kind": "off-framework"},
        {"id": "p", "text": "Can you hear me okay?", "kind": "procedural"},
    ]
    ts = as_training_set(records, Codebook.load("cfir-2009"), descriptions=False)
    assert ts.codes == [[], [], []]
    assert ts.kinds == ["off-framework-work", "off-framework", "procedural"]
    assert ts.valence_rows() == []
    # the class of segments found to fit no code, as a researcher's rejected ones, not small talk
    assert [label_of(c, k) for c, k in zip(ts.codes, ts.kinds)] == [
        "REJECTED",
        "NONE",
        "PROCEDURAL",
    ]
