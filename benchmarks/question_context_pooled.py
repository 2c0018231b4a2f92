"""The interviewer's question as context, on every interview set with questions, pooled.

Four sets of interviews carry the interviewer's question before each answer, none of them ever
trained on: the gold-coded example interviews (``examples/gold``, the seed's setting), the
held-out interviews in the seed's setting, in other settings the exemplars cover, and in
settings absent from the training data (``benchmarks/data/heldout_*``). Each coded segment is
scored with the packaged model on the answer alone and on the answer's embedding plus w times
the question's (renormalised; what ``use_context`` does). Per set and pooled: top-1 / top-3 /
domain hit rates, and for the pooled gain over the answer alone a 95% interval from a paired
bootstrap that resamples whole interviews (segments of one interview are not independent).

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/question_context_pooled.py`` (about a
minute with a warm embedding cache). Results: ``benchmarks/results/question_context_pooled.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import GOLD_JSONL, read_gold  # noqa: E402
from heldout_interviews import DATA, OTHER_SETTINGS, UNSEEN_SETTINGS, heldout_segments  # noqa: E402
from scoring import OUT, run_meta  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

WEIGHTS = (0.0, 0.1, 0.2, 0.3)
METRICS = ("top1", "top3", "domain")
N_BOOT = 2000


def gold_examples(book: Any) -> dict[str, list[Any]]:
    """The coded segments of the gold example interviews with their interview and question."""
    segments = {
        r["segment_id"]: r for r in (json.loads(x) for x in read_text(GOLD_JSONL).splitlines() if x)
    }
    coded = [
        (segments[sid], g.code_ids) for sid, g in read_gold(codebook=book).items() if g.code_ids
    ]
    return {
        "interview": [s["transcript"] for s, _ in coded],
        "text": [s["text"] for s, _ in coded],
        "question": [s["context"] or "" for s, _ in coded],
        "codes": [list(c) for _, c in coded],
    }


def heldout(book: Any, unit: str, data: Path) -> dict[str, list[Any]]:
    h = heldout_segments(book, unit, data)
    keep = [i for i, c in enumerate(h.codes) if c]
    return {
        "interview": [f"{data.name}/{h.transcripts[i]}" for i in keep],
        "text": [h.texts[i] for i in keep],
        "question": [h.questions[i] for i in keep],
        "codes": [h.codes[i] for i in keep],
    }


def hits(ac: Any, s: dict[str, list[Any]], w: float) -> np.ndarray:
    """(n, 3) booleans: top-1, top-3 and domain hit of each segment at question weight w."""
    X = ac.embedder.encode(s["text"])
    Q = ac.embedder.encode(s["question"]) * np.asarray([bool(q) for q in s["question"]])[:, None]
    Z = X + w * Q
    Z = Z / np.linalg.norm(Z, axis=1, keepdims=True)
    rows = ac._suggest_rows(Z, 3, s["text"])[0]
    dom = {c.id: c.domain for c in ac.codebook.codable}
    out = []
    for r, gold in zip(rows, s["codes"]):
        ranked = [g.code_id for g in r]
        top = ranked[0] if ranked else ""
        out.append(
            (
                top in gold,
                bool(set(ranked[:3]) & set(gold)),
                dom.get(top) is not None and dom.get(top) in {dom.get(g) for g in gold},
            )
        )
    return np.array(out, dtype=bool)


def clustered_interval(diff: np.ndarray, clusters: list[str], seed: int = 0) -> list[float]:
    """95% paired-bootstrap interval of the mean of ``diff`` (n, k), resampling clusters."""
    rng = np.random.default_rng(seed)
    names = sorted(set(clusters))
    idx = {c: np.flatnonzero(np.asarray(clusters) == c) for c in names}
    means = []
    for _ in range(N_BOOT):
        pick = np.concatenate([idx[names[j]] for j in rng.integers(0, len(names), len(names))])
        means.append(diff[pick].mean(axis=0))
    lo, hi = np.percentile(np.asarray(means), [2.5, 97.5], axis=0)
    return [[round(float(a), 3), round(float(b), 3)] for a, b in zip(lo, hi)]  # type: ignore[misc]


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    book, unit = ac.codebook, ac.params["unit"]
    sets = {
        "gold examples (seed's setting)": gold_examples(book),
        "held-out, seed's setting": heldout(book, unit, DATA),
        "held-out, covered settings": heldout(book, unit, OTHER_SETTINGS),
        "held-out, unseen settings": heldout(book, unit, UNSEEN_SETTINGS),
    }
    table: dict[str, dict[str, Any]] = {}
    pooled: dict[float, list[np.ndarray]] = {w: [] for w in WEIGHTS}
    clusters: list[str] = []
    for name, s in sets.items():
        table[name] = {"n": len(s["text"]), "interviews": len(set(s["interview"]))}
        clusters += s["interview"]
        for w in WEIGHTS:
            h = hits(ac, s, w)
            pooled[w].append(h)
            table[name][str(w)] = [round(float(x), 3) for x in h.mean(axis=0)]
    base = np.concatenate(pooled[0.0]).astype(float)
    summary: dict[str, Any] = {"n": len(base), "interviews": len(set(clusters))}
    for w in WEIGHTS:
        h = np.concatenate(pooled[w]).astype(float)
        summary[str(w)] = [round(float(x), 3) for x in h.mean(axis=0)]
        if w:
            summary[f"gain {w}"] = [round(float(x), 3) for x in (h - base).mean(axis=0)]
            summary[f"gain {w} 95% CI"] = clustered_interval(h - base, clusters)
    meta = run_meta(str(ac.card.get("training_data", {}).get("sha256", "")), weights=WEIGHTS)
    print(json.dumps({"sets": table, "pooled": summary}, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / "question_context_pooled.json",
        json.dumps({"meta": meta, "sets": table, "pooled": summary}, indent=1) + "\n",
    )

    def cells(v: list[float]) -> str:
        return " / ".join(f"{x:.3f}" for x in v)

    lines = [
        "# The interviewer's question as context, pooled over every interview set",
        "",
        f"Measured {meta['date']} with the packaged model; top-1 / top-3 / domain over the coded "
        "segments; w = weight of the question's embedding added to the answer's (0 = answer "
        f"alone; the packaged model uses w = {ac.params['context_weight']}). The "
        "heldout_seed_guide set (session 8) is left out: it was written after w was chosen, "
        "to check it. Produced by `benchmarks/question_context_pooled.py`.",
        "",
        "| set | segments (interviews) | " + " | ".join(f"w = {w:g}" for w in WEIGHTS) + " |",
        "|---|---|" + "---|" * len(WEIGHTS),
    ]
    for name, r in table.items():
        row = " | ".join(cells(r[str(w)]) for w in WEIGHTS)
        lines.append(f"| {name} | {r['n']} ({r['interviews']}) | {row} |")
    row = " | ".join(cells(summary[str(w)]) for w in WEIGHTS)
    lines.append(f"| **pooled** | {summary['n']} ({summary['interviews']}) | {row} |")
    lines += ["", "| w | pooled gain over the answer alone | 95% interval (interviews resampled) |"]
    lines.append("|---|---|---|")
    for w in WEIGHTS[1:]:
        ci = " ; ".join(f"{a:+.3f} … {b:+.3f}" for a, b in summary[f"gain {w} 95% CI"])
        lines.append(f"| {w:g} | {cells(summary[f'gain {w}'])} | {ci} |")
    lines.append("")
    atomic_write_text(OUT / "question_context_pooled.md", "\n".join(lines))


if __name__ == "__main__":
    main()
