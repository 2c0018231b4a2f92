"""Specification of a 0-byte decisions file (a failed download or save): it is said to be
empty, not to hold no decisions as a header-only file does, wherever a decisions file is read
(tester s66 longitud, 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.decisions import Decision, read_decisions
from roqa_nlp.errors import RoqaError
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa

#: a review of the codings of :func:`model_codings`
REVIEW = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "accept", "IC.H", text=TEXTS[1]),
]
EMPTY = (
    "is empty (0 bytes, as a failed download or save leaves it: save the decisions from "
    "report.html again, or delete it to go on without it)"
)


def _review(tmp_path: Path, decisions: list[Decision]) -> tuple[Path, Path]:
    """The codings of :func:`model_codings` in ``coded/``, and ``decisions`` saved in
    ``review/decisions.csv`` (no codings beside them)."""
    coded, review = tmp_path / "coded", tmp_path / "review"
    model_codings().save(coded)
    review.mkdir()
    write_decisions(review / "decisions.csv", decisions)
    return coded, review / "decisions.csv"


# -- 4: a 0-byte decisions file ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["decisions.csv", "decisions.jsonl", "decisions.xlsx"])
def test_a_zero_byte_decisions_file_is_said_to_be_empty(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(b"")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    # a workbook is saved again from Excel, not from the page (hunt s67 h_small D3)
    again = "the workbook" if name.endswith(".xlsx") else "the decisions from report.html"
    assert str(e.value) == f"{p}: {EMPTY.replace('the decisions from report.html', again)}"


def test_a_header_only_decisions_file_still_holds_no_decisions(tmp_path: Path) -> None:
    p = tmp_path / "decisions.csv"
    p.write_text("segment_id,decision,code_id\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    assert str(e.value).startswith(f"{p}: holds no decisions (")


def test_train_apply_decisions_and_report_say_a_zero_byte_decisions_file_is_empty(
    tmp_path: Path,
) -> None:
    coded, _ = _review(tmp_path, REVIEW)
    p = tmp_path / "empty.csv"
    p.write_bytes(b"")
    runs = [
        roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", p, "--codings", coded),
        roqa("apply-decisions", coded, "--coder", "X", "--decisions", p, "--out", tmp_path / "o"),
        roqa("report", coded, "--decisions", p, "--out", tmp_path / "r.html"),
    ]
    for run in runs:
        assert (run.code, run.err) == (2, f"roqa: error: {p}: {EMPTY}\n")


def test_train_codings_a_folder_without_codings_says_so_and_names_no_out(tmp_path: Path) -> None:
    """Tester ux2, session 78 (#4): ``--codings examples/`` advised "code the transcripts
    first: roqa code TRANSCRIPTS --out examples", outputs among the transcripts; the decisions
    were made on codings, in the folder roqa code wrote."""
    _, decisions = _review(tmp_path, REVIEW)
    given = tmp_path / "interviews"
    given.mkdir()
    (given / "p01.txt").write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    run = roqa(
        "train", TRAINING, "--out", tmp_path / "m", "--feedback", decisions, "--codings", given
    )
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {given}: holds no codings (no codings.jsonl) (give the folder roqa code "
        "wrote, whose report the decisions were saved from)\n",
    )
    assert not (tmp_path / "m").exists()
