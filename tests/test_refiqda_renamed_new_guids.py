"""Specification of a codebook code renamed in a QDA program that gives codes new GUIDs (qc).

Such a code is known neither by the GUID roqa_nlp gave it nor by its path of names. The
project's roqa_nlp suggestions still say what it was (``suggested by roqa_nlp: Available
Resources (p=...)``): when every roqa_nlp suggestion coded with it names the same code of the
codebook, and the project holds that code nowhere else, it is that code (its id, under its new
name), with a warning; when the evidence is not that clear, it stays a code of the project's own
and a warning says what the suggestions name.

Before: "Funding and resources" (Available Resources, renamed, new GUID) silently became a code
of the project's own: IS.E.2 left the codebook, and the model's and every coder's IS.E.2
codings moved to a GUID code.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from roqa_nlp.exchange import read_qdpx
from test_refiqda_valence_codes import BARRIER_GUID
from test_refiqda_valence_codings import (
    AGENCY,
    AVAILABLE_RESOURCES,
    FEE,
    LEADERSHIP,
    STAFF,
    decisions,
    reviewed,
)


def new_guid(old: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"qc:{old}"))


def qc_like(rename: dict[str, str], extra=None):
    """A change of project.qde as qc's re-export makes it: every code a new GUID (the codings
    following it), the codes in ``rename`` (old name -> new name) renamed; ``extra`` edits it
    further."""

    def change(qde: str) -> str:
        for old in re.findall(r'<Code guid="([^"]+)"', qde):
            qde = qde.replace(old, new_guid(old))
        for before, after in rename.items():
            qde = qde.replace(f'name="{before}"', f'name="{after}"')
        return qde if extra is None else extra(qde)

    return change


RENAMED = new_guid(AVAILABLE_RESOURCES)


def test_a_renamed_code_with_a_new_guid_is_the_code_its_suggestions_name(tmp_path: Path) -> None:
    project = reviewed(
        tmp_path,
        (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID)),
        change=qc_like({"Available Resources": "Funding and resources"}),
    )
    p = read_qdpx(project)
    assert (p.codebook.id, [(c.id, c.name) for c in p.codebook.codes]) == (
        "cfir-2009+project",  # a code renamed: the project's version of cfir-2009 (s87)
        [
            ("IS", "Inner Setting"),
            ("IS.E", "Readiness for Implementation"),
            ("IS.E.1", "Leadership Engagement"),
            ("IS.E.2", "Funding and resources"),
        ],
    )
    codings = [
        (user, g.code_id, s.segment.start, s.segment.end, g.valence)
        for user, result in p.codings.items()
        for s in result
        for g in s.suggestions
    ]
    model = next(u for u in p.codings if u.startswith("roqa_nlp"))
    assert codings == [
        (model, "IS.E.2", *STAFF, "enabler"),
        (model, "IS.E.1", *AGENCY, "enabler"),
        (model, "IS.E.2", *FEE, "barrier"),
        ("Alice", "IS.E.2", *STAFF, "barrier"),
    ]
    assert p.warnings == [
        f"code 'Funding and resources' ({RENAMED}) is no code of cfir-2009 by its GUID or its "
        "place in the code tree, but each of roqa_nlp's 2 suggestions coded with it names "
        "Available Resources: read as IS.E.2 Available Resources, renamed (in a QDA program "
        "that gave the codes new GUIDs)"
    ]
    assert decisions(project) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "valence", "", "barrier"),
    ]


def test_a_code_whose_suggestions_name_a_code_the_project_holds_only_warns(
    tmp_path: Path,
) -> None:
    """The team's own code 'Funding' (a new code, beside Available Resources) on which a
    roqa_nlp suggestion of Available Resources was recoded in the program: kept as the team's
    code, with a warning, since the project holds Available Resources too."""
    funding = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f71"

    def add_funding(qde: str) -> str:
        renamed = new_guid(AVAILABLE_RESOURCES)
        code = f'<Code guid="{renamed}" name="Available Resources" isCodable="true" />'
        assert qde.count(code) == 1
        qde = qde.replace(code, code + f'<Code guid="{funding}" name="Funding" isCodable="true"/>')
        # the model's coding of FEE now points at Funding
        at = qde.index(f'startPosition="{FEE[0]}"')
        end = qde.index("</PlainTextSelection>", at)
        return qde[:at] + qde[at:end].replace(renamed, funding) + qde[end:]

    project = reviewed(tmp_path, (STAFF, (AVAILABLE_RESOURCES,)), change=qc_like({}, add_funding))
    p = read_qdpx(project)
    assert [c.id for c in p.codebook.codes] == ["IS", "IS.E", "IS.E.1", "IS.E.2", funding]
    model = next(u for u in p.codings if u.startswith("roqa_nlp"))
    assert [(s.segment.id, g.code_id) for s in p.codings[model] for g in s.suggestions] == [
        ("P04:1", "IS.E.2"),
        ("P04:2", "IS.E.1"),
        ("P04:3", funding),
    ]
    assert p.warnings == [
        f"code 'Funding' ({funding}) is imported as a code of the project's own, though "
        "roqa_nlp's 1 suggestion coded with it names Available Resources (IS.E.2 of cfir-2009): "
        "not read as that code, as the project holds IS.E.2 too",
        # as before: the suggestion's note names a code the project holds, not Funding
        f"1 of the 3 codings by {model!r} carry no probability or valence in their selection's "
        "description (the QDA program dropped it or merged selections): imported at "
        "probability 0 and valence neutral, below the suggestions whose probability was kept",
    ]


def merged_into_available_resources(qde: str) -> str:
    """Leadership Engagement merged into Available Resources, as MAXQDA or QualCoder do it: its
    codings move to Available Resources, and the code is gone."""
    qde, n = re.subn(rf'<Code guid="{LEADERSHIP}"[^>]*?(?:/>|>.*?</Code>)', "", qde, flags=re.S)
    assert n == 1
    return qde.replace(LEADERSHIP, AVAILABLE_RESOURCES)


def test_a_code_merged_in_the_program_leaves_the_models_suggestion_as_it_was(
    tmp_path: Path,
) -> None:
    """The model suggested Leadership Engagement on AGENCY (its description names it): after a
    merge into Available Resources it is still the model's Leadership Engagement, and Alice's
    Available Resources there a recode of it. Before (s62), the model's suggestion silently
    became Available Resources, and Alice's coding an accept of it."""
    project = reviewed(
        tmp_path, (AGENCY, (AVAILABLE_RESOURCES,)), change=merged_into_available_resources
    )
    p = read_qdpx(project)
    assert (p.codebook.id, [(c.id, c.name) for c in p.codebook.codes]) == (
        "cfir-2009",
        [
            ("IS", "Inner Setting"),
            ("IS.E", "Readiness for Implementation"),
            ("IS.E.1", "Leadership Engagement"),
            ("IS.E.2", "Available Resources"),
        ],
    )
    model = next(u for u in p.codings if u.startswith("roqa_nlp"))
    assert [
        (s.segment.id, g.code_id, g.probability, g.valence)
        for s in p.codings[model]
        for g in s.suggestions
    ] == [
        ("P04:1", "IS.E.2", 0.8, "enabler"),
        ("P04:2", "IS.E.1", 0.8, "enabler"),
        ("P04:3", "IS.E.2", 0.8, "barrier"),
    ]
    assert p.warnings == [
        "code Leadership Engagement (IS.E.1) is no longer in the project's code tree, and "
        "roqa_nlp's 1 suggestion of it (P04:2) is coded with 'Available Resources' there "
        "(merged into it in the QDA program?): read as the model's IS.E.1 Leadership "
        "Engagement, as its description names it, not as a suggestion of 'Available Resources'"
    ]
    assert decisions(project) == [
        ("P04:2", "reject", "IS.E.1", ""),
        ("P04:2", "recode", "IS.E.2", ""),
    ]
