"""Do the evidence quotes shown with a suggestion share its valence, and what does it cost?

A blind tester (X, session 35) found quotes of the opposite valence shown with barriers and
enablers (a confident nurse shown "I'm not good with computers"). Since then a barrier or an
enabler is shown its code's examples of its own valence first (``roqa_nlp.autocoder.EVIDENCE_SIDES``).
For each folder of interviews, coded by the packaged model as ``roqa code`` codes them, every
quote shown with a suggestion of a kept segment (not novel, not procedural) is scored under three
choices:

- **before**: the examples most like the segment, of any valence (the same model with its
  evidence valences removed, as a model saved before evidence kept them is shown);
- **after**: a barrier's or an enabler's own valence first, a neutral suggestion as before;
- **neutral first**: neutral suggestions too shown neutral examples first (the choice not taken).

Figures: ``match`` the share of shown quotes whose valence is the suggestion's, ``opposite`` the
quotes of the other side (barrier shown with enabler or the reverse), ``cos`` the mean cosine
between the segment's own text and the quote (what is lost in likeness), over all suggestions
and over top-1 ones. With ``--gold FILE`` (a blind tester's answers: ``interview``, ``answer``,
``valence``), neutral suggestions of segments whose gold is a side are scored against the gold.

Session 53 went back to **before** (the nearest of any valence), each quote now shown with its
own valence: quotes picked by the suggestion's valence agreed with it most when it was wrong
(blind tester, s53; docs/model.md, "Evidence"). ``EVIDENCE_SIDES`` is gone, so **after** and
**neutral first** run only on a checkout from 450a2f94 up to that change; this script refuses
to run without it rather than report three equal choices.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/evidence_valence.py FOLDER...
[--interviewer NAME] [--gold FILE] [--json OUT]`` (a minute or two per folder).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

import roqa_nlp.autocoder as autocoder
from roqa_nlp.autocoder import AutoCoder

SIDES = ("barrier", "enabler")


def shown_quotes(
    ac: AutoCoder, folder: Path, interviewer: list[str] | None, valence: list[str]
) -> list[dict[str, Any]]:
    """Every quote shown with a suggestion of a kept segment, with its stored valence (from
    ``valence``, in evidence order) and its cosine to the segment."""
    words = {" ".join(e["text"].split()): m for m, e in enumerate(ac._evidence_texts)}
    assert ac._evidence_X is not None
    E = ac._evidence_X.astype(np.float32)
    res = ac.code(folder, interviewer_labels=interviewer)
    kept = [s for s in res.segments if s.suggestions and not s.novel and not s.procedural]
    X = ac.embedder.encode([s.segment.text for s in kept])
    out = []
    for s, x in zip(kept, X):
        for rank, g in enumerate(s.suggestions):
            for t in g.evidence:
                m = words[" ".join(t.split())]
                out.append(
                    {
                        "segment": s.segment.id,
                        "rank": rank,
                        "code": g.code_id,
                        "valence": g.valence,
                        "quote_valence": valence[m],
                        "cos": float(x @ E[m]),
                    }
                )
    return out


def summary(quotes: list[dict[str, Any]], valence_of: list[str]) -> dict[str, Any]:
    """match / opposite / cos over all and top-1 suggestions, by the suggestion's valence."""
    out: dict[str, Any] = {}
    for scope in ("all", "top1"):
        for side in ("barrier/enabler", "neutral", "any"):
            q = [
                (r, v)
                for r, v in zip(quotes, valence_of)
                if (scope == "all" or r["rank"] == 0)
                and (side == "any" or (r["valence"] == "neutral") == (side == "neutral"))
            ]
            if q:
                out[f"{scope} {side}"] = {
                    "n": len(q),
                    "match": round(sum(r["valence"] == v for r, v in q) / len(q), 3),
                    "opposite": sum({r["valence"], v} == set(SIDES) for r, v in q),
                    "cos": round(float(np.mean([r["cos"] for r, _ in q])), 4),
                }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--interviewer", action="append")
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--json", type=Path, default=Path("/tmp/evidence_valence.json"))
    args = ap.parse_args()
    if not hasattr(autocoder, "EVIDENCE_SIDES"):
        raise SystemExit(
            "evidence_valence.py: this checkout shows the nearest evidence of any valence (no "
            "EVIDENCE_SIDES); run it on a checkout from 450a2f94 to before session 53's change"
        )
    ac = AutoCoder.load()
    stored = [dict(e) for e in ac._evidence_texts]
    valence = [str(e["valence"]) for e in stored]
    choices: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name in ("before", "after", "neutral first"):
        ac._evidence_texts[:] = [dict(e) for e in stored]
        if name == "before":
            for e in ac._evidence_texts:
                e.pop("valence")
        autocoder.EVIDENCE_SIDES = (*SIDES, "neutral") if name == "neutral first" else SIDES
        choices[name] = {
            str(f): shown_quotes(ac, f, args.interviewer, valence) for f in args.folders
        }
    autocoder.EVIDENCE_SIDES = SIDES
    ac._evidence_texts[:] = stored
    gold: dict[str, str] = {}
    if args.gold:
        for line in args.gold.read_text("utf-8").splitlines():
            r = json.loads(line)
            gold[f"{r['interview']}:{int(r['answer']):04d}"] = r["valence"]
    results: dict[str, Any] = {}
    for f in map(str, args.folders):
        results[f] = {}
        for name, by_folder in choices.items():
            q = by_folder[f]
            results[f][name] = summary(q, [r["quote_valence"] for r in q])
            if gold:
                g = [r for r in q if r["valence"] == "neutral" and gold.get(r["segment"]) in SIDES]
                results[f][name]["neutral suggestions, gold a side"] = {
                    "n": len(g),
                    "opposite to gold": sum(
                        {r["quote_valence"], gold[r["segment"]]} == set(SIDES) for r in g
                    ),
                    "same as gold": sum(r["quote_valence"] == gold[r["segment"]] for r in g),
                }
    print(json.dumps(results, indent=1))
    args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
