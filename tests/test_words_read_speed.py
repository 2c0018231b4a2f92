"""Specification: a warm re-code reads each segment's words once, and the closing-formula checks
stop reading an answer once no closing formula can be in what is left.

A warm ``roqa code`` of the benchmark corpus (13 interviews, 2,990 segments) parsed segments'
words 33,265 times (some ten checks each: backchannel, agreement, repair, closing formula), and
walked every word of every answer for the closing formula it opens and ends with (s45: 1.1 s
of a 8.9 s profiled run)."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts import backchannels, closings

LONG = " ".join(["the manager rotas were rushed and nobody had time for supervision"] * 40) + "."


def test_the_same_words_are_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    parses: list[str] = []
    real = backchannels._NOTE

    class Counted:
        def sub(self, repl, words):  # type: ignore[no-untyped-def]
            parses.append(words)
            return real.sub(repl, words)

    monkeypatch.setattr(backchannels, "_NOTE", Counted())
    words = "Yeah [laughs] we’d a rota, it didn't work. Mm-hmm. Parsed once s45."
    first = backchannels.words_of(words)
    first.append("changed by a caller")  # a caller's list is its own
    assert backchannels.words_of(words) == [
        "yeah", "we'd", "a", "rota", "it", "didn't", "work", "mm-hmm", "parsed", "once", "s45"
    ]  # fmt: skip
    assert backchannels.word_spans(words) == backchannels.word_spans(words)
    assert backchannels.word_spans(words)[:2] == [(0, 4), (14, 18)]
    assert parses == [words, words]  # one parse for the words, one for their spans


def test_the_closing_checks_stop_where_no_formula_can_follow() -> None:
    import sys

    lines = 0
    code = closings._covered.__code__

    def trace(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal lines
        if frame.f_code is code:
            lines += event == "line"
            return trace
        return None

    tokens = backchannels.words_of(LONG)
    assert len(tokens) == 440
    sys.settrace(trace)
    try:
        covered, on_formula = closings._covered(tokens)
    finally:
        sys.settrace(None)
    assert covered[:2] == [False, None] and set(covered[1:]) == {None}
    assert not any(on_formula)
    # the first word is no closing word, so no piece can follow it: the walk stops once the
    # longest phrase's words are behind it; before, each of the 440 words was tried as the end
    # of a piece of up to that many words (some 10,000 lines run)
    assert lines < 200


def test_an_answer_read_before_its_closing_formula_is_as_it_was() -> None:
    said = LONG + " Other than that, I have nothing to add, thanks."
    assert closings.before_closing_formula(said) == LONG
    assert closings.after_closing_formula("No, that's all, but " + LONG) == "but " + LONG


def test_a_turn_is_judged_an_acknowledgement_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading turns, guessing the interviewer and joining answers across a backchannel each ask
    whether a turn only acknowledges (s79: 35,168 calls for 5,980 turns): its words are judged
    once, for each way of asking."""
    judged: list[tuple[str, ...]] = []
    real = backchannels._acknowledgement

    def counted(tokens: list[str], *, agreeing: bool = False) -> bool:
        judged.append(tuple(tokens))
        return real(tokens, agreeing=agreeing)

    monkeypatch.setattr(backchannels, "_acknowledgement", counted)
    backchannels._only_acknowledges.cache_clear()  # judged by no test before
    turn = "Mm-hmm, yeah, of course. Judged once s79."
    assert [backchannels.only_acknowledges(turn) for _ in range(3)] == [False] * 3
    assert [backchannels.only_acknowledges("Of course, s79.") for _ in range(3)] == [False] * 3
    assert [backchannels.only_acknowledges("Mm-hmm. Of course.") for _ in range(2)] == [True] * 2
    assert backchannels.only_acknowledges("Mm-hmm. Of course.", agreeing=False) is False
    assert judged == [
        tuple(backchannels.words_of(turn)),
        ("of", "course", "s79"),
        ("mm-hmm", "of", "course"),
        ("mm-hmm", "of", "course"),
    ]
