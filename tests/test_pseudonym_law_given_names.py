"""A given name that is also a word of a law's or national body's name (``Bill``, ``Justice``:
in ``data/word_given_names.txt`` and ``data/public_proper_words.txt``) is listed to check where
it is capitalised within a sentence, as any given name that is also a word is, and the surname
after it is listed however often the study writes its singular in lower case (docs/privacy.md,
"Words listed to check").

Session 75 tester (pseudo, L2): "I took over from Bill Summers two years ago. We also had Bill
Kerridge from the council." with "In the summer it was hard." elsewhere listed only
``Kerridge``: neither ``Bill`` nor ``Summers``, so a full name said mid-sentence leaked unsaid.
"""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check
from roqa_nlp.schema import Transcript


def listed(*transcripts: Transcript) -> list[str]:
    return [f.word for f in names_to_check(list(transcripts), PseudonymKey({}))]


def test_the_testers_bill_summers_and_bill_kerridge() -> None:
    p01 = talk(
        "p01",
        "I took over from Bill Summers two years ago. We also had Bill Kerridge from the "
        "council. The bill was high.",
    )
    p02 = talk("p02", "In the summer it was hard. We also had Hope Kerridge from the council.")
    words = listed(p01, p02)
    assert {"Bill", "Summers", "Kerridge", "Hope"} <= set(words)


def test_justice_is_a_name_a_month_is_not() -> None:
    t = talk("p01", "I rang Justice about it. By April we had a plan, and in May too.")
    words = listed(t)
    assert "Justice" in words
    assert "April" not in words and "May" not in words


def test_the_bill_and_a_bill_of_a_law_stay_unlisted() -> None:
    t = talk("p01", "The bill was high. We read the Mental Health Bill and paid a Bill twice.")
    assert "Bill" not in listed(t)


def test_a_plural_after_a_given_name_is_a_surname_but_not_written_in_lower_case() -> None:
    said = talk("p01", "I asked Mark Summers. In the summer it was hard.")
    assert "Summers" in listed(said)
    lower = talk("p01", "I asked Mark Summers. Two summers ago it was hard.")
    assert "Summers" not in listed(lower)


def test_a_sentences_first_word_is_no_word_of_a_laws_name() -> None:
    """A sentence's first word is capitalised as every first word is: "So Bill", "Luckily Bill"
    and "And Justice" name people (hunt s76 M2: neither was listed, so keying the surnames left
    "Bill [X]")."""
    t = talk(
        "p01",
        "So Bill rang me every week. Luckily Bill Kerridge took over the service. And Justice "
        "Okoro from the council backed us.",
    )
    assert listed(t) == ["Bill", "Justice", "Kerridge", "Okoro"]


def test_a_laws_name_opening_a_sentence_stays_unlisted() -> None:
    t = talk(
        "p01",
        "Mental Health Bill reforms came late. Ministry of Justice staff came. So the Mental "
        "Health Bill passed.",
    )
    assert "Bill" not in listed(t) and "Justice" not in listed(t)
