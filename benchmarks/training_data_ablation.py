"""Which training data generalises? Dev, held-out seed quotes and grouped CV for data subsets.

The training data grew in batches (``training_data/README.md``). For each subset this trains the
packaged model's classifier (logistic regression, C from the model's parameters) and measures

- ``dev``: construct top-1 / top-3 / domain accuracy on ``../shared/eval/cfir_dev.jsonl``
  (evaluation only: never trained or tuned on);
- ``seed``: the same on the seed paper's 22 published quotes, held out of training here (real
  quotes in the seed's setting);
- ``gold``: the same on the 55 gold-coded segments of the example interviews (whole interviews in
  the seed's setting, never trained on);
- ``cv``: 5-fold cross-validation grouped by source and setting, always scored on the same items
  (the records of the first three batches), so subsets compare on equal terms.

Batch 6 (spoken answers, ``training_data/not_used/``) was measured here and is not in the
packaged model: ``roqa train training_data`` reads only the folder's own files.

It also records C for the whole data (chosen by grouped CV) and how well a dedicated five-domain
classifier separates the domains of the dev records (a ceiling for domain accuracy with these
embeddings). Results: ``benchmarks/results/training_data_ablation.{json,md}``.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/training_data_ablation.py`` (a few
minutes; embeddings come from the cache).
"""

from __future__ import annotations

import json
import platform
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import coded_gold_segments  # noqa: E402
from scoring import DEV, OUT, ROOT, cell, hit_rates, ranked_codes  # noqa: E402

#: Written, measured here and not adopted: ``roqa train training_data`` does not read subfolders.
NOT_USED = ROOT / "training_data" / "not_used"


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import DEFAULT_PARAMS, label_of
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.training import load_labelled, load_training_set

    warnings.filterwarnings("ignore", category=UserWarning)
    book = Codebook.load("cfir-2009")
    emb = Embedder()
    packaged = load_training_set(ROOT / "training_data", book)
    spoken = load_training_set(NOT_USED, book, descriptions=False)
    ts = packaged.extend(spoken)
    X = emb.encode(ts.texts)
    y = np.array([label_of(c, k) for c, k in zip(ts.codes, ts.kinds)], dtype=object)
    ids = np.array(ts.ids)
    groups = np.array(ts.groups)
    dom = {c.id: c.domain for c in book.codable}
    dev = load_labelled(DEV, book)
    Xd = emb.encode(dev.texts)
    gold = coded_gold_segments(codebook=book)
    gold_codes = gold.codes
    Xg = emb.encode(gold.texts)
    C0 = float(DEFAULT_PARAMS["C"])

    def prefix(p: str) -> np.ndarray:
        return np.array([i.startswith(p) for i in ids])

    seed, b4, b5, b6 = prefix("seed"), prefix("ex4-"), prefix("ex5-"), prefix("ex6-")

    def score(P: np.ndarray, classes: list[str], truth: list[list[str]]) -> list[float]:
        return list(hit_rates(truth, ranked_codes(P, classes), dom))

    def fit(mask: np.ndarray, C: float) -> tuple[CodeClassifier, list[str]]:
        clf = CodeClassifier(method="logreg", C=C).fit(X[mask], list(y[mask]))
        return clf, [str(c) for c in clf.classes_]

    def cv(mask: np.ndarray, C: float, scored: np.ndarray) -> list[float]:
        idx = np.where(mask)[0]
        res = []
        for tr, te in GroupKFold(5).split(idx, groups=groups[idx]):
            tr, te = idx[tr], idx[te]
            te = te[scored[te]]
            clf, cls = fit(np.isin(np.arange(len(y)), tr), C)
            res.append(score(clf.predict_proba(X[te]), cls, [ts.codes[i] for i in te]))
        return [round(float(v), 3) for v in np.mean(res, axis=0)]

    def row(name: str, mask: np.ndarray, C: float, scored: np.ndarray) -> dict[str, Any]:
        m = mask & ~seed
        clf, cls = fit(m, C)
        r = {
            "subset": name,
            "C": C,
            "n": int(m.sum()),
            "dev": score(clf.predict_proba(Xd), cls, dev.codes),
            "seed": score(
                clf.predict_proba(X[seed]), cls, [ts.codes[i] for i in np.where(seed)[0]]
            ),
            "gold": score(clf.predict_proba(Xg), cls, gold_codes),
            "cv": cv(m, C, scored),
        }
        print(r, flush=True)
        return r

    packaged_data = ~b6
    base = ~b4 & ~b5 & ~b6
    subsets = [
        row("batches 1-3", base, C0, base),
        row("+ batch 4 (scenarios)", base | b4, C0, base),
        row("+ batch 5 (facets, word traps)", base | b5, C0, base),
        row("batches 1-5 (packaged model)", packaged_data, C0, base),
        row("batches 1-3 + batch 6 (spoken answers, not used)", base | b6, C0, base),
        row("batches 1-6", np.ones(len(y), dtype=bool), C0, base),
    ]
    c_rows = [row("batches 1-5", packaged_data, C, packaged_data) for C in (1.0, 2.0, C0)]

    coded = np.array([bool(c) for c in ts.codes]) & packaged_data
    yd = np.array([dom[ts.codes[i][0]] for i in np.where(coded)[0]])
    dev_coded = np.array([bool(g) for g in dev.codes])
    gold_dom = np.array([dom[g[0]] for g in dev.codes if g])
    domain_only = []
    for C in (0.25, 1.0, 4.0):
        m = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X[coded], yd)
        acc = float(np.mean(m.predict(Xd[dev_coded]) == gold_dom))
        domain_only.append({"C": C, "dev_domain_accuracy": round(acc, 3)})

    meta = {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "n_records": len(y),  # packaged + not used
        "n_dev_coded": int(dev_coded.sum()),
        "n_not_used": len(spoken),
        "training_data_sha256": packaged.hash,
        "not_used_sha256": spoken.hash,
    }
    OUT.mkdir(parents=True, exist_ok=True)

    # Batch 6 carries the interviewer's question (``context``): train on batches 1-6 (no seed) with
    # answer + w x question where a record has one, score the gold segments without and with theirs.
    def unit(Z: np.ndarray) -> np.ndarray:
        return np.asarray(Z / np.linalg.norm(Z, axis=1, keepdims=True))

    asked = np.array([bool(c) for c in ts.contexts])
    Q = np.zeros_like(X)
    Q[asked] = emb.encode([c for c in ts.contexts if c])
    gold_asked = np.array([bool(q) for q in gold.questions])
    Qg = np.zeros_like(Xg)
    Qg[gold_asked] = emb.encode([q for q in gold.questions if q])
    context = []
    for w in (0.0, 0.2, 0.3, 0.5):
        clf = CodeClassifier(method="logreg", C=C0, calibrate=False).fit(
            unit(X + w * Q)[~seed], list(y[~seed])
        )
        cls = [str(c) for c in clf.classes_]
        context.append(
            {
                "w": w,
                "gold_answer_only": score(clf.predict_proba(Xg), cls, gold_codes),
                "gold_with_question": score(clf.predict_proba(unit(Xg + w * Qg)), cls, gold_codes),
            }
        )
        print(context[-1], flush=True)

    data = {
        "meta": meta,
        "subsets": subsets,
        "C": c_rows,
        "domain_only": domain_only,
        "context": context,
    }
    (OUT / "training_data_ablation.json").write_text(json.dumps(data, indent=1) + "\n")

    lines = [
        "# Training data ablation",
        "",
        f"Measured {meta['date']} on {meta['machine']}; {meta['n_records']} training records "
        f"(sha256 {str(packaged.hash)[:12]}…; {meta['n_not_used']} of them from "
        f"`training_data/not_used/`, sha256 {str(spoken.hash)[:12]}…). Each cell is top-1 / top-3 / domain accuracy. dev = "
        f"`../shared/eval/cfir_dev.jsonl` ({meta['n_dev_coded']} coded records, evaluation only); "
        "seed = the seed paper's 22 quotes, held out of training; gold interviews = the 55 "
        "gold-coded segments of the example interviews (never trained on); CV = 5-fold "
        "GroupKFold over "
        "source/setting. Produced by `benchmarks/training_data_ablation.py`.",
        "",
        f"## Data subsets (logistic regression, C = {C0:g}; CV scored on the batch 1-3 items)",
        "",
        "| training data | records | dev | seed (held out) | gold interviews | CV |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['subset']} | {r['n']} | {cell(r['dev'])} | {cell(r['seed'])} | {cell(r['gold'])} "
        f"| {cell(r['cv'])} |"
        for r in subsets
    ]
    lines += [
        "",
        "## Regularisation on the packaged data (CV scored on every item; C is chosen by CV, "
        "not dev)",
        "",
        "| C | dev | seed (held out) | gold interviews | CV |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {r['C']:g} | {cell(r['dev'])} | {cell(r['seed'])} | {cell(r['gold'])} | {cell(r['cv'])} |"
        for r in c_rows
    ]
    lines += [
        "",
        "## A dedicated five-domain classifier on the dev records",
        "",
        "| C (balanced classes) | dev domain accuracy |",
        "|---|---|",
    ]
    lines += [f"| {r['C']:g} | {r['dev_domain_accuracy']:.3f} |" for r in domain_only]
    lines += [
        "",
        "## Batches 1-6 trained with batch 6's questions as context (gold interviews)",
        "",
        "| w (answer + w x question) | answer alone at coding time | with the question |",
        "|---|---|---|",
    ]
    lines += [
        f"| {r['w']:g} | {cell(r['gold_answer_only'])} | {cell(r['gold_with_question'])} |"
        for r in context
    ]
    lines += [
        "",
        "More, more varied written data raises cross-validation and the held-out seed quotes; on "
        "the dev set top-1 rises a little while top-3 falls by a few records, and domain accuracy "
        "stays near 0.44 whatever the data: even a classifier trained only to tell the five "
        "domains apart does no better there, so the limit is what the frozen sentence embedding "
        "keeps of the CFIR aspect of other studies' quotes, not the 39-way head.",
        "",
        "Batch 6 (`training_data/not_used/`, 430 records) was written as verbatim interview "
        "answers: fillers, false starts, wandering 2-5 sentence turns, each with the "
        "interviewer's question, and 40 spoken off-framework turns. Added to the packaged data it "
        "changes no held-out set by more than a few records, and not in one direction (one seed "
        "quote = 0.045, one gold segment = 0.018, one dev record = 0.021), so it is not used. "
        "Training with its questions as context (answer + w x question, w = 0.2-0.5) still lowered "
        "gold top-1 when the question was given at coding time. Real speech is not missing style "
        "from the exemplars; what the frozen embedding keeps of the CFIR aspect is the limit.",
        "",
    ]
    (OUT / "training_data_ablation.md").write_text("\n".join(lines))


if __name__ == "__main__":
    main()
