"""What the model reads of each segment, kept: :func:`~roqa_nlp.autocoder.words_read` and
:func:`~roqa_nlp.autocoder.says_nothing` of an unchanged transcript's segments without working
them out again.

Both are pure functions of a segment's words and of roqa's code and word lists (courtesies,
closing formulas, repairs on a bad line, a transcriber's annotations), and a warm re-code asks
them again for every segment. They are kept on disk, one entry per transcript's segments:

* the key is the SHA-256 of the segments' texts, in order, :data:`READ_WORDS_VERSION`, a hash of
  every file of the ``roqa_nlp`` package
  (:func:`~roqa_nlp.json_cache.package_hash`) and the Python version, so a
  changed segment or source misses;
* the value is each segment's words read and whether it says nothing, as JSON (no pickle), in
  ``read_words.sqlite`` beside the other caches (a :class:`~roqa_nlp.json_cache.JsonCache`),
  checked before use (one of each per segment, of the right types); a cache file that is
  corrupt, locked or read-only only costs speed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .json_cache import JsonCache, content_key, open_json_cache, package_hash

#: Bump whenever words_read or says_nothing change in a way the source hash could miss.
READ_WORDS_VERSION = 1
CACHE_FILE = "read_words.sqlite"
#: The cache of words read: a :class:`~roqa_nlp.json_cache.JsonCache`.
ReadWordsCache = JsonCache


def open_read_words_cache(cache_dir: str | Path | None) -> ReadWordsCache | None:
    """The cache of words read in ``cache_dir`` (None = no cache), or None when unusable."""
    return open_json_cache(cache_dir, CACHE_FILE)


def read_words_key(texts: Sequence[str]) -> str:
    """SHA-256 identifying what is read of ``texts`` (module docstring)."""
    return content_key(
        {
            "read_words": READ_WORDS_VERSION,
            "source": package_hash(),
            "python": sys.version,
            "texts": list(texts),
        }
    )


def _valid(value: Any, n: int) -> tuple[list[str], list[bool]] | None:
    """``value`` as ``n`` words read and ``n`` says-nothing flags, or None."""
    if not isinstance(value, dict):
        return None
    read, nothing = value.get("read"), value.get("nothing")
    if not (isinstance(read, list) and isinstance(nothing, list)):
        return None
    if len(read) != n or len(nothing) != n:
        return None
    if not all(isinstance(r, str) for r in read) or not all(type(x) is bool for x in nothing):
        return None
    return read, nothing


def read_words(texts: Sequence[str], cache: ReadWordsCache | None) -> tuple[list[str], list[bool]]:
    """For each of ``texts`` (one transcript's segments), what the model reads of it
    (:func:`~roqa_nlp.autocoder.words_read`) and whether it says nothing
    (:func:`~roqa_nlp.autocoder.says_nothing`), from ``cache`` when it holds these texts, and
    stored in it otherwise."""
    from .autocoder import says_nothing, words_read

    if cache is None:
        return [words_read(t) for t in texts], [says_nothing(t) for t in texts]
    key = read_words_key(texts)
    found = _valid(cache.get(key), len(texts))
    if found is not None:
        return found
    read, nothing = [words_read(t) for t in texts], [says_nothing(t) for t in texts]
    cache.put(key, {"read": read, "nothing": nothing})
    return read, nothing
