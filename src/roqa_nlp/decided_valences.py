"""The valences a researcher decided, kept for their words: a segment that is a decided one
reads as the researcher read it.

A model retrained on a review (``roqa train --feedback``) learns each decided segment as a few
training records among thousands. For a segment's valence that is not enough when the review
corrects the model: the valence head is strongly regularised (``valence_C`` 0.5) and each likely
code's own valence mix (:mod:`roqa_nlp.valence_prior`) counts thousands of records. Study11
(session 81) corrected 16 valences, each against the packaged model; retrained, the model still
read 4 of the 16 decided segments the other way: "Nobody on the ward asked for it, and nobody
asked us what we wanted from it either" stayed an enabler (head 0.52 enabler, codes' mix 0.44
enabler for Innovation Source), and a barrier the head and words had learnt (0.70) was overturned
by its code's mix. Both rules are right in general (they were measured out of sample); a decided
segment is not general, it is the researcher's reading of those words.

So the model keeps the embedding of each segment given a valence by the researcher, with that
valence, and a segment whose embedding is that close to a decided one takes the decided valence::

    V' = (1 - λ) V + λ e(v_j),   λ = clip((s_j - NEAR) / (1 - NEAR), 0, 1)

with ``s_j`` the cosine of the segment with its nearest decided segment ``j``, ``v_j`` its decided
valence and ``e`` its one-hot vector: the decided words themselves (``s`` = 1) read as decided, the
same words read with the interviewer's question mixed in (``s`` about 0.98) nearly so, and any
other talk is left as the model reads it. ``NEAR`` (0.9) lies far above how alike two different
answers of one study are: over study11's and learn2's interviews no segment came closer than a
cosine of 0.77 to a decided segment of another interview (0.61 within its own). Measured by leaving one interview out
(``benchmarks/results/decided_valences.md``): the held-out interviews' valence is unchanged.

The embeddings are stored as ``decided_valences.safetensors`` in the model folder (no words: the
decided segments are never stored in words, see ``AutoCoder.update``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .schema import VALENCES

#: The cosine from which a segment is read as a decided one (see the module docstring).
NEAR = 0.9


class DecidedValences:
    """Embeddings ``embeddings_`` [n, d] (unit length) of segments the researcher gave a valence,
    and the index of each one's valence in :data:`~roqa_nlp.schema.VALENCES` (``valences_``)."""

    def __init__(self, embeddings: np.ndarray, valences: Sequence[int] | np.ndarray) -> None:
        E = np.asarray(embeddings, dtype=np.float32)
        v = np.asarray(valences, dtype=np.int64)
        if E.ndim != 2 or v.shape != (len(E),):
            raise ValueError("decided valences need one valence per embedding")
        if len(v) and (v.min() < 0 or v.max() >= len(VALENCES)):
            raise ValueError(f"decided valences must index {VALENCES}")
        self.embeddings_, self.valences_ = E, v

    @classmethod
    def of(cls, embeddings: np.ndarray, valences: Sequence[str]) -> DecidedValences | None:
        """The decided valences among ``valences`` ("" where the researcher gave none) with their
        segments' ``embeddings``; None when there is none."""
        rows = [i for i, v in enumerate(valences) if v in VALENCES]
        if not rows:
            return None
        E = np.asarray(embeddings, dtype=np.float32)[rows]
        return cls(E, [VALENCES.index(valences[i]) for i in rows])

    def nearest(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each row of ``X`` [m, d]: the cosine with its nearest decided segment and that
        segment's valence index (the first of equally near ones)."""
        S = np.asarray(X, dtype=np.float32) @ self.embeddings_.T
        j = np.argmax(S, axis=1)
        return S[np.arange(len(S)), j].astype(np.float64), self.valences_[j]

    def weights(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``λ`` of each row of ``X`` (0 for a segment not near any decided one) and the valence
        index it leans to."""
        s, v = self.nearest(X)
        return np.clip((s - NEAR) / (1.0 - NEAR), 0.0, 1.0), v

    def apply(self, V: np.ndarray, X: np.ndarray, names: Sequence[str]) -> np.ndarray:
        """Valence probabilities ``V`` [m, k] (columns ``names``) of segments embedded as ``X``,
        each moved to its nearest decided segment's valence by ``λ``; rows near none unchanged."""
        lam, v = self.weights(X)
        if not lam.any():
            return V
        out = np.asarray(V, dtype=np.float64).copy()
        cols = [list(names).index(VALENCES[i]) if VALENCES[i] in names else -1 for i in v]
        for r in np.flatnonzero(lam):
            if cols[r] < 0:
                continue
            out[r] *= 1.0 - lam[r]
            out[r, cols[r]] += lam[r]
        return out

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"embeddings": self.embeddings_, "valences": self.valences_}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> DecidedValences:
        """From :meth:`to_arrays` (KeyError or ValueError when they are not its arrays)."""
        return cls(arrays["embeddings"], arrays["valences"])
