"""Windows of even size against greedy windows: short windows and per-segment scores, old and new.

Until session 32 a turn too long for one window was packed greedily: each window filled up to
``max_tokens`` and the rest, however short, became the last window (a 277-word answer made
windows of 135, 134 and 8 words, and the 8 words got a code of their own). Now the cuts are put
between the same sentences so that the same number of windows comes out as even as possible
(``roqa_nlp.transcripts.segment._balance``). This measures both ways of cutting, in one run, on
the segments ``roqa code`` makes (the packaged model's tokenizer and ``max_tokens``):

* short windows: windows of at most 20 words among the windows of turns cut into more than one;
  and of those, the ones whose top code (packaged model) none of their turn's other windows has;
* per coded segment, against its turn's gold: top-1 / top-3 / domain / valence hits, pooled.
  In sample: the 42 team-written interview sets (``heldout_interviews.TRAINED_SETS``) coded by
  the packaged model, which is trained on them, their greedy windows being its very training
  records, so this favours the old windows. Held out: each set coded by a model trained as
  packaged without that set (leave one set out, as ``interview_training.py``), and the example
  interviews (``examples/``, never trained on) coded by the packaged model, an example turn's
  gold being the codes of its gold segments (``examples/gold/codings.csv``) together. (The
  recorded run read the gold as keyed to the greedy windows; its session-32 re-key to the even
  windows adds one code to one turn, pay in p02's answer on costs.)

Cells count segments (hits), not shares, since only the windows of the long turns differ.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/balanced_windows.py`` (about half an hour:
one training per set). Results: ``benchmarks/results/balanced_windows.{json,md}``.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_to_codings import read_gold  # noqa: E402
from heldout_interviews import TRAINED_SETS, HeldOut, heldout_segments  # noqa: E402
from interview_records import SETTING_PREFIX, base_and_interviews  # noqa: E402
from scoring import ROOT, run_meta, write_results  # noqa: E402

WAYS = ("greedy", "balanced")
SHORT = 20  # words
EXAMPLES = ROOT / "examples" / "interviews"
METRICS = ("top-1", "top-3", "domain", "valence")


@contextmanager
def cutting(way: str) -> Iterator[None]:
    """Segment long turns the ``way`` given: ``greedy`` (before session 32) or ``balanced``."""
    from roqa_nlp.transcripts import segment as seg

    balanced, even_words = seg._balance, seg._even_words
    if way == "greedy":  # the words of a clause too long for a window too (even since session 34)
        seg._balance = seg._pack  # type: ignore[assignment]
        seg._even_words = seg._pack  # type: ignore[assignment]
    try:
        yield
    finally:
        seg._balance = balanced  # type: ignore[assignment]
        seg._even_words = even_words  # type: ignore[assignment]


def example_segments(ac: Any) -> HeldOut:
    """The participant segments of the example interviews, with their turn's gold: the codes of
    the turn's gold segments, main codes first, and the turn's valence when its coded segments
    agree on one (else none, not scored). Both cuts give a turn the same segment ids."""
    from roqa_nlp.transcripts import read_transcript
    from roqa_nlp.transcripts.segment import segment

    gold = read_gold(codebook=ac.codebook)
    count = ac.embedder.count_tokens()
    options = {"unit": ac.params["unit"], "max_tokens": int(ac.params["max_tokens"])}
    transcripts = [read_transcript(p) for p in sorted(EXAMPLES.glob("p0*"))]
    turn_codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    turn_valences: dict[tuple[str, int], set[str]] = defaultdict(set)
    with cutting("greedy"):
        for t in transcripts:
            for s in segment(t, count_tokens=count, **options):
                if s.role != "participant":
                    continue
                g = gold[s.id]
                key = (t.id, s.turn_index)
                for c in g.codes:
                    if c.code_id not in turn_codes[key]:
                        turn_codes[key].append(c.code_id)
                if g.codes:
                    turn_valences[key].add(g.codes[0].valence)
    out = HeldOut([], [], [], [], [], [], [])
    for t in transcripts:
        for s in segment(t, count_tokens=count, **options):
            if s.role != "participant":
                continue
            key = (t.id, s.turn_index)
            valences = turn_valences[key]
            out.transcripts.append(t.id)
            out.texts.append(s.text)
            out.questions.append(s.context or "")
            out.codes.append(turn_codes[key])
            out.valences.append(next(iter(valences)) if len(valences) == 1 else "")
            out.turns.append(s.turn_index)
            out.notes.append("")
    return out


def hits(ac: Any, h: HeldOut) -> list[int]:
    """Top-1, top-3, domain and valence hits of ``ac`` over the coded segments of ``h`` (valence:
    those whose turn states one), with the question as context as packaged."""
    domain = {c.id: c.domain for c in ac.codebook.codable}
    keep = [i for i, c in enumerate(h.codes) if c]
    texts = [h.texts[i] for i in keep]
    questions = [h.questions[i] for i in keep]
    rows = ac._suggest_rows(ac._inputs(texts, questions), 3, texts, questions)[0]
    out = [0, 0, 0, 0]
    for r, i in zip(rows, keep):
        gold = h.codes[i]
        out[0] += r[0].code_id in gold
        out[1] += bool({x.code_id for x in r[:3]} & set(gold))
        out[2] += domain[r[0].code_id] in {domain[c] for c in gold}
        out[3] += bool(h.valences[i]) and r[0].valence == h.valences[i]
    return out


def short_windows(ac: Any, h: HeldOut) -> list[int]:
    """Windows of turns cut in several: how many, how many have at most ``SHORT`` words, and how
    many of those get a top code (packaged model) that none of their turn's other windows gets."""
    turns: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, key in enumerate(zip(h.transcripts, h.turns)):
        turns[key].append(i)
    several = [i for idx in turns.values() if len(idx) > 1 for i in idx]
    texts = [h.texts[i] for i in several]
    questions = [h.questions[i] for i in several]
    rows = ac._suggest_rows(ac._inputs(texts, questions), 1, texts, questions)[0]
    top = dict(zip(several, (r[0].code_id for r in rows)))
    short = [i for i in several if len(h.texts[i].split()) <= SHORT]
    alone = [
        i
        for i in short
        if all(top[j] != top[i] for j in turns[(h.transcripts[i], h.turns[i])] if j != i)
    ]
    return [len(several), len(short), len(alone)]


def add(a: list[int], b: list[int]) -> list[int]:
    return [x + y for x, y in zip(a, b)]


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    data: dict[str, dict[str, HeldOut]] = {}
    for way in WAYS:
        with cutting(way):
            data[way] = {n: heldout_segments(book, "window", f) for n, f in TRAINED_SETS.items()}
            data[way]["examples"] = example_segments(packaged)
    n_coded = {way: sum(1 for h in data[way].values() for c in h.codes if c) for way in WAYS}
    assert n_coded["greedy"] == n_coded["balanced"], n_coded  # the same windows, cut elsewhere
    table: dict[str, dict[str, list[int]]] = {way: {} for way in WAYS}
    for way in WAYS:
        sets = data[way]
        table[way]["windows of turns cut in several / <= 20 words / <= 20 words coded apart"] = [
            sum(x) for x in zip(*(short_windows(packaged, h) for h in sets.values()))
        ]
        table[way]["in sample: the 42 sets, packaged model"] = [
            sum(x) for x in zip(*(hits(packaged, sets[n]) for n in TRAINED_SETS))
        ]
        table[way]["held out: the example interviews, packaged model"] = hits(
            packaged, sets["examples"]
        )
    loso = {way: [0, 0, 0, 0] for way in WAYS}
    for name, folder in TRAINED_SETS.items():
        group = SETTING_PREFIX + folder.name
        keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(group)]
        ac = AutoCoder(book, embedder=emb, params=params).fit(base.extend(interviews.subset(keep)))
        for way in WAYS:
            loso[way] = add(loso[way], hits(ac, data[way][name]))
        print(name, loso, flush=True)
    for way in WAYS:
        table[way]["held out: the 42 sets, each left out of training"] = loso[way]
        table[way]["held out, pooled (decides)"] = add(
            loso[way], table[way]["held out: the example interviews, packaged model"]
        )
    n = {
        "coded segments, 42 sets": sum(
            1 for name in TRAINED_SETS for c in data["greedy"][name].codes if c
        ),
        "coded segments, examples": sum(1 for c in data["greedy"]["examples"].codes if c),
    }
    meta = run_meta(base.hash, model_sha256=packaged.card.get("model_sha256"), n=n)
    lines = [
        "# Windows of even size against greedy windows",
        "",
        f"Measured {meta['date']} on {meta['machine']}; produced by "
        "`benchmarks/balanced_windows.py` (method in its docstring). Coded segments: "
        f"{n['coded segments, 42 sets']} in the 42 interview sets, "
        f"{n['coded segments, examples']} in the example interviews. Hit cells: top-1 / top-3 / "
        "domain / valence hits (segments), per coded segment against its turn's gold.",
        "",
        "| measure | greedy (before) | balanced (now) |",
        "|---|---|---|",
    ]
    for row in table["greedy"]:
        cells = " | ".join(" / ".join(map(str, table[way][row])) for way in WAYS)
        lines.append(f"| {row} | {cells} |")
    lines.append("")
    write_results("balanced_windows", {"meta": meta, "results": table}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
