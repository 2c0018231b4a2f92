"""What passing over a repair on a bad line changes in the team-written interviews.

Since session 36 an interviewer's turn that only repairs the line ("Sorry, you cut out there,
what was that?", "Hello, can you hear me?"; ``roqa_nlp.transcripts.repairs.only_repairs``) is no
question: the answer after it is coded with the question before it. This script segments every
interview set with gold (``heldout_interviews.TRAINED_SETS``) as ``roqa code`` does, with and
without that rule, and codes the segments whose context moves with the packaged model, both ways:
top-1 / top-3 hits of the gold codes on the coded ones, and how many are set aside (flagged novel
or procedural), coded and uncoded. "opening" counts the replies to the opening sound check (no
question before it: context ""), "after a repair" the answers later in the interview.

Since session 38 an answer said again that opens with the participant's own repair talk and leads
into what they said before ("Oh sorry. I said recovery isn't measured ...";
``roqa_nlp.transcripts.repairs.restated_after_repair``) is read by the model from "I said" on. The
second table takes, for that rule and for the one first tried (read from the first word after the
opening repair talk; rejected: without the apology the model takes interruptions and sound checks
for content), every participant segment of the same sets that the rule reads otherwise, and codes
it read whole (before) and as the rule reads it, with the contexts ``roqa code`` gives. It counts
the hits as above and the segments set aside as procedural talk, by gold (coded, and uncoded:
mostly the gold files' "procedural: ..." talk), and lists each segment whose flags or top code
the kept rule changes.

The packaged model trained on these sets with the old contexts, so its scores are in sample.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/repair_contexts.py`` (a few minutes
with a warm embedding cache). Results: ``benchmarks/results/repair_contexts.{json,md}``.
"""

from __future__ import annotations

import json
import sys
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import heldout_interviews as hi  # noqa: E402
from scoring import OUT  # noqa: E402

import roqa_nlp.transcripts.segment as segment_module  # noqa: E402
from roqa_nlp.io import atomic_write_text  # noqa: E402
from roqa_nlp.transcripts.backchannels import covered_prefixes, word_spans, words_of  # noqa: E402
from roqa_nlp.transcripts.repairs import (  # noqa: E402
    REPAIR_FILLERS,
    REPAIR_PHRASES,
    restated_after_repair,
)

KEYS = ("segments", "coded", "top1", "top3", "coded_set_aside", "uncoded_set_aside")
#: the second table's columns: KEYS and the set-aside segments that are procedural talk
READ_KEYS = (*KEYS, "coded_procedural", "uncoded_procedural")
READS = ("whole", "after the repair talk", "from the lead")


def after_repair_talk(words: str) -> str:
    """``words`` from the first word after the longest run of repair talk they open with that a
    sentence or clause ends (the rule tried first in session 38, rejected)."""
    tokens, spans = words_of(words), word_spans(words)
    talk = covered_prefixes(tokens, REPAIR_PHRASES, REPAIR_FILLERS)
    small = covered_prefixes(tokens, REPAIR_FILLERS)
    if len(tokens) < 2 or talk[-1]:
        return words
    for i in range(len(tokens) - 1, 0, -1):
        gap = words[spans[i - 1][1] : spans[i][0]]
        if talk[i] and not small[i] and any(c in gap for c in ".,;:!?…–—"):
            return words[spans[i][0] :]
    return words


def read_otherwise(ac: Any, sets: dict[str, Any]) -> tuple[dict[str, dict[str, int]], list[Any]]:
    """The second table (module docstring): for each rule, the segments it reads otherwise, read
    whole and as the rule reads them; and the segments whose flags (set aside, procedural) or top
    code the kept rule changes."""
    from roqa_nlp.autocoder import segment_flags

    rules = {"repair talk": after_repair_talk, "lead": restated_after_repair}
    alpha = float(ac.params["alpha"])
    rows: dict[str, dict[str, int]] = {}
    seen: dict[int, list[tuple[bool, bool, str]]] = {}  # the kept rule's segments, both ways
    picked: list[tuple[str, str, str, list[str], str]] = []
    for rule, by_rule in rules.items():
        picked = [
            (name, t, q, c, note)
            for name, data in sets.items()
            for t, q, c, note in zip(data.texts, data.questions, data.codes, data.notes)
            if by_rule(t) != t
        ]
        questions = [it[2] for it in picked]
        for way, read in (("whole", lambda t: t), ("as the rule reads it", by_rule)):
            texts = [read(it[1]) for it in picked]
            sug, pvals, _, proc, aside = ac._suggest_rows(
                ac._inputs(texts, questions), len(ac.codebook.codable), texts, questions
            )
            t = rows.setdefault(f"{rule} rule, {way}", dict.fromkeys(READ_KEYS, 0))
            for i, (it, r, p, pr, a) in enumerate(zip(picked, sug, pvals, proc, aside)):
                codes = [x.code_id for x in r]
                f = segment_flags(p, pr, a, alpha, r[0].probability if r else 0.0)
                set_aside, gold = f["novel"] or f["procedural"], it[3]
                kind = "coded" if gold else "uncoded"
                t["segments"] += 1
                t["coded"] += bool(gold)
                t["top1"] += bool(gold) and bool(codes) and codes[0] in gold
                t["top3"] += bool(gold) and any(c in gold for c in codes[:3])
                t[f"{kind}_set_aside"] += set_aside
                t[f"{kind}_procedural"] += f["procedural"]
                if rule == "lead":
                    seen.setdefault(i, []).append((set_aside, f["procedural"], codes[0]))
    changed = [
        {
            "set": name,
            "gold": gold,
            "note": note,
            "text": text,
            "read": restated_after_repair(text),
            "whole": seen[i][0],
            "from the lead": seen[i][1],
        }
        for i, (name, text, _, gold, note) in enumerate(picked)  # the kept rule's: picked last
        if seen[i][0] != seen[i][1]
    ]
    return rows, changed


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    warnings.simplefilter("ignore")  # the readers' speaker warnings are not under test here
    ac = AutoCoder.load(None)
    only_repairs = segment_module.only_repairs
    totals: dict[str, dict[str, int]] = {}
    turns = 0
    now: dict[str, Any] = {}  # each set's segments as roqa code makes them
    for folder in hi.TRAINED_SETS.values():
        after = now[folder.name] = hi.heldout_segments(ac.codebook, ac.params["unit"], folder)
        segment_module.only_repairs = lambda words: False  # type: ignore[assignment]
        try:
            before = hi.heldout_segments(ac.codebook, ac.params["unit"], folder)
        finally:
            segment_module.only_repairs = only_repairs
        if before.texts != after.texts:
            raise SystemExit(f"{folder.name}: the segments themselves changed")
        moved = [i for i, (b, a) in enumerate(zip(before.questions, after.questions)) if b != a]
        turns += len(moved)
        if not moved:
            continue
        texts = [after.texts[i] for i in moved]
        for way, data in (("before", before), ("after", after)):
            questions = [data.questions[i] for i in moved]
            rows, pvals, _, proc, _ = ac._suggest_rows(
                ac._inputs(texts, questions), len(ac.codebook.codable), texts, questions
            )
            aside = (np.asarray(pvals) < float(ac.params["alpha"])) | np.asarray(proc, dtype=bool)
            for j, i in enumerate(moved):
                where = "opening" if after.questions[i] == "" else "after a repair"
                t = totals.setdefault(f"{where}, {way}", dict.fromkeys(KEYS, 0))
                gold, top = after.codes[i], [s.code_id for s in rows[j]]
                t["segments"] += 1
                if gold:
                    t["coded"] += 1
                    t["top1"] += bool(top) and top[0] in gold
                    t["top3"] += any(c in gold for c in top[:3])
                    t["coded_set_aside"] += bool(aside[j])
                else:
                    t["uncoded_set_aside"] += bool(aside[j])
    read, changed = read_otherwise(ac, now)
    meta: dict[str, Any] = {
        "date": date.today().isoformat(),
        "model_sha256": ac.card.get("model_sha256"),
        "sets": len(hi.TRAINED_SETS),
        "contexts_changed": turns,
        "participant_segments": sum(len(d.texts) for d in now.values()),
    }
    print(json.dumps(totals, indent=1))
    print(json.dumps(read, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / "repair_contexts.json",
        json.dumps(
            {
                "meta": meta,
                "rows": totals,
                "read_otherwise": read,
                "changed_from_the_lead": changed,
            },
            indent=1,
        )
        + "\n",
    )
    lines = [
        "# Repairs on a bad line passed over as questions",
        "",
        f"Measured {meta['date']} with model {str(meta['model_sha256'])[:12]}… (in sample) on the "
        f"{meta['sets']} interview sets with gold: {turns} segments change context. Produced by "
        "`benchmarks/repair_contexts.py`.",
        "",
        "| segments | n | coded | top-1 | top-3 | coded set aside | uncoded set aside |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {name} | " + " | ".join(str(t[k]) for k in KEYS) + " |" for name, t in totals.items()
    ]
    lines += [
        "",
        "## Answers said again, read from what they say again",
        "",
        f"Of the {meta['participant_segments']} participant segments, those the rule reads "
        "otherwise, coded with the contexts `roqa code` gives: the repair talk rule (rejected) "
        "reads from the first word after the opening repair talk, the lead rule (kept, "
        '`repairs.restated_after_repair`) from the `I said` after it. "procedural" counts '
        "the set-aside segments that are procedural talk.",
        "",
        "| segments | n | coded | top-1 | top-3 | coded set aside | uncoded set aside "
        "| coded procedural | uncoded procedural |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {name} | " + " | ".join(str(t[k]) for k in READ_KEYS) + " |" for name, t in read.items()
    ]
    lines += [
        "",
        f"{len(changed)} segments change flags or top code from the lead "
        "(set aside, procedural, top code: whole → from the lead):",
        "",
    ]
    lines += [
        f"- {c['set']}, gold {', '.join(c['gold']) or 'none'} ({c['note'][:60]}): "
        f'{tuple(c["whole"])} → {tuple(c["from the lead"])}: "{c["text"][:70]}..."'
        for c in changed
    ]
    atomic_write_text(OUT / "repair_contexts.md", "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
