"""``roqa report`` run again keeps a write-up file the researcher edited (the framework matrix they
chart in, Table 2, the saturation table) beside it before it writes the new one."""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from test_cli_agree import run
from test_cli_report import alices_codings

SUMMARY = "Staffing is short; the manager backs the team (summary, P07)"


def _chart_in_excel(path: Path) -> None:
    """Write a summary in the matrix's first coded cell, as a researcher does in Excel."""
    book = openpyxl.load_workbook(path)
    book["Matrix"].cell(row=2, column=2).value = SUMMARY
    book.save(path)


def _summary(path: Path) -> object:
    return openpyxl.load_workbook(path)["Matrix"].cell(row=2, column=2).value


def _kept_files(folder: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir() if ".edited" in f.name)


def test_a_matrix_charted_in_excel_is_kept_before_report_writes_it_again(
    tmp_path: Path, capsys
) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    m = tmp_path / "matrix.xlsx"
    assert run(["report", str(folder), "--matrix", str(m)], capsys)[0] == 0
    _chart_in_excel(m)
    edited = m.read_bytes()
    code, out, err = run(["report", str(folder), "--matrix", str(m)], capsys)
    kept = tmp_path / "matrix.edited.xlsx"
    assert code == 0
    assert err == (
        f"roqa: warning: {m}: edited since roqa wrote it (or roqa has no record of writing it): "
        f"your copy is kept as {kept}; the new one replaces it\n"
    )
    assert kept.read_bytes() == edited  # the researcher's charting, byte for byte
    assert _summary(kept) == SUMMARY
    assert _summary(m) != SUMMARY  # the new matrix, charted afresh
    assert f"matrix: {m}" in out


def test_report_writes_over_its_own_unedited_files_without_a_copy(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    args = ["report", str(folder), "--matrix", str(tmp_path / "matrix.xlsx")]
    args += ["--table", str(tmp_path / "table2.docx")]
    args += ["--saturation", str(tmp_path / "saturation.csv")]
    assert run(args, capsys)[0] == 0
    code, _, err = run(args, capsys)
    assert (code, err) == (0, "")
    assert _kept_files(tmp_path) == []


def test_every_edited_write_up_file_is_kept_and_named_in_one_line(tmp_path: Path, capsys) -> None:
    import docx

    folder = alices_codings(tmp_path, {"name": "Alice"})
    m, t, s = tmp_path / "m.csv", tmp_path / "table2.docx", tmp_path / "saturation.xlsx"
    args = ["report", str(folder), "--matrix", str(m), "--table", str(t), "--saturation", str(s)]
    assert run(args, capsys)[0] == 0
    with m.open("a", encoding="utf-8") as fh:
        fh.write("P99,my own row\n")
    document = docx.Document(str(t))
    document.add_paragraph("Discussion: staffing is the barrier every manager names.")
    document.save(str(t))
    code, _, err = run(args, capsys)
    assert code == 0
    assert err == (
        "roqa: warning: 2 files edited since roqa wrote them (or roqa has no record of writing "
        f"them): your copies are kept ({m} as {tmp_path / 'm.edited.csv'}, {t} as "
        f"{tmp_path / 'table2.edited.docx'}); the new ones replace them\n"
    )
    assert _kept_files(tmp_path) == ["m.edited.csv", "table2.edited.docx"]
    assert "P99,my own row" in (tmp_path / "m.edited.csv").read_text(encoding="utf-8-sig")
    assert "P99" not in m.read_text(encoding="utf-8-sig")
    assert "Discussion: staffing" in "\n".join(
        p.text for p in docx.Document(str(tmp_path / "table2.edited.docx")).paragraphs
    )


def test_a_second_round_of_edits_is_kept_under_a_name_of_its_own(tmp_path: Path, capsys) -> None:
    from roqa_nlp.io import sha256_bytes

    folder = alices_codings(tmp_path, {"name": "Alice"})
    m = tmp_path / "matrix.csv"
    args = ["report", str(folder), "--matrix", str(m)]
    assert run(args, capsys)[0] == 0
    first = m.read_bytes() + b"P98,first round\r\n"
    m.write_bytes(first)
    assert run(args, capsys)[0] == 0
    second = m.read_bytes() + b"P99,second round\r\n"
    m.write_bytes(second)
    code, _, err = run(args, capsys)
    again = tmp_path / f"matrix.edited.{sha256_bytes(second)[:12]}.csv"
    assert code == 0
    assert f"your copy is kept as {again};" in err
    assert (tmp_path / "matrix.edited.csv").read_bytes() == first  # the first round untouched
    assert again.read_bytes() == second
    m.write_bytes(first)  # the first round's file given back: its copy is there already
    code, _, err = run(args, capsys)
    assert f"your copy is kept as {tmp_path / 'matrix.edited.csv'};" in err
    assert _kept_files(tmp_path) == ["matrix.edited.csv", again.name]


def test_a_matrix_file_roqa_has_no_record_of_writing_is_kept(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    m = tmp_path / "matrix.csv"
    m.write_text("participant,my summary\nP07,short of staff\n", encoding="utf-8")
    code, _, err = run(["report", str(folder), "--matrix", str(m)], capsys)
    assert code == 0
    assert err == (
        f"roqa: warning: {m}: edited since roqa wrote it (or roqa has no record of writing it): "
        f"your copy is kept as {tmp_path / 'matrix.edited.csv'}; the new one replaces it\n"
    )
    assert (tmp_path / "matrix.edited.csv").read_text(encoding="utf-8") == (
        "participant,my summary\nP07,short of staff\n"
    )


def _written_in_python(folder: Path, m: Path, t: Path, s: Path) -> None:
    """Write the matrix, Table 2 and the saturation table as the README's Python quick-start
    does (with the API's defaults, not the charting roqa report uses)."""
    from roqa_nlp import CodingResult, barriers_enablers, framework_matrix, saturation

    result = CodingResult.read(folder)
    framework_matrix(result).to_xlsx(m)
    barriers_enablers(result).to_docx(t)
    saturation(result).to_csv(s)


def test_report_keeps_no_copy_of_the_files_the_python_api_wrote(tmp_path: Path, capsys) -> None:
    """The README's Python quick-start wrote matrix.xlsx and table2.docx, and its CLI line
    `roqa report ... --table table2.docx --matrix matrix.xlsx` then said both were edited and
    kept .edited copies (s51 docs, finding 1): the Python writers record what they write."""
    from roqa_nlp.write_up_files import RECORD

    folder = alices_codings(tmp_path, {"name": "Alice"})
    m, t, s = tmp_path / "matrix.xlsx", tmp_path / "table2.docx", tmp_path / "saturation.csv"
    _written_in_python(folder, m, t, s)
    assert sorted(json.loads((tmp_path / RECORD).read_text(encoding="utf-8"))["written"]) == [
        "matrix.xlsx",
        "saturation.csv",
        "table2.docx",
    ]
    args = ["report", str(folder), "--matrix", str(m), "--table", str(t), "--saturation", str(s)]
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    assert _kept_files(tmp_path) == []
    assert f"matrix: {m}" in out and f"table: {t}" in out


def test_a_file_the_python_api_wrote_then_edited_is_kept(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    m, t, s = tmp_path / "matrix.xlsx", tmp_path / "table2.docx", tmp_path / "saturation.csv"
    _written_in_python(folder, m, t, s)
    _chart_in_excel(m)
    edited = m.read_bytes()
    args = ["report", str(folder), "--matrix", str(m), "--table", str(t), "--saturation", str(s)]
    code, _, err = run(args, capsys)
    kept = tmp_path / "matrix.edited.xlsx"
    assert code == 0
    assert err == (
        f"roqa: warning: {m}: edited since roqa wrote it (or roqa has no record of writing it): "
        f"your copy is kept as {kept}; the new one replaces it\n"
    )
    assert kept.read_bytes() == edited
    assert _kept_files(tmp_path) == ["matrix.edited.xlsx"]


def _written_earlier(path: Path, core: Callable[[bytes], bytes] = lambda xml: xml) -> None:
    """Give the package ``path`` (.xlsx, .docx) the dates of an earlier run: every part's time in
    the zip and the created/modified dates of its core properties (and ``core`` applied to
    them), as the same report written on another day has."""
    parts = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            parts[info.filename] = z.read(info)
    xml = re.sub(
        rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2025-01-02T03:04:05Z", parts[CORE]
    )
    assert xml != parts[CORE]
    parts[CORE] = core(xml)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 2, 3, 4, 6)), data)


CORE = "docProps/core.xml"


def test_the_first_report_after_upgrading_keeps_no_copy_of_a_file_as_roqa_writes_it(
    tmp_path: Path, capsys
) -> None:
    """With no record of writing the write-up files (a folder of a version before the record,
    s50), roqa report kept a .edited copy of each, though the matrix, Table 2 and saturation
    table on disk were those it was writing again (s50 closing note): a file whose content is
    the new file's (the same bytes, or a package whose parts are the same but for the dates
    it was written) has nothing of the researcher's to lose."""
    from roqa_nlp.write_up_files import RECORD

    folder = alices_codings(tmp_path, {"name": "Alice"})
    m, t, s = tmp_path / "matrix.xlsx", tmp_path / "table2.docx", tmp_path / "saturation.csv"
    args = ["report", str(folder), "--matrix", str(m), "--table", str(t), "--saturation", str(s)]
    assert run(args, capsys)[0] == 0
    (tmp_path / RECORD).unlink()
    _written_earlier(m)
    _written_earlier(t)
    code, out, err = run(args, capsys)
    assert (code, err) == (0, "")
    assert _kept_files(tmp_path) == []
    assert f"matrix: {m}" in out and f"table: {t}" in out and f"saturation: {s}" in out
    assert (tmp_path / RECORD).is_file()  # recorded from now on
    assert run(args, capsys)[2] == ""


def test_a_file_with_no_record_whose_content_differs_is_kept(tmp_path: Path, capsys) -> None:
    """Without the record only content tells: a matrix charted in Excel, Table 2 whose document
    properties were edited in Word (its title), a saturation table with a row more are kept."""
    from roqa_nlp.write_up_files import RECORD

    folder = alices_codings(tmp_path, {"name": "Alice"})
    m, t, s = tmp_path / "matrix.xlsx", tmp_path / "table2.docx", tmp_path / "saturation.csv"
    args = ["report", str(folder), "--matrix", str(m), "--table", str(t), "--saturation", str(s)]
    assert run(args, capsys)[0] == 0
    (tmp_path / RECORD).unlink()
    _chart_in_excel(m)
    _written_earlier(t, lambda xml: xml.replace(b"Summary of barriers", b"Table 2: barriers"))
    s.write_bytes(s.read_bytes() + b"P99,my own row\r\n")
    code, _, err = run(args, capsys)
    assert code == 0
    assert err.startswith("roqa: warning: 3 files edited since roqa wrote them (or roqa has no ")
    assert _kept_files(tmp_path) == [
        "matrix.edited.xlsx",
        "saturation.edited.csv",
        "table2.edited.docx",
    ]
    assert _summary(tmp_path / "matrix.edited.xlsx") == SUMMARY


def _package(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


def test_same_content_is_every_part_alike_but_the_dates_of_writing() -> None:
    from roqa_nlp.write_up_files import same_content

    core = b"<cp:c><dcterms:created x='1'>2026-01-01T00:00:00Z</dcterms:created></cp:c>"
    later = core.replace(b"2026-01-01", b"2026-02-02")
    sheet = {"xl/sheet1.xml": b"<v>Staffing</v>"}
    assert same_content(_package({**sheet, CORE: core}), _package({**sheet, CORE: later}))
    # a cell changed, of the same size; a part more; another author; not a package
    same_size = {"xl/sheet1.xml": b"<v>StaffinG</v>"}
    assert not same_content(_package({**same_size, CORE: core}), _package({**sheet, CORE: core}))
    more = _package({**sheet, CORE: core, "xl/comments1.xml": b"<c/>"})
    assert not same_content(more, _package({**sheet, CORE: core}))
    author = core.replace(b"</cp:c>", b"<dc:creator>Alice</dc:creator></cp:c>")
    assert not same_content(_package({**sheet, CORE: author}), _package({**sheet, CORE: core}))
    assert same_content(b"a,b\r\n", b"a,b\r\n")
    assert not same_content(b"a,b\r\n", b"a,c\r\n")


def test_report_and_export_given_a_write_up_file_say_what_it_is_and_give_the_codings_folder(
    tmp_path: Path, capsys
) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    files = {
        "matrix.xlsx": "the framework matrix roqa report wrote",
        "matrix.csv": "the framework matrix roqa report wrote",
        "table2.xlsx": "Table 2 (the barriers/enablers table) roqa report wrote",
        "table2.csv": "Table 2 (the barriers/enablers table) roqa report wrote",
        "table2.docx": "Table 2 (the barriers/enablers table) roqa report wrote",
        "saturation.xlsx": "the saturation table roqa report wrote",
        "saturation.csv": "the saturation table roqa report wrote",
    }
    for name in files:
        option = {"m": "--matrix", "t": "--table", "s": "--saturation"}[name[0]]
        assert run(["report", str(folder), option, str(folder / name)], capsys)[0] == 0
    _chart_in_excel(folder / "matrix.xlsx")  # charted in Excel: still the matrix
    for name, what in files.items():
        p = folder / name
        for command in (["report", str(p)], ["export", str(p), "--qdpx", str(tmp_path / "x.qdpx")]):
            code, _, err = run(command, capsys)
            assert (code, err) == (
                2,
                f"roqa: error: {p}: is {what}, not codings (give the folder roqa code wrote, "
                f"{folder}, or the codings.jsonl in it)\n",
            ), (name, command[0])


def test_agree_given_a_write_up_file_says_what_it_is_and_what_to_give(
    tmp_path: Path, capsys
) -> None:
    """Session 50's notes: `roqa agree matrix.csv` said "has no unit, coder, code column
    (found: participant, IC.A Intervention Source ...)", and Table 2 as .docx "cannot read
    .docx as codings"; report and export said what the file is."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    files = {
        "matrix.xlsx": "the framework matrix roqa report wrote",
        "matrix.csv": "the framework matrix roqa report wrote",
        "table2.csv": "Table 2 (the barriers/enablers table) roqa report wrote",
        "table2.docx": "Table 2 (the barriers/enablers table) roqa report wrote",
        "saturation.xlsx": "the saturation table roqa report wrote",
    }
    for name in files:
        option = {"m": "--matrix", "t": "--table", "s": "--saturation"}[name[0]]
        assert run(["report", str(folder), option, str(folder / name)], capsys)[0] == 0
    for name, what in files.items():
        p = folder / name
        code, _, err = run(["agree", str(folder), str(p)], capsys)
        assert (code, err) == (
            2,
            f"roqa: error: {p}: is {what}, not codings (to compare coders, give each one's "
            f"codings: the folder roqa code wrote, {folder}, or the codings.jsonl in it; a long "
            "table unit,coder,code; or a .qdpx)\n",
        ), name


def test_a_write_up_file_elsewhere_is_not_codings_and_names_no_folder(
    tmp_path: Path, capsys
) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    m = tmp_path / "paper" / "matrix.csv"
    m.parent.mkdir()
    assert run(["report", str(folder), "--matrix", str(m)], capsys)[0] == 0
    code, _, err = run(["report", str(m)], capsys)
    assert (code, err) == (
        2,
        f"roqa: error: {m}: is the framework matrix roqa report wrote, not codings (give the "
        "folder roqa code wrote, or the codings.jsonl in it)\n",
    )


def test_code_given_a_write_up_file_says_it_is_roqas_own_output(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    for name, option, what in (
        ("matrix.xlsx", "--matrix", "the framework matrix roqa report wrote"),
        ("table2.xlsx", "--table", "Table 2 (the barriers/enablers table) roqa report wrote"),
        ("saturation.csv", "--saturation", "the saturation table roqa report wrote"),
    ):
        p = tmp_path / name
        assert run(["report", str(folder), option, str(p)], capsys)[0] == 0
        code, _, err = run(["code", str(p), "--out", str(tmp_path / "coded")], capsys)
        assert (code, err) == (
            2,
            f"roqa: error: {p}: is {what}, not a transcript (give the interview transcripts "
            "to code them)\n",
        ), name


def test_a_saturation_table_an_older_roqa_wrote_without_the_rules_options_is_kept(
    tmp_path: Path, capsys
) -> None:
    """The saturation table's rows now end with the rule's options (s59 sat, item 2). A file
    with the columns an older roqa wrote is still its write-up file: kept, then replaced, not
    refused as a file that is no table of roqa's."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    s = tmp_path / "saturation.csv"
    older = (
        "n,interview,participant,new,new_codes,unsure_new_codes,cumulative,open_coding,"
        "stopping_rule\n1,p07,P07,2,IS.E.2,,2,0,initial sample\n"
    )
    s.write_text(older, encoding="utf-8")
    code, _, err = run(["report", str(folder), "--saturation", str(s)], capsys)
    assert code == 0, err
    assert (tmp_path / "saturation.edited.csv").read_text(encoding="utf-8") == older
    assert (
        s.read_text(encoding="utf-8-sig")
        .splitlines()[0]
        .endswith(
            ",stopping_rule,initial_sample,stopping_criterion,interview_order,guest_base_size,"
            "guest_run_length,guest_new_information"
        )
    )
