"""Dates of birth in the forms a clinical record, a transcriber or a speaker writes them
(tester daily16 s85, D1 HIGH: all five stayed as typed, unlisted and undocumented): a day, a
month's name and a year of two figures or in words after a word of birth (BIRTH_BEFORE: DOB,
D.O.B., date of birth, born (on), birthday), a day, a month's name and a year with dashes or
slashes (``14-Mar-1952``), and a year of two figures after an apostrophe (``3 June '48``)
become ``[date]``. A day and month alone, and a count after a day and month, stay (D4: ``DOB``
is no name to check; D3: no placeholder is a candidate's keyword)."""

from __future__ import annotations

import pytest

from pseudonym_helpers import talk
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.open_coding import group_keywords
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # the tester's five forms
        ("His DOB is 14-Mar-1952 and", "His DOB is [date] and"),
        ("and hers is 3 June '48.", "and hers is [date]."),
        ("Born 14th March 52, same as the letter said.", "Born [date], same as the letter said."),
        ("Date of birth 3rd of June 48.", "Date of birth [date]."),
        ("She was born on the fourteenth of March fifty-two.", "She was born on the [date]."),
        # more of the same kinds
        ("DOB 14 Mar 52.", "DOB [date]."),
        ("d.o.b. March 14th 52, then", "d.o.b. [date], then"),
        ("birthday is the 3rd of June 48", "birthday is the [date]"),
        ("born on the 4th of July fifty two.", "born on the [date]."),
        ("born the third of June '48", "born the [date]"),
        ("on 14-Mar-1952 we met, or 3/jun/48", "on [date] we met, or [date]"),
        ("DOB is 14-Mar-52.", "DOB is [date]."),
        ("the 3rd of June '48 and June 3rd, '48", "the [date] and [date]"),
    ],
)
def test_a_date_of_birth_becomes_a_placeholder(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        "we started on 3 June and it went well",  # a day and month alone: no one's date
        "on 3 June 48 patients came",  # no word of birth before: a count
        "born on 3 June 48 hours later",  # a span of time after the figures
        "born 3 June, 48 hours later",
        "born on 3 June 2 days early",
        "born on the first of March fifty staff",
        "the fourteenth of March fifty-two",  # a year in words of two needs a word of birth
        "In March 52 people came, born in March 52",  # no day
    ],
)
def test_a_day_and_month_with_a_count_stays(said: str) -> None:
    assert replace_identifiers(said) == said


def test_dob_is_no_word_to_check() -> None:
    """D4: ``DOB`` was listed among the words that may still name a person or a place."""
    said = "His DOB is on the form. The DOB field was empty. We met Bramley."
    (after,), pseudonyms = pseudonymise([talk("p01", said)], PseudonymKey({}))
    assert [(f.word, f.count) for f in names_to_check([after], pseudonyms)] == [("Bramley", 1)]


def test_a_placeholder_is_no_keyword_of_a_candidate() -> None:
    """D3: "[P03 name]" gave the keyword ``p03``, "[city]" the keyword ``city``."""
    group = [
        "We meet every fortnight, me, Dr [P02] and [P03 name] the practice manager [laughs].",
        "Every fortnight [P03 name] and I meet in [city] about the practice manager rota.",
    ]
    assert group_keywords([group]) == [
        ["meet", "fortnight", "practice manager", "practice", "manager"]
    ]
