"""What roqa draws live on a terminal (the spinner while the embedding model loads, the
embedding progress bar), and its stop when the run is stopped.

Such a display hides the cursor, redraws its line several times a second from a thread of its
own, and sends standard output and error through itself; closing it shows the cursor again and
clears its line. The spinner is opened where the model loads, often the background thread of
:func:`~roqa_nlp.background.in_background`, which a Ctrl-C or SIGTERM does not wait for: its
display was never closed, so the spinner was redrawn after the ``roqa: interrupted`` line and
the user's shell came back with the cursor hidden (cli tester cli2, session 80: 4 of 5 Ctrl-C
while "Loading the embedding model ..." spun). So every display is opened through
:func:`drawn`, and the stop path closes all of them (:func:`stop_all`), whichever thread opened
them, before it says anything; none is opened after that.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: The displays open now (rich ``Live`` or ``Progress``: each has start, refresh and stop).
_open: list[Any] = []
_lock = threading.Lock()
#: Set by :func:`stop_all`: the run is stopping, and nothing more is drawn.
_stopping = threading.Event()


def start(display: Any) -> bool:
    """Start drawing ``display`` at once and count it open; False, and nothing drawn, once the
    run is stopping."""
    with _lock:
        if _stopping.is_set():
            return False
        display.start()
        display.refresh()  # drawn at once: rich draws its first frame only at the next refresh
        _open.append(display)
        return True


def stop(display: Any) -> None:
    """Stop drawing ``display`` (its line cleared, the cursor shown); nothing when it was
    stopped already."""
    with _lock:
        if display in _open:
            _open.remove(display)
    display.stop()  # rich's stop is idempotent and takes the display's own lock


@contextmanager
def drawn(display: Any) -> Iterator[None]:
    """``display`` drawn while the block runs (:func:`start`, :func:`stop`)."""
    shown = start(display)
    try:
        yield
    finally:
        if shown:
            stop(display)


def stop_all() -> None:
    """Close every open display, whichever thread opened it, and open none from now on: run
    when a command is stopped, before its ``interrupted`` line is printed."""
    with _lock:
        _stopping.set()
        displays = list(_open)
        _open.clear()
    for display in displays:
        display.stop()


def allow() -> None:
    """Displays may be drawn again: a new command starts (:func:`roqa_nlp.cli.main`)."""
    _stopping.clear()
