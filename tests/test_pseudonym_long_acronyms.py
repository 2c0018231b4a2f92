"""An organisation's acronym of 6 or 7 capitals (``SWYPFT``, ``BSMHFT``: many English mental
health trusts' are) or a name opening with a number (``2gether``, ``2GETHER``) is listed to
check, as a 3 to 5 letter one (``HPFT``) is: privacy tester s77, H5, where they never were and
named a trust and its region in every output. Generic acronyms, words in capitals and
measures stay unlisted."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def checked(key: dict[str, str], *said: str) -> tuple[str, list[NameToCheck]]:
    (after,), pkey = pseudonymise([talk("p01", *said)], PseudonymKey(key))
    return after.text, names_to_check([after], pkey)


def test_the_testers_trusts_are_listed() -> None:
    _, found = checked(
        {},
        "SWYPFT is under a lot of pressure. The 2gether trust keeps changing coordinators. We "
        "are commissioned by HPFT.",
        "The trust, SWYPFT, is under a lot of pressure. We also work with ELFT and 2GETHER, "
        "and BSMHFT.",
    )
    assert found == [
        NameToCheck("SWYPFT", 2, ("p01",)),
        NameToCheck("2GETHER", 1, ("p01",)),
        NameToCheck("2gether", 1, ("p01",)),
        NameToCheck("BSMHFT", 1, ("p01",)),
        NameToCheck("ELFT", 1, ("p01",)),
        NameToCheck("HPFT", 1, ("p01",)),
    ]


def test_generic_acronyms_capitals_and_measures_are_not() -> None:
    _, found = checked(
        {},
        "It was ABSOLUTELY chaos with CYPMHS and DNACPR forms. We met at 10am on the 3rd, "
        "10mins late, 24hours on, in the 1990s, 5ish, with 4Children. COVID19 and the LGBTQ group.",
    )
    assert found == []


def test_keyed_ones_are_replaced_and_one_left_in_lower_case_is_listed_as_keyed() -> None:
    text, found = checked(
        {"2gether": "trust A", "SWYPFT": "trust B"},
        "The 2gether trust, 2GETHER, SWYPFT and swypft.",
    )
    assert text == "P01: The [trust A] trust, [trust A], [trust B] and swypft.\n"
    assert found == [NameToCheck("swypft", 1, ("p01",), ("trust B",))]
