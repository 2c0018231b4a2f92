"""Speed and memory benchmarks of ``roqa code``, recorded with the date and the machine.

Measures, each command in its own child process (wall time; peak RSS from
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` of a fresh parent, so one run's peak never
hides another's):

- ``startup``: ``python -c pass`` vs ``python -c "import roqa_nlp"`` vs ``roqa --help`` (median of
  repeated runs), and whether ``roqa --help`` imports numpy or torch;
- ``throughput``: ``roqa code`` on the benchmark corpus (13 long interviews, ≈3,000 segments,
  about five times a study of 13 26-minute interviews, which makes ≈550) with a
  fresh embedding cache vs a raw ``SentenceTransformer.encode`` of the same segments in the same
  run, in alternating rounds (median of the round ratios; the fastest of each recorded); then the
  same ``roqa code`` again on the warm cache;
- ``backends``: the cold whole run with each embedding backend in alternating rounds (median of
  the per-round ratios to torch), and the dev-set accuracy
  (``roqa evaluate ../shared/eval/cfir_dev.jsonl``) of each;
- ``threads``: raw encoding with 1 and 2 torch threads, and the share of a run spent reading and
  segmenting (what overlapping it with encoding could save at most);
- ``memory``: peak RSS of ``roqa code --stream`` at 1×, 10× and 100× the seed corpus.

Results go to ``benchmarks/results/speed.json`` (every number) and ``speed.md`` (a summary), and
``performance_table.md`` (the table of ``docs/performance.md``). ``--only SECTION`` re-runs one
section and keeps the others' recorded results. Run on an otherwise idle machine; see ``--help``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
DEV = REPO.parent / "shared" / "eval" / "cfir_dev.jsonl"
BIN = Path(sys.executable).parent
ROQA = str(BIN / "roqa")
PY = sys.executable
SECTIONS = ("startup", "throughput", "backends", "threads", "memory", "ray")

#: Runs a command and prints its wall time and its peak RSS (kB) as JSON: a fresh parent per
#: measurement, since RUSAGE_CHILDREN keeps the largest child ever waited for.
MEASURE = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": p.returncode, "wall_s": wall, "peak_rss_mb": rss / 1024,
                  "stderr": p.stderr[-2000:]}))
"""

#: Segments a corpus as ``roqa code`` does, then times a raw sentence-transformers encode of the
#: segment texts, and of the interviewer's questions before them when argv[3] is "1" (what a
#: model with ``use_context`` embeds): what the pipeline adds is measured against this.
RAW_ENCODE = """
import json, sys, time
t0 = time.perf_counter()
from roqa_nlp.embedding import Embedder, default_model_path
from roqa_nlp.transcripts import expand_paths, read_transcript
from roqa_nlp.transcripts.segment import segment
threads = int(sys.argv[2])
if threads:
    import torch
    torch.set_num_threads(threads)
count = Embedder(cache=False).count_tokens()
t1 = time.perf_counter()
texts, questions = [], {}
for p in expand_paths([sys.argv[1]]):
    for s in segment(read_transcript(p), unit="window", max_tokens=200, count_tokens=count):
        texts.append(s.text)
        if s.context and len(sys.argv) > 3 and sys.argv[3] == "1":
            questions[s.context] = None
n_segments = len(texts)
texts += list(questions)
t2 = time.perf_counter()
from sentence_transformers import SentenceTransformer
st = SentenceTransformer(str(default_model_path()), device="cpu")
t3 = time.perf_counter()
st.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
t4 = time.perf_counter()
import torch
print(json.dumps({"n_segments": n_segments, "n_questions": len(questions), "segment_s": t2 - t1, "load_s": t3 - t2,
                  "encode_s": t4 - t3, "process_s": t4 - t0,
                  "torch_threads": torch.get_num_threads()}))
"""

HELP_IMPORTS = """
import sys
from roqa_nlp.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
print({m: m in sys.modules for m in ("numpy", "torch", "sklearn", "rich")}, file=sys.stderr)
"""


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Wall time and peak RSS of ``cmd`` in a child process (fails loudly if it fails)."""
    out = subprocess.run(
        [PY, "-c", MEASURE, *cmd],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    )
    r: dict[str, Any] = json.loads(out.stdout)
    if r["rc"] != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r['stderr']}")
    r.pop("stderr")
    return r


def run_json(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    out = subprocess.run(
        cmd, capture_output=True, text=True, env={**os.environ, **(env or {})}, check=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = {}
    for mod in ("torch", "sentence_transformers", "onnxruntime", "numpy", "ray"):
        try:
            versions[mod] = __import__(mod).__version__
        except ImportError:
            versions[mod] = None
    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
        "load_average_at_start": os.getloadavg()[0],
        "versions": versions,
    }


def corpus(work: Path, scale: int) -> Path:
    sys.path.insert(0, str(HERE))
    from make_corpus import make_corpus

    out = work / f"corpus-{scale}x"
    if not out.exists():
        log(f"generating the {scale}x corpus")
        make_corpus(out, scale)
    return out


def count_segments(out: Path) -> int:
    with open(out / "codings.jsonl", encoding="utf-8") as fh:
        return sum(1 for _ in fh)


# -- sections ---------------------------------------------------------------------------------


def bench_startup(repeats: int = 15) -> dict[str, Any]:
    cmds = {
        "python -c pass": [PY, "-c", "pass"],
        "import roqa_nlp": [PY, "-c", "import roqa_nlp"],
        "roqa --help": [ROQA, "--help"],
    }
    # The table's figure is for an install with compiled bytecode (any run after the first). A shell
    # with PYTHONDONTWRITEBYTECODE=1 would otherwise time the compiling of roqa's sources at every
    # start (session 78 measured 257 ms, 22.7x, that way): compile them once, keep the variable out.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    import roqa_nlp

    package = str(Path(roqa_nlp.__file__).parent)
    subprocess.run([PY, "-m", "compileall", "-q", package], env=env, check=True)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(repeats):  # interleaved, so background load hits all three alike
        for k, cmd in cmds.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env, check=True)
            times[k].append(time.perf_counter() - t)
    med = {k: statistics.median(v) for k, v in times.items()}
    imports = subprocess.run(
        [PY, "-c", HELP_IMPORTS], capture_output=True, text=True, env=env, check=True
    )
    return {
        "median_s": med,
        "bytecode_compiled": True,
        "ratio_import": med["import roqa_nlp"] / med["python -c pass"],
        "ratio_help": med["roqa --help"] / med["python -c pass"],
        "help_imports": imports.stderr.strip().splitlines()[-1],
        "repeats": repeats,
    }


def uses_context(model: Path | None) -> bool:
    """Whether the model codes with the interviewer's question as context (it embeds them too)."""
    from roqa_nlp.autocoder import packaged_model_dir

    card = json.loads(((model or packaged_model_dir()) / "model_card.json").read_text("utf-8"))
    return bool(card.get("params", {}).get("use_context"))


def code_cmd(corpus_dir: Path, out: Path, model: Path | None, *extra: str) -> list[str]:
    cmd = [ROQA, "code", str(corpus_dir), "--out", str(out), *extra]
    return cmd + (["--model", str(model)] if model else [])


def fresh_cache(work: Path, name: str) -> dict[str, str]:
    """The environment of a run with an empty cache: its own ``ROQA_CACHE_DIR``, emptied, and an
    empty per-user cache, which a cache kept elsewhere also reads (embedding.py): embeddings a
    researcher's runs left in ``~/.cache/roqa_nlp`` made a "cold" run read all 3,265 texts from
    there (session 81: 5.8 s for 47 s)."""
    env = {"ROQA_CACHE_DIR": str(work / name), "XDG_CACHE_HOME": str(work / "user-cache-empty")}
    for folder in env.values():
        shutil.rmtree(folder, ignore_errors=True)
    return env


def with_bytecode() -> None:
    """Time roqa as installed, its bytecode compiled (pip compiles it; so does any run after the
    first): compile its sources once and keep ``PYTHONDONTWRITEBYTECODE`` from the commands
    timed. A shell with it set, over a source tree without ``__pycache__``, made every ``roqa
    code`` compile the 109 modules of roqa it imports again: a warm re-code took 7.02 s of CPU,
    6.44 s with bytecode (session 83, medians of 6 alternating rounds, load 6.5-9.9)."""
    import roqa_nlp

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    package = str(Path(roqa_nlp.__file__).parent)
    subprocess.run([PY, "-m", "compileall", "-q", package], check=True)


def bench_throughput(work: Path, model: Path | None, rounds: int = 2) -> dict[str, Any]:
    """Raw encode and cold ``roqa code`` in alternating rounds (ratios within a round, median
    over rounds), then one warm re-code; roqa's bytecode compiled (:func:`with_bytecode`)."""
    import statistics

    with_bytecode()
    c1 = corpus(work, 1)
    questions = "1" if uses_context(model) else "0"  # the raw script embeds what roqa code does
    raws, colds = [], []
    for k in range(rounds):
        log(f"round {k + 1}/{rounds}: raw SentenceTransformer.encode of the 1x segments")
        raws.append(run_json([PY, "-c", RAW_ENCODE, str(c1), "0", questions]))
        cache = fresh_cache(work, "cache-throughput")
        log(f"round {k + 1}/{rounds}: roqa code, cold cache")
        colds.append(measure(code_cmd(c1, work / "out-cold", model), cache))
    log("roqa code, warm cache")
    warm = measure(code_cmd(c1, work / "out-warm", model), cache)
    n = count_segments(work / "out-cold")
    cold = min(colds, key=lambda r: r["wall_s"])
    raw = min(raws, key=lambda r: r["encode_s"])
    return {
        "n_segments": n,
        "raw_encode": raw,
        "cold": cold,
        "warm": warm,
        "rounds": [{"raw_encode": r, "cold": c} for r, c in zip(raws, colds)],
        "segments_per_s_pipeline": n / cold["wall_s"],
        "segments_per_s_raw_encode": raw["n_segments"] / raw["encode_s"],
        "overhead_vs_raw_process": statistics.median(
            c["wall_s"] / r["process_s"] - 1 for r, c in zip(raws, colds)
        ),
        "overhead_vs_raw_encode_only": statistics.median(
            c["wall_s"] / r["encode_s"] - 1 for r, c in zip(raws, colds)
        ),
        "warm_speedup": cold["wall_s"] / warm["wall_s"],
        "bytecode_compiled": True,
    }


#: The code that builds each fast backend: a backend built by other code is rebuilt.
BACKEND_SOURCES = {
    "onnx-int8": ("__init__.py", "onnx_int8.py"),
    "static": ("__init__.py", "static.py"),
}


def backend_source_hash(kind: str) -> str:
    """SHA-256 of the modules that build backend ``kind``."""
    import hashlib

    h = hashlib.sha256()
    for name in BACKEND_SOURCES[kind]:
        h.update((REPO / "src" / "roqa_nlp" / "backends" / name).read_bytes())
    return h.hexdigest()


def backend_dirs(work: Path) -> dict[str, Path]:
    """Build the fast backends into the work folder, once per version of the code that builds
    them (a backend left by an earlier run of older export code would measure that code)."""
    dirs = {}
    for kind in ("onnx-int8", "static"):
        d = work / "backends" / kind
        stamp = work / "backends" / f"{kind}.source-sha256"
        source = backend_source_hash(kind)
        built = stamp.exists() and stamp.read_text().strip() == source
        if not built or not (d / "backend_card.json").exists():
            log(f"building the {kind} backend")
            subprocess.run([ROQA, "build-backend", kind, "--out", str(d)], check=True)
            stamp.write_text(source + "\n")
            if kind == "static":  # its model was trained on the previous build's vectors
                shutil.rmtree(work / "model-static", ignore_errors=True)
        dirs[kind] = d
    return dirs


def static_model(work: Path, static_dir: Path) -> Path:
    """A model trained on static vectors (their space is not the transformer's)."""
    d = work / "model-static"
    if not (d / "model_card.json").exists():
        log("training a model on static vectors")
        subprocess.run(
            [
                ROQA,
                "train",
                str(REPO / "training_data"),
                "--backend",
                str(static_dir),
                "--out",
                str(d),
            ],
            check=True,
            env={**os.environ, **fresh_cache(work, "cache-train-static")},
        )
    return d


def evaluate(model: Path | None, backend: str, out: Path) -> dict[str, Any]:
    cmd = [ROQA, "evaluate", str(DEV), "--backend", backend, "--json", str(out)]
    cmd += ["--model", str(model)] if model else []
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    m = json.loads(out.read_text())
    keys = ("construct_top1", "construct_top3", "domain_accuracy", "novelty_auroc")
    return {k: m.get(k) for k in keys}


def bench_backends(work: Path, model: Path | None, rounds: int = 3) -> dict[str, Any]:
    """Each backend's whole cold run, ``rounds`` times in turn (torch, onnx-int8, static, torch,
    ...): on a shared machine the same run varies by 10-20 % from minute to minute, so a ratio is
    taken within each round and the median round ratio is recorded."""
    import statistics

    c1 = corpus(work, 1)
    dirs = backend_dirs(work)
    smodel = static_model(work, dirs["static"])
    plan = [
        ("torch", model, "torch"),
        ("onnx-int8", model, str(dirs["onnx-int8"])),
        ("static", smodel, str(dirs["static"])),
    ]
    runs: dict[str, Any] = {name: {"rounds": []} for name, _, _ in plan}
    for k in range(rounds):
        for name, m, backend in plan:
            env = fresh_cache(work, f"cache-backend-{name}")
            log(f"round {k + 1}/{rounds}: roqa code --backend {name}, cold cache")
            r = measure(code_cmd(c1, work / f"out-{name}", m, "--backend", backend), env)
            runs[name]["rounds"].append(r)
    for name, m, backend in plan:
        x = runs[name]
        x["wall_s"] = statistics.median(r["wall_s"] for r in x["rounds"])
        x["peak_rss_mb"] = max(r["peak_rss_mb"] for r in x["rounds"])
        x["n_segments"] = count_segments(work / f"out-{name}")
        x["segments_per_s"] = x["n_segments"] / x["wall_s"]
        ratios = [t["wall_s"] / r["wall_s"] for t, r in zip(runs["torch"]["rounds"], x["rounds"])]
        x["speedup_each_round"] = ratios
        x["speedup_vs_torch"] = statistics.median(ratios)
        if DEV.exists():
            x["dev"] = evaluate(m, backend, work / f"eval-{name}.json")
    # Static vectors read by the torch-trained classifier (why static needs its own model) are
    # refused by AutoCoder.load since session 13; docs/performance.md keeps what they scored.
    return runs


def bench_threads(work: Path) -> dict[str, Any]:
    """Raw encoding of 4 of the 13 interviews (≈920 segments) with 1 and 2 torch threads."""
    c1 = corpus(work, 1)
    part = work / "corpus-1x-first4"
    if not part.exists():
        part.mkdir()
        for p in sorted(c1.iterdir())[:4]:
            shutil.copy(p, part / p.name)
    out: dict[str, Any] = {"corpus": "first 4 interviews of the 1x corpus"}
    for n in (1, 2):
        log(f"raw encode with {n} torch thread(s)")
        out[f"threads_{n}"] = run_json([PY, "-c", RAW_ENCODE, str(part), str(n)])
    r1, r2 = out["threads_1"], out["threads_2"]
    out["speedup_2_vs_1"] = r1["encode_s"] / r2["encode_s"]
    out["segmentation_share_of_encode"] = r2["segment_s"] / r2["encode_s"]
    return out


def bench_memory(work: Path, scales: list[int], model: Path | None) -> dict[str, Any]:
    dirs = backend_dirs(work)
    smodel = static_model(work, dirs["static"])
    out: dict[str, Any] = {"backend": "static (so that 100x finishes in minutes)", "runs": {}}
    for s in scales:
        c = corpus(work, s)
        env = fresh_cache(work, f"cache-memory-{s}")
        log(f"roqa code --stream at {s}x")
        r = measure(
            code_cmd(
                c,
                work / f"out-mem-{s}",
                smodel,
                "--stream",
                "--backend",
                str(dirs["static"]),
                "--threads",
                "1",  # one core left to the other jobs of a shared machine (session 83)
            ),
            env,
        )
        r["n_segments"] = count_segments(work / f"out-mem-{s}")
        r["segments_per_s"] = r["n_segments"] / r["wall_s"]
        out["runs"][f"{s}x"] = r
        shutil.rmtree(work / f"out-mem-{s}", ignore_errors=True)
    first = out["runs"][f"{scales[0]}x"]["peak_rss_mb"]
    out["ratio_to_1x"] = {k: v["peak_rss_mb"] / first for k, v in out["runs"].items()}
    return out


def bench_ray(work: Path, model: Path | None) -> dict[str, Any]:
    """``roqa code --engine ray`` on the 1x corpus: a local Ray with one actor per core."""
    c1 = corpus(work, 1)
    env = fresh_cache(work, "cache-ray")
    shutil.rmtree(work / "out-ray", ignore_errors=True)
    log("roqa code --engine ray, cold cache")
    r = measure(code_cmd(c1, work / "out-ray", model, "--engine", "ray"), env)
    r["n_segments"] = count_segments(work / "out-ray")
    r["segments_per_s"] = r["n_segments"] / r["wall_s"]
    r["actors"] = f"{os.cpu_count()} (one torch thread each)"
    return r


# -- reporting --------------------------------------------------------------------------------


def fmt(x: float, nd: int = 1) -> str:
    return f"{x:.{nd}f}"


def signed(x: float, nd: int = 1) -> str:
    """``x`` with its sign, a minus sign as in print: +3.6, −0.6."""
    return f"{x:+.{nd}f}".replace("-", "−")


def questions_note(t: dict[str, Any]) -> str:
    n = t["raw_encode"].get("n_questions", 0)
    return f" and the {n:,} interviewer questions before them (the model's context)" if n else ""


def performance_table(r: dict[str, Any]) -> str:
    """The Performance table of docs/performance.md, from the recorded results."""
    m = r["machine"]
    rows = [
        "| measure | result | target |",
        "|---|---|---|",
    ]
    t = r.get("throughput")
    if t:
        rounds_pct = " / ".join(
            signed(100 * (x["cold"]["wall_s"] / x["raw_encode"]["process_s"] - 1))
            for x in t.get("rounds", [])
        )
        raw_load = t["raw_encode"]["load_s"]
        rows += [
            f"| `roqa code`, 13 long interviews ({t['n_segments']:,} segments, ≈5× a study of 13 "
            f"26-minute interviews), cold | "
            f"{fmt(t['cold']['wall_s'])} s ({fmt(t['segments_per_s_pipeline'])} segments/s) | — |",
            f"| pipeline overhead on a raw `SentenceTransformer.encode` run | "
            f"{signed(100 * t['overhead_vs_raw_process'])} % against the raw script's whole process, "
            "which imports sentence-transformers, loads the model, segments and encodes the same "
            f"segments{questions_note(t)} (median of rounds {rounds_pct}); "
            f"{signed(100 * t['overhead_vs_raw_encode_only'])} % against its encode call alone, "
            f"which leaves out the {fmt(raw_load)} s of import and model load every run pays "
            "| ≤ 10 % |",
            f"| warm re-code (embedding cache) | {fmt(t['warm']['wall_s'])} s, "
            f"{fmt(t['warm_speedup'])}× faster than cold | ≥ 20× |",
        ]
    b = r.get("backends")
    if b:
        for name in ("torch", "onnx-int8", "static"):
            x = b[name]
            dev = x.get("dev") or {}
            acc = (
                f"dev top-3 {fmt(100 * dev['construct_top3'])} %, novelty AUROC "
                f"{fmt(dev['novelty_auroc'], 3)}"
                if dev
                else ""
            )
            target = {
                "torch": "default",
                "onnx-int8": "≥ 2.5×, ≤ 2 points top-3",
                "static": "triage",
            }
            each = x.get("speedup_each_round")
            spread = (
                f" (median of {len(each)} alternating rounds: "
                + ", ".join(f"{fmt(v, 2)}×" for v in each)
                + ")"
                if each and name != "torch"
                else ""
            )
            rows.append(
                f"| `--backend {name}` whole run | {fmt(x['wall_s'])} s, "
                f"{fmt(x['speedup_vs_torch'])}× torch{spread}; {acc} | {target[name]} |"
            )
    mem = r.get("memory")
    if mem:
        runs = mem["runs"]
        parts = ", ".join(
            f"{k} {fmt(v['peak_rss_mb'], 0)} MB ({v['n_segments']:,} seg.)" for k, v in runs.items()
        )
        worst = max(mem["ratio_to_1x"].values())
        rows.append(
            f"| peak memory, `roqa code --stream` ({mem['backend'].split(' ')[0]} backend) | {parts}; "
            f"max {fmt(worst, 2)}× the 1× run | ≤ 1.2× |"
        )
    ray = r.get("ray")
    if ray:
        rows.append(
            f"| `roqa code --engine ray`, local Ray, the 13 long interviews, cold | "
            f"{fmt(ray['wall_s'])} s ({fmt(ray['segments_per_s'])} segments/s per "
            f"{m['cores']}-core node) | — |"
        )
    s = r.get("startup")
    if s:
        med = s["median_s"]
        rows += [
            f"| `import roqa_nlp` | {fmt(med['import roqa_nlp'] * 1000, 0)} ms, "
            f"{fmt(s['ratio_import'])}× `python -c pass` | ≤ 10× |",
            f"| `roqa --help`, bytecode compiled | {fmt(med['roqa --help'] * 1000, 0)} ms, "
            f"{fmt(s['ratio_help'])}× `python -c pass` | ≤ 10× |",
        ]
    th = r.get("threads")
    if th:
        rows.append(
            f"| torch threads 2 vs 1 (raw encode) | {fmt(th['speedup_2_vs_1'], 2)}× faster; "
            f"segmentation = {fmt(100 * th['segmentation_share_of_encode'])} % of encoding time | — |"
        )
    dates = sorted(set(r.get("runs_on", {}).values()) | {m["date"]})
    when = (
        f"{dates[0]} (load average {fmt(m['load_average_at_start'], 2)} at start)"
        if len(dates) == 1
        else f"from {dates[0]} to {dates[-1]}, section by section (speed.json's `runs_on`)"
    )
    head = (
        f"Measured {when} on {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
        f"Python {m['python']}, "
        f"torch {m['versions']['torch']}, onnxruntime {m['versions']['onnxruntime']}. "
        "Generated by `benchmarks/bench_speed.py` from `benchmarks/results/speed.json`; the "
        "machine is shared (the same run varies by 10-20 % from minute to minute), so only rows "
        "measured back to back (the backends, in alternating rounds) compare exactly.\n\n"
    )
    return head + "\n".join(rows) + "\n"


def record(section: str, value: Any, meta: dict[str, Any]) -> dict[str, Any]:
    """Store one section's results in speed.json (re-read first: sections may run separately)."""
    from roqa_nlp.io import atomic_write_text

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "speed.json"
    r: dict[str, Any] = json.loads(path.read_text()) if path.exists() else {}
    r.update(meta)  # the latest run's machine and model: the table's header names its machine
    r[section] = value
    r.setdefault("runs_on", {})[section] = meta["machine"]["date"]
    r.setdefault("measured_with", {})[section] = meta  # each section's own, kept
    atomic_write_text(path, json.dumps(r, indent=2) + "\n")
    write_tables(r)
    return r


def write_tables(r: dict[str, Any]) -> None:
    """speed.md, performance_table.md and docs/performance.md's table, from the recorded
    results."""
    from roqa_nlp.io import atomic_write_text

    table = performance_table(r)
    atomic_write_text(RESULTS / "performance_table.md", table)
    atomic_write_text(
        RESULTS / "speed.md",
        "# Speed and memory benchmarks\n\n"
        + table
        + "\nEvery number, with the commands' wall times and peak RSS, is in `speed.json`.\n",
    )
    fill_performance_page(table)


def fill_performance_page(table: str) -> None:
    """Put the table between docs/performance.md's performance markers (if the page has them)."""
    from roqa_nlp.io import atomic_write_text

    page = REPO / "docs" / "performance.md"
    start, end = "<!-- performance:start -->", "<!-- performance:end -->"
    text = page.read_text(encoding="utf-8") if page.exists() else ""
    if start not in text or end not in text:
        return
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    body = (
        f"{start}\n{table}\nThreads: torch uses one thread per core by default and onnx-int8 "
        "one worker per core, or `OMP_NUM_THREADS` for either when it is set; `roqa code "
        "--threads N` sets it (`--threads 1` leaves a core free on a shared machine). "
        "Backends, `--stream`, and Ray (including how to point it at a cluster): the sections "
        f"below.\n{end}"
    )
    atomic_write_text(page, head + body + tail)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=SECTIONS, action="append", help="sections to (re)run")
    ap.add_argument("--model", type=Path, default=None, help="model dir (default: packaged)")
    ap.add_argument("--scales", default="1,10,100", help="corpus scales for the memory section")
    ap.add_argument("--table-only", action="store_true", help="rewrite the tables, run nothing")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    args = ap.parse_args()
    if args.table_only:
        write_tables(json.loads((RESULTS / "speed.json").read_text()))
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="roqa-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    meta = {"machine": machine(), "model": str(args.model) if args.model else "models/default"}
    sections = args.only or list(SECTIONS)
    model = args.model.resolve() if args.model else None
    results: dict[str, Any] = {}
    for name in sections:
        log(f"== {name}")
        meta["machine"] = machine()
        if name == "startup":
            value: Any = bench_startup()
        elif name == "throughput":
            value = bench_throughput(work, model)
        elif name == "backends":
            value = bench_backends(work, model)
        elif name == "threads":
            value = bench_threads(work)
        elif name == "memory":
            value = bench_memory(work, [int(x) for x in args.scales.split(",")], model)
        else:
            value = bench_ray(work, model)
        results = record(name, value, meta)
    print(performance_table(results))


if __name__ == "__main__":
    main()
