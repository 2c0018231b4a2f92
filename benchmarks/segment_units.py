"""What the segment unit costs: the held-out interviews coded per window (the default) and per
sentence (``roqa code --unit sentence``), each segment scored against its turn's gold codes.

The three held-out sets (``benchmarks/data/heldout_*``) are coded per participant turn, so a
sentence is scored against the codes of the turn it comes from; many sentences carry none of
them, so the sentence rows measure how much of its turn's coding a sentence alone conveys, not
a sentence-level gold. Packaged model, the question as context (the default). Top-1 / top-3 /
domain accuracy over segments of coded turns.

The three sets are training data since session 17 (and the question model learns from their
questions since session 21): with the packaged model the scores are in sample now. Point
``DATA`` at interviews never trained on to compare units again.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/segment_units.py`` (about a minute).
Results: ``benchmarks/results/segment_units.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import DATA, OTHER_SETTINGS, TITLES, UNSEEN_SETTINGS  # noqa: E402
from question_context_pooled import heldout, hits  # noqa: E402
from scoring import cell, run_meta, write_results  # noqa: E402

UNITS = ("window", "sentence")


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    w = float(ac.params["context_weight"]) if ac.params.get("use_context") else 0.0
    table: dict[str, dict[str, Any]] = {}
    for unit in UNITS:
        pooled = []
        for data in (DATA, OTHER_SETTINGS, UNSEEN_SETTINGS):
            h = hits(ac, heldout(ac.codebook, unit, data), w)
            pooled.append(h)
            table.setdefault(TITLES[data.name], {})[unit] = [len(h), *np.round(h.mean(0), 3)]
        h = np.concatenate(pooled)
        table.setdefault("pooled", {})[unit] = [len(h), *np.round(h.mean(0), 3)]
    table = {k: {u: [float(x) for x in v] for u, v in r.items()} for k, r in table.items()}
    meta = run_meta(str(ac.card.get("training_data", {}).get("sha256", "")), context_weight=w)
    lines = [
        "# Segment unit: per window (default) and per sentence",
        "",
        f"Measured {meta['date']} on {meta['machine']} with the packaged model (question as "
        "context). Each segment is scored against the gold codes of its turn; cells are "
        "segments: top-1 / top-3 / domain accuracy. Produced by `benchmarks/segment_units.py`.",
        "",
        "| held-out set | " + " | ".join(UNITS) + " |",
        "|---|" + "---|" * len(UNITS),
    ]
    for name, r in table.items():
        cells = " | ".join(f"{int(r[u][0])}: {cell(r[u][1:])}" for u in UNITS)
        lines.append(f"| {name} | {cells} |")
    lines.append("")
    write_results("segment_units", {"meta": meta, "sets": table}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
