"""The REFI-QDA vocabulary shared by the ``.qdpx`` project and ``.qdc`` codebook formats.

REFI-QDA (https://www.qdasoftware.org, "QDA-XML 1.0", 2019) is the exchange standard that NVivo,
ATLAS.ti, MAXQDA, QualCoder, Taguette and others read and write. This module holds what both file
kinds share: the XML namespaces, stable GUIDs, safe XML parsing, and the conversion between a
:class:`~roqa_nlp.codebook.Codebook` and a tree of ``<Code>`` elements.

GUIDs are UUID version 5 of a fixed project namespace and a name (``<codebook id>/<code id>`` for
codes), so exporting the same codebook twice gives the same GUIDs, and a code that went to a QDA
program and came back is recognised as the code it was (QDA programs keep GUIDs on re-export).
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
import unicodedata
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..codebook import BUILTIN, Codebook, normalise_name, recorded_valence_guids
from ..errors import RoqaError, RoqaValueError
from ..io import xml_text
from ..schema import Code

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

#: Namespace of every GUID roqa_nlp writes (uuid5 of the URL namespace and "urn:roqa_nlp:refi-qda").
GUID_NAMESPACE = uuid.UUID("ef9591a2-97a2-5d8a-ba8a-7c273bf7900f")

#: Value of the ``origin`` attribute of the files roqa_nlp writes.
ORIGIN = f"roqa_nlp {__version__}"

#: Deepest element nesting accepted in a REFI-QDA XML file (real code trees are < 20 deep).
MAX_XML_DEPTH = 200

_LEVELS = ("domain", "construct", "subconstruct")

# Characters XML 1.0 cannot carry, even escaped.


def stable_guid(*parts: str) -> str:
    """A GUID that depends only on ``parts`` (uuid5 in :data:`GUID_NAMESPACE`)."""
    return str(uuid.uuid5(GUID_NAMESPACE, "/".join(parts)))


_GUID = re.compile(
    r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?"
)


def is_guid(s: str) -> bool:
    """Whether ``s`` is a GUID as REFI-QDA writes them (any case, braces optional)."""
    return _GUID.fullmatch(s.strip()) is not None


def code_guid(codebook_id: str, code_id: str) -> str:
    """The GUID of a code in every export of its codebook.

    A code imported from a QDA program has its GUID as id; it keeps that GUID, so the program
    recognises its own codes when the suggestions come back to it. A project codebook (a
    codebook and the project's own codes, ``cfir-2009+project``) gives every code the GUID it
    has in the codebook it extends, so that a model's suggestions (``cfir-2009``) and a
    reviewer's codings with new codes (``cfir-2009+project``) merge into one code tree in a QDA
    program. (Versions before this wrote the GUIDs of ``cfir-2009+project``'s own: see
    :func:`_guids_of`.)
    """
    from ..crosswalk import PROJECT_SUFFIX

    if is_guid(code_id):
        return code_id.strip().strip("{}")
    return stable_guid(codebook_id.removesuffix(PROJECT_SUFFIX), code_id)


def written_guid(codebook: Codebook, code: Code) -> str:
    """The GUID ``code`` of ``codebook`` is exported with: the one the QDA program it was
    imported from gave it (``code.guid``, kept in ``codebook.json`` by ``roqa import``), so
    that its codings go back to the program's own code, not to a second one beside it; else
    :func:`code_guid` (a code the program never had)."""
    if code.guid is not None and is_guid(code.guid):
        return code.guid.strip().strip("{}")
    return code_guid(codebook.id, code.id)


def with_guids(codebook: Codebook, guids: Mapping[str, str]) -> Codebook:
    """``codebook`` with its codes given the GUIDs ``guids`` gives them (code id -> GUID): a
    built-in codebook's codes under the GUIDs a QDA program gave them, as the ``codebook.json``
    ``roqa import`` wrote records them (:func:`codebook_guids`)."""
    if all(guids.get(c.id, c.guid) == c.guid for c in codebook.codes):
        return codebook
    codes = [dataclasses.replace(c, guid=guids.get(c.id, c.guid)) for c in codebook.codes]
    return dataclasses.replace(codebook, codes=codes)


#: The key of imported codings' ``meta`` (their ``run.json``) that keeps the dates the QDA
#: program gave their passages: segment id -> ``{"selection": date, "codes": {code id: date}}``,
#: the ``creationDateTime`` of the selection and of each code's coding, so that ``roqa export``
#: writes them again rather than the time of the export.
CREATION_DATES = "creation_dates"

# xs:dateTime, as the REFI-QDA schema types creationDateTime: a date read is kept only if valid
_DATE_TIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")


def date_time(value: str | None) -> str | None:
    """``value`` stripped when it is an xs:dateTime (``2026-11-01T10:00:00Z``), else None."""
    value = (value or "").strip()
    return value if _DATE_TIME.fullmatch(value) else None


def creation_dates(meta: object) -> dict[str, tuple[str | None, dict[str, str]]]:
    """The dates :data:`CREATION_DATES` keeps in imported codings' ``meta``: segment id -> the
    selection's date (None when not kept) and code id -> its coding's date; empty when none
    (codings not imported, or imported before they were kept). Dates that are no xs:dateTime
    are left out."""
    found = meta.get(CREATION_DATES) if isinstance(meta, dict) else None
    if not isinstance(found, dict):
        return {}
    out: dict[str, tuple[str | None, dict[str, str]]] = {}
    for sid, dates in found.items():
        if not isinstance(dates, dict):
            continue
        codes = dates.get("codes")
        out[str(sid)] = (
            date_time(dates.get("selection")) if isinstance(dates.get("selection"), str) else None,
            {
                str(c): d
                for c, v in (codes.items() if isinstance(codes, dict) else ())
                if isinstance(v, str) and (d := date_time(v)) is not None
            },
        )
    return out


#: The key of imported codings' ``meta`` (their ``run.json``) that keeps the GUIDs the QDA
#: program gave their passages and notes: segment id -> ``{"selections": {code id: GUID},
#: "codings": {code id: GUID}, "notes": {text: {"guid": GUID, "name": name, "created": date}},
#: "comments": [text]}``, so that ``roqa export`` writes the same objects again rather than new
#: ones, which a program merging the export by GUID would hold twice; ``comments`` are the notes
#: that were the selection's comment (its description), written there again rather than as a
#: ``<Note>``; ``"note_selections": {text: [GUID]}`` the selections each note or comment was on,
#: so that it goes back there when the passage goes back as several selections. Absent (codings imported before it was kept, or made by roqa): the GUIDs are made,
#: and every note written as a ``<Note>``, as before.
REFI_GUIDS = "refi_guids"


@dataclass(frozen=True)
class KeptNote:
    """A REFI-QDA note on a passage as the program wrote it: its GUID, name and date."""

    guid: str
    name: str | None = None
    created: str | None = None


@dataclass(frozen=True)
class KeptGuids:
    """The GUIDs :data:`REFI_GUIDS` keeps for one segment (code id -> its selection's and its
    coding's GUID; a note's text -> the note) and the texts of its notes that were the
    selection's comment."""

    selections: dict[str, str]
    codings: dict[str, str]
    notes: dict[str, KeptNote]
    comments: tuple[str, ...] = ()
    note_selections: dict[str, tuple[str, ...]] = field(default_factory=dict)  # text -> GUIDs


def kept_guids(meta: object) -> dict[str, KeptGuids]:
    """The GUIDs :data:`REFI_GUIDS` keeps in imported codings' ``meta``, by segment id; empty
    when none. Values that are no GUID (or dates no xs:dateTime) are left out."""
    found = meta.get(REFI_GUIDS) if isinstance(meta, dict) else None
    if not isinstance(found, dict):
        return {}

    def guids(value: object) -> dict[str, str]:
        items = value.items() if isinstance(value, dict) else ()
        return {
            str(k): g.strip().strip("{}") for k, g in items if isinstance(g, str) and is_guid(g)
        }

    out: dict[str, KeptGuids] = {}
    for sid, kept in found.items():
        if not isinstance(kept, dict):
            continue
        notes, comments = kept.get("notes"), kept.get("comments")
        sels = kept.get("note_selections")
        out[str(sid)] = KeptGuids(
            selections=guids(kept.get("selections")),
            codings=guids(kept.get("codings")),
            notes={
                str(text): KeptNote(
                    guid=n["guid"].strip().strip("{}"),
                    name=n["name"] if isinstance(n.get("name"), str) and n["name"] else None,
                    created=date_time(n["created"]) if isinstance(n.get("created"), str) else None,
                )
                for text, n in (notes.items() if isinstance(notes, dict) else ())
                if isinstance(n, dict) and isinstance(n.get("guid"), str) and is_guid(n["guid"])
            },
            comments=tuple(
                c for c in (comments if isinstance(comments, list) else ()) if isinstance(c, str)
            ),
            note_selections={
                str(text): tuple(
                    g.strip().strip("{}") for g in had if isinstance(g, str) and is_guid(g)
                )
                for text, had in (sels.items() if isinstance(sels, dict) else ())
                if isinstance(had, list)
            },
        )
    return out


def normalise_guid(guid: str | None) -> str:
    """GUIDs compare case-insensitively and with or without braces (both are valid REFI-QDA)."""
    return (guid or "").strip().strip("{}").lower()


def user_tag(name: str, guid: str) -> str:
    """``name`` told apart from another user of that name by roqa's tag, its GUID's start
    (``Zoë Evans (7df4c5f0)``): roqa's coder name for the second, not the user's name."""
    return f"{name} ({normalise_guid(guid)[:8]})"


def user_name_in_program(name: str, guid: str) -> str:
    """The user's name in the QDA program, for a coder roqa named ``name`` under the user GUID
    ``guid``: without roqa's tag of that GUID's start (:func:`user_tag`: ``Zoë Evans
    (7df4c5f0)`` -> ``Zoë Evans``), so an export names them as the program does (tester s72
    exchange, 2: the tag became their name there); any other name as it is."""
    bare = name.rpartition(" (")[0]
    return bare if bare and user_tag(bare, guid) == name else name


def local_name(tag: Any) -> str:
    """The tag without its namespace: readers accept elements with any or no namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if local_name(c.tag) == name]


def child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if local_name(c.tag) == name:
            return c
    return None


def parse_xml(
    data: bytes, *, label: str | Path, max_depth: int = MAX_XML_DEPTH, refusal_hint: str = ""
) -> ET.Element:
    """Parse untrusted XML: no DTDs, no entities, no external references, bounded nesting.

    Any problem is one :class:`RoqaError` naming ``label``; ``refusal_hint`` is the hint of the
    refusal of a DTD or of too deep a nesting (by default, a project's: export it again).
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    root: ET.Element | None = None
    depth = 0
    try:
        for event, el in iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        ):
            if event == "start":
                depth += 1
                if root is None:
                    root = el
                if depth > max_depth:
                    raise RoqaValueError(
                        f"XML is nested more than {max_depth} levels deep",
                        path=label,
                        hint=refusal_hint or "refusing to read it; export the project again",
                    )
            else:
                depth -= 1
    except RoqaError:  # too deep: a ValueError, which is not to be said to be ill-formed
        raise
    except DefusedXmlException as e:
        raise RoqaValueError(
            f"XML uses a forbidden construct ({type(e).__name__}: "
            "DTDs and entities are not allowed)",
            path=label,
            hint=refusal_hint
            or "refusing to read it; export the project again from the QDA program",
        ) from None
    except (ET.ParseError, ValueError, LookupError) as e:
        # expat raises ValueError for a declared multi-byte encoding it cannot read (UTF-7).
        raise RoqaValueError(
            f"is not well-formed XML ({e})", path=label, hint="the file is damaged; export it again"
        ) from None
    if root is None:
        raise RoqaValueError("XML has no root element", path=label, hint="export the project again")
    return root


def serialise(root: ET.Element, namespace: str) -> bytes:
    """UTF-8 XML with a declaration, ``namespace`` as the default namespace, indented.

    Elements are built with plain tag names; the root declares the default namespace (the
    ``default_namespace`` option of ElementTree refuses plain attribute names).
    """
    root.set("xmlns", namespace)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")


# -- code colours ----------------------------------------------------------------------------------

_RGB = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


def rgb(value: Any) -> str | None:
    """``value`` as a REFI-QDA colour (``RGBType``: ``#RRGGBB`` or ``#RGB``), else None."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    return v if _RGB.fullmatch(v) else None


def code_colors(codebook: Codebook, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each code's colour: from ``extra`` (code id -> colour), else the code's own ``color``
    when the codebook's codes carry one; invalid colours are left out."""
    out: dict[str, str] = {}
    for c in codebook.codes:
        color = rgb((extra or {}).get(c.id)) or rgb(c.color)
        if color:
            out[c.id] = color
    return out


def codebook_json(codebook: Codebook, colors: Mapping[str, str] | None = None) -> str:
    """``codebook.json`` of a codebook with each code's colour as a ``color`` field (a QDA
    program's code colour, which researchers choose with care; :func:`codebook_colors` reads it
    back)."""
    data = codebook.to_dict()
    found = code_colors(codebook, colors)
    for c in data["codes"]:
        if c["id"] in found:
            c["color"] = found[c["id"]]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _recorded_codes(path: str | Path) -> list[dict[str, Any]]:
    """The code objects a ``codebook.json`` records that have a string id; none when it is not
    readable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return []
    codes = data.get("codes") if isinstance(data, dict) else None
    return [
        c
        for c in (codes if isinstance(codes, list) else [])
        if isinstance(c, dict) and isinstance(c.get("id"), str)
    ]


def codebook_colors(path: str | Path) -> dict[str, str]:
    """The code colours a ``codebook.json`` records (code id -> colour); empty when it records
    none or is not readable."""
    return {c["id"]: str(rgb(c.get("color"))) for c in _recorded_codes(path) if rgb(c.get("color"))}


def codebook_names(path: str | Path) -> dict[str, str]:
    """The code names a ``codebook.json`` records (code id -> name); empty when it is not
    readable. ``roqa import`` writes there the names codes have in the QDA program, a codebook
    code the researcher renamed there (``IS.C`` "Organisational culture") under its new name."""
    return {
        c["id"]: c["name"]
        for c in _recorded_codes(path)
        if isinstance(c.get("name"), str) and c["name"].strip()
    }


def codebook_guids(path: str | Path) -> dict[str, str]:
    """The GUIDs a QDA program gave codes, as a ``codebook.json`` records them (code id ->
    GUID); empty when it records none or is not readable."""
    return {
        c["id"]: c["guid"].strip()
        for c in _recorded_codes(path)
        if isinstance(c.get("guid"), str) and is_guid(c["guid"])
    }


def codebook_valence_guids(path: str | Path) -> dict[str, str]:
    """The GUIDs a QDA program gave the valence group and its codes, as a ``codebook.json``
    records them (``valence_guids``: ``group``, ``barrier`` ... -> GUID); empty when it records
    none or is not readable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return {}
    return recorded_valence_guids(data.get("valence_guids") if isinstance(data, dict) else None)


def with_program_guids(codebook: Codebook, path: str | Path) -> Codebook:
    """``codebook`` with the GUIDs a QDA program gave its codes (:func:`with_guids`) and the
    valence group (:attr:`~roqa_nlp.codebook.Codebook.valence_guids`), as the ``codebook.json``
    at ``path`` that ``roqa import`` wrote records them: a built-in codebook is loaded without
    them, and an export gives the program its own codes and group back, not a second tree."""
    book = with_guids(codebook, codebook_guids(path))
    valence = codebook_valence_guids(path)
    if not valence or valence == book.valence_guids:
        return book
    return dataclasses.replace(book, valence_guids=valence)


def with_names(codebook: Codebook, names: Mapping[str, str]) -> Codebook:
    """``codebook`` with its codes named as ``names`` (code id -> name) names them: a built-in
    codebook's codes under the names a researcher gave them in a QDA program, so that an export
    gives the program its code tree as it was, renamed codes and all (as it does colours)."""
    if all(names.get(c.id, c.name) == c.name for c in codebook.codes):
        return codebook
    codes = [dataclasses.replace(c, name=names.get(c.id, c.name)) for c in codebook.codes]
    return dataclasses.replace(codebook, codes=codes)


# -- codebook -> <Codes> ---------------------------------------------------------------------------


def codes_element(
    codebook: Codebook, colors: Mapping[str, str] | None = None, *, valence_group: bool = False
) -> ET.Element:
    """The ``<Codes>`` tree of a codebook: its hierarchy, with ``isCodable`` from each code.

    CFIR domains are not codable; constructs and sub-constructs are. Codes keep their colour
    (``colors``: code id -> ``#RRGGBB``, see :func:`code_colors`). The element has the same
    shape in projects and in codebook files (the namespace is set by :func:`serialise`). With
    ``valence_group`` it ends with the valence group a reviewer gives a passage's valence with
    (:func:`add_valence_group`).
    """
    found = code_colors(codebook, colors)
    kids: dict[str | None, list[Code]] = {}
    for c in codebook.codes:
        kids.setdefault(c.parent, []).append(c)
    if not codebook.codes:
        raise RoqaError(f"codebook {codebook.id!r} has no codes", hint="add codes to the codebook")

    written = 0
    codes_el = ET.Element("Codes")
    stack: list[tuple[ET.Element, Code]] = [(codes_el, c) for c in reversed(kids.get(None, []))]
    while stack:
        parent_el, code = stack.pop()
        el = ET.SubElement(
            parent_el,
            "Code",
            {
                "guid": written_guid(codebook, code),
                "name": xml_text(code.name),
                "isCodable": "true" if code.codable else "false",
            },
        )
        if code.id in found:
            el.set("color", found[code.id])
        if code.description:
            ET.SubElement(el, "Description").text = xml_text(code.description)
        written += 1
        stack.extend((el, c) for c in reversed(kids.get(code.id, [])))
    if written != len(codebook.codes):
        raise RoqaError(
            f"codebook {codebook.id!r} has codes that no top-level code reaches (a parent cycle)",
            hint="fix the parent fields of the codebook",
        )
    if valence_group:
        add_valence_group(codes_el, codebook)
    return codes_el


# -- the reviewer's valence codes ------------------------------------------------------------------

#: Name of the top-level code (not codable) that holds the valence codes every export carries
#: after the codebook's own codes.
VALENCE_GROUP = "Valence (roqa_nlp)"

VALENCE_GROUP_DESCRIPTION = (
    "Your valence of a passage, for roqa_nlp. Besides coding a passage with its code, code it "
    "with Barrier, Enabler or Neutral to say whether what it describes hinders or helps the "
    "implementation; roqa import reads that as your valence. The model's valence is in each "
    "suggestion's description. Coding a passage with one of these alone reviews its valence only."
)


@dataclass(frozen=True)
class ValenceCode:
    """One code of the valence group: the valence it stands for, its name, colour and
    description (what coding a passage with it means)."""

    valence: str
    name: str
    color: str
    description: str


#: The valence group's codes, in order. Colours: the report's barrier and enabler colours (dark
#: vermilion, dark blue; told apart with colour blindness) and grey.
VALENCE_CODES: tuple[ValenceCode, ...] = (
    ValenceCode(
        "barrier",
        "Barrier",
        "#A63D00",
        "Code a passage with this when what it describes hinders the implementation (a barrier). "
        "roqa import reads it as your valence of the passage: barrier.",
    ),
    ValenceCode(
        "enabler",
        "Enabler",
        "#1F4E99",
        "Code a passage with this when what it describes helps the implementation (an enabler "
        "or facilitator). roqa import reads it as your valence of the passage: enabler.",
    ),
    ValenceCode(
        "neutral",
        "Neutral",
        "#999999",
        "Code a passage with this when what it describes neither hinders nor helps the "
        "implementation, or does both (mixed). roqa import reads it as your valence of the "
        "passage: neutral.",
    ),
)


def valence_guid(valence: str | None = None) -> str:
    """The GUID of the valence group (``valence`` None) or of its code for ``valence``: the same
    in every export, whatever the codebook, so that projects merged in a QDA program share one
    group."""
    return stable_guid("roqa_nlp:valence", *([] if valence is None else [valence]))


#: The valence each code of the group stands for, by its normalised GUID (:func:`valence_guid`),
#: and the group's own normalised GUID.
VALENCE_CODE_GUIDS: dict[str, str] = {
    normalise_guid(valence_guid(v.valence)): v.valence for v in VALENCE_CODES
}
VALENCE_GROUP_GUID = normalise_guid(valence_guid())


def has_valence_codes(codebook: Codebook) -> bool:
    """Whether ``codebook`` already holds codes ``roqa import`` reads as a passage's valence: the
    valence group or its codes (a project's codebook in which ``roqa import`` kept the group a
    reviewer put a code of theirs in) or valence codes a reviewer created in a QDA program
    (:func:`~.review.valence_code`)."""
    from .review import valence_code

    ours = {VALENCE_GROUP_GUID, *VALENCE_CODE_GUIDS}
    return any(
        normalise_guid(code_guid(codebook.id, c.id)) in ours or valence_code(c.id, c.name)
        for c in codebook.codes
    )


def add_valence_group(codes_el: ET.Element, codebook: Codebook) -> bool:
    """Append the valence group to the ``<Codes>`` tree of ``codebook`` (what
    :func:`codes_element` made): a top-level code :data:`VALENCE_GROUP`, not codable, holding
    the codable codes ``Barrier``, ``Enabler`` and ``Neutral`` with stable GUIDs
    (:func:`valence_guid`), or those the QDA program the codebook was imported from gave them
    (:attr:`~roqa_nlp.codebook.Codebook.valence_guids`, :func:`_program_valence_guids`). A
    reviewer codes a passage with one of them to give its valence.
    Left out when the codebook already has valence codes (:func:`has_valence_codes`), so that
    none is there twice; returns whether it was added."""
    if has_valence_codes(codebook):
        return False
    theirs = codebook.valence_guids  # the program's own group, imported from it: not a second
    group = ET.SubElement(
        codes_el,
        "Code",
        {
            "guid": theirs.get("group") or valence_guid(),
            "name": VALENCE_GROUP,
            "isCodable": "false",
        },
    )
    ET.SubElement(group, "Description").text = VALENCE_GROUP_DESCRIPTION
    for v in VALENCE_CODES:
        el = ET.SubElement(
            group,
            "Code",
            {
                "guid": theirs.get(v.valence) or valence_guid(v.valence),
                "name": v.name,
                "isCodable": "true",
                "color": v.color,
            },
        )
        ET.SubElement(el, "Description").text = v.description
    return True


def _is_valence_code(el: ET.Element) -> bool:
    """Whether a ``<Code>`` is a valence code (:func:`~.review.valence_code`: one of the group's
    codes by its GUID whatever its name, or a code made in the program named as a valence)."""
    from .review import valence_code

    return valence_code(el.get("guid") or "", el.get("name") or "") is not None


def _is_valence_group(el: ET.Element) -> bool:
    """Whether a top-level ``<Code>`` is the valence group as ``roqa export`` wrote it: the
    group by its GUID or its name (programs that make new GUIDs on export keep names), holding
    nothing but valence codes (the group's codes, each by its GUID or its name, or valence codes
    the reviewer added, ``Mixed``), none of them with codes below."""
    if not _is_group(el):
        return False
    names = {normalise_name(v.name) for v in VALENCE_CODES}
    return all(
        not children(c, "Code")
        and (_is_valence_code(c) or normalise_name(c.get("name") or "") in names)
        for c in children(el, "Code")
    )


def _program_valence_guids(top: list[ET.Element]) -> dict[str, str]:
    """The GUIDs a QDA program gave the valence group (:func:`_is_valence_group`) and its codes
    where they are not roqa's (``group``, ``barrier`` ... -> GUID as written: qc gives every
    code a new GUID), so that the export gives the program its group back
    (:attr:`~roqa_nlp.codebook.Codebook.valence_guids`). A code of the group is the valence its
    name gives, ours (``Barrier``) before a reviewer's (``Mixed``)."""
    from .review import valence_code

    group = next((el for el in top if _is_valence_group(el)), None)
    if group is None:
        return {}
    found = {"group": group.get("guid") or ""}
    ours = {normalise_name(v.name): v.valence for v in VALENCE_CODES}
    codes = children(group, "Code")
    for c in sorted(codes, key=lambda c: normalise_name(c.get("name") or "") not in ours):
        name = c.get("name") or ""
        valence = ours.get(normalise_name(name)) or valence_code(c.get("guid") or "", name)
        if valence is not None:
            found.setdefault(valence, c.get("guid") or "")
    roqa = {"group": valence_guid(), **{v.valence: valence_guid(v.valence) for v in VALENCE_CODES}}
    return {
        k: g.strip().strip("{}")
        for k, g in found.items()
        if is_guid(g) and g.strip().strip("{}") != roqa[k]  # as written (upper case too)
    }


def _is_group(el: ET.Element) -> bool:
    """Whether a top-level ``<Code>`` is the valence group by its GUID or name, whatever the
    reviewer put in it."""
    return normalise_guid(el.get("guid")) == VALENCE_GROUP_GUID or normalise_name(
        el.get("name") or ""
    ) == normalise_name(VALENCE_GROUP)


def valence_folder(name: str) -> bool:
    """Whether a code named ``name`` is a folder of valence codes (``Valence``, ``Barriers and
    facilitators``), not a code a valence code below it rates: every word of its name names a
    valence (:func:`~.review.valence_code`) or is one of ``data/valence_folder_words.txt``."""
    from ..io import packaged_words
    from .review import valence_code

    words = re.findall(r"[^\W_]+", name.casefold())
    folder_words = packaged_words("valence_folder_words.txt")
    return bool(words) and all(
        w in folder_words or valence_code(_ANY_GUID, w) is not None for w in words
    )


# a GUID no valence code has: valence_code() of a code made in a program, by its name alone
_ANY_GUID = "00000000-0000-4000-8000-000000000000"


def _valence_codes_left_out(
    top: list[ET.Element], coded: Container[str] = (), warnings: list[str] | None = None
) -> tuple[set[int], dict[str, str], dict[str, tuple[str, str]]]:
    """The ``<Code>`` elements of a code forest that are not codes of the codebook (by ``id()``),
    the normalised GUID -> name of each valence code among them, and the normalised GUID ->
    (its parent's normalised GUID, its name) of each valence code that rates the code above it:
    the valence group (:func:`_is_valence_group`) and every other valence code
    (:func:`_is_valence_code`) with no code below it are left out. Such a code made in the
    program (not one of the group's codes, known by their GUIDs) below a code that is not a
    folder of valence codes (:func:`valence_folder`), as ``Barrier`` and ``Facilitator`` below
    each CFIR construct in a common layout, rates that code: its codings are codings of the
    code above it with its valence. A group the reviewer put a code of theirs in stays whole
    (so that exporting it again gives them the same code tree, valence codes included). A
    folder of valence codes (``Valence`` > ``Barrier``, ``Enabler``) is left out too, unless a
    coding in the file is of the folder itself (its normalised GUID in ``coded``): then it is a
    code of the project's own, its GUID as written its id, and a line in ``warnings`` says so."""
    drop: set[int] = set()
    names: dict[str, str] = {}
    rating: dict[str, tuple[str, str]] = {}
    stack: list[tuple[ET.Element, ET.Element | None]] = []
    for el in top:
        if _is_valence_group(el):
            drop.add(id(el))
            for c in children(el, "Code"):
                drop.add(id(c))
                guid = normalise_guid(c.get("guid"))
                if guid:  # known by its name alone when a program gave it a new GUID
                    names.setdefault(guid, c.get("name") or "")
        elif not _is_group(el):  # the reviewer's own group is kept whole
            stack.append((el, None))
    visited: list[ET.Element] = []
    while stack:
        el, parent = stack.pop()
        visited.append(el)
        below = children(el, "Code")
        if not below and _is_valence_code(el):
            drop.add(id(el))
            guid = normalise_guid(el.get("guid"))
            above = "" if parent is None else normalise_guid(parent.get("guid"))
            if (
                above
                and guid
                and guid not in VALENCE_CODE_GUIDS
                and not valence_folder(parent.get("name") or "")  # type: ignore[union-attr]
            ):
                rating.setdefault(guid, (above, el.get("name") or ""))
            else:
                names.setdefault(guid, el.get("name") or "")
        stack.extend((c, el) for c in below)
    # a folder of valence codes (``Valence`` > ``Barrier``, ``Enabler``) left with none is no
    # code either: before, an export wrote it back as an empty code to code with (qda2 tester,
    # session 80, D4). One coded itself gives its passages no valence (only the codes below it
    # name one), so it stays a code of the project's own, as before D4, and is said: dropped from
    # the codebook, its codings were a code no codebook held, its id lower-cased (hunt3, F7)
    for el in reversed(visited):  # the codes below a code before it
        below = children(el, "Code")
        name = el.get("name") or ""
        if below and all(id(c) in drop for c in below) and valence_folder(name):
            guid = normalise_guid(el.get("guid"))
            if guid and guid in coded:
                if warnings is not None:
                    warnings.append(
                        f"{name!r}, a folder of valence codes, is coded itself, so it is kept as a "
                        "code of the project's own; its codings give no valence (to give a "
                        "passage a valence, code it with a code below the folder: "
                        f"{', '.join(repr(c.get('name') or '') for c in below)})"
                    )
                continue
            drop.add(id(el))
            if guid:
                names.setdefault(guid, name)
    return drop, names, rating


@dataclass
class _ValenceFirst:
    """A code tree with the valence at the top (``Barriers`` > ``Staffing``, ``Enablers`` >
    ``Staffing``) read as codes of their own with that valence (:func:`_lift_valence_tops`):
    the top-level codes named as a valence (normalised GUID -> name), the valence of every code
    below them (normalised GUID -> valence, its path from the top ``Barriers > Staffing``), the
    ``id()`` of each top-level code lifted from below them, and the code a lifted code was
    merged into (normalised GUID -> the normalised GUID of the code it is now)."""

    heads: dict[str, str] = dataclasses.field(default_factory=dict)
    valence: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    lifted: set[int] = dataclasses.field(default_factory=set)
    merged: dict[str, str] = dataclasses.field(default_factory=dict)


def _valence_head(el: ET.Element) -> str | None:
    """The valence a top-level ``<Code>`` with codes below it gives them, when its name is a
    valence word (:func:`~.review.valence_code`: ``Barriers``, ``Enabler``, ``Facilitators``,
    ``negative``, any case), else None."""
    from .review import valence_code

    if _is_group(el) or not children(el, "Code"):
        return None
    return valence_code(_ANY_GUID, el.get("name") or "")


def _lift_valence_tops(top: list[ET.Element]) -> tuple[list[ET.Element], _ValenceFirst]:
    """The forest with each top-level code named as a valence that has codes below it
    (:func:`_valence_head`) replaced by those codes, and what was lifted (:class:`_ValenceFirst`):
    each code below ``Barriers`` gets the valence barrier, at whatever depth."""
    out: list[ET.Element] = []
    found = _ValenceFirst()
    for el in top:
        valence = _valence_head(el)
        if valence is None:
            out.append(el)
            continue
        head = el.get("name") or ""
        found.heads[normalise_guid(el.get("guid"))] = head
        stack = [(c, head) for c in children(el, "Code")]
        while stack:
            c, above = stack.pop()
            path = f"{above} > {c.get('name') or ''}"
            guid = normalise_guid(c.get("guid"))
            if guid:
                found.valence.setdefault(guid, (valence, path))
            stack.extend((d, path) for d in children(c, "Code"))
        for c in children(el, "Code"):
            found.lifted.add(id(c))
            out.append(c)
    return out, found


def _in_its_place(el: ET.Element, book: Codebook | None) -> ET.Element:
    """A lifted top-level code (``Available Resources`` from ``Barriers`` >) inside the codes
    above it in ``book`` (``Inner Setting`` > ``Readiness for Implementation`` >) when its name
    is that of a code of the codebook below another (not a top-level code of it already); the
    codes added above it are named as in ``book`` and get GUIDs made from their ids, so that
    they are known by their path of names, as a program's copy of them is."""
    from ..crosswalk import named_in

    if book is None:
        return el
    code = named_in(book, el.get("name"))
    if code is None or code.parent is None:
        return el
    out = el
    for above in reversed(book.path(code.id)[:-1]):
        wrapper = ET.Element(
            el.tag,
            {
                "guid": _wrapper_guid(book, above.id),
                "name": above.name,
                "isCodable": "true" if above.codable else "false",
            },
        )
        wrapper.append(out)
        out = wrapper
    return out


def _wrapper_guid(book: Codebook, code_id: str) -> str:
    """The GUID of a code :func:`_in_its_place` adds above a lifted code."""
    return stable_guid("valence-first", book.id, code_id)


def _known_by_name(
    top: list[ET.Element], found: _ValenceFirst, books: list[Codebook]
) -> Codebook | None:
    """The first of ``books`` in which, the lifted codes put in their places by name
    (:func:`_in_its_place`), at least half of the forest's codes are codes by their path of
    names (the codes added above them not counted), else None."""
    for book in books:
        placed = [_in_its_place(el, book) if id(el) in found.lifted else el for el in top]
        added = {normalise_guid(_wrapper_guid(book, c.id)) for c in book.codes}
        known = {tuple(normalise_name(x.name) for x in book.path(c.id)) for c in book.codes}
        codes = [p for g, p in _code_paths(placed) if g not in added]
        if codes and 2 * sum(p in known for p in codes) >= len(codes):
            return book
    return None


def _warn_valence_first(
    found: list[ET.Element],
    first: _ValenceFirst,
    rating: dict[str, tuple[str, str]],
    source: str,
    warnings: list[str],
    book: Codebook | None = None,
) -> None:
    """One warning line (naming ``source``, the file) when a code tree with valences at the top
    (``found``, as read; ``first``, :func:`_lift_valence_tops`) could be meant otherwise: other
    top-level codes hold codes below them that are not valences (``Site`` > ...: is
    ``Barriers`` a topic?), or a code below a valence at the top has valence codes below it
    (``Barriers`` > ``Staffing`` > ``Enabler``: two valences, the nearest read). A top-level
    code named as a domain of ``book`` (the codebook the tree is read as) is no such code:
    ``Barriers``/``Facilitators`` added beside the domains of roqa's own export is the commonest
    CFIR layout, not a sign that ``Barriers`` is a topic (daily21, session 88)."""
    heads = list(first.heads.values())
    domains = (
        set()
        if book is None
        else {
            normalise_name(c.name) for c in book.codes if c.parent is None and c.level == "domain"
        }
    )
    other = [
        el.get("name") or ""
        for el in found
        if normalise_guid(el.get("guid")) not in first.heads
        and not _is_group(el)
        and not valence_folder(el.get("name") or "")
        and normalise_name(el.get("name") or "") not in domains
        and any(children(c, "Code") or not _is_valence_code(c) for c in children(el, "Code"))
    ]
    nested = [
        f"{first.valence[above][1]} > {name}"
        for above, name in rating.values()
        if above in first.valence
    ]
    if not other and not nested:
        return
    line = (f"{source}: " if source else "") + (
        f"the code tree puts valences at the top ({', '.join(heads)}), read as the valence of "
        "the codes below them"
    )
    if other:
        line += (
            f", beside top-level codes that are not valences with codes below them "
            f"({', '.join(other)}): if {heads[0]} is a topic, not a valence, rename it "
            f"('{heads[0]} to access') and import again"
        )
    if nested:
        line += (
            f"{'; and it' if other else ', and'} has valence codes below codes under them "
            f"({', '.join(nested)}): a coding of one is read with its own valence, not the one "
            "at the top"
        )
    warnings.append(line)


def _merge_lifted(top: list[ET.Element], found: _ValenceFirst) -> list[ET.Element]:
    """The forest with each lifted code (``found.lifted``, or a code added above one) and every
    other top-level code of the same name merged into the first of them, and so below them,
    code by code of the same name: ``Staffing`` from ``Barriers`` and from ``Enablers`` is one
    code. The GUID of each code merged into another is put in ``found.merged``."""

    def merge(into: ET.Element, el: ET.Element) -> None:
        found.merged[normalise_guid(el.get("guid"))] = normalise_guid(into.get("guid"))
        for c in children(el, "Code"):
            key = normalise_name(c.get("name") or "")
            same = next(
                (d for d in children(into, "Code") if normalise_name(d.get("name") or "") == key),
                None,
            )
            if same is None:
                into.append(c)
            else:
                merge(same, c)

    out: list[ET.Element] = []
    first: dict[str, ET.Element] = {}
    for el in top:
        key = normalise_name(el.get("name") or "")
        into = first.get(key)
        if into is not None and (id(el) in found.lifted or id(into) in found.lifted):
            merge(into, el)
            found.lifted.add(id(into))
            continue
        first.setdefault(key, el)
        out.append(el)
    return out


def _without(el: ET.Element, drop: set[int]) -> ET.Element:
    """A copy of ``el`` without the ``<Code>`` elements in ``drop`` (by ``id()``)."""
    out = ET.Element(el.tag, dict(el.attrib))
    out.text, out.tail = el.text, el.tail
    for c in el:
        if id(c) in drop:
            continue
        out.append(_without(c, drop) if local_name(c.tag) == "Code" else c)
    return out


# -- <Codes> -> codebook ---------------------------------------------------------------------------


def known_codebooks(extra: Codebook | None = None) -> list[Codebook]:
    """Codebooks whose codes an imported file may carry (by GUID): ``extra`` then the built-ins."""
    books: list[Codebook] = [] if extra is None else [extra]
    for name in BUILTIN:
        if extra is not None and extra.id == name:
            continue
        try:
            books.append(Codebook.load(name))
        except (RoqaError, OSError):
            continue  # a built-in codebook not shipped (yet) cannot be recognised
    return books


def slug(name: str, default: str = "refi-qda") -> str:
    """The id of a codebook named after a project: its letters and digits in lower case, each run
    joined by ``-``, a letter with an accent as its base letter (NFKD: "Tŷ Gwyn" ->
    ``ty-gwyn``, "Siân" -> ``sian``) and one with none as it is (``ørsted``, ``安全``);
    ``default`` when it has none. Before, every letter but a-z was dropped (``t-gwyn``)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    bare = unicodedata.normalize("NFC", "".join(c for c in folded if not unicodedata.combining(c)))
    return "-".join(re.findall(r"[^\W_]+", bare)) or default


def _code_paths(top: list[ET.Element]) -> list[tuple[str, tuple[str, ...]]]:
    """(normalised GUID, path of normalised names) of every code in a ``<Code>`` forest."""
    out: list[tuple[str, tuple[str, ...]]] = []
    stack: list[tuple[ET.Element, tuple[str, ...]]] = [(el, ()) for el in top]
    while stack:
        el, parents = stack.pop()
        names = (*parents, normalise_name(el.get("name") or ""))
        out.append((normalise_guid(el.get("guid")), names))
        stack.extend((c, names) for c in children(el, "Code"))
    return out


def _renamed(records: Iterable[Mapping[str, Any]], book: Codebook) -> bool:
    """Whether a code of ``records`` that is a code of ``book`` carries another name than
    ``book`` gives it, letter case, punctuation and accents' forms aside (:func:`normalise_name`:
    a tree in sentence case is the same codebook)."""
    names = {c.id: normalise_name(c.name) for c in book.codes}
    return any(
        r["id"] in names and normalise_name(str(r.get("name") or "")) != names[r["id"]]
        for r in records
    )


def _project_id(book: Codebook) -> str:
    """The id ``book`` has in an export that adds the project's own codes to it."""
    from ..crosswalk import PROJECT_SUFFIX

    return book.id if book.id.endswith(PROJECT_SUFFIX) else book.id + PROJECT_SUFFIX


def _exported_guids(book: Codebook, code_id: str) -> set[str]:
    """The normalised GUIDs roqa_nlp gave a code of ``book``: :func:`code_guid`'s, and the one
    versions before it wrote when the project's own codes were added to ``book`` (a GUID of
    ``<book>+project``'s own)."""
    earlier = code_id if is_guid(code_id) else stable_guid(_project_id(book), code_id)
    return {normalise_guid(code_guid(book.id, code_id)), normalise_guid(earlier)}


def _guids_of(book: Codebook) -> dict[str, Code]:
    """Normalised GUID -> code of every code of ``book``, as roqa_nlp exports it
    (:func:`_exported_guids`, and the GUID a QDA program gave it, :func:`written_guid`)."""
    out: dict[str, Code] = {}
    for c in book.codes:
        for guid in sorted(_exported_guids(book, c.id)):
            out.setdefault(guid, c)
        out.setdefault(normalise_guid(written_guid(book, c)), c)
    return out


def _project_code_of(guid: str, names: Iterable[str], book: Codebook) -> tuple[str, str] | None:
    """The id of the project's own code a ``<Code>`` is (``project.alert-fatigue``) when roqa_nlp
    exported it beside ``book``'s codes, and the name that tells it: its GUID is one
    ``project.<name>`` has there (:func:`_exported_guids`) for the first of ``names`` (its name,
    then names it had) that gives one; else None (a code made in the QDA program)."""
    from ..decisions import project_code_id

    for name in dict.fromkeys(n for n in names if n.strip()):
        cid = project_code_id(name)
        if guid in _exported_guids(book, cid):
            return cid, name
    return None


def _best_known_codebook(top: list[ET.Element], books: list[Codebook]) -> Codebook | None:
    """The known codebook the file's codes come from, if any.

    A codebook qualifies when one of its roqa_nlp GUIDs occurs in the file, or when at least half
    of the file's codes match its codes by path of names (a lone ``Process`` code in an unrelated
    project is not CFIR). Of those, the one matching most codes wins; earlier books win ties.
    """
    codes = _code_paths(top)
    best: tuple[int, Codebook] | None = None
    for book in books:
        guids = set(_guids_of(book))
        paths = {tuple(normalise_name(x.name) for x in book.path(c.id)) for c in book.codes}
        by_guid = sum(g in guids for g, _ in codes)
        matched = sum(g in guids or p in paths for g, p in codes)
        if (by_guid or 2 * matched >= len(codes) > 0) and (best is None or matched > best[0]):
            best = (matched, book)
    return None if best is None else best[1]


def _places_by_name(top: list[ET.Element], book: Codebook) -> bool:
    """Whether every code of a ``<Code>`` forest is a code of ``book`` as the codes are read
    (by its path of names, else by its name: :func:`~roqa_nlp.crosswalk.named_in`, no alias),
    in its place there: a top-level code a domain, a code below another below that one in
    ``book`` (``Inner Setting > Available Resources`` in cfir-2009, under Readiness for
    Implementation there), not at the top (a hand-typed list of constructs)."""
    from ..crosswalk import named_in

    by_path: dict[tuple[str, ...], Code] = {}
    for c in book.codes:
        by_path.setdefault(tuple(normalise_name(x.name) for x in book.path(c.id)), c)
    stack: list[tuple[ET.Element, tuple[str, ...], str | None]] = [(el, (), None) for el in top]
    while stack:
        el, parents, above = stack.pop()
        names = (*parents, normalise_name(el.get("name") or ""))
        code = by_path.get(names) or named_in(book, el.get("name"))
        if code is None or (code.parent is not None and above is None):
            return False
        if above is not None and above not in {x.id for x in book.path(code.id)[:-1]}:
            return False
        stack.extend((c, names, code.id) for c in children(el, "Code"))
    return True


def _other_version(
    top: list[ET.Element], book: Codebook | None, books: list[Codebook]
) -> Codebook | None:
    """The one other codebook of ``books`` a code forest is read as, rather than ``book``, the
    one its paths of names chose (:func:`_best_known_codebook`): when ``book`` would leave a
    code of it the project's own (no code of ``book`` by its path or its name) and that other
    places every code by name (:func:`_places_by_name`). A colleague's CFIR 2009 tree laid out
    ``Inner Setting > Available Resources, Leadership Engagement`` is cfir-2009's, where the
    path of Available Resources chose cfir-2022 and left Leadership Engagement the project's
    (QDA tester, session 67). Not when a code has a GUID roqa_nlp gave it."""
    from ..crosswalk import named_in

    if book is None:
        return None
    codes: list[tuple[str, str, tuple[str, ...]]] = []  # GUID, name, path of names
    stack: list[tuple[ET.Element, tuple[str, ...]]] = [(el, ()) for el in top]
    while stack:
        el, parents = stack.pop()
        name = el.get("name") or ""
        codes.append((normalise_guid(el.get("guid")), name, (*parents, normalise_name(name))))
        stack.extend((c, codes[-1][2]) for c in children(el, "Code"))
    for b in books:
        guids = _guids_of(b)
        if any(g in guids or _project_code_of(g, [n], b) for g, n, _ in codes):
            return book
    paths = {tuple(normalise_name(x.name) for x in book.path(c.id)) for c in book.codes}
    if all(p in paths or named_in(book, n) for _, n, p in codes):
        return book
    others = [b for b in books if b.id != book.id and _places_by_name(top, b)]
    return others[0] if len(others) == 1 else book


def _renamed_codes(
    top: list[ET.Element],
    book: Codebook | None,
    recognised: Mapping[str, Code],
    by_path: Mapping[tuple[str, ...], Code],
    held: set[str],
    suggested_as: Mapping[str, Sequence[str | None]],
) -> dict[str, tuple[str, str, str | None]]:
    """The codes of a code forest that roqa_nlp's suggestions coded with them (``suggested_as``,
    see :func:`codebook_from_codes`) name as a code of ``book``, though neither their GUID nor
    their path of names makes them one: normalised GUID -> (that code's id, "N suggestions",
    None when it is that code, else why not: the suggestions name several codes or none, or
    another code's name it too; a code the file ``held`` elsewhere is said in the warning)."""
    if book is None or not suggested_as:
        return {}
    by_name: dict[str, set[str]] = {}
    for c in book.codes:
        for known_as in (c.name, *c.aliases):
            by_name.setdefault(normalise_name(known_as), set()).add(c.id)
    found: dict[str, tuple[str, str, str | None]] = {}
    for guid, names in _code_paths(top):
        notes = suggested_as.get(guid)
        if not notes or guid in recognised or names in by_path:
            continue
        ids = [by_name.get(normalise_name(n), set()) if n else set() for n in notes]
        named = {i for found_ids in ids for i in found_ids}
        if not named:
            continue  # they name no code of the codebook (a project's own code, renamed)
        how_many = f"{len(notes)} suggestion{'s' if len(notes) != 1 else ''}"
        was = sorted(named, key=lambda i: book.codes.index(book[i]))[0]
        if len(named) > 1 or any(len(i) != 1 for i in ids):
            why: str | None = "not every one of them names it alone"
        elif was in held:
            why = f"the project holds {was} too"
        else:
            why = None
        found[guid] = (was, how_many, why)
    claimed: dict[str, int] = {}
    for was, _, why in found.values():
        if why is None:
            claimed[was] = claimed.get(was, 0) + 1
    return {
        guid: (
            was,
            how_many,
            why
            if why is not None or claimed[was] == 1
            else "another code's suggestions name it too",
        )
        for guid, (was, how_many, why) in found.items()
    }


def _emptied_folders(records: list[dict[str, Any]], held_only: set[str]) -> set[str]:
    """The ids of ``held_only`` (codes of the project's own above a code read as a code the file
    holds elsewhere) that are folders (not codable) with no code left below them among
    ``records`` (the codebook's codes as read): a reviewer's "Inner Setting (Carol)" that held
    only "Available Resources", read as CFIR's, is nothing to code with."""
    parents = {r["parent"] for r in records}
    return {
        r["id"]
        for r in records
        if r["id"] in held_only and not r["codable"] and r["id"] not in parents
    }


def _by_name_warning(
    matched: list[str], book: Codebook, emptied: list[str], by_place: int = 0
) -> str:
    """The one warning line naming the codes made in a QDA program read as codes of ``book`` by
    their names (``matched``: ``'Champions' as PR.B.3``) and the folders left out as they held
    only such codes (``emptied``, by their paths). ``by_place`` counts the others made there
    that are read as its codes by their place in its code tree, so that the count is of every
    code read so (before: "5 codes" of 16, tester, session 60)."""
    n = len(matched)
    if by_place:
        total = n + by_place
        line = (
            f"{total} codes made in the QDA program are read as codes of {book.id}, with their "
            f"codings: {by_place} by {'their' if by_place > 1 else 'its'} place in its code "
            f"tree, and {n} named as {'codes' if n > 1 else 'a code'} of it elsewhere: "
            f"{', '.join(matched)}"
        )
    else:
        line = (
            f"{n} code{'s' if n > 1 else ''} made in the QDA program {'are' if n > 1 else 'is'} "
            f"named as {'codes' if n > 1 else 'a code'} of {book.id} and read as "
            f"{'those codes' if n > 1 else 'that code'}, with {'their' if n > 1 else 'its'} "
            f"codings: {', '.join(matched)}"
        )
    if emptied:
        held = ", ".join(repr(e) for e in emptied)
        line += f" ({held}, which held only such codes, left out of the codebook)"
    return line + "; to keep a code apart, give it a name of its own in the program"


def _level(depth: int) -> str:
    return _LEVELS[depth] if depth < len(_LEVELS) else "code"


#: The ``source`` of the codebook ``roqa import`` writes of a project's own codes, none of a known
#: codebook (a flat list of codes typed in ATLAS.ti): codes matched by name in ``roqa agree``.
PROJECT_CODES_SOURCE = "REFI-QDA import"


def codebook_from_codes(
    codes_el: ET.Element | None,
    *,
    name: str,
    known: Iterable[Codebook] = (),
    warnings: list[str],
    colors: dict[str, str] | None = None,
    valence_codes: dict[str, str] | None = None,
    former_names: Iterable[str] = (),
    ratings: dict[str, tuple[str, str, str]] | None = None,
    suggested_as: Mapping[str, Sequence[str | None]] | None = None,
    lifted: set[str] | None = None,
    source: str = "",
    merged: dict[str, str] | None = None,
    other_version: bool = False,
    asked_for: Codebook | None = None,
    coded: Container[str] = (),
) -> tuple[Codebook, dict[str, str]]:
    """A :class:`Codebook` from a ``<Codes>`` tree, and the map ``normalised GUID -> code id``.

    A code's id is its GUID, except for a code of a known codebook, which gets its id back
    (``IS.E.2``) so that imported human codings meet the model's codings. A code is known by
    the GUID roqa_nlp gave it or, for programs that make new GUIDs on export (qc does), by its
    full path of names (``Inner Setting > Readiness for Implementation > Available Resources``,
    compared as :func:`~roqa_nlp.codebook.normalise_name` does).
    Top-level codes are domains, their children constructs, then sub-constructs, then codes.
    The codebook id is that of the known codebook when every code comes from it, that id with
    ``+project`` when other codes are beside its codes (``cfir-2009+project``: they come after
    its codes) and its codes are there with GUIDs roqa_nlp gave them or are most of the codes,
    else a slug of ``name``. Problems (duplicate GUIDs, codes without one) are appended to
    ``warnings``.
    Each code's colour (``color="#RRGGBB"``) is put in ``colors`` (code id -> colour) when given.

    Valence codes are not codes of the codebook: coding a passage with one gives the valence of
    its codes (see :mod:`.review`). The valence group every export carries
    (:func:`add_valence_group`) is left out, silently, coded or not, and so is every other
    valence code with no code below it (one of the group's codes moved out of it, or a code the
    reviewer created named ``Barrier``, ``Facilitators`` ...: :func:`~.review.valence_code`); a
    group the reviewer put a code of their own in is kept whole and read as codes made in a QDA
    program are (GUID ids), but still never counts in deciding which known codebook the codes
    come from. The normalised GUID and name of each valence code left out is put in
    ``valence_codes`` when given (what the file's codings of them are read with). A valence code
    made in the program below a code that is not a folder of valence codes (``Available
    Resources`` > ``Barrier``) rates that code (:func:`_valence_codes_left_out`): left out too,
    and put in ``ratings`` when given (normalised GUID -> the id of the code above it, the
    valence, its name), so that its codings are read as codings of that code with that valence.

    A top-level code named as a valence with codes below it (``Barriers`` > ``Staffing``,
    ``Enablers`` > ``Staffing``: :func:`_lift_valence_tops`) is a valence code too (in
    ``valence_codes``); the codes below it are lifted to the top, each put in its place in the
    known codebook when its name is that of one of its codes below another
    (:func:`_in_its_place`, :func:`_known_by_name`), and merged with the codes of their name
    lifted from the other valences (:func:`_merge_lifted`): one code. Each of their GUIDs is put
    in ``ratings`` (the code it is now, the valence, its path ``Barriers > Staffing``) and in
    ``lifted``; a layout that may be meant otherwise gets one warning naming ``source`` (the
    file: :func:`_warn_valence_first`).

    A project's own code roqa_nlp exported (``project.alert-fatigue``) is known by its GUID and
    its name; renamed in the program, it keeps its GUID, and is known by the name it was created
    under (its description, :func:`~roqa_nlp.decisions.created_as`) or one of
    ``former_names`` (the code names roqa_nlp's suggestion notes in the file give): it keeps its
    id and takes its new name, as a code of the codebook renamed there does.

    A code of the known codebook renamed in a program that gives codes new GUIDs (qc) is known
    by neither. ``suggested_as`` (normalised GUID -> for each roqa_nlp suggestion coded with it,
    the code name its note gives, None for none or several) tells it: when every suggestion
    coded with a code that is otherwise a code of the project's own names the same code of the
    known codebook, and the file holds that code nowhere else (by GUID or path) and no other
    code's suggestions name it, the code is that code (its id, under its new name), and a
    warning says so; when they name a code of the codebook less clearly, the code stays the
    project's own, and a warning says what they name (:func:`_renamed_codes`).

    Any other code made in the program that is named as a codable code of the known codebook
    (:func:`~roqa_nlp.crosswalk.named_in`: case, spacing, punctuation and ``&``/``and`` aside, no
    alias) is that code, wherever the tree puts it: a team's own CFIR nodes in NVivo, a top-level
    "Champions" or "Inner Setting > Available Resources", with which a reviewer codes roqa_nlp's
    suggestions (before: a rejection and a new code of the same name, session 50). Where the
    file holds that code already its codings are that code's and the codes below it go below
    that code; a folder of the project's own left empty so is left out
    (:func:`_emptied_folders`); else it is that code, at that code's level, in the file's place.
    One warning names them all (:func:`_by_name_warning`). Those merged into a code the file
    holds, whose GUIDs the codebook cannot keep, are put in ``merged`` (normalised GUID -> the
    code's path of names as the file gives it), so that an export can say so.

    With ``other_version`` (no codebook given or recorded), a tree the codes' paths read as one
    known codebook, with a code left the project's own, is read as the one other known codebook
    that has every code by its name in its place (:func:`_other_version`). ``coded`` holds the
    normalised GUIDs the file's codings are of: a folder of valence codes coded itself stays a
    code (:func:`_valence_codes_left_out`). With ``asked_for``
    (the codebook given with ``--codebook``), a tree the paths read as another is read as that
    one when it has every code by its name in its place: asking for it gave a worse reading
    than asking for none (hunt s67 h_qda2 D1: flat2 with --codebook cfir-2009 stayed
    cfir-2022+project, Leadership Engagement a project code).
    """
    from ..crosswalk import named_in
    from ..decisions import created_as

    former = list(dict.fromkeys(former_names))

    found = [] if codes_el is None else children(codes_el, "Code")
    drop, left_out, rating = _valence_codes_left_out(found, coded, warnings)
    if valence_codes is not None:
        valence_codes.update(left_out)
    top = [_without(el, drop) for el in found if id(el) not in drop]
    top, first = _lift_valence_tops(top)
    if valence_codes is not None:  # their own codings give their passage a valence
        valence_codes.update(first.heads)
    forest = [el for el in top if not _is_group(el)]  # the codes, valence groups aside
    book = _best_known_codebook(forest, list(known))
    if other_version:
        book = _other_version(forest, book, list(known))
    elif (
        asked_for is not None
        and book is not None
        and book.id != asked_for.id
        and _places_by_name(forest, asked_for)
    ):
        book = asked_for
    if first.heads:
        book = book or _known_by_name(top, first, list(known))
        placed = []
        for el in top:
            moved = _in_its_place(el, book) if id(el) in first.lifted else el
            if moved is not el:
                first.lifted.add(id(moved))
            placed.append(moved)
        top = _merge_lifted(placed, first)
        _warn_valence_first(found, first, rating, source, warnings, book)
    recognised: dict[str, Code] = {}
    by_path: dict[tuple[str, ...], Code] = {}
    if book is not None:
        recognised = _guids_of(book)
        for code in book.codes:
            by_path.setdefault(tuple(normalise_name(x.name) for x in book.path(code.id)), code)
    project_codes: list[str] = []  # the project's own codes an export wrote, by their ids
    namesakes: list[str] = []  # those named like a code of the codebook, read as that code
    # the known codebook's codes the file holds (a project code named like one is that code)
    held = {c.id for g, p in _code_paths(top) if (c := recognised.get(g) or by_path.get(p))}

    renamed_codes = _renamed_codes(top, book, recognised, by_path, held, suggested_as or {})
    # the GUID each code came with, to give it back on export: not one of a code read from
    # below a valence at the top (Barriers > Staffing, merged with Enablers > Staffing) or
    # added above one, which is no code of the program's in that place
    not_theirs = set(first.valence)
    if book is not None and first.heads:
        not_theirs |= {normalise_guid(_wrapper_guid(book, c.id)) for c in book.codes}
    came_with: dict[str, str] = {}
    records: list[dict[str, Any]] = []
    guid_to_id: dict[str, str] = {}
    used_ids: set[str] = set()
    named_first: dict[str, str] = {}  # each GUID's first code's name, named when repeated
    foreign: set[str] = set()  # the ids of codes that are no code of the known codebook
    below_valence: set[str] = set()  # those read from below a valence at the top, by roqa's GUID
    by_guid = False  # a code of the known codebook is here with a GUID roqa_nlp gave it
    # codes made in the program read as the known codebook's code of their name, as shown
    # ('Inner Setting (Carol) > Available Resources' as IS.E.2), and the codes above those of
    # them the file holds elsewhere (whose codings go to it)
    by_name: list[str] = []
    by_place = 0  # codes made in the program read as the known codebook's by their path
    shown: dict[str, str] = {}  # code id -> its path of names as the file gives it
    emptied: set[str] = set()
    # codes at the top of the tree read as a construct of the known codebook by name
    # ("Culture" as IS.C): code id -> its domain there
    top_domains: dict[str, str] = {}
    stack: list[tuple[ET.Element, str | None, tuple[str, ...]]] = [
        (el, None, ()) for el in reversed(top)
    ]
    while stack:
        el, parent_id, parents = stack.pop()
        depth = len(parents)
        raw_guid = el.get("guid")
        guid = normalise_guid(raw_guid)
        cname = el.get("name") or ""
        if not guid:
            warnings.append(f"code {cname!r} has no GUID: imported under a generated id")
            guid = stable_guid("no-guid", str(len(records)), cname)
        if guid in guid_to_id:
            # named with the file and the fix, the codes below counted (not its description;
            # refi tester, session 58)
            n_sub = sum(1 for e in el.iter() if local_name(e.tag) == "Code") - 1
            earlier = named_first.get(guid)
            warnings.append(
                f"code {cname!r} repeats the GUID {raw_guid}"
                + (f" of code {earlier!r}" if earlier is not None else "")
                + ": skipped"
                + (f" with the {n_sub} code(s) below it" if n_sub else "")
                + ", and the codings of that GUID are read as codings of the first; export the "
                "project again from the QDA program (each code needs a GUID of its own)"
            )
            continue
        named_first.setdefault(guid, cname)
        names = (*parents, normalise_name(cname))
        known_code = recognised.get(guid) or by_path.get(names)
        desc_el = child(el, "Description")
        description = (desc_el.text or "").strip() if desc_el is not None else ""
        own: str | None = None
        renamed = False  # renamed in the program: known by a name it had, not its name
        if book is not None and not known_code:
            names_had = [cname, created_as(description) or "", *former]
            if (project_code := _project_code_of(guid, names_had, book)) is not None:
                own, renamed = project_code[0], project_code[1] != cname
        same = None if own is None or renamed or book is None else named_in(book, cname)
        if same is not None and same.id in held and not children(el, "Code"):
            # a project code an earlier export wrote beside the codebook's code of its name
            # (a CFIR 2009 review's "Critical Incidents" exported in CFIR 2.0): that code
            namesakes.append(f"{cname!r} ({own}) as {same.id}'s")
            guid_to_id[guid] = same.id
            continue
        as_shown = f"{shown[parent_id]} > {cname}" if parent_id in shown else cname
        # a code made in the program named as a codable code of the known codebook (a team's
        # own CFIR node "Champions", as a reviewer codes roqa_nlp's suggestion with it) is that
        # code; one whose roqa_nlp suggestions all name another code is that one, renamed
        namesake = None
        clearly_renamed = guid in renamed_codes and renamed_codes[guid][2] is None
        if book is not None and known_code is None and own is None and not clearly_renamed:
            namesake = named_in(book, cname)
        if book is not None and namesake is not None and namesake.id in held | used_ids:
            # the file holds that code already: one code, the codes below this one below it
            by_name.append(f"{as_shown!r} as {namesake.id}")
            guid_to_id[guid] = namesake.id
            if merged is not None:  # its GUID is not that code's: an export writes that one
                merged[guid] = as_shown
            if parent_id is not None:
                emptied.add(parent_id)
            shown[namesake.id] = shown.get(namesake.id, namesake.name)
            in_book = tuple(normalise_name(x.name) for x in book.path(namesake.id))
            stack.extend((c, namesake.id, in_book) for c in reversed(children(el, "Code")))
            continue
        level = _level(depth)
        if known_code is not None and known_code.id not in used_ids:
            cid = known_code.id
            by_guid = by_guid or guid in recognised
            if guid not in recognised:  # made in the program, at the codebook's place of it
                by_place += 1
            aliases = list(known_code.aliases)
            if parent_id is None and known_code.level != "domain" and known_code.domain:
                # a construct roqa's export put back at the top, where the file had it: in its
                # domain again, as when it was read by name (hunt3, session 80, F2: "Culture"
                # lost Inner Setting after export -> import)
                top_domains[cid] = known_code.domain
                level = known_code.level
        elif own is not None and own not in used_ids:
            cid, aliases = own, []
            level = level if depth else "code"
            project_codes.append(own)
        elif namesake is not None:
            cid, aliases, level = namesake.id, list(namesake.aliases), namesake.level
            by_name.append(f"{as_shown!r} as {namesake.id}")
            if parent_id is None and level != "domain" and namesake.domain is not None:
                top_domains[cid] = namesake.domain
        elif guid in renamed_codes and book is not None:
            was, how_many, why = renamed_codes[guid]
            named = book[was].name
            if why is None and was not in used_ids:
                cid, aliases = was, list(book[was].aliases)
                warnings.append(
                    f"code {cname!r} ({guid}) is no code of {book.id} by its GUID or its place "
                    f"in the code tree, but each of roqa_nlp's {how_many} coded "
                    f"with it names {named}: read as {was} {named}, renamed (in a QDA program "
                    "that gave the codes new GUIDs)"
                )
            else:
                cid = (raw_guid or "").strip().strip("{}") or guid
                aliases = []
                foreign.add(cid)
                verb = "names" if how_many.startswith("1 ") else "name"
                warnings.append(
                    f"code {cname!r} ({cid}) is imported as a code of the project's own, though "
                    f"roqa_nlp's {how_many} coded with it {verb} {named} ({was} of {book.id}): "
                    f"not read as that code, as {why or f'the project holds {was} too'}"
                )
        else:
            cid = (raw_guid or "").strip().strip("{}") or guid
            if guid in not_theirs and book is not None:
                # a code of the project's own read from below a valence at the top, beside a
                # known codebook: its id is the GUID it goes back under (below), so that the
                # export read back is the same code (the export's record of a built-in
                # codebook holds no code of the project's own); before, it kept Barriers >
                # Staffing's GUID as id and came back as a second code, which agree does not
                # match by name when the name is an alias ("Staffing": kappa 1.000 -> 0.333
                # with its own round trip; hunt3, session 80, F1). With no known codebook the
                # export records the whole codebook, ids and GUIDs, and the id comes back.
                cid = stable_guid("valence-first", cid)
                below_valence.add(cid)
            aliases = []
            foreign.add(cid)
        if not cname.strip():  # no name, or only blanks (a no-break space)
            warnings.append(
                f"code {cid} has no name: named by its id (name it in the QDA program, and "
                "export again)"
            )
            cname = cid
        records.append(
            {
                "id": cid,
                "name": cname,
                "level": level,
                "parent": parent_id,
                "codable": (el.get("isCodable") or "true").strip().lower() in ("true", "1"),
                "description": description,
                "aliases": aliases,
            }
        )
        color = el.get("color")
        if color is not None and colors is not None:
            if rgb(color):
                colors[cid] = str(rgb(color))
            else:
                warnings.append(f"code {cname!r} has the colour {color!r}, not #RRGGBB: not kept")
        guid_to_id[guid] = cid
        used_ids.add(cid)
        if raw_guid and guid not in not_theirs:  # the first code of a name read as one keeps its
            came_with.setdefault(cid, raw_guid.strip().strip("{}"))
        elif guid in not_theirs and cid in foreign:
            # a code of the project's own read from below a valence at the top goes back under
            # roqa's GUID, its id (above): Barriers > Staffing's would put Enablers >
            # Staffing's codings in it (qda2 tester, session 80, D4)
            came_with.setdefault(
                cid, cid if cid in below_valence else stable_guid("valence-first", cid)
            )
        shown[cid] = as_shown
        stack.extend((c, cid, names) for c in reversed(children(el, "Code")))
    emptied = _emptied_folders(records, emptied - {c.id for c in book.codes} if book else set())
    if emptied:
        records = [r for r in records if r["id"] not in emptied]
        guid_to_id = {g: i for g, i in guid_to_id.items() if i not in emptied}
        if colors is not None:
            for i in emptied:
                colors.pop(i, None)
    all_known = not foreign - emptied
    # such a code keeps the file's place (an export gives the program its tree back), but is in
    # its domain there when the file holds that domain: before, "Culture" at the top had no
    # domain, so Table 2 charted it outside the codebook and `agree --at domain` compared it as
    # written, a false disagreement with Implementation Climate (qda2 tester, session 80, D3)
    held_ids = {r["id"] for r in records}
    for r in records:
        if top_domains.get(r["id"]) in held_ids:
            r["domain"] = top_domains[r["id"]]

    for guid, into in first.merged.items():
        if into in guid_to_id:
            guid_to_id.setdefault(guid, guid_to_id[into])
    if ratings is not None:
        from .review import valence_code

        for guid, (given, path) in first.valence.items():
            if guid in guid_to_id:
                ratings[guid] = (guid_to_id[guid], given, path)
                if lifted is not None:
                    lifted.add(guid)
        for guid, (above, rater) in rating.items():
            rated = guid_to_id.get(above)
            valence = valence_code(guid, rater)
            if rated is not None and valence is not None:
                ratings[guid] = (rated, valence, rater)
            elif valence_codes is not None:  # the code above it was not imported
                valence_codes.setdefault(guid, rater)
    elif valence_codes is not None:
        valence_codes.update({guid: rater for guid, (_, rater) in rating.items()})
    if namesakes and book is not None:
        warnings.append(
            f"{len(namesakes)} code{'s' if len(namesakes) > 1 else ''} of the project's own "
            f"named like codes of {book.id} (written beside them by an earlier roqa_nlp "
            f"export): their codings are read as those codes' ({', '.join(namesakes)})"
        )
    if by_name and book is not None:
        warnings.append(_by_name_warning(by_name, book, [shown[i] for i in emptied], by_place))
    # Codes made in the program beside a known codebook's make a project codebook of it
    # (``cfir-2009+project``), as the project's own codes roqa_nlp exported do: its codes keep
    # their ids, and so the GUIDs they came with, and the program's codes their GUIDs. Beside
    # codes of its own, a codebook's codes tell it by a GUID roqa_nlp gave them or by being
    # most of the codes (a project's "Inner Setting" heading alone does not make it CFIR's).
    rank = {} if book is None else {c.id: i for i, c in enumerate(book.codes)}
    ours = sum(r["id"] in rank for r in records)
    base = book if records and (all_known or by_guid or 2 * ours > len(records)) else None
    if base is not None:
        # Keep the known codebook's order: it is the order of a classifier's classes; the
        # project's own codes after its codes, in the file's order.
        rank.update({r["id"]: len(rank) + i for i, r in enumerate(records) if r["id"] not in rank})
        records.sort(key=lambda r: rank[r["id"]])
    book_id = slug(name)
    if base is not None:
        book_id = _project_id(base) if project_codes or not all_known else base.id
        if book_id in BUILTIN and _renamed(records, base):
            # a built-in code renamed in the program ("Available resources (funding, staff
            # time)") makes the codebook the project's own version: under the built-in id,
            # giving its codebook.json was warned of as a copy of the built-in codebook
            # (agreefix3, s86); its codes keep their ids and GUIDs
            book_id = _project_id(base)
        # a code made in the program at the top of the tree, beside the codebook's domains, is
        # a code of the project's own, as roqa's project codes there are: no domain of it
        # (exchange tester, s61: "Stigma" was charted as a domain headed by its GUID)
        # A folder of codes there (a top-level code with codes below it) stays their heading,
        # as the team grouped them (regression hunt, s61: "Team codes" > "Peer support" lost it)
        below = {r["parent"] for r in records}
        for r in records:
            if (
                r["id"] in foreign
                and r["parent"] is None
                and r["level"] == "domain"
                and r["id"] not in below
            ):
                r["level"] = "code"
    for r in records:  # a GUID not the one roqa_nlp writes for the code: the program's, kept
        # as written: roqa's in upper case (ATLAS.ti, MAXQDA) goes back so, as users' and
        # sources' GUIDs do (exchange tester, s61: codes alone went back in lower case)
        kept = came_with.get(r["id"])
        if kept and kept != code_guid(book_id, r["id"]):
            r["guid"] = kept
    data: dict[str, Any] = {
        "id": book_id,
        "name": base.name if base else name,
        "version": base.version if base else "",
        "source": base.source if base else PROJECT_CODES_SOURCE,
        "codes": records,
    }
    if base is not None and base.mapping:
        # a team's codebook: the codes the program deleted leave its mapping, which would name
        # codes the file lacks (a built-in one's is kept whole, as loading expects; regression
        # hunt, session 58: the imported codebook.json was refused, later warned of)
        held = {r["id"] for r in records}
        data["mapping"] = (
            base.mapping
            if base.extends_builtin
            else {
                other: {k: v for k, v in pairs.items() if k in held}
                for other, pairs in base.mapping.items()
            }
        )
    if valence_guids := _program_valence_guids(found):
        data["valence_guids"] = valence_guids
    return Codebook.from_dict(data), guid_to_id
