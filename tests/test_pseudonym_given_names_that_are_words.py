"""Given names whose lower-case or sentence-opening use is mostly a word of everyday talk are not
listed to check where they stand so (s77 hunt6, F4): "20 min", "taking the mick", "charlie" and
"mandy" for drugs, "harry" and "jimmy" as verbs, a "billy" can, a "toby" jug, "matt" paint, a
"dan" grade, "feng shui", "ling" fishing, "Ming" vases, the "Raj" era, a "Leo" birthday,
"Oscar" for O, the "yu" bin. The nicknames are words of ``data/word_given_names.txt``, the others
left out of ``data/given_names.txt``. Capitalised within a sentence, as a name, they still are
listed, however often the study writes them in lower case."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[NameToCheck]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return names_to_check([after], key)


# the hunter's talk1.txt and talk2.txt, their uses of these words as words
WORDS = (
    "Min wait at the front desk was forty minutes. Charlie is a big problem on the estate now, "
    "and mandy too. Harry them and they leave, that is the trick. Jimmy the lock, that is what "
    "the lads did. Billy can on the fire. Leo season is my birthday. Mandy and charlie both come "
    "through the door every night. About 20 min, sometimes 45 min. They were taking the mick "
    "honestly. We tried feng shui in the day room. The jimmy was in the shed. We ordered matt "
    "paint for the walls. My gran had a toby jug. Oscar for the letter O on the radio. We call "
    "that a right charlie. Yu is common. Ming vases in the foyer. Raj era buildings in the old "
    "town. min staffing is six. took 10 min. dan grade karate. the yu bin. we did a bit of ling "
    "fishing. mick taking."
)


def test_the_words_are_not_listed() -> None:
    assert listed(WORDS) == []


# their uses opening a sentence, none in lower case
OPENING = (
    "Min wait at the front desk was forty minutes. Charlie is a big problem on the estate now. "
    "Harry them and they leave. Jimmy the lock. Billy can on the fire. Leo season is my "
    "birthday. Mandy and ketamine come through the door. Oscar for the letter O on the radio. "
    "Ming vases in the foyer. Raj era buildings in the old town. Yu is common. Dan grade karate."
)


def test_a_name_of_them_within_a_sentence_is_still_listed() -> None:
    # with its uses opening a sentence, counted as a name's are (names_to_check)
    assert listed(
        OPENING,
        "Charlie, my deputy, runs the night shift. I asked Min and Dan about it, and Leo agreed.",
    ) == [
        NameToCheck("Charlie", 2, ("p01",)),
        NameToCheck("Dan", 2, ("p01",)),
        NameToCheck("Leo", 2, ("p01",)),
        NameToCheck("Min", 2, ("p01",)),
    ]


def test_a_keyed_name_of_them_opening_a_sentence_is_still_listed() -> None:
    # as a key's name that is no everyday word: not in data/word_given_names.txt
    key = PseudonymKey({"Charlie Brown": "P05", "Dan Smith": "P06"})
    (after,), key = pseudonymise([talk("p01", "Charlie at the agency is good. Dan rang.")], key)
    assert names_to_check([after], key) == [
        NameToCheck("Charlie", 1, ("p01",), ("P05",)),
        NameToCheck("Dan", 1, ("p01",), ("P06",)),
    ]
