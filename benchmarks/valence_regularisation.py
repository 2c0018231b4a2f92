"""The valence head's own regularisation (``valence_C``), measured out of sample.

Until session 20 the valence head (a three-class logistic regression on the embedding: barrier /
enabler / neutral) shared the code classifier's C = 4, chosen for the codes. Valence is judged
from tone within a topic and the embedding is mostly topic, so the head may want stronger
regularisation than the codes do.

Two kinds of data, neither the development set:

- **interview folds**: the interview sets (``heldout_interviews.TRAINED_SETS``) in five grouped
  folds, as ``set_folds.py`` splits them (set ``i`` in fold ``i % 5``). For each fold the pipeline
  is trained as packaged on the other training files plus the other folds' sets. Its valence
  head is then refitted at each C on the same valence records, and the fold's coded segments are
  scored (answer and question as ``roqa code`` reads them);
- **quote sets**: the team-written quote sets (``quote_sets.py``), scored by the pipeline trained
  on all the training files with the head refitted at each C.

Only the valence head changes: codes, probabilities and the valence word model are the packaged
ones. A cell is the share of coded segments (quotes) whose top suggestion's valence is the gold
valence, as ``roqa evaluate`` counts ``valence_accuracy``. Dev (aggregate only) is the packaged
model's, scored after the choice.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/valence_regularisation.py`` (about ten
minutes). Results: ``benchmarks/results/valence_regularisation.{json,md}``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS  # noqa: E402
from scoring import DEV, pipeline_scores, run_meta, write_results  # noqa: E402
from set_folds import SetHits, coded_segments, fold_training, packaged_and_data, refit  # noqa: E402

#: the valence head's C values measured (4 = the code classifier's C, the head's before)
GRID = (0.1, 0.25, 0.5, 1.0, 4.0, 16.0)
FOLDS = 5


def with_valence_heads(ac: Any, ts: Any) -> Iterator[tuple[float, Any]]:
    """``ac`` (trained on ``ts``) with its valence head refitted on ``ts`` at each C of GRID."""
    from roqa_nlp.classifier import CodeClassifier

    rows = ts.valence_rows()
    X = ac._inputs([ts.texts[i] for i in rows], [ts.contexts[i] for i in rows])
    y = [ts.valences[i] for i in rows]
    for C in GRID:
        head = CodeClassifier("logreg", valence_C=C)
        head.n_features_in_ = X.shape[1]
        head.fit_valence(X, y)
        ac._predictor.valence_coef_ = head.valence_coef_
        ac._predictor.valence_intercept_ = head.valence_intercept_
        yield C, ac


def main() -> None:

    packaged, base, interviews, quotes, qs = packaged_and_data()
    book = packaged.codebook

    def fitted(ts: Any) -> Any:
        return refit(packaged, ts)

    everything = base.extend(interviews)
    quote_hits = {
        C: pipeline_scores(ac, qs)[3]
        for C, ac in with_valence_heads(fitted(everything), everything)
    }
    names = list(TRAINED_SETS)
    per_set: dict[float, dict[str, list[int]]] = {C: {} for C in GRID}
    for f, held, ts in fold_training(base, interviews, FOLDS):
        data = {name: coded_segments(book, name) for name in held}
        for C, ac in with_valence_heads(fitted(ts), ts):
            for name, d in data.items():
                n = len(d["text"])
                per_set[C][name] = [round(pipeline_scores(ac, d)[3] * n), n]
        print(f"fold {f}: {', '.join(held)}", flush=True)
    ref = 4.0
    hits = SetHits(per_set, reference=ref)
    pooled, better = hits.pooled(), hits.better_worse()
    seed = hits.seed_sets
    seed_pooled = hits.pooled(seed)
    dev = packaged.evaluate(DEV)
    meta = run_meta(
        everything.hash,
        n_segments=sum(n for _, n in per_set[ref].values()),
        n_quotes=len(quotes),
        seed_sets=seed,
    )
    lines = [
        "# The valence head's regularisation (`valence_C`)",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/valence_regularisation.py` (method in its docstring). Valence accuracy over "
        f"{meta['n_segments']} coded interview segments (five grouped folds of "
        f"{len(names)} sets, each scored by a model trained without its set) and "
        f"{len(quotes)} coded quotes of the quote sets.",
        "",
        "| valence C | interview folds | seed's setting sets | sets better / worse than C = 4 "
        "| quote sets |",
        "|---|---|---|---|---|",
    ]
    for C in GRID:
        up, down = better[C]
        mark = " (code classifier's C, before)" if ref == C else ""
        lines.append(
            f"| {C:g}{mark} | {pooled[C]:.3f} | {seed_pooled[C]:.3f} | "
            f"{'-' if ref == C else f'{up} / {down}'} | {quote_hits[C]:.3f} |"
        )
    lines += [
        "",
        f"Dev (aggregate only, packaged model at valence C = {packaged.params['valence_C']:g}, "
        f"after the choice): valence {dev['valence_accuracy']:.3f} "
        "(0.729 with the head at C = 4).",
        "",
        *NOTES.splitlines(),
    ]
    write_results(
        "valence_regularisation",
        {
            "meta": meta,
            "grid": list(GRID),
            "per_set": {str(C): v for C, v in per_set.items()},
            "interview_folds": {str(C): v for C, v in pooled.items()},
            "seed_setting": {str(C): v for C, v in seed_pooled.items()},
            "quote_sets": {str(C): v for C, v in quote_hits.items()},
            "dev_valence": dev["valence_accuracy"],
        },
        lines,
    )


NOTES = """\
Session 20 chose valence C = 0.5: interview valence rises as C falls from 16 to 0.5 and is flat
below it, so 0.5 is the weakest regularisation on the plateau: 0.571 → 0.579 over all sets
(about 30 segments; higher on 23 sets, lower on 10), 0.572 → 0.585 in the seed's setting. The quote
sets gain two quotes (every C but 4 gives 0.618-0.627, within noise). Dev, checked once after the
choice, lost two of its 48 records. The code classifier keeps C = 4 (re-measured the same session:
`classifier_comparison.md`)."""


if __name__ == "__main__":
    main()
