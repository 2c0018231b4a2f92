"""A surname with an apostrophe before a capital (``O'Neill``, ``O'Driscoll``, ``D'Souza``,
``O'Connor-Bello``) is a name word, listed to check as any other: privacy tester s77, H1, where
``Mrs O'Neill rings me``, ``Siobhán O'Driscoll, the founder`` and ``Dr O'Brien`` listed nothing,
taken for contractions of "I" (``I'm``), and reached every output. A contraction stays unlisted."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def checked(key: dict[str, str], *said: str) -> tuple[str, list[NameToCheck]]:
    (after,), pkey = pseudonymise([talk("p01", *said)], PseudonymKey(key))
    return after.text, names_to_check([after], pkey)


def test_the_testers_surnames_are_listed_after_a_title_and_after_a_given_name() -> None:
    _, found = checked(
        {},
        "Mrs O'Neill rings me every week about her son. Siobhán O'Driscoll, the founder, wrote "
        "our values. I trained under Dr O'Brien. Then Dr D’Souza came, with Mr O'Connor-Bello.",
    )
    assert sorted(f.word for f in found) == [
        "D’Souza",
        "O'Brien",
        "O'Connor-Bello",
        "O'Driscoll",
        "O'Neill",
        "Siobhán",
    ]


def test_with_a_possessive_and_mid_sentence_too() -> None:
    _, found = checked({}, "It was O'Neill's idea. I worked with O'Driscoll for years.")
    assert found == [NameToCheck("O'Driscoll", 1, ("p01",)), NameToCheck("O'Neill", 1, ("p01",))]


def test_contractions_and_o_clock_are_not_listed() -> None:
    _, found = checked({}, "I think I'm sure I'd go, and I'll say I've seen it at five o'clock.")
    assert found == []


def test_keyed_surnames_are_replaced_and_a_word_of_a_keyed_name_left_is_listed_as_keyed() -> None:
    text, found = checked(
        {"O'Neill": "person 1", "Siobhán O'Driscoll": "person 2", "Mr O'Connor-Bello": "person 3"},
        "Mrs O'Neill rings me, Mrs O’Neill too. I worked with Siobhán O'Driscoll. "
        "We asked, and O'Driscoll said no. Mr O'Connor-Bello came, then O'Connor-Bello again.",
    )
    assert text == (
        "P01: Mrs [person 1] rings me, Mrs [person 1] too. I worked with [person 2]. "
        "We asked, and O'Driscoll said no. [person 3] came, then O'Connor-Bello again.\n"
    )
    assert found == [
        NameToCheck("O'Connor-Bello", 1, ("p01",), ("person 3",)),
        NameToCheck("O'Driscoll", 1, ("p01",), ("person 2",)),
    ]


def test_a_keyed_surname_written_with_a_curly_apostrophe_is_listed_as_keyed() -> None:
    """hunt5, finding 4: a word processor curls the apostrophe (``O’Neill``); the key's
    ``O'Neill`` is the same word, opening a sentence, with ``’s`` and in capitals."""
    text, found = checked(
        {"Siobhan O'Neill": "P05"},
        "Good. O’Neill’s team were good. Then O’NEILL came, and later o’neill rang.",
    )
    assert text == (
        "P01: Good. O’Neill’s team were good. Then O’NEILL came, and later o’neill rang.\n"
    )
    assert found == [
        NameToCheck("O’Neill", 1, ("p01",), ("P05",)),
        NameToCheck("O’NEILL", 1, ("p01",), ("P05",)),
        NameToCheck("o’neill", 1, ("p01",), ("P05",)),
    ]
