"""OpenDocument transcripts (.odt, as LibreOffice Writer saves them; flat .fodt too).

The document's ``content.xml`` is read with defusedxml (no DTDs or entities, bounded nesting)
from an archive checked as a REFI-QDA project is (:class:`~roqa_nlp.exchange.safezip.SafeZip`).
The body is read in document order, as the paragraphs and table rows of
:mod:`roqa_nlp.transcripts.blocks`, which says how speaker labels (``Speaker: words``, or a
first run in bold or in the *Strong Emphasis* character style), header fields and
``speaker | text`` tables are read; paragraphs in lists and sections are read too.

What a reader of the document sees is what is read:

- spaces as OpenDocument writes them: runs of spaces, tabs and new lines in the XML are one
  space (``<text:s text:c="3"/>`` is three), a tab is ``<text:tab/>`` and a line break
  ``<text:line-break/>`` (a new line within the turn);
- tracked changes as accepted: an insertion's words are in the paragraph and read, a deletion's
  are kept apart (in ``text:tracked-changes``) and not;
- headings (``text:h``, or the *Title*, *Subtitle* and *Heading* paragraph styles; but a
  speaker's name alone, the words below it, as :mod:`.blocks` says), footnotes,
  comments, text frames, drawings, hidden text and generated indexes (a table of contents) are
  not speech.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import RoqaError, RoqaValueError
from ..io import read_bytes
from ..schema import Transcript
from .blocks import Block, paragraph_block, read_blocks, table_blocks

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
_TEXT_MIMETYPES = (
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.text-template",
)
_HINT = "open it in LibreOffice Writer and save it again as .odt or .docx, or export it as .txt"
HEADING_STYLES = ("heading", "title", "subtitle")
#: Character styles that mark a speaker's label whatever their font (as in Word).
SPEAKER_STYLES = ("strong", "strong emphasis", "speaker")
#: A table cell repeated more often than this is an empty filler (LibreOffice writes a table's
#: unused columns as one cell repeated); it counts once more than a transcript table's columns.
_MAX_REPEAT = 4


def _q(prefixed: str) -> str:
    """``text:p`` as ElementTree's ``{urn:...:text:1.0}p``."""
    prefix, local = prefixed.split(":")
    return f"{{{_NS[prefix]}}}{local}"


#: Elements whose words a reader does not see in the flow of the text (their tail is read).
_UNSEEN = frozenset(
    _q(t)
    for t in (
        "text:note",
        "text:tracked-changes",
        "text:change",
        "text:ruby-text",
        "text:hidden-text",
        "text:sequence-decls",
        "text:variable-decls",
        "text:user-field-decls",
        "office:annotation",
        "office:annotation-end",
    )
)
#: Namespaces of drawings, frames and forms: never read as words.
_UNSEEN_NAMESPACES = (
    "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:form:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:presentation:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0}",
    "{urn:oasis:names:tc:opendocument:xmlns:chart:1.0}",
)
#: Elements that hold paragraphs: lists, their items and sections.
_CONTAINERS = frozenset(
    _q(t) for t in ("text:list", "text:list-item", "text:list-header", "text:section")
)
_SPACES = re.compile(r"[ \t\r\n]+")


def _bold_weight(value: str | None) -> bool | None:
    if value is None:
        return None
    value = value.strip().lower()
    if value.isdecimal():
        return int(value) >= 600
    return value == "bold"


class _Styles:
    """The document's styles, enough to tell a bold run and a heading paragraph."""

    def __init__(self, roots: Sequence[Element]) -> None:
        # (family, name) -> (parent name, own font weight or None, display name)
        self._styles: dict[tuple[str, str], tuple[str | None, bool | None, str]] = {}
        for root in roots:
            for container in ("office:styles", "office:automatic-styles"):
                for holder in root.iter(_q(container)):
                    for el in holder.iter(_q("style:style")):
                        self._add(el)

    def _add(self, el: Element) -> None:
        family = el.get(_q("style:family")) or ""
        name = el.get(_q("style:name"))
        if not name:
            return
        props = el.find(_q("style:text-properties"))
        weight = None if props is None else _bold_weight(props.get(_q("fo:font-weight")))
        display = el.get(_q("style:display-name")) or name.replace("_20_", " ")
        self._styles[(family, name)] = (el.get(_q("style:parent-style-name")), weight, display)

    def _chain(self, family: str, name: str | None) -> Iterator[tuple[bool | None, str]]:
        """The weight and display name of a style and then of each of its parents."""
        seen: set[str] = set()
        while name and name not in seen and (family, name) in self._styles:
            seen.add(name)
            parent, weight, display = self._styles[(family, name)]
            yield weight, display
            name = parent

    def emphasised(self, name: str | None, family: str = "text") -> bool | None:
        """Whether a style is bold (a character style: or a speaker's style); None when it
        says nothing."""
        for weight, display in self._chain(family, name):
            if family == "text" and display.lower() in SPEAKER_STYLES:
                return True
            if weight is not None:
                return weight
        return None

    def heading(self, name: str | None) -> bool:
        """Whether a paragraph style is a heading, a title or a subtitle (or based on one)."""
        return any(d.lower().startswith(HEADING_STYLES) for _, d in self._chain("paragraph", name))


class _Paragraph:
    """A paragraph's text as a reader sees it, and how much of it its bold opening runs hold."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.parts: list[str] = []
        self.length = 0
        self.space_pending = False  # a collapsible space read, written before the next words
        self.prefix_end: int | None = None  # where the first run not in bold starts

    def _append(self, s: str, bold: bool) -> None:
        if not bold and self.prefix_end is None and s.strip():
            self.prefix_end = self.length
        self.parts.append(s)
        self.length += len(s)

    def chars(self, data: str | None, bold: bool) -> None:
        """XML character data: runs of white space are one space, dropped at the start."""
        if not data:
            return
        pieces = _SPACES.split(data)
        for i, piece in enumerate(pieces):
            if i:
                self.space_pending = True
            if piece:
                self.literal(piece, bold)

    def literal(self, s: str, bold: bool) -> None:
        """Words, or a space, tab or line break written as an element: kept as they are, after
        the space read before them (none at the paragraph's start)."""
        if self.space_pending and self.length:
            self._append(" ", bold)
        self.space_pending = False
        self._append(s, bold)

    def read(self, el: Element, bold: bool) -> None:
        """Read the words of ``el``'s content (not its tail) in the flow of the paragraph."""
        self.chars(el.text, bold)
        for c in el:
            tag = c.tag if isinstance(c.tag, str) else ""
            if tag in _UNSEEN or tag.startswith(_UNSEEN_NAMESPACES):
                pass
            elif tag == _q("text:s"):
                self.literal(" " * _count(c.get(_q("text:c"))), bold)
            elif tag == _q("text:tab"):
                self.literal("\t", bold)
            elif tag == _q("text:line-break"):
                self.literal("\n", bold)
            elif tag == _q("text:span"):
                own = self.styles.emphasised(c.get(_q("text:style-name")))
                self.read(c, bold if own is None else own)
            else:  # links, fields, bookmarks, change marks ...: their shown words, if any
                self.read(c, bold)
            self.chars(c.tail, bold)

    @property
    def text(self) -> str:
        return "".join(self.parts).rstrip(" ")

    @property
    def emphasised_prefix(self) -> str:
        end = self.length if self.prefix_end is None else self.prefix_end
        return "".join(self.parts)[:end]


def _count(value: str | None, limit: int = 1000) -> int:
    try:
        return max(1, min(int(value or 1), limit))
    except ValueError:
        return 1


def _paragraph(el: Element, styles: _Styles) -> _Paragraph:
    p = _Paragraph(styles)
    own = styles.emphasised(el.get(_q("text:style-name")), "paragraph")  # all in bold
    p.read(el, bool(own))
    return p


def _paragraphs(el: Element) -> Iterator[Element]:
    """The ``text:p`` and ``text:h`` elements of a block, lists and sections opened."""
    for c in el:
        if c.tag in (_q("text:p"), _q("text:h")):
            yield c
        elif c.tag in _CONTAINERS:
            yield from _paragraphs(c)


def _cell_text(cell: Element, styles: _Styles) -> str:
    return "\n".join(_paragraph(p, styles).text for p in _paragraphs(cell))


#: Elements that hold a table's rows: its header rows, its rows and groups of them.
_ROW_GROUPS = frozenset(
    _q(t) for t in ("table:table-header-rows", "table:table-rows", "table:table-row-group")
)


def _table_rows(table: Element, styles: _Styles) -> Iterator[list[str]]:
    """The cell texts of each of the table's own rows (not those of a table in one of its
    cells)."""
    for el in table:
        if el.tag in _ROW_GROUPS:
            yield from _table_rows(el, styles)
        elif el.tag == _q("table:table-row"):
            cells: list[str] = []
            for c in el:
                if c.tag in (_q("table:table-cell"), _q("table:covered-table-cell")):
                    repeat = _count(c.get(_q("table:number-columns-repeated")), _MAX_REPEAT)
                    cells.extend([_cell_text(c, styles)] * repeat)
            yield cells


def _blocks(container: Element, styles: _Styles) -> Iterator[Block]:
    for el in container:
        if el.tag in (_q("text:p"), _q("text:h")):
            p = _paragraph(el, styles)
            heading = el.tag == _q("text:h") or styles.heading(el.get(_q("text:style-name")))
            if p.text.strip():
                yield paragraph_block(p.text, p.emphasised_prefix, heading=heading)
        elif el.tag in _CONTAINERS:  # lists and sections
            yield from _blocks(el, styles)
        elif el.tag == _q("table:table"):
            yield from table_blocks(_table_rows(el, styles))
        # indexes, frames, tracked changes and declarations are not speech


def _parse(data: bytes, path: str | Path, part: str) -> Element:
    from ..exchange.refiqda import parse_xml

    try:
        return parse_xml(data, label=f"{path}:{part}")
    except RoqaError:
        raise RoqaValueError(
            f"is not a readable OpenDocument text file (its {part} is damaged or uses "
            "XML constructs that are refused, such as entities)",
            path=path,
            hint=_HINT,
        ) from None


def _not_odt(path: str | Path, why: str) -> RoqaError:
    return RoqaValueError(
        f"is not a readable OpenDocument text file ({why})", path=path, hint=_HINT
    )


def _read_package(data: bytes, path: str | Path) -> list[Element]:
    """``content.xml`` and ``styles.xml`` of a zipped .odt, checked before they are parsed."""
    from ..exchange.safezip import SafeZip

    with SafeZip(data, label=path, not_a_zip=("is not a readable .odt file", _HINT)) as z:
        mimetype = (
            z.read("mimetype").decode("ascii", "replace").strip() if z.find("mimetype") else ""
        )
        if mimetype and mimetype not in _TEXT_MIMETYPES:
            kind = mimetype.rsplit(".", 1)[-1]
            raise RoqaValueError(
                f"is an OpenDocument {kind}, not a text document",
                path=path,
                hint="give the interview as a Writer document (.odt), .docx or .txt",
            )
        manifest = z.find("META-INF/manifest.xml")
        if manifest is not None and b"encryption-data" in z.read(manifest):
            raise RoqaValueError(
                "is password-protected",
                path=path,
                hint="open it in LibreOffice, save a copy without the password, and read that",
            )
        if z.find("content.xml") is None:
            raise _not_odt(path, "it has no content.xml")
        parts = [_parse(z.read("content.xml"), path, "content.xml")]
        if z.find("styles.xml") is not None:  # the named styles: Strong Emphasis, Heading 1 ...
            parts.append(_parse(z.read("styles.xml"), path, "styles.xml"))
        return parts


def read_odt_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read an OpenDocument transcript, ``.odt`` or flat ``.fodt`` (see the module docstring)."""
    data = read_bytes(path)
    # a zipped .odt, or a flat .fodt: one XML document
    roots = _read_package(data, path) if data.startswith(b"PK") else [_parse(data, path, "XML")]
    body = roots[0].find(f"{_q('office:body')}/{_q('office:text')}")
    if body is None:
        raise _not_odt(path, "it has no text body")
    return read_blocks(
        list(_blocks(body, _Styles(roots))),
        path,
        file_format="odt",
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
