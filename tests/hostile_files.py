"""Builders of hostile and malformed input files for the robustness tests.

Everything is generated in memory: zip archives (with forged names, symbolic links, forged sizes),
Word documents built on python-docx's own template, OpenDocument texts on odfdo's, REFI-QDA projects and codebooks, and the XML
attacks (entity expansion, external entities, DTDs, deep nesting). Nothing here is copied from a
third party.
"""

from __future__ import annotations

import io
import stat
import struct
import uuid
import warnings
import zipfile
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

DOCX_MAIN = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

# -- XML attacks ---------------------------------------------------------------------------------

#: "Billion laughs": nested internal entities that expand exponentially.
LAUGHS_DTD = (
    '<!DOCTYPE r [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)
#: An external entity that would read a local file into the document.
XXE_DTD = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
#: A parameter entity fetching an external DTD (out-of-band exfiltration).
PARAMETER_ENTITY_DTD = (
    '<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>'
)
#: An external DTD referenced by URL.
EXTERNAL_DTD = '<!DOCTYPE r SYSTEM "http://127.0.0.1:9/r.dtd">'
#: One large entity referenced many times (quadratic blow-up, no nesting).
QUADRATIC_DTD = '<!DOCTYPE r [<!ENTITY big "' + "x" * 10_000 + '">]>'


def xml_attack(kind: str, root: str, namespace: str, body: str = "") -> bytes:
    """An XML document with root ``root`` carrying the attack ``kind`` in an attribute or text."""
    decl = '<?xml version="1.0" encoding="utf-8"?>'
    if kind == "laughs":
        return f'{decl}{LAUGHS_DTD}<{root} xmlns="{namespace}" name="&d;">{body}</{root}>'.encode()
    if kind == "external-entity":
        return f'{decl}{XXE_DTD}<{root} xmlns="{namespace}" name="&x;">{body}</{root}>'.encode()
    if kind == "parameter-entity":
        return f'{decl}{PARAMETER_ENTITY_DTD}<{root} xmlns="{namespace}">{body}</{root}>'.encode()
    if kind == "external-dtd":
        return f'{decl}{EXTERNAL_DTD}<{root} xmlns="{namespace}">{body}</{root}>'.encode()
    if kind == "quadratic":
        refs = "&big;" * 1000
        return f'{decl}{QUADRATIC_DTD}<{root} xmlns="{namespace}">{refs}{body}</{root}>'.encode()
    if kind == "xinclude":
        inc = (
            '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" '
            'parse="text"/>'
        )
        return f'{decl}<{root} xmlns="{namespace}">{inc}{body}</{root}>'.encode()
    raise ValueError(kind)


XML_ATTACKS = ("laughs", "external-entity", "parameter-entity", "external-dtd", "quadratic")


def deeply_nested(root: str, namespace: str, element: str, depth: int) -> bytes:
    """``<root>`` holding ``depth`` nested ``element``s (each a valid code, for code trees)."""
    guid = "00000000-0000-4000-8000-000000000001"
    opening = f'<{element} guid="{guid}" name="a" isCodable="true">' * depth
    inner = f"<Codes>{opening}{f'</{element}>' * depth}</Codes>"
    if root == "Project":
        inner = f"<CodeBook>{inner}</CodeBook>"
    return f'<{root} xmlns="{namespace}" name="x">{inner}</{root}>'.encode()


# -- zip archives --------------------------------------------------------------------------------


def zip_bytes(
    members: dict[str, bytes] | list[tuple[str, bytes]],
    *,
    symlinks: tuple[str, ...] = (),
    encrypted: tuple[str, ...] = (),
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A zip of ``members``; names in ``symlinks`` are stored as symbolic links, names in
    ``encrypted`` get the "encrypted" flag bit (enough for a reader to refuse them)."""
    items = list(members.items()) if isinstance(members, dict) else list(members)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buf, "w", compression) as zf:
            for name, data in items:
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = compression
                info.create_system = 3
                mode = (stat.S_IFLNK | 0o777) if name in symlinks else (stat.S_IFREG | 0o644)
                info.external_attr = mode << 16
                zf.writestr(info, data)
    data = buf.getvalue()
    for name in encrypted:
        data = _set_flag(data, name.encode(), 0x1)
    return data


def _set_flag(data: bytes, name: bytes, bit: int) -> bytes:
    """Set a general-purpose flag bit of member ``name`` in its local and central headers."""
    out = bytearray(data)
    for sig, flag_off, name_off in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        i = out.find(sig)
        while i != -1:
            n = struct.unpack_from("<H", out, i + name_off - (4 if sig == b"PK\x03\x04" else 18))[0]
            if bytes(out[i + name_off : i + name_off + n]) == name:
                flags = struct.unpack_from("<H", out, i + flag_off)[0]
                struct.pack_into("<H", out, i + flag_off, flags | bit)
            i = out.find(sig, i + 4)
    return bytes(out)


def forge_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Overwrite the uncompressed size that the central directory declares for ``member``."""
    out = bytearray(data)
    i = out.find(b"PK\x01\x02")
    while i != -1:
        n = struct.unpack_from("<H", out, i + 28)[0]
        if bytes(out[i + 46 : i + 46 + n]) == member.encode():
            struct.pack_into("<I", out, i + 24, size)
            return bytes(out)
        i = out.find(b"PK\x01\x02", i + 4)
    raise KeyError(member)


def replace_members(archive: bytes, replacements: dict[str, bytes | None]) -> bytes:
    """``archive`` with some members replaced (``None`` removes one) and new ones added."""
    members: list[tuple[str, bytes]] = []
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        for info in zf.infolist():
            if info.filename in replacements:
                continue
            members.append((info.filename, zf.read(info)))
    members += [(k, v) for k, v in replacements.items() if v is not None]
    return zip_bytes(members)


# -- Word documents ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def docx_template() -> bytes:
    """An empty Word document made by python-docx from its own default template."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    return buf.getvalue()


def docx_text_xml(text: str) -> str:
    """``text`` escaped for a ``<w:t>`` element (XML-invalid characters are kept: the caller
    decides whether the document must be well-formed)."""
    return escape(text)


def docx_paragraph(words: str, label: str | None = None, bold: bool = False) -> str:
    runs = ""
    if label is not None:
        props = "<w:rPr><w:b/></w:rPr>" if bold else ""
        runs += f'<w:r>{props}<w:t xml:space="preserve">{docx_text_xml(label)}</w:t></w:r>'
    runs += f'<w:r><w:t xml:space="preserve">{docx_text_xml(words)}</w:t></w:r>'
    return f"<w:p>{runs}</w:p>"


def docx_table(rows: list[list[str]]) -> str:
    width = max((len(r) for r in rows), default=1)
    grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * width + "</w:tblGrid>"
    body = "".join(
        "<w:tr>" + "".join(f"<w:tc>{docx_paragraph(c)}</w:tc>" for c in r) + "</w:tr>" for r in rows
    )
    return f"<w:tbl>{grid}{body}</w:tbl>"


def document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode("utf-8", "surrogatepass")


def docx_bytes(body: str | bytes, extra: dict[str, bytes | None] | None = None) -> bytes:
    """A .docx whose main part has ``body`` (paragraph/table XML, or a whole part as bytes)."""
    main = body if isinstance(body, bytes) else document_xml(body)
    return replace_members(docx_template(), {DOCX_MAIN: main, **(extra or {})})


# -- OpenDocument text ---------------------------------------------------------------------------

ODT_NAMESPACES = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_ODT_XMLNS = " ".join(f'xmlns:{k}="{v}"' for k, v in ODT_NAMESPACES.items())


@lru_cache(maxsize=1)
def odt_template() -> bytes:
    """An empty OpenDocument text made by odfdo from its own template (a LibreOffice document)."""
    from odfdo import Document

    doc = Document("text")
    doc.body.clear()
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def odt_content_xml(body: str, automatic_styles: str = "", root: str = "document-content") -> bytes:
    """An OpenDocument ``content.xml`` whose text body is ``body`` (or, with ``root`` =
    ``document``, a flat .fodt)."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><office:{root} {_ODT_XMLNS} office:version="1.3">'
        f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:{root}>"
    ).encode("utf-8", "surrogatepass")


def odt_bytes(
    body: str | bytes, automatic_styles: str = "", extra: dict[str, bytes | None] | None = None
) -> bytes:
    """A .odt whose ``content.xml`` has ``body`` (paragraph/table XML, or a whole part)."""
    content = body if isinstance(body, bytes) else odt_content_xml(body, automatic_styles)
    return replace_members(odt_template(), {"content.xml": content, **(extra or {})})


# -- REFI-QDA ------------------------------------------------------------------------------------

USER_GUID = "00000000-0000-4000-8000-0000000000aa"
CODE_GUID = "00000000-0000-4000-8000-000000000001"
SOURCE_GUID = "00000000-0000-4000-8000-000000000010"


def attr(value: str) -> str:
    return quoteattr(value)


def project_xml(sources: str = "", codes: str | None = None, users: str | None = None) -> str:
    if codes is None:
        codes = f'<Code guid="{CODE_GUID}" name="Staffing" isCodable="true"/>'
    if users is None:
        users = f'<User guid="{USER_GUID}" name="Alice"/>'
    return (
        f'<Project xmlns="{PROJECT_NS}" name="Hostile">'
        f"<Users>{users}</Users><CodeBook><Codes>{codes}</Codes></CodeBook>"
        f"<Sources>{sources}</Sources></Project>"
    )


def text_source(text: str, selections: str = "", name: str = "P01") -> str:
    return (
        f'<TextSource guid="{SOURCE_GUID}" name={attr(name)}>'
        f"<PlainTextContent>{escape(text)}</PlainTextContent>{selections}</TextSource>"
    )


def selection(
    start: int | str, end: int | str, code: str = CODE_GUID, user: str = USER_GUID
) -> str:
    return (
        f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def qdpx_bytes(
    qde: str | bytes, members: dict[str, bytes] | None = None, **zip_options: object
) -> bytes:
    """A .qdpx archive: ``qde`` as ``project.qde`` plus ``members``."""
    data = qde if isinstance(qde, bytes) else qde.encode("utf-8", "surrogatepass")
    return zip_bytes({"project.qde": data, **(members or {})}, **zip_options)  # type: ignore[arg-type]


def codebook_xml(codes: str) -> bytes:
    return f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="{CODEBOOK_NS}"><Codes>{codes}</Codes></CodeBook>'.encode(
        "utf-8", "surrogatepass"
    )


# -- a small valid coding result -------------------------------------------------------------------


def small_coding_result():  # type: ignore[no-untyped-def]
    """One coded segment of one transcript: a valid ``roqa code`` result to feed other commands."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

    text = "Interviewer: How were staff?\n\nP04: We lacked staff, honestly."
    start = text.index("We lacked")
    transcript = Transcript(
        id="p04",
        text=text,
        turns=[
            Turn("Interviewer", "interviewer", 13, 28),
            Turn("P04", "participant", start, len(text)),
        ],
        participant="P04",
    )
    seg = Segment("p04:0001", "p04", "P04", "participant", start, len(text), text[start:])
    suggestion = Suggestion("IS.E.2", "Available Resources", "IS", 0.8, "barrier")
    return CodingResult(
        segments=[SegmentResult(seg, [suggestion])], transcripts={"p04": transcript}
    )


# -- PDF -------------------------------------------------------------------------------------------


def _pdf_string(line: str) -> bytes:
    """``line`` as a PDF literal string in WinAnsi (characters it cannot hold become ``?``)."""
    b = line.encode("cp1252", "replace")
    return b"(" + b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def text_pdf(pages: list[list[str]]) -> bytes:
    """A PDF of Helvetica text, one text line per string, one page per list (a page of no
    lines has no text layer, as a scanned page has none). Written byte by byte here, so the
    tests need no PDF writer."""
    n = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)), n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        shown = b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
        content = b"BT /F1 11 Tf 14 TL 72 770 Td " + shown + b" ET" if lines else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (k, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
