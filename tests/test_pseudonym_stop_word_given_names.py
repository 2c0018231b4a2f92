"""The given names that are also a stop word or a month (``Will``, ``May``, ``June``) are listed
to check where the shape of their sentence says they are names, however often the study writes
will and may in lower case: said of a person (``my deputy is Will, he runs it``), before
``from`` and a body (``And Will from the carers centre``, ``So May from the training team``),
or, a stop word, capitalised within a sentence before no pronoun (``I asked Will to help``).
Privacy tester s77, H2: none was listed, and the Will of P11, who had no surname keyed, would
have reached every output. A month stays unlisted where it is the month."""

from __future__ import annotations

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise


def listed(*said: str) -> list[NameToCheck]:
    (after,), key = pseudonymise([talk("p01", *said)], PseudonymKey({}))
    return names_to_check([after], key)


def test_the_testers_will_and_may_are_listed() -> None:
    assert listed(
        "My deputy is Will, he runs it. And Will from the carers centre helps. So May from the "
        "training team came in. We will see, it may work."
    ) == [NameToCheck("Will", 2, ("p01",)), NameToCheck("May", 1, ("p01",))]


def test_june_and_may_said_of_a_person_and_will_within_a_sentence() -> None:
    assert listed(
        "My manager is June, she is great. Our deputy was May. I asked Will to help. We will."
    ) == [
        NameToCheck("June", 1, ("p01",)),
        NameToCheck("May", 1, ("p01",)),
        NameToCheck("Will", 1, ("p01",)),
    ]


def test_the_months_and_the_modal_are_not() -> None:
    assert (
        listed(
            "In May, she left. Since June from the council we had money. By May the funds were "
            "gone. Last June, he quit. May 2023 was hard. We start in June. Will it last? We "
            "will. May, the busiest month, was hard. Will, I think, is the word."
        )
        == []
    )


def test_a_month_after_to_before_a_body_or_a_person_word_is_listed() -> None:
    """hunt5, finding 2: after ``to``, ``for``, ``about`` or ``from`` the person shapes win, but
    "she" after it alone does not make the month a name."""
    assert listed(
        "I went to May from HR about it. I spoke to May, our cook, about it. A big thank you to "
        "June from the training team."
    ) == [NameToCheck("May", 2, ("p01",)), NameToCheck("June", 1, ("p01",))]
    assert listed("From April to May, she was off. I wrote to June about it.") == []


def test_will_with_an_apostrophe_s_opening_a_sentence_is_listed() -> None:
    """hunt5, finding 3: ``Will's`` is never the modal verb, wherever it stands; a month's
    ``'s`` stays the month's."""
    assert listed(
        "I know. Will's team did the audit. Will’s sister rang me too. May's figures were bad."
    ) == [NameToCheck("Will", 2, ("p01",))]


def test_a_month_read_as_a_name_is_counted_where_it_is_one() -> None:
    # s77 hunt6, F5: June of one "Aunty June" was listed with the count and transcripts of the
    # month across the benchmarks (11 in 10 transcripts)
    said = [
        talk("p01", "We had Aunty June, our counsellor, look through it. It ends next June."),
        talk("p02", "That finished last June. In June we start again."),
        talk("p03", "So May from the training team came in. By May we had money."),
    ]
    after, key = pseudonymise(said, PseudonymKey({}))
    # p02 stays listed (session 78 hunt3, F1: no transcript is dropped), counted once; "By May"
    # is counted, as "by" stands before a person as often ("trained by June")
    assert names_to_check(after, key) == [
        NameToCheck("June", 2, ("p01", "p02")),
        NameToCheck("May", 2, ("p03",)),
        NameToCheck("Aunty", 1, ("p01",)),
    ]


def test_a_month_named_after_a_word_that_stands_before_a_person_keeps_its_transcripts() -> None:
    # session 78 hunt3, F1: the month count dropped p02, where June is looked after, relied on
    # and trained by, and p03, in whose office they met, from June's transcripts
    said = [
        talk("p01", "My deputy is June, she runs it."),
        talk(
            "p02",
            "I looked after June for three years. We relied on June for the tea rota. "
            "I was trained by June, our senior carer. It ends next June.",
        ),
        talk("p03", "We met in June's office every week. Since June we meet at home."),
    ]
    after, key = pseudonymise(said, PseudonymKey({}))
    assert names_to_check(after, key) == [NameToCheck("June", 5, ("p01", "p02", "p03"))]
