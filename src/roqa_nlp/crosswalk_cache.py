"""The report page's crosswalk kept: a warm re-code reads what
:func:`~roqa_nlp.decisions_crosswalk.page_crosswalk` worked out before instead of translating
every segment's suggestions into each other built-in codebook again (about a fifth of a warm
re-code of 2,990 segments: 5,980 translations, each weighing the segment's words).

The page's crosswalk is a pure function of the segments' texts and suggestions (in order), the
codebook charted and roqa's code (the built-in codebooks, their mappings and word lists are
files of its package). It is kept on disk, one entry per report:

* the key is the SHA-256 of :data:`PAGE_CROSSWALK_VERSION`, a hash of every file of the
  ``roqa_nlp`` package (:func:`~roqa_nlp.json_cache.package_hash`), the Python version, the
  codebook's :attr:`~roqa_nlp.codebook.Codebook.hash`, and each segment's text and its
  suggestions' codes, names, domains, probabilities and valences (their evidence is carried
  along by a translation, never read by it), so a changed segment, suggestion, codebook or
  source misses;
* the value is the page's crosswalk as JSON (no pickle), its segments named by their place in
  the study, not by their ids: codes and code names only, no words of the transcripts and no
  transcript's name, in ``page_crosswalk.sqlite`` beside the other caches (a
  :class:`~roqa_nlp.json_cache.JsonCache`), checked before use; a value of another shape, or a
  cache file that is corrupt, locked or read-only, only costs the translating.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .json_cache import open_json_cache, package_hash

if TYPE_CHECKING:
    from .codebook import Codebook
    from .result import CodingResult

#: Bump whenever the page's crosswalk changes in a way the source hash could miss.
PAGE_CROSSWALK_VERSION = 1
CACHE_FILE = "page_crosswalk.sqlite"


def page_crosswalk_key(result: CodingResult, model: Codebook) -> str:
    """SHA-256 identifying the page's crosswalk of ``result`` charted in ``model`` (module
    docstring)."""
    h = hashlib.sha256()
    head = {
        "page_crosswalk": PAGE_CROSSWALK_VERSION,
        "source": package_hash(),
        "python": sys.version,
        "codebook": model.hash,
    }
    h.update(json.dumps(head, sort_keys=True).encode("ascii") + b"\n")
    for seg in result.segments:
        said = [
            seg.segment.text,
            [
                [g.code_id, g.name, g.domain, g.probability, g.valence, g.valence_probability]
                for g in seg.suggestions
            ],
        ]
        h.update(json.dumps(said).encode("ascii") + b"\n")
    return h.hexdigest()


def encode_page(page: dict[str, object], result: CodingResult) -> dict[str, Any]:
    """``page`` (:func:`~roqa_nlp.decisions_crosswalk.page_crosswalk`'s) with each segment named
    by its place in ``result`` (the last of an id given twice, as the page's dict keeps it)."""
    if not page:
        return {}
    place = {seg.segment.id: i for i, seg in enumerate(result.segments)}
    shown = page["shown"]
    assert isinstance(shown, dict)
    return {
        "base": page["base"],
        "codes": page["codes"],
        "shown": {
            book: [[place[sid], rows] for sid, rows in by_segment.items()]
            for book, by_segment in shown.items()
        },
    }


def _strings(value: Any, n: int) -> bool:
    return isinstance(value, list) and len(value) == n and all(isinstance(x, str) for x in value)


def decode_page(value: Any, result: CodingResult) -> dict[str, object] | None:
    """The page's crosswalk kept as :func:`encode_page` wrote it, its segments named by their
    ids in ``result``, or None (absent, or not of that shape: worked out again)."""
    if value == {}:
        return {}
    if not isinstance(value, dict) or set(value) != {"base", "codes", "shown"}:
        return None
    base, codes, shown = value["base"], value["codes"], value["shown"]
    if not isinstance(base, str) or not isinstance(codes, dict) or not isinstance(shown, dict):
        return None
    if not all(_strings(v, 3) for v in codes.values()):
        return None
    segments = result.segments
    out: dict[str, dict[str, list[list[str]]]] = {}
    for book, kept in shown.items():
        if not isinstance(kept, list):
            return None
        by_segment: dict[str, list[list[str]]] = {}
        for item in kept:
            if not (isinstance(item, list) and len(item) == 2):
                return None
            i, rows = item
            if type(i) is not int or not 0 <= i < len(segments):
                return None
            if not isinstance(rows, list) or not all(_strings(r, 2) for r in rows):
                return None
            by_segment[segments[i].segment.id] = rows
        out[book] = by_segment
    return {"base": base, "codes": codes, "shown": out}


def cached_page_crosswalk(
    result: CodingResult,
    model: Codebook,
    cache_dir: str | Path | None,
    work_out: Callable[[CodingResult, Codebook], dict[str, object]],
) -> dict[str, object]:
    """``work_out(result, model)`` (the page's crosswalk), read from the cache in ``cache_dir``
    when a run before kept it, else worked out and kept; ``cache_dir`` None: no cache."""
    cache = open_json_cache(cache_dir, CACHE_FILE)
    if cache is None:
        return work_out(result, model)
    try:
        key = page_crosswalk_key(result, model)
        page = decode_page(cache.get(key), result)
        if page is None:
            page = work_out(result, model)
            cache.put(key, encode_page(page, result))
        return page
    finally:
        cache.close()
