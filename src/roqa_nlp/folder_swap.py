"""A folder of files that belong together (a model) replaced whole, never part-way.

``roqa train --out EXISTING_MODEL`` wrote the new model's files over the old one's one by one:
stopped after the first (Ctrl-C, SIGKILL, a power cut), the folder held a new classifier beside
the old card, and every command refused it as altered or corrupted (interrupt tester, session
46). :func:`replaced_whole` gives a new temporary folder beside the folder to write the new set
in; only once the block has finished is it put in the folder's place, by renames, with the
files of the old folder that are not the set's (the lock of the run, a README, hidden files)
moved into it, and the old folder then removed. Stopped before, the temporary folder is removed
and the old set is untouched. The few renames of the swap run with Ctrl-C and SIGTERM ignored;
a run killed in the microseconds between two of them leaves the old set and the new one each
whole, in hidden ``.roqa.XXXXXXXX.tmp`` folders beside it. Temporary folders of a killed run
are marked with the folder's name (:data:`MARK`): the next run for the same folder, holding its
lock, removes them (:func:`remove_stale`).
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import RoqaError
from .io import TEMPORARY_PREFIX

#: The file in a temporary folder of :func:`replaced_whole` naming the folder it is for
MARK = ".roqa.for"


@contextmanager
def replaced_whole(folder: str | Path, is_of_the_set: Callable[[str], bool]) -> Iterator[Path]:
    """Yield a new, empty temporary folder beside ``folder`` (which exists) to write a set of
    files in; when the block ends without an error, put it in ``folder``'s place, carrying over
    the entries of ``folder`` whose names ``is_of_the_set`` says are not of the set and that the
    new set does not have. On an error or Ctrl-C in the block the temporary folder is removed and
    ``folder`` is left as it was."""
    dest = Path(os.path.realpath(folder))  # a symlinked --out: the folder it points to
    new = _temporary_folder_beside(dest)
    try:
        with suppress(OSError):
            os.chmod(new, stat.S_IMODE(dest.stat().st_mode))  # a shared folder stays shared
        yield new
        (new / MARK).unlink()
        with _stops_ignored():
            try:
                _swap(new, dest, is_of_the_set)
            except OSError as e:
                raise RoqaError(
                    f"cannot put the new files in its place: {e.strerror or e}; it holds the "
                    "files it held before",
                    path=dest,
                    hint="check that you can write in it and in the folder it is in",
                ) from None
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def remove_stale(folder: str | Path) -> None:
    """Remove the temporary folders beside ``folder`` that a killed run of :func:`replaced_whole`
    for it left (marked :data:`MARK` with its name). Only with ``folder``'s lock held: no live run
    is writing one then."""
    dest = Path(os.path.realpath(folder))
    with suppress(OSError):
        for f in dest.parent.glob(f"{TEMPORARY_PREFIX}*.tmp"):
            with suppress(OSError, UnicodeDecodeError):
                if f.is_dir() and (f / MARK).read_text(encoding="utf-8") == dest.name:
                    shutil.rmtree(f, ignore_errors=True)


def _temporary_folder_beside(dest: Path) -> Path:
    """A new temporary folder beside ``dest``, marked as for it."""
    try:
        new = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=dest.parent))
    except OSError as e:
        raise RoqaError(
            f"cannot write in the folder it is in: {e.strerror or e}",
            path=dest,
            hint="a model is written into a new folder beside --out and then put in its place "
            "whole: give --out a folder inside one you can write in",
        ) from None
    (new / MARK).write_text(dest.name, encoding="utf-8")
    return new


def _swap(new: Path, dest: Path, is_of_the_set: Callable[[str], bool]) -> None:
    """Put ``new`` in the place of ``dest`` (see :func:`replaced_whole`)."""
    holder = _temporary_folder_beside(dest)  # the old folder goes in it, then is removed
    carried = [
        f.name for f in dest.iterdir() if not is_of_the_set(f.name) and not (new / f.name).exists()
    ]
    moved: list[str] = []
    try:
        for name in carried:
            try:
                # a link, where the system has them: the folder's lock stays in place meanwhile
                os.link(dest / name, new / name, follow_symlinks=False)
            except (OSError, NotImplementedError):
                os.rename(dest / name, new / name)
                moved.append(name)
        os.rename(dest, holder / dest.name)
    except OSError:
        for name in moved:
            with suppress(OSError):
                os.rename(new / name, dest / name)
        shutil.rmtree(holder, ignore_errors=True)
        # a folder that cannot be moved (Windows keeps one holding an open file, the lock's, in
        # place; a mount point): its files are replaced one by one, each whole, as before
        _replaced_file_by_file(new, dest, is_of_the_set)
        return
    try:
        os.rename(new, dest)
    except OSError:
        with suppress(OSError):
            os.rename(holder / dest.name, dest)
            for name in moved:
                os.rename(new / name, dest / name)
        shutil.rmtree(holder, ignore_errors=True)
        raise
    shutil.rmtree(holder, ignore_errors=True)


def _replaced_file_by_file(new: Path, dest: Path, is_of_the_set: Callable[[str], bool]) -> None:
    """Move the set's files of ``new`` over those of ``dest``, then remove those of the old set
    the new one has not."""
    names = {f.name for f in new.iterdir() if is_of_the_set(f.name)}
    for name in sorted(names):
        os.replace(new / name, dest / name)
    for f in dest.iterdir():
        if is_of_the_set(f.name) and f.name not in names:
            f.unlink()
    shutil.rmtree(new, ignore_errors=True)


@contextmanager
def _stops_ignored() -> Iterator[None]:
    """Ctrl-C and SIGTERM ignored in the block (a few renames), as they were found after it."""
    import signal

    found: dict[signal.Signals, object] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        with suppress(ValueError, OSError):  # not the main thread: signals are the main thread's
            found[signum] = signal.signal(signum, signal.SIG_IGN)
    try:
        yield
    finally:
        for signum, handler in found.items():
            with suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)  # type: ignore[arg-type]
