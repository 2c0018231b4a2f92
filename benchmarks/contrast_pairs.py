"""Contrastive team-written lines for the construct pairs the model confuses most (session 87).

Issue 2's unmet dev targets are top-3 and domain accuracy. This finds, on held-out data only,
which gold code the model most often ranks below which other code (and which domain pairs lie
behind most domain misses), and measures one lever: team-written lines on either side of each of
those lines (``training_data/not_used/contrast_pairs_s87.jsonl``) added to every fit.

Data, never the development set:
- ``folds``: the 42 interview sets in five grouped folds (``set_folds.py``; each fold's sets
  scored by the pipeline trained without them, the question as context as packaged); coded
  segments for the codes, every segment for novelty (uncoded = positive, ranked by P(no code));
- ``quotes``: the eight quote sets' coded quotes, read alone by the pipeline fitted on every
  training file (they are never trained on);
- ``seed``: the seed paper's 22 quotes, read alone by the pipeline fitted without them;
- ``gold``: the gold example interviews' coded segments (never trained on), with their questions.

Run: ``OMP_NUM_THREADS=2 .venv/bin/python benchmarks/contrast_pairs.py predict OUT.json
[--extra RECORDS.jsonl]``, then ``benchmarks/contrast_pairs.py confusions BASE.json`` (pairs)
or ``benchmarks/contrast_pairs.py compare BASE.json VARIANT.json`` (paired bootstrap).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _rows(ac: Any, src: str, name: str, d: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Top-3 codes, top-1 probability and domain hit per record of a scoring set."""
    dom = {c.id: c.domain for c in ac.codebook.codable}
    qs = d["question"]
    rows = ac._suggest_rows(ac._inputs(d["text"], qs), 3, d["text"], qs)[0]
    out = []
    for r, g in zip(rows, d["codes"]):
        top = [x.code_id for x in r[:3]]
        out.append(
            dict(
                src=src,
                set=name,
                gold=list(g),
                top=top,
                p1=float(r[0].probability),
                top1=top[0] in g,
                top3=bool(set(top) & set(g)),
                domain=dom[top[0]] in {dom[c] for c in g},
            )
        )
    return out


def _none_scores(ac: Any, texts: list[str], qs: list[str]) -> np.ndarray:
    from roqa_nlp.prediction import calibrated_probabilities
    from roqa_nlp.schema import OFF_FRAMEWORK

    clf, _ = ac._require_predictor()
    classes = [str(c) for c in clf.classes_]
    P = calibrated_probabilities(clf.log_probabilities(ac._inputs(texts, qs)), clf.temperature_)
    off = [j for j, c in enumerate(classes) if c in OFF_FRAMEWORK]
    return np.asarray(P[:, off].sum(axis=1))


def predict(out: str, extra: str | None) -> None:
    from heldout_interviews import TRAINED_SETS, heldout_segments
    from mixed_valence import gold_speech
    from scoring import picked
    from set_folds import fold_training, packaged_and_data, refit

    from roqa_nlp.training import load_training_set

    packaged, base, interviews, _, quotes = packaged_and_data()
    book = packaged.codebook
    if extra:
        base = base.extend(load_training_set(Path(extra), book, descriptions=False))
    res: list[dict[str, Any]] = []
    novelty: list[dict[str, Any]] = []
    for f, held, ts in fold_training(base, interviews, 5):
        ac = refit(packaged, ts)
        for name in held:
            h = heldout_segments(book, "window", TRAINED_SETS[name])
            coded = [i for i, c in enumerate(h.codes) if c]
            d = picked(coded, h.texts, h.codes, h.valences, h.questions)
            res += _rows(ac, "folds", name, d)
            none = _none_scores(ac, list(h.texts), list(h.questions))
            novelty += [dict(set=name, uncoded=not c, none=float(s)) for c, s in zip(h.codes, none)]
        print("fold", f, "done", flush=True)
    whole = base.extend(interviews)
    ac = refit(packaged, whole)
    res += _rows(ac, "quotes", "quote sets", quotes)
    res += _rows(ac, "gold", "gold", gold_speech(book))
    seed = [i for i, x in enumerate(whole.ids) if x.startswith("seed")]
    ac = refit(packaged, whole.subset([i for i in range(len(whole.ids)) if i not in set(seed)]))
    res += _rows(ac, "seed", "seed quotes", picked(seed, whole.texts, whole.codes, whole.valences))
    Path(out).write_text(json.dumps(dict(rows=res, novelty=novelty)), encoding="utf-8")
    print(len(res), "rows ->", out)


def confusions(path: str, n: int = 15) -> None:
    """The commonest (gold main code -> top-1 code) misses on the folds, undirected pairs, and
    the domain pairs behind domain misses."""
    from roqa_nlp.codebook import load_codebook

    book = load_codebook()
    dom = {c.id: c.domain for c in book.codable}
    rows = [r for r in json.loads(Path(path).read_text())["rows"] if r["src"] == "folds"]
    miss = [r for r in rows if not r["top1"]]
    pairs = Counter(tuple(sorted((r["gold"][0], r["top"][0]))) for r in miss)
    print(f"{len(miss)} top-1 misses of {len(rows)}; undirected pairs (gold main, top-1):")
    for (a, b), k in pairs.most_common(n):
        print(f"  {k:4d}  {a} ({book.find(a).name}) <-> {b} ({book.find(b).name})")
    dmiss = Counter(
        tuple(sorted((dom[r["gold"][0]], dom[r["top"][0]]))) for r in rows if not r["domain"]
    )
    print(f"domain misses {sum(dmiss.values())}:", dmiss.most_common(8))


def _auroc(nov: list[dict[str, Any]]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score([r["uncoded"] for r in nov], [r["none"] for r in nov]))


def _ece(rows: list[dict[str, Any]]) -> float:
    from roqa_nlp.evaluation import expected_calibration_error

    p = np.array([r["p1"] for r in rows])
    return float(expected_calibration_error(p, np.array([r["top1"] for r in rows], dtype=float)))


def compare(a_path: str, b_path: str, draws: int = 2000) -> None:
    a, b = (json.loads(Path(p).read_text()) for p in (a_path, b_path))
    rng = np.random.default_rng(87)
    for src in ("folds", "quotes", "gold", "seed"):
        ra = [r for r in a["rows"] if r["src"] == src]
        rb = [r for r in b["rows"] if r["src"] == src]
        print(f"\n{src} (n={len(ra)}): ECE {_ece(ra):.3f} -> {_ece(rb):.3f}")
        for m in ("top1", "top3", "domain"):
            x = np.array([r[m] for r in ra], dtype=float)
            y = np.array([r[m] for r in rb], dtype=float)
            idx = rng.integers(0, len(x), (draws, len(x)))
            diff = (y[idx] - x[idx]).mean(axis=1)
            lo, hi = np.percentile(diff, [2.5, 97.5])
            line = f"  {m}: {int(x.sum())} -> {int(y.sum())} ({x.mean():.3f} -> {y.mean():.3f})"
            print(f"{line}, diff 95% CI [{lo:+.4f}, {hi:+.4f}]")
        if src == "folds":
            sets = sorted({r["set"] for r in ra})
            for m in ("top1", "top3", "domain"):
                up = sum(
                    sum(r[m] for r in rb if r["set"] == s) > sum(r[m] for r in ra if r["set"] == s)
                    for s in sets
                )
                down = sum(
                    sum(r[m] for r in rb if r["set"] == s) < sum(r[m] for r in ra if r["set"] == s)
                    for s in sets
                )
                print(f"  {m}: sets better / worse {up} / {down}")
    print(f"\nnovelty AUROC (folds, P(no code)): {_auroc(a['novelty']):.4f} -> "
          f"{_auroc(b['novelty']):.4f}")  # fmt: skip


def main(argv: list[str]) -> None:
    if argv[:1] == ["predict"]:
        extra = argv[argv.index("--extra") + 1] if "--extra" in argv else None
        predict(argv[1], extra)
    elif argv[:1] == ["confusions"]:
        confusions(argv[1])
    else:
        compare(argv[1], argv[2])


if __name__ == "__main__":
    main(sys.argv[1:])
