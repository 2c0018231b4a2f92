"""Do key-phrase labels name a candidate code's theme better than its top three keywords?

The open-coding queue (``roqa_nlp.open_coding``) labels a candidate by its top three keywords
("people, carried, time"; class TF-IDF until session 57, ``group_keywords`` since), which
testers read as a keyword list rather than a theme's name. Measured here: the phrase of the
group's own talk (1-4 words, no stop word at either edge, :func:`phrase_candidates`) whose
embedding is closest to the group's centroid (KeyBERT, Grootendorst 2020; :func:`keyphrase`),
with the packaged model's embedder. The method was fixed before any label below was looked at.

Data, none of it tuned on:

* a blind tester's six interviews (session 37) with three off-framework themes written in before
  any run, each answered by five participants: MH "staff's own mental health after COVID", ISO
  "manager isolation/loneliness", COL "cost of living in staff's own homes" (``gold.jsonl``), and
  their ``roqa code`` output folders (``run_*/codings.jsonl``: the default run, ``--alpha`` 0.5,
  0.7, 0.9, ``--unit sentence``). Each run's queue is rebuilt, set-aside groups included; then
  the 15 theme answers of the default run are all put in the queue (as if the novelty detector
  had flagged them) and grouped at thresholds 0.6 and 0.7, since the runs themselves give few
  candidates.
* the example interviews (``examples/interviews``, coded with ``roqa code``): no gold theme.
* the held-out interview sets (``benchmarks/data``, as ``open_coding_threshold.py`` uses them):
  the window segments of each construct with three or more single-construct segments, taken
  as a group (as if the construct were missing from the codebook), the construct's name as its
  theme's name; the keywords are computed over all the set's constructs' groups.

The judgement, fixed beforehand: a label *names its theme* when one of its words shares its
first five letters (the whole word if shorter) with a word of the gold theme's name other than
"own", "of", "in", "after" (so "lonely" names "loneliness"). The new labels are adopted if they
name their theme for at least as many candidates as the old ones and read as a phrase rather
than a list. The time the labels add on the examples is the queue's time with them minus
without them, with the embedding cache off (every phrase encoded) and on.

Usage (loads the model: run under the heavy lock)::

    OPENBLAS_NUM_THREADS=1 flock /tmp/roqa-heavy.lock python benchmarks/open_coding_labels.py \\
        --blind /tmp/s37_opencoding --examples OUT_DIR_OF_ROQA_CODE_ON_EXAMPLES

(``--blind`` left out: the blind rows are too; the s37 folder was gone by session 44.)
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

from roqa_nlp import AutoCoder
from roqa_nlp import open_coding as oc
from roqa_nlp.result import CodingResult

#: Most words of a candidate phrase, and most phrases embedded per group (the labels' cost).
MAX_PHRASE_WORDS, MAX_LABEL_PHRASES = 4, 200
#: A word of a phrase: word characters, with an apostrophe inside ("staff's").
PHRASE_WORD = re.compile(r"\w+(?:['\u2019]\w+)*")
#: Words as the keywords find them (two or more word characters).
WORD = re.compile(r"(?u)\b\w\w+\b")


def phrase_candidates(
    texts: list[str], max_words: int = MAX_PHRASE_WORDS, limit: int = MAX_LABEL_PHRASES
) -> list[str]:
    """Runs of 1 to ``max_words`` words of ``texts`` (lower case) that start and end with a word
    of two or more word characters that is no stop word (the keywords' stop words) and span no
    punctuation but a hyphen inside a word ("cost-of-living"): KeyBERT's candidates, n-grams
    without stop words at their edges. Those in the most texts first, then in order of first
    appearance; at most ``limit``."""
    stop = oc.english_stop_words()
    first: dict[str, int] = {}
    n_texts: Counter[str] = Counter()
    for text in texts:
        words = list(PHRASE_WORD.finditer(text))
        edge = [bool(WORD.fullmatch(w.group())) and w.group().lower() not in stop for w in words]
        here: set[str] = set()
        for i, start in enumerate(words):
            if not edge[i]:
                continue
            for j in range(i, min(i + max_words, len(words))):
                gap = text[words[j - 1].end() : words[j].start()] if j > i else ""
                if gap != "-" and gap.strip():
                    break
                if edge[j]:
                    phrase = " ".join(text[start.start() : words[j].end()].lower().split())
                    here.add(phrase)
                    first.setdefault(phrase, len(first))
        n_texts.update(here)
    return sorted(first, key=lambda p: (-n_texts[p], first[p]))[:limit]


def keyphrase(texts: list[str], embedder, limit: int = MAX_LABEL_PHRASES) -> str:
    """The candidate phrase of ``texts`` whose embedding is closest by cosine to the centroid of
    the texts' embeddings (ties: first in candidate order); "" when there is none."""
    phrases = phrase_candidates(texts, limit=limit)
    if not phrases:
        return ""
    centroid = np.asarray(embedder.encode(texts), dtype=np.float64).mean(axis=0)
    P = np.asarray(embedder.encode(phrases), dtype=np.float64)
    sims = P @ centroid / np.maximum(np.linalg.norm(P, axis=1) * np.linalg.norm(centroid), 1e-12)
    return phrases[int(np.argmax(sims))]


def new_label(texts: list[str], embedder) -> str:
    """The key-phrase label, with the queue's "not English:" rule and fallback."""
    phrase = keyphrase(texts, embedder)
    return oc._label([phrase] if phrase else [], texts)


THEMES = {
    "MH": "staff's own mental health after COVID",
    "ISO": "manager isolation/loneliness",
    "COL": "cost of living in staff's own homes",
}
NOT_NAME_WORDS = {"own", "of", "in", "after", "s", "and", "for", "the", "with", "to"}


def gold_of(result: CodingResult, gold: list[dict]) -> dict[str, str]:
    """Segment id -> gold code of the answer it is (part of), by text."""
    out = {}
    for s in result.segments:
        t = s.segment.text
        for g in gold:
            if s.segment.id.startswith(g["participant"]) and (
                g["text"][:40] in t or (len(t) > 20 and t[:60] in g["text"])
            ):
                out[s.segment.id] = g["gold"] if g["kind"] != "CFIR" else "CFIR"
                break
    return out


def rows_for(
    name: str, queue: oc.OpenCodingQueue, result: CodingResult, gold_map: dict, embedder
) -> list:
    text = {s.segment.id: s.segment.text for s in result.segments}
    rows = []
    for c in [*queue, *queue.set_aside]:
        golds = Counter(gold_map.get(sid, "?") for sid in c.segment_ids)
        theme, n = golds.most_common(1)[0]
        texts = [text[sid] for sid in c.segment_ids]
        rows.append(
            {
                "set": name,
                "id": c.id,
                "size": c.size,
                "gold": dict(golds),
                "theme": theme if theme in THEMES else None,
                "theme_name": THEMES.get(theme),
                "old": c.label,
                "new": new_label(texts, embedder),
            }
        )
    return rows


def queue_of(result: CodingResult, embedder, **kw) -> oc.OpenCodingQueue:
    q = oc.open_coding_queue(result, embedder, **kw)
    q.set_aside = oc.recurring_set_aside(result, embedder, cached=False, **kw)
    return q


def blind(folder: Path, embedder) -> list[dict]:
    gold = [json.loads(line) for line in (folder / "gold.jsonl").open()]
    rows = []
    for run in ("run_default", "run_a0.5", "run_a0.7", "run_a0.9", "run_sent"):
        r = CodingResult.read(folder / run / "codings.jsonl")
        rows += rows_for(run, queue_of(r, embedder), r, gold_of(r, gold), embedder)
    r = CodingResult.read(folder / "run_default" / "codings.jsonl")
    gmap = gold_of(r, gold)
    themes = [
        replace(s, novel=True, off_topic=False, procedural=False)
        for s in r.segments
        if gmap.get(s.segment.id) in THEMES
    ]
    flagged = CodingResult(themes, r.transcripts, r.meta)
    for t in (0.6, 0.7):
        q = oc.open_coding_queue(flagged, embedder, distance_threshold=t)
        rows += rows_for(f"all 15 flagged, t={t}", q, flagged, gmap, embedder)
    return rows, flagged


def heldout(ac) -> list[dict]:
    """Each held-out construct with 3+ single-construct window segments, as a group."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from heldout_interviews import INTERVIEW_SETS, heldout_segments

    rows = []
    for set_name, data in INTERVIEW_SETS.items():
        h = heldout_segments(ac.codebook, "window", data)
        by_code: dict[str, list[str]] = {}
        for text, codes in zip(h.texts, h.codes):
            if len(codes) == 1:
                by_code.setdefault(codes[0], []).append(text)
        codes = list(by_code)
        # weighed against all the set's segments, as the queue weighs a group against the study
        keywords = oc.group_keywords([by_code[c] for c in codes], h.texts, oc.LABEL_KEYWORDS)
        for code, kw in zip(codes, keywords):
            texts = by_code[code]
            if len(texts) < 3:
                continue
            rows.append(
                {
                    "set": f"held-out {set_name}",
                    "id": code,
                    "size": len(texts),
                    "theme": code,
                    "theme_name": ac.codebook[code].name,
                    "old": oc._label(kw, texts),
                    "new": new_label(texts, embedder=ac.embedder),
                }
            )
    return rows


def names_name(label: str, name: str | None) -> bool:
    """Whether a word of ``label`` shares its first five letters with a content word of
    ``name``."""
    if not name:
        return False
    stop = oc.english_stop_words() | NOT_NAME_WORDS
    content = {w for w in re.findall(r"[a-z]+", name.lower()) if w not in stop}
    return any(w[:5] == n[:5] for w in re.findall(r"[a-z]+", label.lower()) for n in content)


def timing(groups: list[list[str]], embedder) -> dict[str, float]:
    """Seconds to label ``groups`` (the texts of each) by key phrase: with the embedding cache
    off (every segment and phrase encoded: the cold cost) and on (warm)."""

    def run() -> float:
        t0 = time.perf_counter()
        for texts in groups:
            keyphrase(texts, embedder)
        return time.perf_counter() - t0

    cached = embedder.cache
    embedder.cache = False
    embedder.encode(["loads the model"])
    cold = run()
    embedder.cache = cached
    run()
    return {"cold_s": round(cold, 3), "warm_s": round(run(), 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--blind", type=Path, help="the s37 tester's folder; left out when not given (gone by s44)"
    )
    ap.add_argument("--examples", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=Path("benchmarks/results/open_coding_labels.json"))
    args = ap.parse_args()
    ac = AutoCoder.load()
    embedder = ac.embedder
    ex = CodingResult.read(args.examples / "codings.jsonl")
    t0 = time.perf_counter()
    ex_queue = queue_of(ex, embedder)
    queue_s = time.perf_counter() - t0
    text = {s.segment.id: s.segment.text for s in ex.segments}
    ex_groups = [[text[i] for i in c.segment_ids] for c in [*ex_queue, *ex_queue.set_aside]]
    times = {"examples_queue_s": round(queue_s, 3), **timing(ex_groups, embedder)}
    rows = []
    if args.blind:
        rows, flagged = blind(args.blind, embedder)
        ftext = {s.segment.id: s.segment.text for s in flagged.segments}
        fq = oc.open_coding_queue(flagged, embedder, distance_threshold=0.7)
        times["blind_all_flagged_0.7"] = timing(
            [[ftext[i] for i in c.segment_ids] for c in fq], embedder
        )
    rows += rows_for("examples", ex_queue, ex, {}, embedder)
    rows += heldout(ac)
    for r in rows:
        r["old_names"] = names_name(r["old"], r.get("theme_name"))
        r["new_names"] = names_name(r["new"], r.get("theme_name"))
    summary = {}
    for part, keep in (
        ("blind", lambda r: not r["set"].startswith(("held-out", "examples"))),
        ("held-out", lambda r: r["set"].startswith("held-out")),
    ):
        known = [r for r in rows if keep(r) and r.get("theme_name")]
        summary[part] = {
            "groups_with_a_theme_name": len(known),
            "old_label_names_it": sum(r["old_names"] for r in known),
            "new_label_names_it": sum(r["new_names"] for r in known),
        }
    summary["phrases_per_group_examples"] = [len(phrase_candidates(g)) for g in ex_groups]
    summary["time"] = times
    args.out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=1) + "\n")
    for r in rows:
        print(
            f"{r['set'][:26]:26} {r['id']:14} {r['size']:2} {str(r.get('theme_name'))[:30]:30} | "
            f"{r['old']!r} -> {r['new']!r} {int(r['old_names'])}{int(r['new_names'])}"
        )
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
