"""Specification of reading a researcher's review in a QDA program back as decisions."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_examples, feedback_plan, read_decisions
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.qdpx_import import read_qdpx_transcript_ids
from roqa_nlp.exchange.refiqda import code_guid
from roqa_nlp.exchange.review import decisions_csv, review_decisions, same_passage, valence_code
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript

TEXT = "P04: We lacked staff for weeks. The manager found agency cover. We had a party."
NEW_GUID = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f50"
BARRIER_GUID = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f51"
ENABLER_GUID = "0b0e7c3e-2a7d-4b7e-9a55-1f0c2d3e4f52"
#: the GUIDs of the valence codes every export gives the reviewer (fixed, see
#: tests/test_refiqda_valence_codes.py)
EXPORTED_BARRIER = "ff9dbbb9-7fdd-554c-9897-ffcac768a704"
EXPORTED_NEUTRAL = "f895072c-9700-5fbe-a2ae-b07d060e6b42"


def coded(
    start: int, end: int, *codes: str, seg_id: str | None = None, text: str = TEXT
) -> SegmentResult:
    seg = Segment(
        seg_id or f"P04:@{start}-{end}", "P04", "P04", "participant", start, end, text[start:end]
    )
    names = {BARRIER_GUID: "Barriers", ENABLER_GUID: "Facilitator"}
    return SegmentResult(
        seg, [Suggestion(c, names.get(c, f"name of {c}"), None, 1.0) for c in codes]
    )


def span(quote: str) -> tuple[int, int]:
    s = TEXT.index(quote)
    return s, s + len(quote)


STAFF = span("We lacked staff for weeks.")
AGENCY = span("The manager found agency cover.")
PARTY = span("We had a party.")


def machine() -> CodingResult:
    return CodingResult(
        segments=[
            coded(*STAFF, "IS.E.2", "IC.H", seg_id="P04:1"),
            coded(*AGENCY, "IS.E.1", seg_id="P04:2"),
        ]
    )


def decisions_of(*human: SegmentResult) -> list[tuple[str, str, str, str]]:
    found = review_decisions(machine(), CodingResult(segments=list(human)), coder="Alice")
    return [(d.segment_id, d.decision, d.code_id, d.new_code or d.valence) for d in found]


def test_a_suggested_code_the_researcher_also_coded_is_accepted() -> None:
    assert ("P04:1", "accept", "IS.E.2", "") in decisions_of(coded(*STAFF, "IS.E.2"))


def test_a_suggested_code_left_out_on_a_coded_passage_is_rejected() -> None:
    assert ("P04:1", "reject", "IC.H", "") in decisions_of(coded(*STAFF, "IS.E.2"))


def test_a_code_the_researcher_added_on_a_suggested_passage_is_a_recode() -> None:
    assert decisions_of(coded(*STAFF, "OS.D")) == [
        ("P04:1", "reject", "IS.E.2", ""),
        ("P04:1", "reject", "IC.H", ""),
        ("P04:1", "recode", "OS.D", ""),
    ]


def test_a_code_created_in_the_program_is_a_new_code() -> None:
    human = coded(*STAFF, NEW_GUID)
    assert ("P04:1", "new-code", "", f"name of {NEW_GUID}") in decisions_of(human)


def test_a_passage_the_researcher_did_not_code_gives_no_decision() -> None:
    assert [d for d in decisions_of(coded(*STAFF, "IS.E.2")) if d[0] == "P04:2"] == []


def test_a_valence_code_created_in_the_program_is_the_passages_valence() -> None:
    assert decisions_of(coded(*STAFF, "IS.E.2", BARRIER_GUID)) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "reject", "IC.H", ""),
        ("P04:1", "valence", "", "barrier"),
    ]


def test_a_passage_given_a_valence_alone_keeps_its_suggestions() -> None:
    """Coding a passage only with a valence code reviews its valence, not its codes: no
    suggestion is rejected."""
    assert decisions_of(coded(*AGENCY, ENABLER_GUID)) == [("P04:2", "valence", "", "enabler")]


def test_two_different_valences_on_one_passage_give_no_valence() -> None:
    assert decisions_of(coded(*STAFF, "IS.E.2", "IC.H", BARRIER_GUID, ENABLER_GUID)) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "accept", "IC.H", ""),
    ]


def test_a_valence_code_on_a_passage_without_suggestions_is_on_its_own_span() -> None:
    human = coded(*PARTY, "CI.E", BARRIER_GUID)
    sid = human.segment.id
    assert decisions_of(human) == [(sid, "recode", "CI.E", ""), (sid, "valence", "", "barrier")]


@pytest.mark.parametrize(
    ("code_id", "name", "valence"),
    [
        (NEW_GUID, "Barrier", "barrier"),
        (NEW_GUID, " BARRIERS ", "barrier"),
        (NEW_GUID, "Facilitators", "enabler"),
        (NEW_GUID, "enabler", "enabler"),
        (NEW_GUID, "Neutral", "neutral"),
        (NEW_GUID, "Mixed", "neutral"),
        (NEW_GUID, "Barriers to recovery", None),
        (NEW_GUID, "S", None),
        (NEW_GUID, "", None),
        ("IS.E.2", "Barrier", None),  # a codebook's code is a code, whatever its name
        # the exported valence codes, by their GUIDs, whatever the reviewer renamed them to
        (EXPORTED_BARRIER, "Obstacle", "barrier"),
        ("{FF9DBBB9-7FDD-554C-9897-FFCAC768A704}", "", "barrier"),
        (EXPORTED_NEUTRAL, "Barrier", "neutral"),
    ],
)
def test_valence_codes_are_told_by_their_name(code_id: str, name: str, valence: str | None) -> None:
    assert valence_code(code_id, name) == valence


def test_an_exported_valence_code_renamed_still_gives_the_valence_not_a_new_code() -> None:
    """Alice renamed the exported Barrier code 'Obstacle' (it keeps its GUID): a valence, so a
    passage given it alone keeps its suggestions, as with the name it had."""
    renamed = SegmentResult(
        coded(*AGENCY).segment, [Suggestion(EXPORTED_BARRIER, "Obstacle", None, 1.0)]
    )
    assert decisions_of(coded(*STAFF, "IS.E.2", EXPORTED_BARRIER), renamed) == [
        ("P04:1", "accept", "IS.E.2", ""),
        ("P04:1", "reject", "IC.H", ""),
        ("P04:1", "valence", "", "barrier"),
        ("P04:2", "valence", "", "barrier"),
    ]


def test_a_passage_coded_only_by_the_researcher_is_labelled_on_its_own_span() -> None:
    human = coded(*PARTY, "CI.E")
    assert decisions_of(human) == [(human.segment.id, "recode", "CI.E", "")]


def test_a_slightly_different_selection_is_the_same_passage() -> None:
    s, e = STAFF
    assert decisions_of(coded(s + 3, e - 1, "IS.E.2"))[0] == ("P04:1", "accept", "IS.E.2", "")


def test_spans_overlapping_by_exactly_half_the_shorter_are_the_same_passage() -> None:
    assert same_passage(coded(0, 10, "A"), coded(5, 30, "A"))


def test_spans_overlapping_by_less_than_half_the_shorter_are_different_passages() -> None:
    assert not same_passage(coded(0, 10, "A"), coded(6, 30, "A"))


def test_decisions_carry_the_passage_text_and_the_coder() -> None:
    (d, *_) = review_decisions(
        machine(), CodingResult(segments=[coded(*STAFF, "IS.E.2")]), coder="Alice"
    )
    assert d == Decision(
        "P04:1",
        "accept",
        code_id="IS.E.2",
        note="REFI-QDA review by Alice",
        text="We lacked staff for weeks.",
    )


def test_decisions_file_gives_training_examples(tmp_path: Path) -> None:
    book = Codebook(
        id="mini",
        name="mini",
        codes=[
            Code("IS.E.2", "Available Resources", "construct"),
            Code("IC.H", "Cost", "construct"),
        ],
    )
    found = review_decisions(
        machine(), CodingResult(segments=[coded(*STAFF, "IS.E.2")]), coder="Alice"
    )
    (tmp_path / "d.csv").write_text(decisions_csv(found))
    back, _ = read_decisions(tmp_path / "d.csv")
    texts, labels, ids = feedback_examples(back, book, None)
    assert (texts, labels, ids) == (["We lacked staff for weeks."], [["IS.E.2"]], ["P04:1"])


@pytest.fixture
def cfir() -> Codebook:
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


def reviewed_project(
    tmp_path: Path, cfir: Codebook, alice_codes: str, *, alice_valence: str = ""
) -> Path:
    """The model's suggestion (IS.E.2 on STAFF, an enabler) exported, then Alice's coding of
    the same passage to ``alice_codes`` added as a QDA program would; with ``alice_valence``,
    she also creates a code of that name in the program and codes the passage with it."""
    t = Transcript("P04", TEXT, [], participant="P04")
    suggestion = coded(*STAFF, "IS.E.2", seg_id="P04:1")
    suggestion.suggestions[0] = Suggestion("IS.E.2", "Available Resources", "IS", 0.8, "enabler")
    result = CodingResult(segments=[suggestion], transcripts={"P04": t})
    export_qdpx(result, cfir, tmp_path / "s.qdpx")
    with zipfile.ZipFile(tmp_path / "s.qdpx") as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode()
    alice = "00000000-0000-4000-8000-0000000000aa"
    s, e = STAFF
    valence = ""
    if alice_valence:
        assert qde.count("</Codes>") == 1
        qde = qde.replace(
            "</Codes>",
            f'<Code guid="{BARRIER_GUID}" name="{alice_valence}" isCodable="true"/></Codes>',
        )
        valence = (
            f'<Coding guid="00000000-0000-4000-8000-0000000000c2" creatingUser="{alice}">'
            f'<CodeRef targetGUID="{BARRIER_GUID}"/></Coding>'
        )
    qde = qde.replace("</Users>", f'<User guid="{alice}" name="Alice"/></Users>').replace(
        "</TextSource>",
        f'<PlainTextSelection guid="00000000-0000-4000-8000-0000000000b1" startPosition="{s}" '
        f'endPosition="{e - 1}"><Coding guid="00000000-0000-4000-8000-0000000000c1" '
        f'creatingUser="{alice}"><CodeRef targetGUID="{code_guid("cfir-2009", alice_codes)}"/>'
        f"</Coding>{valence}</PlainTextSelection></TextSource>",
    )
    with zipfile.ZipFile(tmp_path / "reviewed.qdpx", "w") as z:
        z.writestr("project.qde", qde)
        for n, data in members.items():
            z.writestr(n, data)
    return tmp_path / "reviewed.qdpx"


def test_import_of_a_reviewed_project_writes_each_coders_decisions(
    tmp_path: Path, cfir: Codebook
) -> None:
    reviewed_project(tmp_path, cfir, "IS.E.1")
    main(
        [
            "import",
            str(tmp_path / "reviewed.qdpx"),
            "--out",
            str(tmp_path / "o"),
            "--codebook",
            "cfir-2009",
        ]
    )
    back, _ = read_decisions(tmp_path / "o" / "decisions" / "Alice.csv")
    assert [(d.segment_id, d.decision, d.code_id) for d in back] == [
        ("P04:1", "reject", "IS.E.2"),
        ("P04:1", "recode", "IS.E.1"),
    ]


def test_a_coding_to_a_domain_is_left_out_of_the_decisions_with_a_warning(
    tmp_path: Path, cfir: Codebook, capsys: pytest.CaptureFixture[str]
) -> None:
    """Training refuses a domain (it is not codable): the import leaves it out and says so."""
    project = reviewed_project(tmp_path, cfir, "IS")
    main(["import", str(project), "--out", str(tmp_path / "o"), "--codebook", "cfir-2009"])
    back, _ = read_decisions(tmp_path / "o" / "decisions" / "Alice.csv")
    assert [(d.segment_id, d.decision, d.code_id) for d in back] == [("P04:1", "reject", "IS.E.2")]
    assert (
        f"roqa: warning: {project}: Alice coded 1 passage(s) to IS Inner Setting, a domain: left "
        "out of their "
        "decisions (training needs a codable construct)"
    ) in capsys.readouterr().err


def test_the_warning_of_a_coding_to_a_domain_is_in_import_json_too(
    tmp_path: Path, cfir: Codebook, capsys: pytest.CaptureFixture[str]
) -> None:
    """hunt3, session 80, F5: the warning was printed but left out of import.json, whose
    "warnings" were taken before the decisions added theirs: it holds every warning printed,
    in the order printed."""
    project = reviewed_project(tmp_path, cfir, "IS")
    main(["import", str(project), "--out", str(tmp_path / "o"), "--codebook", "cfir-2009"])
    printed = [
        line.removeprefix(f"roqa: warning: {project}: ")
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("roqa: warning: ")
    ]
    kept = json.loads((tmp_path / "o" / "import.json").read_text("utf-8"))["warnings"]
    assert kept == printed
    assert (
        "Alice coded 1 passage(s) to IS Inner Setting, a domain: left out of their decisions "
        "(training needs a codable construct)"
    ) in kept


def test_a_decision_recoding_to_a_domain_is_a_one_line_error(cfir: Codebook) -> None:
    decisions = [Decision("P04:1", "recode", "Inner Setting", text="We lacked staff.")]
    with pytest.raises(RoqaError) as exc:
        feedback_examples(decisions, cfir, None, where="decisions.csv")
    assert str(exc.value) == (
        "decisions.csv: code 'Inner Setting' is IS Inner Setting, a domain, not a codable "
        "construct (give one of its constructs, e.g. IS.E, IS.E.1, IS.E.2: `roqa codebook "
        "cfir-2009` lists the codes; in Python, load_codebook('cfir-2009').codes)"
    )


def test_a_valence_the_reviewer_changed_in_the_program_comes_back_as_a_decision(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Round trip: the model's enabler exported, Alice accepts the code and codes the passage
    with a 'Barrier' code she created; the imported decisions say barrier."""
    project = reviewed_project(tmp_path, cfir, "IS.E.2", alice_valence="Barrier")
    main(["import", str(project), "--out", str(tmp_path / "o"), "--codebook", "cfir-2009"])
    back, _ = read_decisions(tmp_path / "o" / "decisions" / "Alice.csv")
    note, text = "REFI-QDA review by Alice", "We lacked staff for weeks."
    assert back == [
        Decision("P04:1", "accept", "IS.E.2", note=note, text=text),
        Decision("P04:1", "valence", note=note, text=text, valence="barrier"),
    ]
    # and training takes the researcher's valence for the accepted code
    plan = feedback_plan([(back, None, "Alice.csv")], cfir)
    assert (plan.labels, plan.valences, plan.counts) == (
        [["IS.E.2"]],
        ["barrier"],
        {"accept": 1, "valence": 1},
    )


# -- a reviewer who deletes some of roqa_nlp's suggestions ---------------------------------------
# Before, deleting one suggestion in the program (to reject it) was read silently as the model
# coding nothing there, and model-human agreement rose (tester s54: kappa 0.472 -> 0.506).


def three_suggestions(
    tmp_path: Path,
    cfir: Codebook,
    *deleted: str,
    past_end: tuple[str, ...] = (),
    moved: dict[str, tuple[int, int]] | None = None,
    renamed: str | None = None,
    source_guid: str | None = None,
    unnamed: bool = False,
) -> Path:
    """The model's suggestions on STAFF, AGENCY and PARTY exported, then those of the segments
    ``deleted`` deleted in the program (their whole selections), those of ``past_end``
    given an end past the text, and those of ``moved`` given other positions (start, end); the
    source ``renamed``, and given the GUID ``source_guid`` (as a program may have given it);
    with ``unnamed``, the selections' names dropped last (as some programs do)."""
    t = Transcript("P04", TEXT, [], participant="P04")
    segs = [
        coded(*STAFF, "IS.E.2", seg_id="P04:0001"),
        coded(*AGENCY, "IS.E.1", seg_id="P04:0002"),
        coded(*PARTY, "IS.E.1", seg_id="P04:0003"),
    ]
    for s in segs:
        s.suggestions[0] = replace(s.suggestions[0], probability=0.8, valence="enabler")
    export_qdpx(CodingResult(segments=segs, transcripts={"P04": t}), cfir, tmp_path / "s.qdpx")
    with zipfile.ZipFile(tmp_path / "s.qdpx") as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode()
    for seg_id in deleted:
        qde, n = re.subn(
            rf'<PlainTextSelection [^>]*name="line:\d+ {seg_id}".*?</PlainTextSelection>',
            "",
            qde,
            flags=re.S,
        )
        assert n == 1
    for seg_id in past_end:
        qde, n = re.subn(
            rf'(<PlainTextSelection [^>]*name="line:\d+ {seg_id}"[^>]*endPosition=")\d+"',
            rf'\g<1>{len(TEXT) + 50}"',
            qde,
        )
        assert n == 1
    for seg_id, (start, end) in (moved or {}).items():
        qde, n = re.subn(
            rf'(<PlainTextSelection [^>]*name="line:\d+ {seg_id}"[^>]*startPosition=")\d+"'
            r'(\s+endPosition=")\d+"',
            rf'\g<1>{start}"\g<2>{end}"',
            qde,
        )
        assert n == 1
    if renamed is not None:
        qde, n = re.subn(r'(<TextSource [^>]*name=")P04"', rf'\g<1>{renamed}"', qde)
        assert n == 1
    if source_guid is not None:
        (old,) = re.findall(r'<TextSource guid="([^"]+)"', qde)
        qde = qde.replace(old, source_guid)
        members = {name.replace(old, source_guid): data for name, data in members.items()}
    if unnamed:
        qde, n = re.subn(r'name="line:\d+ P04:\d{4}"', 'name=""', qde)
        assert n == 3 - len(deleted)
    with zipfile.ZipFile(tmp_path / "reviewed.qdpx", "w") as z:
        z.writestr("project.qde", qde)
        for name, data in members.items():
            z.writestr(name, data)
    return tmp_path / "reviewed.qdpx"


def test_some_suggestions_deleted_in_the_program_are_named_with_what_that_does(
    tmp_path: Path, cfir: Codebook
) -> None:
    p = read_qdpx(three_suggestions(tmp_path, cfir, "P04:0002"), codebook=cfir)
    (machine_user,) = p.codings
    assert [s.segment.id for s in p.codings[machine_user]] == ["P04:0001", "P04:0003"]
    assert p.warnings == [
        "P04: 1 of the 3 roqa_nlp suggestions exported in it is no longer in the project "
        "(P04:0002): read as the model coding nothing there, not as a rejection, so a coder who "
        "coded nothing there agrees with it; leave roqa_nlp's codings in place, or delete them "
        "all (a reject is your coding of the passage with another code)"
    ]


def test_a_suggestion_whose_span_is_broken_is_not_said_to_be_deleted(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Its selection is still in the project: the one warning is that it is not imported (before:
    a second said it "is no longer in the project")."""
    path = three_suggestions(tmp_path, cfir, past_end=("P04:0002",))
    p = read_qdpx(path, codebook=cfir)
    (machine_user,) = p.codings
    assert [s.segment.id for s in p.codings[machine_user]] == ["P04:0001", "P04:0003"]
    assert p.warnings == [
        f"source 'P04', selection 'line:0 P04:0002': {AGENCY[0]}-{len(TEXT) + 50} is outside "
        f"its text (0-{len(TEXT)}); 1 coding not imported "
        "(select and code that passage again in the QDA program, and export the project again)"
    ]


def test_a_suggestion_widened_in_the_program_is_not_said_to_be_deleted(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Its selection still holds its passage (overlapping it by half of the shorter, as the docs
    say): before, a start 5 characters earlier said it was "no longer in the project" (s62)."""
    path = three_suggestions(tmp_path, cfir, moved={"P04:0002": (AGENCY[0] - 5, AGENCY[1])})
    p = read_qdpx(path, codebook=cfir)
    (machine_user,) = p.codings
    assert [s.segment.id for s in p.codings[machine_user]] == ["P04:0001", "P04:0002", "P04:0003"]
    assert p.warnings == []


def test_only_the_deleted_suggestion_is_named_where_the_others_shifted(
    tmp_path: Path, cfir: Codebook
) -> None:
    """A program that counts positions its own way (decomposed accents) shifts every selection
    after the first: only the one deleted is named (before: all the shifted ones too, s62)."""
    shifted = {"P04:0002": (AGENCY[0] + 2, AGENCY[1] + 2), "P04:0003": (PARTY[0] + 2, len(TEXT))}
    p = read_qdpx(three_suggestions(tmp_path, cfir, "P04:0001", moved=shifted), codebook=cfir)
    assert p.warnings == [
        "P04: 1 of the 3 roqa_nlp suggestions exported in it is no longer in the project "
        "(P04:0001): read as the model coding nothing there, not as a rejection, so a coder who "
        "coded nothing there agrees with it; leave roqa_nlp's codings in place, or delete them "
        "all (a reject is your coding of the passage with another code)"
    ]


@pytest.mark.parametrize("program_guid", [False, True])
def test_a_transcript_renamed_in_the_program_keeps_its_id(
    tmp_path: Path, cfir: Codebook, program_guid: bool
) -> None:
    """Known by the GUID roqa exported it under, else by the record of its suggestions under its
    GUID: so roqa agree and apply-decisions still meet it (before, s62: 'P04 Leeds' was another
    transcript, its passages 'P04 Leeds:@..')."""
    path = three_suggestions(
        tmp_path,
        cfir,
        renamed="P04 Leeds",
        source_guid="2C1C1846-F107-5C19-91C8-5ECE8D6FA467" if program_guid else None,
    )
    p = read_qdpx(path, codebook=cfir)
    (machine_user,) = p.codings
    assert [t.id for t in p.transcripts] == ["P04"]
    assert read_qdpx_transcript_ids(path) == {"P04"}
    assert p.transcripts[0].metadata["refi_name"] == "P04 Leeds"
    assert [s.segment.id for s in p.codings[machine_user]] == ["P04:0001", "P04:0002", "P04:0003"]
    assert p.warnings == [
        "source 'P04 Leeds' is the transcript 'P04' roqa exported, renamed in the QDA program "
        "(known by its GUID and the passages roqa_nlp suggested in it): imported as 'P04', so its "
        "segments keep their ids and roqa agree compares it with P04's codings"
    ]


def test_suggestions_left_in_place_give_no_warning(tmp_path: Path, cfir: Codebook) -> None:
    assert read_qdpx(three_suggestions(tmp_path, cfir), codebook=cfir).warnings == []


def test_all_suggestions_deleted_give_no_warning(tmp_path: Path, cfir: Codebook) -> None:
    path = three_suggestions(tmp_path, cfir, "P04:0001", "P04:0002", "P04:0003")
    p = read_qdpx(path, codebook=cfir)
    assert (p.codings, p.warnings) == ({}, [])


@pytest.mark.parametrize("unnamed", [False, True])
def test_a_deleted_suggestion_is_named_where_a_neighbour_was_widened_over_it(
    tmp_path: Path, cfir: Codebook, unnamed: bool
) -> None:
    """P04:0002 deleted and P04:0001's selection widened to take in its answer, an ordinary
    review edit: the one selection holds P04:0001's passage (by its name, else by overlap), not
    P04:0002's too (before, s62: no warning)."""
    widened = {"P04:0001": (STAFF[0], AGENCY[1])}
    path = three_suggestions(tmp_path, cfir, "P04:0002", moved=widened, unnamed=unnamed)
    assert read_qdpx(path, codebook=cfir).warnings == [
        "P04: 1 of the 3 roqa_nlp suggestions exported in it is no longer in the project "
        "(P04:0002): read as the model coding nothing there, not as a rejection, so a coder who "
        "coded nothing there agrees with it; leave roqa_nlp's codings in place, or delete them "
        "all (a reject is your coding of the passage with another code)"
    ]


def test_a_selection_moved_onto_a_deleted_passage_holds_it(tmp_path: Path, cfir: Codebook) -> None:
    """P04:0002 deleted and P04:0003's selection moved onto its passage: the model codes there
    still, and it is P04:0003's passage that holds no suggestion (as before s62)."""
    path = three_suggestions(tmp_path, cfir, "P04:0002", moved={"P04:0003": AGENCY})
    assert read_qdpx(path, codebook=cfir).warnings == [
        "P04: 1 of the 3 roqa_nlp suggestions exported in it is no longer in the project "
        "(P04:0003): read as the model coding nothing there, not as a rejection, so a coder who "
        "coded nothing there agrees with it; leave roqa_nlp's codings in place, or delete them "
        "all (a reject is your coding of the passage with another code)"
    ]


def many_suggestions(
    tmp_path: Path, cfir: Codebook, sources: int, answers: int, unnamed: bool = False
) -> Path:
    """``sources`` transcripts of ``answers`` answers each, every answer a model suggestion, the
    middle one of each deleted in the program; with ``unnamed``, the others' names dropped."""
    line = "P01: we talk about goals and feedback in the service every week.\n"
    text = "".join(f"Interviewer: question {j}?\n{line}" for j in range(answers))
    transcripts, segs = {}, []
    for i in range(sources):
        tid = f"T{i:02d}"
        transcripts[tid] = Transcript(tid, text, [], participant="P01")
        start = 0
        for j in range(answers):
            start = text.index("P01:", start)
            end = start + len(line) - 1
            seg = Segment(
                f"{tid}:{j + 1:04d}", tid, "P01", "participant", start, end, text[start:end]
            )
            segs.append(
                SegmentResult(seg, [Suggestion("IS.E.2", "Available Resources", None, 0.8)])
            )
            start = end
    export_qdpx(CodingResult(segments=segs, transcripts=transcripts), cfir, tmp_path / "s.qdpx")
    with zipfile.ZipFile(tmp_path / "s.qdpx") as z:
        members = {n: z.read(n) for n in z.namelist()}
    qde = members.pop("project.qde").decode()
    middle = f"{answers // 2 + 1:04d}"
    qde, n = re.subn(
        rf'<PlainTextSelection [^>]*name="line:\d+ T\d\d:{middle}".*?</PlainTextSelection>',
        "",
        qde,
        flags=re.S,
    )
    assert n == sources
    if unnamed:
        qde, n = re.subn(r'name="line:\d+ T\d\d:\d{4}"', 'name=""', qde)
        assert n == sources * (answers - 1)
    with zipfile.ZipFile(tmp_path / "reviewed.qdpx", "w") as z:
        z.writestr("project.qde", qde)
        for name, data in members.items():
            z.writestr(name, data)
    return tmp_path / "reviewed.qdpx"


@pytest.mark.parametrize("unnamed", [False, True])
def test_the_deleted_suggestions_check_looks_at_each_passage_once(
    tmp_path: Path, cfir: Codebook, monkeypatch: pytest.MonkeyPatch, unnamed: bool
) -> None:
    """Each recorded passage is compared with the selection named for it, else with those of its
    own source near it, not with every roqa_nlp selection of the project (s62: 100 sources of
    150 answers took 17 s to import, not 4)."""
    from roqa_nlp.exchange import qdpx_import

    calls = 0
    same_passage = qdpx_import._same_passage

    def counted(*args: object) -> bool:
        nonlocal calls
        calls += 1
        return same_passage(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(qdpx_import, "_same_passage", counted)
    p = read_qdpx(many_suggestions(tmp_path, cfir, 4, 60, unnamed), codebook=cfir)
    assert len(p.warnings) == 4 and "(T03:0031)" in p.warnings[-1]
    # before: 7,316 (each passage against the selections before it)
    assert calls == 4 * 59, calls


def test_a_second_source_of_the_same_name_exported_back_is_said_to_be_one(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Two sources named 'P04' imported as P04 and P04-2, exported back and imported again: the
    second keeps its id P04-2 and is said to be a second source so named, not a transcript
    renamed in the program (before, s62)."""
    other = "P04: Another interview, another day."
    twin = Transcript(
        "P04-2",
        other,
        [],
        participant="P04",
        metadata={"refi_name": "P04", "refi_guid": NEW_GUID},
    )
    segs = [
        coded(*STAFF, "IS.E.2", seg_id="P04:0001"),
        coded(5, len(other), "IS.E.1", seg_id="P04-2:0001", text=other),
    ]
    segs[1] = replace(segs[1], segment=replace(segs[1].segment, transcript_id="P04-2"))
    transcripts = {"P04": Transcript("P04", TEXT, [], participant="P04"), "P04-2": twin}
    path = tmp_path / "twins.qdpx"
    export_qdpx(CodingResult(segments=segs, transcripts=transcripts), cfir, path)
    p = read_qdpx(path, codebook=cfir)
    assert [t.id for t in p.transcripts] == ["P04", "P04-2"]
    assert read_qdpx_transcript_ids(path) == {"P04", "P04-2"}
    assert p.warnings == ["source 'P04': a second source is called 'P04'; imported as 'P04-2'"]


def test_a_renamed_transcript_leaves_its_id_to_a_source_named_so_in_another_case(
    tmp_path: Path, cfir: Codebook
) -> None:
    """P04 renamed 'Leeds' in the program, and a team source named 'p04' added: 'p04' is named
    like P04 (in any case), so it keeps that id and the renamed one is 'Leeds', as the docs say
    (before, s62: ids P04 and p04, written as p04-2.txt)."""
    leeds = Transcript("P04", TEXT, [], participant="P04", metadata={"refi_name": "Leeds"})
    team = Transcript("team", "P04: Another interview, another day.", [], participant="P04")
    team.metadata["refi_name"] = "p04"
    path = tmp_path / "case.qdpx"
    segs = [coded(*STAFF, "IS.E.2", seg_id="P04:0001")]
    export_qdpx(CodingResult(segments=segs, transcripts={"P04": leeds, "team": team}), cfir, path)
    p = read_qdpx(path, codebook=cfir)
    assert [t.id for t in p.transcripts] == ["Leeds", "p04"]
    assert read_qdpx_transcript_ids(path) == {"Leeds", "p04"}
    assert p.warnings == []


def test_a_transcript_renamed_only_in_case_keeps_its_id(tmp_path: Path, cfir: Codebook) -> None:
    """Its own new name 'p04' is no other source's: it is still the transcript 'P04'."""
    p = read_qdpx(three_suggestions(tmp_path, cfir, renamed="p04"), codebook=cfir)
    assert [t.id for t in p.transcripts] == ["P04"]
    assert p.warnings[0].startswith("source 'p04' is the transcript 'P04' roqa exported, renamed")
