"""Specification of a speaker's name word that is also an everyday word ("Young", "Green",
"Mark", "Will") at the start of a sentence (session 42, tester's D1): it is the word ("Young
people", "Green light", "Mark my words") unless what stands around it says it is the person
("Mark said", "Young's", "Mark, can you", "Mrs. Young"), so it stays and is listed to check.
Before, it was replaced wherever it was capitalised: 8 of 11 replacements in the tester's
interview of Mark Young by Will Green were ordinary words, and "[P07] people" told a second
coder that P07 is called Young."""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn

KEY = {"Will Green": "Interviewer", "Mark Young": "P07"}


def interview(*turns: tuple[str, str]) -> Transcript:
    """A transcript of ``turns`` (speaker, talk), ``Speaker: talk`` a line each."""
    text, spans = "", []
    for speaker, talk in turns:
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {talk}\n"
        role = "interviewer" if speaker == "Will Green" else "participant"
        spans.append(Turn(speaker, role, start, start + len(talk)))
    return Transcript("p07", text, spans, source="p07.txt", participant="P07")


def pseudonymised(t: Transcript, key: dict[str, str] | None = None) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(dict(key or KEY)))
    return after


def said(talk: str, key: dict[str, str] | None = None) -> str:
    """``talk`` as Mark Young's answer to Will Green, pseudonymised."""
    after = pseudonymised(interview(("Will Green", "Go on."), ("Mark Young", talk)), key)
    return after.turn_text(after.turns[1])


def test_everyday_words_of_the_speakers_names_opening_a_sentence_stay() -> None:
    talk = (
        "Sure. Young people are a third of our caseload. Green spaces matter, so we run the "
        "allotment. Mark my words, it works. Young staff especially. Mark the date on the "
        "calendar. Young carers come on Saturdays. Green light from the family helps."
    )
    assert said(talk) == talk


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        # the person: a verb of speech or action, a possessive, a comma, a title, a full name
        ("Will said he'd sort it.", "[Interviewer] said he'd sort it."),
        ("Will is great. Will never does.", "[Interviewer] is great. Will never does."),
        ("Young's team did it.", "[P07]'s team did it."),
        ("Mark, you asked me that.", "[P07], you asked me that."),
        ("Ask Mrs. Young. Mr Green knows.", "Ask Mrs. [P07]. Mr [Interviewer] knows."),
        ("Mark Young, that's me.", "[P07], that's me."),
        # alone at the end of a turn, as a sentence of its own
        ("Who signs it? Young", "Who signs it? [P07]"),
        (
            "Thanks. Young thinks so. Green told me.",
            "Thanks. [P07] thinks so. [Interviewer] told me.",
        ),
        # within a sentence, the capitalised word is the name, as before
        ("I asked Young and Green about it.", "I asked [P07] and [Interviewer] about it."),
        # a name word that is no everyday word is the name at a sentence's start too
        ("Okafor is the consultant.", "[P09] is the consultant."),
        # an everyday word opening a question stays, as before
        ("Will it last? May I ask?", "Will it last? May I ask?"),
    ],
)
def test_a_name_word_opening_a_sentence_is_the_person_only_where_the_talk_says_so(
    talk: str, expected: str
) -> None:
    key = {**KEY, "Ngozi Okafor": "P09"}
    after = pseudonymised(
        interview(("Will Green", "Go on."), ("Mark Young", talk), ("Ngozi Okafor", "Yes.")), key
    )
    assert after.turn_text(after.turns[1]) == expected


def test_a_name_word_left_at_a_sentences_start_is_listed_to_check() -> None:
    after = pseudonymised(
        interview(
            ("Will Green", "Go on."),
            ("Mark Young", "Young people matter. Green spaces too. Mark my words."),
        )
    )
    listed = {(n.word, n.count) for n in names_to_check([after], PseudonymKey(dict(KEY)))}
    assert listed == {("Young", 1), ("Green", 1), ("Mark", 1)}
