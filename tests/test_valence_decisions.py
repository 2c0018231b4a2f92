"""The researcher's valence (audit G #8): a ``valence`` row in decisions.csv corrects the model's
valence of a segment; ``roqa train --feedback`` trains the valence head with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    VALENCE_UNCODED,
    Decision,
    feedback_plan,
    feedback_summary,
    match_decisions,
    read_decisions,
)
from roqa_nlp.errors import RoqaError
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


def test_a_valence_alone_teaches_nothing_and_is_counted_as_left_out(cfir: Codebook) -> None:
    """The valence head learns from coded segments; the model's suggestions are not codes the
    researcher confirmed, so a correction on a segment with no code decided is left out."""
    result = coded([(STAFF, "enabler"), (DIRECTOR, "enabler")])
    decisions = [
        Decision("p01:0001", "valence", text=STAFF, valence="barrier"),
        Decision("p01:0002", "new-code", new_code="Leadership", text=DIRECTOR),
    ]
    plan = feedback_plan([(decisions, result, "d.csv")], cfir)
    assert plan.texts == [DIRECTOR]
    assert plan.valences == ["enabler"]
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
        "corrections on segments with no code decided); codings: codings.jsonl; valence: the "
        "researcher's on 1 example, the model's on the rest"
    )
