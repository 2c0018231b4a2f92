"""Compare classifier methods by measurement and record the table.

For each method (prototype similarity, logistic regression, hybrid) this measures

- grouped cross-validation on the training data (folds = sources/settings, so a setting never
  helps classify itself), and
- the dev set ``../shared/eval/cfir_dev.jsonl`` (evaluation only: never trained or tuned on),

plus the learning curve of dev top-3 against the number of written exemplars per construct, and
the effect of adding the interviewer's question as context is recorded by ``benchmarks/question_context.py``
where measured. Results go to ``benchmarks/results/classifier_comparison.{json,md}``.

Run: ``.venv/bin/python benchmarks/compare_classifiers.py``
"""

from __future__ import annotations

import json
import platform
import random
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "cfir_dev.jsonl"
OUT = ROOT / "benchmarks" / "results"
#: Everything from this line on in classifier_comparison.md is hand-written and kept on a re-run.
NOTES_MARKER = "<!-- measured notes: everything below is kept when compare_classifiers.py rewrites the tables above -->"


def main() -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import label_of
    from roqa_nlp.classifier import NONE, CodeClassifier
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.evaluation import construct_metrics
    from roqa_nlp.novelty import NoveltyDetector
    from roqa_nlp.training import load_labelled, load_training_set

    book = Codebook.load("cfir-2009")
    emb = Embedder()
    ts = load_training_set(ROOT / "training_data", book)
    X = emb.encode(ts.texts)
    y = [label_of(c, k) for c, k in zip(ts.codes, ts.kinds)]
    groups = np.asarray(ts.groups)
    domain_of = {c.id: c.domain for c in book.codable}
    dev = load_labelled(DEV, book) if DEV.exists() else None
    Xd = emb.encode(dev.texts) if dev is not None else None

    def ranked_of(
        clf: CodeClassifier, Xq: np.ndarray
    ) -> tuple[list[list[str]], list[float], list[float]]:
        P = clf.predict_proba(Xq)
        cls = [str(c) for c in clf.classes_]
        code_cols = [j for j, c in enumerate(cls) if c not in (NONE, "PROCEDURAL")]
        off = [j for j, c in enumerate(cls) if c in (NONE, "PROCEDURAL")]
        ranked = [[cls[j] for j in sorted(code_cols, key=lambda j: -row[j])] for row in P]
        top = [float(row[code_cols].max()) for row in P]
        none = [float(row[off].sum()) for row in P]
        return ranked, top, none

    methods = {
        "prototype": dict(method="prototype"),
        "logreg C=1": dict(method="logreg", C=1.0),
        "logreg C=4": dict(method="logreg", C=4.0),
        "logreg C=2": dict(method="logreg", C=2.0),
        "hybrid C=2": dict(method="hybrid", C=2.0),
    }
    rows = []
    for name, params in methods.items():
        t0 = time.perf_counter()
        # grouped CV on training data (coded records only scored)
        gold_cv: list[list[str]] = []
        ranked_cv: list[list[str]] = []
        top_cv: list[float] = []
        gkf = GroupKFold(n_splits=5)
        for tr, te in gkf.split(X, groups=groups):
            clf = CodeClassifier(**params, calibrate=False).fit(X[tr], [y[i] for i in tr])
            r, tp, _ = ranked_of(clf, X[te])
            for j, i in enumerate(te):
                if ts.codes[i] and ts.kinds[i] != "description":
                    gold_cv.append(ts.codes[i])
                    ranked_cv.append(r[j])
                    top_cv.append(tp[j])
        cv = construct_metrics(gold_cv, ranked_cv, top_cv, domain_of=domain_of)
        row = {
            "method": name,
            "cv_top1": cv["construct_top1"],
            "cv_top3": cv["construct_top3"],
            "cv_domain": cv["domain_accuracy"],
        }
        if dev is not None and Xd is not None:
            clf = CodeClassifier(**params).fit(X, y, valence=ts.valences, groups=ts.groups)
            r, tp, none = ranked_of(clf, Xd)
            vp = clf.predict_valence_proba(Xd)
            pv = [str(clf.valence_classes_[int(np.argmax(v))]) for v in vp]
            m = construct_metrics(
                dev.codes,
                r,
                tp,
                domain_of=domain_of,
                gold_valence=dev.valences,
                pred_valence=pv,
                novelty_score=none,
            )
            row.update(
                {
                    f"dev_{k}": m[k]
                    for k in (
                        "construct_top1",
                        "construct_top3",
                        "domain_accuracy",
                        "construct_kappa",
                        "construct_macro_f1",
                        "valence_accuracy",
                        "ece",
                        "novelty_auroc",
                    )
                }
            )
        row["seconds"] = round(time.perf_counter() - t0, 1)
        rows.append(row)
        print(json.dumps(row), flush=True)

    # learning curve: written exemplars per construct (descriptions and seed quotes always kept)
    curve = []
    if dev is not None and Xd is not None:
        written = [i for i in range(len(ts)) if ts.sources[i] == "team-written" and ts.codes[i]]
        other = [i for i in range(len(ts)) if i not in set(written)]
        by_code: dict[str, list[int]] = {}
        for i in written:
            by_code.setdefault(ts.codes[i][0], []).append(i)
        for n in (0, 1, 3, 5, 10, 20, 30, 40, 50):
            scores = []
            for seed in range(3):
                rng = random.Random(seed)
                keep = list(other)
                for idx in by_code.values():
                    keep += rng.sample(idx, min(n, len(idx)))
                keep.sort()
                clf = CodeClassifier("logreg", C=4.0, calibrate=False).fit(
                    X[keep], [y[i] for i in keep]
                )
                r, tp, _ = ranked_of(clf, Xd)
                m = construct_metrics(dev.codes, r, tp, domain_of=domain_of)
                scores.append((m["construct_top1"], m["construct_top3"]))
            curve.append(
                {
                    "exemplars_per_construct": n,
                    "dev_top1": float(np.mean([s[0] for s in scores])),
                    "dev_top3": float(np.mean([s[1] for s in scores])),
                }
            )
            print(json.dumps(curve[-1]), flush=True)

    # novelty scores compared (conformal calibration on grouped folds of training data)
    novelty = []
    if dev is not None and Xd is not None:
        for score in ("none", "max_prob", "knn"):
            det = NoveltyDetector(CodeClassifier("logreg", C=4.0), score=score, alpha=0.1)
            det.fit(
                X, y, groups=ts.groups, fit_kwargs={"valence": ts.valences, "groups": ts.groups}
            )
            s = det.score_samples(Xd)
            flag = det.is_novel(Xd)
            m = construct_metrics(
                dev.codes,
                [["x"]] * len(dev),
                [0.0] * len(dev),
                domain_of=domain_of,
                novelty_score=list(s),
                novel_flag=list(flag),
            )
            novelty.append(
                {
                    "score": score,
                    "dev_novelty_auroc": m["novelty_auroc"],
                    "dev_novel_recall": m["novel_recall"],
                    "dev_false_novel_rate": m["false_novel_rate"],
                }
            )
            print(json.dumps(novelty[-1]), flush=True)

    OUT.mkdir(parents=True, exist_ok=True)
    record = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} {platform.processor() or ''} python {sys.version.split()[0]}",
        "training_records": len(ts),
        "training_sha256": ts.hash,
        "methods": rows,
        "exemplar_curve": curve,
        "novelty_scores": novelty,
    }
    (OUT / "classifier_comparison.json").write_text(json.dumps(record, indent=2) + "\n")
    lines = [
        "# Classifier comparison",
        "",
        f"Measured {record['date']} on {record['machine']}; {len(ts)} training records "
        f"(data sha256 {ts.hash[:12]}…). CV = 5-fold GroupKFold over sources/settings of the "
        "training data; dev = `../shared/eval/cfir_dev.jsonl` (evaluation only).",
        "",
        "| method | CV top-1 | CV top-3 | CV domain | dev top-1 | dev top-3 | dev domain | dev kappa | dev macro-F1 | dev valence | dev ECE | dev NONE AUROC (P(NONE)) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    f = lambda v: "—" if v is None else f"{v:.3f}"  # noqa: E731
    for r in rows:
        lines.append(
            f"| {r['method']} | {f(r['cv_top1'])} | {f(r['cv_top3'])} | {f(r['cv_domain'])} | "
            f"{f(r.get('dev_construct_top1'))} | {f(r.get('dev_construct_top3'))} | "
            f"{f(r.get('dev_domain_accuracy'))} | {f(r.get('dev_construct_kappa'))} | "
            f"{f(r.get('dev_construct_macro_f1'))} | {f(r.get('dev_valence_accuracy'))} | "
            f"{f(r.get('dev_ece'))} | {f(r.get('dev_novelty_auroc'))} |"
        )
    if curve:
        lines += [
            "",
            "## Written exemplars per construct → dev accuracy (logreg C=4, mean of 3 draws)",
            "",
            "| exemplars | dev top-1 | dev top-3 |",
            "|---|---|---|",
        ]
        lines += [
            f"| {c['exemplars_per_construct']} | {f(c['dev_top1'])} | {f(c['dev_top3'])} |"
            for c in curve
        ]
    if novelty:
        lines += [
            "",
            "## Novelty scores (cross-conformal, alpha = 0.1)",
            "",
            "| score | dev AUROC | novel recall | false novel rate |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {n['score']} | {f(n['dev_novelty_auroc'])} | {f(n['dev_novel_recall'])} | "
            f"{f(n['dev_false_novel_rate'])} |"
            for n in novelty
        ]
    from roqa_nlp.io import atomic_write_text

    md = OUT / "classifier_comparison.md"
    kept = ""
    if md.exists():  # the measured notes written under the tables since
        old = md.read_text("utf-8")
        if NOTES_MARKER in old:
            kept = "\n" + old[old.index(NOTES_MARKER) :]
    atomic_write_text(md, "\n".join(lines) + "\n" + kept)


if __name__ == "__main__":
    main()
