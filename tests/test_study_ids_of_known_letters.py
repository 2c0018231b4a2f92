"""A study id of letters studies use for participants (``data/study_id_prefixes.txt``: ``rm``,
``ppt``, ``resp``, ``id``) gives its participant its number in any case, wherever it stands in a
file name (daily17 tester, session 86, D6: with ``--pseudonymise``, ``RM03 Interview.docx`` was
``P03`` but ``rm01_priya_otter.txt`` was ``P09``, ``rm05_dawn.srt`` ``P10`` and Zoom's
``..._Recording_rm02.transcript.vtt`` ``P08``, unsaid). A first fix (bfecbb8c, reverted) read any
lower-case letters and number; hunt35 found ``mp3``, ``rec1``, ``fg1``, ``nhs111`` read as ids,
two Kates made one case (``p01.txt``, ``rec1_kate.txt``) and ``cmht1_rm02`` read as ``P1``.
docs/privacy.md, "Which number a participant gets"."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import _number_hint
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts.roles import known_study_id_number, names_two_participants
from test_cli_core import roqa


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("rm01_priya_otter.txt", "P01"), ("RM01_priya_otter.txt", "P01"),
        ("rm05_dawn.srt", "P05"), ("Rm06_interview.txt", "P06"), ("rM07.txt", "P07"),
        ("GMT20261201-101500_Recording_rm02.transcript.vtt", "P02"),
        ("cmht1_rm02.txt", "P02"), ("tp1_rm05.txt", "P05"), ("kate_rm04.txt", "P04"),
        ("ppt04_kate.docx", "P04"), ("resp-12.txt", "P12"), ("id04_kate.txt", "P04"),
        ("rm04_2024-03-01_kate.txt", "P04"),
    ],
)  # fmt: skip
def test_an_id_of_known_letters_gives_its_number(name: str, number: str) -> None:
    assert known_study_id_number(name) == number


@pytest.mark.parametrize(
    "name",
    [
        "mp3_kate.txt", "rec1_kate.txt", "fg1_notes.txt", "ep1_x.txt", "nhs111_kate.txt",
        "wk2_kate.txt", "q3_kate.txt", "y2_kate.txt", "h264_kate.vtt", "cmht1_kate.txt",
        "zoom_0.vtt", "p04_pt2.txt", "rm_2020.txt", "rm04_rm05_joint.txt", "RM04_and_RM05.txt",
        "GMT20261201-101500_Recording.transcript.vtt",
    ],
)  # fmt: skip
def test_other_letters_and_two_ids_give_no_number(name: str) -> None:
    assert known_study_id_number(name) is None


@pytest.mark.parametrize(
    ("name", "hint"),
    [
        ("cmht1_rm02.txt", "P02"), ("CMHT1_RM02.txt", "P02"), ("tp1_rm05.txt", "P05"),
        ("rm01_priya_otter.txt", "P01"), ("RM03 Interview.docx", "P03"),
        ("REC1_kate.txt", "P1"), ("rec1_kate.txt", None), ("mp3_kate.txt", None),
        ("rm04_rm05_joint.txt", None), ("RM04_RM05_joint.txt", None),
    ],
)  # fmt: skip
def test_the_file_name_number_prefers_the_known_id(name: str, hint: str | None) -> None:
    """A team's or time point's prefix before the id is not read as it (``CMHT1_RM02`` was P1);
    other capitals opening a name keep their reading (``REC1_kate``: P1, as before)."""
    transcript = Transcript(id=Path(name).stem, text="", turns=[], source=name)
    assert _number_hint(transcript) == hint


def test_two_known_ids_are_a_joint_interview() -> None:
    assert names_two_participants("rm04_rm05_joint.txt")
    assert names_two_participants("RM04_and_RM05.docx")
    assert not names_two_participants("rm04_followup.txt")
    assert not names_two_participants("cmht1_rm04.txt")


def _vtt(asker: str, answerer: str) -> str:
    return (
        f"WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n{asker}: What gets in the way?\n\n"
        f"00:00:04.000 --> 00:00:09.000\n{answerer}: Money, and staff turnover.\n"
    )


def _study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "study"
    folder.mkdir()
    for name, person in files.items():
        (folder / name).write_text(_vtt("Sam Roe", person), "utf-8")
    return tmp_path


def _run() -> str:
    code, _, err = roqa(
        "pseudonymise", "study", "--interviewer", "Sam Roe", "--key", "key.csv", "--out", "out"
    )
    assert code == 0
    return err


def _rows(path: Path) -> list[str]:
    return path.read_text("utf-8-sig").splitlines()


def test_daily17_lower_case_ids_give_the_key_their_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    study = _study(
        tmp_path,
        monkeypatch,
        {
            "GMT20261201-101500_Recording_rm02.transcript.vtt": "Gareth Price",
            "RM03 Interview.vtt": "Helen Okafor",
            "rm01_priya_otter.vtt": "Priya Nair",
            "rm05_dawn.vtt": "Dawn Mitchell",
        },
    )
    _run()
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


def test_a_team_prefix_is_not_read_as_the_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hunt35 D3: ``cmht1_rm01``, ``cmht1_rm02``, ``cmht2_rm03`` were P1, P03, P2 (fix bfecbb8c)."""
    study = _study(
        tmp_path,
        monkeypatch,
        {
            "cmht1_rm01.vtt": "Ann Bell",
            "cmht1_rm02.vtt": "Bob Carr",
            "cmht2_rm03.vtt": "Cy Dunn",
        },
    )
    _run()
    assert _rows(study / "key.csv") == [
        "name,pseudonym",
        "Sam Roe,Interviewer",
        "Ann Bell,P01",
        "Bob Carr,P02",
        "Cy Dunn,P03",
    ]


def test_two_first_name_kates_of_a_word_with_a_number_are_two_cases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hunt35 D1: ``Kate:`` in ``p01.txt`` and in ``rec1_kate.txt`` are two people: ``rec1`` is no
    study id (its letters are not in data/study_id_prefixes.txt), so it gives no number and its
    Kate takes a new one, as before session 86 (the reverted bfecbb8c made both P01)."""
    study = _study(tmp_path, monkeypatch, {"p01.vtt": "Kate", "rec1_kate.vtt": "Kate"})
    _run()
    assert _rows(study / "key.csv") == [
        "name,pseudonym,transcript",
        "Sam Roe,Interviewer,",
        "Kate,P01,",
        "Kate,P02,study/rec1_kate.vtt",
    ]
    assert {p.name for p in (study / "out").iterdir()} == {"rec1_P02.txt", "p01.txt"}


@pytest.mark.parametrize(
    "files",
    [
        ("Interview 04.vtt", "p04_followup.vtt"),
        ("RM04.vtt", "P04_followup.vtt"),
        ("P04.vtt", "Interviewee 04 second.vtt"),
        ("rm04.vtt", "04-03-2024_rm04_followup.vtt"),
    ],
)
def test_one_first_name_kate_of_one_number_under_other_letters_stays_one_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: tuple[str, str]
) -> None:
    """hunt36 D1/D2 (s86): a guard that gave the later of two files a new number when their ids'
    letters differ (``Interview 04`` and ``p04_followup``, or a date opening the name) split one
    Kate into two cases; it was taken out. The same number is one case, as before session 86."""
    study = _study(tmp_path, monkeypatch, dict.fromkeys(files, "Kate"))
    _run()
    assert _rows(study / "key.csv") == ["name,pseudonym", "Sam Roe,Interviewer", "Kate,P04"]


def test_a_follow_up_of_the_same_letters_stays_one_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``p4_followup.vtt`` beside ``p04.vtt``, both ``Kate:``: one id, one person."""
    study = _study(tmp_path, monkeypatch, {"p04.vtt": "Kate", "p4_followup.vtt": "Kate"})
    _run()
    assert _rows(study / "key.csv") == ["name,pseudonym", "Sam Roe,Interviewer", "Kate,P04"]
