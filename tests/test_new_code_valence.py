"""Specification: a model retrained on a review reads talk it suggests a new code for, whose
segments the review gave no valence, as neutral, as the review counts it (daily14 tester,
session 84, D1).

The tester's review made "Building flood" by new-code rows and gave it no valence; ``roqa train``
said the valence head leaves those segments out, and the reviewed Table 2 counts them neutral.
The retrained model's own suggestions on the same segments carried the head's reading of tone on
talk it never learnt a valence for: the flood charted an enabler at 0.62, without the unsure mark,
in the unreviewed Table 2. The model now records the new codes no decided segment was given a
valence for (the card's ``feedback.new_codes_without_valence``) and reads a segment whose top
suggestion is one of them neutral in that code's share; a segment whose top suggestion is a code
with a valence reads as before.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.autocoder import NEW_CODES_WITHOUT_VALENCE, AutoCoder
from roqa_nlp.decisions import Decision
from roqa_nlp.embedding import Embedder
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from roqa_nlp.training import TrainingSet, codes_given_no_valence
from roqa_nlp.valence_prior import with_codes_read_neutral

FLOOD = "The office flooded in the storm and we lost half our paper records."
LIKE_IT = "After the storm the basement filled with water and the files were ruined."
CFIR_TALK = "Supervision keeps us going."
NAMES = ["barrier", "enabler", "neutral"]


def test_a_row_topped_by_a_code_given_no_valence_reads_its_share_neutral() -> None:
    V = np.array([[0.2, 0.7, 0.1], [0.2, 0.7, 0.1], [0.5, 0.3, 0.2]])
    P = np.array([[0.6, 0.3, 0.1], [0.3, 0.6, 0.1], [0.2, 0.2, 0.4]])
    classes = ["project.flood", "IS.B", "none"]
    out = with_codes_read_neutral(V, P, classes, {"project.flood"}, NAMES, [0, 1, 1])
    # row 1: u = 0.6 -> 0.4 of (0.2, 0.7, 0.1) plus 0.6 neutral; rows 2 and 3 are topped by IS.B
    assert np.allclose(out, [[0.08, 0.28, 0.64], [0.2, 0.7, 0.1], [0.5, 0.3, 0.2]])
    assert out[0].argmax() == NAMES.index("neutral")


def test_the_share_is_of_the_rows_total_and_nothing_changes_without_such_a_top() -> None:
    V = np.array([[0.1, 0.9, 0.0]])
    P = np.array([[0.3, 0.1, 0.0, 0.4]])  # sums to 0.8: the share is 0.5
    classes = ["project.flood", "project.visa", "IS.B", "none"]
    out = with_codes_read_neutral(V, P, classes, {"project.flood", "project.visa"}, NAMES, [0])
    assert np.allclose(out, [[0.05, 0.45, 0.5]])
    assert with_codes_read_neutral(V, P, classes, {"project.visa"}, NAMES, [2]) is V
    assert with_codes_read_neutral(V, P, classes, {"project.flood"}, ["b", "e", "n"], [0]) is V


def test_the_codes_given_no_valence_are_those_whose_talk_carries_none() -> None:
    ts = TrainingSet(
        ids=["d1", "r1", "r2", "r3", "r4", "r5"],
        texts=["flood (definition)", "flooded", "visas refused", "visa stress", "grief", "x"],
        codes=[["project.flood"], ["project.flood"], ["project.visa"], ["project.visa"], [], ["A"]],
        valences=["neutral", "", "", "barrier", "neutral", ""],
        groups=["g"] * 6,
        kinds=["description", "coded", "coded", "coded", "off-framework", "coded"],
    )
    # a definition is read neutral, but it is no valence given; a code with no talk is not listed
    assert codes_given_no_valence(ts, ["project.flood", "project.visa", "project.loss", "A"]) == [
        "project.flood",
        "A",
    ]


def retrained(embedder: Embedder, tiny_training: TrainingSet, *rows: Decision) -> AutoCoder:
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(FLOOD), FLOOD)
    shown = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "enabler", 0.7)
    codings = CodingResult(segments=[SegmentResult(segment=seg, suggestions=[shown])])
    named = Decision("p02:0004", "new-code", new_code="Building flood", text=FLOOD)
    return AutoCoder("cfir-2009", embedder=embedder).update(
        [named, *rows], codings=codings, training=tiny_training, weight=10
    )


@pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")
def test_a_retrained_model_suggests_a_new_code_given_no_valence_neutral(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    ac = retrained(embedder, tiny_training)
    assert ac.card["feedback"][NEW_CODES_WITHOUT_VALENCE] == ["project.building-flood"]
    now = ac.suggest([FLOOD, LIKE_IT, CFIR_TALK], top_k=1)
    # the saved model reads them so too
    loaded = AutoCoder.load(ac.save(tmp_path / "model"), embedder=embedder)
    assert loaded.suggest([FLOOD, LIKE_IT, CFIR_TALK], top_k=1) == now
    # the head alone, as before: the card without the key
    del ac.card["feedback"][NEW_CODES_WITHOUT_VALENCE]
    before = ac.suggest([FLOOD, LIKE_IT, CFIR_TALK], top_k=1)
    assert [s[0].code_id for s in now] == ["project.building-flood"] * 2 + ["PR.A"]
    assert [s[0].valence for s in before[:2]] == ["barrier", "barrier"]
    for (top,) in now[:2]:
        assert top.valence == "neutral"
        assert top.valence_probability is not None and top.valence_probability >= top.probability
    # talk topped by a code with a valence reads as before
    assert now[2] == before[2]


@pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")
def test_a_valence_given_on_a_new_codes_segment_trains_it_as_before(
    embedder: Embedder, tiny_training: TrainingSet
) -> None:
    given = Decision("p02:0004", "valence", text=FLOOD, valence="barrier")
    ac = retrained(embedder, tiny_training, given)
    assert NEW_CODES_WITHOUT_VALENCE not in ac.card["feedback"]
    assert ac.suggest(FLOOD, top_k=1)[0][0].valence == "barrier"


def test_the_training_summary_names_the_new_codes_suggested_neutral() -> None:
    """The new codes suggested neutral are counted apart from the examples given a new code and
    no valence, and named as the researcher typed them (the model's codebook given), not by id
    (hunt24, s84: "none on 5 given a new code ...; suggested neutral: project.manager-s-...")."""
    from roqa_nlp.decisions import feedback_summary

    card = {
        "n_decisions": 3,
        "n_examples": 3,
        "examples_by_kind": {"coded": 3},
        "codes_by_decision": {"new-code": 3},
        "n_new_code_without_valence": 3,
        "left_out": {},
        "codings": [{"path": "coded/codings.jsonl"}],
        NEW_CODES_WITHOUT_VALENCE: ["project.building-flood", "project.staff-visa"],
    }
    assert feedback_summary(card).endswith(
        "; valence: none on 3 examples given a new code (the valence head leaves them out, as "
        "the review gives a new code none: a valence row on each trains yours); 2 new codes "
        "with no valence on any example, suggested neutral: 'project.building-flood', "
        "'project.staff-visa'"
    )
    names = {"project.building-flood": "Building flood", "project.staff-visa": "Staff visa"}
    assert feedback_summary(card, names).endswith(
        "; 2 new codes with no valence on any example, suggested neutral: 'Building flood', "
        "'Staff visa'"
    )
    card[NEW_CODES_WITHOUT_VALENCE] = ["project.manager-s-personal-loss"]
    card["n_new_code_without_valence"] = 5
    card["n_examples"] = card["n_decisions"] = 5
    card["examples_by_kind"] = {"coded": 5}
    card["codes_by_decision"] = {"new-code": 5}
    names["project.manager-s-personal-loss"] = "Manager's personal loss"
    assert feedback_summary(card, names).endswith(
        "; valence: none on 5 examples given a new code (the valence head leaves them out, as "
        "the review gives a new code none: a valence row on each trains yours); 1 new code with "
        'no valence on any example, suggested neutral: "Manager\'s personal loss"'
    )
    # named in one style: "Building flood", not 'Building flood', beside "Manager's personal
    # loss" (hunt27, session 85)
    card[NEW_CODES_WITHOUT_VALENCE] = ["project.building-flood", "project.manager-s-personal-loss"]
    assert feedback_summary(card, names).endswith(
        '; 2 new codes with no valence on any example, suggested neutral: "Building flood", '
        '"Manager\'s personal loss"'
    )
