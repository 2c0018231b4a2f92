"""A word of the talk listed to check (``Oakfield``, capitalised within a sentence, never in
lower case) that a file name holds in lower case (``a_oakfield_zoom.vtt``) is warned of in that
file name, as a keyed surname there is: the outputs name the transcript by it. Session 73
study3 tester, D4 (iii): ``a_oakfield_zoom`` and ``c_P14_ashgrove`` named their services in
every output, with no warning."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import (
    PseudonymKey,
    names_to_check,
    pseudonymise,
    warn_of_names_to_check_in_file_names,
)
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

OAKFIELD = (
    "Interviewer: Thanks for making time. Tell me about the house.\n"
    "Participant: It is a twelve bed house. At Oakfield we try to keep people connected.\n"
    "Interviewer: What helps?\n"
    "Participant: Our staff at Oakfield know the residents well.\n"
)
ASHGROVE = (
    "Interviewer: How long have you managed the service?\n"
    "P14: Six years now. The people at Ashgrove are mostly older men.\n"
)


def said(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        read = [read_transcript(tmp_path / name) for name in files]
        after, key = pseudonymise(read, PseudonymKey({}))
        caught.clear()
        warn_of_names_to_check_in_file_names(after, names_to_check(after, key))
    return [str(w.message) for w in caught]


def test_a_listed_word_in_a_lower_case_file_name_is_warned_of(tmp_path: Path) -> None:
    assert said(tmp_path, {"a_oakfield_zoom.txt": OAKFIELD, "c_P14_ashgrove.txt": ASHGROVE}) == [
        "a_oakfield_zoom.txt: the file name holds oakfield, which the talk "
        "writes as a name listed to check (Oakfield), and the outputs carry it: rename the file",
        "c_P14_ashgrove.txt: the file name holds ashgrove, which the talk "
        "writes as a name listed to check (Ashgrove), and the outputs carry it: rename the file",
    ]


def test_said_in_another_transcript_of_the_study_too(tmp_path: Path) -> None:
    """The study's talk names the service; a file name naming it identifies the one manager."""
    files = {"b_oakfield.txt": "Interviewer: Hello?\nP02: Hello.\n", "a_zoom.txt": OAKFIELD}
    assert said(tmp_path, files) == [
        "b_oakfield.txt: the file name holds oakfield, which the talk writes "
        "as a name listed to check (Oakfield), and the outputs carry it: rename the file"
    ]


def test_a_word_not_listed_or_warned_of_already_is_not_said_again(tmp_path: Path) -> None:
    """``Zoom`` is no name; a capitalised ``Oakfield`` of a file name is warned of already, as
    maybe a name, by pseudonymise()."""
    assert said(tmp_path, {"a_house_zoom.txt": OAKFIELD, "Oakfield_p03.txt": ASHGROVE}) == []


def test_roqa_pseudonymise_warns_of_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_oakfield_zoom.txt").write_text(OAKFIELD, "utf-8")
    run = roqa(
        "pseudonymise", tmp_path / "in", "--key", tmp_path / "key.csv", "--out", tmp_path / "o"
    )
    assert run.code == 0, run.err
    assert (
        "a_oakfield_zoom.txt: the file name holds oakfield, which the talk writes as a name "
        "listed to check (Oakfield), and the outputs carry it: rename the file"
    ) in " ".join(run.err.split())


def test_an_everyday_or_job_word_of_a_file_name_is_not_warned_of(tmp_path: Path) -> None:
    """``key`` of ``t02_key_worker.txt``, its speaker's job title, is no name there, though
    another interview says "Mr Key" (docs/privacy.md: such a file name is not warned of)."""
    files = {
        "t02_key_worker.txt": "Interviewer: Who helps?\nKey Worker: The key thing is trust.\n",
        "p03.txt": "Interviewer: Who did the rota?\nP03: Ask Mr Key in the office.\n",
    }
    assert said(tmp_path, files) == []


HAVEN = (
    "Interviewer: Can you tell me about Haven?\n"
    "P16: So Haven is a six-bed crisis house. People stay at Haven up to fourteen days. We "
    "haven't got more beds.\n"
)


def test_a_stop_or_everyday_word_its_own_talk_writes_as_a_name_is_warned_of(
    tmp_path: Path,
) -> None:
    """``haven`` (a spoken stop word, of "haven't") of ``b_haven_rev``, whose talk says "People
    stay at Haven", and ``harbour`` of ``p23_harbour``, "Harbour Housing Trust": the file is
    named after the service its talk names (s74 hunt2: neither was warned of)."""
    harbour = "Interviewer: Who runs it?\nP23: We work for Harbour Housing Trust now.\n"
    assert said(tmp_path, {"b_haven_rev.txt": HAVEN, "p23_harbour.txt": harbour}) == [
        "b_haven_rev.txt: the file name holds haven, which the talk writes as a name listed "
        "to check (Haven), and the outputs carry it: rename the file",
        "p23_harbour.txt: the file name holds harbour, which the talk writes as a name listed "
        "to check (Harbour), and the outputs carry it: rename the file",
    ]


def test_but_not_where_only_another_transcript_writes_it_so(tmp_path: Path) -> None:
    """A stop or everyday word of a file name is warned of only where its own talk writes it as
    a name: ``haven`` of ``b_haven_notes`` is no name where only another interview says
    "Haven"."""
    files = {"b_haven_notes.txt": "Interviewer: Hello?\nP02: Hello.\n", "a_zoom.txt": HAVEN}
    assert said(tmp_path, files) == []


OPEN_DOOR = (
    "Interviewer: Can you tell me about Open Door?\n"
    "P17: So Open Door is a peer-led service. We keep an open door for people.\n"
)


def test_a_file_name_word_joining_two_words_the_talk_writes_as_a_name(tmp_path: Path) -> None:
    """``opendoor`` of ``d_opendoor_export``, whose talk says "about Open Door": two everyday
    words, neither listed, that name the service together (s74 hunt2)."""
    assert said(tmp_path, {"d_opendoor_export.txt": OPEN_DOOR}) == [
        "d_opendoor_export.txt: the file name holds opendoor, which the talk writes as a name "
        "(Open Door), and the outputs carry it: rename the file"
    ]
    assert said(tmp_path, {"d_open_door.txt": OPEN_DOOR}) == [
        "d_open_door.txt: the file name holds open door, which the talk writes as a name "
        "(Open Door), and the outputs carry it: rename the file"
    ]


def test_not_a_job_title_nor_a_pair_opening_a_sentence(tmp_path: Path) -> None:
    """``Key Worker`` is a job's title; "Open Door" only opening a sentence is not written as a
    name there."""
    files = {
        "t02_keyworker.txt": "Interviewer: Who helps?\nP02: My Key Worker helps, with the rota.\n",
        "d_opendoor.txt": "Interviewer: What works?\nP03: Open Door policies work.\n",
    }
    assert said(tmp_path, files) == []


def test_not_a_person_or_a_group_said_to(tmp_path: Path) -> None:
    """``boss`` of ``g11_hey_boss`` and ``folks`` of ``gr11_hi_folks``, their talk greeting "Hey
    Boss" and "Hi Folks": a person's word and a group said to are no one's name (measured: the
    benchmark's g10_welcome_friends, g11_hey_boss, gr11_hi_folks and gr16_hi_guys were warned
    of until they were left out)."""
    files = {
        "g11_hey_boss.txt": "Interviewer: Hey Boss, ready?\nP11: Ready as ever.\n",
        "gr11_hi_folks.txt": "Interviewer: So, Hi Folks and welcome.\nP12: Thanks.\n",
        "g10_welcome_friends.txt": "Interviewer: So, welcome Friends.\nP10: Thanks.\n",
    }
    assert said(tmp_path, files) == []


def test_two_words_listed_each_are_not_said_again_as_one_name(tmp_path: Path) -> None:
    text = "Interviewer: Where do you work?\nP25: I manage Elm Lodge, a care home.\n"
    assert said(tmp_path, {"p25_elm_lodge.txt": text}) == [
        "p25_elm_lodge.txt: the file name holds elm, lodge, which the talk writes as a name "
        "listed to check (Elm Lodge), and the outputs carry it: rename the file"
    ]


def test_a_given_name_in_a_lower_case_file_name_is_warned_of(tmp_path: Path) -> None:
    """Privacy2 L8 (session 78): ``p09_bernadette_quigley.txt``, a file named by someone who
    does not speak in it, was kept with no warning, its words in lower case; ``bernadette`` is
    a common given name of ``given_names.txt``. Not an abbreviation (``gp``, ``cpn``) nor a given
    name that is an everyday word (``will``, ``hope``)."""
    talk = "Interviewer: Who helps?\nP09: The team does.\n"
    files = {"p09_bernadette_quigley.txt": talk, "p10_gp_cpn_will_hope.txt": talk}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        pseudonymise([read_transcript(tmp_path / name) for name in files], PseudonymKey({}))
    assert [str(w.message) for w in caught] == [
        f"{tmp_path / 'p09_bernadette_quigley.txt'}: the file name holds bernadette, a given "
        "name in lower case, and the outputs carry it: rename the file"
    ]
