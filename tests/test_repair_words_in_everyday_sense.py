"""A participant's short answer in words a bad line is told in, used in their everyday sense
("The internet went." to what happened on the launch day, "It froze." to what happened to
recruitment), is an answer, not procedural talk; and an interviewer's follow-up such as "And what
did you say?" is a question, not a repair. Session 88's hunt44 found a rule taking talk only of the
line as procedural whatever the question (b0eabfb3, 3597560b, reverted) set 32 of 86 such answers
aside uncoded and read 16 of 26 interviewer follow-ups as repairs; these failed with it."""

from __future__ import annotations

import pytest

from roqa_nlp.autocoder import says_nothing
from roqa_nlp.transcripts.repairs import only_repairs


@pytest.mark.parametrize(
    "answer",
    [
        "The internet went.",  # to "What happened on the launch day of the online booking?"
        "The line went.",  # to "What happened to the out-of-hours helpline?"
        "It went a bit robotic.",  # to "How is morale after the cuts?"
        "The connection's not great.",  # to "How is the link with the crisis team these days?"
        "The screen froze.",  # to "What happened when you tried the new records system?"
        "I missed that.",  # to "Were you at the launch meeting for the new pathway?"
        "It cut out.",  # to "What happened to the extra funding?"
        "It froze.",  # to "What happened to recruitment once the budget was cut?"
        "I dropped out.",  # to "Did you finish the Trust's leadership course?"
        "The signal's terrible.",  # to "How clear is the message from the board?"
        "My laptop died.",  # to "What happened when the e-learning was rolled out?"
    ],
)
def test_a_repair_phrase_in_its_everyday_sense_alone_says_something(answer: str) -> None:
    assert not says_nothing(answer)


@pytest.mark.parametrize("follow_up", ["And what did you say?", "So the connection went?"])
def test_an_interviewers_follow_up_in_repair_words_is_no_repair(follow_up: str) -> None:
    assert not only_repairs(follow_up)
