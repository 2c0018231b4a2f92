"""Segmentation cache: cached segments equal fresh ones, any changed input misses, a broken cache
file only costs speed, and a warm re-code loads neither spaCy nor the tokenizer."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roqa_nlp.schema import Segment, Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts import segment_cache as sc
from roqa_nlp.transcripts.segment import estimate_tokens, segment
from roqa_nlp.transcripts.segment_cache import (
    CACHE_FILE,
    SegmentCache,
    cached_segment,
    open_segment_cache,
    segmentation_key,
    valid_spans,
)
from roqa_nlp.transcripts.text import parse_text

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples" / "interviews").glob("p0*_interview.*"))

INTERVIEW = """Interviewer: What helped with the new care plans?
P01: Training helped. The manager supported us.
Interviewer: Okay.
P01: Yeah.
Interviewer: And what got in the way?
P01: Money. Time.
"""


def interview(text: str = INTERVIEW) -> Transcript:
    return parse_text(text, "p01.txt")


class Counting:
    """A token counter (``estimate_tokens``) that counts its calls: 0 calls = a cache hit."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> int:
        self.calls += 1
        return estimate_tokens(text)


def refuse(text: str) -> int:
    raise AssertionError("the token counter was called: segmentation was recomputed")


def through_cache(
    t: Transcript, cache_file: Path, count: Callable[[str], int], **options: object
) -> list[Segment]:
    """``cached_segment`` with a fresh cache instance on ``cache_file`` (as a new run opens it)."""
    cache = SegmentCache(cache_file)
    try:
        return cached_segment(t, cache, counter_id="estimate", count_tokens=count, **options)  # type: ignore[arg-type]
    finally:
        cache.close()


# --- cached == fresh ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_cached_segments_of_each_example_interview_equal_fresh_ones(
    path: Path, tmp_path: Path
) -> None:
    t = read_transcript(path)
    fresh = segment(t, count_tokens=estimate_tokens)
    assert through_cache(t, tmp_path / CACHE_FILE, estimate_tokens) == fresh  # miss: stored
    assert through_cache(t, tmp_path / CACHE_FILE, refuse) == fresh  # hit: nothing recomputed
    assert len(fresh) > 10


def test_the_examples_are_all_there() -> None:
    assert [p.suffix for p in EXAMPLES] == [".txt", ".vtt", ".docx"]


WORDS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs")), min_size=1, max_size=10),
    st.sampled_from(["Yeah.", "Dr.", "e.g.", "...", "1.", "—", "Okay,", "staff.", "😀", "e\u0301"]),
)
TURN_TEXT = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)
TURNS = st.lists(
    st.tuples(st.sampled_from(["interviewer", "participant"]), TURN_TEXT), min_size=1, max_size=8
)


def make_transcript(turns: list[tuple[str, str]]) -> Transcript:
    text, out = "", []
    for n, (role, words) in enumerate(turns):
        start = len(text)
        text += words
        out.append(
            Turn(
                speaker="I" if role == "interviewer" else f"P{n % 3}",
                role=role,
                start=start,
                end=len(text),
            )
        )  # type: ignore[arg-type]
        text += "\n"
    return Transcript(id="gen", text=text, turns=out)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    turns=TURNS,
    unit=st.sampled_from(["turn", "sentence", "window"]),
    max_tokens=st.integers(min_value=8, max_value=60),
    skip_backchannels=st.booleans(),
)
def test_cached_segments_of_a_generated_transcript_equal_fresh_ones(
    turns: list[tuple[str, str]],
    unit: str,
    max_tokens: int,
    skip_backchannels: bool,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    t = make_transcript(turns)
    cache_file = tmp_path_factory.mktemp("seg") / CACHE_FILE
    options = {"unit": unit, "max_tokens": max_tokens, "skip_backchannels": skip_backchannels}
    fresh = segment(t, count_tokens=estimate_tokens, **options)  # type: ignore[arg-type]
    assert through_cache(t, cache_file, estimate_tokens, **options) == fresh
    assert through_cache(t, cache_file, refuse, **options) == fresh


def test_spans_are_stored_as_json_not_pickle(tmp_path: Path) -> None:
    through_cache(interview(), tmp_path / CACHE_FILE, estimate_tokens)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert [json.loads(v) for (v,) in db.execute("SELECT value FROM entries")] == [
            [[1, 55, 97], [5, 171, 183]]
        ]


# --- every input of the key -----------------------------------------------------------------

BASE = {
    "unit": "window",
    "max_tokens": 200,
    "skip_interviewer": True,
    "skip_backchannels": True,
    "counter_id": "tokenizer-a",
}


def key(t: Transcript | None = None, **changes: object) -> str:
    return segmentation_key(t or interview(), **{**BASE, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change",
    [
        {"unit": "sentence"},
        {"unit": "turn"},
        {"max_tokens": 199},
        {"skip_interviewer": False},
        {"skip_backchannels": False},
        {"counter_id": "tokenizer-b"},
    ],
    ids=lambda c: next(iter(c)),
)
def test_each_option_is_part_of_the_key(change: dict[str, object]) -> None:
    assert key(**change) != key()


def test_the_text_is_part_of_the_key() -> None:
    assert key(interview(INTERVIEW.replace("Money", "Funds"))) != key()


@pytest.mark.parametrize("field", ["start", "end", "role", "speaker"])
def test_each_turn_field_is_part_of_the_key(field: str) -> None:
    t = interview()
    turn = t.turns[1]
    changed: dict[str, Any] = {
        "start": turn.start + 1,
        "end": turn.end - 1,
        "role": "interviewer",
        "speaker": "P9",
    }
    t.turns[1] = dataclasses.replace(turn, **{field: changed[field]})
    assert key(t) != key()


def test_the_segmenter_version_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = key()
    monkeypatch.setattr(sc, "SEGMENTER_VERSION", sc.SEGMENTER_VERSION + 1)
    assert key() != before


def test_the_acknowledging_phrases_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase added to data/backchannel_phrases.txt leaves turns of it out of the coding."""
    before = key()
    assert "i see" in sc.acknowledgement_phrases()
    monkeypatch.setattr(sc, "acknowledgement_phrases", lambda: ["i see", "oh my"])
    assert key() != before


def test_the_agreeing_phrases_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """An agreeing phrase added to data/backchannel_agreements.txt leaves turns of it said over
    again ("It is. It is.") out of the coding."""
    before = key()
    assert "it is" in sc.agreement_phrases()
    monkeypatch.setattr(sc, "agreement_phrases", lambda: ["it is", "so it is"])
    assert key() != before


def test_the_repair_phrases_are_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase added to data/repair_phrases.txt leaves a participant's "Yes." to a repair of it
    ("Can you hear me now?") out of the coding."""
    before = key()
    assert "can you hear me now" in sc.repair_phrases()
    monkeypatch.setattr(sc, "repair_phrases", lambda: ["can you hear me now", "you're glitching"])
    assert key() != before


def test_the_segmenter_source_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = key()
    monkeypatch.setattr(sc, "source_hash", lambda *modules: "other code")
    assert key() != before


def test_the_spacy_version_is_part_of_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    before = key()
    monkeypatch.setattr(sc, "package_version", lambda name: "0.0.1")
    assert key() != before


def test_the_transcript_id_is_not_part_of_the_key() -> None:
    # Ids only name the segments; the spans are the same for a renamed file.
    t = dataclasses.replace(interview(), id="renamed")  # Transcript is frozen
    assert key(t) == key()


def test_a_changed_option_misses_the_cache_and_recomputes(tmp_path: Path) -> None:
    t = interview()
    through_cache(t, tmp_path / CACHE_FILE, estimate_tokens)
    count = Counting()
    segs = through_cache(t, tmp_path / CACHE_FILE, count, max_tokens=8)
    assert count.calls > 0
    assert segs == segment(t, max_tokens=8, count_tokens=estimate_tokens)


def test_a_renamed_transcript_hits_the_cache_with_its_own_ids(tmp_path: Path) -> None:
    through_cache(interview(), tmp_path / CACHE_FILE, estimate_tokens)
    t = dataclasses.replace(interview(), id="p99")  # Transcript is frozen
    segs = through_cache(t, tmp_path / CACHE_FILE, refuse)
    assert [s.id for s in segs] == ["p99:0001", "p99:0002"]
    assert segs == segment(t, count_tokens=estimate_tokens)


# --- a broken cache only costs speed --------------------------------------------------------


def test_a_corrupt_cache_file_is_recomputed_around(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_bytes(b"this is not an SQLite database" * 100)
    count = Counting()
    assert through_cache(interview(), tmp_path / CACHE_FILE, count) == segment(interview())
    assert count.calls > 0


def test_a_cache_path_that_is_a_folder_is_no_cache(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).mkdir()
    assert open_segment_cache(tmp_path) is None


def test_a_locked_cache_file_is_recomputed_around(tmp_path: Path) -> None:
    path = tmp_path / CACHE_FILE
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    holder.execute("BEGIN EXCLUSIVE")  # a rollback-journal database locked by another process
    try:
        cache = SegmentCache(path, timeout=0.05)
        count = Counting()
        segs = cached_segment(interview(), cache, counter_id="x", count_tokens=count)
        assert segs == segment(interview())
        assert count.calls > 0
        assert not cache.usable
    finally:
        holder.close()


@pytest.mark.parametrize(
    "value",
    [
        "not json",
        '{"spans": 1}',
        "[[1, 55]]",
        "[[1, 55, 97.0]]",
        "[[1, 55, true]]",
        "[[0, 55, 97]]",  # outside its turn
        "[[7, 55, 97]]",  # no such turn
        "[[5, 171, 183], [1, 55, 97]]",  # out of order
        "[[1, 55, 97], [1, 60, 70]]",  # overlapping
        "[[1, 97, 55]]",  # empty
    ],
)
def test_a_malformed_cached_value_is_recomputed_and_replaced(value: str, tmp_path: Path) -> None:
    t = interview()
    through_cache(t, tmp_path / CACHE_FILE, estimate_tokens)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE entries SET value = ?", (value,))
    count = Counting()
    assert through_cache(t, tmp_path / CACHE_FILE, count) == segment(t)
    assert count.calls > 0
    assert through_cache(t, tmp_path / CACHE_FILE, refuse) == segment(t)


def test_valid_spans_accepts_a_transcript_without_segments() -> None:
    assert valid_spans(interview(), []) == []


# --- a warm re-code -----------------------------------------------------------------------------


def test_a_warm_re_code_imports_neither_spacy_nor_the_tokenizer(tmp_path: Path) -> None:
    """Once a transcript's segments and embeddings are cached, coding it again loads neither."""
    import numpy as np

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.embedding import EmbeddingCache, text_key

    example = EXAMPLES[0]
    ac = AutoCoder.load(cache=tmp_path)
    segs = ac.segments_of(read_transcript(example))  # fills the segmentation cache
    # Stand-in embeddings (no model run): unit vectors, one per segment text and per question.
    texts = list(dict.fromkeys([s.text for s in segs] + [s.context for s in segs if s.context]))
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(len(texts), ac.embedder.dim)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    EmbeddingCache(
        tmp_path / "embeddings.sqlite", ac.embedder.cache_hash, ac.embedder.dim
    ).put_many([(text_key(t), v.tobytes()) for t, v in zip(texts, vecs)])
    probe = (
        "import json, sys\n"
        "from roqa_nlp.autocoder import AutoCoder\n"
        f"r = AutoCoder.load(cache={str(tmp_path)!r}).code([{str(example)!r}])\n"
        "print(json.dumps([len(r.segments)] + [m for m in ('spacy', 'tokenizers', 'torch') "
        "if m in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [len(segs)]
