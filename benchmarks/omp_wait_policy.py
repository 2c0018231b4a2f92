"""Cold ``roqa code`` runs under each OpenMP wait policy, alternated in one run.

Session 77 (ux tester, defect 1): on this shared 2-core machine under load, torch's two OpenMP
threads (libgomp) spin while they wait for the next operation, and a spinning thread holds the core
the other one needs. A 90-minute interview took 200 s and 58 CPU-s by default, 30 s and 14 CPU-s
with ``OMP_WAIT_POLICY=PASSIVE``, for byte-identical codings. ``import roqa_nlp`` now sets
``PASSIVE`` when the user has not set the variable.

This codes a fixed set of transcripts (the three example interviews and the held-out interviews'
.txt files, about 13,000 words: a 90-minute interview's worth) cold (a fresh ``ROQA_CACHE_DIR``
each run), in a fresh child process, once per policy per round, the policies in turn within a
round, so that a busy spell of the machine hits each alike:

- ``unset``: the variable not set, as before this change (the child removes what
  ``import roqa_nlp`` set, before torch loads): libgomp spins 300,000 times, then sleeps;
- ``ACTIVE``: spins (almost) without end;
- ``PASSIVE``: sleeps at once (now the default).

Each run records its wall time, its CPU time (user + system of the child), the load average
(1 minute) as it starts and ends, the spin count libgomp reports (``OMP_DISPLAY_ENV=VERBOSE``,
which proves the policy reached torch) and the SHA-256 of ``codings.jsonl``.

    python benchmarks/omp_wait_policy.py [--rounds 3] [--policies unset,ACTIVE,PASSIVE]

Adds an entry to ``benchmarks/results/omp_wait_policy.json`` (every run kept, so a busy and an
idle machine's runs stand side by side) and writes ``omp_wait_policy.md`` from all of them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from timed_runs import machine  # noqa: E402

RESULTS = HERE / "results"
POLICIES = ("unset", "ACTIVE", "PASSIVE")

#: The child: ``roqa code TEXTS --out OUT``, after undoing roqa's default for ``unset``.
CHILD = """
import os, sys
import roqa_nlp
if sys.argv[1] == "unset":
    del os.environ["OMP_WAIT_POLICY"]
from roqa_nlp.cli import main
sys.argv = ["roqa", "code", sys.argv[2], "--out", sys.argv[3]]
sys.exit(main())
"""


def texts(into: Path) -> Path:
    """The fixed text set, copied into ``into`` (the held-out folder also holds a README and gold
    labels, which are no transcripts)."""
    into.mkdir()
    for p in sorted((ROOT / "examples" / "interviews").iterdir()):
        shutil.copy(p, into / p.name)
    for p in sorted((ROOT / "benchmarks" / "data" / "heldout_interviews").glob("*.txt")):
        shutil.copy(p, into / p.name)
    return into


def spin_count(stderr: str) -> int | None:
    """The ``GOMP_SPINCOUNT`` libgomp printed as torch loaded it (None if it never loaded)."""
    m = re.search(r"GOMP_SPINCOUNT = '(\d+)'", stderr)
    return int(m.group(1)) if m else None


def run_once(policy: str, folder: Path, work: Path) -> dict[str, Any]:
    """One cold ``roqa code`` of ``folder`` in a fresh process under ``policy``."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    out = work / f"out-{cache.name}"
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    env.update(ROQA_CACHE_DIR=str(cache), OMP_DISPLAY_ENV="VERBOSE")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    if policy != "unset":
        env["OMP_WAIT_POLICY"] = policy
    load_start = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-c", CHILD, policy, str(folder), str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(f"roqa code failed under {policy}:\n{p.stderr[-2000:]}")
    codings = (out / "codings.jsonl").read_bytes()
    shutil.rmtree(cache)
    shutil.rmtree(out)
    return {
        "policy": policy,
        "wall_s": round(wall, 2),
        "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 2),
        "load_start": round(load_start, 2),
        "load_end": round(os.getloadavg()[0], 2),
        "gomp_spincount": spin_count(p.stderr),
        "segments": codings.count(b"\n"),
        "codings_sha256": hashlib.sha256(codings).hexdigest(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--policies", default=",".join(POLICIES))
    args = ap.parse_args()
    policies = args.policies.split(",")
    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="omp-wait-") as tmp:
        folder = texts(Path(tmp) / "texts")
        for r in range(args.rounds):
            for policy in policies:
                run = {"round": r + 1, **run_once(policy, folder, Path(tmp))}
                print(json.dumps(run), flush=True)
                runs.append(run)
    entry = {**machine(), "started": started, "words": words(), "runs": runs}
    path = RESULTS / "omp_wait_policy.json"
    entries = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    entries.append(entry)
    path.write_text(json.dumps(entries, indent=2) + "\n", encoding="utf-8")
    print(write_summary(entries))


def words() -> int:
    """Words in the text set's files (all of it, interviewers' and labels too)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = texts(Path(tmp) / "t")
        total = 0
        for p in folder.iterdir():
            if p.suffix == ".docx":
                import docx  # python-docx, a dependency of roqa

                total += sum(len(x.text.split()) for x in docx.Document(str(p)).paragraphs)
            else:
                total += len(p.read_text(encoding="utf-8").split())
        return total


def ratio(entry: dict[str, Any], policy: str, key: str) -> list[float]:
    """Each round's ``policy`` run's ``key`` over that round's PASSIVE run's."""
    by = {(r["round"], r["policy"]): r for r in entry["runs"]}
    return [
        round(by[(n, policy)][key] / by[(n, "PASSIVE")][key], 2)
        for n, p in sorted(by)
        if p == policy and (n, "PASSIVE") in by
    ]


def write_summary(entries: list[dict[str, Any]]) -> str:
    """``omp_wait_policy.md`` from every recorded entry; returns its text."""
    lines = [
        "# torch's OpenMP wait policy: cold `roqa code` runs",
        "",
        "Produced by `benchmarks/omp_wait_policy.py`: the three example interviews and the "
        "held-out interviews' .txt files, coded cold (fresh cache) in a fresh process per run; "
        "in each round every policy once, in turn. `unset` is how roqa ran before session 77 "
        "(libgomp spins 300,000 times, then sleeps), `ACTIVE` spins on, `PASSIVE` (roqa's "
        "default now, when the user sets no `OMP_WAIT_POLICY`) sleeps at once. CPU = user + "
        "system seconds of the child. Load = 1-minute load average at the run's start → end. "
        "Spin count = the `GOMP_SPINCOUNT` libgomp reported as torch loaded, which shows each "
        "policy reached it.",
        "",
    ]
    for e in entries:
        policies = list(dict.fromkeys(r["policy"] for r in e["runs"]))
        same = len({r["codings_sha256"] for r in e["runs"]}) == 1
        loads = [x for r in e["runs"] for x in (r["load_start"], r["load_end"])]
        lines += [
            f"## {e['started']}: load {min(loads):.1f}-{max(loads):.1f} on {e['cores']} cores",
            "",
            f"{e['machine']}, {e['words']:,} words, {e['runs'][0]['segments']} segments. "
            f"codings.jsonl {'byte-identical in every run' if same else 'DIFFERS between runs'}.",
            "",
            "| round | policy | wall s | CPU s | load | spin count |",
            "|---|---|---|---|---|---|",
        ]
        for r in e["runs"]:
            lines.append(
                f"| {r['round']} | {r['policy']} | {r['wall_s']} | {r['cpu_s']} | "
                f"{r['load_start']} → {r['load_end']} | {r['gomp_spincount']} |"
            )
        lines += [
            "",
            "| policy | median wall s | median CPU s | wall / PASSIVE's, by round "
            "| CPU / PASSIVE's, by round |",
            "|---|---|---|---|---|",
        ]
        for policy in policies:
            rs = [r for r in e["runs"] if r["policy"] == policy]
            lines.append(
                f"| {policy} | {statistics.median(r['wall_s'] for r in rs):.1f} | "
                f"{statistics.median(r['cpu_s'] for r in rs):.1f} | "
                f"{', '.join(f'{x:.2f}' for x in ratio(e, policy, 'wall_s'))} | "
                f"{', '.join(f'{x:.2f}' for x in ratio(e, policy, 'cpu_s'))} |"
            )
        lines.append("")
    if not any(max(r["load_end"] for r in e["runs"]) < 1.5 for e in entries):
        lines += [
            "**Still owed: a run on an idle machine** (load below 1.5). Every run above was on a "
            "busy shared machine, where spinning costs most; on an idle one spinning may be a "
            "little faster than sleeping.",
            "",
        ]
    text = "\n".join(lines)
    (RESULTS / "omp_wait_policy.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
