"""What the accuracy benchmarks share: the study they measure on (:func:`load_study`) and top-1 /
top-3 / domain accuracy scored exactly as ``roqa evaluate`` scores them
(:func:`roqa_nlp.evaluation.construct_metrics`): a hit when a suggestion is any of the record's
gold codes; records without a gold code are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from roqa_nlp.evaluation import construct_metrics
from roqa_nlp.prediction import OFF_FRAMEWORK

ROOT = Path(__file__).resolve().parents[1]
#: evaluation only: aggregate numbers, never a choice
DEV = ROOT.parent / "shared" / "eval" / "cfir_dev.jsonl"
OUT = ROOT / "benchmarks" / "results"


@dataclass
class Study:
    """The packaged training data embedded, and the held-out sets every benchmark scores.

    ``seed`` marks the seed paper's 22 quotes (held out of training in the benchmarks), ``gold``
    the gold-coded segments of the example interviews (45; 55 before session 30 re-keyed the
    gold), ``heldout`` the segments of the four held-out interviews (``heldout_interviews.py``;
    ``heldout_coded`` indexes the coded ones), ``dev`` every dev record and ``dev_texts`` /
    ``dev_codes`` the coded ones.
    """

    book: Any
    domain_of: dict[str, str | None]
    embedder: Any
    training: Any
    texts: np.ndarray
    X: np.ndarray
    y: np.ndarray
    groups: np.ndarray
    seed: np.ndarray
    gold: Any
    heldout: Any
    heldout_coded: list[int]
    dev: Any
    dev_texts: list[str]
    dev_codes: list[list[str]]


def load_study() -> Study:
    """Load the cfir-2009 codebook, embed ``training_data/`` and read the gold and dev sets."""
    import warnings

    from gold_to_codings import coded_gold_segments
    from heldout_interviews import heldout_segments

    from roqa_nlp.autocoder import label_of
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.training import load_labelled, load_training_set

    warnings.filterwarnings("ignore", category=UserWarning)
    book = Codebook.load("cfir-2009")
    emb = Embedder()
    ts = load_training_set(ROOT / "training_data", book)
    dev = load_labelled(DEV, book)
    coded = [i for i, c in enumerate(dev.codes) if c]
    heldout = heldout_segments(book)
    return Study(
        book=book,
        domain_of={c.id: c.domain for c in book.codable},
        embedder=emb,
        training=ts,
        texts=np.array(ts.texts, dtype=object),
        X=emb.encode(ts.texts),
        y=np.array([label_of(c, k) for c, k in zip(ts.codes, ts.kinds)], dtype=object),
        groups=np.array(ts.groups),
        seed=np.array([i.startswith("seed") for i in ts.ids]),
        gold=coded_gold_segments(codebook=book),
        heldout=heldout,
        heldout_coded=[i for i, c in enumerate(heldout.codes) if c],
        dev=dev,
        dev_texts=[dev.texts[i] for i in coded],
        dev_codes=[dev.codes[i] for i in coded],
    )


def ranked_codes(P: np.ndarray, classes: Sequence[str]) -> list[list[str]]:
    """Each row's codes by falling probability, the off-framework classes left out (as
    suggestions are ranked); ties keep the classes' order."""
    cols = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    return [[classes[j] for j in sorted(cols, key=lambda j: -row[j])] for row in P]


def hit_rates(
    gold: Sequence[Sequence[str]],
    ranked: Sequence[Sequence[str]],
    domain_of: dict[str, str | None],
) -> tuple[float, float, float]:
    """(top-1, top-3, domain accuracy) of ``ranked`` code ids against ``gold``, to 3 decimals."""
    m = construct_metrics(
        [list(g) for g in gold],
        [list(r) for r in ranked],
        [0.0] * len(gold),  # ECE is not reported here
        domain_of=domain_of,
    )
    return (
        round(m["construct_top1"], 3),
        round(m["construct_top3"], 3),
        round(m["domain_accuracy"], 3),
    )


def cell(rates: Sequence[float]) -> str:
    """A results-table cell: top-1 / top-3 / domain accuracy to 3 decimals."""
    return " / ".join(f"{x:.3f}" for x in rates)


def choose_weight(cv: dict[float, float], tolerance: float = 0.005) -> float:
    """The smallest weight whose grouped-CV score is within ``tolerance`` (about one fold's noise)
    of the best: more weight on a second model must earn its place. (Rule written in session 5
    when w = 0.5 and 0.6 came out 0.001 apart for the word model.)"""
    top = max(cv.values())
    return min(w for w, score in cv.items() if score >= top - tolerance)


def write_weight_sweep(
    name: str,
    meta: dict[str, Any],
    rows: list[dict[str, Any]],
    header: list[str],
    fmt: Any,
) -> None:
    """Write ``OUT/<name>.json`` (meta and rows) and ``OUT/<name>.md``: the ``header`` lines, then a
    table of every row's grouped CV, seed, gold, held-out and dev scores formatted by ``fmt``,
    the weight ``meta["chosen_by_cv"]`` marked."""
    import json

    from roqa_nlp.io import atomic_write_text

    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / f"{name}.json", json.dumps({"meta": meta, "rows": rows}, indent=1) + "\n"
    )
    lines = [
        *header,
        "",
        "| w | grouped CV | seed quotes (held out) | gold interviews | held-out interviews | dev |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = " (chosen by CV)" if r["w"] == meta["chosen_by_cv"] else ""
        cells = " | ".join(fmt(r[s]) for s in ("cv", "seed", "gold", "heldout", "dev"))
        lines.append(f"| {r['w']:g}{mark} | {cells} |")
    lines.append("")
    atomic_write_text(OUT / f"{name}.md", "\n".join(lines))


def training_with_extra(files: Sequence[Path]) -> tuple[Any, Any, Any]:
    """The packaged AutoCoder, the packaged training set, and ``files`` (JSONL outside
    ``training_data/``) loaded as one more training set, without codebook descriptions."""
    import shutil
    import tempfile

    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.training import load_training_set

    packaged = AutoCoder.load()
    base = load_training_set(ROOT / "training_data", packaged.codebook)
    with tempfile.TemporaryDirectory() as tmp:
        for p in files:
            shutil.copy(p, tmp)
        extra = load_training_set(Path(tmp), packaged.codebook, descriptions=False)
    return packaged, base, extra


def picked(
    keep: Sequence[int],
    text: Sequence[str],
    codes: Sequence[Any],
    valence: Sequence[str],
    question: Sequence[str] | None = None,
) -> dict[str, list[Any]]:
    """The records ``keep`` of parallel lists as a scoring set (no question: ``""``)."""
    return {
        "text": [text[i] for i in keep],
        "question": [question[i] for i in keep] if question is not None else [""] * len(keep),
        "codes": [codes[i] for i in keep],
        "valence": [valence[i] for i in keep],
    }  # fmt: skip


def pipeline_scores(ac: Any, s: dict[str, list[Any]]) -> list[float]:
    """Top-1, top-3, domain and valence accuracy of an AutoCoder on a scoring set (``picked``),
    the question as context as packaged; valence over the records that state one."""
    dom = {c.id: c.domain for c in ac.codebook.codable}
    X = ac._inputs(s["text"], s["question"])
    rows = ac._suggest_rows(X, 3, s["text"], s["question"])[0]
    top1 = [r[0].code_id in g for r, g in zip(rows, s["codes"])]
    top3 = [bool({x.code_id for x in r[:3]} & set(g)) for r, g in zip(rows, s["codes"])]
    domain = [dom[r[0].code_id] in {dom[c] for c in g} for r, g in zip(rows, s["codes"])]
    val = [r[0].valence == v for r, v in zip(rows, s["valence"]) if v]
    return [round(float(np.mean(x)), 3) for x in (top1, top3, domain, val)]


def write_results(name: str, payload: dict[str, Any], lines: list[str]) -> None:
    """Write ``OUT/<name>.json`` (``payload``) and ``OUT/<name>.md`` (``lines``), atomically."""
    import json

    from roqa_nlp.io import atomic_write_text

    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(OUT / f"{name}.json", json.dumps(payload, indent=1) + "\n")
    atomic_write_text(OUT / f"{name}.md", "\n".join(lines))


def run_meta(training_hash: str, **extra: Any) -> dict[str, Any]:
    """What every results file records: the date, the machine, the training data's SHA-256, and
    the script's own ``extra`` entries."""
    import platform
    from datetime import date

    return {
        "date": date.today().isoformat(),
        "machine": f"{platform.machine()} python {platform.python_version()}",
        "training_data_sha256": training_hash,
        **extra,
    }
