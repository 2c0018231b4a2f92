"""REFI-QDA codebook files (``.qdc``): export any codebook, import one from any QDA program.

A ``.qdc`` file is one XML document, ``<CodeBook xmlns="urn:QDA-XML:codebook:1.0">``, holding the
code tree (``Codebook-mrt2019.xsd``), ending with the valence group every ``.qdpx`` export has
(``Valence (roqa_nlp)``: ``Barrier``, ``Enabler``, ``Neutral``), which the reader leaves out
(:func:`~.refiqda.codebook_from_codes`). The writer omits ``<Sets>``: the schema requires at
least one ``<Set>`` inside it, and Taguette's empty ``<Sets/>`` is what makes its files invalid.
The reader is lenient: it accepts that empty ``<Sets/>``, missing descriptions and any
namespace.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from ..codebook import Codebook
from ..errors import RoqaValueError
from ..io import atomic_write_bytes, read_bytes
from .refiqda import (
    CODEBOOK_NS,
    ORIGIN,
    child,
    codebook_from_codes,
    codes_element,
    known_codebooks,
    local_name,
    parse_xml,
    serialise,
)


def qdc_bytes(
    codebook: Codebook, colors: Mapping[str, str] | None = None, *, valence_codes: bool = True
) -> bytes:
    """The ``.qdc`` document of a codebook (UTF-8 XML), with the code colours ``colors``
    (code id -> ``#RRGGBB``) besides those the codes carry, and (``valence_codes``) the valence
    group after the codebook's codes, as every ``.qdpx`` export has it
    (:func:`~.refiqda.add_valence_group`)."""
    root = ET.Element("CodeBook", {"origin": ORIGIN})
    root.append(codes_element(codebook, colors, valence_group=valence_codes))
    return serialise(root, CODEBOOK_NS)


def export_qdc(
    codebook: Codebook | str | Path,
    path: str | Path,
    colors: Mapping[str, str] | None = None,
    *,
    valence_codes: bool = True,
) -> Path:
    """Write ``codebook`` as a REFI-QDA ``.qdc`` file (atomically); returns the path. The code
    tree ends with the valence group unless ``valence_codes`` is False (see :func:`qdc_bytes`).
    ``codebook`` is a :class:`~roqa_nlp.codebook.Codebook`, a built-in id or a JSON file."""
    book = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
    out = Path(path)
    atomic_write_bytes(out, qdc_bytes(book, colors, valence_codes=valence_codes))
    return out


def _is_project(data: bytes) -> bool:
    """Whether ``data`` is a zip holding a REFI-QDA project (``project.qde``)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return any(n.lower() == "project.qde" for n in z.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False


def read_qdc(
    path: str | Path,
    *,
    codebook: Codebook | None = None,
    warnings: list[str] | None = None,
    colors: dict[str, str] | None = None,
) -> Codebook:
    """Read a ``.qdc`` codebook file.

    Codes keep their GUID as id, except codes exported by roqa_nlp from ``codebook`` or a
    built-in codebook, which get their original ids back. The codebook id is the known
    codebook's id when every code comes from it, else the file name. What cannot be imported
    as it is (duplicate GUIDs, unnamed codes) is appended to ``warnings`` when given; the
    codes' colours are put in ``colors`` (code id -> ``#RRGGBB``) when given.
    """
    p = Path(path)
    data = read_bytes(p)
    if _is_project(data):  # a .qdpx project, not a codebook file
        raise RoqaValueError(
            "is a REFI-QDA project (.qdpx), not a codebook file (.qdc)",
            path=p,
            hint="read the project's codebook with read_qdpx(path).codebook, or `roqa import`",
        )
    root = parse_xml(data, label=p)
    if local_name(root.tag) != "CodeBook":
        raise RoqaValueError(
            f"is not a REFI-QDA codebook (root element <{local_name(root.tag)}>, "
            "expected <CodeBook>)",
            path=p,
            hint="export the codebook from your QDA program as REFI-QDA (.qdc)",
        )
    sink: list[str] = [] if warnings is None else warnings
    book, _ = codebook_from_codes(
        child(root, "Codes"),
        name=p.stem,
        known=known_codebooks(codebook),
        warnings=sink,
        colors=colors,
        source=p.name,
        other_version=codebook is None,  # none given with --codebook
        asked_for=codebook,
    )
    return book
