"""Specification of codes a reviewer makes or changes in a QDA program, on the way back.

The model's suggestions are exported (``cfir-2009``); in the program a reviewer codes passages,
creates a code of their own ("Alert fatigue", at the top or under Inner Setting) or renames a
CFIR code. ``roqa import`` then ``roqa export`` of any coder's codings must give the program the
same code tree: the CFIR codes with the GUIDs they came with, the reviewer's code with the GUID
the program gave it, under the names the reviewer gave them. Otherwise bringing the codings back
into NVivo, ATLAS.ti or MAXQDA makes a second CFIR tree beside the first.
"""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.refiqda import code_guid, stable_guid
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_refiqda import NS, qde_of

TEXTS = [
    "The alarms go off all night and we stop hearing them.",
    "The devices are always on charge.",
    "Here we just get on with things.",
]
ALICE = "00000000-0000-4000-8000-0000000000aa"
BOB = "00000000-0000-4000-8000-0000000000bb"
#: the GUID the QDA program gave the code Alice made (upper case, as MAXQDA writes them)
ALERT_FATIGUE = "DE45BA0D-8FDB-4702-94C9-281EE040E3E0"
TEAM_FOLDER = "5B1C2E7A-0D4F-4C3B-9A8E-6F1D2C3B4A5E"


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def suggestions() -> CodingResult:
    """Transcript p01, a segment per text, the model suggesting Available Resources on each."""
    text = " ".join(TEXTS)
    segs, pos = [], 0
    for n, words in enumerate(TEXTS, 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        suggested = [Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "enabler")]
        segs.append(SegmentResult(seg, suggested))
        pos += len(words) + 1
    transcript = Transcript(
        "p01", text, [Turn("P01", "participant", 0, len(text))], participant="P01"
    )
    return CodingResult(segs, {"p01": transcript}, {"model": {"hash": "abc123"}})


def span(n: int) -> tuple[int, int]:
    start = sum(len(t) + 1 for t in TEXTS[:n])
    return start, start + len(TEXTS[n])


def coding(user: str, n: int, code: str, k: int) -> str:
    s, e = span(n)
    return (
        f'<PlainTextSelection guid="00000000-0000-4000-8000-{user[-2:]}000000000{k}" '
        f'startPosition="{s}" endPosition="{e}"><Coding '
        f'guid="00000000-0000-4000-8000-{user[-2:]}c00000000{k}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
    )


def reviewed(
    tmp_path: Path, cfir: Codebook, *, new_code: str = "", rename: tuple[str, str] = ("", "")
) -> tuple[Path, Path]:
    """The suggestions exported (``demo.qdpx``), and the project after a review in a QDA program
    (``reviewed.qdpx``): Alice codes the first passage with a code she made (``new_code``:
    ``top`` at the top of the tree, ``folder`` in a folder "Team codes" there, ``nested`` under
    Inner Setting; none when empty) and the
    third with Culture; Bob codes the second with Available Resources and the third with
    Culture. ``rename`` (old name, new name) renames a code in the program."""
    demo = tmp_path / "demo.qdpx"
    export_qdpx(suggestions(), cfir, demo, top_k=1)
    with zipfile.ZipFile(demo) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode("utf-8")
    culture, resources = code_guid("cfir-2009", "IS.C"), code_guid("cfir-2009", "IS.E.2")
    alice = [coding(ALICE, 2, culture, 2)]
    if new_code:
        made = f'<Code guid="{ALERT_FATIGUE}" name="Alert fatigue" isCodable="true"/>'
        if new_code == "top":
            qde = qde.replace("</Codes>", f"{made}</Codes>")
        elif new_code == "folder":  # in a folder of the team's own at the top of the tree
            qde = qde.replace(
                "</Codes>",
                f'<Code guid="{TEAM_FOLDER}" name="Team codes" isCodable="false">{made}</Code>'
                "</Codes>",
            )
        else:
            inner = 'name="Inner Setting" isCodable="false">'
            assert qde.count(inner) == 1
            qde = qde.replace(inner, inner + made)
        alice.append(coding(ALICE, 0, ALERT_FATIGUE, 1))
    old, new = rename
    if old:
        assert qde.count(f'name="{old}"') == 1
        qde = qde.replace(f'name="{old}"', f'name="{new}"')
    bob = [coding(BOB, 1, resources, 1), coding(BOB, 2, culture, 2)]
    qde = qde.replace(
        "</Users>", f'<User guid="{ALICE}" name="Alice"/><User guid="{BOB}" name="Bob"/></Users>'
    ).replace("</TextSource>", "".join(alice + bob) + "</TextSource>")
    out = tmp_path / "reviewed.qdpx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", qde)
        for n, data in members.items():
            z.writestr(n, data)
    return demo, out


def code_guids(path: Path) -> dict[str, str]:
    """Name -> lower-case GUID of every code of an exported project."""
    return {
        c.get("name") or "": (c.get("guid") or "").lower() for c in qde_of(path).iter(NS + "Code")
    }


def round_trip(tmp_path: Path, project: Path, coder: str) -> Path:
    """``roqa import project --out reviewed`` then ``roqa export reviewed/codings/<coder>``."""
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    folder = tmp_path / "reviewed" / "codings"
    (codings,) = [p for p in folder.iterdir() if p.name.startswith(coder)]
    out = tmp_path / f"{coder}.qdpx"
    main(["export", str(codings), "--qdpx", str(out)])
    return out


@pytest.mark.parametrize("where", ["top", "nested"])
def test_a_code_made_in_the_program_makes_the_codebook_a_project_codebook(
    tmp_path: Path, cfir: Codebook, where: str
) -> None:
    """Before: the codebook took a slug of the project name as id
    (`roqa-nlp-suggestions-consolidated-framework-...-cfir-2009`), so that nothing said its
    CFIR codes were cfir-2009's."""
    _, project = reviewed(tmp_path, cfir, new_code=where)
    book = read_qdpx(project).codebook
    assert book.id == "cfir-2009+project"
    assert [c.id for c in book.codes] == [*(c.id for c in cfir.codes), ALERT_FATIGUE]
    made = book[ALERT_FATIGUE]
    assert (made.name, made.parent, made.codable) == (
        "Alert fatigue",
        None if where == "top" else "IS",
        True,
    )


@pytest.mark.parametrize(
    ("where", "coder"),
    [("top", "Alice"), ("top", "Bob"), ("top", "roqa_nlp"), ("nested", "Alice")],
)
def test_every_code_keeps_its_guid_after_a_code_is_made_in_the_program(
    tmp_path: Path, cfir: Codebook, where: str, coder: str
) -> None:
    """Before: 4 of the 48 codes (the valence group's) kept their GUIDs; every CFIR code got a
    new one, so the program made a second CFIR tree beside the first. Bob, who made no code,
    and the model's codings read back from the project were exported the same way."""
    demo, project = reviewed(tmp_path, cfir, new_code=where)
    before, after = code_guids(demo), code_guids(round_trip(tmp_path, project, coder))
    assert len(before) == len(cfir) + 4
    assert {n: after.get(n) for n in before} == before
    assert after["Alert fatigue"] == ALERT_FATIGUE.lower()
    assert len(after) == len(before) + 1


def test_without_a_code_made_in_the_program_the_codebook_stays_cfir_2009(
    tmp_path: Path, cfir: Codebook
) -> None:
    _, project = reviewed(tmp_path, cfir)
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    data = json.loads((tmp_path / "reviewed" / "codebook.json").read_text(encoding="utf-8"))
    assert (data["id"], len(data["codes"])) == ("cfir-2009", len(cfir))


def test_an_unrelated_project_keeps_a_codebook_of_its_own(tmp_path: Path) -> None:
    """No CFIR code in the file: the codebook is the project's, named after it."""
    root = ET.Element(f"{NS}Project", name="Ward study")
    codes = ET.SubElement(ET.SubElement(root, f"{NS}CodeBook"), f"{NS}Codes")
    ET.SubElement(codes, f"{NS}Code", guid=ALERT_FATIGUE, name="Alert fatigue", isCodable="true")
    ET.SubElement(root, f"{NS}Sources")
    path = tmp_path / "ward.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
    book = read_qdpx(path).codebook
    assert (book.id, [c.id for c in book.codes]) == ("ward-study", [ALERT_FATIGUE])


@pytest.mark.parametrize(
    ("name", "book_id"),
    [
        ("Tŷ Gwyn – digital recovery plan", "ty-gwyn-digital-recovery-plan"),
        ("Siân's study", "sian-s-study"),
        ("Sia\u0302n's study", "sian-s-study"),  # decomposed: the same id
        ("Ørsted Straße", "ørsted-strasse"),  # no base letter: kept
        ("安全 研究", "安全-研究"),
        ("– ? –", "refi-qda"),
    ],
)
def test_a_projects_codebook_id_keeps_the_letters_of_its_name(
    tmp_path: Path, name: str, book_id: str
) -> None:
    """Session 50 (tester): "Tŷ Gwyn" gave the codebook id `t-gwyn-...`, the ŷ dropped, while the
    coders' folders keep their letters (`Dr_Siân_O_Neill`). A letter is kept, as its base letter
    where it has one (ŷ as y), else as it is."""
    root = ET.Element(f"{NS}Project", name=name)
    codes = ET.SubElement(ET.SubElement(root, f"{NS}CodeBook"), f"{NS}Codes")
    ET.SubElement(codes, f"{NS}Code", guid=ALERT_FATIGUE, name="Alert fatigue", isCodable="true")
    ET.SubElement(root, f"{NS}Sources")
    path = tmp_path / "p.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
    assert read_qdpx(path).codebook.id == book_id


@pytest.mark.parametrize("coder", ["Alice", "roqa_nlp"])
def test_a_codebook_code_renamed_in_the_program_keeps_its_new_name_on_export(
    tmp_path: Path, cfir: Codebook, coder: str
) -> None:
    """Before: the import kept "Organisational culture" for IS.C in codebook.json, but the export
    wrote the built-in name "Culture" again (the colour chosen in the program was kept), and
    importing that export gave "Culture" back. The codebook with the renamed code is the
    project's (``cfir-2009+project``), not the built-in ``cfir-2009``: under the built-in id its
    codebook.json was warned of as a copy of the built-in codebook (agreefix3, s86)."""
    _, project = reviewed(tmp_path, cfir, rename=("Culture", "Organisational culture"))
    assert read_qdpx(project).codebook.id == "cfir-2009+project"
    out = round_trip(tmp_path, project, coder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "the codebook has the id 'cfir-2009' of a built-in ..."
        Codebook.load(tmp_path / "reviewed" / "codebook.json")
    guid = code_guid("cfir-2009", "IS.C")
    assert {g: n for n, g in code_guids(out).items()}[guid] == "Organisational culture"
    assert "Culture" not in code_guids(out)
    back = read_qdpx(out).codebook
    assert (back.id, back["IS.C"].name) == ("cfir-2009+project", "Organisational culture")


def test_a_project_sharing_a_heading_with_cfir_keeps_a_codebook_of_its_own(tmp_path: Path) -> None:
    """ "Inner Setting > Leadership" (CFIR's is "Leadership Engagement", under Readiness for
    Implementation): one code of two named like a CFIR code, none with a GUID roqa_nlp gave, is
    no CFIR project. Before: it became cfir-2009+project, its heading CFIR's IS."""
    root = ET.Element(f"{NS}Project", name="Ward study")
    codes = ET.SubElement(ET.SubElement(root, f"{NS}CodeBook"), f"{NS}Codes")
    inner = ET.SubElement(
        codes, f"{NS}Code", guid="c0de0000-0000-4000-8000-000000000001", name="Inner Setting"
    )
    inner.set("isCodable", "false")
    ET.SubElement(inner, f"{NS}Code", guid=ALERT_FATIGUE, name="Leadership", isCodable="true")
    ET.SubElement(root, f"{NS}Sources")
    path = tmp_path / "ward.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
    book = read_qdpx(path).codebook
    assert (book.id, book.name, [c.name for c in book.codes]) == (
        "ward-study",
        "Ward study",
        ["Inner Setting", "Leadership"],
    )


def test_codes_made_beside_cfir_codes_the_program_gave_new_guids_make_a_project_codebook(
    tmp_path: Path, cfir: Codebook
) -> None:
    """A program that gives every code a new GUID on export (qc): the CFIR codes are known by
    their path of names, and with a code made there the codebook is cfir-2009+project."""
    from test_refiqda import cfir_tree_with_fresh_guids

    made = f'<Code guid="{ALERT_FATIGUE}" name="Alert fatigue" isCodable="true"/>'
    qde = (
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Ward study"><CodeBook><Codes>'
        f"{cfir_tree_with_fresh_guids(cfir)}{made}</Codes></CodeBook><Sources/></Project>"
    )
    path = tmp_path / "qc.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
    book = read_qdpx(path).codebook
    assert (book.id, [c.id for c in book.codes]) == (
        "cfir-2009+project",
        [*(c.id for c in cfir.codes), ALERT_FATIGUE],
    )


def given_new_guids(project: Path, cfir: Codebook) -> tuple[Path, dict[str, str]]:
    """``project`` as a program that gives every code of the codebook a GUID of its own writes
    it (qc; upper case, as MAXQDA writes them), its users' GUIDs in upper case too; and the
    code name -> GUID it gave them."""
    import uuid

    with zipfile.ZipFile(project) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode("utf-8")
    given: dict[str, str] = {}
    for n, c in enumerate(cfir.codes):
        new = str(uuid.uuid5(uuid.NAMESPACE_URL, f"program/{n}")).upper()
        qde = qde.replace(code_guid("cfir-2009", c.id), new)
        given[c.name] = new
    qde = qde.replace(ALICE, ALICE.upper()).replace(BOB, BOB.upper())
    out = project.with_name("program.qdpx")
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", qde)
        for name, data in members.items():
            z.writestr(name, data)
    return out, given


def written_guids(path: Path) -> dict[str, str]:
    """Name -> GUID, as written, of every code of an exported project."""
    return {c.get("name") or "": c.get("guid") or "" for c in qde_of(path).iter(NS + "Code")}


@pytest.mark.parametrize("coder", ["Alice", "Bob", "roqa_nlp"])
def test_codes_known_by_their_names_go_back_with_the_guids_the_program_gave_them(
    tmp_path: Path, cfir: Codebook, coder: str
) -> None:
    """A program that gave the codebook's codes GUIDs of its own (qc): the codes are known by
    their path of names, and exported again with those GUIDs, so that the codings merge into
    the program's codes. Before: every one of them got roqa's GUID back (44 of 44 codes new
    to the program), and bringing the codings back made a second CFIR tree."""
    _, reviewed_project = reviewed(tmp_path, cfir, new_code="top")
    project, given = given_new_guids(reviewed_project, cfir)
    out = round_trip(tmp_path, project, coder)
    after = written_guids(out)
    assert {name: after.get(name) for name in given} == given
    assert after["Alert fatigue"] == ALERT_FATIGUE
    coded = {r.get("targetGUID") for r in qde_of(out).iter(NS + "CodeRef")}
    assert coded <= {*given.values(), ALERT_FATIGUE}


def test_codes_given_the_programs_guids_are_known_again_on_import(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Exported with the program's GUIDs, the codebook's codes are still its codes when the
    export comes back, renamed ones too (known by the GUID, not by their name)."""
    renamed = ("Available Resources", "Funding and resources")
    _, reviewed_project = reviewed(tmp_path, cfir, rename=renamed)
    project, _ = given_new_guids(reviewed_project, cfir)
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    # qc's way: the renamed code is told by the model's suggestion coded with it; Bob's coding
    # of it then goes back under the program's GUID
    book = json.loads((tmp_path / "reviewed" / "codebook.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in book["codes"]] == [c.id for c in cfir.codes]
    out = tmp_path / "bob.qdpx"
    main(["export", str(tmp_path / "reviewed" / "codings" / "Bob"), "--qdpx", str(out)])
    back = read_qdpx(out)
    assert (back.codebook.id, [c.id for c in back.codebook.codes]) == (
        "cfir-2009+project",  # a code renamed: the project's version of cfir-2009
        [c.id for c in cfir.codes],
    )
    assert back.codebook["IS.E.2"].name == "Funding and resources"
    assert {g.code_id for s in back.codings["Bob"] for g in s.suggestions} == {"IS.C", "IS.E.2"}


def test_a_users_guid_goes_back_as_the_program_wrote_it(tmp_path: Path, cfir: Codebook) -> None:
    """Before: the user's GUID went back in lower case (REFI-QDA compares GUIDs as written
    nowhere, but a program that compares them as text would see another user)."""
    _, reviewed_project = reviewed(tmp_path, cfir)
    project, _ = given_new_guids(reviewed_project, cfir)
    out = round_trip(tmp_path, project, "Alice")
    assert [(u.get("guid"), u.get("name")) for u in qde_of(out).iter(NS + "User")] == [
        (ALICE.upper(), "Alice")
    ]


@pytest.mark.parametrize("new_code", ["top", ""])
def test_a_review_applied_to_imported_codings_goes_back_under_the_reviewers_guid(
    tmp_path: Path, cfir: Codebook, new_code: str
) -> None:
    """docs/refi-qda.md §3's route: the model's codings read back from the project, Alice's
    decisions applied to them (roqa apply-decisions), exported. Alice goes back under the GUID
    the program gave her, and the codes under theirs (in cfir-2009+project with her code, and in
    cfir-2009 without). Before: a new GUID for Alice (a second "Alice" in the program), and
    roqa's GUIDs for a built-in codebook's codes."""
    _, reviewed_project = reviewed(tmp_path, cfir, new_code=new_code)
    project, given = given_new_guids(reviewed_project, cfir)
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    (model,) = (tmp_path / "reviewed" / "codings").glob("roqa_nlp*")
    decisions = tmp_path / "reviewed" / "decisions" / "Alice.csv"
    alice = tmp_path / "alice"
    main(
        ["apply-decisions", str(model), "--decisions", str(decisions), "--coder", "Alice"]
        + ["--out", str(alice)]
    )
    out = tmp_path / "alice.qdpx"
    main(["export", str(alice), "--qdpx", str(out)])
    assert [(u.get("guid"), u.get("name")) for u in qde_of(out).iter(NS + "User")] == [
        (ALICE.upper(), "Alice")
    ]
    after = written_guids(out)
    assert {name: after.get(name) for name in given} == given
    assert json.loads((alice / "run.json").read_text(encoding="utf-8"))["user"] == {
        "name": "Alice",
        "guid": ALICE.upper(),
    }


#: the GUIDs the program gave the CFIR nodes a team made themselves (as in NVivo, before any
#: roqa_nlp export): a folder of Alice's, her "Available Resources" in it, her own "culture"
ALICE_FOLDER = "A11CE000-0000-4000-8000-000000000001"
ALICE_RESOURCES = "A11CE000-0000-4000-8000-000000000002"
ALICE_CULTURE = "A11CE000-0000-4000-8000-000000000003"


def reviewed_with_own_cfir_nodes(tmp_path: Path, cfir: Codebook) -> Path:
    """The suggestions reviewed by Alice with CFIR nodes of her own, beside roqa_nlp's: she codes
    the first passage (suggested Available Resources) with her "Inner Setting (Alice) > Available
    Resources" and the second (suggested Available Resources too) with her top-level "culture"."""
    demo = tmp_path / "demo.qdpx"
    export_qdpx(suggestions(), cfir, demo, top_k=1)
    with zipfile.ZipFile(demo) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode("utf-8")
    own = (
        f'<Code guid="{ALICE_FOLDER}" name="Inner Setting (Alice)" isCodable="false">'
        f'<Code guid="{ALICE_RESOURCES}" name="Available Resources" isCodable="true"/></Code>'
        f'<Code guid="{ALICE_CULTURE}" name="culture" isCodable="true"/>'
    )
    codings = [coding(ALICE, 0, ALICE_RESOURCES, 1), coding(ALICE, 1, ALICE_CULTURE, 2)]
    qde = (
        qde.replace("</Codes>", f"{own}</Codes>")
        .replace("</Users>", f'<User guid="{ALICE}" name="Alice"/></Users>')
        .replace("</TextSource>", "".join(codings) + "</TextSource>")
    )
    out = tmp_path / "reviewed.qdpx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", qde)
        for n, data in members.items():
            z.writestr(n, data)
    return out


def test_a_reviewers_own_code_named_as_a_cfir_code_is_that_code(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Session 50 (tester): Carol's own "Champions" on roqa_nlp's Champions passage was read as
    a rejection of PR.B.3 and a new code "Champions", the codebook held two codes of that name,
    no warning said so, and roqa agree found no code the coders shared. Her codes are the CFIR
    codes of their names: an accept and a recode, said once; her folder, left empty, goes."""
    from roqa_nlp.exchange.review import review_decisions

    project = reviewed_with_own_cfir_nodes(tmp_path, cfir)
    p = read_qdpx(project)
    assert (p.codebook.id, [c.id for c in p.codebook.codes]) == (
        "cfir-2009",
        [c.id for c in cfir.codes],
    )
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in p.codings["Alice"]] == [
        ("p01:@0-53", ["IS.E.2"]),
        ("p01:@54-87", ["IS.C"]),
    ]
    assert p.warnings == [
        "2 codes made in the QDA program are named as codes of cfir-2009 and read as those "
        "codes, with their codings: 'Inner Setting (Alice) > Available Resources' as IS.E.2, "
        "'culture' as IS.C ('Inner Setting (Alice)', which held only such codes, left out of the "
        "codebook); to keep a code apart, give it a name of its own in the program"
    ]
    model = next(u for u in p.codings if u.startswith("roqa_nlp"))
    found = review_decisions(p.codings[model], p.codings["Alice"], coder="Alice")
    assert [(d.segment_id, d.decision, d.code_id, d.new_code) for d in found] == [
        ("p01:0001", "accept", "IS.E.2", ""),
        ("p01:0002", "reject", "IS.E.2", ""),
        ("p01:0002", "recode", "IS.C", ""),
    ]


def test_exporting_a_coders_own_codes_read_as_cfir_codes_says_so(
    tmp_path: Path, cfir: Codebook, capsys: pytest.CaptureFixture[str]
) -> None:
    """Alice's own "Available Resources" and "culture" are read as IS.E.2 and IS.C, which the
    project holds with roqa's GUIDs: exported again, her codings go back under those codes, not
    hers, and the export says so, naming them. Before: nothing said it (re-tester s50, 4)."""
    main(
        ["import", str(reviewed_with_own_cfir_nodes(tmp_path, cfir)), "--out", str(tmp_path / "r")]
    )
    capsys.readouterr()
    main(["export", str(tmp_path / "r" / "codings" / "Alice"), "--qdpx", str(tmp_path / "a.qdpx")])
    assert capsys.readouterr().err == (
        "roqa: warning: Alice's own codes made in the QDA program go back as the cfir-2009 codes "
        "roqa import read them as, with those codes' GUIDs: 'Inner Setting (Alice) > Available "
        "Resources' as IS.E.2 Available Resources, 'culture' as IS.C Culture; merged into the "
        "project, Alice's codings of them land in those codes, not in the codes Alice made (to "
        "keep a code apart, give it a name of its own in the program and import again)\n"
    )
    coded = {r.get("targetGUID") for r in qde_of(tmp_path / "a.qdpx").iter(NS + "CodeRef")}
    assert coded == {code_guid("cfir-2009", "IS.E.2"), code_guid("cfir-2009", "IS.C")}
    (model,) = (tmp_path / "r" / "codings").glob("roqa_nlp*")  # the model used no code of hers
    main(["export", str(model), "--qdpx", str(tmp_path / "m.qdpx")])
    assert capsys.readouterr().err == ""


def test_a_teams_own_cfir_tree_holds_its_constructs_by_name_wherever_it_puts_them(
    tmp_path: Path,
) -> None:
    """A team's CFIR nodes made in the program, with GUIDs of its own and a shallower tree than
    CFIR's: "Inner Setting > Implementation Climate" was IS.D by its path, but "Inner Setting >
    Available Resources" (CFIR's is under Readiness for Implementation) and "Process >
    Champions" (under Engaging) stayed codes of the project's own (tester, session 50). They are
    CFIR's, at their CFIR level; the team's own code stays theirs. The warning counts every code
    made in the program read as CFIR's, the 3 in their place too (before: "2 codes", tester,
    session 60)."""
    guids = [f"7EA70000-0000-4000-8000-00000000000{i}" for i in range(6)]
    qde = (
        '<Project xmlns="urn:QDA-XML:project:1.0" name="Ward study"><CodeBook><Codes>'
        f'<Code guid="{guids[0]}" name="Inner Setting" isCodable="false">'
        f'<Code guid="{guids[1]}" name="Available Resources" isCodable="true"/>'
        f'<Code guid="{guids[2]}" name="Implementation Climate" isCodable="true"/></Code>'
        f'<Code guid="{guids[3]}" name="Process" isCodable="false">'
        f'<Code guid="{guids[4]}" name="Champions" isCodable="true"/></Code>'
        f'<Code guid="{guids[5]}" name="Service user involvement" isCodable="true"/>'
        "</Codes></CodeBook><Sources/></Project>"
    )
    path = tmp_path / "ward.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
    p = read_qdpx(path)
    assert p.codebook.id == "cfir-2009+project"
    assert [(c.id, c.parent, c.level) for c in p.codebook.codes] == [
        ("IS", None, "domain"),
        ("IS.D", "IS", "construct"),
        ("IS.E.2", "IS", "subconstruct"),
        ("PR", None, "domain"),
        ("PR.B.3", "PR", "subconstruct"),
        (guids[5], None, "code"),  # the team's own code, no domain (s61: was "domain")
    ]
    assert p.warnings == [
        "5 codes made in the QDA program are read as codes of cfir-2009, with their codings: 3 "
        "by their place in its code tree, and 2 named as codes of it elsewhere: 'Inner Setting > "
        "Available Resources' as IS.E.2, 'Process > Champions' as PR.B.3; to keep a code apart, "
        "give it a name of its own in the program"
    ]


@pytest.mark.parametrize("users", [["Alice"], "Alice", [None, 3, ["Alice"]]])
def test_an_import_json_whose_users_are_not_records_gives_the_review_no_guid(
    tmp_path: Path, cfir: Codebook, users: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-edited or foreign import.json ("users": ["Alice"]) names no user's GUID: the review
    is applied under the coder's name alone, as for codings not imported, with no error."""
    _, project = reviewed(tmp_path, cfir, new_code="")
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    record = tmp_path / "reviewed" / "import.json"
    meta = json.loads(record.read_text(encoding="utf-8"))
    record.write_text(json.dumps({**meta, "users": users}), encoding="utf-8")
    (model,) = (tmp_path / "reviewed" / "codings").glob("roqa_nlp*")
    decisions = tmp_path / "reviewed" / "decisions" / "Alice.csv"
    alice = tmp_path / "alice"
    capsys.readouterr()
    main(  # an error (an internal one too) would end it with SystemExit
        ["apply-decisions", str(model), "--decisions", str(decisions), "--coder", "Alice"]
        + ["--out", str(alice)]
    )
    assert "error" not in capsys.readouterr().err
    assert json.loads((alice / "run.json").read_text(encoding="utf-8"))["user"] == {"name": "Alice"}


def derived_guids(tmp_path: Path, cfir: Codebook, user_guid: str) -> dict[str, list[str]]:
    """Alice's codings (Available Resources on each passage, a note on the first) exported with
    ``user_guid`` recorded as hers: the GUIDs of the selections, codings and notes."""
    result = suggestions()
    result.meta = {"user": {"name": "Alice", "guid": user_guid}, "notes": {"p01:0001": ["Why?"]}}
    out = tmp_path / f"{user_guid}.qdpx"
    export_qdpx(result, cfir, out)
    root = qde_of(out)
    return {
        kind: [el.get("guid") or "" for el in root.iter(NS + kind)]
        for kind in ("PlainTextSelection", "Coding", "Note")
    }


@pytest.mark.parametrize("written", [ALICE.upper(), "{" + ALICE.upper() + "}", ALICE])
def test_the_guids_derived_from_a_users_guid_do_not_depend_on_its_case(
    tmp_path: Path, cfir: Codebook, written: str
) -> None:
    """A user's GUID goes back as the program wrote it ("A8BE2AFB-..."), but the selections,
    codings and notes derived from it are the ones an export gave before it kept the case (the
    GUID hashed in lower case, no braces): a project holding that earlier export is given the
    same objects again, not a second copy of each."""
    selections = [
        stable_guid("selection", "cfir-2009", "p01", str(s), str(e), "IS.E.2", ALICE)
        for s, e in map(span, range(3))
    ]
    assert derived_guids(tmp_path, cfir, written) == {
        "PlainTextSelection": selections,
        "Coding": [stable_guid("coding", g) for g in selections],
        "Note": [stable_guid("note", ALICE, "p01:0001", "Why?")],
    }


#: the GUIDs a program that makes new GUIDs on export (qc) gave the valence group and its codes
PROGRAM_VALENCE = {
    "Valence (roqa_nlp)": "8EA34001-ADC6-432D-95AF-84E8EB171ADC",
    "Barrier": "BF5657CB-7A8E-43CA-A656-B161D82E191C",
    "Enabler": "5308C470-AAF1-495C-A56E-48DB496F2AC6",
    "Neutral": "B015141E-99FE-4714-86DE-B6CCD415983A",
}


def with_program_valence_guids(project: Path) -> Path:
    """``project`` with the valence group and its codes under :data:`PROGRAM_VALENCE`."""
    from roqa_nlp.exchange.refiqda import valence_guid

    with zipfile.ZipFile(project) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode("utf-8")
    ours = [valence_guid(), *(valence_guid(v) for v in ("barrier", "enabler", "neutral"))]
    for old, new in zip(ours, PROGRAM_VALENCE.values(), strict=True):
        assert qde.count(f'"{old}"') == 1
        qde = qde.replace(f'"{old}"', f'"{new}"')
    out = project.with_name("program_valence.qdpx")
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", qde)
        for name, data in members.items():
            z.writestr(name, data)
    return out


@pytest.mark.parametrize("coder", ["Alice", "Bob", "roqa_nlp", "review"])
def test_the_valence_group_goes_back_with_the_guids_the_program_gave_it(
    tmp_path: Path, cfir: Codebook, coder: str
) -> None:
    """The valence group of a program that gave it GUIDs of its own (qc) goes back with them,
    as the codebook's codes do: any coder's codings, and a review applied to the model's.
    Before: the group and its three codes got roqa's fixed GUIDs back, and merging into the
    program's project made a second Valence (roqa_nlp) tree (re-tester s50, finding 2)."""
    _, reviewed_project = reviewed(tmp_path, cfir)
    project, given = given_new_guids(reviewed_project, cfir)
    project = with_program_valence_guids(project)
    if coder == "review":
        main(["import", str(project), "--out", str(tmp_path / "reviewed")])
        (model,) = (tmp_path / "reviewed" / "codings").glob("roqa_nlp*")
        decisions = tmp_path / "reviewed" / "decisions" / "Alice.csv"
        alice = tmp_path / "alice"
        main(
            ["apply-decisions", str(model), "--decisions", str(decisions), "--coder", "Alice"]
            + ["--out", str(alice)]
        )
        out = tmp_path / "alice.qdpx"
        main(["export", str(alice), "--qdpx", str(out)])
    else:
        out = round_trip(tmp_path, project, coder)
    after = [(c.get("name"), c.get("guid")) for c in qde_of(out).iter(NS + "Code")]
    assert after[-4:] == list(PROGRAM_VALENCE.items())
    assert len(after) == len(given) + 4
    # and the export read back is the same project: cfir-2009, the group known and left out
    back = read_qdpx(out)
    assert (back.codebook.id, back.codebook.valence_guids) == (
        "cfir-2009",
        dict(zip(("group", "barrier", "enabler", "neutral"), PROGRAM_VALENCE.values())),
    )


def test_a_valence_group_with_roqas_guids_records_none(tmp_path: Path, cfir: Codebook) -> None:
    """roqa's own group imports with nothing recorded: codebook.json is as before."""
    _, project = reviewed(tmp_path, cfir)
    main(["import", str(project), "--out", str(tmp_path / "reviewed")])
    book = json.loads((tmp_path / "reviewed" / "codebook.json").read_text(encoding="utf-8"))
    assert "valence_guids" not in book


def in_upper_case(project: Path) -> Path:
    """``project`` as ATLAS.ti writes it: every GUID in upper case, roqa's own too."""
    import re

    with zipfile.ZipFile(project) as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = re.sub(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
        lambda m: m.group().upper(),
        members.pop("project.qde").decode("utf-8"),
    )
    out = project.with_name("upper.qdpx")
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", qde)
        for name, data in members.items():
            z.writestr(name, data)
    return out


@pytest.mark.parametrize("coder", ["Alice", "roqa_nlp"])
def test_codes_go_back_with_their_guids_in_the_case_the_program_wrote(
    tmp_path: Path, cfir: Codebook, coder: str
) -> None:
    """Exchange tester s61 (LOW 2): from a project whose GUIDs ATLAS.ti wrote in upper case,
    users, sources and selections went back in upper case, but every code (and the valence
    group) in lower case: roqa's own GUIDs, compared apart from case, were taken as roqa's.
    docs/refi-qda.md promises the GUIDs back as the program wrote them."""
    _, project = reviewed(tmp_path, cfir, new_code="top")
    upper = in_upper_case(project)
    out = round_trip(tmp_path, upper, coder)
    written = written_guids(out)
    assert written == written_guids(upper)
    assert {r.get("targetGUID") for r in qde_of(out).iter(NS + "CodeRef")} <= set(written.values())
    assert len(written) == len(cfir) + 5


def test_a_code_made_in_the_program_at_the_top_is_charted_outside_the_codebook(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Exchange tester s61 (LOW 3): Alice's "Alert fatigue", made at the top of the tree beside
    the CFIR domains, came back as `"level": "domain"` (roqa's project codes beside it are
    `"code"`), so Table 2 charted it as a domain of its own headed by its GUID. It is a code of
    the project's own, charted under `outside`, "Codes outside the codebook" (docs/report.md)."""
    from roqa_nlp.framework import barriers_enablers

    _, project = reviewed(tmp_path, cfir, new_code="top")
    back = read_qdpx(project)
    made = back.codebook[ALERT_FATIGUE]
    assert (made.level, made.parent) == ("code", None)
    table = barriers_enablers(back.codings["Alice"], codebook=back.codebook)
    assert [(d.id, d.name, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("IS", "Inner Setting", ["IS.C"]),
        ("outside", "Codes outside the codebook", [ALERT_FATIGUE]),
    ]


def test_a_folder_of_codes_made_in_the_program_stays_their_heading(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Regression hunt s61: since a top-level code made in the program is a code, a folder of
    the team's own ("Team codes" > "Alert fatigue") became a code too, and its codes were
    charted flat under `outside`: the team's grouping was lost. A top-level code with codes
    below it stays their heading, as before."""
    from roqa_nlp.framework import barriers_enablers

    _, project = reviewed(tmp_path, cfir, new_code="folder")
    back = read_qdpx(project)
    folder, made = back.codebook[TEAM_FOLDER], back.codebook[ALERT_FATIGUE]
    assert (folder.level, folder.parent) == ("domain", None)
    assert (made.parent, made.domain) == (TEAM_FOLDER, TEAM_FOLDER)
    table = barriers_enablers(back.codings["Alice"], codebook=back.codebook)
    assert [(d.id, d.name, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("IS", "Inner Setting", ["IS.C"]),
        (TEAM_FOLDER, "Team codes", [ALERT_FATIGUE]),
    ]


#: a team's own CFIR tree made in the program (the program's GUIDs), with "Culture" at the top
#: of the tree beside Inner Setting and a code of the team's own ("Staff morale")
TEAM_TEXT = "P01: Morale is low, people are tired.\nP01: We just lack the staff.\n"
INNER, CLIMATE, CULTURE, MORALE = (f"00000000-0000-4000-8000-00000000c00{i}" for i in range(1, 5))


def culture_at_the_top(tmp_path: Path, name: str = "Culture") -> Path:
    """Alice codes the first passage Implementation Climate (under Inner Setting), Bob codes it
    Culture (at the top of the tree; or the code ``name``, XML-escaped); both code the second
    Staff morale."""
    from test_refiqda import build_qdpx, project_xml, selection

    codes = (
        f'<Code guid="{INNER}" name="Inner Setting" isCodable="true">'
        f'<Code guid="{CLIMATE}" name="Implementation Climate" isCodable="true"/></Code>'
        f'<Code guid="{CULTURE}" name="{name}" isCodable="true"/>'
        f'<Code guid="{MORALE}" name="Staff morale" isCodable="true"/>'
    )
    first, second = (0, TEAM_TEXT.index("\n")), (TEAM_TEXT.index("\n") + 1, len(TEAM_TEXT) - 1)
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        'plainTextPath="internal://p01.txt">'
        + selection(*first, CLIMATE, ALICE)
        + selection(*first, CULTURE, BOB)
        + selection(*second, MORALE, ALICE)
        + selection(*second, MORALE, BOB)
        + "</TextSource>"
    )
    users = f'<User guid="{ALICE}" name="Alice"/><User guid="{BOB}" name="Bob"/>'
    return build_qdpx(
        tmp_path / "team.qdpx",
        project_xml(source, codes, users),
        {"sources/p01.txt": TEAM_TEXT.encode("utf-8")},
    )


def test_a_construct_named_at_the_top_of_the_tree_is_in_its_domain(tmp_path: Path) -> None:
    """qda2 tester, session 80, D3: "Culture" at the top of the tree is read as IS.C by its
    name, but had no domain: Table 2 charted it outside the codebook. It keeps the file's
    place (no parent, so an export gives the program its tree back) and is in Inner Setting."""
    from roqa_nlp.framework import barriers_enablers

    back = read_qdpx(culture_at_the_top(tmp_path))
    assert back.codebook.id == "cfir-2009+project"
    culture = back.codebook["IS.C"]
    assert (culture.name, culture.level, culture.parent, culture.domain) == (
        "Culture",
        "construct",
        None,
        "IS",
    )
    table = barriers_enablers(back.codings["Bob"], codebook=back.codebook)
    assert [(d.id, d.name, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("IS", "Inner Setting", ["IS.C"]),
        ("outside", "Codes outside the codebook", [MORALE]),
    ]


def test_a_construct_named_at_the_top_agrees_with_its_domain_at_the_domain_level(
    tmp_path: Path, capsys
) -> None:
    """qda2 tester, session 80, D3: `agree --at domain` compared Bob's top-level "Culture" as
    written ("in no domain"), a disagreement with Alice's Implementation Climate on the same
    passage (kappa 0.5); both are Inner Setting."""
    from test_cli_agree import run

    project = culture_at_the_top(tmp_path)
    out = tmp_path / "agreement.json"
    code, _, err = run(
        ["agree", str(project), "--at", "domain", "--n-boot", "0", "--json", str(out)], capsys
    )
    assert code == 0, err
    (pair,) = json.loads(out.read_text(encoding="utf-8"))["pairs"]
    figures = pair["all"]
    assert (figures["n_units"], figures["percent_agreement"], figures["kappa"]) == (2, 1.0, 1.0)
    assert "in no domain" not in err


def test_a_construct_named_at_the_top_goes_back_at_the_top(tmp_path: Path) -> None:
    """Read into its domain, "Culture" still goes back where the program has it, with its GUID."""
    main(["import", str(culture_at_the_top(tmp_path)), "--out", str(tmp_path / "imp")])
    out = tmp_path / "bob.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Bob"), "--qdpx", str(out)])
    codes = qde_of(out).find(f"{NS}CodeBook/{NS}Codes")
    assert codes is not None
    top = {c.get("name"): (c.get("guid") or "").lower() for c in codes.findall(f"{NS}Code")}
    assert top["Culture"] == CULTURE


def test_a_construct_named_at_the_top_keeps_its_domain_after_a_round_trip(tmp_path: Path) -> None:
    """hunt3, session 80, F2: Bob's export of "Culture" (back at the top, under the program's
    GUID) imported again was IS.C by its GUID, with no domain: Table 2 charted Culture as a
    domain of its own. It is in Inner Setting in every round."""
    from roqa_nlp.framework import barriers_enablers

    main(["import", str(culture_at_the_top(tmp_path)), "--out", str(tmp_path / "imp")])
    out = tmp_path / "bob.qdpx"
    main(["export", str(tmp_path / "imp" / "codings" / "Bob"), "--qdpx", str(out)])
    back = read_qdpx(out)
    culture = back.codebook["IS.C"]
    assert (culture.name, culture.level, culture.parent, culture.domain) == (
        "Culture",
        "construct",
        None,
        "IS",
    )
    table = barriers_enablers(back.codings["Bob"], codebook=back.codebook)
    assert [(d.id, d.name, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("IS", "Inner Setting", ["IS.C"]),
        ("outside", "Codes outside the codebook", [MORALE]),
    ]


def test_a_sub_construct_named_at_the_top_agrees_with_its_construct(tmp_path: Path, capsys) -> None:
    """hunt3, session 80, F3: Bob's top-level "Goals & Feedback" is IS.D.5, a sub-construct of
    Implementation Climate, but `agree --at construct` put it "in no construct" and compared
    it as written, a disagreement with Alice's Implementation Climate (kappa 0.556 in hunt3's
    project). It counts as its codebook construct, though it keeps the file's place."""
    from test_cli_agree import run

    project = culture_at_the_top(tmp_path, "Goals &amp; Feedback")
    goals = read_qdpx(project).codebook["IS.D.5"]
    assert (goals.name, goals.parent, goals.domain) == ("Goals & Feedback", None, "IS")
    out = tmp_path / "agreement.json"
    code, _, err = run(
        ["agree", str(project), "--at", "construct", "--n-boot", "0", "--json", str(out)], capsys
    )
    assert code == 0, err
    (pair,) = json.loads(out.read_text(encoding="utf-8"))["pairs"]
    figures = pair["all"]
    assert (figures["n_units"], figures["percent_agreement"], figures["kappa"]) == (2, 1.0, 1.0)
    assert "'Goals & Feedback' (Bob)" not in err  # not compared as written
