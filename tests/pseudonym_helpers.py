"""Builders shared by the tests of the names listed to check (duplicates of session 75: four
test files had written the same transcript builder out again)."""

from __future__ import annotations

from roqa_nlp.schema import Transcript, Turn


def talk(tid: str, *said: str, speaker: str = "P01") -> Transcript:
    """A transcript of participant turns, one per string."""
    text, turns = "", []
    for words in said:
        start = len(text) + len(f"{speaker}: ")
        text += f"{speaker}: {words}\n"
        turns.append(Turn(speaker, "participant", start, start + len(words)))
    return Transcript(tid, text, turns)
