"""A run's interviewer guesses are said once for the files whose guess is alike (session 55)."""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from roqa_nlp.cli.pseudonymise_cmd import guessed_interviewers_warning
from roqa_nlp.pseudonyms import pseudonymise
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.interviewer_guesses import (
    RunGuesses,
    guesses_said_once,
    speaker_warnings,
)
from roqa_nlp.transcripts.roles import SpeakerWarning
from test_cli_core import roqa

TALK = (
    "Sam Roe: Thanks for joining. What has helped the new care plans along?\n\n"
    "Jo Bell: Honestly the training days. Everyone came back with the same language.\n\n"
    "Sam Roe: And what got in the way?\n\n"
    "Jo Bell: Staffing. We were two carers short for most of the winter.\n\n"
    "Sam Roe: Anything else?\n\nJo Bell: No, that's everything.\n"
)


def _read(path: Path, text: str) -> Transcript:
    path.write_text(text, "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpeakerWarning)
        return read_transcript(path)


def test_a_guess_with_more_to_say_keeps_its_own_line(tmp_path: Path) -> None:
    """p09's interviewer is guessed as the others' is, but a participant label given matched no
    one there: its line says both, so it is not folded into the run's line."""
    p07 = _read(tmp_path / "p07.txt", TALK)
    p08 = _read(tmp_path / "p08.txt", TALK.replace("Jo Bell", "Kim Ng"))
    p09 = _read(tmp_path / "p09.txt", TALK)
    p09 = replace(p09, metadata={**p09.metadata, "participant_labels_unmatched": ["Zed"]})
    assert speaker_warnings([p07, p08, p09]) == [
        f"{p09.source}: no speaker is named as the interviewer, so 'Sam Roe', who asks the "
        "questions (3 of 3 turns), was taken as the interviewer (name the interviewer with "
        "--interviewer NAME to choose otherwise); and no speaker matched the participant "
        "label(s) 'Zed': the speakers are 'Sam Roe', 'Jo Bell' (give --participant the "
        "participant's label as the transcript spells it)",
        "no speaker is named as the interviewer in 2 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Sam Roe' in p07.txt, p08.txt) (name the "
        "interviewer with --interviewer NAME to choose otherwise)",
    ]


def test_files_of_one_name_in_two_folders_are_named_by_their_paths(tmp_path: Path) -> None:
    (tmp_path / "zoom").mkdir()
    (tmp_path / "teams").mkdir()
    one = _read(tmp_path / "zoom" / "P01.txt", TALK)
    other = _read(tmp_path / "teams" / "P01.txt", TALK)
    assert speaker_warnings([one, other]) == [
        "no speaker is named as the interviewer in 2 transcripts, so the one who asks the "
        f"questions was taken as the interviewer in each ('Sam Roe' in {one.source}, "
        f"{other.source}) (name the interviewer with --interviewer NAME to choose otherwise)"
    ]


def test_one_guess_alone_is_said_as_before(tmp_path: Path) -> None:
    p07 = _read(tmp_path / "p07.txt", TALK)
    assert speaker_warnings([p07]) == [
        f"{p07.source}: no speaker is named as the interviewer, so 'Sam Roe', who asks the "
        "questions (3 of 3 turns), was taken as the interviewer (name the interviewer with "
        "--interviewer NAME to choose otherwise)"
    ]


def test_one_interviewer_spelled_two_ways_is_one_guess(tmp_path: Path) -> None:
    """review, session 55: guesses were grouped by their exact spelling, so 'SAM ROE' (a video
    call's display name in capitals) kept a line of its own beside the run's line for 'Sam
    Roe'. One name in any case, with or without its accents, is one guess, shown as the first
    file spells it."""
    p07 = _read(tmp_path / "p07.txt", TALK)
    p08 = _read(tmp_path / "p08.txt", TALK.replace("Sam Roe", "SAM ROE"))
    p09 = _read(tmp_path / "p09.txt", TALK.replace("Sam Roe", "Sám Roe"))
    assert speaker_warnings([p07, p08, p09]) == [
        "no speaker is named as the interviewer in 3 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Sam Roe' in p07.txt, p08.txt, "
        "p09.txt) (name the interviewer with --interviewer NAME to choose otherwise)"
    ]


def test_pseudonymise_words_its_guesses_as_code_does(tmp_path: Path) -> None:
    """review, session 55: ``roqa pseudonymise`` said its run's guesses file by file ("p07.txt:
    'Sam Roe', p08.txt: 'Sam Roe'") where ``roqa code`` groups them by person ("'Sam Roe' in
    p07.txt, p08.txt"), one thing said two ways. One formatter words both."""
    p07 = _read(tmp_path / "p07.txt", TALK)
    p08 = _read(tmp_path / "p08.txt", TALK.replace("Jo Bell", "Kim Ng"))
    p09 = _read(tmp_path / "p09.txt", TALK.replace("Sam Roe", "Ann Lee"))
    assert guesses_said_once([p07, p08, p09], ", and so on") == (
        "no speaker is named as the interviewer in 3 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Sam Roe' in p07.txt, p08.txt; "
        "'Ann Lee' in p09.txt), and so on (name the interviewer with --interviewer NAME to "
        "choose otherwise)"
    )
    (k07, k08), _ = pseudonymise([p07, p08])
    assert guessed_interviewers_warning([k07, k08]) == speaker_warnings([k07, k08])[0].replace(
        "p08.txt)", "p08.txt), and the key gives them those pseudonyms"
    )


def test_pseudonymise_says_no_pseudonym_of_a_guess_whose_label_names_no_one(
    tmp_path: Path,
) -> None:
    """Session 63 tester (readers, 7): guesses under a transcription's numbers ('Speaker 1',
    'SPEAKER_00') were said to be given "those pseudonyms" by the key, and then no key was
    written, for no name was found. The key gives only names pseudonyms."""
    numbered = TALK.replace("Sam Roe", "Speaker 1").replace("Jo Bell", "Speaker 2")
    p07 = _read(tmp_path / "p07.txt", numbered)
    p08 = _read(tmp_path / "p08.txt", numbered)
    p09 = _read(tmp_path / "p09.txt", TALK)
    (k07, k08, k09), _ = pseudonymise([p07, p08, p09])
    assert guessed_interviewers_warning([k07, k08]) == speaker_warnings([k07, k08])[0]
    assert guessed_interviewers_warning([k07, k09]) == (
        "no speaker is named as the interviewer in 2 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Speaker 1' in p07.txt; 'Interviewer' "
        "in p09.txt), and 'Interviewer' is a pseudonym the key gives (name the interviewer "
        "with --interviewer NAME to choose otherwise)"
    )
    run = roqa(
        "pseudonymise", tmp_path / "p07.txt", tmp_path / "p08.txt",
        "--key", tmp_path / "key.csv", "--out", tmp_path / "shared",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert "roqa: warning: " + speaker_warnings([k07, k08])[0] in " ".join(run.err.split())
    assert "pseudonym" not in run.err.split("no speaker is named")[1]
    assert "no name found, so no key was written" in run.out


def test_a_line_said_instead_takes_the_place_of_a_files_warning(tmp_path: Path) -> None:
    """``roqa code --pseudonymise`` says of a transcript with no participant turns the line
    ``roqa pseudonymise`` gives, in place of its speaker warning, through the one loop: that
    transcript's guess is not held for the run's line."""
    p07 = _read(tmp_path / "p07.txt", TALK)
    p08 = _read(tmp_path / "p08.txt", TALK)
    p09 = _read(tmp_path / "p09.txt", TALK)
    said = speaker_warnings([p07, p08, p09], instead=lambda t: "its own line" if t is p09 else None)
    assert said == [
        "its own line",
        "no speaker is named as the interviewer in 2 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Sam Roe' in p07.txt, p08.txt) (name the "
        "interviewer with --interviewer NAME to choose otherwise)",
    ]


def test_guesses_held_for_a_streamed_run_are_said_at_its_end(tmp_path: Path) -> None:
    """A streamed run's parts are warned of part by part: their guesses are held in the run's
    :class:`RunGuesses` and said once, after the last part, not at the end of each."""
    run = RunGuesses()
    first = speaker_warnings([_read(tmp_path / "p07.txt", TALK)], run=run)
    second = speaker_warnings([_read(tmp_path / "p08.txt", TALK)], run=run)
    assert (first, second) == ([], [])
    assert run.said_at_end() == [
        "no speaker is named as the interviewer in 2 transcripts, so the one who asks the "
        "questions was taken as the interviewer in each ('Sam Roe' in p07.txt, p08.txt) (name the "
        "interviewer with --interviewer NAME to choose otherwise)"
    ]


def test_numbered_labels_are_two_interviewers(tmp_path: Path) -> None:
    """The run's line grouped guesses by :func:`~roqa_nlp.transcripts.roles.person_name`, which
    leaves out a label's number: 'Speaker 1' taken in p07 and 'Speaker 2' in p08 were said as
    "'Speaker 1' in p07.txt, p08.txt" (and roqa pseudonymise's pseudonyms 'Interviewer' and
    'Interviewer 2' as one). Two numbers are two people, each guess said on its own line."""
    p07 = _read(tmp_path / "p07.txt", TALK.replace("Sam Roe", "Speaker 1"))
    p08 = _read(tmp_path / "p08.txt", TALK.replace("Sam Roe", "Speaker 2"))
    assert speaker_warnings([p07, p08]) == [
        f"{p.source}: no speaker is named as the interviewer, so '{who}', who asks the "
        "questions (3 of 3 turns), was taken as the interviewer (name the interviewer with "
        "--interviewer NAME to choose otherwise)"
        for p, who in ((p07, "Speaker 1"), (p08, "Speaker 2"))
    ]
