"""Specification of the talk that looks like the identifier patterns added in session 78 and
is none (hunter hunt4's F6-F11): counts and fractions near a month, NICE and finance codes,
caseloads after a patient number's words, public numbers, section numbers; each stays as
said, and the identifiers the tester planted in the privacy2 study are still replaced."""

from __future__ import annotations

import pytest

from roqa_nlp.identifiers import replace_identifiers

#: the tester's planted identifiers (session 78, privacy2), each in its own sentence
PLANTED = [
    ("his date of birth as the twelfth of June 1975 on our file",
     "his date of birth as the [date] on our file"),
    ("a lady born on the fourth of March nineteen sixty-two, has been here",
     "a lady born on the [date], has been here"),
    ("her National Insurance number as QQ 12 34 56 C on the form and AB123456C on her payslip",
     "her National Insurance number as [NI number] on the form and [NI number] on her payslip"),
    ("Insurance number JT 45 67 89 A was on both", "Insurance number [NI number] was on both"),
    ("My NI number, NH 99 88 77 B, is on the permit", "My NI number, [NI number], is on the permit"),
    ("My car, reg KX19 ABC, is basically the office.", "My car, reg [car registration], is basically the office."),
    ("my reg plate BD68 KTR got clamped", "my reg plate [car registration] got clamped"),
    ("registration YD21 KLM, and we got a ticket", "registration [car registration], and we got a ticket"),
    ("Her hospital number is K1234567, I know it by heart.",
     "Her hospital number is [patient number], I know it by heart."),
    ("His hospital number is RAE889123, I had to chase it.",
     "His hospital number is [patient number], I had to chase it."),
    ("his hospital number MRN 40123456. Then", "his hospital number MRN [patient number]. Then"),
    ("Our laptop's IP address is 10.44.2.19 and the council's firewall",
     "Our laptop's IP address is [IP address] and the council's firewall"),
    ("The trust wifi gave my laptop 192.168.1.54 and blocked everything.",
     "The trust wifi gave my laptop [IP address] and blocked everything."),
]  # fmt: skip


@pytest.mark.parametrize(("said", "expected"), PLANTED)
def test_the_planted_identifiers_are_replaced(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        # F7: an ordinal that counts, a fraction, a year that is a count or a label
        "In March, the first 2000 patients were vaccinated.",
        "By the first of March, two thousand and fifty staff had been vaccinated.",
        "A third of March 2020 referrals came from GPs.",
        "About a fifth of June 2021 admissions were under section.",
        "By the second of June 2000 staff had been vaccinated.",
        "The first March 2020 lockdown hit hard.",
        "On the first of May nineteen ninety nine patients attended.",
        "On the third of May twenty twenty staff came.",
        "We saw them on the 5th of June two thousand and three people.",
        "In June the first 2000 beds opened.",
        # F8: NICE guidance, finance and Covid codes shaped like a car registration
        "The FY24 CIP target was hard, and the FY23 CIP too.",
        "We follow CG90 CBT guidance and NG10 PRN rules, and PH12 ABC.",
        "The CV19 PPE guidance changed weekly; the QS12 ABC and TA12 ABC standards.",
        # F9: a caseload, a record, a span of years after a patient number's words
        "Our patient number is 12000 now.",
        "We had a record number 15000 of referrals.",
        "The case number 2019-20 went up, a record number 2021-22, patient number 2019-2020.",
        # F10: a charity's, a company's, a grant's, a product's public number
        "The charity is SC043567, company OC123456, the grant NIHR200123, kit SKU1234567.",
        # F11: NICE's recommendations, a policy's sections, a version, in four small parts
        "NICE recommendation 1.4.2.1 says we should offer it, and 1.1.1.1 too.",
        "Section 2.3.1.4 of the policy, version 1.2.3.4, scores 2.5.3.1.",
    ],
)
def test_look_alikes_stay(said: str) -> None:
    assert replace_identifiers(said) == said


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # F7: full dates in words, with commas around the day word or none
        ("It was March, the second, 2020.", "It was [date]."),
        ("It was may the first nineteen ninety, I think.", "It was [date], I think."),
        ("one of them was born on the third of March 1962 and",
         "one of them was born on the [date] and"),
        # F8: a registration of a DVLA area
        ("He drove the HX15 ABC van, the GP21 ABC one.",
         "He drove the [car registration] van, the [car registration] one."),
        # F11: four small numbers after words that name an IP address
        ("The IP address is 10.0.0.1, my IP 10.1.1.2 and 172.16.0.5.",
         "The IP address is [IP address], my IP [IP address] and [IP address]."),
        # F9: the count after a patient's number stays; a phone number is a phone number
        ("MRN 40123456 12 patients came.", "MRN [patient number] 12 patients came."),
        ("The hospital number K1234567 2019 onwards.", "The hospital number [patient number] 2019 onwards."),
        ("The hospital number is 0113 243 3144 if you need it.",
         "The hospital number is [phone] if you need it."),
        ("record number 40123456, case number 2019-0042, patient number 120001",
         "record number [patient number], case number [patient number], patient number [patient number]"),
    ],
)  # fmt: skip
def test_dates_near_them_are_replaced(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


def test_identifiers_hard_wrapped_over_a_line_break_are_replaced() -> None:
    """F6: a .txt hard-wrapped at a fixed width breaks identifiers over two lines; a single line
    break reads as a blank, a blank line does not, nor a colon after the match (the next
    speaker's label), and a street address still ends at its line's end."""
    said = (
        "Participant: One service user had his date of birth as the twelfth of\n"
        "June 1975 on our file, and his National Insurance number QQ 12 34\n"
        "56 C was on both. His hospital number is\n"
        "K1234567 and the van was KX19\n"
        "ABC, parked outside. Another was born on the 3rd of\n"
        "March 1962. Ring 0113 243\n"
        "3144. We saw KX19\n"
        "ABC: Yes, the twelfth of\n\n"
        "June 1975 stays. We're at 14 Elm Road\n"
        "Interviewer: Thanks.\n"
    )
    assert replace_identifiers(said) == (
        "Participant: One service user had his date of birth as the [date] on our file, and his "
        "National Insurance number [NI number] was on both. His hospital number is\n"
        "[patient number] and the van was [car registration], parked outside. Another was born "
        "on the [date]. Ring [phone]. We saw KX19\n"
        "ABC: Yes, the twelfth of\n\n"
        "June 1975 stays. We're at [address]\n"
        "Interviewer: Thanks.\n"
    )


def test_an_identifier_over_a_line_break_stays_inside_one_turn() -> None:
    """F6: two turns' lines with no label between (an undiarised transcript) are no hard-wrapped
    sentence: a date read over their line break is not replaced across the turns, while one
    wrapped inside a turn is."""
    from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
    from roqa_nlp.schema import Transcript, Turn

    text = "born the twelfth of\nJune 1975, yes.\nborn the twelfth of\nJune 1975, yes.\n"
    turns = [
        Turn("P01", "participant", 0, 19),
        Turn("P02", "participant", 20, 35),
        Turn("P01", "participant", 36, 71),
    ]
    (after,), _ = pseudonymise([Transcript("t1", text, turns)], PseudonymKey({}))
    assert after.text == "born the twelfth of\nJune 1975, yes.\nborn the [date], yes.\n"
    assert [after.text[t.start : t.end] for t in after.turns] == [
        "born the twelfth of",
        "June 1975, yes.",
        "born the [date], yes.",
    ]
