"""A capitalised word is one whose first letter is a capital of any script (Unicode Lu, Lt:
``roqa_nlp.name_characters.CAPITAL``), not only ``A`` to ``Z``, in the patterns that read names:
a ward's or home's name, a first name between a title and a keyed surname, a law's word after a
capitalised word, a surname after ``Mac`` (docs/privacy.md).

s76 privacy: "Étoile House" was not read as a home's name; "House" and "Étoile" were listed
apart.
"""

from __future__ import annotations

import warnings

import pytest

from pseudonym_helpers import talk
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn


def _listed(*said: str) -> list[str]:
    return [f.word for f in names_to_check([talk("p01", *said)])]


@pytest.mark.parametrize(
    ("said", "listed"),
    [
        ("We moved her to Étoile House last spring.", ["Étoile House"]),
        ("She lives at Łąka Lodge now, on Ørsted Ward.", ["Ørsted Ward", "Łąka Lodge"]),
        ("Étoile House is beside the day centre.", ["Étoile House"]),
    ],
)
def test_a_ward_or_home_name_opening_with_an_accented_capital_is_listed_whole(
    said: str, listed: list[str]
) -> None:
    assert _listed(said) == listed


@pytest.mark.parametrize(
    ("said", "listed"),
    [
        ("Zoë, she does the rotas. Yes.", ["Zoë"]),
        ("I spoke to Łukasz about the rota.", ["Łukasz"]),
        ("It was Siân who set it up, with Mrs Siân Hughes.", ["Siân", "Hughes"]),
        ("We asked Étienne to help, and then Étienne left.", ["Étienne"]),
    ],
)
def test_accented_first_names_are_listed_in_a_realistic_sentence(
    said: str, listed: list[str]
) -> None:
    assert _listed(said) == listed


def test_a_law_word_after_an_accented_capitalised_word_is_a_word_of_its_name() -> None:
    """As "the Mental Health Bill": not listed, where "Bill" alone is a name ("I asked Bill")."""
    assert _listed("We read the Énergie Bill in committee.") == ["Énergie"]
    assert _listed("We read the Energie Bill in committee.") == ["Energie"]


def test_a_keyed_surname_after_a_title_and_an_accented_first_name_is_no_ones() -> None:
    """As 'Mrs Joan Ellison' (re-test s52, 11): 'Mrs Łucja Ellison' is another person than the
    participant Ruth Ellison, so her surname is [name], not P61's pseudonym."""
    text = (
        "Interviewer: So, Ruth, tell me about the house.\n"
        "Ruth Ellison: It's a rehab unit. Mrs Łucja Ellison helps on Sundays.\n"
    )
    start = text.index("It's")
    turns = [
        Turn("Interviewer", "interviewer", 13, start - len("Ruth Ellison: ") - 1),
        Turn("Ruth Ellison", "participant", start, len(text) - 1),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([Transcript("p61", text, turns)], PseudonymKey())
    assert (
        after.text.splitlines()[1] == "P61: It's a rehab unit. Mrs Łucja [name] helps on Sundays."
    )
