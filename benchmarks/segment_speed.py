"""Reading and segmenting long interviews, as ``roqa code`` does it, without embedding.

Session 59: a tester's study of 30 interviews of 6,000-9,100 words (1,106 participant turns of up
to 420 words, 1,735 segments) took 28 s with ``--backend static``, most of it cutting long turns
into windows: every run of a turn's sentences that could be a window was tokenised whole, from its
first sentence, 84,078 tokeniser calls and 12.7 s of a 14 s segmentation. Now a run is counted
from its sentences' counts when the model's tokenizer makes no word piece across white space
(:mod:`roqa_nlp.token_counts`), with the same segments.

This times, in a fresh child process each (one thread), reading and segmenting a corpus with the
model's token counter (``summed``) and with the same counter hidden behind a plain function, so
that every window is tokenised whole as before (``each window``), and checks that both give the
same segments (ids, offsets, texts). The corpus is generated from the example interviews' sentences
(nothing is downloaded): ``--interviews`` interviews of ``--answers`` answers of 4-28 sentences,
about the tester's study's shape; or give ``--corpus DIR``.

    python benchmarks/segment_speed.py [--corpus DIR] [--rounds 3] [--name NAME]

Writes ``benchmarks/results/segment_speed.json`` and ``segment_speed.md`` (``--name`` keys the
entry, so several corpora are kept side by side).
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
SENTENCES_PER_ANSWER = (4, 28)

#: Reads and segments argv[2:] as ``AutoCoder.segments_of`` does (no segmentation cache), counting
#: tokens summed (argv[1] == "summed") or every window whole; prints timings and a digest.
CHILD = """
import hashlib, json, sys, time
t0 = time.perf_counter()
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.transcripts import expand_paths, read_transcript
from roqa_nlp.transcripts.segment import segment
ac = AutoCoder.load(cache=False)
model_count = ac.embedder.count_tokens()
count = model_count if sys.argv[1] == "summed" else (lambda t: model_count(t))
t1 = time.perf_counter()
digest = hashlib.sha256()
n = words = 0
read_s = segment_s = 0.0
for p in expand_paths(sys.argv[2:]):
    a = time.perf_counter()
    t = read_transcript(p)
    b = time.perf_counter()
    segs = segment(t, ac.params["unit"], max_tokens=int(ac.params["max_tokens"]), count_tokens=count)
    read_s += b - a
    segment_s += time.perf_counter() - b
    words += len(t.text.split())
    for s in segs:
        n += 1
        digest.update(json.dumps([s.id, s.start, s.end, s.text]).encode())
print(json.dumps({"segments": n, "words": words, "load_s": t1 - t0, "read_s": read_s,
                  "segment_s": segment_s, "digest": digest.hexdigest()}))
"""


def make_long_corpus(out: Path, interviews: int, answers: int, seed: int = 59) -> None:
    """``interviews`` .txt interviews of ``answers`` long answers each, from the examples'
    sentences (a fixed function of the arguments)."""
    from make_corpus import example_talk

    questions, sentences = example_talk()
    out.mkdir(parents=True, exist_ok=True)
    for i in range(1, interviews + 1):
        rng = random.Random(f"{seed}:{i}")
        lines = []
        for k in range(answers):
            n = rng.randint(*SENTENCES_PER_ANSWER)
            answer = " ".join(rng.choice(sentences) for _ in range(n))
            lines.append(f"Interviewer: {questions[k % len(questions)]}\n\nP{i:02d}: {answer}\n")
        (out / f"long_{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="a folder of transcripts (default: generated)")
    ap.add_argument("--interviews", type=int, default=30)
    ap.add_argument("--answers", type=int, default=37)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--name", default="generated", help="key of this corpus in the results")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "long"
            make_long_corpus(corpus, args.interviews, args.answers)
        rounds = alternate(
            ("summed", "each window"), args.rounds, lambda way: run_child(CHILD, way, str(corpus))
        )
    digests = {r["digest"] for rs in rounds.values() for r in rs}
    first = rounds["summed"][0]
    entry = {
        **machine(),
        "corpus": str(args.corpus)
        if args.corpus
        else (
            f"{args.interviews} interviews x {args.answers} answers of "
            f"{SENTENCES_PER_ANSWER[0]}-{SENTENCES_PER_ANSWER[1]} example sentences"
        ),
        "segments": first["segments"],
        "words": first["words"],
        "same_segments": len(digests) == 1,
        "median_s": {
            way: {k: round(statistics.median(r[k] for r in rs), 2) for k in ("read_s", "segment_s")}
            for way, rs in rounds.items()
        },
        "rounds": rounds,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / "segment_speed.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results[args.name] = entry
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(write_summary(results))


def write_summary(results: dict[str, Any]) -> str:
    """``segment_speed.md`` from the recorded ``results``; returns its text."""
    lines = [
        "# Reading and segmenting long interviews (no embedding)",
        "",
        "Produced by `benchmarks/segment_speed.py`: one thread, a fresh process per run, median of "
        "the rounds. `summed`: a window's tokens counted from its sentences' (now); `each "
        "window`: every window tokenised whole (before session 59).",
        "",
        "| corpus | date | words | segments | read s | segment s, each window | segment s, summed "
        "| same segments |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, e in results.items():
        m = e["median_s"]
        lines.append(
            f"| {name}: {e['corpus']} | {e['date']} | {e['words']:,} | {e['segments']:,} | "
            f"{m['summed']['read_s']} | {m['each window']['segment_s']} | "
            f"{m['summed']['segment_s']} | {'yes' if e['same_segments'] else 'NO'} |"
        )
    text = "\n".join(lines) + "\n"
    (RESULTS / "segment_speed.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
