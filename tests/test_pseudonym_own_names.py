"""A speaker's own name or nickname is listed to check among the likeliest names, wherever it
stands: ``Dan, that's me, I've been here ten years``, ``everyone calls me Dan``
(``data/own_name_phrases.txt``). s75 tester, B: the first was not listed at all, and the second
was listed after the places."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise

PLACES = "We went to Bramley and Bramley, and Ofsted came to Bramley."


def listed(*said: str) -> list[str]:
    (after,), key = pseudonymise([talk("p01", PLACES, *said)], PseudonymKey({}))
    return [f.word for f in names_to_check([after], key)]


def test_a_name_before_thats_me_is_listed_first() -> None:
    assert listed("Dan, that's me, I've been here ten years.") == ["Dan", "Bramley", "Ofsted"]


def test_a_nickname_after_calls_me_is_listed_first_though_written_in_lower_case() -> None:
    said = "Everyone calls me Dan. I drive the dan van."
    # "dan" in lower case is not listed: as often a word ("dan grade") as a name (s77 hunt6, F4)
    assert listed(said) == ["Dan", "Bramley", "Ofsted"]


def test_a_name_given_so_that_is_also_a_word_is_listed() -> None:
    said = "My name’s Rose and I'm the researcher. I go by Will. I will, I rose early."
    assert listed(said) == ["Rose", "Will", "Bramley", "Ofsted"]


def test_a_role_kinship_day_or_everyday_word_said_so_is_not() -> None:
    said = (
        "They call me Mum. He called me Monday. My name is on the rota. That's me, that's me. "
        "Call me old-fashioned. Nurse, that's me. You, that's me. Honestly, that's me."
    )
    assert listed(said) == ["Bramley", "Ofsted"]
