"""Does a word model help the valence head too? (barrier / enabler / neutral)

The valence head is a logistic regression on the sentence embedding of coded records. This trains
the word model that ships for codes (:class:`roqa_nlp.lexical.LexicalModel`: TF-IDF words and
word pairs, C = 10, balanced; not tuned) on the same coded records' valences and takes the
weighted geometric mean ``(1 - w) log P_head + w log P_words``
(:func:`roqa_nlp.lexical.combine`). w is chosen by grouped CV with the rule of
``lexical_ensemble.py``: the smallest w whose CV accuracy is within 0.005 of the best.

Valence accuracy over coded records (gold valence as labelled, neutral included) on

- ``cv``: 5-fold GroupKFold over source/setting (seed quotes never trained on);
- ``seed``: the seed paper's 22 quotes, held out of training;
- ``gold``: the 55 gold-coded segments of the example interviews (main code's valence);
- ``heldout``: the 69 coded segments of the four held-out interviews;
- ``dev``: coded dev records that state a valence (evaluation only, aggregate only).

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/valence_words.py`` (about a minute with
a warm embedding cache). Results: ``benchmarks/results/valence_words.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import read_gold  # noqa: E402
from scoring import choose_weight, load_study, run_meta, write_weight_sweep  # noqa: E402

WEIGHTS = (0.0, 0.2, 0.35, 0.5, 0.6, 0.7, 1.0)


def accuracy(pred: list[str], truth: list[str]) -> float:
    return round(float(np.mean([p == t for p, t in zip(pred, truth)])), 3)


def main() -> None:
    from sklearn.model_selection import GroupKFold

    from roqa_nlp.autocoder import DEFAULT_PARAMS
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.lexical import LexicalModel, combine

    study = load_study()
    ts, X, y, texts, seed = study.training, study.X, study.y, study.texts, study.seed
    valence = np.array(ts.valences)
    coded = np.array([bool(c) for c in ts.codes])
    C = float(DEFAULT_PARAMS["C"])

    def fit(mask: np.ndarray) -> tuple[CodeClassifier, LexicalModel]:
        clf = CodeClassifier(method="logreg", C=C, calibrate=False)
        clf.fit(X[mask], list(y[mask]), valence=list(valence[mask]))
        words = LexicalModel.fit(list(texts[mask & coded]), list(valence[mask & coded]))
        return clf, words

    def predict(
        model: tuple[CodeClassifier, LexicalModel], Xq: np.ndarray, tq: list[str]
    ) -> dict[float, list[str]]:
        clf, words = model
        names = [str(c) for c in clf.valence_classes_]
        log_v = np.log(np.clip(clf.predict_valence_proba(Xq), 1e-300, None))
        return {
            w: [names[j] for j in np.argmax(combine(log_v, names, words, tq, w), axis=1)]
            for w in WEIGHTS
        }

    # the sets scored by the model fitted without the seed quotes: (texts, gold valences)
    gold_rows = [g for g in read_gold(codebook=study.book).values() if g.code_ids]
    heldout = study.heldout
    dev_valence = [
        study.dev.valences[i] for i, c in enumerate(study.dev.codes) if c and study.dev.valences[i]
    ]
    dev_texts = [
        study.dev.texts[i] for i, c in enumerate(study.dev.codes) if c and study.dev.valences[i]
    ]
    sets = {
        "seed": (list(texts[seed & coded]), list(valence[seed & coded])),
        "gold": (study.gold.texts, [g.codes[0].valence for g in gold_rows]),
        "heldout": (
            [heldout.texts[i] for i in study.heldout_coded],
            [heldout.valences[i] for i in study.heldout_coded],
        ),
        "dev": (dev_texts, dev_valence),
    }
    full = fit(~seed)
    scores: dict[str, dict[float, float]] = {}
    for name, (tq, truth) in sets.items():
        pred = predict(full, study.embedder.encode(tq), tq)
        scores[name] = {w: accuracy(pred[w], truth) for w in WEIGHTS}
    folds: dict[float, list[float]] = {w: [] for w in WEIGHTS}
    for tr, te in GroupKFold(5).split(X, groups=study.groups):
        mask = np.zeros(len(y), dtype=bool)
        mask[tr] = True
        te = np.array([i for i in te if coded[i] and not seed[i]])
        pred = predict(fit(mask & ~seed), X[te], list(texts[te]))
        for w in WEIGHTS:
            folds[w].append(accuracy(pred[w], list(valence[te])))
    cv = {w: round(float(np.mean(folds[w])), 3) for w in WEIGHTS}
    best = choose_weight(cv)
    rows = [{"w": w, "cv": cv[w], **{s: scores[s][w] for s in sets}} for w in WEIGHTS]
    for r in rows:
        print(r, flush=True)
    meta = run_meta(ts.hash, chosen_by_cv=best, n={name: len(t) for name, (t, _) in sets.items()})
    n = meta["n"]
    header = [
        "# Words beside the valence head",
        "",
        f"Measured {meta['date']} on {meta['machine']}; training data sha256 {ts.hash[:12]}…, "
        "seed quotes held out everywhere. Valence accuracy (barrier / enabler / neutral) over "
        f"coded records: seed quotes ({n['seed']}), gold interviews ({n['gold']}), held-out "
        f"interviews ({n['heldout']}), dev records stating a valence ({n['dev']}). w = weight of "
        "the word model (0 = the valence head alone). Produced by `benchmarks/valence_words.py`.",
    ]
    write_weight_sweep("valence_words", meta, rows, header, lambda x: f"{x:.3f}")


if __name__ == "__main__":
    main()
