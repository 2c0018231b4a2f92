"""Specification: a workbook's sheet name, kept in a transcript's ``metadata["sheet"]`` when the
workbook has several sheets, is pseudonymised as the talk is (tester s78 privacy2, L1: the sheet
``Tom Bradley 12-05-2023`` reached transcripts.jsonl whole, the participant keyed P05): the
key and the patterns of identifiers rewrite it, ``P05 [date]``."""

from __future__ import annotations

from pathlib import Path

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


def test_a_sheet_name_loses_the_keyed_name_and_the_date(tmp_path: Path) -> None:
    path = workbook(tmp_path / "p05.xlsx", "Tom Bradley 12-05-2023")
    transcript = read_transcript(path)
    assert transcript.metadata["sheet"] == "Tom Bradley 12-05-2023"  # read as saved
    key = PseudonymKey({"Tom Bradley": "P05"})
    [done], _ = pseudonymise(transcript, key)
    assert done.metadata["sheet"] == "P05 [date]"


def test_a_sheet_name_of_no_name_stays(tmp_path: Path) -> None:
    transcript = read_transcript(workbook(tmp_path / "p05.xlsx", "Interview 3"))
    [done], _ = pseudonymise(transcript, PseudonymKey({"Tom Bradley": "P05"}))
    assert done.metadata["sheet"] == "Interview 3"
