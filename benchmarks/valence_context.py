"""How should the interviewer's question enter a segment's valence?

A blind tester (session 48) found the question flipping the valence of the same barrier answer:
"Our chief exec is not really interested ..." is an enabler after "What has helped?", and "We
don't get any proper recovery training ..." an enabler after "Has training helped at all?", a
barrier after "What gets in the way?". The question reaches the valence twice:

1. the valence head reads the answer's embedding with ``context_weight`` (0.2) times the
   question's added, although it was trained on answers alone (``AutoCoder.fit``), and
   ``context_weight`` was chosen on codes, not valence (``question_context_pooled.md``);
2. the codes' valence mix (``valence_prior``) reads the codes as the question model reweighs
   them.

Variants, all of the packaged pipeline's parameters otherwise (valence of the top suggestion; the
valence is the same for every suggestion of a segment):

- ``packaged``: as ``roqa code`` reads it now;
- ``head reads the answer``: the valence head reads the answer's own embedding (as trained); the
  question still moves the codes and so the codes' valence mix;
- ``no question in valence``: the head reads the answer, and the codes' mix reads the codes
  before the question model (``question_weight`` 0 for the valence);
- ``answer alone``: no question at all (codes too), as ``roqa suggest`` reads a text.

Scored on the 42 interview sets in five grouped folds (``set_folds.py``: each fold scored by the
pipeline trained without its sets; the training data's own cross-validation), the team's quote
sets (packaged model) and blind testers' files given as arguments (JSON Lines with ``text``,
``construct``, ``valence`` and ``context``, keyed before any model run). Run:
``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/valence_context.py [TESTER.jsonl ...]``
(``--no-folds`` skips the folds); the JSON is printed and written to ``/tmp/valence_context.json``.
Session 48's run is summed up in ``results/valence_context.md``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from neutral_weight import folded_valences, summary  # noqa: E402
from set_folds import packaged_and_data  # noqa: E402

VARIANTS = ("packaged", "head reads the answer", "no question in valence", "answer alone")


def valences(ac: Any, texts: list[str], questions: list[Any]) -> dict[str, list[str]]:
    """The top suggestion's valence of each text under each of :data:`VARIANTS`."""
    clf, _ = ac._require_predictor()
    X = ac._inputs(texts, questions)
    X0 = ac._inputs(texts)
    wq = ac.params["question_weight"]
    out: dict[str, list[str]] = {}

    def run(Xc: Any, qs: list[Any]) -> list[str]:
        return [r[0].valence for r in ac._suggest_rows(Xc, 1, texts, qs)[0]]

    out["packaged"] = run(X, questions)
    out["answer alone"] = run(X0, [None] * len(texts))
    head = clf.predict_valence_proba
    clf.predict_valence_proba = lambda _X: head(X0)
    try:
        out["head reads the answer"] = run(X, questions)
        ac.params["question_weight"] = 0.0
        out["no question in valence"] = run(X, questions)
    finally:
        ac.params["question_weight"] = wq
        del clf.predict_valence_proba
    return out


def main(args: list[str]) -> None:
    folds = "--no-folds" not in args
    testers = [a for a in args if a != "--no-folds"]
    packaged, base, interviews, _quotes, qs = packaged_and_data()
    res: dict[str, Any] = {}
    for path in testers:
        recs = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line]
        recs = [r for r in recs if r.get("construct") not in (None, "NONE") and r.get("valence")]
        texts, gold = [r["text"] for r in recs], [r["valence"] for r in recs]
        pred = valences(packaged, texts, [r.get("context") for r in recs])
        res[Path(path).stem] = {v: summary(pred[v], gold) for v in VARIANTS}
    pq = valences(packaged, qs["text"], qs["question"])
    res["quote sets"] = {v: summary(pq[v], qs["valence"]) for v in VARIANTS}
    if folds:
        by_fold, better_worse = folded_valences(
            packaged, base, interviews, valences, VARIANTS, "packaged"
        )
        res["interview folds"] = by_fold
        res["sets better / worse than packaged"] = better_worse
    Path("/tmp/valence_context.json").write_text(json.dumps(res, indent=1), "utf-8")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
