"""Short answers: are they coded, and are short procedural lines set aside?

``benchmarks/data/short_answers/check.jsonl`` (a check set, never trained on; see its README) holds
42 short substantive answers a registered manager of a community mental health provider might give
(3-25 words, each with its CFIR construct and valence) and 30 procedural or small-talk lines of the
same length, each after the interviewer's question it answers. Each pair is written as a
two-turn transcript and coded as ``roqa code`` codes it; a segment is set aside when it is flagged
procedural or novel (fits no code). Counted: substantive answers set aside (and why), procedural
lines coded, and top-1 / top-3 of the substantive answers that are coded. The same answers are
also read alone (``suggest_and_flag``, no question).

    python benchmarks/short_answers.py [MODEL_DIR] [--label NAME]

Writes ``results/short_answers.json`` (one entry per label) and ``results/short_answers.md``.
Beside the check set, each run counts flags by gold category on ``make demo``'s example interviews
(never trained on) and on the interview sets of ``benchmarks/data/`` (in sample). The three "rule"
rows of session 37 were measured with a temporary patch of the procedural rule, not kept
(``classifier_comparison.md``, session 37).
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import OUT  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "short_answers" / "check.jsonl"


def measure(model: str | None) -> dict:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load(model)
    items = [json.loads(line) for line in read_text(DATA).splitlines() if line.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, it in enumerate(items, 1):
            f = Path(tmp) / f"{it['id']}.txt"
            # each answer its own participant, so no two files are read as one case
            label = f"P{n:02d}"
            f.write_text(
                f"Interviewer: {it['question']}\n\n{label}: {it['text']}\n", encoding="utf-8"
            )
            files.append(f)
        result = ac.code(files)
        by_transcript = {}
        for s in result.segments:
            by_transcript.setdefault(s.segment.transcript_id, []).append(s)
        alone_rows, alone_flags = ac.suggest_and_flag([it["text"] for it in items], top_k=3)
        for it, f, ar, af in zip(items, files, alone_rows, alone_flags, strict=True):
            segs = by_transcript.get(f.stem, [])
            assert len(segs) == 1, (it["id"], len(segs))
            s = segs[0]
            codes = [x.code_id for x in s.suggestions[:3]]
            rows.append(
                {
                    "id": it["id"],
                    "kind": it["kind"],
                    "gold": it["codes"],
                    "procedural": bool(s.procedural),
                    "novel": bool(s.novel),
                    "off_topic": bool(s.off_topic),
                    "top3": codes,
                    "top_p": round(s.suggestions[0].probability, 3) if s.suggestions else None,
                    "alone_set_aside": bool(af["procedural"] or af["novel"]),
                    "alone_top3": [x.code_id for x in ar[:3]],
                }
            )
    examples = example_flags(ac)
    sets = interview_set_flags(ac)
    sub = [r for r in rows if r["kind"] == "coded"]
    proc = [r for r in rows if r["kind"] != "coded"]
    kept = [r for r in sub if not (r["procedural"] or r["novel"])]
    return {
        "model_sha256": ac.card.get("model_sha256"),
        "substantive": len(sub),
        "substantive_procedural": sum(r["procedural"] for r in sub),
        "substantive_novel": sum(r["novel"] for r in sub),
        "substantive_off_topic": sum(r["off_topic"] for r in sub),
        "substantive_set_aside": sum(r["procedural"] or r["novel"] for r in sub),
        "substantive_set_aside_alone": sum(r["alone_set_aside"] for r in sub),
        "coded_top1": sum(r["top3"][:1] == r["gold"][:1] for r in kept),
        "coded_top3": sum(r["gold"][0] in r["top3"] for r in kept),
        "all_top1": sum(r["top3"][:1] == r["gold"][:1] for r in sub),
        "all_top3": sum(r["gold"][0] in r["top3"] for r in sub),
        "other": len(proc),
        "other_coded": sum(not (r["procedural"] or r["novel"]) for r in proc),
        "other_coded_alone": sum(not r["alone_set_aside"] for r in proc),
        "examples": examples,
        "interview_sets": sets,
        "rows": rows,
    }


def tally(pairs: list[tuple[str, object]]) -> dict[str, dict[str, int]]:
    """Per gold category (coded / procedural / other uncoded): segments, flagged procedural,
    flagged novel, set aside (either)."""
    out: dict[str, dict[str, int]] = {}
    for cat, s in pairs:
        c = out.setdefault(cat, {"segments": 0, "procedural": 0, "novel": 0, "set_aside": 0})
        c["segments"] += 1
        c["procedural"] += bool(s.procedural)  # type: ignore[attr-defined]
        c["novel"] += bool(s.novel)  # type: ignore[attr-defined]
        c["set_aside"] += bool(s.procedural or s.novel)  # type: ignore[attr-defined]
    return out


def example_flags(ac) -> dict:
    """``make demo``'s example interviews (never trained on) against their gold coding."""
    root = Path(__file__).resolve().parent.parent / "examples"
    gold = {}
    for line in read_text(root / "gold" / "codings.jsonl").splitlines():
        if line.strip():
            g = json.loads(line)
            cat = "coded" if g["suggestions"] else ("procedural" if g["procedural"] else "other")
            gold[g["segment_id"]] = cat
    result = ac.code(root / "interviews")
    return tally([(gold.get(s.segment.id, "unmatched"), s) for s in result.segments])


def interview_set_flags(ac) -> dict:
    """Every interview set of ``benchmarks/data/`` (trained on since session 17: in sample),
    each segment given its gold turn's category as ``off_topic.py`` gives it."""
    from off_topic import category

    pairs = []
    for data in sorted(Path(__file__).resolve().parent.glob("data/*")):
        if not (data / "gold.jsonl").exists() or data.name.startswith("quotes"):
            continue
        gold = [json.loads(x) for x in read_text(data / "gold.jsonl").splitlines() if x]
        result = ac.code(sorted(data.glob("*.txt")))
        k, previous = 0, None
        for s in result.segments:
            turns = [g for g in gold if g["transcript"] == s.segment.transcript_id]
            if s.segment.transcript_id != previous:
                k, previous = 0, s.segment.transcript_id
            while k < len(turns) and s.segment.text not in turns[k]["text"]:
                k += 1
            if k == len(turns):
                k = 0
                continue
            cat = category(turns[k])
            pairs.append(("other" if cat not in ("coded", "procedural") else cat, s))
    return tally(pairs)


def main() -> None:
    args = sys.argv[1:]
    label = "packaged"
    if "--label" in args:
        i = args.index("--label")
        label = args[i + 1]
        del args[i : i + 2]
    model = args[0] if args else None
    import warnings

    warnings.simplefilter("ignore")
    m = measure(model)
    out = OUT / "short_answers.json"
    runs = json.loads(read_text(out)) if out.exists() else {}
    runs[label] = {"date": date.today().isoformat(), **m}
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, json.dumps(runs, indent=1) + "\n")
    lines = [
        "# Short answers: coded or set aside",
        "",
        "`benchmarks/short_answers.py` on `benchmarks/data/short_answers/check.jsonl` (42 short "
        "substantive answers, 30 procedural or small-talk lines, each after its question, coded "
        "as `roqa code` codes them). Set aside = flagged procedural or fits no code.",
        "",
        "| model | substantive set aside (procedural / fits no code / of which small talk) "
        "| the same, answer alone | procedural lines coded (with question / alone) "
        "| top-1 / top-3 of all 42 |",
        "|---|---|---|---|---|",
    ]
    for name, r in runs.items():
        lines.append(
            f"| {name} ({str(r['model_sha256'])[:12]}…) | {r['substantive_set_aside']} of "
            f"{r['substantive']} ({r['substantive_procedural']} / {r['substantive_novel']} / "
            f"{r['substantive_off_topic']}) | {r['substantive_set_aside_alone']} | "
            f"{r['other_coded']} / {r['other_coded_alone']} of {r['other']} | "
            f"{r['all_top1']} / {r['all_top3']} |"
        )
    lines += [
        "",
        "Interviews, per gold category: segments, flagged procedural / fits no code / set aside. "
        "`make demo`'s example interviews (never trained on) and the interview sets of "
        "`benchmarks/data/` (trained on: in sample).",
        "",
        "| model | examples: coded | examples: procedural | examples: other uncoded "
        "| interview sets: coded | interview sets: procedural | interview sets: other uncoded |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in runs.items():

        def cell(t: dict, cat: str) -> str:
            c = t.get(cat, {})
            return (
                f"{c.get('segments', 0)}: {c.get('procedural', 0)} / {c.get('novel', 0)} / "
                f"{c.get('set_aside', 0)}"
            )

        cats = ("coded", "procedural", "other")
        lines.append(
            f"| {name} | "
            + " | ".join(cell(r["examples"], c) for c in cats)
            + " | "
            + " | ".join(cell(r["interview_sets"], c) for c in cats)
            + " |"
        )
    atomic_write_text(OUT / "short_answers.md", "\n".join(lines) + "\n")
    print(json.dumps({k: v for k, v in m.items() if k != "rows"}, indent=1))
    for r in m["rows"]:
        flag = "P" if r["procedural"] else ("N" if r["novel"] else "-")
        print(r["id"], flag, r["gold"], r["top3"], r["top_p"], "alone:", r["alone_set_aside"])


if __name__ == "__main__":
    main()
