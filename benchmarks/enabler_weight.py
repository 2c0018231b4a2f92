"""Should enabler weigh less against barrier (a prior shift, like ``valence_neutral_weight``)?

Session 86 (``valence_told.py``) found the valence flip one-sided: on the 42 interview sets
held out in five grouped folds a gold barrier is read as an enabler 20.2 % of the time, an
enabler as a barrier 6.7 %, so Table 2 puts barriers on the enabler side; team-written records
did not move it. Session 34 shifted neutral's prior (``neutral_weight.py``). This measures the
same kind of shift between barrier and enabler: a weight ``w`` of :data:`GRID` multiplies the
enabler probability of each segment's valence, after everything else the pipeline does to it,
and the row is renormalised (``w`` = 1: the packaged reading). Scored, valence of the top
suggestion:

- **interview folds**: the 42 interview sets in five grouped folds (``set_folds.py``), each fold
  scored by the pipeline trained without its sets, the question as context, as packaged
  (``neutral_weight.folded_valences``);
- **quote sets**: the team-written quote sets (``benchmarks/data/quotes_s19_*``), by the packaged
  model, with their question as ``neutral_weight.py`` reads them;
- **blind testers**: gold passages given as arguments (``valence_told.read_testers``: JSON Lines
  or a JSON list of records with ``text`` and ``valence``), read alone by the packaged model, as
  session 86 read them.

The rule, written before the first run (session 88): adopt the lowest ``w`` < 1 of :data:`GRID`
that meets all of

(a) the folds' barrier -> enabler flips fall by 15 % or more against ``w`` = 1, with a two-sided
    sign test p < 0.05 on the gold barriers whose reading changed (read right at ``w`` and wrong
    at 1, against wrong at ``w`` and right at 1);
(b) the folds' valence hits (all gold valences) do not fall;
(c) the folds' enabler -> barrier flips rise by less than half the barrier -> enabler flips
    removed;
(d) the quote sets' valence accuracy does not fall, nor the testers' (their passages pooled);
(e) no more interview sets read fewer valences right than read more.

If no ``w`` meets all five, nothing is adopted. The development set is read once, after the
decision, for its aggregate valence accuracy only (``roqa evaluate``), never here.

Run: ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python benchmarks/enabler_weight.py
OUT.json [TESTER ...]`` (about ten minutes on a loaded machine; the JSON is printed and written
to OUT.json). Session 88's run: ``results/enabler_weight.json``, summed up in
``results/classifier_comparison.md`` ("Session 88"): no ``w`` met (c) or (d), nothing adopted.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS  # noqa: E402
from neutral_weight import folded_valences, summary  # noqa: E402
from set_folds import coded_segments, packaged_and_data  # noqa: E402
from valence_told import KINDS, read_testers, told, wilson  # noqa: E402

GRID = (1.0, 0.9, 0.8, 0.7, 0.6)
FOLDS = 5


class _EnablerShift:
    """Stands in for the model's decided valences (none in a model trained without a review),
    the last step of the valence reading: the enabler probability times ``w``, renormalised, as
    a parameter applied after ``valence_neutral_weight`` would (both are prior shifts, so their
    order does not matter). Every reading of the row applies it, long procedural stories re-read
    by their other sentences (``AutoCoder._story_read_by_rest``) too."""

    def __init__(self, w: float) -> None:
        self.w = w

    def apply(self, V: np.ndarray, words: Any, questions: Any, names: Any) -> np.ndarray:
        if self.w == 1.0:
            return V
        out = np.asarray(V, dtype=np.float64).copy()
        out[:, [str(n) for n in names].index("enabler")] *= self.w
        return out / out.sum(axis=1, keepdims=True)


def valences(ac: Any, texts: list[str], questions: list[Any]) -> dict[float, list[str]]:
    """The top suggestion's valence of each text with the enabler probability times each ``w``
    of :data:`GRID`, renormalised."""
    assert ac._decided_valences is None, "a model with decided valences is not measured here"
    X = ac._inputs(texts, questions)
    out = {}
    try:
        for w in GRID:
            ac._decided_valences = _EnablerShift(w)
            out[w] = [r[0].valence for r in ac._suggest_rows(X, 1, texts, questions)[0]]
    finally:
        ac._decided_valences = None
    return out


def sign_p(k: int, n: int) -> float:
    """Two-sided exact sign test of ``k`` of ``n`` changes one way."""
    if not n:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(k, n - k) + 1)) / 2**n
    return min(1.0, 2 * tail)


def flips(pred: list[str], base: list[str], gold: list[str], texts: list[str]) -> dict[str, Any]:
    """Barrier -> enabler and enabler -> barrier flips (with Wilson 95 % intervals), the gold
    barriers fixed / broken against ``base`` with their sign test, and barrier -> enabler flips by
    how the barrier is told (``valence_told.told``)."""

    def rate(g: str, p: str) -> list[Any]:
        n, k = gold.count(g), sum(a == g and b == p for a, b in zip(gold, pred))
        lo, hi = wilson(k, n)
        return [k, n, round(k / n, 3) if n else 0.0, round(lo, 3), round(hi, 3)]

    bar = [i for i, g in enumerate(gold) if g == "barrier"]
    fixed = sum(base[i] != "barrier" == pred[i] for i in bar)
    broken = sum(base[i] == "barrier" != pred[i] for i in bar)
    kinds = {
        kind: rate_of([i for i in bar if told(texts[i]) == kind], pred, "enabler") for kind in KINDS
    }
    hits = sum(a == b for a, b in zip(pred, gold))
    return {
        "hits": hits,
        "acc": round(hits / len(gold), 3) if gold else 0.0,
        "barrier->enabler": rate("barrier", "enabler"),
        "enabler->barrier": rate("enabler", "barrier"),
        "neutral->enabler": rate("neutral", "enabler"),
        "barriers fixed / broken": [fixed, broken],
        "sign p": round(sign_p(fixed, fixed + broken), 4),
        "barrier->enabler by how told": kinds,
    }


def rate_of(rows: list[int], pred: list[str], wrong: str) -> list[Any]:
    k = sum(pred[i] == wrong for i in rows)
    lo, hi = wilson(k, len(rows))
    return [k, len(rows), round(k / len(rows), 3) if rows else 0.0, round(lo, 3), round(hi, 3)]


def decide(res: dict[str, Any]) -> dict[str, Any]:
    """The rule of the module docstring, per ``w`` < 1, and the ``w`` adopted (or None)."""
    f, base = res["interview folds flips"], res["interview folds flips"]["1.0"]
    checks = {}
    for w in GRID[1:]:
        x = f[str(w)]
        removed = base["barrier->enabler"][0] - x["barrier->enabler"][0]
        better, worse = res["sets better / worse than w = 1"][str(w)]
        checks[str(w)] = {
            "a": removed >= 0.15 * base["barrier->enabler"][0] and x["sign p"] < 0.05,
            "b": x["hits"] >= base["hits"],
            "c": x["enabler->barrier"][0] - base["enabler->barrier"][0] < removed / 2,
            "d": res["quote sets"][str(w)]["acc"] >= res["quote sets"]["1.0"]["acc"]
            and res["testers pooled"][str(w)]["hits"] >= res["testers pooled"]["1.0"]["hits"],
            "e": better >= worse,
        }
    ok = [float(w) for w, c in checks.items() if all(c.values())]
    return {"checks": checks, "adopted": min(ok) if ok else None}


def main(out: str, testers: list[str]) -> None:
    packaged, base, interviews, _quotes, qs = packaged_and_data()
    book = packaged.codebook
    res: dict[str, Any] = {"grid": list(GRID), "testers": testers}
    # the quote sets and the testers' passages: the packaged model
    pq = valences(packaged, qs["text"], qs["question"])
    res["quote sets"] = {str(w): summary(pq[w], qs["valence"]) for w in GRID}
    gold = read_testers(testers)
    if gold:
        texts = [r["text"] for _, r in gold]
        gv = [r["valence"] for _, r in gold]
        pt = valences(packaged, texts, [None] * len(texts))
        res["testers pooled"] = {str(w): flips(pt[w], pt[1.0], gv, texts) for w in GRID}
        for p in testers:
            ii = [i for i, (s, _) in enumerate(gold) if s == p]
            res[f"tester {p}"] = {
                str(w): flips([pt[w][i] for i in ii], [pt[1.0][i] for i in ii],
                              [gv[i] for i in ii], [texts[i] for i in ii])
                for w in GRID
            }  # fmt: skip
    print(json.dumps({k: v for k, v in res.items() if k != "grid"}, indent=1), flush=True)
    # the interview folds: each fold's sets by the pipeline trained without them
    seen: list[tuple[list[str], dict[float, list[str]]]] = []

    def read(ac: Any, texts: list[str], questions: list[Any]) -> dict[float, list[str]]:
        p = valences(ac, texts, questions)
        seen.append((texts, p))
        print("set read", len(seen), flush=True)
        return p

    folds, better_worse = folded_valences(packaged, base, interviews, read, GRID, 1.0)
    res["interview folds"] = {str(w): s for w, s in folds.items()}
    res["sets better / worse than w = 1"] = {str(w): bw for w, bw in better_worse.items()}
    names = list(TRAINED_SETS)
    order = [n for f in range(FOLDS) for n in names[f::FOLDS]]
    texts, gv = [], []
    for name, (t, _) in zip(order, seen, strict=True):
        d = coded_segments(book, name)
        assert d["text"] == t, name
        texts += t
        gv += d["valence"]
    pf = {w: [v for _, p in seen for v in p[w]] for w in GRID}
    res["interview folds flips"] = {str(w): flips(pf[w], pf[1.0], gv, texts) for w in GRID}
    if gold:
        res["decision"] = decide(res)
    Path(out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
