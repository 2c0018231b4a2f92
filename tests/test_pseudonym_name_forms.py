"""Specification of the forms of an identifier that pseudonymising replaces besides the plain
one (session 39): an e-mail address read out with one word before "at", and a street address
with its town (``roqa_nlp.identifiers``)."""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn


def said_by_p02(talk: str, key: dict[str, str]) -> str:
    """``talk`` as P02's turn of an interview in which no keyed person speaks, pseudonymised."""
    text = f"Interviewer: Who else?\nP02: {talk}\n"
    start = text.index("P02: ") + 5
    turns = [
        Turn("Interviewer", "interviewer", 13, 22),
        Turn("P02", "participant", start, start + len(talk)),
    ]
    t = Transcript("p02", text, turns, source="p02.txt", participant="P02")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    return after.turn_text(after.turns[1])


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("email me on aisha at nhs dot net", "email me on [email]"),
        ("my email address is dsmith at gmail dot com.", "my email address is [email]."),
        ("e-mail me at bob at nhs dot uk", "e-mail me at [email]"),
        # no cue, no name: talk of a web site or a team
        ("look at nhs dot uk", "look at nhs dot uk"),
        ("the guidance at nice dot org dot uk", "the guidance at nice dot org dot uk"),
        ("meet at the office dot com", "meet at the office dot com"),
        ("email the team at leeds dot ac dot uk", "email the team at leeds dot ac dot uk"),
    ],
)
def test_an_address_read_out_after_an_email_cue_is_an_email(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


# -- a street address and its town --------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("I live at 12 Station Road Leeds LS1 4AB now", "I live at [address] [postcode] now"),
        ("I live at 12 Station Road Leeds LS1, near", "I live at [address], near"),
        ("I live at 12 Station Road Leeds.", "I live at [address]."),
        ("at 12 Station Road Milton Keynes, by the", "at [address], by the"),
        # a sentence after the street keeps its first word
        ("at 12 Station Road. Leeds was busy", "at [address]. Leeds was busy"),
        # a place named for its street stays as before
        ("at 3 High Street Surgery, the nurse", "at 3 High Street Surgery, the nurse"),
        ("2 North Street Leeds beds were shut", "2 North Street Leeds beds were shut"),
        ("at 12 Station Road I think", "at [address] I think"),
    ],
)
def test_a_town_after_a_street_without_a_comma_is_part_of_the_address(
    said: str, expected: str
) -> None:
    assert replace_identifiers(said) == expected
