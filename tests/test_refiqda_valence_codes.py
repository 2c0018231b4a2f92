"""Specification of the valence codes every REFI-QDA export gives the reviewer.

Every ``.qdpx`` (a model's suggestions and a person's codings alike) and every ``.qdc`` that
roqa_nlp writes ends its code tree with one top-level code ``Valence (roqa_nlp)``, not codable,
holding the codable codes ``Barrier``, ``Enabler`` and ``Neutral``, whose GUIDs never change. A
reviewer codes a passage with one of them to give its valence. Nothing is coded with them by
the export, and import leaves the group out of the codebook, coded or not: an untouched project
imports exactly as one written without the group (and see tests/test_refiqda_valence_codings.py
for what coding a passage with them gives).
"""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, read_decisions
from roqa_nlp.exchange import export_qdc, export_qdpx, read_qdc, read_qdpx, refiqda
from roqa_nlp.exchange.qdc import qdc_bytes
from roqa_nlp.exchange.qdpx_import import QdpxProject
from roqa_nlp.exchange.refiqda import GUID_NAMESPACE, code_guid
from roqa_nlp.exchange.validation import qdpx_schema_errors, schema_errors
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run
from test_refiqda import (
    CODEBOOK_XSD,
    NS,
    PROJECT_XSD,
    SAMPLES,
    needs_reference,
    one_segment_result,
    qde_of,
)

CODEBOOK_NS = "{urn:QDA-XML:codebook:1.0}"

# The GUIDs are part of the format: a project that merges exports of any roqa_nlp version or
# codebook has one valence group. uuid5 of roqa_nlp's namespace and "roqa_nlp:valence[/<valence>]".
GROUP_GUID = "fdabbfa1-5729-55df-9149-d9bc323d9a45"
BARRIER_GUID = "ff9dbbb9-7fdd-554c-9897-ffcac768a704"
ENABLER_GUID = "095581df-b4e1-5645-aa53-15ea0ea9742d"
NEUTRAL_GUID = "f895072c-9700-5fbe-a2ae-b07d060e6b42"

GROUP_DESCRIPTION = (
    "Your valence of a passage, for roqa_nlp. Besides coding a passage with its code, code it "
    "with Barrier, Enabler or Neutral to say whether what it describes hinders or helps the "
    "implementation; roqa import reads that as your valence. The model's valence is in each "
    "suggestion's description. Coding a passage with one of these alone reviews its valence only."
)

#: (guid, name, isCodable, color, description) of the group and of each of its codes
EXPECTED_GROUP = (
    (GROUP_GUID, "Valence (roqa_nlp)", "false", None, GROUP_DESCRIPTION),
    [
        (
            BARRIER_GUID,
            "Barrier",
            "true",
            "#A63D00",
            "Code a passage with this when what it describes hinders the implementation "
            "(a barrier). roqa import reads it as your valence of the passage: barrier.",
        ),
        (
            ENABLER_GUID,
            "Enabler",
            "true",
            "#1F4E99",
            "Code a passage with this when what it describes helps the implementation (an "
            "enabler or facilitator). roqa import reads it as your valence of the passage: "
            "enabler.",
        ),
        (
            NEUTRAL_GUID,
            "Neutral",
            "true",
            "#999999",
            "Code a passage with this when what it describes neither hinders nor helps the "
            "implementation, or does both (mixed). roqa import reads it as your valence of the "
            "passage: neutral.",
        ),
    ],
)


def excerpt() -> Codebook:
    return Codebook(
        id="cfir-2009",
        name="CFIR 2009 (excerpt)",
        codes=[
            Code("IS", "Inner Setting", "domain", codable=False),
            Code("IS.E", "Readiness for Implementation", "construct", "IS", "IS"),
            Code("IS.E.1", "Leadership Engagement", "subconstruct", "IS.E", "IS"),
            Code("IS.E.2", "Available Resources", "subconstruct", "IS.E", "IS"),
        ],
    )


def persons_codings() -> CodingResult:
    """Alice's codings (a person's: ``run.json`` names her) of one passage, with her valence."""
    return one_segment_result(
        suggestions=[Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")],
        meta={"user": {"name": "Alice"}},
    )


def top_codes(root: ET.Element, ns: str = NS) -> list[ET.Element]:
    codes = root.find(f"{ns}CodeBook/{ns}Codes") if ns == NS else root.find(f"{ns}Codes")
    assert codes is not None
    return list(codes)


def described(el: ET.Element, ns: str) -> tuple[str | None, ...]:
    desc = el.find(ns + "Description")
    return (
        el.get("guid"),
        el.get("name"),
        el.get("isCodable"),
        el.get("color"),
        None if desc is None else desc.text,
    )


def group_of(root: ET.Element, ns: str = NS) -> tuple[tuple[str | None, ...], list[tuple]]:
    """The last top-level code and its children, as (guid, name, isCodable, color, description)."""
    last = top_codes(root, ns)[-1]
    return described(last, ns), [described(c, ns) for c in last.findall(ns + "Code")]


# -- export ---------------------------------------------------------------------------------------


def test_the_guids_are_uuid5_of_roqa_nlps_namespace() -> None:
    assert [
        str(uuid.uuid5(GUID_NAMESPACE, name))
        for name in (
            "roqa_nlp:valence",
            "roqa_nlp:valence/barrier",
            "roqa_nlp:valence/enabler",
            "roqa_nlp:valence/neutral",
        )
    ] == [GROUP_GUID, BARRIER_GUID, ENABLER_GUID, NEUTRAL_GUID]


@pytest.mark.parametrize("whose", ["model", "person"])
def test_the_project_ends_its_code_tree_with_the_valence_group(tmp_path: Path, whose: str) -> None:
    result = one_segment_result() if whose == "model" else persons_codings()
    book = Codebook.load("cfir-2009")
    summary = export_qdpx(result, book, tmp_path / "s.qdpx")
    assert summary.by_person == (whose == "person")
    root = qde_of(tmp_path / "s.qdpx")
    assert group_of(root) == EXPECTED_GROUP
    # after the codebook's own codes, which are unchanged
    assert [c.get("name") for c in top_codes(root)] == [
        "Intervention Characteristics",
        "Outer Setting",
        "Inner Setting",
        "Characteristics of Individuals",
        "Process",
        "Valence (roqa_nlp)",
    ]
    assert sum(1 for _ in root.iter(NS + "Code")) == len(book) + 4


def test_the_group_has_the_same_guids_in_every_export_of_every_codebook(tmp_path: Path) -> None:
    empty = one_segment_result()
    empty.segments = []
    groups = []
    for name, book in [
        ("a", Codebook.load("cfir-2009")),
        ("b", Codebook.load("cfir-2009")),
        ("c", Codebook.load("cfir-2022")),
    ]:
        export_qdpx(empty, book, tmp_path / f"{name}.qdpx")
        groups.append(group_of(qde_of(tmp_path / f"{name}.qdpx")))
    assert groups == [EXPECTED_GROUP] * 3


def test_nothing_is_coded_with_the_valence_codes(tmp_path: Path) -> None:
    """The model's valence stays in the selection's description; a person's too."""
    export_qdpx(one_segment_result(), excerpt(), tmp_path / "m.qdpx")
    export_qdpx(persons_codings(), excerpt(), tmp_path / "p.qdpx")
    for name, note in [
        ("m", "suggested by roqa_nlp: Available Resources (p=0.823, barrier)"),
        ("p", "valence: barrier"),
    ]:
        root = qde_of(tmp_path / f"{name}.qdpx")
        assert [r.get("targetGUID") for r in root.iter(NS + "CodeRef")] == [
            code_guid("cfir-2009", "IS.E.2")
        ]
        (sel,) = root.iter(NS + "PlainTextSelection")
        assert sel.findtext(NS + "Description") == note


def test_the_qdc_codebook_ends_with_the_valence_group_too(tmp_path: Path) -> None:
    root = ET.fromstring(export_qdc(excerpt(), tmp_path / "c.qdc").read_bytes())
    assert group_of(root, CODEBOOK_NS) == EXPECTED_GROUP
    assert [c.get("name") for c in top_codes(root, CODEBOOK_NS)] == [
        "Inner Setting",
        "Valence (roqa_nlp)",
    ]


def test_the_group_can_be_left_out_from_python(tmp_path: Path) -> None:
    export_qdpx(one_segment_result(), excerpt(), tmp_path / "s.qdpx", valence_codes=False)
    assert [c.get("name") for c in top_codes(qde_of(tmp_path / "s.qdpx"))] == ["Inner Setting"]
    assert b"Valence" not in qdc_bytes(excerpt(), valence_codes=False)


@needs_reference
@pytest.mark.parametrize("whose", ["model", "person"])
def test_the_project_with_the_group_is_valid_against_the_project_schema(
    tmp_path: Path, whose: str
) -> None:
    result = one_segment_result() if whose == "model" else persons_codings()
    export_qdpx(result, Codebook.load("cfir-2009"), tmp_path / "s.qdpx")
    assert group_of(qde_of(tmp_path / "s.qdpx")) == EXPECTED_GROUP
    assert qdpx_schema_errors(tmp_path / "s.qdpx", PROJECT_XSD) == []


@needs_reference
def test_the_codebook_with_the_group_is_valid_against_the_codebook_schema(tmp_path: Path) -> None:
    data = export_qdc(Codebook.load("cfir-2009"), tmp_path / "c.qdc").read_bytes()
    assert group_of(ET.fromstring(data), CODEBOOK_NS) == EXPECTED_GROUP
    assert schema_errors(data, CODEBOOK_XSD) == []


# -- import of an untouched project ----------------------------------------------------------------


def imported(p: QdpxProject) -> tuple:
    """Everything an import gives that the group could change."""
    return (
        p.codebook.id,
        p.codebook.name,
        p.codebook.codes,
        p.codebook.hash,
        p.warnings,
        p.colors,
        {user: [(s.segment, s.suggestions) for s in result] for user, result in p.codings.items()},
    )


@pytest.mark.parametrize("whose", ["model", "person"])
def test_an_untouched_export_imports_as_one_without_the_group(tmp_path: Path, whose: str) -> None:
    result = one_segment_result() if whose == "model" else persons_codings()
    book = Codebook.load("cfir-2009")
    export_qdpx(result, book, tmp_path / "with.qdpx")
    export_qdpx(result, book, tmp_path / "without.qdpx", valence_codes=False)
    with_group, without = read_qdpx(tmp_path / "with.qdpx"), read_qdpx(tmp_path / "without.qdpx")
    assert imported(with_group) == imported(without)
    assert (with_group.codebook.id, with_group.codebook.codes, with_group.warnings) == (
        "cfir-2009",
        book.codes,
        [],
    )
    assert not {BARRIER_GUID, ENABLER_GUID, NEUTRAL_GUID, GROUP_GUID} & {
        c.id for c in with_group.codebook.codes
    }


def test_an_untouched_qdc_imports_as_the_codebook(tmp_path: Path) -> None:
    book = Codebook.load("cfir-2009")
    colors: dict[str, str] = {}
    warnings: list[str] = []
    back = read_qdc(export_qdc(book, tmp_path / "c.qdc"), colors=colors, warnings=warnings)
    assert (back.id, back.codes, back.hash, colors, warnings) == (
        "cfir-2009",
        book.codes,
        book.hash,
        {},
        [],
    )


def with_fresh_guids(qde: str) -> str:
    """The project as a program that makes new GUIDs for codes on export (qc) writes it: every
    code GUID, and every reference to it, replaced."""
    fresh: dict[str, str] = {}
    for m in re.finditer(r'<Code guid="([^"]+)"', qde):
        fresh[m.group(1)] = str(uuid.uuid4())
    for old, new in fresh.items():
        qde = qde.replace(f'"{old}"', f'"{new}"')
    return qde


def test_the_group_with_new_guids_is_known_by_its_names(tmp_path: Path) -> None:
    export_qdpx(one_segment_result(), Codebook.load("cfir-2009"), tmp_path / "s.qdpx")
    project = rewrite(tmp_path / "s.qdpx", tmp_path / "qc.qdpx", with_fresh_guids)
    assert GROUP_GUID not in (tmp_path / "qc.qde").read_text()
    p = read_qdpx(project)
    # the codes keep the program's GUIDs, to go back to the program with them
    assert (p.codebook.id, [replace(c, guid=None) for c in p.codebook.codes], p.warnings) == (
        "cfir-2009",
        Codebook.load("cfir-2009").codes,
        [],
    )
    assert all(c.guid for c in p.codebook.codes)
    (machine,) = p.codings.values()
    assert [(g.code_id, g.probability, g.valence) for s in machine for g in s.suggestions] == [
        ("IS.E.2", 0.823, "barrier")
    ]


@needs_reference
@pytest.mark.parametrize(
    "sample",
    [
        "qc-demo.qdpx",
        "nvivo-mac-15.qdpx",
        "atlasti-win-23-target.qdpx",
        "atlasti-win-23-blank.qdpx",
    ],
)
def test_real_projects_without_the_group_import_as_before(
    sample: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As before the group existed: no top-level code of theirs is taken for it."""
    now = imported(read_qdpx(SAMPLES / sample))
    monkeypatch.setattr(refiqda, "_is_valence_group", lambda el: False)
    assert now == imported(read_qdpx(SAMPLES / sample))


@needs_reference
def test_a_real_codebook_without_the_group_imports_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read() -> tuple:
        warnings: list[str] = []
        book = read_qdc(SAMPLES / "taguette-1.4.1-codebook.qdc", warnings=warnings)
        return book.id, book.codes, warnings

    now = read()
    monkeypatch.setattr(refiqda, "_is_valence_group", lambda el: False)
    assert now == read()


# -- a reviewer's valence --------------------------------------------------------------------------

TEXT = "P04: We lacked staff for weeks. The manager found agency cover."
STAFF = "We lacked staff for weeks."
ALICE = "00000000-0000-4000-8000-0000000000aa"
HAND_MADE_BARRIER = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f51"


def rewrite(src: Path, dst: Path, change) -> Path:
    """``src`` with its project.qde changed by ``change`` (str -> str), as ``dst``; the new
    project.qde is also left beside it (``<dst stem>.qde``) for inspection."""
    with zipfile.ZipFile(src) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = change(members.pop("project.qde").decode())
    dst.with_suffix(".qde").write_text(qde)
    with zipfile.ZipFile(dst, "w") as z:
        z.writestr("project.qde", qde)
        for n, data in members.items():
            z.writestr(n, data)
    return dst


def reviewed(tmp_path: Path, name: str, *codes: str, group: bool = True, extra: str = "") -> Path:
    """The model's suggestion (IS.E.2 on STAFF, an enabler) exported (with or without the
    valence group), then Alice's coding of the passage with ``codes`` (GUIDs) added as a QDA
    program would; ``extra`` is put at the end of the code tree (a code Alice created)."""
    t = Transcript("P04", TEXT, [], participant="P04")
    s = TEXT.index(STAFF)
    seg = Segment("P04:1", "P04", "P04", "participant", s, s + len(STAFF), STAFF)
    suggestion = Suggestion("IS.E.2", "Available Resources", "IS", 0.8, "enabler")
    result = CodingResult(segments=[SegmentResult(seg, [suggestion])], transcripts={"P04": t})
    export_qdpx(result, excerpt(), tmp_path / f"{name}-export.qdpx", valence_codes=group)

    def review(qde: str) -> str:
        codings = "".join(
            f'<Coding guid="{uuid.uuid4()}" creatingUser="{ALICE}">'
            f'<CodeRef targetGUID="{code}"/></Coding>'
            for code in codes
        )
        assert qde.count("</Codes>") == qde.count("</TextSource>") == 1
        return (
            qde.replace("</Codes>", f"{extra}</Codes>")
            .replace("</Users>", f'<User guid="{ALICE}" name="Alice"/></Users>')
            .replace(
                "</TextSource>",
                f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{s}" '
                f'endPosition="{s + len(STAFF) - 1}">{codings}</PlainTextSelection></TextSource>',
            )
        )

    return rewrite(tmp_path / f"{name}-export.qdpx", tmp_path / f"{name}.qdpx", review)


def import_decisions(
    tmp_path: Path, project: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[list[Decision], str, str]:
    """Alice's decisions, the codebook.json and the warnings ``roqa import`` writes."""
    out = tmp_path / f"{project.stem}-imported"
    code, _, err = run(["import", str(project), "--out", str(out)], capsys)
    assert code == 0, err
    decisions, _ = read_decisions(out / "decisions" / "Alice.csv")
    return decisions, (out / "codebook.json").read_text(), err


AVAILABLE_RESOURCES = code_guid("cfir-2009", "IS.E.2")
NOTE = "REFI-QDA review by Alice"


def test_a_review_without_valence_imports_as_without_the_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leadership = code_guid("cfir-2009", "IS.E.1")
    with_group = import_decisions(tmp_path, reviewed(tmp_path, "a", leadership), capsys)
    without = import_decisions(tmp_path, reviewed(tmp_path, "b", leadership, group=False), capsys)
    assert with_group == without
    decisions, book, err = with_group
    assert decisions == [
        Decision("P04:1", "reject", "IS.E.2", note=NOTE, text=STAFF),
        Decision("P04:1", "recode", "IS.E.1", note=NOTE, text=STAFF),
    ]
    back = Codebook.from_dict(json.loads(book))
    assert (back.id, [c.id for c in back.codes]) == (
        "cfir-2009",
        ["IS", "IS.E", "IS.E.1", "IS.E.2"],
    )
    assert "warning" not in err


def test_the_exported_barrier_code_gives_the_valence_a_hand_made_one_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alice accepts the model's code and codes the passage with the exported Barrier code; the
    decisions are those a Barrier code she created herself gave before the group existed."""
    exported = import_decisions(
        tmp_path, reviewed(tmp_path, "a", AVAILABLE_RESOURCES, BARRIER_GUID), capsys
    )
    hand_made = import_decisions(
        tmp_path,
        reviewed(
            tmp_path,
            "b",
            AVAILABLE_RESOURCES,
            HAND_MADE_BARRIER,
            group=False,
            extra=f'<Code guid="{HAND_MADE_BARRIER}" name="Barrier" isCodable="true"/>',
        ),
        capsys,
    )
    expected = [
        Decision("P04:1", "accept", "IS.E.2", note=NOTE, text=STAFF),
        Decision("P04:1", "valence", note=NOTE, text=STAFF, valence="barrier"),
    ]
    assert exported[0] == hand_made[0] == expected
    assert "warning" not in exported[2] + hand_made[2]


@pytest.mark.parametrize(
    ("guid", "valence"), [(ENABLER_GUID, "enabler"), (NEUTRAL_GUID, "neutral")]
)
def test_a_passage_given_an_exported_valence_code_alone_keeps_its_suggestion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], guid: str, valence: str
) -> None:
    decisions, _, _ = import_decisions(tmp_path, reviewed(tmp_path, "a", guid), capsys)
    assert decisions == [Decision("P04:1", "valence", note=NOTE, text=STAFF, valence=valence)]


def group_codes(book: Codebook) -> list[tuple]:
    return [
        (c.id, c.name, c.level, c.parent, c.codable, c.color)
        for c in book.codes
        if c.id in {GROUP_GUID, BARRIER_GUID, ENABLER_GUID, NEUTRAL_GUID} or c.parent == GROUP_GUID
    ]


def test_once_coded_the_group_stays_out_of_the_codebook_and_gives_the_valence(
    tmp_path: Path,
) -> None:
    """As a hand-made Barrier code does: valence codes are not codes, so the codebook stays
    cfir-2009 and Alice's codings hold her content code with the valence she gave it."""
    p = read_qdpx(reviewed(tmp_path, "a", AVAILABLE_RESOURCES, BARRIER_GUID))
    hand = read_qdpx(
        reviewed(
            tmp_path,
            "b",
            AVAILABLE_RESOURCES,
            HAND_MADE_BARRIER,
            group=False,
            extra=f'<Code guid="{HAND_MADE_BARRIER}" name="Barrier" isCodable="true"/>',
        )
    )
    for project in (p, hand):
        assert (project.codebook.id, [c.id for c in project.codebook.codes]) == (
            "cfir-2009",
            ["IS", "IS.E", "IS.E.1", "IS.E.2"],
        )
        assert project.warnings == []
        assert project.colors == {}
        assert [
            (g.code_id, g.name, g.probability, g.valence, g.valence_probability)
            for s in project.codings["Alice"]
            for g in s.suggestions
        ] == [("IS.E.2", "Available Resources", 1.0, "barrier", None)]
    assert group_codes(p.codebook) == []


def test_a_valence_code_the_reviewer_put_in_the_group_leaves_with_it(tmp_path: Path) -> None:
    """'Mixed' is a valence code too (neutral): the group still holds valence codes only."""
    mixed = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f53"

    def add_mixed(qde: str) -> str:
        anchor = f'<Code guid="{NEUTRAL_GUID}"'
        assert qde.count(anchor) == 1
        return qde.replace(anchor, f'<Code guid="{mixed}" name="Mixed" isCodable="true"/>{anchor}')

    export_qdpx(one_segment_result(), excerpt(), tmp_path / "s.qdpx")
    p = read_qdpx(rewrite(tmp_path / "s.qdpx", tmp_path / "r.qdpx", add_mixed))
    assert (p.codebook.id, [c.id for c in p.codebook.codes], p.warnings) == (
        "cfir-2009",
        ["IS", "IS.E", "IS.E.1", "IS.E.2"],
        [],
    )


def test_a_code_of_the_reviewers_own_in_the_group_keeps_the_group(tmp_path: Path) -> None:
    """A code that is not a valence ('Workforce') makes the group the reviewer's: kept whole (an
    export of it gives them the same tree), its valence codes still giving valences only."""
    workforce = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f54"
    anchor = f'<Code guid="{NEUTRAL_GUID}"'
    project = reviewed(tmp_path, "a", workforce, BARRIER_GUID)
    p = read_qdpx(
        rewrite(
            project,
            tmp_path / "w.qdpx",
            lambda qde: qde.replace(
                anchor, f'<Code guid="{workforce}" name="Workforce" isCodable="true"/>{anchor}'
            ),
        )
    )
    assert p.codebook.id == "cfir-2009+project"  # the excerpt's codes, then the group's
    assert [c.id for c in p.codebook.codes if c.parent == GROUP_GUID] == [
        BARRIER_GUID,
        ENABLER_GUID,
        workforce,
        NEUTRAL_GUID,
    ]
    assert [(g.code_id, g.name, g.valence) for s in p.codings["Alice"] for g in s.suggestions] == [
        (workforce, "Workforce", "barrier")
    ]


def test_a_reviewers_codings_go_back_with_the_group_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alice's codings imported with her Barrier coding (her Available Resources, a barrier)
    and exported again: one group, nothing coded with it, her valence in the selection's
    description, and the same codings back."""
    project = reviewed(tmp_path, "a", AVAILABLE_RESOURCES, BARRIER_GUID)
    code, _, err = run(["import", str(project), "--out", str(tmp_path / "imp")], capsys)
    assert code == 0, err
    again = tmp_path / "alice.qdpx"
    code, _, err = run(
        ["export", str(tmp_path / "imp" / "codings" / "Alice"), "--qdpx", str(again)], capsys
    )
    assert code == 0, err
    root = qde_of(again)
    guids = [el.get("guid") for el in root.iter(NS + "Code")]
    assert len(guids) == len(set(guids)) == len(Codebook.load("cfir-2009")) + 4
    assert group_of(root) == EXPECTED_GROUP
    first, back = read_qdpx(project), read_qdpx(again)
    assert [r.get("targetGUID") for r in root.iter(NS + "CodeRef")] == [
        code_guid("cfir-2009", "IS.E.2")
    ]
    (sel,) = root.iter(NS + "PlainTextSelection")
    assert sel.findtext(NS + "Description") == "valence: barrier"
    assert (back.codebook.id, back.warnings) == (first.codebook.id, []) == ("cfir-2009", [])
    assert [(g.code_id, g.valence) for s in back.codings["Alice"] for g in s.suggestions] == [
        ("IS.E.2", "barrier")
    ]
    assert back.codings["Alice"].meta["valence_not_given"] == []


def test_a_codebook_with_valence_codes_of_its_own_gets_no_group(tmp_path: Path) -> None:
    book = excerpt().with_codes([Code(HAND_MADE_BARRIER, "Barriers", "domain")], id="site-study")
    export_qdpx(one_segment_result(), book, tmp_path / "s.qdpx")
    assert [c.get("name") for c in top_codes(qde_of(tmp_path / "s.qdpx"))] == [
        "Inner Setting",
        "Barriers",
    ]
    assert b"Valence" not in qdc_bytes(book)


def test_roqa_export_says_it_adds_the_valence_codes_unless_the_codebook_has_them(
    tmp_path: Path, capsys
) -> None:
    code, out, err = run(["export", "--codebook", "cfir-2009", "--qdc", str(tmp_path / "c.qdc")], capsys)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        f"wrote {tmp_path / 'c.qdc'}: codebook cfir-2009 (44 codes) and the valence codes "
        "Barrier, Enabler, Neutral (under 'Valence (roqa_nlp)') to give a passage's valence\n"
    )
    # a codebook that has valence codes of its own gets no group, and the line says nothing of it
    own = tmp_path / "own.json"
    own.write_text(
        json.dumps(
            {
                "id": "own",
                "name": "own codes",
                "codes": [
                    {"id": "T", "name": "Staffing", "level": "domain", "codable": True},
                    {  # made in a QDA program (a GUID id), as roqa import brings it back
                        "id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
                        "name": "Barriers",
                        "level": "domain",
                        "codable": True,
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, _ = run(["export", "--codebook", str(own), "--qdc", str(tmp_path / "o.qdc")], capsys)  # fmt: skip
    assert code == 0
    assert out == f"wrote {tmp_path / 'o.qdc'}: codebook own (2 codes)\n"
