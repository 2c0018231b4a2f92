"""Negation words in the valence word model (measured, session 53).

The valence word model (``roqa_nlp.lexical``, beside the valence head) drops scikit-learn's
English stop words, "not", "never", "no" ... among them, so "It's not complicated" reads as a
barrier word. Two variants of that model only, the rule and criterion written before the run in
``results/negation_words.md``:

- (a) ``negation words kept``: the stop list less :data:`NEGATION_WORDS`, so word pairs such as
  "not complicated" exist;
- (b) ``negation scope marked``: every non-stop word after a negation cue up to the clause end
  gets the prefix ``not_`` (Das & Chen 2001); cues and clause ends are ``negation_unsure.py``'s.

Each fold's pipeline is trained once as packaged; the variant refits only its valence word model
on the records the pipeline gave it (recorded as the pipeline fits), so everything else is
the same model. Data: the 42 interview sets in five grouped folds (``set_folds.py``); checks: the
quote sets and the gold example interviews, read by the pipeline trained on every training file.
Never the development set.

Run: ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 flock /tmp/roqa-heavy.lock .venv/bin/python
benchmarks/negation_words.py``. Results: ``benchmarks/results/negation_words.{json,md}`` (the .md
keeps its hand-written head and notes).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_valence import gold_speech  # noqa: E402
from negation_unsure import BOUNDARY, cue_ends, tokens  # noqa: E402
from scoring import OUT, run_meta, write_results  # noqa: E402
from set_folds import coded_segments, fold_training, packaged_and_data, refit  # noqa: E402

from roqa_nlp import lexical  # noqa: E402
from roqa_nlp.schema import VALENCES  # noqa: E402

NEGATION_WORDS = frozenset({"not", "no", "never", "nothing", "nobody", "none", "cannot"})
VARIANTS = ("packaged", "negation words kept", "negation scope marked")
#: the head of the results page (rule and criterion, written before the run) ends here
MARKER = "## Results"
#: the hand-written reading of the results starts here and is kept when the script rewrites them
NOTES = "## What the numbers say"


def english_stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def mark_negation(text: str) -> str:
    """``text`` as words and clause punctuation, each non-stop word after a negation cue up to
    the clause end prefixed ``not_`` ("We never lacked funding." -> "we never not_lacked
    not_funding .")."""
    stop = english_stop_words()
    toks = tokens(text)
    ends = set(cue_ends(toks))
    out: list[str] = []
    scoped = False
    for i, t in enumerate(toks):
        if t in BOUNDARY:
            scoped = False
        elif scoped:
            t = re.sub(r"\w\w+", lambda m: m[0] if m[0] in stop else "not_" + m[0], t)
        out.append(t)
        if i in ends:
            scoped = True
    return " ".join(out)


class MarkedModel(lexical.LexicalModel):
    """A word model that reads each text with its negation scope marked (:func:`mark_negation`)."""

    def _entries(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return super()._entries([mark_negation(t) for t in texts])


@contextmanager
def valence_fits() -> Iterator[list[dict[str, Any]]]:
    """Records the arguments of every valence word model fitted inside the block."""
    calls: list[dict[str, Any]] = []
    fit = lexical.LexicalModel.fit.__func__  # type: ignore[attr-defined]

    def recording(cls: Any, texts: Any, labels: Any, **kw: Any) -> Any:
        if set(map(str, labels)) <= set(VALENCES):
            calls.append({"texts": list(texts), "labels": list(labels), **kw})
        return fit(cls, texts, labels, **kw)

    lexical.LexicalModel.fit = classmethod(recording)  # type: ignore[method-assign,assignment]
    try:
        yield calls
    finally:
        lexical.LexicalModel.fit = classmethod(fit)  # type: ignore[method-assign,assignment]


def variant_model(variant: str, call: dict[str, Any]) -> Any:
    """The valence word model of ``variant`` fitted on the recorded ``call``'s records."""
    rest = {k: v for k, v in call.items() if k not in ("texts", "labels")}
    if variant == "negation words kept":
        stop = sorted(english_stop_words() - NEGATION_WORDS)
        return lexical.LexicalModel.fit(call["texts"], call["labels"], **rest, stop_words=stop)
    marked = [mark_negation(t) for t in call["texts"]]
    m = lexical.LexicalModel.fit(marked, call["labels"], **rest)
    return MarkedModel.from_arrays(m.to_arrays(), m.state())


def fitted(packaged: Any, ts: Any) -> dict[str, Any]:
    """The pipeline trained on ``ts`` as packaged, and a copy of it per variant."""
    import copy

    with valence_fits() as calls:
        ac = refit(packaged, ts)
    (call,) = calls
    out = {VARIANTS[0]: ac}
    for v in VARIANTS[1:]:
        other = copy.copy(ac)
        other._valence_lexical = variant_model(v, call)
        out[v] = other
    return out


def read(ac: Any, d: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Per segment: gold and shown valence (the top suggestion's), and code hits top-1 / top-3."""
    texts, questions = d["text"], d["question"]
    rows = ac._suggest_rows(ac._inputs(texts, questions), 3, texts, questions)[0]
    return [
        {
            "gold": gold,
            "shown": row[0].valence,
            "top1": row[0].code_id in codes,
            "top3": bool({s.code_id for s in row[:3]} & set(codes)),
        }
        for gold, codes, row in zip(d["valence"], d["codes"], rows)
    ]


def score(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """Valence accuracy and recall per valence, code top-1 / top-3, over ``recs`` with a gold
    valence."""
    recs = [r for r in recs if r["gold"]]
    n = len(recs)
    hits = sum(r["gold"] == r["shown"] for r in recs)
    res: dict[str, Any] = {"n": n, "valence_hits": hits, "valence": round(hits / n, 4)}
    for side in VALENCES:
        gold = [r for r in recs if r["gold"] == side]
        hit = sum(r["shown"] == side for r in gold)
        res[f"{side}_recall"] = round(hit / len(gold), 3) if gold else None
    res["top1"] = round(sum(r["top1"] for r in recs) / n, 4)
    res["top3"] = round(sum(r["top3"] for r in recs) / n, 4)
    return res


def verdict(results: dict[str, dict[str, Any]]) -> tuple[str, dict[str, bool]]:
    """The better variant by interview-fold valence accuracy and the criterion's three tests."""
    folds, quotes = results["interview folds"], results["quote sets"]
    best = max(VARIANTS[1:], key=lambda v: folds[v]["valence_hits"])
    base = VARIANTS[0]
    return best, {
        "1 interview-fold valence +1.0 point or more": (
            folds[best]["valence"] - folds[base]["valence"] >= 0.01
        ),
        "2 quote-set valence falls by at most 1.0 point": (
            quotes[best]["valence"] - quotes[base]["valence"] >= -0.01
        ),
        "3 code top-1 and top-3 do not fall": (
            folds[best]["top1"] >= folds[base]["top1"]
            and folds[best]["top3"] >= folds[base]["top3"]
        ),
    }


def table(name: str, res: dict[str, Any]) -> list[str]:
    lines = [
        f"**{name}** ({res[VARIANTS[0]]['n']} coded segments with a gold valence)",
        "",
        "| variant | valence (hits) | barrier / enabler / neutral recall | code top-1 / top-3 |",
        "|---|---|---|---|",
    ]
    for v in VARIANTS:
        r = res[v]
        lines.append(
            f"| {v} | {r['valence']:.3f} ({r['valence_hits']}) | {r['barrier_recall']} / "
            f"{r['enabler_recall']} / {r['neutral_recall']} | {r['top1']:.3f} / {r['top3']:.3f} |"
        )
    return [*lines, ""]


def main() -> None:
    packaged, base, interviews, _quotes, qs = packaged_and_data()
    book = packaged.codebook
    folds: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
    per_set: dict[str, dict[str, float]] = {}
    for f, held, ts in fold_training(base, interviews, 5):
        acs = fitted(packaged, ts)
        for name in held:
            d = coded_segments(book, name)
            for v, ac in acs.items():
                recs = read(ac, d)
                folds[v] += recs
                per_set.setdefault(name, {})[v] = score(recs)["valence"]
        print(f"fold {f}: {', '.join(held)}", flush=True)
    full = fitted(packaged, base.extend(interviews))
    gold = gold_speech(book)
    results = {
        "interview folds": {v: score(folds[v]) for v in VARIANTS},
        "quote sets": {v: score(read(ac, qs)) for v, ac in full.items()},
        "gold interviews": {v: score(read(ac, gold)) for v, ac in full.items()},
    }
    best, tests = verdict(results)
    base_sets = {s: r[VARIANTS[0]] for s, r in per_set.items()}
    better_worse = {
        v: [
            sum(per_set[s][v] > base_sets[s] for s in per_set),
            sum(per_set[s][v] < base_sets[s] for s in per_set),
        ]
        for v in VARIANTS[1:]
    }
    meta = run_meta(base.hash, folds=5, negation_words=sorted(NEGATION_WORDS))
    page = (OUT / "negation_words.md").read_text("utf-8")
    head = page.split(MARKER)[0].rstrip()
    notes = page[page.index(NOTES) :].rstrip() if NOTES in page else ""
    lines = [
        head,
        "",
        MARKER,
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/negation_words.py`.",
        "",
    ]
    for name, res in results.items():
        lines += table(name, res)
    lines += [
        "Interview sets better / worse than packaged (valence accuracy per set): "
        + "; ".join(f"{v} {b} / {w}" for v, (b, w) in better_worse.items())
        + ".",
        "",
        f"Criterion (better variant by interview-fold valence: {best}):",
        "",
    ]
    lines += [f"- {k}: {'met' if ok else 'NOT met'}" for k, ok in tests.items()]
    lines += ["", f"**{'Adopted' if all(tests.values()) else 'Measured, not adopted'}.**"]
    lines += ["", notes, ""] if notes else [""]
    write_results(
        "negation_words",
        {
            "meta": meta,
            "results": results,
            "per_set_valence": per_set,
            "better_worse": better_worse,
            "best": best,
            "criterion": tests,
        },
        lines,
    )
    print("\n".join(lines[lines.index(MARKER) :]), flush=True)


if __name__ == "__main__":
    main()
