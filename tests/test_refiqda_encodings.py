"""Specification: how a REFI-QDA project's bytes are read (source encodings, a UTF-16 project
file, archives that are not a project as it should be), and what is said when they cannot be."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import export_qdc, read_qdpx
from test_refiqda import build_qdpx, project_xml, selection

TEXT = "Café 😀 we lacked staff."


def one_source(tmp_path: Path, data: bytes) -> Path:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(0, 4)}{selection(10, 16)}</TextSource>'
    )
    return build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p1.txt": data})


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"),
    ],
    ids=["le", "be"],
)
def test_a_utf32_source_with_its_byte_order_mark_is_read(tmp_path: Path, data: bytes) -> None:
    p = read_qdpx(one_source(tmp_path, data))
    assert [t.text for t in p.transcripts] == [TEXT]
    assert [s.segment.text for s in p.codings["Alice"]] == ["Café", "lacked"]
    assert p.warnings == []


def test_a_utf16_source_starting_with_a_nul_is_not_taken_for_utf32(tmp_path: Path) -> None:
    """``FF FE 00 00`` opens both; UTF-16 it is when it is no valid UTF-32."""
    text = "\0" + TEXT[:-1]
    p = read_qdpx(one_source(tmp_path, text.encode("utf-16-le").join([codecs.BOM_UTF16_LE, b""])))
    assert [t.text for t in p.transcripts] == [text]


def test_a_source_that_is_no_utf32_after_its_mark_is_named_as_undecodable(tmp_path: Path) -> None:
    data = codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00" * 3  # code points beyond U+10FFFF, odd length
    p = read_qdpx(one_source(tmp_path, data + b"\x01"))
    assert p.transcripts == []
    assert p.warnings == [
        "source 'P1': sources/p1.txt is not UTF-8, UTF-16 or UTF-32 text",
        "source 'P1' has no text: not imported, with its 2 selections (2 codings)",
    ]


def test_a_windows_1252_source_is_read_as_such_with_a_warning(tmp_path: Path) -> None:
    """As a transcript saved as "ANSI" is (docs/transcripts.md): one character a byte, so its
    selections keep their words (before, s62: not imported, with its codings, as the command
    said it wrote the import)."""
    p = read_qdpx(one_source(tmp_path, "Café – we lacked staff.".encode("cp1252")))
    assert [t.text for t in p.transcripts] == ["Café – we lacked staff."]
    assert [s.segment.text for s in p.codings["Alice"]] == ["Café", "lacked"]
    assert p.warnings == [
        "source 'P1': sources/p1.txt is not UTF-8 text: read as Windows-1252 (check its accents "
        "and quotes in the imported transcript, or export the project again with UTF-8 sources)"
    ]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_project_with_literal_crlf_inline_keeps_its_selections_on_their_words(
    tmp_path: Path, codec: str
) -> None:
    """As in a UTF-8 project: the selections are counted with the ``\\r`` written in the text."""
    raw = "P01: line one\r\nP01: the cost was high\r\nP01: and staff left.\r\n"
    cost = (raw.index("cost"), raw.index("cost") + 4)
    staff = (raw.index("staff"), raw.index("staff") + 5)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01">\r\n'
        f"<PlainTextContent>{raw}</PlainTextContent>\r\n{selection(*cost)}\r\n"
        f"{selection(*staff)}\r\n</TextSource>"
    )
    qde = f'<?xml version="1.0" encoding="utf-16"?>\r\n{project_xml(src)}'
    data = qde.encode(codec) if codec == "utf-16" else codecs.BOM_UTF16_BE + qde.encode(codec)
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", data))
    (t,) = p.transcripts
    assert t.text == "P01: line one\nP01: the cost was high\nP01: and staff left.\n"
    assert [s.segment.text for s in p.codings["Alice"]] == ["cost", "staff"]
    assert p.warnings == [
        "source 'p01': its inline text has Windows line ends (\\r\\n) written as they are; "
        "its selections are counted with them, as in a .txt source"
    ]


def test_a_project_zipped_with_its_folder_is_read_from_one_folder_down(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(10, 16)}</TextSource>'
    )
    with zipfile.ZipFile(tmp_path / "nested.qdpx", "w") as zf:
        zf.writestr("MyProject/", b"")
        zf.writestr("MyProject/project.qde", project_xml(src))
        zf.writestr("MyProject/sources/p1.txt", TEXT.encode())
    p = read_qdpx(tmp_path / "nested.qdpx")
    assert [t.text for t in p.transcripts] == [TEXT]
    assert [s.segment.text for s in p.codings["Alice"]] == ["lacked"]
    assert p.warnings == []


def test_a_truncated_project_is_called_an_incomplete_download(tmp_path: Path) -> None:
    whole = build_qdpx(tmp_path / "whole.qdpx", project_xml(""), {"sources/p1.txt": b"x" * 4000})
    cut = tmp_path / "cut.qdpx"
    cut.write_bytes(whole.read_bytes()[:200])
    with pytest.raises(RoqaError) as err:
        read_qdpx(cut)
    assert str(err.value) == (
        f"{cut}: is an incomplete or damaged zip archive (a download or copy cut short?) "
        "(copy or download it again, or export the project again from your QDA program)"
    )


def test_a_codebook_named_qdpx_is_called_a_codebook(tmp_path: Path) -> None:
    qdc = tmp_path / "codes.qdpx"
    export_qdc(Codebook.load("cfir-2009"), qdc)
    with pytest.raises(RoqaError) as err:
        read_qdpx(qdc)
    assert str(err.value) == (
        f"{qdc}: is a REFI-QDA codebook (.qdc), not a project (.qdpx) "
        "(rename it to .qdc: roqa import reads it as a codebook)"
    )


def test_a_bare_project_file_is_called_one(tmp_path: Path) -> None:
    qde = tmp_path / "p.qdpx"
    qde.write_text('<?xml version="1.0"?>\n' + project_xml(""), encoding="utf-8")
    with pytest.raises(RoqaError) as err:
        read_qdpx(qde)
    assert str(err.value) == (
        f"{qde}: is a bare project.qde, not the zipped project (.qdpx) "
        "(export the project again from your QDA program as REFI-QDA (.qdpx))"
    )


def test_a_utf16_codebook_named_qdpx_is_called_a_codebook_wherever_its_head_is_cut(
    tmp_path: Path,
) -> None:
    """The first 4096 bytes of a UTF-16 codebook, which the importer looks into, may end in the
    middle of a character (😀, two UTF-16 units): they were then read as UTF-8, and the
    codebook was called no zip archive (leftover s37)."""
    head = (
        '<?xml version="1.0" encoding="utf-16"?>\n<CodeBook origin="NVivo 14" '
        'xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-000000000001"'
        ' name="Staffing" isCodable="true"><Description>'
    )
    before = head + "x" * (2046 - len(head))  # 😀 in bytes 4094-4097, after the mark
    qdc = tmp_path / "codes.qdpx"
    qdc.write_bytes((before + "😀</Description></Code></Codes></CodeBook>").encode("utf-16"))
    assert qdc.read_bytes()[4094:4098] == "😀".encode("utf-16-le")
    with pytest.raises(RoqaError) as err:
        read_qdpx(qdc)
    assert str(err.value) == (
        f"{qdc}: is a REFI-QDA codebook (.qdc), not a project (.qdpx) "
        "(rename it to .qdc: roqa import reads it as a codebook)"
    )
