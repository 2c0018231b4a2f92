"""A study's own participant id as a speaker label names the transcript's case, as ``P04`` does.

Session 52 (finding): only P-number labels named a case, so ``RM10:`` turns in ``rm_a.txt``
were the case ``rm_a``, in ``interview_3.txt`` ``P3`` (the file's number, not the speaker's)
and ``CMH07:`` turns in ``c7.txt`` ``C7``: a study whose participants are labelled by a site's
prefix had its cases named by whatever its files were called."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript, read_transcripts
from roqa_nlp.transcripts.roles import participant_id, study_id_label


@pytest.mark.parametrize(
    ("speakers", "path", "expected"),
    [
        # the finding's three files
        (["Interviewer", "RM10"], "x/rm_a.txt", "RM10"),
        (["Interviewer", "RM10"], "x/interview_3.txt", "RM10"),
        (["Interviewer", "CMH07"], "x/c7.txt", "CMH07"),
        # written as the label gives it, over the file's own id or number
        (["Interviewer", "PT-03"], "x/notes.txt", "PT-03"),
        (["I1", "HCP_12"], "x/p05_interview.txt", "HCP_12"),
        (["IV1", "RM10"], "x/RM11.txt", "RM10"),
        (["INT1", "RM10 (manager)"], "x/notes.txt", "RM10"),
        (["Q1", "RM10"], "x/notes.txt", "RM10"),
        (["Interviewer", "RM10", "RM10 (manager)"], "x/notes.txt", "RM10"),
        # a P-number and a template's label keep their rule (P12 for R12 and Participant 12)
        (["Interviewer", "P04"], "x/RM10.txt", "P04"),
        (["IV1", "R12"], "x/notes.txt", "P12"),
        (["INT1", "Participant 12"], "x/notes.txt", "P12"),
        # not the only participant: a focus group, a second person, two ids
        (["Moderator", "RM10", "RM11"], "x/fg_site_a.txt", "fg_site_a"),
        (["Interviewer", "RM10", "Jane Doe"], "x/notes.txt", "notes"),
        (["Interviewer", "RM10", "P04", "P05"], "x/joint.txt", "joint"),
        # ordinary labels name no case: a transcriber's numbering, an interviewer's id,
        # an interviewee's role, a single letter, a word, a lower-case word and a number
        (["Interviewer", "Speaker 1"], "x/notes.txt", "notes"),
        (["Interviewer", "SPEAKER_00"], "x/notes.txt", "notes"),
        (["Interviewer", "Guest 2"], "x/notes.txt", "notes"),
        (["Interviewer", "SPK1"], "x/notes.txt", "notes"),
        (["Interviewer", "S1"], "x/notes.txt", "notes"),
        (["Interviewer", "M1"], "x/notes.txt", "notes"),
        (["Interviewer", "IE1"], "x/notes.txt", "notes"),
        (["Interviewer", "Client 2"], "x/notes.txt", "notes"),
        (["Jane Smith", "INT1"], "x/notes.txt", "notes"),
        (["Interviewer", "NURSE1"], "x/notes.txt", "notes"),
        (["Interviewer", "mum1"], "x/notes.txt", "notes"),
        (["Interviewer", "RM1234"], "x/notes.txt", "notes"),
    ],
)
def test_a_study_id_label_names_its_case(speakers: list[str], path: str, expected: str) -> None:
    assert participant_id(speakers, path) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("RM10", "RM10"), ("CMH07", "CMH07"), ("PT-03", "PT-03"), (" HCP_12 ", "HCP_12"),
        ("P04", None), ("R12", None), ("Participant 12", None), ("I1", None), ("IV1", None),
        ("INT1", None), ("FAC2", None), ("Q1", None), ("SPK1", None), ("S1", None),
        ("IE1", None), ("IP2", None), ("Speaker 1", None), ("SPEAKER_00", None),
        ("Guest 2", None), ("Rm10", None), ("RM 10", None), ("RM1234", None),
    ],
)  # fmt: skip
def test_which_labels_are_study_ids(label: str, expected: str | None) -> None:
    assert study_id_label(label) == expected


def _interview(folder: Path, name: str, label: str, asked: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    f = folder / name
    f.write_text(
        f"Interviewer: What gets in the way{asked}?\n{label}: Money, and staff turnover.\n"
        f"Interviewer: And what helps{asked}?\n{label}: The manager listens to us.\n",
        "utf-8",
    )
    return f


@pytest.mark.parametrize(
    ("name", "label", "expected"),
    [
        ("rm_a.txt", "RM10", "RM10"),
        ("interview_3.txt", "RM10", "RM10"),
        ("c7.txt", "CMH07", "CMH07"),
        ("c7.txt", "Speaker 1", "C7"),
    ],
)
def test_a_files_study_id_label_is_its_case(
    tmp_path: Path, name: str, label: str, expected: str
) -> None:
    assert read_transcript(_interview(tmp_path, name, label)).participant == expected


def test_a_transcript_built_in_memory_takes_its_study_id_label_as_its_case() -> None:
    turns = [("Interviewer", "interviewer", "What helps?"), ("CMH07", "participant", "The team.")]
    assert Transcript.from_turns("c7", turns).participant == "CMH07"


def test_one_study_id_label_in_two_files_is_one_case_with_a_warning(tmp_path: Path) -> None:
    """As ``P04`` in two files is: one case, and said, since two sites' files may give two
    people one label; other ids and a file of none keep their own."""
    folder = tmp_path / "study"
    _interview(folder, "rm_a.txt", "RM10")
    _interview(folder, "rm_b.txt", "RM10", " here")
    _interview(folder, "rm_c.txt", "RM11", " there")
    _interview(folder, "rm_d.txt", "Speaker 1", " now")
    with pytest.warns(RoqaWarning) as caught:
        found = read_transcripts(folder)
    assert [(t.id, t.participant) for t in found] == [
        ("rm_a", "RM10"), ("rm_b", "RM10"), ("rm_c", "RM11"), ("rm_d", "rm_d")
    ]  # fmt: skip
    assert [str(w.message) for w in caught if "speaks in" in str(w.message)] == [
        "the participant label 'RM10' speaks in 2 transcripts (rm_a, rm_b), so they are one "
        "case, RM10, as a follow-up interview of one person is: if they are different people, "
        "give each transcript's participant their own id (label their turns 'P02: ...', or add "
        "a header line 'Participant ID: P02' above the talk)"
    ]


def test_a_study_id_and_a_participant_number_of_one_number_are_two_cases(
    tmp_path: Path,
) -> None:
    """``RM10`` and ``P10`` share a number, not a person: neither joins nor warns of the other."""
    folder = tmp_path / "study"
    _interview(folder, "a.txt", "RM10")
    _interview(folder, "b.txt", "P10", " here")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        found = read_transcripts(folder)
    assert [(t.id, t.participant) for t in found] == [("a", "RM10"), ("b", "P10")]


def test_pseudonymising_keeps_a_study_id_case_or_gives_the_keys_pseudonym(tmp_path: Path) -> None:
    """A study id is no name: unkeyed it stays, and the case with it (was the file's, ``rm_a``);
    a key row for it makes the label and the case its pseudonym."""
    from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise

    f = _interview(tmp_path, "rm_a.txt", "RM10")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (kept,), key = pseudonymise([read_transcript(f)])
        (keyed,), _ = pseudonymise([read_transcript(f)], PseudonymKey({"RM10": "P07"}))
    assert (kept.participant, key.pseudonyms) == ("RM10", {})
    assert (keyed.participant, [u.speaker for u in keyed.turns]) == (
        "P07", ["Interviewer", "P07", "Interviewer", "P07"]
    )  # fmt: skip


def _group_and_own_interview() -> object:
    """Focus group fg01 of RM10, RM11 and RM12, and RM10's own interview rm10."""
    from roqa_nlp.result import CodingResult
    from test_framework import seg, spoken, transcript

    segments = [
        spoken(seg("fg01", 0, "Training is thin.", ("IC.F", 0.9, "barrier")), "RM10"),
        spoken(seg("fg01", 1, "The rota is a mess.", ("IC.F", 0.8, "barrier")), "RM11"),
        spoken(seg("fg01", 2, "Nights are short.", ("IC.F", 0.7, "barrier")), "RM12"),
        spoken(seg("rm10", 0, "Training is thin here.", ("IC.F", 0.9, "barrier")), "RM10"),
    ]
    cases = {"fg01": transcript("fg01", "FG01"), "rm10": transcript("rm10", "RM10")}
    return CodingResult(segments, cases)


def test_a_study_id_in_a_focus_group_and_its_own_interview_is_one_person() -> None:
    """Session 53 (cases, 1): ``RM10`` speaking in focus group fg01 and interviewed in rm10 was
    counted as two people by Table 2 (``RM10``, ``RM10 (fg01)``), as two groups' ``Anna`` are,
    while a group's ``P03`` beside the case ``P03`` was one. A study id is one person wherever
    they speak; the matrix's rows and saturation's interviews stay the transcripts' cases."""
    from roqa_nlp.framework import barriers_enablers, framework_matrix, saturation

    r = _group_and_own_interview()
    row = barriers_enablers(r, "cfir-2009").construct("IC.F")
    assert row is not None
    assert row.barriers.participants == ["RM10", "RM11", "RM12"]
    assert row.barriers.segments == 4
    m = framework_matrix(r)
    assert m.cases == ["FG01", "RM10"]
    assert m.several_speakers == {"FG01": ["RM10", "RM11", "RM12"]}
    assert saturation(r).interviews == ["fg01", "rm10"]


def test_a_numbered_role_in_two_focus_groups_and_no_case_is_a_person_of_each_group() -> None:
    """Session 53 code review, finding 1: focus groups number their roles afresh (``HCP1``,
    ``HCP2`` in each), so an id that no transcript's case bears names a person of each group:
    Table 2 counts and cites each with its group, as before the RM10 rule above."""
    from roqa_nlp.framework import barriers_enablers
    from roqa_nlp.result import CodingResult
    from test_framework import seg, spoken, transcript

    segments = [
        spoken(seg("fg_north", 0, "Training is thin.", ("IC.F", 0.9, "barrier")), "HCP1"),
        spoken(seg("fg_north", 1, "The rota is a mess.", ("IC.F", 0.8, "barrier")), "HCP2"),
        spoken(seg("fg_south", 0, "Nights are short.", ("IC.F", 0.7, "barrier")), "HCP1"),
        spoken(seg("fg_south", 1, "Cover is thin.", ("IC.F", 0.6, "barrier")), "HCP2"),
    ]
    cases = {t: transcript(t, t.upper()) for t in ("fg_north", "fg_south")}
    row = barriers_enablers(CodingResult(segments, cases), "cfir-2009").construct("IC.F")
    assert row is not None
    assert row.barriers.participants == [
        "HCP1 (fg_north)", "HCP1 (fg_south)", "HCP2 (fg_north)", "HCP2 (fg_south)"
    ]  # fmt: skip


@pytest.mark.parametrize(("file_id", "label"), [("FG04", "FG4"), ("RM04", "RM4"), ("RM4", "RM04")])
def test_a_study_id_label_and_a_file_name_of_it_written_otherwise_are_one_case(
    tmp_path: Path, file_id: str, label: str
) -> None:
    """Session 53 (cases, 2): ``FG04.txt`` beside ``FG4:`` turns in ``notes.txt`` were two
    cases, FG04 and FG4, unsaid, while ``P04.txt`` beside ``P4:`` turns is one participant and
    ``FG04.txt`` beside ``FG4.txt`` one case, each warned of. Leading zeros are read alike
    here too: one case, spelled with the most leading zeros (as file names' are), and said."""
    folder = tmp_path / "study"
    _interview(folder, f"{file_id}.txt", "Participant")
    _interview(folder, "notes.txt", label, " here")
    with pytest.warns(RoqaWarning) as caught:
        found = {t.id: t.participant for t in read_transcripts(folder)}
    case = max(file_id, label, key=len)
    assert found == {file_id: case, "notes": case}
    spellings = " and ".join(sorted({file_id, label}))
    assert [str(w.message) for w in caught if "written two ways" in str(w.message)] == [
        f"{spellings} are one participant's id written two ways, in 2 transcripts ({file_id}, "
        f"notes): they are read as one case, {case} (its letters and number together, "
        "with the most leading zeros a file gives), counted once in the overview, the "
        "framework matrix, Table 2 and saturation; if they are different people, rename one "
        "file so that its name gives another id, or label their turns with another id"
    ]


def test_the_fix_of_a_shared_label_shows_an_id_other_than_the_label_it_warns_of(
    tmp_path: Path,
) -> None:
    """Cli tester cli2, session 80: "the participant label 'P02' speaks in 5 transcripts ...
    label their turns 'P02: ...'" showed, as another participant's id, the very label shared.
    The id shown is the first from P02 whose number is not the label's."""
    folder = tmp_path / "study"
    _interview(folder, "b1.txt", "P02")
    _interview(folder, "b2.txt", "P02", " here")
    with pytest.warns(RoqaWarning) as caught:
        read_transcripts(folder)
    assert [str(w.message) for w in caught if "speaks in" in str(w.message)] == [
        "the participant label 'P02' speaks in 2 transcripts (b1, b2), so they are one case, "
        "P02, as a follow-up interview of one person is: if they are different people, give "
        "each transcript's participant their own id (label their turns 'P03: ...', or add a "
        "header line 'Participant ID: P03' above the talk)"
    ]
