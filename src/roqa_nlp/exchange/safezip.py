"""Reading zip archives from strangers (REFI-QDA ``.qdpx`` projects, ``.docx`` sources, ``.xlsx``
labelled records) safely.

A ``.qdpx`` file is a zip archive that may come from anyone, so every member is checked before
anything is read: no absolute paths, no ``..`` components, no symbolic links, no encrypted or
duplicated members, a bounded number of members, a bounded total uncompressed size and a bounded
compression ratio (the signature of a zip bomb). Members are only ever read into memory, with the
byte count enforced while decompressing (the sizes a zip declares can lie); nothing is extracted
to disk. Any violation is one :class:`~roqa_nlp.errors.RoqaError` line naming the archive.

Members the caller never reads (a project's interview recordings, pictures and PDFs:
:data:`MEDIA_SUFFIXES`) are left out of the total size and the compression ratio: a 560 MB
recording is no reason to refuse the transcripts beside it, and whatever is read, those included,
still draws on the same budget of :attr:`ZipLimits.max_total_bytes`.
"""

from __future__ import annotations

import io
import stat
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import RoqaError, RoqaFileNotFoundError, RoqaValueError


@dataclass(frozen=True)
class ZipLimits:
    """Bounds an archive must respect before any member is read.

    ``max_ratio`` applies only to members larger than ``ratio_floor`` bytes: a tiny member
    cannot expand into anything dangerous, and small, repetitive files legitimately compress
    well beyond 100:1.
    """

    max_members: int = 10_000
    max_total_bytes: int = 500 * 1024 * 1024
    max_ratio: float = 100.0
    ratio_floor: int = 1024 * 1024


DEFAULT_LIMITS = ZipLimits()

#: Suffixes of the members a REFI-QDA project carries that roqa_nlp never reads: recordings,
#: videos, pictures and PDFs (their sources are named as not imported).
_AUDIO = ("aac", "aif", "aiff", "amr", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav", "wma")
_VIDEO = ("3gp", "avi", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "webm", "wmv")
_PICTURES = ("bmp", "gif", "heic", "jpeg", "jpg", "png", "tif", "tiff", "webp")
MEDIA_SUFFIXES = frozenset((*_AUDIO, *_VIDEO, *_PICTURES, "pdf"))

_CHUNK = 1 << 16

_NOT_A_QDPX = (
    "is not a zip archive (a .qdpx file is a zip)",
    "export the project again from your QDA program as REFI-QDA (.qdpx)",
)
_DAMAGED_QDPX = (
    "is an incomplete or damaged zip archive (a download or copy cut short?)",
    "copy or download it again, or export the project again from your QDA program",
)


#: The hint of an unsafe project's refusal: where a fresh copy comes from.
_REFUSAL_HINT = "refusing to read it; ask for a fresh export from the QDA program"


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _unsafe_name_reason(name: str) -> str | None:
    """Why a member name could escape an extraction directory, or None if it cannot."""
    if not name:
        return "has an empty name"
    if "\x00" in name:
        return "contains a NUL character"
    norm = name.replace("\\", "/")
    if norm.startswith("/") or (len(norm) >= 2 and norm[1] == ":"):
        return "is an absolute path"
    if any(part == ".." for part in PurePosixPath(norm).parts):
        return "contains '..'"
    return None


class SafeZip:
    """A zip archive whose members have been checked; members are read into memory only.

    Use as a context manager::

        with SafeZip(path) as z:
            data = z.read(z.find("project.qde"))

    ``unread``: suffixes (``"m4a"``) of members the caller will not read, left out of the total
    size and ratio checks (:data:`MEDIA_SUFFIXES` for a REFI-QDA project). ``not_a_zip`` and
    ``damaged`` are the message and hint for a file that is no zip archive, and for one that
    starts as one but cannot be read (a download cut short; by default a project's own message,
    or ``not_a_zip`` when that is given). ``refusal_hint`` is the hint of an unsafe archive's
    refusal (by default, a project's: ask the QDA program for a fresh export).
    """

    def __init__(
        self,
        source: str | Path | bytes,
        *,
        label: str | Path | None = None,
        limits: ZipLimits = DEFAULT_LIMITS,
        not_a_zip: tuple[str, str] = _NOT_A_QDPX,
        unread: Collection[str] = (),
        damaged: tuple[str, str] | None = None,
        refusal_hint: str = _REFUSAL_HINT,
    ) -> None:
        if label is None:
            label = "archive" if isinstance(source, bytes) else source
        self.label = str(label)
        self._refusal_hint = refusal_hint
        self.limits = limits
        # suffixes of members the caller does not read: outside the total and ratio checks
        self._unread = {s.lower().lstrip(".") for s in unread}
        self._budget = limits.max_total_bytes
        fh: BinaryIO | str | Path
        if isinstance(source, bytes):
            fh = io.BytesIO(source)
            head = source[:4]
        else:
            p = Path(source)
            if not p.exists():
                from ..io import missing_path_hint

                raise RoqaFileNotFoundError("file not found", path=p, hint=missing_path_hint(p))
            if p.is_dir():
                raise RoqaValueError("is a folder, not a file", path=p, hint="give a .qdpx file")
            fh = p
            with p.open("rb") as f:
                head = f.read(4)
            if not head:  # a copy or download cut short, not a file of another kind (s63)
                from ..transcripts.render import EMPTY_FILE_HINT

                # worded as a 0-byte transcript's error (hunt s63 h_tab, D2)
                raise RoqaValueError("no project found", path=p, hint=EMPTY_FILE_HINT)
        try:
            self._zip = zipfile.ZipFile(fh)
        except (
            zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError,  # a zip "version" zipfile does not read (a damaged header)
        ):  # fmt: skip
            # it starts as a zip (a local file header) but its end or directory is unreadable
            if damaged is None:  # a caller that names its kind of file names it for both
                damaged = _DAMAGED_QDPX if not_a_zip == _NOT_A_QDPX else not_a_zip
            message, hint = damaged if head == b"PK\x03\x04" else not_a_zip
            raise RoqaValueError(message, path=self.label, hint=hint) from None
        try:
            self._check()
        except BaseException:
            self._zip.close()
            raise
        self._by_name = {i.filename.replace("\\", "/"): i for i in self._zip.infolist()}
        self._by_folded: dict[str, str] = {}
        for n in self.names:
            self._by_folded.setdefault(n.casefold(), n)

    # -- checks --------------------------------------------------------------------------------

    def _refuse(self, what: str) -> RoqaError:
        return RoqaValueError(
            f"unsafe archive: {what}",
            path=self.label,
            hint=self._refusal_hint,
        )

    def _check(self) -> None:
        infos = self._zip.infolist()
        lim = self.limits
        if len(infos) > lim.max_members:
            raise self._refuse(f"{len(infos)} members, above the limit of {lim.max_members}")
        seen: set[str] = set()
        total = 0
        for info in infos:
            name = info.filename
            reason = _unsafe_name_reason(name)
            if reason is not None:
                raise self._refuse(f"member {name!r} {reason}")
            if _is_symlink(info):
                raise self._refuse(f"member {name!r} is a symbolic link")
            if info.flag_bits & 0x1:
                raise self._refuse(f"member {name!r} is encrypted")
            key = name.replace("\\", "/")
            if key in seen:
                raise self._refuse(f"member {name!r} appears twice")
            seen.add(key)
            if PurePosixPath(key).suffix.lower().lstrip(".") in self._unread:
                continue  # never decompressed: read() still bounds it by the budget
            total += info.file_size
            if total > lim.max_total_bytes:
                raise self._refuse(
                    f"members expand to more than {lim.max_total_bytes} bytes in total"
                )
            if info.file_size > lim.ratio_floor:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > lim.max_ratio:
                    raise self._refuse(
                        f"member {name!r} has a compression ratio of {ratio:.0f}:1, "
                        f"above {lim.max_ratio:.0f}:1 (a zip bomb)"
                    )

    # -- access --------------------------------------------------------------------------------

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def names(self) -> list[str]:
        """Member names (with ``/`` separators), directories excluded."""
        return [n for n, i in self._by_name.items() if not i.is_dir()]

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def find(self, name: str) -> str | None:
        """The member called ``name``, matched exactly, else ignoring case (``Sources/`` ...)."""
        key = name.replace("\\", "/").lstrip("/")
        if key in self._by_name and not self._by_name[key].is_dir():
            return key
        return self._by_folded.get(key.casefold())

    def read(self, name: str) -> bytes:
        """A member's bytes, decompressed in memory with the declared size and budget enforced."""
        info = self._by_name.get(name)
        if info is None:
            raise RoqaValueError(f"has no member {name!r}", path=self.label)
        cap = min(info.file_size, self._budget)
        buf = bytearray()
        try:
            with self._zip.open(info) as fh:
                while True:
                    block = fh.read(_CHUNK)
                    if not block:
                        break
                    buf += block
                    if len(buf) > cap:
                        raise self._refuse(
                            f"member {name!r} expands beyond its declared size or the size limit"
                        )
        except RoqaError:  # beyond its size: a ValueError, not a damaged member
            raise
        except (
            zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError
        ) as e:  # fmt: skip
            why = str(e) if len(str(e)) <= 120 else f"{type(e).__name__}, damaged headers"
            raise RoqaValueError(
                f"member {name!r} cannot be read ({why})",
                path=self.label,
                hint="the archive is damaged; export it again",
            ) from None
        self._budget -= len(buf)
        return bytes(buf)


def screen_office_file(data: bytes, label: str | Path, *, app: str) -> None:
    """Refuse a hostile Office file (``.docx``, ``.xlsx``) before python-docx or openpyxl unpacks
    it: the archive checks of a REFI-QDA project (:class:`SafeZip`: no escaping or linked members,
    bounded size and compression ratio, every member read within its declared size) and, for its
    XML parts, those of :func:`~roqa_nlp.exchange.refiqda.parse_xml` (no DTDs or entities,
    bounded nesting). Office never writes DTDs into these files. The refusal names ``app``, the
    program that saves the file (``Word``), not a QDA program (hunt s64 h_docx, D5). Bytes that
    passed once are not screened again where a reading cache is in use
    (:mod:`~roqa_nlp.exchange.screen_verdicts`)."""
    from .screen_verdicts import screen_once

    screen_once(data, lambda: _screen_office_file(data, label, app=app))


def _screen_office_file(data: bytes, label: str | Path, *, app: str) -> None:
    """:func:`screen_office_file`, every time."""
    from .refiqda import parse_xml

    not_a_zip = ("is not a readable Office file", "open it and save it again, or save it as .csv")
    hint = f"refusing to read it; ask for a fresh copy saved from {app}"
    with SafeZip(data, label=label, not_a_zip=not_a_zip, refusal_hint=hint) as archive:
        for name in archive.names:
            part = archive.read(name)
            if name.lower().endswith((".xml", ".rels")):
                parse_xml(part, label=f"{label}:{name}", refusal_hint=hint)
