"""Each code's own valence mix as a prior on a segment's valence (``valence_prior_weight``).

The valence head (a logistic regression on the embedding, beside a word model) reads tone; the
codes a segment is likely to carry say something it does not use: Available Resources is mostly
spoken of as a barrier, Tension for Change mostly as an enabler. ``roqa_nlp.valence_prior``
multiplies the valence probabilities by ``(Σ_c P(c | text) P(v | c)) ** w``, with ``P(v | c)``
counted on the coded training records. This measures w out of sample, on two kinds of data,
neither the development set:

- **interview folds**: the interview sets (``heldout_interviews.TRAINED_SETS``) in five grouped
  folds, as ``set_folds.py`` splits them (set ``i`` in fold ``i % 5``). For each fold the pipeline
  is trained as packaged on the other training files plus the other folds' sets, its counts
  included, and the fold's coded segments are scored (answer and question as ``roqa code`` reads
  them) at each w;
- **quote sets**: the team-written quote sets (``quote_sets.py``), scored by the pipeline trained
  on all the training files, at each w.

Only valence changes with w: codes and their probabilities are the packaged ones. A cell is the
share of coded segments (quotes) whose top suggestion's valence is the gold valence, as
``roqa evaluate`` counts ``valence_accuracy``. Dev (aggregate only) is the packaged model's,
scored after the choice.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/valence_prior.py`` (about ten
minutes). Results: ``benchmarks/results/valence_prior.{json,md}``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS  # noqa: E402
from scoring import DEV, run_meta, write_results  # noqa: E402
from set_folds import SetHits, coded_segments, fold_training, packaged_and_data, refit  # noqa: E402

#: the weights measured (0 = the valence head and its word model alone, as before)
GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
FOLDS = 5


def valences(ac: Any, s: dict[str, list[Any]]) -> dict[float, list[tuple[str, float]]]:
    """The top suggestion's valence and its probability for each record of a scoring set
    (``picked``), at each w."""
    X = ac._inputs(s["text"], s["question"])
    out = {}
    for w in GRID:
        ac.params["valence_prior_weight"] = w
        rows = ac._suggest_rows(X, 1, s["text"], s["question"])[0]
        out[w] = [(r[0].valence, r[0].valence_probability) for r in rows]
    return out


def calibration(shown: list[tuple[str, float]], gold: list[str]) -> list[float]:
    """ECE (10 bins, as ``roqa evaluate`` counts it) of the shown valence's probability, its
    mean, and the accuracy it is measured against."""
    import numpy as np

    from roqa_nlp.evaluation import expected_calibration_error

    conf = np.array([p for _, p in shown])
    right = np.array([v == g for (v, _), g in zip(shown, gold)])
    ece = expected_calibration_error(conf, right)
    return [round(x, 3) for x in (ece, float(conf.mean()), float(right.mean()))]


def main() -> None:
    from roqa_nlp.schema import VALENCES

    packaged, base, interviews, quotes, qs = packaged_and_data()
    book = packaged.codebook

    def fitted(ts: Any) -> Any:
        return refit(packaged, ts, valence_prior_weight=1.0)

    everything = base.extend(interviews)
    q_pred = valences(fitted(everything), qs)
    quote_hits = {w: sum(p == g for (p, _), g in zip(q_pred[w], qs["valence"])) for w in GRID}
    shown: dict[float, list[tuple[str, float]]] = {w: [] for w in GRID}
    gold: list[str] = []
    names = list(TRAINED_SETS)
    per_set: dict[float, dict[str, list[int]]] = {w: {} for w in GRID}
    confusion: dict[float, Counter[tuple[str, str]]] = {w: Counter() for w in GRID}
    for f, held, ts in fold_training(base, interviews, FOLDS):
        ac = fitted(ts)
        for name in held:
            d = coded_segments(book, name)
            pred = valences(ac, d)
            gold += d["valence"]
            for w in GRID:
                shown[w] += pred[w]
                per_set[w][name] = [
                    sum(p == g for (p, _), g in zip(pred[w], d["valence"])),
                    len(d["text"]),
                ]
                confusion[w].update(zip(d["valence"], [p for p, _ in pred[w]]))
        print(f"fold {f}: {', '.join(held)}", flush=True)
    hits = SetHits(per_set, reference=0.0)
    n_seg = sum(n for _, n in per_set[0.0].values())
    pooled, better = hits.pooled(), hits.better_worse()
    seed = hits.seed_sets
    seed_pooled = hits.pooled(seed)
    dev = packaged.evaluate(DEV)
    meta = run_meta(everything.hash, n_segments=n_seg, n_quotes=len(quotes), seed_sets=seed)
    lines = [
        "# Each code's valence mix as a prior on valence (`valence_prior_weight`)",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/valence_prior.py` (method in its docstring). Valence accuracy over "
        f"{n_seg} coded interview segments (five grouped folds of {len(names)} sets, each scored "
        f"by a model trained without its set) and {len(quotes)} coded quotes of the quote sets.",
        "",
        "| w | interview folds | seed's setting sets | sets better / worse than w = 0 "
        "| quote sets | interview folds: ECE / mean shown probability |",
        "|---|---|---|---|---|---|",
    ]
    ece = {w: calibration(shown[w], gold) for w in GRID}
    for w in GRID:
        up, down = better[w]
        lines.append(
            f"| {w:g}{' (before)' if w == 0 else ''} | {pooled[w]:.3f} | {seed_pooled[w]:.3f} | "
            f"{'-' if w == 0 else f'{up} / {down}'} | {quote_hits[w] / len(quotes):.3f} | "
            f"{ece[w][0]:.3f} / {ece[w][1]:.3f} |"
        )
    lines += [
        "",
        "Interview folds, gold valence (rows) against the top suggestion's (columns):",
        "",
    ]
    lines += ["| w | gold | " + " | ".join(VALENCES) + " |", "|---|---|---|---|---|"]
    for w in (0.0, 1.0):
        for g in VALENCES:
            cells = " | ".join(str(confusion[w][(g, p)]) for p in VALENCES)
            lines.append(f"| {w:g} | {g} | {cells} |")
    lines += [
        "",
        f"Dev (aggregate only, packaged model at w = "
        f"{packaged.params['valence_prior_weight']:g}, after the choice): valence "
        f"{dev['valence_accuracy']:.3f}.",
        "",
        *NOTES.splitlines(),
    ]
    write_results(
        "valence_prior",
        {
            "meta": meta,
            "grid": list(GRID),
            "per_set": {str(w): v for w, v in per_set.items()},
            "interview_folds": {str(w): v for w, v in pooled.items()},
            "seed_setting": {str(w): v for w, v in seed_pooled.items()},
            "quote_sets": {str(w): round(v / len(quotes), 3) for w, v in quote_hits.items()},
            "interview_ece_confidence_accuracy": {str(w): v for w, v in ece.items()},
            "confusion": {
                str(w): {f"{g}->{p}": confusion[w][(g, p)] for g in VALENCES for p in VALENCES}
                for w in (0.0, 1.0)
            },
            "dev_valence": dev["valence_accuracy"],
        },
        lines,
    )


NOTES = """\
Session 21 chose w = 1, the best on both kinds of data: 0.579 → 0.605 over the interview folds
(higher on 32 sets, lower on 6; 0.585 → 0.604 in the seed's setting) and 0.620 → 0.662 on the
quote sets. An ad-hoc run of the same folds before the library had it (the prior computed outside
it) gave the same numbers and, beyond the range kept for a weight, w = 1.5 and 2: 0.606 on the
interviews and 0.650 (1.5) on the quote sets, no better. The gain is in the barriers and
enablers: barrier ↔ enabler flips fall from 326 to 311 and barriers or enablers read as neutral
from 520 to 373, while neutral segments read as neutral fall from 497 to 428 (neutral talk
about a code that is mostly a barrier or an enabler leans that way). Dev, checked once after the
choice, lost 2 of its 48 records (0.688 → 0.646): within its noise. The probability shown with
the valence stays calibrated on the interviews (ECE column), and codes and their probabilities
are unchanged."""


if __name__ == "__main__":
    main()
