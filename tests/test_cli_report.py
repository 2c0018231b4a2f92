"""``roqa report`` on a person's codings (imported from a QDA program) charts every code they gave."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_agree import run

TEXT = "P07: We never have the staff. Our manager backs us though."


#: The CFIR 2.0 codes no CFIR 2009 code maps onto, but Critical Incidents (which a project's own
#: code may be named as), as the Table 2 note and the report's About text list them
UNREACHABLE = (
    "Local Attitudes, Local Conditions, External Pressure, Societal Pressure, Physical "
    "Infrastructure, Information Technology Infrastructure, Work Infrastructure, Human "
    "Equality-Centeredness, Deliverer-Centeredness, Mission Alignment, Funding, Space, "
    "Materials & Equipment, Other Implementation Support, Innovation Deliverers, Innovation "
    "Recipients, Teaming, Assessing Needs, Assessing Needs: Innovation Deliverers, Assessing "
    "Context, Tailoring Strategies, Engaging: Innovation Deliverers, Engaging: Innovation "
    "Recipients, Reflecting & Evaluating: Innovation, Adapting."
)


def alices_codings(tmp_path: Path, user: dict[str, str] | None, *, model: bool = False) -> Path:
    """One passage Alice coded with two codes (Available Resources, then Leadership Engagement),
    and one with Available Resources alone."""
    t = Transcript(
        id="p07",
        text=TEXT,
        turns=[Turn("P07", "participant", 5, len(TEXT))],
        participant="P07",
    )

    def seg(n: int, start: int, end: int, *codes: tuple[str, str, str]) -> SegmentResult:
        return SegmentResult(
            segment=Segment(
                f"p07:{n:04d}", "p07", "P07", "participant", start, end, TEXT[start:end]
            ),
            suggestions=[
                Suggestion(code_id=c, name=name, domain="IS", probability=1.0, valence=v)
                for c, name, v in codes
            ],
        )

    result = CodingResult(
        segments=[
            seg(
                1,
                5,
                29,
                ("IS.E.2", "Available Resources", "barrier"),
                ("IS.E.1", "Leadership Engagement", "neutral"),
            ),
            seg(2, 30, len(TEXT), ("IS.E.2", "Available Resources", "enabler")),
        ],  # fmt: skip
        transcripts={"p07": t},
        meta={
            "codebook": "cfir-2009",
            **({"user": user} if user else {}),
            **({"model": {"model_sha256": "0" * 64}} if model else {}),
        },
    )
    out = tmp_path / "Alice"
    result.save(out)
    return out


def matrix_codes(path: Path, participant: str = "P07") -> list[str]:
    """The codes of the matrix's row of ``participant`` with something charted."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        header, *rows = csv.reader(f)
    (row,) = (r for r in rows if r[0] == participant)
    return [
        h.split()[0]
        for h, cell in zip(header[1:], row[1:], strict=True)
        if cell.strip() and not cell.startswith("not codable from ")  # a code none maps onto
    ]


def test_report_charts_every_code_of_a_persons_passage(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    m = tmp_path / "m.csv"
    code, out, err = run(["report", str(folder), "--matrix", str(m)], capsys)
    assert (code, err) == (0, "")
    assert "charting every code Alice gave a passage" in out
    assert matrix_codes(m) == ["IS.E.1", "IS.E.2"]  # Leadership Engagement, Available Resources
    # --top-k still decides when given
    code, out, _ = run(["report", str(folder), "--matrix", str(m), "--top-k", "1"], capsys)
    assert code == 0 and matrix_codes(m) == ["IS.E.2"]


def test_report_charts_a_models_top_code_only_by_default(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, None, model=True)  # a model's run
    m = tmp_path / "m.csv"
    code, out, _ = run(["report", str(folder), "--matrix", str(m)], capsys)
    assert code == 0 and "charting every code" not in out
    assert matrix_codes(m) == ["IS.E.2"]


def test_codings_that_record_no_maker_but_read_as_a_persons_are_charted_whole(
    tmp_path: Path, capsys
) -> None:
    """Audit F: a hand-made codings.jsonl (probability 1, no run record) was a person's to
    roqa agree but a model's top-1 to roqa report and export (29 of 84 codes dropped)."""
    folder = alices_codings(tmp_path, None)
    for s in CodingResult.read(folder):
        assert all(g.probability == 1.0 for g in s.suggestions)
    (folder / "run.json").unlink()  # a bare codings.jsonl
    m = tmp_path / "m.csv"
    code, out, _ = run(["report", str(folder), "--matrix", str(m)], capsys)
    assert code == 0 and "charting every code Alice gave a passage" in out
    assert matrix_codes(m) == ["IS.E.1", "IS.E.2"]
    page = (folder / "report.html").read_text("utf-8")
    assert "Charted from the codes Alice gave." in page  # the read-only page of a person
    assert 'data-action="accept"' not in page
    q = tmp_path / "a.qdpx"
    code, out, err = run(["export", str(folder), "--qdpx", str(q)], capsys)
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        "reads as a person's codings (every probability 1): exported under the name 'Alice'" in said
    )
    assert "3 codings by user 'Alice'" in said


def test_a_hand_edited_copy_of_a_models_codings_keeping_its_novel_flags_is_a_persons(
    tmp_path: Path, capsys
) -> None:
    """A second coder edits a copy of codings.jsonl: suggestions replaced by their own codes at
    probability 1, every other field kept, "novel": false included. Before: read as a model's
    (the flag taken for a model's novelty flag), Table 2 captioned "Charted from the model's top
    suggestion ... Not reviewed" and the passage's second code (Leadership Engagement) dropped."""
    folder = alices_codings(tmp_path, None)
    edited = CodingResult.read(folder)
    for s in edited.segments:
        s.novel, s.novelty_p, s.procedural, s.off_topic = False, 0.42, False, False
    edited.save(folder)
    (folder / "run.json").unlink()  # a bare codings.jsonl
    assert '"novel": false' in (folder / "codings.jsonl").read_text("utf-8")
    m, t = tmp_path / "m.csv", tmp_path / "t2.docx"
    code, out, err = run(["report", str(folder), "--matrix", str(m), "--table", str(t)], capsys)
    assert code == 0, err
    assert "charting every code Alice gave a passage" in out
    assert matrix_codes(m) == ["IS.E.1", "IS.E.2"]
    from docx import Document

    assert Document(str(t)).paragraphs[1].text == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "codes Alice gave: 2 of 2 participant segments."
    )


def test_report_writes_table2_as_word_and_saturation_for_a_write_up(tmp_path: Path, capsys) -> None:
    from docx import Document

    folder = alices_codings(tmp_path, {"name": "Alice"})
    t, s = tmp_path / "table2.docx", tmp_path / "sat.csv"
    code, out, err = run(["report", str(folder), "--table", str(t), "--saturation", str(s)], capsys)
    assert (code, err) == (0, "")
    said = " ".join(out.split())
    assert f"table: {t}" in said
    assert (
        f"saturation: {s} (10+3 rule, on the codes Alice gave): Saturation not reached. Only 1 "
        "interview(s)"
    ) in said
    doc = Document(str(t))
    assert [p.text for p in doc.paragraphs] == [
        "Summary of barriers and enablers",
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "codes Alice gave: 2 of 2 participant segments.",
        "Not in the table: 1 segment whose valence is neutral (neither barrier nor enabler), "
        "under 1 construct. Charted only as neutral, so in no row above: Leadership Engagement "
        "(Readiness for Implementation) (1 segment). Give them a valence in review if they are "
        "barriers or enablers.",  # Alice's second code of the first passage
    ]
    cells = [[p.text for p in c.paragraphs] for c in doc.tables[0].rows[2].cells]
    assert cells == [
        ["Available Resources (Readiness for Implementation): 1 participant (P07), 1 segment", "\u201cWe never have the staff.\u201d (P07)"],
        ["Available Resources (Readiness for Implementation): 1 participant (P07), 1 segment", "\u201cOur manager backs us though.\u201d (P07)"],
    ]  # fmt: skip
    with s.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [
            [
                "n",
                "interview",
                "participant",
                "new",
                "new_codes",
                "unsure_new_codes",
                "cumulative",
                "open_coding",
                "stopping_rule",
                "initial_sample",
                "stopping_criterion",
                "interview_order",
                "guest_base_size",
                "guest_run_length",
                "guest_new_information",
            ],
            [
                "1",
                "p07",
                "P07",
                "2",
                "IS.E.1 Leadership Engagement; IS.E.2 Available Resources",
                "",
                "2",
                "0",
                "initial sample",
                "10",
                "3",
                "as coded",
                "4",
                "2",
                "0.05",
            ],
        ]
    # the same table as a spreadsheet, and a model's run is said to be unreviewed suggestions
    x = tmp_path / "table2.csv"
    code, _, _ = run(["report", str(folder), "--table", str(x)], capsys)
    with x.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert code == 0 and [r[2] for r in rows[1:]] == ["IS.E.1", "IS.E.2"]
    model = alices_codings(tmp_path / "m", None, model=True)
    code, _, _ = run(["report", str(model), "--table", str(t)], capsys)
    assert code == 0
    assert Document(str(t)).paragraphs[1].text == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "model's top suggestion: 2 of 2 participant segments. Not reviewed by a researcher."
    )
    # a threshold, and the talk that is not charted, are said (audit T, D6); so is a translation
    # into another codebook (D7)
    model = alices_codings(tmp_path / "m2", None, model=True)
    r = CodingResult.read(model)
    first, second = r.segments
    weak = [dataclasses.replace(g, probability=0.55) for g in first.suggestions]
    r.segments = [
        dataclasses.replace(first, suggestions=weak),
        dataclasses.replace(second, novel=True),  # fits no code
    ]
    r.save(model)
    code, out, _ = run(
        ["report", str(model), "--table", str(t), "--min-probability", "0.6", "--codebook", "cfir-2022"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert Document(str(t)).paragraphs[1].text == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2.0. Charted from the "
        "model's top suggestion with a probability of at least 0.6: 0 of 2 participant segments "
        "(1 fits no code or is procedural talk; 1 falls below the threshold). Not reviewed by a "
        "researcher. Codes translated from cfir-2009 to cfir-2022 through the documented mapping "
        "(a suggestion that maps onto several codes is charted under the one the segment's words "
        "fit best, at the model's probability for it). No cfir-2009 code maps onto 26 of the 67 "
        "cfir-2022 codes, so they cannot be charted from these codings and an empty column of "
        "theirs says nothing of what was said (they are named below the table)."
    )
    # named in a note below the table, not in the caption a journal prints (s71 outputs D3)
    assert Document(str(t)).paragraphs[-1].text == (
        f"No cfir-2009 code maps onto these cfir-2022 codes: Critical Incidents, {UNREACHABLE}"
    )


def test_report_refuses_a_table_or_saturation_format_it_cannot_write(
    tmp_path: Path, capsys
) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    for option, name, fmt in [("--table", "t.pdf", ".docx, .xlsx or .csv"), ("--saturation", "s.docx", ".xlsx or .csv")]:  # fmt: skip
        code, out, err = run(["report", str(folder), option, str(tmp_path / name)], capsys)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1
        assert name in err and f"use a {fmt} file name" in err
        assert not (tmp_path / name).exists()
        assert not (folder / "report.html").exists()  # refused before anything is written


def test_report_checks_every_output_path_before_writing_any(tmp_path: Path, capsys) -> None:
    """Audit T, D15: an unwritable --table failed only after report.html and the matrix were
    written; one path for two outputs kept the last; --table could replace codings.csv."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "folder.docx").mkdir()
    codings_csv = (folder / "codings.csv").read_bytes()
    cases = [
        (["--table", str(tmp_path / "afile" / "t.docx"), "--matrix", str(tmp_path / "m.csv")], "afile/t.docx: cannot be written: a part of its folder path is a file"),
        (["--table", str(tmp_path / "folder.docx")], "folder.docx: is a folder, not a file"),
        (["--table", str(tmp_path / "same.csv"), "--saturation", str(tmp_path / "same.csv")], "same.csv: --table and --saturation would write one file"),
        (["--matrix", str(tmp_path / "same.csv"), "--table", str(tmp_path / "same.csv")], "same.csv: --matrix and --table would write one file"),
        (["--matrix", str(tmp_path / "m.csv"), "--out", str(tmp_path / "same.csv")], "same.csv: --out writes an HTML report, not a .csv file"),
        (["--table", str(folder / "codings.csv")], "codings.csv: --table would overwrite a file the codings are read from"),
    ]  # fmt: skip
    for args, said in cases:
        code, out, err = run(["report", str(folder), *args], capsys)
        assert (code, out) == (2, ""), args
        assert said in err and len(err.strip().splitlines()) == 1, err
    assert not (folder / "report.html").exists() and not (tmp_path / "m.csv").exists()
    assert (folder / "codings.csv").read_bytes() == codings_csv


def test_table_quotes_sets_the_quotes_of_the_word_table(tmp_path: Path, capsys) -> None:
    from docx import Document

    folder = alices_codings(tmp_path, {"name": "Alice"})
    t = tmp_path / "t.docx"
    for n, paragraphs in ((0, 1), (1, 2)):
        code, _, _ = run(["report", str(folder), "--table", str(t), "--table-quotes", str(n)], capsys)  # fmt: skip
        assert code == 0
        assert len(Document(str(t)).tables[0].rows[2].cells[0].paragraphs) == paragraphs


def test_saturation_file_does_not_repeat_the_reports_warnings(tmp_path: Path, capsys) -> None:
    from report_fixture import build_result

    build_result().save(tmp_path / "coded")
    code, _, err = run(
        ["report", str(tmp_path / "coded"), "--saturation", str(tmp_path / "s.csv"), "--order", "p02_interview,p01_interview"],
        capsys,
    )  # fmt: skip
    assert code == 0
    assert err.count("leaves out 1 of the 3 transcripts (p03_interview)") == 1, err


def test_the_word_table_says_how_many_passages_were_given_no_valence(
    tmp_path: Path, capsys
) -> None:
    """A reviewer's imported codings record the passages given no valence (roqa import:
    valence_not_given); the table counts them as neutral and says so."""
    from docx import Document

    folder = alices_codings(tmp_path, {"name": "Alice"})
    r = CodingResult.read(folder)
    r.meta["valence_not_given"] = ["p07:0001"]
    r.save(folder)
    t = tmp_path / "t.docx"
    code, _, _ = run(["report", str(folder), "--table", str(t)], capsys)
    assert code == 0
    assert (
        Document(str(t))
        .paragraphs[1]
        .text.endswith(
            "Charted from the codes Alice gave: 2 of 2 participant segments. Alice gave no valence "
            "to 1 of them, counted as neutral."
        )
    )


def test_the_word_table_says_why_segments_are_not_charted(tmp_path: Path, capsys) -> None:
    """Audit T2, N2, N8: segments whose code has no counterpart in the codebook charted, and a
    person's segments given no code, were left out of the count unexplained."""
    from docx import Document

    folder = alices_codings(tmp_path, None, model=True)
    r = CodingResult.read(folder)
    first, second = r.segments
    nowhere = Suggestion("IS.D.3", "Relative Priority", "IS", 0.9, "barrier")  # no theme
    r.segments = [first, dataclasses.replace(second, suggestions=[nowhere])]
    r.save(folder)
    t = tmp_path / "t.docx"
    code, _, _ = run(["report", str(folder), "--table", str(t), "--codebook", "erondu-2021"], capsys)  # fmt: skip
    assert code == 0
    assert "top suggestion: 1 of 2 participant segments (1 has no code in erondu-2021)." in (
        Document(str(t)).paragraphs[1].text
    )
    alice = alices_codings(tmp_path / "a", {"name": "Alice"})
    r = CodingResult.read(alice)
    r.segments = [r.segments[0], dataclasses.replace(r.segments[1], suggestions=[])]
    r.save(alice)
    code, _, _ = run(["report", str(alice), "--table", str(t)], capsys)
    said = Document(str(t)).paragraphs[1].text
    assert said.endswith("Charted from the codes Alice gave: 1 of 2 participant segments (1 given no code).")  # fmt: skip


def test_the_table_workbook_says_what_it_charts(tmp_path: Path, capsys) -> None:
    """Audit T2, N6: the .xlsx table recorded nothing of what was charted."""
    from openpyxl import load_workbook

    folder = alices_codings(tmp_path, {"name": "Alice"})
    x = tmp_path / "t.xlsx"
    code, _, _ = run(["report", str(folder), "--table", str(x)], capsys)
    assert code == 0
    about = load_workbook(x)["About"]
    assert [c.value for c in about["A"]] == [
        "what this table charts",
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "codes Alice gave: 2 of 2 participant segments.",
    ]


def test_an_order_naming_no_interview_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    """--order "" wrote a saturation file with no rows and exited 0 (session 29)."""
    from report_fixture import build_result

    build_result().save(tmp_path / "coded")
    empty = tmp_path / "order.txt"
    empty.write_text("\n  \n", "utf-8")
    for given, said in (
        ("", "roqa: error: --order names no interview"),
        (" , ", "roqa: error: --order names no interview"),
        (str(empty), f"roqa: error: {empty}: --order names no interview"),
    ):
        code, _, err = run(
            ["report", str(tmp_path / "coded"), "--saturation", str(tmp_path / "s.csv"), "--order", given],
            capsys,
        )  # fmt: skip
        assert code != 0
        assert err.strip().splitlines() == [
            f"{said} (give transcript ids separated by commas, or a text file with one per line)"
        ]
    assert not (tmp_path / "s.csv").exists()


def test_an_order_file_may_separate_ids_by_commas(tmp_path: Path, capsys) -> None:
    """An order file line 'p02_interview, p01_interview' was refused as one unknown transcript
    (session 29): commas separate ids in the file as on the command line."""
    from report_fixture import build_result

    build_result().save(tmp_path / "coded")
    order = tmp_path / "order.txt"
    order.write_text("p02_interview, p01_interview\np03_interview\n", "utf-8")
    code, _, err = run(
        ["report", str(tmp_path / "coded"), "--saturation", str(tmp_path / "s.csv"), "--order", str(order)],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    rows = list(csv.reader((tmp_path / "s.csv").open(encoding="utf-8-sig")))
    assert [r[1] for r in rows[1:]] == ["p02_interview", "p01_interview", "p03_interview"]


def test_an_order_longer_than_a_file_name_is_read_as_ids(tmp_path: Path, capsys) -> None:
    """The saturation note's --order example names every transcript (namesmend, s90): twelve
    ``Research interview (N)`` ids are longer than a file name may be, and pasted they stopped
    roqa report with "File name too long (check the path)"."""
    names = ["Research interview", *(f"Research interview ({n})" for n in range(1, 12))]
    folder = interviews_of(tmp_path, [(n, n) for n in names])
    order = ",".join(names)
    assert len(order) > 255
    code, _, err = run(
        ["report", str(folder), "--saturation", str(tmp_path / "s.csv"), "--order", order], capsys
    )
    assert code == 0, err
    rows = list(csv.reader((tmp_path / "s.csv").open(encoding="utf-8-sig")))
    assert [r[1] for r in rows[1:]] == names


def interviews_of(tmp_path: Path, ids: list[tuple[str, str]]) -> Path:
    """One coded passage per transcript (id, participant), held in the order given."""
    transcripts, segments = {}, []
    for tid, who in ids:
        text = f"{who}: We never have the staff."
        transcripts[tid] = Transcript(
            id=tid, text=text, turns=[Turn(who, "participant", 5, len(text))], participant=who
        )
        segments.append(
            SegmentResult(
                Segment(f"{tid}:0001", tid, who, "participant", 5, len(text), text[5:]),
                [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")],
            )
        )
    out = tmp_path / "Alice"
    CodingResult(segments, transcripts, {"codebook": "cfir-2009", "user": {"name": "Alice"}}).save(
        out
    )
    return out


def test_saturation_notes_when_the_coded_order_is_not_the_participants(
    tmp_path: Path, capsys
) -> None:
    """Interview 9 - final.txt (P09) sorts before p01 ... by file name: saturation counted it
    first, and nothing said so. Then a note said so, the verdicts still on the order coded; now
    (study8 tester, s78, L5), every interview's id a participant number, saturation takes them in
    participant order, and the note says so and how to give another."""
    names = [("Interview 9 - final", "P09"), ("manager_call", "P06"), ("p01", "P01")]
    names += [(f"p{n:02d}", f"P{n:02d}") for n in (2, 3, 4, 5)] + [("twelve", "P12")]
    folder = interviews_of(tmp_path, names)
    s = tmp_path / "s.csv"
    code, out, err = run(["report", str(folder), "--saturation", str(s)], capsys)
    assert code == 0, err
    assert out.splitlines()[-1] == (
        "note: saturation takes the interviews in participant order (P01\u2013P06, P09, P12), as "
        "every interview's id is a participant number, not in the order they were coded (a "
        "folder's files by name, files named one by one in the order named; here by "
        "participant: P09, P06, P01\u2013P05, P12); if they were done in another order, give it "
        "as participant or transcript ids: `roqa report --order P01,P02,P03,...` (or a file with "
        'one per line), or `order=["P01", "P02", "P03", ...]` in Python (saturation, '
        "ReportOptions)"
    )
    rows = list(csv.DictReader(s.read_text("utf-8-sig").splitlines()))
    assert [r["participant"] for r in rows] == ["P01", "P02", "P03", "P04", "P05", "P06", "P09", "P12"]  # fmt: skip
    assert {r["interview_order"] for r in rows} == {"participant"}
    code, out, _ = run(["report", str(folder), "--saturation", str(s), "--order", "P01,P02,P03,P04,P05,P06,P09,P12"], capsys)  # fmt: skip
    assert code == 0 and "note: saturation" not in out


def test_the_order_note_is_in_the_report_the_workbook_and_the_python_result(
    tmp_path: Path, capsys
) -> None:
    """Blind tester s51 (saturation, finding 3): with P7's date-named file read last the
    verdict flipped, and only the terminal said the interviews were taken in the order coded,
    not the participants'. report.html's saturation section, the workbook's Verdicts sheet and
    ``Saturation.order_note`` now carry the same note; the terminal prints it. A file name
    holding a date (``zoom_2024-03-18``) keeps the order coded, not participant order (session
    78 hunt5 F1), so the note is the one for the order coded."""
    from openpyxl import load_workbook

    from roqa_nlp.framework import saturation

    names = [(f"P{n}", f"P{n}") for n in (1, 2, 3, 4, 5, 6, 8)] + [("zoom_2024-03-18", "P7")]
    folder = interviews_of(tmp_path, names)
    note = (
        "saturation takes the interviews in the order they were coded (a folder's files by "
        "name, files named one by one in the order named; here by participant: P1\u2013P6, P8, "
        "P7), not participant order (P1\u2013P8); to judge it in the order they were done in, "
        "give that order as participant or transcript ids: `roqa report --order P1,P2,P3,...` "
        '(or a file with one per line), or `order=["P1", "P2", "P3", ...]` in Python '
        "(saturation, ReportOptions)"
    )
    assert saturation(CodingResult.read(folder)).order_note == note
    s, page = tmp_path / "s.xlsx", tmp_path / "r.html"
    code, out, err = run(
        ["report", str(folder), "--out", str(page), "--saturation", str(s)], capsys
    )
    assert code == 0, err
    assert out.splitlines()[-1] == "note: " + note
    section = page.read_text("utf-8").split('<section id="saturation">')[1].split("</section>")[0]
    shown = note.replace(chr(39), "&#39;").replace('"', "&#34;")
    assert f"<strong>Interview order:</strong> {shown}." in section
    rows = list(load_workbook(s)["Verdicts"].iter_rows(values_only=True))
    assert rows[-1] == ("interview order", None, None, None, None, note)
    code, out, err = run(
        ["report", str(folder), "--out", str(page), "--saturation", str(s), "--order",
         "P1,P2,P3,P4,P5,P6,P7,P8"], capsys,
    )  # fmt: skip
    assert code == 0, err
    assert "Interview order:" not in page.read_text("utf-8")
    assert [r[0] for r in load_workbook(s)["Verdicts"].iter_rows(values_only=True)][-1] != (
        "interview order"
    )
    assert saturation(CodingResult.read(folder), order="P1,P2").order_note == ""


def test_saturation_says_nothing_of_order_in_participant_order_or_without_numbered_ids(
    tmp_path: Path, capsys
) -> None:
    s = tmp_path / "s.csv"
    for ids in (
        [("p01", "P01"), ("p02", "P02"), ("p10", "P10")],  # in order
        [("b", "P02"), ("a", "P01"), ("focus", "focus")],  # a case not numbered
        [("b", "P02"), ("a", "S01")],  # numbered alike? no
    ):
        folder = interviews_of(tmp_path / ids[0][0] / ids[1][0], ids)
        code, out, err = run(["report", str(folder), "--saturation", str(s)], capsys)
        assert code == 0, err
        assert "note: saturation" not in out


BEA = (
    "P02: NHS England pushed it. "
    "Agency staff never had a log-in. "
    "Nobody felt it was urgent. "
    "The ransomware attack sent us back to paper. "
    "We had no money for devices."
)

#: Bea's code of each sentence of BEA: (code id, name, valence).
BEAS_CODES = [
    ("OS.D", "External Policy & Incentives", "enabler"),  # -> OUT.E, OUT.F, OUT.G.3
    ("CI.E", "Other Personal Attributes", "barrier"),  # -> IND.J, IND.K, IND.L, IND.M
    ("IS.D", "Implementation Climate", "neutral"),  # -> five INS codes and two PRO codes
    ("project.critical-incidents", "Critical Incidents", "barrier"),  # a new code of hers
    ("IS.E.2", "Available Resources", "barrier"),  # -> INS.J
]


def beas_codings(tmp_path: Path) -> Path:
    """Five passages Bea reviewed in CFIR 2009, one code each (:data:`BEAS_CODES`)."""
    t = Transcript(
        id="p02", text=BEA, turns=[Turn("P02", "participant", 5, len(BEA))], participant="P02"
    )
    ends = [i + 1 for i, ch in enumerate(BEA) if ch == "."]
    starts = [5, *(e + 1 for e in ends[:-1])]
    segments = [
        SegmentResult(
            Segment(f"p02:{n:04d}", "p02", "P02", "participant", a, b, BEA[a:b]),
            [Suggestion(code, name, None, 1.0, valence)],
        )
        for n, (a, b, (code, name, valence)) in enumerate(
            zip(starts, ends, BEAS_CODES, strict=True), 1
        )
    ]
    meta = {"codebook": "cfir-2009+project", "user": {"name": "Bea"}}
    out = tmp_path / "Bea"
    CodingResult(segments, {"p02": t}, meta).save(out)
    return out


def test_a_persons_code_with_several_cfir_2_0_counterparts_is_charted_once(
    tmp_path: Path, capsys
) -> None:
    """Tester H (session 32): a reviewer's one passage accepted as External Policy & Incentives
    was charted in CFIR 2.0's Table 2 as Policies & Laws, Financing and Performance-Measurement
    Pressure, a whole segment each; Other Personal Attributes under Need, Capability,
    Opportunity and Motivation; her new code "Critical Incidents" under "Codes outside the
    codebook"; and the note said a code's probability was shared. Each passage is now one
    segment of one row: a code with several counterparts is charted as she gave it, under the
    domain they share (or a heading of its own when they lie in several), a new code named as a
    CFIR 2.0 construct as that construct; the matrix and saturation count the same codes."""
    from openpyxl import load_workbook

    folder = beas_codings(tmp_path)
    t, x, m, s = (tmp_path / n for n in ("t.csv", "t.xlsx", "m.csv", "s.csv"))
    args = ["--codebook", "cfir-2022", "--matrix", str(m), "--saturation", str(s)]
    code, out, err = run(["report", str(folder), "--table", str(t), *args], capsys)
    assert (code, err) == (0, "")
    with t.open(encoding="utf-8-sig", newline="") as f:
        rows = [
            (r["domain_id"], r["code_id"], r["construct"], r["barriers_segments"])
            + (r["enablers_segments"], r["neutral_segments"])
            for r in csv.DictReader(f)
        ]
    assert rows == [
        ("OUT", "OUT.A", "Critical Incidents", "1", "0", "0"),
        (
            "OUT",
            "cfir-2009:OS.D",
            "External Policy & Incentives (cfir-2009): one of Policies & Laws / Financing / "
            "Performance-Measurement Pressure",
            "0",
            "1",
            "0",
        ),
        ("INS", "INS.J", "Available Resources", "1", "0", "0"),
        (
            "IND",
            "cfir-2009:CI.E",
            "Other Personal Attributes (cfir-2009): one of Need / Capability / Opportunity / "
            "Motivation",
            "1",
            "0",
            "0",
        ),
        (
            "cfir-2009",
            "cfir-2009:IS.D",
            "Implementation Climate (cfir-2009): one of Tension for Change / Compatibility / "
            "Relative Priority / Incentive Systems / Learning-Centeredness (Inner Setting) / "
            "Planning / Reflecting & Evaluating: Implementation (Implementation Process)",
            "0",
            "0",
            "1",
        ),
    ]
    assert matrix_codes(m, "P02") == [  # codebook order, the rows of several domains last
        "OUT.A",
        "cfir-2009:OS.D",
        "INS.J",
        "cfir-2009:CI.E",
        "cfir-2009:IS.D",
    ]
    with s.open(encoding="utf-8-sig", newline="") as f:
        (sat,) = csv.DictReader(f)
    assert (sat["new"], sat["cumulative"]) == ("5", "5")
    code, _, _ = run(["report", str(folder), "--table", str(x), "--codebook", "cfir-2022"], capsys)
    assert code == 0
    assert load_workbook(x)["About"]["A2"].value == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2.0. Charted from the "
        "codes Bea gave: 5 of 5 participant segments. Codes translated from cfir-2009 to "
        "cfir-2022 through the documented mapping; a code Bea gave that maps onto several "
        "cfir-2022 codes is charted once, under its own name with the codes it may be (3 such: "
        "cfir-2009:CI.E, cfir-2009:IS.D, cfir-2009:OS.D). A code of the project's own named as a "
        "cfir-2022 code is charted as that code (project.critical-incidents as OUT.A). No "
        "cfir-2009 code maps onto 25 of the 67 cfir-2022 codes, so they cannot be charted from "
        f"these codings and an empty column of theirs says nothing of what was said: {UNREACHABLE}"
    )


def test_report_and_export_chart_in_the_codebook_roqa_code_chose(tmp_path: Path, capsys) -> None:
    """Tester R (session 35): after `roqa code --codebook cfir-2022`, `roqa report coded/` (or a
    copy of the folder), `--table` and `roqa export --qdpx` charted everything in CFIR 2009
    again, with no note. The codebook chosen is recorded in run.json (``chart_codebook``) and is
    the default of every later chart, said in one line; an explicit --codebook still wins."""
    import json

    from roqa_nlp.exchange import read_qdpx_codings

    model = alices_codings(tmp_path, None, model=True)
    run_json = model / "run.json"
    meta = json.loads(run_json.read_text("utf-8"))
    run_json.write_text(json.dumps({**meta, "chart_codebook": "cfir-2022"}), "utf-8")

    def table(*extra: str) -> list[str]:
        t = tmp_path / "t.csv"
        code, out, err = run(["report", str(model), "--table", str(t), *extra], capsys)
        assert (code, err) == (0, "")
        with t.open(encoding="utf-8-sig", newline="") as f:
            rows = [r["code_id"] for r in csv.DictReader(f)]
        return [*out.split("report: ")[0].splitlines(), *rows]

    said = (
        "charting in cfir-2022, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook cfir-2009 charts the codings' own codes"
    )
    # the codes CFIR 2009 codings can never carry, counted and the first named, as docs/codebooks.md
    # says the terminal says (cfir2022 tester, session 55: the line only said "translated")
    translated = (
        "codes translated from cfir-2009 to cfir-2022 through the documented mapping; no "
        "cfir-2009 code maps onto 26 of the 67 cfir-2022 codes, so they cannot be charted from "
        "these codings and an empty column of theirs says nothing of what was said: Critical "
        "Incidents, Local Attitudes, Local Conditions, External Pressure, Societal Pressure and "
        "21 more"
    )
    assert table() == [said, translated, "INS.J"]
    assert "CFIR) 2.0" in (model / "report.html").read_text("utf-8")
    assert table("--codebook", "cfir-2009") == ["IS.E.2"]
    project = tmp_path / "p.qdpx"
    code, out, err = run(["export", str(model), "--qdpx", str(project)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[:2] == [said, translated]
    assert "codebook cfir-2022" in out.splitlines()[-1]
    (exported,) = read_qdpx_codings(project).values()
    assert {g.code_id for s in exported for g in s.suggestions} == {"INS.J"}


def test_a_cfir_2_0_sub_construct_named_with_its_parent_is_not_labelled_twice() -> None:
    """Tester R (session 35): the Word Table 2 row read "Assessing Needs: Innovation Recipients
    (Assessing Needs)". A sub-construct whose name starts with its construct's is shown as
    named; one whose name does not keeps its construct in brackets."""
    from roqa_nlp.framework import ConstructRow, Side
    from roqa_nlp.framework_docx import construct_name

    empty = Side("neutral")
    recipients = ConstructRow(
        "PRO.B.2", "Assessing Needs: Innovation Recipients", empty, empty, empty, "Assessing Needs"
    )
    tension = ConstructRow(
        "IS.D.1", "Tension for Change", empty, empty, empty, "Implementation Climate"
    )
    assert construct_name(recipients) == "Assessing Needs: Innovation Recipients"
    assert construct_name(tension) == "Tension for Change (Implementation Climate)"


def own_themes(path: Path) -> Path:
    """The seed study's themes as a codebook file of a project's own (id ``my-themes``)."""
    import json

    from roqa_nlp.codebook import Codebook

    data = Codebook.load("erondu-2021").to_dict()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({**data, "id": "my-themes"}), "utf-8")
    return path


def test_a_run_charted_in_a_codebook_file_keeps_it_when_the_file_moves(
    tmp_path: Path, capsys
) -> None:
    """Tester W (session 35): run.json recorded the absolute path of `roqa code --codebook
    cb/mythemes.json`; once the file moved (or the folder was shared) `roqa report` failed with
    ".../cb/mythemes.json: codebook not found". The codebook is now kept with the result
    (chart_codebook.json, recorded by that name) and read from there; an old record of a file
    that is gone says where it came from and how to chart anyway."""
    import json
    import shutil

    from roqa_nlp.codebook import Codebook
    from roqa_nlp.crosswalk import CHART_FILE, keep_chart

    model = alices_codings(tmp_path, None, model=True)
    book = Codebook.load(own_themes(tmp_path / "cb" / "mythemes.json"))
    run_json = model / "run.json"
    meta = json.loads(run_json.read_text("utf-8"))
    record, kept = keep_chart(book, model)
    assert (record, kept) == (CHART_FILE, model / CHART_FILE)
    assert keep_chart(Codebook.load("cfir-2022"), model) == ("cfir-2022", None)
    run_json.write_text(json.dumps({**meta, "chart_codebook": record}), "utf-8")
    shutil.rmtree(tmp_path / "cb")
    shared = tmp_path / "shared" / "Alice"
    shutil.copytree(model, shared)  # the folder shared: read where it is now
    code, out, err = run(["report", str(shared), "--table", str(tmp_path / "t.csv")], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "charting in my-themes, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook cfir-2009 charts the codings' own codes"
    )
    # a run recorded before: the absolute path of a file that is no longer there
    gone = str(tmp_path / "cb" / "mythemes.json")
    run_json.write_text(json.dumps({**meta, "chart_codebook": gone}), "utf-8")
    code, out, err = run(["report", str(model)], capsys)
    assert code == 2, err
    assert err.strip() == (
        f"roqa: error: {run_json}: codebook {gone} not found: run.json's chart_codebook names "
        "it, the codebook `roqa code --codebook` charted this run in (give --codebook with the "
        "file or a built-in id, which overrides run.json, or put the file back)"
    )


def test_the_python_charts_of_a_run_default_to_the_codebook_roqa_code_chose(
    tmp_path: Path,
) -> None:
    """Tester W (session 35): barriers_enablers(CodingResult.read("c22/")) (and framework_matrix,
    saturation, the report) charted CFIR 2009 although run.json recorded `roqa code --codebook
    cfir-2022`. The recorded codebook is the default there as in `roqa report`; an explicit
    codebook still wins."""
    import json

    from roqa_nlp.framework import barriers_enablers, framework_matrix, saturation
    from roqa_nlp.report import render_report

    model = alices_codings(tmp_path, None, model=True)
    run_json = model / "run.json"
    meta = json.loads(run_json.read_text("utf-8"))
    run_json.write_text(json.dumps({**meta, "chart_codebook": "cfir-2022"}), "utf-8")
    result = CodingResult.read(model)
    table = barriers_enablers(result)
    assert [(c.code_id, c.name) for d in table.domains for c in d.constructs] == [
        ("INS.J", "Available Resources")
    ]
    assert framework_matrix(result).codes == ["INS.J"]
    assert saturation(result).new_codes == [["INS.J"]]
    assert "CFIR) 2.0" in render_report(result)
    assert [c.code_id for d in barriers_enablers(result, "cfir-2009").domains for c in d.constructs] == ["IS.E.2"]  # fmt: skip
    assert "IS.E.2" in framework_matrix(result, codebook="cfir-2009").codes
    assert result.meta["chart_codebook"] == "cfir-2022"  # the result itself is left as it was
    assert {g.code_id for s in result for g in s.suggestions} == {"IS.E.2", "IS.E.1"}


def test_codings_mixing_cfir_2009_and_2_0_codes_are_one_error_in_report_export_and_agree(
    tmp_path: Path, capsys
) -> None:
    """Tester W (session 35): hand-made codings mixing CFIR 2009 and CFIR 2.0 codes, with no
    run.json, were charted three ways: `roqa report` in CFIR 2.0 with the 2009 codes "outside
    the codebook", `roqa agree` as written, `roqa export` an error on OS.D. Now each gives the
    one-line error that the codes seem to mix codebooks, naming some of each."""
    alice = alices_codings(tmp_path, None)
    result = CodingResult.read(alice)
    first, second = result.segments
    work = Suggestion("INS.A.3", "Work Infrastructure", "INS", 1.0, valence="barrier")
    mixed = CodingResult(
        [first, dataclasses.replace(second, suggestions=[work])], result.transcripts, {}
    )
    folder = tmp_path / "Mixed"
    mixed.save(folder)
    said = (
        f"roqa: error: {folder / 'codings.jsonl'}: these codings seem to mix codebooks: "
        "cfir-2009 codes IS.E.1, IS.E.2 beside cfir-2022 codes INS.A.3 (code every passage with "
        "one codebook's codes, or give --codebook to chart them all in one; `roqa codebook "
        "cfir-2009` lists the codes)"
    )
    for args in (
        ["report", str(folder)],
        ["export", str(folder), "--qdpx", str(tmp_path / "m.qdpx")],
        ["agree", str(alice), str(folder)],
    ):
        code, out, err = run(args, capsys)
        assert (code, err.strip()) == (2, said), args
    assert not (tmp_path / "m.qdpx").exists()
    code, out, err = run(["report", str(folder), "--codebook", "cfir-2022"], capsys)
    assert code == 0, err  # a codebook given charts them in it, as before
    # the Python charts too (tester Y: framework_matrix and saturation charted INS.J as a code
    # of its own while barriers_enablers refused)
    from roqa_nlp import barriers_enablers, framework_matrix, saturation

    for chart in (barriers_enablers, framework_matrix, saturation):
        with pytest.raises(RoqaError, match="these codings seem to mix codebooks") as e:
            chart(CodingResult.load(folder))
        # said to Python, the argument and the call (docs/python.md; api13 D7, session 83)
        assert str(e.value).endswith(
            "(code every passage with one codebook's codes, or give codebook= to chart them all "
            "in one; `roqa codebook cfir-2009` lists the codes; in Python, "
            "load_codebook('cfir-2009').codes)"
        )
        chart(CodingResult.load(folder), codebook="cfir-2022")


def test_agree_notes_that_a_review_exported_to_a_qda_project_lost_what_was_left_undecided(
    tmp_path: Path, capsys
) -> None:
    """Tester W (session 35): `roqa agree c22/ rev22/` compared the 10 segments Alice decided
    (kappa 0.457); after `roqa export rev22 --qdpx` (and `roqa import`) the same review compared
    93 units, every undecided one as given no code (0.187), with no note. A person's codings
    exported by roqa_nlp that leave some units uncoded which another coder coded now say so."""
    model = alices_codings(tmp_path, None, model=True)
    result = CodingResult.read(model)
    first, second = result.segments
    bob = CodingResult(
        [first, dataclasses.replace(second, suggestions=[])],
        result.transcripts,
        {"source": "REFI-QDA", "origin": "roqa_nlp 0.1.0", "user": {"name": "Bob"}},
    )
    bob.save(tmp_path / "Bob")
    code, out, err = run(["agree", str(model), str(tmp_path / "Bob")], capsys)
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        "Note: Bob's codings were exported by roqa_nlp to a QDA project, which does not keep "
        "which segments a review decided: the 1 of the 2 units Bob coded nothing in that "
        "another coder coded count as given no code by Bob. If they were a partial review, "
        "compare the reviewed codings roqa apply-decisions wrote instead (they compare on the "
        "decided segments only)." in said
    )
    bob.meta.pop("origin")  # a QDA program's own coder: nothing to say
    bob.save(tmp_path / "Bob")
    code, out, err = run(["agree", str(model), str(tmp_path / "Bob")], capsys)
    assert "exported by roqa_nlp" not in out


def test_report_cite_sets_how_the_word_table_cites_its_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tester s37 (outputs) 4: by participant, as a paper cites, unless --cite place."""
    from docx import Document

    folder = alices_codings(tmp_path, {"name": "Alice"})
    t = tmp_path / "t.docx"

    def first_quote(*extra: str) -> str:
        code, _, err = run(["report", str(folder), "--table", str(t), *extra], capsys)
        assert (code, err) == (0, "")
        return [p.text for p in Document(str(t)).tables[0].rows[2].cells[0].paragraphs][1]

    assert first_quote() == "\u201cWe never have the staff.\u201d (P07)"
    assert first_quote("--cite", "place") == "\u201cWe never have the staff.\u201d (P07, p07:5-29)"
    code, _, err = run(["report", str(folder), "--table", str(t), "--cite", "apa"], capsys)
    assert (code, err.strip()) == (
        2,
        "roqa: error: unknown --cite 'apa' (use participant or place)",
    )


@pytest.mark.parametrize("option", ["--initial-sample", "--stopping-criterion"])
def test_a_10_plus_3_rule_of_no_interview_is_a_one_line_error(
    tmp_path: Path, capsys, option: str
) -> None:
    """The command refuses 0 before reading anything, as saturation() now does from Python."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    code, out, err = run(["report", str(folder), option, "0"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"roqa: error: Invalid value for '{option}': Input should be greater than or equal "
        "to 1 (see 'roqa report --help')\n"
    )
    assert not (folder / "report.html").exists()


def test_report_warns_of_a_case_recorded_from_a_templates_label_in_several_files(
    tmp_path: Path, capsys
) -> None:
    """Hunt s40: codings made before a template's label ('Participant 1', 'R1') in several files
    stopped being a case charted five people as one case, P1, and one interview of saturation,
    and `roqa report` said nothing of it (only `roqa code` had warned)."""
    labels = {"interview_anna": "Participant 1", "interview_ben": "Participant 1"}
    labels |= {"r_a": "R1", "r_b": "R1", "s1_jones": "Speaker 2"}
    transcripts, segments = {}, []
    for tid, label in labels.items():
        text = f"{label}: We never have the staff."
        start = len(label) + 2
        case = "s1_jones" if label == "Speaker 2" else "P1"
        transcripts[tid] = Transcript(
            tid, text, [Turn(label, "participant", start, len(text))], f"in1/{tid}.txt", case
        )
        segments.append(
            SegmentResult(
                Segment(f"{tid}:0001", tid, label, "participant", start, len(text), text[start:]),
                [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")],
            )
        )
    folder = tmp_path / "coded"
    CodingResult(segments, transcripts, {"codebook": "cfir-2009"}).save(folder)
    code, _, err = run(["report", str(folder), "--out", str(tmp_path / "r.html")], capsys)
    assert code == 0, err
    assert err.strip().splitlines() == [
        f"roqa: warning: {folder / 'codings.jsonl'}: 4 transcripts (interview_anna, "
        "interview_ben, r_a, r_b) were coded as one case, P1, by a template's participant label "
        "('Participant 1', 'R1'), which a template gives every interviewee: roqa no longer reads "
        "it as a case, so code them again (roqa code) for each to be the case its file name "
        "gives; this report charts them as coded"
    ]


def _coded(folder: Path, files: dict[str, tuple[str, str, str]]) -> Path:
    """A coding result of one participant turn per transcript id of ``files``, each given as
    ``(header, label, case coded)``."""
    transcripts, segments = {}, []
    for tid, (header, label, case) in files.items():
        text = f"{header}{label}: We never have the staff."
        start = len(header) + len(label) + 2
        transcripts[tid] = Transcript(
            tid, text, [Turn(label, "participant", start, len(text))], f"in1/{tid}.txt", case
        )
        segments.append(
            SegmentResult(
                Segment(f"{tid}:0001", tid, label, "participant", start, len(text), text[start:]),
                [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")],
            )
        )
    CodingResult(segments, transcripts, {"codebook": "cfir-2009"}).save(folder)
    return folder


def test_report_does_not_warn_of_one_participants_files_coded_as_their_case(
    tmp_path: Path, capsys
) -> None:
    """Hunt s40 (3): p01_part1 (header 'Participant ID: P1') and p01_part2, both 'Participant
    1:', coded as one case P1, were said to need coding again, into two cases P1 and P01."""
    folder = _coded(
        tmp_path / "coded",
        {
            "p01_part1": ("Participant ID: P1\n", "Participant 1", "P1"),
            "p01_part2": ("", "Participant 1", "P1"),
        },
    )
    code, _, err = run(["report", str(folder), "--out", str(tmp_path / "r.html")], capsys)
    assert (code, err) == (0, "")


def test_report_warns_of_one_transcript_coded_into_a_templates_case(tmp_path: Path, capsys) -> None:
    """One transcript coded into a template label's case now its file name's: said in the
    singular (was '1 transcripts ... were coded as one case')."""
    folder = _coded(
        tmp_path / "coded",
        {
            "interview_anna": ("Participant ID: P1\n", "Participant 1", "P1"),
            "interview_ben": ("", "Participant 1", "P1"),
        },
    )
    code, _, err = run(["report", str(folder), "--out", str(tmp_path / "r.html")], capsys)
    assert code == 0, err
    assert err.strip().splitlines() == [
        f"roqa: warning: {folder / 'codings.jsonl'}: 1 transcript (interview_ben) was coded as "
        "the case P1 by a template's participant label ('Participant 1'), which a template gives "
        "every interviewee: roqa no longer reads it as a case, so code it again (roqa code) for "
        "it to be the case its file name gives; this report charts it as coded"
    ]


def test_a_sure_barrier_or_enabler_whose_themes_are_of_the_other_side_stays_in_the_review(
    tmp_path: Path, capsys
) -> None:
    """Regression hunt (session 41) of 1380472: P02's "Families are a big one" (OS.A at 0.98,
    enabler at 0.39: valence unsure) showed "No suggestion." with no accept/reject/recode and
    left the matrix, Table 2 and the open-coding queue; P03's Leadership Engagement enabler lost
    "Risk-averse provider organisations" so too. An unsure valence reaches its code's themes of
    either side again; a sure one stays in the review and the matrix under the other side's
    themes, said so, and only Table 2's columns leave it out, the report and the .csv's line
    counting it as the Word note does."""
    folder = alices_codings(tmp_path, None, model=True)
    r = CodingResult.read(folder)
    first, second = r.segments
    leading = Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.9, "enabler")
    r.segments = [
        dataclasses.replace(first, suggestions=[dataclasses.replace(leading, valence_probability=0.39)]),
        dataclasses.replace(second, suggestions=[dataclasses.replace(leading, valence_probability=0.8)]),
    ]  # fmt: skip
    r.save(folder)
    html, t, m = tmp_path / "r.html", tmp_path / "t.csv", tmp_path / "m.csv"
    code, out, _ = run(
        ["report", str(folder), "-o", str(html), "--codebook", "erondu-2021",
         "--table", str(t), "--matrix", str(m)],
        capsys,
    )  # fmt: skip
    assert code == 0
    page = html.read_text(encoding="utf-8")
    sentence = (
        "1 segment of a barrier or an enabler the model is sure of is left out of Table 2's "
        "columns: its code maps only onto erondu-2021 codes of the other side (the matrix and "
        "the review show it under those codes)."
    )
    assert sentence.replace("'", "&#39;") in page
    # the unsure enabler is named to check, beside it (session 60; it stood in T1.3's Enablers)
    check = (
        "1 segment is left out of Table 2's columns to check, as its row would state what its "
        "quote does not say: P07 (p07:0001) under Risk-averse provider organisations, a "
        "barrier, read as an enabler, valence unsure (0.39) (the matrix and the review show it)."
    )
    assert f"{sentence} {check}" in out.splitlines()
    assert check.replace("'", "&#39;") in page
    flag = (
        "Left out of Table 2's columns, to check: P07 (p07:0001) under Risk-averse provider "
        "organisations, a barrier, read as an enabler, valence unsure (0.39)."
    )
    assert page.count(flag.replace("'", "&#39;")) == 1
    assert "No suggestion." not in page
    line = (
        "The model&#39;s valence, enabler, is the other side of these erondu-2021 codes: left "
        "out of Table 2&#39;s columns."
    )
    assert page.count(line) == 1
    with t.open(encoding="utf-8-sig") as f:
        table = {row["code_id"]: row for row in csv.DictReader(f)}
    # the unsure enabler is charted under its one theme for review and in the matrix, as
    # before 1380472, but a barrier theme is no row of its Enablers column (session 60)
    assert table == {}
    with m.open(encoding="utf-8-sig") as f:
        matrix = list(csv.reader(f))
    t13 = matrix[0].index(next(c for c in matrix[0] if c.startswith("T1.3")))
    assert matrix[1][0] == "P07" and matrix[1][t13].startswith("2 segments: 2 enablers | ")


def test_the_saturation_line_says_whose_codes_and_points_a_carried_review_to_apply_decisions(
    tmp_path: Path,
) -> None:
    """Hunt s43 (weeks): with a review carried in ("decisions: 110 on 58 segments ... carried
    into the report"), `roqa report coded/ --saturation F` printed the model's verdict without
    saying it is on the unreviewed suggestions (the HTML and the workbook's About say so). The
    line says whose codes the verdict is on, and a note says how to chart the review. The
    review's saturation goes beside its codings (reviewed/sat.csv): the note named the model's
    file again, and following it replaced the model's saturation in the coded folder (tester
    s56, incremental, finding 2; this test had encoded that)."""
    from test_apply_decisions import DECISIONS, model_codings, write_decisions
    from test_cli_core import roqa

    coded, s = tmp_path / "coded", tmp_path / "sat.csv"
    model_codings().save(coded)
    run = roqa("report", coded, "--saturation", s)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"saturation: {s} (10+3 rule, on the model's suggestions, unreviewed): Saturation not "
        "reached. Only 2 interview(s)"
    ) in said
    assert "apply-decisions" not in said
    write_decisions(coded / "decisions.csv", DECISIONS)
    run = roqa("report", coded, "--saturation", s)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"saturation: {s} (10+3 rule, on the model's suggestions, not the review carried into "
        "the report): Saturation not reached. Only 2 interview(s)"
    ) in said
    assert said.endswith(
        "note: the review carried in decided 5 segments; to judge saturation on its codes, run "
        f"`roqa apply-decisions {coded} --coder NAME --out reviewed/`, then `roqa report "
        f"reviewed/ --saturation {Path('reviewed', 'sat.csv')}`"
    )
    # a review given with --decisions: the command given takes it too, or it fails ("no
    # review is saved beside the codings"; blind tester s51 saturation, finding 8)
    elsewhere = tmp_path / "dec" / "G.csv"
    elsewhere.parent.mkdir()
    (coded / "decisions.csv").rename(elsewhere)
    run = roqa("report", coded, "--decisions", elsewhere, "--saturation", s)
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).endswith(
        "note: the review carried in decided 5 segments; to judge saturation on its codes, run "
        f"`roqa apply-decisions {coded} --decisions {elsewhere} --coder NAME --out reviewed/`, "
        f"then `roqa report reviewed/ --saturation {Path('reviewed', 'sat.csv')}`"
    )


def test_write_ups_with_a_review_carried_in_say_they_are_not_it_and_what_it_rejected(
    tmp_path: Path,
) -> None:
    """Tester s87 daily19 (D2): `roqa report coded/ --decisions decB.csv --table t.docx --matrix
    m.xlsx --saturation s.xlsx` wrote a Table 2 and a matrix quoting the codes the review
    rejected, captioned "Not reviewed by a researcher.", and only the saturation line pointed to
    apply-decisions. Each file's caption or About sheet now names the review it is not, each
    file gets a warning counting the codes it still charts that the review rejected or replaced
    (recoded, another code accepted, every suggestion rejected), and the note gives the command
    charting them all. A review of one segment says "1 segment" (D3: "1 segments")."""
    import openpyxl
    from docx import Document

    from test_apply_decisions import DECISIONS, model_codings, write_decisions
    from test_cli_core import roqa

    coded, review = tmp_path / "coded", tmp_path / "dec" / "decB.csv"
    model_codings().save(coded)
    review.parent.mkdir()
    write_decisions(review, DECISIONS)
    t, m, s = tmp_path / "t.docx", tmp_path / "m.xlsx", tmp_path / "s.xlsx"
    run = roqa(
        "report", coded, "--decisions", review, "--table", t, "--matrix", m, "--saturation", s
    )
    assert run.code == 0, run.err
    note = (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "model's top suggestion: 6 of 6 participant segments. Suggestions, not the review in "
        "decB.csv: run roqa apply-decisions to chart it."
    )
    assert Document(str(t)).paragraphs[1].text == note
    for book in (m, s):
        about = openpyxl.load_workbook(book)["About"]
        assert [about.cell(1, 1).value, about.cell(2, 1).value] == ["what this table charts", note]
    still = (
        "it still charts 4 codes the review rejected or replaced (p01:0002 IS.E.2, p01:0003 "
        "IS.E.2, p01:0004 IS.E.2, p01:0005 IS.E.2)"
    )
    assert run.err.splitlines() == [
        f"roqa: warning: {f}: charts the model's suggestions, not the review in {review}: {still}"
        for f in (m, t, s)
    ]
    assert run.out.splitlines()[-1] == (
        "note: the review carried in decided 5 segments; to chart its codes, run `roqa "
        f"apply-decisions {coded} --decisions {review} --coder NAME --out reviewed/`, then `roqa "
        f"report reviewed/ --matrix {Path('reviewed', 'm.xlsx')} --table "
        f"{Path('reviewed', 't.docx')} --saturation {Path('reviewed', 's.xlsx')}`"
    )
    # a review rejecting one of two codes shown decides nothing: the file still says so
    write_decisions(review, [DECISIONS[5]])
    csv_m = tmp_path / "m.csv"
    run = roqa("report", coded, "--decisions", review, "--matrix", csv_m)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"roqa: warning: {csv_m}: charts the model's suggestions, not the review in {review}: it "
        "still charts 1 code the review rejected or replaced (p01:0004 IS.E.2)"
    ]
    assert "apply-decisions" not in run.out
    # one segment decided: singular (D3); no code rejected: the warning names the review alone
    write_decisions(review, [DECISIONS[0]])
    run = roqa("report", coded, "--decisions", review, "--saturation", s)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"roqa: warning: {s}: charts the model's suggestions, not the review in {review}"
    ]
    assert run.out.splitlines()[-1].startswith(
        "note: the review carried in decided 1 segment; to judge saturation on its codes, run "
    )
    # with no review carried in, nothing changes
    run = roqa("report", coded, "--table", t)
    assert (run.code, run.err) == (0, "")
    assert Document(str(t)).paragraphs[1].text == note.replace(
        "Suggestions, not the review in decB.csv: run roqa apply-decisions to chart it.",
        "Not reviewed by a researcher.",
    )


def test_the_command_to_judge_the_review_carries_the_order_and_rule_given(tmp_path: Path) -> None:
    """Blind tester s63 (sat, finding 1): `roqa report coded/ --order order.txt --initial-sample
    8 --saturation F` with a review carried in suggested `roqa report reviewed/ --saturation
    reviewed/F`, without the order and the rule: the review's verdict came out in another
    order under another rule. The note and the page carry them, quoted as typed."""
    from test_apply_decisions import DECISIONS, model_codings, write_decisions
    from test_cli_core import roqa

    coded, s = tmp_path / "coded", tmp_path / "sat.csv"
    model_codings().save(coded)
    write_decisions(coded / "decisions.csv", DECISIONS)
    order = tmp_path / "my order.txt"
    order.write_text("p02\np01\n", encoding="utf-8")
    args = ("--order", order, "--initial-sample", "8", "--new-information", "0.1")
    run = roqa("report", coded, *args, "--saturation", s)
    assert run.code == 0, run.err
    rule = f"--order '{order}' --initial-sample 8 --new-information 0.1"
    assert " ".join(run.out.split()).endswith(
        "note: the review carried in decided 5 segments; to judge saturation on its codes, run "
        f"`roqa apply-decisions {coded} --coder NAME --out reviewed/`, then `roqa report "
        f"reviewed/ --saturation {Path('reviewed', 'sat.csv')} {rule}`"
    )
    page = (coded / "report.html").read_text("utf-8")
    assert (
        page.count("then <code>roqa report reviewed/ " + rule.replace("'", "&#39;") + "</code>")
        == 5
    )
    # ids typed on the command line are carried as typed; the defaults are not repeated
    run = roqa("report", coded, "--order", "P02, P01", "--saturation", s)
    assert run.code == 0, run.err
    assert run.out.rstrip().endswith(
        f"`roqa report reviewed/ --saturation {Path('reviewed', 'sat.csv')} --order 'P02, P01'`"
    )
    assert "then <code>roqa report reviewed/ --order &#39;P02, P01&#39;</code>" in (
        coded / "report.html"
    ).read_text("utf-8")


def test_report_leaves_out_a_code_typed_into_codings_that_the_codebook_lacks(
    tmp_path: Path, capsys
) -> None:
    """A code id typed into codings.jsonl by hand (ZZ.BOGUS where Leadership Engagement was)
    was charted in the matrix and Table 2 under the name beside it, with only the warning that
    the file changed since its run: now one warning names the file, the line and the id, and
    the code is charted nowhere (session 54, codings 2)."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    p = folder / "codings.jsonl"
    p.write_text(p.read_text("utf-8").replace('"IS.E.1"', '"ZZ.BOGUS"', 1), encoding="utf-8")
    m, t = tmp_path / "m.csv", tmp_path / "t.csv"
    code, _, err = run(["report", str(folder), "--matrix", str(m), "--table", str(t)], capsys)
    assert code == 0
    assert err.splitlines()[1:] == [
        f"roqa: warning: {p}: line 1 (p07:0001) gives the code 'ZZ.BOGUS', which is not in "
        "codebook 'cfir-2009' (typed in by hand?): left out of the report, the matrix and the "
        "tables (correct the line to a code of cfir-2009, or run roqa code again)"
    ]
    assert matrix_codes(m) == ["IS.E.2"]
    with t.open(encoding="utf-8-sig", newline="") as f:
        assert [row["code_id"] for row in csv.DictReader(f)] == ["IS.E.2"]
    assert "ZZ.BOGUS" not in (folder / "report.html").read_text("utf-8")


def test_report_keeps_a_project_code_the_codebook_lacks(tmp_path: Path, capsys) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    p = folder / "codings.jsonl"
    p.write_text(
        p.read_text("utf-8").replace('"IS.E.1"', '"project.family-pressure"', 1), encoding="utf-8"
    )
    m = tmp_path / "m.csv"
    code, _, err = run(["report", str(folder), "--matrix", str(m)], capsys)
    assert code == 0
    assert "not in codebook" not in err
    assert matrix_codes(m) == ["IS.E.2", "project.family-pressure"]


def test_table2_quotes_what_was_said_not_a_segment_text_edited_in_codings(
    tmp_path: Path, capsys
) -> None:
    """Before: Table 2 quoted "We always have the staff." typed over what P07 said."""
    folder = alices_codings(tmp_path, {"name": "Alice"})
    p = folder / "codings.jsonl"
    p.write_text(
        p.read_text("utf-8").replace("We never have", "We always have", 1), encoding="utf-8"
    )
    t = tmp_path / "t.csv"
    code, _, err = run(["report", str(folder), "--table", str(t)], capsys)
    assert code == 0
    assert "line 1 (p07:0001) (edited by hand since coding?)" in err
    table = t.read_text("utf-8-sig")
    assert "We never have the staff." in table
    assert "We always have" not in table


AGREES = (
    "Interviewer: Do you work with other organisations in the community?\n\n"
    "P12: There just isn't much out there any more, so we've got nowhere to link people into.\n\n"
    "Interviewer: Do you have recovery champions in each team who push the work forward?\n\n"
    "P12: Yes, we do.\n"
)


def a_bare_yes_coded_unsure(folder: Path) -> Path:
    """The model's codings of P12 (tester s58, framework): a clear Cosmopolitanism barrier, and
    "Yes, we do." to a question about champions, coded Cosmopolitanism at 0.0006 (every code
    together about 0.1 %), neither novel nor procedural."""
    t = Transcript(
        id="p12_interview",
        text=AGREES,
        turns=[],
        participant="P12",
    )

    def seg(n: int, words: str, *codes: tuple[str, str, float, str]) -> SegmentResult:
        start = AGREES.index(words)
        return SegmentResult(
            segment=Segment(
                f"p12_interview:{n:04d}",
                "p12_interview",
                "P12",
                "participant",
                start,
                start + len(words),
                words,
            ),
            suggestions=[
                Suggestion(
                    code_id=c,
                    name=name,
                    domain="OS",
                    probability=p,
                    valence=v,
                    valence_probability=0.9 if p > 0.5 else 0.68,
                )
                for c, name, p, v in codes
            ],
        )

    result = CodingResult(
        segments=[
            seg(
                1,
                "There just isn't much out there any more, so we've got nowhere to link people into.",
                ("OS.B", "Cosmopolitanism", 0.81, "barrier"),
            ),
            seg(
                2,
                "Yes, we do.",
                ("OS.B", "Cosmopolitanism", 0.000606, "enabler"),
                ("OS.C", "Peer Pressure", 0.000089, "enabler"),
            ),
        ],
        transcripts={t.id: t},
        meta={"codebook": "cfir-2009", "model": {"model_sha256": "0" * 64}},
    )
    result.save(folder)
    return folder


def test_a_reply_that_only_agrees_coded_unsure_changes_no_rating_nor_table_2(
    tmp_path: Path,
) -> None:
    """Tester s58 (framework), finding 1: "Yes, we do.", coded Cosmopolitanism at 0.0006, listed
    P12 under its enablers in Table 2 "(code unsure)" and turned P12's suggested rating from -1
    to X ("mixed: 1 barrier and 1 enabler segment(s)"), while saturation rightly counted it as
    no evidence. Table 2 and the ratings leave it out now, and say so; the matrix still charts
    it, marked, so the exchange can be read."""
    from roqa_nlp.framework import construct_ratings
    from test_cli_core import roqa

    coded = a_bare_yes_coded_unsure(tmp_path / "coded")
    table, matrix, html = tmp_path / "t.csv", tmp_path / "m.csv", tmp_path / "r.html"
    run = roqa("report", coded, "--out", html, "--table", table, "--matrix", matrix)
    assert run.code == 0, run.err
    line = (
        "1 reply that only agrees, its code unsure (below 0.40), is left out of Table 2 and the "
        "suggested ratings: P12 (OS.B). The framework matrix charts it."
    )
    assert line in run.out.splitlines()
    with table.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [r[2:4] + r[4:6] + r[7:9] for r in rows[1:]] == [
        ["OS.B", "Cosmopolitanism", "1", "P12", "0", ""]
    ]
    with matrix.open(encoding="utf-8-sig", newline="") as f:
        header, *cells = csv.reader(f)
    (row,) = cells
    assert row[header.index("OS.B Cosmopolitanism")].startswith(
        "2 segments: 1 barrier, 1 enabler | "
    )
    (rating,) = construct_ratings(CodingResult.read(coded))
    assert (rating.rating, rating.barriers, rating.enablers) == ("-1", 1, 0)
    page = html.read_text(encoding="utf-8")
    assert f'<p class="muted agreeing-note">{line}</p>' in page
    assert '</span>-1<span class="n">n=1</span>' in page


def test_report_sets_the_guest_base_run_and_threshold_of_saturation(tmp_path: Path) -> None:
    """Tester s58 (framework), finding 2: only the 10+3 rule could be set from the command
    line; the Guest verdict in the report and the Verdicts sheet was always base 4, run 2, 5 %.
    --base-size, --run-length and --new-information set them, as saturation() takes them."""
    from openpyxl import load_workbook

    from test_cli_core import roqa

    folder = interviews_of(tmp_path, [(f"p{n:02d}", f"P{n:02d}") for n in range(1, 9)])
    page, s = tmp_path / "r.html", tmp_path / "s.xlsx"
    given = ["--base-size", "2", "--run-length", "3", "--new-information", "0.1"]
    run = roqa("report", folder, "--out", page, "--saturation", s, *given)
    assert run.code == 0, run.err
    guest = list(load_workbook(s)["Verdicts"].iter_rows(values_only=True))[2]
    assert guest[1:5] == ("base 2, run 3, threshold 10%", "yes", 5, "p05")
    assert (
        "Guest, Namey &amp; Chen (2020), base 2, run 3, ≤10% new information:</span> "
        '<strong class="answer">Saturation reached at interview 5 (P05, p05).</strong> Base 2 '
        "interviews (1 codes), run 3-5 added 0 new code(s)"
    ) in page.read_text(encoding="utf-8")
    run = roqa("report", folder, "--out", page, "--new-information", "5")
    assert run.code == 2
    assert "'--new-information'" in run.err


def test_saturation_notes_when_dates_in_the_names_are_not_in_the_order_coded(
    tmp_path: Path, capsys
) -> None:
    """Tester s59 (sat, finding 1): a study named by interview date alone, day first
    (``06-07-2020.txt`` ... ``24-09-2020.txt``), was read by name with numbers as numbers:
    ``04-09-2020`` first, ``06-07-2020`` third. The 10+3 verdict was judged in that order and
    nothing said so. The order is still not guessed, but the terminal, the workbook and
    ``Saturation.order_note`` say the dates disagree and how to give the order."""
    from openpyxl import load_workbook

    from roqa_nlp.framework import saturation

    names = ["04-09-2020", "05-08-2020", "06-07-2020", "11-07-2020", "24-09-2020"]
    folder = interviews_of(tmp_path, [(n, n) for n in names])
    note = (
        "saturation takes the interviews in the order they were coded, a folder's files by "
        "name with numbers compared as numbers (04-09-2020, 05-08-2020, 06-07-2020 ...), not "
        "the order of the dates their names hold (06-07-2020, 11-07-2020, 05-08-2020 ..., read "
        "day first: dd-mm-yyyy); the saturation verdicts depend on the order: give the order "
        "the interviews were done in, `roqa report --order 06-07-2020,11-07-2020,05-08-2020,"
        '04-09-2020,24-09-2020` (or a file with one per line), or `order=["06-07-2020", '
        '"11-07-2020", "05-08-2020", "04-09-2020", "24-09-2020"]` in Python (saturation, '
        "ReportOptions), or rename the files with the date year first (06-07-2020 as "
        "2020-07-06), which sorts by date"
    )
    assert saturation(CodingResult.read(folder)).order_note == note
    s = tmp_path / "s.xlsx"
    code, out, err = run(["report", str(folder), "--saturation", str(s)], capsys)
    assert code == 0, err
    assert out.splitlines()[-1] == "note: " + note
    rows = list(load_workbook(s)["Verdicts"].iter_rows(values_only=True))
    assert rows[-1] == ("interview order", None, None, None, None, note)
    given = "06-07-2020,11-07-2020,05-08-2020,04-09-2020,24-09-2020"
    code, out, err = run(["report", str(folder), "--saturation", str(s), "--order", given], capsys)
    assert code == 0, err
    assert "note: saturation" not in out


def test_saturation_says_nothing_of_dates_written_year_first(tmp_path: Path) -> None:
    """``2020-07-06`` sorts by date: names so written, in name order, give no note."""
    from roqa_nlp.framework import saturation

    names = ["2020-07-06", "2020-07-11", "2020-08-05", "2020-09-04", "2020-09-24"]
    folder = interviews_of(tmp_path, [(n, n) for n in names])
    assert saturation(CodingResult.read(folder)).order_note == ""


def test_the_saturation_line_gives_the_answer_first_and_cuts_the_unsure_codes_at_five(
    tmp_path: Path, capsys
) -> None:
    """Session 68 (verdict): `roqa report --saturation` printed the verdict as one sentence in
    brackets, its answer lost among up to ~900 characters. It prints the answer and its cause
    on the saturation line, each further sentence on a line of its own, and the first five
    unsure new codes with how many more and where they all are."""
    codes = ["IC.A", "IC.B", "IC.C", "IC.D", "IC.E", "IC.F", "IS.A", "IS.B"]
    transcripts, segments = {}, []
    for n, code in enumerate(codes, 1):
        tid, who = f"p{n:02d}", f"P{n:02d}"
        text = f"{who}: We never have the staff."
        transcripts[tid] = Transcript(
            id=tid, text=text, turns=[Turn(who, "participant", 5, len(text))], participant=who
        )
        segments.append(
            SegmentResult(
                Segment(f"{tid}:0001", tid, who, "participant", 5, len(text), text[5:]),
                [Suggestion(code, code, code[:2], 0.2, "barrier")],
            )
        )
    folder = tmp_path / "coded"
    CodingResult(segments, transcripts, {"codebook": "cfir-2009"}).save(folder)
    page, s = tmp_path / "r.html", tmp_path / "s.csv"
    code, out, err = run(
        ["report", str(folder), "--out", str(page), "--saturation", str(s)], capsys
    )
    assert code == 0, err
    lines = out.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("saturation: "))
    assert lines[at : at + 4] == [
        f"saturation: {s} (10+3 rule, on the model's suggestions, unreviewed): Saturation not "
        "reached. Only 8 interview(s), the rule needs at least 13.",
        "  Continue interviewing until 3 consecutive interviews add no new code.",
        "  8 of the 8 new codes rest only on unsure suggestions in the interview where each was "
        "new (every segment of each there below p=0.40, listed last): the verdict counts them as "
        "codes the interviews used, so review them before reporting it.",
        "  Unsure new codes: IC.A Intervention Source p=0.20 in interview 1 (P01); IC.B Evidence "
        "Strength & Quality p=0.20 in interview 2 (P02); IC.C Relative Advantage p=0.20 in "
        "interview 3 (P03); IC.D Adaptability p=0.20 in interview 4 (P04); IC.E Trialability "
        f"p=0.20 in interview 5 (P05); and 3 more: see the unsure_new_codes column of {s}.",
    ]
    # the files list all eight
    html = page.read_text(encoding="utf-8")
    assert "p=0.20 in interview 8 (P08).</li></ul>" in html
    assert len(s.read_text(encoding="utf-8-sig").splitlines()) == 9


def test_the_saturation_lines_cut_the_codes_a_carried_review_decided_at_five(
    tmp_path: Path, capsys
) -> None:
    """Hunt s68 (h_verdict, D1): with a review carried in, the sentence counting the unsure
    codes named the codes it decided twice in full (one line of ~1,900 characters), while the
    line below cut the unsure codes at five. Each list of codes on these lines is cut at five,
    saying where all of them are: the report."""
    codes = ["IC.A", "IC.B", "IC.C", "IC.D", "IC.E", "IC.F", "IS.A", "IS.B"]
    lines = [f"P01: We never have the staff, part {n}." for n in range(len(codes))]
    text = "\n".join(lines)
    spans = []
    for line in lines:
        start = text.index(line) + 5
        spans.append((start, start + len(line) - 5))
    transcripts = {
        "p01": Transcript(
            id="p01",
            text=text,
            turns=[Turn("P01", "participant", a, b) for a, b in spans],
            participant="P01",
        )
    }
    segments = [
        SegmentResult(
            Segment(f"p01:{n + 1:04d}", "p01", "P01", "participant", a, b, text[a:b]),
            [Suggestion(code, code, code[:2], 0.2, "barrier")],
        )
        for n, (code, (a, b)) in enumerate(zip(codes, spans, strict=True))
    ]
    folder = tmp_path / "coded"
    CodingResult(segments, transcripts, {"codebook": "cfir-2009"}).save(folder)
    # the review decides all but the last, fitting no code
    review = tmp_path / "review.csv"
    review.write_text(
        "segment_id,decision,code_id\n"
        + "".join(f"p01:{n:04d},no-code,\n" for n in range(1, len(codes))),
        encoding="utf-8",
    )
    page, s = tmp_path / "r.html", tmp_path / "s.csv"
    args = ["report", str(folder), "--out", str(page), "--saturation", str(s)]
    code, out, err = run([*args, "--decisions", str(review)], capsys)
    assert code == 0, err
    said = out.splitlines()
    at = next(k for k, line in enumerate(said) if line.startswith("saturation: "))
    decided = (
        "IC.A Intervention Source, IC.B Evidence Strength & Quality, IC.C Relative Advantage, "
        f"IC.D Adaptability, IC.E Trialability, and 2 more listed in {page}"
    )
    assert said[at + 2] == (
        "  8 of the 8 new codes rest only on unsure suggestions in the interview where each was "
        "new (every segment of each there below p=0.40, listed last): the verdict counts them as "
        "codes the interviews used; the review carried "
        f"in decided every segment of 7 of them ({decided}) and gives {decided} to none of "
        "their segments; review the other 1 (IS.B Networks & Communications) before reporting "
        "it; chart the review (roqa apply-decisions) for a verdict on its codes."
    )
    # the report gives them all
    html = page.read_text(encoding="utf-8")
    assert "(IC.A, IC.B, IC.C, IC.D, IC.E, IC.F, IS.A) and gives IC.A, IC.B, IC.C, IC.D" in html
