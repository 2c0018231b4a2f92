"""The open-coding queue of unchanged novel segments, without clustering them again.

:func:`~roqa_nlp.open_coding.open_coding_queue` clusters the segments flagged novel with
SciPy, whose import alone takes most of a second: a good part of a re-code of unchanged transcripts
once segments and embeddings come from their caches. The queue depends only on the novel segments
(their ids, transcripts, participants and texts), the embedding model that encodes them, the
queue's parameters and the code that builds it, so it is cached like segmentations
(:mod:`roqa_nlp.json_cache`, file ``open_coding.sqlite``): the key is the SHA-256 of all of
these plus the installed SciPy and numpy versions, a hash of ``open_coding.py``'s and this
module's source and the keywords' stop words. The clustering threshold is in the key as a
number, so a result of another segment unit (another threshold) misses.

Transcripts are confidential, and the cache folder outlives the output folders, so the value
holds no segment text: each candidate, and each segment not grouped, is stored with segment
ids, transcript and participant ids and its keywords, and its texts (representative quotes, a label
taken from a text) are put back from the coding result, which by the key holds the same texts. A
queue is stored only if it comes back equal from what is stored; a value of the wrong shape is
recomputed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from .json_cache import JsonCache, content_key, open_json_cache, package_version, source_hash
from .open_coding import (
    MIN_GROUP_SIZE,
    CandidateCode,
    OpenCodingQueue,
    distance_threshold_for,
    english_stop_words,
    open_coding_queue,
    queued,
)

if TYPE_CHECKING:
    from .embedding import Embedder
    from .result import CodingResult

CACHE_FILE = "open_coding.sqlite"
_FIELDS = tuple(f.name for f in fields(CandidateCode))
#: A label taken from its first segment's text is stored as this length instead of the text.
_LABEL_FROM_TEXT = 40


def open_coding_key(
    result: CodingResult,
    embedder_id: str,
    params: dict[str, Any],
    background: Sequence[str] | None = None,
) -> str:
    """SHA-256 of everything the open-coding queue of ``result`` depends on, the talk its
    keywords are weighed against (``background``; None: ``result``'s segments) among it."""
    novel = queued(result)
    talk = [s.segment.text for s in result.segments] if background is None else background
    return content_key(
        {
            "background": content_key(list(talk)),
            "source": source_hash("roqa_nlp.open_coding"),
            "cache_source": source_hash("roqa_nlp.open_coding_cache"),
            "stop_words": sorted(english_stop_words()),
            "scipy": package_version("scipy"),
            "numpy": package_version("numpy"),
            "embedder": embedder_id,
            "params": params,
            "novel": [
                [
                    s.segment.id,
                    s.segment.transcript_id,
                    result.participant_of(s.segment.transcript_id),
                    s.segment.text,
                ]
                for s in novel
            ],
        }
    )


def candidates_to_json(queue: list[CandidateCode], text_of: dict[str, str]) -> list[Any]:
    """The queue as stored: no segment text (see the module docstring); the candidate codes,
    then the segments not grouped."""
    out = []
    for c in queue.everything() if isinstance(queue, OpenCodingQueue) else queue:
        d = c.to_dict()
        d["representative"] = [
            {k: v for k, v in r.items() if k != "text"} for r in d["representative"]
        ]
        if c.segment_ids and c.label == text_of.get(c.segment_ids[0], "")[:_LABEL_FROM_TEXT]:
            d["label"] = _LABEL_FROM_TEXT
        out.append(d)
    return out


def candidates_from_json(value: Any, text_of: dict[str, str]) -> OpenCodingQueue | None:
    """The queue from its stored form and the segments' texts, or None when the value is not a
    stored queue of these segments."""
    if not isinstance(value, list):
        return None
    out: list[CandidateCode] = []
    for item in value:
        if not (isinstance(item, dict) and tuple(item) == _FIELDS and _well_typed(item)):
            return None
        if not all(sid in text_of for sid in item["segment_ids"]):
            return None
        reps = []
        for r in item["representative"]:
            if r.get("segment_id") not in text_of:
                return None
            reps.append({**r, "text": text_of[r["segment_id"]]})
        label = item["label"]
        if label == _LABEL_FROM_TEXT and item["segment_ids"]:
            label = text_of[item["segment_ids"][0]][:_LABEL_FROM_TEXT]
        if not isinstance(label, str):
            return None
        out.append(CandidateCode(**{**item, "label": label, "representative": reps}))
    return OpenCodingQueue(
        [c for c in out if c.grouped and not c.set_aside],
        [c for c in out if not c.grouped],
        [c for c in out if c.grouped and c.set_aside],
    )


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _well_typed(item: dict[str, Any]) -> bool:
    return (
        isinstance(item["id"], str)
        and (isinstance(item["label"], str) or item["label"] == _LABEL_FROM_TEXT)
        and all(_strings(item[k]) for k in ("keywords", "segment_ids", "transcripts"))
        and isinstance(item["participants"], list)
        and isinstance(item["representative"], list)
        and all(isinstance(r, dict) for r in item["representative"])
        and type(item["size"]) is int
        and isinstance(item["extra"], dict)
        and type(item["grouped"]) is bool
        and type(item["set_aside"]) is bool
    )


def cached_open_coding_queue(
    result: CodingResult,
    embedder: Embedder,
    *,
    cache: JsonCache | None = None,
    distance_threshold: float | None = None,
    min_group_size: int = MIN_GROUP_SIZE,
    n_representative: int = 3,
    n_keywords: int = 5,
    background: Sequence[str] | None = None,
) -> OpenCodingQueue:
    """:func:`~roqa_nlp.open_coding.open_coding_queue`, read from ``cache`` (default: the one in
    the embedder's cache folder) when it holds the queue of the same novel segments, weighed
    against the same talk (``background``)."""
    params: dict[str, Any] = {
        "distance_threshold": (
            distance_threshold_for(result) if distance_threshold is None else distance_threshold
        ),
        "n_representative": n_representative,
        "min_group_size": min_group_size,
        "n_keywords": n_keywords,
    }
    novel = queued(result)
    if cache is None:
        cache = open_json_cache(embedder.cache_dir(), CACHE_FILE) if novel else None
    if cache is None or not novel:
        return open_coding_queue(result, embedder, **params, background=background)
    text_of = {s.segment.id: s.segment.text for s in novel}
    key = open_coding_key(result, embedder.cache_hash, params, background)
    queue = candidates_from_json(cache.get(key), text_of)
    if queue is None:
        queue = open_coding_queue(result, embedder, **params, background=background)
        stored = candidates_to_json(queue, text_of)
        if candidates_from_json(stored, text_of) == queue:  # else: not storable without text
            cache.put(key, stored)
    # the rule is in the key, not in the value
    queue.distance_threshold, queue.min_group_size = params["distance_threshold"], min_group_size
    return queue
