"""Specification of REFI-QDA exchange: schema-valid export, import of real exports, safety.

Real files from NVivo, qc, ATLAS.ti and Taguette and the official XSDs are read from
``<repo>/../shared/reference/refi-qda/`` (never copied into the repo); tests needing them skip
when that directory is absent.
"""

from __future__ import annotations

import io
import re
import struct
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import QdpxProject, export_qdc, export_qdpx, read_qdc, read_qdpx
from roqa_nlp.exchange.plaintext import normalise_newlines
from roqa_nlp.exchange.qdpx_import import read_qdpx_codings, read_qdpx_transcripts
from roqa_nlp.exchange.refiqda import GUID_NAMESPACE
from roqa_nlp.exchange.safezip import DEFAULT_LIMITS
from roqa_nlp.exchange.validation import qdpx_schema_errors, schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts.segment import segment

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference" / "refi-qda"
SAMPLES = REF / "samples"
PROJECT_XSD = REF / "xsd" / "Project-mrt2019.xsd"
CODEBOOK_XSD = REF / "xsd" / "Codebook-mrt2019.xsd"
NS = "{urn:QDA-XML:project:1.0}"

needs_reference = pytest.mark.skipif(
    not REF.is_dir(),
    reason=f"REFI-QDA reference files not found at {REF} (shared reference data is not in the repo)",
)


def small_codebook() -> Codebook:
    """A CFIR 2009 excerpt with the real ids and names, for when the codebook file is absent."""
    return Codebook(
        id="cfir-2009",
        name="CFIR 2009 (excerpt)",
        codes=[
            Code("IC", "Intervention Characteristics", "domain", codable=False),
            Code("IC.A", "Intervention Source", "construct", "IC", "IC"),
            Code("IS", "Inner Setting", "domain", codable=False),
            Code("IS.D", "Implementation Climate", "construct", "IS", "IS"),
            Code("IS.E", "Readiness for Implementation", "construct", "IS", "IS"),
            Code("IS.E.1", "Leadership Engagement", "subconstruct", "IS.E", "IS"),
            Code("IS.E.2", "Available Resources", "subconstruct", "IS.E", "IS"),
        ],
    )


@pytest.fixture(scope="module")
def book() -> Codebook:
    if (ROOT / "src" / "roqa_nlp" / "codebooks" / "cfir-2009.json").exists():
        return Codebook.load("cfir-2009")
    return small_codebook()


TEXT = "I: How were staff?\r\nP04: Café 😀 we lacked staff.\r\nP04: The manager backed us."


def one_segment_result(
    text: str = TEXT,
    quote: str = "Café 😀 we lacked staff.",
    suggestions: list[Suggestion] | None = None,
    meta: dict | None = None,
) -> CodingResult:
    t = Transcript(id="P04", text=text, turns=[], participant="P04")
    s = text.index(quote)
    seg = Segment("P04:1", "P04", "P04", "participant", s, s + len(quote), quote)
    if suggestions is None:
        suggestions = [Suggestion("IS.E.2", "Available Resources", "IS", 0.823, "barrier")]
    return CodingResult(
        segments=[SegmentResult(seg, suggestions)],
        transcripts={"P04": t},
        meta={"model": {"hash": "abcd1234ef567890"}} if meta is None else meta,
    )


def qde_of(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read("project.qde"))


def selections_of(path: Path) -> list[ET.Element]:
    return list(qde_of(path).iter(NS + "PlainTextSelection"))


def build_qdpx(path: Path, qde: str | bytes, members: dict[str, bytes] | None = None) -> Path:
    """A .qdpx with ``qde`` as project.qde and extra members (name -> bytes)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", qde if isinstance(qde, bytes) else qde.encode("utf-8"))
        for name, data in (members or {}).items():
            zf.writestr(name, data)
    return path


def project_xml(sources: str, codes: str | None = None, users: str | None = None) -> str:
    codes = (
        codes
        if codes is not None
        else (
            '<Code guid="00000000-0000-4000-8000-000000000001" name="Staffing" isCodable="true"/>'
        )
    )
    users = (
        users
        if users is not None
        else ('<User guid="00000000-0000-4000-8000-0000000000aa" name="Alice"/>')
    )
    return (
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Quirks">'
        f"<Users>{users}</Users><CodeBook><Codes>{codes}</Codes></CodeBook>"
        f"<Sources>{sources}</Sources></Project>"
    )


def selection(
    start: int,
    end: int,
    code: str = "00000000-0000-4000-8000-000000000001",
    user: str = "00000000-0000-4000-8000-0000000000aa",
) -> str:
    """A selection of ``start``-``end`` with one coding of ``code`` by ``user`` (Alice's GUID)."""
    return (
        f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def one_source_project(tmp_path: Path, selections: str, users: str | None = None) -> QdpxProject:
    """The project read from ``q.qdpx``: one source, ``a.txt`` ("We lacked staff."), holding
    ``selections``; ``users`` as :func:`project_xml` takes them."""
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" plainTextPath="a.txt">'
        f"{selections}</TextSource>"
    )
    return read_qdpx(
        build_qdpx(
            tmp_path / "q.qdpx",
            project_xml(src, users=users),
            {"sources/a.txt": b"We lacked staff."},
        )
    )


# -- export: schema validity ------------------------------------------------------------------------


@needs_reference
def test_project_export_is_valid_against_the_project_schema(tmp_path: Path, book: Codebook) -> None:
    sugs = [
        Suggestion("IS.E.2", "Available Resources", "IS", 0.82, "barrier"),
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.41, "facilitator"),
    ]
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(suggestions=sugs), book, out, top_k=3)
    assert qdpx_schema_errors(out, PROJECT_XSD) == []


@needs_reference
def test_project_export_without_codings_is_valid(tmp_path: Path, book: Codebook) -> None:
    result = one_segment_result()
    result.segments = []
    out = tmp_path / "s.qdpx"
    export_qdpx(result, book, out)
    assert qdpx_schema_errors(out, PROJECT_XSD) == []


def project_codebook(book: Codebook) -> Codebook:
    """A study's codebook: CFIR plus an inductive code under a domain and a new top-level theme."""
    return book.with_codes(
        [
            Code("IS.X", "Agency staff turnover", "construct", "IS", "IS", description="new"),
            Code("T1", "Covid-19 & lockdown", "domain", codable=True),
        ],
        id="rm-study",
    )


@needs_reference
@pytest.mark.parametrize("which", ["cfir-2009", "cfir-2022", "project"])
def test_codebook_export_is_valid_against_the_codebook_schema(
    tmp_path: Path, book: Codebook, which: str
) -> None:
    if which == "project":
        cb = project_codebook(book)
    elif which == "cfir-2022":
        if not (ROOT / "src" / "roqa_nlp" / "codebooks" / "cfir-2022.json").exists():
            pytest.skip("cfir-2022 codebook file not present")
        cb = Codebook.load("cfir-2022")
    else:
        cb = book
    out = export_qdc(cb, tmp_path / "c.qdc")
    assert schema_errors(out.read_bytes(), CODEBOOK_XSD) == []


def test_exports_take_a_codebook_by_its_id_as_every_function_does(tmp_path: Path) -> None:
    """export_qdc("cfir-2009", ...) raised AttributeError (session 27)."""
    cfir = Codebook.load("cfir-2009")
    by_id = export_qdc("cfir-2009", tmp_path / "a.qdc").read_bytes()
    assert by_id == export_qdc(cfir, tmp_path / "b.qdc").read_bytes()
    result = one_segment_result()
    export_qdpx(result, "cfir-2009", tmp_path / "a.qdpx")
    export_qdpx(result, cfir, tmp_path / "b.qdpx")
    assert qde_of(tmp_path / "a.qdpx").get("name") == qde_of(tmp_path / "b.qdpx").get("name")
    assert len(selections_of(tmp_path / "a.qdpx")) == len(selections_of(tmp_path / "b.qdpx")) == 1


def test_a_project_given_for_a_codebook_file_says_what_it_is(tmp_path: Path) -> None:
    """read_qdc() on a valid .qdpx said 'not well-formed XML ... the file is damaged'."""
    export_qdpx(one_segment_result(), "cfir-2009", tmp_path / "p.qdpx")
    with pytest.raises(RoqaError) as caught:
        read_qdc(tmp_path / "p.qdpx")
    assert str(caught.value) == (
        f"{tmp_path / 'p.qdpx'}: is a REFI-QDA project (.qdpx), not a codebook file (.qdc) (read "
        "the project's codebook with read_qdpx(path).codebook, or `roqa import`)"
    )


def test_codebook_export_has_no_sets_element(tmp_path: Path, book: Codebook) -> None:
    out = export_qdc(book, tmp_path / "c.qdc")
    assert b"<Sets" not in out.read_bytes()


# -- export: content --------------------------------------------------------------------------------


def code_elements(root: ET.Element, ns: str = NS) -> dict[str, ET.Element]:
    return {el.get("name", ""): el for el in root.iter(ns + "Code")}


def test_domains_are_not_codable_and_constructs_are(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    codes = code_elements(qde_of(out))
    assert codes["Inner Setting"].get("isCodable") == "false"
    assert codes["Readiness for Implementation"].get("isCodable") == "true"
    assert codes["Available Resources"].get("isCodable") == "true"


def test_code_tree_follows_the_codebook_hierarchy(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    codes = code_elements(qde_of(out))
    kids = [c.get("name") for c in codes["Readiness for Implementation"].findall(NS + "Code")]
    assert "Available Resources" in kids
    top = [c.get("name") for c in qde_of(out).find(f"{NS}CodeBook/{NS}Codes")]
    assert top == [*(c.name for c in book.domains), "Valence (roqa_nlp)"]


def test_code_guids_are_uuid5_of_codebook_and_code_id(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    guid = code_elements(qde_of(out))["Available Resources"].get("guid")
    assert guid == str(uuid.uuid5(GUID_NAMESPACE, "cfir-2009/IS.E.2"))


def test_reexport_keeps_every_guid(tmp_path: Path, book: Codebook) -> None:
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    export_qdpx(one_segment_result(), book, a)
    export_qdpx(one_segment_result(), book, b)
    guids = [[el.get("guid") for el in qde_of(p).iter() if el.get("guid")] for p in (a, b)]
    assert guids[0] == guids[1]


def test_transcript_is_a_utf8_text_source_referenced_as_internal(
    tmp_path: Path, book: Codebook
) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(text="Café 😀 we lacked staff.", quote="we lacked"), book, out)
    src = next(qde_of(out).iter(NS + "TextSource"))
    guid = src.get("guid")
    assert src.get("name") == "P04"
    assert src.get("plainTextPath") == f"internal://{guid}.txt"
    with zipfile.ZipFile(out) as z:
        assert z.read(f"sources/{guid}.txt") == "Café 😀 we lacked staff.".encode()


def test_selection_offsets_are_code_points_of_exactly_the_segment(
    tmp_path: Path, book: Codebook
) -> None:
    text = "😀😀 Café: we lacked staff."
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(text=text, quote="we lacked staff"), book, out)
    (sel,) = selections_of(out)
    assert (sel.get("startPosition"), sel.get("endPosition")) == (
        "9",
        "24",
    )  # not 11 (UTF-16 units) nor 17 (UTF-8 bytes)
    assert text[9:24] == "we lacked staff"


def test_crlf_is_written_as_lf_with_offsets_shifted(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)  # TEXT has two CRLF line ends
    (sel,) = selections_of(out)
    start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
    with zipfile.ZipFile(out) as z:
        name = next(n for n in z.namelist() if n.startswith("sources/"))
        written = z.read(name).decode("utf-8")
    assert "\r" not in written
    assert (start, end) == (24, 47)
    assert written[start:end] == "Café 😀 we lacked staff."


def test_selection_is_named_after_its_line_and_segment(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    (sel,) = selections_of(out)
    assert sel.get("name") == "line:1 P04:1"  # qc places imported codings by "line:<n>"


def test_codings_belong_to_a_user_named_after_library_and_model(
    tmp_path: Path, book: Codebook
) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    root = qde_of(out)
    (user,) = root.iter(NS + "User")
    assert user.get("name") == "roqa_nlp 0.1.0 (model sha256: abcd1234…)"
    assert [c.get("creatingUser") for c in root.iter(NS + "Coding")] == [user.get("guid")]


def test_user_name_omits_the_model_when_no_hash_is_recorded(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    summary = export_qdpx(one_segment_result(meta={}), book, out)
    assert summary.user == "roqa_nlp 0.1.0"


def test_selection_description_carries_probability_and_valence(
    tmp_path: Path, book: Codebook
) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    (sel,) = selections_of(out)
    assert sel.findtext(NS + "Description") == (
        "suggested by roqa_nlp: Available Resources (p=0.823, barrier)"
    )


THREE = [
    Suggestion("IS.E.2", "Available Resources", "IS", 0.9, "barrier"),
    Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.5, "enabler"),
    Suggestion("IC.A", "Intervention Source", "IC", 0.2, "neutral"),
]


@pytest.mark.parametrize(
    ("top_k", "min_probability", "expected"),
    [(1, 0.0, 1), (2, 0.0, 2), (3, 0.0, 3), (None, 0.0, 3), (3, 0.5, 2), (2, 0.6, 1), (3, 0.95, 0)],
)
def test_top_k_and_minimum_probability_choose_the_codings(
    tmp_path: Path, book: Codebook, top_k: int | None, min_probability: float, expected: int
) -> None:
    out = tmp_path / "s.qdpx"
    summary = export_qdpx(
        one_segment_result(suggestions=THREE),
        book,
        out,
        top_k=top_k,
        min_probability=min_probability,
    )
    assert summary.selections == expected
    assert len(selections_of(out)) == expected


def test_each_suggested_coding_is_its_own_selection_of_the_same_span(
    tmp_path: Path, book: Codebook
) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(suggestions=THREE), book, out, top_k=3)
    sels = selections_of(out)
    assert {(s.get("startPosition"), s.get("endPosition")) for s in sels} == {("24", "47")}
    assert [len(s.findall(NS + "Coding")) for s in sels] == [1, 1, 1]


ANNS = {"user": {"name": "Ann"}}


@needs_reference
def test_a_persons_passage_of_two_codes_is_one_selection_with_a_coding_of_each(
    tmp_path: Path, book: Codebook
) -> None:
    """As the QDA program wrote it: a selection per passage may hold several codings. Before,
    each code was a selection of its own, shown as overlapping passages (qc-demo: 205, not 158)."""
    two = [
        Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier"),
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 1.0, "barrier"),
    ]
    result = one_segment_result(suggestions=two, meta={**ANNS, "notes": {"P04:1": ["Cuts."]}})
    out = tmp_path / "ann.qdpx"
    summary = export_qdpx(result, book, out)
    assert (summary.selections, summary.codings, summary.notes) == (1, 2, 1)
    (sel,) = selections_of(out)
    assert [c.tag.removeprefix(NS) for c in sel] == ["Description", "Coding", "Coding", "NoteRef"]
    assert sel.findtext(NS + "Description") == "valence: barrier"
    assert qdpx_schema_errors(out, PROJECT_XSD) == []
    (back,) = read_qdpx_codings(out)["Ann"]
    assert [(g.code_id, g.valence) for g in back.suggestions] == [
        ("IS.E.2", "barrier"),
        ("IS.E.1", "barrier"),
    ]


def test_a_persons_passage_keeps_the_guids_each_codes_selection_and_coding_had(
    tmp_path: Path, book: Codebook
) -> None:
    """A program merging an earlier export by GUID finds the same selection and codings: the
    selection's GUID is its first code's, each coding's the one it had."""
    two = [
        Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier"),
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 1.0, "barrier"),
    ]
    export_qdpx(one_segment_result(suggestions=two, meta=ANNS), book, tmp_path / "two.qdpx")
    earlier = []
    for i, sug in enumerate(two):
        export_qdpx(one_segment_result(suggestions=[sug], meta=ANNS), book, tmp_path / f"{i}.qdpx")
        earlier += selections_of(tmp_path / f"{i}.qdpx")
    (sel,) = selections_of(tmp_path / "two.qdpx")
    assert sel.get("guid") == earlier[0].get("guid")
    assert [c.get("guid") for c in sel.iter(NS + "Coding")] == [
        c.get("guid") for s in earlier for c in s.iter(NS + "Coding")
    ]


def test_a_persons_codes_given_different_valences_keep_a_selection_each(
    tmp_path: Path, book: Codebook
) -> None:
    """A selection's description gives its passage one valence: codes given two keep two."""
    mixed = [
        Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier"),
        Suggestion("IS.E.1", "Leadership Engagement", "IS", 1.0, "enabler"),
        Suggestion("IC.A", "Intervention Source", "IC", 1.0, "barrier"),
    ]
    out = tmp_path / "ann.qdpx"
    summary = export_qdpx(one_segment_result(suggestions=mixed, meta=ANNS), book, out)
    assert (summary.selections, summary.codings) == (2, 3)
    assert [
        (s.findtext(NS + "Description"), len(s.findall(NS + "Coding"))) for s in selections_of(out)
    ] == [("valence: barrier", 2), ("valence: enabler", 1)]
    (back,) = read_qdpx_codings(out)["Ann"]
    assert sorted((g.code_id, g.valence) for g in back.suggestions) == [
        ("IC.A", "barrier"),
        ("IS.E.1", "enabler"),
        ("IS.E.2", "barrier"),
    ]


@pytest.mark.parametrize(
    ("flags", "selections", "not_coded"),
    [
        ({}, 1, 0),
        ({"novel": True}, 0, 1),
        ({"novel": True, "off_topic": True}, 0, 1),
        ({"procedural": True}, 0, 1),
        ({"novel": False}, 1, 0),
    ],
)
def test_a_models_segments_that_fit_no_code_are_left_out_as_the_report_leaves_them(
    tmp_path: Path, book: Codebook, flags: dict, selections: int, not_coded: int
) -> None:
    result = one_segment_result()
    result.segments[0] = replace(result.segments[0], **flags)
    summary = export_qdpx(result, book, tmp_path / "s.qdpx")
    assert (summary.selections, summary.not_coded) == (selections, not_coded)
    assert len(selections_of(tmp_path / "s.qdpx")) == selections


def three_segments(tops: list[float]) -> CodingResult:
    """A model's codings of three segments of one transcript, their top suggestions at ``tops``
    (the second one each at 0.3), the first segment flagged as fitting no code."""
    quotes = ["We lacked staff.", "The manager backed us.", "Money was tight."]
    text = " ".join(quotes)
    t = Transcript(id="P04", text=text, turns=[], participant="P04")
    segments = []
    for i, (quote, top) in enumerate(zip(quotes, tops)):
        s = text.index(quote)
        seg = Segment(f"P04:{i}", "P04", "P04", "participant", s, s + len(quote), quote)
        suggestions = [
            Suggestion("IS.E.2", "Available Resources", "IS", top, "barrier"),
            Suggestion("IS.E.1", "Leadership Engagement", "IS", 0.3, "enabler"),
        ]
        segments.append(SegmentResult(seg, suggestions, novel=i == 0))
    return CodingResult(segments, {"P04": t}, {"model": {"hash": "abcd1234ef567890"}})


def test_the_segments_min_probability_leaves_out_are_counted(
    tmp_path: Path, book: Codebook
) -> None:
    """refi tester, session 50 (4): --min-probability 0.99 left 41 coded segments out unsaid.
    Those whose every suggestion exported is below it are counted apart from those left out as
    the report leaves them out (P04:0, fitting no code); a second suggestion below it on a
    segment still exported is no segment left out."""
    summary = export_qdpx(
        three_segments([0.9, 0.95, 0.6]), book, tmp_path / "s.qdpx", top_k=2, min_probability=0.9
    )
    assert (summary.selections, summary.not_coded, summary.below_min_probability) == (1, 1, 1)
    assert summary.left_out == 1


@pytest.mark.parametrize(
    ("top_k", "why"),
    [
        ([], "their top suggestion is below it"),
        (["--top-k", "2"], "their top 2 suggestions are all below it"),
    ],
)
def test_cli_export_says_how_many_segments_min_probability_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], top_k: list[str], why: str
) -> None:
    """The line says why those segments are left out: their suggestions (as many as --top-k
    takes) are below it. Before: "(every suggestion exported is below it)", which read as if
    they had been exported (re-tester s50, finding 8)."""
    three_segments([0.9, 0.95, 0.6]).save(tmp_path / "run")
    out = tmp_path / "out.qdpx"
    main(["export", str(tmp_path / "run"), "--qdpx", str(out), "--min-probability", "0.99", *top_k])
    assert (
        capsys.readouterr()
        .out.rstrip()
        .endswith(
            "; 1 segment left out as in the report (fit no code or procedural talk: 1); 2 segments "
            f"left out by --min-probability 0.99 ({why})"
        )
    )


def test_cli_export_with_nothing_coded_says_no_transcript_holds_a_coded_passage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every segment left out: the one transcript written holds no coded passage, said so
    (before this: "1 transcripts (0 coded, P04 with no coded passage)")."""
    three_segments([0.9, 0.95, 0.6]).save(tmp_path / "run")
    out = tmp_path / "out.qdpx"
    main(["export", str(tmp_path / "run"), "--qdpx", str(out), "--min-probability", "0.99"])
    assert capsys.readouterr().out.startswith(
        f"wrote {out}: 1 transcripts (none with a coded passage), 0 suggested codings by user "
    )


def test_cli_export_of_a_persons_codings_says_all_their_codes_are_below_min_probability(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A person's codings export every code by default: a segment is left out when all are."""
    result = three_segments([0.9, 0.95, 0.6])
    result.meta = {"user": {"name": "Alice"}}
    result.save(tmp_path / "run")
    out = tmp_path / "out.qdpx"
    main(["export", str(tmp_path / "run"), "--qdpx", str(out), "--min-probability", "0.99"])
    assert (
        capsys.readouterr()
        .out.rstrip()
        .endswith("left out by --min-probability 0.99 (their suggestions are all below it)")
    )


def test_participants_become_cases(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    root = qde_of(out)
    (case,) = root.iter(NS + "Case")
    src = next(root.iter(NS + "TextSource"))
    assert case.get("name") == "P04"
    assert case.find(NS + "SourceRef").get("targetGUID") == src.get("guid")  # type: ignore[union-attr]


def test_export_refuses_a_code_missing_from_the_codebook(tmp_path: Path, book: Codebook) -> None:
    out = tmp_path / "s.qdpx"
    bad = [Suggestion("ZZ.9", "Nope", None, 0.9)]
    with pytest.raises(RoqaError, match="'ZZ.9', which is not in codebook 'cfir-2009'"):
        export_qdpx(one_segment_result(suggestions=bad), book, out)
    assert not out.exists()


def test_export_refuses_a_segment_that_does_not_match_its_transcript(
    tmp_path: Path, book: Codebook
) -> None:
    result = one_segment_result()
    seg = result.segments[0].segment
    result.segments[0].segment = Segment(
        seg.id, seg.transcript_id, seg.speaker, seg.role, seg.start, seg.end, "something else"
    )
    with pytest.raises(RoqaError, match="does not match its transcript"):
        export_qdpx(result, book, tmp_path / "s.qdpx")


def test_export_refuses_codings_without_their_transcripts(tmp_path: Path, book: Codebook) -> None:
    result = one_segment_result()
    result.transcripts = {}
    with pytest.raises(RoqaError, match="keep transcripts.jsonl beside codings.jsonl"):
        export_qdpx(result, book, tmp_path / "s.qdpx")


def test_export_reports_a_suggested_domain_instead_of_coding_it(
    tmp_path: Path, book: Codebook
) -> None:
    sugs = [Suggestion("IS", "Inner Setting", "IS", 0.9)]
    summary = export_qdpx(one_segment_result(suggestions=sugs), book, tmp_path / "s.qdpx")
    assert summary.selections == 0
    assert summary.skipped == ["segment 'P04:1': IS Inner Setting is not codable (a domain)"]


# -- import: real exports ---------------------------------------------------------------------------


@needs_reference
def test_qc_demo_imports_its_codes_users_sources_and_codings() -> None:
    p = read_qdpx(SAMPLES / "qc-demo.qdpx")
    assert (len(p.codebook), len(p.codebook.domains)) == (262, 3)
    assert [u.name for u in p.users] == ["cp"]
    assert [t.id for t in p.transcripts] == ["board_2017", "admin-1"]
    assert list(p.codings) == ["cp"]
    assert (p.selection_count, p.coding_count) == (158, 205)
    assert p.warnings == []
    assert repr(p) == (  # one line in a notebook, not the 29,000 characters of every field
        "QdpxProject('qc project' from qc 1.3.2: 2 transcript(s), 262 codes, codings by cp "
        "(158), 0 warning(s))"
    )


@needs_reference
def test_qc_demo_every_selection_text_matches_the_source() -> None:
    with zipfile.ZipFile(SAMPLES / "qc-demo.qdpx") as z:
        root = ET.fromstring(z.read("project.qde"))
        raw = z.read("sources/board_2017.txt").decode("utf-8")
    expected = {
        (int(s.get("startPosition", "")), int(s.get("endPosition", "")))
        for s in root.iter(NS + "PlainTextSelection")
    }
    segs = read_qdpx_codings(SAMPLES / "qc-demo.qdpx")["cp"].segments
    assert {(s.segment.start, s.segment.end) for s in segs} == expected
    assert all(s.segment.text == raw[s.segment.start : s.segment.end] for s in segs)
    assert sum(s.segment.text.endswith("\n") for s in segs) == 158


@needs_reference
def test_qc_demo_codes_sharing_a_name_stay_distinct() -> None:
    book = read_qdpx(SAMPLES / "qc-demo.qdpx").codebook
    assert len([c for c in book.codes if c.name == "programming"]) == 2
    assert len({c.name for c in book.codes}) == 252


@needs_reference
def test_qc_demo_sources_without_names_are_named_after_their_file() -> None:
    (t, _) = read_qdpx_transcripts(SAMPLES / "qc-demo.qdpx")
    assert t.metadata["refi_name"] is None
    assert t.metadata["refi_path"] == "board_2017.txt"
    assert t.text.startswith("Speaker 1:")


@needs_reference
def test_nvivo_imports_two_users_and_reports_its_empty_sources() -> None:
    p = read_qdpx(SAMPLES / "nvivo-mac-15.qdpx")
    assert [u.name for u in p.users] == ["chrisp", "cp"]
    assert len(p.codebook) == 262
    assert (p.selection_count, p.coding_count, p.transcripts, p.codings) == (0, 0, [], {})
    assert p.warnings == [
        "source '66653866-6334-3535-3435-366637306566' has empty text: not imported",
        "source '33663939-3636-3632-3038-613431643463' has empty text: not imported",
    ]


@needs_reference
def test_nvivo_keeps_the_code_guids_of_the_qc_export() -> None:
    qc = read_qdpx(SAMPLES / "qc-demo.qdpx").codebook
    nvivo = read_qdpx(SAMPLES / "nvivo-mac-15.qdpx").codebook
    assert [(c.id, c.parent, c.name) for c in nvivo.codes] == [
        (c.id, c.parent, c.name) for c in qc.codes
    ]


@needs_reference
def test_atlas_target_imports_three_nested_codes_and_two_users() -> None:
    p = read_qdpx(SAMPLES / "atlasti-win-23-target.qdpx")
    assert [(c.name, c.level) for c in p.codebook.codes] == [
        ("Commits", "domain"),
        ("2022-05-10T02:05:59Z 19e4dce", "construct"),
        ("2022-02-11T10:39:25Z cdbfd92", "construct"),
    ]
    assert p.codebook.codes[1].id == "2D2466F0-D77F-4F8C-BDF9-628966B6B74D"
    assert [u.name for u in p.users] == ["Enric Llagostera", "ATLAS.ti"]
    assert (p.transcripts, p.codings, p.warnings) == ([], {}, [])


@needs_reference
def test_atlas_blank_imports_no_codes() -> None:
    p = read_qdpx(SAMPLES / "atlasti-win-23-blank.qdpx")
    assert (len(p.codebook), len(p.users), p.selection_count) == (0, 2, 0)
    assert p.codebook.id == "blank-atlas-project"


@needs_reference
def test_taguette_codebook_is_schema_invalid_but_imports() -> None:
    path = SAMPLES / "taguette-1.4.1-codebook.qdc"
    assert schema_errors(path.read_bytes(), CODEBOOK_XSD) != []
    book = read_qdc(path)
    assert [c.name for c in book.codes] == ["xsd:element name", "CodeBook", "Variables"]
    assert [c.level for c in book.codes] == ["domain", "domain", "domain"]


# -- import: quirks of the wild, in generated files --------------------------------------------------


def test_bare_file_name_in_capitalised_sources_folder_is_found(tmp_path: Path) -> None:
    src = '<TextSource guid="00000000-0000-4000-8000-000000000010" plainTextPath="a.txt"/>'
    p = build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"Sources/a.txt": b"We lacked staff."})
    assert [t.text for t in read_qdpx(p).transcripts] == ["We lacked staff."]


def sources_named(names: list[str]) -> tuple[str, dict[str, bytes]]:
    """Text sources with these names, in this order, each one coded passage, and their files."""
    xml, files = "", {}
    for n, name in enumerate(names, 16):
        xml += (
            f'<TextSource guid="00000000-0000-4000-8000-0000000000{n:02x}" name="{name}" '
            f'plainTextPath="internal://{n}.txt">{selection(3, 9)}</TextSource>'
        )
        files[f"sources/{n}.txt"] = b"We lacked staff."
    return xml, files


def test_sources_listed_in_plain_text_order_are_imported_with_numbers_as_numbers(
    tmp_path: Path,
) -> None:
    """NVivo lists sources by name (P1, P10, P11, P2): saturation was judged in that order
    without a word (session 27). Another order, the one they were added in, is kept."""
    names = ["P1 interview", "P10 interview", "P11 interview", "P2 interview", "P3 interview"]
    p = read_qdpx(
        build_qdpx(
            tmp_path / "q.qdpx", project_xml(sources_named(names)[0]), sources_named(names)[1]
        )
    )
    natural = ["P1 interview", "P2 interview", "P3 interview", "P10 interview", "P11 interview"]
    assert [t.id for t in p.transcripts] == natural
    assert [s.segment.transcript_id for s in p.codings["Alice"]] == natural
    assert list(p.codings["Alice"].transcripts) == natural
    assert [w for w in p.source_warnings if "plain text order" in w] == [
        "the project lists its 5 sources in plain text order (P1 interview, P10 interview, ...); "
        "they are imported with numbers as numbers (P1 interview, P2 interview, P3 interview, "
        "P10 interview ...), the order saturation is judged in (`roqa report "
        "--order` sets another)"
    ]
    added = ["P2 interview", "P1 interview", "P10 interview"]
    xml, files = sources_named(added)
    p = read_qdpx(build_qdpx(tmp_path / "r.qdpx", project_xml(xml), files))
    assert [t.id for t in p.transcripts] == added
    assert not [w for w in p.warnings if "plain text order" in w]


def test_a_coding_by_a_user_missing_from_users_is_imported_with_a_warning(tmp_path: Path) -> None:
    stranger = "00000000-0000-4000-8000-0000000000bb"
    sel = selection(3, 9).replace('creatingUser="00000000-0000-4000-8000-0000000000aa"', "")
    sel = sel.replace("<Coding ", f'<Coding creatingUser="{stranger}" ')
    p = one_source_project(tmp_path, sel)
    assert list(p.codings) == [stranger]
    assert [w for w in p.warnings if "<Users>" in w] == [
        f"1 coding by user '{stranger}', who is not in the project's <Users>: "
        "imported as a coder of that name"
    ]


def test_a_user_missing_from_users_keeps_their_guid_as_given_and_goes_back_under_it(
    tmp_path: Path,
) -> None:
    """Tester s72 exchange, 3: a coder whose GUID (``B4F3F442-...``, as ATLAS.ti writes them) is
    no ``<User>`` of the project was imported lower-cased with no GUID, and exported under a new
    GUID named by the old one, so their codings no longer merged with the program's user."""
    stranger = "B4F3F442-790E-5AEF-A659-51C61F4D6380"
    p = one_source_project(tmp_path, selection(3, 9, user=stranger))
    assert list(p.codings) == [stranger]
    assert p.codings[stranger].meta["user"] == {"name": stranger, "guid": stranger}
    assert [w for w in p.warnings if "<Users>" in w] == [
        f"1 coding by user '{stranger}', who is not in the project's <Users>: "
        "imported as a coder of that name"
    ]
    out = tmp_path / "back.qdpx"
    export_qdpx(p.codings[stranger], p.codebook, out)
    (user,) = qde_of(out).iter(NS + "User")
    assert (user.get("guid"), user.get("name")) == (stranger, stranger)
    assert {c.get("creatingUser") for c in qde_of(out).iter(NS + "Coding")} == {stranger}


def test_two_users_of_one_name_go_back_under_their_own_name(tmp_path: Path) -> None:
    """Tester s72 exchange, 2: two users named alike are told apart by roqa's tag of their
    GUID's start (``Zoë Evans (7df4c5f0)``), which is roqa's, not a rename: the export names the
    user as the program does, under their own GUID."""
    first = "1A2B3C4D-0000-4000-8000-0000000000AA"
    second = "7DF4C5F0-B2F0-5ADB-BEE3-FDCE569E3103"
    users = f'<User guid="{first}" name="Zoë Evans"/><User guid="{second}" name="Zoë Evans"/>'
    p = one_source_project(
        tmp_path, selection(0, 2, user=first) + selection(3, 9, user=second), users
    )
    assert list(p.codings) == ["Zoë Evans", "Zoë Evans (7df4c5f0)"]
    for coder, guid in [("Zoë Evans", first), ("Zoë Evans (7df4c5f0)", second)]:
        out = tmp_path / "back.qdpx"
        summary = export_qdpx(p.codings[coder], p.codebook, out)
        (user,) = qde_of(out).iter(NS + "User")
        assert (user.get("guid"), user.get("name")) == (guid, "Zoë Evans")
        # what `roqa export` says it wrote ("... by user 'Zoë Evans'"): the name written, not
        # roqa's tag of it (s72 hunt merged, L4)
        assert summary.user == "Zoë Evans"
    # a name that only looks tagged, or tagged with another GUID's start, is the user's own
    from roqa_nlp.exchange.refiqda import user_name_in_program

    assert user_name_in_program("Zoë Evans (7df4c5f0)", second) == "Zoë Evans"
    assert user_name_in_program("Zoë Evans (7df4c5f0)", first) == "Zoë Evans (7df4c5f0)"
    assert user_name_in_program("Team (2024)", second) == "Team (2024)"


def test_relative_path_found_inside_the_archive(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" plainTextPath="relative://a.txt"/>'
    )
    p = build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/a.txt": b"Hello."})
    assert [t.id for t in read_qdpx(p).transcripts] == ["a"]


def test_source_named_like_a_file_keeps_the_transcript_id(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01_interview.txt">'
        "<PlainTextContent>P01: Hello.</PlainTextContent></TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert [t.id for t in p.transcripts] == ["p01_interview"]


def test_absolute_path_outside_the_archive_is_reported(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        'plainTextPath="absolute:///etc/passwd"/>'
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert p.transcripts == []
    assert p.warnings == [
        "source 'P1': its file 'absolute:///etc/passwd' is outside the archive (export the "
        "project again from the QDA program, with its sources in it)",
        "source 'P1' has no text: not imported",
    ]


def test_a_windows_path_outside_the_archive_is_shown_as_written(tmp_path: Path) -> None:
    """ATLAS.ti's ``absolute://C:\\Users\\...``: one backslash between folders, as the
    researcher sees the path in Windows; a control character in a hostile path is still escaped.
    Before, every backslash was shown doubled (daily18, s86, D6)."""
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        'plainTextPath="absolute://C:\\Users\\tn\\rm44.txt"/>'
        '<TextSource guid="00000000-0000-4000-8000-000000000011" name="P2" '
        'plainTextPath="absolute://C:\\a&#10;b.txt"/>'
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert p.warnings[0] == (
        "source 'P1': its file 'absolute://C:\\Users\\tn\\rm44.txt' is outside the archive "
        "(export the project again from the QDA program, with its sources in it)"
    )
    assert "its file 'absolute://C:\\\\a\\nb.txt' is outside" in p.warnings[2]


def test_byte_order_mark_is_not_counted_in_offsets(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(3, 9)}</TextSource>'
    )
    data = "\ufeffWe lacked staff.".encode()
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p1.txt": data}))
    (seg,) = p.codings["Alice"].segments
    assert p.transcripts[0].text == "We lacked staff."
    assert seg.segment.text == "lacked"


def test_utf16_source_with_bom_is_read(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(0, 4)}</TextSource>'
    )
    data = "Café 😀".encode("utf-16")
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p1.txt": data}))
    assert p.codings["Alice"].segments[0].segment.text == "Café"


def test_crlf_source_offsets_still_cover_the_same_characters(tmp_path: Path) -> None:
    raw = "I: Why?\r\nP1: We lacked staff.\r\nP1: And money."
    start = raw.index("lacked staff.\r\nP1: And")
    end = raw.index(" money")
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(start, end)}</TextSource>'
    )
    p = read_qdpx(
        build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p1.txt": raw.encode()})
    )
    (seg,) = p.codings["Alice"].segments
    assert seg.segment.text == "lacked staff.\nP1: And"
    assert (seg.segment.start, seg.segment.end) == (start - 1, end - 2)
    # a .txt source with Windows line ends is a Windows program's usual file, read right with
    # nothing to check: no warning (docs/refi-qda.md, "Windows line ends"; only inline text
    # holding them as written is warned of: daily18, s86, D7)
    assert p.warnings == []


def test_inline_plain_text_content_is_read(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010">'
        f"<PlainTextContent>We lacked staff.</PlainTextContent>{selection(3, 9)}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert p.transcripts[0].id == "00000000-0000-4000-8000-000000000010"
    assert p.codings["Alice"].segments[0].segment.text == "lacked"


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for para in paragraphs:
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_only_source_is_read_from_its_paragraphs(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'richTextPath="internal://p1.docx">{selection(0, 2)}</TextSource>'
    )
    members = {"sources/p1.docx": docx_bytes(["I: Why?", "P1: We lacked staff."])}
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src), members))
    assert p.transcripts[0].text == "I: Why?\nP1: We lacked staff."
    assert p.warnings == [
        "source 'P1': text read from the .docx rendition; its 1 selections may not line up with it"
    ]


def test_docx_is_used_when_the_plain_text_rendition_is_empty(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        'plainTextPath="internal://p1.txt" richTextPath="internal://p1.docx"/>'
    )
    members = {"sources/p1.txt": b"\n", "sources/p1.docx": docx_bytes(["We lacked staff."])}
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src), members))
    assert [t.text for t in p.transcripts] == ["We lacked staff."]


def test_missing_optional_elements_give_an_empty_project(tmp_path: Path) -> None:
    p = read_qdpx(
        build_qdpx(tmp_path / "q.qdpx", '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
    )
    assert (p.users, len(p.codebook), p.transcripts, p.codings, p.warnings) == ([], 0, [], {}, [])


def test_what_cannot_be_imported_is_reported(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        'plainTextPath="internal://p1.txt">'
        f"{selection(0, 2)}{selection(5, 99)}{selection(0, 2, '00000000-0000-4000-8000-0000000000ff')}"
        "</TextSource>"
        '<TextSource guid="00000000-0000-4000-8000-000000000011" name="P2" '
        f'plainTextPath="internal://p2.txt">{selection(0, 2)}</TextSource>'
        '<PDFSource guid="00000000-0000-4000-8000-000000000012" name="doc.pdf"/>'
    )
    members = {"sources/p1.txt": b"We lacked staff."}
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src), members))
    assert p.coding_count == 1
    assert len(p.warnings) == 5
    assert re.search(r"5-99 is outside its text \(0-16\).*1 coding not imported", p.warnings[0])
    assert (
        "coding of unknown code '00000000-0000-4000-8000-0000000000ff' not imported"
        in p.warnings[1]
    )
    assert p.warnings[2] == (
        "source 'P2': its file 'internal://p2.txt' is not in the archive (export the project "
        "again from the QDA program, with its sources in it)"
    )
    assert (
        p.warnings[3] == "source 'P2' has no text: not imported, with its 1 selections (1 codings)"
    )
    assert (
        p.warnings[4]
        == "not imported: 1 PDF source (only text sources, codes, codings and the notes on coded passages are)"
    )


def test_codings_are_split_by_user(tmp_path: Path) -> None:
    users = (
        '<User guid="00000000-0000-4000-8000-0000000000aa" name="Alice"/>'
        '<User guid="00000000-0000-4000-8000-0000000000bb" name="Bob"/>'
    )
    bob = selection(3, 9).replace("0000000000aa", "0000000000bb")
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1">'
        f"<PlainTextContent>We lacked staff.</PlainTextContent>{selection(0, 2)}{bob}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src, users=users)))
    texts = {u: [s.segment.text for s in r] for u, r in p.codings.items()}
    assert texts == {"Alice": ["We"], "Bob": ["lacked"]}
    assert p.codings["Bob"].segments[0].suggestions[0].probability == 1.0


def test_turns_and_participant_come_from_the_speaker_labels(tmp_path: Path) -> None:
    text = "I: Why?\nP04: We lacked staff\nand money.\n\nI: Thanks."
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent></TextSource>"
    )
    (t,) = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src))).transcripts
    assert [(u.speaker, u.role, text[u.start : u.end]) for u in t.turns] == [
        ("I", "interviewer", "Why?"),
        ("P04", "participant", "We lacked staff\nand money."),
        ("I", "interviewer", "Thanks."),
    ]
    assert t.participant == "P04"


def test_each_imported_passage_gets_the_question_before_it_as_roqa_code_does(
    tmp_path: Path,
) -> None:
    """The context roqa code gives a segment: the nearest interviewer turn before its turn that
    is not a backchannel ("Mm-hm." is not the question), "" before the first question. Before:
    "" for every imported passage, so roqa train --codings trained without the questions."""
    text = (
        "P04: Hello.\nI: What gets in the way?\nP04: We lacked staff.\nI: Mm-hm.\n"
        "P04: And money.\nI: What helps?\nP04: The manager."
    )
    spans = ["Hello.", "lacked staff", "And money.", "The manager", "What helps?"]
    sels = "".join(selection(text.index(w), text.index(w) + len(w)) for w in spans)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert [(s.segment.text, s.segment.context) for s in p.codings["Alice"]] == [
        ("Hello.", ""),
        ("lacked staff", "What gets in the way?"),
        ("And money.", "What gets in the way?"),
        ("What helps?", "What gets in the way?"),  # the interviewer's own turn: the one before
        ("The manager", "What helps?"),
    ]
    (t,) = p.transcripts
    assert [s.context for s in segment(t)] == [
        "",
        "What gets in the way?",
        "What gets in the way?",
        "What helps?",
    ]


def test_an_imported_passage_after_a_repair_on_a_bad_line_gets_the_question_before_it(
    tmp_path: Path,
) -> None:
    """As roqa code reads it: the interviewer's "Sorry, you cut out there, what was that?" is no
    question, so the answer said again after it gets the question before it. Before: the
    repair, and roqa train --codings trained the answer with it."""
    text = (
        "I: What does the monitoring ask about?\nP04: Hours delivered and\n"
        "I: Sorry, you cut out there, what was that?\nP04: I said hours delivered and missed calls."
    )
    spans = ["Hours delivered", "missed calls"]
    sels = "".join(selection(text.index(w), text.index(w) + len(w)) for w in spans)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert [(s.segment.text, s.segment.context) for s in p.codings["Alice"]] == [
        ("Hours delivered", "What does the monitoring ask about?"),
        ("missed calls", "What does the monitoring ask about?"),
    ]


def test_the_questions_of_a_transcript_are_found_once_however_many_passages_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, questions_before ran once per imported passage (the default of a setdefault is
    evaluated each time): 3 calls here, now 1."""
    import roqa_nlp.transcripts.segment as segment_module

    calls: list[str] = []
    real = segment_module.questions_before

    def counted(t: Transcript) -> list[str]:
        calls.append(t.id)
        return real(t)

    monkeypatch.setattr(segment_module, "questions_before", counted)
    text = "I: What gets in the way?\nP04: We lacked staff.\nI: What helps?\nP04: The manager."
    spans = ["What gets", "lacked staff", "The manager"]
    sels = "".join(selection(text.index(w), text.index(w) + len(w)) for w in spans)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert [s.segment.context for s in p.codings["Alice"]] == [
        "",
        "What gets in the way?",
        "What helps?",
    ]
    assert calls == ["interview"]


def passages_of(tmp_path: Path, text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """Alice's imported passages of one source ``text`` coded on ``spans``."""
    sels = "".join(selection(a, b) for a, b in spans)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>{sels}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    return [s.segment for s in p.codings["Alice"]]


def test_a_passage_coded_with_its_question_is_the_participants_answer(tmp_path: Path) -> None:
    """Coders in NVivo and ATLAS.ti often select the question with the answer. Before, such a
    passage was the interviewer's (the speaker of the turn it starts in), so roqa report left
    it out of Table 2 and the matrix, while the decisions file counted it on the answer. Its
    offsets and text stay the coder's selection; its context is the question before the answer.
    Even when the question is the longer part (13 characters, the answer's 7), it is the
    participant's."""
    text = "Interviewer: And training?\nP01: The café-style days, last spring.\nInterviewer: Mm."
    got = passages_of(tmp_path, text, [(0, 65), (13, 39)])
    assert [(g.speaker, g.role, g.start, g.end, g.text, g.context) for g in got] == [
        (
            "P01",
            "participant",
            0,
            65,
            "Interviewer: And training?\nP01: The café-style days, last spring.",
            "And training?",
        ),
        ("P01", "participant", 13, 39, "And training?\nP01: The caf", "And training?"),
    ]


def test_a_passage_of_interviewer_talk_alone_stays_the_interviewers(tmp_path: Path) -> None:
    """The question and the backchannel after the answer, without the answer's words (only its
    label): no participant talk, so the first turn's, the interviewer."""
    text = "Interviewer: And training?\nP01: The café-style days.\nInterviewer: Mm."
    got = passages_of(tmp_path, text, [(0, 31), (52, 69)])
    assert [(g.speaker, g.role, g.text) for g in got] == [
        ("Interviewer", "interviewer", "Interviewer: And training?\nP01:"),
        ("Interviewer", "interviewer", "\nInterviewer: Mm."),
    ]


def test_a_passage_across_two_participants_is_the_one_with_most_characters(
    tmp_path: Path,
) -> None:
    """In a focus group a passage may hold two participants' talk: it is the participant's of
    whose talk it holds most characters, counted over all their turns in it (P01 11 + 3 = 14,
    P02 12), at their turn it overlaps most; the first's on a tie (11 and 11); P02's with 12
    against P01's 11 (passages come in order of start, then end)."""
    text = "I: Staff?\nP01: Short staff\nP02: Agency cover\nP01: Yes\nI: Thanks."
    got = passages_of(tmp_path, text, [(3, 53), (15, 44), (15, 43)])
    assert [(g.speaker, g.role, g.text, g.turn_index) for g in got] == [
        ("P01", "participant", "Staff?\nP01: Short staff\nP02: Agency cover\nP01: Yes", 1),
        ("P01", "participant", "Short staff\nP02: Agency cove", 1),
        ("P02", "participant", "Short staff\nP02: Agency cover", 2),
    ]


def test_a_source_without_speaker_labels_gives_no_question(tmp_path: Path) -> None:
    text = "What gets in the way? We lacked staff."
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="notes">'
        f"<PlainTextContent>{text}</PlainTextContent>{selection(22, 38)}</TextSource>"
    )
    p = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src)))
    assert [(s.segment.text, s.segment.context) for s in p.codings["Alice"]] == [
        ("We lacked staff.", "")
    ]


# -- decisions coming back from a QDA program ----------------------------------------------------


def test_human_codings_added_in_a_qda_program_come_back_with_codebook_ids(
    tmp_path: Path, book: Codebook
) -> None:
    out = tmp_path / "s.qdpx"
    export_qdpx(one_segment_result(), book, out)
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode()
    leadership = str(uuid.uuid5(GUID_NAMESPACE, "cfir-2009/IS.E.1"))
    qde = qde.replace(
        "</Users>", '<User guid="00000000-0000-4000-8000-0000000000aa" name="Alice"/></Users>'
    )
    qde = qde.replace(
        "</PlainTextSelection>",
        '<Coding guid="00000000-0000-4000-8000-0000000000c1" '
        'creatingUser="00000000-0000-4000-8000-0000000000aa">'
        f'<CodeRef targetGUID="{leadership.upper()}"/></Coding></PlainTextSelection>',
    )
    p = read_qdpx(build_qdpx(tmp_path / "back.qdpx", qde, members))
    (alice,) = p.codings["Alice"].segments
    assert (alice.segment.text, alice.suggestions[0].code_id) == (
        "Café 😀 we lacked staff.",
        "IS.E.1",
    )
    assert alice.suggestions[0].probability == 1.0
    machine = p.codings["roqa_nlp 0.1.0 (model sha256: abcd1234…)"].segments[0].suggestions
    assert [(s.code_id, s.probability, s.valence) for s in machine] == [
        ("IS.E.2", 0.823, "barrier")
    ]


# -- round trips ----------------------------------------------------------------------------------


def test_codebook_round_trips_through_qdc(tmp_path: Path, book: Codebook) -> None:
    back = read_qdc(export_qdc(book, tmp_path / "c.qdc"))
    assert back.codes == book.codes
    assert back.id == book.id


def test_project_codebook_round_trips_when_given_to_the_reader(
    tmp_path: Path, book: Codebook
) -> None:
    cb = project_codebook(book)
    path = export_qdc(cb, tmp_path / "c.qdc")
    assert read_qdc(path, codebook=cb).codes == cb.codes


def test_new_codes_of_a_project_codebook_are_identified_by_guid(
    tmp_path: Path, book: Codebook
) -> None:
    cb = project_codebook(book)
    back = read_qdc(export_qdc(cb, tmp_path / "c.qdc"))
    new = [c for c in back.codes if c.name == "Agency staff turnover"][0]
    assert new.id == str(uuid.uuid5(GUID_NAMESPACE, "rm-study/IS.X"))
    assert new.parent == "IS"
    # CFIR's codes (known by their names) and a code of the study's own: a project codebook
    assert back.id == "cfir-2009+project"


def cfir_tree_with_fresh_guids(book: Codebook) -> str:
    """The codebook's tree as a program that makes its own GUIDs on export (qc) writes it."""
    kids: dict[str | None, list[Code]] = {}
    for c in book.codes:
        kids.setdefault(c.parent, []).append(c)

    def tree(parent: str | None) -> str:
        return "".join(
            f'<Code guid="{uuid.uuid4()}" name="{c.name.replace("&", "&amp;")}" isCodable="true">'
            f"{tree(c.id)}</Code>"
            for c in kids.get(parent, [])
        )

    return tree(None)


def test_codes_with_new_guids_are_known_by_their_path_of_names(
    tmp_path: Path, book: Codebook
) -> None:
    qdc = f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{cfir_tree_with_fresh_guids(book)}</Codes></CodeBook>'
    (tmp_path / "c.qdc").write_text(qdc)
    back = read_qdc(tmp_path / "c.qdc")
    assert back.id == "cfir-2009"
    assert [c.id for c in back.codes] == [c.id for c in book.codes]


def test_a_lone_code_named_like_a_cfir_domain_is_not_taken_for_it(tmp_path: Path) -> None:
    codes = "".join(
        f'<Code guid="{uuid.uuid4()}" name="{n}" isCodable="true"/>'
        for n in ["Process", "Money", "Family"]
    )
    (tmp_path / "c.qdc").write_text(
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}</Codes></CodeBook>'
    )
    back = read_qdc(tmp_path / "c.qdc")
    assert back.id == "c"
    assert "PR" not in [c.id for c in back.codes]


def test_an_imported_codebook_keeps_its_program_guids_on_export(tmp_path: Path) -> None:
    src = '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1"><PlainTextContent>x</PlainTextContent></TextSource>'
    imported = read_qdpx(build_qdpx(tmp_path / "q.qdpx", project_xml(src))).codebook
    out = export_qdc(imported, tmp_path / "c.qdc")
    assert 'guid="00000000-0000-4000-8000-000000000001"' in out.read_text()


def test_a_persons_imported_codings_keep_the_programs_dates_when_exported_again(
    tmp_path: Path,
) -> None:
    """Before, every Selection and Coding of the export had the export's time. Now the
    selection's and each coding's creationDateTime as the program wrote them; the export's
    time only where the program wrote none (the second selection)."""
    text = "I: Why?\nP04: We lacked staff and money."
    staff, money = text.index("staff"), text.index("money")
    first = (
        f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{staff}" '
        f'endPosition="{staff + 5}" creationDateTime="2026-11-01T10:00:00Z">'
        f'<Coding guid="{uuid.uuid4()}" creatingUser="00000000-0000-4000-8000-0000000000aa" '
        'creationDateTime="2026-11-02T09:30:00+01:00">'
        '<CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>'
        "</PlainTextSelection>"
    )
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>{first}{selection(money, money + 5)}"
        "</TextSource>"
    )
    qdpx = build_qdpx(tmp_path / "q.qdpx", project_xml(src))
    main(["import", str(qdpx), "--out", str(tmp_path / "imp")])
    out = tmp_path / "again.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(out)])
    (sel_staff, sel_money) = selections_of(out)
    (coding_staff,) = sel_staff.iter(NS + "Coding")
    (coding_money,) = sel_money.iter(NS + "Coding")
    assert (sel_staff.get("creationDateTime"), coding_staff.get("creationDateTime")) == (
        "2026-11-01T10:00:00Z",
        "2026-11-02T09:30:00+01:00",
    )
    now = qde_of(out).get("creationDateTime")
    assert (sel_money.get("creationDateTime"), coding_money.get("creationDateTime")) == (now, now)


# the GUIDs a program gave a person's passages and their note, as it wrote them (upper case)
SEL_STAFF, SEL_MONEY = (
    "55EA4088-92BB-4A5A-A894-1745EC57294B",
    "6D704EAD-1A9B-4672-B267-43634F9A5EED",
)
CODING_STAFF, CODING_MONEY = (
    "DEA6FF0B-4B59-42C2-8024-B9CF9702A9EB",
    "C7102931-4C13-43BB-BC7E-87A9F881B9E0",
)
MEMO = "67196150-2B45-4918-9860-4AF8D9E6566F"


def memo_project(path: Path) -> Path:
    """Alice's two passages, each referring to her one memo (a <Note> named by her)."""
    text = "I: Why?\nP04: We lacked staff and money."
    staff, money = text.index("staff"), text.index("money")

    def sel(guid: str, coding: str, start: int) -> str:
        return (
            f'<PlainTextSelection guid="{guid}" name="P04 {start}" startPosition="{start}" '
            f'endPosition="{start + 5}" creationDateTime="2026-11-01T10:00:00Z">'
            f'<Coding guid="{coding}" creatingUser="00000000-0000-4000-8000-0000000000aa">'
            '<CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>'
            f'<NoteRef targetGUID="{MEMO}"/></PlainTextSelection>'
        )

    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>"
        f"{sel(SEL_STAFF, CODING_STAFF, staff)}{sel(SEL_MONEY, CODING_MONEY, money)}</TextSource>"
    )
    memo = (
        f'<Notes><Note guid="{MEMO}" name="Memo on resources" '
        'creatingUser="00000000-0000-4000-8000-0000000000aa" '
        'creationDateTime="2026-11-03T08:15:00Z">'
        "<PlainTextContent>Both gaps come from the budget cut.</PlainTextContent></Note></Notes>"
    )
    return build_qdpx(path, project_xml(src).replace("</Project>", f"{memo}</Project>"))


def notes_of(path: Path) -> list[tuple[str | None, ...]]:
    return [
        (
            n.get("guid"),
            n.get("name"),
            n.get("creationDateTime"),
            n.findtext(NS + "PlainTextContent"),
        )
        for n in qde_of(path).iter(NS + "Note")
    ]


@needs_reference
def test_a_persons_imported_passages_and_notes_keep_the_programs_guids_when_exported_again(
    tmp_path: Path,
) -> None:
    """refi tester, session 58: before, the export gave her passages new selection and coding
    GUIDs, and her memo a new GUID, the name "Note on interview:@23-28" and the export's time (once
    per passage: two notes), so a program merging it back by GUID held them twice. Now they
    are the program's, as it wrote them, and her one memo is one <Note> again."""
    main(["import", str(memo_project(tmp_path / "q.qdpx")), "--out", str(tmp_path / "imp")])
    out = tmp_path / "again.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(out)])
    sels = selections_of(out)
    assert [s.get("guid") for s in sels] == [SEL_STAFF, SEL_MONEY]
    assert [c.get("guid") for s in sels for c in s.iter(NS + "Coding")] == [
        CODING_STAFF,
        CODING_MONEY,
    ]
    assert [r.get("targetGUID") for s in sels for r in s.iter(NS + "NoteRef")] == [MEMO, MEMO]
    assert notes_of(out) == [
        (MEMO, "Memo on resources", "2026-11-03T08:15:00Z", "Both gaps come from the budget cut.")
    ]
    assert qdpx_schema_errors(out, PROJECT_XSD) == []


def test_codings_imported_before_guids_were_kept_get_roqas_guids_as_before(
    tmp_path: Path,
) -> None:
    """A run.json with no "refi_guids" (an import by an earlier version) still exports: its
    passages and notes get the GUIDs roqa makes, named and dated as before."""
    from roqa_nlp.exchange.refiqda import REFI_GUIDS, stable_guid

    project = read_qdpx(memo_project(tmp_path / "q.qdpx"))
    alice = project.codings["Alice"]
    del alice.meta[REFI_GUIDS]
    out = tmp_path / "again.qdpx"
    export_qdpx(alice, project.codebook, out)
    user, (code,) = "00000000-0000-4000-8000-0000000000aa", project.codebook.codes
    made = [
        stable_guid("selection", project.codebook.id, "interview", s, e, code.id, user)
        for s, e in [("23", "28"), ("33", "38")]
    ]
    assert [s.get("guid") for s in selections_of(out)] == made
    now = qde_of(out).get("creationDateTime")
    assert [(n[1], n[2]) for n in notes_of(out)] == [
        ("Note on interview:@23-28", now),
        ("Note on interview:@33-38", now),
    ]


def test_a_kept_guid_is_written_once_and_a_second_passage_with_it_gets_roqas(
    tmp_path: Path,
) -> None:
    """A GUID kept for two passages (a passage written as two selections, or a project that
    gave two selections one GUID) is written on the first only: a GUID names one object."""
    from roqa_nlp.exchange.refiqda import REFI_GUIDS, stable_guid

    project = read_qdpx(memo_project(tmp_path / "q.qdpx"))
    alice = project.codings["Alice"]
    kept = alice.meta[REFI_GUIDS]
    (code,) = project.codebook.codes
    kept["interview:@33-38"]["selections"][code.id] = SEL_STAFF
    out = tmp_path / "again.qdpx"
    export_qdpx(alice, project.codebook, out)
    assert [s.get("guid") for s in selections_of(out)] == [
        SEL_STAFF,
        stable_guid(
            "selection",
            project.codebook.id,
            "interview",
            "33",
            "38",
            code.id,
            "00000000-0000-4000-8000-0000000000aa",
        ),
    ]


def test_two_selections_of_one_passage_go_back_each_with_its_own_guid_and_coding(
    tmp_path: Path,
) -> None:
    """s91 interop MED-2: a program that writes a selection a code (NVivo) gives one passage two
    selections. Before, the export wrote one selection under the first's GUID holding both
    codings, so the second selection's GUID was lost and its coding moved into the first. Now
    each selection goes back with its GUID and its own coding; a selection holding two codings
    (qc) stays one, and a code roqa added to the passage joins its first selection."""
    text = "I: Why?\nP04: We lacked staff and money."
    start, end = text.index("We"), len(text)
    staffing, resources, money = (f"00000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 3))
    guids = [f"{i}{i}{i}{i}{i}{i}{i}{i}-1111-4111-8111-11111111111{i}" for i in range(1, 6)]

    def sel(guid: str, *codings: tuple[str, str]) -> str:
        return (
            f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}" '
            'creatingUser="00000000-0000-4000-8000-0000000000aa">'
            + "".join(
                f'<Coding guid="{g}"><CodeRef targetGUID="{code}"/></Coding>' for g, code in codings
            )
            + "</PlainTextSelection>"
        )

    codes = "".join(
        f'<Code guid="{g}" name="{n}" isCodable="true"/>'
        for g, n in [(staffing, "Staffing"), (resources, "Resources"), (money, "Money")]
    )
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>"
        f"{sel(guids[0], (guids[1], staffing))}"
        f"{sel(guids[2], (guids[3], resources), (guids[4], money))}</TextSource>"
    )
    path = build_qdpx(tmp_path / "nvivo.qdpx", project_xml(src, codes))
    main(["import", str(path), "--out", str(tmp_path / "imp")])
    out = tmp_path / "again.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(out)])
    names = {staffing: "Staffing", resources: "Resources", money: "Money"}
    back = [
        (
            s.get("guid"),
            [
                (c.get("guid"), names.get(str(c.find(NS + "CodeRef").get("targetGUID"))))  # type: ignore[union-attr]
                for c in s.iter(NS + "Coding")
            ],
        )
        for s in selections_of(out)
    ]
    assert back == [
        (guids[0], [(guids[1], "Staffing")]),
        (guids[2], [(guids[3], "Resources"), (guids[4], "Money")]),
    ]
    # a coding with no selection GUID of the program's joins the passage's first selection
    from roqa_nlp.exchange.refiqda import REFI_GUIDS

    project = read_qdpx(path)
    alice = project.codings["Alice"]
    (kept,) = alice.meta[REFI_GUIDS].values()
    (money_id,) = [c.id for c in project.codebook.codes if c.name == "Money"]
    del kept["selections"][money_id]
    export_qdpx(alice, project.codebook, out)
    assert [
        (s.get("guid"), [c.get("guid") for c in s.iter(NS + "Coding")]) for s in selections_of(out)
    ] == [(guids[0], [guids[1], guids[4]]), (guids[2], [guids[3]])]


def test_a_note_and_comment_on_one_of_a_passages_selections_go_back_once(tmp_path: Path) -> None:
    """s91 hunt2: NVivo's two selections of one passage, a comment (<Description>) on the
    first and a note on the second, went back with the comment and the note on both. Now each
    goes back on its own selection (the import records it in refi_guids); codings imported
    before that was recorded put them on the passage's first selection, as when its selections
    were merged into one: never twice."""
    text = "I: Why?\nP04: We lacked staff and money."
    start, end = text.index("We"), len(text)
    staffing, resources, memo = (f"00000000-0000-4000-8000-00000000000{i}" for i in (1, 2, 9))
    guids = [f"{i}{i}{i}{i}{i}{i}{i}{i}-1111-4111-8111-11111111111{i}" for i in range(1, 5)]
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="interview">'
        f"<PlainTextContent>{text}</PlainTextContent>"
        f'<PlainTextSelection guid="{guids[0]}" startPosition="{start}" endPosition="{end}" '
        'creatingUser="00000000-0000-4000-8000-0000000000aa"><Description>comment A</Description>'
        f'<Coding guid="{guids[1]}"><CodeRef targetGUID="{staffing}"/></Coding>'
        "</PlainTextSelection>"
        f'<PlainTextSelection guid="{guids[2]}" startPosition="{start}" endPosition="{end}" '
        'creatingUser="00000000-0000-4000-8000-0000000000aa">'
        f'<Coding guid="{guids[3]}"><CodeRef targetGUID="{resources}"/></Coding>'
        f'<NoteRef targetGUID="{memo}"/></PlainTextSelection></TextSource>'
    )
    codes = (
        f'<Code guid="{staffing}" name="Staffing" isCodable="true"/>'
        f'<Code guid="{resources}" name="Resources" isCodable="true"/>'
    )
    notes = (
        f'<Notes><Note guid="{memo}" name="memo" creatingUser="00000000-0000-4000-8000-0000000000aa">'
        "<PlainTextContent>note B</PlainTextContent></Note></Notes>"
    )
    path = build_qdpx(
        tmp_path / "nvivo.qdpx", project_xml(src, codes).replace("</Project>", f"{notes}</Project>")
    )
    main(["import", str(path), "--out", str(tmp_path / "imp")])
    out = tmp_path / "again.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(out)])

    def placed() -> list[tuple[str | None, str | None, list[str | None]]]:
        return [
            (
                s.get("guid"),
                s.findtext(NS + "Description"),
                [r.get("targetGUID") for r in s.iter(NS + "NoteRef")],
            )
            for s in selections_of(out)
        ]

    assert placed() == [(guids[0], "comment A", []), (guids[2], None, [memo])]
    assert [n.findtext(NS + "PlainTextContent") for n in qde_of(out).iter(NS + "Note")] == [
        "note B"
    ]
    from roqa_nlp.exchange.refiqda import REFI_GUIDS

    project = read_qdpx(path)
    alice = project.codings["Alice"]
    (kept,) = alice.meta[REFI_GUIDS].values()
    assert kept["note_selections"] == {"comment A": [guids[0]], "note B": [guids[2]]}
    del kept["note_selections"]
    export_qdpx(alice, project.codebook, out)
    assert placed() == [(guids[0], "comment A", [memo]), (guids[2], None, [])]


LINE_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\u2028\u2029\x85"
) | st.sampled_from(list("éüßçñøå中文😀🧠👩🏽‍⚕️ \t"))


@st.composite
def coded_transcripts(draw: st.DrawFn, codable: list[str]) -> CodingResult:
    n = draw(st.integers(1, 3))
    result = CodingResult(meta={"model": {"hash": "f" * 64}})
    for k in range(n):
        lines = draw(st.lists(st.text(LINE_CHARS, max_size=20), min_size=1, max_size=6))
        seps = draw(
            st.lists(
                st.sampled_from(["\n", "\r\n", "\r", "\r\n\r\n"]),
                min_size=len(lines),
                max_size=len(lines),
            )
        )
        text = "P1: x" + "".join(s + line for s, line in zip(seps, lines))
        tid = f"t{k}"
        participant = draw(st.sampled_from(["P01", "P02", "Registered manager 3"]))
        result.transcripts[tid] = Transcript(tid, text, [], participant=participant)
        cuts = [
            i
            for i in range(len(text) + 1)
            if not (0 < i < len(text) and text[i - 1 : i + 1] == "\r\n")
        ]
        spans = draw(
            st.lists(
                st.tuples(st.sampled_from(cuts), st.sampled_from(cuts)).filter(
                    lambda ab: ab[0] < ab[1]
                ),
                max_size=4,
                unique=True,
            )
        )
        for j, (a, b) in enumerate(spans):
            codes = draw(st.lists(st.sampled_from(codable), min_size=1, max_size=3, unique=True))
            sugs = [
                Suggestion(
                    c,
                    c,
                    None,
                    draw(st.integers(0, 100)) / 100,
                    draw(st.sampled_from(["barrier", "enabler", "neutral"])),
                )
                for c in codes
            ]
            seg = Segment(f"{tid}:{j}", tid, "P1", "participant", a, b, text[a:b])
            result.segments.append(SegmentResult(seg, sugs))
    return result


def normalised(s: str) -> str:
    return normalise_newlines(s)[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_export_then_import_gives_the_same_texts_codes_and_codings(
    data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    book = small_codebook()
    result = data.draw(coded_transcripts([c.id for c in book.codable]))
    path = tmp_path_factory.mktemp("rt") / "r.qdpx"
    export_qdpx(result, book, path, top_k=None)
    p = read_qdpx(path, codebook=book)

    assert p.warnings == []
    assert p.codebook.codes == book.codes
    assert [(t.id, t.text, t.participant) for t in p.transcripts] == [
        (t.id, normalised(t.text), t.participant) for t in result.transcripts.values()
    ]
    codings = list(p.codings.values())
    assert len(codings) == (1 if result.segments else 0)
    expected = sorted(
        (
            s.segment.transcript_id,
            len(normalised(result.transcripts[s.segment.transcript_id].text[: s.segment.start])),
            normalised(s.segment.text),
            s.segment.id,
            # exported (and so read back) by probability, highest first, as the report ranks them
            [
                (g.code_id, g.probability, g.valence)
                for g in sorted(s.suggestions, key=lambda g: -g.probability)
            ],
        )
        for s in result.segments
    )
    got = sorted(
        (
            s.segment.transcript_id,
            s.segment.start,
            s.segment.text,
            s.segment.id,
            [(g.code_id, g.probability, g.valence) for g in s.suggestions],
        )
        for r in codings
        for s in r.segments
    )
    assert got == expected


# -- hostile and malformed files -------------------------------------------------------------------


def _zip(members: dict[str, bytes], symlink: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o120777 if name == symlink else 0o100644) << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _declared_size(size: int) -> bytes:
    """An archive whose first member claims to expand to ``size`` bytes (forged central directory)."""
    data = _zip({"sources/a.txt": b"x", "project.qde": b'<Project name="x"/>'})
    i = data.index(b"PK\x01\x02") + 24  # uncompressed size of the first central-directory entry
    return data[:i] + struct.pack("<I", size) + data[i + 4 :]


OK_QDE = b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>'
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>'
)
DTD = (
    b'<?xml version="1.0"?><!DOCTYPE Project SYSTEM "http://example.org/p.dtd"><Project name="x"/>'
)
DEEP = (
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>'
    + b'<Code guid="00000000-0000-4000-8000-000000000001" name="a" isCodable="true">' * 500
    + b"</Code>" * 500
    + b"</Codes></CodeBook></Project>"
)

HOSTILE: dict[str, tuple[bytes, str]] = {
    "zip-slip": (_zip({"project.qde": OK_QDE, "../x.txt": b"x"}), "contains '..'"),
    "absolute path": (_zip({"project.qde": OK_QDE, "/tmp/x.txt": b"x"}), "is an absolute path"),
    "symlink": (
        _zip({"project.qde": OK_QDE, "sources/a.txt": b"/etc"}, "sources/a.txt"),
        "symbolic link",
    ),
    "too many members": (
        _zip({"project.qde": OK_QDE, **{f"sources/{i}.txt": b"" for i in range(10_000)}}),
        "10001 members",
    ),
    "zip bomb by ratio": (_zip({"project.qde": OK_QDE, "sources/a.txt": b"\0" * 2**21}), "ratio"),
    "zip bomb by total size": (_declared_size(600 * 2**20), "more than 524288000 bytes in total"),
    "DTD": (_zip({"project.qde": DTD}), "forbidden construct"),
    "entity expansion": (_zip({"project.qde": LAUGHS}), "forbidden construct"),
    "external entity": (_zip({"project.qde": XXE}), "forbidden construct"),
    "deeply nested XML": (_zip({"project.qde": DEEP}), "nested more than 200 levels"),
    "not a zip": (b"Interview notes, not an archive", "is not a zip archive"),
    "bare project.qde": (OK_QDE, "is a bare project.qde, not the zipped project"),
    "missing project.qde": (_zip({"sources/a.txt": b"x"}), "has no project.qde"),
    "not XML": (_zip({"project.qde": b"\x89PNG not xml"}), "is not well-formed XML"),
    "not a project": (_zip({"project.qde": b"<CodeBook/>"}), "is not a REFI-QDA project"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_is_one_error_line(tmp_path: Path, case: str) -> None:
    data, message = HOSTILE[case]
    path = tmp_path / "evil.qdpx"
    path.write_bytes(data)
    with pytest.raises(RoqaError, match=re.escape(message)) as err:
        read_qdpx(path)
    assert "\n" not in str(err.value)
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_file_makes_the_cli_exit_2_and_write_nothing(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = HOSTILE[case]
    path = tmp_path / "evil.qdpx"
    path.write_bytes(data)
    with pytest.raises(SystemExit) as exit_:
        main(["import", str(path), "--out", str(tmp_path / "out")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("roqa: error: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.qdpx"]


@pytest.mark.parametrize("name", ["notes.txt", "notes"])
def test_import_of_a_file_neither_a_project_nor_a_codebook_says_so(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`roqa import notes.txt` said "is not well-formed XML (syntax error: line 1, column 0)
    (the file is damaged; export it again)" (session 33, tester K): a file named neither .qdpx
    nor .qdc that is no zip archive was read as a codebook. It is neither kind of file."""
    path = tmp_path / name
    path.write_text("Interview notes\nP01 was late.\n", "utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["import", str(path), "--out", str(tmp_path / "out")])
    assert exit_.value.code == 2
    assert capsys.readouterr().err == (
        f"roqa: error: {path}: is not a REFI-QDA project (.qdpx) or codebook (.qdc): neither "
        "a zip archive nor XML (export the project from your QDA program as REFI-QDA (.qdpx) "
        "and import that; a transcript is coded with `roqa code`)\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_import_reads_a_codebook_not_named_qdc_as_before(tmp_path: Path) -> None:
    """XML named neither .qdc nor .qdpx is still read as a REFI-QDA codebook (with a byte-order
    mark, or UTF-16 as some programs write it)."""
    book = (
        '<?xml version="1.0" encoding="utf-8"?><CodeBook '
        'xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-4000-8000-00000000'
        '0001" name="Funding" isCodable="true"/></Codes></CodeBook>'
    )
    for name, data in [
        ("book.xml", book.encode("utf-8")),
        ("book2", b"\xef\xbb\xbf" + book.encode("utf-8")),
        ("book3.txt", book.replace("utf-8", "utf-16").encode("utf-16")),
    ]:
        (tmp_path / name).write_bytes(data)
        out = tmp_path / f"out-{name}"
        main_ok = main(["import", str(tmp_path / name), "--out", str(out)])
        assert main_ok in (None, 0)
        assert "Funding" in (out / "codebook.json").read_text("utf-8")


def test_hostile_docx_inside_a_project_is_refused(tmp_path: Path) -> None:
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        'richTextPath="internal://p1.docx"/>'
    )
    evil_docx = _zip({"word/document.xml": XXE})
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(src), {"sources/p1.docx": evil_docx})
    with pytest.raises(RoqaError, match="forbidden construct"):
        read_qdpx(path)


# -- command line ---------------------------------------------------------------------------------


def test_cli_export_writes_a_project(
    tmp_path: Path, book: Codebook, capsys: pytest.CaptureFixture[str]
) -> None:
    one_segment_result(suggestions=THREE).save(tmp_path / "run")
    out = tmp_path / "out.qdpx"
    main(["export", str(tmp_path / "run" / "codings.jsonl"), "--qdpx", str(out), "--top-k", "2"])
    assert len(selections_of(out)) == 2
    assert "2 suggested codings" in capsys.readouterr().out


def test_cli_export_writes_only_a_codebook(tmp_path: Path) -> None:
    out = tmp_path / "c.qdc"
    main(["export", "--qdc", str(out), "--codebook", "cfir-2009"])
    assert read_qdc(out).id == "cfir-2009"


def test_cli_export_refuses_a_bad_minimum_probability(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one_segment_result().save(tmp_path / "run")
    out = tmp_path / "out.qdpx"
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(tmp_path / "run"), "--qdpx", str(out), "--min-probability", "2"])
    assert exit_.value.code == 2
    assert not out.exists()


@pytest.mark.parametrize("bad", ["qdc", "qdpx"])
def test_cli_export_writes_neither_file_when_one_cannot_be_written(
    tmp_path: Path, bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    one_segment_result().save(tmp_path / "run")
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("x")
    paths = {"qdpx": tmp_path / "out.qdpx", "qdc": tmp_path / "out.qdc"}
    for target in (tmp_path / "a-folder", tmp_path / "a-file" / "below.x"):
        paths[bad] = target
        with pytest.raises(SystemExit) as exit_:
            main(
                [
                    "export",
                    str(tmp_path / "run"),
                    "--qdpx",
                    str(paths["qdpx"]),
                    "--qdc",
                    str(paths["qdc"]),
                ]
            )
        assert exit_.value.code == 2
        assert str(target) in capsys.readouterr().err
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "a-folder", "run"]


@needs_reference
def test_cli_import_writes_transcripts_codebook_and_codings_per_user(tmp_path: Path) -> None:
    out = tmp_path / "imported"
    main(["import", str(SAMPLES / "qc-demo.qdpx"), "--out", str(out)])
    assert sorted(p.name for p in (out / "transcripts").iterdir()) == [
        "admin-1.txt",
        "board_2017.txt",
    ]
    assert len(Codebook.load(out / "codebook.json")) == 262
    coded = CodingResult.read(out / "codings" / "cp" / "codings.jsonl")
    assert (len(coded), sum(len(s.suggestions) for s in coded)) == (158, 205)
    assert sorted(coded.transcripts) == ["admin-1", "board_2017"]


@needs_reference
def test_cli_a_persons_imported_codings_go_back_whole_under_their_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """import -> export -> import keeps every one of cp's 205 codings (several per span), under
    cp's name, without a suggestion note; the project codebook is found beside the codings."""
    main(["import", str(SAMPLES / "qc-demo.qdpx"), "--out", str(tmp_path / "a")])
    main(["export", str(tmp_path / "a" / "codings" / "cp"), "--qdpx", str(tmp_path / "cp.qdpx")])
    out = capsys.readouterr().out
    # qc-demo's admin-1 holds none of cp's codings: written, and said to be
    assert (
        f"wrote {tmp_path / 'cp.qdpx'}: 2 transcripts (1 coded, admin-1 with no coded passage), "
        "205 codings by user 'cp', codebook "
    ) in out
    assert all(x.find(NS + "Description") is None for x in selections_of(tmp_path / "cp.qdpx"))
    main(["import", str(tmp_path / "cp.qdpx"), "--out", str(tmp_path / "b")])

    def spans(r: CodingResult) -> set[tuple[str, int, int, str]]:
        return {
            (s.segment.transcript_id, s.segment.start, s.segment.end, g.name)
            for s in r
            for g in s.suggestions
        }

    before = CodingResult.read(tmp_path / "a" / "codings" / "cp")
    after = CodingResult.read(tmp_path / "b" / "codings" / "cp")
    assert len(spans(before)) == 205
    assert spans(after) == spans(before)


@needs_reference
def test_a_persons_qc_demo_codings_go_back_as_its_158_selections_with_their_205_codings(
    tmp_path: Path,
) -> None:
    """Each selection of the program's goes back as one, with the codes it held; before, each of
    the 205 codings was a selection of its own, and the program showed overlapping passages."""
    main(["import", str(SAMPLES / "qc-demo.qdpx"), "--out", str(tmp_path / "a")])
    main(["export", str(tmp_path / "a" / "codings" / "cp"), "--qdpx", str(tmp_path / "cp.qdpx")])

    def passages(path: Path) -> dict[tuple[str, str, str], list[str]]:
        out: dict[tuple[str, str, str], list[str]] = {}
        for src in qde_of(path).iter(NS + "TextSource"):
            for sel in src.iter(NS + "PlainTextSelection"):
                key = (
                    str(src.get("guid")),
                    str(sel.get("startPosition")),
                    str(sel.get("endPosition")),
                )
                assert key not in out
                out[key] = sorted(str(r.get("targetGUID")) for r in sel.iter(NS + "CodeRef"))
        return out

    original, again = passages(SAMPLES / "qc-demo.qdpx"), passages(tmp_path / "cp.qdpx")
    assert (len(again), sum(map(len, again.values()))) == (158, 205)
    assert again == original
    assert qdpx_schema_errors(tmp_path / "cp.qdpx", PROJECT_XSD) == []


def test_a_models_suggestions_are_exported_under_the_machine_user(tmp_path: Path) -> None:
    """Who made the codings is what the result records (its run.json), not its probabilities."""
    from roqa_nlp.exchange.qdpx_export import coder_of, is_model_run

    person = one_segment_result(
        suggestions=[Suggestion("IS.E.2", "Available Resources", "IS", 1.0)],
        meta={"user": {"name": "Ann"}},
    )
    assert (coder_of(person), is_model_run(person)) == ("Ann", False)
    # a person's code charted in another codebook may share its probability: still Ann's
    shared = one_segment_result(meta={"user": {"name": "Ann"}})  # p = 0.823
    assert (coder_of(shared), is_model_run(shared)) == ("Ann", False)
    model = one_segment_result(suggestions=person.segments[0].suggestions)  # p = 1, a model card
    assert (coder_of(model), is_model_run(model)) == (None, True)
    machine = one_segment_result(meta={"user": {"name": "roqa_nlp 0.1.0"}})
    assert (coder_of(machine), is_model_run(machine)) == (None, True)
    bare = one_segment_result(meta={})
    assert (coder_of(bare), is_model_run(bare)) == (None, None)
    summary = export_qdpx(person, Codebook.load("cfir-2009"), tmp_path / "ann.qdpx")
    assert (summary.user, summary.by_person) == ("Ann", True)
    assert export_qdpx(model, Codebook.load("cfir-2009"), tmp_path / "m.qdpx").by_person is False
    (sel,) = selections_of(tmp_path / "ann.qdpx")
    assert sel.find(NS + "Description") is None


@needs_reference
def test_cli_import_prints_what_was_not_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both of its sources are empty: each is named, then the import is refused, as it
    would hold no transcript (before session 70: "wrote o: 0 transcripts", exit 0)."""
    with pytest.raises(SystemExit) as exc:
        main(["import", str(SAMPLES / "nvivo-mac-15.qdpx"), "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    assert not (tmp_path / "o").exists()
    err = capsys.readouterr().err
    assert err.count(f"roqa: warning: {SAMPLES / 'nvivo-mac-15.qdpx'}: source '") == 2
    assert err.splitlines()[-1].startswith(
        f"roqa: error: {SAMPLES / 'nvivo-mac-15.qdpx'}: none of its 2 sources has text to import"
    )


@needs_reference
def test_cli_import_reads_a_codebook_file(tmp_path: Path) -> None:
    main(["import", str(SAMPLES / "taguette-1.4.1-codebook.qdc"), "--out", str(tmp_path / "o")])
    assert len(Codebook.load(tmp_path / "o" / "codebook.json")) == 3


def test_cli_import_keeps_hostile_names_inside_the_output(tmp_path: Path) -> None:
    users = '<User guid="00000000-0000-4000-8000-0000000000aa" name="../../Alice"/>'
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="../../etc/x">'
        f"<PlainTextContent>We lacked staff.</PlainTextContent>{selection(0, 2)}</TextSource>"
    )
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(src, users=users))
    main(["import", str(path), "--out", str(tmp_path / "o")])
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert "o/transcripts/etc_x.txt" in written
    assert "o/codings/Alice/codings.jsonl" in written
    assert all(w.startswith("o/") or w == "q.qdpx" for w in written)


def test_export_keeps_every_code_a_person_gave_and_a_models_top_one_by_default(
    tmp_path: Path,
) -> None:
    two = [
        Suggestion("IS.E.2", "Available Resources", "IS", 1.0),
        Suggestion("OS.D", "External Policy & Incentives", "OS", 1.0),
    ]
    book = Codebook.load("cfir-2009")

    def codes(path: Path) -> list[str]:
        names = {c.get("guid"): c.get("name") for c in qde_of(path).iter(NS + "Code")}
        return sorted(names[r.get("targetGUID")] for r in qde_of(path).iter(NS + "CodeRef"))

    person = one_segment_result(suggestions=two, meta={"user": {"name": "Ann"}})
    export_qdpx(person, book, tmp_path / "ann.qdpx")
    assert codes(tmp_path / "ann.qdpx") == ["Available Resources", "External Policy & Incentives"]
    model = one_segment_result(
        suggestions=[replace(two[0], probability=0.6), replace(two[1], probability=0.3)]
    )
    export_qdpx(model, book, tmp_path / "model.qdpx")
    assert codes(tmp_path / "model.qdpx") == ["Available Resources"]
    export_qdpx(person, book, tmp_path / "one.qdpx", top_k=1)
    assert codes(tmp_path / "one.qdpx") == ["Available Resources"]
    with pytest.raises(ValueError, match="top_k must be"):
        export_qdpx(person, book, tmp_path / "bad.qdpx", top_k="all")


def test_a_project_carrying_a_recording_beyond_the_size_limit_imports_its_text(
    tmp_path: Path,
) -> None:
    """The recording is never read, so its size is no reason to refuse the project."""
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P1" '
        f'plainTextPath="internal://p1.txt">{selection(0, 2)}</TextSource>'
        '<AudioSource guid="00000000-0000-4000-8000-000000000012" name="P1 audio" '
        'path="internal://p1.m4a"/>'
    )
    members = {"sources/p1.txt": b"We lacked staff.", "sources/p1.m4a": bytes(range(256)) * 400}
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(src), members)
    p = read_qdpx(path, limits=replace(DEFAULT_LIMITS, max_total_bytes=50_000))
    assert [t.text for t in p.transcripts] == ["We lacked staff."]
    assert p.coding_count == 1
    assert p.warnings == [
        "not imported: 1 audio source (only text sources, codes, codings and the notes on coded passages are)"
    ]


def test_code_named_only_blank_is_named_by_its_id(tmp_path: Path) -> None:
    """A code whose name is only blanks (a no-break space) was refused with an error naming no
    file (``code '…' has the name "\\u00a0"``), found by the qdpx fuzz test; it is read as a code
    with no name is, named by its id with a warning."""
    guid = "00000000-0000-4000-8000-0000000000a1"
    path = tmp_path / "c.qdc"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>'
        f'<Code guid="{guid}" name="&#160;" isCodable="true"/>'
        "</Codes></CodeBook>",
        "utf-8",
    )
    book = read_qdc(path)
    assert [(c.id, c.name) for c in book.codes] == [(guid, guid)]
