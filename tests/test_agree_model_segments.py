"""Specification: a model's run is compared on its segments only, by character span too.

``roqa code`` codes the participants' segments and skips the interviewer's turns and speaker
labels: it judged its segments' text and nothing else. Compared by character span with a QDA
coder's selections (or another run cut into other segments), the text between the model's
segments counted as units the model "coded with nothing", on which it agreed with everyone who
left that text uncoded too (tester, session 40: "4120 units (spans), 2060 coded by someone",
the other 2,060 being the stretches between codings), which inflated percent agreement and AC1.
Outside its segments the model is now missing, not "no code", as a review is outside the
segments it decided (docs/agreement.md, "How units are built").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run

TEXT = (
    "Interviewer: How is the culture?\n"
    "P01: Staff here are very committed to it.\n"
    "Interviewer: And the building?\n"
    "P01: The rooms are too small.\n"
)
FIRST = "Staff here are very committed to it."
SECOND = "The rooms are too small."
QUESTION = "How is the culture?"
TRANSCRIPTS = {"p01": Transcript("p01", TEXT, [], participant="P01")}


def at(quote: str) -> tuple[int, int]:
    start = TEXT.index(quote)
    return start, start + len(quote)


def segment(sid: str, quote: str, role: str = "participant") -> Segment:
    start, end = at(quote)
    return Segment(sid, "p01", "P01", role, start, end, quote)


def model_run() -> CodingResult:
    """The model's run: the first answer Culture, the second Cost (its two segments)."""
    return CodingResult(
        segments=[
            SegmentResult(
                segment("p01:0001", FIRST), [Suggestion("IS.C", "Culture", "IS", 0.9, "enabler")]
            ),
            SegmentResult(
                segment("p01:0002", SECOND), [Suggestion("IN.G", "Cost", "IN", 0.7, "barrier")]
            ),
        ],
        transcripts=TRANSCRIPTS,
        meta={"model": {"hash": "abcd1234ef567890"}},
    )


def selections(*quotes: str) -> CodingResult:
    """Bob's selections in a QDA program, each coded Culture."""
    return CodingResult(
        segments=[
            SegmentResult(
                segment(f"p01:@{k}", q), [Suggestion("IS.C", "Culture", "IS", 1.0, "enabler")]
            )
            for k, q in enumerate(quotes)
        ],
        transcripts=TRANSCRIPTS,
        meta={"source": "REFI-QDA", "user": {"name": "Bob"}},
    )


def span_id(quote: str) -> str:
    start, end = at(quote)
    return f"p01:@{start}-{end}"


def test_text_outside_the_models_segments_is_no_unit() -> None:
    """The units are the model's two segments: the interviewer's turns and labels are no
    units. Over 2 units x 2 codes, Bob and the model agree on 3 of 4 decisions (not Cost on the
    second answer): agreement 3/4, kappa (3/4 - 1/2) / (1/2) = 1/2, AC1 with pi = 3/8,
    p_e = 2 * 3/8 * 5/8 = 30/64: (48/64 - 30/64) / (34/64) = 9/17. Before, the text before the
    first answer and between the answers were two more units on which both "agreed": 4 units,
    7 of 8 decisions, kappa 0.6, AC1 73/89."""
    cu = coded_units_from_results({"w": model_run(), "Bob": selections(FIRST)})
    assert cu.unit_kind == "spans"
    assert [u.id for u in cu.units] == [span_id(FIRST), span_id(SECOND)]
    assert cu.codings["w"] == {span_id(FIRST): {"IS.C"}, span_id(SECOND): {"IN.G"}}
    assert cu.codings["Bob"] == {span_id(FIRST): {"IS.C"}, span_id(SECOND): frozenset()}
    assert cu.judged_on_segments == ["w"]
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 2, "all": 2, "coded": 2}
    pooled = report.pooled["all"]
    assert pooled.percent_agreement == pytest.approx(3 / 4)
    assert pooled.kappa == pytest.approx(1 / 2)
    assert pooled.ac1 == pytest.approx(9 / 17)


def test_a_selection_of_an_interviewer_turn_is_compared_with_no_one() -> None:
    """Bob also coded the interviewer's question Culture: the model did not judge it, so that
    unit has one coder and is not compared (before, it was a disagreement on Culture)."""
    cu = coded_units_from_results({"w": model_run(), "Bob": selections(QUESTION, FIRST)})
    assert [u.id for u in cu.units] == [span_id(QUESTION), span_id(FIRST), span_id(SECOND)]
    assert cu.codes_of("w", span_id(QUESTION)) is None
    assert cu.codes_of("Bob", span_id(QUESTION)) == {"IS.C"}
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 3, "all": 2, "coded": 2}
    assert report.pooled["all"].percent_agreement == pytest.approx(3 / 4)


def test_two_runs_cut_differently_compare_on_the_text_both_judged() -> None:
    """A second run segmented the first answer only (coded Culture): the second answer is
    judged by one run and not compared, and nothing outside the segments is a unit."""
    other = CodingResult(
        segments=[
            SegmentResult(
                segment("p01:0001", "Staff here are very committed"),
                [Suggestion("IS.C", "Culture", "IS", 0.8, "enabler")],
            )
        ],
        transcripts=TRANSCRIPTS,
        meta={"model": {"hash": "0123456789abcdef"}},
    )
    cu = coded_units_from_results({"w": model_run(), "v": other})
    assert cu.unit_kind == "spans"
    assert cu.judged_on_segments == ["w", "v"]
    start, end = at(FIRST)
    short = start + len("Staff here are very committed")
    assert [u.id for u in cu.units] == [
        f"p01:@{start}-{short}",
        f"p01:@{short}-{end}",
        span_id(SECOND),
    ]
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 3, "all": 1, "coded": 1}
    assert report.pooled["all"].percent_agreement == pytest.approx(1.0)


def test_the_same_segments_are_still_compared_by_segment() -> None:
    """A person's codings of the model's own segments: units are the segments, as before."""
    person = CodingResult(
        segments=[
            SegmentResult(
                segment("p01:0001", FIRST), [Suggestion("IS.C", "Culture", "IS", 1.0, "enabler")]
            ),
            SegmentResult(segment("p01:0002", SECOND), []),
        ],
        transcripts=TRANSCRIPTS,
    )
    cu = coded_units_from_results({"w": model_run(), "Ann": person})
    assert cu.unit_kind == "segments"
    assert cu.judged_on_segments == []
    assert [u.id for u in cu.units] == ["p01:0001", "p01:0002"]
    assert agreement_report(cu, n_boot=0).pooled["all"].percent_agreement == pytest.approx(3 / 4)


def test_roqa_agree_says_what_is_left_out_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The note names the model, the text not compared and the reason; the JSON keeps it, and
    the count of the unit only Bob coded (his selection of the question)."""
    model_run().save(tmp_path / "w")
    selections(QUESTION, FIRST).save(tmp_path / "Bob")
    figures = tmp_path / "agree.json"
    code, said, err = run(
        [
            "agree",
            str(tmp_path / "w"),
            str(tmp_path / "Bob"),
            "--n-boot",
            "0",
            "--json",
            str(figures),
        ],
        capsys,
    )
    assert code == 0, err
    said = " ".join(said.split())
    note = (
        "text outside w's segments (interviewers' turns, speaker labels, text between "
        "segments) is not compared: the model did not code it, so w is missing there, not "
        "given no code; another coder's selection there is compared with no one"
    )
    assert f"Note: {note}." in said
    assert "2 of 3 spans are compared (coded by two or more coders); 1 coded by one coder " in said
    assert "2 coders: w (model), Bob; 3 units (spans), 2 compared" in said
    data = json.loads(figures.read_text("utf-8"))
    assert note in data["notes"]
    assert data["judged_on_segments"] == ["w"]
    assert data["n_units"] == {"total": 3, "all": 2, "coded": 2}
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(3 / 4)


def test_uncoded_units_beside_two_people_are_said_by_kind() -> None:
    """Bob and Cy (QDA selections, each the first answer Culture) judged the whole text; the
    model gave its second segment no code. Of the 3 units no one coded, the first question with
    the speaker label, and the second question, lie outside the model's segments (it is missing
    there), and the second answer is a model segment it gave no code. Before, all 3 were said
    to be "a model's segments it gave no code" (tester, session 54: 11 of 12 were not)."""
    from roqa_nlp.cli.agree_cmd import codings_line

    run_ = model_run()
    run_.segments[1] = SegmentResult(run_.segments[1].segment, [])
    cy = selections(FIRST)
    cy.meta["user"]["name"] = "Cy"
    cu = coded_units_from_results({"w": run_, "Bob": selections(FIRST), "Cy": cy})
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 4, "all": 4, "coded": 1}
    assert report.uncoded_outside_model_segments == 2
    assert codings_line(report).startswith(
        "Units are character spans: each transcript's text is cut wherever a coder's coding "
        "starts or ends, so the 3 units coded by no one are text no coder coded, such as "
        "interviewers' turns, speaker labels and passages set aside outside a model's segments "
        "(2), and a model's segments it gave no code (procedural talk, passages set aside) that "
        "no other coder coded either (1). "
    )


def test_the_models_qdpx_export_is_compared_on_the_participants_turns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qda2 tester, session 80, D2: the model's suggestions read from its .qdpx export (the
    documented `roqa agree reviewed.qdpx` step) counted the interviewers' turns and speaker
    labels as units the model and Bob both gave no code: 4 units, 7 of 8 decisions, kappa 0.6,
    where its run folder gives the figures above (2 units, 3/4, kappa 1/2). The export records
    only the passages it suggested codes for, so the model is taken to have judged the
    participants' turns, which here are its two segments: the same figures, and a note."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.exchange import export_qdpx

    model = CodingResult(
        segments=[
            SegmentResult(
                segment("p01:0001", FIRST), [Suggestion("IS.C", "Culture", "IS", 0.9, "enabler")]
            ),
            SegmentResult(
                segment("p01:0002", SECOND),
                [Suggestion("IS.E.2", "Available Resources", "IS", 0.7, "barrier")],
            ),
        ],
        transcripts=TRANSCRIPTS,
        meta={"model": {"hash": "abcd1234ef567890"}},
    )
    export_qdpx(model, Codebook.load("cfir-2009"), tmp_path / "w.qdpx", top_k=1)
    selections(FIRST).save(tmp_path / "Bob")
    figures = tmp_path / "agree.json"
    args = ["agree", str(tmp_path / "w.qdpx"), str(tmp_path / "Bob"), "--n-boot", "0"]
    code, said, err = run([*args, "--json", str(figures)], capsys)
    assert code == 0, err
    data = json.loads(figures.read_text("utf-8"))
    assert data["n_units"] == {"total": 2, "all": 2, "coded": 2}
    pooled = data["pooled"]["all"]
    assert (pooled["percent_agreement"], pooled["kappa"]) == (pytest.approx(3 / 4), 0.5)
    (w,) = data["judged_on_segments"]
    assert w.startswith("roqa_nlp ")
    note = (
        "text outside the participants' turns roqa code cuts into segments (interviewers' "
        "turns, speaker labels, backchannels such as 'Mm-hmm.' that it leaves out) is not "
        f"compared for {w}: the model did not code it, so it is missing there, not given no "
        "code; its .qdpx records only the passages it suggested codes for, not its segments, so "
        "it is taken to have judged those turns, as its run did"
    )
    assert note in data["notes"]


def test_a_transcript_with_no_participant_turn_is_judged_whole() -> None:
    """The text a model read from a .qdpx judged: the participants' turns, labels left out;
    a transcript with no turns read is judged whole, so none of its suggestions is lost."""
    from roqa_nlp.coding_agreement import participant_turns
    from roqa_nlp.schema import Turn

    turns = [Turn("Interviewer", "interviewer", 13, 32), Turn("P01", "participant", 38, 74)]
    both = {"p01": Transcript("p01", TEXT, turns), "p02": Transcript("p02", "We lacked staff.", [])}
    assert participant_turns(CodingResult([], both)) == {"p01": [(38, 74)], "p02": [(0, 16)]}


BACKCHANNEL_TEXT = (
    "Interviewer: How is the culture?\n"
    "P01: Staff here are very committed to it.\n"
    "Interviewer: The building is old, we heard.\n"
    "P01: Mm-hmm.\n"
    "Interviewer: And the rooms?\n"
    "P01: The rooms are too small.\n"
)


def test_a_backchannel_roqa_code_left_out_is_not_judged_by_the_qdpx_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qfix's D2 remainder (hunt3, session 80): `roqa code` leaves out a backchannel ("Mm-hmm."
    after no question), so its run is missing there; its .qdpx export records only the passages
    it suggested codes for, and agree took every participant's turn as judged, so the .qdpx
    route counted "Mm-hmm." as a unit the model and Bob both gave no code: 3 units, 5 of 6
    decisions, kappa 4/7, for the run folder's 2 units, 3 of 4, kappa 1/2. The turns judged are
    now the ones roqa code cuts into segments (segmented_turns): the same figures both ways."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.coding_agreement import participant_turns
    from roqa_nlp.exchange import export_qdpx
    from roqa_nlp.transcripts import read_transcript
    from roqa_nlp.transcripts.segment import segment as cut

    (tmp_path / "p01.txt").write_text(BACKCHANNEL_TEXT, encoding="utf-8")
    t = read_transcript(tmp_path / "p01.txt")
    segments = cut(t)
    assert [s.text for s in segments] == [FIRST, SECOND]
    codes = [("IS.C", "Culture", "enabler"), ("IS.E.2", "Available Resources", "barrier")]
    model = CodingResult(
        segments=[
            SegmentResult(s, [Suggestion(c, n, "IS", 0.9, v)])
            for s, (c, n, v) in zip(segments, codes, strict=True)
        ],
        transcripts={"p01": t},
        meta={"model": {"hash": "abcd1234ef567890"}},
    )
    bob = CodingResult(
        segments=[
            SegmentResult(segments[0], [Suggestion("IS.C", "Culture", "IS", 1.0, "enabler")])
        ],
        transcripts={"p01": t},
        meta={"source": "REFI-QDA", "user": {"name": "Bob"}},
    )
    model.save(tmp_path / "run")
    bob.save(tmp_path / "Bob")
    export_qdpx(model, Codebook.load("cfir-2009"), tmp_path / "w.qdpx", top_k=1)
    figures = []
    for first in (tmp_path / "run", tmp_path / "w.qdpx"):
        out = tmp_path / f"{first.stem}.json"
        args = ["agree", str(first), str(tmp_path / "Bob"), "--n-boot", "0", "--json", str(out)]
        code, _, err = run(args, capsys)
        assert code == 0, err
        data = json.loads(out.read_text("utf-8"))
        pooled = data["pooled"]["all"]
        figures.append((data["n_units"]["total"], pooled["percent_agreement"], pooled["kappa"]))
    assert figures == [(2, 0.75, 0.5), (2, 0.75, 0.5)]
    # the turns judged: the two answers, not "Mm-hmm." (nor the interviewer's turns)
    judged = participant_turns(CodingResult([], {"p01": t}))["p01"]
    assert [BACKCHANNEL_TEXT[a:b] for a, b in judged] == [FIRST, SECOND]
