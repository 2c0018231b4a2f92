"""A common given name (``data/given_names.txt``) written capitalised somewhere is listed to
check however often the study also writes it in lower case, as speech-to-text writes names:
privacy tester s77, H4 ("One resident, Deirdre, she's ... deirdre cries about it." listed
nothing, and both forms reached every output). A word that is no such name stays unlisted where
the study writes it in lower case ("Recovery", "recovery"), and so does an everyday word that
is a given name too ("Grace", "grace")."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[NameToCheck]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return names_to_check([after], key)


def test_the_testers_deirdre_is_listed() -> None:
    assert listed(
        "Housing. One resident, Deirdre, she's been ready to move on for two years. deirdre "
        "cries about it."
    ) == [NameToCheck("Deirdre", 1, ("p01",))]


def test_within_a_sentence_and_opening_one() -> None:
    assert listed(
        "I asked Kwame and Siobhán. kwame said yes, siobhan said no. Bushra rang, bushra knows."
    ) == [
        NameToCheck("Bushra", 1, ("p01",)),
        NameToCheck("Kwame", 1, ("p01",)),
        NameToCheck("Siobhán", 1, ("p01",)),
    ]


def test_no_name_and_everyday_words_written_in_lower_case_are_not() -> None:
    assert (
        listed(
            "We went to the Recovery College, recovery is slow. Staff at the Grace Centre said "
            "grace before meals. I asked Tamsin, and tamsin said no."
        )
        == []
    )
