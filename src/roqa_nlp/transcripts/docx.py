"""Word transcripts (.docx), read with python-docx (imported only when a .docx is read).

The body is read in document order, as the paragraphs and table rows of
:mod:`roqa_nlp.transcripts.blocks`, which says how speaker labels (``Speaker: words`` or a bold
first run), header fields and ``speaker | text`` tables are read. Paragraphs, rows and cells
inside content controls (a repeating section, a dropdown speaker cell) or a legacy template's
custom XML are read where they stand; a table nested in a transcript table's cell is part of
that cell's words (a line a row), and a transcript table nested in a layout table is read. Headings
(but a speaker's name
alone, the words below it) and empty paragraphs are not speech, and tables that are not
transcripts are ignored. Tracked changes are read as accepted: an insertion's words are read, a
deletion's are not (python-docx's own paragraph text drops insertions, which would lose a
corrected transcript's words). A page or column break is read as a line break, a symbol
inserted from a symbol font as its character (``data/symbol_font_characters.json``) and a
custom footnote mark (``*``) is left out, as a footnote's number is; hidden text (which Word
neither shows nor prints) is not read, and of the alternatives Word writes for older readers
(``mc:AlternateContent``) only one. A bold ``Label:`` typed inside a paragraph (Enter forgotten)
opens a new turn when the label opens two or more of the file's paragraphs. The transcript's text
is the
canonical rendering of :mod:`roqa_nlp.transcripts.render`.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import RoqaError, RoqaValueError
from ..io import packaged_json, read_bytes
from ..schema import Transcript
from .blocks import Block, paragraph_block, read_blocks, table_blocks
from .protected import refuse_ole_office_file

HEADING_STYLES = ("heading", "title", "subtitle")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


#: Run properties that hide a run's text (Word neither shows nor prints it), unless switched off.
_HIDDEN = (
    "w:rPr/*[(self::w:vanish or self::w:specVanish) and not(@w:val='0' or @w:val='false'"
    " or @w:val='off')]"
)
#: The runs of a paragraph as Word shows it with its tracked changes accepted: every run in
#: it, in document order (in hyperlinks, insertions, moves, smart tags, fields and content
#: controls too), but not one deleted or moved away, one inside another run (a text box's), one
#: in a text box or one of hidden text (a transcriber's note to self).
_SHOWN_RUNS = (
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:r"
    f" or ancestor::w:txbxContent or {_HIDDEN})]"
)


def _paragraph_text(paragraph: Any) -> str:
    """The paragraph's text with its tracked changes accepted (python-docx's ``paragraph.text``
    reads only the runs and hyperlinks directly in it, so it drops tracked insertions)."""
    return "".join(_run_text(r) for r in paragraph._p.xpath(_SHOWN_RUNS))


def _run_text(run: Any) -> str:
    """A run's text as Word shows it: python-docx's ``run.text`` but for a page or column break,
    read as a line break as a line break is (it joined the words either side: "training,so"),
    a symbol inserted from a symbol font (``w:sym``, dropped), read as its character
    (:func:`_symbol`), and a custom footnote mark (``*`` after a footnote reference), left out
    as a numbered footnote's reference is."""
    if run.find(f"{_W}footnoteReference[@{_W}customMarkFollows]") is not None or (
        run.find(f"{_W}endnoteReference[@{_W}customMarkFollows]") is not None
    ):
        return ""
    parts: list[str] = []
    for child in run:
        tag = child.tag
        if tag == f"{_W}t":
            parts.append(child.text or "")
        elif tag in (f"{_W}tab", f"{_W}ptab"):
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}sym":
            parts.append(_symbol(child.get(f"{_W}font") or "", child.get(f"{_W}char") or ""))
    return "".join(parts)


@functools.cache
def _symbol_fonts() -> dict[str, dict[int, str]]:
    """``data/symbol_font_characters.json``: each symbol font's (lower-case name) codes and the
    characters they show."""
    data = packaged_json("symbol_font_characters.json")
    return {
        font.lower(): {int(code, 16): char for code, char in chars.items()}
        for font, chars in data["fonts"].items()
    }


def _symbol(font: str, char: str) -> str:
    """The character a ``w:sym`` of ``font`` and hex code ``char`` shows: a symbol font's, as
    the data file maps it (a space when it does not, so the words either side stay apart), and
    in a text font the Unicode character the code is."""
    try:
        code = int(char, 16)
    except ValueError:
        return " "
    fonts = _symbol_fonts()
    if font.lower() in fonts:
        return fonts[font.lower()].get(code - 0xF000 if code >= 0xF000 else code, " ")
    if 0xE000 <= code <= 0xF8FF or not 0x20 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return " "  # a private-use code of a font not known here, or no character
    return chr(code)


def _cell_text(cell: Any) -> str:
    """A table cell's text, its paragraphs read as :func:`_paragraph_text` reads them and a
    table nested in it (a rota the participant dictated) one line a row, its cells' words joined
    by spaces."""
    from docx.table import Table

    lines: list[str] = []
    for item in _body_items(cell._tc, cell):
        if isinstance(item, Table):
            for row in item.rows:
                words = " ".join(w for w in (_cell_text(c).strip() for c in row.cells) if w)
                lines.extend([words] if words else [])
        else:
            lines.append(_paragraph_text(item))
    return "\n".join(lines)


class _Styles:
    """A document's styles by id, each looked up once: python-docx finds a paragraph's or run's
    style (its default, when it names none) by scanning all the document's styles every time,
    which was half the time of reading a transcript (0.3 s of 0.6 s for 160 paragraphs)."""

    def __init__(self, document: Any):
        self._part = document.part
        self._found: dict[tuple[str | None, Any], Any] = {}

    def paragraph(self, paragraph: Any) -> Any:
        """``paragraph.style``."""
        from docx.enum.style import WD_STYLE_TYPE

        return self._get(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)

    def run(self, run: Any) -> Any:
        """``run.style``."""
        from docx.enum.style import WD_STYLE_TYPE

        return self._get(run._r.style, WD_STYLE_TYPE.CHARACTER)

    def _get(self, style_id: str | None, kind: Any) -> Any:
        key = (style_id, kind)
        if key not in self._found:
            self._found[key] = self._part.get_style(style_id, kind)
        return self._found[key]


def _emphasised(run: Any, styles: _Styles) -> bool:
    if run.bold:
        return True
    style = styles.run(run)
    if style is None or style.name in (None, "Default Paragraph Font"):
        return False
    return bool(style.font.bold) or style.name.lower() in ("strong", "speaker")


def _emphasised_prefix(paragraph: Any, styles: _Styles) -> str:
    """The text of the bold or styled runs that open the paragraph as Word shows it (empty if
    none do): a speaker's name corrected as a tracked change is the inserted name."""
    from docx.text.run import Run

    parts: list[str] = []
    for run in (Run(r, paragraph) for r in paragraph._p.xpath(_SHOWN_RUNS)):
        if not run.text:
            continue
        if not _emphasised(run, styles):
            break
        parts.append(run.text)
    return "".join(parts)


def _is_heading(paragraph: Any, styles: _Styles) -> bool:
    style = styles.paragraph(paragraph)
    name = (style.name or "").lower() if style is not None else ""
    return name.startswith(HEADING_STYLES)


#: Elements that only wrap the body's paragraphs, tables, rows, cells or runs: content controls
#: (a template's fields and repeating sections, a dropdown speaker cell) and a legacy template's
#: custom XML. Their contents are read in their place (:func:`_unwrap_containers`).
_CONTAINERS = (f"{_W}sdt", f"{_W}customXml")
#: The parts of a container that are not its contents.
_CONTAINER_PROPERTIES = (f"{_W}sdtPr", f"{_W}sdtEndPr", f"{_W}customXmlPr")


_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _one_alternative(body: Any) -> None:
    """Keep one alternative of each ``mc:AlternateContent`` of the document's ``body``, in its
    place (in memory only): the first ``mc:Choice``, or the ``mc:Fallback`` when that choice
    holds no text. Word writes the same runs in both for a newer feature (``w14``) and older
    readers, and reading both gave the words twice ("for a supportanager for a supported")."""
    for element in list(body.iter(f"{_MC}AlternateContent")):
        parent = element.getparent()
        if parent is None:
            continue
        choices = element.findall(f"{_MC}Choice")
        fallback = element.find(f"{_MC}Fallback")
        kept = choices[0] if choices else fallback
        if kept is not None and fallback is not None and not _holds_text(kept):
            kept = fallback
        for child in [] if kept is None else list(kept):
            element.addprevious(child)
        parent.remove(element)


def _holds_text(element: Any) -> bool:
    return any(t.text for t in element.iter(f"{_W}t"))


def _unwrap_containers(body: Any) -> None:
    """Put the contents of every content control and custom XML element of the document's
    ``body`` in the element's place (in memory only), so that the rows and cells Word shows in a
    table are python-docx's rows and cells, and paragraphs are read wherever they are: python-docx
    reads only a table's own rows and a row's own cells, so talk in a repeating section or a
    dropdown speaker cell was lost without a word."""
    for element in list(body.iter(*_CONTAINERS)):
        parent = element.getparent()
        if parent is None:
            continue
        contents: list[Any] = []
        for child in element:
            if child.tag == f"{_W}sdtContent":
                contents.extend(child)
            elif child.tag not in _CONTAINER_PROPERTIES:
                contents.append(child)
        for child in contents:
            element.addprevious(child)
        parent.remove(element)


def _body_items(container: Any, parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body (or a cell) in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for el in container.iterchildren():
        if el.tag == f"{_W}p":
            yield Paragraph(el, parent)
        elif el.tag == f"{_W}tbl":
            yield Table(el, parent)


def _blocks(document: Any) -> list[Block]:
    _one_alternative(document.element.body)
    _unwrap_containers(document.element.body)
    styles = _Styles(document)
    read = list(_container_blocks(document.element.body, document._body, styles))
    return _parted_at_known_labels(read)


#: A bold label typed inside a paragraph: its name, closed by a colon.
_MID_LABEL = re.compile(r"\s*([^:\n]+?)\s*:\s*$")


def _parted_at_known_labels(read: list[tuple[Block, list[tuple[int, str]]]]) -> list[Block]:
    """The blocks, each paragraph parted before a bold ``Label:`` typed inside it (the
    transcriber forgot Enter: ``... the rota. **Interviewer:** And what helped?``) when the
    label opens two or more of the file's paragraphs: the question was read as the answer's
    words, coded, and the next answer taken with it. A bold lead-in the file's speakers are not
    named by (``We used **Note:** the app``) stays in the words."""
    from .speaker_labels import match_label

    opening: Counter[str] = Counter()
    for b, _ in read:
        m = match_label(b.text.split("\n")[0])
        label = b.styled_label or (m.label if m is not None else None)
        if label:
            opening[label.casefold()] += 1
    out: list[Block] = []
    for b, mid in read:
        at = [
            (i, bold)
            for i, bold in mid
            if (n := _MID_LABEL.fullmatch(bold)) and opening[n.group(1).casefold()] >= 2
        ]
        if not at:
            out.append(b)
            continue
        prefix, start = b.emphasised, 0
        for i, bold in at:
            if b.text[start:i].strip():
                out.append(paragraph_block(b.text[start:i].rstrip(), prefix))
            prefix, start = bold.lstrip(), i + len(bold) - len(bold.lstrip())
        out.append(paragraph_block(b.text[start:], prefix))
    return out


def _container_blocks(
    container: Any, parent: Any, styles: _Styles
) -> Iterator[tuple[Block, list[tuple[int, str]]]]:
    """The blocks of a body's (or a cell's) paragraphs and tables. A table that is no transcript
    but holds tables (a layout table framing the transcript table) is read as the paragraphs
    and tables in its cells."""
    from docx.table import Table, _Cell

    for item in _body_items(container, parent):
        if isinstance(item, Table):
            blocks = table_blocks([_cell_text(c) for c in row.cells] for row in item.rows)
            if not blocks and item._tbl.find(f".//{_W}tbl") is not None:
                for tr in item._tbl.tr_lst:  # each cell as Word keeps it, a merged one once
                    for tc in tr.tc_lst:
                        yield from _container_blocks(tc, _Cell(tc, item), styles)
            yield from ((b, []) for b in blocks)
            continue
        text = _paragraph_text(item)
        if text.strip():
            heading = _is_heading(item, styles)
            block = paragraph_block(text, _emphasised_prefix(item, styles), heading=heading)
            yield block, [] if heading else _emphasised_inside(item, styles)


def _emphasised_inside(paragraph: Any, styles: _Styles) -> list[tuple[int, str]]:
    """Where in the paragraph's text each stretch of bold or styled runs after its first plain
    words starts, and its text, when it follows a space."""
    from docx.text.run import Run

    found: list[tuple[int, str]] = []
    at, plain_seen, stretch, stretch_at = 0, False, "", 0
    for r in paragraph._p.xpath(_SHOWN_RUNS):
        text = _run_text(r)
        if not text:
            continue
        if _emphasised(Run(r, paragraph), styles):
            if plain_seen and not stretch:
                stretch_at = at
            stretch += text
        else:
            if stretch and plain_seen and stretch_at > 0:
                found.append((stretch_at, stretch))
            stretch, plain_seen = "", True
        at += len(text)
    if stretch and plain_seen:
        found.append((stretch_at, stretch))
    full = _paragraph_text(paragraph)
    return [(i, t) for i, t in found if full[i - 1].isspace() or t[0].isspace()]


#: The control characters a plain text holds: tab, line feed, form feed, carriage return.
_TEXT_CONTROLS = frozenset("\t\n\f\r")


def _is_plain_text(data: bytes) -> bool:
    """Whether ``data`` is plain text (UTF-8, or UTF-16 or -32 after its mark) with words in it
    and no other control character (a damaged zip's ``PK\\x03\\x04``), nor markup that a .txt
    would show as typed (an RTF document, a web page)."""
    from ..io import decode_unicode

    text = decode_unicode(data)
    words = (text or "").lstrip("\ufeff").strip()
    if not words or words.startswith(("{\\rtf", "<")):
        return False
    return not any(c < " " and c not in _TEXT_CONTROLS for c in words)


def _document_bytes(path: str | Path) -> bytes:
    """The bytes of the Word file ``path``, refused in one line when it is an old binary or
    protected Office file, and screened as a zip (its size and members) when it is one."""
    from ..exchange.safezip import screen_office_file

    data = read_bytes(path)
    refuse_ole_office_file(data, path, app="Word", extension=".docx")
    if zipfile.is_zipfile(io.BytesIO(data)):
        screen_office_file(data, path, app="Word")
    return data


@contextlib.contextmanager
def _refused_if_unreadable(path: str | Path, data: bytes) -> Iterator[None]:
    """Turn any error raised inside python-docx, lxml or zipfile while opening or reading the
    file into the file's one-line refusal (:func:`_unreadable`): a damaged or unexpected package
    (a ``[Content_Types].xml`` with no namespace, Strict Open XML) reaches python-docx's
    internals in ways no list of exceptions foresees, and gave an internal error naming no file.
    An error raised in roqa's own code, this module's walk of the elements included, is roqa's
    fault and is not hidden (hunt s64 h_docx, D4)."""
    try:
        yield
    except RoqaError:
        raise
    except Exception as error:
        if _raised_in_roqa(error):
            raise
        raise _unreadable(path, data) from None


#: The packages whose error, raised where they read the file's parts, is the file's fault.
_READERS_OF_THE_FILE = frozenset({"docx", "lxml", "zipfile", "zlib"})


def _raised_in_roqa(error: BaseException) -> bool:
    """Whether ``error`` was raised in a roqa module (the innermost frame of its traceback, where
    it was raised, is roqa's: this module's too) or passed through one other than this one on
    its way out (roqa's reading of the words); an error python-docx, lxml or zipfile raised for
    a damaged file, called from this module, is neither, nor is one raised inside python-docx
    when roqa's reading of a table asked it (a merged cell marked on a table's first row, a
    column span that is no number: hunt s64 h_docx2, D1)."""
    modules: list[str] = []
    tb = error.__traceback__
    while tb is not None:
        modules.append(str(tb.tb_frame.f_globals.get("__name__", "")))
        tb = tb.tb_next
    if modules and modules[-1].partition(".")[0] in _READERS_OF_THE_FILE:
        return False
    mine = [m for m in modules if m.startswith("roqa_nlp.")]
    return bool(modules) and modules[-1] in mine or any(m != __name__ for m in mine)


#: The namespaces of the Strict flavour of Office Open XML (Word's "Strict Open XML Document"),
#: which python-docx cannot read.
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/"
#: The parts read to find it, and the bytes read of each at most.
_STRICT_PARTS = ("_rels/.rels", "word/document.xml")
_STRICT_BYTES = 1 << 16


def _is_strict(data: bytes) -> bool:
    """Whether ``data`` is a Strict Open XML document: its package's relationships or its main
    part (their opening bytes) use the Strict namespaces."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in _STRICT_PARTS:
                if name in z.namelist():
                    with z.open(name) as fh:
                        if _STRICT_NAMESPACE in fh.read(_STRICT_BYTES):
                            return True
    except (
        OSError, ValueError, RuntimeError, EOFError, NotImplementedError,
        zipfile.BadZipFile, zlib.error,
    ):  # fmt: skip
        return False
    return False


def _unreadable(path: str | Path, data: bytes) -> RoqaError:
    """The one-line refusal of a Word file python-docx cannot read: plain text named .docx, a
    Strict Open XML document, or any other."""
    if _is_plain_text(data):  # a .txt renamed (mistakes tester, session 52)
        return RoqaValueError(
            "is plain text, not a Word .docx file",
            path=path,
            hint=f"rename it to end in .txt, e.g. {Path(path).stem}.txt, and give that",
        )
    if _is_strict(data):
        return RoqaValueError(
            "is a Strict Open XML document, which roqa cannot read",
            path=path,
            hint="open it in Word and save it as 'Word Document (*.docx)', not Strict Open XML,"
            " or export it as .txt",
        )
    return RoqaValueError(
        "is not a readable Word .docx file",
        path=path,
        hint="open it in Word and save it as .docx, or export it as .txt",
    )


#: The author roqa writes in the core properties of its own Word documents (Table 2): a folder
#: of transcripts it is saved into leaves them out (:func:`is_roqa_docx`).
ROQA_AUTHOR = "roqa_nlp"
#: Bytes of ``docProps/core.xml`` read at most to find its author.
_CORE_BYTES = 1 << 16
#: The author element naming roqa, with a namespace prefix or none and any attributes (a copy
#: saved by another program may declare its namespace on it: ``<dc:creator xmlns:dc="...">``).
_ROQA_CREATOR = re.compile(
    rb"<(?:[\w.\-]+:)?creator(?:\s[^<>]*)?>\s*" + ROQA_AUTHOR.encode() + rb"\s*</"
)


def is_roqa_docx(path: str | Path) -> bool:
    """Whether ``path`` is a Word document ``roqa`` wrote (Table 2; edited in Word too): its
    core properties name :data:`ROQA_AUTHOR` as its author. Unreadable files are not."""
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("docProps/core.xml")
            if info.file_size > _CORE_BYTES:
                return False
            with z.open(info) as fh:
                core = fh.read(_CORE_BYTES)
    except (
        OSError, KeyError, ValueError, RuntimeError, EOFError, NotImplementedError,
        zipfile.BadZipFile, zlib.error,
    ):  # fmt: skip
        return False
    return _ROQA_CREATOR.search(core) is not None


def read_docx_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a Word transcript (see the module docstring); a Word document roqa wrote (Table 2)
    is an error."""
    import docx

    data = _document_bytes(path)
    with _refused_if_unreadable(path, data):
        document = docx.Document(io.BytesIO(data))
        author = document.core_properties.author
    if getattr(document.element, "body", None) is None:
        # its main part no Word document (another root, a Strict one) or with no body: read,
        # roqa's walk would fail in its own code, which is no longer taken as the file's fault
        raise _unreadable(path, data)
    if (author or "").strip() == ROQA_AUTHOR:
        raise RoqaValueError(
            "is roqa's own output (a Word document it wrote, such as Table 2), not a transcript",
            path=path,
            hint="give the interview transcripts to code them",
        )
    with _refused_if_unreadable(path, data):
        blocks = _blocks(document)
    return read_blocks(
        blocks,
        path,
        file_format="docx",
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
