"""Specification of a surname two people of the key share, where neither speaks (session 42,
tester's D4): after a title it is replaced by the neutral ``[name]``, which links to neither.
Before, it stayed as written ("Mrs Young"), so adding a second Young to the key un-pseudonymised
a copy that had read "Mrs [P01]"; alone it stays and is listed to check, as before."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript

TALK = "Mrs Young gave me the lead, Dr. Young's clinic signed it off, and I told Young."


def faith_says(talk: str, key: dict[str, str]) -> tuple[Transcript, PseudonymKey]:
    """``talk`` as Faith Adeyemi's answer to Sam Roe, pseudonymised with ``key``."""
    text = f"Sam Roe: Who helped?\nFaith Adeyemi: {talk}\n"
    start = text.index("Faith Adeyemi: ") + 15
    turns = [
        Turn("Sam Roe", "interviewer", 9, 20),
        Turn("Faith Adeyemi", "participant", start, start + len(talk)),
    ]
    t = Transcript("zoom_faith", text, turns, source="zoom_faith.vtt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), pseudonyms = pseudonymise([t], PseudonymKey(dict(key)))
    return after, pseudonyms


BOTH = {"Sam Roe": "Interviewer", "Grace Young": "P01", "Faith Adeyemi": "P06"}


def test_a_surname_of_one_keyed_person_is_theirs_after_a_title() -> None:
    after, _ = faith_says(TALK, BOTH)
    assert after.turn_text(after.turns[1]) == (
        "Mrs [P01] gave me the lead, Dr. [P01]'s clinic signed it off, and I told Young."
    )


def test_a_surname_two_keyed_people_share_is_a_neutral_placeholder_after_a_title() -> None:
    for second in ({"Mark Young": "P07"}, {"Bill Young": "resident"}):
        after, key = faith_says(TALK, {**BOTH, **second})
        assert after.turn_text(after.turns[1]) == (
            "Mrs [name] gave me the lead, Dr. [name]'s clinic signed it off, and I told Young."
        )
        assert ("Young", 1) in [(n.word, n.count) for n in names_to_check([after], key)]


def test_a_shared_surname_is_the_speakers_where_one_of_them_speaks() -> None:
    text = "Sam Roe: Who?\nGrace Young: Mrs Young, me.\n"
    turns = [Turn("Sam Roe", "interviewer", 9, 13), Turn("Grace Young", "participant", 27, 41)]
    t = Transcript("p01", text, turns, source="p01.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({**BOTH, "Mark Young": "P07"}))
    assert after.turn_text(after.turns[1]) == "Mrs [P01], me."


def test_a_keyed_full_name_is_replaced_beside_a_longer_name_that_ends_in_it() -> None:
    """Re-tester s51, 1: with the rows 'John Evans' and 'David John Evans', 'John Evans, no
    relation' stayed (taken for David's middle and last name, said only after a title); so did
    'Anne Jones' beside 'Mary Anne Jones'. A row's exact name is always replaced, the longer
    name first where it is said."""
    after, _ = faith_says(
        "John Evans, no relation. David John Evans too, and Mr John Evans.",
        {**BOTH, "John Evans": "commissioner C", "David John Evans": "support worker D"},
    )
    assert after.turn_text(after.turns[1]) == (
        "[commissioner C], no relation. [support worker D] too, and Mr [commissioner C]."
    )
    after, _ = faith_says(
        "Her sister Anne Jones came, and Mary Anne Jones.",
        {**BOTH, "Mary Anne Jones": "service user H", "Anne Jones": "bank worker A"},
    )
    assert after.turn_text(after.turns[1]) == (
        "Her sister [bank worker A] came, and [service user H]."
    )


def test_a_keyed_surname_after_a_title_and_another_first_name_is_no_ones_pseudonym(
    tmp_path: Path,
) -> None:
    """Re-test s52, 11: 'Mrs Joan Ellison', the participant Ruth Ellison's mother-in-law, was
    'Mrs Joan [P61]': the first name beside the surname shows another person, so the surname is
    [name] (linking to no one, as a shared surname is) and a warning asks to check it by hand."""
    path = tmp_path / "p61.txt"
    path.write_text(
        "Interviewer: So, Ruth, tell me about the house.\n\n"
        "Ruth Ellison: It's a rehab unit. Mrs Joan Ellison helps on Sundays; Ellison is rare.\n",
        "utf-8",
    )
    with pytest.warns(RoqaWarning) as caught:
        (t,), _ = pseudonymise([read_transcript(path)], PseudonymKey())
    assert t.text.splitlines()[2] == (
        "P61: It's a rehab unit. Mrs Joan [name] helps on Sundays; [P61] is rare."
    )
    assert [str(w.message) for w in caught if "Joan" in str(w.message)] == [
        f"{path}: 'Mrs Joan Ellison' has the surname of P61 but another first name, so it is "
        "'Mrs Joan [name]' in the copy, not P61's pseudonym: check it by hand, and give 'Joan "
        "Ellison' a row of their own in the key (e.g. 'Joan Ellison,relative') and run again"
    ]


DANIELS_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:06.000
Helen Stafford-Jones: What gets in the way?

2
00:00:07.000 --> 00:00:15.000
Daniel Okoro: Families, sometimes.

3
00:00:16.000 --> 00:00:24.000
Priya Raman: For me it is the contract.

4
00:00:25.000 --> 00:00:30.000
Helen Stafford-Jones: Daniel Whitcombe, you run one too. Daniel, what is it like? Priya?

5
00:00:31.000 --> 00:00:40.000
Daniel Whitcombe: Much the same as Daniel said.
"""


def test_a_first_name_two_speakers_share_is_a_neutral_placeholder_with_a_warning(
    tmp_path: Path,
) -> None:
    """Tester s61 focus, 4: with Daniel Okoro and Daniel Whitcombe in one focus group, a bare
    'Daniel' was always the first Daniel's pseudonym, so the question asked of P03 read
    '[P01], what is it like?'. It is [name], as a surname two people of the key share is,
    with a warning to check it by hand; full names and a first name of one speaker stay theirs."""
    path = tmp_path / "fg_daniels.vtt"
    path.write_text(DANIELS_VTT, "utf-8")
    t = read_transcript(path, interviewer_labels=["Helen Stafford-Jones"])
    key = PseudonymKey(
        {
            "Helen Stafford-Jones": "Interviewer",
            "Daniel Okoro": "P01",
            "Priya Raman": "P02",
            "Daniel Whitcombe": "P03",
        }
    )
    with pytest.warns(RoqaWarning) as caught:
        (after,), _ = pseudonymise([t], key)
    assert [after.turn_text(u) for u in after.turns] == [
        "What gets in the way?",
        "Families, sometimes.",
        "For me it is the contract.",
        "[P03], you run one too. [name], what is it like? [P02]?",
        "Much the same as [name] said.",
    ]
    assert [str(w.message) for w in caught if "Daniel" in str(w.message)] == [
        f"{path}: 'Daniel' is a word of the names of P01 and P03, who both speak here, so it is "
        "'[name]' there, not one of their pseudonyms, which might name the wrong one: check by "
        "hand whom it names where it stands"
    ]
