"""Words listed to check that are no names (hunt5, finding 5): a shout written with a letter
three times over (``NOOOOO``) or a transcriber's word of what cannot be heard (``GARBLED``,
``UNINTEL``) taken for an acronym, ``sir. dame`` read as a title and its name across a
sentence's end, and ``Will`` opening a question within a sentence taken for the name."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[NameToCheck]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return names_to_check([after], key)


def test_shouts_and_transcribers_words_are_no_acronyms() -> None:
    assert listed(
        "ARGHHH NOOOOO SORRYYY HELLOOO YESSSS it was. GARBLED MUFFLED TEARFUL UNINTEL REDACT "
        "BLEEPED and YYYYYY. We met SWYPFT."
    ) == [NameToCheck("SWYPFT", 1, ("p01",))]


def test_a_title_and_its_name_are_not_read_across_a_sentences_end() -> None:
    assert listed("thank you sir. dame edna came. I met Ms. chen.") == [
        NameToCheck("dame edna", 1, ("p01",)),
        NameToCheck("Ms. chen", 1, ("p01",)),
    ]


def test_will_opening_a_question_within_a_sentence_is_the_modal() -> None:
    assert listed("And I said to her, Will people come back? I said: Will staff cope?") == []
    assert listed("Did you ask Will about it? I said to her, Will was there.") == [
        NameToCheck("Will", 2, ("p01",))
    ]
