"""Hostile archives and XML that the REFI-QDA tests do not cover, through every door they enter.

``tests/test_refiqda.py`` and ``tests/test_safezip.py`` refuse hostile ``.qdpx`` files given to
``read_qdpx`` and ``roqa import``. Here the same attacks (and a few more: parameter entities,
external DTDs, quadratic blow-up, XInclude, encrypted and nameless members, corrupt streams)
arrive as a Word transcript given to ``roqa code``, as a ``.qdc`` codebook given to
``roqa import``, as a ``.qdpx`` given to ``roqa code`` and ``roqa agree``, and nested (a hostile
``.docx`` inside a project). Each test asserts the one-line error and that nothing was written:
no output folder, no temporary file, nothing outside ``tmp_path`` changed. Outputs that are
symbolic links are replaced, never written through.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from hostile_files import (
    CODE_GUID,
    CODEBOOK_NS,
    DOCX_MAIN,
    LAUGHS_DTD,
    PROJECT_NS,
    XML_ATTACKS,
    XXE_DTD,
    attr,
    codebook_xml,
    deeply_nested,
    document_xml,
    docx_bytes,
    docx_paragraph,
    forge_declared_size,
    project_xml,
    qdpx_bytes,
    replace_members,
    selection,
    small_coding_result,
    text_source,
    xml_attack,
    zip_bytes,
)
from roqa_nlp.cli import main
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import read_qdc, read_qdpx
from roqa_nlp.transcripts import read_transcript

GOOD_DOCX_BODY = docx_paragraph("We lacked staff.", "P01:", True)


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        )
        for p in sorted(root.rglob("*"))
    }


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = int(e.code or 0)
    return code, capsys.readouterr().err


def assert_refused_writing_nothing(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], message: str
) -> None:
    before = snapshot(tmp_path)
    code, err = run_cli(argv, capsys)
    assert code == 2, err
    assert err.startswith("roqa: error: ") and err.count("\n") == 1, err
    assert message in err, err
    assert snapshot(tmp_path) == before  # no output folder, no temporary file


# -- a Word transcript given to `roqa code` ---------------------------------------------------------


def docx_with(members: dict[str, bytes | None], **zip_options: object) -> bytes:
    base = docx_bytes(GOOD_DOCX_BODY)
    if not zip_options:
        return replace_members(base, members)
    with zipfile.ZipFile(io.BytesIO(base)) as zf:
        items = {i.filename: zf.read(i) for i in zf.infolist()}
    items.update({k: v for k, v in members.items() if v is not None})
    return zip_bytes(items, **zip_options)  # type: ignore[arg-type]


def _docx_bomb_by_declared_size() -> bytes:
    data = docx_with({"word/media/pad.bin": b"x"})
    return forge_declared_size(data, "word/media/pad.bin", 600 * 2**20)


def _corrupt_stream() -> bytes:
    data = bytearray(docx_with({}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(DOCX_MAIN)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 2 : start + 12] = b"\xff" * 10  # damage the deflate stream, keep the headers
    return bytes(data)


HOSTILE_DOCX: dict[str, tuple[bytes, str]] = {
    "zip-slip member": (docx_with({"../../evil.xml": b"<x/>"}), "contains '..'"),
    "backslash zip-slip member": (docx_with({"..\\..\\evil.xml": b"<x/>"}), "contains '..'"),
    "absolute member": (docx_with({"/etc/evil.xml": b"<x/>"}), "is an absolute path"),
    "drive-letter member": (docx_with({"C:/evil.xml": b"<x/>"}), "is an absolute path"),
    "symbolic link member": (
        docx_with({"word/media/link.png": b"/etc/passwd"}, symlinks=("word/media/link.png",)),
        "is a symbolic link",
    ),
    "encrypted member": (
        docx_with({"word/media/secret.bin": b"x"}, encrypted=("word/media/secret.bin",)),
        "is encrypted",
    ),
    "zip bomb by ratio": (docx_with({"word/media/pad.bin": b"\0" * 2**21}), "zip bomb"),
    "zip bomb by declared size": (_docx_bomb_by_declared_size(), "more than 524288000 bytes"),
    "corrupt deflate stream": (_corrupt_stream(), "cannot be read"),
    "entity expansion": (
        docx_with({DOCX_MAIN: document_xml(docx_paragraph("&d;"), LAUGHS_DTD)}),
        "forbidden construct",
    ),
    "external entity": (
        docx_with({DOCX_MAIN: document_xml(docx_paragraph("&x;"), XXE_DTD)}),
        "forbidden construct",
    ),
    "external DTD": (
        docx_with({DOCX_MAIN: document_xml(GOOD_DOCX_BODY, '<!DOCTYPE w:document SYSTEM "http://127.0.0.1:9/w.dtd">')}),
        "forbidden construct",
    ),
    "entity in relationships part": (
        docx_with({"_rels/.rels": xml_attack("external-entity", "Relationships", "x")}),
        "forbidden construct",
    ),
    "deeply nested XML": (
        docx_with({DOCX_MAIN: document_xml("<w:p>" * 300 + "</w:p>" * 300)}),
        "nested more than 200 levels",
    ),
    "not a zip at all": (b"PK\x03\x04" + bytes(100), "is not a readable Word .docx file"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(HOSTILE_DOCX))
def test_hostile_word_transcript_is_one_error_line(tmp_path: Path, case: str) -> None:
    data, message = HOSTILE_DOCX[case]
    path = tmp_path / "p01_interview.docx"
    path.write_bytes(data)
    with pytest.raises(RoqaError, match=message.replace("(", r"\(")) as err:
        read_transcript(path)
    assert len(str(err.value).splitlines()) == 1
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("case", list(HOSTILE_DOCX))
def test_hostile_word_transcript_makes_roqa_code_write_nothing(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, message = HOSTILE_DOCX[case]
    path = tmp_path / "p01_interview.docx"
    path.write_bytes(data)
    argv = ["code", str(path), "--out", str(tmp_path / "out"), "--qdpx", str(tmp_path / "o.qdpx")]
    assert_refused_writing_nothing(argv, tmp_path, capsys, message)


def test_the_well_formed_word_transcript_these_are_built_on_is_read(tmp_path: Path) -> None:
    """The hostile cases differ from a readable document only by their attack."""
    path = tmp_path / "p01_interview.docx"
    path.write_bytes(docx_with({}))
    t = read_transcript(path)
    assert [t.turn_text(u) for u in t.turns] == ["We lacked staff."]


# -- a REFI-QDA codebook given to `roqa import` -----------------------------------------------------

HOSTILE_QDC: dict[str, tuple[bytes, str]] = {
    **{
        kind: (
            xml_attack(kind, "CodeBook", CODEBOOK_NS, f'<Codes><Code guid="{CODE_GUID}" name="A" isCodable="true"/></Codes>'),
            "forbidden construct",
        )
        for kind in XML_ATTACKS
    },
    "deeply nested XML": (deeply_nested("CodeBook", CODEBOOK_NS, "Code", 500), "nested more than 200 levels"),
    "not XML": (b"\x89PNG\r\n\x1a\n", "is not well-formed XML"),
    "UTF-7 declared": (b'<?xml version="1.0" encoding="UTF-7"?><CodeBook/>', "is not well-formed XML"),
    "a project, not a codebook": (project_xml().encode(), "is not a REFI-QDA codebook"),
    "a project named .qdc": (qdpx_bytes(project_xml()), "is a REFI-QDA project"),
    "a zip named .qdc": (b"PK\x03\x04" + b"\x00" * 40, "is not well-formed XML"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(HOSTILE_QDC))
def test_hostile_codebook_file_is_one_error_line(tmp_path: Path, case: str) -> None:
    data, message = HOSTILE_QDC[case]
    path = tmp_path / "codebook.qdc"
    path.write_bytes(data)
    with pytest.raises(RoqaError, match=message) as err:
        read_qdc(path)
    assert len(str(err.value).splitlines()) == 1
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("case", list(HOSTILE_QDC))
def test_hostile_codebook_file_makes_roqa_import_write_nothing(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, message = HOSTILE_QDC[case]
    path = tmp_path / "codebook.qdc"
    path.write_bytes(data)
    argv = ["import", str(path), "--out", str(tmp_path / "imported")]
    assert_refused_writing_nothing(argv, tmp_path, capsys, message)


# -- a REFI-QDA project given to `roqa code` and `roqa agree`, and hostile parts inside one ---------

GOOD_SOURCE = text_source("P01: We lacked staff.", selection(5, 21))
NESTED_DOCX_SOURCE = (
    '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P01" '
    'richTextPath="internal://p01.docx"/>'
)

HOSTILE_QDPX: dict[str, tuple[bytes, str]] = {
    "zip-slip": (qdpx_bytes(project_xml(GOOD_SOURCE), {"../x.txt": b"x"}), "contains '..'"),
    "nameless member": (qdpx_bytes(project_xml(GOOD_SOURCE), {"": b"x"}), "has an empty name"),
    "encrypted member": (
        qdpx_bytes(project_xml(GOOD_SOURCE), {"sources/a.txt": b"x"}, encrypted=("sources/a.txt",)),
        "is encrypted",
    ),
    "parameter entity": (xml_attack("parameter-entity", "Project", PROJECT_NS), "forbidden construct"),
    "quadratic blow-up": (xml_attack("quadratic", "Project", PROJECT_NS), "forbidden construct"),
    "zip bomb inside a nested .docx": (
        qdpx_bytes(project_xml(NESTED_DOCX_SOURCE), {"sources/p01.docx": docx_with({"word/media/pad.bin": b"\0" * 2**21})}),
        "zip bomb",
    ),
    "symbolic link inside a nested .docx": (
        qdpx_bytes(project_xml(NESTED_DOCX_SOURCE), {"sources/p01.docx": docx_with({"word/x.xml": b"/etc"}, symlinks=("word/x.xml",))}),
        "is a symbolic link",
    ),
    "deep XML inside a nested .docx": (
        qdpx_bytes(project_xml(NESTED_DOCX_SOURCE), {"sources/p01.docx": docx_with({DOCX_MAIN: document_xml("<w:p>" * 300 + "</w:p>" * 300)})}),
        "nested more than 200 levels",
    ),
}  # fmt: skip


def _as_project(case: str) -> bytes:
    data, _ = HOSTILE_QDPX[case]
    return data if data.startswith(b"PK") else qdpx_bytes(data)


@pytest.mark.parametrize("case", list(HOSTILE_QDPX))
def test_hostile_project_is_one_error_line(tmp_path: Path, case: str) -> None:
    path = tmp_path / "project.qdpx"
    path.write_bytes(_as_project(case))
    with pytest.raises(RoqaError, match=HOSTILE_QDPX[case][1]) as err:
        read_qdpx(path)
    assert len(str(err.value).splitlines()) == 1


@pytest.mark.parametrize("command", ["code", "agree", "import"])
@pytest.mark.parametrize("case", list(HOSTILE_QDPX))
def test_hostile_project_makes_every_command_write_nothing(
    tmp_path: Path, case: str, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "project.qdpx"
    path.write_bytes(_as_project(case))
    out = tmp_path / "out"
    argv = {
        "code": ["code", str(path), "--out", str(out)],
        "agree": ["agree", str(path), str(path), "--json", str(out / "agreement.json")],
        "import": ["import", str(path), "--out", str(out)],
    }[command]
    assert_refused_writing_nothing(argv, tmp_path, capsys, HOSTILE_QDPX[case][1])


def test_xinclude_is_not_followed(tmp_path: Path) -> None:
    """An XInclude of a local file is an unknown element, not the file's text."""
    secret = tmp_path / "secret.txt"
    secret.write_text("ROOT-PASSWORD-LINE", "utf-8")
    inc = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>'
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P01">'
        f"<PlainTextContent>P01: We lacked staff. {inc}</PlainTextContent></TextSource>"
    )
    path = tmp_path / "p.qdpx"
    path.write_bytes(qdpx_bytes(project_xml(source)))
    project = read_qdpx(path)
    assert all("ROOT-PASSWORD" not in t.text for t in project.transcripts)
    book = tmp_path / "c.qdc"
    book.write_bytes(
        codebook_xml(f'<Code guid="{CODE_GUID}" name="A" isCodable="true">{inc}</Code>')
    )
    assert [c.name for c in read_qdc(book).codes] == ["A"]


# -- outputs that are symbolic links ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name"),
    [("export", "project.qdpx"), ("export-qdc", "codebook.qdc"), ("report", "report.html")],
)
def test_an_output_that_is_a_symlink_is_replaced_not_written_through(
    tmp_path: Path, command: str, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    small_coding_result().save(tmp_path / "run")
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "precious.txt"
    target.write_text("the researcher's own file", "utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    link = out_dir / name
    link.symlink_to(target)
    argv = {
        "export": ["export", str(tmp_path / "run"), "--qdpx", str(link)],
        "export-qdc": ["export", "--qdc", str(link), "--codebook", "cfir-2009"],
        "report": ["report", str(tmp_path / "run"), "--out", str(link)],
    }[command]
    code, err = run_cli(argv, capsys)
    assert code == 0, err
    assert target.read_text("utf-8") == "the researcher's own file"
    assert not link.is_symlink() and link.stat().st_size > 0
    assert sorted(p.name for p in outside.iterdir()) == ["precious.txt"]
    assert not [p for p in out_dir.iterdir() if p.name.endswith(".tmp")]


def test_import_never_writes_outside_its_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Source, user and code names that look like paths stay file names inside --out."""
    names = [
        "../../outside",
        "/etc/passwd",
        "C:\\Windows\\x",
        "..",
        ".",
        "~root",
        "漢" * 100,
        "a b",
    ]
    sources = "".join(
        f'<TextSource guid="00000000-0000-4000-8000-0000000001{i:02d}" name={attr(n)}>'
        f"<PlainTextContent>P0{i}: text {i}</PlainTextContent></TextSource>"
        for i, n in enumerate(names)
    )
    users = "".join(
        f'<User guid="00000000-0000-4000-8000-0000000002{i:02d}" name={attr(n)}/>'
        for i, n in enumerate(names)
    )
    path = tmp_path / "in" / "p.qdpx"
    path.parent.mkdir()
    path.write_bytes(qdpx_bytes(project_xml(sources, users=users)))
    out = tmp_path / "imported"
    code, err = run_cli(["import", str(path), "--out", str(out)], capsys)
    assert code == 0, err
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p == path or out in p.parents for p in written), written
    assert len(list((out / "transcripts").iterdir())) == len(names)
    assert all(len(p.name.encode()) <= 255 for p in written)
