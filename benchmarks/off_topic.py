"""What the open-coding queue receives: the held-out interviews coded as ``roqa code`` codes them.

Every participant segment of the five held-out interview sets (``benchmarks/data/``) gets its
gold turn's category: coded; procedural; "small talk or background" (an
uncoded turn whose coder's note names small talk, a career story, hobbies, holidays, life outside
work, years in the job or a personal anecdote); or "other uncoded" (talk about the work that the
coders left outside the codebook, e.g. the pandemic, digital exclusion). The packaged model's
flags are counted per category: flagged novel (fits no code), of those marked ``off_topic``
(small talk or background: kept out of the candidate codes), and what reaches the queue.

Every set is training data since session 17 (``heldout_interviews.TRAINED_SETS``): the packaged
model now codes them in sample, so a run writes ``results/off_topic_in_sample.{md,json}`` and
leaves ``off_topic.{md,json}``, the record measured while the sets were held out (model 9111b7,
2026-11-29), as it is.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import (  # noqa: E402
    INTERVIEW_SETS,
    TRAINED_SETS,
)
from scoring import OUT  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

SETS = tuple(INTERVIEW_SETS.values())
#: words of a coder's note that mark an uncoded turn as small talk or the speaker's background
BACKGROUND = (
    "small talk",
    "career",
    "hobbies",
    "holiday",
    "life outside work",
    "years in",
    "personal",
)
CATEGORIES = ("coded", "procedural", "small talk or background", "other uncoded")


def category(turn: dict) -> str:
    note = str(turn.get("note", "")).lower()
    if turn["codes"]:
        return "coded"
    if note.startswith("procedural"):
        return "procedural"
    return "small talk or background" if any(w in note for w in BACKGROUND) else "other uncoded"


def segment_categories(data: Path, result: Any) -> list[str]:
    """The gold category (:func:`category`) of the turn each segment of ``result`` (the
    interviews of set ``data`` coded) lies in, in segment order."""
    gold = [json.loads(line) for line in read_text(data / "gold.jsonl").splitlines() if line]
    out = []
    k, previous = 0, None
    for s in result.segments:
        turns = [g for g in gold if g["transcript"] == s.segment.transcript_id]
        if s.segment.transcript_id != previous:
            k, previous = 0, s.segment.transcript_id
        while k < len(turns) and s.segment.text not in turns[k]["text"]:
            k += 1
        if k == len(turns):
            raise SystemExit(f"{data.name}: segment {s.segment.id} is in no later gold turn")
        out.append(category(turns[k]))
    return out


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.open_coding import queued

    ac = AutoCoder.load()
    counts: dict[str, Counter[str]] = {c: Counter() for c in CATEGORIES}
    for data in SETS:
        result = ac.code(sorted(data.glob("*.txt")))
        in_queue = {s.segment.id for s in queued(result)}
        for s, cat in zip(result.segments, segment_categories(data, result), strict=True):
            c = counts[cat]
            c["segments"] += 1
            c["novel"] += bool(s.novel)
            c["off_topic"] += s.off_topic
            c["queued"] += s.segment.id in in_queue
            c["procedural"] += s.procedural
    rows = {c: dict(counts[c]) for c in CATEGORIES}
    # the packaged model is trained on every set since session 17: its scores are in sample and
    # must not overwrite the held-out record of the sessions before (as heldout_interviews.py)
    trained = {p.resolve() for p in TRAINED_SETS.values()}
    in_sample = all(data.resolve() in trained for data in SETS)
    meta = {
        "date": date.today().isoformat(),
        "model_sha256": ac.card.get("model_sha256"),
        "in_sample": in_sample,
    }
    print(json.dumps(rows, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    stem = "off_topic_in_sample" if in_sample else "off_topic"
    atomic_write_text(
        OUT / f"{stem}.json", json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n"
    )
    note = (
        "; in the training data since session 17, so not a check of generalisation: "
        "`off_topic.md` is the record measured while they were held out"
        if in_sample
        else ""
    )
    lines = [
        "# What reaches the open-coding queue" + (" (in sample)" if in_sample else ""),
        "",
        f"Measured {meta['date']} with model {str(meta['model_sha256'])[:12]}…; the 20 interviews "
        f"of the five held-out sets (`benchmarks/data/`{note}), coded as `roqa code` codes them, each "
        "segment given its gold turn's category (`benchmarks/off_topic.py`).",
        "",
        "| gold turn | segments | procedural | fits no code | of which small talk or "
        "background (`off_topic`) | in the open-coding queue |",
        "|---|---|---|---|---|---|",
    ]
    for c in CATEGORIES:
        r = counts[c]
        lines.append(
            f"| {c} | {r['segments']} | {r['procedural']} | {r['novel']} | {r['off_topic']} "
            f"| {r['queued']} |"
        )
    talk, other = counts["small talk or background"], counts["other uncoded"]
    lines += [
        "",
        f"Before `off_topic`, every segment that fits no code and is not procedural went to the "
        f"queue: {talk['novel']} of small talk or background and "
        f"{counts['coded']['novel']} from coded turns. Now {talk['queued']} and "
        f"{counts['coded']['queued']} do; the others are listed apart, folded, in the report. "
        f"Of the segments of procedural turns, {counts['procedural']['queued']} reach the queue. "
        "The "
        f"{other['segments']} segments of uncoded talk about the work (the pandemic, digital "
        f"exclusion) are flagged {other['novel']} times: the model codes them (Tension for "
        "Change, Patient Needs & Resources), so the queue does not find themes of this kind; a "
        "researcher finds them by reviewing the codes.",
        "",
    ]
    atomic_write_text(OUT / f"{stem}.md", "\n".join(lines))


if __name__ == "__main__":
    main()
