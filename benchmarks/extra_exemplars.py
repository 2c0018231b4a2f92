"""Would a batch of extra exemplars help? Train the whole pipeline as packaged with and without
the files ``training_data/not_used/<pattern>`` and score both on every set.

- ``cv``: construct top-1 / top-3 / domain of the embedding classifier and word model combined
  as packaged (``lexical_weight``), 5-fold GroupKFold over the packaged records' source/setting;
  the extra records join every training fold and are never scored;
- the seed quotes (held out of both models), the gold example interviews and the five held-out
  interview sets (per segment, question as context, as ``roqa code`` codes them): top-1 /
  top-3 / domain / valence;
- dev: the same, aggregate only (evaluation only: never a reason to keep or drop a batch).

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/extra_exemplars.py 'mixed_valence_*.jsonl'``
(about 5 minutes; `--no-dev` leaves the development set out). Results: ``benchmarks/results/extra_exemplars_<name>.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import PROVIDER_VOICES, SEED_GUIDE, heldout_segments  # noqa: E402
from mixed_valence import real_speech  # noqa: E402
from scoring import (  # noqa: E402
    DEV,
    ROOT,
    picked,
    run_meta,
    training_with_extra,
    write_results,
)
from scoring import pipeline_scores as score  # noqa: E402

NOT_USED = ROOT / "training_data" / "not_used"


def main(pattern: str, use_dev: bool = True) -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import AutoCoder, label_of
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.lexical import LexicalModel, combine
    from roqa_nlp.prediction import OFF_FRAMEWORK
    from roqa_nlp.training import load_labelled

    files = sorted(NOT_USED.glob(pattern))
    if not files:
        raise SystemExit(f"no training_data/not_used/{pattern}")
    packaged, base, extra = training_with_extra(files)
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    sets = real_speech(book)
    for name, data in (("seed guide", SEED_GUIDE), ("provider voices", PROVIDER_VOICES)):
        h = heldout_segments(book, "window", data)
        coded_turns = [i for i, c in enumerate(h.codes) if c]
        sets[name] = picked(coded_turns, h.texts, h.codes, h.valences, h.questions)
    seed = np.array([i.startswith("seed") for i in base.ids])
    sets["seed quotes"] = picked(np.flatnonzero(seed), base.texts, base.codes, base.valences)
    if use_dev:
        dev = load_labelled(DEV, book)
        coded = [i for i, c in enumerate(dev.codes) if c]
        sets["dev"] = picked(coded, dev.texts, dev.codes, [v or "" for v in dev.valences])
    names = ("packaged data", f"+ {pattern}")
    results: dict[str, dict[str, Any]] = {}
    without_seed = base.subset([i for i in range(len(base.ids)) if not seed[i]])
    for name, ts in zip(names, (without_seed, without_seed.extend(extra))):
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        results[name] = {s: score(ac, data) for s, data in sets.items()}

    X, Xe = emb.encode(base.texts), emb.encode(extra.texts)
    y = np.array([label_of(c, k) for c, k in zip(base.codes, base.kinds)], dtype=object)
    ye = np.array([label_of(c, k) for c, k in zip(extra.codes, extra.kinds)], dtype=object)
    texts, texts_e = list(base.texts), list(extra.texts)
    dom = {c.id: c.domain for c in book.codable}
    w = float(params["lexical_weight"])
    hits: dict[str, list[tuple[bool, bool, bool]]] = {n: [] for n in names}
    for tr, te in GroupKFold(5).split(X, groups=base.groups):
        tr = np.array([i for i in tr if not seed[i]])
        te = np.array([i for i in te if base.codes[i] and not seed[i]])
        for name, add in zip(names, (False, True)):
            Xt = np.vstack([X[tr], Xe]) if add else X[tr]
            yt = list(y[tr]) + (list(ye) if add else [])
            tt = [texts[i] for i in tr] + (texts_e if add else [])
            clf = CodeClassifier(method="logreg", C=float(params["C"]), calibrate=False)
            clf.fit(Xt, yt)
            classes = [str(c) for c in clf.classes_]
            words = LexicalModel.fit(tt, yt)
            log_p = np.log(np.clip(clf.predict_proba(X[te]), 1e-300, None))
            Q = combine(log_p, classes, words, [texts[i] for i in te], w)
            cols = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
            for row, i in zip(Q, te):
                ranked = [classes[j] for j in sorted(cols, key=lambda j: -row[j])]
                gold = base.codes[i]
                hits[name].append(
                    (
                        ranked[0] in gold,
                        bool(set(ranked[:3]) & set(gold)),
                        dom[ranked[0]] in {dom[g] for g in gold},
                    )
                )
    for name in names:
        results[name]["cv"] = [round(float(x), 3) for x in np.mean(hits[name], axis=0)] + [None]
    stem = pattern.replace("*", "").replace(".jsonl", "").strip("_")
    meta = run_meta(base.hash, extra=[p.name for p in files], n_extra=len(extra.ids))
    print(json.dumps(results, indent=1))
    cols = ["cv", "seed quotes", "gold", "seed setting", "covered", "unseen", "seed guide"]
    cols += ["provider voices"] + (["dev"] if use_dev else [])

    def fmt(v: list[float | None]) -> str:
        return " / ".join("-" if x is None else f"{x:.3f}" for x in v)

    lines = [
        f"# Extra exemplars: {pattern}",
        "",
        f"Measured {meta['date']} on {meta['machine']}; the whole pipeline trained as packaged, "
        f"without the seed quotes, with and without {len(extra.ids)} records of "
        f"{', '.join(meta['extra'])}. Cells: top-1 / top-3 / domain / valence (cv: no valence). "
        "Produced by `benchmarks/extra_exemplars.py` (method in its docstring).",
        "",
        "| training data | " + " | ".join(cols) + " |",
        "|---|" + "---|" * len(cols),
    ]
    for name, r in results.items():
        lines.append(f"| {name} | " + " | ".join(fmt(r[c]) for c in cols) + " |")
    lines.append("")
    write_results(f"extra_exemplars_{stem}", {"meta": meta, "results": results}, lines)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--no-dev"]
    if len(args) != 1:
        raise SystemExit(
            "usage: extra_exemplars.py 'PATTERN' [--no-dev] (files in training_data/not_used/)"
        )
    main(args[0], use_dev="--no-dev" not in sys.argv[1:])
