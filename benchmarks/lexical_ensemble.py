"""Does a word-level classifier beside the sentence embedding help? (TF-IDF + embedding ensemble)

The frozen MiniLM sentence embedding keeps the topic of a passage better than its CFIR aspect;
some aspects are carried by words the embedding blurs ("budget", "CQC", "pilot", "champion").
This trains, on the same training data and labels, the word model that ships
(:class:`roqa_nlp.lexical.LexicalModel`: a logistic regression on TF-IDF word and word-pair
features, sublinear tf, English stop words dropped, terms in at least 2 records, C = 10, balanced
classes: set before measuring, not tuned) beside the embedding classifier
(:class:`~roqa_nlp.classifier.CodeClassifier`, logistic regression, C = 4, uncalibrated) and
ranks codes by the weighted geometric mean of the two probabilities
(:func:`roqa_nlp.lexical.combine`), as the product does: it combines the uncalibrated
probabilities and then gives the combination one temperature of its own, which keeps every
ranking (``combined_calibration.py``). w is chosen by grouped CV only.

Scored (top-1 / top-3 / domain) on

- ``cv``: 5-fold GroupKFold over source/setting (coded records; seed quotes never trained on);
- ``seed``: the seed paper's 22 quotes, held out of training;
- ``gold``: the 55 gold-coded segments of the example interviews (never trained on);
- ``heldout``: the 69 coded segments of the four held-out interviews (``heldout_interviews.py``;
  added in session 6, after w was chosen);
- ``dev``: ``../shared/eval/cfir_dev.jsonl`` (evaluation only, aggregate only).

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/lexical_ensemble.py`` (about 5 minutes
with a warm embedding cache). Results: ``benchmarks/results/lexical_ensemble.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import (  # noqa: E402
    cell,
    choose_weight,
    hit_rates,
    load_study,
    ranked_codes,
    run_meta,
    write_weight_sweep,
)

WEIGHTS = (0.0, 0.2, 0.35, 0.5, 0.6, 0.7, 1.0)


def main() -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import DEFAULT_PARAMS
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.lexical import LexicalModel, combine

    study = load_study()
    ts, texts, X, y, groups, seed = (
        study.training,
        study.texts,
        study.X,
        study.y,
        study.groups,
        study.seed,
    )
    dom, gold, emb = study.domain_of, study.gold, study.embedder
    C = float(DEFAULT_PARAMS["C"])

    def fit(mask: np.ndarray) -> tuple[CodeClassifier, LexicalModel]:
        labels = list(y[mask])
        clf = CodeClassifier(method="logreg", C=C, calibrate=False).fit(X[mask], labels)
        return clf, LexicalModel.fit(list(texts[mask]), labels)

    def ranked(
        model: tuple[CodeClassifier, LexicalModel], Xq: np.ndarray, tq: list[str]
    ) -> dict[float, list]:
        clf, lex = model
        log_p, classes = np.log(clf.predict_proba(Xq)), [str(c) for c in clf.classes_]
        return {w: ranked_codes(combine(log_p, classes, lex, tq, w), classes) for w in WEIGHTS}

    def rates(truth: list[list[str]], r: dict[float, list]) -> dict[float, list[float]]:
        return {w: list(hit_rates(truth, r[w], dom)) for w in WEIGHTS}

    full = fit(~seed)  # the seed quotes stay out everywhere, as in the other benchmarks
    seed_idx = np.where(seed)[0]
    seed_scores = rates([ts.codes[i] for i in seed_idx], ranked(full, X[seed], list(texts[seed])))
    gold_scores = rates(gold.codes, ranked(full, emb.encode(gold.texts), gold.texts))
    ho_texts = [study.heldout.texts[i] for i in study.heldout_coded]
    heldout_scores = rates(
        [study.heldout.codes[i] for i in study.heldout_coded],
        ranked(full, emb.encode(ho_texts), ho_texts),
    )
    dev_scores = rates(study.dev_codes, ranked(full, emb.encode(study.dev_texts), study.dev_texts))
    folds: dict[float, list] = {w: [] for w in WEIGHTS}
    for tr, te in GroupKFold(5).split(X, groups=groups):
        mask = np.zeros(len(y), dtype=bool)
        mask[tr] = True
        te = np.array([i for i in te if ts.codes[i] and not seed[i]])
        r = ranked(fit(mask & ~seed), X[te], list(texts[te]))
        for w, v in rates([ts.codes[i] for i in te], r).items():
            folds[w].append(v)
    cv = {w: [round(float(x), 3) for x in np.mean(folds[w], axis=0)] for w in WEIGHTS}
    best = choose_weight({w: cv[w][0] for w in WEIGHTS})
    rows = [
        {
            "w": w,
            "cv": cv[w],
            "seed": seed_scores[w],
            "gold": gold_scores[w],
            "heldout": heldout_scores[w],
            "dev": dev_scores[w],
        }
        for w in WEIGHTS
    ]
    for r in rows:
        print(r, flush=True)
    meta = run_meta(ts.hash, chosen_by_cv=best)
    header = [
        "# Words beside the sentence embedding (TF-IDF + embedding ensemble)",
        "",
        f"Measured {meta['date']} on {meta['machine']}; training data sha256 {ts.hash[:12]}…, "
        "seed quotes held out everywhere. Each cell is top-1 / top-3 / domain accuracy; "
        "w = weight of the word model in the geometric mean (0 = the packaged embedding "
        "classifier alone, 1 = words alone). Produced by `benchmarks/lexical_ensemble.py`.",
    ]
    write_weight_sweep("lexical_ensemble", meta, rows, header, cell)


if __name__ == "__main__":
    main()
