"""Procedural talk inside a long story (session 86; tester s86 daily17, D2 and D1).

A 102-word story of a service user's recovery was set aside as procedural talk because of a
short courtesy ("I'll, um, I'll be careful.") and a laugh inside it. Since session 86 a segment
of more than ``STORY_WORDS`` words that the embedding classifier reads as procedural talk is read
sentence by sentence and, when some but fewer than half of its sentences are procedural, judged
by its other sentences (:meth:`roqa_nlp.autocoder.AutoCoder._story_read_by_rest`).

Every participant segment of the team-written interviews with gold (``examples/interviews`` and
``benchmarks/data``, as :func:`closing_content.team_segments` gives them, each read with its
question as ``roqa code`` reads it) is flagged with the rule and without it. Reported: the length
in words of the gold procedural segments; the segments flagged procedural by length and gold;
every segment the rule changes, right -> wrong and wrong -> right (gold procedural is right when
flagged procedural; gold coded is right when neither procedural nor off-topic and its top code is
a gold code); and, for D1, how many participant segments under 8 words are coded with their top
code shown at 0.9 or more, by gold. The packaged model was trained on these interviews' segments
(``training_data/interview_segments.jsonl``): the figures are in sample.

Run: ``OMP_NUM_THREADS=1 .venv/bin/python benchmarks/procedural_story.py`` (about 15 minutes).
Results: ``benchmarks/results/procedural_story.{json,md}``.
"""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from closing_content import team_segments  # noqa: E402
from off_topic import category  # noqa: E402
from scoring import ROOT, run_meta, write_results  # noqa: E402

BINS = (10, 20, 30, 40, 50, 75, 100)


def flagged(ac: Any) -> list[dict[str, Any]]:
    from roqa_nlp.autocoder import says_nothing, segment_flags, words_read

    alpha = float(ac.params["alpha"])
    rows: list[dict[str, Any]] = []
    for f, segs, gold in team_segments(ac, lambda text: True):
        if not gold:
            continue
        texts = [s.text for s in segs]
        contexts = [s.context if ac.params.get("use_context") else "" for s in segs]
        read = [words_read(t) for t in texts]
        questions = ac._question_embeddings(contexts)
        X = ac._inputs(read, contexts, whole=False, questions=questions)
        got, pvals, _, proc, aside = ac._suggest_rows(X, 1, read, contexts, questions)
        for k, s in enumerate(segs):
            turn = next((g for g in gold if s.text in g["text"]), None)
            top = got[k][0] if got[k] else None
            p = top.probability if top else 0.0
            flags = segment_flags(
                pvals[k], proc[k], aside[k], alpha, p, said_nothing=says_nothing(s.text)
            )
            rows.append(
                {
                    "file": str(f.relative_to(ROOT)),
                    "segment": s.id,
                    "words": len(s.text.split()),
                    "category": None if turn is None else category(turn),
                    "gold": None if turn is None else turn["codes"],
                    "top": top.code_id if top else None,
                    "top_p": round(p, 4),
                    "procedural": flags["procedural"],
                    "novel": flags["novel"],
                    "off_topic": flags["off_topic"],
                }
            )
    return rows


def right(r: dict[str, Any]) -> bool | None:
    if r["category"] == "procedural":
        return bool(r["procedural"])
    if r["category"] == "coded":
        return not r["procedural"] and not r["off_topic"] and r["top"] in r["gold"]
    return None


def by_length(words: list[int]) -> str:
    out, lo = [], 0
    for hi in (*BINS, None):
        n = sum(lo < w and (hi is None or w <= hi) for w in words)
        out.append(f"{lo + 1}-{hi if hi else ''}: {n}")
        lo = hi or lo
    return ", ".join(out)


def main() -> None:
    from roqa_nlp import AutoCoder
    from roqa_nlp.autocoder import STORY_WORDS

    ac = AutoCoder.load()
    now = flagged(ac)
    with mock.patch.object(AutoCoder, "_story_read_by_rest", lambda *a, **k: None):
        before = flagged(ac)
    gold_proc = sorted(r["words"] for r in now if r["category"] == "procedural")
    shown = ("procedural", "novel", "off_topic", "top")
    changed = [(b, n) for b, n in zip(before, now, strict=True) if any(b[x] != n[x] for x in shown)]
    rw = [n for b, n in changed if right(b) and right(n) is False]
    wr = [n for b, n in changed if right(b) is False and right(n)]
    long_flagged = [r for r in before if r["procedural"] and r["words"] > STORY_WORDS]
    quips = [r for r in now if r["words"] < 8]
    sure = [
        r
        for r in quips
        if r["top_p"] >= 0.9 and not (r["procedural"] or r["off_topic"] or r["novel"])
    ]
    lines = [
        "# Procedural talk inside a long story",
        "",
        f"Measured by `benchmarks/procedural_story.py` (method in its docstring), {len(now)} "
        "participant segments of the team-written interviews with gold, in sample.",
        "",
        f"- Gold procedural segments: {len(gold_proc)}, median "
        f"{statistics.median(gold_proc)} words, 90th percentile "
        f"{gold_proc[int(0.9 * len(gold_proc))]}, longest {gold_proc[-1]}; by words: "
        f"{by_length(gold_proc)}.",
        f"- Flagged procedural without the rule: {sum(r['procedural'] for r in before)}; of "
        f"more than {STORY_WORDS} words {len(long_flagged)}, by gold "
        f"{dict(Counter(str(r['category']) for r in long_flagged))}.",
        f"- The rule changes {len(changed)} segments: right -> wrong {len(rw)}, wrong -> right "
        f"{len(wr)}.",
    ]
    lines += [
        f"  - {n['file']} {n['segment']} ({n['words']} words, gold {n['category']} "
        f"{n['gold']}): procedural {b['procedural']} -> {n['procedural']}, top {b['top']} "
        f"{b['top_p']} -> {n['top']} {n['top_p']}"
        for b, n in changed
    ]
    lines += [
        f"- D1: {len(quips)} segments under 8 words ("
        f"{dict(Counter(str(r['category']) for r in quips))}); coded with the top code at 0.9 "
        f"or more: {len(sure)}, by gold {dict(Counter(str(r['category']) for r in sure))}, "
        f"the top a gold code {sum(bool(right(r)) for r in sure if r['category'] == 'coded')}.",
        "",
    ]
    write_results(
        "procedural_story",
        {
            "meta": run_meta(ac.card.get("training_data", {}).get("sha256", "")),
            "gold_procedural_words": gold_proc,
            "long_flagged_before": long_flagged,
            "changed": [{"before": b, "now": n} for b, n in changed],
            "right_to_wrong": len(rw),
            "wrong_to_right": len(wr),
            "short_sure": sure,
        },
        lines,
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
