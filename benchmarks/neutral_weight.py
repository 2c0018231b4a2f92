"""How much neutral should weigh against barrier and enabler (``valence_neutral_weight``)?

The team's interview sets, the training data, call a third of coded talk neutral; blind testers
coding their own new interviews for a barriers/enablers table called 6-7 % neutral, the quote
sets 6 %, the seed paper's quotes 3 of 22. A weight ``f`` multiplies the neutral probability
after the codes' valence mix and renormalises (a prior shift; barrier against enabler never
changes). Scored, valence accuracy of the top suggestion, at each ``f`` of :data:`GRID`:

- **interview folds**: the 42 interview sets in five grouped folds (``set_folds.py``), each fold
  scored by the pipeline trained without its sets, answer and question as ``roqa code`` reads them;
- **quote sets**: the team-written quote sets, by the packaged model;
- **blind testers' interviews** (optional arguments): JSON Lines files of coded answers with
  ``text``, ``construct``, ``valence`` and ``context`` (the question), written and keyed by a
  tester before any model run; scored by the packaged model with and without the question.

The rule, set before the run (session 34): the largest shift (lowest ``f``) whose testers'
accuracy does not fall, whose quote-set accuracy rises and whose interview folds fall by at most
0.02. Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/neutral_weight.py
[TESTER.jsonl ...]`` (about ten minutes; results printed as JSON and written to
``/tmp/neutral_weight.json``; session 34's run, with two blind testers' files, is kept as
``results/neutral_weight.json`` and summed up in ``results/classifier_comparison.md``).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from set_folds import coded_segments, fold_training, packaged_and_data, refit  # noqa: E402

GRID = (1.0, 0.8, 0.65, 0.5)


def valences(ac: Any, texts: list[str], questions: list[Any]) -> dict[float, list[str]]:
    """The top suggestion's valence of each text at each weight of :data:`GRID`."""
    X = ac._inputs(texts, questions)
    out = {}
    for f in GRID:
        ac.params["valence_neutral_weight"] = f
        out[f] = [r[0].valence for r in ac._suggest_rows(X, 1, texts, questions)[0]]
    return out


def summary(pred: list[str], gold: list[str]) -> dict[str, Any]:
    """Accuracy, hits / gold per valence, and how often each valence was predicted."""
    vs = ("barrier", "enabler", "neutral")
    return {
        "acc": round(sum(p == g for p, g in zip(pred, gold)) / len(gold), 3),
        "n": len(gold),
        "recall": {v: [sum(p == g == v for p, g in zip(pred, gold)), gold.count(v)] for v in vs},
        "predicted": dict(Counter(pred)),
        # gold -> predicted: barrier -> enabler and enabler -> barrier put talk on the wrong side
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(Counter(zip(gold, pred)).items())},
    }


def folded_valences(
    packaged: Any, base: Any, interviews: Any, read: Any, keys: Any, baseline: Any
) -> tuple[dict[Any, Any], dict[Any, list[int]]]:
    """Valence read by ``read`` (``(ac, texts, questions) -> {key: valences}``) on the team's
    interview sets in 5 grouped folds, each by a model refitted without its sets: the summary
    per key, and per key how many sets it reads better / worse than ``baseline``'s key."""
    book = packaged.codebook
    pred_all: dict[Any, list[str]] = {k: [] for k in keys}
    gold_all: list[str] = []
    per_set: dict[Any, dict[str, int]] = {k: {} for k in keys}
    for _, held, ts in fold_training(base, interviews, 5):
        ac = refit(packaged, ts)
        for name in held:
            d = coded_segments(book, name)
            p = read(ac, d["text"], d["question"])
            gold_all += d["valence"]
            for k in keys:
                pred_all[k] += p[k]
                per_set[k][name] = sum(a == b for a, b in zip(p[k], d["valence"]))
    better_worse = {
        k: [
            sum(per_set[k][s] > per_set[baseline][s] for s in per_set[k]),
            sum(per_set[k][s] < per_set[baseline][s] for s in per_set[k]),
        ]
        for k in keys
    }
    return {k: summary(pred_all[k], gold_all) for k in keys}, better_worse


def main(testers: list[str]) -> None:
    packaged, base, interviews, _quotes, qs = packaged_and_data()
    res: dict[str, Any] = {}
    for path in testers:
        recs = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]
        recs = [r for r in recs if r.get("construct") not in (None, "NONE") and r.get("valence")]
        texts, gold = [r["text"] for r in recs], [r["valence"] for r in recs]
        for name, qs_ in (
            ("alone", [None] * len(recs)),
            ("question", [r.get("context") for r in recs]),
        ):
            pred = valences(packaged, texts, qs_)
            res[f"{Path(path).parent.name} {name}"] = {f: summary(pred[f], gold) for f in GRID}
    pq = valences(packaged, qs["text"], qs["question"])
    res["quote sets"] = {f: summary(pq[f], qs["valence"]) for f in GRID}
    folds, better_worse = folded_valences(packaged, base, interviews, valences, GRID, 1.0)
    res["interview folds"] = folds
    res["sets better / worse than f = 1"] = better_worse
    Path("/tmp/neutral_weight.json").write_text(json.dumps(res, indent=1), "utf-8")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
