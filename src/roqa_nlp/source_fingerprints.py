"""Fingerprints of the transcript files a coding was made from, to tell one edited since.

``roqa code`` (:meth:`AutoCoder.code <roqa_nlp.autocoder.AutoCoder.code>`) records with each
transcript it reads from a file the SHA-256 of the file's bytes, as it read them, in the
transcript's ``metadata[SOURCE_SHA256]`` (so in ``transcripts.jsonl``). ``roqa report``,
``roqa export`` and ``roqa agree`` compare it with the file still at its recorded path (a relative
one from the folder ``roqa code`` ran in, found when it is the current folder or one above the
codings: :data:`SOURCE_FOLDER_SHA256`) and warn, in one line, of those whose bytes have changed:
the codings, the report and the export are of the text as it was (tester s46: seven words of a
transcript edited after coding, charted as before without a word). Only files that are there are
read, their bytes first; a file whose bytes changed is read again as a transcript, with the
speakers' roles it was coded with, and is said only when its text or turns differ from those
recorded (:func:`_reads_as_recorded`): a Word document saved again with the same words changes
its zip's bytes alone, and re-coding it gives the same codings (daily17 tester, session 86,
D5: it was said to have changed). A source that is gone from its
path, or not found from here (codings copied or shared without the folder ``roqa code`` ran in),
says nothing (the codings hold the text they code), and a transcript with no fingerprint is not
checked: codings written before fingerprints were recorded, a
transcript given as an object or imported from a QDA project, and one whose source a
pseudonymised run renamed (it names no file read).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

#: The key of :attr:`Transcript.metadata <roqa_nlp.schema.Transcript.metadata>` holding the
#: SHA-256 (hex) of the file the transcript was read from, when it was coded.
SOURCE_SHA256 = "source_sha256"


#: The key of :attr:`Transcript.metadata <roqa_nlp.schema.Transcript.metadata>` holding, for a
#: source recorded relative to the folder ``roqa code`` ran in, the SHA-256 of that folder's
#: absolute path (not the path itself, which may name the researcher): a relative source is
#: checked only from that folder, where it names the file coded, never another study's file
#: of the same relative path (review, session 46: a false "changed since it was coded"). That
#: folder is found from elsewhere when it is above the codings' folder (:func:`changed_sources`).
SOURCE_FOLDER_SHA256 = "source_folder_sha256"


def _folder_key(folder: str | Path = os.curdir) -> str:
    """The SHA-256 of ``folder``'s absolute path (the current folder's by default:
    :data:`SOURCE_FOLDER_SHA256`)."""
    import hashlib

    return hashlib.sha256(os.path.abspath(folder).encode("utf-8", "surrogateescape")).hexdigest()


def source_record(source: str | Path, sha: str) -> dict[str, str]:
    """The metadata recording the fingerprint ``sha`` of ``source`` as read now: its SHA-256
    and, for a relative path, which folder it is relative to (:data:`SOURCE_FOLDER_SHA256`)."""
    if Path(source).is_absolute():
        return {SOURCE_SHA256: sha}
    return {SOURCE_SHA256: sha, SOURCE_FOLDER_SHA256: _folder_key()}


def fingerprint(path: str | Path) -> str | None:
    """The SHA-256 of the file at ``path``, or None when it is no file that can be read (a QDA
    project's member ``study.qdpx:sources/...``, a file gone)."""
    from .io import file_sha256

    try:
        return file_sha256(path)  # hashed once a run: the reading cache hashed the bytes read
    except (OSError, ValueError):
        return None


def changed_sources(codings: Iterable[Path]) -> list[str]:
    """The sources of the transcripts of each ``codings.jsonl`` whose file, still at its recorded
    path, is not the one coded (its SHA-256 differs from the one recorded), each once, in the
    order recorded.

    A source recorded relative to the folder ``roqa code`` ran in is found from that folder when
    it is the current one or a folder above the codings' (``roqa code interviews --out study``,
    then ``roqa report study/`` from elsewhere: daily, session 57), told by the SHA-256 of its
    path (:data:`SOURCE_FOLDER_SHA256`), a symbolic link on the way resolved or not; it is named
    by its path from here (or its absolute path when outside the current folder). One whose folder
    is neither is not checked and says nothing, as a source gone from its path says nothing: the
    codings hold the text they code, and a copied or shared study would be told, on every run,
    of a folder that may not be on this machine (regression hunt, session 57). A
    ``transcripts.jsonl`` that cannot be read, and a line that is no transcript, are passed over:
    reading the codings says what is wrong with them."""
    checked: set[str] = set()
    changed: list[str] = []
    here = _folder_key()
    for p in codings:
        try:
            with open(Path(p).with_name("transcripts.jsonl"), encoding="utf-8-sig") as fh:
                recorded = [r for r in map(_recorded, fh) if r is not None]  # a line at a time
        except (OSError, UnicodeDecodeError):
            continue
        folders: dict[str, str | None] = {}  # folder key -> that folder, when found from here
        for source, sha, folder, record in recorded:
            path = source
            if folder is not None and folder != here:
                if folder not in folders:
                    folders[folder] = _folder_above(Path(p), folder)
                found = folders[folder]
                if found is None:  # a relative path read from here names another file
                    continue
                path = _named_from_here(os.path.join(found, source))
            if path in checked:
                continue
            checked.add(path)
            now = fingerprint(path)
            if now is not None and now != sha and not _reads_as_recorded(path, record):
                changed.append(path)
    return changed


def _reads_as_recorded(path: str, record: dict[str, object]) -> bool:
    """Whether the file at ``path``, read again as a transcript with the interviewer's and the
    participants' labels of ``record`` (a line of ``transcripts.jsonl``), gives the text and the
    turns (speaker, start, end) recorded: its bytes changed, but not what was coded. Any
    warning of the reading is not said again here; a file that cannot be read is changed."""
    import warnings

    from .transcripts import read_transcript

    text, turns = record.get("text"), record.get("turns")
    if not isinstance(text, str) or not isinstance(turns, list):
        return False
    try:
        recorded = [(t["speaker"], t["start"], t["end"], t["role"]) for t in turns]
    except (TypeError, KeyError):
        return False
    by_role: dict[object, list[str]] = {"interviewer": [], "participant": []}
    for speaker, _, _, role in recorded:
        if isinstance(speaker, str) and role in by_role and speaker not in by_role[role]:
            by_role[role].append(speaker)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            now = read_transcript(
                path,
                interviewer_labels=by_role["interviewer"],
                participant_labels=by_role["participant"],
            )
    except Exception:  # any reader's refusal: the file is not the one coded
        return False
    return now.text == text and [(t.speaker, t.start, t.end) for t in now.turns] == [
        r[:3] for r in recorded
    ]


def _folder_above(codings: Path, key: str) -> str | None:
    """The folder at or above the folder of ``codings`` whose path's SHA-256, as given or with
    its symbolic links resolved, is ``key``: the folder ``roqa code`` ran in (its path as the
    system gives the current folder, links resolved), when it wrote its ``--out`` inside it;
    None when none is. A study reached through a link (``/tmp`` on macOS, a cloud drive's
    folder) is found so (regression hunt, session 57)."""
    folder = os.path.dirname(os.path.abspath(codings))
    while True:
        if key in (_folder_key(folder), _folder_key(os.path.realpath(folder))):
            return folder
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


def _named_from_here(path: str) -> str:
    """``path`` from the current folder when it is inside it, else absolute."""
    try:
        named = os.path.relpath(os.path.normpath(path))
    except ValueError:  # on another drive (Windows)
        return path
    return path if named.startswith(os.pardir) else named


def _recorded(line: str) -> tuple[str, str, str | None, dict[str, object]] | None:
    """The source, fingerprint and folder key (:data:`SOURCE_FOLDER_SHA256`, None when not
    recorded) a ``transcripts.jsonl`` line records, and the line's record (its text and turns,
    read again when the file's bytes changed: :func:`_reads_as_recorded`); None without a source
    and fingerprint."""
    try:
        record = json.loads(line)
        source, meta = record.get("source"), record.get("metadata")
        sha = meta.get(SOURCE_SHA256) if isinstance(meta, dict) else None
        folder = meta.get(SOURCE_FOLDER_SHA256) if isinstance(meta, dict) else None
    except (ValueError, AttributeError, RecursionError):
        return None
    if isinstance(source, str) and source and isinstance(sha, str):
        return source, sha, folder if isinstance(folder, str) else None, record
    return None


def changed_sources_line(changed: list[str]) -> str | None:
    """The warning of the sources ``changed`` since they were coded, one line naming the first
    few; None when there are none."""
    from .errors import first_few

    if not changed:
        return None
    if len(changed) == 1:
        return (
            f"{changed[0]} changed since it was coded: its codings are of the text it had then; "
            "code it again (roqa code) to chart the text it has now"
        )
    return (
        f"{len(changed)} transcript files changed since they were coded ({first_few(changed)}): "
        "their codings are of the text they had then; code them again (roqa code) to chart the "
        "text they have now"
    )


def warn_of_changed_sources(codings: Iterable[Path]) -> None:
    """Warn, once, of the sources of the transcripts of ``codings`` changed since they were
    coded (:func:`changed_sources`)."""
    line = changed_sources_line(changed_sources(codings))
    if line is not None:
        from .errors import warn

        warn(line)
