"""Is the probability a suggestion shows calibrated, now that two models are combined?

The product ranks codes by the weighted geometric mean of the embedding classifier's and the word
model's probabilities (:func:`roqa_nlp.lexical.combine`, w = 0.5). Three ways to get the number
shown, each scored on real speech it was not fitted on:

- ``before``: (session 5) the embedding classifier's temperature-scaled probabilities (T fitted
  on the seed quotes, top-label loss) combined with the words, no temperature after: the embedding
  weighs 1/T more than the measured w, and the combination is not calibrated;
- ``uncalibrated``: the uncalibrated probabilities combined, T = 1 (the ranking w was chosen for,
  ``lexical_ensemble.py``);
- ``combined T`` (adopted): the same ranking, then one temperature for the combination, fitted
  like the classifier's own on the seed paper's quotes by top-label log-loss
  (:func:`roqa_nlp.lexical.fit_combined_temperature`).

Models are fitted without the seed quotes. Seed quotes: each quote scored with temperatures fitted
on the other 21 (leave-one-quote-out); gold interviews (55 coded segments) and dev (evaluation
only, aggregate only): temperatures fitted on all 22 quotes. Each cell: top-1 / top-3 / domain,
then mean top-1 confidence, ECE (10 bins, as ``roqa evaluate``) and top-label log-loss.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/combined_calibration.py`` (about a
minute with a warm embedding cache). Results: ``benchmarks/results/combined_calibration.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import OUT, cell, hit_rates, load_study, ranked_codes, run_meta  # noqa: E402

from roqa_nlp.io import atomic_write_text  # noqa: E402

W = 0.5
METHODS = ("before", "uncalibrated", "combined T")


def calibration(conf: np.ndarray, hit: np.ndarray) -> list[float]:
    """Mean top-1 confidence, ECE (10 bins) and top-label log-loss."""
    from roqa_nlp.evaluation import expected_calibration_error

    p = np.clip(conf, 1e-12, 1 - 1e-12)
    loss = -np.mean(hit * np.log(p) + (1 - hit) * np.log(1 - p))
    return [
        round(float(conf.mean()), 3),
        round(expected_calibration_error(conf, hit), 3),
        round(float(loss), 3),
    ]


def main() -> None:
    from roqa_nlp.autocoder import DEFAULT_PARAMS
    from roqa_nlp.classifier import CodeClassifier, fit_top_label_temperature
    from roqa_nlp.lexical import LexicalModel, combine
    from roqa_nlp.prediction import OFF_FRAMEWORK, softmax

    study = load_study()
    X, y, texts, seed, dom = study.X, study.y, study.texts, study.seed, study.domain_of
    labels = list(y[~seed])
    clf = CodeClassifier(method="logreg", C=float(DEFAULT_PARAMS["C"]), calibrate=False)
    clf.fit(X[~seed], labels)
    words = LexicalModel.fit(list(texts[~seed]), labels)
    classes = [str(c) for c in clf.classes_]
    cols = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]

    def log_p(Xq: np.ndarray) -> np.ndarray:
        return np.log(np.clip(clf.predict_proba(Xq), 1e-300, None))

    seed_idx = np.flatnonzero(seed)
    seed_codes = [study.training.codes[i] for i in seed_idx]
    seed_texts = list(texts[seed])
    gold_idx = [[classes.index(c) for c in g] for g in seed_codes]
    seed_lp = log_p(X[seed])
    seed_combined = np.log(combine(seed_lp, classes, words, seed_texts, W))

    def temperatures(keep: np.ndarray) -> tuple[float, float]:
        """(embedding T, combination T) fitted on the seed quotes ``keep``."""
        g = [gold_idx[i] for i in np.flatnonzero(keep)]
        return (
            fit_top_label_temperature(seed_lp[keep], g, cols),
            fit_top_label_temperature(seed_combined[keep], g, cols),
        )

    def shown(lp: np.ndarray, tq: list[str], t_emb: float, t_comb: float) -> dict[str, np.ndarray]:
        return {
            "before": combine(np.log(softmax(lp / t_emb)), classes, words, tq, W),
            "uncalibrated": combine(lp, classes, words, tq, W),
            "combined T": combine(lp, classes, words, tq, W, t_comb),
        }

    def score(
        truth: list[list[str]], probs: Callable[[int], dict[str, np.ndarray]], n: int
    ) -> dict[str, dict[str, list[float]]]:
        rows = [probs(i) for i in range(n)]
        out = {}
        for m in METHODS:
            Q = np.vstack([r[m] for r in rows])
            ranked = ranked_codes(Q, classes)
            conf = np.array([Q[i, classes.index(r[0])] for i, r in enumerate(ranked)])
            hit = np.array([r[0] in g for r, g in zip(ranked, truth)], dtype=float)
            out[m] = {
                "accuracy": list(hit_rates(truth, ranked, dom)),
                "calibration": calibration(conf, hit),
            }
        return out

    def leave_one_out(i: int) -> dict[str, np.ndarray]:
        keep = np.ones(len(seed_idx), dtype=bool)
        keep[i] = False
        t_emb, t_comb = temperatures(keep)
        return {
            k: v[0]
            for k, v in shown(seed_lp[i : i + 1], seed_texts[i : i + 1], t_emb, t_comb).items()
        }

    t_emb, t_comb = temperatures(np.ones(len(seed_idx), dtype=bool))
    emb = study.embedder
    gold_probs = shown(log_p(emb.encode(study.gold.texts)), study.gold.texts, t_emb, t_comb)
    dev_probs = shown(log_p(emb.encode(study.dev_texts)), study.dev_texts, t_emb, t_comb)
    results = {
        "seed": score(seed_codes, leave_one_out, len(seed_idx)),
        "gold": score(
            study.gold.codes,
            lambda i: {m: gold_probs[m][i] for m in METHODS},
            len(study.gold.texts),
        ),
        "dev": score(
            study.dev_codes, lambda i: {m: dev_probs[m][i] for m in METHODS}, len(study.dev_texts)
        ),
    }
    meta = run_meta(
        study.training.hash,
        w=W,
        temperature_embedding=round(t_emb, 3),
        temperature_combined=round(t_comb, 3),
    )
    for s, r in results.items():
        print(s, r, flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / "combined_calibration.json",
        json.dumps({"meta": meta, "results": results}, indent=1) + "\n",
    )
    lines = [
        "# The shown probability of the combined suggestions",
        "",
        f"Measured {meta['date']} on {meta['machine']}; training data sha256 "
        f"{study.training.hash[:12]}…, seed quotes held out of the models; w = {W}; temperatures "
        f"fitted on the 22 seed quotes: embedding {meta['temperature_embedding']}, combination "
        f"{meta['temperature_combined']} (seed column: leave-one-quote-out). Each cell: top-1 / "
        "top-3 / domain ; mean top-1 confidence / ECE / top-label log-loss. Produced by "
        "`benchmarks/combined_calibration.py`.",
        "",
        "| shown probability | seed quotes | gold interviews | dev |",
        "|---|---|---|---|",
    ]
    for m in METHODS:
        cells = [
            f"{cell(results[s][m]['accuracy'])} ; {cell(results[s][m]['calibration'])}"
            for s in ("seed", "gold", "dev")
        ]
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    lines.append("")
    atomic_write_text(OUT / "combined_calibration.md", "\n".join(lines))


if __name__ == "__main__":
    main()
