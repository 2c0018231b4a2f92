"""``roqa import`` given a file that is no REFI-QDA project says what it is: roqa's report gave
"XML uses a forbidden construct (DTDForbidden ...)" (newcomer, session 47). Each of roqa's own
files (the report, codings, a decisions file) and a transcript is named, with what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_agree import run, seg, write_result

REPORT = '<!DOCTYPE html><html><head><meta name="generator" content="roqa_nlp"></head></html>'


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    folder = write_result(tmp_path / "coded", [seg(0, ["X"])])
    (folder / "report.html").write_text(REPORT, encoding="utf-8")
    (folder / "decisions.csv").write_text(
        "segment_id,decision,code_id\nT1:0,accept,X\n", encoding="utf-8"
    )
    return folder


def imported(file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code, _, err = run(["import", str(file), "--out", str(tmp_path / "imp2")], capsys)
    assert not (tmp_path / "imp2").exists()
    return code, err.strip()


def test_the_report(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert imported(coded / "report.html", tmp_path, capsys) == (
        2,
        f"roqa: error: {coded / 'report.html'}: is roqa's report, not a REFI-QDA project (.qdpx) "
        f"(give the project your QDA program exported as REFI-QDA; to take roqa's codings to a "
        f"QDA program: roqa export {coded} --qdpx project.qdpx)",
    )


@pytest.mark.parametrize("name", ["codings.jsonl", "codings.csv"])
def test_the_codings(
    name: str, coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert imported(coded / name, tmp_path, capsys) == (
        2,
        f"roqa: error: {coded / name}: is roqa's codings, not a REFI-QDA project (.qdpx) "
        f"(give the project your QDA program exported as REFI-QDA; to take these codings to a "
        f"QDA program: roqa export {coded} --qdpx project.qdpx)",
    )


def test_a_decisions_file(coded: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    decisions = coded / "decisions.csv"
    assert imported(decisions, tmp_path, capsys) == (
        2,
        f"roqa: error: {decisions}: is a decisions file, not a REFI-QDA project (.qdpx) (give "
        f"the project your QDA program exported as REFI-QDA; a decisions file is given to roqa "
        f"apply-decisions --decisions {decisions} or roqa train --feedback {decisions})",
    )


@pytest.mark.parametrize("name", ["P04.docx", "P04.pdf", "P04.vtt"])
def test_a_transcript(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    transcript = tmp_path / name
    transcript.write_text("<p>P04: We lack staff.</p>", encoding="utf-8")
    assert imported(transcript, tmp_path, capsys) == (
        2,
        f"roqa: error: {transcript}: is a transcript, not a REFI-QDA project (.qdpx) (give the "
        f"project your QDA program exported as REFI-QDA; a transcript is coded with roqa code "
        f"{transcript} --out coded/)",
    )
