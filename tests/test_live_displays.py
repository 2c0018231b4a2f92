"""A stop while a spinner or progress bar is drawn leaves the terminal as it was.

Cli tester cli2, session 80: Ctrl-C while "Loading the embedding model ..." spun (the model is
loaded in the background reading thread, which the stop does not wait for) left the spinner
redrawn after the ``roqa: interrupted`` line and the cursor hidden: the pty's output ended with
a spinner frame and ``ESC[?25l``. The test runs the real entry point on a real pseudo-terminal,
with a model load that takes a minute (no model), and stops it with Ctrl-C typed or SIGTERM.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from pathlib import Path

import pytest

from roqa_nlp import live_displays

SRC = Path(__file__).resolve().parents[1] / "src"
HIDE_CURSOR = b"\x1b[?25l"
SHOW_CURSOR = b"\x1b[?25h"
#: The line a stop prints, as a terminal receives it (its newline made CR LF by the pty).
INTERRUPTED = b"roqa: interrupted (no output file was left half-written; run the command again)\r\n"

#: roqa's entry point, as the console script runs it, for a command that loads the embedding
#: model in the background reading thread, as ``roqa code`` does, and the load takes a minute.
SLOW_LOAD = """
import sys, time
from roqa_nlp import cli
from roqa_nlp.background import in_background
from roqa_nlp.embedding import Embedder

class SlowModel:
    _run = None
    show_progress = None
    _loading = Embedder._loading

def read_and_segment():
    with SlowModel()._loading():
        time.sleep(60)
    yield None

def command(argv):
    for _ in in_background(read_and_segment()):
        pass

cli._main = command
sys.argv = ["roqa", "code"]
cli.main()
"""


def _read(fd: int, until: bytes | None, timeout: float) -> bytes:
    """What the pty gives, until ``until`` is in it (None: until the child has ended)."""
    out = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end and (until is None or until not in out):
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child has ended and closed the terminal
            break
        if not chunk:
            break
        out += chunk
    return out


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
@pytest.mark.parametrize(("stop", "status"), [("ctrl-c", 130), ("sigterm", 143)])
def test_a_stop_while_the_model_loads_shows_the_cursor_and_draws_nothing_after_its_line(
    stop: str, status: int
) -> None:
    import pty

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(PYTHONPATH=str(SRC), TERM="xterm-256color", COLUMNS="80", LINES="24")
    pid, fd = pty.fork()
    if pid == 0:  # the child: the pty is its terminal
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.execve(sys.executable, [sys.executable, "-c", SLOW_LOAD], env)
    try:
        before = _read(fd, until=b"Loading the embedding model ...", timeout=60)
        assert b"Loading the embedding model ..." in before
        before += _read(fd, until=None, timeout=0.5)  # a few frames of the spinner
        if stop == "ctrl-c":
            os.write(fd, b"\x03")  # typed: the terminal sends SIGINT
        else:
            os.kill(pid, signal.SIGTERM)
        after = _read(fd, until=None, timeout=60)
    finally:
        _, wait_status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(wait_status) == status
    out = before + after
    assert out.rfind(SHOW_CURSOR) > out.rfind(HIDE_CURSOR) > -1
    # the line is the last thing on the terminal: no spinner frame after it
    assert out[out.index(b"roqa: interrupted") :] == INTERRUPTED


class _Display:
    """A display that counts what is done to it."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def start(self) -> None:
        self.calls.append("start")

    def refresh(self) -> None:
        self.calls.append("refresh")

    def stop(self) -> None:
        self.calls.append("stop")


def test_stop_all_closes_the_open_displays_and_none_is_drawn_after_it() -> None:
    first, later = _Display(), _Display()
    try:
        assert live_displays.start(first) is True
        live_displays.stop_all()
        assert first.calls == ["start", "refresh", "stop"]
        assert live_displays.start(later) is False
        with live_displays.drawn(later):
            pass
        assert later.calls == []
    finally:
        live_displays.allow()
    with live_displays.drawn(later):
        assert later.calls == ["start", "refresh"]
    assert later.calls == ["start", "refresh", "stop"]


def test_a_program_calling_main_draws_displays_again_after_a_stopped_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hunter hunt7, session 80: a notebook that stopped main(["code", ...]) and then coded
    with the Python API (AutoCoder.load().code) drew no spinner and no bar for the whole run:
    only the next main() allowed them again. The stop is over when main returns."""
    from roqa_nlp import cli

    shown = _Display()

    def stopped(argv: object) -> None:
        assert live_displays.start(shown) is True
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_main", stopped)
    try:
        with pytest.raises(SystemExit) as caught:
            cli.main(["code", "x"])
        assert caught.value.code == 130
        assert shown.calls == ["start", "refresh", "stop"]
        later = _Display()
        with live_displays.drawn(later):
            assert later.calls == ["start", "refresh"]
    finally:
        live_displays.allow()
