"""The question temperature refitted for the probability as shown, the question model included.

``question_temperature.py`` fitted ``question_temperature`` (T = 0.499, packaged as 0.5) on the
combination of the embedding and word models alone: the question model (``question_weight``),
added in session 21, multiplies the code probabilities of a segment read with its question *after*
that temperature, and sharpens them further. This fits T the same way (top-label log-loss,
``classifier.fit_top_label_temperature``'s loss, on a log grid of 161 values in [0.3, 1.5]) on
the same out-of-sample outputs (five grouped folds of the 42 interview sets, ``set_folds.py``;
each fold's model trained as packaged without its sets), with the question model's reweighing
applied as ``roqa code`` applies it, and checks it nested (each fold at T fitted on the other
four). Coded segments with a question only; ECE of the top-1 probability (10 bins) and the top
bin (shown >= 0.9).

The fold outputs (the combined logits before the temperature and the question model's
log-probabilities) are kept in ``benchmarks/out/question_temperature_shown/`` (npz) and reused.

Run: ``OMP_NUM_THREADS=1 .venv/bin/python benchmarks/question_temperature_shown.py`` (about
twenty minutes on a busy machine for the five trainings). Results:
``benchmarks/results/question_temperature_shown.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import heldout_segments  # noqa: E402
from interview_records import base_and_interviews  # noqa: E402
from scoring import ROOT, run_meta, write_results  # noqa: E402
from set_folds import TRAINED_SETS, fold_training  # noqa: E402

KEEP = ROOT / "benchmarks" / "out" / "question_temperature_shown"
GRID = np.exp(np.linspace(np.log(0.3), np.log(1.5), 161))


def fold_files() -> tuple[list[Path], str]:
    """Train each fold's model (unless its outputs are kept) and keep its outputs."""
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.lexical import words_completed
    from roqa_nlp.schema import OFF_FRAMEWORK

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    w = float(params["lexical_weight"])
    KEEP.mkdir(parents=True, exist_ok=True)
    files = []
    for f, held, ts in fold_training(base, interviews, 5):
        out = KEEP / f"folds_{f}.npz"
        files.append(out)
        if out.exists():
            continue
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        clf, _ = ac._require_predictor()
        classes = [str(c) for c in clf.classes_]
        qm = ac._question_model
        assert qm is not None and ac._lexical is not None
        keep: dict[str, list[np.ndarray]] = {k: [] for k in ("A", "QL", "gold", "set", "hasq")}
        for name in held:
            h = heldout_segments(book, "window", TRAINED_SETS[name])
            X = ac._inputs(h.texts, h.questions)
            log_p = clf.log_probabilities(X)
            words = ac._lexical.log_probabilities(h.texts)
            A = (1 - w) * log_p + w * words_completed(words, log_p, classes, ac._lexical)
            asked = [i for i, q in enumerate(h.questions) if q]
            QL = np.full((len(h.texts), len(classes)), np.nan)
            if asked:
                lq = qm.log_probabilities(ac._question_embeddings([h.questions[i] for i in asked]))
                col = {c: j for j, c in enumerate(qm.classes_)}
                even = -np.log(len(qm.classes_))
                for j, c in enumerate(classes):
                    QL[asked, j] = lq[:, col[c]] if c in col else even
            gold = np.array([[c in codes for c in classes] for codes in h.codes], dtype=bool)
            keep["A"].append(A)
            keep["QL"].append(QL)
            keep["gold"].append(gold.reshape(len(h.texts), len(classes)))
            keep["set"].append(np.array([name] * len(h.texts)))
            keep["hasq"].append(np.array([bool(q) for q in h.questions]))
            print(f"fold {f}: {name} ({len(h.texts)} segments)", flush=True)
        np.savez(
            out,
            classes=np.array(classes),
            codes=np.array([c not in OFF_FRAMEWORK for c in classes]),
            temp=np.array(ac._lexical.temperature_),
            **{k: np.concatenate(v) for k, v in keep.items()},
        )
    return files, base.hash


def top1(d: Any, T: float, wq: float) -> tuple[np.ndarray, np.ndarray]:
    """The shown top-1 probability and whether it is a gold code, of the coded segments with a
    question of fold outputs ``d``, at temperature ``T`` and question weight ``wq``."""
    from roqa_nlp.prediction import softmax

    cols = np.flatnonzero(d["codes"])
    use = d["hasq"] & d["gold"][:, cols].any(axis=1)
    Q = softmax(d["A"][use] / T)
    if wq > 0:  # as question_model.with_question: within the codes, which keep their total
        mass = Q[:, cols].sum(axis=1, keepdims=True)
        logq = np.log(np.clip(Q[:, cols], 1e-300, None))
        Q[:, cols] = mass * softmax(logq + wq * d["QL"][use][:, cols])
    P = Q[:, cols]
    best = P.argmax(axis=1)
    rows = np.arange(len(P))
    return P[rows, best], d["gold"][use][:, cols][rows, best].astype(float)


def pooled(folds: list[Any], T: float, wq: float) -> tuple[np.ndarray, np.ndarray]:
    out = [top1(d, T, wq) for d in folds]
    return np.concatenate([p for p, _ in out]), np.concatenate([h for _, h in out])


def loss(p: np.ndarray, h: np.ndarray) -> float:
    p = np.clip(p, 1e-12, 1 - 1e-12)
    return float(-np.mean(h * np.log(p) + (1 - h) * np.log(1 - p)))


def fitted(folds: list[Any], wq: float) -> float:
    return float(GRID[int(np.argmin([loss(*pooled(folds, t, wq)) for t in GRID]))])


def summary(p: np.ndarray, h: np.ndarray) -> dict[str, float]:
    from roqa_nlp.evaluation import expected_calibration_error

    top = p >= 0.9
    return {
        "n": len(p),
        "top1_hits": int(h.sum()),
        "accuracy": round(float(h.mean()), 3),
        "shown": round(float(p.mean()), 3),
        "ece": round(float(expected_calibration_error(p, h)), 3),
        "log_loss": round(loss(p, h), 4),
        "top_n": int(top.sum()),
        "top_shown": round(float(p[top].mean()), 3),
        "top_accuracy": round(float(h[top].mean()), 3),
    }


def main() -> None:
    files, base_hash = fold_files()
    folds = [dict(np.load(f)) for f in files]
    table: dict[str, Any] = {}
    lines = [
        "# The question temperature fitted for the probability as shown",
        "",
        "Produced by `benchmarks/question_temperature_shown.py` (method in its docstring). "
        "Coded segments with a question of the 42 interview sets, each scored by its fold's "
        "model.",
        "",
        "| question model | T | top-1 hits | accuracy / mean shown | ECE-10 | top-label "
        "log-loss | shown >= 0.9: n, mean shown, accuracy |",
        "|---|---|---|---|---|---|---|",
    ]
    for wq in (0.0, 1.0):
        t_all = fitted(folds, wq)
        nested_t = [fitted([d for j, d in enumerate(folds) if j != i], wq) for i in range(5)]
        nested = [top1(d, t, wq) for d, t in zip(folds, nested_t, strict=True)]
        seed_t = [float(d["temp"]) for d in folds]
        rows = {
            "seed-quote T of each fold": (
                np.concatenate([top1(d, float(d["temp"]), wq)[0] for d in folds]),
                np.concatenate([top1(d, float(d["temp"]), wq)[1] for d in folds]),
            ),
            "0.5 (packaged before session 86)": pooled(folds, 0.5, wq),
            f"{t_all:.3f} (fitted on all folds)": pooled(folds, t_all, wq),
            "0.58 (packaged)": pooled(folds, 0.58, wq),
            "nested (" + ", ".join(f"{t:.3f}" for t in nested_t) + ")": (
                np.concatenate([p for p, _ in nested]),
                np.concatenate([h for _, h in nested]),
            ),
        }
        label = "on (w = 1)" if wq else "off"
        table[label] = {"fitted": t_all, "nested": nested_t, "seed_quote_T": seed_t}
        for name, (p, h) in rows.items():
            s = summary(p, h)
            table[label][name] = s
            lines.append(
                f"| {label} | {name} | {s['top1_hits']} of {s['n']} | {s['accuracy']:.3f} / "
                f"{s['shown']:.3f} | {s['ece']:.3f} | {s['log_loss']:.4f} | {s['top_n']}, "
                f"{s['top_shown']:.3f}, {s['top_accuracy']:.3f} |"
            )
    lines.append("")
    write_results("question_temperature_shown", {"meta": run_meta(base_hash), **table}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
