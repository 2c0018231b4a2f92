"""Open-coding cache: the queue of unchanged novel segments comes back without clustering, equal
to a fresh one; anything it depends on misses; a broken value is recomputed."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from roqa_nlp import open_coding_cache as occ
from roqa_nlp.open_coding import CandidateCode, OpenCodingQueue, open_coding_queue
from roqa_nlp.open_coding_cache import (
    CACHE_FILE,
    cached_open_coding_queue,
    candidates_from_json,
    candidates_to_json,
)
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Transcript, Turn
from test_open_coding import seg_result

ROWS = [  # transcript, text, novel, procedural, vector
    ("t1", "We lost two staff to covid.", True, False, [1.0, 0.0, 0.0]),
    ("t1", "Recruitment is hard for us.", False, False, [1.0, 0.0, 0.0]),
    ("t1", "Can you hear me now?", True, True, [1.0, 0.0, 0.0]),
    ("t1", "Covid sickness took out the covid rota.", True, False, [0.8, 0.6, 0.0]),
    ("t2", "The garden project for residents.", True, False, [0.0, 0.0, 1.0]),
    ("t2", "A covid outbreak closed the home.", True, False, [0.8, -0.6, 0.0]),
]


class StandInEmbedder:
    """Fixed vectors per text; caches in ``folder``; counts what it encodes."""

    def __init__(self, folder: Path | None, cache_hash: str = "model-a"):
        self.folder = folder
        self.cache_hash = cache_hash
        self.vectors = {text: vec for _, text, _, _, vec in ROWS}
        self.encoded = 0

    def cache_dir(self) -> Path | None:
        return self.folder

    def encode(self, texts: list[str]) -> np.ndarray:
        self.encoded += len(texts)
        X = np.asarray([self.vectors.get(t, [1.0, 0.0, 0.0]) for t in texts], dtype=np.float32)
        out: np.ndarray = X / np.linalg.norm(X, axis=1, keepdims=True)
        return out


def coding(rows: list[tuple[str, str, bool, bool, list[float]]] = ROWS) -> CodingResult:
    result = CodingResult()
    starts: dict[str, int] = {}
    for tid, text, novel, procedural, _ in rows:
        start = starts.get(tid, 0)
        result.segments.append(
            seg_result(tid, start, text, start, novel=novel, procedural=procedural)
        )
        starts[tid] = start + len(text) + 1
    for tid, end in starts.items():
        text = " ".join(r[1] for r in rows if r[0] == tid)
        result.transcripts[tid] = Transcript(
            id=tid, text=text, turns=[Turn("P", "participant", 0, end - 1)], participant=tid.upper()
        )
    return result


def queue(folder: Path, result: CodingResult | None = None, **kwargs: Any) -> list[CandidateCode]:
    emb = kwargs.pop("embedder", None) or StandInEmbedder(folder)
    return cached_open_coding_queue(result or coding(), emb, **kwargs)  # type: ignore[arg-type]


def test_a_cached_queue_equals_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = open_coding_queue(coding(), StandInEmbedder(None))  # type: ignore[arg-type]
    assert (len(fresh), len(fresh.ungrouped)) == (1, 1)
    assert queue(tmp_path) == fresh  # miss: stored
    monkeypatch.setattr(occ, "open_coding_queue", None)  # a hit must not call it
    hit = queue(tmp_path)
    assert hit == fresh
    assert isinstance(hit, OpenCodingQueue)
    assert [c.segment_ids for c in hit.ungrouped] == [["t2:0"]]
    assert (hit.ungrouped[0].label, hit.ungrouped[0].grouped) == ("not grouped", False)


def test_a_cached_queue_records_the_grouping_distance_it_was_made_with(tmp_path: Path) -> None:
    """The report names it beside the segments not grouped (it is in the key, not the value)."""
    assert open_coding_queue(coding(), StandInEmbedder(None)).distance_threshold == 0.6  # type: ignore[arg-type]
    assert queue(tmp_path, distance_threshold=0.45).distance_threshold == 0.45  # type: ignore[attr-defined]
    assert queue(tmp_path, distance_threshold=0.45).distance_threshold == 0.45  # type: ignore[attr-defined]


def test_a_hit_encodes_nothing(tmp_path: Path) -> None:
    queue(tmp_path)
    emb = StandInEmbedder(tmp_path)
    queue(tmp_path, embedder=emb)
    assert emb.encoded == 0


def test_the_cache_holds_no_segment_text(tmp_path: Path) -> None:
    fresh = queue(tmp_path)
    assert any(r["text"] for c in fresh for r in c.representative)
    stored = (tmp_path / CACHE_FILE).read_bytes()
    for suffix in ("", "-wal"):
        path = tmp_path / (CACHE_FILE + suffix)
        stored += path.read_bytes() if path.exists() else b""
    assert b"segment_ids" in stored  # the queue is there (perhaps still in the WAL file)
    # keywords are words and word pairs of the texts ("covid sickness"); no three words are kept
    for _, text, *_ in ROWS:
        three_words = " ".join(text.split()[:3])
        assert three_words.encode() not in stored
        assert three_words.lower().encode() not in stored


def test_the_queue_is_stored_as_json_without_texts(tmp_path: Path) -> None:
    fresh = queue(tmp_path)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        (value,) = db.execute("SELECT value FROM entries").fetchone()
    text_of = {s.segment.id: s.segment.text for s in coding().segments}
    assert json.loads(value) == candidates_to_json(fresh, text_of)


@pytest.mark.parametrize(
    "change",
    [
        "text",
        "novel",
        "procedural",
        "segment id",
        "participant",
        "embedder",
        "parameter",
        "unit",
        "talk",
        "background",
    ],
)
def test_anything_the_queue_depends_on_misses(tmp_path: Path, change: str) -> None:
    queue(tmp_path)
    rows = list(ROWS)
    result, kwargs = None, {}
    if change == "text":
        rows[0] = ("t1", "We lost three staff to covid.", True, False, [1.0, 0.0, 0.0])
    elif change == "novel":
        rows[1] = ("t1", "Recruitment is hard for us.", True, False, [1.0, 0.0, 0.0])
    elif change == "procedural":
        rows[0] = ("t1", "We lost two staff to covid.", True, True, [1.0, 0.0, 0.0])
    elif change == "talk":  # not queued, but the keywords are weighed against it
        rows[1] = (
            "t1",
            "Recruitment of staff: hard.",
            False,
            False,
            [1.0, 0.0, 0.0],
        )  # same length
    result = coding(rows)
    if change == "segment id":
        s = result.segments[0]
        result.segments[0] = SegmentResult(
            segment=Segment(**{**s.segment.__dict__, "id": "t1:99"}),
            novel=True,
            novelty_p=0.01,
        )
    elif change == "participant":
        t1 = result.transcripts["t1"]  # frozen: a changed copy
        result.transcripts["t1"] = dataclasses.replace(t1, participant="P77")
    elif change == "embedder":
        kwargs["embedder"] = StandInEmbedder(tmp_path, cache_hash="model-b")
    elif change == "parameter":
        kwargs["n_keywords"] = 4
    elif change == "unit":  # sentences are clustered at another threshold
        result.meta["params"] = {"unit": "sentence"}
    elif change == "background":
        kwargs["background"] = ["Staff, covid and more staff."]
    emb = kwargs.pop("embedder", None) or StandInEmbedder(tmp_path)
    queue(tmp_path, result, embedder=emb, **kwargs)
    assert emb.encoded > 0


def test_the_open_coding_source_is_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue(tmp_path)
    monkeypatch.setattr(occ, "source_hash", lambda *modules: "other code")
    emb = StandInEmbedder(tmp_path)
    queue(tmp_path, embedder=emb)
    assert emb.encoded > 0


def test_the_keywords_stop_words_are_part_of_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    queue(tmp_path)
    monkeypatch.setattr(occ, "english_stop_words", lambda: frozenset({"the"}))
    emb = StandInEmbedder(tmp_path)
    queue(tmp_path, embedder=emb)
    assert emb.encoded > 0


def test_no_novel_segment_gives_an_empty_queue_without_a_cache_file(tmp_path: Path) -> None:
    rows = [(t, x, False, p, v) for t, x, _, p, v in ROWS]
    assert queue(tmp_path, coding(rows)) == []


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        "{}",
        "[1]",
        '[{"id": "candidate-001"}]',
        None,  # every field, one of the wrong type: see below
        "grouped",  # not a bool
    ],
)
def test_a_malformed_cached_queue_is_recomputed(tmp_path: Path, value: str | None) -> None:
    fresh = queue(tmp_path)
    if value is None:
        item = fresh[0].to_dict()
        item["size"] = "3"
        value = json.dumps([item])
    elif value == "grouped":
        item = fresh.ungrouped[0].to_dict()
        item["grouped"] = "no"
        value = json.dumps([fresh[0].to_dict(), item])
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE entries SET value = ?", (value,))
    emb = StandInEmbedder(tmp_path)
    assert queue(tmp_path, embedder=emb) == fresh
    assert emb.encoded > 0


def test_candidates_round_trip_through_their_stored_form() -> None:
    result = coding()
    fresh = open_coding_queue(result, StandInEmbedder(None))  # type: ignore[arg-type]
    text_of = {s.segment.id: s.segment.text for s in result.segments}
    stored = json.loads(json.dumps(candidates_to_json(fresh, text_of)))
    assert candidates_from_json(stored, text_of) == fresh


def test_a_label_taken_from_a_text_is_put_back_from_the_text() -> None:
    c = CandidateCode(
        "candidate-001", "A covid outbreak closed the home.", [], ["t2:35"], [], ["t2"], ["T2"], 1
    )
    text_of = {"t2:35": "A covid outbreak closed the home."}
    stored = candidates_to_json([c], text_of)
    assert stored[0]["label"] == 40
    assert candidates_from_json(stored, text_of) == [c]


def test_a_stored_queue_of_other_segments_is_not_used() -> None:
    result = coding()
    fresh = open_coding_queue(result, StandInEmbedder(None))  # type: ignore[arg-type]
    text_of = {s.segment.id: s.segment.text for s in result.segments}
    stored = candidates_to_json(fresh, text_of)
    del text_of["t1:0"]
    assert candidates_from_json(stored, text_of) is None


def test_without_a_cache_folder_the_queue_is_computed(tmp_path: Path) -> None:
    emb = StandInEmbedder(None)
    assert queue(tmp_path, embedder=emb) == open_coding_queue(coding(), StandInEmbedder(None))  # type: ignore[arg-type]
    assert emb.encoded == 4
    assert not (tmp_path / CACHE_FILE).exists()


def test_a_stored_recurring_set_aside_group_comes_back_as_one(tmp_path: Path) -> None:
    from dataclasses import replace

    fresh = open_coding_queue(coding(), StandInEmbedder(None))  # type: ignore[arg-type]
    group = replace(fresh[0], id="set-aside-001", set_aside=True)
    full = OpenCodingQueue(fresh, fresh.ungrouped, [group])
    text_of = {s.segment.id: s.segment.text for s in coding().segments}
    back = candidates_from_json(candidates_to_json(full, text_of), text_of)
    assert back == full
    assert back is not None and (len(back), back.set_aside) == (1, [group])
