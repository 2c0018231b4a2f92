"""Grouping the *Coded, but weakly* segments with the open-coding queue: candidate codes, and how
many are CFIR talk, on interviews with gold the model never trained on.

The open-coding queue (:func:`roqa_nlp.open_coding.open_coding_queue`) groups the segments flagged
for open coding (:func:`~roqa_nlp.open_coding.queued`). The what-if groups them together with the
segments charted with a top code below 0.40 (:func:`~roqa_nlp.open_coding.weakly_coded`, the
report's *Coded, but weakly* list), by the same rule (average-linkage cosine distance below the
segment unit's threshold, two or more segments). Each segment is given its gold kind:

- ``cfir``: the gold gives it a CFIR code;
- ``theme``: off-framework talk a researcher would open-code (an organisation's flood, a visa
  refusal, COVID lockdowns, digital exclusion);
- ``other``: procedural talk, small talk, career background.

A group whose members are all ``cfir`` is a false candidate: the codebook covers it. The rows
count the groups, the false candidates, the groups holding a theme, and the same for two
narrower readings of the what-if: groups holding at least one segment of the queue
(``anchored``) and groups recurring across two or more transcripts (``recurring``).

Sets (all out of sample):

- ``examples``: the three example interviews and their gold (``examples/gold/codings.csv``),
  never trained on; the packaged model. An ``off-framework:`` note naming the pandemic or digital
  exclusion (:data:`THEME_WORDS`) is a ``theme`` unless it is a career or personal story, the
  rest ``other``.
- ``daily14``: a tester's five interviews and gold (session 84, ``/tmp/s84_daily14``: ``NONE``
  is ``other``, ``OPEN:`` a ``theme``), when present; the packaged model.
- each of the five ``benchmarks/data/heldout_*`` sets, coded by a model trained as packaged
  without that set (leave one set out, as ``benchmarks/interview_training.py``; their
  ``off-framework:`` turns are ``theme`` or ``other`` as for ``examples``).

Run: ``OMP_NUM_THREADS=1 PYTHONPATH=src .venv/bin/python benchmarks/open_queue_weak.py
[--json OUT] [--sets a,b] [--model DIR] [--extra FILE.jsonl]`` (about 15 minutes: one training
per held-out set). ``--model`` codes ``examples`` and ``daily14`` with that model instead of the
packaged one; ``--extra`` adds a training file's records to every held-out set's training (a
candidate training kind, measured as if it were in ``training_data/``). Results:
``results/classifier_comparison.md``, sessions 85 and 86 (``--json`` output:
``results/open_queue_weak.json``, ``org_events_s86.json``).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import INTERVIEW_SETS  # noqa: E402

from roqa_nlp.io import read_text  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DAILY14 = Path("/tmp/s84_daily14")
#: words of an ``off-framework:`` note that name a theme for open coding (the gold's own examples:
#: the COVID-19 lockdowns, digital exclusion), unless it is a career story or a personal one
THEME_WORDS = ("covid", "lockdown", "pandemic", "digital exclusion", "tablets")


def note_kind(codes: list[str], note: str) -> str:
    if codes:
        return "cfir"
    note = note.lower()
    body = note.partition(":")[2].strip()
    if (
        note.startswith("off-framework")
        and any(w in note for w in THEME_WORDS)
        and not body.startswith(("personal", "career"))
    ):
        return "theme"
    return "other"


def group_kinds(result: Any, gold: dict[str, tuple[str, str]], embedder: Any) -> dict[str, Any]:
    from roqa_nlp.open_coding import open_coding_queue, queued, weakly_coded

    queue = {s.segment.id for s in queued(result)}
    weak = {s.segment.id for s in weakly_coded(result)}
    out: dict[str, Any] = {
        "segments": sum(1 for s in result.segments if s.segment.id in gold),
        "queue": len(queue),
        "weak": len(weak),
        "queue_kinds": _count(gold[i][0] for i in queue if i in gold),
        "weak_kinds": _count(gold[i][0] for i in weak if i in gold),
        "themes": sum(1 for k, _ in gold.values() if k == "theme"),
        "theme_routes": _count(
            _route(s, queue, weak)
            for s in result.segments
            if gold.get(s.segment.id, ("",))[0] == "theme"
        ),
    }
    for pool_name, pool in (("queue alone", queue), ("queue+weak", queue | weak)):
        segs = [
            dataclasses.replace(s, novel=True, procedural=False, off_topic=False)
            for s in result.segments
            if s.segment.id in pool
        ]
        sub = result.with_segments(segs)
        background = [s.segment.text for s in result.segments]
        q = open_coding_queue(sub, embedder, background=background)
        groups = []
        for c in q:
            kinds = [gold.get(i, ("?", ""))[0] for i in c.segment_ids]
            groups.append(
                {
                    "label": c.label,
                    "kinds": kinds,
                    "labels": [gold.get(i, ("?", ""))[1] for i in c.segment_ids],
                    "anchored": any(i in queue for i in c.segment_ids),
                    "recurring": len(c.transcripts) >= 2,
                }
            )
        row: dict[str, Any] = {"groups": groups}
        for reading, keep in (
            ("all", lambda g: True),
            ("anchored", lambda g: g["anchored"]),
            ("recurring", lambda g: g["recurring"]),
        ):
            gs = [g for g in groups if keep(g)]
            row[reading] = {
                "candidates": len(gs),
                "cfir_only": sum(1 for g in gs if set(g["kinds"]) == {"cfir"}),
                "with_theme": sum(1 for g in gs if "theme" in g["kinds"]),
                "theme_only": sum(1 for g in gs if set(g["kinds"]) == {"theme"}),
            }
        out[pool_name] = row
    return out


def _route(s: Any, queue: set[str], weak: set[str]) -> str:
    if s.segment.id in queue:
        return "open"
    if s.segment.id in weak:
        return "weak"
    if s.procedural or s.novel:
        return "aside"
    return "sure"


def _count(items: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for x in items:
        out[x] = out.get(x, 0) + 1
    return dict(sorted(out.items()))


def examples_gold() -> tuple[list[Path], dict[str, tuple[str, str]]]:
    rows = list(csv.DictReader(read_text(ROOT / "examples" / "gold" / "codings.csv").splitlines()))
    by: dict[str, tuple[list[str], str]] = {}
    for r in rows:
        codes, note = by.setdefault(r["segment_id"], ([], r["note"]))
        if r["code_id"]:
            codes.append(r["code_id"])
    gold = {sid: (note_kind(c, n), c[0] if c else n.split(":")[0]) for sid, (c, n) in by.items()}
    return sorted((ROOT / "examples" / "interviews").iterdir()), gold


def by_text(result: Any, rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Each participant segment's gold, the first gold row (of its transcript, at or after the
    previous segment's) whose text holds it."""
    out = {}
    for tid in dict.fromkeys(s.segment.transcript_id for s in result.segments):
        mine = [r for r in rows if r["transcript"] == tid]
        k = 0
        for s in result.segments:
            if s.segment.transcript_id != tid or s.segment.role != "participant":
                continue
            text = " ".join(s.segment.text.split())
            while k < len(mine) and text not in " ".join(mine[k]["text"].split()):
                k += 1
            if k == len(mine):
                k = 0
                continue  # text not in the gold (a reader's merge): left out
            out[s.segment.id] = (mine[k]["kind"], mine[k]["label"])
    return out


def daily14_rows() -> list[dict[str, Any]]:
    rows = []
    for name in ("gold.jsonl", "gold19.jsonl"):
        for line in read_text(DAILY14 / name).splitlines():
            if line.strip():
                g = json.loads(line)
                gold = g["gold"]
                kind = "other" if gold == "NONE" else "theme" if gold.startswith("OPEN") else "cfir"
                label = gold.split("/")[0] if kind == "cfir" else gold
                rows.append(
                    {"transcript": g["transcript"], "text": g["text"], "kind": kind, "label": label}
                )
    return rows


def heldout_rows(folder: Path) -> list[dict[str, Any]]:
    rows = []
    for line in read_text(folder / "gold.jsonl").splitlines():
        if line.strip():
            g = json.loads(line)
            kind = note_kind(g["codes"], str(g.get("note", "")))
            label = g["codes"][0] if g["codes"] else str(g.get("note", ""))[:40]
            rows.append(
                {"transcript": g["transcript"], "text": g["text"], "kind": kind, "label": label}
            )
    return rows


def extra_records(path: Path, book: Any) -> Any:
    """The records of one training file, read as ``roqa train`` reads a folder's files."""
    import shutil
    import tempfile

    from roqa_nlp.training import load_training_set

    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(path, tmp)
        return load_training_set(Path(tmp), book, descriptions=False)


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    args = sys.argv[1:]
    opts = {}
    for flag in ("--json", "--sets", "--model", "--extra"):
        if flag in args:
            at = args.index(flag)
            opts[flag] = args[at + 1]
            del args[at : at + 2]
    wanted = opts["--sets"].split(",") if "--sets" in opts else None
    packaged = AutoCoder.load(opts["--model"]) if "--model" in opts else AutoCoder.load()
    results: dict[str, Any] = {}

    def want(name: str) -> bool:
        return wanted is None or name in wanted

    if want("examples"):
        paths, gold = examples_gold()
        result = packaged.code(paths)
        results["examples"] = group_kinds(result, gold, packaged.embedder)
        print("examples", json.dumps({k: v for k, v in results["examples"].items()}), flush=True)
    if want("daily14") and (DAILY14 / "gold.jsonl").is_file():
        study = sorted((DAILY14 / "study").iterdir())
        result = packaged.code(study, interviewer_labels=["Sam Roe"])
        results["daily14"] = group_kinds(result, by_text(result, daily14_rows()), packaged.embedder)
        print("daily14", json.dumps(results["daily14"]), flush=True)
    heldout = [n for n in INTERVIEW_SETS if want(n)]
    if heldout:
        from interview_records import SETTING_PREFIX, base_and_interviews

        book, emb, params = packaged.codebook, packaged.embedder, packaged.params
        base, interviews = base_and_interviews(book)
        if "--extra" in opts:
            base = base.extend(extra_records(Path(opts["--extra"]), book))
        for name in heldout:
            folder = INTERVIEW_SETS[name]
            group = SETTING_PREFIX + folder.name
            keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(group)]
            ac = AutoCoder(book, embedder=emb, params=params).fit(
                base.extend(interviews.subset(keep))
            )
            result = ac.code(sorted(folder.glob("*.txt")))
            results[name] = group_kinds(result, by_text(result, heldout_rows(folder)), emb)
            print(name, json.dumps(results[name]), flush=True)
    if "--json" in opts:
        Path(opts["--json"]).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
