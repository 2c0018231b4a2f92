"""The bootstrap intervals of ``roqa agree`` with several coders, as resampled tables.

Session 74: with three coders or more, ``roqa agree`` figured the valence agreement of each of
its 1000 resamples (and of each pair's) and Light's kappa of the one-code-per-unit view one
resample at a time, every pair's Cohen's kappa a call of its own: 24,000 calls for 12 units,
15 s for 60 units of three coders and 46 s for six, in silence. Every figure of a resample is a
ratio of sums over its units now, which one matrix product over the resamples' unit counts gives
(``coding_agreement._resampled_statistics``), as the pooled figures already were.

This times :func:`roqa_nlp.coding_agreement.agreement_report` (default ``n_boot`` 1000) in a
fresh child process each (one thread) on generated long tables of ``--units`` units, each coder
giving one code of six (or none) and a valence, for 3 and 6 coders: ``resampled tables`` (now)
and ``one at a time`` (before: the same draws, each resample figured by the functions of
:mod:`roqa_nlp.agreement`, as ``e15b43d8`` did), and checks that both give the same report, every
figure to ``TOLERANCE`` (the sums are added in another order).

    python benchmarks/agree_speed.py [--units 60] [--coders 3 6] [--rounds 1]

Writes ``benchmarks/results/agree_speed.json`` and ``agree_speed.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from timed_runs import alternate, machine, run_child  # noqa: E402

RESULTS = HERE / "results"
CODES = ("Cost", "Culture", "Leadership Engagement", "Available Resources", "Champions", "Planning")
CODERS = ("Ana", "Ben", "Cat", "Dev", "Eli", "Fay", "Gus", "Hal")
TOLERANCE = 1e-12
#: Each way timed -> the CHILD's argv[1] for it.
WAYS = {"one at a time": "before", "resampled tables": "now"}

#: Figures the long table argv[2] (argv[1]: "now" or "before") and prints the seconds and the
#: report's figures (to_dict).
CHILD = """
import json, sys, time
import numpy as np
from roqa_nlp import coding_agreement as ca
from roqa_nlp.agreement import bootstrap_ci, why_withheld, ConfidenceInterval

def one_at_a_time(x, categories, weights):
    columns = np.arange(x.shape[1])
    out = {k: np.empty(len(weights)) for k in ca.STATISTICS}
    for b, w in enumerate(weights):
        for k, v in zip(ca.STATISTICS, ca._categorical_figures(x[:, np.repeat(columns, w)],
                                                                categories)):
            out[k][b] = v
    return out

def light_one_at_a_time(x, *, n_boot, ci_level, seed, n_carrying):
    ci = bootstrap_ci(ca._light_kappa, x, n_boot=n_boot, level=ci_level, seed=seed)
    why = why_withheld(n_carrying, n_valid=ci.n_valid, n_boot=n_boot, width=ci.high - ci.low,
                       estimate=ca._light_kappa(x))
    return ConfidenceInterval(ci.low, ci.high, ci_level, ci.method, ci.n_valid, why)

if sys.argv[1] == "before":
    ca._resampled_statistics = one_at_a_time
    ca._light_kappa_interval = light_one_at_a_time
cu = ca.read_long_csv(sys.argv[2])
t0 = time.perf_counter()
report = ca.agreement_report(cu).to_dict()
print(json.dumps({"seconds": time.perf_counter() - t0, "report": report}))
"""


def long_table(path: Path, n_coders: int, n_units: int, seed: int = 74) -> None:
    """``n_units`` units, each with a code most coders agree on (or none) and a valence."""
    rng = random.Random(seed)
    rows = ["unit,coder,code,valence"]
    for k in range(1, n_units + 1):
        agreed, valence = rng.choice((*CODES, "")), rng.choice(("barrier", "enabler", "neutral"))
        for coder in CODERS[:n_coders]:
            if rng.random() < 0.05:  # no row: the coder did not code the unit
                continue
            code = agreed if rng.random() < 0.7 else rng.choice((*CODES, ""))
            v = valence if rng.random() < 0.8 else rng.choice(("barrier", "enabler"))
            rows.append(f"u{k},{coder},{code},{v if code else ''}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def largest_difference(a: Any, b: Any) -> float:
    """The largest difference between two reports' figures (inf where they differ otherwise)."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return float("inf")
        return max((largest_difference(a[k], b[k]) for k in a), default=0.0)
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return float("inf")
        return max((largest_difference(x, y) for x, y in zip(a, b, strict=True)), default=0.0)
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) if a == a and b == b else (0.0 if a != a and b != b else float("inf"))
    return 0.0 if a == b else float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=60)
    ap.add_argument("--coders", type=int, nargs="+", default=[3, 6])
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    entries = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n_coders in args.coders:
            table = Path(tmp) / f"coders{n_coders}.csv"
            long_table(table, n_coders, args.units)
            rounds = alternate(
                WAYS, args.rounds, lambda way, t=table: run_child(CHILD, WAYS[way], str(t))
            )
            diff = max(
                largest_difference(a["report"], b["report"])
                for a in rounds["one at a time"]
                for b in rounds["resampled tables"]
            )
            entries[f"{n_coders} coders x {args.units} units"] = {
                "median_s": {
                    way: round(statistics.median(r["seconds"] for r in rs), 3)
                    for way, rs in rounds.items()
                },
                "largest_difference": diff,
                "same_to_tolerance": diff <= TOLERANCE,
            }
    entry = {
        **machine(),
        "rounds": args.rounds,
        "tables": entries,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "agree_speed.json"
    path.write_text(json.dumps(entry, indent=2) + "\n", encoding="utf-8")
    print(write_summary(entry))


def write_summary(entry: dict[str, Any]) -> str:
    """``agree_speed.md`` from the recorded ``entry``; returns its text."""
    lines = [
        "# `roqa agree` bootstrap intervals with several coders",
        "",
        "Produced by `benchmarks/agree_speed.py`: `agreement_report` with the default 1000 "
        "resamples, one thread, a fresh process per run, median of the rounds "
        f"({entry['rounds']}; {entry['date']}, {entry['machine']}, {entry['cores']} cores, load "
        f"average {entry['load_average_at_end']}). `one at a time`: each resample's valence "
        "figures and Light's kappa figured on their own (before session 74); `resampled "
        "tables`: from the resampled sums, one matrix product per block of resamples (now). "
        f"Same report: every figure within {TOLERANCE:g} (the sums are added in another order).",
        "",
        "| table | one at a time s | resampled tables s | largest difference | same report |",
        "|---|---|---|---|---|",
    ]
    for name, e in entry["tables"].items():
        m = e["median_s"]
        lines.append(
            f"| {name} | {m['one at a time']} | {m['resampled tables']} | "
            f"{e['largest_difference']:.2g} | {'yes' if e['same_to_tolerance'] else 'NO'} |"
        )
    text = "\n".join(lines) + "\n"
    (RESULTS / "agree_speed.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
