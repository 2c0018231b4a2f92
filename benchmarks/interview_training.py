"""Do the team-written interview sets help as training data? Leave one set out.

``training_data/interview_segments.jsonl`` (written by ``benchmarks/interview_records.py``) holds
the segments of the interview sets (``heldout_interviews.TRAINED_SETS``). For each set, the
whole pipeline is trained as packaged on the other training files plus the other sets'
segments, and scored on the set left out (per segment, the question as context as packaged,
against its turn's gold); the row it is compared with is trained on the other training files
alone. The gold example interviews (``examples/``) are never trained on: they are scored by the
model without and with all the sets. Dev: aggregate only, evaluation only.

Cells: top-1 / top-3 / domain / valence accuracy over the coded segments, the ECE of the top-1
probability (10 bins, as ``roqa evaluate``), and for the interview sets the share of their
uncoded segments (procedural or off-framework talk) that the model sets aside (flagged as
fitting no code, or procedural) and the share of their coded segments it sets aside.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/interview_training.py`` (about
25 minutes for 42 sets with a warm embedding cache: one training per set). Results:
``benchmarks/results/interview_training.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import (  # noqa: E402
    TRAINED_SETS,
    heldout_segments,
)
from interview_records import SETTING_PREFIX, base_and_interviews  # noqa: E402
from mixed_valence import gold_speech  # noqa: E402
from scoring import DEV, picked, pipeline_scores, run_meta, write_results  # noqa: E402


def scores(ac: Any, data: dict[str, list[Any]], whole: Any = None) -> list[float]:
    """``pipeline_scores``, the ECE of the top-1 probability against top-1 hits and, given the
    set's segments ``whole`` (``heldout_segments``), the shares of its uncoded and coded segments
    set aside."""
    import numpy as np

    from roqa_nlp.evaluation import expected_calibration_error

    X = ac._inputs(data["text"], data["question"])
    rows = ac._suggest_rows(X, 1, data["text"], data["question"])[0]
    hit = np.array([r[0].code_id in g for r, g in zip(rows, data["codes"])], dtype=float)
    ece = expected_calibration_error(np.array([r[0].probability for r in rows]), hit)
    out = [*pipeline_scores(ac, data), round(ece, 3)]
    if whole is not None:
        X = ac._inputs(whole.texts, whole.questions)
        _, pvals, _, procedural, _ = ac._suggest_rows(X, 1, whole.texts, whole.questions)
        aside = np.asarray(pvals) < float(ac.params["alpha"])
        aside |= np.asarray(procedural, dtype=bool)
        uncoded = np.array([not c for c in whole.codes])
        out += [round(float(aside[uncoded].mean()), 3), round(float(aside[~uncoded].mean()), 3)]
    return out


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.training import load_labelled

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    sets = {"gold": gold_speech(book)}
    whole = {
        name: heldout_segments(book, "window", folder) for name, folder in TRAINED_SETS.items()
    }
    for name, h in whole.items():
        coded = [i for i, c in enumerate(h.codes) if c]
        sets[name] = picked(coded, h.texts, h.codes, h.valences, h.questions)
    dev = load_labelled(DEV, book)
    coded = [i for i, c in enumerate(dev.codes) if c]
    sets["dev"] = picked(coded, dev.texts, dev.codes, [v or "" for v in dev.valences])

    def fitted(without: str | None) -> Any:
        group = None if without is None else SETTING_PREFIX + TRAINED_SETS[without].name
        keep = [
            i for i, g in enumerate(interviews.groups) if group is None or not g.endswith(group)
        ]
        return AutoCoder(book, embedder=emb, params=params).fit(
            base.extend(interviews.subset(keep))
        )

    alone = AutoCoder(book, embedder=emb, params=params).fit(base)
    everything = fitted(None)
    results: dict[str, dict[str, list[float]]] = {"without": {}, "with": {}}
    for name, data in sets.items():
        results["without"][name] = scores(alone, data, whole.get(name))
        ac = everything if name not in TRAINED_SETS else fitted(name)
        results["with"][name] = scores(ac, data, whole.get(name))
        print(name, results["without"][name], results["with"][name], flush=True)
    n = {name: len(data["text"]) for name, data in sets.items()}
    real = [name for name in sets if name != "dev"]
    pooled = {
        row: [round(sum(results[row][s][j] * n[s] for s in real)) for j in range(4)]
        for row in results
    }
    meta = run_meta(base.hash, interviews=len(interviews.ids), n=n, pooled_hits=pooled)

    def fmt(v: list[float]) -> str:
        return " / ".join(f"{x:.3f}" for x in v)

    cols = ["gold", *TRAINED_SETS, "dev"]
    labels = {
        "without": "other training files",
        "with": "+ the other interview sets (gold and dev: + all of them)",
    }
    lines = [
        "# The team-written interview sets as training data (leave one set out)",
        "",
        f"Measured {meta['date']} on {meta['machine']}; {len(interviews.ids)} segments "
        f"({sum(1 for c in interviews.codes if c)} coded) of "
        f"{len(TRAINED_SETS)} interview sets; produced by `benchmarks/interview_training.py` (method in its "
        "docstring). Cells: top-1 / top-3 / domain / valence / ECE (interview sets: / uncoded set "
        "aside / coded set aside); coded segments per set: "
        + ", ".join(f"{c} {n[c]}" for c in cols)
        + ".",
        "",
        "| trained on | " + " | ".join(cols) + " | real speech pooled (top-1 / top-3 / domain / "
        "valence hits of "
        f"{sum(n[s] for s in real)}) |",
        "|---|" + "---|" * (len(cols) + 1),
    ]
    for row, label in labels.items():
        cells = " | ".join(fmt(results[row][c]) for c in cols)
        lines.append(f"| {label} | {cells} | {' / '.join(map(str, pooled[row]))} |")
    lines.append("")
    write_results(
        "interview_training", {"meta": meta, "results": results}, lines + NOTES.splitlines()
    )


NOTES = """\
Valence since (2026-12-01, not re-run here): `valence_neutral_weight` 0.8 was packaged after
this table was measured. On five grouped folds of the 42 sets it moved valence from 0.624 to
0.616 (`neutral_weight.json`); this table's valence, each set left out, was not measured again.
Dev valence is 0.708 with it, not 0.646 (`models/default/model_card.json`). Codes and their
probabilities are unchanged by it.
"""


if __name__ == "__main__":
    main()
