"""The temperature of the shown probability for segments read with the interviewer's question.

The combined probability's temperature is fitted at training time on the seed paper's quotes
held out (lone texts). Interview segments read with their question are another kind of input:
out of sample the model is less sure of them than it is right. This fits one temperature for
them, by the same top-label log-loss (``classifier.fit_top_label_temperature``), on the
out-of-sample outputs of the interview sets (34 when it was chosen; ``set_folds.py``: five grouped folds), and checks
it nested: each fold's sets are scored at a temperature fitted on the other four folds' coded
segments with a question. ECE of the top-1 probability (10 bins, as ``roqa evaluate``) per set.
The gold example interviews (never trained on) are scored by the packaged model at both
temperatures.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/question_temperature.py`` (about six
minutes). Results: ``benchmarks/results/question_temperature.{json,md}``; the value fitted on all
five folds is the packaged ``question_temperature``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_valence import gold_speech  # noqa: E402
from scoring import run_meta, write_results  # noqa: E402
from set_folds import fold_outputs  # noqa: E402

from roqa_nlp.schema import OFF_FRAMEWORK  # noqa: E402


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.classifier import fit_top_label_temperature
    from roqa_nlp.evaluation import expected_calibration_error
    from roqa_nlp.prediction import softmax

    folds, base_hash = fold_outputs(5)
    ac = AutoCoder.load()
    w = float(ac.params["lexical_weight"])
    classes = folds.classes
    codes = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    col = {c: j for j, c in enumerate(classes)}
    logits = (1 - w) * folds.log_p + w * folds.words
    use = np.array([bool(c) for c in folds.codes]) & folds.has_question
    gold = [[col[c] for c in g] for g in folds.codes]

    def fitted(mask: np.ndarray) -> float:
        rows = np.flatnonzero(mask)
        return fit_top_label_temperature(logits[rows], [gold[i] for i in rows], codes)

    def top1(rows: np.ndarray, t: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        T = np.broadcast_to(np.asarray(t, dtype=np.float64), (len(rows),))
        P = softmax(logits[rows] / T[:, None])[:, codes]
        best = np.argmax(P, axis=1)
        hit = np.array([codes[b] in gold[i] for b, i in zip(best, rows)], dtype=float)
        return P[np.arange(len(rows)), best], hit

    per_fold = {f: fitted(use & (folds.fold != f)) for f in range(5)}
    sets = np.array(folds.set)
    table: dict[str, dict[str, float]] = {}
    for name in dict.fromkeys(folds.set):
        rows = np.flatnonzero(use & (sets == name))
        f = int(folds.fold[rows[0]])
        conf0, hit = top1(rows, folds.combined_temperature[rows])
        conf1, _ = top1(rows, per_fold[f])
        table[name] = {
            "n": len(rows),
            "accuracy": round(float(hit.mean()), 3),
            "confidence before": round(float(conf0.mean()), 3),
            "confidence after": round(float(conf1.mean()), 3),
            "ECE before": round(expected_calibration_error(conf0, hit), 3),
            "ECE after": round(expected_calibration_error(conf1, hit), 3),
        }
    before = np.array([r["ECE before"] for r in table.values()])
    after = np.array([r["ECE after"] for r in table.values()])
    all_folds = round(fitted(use), 3)

    g = gold_speech(ac.codebook)
    X = ac._inputs(g["text"], g["question"])
    gold_rows: dict[str, dict[str, float]] = {}
    for label, t in (("seed-quote temperature", 0.0), ("question temperature", all_folds)):
        ac.params["question_temperature"] = t
        rows = ac._suggest_rows(X, 1, g["text"], g["question"])[0]
        conf = np.array([r[0].probability for r in rows])
        hit = np.array([r[0].code_id in c for r, c in zip(rows, g["codes"])], dtype=float)
        gold_rows[label] = {
            "accuracy": round(float(hit.mean()), 3),
            "confidence": round(float(conf.mean()), 3),
            "ECE": round(expected_calibration_error(conf, hit), 3),
        }
    meta = run_meta(
        base_hash,
        question_temperature=all_folds,
        per_fold=[round(t, 3) for t in per_fold.values()],
        seed_quote_temperatures=sorted({round(float(t), 3) for t in folds.combined_temperature}),
    )
    lines = [
        "# A temperature for segments read with the interviewer's question",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/question_temperature.py` (method in its docstring). Coded segments with a "
        f"question: {int(use.sum())} in {len(table)} sets.",
        "",
        f"- Fitted on all five folds: T = {all_folds}; per fold (on the other four): "
        + ", ".join(f"{t:.3f}" for t in per_fold.values())
        + "; the seed-quote temperatures the fold models fitted: "
        + ", ".join(f"{t:.3f}" for t in meta["seed_quote_temperatures"])
        + ".",
        f"- ECE per set, seed-quote temperature → question temperature (nested): mean "
        f"{before.mean():.3f} → {after.mean():.3f}, lower on {(after < before).sum()} of "
        f"{len(table)} sets.",
        "- Gold example interviews (packaged model, 55 coded segments): "
        + "; ".join(
            f"{k}: accuracy {v['accuracy']}, mean confidence {v['confidence']}, ECE {v['ECE']}"
            for k, v in gold_rows.items()
        )
        + ".",
        "",
        "| set | coded segments | top-1 accuracy | mean confidence before → after | ECE before → "
        "after |",
        "|---|---|---|---|---|",
    ]
    for name, r in table.items():
        lines.append(
            f"| {name} | {r['n']} | {r['accuracy']} | {r['confidence before']} → "
            f"{r['confidence after']} | {r['ECE before']} → {r['ECE after']} |"
        )
    lines.append("")
    write_results(
        "question_temperature",
        {"meta": meta, "sets": table, "gold": gold_rows},
        lines,
    )


if __name__ == "__main__":
    main()
