"""Segmentation cache: the segments of an unchanged transcript without spaCy or the tokenizer.

Cutting a transcript into segments (:mod:`roqa_nlp.transcripts.segment`) splits every turn into
sentences with spaCy and counts word pieces with the embedding model's tokenizer: seconds for a
study, most of a warm re-code once the embeddings are cached. The result depends only on the
transcript's text and turns and on the segmentation options, so it is kept on disk:

* the key is the SHA-256 of the text, every turn's offsets, role and speaker, the unit,
  ``max_tokens``, the skip options, the identity of the token counter (a hash of the tokenizer
  files), the installed spaCy and tokenizers versions and :data:`SEGMENTER_VERSION`, so changing
  any of them misses the cache;
* the value is the ``(turn index, start, end)`` of each segment as JSON (no pickle), in
  ``segments.sqlite`` beside the embedding cache (:func:`roqa_nlp.embedding.default_cache_dir`);
* a cached value is checked against the transcript before use (turn indexes in range and in
  order, offsets inside their turn, not overlapping), and a cache file that is corrupt, locked,
  read-only or missing only costs speed: segmentation is recomputed, never refused.

spaCy and the tokenizer are imported only on a miss: the token counter given must load its
tokenizer lazily (as :meth:`roqa_nlp.embedding.Embedder.count_tokens` does).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..schema import Segment, Transcript
from .segment import (
    DEFAULT_MAX_TOKENS,
    SegmentSpan,
    TokenCounter,
    Unit,
    segment_spans,
    segments_from_spans,
)

#: Bump whenever a change to segmentation (segment.py, sentences.py, backchannels.py) can move a
#: segment boundary: every cached segmentation is then recomputed.
SEGMENTER_VERSION = 1
CACHE_FILE = "segments.sqlite"


@lru_cache(maxsize=1)
def _library_versions() -> tuple[str, str]:
    """Installed spaCy and tokenizers versions, read from package metadata (nothing imported)."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("spacy", "tokenizers"):
        try:
            out.append(version(name))
        except PackageNotFoundError:
            out.append("")
    return out[0], out[1]


def segmentation_key(
    transcript: Transcript,
    *,
    unit: str,
    max_tokens: int,
    skip_interviewer: bool,
    skip_backchannels: bool,
    counter_id: str,
) -> str:
    """SHA-256 identifying one transcript's segmentation under given options (module docstring)."""
    spacy_version, tokenizers_version = _library_versions()
    body = {
        "segmenter": SEGMENTER_VERSION,
        "spacy": spacy_version,
        "tokenizers": tokenizers_version,
        "unit": unit,
        "max_tokens": max_tokens,
        "skip_interviewer": skip_interviewer,
        "skip_backchannels": skip_backchannels,
        "token_counter": counter_id,
        "turns": [[t.start, t.end, t.role, t.speaker] for t in transcript.turns],
        "text": transcript.text,
    }
    # ASCII JSON: lone surrogates in a text are escaped rather than refused by the encoder.
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("ascii")).hexdigest()


def valid_spans(transcript: Transcript, value: Any) -> list[SegmentSpan] | None:
    """``value`` as segment spans if it is a well-formed segmentation of ``transcript``, else None."""
    if not isinstance(value, list):
        return None
    turns = transcript.turns
    spans: list[SegmentSpan] = []
    last_turn, last_end = -1, -1
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 3
            and all(type(x) is int for x in item)  # not bool, not float
        ):
            return None
        index, start, end = item
        if not (last_turn <= index < len(turns)):
            return None
        turn = turns[index]
        if not (turn.start <= start < end <= turn.end and start >= last_end):
            return None
        spans.append((index, start, end))
        last_turn, last_end = index, end
    return spans


class SegmentCache:
    """Segment spans on disk in SQLite, keyed by :func:`segmentation_key`; JSON values.

    Every failure of the file (corrupt, locked beyond ``timeout`` seconds, read-only, a folder
    where the file should be) turns the cache off for this instance: lookups miss, stores are
    dropped.
    """

    def __init__(self, path: str | Path, *, timeout: float = 5.0):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=timeout, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS segments (key TEXT PRIMARY KEY, spans TEXT NOT NULL)"
            )
            self._db.commit()
        except (sqlite3.Error, OSError):
            self._disable()

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _disable(self) -> None:
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    def get(self, key: str) -> Any:
        """The parsed JSON stored under ``key``, or None (absent, unreadable or not JSON)."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute(
                    "SELECT spans FROM segments WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error:
                self._disable()
                return None
        if row is None or not isinstance(row[0], str):
            return None
        try:
            return json.loads(row[0])
        except (ValueError, RecursionError):
            return None

    def put(self, key: str, spans: list[SegmentSpan]) -> None:
        """Store ``spans`` under ``key`` (silently dropped when the cache is unusable)."""
        value = json.dumps([list(s) for s in spans], separators=(",", ":"))
        with self._lock:
            if self._db is None:
                return
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO segments (key, spans) VALUES (?, ?)", (key, value)
                )
                self._db.commit()
            except sqlite3.Error:
                self._disable()

    def close(self) -> None:
        with self._lock:
            self._disable()


def open_segment_cache(cache_dir: str | Path | None) -> SegmentCache | None:
    """The segmentation cache in ``cache_dir`` (None = no cache), or None when unusable."""
    if cache_dir is None:
        return None
    cache = SegmentCache(Path(cache_dir) / CACHE_FILE)
    return cache if cache.usable else None


def cached_segment(
    transcript: Transcript,
    cache: SegmentCache | None,
    *,
    counter_id: str,
    unit: Unit = "window",
    max_tokens: int = DEFAULT_MAX_TOKENS,
    skip_interviewer: bool = True,
    skip_backchannels: bool = True,
    count_tokens: TokenCounter | None = None,
) -> list[Segment]:
    """:func:`~roqa_nlp.transcripts.segment.segment`, read from ``cache`` when it holds this
    transcript's segmentation and written to it otherwise.

    ``counter_id`` must identify ``count_tokens`` (e.g. a hash of the tokenizer's files):
    segmentations made with different token counters never share a cache entry.
    """
    options: dict[str, Any] = {
        "unit": unit,
        "max_tokens": max_tokens,
        "skip_interviewer": skip_interviewer,
        "skip_backchannels": skip_backchannels,
    }
    if cache is None:
        return segments_from_spans(
            transcript, segment_spans(transcript, count_tokens=count_tokens, **options)
        )
    key = segmentation_key(transcript, counter_id=counter_id, **options)
    spans = valid_spans(transcript, cache.get(key))
    if spans is None:
        spans = segment_spans(transcript, count_tokens=count_tokens, **options)
        cache.put(key, spans)
    return segments_from_spans(transcript, spans)
