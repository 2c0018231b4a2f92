"""The index of hashed runs of words behind the near-copy check (transcripts/run_index.py)."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts.run_index import RunIndex, run_hashes


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
