"""A person's codings charted in CFIR 2.0 (run.json's ``chart_codebook``, as `roqa code
--codebook cfir-2022` records it and `roqa apply-decisions` keeps it) keep that record through
`roqa export --qdpx` and `roqa import`. Before (tester cfir2, session 65, finding 7), the import
kept the codebook but not the chart codebook, so `roqa agree` beside a CFIR 2009 review refused
the imported codings ("the coders used different codebooks ... give --codebook cfir-2022")
that it compared in CFIR 2.0 before the round trip."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.validation import qdpx_schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_core import roqa
from test_refiqda import PROJECT_XSD, needs_reference

TEXT = "P01: We had no staff for it. The manager backed it from the start. The forms were long."
SPANS = ["We had no staff for it.", "The manager backed it from the start.", "The forms were long."]


def person(name: str, codes: list[tuple[str, str, str]], meta: dict[str, object]) -> CodingResult:
    """``name``'s codings of the three sentences of :data:`TEXT`, one code each."""
    segments = []
    for i, (span, (cid, cname, domain)) in enumerate(zip(SPANS, codes, strict=True), 1):
        start = TEXT.index(span)
        seg = Segment(f"p01:000{i}", "p01", "P01", "participant", start, start + len(span), span)
        segments.append(SegmentResult(seg, [Suggestion(cid, cname, domain, 1.0, "barrier")]))
    return CodingResult(
        segments,
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"user": {"name": name}, **meta},
    )


MIRA = [
    ("INS.J", "Available Resources", "INS"),
    ("IND.B", "Mid-level Leaders", "IND"),
    ("INN.F", "Innovation Complexity", "INN"),
]
DANA = [
    ("IS.E.2", "Available Resources", "IS"),
    ("IS.E.1", "Leadership Engagement", "IS"),
    ("IC.F", "Complexity", "IC"),
]


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """Mira's CFIR 2.0 codings charted in CFIR 2.0, Dana's CFIR 2009 codings, and Mira's
    codings exported and imported again."""
    chart = {"codebook": {"id": "cfir-2022"}, "chart_codebook": "cfir-2022"}
    mira = person("Mira", MIRA, chart)
    mira.save(tmp_path / "mira22")
    person("Dana", DANA, {"codebook": {"id": "cfir-2009"}}).save(tmp_path / "dana09")
    qdpx = tmp_path / "mira22.qdpx"
    export_qdpx(mira, "cfir-2022", qdpx)
    run = roqa("import", qdpx, "--out", tmp_path / "imp22")
    assert run.code == 0, run.err
    return tmp_path / "mira22", tmp_path / "dana09", tmp_path / "imp22" / "codings" / "Mira"


def test_the_imported_codings_record_the_chart_codebook(folders: tuple[Path, Path, Path]) -> None:
    imported = json.loads((folders[2] / "run.json").read_text("utf-8"))
    assert imported["chart_codebook"] == "cfir-2022"
    assert imported["codebook"]["id"] == "cfir-2022"


def test_agree_compares_the_imported_codings_as_it_did_before_the_round_trip(
    folders: tuple[Path, Path, Path],
) -> None:
    mira, dana, imported = folders
    before = roqa("agree", mira, dana, "--n-boot", "0")
    after = roqa("agree", imported, dana, "--n-boot", "0")
    assert (before.code, after.code) == (0, 0), after.err
    assert "different codebooks" not in after.err
    assert after.out == before.out


@needs_reference
def test_the_export_stays_valid_and_says_the_chart_codebook_in_its_description(
    folders: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    again = tmp_path / "again.qdpx"
    assert roqa("export", folders[2], "--qdpx", again).code == 0
    for qdpx in (tmp_path / "mira22.qdpx", again):
        assert qdpx_schema_errors(qdpx, PROJECT_XSD) == []
        with zipfile.ZipFile(qdpx) as z:
            qde = z.read("project.qde").decode("utf-8")
        assert "roqa_nlp chart codebook: cfir-2022" in qde


def dated_parts_blanked(qdpx: Path) -> str:
    """``qdpx``'s project.qde with the Project's and TextSources' creationDateTime blanked."""
    import re

    with zipfile.ZipFile(qdpx) as z:
        qde = z.read("project.qde").decode("utf-8")
    return re.sub(r'(<(?:Project|TextSource) [^>]*creationDateTime=")[^"]+"', r'\1"', qde)


def test_exporting_what_came_back_differs_only_in_the_project_and_source_dates(
    folders: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """Tester cfir2, session 65 (finding 9): the re-export was not byte-identical, its Project
    and TextSource creationDateTime the new export's time, though refi-qda.md said export ->
    import -> export gives the same project. Those dates are the export's (as the docs say of a
    person's imported codings); the rest is the same, and the docs now say so there too."""
    again = tmp_path / "again.qdpx"
    assert roqa("export", folders[2], "--qdpx", again).code == 0
    assert dated_parts_blanked(again) == dated_parts_blanked(tmp_path / "mira22.qdpx")
    doc = (Path(__file__).resolve().parents[1] / "docs" / "refi-qda.md").read_text("utf-8")
    said = " ".join(doc.split("So export → import → export gives the same project", 1)[1].split())
    assert said.startswith(
        ": the same codes and GUIDs, passages, valences and notes. Not the same bytes: the "
        "project and its sources are dated with the time of each export"
    )


def test_an_export_in_another_codebook_than_the_chart_records_no_chart(
    folders: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """Hunt s65 (h_book, R1): `roqa export --codebook cfir-2009` of codings charted in CFIR 2.0
    recorded 'chart codebook: cfir-2009', which run.json never held; imported, agree refused them
    beside the CFIR 2.0 review it compared them with before."""
    qdpx = tmp_path / "as09.qdpx"
    assert roqa("export", folders[0], "--codebook", "cfir-2009", "--qdpx", qdpx).code == 0
    with zipfile.ZipFile(qdpx) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert "roqa_nlp chart codebook" not in qde
    assert "roqa_nlp chart codebook: cfir-2022" in (
        zipfile.ZipFile(tmp_path / "mira22.qdpx").read("project.qde").decode("utf-8")
    )


def test_the_docs_promise_the_same_comparison_for_a_review_not_for_a_models_codings() -> None:
    """Hunt s65 h_book D2: refi-qda.md said `agree` compares the imported codings "as it compared
    them before the export". A review's, yes (0.554 before and after); a model's, no: the export
    keeps the first code its top suggestion is charted as, where `agree` counted each (0.760
    before, 0.554 after)."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "refi-qda.md").read_text("utf-8")
    said = " ".join(doc.split("**Codings charted in CFIR 2.0.**", 1)[1].split("\n\n")[0].split())
    assert "as it compared them before the export" not in said
    assert (
        "A review's codings are compared as before the export. A model's are compared as "
        "exported: the export keeps its top code per segment (`--top-k`, above), so of a top "
        "suggestion charted as several CFIR 2.0 codes only the first, where `roqa agree` counted "
        "each of them before the export. So its figures can differ (in one test, kappa 0.760 "
        "before the export, 0.554 after)."
    ) in said


def with_chart_lines(qdpx: Path, out: Path, *lines: str) -> Path:
    """``qdpx`` with its 'roqa_nlp chart codebook:' line replaced by ``lines``."""
    with zipfile.ZipFile(qdpx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    qde = parts["project.qde"].decode("utf-8")
    assert qde.count("roqa_nlp chart codebook: cfir-2022") == 1
    parts["project.qde"] = qde.replace(
        "roqa_nlp chart codebook: cfir-2022", "\n".join(lines)
    ).encode("utf-8")
    with zipfile.ZipFile(out, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return out


NOT_READ = "not read, so `roqa agree` asks for --codebook beside a coder of another codebook"


@pytest.mark.parametrize(
    ("lines", "warned", "chart"),
    [
        (
            ["roqa_nlp chart codebook: cfir-2099"],
            [
                "the project's description records its codings as charted in 'cfir-2099', "
                f"which is no built-in codebook (cfir-2009, cfir-2022, erondu-2021): {NOT_READ}"
            ],
            None,
        ),
        (
            ["roqa_nlp chart codebook: "],
            [
                "the project's description records its codings as charted in '', which is no "
                f"built-in codebook (cfir-2009, cfir-2022, erondu-2021): {NOT_READ}"
            ],
            None,
        ),
        (
            ["roqa_nlp chart codebook: cfir-2009", "roqa_nlp chart codebook: cfir-2022"],
            [
                "the project's description records its codings as charted in 'cfir-2009', but "
                f"the project's codebook is cfir-2022: {NOT_READ}"
            ],
            "cfir-2022",
        ),
        (["roqa_nlp chart codebook: cfir-2022"], [], "cfir-2022"),
    ],
)
def test_a_chart_line_that_is_not_read_says_so(
    folders: tuple[Path, Path, Path],
    tmp_path: Path,
    lines: list[str],
    warned: list[str],
    chart: str | None,
) -> None:
    """Hunt s65 h_book D4: an unknown, empty or mismatched 'roqa_nlp chart codebook:' line was
    dropped without a word (the other records warn when broken), and a mismatched first line
    hid a valid one after it."""
    forged = with_chart_lines(tmp_path / "mira22.qdpx", tmp_path / "forged.qdpx", *lines)
    project = read_qdpx(forged)
    assert project.warnings == warned
    assert project.codings["Mira"].meta.get("chart_codebook") == chart
