"""What passing over a repair on a bad line changes in the team-written interviews.

Since session 36 an interviewer's turn that only repairs the line ("Sorry, you cut out there,
what was that?", "Hello, can you hear me?"; ``roqa_nlp.transcripts.repairs.only_repairs``) is no
question: the answer after it is coded with the question before it. This script segments every
interview set with gold (``heldout_interviews.TRAINED_SETS``) as ``roqa code`` does, with and
without that rule, and codes the segments whose context moves with the packaged model, both ways:
top-1 / top-3 hits of the gold codes on the coded ones, and how many are set aside (flagged novel
or procedural), coded and uncoded. "opening" counts the replies to the opening sound check (no
question before it: context ""), "after a repair" the answers later in the interview.

The packaged model trained on these sets with the old contexts, so its scores are in sample.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/repair_contexts.py`` (a few minutes
with a warm embedding cache). Results: ``benchmarks/results/repair_contexts.{json,md}``.
"""

from __future__ import annotations

import json
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import heldout_interviews as hi  # noqa: E402
from scoring import OUT  # noqa: E402

import roqa_nlp.transcripts.segment as segment_module  # noqa: E402
from roqa_nlp.io import atomic_write_text  # noqa: E402

KEYS = ("segments", "coded", "top1", "top3", "coded_set_aside", "uncoded_set_aside")


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    warnings.simplefilter("ignore")  # the readers' speaker warnings are not under test here
    ac = AutoCoder.load(None)
    only_repairs = segment_module.only_repairs
    totals: dict[str, dict[str, int]] = {}
    turns = 0
    for folder in hi.TRAINED_SETS.values():
        after = hi.heldout_segments(ac.codebook, ac.params["unit"], folder)
        segment_module.only_repairs = lambda words: False  # type: ignore[assignment]
        try:
            before = hi.heldout_segments(ac.codebook, ac.params["unit"], folder)
        finally:
            segment_module.only_repairs = only_repairs
        if before.texts != after.texts:
            raise SystemExit(f"{folder.name}: the segments themselves changed")
        moved = [i for i, (b, a) in enumerate(zip(before.questions, after.questions)) if b != a]
        turns += len(moved)
        if not moved:
            continue
        texts = [after.texts[i] for i in moved]
        for way, data in (("before", before), ("after", after)):
            questions = [data.questions[i] for i in moved]
            rows, pvals, _, proc, _ = ac._suggest_rows(
                ac._inputs(texts, questions), len(ac.codebook.codable), texts, questions
            )
            aside = (np.asarray(pvals) < float(ac.params["alpha"])) | np.asarray(proc, dtype=bool)
            for j, i in enumerate(moved):
                where = "opening" if after.questions[i] == "" else "after a repair"
                t = totals.setdefault(f"{where}, {way}", dict.fromkeys(KEYS, 0))
                gold, top = after.codes[i], [s.code_id for s in rows[j]]
                t["segments"] += 1
                if gold:
                    t["coded"] += 1
                    t["top1"] += bool(top) and top[0] in gold
                    t["top3"] += any(c in gold for c in top[:3])
                    t["coded_set_aside"] += bool(aside[j])
                else:
                    t["uncoded_set_aside"] += bool(aside[j])
    meta: dict[str, Any] = {
        "date": date.today().isoformat(),
        "model_sha256": ac.card.get("model_sha256"),
        "sets": len(hi.TRAINED_SETS),
        "contexts_changed": turns,
    }
    print(json.dumps(totals, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / "repair_contexts.json", json.dumps({"meta": meta, "rows": totals}, indent=1) + "\n"
    )
    lines = [
        "# Repairs on a bad line passed over as questions",
        "",
        f"Measured {meta['date']} with model {str(meta['model_sha256'])[:12]}… (in sample) on the "
        f"{meta['sets']} interview sets with gold: {turns} segments change context. Produced by "
        "`benchmarks/repair_contexts.py`.",
        "",
        "| segments | n | coded | top-1 | top-3 | coded set aside | uncoded set aside |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {name} | " + " | ".join(str(t[k]) for k in KEYS) + " |" for name, t in totals.items()
    ]
    atomic_write_text(OUT / "repair_contexts.md", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
