"""Train on the interview sets' windows as ``roqa code`` now cuts them, or as they were cut before?

Since session 32 ``roqa code`` cuts a long turn into windows of even size
(``results/balanced_windows.md``), but ``training_data/interview_segments.jsonl`` still holds the
windows cut greedily (946 of its 4,809 records have other text when re-written by
``interview_records.py``). This scores both sets of training records on the same test segments
(the even windows ``roqa code`` makes now):

* held out: each of the 42 interview sets coded by a model trained as packaged without that set
  (leave one set out, as ``interview_training.py``), trained on the other sets' records, old or
  new; the old column is the ``balanced (now)`` row of ``results/balanced_windows.json``, which
  trained on the very records on disk with the same code and parameters (training is
  deterministic), so only the new records are trained here;
* the example interviews (``examples/``, never trained on, gold re-keyed to the even windows)
  coded by the packaged model (old records) and by the model trained on every record (new);
* dev (``../shared/eval/cfir_dev.jsonl``): the same two models, aggregate only, evaluation only,
  reported and never deciding.

Rule, written before scoring: adopt the new records (re-write them and re-train the packaged
model) when, pooled over the held-out rows (42 sets + examples), the top-3 and domain hits do not
fall and top-1 hits fall by at most 10 segments (0.3% of the 3,702 coded segments); else keep the
old records and say so in ``interview_records.py``.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/balanced_records.py`` (about 25 minutes:
one training per set). Results: ``benchmarks/results/balanced_records.{json,md}``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from balanced_windows import add, example_segments, hits  # noqa: E402
from heldout_interviews import TRAINED_SETS, heldout_segments  # noqa: E402
from interview_records import OUT, SETTING_PREFIX, base_and_interviews, records  # noqa: E402
from scoring import DEV, ROOT, run_meta, write_results  # noqa: E402

METRICS = ("top-1", "top-3", "domain", "valence")


def dev_figures(ac: object) -> list[float]:
    """Dev top-1 / top-3 / domain / valence, as ``roqa evaluate`` computes them (aggregate)."""
    result = ac.evaluate(DEV)  # type: ignore[attr-defined]
    keys = ("construct_top1", "construct_top3", "domain_accuracy", "valence_accuracy")
    return [round(float(result[k]), 3) for k in keys]


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.training import load_training_set

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, old_interviews = base_and_interviews(book)
    rows = records()
    old_texts = [json.loads(x)["text"] for x in OUT.read_text(encoding="utf-8").splitlines()]
    assert len(old_texts) == len(rows), (len(old_texts), len(rows))
    changed = sum(a != b["text"] for a, b in zip(old_texts, rows))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "interview_segments.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        interviews = load_training_set(path, book, descriptions=False)
    recorded = json.loads((ROOT / "benchmarks/results/balanced_windows.json").read_text())
    old_loso = recorded["results"]["balanced"]["held out: the 42 sets, each left out of training"]

    sets = {n: heldout_segments(book, "window", f) for n, f in TRAINED_SETS.items()}
    examples = example_segments(packaged)
    new_loso = [0, 0, 0, 0]
    for name, folder in TRAINED_SETS.items():
        group = SETTING_PREFIX + folder.name
        keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(group)]
        ac = AutoCoder(book, embedder=emb, params=params).fit(base.extend(interviews.subset(keep)))
        new_loso = add(new_loso, hits(ac, sets[name]))
        print(name, new_loso, flush=True)
    whole = AutoCoder(book, embedder=emb, params=params).fit(base.extend(interviews))
    table = {
        "held out: the 42 sets, each left out of training": [old_loso, new_loso],
        "held out: the example interviews": [hits(packaged, examples), hits(whole, examples)],
    }
    table["held out, pooled (decides)"] = [
        add(
            table["held out: the 42 sets, each left out of training"][i],
            table["held out: the example interviews"][i],
        )
        for i in (0, 1)
    ]
    old, new = table["held out, pooled (decides)"]
    adopt = new[1] >= old[1] and new[2] >= old[2] and new[0] >= old[0] - 10
    dev = [dev_figures(packaged), dev_figures(whole)]
    n_coded = sum(1 for h in sets.values() for c in h.codes if c)
    n_examples = sum(1 for c in examples.codes if c)
    meta = run_meta(
        base.extend(interviews).hash,
        old_training_data_sha256=base.extend(old_interviews).hash,
        model_sha256=packaged.card.get("model_sha256"),
        n={"coded segments, 42 sets": n_coded, "coded segments, examples": n_examples},
        records_changed=changed,
        n_records=len(rows),
    )
    lines = [
        "# Training records cut as `roqa code` cuts now (even windows) against the old greedy ones",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/balanced_records.py` (method and rule in its docstring). Records whose text "
        f"changes: {changed} of {len(rows)}. Coded test segments (even windows): {n_coded} in the "
        f"42 interview sets, {n_examples} in the example interviews. Hit cells: top-1 / top-3 / "
        "domain / valence hits (segments), per coded segment against its turn's gold. Old "
        "42-set row: `results/balanced_windows.json` (same code, records on disk).",
        "",
        "| measure | old records (greedy windows) | new records (even windows) |",
        "|---|---|---|",
    ]
    for row, (a, b) in table.items():
        lines.append(f"| {row} | {' / '.join(map(str, a))} | {' / '.join(map(str, b))} |")
    lines.append(
        f"| dev top-1 / top-3 / domain / valence (evaluation only) | "
        f"{' / '.join(map(str, dev[0]))} | {' / '.join(map(str, dev[1]))} |"
    )
    lines += ["", f"Rule: {'adopt the new records' if adopt else 'keep the old records'}.", ""]
    payload = {"meta": meta, "results": table, "dev": dev, "adopt": adopt}
    write_results("balanced_records", payload, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
