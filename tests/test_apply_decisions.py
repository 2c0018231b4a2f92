"""Specification of the reviewed codings (``decisions.reviewed_codings``, ``roqa apply-decisions``):
the codes a review decided become the reviewer's own codings, which the report, ``roqa agree`` and
``roqa export`` treat as a person's."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, reviewed_codings
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.exchange.qdpx_export import coder_of, is_model_run
from roqa_nlp.framework import barriers_enablers, saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_core import Run, roqa

TEXTS = [
    "We never have the staff for it.",
    "The director backs the project.",
    "Agency staff don't know the people.",
    "Nice weather today.",
    "The forms take an hour.",
]


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def model_codings() -> CodingResult:
    """One transcript p01, a segment per text, each suggested IS.E.2 (barrier) then IC.F."""
    text = " ".join(TEXTS)
    segs, pos = [], 0
    for n, words in enumerate(TEXTS, 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        segs.append(
            SegmentResult(
                segment=seg,
                suggestions=[
                    Suggestion(
                        "IS.E.2",
                        "Available Resources",
                        "IS",
                        0.6,
                        "barrier",
                        valence_probability=0.55,
                    ),
                    Suggestion(
                        "IC.F", "Complexity", "IC", 0.2, "barrier", valence_probability=0.55
                    ),
                ],
                novel=False,
                novelty_p=0.5,
            )
        )
        pos += len(words) + 1
    transcript = Transcript(
        "p01", text, [Turn("P01", "participant", 0, len(text))], participant="P01"
    )
    other = Transcript(
        "p02", TEXTS[0], [Turn("P02", "participant", 0, len(TEXTS[0]))], participant="P02"
    )
    seg = Segment("p02:0001", "p02", "P02", "participant", 0, len(TEXTS[0]), TEXTS[0])
    segs.append(SegmentResult(seg, [Suggestion("IS.E.2", "Available Resources", "IS", 0.6)]))
    meta = {"model": {"hash": "abc123", "codebook": "cfir-2009"}}
    return CodingResult(segs, {"p01": transcript, "p02": other}, meta)


DECISIONS = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "recode", "IS.B", text=TEXTS[1]),
    Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler"),
    Decision("p01:0003", "new-code", new_code="Agency staff", text=TEXTS[2]),
    Decision("p01:0003", "accept", "IC.F", text=TEXTS[2]),
    Decision("p01:0004", "reject", "IS.E.2", text=TEXTS[3]),
    Decision("p01:0004", "reject", "IC.F", text=TEXTS[3]),
    Decision("p01:0005", "accept", "IS.E.2", text=TEXTS[4]),
    Decision("p01:0005", "reject", "IS.E.2", text=TEXTS[4]),  # changed their mind: last wins
    Decision("p01:0005", "reject", "IC.F", text=TEXTS[4]),
    Decision("p09:0001", "accept", "IS.E.2", text="Words coded nowhere."),
]


def test_the_review_leaves_exactly_the_decided_codes(cfir: Codebook) -> None:
    reviewed, book, counts = reviewed_codings(
        DECISIONS, model_codings(), cfir, coder="Alice", where="decisions.csv"
    )
    assert [
        (
            s.segment.id,
            [
                (g.code_id, g.name, g.probability, g.valence, g.valence_probability)
                for g in s.suggestions
            ],
        )
        for s in reviewed
    ] == [
        ("p01:0001", [("IS.E.2", "Available Resources", 1.0, "barrier", 0.55)]),  # model's valence
        ("p01:0002", [("IS.B", "Networks & Communications", 1.0, "enabler", 1.0)]),  # Alice's
        (
            "p01:0003",
            [
                # a new code given no valence has none, not the model's of IS.E.2 (s68)
                ("project.agency-staff", "Agency staff", 1.0, "neutral", None),
                ("IC.F", "Complexity", 1.0, "barrier", 0.55),
            ],
        ),
        ("p01:0004", []),  # both suggestions rejected: decided, no code
        ("p01:0005", []),  # accepted, then rejected: the last row wins
    ]
    assert counts == {
        "segments": 3,
        "codes": 4,
        "distinct_codes": 4,
        "rejected": 2,
        "no_code": 0,
        "short_of_all": 0,
        "not_found": 1,
        "valence_not_found": 0,
        "accept": 2,
        "recode": 1,
        "new-code": 1,
        "notes": 0,
        "notes_kept": 0,
        "valence_only": 0,
        "valence_undecided": 0,
        "kept": 0,
    }
    assert book.id == "cfir-2009+project" and book["project.agency-staff"].name == "Agency staff"
    assert reviewed.transcripts.keys() == {"p01"}  # p02 had no decision: not reviewed
    assert reviewed.meta["reviewed_segments"] == [f"p01:000{n}" for n in range(1, 6)]
    assert "undecided_segments" not in reviewed.meta  # p01 reviewed to its end
    assert reviewed.meta["transcripts_not_reviewed"] == ["p02"]
    assert reviewed.meta["participants_not_reviewed"] == ["P02"]
    # the study's order, so that saturation numbers p01 ... as the study does
    assert reviewed.meta["study_interviews"] == ["p01", "p02"]
    # a person's codings, not a model's
    assert is_model_run(reviewed) is False and coder_of(reviewed) == "Alice"
    assert reviewed.meta["reviewed_model"] == "abc123"


def test_a_new_code_on_fewer_segments_than_training_needs_is_warned(cfir: Codebook) -> None:
    """Tester K14: a new code made on one segment gave no word, though docs/report.md says a
    model learns a new code on one or two segments for them alone. One line names the code and
    how many decided segments carry it; a new code on three is not named."""
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(DECISIONS, model_codings(), cfir, coder="Alice", where="decisions.csv")
    assert [str(w.message) for w in caught if "new code" in str(w.message)] == [
        "decisions.csv: new code project.agency-staff 'Agency staff' is on 1 decided segment "
        "only: a model trained on these decisions (roqa train --feedback) learns it from that "
        "segment alone, so it is suggested mostly for close paraphrases of its words, and its "
        "probability is not calibrated (give a new code 3 decided segments or more; "
        "docs/report.md)"
    ]
    three = [
        Decision(f"p01:000{n}", "new-code", new_code="Agency staff", text=TEXTS[n - 1])
        for n in (1, 2, 3)
    ]
    two = [Decision("p01:0005", "new-code", new_code="Paperwork", text=TEXTS[4])] * 2
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings([*three, *two], model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught if "new code" in str(w.message)] == [
        "d.csv: new code project.paperwork 'Paperwork' is on 1 decided segment only: a model "
        "trained on these decisions (roqa train --feedback) learns it from that segment alone, so "
        "it is suggested mostly for close paraphrases of its words, and its probability is not "
        "calibrated (give a new code 3 decided segments or more; docs/report.md)"
    ]
    # two new codes on too few segments: one line naming both, each with its count
    more = [
        Decision("p01:0001", "new-code", new_code="Paperwork", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="Agency staff", text=TEXTS[1]),
        Decision("p01:0003", "new-code", new_code="Agency staff", text=TEXTS[2]),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(more, model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught if "new code" in str(w.message)] == [
        "d.csv: 2 new codes are on fewer than 3 decided segments (project.agency-staff "
        "'Agency staff' on 2, project.paperwork 'Paperwork' on 1): a model trained on these "
        "decisions (roqa train --feedback) learns them from those segments alone, so they are "
        "suggested mostly for close paraphrases of their words, and their probabilities are not "
        "calibrated (give a new code 3 decided segments or more; docs/report.md)"
    ]


def test_a_new_code_on_no_segment_of_the_codings_is_said_so_plainly(cfir: Codebook) -> None:
    """Waves tester, session 49, 6: decisions made on other codings (coded2/) gave "new code
    ... is on 0 decided segments only: ... learns it for them". s49 review 7: the warning then
    ended in a question ("made on other codings?"); it says what to do."""
    away = Decision("p09:0001", "new-code", new_code="Rota", text="Words coded nowhere.")
    one = Decision("p01:0005", "new-code", new_code="Paperwork", text=TEXTS[4])
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings([away, one], model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught if "new code" in str(w.message)] == [
        "d.csv: new code project.rota 'Rota' is on no segment of these codings, so the reviewed "
        "codings do not carry it (its decisions name segments they do not hold): apply them to "
        "the codings they were made on, or give --decisions made on these",
        "d.csv: new code project.paperwork 'Paperwork' is on 1 decided segment only: a model "
        "trained on these decisions (roqa train --feedback) learns it from that segment alone, so "
        "it is suggested mostly for close paraphrases of its words, and its probability is not "
        "calibrated (give a new code 3 decided segments or more; docs/report.md)",
    ]


def test_a_segment_with_only_some_suggestions_rejected_is_not_decided(cfir: Codebook) -> None:
    """Audit T2, N9: rejecting a wrong second suggestion (Shift+2 in the report) and leaving the
    top one undecided is "not this code", not "fits no code" (training reads it so too): the
    segment, and a valence given it, stay out of the reviewed codings until the rest is
    decided."""
    rows = [
        Decision("p01:0001", "reject", "IC.F", text=TEXTS[0]),
        Decision("p01:0001", "valence", text=TEXTS[0], valence="enabler"),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1]),
    ]
    reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert [s.segment.id for s in reviewed] == ["p01:0002"]
    assert (counts["short_of_all"], counts["rejected"], counts["valence_only"]) == (1, 0, 1)
    # p01 is partly reviewed: 4 of its 5 segments undecided (saturation says so)
    assert reviewed.meta["undecided_segments"] == {"p01": [4, 5]}
    # every suggestion the segment shows rejected: decided, with no code
    rows.append(Decision("p01:0001", "reject", "IS.E.2", text=TEXTS[0]))
    reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert [(s.segment.id, s.suggestions) for s in reviewed] == [
        ("p01:0001", []),
        ("p01:0002", reviewed[1].suggestions),
    ]
    assert (counts["short_of_all"], counts["rejected"], counts["valence_only"]) == (0, 1, 1)


def test_a_decision_whose_words_are_gone_is_not_put_on_the_segment_now_at_its_id(
    cfir: Codebook,
) -> None:
    lost = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0002", "accept", "IS.E.1", text="Pay is rubbish here."),
    ]
    with pytest.warns(RoqaWarning, match="left out: p01:0002"):
        reviewed, _, counts = reviewed_codings(lost, model_codings(), cfir, coder="Alice")
    assert [s.segment.id for s in reviewed] == ["p01:0001"] and counts["not_found"] == 1


def test_decisions_on_two_segments_with_the_same_words_stay_apart(cfir: Codebook) -> None:
    same = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p02:0001", "recode", "IC.F", text=TEXTS[0]),
    ]
    reviewed, _, _ = reviewed_codings(same, model_codings(), cfir, coder="Alice")
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IS.E.2"]),
        ("p02:0001", ["IC.F"]),
    ]


def test_notes_and_valence_alone_give_no_coding_and_are_counted(cfir: Codebook) -> None:
    rows = [
        Decision("p01:0001", "note", note="ask P01 about this", text=TEXTS[0]),
        Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler"),
    ]
    reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert len(reviewed) == 0
    assert (counts["notes"], counts["valence_only"]) == (1, 1)


QDA = "REFI-QDA review by Alice"  # the note column of the decisions roqa import writes


def test_a_valence_alone_from_a_qda_review_keeps_the_suggested_code_with_that_valence(
    cfir: Codebook,
) -> None:
    """refi tester, session 50 (8): roqa import reads a passage coded with a valence code alone
    as a `valence` decision, which docs/refi-qda.md says "reviews its valence only", its
    suggested codes not rejected; apply-decisions then left it out ("a valence alone decides
    nothing"). A QDA review's valence alone keeps the segment's top suggestion (IS.E.2, not
    IC.F) with the reviewer's valence; the report's valence alone still decides nothing."""
    rows = [
        Decision("p01:0001", "valence", note=QDA, text=TEXTS[0], valence="enabler"),
        Decision("p01:0002", "accept", "IS.E.2", note=QDA, text=TEXTS[1]),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="enabler"),  # the report's
    ]
    reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert [
        (s.segment.id, [(g.code_id, g.valence, g.valence_probability) for g in s.suggestions])
        for s in reviewed
    ] == [
        ("p01:0001", [("IS.E.2", "enabler", 1.0)]),
        ("p01:0002", [("IS.E.2", "barrier", 0.55)]),
    ]
    assert (counts["kept"], counts["accept"], counts["codes"]) == (1, 1, 2)
    assert (counts["valence_only"], counts["valence_undecided"]) == (1, 1)  # p01:0003
    assert reviewed.meta["valence_from_model"] == ["p01:0002"]


def test_a_valence_alone_from_a_qda_review_keeps_no_code_rejected(cfir: Codebook) -> None:
    """... unless the code itself was rejected: every suggestion rejected, the segment is
    decided to have no code; only the top one rejected, it is undecided, as without the
    valence."""
    valence = Decision("p01:0001", "valence", note=QDA, text=TEXTS[0], valence="enabler")
    top = Decision("p01:0001", "reject", "IS.E.2", note=QDA, text=TEXTS[0])
    second = Decision("p01:0001", "reject", "IC.F", note=QDA, text=TEXTS[0])
    reviewed, _, counts = reviewed_codings([valence, top], model_codings(), cfir, coder="A")
    assert (len(reviewed), counts["kept"], counts["short_of_all"]) == (0, 0, 1)
    reviewed, _, counts = reviewed_codings([valence, top, second], model_codings(), cfir, coder="A")
    assert [(s.segment.id, s.suggestions) for s in reviewed] == [("p01:0001", [])]
    assert (counts["kept"], counts["rejected"]) == (0, 1)


@pytest.mark.parametrize(
    "set_aside",
    [
        {"procedural": True},
        {"novel": True},
        {"segment": Segment("p01:0002", "p01", "I", "interviewer", 32, 63, TEXTS[1])},
    ],
)
def test_a_valence_alone_from_a_qda_review_keeps_no_code_on_a_segment_set_aside(
    cfir: Codebook, set_aside: dict[str, object]
) -> None:
    """review s50 (2): on a segment that carries no codes (procedural, novel, the interviewer's),
    the export wrote no suggestion, so the reviewer never saw one; a QDA review's valence alone
    there kept IS.E.2 (p=0.3) with it all the same (`kept: 1`). It keeps nothing now."""
    result = model_codings()
    s = result.segments[1]
    result.segments[1] = dataclasses.replace(
        s, suggestions=[dataclasses.replace(s.suggestions[0], probability=0.3)], **set_aside
    )
    rows = [Decision("p01:0002", "valence", note=QDA, text=TEXTS[1], valence="barrier")]
    reviewed, _, counts = reviewed_codings(rows, result, cfir, coder="Alice")
    assert ([s.segment.id for s in reviewed], counts["kept"]) == ([], 0)
    from roqa_nlp.decisions import decided_segments

    assert decided_segments(rows, result) == {}


def test_apply_decisions_says_how_many_codes_a_qda_valence_review_kept(tmp_path: Path) -> None:
    review = [
        Decision("p01:0001", "accept", "IS.E.2", note=QDA, text=TEXTS[0]),
        Decision("p01:0002", "valence", note=QDA, text=TEXTS[1], valence="neutral"),
    ]
    run = apply_review(tmp_path, review)
    assert run.code == 0, run.err
    assert (
        "2 coded with 1 distinct code (2 codings: 1 accept, 1 kept with its valence reviewed), 0 "
        "with every "
        "suggestion rejected and no code; 1 transcript (1 reviewable segment) not reviewed yet: "
        "p02."
    ) in " ".join(run.out.split())
    assert "valence alone" not in run.err
    from roqa_nlp.decisions import decided_segments

    assert decided_segments(review, model_codings()) == {
        "p01:0001": ["IS.E.2"],
        "p01:0002": ["IS.E.2"],
    }


def write_decisions(path: Path, decisions: list[Decision]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text", "valence"])
        for d in decisions:
            w.writerow([d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text, d.valence])


def apply_review(tmp_path: Path, decisions: list[Decision]) -> Run:
    """``roqa apply-decisions --coder Alice`` of :func:`model_codings`, saved in ``tmp_path /
    "coded"`` with ``decisions`` as its decisions.csv, into ``tmp_path / "reviewed"``."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    write_decisions(coded / "decisions.csv", decisions)
    return roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")


def test_roqa_apply_decisions_writes_codings_the_report_and_agree_read_as_the_reviewers(
    tmp_path: Path,
) -> None:
    run = apply_review(tmp_path, DECISIONS)
    assert run.code == 0, run.err
    coded, out = tmp_path / "coded", tmp_path / "reviewed"
    assert " ".join(run.out.split()).startswith(
        "Alice's review: 5 of 5 reviewable segments decided in the 1 reviewed transcript: 3 "
        "coded with 4 distinct codes (4 codings: 2 accept, 1 recode, 1 new-code), 2 with every suggestion "
        "rejected and no code; 1 transcript (1 reviewable segment) not reviewed yet: p02; left "
        "out: 1 code decision(s) on no segment of the codings. Only these are charted and "
        "compared."
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "codebook.json",
        "codings.csv",
        "codings.jsonl",
        "run.json",
        "transcripts.jsonl",
    ]
    assert json.loads((out / "run.json").read_text("utf-8"))["user"] == {"name": "Alice"}
    again = CodingResult.read(out)
    assert [s.segment.id for s in again] == [f"p01:000{n}" for n in range(1, 6)]
    # a partly reviewed transcript is recorded as such, read back with the codings
    partial = tmp_path / "partial"
    write_decisions(coded / "decisions.csv", DECISIONS[:2])
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", partial).code == 0
    assert CodingResult.read(partial).meta["undecided_segments"] == {"p01": [3, 5]}
    write_decisions(coded / "decisions.csv", DECISIONS)
    # the report charts the reviewer's codes, new code included
    run = roqa("report", out)
    assert run.code == 0, run.err
    html = (out / "report.html").read_text("utf-8")
    assert "Agency staff" in html
    # the model against the reviewer, on the units either coded
    run = roqa("agree", coded, out, "--json", tmp_path / "agree.json")
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "agree.json").read_text("utf-8"))
    assert report["pairs"][0]["kind"] == "model-human"
    # the reviewer named by the name their codings record (tester K, session 33: the tables
    # said "reviewed", the folder, and only the note "reviewed (Alice)"); the model by folder
    said = " ".join(run.out.split())
    assert "compared on the 5 segments Alice decided in their review" in said
    assert {report["pairs"][0]["coder_a"], report["pairs"][0]["coder_b"]} == {"coded", "Alice"}
    assert report["unit_kind"] == "segments" and report["n_units"]["all"] == 5


def test_agree_names_reviewers_by_their_recorded_names_and_tells_two_of_one_name_apart(
    tmp_path: Path,
) -> None:
    """Two reviews in folders "reviewed" and "reviewedBob" (`--coder Alice`, `--coder Bob`):
    the tables name Alice and Bob. A second review recorded under a name another input already
    has (Alice's second round) is named after its folder too, with a note."""
    assert apply_review(tmp_path, DECISIONS).code == 0
    coded = tmp_path / "coded"
    bob = tmp_path / "reviewedBob"
    assert roqa("apply-decisions", coded, "--coder", "Bob", "--out", bob).code == 0
    run = roqa("agree", tmp_path / "reviewed", bob, "--n-boot", "0", "--json", tmp_path / "a.json")
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert report["coders"] == ["Alice", "Bob"]
    assert [(p["coder_a"], p["coder_b"]) for p in report["pairs"]] == [("Alice", "Bob")]
    said = " ".join(run.out.split())
    assert "2 coders: Alice, Bob;" in said
    assert "segments the reviews decided (Alice 5, Bob 5;" in said
    again = tmp_path / "round2"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", again).code == 0
    run = roqa(
        "agree", tmp_path / "reviewed", again, "--n-boot", "0", "--json", tmp_path / "b.json"
    )
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert report["coders"] == ["Alice", "Alice (round2)"]
    said = " ".join(run.out.split())
    assert "segments the reviews decided (Alice 5, Alice (round2) 5;" in said
    assert f"{again} records the coder 'Alice' of another input: coder 'Alice (round2)'" in said


def test_agree_tells_a_review_from_its_own_import_by_the_import_folder(
    tmp_path: Path, reviewed: Path
) -> None:
    """Alice's review, exported to a QDA project and read back with roqa import into imp/: its
    codings are imp/codings/Alice, named Alice as the folder is, so the folder's name cannot
    tell the two apart; the import folder's does (tester M, session 34: "a second input is
    also coder 'Alice'", though docs/agreement.md promises the folder's name). The two agree on
    every one of the 5 segments Alice decided."""
    assert roqa("export", reviewed, "--qdpx", tmp_path / "alice.qdpx").code == 0
    assert roqa("import", tmp_path / "alice.qdpx", "--out", tmp_path / "imp").code == 0
    again = tmp_path / "imp" / "codings" / "Alice"
    run = roqa("agree", reviewed, again, "--n-boot", "0", "--json", tmp_path / "a.json")
    assert run.code == 0, run.err
    report = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert report["coders"] == ["Alice", "Alice (imp)"]
    said = " ".join(run.out.split())
    assert f"{again} records the coder 'Alice' of another input: coder 'Alice (imp)'" in said
    assert report["n_units"]["all"] == 5
    assert report["pooled"]["all"]["percent_agreement"] == 1.0


def test_roqa_apply_decisions_needs_decisions_and_another_folder(tmp_path: Path) -> None:
    coded = tmp_path / "coded"
    model_codings().save(coded)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r")
    assert run.code == 2
    # before (session 37): "no decisions found", of a file that does not exist
    assert run.err == (
        f"roqa: error: {coded}: no review is saved beside the codings (no decisions.csv or "
        "decisions.xlsx) (save the review from report.html (Save decisions) and give it with "
        "--decisions)\n"
    )
    # a browser's second download moved in: named, not read (docs tester s76 #3)
    write_decisions(coded / "decisions (1).xlsx", DECISIONS)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {coded}: no review is saved beside the codings (no decisions.csv or "
        "decisions.xlsx) (decisions (1).xlsx is there: rename the review to decisions.xlsx, "
        "or give it with --decisions)\n"
    )
    (coded / "decisions (1).xlsx").unlink()
    write_decisions(coded / "decisions.csv", [])  # saved before any decision
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r")
    assert run.code == 2
    assert f"{coded / 'decisions.csv'}: no decisions found" in " ".join(run.err.split())
    write_decisions(coded / "decisions.csv", DECISIONS)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", coded)
    assert run.code == 2 and "is the folder of the codings reviewed" in run.err


def test_roqa_apply_decisions_names_a_newer_download_beside_the_review(tmp_path: Path) -> None:
    """decisions.csv beside the codings and a later download ``decisions (1).csv`` moved in:
    roqa report warned, apply-decisions read the older file with no word of it (latea s76,
    leftover). It still reads decisions.csv, with report's warning (one rule,
    ``newer_near_named_review``); nothing is said of an older download."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    write_decisions(coded / "decisions.csv", DECISIONS[:1])
    write_decisions(coded / "decisions (1).csv", DECISIONS[:2])
    os.utime(coded / "decisions.csv", ns=(10**18, 10**18))
    os.utime(coded / "decisions (1).csv", ns=(10**18 + 10**9, 10**18 + 10**9))
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r")
    assert run.code == 0, run.err
    assert run.err == (
        f"roqa: warning: {coded}: decisions (1).csv beside the codings is newer than "
        "decisions.csv, which is read as the review: to read decisions (1).csv instead, rename "
        "it to decisions.csv (replacing the older), or give it with --decisions\n"
    )
    assert f"Decisions read from {coded / 'decisions.csv'} (found beside the codings)" in (
        " ".join(run.out.split())
    )
    assert "1 accept" in run.out and "recode" not in run.out  # the older file's one row
    os.utime(coded / "decisions (1).csv", ns=(10**18 - 10**9, 10**18 - 10**9))
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r2")
    assert (run.code, run.err) == (0, "")


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    """Alice's codings from her review :data:`DECISIONS`, in ``tmp_path / "reviewed"``
    (:func:`apply_review`)."""
    run = apply_review(tmp_path, DECISIONS)
    assert run.code == 0, run.err
    return tmp_path / "reviewed"


def test_a_reviewers_valence_survives_a_refi_qda_round_trip(tmp_path: Path, reviewed: Path) -> None:
    project = tmp_path / "alice.qdpx"
    run = roqa("export", reviewed, "--qdpx", project)
    assert run.code == 0, run.err
    import zipfile

    with zipfile.ZipFile(project) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert 'name="Alice&apos;s codings (' in qde or "name=\"Alice's codings (" in qde
    # the model's unsure valence Alice kept goes out with its probability; hers without; the
    # third passage's two codes are one selection a valence (it held one per code before): the
    # new code she gave no valence has none (newcomer s68), so it is a selection of its own,
    # with no valence description
    assert qde.count("<Description>valence: barrier (p=0.550)</Description>") == 2
    assert qde.count("<PlainTextSelection ") == 4
    assert "valence: neutral" not in qde
    assert qde.count("<Description>valence: enabler</Description>") == 1
    run = roqa("import", project, "--out", tmp_path / "back")
    assert run.code == 0, run.err
    back = CodingResult.read(tmp_path / "back" / "codings" / "Alice")
    got = [
        (s.segment.text, g.name, g.valence, g.valence_probability)
        for s in back
        for g in s.suggestions
    ]
    # hers at 1.0, as the reviewed codings hold it (None before s53: the round trip lost it)
    assert sorted(got, key=str) == sorted(
        [
            (TEXTS[1], "Networks & Communications", "enabler", 1.0),
            (TEXTS[0], "Available Resources", "barrier", 0.55),
            (TEXTS[2], "Agency staff", "neutral", None),
            (TEXTS[2], "Complexity", "barrier", 0.55),
        ],
        key=str,
    )


def test_a_persons_own_valence_in_a_qda_review_is_a_valence_decision() -> None:
    from roqa_nlp.exchange.review import review_decisions

    machine = model_codings().subset(transcript="p01")
    mine = [Suggestion("IS.B", "Networks & Communications", "IS", 1.0, "enabler")]  # hers
    kept = [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier", 0.55)]  # model's
    human = CodingResult(
        [SegmentResult(machine[0].segment, kept), SegmentResult(machine[1].segment, mine)],
        machine.transcripts,
    )
    decisions = review_decisions(machine, human, coder="Alice")
    assert [(d.segment_id, d.valence) for d in decisions if d.decision == "valence"] == [
        ("p01:0002", "enabler")
    ]


def test_a_new_code_the_codebook_already_has_is_that_code(cfir: Codebook) -> None:
    """roqa import writes a code made in the QDA program as new-code rows while its codebook
    already holds it: applying the review applies that code."""
    rows = [Decision("p01:0001", "new-code", new_code="complexity", text=TEXTS[0])]
    reviewed, book, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IC.F"])
    ]
    assert book.id == "cfir-2009" and counts["recode"] == 1


def retrained_model_codings(cfir: Codebook) -> CodingResult:
    """:func:`model_codings` as a model trained with round 1's new code "Agency staff" made them:
    its codebook cfir-2009+project, saved beside the codings, and p01:0003 suggested the code."""
    from roqa_nlp.decisions import project_codebook

    book = project_codebook(cfir, [Decision("x", "new-code", new_code="Agency staff")])
    result = model_codings()
    staff = book["project.agency-staff"]
    seg = result.segments[2]
    result.segments[2] = SegmentResult(
        seg.segment, [Suggestion(staff.id, staff.name, None, 0.7, "barrier"), *seg.suggestions]
    )
    result.meta["model"]["codebook"] = book.id
    result.codebook = book
    return result


def test_a_review_of_a_retrained_models_codings_keeps_its_project_codebook(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Round 2: the model's codebook already is cfir-2009+project. The reviewed codings take it
    along (with round 2's own new code), so they chart and export without --codebook."""
    coded = tmp_path / "coded_r1"
    retrained_model_codings(cfir).save(coded)
    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0003", "accept", "project.agency-staff", text=TEXTS[2]),
    ]
    write_decisions(coded / "decisions.csv", rows)
    out = tmp_path / "reviewed_r1"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    book = json.loads((out / "codebook.json").read_text("utf-8"))
    assert book["id"] == "cfir-2009+project"
    assert [c["id"] for c in book["codes"] if c["id"].startswith("project.")] == [
        "project.agency-staff"
    ]
    run = roqa("report", out)
    assert run.code == 0, run.err
    run = roqa("export", out, "--qdpx", tmp_path / "r1.qdpx")
    assert run.code == 0, run.err
    # round 2 makes a code of its own: both project codes go with the reviewed codings
    write_decisions(
        coded / "decisions.csv",
        [*rows, Decision("p01:0005", "new-code", new_code="Paperwork", text=TEXTS[4])],
    )
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    book = json.loads((out / "codebook.json").read_text("utf-8"))
    assert [c["id"] for c in book["codes"] if c["id"].startswith("project.")] == [
        "project.agency-staff",
        "project.paperwork",
    ]
    run = roqa("report", out)
    assert run.code == 0, run.err
    assert "Paperwork" in (out / "report.html").read_text("utf-8")


def test_a_review_in_the_built_in_codebook_removes_an_earlier_reviews_codebook(
    tmp_path: Path,
) -> None:
    coded = tmp_path / "coded"
    model_codings().save(coded)
    out = tmp_path / "reviewed"
    write_decisions(coded / "decisions.csv", DECISIONS)  # a new code: codebook.json written
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    assert (out / "codebook.json").is_file()
    write_decisions(coded / "decisions.csv", DECISIONS[:2])  # none: cfir-2009 again
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    assert not (out / "codebook.json").exists()
    assert roqa("report", out).code == 0


def test_rows_a_later_row_contradicts_are_warned_of_by_row(tmp_path: Path, cfir: Codebook) -> None:
    from roqa_nlp.decisions import read_decisions

    p = tmp_path / "decisions.csv"
    write_decisions(
        p,
        [
            Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
            Decision("p01:0001", "reject", "IS.E.2", text=TEXTS[0]),
            Decision("p01:0002", "accept", "IS.B", text=TEXTS[1], valence="barrier"),
            Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler"),
            Decision("p01:0003", "accept", "IC.F", text=TEXTS[2]),
            Decision("p01:0003", "recode", "IC.F", text=TEXTS[2]),  # agrees: no warning
        ],
    )
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, _ = reviewed_codings(
            read_decisions(p)[0], model_codings(), cfir, coder="Alice", where=p
        )
    assert [str(w.message) for w in caught] == [
        f"{p}: 2 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 3: accept then reject IS.E.2 on p01:0001; "
        "rows 4 and 5: valence barrier then enabler on p01:0002"
    ]
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01:0002", [("IS.B", "enabler")]),
        ("p01:0003", [("IC.F", "barrier")]),
    ]


def test_the_summary_counts_distinct_codes_apart_from_codings(cfir: Codebook) -> None:
    """Tester s59 (L5): five segments given one new code were summed up "5 coded with 5 code(s)
    (5 new-code)", which read as five new codes: the codes given are counted once each, the
    codings (a segment and a code) by decision."""
    from roqa_nlp.cli.apply_cmd import _coded_with

    three = [
        Decision(f"p01:000{n}", "new-code", new_code="Agency staff", text=TEXTS[n - 1])
        for n in (1, 2, 3)
    ]
    _, _, counts = reviewed_codings(three, model_codings(), cfir, coder="Alice", where="d.csv")
    assert (counts["segments"], counts["codes"], counts["distinct_codes"]) == (3, 3, 1)
    assert (
        _coded_with(3, 1, 3, "3 new-code") == "3 coded with 1 distinct code (3 codings: 3 new-code)"
    )
    assert _coded_with(0, 0, 0, "") == "0 coded"


def test_a_later_row_on_the_same_suggestion_wins_and_is_warned_of(cfir: Codebook) -> None:
    """An accept of a suggestion then a recode of that suggestion is the recode, and a recode
    then an accept of its suggestion the accept, as the report keeps one decision a suggestion
    (blind tester s48: p01:0003 accepted IS.E.3 then recoded from it to IS.D.6 was given both
    codes, "40 coded with 41 code(s)", with no word said)."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], row=2),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], suggestion="IS.E.2", row=3),
        Decision("p01:0002", "recode", "IS.B", text=TEXTS[1], suggestion="IS.E.2", row=4),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], row=5),
        Decision("p01:0003", "reject", "IS.E.2", text=TEXTS[2], row=6),  # agrees: no warning
        Decision("p01:0003", "recode", "IC.H", text=TEXTS[2], suggestion="IS.E.2", row=7),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, counts = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [str(w.message) for w in caught] == [
        "d.csv: 2 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 3: accept IS.E.2 then recode of IS.E.2 to IS.B on p01:0001; "
        "rows 4 and 5: recode of IS.E.2 to IS.B then accept IS.E.2 on p01:0002"
    ]
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IS.B"]),
        ("p01:0002", ["IS.E.2"]),
        ("p01:0003", ["IC.H"]),
    ]
    assert (counts["codes"], counts["accept"], counts["recode"]) == (3, 1, 2)


def test_a_code_given_beside_a_no_code_row_stands_in_either_order_and_is_warned_of(
    cfir: Codebook,
) -> None:
    """A code the reviewer gave stands over a no-code row on the same segment, whichever comes
    first, as it did before, and is now warned of (code review s45: m2/decisions.csv segment
    0009 kept its accepted code and nothing said). Not the later row: a review page before
    session 45 saved the no-code row it carried after the code the reviewer gave (regression
    hunt s45: files already saved lost the reviewer's accepts)."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], row=2),
        Decision("p01:0001", "recode", "IC.F", text=TEXTS[0], row=3),
        Decision("p01:0001", "no-code", text=TEXTS[0], row=4),
        Decision("p01:0002", "no-code", text=TEXTS[1], row=5),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], row=6),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, counts = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [str(w.message) for w in caught] == [
        "d.csv: 3 code(s) given on a segment that a no-code row says fits no code, the code "
        "kept: rows 2 and 4: accept IS.E.2 and no-code on p01:0001; "
        "rows 3 and 4: recode IC.F and no-code on p01:0001; "
        "rows 5 and 6: no-code and accept IS.E.2 on p01:0002"
    ]
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IS.E.2", "IC.F"]),
        ("p01:0002", ["IS.E.2"]),
    ]
    assert (counts["segments"], counts["rejected"], counts["accept"], counts["recode"]) == (
        2,
        0,
        2,
        1,
    )


def test_code_decisions_on_no_segment_are_named_by_segment_id_not_their_words(
    cfir: Codebook,
) -> None:

    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision(
            "p01:0009", "accept", "IC.F", text="The rota was rewritten after the audit in May."
        ),
        Decision("p01:0009", "valence", text="The rota was rewritten after the audit in May."),
    ]
    with pytest.warns(RoqaWarning) as caught:
        _, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 code decision(s) on no segment of the codings, left out: "
        "p01:0009"  # not the talk: terminal and CI logs keep warnings
    ]
    assert counts["not_found"] == 1


@pytest.mark.parametrize("target", ["cfir-2022", "erondu-2021"])
def test_a_code_created_in_review_is_exported_in_another_codebook_as_one_of_its_own(
    tmp_path: Path, reviewed: Path, target: str
) -> None:
    """Before: 'the codings use the code 'project.agency-staff', which is not in codebook
    'cfir-2022'', exit 2 and no .qdpx, though roqa report --codebook cfir-2022 charts the same
    codings (the new code under "Codes outside the codebook")."""
    project = tmp_path / "alice.qdpx"
    run = roqa("export", reviewed, "--codebook", target, "--qdpx", project)
    assert run.code == 0, run.err
    if target == "cfir-2022":
        assert " ".join(run.err.split()) == (
            f"roqa: warning: 1 code of the project's own is not in codebook '{target}' "
            "(project.agency-staff Agency staff): exported as a code of its own after the "
            f"codebook's codes, in codebook '{target}+project'"
        )
    else:  # Alice's Networks & Communications reaches no theme: kept as she gave it
        assert " ".join(run.err.split()) == (
            f"roqa: warning: Alice: 1 code has no counterpart in {target} and is kept under its "
            "own name, as a code outside that codebook: Networks & Communications (cfir-2009 "
            "IS.B, 1 passage) "
            f"roqa: warning: 2 codes of the project's own are not in codebook '{target}' "
            "(cfir-2009:IS.B Networks & Communications, project.agency-staff Agency staff): "
            f"exported as codes of their own after the codebook's codes, in codebook "
            f"'{target}+project'"
        )
    assert f"by user 'Alice', codebook {target}+project and the valence codes" in run.out
    run = roqa("import", project, "--out", tmp_path / "back")
    assert run.code == 0, run.err
    back = CodingResult.read(tmp_path / "back" / "codings" / "Alice")
    assert [
        (s.segment.text, g.name) for s in back for g in s.suggestions if g.name == "Agency staff"
    ] == [(TEXTS[2], "Agency staff")]


def test_a_project_codebook_beside_the_codings_gives_its_codes_to_an_export_in_another(
    tmp_path: Path,
) -> None:
    """The codebook.json beside the codings (cfir-2009 plus the project's FAM) is read before
    the codings are translated into CFIR 2.0. Before, it was looked for after, under the
    translated codebook's id, and not found: 'the codings use the code 'FAM', which is not in
    codebook 'cfir-2022'', exit 2 (a 'project.*' code was exported without its description)."""
    import zipfile

    from roqa_nlp.schema import Code

    book = Codebook.load("cfir-2009").with_codes(
        [Code("FAM", "Family involvement", "code", description="Families pushing for it.")],
        id="cfir-2009+project",
    )
    text = "P04: The families pushed for it.\n\nP04: We had no budget."
    turns = [Turn("P04", "participant", 5, 32), Turn("P04", "participant", 39, len(text))]
    segments = [
        SegmentResult(
            Segment("p04:0001", "p04", "P04", "participant", 5, 32, text[5:32]),
            [Suggestion("FAM", "Family involvement", None, 1.0, "enabler")],
        ),
        SegmentResult(
            Segment("p04:0002", "p04", "P04", "participant", 39, len(text), text[39:]),
            [Suggestion("IS.E.2", "Available Resources", "IS", 1.0, "barrier")],
        ),
    ]
    coded = tmp_path / "alice"
    meta = {"codebook": "cfir-2009+project", "user": {"name": "Alice"}}
    CodingResult(segments, {"p04": Transcript("p04", text, turns, "P04")}, meta).save(coded)
    book.save(coded / "codebook.json")
    project = tmp_path / "alice.qdpx"
    run = roqa("export", coded, "--codebook", "cfir-2022", "--qdpx", project)
    assert run.code == 0, run.err
    assert " ".join(run.err.split()) == (
        "roqa: warning: 1 code of the project's own is not in codebook 'cfir-2022' "
        "(FAM Family involvement): exported as a code of its own after the codebook's codes, "
        "in codebook 'cfir-2022+project'"
    )
    with zipfile.ZipFile(project) as z:
        qde = z.read("project.qde").decode("utf-8")
    assert "<Description>Families pushing for it.</Description>" in qde


def test_a_code_in_no_codebook_and_not_the_projects_is_still_refused(tmp_path: Path) -> None:
    """A typo'd code id (IS.E.22) is no project code: exporting it in CFIR 2.0 stays an error."""
    typo = model_codings().subset(transcript="p01")
    typo.segments[0].suggestions[0] = Suggestion("IS.E.22", "Available Resources", "IS", 1.0)
    for s in typo.segments:
        s.suggestions = [dataclasses.replace(g, probability=1.0) for g in s.suggestions]
    typo.meta = {"user": {"name": "Alice"}, "codebook": "cfir-2009"}
    typo.save(tmp_path / "typo")
    run = roqa(
        "export", tmp_path / "typo", "--codebook", "cfir-2022", "--qdpx", tmp_path / "t.qdpx"
    )
    assert run.code == 2
    assert "the codings use the code 'IS.E.22', which is not in codebook 'cfir-2022'" in " ".join(
        run.err.split()
    )
    assert not (tmp_path / "t.qdpx").exists()


def test_export_qdpx_takes_a_project_code_from_the_codings_own_codebook(
    cfir: Codebook, tmp_path: Path
) -> None:
    """What roqa code --codebook cfir-2022 --qdpx does with a model trained on a review's new
    code: the code, kept as it is by the translation, goes out with its own codebook's
    description. Before: 'the codings use the code 'project.agency-staff'...' after coding."""
    import warnings
    import zipfile

    from roqa_nlp.exchange import export_qdpx

    with warnings.catch_warnings():  # the review's own warnings are specified above
        warnings.simplefilter("ignore", RoqaWarning)
        reviewed, book, _ = reviewed_codings(DECISIONS, model_codings(), cfir, coder="Alice")
    charted = reviewed.translate("cfir-2022", source=cfir)
    with pytest.warns(RoqaWarning, match=r"exported as a code of its own .* 'cfir-2022\+project'"):
        summary = export_qdpx(charted, "cfir-2022", tmp_path / "a.qdpx", own=book)
    assert (summary.codebook, summary.project_codes) == (
        "cfir-2022+project",
        ["project.agency-staff"],
    )
    with zipfile.ZipFile(tmp_path / "a.qdpx") as z:
        qde = z.read("project.qde").decode("utf-8")
    assert (
        'name="Agency staff" isCodable="true"> <Description>Project code created in open '
        "coding or review: Agency staff.</Description>" in " ".join(qde.split())
    )


def test_a_note_on_a_decided_segment_is_kept_and_only_the_others_are_left_out(
    tmp_path: Path,
) -> None:
    """Tester H: "left out: 1 note(s)" although the note was on a coded segment. A note on a
    decided segment (coded, or decided to fit no code) is kept in the reviewed codings'
    run.json; one on a segment no decision decided is left out, and said so."""
    notes = [
        Decision("p01:0001", "note", note="check dates with IG", text=TEXTS[0]),
        Decision("p01:0004", "note", note="small talk", text=TEXTS[3]),
        Decision("p02:0001", "note", note="not reviewed yet", text=TEXTS[0]),
    ]
    run = apply_review(tmp_path, [*DECISIONS, *notes])
    assert run.code == 0, run.err
    assert (
        "2 with every suggestion rejected and no code, 2 note(s) kept with their segments; 1 "
        "transcript (1 reviewable segment) not reviewed yet: p02; left out: 1 code decision(s) "
        "on no segment of the codings, 1 note(s) on no decided segment. Only these are charted "
        "and compared."
    ) in " ".join(run.out.split())
    meta = json.loads((tmp_path / "reviewed" / "run.json").read_text(encoding="utf-8"))
    assert meta["notes"] == {"p01:0001": ["check dates with IG"], "p01:0004": ["small talk"]}
    # exported, p01:0004 (decided to fit no code) has no coded passage to carry its note
    run = roqa("export", tmp_path / "reviewed", "--qdpx", tmp_path / "alice.qdpx")
    assert run.code == 0, run.err
    assert "4 codings with 1 note(s) on them by user 'Alice'" in " ".join(run.out.split())
    assert " ".join(run.err.split()) == (
        "roqa: warning: 1 note(s) on segments with no coded passage in the project (decided to "
        "fit no code) left out: a note goes on a coded passage"
    )


def test_a_note_the_report_wrote_in_a_segments_rows_is_kept_once(cfir: Codebook) -> None:
    """The report writes a decided segment's note in the `note` column of each of its rows (a
    `note` row only for a segment with no decision); roqa import writes where its decisions came
    from there ("REFI-QDA review by Alice"), which is no note of the reviewer's."""
    rows = [
        Decision("p01:0001", "accept", "IS.E.2", note="agency staff again", text=TEXTS[0]),
        Decision("p01:0001", "reject", "IC.F", note="agency staff again", text=TEXTS[0]),
        Decision("p01:0002", "accept", "IS.E.2", note="REFI-QDA review by Alice", text=TEXTS[1]),
    ]
    reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert reviewed.meta["notes"] == {"p01:0001": ["agency staff again"]}
    assert (counts["notes"], counts["notes_kept"]) == (1, 1)


def test_a_valence_decision_on_a_segment_gone_since_is_counted_as_left_out(tmp_path: Path) -> None:
    """The transcript was edited after the review: the passage a barrier was given to is gone.
    Before: its valence row was dropped without a word, while a code row on no segment was
    counted in the "left out" line and warned of."""
    gone = Decision("p01:0009", "valence", text="The rota was rewritten.", valence="barrier")
    run = apply_review(tmp_path, [*DECISIONS, gone])
    assert run.code == 0, run.err
    assert (
        "left out: 1 code decision(s) on no segment of the codings, 1 valence decision(s) on no "
        "segment of the codings. Only these are charted"
    ) in " ".join(run.out.split())
    assert (
        "1 valence decision(s) on no segment of the codings, left out: p01:0009 (row 13)"
    ) in " ".join(run.err.split())


def test_a_review_with_only_some_suggestions_rejected_says_nothing_is_decided_yet(
    cfir: Codebook,
) -> None:
    """Rejects on a segment that leave other suggestions undecided are on a segment: the
    warning says the segment is not decided yet (it said no decision was on a segment)."""
    rows = [Decision("p01:0001", "reject", "IC.F", text=TEXTS[0])]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, counts = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert (len(reviewed.segments), counts["short_of_all"]) == (0, 1)
    assert [str(w.message) for w in caught] == [
        "decisions: no segment of the codings is decided yet: 1 segment has some suggestions "
        "rejected and "
        "the others undecided; accept or recode a code there, or reject every suggestion shown"
    ]
    # valence rows alone on a segment decide no code
    rows = [Decision("p01:0001", "valence", text=TEXTS[0], valence="enabler")]
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert [str(w.message) for w in caught] == [
        "decisions: no segment of the codings is decided yet: valence rows give it no code; "
        "accept or recode a code there, or reject every suggestion shown"
    ]
    # a review none of whose decisions is on a segment: an error (tests/test_decisions_inputs.py)
    gone = [Decision("p09:0001", "accept", "IC.F")]
    with pytest.raises(RoqaError, match="^decisions: no decision is on a segment of the codings"):
        reviewed_codings(gone, model_codings(), cfir, coder="Alice")


def test_a_review_of_codings_charted_in_cfir_2_0_is_charted_there_too(tmp_path: Path) -> None:
    """Tester R (session 35): the codebook `roqa code --codebook cfir-2022` chose goes with the
    reviewed codings (run.json ``chart_codebook``), so `roqa report` of the review charts in CFIR
    2.0 as the model's codings were, though the review was saved in CFIR 2009 codes."""
    coded = tmp_path / "coded"
    codings = model_codings()
    codings.meta["chart_codebook"] = "cfir-2022"
    codings.save(coded)
    write_decisions(coded / "decisions.csv", DECISIONS[:1])  # accept IS.E.2
    out = tmp_path / "reviewed"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    assert json.loads((out / "run.json").read_text("utf-8"))["chart_codebook"] == "cfir-2022"
    table = tmp_path / "t.csv"
    run = roqa("report", out, "--table", table)
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        "charting in cfir-2022, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook cfir-2009 charts the codings' own codes"
    )
    with table.open(encoding="utf-8-sig", newline="") as f:
        assert [r["code_id"] for r in csv.DictReader(f)] == ["INS.J"]


def test_apply_decisions_names_every_output_an_earlier_run_left_in_its_folder(
    tmp_path: Path,
) -> None:
    """Before: apply-decisions named only report.html as from an earlier run, while the
    table2.csv, matrix.csv and saturation.csv `roqa report` had made in --out from the earlier
    review (citing a transcript since removed) stayed unnamed; `roqa code` names them all."""
    assert apply_review(tmp_path, DECISIONS).code == 0
    out = tmp_path / "reviewed"
    made = roqa(
        "report", out, "--matrix", out / "matrix.csv", "--table", out / "table2.csv",
        "--saturation", out / "saturation.csv",
    )  # fmt: skip
    assert made.code == 0, made.err
    run = roqa("apply-decisions", tmp_path / "coded", "--coder", "Alice", "--out", out)
    assert run.code == 0, run.err
    said = [" ".join(line.split()) for line in run.err.splitlines()]
    assert said[-2:] == [
        f"roqa: warning: {out / 'report.html'} is from an earlier run and does not show these "
        f"codings (run `roqa report {out}` to rebuild it)",
        f"roqa: warning: {out}: matrix.csv, saturation.csv, table2.csv are from before this run, "
        "which did not rewrite them: a report, table or export among them shows the earlier "
        "codings (make it again from these)",
    ]


def test_a_mistyped_code_id_gets_a_did_you_mean_and_a_listing_command_that_works(
    tmp_path: Path,
) -> None:
    """Before: `IS.E.l` (a letter l for the one) in a review with a new code said "use a code
    id or name listed by `roqa codebook cfir-2009+project`", a command that answers "codebook
    not found", and no "did you mean", which a mistyped name gets."""
    typo = [
        Decision("p01:0003", "new-code", new_code="Agency staff", text=TEXTS[2]),
        Decision("p01:0002", "accept", "IS.E.l", text=TEXTS[1]),
    ]
    run = apply_review(tmp_path, typo)
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {tmp_path / 'coded' / 'decisions.csv'}: row 3: unknown code 'IS.E.l' in "
        "codebook 'cfir-2009+project' (did you mean IS.E.1 Leadership Engagement? `roqa codebook "
        "cfir-2009` lists the codes)\n"
    )
    listed = roqa("codebook", "cfir-2009")
    assert listed.code == 0 and "IS.E.1" in listed.out
    run = apply_review(tmp_path, typo[1:])  # in the built-in codebook alone
    assert run.err == (
        f"roqa: error: {tmp_path / 'coded' / 'decisions.csv'}: row 2: unknown code 'IS.E.l' in "
        "codebook 'cfir-2009' (did you mean IS.E.1 Leadership Engagement? `roqa codebook "
        "cfir-2009` lists the codes)\n"
    )


def test_a_transcript_with_nothing_to_review_counts_as_reviewed_with_nothing_coded(
    cfir: Codebook,
) -> None:
    """Tester s39 (framework, 2): an interview with nothing to code (a dropped call: greetings,
    consent and small talk only, every segment procedural or set aside) can have no decision,
    so it was "not reviewed" forever (saturation: "1 transcript(s) not reviewed yet are left
    out of the judgement"), though the report showed it "0 of 0 reviewed". With nothing to
    decide it is reviewed, with nothing coded, as a no-code row on its small talk made it."""
    codings = model_codings()
    words = ["Hello, can you hear me?", "The dog ate a sock this week."]
    text = " ".join(words)
    codings.transcripts["p03"] = Transcript(
        "p03", text, [Turn("P03", "participant", 0, len(text))], participant="P03"
    )
    hello = Segment("p03:0001", "p03", "P03", "participant", 0, len(words[0]), words[0])
    sock = Segment("p03:0002", "p03", "P03", "participant", len(words[0]) + 1, len(text), words[1])
    codings.segments += [
        SegmentResult(hello, [Suggestion("IS.C", "Culture", "IS", 0.3)], procedural=True),
        SegmentResult(
            sock, [Suggestion("IC.F", "Complexity", "IC", 0.2)], novel=True, off_topic=True
        ),
    ]
    with pytest.warns(RoqaWarning):
        reviewed, _, counts = reviewed_codings(DECISIONS, codings, cfir, coder="Alice")
    assert list(reviewed.transcripts) == ["p01", "p03"]
    assert reviewed.meta["transcripts_not_reviewed"] == ["p02"]  # it has a segment to review
    assert reviewed.meta["participants_not_reviewed"] == ["P02"]
    assert reviewed.meta["study_interviews"] == ["p01", "p02", "p03"]
    # nothing decided on it: no segment of it among the reviewed ones, none counted
    assert reviewed.meta["reviewed_segments"] == [f"p01:000{n}" for n in range(1, 6)]
    assert (counts["segments"], counts["rejected"]) == (3, 2)
    sat = saturation(reviewed, initial_sample=1, stopping_criterion=1)
    assert [r[1:9] for r in sat.rows()[1:]] == [
        ["p01", "P01", 4, "IC.F Complexity; IS.B Networks & Communications; IS.E.2 Available "
         "Resources; Agency staff", "", 4, 0, "initial sample"],
        ["p02", "P02", "", "", "", "", "", "not reviewed"],
        ["p03", "P03", 0, "", "", 4, 0, "nothing coded, not counted (still 0 of 1 without new "
         "codes)"],
    ]  # fmt: skip
    # the rule's options end every row, the one not reviewed too (s59 sat, item 2)
    assert [r[9:] for r in sat.rows()[1:]] == [[1, 1, "as coded", 4, 2, 0.05]] * 3
    assert sat.not_reviewed == [("p02", "P02", 2)]


def test_each_output_counts_the_unsure_valences_it_marks(cfir: Codebook) -> None:
    """Tester s57 (opencode, LOW 4): the matrix's About sheet carried Table 2's count of
    segments marked valence unsure (6), which leaves out the neutral, beside 8 marked in the
    matrix's Quotes sheet, and so did saturation.xlsx, which marks no valence. The matrix counts
    the neutral it charts too, Table 2 its barriers and enablers, saturation none."""
    from roqa_nlp.framework import barriers_enablers, framework_matrix

    model = model_codings()
    neutral = {"p01:0002", "p01:0004"}  # the model reads them neutral, below 60%
    for s in model.segments:
        if s.segment.id in neutral:
            s.suggestions = [dataclasses.replace(g, valence="neutral") for g in s.suggestions]
    rows = [
        Decision("p01:0001", "new-code", new_code="Lived experience", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="Lived experience", text=TEXTS[1]),
        Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
        Decision("p01:0004", "accept", "IS.E.2", text=TEXTS[3]),
        Decision("p01:0005", "reject", "IS.E.2", text=TEXTS[4]),
    ]
    reviewed, book, _ = reviewed_codings(rows, model, cfir, coder="Alice")
    matrix = framework_matrix(reviewed, codebook=book, quotes=2)  # as roqa report --matrix
    marked = {q.segment_id for c in matrix.cells.values() for q in c.quotes if q.valence_unsure}
    assert marked == {"p01:0003", "p01:0004"}  # the new code given no valence has none (s68)
    assert "Alice gave no valence to 2 of them, counted as neutral, each given a new code." in (
        matrix.note
    )
    assert "guess" not in matrix.note
    # codings a roqa before session 68 wrote gave such a new code the model's valence, its guess,
    # marked unsure (codings read back keep it): each output counts what it marks of them
    for s in reviewed.segments[:2]:
        model_valence = model.segments[int(s.segment.id[-1]) - 1].suggestions[0].valence
        s.suggestions = [
            dataclasses.replace(g, valence=model_valence, valence_probability=0.55)
            for g in s.suggestions
        ]
    reviewed.meta.pop("valence_not_given")
    matrix = framework_matrix(reviewed, codebook=book, quotes=2)
    marked = {q.segment_id for c in matrix.cells.values() for q in c.quotes if q.valence_unsure}
    assert marked == {"p01:0001", "p01:0002", "p01:0003", "p01:0004"}
    assert (
        "Alice gave no valence to 2 segments of a new code: they keep the model's guess"
        in matrix.note
    )
    assert "Alice gave 2 segments a code already in the codebook and no valence" in matrix.note
    table = barriers_enablers(reviewed, book)
    # Table 2's counts are of the segments it shows, and its note says so (tester s65 open, 3:
    # its 27 and 5 beside the About sheet's 30 and 6 read as two counts of one thing), once,
    # leading both counts (hunt s65 h_open D6: it read as said of "a new code", and twice)
    assert (
        " Of this table's barriers and enablers, Alice gave no valence to 1 segment of a new "
        "code: it keeps the model's guess (a valence learnt on CFIR talk), marked valence "
        "unsure; Alice gave 1 segment a code already in the codebook and no valence: it keeps "
        "the model's "
        "valence, below 60%, marked valence unsure (accepting a code confirms the code, not its "
        "side)."
    ) in table.note
    assert table.note.count("this table") == 1
    assert "this table" not in matrix.note
    assert "valence" not in saturation(reviewed, codebook=book).note


def test_a_new_code_given_no_valence_has_none_not_the_models_of_another_code(
    cfir: Codebook, tmp_path: Path
) -> None:
    """Newcomer s68: a reviewer's new code given no valence took the valence the model gave
    another code on the segment, so Table 2 listed "Manager's own grief" under Enablers (marked
    \u2021, "the model's guess for a new code", since tester s42). The model read the talk as a
    CFIR code's side, not as the reviewer's theme: the new code has no valence (neutral, listed
    as given none), so Table 2 counts it with the neutral segments, out of its columns, as the
    matrix and the codings show it. A valence the reviewer gave is kept; a code they accepted
    keeps the model's, as before."""
    from roqa_nlp.decisions import project_code_id
    from roqa_nlp.framework import barriers_enablers, framework_matrix
    from roqa_nlp.report import render_report

    model = model_codings()
    for s in model.segments:
        s.suggestions = [
            dataclasses.replace(g, valence="enabler", valence_probability=0.78)
            for g in s.suggestions
        ]
    rows = [
        Decision("p01:0001", "new-code", new_code="Manager's own grief", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="Manager's own grief", text=TEXTS[1]),
        Decision("p01:0002", "valence", text=TEXTS[1], valence="barrier"),
        Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
    ]
    reviewed, book, _ = reviewed_codings(rows, model, cfir, coder="Alice")
    grief = project_code_id("Manager's own grief")
    assert {
        s.segment.id: [(g.code_id, g.valence, g.valence_probability) for g in s.suggestions]
        for s in reviewed.segments
    } == {
        "p01:0001": [(grief, "neutral", None)],
        "p01:0002": [(grief, "barrier", 1.0)],
        "p01:0003": [("IS.E.2", "enabler", 0.78)],
    }
    assert reviewed.meta["valence_not_given"] == ["p01:0001"]
    assert reviewed.meta["valence_from_model"] == ["p01:0003"]
    table = barriers_enablers(reviewed, book)
    sides = {
        q.segment_id: (q.code_id, q.valence, q.unsure)
        for d in table.domains
        for c in d.constructs
        for side in (c.barriers, c.enablers)
        for q in side.quotes
    }
    assert sides == {
        "p01:0002": (grief, "barrier", ""),
        "p01:0003": ("IS.E.2", "enabler", ""),
    }
    row = table.construct(grief)
    assert row is not None
    assert (row.barriers.segments, row.enablers.segments, row.neutral.segments) == (1, 0, 1)
    assert table.neutral_segments == 1
    assert (
        "Charted from the codes Alice gave: 3 of 5 reviewable participant segments of the "
        "reviewed transcripts (2 undecided). Alice gave no valence to 1 of them, counted as "
        "neutral, given a new code. Left out" in table.note
    )
    assert "guess" not in table.note
    matrix = framework_matrix(reviewed, codebook=book, quotes=2)
    assert [
        (q.segment_id, q.valence, q.valence_unsure)
        for (_, code), cell in matrix.cells.items()
        if code == grief
        for q in cell.quotes
    ] == [("p01:0001", "neutral", False), ("p01:0002", "barrier", False)]
    assert "guess" not in matrix.note
    html = render_report(reviewed, book)
    assert "the model&#39;s guess for a new code" not in html


def test_a_new_code_given_no_valence_beside_an_accepted_code_is_counted_and_said_as_one(
    cfir: Codebook, tmp_path: Path
) -> None:
    """Hunt s68 h_small (1): on a segment where the reviewer also accepted a model code, a new
    code given no valence is neutral, but only the segment-level ``valence_not_given`` was read,
    and such a segment is listed in ``valence_from_model`` (the accepted code keeps the model's):
    Table 2's and the matrix's notes said "gave no valence to 1 of them" where 2, the report
    said "neutral" for it but "no valence given" for a lone new code, and the matrix cells
    differed alike. Both new codes are now given no valence in every output."""
    from docx import Document

    from roqa_nlp.decisions import project_code_id
    from roqa_nlp.framework import barriers_enablers, framework_matrix
    from roqa_nlp.report import render_report

    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0001", "new-code", new_code="Lockdown isolation", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="COVID-19 disruption", text=TEXTS[1]),
    ]
    reviewed, book, _ = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    lockdown, covid = project_code_id("Lockdown isolation"), project_code_id("COVID-19 disruption")
    assert {
        s.segment.id: [(g.code_id, g.valence, g.valence_probability) for g in s.suggestions]
        for s in reviewed.segments
    } == {
        "p01:0001": [("IS.E.2", "barrier", 0.55), (lockdown, "neutral", None)],
        "p01:0002": [(covid, "neutral", None)],
    }
    assert reviewed.meta["valence_from_model"] == ["p01:0001"]
    assert reviewed.meta["valence_not_given"] == ["p01:0002"]
    said = "Alice gave no valence to 2 of them, counted as neutral, each given a new code."
    table = barriers_enablers(reviewed, book)
    assert said in table.note
    table.to_docx(tmp_path / "t2.docx")
    text = "\n".join(p.text for p in Document(str(tmp_path / "t2.docx")).paragraphs)
    assert said in text
    matrix = framework_matrix(reviewed, codebook=book, quotes=1)
    assert said in matrix.note
    assert {
        code: (cell.neutral, cell.no_valence, cell.summary().split(" | ")[0])
        for (_, code), cell in matrix.cells.items()
    } == {
        "IS.E.2": (0, 0, "1 segment: 1 barrier"),
        lockdown: (1, 1, "1 segment: 1 given no valence"),
        covid: (1, 1, "1 segment: 1 given no valence"),
    }
    html = render_report(reviewed, book)
    given = re.findall(r'class="val v-(\w+)[^>]*>([^<]+)</span></li>', html)
    # the accepted code keeps the model's valence at 0.55: marked unsure, as Table 2 marks it
    assert given == [("barrier", "barrier?"), ("none", "no valence given"), ("none", "no valence given")]  # fmt: skip
    # codings written before session 68 gave the new code the model's valence, its guess: read
    # as they were, not as given none
    first = reviewed.segments[0]
    first.suggestions[1] = dataclasses.replace(first.suggestions[1], valence="barrier", valence_probability=0.55)  # fmt: skip
    matrix = framework_matrix(reviewed, codebook=book, quotes=1)
    assert "Alice gave no valence to 1 of them, counted as neutral, given a new code." in (
        matrix.note
    )
    cell = next(c for (_, code), c in matrix.cells.items() if code == lockdown)
    assert (cell.no_valence, [q.valence_guessed for q in cell.quotes]) == (0, [True])


def test_a_valence_alone_on_an_undecided_segment_is_said_so_with_what_to_do(
    tmp_path: Path,
) -> None:
    """Blind tester, session 42: a valence correction on a segment whose code was right but not
    accepted was counted as "on segments given no code", though the segment was undecided. It
    is now said apart from one on a segment decided to have no code, with the segment and the
    fix (accept or recode its code too)."""
    undecided = Decision("p02:0001", "valence", text=TEXTS[0], valence="enabler")
    no_code = Decision("p01:0004", "valence", text=TEXTS[3], valence="barrier")
    run = apply_review(tmp_path, [*DECISIONS, undecided, no_code])
    assert run.code == 0, run.err
    assert (
        "left out: 1 code decision(s) on no segment of the codings, 1 valence correction(s) on "
        "segments given no code, 1 valence correction(s) on segments not decided (accept or "
        "recode their code too). Only these are charted and compared."
    ) in " ".join(run.out.split())
    assert (
        "1 valence correction(s) on segments not decided, left out: p02:0001 (row 13); a valence alone decides nothing: accept or recode the "
        "segment's code too"
    ) in " ".join(run.err.split())


def with_procedural(result: CodingResult, segment_id: str) -> CodingResult:
    """``result`` with segment ``segment_id`` flagged procedural talk (set aside from review)."""
    return CodingResult(
        [
            dataclasses.replace(s, procedural=True) if s.segment.id == segment_id else s
            for s in result.segments
        ],
        result.transcripts,
        result.meta,
    )


def test_the_summary_gives_the_decided_of_the_reviewable_segments_and_names_the_undecided(
    tmp_path: Path,
) -> None:
    """As a methods section reports it: decided of reviewable (procedural talk set aside, said),
    the undecided named. Before: '2 of 6 segment(s) decided', the procedural segment counted
    in the denominator and the 3 undecided nowhere (s43 writeup: '86 of 108 segment(s)
    decided' for 86 of 88 reviewable, 20 procedural, 2 undecided)."""
    coded = tmp_path / "coded"
    with_procedural(model_codings(), "p01:0004").save(coded)
    write_decisions(coded / "decisions.csv", DECISIONS[:3])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).startswith(
        "Alice's review: 2 of 4 reviewable segments decided in the 1 reviewed transcript (1 "
        "procedural set aside; 2 undecided: p01:0003, p01:0005): 2 coded with 2 distinct codes (2 codings: 1 "
        "accept, 1 recode), 0 with every suggestion rejected and no code; 1 transcript (1 "
        "reviewable segment) not reviewed yet: p02. Only these are charted and compared."
    )


def test_transcripts_the_review_did_not_reach_are_said_as_not_reviewed_yet_not_undecided(
    tmp_path: Path,
) -> None:
    """Learn tester, session 54: after re-coding 6 transcripts, 3 of them reviewed, the summary
    said "26 of 50 reviewable segments decided (24 undecided: rm04:0003 ...), in 3 of 6
    transcript(s)", the 24 "undecided" all in the 3 transcripts never opened. Now the decided
    are counted of the reviewed transcripts' reviewable segments, the undecided named are
    theirs, and the transcripts not reached are named apart with their reviewable segments;
    a review reaching every transcript says so."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    write_decisions(coded / "decisions.csv", DECISIONS[:2])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "partial")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert said.startswith(
        "Alice's review: 2 of 5 reviewable segments decided in the 1 reviewed transcript (3 "
        "undecided: p01:0003, p01:0004, p01:0005): 2 coded with 2 distinct codes (2 codings: 1 accept, 1 recode), "
        "0 with every suggestion rejected and no code; 1 transcript (1 reviewable segment) not "
        "reviewed yet: p02. Only these are charted and compared."
    )
    p02 = Decision("p02:0001", "accept", "IS.E.2", text=TEXTS[0])
    write_decisions(coded / "decisions.csv", [*DECISIONS[:10], p02])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "whole")
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).startswith(
        "Alice's review: 6 of 6 reviewable segments decided in all 2 transcripts: 4 coded with "
        "4 distinct codes (5 codings: 3 accept, 1 recode, 1 new-code), 2 with every suggestion rejected and no "
        "code. Only these are charted and compared."
    )


def test_a_partly_rejected_segment_is_said_among_the_undecided_not_counted_again(
    tmp_path: Path,
) -> None:
    """Terminal tester, session 45: a segment with one suggestion rejected and the other
    undecided was named under "undecided" and counted again under "left out: 1 segment(s) with
    some suggestions rejected", which read as one more segment than there was."""
    coded = tmp_path / "coded"
    with_procedural(model_codings(), "p01:0004").save(coded)
    partly = Decision("p01:0003", "reject", "IS.E.2", text=TEXTS[2])
    write_decisions(coded / "decisions.csv", [*DECISIONS[:3], partly])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).startswith(
        "Alice's review: 2 of 4 reviewable segments decided in the 1 reviewed transcript (1 "
        "procedural set aside; 2 undecided: p01:0003, p01:0005, 1 of them with some suggestions "
        "rejected and the others undecided (accept one, or reject every suggestion shown)): 2 "
        "coded with 2 distinct codes (2 codings: 1 accept, 1 recode), 0 with every suggestion rejected and no "
        "code; 1 transcript (1 reviewable segment) not reviewed yet: p02. Only these are "
        "charted and compared."
    )


def test_a_segment_given_a_no_code_row_alone_is_not_said_to_have_its_suggestions_rejected(
    tmp_path: Path,
) -> None:
    """Writeup tester, session 56, finding 4: of one segment with every suggestion rejected
    (and a no-code row) and one given a no-code row only, the summary said "2 with every
    suggestion rejected and no code". Each is now said as what it was given; both decided."""
    no_code = Decision("p01:0003", "no-code", text=TEXTS[2])
    run = apply_review(tmp_path, [*DECISIONS[:2], *DECISIONS[5:7], no_code])
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).startswith(
        "Alice's review: 4 of 5 reviewable segments decided in the 1 reviewed transcript (1 "
        "undecided: p01:0005): 2 coded with 2 distinct codes (2 codings: 1 accept, 1 recode), 1 with every "
        "suggestion rejected and no code, 1 given no code by a no-code row; 1 transcript (1 "
        "reviewable segment) not reviewed yet: p02. Only these are charted and compared."
    )


def test_table_2_of_a_review_counts_the_reviewable_segments_as_the_summary_does(
    cfir: Codebook,
) -> None:
    """Table 2's note has the summary's denominator: '2 of 4 reviewable', not '2 of 2', of the
    transcript reviewed (p02, not reached, is named as such, not counted undecided)."""
    from roqa_nlp.framework import barriers_enablers

    rows = DECISIONS[:3]
    reviewed, _, _ = reviewed_codings(
        rows, with_procedural(model_codings(), "p01:0004"), cfir, coder="Alice"
    )
    assert barriers_enablers(reviewed, codebook=cfir).note == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from the "
        "codes Alice gave: 2 of 4 reviewable participant segments of the reviewed transcripts (1 "
        "procedural set aside; 2 undecided). Of this table's barriers and enablers, Alice gave 1 "
        "segment a code already in the codebook and no valence: it keeps the "
        "model's valence, below 60%, marked valence unsure (accepting a code confirms the code, "
        "not its side). Left out as not reviewed yet: 2 undecided segments of the reviewed "
        "transcripts and 1 transcript the review did not reach (p02)."
    )  # p01:0001 accepted, its valence the model's at 0.55


def test_a_new_code_is_charted_under_new_codes_by_its_name_alone(cfir: Codebook) -> None:
    """A code from a new-code decision is charted in Table 2 under 'New codes (open coding and
    review)' (its heading kept as data), not 'Codes', and read by its name, not
    'project.agency-staff Agency
    staff' (s43 writeup: 'project.building-and-physical-environment Building and physical
    environment' in the matrix header and saturation's new codes); its id stays in the
    machine-readable columns."""
    from roqa_nlp.codebook import named_code
    from roqa_nlp.framework import barriers_enablers, framework_matrix
    from roqa_nlp.report import render_report

    reviewed, book, _ = reviewed_codings(DECISIONS, model_codings(), cfir, coder="Alice")
    table = barriers_enablers(reviewed, codebook=book)
    assert [(d.id, d.name) for d in table.domains] == [
        ("IC", "Intervention Characteristics"),
        ("IS", "Inner Setting"),
        ("project", "New codes (open coding and review)"),
    ]
    assert named_code("project.agency-staff", "Agency staff") == "Agency staff"
    assert named_code("IS.E.2", "Available Resources") == "IS.E.2 Available Resources"
    matrix = framework_matrix(reviewed, codebook=book)
    assert matrix.column_label("project.agency-staff") == "Agency staff"
    assert "project.agency-staff" in reviewed.to_dataframe().to_csv()
    html = render_report(reviewed, book)
    assert '<th colspan="4" scope="rowgroup">New codes (open coding and review)</th>' in html
    assert '<th scope="row">Agency staff</th>' in html
    assert '<th scope="col" title="Agency staff">Agency staff</th>' in html
    assert "project.agency-staff Agency staff" not in html


def test_a_new_code_is_described_as_made_in_open_coding_or_review() -> None:
    """Tester learning, s59: "Peer support workers", named on segments of the review (not of
    the open-coding queue), was described as "Project code created during open coding" and
    charted under "New codes (open coding)"; a new-code row may be on either. The earlier
    description still tells the name a code was created under (a QDA project exported then)."""
    from roqa_nlp.decisions import created_as, project_codebook

    book = project_codebook(
        Codebook.load("cfir-2009"),
        [Decision("rm12:0005", "new-code", new_code="Peer support workers", text="We hired.")],
    )
    code = book.find("project.peer-support-workers")
    assert code is not None
    assert (
        code.description == "Project code created in open coding or review: Peer support workers."
    )
    assert created_as(code.description) == "Peer support workers"
    assert created_as("Project code created during open coding: Alert fatigue.") == "Alert fatigue"
    assert created_as("Staff who have used services.") is None


def test_the_summary_says_how_many_accepted_codes_keep_an_unsure_valence_and_what_to_do(
    tmp_path: Path,
) -> None:
    """p01:0001 (accepted) and p01:0003 (a new code and an accepted code) keep the model's
    valence at 0.55, below 0.6: marked valence unsure (‡) in the reviewed outputs, as the rule
    keeps it (docs/report.md); the summary says so in one line, with what to do. p01:0002 was
    given a valence: sure. Before, nothing said it (s43 writeup)."""
    run = apply_review(tmp_path, DECISIONS)
    assert run.code == 0, run.err
    assert (
        "2 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not "
        "its valence: p01:0001, p01:0003; set their "
        "valence in the review to confirm the side (its valence buttons, the model's side too, "
        "or a row such as p01:0001,valence,,,,,barrier in the decisions file), then apply the "
        "decisions again."
    ) in " ".join(run.out.split())
    sure = [*DECISIONS, *(dataclasses.replace(d, decision="valence", valence="barrier") for d in DECISIONS[:1] + DECISIONS[3:4])]  # fmt: skip
    run = apply_review(tmp_path / "sure", sure)
    assert run.code == 0, run.err
    assert "unsure valence" not in run.out


def test_apply_decisions_names_the_file_it_read_and_a_report_carrying_another_review(
    tmp_path: Path,
) -> None:
    """Hunt s43 (weeks): `roqa report coded/ --decisions Downloads/decisions.csv` carried the
    week-3 review (58 segments) into report.html; `roqa apply-decisions coded/` then read the
    week-2 coded/decisions.csv (38 segments) without naming it, and 20 decided segments were
    left out of the reviewed codings unsaid. It names the file it read, and warns when the
    folder's report.html carries decisions that file does not hold."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    download = tmp_path / "Downloads" / "decisions.csv"
    download.parent.mkdir()
    write_decisions(download, DECISIONS)
    assert roqa("report", coded, "--decisions", download).code == 0
    write_decisions(coded / "decisions.csv", DECISIONS[:2])  # the earlier review, beside
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert f"Decisions read from {coded / 'decisions.csv'} (found beside the codings)." in said
    assert [" ".join(line.split()) for line in run.err.splitlines()] == [
        f"roqa: warning: {coded / 'report.html'} carries a review with decisions that "
        f"{coded / 'decisions.csv'}, read here, does not hold (report.html: 9 decisions on 5 "
        "segments, 3 of them decided there only; decisions.csv: 2 on 2): to apply the review the "
        "report shows, give the file it was saved to with --decisions FILE, or move that "
        f"download into {coded} as decisions.csv"
    ]
    # the review the report carries, given: named, and nothing to warn of
    run = roqa(
        "apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r2",
        "--decisions", download,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert f"Decisions read from {download}." in " ".join(run.out.split())
    assert "carries a review" not in run.err
    # a newer review saved beside than the report carries is no cause for warning
    more = Decision("p01:0001", "valence", text=TEXTS[0], valence="barrier")
    write_decisions(coded / "decisions.csv", [*DECISIONS, more])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r3")
    assert run.code == 0, run.err
    assert "carries a review" not in run.err


def test_a_report_carrying_notes_valences_or_short_rejections_the_file_lacks_is_no_cause(
    tmp_path: Path,
) -> None:
    """Hunt s43 (2), D1: the warning fired on rows that decide nothing. With the page carrying a
    rejection of one of p01:0004's two suggestions, a valence alone on p02:0001 and a note on
    p01:0001, and the file beside not, it said '2 of them decided there only' (p01:0004 and
    p02:0001, neither decided); a note alone warned too. Only segments the page decides, as
    apply-decisions decides, and the file does not are cause, and they are what is counted."""
    base = [d for d in DECISIONS if d.segment_id != "p01:0004"]
    page = [
        *base,
        Decision("p01:0004", "reject", "IS.E.2", text=TEXTS[3]),  # short of all: undecided
        Decision("p02:0001", "valence", text=TEXTS[0], valence="barrier"),
        Decision("p01:0001", "note", note="ask about rota", text=TEXTS[0]),
    ]
    coded = tmp_path / "coded"
    model_codings().save(coded)
    download = tmp_path / "decisions.csv"
    write_decisions(download, page)
    assert roqa("report", coded, "--decisions", download).code == 0
    write_decisions(coded / "decisions.csv", base)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r1")
    assert run.code == 0, run.err
    assert "carries a review" not in run.err
    # p01:0003 (a new code and an accept) and p01:0005 (all rejected) decided in the page only
    kept = [d for d in base if d.segment_id in ("p01:0001", "p01:0002")]
    write_decisions(coded / "decisions.csv", kept)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r2")
    assert run.code == 0, run.err
    assert [" ".join(line.split()) for line in run.err.splitlines()] == [
        f"roqa: warning: {coded / 'report.html'} carries a review with decisions that "
        f"{coded / 'decisions.csv'}, read here, does not hold (report.html: 9 decisions on 6 "
        "segments, 2 of them decided there only; decisions.csv: 3 on 2): to apply the review the "
        "report shows, give the file it was saved to with --decisions FILE, or move that "
        f"download into {coded} as decisions.csv"
    ]


def test_the_unsure_valence_line_names_no_new_code_given_no_valence(tmp_path: Path) -> None:
    """Hunt s43 (2): a new code given no valence kept the model's guess, marked valence unsure
    whatever its probability, and the line named it. Since newcomer s68 it has no valence (the
    model's was of another code), so nothing of it is unsure: p01:0003's new code at 0.70 is
    not named; p01:0001 accepted at 0.55 is; p01:0002, given a valence, sure."""
    codings = model_codings()
    for s in codings.segments:
        if s.segment.id == "p01:0003":
            s.suggestions[:] = [dataclasses.replace(g, valence_probability=0.7) for g in s.suggestions]  # fmt: skip
    coded = tmp_path / "coded"
    codings.save(coded)
    write_decisions(coded / "decisions.csv", [*DECISIONS[:4], DECISIONS[5], DECISIONS[6]])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    assert (
        "1 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not "
        "its valence: p01:0001; set their "
        "valence in the review to confirm the side (its valence buttons, the model's side too, "
        "or a row such as p01:0001,valence,,,,,barrier in the decisions file), then apply the "
        "decisions again."
    ) in " ".join(run.out.split())
    reviewed = CodingResult.read(tmp_path / "reviewed")
    assert [(g.valence, g.valence_probability) for g in reviewed.segments[2].suggestions] == [
        ("neutral", None)
    ]
    assert reviewed.meta["valence_not_given"] == ["p01:0003"]


def test_the_summary_names_the_new_codes_given_no_valence_and_how_to_give_one(
    tmp_path: Path,
) -> None:
    """Hunt s68 h_small (2, 3): since a new code given no valence has none (not the model's
    guess), the summary said nothing of it, and its unsure-valence line still spoke of "its
    guess for a new code" and of adding a code. One line now names the segments of a new code
    given no valence (p01:0001 beside an accepted code, p01:0002 alone; not p01:0003, given a
    barrier) with how to give one a side. A project code a model trained on an earlier review
    suggested, accepted with no valence, has none too (study10 tester, s80 D2: it kept the
    valence head's guess, charted as an enabler while the same code's new-code rows were
    neutral): named with the new codes, never as the model's guess."""
    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0001", "new-code", new_code="Lockdown isolation", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="COVID-19 disruption", text=TEXTS[1]),
        Decision("p01:0003", "new-code", new_code="COVID-19 disruption", text=TEXTS[2]),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier"),
    ]
    run = apply_review(tmp_path, rows)
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert (
        "1 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not its "
        "valence: p01:0001; set their valence"
    ) in out
    assert (
        "2 coded segment(s) have a new code given no valence, charted as neutral, neither "
        "barrier nor enabler: p01:0001, p01:0002; to give one a side, set the segment's valence "
        "in the review (its valence buttons, or a row such as p01:0001,valence,,,,,barrier in "
        "the decisions file), then apply the decisions again."
    ) in out
    assert "guess" not in out
    # a project code a model trained on the review suggests, accepted: none, as a new code's
    coded = tmp_path / "retrained"
    retrained = retrained_model_codings(Codebook.load("cfir-2009"))
    staff = retrained.segments[2].suggestions
    staff[0] = dataclasses.replace(staff[0], valence="enabler", valence_probability=0.52)
    retrained.save(coded)
    write_decisions(
        coded / "decisions.csv",
        [Decision("p01:0003", "accept", "project.agency-staff", text=TEXTS[2])],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "again")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert (
        "1 coded segment(s) have a new code given no valence, charted as neutral, neither "
        "barrier nor enabler: p01:0003; to give one a side"
    ) in out
    assert "guess" not in out
    assert "keep a valence the model gave" not in out
    reviewed = CodingResult.load(tmp_path / "again")
    (given,) = reviewed.segments[0].suggestions
    assert (given.code_id, given.valence, given.valence_probability) == (
        "project.agency-staff",
        "neutral",
        None,
    )
    assert reviewed.meta["valence_not_given"] == ["p01:0003"]
    row = barriers_enablers(reviewed).construct("project.agency-staff")
    assert row is not None
    assert (row.barriers.segments, row.enablers.segments, row.neutral.segments) == (0, 0, 1)


def test_set_aside_talk_the_review_decides_counts_among_the_reviewable_everywhere(
    cfir: Codebook,
) -> None:
    """Hunt s43 (2): a small-talk segment given a new code (p02:0005) was counted by
    apply-decisions ('16 of 50 reviewable'), but not by the report's progress ('15 of 49
    reviewed') nor by saturation ('partly reviewed (14 of 15 segments undecided)', though 2
    were decided). Set-aside talk the review decides is reviewed: each counts it in both the
    decided and the reviewable. Here p01:0004 (small talk) is given a new code, p01:0001
    accepted: 2 of 5 decided, 3 undecided (p01:0002, 0003, 0005), p01:0004 no longer set aside."""
    codings = model_codings()
    codings.segments[3] = dataclasses.replace(codings.segments[3], novel=True, off_topic=True)
    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0004", "new-code", new_code="Weather", text=TEXTS[3]),
    ]
    reviewed, _, counts = reviewed_codings(rows, codings, cfir, coder="Alice")
    assert reviewed.meta["review_scope"] == {
        "participant_segments": 6,
        "procedural": 0,
        "small_talk": 0,
        "not_reviewed_segments": 1,
        "not_reviewed_procedural": 0,
        "not_reviewed_small_talk": 0,
    }
    assert reviewed.meta["undecided_segments"] == {"p01": [3, 5]}
    # undecided small talk stays set aside, and out of the transcript's count
    reviewed, _, _ = reviewed_codings(rows[:1], codings, cfir, coder="Alice")
    assert reviewed.meta["review_scope"]["small_talk"] == 1
    assert reviewed.meta["undecided_segments"] == {"p01": [3, 4]}


def test_valences_the_reviewer_did_not_set_are_left_out_of_valence_agreement(
    tmp_path: Path,
) -> None:
    """Tester (session 45): a review whose decisions file has no valence column gave every
    accepted code the model's valence, and `roqa agree` then read the model agreeing with
    itself as the reviewer agreeing with it ("valence, Alice - coded: agreement 100%, kappa
    1.000"). The review records which segments keep the model's valence; agree leaves them out
    of valence agreement, with a line saying how many and why."""
    review = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),  # no valence: the model's
        Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier"),
        Decision("p01:0005", "accept", "IS.E.2", text=TEXTS[4]),
        Decision("p01:0005", "valence", text=TEXTS[4], valence="enabler"),
    ]
    assert apply_review(tmp_path, review).code == 0
    coded, out = tmp_path / "coded", tmp_path / "reviewed"
    assert json.loads((out / "run.json").read_text("utf-8"))["valence_from_model"] == ["p01:0001"]
    run = roqa("agree", coded, out, "--json", tmp_path / "agree.json")
    assert run.code == 0, run.err
    valence = json.loads((tmp_path / "agree.json").read_text("utf-8"))["valence"]
    # p01:0003 barrier (agreed), p01:0005 enabler (not); p01:0001 left out
    assert (valence["n_pairs"], valence["n_without_valence"]) == (2, 1)
    assert valence["percent_agreement"] == 0.5
    said = " ".join(run.out.split())
    assert (
        "Alice: 1 coded segment keeps the valence the model gave (the review set none there, "
        "roqa apply-decisions): not counted as Alice's valence, so left out of valence "
        "agreement (p01:0001)." in said
    )


def test_valences_a_review_set_are_reported_as_changes_not_as_agreement(
    tmp_path: Path,
) -> None:
    """Seed replication (session 48): `roqa agree codedA/ reviewedA/` printed valence
    "agreement 0.0% ... kappa -0.141 (poor)" on n=9: with the kept valences left out, only
    those the reviewer set are compared, mostly corrections, so agreement is low by
    construction. The line says how many the reviewer set and changed instead (the JSON keeps
    the figures, and says whose review it is)."""
    review = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),  # no valence: the model's
        Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier"),
        Decision("p01:0005", "accept", "IS.E.2", text=TEXTS[4]),
        Decision("p01:0005", "valence", text=TEXTS[4], valence="enabler"),
    ]
    assert apply_review(tmp_path, review).code == 0
    coded, out = tmp_path / "coded", tmp_path / "reviewed"
    run = roqa("agree", coded, out, "--json", tmp_path / "agree.json")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        "n=2 unit-code pairs): Alice, reviewing coded's suggestions, changed the valence on 1 "
        "of the 2 Alice set (the model's valence, kept on 1 coded segment, is not counted as "
        "Alice's). No agreement figure: a review sets a valence mostly to correct the model's, "
        "so agreement over the valences it set is low by construction (docs/agreement.md)."
    ) in said
    assert "agreement 50.0%" not in said
    pair = json.loads((tmp_path / "agree.json").read_text("utf-8"))["valence"]["pairs"][0]
    assert (pair["reviewed_by"], pair["kept"], pair["percent_agreement"]) == ("Alice", 1, 0.5)


def test_a_review_that_set_valences_mostly_as_the_model_gave_them_is_said_anchored(
    tmp_path: Path,
) -> None:
    """Tester agree2, session 79: a reviewer who set a valence on 29 passages and kept the
    model's on 23 was said to set them "mostly to correct the model's", agreement "low by
    construction". The reason follows the counts: here 1 changed of 3 set."""
    review = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
        Decision("p01:0001", "valence", text=TEXTS[0], valence="barrier"),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1]),  # no valence: the model's
        Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier"),
        Decision("p01:0005", "accept", "IS.E.2", text=TEXTS[4]),
        Decision("p01:0005", "valence", text=TEXTS[4], valence="enabler"),
    ]
    assert apply_review(tmp_path, review).code == 0
    run = roqa("agree", tmp_path / "coded", tmp_path / "reviewed")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        "Alice, reviewing coded's suggestions, changed the valence on 1 of the 3 Alice set (the "
        "model's valence, kept on 1 coded segment, is not counted as Alice's). No agreement "
        "figure: Alice set them with the model's in view, and kept it on 2 of them, so "
        "agreement with the model is anchored on its valences, not independent "
        "(docs/agreement.md)."
    ) in said
    assert "low by construction" not in said


def test_reviewed_codings_of_a_decisions_file_records_its_path(
    cfir: Codebook, tmp_path: Path
) -> None:
    # s47 tester: reviewed_codings(decisions, ...) from Python wrote "decisions": "decisions"
    # (where='s placeholder) in run.json, where roqa apply-decisions records the file
    path = tmp_path / "decisions.csv"
    rows = DECISIONS[:2]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["segment_id", "decision", "code_id", "text"]]
            + [[d.segment_id, d.decision, d.code_id, d.text] for d in rows]
        )
    from_file, _, _ = reviewed_codings(path, model_codings(), cfir, coder="Alice")
    in_memory, _, _ = reviewed_codings(rows, model_codings(), cfir, coder="Alice")
    assert from_file == in_memory
    # typed outside the current folder: its name alone, no folder outside the study (privacy,
    # s67: "/home/jane.doe/Site Leeds/coded/decisions.csv" reached run.json)
    assert from_file.meta["decisions"] == "decisions.csv"
    assert in_memory.meta["decisions"] is None  # no file: none named
    named, _, _ = reviewed_codings(rows, model_codings(), cfir, coder="Alice", where="d.csv")
    assert named.meta["decisions"] == "d.csv"


def test_a_decisions_file_typed_outside_the_study_is_recorded_without_its_folders(
    cfir: Codebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """roqa apply-decisions' run.json names the decisions file as the model card does
    (roqa_nlp.io.path_to_record): relative to here when here is the folder the codings' folder
    is in or below it, else to that folder (run from elsewhere: hunt s67 h_last D1), else by
    name; a path typed relative, not climbing out, as typed."""
    study = tmp_path / "jane.doe" / "Site Leeds"
    model_codings().save(study / "coded")
    codings = CodingResult.read(study / "coded")
    path = study / "coded" / "review" / "decisions.csv"
    path.parent.mkdir()
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [["segment_id", "decision", "code_id", "text"]]
            + [[d.segment_id, d.decision, d.code_id, d.text] for d in DECISIONS[:2]]
        )

    def recorded(typed: str | Path) -> str:
        return reviewed_codings(typed, codings, cfir, coder="Alice")[0].meta["decisions"]

    monkeypatch.chdir(study)
    assert recorded(path) == str(Path("coded", "review", "decisions.csv"))
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert recorded(path) == str(Path("coded", "review", "decisions.csv"))
    monkeypatch.chdir(tmp_path)  # typed relative, not climbing out: as typed
    assert recorded(Path("jane.doe", "Site Leeds", "coded", "review", "decisions.csv")) == str(
        Path("jane.doe", "Site Leeds", "coded", "review", "decisions.csv")
    )
    monkeypatch.chdir(study / "coded" / "review")
    assert recorded(Path("..", "review", "decisions.csv")) == "decisions.csv"
    # codings kept in the study's own folder, the file typed absolute from there: by its name,
    # not under the study's folder's name (hunt s67 h_priv R1: Site York/decisions.csv)
    flat = tmp_path / "Site York"
    model_codings().save(flat)
    codings = CodingResult.read(flat)
    (flat / "decisions.csv").write_bytes(path.read_bytes())
    monkeypatch.chdir(flat)
    assert recorded(flat / "decisions.csv") == "decisions.csv"


def test_a_later_row_on_a_suggestion_replaces_every_earlier_row_on_it(cfir: Codebook) -> None:
    """A recode of a suggestion replaces every earlier accept of it on the segment, not only the
    last one (code review s48: accept, accept, recode of IS.E.3 to IS.D.6 still gave IS.E.3
    beside IS.D.6, as did accept, reject, accept, recode)."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], row=2),
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], row=3),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], suggestion="IS.E.2", row=4),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], row=5),
        Decision("p01:0002", "reject", "IS.E.2", text=TEXTS[1], row=6),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], row=7),
        Decision("p01:0002", "recode", "IS.B", text=TEXTS[1], suggestion="IS.E.2", row=8),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, counts = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IS.B"]),
        ("p01:0002", ["IS.B"]),
    ]
    assert (counts["codes"], counts["accept"], counts["recode"]) == (2, 0, 2)
    assert [str(w.message) for w in caught] == [
        "d.csv: 4 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 4: accept IS.E.2 then recode of IS.E.2 to IS.B on p01:0001; "
        "rows 3 and 4: accept IS.E.2 then recode of IS.E.2 to IS.B on p01:0001; "
        "rows 5 and 8: accept IS.E.2 then recode of IS.E.2 to IS.B on p01:0002 and 1 more"
    ]


def test_accepting_every_suggestion_confirms_the_codes_not_the_models_unsure_valence(
    tmp_path: Path,
) -> None:
    """Helper s49 t2: a review accepting every suggestion of the segments Table 2 marks ‡
    (p01:0001 and p01:0005: IS.E.2 and IC.F, the model's barrier at 0.55) left the ‡ on them,
    and apply-decisions warned, without saying why. Accepting a suggestion confirms its code,
    not its side (docs/report.md: the valence has buttons of its own, and a valence row giving
    the model's side confirms it), so the ‡ stays, and Table 2's note, the warning and the docs
    say that accepting a code does not confirm its valence. Given the model's side too, the
    valence is the reviewer's: no ‡, no sentence, no warning."""
    from docx import Document

    from roqa_nlp.framework import barriers_enablers

    accept_all = [
        Decision(sid, "accept", code, text=text)
        for sid, text in (("p01:0001", TEXTS[0]), ("p01:0005", TEXTS[4]))
        for code in ("IS.E.2", "IC.F")
    ]
    run = apply_review(tmp_path, accept_all)
    assert run.code == 0, run.err
    assert (
        "2 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not "
        "its valence: p01:0001, p01:0005; set their "
        "valence in the review to confirm the side (its valence buttons, the model's side too, "
        "or a row such as p01:0001,valence,,,,,barrier in the decisions file), then apply the "
        "decisions again."
    ) in " ".join(run.out.split())
    table = barriers_enablers(CodingResult.read(tmp_path / "reviewed"))
    assert [
        (q.segment_id, q.code_id, q.unsure)
        for d in table.domains
        for c in d.constructs
        for q in c.barriers.quotes
    ] == [
        ("p01:0001", "IC.F", "valence unsure (0.55)"),
        ("p01:0005", "IC.F", "valence unsure (0.55)"),
        ("p01:0001", "IS.E.2", "valence unsure (0.55)"),
        ("p01:0005", "IS.E.2", "valence unsure (0.55)"),
    ]
    assert table.note == (
        "Codes: Consolidated Framework for Implementation Research (CFIR) 2009. Charted from "
        "the codes Alice gave: 2 of 5 reviewable participant segments of the reviewed "
        "transcripts (3 undecided). Of this table's barriers and enablers, Alice gave 2 "
        "segments a code already in the codebook and no valence: they keep the model's valence, "
        "below "
        "60%, marked valence unsure (accepting a code confirms the code, not its side). Left "
        "out as not reviewed yet: 3 undecided segments of the reviewed transcripts and 1 "
        "transcript the review did not reach (p02)."
    )
    table.to_docx(tmp_path / "t2.docx", quotes=0)
    assert [p.text for p in Document(str(tmp_path / "t2.docx")).paragraphs][1] == table.note
    # the model's side given as the reviewer's: confirmed, nothing unsure, nothing said
    sides = [
        Decision(sid, "valence", text=text, valence="barrier")
        for sid, text in (("p01:0001", TEXTS[0]), ("p01:0005", TEXTS[4]))
    ]
    run = apply_review(tmp_path / "sure", [*accept_all, *sides])
    assert run.code == 0, run.err
    assert "keep a valence the model gave" not in run.out
    table = barriers_enablers(CodingResult.read(tmp_path / "sure" / "reviewed"))
    assert {q.unsure for d in table.domains for c in d.constructs for q in c.barriers.quotes} == {
        ""
    }
    assert "set no valence" not in table.note


def test_segments_a_retrained_model_puts_up_for_review_in_interviews_reviewed_whole() -> None:
    """Waves tester, session 49, 4: the model retrained on the decisions queued P04:0002 for
    open coding, small talk set aside before, and P04 read "partly reviewed (1 of 9 segments
    undecided)" again, unsaid. Those segments are found, in interviews reviewed whole only."""
    from roqa_nlp.decisions import reopened_segments

    before = model_codings()
    before.segments[3] = dataclasses.replace(
        before.segments[3], suggestions=[], novel=True, off_topic=True
    )
    review = [Decision(f"p01:000{n}", "accept", "IS.E.2", text=TEXTS[n - 1]) for n in (1, 2, 3, 5)]
    assert reopened_segments(review, before, model_codings()) == ["p01:0004"]
    assert reopened_segments(review, model_codings(), model_codings()) == []  # undecided before
    assert reopened_segments(review[:3], before, model_codings()) == []  # p01:0005 undecided
    assert reopened_segments([*review, Decision("p01:0004", "no-code", text=TEXTS[3])], before,
                             model_codings()) == []  # fmt: skip


def test_segments_undecided_because_their_words_changed_are_told_from_those_set_aside(
    capsys,
) -> None:
    """Privacy tester s59, L1: segments whose words new key rows changed were said to be put up
    for review by "this model ... where the codings replaced set them aside"."""
    from roqa_nlp.cli.code_cmd import _say_reopened
    from roqa_nlp.decisions import reopened_segments, reworded_segments

    before = model_codings()
    before.segments[3] = dataclasses.replace(
        before.segments[3], suggestions=[], novel=True, off_topic=True
    )
    review = [Decision(f"p01:000{n}", "accept", "IS.E.2", text=TEXTS[n - 1]) for n in (1, 2, 3, 5)]
    after = model_codings()
    seg = after.segments[1].segment  # "The director backs the project." -> a key row added
    after.segments[1] = dataclasses.replace(
        after.segments[1], segment=dataclasses.replace(seg, text="The [director] backs it.")
    )
    reopened = reopened_segments(review, before, after)
    assert reopened == ["p01:0002", "p01:0004"]
    assert reworded_segments(reopened, review, before, after) == ["p01:0002"]
    _say_reopened(reopened, ["p01:0002"])
    _say_reopened(["p01:0002"], ["p01:0002"])
    assert capsys.readouterr().out.splitlines() == [
        "  2 segments of 1 interview the review decided whole are undecided now (p01:0002, "
        "p01:0004): the words of 1 (p01:0002) changed since the review (new rows of the "
        "pseudonym key, or the transcript edited), so the review's decisions match it no more, "
        "and "
        "this model puts the others up for review (for open coding or with a code) where the "
        "codings replaced set them aside; decide them in the report, or the saturation table "
        "counts its interview as partly reviewed.",
        "  1 segment of 1 interview the review decided whole is undecided now (p01:0002): its "
        "words changed since the review (new rows of the pseudonym key, or the transcript "
        "edited), so the review's decisions match it no more; decide it in the report, or the "
        "saturation table counts its interview as partly reviewed.",
    ]


def test_the_charts_of_a_review_with_new_codes_say_the_projects_codes_are_charted_too(
    cfir: Codebook,
) -> None:
    """Tester s51 (opencoding, 6): the matrix's About sheet and Table 2's caption said "Codes:
    CFIR 2009." above 4 new-code columns."""
    from roqa_nlp.framework import barriers_enablers, framework_matrix

    reviewed, book, _ = reviewed_codings(DECISIONS[:5], model_codings(), cfir, coder="Alice")
    lead = "Codes: Consolidated Framework for Implementation Research (CFIR) 2009"
    for note in (
        barriers_enablers(reviewed, codebook=book).note,
        framework_matrix(reviewed, codebook=book).note,
    ):
        assert note.startswith(f"{lead} and 1 code of the project's own. Charted from the codes")
    reviewed, book, _ = reviewed_codings(DECISIONS[:3], model_codings(), cfir, coder="Alice")
    assert framework_matrix(reviewed, codebook=book).note.startswith(f"{lead}. Charted from the")


def test_rows_contradicted_by_a_later_row_are_listed_in_row_order(cfir: Codebook) -> None:
    """Hunt s57: the rows a later row on their suggestion replaces were listed first ("rows 4
    and 5 ...; rows 2 and 3 ..."), so earlier pairs went unlisted behind "and 1 more"."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], row=2),
        Decision("p01:0001", "reject", "IS.E.2", text=TEXTS[0], row=3),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], row=4),
        Decision("p01:0002", "recode", "IS.B", text=TEXTS[1], suggestion="IS.E.2", row=5),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="barrier", row=6),
        Decision("p01:0003", "valence", text=TEXTS[2], valence="enabler", row=7),
        Decision("p01:0004", "reject", "IC.F", text=TEXTS[3], row=8),
        Decision("p01:0004", "accept", "IC.F", text=TEXTS[3], row=9),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(decisions, model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught if "contradicted" in str(w.message)] == [
        "d.csv: 4 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 3: accept then reject IS.E.2 on p01:0001; "
        "rows 4 and 5: accept IS.E.2 then recode of IS.E.2 to IS.B on p01:0002; "
        "rows 6 and 7: valence barrier then enabler on p01:0003 and 1 more"
    ]


def test_a_project_code_the_model_did_not_suggest_on_a_segment_has_no_model_valence(
    cfir: Codebook,
) -> None:
    """Hunt s69 h_newvalence (MISSED 1): a project code given on a segment by an accept or a
    recode row (by its name or its id), where the model never suggested it, kept the valence the
    model gave another code there (``project.hope`` charted neutral 0.544), as a new-code row's
    no longer does: it has none (neutral, no probability) unless the reviewer gives one. A
    recode to a CFIR code keeps the model's as before. A project code a retrained model
    suggested on the segment, accepted, kept the model's until the study10 tester (s80 D2): it
    has none too, as the valence head learnt no side of the team's theme."""
    from roqa_nlp.decisions import project_codebook

    book = project_codebook(cfir, [Decision("x", "new-code", new_code="Hope")])
    model = model_codings()
    fifth = model.segments[4]
    fifth.suggestions = [Suggestion("project.hope", "Hope", None, 0.7, "enabler", valence_probability=0.81)]  # fmt: skip
    rows = [
        Decision("p01:0001", "new-code", new_code="Hope", text=TEXTS[0]),
        Decision("p01:0002", "accept", "hope", text=TEXTS[1]),  # by name, in any case
        Decision("p01:0003", "recode", "project.hope", text=TEXTS[2]),  # by id
        Decision("p01:0004", "recode", "IS.E.1", text=TEXTS[3]),  # a CFIR code: the model's
        Decision("p01:0005", "accept", "project.hope", text=TEXTS[4]),  # suggested: the model's
        Decision("p02:0001", "recode", "Hope", text=TEXTS[0], valence="enabler"),
    ]
    reviewed, _, counts = reviewed_codings(rows, model, book, coder="Alice")
    assert {
        s.segment.id: [(g.code_id, g.valence, g.valence_probability) for g in s.suggestions]
        for s in reviewed.segments
    } == {
        "p01:0001": [("project.hope", "neutral", None)],
        "p01:0002": [("project.hope", "neutral", None)],
        "p01:0003": [("project.hope", "neutral", None)],
        "p01:0004": [("IS.E.1", "barrier", 0.55)],
        "p01:0005": [("project.hope", "neutral", None)],
        "p02:0001": [("project.hope", "enabler", 1.0)],
    }
    assert reviewed.meta["valence_not_given"] == ["p01:0001", "p01:0002", "p01:0003", "p01:0005"]
    assert reviewed.meta["valence_from_model"] == ["p01:0004"]
    assert reviewed.meta["project_codes_accepted_without_valence"] == [
        "p01:0002",
        "p01:0003",
        "p01:0005",
    ]
    assert (counts["accept"], counts["recode"], counts["new-code"]) == (2, 3, 1)


def test_a_new_code_written_as_a_project_codes_id_is_that_code(cfir: Codebook) -> None:
    """Hunt s69 h_newvalence (MISSED 2): a new-code cell ``project.hope`` made a code
    ``project.project-hope`` beside the ``project.hope`` that a new-code row "Hope" makes. It is
    read as the code of that id: the one a row of the review names "Hope", one an earlier round
    made (the model's codebook has it), else a new code of that id."""
    from roqa_nlp.decisions import feedback_plan, project_code_id, project_codebook

    assert project_code_id("project.hope") == "project.hope"
    assert project_code_id("Project.Staff morale") == "project.staff-morale"
    rows = [
        Decision("p01:0001", "new-code", new_code="Hope", text=TEXTS[0]),
        Decision("p01:0002", "new-code", new_code="project.hope", text=TEXTS[1]),
    ]
    earlier = project_codebook(cfir, [Decision("x", "new-code", new_code="Hope")])
    for given, book in ((rows, cfir), (rows[1:], earlier), (rows[1:], cfir)):
        reviewed, made, _ = reviewed_codings(given, model_codings(), book, coder="Alice")
        assert {g.code_id for s in reviewed.segments for g in s.suggestions} == {"project.hope"}
        assert [c.id for c in made.codes if c.id.startswith("project.")] == ["project.hope"]
        plan = feedback_plan([(given, model_codings(), "decisions.csv")], book)
        assert {c for codes in plan.labels for c in codes} == {"project.hope"}
    assert made.find("project.hope").name == "project.hope"  # type: ignore[union-attr]
    assert earlier.find("project.hope").name == "Hope"  # type: ignore[union-attr]


def test_codes_given_different_valences_on_one_segment_are_warned_of_as_one_side(
    cfir: Codebook,
) -> None:
    """Tester s75 study5 (MED): a backchannel-joined answer, an enabler and a barrier point, is one
    segment; accepted as CI.A enabler and recoded to IC.G barrier, both codes were charted as
    barriers with only "valence enabler then barrier ... the later row kept", read as a mind
    changed. A segment holds one valence: the warning says so, which side both are charted on
    and how to give each code its own side (the rows are no contradiction of each other)."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="enabler", row=2),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], valence="barrier", row=3),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], valence="barrier", row=4),
        Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler", row=5),  # a mind changed
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, _ = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 4 and 5: valence barrier then enabler on p01:0002",
        "d.csv: 1 segment(s) given codes of different valences, but a segment holds one valence, "
        "the last row's, for all its codes: rows 2 and 3: IS.E.2 enabler, IS.B barrier on "
        "p01:0001, all charted as barrier; to give each code its own side, code the transcript "
        "again with `roqa code --unit sentence` (a segment per sentence) and decide its "
        "sentences, or give the segment the valence of its main point",
    ]
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", [("IS.E.2", "barrier"), ("IS.B", "barrier")]),
        ("p01:0002", [("IS.E.2", "enabler")]),
    ]


def test_a_code_rejected_later_is_no_side_of_the_segment(cfir: Codebook) -> None:
    """Hunt s76 (L3): IS.E.2 accepted as an enabler, IS.B recoded to as a barrier, then IS.E.2
    rejected warned "IS.E.2 enabler, IS.B barrier ... all charted as barrier", though IS.E.2 is
    not charted: the sides are those of the codes still standing, here one, so no warning of
    sides; the rejection after the accept is still said."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="enabler", row=2),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], valence="barrier", row=3),
        Decision("p01:0001", "reject", "IS.E.2", text=TEXTS[0], row=4),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, _ = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 4: accept then reject IS.E.2 on p01:0001",
    ]
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", [("IS.B", "barrier")]),
    ]
    # three codes, one rejected: the two standing are named, the rejected one's row is not
    three = [
        *decisions[:2],
        Decision("p01:0001", "new-code", new_code="Hope", text=TEXTS[0], valence="enabler", row=4),
        Decision("p01:0001", "reject", "IS.E.2", text=TEXTS[0], row=5),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(three, model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught if "different valences" in str(w.message)] == [
        "d.csv: 1 segment(s) given codes of different valences, but a segment holds one valence, "
        "the last row's, for all its codes: rows 3 and 4: IS.B barrier, project.hope enabler on "
        "p01:0001, all charted as enabler; to give each code its own side, code the transcript "
        "again with `roqa code --unit sentence` (a segment per sentence) and decide its "
        "sentences, or give the segment the valence of its main point",
    ]


def test_a_codes_valence_changed_with_another_codes_row_between_is_a_contradiction(
    cfir: Codebook,
) -> None:
    """Hunt s75 (LOW): a code's valence changed by a later row of that code, another code's row
    between them (IS.E.2 enabler, IS.B barrier, IS.E.2 barrier), is a mind changed as it was
    before the sides warning came: the check read the later row against the segment's last
    valence row only (IS.B barrier, no change) and said nothing."""
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="enabler", row=2),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], valence="barrier", row=3),
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="barrier", row=4),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, _ = reviewed_codings(
            decisions, model_codings(), cfir, coder="Alice", where="d.csv"
        )
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 2 and 4: valence enabler then barrier on p01:0001",
    ]
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", [("IS.E.2", "barrier"), ("IS.B", "barrier")]),
    ]


def test_train_feedback_warns_of_a_valence_changed_by_a_later_row_as_apply_decisions_does(
    cfir: Codebook,
) -> None:
    """s75 leftover B: a code's valence changed by a later row of it (a mind changed), and a
    valence row changing a code row's, were warned of by apply-decisions ("contradicted") while
    `roqa train --feedback` said nothing and trained the later valence. Both now say it in the
    same words (one function), training on the same words, apply on the same segment."""
    from roqa_nlp.decisions import feedback_plan

    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="enabler", row=2),
        Decision("p01:0001", "recode", "IS.B", text=TEXTS[0], valence="barrier", row=3),
        Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="barrier", row=4),
        Decision("p01:0002", "accept", "IS.E.2", text=TEXTS[1], valence="barrier", row=5),
        Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler", row=6),
        Decision("p01:0002", "valence", text=TEXTS[1], valence="enabler", row=7),  # no change
    ]
    said = (
        "kept: rows 2 and 4: valence enabler then barrier on p01:0001; rows 5 and 6: valence "
        "barrier then enabler on p01:0002"
    )
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(decisions, model_codings(), cfir, coder="Alice", where="d.csv")
    assert [str(w.message) for w in caught] == [
        f"d.csv: 2 decision(s) contradicted by a later row on the same segment, the later row {said}"
    ]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(decisions, model_codings(), "d.csv")], cfir)
    assert [str(w.message) for w in caught] == [
        f"d.csv: 2 decision(s) contradicted by a later row on the same words, the later row {said}"
    ]
    assert plan.valences == ["barrier", "enabler"]
    # two rounds: the rows named by file and row
    r0 = [Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0], valence="enabler", row=2)]
    r1 = [Decision("p01:0001", "valence", text=TEXTS[0], valence="barrier", row=3)]
    with pytest.warns(RoqaWarning) as caught:
        feedback_plan([(r0, model_codings(), "r0.csv"), (r1, model_codings(), "r1.csv")], cfir)
    assert [str(w.message) for w in caught] == [
        "1 decision(s) contradicted by a later row on the same words, the later row kept: "
        "r0.csv row 2, r1.csv row 3: valence enabler then barrier on p01:0001"
    ]


def test_a_retrained_models_codes_named_as_cfir2_codes_chart_and_export_once(
    tmp_path: Path,
) -> None:
    """study6 tester, session 76, end to end: a model trained on a CFIR 2.0 review holds the CFIR
    2.0 constructs CFIR 2009 lacks as project codes of their names (``project.capability``
    Capability). Its run, charted in CFIR 2.0 and reviewed there, was applied into a folder whose
    codebook.json (``cfir-2022+project``) held them beside IND.K Capability, so ``roqa report
    --matrix`` had an empty second "Capability" column and ``roqa export --qdpx`` a second
    "Capability" code. Now apply-decisions writes CFIR 2.0 (no codebook.json), and a folder an
    earlier version wrote so charts and exports each code once."""
    import zipfile

    from roqa_nlp.decisions import project_codebook

    trained = project_codebook(
        Codebook.load("cfir-2009"),
        [Decision("p01:0001", "new-code", new_code=n) for n in ("Capability", "Teaming")],
    )
    model = model_codings()
    model.meta["model"]["codebook"] = trained.id
    model.meta["chart_codebook"] = "cfir-2022"
    capability = Suggestion("project.capability", "Capability", None, 0.7, "barrier")
    model = model.with_segments(
        [dataclasses.replace(s, suggestions=[capability, *s.suggestions]) for s in model]
    )
    model.codebook = trained
    coded, out = tmp_path / "coded", tmp_path / "reviewed"
    model.save(coded)
    write_decisions(
        coded / "decisions.csv",
        [Decision("p01:0001", "accept", "IND.K", text=TEXTS[0], valence="barrier")],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", out)
    assert run.code == 0, run.err
    assert not (out / "codebook.json").exists()  # Teaming and Capability are CFIR 2.0's
    assert json.loads((out / "run.json").read_text())["codebook"]["id"] == "cfir-2022"
    assert [
        json.loads(line)["suggestions"][0]["code_id"]
        for line in (out / "codings.jsonl").read_text().splitlines()
    ] == ["IND.K"]

    def charted(folder: Path, name: str) -> tuple[list[str], list[str]]:
        """The matrix columns and the .qdpx code names of ``folder`` named Capability."""
        run = roqa("report", folder, "--matrix", tmp_path / f"{name}.csv")
        assert run.code == 0, run.err
        assert "another version of codebook" not in run.err  # the one coded with, charted so
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig") as f:
            columns = [c for c in next(csv.reader(f)) if c.endswith("Capability")]
        run = roqa("export", folder, "--qdpx", tmp_path / f"{name}.qdpx")
        assert run.code == 0, run.err
        qde = zipfile.ZipFile(tmp_path / f"{name}.qdpx").read("project.qde").decode()
        return columns, re.findall(r'<Code [^>]*name="(Capability)"', qde)

    assert charted(out, "now") == (["IND.K Capability"], ["Capability"])
    # the folder as apply-decisions wrote it before: its codebook held the namesakes
    book = Codebook.load("cfir-2022").with_codes(
        [c for c in trained.codes if c.id.startswith("project.")], id="cfir-2022+project"
    )
    book.save(out / "codebook.json")
    meta = json.loads((out / "run.json").read_text())
    meta["codebook"] = {"id": book.id, "hash": book.hash}
    (out / "run.json").write_text(json.dumps(meta))
    assert charted(out, "before") == (["IND.K Capability"], ["Capability"])


def test_the_summary_is_a_line_a_paragraph_off_a_terminal_and_its_row_is_csv(
    tmp_path: Path,
) -> None:
    """Cli tester cli2, session 80: sent to a file or a pipe, apply-decisions' summary was cut
    at 80 columns (roqa code's, report's and agree's are a line a paragraph); and the row it
    suggests for a segment id holding a comma and a quote (the transcript file a,"b".txt) was
    no CSV row: `a,"b":0001,valence,,,,,barrier`, which a decisions file reads as other cells."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    odd = 'a,"b"'
    for name in ("codings.jsonl", "transcripts.jsonl"):
        path = coded / name
        path.write_text(path.read_text("utf-8").replace("p01", json.dumps(odd)[1:-1]), "utf-8")
    write_decisions(
        coded / "decisions.csv",
        [dataclasses.replace(d, segment_id=d.segment_id.replace("p01", odd)) for d in DECISIONS],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    row = '"a,""b"":0001",valence,,,,,barrier'
    assert run.out.splitlines()[:2] == [
        "Alice's review: 5 of 5 reviewable segments decided in the 1 reviewed transcript: 3 "
        "coded with 4 distinct codes (4 codings: 2 accept, 1 recode, 1 new-code), 2 with every "
        "suggestion rejected and no code; 1 transcript (1 reviewable segment) not reviewed yet: "
        "p02; left out: 1 code decision(s) on no segment of the codings. Only these are charted "
        "and compared.",
        "2 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not "
        'its valence: a,"b":0001, a,"b":0003; set their valence in the review to confirm the '
        "side (its valence buttons, the model's side too, or a row such as "
        f"{row} in the decisions file), then apply the decisions again.",
    ]
    assert next(csv.reader([row])) == ['a,"b":0001', "valence", "", "", "", "", "barrier"]


def test_segment_ids_holding_brackets_are_printed_as_they_are(tmp_path: Path) -> None:
    """Hunter hunt7, session 80: the summary went through rich markup, so the segment ids of
    a transcript named p[red]1.txt were printed as p1:0001, and the row suggested to paste
    (`p1:0001,valence,,,,,barrier`) matched no segment."""
    coded = tmp_path / "coded"
    model_codings().save(coded)
    odd = "p[red]1"
    for name in ("codings.jsonl", "transcripts.jsonl"):
        path = coded / name
        path.write_text(path.read_text("utf-8").replace("p01", odd), "utf-8")
    write_decisions(
        coded / "decisions.csv",
        [dataclasses.replace(d, segment_id=d.segment_id.replace("p01", odd)) for d in DECISIONS],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    assert run.out.splitlines()[1] == (
        "2 coded segment(s) keep a valence the model gave that the reviewed outputs mark valence "
        "unsure (\u2021: below 0.6), since accepting or recoding a code confirms the code, not "
        "its valence: p[red]1:0001, p[red]1:0003; set their valence in the review to confirm "
        "the side (its valence buttons, the model's side too, or a row such as "
        "p[red]1:0001,valence,,,,,barrier in the decisions file), then apply the decisions again."
    )
