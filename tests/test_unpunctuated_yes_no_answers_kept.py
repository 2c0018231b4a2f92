"""In talk with no punctuation, a short word answer to a yes/no question that has no question
word (a declarative question, a tag question) is the answer: kept in the text and coded with its
question as context, even when the interviewer goes on with a wh-question. Session 88's hunt42
found a rule reading such replies as inside the interviewer's lead-in (2de27659, reverted) delete
17 of 40 word replies (yeah, sure, fine, definitely ...) from caption text; these 3 cases failed
with it and pass without."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment


def _vtt(path: Path, lines: list[str]) -> Path:
    cues = "".join(
        f"{n}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.500\n{line}\n\n"
        for n, line in enumerate(lines, 1)
    )
    path.write_text("WEBVTT\n\n" + cues, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("asked", "reply", "then"),
    [
        (
            "and you felt supported by your manager",
            "yeah definitely",
            "what did they do to support you",
        ),
        ("that must have been hard wasn't it", "yeah", "what helped you through it"),
        ("you'd done that kind of work before", "sure", "where was that"),
    ],
)
def test_short_answer_to_a_yes_no_question_without_question_word_is_coded(
    tmp_path: Path, asked: str, reply: str, then: str
) -> None:
    path = _vtt(
        tmp_path / "captions.vtt",
        [
            "Jo Lee: so what is your role in the service",
            "Sam Roe: i am the registered manager here",
            f"Jo Lee: {asked}",
            f"Sam Roe: {reply}",
            f"Jo Lee: {then}",
            "Sam Roe: she always made time for a catch up when things got hard",
        ],
    )
    transcript = read_transcript(path, interviewer_labels=["Jo Lee"])
    assert reply in transcript.text  # never deleted from the participant's words
    assert [(s.text, s.context) for s in segment(transcript)][1:] == [
        (reply, asked),
        ("she always made time for a catch up when things got hard", then),
    ]
