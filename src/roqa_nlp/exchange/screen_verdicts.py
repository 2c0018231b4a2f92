"""Screen verdicts: an Office file whose bytes passed the safety screen is not screened again.

:func:`~roqa_nlp.exchange.safezip.screen_office_file` checks a ``.docx`` before python-docx opens
it, and that check parses every XML part of the file (a third of a warm re-code of the examples,
session 86). A ``.docx`` reading is not cached (:data:`~roqa_nlp.transcripts.reading_cache.
CACHED_FORMATS`: python-docx reads it), so each run screened the same bytes again, twice (the
study's reading and the coding's). Within :func:`remembering_screens`, a file that passed is
recorded in the reading cache (``readings.sqlite``, a :class:`~roqa_nlp.json_cache.JsonCache`),
and a file recorded there is not screened again:

* the key (:func:`verdict_key`) is the SHA-256 of the bytes screened, :data:`SCREEN_VERSION`, the
  hash of roqa's package (the screen's code and limits), the Python version and the versions of
  defusedxml and expat that parse the XML: a file whose bytes change, or a new screen, misses;
* the value is only ``{"screened": true}``: nothing of the file, no name;
* only a pass is recorded, so a refused file is refused, with its reason, at every run, and
  outside :func:`remembering_screens` (no cache, ``--no-cache``, a pseudonymised run, the
  labelled records of ``.xlsx`` files) every file is screened every time;
* a cache file that is corrupt, locked or read-only only costs speed (a miss: screened again).

Whoever can write in the cache folder could mark a hostile file as screened; the same person can
already change the cached readings and embeddings that the run trusts.
"""

from __future__ import annotations

import contextvars
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..json_cache import JsonCache, content_key, package_hash, package_version

#: Bump whenever the screen's verdict changes in a way the package hash could miss.
SCREEN_VERSION = 1
#: The value recorded for bytes that passed the screen.
SCREENED = {"screened": True}

_VERDICTS: contextvars.ContextVar[JsonCache | None] = contextvars.ContextVar(
    "_VERDICTS", default=None
)


@contextmanager
def remembering_screens(cache: JsonCache | None) -> Iterator[None]:
    """A block in which the Office files screened are looked up in and recorded into ``cache``
    (None: screened every time)."""
    token = _VERDICTS.set(cache)
    try:
        yield
    finally:
        _VERDICTS.reset(token)


def verdict_key(data: bytes) -> str:
    """SHA-256 identifying the screen of the bytes ``data`` (module docstring)."""
    import hashlib
    import pyexpat

    body: dict[str, Any] = {
        "kind": "office screen",
        "screen": SCREEN_VERSION,
        "source": package_hash(),
        "python": sys.version,
        "defusedxml": package_version("defusedxml"),
        "expat": pyexpat.EXPAT_VERSION,
        "bytes": hashlib.sha256(data).hexdigest(),
    }
    return content_key(body)


def screen_once(data: bytes, screen: Callable[[], None]) -> None:
    """``screen()``, the safety screen of the bytes ``data``, unless the cache in use records them
    as passed; a pass is recorded (module docstring). A refusal raised by ``screen()`` goes
    through and is not recorded."""
    cache = _VERDICTS.get()
    if cache is None:
        screen()
        return
    key = verdict_key(data)
    value = cache.get(key)  # anything else than SCREENED is a miss: screened again
    if isinstance(value, dict) and value.keys() == SCREENED.keys() and value["screened"] is True:
        return
    screen()
    cache.put(key, SCREENED)
