"""Specification of a decisions file train refuses as apply-decisions does: a 0-byte one (a
failed download or save) is said to be empty, not to hold no decisions as a header-only file
does, wherever a decisions file is read (tester s66 longitud, 4); one whose quote never closed
read the rows below it into a cell (s81 learn2 F1); one none of whose decisions is on a segment
of the codings given (F4); and what train says of decisions on codings in another --unit (F3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan, read_decisions
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
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


# -- s81 learn2 F1: a quote never closed reads the rows below it into its cell --------------------

HEADER = "segment_id,decision,code_id,new_code,note,text,valence\n"
#: a text cell whose closing quote (and valence cell) was lost; the row below it is read into it
UNCLOSED_AT_THE_END = HEADER + (
    f'p01:0001,accept,IS.E.2,,,"{TEXTS[0]}\np01:0002,accept,IC.H,,,{TEXTS[1]},\n'
)
#: the same, closed by the quote opening a later row's text: every row keeps the header's width
CLOSED_BY_A_LATER_QUOTE = HEADER + (
    f'p01:0001,accept,IS.E.2,,,"{TEXTS[0]},\np01:0002,accept,IC.H,,,"{TEXTS[1]}",\n'
    f'p01:0003,accept,IS.E.2,,,"{TEXTS[2]}",\n'
)
READ_INTO = (
    "row 2 (line 2): its text cell runs on to line 3, which reads as a decision row "
    "(p01:0002,accept,IC.H,,,{said}): a quote opening the cell is not closed, so the rows "
    "after it are read as its words (close the quote (\") where the cell's words end, as "
    "Excel writes it, or save the decisions from report.html again)"
)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        (UNCLOSED_AT_THE_END, f"{TEXTS[1]},"),
        (CLOSED_BY_A_LATER_QUOTE, f'{TEXTS[1]}"'),
    ],
)
def test_a_row_read_into_a_cell_whose_quote_is_not_closed_is_refused(
    tmp_path: Path, written: str, said: str
) -> None:
    """Before: row 2's text was its words and row 3 as typed; row 3 was named nowhere, and
    train learnt row 2's accept on that text (learn2 tester, s81 F1)."""
    p = tmp_path / "decisions.csv"
    p.write_text(written, encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    assert str(e.value) == f"{p}: {READ_INTO.format(said=said)}"


def test_a_quote_never_closed_at_the_end_of_the_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "decisions.csv"
    p.write_text(f'{HEADER}p01:0001,accept,IS.E.2,,,"{TEXTS[0]},\n', encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        read_decisions(p)
    assert str(e.value) == (
        f"{p}: line 2: a quote opening a cell there is never closed, so the rest of the file "
        "is read into that cell (close the quote (\") where the cell's words end, as Excel "
        "writes it, or save the decisions from report.html again)"
    )


def test_a_text_over_several_lines_closed_where_it_ends_is_read(tmp_path: Path) -> None:
    p = tmp_path / "decisions.csv"
    said = "p01:0002, accept it too\nwe said"  # a line of a note that reads as no decision
    p.write_text(f'{HEADER}p01:0001,accept,IS.E.2,,"{said}","{TEXTS[0]}",\n', encoding="utf-8")
    assert [(d.note, d.text) for d in read_decisions(p)[0]] == [(said, TEXTS[0])]


def test_train_apply_decisions_and_update_refuse_a_row_read_into_a_cell(
    tmp_path: Path, embedder: object
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    coded, _ = _review(tmp_path, REVIEW)
    p = coded / "decisions.csv"
    p.write_text(UNCLOSED_AT_THE_END, encoding="utf-8")
    said = f"{p}: {READ_INTO.format(said=f'{TEXTS[1]},')}"
    runs = [
        roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", p, "--codings", coded),
        roqa("apply-decisions", coded, "--coder", "X", "--out", tmp_path / "o"),
    ]
    for run in runs:
        assert (run.code, run.err) == (2, f"roqa: error: {said}\n")
    with pytest.raises(RoqaError) as e:
        AutoCoder("cfir-2009", embedder=embedder).update(p, codings=coded / "codings.jsonl")
    assert str(e.value) == said
    assert not (tmp_path / "m").exists() and not (tmp_path / "o").exists()


# -- s81 learn2 F4: decisions none of which is on a segment of the codings given ------------------


def test_train_refuses_decisions_none_of_which_is_on_a_segment_as_apply_decisions_does(
    tmp_path: Path,
) -> None:
    """Before: train warned "trained on their own text without the model's valence" and
    trained; apply-decisions refused the same file (learn2 tester, s81 F4)."""
    other = [
        Decision("p07:0003", "accept", "IS.E.2", text="Words of another study."),
        Decision("p07:0004", "accept", "IC.H", text="More words of that study."),
    ]
    coded, p = _review(tmp_path, other)
    said = (
        f"roqa: error: {p}: no decision is on a segment of the codings: p07:0003 (row 2), "
        "p07:0004 (row 3) (are they the codings the review was made on? give those codings, or "
        "their folder)\n"
    )
    runs = [
        roqa("train", TRAINING, "--out", tmp_path / "m", "--feedback", p, "--codings", coded),
        roqa("apply-decisions", coded, "--coder", "X", "--decisions", p, "--out", tmp_path / "o"),
    ]
    for run in runs:
        assert (run.code, run.err) == (2, said)


# -- s81 learn2 F3: decisions made on turns, codings re-coded with --unit sentence ----------------


def _coded_in(folder: Path, unit: str) -> Path:
    """The codings of :func:`model_codings` in ``folder``, its run.json recording ``unit``."""
    model_codings().save(folder)
    run = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    (folder / "run.json").write_text(json.dumps({**run, "params": {"unit": unit}}), "utf-8")
    return folder / "codings.jsonl"


#: a decision on words now said across two segments (p01:0001 and p01:0002), and one matched
ACROSS = [
    Decision("p01:0009", "accept", "IS.E.2", text=f"{TEXTS[0]} {TEXTS[1]}"),
    Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
]


@pytest.mark.parametrize(
    ("review_run", "said"),
    [
        (
            None,
            " (its words now said across two segments or more of the codings, coded with --unit "
            "sentence: if the review was made on another --unit, give the codings of that run, "
            "or code again with it)",
        ),
        (
            "window",
            " (the codings were coded with --unit sentence, the run the review is in with --unit "
            "window: give the codings the review was made on, or code again with --unit window)",
        ),
    ],
)
def test_decisions_on_no_segment_of_codings_in_another_unit_say_so(
    tmp_path: Path, cfir2009: Codebook, review_run: str | None, said: str
) -> None:
    codings = _coded_in(tmp_path / "sentences", "sentence")
    review = tmp_path / "review"
    if review_run is not None:
        _coded_in(review, review_run)
    else:
        review.mkdir()
    p = review / "decisions.csv"
    write_decisions(p, ACROSS)
    with pytest.warns(RoqaWarning) as caught:
        feedback_plan([(read_decisions(p)[0], CodingResult.read(codings), p)], cfir2009)
    assert [str(w.message) for w in caught] == [
        f"{p}: 1 decision on no segment of the codings, trained on their own text without the "
        f"model's valence: p01:0009 (row 2){said}"
    ]
