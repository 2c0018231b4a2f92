"""The record ``roqa pseudonymise`` keeps of the copies it writes, so that coding them is known
to be coding pseudonymised transcripts.

``roqa pseudonymise`` adds the SHA-256 of each copy's bytes, as written, to
:data:`COPIES_RECORD` in the per-user cache folder
(:func:`~roqa_nlp.embedding.user_cache_dir`): digests alone, no file name, no name of anyone,
no text, and nothing in the folder of the copies, which is shared. A transcript read from a file
whose bytes are those of a recorded copy (moved or renamed since, or not) is marked
``metadata["pseudonymised"]`` (:func:`marked_if_copy`), as ``roqa code --pseudonymise`` marks
the transcripts it rewrites: its codings' report is then a pseudonymised report, which leaves
out the notes of a review the browser kept from a report that was not (session 79 hunt5 F2:
the copies coded into the folder of a plain report took the plain review's notes whole). A copy
edited since, coded on another computer or by another user, or after the cache folder was
deleted, is not marked: roqa then has no record that it is pseudonymised, as before.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .schema import Transcript

#: The record's file name in the per-user cache folder.
COPIES_RECORD = "pseudonymised_copies.json"

_KIND = "roqa pseudonymised copies"

#: the digests read, by the record's path and state (size, modification time): read once a run
_read: dict[str, tuple[tuple[int, int], frozenset[str]]] = {}


def record_path() -> Path:
    """Where the record is: :data:`COPIES_RECORD` in the per-user cache folder."""
    from .embedding import user_cache_dir

    return user_cache_dir() / COPIES_RECORD


def recorded_copies() -> frozenset[str]:
    """The SHA-256 of every copy recorded; empty when there is no record, or it cannot be read
    as one."""
    path = record_path()
    try:
        st = path.stat()
    except OSError:
        return frozenset()
    state = (st.st_size, st.st_mtime_ns)
    seen = _read.get(str(path))
    if seen is not None and seen[0] == state:
        return seen[1]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    digests = data.get("sha256") if isinstance(data, dict) and data.get("kind") == _KIND else None
    found = (
        frozenset(d for d in digests if isinstance(d, str))
        if isinstance(digests, list)
        else frozenset()
    )
    _read[str(path)] = (state, found)
    return found


def record_copies(digests: Iterable[str]) -> None:
    """Add the SHA-256 ``digests`` of copies just written to the record (atomically). A record
    that cannot be written is passed over: the copies are written, and coding them is then as
    before, not marked."""
    from .io import atomic_write_text

    path = record_path()
    every = sorted({*recorded_copies(), *digests})
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps({"kind": _KIND, "sha256": every}, indent=0) + "\n")
    except OSError:
        return


def is_recorded_copy(path: Path) -> bool:
    """Whether the file ``path`` holds the bytes of a copy ``roqa pseudonymise`` wrote and
    recorded."""
    from .io import file_sha256

    recorded = recorded_copies()
    if not recorded:
        return False
    try:
        sha = file_sha256(path)  # hashed once a run, with the reading and the fingerprint
    except (OSError, ValueError):
        return False
    return sha is not None and sha in recorded


def marked_if_copy(path: Path, transcript: Transcript) -> Transcript:
    """``transcript``, read from ``path``, marked ``metadata["pseudonymised"]`` when ``path`` is
    a recorded copy (:func:`is_recorded_copy`); else as it is."""
    if transcript.metadata.get("pseudonymised") is True or not is_recorded_copy(path):
        return transcript
    return replace(transcript, metadata={**transcript.metadata, "pseudonymised": True})
