"""A transcript Notepad saved as "ANSI" (Windows-1252: smart quotes, "£") is read as such, with
a one-line warning naming the file, rather than refused: a refusal stopped a study's folder run
of 12 files (tester s48, cp1252_RM13.txt). Only bytes that are not UTF-8, hold no UTF-8
character and are all Windows-1252 characters are so read."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.transcripts import read_transcript, read_transcripts

SAID = "Interviewer: What\u2019s the budget?\r\n\r\nP13: It\u2019s \u00a340 a week, \u201ctight\u201d.\r\n"


def _read(path: Path) -> tuple[object, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_a_windows_1252_txt_is_read_with_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "p13.txt"
    f.write_bytes(SAID.encode("cp1252"))
    t, said = _read(f)
    assert t.text == SAID.replace("\r\n", "\n")
    assert [t.text[u.start : u.end] for u in t.turns] == [
        "What\u2019s the budget?",
        "It\u2019s \u00a340 a week, \u201ctight\u201d.",
    ]
    assert [s for s in said if "Windows-1252" in s] == [
        f'{f}: is not UTF-8 text (line 1, column 18: byte 0x92, which is "\u2019" in '
        "Windows-1252), so it was read as Windows-1252 (check its quotes and accents, or "
        "re-save it as UTF-8)"
    ]


def test_a_folder_run_goes_on_past_a_windows_1252_txt(tmp_path: Path) -> None:
    (tmp_path / "p13.txt").write_bytes(SAID.encode("cp1252"))
    (tmp_path / "p14.txt").write_text(SAID.replace("P13", "P14"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        got = read_transcripts(tmp_path)
    assert sorted(t.id for t in got) == ["p13", "p14"]


@pytest.mark.parametrize(
    "data",
    [
        "P13: Caf\u00e9 ".encode() + "\u00a340".encode("cp1252"),  # UTF-8 and Windows-1252 mixed
        b"P13: caf\x81",  # a byte Windows-1252 leaves undefined
    ],
)
def test_bytes_that_are_not_all_windows_1252_are_still_refused(tmp_path: Path, data: bytes) -> None:
    f = tmp_path / "p13.txt"
    f.write_bytes(data)
    with pytest.raises(RoqaError, match="is not UTF-8 text"):
        read_transcript(f)
