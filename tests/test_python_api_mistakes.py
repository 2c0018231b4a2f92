"""The Python API's mistakes as docs/python.md promises them (api tester, session 79): an
argument of the wrong type is a one-line RoqaError that is a TypeError naming what the call
takes, a wrong value one that is a ValueError, and advice that names a ``roqa`` command names
the Python call too, where the command's own message is unchanged."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from roqa_nlp import AutoCoder, saturation, write_report
from roqa_nlp.coding_agreement import agreement_report, coded_units_from_rows
from roqa_nlp.errors import RoqaError
from roqa_nlp.exchange import export_qdpx, read_qdpx_codings, read_qdpx_transcripts
from test_cli_core import TRAINING, roqa

#: what update() takes, as its errors say it
TAKES = "update() takes a decisions file (a path), a list of them or a list of Decision"
#: ... and the call they give as an example
EXAMPLE = "give e.g. ac.update('coded/decisions.csv')"


@pytest.fixture
def untrainable(monkeypatch: pytest.MonkeyPatch) -> AutoCoder:
    """A coder whose fit fails the test: update() must refuse before any training."""

    def no_fit(self: AutoCoder, *args: Any, **kwargs: Any) -> AutoCoder:
        raise AssertionError("update() trained")

    monkeypatch.setattr(AutoCoder, "fit", no_fit)
    return AutoCoder("cfir-2009")


@pytest.mark.parametrize(
    ("decisions", "said"),
    [
        (42, f"{TAKES}, not an int ({EXAMPLE})"),
        (None, f"{TAKES}, not None ({EXAMPLE})"),
        (2.5, f"{TAKES}, not a float ({EXAMPLE})"),
        (b"decisions.csv", f"{TAKES}, not a bytes ({EXAMPLE})"),
        ({"coded/decisions.csv": 1}, f"{TAKES}, not a dict ({EXAMPLE})"),
        ([1, 2], f"{TAKES}: item 1 of the list is an int ({EXAMPLE})"),
        ([None], f"{TAKES}: item 1 of the list is None ({EXAMPLE})"),
        (("r1/decisions.csv", 3), f"{TAKES}: item 2 of the tuple is an int ({EXAMPLE})"),
        (np.array([1, 2]), f"{TAKES}: item 1 of the ndarray is an int64 ({EXAMPLE})"),
        (
            pd.DataFrame({"segment_id": ["p01:0001"], "decision": ["accept"]}),
            f"{TAKES}, not a pandas DataFrame (save it as a CSV first, "
            "df.to_csv('decisions.csv', index=False), and give its path)",
        ),
        (
            {"r1/decisions.csv", "r2/decisions.csv"},
            "update() takes decisions files in the order of the rounds of review, not a set, "
            "whose order changes from run to run (a later round's decision must come after an "
            "earlier one's) (give a list: ac.update(['r1/decisions.csv', 'r2/decisions.csv']))",
        ),
    ],
    ids=[
        "int",
        "None",
        "float",
        "bytes",
        "dict",
        "ints",
        "None-item",
        "mix",
        "ndarray",
        "df",
        "set",
    ],
)
def test_update_given_no_decisions_file_is_a_type_error_before_any_training(
    untrainable: AutoCoder, decisions: Any, said: str
) -> None:
    """update(42) was Python's "'int' object is not iterable", a list of numbers "decisions are
    files or Decision objects, not a mix"; neither loads the embedding model."""
    torch_before = "torch" in sys.modules
    with pytest.raises(TypeError) as caught:
        untrainable.update(decisions)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == said
    assert ("torch" in sys.modules) == torch_before


@pytest.mark.parametrize(
    ("decisions", "said"),
    [
        (
            [],
            "update() was given no decisions (an empty list) (give the decisions file saved from "
            "report.html, e.g. ac.update('coded/decisions.csv'))",
        ),
        (
            (),
            "update() was given no decisions (an empty list) (give the decisions file saved "
            "from report.html, e.g. ac.update('coded/decisions.csv'))",
        ),
        ("", f"update() was given an empty path ({EXAMPLE})"),
    ],
    ids=["list", "tuple", "empty-path"],
)
def test_update_given_no_decisions_is_a_value_error(
    untrainable: AutoCoder, decisions: Any, said: str
) -> None:
    """update([]) was a bare RoqaError, "the decisions give no training example (none)", and
    update("") "is a folder" of the working folder."""
    with pytest.raises(ValueError) as caught:
        untrainable.update(decisions)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == said


HEADER = "segment_id,decision,code_id,new_code,note\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            HEADER + "p01:0001,approve,IS.C,,\n",
            "row 2: unknown decision 'approve' (use accept, reject, recode, "
            "new-code, no-code, note or valence)",
        ),
        (
            "Interviewer: Hello.\nP01: We lack staff.\n",
            "decisions file has no segment_id column in its header row (line 1: Interviewer: "
            "Hello.) (expected the columns segment_id, decision, code_id, new_code, note, text, "
            "valence, suggestion, separated by commas, semicolons or tabs)",
        ),
        (HEADER + "p01:0001,accept,,,\n", "row 2: accept needs a code_id"),
        (
            HEADER + "p01:0001,note,,,only a note\n",
            "the decisions give no training example (its one row is a note, which trains "
            "nothing) (nothing to learn: accept, recode or reject suggestions, or name new codes)",
        ),
        (
            HEADER + "p01:0001,note,,,a note\np01:0002,note,,,another\n",
            "the decisions give no training example (2 rows are notes, which train nothing) "
            "(nothing to learn: accept, recode or reject suggestions, or name new codes)",
        ),
    ],
    ids=["unknown-decision", "a-transcript", "no-code-id", "a-note", "notes"],
)
def test_a_decisions_file_update_cannot_learn_from_is_a_value_error(
    untrainable: AutoCoder, tmp_path: Path, text: str, said: str
) -> None:
    """A decisions file of the wrong content was a bare RoqaError, which ``except ValueError``
    does not catch; its message is as it was."""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        untrainable.update(decisions)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == f"{decisions}: {said}"


def test_a_transcript_given_to_evaluate_names_the_python_call_that_codes_it(
    tmp_path: Path,
) -> None:
    """ac.evaluate("p04.txt") said only "roqa code p04.txt --out coded/", and was a bare
    RoqaError; roqa evaluate says what it said (tests/test_evaluate_transcript.py)."""
    transcript = tmp_path / "p04.txt"
    transcript.write_text("Interviewer: Hello.\nP04: We lack staff.\n", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        AutoCoder("cfir-2009").evaluate(transcript)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        f"{transcript}: is a transcript, not labelled records (roqa evaluate takes labelled "
        "records (.jsonl, .csv or .xlsx with the columns text and construct); to code a "
        f"transcript: roqa code {transcript} --out coded/; in Python, ac.code({str(transcript)!r}))"
    )


def test_a_folder_that_holds_no_model_names_the_python_call_that_trains_one(
    tmp_path: Path,
) -> None:
    """AutoCoder.load("models/r2") of a folder with no model said only "roqa train
    training_data --out DIR", and was a bare RoqaError; roqa code --model says what it said."""
    empty = tmp_path / "r2"
    empty.mkdir()
    with pytest.raises(ValueError) as caught:
        AutoCoder.load(empty)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        f"{empty}: not a model directory (no model_card.json) (train one with `roqa train "
        "training_data --out DIR`; in Python, AutoCoder().fit('training_data').save('DIR'))"
    )
    transcript = tmp_path / "p01.txt"
    transcript.write_text("Interviewer: Hello.\nP01: We lack staff.\n", encoding="utf-8")
    run = roqa("code", transcript, "--model", empty, "--out", tmp_path / "out")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {empty}: not a model directory (no model_card.json) (train one with "
        "`roqa train training_data --out DIR`)\n",
    )


def test_a_coding_output_folder_given_as_the_model_is_said_so(tmp_path: Path) -> None:
    """AutoCoder.load("out/s1"), the folder roqa code wrote, said "not a model directory ...
    train one", as of a folder with nothing (apifix, session 79): it is the codings, and the
    model is elsewhere or the packaged one."""
    coded = tmp_path / "s1"
    coded.mkdir()
    (coded / "codings.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        AutoCoder.load(coded)
    assert isinstance(caught.value, RoqaError)
    said = (
        f"{coded}: is a coding output folder (it holds codings.jsonl), not a model (give the "
        "model folder roqa train wrote, holding model_card.json, or leave out --model for the "
        "packaged model"
    )
    assert str(caught.value) == f"{said}; in Python, AutoCoder.load() loads the packaged model)"
    transcript = tmp_path / "p01.txt"
    transcript.write_text("Interviewer: Hello.\nP01: We lack staff.\n", encoding="utf-8")
    run = roqa("code", transcript, "--model", coded, "--out", tmp_path / "out")
    assert (run.code, run.err) == (2, f"roqa: error: {said})\n")


def test_a_transcript_given_as_decisions_is_said_a_transcript(
    untrainable: AutoCoder, tmp_path: Path
) -> None:
    """update("mine/p04.txt") said "decisions file has no segment_id column in its header row
    (line 1: Interviewer: ...)" (apifix, session 79); roqa train --feedback says it too."""
    transcript = tmp_path / "p04.txt"
    transcript.write_text("Interviewer: Hello, how are you?\nP04: We lack staff.\n", "utf-8")
    said = (
        f"{transcript}: is a transcript, not a decisions file (its first line names no column "
        "of one: Interviewer: Hello, how are you?) (give the decisions.csv that Save decisions "
        "in report.html writes, or a .xlsx or .jsonl with its columns; to code the transcript: "
        f"roqa code {transcript} --out coded/"
    )
    with pytest.raises(ValueError) as caught:
        untrainable.update(transcript)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == f"{said}; in Python, AutoCoder.load().code({str(transcript)!r}))"
    run = roqa("train", TRAINING, "--feedback", transcript, "--out", tmp_path / "model")
    assert (run.code, run.err) == (2, f"roqa: error: {said})\n")
    # a decisions file saved as Excel's "Unicode text" (.txt, tab-separated) is read
    tabbed = tmp_path / "decisions.txt"
    tabbed.write_text("segment_id\tdecision\tcode_id\np01:0001\tapprove\tIS.C\n", "utf-8")
    with pytest.raises(ValueError, match="row 2: unknown decision 'approve'"):
        untrainable.update(tabbed)


def test_a_file_given_as_the_model_folder_is_a_value_error(tmp_path: Path) -> None:
    card = tmp_path / "model_card.json"
    card.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        AutoCoder.load(card)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        f"{card}: is a file, not a folder (give the model folder roqa train wrote, holding "
        "model_card.json)"
    )


def test_agreement_of_one_coder_names_the_python_call_of_two() -> None:
    """agreement_report of one coder's codings said "or a CSV with several coders", the
    command's advice, and was a bare RoqaError."""
    with pytest.raises(ValueError) as caught:
        agreement_report(coded_units_from_rows([("u1", "Ann", "X")]))
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        "agreement needs at least two coders, the inputs hold 1 (Ann) (give one input per "
        "coder, or a CSV with several coders; in Python, agreement_report("
        "coded_units_from_results({'Ann': ann_result, 'Ben': ben_result})))"
    )


def test_an_unknown_agreement_level_is_a_value_error() -> None:
    with pytest.raises(ValueError) as caught:
        agreement_report(coded_units_from_rows([("u1", "Ann", "X"), ("u1", "Ben", "X")]), level="x")
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value).startswith("unknown level 'x' (use one of ")


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        # a transcript's table names a text column, as decisions do
        ("p04 table.txt", "Speaker,Text\nInterviewer,Hello.\nP04,We lack staff.\n", "first line"),
        # blank lines above: the line named is the one quoted
        (
            "p04.txt",
            "\n\n\nInterviewer: Hello.\nP04: We lack staff.\n",
            "line 4, the first not blank,",
        ),
    ],
)
def test_a_transcript_given_as_decisions_is_said_so_at_its_edges(
    tmp_path: Path, name: str, text: str, line: str
) -> None:
    """Hunt s80 F6: a Speaker,Text table was said to have "no segment_id column", a transcript
    with blank lines first was said to name no column on "its first line" (its line 4), and
    the command to code it did not quote a path with a space."""
    from roqa_nlp.decisions import read_decisions

    transcript = tmp_path / name
    transcript.write_text(text, encoding="utf-8")
    first = text.strip().split("\n", 1)[0]
    with pytest.raises(RoqaError) as caught:
        read_decisions(transcript)
    quoted = shlex.quote(str(transcript))
    assert str(caught.value) == (
        f"{transcript}: is a transcript, not a decisions file (its {line} names no column of "
        f"one: {first}) (give the decisions.csv that Save decisions in report.html writes, or a "
        f".xlsx or .jsonl with its columns; to code the transcript: roqa code {quoted} --out "
        f"coded/; in Python, AutoCoder.load().code({str(transcript)!r}))"
    )
    assert (" " in name) == (quoted != str(transcript))


def _codings() -> Any:
    from test_apply_decisions import model_codings

    return model_codings()


@pytest.mark.parametrize(
    ("call", "said"),
    [
        (
            lambda res, tmp: saturation(res, order=5),
            "saturation() takes order as the interviews in the order they were done (a list of "
            "transcript names or participants, or one comma-separated str), not an int "
            '(e.g. order=["p01", "p02", "p03"])',
        ),
        (
            lambda res, tmp: write_report(res, 42),
            "write_report() takes the .html file to write, not an int "
            "(give a path, e.g. 'report.html')",
        ),
        (
            lambda res, tmp: write_report(res, None, "cfir-2009"),
            "write_report() takes the .html file to write, not None "
            "(give a path, e.g. 'report.html')",
        ),
        (
            lambda res, tmp: write_report(None, tmp / "report.html"),
            "write_report() takes a CodingResult (or its folder), not None "
            "(read one with CodingResult.read('coded/'))",
        ),
        (
            lambda res, tmp: export_qdpx(res, "cfir-2009", 42),
            "export_qdpx() takes the .qdpx file to write, not an int "
            "(give a path, e.g. 'project.qdpx')",
        ),
        (
            lambda res, tmp: export_qdpx(None, "cfir-2009", tmp / "x.qdpx"),
            "export_qdpx() takes a CodingResult to write, not None "
            "(read one with CodingResult.read('coded/'))",
        ),
        (
            lambda res, tmp: read_qdpx_transcripts(None),
            "read_qdpx_transcripts() takes a .qdpx file's path, not None "
            "(give a path, e.g. 'project.qdpx')",
        ),
        (
            lambda res, tmp: read_qdpx_codings(42),
            "read_qdpx_codings() takes a .qdpx file's path, not an int "
            "(give a path, e.g. 'project.qdpx')",
        ),
    ],
    ids=[
        "saturation",
        "write_report",
        "write_report_none",
        "write_report_result",
        "export_path",
        "export_result",
        "read_transcripts",
        "read_codings",
    ],
)
def test_a_wrong_type_to_the_charting_and_exchange_functions_is_a_one_line_type_error(
    call: Any, said: str, tmp_path: Path
) -> None:
    """Before (api tester, session 82): Python's own errors, tracebacks ("'int' object is not
    iterable", "expected str, bytes or os.PathLike object, not int", AttributeError 'meta')."""
    with pytest.raises(TypeError) as e:
        call(_codings(), tmp_path)
    assert isinstance(e.value, RoqaError)
    assert str(e.value) == said
    assert list(tmp_path.iterdir()) == []
