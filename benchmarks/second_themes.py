"""A long answer's second theme: windows cut where the topic turns, and a second code per window.

A turn too long for one window is cut between its sentences into the fewest windows, as even in
size as can be (``roqa_nlp.transcripts.segment._balance``, session 32), and each window charts
its top code. A 445-word answer (culture, commissioning, ~110 words on staffing, training) became
three windows whose top codes missed the staffing theme (s88 daily23, defect 2). Two candidates,
each measured against the present even cut, in one run, on the segments ``roqa code`` makes (the
packaged model's tokenizer and ``max_tokens``):

* ``topic`` (a): the same number of windows, each within ``max_tokens``, but the cuts put between
  the sentences where the talk turns away most: each sentence (or clause piece) of a long turn is
  embedded, a cut before piece ``j`` scores ``1 - cos`` of the mean embeddings of the up to
  ``BLOCK`` pieces before and after it, and of the cuts into the same number of windows, none
  with fewer than ``MIN_SHARE`` of the turn's mean window words (nor 20 words or fewer), the one
  with the largest summed score is taken (ties: the even cut's objective).
* ``second`` (b): on each window of a long turn with 3 or more sentences, each run of two
  consecutive sentences is coded (with the question as context, as packaged); the window gets a
  second code: the code, other than its top code, that such a run ranks first with the highest
  probability, if that is at least ``SECOND_P``. Top codes are unchanged.

Metrics, per way, pooled over the held-out data:

* per coded segment against its turn's gold: top-1 / top-3 / domain / valence hits (as
  ``balanced_windows.py``);
* turn coverage: of the (long turn, gold code) pairs of long turns (cut in 2+ windows) with 2+
  gold codes, how many have the code as some window's top code (``second``: or second code);
* for ``second``: second codes added, and how many of them are among their turn's gold codes;
* windows of long turns with at most 20 words;
* extra encoding: the pieces (``topic``) or runs (``second``) of the long turns of the example
  interviews encoded cold, against the cold encoding of the segments ``roqa code`` makes of them.

Held out (decides): the 42 team-written interview sets (``heldout_interviews.TRAINED_SETS``),
each coded by a model trained as packaged without that set and two others (folds of three sets
in their listed order: leaving one set out took 5 minutes a fold on the shared machine, too long
for the session; changed after the rule was committed and before any result was seen; the rule
is unchanged, and both cuts are scored by the same models; the two sets with no long turn,
``NO_LONG_TURNS``, are left out: both cuts give them the same segments), plus the example
interviews (``examples/``, never trained on) coded by the packaged model. Secondary, not
deciding: daily23's drift file (``/tmp/s88_daily23/drift/D01.txt``, when present), its windows'
top-3 per way.

Decision rule, written and committed before the run (session 89):

* adopt ``topic`` if turn coverage rises by at least 10 % relative over the even cut, held-out
  top-1 and top-3 hits each fall by no more than 2 segments, windows of 20 words or fewer do not
  rise, and the extra encoding is at most 30 % of the segments' cold encoding;
* adopt ``second`` (on top of the cut adopted above, else the even cut) if turn coverage (top or
  second codes) rises by at least 10 % relative over the same windows' top codes alone, at least
  60 % of the second codes added are among their turn's gold codes, and the extra encoding is at
  most 30 % of the segments' cold encoding. (Top codes, and so top-1/top-3 hits, are unchanged.)
* otherwise keep the even cut and one code per window, and document that a long answer's second
  theme may not be suggested.

Run: ``OMP_NUM_THREADS=1 PYTHONPATH=src nice -n 5 .venv/bin/python benchmarks/second_themes.py
--part K/2`` for K = 0 and 1 at once (one training per set, about 35 minutes on 2 cores), then
``... second_themes.py --merge``. Results: ``benchmarks/results/second_themes.{json,md}``.
"""

from __future__ import annotations

import json
import math
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from balanced_windows import SHORT, example_segments  # noqa: E402
from heldout_interviews import TRAINED_SETS, HeldOut, heldout_segments  # noqa: E402
from interview_records import SETTING_PREFIX, base_and_interviews  # noqa: E402
from scoring import ROOT, run_meta, write_results  # noqa: E402

CUTS = ("even", "topic")
BLOCK = 3  # pieces each side of a cut whose mean embeddings are compared
MIN_SHARE = 0.5  # no window below this share of the turn's mean window words
#: the two sets with no turn long enough to be cut: the same segments either way, left out of the run
NO_LONG_TURNS = ("seed setting", "covered")
FOLD = 3  # sets left out together (14 folds: see the docstring)
SECOND_P = 0.7  # decides; the others are shown only
SECOND_PS = (0.5, 0.7, 0.9)
DRIFT = Path("/tmp/s88_daily23/drift")
PARTS = Path("/tmp/s89_secondcode/parts")
ENCODED: list[str] = []  # the pieces the topic cut embedded (for the timing)


def topic_cut(
    text: str,
    spans: list[tuple[int, int]],
    limit: int,
    count: Callable[[str], int],
    encode: Callable[[list[str]], np.ndarray],
) -> list[tuple[int, int]]:
    """The even cut's number of windows, cut where the talk turns away most (module docstring)."""
    from roqa_nlp.transcripts import segment as seg

    even = seg._balance(text, spans, limit, count)
    k, n = len(even), len(spans)
    if k < 2:
        return even
    pieces = [text[a:b] for a, b in spans]
    ENCODED.extend(pieces)
    V = encode(pieces)
    sizes = seg._window_sizes(text, spans, limit, count)
    words = [len(p.split()) for p in pieces]
    before = [0]
    for w in words:
        before.append(before[-1] + w)
    floor = max(SHORT + 1, math.ceil(MIN_SHARE * before[n] / k))

    def turn(j: int) -> float:  # the score of a cut before piece j
        a = V[max(0, j - BLOCK) : j].mean(axis=0)
        b = V[j : j + BLOCK].mean(axis=0)
        return 1.0 - float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12))

    score = [0.0] + [turn(j) for j in range(1, n)]
    # best[r][i]: (summed score, minus summed squared sizes, next start) cutting spans[i:] into r
    worst = (-math.inf, 0, -1)
    best = [[worst] * (n + 1) for _ in range(k + 1)]
    best[0][n] = (0.0, 0, n)
    for r in range(1, k + 1):
        for i in range(n - 1, -1, -1):
            for m, c in enumerate(sizes[i]):
                j = i + m + 1
                if before[j] - before[i] < floor or best[r - 1][j][0] == -math.inf:
                    continue
                s, q, _ = best[r - 1][j]
                cand = (round(s + (score[j] if j < n else 0.0), 9), q - c * c, j)
                if cand[:2] > best[r][i][:2]:
                    best[r][i] = cand
    if best[k][0][0] == -math.inf:
        return even
    out, i, r = [], 0, k
    while i < n:
        j = best[r][i][2]
        out.append((spans[i][0], spans[j - 1][1]))
        i, r = j, r - 1
    return out


@contextmanager
def cutting(way: str, encode: Callable[[list[str]], np.ndarray]) -> Iterator[None]:
    from roqa_nlp.transcripts import segment as seg

    balance = seg._balance
    if way == "topic":

        def patched(text: str, spans: Any, limit: int, count: Any) -> Any:
            seg._balance = balance  # the even cut inside, and for the clause pieces
            try:
                return topic_cut(text, spans, limit, count, encode)
            finally:
                seg._balance = patched  # type: ignore[assignment]

        seg._balance = patched  # type: ignore[assignment]
    try:
        yield
    finally:
        seg._balance = balance  # type: ignore[assignment]


def long_turns(h: HeldOut) -> dict[tuple[str, int], list[int]]:
    turns: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(h.transcripts, h.turns)):
        turns[key].append(i)
    return {k: v for k, v in turns.items() if len(v) > 1}


def runs_of(text: str) -> list[str]:
    """Each two consecutive sentences of ``text``, when it has 3 or more."""
    from roqa_nlp.transcripts.sentences import split_sentences

    s = split_sentences(text)
    if len(s) < 3:
        return []
    return [text[a[0] : b[1]] for a, b in zip(s, s[1:])]


def score_set(ac: Any, h: HeldOut) -> dict[str, Any]:
    """Hits, coverage and second-code counts of ``ac`` on one set's segments."""
    domain = {c.id: c.domain for c in ac.codebook.codable}
    rows = ac._suggest_rows(ac._inputs(h.texts, h.questions), 3, h.texts, h.questions)[0]
    top = [r[0].code_id for r in rows]
    hits = [0, 0, 0, 0]
    for r, gold, val in zip(rows, h.codes, h.valences):
        if not gold:
            continue
        hits[0] += r[0].code_id in gold
        hits[1] += bool({x.code_id for x in r[:3]} & set(gold))
        hits[2] += domain[r[0].code_id] in {domain[c] for c in gold}
        hits[3] += bool(val) and r[0].valence == val
    turns = long_turns(h)
    # second codes: runs of two sentences in the long turns' windows
    run_texts, run_qs, run_of = [], [], []
    for idx in turns.values():
        for i in idx:
            for t in runs_of(h.texts[i]):
                run_texts.append(t)
                run_qs.append(h.questions[i])
                run_of.append(i)
    second: dict[float, dict[int, str]] = {p: {} for p in SECOND_PS}
    if run_texts:
        rrows = ac._suggest_rows(ac._inputs(run_texts, run_qs), 1, run_texts, run_qs)[0]
        best: dict[int, tuple[float, str]] = {}
        for i, r in zip(run_of, rrows):
            c, p = r[0].code_id, float(r[0].probability)
            if c != top[i] and p > best.get(i, (-1.0, ""))[0]:
                best[i] = (p, c)
        for p_min in SECOND_PS:
            second[p_min] = {i: c for i, (p, c) in best.items() if p >= p_min}
    pairs = 0
    covered = 0
    covered2 = dict.fromkeys(map(str, SECOND_PS), 0)
    added = dict.fromkeys(map(str, SECOND_PS), 0)
    added_right = dict.fromkeys(map(str, SECOND_PS), 0)
    for idx in turns.values():
        gold = h.codes[idx[0]]
        for p_min in SECOND_PS:
            for i in idx:
                if i in second[p_min]:
                    added[str(p_min)] += 1
                    added_right[str(p_min)] += second[p_min][i] in gold
        if len(gold) < 2:
            continue
        tops = {top[i] for i in idx}
        for g in gold:
            pairs += 1
            covered += g in tops
            for p_min in SECOND_PS:
                covered2[str(p_min)] += g in tops | {second[p_min].get(i) for i in idx}
    short = sum(1 for idx in turns.values() for i in idx if len(h.texts[i].split()) <= SHORT)
    return {
        "coded": sum(1 for g in h.codes if g),
        "hits": hits,
        "pairs": pairs,
        "covered": covered,
        "covered_second": covered2,
        "added": added,
        "added_right": added_right,
        "windows": sum(len(v) for v in turns.values()),
        "short": short,
        "runs": len(run_texts),
    }


def pool(parts: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in parts[0].items():
        if isinstance(v, list):
            out[k] = [sum(p[k][j] for p in parts) for j in range(len(v))]
        elif isinstance(v, dict):
            out[k] = {q: sum(p[k][q] for p in parts) for q in v}
        else:
            out[k] = sum(p[k] for p in parts)
    return out


def cold_seconds(texts: list[str]) -> float:
    from roqa_nlp.embedding import Embedder

    emb = Embedder(cache=False, show_progress=False)
    emb.encode(["warm up the model"])
    t0 = time.perf_counter()
    if texts:
        emb.encode(texts)
    return time.perf_counter() - t0


def timing(packaged: Any) -> dict[str, Any]:
    """Cold encoding of the example interviews' segments, and of what each candidate adds."""
    from roqa_nlp.transcripts import read_transcript
    from roqa_nlp.transcripts.segment import segment

    count = packaged.embedder.count_tokens()
    options = {"unit": packaged.params["unit"], "max_tokens": int(packaged.params["max_tokens"])}
    transcripts = [read_transcript(p) for p in sorted((ROOT / "examples" / "interviews").glob("*"))]
    transcripts = [t for t in transcripts if t is not None]
    segs = [s for t in transcripts for s in segment(t, count_tokens=count, **options)]
    ENCODED.clear()
    with cutting("topic", packaged.embedder.encode):
        topic = [s for t in transcripts for s in segment(t, count_tokens=count, **options)]
    pieces = list(ENCODED)
    by_turn: dict[tuple[str, int], int] = defaultdict(int)
    for s in topic:
        by_turn[(s.id.rsplit(":", 1)[0], s.turn_index)] += 1
    runs = [
        r
        for s in topic
        if by_turn[(s.id.rsplit(":", 1)[0], s.turn_index)] > 1
        for r in runs_of(s.text)
    ]
    texts = [s.text for s in segs]
    out = {
        "segments": len(texts),
        "topic pieces": len(pieces),
        "second runs": len(runs),
        "segments s": round(cold_seconds(texts), 2),
        "topic pieces s": round(cold_seconds(pieces), 2),
        "second runs s": round(cold_seconds(runs), 2),
    }
    out["segments s (again)"] = round(cold_seconds(texts), 2)
    return out


def drift(packaged: Any) -> dict[str, list[list[str]]]:
    from roqa_nlp.transcripts import read_transcript
    from roqa_nlp.transcripts.segment import segment

    path = DRIFT / "D01.txt"
    if not path.exists():
        return {}
    count = packaged.embedder.count_tokens()
    options = {"unit": packaged.params["unit"], "max_tokens": int(packaged.params["max_tokens"])}
    out: dict[str, list[list[str]]] = {}
    for way in CUTS:
        with cutting(way, packaged.embedder.encode):
            segs = [s for s in segment(read_transcript(path), count_tokens=count, **options)]
        segs = [s for s in segs if s.role == "participant"]
        texts, qs = [s.text for s in segs], [s.context or "" for s in segs]
        rows = packaged._suggest_rows(packaged._inputs(texts, qs), 3, texts, qs)[0]
        out[way] = [
            [f"{len(t.split())} words"] + [f"{x.code_id} {x.probability:.2f}" for x in r]
            for t, r in zip(texts, rows)
        ]
    return out


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    # ``--part K/N``: only every N-th set from the K-th, its scores kept in PARTS (two processes
    # share the two cores); ``--merge``: the parts' scores, then the examples and timings
    args = sys.argv[1:]
    part = args[1] if args[:1] == ["--part"] else None
    merge = args[:1] == ["--merge"]
    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    sets = dict(TRAINED_SETS)
    names = [n for n in sets if n not in NO_LONG_TURNS]
    folds = [names[i : i + FOLD] for i in range(0, len(names), FOLD)]
    if part is not None:
        k, n_parts = map(int, part.split("/"))
        folds = folds[k::n_parts]
        sets = {n: sets[n] for fold in folds for n in fold}
    elif merge:
        sets = {}
    data: dict[str, dict[str, HeldOut]] = {}
    for way in CUTS:
        with cutting(way, emb.encode):
            data[way] = {n: heldout_segments(book, "window", f) for n, f in sets.items()}
            data[way]["examples"] = example_segments(packaged)
    n_coded = {way: sum(1 for h in data[way].values() for c in h.codes if c) for way in CUTS}
    assert n_coded["even"] == n_coded["topic"], n_coded
    print("segmented", n_coded, flush=True)
    results: dict[str, dict[str, list[dict[str, Any]]]] = {w: defaultdict(list) for w in CUTS}
    for way in CUTS:
        results[way]["examples"].append(score_set(packaged, data[way]["examples"]))
    if merge:
        for f in sorted(PARTS.glob("part_*.json")):
            got = json.loads(f.read_text())
            for way in CUTS:
                results[way]["sets"] += got[way]
    for fold in folds if not merge else []:
        t0 = time.perf_counter()
        groups = tuple(SETTING_PREFIX + sets[name].name for name in fold)
        keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(groups)]
        ac = AutoCoder(book, embedder=emb, params=params).fit(base.extend(interviews.subset(keep)))
        for name in fold:
            for way in CUTS:
                results[way]["sets"].append(score_set(ac, data[way][name]))
        print(fold, round(time.perf_counter() - t0), "s", flush=True)
        if part is not None:  # each fold as it is done, so a run cut short keeps its folds
            from roqa_nlp.io import atomic_write_text

            got = {way: results[way]["sets"] for way in CUTS}
            PARTS.mkdir(parents=True, exist_ok=True)
            atomic_write_text(PARTS / f"part_{part.replace('/', '_')}.json", json.dumps(got))
    if part is not None:
        return
    table = {
        way: {
            f"{len(results[way]['sets'])} of 40 sets, folds of 3 left out": pool(
                results[way]["sets"]
            ),
            "examples, packaged": pool(results[way]["examples"]),
            "held out, pooled (decides)": pool(results[way]["sets"] + results[way]["examples"]),
        }
        for way in CUTS
    }
    times = timing(packaged)
    drift_rows = drift(packaged)
    meta = run_meta(base.hash, model_sha256=packaged.card.get("model_sha256"), n=n_coded)
    meta["sets"] = sum(len(results[way]["sets"]) for way in CUTS[:1])
    write_results(
        "second_themes",
        {"meta": meta, "results": table, "encoding": times, "drift": drift_rows},
        report(meta, table, times, drift_rows),
    )


def report(
    meta: dict[str, Any], table: dict[str, Any], times: dict[str, Any], drift_rows: dict[str, Any]
) -> list[str]:
    lines = [
        "# A long answer's second theme: topic cuts and second codes",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by `benchmarks/second_themes.py` "
        "(method and decision rule in its docstring, committed before the run). Coded segments: "
        f"{table['even']['held out, pooled (decides)']['coded']} held out. Hits: top-1 / top-3 / domain / valence (segments) against the "
        "turn's gold. Coverage: (long turn, gold code) pairs of long turns with 2+ gold codes "
        "whose code is some window's top code.",
        "",
        "| data | cut | hits | long-turn windows / <= 20 words | coverage (top codes) | "
        + " | ".join(f"+ second codes p >= {p}: coverage, added / right" for p in SECOND_PS)
        + " |",
        "|---|---|---|---|---|" + "---|" * len(SECOND_PS),
    ]
    for data in table["even"]:
        for way in CUTS:
            r = table[way][data]
            cov = f"{r['covered']} / {r['pairs']} ({r['covered'] / max(1, r['pairs']):.3f})"
            sec = " | ".join(
                f"{r['covered_second'][p]} / {r['pairs']}, {r['added'][p]} / {r['added_right'][p]}"
                for p in map(str, SECOND_PS)
            )
            lines.append(
                f"| {data} | {way} | {' / '.join(map(str, r['hits']))} | "
                f"{r['windows']} / {r['short']} | {cov} | {sec} |"
            )
    lines += ["", "Cold encoding (example interviews, seconds, shared 2-core machine):", ""]
    lines += [f"- {k}: {v}" for k, v in times.items()]
    if drift_rows:
        lines += ["", "daily23's drift file D01 (secondary; windows' top-3, packaged model):", ""]
        for way, rows in drift_rows.items():
            lines += [f"- {way}: " + "; ".join(", ".join(r) for r in rows)]
    lines.append("")
    return lines


if __name__ == "__main__":
    main()
