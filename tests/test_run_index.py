"""The index of hashed runs of words behind the near-copy check (transcripts/run_index.py),
the cases that say each run, and the file it keeps each transcript's words in (word_store.py)."""

from __future__ import annotations

import errno
import io
import tempfile

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts.run_index import CaseRuns, RunIndex, run_hashes
from roqa_nlp.transcripts.word_store import WordStore


def _words(text: str) -> list[str]:
    return text.split()


_SAID = _words("they said we lost four senior nurses in the spring")
_TWICE = _words("we lost four senior we lost four senior")


def test_runs_are_hashed_by_their_words_in_order() -> None:
    """One hash per run of n words, the same for the same words in the same order only."""
    hashes = run_hashes(_TWICE, 4)
    assert len(hashes) == 5
    assert hashes[0] == hashes[4]
    assert len(set(hashes.tolist())) == 4
    assert len(run_hashes(["a", "b", "c"], 4)) == 0
    assert run_hashes(_words("a b c d"), 4)[0] != run_hashes(_words("d c b a"), 4)[0]


def test_shared_counts_the_runs_each_transcript_says_each_time_as_asked() -> None:
    """Asked with the runs of _TWICE, of which transcript 1 (_SAID) says one, 'we lost four
    senior', twice in _TWICE: 2 (each time asked). Asked with _SAID's runs, an index counting
    each transcript's runs gives 2 for _TWICE, which says that run twice, and 3 for the first
    six words of _SAID. Levels merged as transcripts are added keep every answer."""
    said = RunIndex()
    said.add(0, run_hashes(_words("nothing of the sort is said here at all"), 4))
    said.add(1, run_hashes(_SAID, 4))
    said.add(2, run_hashes(_words("and other words again for a third one"), 4))
    assert said.shared(run_hashes(_TWICE, 4), 3, times_here=True).tolist() == [0, 2, 0]
    assert said.shared(run_hashes(_SAID, 4), 4, times_here=True).tolist() == [0, 7, 0, 0]
    answered = RunIndex()
    answered.add(0, run_hashes(_TWICE, 4))
    answered.add(1, run_hashes(_SAID[:6], 4))
    assert answered.shared(run_hashes(_SAID, 4), 2, times_here=False).tolist() == [2, 3]


def test_an_index_not_counted_says_which_transcripts_say_a_run_and_no_times() -> None:
    """The near-copy check's index of every run a transcript says keeps no times (4 bytes a
    run less): asked with _TWICE's runs, it answers as a counted one does (2 for _SAID, each
    time asked), and asked for the times each transcript says a run, it refuses."""
    said = RunIndex(counted=False)
    said.add(0, run_hashes(_words("nothing of the sort is said here at all"), 4))
    said.add(1, run_hashes(_SAID, 4))
    said.add(2, run_hashes(_words("and other words again for a third one"), 4))
    assert said.shared(run_hashes(_TWICE, 4), 3, times_here=True).tolist() == [0, 2, 0]
    with pytest.raises(ValueError, match="no times"):
        said.shared(run_hashes(_SAID, 4), 3, times_here=False)


def _runs(*values: int) -> np.ndarray:
    return np.array(values, np.uint64)


def test_case_runs_counts_cases_up_to_common_and_keeps_who_says_a_rarer_run() -> None:
    """Runs 1 to 3 said by A, B, C and D in turn: a run told by fewer than 3 cases keeps its
    cases (said_elsewhere exact), one 3 cases say counts 3 however many more say it, said
    elsewhere by 3 less those of the pair among the first two to say it. A case saying a run
    twice is counted once; the version moves only when a count does."""
    study = CaseRuns(3)
    study.add("A", _runs(1, 2, 3, 3))
    study.add("B", _runs(2, 3))
    study.add("C", _runs(3))
    version = study.version
    study.add("D", _runs(3))  # said by 3 already: nothing changes
    study.add("A", _runs(1, 2))  # said by A already
    assert study.version == version == 3
    assert study.cases_saying(_runs(1, 2, 3, 4)).tolist() == [1, 2, 3, 0]
    assert study.said_elsewhere(_runs(1, 2, 3), ["A", "B"]).tolist() == [0, 0, 1]
    assert study.said_elsewhere(_runs(1, 2, 3), ["C", "D"]).tolist() == [1, 2, 3]
    assert study.said_elsewhere(_runs(1, 2, 3), ["B", "B"]).tolist() == [1, 1, 2]
    assert study.said_elsewhere(_runs(1, 2, 3), ["A", "B", "D"]).tolist() == [0, 0, 1]
    assert study.keys.nbytes + study.counts.nbytes + study.sayers.nbytes == 3 * 13
    assert study.others(["A", "B"]) and not study.others(["A", "B", "C", "D"])
    study.add("E", _runs())  # a case saying nothing is a case counted
    assert study.others(["A", "B", "C", "D"])


def test_case_runs_of_more_cases_than_two_bytes_number_keeps_four() -> None:
    """The 65,536th case counted has a number 2 bytes do not hold: the cases saying each run
    are kept in 4 bytes each from then on, those kept before unchanged."""
    study = CaseRuns(5)
    study.add("A", _runs(9))
    for case in range(65_534):
        study.add(f"N{case}", _runs())
    assert study.sayers.dtype == np.uint16
    study.add("Z", _runs(9))
    assert study.sayers.dtype == np.uint32
    assert study.said_elsewhere(_runs(9), ["Z"]).tolist() == [1]
    assert study.said_elsewhere(_runs(9), ["A", "Z"]).tolist() == [0]


def test_case_runs_keeps_text_every_case_says_once() -> None:
    """A vignette of 200 runs read in each of 40 cases is kept as 200 runs, 17 bytes each
    counting up to 5 cases (the near-copy check's), as for 1 case (the runs of each case,
    kept, grew 8 bytes a run a case)."""
    vignette = np.arange(200, dtype=np.uint64) * np.uint64(7919)
    study = CaseRuns(5)
    sizes = []
    for case in range(40):
        study.add(f"P{case:02d}", vignette)
        sizes.append(study.keys.nbytes + study.counts.nbytes + study.sayers.nbytes)
    assert sizes[0] == sizes[-1] == 200 * 17
    assert study.cases_saying(vignette).tolist() == [5] * 200


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.lists(st.integers(0, 12), max_size=8)), max_size=30),
    st.lists(st.integers(0, 8), max_size=6),
)
def test_case_runs_answers_as_every_case_kept_does(
    adds: list[tuple[int, list[int]]], asked_cases: list[int]
) -> None:
    """Against the cases of each run all kept, counting up to 5 cases as the near-copy check
    does: cases_saying is their number up to 5 (so whether 3 or more say a run, and whether 4
    at most, are exact); said_elsewhere the number of cases other than those asked, exact for
    a run fewer than 5 cases say and at least 1 for the others, so that whether a run is said
    by a case other than up to 4 asked (a pair and the cases of its copies, Heard.share_in)
    is always as all the cases kept tell it; of 5 asked or more, a run 5 cases say counts as
    said elsewhere."""
    study = CaseRuns(5)
    sayers: dict[int, set[str]] = {}
    for case, runs in adds:
        study.add(f"C{case}", np.array(runs, np.uint64))
        for run in runs:
            sayers.setdefault(run, set()).add(f"C{case}")
    asked = np.arange(14, dtype=np.uint64)
    cases = [f"C{c}" for c in asked_cases]
    saying = [len(sayers.get(run, ())) for run in range(14)]
    assert study.cases_saying(asked).tolist() == [min(n, 5) for n in saying]
    elsewhere = study.said_elsewhere(asked, cases).tolist()
    others = study.others(cases)
    assert others == bool({f"C{c}" for c, _ in adds} - set(cases))
    for run, n in enumerate(saying):
        truly = len(sayers.get(run, set()) - set(cases))
        if n < 5:
            assert elsewhere[run] == truly
        if len(set(cases)) <= 4 or n < 5:
            assert (elsewhere[run] >= 1) == (truly >= 1)
        else:
            assert elsewhere[run] >= 1 or not others


def test_word_store_gives_back_each_array_put() -> None:
    """Arrays put in a WordStore (a temporary file) come back as put, in any order, empty ones
    too; closed, the store is empty."""
    store = WordStore()
    words = np.array([2**63 + 5, 7, 0], np.uint64)
    roles = np.array([1, 2, 0, 1], np.uint8)
    where = [store.put(words), store.put(np.empty(0, np.uint64)), store.put(roles)]
    assert store.get(where[2]).tolist() == [1, 2, 0, 1]
    assert store.get(where[0]).tolist() == words.tolist()
    assert store.get(where[0]).dtype == np.uint64 and store.get(where[2]).dtype == np.uint8
    assert store.get(where[1]).tolist() == []
    store.close()
    with pytest.raises(ValueError, match="nothing was put"):
        store.get(where[0])


class _FullDisk(io.BytesIO):
    """A temporary file whose writes (a full disk) or reads fail with ``number``."""

    def __init__(self, number: int, failing: str) -> None:
        super().__init__()
        self.number, self.failing = number, failing

    def write(self, data: object) -> int:
        if self.failing == "write":
            raise OSError(self.number, "No space left on device")
        return super().write(data)  # type: ignore[arg-type]

    def read(self, size: int | None = -1) -> bytes:
        if self.failing == "read":
            raise OSError(self.number, "Input/output error")
        return super().read(size)


def test_a_word_store_that_cannot_write_its_file_says_so_in_one_line_naming_tmpdir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Session 84: a full $TMPDIR was Python's OSError (from Python) or, under `roqa code
    --stream`, "codings.jsonl: cannot be written: No space left on device" (the output's disk,
    which may have room); now one line naming the temporary folder and TMPDIR."""
    folder = tempfile.gettempdir()
    words = np.array([1, 2, 3], np.uint64)
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda **_: _FullDisk(errno.ENOSPC, "write"))
    with pytest.raises(RoqaError) as e:
        WordStore().put(words)
    assert str(e.value) == (
        f"{folder}: cannot write the near-copy check's temporary file (the words of the "
        "transcripts read) there: No space left on device (free some space on its disk, or set "
        "TMPDIR to a folder on a disk with room)"
    )
    monkeypatch.setattr(tempfile, "TemporaryFile", lambda **_: _FullDisk(errno.EIO, "read"))
    store = WordStore()
    where = store.put(words)
    with pytest.raises(RoqaError) as e:
        store.get(where)
    assert str(e.value) == (
        f"{folder}: cannot read back the near-copy check's temporary file (the words of the "
        "transcripts read) there: Input/output error (check that you can write in it, or set "
        "TMPDIR to another folder)"
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 20), max_size=30), max_size=20),
    st.lists(st.integers(0, 22), max_size=30),
)
def test_an_index_answers_as_counting_every_transcripts_runs_does(
    transcripts: list[list[int]], asked: list[int]
) -> None:
    """However its levels were merged, an index answers shared() as counting each
    transcript's runs one by one does, both ways, and keeps each level sorted with the
    transcripts of a run in reading order (what a stable sort of the levels joined gave)."""
    index = RunIndex()
    for number, runs in enumerate(transcripts):
        index.add(number, np.array(runs, np.uint32))
    count = len(transcripts)
    runs = np.array(asked, np.uint32)
    here = [sum(asked.count(r) for r in set(said)) for said in transcripts]
    there = [sum(said.count(r) for r in set(asked)) for said in transcripts]
    assert index.shared(runs, count, times_here=True).tolist() == here
    assert index.shared(runs, count, times_here=False).tolist() == there
    for keys, numbers, _ in index.levels:
        pairs = list(zip(keys.tolist(), numbers.tolist()))
        assert pairs == sorted(pairs)
