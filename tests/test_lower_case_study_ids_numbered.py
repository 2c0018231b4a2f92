"""A study id opening a file name gives its participant its number in lower case too (daily17
tester, session 86, D6): with ``--pseudonymise``, ``RM03 Interview - Teams transcript.docx`` was
``P03`` but ``rm01_priya_otter.txt`` was ``P09``, ``rm05_dawn.srt`` ``P10`` and
``GMT20261201-101500_Recording_rm02.transcript.vtt`` ``P08``, unsaid, and the outputs were named
``rm01_P09_otter`` (two ids). docs/privacy.md, "Which number a participant gets"."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts.roles import study_id_number_in_filename, unread_study_id
from test_cli_core import roqa


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("rm01_priya_otter.txt", "P01"), ("RM01_priya_otter.txt", "P01"),
        ("rm05_dawn.srt", "P05"), ("hcp-12_kate zoom.vtt", "P12"),
        ("GMT20261201-101500_Recording_rm02.transcript.vtt", "P02"),
        ("GMT20261201-101500_Recording_RM02.transcript.vtt", "P02"),
        ("rm04_2024-03-01_kate.txt", "P04"), ("rm03.txt", "P03"), ("RM07.txt", "P07"),
        ("zoom_p07.vtt", "P07"),
    ],
)  # fmt: skip
def test_a_study_id_opening_a_file_name_gives_its_number_in_either_case(
    name: str, number: str
) -> None:
    assert study_id_number_in_filename(name) == number


@pytest.mark.parametrize(
    "name",
    [
        "zoom_0.vtt", "zoom0.vtt", "GMT20240301.vtt", "gmt20240301_kate.vtt",
        "GMT20261201-101500_Recording.transcript.vtt", "2024-03-01_kate.txt", "12.30_kate.txt",
        "week 2.txt", "week2_notes.txt", "file2_kate.txt", "rm 01 priya.txt", "t2_manager.txt",
        "v2_kate.txt", "go_2020.vtt", "nhs 111 pilot.txt", "leeds_rm04.txt",
    ],
)  # fmt: skip
def test_numbers_that_are_no_study_id_give_none(name: str) -> None:
    assert study_id_number_in_filename(name) is None


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Leeds_RM04.txt", "RM04"), ("leeds_rm04.txt", "rm04"), ("zoom_gurpreet.vtt", None),
        ("rm01_priya_otter.txt", None), ("zoom_0_kate.vtt", None), ("kate_2024-03-01.txt", None),
        ("GMT20261201-101500_Recording.transcript.vtt", None), ("site_b_t2.txt", None),
    ],
)  # fmt: skip
def test_a_word_that_may_be_an_id_left_unread_is_found(name: str, word: str | None) -> None:
    assert unread_study_id(name) == word


def _vtt(asker: str, answerer: str) -> str:
    return (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n{asker}: What gets in the way?\n\n"
        f"00:00:04.000 --> 00:00:09.000\n{answerer}: Money, and staff turnover.\n"
    )


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tester's file names, each a Zoom transcript of Sam Roe asking one participant."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "study"
    folder.mkdir()
    files = {
        "GMT20261201-101500_Recording_rm02.transcript.vtt": "Gareth Price",
        "RM03 Interview.vtt": "Helen Okafor",
        "rm01_priya_otter.vtt": "Priya Nair",
        "rm05_dawn.vtt": "Dawn Mitchell",
    }
    for name, person in files.items():
        (folder / name).write_text(_vtt("Sam Roe", person), "utf-8")
    return tmp_path


def _rows(path: Path) -> list[str]:
    return path.read_text("utf-8-sig").splitlines()


def test_lower_case_ids_give_the_key_their_numbers(study: Path) -> None:
    code, _, err = roqa(
        "pseudonymise", "study", "--interviewer", "Sam Roe", "--key", "key.csv", "--out", "out"
    )
    assert code == 0
    assert _rows(study / "key.csv") == [
        "name,pseudonym",
        "Sam Roe,Interviewer",
        "Gareth Price,P02",
        "Priya Nair,P01",
        "Helen Okafor,P03",
        "Dawn Mitchell,P05",
    ]
    assert sorted(p.name for p in (study / "out").iterdir()) == [
        "GMT20261201-101500_Recording_rm02.transcript.txt",
        "RM03 Interview.txt",
        "rm01_P01_otter.txt",
        "rm05_P05.txt",
    ]
    assert "does not read as its participant's id" not in err


def test_an_id_not_read_is_warned_of_once(study: Path) -> None:
    """``Leeds_RM04.vtt``: an id after a place's name is read as none (the file may be the
    site's), so Amira takes the next number, ``P06``; one warning names the word."""
    (study / "study" / "Leeds_RM04.vtt").write_text(_vtt("Sam Roe", "Amira Hassan"), "utf-8")
    code, _, err = roqa(
        "pseudonymise", "study", "--interviewer", "Sam Roe", "--key", "key.csv", "--out", "out"
    )
    assert code == 0
    assert "Amira Hassan,P06" in _rows(study / "key.csv")
    said = [line for line in err.splitlines() if "does not read as" in line]
    assert said == [
        "roqa: warning: study/Leeds_RM04.vtt: the file's name holds RM04, which roqa does not "
        "read as its participant's id there, so they take a new number, P06: if RM04 is their "
        "id, name the file by it first (RM04_interview.txt) or give them that number in the "
        "pseudonym key, and run again"
    ]
