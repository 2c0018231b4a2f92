"""The researcher's valence (audit G #8): a ``valence`` row in decisions.csv corrects the model's
valence of a segment; ``roqa train --feedback`` trains the valence head with it, on a segment
given no code too (a valence-only example: the valence head alone learns it)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    NEW_CODE_WITHOUT_VALENCE,
    VALENCE_ONLY,
    VALENCE_ONLY_WITHOUT_ROW,
    VALENCE_UNCODED,
    Decision,
    feedback_plan,
    feedback_summary,
    match_decisions,
    read_decisions,
)
from roqa_nlp.errors import RoqaError
from roqa_nlp.training import TrainingSet, normalise_records
from test_decisions import coded

STAFF = "We never have the staff for it."
DIRECTOR = "The director backs the project."


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "decisions.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_valence_row_is_read_with_its_valence(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "segment_id,decision,code_id,new_code,note,text,valence\n"
        f"p01:0001,accept,IS.E.2,,,{STAFF},\n"
        f"p01:0001,valence,,,,{STAFF},Barrier\n"
        f"p01:0002,valence,,,,{DIRECTOR},facilitator\n",
    )
    decisions, _ = read_decisions(p)
    assert decisions == [
        Decision("p01:0001", "accept", "IS.E.2", text=STAFF),
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
        Decision("p01:0002", "valence", text=DIRECTOR, valence="enabler"),
    ]


def test_a_file_without_the_valence_column_reads_as_before(tmp_path: Path) -> None:
    p = write(
        tmp_path, "segment_id,decision,code_id,new_code,note,text\np01:0001,accept,IS.C,,,Hi\n"
    )
    assert read_decisions(p)[0] == [Decision("p01:0001", "accept", "IS.C", text="Hi")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("p01:0001,valence,,,,Hi,", "row 2: valence needs a valence (barrier, enabler or neutral)"),
        ("p01:0001,valence,,,,Hi,awful", "row 2: unknown valence 'awful'"),
    ],
)
def test_a_valence_row_without_a_known_valence_is_a_one_line_error(
    tmp_path: Path, row: str, message: str
) -> None:
    p = write(tmp_path, f"segment_id,decision,code_id,new_code,note,text,valence\n{row}\n")
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert "\n" not in str(exc.value)
    assert str(exc.value).startswith(f"{p}: {message}")


def test_a_valence_row_is_matched_to_the_segment_its_words_moved_to() -> None:
    after = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    row = Decision("p01:0007", "valence", text=STAFF, valence="barrier")
    assert match_decisions([row], after).matched == ((row, "p01:0001"),)


def test_training_takes_the_researchers_valence_on_a_coded_segment(cfir: Codebook) -> None:
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=STAFF),
        Decision("p01:0001", "valence", text=STAFF, valence="neutral"),
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),  # the last one wins
        Decision("p01:0002", "accept", "IS.E.1", text=DIRECTOR),  # no correction: the model's
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir)
    assert plan.labels == [["IS.E.2"], ["IS.E.1"]]
    assert plan.valences == ["barrier", "enabler"]
    assert plan.counts == {"accept": 2, "valence": 1}
    assert plan.left_out == {}


def test_a_later_round_corrects_the_valence_of_an_earlier_one(cfir: Codebook) -> None:
    r0 = [Decision("p01:0001", "accept", "IS.E.2", text=STAFF)]
    r1 = [Decision("p01:0009", "valence", text=STAFF, valence="barrier")]
    result = coded([(STAFF, "enabler")])
    plan = feedback_plan([(r0, result, "r0.csv"), (r1, result, "r1.csv")], cfir)
    assert (plan.labels, plan.valences) == ([["IS.E.2"]], ["barrier"])


def test_without_valence_only_examples_a_valence_alone_is_counted_as_left_out(
    cfir: Codebook,
) -> None:
    """For a trainer that cannot give an example to the valence head alone: a correction on a
    segment with no code decided teaches nothing (the model's suggestions are not codes the
    researcher confirmed), and is counted as left out."""
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
        Decision("p01:0002", "new-code", new_code="Leadership", text=DIRECTOR),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir)
    assert plan.texts == [DIRECTOR]
    assert plan.valences == [""]  # a new code given no valence has none (session 69)
    assert plan.left_out == {VALENCE_UNCODED: 1}


def test_a_valence_given_on_an_accept_row_counts_the_same(cfir: Codebook) -> None:
    result = coded([(STAFF, "enabler")])
    decisions = [Decision("p01:0001", "accept", "IS.E.2", text=STAFF, valence="barrier")]
    assert feedback_plan([(decisions, result, "d.csv")], cfir).valences == ["barrier"]


def test_the_summary_says_how_many_examples_take_the_researchers_valence() -> None:
    card = {
        "n_decisions": 4,
        "n_examples": 2,
        "examples": {"accept": 1, "recode": 1, "valence": 1},
        "left_out": {VALENCE_UNCODED: 1},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 2 examples from 4 decisions (1 accepted, 1 recoded); 1 left out (1 valence "
        "correction on segments with no code decided); codings: codings.jsonl; valence: the "
        "researcher's on 1 example, the model's on the rest"
    )


def test_the_summary_says_no_model_valence_when_each_example_has_the_researchers() -> None:
    """Tester learn (s61): a valence row on each of 81 examples still said "the model's on the
    rest", as if some examples kept the model's valence; one without a row keeps the clause."""
    card: dict[str, object] = {
        "n_decisions": 4,
        "n_examples": 2,
        "by_decision": {"accept": 2, "valence": 2},
        "examples_by_kind": {"coded": 2},
        "n_researcher_valence": 2,
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card).endswith(
        "codings: codings.jsonl; valence: the researcher's on 2 examples"
    )
    card["n_researcher_valence"] = 1
    assert feedback_summary(card).endswith(
        "valence: the researcher's on 1 example, the model's on the rest"
    )


def test_a_valence_alone_is_a_valence_only_example(cfir: Codebook) -> None:
    """A segment given a valence and no code: its words and that valence for the valence head,
    nothing for the code classifier, nothing left out."""
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
        Decision("p01:0002", "new-code", new_code="Leadership", text=DIRECTOR),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir, valence_only=True)
    assert (plan.texts, plan.labels, plan.valences) == (
        [DIRECTOR],
        [["project.leadership"]],
        [""],
    )
    assert (plan.valence_texts, plan.valence_ids, plan.valence_labels) == (
        [STAFF],
        ["p01:0001"],
        ["barrier"],
    )
    # the new code given no valence has none: the model's was shown for another code
    assert plan.counts == {"new-code": 1, VALENCE_ONLY: 1, NEW_CODE_WITHOUT_VALENCE: 1}
    assert plan.left_out == {}


def test_a_valence_on_a_segment_whose_every_suggestion_was_rejected_is_learnt_too(
    cfir: Codebook,
) -> None:
    """The segment is talk that fits no code (the code classifier learns it so) and, besides, a
    valence-only example: the valence head leaves fits-no-code examples out because their
    valence is the model's guess, and this one is the researcher's."""
    result = coded([(STAFF, "enabler")])  # one suggestion, IS.E.2: rejecting it rejects all
    decisions = [
        Decision("p01:0001", "reject", "IS.E.2", text=STAFF),
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir, valence_only=True)
    assert (plan.texts, plan.labels, plan.kinds) == ([STAFF], [[]], ["rejected"])
    assert (plan.valence_texts, plan.valence_labels) == ([STAFF], ["barrier"])
    assert plan.counts == {"rejected": 1, VALENCE_ONLY: 1}
    assert plan.left_out == {}


def test_a_valence_beside_a_single_rejection_is_a_valence_only_example(cfir: Codebook) -> None:
    result = coded([(STAFF, "enabler")])
    first = result.segments[0].suggestions[0]
    result.segments[0].suggestions.extend(  # three codes shown, one of them rejected below
        dataclasses.replace(first, code_id=c, probability=0.01) for c in ("IC.H", "IS.C")
    )
    decisions = [
        Decision("p01:0001", "reject", "IS.E.2", text=STAFF),  # one of three: "not this code"
        Decision("p01:0001", "valence", text=STAFF, valence="neutral"),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir, valence_only=True)
    assert plan.texts == []
    assert (plan.valence_texts, plan.valence_labels) == ([STAFF], ["neutral"])
    assert plan.left_out == {"rejections short of all the segment's suggestions": 1}


def base_training(cfir: Codebook) -> TrainingSet:
    return normalise_records(
        [
            {"text": "No money for cover.", "codes": ["IS.E.2"], "valence": "barrier"},
            {"text": "The board backs it.", "codes": ["IS.E.1"], "valence": "enabler"},
            {"text": "Lovely weather today.", "codes": [], "kind": "off-framework"},
            {"text": "Can you hear me?", "codes": [], "kind": "procedural"},
        ],
        cfir,
        Path("base.jsonl"),
    )


def valence_set(ts: TrainingSet) -> list[tuple[str, str]]:
    return [(ts.texts[i], ts.valences[i]) for i in ts.valence_rows()]


def test_a_valence_only_row_adds_exactly_its_segment_to_the_valence_heads_training_set(
    tmp_path: Path, cfir: Codebook
) -> None:
    """A decisions file with a valence-only row: the valence head's training set grows by
    exactly that segment with that label; the code classifier's by the coded segment only."""
    header = "segment_id,decision,code_id,new_code,note,text,valence\n"
    accept = f"p01:0002,accept,IS.E.1,,,{DIRECTOR},\n"
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    base = base_training(cfir)

    def trained(rows: str) -> TrainingSet:
        plan = feedback_plan(
            [(read_decisions(write(tmp_path, header + rows))[0], result, "d.csv")],
            cfir,
            valence_only=True,
        )
        return base.extend(plan.training_set())

    without = trained(accept)
    with_valence = trained(accept + f"p01:0001,valence,,,,{STAFF},barrier\n")
    assert valence_set(base) == [
        ("No money for cover.", "barrier"),
        ("The board backs it.", "enabler"),
    ]
    assert valence_set(without) == [*valence_set(base), (DIRECTOR, "enabler")]
    assert valence_set(with_valence) == [*valence_set(without), (STAFF, "barrier")]
    assert with_valence.ids[-1] == "feedback-p01:0001"
    assert with_valence.kinds[-1] == VALENCE_ONLY
    # the code classifier learns the same records with the valence-only row as without it
    codes = [(with_valence.texts[i], with_valence.codes[i]) for i in with_valence.code_rows()]
    assert codes == list(zip(without.texts, without.codes))


def test_the_valence_head_learns_neither_small_talk_nor_segments_rejected_without_a_valence(
    cfir: Codebook,
) -> None:
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "reject", "IS.E.2", text=STAFF),  # fits no code, no valence given
        Decision("p01:0002", "reject", "IS.E.2", text=DIRECTOR),
        Decision("p01:0002", "valence", text=DIRECTOR, valence="enabler"),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir, valence_only=True)
    ts = base_training(cfir).extend(plan.training_set())
    assert ts.kinds[-3:] == ["rejected", "rejected", VALENCE_ONLY]
    assert valence_set(ts) == [
        ("No money for cover.", "barrier"),
        ("The board backs it.", "enabler"),
        (DIRECTOR, "enabler"),
    ]


def test_the_summary_counts_valence_only_examples() -> None:
    card = {
        "n_decisions": 3,
        "n_examples": 2,
        "examples": {"accept": 1, "valence": 1, VALENCE_ONLY: 1},
        "left_out": {},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 2 examples from 3 decisions (1 accepted, 1 valence only); 0 left out; "
        "codings: codings.jsonl; valence: the researcher's on 2 examples (1 valence only, for "
        "the valence head alone)"
    )  # both examples have the researcher's valence: no rest is the model's (tester learn, s61)


def test_a_new_code_without_a_valence_row_is_not_learnt_by_the_valence_head(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Session 68 gave a new code without a valence row no valence in the review (apply-decisions,
    Table 2, the matrix: neutral, no probability), the model's valence being its reading of
    another code; training still taught the valence head that reading (blind tester s38: enabler
    on a "devastating" lockdown answer). Such an example now has none ("", not stated), as a
    coded example without codings: the valence head leaves it out. A valence row, or a valence
    on the new-code row, trains it. A recode keeps the model's valence, as the review keeps it
    for a recode. A new code beside an accepted one has none too: the example's one valence
    would be counted under the new code by the valence prior (the review keeps the model's for
    the accepted code only)."""
    texts = [
        ("Lockdown was awful.", "enabler"),  # new code alone: none
        (STAFF, "enabler"),  # new code, valence row: barrier
        ("Agency staff cost a fortune.", "enabler"),  # new code, valence on its row: barrier
        (DIRECTOR, "barrier"),  # recode: the model's
        ("Supervision keeps us going.", "enabler"),  # accept + new code: none
    ]
    result = coded(texts)
    header = "segment_id,decision,code_id,new_code,note,text,valence\n"
    p = write(
        tmp_path,
        header + f"p01:0001,new-code,,Pandemic disruption,,{texts[0][0]},\n"
        f"p01:0002,new-code,,Shift cover,,{STAFF},\n"
        f"p01:0002,valence,,,,{STAFF},barrier\n"
        f"p01:0003,new-code,,Agency costs,,{texts[2][0]},barrier\n"
        f"p01:0004,recode,IS.E.1,,,{DIRECTOR},\n"
        f"p01:0005,accept,IS.E.2,,,{texts[4][0]},\n"
        f"p01:0005,new-code,,Staff morale,,{texts[4][0]},\n",
    )
    decisions, _ = read_decisions(p)
    plan = feedback_plan([(decisions, result, p)], cfir, valence_only=True)
    assert plan.valences == ["", "barrier", "barrier", "barrier", ""]
    assert plan.counts == {
        "new-code": 4,
        "recode": 1,
        "accept": 1,
        "valence": 2,
        NEW_CODE_WITHOUT_VALENCE: 2,
    }
    ts = plan.training_set()
    assert valence_set(ts) == [
        (STAFF, "barrier"),
        ("Agency staff cost a fortune.", "barrier"),
        (DIRECTOR, "barrier"),
    ]
    # still learnt by the code classifier, under its new code
    assert (ts.texts[0], ts.codes[0]) == ("Lockdown was awful.", ["project.pandemic-disruption"])
    # what a model trained on it should suggest: the new code, no valence of the researcher's
    assert plan.decided()[0] == ("Lockdown was awful.", ["project.pandemic-disruption"], "")


def test_the_summary_says_how_many_new_code_examples_have_no_valence() -> None:
    card = {
        "n_decisions": 17,
        "n_examples": 4,
        "examples_by_kind": {"coded": 4},
        "codes_by_decision": {"accept": 1, "new-code": 3},
        "n_researcher_valence": 1,
        "n_new_code_without_valence": 2,
        "left_out": {},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 4 examples from 17 decisions (1 accepted, 3 new-code (0 new codes created)); "
        "0 left out; codings: codings.jsonl; valence: the researcher's on 1 example, none on 2 "
        "examples given a new code (the valence head leaves them out, as the review gives a new code "
        "none: a valence row on each trains yours), the model's on the rest"
    )
    del card["n_researcher_valence"]
    card["n_new_code_without_valence"] = 3
    card["codes_by_decision"] = {"new-code": 3}
    card["examples_by_kind"] = {"coded": 3}
    assert feedback_summary(card).endswith(
        "; valence: none on 3 examples given a new code (the valence head leaves them out, as "
        "the review gives a new code none: a valence row on each trains yours)"
    )
    # one example: "a valence row on it"; beside examples without codings, their clause says
    # the valence head leaves them out, this one "left out too" (hunt s69 h_newvalence, LOW)
    card["n_new_code_without_valence"] = 1
    card["examples_by_kind"] = {"coded": 1}
    assert feedback_summary(card).endswith(
        "; valence: none on 1 example given a new code (the valence head leaves it out, as the "
        "review gives a new code none: a valence row on it trains yours)"
    )
    card["n_without_valence"] = 2
    card["examples_by_kind"] = {"coded": 3}
    assert feedback_summary(card).endswith(
        "; valence: none on 2 examples (without codings; the valence head leaves them out), "
        "none on 1 example given a new code (left out too, as the review gives a new code none: a "
        "valence row on it trains yours)"
    )


def test_an_earlier_cards_summary_says_its_new_codes_took_the_models_valence() -> None:
    """A model trained before session 69 taught its new codes the model's valence: its card's
    ``n_new_code_model_valence`` is still said as it was trained."""
    card = {
        "n_decisions": 17,
        "n_examples": 4,
        "examples_by_kind": {"coded": 4},
        "codes_by_decision": {"accept": 1, "new-code": 3},
        "n_researcher_valence": 1,
        "n_new_code_model_valence": 3,
        "left_out": {},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 4 examples from 17 decisions (1 accepted, 3 new-code (0 new codes created)); "
        "0 left out; codings: codings.jsonl; valence: the researcher's on 1 example, the model's "
        "on the rest (3 given a new code take the valence the model showed for another code: a "
        "valence row on each trains yours)"
    )
    del card["n_researcher_valence"]
    assert feedback_summary(card).endswith(
        "; valence: the model's on every example (3 given a new code take the valence the model "
        "showed for another code: a valence row on each trains yours)"
    )


def test_the_summary_counts_valence_rows_on_coded_examples_so_its_parts_add_up() -> None:
    """Tester cfir2ui (s63): "17 examples from 23 decisions (10 accepted, 3 recoded, 5 new-code
    ...) ... 2 left out" left out the 3 valence rows on coded segments: the parts made 20. They
    are counted as valence corrections (the rows by decision less those of valence-only
    examples and those left out)."""
    card = {
        "n_decisions": 23,
        "n_examples": 17,
        "by_decision": {"accept": 10, "recode": 3, "new-code": 5, "reject": 2, "valence": 3},
        "examples_by_kind": {"coded": 17},
        "codes_by_decision": {"accept": 10, "recode": 3, "new-code": 5},
        "n_researcher_valence": 3,
        "new_codes_created": ["project.a", "project.b"],
        "left_out": {"rejections on segments given a code": 2},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card).startswith(
        "feedback: 17 examples from 23 decisions (10 accepted, 3 recoded, 5 new-code (2 new codes "
        "created), 3 valence corrections; the 17 coded examples are given 18 codes); 2 left out "
        "(2 rejections on segments given a code);"
    )
    # a valence-only example and a correction left out are counted where they are, not twice
    card["by_decision"] = {"accept": 1, "valence": 3}
    card.update(
        n_decisions=4,
        n_examples=2,
        examples_by_kind={"coded": 1, VALENCE_ONLY: 1},
        codes_by_decision={"accept": 1},
        left_out={VALENCE_UNCODED: 1},
        new_codes_created=[],
    )
    assert feedback_summary(card).startswith(
        "feedback: 2 examples from 4 decisions (1 accepted, 1 valence correction, 1 valence only); "
        "1 left out (1 valence correction on segments with no code decided);"
    )


def test_the_plan_counts_every_valence_row_on_words_given_no_code_as_left_out(
    cfir: Codebook,
) -> None:
    """Two valence rows on words given no code are two rows left out, as the card's
    ``by_decision`` counts them (the summary's parts add up to the decisions)."""
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
        Decision("p01:0001", "valence", text=STAFF, valence="enabler"),
        Decision("p01:0002", "new-code", new_code="Leadership", text=DIRECTOR),
    ]
    assert feedback_plan([(decisions, result, "d.csv")], cfir).left_out == {VALENCE_UNCODED: 2}


CAT = "My cat sleeps on the keyboard."
TOAST = "I had toast for breakfast."


def test_the_plan_counts_the_valence_rows_behind_coded_and_valence_only_examples(
    cfir: Codebook,
) -> None:
    """Regression hunter (s63, R1): two valence rows on one uncoded segment were read as "1
    valence correction" and "1 valence only", though no coded segment had a valence row: the line
    guessed the corrections as the rows less the valence-only examples. The plan counts the valence
    rows on coded examples (``valence``) and those behind valence-only examples (``valence-only``),
    as it counts the rejections behind an example that fits no code."""
    decisions = [
        Decision("s:01", "accept", "IS.E.2", text=STAFF),
        Decision("s:06", "valence", text=CAT, valence="barrier"),
        Decision("s:06", "valence", text=CAT, valence="enabler"),
    ]
    plan = feedback_plan([(decisions, None, "d.csv")], cfir, valence_only=True)
    assert plan.decisions_by_kind == {VALENCE_ONLY: 2}
    decisions += [
        Decision("s:07", "accept", "IS.C", text=DIRECTOR),
        Decision("s:07", "valence", text=DIRECTOR, valence="enabler"),
        Decision("s:07", "valence", text=DIRECTOR, valence="barrier"),
    ]
    plan = feedback_plan([(decisions, None, "d.csv")], cfir, valence_only=True)
    assert plan.decisions_by_kind == {VALENCE_ONLY: 2, "valence": 2}


def test_a_rejections_valence_counts_the_row_once_as_a_rejection(cfir: Codebook) -> None:
    """Regression hunter (s63, D3): a reject row carrying a valence was counted in "1 fit no code
    (from 3 decisions)" and again as "1 valence only", 5 parts of 4 decisions. Its valence is the
    segment's, as on any row (apply-decisions and the report read it so): the valence head still
    learns it, but the row is one rejection, not a valence row besides."""
    decisions = [
        Decision("s:01", "accept", "IS.E.2", text=STAFF),
        Decision("s:12", "reject", "OS.D", text=TOAST, valence="barrier"),
        Decision("s:12", "reject", "IC.H", text=TOAST),
        Decision("s:12", "reject", "IS.C", text=TOAST),
    ]
    plan = feedback_plan([(decisions, None, "d.csv")], cfir, valence_only=True)
    assert (plan.valence_labels, plan.examples_by_kind()) == (
        ["barrier"],
        {"coded": 1, "rejected": 1, VALENCE_ONLY: 1},
    )
    assert (plan.decisions_by_kind, plan.left_out) == ({"rejected": 3}, {})
    assert plan.counts[VALENCE_ONLY_WITHOUT_ROW] == 1  # said in the valence clause alone
    # a trainer without valence-only examples leaves no valence row out: there is none
    assert feedback_plan([(decisions, None, "d.csv")], cfir).left_out == {}


def test_the_summary_puts_each_valence_row_in_one_part() -> None:
    """The line reads the valence rows where the plan counted them (R1, D3 of s63): every row in
    exactly one part, the parts adding up to the decisions."""
    card: dict[str, object] = {
        "n_decisions": 3,
        "n_examples": 2,
        "by_decision": {"accept": 1, "valence": 2},
        "examples_by_kind": {"coded": 1, VALENCE_ONLY: 1},
        "decisions_by_kind": {VALENCE_ONLY: 2},
        "codes_by_decision": {"accept": 1},
        "left_out": {},
        "codings": [{"path": "codings.jsonl"}],
    }
    assert feedback_summary(card) == (
        "feedback: 2 examples from 3 decisions (1 accepted, 1 valence only (from 2 decisions)); "
        "0 left out; codings: codings.jsonl; valence: the researcher's on 1 example (1 valence "
        "only, for the valence head alone), the model's on the rest"
    )
    # a reject row's valence: the row is among the 3 rejections; the example says so (s64, D1)
    card.update(
        n_decisions=4,
        n_examples=3,
        by_decision={"accept": 1, "reject": 3},
        examples_by_kind={"coded": 1, "rejected": 1, VALENCE_ONLY: 1},
        decisions_by_kind={"rejected": 3},
        n_valence_only_without_valence_row=1,
    )
    assert feedback_summary(card).startswith(
        "feedback: 3 examples from 4 decisions (1 accepted, 1 fit no code (from 3 decisions), "
        "1 valence only (by the valence written on its rejection or no-code row)); 0 left out; "
        "codings: "
        "codings.jsonl; valence: the researcher's on 1 example (1 valence only, for the valence "
        "head alone)"
    )


def _card_of(**fields: object) -> dict[str, object]:
    """A feedback card with no codings, as update() writes it (the fields that change)."""
    return {"left_out": {}, "codes_by_decision": {"accept": 1}, **fields}


#: the codings clause of a card with no codings
NONE_SHOWN = "codings: none (no model valence or questions, 3 suggestions assumed shown)"


def test_valence_only_means_the_same_examples_in_both_parts_of_the_line() -> None:
    """Regression hunter (s64, D1): "1 valence only" in the brackets counted the valence-only
    examples with a valence row, "3 valence only" in the valence clause all of them, in one line.
    Both now count the examples; the brackets say which rows are behind them, so the parts still
    add up to the decisions (here 1 + 4 + 1 = 6: two of the examples' valences are on no-code
    rows, counted under "fit no code")."""
    # s:01 accept; s:02 no-code barrier; s:03 no-code enabler + valence barrier; s:04 no-code,
    # no-code neutral (hunter's d/D02.csv)
    card = _card_of(
        n_decisions=6,
        n_examples=7,
        by_decision={"accept": 1, "valence": 1, "no-code": 4},
        examples_by_kind={"coded": 1, "rejected": 3, VALENCE_ONLY: 3},
        decisions_by_kind={"rejected": 4, VALENCE_ONLY: 1},
        n_valence_only_without_valence_row=2,
        n_without_valence=1,
    )
    assert feedback_summary(card) == (
        "feedback: 7 examples from 6 decisions (1 accepted, 3 fit no code (from 4 decisions), "
        "3 valence only (1 from 1 valence row, 2 by the valence written on their rejection or "
        "no-code row)); "
        f"0 left out; {NONE_SHOWN}; valence: the researcher's on 3 examples (3 valence only, "
        "for the valence head alone), none on 1 (without codings; the valence head leaves them "
        "out)"
    )
    # the same on rejections short of all the suggestions, left out (hunter's d/D03.csv)
    card.update(
        n_examples=4,
        by_decision={"accept": 1, "reject": 4, "valence": 1},
        examples_by_kind={"coded": 1, VALENCE_ONLY: 3},
        decisions_by_kind={VALENCE_ONLY: 1},
        left_out={"rejections short of all the segment's suggestions": 4},
    )
    assert feedback_summary(card).startswith(
        "feedback: 4 examples from 6 decisions (1 accepted, 3 valence only (1 from 1 valence row, 2 "
        "by the valence written on their rejection or no-code row)); 4 left out (4 rejections short of all the "
        "segment's suggestions); "
    )
    assert "; valence: the researcher's on 3 examples (3 valence only, " in feedback_summary(card)


def test_a_lone_valence_only_example_given_on_a_rejection_is_in_the_brackets() -> None:
    """Regression hunter (s64, D2): the one example, its valence on a rejection (left out as short
    of the suggestions), read "1 example from 1 decision (none)"."""
    card = _card_of(
        n_decisions=1,
        n_examples=1,
        by_decision={"reject": 1},
        examples_by_kind={VALENCE_ONLY: 1},
        codes_by_decision={},
        left_out={"rejections short of all the segment's suggestions": 1},
        n_valence_only_without_valence_row=1,
    )
    assert feedback_summary(card) == (
        "feedback: 1 example from 1 decision (1 valence only (by the valence written on its "
        "rejection or no-code row)); 1 left out (1 rejection short of all the segment's suggestions); rejections "
        "alone teach nothing: the model learns a segment's code (accept, recode) or that it fits "
        f"no code (no-code); {NONE_SHOWN}; valence: the researcher's on 1 example (1 valence "
        "only, for the valence head alone)"
    )
    # two such examples, no valence row at all
    card.update(
        n_decisions=2,
        n_examples=2,
        by_decision={"reject": 2},
        examples_by_kind={VALENCE_ONLY: 2},
        left_out={"rejections short of all the segment's suggestions": 2},
        n_valence_only_without_valence_row=2,
    )
    assert feedback_summary(card).startswith(
        "feedback: 2 examples from 2 decisions (2 valence only (each by the valence written on "
        "their rejection or no-code row)); 2 left out "
    )


def test_a_project_code_the_model_did_not_suggest_is_not_learnt_with_the_models_valence(
    tmp_path: Path, cfir: Codebook
) -> None:
    """Hunt s69 h_newvalence (MISSED 1): a project code given by an accept or a recode row (by
    its name or its id; an accept replacing the new-code row on the same words), where the model
    never suggested it, was trained with the model's valence (its reading of another code), as
    the review charted it; both now give it none, as a new-code row's: the valence head leaves
    the example out. A project code the model suggested there, accepted, has none too (a
    retrained model's guess, which the review charts with none: study s80 D2); a recode to a CFIR
    code keeps the model's."""
    from roqa_nlp.decisions import project_codebook
    from roqa_nlp.schema import Suggestion

    texts = [
        ("Lockdown was awful.", "enabler"),  # new code: none
        (STAFF, "enabler"),  # accept "hope" by name: none
        ("Agency staff cost a fortune.", "enabler"),  # recode to project.hope: none
        (DIRECTOR, "barrier"),  # recode to IS.E.1: the model's
        ("Supervision keeps us going.", "enabler"),  # new code, then accept by id: none
        ("We hope it lasts.", "barrier"),  # accept, suggested by the model: none
    ]
    result = coded(texts)
    result.segments[5].suggestions = [Suggestion("project.hope", "Hope", None, 0.7, "enabler")]
    book = project_codebook(cfir, [Decision("x", "new-code", new_code="Hope")])
    header = "segment_id,decision,code_id,new_code,note,text,valence\n"
    p = write(
        tmp_path,
        header + f"p01:0001,new-code,,Hope,,{texts[0][0]},\n"
        f"p01:0002,accept,hope,,,{STAFF},\n"
        f"p01:0003,recode,project.hope,,,{texts[2][0]},\n"
        f"p01:0004,recode,IS.E.1,,,{DIRECTOR},\n"
        f"p01:0005,new-code,,Hope,,{texts[4][0]},\n"
        f"p01:0005,accept,project.hope,,,{texts[4][0]},\n"
        f"p01:0006,accept,project.hope,,,{texts[5][0]},\n",
    )
    decisions, _ = read_decisions(p)
    plan = feedback_plan([(decisions, result, p)], book, valence_only=True)
    assert plan.labels == [["project.hope"]] * 3 + [["IS.E.1"]] + [["project.hope"]] * 2
    assert plan.valences == ["", "", "", "barrier", "", ""]
    assert plan.counts[NEW_CODE_WITHOUT_VALENCE] == 5
    assert valence_set(plan.training_set()) == [(DIRECTOR, "barrier")]
