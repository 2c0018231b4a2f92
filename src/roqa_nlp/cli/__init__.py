"""The ``roqa`` command line.

Each subcommand lives in its own module of this package and registers itself on :data:`app`.
Heavy libraries are imported inside the command functions, so ``roqa --help`` stays fast and
never imports numpy or torch. User errors (:class:`RoqaError`) print one line and exit with 2
(``--debug`` prints their traceback above that line, and they still exit with 2).
"""

# Only modules Python has imported as it starts (and roqa_nlp/__init__.py, as light): the
# console script imports this module before main runs, and a Ctrl-C while it does printed a
# traceback. Hence no ``from __future__ import annotations``, typing or collections.abc here.
import os
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TextIO

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# transformers draws a "Loading weights" bar on stderr each time the model loads: keep stderr for
# the one-line errors researchers need to read.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

#: Every command's help ends saying how to see a traceback (``main`` takes ``--debug`` anywhere).
DEBUG_EPILOG = "Add --debug to see a traceback when something goes wrong."


def _application() -> "Any":
    """The typer application with every command registered on it.

    Imported here, not when this module is (which the ``roqa`` console script does before it
    calls :func:`main`): a Ctrl-C in the half-second that typer and the command modules take
    to import then reaches main's handler, not Python's traceback.
    """
    from typer.core import TyperCommand

    # Importing a command module registers its command on `app`.
    from . import (  # noqa: F401
        agree_cmd,
        apply_cmd,
        backend_cmd,
        code_cmd,
        exchange_cmd,
        inspect_cmd,
        pseudonymise_cmd,
        report_cmd,
        train_cmd,
    )
    from ._app import PlainHelpCommand, app

    for command in app.registered_commands:
        # after the command's example, if it has one (_app.example); once, however often the
        # application is made in one process
        if not (command.epilog or "").endswith(DEBUG_EPILOG):
            command.epilog = "\n\n".join(e for e in (command.epilog, DEBUG_EPILOG) if e)
        if command.cls in (None, TyperCommand):  # typer's own: help with plain metavars
            command.cls = PlainHelpCommand
    # The module is ._app, not .app: importing a submodule sets its name on this package, so
    # a module app.py made `roqa_nlp.cli.app` that module once any command was imported first.
    globals()["app"] = app
    return app


def __getattr__(name: str) -> "Any":
    """``app`` and ``state`` (of :mod:`._app`), imported when first asked for."""
    if name == "app":
        return _application()
    if name == "state":
        from ._app import state

        return state
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _is_click_error(e: Exception, name: str) -> bool:
    """Whether ``e`` is click's exception class ``name``; typer >= 0.22 raises those of its own
    vendored copy (``typer._click``, with ``Exit`` and ``Abort`` in ``typer.exceptions``), which
    are not subclasses of ``click``'s."""
    from importlib import import_module

    for module in ("typer._click.exceptions", "typer.exceptions", "click.exceptions"):
        try:
            cls = getattr(import_module(module), name, None)
        except ImportError:
            continue
        if cls is not None and isinstance(e, cls):
            return True
    return False


def _warning_printer(previous: "Callable[..., None]") -> "Callable[..., None]":
    """A ``warnings.showwarning`` that prints a :class:`~roqa_nlp.errors.RoqaWarning` as one
    ``roqa: warning:`` line (no source file or line number), each the first time it is said in
    a command (a report and its Table 2 each check the codebook: one line, not two), and hands
    other libraries' warnings to ``previous``."""
    from ..errors import RoqaWarning

    said: set[str] = set()

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: "TextIO | None" = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, RoqaWarning):
            if str(message) not in said:
                said.add(str(message))
                print(f"roqa: warning: {message}", file=sys.stderr)
        else:
            previous(message, category, filename, lineno, file, line)

    return show


#: The metavar of the options whose value is a built-in id or a file's path (``--codebook
#: cfir-2022``, ``--codebook reviewed/codebook.json``): path options as Path-typed ones are.
_ID_OR_FILE = frozenset({"CODEBOOK"})


def _path_options(args: list[str]) -> frozenset[str]:
    """The options (``--out``, ``-o``, ``--pseudonymise``, ``--feedback``, ``--codebook`` ...)
    of the command ``args`` name whose value is a file's or folder's path (typed Path, or a
    metavar of :data:`_ID_OR_FILE`); none when they name no command."""
    import typing
    from pathlib import Path

    import typer

    def holds_path(annotation: object) -> bool:
        return annotation is Path or any(holds_path(a) for a in typing.get_args(annotation))

    command: Any = typer.main.get_command(_application())
    for word in args:  # the command's name, after roqa's own options (--debug)
        commands = getattr(command, "commands", None)
        if commands is None:
            break
        if not word.startswith("-"):
            command = commands.get(word)
            if command is None:
                return frozenset()
    if getattr(command, "commands", None) is not None:
        return frozenset()
    return frozenset(
        o
        for p in command.params
        if p.opts[0].startswith("-")
        and (
            holds_path(getattr(getattr(p, "type_descriptor", None), "annotation", None))
            or p.metavar in _ID_OR_FILE
        )
        for o in p.opts
    )


def _home_expanded(args: list[str]) -> list[str]:
    """``args`` with a leading ``~`` in the value of a path option made the home folder
    (``--out "~/coded"``, ``--out=~/coded``, ``--pseudonymise '~/private/key.csv'``), as the
    shell does for ``--out ~/coded`` but not quoted nor after ``=``: else a folder named ``~``
    is made where the command runs (daily28, session 90), and a pseudonym key written into it,
    far from where the researcher meant to keep it. A transcript given quoted (``'~/in'``) and
    the words after ``--`` are left as typed."""
    words = args[: args.index("--")] if "--" in args else args
    if not any("~" in w for w in words):
        return list(args)
    paths = _path_options(words)
    out = list(args)
    for i, word in enumerate(words):
        option, eq, value = word.partition("=")
        if eq and option in paths and value.startswith("~"):
            out[i] = f"{option}={os.path.expanduser(value)}"
        elif word.startswith("~") and i > 0 and words[i - 1] in paths:
            out[i] = os.path.expanduser(word)
    return out


def _file_as_folder(args: list[str]) -> str | None:
    """The word of ``args`` (or the value of ``--option=VALUE``) that is a file's path with a /
    after it, which typer's Path drops (mistakes tester, session 52: ``roqa inspect
    study/rm01.txt/`` was read, where the shell says "Not a directory"), or None."""
    ends = ("/", os.sep)
    for arg in args:
        option, eq, value = arg.partition("=")
        word = value if eq and option.startswith("--") else arg
        if word.endswith(ends) and os.path.isfile(word.rstrip("".join(ends))):
            return word
    return None


def _one_dash_option(args: list[str]) -> str | None:
    """The long option a word of ``args`` names with one dash (``-out`` for ``--out``), which
    click would read as a short option and its value (``-o ut``), or None."""
    import re

    words = args[1 : args.index("--")] if "--" in args else args[1:]
    typed = [w for w in words if re.fullmatch(r"-[A-Za-z][A-Za-z-]+", w)]
    if not args or not typed:
        return None
    import typer

    command = getattr(typer.main.get_command(_application()), "commands", {}).get(args[0])
    if command is None:
        return None
    longs = {o for p in command.params for o in getattr(p, "opts", []) if o.startswith("--")}
    return next((w for w in typed if "-" + w in longs), None)


def _dash_word_said(args: list[str], e: Exception) -> str | None:
    """The one-line error of a file name or a text that starts with '-' (``roqa inspect '-P05
    interview.txt'``, ``roqa suggest '-We lack staff'``), which click read as options and
    refused with "No such option: -P" alone; None when ``e`` is of no such word."""
    from pathlib import Path

    from ..errors import RoqaError
    from ..io import shell_quoted

    option = getattr(e, "option_name", None)
    if not _is_click_error(e, "NoSuchOption") or not option or not args:
        return None
    words = args[: args.index("--")] if "--" in args else args
    for word in words[1:]:
        if not word.startswith(option) or word.startswith("--"):
            continue
        command = f"roqa {args[0]} -- {shell_quoted(word)}"
        if Path(word).exists():
            what, hint = "a file name", f"give it as {shell_quoted('./' + word)}, or put -- "
        elif any(c.isspace() for c in word):
            what, hint = "a text", "put -- "
        else:
            continue
        return str(
            RoqaError(
                f"{what} that starts with '-' is read as options (No such option: {option})",
                path=word,
                hint=f"{hint}before it, after the options: {command}",
            )
        )
    return None


def _command_named(args: list[str]) -> str:
    """``roqa COMMAND`` for the command ``args`` name, or ``roqa`` when they name none: the
    help to point at for a usage error click raised with no context (an option given last
    with no value, ``roqa code interviews --out``), which said 'roqa --help' (daily, s57)."""
    import typer

    group = typer.main.get_command(_application())
    first = next((a for a in args if not a.startswith("-")), None)
    commands = getattr(group, "commands", {})
    return f"roqa {first}" if first in commands else "roqa"


def _run(args: list[str]) -> None:
    """Run the command ``args`` names, letting every exception reach :func:`main`.

    Not ``app(standalone_mode=False)``: typer's main turns Ctrl-C into a *returned* 130 and a
    closed standard output into ``sys.exit(1)``, so a run stopped part-way ended with no message,
    its status lost or the same as a bug's.
    """
    import typer

    command = typer.main.get_command(_application())
    with command.make_context("roqa", args) as ctx:
        command.invoke(ctx)
    raise_stop_lost()  # a stop lost in a finaliser is a stop: not the end of a complete run
    _flush_standard_output()  # a closed pipe is found here, not as Python exits


def _standard_output_closed() -> bool:
    """Whether standard output is a pipe whose reader has gone (``roqa ... | head -3``)."""
    import select

    try:
        poll = select.poll()  # not on Windows: there a broken pipe is reported as an error
        poll.register(sys.stdout.fileno(), select.POLLOUT)
    except (AttributeError, OSError, ValueError):
        return False
    return any(event & (select.POLLERR | select.POLLHUP) for _, event in poll.poll(0))


def _end_quietly_on_a_closed_pipe() -> None:
    """End as a Unix tool does when the reader of its output stops reading: no message, and
    exit status 141 (128 + SIGPIPE), what ``seq 100000 | head -3`` gives under ``set -o
    pipefail``. Not 0: roqa cannot tell whether it had said everything before the pipe closed,
    and a run that stops before its outputs are written must not look like a success. Standard
    output goes to the null device so that Python's own flush at exit does not fail again."""
    _exit_with_output_to_null(141)


def _exit_with_output_to_null(status: int) -> None:
    """Exit with ``status``, standard output sent to the null device first, so that Python's own
    flush at exit does not fail again on the stream that failed."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass
    sys.exit(status)


def _written_to_standard_output(e: OSError) -> bool:
    """Whether the write ``e`` stopped was one to standard output (``> /dev/full``, a full
    disk), whose error names no file: the stream is in the innermost frame, as click.echo's
    ``file``, rich's console's ``file``, or the ``out`` of :func:`_flush_standard_output` and
    :func:`~roqa_nlp.cli._app.write_standard_output`."""
    streams = [s for s in (sys.stdout, sys.__stdout__) if s is not None]
    tb = e.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    rich = sys.modules.get("rich.console")
    for value in tb.tb_frame.f_locals.values():
        if rich is not None and isinstance(value, rich.Console):
            value = value.file
        if any(value is s for s in streams):
            return True
    return False


def _flush_standard_output() -> None:
    """Write what standard output still holds, so that a failure to write it is said as the
    command's (a ``print`` to a full disk fails only then), not as Python's at exit."""
    out = sys.stdout
    if out is not None:
        out.flush()


def _say_standard_output_failed(e: OSError) -> None:
    """The one-line error of a write to standard output the system refused (tester s46:
    ``roqa suggest "..." > /dev/full`` said ``No space left on device (check the path)``, naming
    nothing), and exit 2, as for a file; standard output then goes to the null device, so
    Python's own flush at exit does not fail again under the line."""
    import errno

    full = e.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
    hint = (
        "send the output to a file on a disk with room, or leave it on the terminal"
        if full
        else "check where the output is sent, or leave it on the terminal"
    )
    print(
        f"roqa: error: cannot write to standard output: {e.strerror or e} ({hint})", file=sys.stderr
    )
    _exit_with_output_to_null(2)


def _collect_quietly(stop: BaseException) -> None:
    """Free what the frames ``stop`` went through held, now and saying nothing of the errors
    their finalisers raise (a zip whose file was closed under it), then hand
    :data:`sys.unraisablehook` back."""
    import gc
    import traceback

    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        if stop.__traceback__ is not None:
            traceback.clear_frames(stop.__traceback__)
        stop.__traceback__ = None
        gc.collect()
    finally:
        sys.unraisablehook = hook


#: The signal that stopped the command running (SIGINT for Ctrl-C, or SIGTERM).
_stopped_by: list[int] = []


def _stop_as_on_ctrl_c(signum: int, frame: object) -> None:
    """Ctrl-C, and SIGTERM handled as Ctrl-C is: a KeyboardInterrupt where the command is, so
    the same code cleans up (no half-written file, an output folder made by the run removed) and
    says which outputs of a set are this run's. ``timeout``, job schedulers and a shutdown send
    SIGTERM: it killed roqa with no message, an earlier report.html left beside new codings
    (session 41). Further ones are ignored from the first (:func:`_ignore_stops`): Ctrl-C
    pressed three times 20 ms apart stopped the clean-up, or main's handler, with a traceback
    and no exit status of roqa's (interrupt tester, session 46)."""
    _ignore_stops()
    _stopped_by[:] = [signum]
    raise KeyboardInterrupt


#: The signals :func:`_stops_handled` set :func:`_stop_as_on_ctrl_c` for (not those the caller
#: ignores or handles itself).
_handled: list[int] = []


def _stop_kept(previous: "Callable[[Any], None]") -> "Callable[[Any], None]":
    """A :data:`sys.unraisablehook` that keeps a stop Python could not raise: one handled while
    a finaliser ran (regex's ``Group.__del__``) was printed as "Exception ignored in ..." and
    lost, with further stops already ignored, and the run wrote every output and ended with 0
    (cli tester, session 64). Said nothing of, with Ctrl-C and SIGTERM handled again, it is
    raised at the command's next safe point (:func:`raise_stop_lost`). Others go to
    ``previous``."""
    import contextlib
    import signal

    def hook(unraisable: "Any") -> None:
        if not (_stopped_by and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            previous(unraisable)
            return
        for signum in _handled:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, _stop_as_on_ctrl_c)

    return hook


def raise_stop_lost() -> None:
    """Raise the Ctrl-C or SIGTERM that Python could not raise where it came (in a finaliser:
    :func:`_stop_kept`); a safe point of the command calls it (before and after its outputs are
    written, and at its end). Nothing when no stop came, or when it was raised."""
    if _stopped_by:
        _ignore_stops()
        raise KeyboardInterrupt


def _stops_handled() -> "Callable[[], None]":
    """Install :func:`_stop_as_on_ctrl_c` for SIGINT and SIGTERM; returns what puts the
    handlers found back, so that a notebook or program calling :func:`main` keeps its own after
    it. A signal the caller ignores (``trap '' TERM``, nohup-like wrappers, a job started in the
    background) stays ignored, and a SIGINT handler of the caller's own is kept."""
    import signal

    _stopped_by.clear()
    _handled.clear()
    # every handler found, put back after the run, kept ones too: a stop sets both to ignored
    # (review, session 46: a program's own Ctrl-C handler was left ignored after a stopped run)
    found: dict[int, Any] = {}
    for signum, usual in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, None)):
        try:
            now = signal.getsignal(signum)
            if now is not None:  # None: a handler not set from Python, which cannot be put back
                found[signum] = now
            if now is signal.SIG_IGN or (usual is not None and now is not usual):
                continue
            signal.signal(signum, _stop_as_on_ctrl_c)
            _handled.append(signum)
        except (ValueError, OSError):  # not the main thread: signals are the main thread's
            return lambda: None
    unraisable = sys.unraisablehook
    sys.unraisablehook = _stop_kept(unraisable)

    def restore() -> None:
        for signum, handler in found.items():
            signal.signal(signum, handler)
        sys.unraisablehook = unraisable

    return restore


def _ignore_stops() -> None:
    """Ignore Ctrl-C and SIGTERM from now on (in the main thread; elsewhere nothing)."""
    import contextlib
    import signal

    for signum in (signal.SIGINT, signal.SIGTERM):
        # not the main thread: signals are the main thread's
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, signal.SIG_IGN)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``roqa`` console script.

    Ctrl-C is caught from the first line: the commands, typer and everything they import are
    imported inside (:func:`_application`). SIGTERM, while the command runs, is handled as
    Ctrl-C is, and ends with 143 (128 + 15) where Ctrl-C ends with 130; once one is being
    handled, further ones are ignored, so the one-line message and the status always come.
    Run as the console script (``argv`` None), a command that has finished ignores both while
    Python exits: the command has finished, every output written and the summary printed, and
    only Python's exit is left (up to a second, unloading torch). A signal then killed roqa
    with no message and status 130 or 143, which says "stopped, run it again" of a complete run
    (cli tester, session 43). A program calling main(ARGS) gets its own handlers back."""
    restore: Callable[[], None] = lambda: None  # noqa: E731
    reset: Callable[[], None] = lambda: None  # noqa: E731
    try:
        # inside the try: Ctrl-C while roqa_nlp.errors is imported is caught too
        reset = _on_command_line()
        _live_displays_allowed()
        restore = _stops_handled()
        from ..io import hashing_run

        with hashing_run():  # a file hashed once a command, and again by the next one
            _main(argv)
        if argv is None:
            _ignore_stops()
    except KeyboardInterrupt as e:
        _ignore_stops()  # first: a second Ctrl-C must not stop this handler
        # a spinner or bar still drawn (by the thread loading the model, which is not waited
        # for) is closed before the line: the cursor shown, the line cleared (live_displays)
        _live_displays_stopped()
        # Outputs are written whole (a temporary file renamed), so a stop leaves none half-done.
        # What the stop left unfinished (a .xlsx or .docx zip whose file the atomic write has
        # closed) fails again when collected at exit: "Exception ignored in ZipFile.__del__ ...
        # seek of closed file" under the line below (session 37). Nothing of it is the user's.
        _collect_quietly(e)
        # a set of outputs stopped part-way is said (OutputsInterrupted)
        said = getattr(e, "said", None)
        print(
            f"roqa: interrupted {said}; run the command again"
            if said
            else "roqa: interrupted (no output file was left half-written; run the command again)",
            file=sys.stderr,
        )
        # 128 + the signal, as a shell reports a program stopped by it: 130 for Ctrl-C (SIGINT)
        status = 128 + (_stopped_by[0] if _stopped_by else 2)
        if argv is None:
            _end_past_producers(status)
        sys.exit(status)
    except SystemExit as e:  # an error said (exit 2), or a command that ends early on purpose
        if argv is None:
            _ignore_stops()  # the command has ended
            _end_past_producers(e.code if isinstance(e.code, int) else 1)
        raise
    finally:
        reset()
        if argv is not None:
            restore()
            # the stop is handled: a program calling main() draws spinners and bars again with
            # the Python API, not only at its next main() (hunter hunt7, session 80)
            _live_displays_allowed()


def _live_displays_stopped() -> None:
    """Close every spinner and progress bar drawn (:func:`roqa_nlp.live_displays.stop_all`);
    nothing when it is not imported yet: none was drawn."""
    import contextlib

    displays = sys.modules.get("roqa_nlp.live_displays")
    if displays is not None:
        with contextlib.suppress(OSError, ValueError):  # a closed terminal, a closed stream
            displays.stop_all()


def _live_displays_allowed() -> None:
    """Spinners and bars may be drawn again (a program calling :func:`main` after a stop)."""
    displays = sys.modules.get("roqa_nlp.live_displays")
    if displays is not None:
        displays.allow()


#: Seconds :func:`_end_past_producers` waits for a background producer to stop.
PRODUCER_GRACE = 1.0


def _end_past_producers(status: int) -> None:
    """End the process with ``status`` at once when a background producer of
    :func:`~roqa_nlp.background.in_background` (``roqa code`` reading and segmenting the next
    transcript) is still running a second after it was told to stop; nothing when none is.

    Run by the console script once the command has ended (stopped, or an error said): its
    outputs are whole, an output folder it made removed, its lock released and its line said.
    Such a producer is mostly inside torch or spaCy (loading the embedding model, embedding a
    transcript's pieces), where Python, ending it as it exits, aborted the process: ``terminate
    called without an active exception`` and SIGABRT (134) after ``roqa: interrupted``, in 1 of
    20 Ctrl-C on main (tester ux2, session 78). Waiting for it instead took up to 31 s after the
    line, with Ctrl-C ignored. What the producer was writing is in the caches, whose SQLite
    transactions a process ended mid-way leaves as they were."""
    import contextlib

    from ..background import stop_producers

    if stop_producers(timeout=PRODUCER_GRACE):
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe, a closed stream
            stream.flush()
    os._exit(status)


def _on_command_line() -> "Callable[[], None]":
    """Marks the advice of errors and warnings as the command's: they name its options, not
    the Python call's arguments (api tester, session 76, D6: evaluate's "give --model DIR" was
    said to Python); returns what takes the mark back."""
    from ..errors import ON_COMMAND_LINE

    token = ON_COMMAND_LINE.set(True)
    return lambda: ON_COMMAND_LINE.reset(token)


def _unencodable_replaced() -> None:
    """Make standard output and error print "?" for a character their encoding cannot hold,
    rather than fail: a Windows console (cp1252, cp850) holds no "≈", "…" or "✓", and ``roqa
    code --help`` ended in an internal error, ``roqa import`` in one after writing everything
    (s44). rich's consoles write to these streams, so they print "?" too."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None or getattr(stream, "errors", None) != "strict":
            continue  # a StringIO holds everything; "surrogateescape" and the rest are kept
        with contextlib.suppress(OSError, ValueError):  # closed, or one that refuses
            reconfigure(errors="replace")


def _escaped(text: str) -> bool:
    """Whether ``text`` holds bytes Python could not decode in the locale's encoding (kept as
    the surrogates U+DC80-U+DCFF: an argument or a file name when Python's UTF-8 mode is off
    and the locale is not UTF-8, ``LC_ALL=C``)."""
    return any("\udc80" <= c <= "\udcff" for c in text)


def _not_utf8_error() -> "Any":
    """The error of a text or file name the locale's encoding cannot hold (terminal tester,
    session 45: ``LC_ALL=C PYTHONUTF8=0 roqa suggest "It's £12"`` was an internal TypeError of
    the tokenizer, ``roqa code`` of a folder holding ``rm04_José.txt`` a UnicodeEncodeError)."""
    from ..errors import RoqaError

    encoding = sys.getfilesystemencoding()
    return RoqaError(
        f"a text or file name given holds characters the locale's encoding ({encoding}) cannot "
        "read",
        hint="run roqa with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 or PYTHONUTF8=1",
    )


#: the errors of a path given that is not there (io.codings_not_found, read_transcript ...)
_NOT_FOUND = ("file not found", "folder not found", "file or folder not found")


def _quotes_said(error: "Any", args: list[str]) -> "Any":
    """``error``, or, when it is a path not found that is the start of a path with spaces typed
    without quotes (``roqa inspect My Interviews/``: ``My`` not found, ``My Interviews/`` there),
    the same error saying to quote it (newcomer, session 47)."""
    from pathlib import Path

    from ..errors import RoqaError

    if error.path is None or error.reason not in _NOT_FOUND:
        return error
    said = error.path.rstrip("/" + os.sep) or error.path
    for i, word in enumerate(args):
        if word.rstrip("/" + os.sep) != said:
            continue
        for k in range(i + 1, len(args)):
            if args[k].startswith("-"):
                break
            joined = " ".join(args[i : k + 1])
            try:
                there = Path(joined).exists()
            except (OSError, ValueError):  # too long a name for the system, a NUL in it
                break
            if there:
                return RoqaError(
                    error.reason,
                    path=error.path,
                    hint=f'a path with spaces needs quotes: "{joined}"',
                )
    return error


def _pattern_said(error: "Any", args: list[str]) -> "Any":
    """``error``, or, when the path it names is a shell pattern given (``'study/*.vtt'``,
    ``'cod*'``: :func:`~roqa_nlp.cli.patterns.is_pattern`), whatever the command said of it
    (not found, not a model folder, no codebook), the error of that pattern, named as typed."""
    from .patterns import is_pattern, pattern_error

    if error.path is None:
        return error
    named = error.path.rstrip("/" + os.sep) or error.path
    # an option's value as typed: --codebook 'cb*.json' or --codebook='cb*.json'
    values = [a.partition("=")[2] if a.startswith("--") and "=" in a else a for a in args]
    given = next((a for a in values if (a.rstrip("/" + os.sep) or a) == named), None)
    if given is None or not is_pattern(given):
        return error
    return pattern_error(given)


def _main(argv: list[str] | None) -> None:
    """:func:`main` but for Ctrl-C."""
    import traceback
    import warnings

    from ..errors import RoqaError, RoqaErrors, RoqaWarning
    from ._app import state
    from .command_words import command_meant

    _unencodable_replaced()
    args = _home_expanded(list(sys.argv[1:] if argv is None else argv))
    state["argv"] = list(args)  # as typed: which word follows which (refuse_json_output_file)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
        state["debug"] = True
    try:
        if any(_escaped(a) for a in args):
            raise _not_utf8_error()
        folder = _file_as_folder(args)
        if folder is not None:
            raise RoqaError(
                "is a file, not a folder", path=folder, hint="leave out the / after its name"
            )
        typo = _one_dash_option(args)
        if typo is not None:
            raise RoqaError(
                f"{typo} is not an option: did you mean -{typo}?",
                hint="a long option takes two dashes",
            )
        if args[:1] == ["help"]:
            # 'roqa help' and 'roqa help code' as git and pip take them: the help of roqa or of
            # the command named (docswalk s86, L5: "No such command 'help'")
            args = [*args[1:2], "--help"]
        meant = command_meant(args)  # roqa learn ...: the command meant (train --feedback)
        if meant is not None:
            raise meant
        with warnings.catch_warnings():
            # every RoqaWarning is shown (not once per place in the code), as one plain line
            warnings.simplefilter("always", RoqaWarning)
            warnings.showwarning = _warning_printer(warnings.showwarning)
            from ..folder_lock import command_scope

            with command_scope():  # the output folders it locks, released at its end
                _run(args)
    except RoqaError as e:
        if debug:  # the traceback too, and still the exit status of a user mistake
            traceback.print_exc()
        # several errors found in one pass (every unreadable transcript): one line each
        for one in e.lines() if isinstance(e, RoqaErrors) else [e]:
            print(f"roqa: error: {_quotes_said(_pattern_said(one, args), args)}", file=sys.stderr)
        sys.exit(2)
    except SystemExit:
        raise
    except OSError as e:
        # The machine refused (no permission, not a directory, disk full, name too long): a user
        # error to fix, not a bug. Only with an errno: a bare OSError would be a bug.
        if e.errno is None:
            raise
        if isinstance(e, BrokenPipeError) and _standard_output_closed():
            _end_quietly_on_a_closed_pipe()
        if debug:
            traceback.print_exc()
        if e.filename is None and _written_to_standard_output(e):
            _say_standard_output_failed(e)
        where = f"{e.filename}: " if e.filename else ""
        from ..io import missing_path_hint

        hint = missing_path_hint(e.filename) if isinstance(e.filename, str) else "check the path"
        print(f"roqa: error: {where}{e.strerror or e} ({hint})", file=sys.stderr)
        sys.exit(2)
    except Exception as e:  # click usage errors and real bugs
        if _is_click_error(e, "NoArgsIsHelpError"):
            e.show()  # type: ignore[attr-defined]  # `roqa` alone: the help itself
            sys.exit(2)
        said = _dash_word_said(args, e)
        if said is not None:
            print(f"roqa: error: {said}", file=sys.stderr)
            sys.exit(2)
        if _is_click_error(e, "ClickException"):
            # One line like every other user error (click would print usage, a hint and the error).
            message = " ".join(e.format_message().splitlines())  # type: ignore[attr-defined]
            ctx = getattr(e, "ctx", None)
            command = ctx.command_path if ctx is not None else _command_named(args)
            print(f"roqa: error: {message} (see '{command} --help')", file=sys.stderr)
            sys.exit(2)
        if _is_click_error(e, "Exit"):  # --help, or a command that ends early on purpose
            sys.exit(e.exit_code)  # type: ignore[attr-defined]
        if _is_click_error(e, "Abort"):
            print("roqa: aborted", file=sys.stderr)
            sys.exit(1)
        if isinstance(e, UnicodeError) and "surrogates not allowed" in str(e):
            # a file name read in a locale that is not UTF-8 (above)
            if debug:
                traceback.print_exc()
            print(f"roqa: error: {_not_utf8_error()}", file=sys.stderr)
            sys.exit(2)
        if debug:
            raise
        detail = " ".join(str(e).splitlines())
        print(
            f"roqa: internal error: {type(e).__name__}: {detail} "
            "(run again with --debug for the traceback and report it)",
            file=sys.stderr,
        )
        sys.exit(1)


__all__ = ["app", "main"]
