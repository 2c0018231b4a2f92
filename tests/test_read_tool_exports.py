"""Transcripts as transcription tools export them: a word opening a line inside an answer,
header-like cues further into unlabelled subtitles, answers that are only a time, dialogue
dashes, and the time marks a file is said to hold."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ANSWER = "I think so. It's slow."
ASIDE = "that's still the problem, they come in at 07:30 and leave by 19:30."


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def read_quietly(path: Path, **options: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **options)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught]


def _typed(word: str) -> str:
    return (
        "Interviewer: How are the handovers?\n\nP32: Better, we all meet at half seven.\n\n"
        f"Interviewer: Has that changed how staff talk?\n\nP32: {ANSWER}\n{word}: {ASIDE}\n\n"
        "Interviewer: What would help?\n\nP32: Protected time.\n"
    )


def _otter(word: str) -> str:
    return (
        "Helen Price  0:02\nHow are the handovers?\n\n"
        "Sian Lloyd  0:07\nBetter, we all meet at half seven.\n\n"
        "Helen Price  0:10\nHas that changed how staff talk?\n\n"
        f"Sian Lloyd  0:14\n{ANSWER}\n{word}: {ASIDE}\n\n"
        "Helen Price  0:30\nWhat would help?\n\n"
        "Sian Lloyd  0:33\nProtected time.\n"
    )


def _rev(word: str) -> str:
    return (
        "Speaker 1 (00:02):\nHow are the handovers?\n\n"
        "Speaker 2 (00:07):\nBetter, we all meet at half seven.\n\n"
        "Speaker 1 (00:10):\nHas that changed how staff talk?\n\n"
        f"Speaker 2 (00:14):\n{ANSWER}\n\n{word}: {ASIDE}\n\n"
        "Speaker 1 (00:30):\nWhat would help?\n\n"
        "Speaker 2 (00:33):\nProtected time.\n"
    )


@pytest.mark.parametrize("word", ["Agency", "Families", "Commissioners", "Staff"])
@pytest.mark.parametrize(
    ("layout", "asker", "answerer", "blank"),
    [
        (_typed, "Interviewer", "P32", "\n"),
        (_otter, "Helen Price", "Sian Lloyd", "\n"),
        (_rev, "Speaker 1", "Speaker 2", "\n\n"),
    ],
)
def test_a_word_opening_a_line_once_inside_an_answer_is_the_answer(
    tmp_path: Path, word: str, layout: object, asker: str, answerer: str, blank: str
) -> None:
    """A capitalised word no person is called, opening one line inside an answer ("Agency:
    that's still the problem"), is the participant's words in that turn, not a second
    participant named "Agency" (session 53: the word was lost and a false warning followed)."""
    f = tmp_path / "p32.txt"
    f.write_text(layout(word), "utf-8")  # type: ignore[operator]
    t, caught = read_quietly(f)
    assert turns_of(t) == [
        (asker, "interviewer", "How are the handovers?"),
        (answerer, "participant", "Better, we all meet at half seven."),
        (asker, "interviewer", "Has that changed how staff talk?"),
        (answerer, "participant", f"{ANSWER}{blank}{word}: {ASIDE}"),
        (asker, "interviewer", "What would help?"),
        (answerer, "participant", "Protected time."),
    ]
    assert [m for m in caught if word in m] == []


@pytest.mark.parametrize("word", ["Agency", "Families", "Commissioners", "Staff"])
def test_in_word_a_paragraph_opening_with_such_a_word_is_the_answer(
    tmp_path: Path, word: str
) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for text in _typed(word).split("\n"):
        if text:
            d.add_paragraph(text)
    d.save(str(tmp_path / "p36.docx"))
    t, caught = read_quietly(tmp_path / "p36.docx")
    assert turns_of(t)[3] == ("P32", "participant", f"{ANSWER}\n{word}: {ASIDE}")
    assert [u.speaker for u in t.turns] == ["Interviewer", "P32"] * 3
    assert [m for m in caught if word in m] == []


@pytest.mark.parametrize("word", ["Mum", "Matron", "Manager"])
def test_a_word_for_one_person_said_once_is_still_a_speaker(tmp_path: Path, word: str) -> None:
    f = tmp_path / "p32.txt"
    f.write_text(_typed(word), "utf-8")
    t, _ = read_quietly(f)
    assert turns_of(t)[3:5] == [
        ("P32", "participant", ANSWER),
        (word, "participant", ASIDE),
    ]


STREAM = (
    "Helen Price\n10:00\nSo the handover, what time does it actually start?\n\n"
    "Zoe Ellis\n10:04\n07:30\n\n"
    "Helen Price\n10:05\nAnd the night staff, do they stay for it?\n\n"
    "Zoe Ellis\n10:09\nMostly, yeah, if they can.\n\n"
    "Helen Price\n10:24\nDo the commissioners know?\n\n"
    "Zoe Ellis\n10:27\nNo.\n"
)


def test_in_the_name_time_words_layout_an_answer_that_is_only_a_time_is_kept(
    tmp_path: Path,
) -> None:
    """Teams and Stream put each turn as name / time / words: the third line is the words even
    when they are only a time ("07:30", answering "what time does it start?"), which was lost
    silently (session 53), leaving the next answer's context two questions."""
    f = tmp_path / "p41.txt"
    f.write_text(STREAM, "utf-8")
    t, _ = read_quietly(f, interviewer_labels=["Helen Price"])
    assert [(*w, u.begin_time) for w, u in zip(turns_of(t), t.turns, strict=True)] == [
        ("Helen Price", "interviewer", "So the handover, what time does it actually start?", 600),
        ("Zoe Ellis", "participant", "07:30", 604),
        ("Helen Price", "interviewer", "And the night staff, do they stay for it?", 605),
        ("Zoe Ellis", "participant", "Mostly, yeah, if they can.", 609),
        ("Helen Price", "interviewer", "Do the commissioners know?", 624),
        ("Zoe Ellis", "participant", "No.", 627),
    ]
