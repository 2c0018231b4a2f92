"""Specification: a workbook's sheet name, kept in a transcript's ``metadata["sheet"]`` when the
workbook has several sheets, is not written when pseudonymising (tester s78 privacy2, L1: the sheet
``Tom Bradley 12-05-2023`` reached transcripts.jsonl whole, the participant keyed P05; hunt4 F2:
rewriting it by the key kept ``Sandra Whitcombe`` not keyed and ``Whitcombe_S_12052023``, listed
nowhere). The sheet read is always the workbook's first, so no output needs its name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.transcripts import read_transcript


def workbook(path: Path, first_sheet: str) -> Path:
    """An interview on a sheet named ``first_sheet``, and a second sheet of notes."""
    from openpyxl import Workbook

    book = Workbook()
    talk = book.active
    assert talk is not None
    talk.title = first_sheet
    talk.append(["Speaker", "Text"])
    talk.append(["Interviewer", "How did the rollout go for your team this year?"])
    talk.append(["Tom Bradley", "It went slowly at first, then the leads got behind it."])
    book.create_sheet("Notes").append(["recorded on Teams"])
    book.save(path)
    return path


@pytest.mark.parametrize(
    "sheet",
    [
        "Tom Bradley 12-05-2023",  # keyed, with the day
        "Sandra Whitcombe",  # a name the key does not hold (hunt4 F2 a)
        "Whitcombe_S_12052023",  # a file name's shape, Sandra Whitcombe keyed (hunt4 F2 b)
        "Interview 3",  # no name: not needed either
    ],
)
def test_a_sheet_name_is_not_written_when_pseudonymising(tmp_path: Path, sheet: str) -> None:
    transcript = read_transcript(workbook(tmp_path / "p05.xlsx", sheet))
    assert transcript.metadata["sheet"] == sheet  # read as saved
    key = PseudonymKey({"Tom Bradley": "P05", "Sandra Whitcombe": "P07"})
    [done], _ = pseudonymise(transcript, key)
    assert "sheet" not in done.metadata
    assert "Whitcombe" not in json.dumps(done.metadata) and "2023" not in json.dumps(done.metadata)


def test_a_sheet_name_stays_when_not_pseudonymising(tmp_path: Path) -> None:
    transcript = read_transcript(workbook(tmp_path / "p05.xlsx", "Sandra Whitcombe"))
    assert transcript.metadata["sheet"] == "Sandra Whitcombe"
