"""One regular expression of many alternatives, compiled in parts that are kept.

A pseudonym key's names are sought as one alternation, ``before(?:r0|r1|...)after``: at the
leftmost place any alternative matches, the first of them in order that does. Its
alternatives hold a class of accented letters, of characters of no width or of marks between
every two letters of a name, and Python's ``re`` spends most of its time compiling such classes
(about 7 seconds for the 150 alternatives of a key of 20 rows with Irish and Scottish
surnames). The alternation differs from transcript to transcript (who speaks there), so
``re``'s cache of whole patterns missed, and a study of 12 interviews compiled 12 of them; but
most of a key row's alternatives are the same in each, and from one call to the next (a file
name, the talk, the words a reader left out).

:class:`Alternation` finds what that one pattern finds, match for match, with the alternatives
compiled in parts (a row's, say), each part an alternation of its own in the order of the whole,
compiled once a process: the leftmost match of any part, and of those that start there the one
whose alternative comes first in the whole. That is the match the whole alternation makes: it
tries its alternatives in order at each place, each with all its backtracking, ``after``
included, and so does each part. Each part's next match is kept as the search goes on through a
text, so a text is read about once by each part.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from functools import lru_cache
from typing import Generic, TypeVar

_V = TypeVar("_V")


@lru_cache(maxsize=4096)
def _compiled(regex: str, flags: int) -> re.Pattern[str]:
    """``regex`` compiled, kept for the process (``re`` keeps 512 patterns, any module's)."""
    return re.compile(regex, flags)


class Alternation(Generic[_V]):
    """``before(?:r0|r1|...)after`` of ``regexes`` (with ``flags``), each alternative's value
    returned with its match: :meth:`search`, :meth:`match` and :meth:`finditer` give what the
    compiled alternation's methods give (the match's span and words, and which alternative
    made it), with ``re.Match`` objects of a part. The alternatives whose values ``part`` gives
    one key are compiled together (all of them, by default)."""

    def __init__(
        self,
        regexes: Sequence[tuple[str, _V]],
        before: str,
        after: str,
        flags: int = 0,
        part: Callable[[_V], Hashable] = lambda _: None,
    ) -> None:
        self.values = [value for _, value in regexes]
        self._whole = (before, [regex for regex, _ in regexes], after, flags)
        members: dict[Hashable, list[int]] = {}
        for i, (_, value) in enumerate(regexes):
            members.setdefault(part(value), []).append(i)
        self._parts = list(members.values())  # each part's alternatives, in the whole's order
        self._patterns = [
            _compiled(
                before
                + "(?:"
                + "|".join(f"(?P<_{j}>{regexes[i][0]})" for j, i in enumerate(alternatives))
                + ")"
                + after,
                flags,
            )
            for alternatives in self._parts
        ]
        self._text: str | None = None
        self._last = 0  # the place last searched from in _text
        self._next: list[re.Match[str] | None] = []  # each part's next match from there
        self._heap: list[tuple[int, int, int]] = []  # (start, alternative, part) of each

    def _found(self, k: int, m: re.Match[str] | None) -> int | None:
        """The alternative (its place in the whole) part ``k``'s match ``m`` is of."""
        return None if m is None else self._parts[k][int(str(m.lastgroup)[1:])]

    def _search_from(self, k: int, pos: int) -> None:
        m = self._patterns[k].search(self._text or "", pos)
        self._next[k] = m
        if (i := self._found(k, m)) is not None and m is not None:
            heapq.heappush(self._heap, (m.start(), i, k))

    def search(self, text: str, pos: int = 0) -> tuple[re.Match[str], _V] | None:
        """The alternation's first match in ``text`` at ``pos`` or after, and its value."""
        if text is not self._text or pos < self._last:
            # a new text, or back before where the last search began: each part's next match
            # anew (one kept from further on may miss one nearer)
            self._text, self._heap = text, []
            self._next = [None] * len(self._patterns)
            for k in range(len(self._patterns)):
                self._search_from(k, pos)
        self._last = pos
        # a match kept that starts before pos is sought again from pos; one at pos or after is
        # its part's leftmost from pos too (it had none between)
        while self._heap and self._heap[0][0] < pos:
            k = heapq.heappop(self._heap)[2]
            self._search_from(k, pos)
        if not self._heap:
            return None
        _, i, k = self._heap[0]  # the leftmost, and of those starting there the first in order
        m = self._next[k]
        assert m is not None
        return m, self.values[i]

    def match(self, text: str, pos: int = 0) -> tuple[re.Match[str], _V] | None:
        """The alternation's match at ``pos`` in ``text``, and its value; None where none."""
        found = [
            (i, m)
            for k, pattern in enumerate(self._patterns)
            if (i := self._found(k, m := pattern.match(text, pos))) is not None and m is not None
        ]
        if not found:
            return None
        i, m = min(found, key=lambda f: f[0])
        return m, self.values[i]

    def finditer(self, text: str) -> Iterator[tuple[re.Match[str], _V]]:
        """The alternation's matches in ``text`` that do not overlap, as ``finditer`` finds
        them, each with its value."""
        pos = 0
        while (found := self.search(text, pos)) is not None:
            if found[0].end() == found[0].start():
                # an empty match (no name's alternative has one): finditer's own rule for what
                # may follow it, on the whole alternation compiled
                before, regexes, after, flags = self._whole
                body = "|".join(f"(?P<_{i}>{regex})" for i, regex in enumerate(regexes))
                for m in re.compile(f"{before}(?:{body}){after}", flags).finditer(text, pos):
                    yield m, self.values[int(str(m.lastgroup)[1:])]
                return
            yield found
            pos = found[0].end()
