"""One roqa run at a time writing into an output folder: an advisory lock held for the command.

Two ``roqa code`` runs into the same ``--out`` overlapped without noticing (the blind tester's
41 paired runs: one folder left with the codings of one run and the report of the other). A
command that writes a folder of outputs takes :func:`lock_output_folder` on it before it writes:
an exclusive, non-blocking lock of the operating system (``fcntl.flock``; ``msvcrt.locking`` on
Windows) on the hidden file :data:`LOCK_FILE` in it. A second run refuses at once with a one-line
error. The lock is the operating system's, so a run killed (even ``kill -9``) leaves no lock
that blocks the next one; the file itself is removed when the command ends (and the folder, if
the lock made it and nothing else was written in it). The CLI holds every lock taken during a
command in one scope (:func:`command_scope`); outside one (the Python API) nothing is locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import RoqaError

#: The lock's file in an output folder: hidden, and never read as an input
LOCK_FILE = ".roqa.lock"

#: (folder, file descriptor, the first of the folder and its parents that the lock made, if
#: any) of the locks this command holds; None outside a command
_held: list[tuple[Path, int, Path | None]] | None = None


@contextmanager
def command_scope() -> Iterator[None]:
    """The span of one CLI command: every lock taken in it is released when it ends."""
    global _held
    outer, _held = _held, []
    try:
        yield
    finally:
        held, _held = _held, outer
        for folder, fd, made in reversed(held or []):
            _release(folder, fd, made)


def lock_output_folder(folder: str | Path) -> None:
    """Take this command's lock on the output folder ``folder`` (made if missing), or raise the
    one-line error of a folder another roqa run is writing to. Nothing outside a command."""
    if _held is None:
        return
    folder = Path(folder)
    if any(same_folder(folder, f) for f, _, _ in _held):
        return
    made = _first_missing(folder)
    from .io import make_out_dir

    make_out_dir(folder)  # 0700 when made: it is the command's output folder
    path = folder / LOCK_FILE
    for _ in range(5):  # the file removed by the run ending between our open and our lock
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        if not _try_lock(fd):
            os.close(fd)
            raise RoqaError(
                "another roqa run is writing to this folder",
                path=folder,
                hint="wait for it to finish, or choose another --out",
            )
        try:
            now = os.stat(path)
        except OSError:
            now = None
        held = os.fstat(fd)
        if now is not None and (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            _held.append((folder, fd, made))
            _say_removed(folder, remove_stale_temporary_files(folder))
            return
        os.close(fd)
    raise RoqaError(
        "another roqa run is writing to this folder",
        path=folder,
        hint="wait for it to finish, or choose another --out",
    )


#: A temporary file left unchanged this long is a killed run's
#: (:func:`remove_stale_temporary_files`).
STALE_AFTER_SECONDS = 60.0


def remove_stale_temporary_files(folder: Path) -> list[str]:
    """Remove the temporary files (``.roqa.XXXXXXXX.tmp``, :data:`~roqa_nlp.io.TEMPORARY_PREFIX`)
    an output of ``folder`` was being written to when a run was killed (SIGKILL, a power cut:
    no clean-up ran), and return their names. Called with the folder's lock held, so none is a
    live run's of a command that takes the lock; one written to in the last
    :data:`STALE_AFTER_SECONDS` is left (a command that takes none may be writing it).
    Interrupt tester, session 46: a hidden 1 MiB start of codings.jsonl, the participants'
    words, stayed in the folder through later runs."""
    import time

    from .io import TEMPORARY_PREFIX

    removed = []
    now = time.time()
    for f in folder.glob(f"{TEMPORARY_PREFIX}*.tmp"):
        with suppress(OSError):  # a folder of that name, or one we may not remove: left
            # written to in the last minute: a command that takes no lock (roqa import, the
            # Python API) may be writing it now; a killed run's is removed next time
            recent = now - f.stat().st_mtime < STALE_AFTER_SECONDS
            if f.is_file() and not f.is_symlink() and not recent:
                f.unlink()
                removed.append(f.name)
    return sorted(removed)


def _say_removed(folder: Path, names: list[str]) -> None:
    """One line naming the temporary files of a killed run removed from ``folder``."""
    import sys

    from .errors import first_few

    if names:
        one = len(names) == 1
        print(
            f"roqa: note: {folder}: removed {len(names)} temporary file{'' if one else 's'} a "
            f"run that was killed left ({first_few(names, 3)}): "
            f"{'part of an output' if one else 'parts of outputs'} it did not finish",
            file=sys.stderr,
        )


def release_output_folder(folder: str | Path) -> None:
    """Let go of this command's lock on ``folder`` now, removing its file (a run stopped early
    removes the folder it made, which the file would keep)."""
    if not _held:
        return
    for i, (f, fd, _made) in enumerate(_held):
        if same_folder(Path(folder), f):
            del _held[i]
            _release(f, fd, None)
            return


def same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.absolute() == b.absolute()


def _try_lock(fd: int) -> bool:
    """Whether the exclusive lock on ``fd`` was taken (False: another process holds it)."""
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks (some network shares): not refused
        return True
    return True


def _first_missing(folder: Path) -> Path | None:
    """The outermost of ``folder`` and its parents that does not exist (what making it makes
    first), or None when it exists."""
    missing = None
    at = folder.absolute()
    while not at.exists():
        missing = at
        if at.parent == at:
            break
        at = at.parent
    return missing


def _release(folder: Path, fd: int, made: Path | None) -> None:
    """Remove the lock's file, then let the lock go (POSIX: removed while held, so no other run
    locks the file on its way out; Windows cannot remove an open file: closed first); then the
    folders the lock made (``made``: the outermost), from ``folder`` up, those nothing was
    written in (a refused ``--out new/run1`` leaves neither ``run1`` nor ``new``: hunt s44)."""
    path = folder / LOCK_FILE
    if os.name == "nt":
        with suppress(OSError):
            os.close(fd)
        with suppress(OSError):
            path.unlink()
    else:
        with suppress(OSError):
            path.unlink()
        with suppress(OSError):
            os.close(fd)
    if made is None:
        return
    at = folder.absolute()
    while True:
        try:
            at.rmdir()  # only when nothing was written in it
        except OSError:
            return
        if at == made or at.parent == at:
            return
        at = at.parent
