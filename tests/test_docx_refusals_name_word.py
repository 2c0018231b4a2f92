"""Specification: a damaged or hostile .docx is refused naming Word, and a bug in roqa's own
reading of one is an internal error, not the file's refusal.

Session 64 h_docx hunt of 552dd358: docx.py's catch-all turned an error raised in its own code
(its walk of the document) into "not a readable Word .docx file", hiding roqa's bug; and a .docx
zip bomb or DTD was told to be exported again "from the QDA program"."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcript
from test_docx_damaged_and_timed_tables import QUESTION, YES, docx_data

docx = pytest.importorskip("docx")


def test_a_fault_in_roqas_own_docx_walk_is_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roqa_nlp.transcripts.docx as roqa_docx

    # a bug in docx.py's own walk (its heading check given no style names): raised in its frame
    monkeypatch.setattr(roqa_docx, "HEADING_STYLES", 42)
    f = tmp_path / "rm06.docx"
    f.write_bytes(docx_data([f"Interviewer: {QUESTION}", f"P06: {YES}"]))
    with pytest.raises(TypeError, match="startswith"):
        read_transcript(f)


def zipped(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


def with_member(name: str, body: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx_data([f"Interviewer: {QUESTION}"]))) as src:
        members = {n: src.read(n) for n in src.namelist()}
    members[name] = body
    return zipped(members)


DTD = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><w:document>&lol;</w:document>'


@pytest.mark.parametrize(
    ("member", "body", "message"),
    [
        (
            "word/bomb.xml",
            b"<a>" + b" " * 20_000_000 + b"</a>",
            "{f}: unsafe archive: member 'word/bomb.xml' has a compression ratio of {ratio}:1, "
            "above 100:1 (a zip bomb) (refusing to read it; ask for a fresh copy saved from Word)",
        ),
        (
            "word/document.xml",
            DTD,
            "{f}:word/document.xml: XML uses a forbidden construct (DTDForbidden: DTDs and "
            "entities are not allowed) (refusing to read it; ask for a fresh copy saved from "
            "Word)",
        ),
    ],
)
def test_a_hostile_docx_is_refused_naming_word(
    member: str, body: bytes, message: str, tmp_path: Path
) -> None:
    f = tmp_path / "rm06.docx"
    f.write_bytes(with_member(member, body))
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    with zipfile.ZipFile(f) as z:
        info = z.getinfo(member)
    ratio = f"{info.file_size / max(info.compress_size, 1):.0f}"
    assert str(e.value) == message.format(f=f, ratio=ratio)


def test_a_document_with_no_body_is_still_an_unreadable_docx(tmp_path: Path) -> None:
    from test_docx_damaged_and_timed_tables import UNREADABLE, changed

    data = docx_data([f"Interviewer: {QUESTION}"])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = z.read("word/document.xml")
    body = document[document.index(b"<w:body>") : document.index(b"</w:body>") + 9]
    f = tmp_path / "rm06.docx"
    f.write_bytes(changed(data, {"word/document.xml": (body, b"")}))
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == f"{f}: {UNREADABLE}"
