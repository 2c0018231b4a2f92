"""What the model makes of an answer that opens with a closing formula and goes on.

"Not that I can think of, but the IT system was a nightmare from start to finish." is no closing
formula (:func:`roqa_nlp.transcripts.closings.is_closing_formula`: it goes on), so it is coded as
any answer; but read whole, the formula's words pull its embedding towards the off-framework
class: the packaged model gave it NONE 0.33 (the IT system alone: 0.025) and set it aside as small
talk (session 34 tester P). Since session 35 the model reads a segment that turns from the closing
formula it opens with to what the speaker adds ("but", "except": ``data/closing_turns.txt``) from
that word on (:func:`~roqa_nlp.transcripts.closings.after_closing_formula`): "but the IT system
was a nightmare ...".

Two measurements, each reading the same segments three ways with the question "Is there anything
else you'd like to add?" (or the segment's own, for real ones) as ``roqa code`` reads a segment
with its context: whole (as before); from the turning word on (as now); and from the end of any
formula it opens with, whatever follows (tried first: it changed real answers for the worse):

1. written answers: every formula of ``data/closing_formulas.txt``, then "but", "except that" or
   "although", then one of eight sentences written for this (barriers and enablers of several
   constructs). Counted: set aside as small talk (``off_topic``), fits no code (``novel``), and
   the top code the same as the sentence's alone.
2. real answers: every participant segment of ``examples/interviews`` and ``benchmarks/data``
   that opens with a closing formula and goes on, with its gold codes where the set has a
   ``gold.jsonl`` (a segment is matched to the gold turn that holds its text).

The trailing shape ("The IT system was a nightmare from start to finish, but no, I think that's
everything.") was read whole until session 35; read so, 61 of 1584 written answers were set aside
(23 as small talk, 38 as procedural) and 301 lost the sentence's top code. Since then the model
reads such an answer without its trailing formula and the words that lead to it
(:func:`~roqa_nlp.transcripts.closings.before_closing_formula`). Two more measurements:

3. written answers: each of the eight sentences, then ", but", ". Other than that," or ". So
   yes,", then every formula; counted as in 1, read whole and without the trailing formula.
4. real answers: every participant segment of the same interviews that ends with a closing
   formula after something else, read as before (from the turning word only) and as now.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/closing_content.py`` (a few minutes).
Results: ``benchmarks/results/closing_content.{json,md}``.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import ROOT, run_meta, write_results  # noqa: E402

QUESTION = "Is there anything else you'd like to add?"
CONNECTIVES = ("but", "except that", "although")
#: written for this benchmark by the roqa_nlp team
SENTENCES = (
    "the IT system was a nightmare from start to finish.",
    "the commissioners never listened to us about the paperwork.",
    "we never had enough staff on nights to make it work.",
    "the training was rushed and half the team missed it.",
    "our manager really backed it, and that made all the difference.",
    "the families loved it once they saw the results.",
    "the funding runs out next March and nobody knows what happens then.",
    "the new forms take twice as long as the old ones.",
)
FORMATS = (".txt", ".md", ".vtt", ".srt", ".docx")


def flags(ac: Any, texts: list[str], read: list[str], contexts: list[str]) -> list[dict[str, Any]]:
    """What ``roqa code`` flags each of ``texts`` with when the model reads ``read`` (the flags
    and top code, as ``AutoCoder.code_batches`` computes them)."""
    from roqa_nlp.autocoder import segment_flags
    from roqa_nlp.transcripts.closings import is_closing_formula

    questions = ac._question_embeddings(contexts)
    X = ac._inputs(read, contexts, whole=False, questions=questions)
    rows, pvals, _, proc, aside = ac._suggest_rows(X, 1, read, contexts, questions)
    alpha = float(ac.params["alpha"])
    out = []
    for text, row, p, pr, a in zip(texts, rows, pvals, proc, aside, strict=True):
        top = row[0] if row else None
        f = segment_flags(p, pr, a, alpha, top.probability if top else 0.0)
        f["procedural"] = f["procedural"] or is_closing_formula(text)
        out.append({**f, "top": top.code_id if top else None})
    return out


def after_any_formula(words: str) -> str:
    """``words`` from the end of the last closing formula they open with, whatever follows
    (the reading tried first), or whole."""
    from roqa_nlp.transcripts.backchannels import word_spans
    from roqa_nlp.transcripts.closings import _covered

    spans = word_spans(words)
    tokens = [words[a:b].lower().replace("’", "'") for a, b in spans]
    covered, on_formula = _covered(tokens)
    if not tokens or covered[-1]:
        return words
    ends = [i for i in range(1, len(tokens)) if on_formula[i]]
    return words[spans[ends[-1]][0] :] if ends else words


def readings(texts: list[str]) -> dict[str, list[str]]:
    from roqa_nlp.transcripts.closings import after_closing_formula

    return {
        "whole": texts,
        "from the turning word": [after_closing_formula(t) for t in texts],
        "after any formula": [after_any_formula(t) for t in texts],
    }


HOWS = ("whole", "from the turning word", "after any formula")

#: the trailing shape: what comes between the sentence and the closing formula that ends it
JOINERS = (", but", ". Other than that,", ". So yes,")
TRAILING_HOWS = ("whole", "without the trailing formula")


def trailing(ac: Any) -> dict[str, Any]:
    """The trailing shape: each of :data:`SENTENCES` then each joiner then each formula ("The IT
    system was a nightmare from start to finish, but that's everything.")."""
    import re

    from roqa_nlp.io import packaged_words
    from roqa_nlp.transcripts.closings import CLOSING_FORMULAS, before_closing_formula

    alone = flags(ac, list(SENTENCES), list(SENTENCES), [QUESTION] * len(SENTENCES))
    texts, refs = [], []
    for formula in sorted(packaged_words(CLOSING_FORMULAS)):
        said = re.sub(r"\bi\b", "I", formula)
        for j in JOINERS:
            for k, s in enumerate(SENTENCES):
                texts.append(f"{s[0].upper()}{s[1:-1]}{j} {said}.")
                refs.append(alone[k])
    contexts = [QUESTION] * len(texts)
    result: dict[str, Any] = {"n": len(texts)}
    reads = {
        "whole": texts,
        "without the trailing formula": [before_closing_formula(t) for t in texts],
    }
    for how, read in reads.items():
        got = flags(ac, texts, read, contexts)
        result[how] = {
            "off_topic": sum(g["off_topic"] for g in got),
            "novel": sum(g["novel"] for g in got),
            "novel_as_alone": sum(g["novel"] == r["novel"] for g, r in zip(got, refs, strict=True)),
            "procedural": sum(g["procedural"] for g in got),
            "top_as_alone": sum(g["top"] == r["top"] for g, r in zip(got, refs, strict=True)),
            "aside_examples": [
                t for t, g in zip(texts, got, strict=True) if g["off_topic"] or g["procedural"]
            ][:12],
        }
    return result


def written(ac: Any) -> dict[str, Any]:
    from roqa_nlp.io import packaged_words
    from roqa_nlp.transcripts.closings import CLOSING_FORMULAS

    alone = flags(ac, list(SENTENCES), list(SENTENCES), [QUESTION] * len(SENTENCES))
    texts, refs = [], []
    for formula in sorted(packaged_words(CLOSING_FORMULAS)):
        for c in CONNECTIVES:
            for k, s in enumerate(SENTENCES):
                texts.append(f"{formula[0].upper()}{formula[1:]}, {c} {s}")
                refs.append(alone[k])
    contexts = [QUESTION] * len(texts)
    result: dict[str, Any] = {"n": len(texts), "alone": alone}
    for how, read in readings(texts).items():
        got = flags(ac, texts, read, contexts)
        result[how] = {
            "off_topic": sum(g["off_topic"] for g in got),
            "novel": sum(g["novel"] for g in got),
            "novel_as_alone": sum(g["novel"] == r["novel"] for g, r in zip(got, refs, strict=True)),
            "procedural": sum(g["procedural"] for g in got),
            "top_as_alone": sum(g["top"] == r["top"] for g, r in zip(got, refs, strict=True)),
        }
    return result


def team_segments(
    ac: Any, wanted: Callable[[str], bool]
) -> Iterator[tuple[Path, list[Any], list[dict[str, Any]]]]:
    """Each team-written interview file with participant segments whose text is ``wanted``:
    the file, those segments (as ``roqa code`` makes them) and the gold turns of its transcript."""
    from roqa_nlp.transcripts import read_transcript

    for folder in ("examples/interviews", "benchmarks/data"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.suffix.lower() not in FORMATS or f.name == "README.md":
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t = read_transcript(f)
            segs = [s for s in ac.segments_of(t) if s.role == "participant" and wanted(s.text)]
            if not segs:
                continue
            gold_file = f.parent / "gold.jsonl"
            gold = []
            if gold_file.is_file():
                gold = [json.loads(x) for x in gold_file.read_text("utf-8").splitlines() if x]
                gold = [g for g in gold if g["transcript"] == t.id]
            yield f, segs, gold


def real(ac: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for f, segs, gold in team_segments(ac, lambda text: after_any_formula(text) != text):
        texts = [s.text for s in segs]
        contexts = [s.context if ac.params.get("use_context") else "" for s in segs]
        got = {how: flags(ac, texts, read, contexts) for how, read in readings(texts).items()}
        for k, s in enumerate(segs):
            turn = next((g for g in gold if s.text in g["text"]), None)
            rows.append(
                {
                    "file": str(f.relative_to(ROOT)),
                    "text": s.text,
                    "gold": None if turn is None else turn["codes"],
                    **{how: got[how][k] for how in HOWS},
                }
            )
    return rows


def real_trailing(ac: Any) -> list[dict[str, Any]]:
    """Every participant segment of the team-written interviews that ends with a closing
    formula and says something before it, read as before this change (from the turning word
    only) and as now (without the trailing formula too)."""
    from roqa_nlp.transcripts.closings import after_closing_formula, before_closing_formula

    def ends_with_one(text: str) -> bool:
        opened = after_closing_formula(text)
        return before_closing_formula(opened) != opened

    rows: list[dict[str, Any]] = []
    for f, segs, gold in team_segments(ac, ends_with_one):
        texts = [s.text for s in segs]
        contexts = [s.context if ac.params.get("use_context") else "" for s in segs]
        before = [after_closing_formula(x) for x in texts]
        now = [before_closing_formula(x) for x in before]
        got = {
            "before": flags(ac, texts, before, contexts),
            "now": flags(ac, texts, now, contexts),
        }
        for k, s in enumerate(segs):
            turn = next((g for g in gold if s.text in g["text"]), None)
            rows.append(
                {
                    "file": str(f.relative_to(ROOT)),
                    "text": s.text,
                    "read": now[k],
                    "gold": None if turn is None else turn["codes"],
                    "before": got["before"][k],
                    "now": got["now"][k],
                }
            )
    return rows


def _said(f: dict[str, Any]) -> str:
    if f["procedural"]:
        return "procedural"
    if f["off_topic"]:
        return "small talk"
    return f"{f['top']}{' (novel)' if f['novel'] else ''}"


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    w = written(ac)
    r = real(ac)
    tw = trailing(ac)
    tr = real_trailing(ac)
    trained_on = ac.card.get("training_data", {}).get("sha256", "")
    meta = run_meta(trained_on, n_written=w["n"], n_real=len(r))
    lines = [
        "# Answers that open with a closing formula and go on",
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/closing_content.py` (method "
        f"in its docstring), packaged model {str(ac.card.get('model_sha256'))[:12]}…",
        "",
        f"## Written answers ({w['n']}: {len(SENTENCES)} sentences × {len(CONNECTIVES)} "
        "connectives × every formula)",
        "",
        "| the model reads | set aside as small talk | fit no code | fits no code as the "
        "sentence alone | procedural | top code as the sentence's alone |",
        "|---|---|---|---|---|---|",
        *(
            f"| {how} | {w[how]['off_topic']} | {w[how]['novel']} | {w[how]['novel_as_alone']} "
            f"| {w[how]['procedural']} | {w[how]['top_as_alone']} |"
            for how in HOWS
        ),
        "",
        f"## Real answers ({len(r)} participant segments of the team-written interviews that "
        "open with a closing formula and go on)",
        "",
        "| file | segment | gold codes | " + " | ".join(HOWS) + " |",
        "|---|---|---|---|---|---|",
        *(
            f"| {x['file']} | {x['text'][:90]}… | "
            f"{'-' if x['gold'] is None else ', '.join(x['gold']) or 'none'} | "
            + " | ".join(_said(x[how]) for how in HOWS)
            + " |"
            for x in r
        ),
        "",
    ]
    lines += [
        "# Answers that end with a closing formula",
        "",
        "Since session 35 the model reads an answer without a closing formula it ends with and "
        "the words that lead to it (`data/closing_leads.txt`; "
        '`closings.before_closing_formula`): "The IT system was a nightmare from start to '
        'finish, but no, I think that\'s everything." is read as "The IT system was a '
        'nightmare from start to finish".',
        "",
        f"## Written answers ({tw['n']}: {len(SENTENCES)} sentences × {len(JOINERS)} joiners "
        f"({', '.join(repr(j) for j in JOINERS)}) × every formula)",
        "",
        "| the model reads | set aside as small talk | fit no code | fits no code as the "
        "sentence alone | procedural | top code as the sentence's alone |",
        "|---|---|---|---|---|---|",
        *(
            f"| {how} | {tw[how]['off_topic']} | {tw[how]['novel']} | "
            f"{tw[how]['novel_as_alone']} | {tw[how]['procedural']} | {tw[how]['top_as_alone']} |"
            for how in TRAILING_HOWS
        ),
        "",
        f"## Real answers ({len(tr)} participant segments of the team-written interviews that "
        "end with a closing formula after something else)",
        "",
        "| file | segment | read now | gold codes | before | now |",
        "|---|---|---|---|---|---|",
        *(
            f"| {x['file']} | {x['text'][-90:]} | …{x['read'][-60:]} | "
            f"{'-' if x['gold'] is None else ', '.join(x['gold']) or 'none'} | "
            f"{_said(x['before'])} | {_said(x['now'])} |"
            for x in tr
        ),
        "",
    ]
    write_results(
        "closing_content",
        {"meta": meta, "written": w, "real": r, "trailing_written": tw, "trailing_real": tr},
        lines,
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
