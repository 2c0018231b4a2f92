"""A date in a transcript's file name is no case number (s71 tester study, defect 1):
``zoom_GMI_2020-07-14.vtt`` was the case ``GMI_2020`` and keyed ``P2020`` (cited in Table 2, the
matrix and saturation, and sorted last), ``GMI 2020-07-14.vtt`` beside it was one participant
with it (``GMI2020``), and ``interview_14-07-2020.vtt`` was ``P14``, the day of the month. A
date written year first, year last, as eight digits or with a month's name is no participant's,
interview's or study's number; the ids a file name does give stay."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.name_dates import date_spans
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.transcripts import read_transcripts
from roqa_nlp.transcripts.roles import case_from_file_name


@pytest.mark.parametrize(
    "name",
    [
        "zoom_GMI_2020-07-14.vtt", "GMI 2020-07-14.vtt", "GMI_2020_07_14.vtt", "GMI 2020.07.14.vtt",
        "GMI 2020 07 14.vtt", "GMI2020-07-14.vtt", "GMI_14.07.2020.vtt", "GMI_14.07.20.vtt",
        "interview_2020-07-14.vtt", "interview_14-07-2020.vtt", "Interview 07-14-2020.vtt",
        "interview_14 July 2020.vtt", "Interview 3 July 2020.vtt", "participant_2020-07-14.vtt",
        "p_14-07-2020.vtt", "Participant 14th July 2020.vtt", "respondent 3_4_2021.vtt",
        "GMI_2020 July.vtt", "GMI_2020-Jul-14.vtt", "RM 14 July 2020.vtt", "2020-07-14.vtt",
    ],
)  # fmt: skip
def test_a_date_in_a_file_name_is_no_case_number(name: str) -> None:
    assert case_from_file_name(name) == Path(name).stem


@pytest.mark.parametrize(
    ("name", "case"),
    [
        ("P04.txt", "P04"), ("p4.txt", "P4"), ("P14_interview.txt", "P14"),
        ("RM15 transcript.docx", "RM15"), ("Participant 7.txt", "P7"), ("site2_P03.txt", "P03"),
        ("013.txt", "013"), ("P04_2020-07-14.txt", "P04"), ("2020-07-14_P04.txt", "P04"),
        ("RM15 2020-07-14.vtt", "RM15"), ("2020-07-14 RM15.vtt", "RM15"),
        ("RM04 14.07.2020.txt", "RM04"), ("Interview 3 2020-07-14.vtt", "P3"),
        ("Interview 3 14.07.2020.vtt", "P3"), ("P14 July 2020.txt", "P14"),
        ("p3 3.4.21.txt", "P3"), ("site2_P03_14-07-2020.txt", "P03"),
        ("20200714_P04.txt", "P04"), ("P07_Zoom_30-11-2022_transcript.vtt", "P07"),
    ],
)  # fmt: skip
def test_the_ids_beside_a_date_stay(name: str, case: str) -> None:
    assert case_from_file_name(name) == case


def test_date_spans_read_the_forms_researchers_write() -> None:
    def spans(name: str) -> list[str]:
        return [name[a:b] for a, b in date_spans(name)]

    assert spans("GMI_2020-07-14") == ["2020-07-14"]
    assert spans("GMI 14.07.2020 and 20200714") == ["14.07.2020", "20200714"]
    assert spans("Interview 14th July 2020") == ["14th July 2020"]
    assert spans("GMI_2020-Jul-14") == ["2020-Jul-14"]
    assert spans("RM04-2") == []  # a part's number
    assert spans("P14 July 2020") == ["July 2020"]  # P14 is an id, not a day
    assert spans("site-1-12-1002") == []  # a record number, no year
    assert spans("2020-13-45") == []  # no month 13


def interviews(folder: Path, names: list[str]) -> Path:
    """A folder of Zoom transcripts named ``names``: Helen Marsh asks, and the i-th file's
    participant answers (Grace Okonkwo, Dawit Mekonnen, Tunde Bello, Amira Hassan)."""
    folder.mkdir()
    people = ["Grace Okonkwo", "Dawit Mekonnen", "Tunde Bello", "Amira Hassan"]
    for i, name in enumerate(names):
        (folder / name).write_text(
            "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHelen Marsh: What gets in the way"
            f"{' here' * i}?\n\n00:00:04.000 --> 00:00:09.000\n{people[i]}: Money, and "
            "staff turnover.\n",
            "utf-8",
        )
    return folder


def cases_and_key(
    folder: Path, key: PseudonymKey | None = None
) -> tuple[dict[str, str | None], PseudonymKey]:
    """The case of each transcript of ``folder`` by its id, and the pseudonym key (``key``
    extended) that ``roqa code`` would use."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        transcripts = read_transcripts(folder, interviewer_labels=["Helen Marsh"])
        _, key = pseudonymise(transcripts, key)
    return {t.id: t.participant for t in transcripts}, key


def test_two_dated_files_are_two_cases_keyed_after_the_highest_number(tmp_path: Path) -> None:
    """The probe of the s71 study: ``GMI 2020-07-14.vtt`` and ``zoom_GMI_2020-07-14.vtt`` were
    one participant, ``GMI2020``, keyed ``P2020``, and ``GMI_14.07.2020.vtt`` was keyed ``P14``,
    the day; beside ``p16.vtt`` each is its own case, and the key numbers them after the
    highest number of the study (privacy.md, "Which number a participant gets")."""
    names = ["GMI 2020-07-14.vtt", "GMI_14.07.2020.vtt", "p16.vtt", "zoom_GMI_2020-07-14.vtt"]
    cases, key = cases_and_key(interviews(tmp_path / "study", names))
    assert cases == {
        "GMI 2020-07-14": "GMI 2020-07-14",
        "GMI_14.07.2020": "GMI_14.07.2020",
        "p16": "P16",
        "zoom_GMI_2020-07-14": "zoom_GMI_2020-07-14",
    }
    assert {
        name: key.get(name)
        for name in ["Grace Okonkwo", "Dawit Mekonnen", "Tunde Bello", "Amira Hassan"]
    } == {
        "Grace Okonkwo": "P17",
        "Dawit Mekonnen": "P18",
        "Tunde Bello": "P16",
        "Amira Hassan": "P19",
    }
