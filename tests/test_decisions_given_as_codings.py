"""A decisions file (the report's Save decisions) given where codings are expected is said to be
one, with what to give instead: ``roqa apply-decisions coded/decisions.csv --coder Alice --out
rev2/`` said it "is the spreadsheet of the codings" (with codings.jsonl beside it) or "line 1 is
not valid JSON" (alone in Downloads/), and ``roqa agree`` that it has no unit, coder, code column
(newcomer, session 47). Every command reading codings goes through
:func:`roqa_nlp.result.codings_file`, which now tells a decisions file by its header."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from test_cli_agree import run, seg, write_result

DECISIONS = (
    "\ufeffsegment_id,decision,code_id,new_code,note,text,valence,suggestion\n"
    "T1:0,accept,X,,,xxxxxxxxx,,\n"
)


def said(p: Path, folder: str) -> str:
    return (
        f"roqa: error: {p}: is a decisions file, not codings (give the folder of the codings it "
        f"decides on, {folder}, with --decisions {p} (roqa report, roqa apply-decisions; roqa "
        f"train: --feedback {p}))"
    )


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    folder = write_result(tmp_path / "coded", [seg(0, ["X"])])
    (folder / "decisions.csv").write_text(DECISIONS, encoding="utf-8")
    return folder


def test_apply_decisions_given_the_decisions_beside_the_codings(
    coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decisions = coded / "decisions.csv"
    args = ["apply-decisions", str(decisions), "--coder", "Alice", "--out", str(tmp_path / "r")]
    code, _, err = run(args, capsys)
    assert (code, err.strip()) == (2, said(decisions, str(coded)))


def test_report_and_export_given_the_decisions_beside_the_codings(
    coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decisions = coded / "decisions.csv"
    for args in (
        ["report", str(decisions), "--out", str(tmp_path / "r.html")],
        ["export", str(decisions), "--qdpx", str(tmp_path / "r.qdpx")],
    ):
        code, _, err = run(args, capsys)
        assert (code, err.strip()) == (2, said(decisions, str(coded))), args


def test_decisions_saved_to_downloads_name_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Downloads").mkdir()
    decisions = tmp_path / "Downloads" / "decisions.csv"
    # as Excel saves it in Europe: semicolons, a title line above the header
    decisions.write_text(
        "Alice review\n" + DECISIONS.lstrip("\ufeff").replace(",", ";"), encoding="utf-8"
    )
    args = ["apply-decisions", str(decisions), "--coder", "Alice", "--out", str(tmp_path / "r")]
    code, _, err = run(args, capsys)
    assert (code, err.strip()) == (2, said(decisions, "the folder roqa code wrote"))


def test_decisions_as_jsonl_are_told_from_codings(coded: Path) -> None:
    decisions = coded / "decisions.jsonl"
    decisions.write_text('{"segment_id": "T1:0", "decision": "accept", "code_id": "X"}\n')
    with pytest.raises(RoqaError) as e:
        CodingResult.read(decisions)
    assert str(e.value) == said(decisions, str(coded)).removeprefix("roqa: error: ")


def test_agree_given_a_decisions_file_says_to_chart_the_review_first(
    coded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    decisions = coded / "decisions.csv"
    code, _, err = run(["agree", str(decisions), str(coded)], capsys)
    assert (code, err.strip()) == (
        2,
        f"roqa: error: {decisions}: is a decisions file, not codings (to compare the review, "
        f"chart it first: roqa apply-decisions {coded} --decisions {decisions} --coder NAME "
        "--out reviewed/, then give reviewed/)",
    )
    from roqa_nlp.coding_agreement import read_long_csv

    with pytest.raises(RoqaError) as e:  # said to Python, the call too (session 84)
        read_long_csv(decisions)
    assert str(e.value).endswith(
        "--out reviewed/, then give reviewed/; in Python, "
        f"reviewed_codings({str(decisions)!r}, CodingResult.read({str(coded)!r}), ac.codebook, "
        "coder='NAME')[0])"
    )


def test_the_codings_spreadsheet_is_still_said_to_be_one(coded: Path) -> None:
    CodingResult.read(coded).to_csv(coded / "codings.csv")
    with pytest.raises(RoqaError, match="is the spreadsheet of the codings, which cannot be read"):
        CodingResult.read(coded / "codings.csv")
