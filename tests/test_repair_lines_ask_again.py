"""A participant's line of talk about a bad line alone that asks to hear the question again or
speaks to the interviewer ("Sorry, the Wi-Fi dropped out, what was the last bit?", "You broke up
a bit, can you say that again?") is procedural talk whatever the question before it (s88 daily22
D1: read with the question before the interviewer's "Can you hear me okay?", the Wi-Fi line was
the study's only candidate new code and "You broke up ..." was charted as Culture at 0.157). Talk
of the line that asks nothing of the listener stays an answer: "The internet went." about a
launch day, "Well, there you are." about funding (s88 hunt44 D1; the rule of b0eabfb3 set 32 of
86 such answers aside and was reverted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.autocoder import AutoCoder, says_nothing
from roqa_nlp.transcripts.repairs import only_asks_again, only_repairs

DATA = Path(__file__).resolve().parent / "data" / "repair_lines"


def test_a_line_asking_again_after_a_sound_check_is_procedural_and_the_answers_are_coded() -> None:
    """Each repair line follows the interviewer's "Can you hear me okay?" after a real question,
    so it is read with that question. Before, the first was coded CI.A at 0.157 and the second
    queued for open coding (PR.C at 0.069). The answers around them keep their codes."""
    result = AutoCoder.load().code(DATA / "asks_again_after_a_sound_check.txt")
    got = [
        (s.segment.text.split()[0], s.procedural, s.novel)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        ("Mostly", False, False, "IC.F"),
        ("You", True, False, None),
        ("The", False, False, "IC.F"),
        ("Better", False, False, "IS.B"),
        ("Sorry,", True, False, None),
        ("Day", False, False, "IS.B"),
        ("The", False, False, "PR.C"),
        ("Well,", False, False, "IS.E.2"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        # s88 daily22's repair lines (wifi_variants.txt) but the one with "all week" in it
        "Sorry, the Wi-Fi dropped out, what was the last bit?",
        "Sorry, my internet cut out there, could you repeat the question?",
        "Apologies, the connection went, I missed what you said.",
        "You broke up a bit, can you say that again?",
        "Hang on, my camera's gone off. There, can you see me now?",
        "Sorry, you froze there for a second. Can you say the question again?",
        # s88 hunt44's repair lines
        "My laptop died, sorry, where were we?",
        "Sorry, the network is very bad, what was the question?",
        "The signal's terrible here, sorry. Could you ask that again?",
        "Um, sorry, I missed the end of the question.",
        "Oh, there you are. I lost you.",
        "Pardon?",
        "Hello? Are you still there?",
        # s88 repairfix's
        "Oops, I was on mute. Can you hear me now?",
        "Sorry, the signal's terrible here, what was the question again?",
    ],
)
def test_talk_of_a_bad_line_that_asks_again_says_nothing(line: str) -> None:
    assert only_asks_again(line)
    assert says_nothing(line)


@pytest.mark.parametrize(
    "answer",
    [
        "Well, there you are.",  # to "Did the funding come through in the end?"
        "So there you are then.",
        "Well, the screen froze. Again.",  # to "What happened when you tried the new records system?"
        "It froze, it cut out, well, it froze again.",  # to "When the new EPR went live ...?"
        "Sorry, I missed that.",  # to "Were you able to attend the safeguarding refresher?"
        "Oh, I didn't hear that.",  # to "Were you told about the new supervision policy?"
        "I couldn't hear that.",
        "The internet went.",  # to "What happened on the launch day of the online booking?"
        "The Wi-Fi went.",
        "My laptop died.",  # to "What happened when the e-learning was rolled out?"
        "The signal's terrible here.",  # to "How clear is the message from the board?"
        "You can say that again.",  # to "Did the funding bid succeed?"
        "Can you say that again? We just don't have the beds.",
        "Yes, sorry, can you repeat that?",  # a yes is an answer's word: read by the model
        "The wifi went all the time.",
    ],
)
def test_talk_of_the_line_that_asks_nothing_of_the_listener_is_an_answer(answer: str) -> None:
    assert not only_asks_again(answer)
    assert not says_nothing(answer)


@pytest.mark.parametrize(
    "follow_up", ["What did you say?", "And what were you saying?", "Can you ask that again?"]
)
def test_a_participants_asking_phrase_said_by_the_interviewer_is_a_question(
    follow_up: str,
) -> None:
    """The participants' phrases (data/repair_phrases_of_participants.txt) are not an
    interviewer's repair: such a turn still asks, and the answer after it is read with it."""
    assert not only_repairs(follow_up)


@pytest.mark.parametrize("answer", ["Where were we? Hmm.", "Well, where were we, honestly."])
def test_where_were_we_alone_is_not_taken_as_asking_again(answer: str) -> None:
    """To "Where did the project stand after the director left?" (s88 hunt44): only "Sorry,
    where were we?" asks again."""
    assert not only_asks_again(answer)
