"""Specification of the decisions files ``roqa train --feedback`` refuses as ``roqa
apply-decisions`` does (tester s66 longitud, 2-4): a review none of whose decisions is on a
segment of the codings given (another run's codings) is refused before any training, naming the
decisions file and the codings; every code of the review the codebook lacks is named at once, in
apply-decisions' words; and a 0-byte decisions file (a failed download or save) is said to be
empty, not to hold no decisions, wherever a decisions file is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan, read_decisions
from roqa_nlp.errors import RoqaError
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa

#: a review of other codings: its words are in no segment of :func:`model_codings`
ELSEWHERE = [
    Decision("p09:0042", "accept", "OS.D", text="Some words nobody said at all."),
    Decision("p09:0042", "reject", "IS.B", text="Some words nobody said at all."),
    Decision("p09:0043", "accept", "IC.H", text="Other words nobody said either."),
]
NO_SEGMENT = (
    "no decision is on a segment of the codings{}: p09:0042 (rows 2 and 3), p09:0043 (row 4) "
    "(are they the codings the review was made on? give those codings, or their folder)"
)
#: two typos, as apply-decisions names them (tester s66 longitud, 3)
TYPOS = [
    Decision("p01:0001", "accept", "IS.E2", text=TEXTS[0]),
    Decision("p01:0002", "accept", "IC.H", text=TEXTS[1]),
    Decision("p01:0003", "recode", "PR.AA", text=TEXTS[2]),
]
LACKS = (
    "2 decisions on 2 codes that codebook 'cfir-2009' lacks: 'IS.E2' (row 2; near 'IS.E.2' or "
    "'IS.E'); 'PR.AA' (row 4; near 'PR.A') (recode them in the page (or in the file) to codes of "
    "'cfir-2009' (`roqa codebook cfir-2009` lists them), or apply them to codings charted in the "
    "codebook they were made in)"
)
EMPTY = (
    "is empty (0 bytes, as a failed download or save leaves it: save the decisions from "
    "report.html again)"
)


def _review(tmp_path: Path, decisions: list[Decision]) -> tuple[Path, Path]:
    """The codings of :func:`model_codings` in ``coded/``, and ``decisions`` saved in
    ``review/decisions.csv`` (no codings beside them)."""
    coded, review = tmp_path / "coded", tmp_path / "review"
    model_codings().save(coded)
    review.mkdir()
    write_decisions(review / "decisions.csv", decisions)
    return coded, review / "decisions.csv"


# -- 2: a review of other codings ---------------------------------------------------------------


def test_feedback_of_a_review_on_no_segment_of_its_codings_is_refused(tmp_path: Path) -> None:
    """Before: one warning ("3 decisions on no segment of the codings, trained on their own
    text") and the examples made."""
    _, p = _review(tmp_path, ELSEWHERE)
    with pytest.raises(RoqaError) as e:
        feedback_plan([(read_decisions(p)[0], model_codings(), p)], Codebook.load("cfir-2009"))
    assert str(e.value) == f"{p}: " + NO_SEGMENT.format("")


def test_roqa_train_refuses_a_review_of_other_codings_before_training(tmp_path: Path) -> None:
    """Before: exit 0, a model trained on the rows' own words, its card naming the codings
    given as those it was trained from."""
    coded, p = _review(tmp_path, ELSEWHERE)
    out = tmp_path / "m"
    run = roqa("train", TRAINING, "--out", out, "--feedback", p, "--codings", coded)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {p}: " + NO_SEGMENT.format(f" {coded / 'codings.jsonl'}") + "\n",
    )
    assert not out.exists()


def test_roqa_apply_decisions_names_the_codings_the_review_is_on_no_segment_of(
    tmp_path: Path,
) -> None:
    coded, p = _review(tmp_path, ELSEWHERE)
    run = roqa("apply-decisions", coded, "--coder", "X", "--decisions", p, "--out", tmp_path / "o")
    assert (run.code, run.err.splitlines()[-1]) == (
        2,
        f"roqa: error: {p}: " + NO_SEGMENT.format(f" {coded / 'codings.jsonl'}"),
    )


# -- 4: a 0-byte decisions file ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["decisions.csv", "decisions.jsonl", "decisions.xlsx"])
def test_a_zero_byte_decisions_file_is_said_to_be_empty(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(b"")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    assert str(e.value) == f"{p}: {EMPTY}"


def test_a_header_only_decisions_file_still_holds_no_decisions(tmp_path: Path) -> None:
    p = tmp_path / "decisions.csv"
    p.write_text("segment_id,decision,code_id\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    assert str(e.value).startswith(f"{p}: holds no decisions (")


def test_train_apply_decisions_and_report_say_a_zero_byte_decisions_file_is_empty(
    tmp_path: Path,
) -> None:
    coded, _ = _review(tmp_path, TYPOS)
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    runs = [
        roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", p, "--codings", coded),
        roqa("apply-decisions", coded, "--coder", "X", "--decisions", p, "--out", tmp_path / "o"),
        roqa("report", coded, "--decisions", p, "--out", tmp_path / "r.html"),
    ]
    for run in runs:
        assert (run.code, run.err) == (2, f"roqa: error: {p}: {EMPTY}\n")
