"""Does the interviewer's question help the packaged model code the answer?

Researchers read an answer in the light of the question it answers, and every segment carries
that question as ``context``. The training data has no questions (quotes and exemplars stand
alone), and neither has the development set, so the only data to measure this on is the
gold-coded example interviews (``examples/gold``, in the seed's setting, with an interviewer).
On their gold-coded segments (a hit when a suggestion is any of the segment's gold codes), the
packaged model is scored with the answer alone and with the question added in two ways:

- ``mix w``: the answer's embedding plus ``w`` times the question's, renormalised (what
  ``AutoCoder(params={"use_context": True})`` does, with w = 0.3);
- ``joined``: the question and the answer embedded as one text.

Run: ``.venv/bin/python benchmarks/question_context.py`` (seconds with a warm embedding cache).
Results: ``benchmarks/results/question_context.json``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import GOLD_JSONL, read_gold  # noqa: E402
from scoring import hit_rates  # noqa: E402

from roqa_nlp.autocoder import AutoCoder  # noqa: E402
from roqa_nlp.io import atomic_write_text  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "question_context.json"
WEIGHTS = (0.1, 0.2, 0.3, 0.5)


def main() -> None:
    ac = AutoCoder.load()
    book = ac.codebook
    gold = read_gold()
    segments = {
        r["segment_id"]: r
        for r in (json.loads(line) for line in GOLD_JSONL.read_text("utf-8").splitlines() if line)
    }
    coded = [(segments[sid], g.code_ids) for sid, g in gold.items() if g.code_ids]
    texts = [s["text"] for s, _ in coded]
    questions = [s["context"] or "" for s, _ in coded]
    golds = [sorted(g) for _, g in coded]

    domain_of = {c.id: c.domain for c in book.codable}

    def score(X: np.ndarray, words: list[str]) -> dict[str, float]:
        rows = ac._suggest_rows(X, 3, words)[0]  # the word model reads ``words``
        top1, top3, domain = hit_rates(golds, [[s.code_id for s in r] for r in rows], domain_of)
        return {"top1": top1, "top3": top3, "domain": domain}

    X = ac.embedder.encode(texts)
    Q = ac.embedder.encode(questions) * np.asarray([bool(q) for q in questions])[:, None]
    out: dict[str, object] = {"date": date.today().isoformat(), "n_coded_segments": len(coded)}
    out["answer alone"] = score(X, texts)
    for w in WEIGHTS:
        Z = X + w * Q
        out[f"mix {w}"] = score(Z / np.linalg.norm(Z, axis=1, keepdims=True), texts)
    joined = [f"{q} {t}" if q else t for q, t in zip(questions, texts)]
    out["joined"] = score(ac.embedder.encode(joined), joined)
    atomic_write_text(RESULTS, json.dumps(out, indent=2) + "\n")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
