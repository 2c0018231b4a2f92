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
