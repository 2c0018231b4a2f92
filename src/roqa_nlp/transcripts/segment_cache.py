"""Segmentation cache: the segments of an unchanged transcript without spaCy or the tokenizer.

Cutting a transcript into segments (:mod:`roqa_nlp.transcripts.segment`) splits every turn into
sentences with spaCy and counts word pieces with the embedding model's tokenizer: seconds for a
study, most of a warm re-code once the embeddings are cached. The result depends only on the
transcript's text and turns and on the segmentation options, so it is kept on disk:

* the key is the SHA-256 of the text, every turn's offsets, role and speaker, the unit,
  ``max_tokens``, the skip options, the identity of the token counter (a hash of the tokenizer
  files), the installed spaCy and tokenizers versions, :data:`SEGMENTER_VERSION`, a hash of
  the segmenter's source, the acknowledging and agreeing phrases a backchannel may hold
  (``data/backchannel_phrases.txt``, ``data/backchannel_agreements.txt``) and the phrases of a
  repair on a bad line, a reply to which is left out (``data/repair_phrases.txt``,
  ``data/repair_fillers.txt``) and the transcriber's annotations a sentence keeps at its end
  (``data/transcriber_annotations.txt``, ``data/words_lost_annotations.txt``), so changing any
  of them misses the cache;
* the value is the ``(turn index, start, end)`` of each segment as JSON (no pickle), in
  ``segments.sqlite`` beside the embedding cache (a :class:`~roqa_nlp.json_cache.JsonCache`);
* a cached value is checked against the transcript before use (turn indexes in range and in
  order, offsets inside their turn, not overlapping), and a cache file that is corrupt, locked,
  read-only or missing only costs speed: segmentation is recomputed, never refused.

Only the spans are cached, never a segment's text or times: ids, texts, questions and times are
made from the transcript at each use (:func:`~roqa_nlp.transcripts.segment.segments_from_spans`),
so a cached entry can never hold a stale time. The times of a segment (the cues its first and
last characters lie in, :mod:`roqa_nlp.transcripts.cue_times`) do not move its boundaries, so
they are not part of the key.

spaCy and the tokenizer are imported only on a miss: the token counter given must load its
tokenizer lazily (as :meth:`roqa_nlp.embedding.Embedder.count_tokens` does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..json_cache import JsonCache, content_key, open_json_cache, package_version, source_hash
from ..schema import Segment, Transcript
from .annotations import annotation_pattern
from .backchannels import acknowledgement_phrases, agreement_phrases
from .repairs import repair_phrases
from .segment import (
    DEFAULT_MAX_TOKENS,
    SegmentSpan,
    TokenCounter,
    Unit,
    segment_spans,
    segments_from_spans,
)

#: Bump whenever a change to segmentation can move a segment boundary: every cached segmentation
#: is then recomputed. (The key also holds a hash of the modules below, as a safety net.)
#: 2: phrases such as "I see." are backchannels; 3: a long turn is cut into windows of even size
#: (``segment._balance``), not filled greedily to the limit with the rest left as the last window;
#: 4: so is a sentence too long for one, between its clauses; 5: an agreement said over again
#: ("It is. It is.") is a backchannel; 6: a clause too long for one (an unpunctuated answer) is cut
#: between its words evenly too (``segment._even_words``); 7: a backchannel said once in reply to
#: the interviewer's question ("Is it okay to record?" "Yes.") is the answer, coded
#: (``segment.left_out_as_backchannels``), and the interviewer's turns around a participant's
#: "Mm-hmm." are one context in a .txt file as in the other formats (``segment.questions_before``);
#: 8: a participant's "Yes." to a repair on a bad line ("Can you hear me now?") is no answer and is
#: left out, and an answer after a repair keeps the question before it as its context
#: (``repairs.only_repairs``); 9: no boundary falls inside a note in brackets, and a transcriber's
#: annotation ("[laughs]") at a sentence's end stays with it (``sentences``, ``annotations``);
#: 10: so does one with a full stop inside ("[Laughs.]") or in double parentheses ("((laughs))")
SEGMENTER_VERSION = 10
#: The modules whose code decides segment boundaries.
SEGMENTER_MODULES = (
    "roqa_nlp.transcripts.segment",
    "roqa_nlp.transcripts.sentences",
    "roqa_nlp.transcripts.backchannels",
    "roqa_nlp.transcripts.repairs",
    "roqa_nlp.transcripts.annotations",
)
CACHE_FILE = "segments.sqlite"
#: The segmentation cache: a :class:`~roqa_nlp.json_cache.JsonCache` of span lists.
SegmentCache = JsonCache


def segmentation_key(
    transcript: Transcript,
    *,
    unit: str,
    max_tokens: int,
    skip_interviewer: bool,
    skip_backchannels: bool,
    counter_id: str,
) -> str:
    """SHA-256 identifying one transcript's segmentation under given options (module docstring)."""
    return content_key(
        {
            "segmenter": SEGMENTER_VERSION,
            "segmenter_source": source_hash(*SEGMENTER_MODULES),
            "backchannel_phrases": acknowledgement_phrases(),
            "backchannel_agreements": agreement_phrases(),
            "repair_phrases": repair_phrases(),
            "annotations": annotation_pattern(),
            "spacy": package_version("spacy"),
            "tokenizers": package_version("tokenizers"),
            "unit": unit,
            "max_tokens": max_tokens,
            "skip_interviewer": skip_interviewer,
            "skip_backchannels": skip_backchannels,
            "token_counter": counter_id,
            "turns": [[t.start, t.end, t.role, t.speaker] for t in transcript.turns],
            "text": transcript.text,
        }
    )


def valid_spans(transcript: Transcript, value: Any) -> list[SegmentSpan] | None:
    """``value`` as segment spans if it is a well-formed segmentation of ``transcript``, else
    None."""
    if not isinstance(value, list):
        return None
    turns = transcript.turns
    spans: list[SegmentSpan] = []
    last_turn, last_end = -1, -1
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 3
            and all(type(x) is int for x in item)  # not bool, not float
        ):
            return None
        index, start, end = item
        if not (last_turn <= index < len(turns)):
            return None
        turn = turns[index]
        if not (turn.start <= start < end <= turn.end and start >= last_end):
            return None
        spans.append((index, start, end))
        last_turn, last_end = index, end
    return spans


def open_segment_cache(cache_dir: str | Path | None) -> SegmentCache | None:
    """The segmentation cache in ``cache_dir`` (None = no cache), or None when unusable."""
    return open_json_cache(cache_dir, CACHE_FILE)


def cached_segment(
    transcript: Transcript,
    cache: SegmentCache | None,
    *,
    counter_id: str,
    unit: Unit = "window",
    max_tokens: int = DEFAULT_MAX_TOKENS,
    skip_interviewer: bool = True,
    skip_backchannels: bool = True,
    count_tokens: TokenCounter | None = None,
) -> list[Segment]:
    """:func:`~roqa_nlp.transcripts.segment.segment`, read from ``cache`` when it holds this
    transcript's segmentation and written to it otherwise.

    ``counter_id`` must identify ``count_tokens`` (e.g. a hash of the tokenizer's files):
    segmentations made with different token counters never share a cache entry.
    """
    transcript.check_turns()
    options: dict[str, Any] = {
        "unit": unit,
        "max_tokens": max_tokens,
        "skip_interviewer": skip_interviewer,
        "skip_backchannels": skip_backchannels,
    }
    if cache is None:
        return segments_from_spans(
            transcript, segment_spans(transcript, count_tokens=count_tokens, **options)
        )
    key = segmentation_key(transcript, counter_id=counter_id, **options)
    spans = valid_spans(transcript, cache.get(key))
    if spans is None:
        spans = segment_spans(transcript, count_tokens=count_tokens, **options)
        cache.put(key, [list(s) for s in spans])
    return segments_from_spans(transcript, spans)
