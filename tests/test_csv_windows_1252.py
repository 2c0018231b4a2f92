"""A transcript table Excel saved as "ANSI" (Windows-1252: its "CSV (Comma delimited)", and
European Excel's "CSV (semicolon delimited)") is read as such, with the warning a .txt or .vtt
in Windows-1252 gets, rather than refused (session 51 tester 'readers', finding 6: rm11_euro.csv
was an error while cp1252.txt and cp1252.vtt were read)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.csv import header_cells
from roqa_nlp.transcripts.segment import segment


def _read(path: Path) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, interviewer_labels=["Researcher"])
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def _turns(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_a_windows_1252_table_is_read_with_the_warning_a_txt_gets(
    tmp_path: Path, suffix: str
) -> None:
    sep = "," if suffix == ".csv" else "\t"
    rows = [
        ["speaker", "text"],
        ["Researcher", "What\u2019s the budget?"],
        ["P13", "It\u2019s \u00a340 a week \u2013 \u201ctight\u201d."],
    ]
    f = tmp_path / f"p13{suffix}"
    f.write_bytes("\r\n".join(sep.join(row) for row in rows).encode("cp1252") + b"\r\n")
    t, said = _read(f)
    assert said == [
        f'{f}: is not UTF-8 text (line 2, column 16: byte 0x92, which is "\u2019" in '
        "Windows-1252), so it was read as Windows-1252 (check its quotes and accents, or "
        "re-save it as UTF-8)"
    ]
    assert _turns(t) == [
        ("Researcher", "interviewer", "What\u2019s the budget?", None, None),
        ("P13", "participant", "It\u2019s \u00a340 a week \u2013 \u201ctight\u201d.", None, None),
    ]


def test_a_european_semicolon_csv_in_windows_1252_keeps_its_times_and_accents(
    tmp_path: Path,
) -> None:
    """European Excel's "CSV (semicolon delimited)": ANSI, semicolons, a decimal comma, and a
    title with an accent above the header row, which is found as in a UTF-8 file."""
    f = tmp_path / "rm11_euro.csv"
    f.write_bytes(
        "Entretien RM11 \u2013 \u00e9t\u00e9\r\n"
        "Start;End;Speaker;Text\r\n"
        "00:00:02,000;00:00:07,920;Researcher;So we\u2019re recording now.\r\n"
        "00:00:08,720;00:00:11,980;RM11;No, it\u2019s fine, the caf\u00e9 is shut.\r\n"
        "".encode("cp1252")
    )
    assert header_cells(f) == ["Start", "End", "Speaker", "Text"]
    t, said = _read(f)
    assert said == [
        f'{f}: is not UTF-8 text (line 1, column 16: byte 0x96, which is "\u2013" in '
        "Windows-1252), so it was read as Windows-1252 (check its quotes and accents, or "
        "re-save it as UTF-8)"
    ]
    assert _turns(t) == [
        ("Researcher", "interviewer", "So we\u2019re recording now.", 2.0, 7.92),
        ("RM11", "participant", "No, it\u2019s fine, the caf\u00e9 is shut.", 8.72, 11.98),
    ]


def test_a_table_mixing_utf8_and_windows_1252_is_still_refused(tmp_path: Path) -> None:
    f = tmp_path / "p13.csv"
    f.write_bytes("speaker,text\nP13,Caf\u00e9 ".encode() + "\u00a340\n".encode("cp1252"))
    with pytest.raises(RoqaError, match=r"is not UTF-8 text \(line 2, column 10: byte 0xA3"):
        read_transcript(f)
