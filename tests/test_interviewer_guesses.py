"""A run's interviewer guesses are said once for the files whose guess is alike (session 55)."""

from __future__ import annotations

import warnings
from dataclasses import replace
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.interviewer_guesses import speaker_warnings
from roqa_nlp.transcripts.roles import SpeakerWarning

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
