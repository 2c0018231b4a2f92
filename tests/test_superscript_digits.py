"""Specification: a superscript or other digit that ``str.isdigit`` accepts but ``int`` does not
("²", "①") is not a digit of a number. Before (code review s45) each of these ended in "roqa:
internal error: ValueError: invalid literal for int()": a code "Band 1²" in roqa agree
(natural_key), a docx line-number cell "4²", a CSV end time "7000²", an ODF font weight "7²"
and a RAY_ADDRESS port "6379²"."""

from __future__ import annotations

from pathlib import Path

import docx

from roqa_nlp.ray_engine import _check_reachable
from roqa_nlp.transcripts import natural_key
from roqa_nlp.transcripts.odt import _bold_weight
from test_cli_core import roqa


def test_natural_key_sorts_a_superscript_as_a_letter() -> None:
    assert natural_key("p1²") == (((1, 0, "p"), (0, 1, ""), (1, 0, "²")), "p1²")
    assert sorted(["Band 1²", "Band 10", "Band 2"], key=natural_key) == [
        "Band 1²",
        "Band 2",
        "Band 10",
    ]


def test_agree_compares_codes_with_a_superscript(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_text(
        "unit,coder,code\nu1,A,Band 1²\nu1,B,Band 1²\nu2,A,Cost\nu2,B,Band 1²\n"
        "u3,A,Cost\nu3,B,Cost\n",
        encoding="utf-8",
    )
    run = roqa("agree", p, "--n-boot", "0", "--json", tmp_path / "a.json")
    assert run.code == 0, run.err
    assert "2 codes used" in run.out


def line_numbered_docx(path: Path, last: str) -> Path:
    d = docx.Document()
    table = d.add_table(rows=0, cols=3)
    for cells in [
        ("1", "Interviewer", "What helps you most at work?"),
        ("2", "P01", "The staff help a lot, honestly."),
        ("3", "Interviewer", "And what gets in the way?"),
        (last, "P01", "Money, mostly money."),
    ]:
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
    d.save(str(path))
    return path


def test_a_docx_first_column_with_a_superscript_is_no_line_number_column(tmp_path: Path) -> None:
    """As a first column with a "4a" in it is not: the table is not read as a transcript."""
    numbered = roqa("inspect", line_numbered_docx(tmp_path / "n.docx", "4"))
    assert numbered.code == 0, numbered.err
    lettered = roqa("inspect", line_numbered_docx(tmp_path / "a.docx", "4a"))
    superscript = roqa("inspect", line_numbered_docx(tmp_path / "s.docx", "4²"))
    assert (superscript.code, lettered.code) == (2, 2)
    assert superscript.err.replace("s.docx", "a.docx") == lettered.err


def test_a_csv_time_with_a_superscript_is_not_whole_milliseconds(tmp_path: Path) -> None:
    path = tmp_path / "ms.csv"
    path.write_text(
        "start,end,speaker,text\n0,2000,Interviewer,What helps you most?\n"
        "2500,5000,P01,The staff.\n5000,7000²,P01,And money.\n",
        encoding="utf-8",
    )
    run = roqa("inspect", path)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {path}: row 4: end '7000²' is not a time (give seconds (12.5) or "
        "HH:MM:SS)\n",
    )


def test_an_odf_font_weight_with_a_superscript_is_not_bold() -> None:
    assert _bold_weight("7²") is False
    assert _bold_weight("700") is True


def test_a_ray_address_whose_port_has_a_superscript_is_left_to_ray() -> None:
    assert _check_reachable("127.0.0.1:6379²") is None
