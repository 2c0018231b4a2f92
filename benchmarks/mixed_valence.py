"""Do exemplars of mixed-valence talk help the valence of real interview turns?

Coders call a turn ``neutral`` when it weighs a real positive against a real negative (or only
describes), and keep the dominant valence when the other side is a minor concession. The
exemplars were mostly written with one clear valence each. ``training_data/not_used/mixed_valence_*.jsonl``
holds team-written turns of exactly that kind (5 per construct: 3 mixed ``neutral``, 1 barrier
and 1 enabler with a minor concession). This trains the whole pipeline as packaged (same
parameters) with and without them, the seed quotes held out of both, and scores valence and
codes on every real-speech set:

- ``cv``: valence accuracy, 5-fold GroupKFold over the packaged records' source/setting (the
  embedding valence head plus its word model, as packaged); the extra records are added to every
  training fold and never scored;
- the seed quotes (held out), the gold example interviews, the three held-out interview sets
  (per segment, with the question as context as `roqa code` does), and dev (aggregate only).

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/mixed_valence.py`` (a few minutes).
Results: ``benchmarks/results/mixed_valence.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import GOLD_JSONL, read_gold  # noqa: E402
from heldout_interviews import DATA, OTHER_SETTINGS, UNSEEN_SETTINGS, heldout_segments  # noqa: E402
from scoring import (  # noqa: E402
    DEV,
    ROOT,
    picked,
    pipeline_scores,
    run_meta,
    training_with_extra,
    write_results,
)

from roqa_nlp.io import read_text  # noqa: E402

EXTRA = sorted((ROOT / "training_data" / "not_used").glob("mixed_valence_*.jsonl"))


def gold_speech(book: Any) -> dict[str, list[Any]]:
    """The gold example interviews' coded segments: text, question, gold codes, gold valence."""
    rows = {
        r["segment_id"]: r for r in (json.loads(x) for x in read_text(GOLD_JSONL).splitlines() if x)
    }
    gold = [(rows[sid], g) for sid, g in read_gold(codebook=book).items() if g.code_ids]
    return {
        "text": [r["text"] for r, _ in gold],
        "question": [r["context"] or "" for r, _ in gold],
        "codes": [list(g.code_ids) for _, g in gold],
        "valence": [g.codes[0].valence for _, g in gold],
    }


def real_speech(book: Any) -> dict[str, dict[str, list[Any]]]:
    """Each set's coded segments: text, question, gold codes, gold valence."""
    sets = {"gold": gold_speech(book)}
    for name, data in (
        ("seed setting", DATA),
        ("covered", OTHER_SETTINGS),
        ("unseen", UNSEEN_SETTINGS),
    ):
        h = heldout_segments(book, "window", data)
        keep = [i for i, c in enumerate(h.codes) if c]
        sets[name] = picked(keep, h.texts, h.codes, h.valences, h.questions)
    return sets


def score(ac: Any, s: dict[str, list[Any]]) -> list[float]:
    """valence, top-1, top-3 of the pipeline on a set (question as context as packaged; every
    set here states a valence for each record)."""
    top1, top3, _, val = pipeline_scores(ac, s)
    return [val, top1, top3]


def main() -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import AutoCoder, label_of
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.lexical import LexicalModel, combine
    from roqa_nlp.training import load_labelled

    if not EXTRA:
        raise SystemExit("no training_data/not_used/mixed_valence_*.jsonl")
    packaged, base, extra = training_with_extra(EXTRA)
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    sets = real_speech(book)
    seed = np.array([i.startswith("seed") for i in base.ids])
    quotes = picked(np.flatnonzero(seed), base.texts, base.codes, base.valences)
    dev = load_labelled(DEV, book)
    stated = [i for i, c in enumerate(dev.codes) if c and dev.valences[i]]
    dev_set = picked(stated, dev.texts, dev.codes, dev.valences)
    results: dict[str, dict[str, Any]] = {}
    keep = [i for i in range(len(base.ids)) if not seed[i]]
    for name, ts in (
        ("packaged data", base.subset(keep)),
        ("+ mixed-valence turns", base.subset(keep).extend(extra)),
    ):
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        results[name] = {"seed quotes": score(ac, quotes), "dev": score(ac, dev_set)}
        for s, data in sets.items():
            results[name][s] = score(ac, data)

    # grouped CV of valence (head + word model, as packaged) on the packaged records
    X, Xe = emb.encode(base.texts), emb.encode(extra.texts)
    y = np.array([label_of(c, k) for c, k in zip(base.codes, base.kinds)], dtype=object)
    ye = np.array([label_of(c, k) for c, k in zip(extra.codes, extra.kinds)], dtype=object)
    val, vale = np.array(base.valences), np.array(extra.valences)
    coded = np.array([bool(c) for c in base.codes])
    texts, texts_e = np.array(base.texts, dtype=object), np.array(extra.texts, dtype=object)
    w = float(params["valence_lexical_weight"])
    cv: dict[str, list[float]] = {"packaged data": [], "+ mixed-valence turns": []}
    for tr, te in GroupKFold(5).split(X, groups=base.groups):
        tr = np.array([i for i in tr if not seed[i]])
        te = np.array([i for i in te if coded[i] and not seed[i]])
        for name, add in (("packaged data", False), ("+ mixed-valence turns", True)):
            Xt = np.vstack([X[tr], Xe]) if add else X[tr]
            yt = list(y[tr]) + (list(ye) if add else [])
            vt = list(val[tr]) + (list(vale) if add else [])
            tt = list(texts[tr]) + (list(texts_e) if add else [])
            ct = list(coded[tr]) + ([True] * len(ye) if add else [])
            clf = CodeClassifier(method="logreg", C=float(params["C"]), calibrate=False)
            clf.fit(Xt, yt, valence=vt)
            words = LexicalModel.fit(
                [t for t, c in zip(tt, ct) if c], [v for v, c in zip(vt, ct) if c]
            )
            names = [str(c) for c in clf.valence_classes_]
            log_v = np.log(np.clip(clf.predict_valence_proba(X[te]), 1e-300, None))
            pred = [
                names[j]
                for j in np.argmax(combine(log_v, names, words, list(texts[te]), w), axis=1)
            ]
            cv[name].append(float(np.mean([p == t for p, t in zip(pred, val[te])])))
    for name in cv:
        results[name]["cv valence"] = round(float(np.mean(cv[name])), 3)
    meta = run_meta(base.hash, extra=[p.name for p in EXTRA], n_extra=len(extra.ids))
    print(json.dumps(results, indent=1))
    cols = ["seed quotes", "gold", "seed setting", "covered", "unseen", "dev"]
    lines = [
        "# Mixed-valence exemplars",
        "",
        f"Measured {meta['date']}; {len(extra.ids)} extra records ({', '.join(meta['extra'])}); "
        "seed quotes held out of both models. Each cell: valence accuracy / top-1 / top-3 over "
        "coded segments (dev: records stating a valence; aggregate only). Produced by "
        "`benchmarks/mixed_valence.py`.",
        "",
        "| training data | CV valence | " + " | ".join(cols) + " |",
        "|---|---|" + "---|" * len(cols),
    ]
    for name, r in results.items():
        cells = " | ".join(" / ".join(f"{x:.3f}" for x in r[c]) for c in cols)
        lines.append(f"| {name} | {r['cv valence']:.3f} | {cells} |")
    lines.append("")
    write_results("mixed_valence", {"meta": meta, "results": results}, lines)


if __name__ == "__main__":
    main()
