"""The name an interviewer greets a participant labelled by a job's title by
(``pseudonyms._greeted_name``) is found in one regex pass over each interviewer turn: only the
words right after a greeting's last word and its blanks (:func:`pseudonyms._address_ends`) are
read with the 30-character look-behind of :func:`pseudonyms._address_before`, not every word.
The names and greetings found are those of the word-by-word reading it replaced."""

from __future__ import annotations

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.pseudonyms import (
    _TALK_WORD,
    _address_before,
    _address_ends,
    _greeted_name,
    _may_be_said_to,
)
from roqa_nlp.schema import Transcript, Turn


def interview(*greetings: str, label: str = "Team Leader") -> Transcript:
    """Interviewer turns, one per string, then ``label``'s first turn."""
    text, turns = "", []
    for speaker, role, said in [
        *(("Interviewer", "interviewer", g) for g in greetings),
        (label, "participant", "Hello. We run Haven."),
    ]:
        start = len(text) + len(f"{speaker}: ")
        text += f"{speaker}: {said}\n"
        turns.append(Turn(speaker, role, start, start + len(said)))
    return Transcript("b01", text, turns)


def word_by_word(transcript: Transcript) -> tuple[str, str, str] | None:
    """The reading _greeted_name had before: every word of the interviewer's turns before the
    participant's first, each with the 30 characters before it."""
    label = next(t.speaker for t in transcript.turns if t.role == "participant")
    first = min(t.start for t in transcript.turns if t.speaker == label)
    names: dict[str, tuple[str, str]] = {}
    for turn in transcript.turns:
        if turn.role != "interviewer" or turn.start > first:
            continue
        said = transcript.text[turn.start : turn.end]
        for m in _TALK_WORD.finditer(said):
            found = _address_before().search(said[max(0, m.start() - 30) : m.start()])
            if found is not None and _may_be_said_to(word := m.group(0)):
                names.setdefault(
                    word.casefold(), (word, " ".join(f"{found.group(0)}{word}".split()))
                )
    if len(names) != 1:
        return None
    ((name, greeting),) = names.values()
    return label, name, greeting


def test_every_greeting_ends_where_the_word_after_it_starts() -> None:
    for phrase in packaged_words("address_words.txt"):
        for said in (
            f"{phrase} Ruth",
            f"So. {phrase.title()},\tRuth!",
            f"{phrase.upper()} ,  Ruth",
        ):
            ends = [m.end() for m in _address_ends().finditer(said)]
            assert said.index("Ruth") in ends, (phrase, said)


@pytest.mark.parametrize(
    "greetings",
    [
        ("Hi Ruth, thanks for joining.",),
        ("Hello, Ruth.", "Thanks, Ruth, lovely."),
        ("Welcome back Ruth.",),
        ("Welcome Back Ruth.",),
        ("Hiya Ruth.", "Thank  you ,  Ruth."),
        ("Hi\tRuth-Anne, thanks.",),
        ("Good morning Zoë, hello O'Neill.",),  # two names: none
        ("Hi,Ruth.",),  # no blank after the comma: no greeting
        ("The data Ruth sent.",),  # 'ta' inside a word is no greeting
        ("Thank you very much indeed for this Ruth.",),
        ("Thank you" + " " * 40 + "Ruth.",),  # past the 30-character look-behind
        # the look-behind's 30 characters start inside a word: read as a greeting, as before
        ("xWelcome back" + " " * 8 + "," + " " * 9 + "Ruth.",),
        ("Hi everyone, hi there, sorry Doctor.",),
        ("Hi Ruth, hi Tom.",),
        ("Cheers TA Ruth; bye Ruth, goodbye RUTH.",),
        ("",),
    ],
)
def test_the_greeted_name_is_the_word_by_word_reading_s(greetings: tuple[str, ...]) -> None:
    t = interview(*greetings)
    assert _greeted_name(t) == word_by_word(t)


def test_a_greeting_after_the_participant_first_speaks_is_not_read() -> None:
    t = interview("Lovely.")
    text = t.text + "Interviewer: Hi Ruth.\n"
    start = len(t.text) + len("Interviewer: ")
    t = Transcript("b01", text, [*t.turns, Turn("Interviewer", "interviewer", start, start + 8)])
    assert _greeted_name(t) is None
    assert _greeted_name(interview("Hi Ruth.")) == ("Team Leader", "Ruth", "Hi Ruth")
