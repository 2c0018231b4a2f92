"""Specification of how evaluate() tells figures that are not held out: records whose texts a
model was given as feedback (its review decisions, by update() or roqa train --feedback) are
counted and warned of, from the compact text hashes the model card keeps, so that a 1.000 on
the decisions' own texts is not read as accuracy (session 47 api tester)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.training import text_hashes, warn_of_trained_on

SEEN = ["We never have enough staff.", "The manager backs us."]


def test_text_hashes_are_short_sorted_and_ignore_spacing() -> None:
    hashes = text_hashes([*SEEN, "We never  have enough\nstaff."])
    assert len(hashes) == 2 and hashes == sorted(hashes)
    assert all(len(h) == 16 for h in hashes)


def test_records_in_the_feedback_are_counted_and_warned_of() -> None:
    card = {"feedback": {"text_sha256": text_hashes(SEEN)}}
    texts = ["We never have enough staff.", "Something else.", " The manager  backs us. "]
    with pytest.warns(RoqaWarning) as caught:
        assert warn_of_trained_on(card, texts) == 2
    assert [str(w.message) for w in caught] == [
        "2 of 3 records are in this model's feedback (the review decisions it was trained "
        "with): these figures are not held out; evaluate on records the decisions do not hold"
    ]


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "card", [{}, {"feedback": {}}, {"feedback": {"text_sha256": text_hashes(["Other."])}}]
)
def test_no_overlap_or_no_hashes_is_no_warning(card: dict) -> None:
    assert warn_of_trained_on(card, SEEN) == 0


def test_segments_in_the_training_decisions_are_said_once_counted() -> None:
    """What roqa code and the report say of re-coded segments the model was trained on (blind
    tester s48: top-1 40/40 and a mean top-1 probability of 1.00 on them, unsaid)."""
    from roqa_nlp.training import trained_on_said

    card = {"feedback": {"text_sha256": text_hashes(SEEN)}}
    texts = [*SEEN, "Something else.", "And more."]
    assert trained_on_said(card, texts) == (
        "2 of 4 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement"
    )
    assert trained_on_said(card, SEEN[:1]) == (
        "1 of 1 segment was in this model's training decisions: its suggestions are no "
        "held-out judgement"
    )
    assert trained_on_said({}, texts) is None
    assert trained_on_said(card, ["Something else."]) is None


def test_the_report_says_which_segments_were_in_the_training_decisions() -> None:
    from report_fixture import OPEN_CODING, build_result
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.report import render_report

    result = build_result()
    spoken = [s.segment.text for s in result.segments if s.segment.role != "interviewer"]
    result.meta["model_card"] = {"feedback": {"text_sha256": text_hashes(spoken[:3])}}
    html = render_report(result, Codebook.load("cfir-2009"), open_coding=OPEN_CODING)
    from html import unescape

    overview = unescape(html.split('<section id="overview">')[1].split("</section>")[0])
    assert (
        f"3 of {len(spoken)} segments were in this model's training decisions: their "
        "suggestions are no held-out judgement."
    ) in overview
    del result.meta["model_card"]
    html = render_report(result, Codebook.load("cfir-2009"), open_coding=OPEN_CODING)
    assert "training decisions" not in html


def test_roqa_code_says_which_segments_were_in_the_training_decisions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One line under the summary (the packaged model, given a card that records one of the
    two participant turns among its decisions)."""
    from roqa_nlp.cli import code_cmd
    from test_cli_core import roqa

    load = code_cmd._load_model

    def trained(*args: object, **kwargs: object) -> object:
        ac = load(*args, **kwargs)  # type: ignore[arg-type]
        ac.card = {**ac.card, "feedback": {"text_sha256": text_hashes(SEEN[:1])}}
        return ac

    monkeypatch.setattr(code_cmd, "_load_model", trained)
    (tmp_path / "p01.txt").write_text(
        f"Interviewer: How is staffing?\nP01: {SEEN[0]}\nInterviewer: And the manager?\n"
        "P01: She backs the project and found us a budget for it.\n",
        encoding="utf-8",
    )
    run = roqa("code", tmp_path / "p01.txt", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (
        "1 of 2 segments was in this model's training decisions: its suggestions are no "
        "held-out judgement.\n"
    ) in run.out


#: what a card keeps of the decisions on SEEN: IS.E.1 accepted and set to barrier on the first,
#: IC.H accepted on the second (the model's valence kept)
DECIDED = {"feedback": {"text_sha256": text_hashes(SEEN)}}
DECIDED["feedback"]["decided"] = {
    text_hashes(SEEN[:1])[0]: [["IS.E.1"], "barrier"],
    text_hashes(SEEN[1:])[0]: [["IC.H"], ""],
}


def test_the_line_names_the_segments_not_suggested_as_decided_codes_and_valence() -> None:
    """Blind tester s52: rm03:0007, accepted as IS.E.1 and set to barrier, came back IS.E.1
    enabler, while the line said the suggestions repeat the decisions."""
    from roqa_nlp.training import trained_on_said

    texts = [*SEEN, "Something else."]
    shown = [
        ("rm03:0007", [("IS.E.1", "enabler"), ("IC.H", "barrier")]),
        ("rm03:0008", [("IC.H", "enabler")]),
        ("rm03:0009", [("OS.A", "barrier")]),
    ]
    assert trained_on_said(DECIDED, texts, shown) == (
        "2 of 3 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; 1 of the 2 given a code or a valence is suggested as decided, 1 "
        "not: rm03:0007 (IS.E.1 enabler, decided barrier)"
    )
    shown[0] = ("rm03:0007", [("IS.E.1", "barrier")])
    assert trained_on_said(DECIDED, texts, shown) == (
        "2 of 3 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; all 2 given a code or a valence are suggested as decided"
    )
    shown[1] = ("rm03:0008", [("OS.A", "enabler")])
    assert trained_on_said(DECIDED, texts, shown) == (
        "2 of 3 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; 1 of the 2 given a code or a valence is suggested as decided, 1 "
        "not: rm03:0008 (IC.H not suggested)"
    )


def test_the_card_keeps_what_was_decided_by_hash_not_words_and_not_words_decided_twice() -> None:
    from roqa_nlp.training import decided_by_hash

    same = "Yeah, definitely, that's the biggest one."
    decided = decided_by_hash(
        [
            (SEEN[0], ["IS.E.1"], "barrier"),
            (SEEN[1], ["IC.H", "CI.A"], ""),
            (same, ["IS.E.2"], ""),
            (same, ["OS.D"], ""),  # the same words to another question, coded otherwise
        ]
    )
    assert decided == {
        text_hashes(SEEN[:1])[0]: [["IS.E.1"], "barrier"],
        text_hashes(SEEN[1:])[0]: [["CI.A", "IC.H"], ""],
    }


def test_the_feedback_plan_gives_the_researchers_valence_of_each_decided_example() -> None:
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.decisions import Decision, feedback_plan

    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=SEEN[0]),
        Decision("p01:0001", "valence", "", text=SEEN[0], valence="barrier"),
        Decision("p01:0002", "accept", "IC.H", text=SEEN[1]),
        Decision("p01:0003", "valence", "", text="Other words.", valence="enabler"),
    ]
    plan = feedback_plan(
        [(decisions, None, "decisions.csv")], Codebook.load("cfir-2009"), valence_only=True
    )
    assert plan.decided() == [
        (SEEN[0], ["IS.E.2"], "barrier"),
        (SEEN[1], ["IC.H"], ""),
        ("Other words.", [], "enabler"),
    ]


def test_a_decided_code_below_the_top_is_not_suggested_as_decided() -> None:
    """Tester cfir2022, s59: a recode to PRO.B.2 came back second, under INS.D.2, and was
    counted as suggested as decided. A segment given one code is charted under its top
    suggestion: the decided code must be among the first as many as codes were decided."""
    from roqa_nlp.training import trained_on_said

    shown = [
        ("rm03:0007", [("IC.H", "barrier"), ("IS.E.1", "barrier")]),
        ("rm03:0008", [("IC.H", "enabler")]),
    ]
    assert trained_on_said(DECIDED, list(SEEN), shown) == (
        "2 of 2 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; 1 of the 2 given a code or a valence is suggested as decided, 1 "
        "not: rm03:0007 (IS.E.1 2nd, after IC.H)"
    )


def test_a_review_made_in_cfir2_is_judged_on_the_codes_charted_in_cfir2() -> None:
    """Tester cfir2022, s59: after a review made in CFIR 2.0, recodes to Work Infrastructure
    (learned as Structural Characteristics) came back as Structural Characteristics and were
    counted "as decided" in the model's codes. Charted in CFIR 2.0, the segments whose
    decisions the card keeps in its codes (``decided_in``) are judged on them."""
    from roqa_nlp.training import trained_on_said

    card = {"feedback": {"text_sha256": text_hashes(SEEN)}}
    card["feedback"]["decided"] = {
        text_hashes(SEEN[:1])[0]: [["IS.A"], ""],
        text_hashes(SEEN[1:])[0]: [["OS.A"], ""],
    }
    card["feedback"]["decided_in"] = {
        "cfir-2022": {
            text_hashes(SEEN[:1])[0]: [["INS.A.3"], ""],
            text_hashes(SEEN[1:])[0]: [["PRO.B.2"], ""],
        }
    }
    model = [("rm02:0003", [("IS.A", "barrier")]), ("rm02:0006", [("OS.A", "enabler")])]
    in_2022 = [
        ("rm02:0003", [("INS.A", "barrier")]),
        ("rm02:0006", [("INS.D.2", "enabler"), ("PRO.B.2", "enabler")]),
    ]
    assert trained_on_said(card, list(SEEN), model) == (
        "2 of 2 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; all 2 given a code or a valence are suggested as decided"
    )
    assert trained_on_said(card, list(SEEN), model, charted=("cfir-2022", in_2022)) == (
        "2 of 2 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; 0 of the 2 given a code or a valence are suggested as decided in "
        "cfir-2022 codes, 2 not: rm02:0003 (INS.A.3 not suggested); rm02:0006 (PRO.B.2 2nd, "
        "after INS.D.2)"
    )
    # charted in a codebook the card keeps no decisions in: judged in the model's codes
    assert trained_on_said(card, list(SEEN), model, charted=("erondu-2021", in_2022)).endswith(
        "all 2 given a code or a valence are suggested as decided"
    )


def test_what_was_decided_in_cfir2_is_kept_by_hash_each_model_code_as_the_code_decided() -> None:
    from roqa_nlp.training import decided_in_chart

    decided = [
        (SEEN[0], ["IS.A"], "barrier"),
        (SEEN[1], ["project.staff-hope"], ""),  # a new code of the project's: itself
        ("Something else.", ["IC.H"], ""),  # decided on the model's own code: not kept
    ]
    read_as = {" ".join(SEEN[0].split()) + " ": {"IS.A": ["INS.A.3"]}}
    assert decided_in_chart(decided, read_as) == {
        text_hashes(SEEN[:1])[0]: [["INS.A.3"], "barrier"],
        text_hashes(SEEN[1:])[0]: [["project.staff-hope"], ""],
    }


def test_a_decided_code_that_comes_back_unsure_is_not_suggested_as_decided() -> None:
    """Tester learning, s59: rm11:0010, decided as OS.D and a new code, came back with the new
    code at 0.9997 and OS.D second at 0.000266, and was counted as suggested as decided. A
    code below SURE_CODE is charted "code unsure": it is named with its probability."""
    from roqa_nlp.training import trained_on_said

    card = {"feedback": {"text_sha256": text_hashes(SEEN)}}
    card["feedback"]["decided"] = {
        text_hashes(SEEN[:1])[0]: [["OS.D", "project.peer-support-workers"], ""],
        text_hashes(SEEN[1:])[0]: [["IC.H"], ""],
    }
    shown = [
        (
            "rm11:0010",
            [("project.peer-support-workers", "enabler", 0.9997), ("OS.D", "", 0.000266)],
        ),
        ("rm11:0011", [("IC.H", "enabler", 0.41), ("OS.D", "", 0.3)]),
    ]
    assert trained_on_said(card, list(SEEN), shown) == (
        "2 of 2 segments were in this model's training decisions: their suggestions are no "
        "held-out judgement; 1 of the 2 given a code or a valence is suggested as decided, 1 "
        "not: rm11:0010 (OS.D at 0.00)"
    )
    shown[0] = ("rm11:0010", [("OS.D", "", 0.62), ("project.peer-support-workers", "", 0.399)])
    shown[1] = ("rm11:0011", [("IC.H", "enabler", 0.4)])
    assert trained_on_said(card, list(SEEN), shown).endswith(
        "1 of the 2 given a code or a valence is suggested as decided, 1 not: rm11:0010 "
        "(project.peer-support-workers at 0.399)"
    )


def test_suggestions_are_judged_sure_on_the_models_own_probability_before_a_mapping() -> None:
    """A translation shares the model's code at 0.9 out among its counterparts (here one at
    0.21): each is still sure, as Table 2 judges "code unsure" on the model's own probability."""
    from report_fixture import build_result
    from roqa_nlp.training import suggestions_shown

    result = build_result()
    s = next(s for s in result.segments if s.suggestions)
    top = s.suggestions[0]
    assert top.probability == 0.21
    result.meta["crosswalk"] = {"source_p": {s.segment.id: {top.code_id: 0.9}}}
    shown = suggestions_shown(result, [s.segment.id, "nowhere:0001"])
    assert shown[0][1][0] == (top.code_id, top.valence or "", 0.9)
    assert shown[1] == ("nowhere:0001", [])
