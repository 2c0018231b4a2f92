"""Procedural talk by position: does a position-aware procedural judgement set fewer short
substantive answers aside without coding procedural talk?

Procedural talk (sound checks, consent, recording, thanks, goodbye) sits at the start and the end
of an interview. A participant segment is *mid-interview* when its turn is neither among the first
``K`` nor the last ``K`` participant turns of its transcript (turns that give at least one
segment, as :meth:`AutoCoder.segments_of` cuts them; ``K`` = 3, fixed by principle before any
run, see ``classifier_comparison.md``, session 38). Variants (mid-interview segments only; a
closing formula stays procedural):

- ``packaged``: as ``roqa code`` judges now (the procedural class is the most probable);
- ``A``: procedural only when P(procedural) >= 0.9;
- ``B``: P(procedural) times the ratio of the procedural share of mid-interview participant
  segments to that of all participant segments in the interview sets' gold (in sample), then the
  most probable class;
- ``C``: never procedural by the classifier.

One model pass per data set; the embedding classifier's calibrated probabilities are captured
beside ``roqa code``'s own flags (the ``packaged`` variant recomputed from them must equal the
flags ``code`` gave: asserted), and each variant's flags are computed from them with
:func:`roqa_nlp.autocoder.segment_flags`. Data: the check set of ``short_answers.py``, each
question-answer pair placed after the middle participant turn of a real interview of
``benchmarks/data/`` (item i in interview i of the sorted list, cycling; only the inserted segment
is scored); ``make demo``'s example interviews (never trained on) and the interview sets of
``benchmarks/data/`` (in sample), by gold category and by position.

    OPENBLAS_NUM_THREADS=1 flock /tmp/roqa-heavy.lock python benchmarks/procedural_position.py

Writes ``results/procedural_position.json`` and ``results/procedural_position.md``. Session 38:
measured, not used (no variant passes the rule set before the run: a quarter of the interview
sets' procedural talk is mid-interview interruptions; ``classifier_comparison.md``).
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

HERE = Path(__file__).resolve().parent
CHECK = HERE / "data" / "short_answers" / "check.jsonl"
K = 3
NEAR_CERTAIN = 0.9
VARIANTS = ("packaged", "A", "B", "C")
CAPTURED: list[dict] = []


def capture() -> None:
    """Wrap ``AutoCoder._suggest_rows`` to keep, per row, what the procedural judgement reads."""
    import numpy as np

    from roqa_nlp.autocoder import AutoCoder, _tops
    from roqa_nlp.prediction import OFF_FRAMEWORK, calibrated_probabilities
    from roqa_nlp.schema import NONE, PROCEDURAL, REJECTED

    original = AutoCoder._suggest_rows

    def wrapped(self, X, top_k=None, texts=None, contexts=None, questions=None):  # type: ignore[no-untyped-def]
        out = original(self, X, top_k, texts, contexts, questions)
        clf, _ = self._require_predictor()
        P = calibrated_probabilities(clf.log_probabilities(X), clf.temperature_)
        classes = [str(c) for c in clf.classes_]
        codes = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]

        def col(name: str) -> np.ndarray:
            return P[:, classes.index(name)] if name in classes else np.zeros(len(X))

        rows, pvals, _, proc, aside = out
        for i, top in enumerate(_tops(rows)):
            CAPTURED.append(
                {
                    "p_proc": float(col(PROCEDURAL)[i]),
                    "p_none": float(col(NONE)[i]),
                    "p_rej": float(col(REJECTED)[i]),
                    "p_code": float(P[i, codes].max()),
                    "p_value": float(pvals[i]),
                    "proc": bool(proc[i]),
                    "aside": bool(aside[i]),
                    "top": float(top),
                }
            )
        return out

    AutoCoder._suggest_rows = wrapped  # type: ignore[method-assign]


def positions(segments: list) -> dict[str, tuple[int, int]]:
    """Each participant segment's (ordinal of its turn among the transcript's participant turns
    that give segments, 1-based; how many there are)."""
    out: dict[str, tuple[int, int]] = {}
    by_t: dict[str, list] = {}
    for s in segments:
        if s.segment.role != "interviewer":
            by_t.setdefault(s.segment.transcript_id, []).append(s)
    for segs in by_t.values():
        turns = sorted({s.segment.turn_index for s in segs})
        rank = {t: n for n, t in enumerate(turns, 1)}
        for s in segs:
            out[s.segment.id] = (rank[s.segment.turn_index], len(turns))
    return out


def is_mid(pos: tuple[int, int], k: int = K) -> bool:
    n, total = pos
    return k < n <= total - k


def coded(ac, inputs) -> list[dict]:
    """Code ``inputs``; one dict per segment: the segment result, its captured row, position."""
    CAPTURED.clear()
    result = ac.code(inputs)
    assert len(CAPTURED) == len(result.segments), (len(CAPTURED), len(result.segments))
    pos = positions(result.segments)
    out = []
    for s, row in zip(result.segments, CAPTURED, strict=True):
        p = pos.get(s.segment.id, (0, 0))
        out.append({"s": s, **row, "pos": p, "mid": is_mid(p)})
    return out


def flags(r: dict, variant: str, ratio: float) -> dict:
    from roqa_nlp.autocoder import says_nothing, segment_flags

    others = max(r["p_none"], r["p_rej"], r["p_code"])
    proc = r["p_proc"] > others  # the procedural class is the most probable
    if r["mid"] and variant == "A":
        proc = r["p_proc"] >= NEAR_CERTAIN
    elif r["mid"] and variant == "B":
        proc = ratio * r["p_proc"] > others
    elif r["mid"] and variant == "C":
        proc = False
    said_nothing = says_nothing(r["s"].segment.text)
    return segment_flags(
        r["p_value"], float(proc), float(r["aside"]), ALPHA[0], r["top"], said_nothing=said_nothing
    )


ALPHA = [0.0]


def tally(rows: list[dict], variant: str, ratio: float, cats: list[str]) -> dict:
    out: dict[str, dict[str, int]] = {}
    for r, cat in zip(rows, cats, strict=True):
        f = flags(r, variant, ratio)
        for key in (cat, f"{cat} mid"):
            if key.endswith(" mid") and not r["mid"]:
                continue
            c = out.setdefault(key, {"segments": 0, "procedural": 0, "novel": 0, "set_aside": 0})
            c["segments"] += 1
            c["procedural"] += bool(f["procedural"])
            c["novel"] += bool(f["novel"])
            c["set_aside"] += bool(f["procedural"] or f["novel"])
    return out


def gold_categories(rows: list[dict], gold: list[dict]) -> list[str]:
    """Each segment's gold turn's category, paired as ``short_answers.interview_set_flags``."""
    from off_topic import category

    cats = []
    k, previous = 0, None
    for r in rows:
        s = r["s"]
        turns = [g for g in gold if g["transcript"] == s.segment.transcript_id]
        if s.segment.transcript_id != previous:
            k, previous = 0, s.segment.transcript_id
        while k < len(turns) and s.segment.text not in turns[k]["text"]:
            k += 1
        if k == len(turns):
            k = 0
            cats.append("unmatched")
            continue
        cat = category(turns[k])
        cats.append(cat if cat in ("coded", "procedural") else "other")
    return cats


def interview_files() -> list[tuple[Path, list[dict]]]:
    sets = []
    for data in sorted(HERE.glob("data/*")):
        if not (data / "gold.jsonl").exists() or data.name.startswith("quotes"):
            continue
        gold = [json.loads(x) for x in read_text(data / "gold.jsonl").splitlines() if x]
        sets.append((data, gold))
    return sets


def placed(items: list[dict], files: list[Path], tmp: Path) -> list[tuple[Path, str]]:
    """Each check pair written after the middle participant turn of an interview (its own copy),
    with that interview's interviewer and participant labels."""
    from roqa_nlp.transcripts import read_transcript

    out = []
    for n, it in enumerate(items):
        src = files[n % len(files)]
        t = read_transcript(src)
        part = [x for x in t.turns if x.role == "participant"]
        iv = next(x.speaker for x in t.turns if x.role == "interviewer")
        mid = part[len(part) // 2]
        text = t.text
        cut = mid.end
        insert = f"\n\n{iv}: {it['question']}\n\n{mid.speaker}: {it['text']}"
        f = tmp / f"{it['id']}__{src.stem}.txt"
        f.write_text(text[:cut] + insert + text[cut:], encoding="utf-8")
        out.append((f, it["text"]))
    return out


def measure() -> dict:
    from roqa_nlp.autocoder import AutoCoder

    capture()
    ac = AutoCoder.load()
    ALPHA[0] = float(ac.params["alpha"])
    # interview sets (in sample)
    set_rows: list[dict] = []
    set_cats: list[str] = []
    txts: list[Path] = []
    for data, gold in interview_files():
        files = sorted(data.glob("*.txt"))
        txts += files
        rows = coded(ac, files)
        set_rows += rows
        set_cats += gold_categories(rows, gold)
    for r in set_rows:  # the packaged variant is roqa code's own judgement
        assert flags(r, "packaged", 1.0)["procedural"] == bool(r["s"].procedural)
        assert flags(r, "packaged", 1.0)["novel"] == bool(r["s"].novel)
    part = [(r, c) for r, c in zip(set_rows, set_cats, strict=True) if c != "unmatched"]
    share_all = sum(c == "procedural" for _, c in part) / len(part)
    mid = [(r, c) for r, c in part if r["mid"]]
    share_mid = sum(c == "procedural" for _, c in mid) / len(mid)
    ratio = share_mid / share_all
    # where the interview sets' procedural segments are
    where = {"first k": 0, "mid": 0, "last k": 0, "no middle": 0}
    deciles = [0] * 10
    for r, c in part:
        if c != "procedural":
            continue
        n, total = r["pos"]
        if total <= 2 * K:
            where["no middle"] += 1
        elif n <= K:
            where["first k"] += 1
        elif n > total - K:
            where["last k"] += 1
        else:
            where["mid"] += 1
        deciles[min(9, int(10 * (n - 1) / max(1, total)))] += 1
    mid_proc = [
        {
            "text": r["s"].segment.text[:120],
            "pos": r["pos"],
            "p_proc": round(r["p_proc"], 3),
            "flagged": bool(r["s"].procedural),
        }
        for r, c in part
        if c == "procedural" and r["mid"]
    ]
    # make demo's example interviews (never trained on)
    root = HERE.parent / "examples"
    gold_ex = {}
    for line in read_text(root / "gold" / "codings.jsonl").splitlines():
        if line.strip():
            g = json.loads(line)
            cat = "coded" if g["suggestions"] else ("procedural" if g["procedural"] else "other")
            gold_ex[g["segment_id"]] = cat
    ex_rows = coded(ac, root / "interviews")
    ex_cats = [gold_ex.get(r["s"].segment.id, "unmatched") for r in ex_rows]
    # the check set placed mid-interview
    items = [json.loads(x) for x in read_text(CHECK).splitlines() if x.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        files = placed(items, txts, Path(tmp))
        rows = coded(ac, [f for f, _ in files])
    check_rows = []
    for it, (f, answer) in zip(items, files, strict=True):
        hits = [
            r
            for r in rows
            if r["s"].segment.transcript_id == f.stem
            and r["s"].segment.text.strip() == answer.strip()
        ]
        assert len(hits) == 1, (it["id"], len(hits))
        assert hits[0]["mid"], (it["id"], hits[0]["pos"])
        check_rows.append((it, hits[0]))
    out: dict = {
        "model_sha256": str(ac.card.get("model_sha256")),
        "k": K,
        "near_certain": NEAR_CERTAIN,
        "prior_ratio": round(ratio, 4),
        "procedural_share_all": round(share_all, 4),
        "procedural_share_mid": round(share_mid, 4),
        "interview_set_procedural_by_position": where,
        "interview_set_procedural_by_decile": deciles,
        "interview_set_mid_procedural": mid_proc,
        "variants": {},
    }
    for v in VARIANTS:
        per_item = []
        for it, r in check_rows:
            f = flags(r, v, ratio)
            per_item.append(
                {
                    "id": it["id"],
                    "kind": it["kind"],
                    "set_aside": bool(f["procedural"] or f["novel"]),
                    "procedural": bool(f["procedural"]),
                    "novel": bool(f["novel"]),
                    "p_proc": round(r["p_proc"], 3),
                    "top": round(r["top"], 3),
                    "top_code": r["s"].suggestions[0].code_id if r["s"].suggestions else None,
                    "gold": it["codes"],
                }
            )
        sub = [x for x in per_item if x["kind"] == "coded"]
        oth = [x for x in per_item if x["kind"] != "coded"]
        out["variants"][v] = {
            "substantive_set_aside": sum(x["set_aside"] for x in sub),
            "substantive_procedural": sum(x["procedural"] for x in sub),
            "substantive_novel": sum(x["novel"] for x in sub),
            "substantive_top1": sum(
                (not x["set_aside"]) and x["top_code"] == x["gold"][0] for x in sub
            ),
            "procedural_lines_coded": sum(not x["set_aside"] for x in oth),
            "examples": tally(ex_rows, v, ratio, ex_cats),
            "interview_sets": tally(set_rows, v, ratio, set_cats),
            "items": per_item,
        }
    return out


def cell(t: dict, cat: str) -> str:
    c = t.get(cat, {})
    return f"{c.get('procedural', 0)} / {c.get('novel', 0)} / {c.get('set_aside', 0)}"


def report(m: dict) -> str:
    base = m["variants"]["packaged"]
    lines = [
        "# Procedural talk by position",
        "",
        f"`benchmarks/procedural_position.py` ({m['date']}, model {m['model_sha256'][:12]}…). "
        f"Mid-interview: not within the first or last k = {m['k']} participant turns. Check set "
        "pairs placed after the middle participant turn of a real interview. Set aside = flagged "
        "procedural or fits no code. Cells of the interview sets and examples: flagged "
        "procedural / fits no code / set aside.",
        "",
        f"Position prior of variant B: procedural share of participant segments {m['procedural_share_all']} "
        f"overall, {m['procedural_share_mid']} mid-interview: ratio {m['prior_ratio']}.",
        f"Interview sets' procedural segments by position: {m['interview_set_procedural_by_position']}; "
        f"by tenth of the interview: {m['interview_set_procedural_by_decile']}.",
        "",
        "| variant | check: substantive set aside of 42 (procedural / fits no code) | check: top-1 of 42 "
        "| check: procedural lines coded of 30 | examples: coded (44) | examples: procedural (18) "
        "| interview sets: procedural | interview sets: procedural, mid-interview "
        "| interview sets: coded | interview sets: coded, mid-interview |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for v, r in m["variants"].items():
        ex, iv = r["examples"], r["interview_sets"]
        lines.append(
            f"| {v} | {r['substantive_set_aside']} ({r['substantive_procedural']} / "
            f"{r['substantive_novel']}) | {r['substantive_top1']} | {r['procedural_lines_coded']} | "
            f"{ex.get('coded', {}).get('segments', 0)}: {cell(ex, 'coded')} | "
            f"{ex.get('procedural', {}).get('segments', 0)}: {cell(ex, 'procedural')} | "
            f"{iv['procedural']['segments']}: {cell(iv, 'procedural')} | "
            f"{iv.get('procedural mid', {}).get('segments', 0)}: {cell(iv, 'procedural mid')} | "
            f"{iv['coded']['segments']}: {cell(iv, 'coded')} | "
            f"{iv.get('coded mid', {}).get('segments', 0)}: {cell(iv, 'coded mid')} |"
        )
    lines += ["", "Substantive check answers set aside (packaged, placed mid-interview):", ""]
    for x in base["items"]:
        if x["kind"] == "coded" and x["set_aside"]:
            lines.append(f"- {x['id']} P(procedural) {x['p_proc']}, top {x['top_code']} {x['top']}")
    lines += ["", "Mid-interview procedural segments of the interview sets (gold):", ""]
    for x in m["interview_set_mid_procedural"]:
        lines.append(
            f"- {x['pos']} P(procedural) {x['p_proc']} flagged {x['flagged']}: {x['text']}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    import warnings

    warnings.simplefilter("ignore")
    m = {"date": date.today().isoformat(), **measure()}
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(OUT / "procedural_position.json", json.dumps(m, indent=1) + "\n")
    atomic_write_text(OUT / "procedural_position.md", report(m))
    print(report(m))


if __name__ == "__main__":
    main()
