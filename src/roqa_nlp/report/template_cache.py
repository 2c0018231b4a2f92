"""The report template compiled once and kept in roqa's cache folder.

jinja2 turns ``templates/report.html.j2`` (37 KB) into Python source and compiles it: about
0.1 s of every report written, the same work each time the template is unchanged. The cache
keeps the compiled code (``marshal``, Python's own format for compiled code, as in
``__pycache__``; never ``pickle``) in one file per kind of page and key,
``report-template-model-KEY.jinja`` or ``report-template-given-KEY.jinja`` (``KEY``: the key's
first 16 hex digits). The file starts with its whole key: the SHA-256 of the template's text, its
path, the jinja2 version, the Python bytecode tag and every file of roqa's package
(:func:`~roqa_nlp.json_cache.package_hash`: the environment's options and every filter's way of
taking its arguments, wherever its code lives, are compiled in). The key in the name lets two
versions of roqa share a cache folder (two installs, a BASE and a branch timed in turn): with one
file per kind, each compiled the template again over the other's (session 83). The files of the
last :data:`KEPT_VERSIONS` versions written are kept, older ones removed. A file of another
key, damaged, unreadable, or a folder that cannot be written only costs the compile: the page is
the same. The compiled code is run, so a team's shared cache folder keeps none, and a
file someone else owns or can write is never read.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
import types
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache

if TYPE_CHECKING:
    from jinja2.bccache import Bucket

#: what a file of this cache starts with, before its key
MAGIC = b"roqa report template\n"
#: How many versions' compiled templates of a kind are kept (two installs or branches sharing a
#: cache folder each keep theirs; an upgrade's earlier ones are removed)
KEPT_VERSIONS = 4


class TemplateCache(BytecodeCache):
    """jinja2's bytecode cache hook, keeping each compiled template in ``folder`` under the
    name ``report-template-{kind}-{key}.jinja`` (``kind``: ``model`` or ``given``; ``key``: the
    first 16 hex digits of :meth:`key`)."""

    def __init__(self, folder: str | Path, kind: str) -> None:
        self.folder = Path(folder)
        self.kind = kind

    def path(self, bucket: Bucket) -> Path:
        """The file keeping the compiled ``bucket``."""
        return self.folder / f"report-template-{self.kind}-{self.key(bucket)[:16].decode()}.jinja"

    def key(self, bucket: Bucket) -> bytes:
        """The key of the compiled ``bucket``: what its code depends on."""
        import jinja2

        from ..json_cache import package_hash

        parts = (
            bucket.key,  # the template's name and path
            bucket.checksum,  # the template's text
            jinja2.__version__,
            sys.implementation.cache_tag or "",
            # the filters' code may live in any module (framework.shown_beside): jinja2 compiles
            # a call of a filter by how it takes its arguments
            package_hash(),
        )
        return hashlib.sha256("\0".join(parts).encode()).hexdigest().encode("ascii") + b"\n"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._read_own(self.path(bucket))
        if data is None:
            return
        head = MAGIC + self.key(bucket)
        if not data.startswith(head):
            return
        try:
            code = marshal.loads(data[len(head) :])
        except (EOFError, ValueError, TypeError):  # damaged: compiled afresh
            return
        if isinstance(code, types.CodeType):
            bucket.code = code

    def _read_own(self, path: Path) -> bytes | None:
        """The file's bytes when it may be run (:meth:`_own`), judged on the file opened, not on
        its name: opened without following a link and its owner and mode read from the open file,
        so no one can put another file in its place between the check and the read; ``None``
        when there is none yet, it cannot be read or it is not the user's own."""
        if not self._own(path):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except OSError:  # none yet, a link, unreadable: compiled afresh
            return None
        with os.fdopen(fd, "rb") as fh:
            try:
                st = os.fstat(fh.fileno())
                if not stat.S_ISREG(st.st_mode) or not _owned(st):
                    return None
                return fh.read()
            except OSError:  # a folder in its place, unreadable: compiled afresh
                return None

    def _own(self, path: Path) -> bool:
        """Whether the cache may be used: the compiled code is run, so only in a folder that is
        not a team's (:func:`~roqa_nlp.json_cache._shared`), from a file that is the user's own
        and that no one else can write; else it is compiled in each process, as without a
        cache (a team member could otherwise put code of theirs in another's report run)."""
        from ..json_cache import _shared

        if _shared(path.parent):
            return False
        try:
            st = path.stat()
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return _owned(st)

    def dump_bytecode(self, bucket: Bucket) -> None:
        from ..errors import RoqaError
        from ..io import atomic_open

        path = self.path(bucket)
        if bucket.code is None or not self._own(path):
            return
        data = MAGIC + self.key(bucket) + marshal.dumps(bucket.code)
        # ``0600``; a read-only or full folder: compiled again next time
        with suppress(OSError, RoqaError), atomic_open(path, "wb", None, private=True) as fh:
            fh.write(data)
        self._forget_older(path)

    def _forget_older(self, kept: Path) -> None:
        """Remove this kind's files but the :data:`KEPT_VERSIONS` last written (``kept`` one of
        them): each version of roqa writes one, and an upgraded install no longer reads its
        earlier versions'. Only the user's own files; one that cannot be removed stays."""
        with suppress(OSError):
            files = [
                (st.st_mtime_ns, p)
                for p in self.folder.glob(f"report-template-{self.kind}-*.jinja")
                if p != kept and stat.S_ISREG((st := p.lstat()).st_mode) and _owned(st)
            ]
            for _, old in sorted(files, reverse=True)[KEPT_VERSIONS - 1 :]:
                with suppress(OSError):
                    old.unlink()


def _owned(st: os.stat_result) -> bool:
    """Whether a file of these facts is the user's own and no one else can write it."""
    return (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not st.st_mode & 0o022
