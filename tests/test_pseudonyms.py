"""Specification of pseudonymising (``roqa_nlp.pseudonyms``, ``roqa code --pseudonymise``):
people's names never reach an output, offsets stay exact, and one key keeps the pseudonyms."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.pseudonyms import (
    PseudonymKey,
    _is_common_word,
    is_placeholder_speaker,
    name_parts,
    names_to_check,
    pseudonymise,
)
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript, read_transcripts
from test_cli_core import roqa

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:06.000
Dr Helen Brookes: Thanks for joining, Maria. Can you tell me about training for your staff?

2
00:00:07.000 --> 00:00:20.000
Maria Okafor: Yes Helen. Honestly the training is the biggest thing for us. We just don't have the staff to give people that one-to-one time.

3
00:00:21.000 --> 00:00:30.000
Dr Helen Brookes: And what helps, Maria?

4
00:00:31.000 --> 00:00:45.000
Maria Okafor: Our nominated individual, Tom Hale, backs recovery work. Dr Brookes, MARIA OKAFOR is my full name for the consent form.
"""

PSEUDONYMISED_TEXT = (
    "Interviewer: Thanks for joining, [P07]. Can you tell me about training for your staff?\n\n"
    "P07: Yes [Interviewer]. Honestly the training is the biggest thing for us. We just don't "
    "have the staff to give people that one-to-one time.\n\n"
    "Interviewer: And what helps, [P07]?\n\n"
    "P07: Our nominated individual, [nominated individual], backs recovery work. "
    "Dr [Interviewer], [P07] is my full name for the consent form."
)


@pytest.fixture()
def zoom(tmp_path: Path) -> Path:
    path = tmp_path / "zoom_p07.vtt"
    path.write_text(ZOOM_VTT, encoding="utf-8")
    return path


def read_zoom(path: Path) -> Transcript:
    return read_transcript(path, interviewer_labels=["Dr Helen Brookes"])


def test_speakers_and_their_names_in_the_talk_are_replaced(zoom: Path) -> None:
    key = PseudonymKey({"Tom Hale": "nominated individual"})
    (t,), key = pseudonymise([read_zoom(zoom)], key)
    assert t.text == PSEUDONYMISED_TEXT
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P07", "participant"),
        ("Interviewer", "interviewer"),
        ("P07", "participant"),
    ]
    assert t.participant == "P07"
    assert t.metadata["pseudonymised"] is True
    assert key.pseudonyms == {
        "Tom Hale": "nominated individual",
        "Dr Helen Brookes": "Interviewer",
        "Maria Okafor": "P07",
    }
    assert key.added == ["Dr Helen Brookes", "Maria Okafor"]  # given names are not added
    assert repr(key) == "PseudonymKey(3 names, 2 added)"  # never the names themselves


def test_turn_offsets_point_at_the_rewritten_words(zoom: Path) -> None:
    before = read_zoom(zoom)
    (after,), _ = pseudonymise([before])
    assert [t.begin_time for t in after.turns] == [t.begin_time for t in before.turns]
    words = [after.turn_text(t) for t in after.turns]
    assert words[0] == "Thanks for joining, [P07]. Can you tell me about training for your staff?"
    assert words[2] == "And what helps, [P07]?"
    for turn in after.turns:  # each turn is exactly one rendered paragraph after its label
        assert after.text[: turn.start].endswith(f"{turn.speaker}: ")


def test_a_plain_text_file_keeps_its_own_layout_with_bare_labels(tmp_path: Path) -> None:
    path = tmp_path / "site visit.txt"
    path.write_text(
        "Interview with Maria Okafor, 3 March\n\n"
        "Interviewer: Hello Maria.\n"
        "Maria Okafor: Hello. Maria's team is small.\n",
        encoding="utf-8",
    )
    (t,), key = pseudonymise([read_transcript(path)])
    assert t.text == (
        "Interview with P01, 3 March\n\nInterviewer: Hello [P01].\nP01: Hello. [P01]'s team is small.\n"
    )
    assert [t.turn_text(u) for u in t.turns] == ["Hello [P01].", "Hello. [P01]'s team is small."]
    assert t.participant == "P01"  # the file name gives no number: the first free one
    assert key.pseudonyms == {"Maria Okafor": "P01"}


def test_numbers_follow_the_key_and_file_names_across_a_study(tmp_path: Path) -> None:
    """Files are keyed in order of their names, not as given (since session 61): p03_again.txt
    before p03_x.txt takes the number 3 they both give."""
    texts = {
        "p03_x.txt": "Interviewer: Hi?\nAda Lee: Hello.\n",  # 3 is Cy's: next free
        "second.txt": "Interviewer: Hi?\nBen Ode: Hello.\n",  # no number: next free
        "p03_again.txt": "Interviewer: Hi?\nCy Roe: Hello.\n",  # file number 3, first by name
    }
    transcripts = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        transcripts.append(read_transcript(tmp_path / name))
    key = PseudonymKey({"Zed Old": "P09"})
    out, key = pseudonymise(transcripts, key)
    assert [t.participant for t in out] == ["P10", "P11", "P03"]
    assert key.pseudonyms == {"Zed Old": "P09", "Ada Lee": "P10", "Ben Ode": "P11", "Cy Roe": "P03"}


def test_a_header_participant_number_numbers_the_speaker_as_a_file_name_would(
    tmp_path: Path,
) -> None:
    (tmp_path / "march.txt").write_text(
        "Participant: P07\nDate: 3 May\n\nInterviewer: Hi Ada?\nAda Lee: Hello.\n", "utf-8"
    )
    (out,), key = pseudonymise([read_transcript(tmp_path / "march.txt")])
    assert out.participant == "P07"
    assert key.pseudonyms == {"Ada Lee": "P07"}
    assert out.text.endswith("Interviewer: Hi [P07]?\nP07: Hello.\n")


def test_people_a_header_names_get_the_pseudonym_of_their_role_in_that_transcript(
    tmp_path: Path,
) -> None:
    (tmp_path / "p07.txt").write_text(
        "Participant name: Maria Okafor\nInterviewer name: Sam Roe\n\n"
        "Interviewer: Thanks Maria. What gets in the way?\n"
        "P07: The staffing, Sam. Ask Maria Okafor's deputy.\n",
        "utf-8",
    )
    t = read_transcript(tmp_path / "p07.txt")
    assert t.metadata["header_people"] == {"Maria Okafor": "participant", "Sam Roe": "interviewer"}
    (out,), key = pseudonymise([t])
    assert key.pseudonyms == {"Maria Okafor": "P07", "Sam Roe": "Interviewer"}
    assert out.text == (
        "Participant name: P07\nInterviewer name: Interviewer\n\n"
        "Interviewer: Thanks [P07]. What gets in the way?\n"
        "P07: The staffing, [Interviewer]. Ask [P07]'s deputy.\n"
    )
    assert "header_people" not in out.metadata  # the names stay in the key only


HEADER_TALK = (
    "SJ: Could you tell me about your role, Margaret?\n"
    "MO: I manage a supported living service, twelve tenants. Sarah, you know most of them.\n"
    "SJ: What helped?\n"
    "MO: A champion on each shift. Okafor is a rare name, so they know me as Mrs O.\n"
)


@pytest.mark.parametrize(
    "value",
    [
        "Margaret Okafor, registered manager",
        "Margaret Okafor (registered manager, 50s)",
        "Margaret Okafor - registered manager",
        "Margaret Okafor – RM04",
    ],
)
def test_a_header_role_line_names_its_person_before_a_description(
    tmp_path: Path, value: str
) -> None:
    """The name a role line's value opens with, before a comma, parenthesis or dash, is the
    speaker of that role's (s43 m_header.txt: the whole line was left, "Okafor" in the talk)."""
    (tmp_path / "m_header.txt").write_text(
        f"Date: 03/04/2024\nParticipant: {value}\nInterviewer: Sarah Jones\nTranscriber: TW\n\n"
        + HEADER_TALK,
        "utf-8",
    )
    t = read_transcript(tmp_path / "m_header.txt")
    assert t.metadata["header_people"] == {
        "Margaret Okafor": "participant",
        "Sarah Jones": "interviewer",
    }
    (out,), key = pseudonymise([t])
    assert key.pseudonyms == {
        "SJ": "Interviewer",
        "MO": "P01",
        "Margaret Okafor": "P01",
        "Sarah Jones": "Interviewer",
    }
    described = value.replace("Margaret Okafor", "P01")
    assert out.text == (
        f"Date: [date]\nParticipant: {described}\nInterviewer: Interviewer\nTranscriber: TW\n\n"
        "Interviewer: Could you tell me about your role, [P01]?\n"
        "P01: I manage a supported living service, twelve tenants. [Interviewer], you know most"
        " of them.\n"
        "Interviewer: What helped?\n"
        "P01: A champion on each shift. [P01] is a rare name, so they know me as Mrs O.\n"
    )
    assert names_to_check([out], key) == []


def test_a_header_person_of_several_speakers_of_that_role_is_name(tmp_path: Path) -> None:
    """Two participants speak: the header's ``Margaret Okafor`` is neither's pseudonym (she was
    P01, Dean Kerr's, so his copy named him Margaret), but ``[name]``, and the researcher is told."""
    (tmp_path / "joint.txt").write_text(
        "Date: 03/04/2024\nParticipant: Margaret Okafor, registered manager\n"
        "Interviewer: Sarah Jones\nTranscriber: TW\n\n"
        "SJ: Could you tell me about your role, Margaret?\n"
        "Dean Kerr: I am the deputy. Margaret runs it.\n"
        "Ann Bell: I manage the service. Okafor is a rare name.\n",
        "utf-8",
    )
    t = read_transcript(tmp_path / "joint.txt")
    with pytest.warns(
        RoqaWarning,
        match=r"the header names 'Margaret Okafor' the participant, but 2 participants speak "
        r"\(P01, P02\), so it is \[name\] in the copy: give its row in the key the pseudonym "
        r"of the one it is and run again",
    ):
        (out,), key = pseudonymise([t])
    assert key.pseudonyms["Margaret Okafor"] == "name"
    assert out.text == (
        "Date: [date]\nParticipant: [name], registered manager\nInterviewer: Interviewer\n"
        "Transcriber: TW\n\n"
        "Interviewer: Could you tell me about your role, [name]?\n"
        "P01: I am the deputy. [name] runs it.\n"
        "P02: I manage the service. [name] is a rare name.\n"
    )


@pytest.mark.parametrize(
    "value", ["Registered manager, supported living", "RM04 (female, 40s)", "Ward Manager, 50s"]
)
def test_a_header_role_line_describing_its_person_names_no_one(tmp_path: Path, value: str) -> None:
    (tmp_path / "h.txt").write_text(
        f"Date: 03/04/2024\nParticipant: {value}\nInterviewer: Sarah Jones\nTranscriber: TW\n\n"
        + HEADER_TALK,
        "utf-8",
    )
    t = read_transcript(tmp_path / "h.txt")
    assert t.metadata["header_people"] == {"Sarah Jones": "interviewer"}


def test_a_header_role_line_names_its_person_whatever_the_speakers_labels(
    tmp_path: Path,
) -> None:
    """Not only by the initials ``MO`` that key the name to a speaker: the name read as a name."""
    (tmp_path / "h.txt").write_text(
        "Date: 03/04/2024\nParticipant: Margaret Okafor (RM)\nInterviewer: Sarah Jones\n\n"
        "SJ: Could you tell me about your role?\nDean Kerr: I am the deputy.\n",
        "utf-8",
    )
    assert read_transcript(tmp_path / "h.txt").metadata["header_people"] == {
        "Margaret Okafor": "participant",
        "Sarah Jones": "interviewer",
    }


def test_a_word_header_role_line_names_its_person_before_a_description(tmp_path: Path) -> None:
    from test_speaker_names import write_docx

    paragraphs = [
        "Date: 03/04/2024",
        "Participant: Margaret Okafor, registered manager",
        "Interviewer: Sarah Jones",
        "Transcriber: TW",
        "",
        *HEADER_TALK.splitlines(),
    ]
    t = read_transcript(write_docx(tmp_path / "m_header.docx", paragraphs))
    assert t.metadata["header_people"] == {
        "Margaret Okafor": "participant",
        "Sarah Jones": "interviewer",
    }
    (out,), key = pseudonymise([t])
    assert key.pseudonyms["Margaret Okafor"] == "P01"
    assert out.text == (  # a Word document's text leaves its header out
        "Interviewer: Could you tell me about your role, [P01]?\n\n"
        "P01: I manage a supported living service, twelve tenants. [Interviewer], you know most"
        " of them.\n\nInterviewer: What helped?\n\n"
        "P01: A champion on each shift. [P01] is a rare name, so they know me as Mrs O."
    )


def test_speakers_labelled_by_initials_take_the_pseudonyms_of_the_people_named(
    tmp_path: Path,
) -> None:
    """``HW`` asks and is the interviewer the header names, so she is ``Interviewer`` (she was
    given a participant's number when the researcher named her with --interviewer)."""
    (tmp_path / "p04.txt").write_text(
        "Participant ID: P04\nParticipant name: Mary-Jane O'Neill\n"
        "Interviewer name: Hannah Whitfield\n\n"
        "HW: Thanks Mary-Jane. What gets in the way?\nMJO: Money, Hannah.\n",
        "utf-8",
    )
    for named in (None, ["Hannah Whitfield"]):
        (out,), key = pseudonymise(
            [read_transcript(tmp_path / "p04.txt", interviewer_labels=named)]
        )
        assert key.pseudonyms == {
            "HW": "Interviewer",
            "MJO": "P04",
            "Mary-Jane O'Neill": "P04",
            "Hannah Whitfield": "Interviewer",
        }
        assert out.text.endswith(
            "Interviewer: Thanks [P04]. What gets in the way?\nP04: Money, [Interviewer].\n"
        )


def test_a_person_keyed_once_keeps_their_pseudonym_under_another_display_name(
    tmp_path: Path,
) -> None:
    """Zoom writes a curly apostrophe, or adds (Host): the same person, the same pseudonym (she
    was given a new one, P05 or Interviewer 3, and her first name a third)."""
    key = PseudonymKey({"Mary-Jane O'Neill": "P04", "Dr Hannah Whitfield": "Interviewer"})
    (tmp_path / "p05.txt").write_text(
        "Hannah Whitfield (Host): Thanks, Mary-Jane. What helps?\n"
        "Mary-Jane O’Neill: Our team, Hannah.\nHannah Whitfield (Host): And?\n"
        "Mary-Jane O’Neill: Money.\n",
        "utf-8",
    )
    (out,), key = pseudonymise([read_transcript(tmp_path / "p05.txt")], key)
    assert key.added == []
    assert out.text == (  # the label's note on the role stays, as Zoom wrote it
        "Interviewer (Host): Thanks, [P04]. What helps?\nP04: Our team, [Interviewer].\n"
        "Interviewer (Host): And?\nP04: Money.\n"
    )
    # two rows that are one person with two pseudonyms: neither is taken for the other
    both = PseudonymKey({"Sam Roe": "P01", "Sam Roe (Host)": "P02"})
    assert (both.get("SAM ROE"), both.get("Sam Roe (she/her)")) == ("P01", None)
    # a surname with a title is not the person of another title ("Mrs Patel" is not "Mr Patel")
    titled = PseudonymKey({"Mrs Patel": "P03", "Dr Chen": "Interviewer"})
    assert [titled.get(n) for n in ("Mr Patel", "Patel", "Prof Chen", "MRS  PATEL")] == [
        None,
        None,
        None,
        "P03",
    ]


def test_a_number_a_file_claims_is_not_given_to_someone_read_before_it(tmp_path: Path) -> None:
    """The key runs to P17; a focus group read first gives its members the next free numbers;
    p18's file name claims P18, so they skip it (its participant got P21)."""
    (tmp_path / "group.txt").write_text(
        "Moderator: Welcome all.\nAda Lee: Hi.\nBen Ode: Hello.\nCy Roe: Hiya.\n", "utf-8"
    )
    (tmp_path / "p18.txt").write_text("Interviewer: Hi?\nEd Gale: Hello.\n", "utf-8")
    out, key = pseudonymise(read_transcripts(tmp_path), PseudonymKey({"Dee Fox": "P17"}))
    assert key.pseudonyms == {
        "Dee Fox": "P17", "Ada Lee": "P19", "Ben Ode": "P20", "Cy Roe": "P21", "Ed Gale": "P18"
    }  # fmt: skip
    assert [t.participant for t in out] == ["group", "P18"]


GROUP = "Interviewer: Welcome, all.\nAda Lee: I'll start.\nBen Ode: Same here.\n"


def test_a_focus_groups_members_take_free_numbers_and_its_case_stays_its_files(
    tmp_path: Path,
) -> None:
    """fg01.txt's members were lettered by its id's number, P01a and P01b, and the group
    became the case P01 of p01.txt's participant: one case, one interview in saturation
    (tester s61 focus, 1). The members take free numbers; the case is FG01, as unpseudonymised."""
    write(tmp_path, "fg01.txt", GROUP)
    write(tmp_path, "p01.txt", "Interviewer: Hi?\nP01: Hello.\n")
    before = read_transcripts(tmp_path)
    out, key = pseudonymise(before, PseudonymKey())
    assert [t.participant for t in before] == ["FG01", "P01"]
    assert [(t.participant, [u.speaker for u in t.turns]) for t in out] == [
        ("FG01", ["Interviewer", "P02", "P03"]),
        ("P01", ["Interviewer", "P01"]),
    ]
    assert key.pseudonyms == {"Ada Lee": "P02", "Ben Ode": "P03"}


def test_two_sessions_of_one_focus_group_stay_two_cases_with_a_key_that_letters_them(
    tmp_path: Path,
) -> None:
    """A key from before session 61 letters the members by fg02's number: both sessions were
    the case P02 once pseudonymised (tester s61 focus, 2); each is its file's case still."""
    write(tmp_path, "fg02.txt", GROUP)
    write(tmp_path, "fg04.txt", "Interviewer: Welcome back.\nBen Ode: Hi.\nAda Lee: Hello.\n")
    out, _ = pseudonymise(
        read_transcripts(tmp_path), PseudonymKey({"Ada Lee": "P02a", "Ben Ode": "P02b"})
    )
    assert [(t.participant, [u.speaker for u in t.turns]) for t in out] == [
        ("FG02", ["Interviewer", "P02a", "P02b"]),
        ("FG04", ["Interviewer", "P02b", "P02a"]),
    ]


def test_roqa_pseudonymise_copies_of_a_focus_group_read_back_as_its_own_case(
    tmp_path: Path,
) -> None:
    study = tmp_path / "study"
    study.mkdir()
    write(study, "fg01.txt", GROUP)
    write(study, "fg04.txt", "Interviewer: Welcome back.\nBen Ode: Hi.\nAda Lee: Hello.\n")
    write(study, "p01.txt", "Interviewer: Hi?\nP01: Hello.\n")
    out = tmp_path / "out"
    run = roqa("pseudonymise", study, "--key", tmp_path / "key.csv", "--out", out)
    assert run.code == 0, run.err
    assert [(t.id, t.participant) for t in read_transcripts(out)] == [
        ("fg01", "FG01"),
        ("fg04", "FG04"),
        ("p01", "P01"),
    ]


def test_a_numbered_files_two_people_are_still_its_lettered_members(tmp_path: Path) -> None:
    write(tmp_path, "p04_joint.txt", GROUP)
    (after,), key = pseudonymise(read_transcripts(tmp_path), PseudonymKey())
    assert (after.participant, key.pseudonyms) == ("P04", {"Ada Lee": "P04a", "Ben Ode": "P04b"})


@pytest.mark.parametrize("name", ["R04.txt", "ID04.txt", "HCP04.txt", "S04_couple.txt", "GP04.txt"])
def test_a_joint_interview_in_a_file_named_by_a_study_id_is_its_number_lettered(
    tmp_path: Path, name: str
) -> None:
    """R04.txt's couple took the free numbers P05 and P06, so R05.txt's participant, coded in
    a later batch with the same key, was renumbered P07 (hunt s61 pseudo, 1). Their file's
    number is a participant's: they are P04a and P04b, and R05's participant P05."""
    (first := tmp_path / "b1").mkdir()
    (later := tmp_path / "b2").mkdir()
    write(first, "R03.txt", "Interviewer: Hi?\nCy Roe: Hello.\n")
    write(first, name, GROUP)
    write(later, "R05.txt", "Interviewer: Hi?\nEd Gale: Hello.\n")
    _, key = pseudonymise(read_transcripts(first), PseudonymKey())
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)  # no "so they are P07"
        (after,), key = pseudonymise(read_transcripts(later), key)
    assert key.pseudonyms == {
        "Cy Roe": "P03", "Ada Lee": "P04a", "Ben Ode": "P04b", "Ed Gale": "P05"
    }  # fmt: skip
    assert [u.speaker for u in after.turns] == ["Interviewer", "P05"]


@pytest.mark.parametrize("name", ["FGD06.txt", "G06.txt", "grp06.txt"])
def test_a_group_named_by_its_own_id_takes_free_numbers(tmp_path: Path, name: str) -> None:
    write(tmp_path, name, GROUP)
    write(tmp_path, "p07.txt", "Interviewer: Hi?\nCy Roe: Hello.\n")
    _, key = pseudonymise(read_transcripts(tmp_path), PseudonymKey())
    assert key.pseudonyms == {"Ada Lee": "P08", "Ben Ode": "P09", "Cy Roe": "P07"}


def test_four_people_in_a_file_named_by_a_study_id_are_a_group_of_free_numbers(
    tmp_path: Path,
) -> None:
    """More people than a joint interview's three (the rule inspect names a focus group by),
    under a study id no group's letters name: a group whose number is no participant's."""
    write(tmp_path, "S02.txt", GROUP + "Cy Roe: Hi.\nDee Fox: Hiya.\n")
    _, key = pseudonymise(read_transcripts(tmp_path), PseudonymKey())
    assert list(key.pseudonyms.values()) == ["P03", "P04", "P05", "P06"]


def test_a_lone_focus_group_takes_the_same_pseudonyms_in_code_and_pseudonymise(
    tmp_path: Path,
) -> None:
    """``roqa code --pseudonymise fg04.txt`` keyed its members P01-P04 (Will Turner took the
    group's number, P04), ``roqa pseudonymise fg04.txt`` P05-P08 (hunt s61 pseudo, 2)."""
    from roqa_nlp.autocoder import _study_pass

    path = write(tmp_path, "fg04.txt", GROUP + "Cy Roe: Hi.\nDee Fox: Hiya.\n")
    _, alone = pseudonymise(read_transcript(path), PseudonymKey())
    coded = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        _study_pass([path], None, coded)
    expected = {"Ada Lee": "P05", "Ben Ode": "P06", "Cy Roe": "P07", "Dee Fox": "P08"}
    assert (alone.pseudonyms, coded.pseudonyms) == (expected, expected)


def test_pseudonymising_a_study_makes_no_focus_group_anothers_case(tmp_path: Path) -> None:
    """As ``roqa code --pseudonymise`` reads a study: fg01's members keyed P01a-b made fg01 and
    p01 one case P01, warned of as a participant of two interviews."""
    from roqa_nlp.autocoder import _study_pass

    write(tmp_path, "fg01.txt", GROUP)
    write(tmp_path, "p01.txt", "Interviewer: Hi?\nP01: Hello.\n")
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        _, cases, _ = _study_pass([tmp_path], None, key)
    assert (cases.shared, key.pseudonyms) == ([], {"Ada Lee": "P02", "Ben Ode": "P03"})


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_the_pseudonyms_of_a_study_do_not_hang_on_the_order_of_its_files(
    tmp_path: Path, order: tuple[int, int]
) -> None:
    """Daniel Okoro was P01a or P03b, and the interviewer's row Helen Stafford-Jones or Helen
    Stafford-Jones (Host), by which file was given first (tester s61 focus, 6). Files are keyed
    in order of their names."""
    files = [
        write(tmp_path, "fg01.txt", "Helen Stafford-Jones: Welcome.\nAoife Ryan: Hi.\n"
              "Daniel Okoro: Hello.\n"),
        write(tmp_path, "fg03.txt", "Helen Stafford-Jones (Host): Welcome.\n"
              "Daniel Okoro: Hi again.\nZoë Adebayo: Hello.\n"),
    ]  # fmt: skip
    read = [read_transcript(f, interviewer_labels=["Helen Stafford-Jones"]) for f in files]
    _, key = pseudonymise([read[i] for i in order])
    assert list(key.pseudonyms.items()) == [
        ("Helen Stafford-Jones", "Interviewer"),
        ("Aoife Ryan", "P04"),
        ("Daniel Okoro", "P05"),
        ("Zoë Adebayo", "P06"),
    ]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_roqa_code_keys_a_study_in_one_order_whatever_the_order_of_its_files(
    tmp_path: Path, order: tuple[int, int]
) -> None:
    from roqa_nlp.autocoder import _study_pass

    files = [
        write(tmp_path, "fg01.txt", "Helen Stafford-Jones: Welcome.\nAoife Ryan: Hi.\n"
              "Daniel Okoro: Hello.\n"),
        write(tmp_path, "fg03.txt", "Helen Stafford-Jones (Host): Welcome.\n"
              "Daniel Okoro: Hi again.\nZoë Adebayo: Hello.\n"),
    ]  # fmt: skip
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        _study_pass([files[i] for i in order], ["Helen Stafford-Jones"], key)
    assert list(key.pseudonyms.items()) == [
        ("Helen Stafford-Jones", "Interviewer"),
        ("Aoife Ryan", "P04"),
        ("Daniel Okoro", "P05"),
        ("Zoë Adebayo", "P06"),
    ]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (2, 0, 1)])
def test_a_participant_without_a_number_takes_the_one_after_every_number_claimed_in_any_order(
    tmp_path: Path, order: tuple[int, int, int]
) -> None:
    """Read after p01's and p03's files, zoom_gurpreet's participant took P04; read before
    them, P02: the study's pseudonyms hung on the order of its files (tester s51 privacy, 9).
    She takes the number after the highest the key and the study's files claim, in any order;
    a number below it is never filled in (a withdrawn participant's, or another batch's)."""
    texts = {
        "Interview 03 - Rhiannon.txt": "Interviewer: Hi?\nRhiannon: Hello.\n",
        "p01_siobhan.txt": "Interviewer: Hi?\nSiobhán Ryan: Hello.\n",
        "zoom_gurpreet.txt": "Interviewer: Hi?\nGurpreet Sandhu: Hello.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = [tmp_path / name for name in texts]
    _, key = pseudonymise([read_transcript(files[i]) for i in order])
    assert key.pseudonyms == {
        "Rhiannon": "P03", "Siobhán Ryan": "P01", "Gurpreet Sandhu": "P04"
    }  # fmt: skip


def test_a_first_name_alone_is_replaced_only_where_that_person_speaks(tmp_path: Path) -> None:
    (tmp_path / "p01.txt").write_text("Interviewer: Hi Priya?\nPriya Nair: Hello.\n", "utf-8")
    (tmp_path / "p02.txt").write_text(
        "Interviewer: Who helped?\nP02: Priya, our nurse. Not Priya Nair from the other site.\n",
        "utf-8",
    )
    out, key = pseudonymise(read_transcript(tmp_path / n) for n in ("p01.txt", "p02.txt"))
    assert out[0].text == "Interviewer: Hi [P01]?\nP01: Hello.\n"
    assert out[1].text == (
        "Interviewer: Who helped?\nP02: Priya, our nurse. Not [P01] from the other site.\n"
    )
    key.add("Priya", "nurse")  # the researcher's row for her: that word, wherever it stands
    assert key.apply(out[1]).text == (
        "Interviewer: Who helped?\nP02: [nurse], our nurse. Not [P01] from the other site.\n"
    )


def test_a_one_word_name_in_the_key_is_matched_as_written_only() -> None:
    t = Transcript(
        "p03", "P03: Grace said the grace period helps.", [Turn("P03", "participant", 5, 39)]
    )
    (after,), _ = pseudonymise([t], PseudonymKey({"Grace": "deputy"}))
    assert after.text == "P03: [deputy] said the grace period helps."


def test_a_full_name_spelled_without_the_labels_extras_is_one_pseudonym(tmp_path: Path) -> None:
    path = tmp_path / "p06.txt"
    path.write_text(
        "Dr Helen Brookes: Hello?\nMaria Okafor (she/her): Helen Brookes asked me, Maria.\n",
        encoding="utf-8",
    )
    t = read_transcript(path, interviewer_labels=["Dr Helen Brookes"])
    (t,), _ = pseudonymise([t])
    assert t.text == "Interviewer: Hello?\nP06: [Interviewer] asked me, [P06].\n"


def test_two_interviewers_get_two_pseudonyms(tmp_path: Path) -> None:
    path = tmp_path / "p01.txt"
    path.write_text("Sam Roe: Hi?\nJo Fry: And how?\nAda Lee: Hello.\n", encoding="utf-8")
    t = read_transcript(path, interviewer_labels=["Sam Roe", "Jo Fry"])
    (t,), key = pseudonymise([t])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("Interviewer 2", "interviewer"),
        ("P01", "participant"),
    ]


def test_a_name_with_its_role_in_brackets_is_a_name_of_that_role(tmp_path: Path) -> None:
    path = tmp_path / "call.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Jane Smith (Interviewer)>What helps?</v>\n\n"
        "00:00:05.000 --> 00:00:09.000\n<v Bob Jones>Jane, the training helps.</v>\n",
        encoding="utf-8",
    )
    (t,), key = pseudonymise([read_transcript(path)])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P01", "participant"),
    ]
    assert key.get("Jane Smith (Interviewer)") == "Interviewer"
    assert "Jane" not in t.text and "Smith" not in t.text
    assert t.text.endswith("[Interviewer], the training helps.")


def test_role_labels_are_not_names_and_stay(tmp_path: Path) -> None:
    path = tmp_path / "p04.txt"
    text = "Interviewer: How is it going?\nP04: Fine. Speaker 2 and the Registered Manager agree.\n"
    path.write_text(text, encoding="utf-8")
    (t,), key = pseudonymise([read_transcript(path)])
    assert t.text == text
    assert len(key) == 0


def test_a_label_made_of_role_words_is_replaced_as_a_label_only(tmp_path: Path) -> None:
    path = tmp_path / "p05.txt"
    path.write_text(
        "Interviewer: Who decides?\nRegistered Manager: The registered manager decides.\n",
        encoding="utf-8",
    )
    (t,), _ = pseudonymise([read_transcript(path)])
    assert t.text == "Interviewer: Who decides?\nP05: The registered manager decides.\n"


def test_name_parts_leave_out_honorifics_roles_devices_and_initials() -> None:
    assert name_parts("Dr Maria Okafor's iPhone") == ["Maria", "Okafor"]
    assert name_parts("J. Smith (Registered Manager)") == ["Smith"]
    assert name_parts("Host") == []
    assert name_parts("Maria Okafor (she/her)") == ["Maria", "Okafor"]


def test_a_key_read_again_gives_the_same_pseudonyms(zoom: Path, tmp_path: Path) -> None:
    path = tmp_path / "keys" / "key.csv"
    path.parent.mkdir()
    _, key = pseudonymise([read_zoom(zoom)], PseudonymKey.read(path))  # no file yet: empty key
    key.write(path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfname,pseudonym\n")
    again = PseudonymKey.read(path)
    assert again.pseudonyms == key.pseudonyms and again.added == []
    (t,), again = pseudonymise([read_zoom(zoom)], again)
    assert again.added == [] and t.participant == "P07"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("who,alias\nAda,P1\n", "not a pseudonym key: it needs the columns name and pseudonym"),
        ("name,pseudonym\nAda Lee,\n", "row 2: no pseudonym"),
        ("name,pseudonym\nAda Lee,P1\nada lee,P2\n", "row 3: 'ada lee' has two pseudonyms"),
    ],
)
def test_a_bad_key_is_a_one_line_error_naming_the_row(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "key.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert str(e.value).startswith(f"{path}: {message}")
    assert "\n" not in str(e.value)


def test_a_semicolon_key_from_excel_reads(tmp_path: Path) -> None:
    path = tmp_path / "key.csv"
    path.write_bytes("\ufeffname;pseudonym\r\nAmélie Roux;P02\r\n".encode())
    assert PseudonymKey.read(path).pseudonyms == {"Amélie Roux": "P02"}


def test_names_match_in_any_case_and_spacing() -> None:
    key = PseudonymKey()
    key.add("Ada  Lee", "P1")
    assert key.get("ADA LEE") == "P1" and key.pseudonyms == {"Ada Lee": "P1"}


def test_a_file_name_holding_a_name_is_renamed_and_said(tmp_path: Path) -> None:
    """The name stayed in the id and source, which every output carries, with a warning only
    (tester s37 privacy, 1): it is replaced as in the talk (tests/test_pseudonym_file_names.py)."""
    path = tmp_path / "okafor_interview.txt"
    path.write_text("Interviewer: Hi?\nMaria Okafor: Hello.\n", encoding="utf-8")
    with pytest.warns(
        RoqaWarning,
        match=r"okafor_interview.txt: the file.s name holds a name of the pseudonym key "
        r"\(Okafor\), so the outputs name the transcript 'P01_interview'",
    ):
        (t,), _ = pseudonymise([read_transcript(path)])
    assert (t.id, t.source, t.participant) == ("P01_interview", "P01_interview.txt", "P01")


def test_a_speakers_name_in_the_file_name_is_warned_of_without_a_key(tmp_path: Path) -> None:
    """zoom_denise_okoro.vtt coded without a key: the case label, segment ids and report all
    carried her name, and nothing said so (session 27)."""
    import warnings

    from roqa_nlp.transcripts.language import name_in_file_warning

    path = tmp_path / "zoom_denise_okoro.vtt"
    path.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nInterviewer: What helps?\n\n"
        "00:00:04.000 --> 00:00:08.000\nDenise Okoro: The team does.\n",
        encoding="utf-8",
    )
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(path)
    assert [str(w.message) for w in caught if "file's name" in str(w.message)] == [
        f"{path}: the file's name holds a speaker's name (Denise, Okoro), and the outputs name "
        "the transcript by it (its case, segment ids, the report): rename the file by the "
        "participant's number (e.g. p07.vtt) or code with --pseudonymise KEY.csv"
    ]
    assert name_in_file_warning(t) == str(caught[0].message)
    # a role or number label, a name the file does not hold, a name that is a common word: none
    for name, speaker in (
        ("p04_interview.txt", "P04"),
        ("participant_interview.txt", "Participant"),
        ("p05.txt", "Denise Okoro"),
        ("will_may.txt", "Will May"),
    ):
        f = tmp_path / name
        f.write_text(f"Interviewer: What helps?\n{speaker}: The team does.\n", encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert name_in_file_warning(read_transcript(f)) is None, name


def test_a_key_gives_one_person_one_pseudonym_under_any_spelling() -> None:
    """add('Maria Okafor', 'P08') was accepted beside 'Maria Okafor (she/her)' = P07, and the
    bare name then had P08 (session 27)."""
    key = PseudonymKey()
    key.add("Maria Okafor (she/her)", "P07")
    with pytest.raises(RoqaError) as caught:
        key.add("Maria Okafor", "P08")
    assert str(caught.value) == (
        "'Maria Okafor' is 'P07' in the pseudonym key already (under another spelling of the "
        "name), so cannot be 'P08' (give one person one pseudonym: use the key's, or change its "
        "row)"
    )
    key.add("Maria Okafor", "P07")  # the same pseudonym: another spelling's row
    assert (key.get("Maria Okafor"), key.get("Maria Okafor (she/her)")) == ("P07", "P07")


def test_a_key_file_path_or_a_lone_transcript_is_taken_or_refused_in_one_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p01.txt"
    path.write_text("Interviewer: Hi?\nMaria Okafor: Hello.\n", encoding="utf-8")
    t = read_transcript(path)
    (alone,), key = pseudonymise(t)  # one transcript alone
    assert [u.speaker for u in alone.turns] == ["Interviewer", "P01"]
    assert names_to_check(alone, key) == names_to_check([alone], key)
    with pytest.raises(RoqaError) as caught:
        pseudonymise([t], "key.csv")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "pseudonymise(): the pseudonym key is a str, not a PseudonymKey (read it with key = "
        "PseudonymKey.read('key.csv'), and keep its new speakers with key.write('key.csv'))"
    )
    with pytest.raises(RoqaError, match=r"names_to_check\(\) takes transcripts, not a str"):
        names_to_check("p01.txt")  # type: ignore[arg-type]


def test_no_name_is_left_in_what_the_reading_recorded(tmp_path: Path) -> None:
    """transcripts.jsonl kept 'interviewer_from_study': ['Sam Roe'] and the words of a cue
    block without a timing line, names and all, after pseudonymising (session 27)."""
    sam = [
        ("Sam Roe", "Can you hear me?"),
        ("Jo Bell", "Yes, loud and clear, thanks."),
        ("Sam Roe", "Right. What helped the care plans along?"),
        ("Jo Bell", "The training days, mostly, and a manager who backed us."),
        ("Sam Roe", "And what got in the way?"),
        ("Jo Bell", "Staffing. We were two carers short all winter."),
    ]
    back = [
        ("Sam Roe", "Thanks for joining. Happy to start?"),
        ("Ada Lee", "Yes. Who else are you talking to? Managers only?"),
        ("Sam Roe", "Mostly managers. Is that all right?"),
        ("Ada Lee", "Fine. Will my trust be named? I want to be honest."),
        ("Sam Roe", "No, everything is anonymised."),
        ("Ada Lee", "Good, because we were four nurses short all year."),
    ]
    # a chat message pasted in: its sender's name is kept in the metadata too (session 34)
    chat = "10:22:05 From Jo Bell : sorry my camera froze\n"
    (tmp_path / "p01.txt").write_text("".join(f"{a}: {w}\n" for a, w in sam) + chat, "utf-8")
    (tmp_path / "p02.txt").write_text("".join(f"{a}: {w}\n" for a, w in back), "utf-8")
    (tmp_path / "p03.vtt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSam Roe: What helped?\n\n"
        "00:00:05.000 --> 00:00:09.000\nKim Wu: The manager.\n\n"
        "Kim Wu: And Sam Roe's visit.\n",
        "utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        transcripts = read_transcripts(tmp_path)
        assert transcripts[1].metadata["interviewer_from_study"] == ["Sam Roe"]
        assert transcripts[2].metadata["blocks_read_without_timing"] == [
            "Kim Wu: And Sam Roe's visit."
        ]
        done, _ = pseudonymise(transcripts)
    assert done[1].metadata["interviewer_from_study"] == ["Interviewer"]
    assert done[2].metadata["blocks_read_without_timing"] == ["P03: And Interviewer's visit."]
    assert transcripts[0].metadata["zoom_chat"] == ["10:22:05 From Jo Bell"]
    assert done[0].metadata["zoom_chat"] == ["10:22:05 From P01"]
    for t in done:
        assert not re.search(r"Sam|Roe|Kim|Wu|Jo Bell|Ada", json.dumps(t.metadata)), t.metadata


def test_a_chat_sender_who_speaks_under_no_label_gets_a_pseudonym_and_is_told_of(
    tmp_path: Path,
) -> None:
    """Speakers labelled by study id, a real name in the chat lines: the name stayed in the
    shared copy and in the metadata, and nothing said so (session 34 tester P)."""
    f = tmp_path / "p03.txt"
    f.write_text(
        "Interviewer: What gets in the way?\nP03: Staffing, mostly.\n"
        "10:05:40 From Margaret Okafor : sorry my camera froze\n"
        "Interviewer: And what helps?\nP03: The training days.\n"
        "10:07:02 From Margaret Okafor to Everyone: back now\n",
        "utf-8",
    )
    key = PseudonymKey()
    with pytest.warns(RoqaWarning) as caught:
        done = key.apply(read_transcript(f))
    assert [str(w.message) for w in caught] == [
        f"{f}: 'Margaret Okafor' typed in the call's chat but speaks under no label, so is "
        "'Chat sender 1': if they are a speaker (e.g. the participant), give them that "
        "speaker's pseudonym in the key and run again"
    ]
    assert key.get("Margaret Okafor") == "Chat sender 1"
    assert "Okafor" not in done.text and "Okafor" not in json.dumps(done.metadata)
    assert done.metadata["zoom_chat"] == [
        "10:05:40 From Chat sender 1",
        "10:07:02 From Chat sender 1 to Everyone",
    ]
    # given the participant's pseudonym in the key, the name becomes it, and nothing is said
    key = PseudonymKey()
    key.add("Margaret Okafor", "P03")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        done = key.apply(read_transcript(f))
    assert done.metadata["zoom_chat"][0] == "10:05:40 From P03"
    # a copy pseudonymised before keeps its chat sender's pseudonym, and nothing is said
    copy = tmp_path / "copy" / "p03.txt"
    copy.parent.mkdir()
    copy.write_text(f.read_text("utf-8").replace("Margaret Okafor", "Chat sender 1"), "utf-8")
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        again = key.apply(read_transcript(copy))
    assert again.metadata["zoom_chat"][0] == "10:05:40 From Chat sender 1"
    assert key.get("Chat sender 1") is None


# names that are no English stop word ("Be" is not taken for a name: see name_parts; a name
# that is also a common word, "All", "Will", follows the sentence-start rule tested below)
_NAME = (
    st.text(alphabet="abcdefgjkl", min_size=2, max_size=6)  # never "Hi", the greeting below
    .map(str.capitalize)
    .filter(lambda n: name_parts(n) == [n] and not _is_common_word(n))
)


def test_a_name_that_is_a_common_word_stays_at_a_sentence_start_before_a_determiner() -> None:
    """The case the property test below drew once ("All Aa" saying "All All"): a name that is
    also an English word opening a sentence before a determiner is read as the word."""
    full = "All Aa"
    text = f"Interviewer: Hi {full}?\n\n{full}: All All"
    turns = [
        Turn("Interviewer", "interviewer", 13, 13 + len(f"Hi {full}?")),
        Turn(full, "participant", len(text) - len("All All"), len(text)),
    ]
    t = Transcript("p02", text, turns, source="p02.txt", participant="P02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t])
    assert after.turn_text(after.turns[1]) == "All [P02]"
    assert after.turn_text(after.turns[0]) == "Hi [P02]?"


_FILLER = st.sampled_from(["well", "the team", "and so", "it was hard", "yes"])


@settings(max_examples=60, deadline=None)
@given(
    first=_NAME,
    last=_NAME,
    words=st.lists(st.one_of(_FILLER, st.just("NAME")), min_size=1, max_size=12),
)
def test_no_part_of_a_speakers_name_is_left_and_turns_stay_whole(
    first: str, last: str, words: list[str]
) -> None:
    assume(first != last)
    full = f"{first} {last}"
    talk = " ".join(first if w == "NAME" else w for w in words)
    text = f"Interviewer: Hi {full}?\n\n{full}: {talk}"
    turns = [
        Turn("Interviewer", "interviewer", 13, 13 + len(f"Hi {full}?")),
        Turn(full, "participant", len(text) - len(talk), len(text)),
    ]
    t = Transcript("p02", text, turns, source="p02.txt", participant="P02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t])
    for part in (first, last):
        assert re.search(rf"(?<!\w){part}(?!\w)", after.text) is None
    expected = " ".join("[P02]" if w == "NAME" else w for w in words)
    expected = re.sub(r"\[P02\](?: \[P02\])+", "[P02]", expected)  # "Ada Ada": one person
    assert after.turn_text(after.turns[1]) == expected
    assert after.turn_text(after.turns[0]) == "Hi [P02]?"


# -- the command line -----------------------------------------------------------------------------


@pytest.mark.slow
def test_roqa_code_pseudonymise_leaves_no_name_in_any_output(
    zoom: Path, tmp_path: Path, tiny_model_dir: Path
) -> None:
    key = tmp_path / "private" / "key.csv"
    key.parent.mkdir()
    key.write_text("name,pseudonym\nTom Hale,nominated individual\n", encoding="utf-8")
    out = tmp_path / "out"
    run = roqa(
        "code", zoom, "--out", out, "--model", tiny_model_dir, "--interviewer",
        "Dr Helen Brookes", "--pseudonymise", key, "--qdpx", tmp_path / "study.qdpx",
    )  # fmt: skip
    assert run.code == 0, run.err
    # 4 labels; Maria, Helen, Maria, Tom Hale, Brookes, MARIA OKAFOR in the talk
    assert (
        "Pseudonyms: 10 name(s) replaced in the transcripts' text, labels included; 2 new name(s) added"
        in " ".join(run.out.split())
    )
    assert PseudonymKey.read(key).pseudonyms == {
        "Tom Hale": "nominated individual",
        "Dr Helen Brookes": "Interviewer",
        "Maria Okafor": "P07",
    }
    outputs = [*out.iterdir(), tmp_path / "study.qdpx"]
    assert {p.name for p in outputs} >= {"codings.jsonl", "report.html", "transcripts.jsonl"}
    for p in outputs:
        data = p.read_bytes()
        if p.suffix == ".qdpx":
            import zipfile

            with zipfile.ZipFile(p) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        for name in (b"Maria", b"Okafor", b"Helen", b"Brookes", b"Tom Hale", b"MARIA"):
            assert name not in data, (p.name, name)
    # a second run with the key adds nobody and writes the same text
    first = (out / "transcripts.jsonl").read_text("utf-8")
    run = roqa(
        "code", zoom, "--out", tmp_path / "again", "--model", tiny_model_dir, "--interviewer",
        "Dr Helen Brookes", "--pseudonymise", key, "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "new name(s) added" not in run.out
    assert (
        f"Pseudonyms: 10 name(s) replaced in the transcripts' text, labels included; no new name in {key}."
        in " ".join(run.out.split())
    )
    assert (tmp_path / "again" / "transcripts.jsonl").read_text("utf-8") == first


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--pseudonymise", "{out}/key.csv"), "the pseudonym key is inside the output folder"),
        (
            ("--pseudonymise", "{tmp}/key.csv", "--engine", "ray"),
            "--pseudonymise numbers the study's speakers in one pass",
        ),
    ],
)
def test_roqa_code_refuses_a_key_it_cannot_keep_private(
    zoom: Path, tmp_path: Path, extra: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "out"
    args = [a.format(out=out, tmp=tmp_path) for a in extra]
    run = roqa("code", zoom, "--out", out, *args)
    assert run.code == 2
    assert message in " ".join(run.err.split())
    assert "Traceback" not in run.err
    assert not out.exists() and not (tmp_path / "key.csv").exists()


@pytest.mark.slow
def test_autocoder_code_pseudonymises_transcripts_it_is_given(zoom: Path, tiny_model) -> None:
    key = PseudonymKey()
    result = tiny_model.code([read_zoom(zoom)], pseudonyms=key)
    assert key.pseudonyms == {"Dr Helen Brookes": "Interviewer", "Maria Okafor": "P07"}
    assert [s.segment.speaker for s in result.segments] == ["P07", "P07"]
    assert result.transcripts["zoom_p07"].text.startswith("Interviewer: Thanks for joining, [P07].")
    assert all("Maria" not in s.segment.text and "Helen" not in s.segment.context for s in result)


@pytest.mark.slow
def test_the_studys_interviewer_is_not_coded_where_no_one_asks_clearly(
    tmp_path: Path, tiny_model
) -> None:
    """Sam Roe asks in p01; in p02 Ada Lee asks back as often, so only the study says Sam Roe
    interviews there: none of his talk is coded, and the key gives him Interviewer (his turns
    there were coded, labelled Interviewer, as a participant's)."""
    import warnings

    from test_transcripts import ADA_ASKS_BACK, SAM_ASKS

    for name, turns in (("p01_zoom.txt", SAM_ASKS), ("p02_zoom.txt", ADA_ASKS_BACK)):
        (tmp_path / name).write_text("".join(f"{s}: {w}\n" for s, w in turns), "utf-8")
    key = PseudonymKey()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = tiny_model.code([tmp_path], pseudonyms=key)
    assert key.pseudonyms == {"Sam Roe": "Interviewer", "Jo Bell": "P01", "Ada Lee": "P02"}
    assert {s.segment.speaker for s in result.segments} == {"P01", "P02"}
    assert result.transcripts["p02_zoom"].text.startswith("Interviewer: Thanks for joining.")


def test_roqa_pseudonymise_writes_text_that_reads_back_as_the_pseudonymised_transcript(
    zoom: Path, tmp_path: Path
) -> None:
    docx = Path(__file__).resolve().parents[1] / "examples" / "interviews" / "p03_interview.docx"
    key = tmp_path / "key.csv"
    out = tmp_path / "shared"
    run = roqa(
        "pseudonymise", zoom, docx, "--key", key, "--out", out, "--interviewer", "Dr Helen Brookes"
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == ["p03_interview.txt", "zoom_p07.txt"]
    assert (out / "zoom_p07.txt").read_text("utf-8") == PSEUDONYMISED_TEXT.replace(
        "[nominated individual]", "Tom Hale"
    ) + "\n"
    pseudonyms = PseudonymKey.read(key)
    assert pseudonyms.pseudonyms == {"Dr Helen Brookes": "Interviewer", "Maria Okafor": "P07"}
    for source, written in ((zoom, "zoom_p07.txt"), (docx, "p03_interview.txt")):
        expected = pseudonyms.apply(read_zoom(source))
        got = read_transcript(out / written)
        assert got.text == expected.text + "\n"  # the copy's final newline (session 55)
        assert [(t.speaker, t.role, t.start, t.end) for t in got.turns] == [
            (t.speaker, t.role, t.start, t.end) for t in expected.turns
        ]
        assert got.participant == expected.participant


def test_roqa_pseudonymise_ends_each_copy_with_one_newline(zoom: Path, tmp_path: Path) -> None:
    """Tester, session 55: the copies ended with their last word ("... for cover."), so `cat
    shared/*.txt` ran one transcript into the next. A .txt ending with a newline keeps one."""
    study = tmp_path / "study"
    study.mkdir()
    zoom.rename(study / zoom.name)
    write(study, "p02.txt", "Interviewer: Hi?\n\nAda Lee: Hello.\n")
    out = tmp_path / "shared"
    run = roqa(
        "pseudonymise", study, "--key", tmp_path / "key.csv", "--out", out,
        "--interviewer", "Dr Helen Brookes",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert (out / "p02.txt").read_bytes() == b"Interviewer: Hi?\n\nP02: Hello.\n"
    assert (out / "zoom_p07.txt").read_bytes().endswith(b"for the consent form.\n")
    got = read_transcript(out / "zoom_p07.txt")
    assert got.turns[-1].end == len(got.text) - 1  # the last turn's words end where they did


SHARED_WITH_ORIGINALS = (
    "the folder of the transcripts being pseudonymised: the copies to share would sit beside "
    "the originals, which name people (give --out a folder outside it)"
)


def test_roqa_pseudonymise_never_overwrites_a_transcript(tmp_path: Path) -> None:
    """The folder read is refused as --out before a copy would overwrite its p01.txt (the
    error was "would overwrite a transcript it reads" until session 55, which refuses the
    folder whatever its files are called)."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "p01.txt"
    path.write_text("Interviewer: Hi?\nAda Lee: Hello.\n", encoding="utf-8")
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", folder)
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {folder}: --out is {SHARED_WITH_ORIGINALS}\n",
    )
    assert path.read_text("utf-8") == "Interviewer: Hi?\nAda Lee: Hello.\n"
    assert not key.exists()


@pytest.mark.parametrize("given", ["folder", "file"])
def test_roqa_pseudonymise_refuses_the_folder_of_the_transcripts_as_out(
    zoom: Path, tmp_path: Path, given: str
) -> None:
    """Tester, session 55: `roqa pseudonymise ps/ --out ps/` exited 0 and wrote zoom_p07.txt
    (P07) beside zoom_p07.vtt (Maria Okafor's name): the folder meant for sharing held the
    names. Refused before the key or any copy is written, the folder given or a file in it."""
    key = tmp_path / "key.csv"
    source = tmp_path if given == "folder" else zoom
    run = roqa("pseudonymise", source, "--key", key, "--out", tmp_path)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {tmp_path}: --out is {SHARED_WITH_ORIGINALS}\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zoom_p07.vtt"]


def test_roqa_pseudonymise_refuses_out_inside_the_folder_of_the_transcripts(
    zoom: Path, tmp_path: Path
) -> None:
    """A subfolder is not read as transcripts, but shared it would still be kept in among the
    originals (session 55); it is refused before it is made."""
    key = tmp_path.parent / f"{tmp_path.name}_key.csv"
    out = tmp_path / "shared"
    run = roqa("pseudonymise", tmp_path, "--key", key, "--out", out)
    assert (run.code, run.out, run.err) == (
        2,
        "",
        f"roqa: error: {out}: --out is inside {tmp_path}, the folder of the transcripts being "
        "pseudonymised: the copies to share would be kept in among the originals, which name "
        "people (give --out a folder outside it)\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["zoom_p07.vtt"]
    assert not key.exists()


# -- the audit's cases --------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_full_names_are_replaced_in_interviews_read_before_their_persons_own(
    tmp_path: Path,
) -> None:
    key = tmp_path / "key.csv"
    study = tmp_path / "study"  # --out is not inside the folder read (session 55)
    study.mkdir()
    write(study, "p01.txt", "Interviewer: Who helped?\nP01: Maria Okafor visited us.\n")
    write(study, "p02.txt", "Interviewer: Hi?\nMaria Okafor (she/her): Hello.\n")
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p01.txt").read_text("utf-8") == (
        "Interviewer: Who helped?\nP01: [P02] visited us.\n"
    )


def test_a_full_name_without_the_labels_extras_is_replaced_in_every_interview() -> None:
    talk = "Maria Okafor and Maria  Okafor, Maria\nOkafor; Helen Brookes. Maria stays."
    t = Transcript("p05", f"P05: {talk}", [Turn("P05", "participant", 5, 5 + len(talk))])
    key = PseudonymKey({"Maria Okafor (she/her)": "P07", "Dr Helen Brookes": "Interviewer"})
    (after,), _ = pseudonymise([t], key)
    assert after.turn_text(after.turns[0]) == "[P07] and [P07], [P07]; [Interviewer]. Maria stays."


def test_a_first_name_that_is_a_word_is_replaced_away_from_a_sentence_start(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p13.txt",
        "Interviewer: Hi Will? Will it work?\n"
        "Will Turner: Will it? Thanks for asking, Will. Ask Bill. Will is fine.\n",
    )
    (t,), key = pseudonymise([read_transcript(path)], PseudonymKey({"Bill": "deputy"}))
    assert t.text == (
        "Interviewer: Hi [P13]? Will it work?\nP13: Will it? Thanks for asking, [P13]. Ask "
        "[deputy]. [P13] is fine.\n"
    )


def test_an_all_caps_label_replaces_the_name_as_the_talk_writes_it(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "p12.txt",
        "Interviewer: Thanks Mary-Jane. And Mrs O’Neill, is Mary Jane right?\n"
        "MARY-JANE O'NEILL: Yes. Mary is fine. Lee Wong too.\n",
    )
    (t,), _ = pseudonymise([read_transcript(path)])
    assert t.text == (
        "Interviewer: Thanks [P12]. And Mrs [P12], is [P12] right?\nP12: Yes. [P12] is fine. Lee "
        "Wong too.\n"
    )


def test_a_name_opening_a_line_of_talk_is_bare_so_the_copy_reads_back_the_same(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "p15.txt",
        "Helen Brookes: Thanks, Rose. How did it fit?\n"
        "Rose Smith: It fit well.\nRose was my mum's name too.\nHelen told me.\n",
    )
    t = read_transcript(path, interviewer_labels=["Helen Brookes"])
    (after,), _ = pseudonymise([t])
    assert after.text == (
        "Interviewer: Thanks, [P15]. How did it fit?\n"
        "P15: It fit well.\nP15 was my mum's name too.\nInterviewer told me.\n"
    )
    copy = (
        write(tmp_path / "copy", "p15.txt", after.text)
        if (tmp_path / "copy").mkdir() is None
        else None
    )
    assert copy is not None
    again = read_transcript(copy)
    assert [(u.speaker, u.role, u.start, u.end) for u in again.turns] == [
        (u.speaker, u.role, u.start, u.end) for u in after.turns
    ]


LINE_START_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:05.000
Helen Stafford-Jones: What helped your team most?

2
00:00:06.000 --> 00:00:12.000
Daniel Okoro: Training, mostly.

3
00:00:12.100 --> 00:00:12.400
Helen Stafford-Jones: Mm-hmm.

4
00:00:12.500 --> 00:00:20.000
Daniel Okoro: Marcus Bell, my deputy, coached people. Priya Raman, too.

5
00:00:20.500 --> 00:00:21.000
Helen Stafford-Jones: Right.

6
00:00:21.500 --> 00:00:25.000
Daniel Okoro: Marcus Bell coached me as well.
"""


def test_a_name_opening_a_line_of_talk_keeps_its_brackets_where_it_reads_as_no_label(
    tmp_path: Path,
) -> None:
    """Tester s61 focus, 5: a keyed name opening the second line of an answer (cues joined
    across the interviewer's 'Mm-hmm.') was 'deputy manager, my deputy, coached people',
    the placeholder read as the speaker's words; it is bracketed as anywhere in the talk. Only
    where the bracketed pseudonym would read back as a speaker label ('[P15] was', above) does
    it stand bare. The copy reads back as the same turns, at the same offsets."""
    path = write(tmp_path, "fg_linestart.vtt", LINE_START_VTT)
    t = read_transcript(path, interviewer_labels=["Helen Stafford-Jones"])
    key = PseudonymKey(
        {
            "Marcus Bell": "deputy manager",
            "Helen Stafford-Jones": "Interviewer",
            "Daniel Okoro": "P01",
            "Priya Raman": "P02",
        }
    )
    (after,), _ = pseudonymise([t], key)
    assert [after.turn_text(u) for u in after.turns] == [
        "What helped your team most?",
        "Training, mostly.\n[deputy manager], my deputy, coached people. [P02], too.\n"
        "[deputy manager] coached me as well.",
    ]
    (tmp_path / "copy").mkdir()
    again = read_transcript(write(tmp_path / "copy", "fg_linestart.txt", after.text))
    assert again.text == after.text
    assert [(u.speaker, u.role, u.start, u.end) for u in again.turns] == [
        (u.speaker, u.role, u.start, u.end) for u in after.turns
    ]


def test_an_interviewer_keyed_as_a_participant_is_warned_of(tmp_path: Path) -> None:
    path = write(tmp_path, "p01.txt", "Sam Roe: How is it?\nAda Lee: Fine.\n")
    t = read_transcript(path, interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning, match="interviewer the participant pseudonym P12: change"):
        pseudonymise([t], PseudonymKey({"Sam Roe": "P12"}))


def test_a_bracketed_pseudonym_in_the_key_keeps_its_number_taken(tmp_path: Path) -> None:
    path = write(tmp_path, "zoom_p07.txt", "Interviewer: Hi?\nAda Lee: Hello.\n")
    (t,), key = pseudonymise([read_transcript(path)], PseudonymKey({"Maria Okafor": "[P07]"}))
    assert key.get("Ada Lee") == "P08" and t.participant == "P08"


def test_a_one_word_display_name_is_replaced_only_where_that_person_speaks(
    tmp_path: Path,
) -> None:
    one = write(tmp_path, "p01.txt", "Interviewer: Hi Rose?\nRose: Hello.\n")
    two = write(tmp_path, "p02.txt", "Interviewer: And costs?\nP02: They rose by ten. Rose too.\n")
    out, _ = pseudonymise([read_transcript(one), read_transcript(two)])
    assert out[0].text == "Interviewer: Hi [P01]?\nP01: Hello.\n"
    assert out[1].text == "Interviewer: And costs?\nP02: They rose by ten. Rose too.\n"


def test_a_folder_named_after_a_person_is_not_recorded(tmp_path: Path) -> None:
    """The folder's name was in the source every output carries, with a warning only (tester
    s37 privacy, 1): a pseudonymised transcript's source is its file name."""
    folder = tmp_path / "Priya Nair"
    folder.mkdir()
    path = write(folder, "p18.txt", "Interviewer: Hi?\nPriya Nair: Hello.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        (t,), _ = pseudonymise([read_transcript(path)])
    assert (t.id, t.source) == ("p18", "p18.txt")


def test_decomposed_accents_in_the_talk_are_the_same_name() -> None:
    talk = "Thanks, Zoe\u0308 Ni\u0301 Bhriain. Ms Ni\u0301 Bhriain is not her full name."
    t = Transcript("p32", f"P32: {talk}", [Turn("P32", "participant", 5, 5 + len(talk))])
    (after,), _ = pseudonymise([t], PseudonymKey({"Zoë Ní Bhriain": "manager"}))
    # her surname after a title is hers too (session 39), all its words, decomposed as it is
    assert after.turn_text(after.turns[0]) == (
        "Thanks, [manager]. Ms [manager] is not her full name."
    )


def test_pseudonymise_registers_every_speaker_before_rewriting(tmp_path: Path) -> None:
    first = write(tmp_path, "p01.txt", "Interviewer: Who?\nP01: Maria Okafor helped.\n")
    second = write(tmp_path, "p02.txt", "Interviewer: Hi?\nMaria Okafor: Hello.\n")
    out, _ = pseudonymise([read_transcript(first), read_transcript(second)])
    assert out[0].text == "Interviewer: Who?\nP01: [P02] helped.\n"


def test_a_key_role_mismatch_is_warned_of_once_per_transcript(tmp_path: Path) -> None:
    path = write(tmp_path, "p01.txt", "Sam Roe: How is it?\nAda Lee: Fine.\n")
    t = read_transcript(path, interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning) as got:
        pseudonymise([t], PseudonymKey({"Sam Roe": "P12"}))  # registers, then rewrites
    assert [str(w.message).count("participant pseudonym P12") for w in got] == [1]


def test_a_segment_keeps_the_time_of_its_own_cue_when_names_before_it_are_replaced(
    tmp_path: Path,
) -> None:
    """A turn of two Zoom cues, the first naming someone: after pseudonymising, the sentence of
    the second cue is still cited at that cue's time, not the turn's."""
    from roqa_nlp import segment

    path = tmp_path / "zoom_p07.vtt"
    path.write_text(
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:05.000\nDr Helen Brookes: What helps?\n\n"
        "00:00:06.000 --> 00:00:20.000\nMaria Okafor: Our nominated individual Tom Hale backs us.\n\n"
        "00:01:05.000 --> 00:01:20.000\nMaria Okafor: Supervision every six weeks helps most.\n",
        encoding="utf-8",
    )
    (t,), _ = pseudonymise([read_zoom(path)], PseudonymKey({"Tom Hale": "nominated individual"}))
    got = [(s.text, s.begin_time, s.end_time) for s in segment(t, unit="sentence")]
    assert got == [
        ("Our nominated individual [nominated individual] backs us.", 6.0, 20.0),
        ("Supervision every six weeks helps most.", 65.0, 80.0),
    ]


# -- words that may still name someone ---------------------------------------------------------


def talk(tid: str, *said: str) -> Transcript:
    """A transcript of participant turns, one per string."""
    text, turns = "", []
    for words in said:
        start = len(text) + len("P01: ")
        text += f"P01: {words}\n"
        turns.append(Turn("P01", "participant", start, start + len(words)))
    return Transcript(tid, text, turns)


def test_names_to_check_lists_capitalised_words_within_a_sentence() -> None:
    one = talk(
        "p01",
        "I asked Priya and then Priya's manager in Leeds. Priya said no.",
        "We moved on Monday, and the British and NHS rules, GPs, Mr Hale, the Recovery College.",
        "The recovery college is good. I'm sure [P07] and [inaudible] Zed agreed.",
    )
    two = talk("p02", "We went to Leeds with Punjabi-speaking staff and Hale.")
    found = names_to_check([one, two])
    assert [(f.word, f.count, f.transcripts) for f in found] == [
        ("Hale", 2, ("p01", "p02")),  # after a title, a person's: first (session 73)
        ("Priya", 3, ("p01",)),  # Priya's counts, and so does Priya opening a sentence
        ("Leeds", 2, ("p01", "p02")),
        ("Zed", 1, ("p01",)),  # the bracketed notes before it are left out, not it
    ]


def test_names_to_check_leaves_out_what_the_key_replaced_and_its_pseudonyms() -> None:
    t = talk("p01", "I asked Priya and Tom Hale, then Leeds said so.")
    key = PseudonymKey({"Tom Hale": "nominated individual", "Priya": "nurse"})
    # before pseudonymising, the names are still there to check, the key's words first
    assert [f.word for f in names_to_check([t], key)] == ["Hale", "Priya", "Tom", "Leeds"]
    (after,), key = pseudonymise([t], key)
    assert after.text == "P01: I asked [nurse] and [nominated individual], then Leeds said so.\n"
    assert [f.word for f in names_to_check([after], key)] == ["Leeds"]


def test_a_part_of_a_name_the_key_holds_that_is_still_in_the_talk_is_listed() -> None:
    """A row for Eleanor Fairbairn replaces her full name, and her surname alone after a title
    (session 39), and her given name alone (session 43: a row for someone who speaks nowhere,
    no one else of the key named Eleanor); her surname alone without a title is not replaced
    (it may be a word, a place or someone else), so it is listed, not hidden because the key
    holds her name."""
    t = talk(
        "p09",
        "Eleanor Fairbairn started it. Honestly Eleanor's been key, Fairbairn too, and Mrs "
        "Fairbairn.",
    )
    key = PseudonymKey({"Eleanor Fairbairn": "deputy"})
    (after,), key = pseudonymise([t], key)
    assert after.text == (
        "P01: [deputy] started it. Honestly [deputy]'s been key, Fairbairn too, and Mrs [deputy].\n"
    )
    assert [f.word for f in names_to_check([after], key)] == ["Fairbairn"]


def test_a_word_also_written_in_lower_case_anywhere_is_not_listed() -> None:
    a = talk("p01", "Staff at the Bridge House said so.")
    b = talk("p02", "We crossed the bridge. Ann was there on Sundays, and Ann came.")
    a_word = talk("p01", "Staff at the Bridge Project said so.")  # no ward_name_ends word
    assert [f.word for f in names_to_check([a_word])] == ["Bridge", "Project"]
    assert [(f.word, f.count) for f in names_to_check([a_word, b])] == [("Ann", 2), ("Project", 1)]
    # a home's name is listed whole, though its first word is written in lower case (s76)
    assert [f.word for f in names_to_check([a, b])] == ["Ann", "Bridge House"]
    # only ever first: an uncommon name is not listed, a common given name is (s77, H6)
    assert names_to_check([talk("p03", "Tamsin said so. Tamsin agreed.")]) == []
    assert [
        (f.word, f.count) for f in names_to_check([talk("p03", "Ann said so. Ann agreed.")])
    ] == [("Ann", 2)]


def test_a_short_name_ending_in_s_is_no_plural_of_a_stop_word() -> None:
    """Tester s57 privacy, LOW 3: "Des" (a service user's nickname) was never listed, read as a
    plural of the stop word "de"; so were "Wes" and "Les". A plural is of a word of three
    letters or more ("Sundays", "Nurses")."""
    t = talk(
        "p12",
        "A gentleman, Des, came in. I saw Des again with Wes and Les. The Nurses and nurse said so.",
    )
    assert [(f.word, f.count) for f in names_to_check([t])] == [
        ("Des", 2),
        ("Les", 1),
        ("Wes", 1),
    ]


def test_a_word_after_an_honorific_is_a_name_even_after_its_full_stop() -> None:
    t = talk(
        "p01",
        "I told Mrs. Kamau. Then Dr Chen came, and Ms. Rose agreed.",
        "We planted a rose. Mr. Hale's team. Mrs. May, in May.",
    )
    found = names_to_check([t])
    assert [(f.word, f.count) for f in found] == [
        ("May", 2),  # a month too, but after an honorific once: a name
        ("Chen", 1),
        ("Hale", 1),
        ("Kamau", 1),
        ("Rose", 1),  # though "rose" is a word of the talk
    ]
    # a row for Rose Baker or Mrs May replaces neither "Ms. Rose" nor "Mrs. May": still listed,
    # first, as words of the key's names
    key = PseudonymKey({"Rose Baker": "deputy", "Mrs May": "manager"})
    (after,), key = pseudonymise([t], key)
    assert [(f.word, f.count, f.keyed_as) for f in names_to_check([after], key)] == [
        ("May", 2, ("manager",)),
        ("Rose", 1, ("deputy",)),
        ("Chen", 1, ()),
        ("Hale", 1, ()),
        ("Kamau", 1, ()),
    ]


@given(st.lists(st.text(alphabet="AaBbZz .,'’-", max_size=40), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_each_word_listed_is_in_the_talk_capitalised_and_never_in_lower_case(
    said: list[str],
) -> None:
    t = talk("p01", *said)
    spoken = " ".join(said)
    tokens = [w.strip("'’-") for w in re.findall(r"[\w'’-]+", spoken)]  # "Mary-jane": one word
    in_lower_case = {w.casefold() for w in tokens if w[:1].islower()}
    for f in names_to_check([t]):
        assert f.word in spoken and f.word[0].isupper() and f.count >= 1
        assert f.word.casefold() not in in_lower_case
        assert f.transcripts == ("p01",)


def test_roqa_pseudonymise_lists_the_words_to_check(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    write(study, "p01.txt", "Interviewer: Where?\nP01: Our team in Leeds, with Priya.\n")
    write(study, "p02.txt", "Interviewer: Where?\nP02: Also in Leeds.\n")
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert "Check 2 word(s) of the talk that may still name a person or a place" in said
    # no key written yet: its first line said (newcomer s67)
    assert (
        f"add a row to {key}, a new file whose first line is name,pseudonym, for each that "
        "identifies someone" in said
    )
    assert "Leeds 2 p01, p02 Priya 1 p01" in said
    key.write_text("name,pseudonym\nLeeds,city\nPriya,nurse\n", encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert "may still name" not in run.out
    assert (tmp_path / "out" / "p02.txt").read_text("utf-8").endswith("P02: Also in [city].\n")


@pytest.mark.slow
def test_roqa_code_pseudonymise_names_the_most_frequent_words_to_check(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    places = [f"Town{chr(ord('a') + i)}" for i in range(14)]  # Towna ... Townn, once each
    said = " and ".join(places)
    study = tmp_path / "study"
    study.mkdir()
    write(study, "p01.txt", f"Interviewer: Where?\nP01: We work in Leeds, Leeds and {said}.\n")
    key = tmp_path / "key.csv"
    run = roqa("code", study, "--out", tmp_path / "out", "--model", tiny_model_dir,
               "--pseudonymise", key, "--no-report")  # fmt: skip
    assert run.code == 0, run.err
    shown = ", ".join(places[:11])
    assert (
        f"Check 15 word(s) of the talk that may still name a person or a place (written as a "
        f"name at least once, not in the key): Leeds ×2, {shown} and 3 more (roqa "
        "pseudonymise lists them all, with their transcripts); "
        f"add a row to {key}, a new file whose first line is name,pseudonym, for each"
    ) in " ".join(run.out.split())


def test_the_file_name_warning_names_the_participants_file(tmp_path: Path) -> None:
    from roqa_nlp.transcripts.language import name_in_file_warning

    path = tmp_path / "p07_denise_okoro.txt"
    path.write_text("Interviewer: What helps?\nDenise Okoro: The team does.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert "rename the file p07.txt or code with --pseudonymise KEY.csv" in str(
        name_in_file_warning(t)
    )


def test_an_empty_key_given_is_the_key_that_learns_the_speakers(tmp_path: Path) -> None:
    """pseudonymise(ts, PseudonymKey()) returned a new key and left the one given empty, so
    key.write() wrote nothing (brought in and mended in session 27)."""
    path = tmp_path / "p01.txt"
    path.write_text("Interviewer: Hi?\nMaria Okafor: Hello.\n", encoding="utf-8")
    key = PseudonymKey()
    _, returned = pseudonymise([read_transcript(path)], key)
    assert returned is key and key.get("Maria Okafor") == "P01"


def test_roqa_pseudonymise_keeps_the_participant_numbers_files_claim(tmp_path: Path) -> None:
    """The command gave Denise P01, which p01_interview.txt claims, as roqa code does not
    (session 27). Her copy is named by her pseudonym, which the warning names."""
    from test_cli_core import roqa

    study = tmp_path / "zoom"
    study.mkdir()
    (study / "zoom_denise_okoro.txt").write_text(
        "Sam Roe: What helps?\nDenise Okoro: The team does.\n", encoding="utf-8"
    )
    (study / "p01_interview.txt").write_text(
        "Interviewer: What helps?\nP01: The manager.\n", encoding="utf-8"
    )
    run = roqa(
        "pseudonymise", study, "--interviewer", "Sam Roe", "--key", tmp_path / "key.csv",
        "--out", tmp_path / "shared",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert sorted(f.name for f in (tmp_path / "shared").iterdir()) == [
        "p01_interview.txt",
        "zoom_P02.txt",
    ]
    assert (tmp_path / "shared" / "zoom_P02.txt").read_text("utf-8") == (
        "Interviewer: What helps?\nP02: The team does.\n"
    )
    assert (
        "zoom_denise_okoro.txt: the file's name holds a name of the pseudonym key (Denise, Okoro), "
        "so the outputs name the transcript 'zoom_P02'"
    ) in " ".join(run.err.split())


RENAMED_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:05.000
Sam Roe: What gets in the way?

2
00:00:06.000 --> 00:00:12.000
Maria Okafor: Funding, mostly.

3
00:00:13.000 --> 00:00:17.000
Sam Roe: And families?

4
00:00:18.000 --> 00:00:25.000
{renamed}: They help a lot.
"""


def test_a_participant_renamed_mid_call_is_one_person_with_one_pseudonym(tmp_path: Path) -> None:
    """Maria Okafor renames herself P17 (her study id) mid-call: one person, as the case logic
    has it (case P17), so her name takes P17 too, not the next free number (P18, which made
    Table 2 count and cite two people); renamed "Maria (iPhone)", both labels take one
    pseudonym (P17 from the file name), not P17 and P18."""
    (tmp_path / "zoom_p17.vtt").write_text(RENAMED_VTT.format(renamed="P17"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p17.vtt", interviewer_labels=["Sam Roe"])
    assert t.participant == "P17"  # without a key, one case
    (out,), key = pseudonymise([t])
    assert key.pseudonyms == {"Sam Roe": "Interviewer", "Maria Okafor": "P17"}
    assert [u.speaker for u in out.turns] == ["Interviewer", "P17", "Interviewer", "P17"]
    assert out.participant == "P17"
    (tmp_path / "zoom_p17.vtt").write_text(RENAMED_VTT.format(renamed="Maria (iPhone)"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p17.vtt", interviewer_labels=["Sam Roe"])
    (out,), key = pseudonymise([t])
    assert key.pseudonyms == {
        "Sam Roe": "Interviewer", "Maria Okafor": "P17", "Maria (iPhone)": "P17"
    }  # fmt: skip
    assert [u.speaker for u in out.turns] == ["Interviewer", "P17", "Interviewer", "P17"]
    assert out.participant == "P17"
    # keyed in an earlier run under her first display name, the rename takes that pseudonym
    (out,), key = pseudonymise([t], PseudonymKey({"Maria Okafor": "P03", "Sam Roe": "Interviewer"}))
    assert key.pseudonyms["Maria (iPhone)"] == "P03"
    assert [u.speaker for u in out.turns] == ["Interviewer", "P03", "Interviewer", "P03"]
    # two people of one name word apart are still two (a joint interview)
    (tmp_path / "joint.vtt").write_text(RENAMED_VTT.format(renamed="Joan Baker"), "utf-8")
    t = read_transcript(tmp_path / "joint.vtt", interviewer_labels=["Sam Roe"])
    (out,), key = pseudonymise([t])
    assert (key.get("Maria Okafor"), key.get("Joan Baker")) == ("P01", "P02")


def test_a_name_keyed_apart_from_the_number_label_it_renamed_to_is_warned_of(
    tmp_path: Path,
) -> None:
    """A key from an earlier run gave Maria Okafor P18; here she also speaks as P17: the key
    cannot make one person of them, so the researcher is told to change the row."""
    (tmp_path / "zoom_p17.vtt").write_text(RENAMED_VTT.format(renamed="P17"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p17.vtt", interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning, match=r"zoom_p17\.vtt.*P18.*P17"):
        pseudonymise([t], PseudonymKey({"Maria Okafor": "P18"}))


def test_a_dyads_lettered_ids_stay_and_their_number_is_given_to_no_one_else(
    tmp_path: Path,
) -> None:
    """P05a and P05b are study ids already: they stay (they became P05 and P06, another
    participant's number, and later interviews shifted). A new pseudonym skips the number any
    transcript's label has: the key runs to P04, the dyad holds 5, zoom_p06 claims 6, so the
    participant of a file without a number is P07."""
    (tmp_path / "dyad_interview.txt").write_text(
        "Interviewer: What gets in the way?\nP05a: Money.\nP05b: Staff turnover, for me.\n",
        "utf-8",
    )
    (tmp_path / "site_visit.txt").write_text("Interviewer: Hi?\nAda Lee: Hello.\n", "utf-8")
    (tmp_path / "zoom_p06.vtt").write_text(RENAMED_VTT.format(renamed="Maria (iPhone)"), "utf-8")
    out, key = pseudonymise(
        read_transcripts(tmp_path, interviewer_labels=["Interviewer", "Sam Roe"]),
        PseudonymKey({"Dee Fox": "P04"}),
    )
    assert key.pseudonyms == {
        "Dee Fox": "P04", "Ada Lee": "P07", "Sam Roe": "Interviewer",
        "Maria Okafor": "P06", "Maria (iPhone)": "P06",
    }  # fmt: skip
    assert [u.speaker for u in out[0].turns] == ["Interviewer", "P05a", "P05b"]
    assert [t.participant for t in out] == ["P05", "P07", "P06"]


@pytest.mark.parametrize(
    ("members", "pseudonym"),
    [(("Participant 1", "Participant 2"), "P01"), (("R1", "R2"), "P01"), (("P01", "P02"), "P03")],
)
def test_a_groups_template_labels_hold_no_number_and_its_study_ids_do(
    tmp_path: Path, members: tuple[str, str], pseudonym: str
) -> None:
    """A focus group's members labelled as a template labels every interviewee (Participant 1,
    R1) are no study's participants 1 and 2, so the next free pseudonym is still P01; labelled
    with study ids (P01, P02) they are, and the participant of another file gets P03."""
    first, second = members
    (tmp_path / "a_group.txt").write_text(
        f"Moderator: Welcome all.\n{first}: Hi.\n{second}: Hello.\n", "utf-8"
    )
    (tmp_path / "b_site.txt").write_text("Interviewer: Hi?\nAda Lee: Hello.\n", "utf-8")
    out, key = pseudonymise(read_transcripts(tmp_path), PseudonymKey())
    assert key.pseudonyms == {"Ada Lee": pseudonym}
    assert [u.speaker for u in out[0].turns] == ["Moderator", first, second]


def test_the_key_reserves_the_numbers_of_study_ids_and_not_of_template_labels() -> None:
    """The numbers a transcript's participant labels reserve are those of its study ids (P17,
    p 4, a joint interview's P05a), not a template's numbering (R12, Participant 3), the one
    rule :func:`study_id_number` gives, as the case of a group's file reads it."""
    labels = ["P17", "p 4", "P05a", "R12", "Participant 3", "Pat Lee"]
    text = "".join(f"{label}: Yes.\n" for label in labels)
    turns, pos = [], 0
    for label in labels:
        start = pos + len(label) + 2
        turns.append(Turn(speaker=label, role="participant", start=start, end=start + 4))
        pos = start + 5
    t = Transcript(id="group", text=text, turns=turns)
    assert [t.text[u.start : u.end] for u in t.turns] == ["Yes."] * 6
    key = PseudonymKey()
    key.reserve(t)
    assert key.reserved == {17, 4, 5}


def test_a_participant_rejoining_as_a_device_is_one_person_with_one_pseudonym(
    tmp_path: Path,
) -> None:
    """Maria Okafor rejoins from her phone as "iPhone", a label naming no one: the case logic
    reads zoom_p18.vtt as one person, P18, so the key gives both labels P18 (it gave iPhone
    P19, and Table 2 then counted two people). ``iPhone`` is no one across files: its row is
    this transcript's alone (session 73)."""
    (tmp_path / "zoom_p18.vtt").write_text(RENAMED_VTT.format(renamed="iPhone"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p18.vtt", interviewer_labels=["Sam Roe"])
    (out,), key = pseudonymise([t])
    assert key.pseudonyms == {"Sam Roe": "Interviewer", "Maria Okafor": "P18"}
    assert list(key.scoped.values()) == [{"iPhone": "P18"}]
    assert [u.speaker for u in out.turns] == ["Interviewer", "P18", "Interviewer", "P18"]
    assert out.participant == "P18"


def test_speakers_of_a_transcript_with_no_interviewer_found_are_not_made_one_person(
    tmp_path: Path,
) -> None:
    """No speaker is the interviewer (a Zoom file read without --interviewer, nobody asking
    enough to be guessed): its case P07 does not make Sam Roe and Maria Okafor one person, who
    would share a pseudonym; each keeps their own, as before."""
    (tmp_path / "zoom_p07.txt").write_text("Sam Roe: Hello.\nMaria Okafor: Hello, Sam.\n", "utf-8")
    t = read_transcript(tmp_path / "zoom_p07.txt")
    assert {u.role for u in t.turns} == {"participant"} and t.participant == "P07"
    _, key = pseudonymise([t])
    assert key.pseudonyms == {"Sam Roe": "P07", "Maria Okafor": "P08"}


#: the blind tester's p04 (session 34): the researcher, the manager and a support worker speak
MANAGER_AND_SUPPORT_WORKER = """\
Chima (researcher): Thanks for joining, Margaret. Can you hear me alright?

Margaret Okafor: Yes. I've got Dean with me, he's one of our senior support workers.

Chima (researcher): Of course, welcome Dean. How does your service support recovery?

Margaret Okafor: We use the Recovery Star with everyone.

Dean (support worker): On the floor it's really about time. You end up firefighting.

Chima (researcher): And families?

Dean (support worker): Some families think we're setting them up to fail.
"""


def test_two_people_named_apart_in_a_numbered_interview_take_two_lettered_pseudonyms(
    tmp_path: Path,
) -> None:
    """In p04_interview.txt the manager Margaret Okafor brings the support worker Dean: the
    file's number made them one person, both keyed P04 ("I've got [P04] with me", Dean's turns
    shared as hers), with nothing said. Two names with no name word in common are two people,
    members of the case P04 as a dyad's are: P04a and P04b, and no merge is told of."""
    (tmp_path / "p04_interview.txt").write_text(MANAGER_AND_SUPPORT_WORKER, "utf-8")
    t = read_transcript(tmp_path / "p04_interview.txt")
    assert t.participant == "P04"
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        (out,), key = pseudonymise([t])
    assert key.pseudonyms == {
        "Chima (researcher)": "Interviewer",
        "Margaret Okafor": "P04a",
        "Dean (support worker)": "P04b",
    }
    assert [u.speaker for u in out.turns] == [
        "Interviewer", "P04a", "Interviewer", "P04a", "P04b", "Interviewer", "P04b"
    ]  # fmt: skip
    assert out.text.splitlines()[2] == (
        "P04a: Yes. I've got [P04b] with me, he's one of our senior support workers."
    )
    assert out.participant == "P04"
    # read back, the shared copy is the same case and the same two people
    (tmp_path / "shared.txt").write_text(out.text, "utf-8")
    again = read_transcript(tmp_path / "shared.txt")
    assert again.participant == "P04"
    assert list(dict.fromkeys(u.speaker for u in again.turns if u.role == "participant")) == [
        "P04a",
        "P04b",
    ]


def test_labels_given_one_pseudonym_are_told_of_in_one_line_per_file(tmp_path: Path) -> None:
    """A rename (Maria Okafor, then Maria (iPhone) or P17) is one person, and so are two names a
    key gives one pseudonym (the tester's key from before, Margaret Okafor and Dean both P04):
    pseudonymising says so in one line naming the file and the fix, so the researcher can check
    before sharing the copies."""
    (tmp_path / "zoom_p17.vtt").write_text(RENAMED_VTT.format(renamed="Maria (iPhone)"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p17.vtt", interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning) as said:
        pseudonymise([t])
    assert [str(w.message) for w in said] == [
        f"{tmp_path / 'zoom_p17.vtt'}: the participant speaks under 2 labels ('Maria Okafor', "
        "'Maria (iPhone)'), given one pseudonym, P17 (renamed or rejoined in the call): if they "
        "are different people, give each their own pseudonym in the key ('P17a', 'P17b') and "
        "run again"
    ]
    (tmp_path / "zoom_p17.vtt").write_text(RENAMED_VTT.format(renamed="P17"), "utf-8")
    t = read_transcript(tmp_path / "zoom_p17.vtt", interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning, match=r"2 labels \('Maria Okafor', 'P17'\), given one pseudo"):
        pseudonymise([t])
    (tmp_path / "p04_interview.txt").write_text(MANAGER_AND_SUPPORT_WORKER, "utf-8")
    t = read_transcript(tmp_path / "p04_interview.txt")
    old = PseudonymKey({"Margaret Okafor": "P04", "Dean (support worker)": "P04"})
    with pytest.warns(RoqaWarning) as said:
        (out,), _ = pseudonymise([t], old)
    assert [str(w.message) for w in said] == [
        f"{tmp_path / 'p04_interview.txt'}: the participant speaks under 2 labels ('Margaret "
        "Okafor', 'Dean (support worker)'), given one pseudonym, P04 (renamed or rejoined in the "
        "call): if they are different people, give each their own pseudonym in the key ('P04a', "
        "'P04b') and run again"
    ]


def test_a_focus_groups_labels_given_one_pseudonym_are_told_of_with_a_free_number(
    tmp_path: Path,
) -> None:
    """A focus group's members each take a free number, so the fix names one, not the
    lettered 'P03a', 'P03b' of a joint interview (hunt s61 pseudo, 4)."""
    write(tmp_path, "p02.txt", "Interviewer: Hi?\nCy Roe: Hello.\n")
    said_by = ["Sam Roe", "Daniel Okoro", "Amina Yusuf", "Daniel's iPhone", "Will Turner"]
    cues = [
        f"{i}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: Hi.\n"
        for i, who in enumerate(said_by, 1)
    ]
    write(tmp_path, "fg01.vtt", "WEBVTT\n\n" + "\n".join(cues))
    read = read_transcripts(tmp_path, interviewer_labels=["Sam Roe"])
    with pytest.warns(RoqaWarning) as said:
        _, key = pseudonymise(read, PseudonymKey())
    assert key.pseudonyms == {
        "Sam Roe": "Interviewer", "Daniel Okoro": "P03", "Daniel's iPhone": "P03", "Amina Yusuf": "P04",
        "Will Turner": "P05", "Cy Roe": "P02",
    }  # fmt: skip
    assert [str(w.message) for w in said] == [
        f"{tmp_path / 'fg01.vtt'}: a participant speaks under 2 labels ('Daniel Okoro', "
        '"Daniel\'s iPhone"), given one pseudonym, P03 (renamed or rejoined in the call): if '
        "they are different people, give each their own pseudonym in the key ('P03' and the "
        "next free number, 'P06') and run again"
    ]


def test_roqa_pseudonymise_keeps_two_people_apart_and_tells_of_a_rename(tmp_path: Path) -> None:
    """The tester's command: p04's manager and support worker get two rows of the key and two
    speakers in the shared copy, with no line of one person; a rename beside it gets its line."""
    raw = tmp_path / "rawp"
    raw.mkdir()
    (raw / "p04_interview.txt").write_text(MANAGER_AND_SUPPORT_WORKER, "utf-8")
    (raw / "p17_interview.txt").write_text(
        "Sam Roe (researcher): What gets in the way?\nMaria Okafor: Funding, mostly.\n"
        "Sam Roe (researcher): And families?\nMaria (iPhone): They help a lot.\n",
        "utf-8",
    )
    key, out = tmp_path / "key_raw.csv", tmp_path / "shared_raw"
    run = roqa("pseudonymise", raw, "--key", key, "--out", out)
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines()[1:] == [
        "Chima (researcher),Interviewer",
        "Margaret Okafor,P04a",
        "Dean (support worker),P04b",
        "Sam Roe (researcher),Interviewer 2",
        "Maria Okafor,P17",
        "Maria (iPhone),P17",
    ]
    shared = (out / "p04_interview.txt").read_text("utf-8")
    assert "I've got [P04b] with me" in shared and "P04b: Some families" in shared
    said = " ".join(run.err.split())
    assert said.count("given one pseudonym") == 1
    assert (
        f"{raw / 'p17_interview.txt'}: the participant speaks under 2 labels ('Maria Okafor', "
        "'Maria (iPhone)'), given one pseudonym, P17 (renamed or rejoined in the call)"
    ) in said


SITE_CSV = (
    'speaker,text\n,"{first}"\nInterviewer,What are the barriers?\n{name},"{answer}"\n'
    "Interviewer,Thanks.\n"
)


def _unknown_first_study(tmp_path: Path) -> list[Path]:
    """Two interviews in CSV whose first row has no speaker (read as ``Unknown speaker``)."""
    study = tmp_path / "unk"
    study.mkdir()
    a, b = study / "siteA.csv", study / "siteB.csv"
    a.write_text(
        SITE_CSV.format(
            first="Thanks for having me, happy to help.",
            name="Mary Jones",
            answer="Staffing and funding are the main barriers for us.",
        ),
        "utf-8",
    )
    b.write_text(
        SITE_CSV.format(
            first="Hello, I am the deputy manager, sitting in.",
            name="Tom Price",
            answer="Recruitment is our main barrier, we cannot find staff.",
        ),
        "utf-8",
    )
    return [a, b]


def _read_quietly(paths: list[Path]) -> list[Transcript]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)  # the reader warns of the empty cell
        return read_transcripts(paths)


def test_an_unknown_speaker_is_no_one_in_the_key_and_shares_no_ones_pseudonym(
    tmp_path: Path,
) -> None:
    """Rows with no speaker before the first named one are the reader's ``Unknown speaker``,
    no one's name: it was keyed as P01 beside Mary Jones (one participant), so Tom Price of the
    next interview took P01 too and the deputy manager's words became P01's (session 35). Each
    transcript's unknown speaker stays ``Unknown speaker`` in its own case."""
    out, key = pseudonymise(_read_quietly(_unknown_first_study(tmp_path)))
    assert key.pseudonyms == {"Mary Jones": "P01", "Tom Price": "P02"}
    assert [[u.speaker for u in t.turns] for t in out] == [
        ["Unknown speaker", "Interviewer", "P01", "Interviewer"],
        ["Unknown speaker", "Interviewer", "P02", "Interviewer"],
    ]
    assert [t.participant for t in out] == ["P01", "P02"]


def test_a_transcribers_numbered_unknown_speaker_is_no_one_in_the_key(tmp_path: Path) -> None:
    """``Unknown Speaker 1`` (as Otter and others number speech they cannot name) in two
    interviews is two people and no one's name: keyed as P05 beside Mary Jones, it gave John
    Adeyemi of the next interview P05 too (session 35 tester Y). ``Participant 3`` stays a
    study's numbering, not a placeholder."""
    paths = []
    for name, who, said in [
        ("p05.txt", "Mary Jones", "Staffing. We cannot recruit."),
        ("p07.txt", "John Adeyemi", "Funding. The contract value has not risen."),
    ]:
        paths.append(tmp_path / name)
        paths[-1].write_text(
            "Interviewer: What gets in the way?\nUnknown Speaker 1: Can you hear me?\n"
            f"{who}: {said}\n",
            "utf-8",
        )
    out, key = pseudonymise(_read_quietly(paths))
    assert key.pseudonyms == {"Mary Jones": "P05", "John Adeyemi": "P07"}
    assert [t.participant for t in out] == ["P05", "P07"]
    assert [is_placeholder_speaker(s) for s in ("unknown  speaker #2", "Participant 3")] == [
        True,
        False,
    ]


def test_an_unknown_speaker_stays_apart_across_two_runs_with_one_key(tmp_path: Path) -> None:
    """The second interview, pseudonymised in a later run with the key the first wrote, takes
    the next number, not its unknown speaker's keyed one."""
    a, b = _unknown_first_study(tmp_path)
    key_file = tmp_path / "key.csv"
    pseudonymise(_read_quietly([a]), PseudonymKey())[1].write(key_file)
    out, key = pseudonymise(_read_quietly([b]), PseudonymKey.read(key_file))
    assert key.pseudonyms == {"Mary Jones": "P01", "Tom Price": "P02"}
    assert [u.speaker for u in out[0].turns] == [
        "Unknown speaker",
        "Interviewer",
        "P02",
        "Interviewer",
    ]


def test_a_keys_row_for_a_readers_placeholder_is_left_out_and_told_of(tmp_path: Path) -> None:
    """A key written before session 35 holds ``Unknown speaker,P01``: the row names no one, so
    it is left out (and gone from the key written back), with a warning naming the rows that
    share its pseudonym, which it may have given to two people."""
    key_file = tmp_path / "key.csv"
    key_file.write_text("name,pseudonym\nUnknown speaker,P01\nMary Jones,P01\nMary,P01\n", "utf-8")
    with pytest.warns(RoqaWarning) as told:
        key = PseudonymKey.read(key_file)
    assert key.pseudonyms == {"Mary Jones": "P01", "Mary": "P01"}  # one person, two spellings
    assert [str(w.message) for w in told] == [
        f"{key_file}: row 2: 'Unknown speaker' is the speaker roqa gives speech no label names, "
        "not a person: left out of the key (it shared P01 with 'Mary Jones', 'Mary': if "
        "they are different people, give each their own pseudonym)"
    ]
    with pytest.raises(RoqaError, match="'Unknown speaker' is the speaker roqa gives"):
        key.add("Unknown speaker", "P03")


def test_roqa_pseudonymise_keys_each_named_participant_of_unknown_first_rows(
    tmp_path: Path,
) -> None:
    """The tester's command: the key holds two people with two pseudonyms and no unknown
    speaker, and the unknown speaker's words stay theirs in the shared copy."""
    _unknown_first_study(tmp_path)
    key, out = tmp_path / "keyZ.csv", tmp_path / "shared"
    run = roqa("pseudonymise", tmp_path / "unk", "--key", key, "--out", out)
    assert run.code == 0, run.err
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Mary Jones,P01",
        "Tom Price,P02",
    ]
    shared = (out / "siteB.txt").read_text("utf-8")
    assert "Unknown speaker: Hello, I am the deputy manager, sitting in." in shared
    assert "P02: Recruitment is our main barrier" in shared


def _zoe_study(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The tester's study (session 37, daily): interviews/ holds P01's interview, labelled P01;
    zoom/ a call whose participant is Zoë Hart, whom an earlier run of the key made P01 too."""
    (tmp_path / "interviews").mkdir()
    (tmp_path / "zoom").mkdir()
    (tmp_path / "interviews" / "P01 interview.txt").write_text(
        "Interviewer: How is it going?\nP01: Supervision helps.\n", encoding="utf-8"
    )
    (tmp_path / "zoom" / "call.txt").write_text(
        "Interviewer: How is it going?\nZoë Hart: Staffing is hard.\n", encoding="utf-8"
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nZoë Hart,P01\n", encoding="utf-8")
    return tmp_path / "interviews", tmp_path / "zoom", key


SHARED_P01 = (
    "roqa: warning: the participant label 'P01' speaks in 2 transcripts (P01 interview, call), "
    "so they are one case, P01, as a follow-up interview of one person is: if they are different "
    "people, give each transcript's participant their own id (label their turns 'P02: ...', or "
    "add a header line 'Participant ID: P02' above the talk)"
)


def test_roqa_code_warns_when_a_pseudonym_is_another_transcripts_participant_label(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Before: `roqa code interviews/ zoom/ --pseudonymise key.csv` put Zoë Hart (P01 by the
    key) and the other transcript's own P01 into one case without a word, while `roqa inspect`
    warns of a label speaking in two transcripts."""
    interviews, zoom, key = _zoe_study(tmp_path)
    run = roqa(
        "code", interviews, zoom, "--pseudonymise", key, "--out", tmp_path / "out",
        "--model", tiny_model_dir, "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err.splitlines().count(SHARED_P01) == 1, run.err


def test_roqa_pseudonymise_warns_when_a_pseudonym_is_another_transcripts_participant_label(
    tmp_path: Path,
) -> None:
    interviews, zoom, key = _zoe_study(tmp_path)
    run = roqa("pseudonymise", interviews, zoom, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert run.err.splitlines().count(SHARED_P01) == 1, run.err
    # a fresh key gives Zoë the next number that no transcript's label claims
    fresh = tmp_path / "fresh.csv"
    run = roqa("pseudonymise", interviews, zoom, "--key", fresh, "--out", tmp_path / "out2")
    assert run.code == 0 and SHARED_P01 not in run.err, run.err
    assert fresh.read_text("utf-8-sig") == "name,pseudonym\nZoë Hart,P02\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "name,pseudonym,transcript\nKate,P03,ps/P03.txt\nKate,P06,ps/P03.txt\n",
            "row 3: 'Kate' has two pseudonyms, 'P03' and 'P06', in the transcript 'ps/P03.txt'",
        ),
        (
            "name,pseudonym,transcript\nKate,P06,ps/P03.txt\nkate,P03,./ps/p03.txt\n",
            "row 3: 'kate' has two pseudonyms, 'P06' and 'P03', in the transcript './ps/p03.txt'",
        ),
    ],
)
def test_two_rows_of_one_name_for_one_transcript_are_an_error(
    tmp_path: Path, content: str, message: str
) -> None:
    """Re-test s47 (reids2 B): two rows of one name in one transcript's column gave the later
    row's pseudonym, unsaid, so the key's row order chose the person (P06 or P03). It is the
    one-line error two general rows of one name give; the same pseudonym twice is no error."""
    path = tmp_path / "key.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert str(e.value).startswith(f"{path}: {message}")
    assert "\n" not in str(e.value)
    path.write_text("name,pseudonym,transcript\nKate,P03,a.txt\nKate,P03,a.txt\n", "utf-8")
    assert PseudonymKey.read(path).scoped == {"a.txt": {"Kate": "P03"}}


def test_a_file_that_is_no_key_is_said_in_one_sentence(tmp_path: Path) -> None:
    """Tester ux2, session 78 (#5): the advice was "(header: name,pseudonym (or give a new
    file name, and roqa writes it))", parentheses nested in the one-line error's own."""
    path = tmp_path / "p01_interview.txt"
    path.write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert str(e.value) == (
        f"{path}: not a pseudonym key: it needs the columns name and pseudonym (a key's first "
        "line is name,pseudonym; to start a new key, give a file name not yet used, and roqa "
        "writes it)"
    )


@pytest.mark.parametrize("command", ["code", "pseudonymise"])
def test_a_folder_given_as_the_key_is_told_the_key_is_read_and_written(
    tmp_path: Path, command: str
) -> None:
    """Tester ux2, session 78 (#5): ``--pseudonymise coded/`` said "give a file name to write",
    but the key is read as well as written."""
    (tmp_path / "p01.txt").write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    folder = tmp_path / "keys"
    folder.mkdir()
    option = "--pseudonymise" if command == "code" else "--key"
    run = roqa(command, tmp_path / "p01.txt", option, folder, "--out", tmp_path / "out")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {folder}: is a folder, not a pseudonym key (give the key's file path, "
        "e.g. ~/private/key.csv, apart from what you share: roqa reads it when it is there, adds "
        "new speakers and writes it back)\n",
    )
    assert not (tmp_path / "out").exists()
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(folder)
    assert str(e.value).startswith(f"{folder}: is a folder, not a pseudonym key (")
