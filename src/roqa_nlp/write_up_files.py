"""The write-up files ``roqa report`` writes (the framework matrix, Table 2 and the saturation
table: ``--matrix``, ``--table``, ``--saturation``), kept when the researcher has edited them.

The Framework Approach's charting is done in the matrix: researchers write their summaries in
its cells in Excel, and they finish Table 2 in Word. ``roqa report`` run again wrote the new
file over theirs without a word, the charting lost (tester, session 49). So, as
:mod:`~roqa_nlp.source_fingerprints` records the transcripts coded, each of these files is
recorded, once written, with the SHA-256 of its bytes, in the hidden :data:`RECORD` of its
folder (by ``roqa report`` and by the Python API's writers, ``FrameworkMatrix.to_xlsx`` and
the others: a file the README's Python quick-start wrote was "edited", s51 docs); before one
is replaced, a file whose bytes are not those roqa last wrote there (edited since, or never
written by roqa: one an earlier version wrote before the record; a file of the name that is
no write-up file, a researcher's labelled records, is refused before, by ``roqa report``), and
whose content is not the new file's either (:func:`same_content`: the first run after the
record came keeps no copy of a file as roqa writes it again), is first kept beside
it, as ``roqa code`` keeps an earlier codebook copy (``chart_codebook.<its id>.json``): as ``matrix.edited.xlsx``, or, when that name holds another
file already (a later round of edits), with its SHA-256's first 12 digits,
``matrix.edited.3f1c0a9b2d4e.xlsx``. A copy of the same bytes is not made twice. A copy that
cannot be made is an error before anything is replaced: their edits are never lost. ``roqa
agree --disagreements`` records and keeps its list of disagreements so too (a team marks it up
in its cells: hunt33, session 85).

They are no codings and no transcripts: :func:`write_up_of` tells one given as either (by its
first sheet's or its header row, or a Word document's author), so that ``roqa report``,
``export``, ``agree`` and ``code`` say what it is and what to give instead. ``roqa report
matrix.xlsx`` said "is a transcript, not codings (code it first: roqa code matrix.xlsx ...)", and that run
said the sheet had no speaker column (tester, session 49).
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from contextlib import suppress
from io import BytesIO
from pathlib import Path

from .errors import RoqaError, RoqaValueError

#: The hidden file, in the folder of a write-up file, recording the SHA-256 of the bytes roqa
#: last wrote to each write-up file there, by name: ``{"written": {"matrix.xlsx": "..."}}``
RECORD = ".roqa.written.json"
#: What a kept copy's name says of it, before its extension: ``matrix.edited.xlsx``
EDITED = "edited"
#: The part of an Office package (.xlsx, .docx) that holds its document properties, among
#: them the dates it was written (:data:`WRITING_DATES`)
CORE_PART = "docProps/core.xml"
#: The dates of writing in :data:`CORE_PART`: the same content written another day has others
WRITING_DATES = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")

#: What each write-up file is, as an error names it
MATRIX = "the framework matrix roqa report wrote"
TABLE2 = "Table 2 (the barriers/enablers table) roqa report wrote"
SATURATION = "the saturation table roqa report wrote"
#: A column of the wide matrix: a code's id and its name (``IC.A Intervention Source``)
_CODE_LABEL = re.compile(r"\S+\s+\S.*")


def write_up_of(path: str | Path) -> str | None:
    """What the existing file ``path`` is, when it is a write-up file ``roqa report`` wrote
    (:data:`MATRIX`, :data:`TABLE2`, :data:`SATURATION`; edited since too, as long as its
    header row is kept), else None: a Word document roqa wrote, or a .csv, .tsv or .xlsx whose
    header row (the first sheet's) is one of theirs (:func:`write_up_of_header`)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from .transcripts.docx import is_roqa_docx

        return TABLE2 if is_roqa_docx(path) else None
    if suffix not in (".csv", ".tsv", ".xlsx"):
        return None
    from .transcripts.csv import header_cells

    header = header_cells(path)
    return None if header is None else write_up_of_header(header)


def write_up_given_as_codings(path: str | Path, hint: str = "give {codings}") -> RoqaError | None:
    """The one-line error of the existing file ``path`` given where codings are read, when it
    is a write-up file (:func:`write_up_of`), else None: what it is, and ``hint``, whose
    ``{codings}`` names the codings to give instead (the folder ``roqa code`` wrote, by name
    when the file is in it, or its ``codings.jsonl``). ``roqa report``, ``export``
    (:func:`~roqa_nlp.result.codings_file`) and ``agree`` say it so."""
    write_up = write_up_of(path)
    if write_up is None:
        return None
    p = Path(path)
    beside = f", {p.parent}" if p.with_name("codings.jsonl").is_file() else ""
    codings = f"the folder roqa code wrote{beside}, or the codings.jsonl in it"
    return RoqaValueError(f"is {write_up}, not codings", path=p, hint=hint.format(codings=codings))


def write_up_of_header(header: Sequence[str]) -> str | None:
    """What a table of the header row ``header`` is, when it is a write-up file's (see
    :func:`write_up_of`): Table 2's or the saturation table's columns, the long matrix's, or
    the wide matrix's, a case column (``participant`` or ``transcript``) and codes, each its id
    and name, no column a transcript has among them."""
    from typing import get_args

    from .framework import (
        MATRIX_LONG_COLUMNS,
        SATURATION_COLUMNS,
        SATURATION_COLUMNS_WITHOUT_OPTIONS,
        TABLE2_COLUMNS,
        CaseKind,
    )
    from .io import header_cell
    from .transcripts.columns import column_roles

    names = tuple(map(header_cell, header))
    while names and not names[-1]:
        names = names[:-1]  # empty cells after the last column
    # its row column is "code" in a project's own codebook (BarriersEnablers.unit)
    if names in (TABLE2_COLUMNS, tuple("code" if c == "construct" else c for c in TABLE2_COLUMNS)):
        return TABLE2
    if names in (SATURATION_COLUMNS, SATURATION_COLUMNS_WITHOUT_OPTIONS):
        return SATURATION
    if names == MATRIX_LONG_COLUMNS:
        return MATRIX
    wide = (
        len(names) >= 2
        and names[0] in get_args(CaseKind)
        and all(_CODE_LABEL.fullmatch(c) for c in names[1:])
        and not column_roles(list(header))
    )
    return MATRIX if wide else None


def _record(folder: Path) -> dict[str, str]:
    """The fingerprints :data:`RECORD` in ``folder`` holds by file name; none when it is missing
    or cannot be read (every file there is then kept before it is replaced)."""
    try:
        data = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    files = data.get("written") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def record_written(path: str | Path) -> None:
    """Record the bytes of the write-up file ``path`` roqa has just written (its SHA-256, in the
    folder's :data:`RECORD`): ``roqa report`` and the writers of the matrix, Table 2 and the
    saturation table (``to_csv``, ``to_xlsx``, ``to_docx``) call it, and ``roqa agree
    --disagreements`` of its list. A record that cannot be
    written only means the file is kept before it is next replaced."""
    from .io import atomic_write_text, sha256_file

    p = Path(path)
    with suppress(OSError, RoqaError):
        files = {**_record(p.parent), p.name: sha256_file(p)}
        text = json.dumps({"written": dict(sorted(files.items()))}, indent=1) + "\n"
        atomic_write_text(p.parent / RECORD, text)


def keep_edited(new: Mapping[Path, bytes]) -> list[tuple[Path, Path]]:
    """Keep a copy of each existing file of ``new`` (the write-up files a run is about to
    replace, each with its new bytes) whose bytes are not those roqa last wrote there
    (:func:`record_written`) and whose content is not the new file's (:func:`same_content`),
    beside it (see the module docstring); the files kept, each with its copy. A copy that
    cannot be made is a one-line error naming the file, raised before any file is replaced."""
    from .io import sha256_bytes

    kept: list[tuple[Path, Path]] = []
    for path, replacing in new.items():
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError as e:
            raise RoqaError(
                f"cannot be read to keep a copy before it is replaced: {e.strerror or e}",
                path=path,
                hint="close it in the program that has it open, or give another file name",
            ) from None
        sha = sha256_bytes(data)
        if _record(path.parent).get(path.name) == sha or same_content(data, replacing):
            continue  # as roqa wrote it, or as it writes it now: nothing of the researcher's
        kept.append((path, _kept_copy(path, data, sha)))
    return kept


def same_content(old: bytes, new: bytes) -> bool:
    """Whether a file of bytes ``old`` holds what one of bytes ``new`` holds: the same bytes, or
    two Office packages (.xlsx, .docx: zip files) of the same parts, each of the same bytes but
    for the dates of writing (:data:`WRITING_DATES` in :data:`CORE_PART`) and the times the
    zip gives the parts. The test that needs no record (a folder roqa wrote before the record
    was kept): a file saved in Excel or Word, or by a script, has its parts written anew."""
    if old == new:
        return True
    try:
        with zipfile.ZipFile(BytesIO(old)) as a, zipfile.ZipFile(BytesIO(new)) as b:
            names = b.namelist()
            if sorted(a.namelist()) != sorted(names) or len(set(names)) != len(names):
                return False
            for info in b.infolist():
                theirs = a.getinfo(info.filename)
                if info.filename != CORE_PART and theirs.file_size != info.file_size:
                    return False  # not read: another size is other content
                mine, other = b.read(info), a.read(theirs)
                if info.filename == CORE_PART:
                    mine, other = WRITING_DATES.sub(b"", mine), WRITING_DATES.sub(b"", other)
                if mine != other:
                    return False
    except (
        OSError, KeyError, ValueError, RuntimeError, EOFError, NotImplementedError,
        zipfile.BadZipFile, zlib.error,
    ):  # fmt: skip
        return False
    return True


def _kept_copy(path: Path, data: bytes, sha: str) -> Path:
    """The copy of ``path`` (its bytes ``data``, of SHA-256 ``sha``) beside it: an existing one
    of the same bytes, else a new one under the first free name (see the module docstring)."""
    from .io import atomic_write_bytes

    for name in (
        f"{path.stem}.{EDITED}{path.suffix}",
        f"{path.stem}.{EDITED}.{sha[:12]}{path.suffix}",
    ):
        copy = path.with_name(name)
        try:
            if copy.read_bytes() == data:
                return copy
            continue  # another round's copy: left as it is
        except FileNotFoundError:
            pass
        except OSError:
            continue
        atomic_write_bytes(copy, data)
        with suppress(OSError):
            shutil.copystat(path, copy)  # its time (when it was last saved) and mode
        return copy
    raise RoqaError(
        "was edited since roqa wrote it, and no copy of it could be kept beside it",
        path=path,
        hint=f"move it (or {path.stem}.{EDITED}{path.suffix}) out of the folder, or give another "
        "file name",
    )


def kept_line(kept: list[tuple[Path, Path]]) -> str | None:
    """The one line saying where the files ``kept`` (:func:`keep_edited`) were kept; None when
    there are none."""
    if not kept:
        return None
    if len(kept) == 1:
        ((path, copy),) = kept
        return (
            f"{path}: edited since roqa wrote it (or roqa has no record of writing it): your "
            f"copy is kept as {copy}; the new one replaces it"
        )
    copies = ", ".join(f"{path} as {copy}" for path, copy in kept)
    return (
        f"{len(kept)} files edited since roqa wrote them (or roqa has no record of writing them): "
        f"your copies are kept ({copies}); the new ones replace them"
    )
