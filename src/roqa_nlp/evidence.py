"""How a suggestion's evidence is told to a reviewer: each quote with its own valence.

A suggestion's evidence is the training examples of its code most like the segment, whatever
their valence (:meth:`~roqa_nlp.autocoder.AutoCoder.suggest`). The code and the valence are two
predictions: examples picked by the predicted valence would agree with it by construction, and
back it up most when it is wrong ("It's not a blame culture here" shown "It's quite a blame
culture"). So every place that shows the quotes shows each one's valence as training data gave
it, and how many of each there are. A quote of no known valence (a model saved before evidence
kept it, or a hand-made codings file) is shown without one.
"""

from __future__ import annotations

from collections.abc import Sequence

#: The order the valences are counted in, and each one's plural.
PLURALS = {"barrier": "barriers", "enabler": "enablers", "neutral": "neutral"}


def quote_valences(quotes: Sequence[str], valences: Sequence[str] | None) -> list[str]:
    """Each quote's valence ("" when unknown): ``valences`` padded or cut to the quotes."""
    given = [str(v or "") for v in (valences or ())]
    return (given + [""] * len(quotes))[: len(quotes)]


def valence_counts(valences: Sequence[str]) -> str:
    """How many quotes of each valence: ``1 barrier, 1 enabler``, ``2 neutral``; "" when none
    is known."""
    parts = []
    for v, plural in PLURALS.items():
        n = sum(1 for x in valences if x == v)
        if n:
            parts.append(f"{n} {v if n == 1 else plural}")
    others = sorted({x for x in valences if x and x not in PLURALS})
    parts += [f"{sum(1 for x in valences if x == v)} {v}" for v in others]
    return ", ".join(parts)


def tagged(quote: str, valence: str) -> str:
    """A quote after its valence in brackets (``[barrier] ...``), or alone when unknown."""
    return f"[{valence}] {quote}" if valence else quote
