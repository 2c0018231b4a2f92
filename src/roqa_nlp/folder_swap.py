"""A folder of files that belong together (a model) replaced whole, never part-way.

``roqa train --out EXISTING_MODEL`` wrote the new model's files over the old one's one by one,
as it made them: stopped after the first (Ctrl-C, SIGKILL, a power cut), the folder held a new
classifier beside the old card, and every command refused it as altered or corrupted (interrupt
tester, session 46). :func:`replaced_whole` gives a new hidden temporary folder *inside* the
folder to write the new set in; only once the block has finished are its files moved over the
old set's (renames within one folder: the same disk, so a mount point, a folder whose parent is
read-only and ``--out .`` work as before), the model card last, with Ctrl-C and SIGTERM ignored
for those few renames; then the old set's files the new one lacks are removed. Stopped before,
the temporary folder is removed and the old set is untouched; a run killed outright leaves its
temporary folder, which the next run into the folder, holding its lock, removes
(:func:`remove_stale`). Files of the folder that are not the set's (the run's lock, a README,
hidden files) stay where they are. (A first version swapped a folder built beside ``--out``:
it failed on a mount point after the whole training and left a shell in ``--out`` in a deleted
folder: regression hunt and review, session 46.)
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

#: The file of the set moved into place last: until it is, the folder's card is the old set's
LAST = "model_card.json"


@contextmanager
def replaced_whole(folder: str | Path, is_of_the_set: Callable[[str], bool]) -> Iterator[Path]:
    """Yield a new, empty temporary folder inside ``folder`` (which exists) to write a set of
    files in; when the block ends without an error, move its files (those ``is_of_the_set``
    says are of the set) over ``folder``'s and remove the old set's files the new one lacks. On
    an error or Ctrl-C in the block the temporary folder is removed and ``folder`` is left as it
    was."""
    dest = Path(os.path.realpath(folder))  # a symlinked --out: the folder it points to
    try:
        new = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=dest))
    except OSError as e:
        raise RoqaError(
            f"cannot write in it: {e.strerror or e}",
            path=dest,
            hint="give --out a folder you can write in",
        ) from None
    try:
        with suppress(OSError):
            os.chmod(new, stat.S_IMODE(dest.stat().st_mode))  # a shared folder stays shared
        try:
            yield new
        except RoqaError as e:
            if e.path is None or not Path(e.path).is_relative_to(new):
                raise
            # a file of the new set that could not be written (a full disk): said of the
            # folder, not of the hidden temporary file, which is removed (re-test, session 46)
            raise RoqaError(
                f"cannot write the new files: {e.reason}; it holds the files it held before, "
                "unchanged",
                path=folder,  # as the user gave it
                hint="the new set is written beside the old one before it replaces it, so it "
                "needs room for both: free some space and run the command again",
            ) from None
        with _stops_ignored():
            try:
                _move_over(new, dest, is_of_the_set)
            except OSError as e:
                raise RoqaError(
                    f"cannot put the new files in place: {e.strerror or e}",
                    path=dest,
                    hint="check that you can write in it, and train again",
                ) from None
    finally:
        shutil.rmtree(new, ignore_errors=True)


def remove_stale(folder: str | Path) -> None:
    """Remove the temporary folders (``.roqa.XXXXXXXX.tmp``) inside ``folder`` that a killed
    run of :func:`replaced_whole` left. Only with ``folder``'s lock held: no live run is writing
    one then."""
    dest = Path(os.path.realpath(folder))
    with suppress(OSError):
        for f in dest.glob(f"{TEMPORARY_PREFIX}*.tmp"):
            if f.is_dir() and not f.is_symlink():
                shutil.rmtree(f, ignore_errors=True)


def _move_over(new: Path, dest: Path, is_of_the_set: Callable[[str], bool]) -> None:
    """Move the set's files of ``new`` over those of ``dest`` (:data:`LAST` last), then remove
    those of the old set the new one has not."""
    names = sorted(f.name for f in new.iterdir() if is_of_the_set(f.name))
    for name in sorted(names, key=lambda n: n == LAST):
        os.replace(new / name, dest / name)
    for f in dest.iterdir():
        if is_of_the_set(f.name) and f.name not in names:
            f.unlink()


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
