"""The SQLite cache files (json_cache.SqliteCache, under the segment, open-coding and embedding
caches): a failure of the file gives the cache up for the instance, with at most one warning."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.json_cache import JsonCache, SqliteCache


def test_a_cache_given_up_with_a_warning_says_it_once_naming_its_file(tmp_path: Path) -> None:
    cache = SqliteCache(tmp_path / "c.sqlite")
    cache._db = sqlite3.connect(":memory:")
    with pytest.warns(RoqaWarning) as caught:
        cache._give_up("could not read it")
        cache._give_up("could not read it again")  # given up: nothing more is said
    assert [str(w.message) for w in caught] == [f"{tmp_path / 'c.sqlite'}: could not read it"]
    assert not cache.usable


def test_a_json_cache_whose_file_fails_is_given_up_silently(tmp_path: Path) -> None:
    class Broken:
        def execute(self, *args: object) -> None:
            raise sqlite3.DatabaseError("database disk image is malformed")

        def close(self) -> None:
            raise sqlite3.ProgrammingError("closed twice")  # a failing close is passed over

    cache = JsonCache(tmp_path / "c.sqlite")
    cache.put("k", [1])
    assert cache.get("k") == [1]
    cache._db = Broken()  # type: ignore[assignment]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cache.get("k") is None
        cache.put("k", [2])
    assert not cache.usable
    cache.close()
    assert not cache.usable


def test_the_cache_files_commit_without_waiting_for_the_disk(tmp_path: Path) -> None:
    """Write-ahead log with synchronous=NORMAL (1), not SQLite's FULL (2), which waits for the
    disk at each commit: a crash may lose the last entries, which only costs speed."""
    from roqa_nlp.embedding import EmbeddingCache

    caches = [JsonCache(tmp_path / "j.sqlite"), EmbeddingCache(tmp_path / "e.sqlite", "m", 4)]
    for cache in caches:
        assert cache._db is not None
        assert cache._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert cache._db.execute("PRAGMA synchronous").fetchone() == (1,)
    caches[0].put("k", [1])
    assert JsonCache(tmp_path / "j.sqlite").get("k") == [1]


def test_a_file_system_without_the_write_ahead_log_keeps_sqlite_s_defaults() -> None:
    from roqa_nlp.json_cache import write_ahead

    db = sqlite3.connect(":memory:")  # in memory: no log file, journal_mode stays "memory"
    write_ahead(db)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("memory",)
    assert db.execute("PRAGMA synchronous").fetchone() == (2,)
