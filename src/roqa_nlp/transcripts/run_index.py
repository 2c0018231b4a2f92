"""Which transcripts read before say a run of words: the index behind the near-copy check.

A run is a few words in a row (``NEAR_COPY_RUN``), hashed to 32 bits. The index keeps, for
each hash, the transcripts that say it and how many times, in sorted arrays merged as they
grow (a log-structured merge: each run is merged O(log n) times), so a study of ``n``
transcripts is indexed and asked in O(total words log n), not by comparing every pair. Two runs
hashed alike only make a pair a candidate to compare; the share itself is counted on the
words. numpy is imported when the index is first used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

#: Odd 64-bit constants mixing the hash of each word of a run by its place in the run
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)


def run_hashes(words: Sequence[str], n: int, wide: bool = False) -> np.ndarray:
    """The 32-bit hash of each run of ``n`` words in a row of ``words``, in order (within one
    process: a word's hash is Python's own); ``wide``: the 64-bit hash whose top half that is
    (the one a share is counted on: two runs alike by chance change no share)."""
    return runs_of(word_hashes(words), n, wide)


def word_hashes(words: Sequence[str]) -> np.ndarray:
    """The hash of each of ``words`` (Python's own, 64-bit), in order: what a run is hashed
    from (:func:`runs_of`)."""
    import numpy as np

    return np.array(list(map(hash, words)), np.int64).view(np.uint64)


def runs_of(said: np.ndarray, n: int, wide: bool = False) -> np.ndarray:
    """:func:`run_hashes` of the words whose hashes are ``said`` (:func:`word_hashes`)."""
    import numpy as np

    if len(said) < n:
        return np.empty(0, np.uint64 if wide else np.uint32)
    runs = np.zeros(len(said) - n + 1, np.uint64)
    for k in range(n):
        runs = (runs ^ said[k : k + len(runs)]) * np.uint64(_MIX[k % len(_MIX)])
    runs ^= runs >> np.uint64(29)
    return runs if wide else narrow(runs)


def narrow(runs: np.ndarray) -> np.ndarray:
    """The 32-bit hashes of 64-bit ones (:func:`run_hashes`)."""
    import numpy as np

    return (runs >> np.uint64(32)).astype(np.uint32)


def among(runs: np.ndarray, kept: np.ndarray) -> np.ndarray:
    """For each of ``runs``, whether it is in ``kept`` (sorted): a mask."""
    import numpy as np

    if not len(kept):
        return np.zeros(len(runs), bool)
    at = np.searchsorted(kept, runs).clip(max=len(kept) - 1)
    return np.asarray(kept[at] == runs)


class CaseRuns:
    """Which cases say each hashed run (64-bit, :func:`run_hashes`): text said in transcripts of
    several cases (a guide's questions, questionnaire items or a vignette read aloud, a consent
    statement) is common to the study, no sign that two transcripts are one interview.

    Cases are counted up to ``common`` a run (the near-copy check asks whether a run is said by
    3 cases or more, by 4 at most, and by a case other than up to 4 given: ``common`` 5 tells
    each exactly), and of each run the first ``common`` - 1 cases to say it are kept (2 bytes
    each while the study has fewer than 65,535 cases, 4 beyond: 17 bytes a run with
    ``common`` 5), not the runs of each case: a study's text said by every case costs no more
    than by ``common`` (its runs of each case, kept, grew with the corpus: 56 KB a
    14,600-word interview, session 83)."""

    def __init__(self, common: int) -> None:
        import numpy as np

        if not 2 <= common <= 255:
            raise ValueError(f"common must be 2 to 255 cases, not {common}")
        self.common = common
        self.numbers: dict[str, int] = {}  # case -> its number, in the order first counted
        self.keys = np.empty(0, np.uint64)  # every run said, sorted
        self.counts = np.empty(0, np.uint8)  # the number of cases saying each, up to common
        #: 1 + the numbers of the first common - 1 cases saying each (0: none), uint16 while
        #: the numbers fit, uint32 beyond
        self.sayers = np.empty((0, common - 1), np.uint16)
        #: how many times the counts have changed: what was counted of them before is stale
        self.version = 0

    def add(self, case: str, runs: np.ndarray) -> None:
        """Count the runs said in a transcript of ``case`` (once a case, however many say it;
        a run ``common`` cases say already is left as it is)."""
        import numpy as np

        mark = 1 + self.numbers.setdefault(case, len(self.numbers))
        if mark > np.iinfo(self.sayers.dtype).max:
            self.sayers = self.sayers.astype(np.uint32)
        new = np.unique(runs)
        if not len(new):
            return
        known = among(new, self.keys)
        at = np.searchsorted(self.keys, new[known])
        counts = self.counts[at]
        grows = (counts < self.common) & ~(self.sayers[at] == mark).any(axis=1)
        at, counts = at[grows], counts[grows]
        room = counts < self.common - 1
        self.sayers[at[room], counts[room]] = mark
        self.counts[at] += 1
        fresh = new[~known]
        if len(fresh):
            at_fresh = np.searchsorted(self.keys, fresh)
            self.keys = np.insert(self.keys, at_fresh, fresh)
            self.counts = np.insert(self.counts, at_fresh, 1)
            row = np.zeros(self.common - 1, self.sayers.dtype)
            row[0] = mark
            self.sayers = np.insert(self.sayers, at_fresh, row, axis=0)
        if len(at) or len(fresh):
            self.version += 1

    def cases_saying(self, runs: np.ndarray) -> np.ndarray:
        """For each of ``runs``, the number of cases that say it, up to ``common``."""
        import numpy as np

        if not len(self.keys):
            return np.zeros(len(runs), np.int64)
        at = np.searchsorted(self.keys, runs).clip(max=len(self.keys) - 1)
        return np.asarray(np.where(self.keys[at] == runs, self.counts[at], 0).astype(np.int64))

    def others(self, cases: Sequence[str]) -> bool:
        """Whether a case other than ``cases`` has been counted (saying anything or not)."""
        return bool(set(self.numbers) - set(cases))

    def said_elsewhere(self, runs: np.ndarray, cases: Sequence[str]) -> np.ndarray:
        """For each of ``runs``, the number of cases other than ``cases`` that say it: exact
        for a run fewer than ``common`` cases say; for one said by ``common`` or more,
        ``common`` less those of ``cases`` among the first ``common`` - 1 to say it, so at
        least 1: said elsewhere, as it is when ``cases`` are fewer than ``common`` (the
        near-copy check's pair and the cases known to hold copies of its interview, up to
        ``common`` - 1). Of ``common`` cases or more, such a run counts as said elsewhere,
        whether it is or not (text common to the study: no warning more)."""
        import numpy as np

        if not len(self.keys) or not self.others(cases):
            return np.zeros(len(runs), np.int64)  # no other case
        at = np.searchsorted(self.keys, runs).clip(max=len(self.keys) - 1)
        found = self.keys[at] == runs
        said = np.where(found, self.counts[at], 0).astype(np.int64)
        for case in set(cases):
            number = self.numbers.get(case)
            if number is not None:
                said -= found & (self.sayers[at] == number + 1).any(axis=1)
        return np.asarray(said)


class RunIndex:
    """Hashed runs -> the transcripts (by their number, in reading order) that say them, and
    how many times each (when ``counted``; else not kept: 4 bytes a run less)."""

    def __init__(self, counted: bool = True) -> None:
        #: sorted levels of (hash, transcript, times or None), each at most half the one before
        self.levels: list[tuple[np.ndarray, np.ndarray, np.ndarray | None]] = []
        self.counted = counted

    def add(self, number: int, runs: np.ndarray) -> None:
        """Add the runs of transcript ``number`` (none: nothing to add; session 83, an empty
        level made :meth:`shared` fail, so `roqa inspect` and `roqa code` of a study whose
        first transcripts said only text common to three cases or more, a vignette read aloud,
        stopped with an internal error at the first that said words of its own)."""
        import numpy as np

        keys, times = np.unique(runs, return_counts=True)
        if not len(keys):  # no level: shared() read an empty one's last hash (an IndexError)
            return
        self.levels.append(
            (
                keys,
                np.full(len(keys), number, np.uint32),
                times.astype(np.uint32) if self.counted else None,
            )
        )
        while len(self.levels) > 1 and len(self.levels[-2][0]) <= len(self.levels[-1][0]):
            later, earlier = self.levels.pop(), self.levels.pop()
            self.levels.append(_merged(earlier, later))

    def shared(self, runs: np.ndarray, count: int, times_here: bool) -> np.ndarray:
        """For each of transcripts ``0 .. count - 1``: the number of ``runs`` (each time it is
        in ``runs`` when ``times_here``) it says, each counted as many times as it says it
        when not ``times_here`` (an index ``counted`` only). An array of ``count`` integers."""
        import numpy as np

        keys, times = np.unique(runs, return_counts=True)
        if not times_here:
            times[:] = 1
        found = np.zeros(count, np.int64)
        for level_keys, numbers, said in self.levels:
            lo = np.searchsorted(level_keys, keys)
            hit = level_keys[np.minimum(lo, len(level_keys) - 1)] == keys
            if not hit.any():
                continue
            lo, asked = lo[hit], times[hit]
            many = np.searchsorted(level_keys, keys[hit], "right") - lo
            at = np.repeat(lo - np.cumsum(many) + many, many) + np.arange(int(many.sum()))
            if times_here:
                weight = np.repeat(asked, many)
            elif said is not None:
                weight = said[at]
            else:
                raise ValueError("an index not counted says no times")
            found += np.bincount(numbers[at], weights=weight, minlength=count)[:count].astype(
                np.int64
            )
        return found


def _merged(
    earlier: tuple[np.ndarray, np.ndarray, np.ndarray | None],
    later: tuple[np.ndarray, np.ndarray, np.ndarray | None],
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """Two levels of a :class:`RunIndex` as one, sorted by hash, ``earlier``'s first of a hash
    both hold (as a stable sort of the two joined). Each of ``later``'s goes to its place among
    ``earlier``'s (searchsorted) and the rest to the places left, so that a merge holds the two
    levels, the merged one and a place for each of ``later``'s (8 bytes) at once: a stable sort
    of the two joined held them joined, the order (8 bytes a run) and each array reordered,
    half as much again (session 83: the last merges of 1,300 transcripts' runs made the peak
    of ``roqa code --stream``)."""
    import numpy as np

    n = len(earlier[0]) + len(later[0])
    places = np.searchsorted(earlier[0], later[0], "right")
    places += np.arange(len(later[0]), dtype=places.dtype)
    rest = np.ones(n, bool)
    rest[places] = False

    def joined(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        out = np.empty(n, a.dtype)
        out[places] = b
        out[rest] = a
        return out

    said = None
    if earlier[2] is not None and later[2] is not None:
        said = joined(earlier[2], later[2])
    return joined(earlier[0], later[0]), joined(earlier[1], later[1]), said
