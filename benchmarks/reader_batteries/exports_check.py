"""Reader battery of transcript exports: generate the 386 files of ``exports_gen.py`` and check
what ``roqa_nlp.read_transcript`` reads in each against its truth.

What it measures: per export class, the files and turns read wrong, by failure kind (see
``turns_compare.py``: HIGH lost / to_interv, MED to_partic / split / merged, LOW label_kept /
extra_words / changed), then per hazard and per class the files holding it and how many of those
have any wrong turn. With ``--cli`` it also checks that ``roqa inspect --json`` counts the same
speakers, roles and turns per file as ``read_transcript``. Results as measured:
``benchmarks/results/reader_batteries.md``. About 30 s on 2 shared cores.

Run (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/reader_batteries/exports_check.py
    ... exports_check.py -v --class otter   # each failing file: expected vs actual turns
    ... exports_check.py --cli              # also roqa inspect --json against read_transcript
    ... exports_check.py --no-gen --out DIR # check a battery already generated in DIR

``--out DIR`` (default ``benchmarks/out/reader_batteries/exports``, git-ignored) is where the
files are generated (emptied first), ``--seed`` / ``--per`` are passed to the generator.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from exports_gen import DEFAULT_OUT, generate  # noqa: E402
from turns_compare import (  # noqa: E402
    SEV,
    battery_records,
    class_stats,
    classify,
    count_fails,
    norm,
    read_each,
    read_turns,
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="battery folder")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--per", type=int, default=12, help="random files per class")
    ap.add_argument("--no-gen", action="store_true", help="check the files already in --out")
    ap.add_argument("--class", dest="only", help="check only this class")
    ap.add_argument("-v", "--verbose", action="store_true", help="each failing file")
    ap.add_argument("--cli", action="store_true", help="also compare roqa inspect --json")
    a = ap.parse_args()
    out: Path = a.out
    verbose, only = a.verbose, a.only
    recs = battery_records(
        out, only, None if a.no_gen else lambda: generate(out, a.seed, a.per), a.seed
    )
    stats = class_stats()
    hz_stats: dict = defaultdict(lambda: [0, 0])
    cls_hz: dict = defaultdict(lambda: [0, 0])
    detail = []
    results = {}
    for rec, st, (_t, act, _warns) in read_each(
        recs, stats, lambda rec: read_turns(out / rec["path"], rec), detail
    ):
        cls = rec["class"]
        results[rec["path"]] = act
        fails, notes = classify(rec["turns"], act)
        for h in (
            rec["hazards"]
            + rec.get("colon_hazards", [])
            + ([f"xlsx_{rec['xlsx_number']}"] if rec.get("xlsx_number") else [])
        ):
            hz_stats[h][0] += 1
            hz_stats[h][1] += bool(fails)
            cls_hz[(cls, h)][0] += 1
            cls_hz[(cls, h)][1] += bool(fails)
        solo = Path(rec["path"]).stem.partition("_only_")[2]
        if solo:
            cls_hz[(cls, "ONLY " + re.sub(r"_\d$", "", solo))][0] += 1
            cls_hz[(cls, "ONLY " + re.sub(r"_\d$", "", solo))][1] += bool(fails)
        if not (rec["hazards"] or rec.get("colon_hazards") or rec.get("xlsx_number")):
            cls_hz[(cls, "(none)")][0] += 1
            cls_hz[(cls, "(none)")][1] += bool(fails)
        for key in ("time_style", "page_footer"):
            if rec.get(key):
                cls_hz[(cls, f"{key}={rec[key]}")][0] += 1
                cls_hz[(cls, f"{key}={rec[key]}")][1] += bool(fails)
        if fails:
            count_fails(st, fails)
            detail.append((rec, fails, notes, act))
        elif any(n.startswith("speaker") for n in notes):
            st["kinds"]["(speaker label differs)"] += 1
    print(
        f"{'class':20} {'files':>5} {'bad_files':>9} {'turns':>6} {'bad_turns':>9}  failure kinds"
    )
    tot = [0, 0, 0, 0]
    for cls, st in stats.items():
        kinds = ", ".join(f"{SEV.get(k, '--')} {k} {n}" for k, n in st["kinds"].most_common())
        print(
            f"{cls:20} {st['files']:5} {st['bad_files']:9} {st['turns']:6} {st['bad_turns']:9}  {kinds}"
        )
        for i, k in enumerate(["files", "bad_files", "turns", "bad_turns"]):
            tot[i] += st[k]
    print(f"{'TOTAL':20} {tot[0]:5} {tot[1]:9} {tot[2]:6} {tot[3]:9}")
    print("\nhazard (files holding it / of those with any wrong turn):")
    for h, (n, b) in sorted(hz_stats.items()):
        print(f"  {h:22} {n:4} {b:4}")
    print(
        "\nper class, hazard: files with it / of those with any wrong turn (only classes with failures):"
    )
    for cls, st in stats.items():
        if st["bad_files"]:
            row = [f"{h} {n}/{b}" for (c, h), (n, b) in sorted(cls_hz.items()) if c == cls]
            print(f"  {cls:16} " + "; ".join(row))
    if verbose:
        for rec, fails, notes, act in detail:
            print(
                f"\n== {rec['path']}  {rec['encoding']}  hazards={rec['hazards']} {rec.get('colon_hazards', '')} {rec.get('xlsx_number', '')}"
            )
            for n in notes:
                print("   note:", n)
            for i, k in fails:
                if i < 0:
                    continue
                sp, role, t = rec["turns"][i]
                print(f"   [{SEV[k]} {k}] expected #{i} {sp} ({role}): {norm(t)[:160]!r}")
            for sp, role, t in act:
                print(f"      actual: {sp} ({role}): {norm(t)[:160]!r}")
    if a.cli:
        cli_compare(out, recs, results)


def cli_compare(out: Path, recs, results) -> None:
    """`roqa inspect --json` per class folder; compare its turns with read_transcript's."""
    roqa = str(Path(sys.executable).with_name("roqa"))
    diff = Counter()
    n = Counter()
    examples: list = []
    for cls in sorted({r["class"] for r in recs}):
        p = subprocess.run(
            [roqa, "inspect", "--json", str(out / cls)], capture_output=True, text=True
        )
        try:
            data = json.loads(p.stdout)
        except json.JSONDecodeError:
            print(f"cli {cls}: no JSON ({p.returncode}): {p.stderr.strip()[-300:]}")
            continue
        items = data if isinstance(data, list) else data.get("transcripts", [])
        for it in items:
            src = it.get("source") or it.get("file") or ""
            key = next(
                (
                    k
                    for k in results
                    if Path(k).stem == Path(src).stem or Path(k).stem == it.get("id")
                ),
                None,
            )
            if key is None:
                continue
            n[cls] += 1
            got = sorted((sp["speaker"], sp["role"], sp["turns"]) for sp in it.get("speakers", []))
            c = Counter((sp, r) for sp, r, _ in results[key])
            mine = sorted((sp, r, k) for (sp, r), k in c.items())
            if got != mine:
                diff[cls] += 1
                if len(examples) < 5:
                    examples.append(f"{key}: inspect {got} vs read_transcript {mine}")
    print("\nroqa inspect --json vs read_transcript (files compared / differing):")
    for cls in sorted(n):
        print(f"  {cls:20} {n[cls]:4} {diff[cls]:4}")
    for e in examples:
        print("  e.g.", e[:300])


if __name__ == "__main__":
    main()
