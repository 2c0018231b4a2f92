"""Work done one step ahead in a background thread, and its stop before Python exits.

:func:`in_background` reads and segments transcripts in a thread while the encoder embeds the
batch before (:meth:`~roqa_nlp.autocoder.AutoCoder.code`). That thread loads the embedding
model and embeds too (a transcript's pieces either side of a backchannel are judged by the
model), so it is often inside torch's or spaCy's compiled code. A thread still running there
when Python exits is ended by Python at its next step, and ending a thread inside compiled C++
aborts the whole process: after Ctrl-C, ``roqa code`` printed ``roqa: interrupted`` and then
``terminate called without an active exception``, dying of SIGABRT (134) instead of ending with
130 (tester ux2, session 78: 1 of 20 stops on main, the thread loading sentence-transformers
when the 5 s it was waited for ran out). So every producer still running is told to stop and
waited for when Python exits (:func:`stop_producers`, run by :mod:`atexit`), and closing the
consumer only tells it to stop: the wait at the close, 5 s, was also what delayed the
``interrupted`` line by 5.5 s after Ctrl-C.
"""

from __future__ import annotations

import atexit
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any, TypeVar

T = TypeVar("T")

#: How long, in seconds in all, :func:`stop_producers` waits at exit for producers to end: a
#: producer ends when the step it is in ends (one transcript read and segmented, the embedding
#: model loaded). One still running then (stuck reading a file) is left to Python.
EXIT_WAIT = 120.0

#: The producers of :func:`in_background` running now, each with the event that stops it.
_running: dict[threading.Thread, threading.Event] = {}


def in_background(items: Iterator[T], depth: int = 8) -> Iterator[T]:
    """``items``, produced by a background thread up to ``depth`` ahead of the consumer.

    Yields exactly what iterating ``items`` would, in order; an exception raised by ``items``
    is raised here at the same position. Closing this generator early (or an exception raised
    through it, Ctrl-C among them) tells the producer to stop, without waiting for the step it
    is in to end: it stops there, and :func:`stop_producers` waits for it before Python exits.
    """
    done = object()
    q: queue.Queue[Any] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(entry: tuple[bool, Any]) -> bool:
        while not stop.is_set():
            try:
                q.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put((True, item)):
                    return
            put((True, done))
        except BaseException as e:  # handed to the consumer, raised there
            put((False, e))
        finally:
            _running.pop(threading.current_thread(), None)

    worker = threading.Thread(target=produce, name="roqa-segmenting", daemon=True)
    _running[worker] = stop
    worker.start()
    try:
        while True:
            ok, value = q.get()
            if not ok:
                raise value
            if value is done:
                return
            yield value
    finally:
        stop.set()


def stop_producers(timeout: float = EXIT_WAIT) -> bool:
    """Tell every producer of :func:`in_background` still running to stop, and wait up to
    ``timeout`` seconds in all for them to end; whether none is left. Run when Python exits
    (registered with :mod:`atexit`, which runs while other threads may still run), so that no
    producer is inside compiled code when Python ends it."""
    deadline = time.monotonic() + timeout
    for stop in list(_running.values()):
        stop.set()
    for worker in list(_running):
        worker.join(max(0.0, deadline - time.monotonic()))
    return not any(worker.is_alive() for worker in list(_running))


atexit.register(stop_producers)
