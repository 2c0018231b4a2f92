"""How a function's time grows with its input, told apart from how loaded the machine is.

Tests that guard against catastrophic time (a regular expression backtracking, a text read
again from each word) compare the function's CPU time on an input of size n and on one
``factor`` times larger, in the same process, the best of a few runs each: linear work grows
about ``factor``-fold, quadratic work ``factor`` squared. The brief keeps speed targets in
benchmarks/; a wall-clock bound in a unit test failed on a loaded machine (6-9 s for a
3 s bound at load 12) without the code being any slower.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

#: Far below quadratic (16 for 4x the input), well above linear (4) and n log n (about 4.6).
LIMIT_FOR_4X = 10.0


def best_seconds(run: Callable[[], Any], repeats: int = 3) -> float:
    """The least CPU time of this process ``run()`` took over ``repeats`` runs: CPU time, not
    wall time, so that waiting for a core on a loaded machine is not counted."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def growth(run: Callable[[Any], Any], small: Any, large: Any, repeats: int = 3) -> float:
    """How many times longer ``run(large)`` takes than ``run(small)`` (best of ``repeats``)."""
    small_seconds = best_seconds(lambda: run(small), repeats)
    large_seconds = best_seconds(lambda: run(large), repeats)
    return large_seconds / max(small_seconds, 1e-6)


def assert_linear(
    run: Callable[[Any], Any],
    small: Any,
    large: Any,
    factor: int = 4,
    repeats: int = 3,
) -> float:
    """Assert ``run`` takes far less than quadratic time: ``large`` is ``factor`` times the
    size of ``small``, and the time may grow at most ``LIMIT_FOR_4X * factor / 4`` fold (10
    for 4x the input, where quadratic work grows 16-fold). Returns the growth."""
    ratio = growth(run, small, large, repeats)
    limit = LIMIT_FOR_4X * factor / 4
    assert ratio < limit, f"{factor}x the input took {ratio:.1f}x the time (at most {limit})"
    return ratio
