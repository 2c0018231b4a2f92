"""Should a valence that rests on a negated statement be marked unsure? (measured, session 53)

A blind tester found negated answers ("never lacked ...", "not complicated ...") read on the
wrong side at a sure valence probability, so without the ‡ mark. Session 42 flipped such a
valence and reverted it. This measures a *mark*, not a flip: a segment shown as barrier or
enabler is marked when one of its key words stands in a negation's scope. The rule and the
adoption criterion were written before the run, in ``results/negation_unsure.md``:

- key words: the segment's top 3 single words by the valence word model's weight towards the
  shown side over the other side (TF-IDF value x coefficient difference, positive only);
- cues: not, n't, cannot, never, no longer, nobody, nothing, none, hardly;
- scope: the 5 words after a cue, ended by clause punctuation or a conjunction (:data:`BOUNDARY`).

Reported beside it (not deciding): any cue anywhere, the top code's key words from the code
word model, an 8-word scope; and the existing ‡ mark (valence probability below 0.6).

Data: the 42 interview sets in five grouped folds (``set_folds.py``), each fold's coded segments
with a gold valence read by the pipeline trained without its sets (question as context, top
suggestion's valence and probability); for information the gold example interviews and the quote
sets, read by the packaged model. Never the development set.

Run: ``OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 flock /tmp/roqa-heavy.lock .venv/bin/python
benchmarks/negation_unsure.py`` (about six minutes with a warm embedding cache). Results:
``benchmarks/results/negation_unsure.{json,md}`` (the .md keeps its hand-written head and
notes).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_valence import gold_speech  # noqa: E402
from scoring import OUT, run_meta, write_results  # noqa: E402
from set_folds import coded_segments, fold_training, packaged_and_data, refit  # noqa: E402

TOKEN = re.compile(r"\w+(?:['\u2019]\w+)*|[.,;:!?()\u2014\u2013]")
CUES = frozenset({"not", "cannot", "never", "nobody", "nothing", "none", "hardly"})
CONJUNCTIONS = ("but", "and", "so", "because", "although", "though", "however", "while")
BOUNDARY = frozenset(".,;:!?()\u2014\u2013") | frozenset((*CONJUNCTIONS, "whereas", "or", "yet"))
SCOPE = 5
WIDE_SCOPE = 8
N_KEY = 3
SURE_VALENCE = 0.6
SIDES = ("barrier", "enabler")
RULES = ("negated key word", "any cue", "negated code key word", "negated key word, 8 words")
#: the head of the results page (rule and criterion, written before the run) ends here
MARKER = "## Results"
#: the hand-written reading of the results starts here and is kept when the script rewrites them
NOTES = "## What the numbers say"


def tokens(text: str) -> list[str]:
    """Lower-cased words (with their apostrophes) and clause punctuation, in order."""
    return [t.lower().replace("\u2019", "'") for t in TOKEN.findall(text)]


def cue_ends(toks: Sequence[str]) -> list[int]:
    """The index of the last token of each negation cue in ``toks``."""
    out = []
    for i, t in enumerate(toks):
        if t in CUES or t.endswith("n't") or (t == "longer" and i and toks[i - 1] == "no"):
            out.append(i)
    return out


def negated_words(text: str, scope: int = SCOPE) -> set[str]:
    """The word-model terms (runs of 2+ word characters) within ``scope`` words after a
    negation cue, before a clause boundary."""
    toks = tokens(text)
    out: set[str] = set()
    for end in cue_ends(toks):
        for n, t in enumerate(toks[end + 1 :]):
            if t in BOUNDARY or n == scope:
                break
            out.update(re.findall(r"\w\w+", t))
    return out


def key_words(lex: Any, text: str, plus: int, minus: int | None) -> list[str]:
    """The top :data:`N_KEY` single words of ``text`` by ``lex``'s weight for class ``plus``
    (less class ``minus``'s, when given), positive only."""
    cols, vals = lex.transform([text])[0]
    coef = lex.coef_[plus, cols] - (0.0 if minus is None else lex.coef_[minus, cols])
    contrib = vals * coef
    ranked = [
        lex.vocabulary_[c]
        for c, w in sorted(zip(cols.tolist(), contrib.tolist()), key=lambda p: -p[1])
        if w > 0 and " " not in lex.vocabulary_[c]
    ]
    return ranked[:N_KEY]


def read(ac: Any, d: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Per segment: gold and shown valence, its probability, the top code and each rule's mark."""
    texts, questions = d["text"], d["question"]
    rows = ac._suggest_rows(ac._inputs(texts, questions), 1, texts, questions)[0]
    vlex, clex = ac._valence_lexical, ac._lexical
    out = []
    for text, gold, row in zip(texts, d["valence"], rows):
        top = row[0]
        shown = top.valence
        rec: dict[str, Any] = {
            "gold": gold,
            "shown": shown,
            "p": top.valence_probability,
            "code": top.code_id,
            "marks": dict.fromkeys(RULES, False),
        }
        if shown in SIDES:
            other = SIDES[1 - SIDES.index(shown)]
            keys = key_words(vlex, text, vlex.classes_.index(shown), vlex.classes_.index(other))
            code_keys = (
                key_words(clex, text, clex.classes_.index(top.code_id), None)
                if top.code_id in clex.classes_
                else []
            )
            near, wide = negated_words(text), negated_words(text, WIDE_SCOPE)
            rec["keys"], rec["code_keys"] = keys, code_keys
            rec["marks"] = {
                "negated key word": bool(near & set(keys)),
                "any cue": bool(cue_ends(tokens(text))),
                "negated code key word": bool(near & set(code_keys)),
                "negated key word, 8 words": bool(wide & set(keys)),
            }
        out.append(rec)
    return out


def score(recs: list[dict[str, Any]]) -> dict[str, Any]:
    """Each rule's marks against the ‡ mark, among segments shown as barrier or enabler."""
    sided = [r for r in recs if r["shown"] in SIDES]

    def acc(rs: list[dict[str, Any]]) -> list[Any]:
        hits = sum(r["gold"] == r["shown"] for r in rs)
        return [hits, len(rs), round(hits / len(rs), 3) if rs else None]

    dagger = [r for r in sided if r["p"] < SURE_VALENCE]
    res: dict[str, Any] = {
        "coded": len(recs),
        "sided": acc(sided),
        "dagger": {"marked": acc(dagger), "wrong_share": _wrong(dagger)},
        "rules": {},
    }
    for rule in RULES:
        marked = [r for r in sided if r["marks"][rule]]
        unmarked = [r for r in sided if not r["marks"][rule]]
        added = [r for r in marked if r["p"] >= SURE_VALENCE]
        res["rules"][rule] = {
            "marked": acc(marked),
            "unmarked": acc(unmarked),
            "gap": _gap(marked, unmarked),
            "share_of_coded": round(len(marked) / len(recs), 3) if recs else None,
            "added": acc(added),
            "added_wrong_share": _wrong(added),
            "sides_flipped_among_marked": sum(
                r["gold"] in SIDES and r["gold"] != r["shown"] for r in marked
            ),
        }
    return res


def _wrong(rs: list[dict[str, Any]]) -> float | None:
    return round(sum(r["gold"] != r["shown"] for r in rs) / len(rs), 3) if rs else None


def _gap(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> float | None:
    if not a or not b:
        return None
    acc_a = sum(r["gold"] == r["shown"] for r in a) / len(a)
    acc_b = sum(r["gold"] == r["shown"] for r in b) / len(b)
    return round(acc_b - acc_a, 3)


def adopted(s: dict[str, Any]) -> dict[str, bool]:
    """The four conditions of the criterion, for the primary rule on the interview folds."""
    r = s["rules"][RULES[0]]
    return {
        "1 gap >= 0.15": r["gap"] is not None and r["gap"] >= 0.15,
        "2 marks <= 20% of coded": r["share_of_coded"] <= 0.20,
        "3 added marks wrong more often than ‡": (
            r["added_wrong_share"] is not None
            and r["added_wrong_share"] > s["dagger"]["wrong_share"]
        ),
        "4 at least 30 marked": r["marked"][1] >= 30,
    }


def table(name: str, s: dict[str, Any]) -> list[str]:
    lines = [
        f"**{name}**: {s['coded']} coded segments with a gold valence, {s['sided'][1]} shown as "
        f"barrier or enabler (accuracy {s['sided'][2]}). ‡ (probability < 0.6) marks "
        f"{s['dagger']['marked'][1]}, of which {s['dagger']['wrong_share']} are wrong.",
        "",
        "| rule | marked (share of coded) | accuracy marked | accuracy unmarked | gap | "
        "marks added to ‡: n, share wrong | gold side flipped among marked |",
        "|---|---|---|---|---|---|---|",
    ]
    for rule, r in s["rules"].items():
        lines.append(
            f"| {rule} | {r['marked'][1]} ({r['share_of_coded']}) | {r['marked'][2]} | "
            f"{r['unmarked'][2]} | {r['gap']} | {r['added'][1]}, {r['added_wrong_share']} | "
            f"{r['sides_flipped_among_marked']} |"
        )
    return [*lines, ""]


def main() -> None:
    packaged, base, interviews, quotes, qs = packaged_and_data()
    book = packaged.codebook
    folds: list[dict[str, Any]] = []
    for f, held, ts in fold_training(base, interviews, 5):
        ac = refit(packaged, ts)
        for name in held:
            folds += [dict(r, set=name) for r in read(ac, coded_segments(book, name))]
        print(f"fold {f}: {', '.join(held)}", flush=True)
    results = {
        "interview folds": score(folds),
        "gold interviews": score(read(packaged, gold_speech(book))),
        "quote sets": score(read(packaged, qs)),
    }
    verdict = adopted(results["interview folds"])
    examples = [
        {k: r[k] for k in ("set", "gold", "shown", "p", "code", "keys")}
        for r in folds
        if r["marks"][RULES[0]]
    ]
    meta = run_meta(base.hash, folds=5, scope=SCOPE, n_key=N_KEY)
    page = (OUT / "negation_unsure.md").read_text("utf-8")
    head = page.split(MARKER)[0].rstrip()
    notes = page[page.index(NOTES) :].rstrip() if NOTES in page else ""
    lines = [
        head,
        "",
        MARKER,
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/negation_unsure.py`.",
        "",
    ]
    for name, s in results.items():
        lines += table(name, s)
    lines += ["Criterion (primary rule, interview folds):", ""]
    lines += [f"- {k}: {'met' if v else 'NOT met'}" for k, v in verdict.items()]
    lines += ["", f"**{'Adopted' if all(verdict.values()) else 'Measured, not adopted'}.**"]
    lines += ["", notes, ""] if notes else [""]
    write_results(
        "negation_unsure",
        {"meta": meta, "results": results, "criterion": verdict, "marked_folds": examples},
        lines,
    )
    print("\n".join(lines[lines.index(MARKER) :]), flush=True)


if __name__ == "__main__":
    main()
