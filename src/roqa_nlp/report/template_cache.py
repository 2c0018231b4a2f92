"""The report template compiled once and kept in roqa's cache folder.

jinja2 turns ``templates/report.html.j2`` (37 KB) into Python source and compiles it: about
0.1 s of every report written, the same work each time the template is unchanged. The cache
keeps the compiled code (``marshal``, Python's own format for compiled code, as in
``__pycache__``; never ``pickle``) in one file per kind of page, ``report-template-model.jinja``
or ``report-template-given.jinja``. The file starts with its key: the SHA-256 of the template's
text, its path, the jinja2 version, the Python bytecode tag and the source of the modules that
set up the template's environment and filters (:func:`~roqa_nlp.json_cache.source_hash`). A file
of another key, damaged, unreadable, or a folder that cannot be written only costs the compile:
the page is the same. The compiled code is run, so a team's shared cache folder keeps none, and a
file someone else owns or can write is never read.
"""

from __future__ import annotations

import hashlib
import marshal
import os
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

#: the modules whose code the compiled template depends on: the environment's options and the
#: filters' signatures (jinja2 compiles a call of a filter by how it takes its arguments)
ENVIRONMENT_MODULES = ("roqa_nlp.report", "roqa_nlp.report.fragments")


class TemplateCache(BytecodeCache):
    """jinja2's bytecode cache hook, keeping each compiled template in ``folder`` under the
    name ``report-template-{kind}.jinja`` (``kind``: ``model`` or ``given``)."""

    def __init__(self, folder: str | Path, kind: str) -> None:
        self.path = Path(folder) / f"report-template-{kind}.jinja"

    def key(self, bucket: Bucket) -> bytes:
        """The key of the compiled ``bucket``: what its code depends on."""
        import jinja2

        from ..json_cache import source_hash

        parts = (
            bucket.key,  # the template's name and path
            bucket.checksum,  # the template's text
            jinja2.__version__,
            sys.implementation.cache_tag or "",
            source_hash(*ENVIRONMENT_MODULES),
        )
        return hashlib.sha256("\0".join(parts).encode()).hexdigest().encode("ascii") + b"\n"

    def load_bytecode(self, bucket: Bucket) -> None:
        if not self._own():
            return
        try:
            data = self.path.read_bytes()
        except OSError:  # none yet, unreadable, a folder: compiled afresh
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

    def _own(self) -> bool:
        """Whether the cache may be used: the compiled code is run, so only in a folder that is
        not a team's (:func:`~roqa_nlp.json_cache._shared`), from a file that is the user's own
        and that no one else can write; else it is compiled in each process, as without a
        cache (a team member could otherwise put code of theirs in another's report run)."""
        from ..json_cache import _shared

        if _shared(self.path.parent):
            return False
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return True
        except OSError:
            return False
        return (not hasattr(os, "getuid") or st.st_uid == os.getuid()) and not st.st_mode & 0o022

    def dump_bytecode(self, bucket: Bucket) -> None:
        from ..errors import RoqaError
        from ..io import atomic_open

        if bucket.code is None or not self._own():
            return
        data = MAGIC + self.key(bucket) + marshal.dumps(bucket.code)
        # ``0600``; a read-only or full folder: compiled again next time
        with suppress(OSError, RoqaError), atomic_open(self.path, "wb", None, private=True) as fh:
            fh.write(data)
