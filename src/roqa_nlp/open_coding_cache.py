"""The open-coding queue of unchanged novel segments, without clustering them again.

:func:`~roqa_nlp.open_coding.open_coding_queue` clusters the segments flagged novel with
scikit-learn, whose import alone takes seconds: most of a re-code of unchanged transcripts once
segments and embeddings come from their caches. The queue depends only on the novel segments
(their ids, transcripts, participants and texts), the embedding model that encodes them, the
queue's parameters and the code that builds it, so it is cached like segmentations
(:mod:`roqa_nlp.json_cache`, file ``open_coding.sqlite``): the key is the SHA-256 of all of
these plus the installed scikit-learn and numpy versions and a hash of ``open_coding.py``'s
source; the value is the candidate codes as JSON. A value of the wrong shape is recomputed.
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any

from .json_cache import JsonCache, content_key, open_json_cache, package_version, source_hash
from .open_coding import CandidateCode, open_coding_queue

if TYPE_CHECKING:
    from .embedding import Embedder
    from .result import CodingResult

CACHE_FILE = "open_coding.sqlite"
_FIELDS = tuple(f.name for f in fields(CandidateCode))


def open_coding_key(result: CodingResult, embedder_id: str, params: dict[str, Any]) -> str:
    """SHA-256 of everything the open-coding queue of ``result`` depends on."""
    novel = [s for s in result.segments if s.novel and not s.procedural]
    return content_key(
        {
            "source": source_hash("roqa_nlp.open_coding"),
            "scikit-learn": package_version("scikit-learn"),
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


def candidates_from_json(value: Any) -> list[CandidateCode] | None:
    """Candidate codes from their cached JSON, or None when it is not a list of them."""
    if not isinstance(value, list):
        return None
    out = []
    for item in value:
        if not (isinstance(item, dict) and tuple(item) == _FIELDS and _well_typed(item)):
            return None
        out.append(CandidateCode(**item))
    return out


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _well_typed(item: dict[str, Any]) -> bool:
    return (
        isinstance(item["id"], str)
        and isinstance(item["label"], str)
        and all(_strings(item[k]) for k in ("keywords", "segment_ids", "transcripts"))
        and isinstance(item["participants"], list)
        and isinstance(item["representative"], list)
        and all(isinstance(r, dict) for r in item["representative"])
        and type(item["size"]) is int
        and isinstance(item["extra"], dict)
    )


def cached_open_coding_queue(
    result: CodingResult,
    embedder: Embedder,
    *,
    cache: JsonCache | None = None,
    distance_threshold: float = 0.6,
    n_representative: int = 3,
    n_keywords: int = 5,
) -> list[CandidateCode]:
    """:func:`~roqa_nlp.open_coding.open_coding_queue`, read from ``cache`` (default: the one in
    the embedder's cache folder) when it holds the queue of the same novel segments."""
    params: dict[str, Any] = {
        "distance_threshold": distance_threshold,
        "n_representative": n_representative,
        "n_keywords": n_keywords,
    }
    if cache is None:
        cache = open_json_cache(embedder.cache_dir(), CACHE_FILE)
    if cache is None or not any(s.novel and not s.procedural for s in result.segments):
        return open_coding_queue(result, embedder, **params)
    key = open_coding_key(result, embedder.cache_hash, params)
    queue = candidates_from_json(cache.get(key))
    if queue is None:
        queue = open_coding_queue(result, embedder, **params)
        cache.put(key, [c.to_dict() for c in queue])
    return queue
