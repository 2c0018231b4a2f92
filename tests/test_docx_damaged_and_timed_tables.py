"""Specification: a damaged Word file is refused in one line naming it, and a speaker/words
table's time marks time its turns as the same marks in paragraphs do.

Session 64 docxreal tester: a .docx whose ``[Content_Types].xml`` root had no namespace, or a
Strict Open XML one (the ``purl.oclc.org`` namespace), gave "roqa: internal error:
AttributeError ..." (exit 1), and a folder run holding one stopped without naming it. A time in
a table's speaker cell (``P06 (00:00:31)``, Rev's layout) was part of the speaker's name (6
speakers of one turn each, no times), and one opening the words cell (``[00:00:20] How ready
...``) was left out of the words but timed nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

docx = pytest.importorskip("docx")

UNREADABLE = (
    "is not a readable Word .docx file (open it in Word and save it as .docx, or export it as .txt)"
)
STRICT = (
    "is a Strict Open XML document, which roqa cannot read (open it in Word and save it as "
    "'Word Document (*.docx)', not Strict Open XML, or export it as .txt)"
)
W_TRANSITIONAL = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
R_TRANSITIONAL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = b"http://purl.oclc.org/ooxml/officeDocument/relationships"
TYPES_NS = b' xmlns="http://schemas.openxmlformats.org/package/2006/content-types"'


def docx_data(paragraphs: list[str] | None = None, rows: list[list[str]] | None = None) -> bytes:
    d = docx.Document()
    for p in paragraphs or []:
        d.add_paragraph(p)
    if rows:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for row, cells in zip(t.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


TALK = ["Interviewer: What got in the way?", "P06: Staffing, mostly. We had no plan."]


def changed(data: bytes, edit: dict[str, tuple[bytes, bytes]]) -> bytes:
    """``data`` (a zip) with ``old`` replaced by ``new`` in each member ``edit`` names."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename in edit:
                old, new = edit[info.filename]
                assert old in body
                body = body.replace(old, new)
            dst.writestr(info, body)
    return out.getvalue()


def no_types_namespace() -> bytes:
    return changed(docx_data(TALK), {"[Content_Types].xml": (TYPES_NS, b"")})


def strict(*, relationships: bool) -> bytes:
    edit = {"word/document.xml": (W_TRANSITIONAL, W_STRICT)}
    if relationships:
        edit["_rels/.rels"] = (R_TRANSITIONAL, R_STRICT)
    return changed(docx_data(TALK), edit)


def refusal(data: bytes, tmp_path: Path) -> tuple[Path, str]:
    f = tmp_path / "p06.docx"
    f.write_bytes(data)
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    return f, str(e.value)


def test_content_types_without_a_namespace_is_an_unreadable_docx(tmp_path: Path) -> None:
    f, message = refusal(no_types_namespace(), tmp_path)
    assert message == f"{f}: {UNREADABLE}"


@pytest.mark.parametrize("relationships", [False, True])
def test_strict_open_xml_is_named_and_how_to_save_it_said(
    relationships: bool, tmp_path: Path
) -> None:
    f, message = refusal(strict(relationships=relationships), tmp_path)
    assert message == f"{f}: {STRICT}"


def test_any_error_python_docx_raises_walking_a_file_is_its_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx.table

    def broken(self: object) -> None:
        raise IndexError("list index out of range")

    data = docx_data(rows=[["Interviewer", "Why?"], ["P06", "Staff."]])
    monkeypatch.setattr(docx.table.Table, "rows", property(broken))
    f, message = refusal(data, tmp_path)
    assert message == f"{f}: {UNREADABLE}"


def test_a_fault_in_roqa_reading_the_words_is_still_an_internal_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roqa_nlp.transcripts.blocks

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug of roqa's, not the file's")

    monkeypatch.setattr(roqa_nlp.transcripts.blocks, "_styled_label", broken)
    f = tmp_path / "p06.docx"
    f.write_bytes(docx_data(TALK))
    with pytest.raises(ZeroDivisionError):
        read_transcript(f)


def test_inspect_refuses_a_damaged_docx_in_one_line(tmp_path: Path) -> None:
    f = tmp_path / "p06.docx"
    f.write_bytes(strict(relationships=False))
    run = roqa("inspect", f)
    assert (run.code, run.err.splitlines()) == (2, [f"roqa: error: {f}: {STRICT}"])


def test_a_folder_run_names_the_damaged_docx(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    for n in (1, 2):
        (study / f"p0{n}.docx").write_bytes(docx_data([f"{line} ({n})" for line in TALK]))
    (study / "p03.docx").write_bytes(no_types_namespace())
    run = roqa("inspect", study)
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {study / 'p03.docx'}: {UNREADABLE[:-1]}; the other 2 transcripts were "
        "not inspected: fix this file or leave it out, and run again)"
    )
