"""The open-coding queue: segments that fit no code, grouped into candidate new codes.

Novel segments (see :mod:`roqa_nlp.novelty`) are clustered by agglomerative clustering
(SciPy's ``linkage``: average linkage on cosine distance, clusters joined while their distance is
below ``distance_threshold``), so the number of candidate codes follows the data and singletons are
allowed. Each candidate gets keywords by class-based TF-IDF (Grootendorst, 2022, BERTopic: a
term's frequency in the cluster × log(1 + mean words per cluster / the term's frequency over all
clusters)) over the words and word pairs of its segments (lower case, words of two or more word
characters as scikit-learn's ``CountVectorizer`` finds them, English stop words
(``data/stop_words_en.txt``) and the fillers and contraction remnants of transcribed speech
(``data/stop_words_spoken.txt``: "yeah", "actually", "ve" of "I've") left out; a pair is two
words side by side in the text, see :func:`terms`) without importing scikit-learn, whose import
alone took longer than the whole queue. Its most representative segments
(closest to the cluster's centroid) and the transcripts/participants it appears in. Procedural
talk (greetings, consent, Zoom chatter) is never offered as a theme, nor is novel talk that reads
as small talk or the speaker's background (``off_topic``: the weather, a career story), which the
report lists apart so a researcher can still check it.

The result is deterministic: clustering has no randomness and ties are broken by segment order.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io import atomic_write_text, write_spreadsheet_csv

if TYPE_CHECKING:
    import numpy as np

    from .embedding import Embedder
    from .result import CodingResult
    from .schema import SegmentResult


@dataclass
class CandidateCode:
    """A group of novel segments that may deserve a new code."""

    id: str
    label: str
    keywords: list[str]
    segment_ids: list[str]
    representative: list[dict[str, Any]]  # {"segment_id", "transcript", "participant", "text"}
    transcripts: list[str]
    participants: list[str]
    size: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Words as scikit-learn's ``CountVectorizer`` finds them: two or more word characters.
_WORD = re.compile(r"(?u)\b\w\w+\b")


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """The stop words of ``data/stop_words_en.txt`` and ``data/stop_words_spoken.txt`` (lines
    starting with ``#`` are comments)."""
    data = resources.files("roqa_nlp").joinpath("data")
    words: set[str] = set()
    for name in ("stop_words_en.txt", "stop_words_spoken.txt"):
        text = data.joinpath(name).read_text("utf-8")
        words.update(w for w in text.split("\n") if w and not w.startswith("#"))
    return frozenset(words)


def terms(doc: str) -> list[str]:
    """The words of ``doc`` (lower case, stop words left out) followed by its word pairs: two
    words that follow each other in the text, with nothing but blanks between them. Unlike
    ``CountVectorizer(stop_words=..., ngram_range=(1, 2))``, which pairs words across the stop
    words it has left out, a pair never bridges a stop word or punctuation ("honest till" out of
    "to be honest, the till" is no phrase of the speaker's)."""
    stop = english_stop_words()
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(doc)]
    words = [w for w, _, _ in tokens if w not in stop]
    pairs = [
        f"{a} {b}"
        for (a, _, a_end), (b, b_start, _) in zip(tokens, tokens[1:])
        if a not in stop and b not in stop and not doc[a_end:b_start].strip()
    ]
    return words + pairs


def class_tfidf_keywords(docs: list[str], n_keywords: int = 5) -> list[list[str]]:
    """Top keywords per cluster document by class-based TF-IDF (ties: alphabetical order)."""
    import numpy as np

    counted = [Counter(terms(d)) for d in docs]
    vocab = sorted(set().union(*counted))
    if not vocab:  # no docs, or only stop words
        return [[] for _ in docs]
    column = {t: j for j, t in enumerate(vocab)}
    counts = np.zeros((len(docs), len(vocab)))
    for i, c in enumerate(counted):
        for t, n in c.items():
            counts[i, column[t]] = n
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    avg_words = counts.sum() / len(docs)
    idf = np.log(1 + avg_words / np.maximum(counts.sum(axis=0), 1))
    scores = tf * idf
    out = []
    for row in scores:
        order = np.argsort(-row, kind="stable")  # vocab is sorted: ties stay alphabetical
        out.append([vocab[j] for j in order[:n_keywords] if row[j] > 0])
    return out


def cluster_embeddings(X: np.ndarray, distance_threshold: float = 0.6) -> np.ndarray:
    """Cluster labels (0..k-1, numbered by first appearance) by average-linkage cosine distance:
    two clusters are joined while their distance is below ``distance_threshold``."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    if len(X) == 0:
        return np.zeros(0, dtype=int)
    if len(X) == 1:
        return np.zeros(1, dtype=int)
    tree = linkage(np.asarray(X, dtype=np.float64), method="average", metric="cosine")
    # fcluster keeps joins at distances <= t: the largest float below the threshold keeps < it.
    raw = fcluster(tree, t=np.nextafter(distance_threshold, 0.0), criterion="distance")
    remap: dict[int, int] = {}
    return np.asarray([remap.setdefault(int(c), len(remap)) for c in raw])


def queued(result: CodingResult) -> list[SegmentResult]:
    """The segments the open-coding queue groups: flagged novel, and neither procedural talk nor
    small talk or background."""
    return [s for s in result.segments if s.for_open_coding]


def open_coding_queue(
    result: CodingResult,
    embedder: Embedder,
    *,
    distance_threshold: float = 0.6,
    n_representative: int = 3,
    n_keywords: int = 5,
) -> list[CandidateCode]:
    """Candidate codes from the segments flagged novel (procedural talk, small talk and
    background excluded: :func:`queued`)."""
    import numpy as np

    novel = queued(result)
    if not novel:
        return []
    X = embedder.encode([s.segment.text for s in novel])
    labels = cluster_embeddings(X, distance_threshold)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    docs = [" ".join(novel[i].segment.text for i in idx) for idx in groups.values()]
    keywords = class_tfidf_keywords(docs, n_keywords)
    out: list[CandidateCode] = []
    for n, (idx, kw) in enumerate(zip(groups.values(), keywords), 1):
        centroid = X[idx].mean(axis=0)
        sims = X[idx] @ centroid
        best = [idx[j] for j in np.argsort(-sims, kind="stable")[:n_representative]]
        reps = [
            {
                "segment_id": novel[i].segment.id,
                "transcript": novel[i].segment.transcript_id,
                "participant": result.participant_of(novel[i].segment.transcript_id),
                "text": novel[i].segment.text,
            }
            for i in best
        ]
        tids = sorted({novel[i].segment.transcript_id for i in idx})
        out.append(
            CandidateCode(
                id=f"candidate-{n:03d}",
                label=", ".join(kw[:3]) if kw else novel[idx[0]].segment.text[:40],
                keywords=kw,
                segment_ids=[novel[i].segment.id for i in idx],
                representative=reps,
                transcripts=tids,
                participants=sorted({result.participant_of(t) for t in tids}),
                size=len(idx),
            )
        )
    out.sort(key=lambda c: (-c.size, c.id))
    return out


def write_open_coding(queue: list[CandidateCode], out_dir: str | Path) -> dict[str, Path]:
    """Write ``open_coding.jsonl`` (one candidate per line) and ``open_coding.csv``."""
    out = Path(out_dir)
    jpath, cpath = out / "open_coding.jsonl", out / "open_coding.csv"
    atomic_write_text(
        jpath, "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in queue)
    )
    rows: list[list[Any]] = [
        ["candidate", "label", "keywords", "size", "participants", "segment_ids", "example"]
    ]
    for c in queue:
        rows.append(
            [
                c.id,
                c.label,
                "; ".join(c.keywords),
                c.size,
                "; ".join(c.participants),
                "; ".join(c.segment_ids),
                c.representative[0]["text"] if c.representative else "",
            ]
        )
    write_spreadsheet_csv(cpath, rows)
    return {"open_coding.jsonl": jpath, "open_coding.csv": cpath}
