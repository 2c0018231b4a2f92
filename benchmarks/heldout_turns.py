"""The held-out interviews scored per participant turn, as ``roqa evaluate`` scores records.

Each set's ``gold.jsonl`` has one record per participant turn (0-2 codes, or none for procedural
and off-framework talk). This scores the packaged model on those records with ``roqa evaluate``'s
metrics twice: on the answers alone (what ``roqa evaluate gold.jsonl`` does, the files having no
question) and with each turn's interviewer question, read from its transcript, as the record's
``context`` (what ``roqa code`` gives the model). Per-segment scores, where long turns are split
into windows, are in ``heldout_*.md`` (``benchmarks/heldout_interviews.py``).

Every set is training data since session 17 (``heldout_interviews.TRAINED_SETS``): the packaged
model now scores them in sample, so a run writes ``heldout_turns_in_sample.{json,md}`` and leaves
``heldout_turns.{json,md}``, the held-out record of the sessions before, as it is.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/heldout_turns.py`` (under a minute with
a warm embedding cache). Results: ``benchmarks/results/heldout_turns_in_sample.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import (  # noqa: E402
    DATA,
    OTHER_SETTINGS,
    PROVIDER_VOICES,
    SEED_GUIDE,
    TITLES,
    UNSEEN_SETTINGS,
)
from scoring import run_meta, write_results  # noqa: E402

KEYS = (
    "construct_top1",
    "construct_top3",
    "domain_accuracy",
    "construct_kappa",
    "valence_accuracy",
    "ece",
    "novelty_auroc",
)


def questions(data: Path) -> list[str]:
    """The interviewer's last turn before each participant turn, in ``gold.jsonl`` order."""
    from roqa_nlp.transcripts import read_transcript

    stems = []
    for line in (data / "gold.jsonl").read_text("utf-8").splitlines():
        if line and json.loads(line)["transcript"] not in stems:
            stems.append(json.loads(line)["transcript"])
    out: list[str] = []
    for stem in stems:
        t = read_transcript(data / f"{stem}.txt")
        asked = ""
        for turn in t.turns:
            if turn.role == "interviewer":
                asked = t.turn_text(turn)
            else:
                out.append(asked)
    return out


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.training import load_labelled

    ac = AutoCoder.load()
    results: dict[str, dict[str, Any]] = {}
    for data in (DATA, OTHER_SETTINGS, UNSEEN_SETTINGS, SEED_GUIDE, PROVIDER_VOICES):
        ts = load_labelled(data / "gold.jsonl", ac.codebook)
        asked = questions(data)
        if len(asked) != len(ts.texts):
            raise SystemExit(
                f"{data.name}: {len(asked)} participant turns, {len(ts.texts)} records"
            )
        alone = ac.evaluate(ts)
        ts.contexts = asked
        with_question = ac.evaluate(ts)
        results[data.name] = {
            "n": alone["n"],
            "n_coded": alone["n_coded"],
            "answer alone": {k: round(float(alone[k]), 3) for k in KEYS},
            "with the question": {k: round(float(with_question[k]), 3) for k in KEYS},
        }
    meta = run_meta(
        str(ac.card.get("training_data", {}).get("sha256", "")),
        model_sha256=ac.card.get("model_sha256"),
    )
    print(json.dumps(results, indent=1))
    lines = [
        "# The former held-out interviews per participant turn, in sample",
        "",
        "These sets are training data since session 17: not a check of generalisation (the "
        "held-out record before then is `heldout_turns.md`).",
        "",
        f"Measured {meta['date']} with model {str(meta['model_sha256'])[:12]}…; `roqa evaluate`'s "
        "metrics over each set's gold records (construct metrics over coded turns; novelty AUROC "
        "over all). Produced by `benchmarks/heldout_turns.py`.",
        "",
        "| set | turns (coded) | input | top-1 | top-3 | domain | kappa | valence | ECE | novelty AUROC |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        for how in ("answer alone", "with the question"):
            cells = " | ".join(f"{r[how][k]:.3f}" for k in KEYS)
            lines.append(f"| {TITLES[name]} | {r['n']} ({r['n_coded']}) | {how} | {cells} |")
    lines.append("")
    write_results("heldout_turns_in_sample", {"meta": meta, "sets": results}, lines)


if __name__ == "__main__":
    main()
