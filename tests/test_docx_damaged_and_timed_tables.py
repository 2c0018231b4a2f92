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


@pytest.mark.parametrize("mark", [b"<w:vMerge/>", b'<w:gridSpan w:val="abc"/>'])
def test_a_damaged_table_python_docx_cannot_walk_is_an_unreadable_docx(
    tmp_path: Path, mark: bytes
) -> None:
    """Hunt s64 (h_docx2, D1): a merged cell marked on a table's first row ('no tr above topmost
    tr'), or a column span that is no number, raised inside python-docx while roqa's table
    reader asked it: an internal error naming no file, not the file's refusal."""
    rows = [["Interviewer", "What got in the way?"], ["P06", "Staffing, mostly."]]
    data = changed(docx_data(rows=rows), {"word/document.xml": (b"<w:tcPr>", b"<w:tcPr>" + mark)})
    f, message = refusal(data, tmp_path)
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


QUESTION = "How ready was your organisation?"
ANSWER = "Not ready at all. We had no plan."
LATER = "Did that change?"
YES = "Yes, a working group wrote a plan."


def turns(rows: list[list[str]], tmp_path: Path) -> list[tuple[str, str, float | None]]:
    f = tmp_path / "rm06.docx"
    f.write_bytes(docx_data(rows=rows))
    t = read_transcript(f)
    for u in t.turns:
        assert t.text[u.start : u.end] == t.text[u.start : u.end].strip()
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


TIMED = [
    ("Interviewer", QUESTION, 20.0),
    ("P06", ANSWER, 31.0),
    ("Interviewer", LATER, 125.0),
    ("P06", YES, 132.0),
]


@pytest.mark.parametrize(
    "shape", ["{label} ({time})", "{label} [{time}]", "({time}) {label}", "{label} ({time}):"]
)
@pytest.mark.parametrize("header", [True, False])
def test_a_time_in_the_speaker_cell_times_the_turn(
    shape: str, header: bool, tmp_path: Path
) -> None:
    rows = [
        [shape.format(label=s, time=f"00:{int(t) // 60:02d}:{int(t) % 60:02d}"), w]
        for s, w, t in TIMED
    ]
    assert turns([["Speaker", "Text"], *rows] if header else rows, tmp_path) == TIMED


@pytest.mark.parametrize("header", [True, False])
def test_a_time_mark_opening_the_words_cell_times_the_turn(header: bool, tmp_path: Path) -> None:
    rows = [[s, f"[00:{int(t) // 60:02d}:{int(t) % 60:02d}] {w}"] for s, w, t in TIMED]
    assert turns([["Speaker", "Text"], *rows] if header else rows, tmp_path) == TIMED


def test_a_time_column_outranks_a_time_mark_in_the_words(tmp_path: Path) -> None:
    rows = [
        ["Time", "Speaker", "Text"],
        ["00:00:20", "Interviewer", f"[00:00:21] {QUESTION}"],
        ["00:00:31", "P06", ANSWER],
    ]
    assert turns(rows, tmp_path) == [("Interviewer", QUESTION, 20.0), ("P06", ANSWER, 31.0)]


def test_a_clock_time_said_at_the_start_of_an_answer_is_talk(tmp_path: Path) -> None:
    rows = [["Interviewer", "When did the shift start?"], ["P06", "10:30 every morning."]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", "When did the shift start?", None),
        ("P06", "10:30 every morning.", None),
    ]


def test_a_speaker_cell_with_a_note_keeps_it(tmp_path: Path) -> None:
    rows = [["Interviewer", QUESTION], ["P07 (RM)", ANSWER], ["Interviewer", LATER]]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, None),
        ("P07 (RM)", ANSWER, None),
        ("Interviewer", LATER, None),
    ]


def test_a_time_mark_opening_the_words_times_a_turn_of_an_interviewer_participant_table(
    tmp_path: Path,
) -> None:
    rows = [
        ["Interviewer", "Participant"],
        [f"[00:00:20] {QUESTION}", ""],
        ["", f"[00:00:31] {ANSWER}"],
        [LATER, ""],
    ]
    assert turns(rows, tmp_path) == [
        ("Interviewer", QUESTION, 20.0),
        ("Participant", ANSWER, 31.0),
        ("Interviewer", LATER, None),
    ]
