"""``in_background``: reading and segmenting one step ahead of encoding, invisibly to results."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.autocoder import in_background
from roqa_nlp.errors import RoqaError

SRC = Path(__file__).resolve().parents[1] / "src"


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


def test_closing_tells_the_producer_to_stop_without_waiting_for_its_step() -> None:
    """Tester ux2, session 78: Ctrl-C while the producer loaded the embedding model (a step of
    many seconds) waited 5 s for it here, so ``roqa: interrupted`` came 5.5 s after Ctrl-C.
    The close returns while the step still runs: the step ends by itself after 4 s (less than
    the 5 s the close waited), and only the test ends it earlier, once the close returned."""
    in_step, go_on, step_ended = threading.Event(), threading.Event(), threading.Event()

    def items() -> Iterator[int]:
        yield 0
        in_step.set()
        go_on.wait(4)  # a long step: loading the embedding model
        step_ended.set()
        yield 1

    gen = in_background(items(), depth=1)
    assert next(gen) == 0
    assert in_step.wait(30)
    gen.close()
    assert not step_ended.is_set()  # the close did not wait for the step
    go_on.set()
    from roqa_nlp.background import stop_producers

    assert stop_producers(timeout=30)  # the step ends, then the producer
    assert not any(t.name == "roqa-segmenting" for t in threading.enumerate())


def test_a_producer_still_running_when_python_exits_ends_its_step_first(tmp_path: Path) -> None:
    """Tester ux2, session 78: Python ended the producer where it was as it exited, inside
    torch's or spaCy's compiled code, which aborted the process (SIGABRT, ``terminate called
    without an active exception``). It is told to stop and waited for before Python ends
    threads: its step ends (here it writes a file), and so does the process, with 0."""
    ended = tmp_path / "step-ended"
    script = (
        "import sys, time\n"
        "from roqa_nlp.autocoder import in_background\n"
        "def items():\n"
        "    yield 0\n"
        "    time.sleep(1.0)  # the step Python exits in\n"
        "    open(sys.argv[1], 'w').write('ended')\n"
        "    yield 1\n"
        "    yield 2\n"
        "gen = in_background(items(), depth=1)\n"
        "assert next(gen) == 0\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(ended)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert ended.read_text() == "ended"
