"""Specification: the warning of talk that does not read as English (``language_warning``) is
what judging the participants' turns of four words or more, joined, gives (``english_share``),
while each turn's words are found once and counted only until the talk reads as English (a
warm re-code of 2,990 segments spent 7 % of its time finding every word twice and looking each
one up)."""

from __future__ import annotations

import random
import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import language, read_transcript
from roqa_nlp.transcripts.language import (
    MIN_ENGLISH_SHARE,
    MIN_TURN_WORDS,
    MIN_WORDS,
    english_share,
    language_warning,
)

ENGLISH = [
    "we",
    "had",
    "to",
    "go",
    "to",
    "the",
    "staff",
    "and",
    "ask",
    "them",
    "about",
    "the",
    "training",
    "it",
    "was",
    "hard",
]
OTHER = [
    "wir",
    "haben",
    "personal",
    "schulung",
    "gesprochen",
    "kollegen",
    "stunden",
    "dienst",
    "arbeit",
]


def joined(t) -> str | None:  # type: ignore[no-untyped-def]
    """The warning as it was worked out before: the judged turns joined, then shared."""
    turns = (t.text[u.start : u.end] for u in t.turns if u.role == "participant")
    talk = " ".join(x for x in turns if len(language._WORD.findall(x)) >= MIN_TURN_WORDS)
    share, n = english_share(talk)
    if n < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return None
    where = t.source or t.id
    return (
        f"{where}: the talk does not read as English ({share:.0%} of its {n} participant words "
        "are common English words, against about half in English talk), and the model reads "
        "English only, so its suggestions will mean little (code this transcript by hand, or a "
        "translation of it)"
    )


def interview(tmp_path: Path, seed: int, english: float) -> Path:
    """An interview whose answers draw words from English talk with chance ``english``."""
    rng = random.Random(seed)
    lines = []
    for i in range(rng.randint(5, 60)):
        words = [
            rng.choice(ENGLISH if rng.random() < english else OTHER)
            for _ in range(rng.randint(1, 25))
        ]
        lines += [f"Interviewer: Question {i}?", f"P01: {' '.join(words).capitalize()}."]
    f = tmp_path / f"p{seed:02d}.txt"
    f.write_text("\n".join(lines) + "\n", "utf-8")
    return f


@pytest.mark.parametrize("english", [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.5, 1.0])
def test_the_warning_is_what_the_joined_talk_gave(tmp_path: Path, english: float) -> None:
    said = []
    for seed in range(12):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # reading warns of it too
            t = read_transcript(interview(tmp_path, seed, english))
        assert language_warning(t) == joined(t)
        said.append(language_warning(t) is not None)
    if english == 0.0:
        assert sum(said) >= 6  # long enough ones are warned of
    if english >= 0.5:
        assert not any(said)


def test_english_talk_is_counted_only_until_it_reads_as_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(interview(tmp_path, 2, 1.0))
    looked_up = 0
    common = language.packaged_words("stop_words_en.txt")

    class Counted(frozenset[str]):
        def __contains__(self, word: object) -> bool:
            nonlocal looked_up
            looked_up += 1
            return word in common

    monkeypatch.setattr(language, "packaged_words", lambda name: Counted())
    assert language_warning(t) is None
    counted = looked_up
    total = len(language._WORD.findall(t.text))
    assert total > 400
    assert 0 < counted < total / 4
