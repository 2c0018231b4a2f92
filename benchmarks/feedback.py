"""Does feeding back one interview's corrections improve the suggestions on the others?

Issue 3, part 5: "feeding back corrections for one interview improves the suggestions on the
others". For each example interview i in p01, p02, p03:

1. build a decisions file from the human gold of interview i (``examples/gold/codings.csv``) and
   the packaged model's suggestions on it: for each segment, ``accept`` the model's top-1 code if
   the gold has it, else ``recode`` to the gold main code; a segment the gold leaves uncoded gets
   a ``reject`` of each of the top-3 suggestions (it becomes an example of talk that fits no code);
   and a gold-coded segment whose gold valence is not the valence of the model's top suggestion
   gets a ``valence`` row with the gold valence, as a researcher correcting the report's valence
   buttons would (``--no-valence`` leaves the valence rows out);
2. ``AutoCoder.load().update(decisions, codings=run, training="training_data")``, timed;
3. score the updated model and the packaged model on the gold of the OTHER two interviews
   (``AutoCoder.evaluate``): construct top-1 / top-3 and domain accuracy on the gold-coded
   segments (a hit when the suggestion is any of the segment's gold codes), novelty recall on the
   uncoded segments (all of them, and only the off-framework ones, without procedural talk) and
   the false-novel rate on the coded ones.

The packaged model was trained on the training data of its day, while ``update`` retrains on the
current ``training_data/``; a **control** model trained on the same current data without any
decisions separates the effect of the feedback from that of new training data.

Results: ``benchmarks/results/feedback.{json,md}``. Re-run after retraining the packaged model:

    .venv/bin/python benchmarks/feedback.py

How much should decided segments weigh against the written exemplars? ``--weights 1,3,10,30``
repeats steps 1-3 for each weight and writes only the mean change per weight to
``benchmarks/results/feedback_weights.{json,md}``.

(about 4 trainings of 1-3 minutes each on a shared 2-core machine; embeddings are cached).
"""

from __future__ import annotations

import csv
import io
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_to_codings import GOLD_CSV, GoldSegment, read_gold  # noqa: E402

if TYPE_CHECKING:
    from roqa_nlp.training import TrainingSet

ROOT = Path(__file__).resolve().parents[1]
INTERVIEWS = ROOT / "examples" / "interviews"
TRAINING = ROOT / "training_data"
OUT = ROOT / "benchmarks" / "results"
METRICS = (
    "construct_top1",
    "construct_top3",
    "domain_accuracy",
    "valence_accuracy",
    "novelty_auroc",
    "novel_recall",
    "novel_recall_off_framework",
    "false_novel_rate",
)


def decision_rows(
    gold: dict[str, GoldSegment], run: Any, transcript_id: str, *, valence: bool = True
) -> list[dict[str, str]]:
    """Decisions a researcher following the gold would make on one interview's suggestions
    (with ``valence``, also a correction of each coded segment's valence where the model's top
    suggestion has another)."""
    rows: list[dict[str, str]] = []
    for s in run.segments:
        if s.segment.transcript_id != transcript_id or s.segment.id not in gold:
            continue
        g = gold[s.segment.id]
        ranked = [x.code_id for x in s.suggestions]
        if g.codes:
            if ranked and ranked[0] in g.code_ids:
                rows.append(dict(segment_id=s.segment.id, decision="accept", code_id=ranked[0]))
            else:
                rows.append(dict(segment_id=s.segment.id, decision="recode", code_id=g.code_ids[0]))
            top = s.top
            if valence and top is not None and top.valence != g.codes[0].valence:
                rows.append(
                    dict(segment_id=s.segment.id, decision="valence", valence=g.codes[0].valence)
                )
        else:
            for code in ranked[:3]:
                rows.append(dict(segment_id=s.segment.id, decision="reject", code_id=code))
    return rows


def write_decisions(rows: list[dict[str, str]], path: Path) -> None:
    buf = io.StringIO()
    columns = ["segment_id", "decision", "code_id", "new_code", "note", "valence"]
    w = csv.DictWriter(buf, columns, restval="")
    w.writeheader()
    for r in rows:
        w.writerow({**r, "note": "from examples/gold"})
    path.write_text(buf.getvalue(), encoding="utf-8")


def labelled(
    gold: dict[str, GoldSegment], run: Any, transcript_ids: list[str], *, procedural: bool
) -> TrainingSet:
    """The gold of some interviews as a labelled set (uncoded = ``[]``) for ``evaluate``."""
    from roqa_nlp.training import TrainingSet

    ts = TrainingSet()
    for s in run.segments:
        g = gold.get(s.segment.id)
        if g is None or s.segment.transcript_id not in transcript_ids:
            continue
        if g.procedural and not procedural:
            continue
        ts.ids.append(s.segment.id)
        ts.texts.append(s.segment.text)
        ts.codes.append(g.code_ids)
        ts.valences.append(g.codes[0].valence if g.codes else "neutral")
        ts.groups.append(s.segment.transcript_id)
        ts.kinds.append("coded" if g.codes else "procedural" if g.procedural else "off-framework")
        ts.sources.append("examples/gold")
        ts.contexts.append(s.segment.context)
    return ts


def scores(ac: Any, gold: dict[str, GoldSegment], run: Any, targets: list[str]) -> dict[str, Any]:
    """evaluate() on the targets' gold: all segments, then without procedural talk for recall."""
    m = ac.evaluate(labelled(gold, run, targets, procedural=True))
    off = ac.evaluate(labelled(gold, run, targets, procedural=False))
    m["novel_recall_off_framework"] = off["novel_recall"]
    m["n_off_framework"] = off["n_none"]
    return {k: m[k] for k in (*METRICS, "n", "n_coded", "n_none", "n_off_framework") if k in m}


def delta(a: dict[str, Any], b: dict[str, Any]) -> dict[str, float | None]:
    return {
        k: (None if a.get(k) is None or b.get(k) is None else round(a[k] - b[k], 4))
        for k in METRICS
    }


def fmt(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:+.3f}" if x < 0 or x > 0 else "0.000"
    return str(x)


def main(weight: int | None = None, sweep: list[int] | None = None, valence: bool = True) -> None:
    from roqa_nlp.autocoder import UPDATE_WEIGHT, AutoCoder
    from roqa_nlp.io import atomic_write_text, sha256_file
    from roqa_nlp.training import load_training_set

    t_start = time.perf_counter()
    packaged = AutoCoder.load()
    emb = packaged.embedder
    gold = read_gold(GOLD_CSV, packaged.codebook)
    run = packaged.code(sorted(INTERVIEWS.iterdir()))
    run_ids = {s.segment.id for s in run.segments}
    missing = [sid for sid in gold if sid not in run_ids]
    if missing:
        raise SystemExit(f"gold segment {missing[0]} is not in the packaged model's segmentation")
    interviews = sorted({s.segment.transcript_id for s in run.segments})
    print(f"coded {len(run)} segments of {interviews}", flush=True)

    base = {i: scores(packaged, gold, run, [j for j in interviews if j != i]) for i in interviews}

    current = load_training_set(TRAINING, packaged.codebook)
    same_data = current.hash == packaged.card.get("training_data", {}).get("sha256")
    control_seconds: float | None = None
    if same_data:
        control = packaged  # retraining on the same data and parameters gives the same model
    else:
        t0 = time.perf_counter()
        control = AutoCoder(packaged.codebook, embedder=emb, params=packaged.params).fit(current)
        control_seconds = round(time.perf_counter() - t0, 1)
        print(f"control retrain {control_seconds} s", flush=True)
    ctrl = {i: scores(control, gold, run, [j for j in interviews if j != i]) for i in interviews}

    def feedback_runs(weight: int) -> list[dict[str, Any]]:
        runs: list[dict[str, Any]] = []
        with tempfile.TemporaryDirectory() as tmp:
            for i in interviews:
                rows = decision_rows(gold, run, i, valence=valence)
                path = Path(tmp) / f"decisions_{i}.csv"
                write_decisions(rows, path)
                ac = AutoCoder.load(embedder=emb)
                t0, c0 = time.perf_counter(), time.process_time()
                ac.update(path, codings=run, training=TRAINING, weight=weight)
                seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
                targets = [j for j in interviews if j != i]
                upd = scores(ac, gold, run, targets)
                per_target = {
                    j: {
                        "packaged": scores(packaged, gold, run, [j]),
                        "updated": scores(ac, gold, run, [j]),
                    }
                    for j in targets
                }
                counts = {
                    d: sum(1 for r in rows if r["decision"] == d)
                    for d in ("accept", "recode", "reject", "valence")
                }
                runs.append(
                    {
                        "feedback_interview": i,
                        "evaluated_on": targets,
                        "decisions": counts,
                        "n_feedback_examples": ac.card["feedback"]["n_examples"],
                        "retrain_seconds": round(seconds, 1),
                        "retrain_cpu_seconds": round(cpu, 1),
                        "packaged": base[i],
                        "control": ctrl[i],
                        "updated": upd,
                        "change_vs_packaged": delta(upd, base[i]),
                        "change_vs_control": delta(upd, ctrl[i]),
                        "per_interview": per_target,
                    }
                )
                print(
                    f"{i}: retrain {seconds:.1f} s, {counts}, Δ vs packaged {delta(upd, base[i])}",
                    flush=True,
                )
        return runs

    def mean_change(runs: list[dict[str, Any]], key: str) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for k in METRICS:
            vals = [r[key][k] for r in runs if r[key][k] is not None]
            out[k] = round(statistics.mean(vals), 4) if vals else None
        return out

    if sweep:
        rows = []
        for w in sweep:
            runs = feedback_runs(w)
            rows.append(
                {
                    "weight": w,
                    "mean_change_vs_control": mean_change(runs, "change_vs_control"),
                    "mean_retrain_seconds": round(
                        statistics.mean(r["retrain_seconds"] for r in runs), 1
                    ),
                }
            )
            print(rows[-1], flush=True)
        swept = {
            "benchmark": "feedback weight: mean change over the three feedback interviews",
            "date": date.today().isoformat(),
            "machine": f"{platform.machine()}, {platform.python_version()}, shared 2-core host",
            "packaged_model_sha256": packaged.card.get("model_sha256"),
            "gold_sha256": sha256_file(GOLD_CSV),
            "default_weight": UPDATE_WEIGHT,
            "weights": rows,
        }
        OUT.mkdir(parents=True, exist_ok=True)
        atomic_write_text(OUT / "feedback_weights.json", json.dumps(swept, indent=2) + "\n")
        atomic_write_text(OUT / "feedback_weights.md", weights_markdown(swept))
        print(weights_markdown(swept))
        return

    weight = UPDATE_WEIGHT if weight is None else weight
    runs = feedback_runs(weight)

    result = {
        "benchmark": "feedback: one interview's gold decisions fed back, scored on the other two",
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}, shared 2-core host",
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "packaged_model_sha256": packaged.card.get("model_sha256"),
        "packaged_training_data_sha256": packaged.card.get("training_data", {}).get("sha256"),
        "current_training_data_sha256": current.hash,
        "current_training_records": len(current),
        "control_is_packaged": same_data,
        "gold_sha256": sha256_file(GOLD_CSV),
        "alpha": packaged.params["alpha"],
        "update_weight": weight,
        "valence_corrections": valence,
        "control_retrain_seconds": control_seconds,
        "mean_change_vs_packaged": mean_change(runs, "change_vs_packaged"),
        "mean_change_vs_control": mean_change(runs, "change_vs_control"),
        "mean_retrain_seconds": round(statistics.mean(r["retrain_seconds"] for r in runs), 1),
        "mean_retrain_cpu_seconds": round(
            statistics.mean(r["retrain_cpu_seconds"] for r in runs), 1
        ),
        "runs": runs,
        "total_seconds": round(time.perf_counter() - t_start, 1),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(OUT / "feedback.json", json.dumps(result, indent=2) + "\n")
    atomic_write_text(OUT / "feedback.md", markdown(result))
    print(markdown(result))


def markdown(r: dict[str, Any]) -> str:
    short = {
        "construct_top1": "top-1",
        "construct_top3": "top-3",
        "domain_accuracy": "domain",
        "valence_accuracy": "valence",
        "novelty_auroc": "novelty AUROC",
        "novel_recall": "novel recall (uncoded)",
        "novel_recall_off_framework": "novel recall (off-framework)",
        "false_novel_rate": "false-novel rate",
    }
    lines = [
        "# Feedback benchmark: one interview's corrections, scored on the other two",
        "",
        f"{r['date']}, {r['machine']}. Packaged model `{str(r['packaged_model_sha256'])[:12]}`, "
        f"gold `examples/gold/codings.csv` (`{r['gold_sha256'][:12]}`), alpha {r['alpha']}. "
        "Produced by `benchmarks/feedback.py`.",
        "",
        "For each interview, the gold of that interview became a decisions file (accept the "
        "model's top-1 when the gold has it, else recode to the gold main code; reject the top-3 "
        "suggestions of segments the gold leaves uncoded"
        + (
            "; correct the valence of a gold-coded segment to the gold's where the model's top "
            "suggestion has another"
            if r.get("valence_corrections")
            else ""
        )
        + "), `AutoCoder.load().update(decisions, "
        'codings=run, training="training_data")` retrained the model (decided segments weigh '
        f"{r['update_weight']}), "
        "and both models were scored on the other two interviews' gold. Construct metrics are on "
        "gold-coded segments (a hit = any gold code of the segment); novelty recall on uncoded "
        "segments, false-novel rate on coded ones. "
        + (
            f"The packaged model was trained on the current `training_data/` "
            f"({r['current_training_records']} records, same hash), so it is its own control: "
            "the change is the effect of the decisions alone."
            if r["control_is_packaged"]
            else f"The control is a model retrained on the current `training_data/` "
            f"({r['current_training_records']} records) without decisions, since the packaged "
            "model was trained on other data: updated − control is the effect of the decisions."
        ),
        "",
        "## Mean change over the three feedback interviews",
        "",
        "| metric | updated − packaged | updated − control |",
        "|---|---|---|",
    ]
    for k, name in short.items():
        lines.append(
            f"| {name} | {fmt(r['mean_change_vs_packaged'][k])} | {fmt(r['mean_change_vs_control'][k])} |"
        )
    lines += [
        "",
        f"Retraining with the decisions (`update`: loading {r['current_training_records']} "
        f"training records, embeddings from the cache, classifier and cross-conformal novelty "
        f"calibration) took {r['mean_retrain_seconds']} s of wall time on average "
        f"({', '.join(str(x['retrain_seconds']) for x in r['runs'])} s) and "
        f"{r['mean_retrain_cpu_seconds']} s of this process's CPU time (all threads), on a "
        f"2-core machine shared with other jobs (load average {r['load_average']} at the end).",
        "",
        "## Each feedback interview",
        "",
        "| feedback from | decisions (accept/recode/reject/valence) | retrain s | scored on (coded / uncoded) "
        "| model | top-1 | top-3 | domain | valence | novel recall (uncoded / off-framework) "
        "| false-novel |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]

    def v(x: Any) -> str:
        return "–" if x is None else f"{x:.3f}"

    for run in r["runs"]:
        d = run["decisions"]
        on = ", ".join(t.split("_")[0] for t in run["evaluated_on"])
        p = run["packaged"]
        labels = (
            ("packaged", "updated")
            if r["control_is_packaged"]
            else ("packaged", "control", "updated")
        )
        for label in labels:
            m = run[label]
            lead = (
                f"| {run['feedback_interview'].split('_')[0]} "
                f"| {d['accept']}/{d['recode']}/{d['reject']}/{d.get('valence', 0)} "
                f"| {run['retrain_seconds']} | {on} ({p['n_coded']} / {p['n_none']}) "
                if label == "packaged"
                else "| | | | "
            )
            lines.append(
                f"{lead}| {label} | {v(m['construct_top1'])} | {v(m['construct_top3'])} "
                f"| {v(m['domain_accuracy'])} | {v(m['valence_accuracy'])} "
                f"| {v(m['novel_recall'])} / "
                f"{v(m['novel_recall_off_framework'])} | {v(m['false_novel_rate'])} |"
            )
    coded = sum(run["packaged"]["n_coded"] for run in r["runs"]) / len(r["runs"])
    uncoded = sum(run["packaged"]["n_none"] for run in r["runs"]) / len(r["runs"])
    lines += [
        "",
        f"Small samples: each pair of interviews has about {coded:.0f} gold-coded and "
        f"{uncoded:.0f} uncoded segments, so one segment moves top-1 by about {1 / coded:.2f}; "
        "read the direction, not the third decimal. "
        "Per-interview figures are in `feedback.json`. "
        + (
            "Valence is scored on the gold-coded segments against the gold main code's valence; "
            "`update` trains the valence head on the corrected valence where a `valence` row "
            "gives one, else on the valence of the model's own top suggestion."
            if r.get("valence_corrections")
            else "These decisions carry no valence (`--no-valence`): `update` labels each "
            "decided segment with the valence of the model's own top suggestion, so feedback is "
            "not expected to improve valence accuracy."
        ),
        "",
    ]
    return "\n".join(lines)


def weights_markdown(r: dict[str, Any]) -> str:
    keys = (
        "construct_top1",
        "construct_top3",
        "domain_accuracy",
        "novel_recall",
        "false_novel_rate",
    )
    lines = [
        "# Feedback benchmark: how much should decided segments weigh?",
        "",
        f"{r['date']}, {r['machine']}. Packaged model `{str(r['packaged_model_sha256'])[:12]}`, "
        f"gold `{r['gold_sha256'][:12]}`. Produced by `benchmarks/feedback.py --weights ...`: for "
        "each weight, one interview's gold decisions are fed back (`update(..., weight=w)`: each "
        "decided segment is repeated w times among the written training records) and the model is "
        "scored on the other two interviews; mean change against the model without decisions "
        f"over the three feedback interviews. Default weight: {r['default_weight']}.",
        "",
        "| weight | top-1 | top-3 | domain | novel recall (uncoded) | false-novel rate | retrain s |",
        "|---|---|---|---|---|---|---|",
    ]
    for w in r["weights"]:
        m = w["mean_change_vs_control"]
        cells = " | ".join(fmt(m[k]) for k in keys)
        lines.append(f"| {w['weight']} | {cells} | {w['mean_retrain_seconds']} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--weight", type=int, default=None, help="weight of decided segments")
    ap.add_argument("--weights", default="", help="comma-separated weights to compare")
    ap.add_argument(
        "--no-valence", action="store_true", help="leave the valence corrections out of decisions"
    )
    a = ap.parse_args()
    main(
        a.weight,
        [int(x) for x in a.weights.split(",") if x.strip()] or None,
        valence=not a.no_valence,
    )
