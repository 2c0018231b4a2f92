"""Counting the word pieces an embedding model makes of a text, as segmenting needs it.

Segmenting a long turn counts the tokens of every run of its sentences that could be a window
(:func:`~roqa_nlp.transcripts.segment._balance`): with the model's tokenizer that was 84,078
calls and 12.7 of 15.8 s for a study of 30 interviews of 6,000-9,000 words (session 59), each run
tokenised again from its first sentence. A BERT-style tokenizer (BERT's normaliser and
pre-tokenizer, WordPiece, a fixed number of special tokens) never makes a word piece across
white space, so the tokens of ``a`` + white space + ``b`` are those of ``a`` and of ``b``, and a
run can be counted from its sentences' counts. :meth:`ModelTokenCount.sums_over_spaces` says
whether the model's tokenizer is one; for any other, every run is tokenised as before.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

#: Texts whose counts are remembered: more than the sentences of the longest turn.
_REMEMBERED = 1024

#: What each part of a tokenizer must be for :meth:`ModelTokenCount.sums_over_spaces`: a
#: normaliser that maps each character on its own (``None``: none), a pre-tokenizer that splits
#: at white space, a model that cuts each word on its own, and special tokens that do not depend
#: on the text.
_NORMALIZERS = frozenset({"NoneType", "BertNormalizer"})
_PRE_TOKENIZERS = frozenset({"BertPreTokenizer"})
_MODELS = frozenset({"WordPiece"})
_POST_PROCESSORS = frozenset({"NoneType", "TemplateProcessing", "BertProcessing"})


def _is_bert_style(tok: Any) -> bool:
    """True when ``tok`` (a ``tokenizers.Tokenizer``) makes no word piece across white space."""
    try:
        parts = (tok.normalizer, tok.pre_tokenizer, tok.model, tok.post_processor)
        added = [t.content for t in tok.get_added_tokens_decoder().values()]
    except AttributeError:  # a transformers tokenizer, or another library's
        return False
    kinds = [type(p).__name__ for p in parts]
    return (
        kinds[0] in _NORMALIZERS
        and kinds[1] in _PRE_TOKENIZERS
        and kinds[2] in _MODELS
        and kinds[3] in _POST_PROCESSORS
        and not any(c.isspace() for token in added for c in token)  # "[CLS]", never "a b"
        and tok.truncation is None
        and tok.padding is None
    )


class ModelTokenCount:
    """``count(text)``: the word pieces (with [CLS]/[SEP]) the model makes of ``text``.

    ``tokenizer`` is called at the first count, not before: a re-code whose segmentations all come
    from the cache (:mod:`roqa_nlp.transcripts.segment_cache`) never loads it.
    """

    def __init__(self, tokenizer: Callable[[], Any]) -> None:
        self._load = tokenizer
        self._count: Callable[[str], int] | None = None
        self._sums = False

    def _counter(self) -> Callable[[str], int]:
        if self._count is None:
            tok = self._load()
            if hasattr(tok, "encode_batch"):
                self._sums = _is_bert_style(tok)
                count = lambda t: len(tok.encode(t).ids)  # noqa: E731
            else:
                count = lambda t: len(tok(t)["input_ids"])  # noqa: E731
            # a sentence is counted when it is cut (if too long) and again as a window's part
            self._count = lru_cache(maxsize=_REMEMBERED)(count)
        return self._count

    def __call__(self, text: str) -> int:
        return self._counter()(text)

    def sums_over_spaces(self) -> bool:
        """True when the count of ``a + " " + b`` is always ``count(a) + count(b) - count("")``
        (any run of white space between them that holds a space, tab or line break)."""
        self._counter()
        return self._sums
