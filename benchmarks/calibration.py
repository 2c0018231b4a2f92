"""Calibration for new settings: which held-out data, and which loss, should fit the temperature?

The packaged classifier's probabilities are calibrated by one temperature T (``softmax(log p / T)``,
Guo et al., 2017) fitted by the negative log-likelihood (NLL) of out-of-fold predictions from
5-fold GroupKFold over the training records' scenario groups (``training._group_of``). On quotes
from other studies the model is less accurate and over-confident (issue 2). This script measures
alternatives that are all decided on data other than the dev set:

- where the out-of-fold predictions come from: scenario groups (packaged), whole source files,
  whole authoring batches (leave-one-batch-out: batch 1 = the two first exemplar files, batches
  2-5 = their files), or real interview speech held out of training (the seed paper's 22 quotes);
- which loss fits T: the NLL of the gold label (Guo et al., 2017), or the log-loss of the top-1
  confidence against "the top-1 code is right" (top-label calibration; Gupta & Ramdas, 2022,
  "Top-label calibration and multiclass-to-binary reductions", ICLR), which is what ECE scores.

Every method is scored on

- (a) the seed quotes, held out of training and of the temperature (a method that fits T on the
  seed quotes is scored leave-one-quote-out: T from the other 21);
- (b) the coded segments of the gold example interviews (``examples/gold``; a method that fits T on
  them is scored leave-one-interview-out);
- (c) the dev set ``../shared/eval/cfir_dev.jsonl``, in aggregate only (one number per method;
  nothing is chosen by it).

Metrics are over coded records, as in :mod:`roqa_nlp.evaluation`: ECE of the top-1 code's
probability with 10 equal-width bins (``roqa evaluate``) and 15 bins; NLL = mean of
``-log Σ_{g ∈ gold} P(g)`` (a segment with several gold codes is right with any of them); the
top-label log-loss; mean confidence and top-1 accuracy. Temperature scaling keeps every ranking, so
top-1 / top-3 are the same for all methods. A paired bootstrap (2,000 resamples of the 77 real-speech
records) gives the 95% interval of each method's pooled ECE minus the packaged method's.

Results: ``benchmarks/results/calibration.json``; the markdown table is printed (and recorded in
``benchmarks/results/classifier_comparison.md``).

Run (about a minute; embeddings come from the cache)::

    OPENBLAS_NUM_THREADS=1 ROQA_CACHE_DIR=/tmp/rcache .venv/bin/python benchmarks/calibration.py
"""

from __future__ import annotations

import json
import platform
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from feedback import labelled  # noqa: E402
from gold_to_codings import GOLD_JSONL, read_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "cfir_dev.jsonl"
OUT = ROOT / "benchmarks" / "results"
OFF = ("NONE", "PROCEDURAL")
#: The first two exemplar files were written together (22 per construct): one authoring batch.
FIRST_BATCH = {"exemplars_ic_os_ci", "exemplars_is_pr"}


def authoring_batch(file_stem: str) -> str | None:
    """The authoring batch of a training file (``exemplars_batch4_c`` -> ``batch4``), or None for
    files that are not exemplar batches (off-framework talk, seed quotes)."""
    if file_stem in FIRST_BATCH:
        return "batch1"
    m = re.search(r"batch(\d+)", file_stem)
    return f"batch{m.group(1)}" if m else None


@dataclass
class Scored:
    """Top-1 confidence, top-1 correctness and NLL of the coded records of one set."""

    confidence: np.ndarray
    correct: np.ndarray
    nll: np.ndarray

    @classmethod
    def join(cls, parts: Sequence[Scored]) -> Scored:
        return cls(*(np.concatenate([getattr(p, f) for p in parts]) for f in cls.__annotations__))

    def metrics(self) -> dict[str, float]:
        from roqa_nlp.evaluation import expected_calibration_error

        p = np.clip(self.confidence, 1e-9, 1 - 1e-9)
        c = self.correct
        return {
            "n": len(c),
            "accuracy": round(float(c.mean()), 3),
            "confidence": round(float(self.confidence.mean()), 3),
            "ece10": round(expected_calibration_error(self.confidence, c, 10), 3),
            "ece15": round(expected_calibration_error(self.confidence, c, 15), 3),
            "nll": round(float(self.nll.mean()), 3),
            "top_label_log_loss": round(
                float(-np.mean(c * np.log(p) + (1 - c) * np.log(1 - p))), 3
            ),
        }


def scored(log_p: np.ndarray, codes: Sequence[list[str]], classes: list[str], t: float) -> Scored:
    """The coded records' top-1 confidence (codes only, as suggestions are ranked), correctness
    and NLL at temperature ``t``; records labelled NONE / PROCEDURAL are not scored (as in
    ``roqa evaluate``)."""
    from roqa_nlp.prediction import calibrated_probabilities

    rows = [i for i, c in enumerate(codes) if c and not set(c) <= set(OFF)]
    P = calibrated_probabilities(log_p[rows], t)
    cols = np.asarray([j for j, c in enumerate(classes) if c not in OFF])
    top = cols[np.argmax(P[:, cols], axis=1)]
    conf = P[np.arange(len(rows)), top]
    correct = np.asarray([classes[j] in codes[i] for j, i in zip(top, rows)], dtype=float)
    nll = np.asarray(
        [
            -np.log(max(sum(P[k, classes.index(g)] for g in codes[i] if g in classes), 1e-12))
            for k, i in enumerate(rows)
        ]
    )
    return Scored(conf, correct, nll)


def top_label_temperature(
    log_p: np.ndarray, codes: Sequence[list[str]], classes: list[str]
) -> float:
    """T minimising the log-loss of the top-1 confidence against its correctness (coded records),
    as :class:`~roqa_nlp.classifier.CodeClassifier` fits it on its ``calibration_group``."""
    from roqa_nlp.classifier import fit_top_label_temperature

    rows = [i for i, c in enumerate(codes) if c and not set(c) <= set(OFF)]
    gold = [[classes.index(g) for g in codes[i] if g in classes] for i in rows]
    cols = [j for j, c in enumerate(classes) if c not in OFF]
    return fit_top_label_temperature(log_p[rows], gold, cols)


def nll_temperature(log_p: np.ndarray, codes: Sequence[list[str]], classes: list[str]) -> float:
    """T minimising the NLL, one row per (record, gold label) as the classifier fits it."""
    from roqa_nlp.classifier import fit_temperature

    rows = [(i, classes.index(g)) for i, c in enumerate(codes) for g in c if g in classes]
    return fit_temperature(log_p[[r for r, _ in rows]], np.asarray([k for _, k in rows]))


FITS: dict[str, Callable[[np.ndarray, Sequence[list[str]], list[str]], float]] = {
    "NLL": nll_temperature,
    "top-label": top_label_temperature,
}


def main() -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import label_of
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.io import read_jsonl
    from roqa_nlp.result import CodingResult
    from roqa_nlp.training import load_labelled, load_training_set, training_files

    book = Codebook.load("cfir-2009")
    emb = Embedder()
    ts = load_training_set(ROOT / "training_data", book)
    X = emb.encode(ts.texts).astype(np.float64)
    y = [label_of(c, k) for c, k in zip(ts.codes, ts.kinds)]
    # The gold label of each record as the classifier sees it (NONE / PROCEDURAL included).
    targets = [[t] if isinstance(t, str) else list(t) for t in y]
    file_of = {
        str(r.get("id")): f.stem
        for f in training_files(ROOT / "training_data")
        for r in read_jsonl(f)
    }
    stems = [file_of.get(i, "") for i in ts.ids]
    # Records outside the exemplar batches keep their own groups (off-framework talk is spread
    # over ten groups so that every fold still sees it), as in training._group_of.
    groupings = {
        "scenario groups (packaged)": list(ts.groups),
        "source files": [s if authoring_batch(s) else g for s, g in zip(stems, ts.groups)],
        "authoring batches (leave-one-batch-out)": [
            authoring_batch(s) or g for s, g in zip(stems, ts.groups)
        ],
    }
    seed = np.asarray([g == "seed-paper" for g in ts.groups])
    dev = load_labelled(DEV, book) if DEV.exists() else None
    Xd = emb.encode(dev.texts).astype(np.float64) if dev is not None else None
    run = CodingResult.read(GOLD_JSONL)
    interviews = sorted({s.segment.transcript_id for s in run.segments})
    gold = labelled(read_gold(), run, interviews, procedural=True)
    Xg = emb.encode(gold.texts).astype(np.float64)
    gold_interview = np.asarray([s.split(":")[0] for s in gold.ids])

    def model(mask: np.ndarray) -> tuple[CodeClassifier, list[str]]:
        idx = np.flatnonzero(mask)
        clf = CodeClassifier(calibrate=False).fit(X[idx], [y[i] for i in idx])
        return clf, [str(c) for c in clf.classes_]

    def log_p(clf: CodeClassifier, classes: list[str], Xq: np.ndarray) -> np.ndarray:
        out = np.full((len(Xq), len(classes)), np.log(1e-12))
        cols = [classes.index(str(c)) for c in clf.classes_]
        out[:, cols] = np.log(np.clip(clf.predict_proba(Xq), 1e-12, None))
        return out

    def out_of_fold(mask: np.ndarray, groups: list[str]) -> tuple[np.ndarray, list[list[str]]]:
        """Out-of-fold log-probabilities of the records in ``mask`` (5-fold GroupKFold), as the
        classifier's calibration computes them; labels a fold never saw are left out."""
        idx = np.flatnonzero(mask)
        _, classes = model(mask)
        L = np.zeros((len(X), len(classes)))
        codes: list[list[str]] = [[] for _ in range(len(X))]
        for tr, te in GroupKFold(n_splits=5).split(idx, groups=[groups[i] for i in idx]):
            clf, seen = model(np.isin(np.arange(len(X)), idx[tr]))
            L[idx[te]] = log_p(clf, classes, X[idx[te]])
            for i in idx[te]:
                codes[i] = [c for c in targets[i] if c in seen]
        return L[idx], [codes[i] for i in idx]

    full, classes = model(np.ones(len(X), dtype=bool))
    no_seed, classes_ns = model(~seed)
    assert classes == classes_ns
    seed_codes = [ts.codes[i] for i in np.flatnonzero(seed)]
    L_seed = log_p(no_seed, classes, X[seed])
    L_gold = log_p(full, classes, Xg)
    L_dev = log_p(full, classes, Xd) if Xd is not None else None

    rows: list[dict[str, Any]] = []

    def record(
        name: str, t_gold: float, seed_s: Scored, gold_s: Scored, t_seed: float | str
    ) -> None:
        r: dict[str, Any] = {
            "method": name,
            "temperature": round(t_gold, 3),
            "temperature_without_seed": t_seed if isinstance(t_seed, str) else round(t_seed, 3),
            "seed": seed_s.metrics(),
            "gold": gold_s.metrics(),
            "real_speech": Scored.join([seed_s, gold_s]).metrics(),
            "_real": Scored.join([seed_s, gold_s]),
        }
        if dev is not None and L_dev is not None:
            r["dev"] = scored(L_dev, dev.codes, classes, t_gold).metrics()
        rows.append(r)
        print(json.dumps({k: v for k, v in r.items() if k != "_real"}), flush=True)

    record(
        "none (T = 1)",
        1.0,
        scored(L_seed, seed_codes, classes, 1.0),
        scored(L_gold, gold.codes, classes, 1.0),
        1.0,
    )
    held_out_batches: dict[str, float] = {}
    for grouping, groups in groupings.items():
        L_all, c_all = out_of_fold(np.ones(len(X), dtype=bool), groups)
        L_ns, c_ns = out_of_fold(~seed, groups)
        if grouping.startswith("authoring"):
            for b in sorted({authoring_batch(s) for s in stems} - {None}):
                m = np.asarray([authoring_batch(s) == b for s in stems])
                held_out_batches[str(b)] = round(
                    nll_temperature(L_all[m], [c_all[i] for i in np.flatnonzero(m)], classes), 3
                )
        for loss, fit in FITS.items():
            t_all = fit(L_all, c_all, classes)
            t_ns = fit(L_ns, c_ns, classes)
            record(
                f"{grouping}, {loss}",
                t_all,
                scored(L_seed, seed_codes, classes, t_ns),
                scored(L_gold, gold.codes, classes, t_all),
                t_ns,
            )
    held_out_batches["seed quotes"] = round(nll_temperature(L_seed, seed_codes, classes), 3)
    held_out_batches["gold interviews"] = round(nll_temperature(L_gold, gold.codes, classes), 3)

    # Real interview speech as calibration data: the seed quotes held out of training (the model
    # without them), scored on them leave-one-quote-out; the gold interviews, scored on them
    # leave-one-interview-out (not deployable: they are not training data).
    n_seed = len(seed_codes)
    for loss, fit in FITS.items():
        loo = [
            scored(
                L_seed[[k]],
                [seed_codes[k]],
                classes,
                fit(
                    np.delete(L_seed, k, 0),
                    [c for j, c in enumerate(seed_codes) if j != k],
                    classes,
                ),
            )
            for k in range(n_seed)
        ]
        t = fit(L_seed, seed_codes, classes)
        record(
            f"seed quotes held out, {loss}",
            t,
            Scored.join(loo),
            scored(L_gold, gold.codes, classes, t),
            "leave-one-quote-out",
        )
        parts = []
        for itv in interviews:
            m = gold_interview == itv
            rest = np.flatnonzero(~m)
            t_i = fit(L_gold[rest], [gold.codes[i] for i in rest], classes)
            parts.append(
                scored(L_gold[m], [gold.codes[i] for i in np.flatnonzero(m)], classes, t_i)
            )
        t = fit(L_gold, gold.codes, classes)
        record(
            f"gold interviews (not deployable), {loss}",
            t,
            scored(L_seed, seed_codes, classes, t),
            Scored.join(parts),
            "leave-one-interview-out",
        )

    # Paired bootstrap of pooled real-speech ECE (10 bins) against the packaged method.
    from roqa_nlp.evaluation import expected_calibration_error

    ref = next(r for r in rows if r["method"].startswith("scenario groups (packaged), NLL"))[
        "_real"
    ]
    rng = np.random.default_rng(0)
    draws = [rng.integers(0, len(ref.correct), len(ref.correct)) for _ in range(2000)]
    for r in rows:
        s = r.pop("_real")
        diffs = [
            expected_calibration_error(s.confidence[d], s.correct[d])
            - expected_calibration_error(ref.confidence[d], ref.correct[d])
            for d in draws
        ]
        r["real_speech_ece10_minus_packaged_95ci"] = [
            round(float(v), 3) for v in np.percentile(diffs, [2.5, 97.5])
        ]

    meta = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "training_records": len(ts),
        "training_sha256": ts.hash,
        # The classifier's own calibration: as grouped NLL before, as the seed group now.
        "classifier_temperature_grouped": round(
            float(CodeClassifier(calibration_group=None).fit(X, y, groups=ts.groups).temperature_),
            4,
        ),
        "classifier_temperature_calibration_group": round(
            float(CodeClassifier().fit(X, y, groups=ts.groups).temperature_), 4
        ),
        "n_seed": n_seed,
        "n_gold_coded": sum(1 for c in gold.codes if c),
        "n_dev_coded": sum(1 for c in dev.codes if c) if dev is not None else 0,
        "nll_temperature_of_each_held_out_set": held_out_batches,
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "calibration.json").write_text(
        json.dumps({"meta": meta, "methods": rows}, indent=1) + "\n"
    )
    print(json.dumps(meta, indent=1))

    def cell(m: dict[str, float]) -> str:
        return f"{m['ece10']:.3f} / {m['ece15']:.3f} / {m['nll']:.2f} / {m['confidence']:.2f}"

    print(
        "| calibrated on, loss | T | seed (a) | gold (b) | real speech (a+b) | Δ ECE (a+b), 95% CI | dev (c) |"
    )
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        ci = r["real_speech_ece10_minus_packaged_95ci"]
        print(
            f"| {r['method']} | {r['temperature']:.3f} | {cell(r['seed'])} | {cell(r['gold'])} | "
            f"{cell(r['real_speech'])} | {ci[0]:+.3f} … {ci[1]:+.3f} | "
            f"{cell(r['dev']) if 'dev' in r else '—'} |"
        )


if __name__ == "__main__":
    main()
