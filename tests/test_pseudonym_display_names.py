"""Pseudonymising speakers labelled with a video call's display name (``José 🙂:``, ``Jane Smith |
NHS:``) in plain text: their labels and names replaced as any speaker's are, the organisation
after ``|`` no part of the person's name, the display name the keyed person it names (before,
such labels were no speakers in a .txt, and the copies named the participant on every answer);
and ``roqa pseudonymise`` warns of a transcript with no participant turns, whose copy may still
name the participant."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import Run, roqa
from test_display_name_labels import _talk


def _shared(label: str) -> str:
    """:func:`_talk` pseudonymised, its participant's label ``label``."""
    return _talk(label).replace("Sam Roe:", "Interviewer:")


def _pseudonymise_cli(tmp_path: Path, files: dict[str, str], *key_rows: str) -> tuple[Run, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    key = tmp_path / "key.csv"
    if key_rows:
        key.write_text("name,pseudonym\n" + "".join(f"{row}\n" for row in key_rows), "utf-8")
    run = roqa(
        "pseudonymise", folder, "--interviewer", "Sam Roe", "--key", key, "--out", tmp_path / "o"
    )
    assert run.code == 0, run.err
    return run, tmp_path / "o"


def test_roqa_pseudonymise_replaces_display_names_of_a_plain_text(tmp_path: Path) -> None:
    """The tester's repro: before, each copy kept ``José 🙂:`` or ``Jane Smith | NHS:`` on every
    answer, and the key held no participant."""
    run, out = _pseudonymise_cli(
        tmp_path,
        {
            "p1.txt": _talk("José 🙂"),
            "p2.txt": (
                "Sam Roe: Did José and Jane Smith come? And JANE SMITH'S deputy?\n\n"
                "Jane Smith | NHS: Yes, Smith and José came. Jane is me. The NHS paid.\n\n"
                "Sam Roe: Thanks.\n\n"
                "Jane Smith | NHS: Bye.\n"
            ),
        },
    )
    assert (out / "p1.txt").read_text("utf-8") == _shared("P1")
    assert (out / "p2.txt").read_text("utf-8") == (
        "Interviewer: Did José and [P2] come? And [P2]'S deputy?\n\n"
        "P2: Yes, [P2] and José came. [P2] is me. The NHS paid.\n\n"
        "Interviewer: Thanks.\n\n"
        "P2: Bye.\n"
    )
    assert (tmp_path / "key.csv").read_text("utf-8-sig").splitlines() == [
        "name,pseudonym",
        "Sam Roe,Interviewer",
        "José 🙂,P1",
        "Jane Smith | NHS,P2",
    ]
    assert "no participant" not in run.err


def test_a_display_names_organisation_is_no_part_of_the_persons_name(tmp_path: Path) -> None:
    """``Jo Bloggs | Mind in Leeds`` is Jo Bloggs of Mind in Leeds: before, each word after the
    ``|`` was taken for a word of her name, and ``In Leeds``, ``Mind`` became ``[P1]``."""
    _, out = _pseudonymise_cli(
        tmp_path,
        {
            "p1.txt": (
                "Sam Roe: Thanks, Jo. How is Leeds?\n\n"
                "Jo Bloggs | Mind in Leeds: In Leeds we lack staff. Mind is a charity.\n\n"
                "Sam Roe: Thanks.\n\n"
                "Jo Bloggs | Mind in Leeds: Bye.\n"
            ),
            "p2.txt": "Sam Roe: Do you know Jo Bloggs?\n\nP2: Yes, Jo Bloggs in Leeds.\n",
        },
    )
    assert (out / "p1.txt").read_text("utf-8") == (
        "Interviewer: Thanks, [P1]. How is Leeds?\n\n"
        "P1: In Leeds we lack staff. Mind is a charity.\n\n"
        "Interviewer: Thanks.\n\n"
        "P1: Bye.\n"
    )
    assert (out / "p2.txt").read_text("utf-8") == (
        "Interviewer: Do you know [P1]?\n\nP2: Yes, [P1] in Leeds.\n"
    )


def test_a_display_name_is_the_keyed_person_it_names(tmp_path: Path) -> None:
    """A key row ``Jane Smith,P07`` (from an interview labelled ``Jane Smith:``) gives her label
    ``Jane Smith | NHS`` and ``🌈 Jane Smith`` the same pseudonym, as it does ``Jane Smith
    (she/her)``: before, she was a new person, P08."""
    _, out = _pseudonymise_cli(
        tmp_path,
        {"p1.txt": _talk("Jane Smith | NHS"), "p2.txt": _talk("🌈 Jane Smith")},
        "Sam Roe,Interviewer",
        "Jane Smith,P07",
    )
    assert (out / "p1.txt").read_text("utf-8") == _shared("P07")
    assert (out / "p2.txt").read_text("utf-8") == _shared("P07")


def test_roqa_pseudonymise_warns_of_a_transcript_with_no_participant_turns(tmp_path: Path) -> None:
    """No participant turns, so no participant's name was learnt from a label: the copy may
    still name them. One line for the transcript, naming the risk and the fix."""
    run, out = _pseudonymise_cli(
        tmp_path,
        {
            "p1.txt": "Sam Roe: How are staffing levels?\n\nRuth - We just do not have staff.\n",
            "p2.txt": _talk("P2"),
        },
    )
    assert (out / "p1.txt").read_text("utf-8") == (
        "Interviewer: How are staffing levels?\n\nRuth - We just do not have staff.\n"
    )
    lines = [line for line in run.err.splitlines() if "p1.txt" in line]
    assert lines == [
        "roqa: warning: p1.txt: no participant turns found: the one turn is the "
        "interviewer's ('Interviewer'), so no participant's name was learnt from a speaker "
        "label, and the pseudonymised copy may still name them: read it before sharing (label "
        "the participant's turns 'P04: ...' or 'Name: ...', name the participant with "
        "--participant, or add a row for them to the key: 'Jane Smith,P04')"
    ]
    assert "p2.txt" not in run.err


def _no_participant_line() -> str:
    return (
        "roqa: warning: p1.txt: no participant turns found: the one turn is the "
        "interviewer's ('Interviewer'), so no participant's name was learnt from a speaker "
        "label, and the pseudonymised copy may still name them: read it before sharing (label "
        "the participant's turns 'P04: ...' or 'Name: ...', name the participant with "
        "--participant, or add a row for them to the key: 'Jane Smith,P04')"
    )


@pytest.mark.slow
@pytest.mark.parametrize("stream", [False, True])
def test_roqa_code_pseudonymise_warns_of_a_transcript_with_no_participant_turns(
    tmp_path: Path, tiny_model_dir: Path, stream: bool
) -> None:
    """Session 40: `roqa code --pseudonymise` said only 'nothing to code' of a transcript with
    no participant turns, though its pseudonymised talk may still name the participant: the
    line `roqa pseudonymise` gives, in its place."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p1.txt").write_text(
        "Sam Roe: How are staffing levels?\n\nRuth - We just do not have staff.\n", "utf-8"
    )
    (folder / "p2.txt").write_text(_talk("P2"), "utf-8")
    run = roqa(
        "code", folder, "--out", tmp_path / "coded", "--model", tiny_model_dir,
        "--interviewer", "Sam Roe", "--pseudonymise", tmp_path / "key.csv", "--no-report",
        *(["--stream"] if stream else []),
    )  # fmt: skip
    assert run.code == 0, run.err
    lines = [line for line in run.err.splitlines() if "p1.txt" in line]
    assert lines == [_no_participant_line()]
    assert "p2.txt" not in run.err


BRACKETED_VTT = (
    "WEBVTT\n\n"
    "1\n00:00:01.000 --> 00:00:05.000\n"
    "Eleri Pritchard (Wrexham Glyndwr Uni): Hi, can you hear me?\n\n"
    "2\n00:00:05.500 --> 00:00:12.000\n"
    "Bernadette Okonkwo (Calderdale Recovery Hub): Yes. I manage the hub, forty people.\n\n"
    "3\n00:00:12.500 --> 00:00:15.000\n"
    "Eleri Pritchard (she/her): What helps recovery there?\n\n"
    "4\n00:00:15.500 --> 00:00:25.000\n"
    "Bernadette Okonkwo (Calderdale Recovery Hub): Peer support mostly.\n"
)


def test_a_labels_bracketed_extras_go_with_the_keyed_name(tmp_path: Path) -> None:
    """Tester s51 privacy, 1 (HIGH): with key rows ``Bernadette Okonkwo,P12`` and ``Eleri
    Pritchard,Interviewer``, the labels ``Bernadette Okonkwo (Calderdale Recovery Hub):`` and
    ``Eleri Pritchard (she/her):`` became ``P12 (Calderdale Recovery Hub):`` and ``Interviewer
    (she/her):``, naming her workplace on every answer, while ``Jane Smith | NHS:`` was replaced
    whole. A label is replaced whole, whatever display-name extras it carries."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zoom_p12.vtt").write_text(BRACKETED_VTT, "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nBernadette Okonkwo,P12\nEleri Pritchard,Interviewer\n")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert (tmp_path / "o" / "zoom_p12.txt").read_text("utf-8") == (
        "Interviewer: Hi, can you hear me?\n\n"
        "P12: Yes. I manage the hub, forty people.\n\n"
        "Interviewer: What helps recovery there?\n\n"
        "P12: Peer support mostly.\n"
    )


def _copies(tmp_path: Path, files: dict[str, str], *key_rows: str) -> tuple[dict[str, str], str]:
    """The copies ``roqa pseudonymise`` writes of ``files`` with a key of ``key_rows``, by name,
    and the key it leaves."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\n" + "".join(f"{row}\n" for row in key_rows), "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    copies = {p.name: p.read_text("utf-8") for p in sorted((tmp_path / "o").iterdir())}
    return copies, key.read_text("utf-8-sig")


def test_a_roles_label_drops_a_note_naming_a_keyed_person(tmp_path: Path) -> None:
    """Session 52: ``Interviewer (EP):`` (Emma Price's initials) and ``Interviewer (Okonkwo
    family carer):`` stayed in the copy, as ``Interviewer (P12 family carer):``, and ``Carer (Mrs
    Okonkwo):`` was keyed as a person, whose row then made every file's ``Carer (...)`` one case.
    A role's label is the role: a note that may name someone goes, a role's or a pronoun's stays."""
    copies, key = _copies(
        tmp_path,
        {
            "p03.txt": (
                "Interviewer (EP): How is caring going?\n\n"
                "Carer (Mrs Okonkwo): Hard, most days.\n\n"
                "Interviewer (Okonkwo family carer): Thanks.\n\n"
                "Carer (Mrs Okonkwo): Bye.\n"
            ),
        },
        "Emma Price,Interviewer",
        "Bernadette Okonkwo,P12",
    )
    assert copies == {
        "p03.txt": (
            "Interviewer: How is caring going?\n\nCarer: Hard, most days.\n\n"
            "Interviewer: Thanks.\n\nCarer: Bye.\n"
        )
    }
    assert key.splitlines() == [
        "name,pseudonym",
        "Emma Price,Interviewer",
        "Bernadette Okonkwo,P12",
    ]


def test_a_roles_label_with_a_note_is_each_files_own_case(tmp_path: Path) -> None:
    """``Participant (she/her):`` in p05.txt and ``Participant (he/him):`` in p06.txt were keyed
    as one person, ``Participant (she/her),P05``, so p06's participant was P05 too: two people
    one case. A role's label takes no row of the key, with a note or without; a pronoun's note
    and a call's role (``(Host)``) stay as written, and a note of anything else goes."""
    talk = "Interviewer{i}: How is it?\n\nParticipant{p}: Fine.\n\nInterviewer{i}: Thanks.\n"
    copies, key = _copies(
        tmp_path,
        {
            "p05.txt": talk.format(i=" (Host)", p=" (she/her)"),
            "p06.txt": talk.format(i="", p=" (he/him)"),
            "p07.txt": talk.format(i="", p=" (Mrs Smith)"),
        },
    )
    assert copies == {
        "p05.txt": talk.format(i=" (Host)", p=" (she/her)"),
        "p06.txt": talk.format(i="", p=" (he/him)"),
        "p07.txt": talk.format(i="", p=""),
    }
    assert key.splitlines() == ["name,pseudonym"]


def test_a_roles_label_with_a_note_is_never_the_named_participant(tmp_path: Path) -> None:
    """Re-test s52 reprivacy, 1 (HIGH): beside ``Abena Owusu:``, ``Carer (Mrs Okonkwo):`` was read
    as her renamed or rejoined label, so every carer turn read ``P12:``, the key gained ``Carer
    (Mrs Okonkwo),P12`` and a carer of another file took P12 too. A label that is a role once its
    notes are set aside is no person: it is the role alone, and takes no row of the key."""
    copies, key = _copies(
        tmp_path,
        {
            "p12_zoomcarer.txt": (
                "Interviewer (EP): Can you tell me about the service?\n\n"
                "Abena Owusu: I manage a small house.\n\n"
                "Carer (Mrs Okonkwo): Sorry to jump in, I'm Abena's mum's carer.\n\n"
                "Interviewer (EP): Thank you.\n\n"
                "Abena Owusu: Staffing, mainly.\n\n"
                "Carer (Mrs Okonkwo): And the forms are long.\n"
            ),
            "p11_carer.txt": (
                "Interviewer: How is it?\n\nParticipant: Fine.\n\n"
                "Carer (Mrs Okonkwo): Sorry to jump in.\n"
            ),
        },
    )
    assert copies == {
        "p11_carer.txt": (
            "Interviewer: How is it?\n\nParticipant: Fine.\n\nCarer: Sorry to jump in.\n"
        ),
        "p12_zoomcarer.txt": (
            "Interviewer: Can you tell me about the service?\n\n"
            "P12: I manage a small house.\n\n"
            "Carer: Sorry to jump in, I'm [P12]'s mum's carer.\n\n"
            "Interviewer: Thank you.\n\n"
            "P12: Staffing, mainly.\n\n"
            "Carer: And the forms are long.\n"
        ),
    }
    assert key.splitlines() == ["name,pseudonym", "Abena Owusu,P12"]


def test_a_roles_label_with_a_note_of_commas_or_a_two_word_role_is_the_role(
    tmp_path: Path,
) -> None:
    """Re-test s52 reprivacy, 2 (HIGH): ``Participant (Mrs Begum, RM):``, ``Carer (Joan, mum):``,
    ``Interviewer (Dr Patel, LYPFT):``, ``Respondent (RM, Leeds):`` (a comma in the note) and
    ``Service user (Kieran):`` (a role of two words, said once) were read as no speaker's label,
    so they stayed in the copies as talk, naming people, and the interviewer was not found. Each
    is a speaker, the role alone, and the interviewer's is the interviewer."""
    copies, key = _copies(
        tmp_path,
        {
            "p31.txt": (
                "Interviewer (Dr Patel, LYPFT): Can you tell me about the service?\n\n"
                "Participant (Mrs Begum, RM): I manage a small house.\n\n"
                "Service user (Kieran): I live there. It's alright.\n\n"
                "Interviewer (Dr Patel, LYPFT): Thank you. And the staff?\n\n"
                "Carer (Joan, mum): I'm his mum, the staff are lovely.\n\n"
                "Respondent (RM, Leeds): Sorry, I'm the deputy.\n\n"
                "Participant (Mrs Begum, RM): Yes, that's right.\n"
            ),
        },
    )
    assert copies == {
        "p31.txt": (
            "Interviewer: Can you tell me about the service?\n\n"
            "Participant: I manage a small house.\n\n"
            "Service user: I live there. It's alright.\n\n"
            "Interviewer: Thank you. And the staff?\n\n"
            "Carer: I'm his mum, the staff are lovely.\n\n"
            "Respondent: Sorry, I'm the deputy.\n\n"
            "Participant: Yes, that's right.\n"
        )
    }
    assert key.splitlines() == ["name,pseudonym"]


def test_a_roles_label_with_a_comma_in_its_note_is_read_as_that_role() -> None:
    """The reader's side of re-test s52 reprivacy, 2: the speakers and their roles."""
    from roqa_nlp.transcripts.text import parse_text

    t = parse_text(
        "Interviewer (Dr Patel, LYPFT): How is it?\n\n"
        "Participant (Mrs Begum, RM): Fine.\n\n"
        "Service user (Kieran): Alright.\n\n"
        "Interviewer (Dr Patel, LYPFT): Thanks.\n",
        "p31.txt",
    )
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer (Dr Patel, LYPFT)", "interviewer"),
        ("Participant (Mrs Begum, RM)", "participant"),
        ("Service user (Kieran)", "participant"),
        ("Interviewer (Dr Patel, LYPFT)", "interviewer"),
    ]


def test_a_plural_role_header_is_no_speaker(tmp_path: Path) -> None:
    """Re-test s52 reprivacy, 9: the header line ``Interviewers: Eleri Pritchard and Sam
    Patel`` was read as a speaker ``Interviewers``, keyed ``Interviewers,P61``, and the copy read
    ``P61: Eleri Pritchard and Sam Patel``. It is a header line: it takes no row of the key, and
    the names in it are replaced as the key gives them."""
    copies, key = _copies(
        tmp_path,
        {
            "p61.txt": (
                "Interviewers: Eleri Pritchard and Sam Patel\n\n"
                "Interviewer: So, tell me about the house.\n\n"
                "Participant: It's a rehab unit.\n"
            ),
        },
        "Eleri Pritchard,Interviewer",
        "Sam Patel,Interviewer 2",
    )
    assert copies == {
        "p61.txt": (
            "Interviewers: Interviewer and Interviewer 2\n\n"
            "Interviewer: So, tell me about the house.\n\n"
            "Participant: It's a rehab unit.\n"
        )
    }
    assert key.splitlines() == [
        "name,pseudonym",
        "Eleri Pritchard,Interviewer",
        "Sam Patel,Interviewer 2",
    ]


_TWO_CARERS = (
    "Interviewer (EP): Could you both tell me how the team supported you?\n\n"
    "Carer (Mrs Okonkwo): We waited eleven weeks.\n\n"
    "Carer (Mr Okonkwo): The nurse was good once she came.\n\n"
    "Interviewer (EP): What made the difference?\n\n"
    "Carer (Mrs Okonkwo): Continuity.\n"
)


def test_two_roles_labels_of_one_role_stay_two_speakers(tmp_path: Path) -> None:
    """Codereview s52, 1 (HIGH): ``Carer (Mrs Okonkwo):`` and ``Carer (Mr Okonkwo):`` of one
    transcript are two people, but both were written ``Carer:``, so the copy read back held one
    speaker, with no warning. Dropping the notes keeps them apart, numbered in order of first
    turn, and one warning says so."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fam02.txt").write_text(_TWO_CARERS, "utf-8")
    run = roqa("pseudonymise", folder, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert (tmp_path / "o" / "fam02.txt").read_text("utf-8") == (
        "Interviewer: Could you both tell me how the team supported you?\n\n"
        "Carer 1: We waited eleven weeks.\n\n"
        "Carer 2: The nurse was good once she came.\n\n"
        "Interviewer: What made the difference?\n\n"
        "Carer 1: Continuity.\n"
    )
    assert (
        "fam02.txt: 'Carer (Mrs Okonkwo)' and 'Carer (Mr Okonkwo)' are written 'Carer 1' and "
        "'Carer 2', their notes left out, so each stays its own speaker (if they are one person, "
        "give both labels one pseudonym in the key)"
    ) in run.err


def test_the_key_names_each_of_two_roles_labels_of_one_role(tmp_path: Path) -> None:
    """Codereview s52, 1: the rows ``Carer (Mrs Okonkwo),P02a`` and ``Carer (Mr Okonkwo),P02b``
    stopped with "'Carer (Mr Okonkwo)' is 'P02a' in the pseudonym key already": a role's label
    with a note is its own row, never another's spelling."""
    copies, key = _copies(
        tmp_path,
        {"fam02.txt": _TWO_CARERS},
        "Carer (Mrs Okonkwo),P02a",
        "Carer (Mr Okonkwo),P02b",
    )
    assert copies == {
        "fam02.txt": (
            "Interviewer: Could you both tell me how the team supported you?\n\n"
            "P02a: We waited eleven weeks.\n\n"
            "P02b: The nurse was good once she came.\n\n"
            "Interviewer: What made the difference?\n\n"
            "P02a: Continuity.\n"
        )
    }


def test_notes_left_out_of_role_labels_are_counted_apart_from_names(tmp_path: Path) -> None:
    """Codereview s52, 3: the five notes left out of ``Interviewer (EP):`` and ``Carer (...):``
    were counted as "5 name(s) replaced", though no name of the key was: they are counted
    apart."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fam02.txt").write_text(_TWO_CARERS, "utf-8")
    run = roqa("pseudonymise", folder, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == (
        "Pseudonyms: 0 name(s) replaced in the transcripts' text, labels included, and 5 "
        "note(s) left out of role labels; no name found, so no key was written to "
        f"{tmp_path / 'k.csv'}."
    )
