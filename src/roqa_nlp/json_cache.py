"""A cache of derived results on disk: JSON values in an SQLite file, keyed by a content hash.

A re-code of unchanged transcripts derives the same things again (a transcript's segments, the
open-coding queue of the same novel segments). Each such result is stored under the SHA-256 of
everything it depends on (:func:`content_key`), so a changed input simply misses. Values are
JSON text, never pickle. The files live beside the embedding cache
(:func:`roqa_nlp.embedding.default_cache_dir`), one per kind of result.

A cache only ever costs speed: any failure of its file (corrupt, locked beyond ``timeout``
seconds, read-only, a folder where the file should be) turns it off for this instance, after
which lookups miss and stores are dropped. Callers check a value's shape before using it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import threading
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any


def content_key(body: Any) -> str:
    """SHA-256 of ``body`` (JSON-able) as canonical ASCII JSON (lone surrogates escaped)."""
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("ascii")).hexdigest()


@cache
def package_version(name: str) -> str:
    """The installed version of a distribution ("" if absent), read without importing it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return ""


@cache
def source_hash(*modules: str) -> str:
    """SHA-256 of the source files of the named ``roqa_nlp`` modules (not imported), so a cached
    result made by other code is never served; ``""`` when a source cannot be read."""
    import importlib.util

    h = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            h.update(Path(origin).read_bytes() if origin else b"")
        except OSError:
            return ""
        h.update(b"\0")
    return h.hexdigest()


@cache
def package_hash() -> str:
    """SHA-256 of every file of the ``roqa_nlp`` package (its code and data), by path: for a
    cached result that any of roqa's code or word lists may change (the reading cache, the
    words read), where :func:`source_hash` names the modules one depends on."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if "__pycache__" in p.parts or not p.is_file():
            continue
        h.update(p.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        h.update(p.read_bytes() + b"\0")
    return h.hexdigest()


#: SQLite's files beside a database in WAL mode, which take the database file's mode
_SIDE_FILES = ("-wal", "-shm", "-journal")


def make_private_file(path: Path) -> None:
    """Make the cache file ``path`` its owner's alone before SQLite opens it: a cache is derived
    from confidential transcripts, and an embedding keyed by the SHA-256 of its text lets whoever
    reads the file confirm that a guessed sentence was coded. A folder made here is ``0700`` (the
    folders above it as any program makes them); the per-user folder (``~/.cache/roqa_nlp``),
    which roqa made ``0755`` before, is narrowed to ``0700``, and a folder the user made
    (``ROQA_CACHE_DIR``) keeps its mode. A folder is made in the folder a link above it points
    to as in that folder (``~/.cache`` linked to another disk: ``0700``). The file is made
    ``0600``, and one left wider is narrowed, with its ``-wal``/``-shm`` (SQLite gives them the
    database's mode).

    A team's folder (:func:`_shared`: a symlink, setgid, or writable by the group or others) is
    the team's choice: nothing in it is narrowed, and a folder or file made in it gets the
    umask's mode (and the setgid bit's group), so the other members can still use the cache.
    A file that cannot be made here is left to SQLite, whose error the caches handle."""
    folder = path.parent
    make_cache_folder(folder)
    shared = _shared(folder)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if shared else 0o600))
    except FileExistsError:
        if not shared:
            for side in ("", *_SIDE_FILES):
                _narrow(path.with_name(path.name + side), 0o600)
    except OSError:  # a read-only folder, a folder where the file should be: SQLite fails too
        pass


def make_cache_folder(folder: Path) -> str | None:
    """Make the cache folder ``folder`` if it is missing, as :func:`make_private_file` says
    (``0700``; the umask's mode in a team's folder; the per-user folder narrowed to ``0700``),
    and say why it cannot hold a cache (``"cannot write in the cache folder"``), or None when
    it can."""
    from .embedding import user_cache_dir

    try:
        if not folder.is_dir():
            folder.parent.mkdir(parents=True, exist_ok=True)
            # the folder above as it is, not a link to it: ~/.cache linked to a larger disk is
            # the user's own, and made ~/.cache/roqa_nlp 0755 when taken for a team's
            with suppress(FileExistsError):
                folder.mkdir(mode=0o777 if _shared(folder.parent.resolve()) else 0o700)
        elif folder.absolute() == user_cache_dir().absolute() and not _shared(folder):
            _narrow(folder, 0o700)
    except OSError as e:
        blocker = _file_above(folder)
        why = f"{blocker} is a file" if blocker is not None else e.strerror or str(e)
        return f"the cache folder cannot be made ({why})"
    if not folder.is_dir():
        return "the cache folder is a file"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "cannot write in the cache folder"
    return None


def _file_above(folder: Path) -> Path | None:
    """The folder above ``folder`` that is not one (a file, or a link to none), if any: what
    stops ``folder`` from being made."""
    for above in reversed(folder.absolute().parents):
        if os.path.lexists(above) and not above.is_dir():
            return above
    return None


def _shared(folder: Path) -> bool:
    """Whether ``folder`` is a team's: a symlink (to a folder set up elsewhere), setgid (files
    made in it take its group), or writable by its group or others without the sticky bit.
    A public folder with the sticky bit (``/tmp``, ``1777``) is nobody's in particular: not
    shared. False when it cannot be read."""
    try:
        if folder.is_symlink():
            return True
        mode = folder.stat().st_mode
    except OSError:
        return False
    if mode & stat.S_ISGID:
        return True
    return not mode & stat.S_ISVTX and bool(mode & (stat.S_IWGRP | stat.S_IWOTH))


def _narrow(path: Path, allowed: int) -> None:
    """Take away from ``path``'s mode the permissions ``allowed`` does not hold (a file of
    another account, or none, is left as it is)."""
    with suppress(OSError):
        now = stat.S_IMODE(os.stat(path).st_mode)
        if now & ~allowed:
            os.chmod(path, now & allowed)


def write_ahead(db: sqlite3.Connection) -> None:
    """Open ``db`` in write-ahead-log mode and, when the file takes it, commit without waiting for
    the disk (``synchronous=NORMAL``): in that mode a crash or power cut can lose the last
    commits, never damage the file, and a lost entry only costs speed. Each commit of the
    default ``FULL`` waits for the disk (a cold ``roqa code`` commits about 100 times: 0.5 s of
    waiting on a 2-core cloud disk, 0.1 s with ``NORMAL``). A file system without the log (a
    network share) keeps SQLite's default, rollback journal and all."""
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()
    if mode is not None and str(mode[0]).lower() == "wal":
        db.execute("PRAGMA synchronous=NORMAL")


class SqliteCache:
    """A cache in one SQLite file that only ever costs speed: on a failure of its file (a
    damaged page, a full disk, a lock held too long) it is given up (:meth:`_give_up`) for this
    instance, after which lookups miss and stores are dropped. Subclasses open ``_db``."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    @property
    def usable(self) -> bool:
        """False once the file failed to read or write: the run goes on without it."""
        return self._db is not None

    def _give_up(self, warning: str | None = None) -> None:
        """Stop using the file, closing it, with ``warning`` (a :class:`RoqaWarning` naming the
        file and the caller of the caller, once: a cache given up says nothing more). Call with
        the lock held."""
        if self._db is None:
            return
        with suppress(sqlite3.Error):
            self._db.close()
        self._db = None
        if warning is not None:
            from .errors import warn

            warn(warning, path=self.path, stacklevel=4)

    def close(self) -> None:
        with self._lock:
            self._give_up()


class JsonCache(SqliteCache):
    """JSON values by key in one SQLite file (see the module docstring for failures)."""

    def __init__(self, path: str | Path, *, timeout: float = 5.0):
        super().__init__(path)
        try:
            make_private_file(self.path)
            self._db = sqlite3.connect(str(self.path), timeout=timeout, check_same_thread=False)
            write_ahead(self._db)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
            self._db.commit()
        except (sqlite3.Error, OSError):
            self._give_up()

    def get(self, key: str) -> Any:
        """The parsed JSON stored under ``key``, or None (absent, unreadable or not JSON)."""
        with self._lock:
            if self._db is None:
                return None
            try:
                row = self._db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                self._give_up()
                return None
        if row is None or not isinstance(row[0], str):
            return None
        try:
            return json.loads(row[0])
        except (ValueError, RecursionError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (JSON-able) under ``key``; dropped when the cache is unusable."""
        text = json.dumps(value, separators=(",", ":"))  # ASCII: lone surrogates escaped
        with self._lock:
            if self._db is None:
                return
            try:
                self._db.execute(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", (key, text)
                )
                self._db.commit()
            except sqlite3.Error:
                self._give_up()


def open_json_cache(cache_dir: str | Path | None, name: str) -> JsonCache | None:
    """The cache file ``name`` in ``cache_dir`` (None = no cache), or None when unusable."""
    if cache_dir is None:
        return None
    cache = JsonCache(Path(cache_dir) / name)
    return cache if cache.usable else None
