"""Specification of a reviewer's valence codes in their imported codings (``roqa import``).

A reviewer gives a passage's valence by coding it with ``Barrier``, ``Enabler`` or ``Neutral``
(the ``Valence (roqa_nlp)`` group every export carries, known by its fixed GUIDs whatever the
codes are renamed to, or valence codes they created, known by their names). Those codes are not
codes of theirs: in ``codings/<them>/`` each content code of the passage carries that valence,
and the valence codes are in neither the codings nor ``codebook.json``. The passage is the one
the decisions file gives the valence to: a suggestion's span with every span of the reviewer's
that is the same passage (overlapping it by at least half of the shorter), else, on text with no
suggestion, the span coded. The decisions file is as it was.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from roqa_nlp.decisions import read_decisions
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.refiqda import code_guid
from roqa_nlp.exchange.review import (
    PersonsCodings,
    review_decisions,
    valence_code,
    with_given_valence,
)
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run
from test_refiqda_valence_codes import (
    BARRIER_GUID,
    ENABLER_GUID,
    GROUP_GUID,
    NEUTRAL_GUID,
    excerpt,
    rewrite,
)

TEXT = (
    "P04: We lacked staff for weeks. The manager found agency cover. "
    "The fee never changed. We had a party."
)
ALICE = "00000000-0000-4000-8000-0000000000aa"
NOTE = "REFI-QDA review by Alice"
AVAILABLE_RESOURCES = code_guid("cfir-2009", "IS.E.2")
LEADERSHIP = code_guid("cfir-2009", "IS.E.1")
HAND_MADE_ENABLER = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f52"


def span(quote: str) -> tuple[int, int]:
    s = TEXT.index(quote)
    return s, s + len(quote)


STAFF = span("We lacked staff for weeks.")
AGENCY = span("The manager found agency cover.")
FEE = span("The fee never changed.")
PARTY = span("We had a party.")


def sid(where: tuple[int, int]) -> str:
    """The id of a span Alice coded: her selections carry no roqa_nlp name."""
    return f"P04:@{where[0]}-{where[1]}"


def suggestions() -> CodingResult:
    """The model's suggestions: Available Resources on STAFF (enabler) and on FEE (barrier),
    Leadership Engagement on AGENCY (enabler); nothing on PARTY."""
    t = Transcript("P04", TEXT, [], participant="P04")

    def suggested(n: int, where: tuple[int, int], code: str, name: str, valence: str):
        seg = Segment(f"P04:{n}", "P04", "P04", "participant", *where, TEXT[slice(*where)])
        return SegmentResult(seg, [Suggestion(code, name, "IS", 0.8, valence)])

    return CodingResult(
        segments=[
            suggested(1, STAFF, "IS.E.2", "Available Resources", "enabler"),
            suggested(2, AGENCY, "IS.E.1", "Leadership Engagement", "enabler"),
            suggested(3, FEE, "IS.E.2", "Available Resources", "barrier"),
        ],
        transcripts={"P04": t},
        meta={"model": {"hash": "abcd1234ef567890"}},
    )


def reviewed(tmp_path: Path, *coded: tuple[tuple[int, int], tuple[str, ...]], change=None) -> Path:
    """The suggestions exported, then Alice's selections added as a QDA program writes them:
    each a span and the GUIDs of the codes she coded it with; ``change`` (str -> str) edits the
    project.qde further (the code tree)."""
    export_qdpx(suggestions(), excerpt(), tmp_path / "export.qdpx")

    def review(qde: str) -> str:
        selections = "".join(
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{s}" endPosition="{e}" '
            f'creatingUser="{ALICE}">'
            + "".join(
                f'<Coding guid="{uuid.uuid4()}" creatingUser="{ALICE}">'
                f'<CodeRef targetGUID="{code}"/></Coding>'
                for code in codes
            )
            + "</PlainTextSelection>"
            for (s, e), codes in coded
        )
        qde = qde.replace("</Users>", f'<User guid="{ALICE}" name="Alice"/></Users>')
        qde = qde.replace("</TextSource>", f"{selections}</TextSource>")
        return qde if change is None else change(qde)

    return rewrite(tmp_path / "export.qdpx", tmp_path / "reviewed.qdpx", review)


def alices(project: Path) -> list[tuple[str, str, str, float | None]]:
    """Alice's imported codings: (segment, code, valence, valence probability)."""
    return [
        (s.segment.id, g.code_id, g.valence, g.valence_probability)
        for s in read_qdpx(project).codings["Alice"]
        for g in s.suggestions
    ]


def decisions(project: Path) -> list[tuple[str, str, str, str]]:
    p = read_qdpx(project)
    machine = CodingResult(segments=[s for u, r in p.codings.items() if u != "Alice" for s in r])
    found = review_decisions(machine, p.codings["Alice"], coder="Alice")
    return [(d.segment_id, d.decision, d.code_id, d.new_code or d.valence) for d in found]


#: Alice's review of the four passages: Available Resources and Barrier on STAFF, Enabler alone
#: on AGENCY, Available Resources alone on FEE, Leadership Engagement and Neutral on PARTY.
REVIEW = (
    (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID)),
    (AGENCY, (ENABLER_GUID,)),
    (FEE, (AVAILABLE_RESOURCES,)),
    (PARTY, (LEADERSHIP, NEUTRAL_GUID)),
)

#: ... and the decisions it gives (as before valence codes were read into the codings).
REVIEW_DECISIONS = [
    ("P04:1", "accept", "IS.E.2", ""),
    ("P04:1", "valence", "", "barrier"),
    ("P04:2", "valence", "", "enabler"),
    ("P04:3", "accept", "IS.E.2", ""),
    (sid(PARTY), "recode", "IS.E.1", ""),
    (sid(PARTY), "valence", "", "neutral"),
]


# -- a valence code gives the valence of the passage's codes --------------------------------------


def test_a_valence_code_gives_the_passages_codes_its_valence(tmp_path: Path) -> None:
    p = read_qdpx(reviewed(tmp_path, *REVIEW))
    alice = p.codings["Alice"]
    assert [
        (s.segment.id, g.code_id, g.name, g.probability, g.valence, g.valence_probability)
        for s in alice
        for g in s.suggestions
    ] == [
        (sid(STAFF), "IS.E.2", "Available Resources", 1.0, "barrier", None),
        (sid(FEE), "IS.E.2", "Available Resources", 1.0, "neutral", None),
        (sid(PARTY), "IS.E.1", "Leadership Engagement", 1.0, "neutral", None),
    ]
    # FEE was given no valence: neutral by default, and said so; PARTY was coded Neutral
    assert alice.meta["valence_not_given"] == [sid(FEE)]
    assert p.warnings == []


def test_a_passage_given_a_valence_alone_keeps_no_coding(tmp_path: Path) -> None:
    """Enabler alone on AGENCY reviews its valence, not its code: a valence decision, no coding
    (a coding without a code would read as 'fits no code')."""
    project = reviewed(tmp_path, (AGENCY, (ENABLER_GUID,)))
    alice = read_qdpx(project).codings["Alice"]
    assert (list(alice), alice.meta["valence_not_given"]) == ([], [])
    assert decisions(project) == [("P04:2", "valence", "", "enabler")]


def test_a_code_given_no_valence_is_neutral_and_listed_as_not_given(tmp_path: Path) -> None:
    project = reviewed(tmp_path, (STAFF, (LEADERSHIP,)), (PARTY, (AVAILABLE_RESOURCES,)))
    alice = read_qdpx(project).codings["Alice"]
    assert [(s.segment.id, g.code_id, g.valence) for s in alice for g in s.suggestions] == [
        (sid(STAFF), "IS.E.1", "neutral"),
        (sid(PARTY), "IS.E.2", "neutral"),
    ]
    assert alice.meta["valence_not_given"] == [sid(STAFF), sid(PARTY)]


def test_the_decisions_are_those_the_valence_codes_gave_before(tmp_path: Path) -> None:
    assert decisions(reviewed(tmp_path, *REVIEW)) == REVIEW_DECISIONS


def test_the_codings_keep_the_spans_as_coded_for_the_decisions(tmp_path: Path) -> None:
    alice = read_qdpx(reviewed(tmp_path, *REVIEW)).codings["Alice"]
    assert isinstance(alice, PersonsCodings)
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in alice.as_coded] == [
        (sid(STAFF), ["IS.E.2", BARRIER_GUID]),
        (sid(AGENCY), [ENABLER_GUID]),
        (sid(FEE), ["IS.E.2"]),
        (sid(PARTY), ["IS.E.1", NEUTRAL_GUID]),
    ]


def test_a_valence_on_another_selection_of_a_suggested_passage_counts(tmp_path: Path) -> None:
    """As for the decisions: Barrier coded on a slightly different stretch of STAFF (overlapping
    it by more than half) is STAFF's valence, given to Available Resources coded on STAFF."""
    s, e = STAFF
    project = reviewed(tmp_path, (STAFF, (AVAILABLE_RESOURCES,)), ((s + 3, e - 1), (BARRIER_GUID,)))
    assert alices(project) == [(sid(STAFF), "IS.E.2", "barrier", None)]
    assert decisions(project) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "valence", "", "barrier"),
    ]


def test_on_text_without_a_suggestion_the_valence_is_the_selections_own(tmp_path: Path) -> None:
    """PARTY has no suggestion: each selection is its own passage, as in the decisions, which
    give the valence to the Barrier selection's span, not to the code's."""
    s, e = PARTY
    project = reviewed(tmp_path, (PARTY, (LEADERSHIP,)), ((s + 1, e), (BARRIER_GUID,)))
    assert alices(project) == [(sid(PARTY), "IS.E.1", "neutral", None)]
    assert decisions(project) == [
        (sid(PARTY), "recode", "IS.E.1", ""),
        (f"P04:@{s + 1}-{e}", "valence", "", "barrier"),
    ]


def test_a_valence_code_the_reviewer_created_works_the_same(tmp_path: Path) -> None:
    hand_made = f'<Code guid="{HAND_MADE_ENABLER}" name="Facilitators" isCodable="true"/>'
    project = reviewed(
        tmp_path,
        (FEE, (AVAILABLE_RESOURCES, HAND_MADE_ENABLER)),
        change=lambda qde: qde.replace("</Codes>", f"{hand_made}</Codes>"),
    )
    p = read_qdpx(project)
    assert alices(project) == [(sid(FEE), "IS.E.2", "enabler", None)]
    assert (p.codebook.id, HAND_MADE_ENABLER in p.codebook) == ("cfir-2009", False)


# -- codebook.json and roqa agree ------------------------------------------------------------------


def test_import_writes_codings_without_valence_codes_and_the_codebook_stays_cfir_2009(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "imp"
    code, said, err = run(["import", str(reviewed(tmp_path, *REVIEW)), "--out", str(out)], capsys)
    assert (code, err) == (0, "")
    assert "codebook cfir-2009 (4 codes), codings by roqa_nlp" in " ".join(said.split())
    assert "Alice (3)" in said
    book = json.loads((out / "codebook.json").read_text("utf-8"))
    assert (book["id"], [c["id"] for c in book["codes"]]) == (
        "cfir-2009",
        ["IS", "IS.E", "IS.E.1", "IS.E.2"],
    )
    rows = [
        json.loads(line)
        for line in (out / "codings" / "Alice" / "codings.jsonl").read_text("utf-8").splitlines()
    ]
    assert [
        (r["segment_id"], g["code_id"], g["valence"]) for r in rows for g in r["suggestions"]
    ] == [
        (sid(STAFF), "IS.E.2", "barrier"),
        (sid(FEE), "IS.E.2", "neutral"),
        (sid(PARTY), "IS.E.1", "neutral"),
    ]
    run_json = json.loads((out / "codings" / "Alice" / "run.json").read_text("utf-8"))
    assert run_json["valence_not_given"] == [sid(FEE)]
    assert run_json["codebook"]["id"] == "cfir-2009"
    back, _ = read_decisions(out / "decisions" / "Alice.csv")
    assert [(d.segment_id, d.decision, d.code_id, d.new_code or d.valence) for d in back] == (
        REVIEW_DECISIONS
    )
    assert all(d.note == NOTE for d in back)


def test_agree_counts_content_codes_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Model vs Alice on the four spans coded (one transcript): STAFF IS.E.2 / IS.E.2, AGENCY
    IS.E.1 / nothing (her Enabler alone is no code), FEE IS.E.2 / IS.E.2, PARTY nothing /
    IS.E.1. Two codes (not five). The speaker label "P04: " is no unit: the model read from its
    .qdpx judged the participant's turn, not the label (before session 80 it was a fifth unit
    nobody coded, all units 8 of 10 cells, kappa 11/21; one code per unit 3 of 5, kappa 3/8).

    Pooled presence/absence over 4 units x 2 codes: 6 of 8 cells agree, each coder
    marks 3, kappa = (6/8 - 34/64) / (1 - 34/64) = 7/15; one code per unit: 2 of 4 agree, kappa
    = (1/2 - 6/16) / (1 - 6/16) = 1/5 (refused while Alice had two codes on one unit). All units
    are coded units here."""
    project = reviewed(tmp_path, *REVIEW)
    figures = tmp_path / "agree.json"
    code, said, err = run(["agree", str(project), "--json", str(figures), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "4 units (spans), 4 coded by someone; 2 codes used." in " ".join(said.split())
    data = json.loads(figures.read_text("utf-8"))
    assert data["codes"] == ["IS.E.1", "IS.E.2"]

    def figures_of(view: str, universe: str) -> tuple[int, float, float]:
        f = data[view][universe]
        return f["n_units"], f["percent_agreement"], f["kappa"]

    assert figures_of("pooled", "coded") == (4, 6 / 8, pytest.approx(7 / 15))
    assert figures_of("single_code", "coded") == (4, 2 / 4, pytest.approx(1 / 5))
    assert figures_of("pooled", "all") == (4, 6 / 8, pytest.approx(7 / 15))
    assert figures_of("single_code", "all") == (4, 2 / 4, pytest.approx(1 / 5))


# -- renamed, moved and deleted valence codes -----------------------------------------------------


def test_the_exported_barrier_code_renamed_is_still_barrier(tmp_path: Path) -> None:
    """'Barrier' renamed 'Obstacle' keeps its fixed GUID: still the barrier valence, no new code
    (and no rejection of the suggestion on a passage given it alone)."""
    project = reviewed(
        tmp_path,
        (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID)),
        (FEE, (BARRIER_GUID,)),
        change=lambda qde: qde.replace(
            f'guid="{BARRIER_GUID}" name="Barrier"', f'guid="{BARRIER_GUID}" name="Obstacle"'
        ),
    )
    p = read_qdpx(project)
    assert valence_code(BARRIER_GUID, "Obstacle") == "barrier"
    assert alices(project) == [(sid(STAFF), "IS.E.2", "barrier", None)]
    assert decisions(project) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "valence", "", "barrier"),
        ("P04:3", "valence", "", "barrier"),
    ]
    assert (p.codebook.id, p.warnings) == ("cfir-2009", [])


def test_the_barrier_code_moved_out_of_the_group_is_still_barrier(tmp_path: Path) -> None:
    def move_out(qde: str) -> str:
        barrier = next(
            line for line in qde.splitlines(keepends=True) if f'guid="{BARRIER_GUID}"' in line
        )
        block = qde[qde.index(barrier) : qde.index("</Code>", qde.index(barrier)) + 7]
        qde = qde.replace(block, "")
        return qde.replace(f'<Code guid="{GROUP_GUID}"', f'{block}<Code guid="{GROUP_GUID}"')

    project = reviewed(tmp_path, (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID)), change=move_out)
    p = read_qdpx(project)
    assert alices(project) == [(sid(STAFF), "IS.E.2", "barrier", None)]
    assert (p.codebook.id, len(p.codebook), p.warnings) == ("cfir-2009", 4, [])


def test_two_valences_on_one_passage_give_none_and_one_warning_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Barrier and Enabler on STAFF: on the same selection, and Enabler once more on another
    selection of it; one line names the passage, and the codes keep no valence."""
    s, e = STAFF
    project = reviewed(
        tmp_path,
        (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID, ENABLER_GUID)),
        ((s + 2, e), (ENABLER_GUID,)),
    )
    line = (
        "Alice gave passage P04:1 two different valences (barrier, enabler): read as giving it "
        "none (no valence decision; its codes count as neutral)"
    )
    p = read_qdpx(project)
    assert p.warnings == [line]
    assert alices(project) == [(sid(STAFF), "IS.E.2", "neutral", None)]
    assert p.codings["Alice"].meta["valence_not_given"] == [sid(STAFF)]
    assert decisions(project) == [("P04:1", "accept", "IS.E.2", "")]
    code, _, err = run(["import", str(project), "--out", str(tmp_path / "imp")], capsys)
    assert (code, err) == (0, f"roqa: warning: {project}: {line}\n")


def test_two_valences_on_a_passage_without_a_suggestion_warn_once_too(tmp_path: Path) -> None:
    p = read_qdpx(reviewed(tmp_path, (PARTY, (LEADERSHIP, NEUTRAL_GUID, BARRIER_GUID))))
    assert p.warnings == [
        f"Alice gave passage {sid(PARTY)} two different valences (barrier, neutral): read as "
        "giving it none (no valence decision; its codes count as neutral)"
    ]


def test_a_deleted_group_still_referenced_warns_once_and_gives_the_valences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken file: the group is gone from the code tree, but five codings still refer to its
    codes. They are known by their fixed GUIDs; one line says so (not one per coding)."""

    def delete_group(qde: str) -> str:
        start = qde.index(f'<Code guid="{GROUP_GUID}"')
        end = qde.index("</Codes>")
        return qde[:start] + qde[end:]

    project = reviewed(
        tmp_path,
        (STAFF, (AVAILABLE_RESOURCES, BARRIER_GUID)),
        (AGENCY, (ENABLER_GUID,)),
        (FEE, (AVAILABLE_RESOURCES, BARRIER_GUID)),
        (PARTY, (LEADERSHIP, ENABLER_GUID)),
        ((AGENCY[0] + 1, AGENCY[1]), (ENABLER_GUID,)),
        change=delete_group,
    )
    assert GROUP_GUID not in (tmp_path / "reviewed.qde").read_text()
    line = (
        "5 codings of roqa_nlp's valence codes Barrier, Enabler, which the code tree no longer "
        "holds ('Valence (roqa_nlp)' deleted?): read by their GUIDs as the valence of their "
        "passages"
    )
    p = read_qdpx(project)
    assert p.warnings == [line]
    assert alices(project) == [
        (sid(STAFF), "IS.E.2", "barrier", None),
        (sid(FEE), "IS.E.2", "barrier", None),
        (sid(PARTY), "IS.E.1", "enabler", None),
    ]
    code, _, err = run(["import", str(project), "--out", str(tmp_path / "imp")], capsys)
    assert (code, err) == (0, f"roqa: warning: {project}: {line}\n")


# -- the rule, in Python ---------------------------------------------------------------------------


def segment(where: tuple[int, int], *codes: str, seg_id: str | None = None) -> SegmentResult:
    seg = Segment(seg_id or sid(where), "P04", "P04", "participant", *where, TEXT[slice(*where)])
    names = {BARRIER_GUID: "Barrier", ENABLER_GUID: "Enabler"}
    return SegmentResult(seg, [Suggestion(c, names.get(c, c), None, 1.0) for c in codes])


def test_a_span_on_two_passages_given_different_valences_gets_none() -> None:
    """Alice's one selection covers STAFF and AGENCY (the model's two passages); she gives
    STAFF Barrier and AGENCY Enabler on selections of their own: her code spans both."""
    machine = [segment(STAFF, "IS.E.2", seg_id="P04:1"), segment(AGENCY, "IS.E.1", seg_id="P04:2")]
    both = (STAFF[0], AGENCY[1])
    human = CodingResult(
        segments=[
            segment(both, "IS.E.2"),
            segment(STAFF, BARRIER_GUID),
            segment(AGENCY, ENABLER_GUID),
        ]
    )
    warnings: list[str] = []
    out = with_given_valence(machine, human, coder="Alice", warnings=warnings)
    assert [(s.segment.id, g.code_id, g.valence) for s in out for g in s.suggestions] == [
        (sid(both), "IS.E.2", "neutral")
    ]
    assert warnings == [
        f"Alice gave the span {sid(both)} (on passages P04:1, P04:2) two different valences "
        "(barrier, enabler): read as giving it none (no valence decision; its codes count as "
        "neutral)"
    ]
    # the decisions give each passage its own valence
    found = review_decisions(CodingResult(segments=machine), out, coder="Alice")
    assert [(d.segment_id, d.decision, d.code_id, d.valence) for d in found] == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "valence", "", "barrier"),
        ("P04:2", "reject", "IS.E.1", ""),
        ("P04:2", "recode", "IS.E.2", ""),
        ("P04:2", "valence", "", "enabler"),
    ]


def test_a_valence_written_in_the_description_is_given() -> None:
    """A person's valence that came back from a description (roqa export of their codings,
    ``valence: barrier``) is theirs, given, unless a valence code says otherwise."""
    kept = SegmentResult(
        segment(STAFF).segment, [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")]
    )
    out = with_given_valence([], CodingResult(segments=[kept]), coder="Alice", noted={sid(STAFF)})
    assert [(g.valence, g.valence_probability) for s in out for g in s.suggestions] == [
        ("barrier", None)
    ]
    assert out.meta["valence_not_given"] == []
    kept.suggestions.append(Suggestion(ENABLER_GUID, "Enabler", None, 1.0))
    out = with_given_valence([], CodingResult(segments=[kept]), coder="Alice", noted={sid(STAFF)})
    assert [g.valence for s in out for g in s.suggestions] == ["enabler"]


def test_a_given_neutral_survives_export_and_import_and_no_valence_stays_none(
    tmp_path: Path,
) -> None:
    """Audit T2, N4: exporting a reviewer's imported codings wrote `valence: ...` for barriers
    and enablers only, so a Neutral they gave came back as "no valence given"."""
    alice = read_qdpx(reviewed(tmp_path, *REVIEW)).codings["Alice"]
    again = tmp_path / "again.qdpx"
    export_qdpx(alice, excerpt(), again)  # a person's codings: exported under their name
    back = read_qdpx(again).codings["Alice"]
    assert [(s.segment.id, g.code_id, g.valence) for s in back for g in s.suggestions] == [
        (sid(STAFF), "IS.E.2", "barrier"),
        (sid(FEE), "IS.E.2", "neutral"),
        (sid(PARTY), "IS.E.1", "neutral"),
    ]
    assert back.meta["valence_not_given"] == [sid(FEE)]  # PARTY's Neutral was given


def test_roqa_agree_on_a_reviewed_project_says_what_the_reviewer_left_uncoded(
    tmp_path: Path, capsys
) -> None:
    """`roqa agree reviewed.qdpx` compares every passage: a suggestion the reviewer skipped counts
    as given no code by them. It says how many they coded, and the route that compares on what
    they reviewed only."""
    project = reviewed(tmp_path, (STAFF, (AVAILABLE_RESOURCES,)))
    code, out, err = run(["agree", str(project)], capsys)
    assert code == 0, err
    said = " ".join((out + err).split())
    assert (
        "Alice coded 1 of the 3 passages roqa_nlp suggested codes on in reviewed.qdpx; here the "
        "other 2 count as given no code by Alice. To compare on what Alice reviewed only: roqa "
        "import, then roqa apply-decisions with their decisions file, then roqa agree "
        "(docs/refi-qda.md)"
    ) in said
    # a reviewer who coded every suggested passage gets no such note
    code, out, err = run(["agree", str(reviewed(tmp_path / "all", *REVIEW[:1], (AGENCY, (LEADERSHIP,)), (FEE, (AVAILABLE_RESOURCES,))))], capsys)  # fmt: skip
    assert code == 0 and "passages roqa_nlp suggested codes on" not in out + err
