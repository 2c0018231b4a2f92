"""How each code usually reads: the barrier / enabler / neutral mix of its training records.

The valence head reads tone from the sentence embedding, which is mostly topic; a code's own
valence mix is knowledge it does not use. Staffing and money (Available Resources) are mostly
spoken of as barriers, a felt need for change (Tension for Change) mostly as an enabler, and the
head alone takes a warm-sounding barrier ("we'd love more time with people") for an enabler. So a
segment's valence probabilities are multiplied by what its likely codes say::

    P(v | text) ∝ P_head(v | text) · (Σ_c P(c | text) P(v | c)) ** w

with ``P(c | text)`` the suggestions' probabilities (embedding and word models combined, as
shown), ``P(v | c)`` the code's share of each valence among the coded training records that
carry it (add-one smoothed; a class without valence records, such as off-framework talk, is
uniform and changes nothing) and ``w`` the ``valence_prior_weight`` (1; 0 turns it off).
Measured out of sample on five grouped folds of the 42 interview sets and on the team's quote
sets (``benchmarks/valence_prior.py``, ``results/valence_prior.md``).

The counts are stored as ``valence_prior.json`` in the model directory, a table a researcher can
read; retraining with a researcher's decisions (``roqa train --feedback``) recounts them with the
valences the researcher gave, so a study whose coders read a code differently moves its mix.

A new code of the researcher's own whose segments were given no valence has no mix to lean on:
its one record with a valence is its definition, so the head's reading of tone on talk it never
learnt decided the segment's valence. The review counts such segments neutral (Table 2 leaves
them out of barriers and enablers), so a retrained model reads a segment whose top suggestion is
such a code neutral in the share of its code probabilities on those codes
(:func:`with_codes_read_neutral`); a segment whose top suggestion is another code reads as
before. Without it a building flood was charted an enabler at 0.62 in the unreviewed Table 2
(daily14 tester, session 84).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np

from .schema import VALENCES

#: Added to every count before the shares are taken (Laplace smoothing).
SMOOTHING = 1.0


class ValencePrior:
    """Counts of each valence per code; ``log_mix(P, classes)`` is the prior's log-probability
    of each valence for rows of code probabilities ``P``."""

    def __init__(self, counts: dict[str, dict[str, int]], smoothing: float = SMOOTHING) -> None:
        for code, row in counts.items():
            unknown = set(row) - set(VALENCES)
            bad = [n for n in row.values() if isinstance(n, bool) or not isinstance(n, int)]
            if unknown or bad or any(n < 0 for n in row.values()):
                raise ValueError(f"valence counts of {code!r} must be whole numbers of {VALENCES}")
        if not smoothing > 0:
            raise ValueError("smoothing must be above 0")
        self.counts = {
            str(c): {v: int(row.get(v, 0)) for v in VALENCES} for c, row in counts.items()
        }
        self.smoothing = float(smoothing)

    @classmethod
    def fit(cls, codes: Sequence[Sequence[str]], valences: Sequence[str]) -> ValencePrior:
        """Count, for each code, the records carrying it with each valence (records without one
        of :data:`~roqa_nlp.schema.VALENCES` are not counted; a record with two codes counts for
        both)."""
        if len(codes) != len(valences):
            raise ValueError(f"{len(codes)} code lists for {len(valences)} valences")
        counts: dict[str, dict[str, int]] = {}
        for cs, v in zip(codes, valences):
            if v not in VALENCES:
                continue
            for c in cs:
                row = counts.setdefault(str(c), dict.fromkeys(VALENCES, 0))
                row[v] += 1
        return cls(dict(sorted(counts.items())))

    def shares(self, classes: Sequence[str]) -> np.ndarray:
        """``P(v | c)`` [len(classes), len(VALENCES)]: smoothed shares, uniform for a class
        without counts."""
        a = self.smoothing
        rows = [self.counts.get(str(c), dict.fromkeys(VALENCES, 0)) for c in classes]
        M = np.asarray([[row[v] + a for v in VALENCES] for row in rows], dtype=np.float64)
        out: np.ndarray = M / M.sum(axis=1, keepdims=True)
        return out

    def log_mix(self, P: np.ndarray, classes: Sequence[str]) -> np.ndarray:
        """``log Σ_c P[:, c] P(v | c)`` [n, len(VALENCES)] for code probabilities ``P`` [n, k]
        whose columns follow ``classes`` (rows need not sum to one: only their ratios matter
        once the result is combined and normalised)."""
        mix = np.asarray(P, dtype=np.float64) @ self.shares(classes)
        out: np.ndarray = np.log(np.clip(mix, 1e-300, None))
        return out

    def to_json(self) -> dict[str, Any]:
        return {"valences": list(VALENCES), "smoothing": self.smoothing, "counts": self.counts}

    def to_text(self) -> str:
        """:meth:`to_json` as the model directory stores it: one line per code."""
        import json

        data = self.to_json()
        rows = ",\n".join(f"  {json.dumps(c)}: {json.dumps(r)}" for c, r in self.counts.items())
        return (
            f'{{\n "valences": {json.dumps(data["valences"])},\n'
            f' "smoothing": {json.dumps(data["smoothing"])},\n'
            f' "counts": {{\n{rows}\n }}\n}}\n'
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ValencePrior:
        """From :meth:`to_json` (ValueError, KeyError or TypeError when it is not one)."""
        if list(data["valences"]) != list(VALENCES):
            raise ValueError(f"valences must be {VALENCES}")
        return cls(dict(data["counts"]), float(data["smoothing"]))


def with_prior(
    V: np.ndarray, P: np.ndarray, classes: Sequence[str], prior: ValencePrior, w: float
) -> np.ndarray:
    """Valence probabilities ``V`` [n, 3] times the prior's mix for code probabilities ``P``
    to the power ``w``, renormalised (``w`` = 0: ``V`` itself)."""
    from .prediction import softmax

    if w <= 0:
        return V
    logs = np.log(np.clip(np.asarray(V, dtype=np.float64), 1e-300, None))
    out: np.ndarray = softmax(logs + w * prior.log_mix(P, classes))
    return out


def with_codes_read_neutral(
    V: np.ndarray,
    P: np.ndarray,
    classes: Sequence[str],
    codes: Collection[str],
    names: Sequence[str],
    top: Sequence[int] | np.ndarray,
) -> np.ndarray:
    """Valence probabilities ``V`` [n, len(names)] (columns ``names``) of segments with code
    probabilities ``P`` [n, k] (columns ``classes``) and top suggestions ``top`` (a column of
    ``P`` per row): a row whose top suggestion is one of ``codes`` (codes no valence was given
    for) reads its share ``u`` on them neutral, ``u · neutral + (1 - u) · V``, ``u`` being
    those codes' part of the row's total; the other rows are unchanged. ``V`` itself when no
    row's top suggestion is one of ``codes`` or there is no neutral column."""
    cols = [j for j, c in enumerate(classes) if c in codes]
    rows = np.flatnonzero(np.isin(np.asarray(top, dtype=np.intp), cols))
    if not len(rows) or "neutral" not in names:
        return V
    M = np.asarray(P, dtype=np.float64)[rows]
    u = M[:, cols].sum(axis=1) / M.sum(axis=1)
    out: np.ndarray = np.asarray(V, dtype=np.float64).copy()
    out[rows] *= (1.0 - u)[:, None]
    out[rows, list(names).index("neutral")] += u
    return out
