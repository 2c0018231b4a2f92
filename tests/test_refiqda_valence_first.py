"""Specification of a code tree with the valence at the top (``roqa import``).

Besides ``Construct > Barrier`` (tests/test_refiqda_valence_named_codes.py), teams lay CFIR
out the other way round: ``Barriers > Staffing`` and ``Enablers > Staffing`` (or
``Facilitators``, ``Barrier``, ``Enabler``, any case). A top-level code named as a valence gives
its valence to the codings of the codes below it, and the codes of one name below ``Barriers``
and below ``Enablers`` are one code: in the codebook's place when the codebook has a code of
that name, else a code of its own at the top.

Before: ``Barriers`` and ``Enablers`` were charted as two domains, each with a ``Staffing``, and
every passage neutral, with no warning.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.exchange import read_qdc, read_qdpx
from roqa_nlp.exchange.refiqda import stable_guid
from roqa_nlp.exchange.validation import qdpx_schema_errors
from test_cli_agree import run
from test_refiqda import PROJECT_XSD, REF

TEXT = (
    "Interviewer: What gets in the way?\nP01: We never have enough staff on shift.\n"
    "Interviewer: And what helps?\nP01: The staff we do have are brilliant.\n"
    "Interviewer: Anything else?\nP01: The manager backs us every week.\n"
)
SOURCE = "15000000-0000-4000-8000-00000000000f"
ANN = "e2000000-0000-4000-8000-000000000001"
B, B_STAFF, E, E_STAFF, B_LEAD, OTHER, O_CHILD, B_STAFF_E = (
    f"d{i:07d}-0000-4000-8000-000000000000" for i in range(1, 9)
)


def span(quote: str) -> tuple[int, int]:
    s = TEXT.index(quote)
    return s, s + len(quote)


SHORT = span("We never have enough staff on shift.")
GOOD = span("The staff we do have are brilliant.")
BACKS = span("The manager backs us every week.")


def tree(barriers: str = "Barriers", enablers: str = "Enablers", name: str = "Staffing") -> str:
    return (
        f'<Code guid="{B}" name="{barriers}" isCodable="true">'
        f'<Code guid="{B_STAFF}" name="{name}" isCodable="true"/></Code>'
        f'<Code guid="{E}" name="{enablers}" isCodable="true">'
        f'<Code guid="{E_STAFF}" name="{name}" isCodable="true"/></Code>'
    )


def project(tmp_path: Path, codes: str, *coded: tuple[tuple[int, int], tuple[str, ...]]) -> Path:
    """A project of one source (p01) whose selections are Ann's, each coded with the codes
    given (GUIDs), under the code tree ``codes``."""
    selections = "".join(
        f'<PlainTextSelection guid="f2000000-0000-4000-8000-{i:012d}" startPosition="{s}" '
        f'endPosition="{e}" creatingUser="{ANN}">'
        + "".join(
            f'<Coding guid="f3000000-0000-4000-8000-{i:010d}{j:02d}" creatingUser="{ANN}">'
            f'<CodeRef targetGUID="{code}"/></Coding>'
            for j, code in enumerate(codes)
        )
        + "</PlainTextSelection>"
        for i, ((s, e), codes) in enumerate(coded, 1)
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="site" origin="NVivo-like">'
        f'<Users><User guid="{ANN}" name="Ann"/></Users>'
        f"<CodeBook><Codes>{codes}</Codes></CodeBook>"
        f'<Sources><TextSource guid="{SOURCE}" name="p01" '
        f'plainTextPath="internal://{SOURCE}.txt">{selections}</TextSource></Sources></Project>'
    )
    path = tmp_path / "site.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{SOURCE}.txt", TEXT)
    if REF.is_dir():
        assert qdpx_schema_errors(path, PROJECT_XSD) == []
    return path


def anns(path: Path) -> list[tuple[str, str | None, int, int, str]]:
    """Ann's imported codings: (code id, domain, start, end, valence)."""
    return [
        (g.code_id, g.domain, s.segment.start, s.segment.end, g.valence)
        for s in read_qdpx(path).codings.get("Ann", [])
        for g in s.suggestions
    ]


READ = (
    "2 codings of codes below top-level codes named like a valence were read as codings of the "
    "codes of their names with that valence: {b} > Staffing (1, barrier), "
    "{e} > Staffing (1, enabler)"
)


@pytest.mark.parametrize(
    ("barriers", "enablers"),
    [
        ("Barriers", "Enablers"),
        ("Barriers", "Facilitators"),
        ("Barrier", "Enabler"),
        ("BARRIERS", "facilitator"),
        ("Negative", "Positive"),
    ],
)
def test_codes_below_valences_at_the_top_are_one_code_with_that_valence(
    tmp_path: Path, barriers: str, enablers: str
) -> None:
    path = project(tmp_path, tree(barriers, enablers), (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    p = read_qdpx(path)
    assert [(c.id, c.name, c.level, c.parent) for c in p.codebook.codes] == [
        (B_STAFF, "Staffing", "domain", None)
    ]
    assert anns(path) == [
        (B_STAFF, None, *SHORT, "barrier"),
        (B_STAFF, None, *GOOD, "enabler"),
    ]
    assert p.codings["Ann"].meta["valence_not_given"] == []
    assert p.warnings == [READ.format(b=barriers, e=enablers)]


def test_the_report_charts_one_code_with_a_barrier_and_an_enabler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tester's repro: before, two rows (domains Barriers and Enablers), each neutral."""
    path = project(tmp_path, tree(), (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    out = tmp_path / "imp"
    code, said, err = run(["import", str(path), "--out", str(out)], capsys)
    assert code == 0, err
    assert "codebook site (1 codes), codings by Ann (2)" in said
    assert err == f"roqa: warning: {path}: {READ.format(b='Barriers', e='Enablers')}\n"
    table = tmp_path / "t.csv"
    code, _, err = run(["report", str(out / "codings" / "Ann"), "--table", str(table)], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(table.read_text("utf-8-sig").splitlines()))
    # the project's own codebook: its rows are codes, not CFIR constructs (codebooks tester, s52)
    assert [
        (r["code"], r["barriers_segments"], r["enablers_segments"], r["neutral_segments"])
        for r in rows
    ] == [("Staffing", "1", "1", "0")]


def test_a_code_of_the_codebook_keeps_its_domain(tmp_path: Path) -> None:
    """Barriers > Available Resources, Leadership Engagement; Enablers > Available Resources:
    CFIR 2009's codes, in their places (Inner Setting > Readiness for Implementation)."""
    lead = f'<Code guid="{B_LEAD}" name="Leadership Engagement" isCodable="true"/>'
    codes = tree(name="Available Resources").replace("</Code>", f"{lead}</Code>", 1)
    path = project(tmp_path, codes, (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)), (BACKS, (B_LEAD,)))
    p = read_qdpx(path)
    assert (p.codebook.id, [c.id for c in p.codebook.codes]) == (
        "cfir-2009",
        ["IS", "IS.E", "IS.E.1", "IS.E.2"],
    )
    assert anns(path) == [
        ("IS.E.2", "IS", *SHORT, "barrier"),
        ("IS.E.2", "IS", *GOOD, "enabler"),
        ("IS.E.1", "IS", *BACKS, "barrier"),
    ]


def test_both_valences_on_one_passage_give_none(tmp_path: Path) -> None:
    path = project(tmp_path, tree(), (SHORT, (B_STAFF, E_STAFF)))
    p = read_qdpx(path)
    assert anns(path) == [(B_STAFF, None, *SHORT, "neutral")]
    assert p.codings["Ann"].meta["valence_not_given"] == [f"p01:@{SHORT[0]}-{SHORT[1]}"]
    assert (
        f"Ann gave Staffing on passage p01:@{SHORT[0]}-{SHORT[1]} two different valences "
        "(barrier, enabler) with its codes Barriers > Staffing, Enablers > Staffing: read as "
        "giving it none (its coding counts as neutral)"
    ) in p.warnings


def test_the_valence_at_the_top_coded_itself_gives_its_passage_a_valence(tmp_path: Path) -> None:
    """Barriers coded itself is a valence code, as a top-level Barriers with nothing below it
    is: it gives its valence to Ann's other codes on the passage (Leadership)."""
    codes = tree() + f'<Code guid="{OTHER}" name="Leadership" isCodable="true"/>'
    path = project(tmp_path, codes, (SHORT, (OTHER, B)))
    assert anns(path) == [(OTHER, None, *SHORT, "barrier")]
    assert [c.name for c in read_qdpx(path).codebook.codes] == ["Staffing", "Leadership"]


def test_an_ambiguous_layout_is_named_in_one_warning(tmp_path: Path) -> None:
    """Barriers > Staffing beside Inner Setting > Culture (is Barriers a topic?), and
    Barriers > Staffing > Enabler (two valences): one line, naming the file."""
    codes = (
        tree().replace(
            'name="Staffing" isCodable="true"/></Code>',
            f'name="Staffing" isCodable="true">'
            f'<Code guid="{B_STAFF_E}" name="Enabler" isCodable="true"/></Code></Code>',
            1,
        )
        + f'<Code guid="{OTHER}" name="Site" isCodable="false">'
        f'<Code guid="{O_CHILD}" name="Culture" isCodable="true"/></Code>'
    )
    path = project(tmp_path, codes, (SHORT, (B_STAFF_E,)), (GOOD, (O_CHILD,)))
    p = read_qdpx(path)
    assert anns(path) == [
        (B_STAFF, None, *SHORT, "enabler"),
        (O_CHILD, OTHER, *GOOD, "neutral"),
    ]
    assert p.warnings == [
        "site.qdpx: the code tree puts valences at the top (Barriers, Enablers), read as the "
        "valence of the codes below them, beside top-level codes that are not valences with "
        "codes below them (Site): if Barriers is a topic, not a valence, rename it "
        "('Barriers to access') and import again; and it has valence codes below codes under "
        "them (Barriers > Staffing > Enabler): a coding of one is read with its own valence, "
        "not the one at the top",
        "1 coding of a code named like a valence below another code was read as a coding of the "
        "code above it with that valence: Staffing > Enabler (1, enabler)",
    ]


def test_agree_names_the_file_of_a_layout_warning_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hunt3, session 80, F8: `roqa agree` printed the file twice, its path and then the name
    read_qdpx starts the line with (`.../site.qdpx: site.qdpx: the code tree puts ...`);
    roqa import names it once."""
    codes = tree() + (
        f'<Code guid="{OTHER}" name="Site" isCodable="false">'
        f'<Code guid="{O_CHILD}" name="Culture" isCodable="true"/></Code>'
    )
    path = project(tmp_path, codes, (SHORT, (B_STAFF,)), (GOOD, (O_CHILD,)))
    code, _, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    assert (code, [w for w in err.splitlines() if "the code tree puts" in w]) == (
        2,  # Ann alone: agreement needs two coders
        [
            f"roqa: warning: {path}: the code tree puts valences at the top (Barriers, Enablers), "
            "read as the valence of the codes below them, beside top-level codes that are not "
            "valences with codes below them (Site): if Barriers is a topic, not a valence, "
            "rename it ('Barriers to access') and import again"
        ],
    )


def test_an_unambiguous_layout_gives_no_such_warning(tmp_path: Path) -> None:
    codes = tree() + f'<Code guid="{OTHER}" name="Leadership" isCodable="true"/>'
    path = project(tmp_path, codes, (SHORT, (B_STAFF,)))
    assert read_qdpx(path).warnings == [
        "1 coding of a code below a top-level code named like a valence was read as a coding of "
        "the code of its name with that valence: Barriers > Staffing (1, barrier)"
    ]


def test_a_codebook_file_reads_the_layout_the_same(tmp_path: Path) -> None:
    qdc = tmp_path / "site.qdc"
    qdc.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{tree()}</Codes></CodeBook>',
        encoding="utf-8",
    )
    assert [(c.id, c.name) for c in read_qdc(qdc).codes] == [(B_STAFF, "Staffing")]


def test_the_codings_go_back_valid_and_come_back_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ann's imported codings exported (roqa export) are a valid REFI-QDA project (when the
    official XSD is at hand), and imported again give the same codings and valences."""
    path = project(tmp_path, tree(), (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    out, again = tmp_path / "imp", tmp_path / "again.qdpx"
    code, _, err = run(["import", str(path), "--out", str(out)], capsys)
    assert code == 0, err
    code, _, err = run(["export", str(out / "codings" / "Ann"), "--qdpx", str(again)], capsys)
    assert code == 0, err
    if REF.is_dir():
        assert qdpx_schema_errors(again, PROJECT_XSD) == []
    back = read_qdpx(again)
    assert back.warnings == []
    assert [
        (g.code_id, s.segment.start, s.segment.end, g.valence)
        for s in back.codings["Ann"]
        for g in s.suggestions
    ] == [(B_STAFF, *SHORT, "barrier"), (B_STAFF, *GOOD, "enabler")]
    assert json.loads((out / "codebook.json").read_text("utf-8"))["codes"][0]["name"] == "Staffing"


#: a CFIR tree made in the program beside the layout, and a folder of valence codes
CFIR_TREE = (
    '<Code guid="d1000000-0000-4000-8000-000000000001" name="Inner Setting" isCodable="true">'
    '<Code guid="d1000000-0000-4000-8000-000000000002" name="Readiness for Implementation" '
    'isCodable="true"><Code guid="d1000000-0000-4000-8000-000000000003" '
    'name="Leadership Engagement" isCodable="true"/></Code></Code>'
)
VALENCE_FOLDER = "d1000000-0000-4000-8000-000000000004"
FOLDER = (
    f'<Code guid="{VALENCE_FOLDER}" name="Valence" isCodable="true">'
    '<Code guid="d1000000-0000-4000-8000-000000000005" name="Barrier" isCodable="true"/>'
    '<Code guid="d1000000-0000-4000-8000-000000000006" name="Enabler" isCodable="true"/></Code>'
)


#: the GUID roqa gives Ann's Staffing beside the CFIR tree, and its id (hunt3, session 80, F1)
ROQAS_STAFF = stable_guid("valence-first", B_STAFF)


def test_a_code_read_from_below_a_valence_goes_back_under_roqas_guid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qda2 tester, session 80, D4: beside a CFIR tree, Ann's Staffing (Barriers > Staffing and
    Enablers > Staffing, one code) went back as a top-level "Staffing" with the GUID of the
    program's Barriers > Staffing, so merged into the program her enabler passage landed there;
    and the folder "Valence", whose codes are valence codes, went back as an empty code to code
    with. As refi-qda.md says, the code gets roqa's GUID, and the emptied folder is no code."""
    from test_refiqda import NS, qde_of

    path = project(tmp_path, CFIR_TREE + tree() + FOLDER, (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    book = read_qdpx(path).codebook
    assert book.id == "cfir-2009+project"
    assert [(c.id, c.name) for c in book.codes] == [
        ("IS", "Inner Setting"),
        ("IS.E", "Readiness for Implementation"),
        ("IS.E.1", "Leadership Engagement"),
        (ROQAS_STAFF, "Staffing"),
    ]
    out, again = tmp_path / "imp", tmp_path / "again.qdpx"
    code, _, err = run(["import", str(path), "--out", str(out)], capsys)
    assert code == 0, err
    code, _, err = run(["export", str(out / "codings" / "Ann"), "--qdpx", str(again)], capsys)
    assert code == 0, err
    written = {
        c.get("name"): (c.get("guid") or "").lower() for c in qde_of(again).iter(NS + "Code")
    }
    assert "Valence" not in written
    assert written["Staffing"] not in {B_STAFF, E_STAFF}
    staffing = {r.get("targetGUID", "").lower() for r in qde_of(again).iter(NS + "CodeRef")}
    assert written["Staffing"] in staffing and not staffing & {B_STAFF, E_STAFF}


def test_a_code_read_from_below_a_valence_is_the_same_code_after_a_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """hunt3, session 80, F1: beside a CFIR tree, Ann's Staffing kept Barriers > Staffing's GUID
    as its id but went back under roqa's GUID, so her export imported again was a second code;
    "Staffing" being an alias of IS.E.2, agree did not match the two by name: kappa 0.333 of Ann
    with her own round trip. The id is roqa's GUID in every round, so they agree fully."""
    coded = (
        (SHORT, (B_STAFF,)),
        (GOOD, (E_STAFF,)),
        (BACKS, ("d1000000-0000-4000-8000-000000000003",)),
    )
    path = project(tmp_path, CFIR_TREE + tree(), *coded)
    for args in (
        ["import", str(path), "--out", str(tmp_path / "r0")],
        ["export", str(tmp_path / "r0" / "codings" / "Ann"), "--qdpx", str(tmp_path / "e0.qdpx")],
        ["import", str(tmp_path / "e0.qdpx"), "--out", str(tmp_path / "r1")],
    ):
        code, _, err = run(args, capsys)
        assert code == 0, err
    ids = [
        [g.code_id for s in read_qdpx(p).codings["Ann"] for g in s.suggestions]
        for p in (path, tmp_path / "e0.qdpx")
    ]
    assert ids == [[ROQAS_STAFF, ROQAS_STAFF, "IS.E.1"]] * 2
    a0, a1 = tmp_path / "c" / "A0", tmp_path / "c" / "A1"
    a0.parent.mkdir()
    (tmp_path / "r0" / "codings" / "Ann").rename(a0)
    (tmp_path / "r1" / "codings" / "Ann").rename(a1)
    report = tmp_path / "agree.json"
    code, _, err = run(["agree", str(a0), str(a1), "--n-boot", "0", "--json", str(report)], capsys)
    assert code == 0, err
    figures = json.loads(report.read_text("utf-8"))["pairs"][0]["all"]
    assert (figures["n_units"], figures["percent_agreement"], figures["kappa"]) == (3, 1.0, 1.0)


def domains_of(codebook: str, tmp_path: Path) -> str:
    """The code tree of ``codebook`` as roqa exports it (its domains at the top, the valence
    group after them), as the inner XML of a project's ``<Codes>``."""
    import re

    from roqa_nlp.exchange import export_qdc

    xml = export_qdc(codebook, tmp_path / "book.qdc").read_text("utf-8")
    inner = xml[xml.index("<Codes>") + len("<Codes>") : xml.index("</Codes>")]
    return re.sub(r"\s+xmlns(:\w+)?=\"[^\"]*\"", "", inner)


def test_valences_beside_the_codebooks_domains_give_no_layout_warning(tmp_path: Path) -> None:
    """daily21, session 88: Barriers/Facilitators added at the top of roqa's own export, beside
    the recorded codebook's domains (the commonest CFIR layout), were warned of as maybe a
    topic; a top-level code that is no domain of it (Site) still is."""
    codes = domains_of("cfir-2009", tmp_path) + tree(
        "Barriers", "Facilitators", "Available Resources"
    )
    path = project(tmp_path, codes, (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    assert anns(path) == [
        ("IS.E.2", "IS", *SHORT, "barrier"),
        ("IS.E.2", "IS", *GOOD, "enabler"),
    ]
    assert not [w for w in read_qdpx(path).warnings if "the code tree puts" in w]
    site = (
        f'<Code guid="{OTHER}" name="Site" isCodable="false">'
        f'<Code guid="{O_CHILD}" name="Wards" isCodable="true"/></Code>'
    )
    path = project(tmp_path, codes + site, (SHORT, (B_STAFF,)), (GOOD, (E_STAFF,)))
    assert [w for w in read_qdpx(path).warnings if "the code tree puts" in w] == [
        "site.qdpx: the code tree puts valences at the top (Barriers, Facilitators), read as the "
        "valence of the codes below them, beside top-level codes that are not valences with "
        "codes below them (Site): if Barriers is a topic, not a valence, rename it "
        "('Barriers to access') and import again"
    ]
