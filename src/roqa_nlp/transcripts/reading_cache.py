"""Reading cache: the transcript of an unchanged file without reading it again.

Reading a transcript file (:func:`roqa_nlp.transcripts._read_one`: decoding it, finding its
speakers' labels, its turns and their roles) takes most of a warm re-code once the embeddings
and segments are cached, and ``roqa code`` reads every file twice (once for the study, once to
code it). The transcript read depends only on the file's bytes, its path as given (its id,
``source`` and case come from its name), the interviewer labels it is read with and roqa's
code, so it is kept on disk:

* the key is the SHA-256 of the file's bytes, the path as given and as an absolute path, the
  interviewer labels (in order) and the participant labels they carry
  (:class:`~roqa_nlp.transcripts.roles.RoleLabels`, ``--participant``), the participant given, :data:`READER_VERSION`, a hash of every file of the
  ``roqa_nlp`` package (its code and the word lists the readers read) and the Python version, so
  a changed file, label, option or source misses the cache;
* the value is the transcript as JSON (no pickle), in ``readings.sqlite`` beside the embedding
  and segmentation caches (a :class:`~roqa_nlp.json_cache.JsonCache`): its id, text, turns,
  source, case and metadata;
* only a plain-text format is cached (:data:`CACHED_FORMATS`, read by roqa's own code alone), and
  only a reading that issued no warning (:func:`~roqa_nlp.errors.warn`, a table saved as text):
  a file that is warned of while read is read again each time, so that its warning is said;
  a file of another format (``.docx``) is read again each time, but the safety screen its bytes
  passed is recorded in the same file (:mod:`~roqa_nlp.exchange.screen_verdicts`);
* a transcript whose metadata does not come back from JSON as it was (a tuple, a key that is no
  str) is not stored, and a cached value is checked before use (turns inside the text); a cache
  file that is corrupt, locked or read-only only costs speed.

``AutoCoder.code`` reads through it, in the embedder's cache folder (none with ``--no-cache``),
but not when it pseudonymises (``pseudonyms``, ``roqa code --pseudonymise``): the cache would
keep the names the key replaces.

The warnings about how a file was read that ``roqa code`` issues afterwards
(:func:`~roqa_nlp.transcripts.language.warn_of_reading`) are worked out from the transcript, so
they are said on a cache hit as on a fresh read. Working them out (its speakers, its language,
a name in its file name and the rest) was about a twentieth of a warm re-code, so the same file
also records a transcript that gives none of them (:func:`record_quiet`), and
:func:`known_quiet` tells it again without checking:

* the key (:func:`quiet_key`) is the SHA-256 of the whole transcript as checked (its id, text,
  source, participant, metadata and every turn's speaker, role, place and times: the roles the
  study gave it too), :data:`QUIET_VERSION`, the hash of roqa's package and the Python version,
  and the folder roqa runs in; it is kept apart from the readings' keys;
* the value is only ``{"quiet": true}``: nothing of the transcript, no name and no warning.
  A transcript that gives a warning is never recorded, so its warnings are worked out and said
  at every run, as before.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..json_cache import JsonCache, content_key, open_json_cache, package_hash
from ..schema import Transcript, Turn

#: Bump whenever a reader's result changes in a way the source hash could miss.
READER_VERSION = 1
#: Bump whenever the warnings about a reading change in a way the source hash could miss.
QUIET_VERSION = 1
#: The value recorded for a transcript that gives no warning about its reading.
QUIET = {"quiet": True}
#: The formats whose transcripts are cached: read by roqa's code alone, no other library.
CACHED_FORMATS = (".txt", ".md", ".vtt", ".srt", ".sbv")
CACHE_FILE = "readings.sqlite"
#: The reading cache: a :class:`~roqa_nlp.json_cache.JsonCache` of transcripts.
ReadingCache = JsonCache


def open_reading_cache(cache_dir: str | Path | None) -> ReadingCache | None:
    """The reading cache in ``cache_dir`` (None = no cache), or None when unusable."""
    return open_json_cache(cache_dir, CACHE_FILE)


def reading_key(
    path: Path, sha: str, interviewer_labels: Sequence[str] | None, participant: str | None
) -> str:
    """SHA-256 identifying the reading of the file ``path`` whose bytes' SHA-256 is ``sha``
    (module docstring)."""
    from .roles import participant_labels_of

    return content_key(
        {
            "reader": READER_VERSION,
            "source": package_hash(),
            "python": sys.version,
            "path": str(path),
            "absolute": str(path.absolute()),
            "bytes": sha,
            "labels": None if interviewer_labels is None else list(interviewer_labels),
            # the participant labels (roqa code --participant) ride along with them
            "participant_labels": list(participant_labels_of(interviewer_labels)),
            "participant": participant,
        }
    )


def _as_json(t: Transcript) -> dict[str, Any] | None:
    """``t`` as a JSON-able dict, or None when its metadata would not come back the same."""
    try:
        if json.loads(json.dumps(t.metadata)) != t.metadata:
            return None
    except (TypeError, ValueError):
        return None
    return {
        "id": t.id,
        "text": t.text,
        "turns": [[u.speaker, u.role, u.start, u.end, u.begin_time, u.end_time] for u in t.turns],
        "source": t.source,
        "participant": t.participant,
        "metadata": t.metadata,
    }


def _from_json(value: Any) -> Transcript | None:
    """The transcript stored as ``value``, or None when it is not one."""
    try:
        turns = [Turn(*u) for u in value["turns"]]
        t = Transcript(
            id=value["id"],
            text=value["text"],
            turns=turns,
            source=value["source"],
            participant=value["participant"],
            metadata=value["metadata"],
        )
    except Exception:  # any malformed entry is a miss: the file is read again
        return None
    if not (
        isinstance(t.id, str)
        and isinstance(t.text, str)
        and isinstance(t.source, str)
        and isinstance(t.metadata, dict)
        and (t.participant is None or isinstance(t.participant, str))
        and all(
            isinstance(u.speaker, str) and type(u.start) is int and type(u.end) is int
            for u in turns
        )
    ):
        return None
    return t


def cached_reading(
    path: Path,
    cache: ReadingCache | None,
    read: Callable[[], Transcript],
    interviewer_labels: Sequence[str] | None,
    participant: str | None = None,
) -> Transcript:
    """``read()``, the transcript of the file ``path`` read with ``interviewer_labels`` (and
    ``participant``), from ``cache`` when it holds this file's reading, and stored in it when
    the reading issued no warning (module docstring)."""
    from .roles import RoleLabels

    if cache is not None and path.suffix.lower() not in CACHED_FORMATS:
        from ..exchange.screen_verdicts import remembering_screens

        with remembering_screens(cache):  # read again, but the bytes screened once (.docx)
            return read()
    if (
        cache is None
        # labels carrying more than their items, other than RoleLabels' participants: unkeyed
        or type(interviewer_labels) not in (type(None), list, tuple, RoleLabels)
    ):
        return read()
    from ..errors import RoqaError
    from ..io import file_state, read_bytes, read_sha256

    if not path.is_file():  # a device (/dev/zero, endless) or a pipe: the reader refuses it
        return read()
    try:
        state = file_state(path)
        data = read_bytes(path)  # at most the readers' limit (a file growing, a FIFO)
    except (OSError, RoqaError):  # the reader says what is wrong
        return read()
    # hashed once a run: the study's reading and the coding's, the fingerprint and the check for
    # a pseudonymised copy take the hash of these bytes (io.file_sha256)
    key = reading_key(path, read_sha256(state, path, data), interviewer_labels, participant)
    value = cache.get(key)
    if value is not None:
        found = _from_json(value)
        if found is not None:
            return found
    from ..errors import counting_warnings

    with counting_warnings() as warned:
        t = read()
    try:
        same = read_bytes(path) == data  # not changed while it was read
    except (OSError, RoqaError):
        same = False
    if same and not warned:
        stored = _as_json(t)
        if stored is not None:
            cache.put(key, stored)
    return t


def quiet_key(t: Transcript) -> str | None:
    """SHA-256 identifying the transcript ``t`` as :func:`record_quiet` records it (module
    docstring), or None when its metadata would not come back from JSON as it is, or the
    working folder is gone (unkeyed: checked every time; hunt30, session 85: a deleted working
    folder stopped the run with a bare "No such file or directory")."""
    import os

    body = _as_json(t)
    if body is None:
        return None
    try:
        folder = os.getcwd()
    except OSError:
        return None
    return content_key(
        {
            "kind": "reading warnings",
            "quiet": QUIET_VERSION,
            "source_hash": package_hash(),
            "python": sys.version,
            "folder": folder,
            "transcript": body,
        }
    )


def known_quiet(cache: ReadingCache, t: Transcript, *, key: str | None = None) -> bool:
    """Whether ``cache`` records the transcript ``t`` as one that gives no warning about its
    reading (:func:`record_quiet`). ``key``: its :func:`quiet_key` when worked out already
    (:func:`~roqa_nlp.transcripts.language.warn_of_reading` hashes a transcript once for this
    and :func:`record_quiet`), else worked out here."""
    key = key if key is not None else quiet_key(t)
    if key is None:
        return False
    value = cache.get(key)  # anything else than QUIET (1 for true, more keys) is a miss
    return isinstance(value, dict) and value.keys() == QUIET.keys() and value["quiet"] is True


def record_quiet(cache: ReadingCache, t: Transcript, *, key: str | None = None) -> None:
    """Record in ``cache`` that the transcript ``t`` gives no warning about its reading
    (:func:`~roqa_nlp.transcripts.language.reading_warnings`). ``key`` as for
    :func:`known_quiet`."""
    key = key if key is not None else quiet_key(t)
    if key is not None:
        cache.put(key, QUIET)
