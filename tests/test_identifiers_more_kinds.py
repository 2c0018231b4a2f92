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
    ],
)  # fmt: skip
def test_each_identifier_is_replaced_by_its_placeholder(said: str, expected: str) -> None:
    assert replace_identifiers(said) == expected


@pytest.mark.parametrize(
    "said",
    [
        # no National Insurance number: a prefix HMRC never issues, pairs spaced unlike, a
        # suffix past D, lower case spaced as talk
        "DA123456A, GB123456A and AB123456E stay.",
        "AB 12 3456 C is a mis-grouping.",
        "We met at 12 34 56 a time.",
    ],
)
def test_talk_like_them_stays(said: str) -> None:
    assert replace_identifiers(said) == said
