"""The cache of what the model reads of each segment (roqa_nlp.read_words_cache): the same
words read and says-nothing flags as worked out afresh, and worked out again when a segment or
roqa's code changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import roqa_nlp.autocoder as autocoder
import roqa_nlp.read_words_cache as rwc
from roqa_nlp.read_words_cache import open_read_words_cache, read_words

TEXTS = [
    "Yeah, no problem. So I became a champion for the programme.",
    "No, I think that's everything.",
    "Oh sorry. I said recovery isn't measured. [laughs]",
    "The booking system never talked to the records. Anyway. Sorry. Thank you.",
]


@pytest.fixture
def judged(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts words_read worked out (not taken from the cache)."""
    calls: list[str] = []
    read = autocoder.words_read

    def counting(text: str) -> str:
        calls.append(text)
        return read(text)

    monkeypatch.setattr(autocoder, "words_read", counting)
    return calls


def test_cached_words_read_equal_fresh_ones(tmp_path: Path, judged: list[str]) -> None:
    cache = open_read_words_cache(tmp_path)
    fresh = read_words(TEXTS, None)
    assert fresh == (
        [
            "So I became a champion for the programme.",
            "No, I think that's everything.",
            "I said recovery isn't measured.",
            "The booking system never talked to the records.",
        ],
        [False, True, False, False],
    )
    assert read_words(TEXTS, cache) == fresh
    assert read_words(TEXTS, cache) == fresh
    assert len(judged) == 2 * len(TEXTS)  # fresh, then once into the cache


def test_a_changed_segment_is_worked_out_again(tmp_path: Path, judged: list[str]) -> None:
    cache = open_read_words_cache(tmp_path)
    read_words(TEXTS, cache)
    changed = [*TEXTS[:-1], "Thank you so much."]
    assert read_words(changed, cache) == read_words(changed, None)
    assert len(judged) == 3 * len(TEXTS)


def test_changed_source_is_worked_out_again(
    tmp_path: Path, judged: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = open_read_words_cache(tmp_path)
    read_words(TEXTS, cache)
    monkeypatch.setattr("roqa_nlp.read_words_cache.package_hash", lambda: "other")
    read_words(TEXTS, cache)
    monkeypatch.setattr(rwc, "READ_WORDS_VERSION", rwc.READ_WORDS_VERSION + 1)
    read_words(TEXTS, cache)
    assert len(judged) == 3 * len(TEXTS)


@pytest.mark.parametrize(
    "value",
    [
        "[]",
        '{"read": ["a"], "nothing": [false]}',
        '{"read": ["a", "b", "c", "d"], "nothing": [0, 0, 0, 0]}',
        '{"read": ["a", "b", "c", 4], "nothing": [false, false, false, false]}',
    ],
)
def test_a_malformed_cached_value_is_worked_out_again(value: str, tmp_path: Path) -> None:
    cache = open_read_words_cache(tmp_path)
    fresh = read_words(TEXTS, cache)
    with sqlite3.connect(tmp_path / "read_words.sqlite") as db:
        db.execute("UPDATE entries SET value = ?", (value,))
    assert read_words(TEXTS, cache) == fresh
