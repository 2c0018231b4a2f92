"""Two answers joined across an interviewer's backchannel are parted (tester s78 study8, D1).

A reader of a ``.vtt``, ``.srt``, ``.docx``, ``.csv`` or ``.xlsx`` file leaves the interviewer's
``Mm-hmm.`` between two pieces of a participant's talk out and joins them into one turn. When
each side is an answer of its own (a sentence's end, 2 sentences or 25 words) and the model
reads them with other top codes sharing little probability, they are two segments; an answer
that only pauses (mid-sentence, or a short afterthought) stays one. Off by default
(``ANSWERS_SHARE_BELOW`` 0): it parts answers that pause in the example interviews, whose gold
coded them whole (benchmarks/results/answers_apart.md); opting in sets it to 0.2, the bound
measured best.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.transcripts import read_transcript

ASIDES = Path(__file__).resolve().parent / "data" / "asides"

CULTURE = (
    "Our culturally appropriate offer is weak. We support a lot of people from Black Caribbean "
    "and South Asian communities and we don't have the staff or the links to offer support "
    "that fits their faith or their families' expectations."
)
BURNOUT = (
    "And I'm worn out. I love the job, but I've stopped seeing my friends, I'm answering emails "
    "on holiday. I feel like I'm failing people every day because I can't give them what I know "
    "they need, and that eats away at you."
)


@pytest.fixture
def opted_in(monkeypatch: pytest.MonkeyPatch) -> None:
    import roqa_nlp.autocoder

    monkeypatch.setattr(roqa_nlp.autocoder, "ANSWERS_SHARE_BELOW", 0.2)


def _segments(path: Path) -> list[tuple[int, int, str, str]]:
    t = read_transcript(path, interviewer_labels=["Sam Roe"])
    got = AutoCoder.load().code([t]).segments
    for s in got:  # offsets exact after a segment is parted
        assert t.text[s.segment.start : s.segment.end] == s.segment.text
    return [(s.segment.start, s.segment.end, s.segment.text, s.segment.context) for s in got]


def test_two_answers_either_side_of_a_backchannel_are_two_segments(opted_in: None) -> None:
    """Tester s78 study8 D1 (repro/p01_backchannel.vtt): the culturally-appropriate answer,
    ``Mm-hmm.``, then "And I'm worn out. ..." were one segment coded OS.A at 0.98 (barrier),
    the burnout hidden inside it; the same talk as a ``.txt`` gave two. Now two segments, each
    with its exact offsets and the question before the turn as context."""
    got = _segments(ASIDES / "two_answers_across_backchannel.vtt")
    assert got == [
        (45, 275, CULTURE, "What gets in the way?"),
        (276, 495, BURNOUT, "What gets in the way?"),
    ]


def test_by_default_two_answers_across_a_backchannel_stay_one_segment() -> None:
    """Not adopted by default (the example interviews' gold): the repro is coded as on 83012f24,
    one segment."""
    got = _segments(ASIDES / "two_answers_across_backchannel.vtt")
    assert got == [(45, 495, f"{CULTURE}\n{BURNOUT}", "What gets in the way?")]


def _vtt(tmp_path: Path, first: str, then: str) -> Path:
    path = tmp_path / "p01_pause.vtt"
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nSam Roe: What helps your staff?\n\n"
        f"2\n00:00:04.500 --> 00:00:15.000\nMarcus Bell: {first}\n\n"
        "3\n00:00:15.500 --> 00:00:16.000\nSam Roe: Mm-hmm.\n\n"
        f"4\n00:00:16.500 --> 00:00:30.000\nMarcus Bell: {then}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # joined in mid-sentence: one answer that paused
        (
            "Training, mostly. We've put everyone through the recovery course, and every course",
            "I send someone on, they come back with ideas and the team picks them up straight "
            "away. That's what keeps it going.",
        ),
        # a short afterthought after a sentence's end
        (
            "Supervision, every month, with the same question first: tell me about something "
            "that went well for someone this month. It keeps the team looking for recovery.",
            "And the rota.",
        ),
    ],
)
def test_one_answer_that_pauses_at_a_backchannel_stays_one_segment(
    tmp_path: Path, first: str, then: str, opted_in: None
) -> None:
    got = _segments(_vtt(tmp_path, first, then))
    assert [(text, context) for _, _, text, context in got] == [
        (f"{first}\n{then}", "What helps your staff?")
    ]


def test_answers_apart_asks_each_side_for_a_sentence_end_and_2_sentences_or_25_words() -> None:
    from roqa_nlp.transcripts.segment import answers_apart

    assert answers_apart(CULTURE, BURNOUT) is True
    assert answers_apart("Training, mostly. Every course", BURNOUT) is False  # mid-sentence
    assert answers_apart(CULTURE, "And the rota.") is False  # one sentence of 3 words
    assert answers_apart(CULTURE, "Staff, mainly. We lose people.") is True  # 2 sentences
    one = " ".join(["word"] * 24) + "."
    assert answers_apart(one, CULTURE) is False  # one sentence of 24 words
    assert answers_apart(one.replace(".", " more."), CULTURE) is True  # of 25 words


def test_shared_is_the_probability_two_readings_have_in_common() -> None:
    from roqa_nlp.autocoder import _Reading, _shared

    a = _Reading(False, 0.7, "OS.A", {"OS.A": 0.7, "IS.E.2": 0.2, "CI.A": 0.1})
    b = _Reading(False, 0.6, "IS.E.2", {"OS.A": 0.1, "IS.E.2": 0.6, "PR.B": 0.3})
    assert _shared(a, b) == pytest.approx(0.1 + 0.2)
    assert _shared(a, a) == pytest.approx(1.0)
