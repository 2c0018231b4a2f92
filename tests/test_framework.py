"""Specification of the Framework Approach outputs (roqa_nlp.framework).

Every expected value below is worked out by hand from the small result built in this file.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.framework import (
    Quote,
    barriers_enablers,
    coded_segments,
    construct_ratings,
    framework_matrix,
    francis_stopping_rule,
    rate_construct,
    saturation,
    verdict_sentences,
)
from roqa_nlp.report import saturation_view
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Code, Segment, SegmentResult, Suggestion, Transcript
from roqa_nlp.write_up_files import RECORD

REPO = Path(__file__).resolve().parents[1]
NAMES = {"IC.A": "Intervention Source", "IC.F": "Complexity", "IS.C": "Culture"}


def test_saturation_names_what_the_last_new_codes_rest_on() -> None:
    """Audit E: 'not reached' rested on one passage at p = 0.45; the verdict says so."""
    result = interviews(SEQUENCE[:14])
    result.segments.append(seg("I12", 7, "more about J", ("J", 0.45, "neutral")))
    s = saturation(result)
    assert s.new_support[11] == {"J": (2, 0.9)}
    assert s.francis.message.startswith(
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: J (2 segments, "
        "p=0.90). Continue"
    )
    assert s.to_dict()["new_support"][0] == {
        "A": {"segments": 1, "max_probability": 0.9},
        "B": {"segments": 1, "max_probability": 0.9},
        "C": {"segments": 1, "max_probability": 0.9},
    }


def test_saturation_marks_new_codes_resting_only_on_unsure_suggestions() -> None:
    """Tester D: unreviewed model output charted each segment's top suggestion as a code the
    interview used, at p = 0.19 too (a personal story as Intervention Source). A new code whose
    every segment is below SURE_CODE (0.40, "code unsure" as Table 2 marks it) is marked in the
    sheet and the report, and both verdicts say how many there are; the verdict itself is
    unchanged. A code with one sure segment among unsure ones is not marked."""
    result = interviews(["A B", "C", "D"])
    result.segments += [
        seg("I01", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")),
        seg("I02", 5, "the rota, sort of", ("IS.C", 0.33, "barrier")),
        seg("I02", 6, "the rota again", ("IS.C", 0.38, "barrier")),
        seg("I03", 5, "the ward", ("E", 0.2, "neutral")),
        seg("I03", 6, "the ward, clearly", ("E", 0.85, "neutral")),
    ]
    s = saturation(result)
    assert s.new_codes == [["A", "B", "IC.A"], ["C", "IS.C"], ["D", "E"]]
    assert s.unsure_new == [["IC.A"], ["IS.C"], []]
    assert [r[4:6] for r in s.rows()] == [
        ["new_codes", "unsure_new_codes"],
        ["A; B; IC.A Intervention Source", "IC.A Intervention Source (0.19)"],
        ["C; IS.C Culture", "IS.C Culture (0.38)"],
        ["D E", ""],
    ]
    assert s.francis.message == (
        "Saturation not reached. Only 3 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code. 2 of the 7 new codes rest "
        "only on unsure suggestions in the interview where each was new (every segment of each "
        "there below p=0.40, listed last): the verdict counts them as codes the interviews used, "
        "so review them before reporting it. Unsure new codes: IC.A Intervention Source p=0.19 in "
        "interview 1 (P01); IS.C Culture p=0.38 in interview 2 (P02)."
    )
    assert s.guest.message == (
        "Saturation not reached. 3 interview(s) are too few for a base of 4 and a run of 2. 2 of "
        "the 7 new codes rest only on unsure suggestions in the interview where each was new "
        "(every segment of each there below p=0.40, listed last): the verdict counts them as "
        "codes the interviews used, so review them before reporting it. Unsure new codes: IC.A "
        "Intervention Source p=0.19 in interview 1 (P01); IS.C Culture p=0.38 in interview 2 "
        "(P02)."
    )
    assert s.to_dict()["unsure_new_codes"] == [["IC.A"], ["IS.C"], []]
    view = saturation_view(s)
    assert [i["new"] for i in view["interviews"]][:2] == [
        ["A (1, p=0.90)", "B (1, p=0.90)", "IC.A Intervention Source (1, p=0.19, code unsure)"],
        ["C (1, p=0.90)", "IS.C Culture (2, p=0.38, code unsure)"],
    ]
    # a person's codes are never unsure, whatever probability a file gives them
    result.meta = {"user": {"name": "Alice"}}
    mine = saturation(result, top_k=1)
    assert mine.unsure_new == [] and "unsure" not in mine.francis.message
    assert [r[5] for r in mine.rows()[1:]] == ["", "", ""]


def test_unsure_new_codes_a_carried_review_decided_are_said_decided_not_to_review() -> None:
    """Hunt s43 (weeks): `roqa report coded/ --saturation` with a review carried in asked to
    review "3 of the 19 new codes [that] rest only on unsure suggestions", whose segments the
    review had decided, one of them (P02:0003) as fitting no code. Given the segments a review
    decided (``decided``: each with the codes it gives), the verdict says which unsure new codes
    it decided every segment of, which it gives to none of them, and asks to review the others
    only."""
    result = interviews(["A B", "C", "D"])
    result.segments += [
        seg("I01", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")),
        seg("I02", 5, "the rota, sort of", ("IS.C", 0.33, "barrier")),
        seg("I02", 6, "the rota again", ("IS.C", 0.38, "barrier")),
    ]
    s = saturation(result, decided={"I01:5": [], "I02:5": ["IS.C"]})
    assert s.francis.message == (
        "Saturation not reached. Only 3 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code. 2 of the 6 new codes rest "
        "only on unsure suggestions in the interview where each was new (every segment of each "
        "there below p=0.40, listed last): the verdict counts them as codes the interviews used; "
        "the review carried in decided every segment of 1 of them (IC.A Intervention Source) and "
        "gives IC.A Intervention Source to none of their segments; review the other 1 (IS.C "
        "Culture) before reporting it; chart the review (roqa apply-decisions) for a verdict on "
        "its codes. Unsure new codes: IC.A Intervention Source p=0.19 in interview 1 (P01); IS.C "
        "Culture p=0.38 in interview 2 (P02)."
    )
    s = saturation(result, decided={"I01:5": ["IC.A"], "I02:5": ["IS.C"], "I02:6": []})
    assert s.francis.message == (
        "Saturation not reached. Only 3 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code. 2 of the 6 new codes rest "
        "only on unsure suggestions in the interview where each was new (every segment of each "
        "there below p=0.40, listed last): the verdict counts them as codes the interviews used; "
        "the review carried in decided every segment of them; chart the review (roqa "
        "apply-decisions) for a verdict on its codes. Unsure new codes: IC.A Intervention Source "
        "p=0.19 in interview 1 (P01); IS.C Culture p=0.38 in interview 2 (P02)."
    )
    # no review carried, or one deciding none of them: asked to review, as before
    for decided in (None, {"I01:4": ["IC.A"]}):
        assert saturation(result, decided=decided).francis.message == (
            "Saturation not reached. Only 3 interview(s), the rule needs at least 13. Continue "
            "interviewing until 3 consecutive interviews add no new code. 2 of the 6 new codes "
            "rest only on unsure suggestions in the interview where each was new (every segment "
            "of each there below p=0.40, listed last): the verdict counts them as codes the "
            "interviews used, so review them before reporting it. Unsure new codes: IC.A "
            "Intervention Source p=0.19 in interview 1 (P01); IS.C Culture p=0.38 in interview 2 "
            "(P02)."
        )


def test_the_reports_saturation_says_what_the_review_carried_in_decided_as_the_terminal_does(
    tmp_path: Path,
) -> None:
    """Hunt s43 (2): `roqa report coded/ --decisions decA.csv --saturation sat.xlsx` said on the
    terminal and in the Verdicts sheet that the review decided every segment of IC.G, while the
    report's saturation section still asked to 'review them before reporting it': the page
    judged without the review it carries. Both now say the one sentence."""
    from roqa_nlp.decisions import Decision
    from roqa_nlp.report import render_report

    result = interviews(["IC.B IC.C", "IC.D", "IC.E"])
    result.segments.append(seg("I01", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")))
    review = [Decision("I01:5", "accept", "IC.A")]
    decided = "; the review carried in decided every segment of them; chart the review (roqa "
    html = render_report(result, "cfir-2009", decisions=review)
    assert html.count(decided) == 2  # the 10+3 verdict and the base-and-run one
    assert "so review them before reporting it" not in html
    assert decided in saturation(result, decided={"I01:5": ["IC.A"]}).francis.message
    # without the review: asked to review it, as before
    assert "so review them before reporting it" in render_report(result, "cfir-2009")


def test_a_reached_verdict_names_the_new_codes_a_carried_review_gives_the_quiet_run() -> None:
    """Tester s56 (incremental, MEDIUM 1): `roqa report coded/ --saturation` said "reached at
    interview 13: no new codes in interviews 11-13" on the model's suggestions, while the review
    carried in gave 3 P11 segments the new code "Peer support workers" (the model had put them
    under other codes) and `roqa report reviewed/` said "not reached". The model's counts stay;
    the verdict (and the Verdicts sheet's reached cell) names the review's codes that no earlier
    interview carried, in the run that met it or after it. A code an earlier interview carried,
    in the model's codes or the review's, is not new."""
    result = interviews(SEQUENCE)  # 10+3 reached at 15 (run 13-15); Guest at 9 (run 8-9)
    peer = "project.peer-support-workers"
    names = {peer: "Peer support workers"}
    decided = {"I14:0": [peer], "I15:0": [peer], "I13:0": ["B"]}
    s = saturation(result, decided=decided, decided_names=names)
    assert s.new_counts == NEW  # the model's view is unchanged
    said = (
        " 1 new code no earlier interview carried (interview 14 (P14): Peer support workers (1 "
        "segment))"
    )
    chart = "; chart the review (roqa apply-decisions) for the verdict with it"
    assert s.francis.message == (
        "Saturation reached at interview 15 (P15, I15). No new codes in interviews 13-15 after "
        "an initial sample of 10. But the review carried in gives that run 1 new code no "
        "earlier interview carried (interview 14 (P14): Peer support workers (1 segment)): a "
        "new idea restarts the count; chart the review (roqa apply-decisions) for the verdict "
        "with it."
    )
    assert s.guest.message.endswith(
        ". But the review carried in gives the interviews after that run" + said + ": the "
        "interviews after the stopping point do not bear saturation out" + chart + "."
    )
    assert (s.francis.review_new, s.guest.review_new) == ([14], [14])
    assert (
        s.verdict_rows()[1][2] == "yes, but the review carried in gives new codes to interview 14"
    )
    # the review gave it an earlier interview too: not new in the run, the verdict as before
    earlier = saturation(result, decided={"I05:0": [peer], **decided}, decided_names=names)
    assert earlier.francis.message == saturation(result).francis.message
    assert earlier.verdict_rows()[1][2] == "yes"


def test_the_reports_saturation_names_the_new_code_of_the_review_it_carries() -> None:
    """Tester s56 (incremental, MEDIUM 1): report.html's 10+3 and Guest verdicts said the same
    "reached" with no word of the review's new code; the page judges with the review it
    carries, its new code by the name it was given."""
    from roqa_nlp.decisions import Decision
    from roqa_nlp.report import render_report

    review = [Decision("I14:0", "new-code", new_code="Peer support workers")]
    html = render_report(interviews(SEQUENCE), "cfir-2009", decisions=review)
    said = "1 new code no earlier interview carried (interview 14 (P14): Peer support workers"
    assert html.count(said) == 2  # the 10+3 verdict and the base-and-run one
    assert said not in render_report(interviews(SEQUENCE), "cfir-2009")


def test_a_probability_just_below_the_sure_line_is_not_shown_as_the_line_itself() -> None:
    """Tester s42 (opencode, 7): saturation listed "IS.D p=0.40" among new codes with "every
    segment below p=0.40", 0.398 rounded up to the line. A probability that two decimals would
    round up to the line is shown with as many more as it takes to stay below it."""
    result = interviews(["A", "B"])
    result.segments.append(seg("I02", 5, "the rota", ("IS.C", 0.398, "neutral")))
    s = saturation(result)
    assert s.unsure_new == [[], ["IS.C"]]
    assert s.francis.message.endswith(
        "(every segment of it there below p=0.40, listed last): the verdict counts them as codes the "
        "interviews used, so review them before reporting it. Unsure new code: IS.C Culture "
        "p=0.398 in interview 2 (P02)."
    )
    assert s.rows()[2][5] == "IS.C Culture (0.398)"
    assert saturation_view(s)["interviews"][1]["new"] == [
        "B (1, p=0.90)",
        "IS.C Culture (1, p=0.398, code unsure)",
    ]
    q = quote(probability=0.3996, valence_probability=0.5999)
    assert q.unsure == "code unsure (0.3996), valence unsure (0.5999)"
    assert quote(probability=0.39).unsure == "code unsure (0.39)"


def test_saturation_counts_talk_for_open_coding_and_says_when_the_quiet_run_holds_it() -> None:
    """Only codebook codes are ideas: interview 14 of the quiet run 13-15 has two segments that
    fit no code (one more is small talk, one the interviewer's), so "reached" says a new idea
    may wait there."""
    result = interviews(SEQUENCE)
    result.segments += [
        seg("I14", 5, "we started a peer-run allotment", novel=True),
        seg("I14", 6, "and a choir for people on the ward", novel=True),
        seg("I15", 7, "lovely weather today", novel=True),
        seg("I15", 8, "anything else to add?", novel=True, role="interviewer"),
        seg("I03", 9, "a walking group", novel=True),
    ]
    result.segments[-3].off_topic = True
    s = saturation(result)
    assert s.open_coding == [0, 0, 1] + [0] * 10 + [2, 0]
    assert s.to_dict()["open_coding"] == s.open_coding
    assert s.new_counts == NEW  # the ideas themselves are unchanged
    assert s.francis.at == 15
    assert s.francis.message.endswith(
        ". But interview(s) 14 (P14) of that run hold 2 segment(s) that fit no code, waiting for "
        "open coding: a new idea among them restarts the count."
    )
    # no such talk in the quiet run: nothing added
    assert saturation(interviews(SEQUENCE)).francis.message.endswith("initial sample of 10.")


MINI = Codebook(
    id="mini",
    name="two CFIR domains",
    codes=[
        Code("IC", "Intervention Characteristics", "domain", codable=False),
        Code("IC.A", "Intervention Source", "construct", parent="IC", domain="IC"),
        Code("IC.F", "Complexity", "construct", parent="IC", domain="IC"),
        Code("IS", "Inner Setting", "domain", codable=False),
        Code("IS.C", "Culture", "construct", parent="IS", domain="IS"),
    ],
)


def seg(
    tid: str,
    n: int,
    text: str,
    *codes: tuple[str, float, str],
    novel: bool | None = False,
    procedural: bool = False,
    role: str = "participant",
) -> SegmentResult:
    """Segment ``n`` of transcript ``tid`` at offset ``100 * n`` with the given suggestions."""
    start = 100 * n
    return SegmentResult(
        segment=Segment(
            id=f"{tid}:{n}",
            transcript_id=tid,
            speaker="I" if role == "interviewer" else "P",
            role=role,  # type: ignore[arg-type]
            start=start,
            end=start + len(text),
            text=text,
        ),
        suggestions=[
            Suggestion(code_id=c, name=NAMES.get(c, c), domain=c[:2], probability=p, valence=v)
            for c, p, v in codes
        ],
        novel=novel,
        procedural=procedural,
    )


def quote(**kwargs: float) -> Quote:
    """A quote of the rota as a barrier, with the probabilities given."""
    return Quote("the rota", "I02", "I02:5", 0, 8, "P01", "IS.C", valence="barrier", **kwargs)


def transcript(tid: str, participant: str) -> Transcript:
    return Transcript(id=tid, text="", turns=[], participant=participant)


def three_interviews() -> CodingResult:
    """P01 gave interviews T1 and T3, P02 gave T2."""
    segments = [
        seg("T1", 0, "Support workers are not trained for this.", ("IC.F", 0.9, "barrier")),
        seg("T1", 1, "It takes so much longer to do it properly.", ("IC.F", 0.6, "barrier")),
        seg(
            "T1",
            2,
            "Everyone from the directors down believes in recovery.",
            ("IS.C", 0.8, "enabler"),
            ("IC.F", 0.3, "barrier"),
        ),
        seg("T1", 3, "My dog is called Biscuit.", ("IC.A", 0.9, "neutral"), novel=True),
        seg("T1", 4, "Can you hear me?", ("IS.C", 0.9, "neutral"), procedural=True),
        seg("T2", 0, "Our culture is slowly changing.", ("IS.C", 0.4, "facilitator")),
        seg("T2", 1, "The Recovery Star makes reviews simple.", ("IC.F", 0.7, "enabler")),
        seg(
            "T2",
            2,
            "What challenges have you met?",
            ("IC.F", 0.9, "neutral"),
            role="interviewer",
        ),
        seg("T2", 3, '=HYPERLINK("x") too much paperwork', ("IC.F", 0.5, "barrier")),
        seg("T3", 0, "You need real skill to do recovery work.", ("IC.F", 0.95, "barrier")),
    ]
    return CodingResult(
        segments=segments,
        transcripts={
            t.id: t
            for t in [transcript("T1", "P01"), transcript("T2", "P02"), transcript("T3", "P01")]
        },
    )


# -- framework matrix -------------------------------------------------------------------------


def test_matrix_counts_segments_per_participant_and_code() -> None:
    m = framework_matrix(three_interviews())
    assert m.cases == ["P01", "P02"]
    assert m.codes == ["IC.F", "IS.C"]
    assert m.counts() == [[3, 1], [2, 1]]


def test_matrix_skips_novel_procedural_and_interviewer_segments() -> None:
    m = framework_matrix(three_interviews())
    assert "IC.A" not in m.codes
    assert m.cell("P02", "IC.F").quotes[0].segment_id == "T2:1"
    assert sorted(
        q.segment_id
        for q in framework_matrix(three_interviews(), quotes=9).cell("P02", "IC.F").quotes
    ) == ["T2:1", "T2:3"]


def test_matrix_cells_count_valences() -> None:
    cell = framework_matrix(three_interviews()).cell("P02", "IC.F")
    assert (cell.barriers, cell.enablers, cell.neutral) == (1, 1, 0)


def test_matrix_by_transcript_keeps_interviews_apart() -> None:
    m = framework_matrix(three_interviews(), cases="transcript")
    assert m.cases == ["T1", "T2", "T3"]
    assert m.counts() == [[2, 1], [2, 1], [1, 0]]


def test_matrix_quote_is_the_highest_probability_segment_with_its_offsets() -> None:
    q = framework_matrix(three_interviews()).cell("P01", "IC.F").quotes
    assert len(q) == 1
    assert (q[0].text, q[0].transcript_id, q[0].start, q[0].end) == (
        "You need real skill to do recovery work.",
        "T3",
        0,
        40,
    )
    assert q[0].probability == 0.95


def test_matrix_min_probability_drops_weak_suggestions() -> None:
    m = framework_matrix(three_interviews(), min_probability=0.5)
    assert m.counts() == [[3, 1], [2, 0]]


def test_matrix_top_k_counts_second_suggestions() -> None:
    m = framework_matrix(three_interviews(), top_k=2)
    assert m.counts() == [[4, 1], [2, 1]]


def test_a_persons_codings_are_charted_with_every_code_they_gave_by_default() -> None:
    """Python charts as ``roqa report`` does: a person's codings (reviewed, imported) carry every
    code given a passage; top_k=1 dropped Bob's second codes without a word (session 27)."""
    segments = [
        seg("T1", 0, "No staff and no money.", ("IC.F", 1.0, "barrier"), ("IS.C", 1.0, "barrier")),
        seg("T2", 0, "The culture helps.", ("IS.C", 1.0, "enabler")),
    ]
    transcripts = {"T1": transcript("T1", "P01"), "T2": transcript("T2", "P02")}
    bob = CodingResult(segments, transcripts, {"user": {"name": "Bob"}})
    assert framework_matrix(bob).count("P01", "IS.C") == 1
    assert saturation(bob).new_codes == [["IC.F", "IS.C"], []]
    table = barriers_enablers(bob, MINI)
    assert table.construct("IS.C").barriers.segments == 1  # type: ignore[union-attr]
    assert table.note.endswith("Charted from the codes Bob gave: 2 of 2 participant segments.")
    # asked for fewer, the note says what is left out
    assert saturation(bob, top_k=1).new_codes == [["IC.F"], ["IS.C"]]
    assert barriers_enablers(bob, MINI, top_k=1).note.endswith(
        "Only the first 1 code(s) of a passage are charted (2 the most given)."
    )
    # a model's suggestions: its top one, as before
    model = CodingResult(segments, transcripts, {"model": {"hash": "x"}})
    assert saturation(model).new_codes == [["IC.F"], ["IS.C"]]


def test_matrix_with_codebook_has_every_codable_code_in_codebook_order() -> None:
    m = framework_matrix(three_interviews(), codebook=MINI)
    assert m.codes == ["IC.A", "IC.F", "IS.C"]
    assert m.counts() == [[0, 3, 1], [0, 2, 1]]


def test_matrix_rejects_an_unknown_case_kind() -> None:
    with pytest.raises(ValueError, match="unknown case kind 'site'"):
        framework_matrix(three_interviews(), cases="site")  # type: ignore[arg-type]


def test_matrix_wide_csv_charts_count_and_quote_per_cell(tmp_path: Path) -> None:
    out = tmp_path / "matrix.csv"
    framework_matrix(three_interviews()).to_csv(out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows == [
        ["participant", "IC.F Complexity", "IS.C Culture"],
        [
            "P01",
            '3 segments: 3 barriers | "You need real skill to do recovery work." [T3:0-40]',
            '1 segment: 1 enabler | "Everyone from the directors down believes in recovery." '
            "[T1:200-254]",
        ],
        [
            "P02",
            '2 segments: 1 barrier, 1 enabler | "The Recovery Star makes reviews simple." '
            "[T2:100-139]",
            '1 segment: 1 enabler | "Our culture is slowly changing." [T2:0-31]',
        ],
    ]


def test_a_matrix_quote_whose_code_is_unsure_says_so_as_table_2_does() -> None:
    """A cell resting on a p = 0.15 suggestion looked like any other (session 27)."""
    r = CodingResult(
        [seg("T1", 0, "I was a nurse for years.", ("IS.C", 0.15, "neutral"))],
        {"T1": transcript("T1", "P01")},
    )
    assert framework_matrix(r).wide_rows()[1] == [
        "P01",
        '1 segment: 1 neutral | "I was a nurse for years." [T1:0-24, code unsure (0.15)]',
    ]


def test_table_2_and_matrix_spreadsheets_say_what_the_word_table_marks_unsure() -> None:
    """table2.xlsx/.csv and matrix.xlsx dropped the dagger and double dagger of the Word table:
    46 of 88 quotes of a 15-interview study were unsure with no word of it (session 28)."""
    from dataclasses import replace

    said = "Money, mostly."
    s = seg("T1", 0, said, ("IC.F", 0.9, "barrier"))
    s.suggestions[0] = replace(s.suggestions[0], valence_probability=0.48)
    r = CodingResult([s], {"T1": transcript("T1", "P01")})
    row = barriers_enablers(r, MINI).rows()[1]
    assert row[6] == '"Money, mostly." [P01, T1:0-14, valence unsure (0.48)]'
    long = framework_matrix(r).long_rows()
    assert long[0][-4:] == ["probability", "valence", "valence_probability", "unsure"]
    assert long[1][-4:] == [0.9, "barrier", 0.48, "valence unsure (0.48)"]
    sure = replace(s.suggestions[0], probability=0.3, valence_probability=0.9)
    both = replace(s, suggestions=[replace(sure, valence_probability=0.5)])
    assert framework_matrix(CodingResult([both], r.transcripts)).wide_rows()[1][1] == (
        '1 segment: 1 barrier | "Money, mostly." [T1:0-14, code unsure (0.30), valence unsure '
        "(0.50)]"
    )


def test_charted_quotes_are_on_one_line_and_the_long_rows_too_with_the_offsets_as_said() -> None:
    """A turn's line breaks (a PDF's wrapped lines, paragraphs) are no part of a charted quote:
    the matrix cell, its long rows and Table 2's rows give it on one line; the offsets still
    find the words as the transcript has them (daily13, s83: the long rows kept them)."""
    said = "We lost two\nsupport workers  in\n\nMay."
    result = CodingResult(
        segments=[seg("T1", 0, said, ("IC.F", 0.9, "barrier"))],
        transcripts={"T1": transcript("T1", "P01")},
    )
    matrix = framework_matrix(result)
    assert matrix.cell("P01", "IC.F").summary() == (
        '1 segment: 1 barrier | "We lost two support workers in May." [T1:0-37]'
    )
    assert [row[8:13] for row in matrix.long_rows()[1:]] == [
        ["We lost two support workers in May.", "T1", "P01", "T1:0", 0]
    ]
    assert [row[13] for row in matrix.long_rows()[1:]] == [len(said)]
    row = barriers_enablers(result, MINI).rows()[1]
    assert row[6] == '"We lost two support workers in May." [P01, T1:0-37]'


def test_matrix_long_csv_has_one_row_per_quote_and_defuses_formulas(tmp_path: Path) -> None:
    out = tmp_path / "long.csv"
    framework_matrix(three_interviews(), quotes=2).to_csv(out, layout="long")
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    p02 = [r for r in rows if r["case"] == "P02" and r["code_id"] == "IC.F"]
    assert [(r["quote_rank"], r["segment_id"], r["probability"]) for r in p02] == [
        ("1", "T2:1", "0.7"),
        ("2", "T2:3", "0.5"),
    ]
    assert p02[1]["quote"] == '\'=HYPERLINK("x") too much paperwork'
    assert len(rows) == 6


def test_matrix_xlsx_has_matrix_counts_and_quotes_sheets(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "matrix.xlsx"
    framework_matrix(three_interviews(), quotes=2).to_xlsx(out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Matrix", "Counts", "Quotes", "About"]
    counts = [[c.value for c in row] for row in wb["Counts"].iter_rows()]
    assert counts == [
        ["participant", "IC.F Complexity", "IS.C Culture"],
        ["P01", 3, 1],
        ["P02", 2, 1],
    ]
    assert wb["Matrix"]["B2"].value.startswith("3 segments: 3 barriers | ")


def test_an_answer_joined_across_a_backchannel_is_quoted_tidily_on_every_sheet(
    tmp_path: Path,
) -> None:
    """An Otter answer joined across the interviewer's "Mm." keeps the blanks where the
    backchannel's label and time were taken out; the *Quotes* sheet quoted them, line breaks and
    runs of blanks, where the *Matrix* sheet did not (daily13, s83). Both quote it as Table 2
    and the report do; the codings' text and offsets stay as the transcript has them."""
    from openpyxl import load_workbook

    from roqa_nlp.report import _quote_view

    said = "So we had to start again.\n\n        \n   \n\n     \nAnd we've started a rota."
    tidy = "So we had to start again. And we've started a rota."
    result = CodingResult(
        segments=[seg("T1", 0, said, ("IC.F", 0.9, "barrier"))],
        transcripts={"T1": transcript("T1", "P01")},
    )
    out = tmp_path / "matrix.xlsx"
    framework_matrix(result).to_xlsx(out)
    wb = load_workbook(out)
    assert wb["Quotes"]["I2"].value == tidy
    assert wb["Quotes"]["M2"].value == 0 and wb["Quotes"]["N2"].value == len(said)
    assert wb["Matrix"]["B2"].value == f'1 segment: 1 barrier | "{tidy}" [T1:0-{len(said)}]'
    row = barriers_enablers(result, MINI).rows()[1]
    assert row[6] == f'"{tidy}" [P01, T1:0-{len(said)}]'
    (q,) = framework_matrix(result).cell("P01", "IC.F").quotes
    assert _quote_view(q, {})["text"] == tidy
    assert result.segments[0].segment.text == said


def test_matrix_xlsx_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "matrix.xlsx"
    framework_matrix(three_interviews(), quotes=2).to_xlsx(out)
    quotes = load_workbook(out)["Quotes"]
    cell = next(c for c in quotes["I"] if str(c.value).startswith("=HYPERLINK"))
    assert cell.data_type == "s"
    assert cell.value == '=HYPERLINK("x") too much paperwork'


def test_matrix_xlsx_leaves_out_what_xml_cannot_hold_and_keeps_numbers_numbers(
    tmp_path: Path,
) -> None:
    """A transcript may hold U+FFFE, U+FFFF or a control character, which no Excel file can:
    they are left out of the cell (writing failed with an internal error). The probability of
    a quote is a number a spreadsheet sorts by."""
    from openpyxl import load_workbook

    said = "Money\ufffe, mostly\uffff.\x01"
    result = CodingResult(
        segments=[seg("T1", 0, said, ("IC.F", 0.34779, "barrier"))],
        transcripts={"T1": transcript("T1", "P01")},
    )
    out = tmp_path / "matrix.xlsx"
    framework_matrix(result).to_xlsx(out)
    quotes = [[c.value for c in row] for row in load_workbook(out)["Quotes"].iter_rows()]
    assert quotes[1][8:] == [
        *["Money, mostly.", "T1", "P01", "T1:0", 0, 17, 0.3478, "barrier"],
        *[None, "code unsure (0.35)"],  # no valence probability recorded
    ]
    table = tmp_path / "table2.xlsx"
    barriers_enablers(result, MINI).to_xlsx(table)
    assert "Money, mostly." in str(load_workbook(table).active["G2"].value)


# -- barriers and enablers --------------------------------------------------------------------


def test_barriers_enablers_groups_constructs_under_domains_in_codebook_order() -> None:
    t = barriers_enablers(three_interviews(), MINI)
    assert [(d.id, [c.code_id for c in d.constructs]) for d in t.domains] == [
        ("IC", ["IC.F"]),
        ("IS", ["IS.C"]),
    ]


def test_barriers_enablers_puts_each_segment_on_its_valence_side() -> None:
    row = barriers_enablers(three_interviews(), MINI).construct("IC.F")
    assert row is not None
    assert (row.barriers.segments, row.barriers.participants) == (4, ["P01", "P02"])
    assert (row.enablers.segments, row.enablers.participants) == (1, ["P02"])
    assert not row.neutral


def test_barriers_enablers_quotes_one_voice_per_participant_first() -> None:
    row = barriers_enablers(three_interviews(), MINI, quotes=2).construct("IC.F")
    assert row is not None
    assert [q.segment_id for q in row.barriers.quotes] == ["T3:0", "T2:3"]


def valenced(
    tid: str, n: int, code: str, p: float, valence: str, vp: float | None
) -> SegmentResult:
    """Segment ``n`` of ``tid`` suggested ``code`` at ``p`` with ``valence`` at ``vp``."""
    s = seg(tid, n, f"{tid} segment {n}.", (code, p, valence))
    return dataclasses.replace(
        s, suggestions=[dataclasses.replace(s.suggestions[0], valence_probability=vp)]
    )


def test_a_sides_quotes_are_the_surest_of_code_and_valence_first(tmp_path: Path) -> None:
    """Tester T (s35), defect 1: a quote is evidence for its cell, the construct on one side, so
    a side's quotes go by code probability x valence probability: the 0.94 code whose
    enabler call is 0.52 (a barrier in fact) comes after a 0.70 code sure of its enabler
    (0.665 > 0.4888), and was the only quote of the default Word table. Ties (T3:0 and T3:1,
    both 0.8 x 0.8) keep data order; each participant's surest first, as before."""
    r = CodingResult(
        segments=[
            valenced("T1", 0, "IC.F", 0.94, "enabler", 0.52),  # 0.4888
            valenced("T2", 0, "IC.F", 0.70, "enabler", 0.95),  # 0.665
            valenced("T3", 0, "IC.F", 0.80, "enabler", 0.80),  # 0.64
            valenced("T3", 1, "IC.F", 0.80, "enabler", 0.80),  # 0.64, P03's second
            valenced("T1", 1, "IC.F", 0.30, "enabler", None),  # 0.30: no valence probability
        ],
        transcripts={
            t.id: t
            for t in [transcript("T1", "P01"), transcript("T2", "P02"), transcript("T3", "P03")]
        },
    )
    row = barriers_enablers(r, MINI, quotes=5).construct("IC.F")
    assert row is not None
    assert [q.segment_id for q in row.enablers.quotes] == ["T2:0", "T3:0", "T1:0", "T3:1", "T1:1"]
    out = tmp_path / "t.docx"
    barriers_enablers(r, MINI).to_docx(out)  # one quote per bullet, as roqa report --table
    assert docx_rows(out)[2][1][1] == "\u201cT2 segment 0.\u201d (P02)"
    from roqa_nlp.report import render_report

    html = render_report(r, MINI)
    page = html[html.index('id="table2"') : html.index('id="ratings"')]
    shown = re.findall(r'<span class="qtext">(T\d segment \d)\.</span>', page)
    assert shown == ["T2 segment 0", "T3 segment 0", "T1 segment 0"]  # 3 a side (TABLE2_QUOTES)


def test_tied_quotes_go_in_participant_order_whatever_order_the_files_were_named() -> None:
    """daily27 (s90), D1: a review's codes all score 1 and tie, and ties went in data order, so
    ``roqa code study/*.vtt study/*.docx`` (P01, P03, P02 read in that order) quoted other
    participants than ``roqa code study/``. Ties go by participant in natural order, as
    Table 2 lists them (P2 before P10), then by transcript (P01's waves: T1 before T3), each
    participant's first before anyone's second as before."""
    people = {"T1": "P01", "T3": "P01", "T2": "P2", "P10": "P10"}
    read = {t: [valenced(t, n, "IC.F", 1.0, "barrier", None) for n in range(2)] for t in people}
    expected = ["T1:0", "T2:0", "P10:0", "T1:1", "T3:0"]
    for named in (["T3", "P10", "T2", "T1"], ["T1", "T2", "T3", "P10"]):
        r = CodingResult(
            segments=[s for t in named for s in read[t]],
            transcripts={t: transcript(t, people[t]) for t in named},
        )
        row = barriers_enablers(r, MINI, quotes=5).construct("IC.F")
        assert row is not None
        assert [q.segment_id for q in row.barriers.quotes] == expected
        cell = framework_matrix(r, quotes=3).cell("P01", "IC.F")
        assert [q.segment_id for q in cell.quotes] == ["T1:0", "T1:1", "T3:0"]


def test_a_review_charts_the_researchers_valences_before_the_models_kept_unsure() -> None:
    """Every reviewed code is at probability 1 (first, as before); among them a valence the
    researcher gave (1) before the model's kept on an accepted code (0.55, still marked
    unsure), whatever the data order."""
    from roqa_nlp.decisions import Decision, reviewed_codings

    model = CodingResult(
        segments=[valenced(f"T{n}", 0, "IS.C", 0.6, "barrier", 0.55) for n in (1, 2, 3)],
        transcripts={f"T{n}": transcript(f"T{n}", f"P0{n}") for n in (1, 2, 3)},
    )
    said = {f"T{n}:0": f"T{n} segment 0." for n in (1, 2, 3)}
    decisions = [
        Decision("T1:0", "accept", "IS.C", text=said["T1:0"]),
        Decision("T2:0", "accept", "IS.C", text=said["T2:0"]),
        Decision("T2:0", "valence", text=said["T2:0"], valence="barrier"),
        Decision("T3:0", "accept", "IS.C", text=said["T3:0"]),
        Decision("T3:0", "valence", text=said["T3:0"], valence="barrier"),
    ]
    reviewed, _, _ = reviewed_codings(decisions, model, MINI, coder="Alice")
    row = barriers_enablers(reviewed, MINI, quotes=3).construct("IS.C")
    assert row is not None
    assert [(q.segment_id, q.probability, q.valence_probability) for q in row.barriers.quotes] == [
        ("T2:0", 1.0, 1.0),
        ("T3:0", 1.0, 1.0),
        ("T1:0", 1.0, 0.55),
    ]


def spoken(s: SegmentResult, speaker: str) -> SegmentResult:
    return dataclasses.replace(s, segment=dataclasses.replace(s.segment, speaker=speaker))


def test_a_focus_groups_quotes_are_its_speakers_and_table_2_counts_people(
    tmp_path: Path,
) -> None:
    """Three members of focus group FG1 raised Complexity: Table 2 said '2 participants (FG1,
    P01)' and cited the group for a member's words (session 27)."""
    from docx import Document

    r = three_interviews()
    group = [
        spoken(seg("FG1", 0, "Training is thin.", ("IC.F", 0.9, "barrier")), "P06"),
        spoken(seg("FG1", 1, "It is hard.", ("IC.F", 0.8, "barrier")), "P07"),
        spoken(seg("FG1", 2, "Agreed, so hard.", ("IC.F", 0.7, "barrier")), "P06"),
        spoken(seg("FG1", 3, "Who wants tea?", ("IC.F", 0.7, "neutral"), role="interviewer"), "I"),
    ]
    transcripts = {**r.transcripts, "FG1": transcript("FG1", "FG1")}
    r = CodingResult(segments=[*r.segments, *group], transcripts=transcripts)
    row = barriers_enablers(r, MINI, quotes=4).construct("IC.F")
    assert row is not None
    assert row.barriers.participants == ["P01", "P02", "P06", "P07"]
    assert [(q.segment_id, q.participant, q.who) for q in row.barriers.quotes] == [
        ("T3:0", "P01", "P01"),
        ("FG1:0", "FG1", "P06"),
        ("FG1:1", "FG1", "P07"),
        ("T2:3", "P02", "P02"),
    ]
    # the matrix's cases stay the transcripts' participants: the group is one row
    assert framework_matrix(r).count("FG1", "IC.F") == 3
    out = tmp_path / "t.docx"
    barriers_enablers(r, MINI, quotes=2).to_docx(out, quotes=2)
    assert Document(str(out)).tables[0].rows[2].cells[0].text.split("\n") == [
        "Complexity: 4 participants (P01, P02, P06, P07), 7 segments",
        "\u201cYou need real skill to do recovery work.\u201d (P01)",
        "\u201cTraining is thin.\u201d (P06)",
    ]
    # the spreadsheets cite each quote as the Word table does, by who said it (session 29)
    out = tmp_path / "t.csv"
    barriers_enablers(r, MINI, quotes=2).to_csv(out)
    quotes = next(row for row in csv.reader(out.open(encoding="utf-8-sig")) if row[2] == "IC.F")[6]
    assert quotes == (
        '"You need real skill to do recovery work." [P01, T3:0-40] | '
        '"Training is thin." [P06, FG1:0-17]'
    )
    # the matrix's row is the group: its cell names the member who said it
    assert framework_matrix(r).cell("FG1", "IC.F").summary().split(" | ")[1:2] == [
        '"Training is thin." [P06, FG1:0-17]'
    ]
    # one participant under two display names (a Zoom rename), or a diarisation split: one
    # person, the transcript's case, not two people named by their (real) display names
    renamed = CodingResult(
        segments=[
            spoken(seg("T9", 0, "No staff.", ("IC.F", 0.9, "barrier")), "Maria Okafor"),
            spoken(seg("T9", 1, "No time.", ("IC.F", 0.9, "barrier")), "Maria Okafor (she/her)"),
            spoken(seg("T9", 2, "No money.", ("IC.F", 0.9, "barrier")), "P7"),
            spoken(seg("T9", 3, "No room.", ("IC.F", 0.9, "barrier")), "P07"),
        ],
        transcripts={"T9": transcript("T9", "P07")},
    )
    row9 = barriers_enablers(renamed, MINI).construct("IC.F")
    assert row9 is not None and row9.barriers.participants == ["P07"]
    # a group of first names is a group; an unknown speaker in it is no one
    named = CodingResult(
        segments=[
            spoken(seg("FG2", 0, "No staff.", ("IC.F", 0.9, "barrier")), "Anna"),
            spoken(seg("FG2", 1, "No time.", ("IC.F", 0.9, "barrier")), "Ben"),
            spoken(seg("FG2", 2, "No room.", ("IC.F", 0.9, "barrier")), "Unknown speaker"),
        ],
        transcripts={"FG2": transcript("FG2", "FG2")},
    )
    row2 = barriers_enablers(named, MINI).construct("IC.F")
    assert row2 is not None and row2.barriers.participants == ["Anna", "Ben"]
    # a joint interview named by its first participant's number is still two people; one
    # person's device rejoin, and a file's own speaker numbers, are not
    joint = CodingResult(
        segments=[
            spoken(seg("J1", 0, "No staff.", ("IC.F", 0.9, "barrier")), "P06"),
            spoken(seg("J1", 1, "No time.", ("IC.F", 0.9, "barrier")), "P07"),
            spoken(seg("S1", 0, "No staff.", ("IC.F", 0.9, "barrier")), "Maria Okafor"),
            spoken(seg("S1", 1, "No time.", ("IC.F", 0.9, "barrier")), "Maria's iPhone"),
            spoken(seg("S2", 0, "No staff.", ("IC.F", 0.9, "barrier")), "SPEAKER_01"),
            spoken(seg("S2", 1, "No time.", ("IC.F", 0.9, "barrier")), "SPEAKER_02"),
        ],
        transcripts={
            "J1": transcript("J1", "P06"),
            "S1": transcript("S1", "S1"),
            "S2": transcript("S2", "S2"),
        },
    )
    row3 = barriers_enablers(joint, MINI).construct("IC.F")
    assert row3 is not None and row3.barriers.participants == ["P06", "P07", "S1", "S2"]
    # one participant speaking under one label: the transcript's case, as before
    alone = barriers_enablers(three_interviews(), MINI).construct("IC.F")
    assert alone is not None
    assert {q.who for q in alone.barriers.quotes} == {"P01", "P02"}


def test_barriers_enablers_reads_facilitator_as_enabler() -> None:
    row = barriers_enablers(three_interviews(), MINI).construct("IS.C")
    assert row is not None
    assert row.enablers.participants == ["P01", "P02"]
    assert [q.segment_id for q in row.enablers.quotes] == ["T1:2", "T2:0"]


def test_barriers_enablers_lists_codes_outside_the_codebook_last() -> None:
    r = three_interviews()
    r.segments.append(seg("T3", 1, "Housing is a mess.", ("HOUSING", 0.8, "barrier")))
    t = barriers_enablers(r, MINI)
    assert [d.id for d in t.domains] == ["IC", "IS", "outside"]
    assert t.domains[-1].constructs[0].barriers.participants == ["P01"]


# -- saturation -------------------------------------------------------------------------------

# Codes per interview, and the hand computation of new codes per interview:
#  1: A B C -> 3   2: B D -> 1 (D)   3: E -> 1   4: A F -> 1 (F)   5: G -> 1   6: A -> 0
#  7: H -> 1       8: B -> 0         9: C -> 0   10: I -> 1        11: A -> 0  12: J -> 1
# 13: B -> 0      14: C -> 0        15: D -> 0
SEQUENCE = [
    "A B C", "B D", "E", "A F", "G", "A", "H", "B", "C", "I", "A", "J", "B", "C", "D"
]  # fmt: skip
NEW = [3, 1, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0]


def interviews(codes: list[str]) -> CodingResult:
    """One transcript per entry, I01 ... (participant P01 ...), one segment per code."""
    segments = []
    transcripts = {}
    for i, line in enumerate(codes, 1):
        tid = f"I{i:02d}"
        transcripts[tid] = transcript(tid, f"P{i:02d}")
        for n, code in enumerate(line.split()):
            segments.append(seg(tid, n, f"about {code}", (code, 0.9, "neutral")))
    return CodingResult(segments=segments, transcripts=transcripts)


def test_saturation_counts_new_codes_per_interview_in_order() -> None:
    s = saturation(interviews(SEQUENCE))
    assert s.new_counts == NEW
    assert s.new_codes[1] == ["D"]
    assert s.cumulative == [3, 4, 5, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 10, 10]


def test_francis_10_plus_3_reached_after_three_quiet_interviews_past_the_last_new_code() -> None:
    # Interview 12 brought J, so 11-13 is not quiet; 13, 14, 15 are: reached at 15.
    f = saturation(interviews(SEQUENCE)).francis
    assert (f.reached, f.at, f.interview) == (True, 15, "I15")
    assert f.message.startswith("Saturation reached at interview 15 (P15, I15). ")


def test_each_row_of_the_saturation_table_says_where_the_stopping_rule_stands() -> None:
    """A .csv has one sheet: the verdict is carried row by row (session 20)."""
    s = saturation(interviews(SEQUENCE))
    assert s.stopping_rule() == [
        *["initial sample"] * 10,
        "no new code (1 of 3)",
        "new code",  # J: the count restarts
        "no new code (1 of 3)",
        "no new code (2 of 3)",
        "saturation reached (3 of 3)",
    ]
    assert [row[8] for row in s.rows()[1:]] == s.stopping_rule()
    later = saturation(interviews([*SEQUENCE, "A", "Z"]))
    assert later.stopping_rule()[-2:] == ["after saturation", "after saturation: new code"]
    never = saturation(interviews(SEQUENCE), stopping_criterion=5)
    assert never.francis.reached is False
    assert never.stopping_rule()[-1] == "no new code (3 of 5)"
    # nothing charted anywhere: quiet interviews are no sign of saturation
    silent = saturation(interviews(SEQUENCE), min_probability=0.95)
    assert silent.new_counts == [0] * 15 and not silent.francis.reached
    assert silent.stopping_rule() == ["no code charted"] * 15


def test_a_verdict_of_reached_says_when_later_interviews_still_brought_new_codes() -> None:
    """Reached at 15 by the rule, but interview 17 brought Z: the write-up must not claim
    saturation the later data contradict (session 27)."""
    s = saturation(interviews([*SEQUENCE, "A", "Z"]))
    assert (s.francis.reached, s.francis.at) == (True, 15)
    assert s.francis.message == (
        "Saturation reached at interview 15 (P15, I15). No new codes in interviews 13-15 after "
        "an initial sample of 10. But 1 later interview(s) added new codes (interview 17 (P17): "
        "Z (1 segment, p=0.90)): the interviews after the stopping point do not bear saturation "
        "out."
    )
    assert s.guest.message.endswith(
        ". But 3 later interview(s) added new codes (interview 10 (P10): I (1 segment, "
        "p=0.90); interview 12 (P12): J (1 segment, p=0.90); interview 17 (P17): Z (1 segment, "
        "p=0.90)): the interviews after the stopping point do not bear saturation out."
    )
    five = saturation(interviews([*SEQUENCE, *"VWXYZ"]), base_size=2)
    assert five.francis.message.endswith(
        "(interview 16 (P16): V (1 segment, p=0.90); interview 17 (P17): W (1 segment, p=0.90); "
        "interview 18 (P18): X (1 segment, p=0.90); and 2 more interview(s)): the interviews "
        "after the stopping point do not bear saturation out."
    )
    # nothing new after the stopping point: the verdict as before
    assert saturation(interviews([*SEQUENCE, "A"])).francis.message.endswith(
        "initial sample of 10."
    )


def test_verdicts_not_reached_or_not_borne_out_name_the_participants_of_the_interviews() -> None:
    """Blind tester s51 (saturation, finding 4): "interview 15 still added new codes" and
    "interviews 15, 16 after it added 2 new codes" named positions alone, read as participant
    numbers (row 15 was P16), where "reached at interview 15 (P15, p15_interview)" named the
    participant. Each interview is named with its participant now."""
    order = [f"I{i:02d}" for i in range(1, 16)] + ["I17", "I16"]
    s = saturation(interviews([*SEQUENCE, "A", "Z"]), order=order)
    assert s.francis.message.endswith(
        ". But 1 later interview(s) added new codes (interview 16 (P17): Z (1 segment, "
        "p=0.90)): the interviews after the stopping point do not bear saturation out."
    )
    assert s.verdict_rows()[1][2] == (
        "yes, but not borne out: interview 16 (P17) after it added 1 new code"
    )
    order = [f"I{i:02d}" for i in (*range(1, 12), 13, 12, 14)]
    assert saturation(interviews(SEQUENCE[:14]), order=order).francis.message.startswith(
        "Saturation not reached. Interview 13 in the order given (P12, I12) still added new "
        "codes: J (1 segment, p=0.90). Continue interviewing"
    )
    assert saturation(interviews(SEQUENCE[:14])).francis.message.startswith(
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: J (1 segment, "
    )


def test_a_verdict_in_an_order_given_numbers_its_interviews_one_way() -> None:
    """Blind tester s63 (sat, finding 3): one verdict said "the 13th interview in the order
    given (P02, p02_interview)" and then "interview 3 (P12): IC.C": two styles, and the reader
    had to work out that "interview 3" is a place in the order, not a participant. Every
    interview is "interview N" now, the first said to be numbered in the order given."""
    result = interviews(SEQUENCE[:14])
    three = next(s for s in result.segments if s.segment.transcript_id == "I03")
    # E, new in interview 3, unsure
    three.suggestions[0] = dataclasses.replace(three.suggestions[0], probability=0.3)
    order = [f"I{i:02d}" for i in (*range(1, 12), 13, 12, 14)]
    s = saturation(result, order=order)
    assert s.francis.message == (
        "Saturation not reached. Interview 13 in the order given (P12, I12) still added new "
        "codes: J (1 segment, p=0.90). Continue interviewing until 3 consecutive interviews add "
        "no new code. 1 of the 10 new codes rests only on unsure suggestions in the interview "
        "where it was new (every segment of it there below p=0.40, listed last): the verdict "
        "counts them as codes the interviews used, so review them before reporting it. Unsure new "
        "code: E p=0.30 in interview 3 (P03)."
    )
    assert s.guest.message.startswith(
        "Saturation reached at interview 9 in the order given (P09, I09). Base 4"
    )
    # without an order, the numbers are the order coded: nothing to say of them
    assert saturation(result).francis.message.startswith(
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: J (1 segment, "
    )


def test_a_new_code_below_the_line_never_shows_the_line_as_its_probability() -> None:
    """Blind tester s63 (sat, finding 4): "IC.C Relative Advantage (1 segment, p=0.40)", then
    in the same verdict "every segment below p=0.40 ... p=0.395": 0.395 rounded up to the line
    it falls below. It is shown as Table 2 shows it, 0.395."""
    result = interviews(SEQUENCE[:14])
    twelve = next(s for s in result.segments if s.segment.transcript_id == "I12")
    twelve.suggestions[0] = dataclasses.replace(twelve.suggestions[0], probability=0.395)
    assert saturation(result).francis.message == (
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: J (1 segment, "
        "p=0.395). Continue interviewing until 3 consecutive interviews add no new code. 1 of the "
        "10 new codes rests only on unsure suggestions in the interview where it was new (every "
        "segment of it there below p=0.40, listed last): the verdict counts them as codes the "
        "interviews used, so review them before reporting it. Unsure new code: J p=0.395 in "
        "interview 12 (P12)."
    )
    # at the line, or above it: two decimals, as before
    twelve.suggestions[0] = dataclasses.replace(twelve.suggestions[0], probability=0.4)
    assert "J (1 segment, p=0.40). Continue" in saturation(result).francis.message
    # just above it: two decimals, as the saturation table beside it shows it (a hunt found
    # "p=0.405" and "p=0.4001" there, beside the table's 0.40)
    for p, shown in ((0.405, "0.41"), (0.40004, "0.40"), (0.999, "1.00")):
        twelve.suggestions[0] = dataclasses.replace(twelve.suggestions[0], probability=p)
        assert f"J (1 segment, p={shown}). Continue" in saturation(result).francis.message


def reviewed_with_no_code_fitting(codes: list[str], no_code: str, study: int) -> CodingResult:
    """A review of ``codes`` (one transcript each, I01 ...) of a study of ``study`` interviews,
    those after them not reached, in which every segment of ``no_code`` was decided to fit no
    code."""
    result = interviews(codes)
    for s in result.segments:
        if s.segment.transcript_id == no_code:
            s.suggestions = []
    ids = [f"I{i:02d}" for i in range(1, study + 1)]
    result.meta = {
        "user": {"name": "Alice"},
        "reviewed_segments": [s.segment.id for s in result.segments],
        "transcripts_not_reviewed": ids[len(codes) :],
        "participants_not_reviewed": [f"P{t[1:]}" for t in ids[len(codes) :]],
        "study_interviews": ids,
    }
    return result


def test_an_interview_the_reviewer_decided_fits_no_code_is_said_so_of_the_reviewed_ones() -> None:
    """Blind tester s63 (sat, finding 5): every segment of P11 decided to fit no code, the
    verdict said "only 12 of the 13 interviews have something coded" in a study of 14 (1 not
    reviewed), and guessed "a failed recording, consent or small talk only?" of a full
    interview. It says of the reviewed interviews, and that the reviewer decided no code fits.
    (I12's new code J leaves I13 and I14 after it, too few for a quiet run of 3 whatever I14's
    review finds: interviewing comes first, the review second, since tester s74's defect 1.)"""
    s = saturation(reviewed_with_no_code_fitting(SEQUENCE[:13], "I11", 14))
    assert s.francis.message == (
        "Saturation not reached. Only 12 of the 13 reviewed interviews have something coded, the "
        "rule needs at least 13 (interview(s) 11 have no code charted at all, as the reviewer "
        "decided no code fits any of their segments, and are not counted: an interview with "
        "nothing coded is no evidence of saturation). The codes decided so far keep the rule "
        "from being met, whatever the rest of the review decides: continue interviewing until 3 "
        "consecutive interviews add no new code, and finish the review of I14 (P14). 1 "
        "transcript(s) not reviewed yet are left out of the "
        "judgement (the others keep their numbers in the study's order): I14 (interview 14, "
        "P14)."
    )
    # too few reviewed: said of the reviewed ones too
    s = saturation(reviewed_with_no_code_fitting(SEQUENCE[:4], "I02", 14))
    assert s.francis.message.startswith(
        "Saturation not reached. Only 3 of the 4 reviewed interviews have something coded, the "
        "rule needs at least 13 (interview(s) 2 have no code charted at all, as the reviewer "
        "decided no code fits any of their segments, and are not counted"
    )
    s = saturation(reviewed_with_no_code_fitting(["A B", "C D", "A", "B", "A", "C"], "I05", 7))
    assert s.guest.message.startswith(
        "Saturation reached at interview 6 (P06, I06). Base 4 interviews (4 codes), run 5-6 "
        "added 0 new code(s) = 0.0% <= 5% new information. But interview(s) 5 of that run have "
        "no code charted at all (the reviewer decided no code fits any of their segments): an "
        "interview with nothing coded is no evidence of saturation, so leave it out of the "
        "order (--order)."
    )
    # an interview with nothing to decide (a dropped call) is still guessed at
    result = reviewed_with_no_code_fitting(SEQUENCE[:13], "I11", 14)
    result.meta["reviewed_segments"] = [
        s.segment.id for s in result.segments if s.segment.transcript_id != "I11"
    ]
    assert "interview(s) 11 have no code charted at all, a failed recording, consent or small " \
        "talk only?, and are not counted" in saturation(result).francis.message  # fmt: skip
    # an interview with segments left undecided: the review has not said no code fits it (a hunt
    # found "the reviewer decided no code fits any segment" beside "2 of 3 segments undecided")
    result = reviewed_with_no_code_fitting(SEQUENCE[:13], "I11", 14)
    result.meta["undecided_segments"] = {"I11": [2, 3]}
    message = saturation(result).francis.message
    assert "interview(s) 11 have no code charted at all, a failed recording, consent or small " \
        "talk only?, and are not counted" in message  # fmt: skip
    assert "reviewer decided" not in message


def test_a_verdict_of_reached_on_a_half_done_review_says_which_interviews_are_undecided() -> None:
    """A review stopped after the first segment of interviews 13-15 read as saturated: the
    verdict says those interviews are partly reviewed (session 27)."""
    result = interviews(SEQUENCE)
    result.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I14": [2, 3], "I15": [4, 5]}}
    s = saturation(result)
    assert (s.francis.reached, s.francis.at) == (True, 15)
    assert s.francis.message.endswith(
        "initial sample of 10. But interview(s) 14, 15 of that run are only partly reviewed (6 "
        "of their 8 segments undecided): the verdict rests on the decided segments, so finish "
        "the review before reporting it."
    )
    # undecided segments before the run do not touch the verdict on it
    result.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I02": [1, 3]}}
    assert saturation(result).francis.message.endswith("initial sample of 10.")


GUID = "556d5796-daaa-4b66-9060-a902ab13334c"


def test_codes_a_qda_program_made_are_shown_by_name_not_guid() -> None:
    """NVivo's codes come in with GUID ids: the saturation table, its verdict and the matrix's
    columns name them (session 27: '556d5796-daaa-...' was the new code of interview 1)."""
    from roqa_nlp.codebook import shown_code

    assert shown_code(GUID, "Staff turnover") == "Staff turnover"
    assert shown_code(GUID.upper(), "Staff turnover") == "Staff turnover"
    assert shown_code(GUID, "") == GUID
    assert shown_code("IS.E.2", "Available Resources") == "IS.E.2"
    segments = [
        seg("T0", 0, "We talked.", ("IC.A", 1.0, "neutral")),  # the initial sample of one
        SegmentResult(
            seg("T1", 0, "People leave.").segment,
            [Suggestion(GUID, "Staff turnover", None, 1.0, "barrier")],
        ),
        seg("T1", 1, "Complex.", ("IC.F", 1.0, "barrier")),
    ]
    bob = CodingResult(
        segments,
        {"T0": transcript("T0", "P00"), "T1": transcript("T1", "P01")},
        {"user": {"name": "Bob"}},
    )
    sat = saturation(bob, initial_sample=1, stopping_criterion=1)
    assert sat.new_codes == [["IC.A"], [GUID, "IC.F"]]
    assert sat.rows()[2][4] == "Staff turnover; IC.F Complexity"
    assert sat.francis.message.startswith(
        "Saturation not reached. Interview 2 (P01, T1) still added new codes: Staff turnover "
        "(1 segment), IC.F Complexity (1 segment)."  # a person's codes: no p, as the report shows them
    )
    # codebook order, a code the codebook does not know after its codes (session 47)
    assert framework_matrix(bob).wide_rows()[0][1:] == [
        "IC.A Intervention Source",
        "IC.F Complexity",
        "Staff turnover",
    ]
    # two codes of one name stay apart; names are separated by semicolons, never blanks
    other = "9f1c0e2a-0000-4000-8000-000000000000"
    twins = CodingResult(
        [
            SegmentResult(
                seg("T1", 0, "People leave.").segment,
                [Suggestion(GUID, "Staff", None, 1.0, "barrier")],
            ),
            SegmentResult(
                seg("T1", 1, "Rota gaps.").segment,
                [Suggestion(other, "Staff", None, 1.0, "barrier")],
            ),
        ],
        {"T1": transcript("T1", "P01")},
        {"user": {"name": "Bob"}},
    )
    sat = saturation(twins, initial_sample=1, stopping_criterion=1)
    assert sat.rows()[1][4] == "Staff [9f1c0e2a]; Staff [556d5796]"
    assert framework_matrix(twins).wide_rows()[0][1:] == ["Staff [9f1c0e2a]", "Staff [556d5796]"]


def test_francis_not_reached_when_the_quiet_run_is_too_short() -> None:
    f = saturation(interviews(SEQUENCE[:14])).francis
    assert (f.reached, f.at) == (False, None)
    assert f.message.startswith("Saturation not reached. ")


def test_francis_not_reached_with_fewer_interviews_than_the_rule_needs() -> None:
    f = saturation(interviews(["A"] * 12)).francis
    assert not f.reached
    assert "Only 12 interview(s), the rule needs at least 13." in f.message


def test_francis_parameters_move_the_stopping_point() -> None:
    # Initial sample 5, stopping criterion 2: first k >= 7 ending two quiet interviews is 9 (8, 9).
    s = saturation(interviews(SEQUENCE), initial_sample=5, stopping_criterion=2)
    assert s.francis.at == 9


def test_francis_ignores_quiet_interviews_inside_the_initial_sample() -> None:
    # 8 and 9 are quiet but inside the initial sample of 10: they do not count.
    assert francis_stopping_rule([1] * 7 + [0, 0, 0, 0, 0, 0]) == 13
    assert francis_stopping_rule([1] * 7 + [0, 0, 0, 0, 0, 0], initial_sample=7) == 10


def test_an_initial_sample_of_no_interview_is_a_one_line_error() -> None:
    """saturation(..., initial_sample=0) was accepted: the 10+3 rule then judged from the first
    interview, with no sample analysed first, which is not the rule (leftover s37). The
    command line refused it all along (--initial-sample takes 1 or more)."""
    for call in (
        lambda: saturation(interviews(SEQUENCE), initial_sample=0),
        lambda: francis_stopping_rule([1] * 13, initial_sample=0),
    ):
        with pytest.raises(ValueError) as err:
            call()
        assert str(err.value) == (
            "the initial sample of the 10+3 rule must be at least 1 interview, got 0 "
            "(Francis et al. (2010) analyse 10 interviews first: initial_sample=10)"
        )
    with pytest.raises(ValueError) as err:
        saturation(interviews(SEQUENCE), stopping_criterion=0)
    assert str(err.value) == (
        "the stopping criterion of the 10+3 rule must be at least 1 interview, got 0 "
        "(Francis et al. (2010) stop after 3 further interviews with no new idea: "
        "stopping_criterion=3)"
    )


def test_guest_view_base_runs_and_threshold() -> None:
    # Base = interviews 1-4: 3+1+1+1 = 6 codes. Runs of 2: 5-6 -> 1/6, 6-7 -> 1/6, 7-8 -> 1/6,
    # 8-9 -> 0/6 = 0 % <= 5 %: reached at interview 9.
    g = saturation(interviews(SEQUENCE)).guest
    assert g.base_codes == 6
    assert [(r.first, r.last, r.new) for r in g.runs[:4]] == [
        (5, 6, 1),
        (6, 7, 1),
        (7, 8, 1),
        (8, 9, 0),
    ]
    assert g.runs[0].ratio == pytest.approx(1 / 6)
    assert (g.reached, g.at, g.interview) == (True, 9, "I09")
    assert "run 8-9 added 0 new code(s) = 0.0% <= 5% new information" in g.message


def test_guest_run_length_three_needs_a_longer_quiet_stretch() -> None:
    # Runs of 3: 5-7 2, 6-8 1, 7-9 1, 8-10 1, 9-11 1, 10-12 2, 11-13 1, 12-14 1, 13-15 0.
    g = saturation(interviews(SEQUENCE), run_length=3).guest
    assert [r.new for r in g.runs] == [2, 1, 1, 1, 1, 2, 1, 1, 0]
    assert g.at == 15
    assert not saturation(interviews(SEQUENCE[:14]), run_length=3).guest.reached


def test_guest_threshold_above_one_run_ratio_stops_earlier() -> None:
    # 1/6 = 16.7 % <= 20 %: the first run (5-6) already meets a 20 % threshold.
    assert saturation(interviews(SEQUENCE), new_info_threshold=0.2).guest.at == 6


def one_interview_in_two_files() -> CodingResult:
    """P02's interview recorded as two files (p02_part1, p02_part2); P03's as two files under
    other names that give the same participant id; one file each for P01 and P04."""
    codes = {
        "p01": ("P01", "A B"),
        "p02_part1": ("P02", "C"),
        "p02_part2": ("P02", "D A"),
        "zoom_morning": ("P03", "E"),
        "zoom_afternoon": ("P03", "F"),
        "p04": ("P04", "A C"),
    }
    return CodingResult(
        segments=[
            seg(tid, n, f"about {code}", (code, 0.9, "neutral"))
            for tid, (_, line) in codes.items()
            for n, code in enumerate(line.split())
        ],
        transcripts={tid: transcript(tid, case) for tid, (case, _) in codes.items()},
    )


def test_saturation_counts_one_interview_in_two_files_once_as_the_matrix_counts_its_case() -> None:
    """Saturation counted each file as an interview, so P02's interview in two parts counted
    twice (and its second part's D as a later interview's new code) while the framework matrix
    charted P02 as one case (session 40)."""
    result = one_interview_in_two_files()
    s = saturation(result, initial_sample=1, stopping_criterion=1, base_size=1, run_length=1)
    assert s.participants == framework_matrix(result).cases == ["P01", "P02", "P03", "P04"]
    assert s.interviews == ["p01", "p02_part1 + p02_part2", "zoom_morning + zoom_afternoon", "p04"]
    assert s.transcripts == [["p01"], ["p02_part1", "p02_part2"],
                             ["zoom_morning", "zoom_afternoon"], ["p04"]]  # fmt: skip
    assert s.new_codes == [["A", "B"], ["C", "D"], ["E", "F"], []]
    assert s.cumulative == [2, 4, 6, 6]
    assert (s.francis.at, s.francis.interview) == (4, "p04")
    assert s.francis.message.startswith("Saturation reached at interview 4 (P04, p04). ")
    assert [r[:4] for r in s.rows()[1:]] == [
        [1, "p01", "P01", 2],
        [2, "p02_part1 + p02_part2", "P02", 2],
        [3, "zoom_morning + zoom_afternoon", "P03", 2],
        [4, "p04", "P04", 0],
    ]
    by_file = saturation(result, cases="transcript", initial_sample=1, stopping_criterion=1)
    assert by_file.interviews == list(result.transcripts)
    assert by_file.cumulative == [2, 3, 4, 5, 6, 6]


def template_labelled_study(folder: Path) -> CodingResult:
    """Hunt s40's study, read as ``roqa code`` reads a folder: five people labelled by
    templates ('Participant 1' in three files, 'R1' in two) and one 'Speaker 2', in files whose
    names carry no participant number, one segment per code of each answer."""
    from roqa_nlp.transcripts import read_transcripts

    codes = {
        "interview_anna": ("Participant 1", "A B"),
        "interview_ben": ("Participant 1", "C D"),
        "interview_cara": ("Participant 1", "E F"),
        "r_a": ("R1", "G H"),
        "r_b": ("R1", "A G"),
        "s1_jones": ("Speaker 2", "I"),
    }
    folder.mkdir()
    for name, (label, _) in codes.items():
        (folder / f"{name}.txt").write_text(
            f"Interviewer: What gets in the way?\n{label}: Money, and staff turnover.\n", "utf-8"
        )
    found = {t.id: t for t in read_transcripts(folder)}
    return CodingResult(
        segments=[
            seg(tid, n, f"about {code}", (code, 0.9, "barrier"))
            for tid, (_, line) in codes.items()
            for n, code in enumerate(line.split())
        ],
        transcripts=found,
    )


def test_a_templates_label_in_several_files_makes_no_interview_of_them_in_matrix_or_saturation(
    tmp_path: Path,
) -> None:
    """Hunt s40: the five files labelled 'Participant 1' or 'R1' were one case, P1, in the
    matrix and one interview in saturation ('interview_anna + ... + r_b', then s1_jones), so
    the 10+3 rule could never be met; each file is now its own case and interview."""
    result = template_labelled_study(tmp_path / "study")
    names = ["interview_anna", "interview_ben", "interview_cara", "r_a", "r_b", "s1_jones"]
    s = saturation(result, initial_sample=1, stopping_criterion=1, base_size=1, run_length=1)
    assert framework_matrix(result).cases == s.participants == s.interviews == names
    assert s.new_counts == [2, 2, 2, 2, 0, 1]
    assert s.cumulative == [2, 4, 6, 8, 8, 9]


def test_an_order_naming_a_participant_of_two_files_takes_both_as_one_interview() -> None:
    s = saturation(one_interview_in_two_files(), order="P04,P02,p01,zoom_afternoon,zoom_morning")
    assert s.interviews == ["p04", "p02_part1 + p02_part2", "p01",
                            "zoom_afternoon + zoom_morning"]  # fmt: skip
    assert s.cumulative == [2, 3, 4, 6]


def test_verdicts_in_an_order_given_name_the_interviews_holding_talk_or_unsure_codes() -> None:
    """Scale tester, session 62, finding 4: in an order given, "interview(s) 13 of that run hold 1
    segment(s)" and "interview 12: IS.D ... p=0.34" named positions alone, though the study had
    a P12 elsewhere; each is named with its participant, as the other lists of a verdict are."""
    result = interviews(SEQUENCE)
    result.segments += [
        seg("I13", 5, "we started a peer-run allotment", novel=True),
        seg("I02", 6, "the rota", ("IS.C", 0.398, "neutral")),
    ]
    order = ["I01", "I03", "I02", *(f"I{i:02d}" for i in range(4, 13)), "I14", "I13", "I15"]
    message = saturation(result, order=order).francis.message
    assert (
        ". But interview(s) 14 (P13) of that run hold 1 segment(s) that fit no code, waiting "
        "for open coding: a new idea among them restarts the count. " in message
    )
    assert message.endswith("Unsure new code: IS.C Culture p=0.398 in interview 3 (P02).")


def test_saturation_follows_the_given_interview_order() -> None:
    s = saturation(interviews(["A", "B", "A B C"]), order=["I03", "I01", "I02"])
    assert s.interviews == ["I03", "I01", "I02"]
    assert s.new_counts == [3, 0, 0]


def test_saturation_rejects_an_unknown_interview_in_the_order() -> None:
    with pytest.raises(RoqaError, match="unknown transcript"):
        saturation(interviews(["A", "B"]), order=["I01", "I09"])


def test_the_transcripts_an_order_leaves_out_are_recorded_with_the_verdicts(tmp_path: Path) -> None:
    """Only a command-line warning said so: the Verdicts sheet and the report did not (session
    27)."""
    from openpyxl import load_workbook

    from roqa_nlp.report import ReportOptions, render_report

    result = interviews(["A", "B", "C"])
    with pytest.warns(RoqaWarning, match="leaves out 1 of the 3 transcripts"):
        s = saturation(result, order="I02,I01")
    assert s.left_out == ["I03"]
    assert s.verdict_rows()[-1] == ["interview order", "", "", "", "", "left out: I03"]
    s.to_xlsx(tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["Verdicts"].iter_rows(values_only=True))
    assert rows[-1][0] == "interview order" and rows[-1][-1] == "left out: I03"
    assert saturation(result).left_out == []
    with pytest.warns(RoqaWarning):
        html = render_report(result, MINI, options=ReportOptions(order=("I02", "I01")))
    assert "Interviews in the order given with <code>--order</code>; left out of it: I03." in html


def test_an_order_by_file_naming_a_participant_of_two_files_asks_for_their_transcripts() -> None:
    result = interviews(["A", "B", "C"])
    result.transcripts["I03"] = transcript("I03", "P01")  # P01 recorded in two files
    assert saturation(result, order="P01,I02").interviews == ["I01 + I03", "I02"]
    with pytest.raises(ValueError) as caught:
        saturation(result, order="P01,I02", cases="transcript")
    assert str(caught.value) == (
        "interview order names 'P01', who has 2 transcripts (I01, I03) (name each of them by "
        "its transcript id, in the order they were done)"
    )


def test_an_order_naming_one_participant_two_ways_asks_for_their_transcripts() -> None:
    """Regression hunt s46 (huntids 3b): --order "P05,P4,P04", P4 and P04 one participant of
    two transcripts, failed with "interview order repeats 'P04_followup', 'P4_interview'",
    ids never typed."""
    result = interviews(["A", "B", "C"])
    result.transcripts["I03"] = transcript("I03", "P01")
    with pytest.raises(ValueError) as caught:
        saturation(result, order="I02,P1,P01")
    assert str(caught.value) == (
        "interview order names 'P1' and 'P01', one participant (case P01) with 2 transcripts "
        "(I01, I03) (name each of them by its transcript id, in the order they were done)"
    )


def test_an_unknown_id_in_the_order_lists_every_id_it_takes() -> None:
    """Blind tester s51 (saturation, finding 9): P7's transcript is named by its date; the
    error for an unknown id listed "interview_2024-03-18, P1, ... P6, P8 ...", not P7, which
    the order takes. Each transcript id is listed with its participant id where they differ."""
    result = interviews(["A", "B", "C"])
    result.transcripts["I02"] = transcript("I02", "I02")
    result.transcripts["I03"] = transcript("I03", "P7")
    with pytest.raises(ValueError) as caught:
        saturation(result, order="I01,I02,P99")
    assert str(caught.value) == (
        "interview order names unknown transcript(s) 'P99' (use ids from: I01 (P01), I02, I03 "
        "(P7); a participant id names all of that participant's transcripts)"
    )


def test_an_order_naming_transcripts_a_review_did_not_reach_leaves_them_out() -> None:
    """The whole study's order given to a review of its first interviews: those not reviewed
    yet are left out with a warning, not an error (session 27)."""
    from roqa_nlp.errors import RoqaWarning

    result = interviews(["A", "B"])
    result.meta = {"user": {"name": "Alice"}, "transcripts_not_reviewed": ["I03", "I04"]}
    # no warning: the verdicts and the table name them as not reviewed (blind tester s63, sat,
    # finding 2: it asked "not reviewed yet?" of transcripts roqa knew were not)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        s = saturation(result, order="I02,I01,I03,I04")
    assert s.interviews == ["I02", "I01"]
    assert s.not_reviewed == [("I03", "I03", 3), ("I04", "I04", 4)]
    with pytest.raises(ValueError, match="unknown transcript.*'I05'"):
        saturation(result, order="I02,I01,I05")
    # the order may name participants, as --order allows
    result.meta["participants_not_reviewed"] = ["P03", "P04"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        assert saturation(result, order="P2,P1,P3,p04").interviews == ["I02", "I01"]


def test_transcripts_not_reviewed_are_listed_in_the_order_given() -> None:
    """Blind tester s63 (sat, finding 2): with --order, the unreviewed interviews were listed
    in the order they were coded (interviews 12, 10, 8, 7, 6 and 3 more), so the first of the
    order given were the ones hidden in "and 3 more". They are listed by their place in it."""
    result = interviews(["A B", "C"])
    ids = [f"I{i:02d}" for i in range(1, 9)]
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": ids[2:],
        "participants_not_reviewed": [f"P{i:02d}" for i in range(3, 9)],
        "study_interviews": ids,
    }
    s = saturation(result, order=",".join(reversed(ids)), initial_sample=2, stopping_criterion=3)
    assert [n for _, _, n in s.not_reviewed] == [1, 2, 3, 4, 5, 6]
    assert s.francis.message == (
        "Saturation not reached. Only 2 of the 8 interviews are reviewed, the rule needs at "
        "least 5. Finish the review of the 6 unreviewed interviews I08 (P08), I07 (P07), I06 "
        "(P06), I05 (P05), I04 (P04) and 1 more, and judge again before interviewing more. 6 "
        "transcript(s) not reviewed yet are left out of the judgement (the others keep their "
        "numbers in the order given): I08 (interview 1, P08), I07 (interview 2, P07), I06 "
        "(interview 3, P06), I05 (interview 4, P05), I04 (interview 5, P04) and 1 more."
    )
    assert s.not_reviewed_note().endswith("I04 (interview 5, P04), I03 (interview 6, P03)")
    # the order of the study, as the review recorded it, without --order: as before
    s = saturation(result, initial_sample=2, stopping_criterion=3)
    assert [n for _, _, n in s.not_reviewed] == [3, 4, 5, 6, 7, 8]


def partly_reviewed() -> CodingResult:
    """A review of I01, I02, I04 and I05 of a study of five interviews: I03 not reached, one
    segment of I05 undecided."""
    codes = {"I01": "IC.A IC.B", "I02": "IC.C", "I04": "IC.A", "I05": "IS.C"}
    result = CodingResult(
        segments=[
            seg(tid, n, f"about {code}", (code, 1.0, "neutral"))
            for tid, line in codes.items()
            for n, code in enumerate(line.split())
        ],
        transcripts={tid: transcript(tid, f"P{tid[1:]}") for tid in codes},
    )
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": ["I03"],
        "participants_not_reviewed": ["P03"],
        "study_interviews": ["I01", "I02", "I03", "I04", "I05"],
        "undecided_segments": {"I05": [1, 2]},
    }
    return result


def test_saturation_not_reached_on_a_partial_review_advises_finishing_the_review() -> None:
    """Seed replication (session 48): with 10 of 13 interviews reviewed, the verdict said "only
    10 interview(s), the rule needs at least 13; continue interviewing", though 3 interviews
    waited for review. With transcripts not reviewed yet, the advice is to finish the review."""
    s = saturation(partly_reviewed(), initial_sample=2, stopping_criterion=3)
    assert s.francis.message == (
        "Saturation not reached. Only 4 of the 5 interviews are reviewed, the rule needs at "
        "least 5. Finish the review of I03 (P03) and of the partly reviewed I05 (P05, 1 of 2 "
        "segments undecided), and judge again before interviewing more. 1 transcript(s) not "
        "reviewed yet are left out of the judgement (the others keep their numbers in the "
        "study's order): I03 (interview 3, P03)."
    )


def test_saturation_not_reached_names_every_partly_reviewed_interview() -> None:
    """Blind tester s50 (wholeint, finding 5): the verdict said "finish the review of P03 and
    judge again", though P02 (16 of 21 segments undecided) and P04 (24 of 27) were mostly
    unreviewed too. It names each partly reviewed interview, with its participant, the first
    five of more. (With too few interviews for the rule whatever the review, which these are,
    it said "finish the review ... and judge again before interviewing more" until session 56:
    interviewing comes first now, the review second.)"""
    result = partly_reviewed()
    result.meta["undecided_segments"] = {"I01": [1, 20], "I02": [16, 21], "I04": [24, 27]}
    assert saturation(result).francis.message.startswith(
        "Saturation not reached. Only 4 of the 5 interviews are reviewed, the rule needs at "
        "least 13. Continue interviewing until 3 consecutive interviews add no new code, and "
        "finish the review of I03 (P03) and of the partly reviewed I01 (P01, 1 of 20 segments "
        "undecided), I02 (P02, 16 of 21) and I04 (P04, 24 of 27). 1 transcript(s) "
    )
    result.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I02": [16, 21]}}
    assert saturation(result).francis.message == (
        "Saturation not reached. Only 4 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code, and finish the review of "
        "the partly reviewed I02 (P02, 16 of 21 segments undecided)."
    )
    many = interviews(["A"] * 7)
    many.meta = {
        "user": {"name": "Alice"},
        "undecided_segments": {f"I0{i}": [i, 9] for i in range(1, 8)},
    }
    assert saturation(many).francis.message == (
        "Saturation not reached. Only 7 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code, and finish the review of "
        "the 7 partly reviewed interviews I01 (P01, 1 of 9 segments undecided), I02 (P02, 2 of "
        "9), I03 (P03, 3 of 9), I04 (P04, 4 of 9), I05 (P05, 5 of 9) and 2 more."
    )


def test_saturation_of_too_few_interviews_for_any_review_advises_interviewing_first() -> None:
    """Writeup tester, session 56, finding 3: 6 interviews, one segment of P01's undecided,
    read "finish the review of the partly reviewed p01_interview (1 of 6 segments undecided),
    and judge again before interviewing more", though no review makes 6 interviews meet the
    10+3 rule; and it named the interview without its participant, as docs/report.md
    promises. The advice leads with interviewing; with the transcripts not reviewed yet enough
    to reach 13, finishing the review comes first, as before."""
    six = interviews(["A B", "C", "D", "E", "F", "G"])
    six.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I01": [1, 6]}}
    assert saturation(six).francis.message == (
        "Saturation not reached. Only 6 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code, and finish the review of "
        "the partly reviewed I01 (P01, 1 of 6 segments undecided)."
    )
    six.meta |= {
        "transcripts_not_reviewed": [f"I{i}" for i in range(7, 14)],
        "participants_not_reviewed": [f"P{i}" for i in range(7, 14)],
    }
    assert saturation(six).francis.message.startswith(
        "Saturation not reached. Only 6 of the 13 interviews are reviewed, the rule needs at "
        "least 13. Finish the review of the 7 unreviewed interviews I7 (P7), I8 (P8), I9 (P9), "
        "I10 (P10), I11 (P11) and 2 more and of the partly reviewed I01 (P01, 1 of 6 segments "
        "undecided), and judge again before interviewing more. "
    )
    # a transcript named as its participant but for case is not named twice (s56 hunt 4:
    # "p11 (P11) and p12 (P12)")
    six.meta |= {"transcripts_not_reviewed": [f"p{i}" for i in range(7, 14)]}
    assert saturation(six).francis.message.startswith(
        "Saturation not reached. Only 6 of the 13 interviews are reviewed, the rule needs at "
        "least 13. Finish the review of the 7 unreviewed interviews p7, p8, p9, p10, p11 and 2 "
        "more and of the partly reviewed"
    )


def test_a_verdict_names_the_first_five_transcripts_not_reviewed_and_how_many_more() -> None:
    """Scale tester, session 62, finding 3: a review of 10 of 45 interviews gave a verdict of
    2,300 characters, naming all 35 transcripts not reviewed twice. Each list is cut at five
    with how many more, as the partly reviewed interviews are; the Saturation sheet's review
    row keeps them all."""
    six = interviews(["A B", "C", "D", "E", "F", "G"])
    six.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": [f"I{i}" for i in range(7, 14)],
        "participants_not_reviewed": [f"P{i}" for i in range(7, 14)],
    }
    s = saturation(six)
    assert s.francis.message == (
        "Saturation not reached. Only 6 of the 13 interviews are reviewed, the rule needs at "
        "least 13. Finish the review of the 7 unreviewed interviews I7 (P7), I8 (P8), I9 (P9), "
        "I10 (P10), I11 (P11) and 2 more, and judge again before interviewing more. 7 "
        "transcript(s) not reviewed yet are left out of the judgement: I7 (P7), I8 (P8), I9 "
        "(P9), I10 (P10), I11 (P11) and 2 more."
    )
    assert s.verdict_rows()[-1][-1].endswith("I11 (P11), I12 (P12), I13 (P13)")


def review_of(codes: list[str], unreached: list[str]) -> CodingResult:
    """:func:`interviews` of ``codes`` less the transcripts ``unreached``, which a review
    recorded as not reached, in a study of all of them."""
    result = interviews(codes)
    ids = list(result.transcripts)
    result.segments = [s for s in result.segments if s.segment.transcript_id not in unreached]
    result.transcripts = {t: v for t, v in result.transcripts.items() if t not in unreached}
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": unreached,
        "participants_not_reviewed": [f"P{t[1:]}" for t in unreached],
        "study_interviews": ids,
    }
    return result


def test_a_verdict_on_too_few_reviewed_interviews_counts_those_not_reviewed_too() -> None:
    """Blind tester s64 (satloop, finding 2): 13 interviews, p12 not reviewed, read "only 12
    interview(s), the rule needs at least 13; finish the review of p12": as though the study
    had 12 interviews and needed another. It says how many of the study's are reviewed."""
    s = saturation(review_of(["A B", "C", "D", "E", "F", "G", "H"] + ["A"] * 6, ["I12"]))
    assert s.francis.message.startswith(
        "Saturation not reached. Only 12 of the 13 interviews are reviewed, the rule needs at "
        "least 13. Finish the review of I12 (P12) and judge again before interviewing more. "
    )
    # one of two, none of two
    one = saturation(review_of(["A", "B"], ["I02"]), initial_sample=1, stopping_criterion=1)
    assert one.francis.message.startswith(
        "Saturation not reached. Only 1 of the 2 interviews is reviewed, the rule needs at "
        "least 2. Finish the review of I02 (P02) and judge again before interviewing more. "
    )
    none = saturation(review_of(["A", "B"], ["I01", "I02"]), initial_sample=1, stopping_criterion=1)
    assert none.francis.message.startswith(
        "Saturation not reached. None of the 2 interviews is reviewed, the rule needs at least "
        "2. Finish the review of I01 (P01) and I02 (P02) and judge again before interviewing "
        "more. "
    )
    # an order given counts the interviews it names: not I03, which it leaves out (the
    # review's, it is still named as not reviewed)
    two = saturation(
        review_of(["A", "B", "C", "D"], ["I02", "I03"]),
        order="I01,I02,I04",
        initial_sample=2,
        stopping_criterion=1,
    )
    assert two.francis.message.startswith(
        "Saturation not reached. Only 2 of the 3 interviews are reviewed, the rule needs at "
        "least 3. Finish the review of I02 (P02) and I03 (P03) and judge again before "
        "interviewing more. "
    )


def test_decided_new_codes_that_keep_the_rule_unmet_put_interviewing_first() -> None:
    """Tester s74 (study4, defect 1): P25, last of 5 (--initial-sample 3 --stopping-criterion
    2), added 3 new codes on its decided segments, 1 of its 10 undecided; the verdict said
    "finish the review of the partly reviewed p25 ... and judge again before interviewing
    more", though deciding a segment only adds codes: no review can make interviews 4-5 quiet.
    Codes decided in an interview every earlier one of which is fully decided are new whatever
    the review still decides; when they leave no run the review could complete, interviewing
    comes first and the review second."""
    five = interviews(["A", "B", "C", "D", "E"])
    five.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I05": [1, 10]}}
    assert saturation(five, initial_sample=3, stopping_criterion=2).francis.message == (
        "Saturation not reached. Interview 5 (P05, I05) still added new codes: E (1 segment). "
        "The codes decided so far keep the rule from being met, whatever the rest of the review "
        "decides: continue interviewing until 2 consecutive interviews add no new code, and "
        "finish the review of the partly reviewed I05 (P05, 1 of 10 segments undecided)."
    )
    # the same in the order given, I05 not last: its new code is in every run the rule could
    # still take (4-5), as is I04's
    assert saturation(
        five, order="I01,I02,I03,I05,I04", initial_sample=3, stopping_criterion=2
    ).francis.message.startswith(
        "Saturation not reached. Interview 5 in the order given (P04, I04) still added new "
        "codes: D (1 segment). The codes decided so far keep the rule from being met"
    )


def test_new_codes_an_earlier_undecided_segment_may_hold_leave_the_review_first() -> None:
    """The other branch of tester s74's defect 1: the new codes of I04 and I05 (D, E) may yet be
    decided in I03's undecided segment (and then not be new after it), and interviews 6-7 not
    reviewed yet may be quiet: a review may still meet the rule, so it comes first, as before."""
    five = interviews(["A", "B", "C", "D", "E"])
    five.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I03": [1, 3]}}
    assert saturation(five, initial_sample=3, stopping_criterion=2).francis.message == (
        "Saturation not reached. Interview 5 (P05, I05) still added new codes: E (1 segment). "
        "Finish the review of the partly reviewed I03 (P03, 1 of 3 segments undecided), and "
        "judge again before interviewing more."
    )
    seven = review_of(["A", "B", "C", "D", "E", "A", "B"], ["I06", "I07"])
    seven.meta["undecided_segments"] = {"I05": [1, 10]}
    assert saturation(seven, initial_sample=3, stopping_criterion=2).francis.message.startswith(
        "Saturation not reached. Interview 5 (P05, I05) still added new codes: E (1 segment). "
        "Finish the review of I06 (P06) and I07 (P07) and of the partly reviewed I05 (P05, 1 of "
        "10 segments undecided), and judge again before interviewing more. "
    )


def test_a_transcript_not_reviewed_of_a_reviewed_interview_adds_no_interview() -> None:
    """P05 gave I05 and I05b, I05b not reviewed: 12 interviews, and finishing the review of
    I05b does not make 13 of them (it said to finish the review before interviewing more)."""
    result = interviews(["A B", "C", "D", "E", "F", "G", "H"] + ["A"] * 5)
    ids = list(result.transcripts)
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": ["I05b"],
        "participants_not_reviewed": ["P05"],
        "study_interviews": [*ids[:5], "I05b", *ids[5:]],
    }
    assert saturation(result).francis.message.startswith(
        "Saturation not reached. Only 12 interview(s), the rule needs at least 13. Continue "
        "interviewing until 3 consecutive interviews add no new code, and finish the review of "
        "I05b (P05). "
    )


def test_a_review_that_records_no_participant_of_its_unreviewed_transcripts_says_no_total() -> None:
    """Hunt s65 (h_satcli, D2): a review written before participants_not_reviewed was recorded
    counted P05's unreviewed second transcript I05b as an interview: "only 12 of the 14
    interviews are reviewed" of a study of 13. Here 11 reviewed, I05b and I12 not: the study has
    12 interviews or 13, which the review does not say, so no total is said."""
    result = interviews(["A B", "C", "D", "E", "F", "G", "H"] + ["A"] * 4)
    ids = list(result.transcripts)
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": ["I05b", "I12"],
        "study_interviews": [*ids[:5], "I05b", *ids[5:], "I12"],
    }
    assert saturation(result).francis.message.startswith(
        "Saturation not reached. Only 11 interview(s), the rule needs at least 13. "
    )


def test_saturation_of_a_review_numbers_the_interviews_as_the_study_and_names_those_not_reached(
    tmp_path: Path,
) -> None:
    """A partial review renumbered the interviews (I04 was interview 3) and said nothing of the
    transcripts it left out (session 29)."""
    from openpyxl import load_workbook

    s = saturation(partly_reviewed(), initial_sample=1, stopping_criterion=1, base_size=1,
                   run_length=1)  # fmt: skip
    note = (
        "1 transcript(s) not reviewed yet are left out of the judgement (the others keep their "
        "numbers in the study's order): I03 (interview 3, P03)"
    )
    assert s.not_reviewed == [("I03", "P03", 3)]
    assert [r[:2] + r[8:9] for r in s.rows()[1:]] == [
        [1, "I01", "initial sample"],
        [2, "I02", "new code"],
        [3, "I03", "not reviewed"],
        [4, "I04", "saturation reached (1 of 1)"],
        [5, "I05", "after saturation: new code, partly reviewed (1 of 2 segments undecided)"],
    ]
    assert s.francis.message.startswith("Saturation reached at interview 4 (P04, I04). No new ")
    assert s.francis.message.endswith(". " + note + ".")
    assert s.guest.message.endswith(". " + note + ".")
    assert s.verdict_rows()[-1] == ["review", "", "", "", "", note]
    # at interview: the number the verdict names and the Saturation sheet's n (4, not the 3rd
    # judged, nor the transcript I04, which the next column holds; s54 framework tester)
    assert [r[3:5] for r in s.verdict_rows()[:3]] == [
        ["at interview", "interview"],
        [4, "I04"],
        [4, "I04"],
    ]
    s.to_xlsx(tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["Verdicts"].iter_rows(values_only=True))
    assert [r[3:5] for r in rows[1:3]] == [(4, "I04"), (4, "I04")]
    assert rows[-1] == ("review", None, None, None, None, note)


def unreviewed_twelfth(unread: int = 12) -> CodingResult:
    """A review of 15 of a study's 16 interviews: I12 (or ``unread``) not reached. Interviews
    1-10 each bring a new code (A-J), 11-16 none."""
    codes = [*"ABCDEFGHIJ", "A", "D", "B", "C", "A", "B"]
    result = interviews(codes)
    tid = f"I{unread:02d}"
    result.segments = [s for s in result.segments if s.segment.transcript_id != tid]
    del result.transcripts[tid]
    result.meta = {
        "user": {"name": "Alice"},
        "transcripts_not_reviewed": [tid],
        "participants_not_reviewed": [f"P{unread:02d}"],
        "study_interviews": [f"I{i:02d}" for i in range(1, 17)],
    }
    return result


def test_an_interview_not_reviewed_inside_the_quiet_run_qualifies_the_verdicts() -> None:
    """Blind tester s51 (saturation, finding 1): with P12 not reviewed at all, between the quiet
    interviews 11, 13 and 14, the verdict was a plain "reached" and its cell "yes", while one
    of P12's three segments undecided gave "yes, on a partial review" and "finish the review
    before reporting it". An interview the review did not reach, inside the run or after it,
    may hold a new code too: both verdicts and their cells say so, with the same advice."""
    s = saturation(unreviewed_twelfth())
    assert s.francis.message == (
        "Saturation reached at interview 14 (P14, I14). No new codes in interviews 11, 13, 14 "
        "after an initial sample of 10. But interview(s) 12 (P12) within that run are not "
        "reviewed yet: the verdict rests on the reviewed interviews, so finish the review "
        "before reporting it. 1 transcript(s) not reviewed yet are left out of the judgement "
        "(the others keep their numbers in the study's order): I12 (interview 12, P12)."
    )
    assert s.guest.message == (
        "Saturation reached at interview 13 (P13, I13). Base 4 interviews (4 codes), run 11, 13 "
        "added 0 new code(s) = 0.0% <= 5% new information. But interview(s) 12 (P12) within "
        "that run are not reviewed yet: the verdict rests on the reviewed interviews, so finish "
        "the review before reporting it. 1 transcript(s) not reviewed yet are left out of the "
        "judgement (the others keep their numbers in the study's order): I12 (interview 12, "
        "P12)."
    )
    assert (s.francis.unreviewed, s.guest.unreviewed) == ([12], [12])
    assert [r[2] for r in s.verdict_rows()[1:3]] == [
        "yes, on a partial review (interview 12 not reviewed)"
    ] * 2
    # not reached after the run either: a new code there would not bear saturation out
    s = saturation(unreviewed_twelfth(16))
    assert s.francis.message.startswith(
        "Saturation reached at interview 13 (P13, I13). No new codes in interviews 11-13 after "
        "an initial sample of 10. But interview(s) 16 (P16) after interview 13 are not reviewed "
        "yet: a new code among them would not bear saturation out, so finish the review before "
        "reporting it. 1 transcript(s)"
    )
    assert s.verdict_rows()[1][2] == "yes, on a partial review (interview 16 not reviewed)"
    # one before the quiet run is no interview of it: the verdict as before (done second, as
    # the order given says: with none, the participants' order, P12 twelfth, s78 L5)
    early = ["I01", "I12", *[f"I{i:02d}" for i in range(2, 17) if i != 12]]
    s = saturation(unreviewed_twelfth(), order=early)
    assert (s.francis.unreviewed, s.verdict_rows()[1][2]) == ([], "yes")


def test_saturation_of_a_review_given_the_studys_order_numbers_the_interviews_by_it() -> None:
    with warnings.catch_warnings():  # the verdicts name I03 as not reviewed: no warning
        warnings.simplefilter("error", RoqaWarning)
        s = saturation(partly_reviewed(), order="I05,I03,I04,I02,I01")
    assert [r[:2] for r in s.rows()[1:]] == [[1, "I05"], [2, "I03"], [3, "I04"], [4, "I02"],
                                             [5, "I01"]]  # fmt: skip
    assert s.not_reviewed == [("I03", "P03", 2)]


def test_the_table_note_of_a_review_counts_what_it_left_out_as_not_reviewed() -> None:
    from roqa_nlp.codebook import Codebook

    note = barriers_enablers(partly_reviewed(), Codebook.load("cfir-2009")).note
    assert note.endswith(
        " Left out as not reviewed yet: 1 undecided segment of the reviewed transcripts and 1 "
        "transcript the review did not reach (I03)."
    )


# -- construct ratings ------------------------------------------------------------------------


def test_rating_only_neutral_is_zero() -> None:
    assert rate_construct([], [], [0.9])[:2] == ("0", 0)


def test_rating_balanced_barriers_and_enablers_is_mixed() -> None:
    assert rate_construct([0.9], [0.8])[:2] == ("X", None)
    assert rate_construct([0.9, 0.8], [0.7, 0.6, 0.9])[:2] == ("X", None)


def test_rating_twice_as_many_enablers_is_positive() -> None:
    assert rate_construct([0.9], [0.8, 0.7])[:2] == ("+1", 1)


def test_rating_two_confident_enablers_is_strong() -> None:
    assert rate_construct([], [0.8, 0.7])[:2] == ("+2", 2)


def test_rating_two_unsure_enablers_is_weak() -> None:
    assert rate_construct([], [0.5, 0.6])[:2] == ("+1", 1)


def test_rating_three_confident_barriers_against_one_enabler_is_strongly_negative() -> None:
    assert rate_construct([0.9, 0.9, 0.9], [0.5])[:2] == ("-2", -2)


@pytest.mark.parametrize(
    ("valence_probability", "expected"),
    [(None, ("+2", 2)), (0.6, ("+2", 2)), (0.9, ("+2", 2)), (0.55, ("+1", 1))],
)
def test_rating_is_strong_only_when_the_valence_is_sure_too(
    valence_probability: float | None, expected: tuple[str, int]
) -> None:
    """Two confident enabler codings whose enabler valence is a coin flip are a weak +1."""
    rating = rate_construct(
        [],
        [0.9, 0.95],
        valence_probabilities=None
        if valence_probability is None
        else {"enabler": [valence_probability] * 2, "barrier": [0.99]},
    )
    assert rating[:2] == expected
    if valence_probability is not None:
        assert f"valence probability {valence_probability:.2f}" in rating[2]


def test_rating_reason_counts_the_neutral_segments_and_says_whose_mean_it_is() -> None:
    """Blind tester s50 (wholeint, finding 3): P01's CI.A said '1 barrier vs 0 enabler
    segment(s), mean probability 0.33' over three quotes, two of them neutral (p=1.00, 0.68):
    the heading left out the neutral ones and a p=1.00 quote seemed to contradict its mean."""
    reason = rate_construct(
        [0.33], [], [1.0, 0.68], valence_probabilities={"barrier": [0.45], "enabler": []}
    )[2]
    assert reason == (
        "1 barrier vs 0 enabler segment(s), 2 neutral; the barrier segment's mean probability "
        "0.33, valence probability 0.45: weak"
    )
    assert rate_construct([], [0.9, 0.86])[2] == (
        "2 enabler vs 0 barrier segment(s); the 2 enabler segments' mean probability 0.88: strong"
    )
    assert rate_construct([0.9], [0.8], [0.7])[2] == (
        "mixed: 1 barrier and 1 enabler segment(s), 1 neutral; neither dominates"
    )
    assert rate_construct([0.9], [0.8])[2] == (
        "mixed: 1 barrier and 1 enabler segment(s), neither dominates"
    )


def test_construct_ratings_read_the_winning_sides_valence_probabilities() -> None:
    """P01's IC.F: three barriers (valence 0.5, 0.5, 0.62: mean 0.54) -> -1, not -2."""
    result = three_interviews()
    for s in result.segments:
        if s.segment.transcript_id in ("T1", "T3") and s.top and s.top.code_id == "IC.F":
            vp = 0.62 if s.segment.transcript_id == "T3" else 0.5
            s.suggestions[0] = dataclasses.replace(s.suggestions[0], valence_probability=vp)
    r = construct_ratings(result, MINI).get("P01", "IC.F")
    assert r is not None and r.rating == "-1"
    assert "valence probability 0.54" in r.reason


def test_construct_ratings_per_participant_are_suggestions_with_quotes() -> None:
    r = construct_ratings(three_interviews(), MINI)
    got = {(x.case, x.code_id): x.rating for x in r}
    assert got == {
        ("P01", "IC.F"): "-2",
        ("P01", "IS.C"): "+1",
        ("P02", "IC.F"): "X",
        ("P02", "IS.C"): "+1",
    }
    p01 = r.get("P01", "IC.F")
    assert p01 is not None
    assert p01.status == "suggested"
    assert [q.segment_id for q in p01.quotes] == ["T3:0", "T1:0", "T1:1"]
    assert p01.domain == "IC"


def test_construct_ratings_to_dict_is_json() -> None:
    d = construct_ratings(three_interviews(), MINI).to_dict()
    assert json.loads(json.dumps(d))["status"] == "suggested"


# -- the seed study's Table 2 -----------------------------------------------------------------


def seed_result() -> CodingResult:
    """One segment per seed quote, coded with its gold label (first code = top suggestion)."""
    path = REPO / "training_data" / "seed_quotes.jsonl"
    if not path.exists():
        pytest.skip(f"seed quotes not available at {path}")
    segments, transcripts = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        tid = r["id"]
        transcripts[tid] = Transcript(
            id=tid, text=r["text"], turns=[], participant=r["participant"]
        )
        sugg = [
            Suggestion(
                code_id=c,
                name=c,
                domain=r["domain"],
                probability=1.0 - 0.1 * i,
                valence=r["valence"],
            )
            for i, c in enumerate(r["codes"])
        ]
        segments.append(
            SegmentResult(
                segment=Segment(
                    tid + ":0", tid, r["participant"], "participant", 0, len(r["text"]), r["text"]
                ),
                suggestions=sugg,
                novel=False,
            )
        )
    return CodingResult(segments=segments, transcripts=transcripts)


def cfir_2009() -> Codebook:
    try:
        return Codebook.load("cfir-2009")
    except (RoqaError, FileNotFoundError) as e:
        pytest.skip(f"the cfir-2009 codebook is not available yet ({e})")


def test_seed_quotes_reproduce_the_papers_table2_domains_and_sides() -> None:
    table2 = json.loads((REPO / "tests" / "data" / "seed_table2.json").read_text(encoding="utf-8"))
    t = barriers_enablers(seed_result(), cfir_2009(), quotes=99)
    assert [d.id for d in t.domains] == list(table2) == ["IC", "OS", "IS", "CI", "PR"]
    paper_sides = {k: (bool(v["barriers"]), bool(v["enablers"])) for k, v in table2.items()}
    # The paper names "Application of Recovery Star" without quoting anyone, so no seed quote
    # can put an enabler under IC.
    paper_sides["IC"] = (True, False)
    assert {d.id: (d.has_barriers, d.has_enablers) for d in t.domains} == paper_sides


def test_seed_quotes_in_table2_land_in_the_papers_domain() -> None:
    t = barriers_enablers(seed_result(), cfir_2009(), quotes=99)
    domain_of_quote = {
        q.transcript_id: d.id
        for d in t.domains
        for c in d.constructs
        for side in (c.barriers, c.enablers, c.neutral)
        for q in side.quotes
    }
    lines = (REPO / "training_data" / "seed_quotes.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in lines.splitlines()]
    in_table2 = [r for r in records if r["table2"] is not None]
    assert len(in_table2) == 18
    assert {r["id"]: domain_of_quote[r["id"]] for r in in_table2} == {
        r["id"]: r["domain"] for r in in_table2
    }


def test_charting_functions_use_the_coded_segments_they_are_given() -> None:
    from roqa_nlp.framework import coded_segments

    r = three_interviews()
    coded = coded_segments(r, top_k=2)
    assert framework_matrix(r, top_k=2, coded=coded) == framework_matrix(r, top_k=2)
    assert barriers_enablers(r, MINI, top_k=2, coded=coded) == barriers_enablers(r, MINI, top_k=2)
    assert construct_ratings(r, MINI, top_k=2, coded=coded) == construct_ratings(r, MINI, top_k=2)
    assert saturation(r, top_k=2, coded=coded) == saturation(r, top_k=2)
    # what is given is what is charted: the first coded quote alone gives one count
    only = framework_matrix(r, top_k=2, coded=coded[:1])
    assert sum(map(sum, only.counts())) == 1


# -- codebooks by name, codes by name ---------------------------------------------------------


def by_name_and_id() -> CodingResult:
    """Two interviews; the same construct given by id, by name and by a case/&-variant."""
    return CodingResult(
        segments=[
            seg("T1", 0, "No staff to spare.", ("IS.E.2", 0.9, "barrier")),
            seg("T1", 1, "No money either.", ("Available Resources", 0.8, "barrier")),
            seg("T2", 0, "Budgets are tight.", ("available resources", 0.7, "barrier")),
            seg("T2", 1, "The CQC wants it.", ("External Policy and Incentives", 0.9, "enabler")),
        ],
        transcripts={"T1": transcript("T1", "P01"), "T2": transcript("T2", "P02")},
        meta={"codebook": "cfir-2009"},
    )


def test_a_code_given_by_name_is_charted_under_its_id() -> None:
    """Audit C #9: the name made a second column, and saturation counted a second idea."""
    r = by_name_and_id()
    m = framework_matrix(r)
    assert m.codes == ["OS.D", "IS.E.2"]  # codebook order: Outer Setting first
    assert m.count("P01", "IS.E.2") == 2 and m.count("P02", "IS.E.2") == 1
    assert saturation(r).new_codes == [["IS.E.2"], ["OS.D"]]
    table = barriers_enablers(r)
    assert [(d.id, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("OS", ["OS.D"]),
        ("IS", ["IS.E.2"]),
    ]
    assert table.construct("IS.E.2").barriers.segments == 3


def test_charting_functions_take_a_codebook_by_id_or_file(tmp_path: Path) -> None:
    r = by_name_and_id()
    book = Codebook.load("cfir-2009")
    path = tmp_path / "book.json"
    book.save(path)
    assert framework_matrix(r, codebook="cfir-2009").codes == [c.id for c in book.codable]
    assert framework_matrix(r, codebook=path).codes == [c.id for c in book.codable]
    assert barriers_enablers(r, "CFIR-2009") == barriers_enablers(r, book)
    assert construct_ratings(r, "cfir-2009").codes == ["OS.D", "IS.E.2"]


def test_charting_warns_when_the_codes_belong_to_another_codebook() -> None:
    from roqa_nlp.errors import RoqaWarning

    r = by_name_and_id()
    with pytest.warns(RoqaWarning, match=r"2 of the 4 codes .* not in codebook 'cfir-2022'"):
        table = barriers_enablers(r, "cfir-2022")
    # the names are CFIR 2.0 names too (Available Resources); the ids are outside, as warned
    assert [(d.id, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("INS", ["INS.J"]),
        ("outside", ["External Policy and Incentives", "IS.E.2"]),  # an id to filter by (s59)
    ]


def test_saturation_order_as_a_string_or_by_participant() -> None:
    r = by_name_and_id()
    assert saturation(r, order="T2, T1").interviews == ["T2", "T1"]
    assert saturation(r, order=["P02", "P01"]).interviews == ["T2", "T1"]
    with pytest.raises(RoqaError, match="unknown transcript"):
        saturation(r, order="T2,T9")


def test_write_report_takes_the_path_first_or_after_the_codebook(tmp_path: Path) -> None:
    from roqa_nlp.report import write_report

    r = by_name_and_id()
    a = write_report(r, tmp_path / "a.html")
    b = write_report(r, Codebook.load("cfir-2009"), tmp_path / "b.html")
    assert a.read_text("utf-8") == b.read_text("utf-8")
    # the old order with a built-in codebook's id (it said 'b.html: codebook not found')
    c = write_report(r, "cfir-2009", tmp_path / "c.html")
    assert c == tmp_path / "c.html" and c.read_text("utf-8") == a.read_text("utf-8")


def test_charting_a_list_of_segments_says_to_take_a_subset(tmp_path: Path) -> None:
    """The README's quick-start builds coded = [s for s in result if ...]; charting that list
    raised AttributeError: 'list' object has no attribute 'meta' (session 27)."""
    r = three_interviews()
    for function in (framework_matrix, barriers_enablers, saturation):
        with pytest.raises(RoqaError) as caught:
            function(list(r))  # type: ignore[arg-type]
        assert str(caught.value) == (
            f"{function.__name__}() takes a CodingResult (or its folder), not a list "
            "(keep some segments with result.subset(where=lambda s: ...), which keeps the "
            "transcripts and run record the charts need)"
        )
    # a folder of codings is read
    r.save(tmp_path / "coded")
    assert framework_matrix(tmp_path / "coded").counts() == framework_matrix(r).counts()


def test_table_2_and_saturation_write_csv_and_a_workbook(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    r = three_interviews()
    table = barriers_enablers(r, MINI)
    rows = table.rows()
    assert rows[0] == [
        "domain_id", "domain", "code_id", "construct",
        "barriers_segments", "barriers_participants", "barriers_quotes",
        "enablers_segments", "enablers_participants", "enablers_quotes",
        "neutral_segments",
    ]  # fmt: skip
    assert [row[:5] + row[7:8] + row[10:] for row in rows[1:]] == [
        [
            "IC",
            "Intervention Characteristics",
            "IC.F",
            "Complexity",
            4,
            1,
            0,
        ],
        ["IS", "Inner Setting", "IS.C", "Culture", 0, 2, 0],
    ]
    assert rows[1][5] == "P01, P02"
    table.to_csv(tmp_path / "t2.csv")
    with (tmp_path / "t2.csv").open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f)) == [[str(v) for v in row] for row in rows]
    table.to_xlsx(tmp_path / "t2.xlsx")
    ws = load_workbook(tmp_path / "t2.xlsx")["Barriers and enablers"]
    assert [c.value for c in ws[2]][:4] == [
        "IC",
        "Intervention Characteristics",
        "IC.F",
        "Complexity",
    ]

    sat = saturation(r)
    # the rule's options end every row, so that a .csv shared alone says which rule judged it
    options = [10, 3, "as coded", 4, 2, 0.05]
    assert sat.rows() == [
        ["n", "interview", "participant", "new", "new_codes", "unsure_new_codes", "cumulative", "open_coding", "stopping_rule",
         "initial_sample", "stopping_criterion", "interview_order", "guest_base_size", "guest_run_length", "guest_new_information"],
        # P01's two transcripts are one interview, as the matrix charts them one case
        [1, "T1 + T3", "P01", 2, "IC.F Complexity; IS.C Culture", "", 2, 1, "initial sample", *options],  # the novel line about Biscuit
        [2, "T2", "P02", 0, "", "", 2, 0, "initial sample", *options],
    ]  # fmt: skip
    sat.to_csv(tmp_path / "sat.csv")
    assert (tmp_path / "sat.csv").read_text("utf-8-sig").splitlines()[
        1
    ] == "1,T1 + T3,P01,2,IC.F Complexity; IS.C Culture,,2,1,initial sample,10,3,as coded,4,2,0.05"


def test_charting_objects_have_short_reprs() -> None:
    r = three_interviews()
    assert repr(framework_matrix(r, codebook=MINI)) == (
        "FrameworkMatrix(2 participants x 3 codes, 4 cells charted)"
    )
    assert repr(barriers_enablers(r, MINI)) == (
        "BarriersEnablers(2 domains, 2 constructs: 1 with barriers, 2 with enablers)"
    )
    assert repr(saturation(r)) == "Saturation(2 interviews, 2 codes; 10+3 rule: not reached)"
    assert repr(construct_ratings(r, MINI)) == (
        "ConstructRatings(4 suggested ratings, 2 cases x 2 constructs)"
    )


def test_an_order_may_spell_ids_with_or_without_leading_zeros() -> None:
    """Audit E: cases P1, P2, P03 (a label 'P03:' in p3.txt) and `--order P1,P2,P3` failed."""
    r = interviews(["A", "B", "C"])
    r.transcripts["I03"] = transcript("I03", "P03")
    for tid, p in (("I01", "P1"), ("I02", "P2")):
        r.transcripts[tid] = transcript(tid, p)
    assert saturation(r, order="P3, P1, P2").interviews == ["I03", "I01", "I02"]
    assert saturation(r, order=["i3", "I01", "i02"]).interviews == ["I03", "I01", "I02"]


def test_mixed_spellings_of_case_numbers_are_found() -> None:
    from roqa_nlp.framework import mixed_id_spellings

    assert mixed_id_spellings(["P1", "P2", "P03", "P10"]) == [["P03"], ["P1", "P2"]]
    assert mixed_id_spellings(["P01", "P02", "P10"]) == []
    assert mixed_id_spellings(["P1", "P2", "P10"]) == []
    assert mixed_id_spellings(["Site A", "P01"]) == []


def test_case_numbers_of_other_forms_are_not_mixed_spellings() -> None:
    """Tester s46 (ids): RM07 and joint_RM08_RM09 beside P4, P5, P6 were 'numbered two ways',
    though numbering the P ids otherwise changes nothing: ids of one form are compared."""
    from roqa_nlp.framework import mixed_id_spellings

    assert mixed_id_spellings(["RM07", "joint_RM08_RM09", "P4", "P5", "P6"]) == []
    assert mixed_id_spellings(["RM07", "RM8", "P4", "p05"]) == [["p05", "RM07"], ["P4", "RM8"]]


def test_the_report_warns_of_case_numbers_written_two_ways() -> None:
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.report import render_report

    r = interviews(["A", "B"])
    r.transcripts["I01"] = transcript("I01", "P1")
    r.transcripts["I02"] = transcript("I02", "P02")
    with pytest.warns(RoqaWarning, match=r"numbered two ways, P02 beside P1"):
        render_report(r, MINI)


def test_one_number_coded_as_two_cases_is_said_to_be_coded_again() -> None:
    """Regression hunt s46 (huntids 3a): codings made before P4 and P04 were tied (two cases of
    one number) were said "P04, P05 beside P4: different participants"; roqa now reads them as
    one participant, so the line says to code again."""
    from roqa_nlp.framework import mixed_ids_warning

    assert mixed_ids_warning(["P04", "P4", "P05"]) == (
        "participant 4 is numbered two ways, P04 and P4, two cases in codings made before roqa "
        "read them as one participant: code the transcripts again to count them once (if they "
        "are different people, give each their own number)"
    )
    assert mixed_ids_warning(["P03", "P1", "P2"]) == (
        "participants are numbered two ways, P03 beside P1, P2: different participants, sorted "
        "apart in the matrix and tables; number them alike (P03: or P3: in the transcripts, "
        "whose labels give the case before the file name does) for one order"
    )


def test_focus_groups_numbered_two_ways_are_not_called_participants() -> None:
    """Regression hunt s46 (huntids 4): FG4.txt and FG04.txt were warned of as "FG04 beside
    FG4: different participants ... (P03: or P3: ...)"."""
    from roqa_nlp.framework import mixed_ids_warning

    assert mixed_ids_warning(["FG04", "FG5", "focus_group_4"]) == (
        "cases are numbered two ways, FG04 beside FG5: sorted apart in the matrix and tables; "
        "number them alike (in the file names) for one order"
    )


def test_one_study_id_as_two_cases_is_said_to_be_two_cases() -> None:
    """Session 53 (cases, 2): FG04 and FG4, one id roqa reads as one case (as P04 and P4), were
    said to be 'cases numbered two ways ... sorted apart', not that the codings count one group
    or person as two cases, as they say of P04 and P4."""
    from roqa_nlp.framework import mixed_ids_warning

    assert mixed_ids_warning(["FG04", "FG4", "focus_group_4"]) == (
        "FG04 and FG4 are one id written two ways, two cases in codings made before roqa read "
        "them as one case: code the transcripts again to count them once (if they are different "
        "groups or people, give each their own number)"
    )


def test_a_quote_from_a_timed_transcript_cites_its_time_in_the_recording() -> None:
    """Audit E: 'p1:12933-13267' finds no place in a Zoom recording; the time does."""
    r = interviews(["A"])
    s0 = r.segments[0]
    r.segments[0] = dataclasses.replace(
        s0, segment=dataclasses.replace(s0.segment, begin_time=751.3)
    )
    m = framework_matrix(r)
    (q,) = m.cell("P01", "A").quotes
    assert q.citation == "I01:0-7 (00:12:31)"
    assert m.wide_rows()[1][1] == '1 segment: 1 neutral | "about A" [I01:0-7 (00:12:31)]'
    assert q.to_dict()["begin_time"] == 751.3


def test_a_projects_own_codes_get_no_cfir_rating() -> None:
    """Audit D: 'project.peer-support-workers — 1 enabler vs 0 barrier' was rated as a CFIR
    construct; codes outside the framework's domains are charted, not rated."""
    book = MINI.with_codes([Code("project.peer-support", "Peer support", "code")])
    r = three_interviews()
    r.segments.append(
        seg("T2", 9, "Our peer workers lead groups.", ("project.peer-support", 0.9, "enabler"))
    )
    ratings = construct_ratings(r, book)
    assert ratings.get("P02", "project.peer-support") is None
    assert {x.code_id for x in ratings} == {"IC.F", "IS.C"}
    # without a codebook that has domains, every code is rated as before
    assert construct_ratings(r).get("P02", "project.peer-support") is not None


def test_an_order_that_leaves_out_interviews_says_so() -> None:
    from roqa_nlp.errors import RoqaWarning

    r = interviews(["A", "B", "C"])
    with pytest.warns(RoqaWarning, match=r"leaves out 1 of the 3 transcripts \(I02\)"):
        assert saturation(r, order="I03, I01").interviews == ["I03", "I01"]


# -- the barriers/enablers table as a Word document ------------------------------------------


def docx_rows(path: Path) -> list[list[list[str]]]:
    """Each table row of a Word document as its cells' paragraph texts (a merged row: one cell)."""
    from docx import Document

    table = Document(str(path)).tables[0]
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell appears once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append([p.text for p in cell.paragraphs])
        rows.append(cells)
    return rows


def test_table2_docx_lays_out_barriers_and_enablers_by_domain_as_the_seed_paper(
    tmp_path: Path,
) -> None:
    from docx import Document

    out = tmp_path / "table2.docx"
    barriers_enablers(three_interviews(), MINI, quotes=2).to_docx(
        out, note="Coded by Alice.", quotes=2
    )
    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs] == [
        "Summary of barriers and enablers",
        "Coded by Alice.",
    ]  # nothing coded neutral: no closing line
    assert doc.paragraphs[0].style.name == "Caption"
    assert doc.core_properties.title == "Summary of barriers and enablers"
    assert docx_rows(out) == [
        [["Barriers"], ["Enablers"]],
        [["Intervention Characteristics"]],
        [
            [
                "Complexity: 2 participants (P01, P02), 4 segments",
                "\u201cYou need real skill to do recovery work.\u201d (P01)",
                '\u201c=HYPERLINK("x") too much paperwork\u201d (P02)',
            ],
            [
                "Complexity: 1 participant (P02), 1 segment",
                "\u201cThe Recovery Star makes reviews simple.\u201d (P02)",
            ],
        ],
        [["Inner Setting"]],
        [
            ["\u2014"],
            [
                "Culture: 2 participants (P01, P02), 2 segments",
                "\u201cEveryone from the directors down believes in recovery.\u201d (P01)",
                "\u201cOur culture is slowly changing.\u201d (P02)",
            ],
        ],
    ]
    table = doc.tables[0]
    # the header row repeats on every page; constructs are bullets, quotes are not
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    styles = [p.style.name for p in table.rows[2].cells[0].paragraphs]
    assert styles == ["List Bullet", "Normal", "Normal"]
    assert all(r.italic for p in table.rows[2].cells[0].paragraphs[1:] for r in p.runs)


def test_table2_docx_counts_neutral_talk_cites_times_and_drops_characters_word_refuses(
    tmp_path: Path,
) -> None:
    from docx import Document

    r = three_interviews()
    extra = [
        seg("T3", 1, "We meet on Tuesdays.", ("IS.C", 0.7, "neutral")),
        seg("T3", 2, "Bell\x07 rang and\x0b staff left.", ("IC.F", 0.99, "barrier")),
    ]
    extra[1] = dataclasses.replace(
        extra[1], segment=dataclasses.replace(extra[1].segment, begin_time=3723.6)
    )
    r = CodingResult(segments=[*r.segments, *extra], transcripts=r.transcripts)
    out = tmp_path / "t.docx"
    barriers_enablers(r, MINI, quotes=1).to_docx(
        out, title="Table 2. What helped and hindered", cite="place"
    )
    doc = Document(str(out))
    assert [p.text for p in doc.paragraphs] == [
        "Table 2. What helped and hindered",
        # what is charted, as roqa report --table says it (audit docs2, 1: Python too)
        "Codes: two CFIR domains. Charted from the model's top suggestion: 9 of 11 participant "
        "segments (2 fit no code or are procedural talk). Not reviewed by a researcher.",
        "Not in the table: 1 segment whose valence is neutral (neither barrier nor enabler), "
        "under 1 construct. Under a construct that also has a row above: Culture (1 segment). "
        "Give them a valence in review if they are barriers or enablers.",
    ]
    assert docx_rows(out)[2][0] == [
        "Complexity: 2 participants (P01, P02), 5 segments",
        "\u201cBell rang and staff left.\u201d (P01, T3:200-227, 01:02:03)",
    ]


def test_saturation_xlsx_has_the_rows_of_the_csv(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sat = saturation(three_interviews())
    sat.to_xlsx(tmp_path / "sat.xlsx")
    book = load_workbook(tmp_path / "sat.xlsx")
    assert [[c.value for c in row] for row in book["Saturation"].iter_rows()] == [
        [None if v == "" else v for v in row] for row in sat.rows()
    ]
    # the verdicts and the rules they were judged by (audit T, D10: 10+3 and 5+2 files were the
    # same bytes)
    assert [[c.value for c in row][:5] for row in book["Verdicts"].iter_rows()] == [
        ["view", "parameters", "reached", "at interview", "interview"],
        ["Francis et al. (2010) stopping rule", "initial sample 10, stopping criterion 3", "no", None, None],
        ["Guest, Namey & Chen (2020) new-information threshold", "base 4, run 2, threshold 5%", "no", None, None],
    ]  # fmt: skip
    assert book["Verdicts"]["F2"].value == sat.verdict
    saturation(three_interviews(), initial_sample=1, stopping_criterion=1).to_xlsx(tmp_path / "s1.xlsx")  # fmt: skip
    verdicts = load_workbook(tmp_path / "s1.xlsx")["Verdicts"]
    assert [c.value for c in verdicts[2]][1:5] == [
        "initial sample 1, stopping criterion 1",
        "yes",
        2,
        "T2",
    ]


def test_table2_docx_of_nothing_charted_says_so(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    barriers_enablers(three_interviews(), MINI, min_probability=0.99).to_docx(out)
    assert docx_rows(out) == [
        [["Barriers"], ["Enablers"]],
        [["No segment is charted with a code."]],
    ]


def test_saturation_is_not_reached_when_no_interview_has_a_code() -> None:
    """Audit T, D3: thirteen interviews with nothing charted (every segment small talk, or a
    threshold no suggestion reaches) met the 10+3 rule on quiet interviews alone."""
    sat = saturation(interviews(["IC.A"] * 13), min_probability=0.95)
    assert sat.new_counts == [0] * 13
    assert (sat.francis.reached, sat.francis.at) == (False, None)
    assert sat.verdict == (
        "Saturation not reached. No interview has a code charted. Continue interviewing until 3 "
        "consecutive interviews add no new code."
    )
    # the rule itself, on counts alone, is as Francis et al. state it
    assert francis_stopping_rule([0] * 13) == 13


def test_table2_docx_marks_unsure_codings_and_leaves_neutral_only_domains_out(
    tmp_path: Path,
) -> None:
    """Audit T, D5, D9, D11, D12, D14: the Word table marks what the report marks as unsure,
    counts a neutral segment once whatever its codes, has no row for a domain with nothing on
    either side, takes the number of quotes asked for and keeps nothing of python-docx's
    template (thumbnail, comment, 2013 dates, US Letter paper)."""
    import datetime
    import zipfile

    from docx import Document

    def sure(s: SegmentResult, valence_p: float) -> SegmentResult:
        return dataclasses.replace(
            s,
            suggestions=[
                dataclasses.replace(g, valence_probability=valence_p) for g in s.suggestions
            ],
        )

    r = CodingResult(
        segments=[
            sure(seg("T1", 0, "Nobody trained us.", ("IC.F", 0.35, "barrier")), 0.9),
            sure(seg("T1", 1, "The culture is kind.", ("IS.C", 0.8, "enabler")), 0.55),
            sure(
                seg(
                    "T2",
                    0,
                    "We meet on Tuesdays.",
                    ("IC.A", 0.9, "neutral"),
                    ("IC.F", 0.5, "neutral"),
                ),
                0.9,
            ),
        ],  # fmt: skip
        transcripts={t.id: t for t in [transcript("T1", "P01"), transcript("T2", "P02")]},
    )
    table = barriers_enablers(r, MINI, top_k=2)
    assert table.neutral_segments == 1  # one segment, neutral under two constructs
    out = tmp_path / "t.docx"
    table.to_docx(out)
    doc = Document(str(out))
    assert docx_rows(out) == [
        [["Barriers"], ["Enablers"]],
        [["Intervention Characteristics"]],
        [["Complexity: 1 participant, 1 code unsure (P01\u2020), 1 segment", "\u201cNobody trained us.\u201d (P01) \u2020"], ["\u2014"]],
        [["Inner Setting"]],
        [["\u2014"], ["Culture: 1 participant, 1 valence unsure (P01\u2021), 1 segment", "\u201cThe culture is kind.\u201d (P01) \u2021"]],
    ]  # fmt: skip
    assert [p.text for p in doc.paragraphs[2:]] == [
        "\u2020 Code unsure: the model's probability for it is below 40%. After a participant: "
        "every segment of theirs in this bullet has an unsure code.",
        "\u2021 Valence unsure: the probability of its valence is below 60%. After a "
        "participant: every segment of theirs in this bullet has an unsure valence.",
        "Not in the table: 1 segment whose valence is neutral (neither barrier nor enabler), "
        "under 2 constructs (a segment neutral under several constructs is named under each). "
        "Charted only as neutral, so in no row above: Intervention Source (1 segment). Under a "
        "construct that also has a row above: Complexity (1 segment). Give them a valence in "
        "review if they are barriers or enablers.",
    ]  # one segment, neutral under Intervention Source and Complexity, which has a row
    props = doc.core_properties
    assert props.comments == "" and props.created.year >= 2026 and props.created == props.modified
    assert props.created <= datetime.datetime.now(datetime.timezone.utc)
    assert round(doc.sections[0].page_width.mm) == 210  # A4
    assert not [n for n in zipfile.ZipFile(out).namelist() if "thumbnail" in n]
    # no quote at all, as in the seed paper's table
    table.to_docx(out, quotes=0)
    assert docx_rows(out)[2][0] == [
        "Complexity: 1 participant, 1 code unsure (P01\u2020), 1 segment"
    ]
    # no quote marked: the participants' marks (P01† under Complexity, P01‡ under Culture)
    assert [p.text[:1] for p in Document(str(out)).paragraphs[1:]] == ["C", "\u2020", "\u2021", "N"]
    # only neutral talk charted: no domain row, the table says so
    only_neutral = barriers_enablers(r.subset(transcript="T2"), MINI)
    only_neutral.to_docx(out)
    assert docx_rows(out) == [
        [["Barriers"], ["Enablers"]],
        [["No segment is charted as a barrier or an enabler."]],
    ]


def test_a_project_codebook_beside_imported_codings_is_found_from_python(tmp_path: Path) -> None:
    """roqa import writes OUT/codebook.json and OUT/codings/NAME/codings.jsonl recording it;
    `roqa report` found it, barriers_enablers(CodingResult.read(...)) asked for it."""
    project = Codebook(
        id="staffing-study",
        name="Staffing study",
        codes=[
            Code("T", "Workforce", "domain", codable=False),
            Code("T.1", "Agency staff", "construct", parent="T", domain="T"),
        ],
    )
    project.save(tmp_path / "codebook.json")
    r = CodingResult(
        segments=[seg("T1", 0, "Agency staff never know the people.", ("T.1", 1.0, "barrier"))],
        transcripts={"T1": transcript("T1", "P01")},
        meta={"codebook": {"id": "staffing-study"}, "user": {"name": "Alice"}},
    )
    r.save(tmp_path / "codings" / "Alice")
    read = CodingResult.read(tmp_path / "codings" / "Alice")
    assert read.source == tmp_path / "codings" / "Alice" / "codings.jsonl"
    assert read.subset(participant="P01").source == read.source
    table = barriers_enablers(read)
    assert [(d.name, [c.name for c in d.constructs]) for d in table.domains] == [
        ("Workforce", ["Agency staff"])
    ]
    assert table.note.startswith("Codes: Staffing study. Charted from the codes Alice gave")
    with pytest.raises(RoqaError, match="not built in and not in a codebook.json beside them"):
        barriers_enablers(CodingResult(r.segments, r.transcripts, r.meta))  # made in memory


def test_a_writer_refuses_a_file_name_of_another_format(tmp_path: Path) -> None:
    """m.to_csv("matrix.xlsx") wrote CSV text Excel could not open; to_docx("t.xlsx") Word under
    an Excel name; quotes=-1 and min_probability=2 passed (session 27)."""
    r = three_interviews()
    m = framework_matrix(r)
    with pytest.raises(RoqaError) as caught:
        m.to_csv(tmp_path / "matrix.xlsx")
    assert str(caught.value) == (
        f"{tmp_path / 'matrix.xlsx'}: to_csv() writes CSV, which a '.xlsx' file name says it is "
        "not (give a name ending in .csv, or use the method that writes Excel)"
    )
    with pytest.raises(RoqaError, match=r"to_xlsx\(\) writes Excel, which a '.csv' file name"):
        m.to_xlsx(tmp_path / "matrix.csv")
    table = barriers_enablers(r, MINI)
    with pytest.raises(RoqaError, match=r"to_docx\(\) writes Word, which a '.xlsx' file name"):
        table.to_docx(tmp_path / "table2.xlsx")
    with pytest.raises(RoqaError, match=r"to_csv\(\) writes CSV, which a '.docx' file name"):
        r.to_csv(tmp_path / "codings.docx")
    with pytest.raises(ValueError, match="quotes must be a whole number of 0 or more, got -1"):
        table.to_docx(tmp_path / "table2.docx", quotes=-1)
    with pytest.raises(ValueError, match="min_probability must be from 0 to 1, got 2"):
        framework_matrix(r, min_probability=2)
    assert not list(tmp_path.iterdir())  # nothing written
    m.to_csv(tmp_path / "matrix.txt")  # another extension is the caller's choice
    assert (tmp_path / "matrix.txt").read_text("utf-8-sig").startswith("participant,")


def test_interviews_with_nothing_coded_do_not_count_toward_the_quiet_run() -> None:
    """Three dropped calls after ten interviews 'reached' saturation, the verdict with a caveat
    and the .csv's stopping_rule with none (sessions 28, 29): an interview with nothing coded is
    no evidence, so the rule passes over it; it is reached after three interviews with codes
    and nothing new."""
    s = saturation(interviews(SEQUENCE[:10] + ["", "", ""]))
    assert (s.francis.reached, s.francis.at) == (False, None)
    assert s.francis.message == (
        "Saturation not reached. Only 10 of the 13 interviews have something coded, the rule "
        "needs at least 13 (interview(s) 11, 12, 13 have no code charted at all, a failed "
        "recording, consent or small talk only?, and are not counted: an interview with nothing "
        "coded is no evidence of saturation). Continue interviewing until 3 consecutive "
        "interviews add no new code."
    )
    # the row says the run stands still, not that the interview moved it (session 33, tester K)
    assert (
        s.stopping_rule()[10:]
        == ["nothing coded, not counted (still 0 of 3 without new codes)"] * 3
    )
    assert [row[8] for row in s.rows()[11:]] == s.stopping_rule()[10:]
    # passed over, not breaking the run: 11, 13 and 14 have codes and nothing new
    gap = saturation(interviews(SEQUENCE[:10] + ["A", "", "B", "C"]))
    assert gap.francis.at == 14
    assert gap.stopping_rule()[10:] == [
        "no new code (1 of 3)",
        "nothing coded, not counted (still 1 of 3 without new codes)",
        "no new code (2 of 3)",
        "saturation reached (3 of 3)",
    ]
    assert gap.francis.message == (
        "Saturation reached at interview 14 (P14, I14). No new codes in interviews 11, 13, 14 "
        "after an initial sample of 10 (interview(s) 12 have no code charted at all, a failed "
        "recording, consent or small talk only?, and are not counted: an interview with nothing "
        "coded is no evidence of saturation)."
    )
    assert francis_stopping_rule([1] * 10 + [0] * 4, coded=[True] * 11 + [False, True, True]) == 14
    # passed over just before the quiet run (a new code at 11, 12 nothing coded): said too, or
    # "reached at interview 15" where a count of interviews gives 14 has no word why (stats29 s91)
    before = saturation(interviews(SEQUENCE[:10] + ["K", "", "B", "C", "A"]))
    assert before.francis.at == 15
    assert before.francis.message == (
        "Saturation reached at interview 15 (P15, I15). No new codes in interviews 13-15 "
        "after an initial sample of 10 (interview(s) 12 have no code charted at all, a failed "
        "recording, consent or small talk only?, and are not counted: an interview with nothing "
        "coded is no evidence of saturation)."
    )
    assert francis_stopping_rule([1] * 10 + [0] * 3) == 13  # counts alone: every one counts


def test_interviews_with_nothing_coded_do_not_count_toward_the_initial_sample_either() -> None:
    """Interviews 5-7 with nothing coded (procedural talk only) counted silently as three of
    the initial ten, and saturation was 'reached at interview 13 ... after an initial sample
    of 10' (session 33, tester K), while the same interview after the first ten was passed
    over. The initial sample is the first ten interviews with something coded, the rows and
    the verdict say which interviews were passed over."""
    # 1-4 bring A-F, 5-7 nothing coded, 8-13 only A: 10 interviews with codes, none after them
    s = saturation(interviews(SEQUENCE[:4] + ["", "", ""] + ["A"] * 6))
    assert (s.francis.reached, s.francis.at) == (False, None)
    assert s.francis.message == (
        "Saturation not reached. Only 10 of the 13 interviews have something coded, the rule "
        "needs at least 13 (interview(s) 5, 6, 7 have no code charted at all, a failed "
        "recording, consent or small talk only?, and are not counted: an interview with nothing "
        "coded is no evidence of saturation). Continue interviewing until 3 consecutive "
        "interviews add no new code."
    )
    assert s.stopping_rule() == [
        *["initial sample"] * 4,
        *["nothing coded, not counted (initial sample still 4 of 10)"] * 3,
        *["initial sample"] * 6,
    ]
    assert s.initial_sample_end() == 13  # the tenth with something coded
    # three more quiet interviews with codes: reached at 16, the initial sample 1-13
    r = saturation(interviews(SEQUENCE[:4] + ["", "", ""] + ["A"] * 6 + ["B", "C", "D"]))
    assert r.francis.at == 16
    assert r.francis.message == (
        "Saturation reached at interview 16 (P16, I16). No new codes in interviews 14-16 after "
        "an initial sample of 10 with something coded, interviews 1-13 (interview(s) 5, 6, 7 "
        "have no code charted at all, a failed recording, consent or small talk only?, and are "
        "not counted: an interview with nothing coded is no evidence of saturation)."
    )
    assert r.stopping_rule()[13:] == [
        "no new code (1 of 3)",
        "no new code (2 of 3)",
        "saturation reached (3 of 3)",
    ]
    assert (r.initial_sample_end(), r.quiet_run()) == (13, [14, 15, 16])
    assert [row[8] for row in r.rows()[5:8]] == [
        "nothing coded, not counted (initial sample still 4 of 10)"
    ] * 3
    # too few interviews: the verdict still names the one passed over, and counts only those
    # with something coded (tester s58, framework, finding 3: "only 9 interview(s)" counted it)
    few = saturation(interviews(SEQUENCE[:3] + [""] + SEQUENCE[3:8]))
    assert few.francis.message.startswith(
        "Saturation not reached. Only 8 of the 9 interviews have something coded, the rule "
        "needs at least 13 (interview(s) 4 have no code charted at all,"
    )
    coded = [True] * 4 + [False] * 3 + [True] * 9
    assert francis_stopping_rule([2, 1, 1, 1] + [0] * 12, coded=coded) == 16
    assert francis_stopping_rule([2, 1, 1, 1] + [0] * 9, coded=coded[:13]) is None


# -- charting a researcher's own codebook --------------------------------------------------------

OWN_BOOK = {
    "id": "own",
    "name": "Our codes",
    "codes": [
        {"id": "CAP", "name": "Capability", "level": "domain", "codable": False},
        {"id": "CAP.KN", "name": "Knowledge", "level": "construct", "parent": "CAP"},
        {"id": "CAP.SK", "name": "Skills", "level": "construct", "parent": "CAP"},
    ],
}


def own_codings(meta: dict) -> CodingResult:
    return CodingResult(
        segments=[
            seg("T1", 0, "Nobody told us what it was.", ("CAP.KN", 0.9, "barrier")),
            seg("T2", 0, "The course showed us how.", ("CAP.SK", 0.8, "enabler")),
        ],
        transcripts={"T1": transcript("T1", "P01"), "T2": transcript("T2", "P02")},
        meta=meta,
    )


def made_with(book: Codebook | dict, sha: str | None = None) -> dict:
    if isinstance(book, dict):
        book = Codebook.from_dict(book)
    return {"model": {"codebook": book.id, "codebook_sha256": sha or book.hash}}


def test_charting_warns_when_the_codings_were_made_with_a_codebook_of_a_file() -> None:
    r = own_codings(made_with(OWN_BOOK))
    with pytest.warns(RoqaWarning) as caught:
        barriers_enablers(r, "cfir-2009")
    assert [str(w.message) for w in caught] == [
        "2 of the 2 codes of these codings are not in codebook 'cfir-2009' (CAP.KN, CAP.SK): "
        "they were coded with 'own'; give that codebook"
    ]


def test_charting_warns_when_the_codings_were_made_with_another_version_of_the_codebook() -> None:
    edited = {**OWN_BOOK, "codes": OWN_BOOK["codes"][:2]}  # Skills deleted
    r = own_codings(made_with(OWN_BOOK))
    book = Codebook.from_dict(edited)
    before = Codebook.from_dict(OWN_BOOK).hash
    with pytest.warns(RoqaWarning) as caught:
        barriers_enablers(r, book)
    assert [str(w.message) for w in caught] == [
        f"these codings were made with another version of codebook 'own' (sha256 {before[:12]}, "
        f"this one's {book.hash[:12]}); 1 of the 2 codes of these codings are not in codebook "
        "'own' (CAP.SK): give the codebook they were coded with"
    ]


def test_charting_warns_when_codings_that_record_no_codebook_are_mostly_unknown_to_it() -> None:
    r = own_codings({})
    with pytest.warns(RoqaWarning) as caught:
        barriers_enablers(r)  # the default codebook, CFIR 2009
    assert [str(w.message) for w in caught] == [
        "2 of the 2 codes of these codings are not in codebook 'cfir-2009' (CAP.KN, CAP.SK): "
        "they are charted as codes outside the codebook; give the codebook they were coded with"
    ]


def test_charting_with_the_codebook_the_codings_were_made_with_is_silent() -> None:
    import warnings

    r = own_codings(made_with(OWN_BOOK))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = barriers_enablers(r, Codebook.from_dict(OWN_BOOK))
    assert [(d.id, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("CAP", ["CAP.KN", "CAP.SK"])
    ]


def test_a_flat_codebooks_codes_are_charted_under_one_heading_not_as_outside_it() -> None:
    flat = {
        "id": "flat",
        "name": "Flat",
        "codes": [{"id": "CAP.KN", "name": "Knowledge"}, {"id": "CAP.SK", "name": "Skills"}],
    }
    r = own_codings(made_with(flat))
    r.segments.append(seg("T2", 1, "The forms.", ("PAPER", 0.7, "barrier")))
    table = barriers_enablers(r, Codebook.from_dict(flat))
    assert [(d.id, d.name, [c.code_id for c in d.constructs]) for d in table.domains] == [
        ("-", "Codes", ["CAP.KN", "CAP.SK"]),
        ("outside", "Codes outside the codebook", ["PAPER"]),
    ]


def test_a_persons_codings_made_with_another_version_of_their_codebook_are_warned_of() -> None:
    """Reviewed and imported codings record {"codebook": {"id", "hash"}}, which the version
    check never read, so another reviewer's project codebook of the same id charted them
    silently (review, session 28)."""
    edited = {**OWN_BOOK, "codes": OWN_BOOK["codes"][:2]}
    before = Codebook.from_dict(OWN_BOOK)
    r = own_codings({"codebook": {"id": before.id, "hash": before.hash}})
    book = Codebook.from_dict(edited)
    with pytest.warns(RoqaWarning) as caught:
        barriers_enablers(r, book)
    assert [str(w.message) for w in caught][0].startswith(
        f"these codings were made with another version of codebook 'own' (sha256 "
        f"{before.hash[:12]}, this one's {book.hash[:12]})"
    )


def test_a_reviews_report_shows_the_transcripts_it_did_not_reach_in_the_studys_order() -> None:
    from roqa_nlp.report import render_report

    html = render_report(partly_reviewed(), Codebook.load("cfir-2009"))
    row = "<tr><td>3</td><td>I03</td><td>P03</td><td></td><td></td><td></td><td>not reviewed</td>"
    assert row in html
    assert "<dd>4 <small>(+ 1 not reviewed)</small></dd>" in html
    assert "<strong>1 transcript(s) not reviewed yet are left out of the judgement" in html


def test_a_guest_verdict_at_a_run_with_nothing_coded_has_its_cell_qualified() -> None:
    """Blind tester s51 (saturation, finding 2): the Guest view met its threshold on a run whose
    interview 6 had nothing coded, and its text said so ("no evidence of saturation"), but its
    ``reached`` cell, pasted alone, read a plain "yes"."""
    s = saturation(interviews([*"ABCD", "A", "", "B", "E"]))
    assert (s.guest.at, s.guest.nothing_coded) == (6, [6])
    assert ". But interview(s) 6 of that run have no code charted at all" in s.guest.message
    assert s.verdict_rows()[2][2] == (
        "yes, but not borne out: interview 8 (P08) after it added 1 new code (run 7-8: 25.0% new "
        "information > 5%); interview 6 of the run has no code charted (no evidence of "
        "saturation)"
    )
    alone = saturation(interviews([*"ABCD", "A", "", "", "B"]))
    assert alone.verdict_rows()[2][2] == (
        "yes, but interview 6 of the run has no code charted (no evidence of saturation)"
    )
    assert saturation(interviews([*"ABCD", "A", "B"])).verdict_rows()[2][2] == "yes"


def test_a_not_reached_verdict_names_the_interviews_it_passed_over() -> None:
    """Blind tester s51 (saturation, finding 10): interview 5 had nothing coded and the initial
    sample was 1-4, 6-11, but "not reached: interview 14 still added new codes" said nothing of
    it, though its row did and docs/report.md says the verdict names it."""
    s = saturation(interviews([*"ABCD", "", *"EFGHIJ", "A", "B", "Z", "C", "D"]))
    assert s.francis.message == (
        "Saturation not reached. Interview 14 (P14, I14) still added new codes: Z (1 segment, "
        "p=0.90) (interview(s) 5 have no code charted at all, a failed recording, consent or "
        "small talk only?, and are not counted: an interview with nothing coded is no evidence "
        "of saturation). Continue interviewing until 3 consecutive interviews add no new code."
    )


def test_the_quiet_run_passes_over_an_interview_with_nothing_coded() -> None:
    gap = saturation(interviews(SEQUENCE[:10] + ["A", "", "B", "C"]))
    assert gap.quiet_run() == [11, 13, 14]
    assert saturation(interviews(SEQUENCE)).quiet_run() == [13, 14, 15]
    assert saturation(interviews(SEQUENCE[:12])).quiet_run() == []


def test_saturation_refuses_an_order_naming_no_interview() -> None:
    for order in ("", " , ", []):
        with pytest.raises(ValueError, match="the interview order names no interview"):
            saturation(interviews(["A", "B"]), order=order)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("-", "-"),  # a lone minus runs nothing: Table 2's domain id of codes under no domain
        ("+", "+"),
        ("-1+1", "'-1+1"),
        ("--1", "'--1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("=1+1", "'=1+1"),
        ("=", "'="),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a-b", "a-b"),
    ],
)
def test_spreadsheet_safe_guards_formulas_but_not_a_lone_sign(cell: str, written: str) -> None:
    from roqa_nlp.io import spreadsheet_safe, spreadsheet_text

    assert spreadsheet_safe(cell) == written
    assert spreadsheet_text(written) == cell


def test_table_2_csv_writes_the_domain_of_codes_under_no_domain_as_a_plain_dash(
    tmp_path: Path,
) -> None:
    """It was written '- (session 29): a lone '-' is no formula."""
    r = CodingResult(
        [seg("T1", 0, "People judge us.", ("own.stigma", 1.0, "barrier"))],
        {"T1": transcript("T1", "P01")},
    )
    book = Codebook.from_dict(
        {"id": "own", "name": "Own", "codes": [{"id": "own.stigma", "name": "Stigma"}]}
    )
    out = tmp_path / "t.csv"
    barriers_enablers(r, book).to_csv(out)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[1][:4] == ["-", "Codes", "own.stigma", "Stigma"]


def test_a_persons_saturation_verdict_gives_segments_without_p_as_the_report_does() -> None:
    """'(1 segment, p=1.00)' of a person's codes, all at 1 (session 29)."""
    result = interviews([*SEQUENCE, "A", "Z"])
    result.meta = {"user": {"name": "Alice"}}
    s = saturation(result)
    assert s.francis.message.endswith(
        "(interview 17 (P17): Z (1 segment)): the interviews after the stopping point do not bear "
        "saturation out."
    )


def test_the_reports_transcript_list_says_1_segment() -> None:
    from roqa_nlp.report import render_report

    r = CodingResult(
        [seg("T1", 0, "People judge us.", ("IC.F", 0.9, "barrier"))],
        {"T1": transcript("T1", "P01")},
    )
    html = render_report(r, MINI)
    assert "(P01) – 1 segment</li>" in html
    assert "1 segments" not in html


def test_a_table2_docx_saved_among_the_transcripts_is_left_out_and_not_read_as_one(
    tmp_path: Path,
) -> None:
    """`roqa report --table table2.docx` into the transcripts folder: the next `roqa code
    FOLDER` read Table 2 as an interview (case "table2", a speaker "Codes" from the caption),
    while roqa's own CSV and workbook outputs were left out. Its author, roqa_nlp, tells it."""
    import warnings

    from roqa_nlp.transcripts import expand_paths, read_transcript

    (tmp_path / "p1.txt").write_text("Interviewer: Why?\nP1: No staff.\n", "utf-8")
    table2 = tmp_path / "table2.docx"
    barriers_enablers(three_interviews(), MINI).to_docx(table2, title="Table 2. Codes")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert expand_paths([tmp_path]) == [tmp_path / "p1.txt"]
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: left out table2.docx: roqa's own output (a Word document it wrote, such as "
        "Table 2), not a transcript"
    ]
    with pytest.raises(RoqaError) as e:
        read_transcript(table2)
    assert str(e.value) == (
        f"{table2}: is roqa's own output (a Word document it wrote, such as Table 2), not a "
        "transcript (give the interview transcripts to code them)"
    )


def test_a_dyads_lettered_members_are_two_people_in_one_case() -> None:
    """P05a and P05b, a dyad interview's members, both said it: Table 2 counts two people and
    cites each (it counted 1 participant, P05); the matrix keeps the interview as case P05."""
    dyad = CodingResult(
        segments=[
            spoken(seg("D5", 0, "No staff.", ("IC.F", 0.9, "barrier")), "P05a"),
            spoken(seg("D5", 1, "No time.", ("IC.F", 0.9, "barrier")), "P05b"),
            spoken(seg("D5", 2, "No money.", ("IC.F", 0.9, "barrier")), "P05a"),
        ],
        transcripts={"D5": transcript("D5", "P05")},
    )
    row = barriers_enablers(dyad, MINI).construct("IC.F")
    assert row is not None and row.barriers.participants == ["P05a", "P05b"]
    assert row.barriers.segments == 3
    assert [q.who for q in row.barriers.quotes] == ["P05a", "P05b"]
    assert framework_matrix(dyad).count("P05", "IC.F") == 3


def test_a_participant_rejoining_as_a_device_label_is_one_person() -> None:
    """Zoom's default file name gives no number; Maria Okafor rejoins as "iPhone", a label of
    no name words: one person, the transcript's case (Table 2 listed "Maria Okafor" and
    "iPhone", two people by their display names). Two people named and a device are a group,
    the device its own speaker."""
    case = "GMT20200715-103045_Recording.transcript"
    one = CodingResult(
        segments=[
            spoken(seg("G1", 0, "No staff.", ("IC.F", 0.9, "barrier")), "Maria Okafor"),
            spoken(seg("G1", 1, "No time.", ("IC.F", 0.9, "barrier")), "iPhone"),
        ],
        transcripts={"G1": transcript("G1", case)},
    )
    row = barriers_enablers(one, MINI).construct("IC.F")
    assert row is not None and row.barriers.participants == [case]
    group = CodingResult(
        segments=[
            spoken(seg("G2", 0, "No staff.", ("IC.F", 0.9, "barrier")), "Anna Lee"),
            spoken(seg("G2", 1, "No time.", ("IC.F", 0.9, "barrier")), "Ben Ode"),
            spoken(seg("G2", 2, "No money.", ("IC.F", 0.9, "barrier")), "iPhone"),
        ],
        transcripts={"G2": transcript("G2", "G2")},
    )
    row = barriers_enablers(group, MINI).construct("IC.F")
    assert row is not None and row.barriers.participants == ["Anna Lee", "Ben Ode", "iPhone"]


def test_table2_docx_names_every_construct_its_neutral_count_is_under(tmp_path: Path) -> None:
    """The note said '13 segments ... under 8 constructs' and named 8 segments under 5: the
    constructs that also have a barrier or enabler row (Culture 2, Patient Needs 2, Complexity
    1) went unnamed, which read as a count mismatch (session 34 tester L, finding 2)."""
    from docx import Document

    r = CodingResult(
        segments=[
            seg("T1", 0, "Nobody trained us.", ("IS.C", 0.9, "barrier")),
            seg("T1", 1, "We meet on Tuesdays.", ("IS.C", 0.9, "neutral")),
            seg("T1", 2, "The forms came from the trust.", ("IC.A", 0.9, "neutral")),
            seg("T2", 0, "It is simple to use.", ("IC.F", 0.9, "enabler")),
            seg("T2", 1, "It has four steps.", ("IC.F", 0.9, "neutral")),
            seg("T2", 2, "We sit together at lunch.", ("IS.C", 0.9, "neutral")),
        ],
        transcripts={t.id: t for t in [transcript("T1", "P01"), transcript("T2", "P02")]},
    )
    out = tmp_path / "t.docx"
    barriers_enablers(r, MINI).to_docx(out)
    assert Document(str(out)).paragraphs[-1].text == (
        "Not in the table: 4 segments whose valence is neutral (neither barrier nor enabler), "
        "under 3 constructs. Charted only as neutral, so in no row above: Intervention Source "
        "(1 segment). Under constructs that also have a row above: Culture (2 segments); "
        "Complexity (1 segment). Give them a valence in review if they are barriers or enablers."
    )


def test_one_person_under_two_labels_in_a_group_is_named_by_their_first() -> None:
    """A Zoom rename in a call with a second person: Maria Okafor, then Maria (iPhone), and Tom
    Reid. Table 2 named 'Maria (iPhone)' as a participant beside 'Maria Okafor' (session 34
    tester P); she is one person, cited and counted under her first label."""
    r = CodingResult(
        segments=[
            spoken(seg("T12", 0, "Staffing.", ("IC.F", 0.9, "barrier")), "Maria Okafor"),
            spoken(seg("T12", 1, "No time.", ("IC.F", 0.9, "barrier")), "Tom Reid"),
            spoken(seg("T12", 2, "Agency staff.", ("IC.F", 0.9, "barrier")), "Maria (iPhone)"),
        ],
        transcripts={"T12": transcript("T12", "P12")},
    )
    row = barriers_enablers(r, MINI).construct("IC.F")
    assert row is not None
    assert row.barriers.participants == ["Maria Okafor", "Tom Reid"]
    # one quote a person, as for any two people (before: Maria under each of her labels)
    assert [q.who for q in row.barriers.quotes] == ["Maria Okafor", "Tom Reid"]
    assert row.barriers.segments == 3


def test_two_people_named_apart_in_a_numbered_interview_are_two_people_of_its_case() -> None:
    """The tester's p04_interview.txt: the manager Margaret Okafor and the support worker Dean
    both speak. The file's number made them one person, so Table 2 cited Dean's words to the
    case; their names share no word, so they are two people of the case P04, counted and cited
    as their pseudonyms P04a and P04b are (roqa pseudonymise keys them so)."""
    for manager, worker, listed in [
        ("Margaret Okafor", "Dean (support worker)", ["Dean (support worker)", "Margaret Okafor"]),
        ("P04a", "P04b", ["P04a", "P04b"]),
    ]:
        r = CodingResult(
            segments=[
                spoken(seg("T4", 0, "Staffing.", ("IC.F", 0.9, "barrier")), manager),
                spoken(seg("T4", 1, "No time.", ("IC.F", 0.9, "barrier")), worker),
            ],
            transcripts={"T4": transcript("T4", "P04")},
        )
        row = barriers_enablers(r, MINI).construct("IC.F")
        assert row is not None
        assert row.barriers.participants == listed
        assert [q.who for q in row.barriers.quotes] == [manager, worker]
        assert framework_matrix(r).count("P04", "IC.F") == 2


# -- a reply that only agrees is counted, not quoted -------------------------------------------


def agreeing() -> CodingResult:
    """P01 says "Yeah. Yeah it was." (the surest IS.C enabler) and something of substance; P02
    only agrees: "Yes, of course." and "Yeah, yeah, it was, it was, absolutely." (more than a
    backchannel's four pieces, still nothing but agreeing)."""
    segments = [
        seg("T1", 0, "Yeah. Yeah it was.", ("IS.C", 0.9, "enabler")),
        seg("T1", 1, "Everyone believes in recovery.", ("IS.C", 0.5, "enabler")),
        seg("T2", 0, "Yes, of course.", ("IS.C", 0.04, "enabler")),
        seg("T2", 1, "Yeah, yeah, it was, it was, absolutely.", ("IS.C", 0.3, "enabler")),
    ]
    return CodingResult(
        segments=segments,
        transcripts={t.id: t for t in [transcript("T1", "P01"), transcript("T2", "P02")]},
    )


NO_QUOTE = 'no quote, it only says yes or no: "Yeah, yeah, it was, it was, absolutely."'


def test_a_reply_that_only_agrees_is_counted_but_not_quoted_while_its_cell_has_more() -> None:
    """Tester (s36) D3: "Yeah. Yeah it was." (P14, code p = 0.04) was Table 2's quote for
    Tension for Change. Words that are only backchannel words and agreeing phrases are no
    evidence of a construct: P01's cell counts both segments and quotes the one that says
    something, whatever their probabilities, with room for more quotes too. Table 2 counts
    P01's sure "Yeah. Yeah it was." (0.9) but not P02's agreeing replies, coded below 0.40
    (s58 framework, finding 1: this test counted them, 4 segments of P01 and P02)."""
    m = framework_matrix(agreeing(), quotes=3)
    cell = m.cell("P01", "IS.C")
    assert (cell.segments, cell.enablers) == (2, 2)
    assert [q.segment_id for q in cell.quotes] == ["T1:1"]
    assert cell.summary() == (
        '2 segments: 2 enablers | "Everyone believes in recovery." [T1:100-130]'
    )
    row = barriers_enablers(agreeing(), MINI, quotes=3).construct("IS.C")
    assert row is not None
    assert (row.enablers.segments, row.enablers.participants) == (2, ["P01"])
    assert [q.segment_id for q in row.enablers.quotes] == ["T1:1"]


def test_table_2_and_the_ratings_leave_out_a_reply_that_only_agrees_with_its_code_unsure() -> None:
    """s58 framework, finding 1: P02's only segments under IS.C are "Yes, of course." (0.04) and
    "Yeah, yeah, it was, it was, absolutely." (0.30): no evidence, and the model does not know
    what they agree to. Table 2 lists no P02 and says why in its note, P02 gets no suggested
    rating, and the matrix still charts both, as saturation counts no code new on them."""
    table = barriers_enablers(agreeing(), MINI, quotes=3)
    row = table.construct("IS.C")
    assert row is not None
    assert (row.enablers.segments, row.enablers.participants) == (2, ["P01"])
    line = (
        "2 replies that only agree, their codes unsure (below 0.40), are left out of Table 2 "
        "and the suggested ratings: P02 (IS.C). The framework matrix charts them."
    )
    assert table.agreeing == line
    assert table.note.endswith(f". {line}")
    ratings = construct_ratings(agreeing(), MINI)
    assert [(r.case, r.code_id, r.rating, r.enablers) for r in ratings] == [
        ("P01", "IS.C", "+2", 2)
    ]
    assert framework_matrix(agreeing()).count("P02", "IS.C") == 2


def test_a_reply_that_only_agrees_counts_in_table_2_and_the_ratings_when_its_code_is_sure() -> None:
    """A reviewer's code on "Yes, we do." (at 1: their judgement of what was agreed to), or the
    model's at 0.40 or more, is counted as before: it adds its participant and moves the
    rating; only the quote is held back."""
    result = CodingResult(
        segments=[
            seg("T1", 0, "Nobody believed in it.", ("IS.C", 0.9, "barrier")),
            seg("T1", 1, "Yes, we do.", ("IS.C", 1.0, "enabler")),
            seg("T2", 0, "Yes, we do.", ("IS.C", 0.4, "enabler")),
        ],
        transcripts={"T1": transcript("T1", "P01"), "T2": transcript("T2", "P02")},
    )
    table = barriers_enablers(result, MINI)
    row = table.construct("IS.C")
    assert row is not None
    assert (row.enablers.segments, row.enablers.participants) == (2, ["P01", "P02"])
    assert table.agreeing == ""
    assert [(r.case, r.rating) for r in construct_ratings(result, MINI)] == [
        ("P01", "X"),
        ("P02", "+1"),
    ]


@pytest.mark.parametrize("said", ["No.", "Not at all.", "No, they did not.", "Nope, not really."])
def test_a_bare_no_is_counted_but_not_quoted_as_a_bare_yes_is(said: str) -> None:
    """Regression hunt (s36): "Yes." was held back as a quote but "No." and "No, they did not."
    were not, so a bare no could be Table 2's evidence of a barrier."""
    result = CodingResult(
        segments=[
            seg("T1", 0, said, ("IS.C", 0.9, "barrier")),
            seg("T1", 1, "Nobody believed in it.", ("IS.C", 0.5, "barrier")),
        ],
        transcripts={"T1": transcript("T1", "P01")},
    )
    cell = framework_matrix(result, quotes=3).cell("P01", "IS.C")
    assert (cell.segments, [q.segment_id for q in cell.quotes]) == (2, ["T1:1"])


def test_a_cell_of_only_agreeing_says_so_instead_of_quoting_it_as_evidence(
    tmp_path: Path,
) -> None:
    """P02's cell rests on two replies that only agree: the matrix, Table 2 (CSV, Word and
    report) say "no quote, it only says yes or no" before the surest of them, so the researcher sees
    what the count rests on and where to read the exchange, and nothing reads as a quote. Table 2
    counts them only when their code is sure (here at 0.45 and 0.60; s58 framework, finding 1:
    this test charted them in Table 2 at 0.04 and 0.30)."""
    m = framework_matrix(agreeing(), quotes=3)
    cell = m.cell("P02", "IS.C")
    assert (cell.segments, [q.segment_id for q in cell.quotes]) == (2, ["T2:1"])
    assert cell.summary() == f"2 segments: 2 enablers | {NO_QUOTE} [T2:100-139, code unsure (0.30)]"
    assert m.long_rows()[2][8:] == [
        "Yeah, yeah, it was, it was, absolutely.", "T2", "P02", "T2:1", 100, 139, 0.3, "enabler",
        "",
        "no quote, it only says yes or no, code unsure (0.30)",
    ]  # fmt: skip
    only = CodingResult(
        [
            seg("T2", 0, "Yes, of course.", ("IS.C", 0.45, "enabler")),
            seg("T2", 1, "Yeah, yeah, it was, it was, absolutely.", ("IS.C", 0.6, "enabler")),
        ],
        {"T2": transcript("T2", "P02")},
    )
    table = barriers_enablers(only, MINI, quotes=3)
    assert table.rows()[1][7:10] == [2, "P02", f"{NO_QUOTE} [P02, T2:100-139]"]
    out = tmp_path / "t.docx"
    table.to_docx(out)
    assert docx_rows(out)[2][1][1] == (
        "no quote, it only says yes or no: \u201cYeah, yeah, it was, it was, absolutely.\u201d "
        "(P02)"
    )
    from roqa_nlp.report import render_report

    html = render_report(only, MINI)
    page = html[html.index('id="table2"') : html.index('id="ratings"')]
    assert re.findall(r'<span class="no-quote">([^<]*)</span>', page) == [
        "no quote, it only says yes or no:"
    ]


@pytest.mark.parametrize(
    "said",
    [
        "Exactly that, yeah, you've put it better than I could.",
        "Yes. Yes, that's a good way of putting it.",
        "Spot on, really.",
        "Mm, in a nutshell, yeah.",
        "That's exactly it. You've summed it up.",
        "Exactly.",
    ],
)
def test_a_reply_agreeing_with_a_summary_is_counted_but_not_quoted_while_its_cell_has_more(
    said: str,
) -> None:
    """Tester (s42 seed2) D1: a participant's "you've put it better than I did" to the
    interviewer's summary was Table 2's only enabler quote of a construct, over their own account
    of it: the reply is coded (the summary makes it so) and counted, but says nothing of its own
    (data/summary_agreements.txt), so the segment that does is quoted, in the matrix and Table 2."""
    result = CodingResult(
        segments=[
            seg("T1", 0, said, ("IS.C", 0.95, "enabler")),
            seg("T1", 1, "The rota lets people plan their week.", ("IS.C", 0.4, "enabler")),
        ],
        transcripts={"T1": transcript("T1", "P01")},
    )
    cell = framework_matrix(result, quotes=1).cell("P01", "IS.C")
    assert (cell.segments, [q.segment_id for q in cell.quotes]) == (2, ["T1:1"])
    row = barriers_enablers(result, MINI, quotes=1).construct("IS.C")
    assert row is not None
    assert (row.enablers.segments, [q.segment_id for q in row.enablers.quotes]) == (2, ["T1:1"])


@pytest.mark.parametrize(
    "said",
    [
        "Exactly, and the waiting list doubled that year.",
        "You've put it better than I could, but the money was the real problem.",
        "Spot on for the day shift, not for nights.",
    ],
)
def test_a_reply_that_agrees_and_adds_something_is_quoted(said: str) -> None:
    """An agreement that goes on to say something of its own is evidence: quoted first when
    surest, as any other segment."""
    result = CodingResult(
        segments=[
            seg("T1", 0, said, ("IS.C", 0.95, "enabler")),
            seg("T1", 1, "The rota lets people plan their week.", ("IS.C", 0.4, "enabler")),
        ],
        transcripts={"T1": transcript("T1", "P01")},
    )
    cell = framework_matrix(result, quotes=1).cell("P01", "IS.C")
    assert [q.segment_id for q in cell.quotes] == ["T1:0"]


@pytest.mark.parametrize("quotes", [-1, 1.5, True, "2"])
def test_a_table_or_matrix_of_a_negative_or_odd_number_of_quotes_is_refused(quotes: object) -> None:
    """barriers_enablers(result, quotes=-1) ran without complaint (s36); to_docx refused it."""
    expected = f"quotes must be a whole number of 0 or more, got {quotes!r}"
    error = ValueError if quotes == -1 else TypeError  # s50 api tester: a bare RoqaError
    with pytest.raises(error) as caught:
        barriers_enablers(three_interviews(), MINI, quotes=quotes)  # type: ignore[arg-type]
    assert str(caught.value) == expected
    with pytest.raises(error) as caught:
        framework_matrix(three_interviews(), codebook=MINI, quotes=quotes)  # type: ignore[arg-type]
    assert str(caught.value) == expected


def test_a_chart_argument_out_of_range_is_a_value_error() -> None:
    """docs/python.md "Errors": a wrong value is also a ValueError (s50 api tester: the charts'
    were a bare RoqaError, which ``except ValueError`` did not catch)."""
    calls = {
        "unknown CSV layout 'tall' (use 'wide' or 'long')": lambda: framework_matrix(
            three_interviews()
        ).to_csv(Path("never-written.csv"), layout="tall"),  # type: ignore[arg-type]
        "the Guest et al. method needs base_size >= 1 and run_length >= 1 (got 0 and 2)": (
            lambda: saturation(interviews(["A", "B"]), base_size=0)
        ),
        "new_info_threshold must be between 0 and 1, got 5": lambda: saturation(
            interviews(["A", "B"]), new_info_threshold=5
        ),
    }
    for message, call in calls.items():
        with pytest.raises(ValueError) as caught:
            call()
        assert isinstance(caught.value, RoqaError)
        assert str(caught.value) == message


def test_table2_rows_have_one_line_reprs() -> None:
    """A DomainRow printed every quote in full in a notebook (s36)."""
    d = barriers_enablers(three_interviews(), MINI).domains[0]
    c = d.constructs[0]
    assert repr(c.barriers) == "Side(barrier: 4 segments from P01, P02; 2 quotes)"
    assert repr(c) == (
        "ConstructRow(IC.F 'Complexity': barriers 4 segments (P01, P02), "
        "enablers 1 (P02), neutral 0)"
    )
    assert repr(d) == "DomainRow(IC 'Intervention Characteristics': 1 construct: IC.F)"


def test_read_loads_the_project_codebook_a_saved_result_wrote_beside_it(tmp_path: Path) -> None:
    """A retrained model's saved result writes codebook.json beside its codings; read() left
    .codebook None, though the charts found the file (s36)."""
    project = Codebook(
        id="staffing-study",
        name="Staffing study",
        codes=[
            Code("T", "Workforce", "domain", codable=False),
            Code("T.1", "Agency staff", "construct", parent="T", domain="T"),
        ],
    )
    r = CodingResult(
        segments=[seg("T1", 0, "Agency staff never know the people.", ("T.1", 0.9, "barrier"))],
        transcripts={"T1": transcript("T1", "P01")},
        meta={"model": {"codebook": "staffing-study"}},
        codebook=project,
    )
    r.save(tmp_path / "coded")
    read = CodingResult.read(tmp_path / "coded")
    assert read.codebook is not None
    assert (read.codebook.id, [c.id for c in read.codebook.codes]) == (
        "staffing-study",
        ["T", "T.1"],
    )
    # a codebook.json of another codebook than the one recorded is not the result's
    other = CodingResult(r.segments, r.transcripts, {"model": {"codebook": "cfir-2009"}})
    other.save(tmp_path / "other")
    project.save(tmp_path / "other" / "codebook.json")
    assert CodingResult.read(tmp_path / "other").codebook is None
    # a damaged one: the codings are still read (hunt2, s36: read() failed on it)
    (tmp_path / "coded" / "codebook.json").write_text("{not json", encoding="utf-8")
    damaged = CodingResult.read(tmp_path / "coded")
    assert (damaged.codebook, len(damaged)) == (None, 1)


def test_the_matrix_and_saturation_files_say_whose_codes_they_chart_as_table_2_does(
    tmp_path: Path,
) -> None:
    """Tester s37 (outputs) 1: matrix.xlsx/.csv and saturation.xlsx/.csv never said whether they
    chart the model's unreviewed suggestions or a researcher's codes, which Table 2 says (its
    caption, its About sheet). Each file now carries Table 2's one line: an About sheet in the
    workbook. The .csv files keep the column names on their first line, as programs read them."""
    from openpyxl import load_workbook

    model = (
        "Codes: two CFIR domains. Charted from the model's top suggestion: 7 of 9 participant "
        "segments (2 fit no code or are procedural talk). Not reviewed by a researcher."
    )
    r = three_interviews()
    table, matrix = barriers_enablers(r, MINI), framework_matrix(r, codebook=MINI)
    sat = saturation(r, codebook=MINI)
    assert table.note == matrix.note == sat.note == model
    for name, chart in (("t2", table), ("m", matrix), ("s", sat)):
        chart.to_csv(tmp_path / f"{name}.csv")
        lines = (tmp_path / f"{name}.csv").read_text("utf-8-sig").splitlines()
        assert lines[0].split(",")[0] in ("domain_id", "participant", "n")
        assert model not in "\n".join(lines)
        chart.to_xlsx(tmp_path / f"{name}.xlsx")
        about = load_workbook(tmp_path / f"{name}.xlsx")["About"]
        assert [about["A1"].value, about["A2"].value] == ["what this table charts", model]
    assert load_workbook(tmp_path / "s.xlsx").sheetnames == ["Saturation", "Verdicts", "About"]
    assert saturation(partly_reviewed()).note == (
        "Charted from the codes Alice gave: 5 of 5 participant segments. Left out as not "
        "reviewed yet: 1 undecided segment of the reviewed transcripts and 1 transcript the "
        "review did not reach (I03)."
    )


def test_saturation_names_its_codes_as_the_matrix_headers_do(tmp_path: Path) -> None:
    """Tester s37 (outputs) 2: the verdict, the Verdicts sheet, the new_codes column and the
    report's table gave ids alone ("IS.D.5 (1 segment, p=0.52)"), to be translated by hand
    before a verdict could be quoted. Each code is now its id and name, as the matrix's column
    headers write it."""
    from openpyxl import load_workbook

    result = interviews(["IC.F IC.A", *["IC.F"] * 10, "IS.C", "IC.F"])
    result.segments.append(seg("I12", 5, "the rota, sort of", ("IS.C", 0.3, "barrier")))
    s = saturation(result)
    assert s.rows()[1][4] == "IC.A Intervention Source; IC.F Complexity"
    assert s.rows()[12][4:6] == ["IS.C Culture", ""]
    assert s.francis.message == (
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: IS.C Culture (2 "
        "segments, p=0.90). Continue interviewing until 3 consecutive interviews add no new "
        "code."
    )
    assert saturation_view(s)["interviews"][0]["new"] == [
        "IC.A Intervention Source (1, p=0.90)",
        "IC.F Complexity (1, p=0.90)",
    ]
    s.to_xlsx(tmp_path / "s.xlsx")
    verdict = load_workbook(tmp_path / "s.xlsx")["Verdicts"]["F2"].value
    assert "new codes: IS.C Culture (2 segments" in verdict
    unsure = interviews(["IC.F"])
    unsure.segments.append(seg("I01", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")))
    assert saturation(unsure).unsure_new_labels(0) == "IC.A Intervention Source (0.19)"
    assert saturation(unsure).francis.message.endswith(
        "Unsure new code: IC.A Intervention Source p=0.19 in interview 1 (P01)."
    )


def test_the_rows_and_verdicts_resting_on_a_partial_review_say_so(tmp_path: Path) -> None:
    """Tester s37 (outputs) 3: with the new construct's segments of interviews 12 and 13 left
    undecided, only the 10+3 verdict's sentence said so: the Verdicts sheet said "reached: yes",
    the rows "no new code (2 of 3)" and "saturation reached (3 of 3)", and the Guest verdict
    (reached at 8) nothing. The rows of partly reviewed interviews, the ``reached`` cells and
    the Guest verdict now say it."""
    from openpyxl import load_workbook

    result = interviews(SEQUENCE)
    result.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I14": [2, 3], "I15": [4, 5]}}
    s = saturation(result)
    assert s.stopping_rule()[-3:] == [
        "no new code (1 of 3)",
        "no new code (2 of 3), partly reviewed (2 of 3 segments undecided)",
        "saturation reached (3 of 3), partly reviewed (4 of 5 segments undecided)",
    ]
    assert saturation_view(s)["interviews"][14]["stopping_rule"] == s.stopping_rule()[14]
    partial = "yes, on a partial review (interviews 14, 15 hold undecided segments)"
    assert (s.francis.partly_reviewed, s.guest.partly_reviewed) == ([14, 15], [14, 15])
    assert s.guest.at == 9
    assert (
        "new information. But interview(s) 14, 15 after interview 9 are only partly reviewed (6 of "
        "their 8 segments undecided): a new code among them would not bear saturation out, so finish "
        "the review before reporting it. But 2 later"
    ) in s.guest.message
    s.to_xlsx(tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["Verdicts"].iter_rows(values_only=True))
    assert [r[2] for r in rows[1:3]] == [
        partial,
        "yes, but not borne out: interviews 10 (P10), 12 (P12) after it added 2 new codes (run "
        "9-10: 16.7% "
        "new information > 5%, and 3 later run(s) above it); on a partial review (interviews 14, "
        "15 hold undecided segments)",
    ]
    # undecided segments before the quiet run and the Guest run: nothing to say of the verdicts
    result.meta = {"user": {"name": "Alice"}, "undecided_segments": {"I02": [1, 3]}}
    before = saturation(result)
    assert [r[2] for r in before.verdict_rows()[1:3]] == [
        "yes",
        "yes, but not borne out: interviews 10 (P10), 12 (P12) after it added 2 new codes (run "
        "9-10: 16.7% "
        "new information > 5%, and 3 later run(s) above it)",
    ]
    assert (
        before.stopping_rule()[1] == "initial sample, partly reviewed (1 of 3 segments undecided)"
    )


def test_the_word_table_cites_quotes_by_participant_as_a_paper_does_or_by_place_alike(
    tmp_path: Path,
) -> None:
    """Tester s37 (outputs) 4: one Word table cited "(P07, 00:00:43)" for a Zoom transcript and
    "(P10, p10_interview:888-1010)" for a Word or .txt one, offsets no reader of a paper can
    use, and had no style a paper cites, "(P04)". It cites by participant now; ``cite="place"``
    cites every quote alike, transcript and offsets, then the time when there is one."""
    r = three_interviews()
    timed = seg("T3", 1, "Bell rang and staff left.", ("IC.F", 0.99, "barrier"))
    timed = dataclasses.replace(
        timed, segment=dataclasses.replace(timed.segment, begin_time=3723.6)
    )
    r = CodingResult(segments=[*r.segments, timed], transcripts=r.transcripts)
    table = barriers_enablers(r, MINI, quotes=2)
    table.to_docx(tmp_path / "t.docx", quotes=2)
    table.to_docx(tmp_path / "p.docx", quotes=2, cite="place")
    assert docx_rows(tmp_path / "t.docx")[2][0][1:] == [
        "\u201cBell rang and staff left.\u201d (P01)",
        '\u201c=HYPERLINK("x") too much paperwork\u201d (P02)',
    ]
    assert docx_rows(tmp_path / "p.docx")[2][0][1:] == [
        "\u201cBell rang and staff left.\u201d (P01, T3:100-125, 01:02:03)",
        '\u201c=HYPERLINK("x") too much paperwork\u201d (P02, T2:300-334)',
    ]
    with pytest.raises(RoqaError, match="unknown citation style 'apa'"):
        table.to_docx(tmp_path / "x.docx", cite="apa")
    assert not (tmp_path / "x.docx").exists()


def test_saturation_verdicts_say_the_rule_once_and_count_in_words_that_agree(
    tmp_path: Path,
) -> None:
    """Tester s37 (outputs) 5: "10+3 rule: saturation not reached (10+3 rule)" (the report
    prefixes the rule), "no new codes in interviews 11", "until 1 consecutive interviews add no
    new code", and in an order given "reached at interview 13 (p11_interview (P11))": a
    position beside another participant's number, in nested brackets."""
    s = saturation(interviews(SEQUENCE[:12]), stopping_criterion=1)
    assert s.francis.message == (
        "Saturation reached at interview 11 (P11, I11). No new codes in interview 11 after an "
        "initial sample of 10. But 1 later interview(s) added new codes (interview 12 (P12): J "
        "(1 segment, p=0.90)): the interviews after the stopping point do not bear saturation "
        "out."
    )
    s = saturation(interviews(SEQUENCE[:12]), initial_sample=11, stopping_criterion=1)
    assert s.francis.message == (
        "Saturation not reached. Interview 12 (P12, I12) still added new codes: J (1 segment, "
        "p=0.90). Continue interviewing until a further interview adds no new code."
    )
    order = [*[f"I{k:02d}" for k in range(1, 13)], "I14", "I15", "I13"]
    s = saturation(interviews(SEQUENCE), order=order)
    # the quiet run is named with its participants too: "13-15" beside "(P13)" read as P13-P15
    # (blind tester s64, satloop, 1)
    assert s.francis.message.startswith(
        "Saturation reached at interview 15 in the order given (P13, I13). No new codes in "
        "interviews 13-15 (P14, P15, P13) after an initial sample of 10"
    )
    assert s.guest.message.startswith(
        "Saturation reached at interview 9 in the order given (P09, I09). Base 4 interviews "
        "(6 codes), run 8-9 (P08, P09) added "
    )


def test_a_matrix_cell_says_how_its_segments_split_by_valence() -> None:
    """Tester s37 (outputs) 6: P02's External Policy & Incentives cell read "2 segments" for one
    enabler and one barrier; only the Quotes sheet split them."""
    from roqa_nlp.framework import Cell

    assert Cell(segments=2, barriers=1, enablers=1).summary() == "2 segments: 1 barrier, 1 enabler"
    assert Cell(segments=5, enablers=3, neutral=2).summary() == "5 segments: 3 enablers, 2 neutral"
    assert Cell(segments=1, neutral=1).summary() == "1 segment: 1 neutral"
    assert Cell().summary() == ""
    m = framework_matrix(three_interviews())
    assert m.wide_rows()[2][1].startswith("2 segments: 1 barrier, 1 enabler | ")


def test_a_matrix_cell_does_not_call_codes_given_no_valence_neutral() -> None:
    """Regression hunt s37: a reviewer's imported codes with no valence read "1 segment: 1
    neutral" in the matrix, a valence nobody gave (Table 2 counts them as neutral and says so in
    its note; a cell has no room for the note). Given no valence alone, the cell says so in the
    form of every other cell (study10 tester, s80 D4: it read "2 segments", no count of a side,
    where a CSV reader looks for "N segments: ...")."""
    from roqa_nlp.framework import Cell

    assert Cell(segments=2, neutral=2, no_valence=2).summary() == "2 segments: 2 given no valence"
    assert (
        Cell(segments=3, barriers=1, neutral=2, no_valence=1).summary()
        == "3 segments: 1 barrier, 1 neutral, 1 given no valence"
    )
    person = CodingResult(
        segments=[
            seg("T1", 0, "Support workers are not trained for this.", ("IC.F", 1.0, "neutral")),
            seg("T1", 1, "It takes so much longer to do it properly.", ("IC.F", 1.0, "neutral")),
            seg("T1", 2, "Nobody has the time.", ("IC.F", 1.0, "barrier")),
        ],
        transcripts={"T1": transcript("T1", "P01")},
        meta={"valence_not_given": ["T1:0"]},
    )
    (cell,) = framework_matrix(person).cells.values()
    assert (cell.neutral, cell.no_valence) == (2, 1)
    assert cell.summary().split(" | ")[0] == "3 segments: 1 barrier, 1 neutral, 1 given no valence"


#: said of commissioners: External Policy & Incentives (OS.D) to the model, which the CFIR 2.0
#: mapping shares equally among Policies & Laws, Financing and Performance-Measurement Pressure
COMMISSIONERS = (
    "The commissioners only measure hours delivered and incidents. Recovery outcomes aren't in "
    "the contract so they don't count for anything at tender time."
)


def test_a_sure_code_the_cfir_2_mapping_shares_out_is_not_marked_unsure() -> None:
    """Tester s39 (framework, 3): OS.D at p = 1.00, charted in CFIR 2.0, is a three-way tie at
    0.33; Table 2 marked the quote "code unsure (0.33)" and the saturation verdict said a new
    code rested only on unsure suggestions ("OUT.E Policies & Laws p=0.33"), though the model was
    sure of the topic, only not of which CFIR 2.0 code says it. "Unsure" is judged on the model's
    own probability for the code it translated; a suggestion unsure there stays unsure. Since
    session 42 the counterparts show that probability too (1.00 each, not 0.33: the CSV showed
    a sure code under the 0.40 line while Table 2 judged it sure). Since session 61 the words
    of "Not ... reported measures (Performance-Measurement Pressure)" in Policies & Laws count
    for Performance-Measurement Pressure: "measure" and "contract" tie it with Financing, and
    Policies & Laws, which the segment shares no word with, shows 1.00 x 0.0147 / 0.4926."""
    r = CodingResult(
        [
            seg("I01", 0, COMMISSIONERS, ("OS.D", 1.0, "barrier")),
            seg("I02", 0, "We talk about it in the team, sort of.", ("IS.A", 0.3, "barrier")),
        ],
        {"I01": transcript("I01", "P01"), "I02": transcript("I02", "P02")},
        {"model": {"codebook": "cfir-2009"}},
    )
    charted = r.translate(Codebook.load("cfir-2022"))
    assert [(g.code_id, round(g.probability, 4)) for g in charted.segments[0].suggestions] == [
        ("OUT.F", 1.0),
        ("OUT.G.3", 1.0),
        ("OUT.E", 0.0299),
    ]
    quotes = {
        row[2]: row[6] for row in barriers_enablers(charted, "cfir-2022").rows()[1:] if row[6]
    }
    assert quotes == {
        "OUT.F": f'"{COMMISSIONERS}" [P01, I01:0-151]',
        "INS.A": '"We talk about it in the team, sort of." [P02, I02:0-38, code unsure (0.30)]',
    }
    # charted as its top three: each of the three is the model's sure OS.D
    top3 = barriers_enablers(charted, "cfir-2022", top_k=3).rows()[1:]
    assert [(row[2], "unsure" in row[6]) for row in top3 if row[6]] == [
        ("OUT.E", False),
        ("OUT.F", False),
        ("OUT.G.3", False),
        ("INS.A", True),
    ]
    s = saturation(charted, initial_sample=1, stopping_criterion=1)
    assert s.unsure_new == [[], ["INS.A"]]
    assert s.new_support == [{"OUT.F": (1, 1.0)}, {"INS.A": (1, 0.3)}]
    assert [r[4:6] for r in s.rows()[1:]] == [
        ["OUT.F Financing", ""],
        ["INS.A Structural Characteristics", "INS.A Structural Characteristics (0.30)"],
    ]
    assert s.francis.message.endswith(
        ". 1 of the 2 new codes rests only on unsure suggestions in the interview where it was "
        "new (every segment of it there below p=0.40, listed last): the verdict counts them as "
        "codes the interviews used, so review them before reporting it. Unsure new code: INS.A "
        "Structural Characteristics p=0.30 in interview 2 (P02)."
    )


def test_the_report_and_word_table_2_judge_a_shared_out_code_on_the_models_probability(
    tmp_path: Path,
) -> None:
    """Tester s39 (framework, 3), in the report charted in CFIR 2.0 and the Word Table 2: the
    commissioners quote (OS.D 1.00, OUT.E 0.33) is not "code unsure" nor marked †, and the
    overview does not count it among charted segments resting on an unsure top suggestion; the
    quote shows the probability charted, the model's for OS.D (p=1.00; p=0.33 before session
    42)."""
    from docx import Document

    from roqa_nlp.report import write_report

    r = CodingResult(
        [
            seg("I01", 0, COMMISSIONERS, ("OS.D", 1.0, "barrier")),
            seg("I02", 0, "We talk about it in the team, sort of.", ("IS.A", 0.3, "barrier")),
        ],
        {"I01": transcript("I01", "P01"), "I02": transcript("I02", "P02")},
        {"model": {"codebook": "cfir-2009"}},
    )
    charted = r.translate(Codebook.load("cfir-2022"))
    path = write_report(charted, tmp_path / "report.html", "cfir-2022")
    html = path.read_text("utf-8")
    # Table 2, the matrix: only the quote the model is unsure of
    assert set(re.findall(r"code unsure \((\d\.\d\d)\)", html)) == {"0.30"}
    assert re.search(r'class="unsure-count">1 of 2 charted segments', html)
    assert "p=1.00" in html and "p=0.33" not in html
    out = tmp_path / "t.docx"
    barriers_enablers(charted, "cfir-2022").to_docx(out)
    marked = [p.text for p in Document(str(out)).paragraphs if "\u2020" in p.text]
    assert marked == [
        "\u2020 Code unsure: the model's probability for it is below 40%. After a participant: "
        "every segment of theirs in this bullet has an unsure code."
    ]
    assert [c for row in docx_rows(out) for cell in row for c in cell if "\u2020" in c] == [
        "Structural Characteristics: 1 participant, 1 code unsure (P02\u2020), 1 segment",
        "\u201cWe talk about it in the team, sort of.\u201d (P02) \u2020",
    ]


def test_table2_marks_and_counts_participants_counted_only_on_unsure_codes(
    tmp_path: Path,
) -> None:
    """Seed replication (session 41): "Relative Priority: 2 participants (P09, P10)" counted
    P10's small talk coded at p = 0.11 as a participant like any other, the † only on the quote
    shown. A participant all of whose segments on a side are "code unsure" is marked in every
    output (Word: † with its count and a legend; .csv/.xlsx and the report: "(code unsure)");
    one with a sure segment there too (P01) is not."""
    from docx import Document

    from roqa_nlp.report import write_report

    r = CodingResult(
        segments=[
            seg("T1", 0, "Recovery drops down the list.", ("IC.F", 0.9, "barrier")),
            seg("T1", 1, "It's been a mad year.", ("IC.F", 0.2, "barrier")),
            seg("T2", 0, "A mad year with lockdown.", ("IC.F", 0.11, "barrier")),
            seg("T3", 0, "Inspections come first.", ("IC.F", 0.7, "barrier")),
        ],
        transcripts={
            t.id: t
            for t in [transcript("T1", "P01"), transcript("T2", "P10"), transcript("T3", "P09")]
        },
    )
    table = barriers_enablers(r, MINI, quotes=1)
    side = table.construct("IC.F").barriers
    assert (side.participants, side.unsure_participants) == (["P01", "P09", "P10"], ["P10"])
    assert table.rows()[1][4:6] == [4, "P01, P09, P10 (code unsure)"]
    out = tmp_path / "t.docx"
    table.to_docx(out)
    assert docx_rows(out)[2][0][0] == (
        "Complexity: 3 participants, 1 code unsure (P01, P09, P10\u2020), 4 segments"
    )
    assert [p.text for p in Document(str(out)).paragraphs][2] == (
        "\u2020 Code unsure: the model's probability for it is below 40%. After a participant: "
        "every segment of theirs in this bullet has an unsure code."
    )
    html = write_report(r, tmp_path / "r.html", MINI).read_text("utf-8")
    assert '<div class="who">P01, P09, P10 (code unsure) <span' in html


def test_table2_docx_marks_its_header_row_to_repeat_on_every_page(tmp_path: Path) -> None:
    """Table 2 runs over pages in a write-up: its one Word table's first row (Barriers |
    Enablers), and only it, is a header row (<w:tblHeader/> in its <w:trPr>), so Word and
    LibreOffice repeat it on each page (s43 writeup, checked in the XML)."""
    import re
    import zipfile

    r = CodingResult(
        [seg("T1", 0, "People judge us.", ("IS.C", 1.0, "barrier"))],
        {"T1": transcript("T1", "P01")},
    )
    out = tmp_path / "t.docx"
    barriers_enablers(r, "cfir-2009").to_docx(out)
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    tables = re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S)
    assert len(tables) == 1
    rows = re.findall(r"<w:tr[ >].*?</w:tr>", tables[0], re.S)
    assert [bool(re.search(r"<w:trPr>.*<w:tblHeader( w:val=\"(true|1|on)\")?/>", r, re.S)) for r in rows] == [True] + [False] * (len(rows) - 1)  # fmt: skip
    assert re.sub(r"<[^>]+>", "", rows[0]) == "BarriersEnablers"


def test_the_reached_cell_says_when_later_interviews_do_not_bear_saturation_out(
    tmp_path: Path,
) -> None:
    """The Verdicts sheet's `reached` cell is pasted alone: by the documented rules (Guest: the
    first run of 2 after a base of 4 with <= 5% new information) both verdicts are right to say
    reached, but the cell must say that later interviews added new codes, as the verdict text
    does. Before: 'yes' for a Guest verdict at interview 7 when interview 8 added 2 new codes
    (run 7-8: 2/21 = 9.5% > 5%; s43 writeup)."""
    from openpyxl import load_workbook

    # base I01-I04: 10 codes; run 5-6 adds 0 (0% <= 5%: reached at 6); 7 adds K, L
    codes = ["A B C", "D E F", "G H", "I J", "A", "B", "K L"]
    s = saturation(interviews(codes), initial_sample=4, stopping_criterion=2)
    assert (s.guest.reached, s.guest.at, s.guest.base_codes) == (True, 6, 10)
    assert (s.francis.reached, s.francis.at) == (True, 6)
    s.to_xlsx(tmp_path / "s.xlsx")
    rows = list(load_workbook(tmp_path / "s.xlsx")["Verdicts"].iter_rows(values_only=True))
    assert [r[2] for r in rows[1:3]] == [
        "yes, but not borne out: interview 7 (P07) after it added 2 new codes",
        "yes, but not borne out: interview 7 (P07) after it added 2 new codes (run 6-7: 20.0% new "
        "information > 5%)",
    ]
    # nothing new after it: plain yes
    quiet = saturation(interviews(codes[:6]), initial_sample=4, stopping_criterion=2)
    assert [r[2] for r in quiet.verdict_rows()[1:3]] == ["yes", "yes"]


def test_a_chart_of_top_k_not_a_whole_number_or_below_one_is_a_one_line_error() -> None:
    """s43 tester: a wrong type is a TypeError, a wrong value a ValueError, both RoqaErrors."""
    with pytest.raises(TypeError) as exc:
        framework_matrix(three_interviews(), top_k="3")  # type: ignore[arg-type]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        "top_k must be a whole number (an int), not '3' (a str) "
        "(give how many ranked codes to keep, e.g. top_k=5)"
    )
    with pytest.raises(ValueError, match=r"^top_k must be at least 1, not 0 "):
        framework_matrix(three_interviews(), top_k=0)


def test_a_numpy_integer_top_k_is_taken_as_its_int() -> None:
    """Hunt s43: after 93a729c, top_k=np.int64(2) (from a notebook's array or a DataFrame cell)
    was refused by to_csv, to_dataframe and every chart: 'top_k must be a whole number (an int),
    not np.int64(2)', though it is one. Any integral type is taken; a bool, a str and a float
    are still refused."""
    import numpy as np

    r = three_interviews()
    two = np.int64(2)
    assert r.to_csv(top_k=two) == r.to_csv(top_k=2)
    assert r.to_dataframe(top_k=two).equals(r.to_dataframe(top_k=2))
    assert framework_matrix(r, top_k=two) == framework_matrix(r, top_k=2)
    assert coded_segments(r, top_k=np.int32(2)) == coded_segments(r, top_k=2)
    assert barriers_enablers(r, top_k=two) == barriers_enablers(r, top_k=2)
    assert saturation(r, top_k=two) == saturation(r, top_k=2)
    for wrong in (True, np.bool_(True), "2", 2.0, np.float64(2)):
        with pytest.raises(TypeError, match=r"^top_k must be a whole number \(an int\), not "):
            framework_matrix(r, top_k=wrong)  # type: ignore[arg-type]


def test_matrix_without_a_codebook_orders_the_codes_used_as_the_codebook_does() -> None:
    # s47 tester: by id, Inner Setting (IS) came before Outer Setting (OS), where Table 2 and
    # roqa report --matrix follow codebook order (IC, OS, IS, CI, PR)
    r = CodingResult(
        segments=[
            seg("T1", 0, "Staff shortages.", ("IS.E.2", 0.9, "barrier")),
            seg("T1", 1, "The commissioners.", ("OS.B", 0.9, "neutral")),
            seg("T1", 2, "The plan.", ("PR.A", 0.9, "neutral")),
            seg("T1", 3, "It is complex.", ("IC.F", 0.9, "barrier")),
            seg("T1", 4, "A code of our own.", ("ZZ.1", 0.9, "neutral")),
            seg("T1", 5, "Another of our own.", ("AA.1", 0.9, "neutral")),
        ],
        transcripts={"T1": transcript("T1", "P01")},
    )
    assert framework_matrix(r).codes == ["IC.F", "OS.B", "IS.E.2", "PR.A", "AA.1", "ZZ.1"]


def test_table2_marks_and_counts_participants_counted_only_on_unsure_valences(
    tmp_path: Path,
) -> None:
    """Seed replication (session 48): "Access to Knowledge & Information: 7 participants (P01,
    P03, P05, ...), 7 segments" under Enablers counted P05's and P09's negated barriers, read as
    enablers at valence p = 0.46 and 0.37, with no mark, the ‡ only on the one quote shown. A
    participant all of whose segments on a side are "valence unsure" is marked and counted in
    every output, as one on unsure codes is (Word: ‡ with its count and a legend; .csv/.xlsx
    and the report: "(valence unsure)"); one with a sure valence there too (P01) is not, nor
    one whose valence the reviewer set (P10: no valence probability)."""
    from docx import Document

    from roqa_nlp.report import write_report

    def vp(s: SegmentResult, p: float | None) -> SegmentResult:
        g = dataclasses.replace(s.suggestions[0], valence_probability=p)
        return dataclasses.replace(s, suggestions=[g])

    r = CodingResult(
        segments=[
            vp(seg("T1", 0, "The culture is kind.", ("IS.C", 0.8, "enabler")), 0.9),
            vp(seg("T1", 1, "People mostly help.", ("IS.C", 0.7, "enabler")), 0.5),
            vp(seg("T2", 0, "We don't get any training.", ("IS.C", 0.7, "enabler")), 0.46),
            vp(seg("T3", 0, "There's no real training.", ("IS.C", 0.6, "enabler")), 0.37),
            vp(seg("T4", 0, "It's a mad year.", ("IS.C", 0.2, "enabler")), 0.4),
            vp(seg("T5", 0, "Staff cover for each other.", ("IS.C", 1.0, "enabler")), None),
        ],
        transcripts={
            t.id: t
            for t in [
                transcript("T1", "P01"),
                transcript("T2", "P05"),
                transcript("T3", "P09"),
                transcript("T4", "P08"),
                transcript("T5", "P10"),
            ]
        },
    )
    table = barriers_enablers(r, MINI, quotes=1)
    side = table.construct("IS.C").enablers
    assert (side.unsure_participants, side.valence_unsure_participants) == (
        ["P08"],
        ["P05", "P08", "P09"],
    )
    assert table.rows()[1][7:9] == [
        6,
        "P01, P05 (valence unsure), P08 (code unsure, valence unsure), P09 (valence unsure), P10",
    ]
    out = tmp_path / "t.docx"
    table.to_docx(out, quotes=0)
    assert docx_rows(out)[2][1] == [
        "Culture: 5 participants, 1 code unsure, 3 valence unsure "
        "(P01, P05\u2021, P08\u2020\u2021, P09\u2021, P10), 6 segments"
    ]
    # no quote shown: the legend still says what the participants' marks mean
    assert [p.text for p in Document(str(out)).paragraphs][2:] == [
        "\u2020 Code unsure: the model's probability for it is below 40%. After a participant: "
        "every segment of theirs in this bullet has an unsure code.",
        "\u2021 Valence unsure: the probability of its valence is below 60%. After a "
        "participant: every segment of theirs in this bullet has an unsure valence.",
    ]
    html = write_report(r, tmp_path / "r.html", MINI).read_text("utf-8")
    assert (
        '<div class="who">P01, P05 (valence unsure), P08 (code unsure, valence unsure), '
        "P09 (valence unsure), P10 <span"
    ) in html


def test_table2_marks_a_participant_only_when_all_their_segments_in_the_bullet_are_unsure(
    tmp_path: Path,
) -> None:
    """A participant with one sure and one unsure segment on a side of a construct (P01: a sure
    segment and one unsure of both its code and its valence) is not marked, with † or ‡; one
    whose every segment there is unsure (P02) is. The marks say whose evidence rests on unsure
    segments only, and the legend, the docs (docs/report.md, "The daggers") and the report say
    that rule: the legend said "for every segment of theirs the bullet counts", which a reader
    took as marking anyone with an unsure segment (helper s49 t2)."""
    from docx import Document

    from roqa_nlp.report import write_report

    def vp(s: SegmentResult, p: float) -> SegmentResult:
        g = dataclasses.replace(s.suggestions[0], valence_probability=p)
        return dataclasses.replace(s, suggestions=[g])

    r = CodingResult(
        segments=[
            vp(seg("T1", 0, "The culture is kind.", ("IS.C", 0.8, "enabler")), 0.9),
            vp(seg("T1", 1, "It's a mad year.", ("IS.C", 0.2, "enabler")), 0.4),
            vp(seg("T2", 0, "People mostly help.", ("IS.C", 0.3, "enabler")), 0.5),
        ],
        transcripts={t.id: t for t in [transcript("T1", "P01"), transcript("T2", "P02")]},
    )
    table = barriers_enablers(r, MINI, quotes=1)
    side = table.construct("IS.C").enablers
    assert (side.unsure_participants, side.valence_unsure_participants) == (["P02"], ["P02"])
    assert table.rows()[1][7:9] == [3, "P01, P02 (code unsure, valence unsure)"]
    out = tmp_path / "t.docx"
    table.to_docx(out, quotes=0)
    assert docx_rows(out)[2][1] == [
        "Culture: 2 participants, 1 code unsure, 1 valence unsure (P01, P02\u2020\u2021), "
        "3 segments"
    ]
    assert [p.text for p in Document(str(out)).paragraphs][2:] == [
        "\u2020 Code unsure: the model's probability for it is below 40%. After a participant: "
        "every segment of theirs in this bullet has an unsure code.",
        "\u2021 Valence unsure: the probability of its valence is below 60%. After a "
        "participant: every segment of theirs in this bullet has an unsure valence.",
    ]
    html = write_report(r, tmp_path / "r.html", MINI).read_text("utf-8")
    assert '<div class="who">P01, P02 (code unsure, valence unsure) <span' in html
    assert (
        "A participant is said to be <em>code unsure</em> or <em>valence unsure</em> when all "
        "of their segments in the cell are; one with a segment sure of it there too is not."
    ) in html


def test_the_order_note_says_how_to_give_the_order_on_the_command_line_and_in_python() -> None:
    """Session 52 (sat, leftover 3): ``Saturation.order_note``, which a Python user reads, said
    only "give --order", an option of the command line. It names both: ``roqa report --order``
    and the ``order`` parameter of ``saturation`` and ``ReportOptions``."""
    from roqa_nlp.framework import participant_order_note

    assert participant_order_note(["P2", "P1", "P3", "P4"]) == (
        "saturation takes the interviews in the order they were coded (a folder's files by "
        "name, files named one by one in the order named; here by participant: P2, P1, "
        "P3, P4), not participant order (P1\u2013P4); to judge it in the order they were "
        "done in, give that order as participant or transcript ids: `roqa report --order "
        'P1,P2,P3,...` (or a file with one per line), or `order=["P1", "P2", "P3", ...]` in '
        "Python (saturation, ReportOptions)"
    )
    assert participant_order_note(["P2", "P1"]).endswith(
        '`roqa report --order P1,P2` (or a file with one per line), or `order=["P1", "P2"]` in '
        "Python (saturation, ReportOptions)"
    )


def test_a_reviews_set_aside_talk_is_counted_by_the_name_the_summary_gives_it() -> None:
    """Tester s59: after a review, apply-decisions and Table 2's note said "5 procedural and 3
    small-talk set aside", where roqa code and the report call that talk set aside as
    off-topic (it holds personal talk and background too)."""
    from roqa_nlp.framework import ReviewScope, review_scope

    meta = {"review_scope": {"participant_segments": 30, "procedural": 5, "small_talk": 3}}
    assert review_scope(meta) == ReviewScope(
        22, "5 procedural set aside and 3 set aside as off-topic", 0
    )
    meta = {"review_scope": {"participant_segments": 30, "procedural": 0, "small_talk": 3}}
    assert review_scope(meta) == ReviewScope(27, "3 set aside as off-topic", 0)


def test_the_saturation_table_records_the_options_its_verdicts_were_judged_by(
    tmp_path: Path,
) -> None:
    """Tester s59 (sat, item 2): the .csv held no trace of the rule it was judged by (initial
    sample, stopping criterion, the order, Guest's settings), so a researcher sharing it could
    not tell a 10+3 verdict from a 5+2 one. Each row now ends with them, the workbook's
    Saturation sheet too; ``interview_order`` says whether the order was given."""
    from openpyxl import load_workbook

    sat = saturation(
        three_interviews(),
        order=["P02", "P01"],
        initial_sample=5,
        stopping_criterion=2,
        base_size=1,
        run_length=1,
        new_info_threshold=0.1,
    )
    assert [r[9:] for r in sat.rows()] == [
        ["initial_sample", "stopping_criterion", "interview_order", "guest_base_size", "guest_run_length", "guest_new_information"],
        [5, 2, "given", 1, 1, 0.1],
        [5, 2, "given", 1, 1, 0.1],
    ]  # fmt: skip
    sat.to_csv(tmp_path / "sat.csv")
    assert [line.split(",")[9:] for line in (tmp_path / "sat.csv").read_text("utf-8-sig").splitlines()[1:]] == [
        ["5", "2", "given", "1", "1", "0.1"],
        ["5", "2", "given", "1", "1", "0.1"],
    ]  # fmt: skip
    sat.to_xlsx(tmp_path / "sat.xlsx")
    sheet = load_workbook(tmp_path / "sat.xlsx")["Saturation"]
    assert [c.value for c in sheet[2]][9:] == [5, 2, "given", 1, 1, 0.1]


def test_matrix_rows_follow_case_ids_while_saturation_follows_interview_order() -> None:
    """Tester s61 (LOW 6): the matrix listed P01, P03, P04, RM02, RM05 and saturation rm01 ..
    rm05. docs/report.md now says so: matrix rows in the order of their case ids (numbers as
    numbers), saturation in interview order."""
    order = [("rm01", "P01"), ("rm02", "RM02"), ("rm03", "P03"), ("rm10", "P10"), ("rm05", "P2")]
    result = CodingResult(
        [seg(t, 0, f"about {t}", ("IC.F", 0.9, "barrier")) for t, _ in order],
        {t: transcript(t, p) for t, p in order},
    )
    assert framework_matrix(result).cases == ["P01", "P2", "P03", "P10", "RM02"]
    s = saturation(result, initial_sample=1, stopping_criterion=1)
    assert s.participants == ["P01", "RM02", "P03", "P10", "P2"]


def test_table2_neutral_note_calls_its_rows_codes_when_a_project_code_is_among_them() -> None:
    """Blind tester loop, s64: 'under 2 constructs ...: Covid remote working (6 segments)'
    called the project's new code, which is no CFIR construct, a construct."""
    from roqa_nlp.framework import BarriersEnablers, ConstructRow, DomainRow, Side
    from roqa_nlp.framework_docx import neutral_note

    def row(code_id: str, name: str, n: int) -> ConstructRow:
        return ConstructRow(
            code_id, name, Side("barrier"), Side("enabler"), Side("neutral", segments=n)
        )

    table = BarriersEnablers(
        domains=[
            DomainRow("OS", "Outer Setting", [row("OS.D", "External Policy & Incentives", 2)]),
            DomainRow(
                "project",
                "New codes (open coding and review)",
                [row("project.covid-remote-working", "Covid remote working", 6)],
            ),
        ],
        neutral_segments=8,
    )
    assert neutral_note(table) == (
        "Not in the table: 8 segments whose valence is neutral (neither barrier nor enabler), "
        "under 2 codes. Charted only as neutral, so in no row above: Covid remote working "
        "(6 segments); External Policy & Incentives (2 segments). Give them a valence in review "
        "if they are barriers or enablers."
    )


def many_qualified() -> CodingResult:
    """Reached at 15 by the 10+3 rule (at 9 by Guest's), with every kind of qualification: talk
    for open coding in the quiet run, an interview of it partly reviewed, one after it not
    reviewed, a later new code, and two new codes resting only on unsure suggestions."""
    result = interviews([*SEQUENCE, "A", "Z"])
    result.segments += [
        seg("I14", 5, "we started a peer-run allotment", novel=True),
        seg("I02", 5, "the rota, sort of", ("IS.C", 0.33, "barrier")),
        seg("I05", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")),
    ]
    result.meta = {
        "undecided_segments": {"I15": [1, 3]},
        "transcripts_not_reviewed": ["I18"],
        "participants_not_reviewed": ["P18"],
        "study_interviews": [f"I{i:02d}" for i in range(1, 19)],
    }
    return result


#: many_qualified()'s 10+3 verdict as roqa said it before s68: one sentence of 1,100 characters
#: whose answer and cause the clauses joined by "; but" buried
ONE_SENTENCE = (
    "saturation reached at interview 15 (P15, I15): no new codes in interviews 13-15 after an "
    "initial sample of 10; but interview(s) 14 (P14) of that run hold 1 segment(s) that fit no "
    "code, waiting for open coding: a new idea among them restarts the count; but interview(s) "
    "18 (P18) after it are not reviewed yet: a new code among them would not bear saturation "
    "out, so finish the review before reporting it; and interview(s) 15 of that run are only "
    "partly reviewed (1 of their 3 segments undecided): the verdict rests on the decided "
    "segments, so finish the review before reporting it; but 1 later interview(s) added new "
    "codes (interview 17 (P17): Z (1 segment, p=0.90)): the interviews after the stopping point "
    "do not bear saturation out; 2 of the 13 new codes rest only on unsure suggestions (every "
    "segment below p=0.40: interview 2 (P02): IS.C Culture p=0.33; interview 5 (P05): IC.A "
    "Intervention Source p=0.19): the verdict counts them as codes the interviews used, so "
    "review them before reporting it; 1 transcript(s) not reviewed yet are left out of the "
    "judgement (the others keep their numbers in the study's order): I18 (interview 18, P18)"
)


def test_a_verdict_gives_its_answer_first_then_its_cause_then_a_sentence_each() -> None:
    """Session 68 (verdict): the verdict was one sentence of up to ~900 characters, its clauses
    joined by "; but", pasted as it stood into the command's line, the report, the Verdicts
    sheet and the JSON: a researcher lost the answer ("reached at interview 15") and its cause
    among them. It is now sentences: the answer, the cause, each qualification, and the unsure
    new codes listed last; ``message`` joins them, every figure kept, and the JSON gives each
    part too."""
    s = saturation(many_qualified())
    f = s.francis
    assert f.answer == "Saturation reached at interview 15 (P15, I15)."
    assert f.cause == "No new codes in interviews 13-15 after an initial sample of 10."
    assert f.notes == [
        "But interview(s) 14 (P14) of that run hold 1 segment(s) that fit no code, waiting for "
        "open coding: a new idea among them restarts the count.",
        "But interview(s) 18 (P18) after interview 15 are not reviewed yet: a new code among "
        "them would not bear saturation out, so finish the review before reporting it; and "
        "interview(s) 15 of that run are only partly reviewed (1 of their 3 segments undecided): the verdict "
        "rests on the decided segments, so finish the review before reporting it.",
        "But 1 later interview(s) added new codes (interview 17 (P17): Z (1 segment, p=0.90)): "
        "the interviews after the stopping point do not bear saturation out.",
        "2 of the 13 new codes rest only on unsure suggestions in the interview where each was "
        "new (every segment of each there below p=0.40, listed last): the verdict counts them as "
        "codes the interviews used, so review them before reporting it.",
        "1 transcript(s) not reviewed yet are left out of the judgement (the others keep their "
        "numbers in the study's order): I18 (interview 18, P18).",
    ]
    assert f.unsure_codes == [
        "IS.C Culture p=0.33 in interview 2 (P02)",
        "IC.A Intervention Source p=0.19 in interview 5 (P05)",
    ]
    assert f.message == " ".join(
        [
            f.answer,
            f.cause,
            *f.notes,
            "Unsure new codes: IS.C Culture p=0.33 in interview 2 (P02); IC.A Intervention "
            "Source p=0.19 in interview 5 (P05).",
        ]
    )
    # no figure lost: every number of the one sentence is in the sentences, as often
    figures = re.compile(r"\d+(?:\.\d+)?")
    before, after = figures.findall(ONE_SENTENCE), figures.findall(f.message)
    assert sorted([*before, "15"]) == sorted(after)  # "after it": "after interview 15" (D3)
    # the Guest view alike; not reached, the answer says so and the cause why
    assert (s.guest.answer, s.guest.cause) == (
        "Saturation reached at interview 9 (P09, I09).",
        "Base 4 interviews (7 codes), run 8-9 added 0 new code(s) = 0.0% <= 5% new information.",
    )
    few = saturation(interviews(["A"] * 12))
    assert (few.francis.answer, few.francis.cause, few.francis.notes) == (
        "Saturation not reached.",
        "Only 12 interview(s), the rule needs at least 13.",
        ["Continue interviewing until 3 consecutive interviews add no new code."],
    )
    growing = saturation(interviews(["A B", "C", "D", "E", "F", "G"])).guest
    assert (growing.answer, growing.cause, growing.notes) == (
        "Saturation not reached.",
        "Every run of 2 interviews after a base of 4 added more than 5% new information.",
        [],
    )
    # the JSON keeps the message and gives each part
    said = s.to_dict()["francis"]
    assert said["message"] == f.message
    assert [said[k] for k in ("answer", "cause", "notes", "unsure_codes")] == [
        f.answer,
        f.cause,
        f.notes,
        f.unsure_codes,
    ]
    # the command line's sentences: the answer and the cause on one line, a list cut at few
    assert verdict_sentences(f, 1, "saturation.csv") == [
        f"{f.answer} {f.cause}",
        *f.notes,
        "Unsure new codes: IS.C Culture p=0.33 in interview 2 (P02); and 1 more: see "
        "saturation.csv.",
    ]


def test_the_report_shows_a_verdicts_answer_first_and_the_rest_below() -> None:
    """Session 68 (verdict): the page gives each verdict's answer in bold after its rule, its
    cause beside it, and each further sentence below, as a list."""
    from roqa_nlp.report import render_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        html = render_report(many_qualified(), MINI)
    assert (
        '<span class="rule">Francis et al. (2010), 10+3 rule:</span> <strong class="answer">'
        "Saturation reached at interview 15 (P15, I15).</strong> No new codes in interviews "
        "13-15 after an initial sample of 10.</p>"
    ) in html
    assert (
        '<ul class="verdict-more"><li>But interview(s) 14 (P14) of that run hold 1 segment(s) '
        "that fit no code, waiting for open coding: a new idea among them restarts the count."
        "</li>"
    ) in html
    assert (
        "<li>Unsure new codes: IS.C Culture p=0.33 in interview 2 (P02); IC.A Intervention "
        "Source p=0.19 in interview 5 (P05).</li></ul>"
    ) in html


def test_the_verdict_cell_lists_fifty_unsure_new_codes_and_says_where_they_all_are() -> None:
    """Hunt s68 (h_verdict, R1): once the verdict listed every unsure new code, 805 of them made
    a Verdicts cell of 47,143 characters, which openpyxl cut at 32,767 mid-item, unsaid.
    ``message`` (the cell) lists the first 50 and how many more, and where they all are; the
    report and the JSON's ``unsure_codes`` list them all."""
    result = interviews(["A B", "C", "D"])
    result.segments += [
        seg("I02", 10 + n, f"theme {n}", (f"U{n:02d}", 0.2, "neutral")) for n in range(1, 61)
    ]
    s = saturation(result)
    listed = [f"U{n:02d} p=0.20 in interview 2 (P02)" for n in range(1, 61)]
    for v in (s.francis, s.guest):
        assert v.unsure_codes == listed
        assert v.message.endswith(
            " listed last): the verdict counts them as codes the interviews used, so review them "
            "before reporting it. Unsure new codes: "
            + "; ".join(listed[:50])
            + "; and 10 more: see the unsure_new_codes column of the saturation table."
        )
        assert verdict_sentences(v)[-1] == f"Unsure new codes: {'; '.join(listed)}."
    assert s.to_dict()["francis"]["unsure_codes"] == listed
    assert s.rows()[2][5] == " ".join(f"U{n:02d} (0.20)" for n in range(1, 61))


def test_a_text_too_long_for_an_excel_cell_is_cut_where_it_says_so_and_where_it_is_whole(
    tmp_path: Path,
) -> None:
    """Hunt s68 (h_verdict, R1): openpyxl keeps the first 32,767 characters of a longer text
    and says nothing; the Verdicts cell ended mid-item ("Theme number 0566 about"). Every
    workbook roqa writes cuts such a text at a word and says so, how much and where it is whole:
    the .csv of the same table, or for a verdict the report."""
    from openpyxl import load_workbook

    from roqa_nlp.framework import write_xlsx
    from roqa_nlp.io import xlsx_cell

    tail = " … (cut: 7,306 more characters; full text in the .csv of this table)"
    assert xlsx_cell("word " * 8000, "the .csv of this table") == "word " * 6538 + "word" + tail
    assert len("word " * 6538 + "word" + tail) == 32762
    assert xlsx_cell("a" * 32767, "X") == "a" * 32767  # it fits: as it is
    # Excel counts a character beyond U+FFFF as two
    cut = xlsx_cell("😀" * 20000, "X")
    assert cut == "😀" * 16359 + " … (cut: 3,641 more characters; full text in X)"
    assert len(cut.encode("utf-16-le")) // 2 == 32765
    path = tmp_path / "t.xlsx"
    write_xlsx(path, [("Table", [["text"], ["word " * 8000]], 30, True)])
    assert load_workbook(path)["Table"]["A2"].value == "word " * 6538 + "word" + tail
    # a verdict is whole in the report
    s = saturation(interviews(["A B", "C", "D"]))
    s.francis.message = "word " * 8000
    s.to_xlsx(path)
    assert load_workbook(path)["Verdicts"]["F2"].value == (
        "word " * 6534 + "word … (cut: 7,326 more characters; full text in the saturation "
        "section of roqa report's page)"
    )


def test_the_command_line_cuts_every_list_of_codes_a_verdict_names_at_five() -> None:
    """Hunt s68 (h_verdict, D1): the command line cut the unsure new codes at five, but a
    not-reached cause still named every new code of the last interview (60 of them on the first
    line), and a review's decided codes made a line of 1,900 characters. With ``lists_in`` (the
    report, which gives them all) each list is cut at ``few`` too; the message keeps them all,
    and the JSON has no copy of the lists."""
    s = saturation(interviews(["A"] * 12 + ["K1 K2 K3 K4 K5 K6 K7"]))
    f = s.francis
    every = ", ".join(f"K{n} (1 segment, p=0.90)" for n in range(1, 8))
    assert f.cause == f"Interview 13 (P13, I13) still added new codes: {every}."
    assert f.message.startswith(f"Saturation not reached. {f.cause} Continue")
    assert verdict_sentences(f, 5, "x.csv", lists_in="report.html")[0] == (
        "Saturation not reached. Interview 13 (P13, I13) still added new codes: K1 (1 segment, "
        "p=0.90), K2 (1 segment, p=0.90), K3 (1 segment, p=0.90), K4 (1 segment, p=0.90), K5 "
        "(1 segment, p=0.90), and 2 more listed in report.html."
    )
    # without where they are, or with five or fewer: whole
    assert verdict_sentences(f, 5, "x.csv")[0] == f"{f.answer} {f.cause}"
    assert verdict_sentences(f, 7, "x.csv", lists_in="report.html")[0] == f"{f.answer} {f.cause}"
    assert "lists" not in s.to_dict()["francis"] and "lists" not in s.to_dict()["guest"]


def test_a_verdict_says_after_which_interview_and_one_unsure_code_in_the_singular() -> None:
    """Hunt s68 (h_verdict, D3): split into sentences, "interview(s) 18 (P18) after it are not
    reviewed yet" pointed "it" back across a sentence to the answer, and one unsure code was
    listed as "Unsure new codes:". The sentence says after which interview, and one code is
    "Unsure new code:"."""
    f = saturation(many_qualified()).francis
    assert f.notes[1].startswith(
        "But interview(s) 18 (P18) after interview 15 are not reviewed yet: "
    )
    one = interviews(["IC.F"])
    one.segments.append(seg("I01", 5, "my dad's allotment", ("IC.A", 0.19, "neutral")))
    assert verdict_sentences(saturation(one).francis)[-1] == (
        "Unsure new code: IC.A Intervention Source p=0.19 in interview 1 (P01)."
    )


def test_the_reports_verdict_box_holds_its_qualifications_and_sets_the_rule_apart() -> None:
    """Hunt s68 (h_verdict, D2): the "But ..." sentences sat in a list below the ✓ box, which
    read as a clean "Saturation reached"; and the bold rule ran into the bold answer. The box
    holds the rule on a line of its own (not bold), the answer, the cause and the list."""
    from roqa_nlp.report import render_report

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        html = render_report(many_qualified(), MINI)
    box = html[html.index('<div class="verdict ok">') :]
    box = box[: box.index("</div>") + 6]
    assert box.startswith(
        '<div class="verdict ok"><p><span class="rule">Francis et al. (2010), 10+3 rule:</span> '
        '<strong class="answer">Saturation reached at interview 15 (P15, I15).</strong> No new '
        "codes in interviews 13-15 after an initial sample of 10.</p>"
    )
    assert box.endswith(
        "<li>Unsure new codes: IS.C Culture p=0.33 in interview 2 (P02); IC.A Intervention "
        "Source p=0.19 in interview 5 (P05).</li></ul></div>"
    )
    assert box.count("<li>") == 6
    css = (REPO / "src/roqa_nlp/report/static/report.css").read_text(encoding="utf-8")
    assert ".verdict .rule { display: block;" in css
    assert '.verdict.ok .answer::before { content: "✓ "; }' in css


@pytest.mark.parametrize(
    ("chart", "kwargs"),
    [
        (framework_matrix, {}),
        (framework_matrix, {"layout": "long"}),
        (barriers_enablers, {}),
        (saturation, {}),
    ],
    ids=["matrix", "matrix-long", "table2", "saturation"],
)
def test_a_charts_to_csv_without_a_path_returns_the_files_text(
    chart: Any, kwargs: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """framework_matrix(result).to_csv() was Python's "missing 1 required positional argument:
    'path'" where result.to_csv() returns the CSV text (api tester, session 79): every chart's
    to_csv() without a path returns the text of the file to_csv(path) writes, but for the
    byte-order mark the file opens with for Excel, and writes nothing."""
    table = chart(three_interviews())
    monkeypatch.chdir(tmp_path)
    text = table.to_csv(**kwargs)
    assert list(tmp_path.iterdir()) == []
    assert table.to_csv(tmp_path / "chart.csv", **kwargs) is None
    assert (tmp_path / "chart.csv").read_bytes() == b"\xef\xbb\xbf" + text.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [RECORD, "chart.csv"]


def test_the_matrix_csv_text_is_its_rows() -> None:
    """The text to_csv() returns, read as CSV, is the wide matrix charted."""
    text = framework_matrix(three_interviews()).to_csv()
    assert list(csv.reader(text.splitlines())) == [
        ["participant", "IC.F Complexity", "IS.C Culture"],
        [
            "P01",
            '3 segments: 3 barriers | "You need real skill to do recovery work." [T3:0-40]',
            '1 segment: 1 enabler | "Everyone from the directors down believes in recovery." '
            "[T1:200-254]",
        ],
        [
            "P02",
            '2 segments: 1 barrier, 1 enabler | "The Recovery Star makes reviews simple." '
            "[T2:100-139]",
            '1 segment: 1 enabler | "Our culture is slowly changing." [T2:0-31]',
        ],
    ]
