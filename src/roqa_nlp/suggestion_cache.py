"""What the model suggests of each segment, kept: a warm re-code of an unchanged transcript
reads its segments' ranked suggestions, evidence, novelty p-values and small-talk and
procedural flags instead of classifying them again (:meth:`~roqa_nlp.autocoder.AutoCoder.
_suggest_rows`, about a fifth of a warm re-code of 2,990 segments).

They are a pure function of the words the model reads of each segment, the interviewer's
question it reads them with, the model and the embedding backend, and roqa's code. They are kept
on disk, one entry per transcript's segments:

* the key is the SHA-256 of the segments' words read and questions, in order, the model's key
  (:meth:`~roqa_nlp.autocoder.AutoCoder._suggestion_model_key`: its verified ``model_sha256``,
  card, parameters, codebook and embedding backend; None, and no cache, for a model trained in
  this process or changed since it was loaded), how many suggestions a segment keeps,
  :data:`SUGGESTIONS_VERSION`, a hash of every file of the ``roqa_nlp`` package
  (:func:`~roqa_nlp.json_cache.package_hash`), and the Python and numpy versions, so a changed
  segment, question, model, codebook or source misses;
* the value is each segment's suggestions (the evidence quotes once per entry, each suggestion
  naming them by place), its p-value, novelty score and flags, as JSON (no pickle), in
  ``suggestions.sqlite`` beside the other caches (a :class:`~roqa_nlp.json_cache.JsonCache`),
  checked before use; a cache file that is corrupt, locked or read-only only costs speed.

Floats go through JSON unchanged (Python writes the shortest text that reads back as the same
float), so a warm re-code writes the files a cold one wrote, byte for byte.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .json_cache import JsonCache, content_key, open_json_cache, package_hash
from .schema import Suggestion

#: Bump whenever classifying a segment changes in a way the source hash could miss.
SUGGESTIONS_VERSION = 1
CACHE_FILE = "suggestions.sqlite"
#: The cache of suggestions: a :class:`~roqa_nlp.json_cache.JsonCache`.
SuggestionCache = JsonCache

#: One transcript's classified segments: (suggestions per segment, p-values, novelty scores,
#: procedural flags, small-talk flags), as ``AutoCoder._suggest_rows`` gives them (as lists).
Rows = tuple[list[list[Suggestion]], list[float], list[float], list[float], list[float]]


def open_suggestion_cache(cache_dir: str | Path | None) -> SuggestionCache | None:
    """The cache of suggestions in ``cache_dir`` (None = no cache), or None when unusable."""
    return open_json_cache(cache_dir, CACHE_FILE)


def suggestion_key(
    model_key: str, top_k: int, texts: Sequence[str], contexts: Sequence[str] | None
) -> str:
    """SHA-256 identifying the suggestions of ``texts`` read with ``contexts`` (module
    docstring)."""
    import numpy as np

    return content_key(
        {
            "suggestions": SUGGESTIONS_VERSION,
            "source": package_hash(),
            "python": sys.version,
            "numpy": np.__version__,
            "model": model_key,
            "top_k": top_k,
            "texts": list(texts),
            "contexts": None if contexts is None else list(contexts),
        }
    )


def encode_rows(rows: Rows) -> dict[str, Any]:
    """``rows`` as JSON, each evidence quote written once."""
    suggestions, pvals, scores, proc, aside = rows
    quotes: dict[str, int] = {}

    def place(quote: str) -> int:
        return quotes.setdefault(quote, len(quotes))

    kept = [
        [
            [
                g.code_id,
                g.name,
                g.domain,
                g.probability,
                g.valence,
                g.valence_probability,
                [place(q) for q in g.evidence],
                list(g.evidence_valence),
            ]
            for g in row
        ]
        for row in suggestions
    ]
    return {
        "quotes": list(quotes),
        "rows": kept,
        "p": list(pvals),
        "score": list(scores),
        "procedural": list(proc),
        "aside": list(aside),
    }


def _floats(value: Any, n: int) -> list[float] | None:
    if not isinstance(value, list) or len(value) != n:
        return None
    if not all(type(x) is float for x in value):
        return None
    return value


def _suggestion(item: Any, quotes: list[str]) -> Suggestion | None:
    if not isinstance(item, list) or len(item) != 8:
        return None
    code_id, name, domain, p, valence, vp, evidence, sides = item
    if not (isinstance(code_id, str) and isinstance(name, str) and isinstance(valence, str)):
        return None
    if not (domain is None or isinstance(domain, str)):
        return None
    if type(p) is not float or not (vp is None or type(vp) is float):
        return None
    if not (isinstance(evidence, list) and isinstance(sides, list)):
        return None
    if not all(type(i) is int and 0 <= i < len(quotes) for i in evidence):
        return None
    if not all(isinstance(s, str) for s in sides):
        return None
    return Suggestion(
        code_id=code_id,
        name=name,
        domain=domain,
        probability=p,
        valence=valence,
        valence_probability=vp,
        evidence=tuple(quotes[i] for i in evidence),
        evidence_valence=tuple(sides),
    )


def decode_rows(value: Any, n: int) -> Rows | None:
    """The ``n`` segments' rows kept as :func:`encode_rows` wrote them, or None (absent, or
    not of that shape: worked out again)."""
    if not isinstance(value, dict):
        return None
    quotes, kept = value.get("quotes"), value.get("rows")
    if not isinstance(quotes, list) or not all(isinstance(q, str) for q in quotes):
        return None
    if not isinstance(kept, list) or len(kept) != n:
        return None
    suggestions: list[list[Suggestion]] = []
    for row in kept:
        if not isinstance(row, list):
            return None
        read = [_suggestion(item, quotes) for item in row]
        if any(g is None for g in read):
            return None
        suggestions.append([g for g in read if g is not None])
    columns = [_floats(value.get(k), n) for k in ("p", "score", "procedural", "aside")]
    pvals, scores, proc, aside = columns
    if pvals is None or scores is None or proc is None or aside is None:
        return None
    return suggestions, pvals, scores, proc, aside
