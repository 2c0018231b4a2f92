"""Specification of which built-in codebook ``roqa import`` reads a code tree made in a QDA
program as, when roqa_nlp's GUIDs do not tell it.

A colleague's small CFIR 2009 tree laid out domain > construct (``Inner Setting`` >
``Available Resources``, ``Leadership Engagement``: no ``Readiness for Implementation`` level)
was read as ``cfir-2022+project``: Available Resources became INS.J and Leadership Engagement,
a name only CFIR 2009 has, a code of the project's own, with no warning (QDA tester, session
67). Names that only one version has now count as evidence for it; a tree whose names fit both
keeps the choice by place and says so in one warning.

The trees are the tester's (their ``variant.py``): one coder, each code with no code below it
coded once on a one-source project.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

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


def read(tmp_path: Path, name: str, tree: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    """The codebook id, the code ids and the codes Ann's codings are of, as imported."""
    p = read_qdpx(tree_project(tmp_path, name, tree))
    coded = sorted({g.code_id for s in p.codings["Ann"] for g in s.suggestions})
    return p.codebook.id, [c.id for c in p.codebook.codes], coded


def choice_warnings(path: Path) -> list[str]:
    return [w for w in read_qdpx(path).warnings if "every code name" in w]


def test_a_cfir_2009_tree_without_its_middle_level_is_read_as_cfir_2009(tmp_path: Path) -> None:
    """Before: cfir-2022+project, Available Resources as INS.J, Leadership Engagement as a code
    of the project's own (its GUID), as the path Inner Setting > Available Resources is CFIR
    2.0's. Leadership Engagement is a name only CFIR 2009 has; every name is one of its codes'."""
    flat = {"Inner Setting": {"Available Resources": {}, "Leadership Engagement": {}}}
    assert read(tmp_path, "flat2", flat) == (
        "cfir-2009",
        ["IS", "IS.E.1", "IS.E.2"],
        ["IS.E.1", "IS.E.2"],
    )
    assert choice_warnings(tmp_path / "flat2.qdpx") == []  # names only one version has: no doubt


def test_a_full_cfir_2009_tree_and_a_flat_one_are_read_as_before(tmp_path: Path) -> None:
    full = {
        "Inner Setting": {
            "Readiness for Implementation": {
                "Available Resources": {},
                "Leadership Engagement": {},
            },
            "Structural Characteristics": {},
        }
    }
    assert read(tmp_path, "fullpath", full) == (
        "cfir-2009",
        ["IS", "IS.A", "IS.E", "IS.E.1", "IS.E.2"],
        ["IS.A", "IS.E.1", "IS.E.2"],
    )
    many = {
        "Inner Setting": {
            "Available Resources": {},
            "Leadership Engagement": {},
            "Culture": {},
            "Networks and Communications": {},
            "Tension for Change": {},
        },
        "Process": {"Planning": {}, "Champions": {}},
    }
    assert read(tmp_path, "manyflat", many) == (
        "cfir-2009",
        ["IS", "IS.B", "IS.C", "IS.D.1", "IS.E.1", "IS.E.2", "PR", "PR.A", "PR.B.3"],
        ["IS.B", "IS.C", "IS.D.1", "IS.E.1", "IS.E.2", "PR.A", "PR.B.3"],
    )


def test_a_name_only_cfir_2022_has_makes_a_tree_cfir_2022s(tmp_path: Path) -> None:
    """The mirror case. Before: cfir-2009+project (as many codes in place in either, the first
    codebook won), Funding a code of the project's own; Funding is CFIR 2.0's INS.J.1."""
    tree = {"Inner Setting": {"Culture": {}, "Structural Characteristics": {}, "Funding": {}}}
    assert read(tmp_path, "mirror", tree) == (
        "cfir-2022",
        ["INS", "INS.A", "INS.D", "INS.J.1"],
        ["INS.A", "INS.D", "INS.J.1"],
    )


def test_a_tree_whose_names_fit_both_keeps_its_choice_and_says_why(tmp_path: Path) -> None:
    """Every name is a code's of CFIR 2009 and of CFIR 2.0: read as before, in one warning."""
    closer = {"Inner Setting": {"Culture": {}, "Available Resources": {}}}
    assert read(tmp_path, "close", closer) == (
        "cfir-2022",
        ["INS", "INS.D", "INS.J"],
        ["INS.D", "INS.J"],
    )
    assert choice_warnings(tmp_path / "close.qdpx") == [
        "close.qdpx: every code name in the code tree is one of cfir-2022 and of cfir-2009: read "
        "as cfir-2022, as 3 of its 3 codes sit in its code tree by their path of names, against "
        "2 in cfir-2009; if the codes are cfir-2009's, import it again with --codebook cfir-2009"
    ]
    tied = {"Inner Setting": {"Culture": {}}}
    assert read(tmp_path, "tied", tied) == ("cfir-2009", ["IS", "IS.C"], ["IS.C"])
    assert choice_warnings(tmp_path / "tied.qdpx") == [
        "tied.qdpx: every code name in the code tree is one of cfir-2009 and of cfir-2022: read "
        "as cfir-2009, as as many of its 2 codes sit in its code tree by their path of names (2) "
        "as in cfir-2022, and it comes first; if the codes are cfir-2022's, import it again with "
        "--codebook cfir-2022"
    ]


def test_the_codebook_given_decides_a_tree_whose_names_fit_both(tmp_path: Path) -> None:
    """What the warning advises reads the tree so, with no warning."""
    from roqa_nlp.codebook import Codebook

    path = tree_project(
        tmp_path, "close", {"Inner Setting": {"Culture": {}, "Available Resources": {}}}
    )
    p = read_qdpx(path, codebook=Codebook.load("cfir-2009"))
    assert (p.codebook.id, [c.id for c in p.codebook.codes]) == (
        "cfir-2009",
        ["IS", "IS.C", "IS.E.2"],
    )
    assert [w for w in p.warnings if "every code name" in w] == []
