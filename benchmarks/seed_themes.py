"""Does translating CFIR suggestions into the seed study's themes find the paper's own rows?

The seed paper's 22 quotes carry the theme and the Table 2 row (barrier or enabler) the paper
gives them (``training_data/seed_quotes.jsonl``; 18 have a row). A model is trained exactly as
the packaged one (same parameters) but without the seed quotes, codes them, and its CFIR 2009
suggestions are translated into ``erondu-2021`` (:mod:`roqa_nlp.crosswalk`). Scored:

- row top-1 / top-3: the quote's Table 2 row (or, for the four quotes without one, the themes
  code for definitions of recovery or community infrastructure) among the translated codes;
- theme: the theme of the translated top-1 is the quote's theme;
- CFIR top-1 / top-3 of the untranslated suggestions, for comparison.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/seed_themes.py`` (about a minute).
Results: ``benchmarks/results/seed_themes.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import OUT, ROOT, run_meta  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

#: themes codes for the quotes the paper reports without a Table 2 row
NO_ROW = {"seed-01": "T1.1", "seed-02": "T1.1", "seed-03": "T1.1", "seed-20": "T4.5"}


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.crosswalk import translate
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult
    from roqa_nlp.training import load_training_set

    packaged = AutoCoder.load()
    book, themes = packaged.codebook, Codebook.load("erondu-2021")
    ts = load_training_set(ROOT / "training_data", book)
    keep = [i for i, r in enumerate(ts.ids) if not r.startswith("seed")]
    ac = AutoCoder(book, embedder=packaged.embedder, params=packaged.params).fit(ts.subset(keep))

    quotes = [
        json.loads(line)
        for line in read_text(ROOT / "training_data" / "seed_quotes.jsonl").splitlines()
        if line
    ]
    rows = ac.suggest([q["text"] for q in quotes], top_k=10)
    segs = [
        SegmentResult(Segment(q["id"], "seed", q["participant"], "participant", 0, 1, "x"), r)
        for q, r in zip(quotes, rows)
    ]
    walked = translate(CodingResult(segs), book, themes)
    per_quote: list[dict[str, Any]] = []
    for q, cfir, s in zip(quotes, rows, walked.segments):
        want = NO_ROW.get(q["id"]) or themes.resolve(q["table2"]).id
        got = [g.code_id for g in s.suggestions]
        per_quote.append(
            {
                "id": q["id"],
                "row": want,
                "translated": got[:3],
                "row_top1": got[:1] == [want],
                "row_top3": want in got[:3],
                "theme": bool(got) and themes[got[0]].parent == themes.resolve(q["theme"]).id,
                "cfir_top1": cfir[0].code_id in q["codes"],
                "cfir_top3": bool({g.code_id for g in cfir[:3]} & set(q["codes"])),
            }
        )
    n = len(per_quote)
    keys = ("row_top1", "row_top3", "theme", "cfir_top1", "cfir_top3")
    summary = {k: round(sum(p[k] for p in per_quote) / n, 3) for k in keys}
    meta = run_meta(ts.hash, n_quotes=n)
    print(json.dumps(summary, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    atomic_write_text(
        OUT / "seed_themes.json",
        json.dumps({"meta": meta, "summary": summary, "quotes": per_quote}, indent=1) + "\n",
    )
    lines = [
        "# The seed study's Table 2 from its own quotes (erondu-2021 crosswalk)",
        "",
        f"Measured {meta['date']}; a model trained as the packaged one without the 22 seed quotes "
        "codes them, and its CFIR 2009 suggestions are translated into `erondu-2021`. Produced by "
        "`benchmarks/seed_themes.py`.",
        "",
        "| quotes | row top-1 | row top-3 | theme of top-1 | CFIR top-1 | CFIR top-3 |",
        "|---|---|---|---|---|---|",
        f"| {n} | {summary['row_top1']:.3f} | {summary['row_top3']:.3f} | {summary['theme']:.3f} "
        f"| {summary['cfir_top1']:.3f} | {summary['cfir_top3']:.3f} |",
        "",
        "| quote | paper's row | translated top 3 | row in top 3 |",
        "|---|---|---|---|",
    ]
    for p in per_quote:
        lines.append(
            f"| {p['id']} | {p['row']} | {', '.join(p['translated'])} | "
            f"{'yes' if p['row_top3'] else 'no'} |"
        )
    lines.append("")
    atomic_write_text(OUT / "seed_themes.md", "\n".join(lines))


if __name__ == "__main__":
    main()
