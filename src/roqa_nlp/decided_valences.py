"""The valences a researcher decided, kept for their segments: a segment the researcher gave a
valence reads with that valence when it is coded again.

A model retrained on a review (``roqa train --feedback``) learns each decided segment as a few
training records among thousands. For a segment's valence that is not enough when the review
corrects the model: the valence head is strongly regularised (``valence_C`` 0.5) and each likely
code's own valence mix (:mod:`roqa_nlp.valence_prior`) counts thousands of records. Study11
(session 81) corrected 16 valences, each against the packaged model; retrained, the model still
read 4 of the 16 decided segments the other way: "Nobody on the ward asked for it, and nobody
asked us what we wanted from it either" stayed an enabler (head 0.52 enabler, codes' mix 0.44
enabler for Innovation Source), and a barrier the head and words had learnt (0.70) was overturned
by its code's mix. Both rules are right in general (they were measured out of sample); a decided
segment is not general, it is the researcher's reading of those words after that question.

So the model keeps, for each segment given a valence by the researcher, a hash of its words read
with the interviewer's question before it (:func:`segment_key`: spacing, case and Unicode forms
aside), with that valence; a segment coded again with the same words after the same question
takes the decided valence (probability 1), and nothing else changes. Not the embedding's
nearness: the words of "much easier to track the referrals" and "much harder to track the
referrals" are 0.94 alike, and "Yes, definitely." is the same words after any question (hunt14,
session 82: one decided barrier made every later "Yes, definitely." a barrier).

A decided segment with no question (a decision on words not found in the codings, a first
answer) is matched on its words alone, when coded after a question too, only if it has
:data:`MIN_WORDS_ALONE` words or more: a long answer is the researcher's words wherever it is
read, a stock reply ("Yes, definitely.", "No, not really.") is not. Words decided two ways after
the same question (two interviews' "Yes." decided a barrier and an enabler) keep neither, as the
card's ``feedback.decided`` drops them.

Measured by leaving one interview out (``benchmarks/results/decided_valences.md``): the held-out
interviews' valence is unchanged, as it is kept for the decided segments alone. The hashes are
stored as ``decided_valences.safetensors`` in the model folder: no words and no embeddings.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np

from .io import sha256_bytes
from .schema import VALENCES

#: The words a decided segment with no question must have to be matched on its words alone,
#: after any question: fewer, and it may be a stock reply (see the module docstring).
MIN_WORDS_ALONE = 8
#: Bytes kept of each key's SHA-256: 64 bits, as a card's ``feedback.text_sha256`` keeps.
KEY_BYTES = 8


def normalised(text: str) -> str:
    """``text`` with Unicode forms (NFKC), case and spacing aside."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def segment_key(words: str, question: str = "") -> bytes:
    """The :data:`KEY_BYTES` bytes that stand for ``words`` read after ``question``."""
    said = f"roqa decided valence\n{normalised(question)}\n{normalised(words)}"
    return bytes.fromhex(sha256_bytes(said.encode("utf-8"))[: 2 * KEY_BYTES])


class DecidedValences:
    """The keys ``keys_`` [n, :data:`KEY_BYTES`] (:func:`segment_key`) of segments the researcher
    gave a valence, and the index of each one's valence in :data:`~roqa_nlp.schema.VALENCES`
    (``valences_``)."""

    def __init__(self, keys: np.ndarray, valences: Sequence[int] | np.ndarray) -> None:
        K = np.asarray(keys, dtype=np.uint8)
        v = np.asarray(valences, dtype=np.int64)
        if K.ndim != 2 or K.shape[1] != KEY_BYTES or v.shape != (len(K),):
            raise ValueError("decided valences need one valence per key")
        if len(v) and (v.min() < 0 or v.max() >= len(VALENCES)):
            raise ValueError(f"decided valences must index {VALENCES}")
        self.keys_, self.valences_ = K, v
        self._of = {bytes(k): int(i) for k, i in zip(K, v)}

    @classmethod
    def of(
        cls, words: Sequence[str], questions: Sequence[str], valences: Sequence[str]
    ) -> tuple[DecidedValences | None, list[int]]:
        """The decided valences among ``valences`` ("" where the researcher gave none) of the
        segments ``words`` read after ``questions`` ("" for none), or None when there is none; and
        the places of those whose words and question were decided two ways (kept for none)."""
        given: dict[bytes, set[str]] = {}
        places: dict[bytes, list[int]] = {}
        for i, (w, q, v) in enumerate(zip(words, questions, valences, strict=True)):
            if v in VALENCES:
                k = segment_key(w, q)
                given.setdefault(k, set()).add(v)
                places.setdefault(k, []).append(i)
        both = sorted(i for k, vs in given.items() if len(vs) > 1 for i in places[k])
        kept = [(k, VALENCES.index(next(iter(vs)))) for k, vs in given.items() if len(vs) == 1]
        if not kept:
            return None, both
        K = np.frombuffer(b"".join(k for k, _ in kept), dtype=np.uint8).reshape(-1, KEY_BYTES)
        return cls(K, [v for _, v in kept]), both

    def decided(self, words: Sequence[str], questions: Sequence[str] | None) -> list[int | None]:
        """The decided valence's index of each of ``words`` read after ``questions`` (None: no
        question), or None where it is no decided segment."""
        out: list[int | None] = []
        for i, w in enumerate(words):
            q = questions[i] if questions is not None else ""
            v = self._of.get(segment_key(w, q or ""))
            if v is None and q and len(w.split()) >= MIN_WORDS_ALONE:
                v = self._of.get(segment_key(w))
            out.append(v)
        return out

    def apply(
        self,
        V: np.ndarray,
        words: Sequence[str],
        questions: Sequence[str] | None,
        names: Sequence[str],
    ) -> np.ndarray:
        """Valence probabilities ``V`` [m, k] (columns ``names``) of segments ``words`` read after
        ``questions``: a decided segment's are its decided valence's (1), the others unchanged."""
        cols = [
            list(names).index(VALENCES[v]) if v is not None and VALENCES[v] in names else -1
            for v in self.decided(words, questions)
        ]
        if all(c < 0 for c in cols):
            return V
        out = np.asarray(V, dtype=np.float64).copy()
        for r, c in enumerate(cols):
            if c >= 0:
                out[r] = 0.0
                out[r, c] = 1.0
        return out

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"keys": self.keys_, "valences": self.valences_}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> DecidedValences:
        """From :meth:`to_arrays` (KeyError or ValueError when they are not its arrays)."""
        return cls(arrays["keys"], arrays["valences"])
