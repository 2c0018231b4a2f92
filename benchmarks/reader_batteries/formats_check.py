"""Reader battery of document formats: generate the 133 files of ``formats_gen.py`` and check
what ``roqa_nlp.read_transcript`` reads in each against its truth.

What it measures: per class (odt, rtf, pdf, otter_docx, rev_docx, focus, tiny, word_extras) the
files and turns read wrong, by failure kind (see ``turns_compare.py``); ``kept_<WORD>`` when a
word that must not be read (a tracked deletion, comment, text box, header) is in the text; and
``offsets`` when a segment of ``segment(t, "window")`` or ``segment(t, "sentence")``
(interviewer turns and backchannels included) is not ``t.text[start:end]``. Then, per class and
hazard, the failing files. Results as measured: ``benchmarks/results/reader_batteries.md``.
About 25 s on 2 shared cores. The REFI-QDA samples are checked by ``qdpx_check.py``.

Run (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/reader_batteries/formats_check.py
    ... formats_check.py -v --class rtf     # each failing file: expected vs actual turns
    ... formats_check.py --no-gen --out DIR # check a battery already generated in DIR

``--out DIR`` (default ``benchmarks/out/reader_batteries/formats``, git-ignored) is where the
files are generated (emptied first); ``--seed`` is passed to the generator.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from formats_gen import DEFAULT_OUT, generate  # noqa: E402
from turns_compare import (  # noqa: E402
    SEV,
    battery_records,
    class_stats,
    classify,
    count_fails,
    read_each,
    read_turns,
)


def read(path: Path, rec: dict):
    from roqa_nlp.transcripts.segment import segment

    t, turns, warns = read_turns(path, rec)
    n_seg = bad_off = 0
    for unit in ("window", "sentence"):
        for s in segment(t, unit, skip_interviewer=False, skip_backchannels=False):
            n_seg += 1
            if t.text[s.start : s.end] != s.text:
                bad_off += 1
    return t, turns, [m[:160] for m in warns], (n_seg, bad_off)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="battery folder")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-gen", action="store_true", help="check the files already in --out")
    ap.add_argument("--class", dest="only", help="check only this class")
    ap.add_argument("-v", "--verbose", action="store_true", help="each failing file")
    a = ap.parse_args()
    out: Path = a.out
    verbose, only = a.verbose, a.only
    recs = battery_records(out, only, None if a.no_gen else lambda: generate(out, a.seed), a.seed)
    stats = class_stats()
    hz: dict = defaultdict(lambda: [0, 0])
    detail = []
    segs = [0, 0]  # segments checked, of those with text != t.text[start:end]
    for rec, st, (t, act, warns, (n_seg, bad_off)) in read_each(
        recs, stats, lambda rec: read(out / rec["path"], rec), detail
    ):
        cls = rec["class"]
        segs[0] += n_seg
        segs[1] += bad_off
        fails, notes = classify(rec["turns"], act)
        if bad_off:
            fails.append((-1, "offsets"))
            notes.append(f"{bad_off} segments with text[start:end] != text")
        for word in rec.get("absent", []):
            if word in t.text:
                fails.append((-1, f"kept_{word.split()[0]}"))
        for h in rec["hazards"] or ["(none)"]:
            hz[(cls, h)][0] += 1
            hz[(cls, h)][1] += bool(fails)
        if fails:
            count_fails(st, fails)
            detail.append((rec, fails, notes, act, warns))
    print(
        f"{'class':12} {'files':>5} {'bad_files':>9} {'turns':>6} {'bad_turns':>9}  failure kinds"
    )
    tot = Counter()
    for cls, st in stats.items():
        kinds = ", ".join(
            f"{SEV.get(k, 'LOW' if k.startswith('kept') else 'HIGH')} {k} {n}"
            for k, n in st["kinds"].most_common()
        )
        print(
            f"{cls:12} {st['files']:5} {st['bad_files']:9} {st['turns']:6} {st['bad_turns']:9}  {kinds}"
        )
        for k in ("files", "bad_files", "turns", "bad_turns"):
            tot[k] += st[k]
    print(
        f"{'TOTAL':12} {tot['files']:5} {tot['bad_files']:9} {tot['turns']:6} {tot['bad_turns']:9}"
    )
    print(
        f"\nsegment offsets (window + sentence): {segs[0]} segments, {segs[1]} with text[start:end] != text"
    )
    print("\nper hazard (class, hazard): failing/files")
    for (c, h), (n, b) in sorted(hz.items()):
        if b:
            print(f"  {c:10} {h:24} {b}/{n}")
    if verbose:
        for rec, fails, notes, act, *w in detail:
            print("\n==", rec["path"], fails, notes)
            for i, k in fails:
                if i >= 0:
                    print(
                        "  expected", rec["turns"][i][:2], repr(rec["turns"][i][2][:100]), "->", k
                    )
            for sp, role, tx in act:
                print("   actual", sp, role, repr(tx[:110]))
            for x in w[0] if w else []:
                print("   warn", x)


if __name__ == "__main__":
    main()
