"""Specification of names written in lower case, as speech-to-text writes them (tester s39
privacy, 1): a keyed one-word name ("maria" for a row ``Maria,chief executive``) and a speaker's
own name where they speak ("hello denise") are replaced in lower case too, unless they are also
an everyday word ("we will", "mark the form"), which stays and is listed among the words to
check (``roqa_nlp.pseudonyms``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa


def interview(lines: list[tuple[str, str, str]], name: str = "p02") -> Transcript:
    """A transcript of ``(label, role, talk)`` lines, the labels as written."""
    text, turns = "", []
    for label, role, talk in lines:
        text += f"{label}: "
        turns.append(Turn(label, role, len(text), len(text) + len(talk)))
        text += talk + "\n"
    return Transcript(name, text, turns, source=f"{name}.txt")


def pseudonymised(t: Transcript, key: dict[str, str]) -> list[str]:
    """The talk of each turn of ``t`` pseudonymised with ``key``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    return [after.turn_text(turn) for turn in after.turns]


def test_a_keyed_one_word_name_in_lower_case_is_replaced() -> None:
    """The tester's casetest3: the row ``maria,deputy`` left "Also maria helps"."""
    talk = (
        "Our nominated individual tom hale is great, and Tom Hale visits monthly. Also maria "
        "helps, and Maria Lopez too, and maria lopez."
    )
    t = interview(
        [("Interviewer", "interviewer", "Who supports you?"), ("P30", "participant", talk)]
    )
    key = {"Tom Hale": "nominated individual", "Maria Lopez": "deputy", "maria": "deputy"}
    assert pseudonymised(t, key)[1] == (
        "Our nominated individual [nominated individual] is great, and [nominated individual] "
        "visits monthly. Also [deputy] helps, and [deputy] too, and [deputy]."
    )
    assert pseudonymised(
        interview([("P30", "participant", "Our chief executive, maria, was brilliant.")]),
        {"Maria": "chief executive"},
    ) == ["Our chief executive, [chief executive], was brilliant."]


def test_a_speakers_own_name_in_lower_case_is_replaced_where_they_speak() -> None:
    """The tester's casetest4: "hello denise" in Denise Okoro's interview stayed."""
    t = interview(
        [
            ("Sam Roe", "interviewer", "hello denise, thanks so much for making the time."),
            ("Denise Okoro", "participant", "No problem sam, okoro's my name at work."),
            ("Sam Roe", "interviewer", "thank you denise okoro."),
        ]
    )
    assert pseudonymised(t, {"Sam Roe": "Interviewer", "Denise Okoro": "P12"}) == [
        "hello [P12], thanks so much for making the time.",
        "No problem [Interviewer], [P12]'s my name at work.",
        "thank you [P12].",
    ]


@pytest.mark.parametrize(
    ("key", "talk"),
    [
        ({"Will Jones": "P02"}, "we will see, and I will ask jones too"),
        ({"Mark Rose": "P02"}, "mark the form, a rose garden"),
        ({"Grace Hope": "P02"}, "by the grace of god, I hope so"),
        ({"Bill Dawn": "P02"}, "the bill came at dawn"),
        ({"Hope": "manager", "May": "nurse"}, "I hope we may"),
        # a word of a display name that is a word of everyday talk (data/everyday_words.txt)
        ({"Jo Bloggs | Mind in Leeds": "P02"}, "never mind, a conference room"),
        ({"Conference Room 2": "P02"}, "a conference room"),
    ],
)
def test_a_name_that_is_also_a_word_stays_in_lower_case(key: dict[str, str], talk: str) -> None:
    speaker = next(iter(key))
    t = interview([("Interviewer", "interviewer", "Go on?"), (speaker, "participant", talk)])
    expected = talk.replace("jones", "[P02]")  # a surname that is no word is still theirs
    assert pseudonymised(t, key)[1] == expected


def test_a_name_that_is_also_a_word_left_in_lower_case_is_listed_to_check() -> None:
    t = interview(
        [
            ("Interviewer", "interviewer", "Go on?"),
            ("Will Jones", "participant", "we will see, and denise will too."),
        ]
    )
    key = PseudonymKey({"Will Jones": "P02", "Denise Okoro": "P12"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        after, key = pseudonymise([t], key)
    # "will" is a word, and "denise" a first name of someone who does not speak here: both stay
    assert after[0].turn_text(after[0].turns[1]) == "we will see, and denise will too."
    assert names_to_check(after, key) == [
        NameToCheck("will", 2, ("p02",)),
        NameToCheck("denise", 1, ("p02",)),
    ]


def test_roqa_pseudonymise_replaces_and_lists_lower_case_names(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p30.txt").write_text(
        "Interviewer: Who supports you?\nP30: Also maria helps, and we will see.\n", "utf-8"
    )
    (tmp_path / "key.csv").write_text("name,pseudonym\nmaria,deputy\nWill,manager\n", "utf-8")
    run = roqa(
        "pseudonymise", tmp_path / "in", "--key", tmp_path / "key.csv", "--out", tmp_path / "out"
    )
    assert run.code == 0, run.err
    assert read_transcript(tmp_path / "out" / "p30.txt").text == (
        "Interviewer: Who supports you?\nP30: Also [deputy] helps, and we will see.\n"
    )
    assert "  will                    1  p30" in run.out
