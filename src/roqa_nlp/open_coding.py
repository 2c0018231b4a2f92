"""The open-coding queue: segments that fit no code, grouped into candidate new codes.

Novel segments (see :mod:`roqa_nlp.novelty`) are clustered by agglomerative clustering
(scikit-learn, average linkage on cosine distance, cut at ``distance_threshold``), so the number
of candidate codes follows the data and singletons are allowed. Each candidate gets keywords by
class-based TF-IDF (Grootendorst, 2022, BERTopic: a term's frequency in the cluster × log(1 + mean
words per cluster / the term's frequency over all clusters)), its most representative segments
(closest to the cluster's centroid) and the transcripts/participants it appears in. Procedural
talk (greetings, consent, Zoom chatter) is never offered as a theme.

The result is deterministic: clustering has no randomness and ties are broken by segment order.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io import atomic_write_text

if TYPE_CHECKING:
    import numpy as np

    from .embedding import Embedder
    from .result import CodingResult


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


def class_tfidf_keywords(docs: list[str], n_keywords: int = 5) -> list[list[str]]:
    """Top keywords per cluster document by class-based TF-IDF."""
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer

    if not docs:
        return []
    try:
        cv = CountVectorizer(stop_words="english", ngram_range=(1, 2), min_df=1)
        counts = cv.fit_transform(docs).toarray().astype(float)
    except ValueError:  # only stop words
        return [[] for _ in docs]
    vocab = np.asarray(cv.get_feature_names_out())
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1)
    avg_words = counts.sum() / len(docs)
    idf = np.log(1 + avg_words / np.maximum(counts.sum(axis=0), 1))
    scores = tf * idf
    out = []
    for row in scores:
        order = np.lexsort((vocab, -row))
        out.append([str(vocab[j]) for j in order[:n_keywords] if row[j] > 0])
    return out


def cluster_embeddings(X: np.ndarray, distance_threshold: float = 0.6) -> np.ndarray:
    """Cluster labels (0..k-1, numbered by first appearance) by average-linkage cosine distance."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    if len(X) == 0:
        return np.zeros(0, dtype=int)
    if len(X) == 1:
        return np.zeros(1, dtype=int)
    raw = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage="average",
        distance_threshold=distance_threshold,
    ).fit_predict(X)
    remap: dict[int, int] = {}
    return np.asarray([remap.setdefault(int(c), len(remap)) for c in raw])


def open_coding_queue(
    result: CodingResult,
    embedder: Embedder,
    *,
    distance_threshold: float = 0.6,
    n_representative: int = 3,
    n_keywords: int = 5,
) -> list[CandidateCode]:
    """Candidate codes from the segments flagged novel (procedural talk excluded)."""
    import numpy as np

    novel = [s for s in result.segments if s.novel and not s.procedural]
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
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["candidate", "label", "keywords", "size", "participants", "segment_ids", "example"])
    for c in queue:
        w.writerow(
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
    atomic_write_text(cpath, buf.getvalue())
    return {"open_coding.jsonl": jpath, "open_coding.csv": cpath}
