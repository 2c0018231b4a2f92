"""Does the interviewer's question lift an answer the model sets aside, read alone, into a code?

Tester s74 study4: "Yes, eventually, the sat nav took me round the one-way system twice.
Anyway." after a question about the building was charted as Innovation Trialability at 0.425,
while the same words alone fit no code. This measures how often that happens, by the turn's gold,
and the rule of ``results/question_lift_rules.md`` (written before the run): a segment charted
with its question whose answer, read alone, is set aside and reads off-framework
(P(NONE) + P(procedural) >= t) takes the flags of its answer-alone reading.

The 42 interview sets are coded in five grouped folds of whole sets (``set_folds.fold_training``),
each by ``AutoCoder.code`` with the model trained without its fold; every participant segment is
matched to its gold turn as ``heldout_segments`` matches it. For each segment read with a
question it keeps both readings (with the question as packaged; the answer's words alone, same
model). ``cfir_dev.jsonl`` is not read.

Run: ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 flock /tmp/roqa-heavy.lock .venv/bin/python
benchmarks/question_lift.py`` (about ten minutes). Writes ``results/question_lift.{json,md}``;
``--from-rows`` re-tabulates from the per-segment readings
(``--rows PATH``, default ``/tmp/question_lift_rows.json``) without coding again.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS  # noqa: E402
from interview_records import base_and_interviews  # noqa: E402
from scoring import OUT  # noqa: E402
from set_folds import fold_training  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

GRID = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
#: every segment's readings, kept outside the repository (``--rows`` to put them elsewhere)
RAW = Path("/tmp/question_lift_rows.json")
TESTER_GOLD = {
    "s74 study4": Path("/tmp/s74_study4/gold_labelled.jsonl"),
    "s73 study3": Path("/tmp/s73_study3/gold/labelled.jsonl"),
}


def readings(ac: Any, texts: list[str], contexts: list[str]) -> list[dict[str, Any]]:
    """Each text read as ``roqa code`` reads a segment, with its context (as packaged) and its
    words alone: the flags of both readings, the top codes shown, and the answer-alone embedding
    classifier's P(NONE), P(procedural) (and P(rejected), for a model trained with feedback)."""
    from roqa_nlp.autocoder import _tops, says_nothing, segment_flags, words_read
    from roqa_nlp.prediction import calibrated_probabilities
    from roqa_nlp.schema import NONE, PROCEDURAL, REJECTED

    clf, _ = ac._require_predictor()
    classes = [str(c) for c in clf.classes_]
    read = [words_read(t) for t in texts]
    alpha = float(ac.params["alpha"])
    out: list[dict[str, Any]] = [{} for _ in texts]
    for key, ctx in (("q", contexts), ("alone", None)):
        questions = ac._question_embeddings(ctx)
        X = ac._inputs(read, ctx, whole=False, questions=questions)
        rows, pvals, _, proc, aside = ac._suggest_rows(X, 1, read, ctx, questions)
        P = calibrated_probabilities(clf.log_probabilities(X), clf.temperature_)
        for i, (p, pr, a, top) in enumerate(zip(pvals, proc, aside, _tops(rows))):
            f = segment_flags(p, pr, a, alpha, top, said_nothing=says_nothing(texts[i]))
            out[i][key] = {
                "novel": f["novel"],
                "procedural": f["procedural"],
                "off_topic": f["off_topic"],
                "top": round(float(top), 4),
                "code": rows[i][0].code_id if rows[i] else None,
                "valence": rows[i][0].valence if rows[i] else None,
            }
            if key == "alone":
                off = {
                    c: float(P[i, classes.index(c)])
                    for c in (NONE, PROCEDURAL, REJECTED)
                    if c in classes
                }
                out[i]["p_none"] = round(off.get(NONE, 0.0), 4)
                out[i]["p_procedural"] = round(off.get(PROCEDURAL, 0.0), 4)
                out[i]["off_alone"] = round(sum(off.values()), 4)
    return out


def set_rows(ac: Any, name: str, f: int) -> list[dict[str, Any]]:
    """Every participant segment of interview set ``name`` coded by ``ac`` with its gold turn."""
    rows: list[dict[str, Any]] = []
    folder = TRAINED_SETS[name]
    gold = [json.loads(x) for x in read_text(folder / "gold.jsonl").splitlines() if x]
    paths = sorted(folder.glob("*.txt"))
    result = ac.code([str(p) for p in paths])
    segs = [s for s in result if s.segment.context]
    both = readings(ac, [s.segment.text for s in result], [s.segment.context or "" for s in result])
    k: dict[str, int] = {}
    for s, r in zip(result, both):
        tid = s.segment.transcript_id
        turns = [g for g in gold if g["transcript"] == tid]
        j = k.get(tid, 0)
        while j < len(turns) and s.segment.text not in turns[j]["text"]:
            j += 1
        if j == len(turns):
            raise SystemExit(f"{name}: {s.segment.id} is in no later gold turn")
        k[tid] = j
        g = turns[j]
        # the flags the segment has in the result: what roqa code gave it (a reply that
        # only agrees takes its turn's); recomputed ones should agree elsewhere
        r["same_as_code"] = charted(r["q"]) == (not (s.novel or s.procedural))
        r["q"].update(novel=s.novel, procedural=s.procedural, off_topic=s.off_topic)
        kind = "coded" if g["codes"] else str(g.get("note", "")).split(":", 1)[0]
        rows.append(
            {
                "set": name,
                "fold": f,
                "id": s.segment.id,
                "text": s.segment.text,
                "question": s.segment.context or "",
                "gold": list(g["codes"]),
                "kind": kind,
                **r,
            }
        )
    print(f"fold {f}: {name} ({len(result)} segments, {len(segs)} with a question)", flush=True)
    return rows


def fold_rows() -> list[dict[str, Any]]:
    """Every participant segment with a question of the 42 sets, coded out of fold."""
    from roqa_nlp.autocoder import AutoCoder

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    rows: list[dict[str, Any]] = []
    for f, held, ts in fold_training(base, interviews):
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        for name in held:
            rows += set_rows(ac, name, f)
    return rows


def tester_rows() -> list[dict[str, Any]]:
    """The testers' gold records (a check only), read with their question by the packaged model."""
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    rows: list[dict[str, Any]] = []
    for name, path in TESTER_GOLD.items():
        recs = [json.loads(x) for x in read_text(path).splitlines() if x.strip()]
        texts = [r["text"] for r in recs]
        ctx = [r.get("context") or r.get("question") or "" for r in recs]
        for r, o in zip(recs, readings(ac, texts, ctx)):
            codes = r.get("codes") or [r.get("construct")]
            codes = [c for c in codes if c and c != "NONE"]
            rows.append(
                {
                    "set": name,
                    "id": r.get("id"),
                    "text": r["text"],
                    "question": r.get("context") or r.get("question") or "",
                    "gold": codes,
                    "kind": "coded" if codes else "uncoded",
                    **o,
                }
            )
    return rows


def charted(f: dict[str, Any]) -> bool:
    return not (f["novel"] or f["procedural"])


def set_aside(row: dict[str, Any], t: float, forced: bool) -> bool:
    """Whether rule L(t) (or F(t), ``forced``) takes this segment out of the chart."""
    if not row["question"] or not charted(row["q"]) or row["off_alone"] < t:
        return False
    return forced or not charted(row["alone"])


def table(rows: list[dict[str, Any]]) -> dict[str, Any]:
    has_q = [r for r in rows if r["question"]]
    now = [r for r in has_q if charted(r["q"])]
    kinds = Counter(r["kind"] for r in has_q)
    charted_now = Counter("coded" if r["kind"] == "coded" else "uncoded" for r in now)
    lifted = [r for r in now if not charted(r["alone"])]
    out: dict[str, Any] = {
        "segments_with_question": dict(kinds),
        "charted_now": dict(charted_now),
        "lifted": dict(Counter(r["kind"] for r in lifted)),
        "rules": {},
    }
    for forced in (False, True):
        for t in GRID:
            taken = [r for r in now if set_aside(r, t, forced)]
            c = Counter(r["kind"] for r in taken)
            coded = c.pop("coded", 0)
            out["rules"][f"{'F' if forced else 'L'}({t})"] = {
                "coded": coded,
                "uncoded": sum(c.values()),
                "by_kind": dict(c),
            }
    return out


def verdict(tab: dict[str, Any]) -> str | None:
    """The rule the criterion of question_lift_rules.md chooses, or None."""
    limit = 0.01 * tab["charted_now"].get("coded", 0)
    for prefix in ("L", "F"):
        for t in GRID:
            r = tab["rules"][f"{prefix}({t})"]
            if r["coded"] <= limit and r["uncoded"] >= 5 and r["uncoded"] >= 2 * r["coded"]:
                return f"{prefix}({t})"
    return None


def gold_valences(rows: list[dict[str, Any]]) -> list[str | None]:
    """Each fold row's gold turn valence (matched as :func:`set_rows` matches), or each tester
    record's."""
    gold: dict[str, list[dict[str, Any]]] = {}
    by_text: dict[str, str] = {}
    for path in TESTER_GOLD.values():
        for x in read_text(path).splitlines():
            if x.strip():
                r = json.loads(x)
                by_text[r["text"]] = r.get("valence")
    out: list[str | None] = []
    for r in rows:
        if "fold" not in r:
            out.append(by_text.get(r["text"]))
            continue
        if r["set"] not in gold:
            text = read_text(TRAINED_SETS[r["set"]] / "gold.jsonl")
            gold[r["set"]] = [json.loads(x) for x in text.splitlines() if x]
        tid = r["id"].rsplit(":", 1)[0]
        turn = [g for g in gold[r["set"]] if g["transcript"] == tid and r["text"] in g["text"]]
        out.append(turn[0]["valence"] if turn else None)
    return out


def valence_turns(rows: list[dict[str, Any]]) -> dict[str, int]:
    """On coded segments charted with their question: gold barriers shown as enablers with the
    question and read alone, and valences the question turned, right to wrong and back."""
    out: Counter[str] = Counter()
    for r, gv in zip(rows, gold_valences(rows)):
        if r["kind"] != "coded" or not r["question"] or not charted(r["q"]):
            continue
        vq, va = r["q"]["valence"], r["alone"]["valence"]
        out["segments"] += 1
        out["right alone"] += va == gv
        out["right with the question"] += vq == gv
        if gv == "barrier":
            out["gold barriers"] += 1
            out["barrier shown as enabler, alone"] += va == "enabler"
            out["barrier shown as enabler, with the question"] += vq == "enabler"
            out["barrier: the question turned barrier to enabler"] += (
                va == "barrier" and vq == "enabler"
            )
            out["barrier: the question turned enabler to barrier"] += (
                va == "enabler" and vq == "barrier"
            )
        out["question turned right to wrong"] += va == gv and vq != gv
        out["question turned wrong to right"] += va != gv and vq == gv
    return dict(out)


def examples(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The uncoded fold segments charted with their question, and every lifted one."""
    keep = [
        r
        for r in rows
        if "fold" in r
        and r["question"]
        and charted(r["q"])
        and (r["kind"] != "coded" or not charted(r["alone"]))
    ]
    keys = (
        "set",
        "id",
        "kind",
        "gold",
        "off_alone",
        "p_none",
        "p_procedural",
        "q",
        "alone",
        "text",
    )
    return [{k: r[k] for k in keys} for r in keep]


def main() -> None:
    args = sys.argv[1:]
    raw = Path(args[args.index("--rows") + 1]) if "--rows" in args else RAW
    if "--from-rows" in args:
        data = json.loads(read_text(raw))
    else:
        data = {"folds": fold_rows(), "testers": tester_rows()}
        # every segment's text and readings: kept out of the repository (5 MB)
        atomic_write_text(raw, json.dumps(data) + "\n")
    folds, testers = table(data["folds"]), table(data["testers"])
    summary = {
        "rules_file": "question_lift_rules.md",
        "folds": folds,
        "testers (check only)": testers,
        "chosen": verdict(folds),
        "valence (folds)": valence_turns(data["folds"]),
        "valence (testers)": valence_turns(data["testers"]),
        "charted uncoded and lifted segments (folds)": examples(data["folds"]),
    }
    atomic_write_text(OUT / "question_lift.json", json.dumps(summary, indent=1) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if not k.startswith("charted")}, indent=1))


if __name__ == "__main__":
    main()
