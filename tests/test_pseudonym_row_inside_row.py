"""A one-word key row (``Stevenage,town``) replaces its capitalised word also where a longer row
holds the word (``Mind in Stevenage,charity``) but its phrase is not there: privacy tester s77,
M1, where ``in Stevenage`` (the longer row's words after its first, looked for as a surname
needing a title) was matched first, skipped whole, and ``Stevenage`` stayed in every output."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def checked(key: dict[str, str], *said: str) -> tuple[str, list[NameToCheck]]:
    (after,), pkey = pseudonymise([talk("p01", *said)], PseudonymKey(key))
    return after.text, names_to_check([after], pkey)


def test_the_testers_town_is_replaced_beside_the_charity() -> None:
    said = "I'm a recovery service in Stevenage. Gareth used to work for Mind in Stevenage."
    for key in (
        {"Stevenage": "town", "Mind in Stevenage": "charity"},
        {"Mind in Stevenage": "charity", "Stevenage": "town"},
    ):
        assert checked(key, said) == (
            "P01: I'm a recovery service in [town]. Gareth used to work for [charity].\n",
            # a common given name opening a sentence (data/given_names.txt; s77, pfix3)
            [NameToCheck("Gareth", 1, ("p01",))],
        )


def test_without_the_one_word_row_the_word_stays_and_is_listed_as_the_charitys() -> None:
    assert checked({"Mind in Stevenage": "charity"}, "A service in Stevenage.") == (
        "P01: A service in Stevenage.\n",
        [NameToCheck("Stevenage", 1, ("p01",), ("charity",))],
    )
