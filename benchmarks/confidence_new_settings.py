"""Where is the shown code confidence over-confident? Reliability on whole interviews no model was
trained on, by what the shown probability went through.

Sets (each whole interview read as ``roqa code`` reads it, the question as context as packaged):
the gold example interviews (``examples/interviews``, gold ``examples/gold/labelled.jsonl``) and
the blind testers' studies of sessions 83-85 (daily13-daily16), written and gold-coded by them
before roqa ran, in session scratch folders (``/tmp/s83_daily13`` ...; a set whose folder is
absent is skipped with its reason). None of them is in ``training_data``. daily16 (primary care,
a diabetes pathway) is gold-coded in CFIR 2.0; the others in CFIR 2009. Each participant segment
is scored against the gold of the turn it lies in (a segment matching no gold turn, or two, is
left out); only turns with a gold code count.

Variants of the packaged model (the same segments each time), set through its coding parameters:
``packaged``; ``question_T_0.5`` (the question temperature before session 86);
``no_question_model`` (``question_weight`` 0); ``seed_T_for_questions``
(``question_temperature`` 0: the seed-quote temperature for every segment); ``seed_T_no_qmodel``
(both); ``alone`` (``use_context`` off: no question at all). ``--models DIR ...`` also scores
models retrained with a researcher's decisions on the sets they were not trained on.

Correct = the top-1 (first) suggestion is a gold code. For CFIR 2.0 gold (daily16) it is counted
twice: the translated top code (``codings.cfir-2022.csv``'s ``code_1``, at the model's
probability for its CFIR 2009 code) against the gold code, and the model's CFIR 2009 top code
against the CFIR 2009 codes that map onto the gold code (``crosswalk.mapped_from``). ECE of the
top-1 probability (10 bins, as ``roqa evaluate``); the top bin is shown >= 0.9. 95 % intervals
by a bootstrap of whole interviews (1,000 draws).

Run: ``OMP_NUM_THREADS=1 .venv/bin/python benchmarks/confidence_new_settings.py [--models DIR ...]``
(a few minutes with a warm embedding cache). Results:
``benchmarks/results/confidence_new_settings.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import ROOT, write_results  # noqa: E402

CFIR2 = "cfir-2022"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _gold_examples(d: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (r["id"].split(":")[0], r["text"], tuple(r["codes"]))
        for r in _jsonl(d / "labelled.jsonl")
        if r.get("codes")
    ]


def _gold13(d: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (r["pid"], r["text"], (r["label"],))
        for r in _jsonl(d / "gold.jsonl")
        if r["label"] not in ("PROC", "OFF")
    ]


def _gold14(d: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    out = []
    for r in _jsonl(d / "gold.jsonl"):
        code = r["gold"].split("/")[0]
        if code != "NONE" and not code.startswith("OPEN"):
            out.append((r["transcript"], r["text"], (code,)))
    return out


def _gold15(d: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    rows = _jsonl(d / "gold.jsonl") + _jsonl(d / "gold2.jsonl")
    return [(r["interview"], r["text"], (r["code"],)) for r in rows]


def _gold16(d: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    rows = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    return [
        (r["file"].split("_")[0], r["text"], (r["code"],))
        for r in rows
        if r.get("code") not in (None, "", "NONE", "OFF") and not r["file"].startswith("p07")
    ]


#: name -> (folder with the gold, interviews folder within it, interviewer, gold reader, book)
SETS: dict[str, tuple[Path, str, list[str] | None, Callable[..., Any], str]] = {
    "examples_gold": (
        ROOT / "examples" / "gold",
        "../interviews",
        None,
        _gold_examples,
        "cfir-2009",
    ),
    "daily13": (Path("/tmp/s83_daily13"), "interviews", ["Chris Okoye"], _gold13, "cfir-2009"),
    "daily14": (Path("/tmp/s84_daily14"), "study", ["Sam Roe"], _gold14, "cfir-2009"),
    "daily15": (Path("/tmp/s85_daily15"), "study", ["Sam Roe"], _gold15, "cfir-2009"),
    "daily16": (Path("/tmp/s85_daily16"), "interviews", ["Helen Marsh"], _gold16, CFIR2),
}

VARIANTS: dict[str, dict[str, Any]] = {
    "packaged": {},
    "question_T_0.5": {"question_temperature": 0.5},
    "no_question_model": {"question_weight": 0.0},
    "seed_T_for_questions": {"question_temperature": 0.0},
    "seed_T_no_qmodel": {"question_temperature": 0.0, "question_weight": 0.0},
    "alone": {"use_context": False},
}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def segment_rows(model: str | None, variants: list[str]) -> list[dict[str, Any]]:
    """One row per scored segment, set and variant."""
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import builtin_codebook
    from roqa_nlp.crosswalk import mapped_from, translate

    book2 = builtin_codebook(CFIR2)
    back = mapped_from(book2, "cfir-2009")  # a CFIR 2.0 code -> the 2009 codes mapped onto it
    ac = AutoCoder.load(model) if model else AutoCoder.load()
    own = ac.codebook.id
    trained = ac.params.copy()
    rows: list[dict[str, Any]] = []
    for name, (folder, sub, interviewer, reader, gold_book) in SETS.items():
        if not folder.is_dir():
            print(f"{name}: skipped, {folder} is absent (a session's scratch folder)")
            continue
        if model and Path(model).resolve().is_relative_to(folder.resolve()):
            continue  # a model retrained on this set's decisions: in sample there
        gold = [(k, _norm(t), codes) for k, t, codes in reader(folder)]
        for variant in variants:
            for key, value in {**trained, **VARIANTS[variant]}.items():
                ac.params[key] = value
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = ac.code((folder / sub).resolve(), interviewer_labels=interviewer)
            charted = translate(res, ac.codebook, book2, top_decides=True) if own != CFIR2 else res
            for s, t in zip(res.segments, charted.segments, strict=True):
                said = _norm(s.segment.text)
                hits = [g for g in gold if said in g[1] or g[1] in said]
                if s.segment.role != "participant" or len(said) < 15 or len(hits) != 1:
                    continue
                interview, _, codes = hits[0]
                top = s.suggestions[0] if s.suggestions else None
                top2 = t.suggestions[0] if t.suggestions else None
                row: dict[str, Any] = {
                    "model": model or "packaged",
                    "model_codebook": own,
                    "set": name,
                    "variant": variant,
                    "interview": interview,
                    "segment": s.segment.id,
                    "words": len(s.segment.text.split()),
                    "gold": list(codes),
                    "gold_codebook": gold_book,
                    "top": top.code_id if top else None,
                    "top_cfir2": top2.code_id if top2 else None,
                    "p": top.probability if top else None,
                }
                origins = {c for g in codes for c in back.get(g, [])}
                # the CFIR 2.0 top code charted back onto CFIR 2009 (as a CFIR 2.0 model's is)
                row["right_back"] = gold_book != CFIR2 and bool(
                    set(codes) & set(back.get(row["top_cfir2"] or "", []))
                )
                if own == CFIR2:  # a CFIR 2.0 model charted back onto CFIR 2009
                    tops09 = set(back.get(row["top"], []))
                    row["right"] = bool(tops09 & (origins if gold_book == CFIR2 else set(codes)))
                    row["right_cfir2"] = row["top"] in codes if gold_book == CFIR2 else None
                elif gold_book == CFIR2:
                    row["right"] = row["top"] in origins
                    row["right_cfir2"] = row["top_cfir2"] in codes
                else:
                    row["right"] = row["top"] in codes
                    row["right_cfir2"] = None
                rows.append(row)
            n = sum(r["set"] == name and r["variant"] == variant for r in rows)
            print(f"{name} {variant}: {n} segments of {len(gold)} gold turns", flush=True)
    return rows


def ece10(p: np.ndarray, ok: np.ndarray) -> float:
    from roqa_nlp.evaluation import expected_calibration_error

    return float(expected_calibration_error(p, ok))


def reliability(
    rows: list[dict[str, Any]], key: str = "right", draws: int = 1000
) -> dict[str, Any]:
    """n, accuracy, mean shown, ECE-10 and the top bin (>= 0.9) with bootstrap intervals over
    whole interviews, and four bins by shown probability."""
    rows = [r for r in rows if r["p"] is not None and r[key] is not None]
    p = np.array([r["p"] for r in rows], dtype=float)
    ok = np.array([float(r[key]) for r in rows])
    who = np.array([f"{r['set']}/{r['interview']}" for r in rows])
    groups = [np.flatnonzero(who == g) for g in sorted(set(who))]

    def one(idx: np.ndarray) -> tuple[float, float, float]:
        top = p[idx] >= 0.9
        if not top.any():
            return ece10(p[idx], ok[idx]), np.nan, np.nan
        return ece10(p[idx], ok[idx]), float(ok[idx][top].mean()), float((p - ok)[idx][top].mean())

    rng = np.random.default_rng(0)
    boot = np.array(
        [
            one(np.concatenate([groups[i] for i in rng.integers(0, len(groups), len(groups))]))
            for _ in range(draws)
        ]
    )
    lo, hi = np.nanpercentile(boot, 2.5, axis=0), np.nanpercentile(boot, 97.5, axis=0)
    est = one(np.arange(len(p)))
    top = p >= 0.9
    bins = []
    for a, b in ((0.0, 0.4), (0.4, 0.7), (0.7, 0.9), (0.9, 1.01)):
        m = (p >= a) & (p < b)
        if m.any():
            bins.append(
                [a, min(b, 1.0), int(m.sum()), round(p[m].mean(), 3), round(ok[m].mean(), 3)]
            )
    return {
        "n": len(p),
        "interviews": len(groups),
        "accuracy": round(float(ok.mean()), 3),
        "shown": round(float(p.mean()), 3),
        "ece": round(est[0], 3),
        "ece_ci": [round(lo[0], 3), round(hi[0], 3)],
        "top_n": int(top.sum()),
        "top_shown": round(float(p[top].mean()), 3) if top.any() else None,
        "top_accuracy": round(est[1], 3),
        "top_accuracy_ci": [round(lo[1], 3), round(hi[1], 3)],
        "top_gap": round(est[2], 3),
        "top_gap_ci": [round(lo[2], 3), round(hi[2], 3)],
        "bins": bins,
    }


def cell(r: dict[str, Any]) -> str:
    bins = "; ".join(f"{a}-{b}: {n}, {s:.2f} / {acc:.2f}" for a, b, n, s, acc in r["bins"])
    return (
        f"{r['n']} ({r['interviews']}) | {r['accuracy']:.3f} / {r['shown']:.3f} | {r['ece']:.3f} "
        f"[{r['ece_ci'][0]:.3f}, {r['ece_ci'][1]:.3f}] | {r['top_n']}, {r['top_shown']:.3f}, "
        f"{r['top_accuracy']:.3f} [{r['top_accuracy_ci'][0]:.3f}, {r['top_accuracy_ci'][1]:.3f}]"
        f" | {r['top_gap']:+.3f} [{r['top_gap_ci'][0]:+.3f}, {r['top_gap_ci'][1]:+.3f}] | {bins}"
    )


HEAD = [
    "| rows | n (interviews) | accuracy / mean shown | ECE-10 [95 %] | top bin >= 0.9: n, shown, "
    "accuracy [95 %] | shown - accuracy in the top bin [95 %] | bins: n, shown / accuracy |",
    "|---|---|---|---|---|---|---|",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", nargs="*", default=[], help="retrained model folders")
    args = ap.parse_args()
    rows = segment_rows(None, list(VARIANTS))
    for m in args.models:
        rows += segment_rows(m, ["packaged"])
    table: dict[str, Any] = {}
    lines = ["# Where the shown code confidence is over-confident", ""]
    lines += ["Produced by `benchmarks/confidence_new_settings.py` (method in its docstring).", ""]
    lines += HEAD
    pkg = [r for r in rows if r["model"] == "packaged"]
    for variant in VARIANTS:
        of = [r for r in pkg if r["variant"] == variant]
        for name in [*SETS, "pooled (CFIR 2009 level)"]:
            sel = of if name.startswith("pooled") else [r for r in of if r["set"] == name]
            if not sel:
                continue
            table[f"{variant} / {name}"] = r = reliability(sel)
            lines.append(f"| {variant} / {name} | {cell(r)} |")
        d16 = [r for r in of if r["set"] == "daily16"]
        if d16:
            table[f"{variant} / daily16 CFIR 2.0"] = r = reliability(d16, "right_cfir2")
            lines.append(f"| {variant} / daily16 charted in CFIR 2.0 | {cell(r)} |")
    base = [r for r in pkg if r["variant"] == "packaged"]
    median = float(np.median([r["words"] for r in base]))
    for label, sel in (
        (f"packaged / words <= {median:g}", [r for r in base if r["words"] <= median]),
        (f"packaged / words > {median:g}", [r for r in base if r["words"] > median]),
    ):
        table[label] = r = reliability(sel)
        lines.append(f"| {label} | {cell(r)} |")
    # retrained models keep the question temperature of their card (0.5 before session 86): the
    # packaged model is compared at 0.5 too; a CFIR 2.0 model's top code is charted back onto
    # CFIR 2009, and so is the packaged model's translated top code beside it
    before = [r for r in pkg if r["variant"] == "question_T_0.5"]
    for m in args.models:
        own = [r for r in rows if r["model"] == m]
        sets = {r["set"] for r in own}
        same = [r for r in before if r["set"] in sets]
        key = "right_back" if own and own[0]["model_codebook"] == CFIR2 else "right"
        for label, sel, k in (
            (f"packaged (question T 0.5) on the sets {m} was not trained on", same, key),
            (m, own, "right"),
        ):
            table[label] = r = reliability(sel, k)
            lines.append(f"| {label} | {cell(r)} |")
    lines.append("")
    write_results("confidence_new_settings", {"table": table}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
