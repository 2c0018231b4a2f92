"""Specification of REFI-QDA round trips between coders and programs (audit B, D1-D11).

Every project here is built in the test; the official XSDs are read from
``<repo>/../shared/reference/refi-qda/`` (tests needing them skip when it is absent).
"""

from __future__ import annotations

import json
import uuid
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.exchange import export_qdc, export_qdpx, read_qdc, read_qdpx
from roqa_nlp.exchange.qdc import qdc_bytes
from roqa_nlp.exchange.qdpx_export import suggestion_description
from roqa_nlp.exchange.qdpx_import import QdpxProject, read_qdpx_codings, read_qdpx_transcripts
from roqa_nlp.exchange.refiqda import stable_guid
from roqa_nlp.exchange.validation import schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run
from test_refiqda import (
    CODEBOOK_XSD,
    NS,
    PROJECT_XSD,
    build_qdpx,
    needs_reference,
    one_segment_result,
    project_xml,
    qde_of,
    selection,
    selections_of,
)

ALICE = "11111111-1111-4111-8111-111111111111"
MACHINE = "22222222-2222-4222-8222-222222222222"
STAFFING = "00000000-0000-4000-8000-000000000001"
SOURCE = "00000000-0000-4000-8000-000000000010"


def persons_result(text: str, quote: str, codes: list[tuple[str, str, str | None]]) -> CodingResult:
    """Alice's codings of ``quote`` as roqa import reads them from a QDA program."""
    t = Transcript(
        id="p01",
        text=text,
        turns=[],
        participant="P01",
        metadata={"refi_guid": SOURCE, "refi_name": "p01.txt", "refi_path": "internal://p01.txt"},
    )
    s = text.index(quote)
    seg = Segment("p01:@0", "p01", "P01", "participant", s, s + len(quote), quote)
    return CodingResult(
        segments=[SegmentResult(seg, [Suggestion(c, n, d, 1.0) for c, n, d in codes])],
        transcripts={"p01": t},
        meta={
            "source": "REFI-QDA",
            "project": "Site study",
            "user": {"name": "Alice", "guid": ALICE},
        },
    )


TEXT = "I: And the staff?\nP01: We never knew what the new tool was for."
QUOTE = "We never knew what the new tool was for."


# -- D1: a person's codings charted in another codebook stay theirs, every code of them ----------


def test_cli_a_persons_codings_in_another_codebook_keep_every_code_under_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """CFIR 2009 CI.A maps onto CFIR 2.0 IND.K and IND.M: Alice applied both, not half of each."""
    persons_result(
        TEXT, QUOTE, [("CI.A", "Knowledge & Beliefs about the Intervention", "CI")]
    ).save(tmp_path / "Alice")
    out = tmp_path / "alice22.qdpx"
    code, stdout, _ = run(
        ["export", str(tmp_path / "Alice"), "--qdpx", str(out), "--codebook", "cfir-2022"], capsys
    )
    assert code == 0
    assert f"wrote {out}: 1 transcripts, 2 codings by user 'Alice', codebook cfir-2022" in stdout
    (user,) = qde_of(out).iter(NS + "User")
    assert user.get("name") == "Alice"
    names = {c.get("guid"): c.get("name") for c in qde_of(out).iter(NS + "Code")}
    sels = selections_of(out)
    assert sorted(names[r.get("targetGUID")] for s in sels for r in s.iter(NS + "CodeRef")) == [
        "Capability",
        "Motivation",
    ]
    # one passage: one selection holding both codings, as a QDA program shows it
    assert [(s.find(NS + "Description"), len(s.findall(NS + "Coding"))) for s in sels] == [
        (None, 2)
    ]
    # applied, not suggested at p = 0.5 each: no probability floor drops half of one
    floor = ["--min-probability", "0.6"]
    code, stdout, _ = run(
        ["export", str(tmp_path / "Alice"), "--qdpx", str(out), "--codebook", "cfir-2022", *floor],
        capsys,
    )
    assert (
        f"replaced {out} (an earlier export): 1 transcripts, 2 codings by user 'Alice', "
        "codebook cfir-2022"
    ) in stdout


# -- D2: a person's coding on roqa_nlp's selection is theirs, at p = 1 ----------------------------


def shared_selection_project(note: str) -> str:
    users = f'<User guid="{MACHINE}" name="roqa_nlp 0.1.0"/><User guid="{ALICE}" name="Alice"/>'
    sel = (
        f'<PlainTextSelection guid="{uuid.uuid4()}" name="line:1 p01:0001" startPosition="23" '
        f'endPosition="63" creatingUser="{MACHINE}"><Description>{note}</Description>'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="{MACHINE}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding>'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="{ALICE}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding></PlainTextSelection>'
    )
    src = (
        f'<TextSource guid="{SOURCE}" name="p01"><PlainTextContent>{TEXT}</PlainTextContent>'
        f"{sel}</TextSource>"
    )
    return project_xml(src, users=users)


@pytest.mark.parametrize(
    ("note", "p"),
    [
        ("suggested by roqa_nlp: Staffing (p=0.70, barrier)", 0.7),  # notes written before
        ("suggested by roqa_nlp: Staffing (p=0.700, barrier)", 0.7),
        ("suggested by roqa_nlp: Staffing (p=0.823456, barrier)", 0.823456),
    ],
)
def test_the_suggestion_note_is_the_machine_users_and_a_persons_coding_is_p_1(
    tmp_path: Path, note: str, p: float
) -> None:
    project = read_qdpx(build_qdpx(tmp_path / "q.qdpx", shared_selection_project(note)))

    def codings(user: str) -> list[tuple[str, float, str]]:
        return [
            (g.name, g.probability, g.valence) for s in project.codings[user] for g in s.suggestions
        ]

    assert codings("roqa_nlp 0.1.0") == [("Staffing", p, "barrier")]
    assert codings("Alice") == [("Staffing", 1.0, "neutral")]
    assert project.warnings == []


# -- D3: readers used by roqa agree and roqa code warn about what they leave out ------------------


def project_with_losses() -> str:
    src = (
        f'<TextSource guid="{SOURCE}" name="P1"><PlainTextContent>We lacked staff.'
        f"</PlainTextContent>{selection(3, 9)}"
        f"{selection(0, 2, '00000000-0000-4000-8000-0000000000ff')}</TextSource>"
        f'<PDFSource guid="00000000-0000-4000-8000-000000000012" name="doc.pdf">'
        f'<Representation guid="{uuid.uuid4()}">{selection(0, 2)}</Representation></PDFSource>'
    )
    return project_xml(src)


UNKNOWN_CODE = (
    "source 'P1', selection '{guid}': coding of unknown code "
    "'00000000-0000-4000-8000-0000000000ff' not imported"
)
PDF = "not imported: 1 PDF source with 1 coding (only text sources, codes, codings and the notes on coded passages are)"


def test_reading_codings_warns_about_every_coding_left_out(tmp_path: Path) -> None:
    path = build_qdpx(tmp_path / "q.qdpx", project_with_losses())
    with pytest.warns(RoqaWarning) as got:
        codings = read_qdpx_codings(path)
    assert [s.segment.text for s in codings["Alice"]] == ["lacked"]
    messages = [str(w.message) for w in got]
    assert len(messages) == 2
    assert messages[0].startswith(f"{path}: source 'P1', selection '")
    assert messages[0].endswith("not imported")
    assert messages[1] == f"{path}: {PDF}"


def test_reading_transcripts_warns_about_the_sources_left_out_only(tmp_path: Path) -> None:
    path = build_qdpx(tmp_path / "q.qdpx", project_with_losses())
    with pytest.warns(RoqaWarning) as got:
        (t,) = read_qdpx_transcripts(path)
    assert t.text == "We lacked staff."
    assert [str(w.message) for w in got] == [f"{path}: {PDF}"]


def test_read_transcripts_of_a_qdpx_warns_about_a_source_without_text(tmp_path: Path) -> None:
    from roqa_nlp.transcripts import read_transcripts

    src = (
        f'<TextSource guid="{SOURCE}" name="P1"><PlainTextContent>P01: We lacked staff.'
        '</PlainTextContent></TextSource><TextSource guid="00000000-0000-4000-8000-000000000011" '
        'name="P2" plainTextPath="internal://p2.txt"/>'
    )
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p2.txt": b"\xff\xfe\xfa"})
    with pytest.warns(RoqaWarning) as got:
        assert [t.id for t in read_transcripts([path])] == ["P1"]
    assert [str(w.message) for w in got] == [
        f"{path}: source 'P2': sources/p2.txt is not UTF-8, UTF-16 or UTF-32 text",
        f"{path}: source 'P2' has no text: not imported",
    ]


def test_cli_agree_on_a_qdpx_prints_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_qdpx(tmp_path / "q.qdpx", project_with_losses())
    code, _, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    lines = [x for x in err.splitlines() if x.startswith("roqa: warning:")]
    assert lines[0].startswith(f"roqa: warning: {path}: source 'P1', selection '")
    assert lines[1] == f"roqa: warning: {path}: {PDF}"


def test_cli_import_prints_each_warning_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = build_qdpx(tmp_path / "q.qdpx", project_with_losses())
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 0
    lines = [x for x in err.splitlines() if x.startswith("roqa: warning:")]
    assert len(lines) == 2
    assert lines[1] == f"roqa: warning: {path}: {PDF}"


def test_the_wrote_line_says_which_transcripts_hold_no_coded_passage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A coder's imported codings hold every transcript of the project, coded in or not; the
    export writes each, and says how many hold the coder's codings. Before: "3 transcripts"
    when Carol coded in 2 (re-tester s50, finding 4)."""
    alice = persons_result(TEXT, QUOTE, [("IS.E.2", "Available Resources", "IS")])
    other = "I: Anything else?\nP02: No."
    alice.transcripts["p02"] = Transcript("p02", other, [], participant="P02")
    alice.save(tmp_path / "Alice")
    out = tmp_path / "alice.qdpx"
    code, stdout, _ = run(["export", str(tmp_path / "Alice"), "--qdpx", str(out)], capsys)
    assert code == 0
    assert f"wrote {out}: 2 transcripts (1 coded, p02 with no coded passage), 1 codings " in stdout
    assert len(list(qde_of(out).iter(NS + "TextSource"))) == 2


# -- D5: inline text with literal Windows line ends --------------------------------------------------


@pytest.mark.parametrize("cdata", [False, True])
def test_inline_text_with_literal_crlf_keeps_its_selections_on_their_words(
    tmp_path: Path, cdata: bool
) -> None:
    raw = "P01: line one\r\nP01: the cost was high\r\nP01: and staff left.\r\n"
    cost = (raw.index("cost"), raw.index("cost") + 4)
    staff = (raw.index("staff"), raw.index("staff") + 5)
    body = f"<![CDATA[{raw}]]>" if cdata else raw
    src = (
        f'<TextSource guid="{SOURCE}" name="p01">\r\n<PlainTextContent>{body}</PlainTextContent>'
        f"\r\n{selection(*cost)}\r\n{selection(*staff)}\r\n</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    (t,) = p.transcripts
    assert t.text == "P01: line one\nP01: the cost was high\nP01: and staff left.\n"
    assert [s.segment.text for s in p.codings["Alice"]] == ["cost", "staff"]
    assert [(s.segment.start, s.segment.end) for s in p.codings["Alice"]] == [
        (cost[0] - 1, cost[1] - 1),
        (staff[0] - 2, staff[1] - 2),
    ]
    assert p.warnings == [
        "source 'p01': its inline text has Windows line ends (\\r\\n) written as they are; "
        "its selections are counted with them, as in a .txt source"
    ]


#: inline text a program holds with Windows line ends; "cost" and "staff" where it counts them
CRLF_TEXT = "P01: line one\r\nP01: the cost was high\r\nP01: and staff left.\r\n"


def crlf_project(tmp_path: Path) -> Path:
    """A project whose inline source holds :data:`CRLF_TEXT`, Alice's codings on "cost" (24-28)
    and "staff" (48-53), counted with the ``\\r``s, as the program holds them."""
    src = (
        f'<TextSource guid="{SOURCE}" name="p01">\r\n<PlainTextContent>{CRLF_TEXT}'
        f"</PlainTextContent>\r\n{selection(24, 28)}\r\n{selection(48, 53)}\r\n</TextSource>"
    )
    return build_qdpx(tmp_path / "q.qdpx", project_xml(src))


def source_of(path: Path) -> tuple[str, str, list[tuple[int, int]]]:
    """An export's one source: its GUID, its text as written, its selections' positions."""
    import zipfile

    (src,) = qde_of(path).iter(NS + "TextSource")
    guid = src.get("guid") or ""
    with zipfile.ZipFile(path) as z:
        text = z.read(f"sources/{guid}.txt").decode("utf-8")
    spans = [
        (int(s.get("startPosition") or ""), int(s.get("endPosition") or ""))
        for s in src.iter(NS + "PlainTextSelection")
    ]
    return guid, text, spans


def test_crlf_inline_text_goes_back_as_the_program_holds_it(tmp_path: Path) -> None:
    """Exported again under the source's GUID, the text keeps its Windows line ends and the
    selections are counted with them, as the program counts them. Before: the text went back
    with \\n line ends and "staff" at 46-51, so that a program merging by the source's GUID
    read every selection after a line end shifted (re-tester s50, finding 3)."""
    main(["import", str(crlf_project(tmp_path)), "--out", str(tmp_path / "reviewed")])
    out = tmp_path / "alice.qdpx"
    main(["export", str(tmp_path / "reviewed" / "codings" / "Alice"), "--qdpx", str(out)])
    guid, text, spans = source_of(out)
    assert (guid, text, spans) == (SOURCE, CRLF_TEXT, [(24, 28), (48, 53)])
    assert [text[s:e] for s, e in spans] == ["cost", "staff"]
    back = read_qdpx(out)  # and roqa reads it back as it read the program's
    assert [(s.segment.start, s.segment.end, s.segment.text) for s in back.codings["Alice"]] == [
        (23, 27, "cost"),
        (46, 51, "staff"),
    ]


def test_a_models_suggestions_on_crlf_inline_text_go_back_with_its_line_ends(
    tmp_path: Path,
) -> None:
    """``roqa code project.qdpx --qdpx`` reads the transcript as read_qdpx_transcripts does,
    and its suggestions go back on the program's text, as the program counts it."""
    (t,) = read_qdpx_transcripts(crlf_project(tmp_path))
    s = t.text.index("and staff left.")
    seg = Segment("p01:0003", "p01", "P01", "participant", s, s + 15, "and staff left.")
    sug = Suggestion("IS.E.2", "Available Resources", "IS", 0.8, "barrier")
    result = CodingResult([SegmentResult(seg, [sug])], {"p01": t}, {"model": {"hash": "ab"}})
    export_qdpx(result, Codebook.load("cfir-2009"), tmp_path / "s.qdpx")
    assert source_of(tmp_path / "s.qdpx") == (SOURCE, CRLF_TEXT, [(44, 59)])


def test_mixed_line_ends_go_back_as_they_were(tmp_path: Path) -> None:
    """A source file whose lines end in \\r\\n, \\n and \\r goes back with each as it was."""
    raw = "P01: one\r\nP01: two\nP01: three\rP01: four\r\n\r\nP01: the cost"
    assert raw[52:56] == "cost"
    src = (
        f'<TextSource guid="{SOURCE}" name="p01" plainTextPath="internal://p01.txt">'
        f"{selection(52, 56)}</TextSource>"
    )
    project = build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p01.txt": raw.encode()})
    main(["import", str(project), "--out", str(tmp_path / "r")])
    out = tmp_path / "alice.qdpx"
    main(["export", str(tmp_path / "r" / "codings" / "Alice"), "--qdpx", str(out)])
    assert source_of(out) == (SOURCE, raw, [(52, 56)])


def test_inline_text_with_escaped_cr_needs_no_recovery_and_no_warning(tmp_path: Path) -> None:
    raw = "P01: line one&#13;\nP01: the cost was high"
    src = (
        f'<TextSource guid="{SOURCE}" name="p01"><PlainTextContent>{raw}</PlainTextContent>'
        f"{selection(24, 28)}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src).replace("><", ">\r\n<")))
    assert [s.segment.text for s in p.codings["Alice"]] == ["cost"]
    assert p.warnings == []


# -- D6: code colours kept; memos, descriptions and case variables named when left out ------------

COLOURED = (
    f'<Code guid="{STAFFING}" name="Staffing" isCodable="true" color="#FF0000"/>'
    '<Code guid="00000000-0000-4000-8000-000000000002" name="Money" isCodable="true" '
    'color="#0f0"/>'
    '<Code guid="00000000-0000-4000-8000-000000000003" name="Time" isCodable="true"/>'
)


def coloured_project(tmp_path: Path) -> Path:
    sel = (
        selection(23, 63)
        .replace("startPosition", 'name="q1" startPosition')
        .replace('">', '"><Description>my memo on this quote</Description>', 1)
    )
    src = (
        f'<TextSource guid="{SOURCE}" name="p01.txt"><Description>Interview with the CEO'
        f"</Description><PlainTextContent>{TEXT}</PlainTextContent>{sel}</TextSource>"
    )
    cases = (
        '<Cases><Case guid="00000000-0000-4000-8000-000000000020" name="P01">'
        "<Description>the CEO</Description>"
        '<VariableValue><VariableRef targetGUID="00000000-0000-4000-8000-000000000030"/>'
        "<TextValue>north</TextValue></VariableValue>"
        f'<SourceRef targetGUID="{SOURCE}"/></Case></Cases>'
    )
    qde = project_xml(src, codes=COLOURED).replace("<Sources>", cases + "<Sources>")
    return build_qdpx(tmp_path / "t1.qdpx", qde)


def test_code_colours_are_imported_and_the_rest_is_named_as_not_imported(tmp_path: Path) -> None:
    """The selection's memo (its description, a quotation's comment) is the coder's note on
    the passage (before session 33: named as not imported, "1 selection memo")."""
    p = read_qdpx(coloured_project(tmp_path))
    assert p.colors == {STAFFING: "#FF0000", "00000000-0000-4000-8000-000000000002": "#0f0"}
    assert p.warnings == [
        "not imported: 1 case description, 1 case variable value, 1 source description "
        "(only text sources, codes, codings and the notes on coded passages are)"
    ]
    assert [s.segment.text for s in p.codings["Alice"]] == [QUOTE]
    assert p.codings["Alice"].meta["notes"] == {"p01:@23-63": ["my memo on this quote"]}


def test_reading_transcripts_names_what_of_the_project_is_not_imported(tmp_path: Path) -> None:
    """``roqa code project.qdpx`` reads the transcripts only; before, it printed none of this
    line, which ``roqa agree project.qdpx`` printed (tester s54), though the docs say both do."""
    from roqa_nlp.transcripts import read_transcripts

    path = coloured_project(tmp_path)
    with pytest.warns(RoqaWarning) as got:
        (t,) = read_transcripts([path])
    assert t.id == "p01"
    assert [str(w.message) for w in got] == [
        f"{path}: not imported: 1 case description, 1 case variable value, 1 source description "
        "(only text sources, codes, codings and the notes on coded passages are)"
    ]


def _case_guids(path: Path) -> dict[str, str]:
    return {c.get("name", ""): c.get("guid", "") for c in qde_of(path).iter(NS + "Case")}


def test_a_case_read_from_a_project_keeps_its_guid_in_an_export(tmp_path: Path) -> None:
    """Before, the case got a GUID of roqa's (``RM01`` ``3FCA6158-…`` became ``3f1a007d-…``,
    tester s54): merged back into the project by GUID, it was a second ``P01`` case."""
    p = read_qdpx(coloured_project(tmp_path))
    assert p.transcripts[0].metadata["refi_case"] == {
        "guid": "00000000-0000-4000-8000-000000000020",
        "name": "P01",
    }
    export_qdpx(p.codings["Alice"], p.codebook, tmp_path / "out.qdpx")
    assert _case_guids(tmp_path / "out.qdpx") == {"P01": "00000000-0000-4000-8000-000000000020"}
    again = read_qdpx(tmp_path / "out.qdpx")
    export_qdpx(again.codings["Alice"], again.codebook, tmp_path / "again.qdpx")
    assert _case_guids(tmp_path / "again.qdpx") == _case_guids(tmp_path / "out.qdpx")


def test_a_case_renamed_since_it_was_read_gets_a_guid_of_its_own(tmp_path: Path) -> None:
    p = read_qdpx(coloured_project(tmp_path))
    result = p.codings["Alice"]
    # another case than the project's P01 (pseudonymised, say)
    result.transcripts = {k: replace(t, participant="P99") for k, t in result.transcripts.items()}
    export_qdpx(result, p.codebook, tmp_path / "out.qdpx")
    assert _case_guids(tmp_path / "out.qdpx") == {"P99": stable_guid("case", "P99")}


def test_an_invalid_colour_is_named_and_not_kept(tmp_path: Path) -> None:
    codes = f'<Code guid="{STAFFING}" name="Staffing" isCodable="true" color="red"/>'
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml("", codes=codes)))
    assert p.colors == {}
    assert p.warnings == ["code 'Staffing' has the colour 'red', not #RRGGBB: not kept"]


@needs_reference
def test_cli_code_colours_go_through_codebook_json_to_qdpx_and_qdc(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["import", str(coloured_project(tmp_path)), "--out", str(tmp_path / "imp")], capsys)
    book = json.loads((tmp_path / "imp" / "codebook.json").read_text())
    assert [c.get("color") for c in book["codes"]] == ["#FF0000", "#0f0", None]
    assert Codebook.load(tmp_path / "imp" / "codebook.json").hash == book_hash_without_colours(book)
    qdpx, qdc = tmp_path / "alice.qdpx", tmp_path / "book.qdc"
    code, _, err = run(
        ["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(qdpx)], capsys
    )
    assert code == 0, err
    colours = {c.get("name"): c.get("color") for c in qde_of(qdpx).iter(NS + "Code")}
    assert colours == {
        "Staffing": "#FF0000",
        "Money": "#0f0",
        "Time": None,
        "Valence (roqa_nlp)": None,
        "Barrier": "#A63D00",
        "Enabler": "#1F4E99",
        "Neutral": "#999999",
    }
    assert schema_errors(qdpx_project(qdpx), PROJECT_XSD) == []
    code, _, err = run(
        ["export", "--qdc", str(qdc), "--codebook", str(tmp_path / "imp" / "codebook.json")],
        capsys,
    )
    assert code == 0, err
    assert schema_errors(qdc.read_bytes(), CODEBOOK_XSD) == []
    got: dict[str, str] = {}
    read_qdc(qdc, colors=got)
    assert sorted(got.values()) == ["#0f0", "#FF0000"]


def book_hash_without_colours(book: dict) -> str:
    plain = {**book, "codes": [{k: v for k, v in c.items() if k != "color"} for c in book["codes"]]}
    return Codebook.from_dict(plain).hash


def qdpx_project(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return z.read("project.qde")


def test_colours_given_to_the_exporters_are_written(tmp_path: Path) -> None:
    book = Codebook.load("cfir-2009")
    assert b'name="Available Resources" isCodable="true" color="#00AA00"' in qdc_bytes(
        book, {"IS.E.2": "#00AA00", "IS.E.1": "not a colour"}
    )
    export_qdpx(one_segment_result(), book, tmp_path / "m.qdpx", colors={"IS.E.2": "#00AA00"})
    coloured = [
        c.get("name") for c in qde_of(tmp_path / "m.qdpx").iter(NS + "Code") if c.get("color")
    ]
    assert coloured == ["Available Resources", "Barrier", "Enabler", "Neutral"]
    export_qdc(book, tmp_path / "b.qdc", {"IS.E.2": "#00AA00"})
    got: dict[str, str] = {}
    assert read_qdc(tmp_path / "b.qdc", colors=got).id == "cfir-2009"
    assert got == {"IS.E.2": "#00AA00"}


# -- D7: a source in several cases ------------------------------------------------------------------


def in_cases(tmp_path: Path, names: list[str], text: str) -> QdpxProject:
    """A project whose one source (``text``) is in the cases ``names``, read."""
    cases = "".join(
        f'<Case guid="00000000-0000-4000-8000-00000000002{i}" name="{name}">'
        f'<SourceRef targetGUID="{SOURCE}"/></Case>'
        for i, name in enumerate(names)
    )
    src = (
        f'<TextSource guid="{SOURCE}" name="p07"><PlainTextContent>{text}'
        "</PlainTextContent></TextSource>"
    )
    qde = project_xml(src).replace("<Sources>", f"<Cases>{cases}</Cases><Sources>")
    return read_qdpx(build_qdpx(tmp_path / "q.qdpx", qde))


def test_a_source_in_several_cases_keeps_its_speakers_case_and_names_them_all(
    tmp_path: Path,
) -> None:
    p = in_cases(tmp_path, ["Site A", "P07"], "I: Why?\nP07: We lacked staff.")
    assert [t.participant for t in p.transcripts] == ["P07"]
    assert p.warnings == [
        "source 'p07' is in 2 cases, 'Site A', 'P07': only 'P07' (its speakers' participant) "
        "is kept"
    ]
    assert p.source_warnings == p.warnings


def test_a_source_in_several_cases_none_its_speakers_keeps_the_first(tmp_path: Path) -> None:
    p = in_cases(tmp_path, ["Site A", "Cohort 2"], "P07: We lacked staff.")
    assert [t.participant for t in p.transcripts] == ["Site A"]
    assert p.warnings == ["source 'p07' is in 2 cases, 'Site A', 'Cohort 2': only 'Site A' is kept"]


# -- D8, D9: GUIDs per user; a person's own GUID and source names go back ---------------------------


def test_selection_and_coding_guids_differ_between_users_and_stay_stable_for_one(
    tmp_path: Path,
) -> None:
    book = Codebook.load("cfir-2009")
    sug = [Suggestion("IS.E.2", "Available Resources", "IS", 1.0)]
    ann = one_segment_result(suggestions=sug, meta={"user": {"name": "Ann"}})
    export_qdpx(one_segment_result(suggestions=sug), book, tmp_path / "model.qdpx")
    export_qdpx(ann, book, tmp_path / "ann.qdpx")
    export_qdpx(ann, book, tmp_path / "ann2.qdpx")

    def guids(name: str) -> tuple[str | None, str | None]:
        (sel,) = selections_of(tmp_path / name)
        return sel.get("guid"), sel.find(NS + "Coding").get("guid")  # type: ignore[union-attr]

    model, first, again = guids("model.qdpx"), guids("ann.qdpx"), guids("ann2.qdpx")
    assert first == again
    assert model[0] != first[0] and model[1] != first[1]
    (sel,) = selections_of(tmp_path / "ann.qdpx")
    span = (sel.get("startPosition") or "", sel.get("endPosition") or "")
    ann_guid = stable_guid("user", "Ann")
    assert first[0] == stable_guid("selection", "cfir-2009", "P04", *span, "IS.E.2", ann_guid)


def test_a_persons_export_keeps_their_guid_the_source_name_and_the_project_name(
    tmp_path: Path,
) -> None:
    result = persons_result(TEXT, QUOTE, [("IS.E.2", "Available Resources", "IS")])
    summary = export_qdpx(result, Codebook.load("cfir-2009"), tmp_path / "a.qdpx")
    assert (summary.user, summary.by_person) == ("Alice", True)
    root = qde_of(tmp_path / "a.qdpx")
    assert [(u.get("guid"), u.get("name")) for u in root.iter(NS + "User")] == [(ALICE, "Alice")]
    assert root.get("creatingUserGUID") == ALICE
    assert root.get("name") == "Site study"
    assert [(s.get("guid"), s.get("name")) for s in root.iter(NS + "TextSource")] == [
        (SOURCE, "p01.txt")
    ]
    assert {c.get("creatingUser") for c in root.iter(NS + "Coding")} == {ALICE}
    back = read_qdpx(tmp_path / "a.qdpx")
    assert [t.id for t in back.transcripts] == ["p01"]
    assert [(u.guid, u.name) for u in back.users] == [(ALICE, "Alice")]


# -- D10: importing over an earlier import -----------------------------------------------------------


def two_coder_project(name: str, bob: bool) -> str:
    users = f'<User guid="{ALICE}" name="Alice"/><User guid="{MACHINE}" name="Bob"/>'
    sels = selection(0, 2).replace("00000000-0000-4000-8000-0000000000aa", ALICE)
    if bob:
        sels += selection(3, 9).replace("00000000-0000-4000-8000-0000000000aa", MACHINE)
    src = (
        f'<TextSource guid="{SOURCE}" name="P1"><PlainTextContent>We lacked staff.'
        f"</PlainTextContent>{sels}</TextSource>"
    )
    return project_xml(src, users=users).replace('name="Quirks"', f'name="{name}"')


def test_cli_import_of_another_project_into_an_earlier_import_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    first = build_qdpx(tmp_path / "a.qdpx", two_coder_project("Study A", bob=True))
    other = build_qdpx(tmp_path / "b.qdpx", two_coder_project("Study B", bob=False))
    assert run(["import", str(first), "--out", str(out)], capsys)[0] == 0
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    code, stdout, err = run(["import", str(other), "--out", str(out)], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {out}: already holds the import of another project ('Study A', not "
        "'Study B'); refusing to mix their coders (give a new or empty --out folder, or delete "
        "this one first)\n"
    )
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before


def test_cli_import_of_the_same_project_again_replaces_its_coders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o"
    first = build_qdpx(tmp_path / "a.qdpx", two_coder_project("Study A", bob=True))
    again = build_qdpx(tmp_path / "a2.qdpx", two_coder_project("Study A", bob=False))
    run(["import", str(first), "--out", str(out)], capsys)
    assert sorted(p.name for p in (out / "codings").iterdir()) == ["Alice", "Bob"]
    code, stdout, _ = run(["import", str(again), "--out", str(out)], capsys)
    assert code == 0
    assert sorted(p.name for p in (out / "codings").iterdir()) == ["Alice"]
    assert (
        f"replaced the previous import of project 'Study A' in {out} (its transcripts/, "
        "codings/, decisions/ folders)"
    ) in stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.qdpx", "a2.qdpx", "o"]


def test_cli_import_of_another_file_of_the_same_name_keeps_the_earlier_coders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two co-authors' projects both named as roqa's export: Carol's does not replace Alice's
    (before: Alice's codings and decisions were silently removed)."""
    out = tmp_path / "o"
    first = build_qdpx(tmp_path / "alice.qdpx", two_coder_project("Study A", bob=False))
    carol = "33333333-3333-4333-8333-333333333333"
    other = build_qdpx(
        tmp_path / "carol.qdpx",
        two_coder_project("Study A", bob=False)
        .replace(ALICE, carol)
        .replace('name="Alice"', 'name="Carol"'),
    )
    assert run(["import", str(first), "--out", str(out)], capsys)[0] == 0
    before = sorted(str(p.relative_to(out)) for p in out.rglob("*"))
    code, _, err = run(["import", str(other), "--out", str(out)], capsys)
    assert code == 2
    assert err == (
        f"roqa: error: {out}: already holds the import of another file of project 'Study A' "
        "(alice.qdpx), with the codings of Alice, who is not a user of carol.qdpx; refusing to "
        "replace them (give another --out folder to import both, or delete this one first if "
        "the new file replaces it)\n"
    )
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == before


def _with_carol(xml: str, guid: str = "33333333-3333-4333-8333-333333333333") -> str:
    """The project ``xml`` with a coder Carol, who coded "lacked"."""
    carol = selection(3, 9).replace("00000000-0000-4000-8000-0000000000aa", guid)
    return xml.replace("</PlainTextContent>", "</PlainTextContent>" + carol).replace(
        '<User guid="', f'<User guid="{guid}" name="Carol"/><User guid="', 1
    )


def test_cli_import_of_the_project_again_without_a_coder_replaces_it_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Regression hunt, session 58: a re-export of the project after Carol was deleted from it
    was refused, as another file holding the codings of coders it lacks. A coder deleted since
    does not linger (docs/refi-qda.md): the import is replaced, and the line says whose codings
    went with it. Alice, still a user, makes it the same project."""
    out = tmp_path / "o"
    first = build_qdpx(tmp_path / "both.qdpx", _with_carol(two_coder_project("Study A", False)))
    again = build_qdpx(tmp_path / "alice.qdpx", two_coder_project("Study A", bob=False))
    assert run(["import", str(first), "--out", str(out)], capsys)[0] == 0
    assert (out / "codings" / "Carol").is_dir()
    code, said, err = run(["import", str(again), "--out", str(out)], capsys)
    assert code == 0, err
    assert (
        f"replaced the previous import of project 'Study A' in {out} (its transcripts/, "
        "codings/, decisions/ folders); the codings of Carol, no user of alice.qdpx, are gone "
        "with it\n"
    ) in said
    assert not (out / "codings" / "Carol").exists() and (out / "codings" / "Alice").is_dir()


def test_cli_import_of_the_project_with_new_user_guids_is_the_same_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A program that gives the users new GUIDs on export keeps their names: the same project,
    replaced, nobody's codings said to be gone (regression hunt, session 58: refused)."""
    out = tmp_path / "o"
    xml = _with_carol(two_coder_project("Study A", bob=False))
    first = build_qdpx(tmp_path / "a.qdpx", xml)
    renewed = xml.replace(ALICE, "44444444-4444-4444-8444-444444444444").replace(
        "33333333-3333-4333-8333-333333333333", "55555555-5555-4555-8555-555555555555"
    )
    again = build_qdpx(tmp_path / "b.qdpx", renewed)
    assert run(["import", str(first), "--out", str(out)], capsys)[0] == 0
    code, said, err = run(["import", str(again), "--out", str(out)], capsys)
    assert code == 0, err
    assert "replaced the previous import of project 'Study A'" in said
    assert "are gone with it" not in said


@pytest.mark.parametrize("theirs", ["codings/Zed", "codings.jsonl"])
def test_cli_import_beside_codings_it_did_not_write_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], theirs: str
) -> None:
    """A coder's folder, or the output folder of roqa code (its codings.jsonl)."""
    out = tmp_path / "o"
    (out / "codings").mkdir(parents=True)
    if theirs == "codings.jsonl":
        (out / theirs).write_text("{}\n", encoding="utf-8")
    else:
        (out / theirs).mkdir()
    path = build_qdpx(tmp_path / "a.qdpx", two_coder_project("Study A", bob=True))
    code, _, err = run(["import", str(path), "--out", str(out)], capsys)
    assert code == 2
    assert "already holds codings that roqa import did not write" in err


# -- D11: messages that count right ------------------------------------------------------------------


def test_a_user_missing_from_users_is_named_once_with_their_codings(tmp_path: Path) -> None:
    stranger = "00000000-0000-4000-8000-0000000000bb"
    sels = "".join(
        selection(a, b).replace("00000000-0000-4000-8000-0000000000aa", stranger)
        for a, b in [(0, 2), (3, 9), (10, 15)]
    )
    src = (
        f'<TextSource guid="{SOURCE}" name="P1"><PlainTextContent>We lacked staff.'
        f"</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert p.warnings == [
        f"3 codings by user '{stranger}', who is not in the project's <Users>: imported as a "
        "coder of that name"
    ]


def test_a_user_missing_from_users_is_counted_as_the_summary_counts_their_codings(
    tmp_path: Path,
) -> None:
    """A valence code's coding gives the passage its valence: not counted as a coding (before:
    "9 codings by user ..." beside the summary's "(7)")."""
    stranger = "00000000-0000-4000-8000-0000000000bb"
    barrier = "00000000-0000-4000-8000-000000000002"
    codes = (
        f'<Code guid="{STAFFING}" name="Staffing" isCodable="true"/>'
        f'<Code guid="{barrier}" name="Barrier" isCodable="true"/>'
    )
    sels = "".join(
        selection(0, 2, code).replace("00000000-0000-4000-8000-0000000000aa", stranger)
        for code in (STAFFING, barrier)
    )
    src = (
        f'<TextSource guid="{SOURCE}" name="P1"><PlainTextContent>We lacked staff.'
        f"</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src, codes=codes)))
    assert [(x.code_id, x.valence) for s in p.codings[stranger] for x in s.suggestions] == [
        (STAFFING, "barrier")
    ]
    assert p.warnings == [
        f"1 coding by user '{stranger}', who is not in the project's <Users>: imported as a "
        "coder of that name"
    ]


def test_non_text_sources_are_reported_with_the_codings_they_held(tmp_path: Path) -> None:
    src = (
        '<PDFSource guid="00000000-0000-4000-8000-000000000012" name="a.pdf">'
        f'<Representation guid="{uuid.uuid4()}">{selection(0, 2)}{selection(3, 4)}'
        "</Representation></PDFSource>"
        '<PictureSource guid="00000000-0000-4000-8000-000000000013" name="b.png"/>'
        '<AudioSource guid="00000000-0000-4000-8000-000000000014" name="c.mp3">'
        f'<AudioSelection guid="{uuid.uuid4()}" begin="0" end="9">'
        f'<Coding guid="{uuid.uuid4()}"><CodeRef targetGUID="{STAFFING}"/></Coding>'
        "</AudioSelection></AudioSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert p.warnings == [
        "not imported: 1 PDF source with 2 codings, 1 picture source, 1 audio source with "
        "1 coding (only text sources, codes, codings and the notes on coded passages are)"
    ]


def model_segment(i: int, start: int, end: int, **kw: object) -> SegmentResult:
    seg = Segment(f"P04:{i}", "P04", "P04", "participant", start, end, TEXT2[start:end])
    return SegmentResult(seg, **kw)  # type: ignore[arg-type]


TEXT2 = "P04: Hello there. We lacked staff. And money. Bye now."


def test_cli_export_counts_every_segment_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    t = Transcript("P04", TEXT2, [], participant="P04")
    sug = [Suggestion("IS.E.2", "Available Resources", "IS", 0.9, "barrier")]
    result = CodingResult(
        segments=[
            model_segment(0, 5, 17, suggestions=[], procedural=True),
            model_segment(1, 18, 34, suggestions=sug),
            model_segment(2, 35, 45, suggestions=[]),
            model_segment(3, 46, 54, suggestions=[]),
        ],
        transcripts={"P04": t},
        meta={"model": {"hash": "ab" * 32}},
    )
    result.save(tmp_path / "run")
    code, stdout, _ = run(
        ["export", str(tmp_path / "run"), "--qdpx", str(tmp_path / "m.qdpx")], capsys
    )
    assert code == 0
    assert stdout.endswith(
        "1 suggested codings by user 'roqa_nlp 0.1.0 (model sha256: abababab…)', codebook "
        "cfir-2009 and the valence codes Barrier, Enabler, Neutral (under 'Valence (roqa_nlp)') "
        "to give a passage's valence; 3 segments left out as in the report (fit no code or "
        "procedural talk: 1; no suggestion: 2)\n"
    )


def test_export_takes_a_models_suggestions_by_probability(tmp_path: Path) -> None:
    low_first = [
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.2, "enabler"),
        Suggestion("IS.E.2", "Available Resources", "IS", 0.9, "barrier"),
    ]
    export_qdpx(
        one_segment_result(suggestions=low_first), Codebook.load("cfir-2009"), tmp_path / "m.qdpx"
    )
    (sel,) = selections_of(tmp_path / "m.qdpx")
    assert sel.findtext(NS + "Description") == (
        "suggested by roqa_nlp: Available Resources (p=0.900, barrier)"
    )


@pytest.mark.parametrize(
    ("p", "text"),
    [
        (0.9, "0.900"),
        (0.823456, "0.823456"),
        (0.0912, "0.0912"),
        (1.0, "1.000"),
        (0.0, "0.000"),
        (1e-7, "0.0000001"),
    ],
)
def test_the_suggestion_note_keeps_the_probability_exactly(p: float, text: str) -> None:
    assert (
        suggestion_description("X", p, "neutral") == f"suggested by roqa_nlp: X (p={text}, neutral)"
    )


def test_probabilities_come_back_exactly_so_ties_and_thresholds_do_not_move(
    tmp_path: Path,
) -> None:
    close = [
        Suggestion("IS.E.2", "Available Resources", "IS", 0.504999, "barrier"),
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.503001, "enabler"),
    ]
    export_qdpx(
        one_segment_result(suggestions=close),
        Codebook.load("cfir-2009"),
        tmp_path / "m.qdpx",
        top_k=None,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (machine,) = read_qdpx_codings(tmp_path / "m.qdpx").values()
    assert [(g.code_id, g.probability) for g in machine.segments[0].suggestions] == [
        ("IS.E.2", 0.504999),
        ("IS.E.1", 0.503001),
    ]
