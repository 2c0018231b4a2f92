"""Specification from session 41's second regression hunt (/tmp/s41_hunt2): a keyed full name
after a street leaves no part of the address, a house number from 1900 to 2099 is a year only
after a word of time, a number after a word of place starts an address whatever follows, and a
number key row with leading zeros replaces no short number (``roqa_nlp.identifiers``,
``roqa_nlp.pseudonyms``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.identifiers import replace_identifiers
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript

#: the hunt's keys ps/kn2.csv and ps/kn4.csv: first names on PLACE_AND_NAME (Lincoln, Clare,
#: Chester, Hope) and one that is not (Maria)
KEY = {
    "Lincoln Hayes": "P08",
    "Clare Jones": "P21",
    "Chester Brown": "P09",
    "Hope Young": "P31",
    "Maria Okafor": "P07",
    "Stanley Moore": "P22",
}


def said(talk: str) -> str:
    """``talk`` as a participant's turn, pseudonymised with :data:`KEY`."""
    text = f"Interviewer: Who?\nP04: {talk}\n"
    start = text.index("P04: ") + 5
    turns = [
        Turn("Interviewer", "interviewer", 13, 17),
        Turn("P04", "participant", start, start + len(talk)),
    ]
    t = Transcript("p", text, turns, source="p.txt", participant="P04")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(KEY))
    return after.turn_text(after.turns[1])


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        ("Deliver to 9 Mill Lane, Lincoln Hayes.", "Deliver to [address], [P08]."),
        ("Deliver to 9 Mill Lane, Clare Jones.", "Deliver to [address], [P21]."),
        ("Deliver to 9 Mill Lane, Chester Brown, please.", "Deliver to [address], [P09], please."),
        ("Deliver to 9 Mill Lane, Hope Young.", "Deliver to [address], [P31]."),
        ("It went to 14 Elm Road Lincoln Hayes.", "It went to [address] [P08]."),
        ("Deliver to 9 Mill Lane, Maria Okafor.", "Deliver to [address], [P07]."),
        # a keyed name with a town after it stays in the address, so the town is not left
        ("Send it to 14 Elm Road, Stanley Moore, Leeds.", "Send it to [address]."),
        ("It is 14 Elm Road, Lincoln.", "It is [address]."),
    ],
)  # fmt: skip
def test_a_keyed_full_name_after_a_street_is_the_name_and_the_street_is_replaced(
    talk: str, expected: str
) -> None:
    """Commit 2d86d00 read a keyed name's first word that is a town (PLACE_AND_NAME: Lincoln,
    Clare, Chester, Hope) as the address's town; the name then cut the address in two and the
    whole address was dropped: 'Deliver to 9 Mill Lane, [P08].' left the house and street."""
    assert said(talk) == expected


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        ("Our hub is at 1984 Coventry Road.", "Our hub is at [address]."),
        ("Flat 2, 1999 Stratford Road, Birmingham.", "[address]."),
        ("The address is 2002 Park Road, Leeds.", "The address is [address]."),
        ("He lives at 2021 Park Road Leeds.", "He lives at [address]."),
        ("We are at 1901 London Road, Sheffield near the park.",
         "We are at [address] near the park."),
        # hunt s41/5: words as often of place as of time ('and', 'of', 'from', 'by', 'after',
        # 'between') made the number a year and left the whole address
        ("Our offices are at 12 Mill Lane and 2001 Stratford Road, Birmingham.",
         "Our offices are at [address] and [address]."),
        ("We rent the basement of 1984 Coventry Road, Coventry.",
         "We rent the basement of [address]."),
        ("The drop-in is by 2010 Leeds Road, Bradford.", "The drop-in is by [address]."),
        ("Staff park after 2050 Hull Road, York.", "Staff park after [address]."),
        ("It is between 1920 Harrogate Road and the park.",
         "It is between [address] and the park."),
        # a span of years stays talk
        ("Between 2015 and 2017 Park Road Harrogate was our office.",
         "Between 2015 and 2017 Park Road Harrogate was our office."),
        ("From 2015 to 2017 Park Road Harrogate was our office.",
         "From 2015 to 2017 Park Road Harrogate was our office."),
        ("Since 2019 Park Road has flooded.", "Since 2019 Park Road has flooded."),
    ],
)  # fmt: skip
def test_a_house_number_from_1900_to_2099_is_an_address_but_after_a_word_of_time(
    talk: str, expected: str
) -> None:
    """Commit 1461dca left every house number from 1900 to 2099 whole unless a postcode
    followed; only a word of time before it ('In 2020 Church Street York') makes it a year."""
    assert replace_identifiers(talk) == expected


@pytest.mark.parametrize(
    ("talk", "expected"),
    [
        ("Our hub at 12 Station Road Leeds calls every client weekly.",
         "Our hub at [address] calls every client weekly."),
        ("12 Station Road Leeds partners with Mind.", "[address] partners with Mind."),
        ("We moved to 9 Church Street Leeds staff were pleased.",
         "We moved to [address] staff were pleased."),
        ("At 9 King Street Leeds staff wear uniforms.", "At [address] staff wear uniforms."),
        ("12 Station Road Leeds visits every client.", "[address] visits every client."),
        ("12 Station Road Leeds posts the letters.", "[address] posts the letters."),
        ("The address is 40 Station Road Leeds colleges send trainees there.",
         "The address is [address] colleges send trainees there."),
        # counts stay counts where no word of place comes before the number
        ("We have 4 Station Road Leeds staff at the moment.",
         "We have 4 Station Road Leeds staff at the moment."),
        ("There are 2 North Street Leeds beds.", "There are 2 North Street Leeds beds."),
    ],
)  # fmt: skip
def test_a_number_after_a_word_of_place_starts_an_address_and_verbs_are_no_counts(
    talk: str, expected: str
) -> None:
    """Commits a5f3609 and 4cdd65f put verbs ending in s (calls, partners, posts, shifts,
    contracts, visits) on COUNTED and read a plural after the town as a count even after 'at'
    or 'to': the address was left whole."""
    assert replace_identifiers(talk) == expected


@pytest.mark.parametrize(
    ("row", "talk", "expected"),
    [
        ("000123", "We have 123 clients and 42 beds, ward 123.",
         "We have 123 clients and 42 beds, ward 123."),
        ("0000042", "We have 123 clients and 42 beds, ward 42.",
         "We have 123 clients and 42 beds, ward 42."),
        ("000123", "My staff number is 000123.", "My staff number is [x]."),
        ("0000042", "My ID is 0000042.", "My ID is [x]."),
        ("0496000", "call 0496000 or 496000.", "call [x] or [x]."),
    ],
)  # fmt: skip
def test_a_number_row_with_leading_zeros_replaces_no_short_number(
    tmp_path: Path, row: str, talk: str, expected: str
) -> None:
    """Commit 5dfad40 matched a number row without its leading zeros whatever was left: a row
    '000123' replaced every '123' of the talk. Without its zeros the number must still have six
    digits, as a row of five digits or fewer replaces nothing."""
    path = tmp_path / "p07.txt"
    path.write_text(f"Interviewer: Hi?\nP07: {talk}\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (t,), _ = pseudonymise([read_transcript(path)], PseudonymKey({row: "x"}))
    assert t.turn_text(t.turns[1]) == expected
