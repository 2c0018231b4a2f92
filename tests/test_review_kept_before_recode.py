"""Specification: ``roqa code --out`` into a folder holding the reviewer's ``decisions.csv`` adds
its ``no-code`` rows below the reviewer's own, which keep their bytes (no byte order mark added,
their ``\\r\\n`` line ends, their order, a column of the reviewer's own), and keeps the file as it
was, once, as ``decisions.before-recode.csv`` beside it (tester daily15, session 85, D6: the file
was written whole again with a mark and ``\\n`` line ends, and nothing kept it as it was)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.cli.code_cmd import _keep_fits_no_code
from roqa_nlp.decisions import Decision, append_decisions, keep_before_recode
from roqa_nlp.earlier_outputs import earlier_run_files
from roqa_nlp.errors import RoqaWarning
from test_fits_no_code_carried import FIRST, TEXTS, codings

#: a review as Excel saves it (CSV UTF-8 without its mark here, \r\n line ends): rows in the
#: reviewer's order, not the segments', a column of their own and a note typed in two lines
TYPED = (
    "segment_id,decision,code_id,new_code,note,text,checked_by\r\n"
    f"p01:0002,accept,IS.B,,,{TEXTS[1]},AB\r\n"
    f'p01:0001,reject,CI.C,,"small talk?\nask Ben","{TEXTS[0]}",AB\r\n'
    f'p01:0001,reject,IC.C,,,"{TEXTS[0]}",AB\r\n'
    f'p01:0001,reject,IS.D.3,,,"{TEXTS[0]}",\r\n'
)


def test_rows_are_added_below_the_reviewers_file_which_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_bytes(TYPED.encode("utf-8"))
    append_decisions(path, [Decision("p01:0001", "no-code", text="=1+1 she said")])
    assert path.read_bytes() == (TYPED + "p01:0001,no-code,,,,'=1+1 she said,\r\n").encode("utf-8")
    # a file with a mark keeps it; a last line without its end gets one before the row
    path.write_bytes(b"\xef\xbb\xbfsegment_id;decision;code_id\np01:0002;accept;IS.B")
    append_decisions(path, [Decision("p01:0001", "no-code")])
    assert path.read_bytes() == (
        b"\xef\xbb\xbfsegment_id;decision;code_id\np01:0002;accept;IS.B\np01:0001;no-code;\n"
    )
    jsonl = tmp_path / "decisions.jsonl"
    jsonl.write_bytes(b'\xef\xbb\xbf{"segment_id": "p01:0002", "decision": "accept"}\r\n')
    append_decisions(jsonl, [Decision("p01:0001", "no-code")])
    assert jsonl.read_bytes().splitlines(keepends=True) == [
        b'\xef\xbb\xbf{"segment_id": "p01:0002", "decision": "accept"}\r\n',
        b'{"segment_id": "p01:0001", "decision": "no-code", "code_id": "", "new_code": "", '
        b'"note": "", "text": "", "valence": "", "suggestion": ""}\r\n',
    ]


def test_the_file_as_it_was_is_kept_once_and_again_only_when_the_reviewer_changed_it(
    tmp_path: Path,
) -> None:
    path, copy = tmp_path / "decisions.csv", tmp_path / "decisions.before-recode.csv"
    path.write_bytes(TYPED.encode("utf-8"))
    assert keep_before_recode(path) == (copy, True)
    assert copy.read_bytes() == TYPED.encode("utf-8")
    # roqa's rows added below (an earlier run), then the reviewer's: the copy stays
    append_decisions(path, [Decision("p01:0001", "no-code", text=TEXTS[0])])
    with path.open("a", encoding="utf-8", newline="") as f:
        f.write("p01:0002,note,,,checked twice,,AB\r\n")
    assert keep_before_recode(path) == (copy, False)
    assert copy.read_bytes() == TYPED.encode("utf-8")
    # the reviewer changed a decision (saved again from the report): that file is kept now
    edited = TYPED.replace("accept,IS.B", "recode,IS.A")
    path.write_bytes(edited.encode("utf-8"))
    assert keep_before_recode(path) == (copy, True)
    assert copy.read_bytes() == edited.encode("utf-8")
    # the copy is the researcher's file, not a table made from the earlier codings
    assert earlier_run_files(tmp_path, [], [path.name, copy.name, "matrix.csv"]) == ([], [])


def test_roqa_code_into_the_reviewed_folder_keeps_the_review_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before ``out`` is coded again: one ``no-code`` row added below the reviewer's rows, their
    bytes kept, the file as it was kept beside it and said in a note; a second run, which adds
    nothing, leaves both as they are."""
    result = codings(FIRST)
    result.meta = {"model": {"codebook": "cfir-2009"}}
    result.save(tmp_path)
    path, copy = tmp_path / "decisions.csv", tmp_path / "decisions.before-recode.csv"
    path.write_bytes(TYPED.encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        _keep_fits_no_code(tmp_path, None, None)
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"roqa: note: {path} as it was before these rows is kept as {copy}"
    row = f'p01:0001,no-code,,,"small talk?\nask Ben","{TEXTS[0]}",\r\n'
    assert path.read_bytes() == (TYPED + row).encode("utf-8")
    assert copy.read_bytes() == TYPED.encode("utf-8")
    _keep_fits_no_code(tmp_path, None, None)
    assert capsys.readouterr().err == ""
    assert path.read_bytes() == (TYPED + row).encode("utf-8")
    assert copy.read_bytes() == TYPED.encode("utf-8")


def test_a_pseudonymised_run_names_the_copy_with_the_review_it_keeps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy holds the talk the review does: a pseudonymised run into a folder coded with
    names names both, as the review made on codings that were not pseudonymised."""
    from roqa_nlp.cli.code_cmd import _warn_of_earlier_review

    names = ["decisions.before-recode.csv", "decisions.csv"]
    for name in names:
        (tmp_path / name).write_text(TYPED, encoding="utf-8")
    _warn_of_earlier_review(tmp_path, [*names, "matrix.csv"], "hold")
    assert capsys.readouterr().err.startswith(
        f"roqa: warning: {tmp_path}: decisions.csv, decisions.before-recode.csv, the review made "
        "on codings that were not pseudonymised, hold names and un-pseudonymised talk in their rows"
    )
