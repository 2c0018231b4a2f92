"""The one error type users see.

Every user-facing failure (missing file, bad encoding, unknown code, malformed XML, model/codebook
mismatch) is a :class:`RoqaError` whose message is a single line that names the file (or the
thing) involved and says what to do. The CLI prints the message and exits with status 2; any other
exception is a bug (exit status 1).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import FrameType

#: True while a ``roqa`` command runs the Python API for the researcher: a message that names
#: what to do next names the command's options then, and the Python call otherwise (tester
#: learn, s61: ``AutoCoder.update`` warned with ``--feedback`` flags).
ON_COMMAND_LINE: ContextVar[bool] = ContextVar("roqa_on_command_line", default=False)


def in_python_too(hint: str, call: str) -> str:
    """The advice ``hint`` of an error that names a ``roqa`` command, as the command says it,
    and, said to Python (not :data:`ON_COMMAND_LINE`), followed by the Python call that does
    the same, ``call``, as :meth:`~roqa_nlp.result.CodingResult.read` says it: ``...; in Python,
    ac.code('p04.txt')`` (api tester, session 79: ``ac.evaluate("p04.txt")`` was told only
    ``roqa code p04.txt --out coded/``)."""
    return hint if ON_COMMAND_LINE.get() else f"{hint}; in Python, {call}"


class OutputsInterrupted(KeyboardInterrupt):
    """Ctrl-C while a command wrote a set of outputs: ``said`` tells which were written (each
    file is whole, written atomically, but the set is not)."""

    def __init__(self, said: str):
        super().__init__(said)
        self.said = said


class RoqaError(Exception):
    """A user-facing error: one line, names the file and the fix."""

    def __init__(self, message: str, *, path: str | Path | None = None, hint: str | None = None):
        self.path = None if path is None else str(path)
        self.hint = hint
        #: the message alone, without the path and the hint: what a caller adds to
        self.reason = _no_full_stop(message)
        parts = []
        if self.path is not None:
            parts.append(f"{self.path}: ")
        parts.append(self.reason)
        if hint:
            parts.append(f" ({_no_full_stop(hint)})")
        # splitlines() also breaks at \r, \x85, \u2028 ...: a hostile file name stays one line.
        text = " ".join("".join(parts).splitlines())
        super().__init__(text)

    @property
    def message(self) -> str:
        return str(self)


class RoqaErrors(RoqaError, ValueError):
    """Several user errors found in one pass (every transcript of a study that cannot be read),
    so that each is fixed before the next run: ``errors`` in order, each one line. A ValueError,
    as each of them is (a file given twice, a file of a kind not read: docs/python.md), so that
    ``except ValueError`` catches several as it catches one (hunt s65 h_inspect). Its own
    message is one line too, ``message`` followed by all of them; the ``roqa`` command prints
    each of ``errors`` on a line of its own, then ``message`` and ``hint`` (:meth:`lines`)."""

    def __init__(self, errors: Sequence[RoqaError], message: str, *, hint: str | None = None):
        self.errors = list(errors)
        self.closing = RoqaError(message, hint=hint)
        said = "; ".join(str(e) for e in self.errors)
        super().__init__(f"{_no_full_stop(message)}: {said}", hint=hint)

    def lines(self) -> list[RoqaError]:
        """What the command says, one error a line: each of ``errors``, then the closing one."""
        return [*self.errors, self.closing]


class RoqaTypeError(RoqaError, TypeError):
    """An argument of the wrong type (``suggest(42)``, ``top_k="3"``): a one-line
    :class:`RoqaError` that names the type expected, and a TypeError, so ``except TypeError``
    catches it as it would Python's own."""


class RoqaFileNotFoundError(RoqaError, FileNotFoundError):
    """A file or folder given that is not there (``ac.code(["nothere.txt"])``): a one-line
    :class:`RoqaError` that is also a FileNotFoundError (an OSError), so a notebook's ``except
    FileNotFoundError`` catches it as it would ``open()``'s. Its message is the RoqaError's; it
    has no ``errno`` or ``filename`` (``path`` names the file)."""


class RoqaValueError(RoqaError, ValueError):
    """An argument of the right type and a wrong value (``top_k=0``, an empty text or list), or
    a file given that is empty, damaged or of another kind than its name says (a ``.qdpx`` that
    is plain text): a one-line :class:`RoqaError` that is a ValueError."""


def _no_full_stop(text: str) -> str:
    """``text`` without its closing full stop; an ellipsis (:func:`first_few`'s " ...", saying
    there are more) is kept."""
    return text if text.endswith("...") else text.rstrip(".")


class RoqaWarning(UserWarning):
    """Something the researcher should know about their input that does not stop the run (a
    guessed interviewer, a skipped source, a coding left out): one line, like :class:`RoqaError`.

    From Python it is an ordinary warning (``warnings.simplefilter("error", RoqaWarning)`` turns
    them into errors); the ``roqa`` command prints each as ``roqa: warning: ...`` on stderr.
    """


def warn(message: str, *, path: str | Path | None = None, stacklevel: int | None = 3) -> None:
    """Issue a one-line :class:`RoqaWarning` naming ``path`` (if given) first. ``stacklevel``
    ``None``: at the researcher's line, the first frame outside roqa_nlp (for a warning said
    at several depths of a call into it: ``evaluate``'s, ``update``'s), in Python's registry of
    warnings given at a line as any other."""
    import sys
    import warnings

    if stacklevel is None:
        stacklevel = 2 + _first_outside(sys._getframe(1))[1]
    text = message if path is None else f"{path}: {message}"
    counts = getattr(_counting, "counts", None)
    if counts:
        counts[-1].append(text)
    warnings.warn(" ".join(text.splitlines()), RoqaWarning, stacklevel=stacklevel)


#: Per thread, a stack of the lists :func:`counting_warnings` gathers the warnings said in
_counting = threading.local()


@contextmanager
def counting_warnings() -> Iterator[list[str]]:
    """A list of the warnings :func:`warn` issues in this thread while the block runs (issued
    as ever, whatever the filters): the reading cache stores no reading that warned
    (:mod:`roqa_nlp.transcripts.reading_cache`). Per thread, unlike
    :func:`warnings.catch_warnings`, so the warnings another thread issues meanwhile (the
    coding loop's, while a background thread reads the next file) are neither counted nor
    lost."""
    stack: list[list[str]] = getattr(_counting, "counts", None) or []
    _counting.counts = stack
    said: list[str] = []
    stack.append(said)
    try:
        yield said
    finally:
        stack.pop()


def _first_outside(frame: FrameType) -> tuple[FrameType, int]:
    """The first frame from ``frame`` up (``frame`` itself, its caller ...) that is not
    roqa_nlp's, the researcher's line, and how many of roqa_nlp's were passed on the way (the
    outermost frame when every one is roqa_nlp's)."""
    package = str(Path(__file__).parent) + os.sep
    n = 0
    while frame.f_back is not None and frame.f_code.co_filename.startswith(package):
        frame = frame.f_back
        n += 1
    return frame, n


def warn_the_caller(message: str) -> None:
    """Issue a one-line :class:`RoqaWarning` at the researcher's line: the first frame outside
    roqa_nlp, whatever the depth of the call into it (a fixed stacklevel named autocoder.py for
    some entry points: s62 api hunter). Without Python's registry of warnings given at a line,
    so that a second model's same warning from that line is not hidden: the caller says each
    once (``_warn_of_training_only``); the filters (``"error"``, ``"ignore"``) still apply."""
    import sys
    import warnings

    frame = _first_outside(sys._getframe(1))[0]
    counts = getattr(_counting, "counts", None)
    if counts:
        counts[-1].append(message)
    warnings.warn_explicit(
        " ".join(message.splitlines()),
        RoqaWarning,
        frame.f_code.co_filename,
        frame.f_lineno,
        module=frame.f_globals.get("__name__", "<string>"),
        module_globals=frame.f_globals,
    )


def first_few(names: Sequence[str], n: int = 4) -> str:
    """The first ``n`` of ``names`` joined by commas, with `` ...`` when there are more."""
    return ", ".join(names[:n]) + (" ..." if len(names) > n else "")


def first_and_count(names: Sequence[str], n: int = 5) -> str:
    """The first ``n`` of ``names`` joined by commas, ``and N more`` after them when there are
    more (``RM01, RM02, RM03, RM04, RM05 and 1 more``)."""
    more = len(names) - n
    return ", ".join(names[:n]) + (f" and {more} more" if more > 0 else "")


def and_list(items: Iterable[str]) -> str:
    """``items`` as a sentence lists them: ``a``, ``a and b``, ``a, b and c``; ``""`` for
    none (not an IndexError)."""
    words = list(items)
    return ", ".join(words) if len(words) < 2 else f"{', '.join(words[:-1])} and {words[-1]}"


def a_type(value: object) -> str:
    """What ``value`` is, for an error about a wrong argument: ``None``, ``an int``, ``a list``."""
    if value is None:
        return "None"
    name = type(value).__name__
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def refuse_unordered(items: object, call: str, takes: str, why: str, example: str) -> None:
    """Refuse a set or frozenset given to ``call``, which takes ``takes`` in order: string
    hashing changes its order from run to run, ``why`` it matters; ``example`` is the call
    with a list. ``suggest({...})`` coded
    texts its results could not be matched to (s62 api tester); ``ac.code({...})`` and
    ``read_transcripts({...})`` read transcripts in another order each run, the order saturation
    and the matrix follow (s67 api tester). A dict's keys keep their order and are taken, and so
    is a set of one or none, whose order cannot change (hunt s67 h_api R5)."""
    if isinstance(items, (set, frozenset)) and len(items) > 1:
        raise RoqaTypeError(
            f"{call}() takes {takes}, not a {type(items).__name__}, whose order changes from run "
            f"to run ({why})",
            hint=f"give a list: {example}",
        )


def cut(value: str, limit: int = 60) -> str:
    """``value`` cut to ``limit`` characters for a message, ``…`` marking the cut (a hostile file
    can hold a cell or a line of any length, and the message must stay short)."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def cut_at_word(value: str, limit: int = 60) -> str:
    """``value`` cut to ``limit`` characters at most for a message, ``…`` marking the cut, at the
    end of a word when a blank in its second half allows (a quote of a file's line: ``'... view
    latest…'``, not ``'... view latest v'``: s71 readers, finding 4)."""
    if len(value) <= limit:
        return value
    head = value[: limit - 1]
    blank = head.rfind(" ")
    if not value[limit - 1].isspace() and blank >= limit // 2:  # else a word of half the limit
        head = head[:blank]
    return head.rstrip() + "…"


def quoted(value: str, limit: int = 60) -> str:
    """``value`` quoted for an error message, cut to ``limit`` characters (:func:`cut`)."""
    return repr(cut(value, limit))


def as_written(value: str) -> str:
    """``value`` in quotes as a file wrote it, for a message: a Windows path keeps one backslash
    between its folders (``'C:\\Users\\tn'``, not the doubled ``repr``: daily18, s86, D6);
    a value holding a control character (a hostile file's line break) is quoted as
    :func:`repr` escapes it, so the message stays one line."""
    if value.isprintable():
        return f"'{value}'" if "'" not in value else f'"{value}"'
    return repr(value)


def quoted_alike(values: Iterable[str], limit: int = 60) -> list[str]:
    """``values`` quoted as :func:`quoted` quotes each, but all in one style: in double quotes
    when Python would put one of them in double quotes (a name with an apostrophe), so that a
    list does not mix them (hunt27, session 85: 'Building flood', "Manager's personal loss")."""
    import json

    given = list(values)
    said = [quoted(v, limit) for v in given]
    if all(q.startswith("'") for q in said):
        return said
    return [
        json.dumps(cut(v, limit), ensure_ascii=False) if q.startswith("'") else q
        for v, q in zip(given, said)
    ]
