"""At what distance should the open-coding queue join segments into a candidate code?

The queue (``roqa_nlp.open_coding``) clusters the segments that fit no code by average linkage on
cosine distance and joins clusters while their distance is below a threshold. To choose it, we
need segments whose true grouping is known. The held-out interviews (``benchmarks/data/``, five
sets of four, never trained on, coded turn by turn by a team member) give that: every
participant segment whose gold turn has exactly one construct is labelled with it. We pretend
that the construct is missing from the codebook, so its segments are the talk of a theme that the
queue should group, and the others should stay apart. The embeddings are those of the packaged
model's embedder, which the queue uses.

Two checks, for each segment unit (window, the default; ``--unit sentence``; ``--unit turn``):

* **whole sets**: each held-out set's single-construct segments, clustered together (about 20-40
  constructs in 60-150 segments, many with only one or two segments: a queue of many themes and
  one-offs). Sums over the five sets.
* **queue-like pools**: 300 random pools from all five sets, each of 4 "missing" constructs
  (2-6 segments each, from at least two interviews) and 12 one-off segments, each of a different
  other construct, which should stay single.

Columns: **grouped** is the share of the theme segments (those whose construct has at least two
segments in the pool) that end in a group of 2 or more; **purity** is the share of the segments
in groups of 2 or more that belong to their group's commonest construct; **pair precision** and
**pair recall** count pairs of segments: put together and of one construct / put together, and
of one construct and put together / of one construct; **mixed** is the share of groups of 2 or
more that hold two or more constructs; **groups / singles** are the numbers of groups of 2 or
more and of segments left alone (means per pool in the second check); **one-offs alone** is the
share of the one-off segments left single. Besides fixed thresholds, adaptive rules set the
threshold from the pool's own median pairwise distance (``median - d``).

The threshold chosen for a unit is the largest fixed one at which the groups of the whole sets
stay at least 60 % pure: most segments of a candidate code share one construct.

Run: ``OPENBLAS_NUM_THREADS=1 flock /tmp/roqa-heavy.lock .venv/bin/python
benchmarks/open_coding_threshold.py``. Writes ``results/open_coding_threshold.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import (  # noqa: E402
    INTERVIEW_SETS,
    heldout_segments,
)
from scoring import OUT  # noqa: E402

from roqa_nlp.io import atomic_write_text  # noqa: E402
from roqa_nlp.open_coding import cluster_embeddings  # noqa: E402

SETS = tuple(INTERVIEW_SETS.values())
FIXED = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
UNITS = ("window", "sentence", "turn")
#: the rule of choice: the largest fixed threshold whose groups in the whole sets stay this pure
MIN_PURITY = 0.6
#: adaptive rules: the pool's median pairwise cosine distance minus d
MEDIAN_OFFSETS = (0.1, 0.15, 0.2)
N_POOLS, N_THEMES, THEME_SIZES, N_ONE_OFFS = 300, 4, (2, 6), 12


def median_distance(X: np.ndarray) -> float:
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    D = 1.0 - Xn @ Xn.T
    return float(np.median(D[np.triu_indices(len(X), 1)]))


def rules(X: np.ndarray) -> dict[str, float]:
    """Each rule's threshold for the pool ``X``."""
    out = {f"{t:.2f}": t for t in FIXED}
    med = median_distance(X)
    out.update({f"median - {d:.2f}": med - d for d in MEDIAN_OFFSETS})
    return out


def counts(labels: np.ndarray, y: list[str], one_off: set[int]) -> Counter[str]:
    """The raw counts behind every column, for one clustering of one pool."""
    c: Counter[str] = Counter()
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels.tolist()):
        groups.setdefault(lab, []).append(i)
    size_of = Counter(y)
    for members in groups.values():
        if len(members) == 1:
            c["singles"] += 1
            continue
        c["groups"] += 1
        cons = Counter(y[i] for i in members)
        c["in_groups"] += len(members)
        c["majority"] += cons.most_common(1)[0][1]
        c["mixed"] += len(cons) > 1
        c["pairs_together"] += len(members) * (len(members) - 1) // 2
        c["pairs_together_same"] += sum(n * (n - 1) // 2 for n in cons.values())
    for i, lab in enumerate(labels.tolist()):
        if size_of[y[i]] >= 2:
            c["theme"] += 1
            c["theme_grouped"] += len(groups[lab]) >= 2
        if i in one_off:
            c["one_off"] += 1
            c["one_off_alone"] += len(groups[lab]) == 1
    c["pairs_same"] += sum(n * (n - 1) // 2 for n in size_of.values())
    c["pools"] += 1
    return c


def summary(c: Counter[str]) -> dict[str, float]:
    def ratio(a: str, b: str) -> float:
        return round(c[a] / c[b], 3) if c[b] else float("nan")

    return {
        "grouped": ratio("theme_grouped", "theme"),
        "purity": ratio("majority", "in_groups"),
        "pair_precision": ratio("pairs_together_same", "pairs_together"),
        "pair_recall": ratio("pairs_together_same", "pairs_same"),
        "mixed": ratio("mixed", "groups"),
        "groups": round(c["groups"] / c["pools"], 2),
        "singles": round(c["singles"] / c["pools"], 2),
        "one_offs_alone": ratio("one_off_alone", "one_off"),
    }


def labelled(codebook: Any, embedder: Any, unit: str) -> list[dict[str, Any]]:
    """Per held-out set: the single-construct participant segments, their constructs,
    interviews and embeddings."""
    out = []
    for data in SETS:
        h = heldout_segments(codebook, unit, data)
        keep = [i for i, c in enumerate(h.codes) if len(c) == 1]
        X = embedder.encode([h.texts[i] for i in keep])
        out.append(
            {
                "set": data.name,
                "y": [h.codes[i][0] for i in keep],
                "interview": [h.transcripts[i] for i in keep],
                "X": np.asarray(X, dtype=np.float64),
            }
        )
    return out


def whole_sets(sets: list[dict[str, Any]]) -> tuple[dict[str, dict[str, float]], list[float]]:
    totals: dict[str, Counter[str]] = {}
    medians = []
    for s in sets:
        medians.append(round(median_distance(s["X"]), 3))
        for name, t in rules(s["X"]).items():
            labels = cluster_embeddings(s["X"], t)
            totals.setdefault(name, Counter()).update(counts(labels, s["y"], set()))
    return {k: summary(v) for k, v in totals.items()}, medians


def pools(sets: list[dict[str, Any]], seed: int = 0) -> tuple[dict[str, dict[str, float]], float]:
    rng = np.random.default_rng(seed)
    X = np.vstack([s["X"] for s in sets])
    y = [c for s in sets for c in s["y"]]
    interview = [f"{s['set']}/{t}" for s in sets for t in s["interview"]]
    by_construct: dict[str, list[int]] = {}
    for i, c in enumerate(y):
        by_construct.setdefault(c, []).append(i)
    # a theme needs segments from at least two interviews
    themes = sorted(
        c
        for c, idx in by_construct.items()
        if len(idx) >= THEME_SIZES[0] and len({interview[i] for i in idx}) >= 2
    )
    totals: dict[str, Counter[str]] = {}
    medians = []
    for _ in range(N_POOLS):
        chosen = rng.choice(themes, N_THEMES, replace=False).tolist()
        members: list[int] = []
        for c in chosen:
            idx = by_construct[c]
            k = int(rng.integers(THEME_SIZES[0], THEME_SIZES[1] + 1))
            members += rng.choice(idx, min(k, len(idx)), replace=False).tolist()
        others = sorted(set(by_construct) - set(chosen))
        one_offs = [
            int(rng.choice(by_construct[c]))
            for c in rng.choice(others, N_ONE_OFFS, replace=False).tolist()
        ]
        pool = members + one_offs
        Xp, yp = X[pool], [y[i] for i in pool]
        medians.append(median_distance(Xp))
        one_off_pos = set(range(len(members), len(pool)))
        for name, t in rules(Xp).items():
            labels = cluster_embeddings(Xp, t)
            totals.setdefault(name, Counter()).update(counts(labels, yp, one_off_pos))
    return {k: summary(v) for k, v in totals.items()}, round(float(np.median(medians)), 3)


def choose(whole: dict[str, dict[str, float]]) -> float:
    """The largest fixed threshold whose groups of 2 or more in the whole sets are at least
    ``MIN_PURITY`` pure."""
    return max(t for t in FIXED if whole[f"{t:.2f}"]["purity"] >= MIN_PURITY)


def table(rows: dict[str, dict[str, float]], pooled: bool) -> list[str]:
    head = (
        "| threshold | grouped | purity | pair precision | pair recall | mixed | groups | singles"
    )
    lines = [head + (" | one-offs alone |" if pooled else " |")]
    lines.append("|---" * (9 if pooled else 8) + "|")
    for name, r in rows.items():
        cells = [
            name,
            r["grouped"],
            r["purity"],
            r["pair_precision"],
            r["pair_recall"],
            r["mixed"],
            r["groups"],
            r["singles"],
        ]
        if pooled:
            cells.append(r["one_offs_alone"])
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return lines


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    results: dict[str, Any] = {
        "meta": {
            "date": date.today().isoformat(),
            "model_sha256": ac.card.get("model_sha256"),
            "embedder": ac.embedder.model_name,
            "pools": {
                "n": N_POOLS,
                "themes": N_THEMES,
                "theme_sizes": THEME_SIZES,
                "one_offs": N_ONE_OFFS,
            },
        }
    }
    for unit in UNITS:
        sets = labelled(ac.codebook, ac.embedder, unit)
        whole, whole_medians = whole_sets(sets)
        pooled, pool_median = pools(sets)
        results[unit] = {
            "segments": sum(len(s["y"]) for s in sets),
            "constructs": len({c for s in sets for c in s["y"]}),
            "whole_sets": whole,
            "whole_set_median_distance": whole_medians,
            "pools": pooled,
            "pool_median_distance": pool_median,
            "chosen": choose(whole),
        }
        print(unit, json.dumps(results[unit], indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(OUT / "open_coding_threshold.json", json.dumps(results, indent=1) + "\n")
    lines = [
        "# Open coding: the distance at which segments form a candidate code",
        "",
        f"Measured {results['meta']['date']} with model "
        f"{str(results['meta']['model_sha256'])[:12]}… (embedder "
        f"{results['meta']['embedder']}) by `benchmarks/open_coding_threshold.py`: held-out "
        "interview segments whose gold turn has one construct, that construct pretended missing "
        "from the codebook (see the script's docstring for the columns).",
        "",
    ]
    for unit in UNITS:
        r = results[unit]
        lines += [
            f"## Unit {unit}: {r['segments']} segments of {r['constructs']} constructs",
            "",
            "Whole sets (five pools, median pairwise distance "
            f"{', '.join(str(m) for m in r['whole_set_median_distance'])}):",
            "",
            *table(r["whole_sets"], pooled=False),
            "",
            f"Queue-like pools ({N_POOLS}: {N_THEMES} themes of {THEME_SIZES[0]}-"
            f"{THEME_SIZES[1]} segments and {N_ONE_OFFS} one-offs; median pairwise distance "
            f"{r['pool_median_distance']}):",
            "",
            *table(r["pools"], pooled=True),
            "",
            f"Chosen for unit {unit}: **{r['chosen']}**, the largest fixed threshold at which the "
            f"groups of the whole sets stay at least {MIN_PURITY:.0%} pure.",
            "",
        ]
    atomic_write_text(OUT / "open_coding_threshold.md", "\n".join(lines))


if __name__ == "__main__":
    main()
