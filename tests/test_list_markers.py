"""The list-marker rules in one place (:mod:`roqa_nlp.transcripts.list_markers`): which
lower-case ``a.``/``i.`` lines are a list's items, and the interviewer's list of questions below
a question marker, one check for the plain-text and the Word reader (session 70, a refactor of
session 69's five rounds; the readers' output is unchanged, as tests/test_list_item_labels.py
shows on the transcripts)."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts.list_markers import (
    goes_on_asking,
    is_list_marker,
    opens_with_list_marker,
)
from roqa_nlp.transcripts.speaker_labels import line_labels


@pytest.mark.parametrize("label", ["a", "q", "i", "ii", "iv", "ix", "xii"])
def test_a_lower_case_letter_or_roman_numeral_may_be_a_lists_marker(label: str) -> None:
    assert is_list_marker(label)


@pytest.mark.parametrize("label", ["Q", "A", "I", "IV", "ab", "iiii", "vx", "P02"])
def test_capitals_words_and_other_letters_are_no_lists_marker(label: str) -> None:
    assert not is_list_marker(label)


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("ii. was there enough money?", True),
        ("b. money: was there enough?", True),
        ("a.: first item", True),
        ("Q. What helped?", False),
        ("A. Several things.", False),
        ("P02: i. reviews.", False),
        ("i.e. the referral.", False),
        ("Two things.", False),
    ],
)
def test_a_line_opening_with_a_lists_marker(line: str, opens: bool) -> None:
    assert opens_with_list_marker(line) is opens


@pytest.mark.parametrize(
    ("last", "words", "goes_on"),
    [
        # an item that asks below the question marker's words that do not
        ("Two things.", "i. how did training go?", True),
        # an item below an item that asks, asking or not
        ("i. how did training go?", "ii. was there enough money?", True),
        ("i. how did training go?  ", "ii. and the money.", True),
        # below an item that does not ask, or an item that does not ask below words that do
        # not: the answer's
        ("i. training.", "ii. was there enough money?", False),
        ("Two things.", "i. training went well.", False),
        # a list below a question that asks is the answer's (Question 5: What helped?)
        ("What helped?", "a. training: the induction.", False),
        ("What helped?", "a. who? five nurses?", False),
        # no item: the answer's
        ("Two things.", "It went well, was it enough?", False),
        ("i. how did training go?", "Fine, thanks.", False),
    ],
)
def test_the_interviewers_list_of_questions_goes_on(last: str, words: str, goes_on: bool) -> None:
    assert goes_on_asking(last, words) is goes_on


def _labels(text: str) -> list[str | None]:
    return [None if m is None else m.label for m in line_labels(text.split("\n"))]


def test_items_below_a_speakers_turn_are_no_labels() -> None:
    assert _labels(
        "Interviewer: What are the steps?\nP06: Three.\na. the referral.\nb. the plan."
    ) == [
        "Interviewer",
        "P06",
        None,
        None,
    ]


def test_two_markers_that_take_turns_are_labels() -> None:
    assert _labels("q. what helped?\na. the team.\nq. and money?\na. not enough.") == [
        "q",
        "a",
        "q",
        "a",
    ]


def test_a_marker_the_researcher_names_is_a_label_even_below_a_turn() -> None:
    lines = ["Interviewer: What are the steps?", "P06: Three.", "a. the referral."]
    named = line_labels(lines, ["Interviewer", "a"])
    assert [None if m is None else m.label for m in named] == ["Interviewer", "P06", "a"]
