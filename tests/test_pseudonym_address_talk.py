"""Specification of talk that a street address's patterns must leave whole (session 41's
regression hunt): a year before a street's name is no house number, a number before a street
and a listed town counts the thing named after them, and a town that shares a word with a
keyed name stays the address's town (``roqa_nlp.identifiers``, ``roqa_nlp.pseudonyms``)."""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn

#: the regression hunt's key (/tmp/s41_hunt1/ps/k3.csv): two first names that are towns
KEY = {"Maria Okafor": "P08", "Lincoln Hayes": "P10", "Chester Brown": "P11"}


def said(talk: str, speaker: str = "P04") -> str:
    """``talk`` as ``speaker``'s turn, pseudonymised with :data:`KEY`."""
    text = f"Interviewer: Where?\n{speaker}: {talk}\n"
    start = text.index(f"{speaker}: ") + len(speaker) + 2
    turns = [
        Turn("Interviewer", "interviewer", 13, 19),
        Turn(speaker, "participant", start, start + len(talk)),
    ]
    participant = KEY.get(speaker, speaker)
    t = Transcript("p", text, turns, source="p.txt", participant=participant)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(KEY))
    return after.turn_text(after.turns[1])


@pytest.mark.parametrize(
    "talk",
    [
        "In 2020 Church Street York was pedestrianised.",
        "Between 2015 and 2017 Park Road Harrogate was our office.",
        "By 2021 Station Road York had two new services.",
        "In 2019 High Street Leeds was closed for roadworks.",
        "In 2019 High Street was closed for roadworks.",
        "Since 2018 Market Street Bradford has had our shop.",
    ],
)
def test_a_year_before_a_street_is_no_house_number(talk: str) -> None:
    """Session 41: 'In 2020 Church Street York was pedestrianised' became 'In [address] was
    pedestrianised', the year read as a house number (and 'In 2019 High Street was closed' was
    '[address]' before that). A number from 1900 to 2099 starts no address."""
    assert replace_identifiers(talk) == talk
