"""Counting word pieces as the embedding model does, and counting a run of sentences from its
sentences' counts (session 59: segmenting 30 long interviews took 14 s, 12.7 s of it tokenising
every run of a long turn's sentences from its first)."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer, models, pre_tokenizers

from roqa_nlp.embedding import Embedder
from roqa_nlp.token_counts import ModelTokenCount
from roqa_nlp.transcripts.segment import turn_spans


def packaged() -> Any:
    return Embedder(cache=False).tokenizer()


@cache
def packaged_once() -> Any:
    """The packaged model's tokenizer, loaded once for the property test: loading it for each of
    its 400 examples took 18 s; each example still counts with a counter of its own."""
    return packaged()


#: Words a BERT tokenizer reads oddly: accents and combining marks, a final sigma, ideographs,
#: emoji, a special token written out, a word past WordPiece's 100 characters, bare punctuation.
AWKWARD = [
    "café", "cafe\u0301", "ΟΔΟΣ", "Σ", "中文字", "😀👍🏽", "[CLS]", "[MASK]x", "x" * 120,
    "don't", "—", "...", "e.g.", "co-worker", "naïve", "\u200b", "\x85", "\u00a0",
]  # fmt: skip
WORD = st.sampled_from(AWKWARD) | st.text(min_size=1, max_size=12)
PART = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
GAP = st.text(alphabet=" \t\r\n", min_size=1, max_size=3)


def test_the_packaged_model_s_tokenizer_counts_a_text_as_the_sum_of_its_words() -> None:
    assert ModelTokenCount(packaged).sums_over_spaces()


@settings(max_examples=400, deadline=None)
@given(a=PART, gap=GAP, b=PART)
def test_a_text_across_white_space_has_the_tokens_of_its_two_parts(
    a: str, gap: str, b: str
) -> None:
    count = ModelTokenCount(packaged_once)
    assert count(a + gap + b) == count(a) + count(b) - count("")


def test_a_tokenizer_of_another_kind_is_not_counted_by_parts() -> None:
    other = Tokenizer(models.WordLevel({"[UNK]": 0, "a": 1}, unk_token="[UNK]"))
    other.pre_tokenizer = pre_tokenizers.Whitespace()
    assert not ModelTokenCount(lambda: other).sums_over_spaces()

    def transformers_like(text: str) -> dict[str, list[int]]:  # no encode_batch
        return {"input_ids": [0] * (len(text.split()) + 2)}

    assert not ModelTokenCount(lambda: transformers_like).sums_over_spaces()


def test_a_long_turn_is_cut_where_counting_every_window_whole_cuts_it() -> None:
    """Windows counted from their sentences give the same segments as windows each tokenised:
    sentences apart by spaces and line breaks, joined by an em dash with no space, by a
    non-breaking space, a clause with no punctuation, a word cut between its characters."""
    count = ModelTokenCount(packaged)
    each = ModelTokenCount(packaged)
    sentences = [
        "We had the new care plans in March, and honestly nobody knew what to do with them.",
        "The manager said—look, just try it for a month—and so we did.",
        "Agency staff cost twice as much;\u00a0the rota was impossible.",
        " ".join(["training"] * 70),
        "Café staff, naïve as we were, thought ΟΔΟΣ meant nothing.\n\nThen CQC came.",
        "x" * 400 + ".",
        "It works now [laughs]. Mostly.",
    ]
    text = " ".join(sentences * 4)
    assert count.sums_over_spaces()
    for unit in ("window", "sentence"):
        for limit in (30, 64, 200):
            summed = turn_spans(text, 0, len(text), unit, max_tokens=limit, count_tokens=count)  # type: ignore[arg-type]
            whole = turn_spans(
                text,
                0,
                len(text),
                unit,  # type: ignore[arg-type]
                max_tokens=limit,
                count_tokens=lambda t: each(t),  # says nothing of sums: every window tokenised
            )
            assert summed == whole
            assert len(summed) >= 4
