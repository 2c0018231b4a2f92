"""Specification of codes named like a valence in a team's own code tree (``roqa import``).

A common CFIR layout in NVivo and ATLAS.ti puts, under each construct, the child codes
``Barrier`` and ``Facilitator`` (or ``Barriers``/``Enablers``/``Positive``/``Negative``...). A
coding of such a child is the coder's coding of the construct above it, with that valence: not
a valence with nothing to attach to. A valence code with no code above it (``Positive`` at the
top) gives its valence to the coder's codes on the same passage, as before; one on a passage the
coder coded with nothing else (and roqa_nlp suggested nothing on) is named in a warning with how
many codings gave no valence to anything, never dropped silently.

Before: the construct's ``Barrier`` child was read as a bare valence code, so a coder who coded
only with the children came back with no codings at all, and no warning.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.exchange import read_qdpx
from test_cli_agree import run
from test_refiqda_valence_codings import (
    AVAILABLE_RESOURCES,
    FEE,
    PARTY,
    STAFF,
    decisions,
    reviewed,
    sid,
)

TEXT = (
    "Interviewer: Resources?\nP14: We lost three nurses and the budget was cut.\n"
    "Interviewer: Leadership?\nP14: The director backed the new approach every week.\n"
    "Interviewer: Families?\nP14: Families were thrilled with the change.\n"
)
SOURCE = "14000000-0000-4000-8000-00000000000e"
HANA = "e1000000-0000-4000-8000-000000000001"
AR, AR_BARRIER, AR_FACILITATOR, LE, LE_BARRIERS, LE_ENABLERS, POSITIVE, VALENCE, V_NEG = (
    f"c{i:07d}-0000-4000-8000-000000000000" for i in range(1, 10)
)

#: Available Resources > Barrier, Facilitator; Leadership Engagement > Barriers, Enablers (as
#: NVivo writes them, all codable); Positive at the top; a folder Valence > Negative.
TREE = (
    f'<Code guid="{AR}" name="Available Resources" isCodable="true">'
    f'<Code guid="{AR_BARRIER}" name="Barrier" isCodable="true"/>'
    f'<Code guid="{AR_FACILITATOR}" name="Facilitator" isCodable="true"/></Code>'
    f'<Code guid="{LE}" name="Leadership Engagement" isCodable="true">'
    f'<Code guid="{LE_BARRIERS}" name="Barriers" isCodable="true"/>'
    f'<Code guid="{LE_ENABLERS}" name="Enablers" isCodable="true"/></Code>'
    f'<Code guid="{POSITIVE}" name="Positive" isCodable="true"/>'
    f'<Code guid="{VALENCE}" name="Valence" isCodable="true">'
    f'<Code guid="{V_NEG}" name="Negative" isCodable="true"/></Code>'
)


def span(quote: str) -> tuple[int, int]:
    s = TEXT.index(quote)
    return s, s + len(quote)


NURSES = span("We lost three nurses and the budget was cut.")  # 29-73
DIRECTOR = span("The director backed the new approach every week.")  # 104-152
FAMILIES = span("Families were thrilled with the change.")


def project(tmp_path: Path, *coded: tuple[tuple[int, int], tuple[str, ...]]) -> Path:
    """A project of one source (p14) whose selections are Hana's, each coded with the codes
    given (GUIDs)."""
    selections = "".join(
        f'<PlainTextSelection guid="f0000000-0000-4000-8000-{i:012d}" startPosition="{s}" '
        f'endPosition="{e}" creatingUser="{HANA}">'
        + "".join(
            f'<Coding guid="f1000000-0000-4000-8000-{i:010d}{j:02d}" creatingUser="{HANA}">'
            f'<CodeRef targetGUID="{code}"/></Coding>'
            for j, code in enumerate(codes)
        )
        + "</PlainTextSelection>"
        for i, ((s, e), codes) in enumerate(coded, 1)
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="awkM" origin="NVivo-like">'
        f'<Users><User guid="{HANA}" name="Hana"/></Users>'
        f"<CodeBook><Codes>{TREE}</Codes></CodeBook>"
        f'<Sources><TextSource guid="{SOURCE}" name="p14" '
        f'plainTextPath="internal://{SOURCE}.txt">{selections}</TextSource></Sources></Project>'
    )
    path = tmp_path / "hana.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{SOURCE}.txt", TEXT)
    return path


def hanas(path: Path) -> list[tuple[str, str, int, int, str]]:
    """Hana's imported codings: (coder, code id, start, end, valence)."""
    p = read_qdpx(path)
    return [
        ("Hana", g.code_id, s.segment.start, s.segment.end, g.valence)
        for s in p.codings.get("Hana", [])
        for g in s.suggestions
    ]


CHILDREN_READ = (
    "2 codings of codes named like a valence below another code were read as codings of the "
    "code above them with that valence: Available Resources > Barrier (1, barrier), "
    "Leadership Engagement > Enablers (1, enabler)"
)


def test_a_child_valence_code_is_a_coding_of_its_construct_with_that_valence(
    tmp_path: Path,
) -> None:
    """The tester's repro (awk/M): before, 'codings by Hana (0)' and no warning."""
    path = project(tmp_path, (NURSES, (AR_BARRIER,)), (DIRECTOR, (LE_ENABLERS,)))
    assert hanas(path) == [
        ("Hana", AR, 29, 73, "barrier"),
        ("Hana", LE, 104, 152, "enabler"),
    ]
    p = read_qdpx(path)
    assert p.codings["Hana"].meta["valence_not_given"] == []
    # the children are no codes of the codebook; the constructs are. The folder Valence, which
    # holds only a valence code, is none either (session 80, qda2 D4: before, it was kept, and
    # an export wrote it back as an empty code to code with)
    assert [c.name for c in p.codebook.codes] == ["Available Resources", "Leadership Engagement"]
    assert p.warnings == [CHILDREN_READ]


def test_a_folder_of_valence_codes_coded_itself_stays_a_code_and_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hunt3, session 80, F7: Hana codes a passage with the folder Valence itself. Its name
    gives no valence (only Negative below it does), yet the folder was dropped from the
    codebook while her coding kept it as a code, its id the GUID lower-cased: a code no
    codebook held (the export warned "1 code of the project's own is not in codebook"). It
    stays a code of the project's own, its GUID as written, and a warning says what became of
    such codings; an uncoded folder is still left out (above)."""
    upper = VALENCE.upper()  # as MAXQDA and ATLAS.ti write GUIDs
    monkeypatch.setattr(sys.modules[__name__], "TREE", TREE.replace(VALENCE, upper))
    path = project(tmp_path, (NURSES, (AR_BARRIER,)), (FAMILIES, (VALENCE,)))
    assert hanas(path) == [
        ("Hana", AR, 29, 73, "barrier"),
        ("Hana", upper, *FAMILIES, "neutral"),
    ]
    p = read_qdpx(path)
    assert [(c.id, c.name, c.level) for c in p.codebook.codes] == [
        (AR, "Available Resources", "domain"),
        (LE, "Leadership Engagement", "domain"),
        (upper, "Valence", "domain"),
    ]
    assert p.warnings == [
        "'Valence', a folder of valence codes, is coded itself, so it is kept as a code of the "
        "project's own; its codings give no valence (to give a passage a valence, code it with a "
        "code below the folder: 'Negative')",
        "1 coding of a code named like a valence below another code was read as a coding of the "
        "code above it with that valence: Available Resources > Barrier (1, barrier)",
    ]


def test_the_construct_and_its_child_on_one_selection_are_one_coding(tmp_path: Path) -> None:
    """Staffing and Staffing > Facilitators on the same selection (awk/H): one coding of the
    construct, an enabler, and no 'repeats another coding' warning."""
    path = project(tmp_path, (NURSES, (AR, AR_FACILITATOR)), (DIRECTOR, (LE_BARRIERS, LE)))
    assert hanas(path) == [
        ("Hana", AR, 29, 73, "enabler"),
        ("Hana", LE, 104, 152, "barrier"),
    ]
    assert not any("repeat" in w for w in read_qdpx(path).warnings)


def test_a_childs_valence_wins_over_a_top_level_valence_on_the_passage(tmp_path: Path) -> None:
    """Available Resources > Barrier and the top-level Positive on one selection: the child
    names the construct's valence; Positive gives it to the coder's other codes there."""
    path = project(tmp_path, (NURSES, (AR_BARRIER, LE, POSITIVE)))
    assert hanas(path) == [
        ("Hana", AR, 29, 73, "barrier"),
        ("Hana", LE, 29, 73, "enabler"),
    ]


def test_two_children_of_different_valence_on_one_passage_give_none(tmp_path: Path) -> None:
    path = project(tmp_path, (NURSES, (AR_BARRIER, AR_FACILITATOR)))
    p = read_qdpx(path)
    assert hanas(path) == [("Hana", AR, 29, 73, "neutral")]
    assert p.codings["Hana"].meta["valence_not_given"] == ["p14:@29-73"]
    assert (
        "Hana gave Available Resources on passage p14:@29-73 two different valences (barrier, "
        "enabler) with its codes Barrier, Facilitator: read as giving it none (its coding counts "
        "as neutral)"
    ) in p.warnings


def test_a_top_level_valence_code_gives_its_valence_to_the_codes_on_its_passage(
    tmp_path: Path,
) -> None:
    path = project(tmp_path, (NURSES, (AR, POSITIVE)))
    assert hanas(path) == [("Hana", AR, 29, 73, "enabler")]
    assert read_qdpx(path).warnings == []


def test_a_valence_on_nothing_coded_is_named_in_a_warning(tmp_path: Path) -> None:
    """Positive alone on FAMILIES, and Valence > Negative (a folder of valences, not a code)
    alone on DIRECTOR: nothing of Hana's there to give the valence to, and no suggestion.
    Before: dropped without a word."""
    path = project(tmp_path, (NURSES, (AR_BARRIER,)), (DIRECTOR, (V_NEG,)), (FAMILIES, (POSITIVE,)))
    p = read_qdpx(path)
    assert hanas(path) == [("Hana", AR, 29, 73, "barrier")]
    s, e = FAMILIES
    assert p.warnings == [
        "1 coding of a code named like a valence below another code was read as a coding of "
        "the code above it with that valence: Available Resources > Barrier (1, barrier)",
        "Hana: 2 codings of valence codes (Negative, Positive) are on selections holding no "
        f"code of Hana's, where roqa_nlp suggested nothing (p14:@104-152, p14:@{s}-{e}): there "
        "a valence code gives its valence to the codes on its own selection only, so their "
        "valence is given to no code, and they are in none of Hana's codings (code the passage "
        "with its code on the same selection too)",
    ]


def test_a_valence_inside_a_wider_coded_selection_says_which_selection_it_lies_in(
    tmp_path: Path,
) -> None:
    """Re-tester, session 50, finding 5: Eve coded Cost (and Barrier) on 90-206 and Enabler
    alone on 100-206, and the warning said she "coded with nothing else" there. It is another
    selection, on which she coded no code: the warning says so, and where her code is."""
    budget = span("the budget was cut.")
    path = project(tmp_path, (NURSES, (AR,)), (budget, (POSITIVE,)), (FAMILIES, (POSITIVE,)))
    assert hanas(path) == [("Hana", AR, 29, 73, "neutral")]
    s, e = FAMILIES
    assert read_qdpx(path).warnings == [
        "Hana: 2 codings of valence codes (Positive) are on selections holding no code of "
        f"Hana's, where roqa_nlp suggested nothing (p14:@{budget[0]}-{budget[1]}, "
        f"p14:@{s}-{e}): there a valence code gives its valence to the codes on its own "
        "selection only, so their valence is given to no code, and they are in none of Hana's "
        f"codings; p14:@{budget[0]}-{budget[1]} lies within Hana's selection p14:@29-73 "
        "(Available Resources) (code the passage with its code on the same selection too)",
    ]


def test_import_prints_the_lines_and_writes_the_codings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project(tmp_path, (NURSES, (AR_BARRIER,)), (DIRECTOR, (LE_ENABLERS,)))
    out = tmp_path / "imp"
    code, said, err = run(["import", str(path), "--out", str(out)], capsys)
    assert code == 0, err
    assert "codings by Hana (2)" in said
    assert err == f"roqa: warning: {path}: {CHILDREN_READ}\n"
    rows = [
        json.loads(line)
        for line in (out / "codings" / "Hana" / "codings.jsonl").read_text("utf-8").splitlines()
    ]
    assert [
        (r["start"], r["end"], g["code_id"], g["valence"]) for r in rows for g in r["suggestions"]
    ] == [(29, 73, AR, "barrier"), (104, 152, LE, "enabler")]
    assert json.loads((out / "import.json").read_text("utf-8"))["warnings"] == [CHILDREN_READ]


# -- in a project of roqa_nlp's suggestions --------------------------------------------------------

BARRIER_BELOW = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f61"
FACILITATOR_BELOW = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f62"


def with_children(qde: str) -> str:
    """The team added Barrier and Facilitator below CFIR's Available Resources."""
    code = f'<Code guid="{AVAILABLE_RESOURCES}" name="Available Resources" isCodable="true" />'
    assert qde.count(code) == 1
    return qde.replace(
        code,
        f'<Code guid="{AVAILABLE_RESOURCES}" name="Available Resources" isCodable="true">'
        f'<Code guid="{BARRIER_BELOW}" name="Barrier" isCodable="true"/>'
        f'<Code guid="{FACILITATOR_BELOW}" name="Facilitator" isCodable="true"/></Code>',
    )


def test_a_child_of_an_exported_cfir_code_is_that_code_in_codings_and_decisions(
    tmp_path: Path,
) -> None:
    """Alice codes the model's passages STAFF and FEE with Available Resources > Barrier only,
    and PARTY (nothing suggested) with Available Resources > Facilitator: her codings are
    IS.E.2 with those valences, the codebook stays cfir-2009, and the decisions accept the
    suggestions and give their valence."""
    project = reviewed(
        tmp_path,
        (STAFF, (BARRIER_BELOW,)),
        (FEE, (BARRIER_BELOW,)),
        (PARTY, (FACILITATOR_BELOW,)),
        change=with_children,
    )
    p = read_qdpx(project)
    assert [
        ("Alice", g.code_id, s.segment.start, s.segment.end, g.valence)
        for s in p.codings["Alice"]
        for g in s.suggestions
    ] == [
        ("Alice", "IS.E.2", *STAFF, "barrier"),
        ("Alice", "IS.E.2", *FEE, "barrier"),
        ("Alice", "IS.E.2", *PARTY, "enabler"),
    ]
    assert (p.codebook.id, [c.id for c in p.codebook.codes]) == (
        "cfir-2009",
        ["IS", "IS.E", "IS.E.1", "IS.E.2"],
    )
    assert p.warnings == [
        "3 codings of codes named like a valence below another code were read as codings of the "
        "code above them with that valence: Available Resources > Barrier (2, barrier), "
        "Available Resources > Facilitator (1, enabler)"
    ]
    assert decisions(project) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "valence", "", "barrier"),
        ("P04:3", "accept", "IS.E.2", ""),
        ("P04:3", "valence", "", "barrier"),
        (sid(PARTY), "recode", "IS.E.2", ""),
        (sid(PARTY), "valence", "", "enabler"),
    ]


def test_the_codings_go_back_and_come_back_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hana's imported codings exported (roqa export: her valences in the descriptions, the
    Valence (roqa_nlp) group added) and imported again: the same codings and valences."""
    path = project(tmp_path, (NURSES, (AR_BARRIER,)), (DIRECTOR, (LE_ENABLERS, LE)))
    first = read_qdpx(path).codings["Hana"]
    again = tmp_path / "again.qdpx"
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "imp")], capsys)
    assert code == 0, err
    code, _, err = run(["export", str(tmp_path / "imp" / "codings" / "Hana"), "--qdpx", str(again)], capsys)  # fmt: skip
    assert code == 0, err
    back = read_qdpx(again)
    assert back.warnings == []
    assert (
        [
            (s.segment.start, s.segment.end, g.code_id, g.valence)
            for s in back.codings["Hana"]
            for g in s.suggestions
        ]
        == [
            (s.segment.start, s.segment.end, g.code_id, g.valence)
            for s in first
            for g in s.suggestions
        ]
        == [(29, 73, AR, "barrier"), (104, 152, LE, "enabler")]
    )
    assert back.codings["Hana"].meta["valence_not_given"] == []
