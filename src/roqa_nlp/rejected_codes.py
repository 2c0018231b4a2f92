"""The codes a researcher rejected on segments, kept so that they stop coming back: a code
rejected on a segment is not suggested there again, and is suggested less on talk read much like
it.

The one-click reject of the review page rejects a segment's wrong top suggestion and decides
nothing else. As a training example that says what the segment is not, not what it is, so a
model retrained on the review (``roqa train --feedback``) learnt nothing from it, and the same
code came back on that segment and on a new, similar answer (daily14 tester, session 84: two role
statements rejected as IS.A kept IS.A 0.43 and 0.90, and a new role statement kept it first).

So the model keeps, for each code rejected on a segment (the last row on that code standing, as
training reads it), the segment as the classifier read it (its embedding, with the interviewer's
question mixed in as :meth:`~roqa_nlp.autocoder.AutoCoder._inputs` mixes it) and the code. Talk
coded later whose reading is at least :data:`NEAR` alike (cosine) has that code's probability
scaled down, linearly from nothing at :data:`NEAR` to all of it at :data:`SAME` and above (the
same words after the same question: 1.0); the other codes keep their probabilities, so the
next code is shown as sure or unsure as the model read it. Nothing else changes: talk read less alike than
:data:`NEAR` to every rejected segment is suggested as before, and novelty, small talk and
procedural talk are judged as before (on the classifier's own probabilities), and a segment
whose shown top code is then below 0.1 fits no code, as any such segment does. Only rejections
typed in the model's own codes are kept: one of a code of another codebook (CFIR 2.0, an own
codebook charted from CFIR 2009) would be a rejection of the model's code it comes from, and
take away its siblings the researcher did not reject (hunt27, session 85).

Not the words' hash alone, as for decided valences (:mod:`roqa_nlp.decided_valences`): the
researcher's "not this code" is meant for talk like it, and a code, unlike a valence, does not
turn on one word ("much easier" / "much harder to track the referrals" are one code, 0.94
alike). :data:`NEAR` is above where the written training data's own examples of a code start
(the closest IS.A exemplar to the rejected role statement "And I manage the outreach team..." is
0.62 alike, a provider's structure) and below a new role statement in another interview (0.77).
A rejection that would lower a code the researcher gave on a decided segment (an accept or a
recode) is not kept (:func:`RejectedCodes.of`): the researcher's own codes stand.

Stored as ``rejected_codes.safetensors`` in the model folder: the embeddings (float16) and the
index of each one's code among the classifier's classes; no words. A code's prototype in the
classifier holds the mean embedding of its decided segments likewise.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Cosine likeness from which a rejection lowers its code on other talk (see the docstring).
NEAR = 0.65
#: Cosine likeness from which a rejected code is not suggested at all (the same words after the
#: same question read 1.0; a transcript corrected by a word or two, a little less).
SAME = 0.9


class RejectedCodes:
    """The readings ``X_`` [n, d] (unit rows) of segments a code was rejected on, and the index of
    that code among the classifier's classes (``codes_``)."""

    def __init__(self, X: np.ndarray, codes: Sequence[int] | np.ndarray) -> None:
        # rounded as saved (float16), so that a model updated in memory codes exactly as the
        # same model saved and loaded (hunt27, session 85: IS.A 0.119983 in memory, 0.119992
        # loaded)
        R = np.asarray(X, dtype=np.float16).astype(np.float32)
        c = np.asarray(codes, dtype=np.int64)
        if R.ndim != 2 or c.shape != (len(R),):
            raise ValueError("rejected codes need one code per reading")
        if len(c) and c.min() < 0:
            raise ValueError("rejected codes must index the classifier's classes")
        self.X_, self.codes_ = R, c

    @classmethod
    def of(
        cls,
        X: np.ndarray,
        codes: Sequence[str],
        classes: Sequence[str],
        decided_X: np.ndarray | None = None,
        decided_codes: Sequence[Sequence[str]] = (),
    ) -> tuple[RejectedCodes | None, list[int]]:
        """The rejections of ``codes`` on the segments read as ``X`` (rows), codes among
        ``classes`` (a code the classifier has no class for is suggested never, so kept for
        none), or None when none is kept; and the places of those not kept because they would
        lower a code the researcher gave (``decided_codes``) on a decided segment read as
        ``decided_X``."""
        places = [i for i, c in enumerate(codes) if c in classes]
        dropped: list[int] = []
        if decided_X is not None and len(decided_X) and places:
            S = np.asarray(X, dtype=np.float64)[places] @ np.asarray(decided_X, np.float64).T
            keep: list[int] = []
            for row, i in enumerate(places):
                hit = any(
                    S[row, j] >= NEAR and codes[i] in given for j, given in enumerate(decided_codes)
                )
                (dropped if hit else keep).append(i)
            places = keep
        if not places:
            return None, dropped
        index = [list(classes).index(codes[i]) for i in places]
        return cls(np.asarray(X)[places], index), dropped

    def factors(self, X: np.ndarray, n_classes: int) -> np.ndarray | None:
        """What each class's probability is multiplied by on the rows read as ``X`` [m, d]: 1
        where no rejection is :data:`NEAR`, else the product over the near rejections of that
        class of ``1 - likeness`` scaled from :data:`NEAR` (0) to :data:`SAME` (1); None when
        no row is near any rejection."""
        if not len(self.X_) or not len(X):
            return None
        S = np.asarray(X, dtype=np.float64) @ self.X_.astype(np.float64).T
        near = S >= NEAR
        if not near.any():
            return None
        strength = np.clip((S - NEAR) / (SAME - NEAR), 0.0, 1.0)
        F = np.ones((len(X), n_classes))
        for r, k in zip(*np.nonzero(near)):
            c = int(self.codes_[k])
            if c < n_classes:
                F[r, c] *= 1.0 - strength[r, k]
        return F

    def apply(self, P: np.ndarray, X: np.ndarray) -> np.ndarray:
        """Probabilities ``P`` [m, classes] of the rows read as ``X``, each rejected code scaled
        down by :meth:`factors`; ``P`` itself when no row is near a rejection. The other codes
        keep their probabilities: the share taken from a rejected code is given to none of
        them (hunt27, session 85: summing each row to 1 again lifted a code the model gave
        0.038 to 0.38 and one of 2e-6 to 0.72, charted as sure), so a segment whose only
        plausible code was rejected shows its next codes as unsure as the model read them, and
        the report's rules for weak and fitting-no-code suggestions apply to them."""
        F = self.factors(X, P.shape[1])
        if F is None:
            return P
        return np.asarray(P, dtype=np.float64) * F

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {"readings": self.X_.astype(np.float16), "codes": self.codes_}

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> RejectedCodes:
        """From :meth:`to_arrays` (KeyError or ValueError when they are not its arrays)."""
        return cls(arrays["readings"].astype(np.float32), arrays["codes"])
