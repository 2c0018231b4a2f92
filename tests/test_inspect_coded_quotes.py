"""``roqa inspect quotes_for_paper.xlsx`` (a sheet of coded quotes: text and code, no speaker)
said "has no 'speaker' column" with no word of evaluate or train (newcomer, session 47)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from test_cli_core import roqa


def test_a_sheet_of_coded_quotes_points_to_evaluate_and_train(tmp_path: Path) -> None:
    sheet = tmp_path / "quotes_for_paper.xlsx"
    book = Workbook()
    book.active.append(["text", "code"])
    book.active.append(["We never have enough staff.", "Available Resources"])
    book.save(sheet)
    run = roqa("inspect", sheet)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {sheet}: has no 'speaker' column and a 'code' column: it reads as coded "
        f"quotes, not a transcript (coded quotes are labelled records: roqa evaluate {sheet} "
        "scores the model on them, roqa train DATA --out DIR learns from them (columns text and "
        "construct))\n",
    )
    from roqa_nlp import read_transcript
    from roqa_nlp.errors import RoqaError

    with pytest.raises(RoqaError) as e:  # said to Python, the calls too (session 84)
        read_transcript(sheet)
    assert str(e.value).endswith(
        "construct); in Python, "
        f"ac.evaluate({str(sheet)!r}) scores it, AutoCoder().fit(DATA) learns from them)"
    )
