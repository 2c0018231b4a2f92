"""Specification of which built-in codebook ``roqa import`` reads a code tree made in a QDA
program as, when roqa_nlp's GUIDs do not tell it.

A colleague's small CFIR 2009 tree laid out domain > construct (``Inner Setting`` >
``Available Resources``, ``Leadership Engagement``: no ``Readiness for Implementation`` level)
was read as ``cfir-2022+project``: Available Resources became INS.J and Leadership Engagement,
a name only CFIR 2009 has, a code of the project's own, with no warning (QDA tester, session
67). The rule that mends it is narrow: only when the codebook chosen by path would leave a code
the project's own, and another built-in codebook places every code of the tree by its name
(a domain at the top, a code below a code it is below there), is the tree read as that other
one. A first, wider fix counted aliases and names at the top of the tree, and read other trees
otherwise (hunt s67 h_qda R1, R3, D2): those trees are read as before.

The trees are the tester's and the hunt's: one coder, each code with no code below it coded
once on a one-source project.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from roqa_nlp.codebook import Codebook
from roqa_nlp.exchange import read_qdpx
from test_refiqda import build_qdpx

ANN = "00000000-0000-4000-8000-0000000000aa"
TEXT = "Interviewer: Tell me.\n\nP01: " + " ".join(
    f"Sentence number {i} about work." for i in range(20)
)


def guid(path: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, path)).upper()


def tree_project(tmp_path: Path, name: str, tree: dict[str, Any]) -> Path:
    """A .qdpx whose code tree is ``tree`` (name -> the codes below it), each code with none
    below it coded once by Ann."""
    leaves: list[str] = []

    def codes(node: dict[str, Any], path: list[str]) -> str:
        out = ""
        for k, below in node.items():
            g = guid("/".join([*path, k]))
            if not below:
                leaves.append(g)
            out += f'<Code guid="{g}" name="{k}" isCodable="true">{codes(below, [*path, k])}</Code>'
        return out

    code_xml = codes(tree, [])
    start = TEXT.index("Sentence")
    sels = "".join(
        f'<PlainTextSelection guid="{guid(f"s{i}")}" startPosition="{start + 5 * i}" '
        f'endPosition="{start + 5 * i + 20}" creatingUser="{ANN}"><Coding guid="{guid(f"c{i}")}" '
        f'creatingUser="{ANN}"><CodeRef targetGUID="{g}"/></Coding></PlainTextSelection>'
        for i, g in enumerate(leaves)
    )
    qde = (
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="v"><Users><User guid="{ANN}" '
        f'name="Ann"/></Users><CodeBook><Codes>{code_xml}</Codes></CodeBook><Sources>'
        f'<TextSource guid="{guid("src")}" name="t1"><PlainTextContent>{TEXT}'
        f"</PlainTextContent>{sels}</TextSource></Sources></Project>"
    )
    return build_qdpx(tmp_path / f"{name}.qdpx", qde)


def read(
    tmp_path: Path, name: str, tree: dict[str, Any], codebook: str | None = None
) -> tuple[str, list[str], list[str]]:
    """The codebook id, the code ids (a GUID as ``G``) and the codes Ann's codings are of."""
    book = None if codebook is None else Codebook.load(codebook)
    p = read_qdpx(tree_project(tmp_path, name, tree), codebook=book)
    short = {c.id: c.id if len(c.id) < 12 else "G" for c in p.codebook.codes}
    coded = sorted({short[g.code_id] for s in p.codings["Ann"] for g in s.suggestions})
    return p.codebook.id, [short[c.id] for c in p.codebook.codes], coded


def test_a_cfir_2009_tree_without_its_middle_level_is_read_as_cfir_2009(tmp_path: Path) -> None:
    """Before: cfir-2022+project, Available Resources as INS.J and Leadership Engagement a code
    of the project's own, as the path Inner Setting > Available Resources is CFIR 2.0's. Every
    code is one of CFIR 2009's by its name, below the domain it is below there."""
    flat = {"Inner Setting": {"Available Resources": {}, "Leadership Engagement": {}}}
    assert read(tmp_path, "flat2", flat) == (
        "cfir-2009",
        ["IS", "IS.E.1", "IS.E.2"],
        ["IS.E.1", "IS.E.2"],
    )
    # the warning the codes read by name get says how each is read; no other
    assert read_qdpx(tmp_path / "flat2.qdpx").warnings == [
        "3 codes made in the QDA program are read as codes of cfir-2009, with their codings: "
        "1 by its place in its code tree, and 2 named as codes of it elsewhere: "
        "'Inner Setting > Available Resources' as IS.E.2, "
        "'Inner Setting > Leadership Engagement' as IS.E.1; to keep a code apart, give it a "
        "name of its own in the program"
    ]


def test_a_cfir_2_tree_read_as_cfir_2009_by_its_paths_is_read_as_cfir_2(tmp_path: Path) -> None:
    """The mirror case. Before: cfir-2009+project, Funding (a name only CFIR 2.0 has, below
    Available Resources there) a code of the project's own, as 3 of the 4 codes sit in either
    version's tree by their paths and the first version won the tie."""
    tree = {"Inner Setting": {"Culture": {}, "Structural Characteristics": {}, "Funding": {}}}
    assert read(tmp_path, "cfir2_a", tree) == (
        "cfir-2022",
        ["INS", "INS.A", "INS.D", "INS.J.1"],
        ["INS.A", "INS.D", "INS.J.1"],
    )


def test_a_codebook_given_is_taken_when_it_places_every_code_by_name(tmp_path: Path) -> None:
    """With --codebook, a CFIR 2.0 tree given cfir-2009 stays CFIR 2.0 (hunt s67 h_qda R1: the
    first fix read it half as cfir-2009's, two codes the project's), as cfir-2009 names
    neither Implementation Process nor Doing; the tester's tree given cfir-2009, which has
    every code of it by name in its place, is cfir-2009's (hunt s67 h_qda2 D1: it stayed
    cfir-2022+project, asking for the codebook gave a worse reading than asking for none)."""
    tree = {"Implementation Process": {"Planning": {}, "Engaging": {}, "Doing": {}}}
    assert read(tmp_path, "cfir2_d", tree, codebook="cfir-2009") == (
        "cfir-2022",
        ["PRO", "PRO.D", "PRO.F", "PRO.G"],
        ["PRO.D", "PRO.F", "PRO.G"],
    )
    flat = {"Inner Setting": {"Available Resources": {}, "Leadership Engagement": {}}}
    assert read(tmp_path, "flat2", flat, codebook="cfir-2009") == (
        "cfir-2009",
        ["IS", "IS.E.1", "IS.E.2"],
        ["IS.E.1", "IS.E.2"],
    )
    # not asked for: the choice of the paths stands
    assert read(tmp_path, "flat2b", flat, codebook="cfir-2022")[0] == "cfir-2022+project"


def test_trees_no_built_in_codebook_places_whole_stay_the_projects_own(tmp_path: Path) -> None:
    """A hand-typed list of top-level codes, one of them a domain (hunt s67 h_qda R3), and a
    CFIR 2.0 domain over CFIR 2009 names and aliases (D2: the first fix gave a project codebook
    holding one CFIR id, INN) stay codebooks of the project's own, every code by its GUID."""
    flat = {"Cost": {}, "Leadership Engagement": {}, "Process": {}}
    assert read(tmp_path, "flatlist2", flat) == ("v", ["G", "G", "G"], ["G"])
    inn = {"Innovation": {"Cost": {}, "Complexity": {}, "Adaptability": {}}}
    assert read(tmp_path, "inn22", inn) == ("v", ["G", "G", "G", "G"], ["G"])


def test_the_same_tree_as_a_codebook_file_is_read_the_same(tmp_path: Path) -> None:
    """`roqa import` of a .qdc codebook file reads its code tree as a project's (before:
    cfir-2022+project, Leadership Engagement by its GUID)."""
    from roqa_nlp.exchange import read_qdc

    codes = "".join(
        f'<Code guid="{guid(n)}" name="{n}" isCodable="true">'
        if n == "Inner Setting"
        else f'<Code guid="{guid(n)}" name="{n}" isCodable="true"/>'
        for n in ("Inner Setting", "Available Resources", "Leadership Engagement")
    )
    qdc = tmp_path / "flat2.qdc"
    qdc.write_text(
        f'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}</Code></Codes></CodeBook>',
        encoding="utf-8",
    )
    book = read_qdc(qdc)
    assert (book.id, [c.id for c in book.codes]) == ("cfir-2009", ["IS", "IS.E.1", "IS.E.2"])
    given = read_qdc(qdc, codebook=Codebook.load("cfir-2009"))
    assert given.id == "cfir-2009"  # the codebook given places every code by name


def test_a_codebook_given_and_not_taken_is_said(tmp_path: Path) -> None:
    """qda2 tester, session 80, D5: --codebook cfir-2009 on a flat list of CFIR constructs (as
    MAXQDA and QualCoder teams keep them) was dropped with no word: the codebook is the
    project's own, each construct a domain of its own in Table 2. As refi-qda.md says, such a
    list is not read as the codebook; a warning says so, and what to do."""
    flat = {"Available Resources": {}, "Leadership Engagement": {}, "Culture": {}}
    assert read(tmp_path, "flat", flat, codebook="cfir-2009") == ("v", ["G", "G", "G"], ["G"])
    book = Codebook.load("cfir-2009")
    said = [
        w for w in read_qdpx(tmp_path / "flat.qdpx", codebook=book).warnings if "--codebook" in w
    ]
    assert said == [
        "--codebook cfir-2009 is not taken: the project's codes are not its codes in their "
        "places (a list of constructs at the top of the code tree is not), so they are imported "
        "as the codebook 'v'; to read them as cfir-2009's, put each under its domain in the QDA "
        "program and export the project again"
    ]
    # taken, or another version of it taken: nothing said
    tree = {"Inner Setting": {"Available Resources": {}, "Leadership Engagement": {}}}
    taken = read_qdpx(tree_project(tmp_path, "tree", tree), codebook=book).warnings
    assert not any("--codebook" in w for w in taken)
    other = read_qdpx(tmp_path / "tree.qdpx", codebook=Codebook.load("cfir-2022")).warnings
    assert not any("--codebook" in w for w in other)


def test_a_tree_in_another_built_in_codebook_is_said_to_be_in_it(tmp_path: Path) -> None:
    """hunt3, session 80, F6: roqa's own CFIR 2009 export, its tree in place, imported with
    --codebook cfir-2022, was said to hold codes "not in their places", and the researcher was
    sent to put each under its domain in the QDA program: a tree already right. It is in CFIR
    2009, --codebook does not translate on import, and report, agree and export chart its
    codings in CFIR 2.0 through the documented mapping."""
    tree = {
        "Inner Setting": {
            "Culture": {},
            "Readiness for Implementation": {"Available Resources": {}},
        }
    }
    assert read(tmp_path, "t09", tree, codebook="cfir-2022") == (
        "cfir-2009",
        ["IS", "IS.C", "IS.E", "IS.E.2"],
        ["IS.C", "IS.E.2"],
    )
    said = [
        w
        for w in read_qdpx(tmp_path / "t09.qdpx", codebook=Codebook.load("cfir-2022")).warnings
        if "--codebook" in w
    ]
    assert said == [
        "--codebook cfir-2022 is not taken: the project's codes are cfir-2009's, in their "
        "places, and --codebook does not translate codes on import, so they are imported as "
        "'cfir-2009'; import it with --codebook cfir-2009 (or none), and give --codebook "
        "cfir-2022 to roqa report, roqa agree or roqa export to chart its codings in cfir-2022 "
        "through the documented mapping"
    ]
