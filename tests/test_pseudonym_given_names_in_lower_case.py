"""A common given name (``data/given_names.txt``) written capitalised somewhere is listed to
check however often the study also writes it in lower case, as speech-to-text writes names:
privacy tester s77, H4 ("One resident, Deirdre, she's ... deirdre cries about it." listed
nothing, and both forms reached every output). A word that is no such name stays unlisted where
the study writes it in lower case ("Recovery", "recovery"), and so does an everyday word that
is a given name too ("Grace", "grace"). The name in lower case is listed too, as written."""

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
    ) == [NameToCheck("Deirdre", 1, ("p01",)), NameToCheck("deirdre", 1, ("p01",))]


def test_within_a_sentence_and_opening_one() -> None:
    assert listed(
        "I asked Kwame and Siobhán. kwame said yes, siobhan said no. Bushra rang, bushra knows."
    ) == [
        NameToCheck("Bushra", 1, ("p01",)),
        NameToCheck("bushra", 1, ("p01",)),
        NameToCheck("Kwame", 1, ("p01",)),
        NameToCheck("kwame", 1, ("p01",)),
        NameToCheck("siobhan", 1, ("p01",)),
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


def test_a_given_name_in_lower_case_is_listed_as_written() -> None:
    # an all lower-case transcript, as speech-to-text writes one (privacy tester s77, H3)
    assert listed(
        "so the key workers kemi and tunde review the goals and tunde rings grace every week"
    ) == [NameToCheck("tunde", 2, ("p01",)), NameToCheck("kemi", 1, ("p01",))]
