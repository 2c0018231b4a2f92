"""Closing formulas: a participant's "No, I think that's everything." is procedural talk."""

from __future__ import annotations

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.transcripts.closings import CLOSING_FORMULAS, CLOSING_WORDS, is_closing_formula

FORMULAS = sorted(packaged_words(CLOSING_FORMULAS))


@pytest.mark.parametrize(
    "words",
    ["No, I think that's everything.", "No, that's everything really.",
     "Um, no, I think we’ve covered it, thanks.", "Not that I can think of.", "No. I think that was "
     "everything.", "Er, no, that's it. That's everything, thank you.", "Nothing else [laughs]."],
)  # fmt: skip
def test_a_closing_formula_alone_is_one(words: str) -> None:
    """The tester's two lines, with fillers, notes and thanks around them."""
    assert is_closing_formula(words)


@pytest.mark.parametrize(
    "words",
    ["No, that's everything, apart from the funding which worries me.",
     "Good luck getting the commissioners to pay for anything.", "No.", "Not really.",
     "I don't think so.", "Yeah, that's it.", "That's it.", "That's all.", "Thanks.", "No, thanks.",
     "No, I think that's everything. Will we hear about what you find?", "", "[inaudible]"],
)  # fmt: skip
def test_anything_more_than_a_closing_formula_is_not_one(words: str) -> None:
    """A closing that goes on keeps its content; a bare "No." or "That's it." answers any
    question; thanks alone are no formula."""
    assert not is_closing_formula(words)


@pytest.mark.parametrize("formula", FORMULAS)
def test_every_formula_of_the_file_is_matched_alone_and_with_what_may_surround_it(
    formula: str,
) -> None:
    said = formula[0].upper() + formula[1:]
    assert is_closing_formula(said + ".")
    assert is_closing_formula(f"Um, no, {formula}, really, thank you.")


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize(
    "more", ["the staffing", "apart from the funding", "we never had training"]
)
def test_no_formula_of_the_file_is_matched_with_content_words(formula: str, more: str) -> None:
    assert not is_closing_formula(f"{formula}, {more}.")
    assert not is_closing_formula(f"{more}, {formula}.")


@pytest.mark.parametrize("word", sorted(packaged_words(CLOSING_WORDS)))
def test_the_words_around_a_formula_are_no_formula_alone(word: str) -> None:
    assert not is_closing_formula(f"{word}.")
    assert not is_closing_formula(f"{word}, {word}, okay.")
