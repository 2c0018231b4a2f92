"""The case a transcript's file name gives it when no label or header names its participant:
a joint interview's file naming two participants, and the words a file name carries beside a
study id that name the file, not the person (``RM04 transcript``, ``RM04_Zoom``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.transcripts import read_transcripts
from roqa_nlp.transcripts.roles import participant_from_filename


def _interviews(folder: Path, stems: list[str]) -> Path:
    """One short interview per file stem, ``Interviewer:`` and ``Participant:`` turns, each
    question its own so that no two files hold the same text."""
    folder.mkdir()
    for i, stem in enumerate(stems):
        (folder / f"{stem}.txt").write_text(
            f"Interviewer: What gets in the way{' here' * i}?\nParticipant: Money, and staff "
            "turnover.\n",
            "utf-8",
        )
    return folder


def _cases(folder: Path) -> dict[str, str | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        return {t.id: t.participant for t in read_transcripts(folder)}


def test_a_file_name_naming_two_participants_is_its_own_case(tmp_path: Path) -> None:
    """Re-test reids3 finding 5: ``P04_P05_joint``, ``T2 P04 P05`` and ``T2 P04 and P05`` were
    case P04, joined with P04.txt unsaid (P05's words counted as P04's), while
    ``RM04_RM05_joint`` kept its stem. A file name naming two participant numbers is a joint
    interview's, no one participant's: its stem is its case, as the study-id rule keeps it."""
    stems = [
        "P04", "P05", "P04_P05_joint", "T2 P04 P05", "T2 P04 and P05",
        "Participant 4 and Participant 5", "RM04_RM05_joint", "P04 interview 2", "T2 P04",
    ]  # fmt: skip
    assert _cases(_interviews(tmp_path / "study", stems)) == {
        "P04": "P04",
        "P05": "P05",
        "P04_P05_joint": "P04_P05_joint",
        "T2 P04 P05": "T2 P04 P05",
        "T2 P04 and P05": "T2 P04 and P05",
        "Participant 4 and Participant 5": "Participant 4 and Participant 5",
        "RM04_RM05_joint": "RM04_RM05_joint",
        "P04 interview 2": "P04",
        "T2 P04": "P04",
    }


def test_one_number_named_twice_is_still_that_participants() -> None:
    assert participant_from_filename("P04_p04_final.txt") == "P04"
    assert participant_from_filename("p04_p05_joint.txt") is None
    assert participant_from_filename("Participant 8 P8.txt") == "P8"


def test_words_naming_the_file_beside_a_study_id_leave_it_that_participants(
    tmp_path: Path,
) -> None:
    """Re-test reids3 finding 6: ``RM04 transcript``, ``rm04 transcript``, ``RM04_Zoom``, ``RM04
    (tidy)`` and ``RM04 T1 v2 (tidy)`` were cases of their own beside RM04, the same person
    split unsaid. A word naming the file itself, its version or its tool
    (``data/file_kind_words.txt``) is no part of an id; a study's, a site's or a role's word
    still is (``RM04 manager``, ``FG2 staff``), and a mark alone with such a word is no id
    (``V2 notes``, ``T1 transcript``)."""
    stems = [
        "RM04", "RM04 transcript", "rm04 transcript", "RM04_Zoom", "RM04 (tidy)",
        "RM04 T1 v2 (tidy)", "RM04 Teams recording", "Transcript RM04 final", "RM04 manager",
        "FG2 staff", "V2 notes", "T1 transcript", "NHS 111 pilot",
    ]  # fmt: skip
    assert _cases(_interviews(tmp_path / "study", stems)) == {
        **dict.fromkeys(stems[:8], "RM04"),
        **{stem: stem for stem in stems[8:]},
    }


def test_a_study_id_written_two_ways_is_one_case_and_said(tmp_path: Path) -> None:
    """Re-test reids3 finding 6: ``CMH-007.txt`` and ``cmh007.txt`` were two cases, CMH-007 and
    CMH007, unsaid (pseudonymising then joined them as P007), and ``Interview RM 04`` was RM 04
    beside RM04. One id written two ways is one participant, spelled compactly (CMH007, RM04:
    reids4 finding 5), and warned of, as P4 and P04 are."""
    stems = ["CMH-007", "cmh007", "RM04", "RM04 T2", "Interview RM 04", "HCP-04", "RM05"]
    folder = _interviews(tmp_path / "study", stems)
    with pytest.warns(RoqaWarning) as caught:
        found = {t.id: t.participant for t in read_transcripts(folder)}
    assert found == {
        "CMH-007": "CMH007",
        "cmh007": "CMH007",
        "RM04": "RM04",
        "RM04 T2": "RM04",
        "Interview RM 04": "RM04",
        "HCP-04": "HCP-04",
        "RM05": "RM05",
    }
    said = [str(w.message) for w in caught if "written two ways" in str(w.message)]
    assert said == [
        "CMH-007 and CMH007 are one participant's id written two ways, in 2 transcripts "
        "(CMH-007, cmh007): they are read as one case, CMH007 (its letters and number "
        "together, with the most leading zeros a file gives), counted once in the overview, "
        "the framework matrix, Table 2 and saturation; if they are different people, rename "
        "one file so that its name gives another id",
        "RM 04 and RM04 are one participant's id written two ways, in 3 transcripts "
        "(Interview RM 04, RM04, RM04 T2): they are read as one case, RM04 (its letters and "
        "number together, with the most leading zeros a file gives), counted once in the "
        "overview, the framework matrix, Table 2 and saturation; if they are different people, "
        "rename one file so that its name gives another id",
    ]


def test_a_file_of_one_number_at_a_named_place_beside_a_bare_one_is_said(
    tmp_path: Path,
) -> None:
    """Re-test reids3 finding 9: ``Leeds_P04.txt`` beside ``P04.txt`` was one case, P04, unsaid,
    while ``SiteA_P04``/``SiteB_P04`` was warned of (and ``Leeds_RM04`` is its own case): a
    place's word before the number in one file only may be a site's own numbering too. A
    wave's mark or a word naming the file (``T1 P05``, ``Zoom_P06``) is still no place."""
    stems = ["Leeds_P04", "P04", "T1 P05", "P05", "Zoom_P06", "P06"]
    with pytest.warns(RoqaWarning) as caught:
        found = _cases_warned(_interviews(tmp_path / "study", stems))
    assert found == {s: s[-3:] for s in stems}
    assert [str(w.message) for w in caught] == [
        "Leeds_P04 and P04 are read as one case, P04, though their file names give other words "
        "before the number ('Leeds'): if they are different people (each site numbering its "
        "own), give each their own number (in the file name, or label their turns 'P02: ...')"
    ]


def _cases_warned(folder: Path) -> dict[str, str | None]:
    return {t.id: t.participant for t in read_transcripts(folder)}


@pytest.mark.parametrize(
    ("stems", "case"),
    [
        (["RM04", "rm-04"], "RM04"),
        (["HCP04", "HCP 4", "hcp-04"], "HCP04"),
        (["Interview RM 04", "RM 04", "RM04"], "RM04"),
        (["RM004", "RM04"], "RM004"),
        (["CMH-007", "cmh7"], "CMH007"),
    ],
)
def test_a_study_id_written_two_ways_is_spelled_compactly(
    tmp_path: Path, stems: list[str], case: str
) -> None:
    """Re-test reids4 finding 5: the id written two ways was spelled as most files spell it, the
    first in order on a tie, so 'RM04' beside 'rm-04' was case RM-04 and HCP04 beside 'HCP 4'
    and 'hcp-04' was 'HCP 4'. It is now the id as a researcher writes it: its letters in
    capitals, its number right after them, with the most leading zeros any file gives."""
    folder = _interviews(tmp_path / "study", stems)
    with pytest.warns(RoqaWarning) as caught:
        found = {t.id: t.participant for t in read_transcripts(folder)}
    assert found == dict.fromkeys(stems, case)
    said = [str(w.message) for w in caught if "written two ways" in str(w.message)]
    assert len(said) == 1 and f"read as one case, {case} (" in said[0]


def test_notes_or_a_summary_beside_a_study_id_are_not_that_participants_talk(
    tmp_path: Path,
) -> None:
    """Re-test reids4 finding 4: ``RM04 notes`` and ``RM04 summary`` joined RM04, so the
    researcher's field notes or summary were coded as RM04's talk, unsaid. They are another
    document about the interview, not a copy of it: their own cases, as before session 49, as
    a site's or role's word beside the id is (``data/file_name_words.txt``)."""
    stems = ["RM04", "RM04 notes", "RM04 summary", "RM04 fieldnotes", "RM04 transcript"]
    assert _cases(_interviews(tmp_path / "study", stems)) == {
        "RM04": "RM04",
        "RM04 notes": "RM04 notes",
        "RM04 summary": "RM04 summary",
        "RM04 fieldnotes": "RM04 fieldnotes",
        "RM04 transcript": "RM04",
    }


def test_joining_words_before_the_number_are_no_other_place(tmp_path: Path) -> None:
    """Re-test s49 review 3: ``Interview with P04.txt`` beside ``P04.txt`` was warned of as
    another place ('with'), as were ``Copy of P05`` ('of'), ``Transcript for P06`` ('for') and
    ``Re-interview P07`` ('Re'): a stop word (``data/stop_words_en.txt``) names no place. A
    site's letter (``Site A``, ``Site B``) is still one."""
    stems = [
        "Interview with P04", "P04", "Copy of P05", "P05", "Transcript for P06", "P06",
        "Re-interview P07", "P07", "Site A P08", "Site B P08",
    ]  # fmt: skip
    with pytest.warns(RoqaWarning) as caught:
        found = _cases_warned(_interviews(tmp_path / "study", stems))
    assert found == {s: s[-3:] for s in stems}
    assert [str(w.message) for w in caught] == [
        "Site A P08 and Site B P08 are read as one case, P08, though their file names give "
        "other words before the number ('A' and 'B'): if they are different people (each site "
        "numbering its own), give each their own number (in the file name, or label their turns "
        "'P02: ...')"
    ]


def test_a_number_after_an_interviewer_word_is_the_interviewers() -> None:
    """Re-test s49 review 4: ``P04 Interviewer P01.txt`` gave no participant (two participant
    numbers, so a joint interview's), while ``P04 - interviewer I01.txt`` gave P04: of
    two numbers, one after a word of ``data/interviewer_labels.txt`` numbers the interviewer,
    not a participant."""
    assert participant_from_filename("P04 Interviewer P01.txt") == "P04"
    assert participant_from_filename("Interviewer P01 - P04.txt") == "P04"
    assert participant_from_filename("P04_facilitator_P2.txt") == "P04"
    assert participant_from_filename("P04 research assistant P01.txt") == "P04"
    assert participant_from_filename("P04_P05 interviewer P01.txt") is None
    assert participant_from_filename("Interviewer P01.txt") == "P01"  # the only number given
    assert participant_from_filename("Wave IV P04 P05.txt") is None  # 'iv' a numeral here
