"""A problem said to be absent: "Funding isn't a problem for us any more."

The valence head, its word model and the code's own valence mix all read the noun ("problem",
"issue", "barrier") and not its negation, so such talk was charted as a sure barrier (blind
tester, session 42: 0.98). A segment that denies a problem (a negation, then "a", "an", "much of
a" or "any" and the noun, as listed in ``data/negated_problem_phrases.json``), with no relative
clause after the noun ("a problem that we can't fix", "an issue we face") and no contrast after
it ("… isn't a problem, but the rota is"), has its barrier and enabler probabilities trade places
when the barrier is the larger: it is never read more a barrier than before. "The" is not among
the determiners: "money wasn't the problem, the problem was time" is a barrier said the other
way round (in ``benchmarks/results/negated_problems.md`` it was, on 2 of the 3 segments of the
interview sets that have one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

#: the packaged phrases (``roqa_nlp/data/``): see the module docstring
PHRASES_FILE = "negated_problem_phrases.json"


def _alternatives(phrases: Sequence[str], between: str = r"\s+") -> str:
    """A regular expression matching any of ``phrases``, longest first, their words joined by
    ``between``."""
    ordered = sorted(phrases, key=len, reverse=True)
    # a phrase starting with a letter starts a word; one with an apostrophe follows one ("it's")
    return "|".join(
        ("" if p.startswith("'") else r"\b") + between.join(re.escape(w) for w in p.split())
        for p in ordered
    )


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The denial of a problem, and a contrast after it."""
    data = json.loads(resources.files("roqa_nlp").joinpath("data", PHRASES_FILE).read_text("utf-8"))
    adverb = rf"(?:(?:{_alternatives(data['adverbs'])})\s+)?"
    # an adverb may stand between the words of a negation and after it: "has never really been"
    negation = re.sub(r"(?<=[a-z])'", "'?", _alternatives(data["negations"], rf"\s+{adverb}"))
    denial = (
        rf"(?:{negation})\s+{adverb}(?:{_alternatives(data['determiners'])})\s+"
        rf"(?:(?:{_alternatives(data['adjectives'])})\s+)?(?:{_alternatives(data['problems'])})"
        rf"\b(?!\s+(?:{_alternatives(data['clause_words'])})\b)"
    )
    contrast = rf"\b(?:{_alternatives(data['contrasts'])})\b"
    return re.compile(denial, re.IGNORECASE), re.compile(contrast, re.IGNORECASE)


def denies_a_problem(text: str) -> bool:
    """Whether ``text`` says a problem is absent, with no contrast after it (see the module
    docstring): "Staff resistance has never really been an issue here." """
    denial, contrast = _patterns()
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    found = denial.search(plain)
    return found is not None and contrast.search(plain, found.end()) is None


def with_negated_problems(V: np.ndarray, names: Sequence[str], texts: Sequence[str]) -> np.ndarray:
    """``V`` (rows: texts; columns: ``names``, barrier and enabler among them) with the barrier
    and enabler probabilities of each text that :func:`denies_a_problem` traded where the
    barrier's is the larger."""
    if "barrier" not in names or "enabler" not in names:
        return V
    b, e = list(names).index("barrier"), list(names).index("enabler")
    rows = [i for i, t in enumerate(texts) if V[i, b] > V[i, e] and denies_a_problem(str(t))]
    if not rows:
        return V
    out = V.copy()
    out[rows, b], out[rows, e] = V[rows, e], V[rows, b]
    return out
