"""A common given name that only ever opens a sentence (``data/given_names.txt``: "Maya at the
agency is good", "Paddy, that's my deputy, does ...") is listed to check, after the names found
by the shape of their sentence, where a sentence's capital alone said nothing and the name went
unlisted: privacy tester s77, H6 (P11's Paddy reached every output) and study7, defect 3 (Maya,
the one name left after the team followed the list). An everyday word opening a sentence is
not, though it is also a given name ("Grace", "Hope", "Mark": data/word_given_names.txt)."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.given_names import is_common_given_name
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[NameToCheck]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return names_to_check([after], key)


def test_the_testers_names_opening_a_sentence_are_listed() -> None:
    assert listed(
        "Paddy, that's my deputy, does the recovery plans. Thistlemoor Medical Centre will not "
        "do home visits."
    ) == [NameToCheck("Medical", 1, ("p01",)), NameToCheck("Paddy", 1, ("p01",))]
    assert listed(
        "We try to book the same agency staff. Maya at the agency is good, she sends the regulars.",
        "Sofia, my deputy, does the nights. I asked Kofi about it.",
    ) == [
        NameToCheck("Sofia", 1, ("p01",)),
        NameToCheck("Kofi", 1, ("p01",)),
        NameToCheck("Maya", 1, ("p01",)),
    ]


def test_they_come_after_the_names_found_by_context() -> None:
    # Ruth is said to someone, Kwame and Łukasz only open sentences: they come after her,
    # most often said first
    assert listed(
        "Kwame runs the ward. Kwame said no. Łukasz does nights. Thanks, Ruth, for asking."
    ) == [
        NameToCheck("Ruth", 1, ("p01",)),
        NameToCheck("Kwame", 2, ("p01",)),
        NameToCheck("Łukasz", 1, ("p01",)),
    ]


def test_everyday_words_opening_a_sentence_are_not() -> None:
    assert (
        listed(
            "Grace is what we need. Hope keeps us going. Mark the form. Will it last? "
            "Sorry about that. Frank talk helps. Dawn shifts are hard."
        )
        == []
    )


def test_a_word_name_opening_a_sentence_before_a_speech_verb_is_listed() -> None:
    """s77 pfix3, found not fixed: "Grace said no. Grace from the agency rang." listed nothing.
    A given name that is also a word, a stop word or a month, opening a sentence before a verb
    reporting speech (data/speech_verbs.txt) is a person's, though the study writes the word in
    lower case; not before the verb's plain form (the modal's "Will tell you later"), a
    comparison ("Summer was like a sauna") or ``from`` and a body ("Grant from the council")."""
    assert listed(
        "Grace said no. Grace from the agency rang. We said grace before meals.",
        "Will told me. May said it was fine. Mark says so. Hope wrote to us.",
    ) == [
        NameToCheck("Grace", 2, ("p01",)),
        NameToCheck("Hope", 1, ("p01",)),
        NameToCheck("Mark", 1, ("p01",)),
        NameToCheck("May", 1, ("p01",)),
        NameToCheck("Will", 1, ("p01",)),
    ]
    assert (
        listed(
            "Will tell you later. Summer was like a sauna. Grant from the council paid for it. "
            "Hope is like a rope. Say it again."
        )
        == []
    )


def test_a_word_name_before_a_speech_verb_in_ing_is_not_listed() -> None:
    """Session 78 hunt3, F3: a modal's question opening before a gerund of a speech verb was
    listed as a name (``Will 2``); only a finite verb, past or with -s, reports a person's words."""
    assert (
        listed(
            "Will telling them earlier help? I doubt it. Will saying sorry change anything? "
            "Probably not. We will see."
        )
        == []
    )
    assert listed("Will says no. Will told me.") == [NameToCheck("Will", 2, ("p01",))]


def test_a_word_that_names_no_person_before_a_speech_verb_is_not_listed() -> None:
    """Session 78 hunt3, F4: an NHS trust (``trust`` of data/not_names.txt, the words that name
    no person) before a speech verb was listed as a given name."""
    assert listed("Trust said no to the funding, so we went to the council.") == []
    assert listed("Charity said no to the funding.") == [NameToCheck("Charity", 1, ("p01",))]


def test_the_list_of_given_names() -> None:
    assert [
        is_common_given_name(w)
        for w in ("Maya", "PADDY", "siobhan", "Siobhán", "Łukasz", "Adaeze", "Gurpreet", "Table")
    ] == [True, True, True, True, True, True, True, False]
