"""A street whose kind is ``Green``, ``Rye``, ``Vale``, ``View``, ``Wharf`` or ``Quay``, after
a house number, is a street address (``direct_identifiers.json`` STREET_KIND): privacy tester
s77, M2, where ``54 Rushey Green`` and ``3 Peckham Rye`` kept their house numbers. A thing
counted after it (``Village Green meetings``) and a place without a number stay."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise


def pseudonymised(said: str) -> str:
    (after,), _ = pseudonymise([talk("p01", said)], PseudonymKey({}))
    return after.text


def test_the_testers_addresses_are_replaced() -> None:
    assert (
        pseudonymised(
            "The women's group meets at 54 Rushey Green on Tuesdays, and the men at 3 Peckham Rye."
        )
        == "P01: The women's group meets at [address] on Tuesdays, and the men at [address].\n"
    )


def test_the_other_new_kinds_with_a_town_after() -> None:
    assert pseudonymised(
        "I live at 2 Sea View, Whitby. The office is 14 Calder Vale and 9 Salthouse Quay, and "
        "the store is at 7 Mill Wharf."
    ) == (
        "P01: I live at [address]. The office is [address] and [address], and the store is at "
        "[address].\n"
    )


def test_a_thing_counted_or_no_number_stays() -> None:
    said = "We have 3 Village Green meetings a week. In 2019 Bethnal Green was busy."
    assert pseudonymised(said) == f"P01: {said}\n"


def test_a_phrase_ending_in_a_new_kind_with_talk_after_stays() -> None:
    """hunt5 finding 1: the new kinds end ratings, reports, surnames and London places too, so
    they need a comma, the sentence's end, a town, a postcode or a word like ``on`` after them;
    a year or a clock time is no house number for them."""
    said = (
        "We had 3 Red Amber Green ratings. We did a 360 Degree View of the service. The Mental "
        "Health 5 Year Forward View set targets. At 9 Dr Green came in. By 2021 Canary Wharf had "
        "two. I did 4 Parsons Green shifts. By 2021 Notting Hill had two. We met at 10 Primrose "
        "Hill on Monday."
    )
    assert pseudonymised(said) == f"P01: {said}\n"


def test_a_new_kind_at_a_sentence_end_or_before_a_postcode_is_an_address() -> None:
    assert (
        pseudonymised(
            "She lives at 14 Primrose Hill in a flat. Mine is 1999 Park Green, Leeds LS1 4AB. I live "
            "at 3 Peckham Rye."
        )
        == "P01: She lives at [address] in a flat. Mine is [address] [postcode]. I live at [address].\n"
    )
