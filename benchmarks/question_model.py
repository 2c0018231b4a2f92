"""The question model: which codes an interviewer's question leads to (``question_weight``).

``roqa_nlp.question_model`` learns, from coded training answers that carry the interviewer's
question (the team's interview sets), which codes follow which questions, and multiplies the code
probabilities of a segment read with its question by its own to the power w (within the codes).
This measures w out of sample on the interview sets, grouped two ways, neither the development
set (which has no questions):

- **five folds** of sets (set ``i`` in fold ``i % 5``, as ``set_folds.py`` splits them);
- **authoring rounds**: the sets written in sessions 6-9, 17, 18 and 19 (a round shares its
  writers and their interviewer's habits, so holding a whole round out is the stronger test).

For each fold the pipeline is trained as packaged on the other training files plus the other
folds' sets (its question model learns from their questions only), and the fold's coded segments
are scored, answer and question as ``roqa code`` reads them, at each w. A hit as ``roqa
evaluate`` counts it: top-1 / top-3 among the segment's gold codes, domain of the top-1 code among
theirs. ECE is that of the top-1 probability against top-1 hits (10 bins). The gold example
interviews (never trained on) are scored by the packaged model at each w; dev (aggregate) is the
packaged model's, after the choice. The rule, set before the run: the w with the most top-1 hits
averaged over the two groupings, or the smallest w within 0.005 of it.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/question_model.py`` (about ten
minutes). Results: ``benchmarks/results/question_model.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_valence import gold_speech  # noqa: E402
from scoring import DEV, run_meta, write_results  # noqa: E402
from set_folds import (  # noqa: E402
    TRAINED_SETS,
    authoring_rounds,
    coded_segments,
    fold_training,
    packaged_and_data,
    refit,
    seed_setting_sets,
)

#: the weights measured (0 = no question model, as before)
GRID = (0.0, 0.25, 0.5, 0.7, 1.0)


def hits(ac: Any, s: dict[str, list[Any]]) -> dict[float, list[list[float]]]:
    """Per segment of a scoring set (``picked``), at each w: top-1, top-3 and domain hits (1 or
    0) and the top-1 probability."""
    dom = {c.id: c.domain for c in ac.codebook.codable}
    X = ac._inputs(s["text"], s["question"])
    out = {}
    for w in GRID:
        ac.params["question_weight"] = w
        rows = ac._suggest_rows(X, 3, s["text"], s["question"])[0]
        out[w] = [
            [float(r[0].code_id in g) for r, g in zip(rows, s["codes"])],
            [float(bool({x.code_id for x in r[:3]} & set(g))) for r, g in zip(rows, s["codes"])],
            [float(dom[r[0].code_id] in {dom[c] for c in g}) for r, g in zip(rows, s["codes"])],
            [r[0].probability for r in rows],
        ]
    return out


def summary(rows: list[list[float]]) -> list[float]:
    """Top-1, top-3 and domain hits and the pooled ECE of the top-1 probability (10 bins)."""
    import numpy as np

    from roqa_nlp.evaluation import expected_calibration_error

    top1, top3, domain, conf = (np.asarray(r) for r in rows)
    ece = expected_calibration_error(conf, top1)
    return [float(top1.sum()), float(top3.sum()), float(domain.sum()), round(ece, 3)]


def main() -> None:

    packaged, base, interviews, _, _ = packaged_and_data()
    book, params = packaged.codebook, dict(packaged.params)
    groupings = {
        "five folds": None,
        "authoring rounds": authoring_rounds(),
    }
    seed = seed_setting_sets()
    results: dict[str, dict[float, list[float]]] = {}
    seed_hits: dict[str, dict[float, list[float]]] = {}
    for label, folds in groupings.items():
        every: dict[float, list[list[float]]] = {w: [[], [], [], []] for w in GRID}
        in_seed: dict[float, list[list[float]]] = {w: [[], [], [], []] for w in GRID}
        for f, held, ts in fold_training(base, interviews, 5, folds):
            ac = refit(packaged, ts)
            for name in held:
                for w, rows in hits(ac, coded_segments(book, name)).items():
                    for j in range(4):
                        every[w][j] += rows[j]
                        if name in seed:
                            in_seed[w][j] += rows[j]
            print(f"{label} {f}: {', '.join(held)}", flush=True)
        results[label] = {w: summary(v) for w, v in every.items()}
        seed_hits[label] = {w: summary(v) for w, v in in_seed.items()}
    n_seg = len(every[0.0][0])
    n_seed = len(in_seed[0.0][0])
    gold_set = gold_speech(book)
    gold = {w: summary(v) for w, v in hits(packaged, gold_set).items()}
    n_gold = len(gold_set["text"])
    mean_top1 = {w: sum(results[g][w][0] for g in groupings) / len(groupings) for w in GRID}
    best = max(mean_top1.values())
    chosen = min(w for w in GRID if mean_top1[w] >= best - 0.005 * n_seg)
    packaged.params["question_weight"] = params["question_weight"]  # hits() moved it
    dev = packaged.evaluate(DEV)
    meta = run_meta(interviews.hash, n_segments=n_seg, n_seed_setting=n_seed, n_gold=n_gold)
    lines = [
        "# The question model (`question_weight`)",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/question_model.py` (method in its docstring). Hits over the "
        f"{n_seg} coded segments of the {len(TRAINED_SETS)} interview sets, each scored by a "
        f"model trained without its fold; {n_seed} of them in the seed's setting; the "
        f"{n_gold} coded segments of the gold example interviews (packaged model).",
        "",
        "| w | five folds: top-1 / top-3 / domain hits, ECE | seed's setting | authoring rounds: "
        "top-1 / top-3 / domain hits, ECE | seed's setting | gold example interviews: top-1 / "
        "top-3 / domain hits, ECE |",
        "|---|---|---|---|---|---|",
    ]

    def cell(v: list[float]) -> str:
        return " / ".join(f"{x:.0f}" for x in v[:3]) + f", {v[3]:.3f}"

    for w in GRID:
        mark = " (before)" if w == 0 else (" (chosen)" if w == chosen else "")
        lines.append(
            f"| {w:g}{mark} | {cell(results['five folds'][w])} | "
            f"{cell(seed_hits['five folds'][w])} | {cell(results['authoring rounds'][w])} | "
            f"{cell(seed_hits['authoring rounds'][w])} | {cell(gold[w])} |"
        )
    lines += [
        "",
        f"Chosen by the rule (most top-1 hits averaged over the two groupings, or the smallest w "
        f"within 0.005 of them): **w = {chosen:g}**. Dev (aggregate only, packaged model at w = "
        f"{params['question_weight']:g}; its records have no question, so w cannot move it): "
        f"top-1 / top-3 / domain {dev['construct_top1']:.3f} / {dev['construct_top3']:.3f} / "
        f"{dev['domain_accuracy']:.3f}.",
        "",
        *NOTES.splitlines(),
    ]
    write_results(
        "question_model",
        {
            "meta": meta,
            "grid": list(GRID),
            "results": {g: {str(w): v for w, v in r.items()} for g, r in results.items()},
            "seed_setting": {g: {str(w): v for w, v in r.items()} for g, r in seed_hits.items()},
            "gold": {str(w): v for w, v in gold.items()},
            "chosen": chosen,
            "dev": {k: dev[k] for k in ("construct_top1", "construct_top3", "domain_accuracy")},
        },
        lines,
    )


NOTES = """\
Session 21. An ad-hoc run first (a logistic regression on the question's embedding, C = 2 or 8,
trained on the other folds' coded segments and mixed into the out-of-fold code probabilities of
the five folds as `log Q + w log P_question`) gave, at C = 2, top-1 / top-3 / domain 2,310 / 3,045
/ 2,868 → 2,414 / 3,134 / 2,951 (w = 0.5) → 2,435 / 3,151 / 2,970 (0.7) → 2,455 / 3,161 / 2,978
(1), and by authoring rounds 2,406 / 3,139 / 2,943 (0.5), 2,423 / 3,145 / 2,956 (0.7), 2,427 /
3,157 / 2,966 (1); C = 8 was higher at w = 0.5 and lower at 1, so C = 2 was kept. The shown
top-1 probability's ECE fell with w (0.062 → 0.042 at 0.7). The library's version keeps the
off-framework and procedural classes' share, so novelty, small talk and procedural talk are
judged as before. On the 55 coded segments of the gold example
interviews (never trained on; packaged model) w = 0.7 scored one top-1 and one domain hit fewer
(42 / 50 / 46 → 41 / 50 / 45) and w = 0.25-0.5 two more, with ECE 0.131 → 0.105: within the
noise of 55 segments, and the rule was set before the run, so w = 0.7 stays. A first run of this
script had scored them with a packaged model whose question-model coefficients were scrambled on
saving (safetensors writes an array's memory as it lies, and the coefficient matrix was
Fortran-ordered); every model directory is now written in C order, and a test keeps it so.

Session 22. The question model no longer learns a code that fewer than 20 answers with a question
carry (`MIN_CODE_RECORDS`; with balanced class weights each of its few questions counted as much
as a common code's hundreds, and one closing question had given Readiness for Implementation 0.33
after every "Is there anything else you'd like to add?"); such a code gets the even share. An
ad-hoc run at w = 0.7 (five folds) first gave 2,430 / 3,141 / 2,965 → 2,431 / 3,148 / 2,961 (the
same with a threshold of 10 or 40: the same three codes fall under each). The table above is
this script re-run with the change: at w = 0.7 the hits moved by a few segments either way, but
w = 1 now stands 0.0067 above 0.7 averaged over the two groupings (it stood 0.0050 above before),
past the rule's 0.005, so the rule took w = 1 and the packaged model uses it. The gold example
interviews score two top-1 hits and one domain hit fewer at 1 than at 0.7 (within the noise of
55 segments, as in session 21)."""


if __name__ == "__main__":
    main()
