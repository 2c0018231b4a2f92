"""Barriers told as something missing, insufficient, hedged or "good, but" (session 86).

A blind tester (session 86, daily17) found a third of gold barriers read as enablers when the
barrier is told as an absence ("we're not really measuring"), a hedge ("not as much as I'd like")
or a contrast ("my manager's good ... but above her ..."). This measures barrier -> enabler and
enabler -> barrier flips split by how the gold talk is told (:func:`told`, a first-match rule:
contrast with a positive word before the cue, hedge, absence / insufficiency, explicit problem
words, other), with Wilson 95 % intervals, and one lever: team-written records in the project's
own words (``training_data/not_used/valence_told_s86.jsonl``) added to every fit.

Data: the 42 interview sets in five grouped folds (``set_folds.py``; each fold scored by the
pipeline trained without its sets, the question as context as packaged), and blind testers' gold
passages given as arguments (JSON Lines or a JSON list of records with ``text`` and ``valence``;
read by the pipeline fitted on every training file, answer alone). Never the development set.

Run: ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 .venv/bin/python benchmarks/valence_told.py
predict OUT.json [--extra RECORDS.jsonl] [TESTER ...]`` (about half an hour on a loaded machine),
then ``benchmarks/valence_told.py analyse BASE.json [VARIANT.json]``. Results of session 86 are
in ``results/classifier_comparison.md`` ("Session 86: barriers told as absence").
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _words(*ws: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(ws) + r")\b", re.I)


POSITIVE = _words(
    "good", "great", "fine", "brilliant", "lovely", "helpful", "supportive", "better", "works?",
    "worked", "excellent", "fantastic", "positive", "nice", "amazing", "really well", "well",
    "keen", "happy", "love[ds]?", "useful",
)  # fmt: skip
CONTRAST = _words(
    "but", "however", "though", "although", "mind you", "the trouble is", "the problem is", "except"
)
HEDGE = _words(
    "not as much as", r"not as \w+ as", "i'?d like", "would like", "we'?d like", "i wish",
    "could be better", "not really", "a bit", "not always", "not quite", "sort of", "kind of",
    "not great", "not ideal", "could do more", "hit and miss", "patchy", "not very",
    "not particularly", "to be honest", "if i'?m honest", "i suppose", "i guess", "not sure",
    "not that", "fairly", "slightly", "a little",
)  # fmt: skip
ABSENCE = _words(
    "not enough", "don'?t have", "do not have", "haven'?t got", "hasn'?t got", "no ?one",
    "nobody", "there'?s no", "there is no", "there isn'?t", "there aren'?t", "there wasn'?t",
    r"no \w+", r"lack\w*", r"short\w*", "without", "never", "not much", "too few", "too little",
    "can'?t afford", "nothing", "none", "missing", "gap", "isn'?t any", "aren'?t any",
    "don'?t get", "didn'?t get", "not getting", "we'?re not", "not been", "haven'?t", "hasn'?t",
    "stopped", "cut", "only",
)  # fmt: skip
PROBLEM = _words(
    r"problem\w*", r"issue\w*", r"struggl\w*", r"difficult\w*", "hard", r"barrier\w*",
    r"frustrat\w*", r"challeng\w*", r"worr\w*", r"stress\w*", r"exhaust\w*", r"burn\w*",
    "nightmare", r"fight\w*", r"resist\w*", "pushback", "tough", "awful", "terrible",
    "firefighting", r"overwhelm\w*", r"pressure\w*", r"constant\w*", "tired", r"annoy\w*",
    r"complain\w*", r"resent\w*", r"risk\w*", r"fear\w*", "scared", "anxious", "chaos", "mess",
)  # fmt: skip
KINDS = ("contrast (X good, but Y)", "hedge", "absence/insufficiency", "explicit problem", "other")


def told(text: str) -> str:
    """How the talk is told, the first of :data:`KINDS` that matches."""
    m = CONTRAST.search(text)
    if m and POSITIVE.search(text[: m.start()]):
        return KINDS[0]
    for kind, pattern in zip(KINDS[1:4], (HEDGE, ABSENCE, PROBLEM)):
        if pattern.search(text):
            return kind
    return KINDS[4]


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of k successes in n."""
    if not n:
        return (0.0, 0.0)
    p, d = k / n, 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def rate(k: int, n: int) -> str:
    lo, hi = wilson(k, n)
    return f"{k}/{n} = {k / n if n else 0:.3f} [{lo:.3f}, {hi:.3f}]"


def read_testers(paths: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """Gold passages stating a valence from JSON Lines or JSON list files, with their file."""
    out = []
    for p in paths:
        raw = Path(p).read_text(encoding="utf-8")
        recs = json.loads(raw) if raw.lstrip().startswith("[") else [
            json.loads(line) for line in raw.splitlines() if line.strip()
        ]  # fmt: skip
        out += [(p, r) for r in recs if r.get("valence") in ("barrier", "enabler", "neutral")]
    return out


def predict(out: str, extra: str | None, testers: list[str]) -> None:
    from set_folds import coded_segments, fold_training, packaged_and_data, refit

    packaged, base, interviews, *_ = packaged_and_data()
    book = packaged.codebook
    if extra:
        from roqa_nlp.training import load_training_set

        base = base.extend(load_training_set(Path(extra), book, descriptions=False))

    def read(ac: Any, texts: list[str], qs: list[Any]) -> list[tuple[str, float, str]]:
        rows = ac._suggest_rows(ac._inputs(texts, qs), 1, texts, qs)[0]
        return [(r[0].valence, r[0].valence_probability, r[0].code_id) for r in rows]

    res: list[dict[str, Any]] = []
    for f, held, ts in fold_training(base, interviews, 5):
        ac = refit(packaged, ts)
        for name in held:
            d = coded_segments(book, name)
            for t, g, (v, p, c) in zip(d["text"], d["valence"], read(ac, d["text"], d["question"])):
                res.append(dict(src="folds", set=name, text=t, gold=g, pred=v, vp=p, code=c))
        print("fold", f, "done", flush=True)
    gold = read_testers(testers)
    if gold:
        ac = refit(packaged, base.extend(interviews))
        texts = [r["text"] for _, r in gold]
        for (s, r), (v, p, c) in zip(gold, read(ac, texts, [None] * len(texts))):
            res.append(
                dict(src="testers", set=s, text=r["text"], gold=r["valence"], pred=v, vp=p, code=c)
            )
    Path(out).write_text(json.dumps(res, indent=0), encoding="utf-8")
    print(len(res), "rows ->", out)


def report(rows: list[dict[str, Any]], title: str) -> None:
    hits = sum(r["gold"] == r["pred"] for r in rows)
    print(f"\n### {title}: {len(rows)} gold segments; valence {rate(hits, len(rows))}")
    for gold, wrong in (("barrier", "enabler"), ("enabler", "barrier")):
        rr = [r for r in rows if r["gold"] == gold]
        flips = [r for r in rr if r["pred"] == wrong]
        sure = sum((r["vp"] or 0) >= 0.6 for r in flips)
        print(f"gold {gold}: read as {dict(Counter(r['pred'] for r in rr))}; "
              f"{gold}->{wrong} {rate(len(flips), len(rr))}, {sure} at p >= 0.6")  # fmt: skip
        for kind in KINDS:
            cc = [r for r in rr if told(r["text"]) == kind]
            k = sum(r["pred"] == wrong for r in cc)
            print(
                f"   | {kind} | {len(cc)} | {rate(k, len(cc))} | {sum(r['pred'] == gold for r in cc)} |"
            )


def paired(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> None:
    for src in ("folds", "testers"):
        ia = [i for i, r in enumerate(a) if r["src"] == src]
        if not ia:
            continue
        print(f"\n### {src}: base -> variant")
        for gold, wrong in (("barrier", "enabler"), ("enabler", "barrier"), ("neutral", "")):
            ii = [i for i in ia if a[i]["gold"] == gold]
            fixed = sum(a[i]["pred"] != gold == b[i]["pred"] for i in ii)
            broken = sum(a[i]["pred"] == gold != b[i]["pred"] for i in ii)
            fa = sum(a[i]["pred"] == wrong for i in ii)
            fb = sum(b[i]["pred"] == wrong for i in ii)
            ra, rb = (sum(x[i]["pred"] == gold for i in ii) for x in (a, b))
            print(f"gold {gold} n={len(ii)}: right {ra} -> {rb} (fixed {fixed}, broken {broken});"
                  f" to {wrong or '-'} {rate(fa, len(ii))} -> {rate(fb, len(ii))}")  # fmt: skip
            if gold == "barrier":
                for kind in KINDS:
                    kk = [i for i in ii if told(a[i]["text"]) == kind]
                    ka = sum(a[i]["pred"] == wrong for i in kk)
                    kb = sum(b[i]["pred"] == wrong for i in kk)
                    print(f"   told as {kind}: n={len(kk)} flips {ka} -> {kb}")
        ta, tb = (sum(x[i]["pred"] == x[i]["gold"] for i in ia) for x in (a, b))
        better = worse = 0
        for s in sorted({a[i]["set"] for i in ia}):
            x, y = (
                sum(z[i]["pred"] == z[i]["gold"] for i in ia if z[i]["set"] == s) for z in (a, b)
            )
            better, worse = better + (y > x), worse + (y < x)
        print(f"valence {ta}/{len(ia)} -> {tb}/{len(ia)}; sets better / worse {better} / {worse}")


def main(argv: list[str]) -> None:
    if argv[:1] == ["predict"]:
        extra = argv[argv.index("--extra") + 1] if "--extra" in argv else None
        rest = [x for x in argv[2:] if x not in ("--extra", extra)]
        predict(argv[1], extra, rest)
        return
    a = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    for src in ("folds", "testers"):
        report([r for r in a if r["src"] == src], src)
    for s in sorted({r["set"] for r in a if r["src"] == "testers"}):
        report([r for r in a if r["set"] == s], s)
    if len(argv) > 2:
        paired(a, json.loads(Path(argv[2]).read_text(encoding="utf-8")))


if __name__ == "__main__":
    main(sys.argv[1:])
