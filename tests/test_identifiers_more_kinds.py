"""Specification of the kinds of direct identifier the tester of session 78 (privacy2) found
left in pseudonymised outputs, unreplaced and unlisted (``data/direct_identifiers.json``): each
is replaced by its placeholder, and the ordinary talk and numbers like them stay."""

from __future__ import annotations

import pytest

from roqa_nlp.identifiers import replace_identifiers


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # L2: National Insurance numbers, spaced in pairs, as one block, or unspaced
        ("My NI number is QQ 12 34 56 C.", "My NI number is [NI number]."),
        ("AB123456C, JT 45 67 89 A and NH 99 88 77 B", "[NI number], [NI number] and [NI number]"),
        ("it's AB 123456 C or QQ-12-34-56-C", "it's [NI number] or [NI number]"),
        ("typed as ab123456c by the app", "typed as [NI number] by the app"),
        # L4: a hospital's or a patient's number after the words that name one: the number alone
        ("hospital number MRN 40123456, then", "hospital number MRN [patient number], then"),
        ("His hospital number is RAE889123, I", "His hospital number is [patient number], I"),
        ("patient number K1234567 and mrn 40123456", "patient number [patient number] and mrn "
         "[patient number]"),
        ("her MRN: 401 234 567 then", "her MRN: [patient number] then"),
        # L3: a full date with the day or the year in words
        ("born the twelfth of June 1975, so", "born the [date], so"),
        ("the fourth of March nineteen sixty-two.", "the [date]."),
        ("June the twelfth, 1975 or June twelfth 1975", "[date] or [date]"),
        ("12th June nineteen seventy-five", "[date]"),
        ("the twenty-first of December nineteen ninety nine", "the [date]"),
        ("on the first of May two thousand and three.", "on the [date]."),
        # L9, L10: IP addresses; car registrations whole, their letters not left as an acronym
        ("laptop IP 192.168.1.54 and 10.44.2.19.", "laptop IP [IP address] and [IP address]."),
        ("reg KX19 ABC, YD21 KLM and BD68KTR.", "reg [car registration], [car registration] and "
         "[car registration]."),
        # ... and with no such words, capitals and six figures or more
        ("it's RAE889123 or K1234567.", "it's [reference number] or [reference number]."),
        # a prefix HMRC never issues or a suffix past D: no NI number, a reference number still
        ("DA123456A, GB123456A, AB123456E", "[reference number], [reference number], [reference number]"),
    ],
)  # fmt: skip
def test_each_identifier_is_replaced_by_its_placeholder(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        # no National Insurance number: pairs spaced unlike, lower case spaced as talk
        "AB 12 3456 C is a mis-grouping.",
        "We met at 12 34 56 a time.",
        # no patient's number: a count, a number in words, a year, plain figures, a study's
        # public registration
        "patient number 3, patient number one, hospital number 2019, patient number 12 34",
        "ID 123456, trial NCT01234567 and ISRCTN12345678, PHQ9 and COVID-19.",
        # no full date: a day and month, a number after it that is no year
        "On the second of May we met, the first of May two thousand people marched.",
        "By the first of May twenty five people came, the fourth of March nineteen sixtyish.",
        # no IP address: a version of three parts, a clock time, a decimal, a number past 255
        "version 2.1.3 at 10.30, pi 3.14, 256.1.1.1 and 1.2.10.4a",
        # no car registration: a road, a score, a postcode's look-alike in lower case
        "NHS 111, the A1, PHQ9, GP21 ABCD, B12 ABC and kx19 abc",
    ],
)
def test_talk_like_them_stays(said: str) -> None:
    assert replace_identifiers(said) == said


def test_a_patient_numbers_cue_is_not_listed_as_an_acronym() -> None:
    """MRN (medical record number) is a kind of number, no organisation's acronym: once its
    number is replaced (``MRN [patient number]``) it was listed to check (the session 78 gate)."""
    from pseudonym_helpers import talk
    from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise

    (after,), key = pseudonymise([talk("p01", "His hospital number MRN 40123456, then.")],
                                 PseudonymKey({}))  # fmt: skip
    assert after.text == "P01: His hospital number MRN [patient number], then.\n"
    assert names_to_check([after], key) == []
