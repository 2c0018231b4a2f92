"""A year in a transcript's file name is no one's number, and a date with a month's name beside a
study id is a mark as a numeric date is (s71 caseid follow-ups 1 and 2): ``GO_2020.vtt`` (Grace
Okonkwo, interviewed in 2020) was read as the study id ``GO_2020`` and keyed ``P2020``, sorted
last and cited so in Table 2; ``RM15 14 July 2020.vtt`` was its whole file name's case while the
key gave it ``P15``, where ``RM15 2020-07-14.vtt`` is ``RM15``."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.transcripts.roles import (
    case_from_file_name,
    participant_from_filename,
    study_id_from_filename,
)
from test_ids_file_dates import cases_and_key, interviews


@pytest.mark.parametrize(
    "name",
    [
        "GO_2020.vtt", "GO 2020.vtt", "go_2020.vtt", "P 2020.vtt", "participant_2020.vtt",
        "p_1999.vtt", "HCP-1999.vtt", "GO_2020 follow-up.vtt", "Transcript GO_2020.vtt",
    ],
)  # fmt: skip
def test_a_year_in_a_file_name_is_no_participant_or_study_number(name: str) -> None:
    assert participant_from_filename(name) is None
    assert study_id_from_filename(name) is None
    assert case_from_file_name(name) == Path(name).stem


@pytest.mark.parametrize(
    ("name", "case"),
    [
        ("CMH1234.vtt", "CMH1234"), ("P1234.vtt", "P1234"), ("P0020.vtt", "P0020"),
        ("RM2100.vtt", "RM2100"), ("P12 2021.vtt", "P12"), ("p_201.vtt", "P201"),
    ],
)  # fmt: skip
def test_numbers_that_are_no_year_stay_ids(name: str, case: str) -> None:
    assert case_from_file_name(name) == case


@pytest.mark.parametrize(
    "name",
    [
        "RM15 14 July 2020.vtt", "RM15_14th_July_2020.vtt", "RM15 July 2020.vtt",
        "RM15 2020 July.vtt", "RM15 2020-Jul-14.vtt", "RM15 14 July.vtt", "RM15 2020 07 14.vtt",
        "14 July 2020 RM15.vtt", "July 2020_RM15.vtt", "RM15 14 July 2020 transcript.vtt",
        "T2 RM15 14 July 2020.vtt", "rm15 14 july 2020.vtt",
    ],
)  # fmt: skip
def test_a_date_with_a_month_name_beside_a_study_id_is_a_mark(name: str) -> None:
    assert case_from_file_name(name) == "RM15"


@pytest.mark.parametrize(
    "name",
    ["Leeds RM15 14 July 2020.vtt", "RM15 RM16 14 July 2020.vtt", "RM15 manager 14 July 2020.vtt"],
)
def test_other_words_beside_the_id_and_date_still_name_no_participant(name: str) -> None:
    assert case_from_file_name(name) == Path(name).stem


def test_a_bare_year_is_keyed_after_the_highest_number(tmp_path: Path) -> None:
    """``GO_2020.vtt`` beside ``p16.vtt``: Grace is ``P17``, not ``P2020``, and the year counts
    as no number of the study, so Dawit of ``participant_2019.vtt`` is ``P18``, not ``P2021``."""
    folder = interviews(tmp_path / "study", ["GO_2020.vtt", "participant_2019.vtt", "p16.vtt"])
    cases, key = cases_and_key(folder)
    assert cases == {
        "GO_2020": "GO_2020",
        "participant_2019": "participant_2019",
        "p16": "P16",
    }
    assert [key.get(n) for n in ["Grace Okonkwo", "Dawit Mekonnen", "Tunde Bello"]] == [
        "P17",
        "P18",
        "P16",
    ]


@pytest.mark.parametrize(
    ("name", "case"),
    [
        ("P2001.txt", "P2001"), ("P2001_interview.vtt", "P2001"), ("p2001.vtt", "P2001"),
        ("P2001 follow-up.vtt", "P2001"), ("Participant2001.vtt", "P2001"),
        ("RM2019.vtt", "RM2019"), ("HCP1999.vtt", "HCP1999"), ("P2020.vtt", "P2020"),
        ("P2001_2020-07-14.vtt", "P2001"), ("T2 RM2003.txt", "RM2003"),
    ],
)  # fmt: skip
def test_a_year_like_number_joined_to_its_letters_is_a_study_id(name: str, case: str) -> None:
    """A study id of letters and four digits in the years' range (``P2001``: site 2's first
    participant) is an id, as a day joined to its letters is (``P14 July 2020``): it was its
    file name's stem (``P2001_interview``), keyed after the study's highest number (s72)."""
    assert case_from_file_name(name) == case


def test_a_prefixed_study_id_keeps_its_number_in_the_key(tmp_path: Path) -> None:
    """``P2001_interview.vtt`` and ``RM2002.vtt`` beside ``GO_2020.vtt``: their participants are
    ``P2001`` and ``P2002``, the numbers of their ids; Grace's year is still none, so she is keyed
    after the highest, ``P2003``."""
    folder = interviews(tmp_path / "study", ["GO_2020.vtt", "P2001_interview.vtt", "RM2002.vtt"])
    cases, key = cases_and_key(folder)
    assert cases == {"GO_2020": "GO_2020", "P2001_interview": "P2001", "RM2002": "RM2002"}
    assert [key.get(n) for n in ["Grace Okonkwo", "Dawit Mekonnen", "Tunde Bello"]] == [
        "P2003",
        "P2001",
        "P2002",
    ]


def test_the_researchers_key_may_give_a_year_like_number(tmp_path: Path) -> None:
    folder = interviews(tmp_path / "study", ["GO_2020.vtt", "p16.vtt"])
    own = PseudonymKey({"Grace Okonkwo": "P2020"})
    _, key = cases_and_key(folder, own)
    assert key.get("Grace Okonkwo") == "P2020"
    assert key.get("Dawit Mekonnen") == "P16"


def test_a_month_named_date_beside_a_study_id_is_keyed_as_its_case(tmp_path: Path) -> None:
    """``RM15 14 July 2020.vtt`` and ``RM15 2020-07-14 follow-up.vtt`` are one case, ``RM15``,
    keyed ``P15`` as the case says."""
    names = ["RM15 14 July 2020.vtt", "RM16 2020-07-21.vtt"]
    folder = interviews(tmp_path / "study", names)
    cases, key = cases_and_key(folder)
    assert cases == {"RM15 14 July 2020": "RM15", "RM16 2020-07-21": "RM16"}
    assert key.get("Grace Okonkwo") == "P15"
    assert key.get("Dawit Mekonnen") == "P16"
