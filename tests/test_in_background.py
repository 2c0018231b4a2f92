"""``in_background``: reading and segmenting one step ahead of encoding, invisibly to results."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.autocoder import in_background
from roqa_nlp.errors import RoqaError


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers()), st.integers(min_value=1, max_value=4))
def test_yields_exactly_the_items_in_order(items: list[int], depth: int) -> None:
    assert list(in_background(iter(items), depth=depth)) == items


def test_an_error_is_raised_at_its_position_after_the_items_before_it() -> None:
    def items() -> Iterator[int]:
        yield 1
        yield 2
        raise RoqaError("is not UTF-8 text", path="bad.txt", hint="re-save as UTF-8")

    got: list[int] = []
    with pytest.raises(RoqaError, match="bad.txt"):
        for x in in_background(items()):
            got.append(x)
    assert got == [1, 2]


def test_closing_early_stops_the_producer() -> None:
    produced: list[int] = []

    def endless() -> Iterator[int]:
        i = 0
        while True:
            produced.append(i)
            yield i
            i += 1

    gen = in_background(endless(), depth=2)
    assert next(gen) == 0
    gen.close()
    time.sleep(0.3)
    n = len(produced)
    time.sleep(0.3)
    assert len(produced) == n <= 5
    assert not any(t.name == "roqa-segmenting" for t in threading.enumerate())


def test_the_producer_runs_in_another_thread() -> None:
    names: list[str] = []

    def items() -> Iterator[int]:
        names.append(threading.current_thread().name)
        yield 1

    assert list(in_background(items())) == [1]
    assert names == ["roqa-segmenting"]
