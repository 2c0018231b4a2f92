"""Specification of :func:`roqa_nlp.errors.and_list`: a list as a sentence gives it, and no
items give no words (it raised IndexError on ``[]``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.errors import and_list


def test_no_items_are_no_words() -> None:
    assert and_list([]) == ""
    assert and_list(iter(())) == ""


def test_one_two_and_three_items() -> None:
    assert [and_list(["a"]), and_list(["a", "b"]), and_list(["a", "b", "c"])] == [
        "a",
        "a and b",
        "a, b and c",
    ]


#: items as ids and names are: no " and " or ", " of their own, which would be counted
_ITEMS = st.lists(st.from_regex(r"[A-Za-z0-9()]{1,6}( [A-Za-z0-9()]{1,6})?", fullmatch=True))


@settings(max_examples=200, deadline=None)
@given(items=_ITEMS)
def test_each_item_is_listed_and_joined_by_one_and(items: list[str]) -> None:
    text = and_list(items)
    assert all(item in text for item in items)
    assert text.count(" and ") == (1 if len(items) >= 2 else 0)
    assert text.count(", ") == max(len(items) - 2, 0)
    if items:
        assert text.startswith(items[0]) and text.endswith(items[-1])
    else:
        assert text == ""
