"""Every output option refuses, before anything is written, a path that would replace a file the
researcher needs (a transcript the codings were read from, a pseudonym key, a decisions file, a
Word document roqa did not write) or whose extension says another format than the one written.

Session 37 (daily): `roqa report coded/ --out "interviews/P01 Zoë interview.txt"` turned the
source transcript into an HTML page, exit 0; `--table "p04 interview.docx"`, `--matrix P03.csv`,
`export --qdpx P03.csv`, `agree --json "p04 interview.docx"` and `--matrix key.csv` (the
pseudonym key) were as silent."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_agree import run

TEXT = "P07: We never have the staff. Our manager backs us though."
KEY = "\ufeffname,pseudonym\nZoë Hart,P01\n"
CSV_TRANSCRIPT = "speaker,text\nInterviewer,How is it going?\nP03,Fine.\n"


def coded_study(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    """A study folder as a researcher keeps it (run from inside it): interviews/p07.txt coded
    into coded/, a CSV transcript, a Word transcript, and a pseudonym key."""
    (tmp_path / "interviews").mkdir()
    files = {
        "txt": tmp_path / "interviews" / "p07.txt",
        "csv": tmp_path / "interviews" / "P03.csv",
        "docx": tmp_path / "interviews" / "p04 interview.docx",
        "key": tmp_path / "key.csv",
    }
    files["txt"].write_text(TEXT, encoding="utf-8")
    files["csv"].write_text(CSV_TRANSCRIPT, encoding="utf-8")
    doc = Document()
    doc.add_paragraph("Interviewer: How is it going?")
    doc.add_paragraph("P04: Fine.")
    doc.save(str(files["docx"]))
    files["key"].write_text(KEY, encoding="utf-8")
    t = Transcript(
        id="p07",
        text=TEXT,
        turns=[Turn("P07", "participant", 5, len(TEXT))],
        source="interviews/p07.txt",  # as recorded: relative to where `roqa code` was run
        participant="P07",
    )
    seg = SegmentResult(
        segment=Segment("p07:0001", "p07", "P07", "participant", 5, len(TEXT), TEXT[5:]),
        suggestions=[
            Suggestion(
                code_id="IS.E.2",
                name="Available Resources",
                domain="IS",
                probability=0.9,
                valence="barrier",
            )
        ],
    )
    CodingResult(segments=[seg], transcripts={"p07": t}, meta={"codebook": "cfir-2009"}).save(
        tmp_path / "coded"
    )
    return tmp_path / "coded", files


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, Path]]:
    monkeypatch.chdir(tmp_path)
    return coded_study(tmp_path)


def _refused(args: list[str], said: str, capsys, files: dict[str, Path]) -> None:
    before = {k: p.read_bytes() for k, p in files.items()}
    code, out, err = run(args, capsys)
    assert (code, out) == (2, ""), (args, out, err)
    assert err == f"roqa: error: {said}\n", args
    assert {k: p.read_bytes() for k, p in files.items()} == before, args


def test_report_refuses_to_write_over_a_transcript_key_or_word_document(study, capsys) -> None:
    coded, files = study
    cases = [
        (["--out", "interviews/p07.txt"], "interviews/p07.txt: --out would overwrite a transcript the codings were read from (give another file name)"),
        (["--out", "notes.txt"], "notes.txt: --out writes an HTML report, not a .txt file (give a file name ending in .html or .htm)"),
        (["--out", "report"], "report: --out writes an HTML report, not a file without an extension (give a file name ending in .html or .htm)"),
        (["--out", "interviews/p07.html", "--matrix", "interviews/p07.txt"], "unknown matrix format"),
        (["--matrix", "interviews/P03.csv"], "interviews/P03.csv: --matrix would overwrite a transcript (it has speaker and text columns) (give another file name)"),
        (["--saturation", "key.csv"], "key.csv: --saturation would overwrite a pseudonym key (it has name and pseudonym columns) (give another file name)"),
        (["--table", "interviews/p04 interview.docx"], "interviews/p04 interview.docx: --table would overwrite a Word document roqa did not write (give another file name)"),
        (["--table", "coded/codings.csv"], "coded/codings.csv: --table would overwrite a file the codings are read from (give another file name)"),
    ]  # fmt: skip
    for args, said in cases:
        if said == "unknown matrix format":
            said = "interviews/p07.txt: unknown matrix format (use a .xlsx or .csv file name)"
        _refused(["report", "coded", *args], said, capsys, files)
    assert not (coded / "report.html").exists() and not Path("notes.txt").exists()


def test_report_refuses_a_transcript_the_codings_were_read_from_whatever_its_extension(
    study, capsys
) -> None:
    """The recorded source of the codings, a .csv written over by --matrix (not a transcript by
    its columns: a file of notes the codings were read from all the same)."""
    coded, files = study
    t = CodingResult.read(coded)
    t.transcripts["p07"] = dataclasses.replace(t.transcripts["p07"], source="interviews/notes.csv")
    t.save(coded)
    notes = Path("interviews/notes.csv")
    notes.write_text("a,b\n1,2\n", encoding="utf-8")
    files["notes"] = notes
    _refused(
        ["report", "coded", "--matrix", str(notes.resolve())],
        f"{notes.resolve()}: --matrix would overwrite a transcript the codings were read from "
        "(give another file name)",
        capsys,
        files,
    )


def test_export_and_agree_refuse_a_path_of_another_format_or_a_transcript(study, capsys) -> None:
    coded, files = study
    cases = [
        (["export", "coded", "--qdpx", "interviews/P03.csv"], "interviews/P03.csv: --qdpx writes a REFI-QDA project, not a .csv file (give a file name ending in .qdpx)"),
        (["export", "--qdc", "key.csv"], "key.csv: --qdc writes a REFI-QDA codebook, not a .csv file (give a file name ending in .qdc)"),
        (["agree", "coded", "coded", "--json", "interviews/p04 interview.docx"], "interviews/p04 interview.docx: --json writes JSON, not a .docx file (give a file name ending in .json)"),
    ]  # fmt: skip
    for args, said in cases:
        _refused(args, said, capsys, files)


def test_an_output_of_the_right_format_is_still_written(study, capsys) -> None:
    coded, _ = study
    code, out, err = run(
        ["report", "coded", "--out", "r.HTM", "--matrix", "m.csv", "--table", "t.docx"], capsys
    )
    assert code == 0, err
    assert Path("r.HTM").is_file() and Path("m.csv").is_file() and Path("t.docx").is_file()
    # written again over its own earlier outputs (a Word table roqa wrote, a matrix)
    code, out, err = run(["report", "coded", "--matrix", "m.csv", "--table", "t.docx"], capsys)
    assert code == 0, err


def _rewrite_core(path: Path, old: str, new: str) -> None:
    """``path`` (a .docx) with ``old`` replaced by ``new`` in its core properties, as another
    program saving it may write them."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            z.writestr(info, data)


def test_a_table_roqa_wrote_is_written_over_whatever_attributes_its_author_element_carries(
    study, capsys
) -> None:
    """hunt2 s37, 9: a Table 2 whose core properties spell its author
    ``<dc:creator xmlns:dc="...">roqa_nlp</dc:creator>`` was refused as a Word document roqa
    did not write."""
    coded, _ = study
    code, _, err = run(["report", "coded", "--table", "t.docx"], capsys)
    assert code == 0, err
    _rewrite_core(
        Path("t.docx"),
        "<dc:creator>roqa_nlp</dc:creator>",
        '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">roqa_nlp</dc:creator>',
    )
    code, _, err = run(["report", "coded", "--table", "t.docx"], capsys)
    # written over, the document saved by the other program kept beside it first (s50: its
    # bytes are not those roqa wrote, so they may hold edits)
    assert (code, err) == (
        0,
        "roqa: warning: t.docx: edited since roqa wrote it (or roqa has no record of writing "
        "it): your copy is kept as t.edited.docx; the new one replaces it\n",
    )
    # (written again by roqa) an author of another name still marks a document roqa did not write
    _rewrite_core(
        Path("t.docx"),
        "<dc:creator>roqa_nlp</dc:creator>",
        '<dc:creator xml:lang="en">roqa_nlp team</dc:creator>',
    )
    code, _, err = run(["report", "coded", "--table", "t.docx"], capsys)
    assert (code, err) == (
        2,
        "roqa: error: t.docx: --table would overwrite a Word document roqa did not write "
        "(give another file name)\n",
    )


def _set_origin(project: Path, origin: str) -> None:
    """``project`` (a .qdpx) as if saved by the program ``origin`` names."""
    import re
    import zipfile

    with zipfile.ZipFile(project) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(project, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "project.qde":
                data = re.sub(rb'origin="[^"]*"', f'origin="{origin}"'.encode(), data, count=1)
            z.writestr(info, data)


def test_export_refuses_the_qda_project_the_codings_were_imported_from(study, capsys) -> None:
    """hunt2 s37, 2: `roqa import qx/study.qdpx --out qx/imp` then `roqa export
    qx/imp/codings/BOB --qdpx qx/study.qdpx` replaced the project (the other coder's codings, its
    PDF and audio sources and notes lost), exit 0: the transcripts' recorded source,
    'qx/study.qdpx:sources/....txt', never matched the project file."""
    coded, files = study
    code, _, err = run(["export", "coded", "--qdpx", "p.qdpx"], capsys)
    assert code == 0, err
    code, _, err = run(["import", "p.qdpx", "--out", "imp"], capsys)
    assert code == 0, err
    (person,) = Path("imp/codings").iterdir()
    files["project"] = Path("p.qdpx")
    _refused(
        ["export", str(person), "--qdpx", "p.qdpx"],
        "p.qdpx: --qdpx would overwrite the QDA project the codings were imported from "
        "(give another file name)",
        capsys,
        files,
    )
    # written elsewhere as before
    code, _, err = run(["export", str(person), "--qdpx", "again.qdpx"], capsys)
    assert (code, err) == (0, "")


def test_recorded_sources_name_the_qda_project_a_transcript_was_imported_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The project of a 'project:member' source, whatever colons the path (a Windows drive
    letter) or the member hold; a source without a member is itself only."""
    import json

    from roqa_nlp.result import recorded_sources

    monkeypatch.chdir(tmp_path)
    windows = "C:\\study\\study.qdpx"
    for name in ("my:study.qdpx", windows, "C"):
        Path(name).write_bytes(b"PK")
    sources = [
        "my:study.qdpx:sources/a:b.txt",
        windows + ":sources/c.txt",
        "C:\\interviews\\p01.txt",
        "interviews/p02.txt",
    ]
    (tmp_path / "transcripts.jsonl").write_text(
        "".join(json.dumps({"source": s}) + "\n" for s in sources), encoding="utf-8"
    )
    assert recorded_sources(tmp_path / "codings.jsonl") == [
        Path("my:study.qdpx:sources/a:b.txt"),
        Path("my:study.qdpx"),
        Path(windows + ":sources/c.txt"),
        Path(windows),
        Path("C:\\interviews\\p01.txt"),
        Path("interviews/p02.txt"),
    ]


def test_export_refuses_a_qda_project_roqa_did_not_write_but_replaces_its_own(
    study, capsys
) -> None:
    """hunt2 s37, 2: `roqa code qx/imp/transcripts --qdpx qx/study.qdpx` or an export into a
    project a QDA program saved replaced it. A project roqa wrote (its origin 'roqa_nlp ...') is
    written over, as re-exporting does."""
    coded, files = study
    for _ in range(2):
        code, _, err = run(["export", "coded", "--qdpx", "p.qdpx"], capsys)
        assert (code, err) == (0, "")
    _set_origin(Path("p.qdpx"), "NVivo 14")
    files["project"] = Path("p.qdpx")
    _refused(
        ["export", "coded", "--qdpx", "p.qdpx"],
        "p.qdpx: --qdpx would overwrite a QDA project roqa did not write (its origin is "
        "'NVivo 14') (give another file name)",
        capsys,
        files,
    )
    _set_origin(Path("p.qdpx"), "")
    _refused(
        ["export", "coded", "--qdpx", "p.qdpx"],
        "p.qdpx: --qdpx would overwrite a QDA project roqa did not write (give another file name)",
        capsys,
        files,
    )


def _resaved(path: Path, origin: str | None, codec: str = "utf-8") -> None:
    """The REFI-QDA XML ``path`` (a .qdc, or the project.qde of a .qdpx) as if saved by the
    program ``origin`` names (None: it names none), in ``codec`` (``utf-16``: with its byte
    order mark, as a Windows program may save it)."""
    import re
    import zipfile

    def resaved(data: bytes) -> bytes:
        text = data.decode("utf-8")
        said = "" if origin is None else f' origin="{origin}"'
        text = re.sub(r'\sorigin="[^"]*"', said, text, count=1)
        text = re.sub(r'encoding="[^"]*"', f'encoding="{codec}"', text, count=1)
        return text.encode(codec)

    if path.suffix == ".qdc":
        path.write_bytes(resaved(path.read_bytes()))
        return
    with zipfile.ZipFile(path) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            z.writestr(info, resaved(data) if info.filename == "project.qde" else data)


def test_export_refuses_a_qda_codebook_roqa_did_not_write_but_replaces_its_own(
    study, capsys
) -> None:
    """`roqa export --qdc codes.qdc` replaced a codebook NVivo, ATLAS.ti or MAXQDA exported
    (the team's code tree, its descriptions and memos), exit 0, while a .qdpx project was
    refused (leftover s37). A .qdc roqa wrote (its origin 'roqa_nlp ...') is written over."""
    coded, files = study
    for _ in range(2):
        code, _, err = run(["export", "--qdc", "codes.qdc"], capsys)
        assert (code, err) == (0, "")
    files["codebook"] = Path("codes.qdc")
    for origin, said in [
        ("NVivo 14", " (its origin is 'NVivo 14')"),
        (None, ""),
    ]:
        _resaved(Path("codes.qdc"), origin)
        _refused(
            ["export", "--qdc", "codes.qdc"],
            f"codes.qdc: --qdc would overwrite a QDA codebook roqa did not write{said} "
            "(give another file name)",
            capsys,
            files,
        )


@pytest.mark.parametrize("output", ["--qdc", "--qdpx"])
def test_a_utf16_codebook_or_project_is_read_for_its_origin(study, capsys, output: str) -> None:
    """A .qdc or a project.qde saved as UTF-16 (with its byte order mark) was not recognised by
    the guard, which looked for '<CodeBook' or '<Project' in its bytes, and was replaced, exit
    0; roqa import read it all along (leftover s37). One roqa wrote, in UTF-16, is replaced."""
    from roqa_nlp.exchange.refiqda import ORIGIN

    coded, files = study
    path = Path("codes.qdc" if output == "--qdc" else "p.qdpx")
    args = ["export", *([] if output == "--qdc" else ["coded"]), output, str(path)]
    code, _, err = run(args, capsys)
    assert (code, err) == (0, "")
    _resaved(path, ORIGIN, "utf-16")
    code, _, err = run(args, capsys)
    assert (code, err) == (0, "")
    _resaved(path, "ATLAS.ti 23", "utf-16")
    files["theirs"] = path
    kind = "codebook" if output == "--qdc" else "project"
    _refused(
        args,
        f"{path}: {output} would overwrite a QDA {kind} roqa did not write (its origin is "
        "'ATLAS.ti 23') (give another file name)",
        capsys,
        files,
    )


def test_a_bare_utf16_project_file_roqa_did_not_write_is_not_replaced(tmp_path: Path) -> None:
    """The project.qde of a project, out of its archive, saved as UTF-16 by a QDA program."""
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.io import check_outputs

    qde = tmp_path / "project.qde"
    xml = '<?xml version="1.0" encoding="utf-16"?>\n<Project name="S" origin="MAXQDA 24"/>'
    for codec in ("utf-16", "utf-16-be"):  # little-endian with its mark, big-endian
        mark = b"\xfe\xff" if codec == "utf-16-be" else b""
        qde.write_bytes(mark + xml.encode(codec))
        with pytest.raises(RoqaError) as err:
            check_outputs({"--out": qde})
        assert str(err.value) == (
            f"{qde}: --out would overwrite a QDA project roqa did not write (its origin is "
            "'MAXQDA 24') (give another file name)"
        )
    qde.write_bytes(xml.replace("MAXQDA 24", "roqa_nlp 0.1.0").encode("utf-16"))
    check_outputs({"--out": qde})  # roqa's own: replaced


def _workbook(path: Path, *rows: tuple[str, ...]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_report_refuses_an_excel_file_roqa_reads_but_rewrites_its_own(study, capsys) -> None:
    """hunt2 s37, 3: `roqa report rB --matrix rB/decisions.xlsx` (a review re-saved from Excel,
    which apply-decisions reads) and `--table P07.xlsx` (a transcript) overwrote them, exit 0:
    only .csv files were looked into. Their first row now is, by the .csv rules."""
    coded, files = study
    files["decisions"] = _workbook(  # read by the report as the review beside the codings
        Path("coded/decisions.xlsx"),
        ("segment_id", "decision", "code_id"),
        ("p07:0001", "reject", "IS.E.2"),
    )
    files["transcript"] = _workbook(Path("P07.xlsx"), ("Speaker", "Text"), ("P07", "Fine."))
    files["key"] = _workbook(Path("key.xlsx"), ("Name", "Pseudonym"), ("Zoë Hart", "P01"))
    cases = [
        (["--matrix", "coded/decisions.xlsx"], "coded/decisions.xlsx: --matrix would overwrite a file of codings or decisions roqa reads (it has a segment_id column) (give another file name)"),
        (["--table", "P07.xlsx"], "P07.xlsx: --table would overwrite a transcript (it has speaker and text columns) (give another file name)"),
        (["--saturation", "key.xlsx"], "key.xlsx: --saturation would overwrite a pseudonym key (it has name and pseudonym columns) (give another file name)"),
    ]  # fmt: skip
    for args, said in cases:
        _refused(["report", "coded", *args], said, capsys, files)
    # roqa's own workbooks are written over, and so is a damaged one (as a damaged .csv is),
    # once kept beside it (s50: roqa has no record of writing it)
    Path("damaged.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    kept = (
        "roqa: warning: damaged.xlsx: edited since roqa wrote it (or roqa has no record of "
        "writing it): your copy is kept as damaged.edited.xlsx; the new one replaces it\n"
    )
    # the review beside the codings (decisions.xlsx) rejects a code the write-ups chart: each
    # says so (s87 daily19, D2)
    review = "".join(
        f"roqa: warning: {name}: charts the model's suggestions, not the review in "
        "coded/decisions.xlsx: it still charts 1 code the review rejected or replaced "
        "(p07:0001 IS.E.2)\n"
        for name in ("m.xlsx", "t.xlsx", "damaged.xlsx")
    )
    for said in (kept, ""):
        code, _, err = run(
            ["report", "coded", "--matrix", "m.xlsx", "--table", "t.xlsx"]
            + ["--saturation", "damaged.xlsx"],
            capsys,
        )
        assert (code, err) == (0, said + review)
    assert Path("damaged.edited.xlsx").read_bytes() == b"PK\x03\x04 not a workbook"


def test_json_refuses_a_json_file_roqa_reads_but_rewrites_its_own(study, capsys) -> None:
    """hunt2 s37, 4: `roqa agree ... --json impd/codebook.json` (also import.json, and the run.json
    beside an input's codings) wrote over it, exit 0, after which `roqa codebook
    impd/codebook.json` failed. A codebook and a model card are known by what they hold, the
    records of a run or an import by their names beside what they record (hunt3 s37: an
    earlier `--json run.json` in a folder of its own is written over again)."""
    import shutil

    coded, files = study
    shutil.copytree(coded, "again")
    Path("imp").mkdir()
    files["codebook"] = Path("imp/codebook.json")
    files["codebook"].write_text(
        '{"id": "ours", "name": "Ours", "codes": [{"id": "A", "name": "Staffing"}]}',
        encoding="utf-8",
    )
    files["import"] = Path("imp/import.json")
    files["import"].write_text('{"file": "p.qdpx", "users": []}', encoding="utf-8")
    Path("imp/transcripts").mkdir()  # an import's folder
    files["run"] = coded / "run.json"
    files["card"] = Path("card.json")
    files["card"].write_text(
        '{"library": "roqa_nlp", "classes": ["IS.E.2"], "params": {}}', encoding="utf-8"
    )
    cases = [
        ("imp/codebook.json", "a codebook (it has a list of codes)"),
        ("imp/import.json", "the record of an import roqa reads (import.json)"),
        ("coded/run.json", "the record of a run roqa reads (run.json)"),
        ("card.json", "a model card (it names the library and classes of a model)"),
    ]
    for path, held in cases:
        _refused(
            ["agree", "coded", "again", "--json", path],
            f"{path}: --json would overwrite {held} (give another file name)",
            capsys,
            files,
        )
    # its own earlier output, and JSON that is neither (a list, a damaged file), are written over
    Path("damaged.json").write_text('{"codes": [{"id"', encoding="utf-8")
    Path("list.json").write_text('[{"codes": [{"id": "A"}]}]', encoding="utf-8")
    for path in ("agree.json", "agree.json", "damaged.json", "list.json", "run.json", "run.json"):
        code, _, err = run(["agree", "coded", "again", "--json", path], capsys)
        assert (code, err) == (0, ""), path


def _fake_training(monkeypatch: pytest.MonkeyPatch) -> None:
    """``roqa train`` without the embedding model: fitting marks the model trained, saving writes
    a card and one array file (what the guard of --out looks at), as AutoCoder.save names them."""
    import json

    from roqa_nlp import training
    from roqa_nlp.autocoder import CARD, AutoCoder

    def fit(self: AutoCoder, data: object) -> AutoCoder:
        # 2 records and the 39 code descriptions, as a card counts them
        self.card = {"training_data": {"n_records": 41, "n_coded": 40, "n_none": 1}}
        return self

    def save(self: AutoCoder, out: str | Path) -> Path:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "classifier.safetensors").write_bytes(b"new")
        card = {"library": "roqa_nlp", "classes": ["IS.E.2"], "files": {}, **self.card}
        card["files"] = {"classifier.safetensors": "x"}
        (out / CARD).write_text(json.dumps(card), encoding="utf-8")
        self.card = card
        return out

    monkeypatch.setattr(AutoCoder, "fit", fit)
    monkeypatch.setattr(AutoCoder, "save", save)
    monkeypatch.setattr(training, "load_training_set", lambda data, book: None)


def _old_model(folder: Path, feedback: dict | None = None) -> float:
    """A model folder as `roqa train` left it, its card written at a known time (returned)."""
    import json
    import os

    folder.mkdir(parents=True)
    for name in ("classifier.safetensors", "question_model.json", "question_model.safetensors"):
        (folder / name).write_bytes(b"old")
    card = {"library": "roqa_nlp", "classes": ["IS.E.2"]}
    card["files"] = {n: "x" for n in ("classifier.safetensors", "question_model.json")}
    if feedback is not None:
        card["feedback"] = feedback
    (folder / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    when = 1_795_000_000.0  # 2026-11-18
    os.utime(folder / "model_card.json", (when, when))
    return when


def test_train_refuses_an_out_folder_holding_files_that_are_not_a_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """novice s39, 5: `roqa train training_data --out study_copy/` (a folder of transcripts) put
    13 model files in among the transcripts, exit 0. A folder of other files is refused before
    the training; a model folder with a file of the researcher's in it too."""
    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    Path("study").mkdir()
    for name in ("p11_interview.txt", "P13 interview.docx", "notes.md", "p14.vtt"):
        (Path("study") / name).write_text("P11: hello", encoding="utf-8")
    files = {p.name: p for p in Path("study").iterdir()}
    _refused(
        ["train", "data.jsonl", "--out", "study"],
        "study: --out holds files that are not a roqa model (notes.md, p11_interview.txt, "
        "P13 interview.docx ...), and the model's files would be written in among them "
        "(give --out a new or empty folder for the model)",
        capsys,
        files,
    )
    _old_model(Path("models/study"))
    Path("models/study/my notes.txt").write_text("keep", encoding="utf-8")
    files = {p.name: p for p in Path("models/study").iterdir()}
    _refused(
        ["train", "data.jsonl", "--out", "models/study"],
        "models/study: --out holds files that are not a roqa model (my notes.txt), and the "
        "model's files would be written in among them (give --out a new or empty folder for "
        "the model)",
        capsys,
        files,
    )


SYSTEM_FILES = ("Thumbs.db", "desktop.ini", "Icon\r", ".gitkeep", "README.md", "readme.txt")


def test_train_leaves_system_files_and_a_readme_in_its_out_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A folder holding only what Windows or macOS put there (Thumbs.db, desktop.ini, "Icon\\r")
    and a README the user added is written in, and a model folder with them replaced, the files
    left in place; before, they were refused as not a model's (hunter, session 39). A subfolder
    or another file is refused still."""
    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    Path("empty").mkdir()
    _old_model(Path("models/study"))
    for folder in ("empty", "models/study"):
        for name in SYSTEM_FILES:
            (Path(folder) / name).write_bytes(b"kept")
        code, _, err = run(["train", "data.jsonl", "--out", folder], capsys)
        assert (code, err.startswith("roqa: note: replaced")) == (0, folder != "empty"), folder
        assert sorted(p.name for p in Path(folder).iterdir()) == sorted(
            [*SYSTEM_FILES, "classifier.safetensors", "model_card.json"]
        )
        assert all((Path(folder) / n).read_bytes() == b"kept" for n in SYSTEM_FILES)
    Path("other/README").mkdir(parents=True)  # a folder, not a README file
    code, _, err = run(["train", "data.jsonl", "--out", "other"], capsys)
    assert (code, err) == (
        2,
        "roqa: error: other: --out holds files that are not a roqa model (README), and the "
        "model's files would be written in among them (give --out a new or empty folder for "
        "the model)\n",
    )


def test_train_writes_a_new_or_empty_folder_and_says_when_it_replaced_a_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """novice s39, 5: a rebuild into models/study silently replaced the model trained on a
    review. It is replaced as `roqa code` replaces its earlier outputs, said in one line naming
    the date of the old one's files and the decisions it was trained on; its files the new one
    has not are removed, so the folder holds one model. The card holds no training time (a
    retrain must be byte-identical), so the note says 'files dated', not 'trained' at that time:
    a model copied with cp -r was said to be trained when it was copied (s41 repro, 6)."""
    import datetime

    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    Path("empty").mkdir()
    (Path("empty") / ".DS_Store").write_bytes(b"")  # hidden files do not count
    for out in ("empty", "new/model"):
        code, _, err = run(["train", "data.jsonl", "--out", out], capsys)
        assert (code, err) == (0, ""), out
        assert (Path(out) / "model_card.json").is_file()
    feedback = {"n_decisions": 19, "decisions_files": [{"name": "Downloads/decisions.csv"}]}
    when = _old_model(Path("models/study"), feedback)
    at = datetime.datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M")
    code, _, err = run(["train", "data.jsonl", "--out", "models/study"], capsys)
    assert (code, err) == (
        0,
        f"roqa: note: replaced the model in models/study (files dated {at}; trained with 19 "
        "decisions from Downloads/decisions.csv)\n",
    )
    assert sorted(p.name for p in Path("models/study").iterdir()) == [
        "classifier.safetensors",
        "model_card.json",
    ]
    assert Path("models/study/classifier.safetensors").read_bytes() == b"new"
    when = _old_model(Path("models/plain"))
    at = datetime.datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M")
    code, _, err = run(["train", "data.jsonl", "--out", "models/plain"], capsys)
    assert (code, err) == (
        0,
        f"roqa: note: replaced the model in models/plain (files dated {at})\n",
    )


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_train_stopped_while_it_writes_the_model_leaves_the_old_model_whole_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Interrupt tester, session 46 (repro_train_ctrlc.sh): Ctrl-C once the new
    classifier.safetensors had replaced the old one left it beside the 12 other files of the old
    model, card included; every command then refused the folder as altered or corrupted, and
    the message said no file was left half-written. The new model is written in a folder beside
    and put in place whole: stopped before, the old model is untouched, and said to be."""
    from roqa_nlp.autocoder import AutoCoder

    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    _old_model(Path("models/study"))
    old = _contents(Path("models/study"))
    write = AutoCoder.save

    def stopped_after_the_first_file(self: AutoCoder, out: str | Path) -> Path:
        write(self, out)
        raise KeyboardInterrupt

    monkeypatch.setattr(AutoCoder, "save", stopped_after_the_first_file)
    code, _, err = run(["train", "data.jsonl", "--out", "models/study"], capsys)
    assert (code, err) == (
        130,
        "roqa: interrupted before the new model was complete: models/study holds the model it "
        "held, unchanged; run the command again\n",
    )
    assert _contents(Path("models/study")) == old
    assert sorted(p.name for p in Path("models").iterdir()) == ["study"]  # no temporary folder


def test_train_stopped_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    write = AutoCoder.save

    def stopped_after_the_first_file(self: AutoCoder, out: str | Path) -> Path:
        write(self, out)
        raise KeyboardInterrupt

    monkeypatch.setattr(AutoCoder, "save", stopped_after_the_first_file)
    code, _, err = run(["train", "data.jsonl", "--out", "models/new"], capsys)
    assert (code, err) == (
        130,
        "roqa: interrupted (no output file was left half-written; run the command again)\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]


def test_train_replacing_a_model_keeps_the_folders_other_files_and_leaves_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """The new model is put in the old one's place whole: a README and hidden files of the
    folder stay in it, the old model's files are gone, and nothing is left beside it."""
    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    _old_model(Path("models/study"))
    Path("models/study/README.md").write_text("trained on round 2\n", encoding="utf-8")
    Path("models/study/.DS_Store").write_bytes(b"kept")
    code, _, _ = run(["train", "data.jsonl", "--out", "models/study"], capsys)
    assert code == 0
    assert sorted(p.name for p in Path("models").iterdir()) == ["study"]
    assert _contents(Path("models/study")) == {
        ".DS_Store": b"kept",
        "README.md": b"trained on round 2\n",
        "classifier.safetensors": b"new",
        "model_card.json": Path("models/study/model_card.json").read_bytes(),
    }


def test_train_replaces_a_model_on_another_disk_and_from_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Regression hunt and review, session 46: a first version built the new model in a folder
    beside --out and swapped the folders. On a mount point (a Docker volume, a mounted drive:
    'Invalid cross-device link') it failed after the whole training, writing no model; and run
    from inside the model folder (--out .) it left the shell in a deleted folder. The new files
    are made inside --out and moved over the old ones there: no folder is moved, and a move
    across disks is never asked for."""
    import os

    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    _old_model(Path("models/study"))
    Path("models/study/README.md").write_text("round 2\n", encoding="utf-8")
    replace, rename = os.replace, os.rename

    def within_one_folder(move):  # a mount point: nothing moves across its boundary
        def moved(src: str | Path, dst: str | Path) -> None:
            if Path(src).parent.parent != Path(dst).parent and Path(src).parent != Path(dst).parent:
                raise OSError(18, "Invalid cross-device link", str(src))
            move(src, dst)

        return moved

    monkeypatch.setattr(os, "replace", within_one_folder(replace))
    monkeypatch.setattr(os, "rename", within_one_folder(rename))
    monkeypatch.chdir(tmp_path / "models" / "study")
    here = Path.cwd()
    code, _, err = run(["train", "../../data.jsonl", "--out", "."], capsys)
    assert (code, err) == (0, "roqa: note: replaced the model in . (files dated "
                              + err.split("(files dated ", 1)[1])  # fmt: skip
    assert Path.cwd() == here and here.is_dir()  # the folder the shell is in is still there
    assert sorted(p.name for p in here.iterdir()) == [
        "README.md",
        "classifier.safetensors",
        "model_card.json",
    ]
    assert (here / "classifier.safetensors").read_bytes() == b"new"
    assert sorted(p.name for p in here.parent.iterdir()) == ["study"]


def test_train_out_of_disk_space_names_the_model_folder_and_says_it_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Re-test, session 46 (repro_enospc.sh): retraining on a full disk named the hidden
    temporary file it could not write (gone by then) and not that the old model was unchanged,
    nor that a retrain needs room for a second copy of the model while it writes."""
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.errors import RoqaError

    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    _old_model(Path("models/study"))
    old = _contents(Path("models/study"))

    def full(self: AutoCoder, out: str | Path) -> Path:
        raise RoqaError(
            "cannot be written: No space left on device",
            path=Path(out) / "evidence.safetensors",
            hint="free some space",
        )

    monkeypatch.setattr(AutoCoder, "save", full)
    code, _, err = run(["train", "data.jsonl", "--out", "models/study"], capsys)
    assert (code, err) == (
        2,
        f"roqa: error: {Path('models/study')}: cannot write the new files: cannot be written: No space left on "
        "device; it holds the files it held before, unchanged (the new set is written beside "
        "the old one before it replaces it, so it needs room for both: free some space and run "
        "the command again)\n",
    )
    assert _contents(Path("models/study")) == old


def test_train_removes_what_a_killed_run_into_the_same_folder_left_in_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A train killed outright (SIGKILL, a power cut) leaves its unfinished model in a hidden
    temporary folder inside --out: the next train into that folder removes it (it holds the
    folder's lock, so no live run is writing it); one in another folder stays."""
    monkeypatch.chdir(tmp_path)
    _fake_training(monkeypatch)
    Path("data.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', encoding="utf-8")
    _old_model(Path("models/study"))
    for where in ("models/study/.roqa.k1ll3d00.tmp", "models/other/.roqa.0th3r000.tmp"):
        Path(where).mkdir(parents=True)
        Path(where, "classifier.safetensors").write_bytes(b"half")
    code, _, _ = run(["train", "data.jsonl", "--out", "models/study"], capsys)
    assert code == 0
    assert sorted(p.name for p in Path("models/study").iterdir()) == [
        "classifier.safetensors",
        "model_card.json",
    ]
    assert Path("models/other/.roqa.0th3r000.tmp/classifier.safetensors").read_bytes() == b"half"


def test_report_refuses_to_write_over_an_html_page_roqa_did_not_write(study, capsys) -> None:
    """novice s39, 10: `roqa report coded_study/ --out misc/p50.html` wrote over an HTML
    transcript not among the codings, exit 0, while a .docx there was refused. A page is
    roqa's report by the generator its head names; an empty file is written over."""
    coded, files = study
    page = Path("misc/p50.html")
    page.parent.mkdir()
    page.write_text("<html><body><p>P50: We never have the staff.</p></body></html>", "utf-8")
    files["page"] = page
    _refused(
        ["report", "coded", "--out", "misc/p50.html"],
        "misc/p50.html: --out would overwrite an HTML page roqa did not write "
        "(give another file name)",
        capsys,
        files,
    )
    # the report beside the codings, where --out is not given (s45: checked as roqa code checks
    # the fixed names it writes in --out, by the generator the page's head names)
    mine = Path("coded/report.html")
    mine.write_text("<html><body><p>My notes on the codings</p></body></html>", "utf-8")
    files["mine"] = mine
    _refused(
        ["report", "coded"],
        "coded/report.html: report.html beside the codings would overwrite an HTML page roqa "
        "did not write (give --out a file name)",
        capsys,
        files,
    )
    mine.unlink()
    del files["mine"]
    Path("empty.htm").write_bytes(b"")
    Path("blank.html").write_bytes(b"\xef\xbb\xbf \r\n\n")  # spacing only: as empty (before:
    # refused as an HTML page roqa did not write; hunter, session 39)
    for out in ("r.html", "r.html", "empty.htm", "blank.html"):  # its own report, again
        code, _, err = run(["report", "coded", "--out", out], capsys)
        assert (code, err) == (0, ""), out


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_code_stopped_leaves_no_empty_out_folder_it_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, stop: type[BaseException]
) -> None:
    """novice s39, 10: Ctrl-C before anything was written left the empty --out folder the run
    had made (coded_int4/). The folders it made, the parents too, are removed when left empty;
    a folder that was there before, empty or not, is kept, named through a folder the run
    made too (newx/../kept: before, kept was removed; hunter, session 39)."""
    from roqa_nlp.cli import code_cmd

    monkeypatch.chdir(tmp_path)
    Path("p07.txt").write_text(TEXT, encoding="utf-8")
    out: list[Path] = []

    def stopped(*args: object) -> None:
        out[-1].mkdir(parents=True, exist_ok=True)  # as saving the codings makes it
        raise stop("stopped")

    monkeypatch.setattr(code_cmd, "_load_model", stopped)
    Path("kept").mkdir()
    Path("full").mkdir()
    Path("full/notes.md").write_text("mine", encoding="utf-8")
    for folder in ("coded", "new/coded", "kept", "full/coded", "kept/../y/z", "newx/../kept"):
        out.append(Path(folder))
        code, _, err = run(["code", "p07.txt", "--out", folder], capsys)
        assert code == (130 if stop is KeyboardInterrupt else 1), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full", "kept", "p07.txt"]
    assert [p.name for p in Path("full").iterdir()] == ["notes.md"]


def test_code_refuses_a_qdpx_written_into_the_folder_of_its_transcripts(study, capsys) -> None:
    """Before (cli tester, session 43): `roqa code study_q --out out_q1 --qdpx
    study_q/suggestions.qdpx` wrote the project among the transcripts, and the same command
    again failed "two transcripts share the id 's01' (rename one of the files ...)"."""
    _, files = study
    code, out, err = run(
        [
            "code",
            "interviews",
            "--out",
            "out",
            "--qdpx",
            "interviews/suggestions.qdpx",
            "--model",
            "no-model",
        ],  # fmt: skip
        capsys,
    )
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        "roqa: error: interviews/suggestions.qdpx: --qdpx is in the folder of transcripts being "
        "coded, where the next run would read it as more transcripts (give a path outside it, "
        "e.g. --qdpx out/project.qdpx)"
    ]
    assert sorted(p.name for p in (Path("interviews")).iterdir()) == [
        "P03.csv", "p04 interview.docx", "p07.txt",
    ]  # fmt: skip
    assert not Path("out").exists()


def test_code_and_apply_decisions_refuse_an_out_folder_of_the_researchers_own_files(
    study, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """files tester, session 44: `roqa code round3 --out my_analysis` replaced a hand-made
    codings.csv, a report.html of the researcher's notes and a run.json, exit 0. Before
    anything is written, a fixed name roqa writes that holds a file roqa did not write (by the
    marks its own carry: the report's generator, codings.csv's segment_id column, run.json's
    model and params, a JSON Lines record's keys) is refused; its own, and empty files, are
    written over as before."""
    from roqa_nlp.cli import code_cmd

    coded, files = study

    def stopped(*args: object) -> None:
        raise RuntimeError("past the checks")

    monkeypatch.setattr(code_cmd, "_load_model", stopped)
    mine = Path("my_analysis")
    mine.mkdir()
    (mine / "codings.csv").write_text("participant,theme,quote\nP01,staffing,We never\n", "utf-8")
    (mine / "report.html").write_text("<html><body><p>My notes</p></body></html>", "utf-8")
    (mine / "run.json").write_text('{"date": "2026-12-01", "who": "ann"}', "utf-8")
    (mine / "open_coding.jsonl").write_bytes(b"")  # empty: nothing lost
    files.update({p.name: p for p in mine.iterdir()})
    _refused(
        ["code", "interviews/p07.txt", "--out", "my_analysis"],
        "my_analysis/codings.csv: --out holds 3 files roqa did not write that it would replace "
        "(codings.csv, report.html, run.json) (give another --out folder, or move them out of it)",
        capsys,
        files,
    )
    _refused(
        ["apply-decisions", "coded", "--out", "my_analysis", "--coder", "ann"],
        "my_analysis/codings.csv: --out holds 2 files roqa did not write that it would replace "
        "(codings.csv, run.json) (give another --out folder, or move them out of it)",
        capsys,
        files,
    )
    (mine / "codings.csv").unlink()
    (mine / "report.html").unlink()
    _refused(
        ["code", "interviews/p07.txt", "--out", "my_analysis", "--no-report"],
        "my_analysis/run.json: --out holds a file roqa did not write that it would replace "
        "(give another --out folder, or move it out of it)",
        capsys,
        {k: p for k, p in files.items() if p.exists()},
    )
    # roqa's own earlier outputs (codings, transcripts, run.json, a report) pass the check
    Path("coded/report.html").write_text(
        '<!DOCTYPE html><html><head><meta name="generator" content="roqa_nlp"></head></html>',
        "utf-8",
    )
    code, _, err = run(["code", "interviews/p07.txt", "--out", "coded"], capsys)
    assert code == 1 and "RuntimeError: past the checks" in err, err


@pytest.mark.parametrize("below", [False, True], ids=["the-folder", "a-folder-above"])
def test_an_output_folder_that_is_a_link_to_a_missing_folder_says_where_it_points(
    tmp_path: Path, capsys, below: bool
) -> None:
    """Cli tester cli2, session 80: `roqa code p01.txt --out dangling`, dangling a link to
    /nonexistent/dir, said "dangling: File exists (check the path)"."""
    p01 = tmp_path / "p01.txt"
    p01.write_text("Interviewer: What gets in the way?\nP01: The budget.\n", "utf-8")
    link = tmp_path / "dangling"
    link.symlink_to(tmp_path / "gone" / "dir")
    out = link / "coded" if below else link
    code, stdout, err = run(["code", str(p01), "--out", str(out)], capsys)
    assert (code, stdout) == (2, "")
    assert err == (
        f"roqa: error: {link}: is a link to {tmp_path / 'gone' / 'dir'}, which is missing (make "
        "the folder it points at, or give another output folder)\n"
    )
    assert not (tmp_path / "gone").exists()
