"""Leave one construct out: are the segments of a construct the model never saw flagged as novel?

Issue 3, part 3: "Validate also by leaving one construct out of training and checking its segments
get flagged". For each of six constructs spread over the five CFIR domains (IC.H Cost, OS.A
Patient Needs & Resources, IS.E.2 Available Resources, IS.C Culture, CI.A Knowledge & Beliefs,
PR.B.3 Champions):

1. the training set (``load_training_set("training_data")``, with the codebook descriptions) loses
   every record coded with that construct, its description among them, and the records of one
   fold of setting groups (``GroupKFold`` over the records' CV groups, one fold per construct, so
   no setting helps score itself); the codebook stays the same;
2. an ``AutoCoder`` with the packaged model's parameters is trained on the rest;
3. the held-out construct's own records (its exemplars and seed quotes) are scored by the novelty
   detector: the share flagged novel at alpha (p < 0.1) is the **left-out flag rate**; the other
   constructs' coded records in the held-out fold give the **false-novel rate** (calibrated to at
   most about alpha), and the fold's off-framework talk the **off-framework recall** for
   reference. ``novelty_auroc`` separates left-out records (positive) from the other coded
   records by the novelty score.

Where the left-out records go instead is recorded too (their top-1 suggestions, and how many
land in the construct's own domain), since a construct with close neighbours (Champions next to
Opinion Leaders and Engaging) is expected to be absorbed by them rather than flagged.

Results: ``benchmarks/results/novelty_loo.{json,md}``. Six trainings of 1-3 minutes each, run
one after another:

    .venv/bin/python benchmarks/leave_one_out.py
"""

from __future__ import annotations

import json
import platform
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training_data"
OUT = ROOT / "benchmarks" / "results"
CONSTRUCTS = ("IC.H", "OS.A", "IS.E.2", "IS.C", "CI.A", "PR.B.3")


def fold_of_groups(groups: list[str], n_folds: int) -> dict[str, int]:
    """Assign every CV group except the codebook descriptions to one of ``n_folds`` folds."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    idx = [i for i, g in enumerate(groups) if g != "descriptions"]
    g = [groups[i] for i in idx]
    out: dict[str, int] = {}
    for k, (_, te) in enumerate(GroupKFold(n_splits=n_folds).split(np.zeros(len(g)), groups=g)):
        for j in te:
            out[g[j]] = k
    return out


def main() -> None:
    import numpy as np
    from sklearn.metrics import roc_auc_score

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.io import atomic_write_text
    from roqa_nlp.training import load_training_set

    t_start = time.perf_counter()
    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, dict(packaged.params)
    alpha = float(params["alpha"])
    ts = load_training_set(TRAINING, book)
    X_all = emb.encode(ts.texts)
    folds = fold_of_groups(ts.groups, len(CONSTRUCTS))
    runs: list[dict[str, Any]] = []
    for k, code in enumerate(CONSTRUCTS):
        held = {g for g, f in folds.items() if f == k}
        train = [i for i in range(len(ts)) if code not in ts.codes[i] and ts.groups[i] not in held]
        left = [i for i in range(len(ts)) if code in ts.codes[i] and ts.kinds[i] != "description"]
        other = [
            i
            for i in range(len(ts))
            if ts.groups[i] in held and ts.codes[i] and code not in ts.codes[i]
        ]
        off = [i for i in range(len(ts)) if ts.groups[i] in held and ts.kinds[i] == "off-framework"]
        t0 = time.perf_counter()
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts.subset(train))
        seconds = time.perf_counter() - t0
        assert ac.novelty is not None and ac.classifier is not None
        assert code not in [str(c) for c in ac.classifier.classes_]

        def flagged(idx: list[int], det: Any = ac.novelty) -> np.ndarray:
            return np.asarray(det.p_values(X_all[idx]) < alpha)

        f_left, f_other, f_off = flagged(left), flagged(other), flagged(off)
        s = ac.novelty.score_samples(X_all[left + other])
        y = [1] * len(left) + [0] * len(other)
        top = ac.suggest([ts.texts[i] for i in left], top_k=1)
        top1 = Counter(r[0].code_id for r in top if r)
        domain = book[code].domain
        runs.append(
            {
                "construct": code,
                "name": book[code].name,
                "domain": domain,
                "held_out_groups": sorted(held),
                "n_train": len(train),
                "train_seconds": round(seconds, 1),
                "n_left_out": len(left),
                "n_left_out_multi_coded": sum(1 for i in left if len(ts.codes[i]) > 1),
                "left_out_flag_rate": round(float(f_left.mean()), 4),
                "n_other_coded": len(other),
                "false_novel_rate": round(float(f_other.mean()), 4),
                "n_off_framework": len(off),
                "off_framework_recall": round(float(f_off.mean()), 4) if off else None,
                "novelty_auroc": round(float(roc_auc_score(y, s)), 4),
                "left_out_top1": dict(top1.most_common()),
                "left_out_top1_same_domain": round(
                    sum(n for c, n in top1.items() if book[c].domain == domain) / len(left), 4
                ),
            }
        )
        print(json.dumps(runs[-1]), flush=True)

    result = {
        "benchmark": "leave one construct out of training; share of its records flagged novel",
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}, shared 2-core host",
        "training_data_sha256": ts.hash,
        "n_training_records": len(ts),
        "params": params,
        "alpha": alpha,
        "mean_left_out_flag_rate": round(
            float(np.mean([r["left_out_flag_rate"] for r in runs])), 4
        ),
        "mean_false_novel_rate": round(float(np.mean([r["false_novel_rate"] for r in runs])), 4),
        "mean_novelty_auroc": round(float(np.mean([r["novelty_auroc"] for r in runs])), 4),
        "runs": runs,
        "total_seconds": round(time.perf_counter() - t_start, 1),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(OUT / "novelty_loo.json", json.dumps(result, indent=2) + "\n")
    atomic_write_text(OUT / "novelty_loo.md", markdown(result))
    print(markdown(result))


def markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Leave one construct out: is a construct the model never saw flagged as novel?",
        "",
        f"{r['date']}, {r['machine']}. Training data `{r['training_data_sha256'][:12]}` "
        f"({r['n_training_records']} records with descriptions), packaged model parameters "
        f"(`{r['params']['method']}`, C={r['params']['C']}, score `{r['params']['novelty_score']}`), "
        f"alpha {r['alpha']}. Produced by `benchmarks/leave_one_out.py`.",
        "",
        "Each row trains a model without the construct's records (its description included) and "
        "without one fold of setting groups, then scores the construct's own records "
        "(**left-out flagged**: share with p < alpha, higher is better) and the other constructs' "
        "coded records of the held-out fold (**false-novel**: should stay near or below alpha). "
        "AUROC separates the two by the novelty score. **Off-framework recall** is the share of "
        "the fold's off-framework talk flagged, for reference. The last columns say where the "
        "left-out records went: the share whose top-1 suggestion is in the construct's own domain "
        "and the commonest top-1 codes.",
        "",
        "| left out | n | left-out flagged | false-novel (n) | AUROC | off-framework recall (n) "
        "| top-1 in same domain | commonest top-1 | train s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for x in r["runs"]:
        common = ", ".join(f"{c} {n}" for c, n in list(x["left_out_top1"].items())[:3])
        offr = "–" if x["off_framework_recall"] is None else f"{x['off_framework_recall']:.3f}"
        lines.append(
            f"| {x['construct']} {x['name']} | {x['n_left_out']} | {x['left_out_flag_rate']:.3f} "
            f"| {x['false_novel_rate']:.3f} ({x['n_other_coded']}) | {x['novelty_auroc']:.3f} "
            f"| {offr} ({x['n_off_framework']}) | {x['left_out_top1_same_domain']:.3f} | {common} "
            f"| {x['train_seconds']} |"
        )
    lines += [
        f"| **mean** | | **{r['mean_left_out_flag_rate']:.3f}** | **{r['mean_false_novel_rate']:.3f}** "
        f"| **{r['mean_novelty_auroc']:.3f}** | | | | |",
        "",
        "How to read it: the detector's p-value asks whether a segment fits the codebook as the "
        "training data show it, including the off-framework class. A left-out construct whose "
        "talk is implementation talk much like its neighbours' (cost like resources and funding, "
        "champions like opinion leaders) is suggested as one of those neighbours rather than "
        "flagged; a left-out flag rate near the false-novel rate means the detector does not, by "
        "itself, find a missing construct, and new constructs will surface through the "
        "researcher's recodes and new-code decisions instead (see `feedback.md`). Off-framework "
        "talk (small talk, career stories) is what it flags.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
