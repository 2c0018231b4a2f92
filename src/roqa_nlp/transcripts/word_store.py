"""The hashed words of the transcripts the near-copy check has read, kept in a temporary file.

The near-copy check compares each transcript with every one read before, so it keeps each
one's words, hashed (:func:`~roqa_nlp.transcripts.run_index.word_hashes`), and whose each is: 9
bytes a word, 130 KB a 14,600-word interview, which grew ``roqa code --stream`` by that much a
transcript (session 83: 1,300 such interviews would have held 170 MB). A :class:`WordStore`
writes them to an unnamed temporary file as they are read and reads back the two of a pair
when it is compared (only pairs that say enough of the same rare runs are), so what memory
keeps of a transcript is a few numbers. The file is removed when the store is closed or
collected, or the process ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from ..errors import RoqaError

if TYPE_CHECKING:
    import numpy as np


class Stored(NamedTuple):
    """Where an array is in a :class:`WordStore`: its first byte, its length and its dtype."""

    at: int
    length: int
    dtype: str


class WordStore:
    """Arrays written to a temporary file (opened when the first is put) and read back."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._closed: Callable[[], Any] = lambda: None
        self._end = 0

    def put(self, values: np.ndarray) -> Stored:
        """Write ``values`` (one dimension) at the end of the file; where they are."""
        import numpy as np

        values = np.ascontiguousarray(values)
        try:
            if self._file is None:
                import tempfile
                import weakref

                # kept open while the check runs (no with block): closed by close() or finalize
                self._file = tempfile.TemporaryFile(prefix="roqa-near-copies-")  # noqa: SIM115
                # closed with the store, collected or at exit: no ResourceWarning of an open file
                self._closed = weakref.finalize(self, self._file.close)
            self._file.seek(self._end)
            self._file.write(values.tobytes())
        except OSError as e:
            raise _not_kept(e, "write") from None
        stored = Stored(self._end, len(values), values.dtype.str)
        self._end += values.nbytes
        return stored

    def get(self, stored: Stored) -> np.ndarray:
        """The array put at ``stored`` (read-only)."""
        import numpy as np

        dtype = np.dtype(stored.dtype)
        if not stored.length:
            return np.empty(0, dtype)
        if self._file is None:
            raise ValueError("nothing was put in this store")
        try:  # a seek writes what is buffered: a full disk may be said here
            self._file.seek(stored.at)
            data = self._file.read(stored.length * dtype.itemsize)
        except OSError as e:
            raise _not_kept(e, "read back") from None
        return np.frombuffer(data, dtype)

    def close(self) -> None:
        """Remove the file (a store closed is empty again)."""
        if self._file is not None:
            self._closed()
            self._file = None
            self._end = 0


def _not_kept(e: OSError, doing: str) -> RoqaError:
    """The one-line error of the temporary file not written or read back (``doing``, for
    ``e``), naming the
    folder it is in, the system's temporary folder (``$TMPDIR``), not the output written
    meanwhile: a full disk there was a traceback from Python, or, under ``roqa code --stream``,
    "codings.jsonl: cannot be written: No space left on device", the output's disk, which may
    have room (session 84)."""
    import errno
    import tempfile

    full = e.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))
    return RoqaError(
        f"cannot {doing} the near-copy check's temporary file (the words of the transcripts read) "
        f"there: {e.strerror or e}",
        path=tempfile.gettempdir(),
        hint="free some space on its disk, or set TMPDIR to a folder on a disk with room"
        if full
        else "check that you can write in it, or set TMPDIR to another folder",
    )
