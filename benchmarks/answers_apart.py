"""Two answers joined across an interviewer's backchannel: part them, or code them as one?

A reader of ``.vtt``/``.srt``/``.docx``/``.csv``/``.xlsx`` files leaves another speaker's
backchannel (``Mm-hmm.``, ``Gosh.``) out of a participant's turn and joins its two sides; the
segment was parted there only when one side was an aside (tester s78 study8 D1: two different
answers became one segment with one top code). This script compares rules for parting two sides
that are both talk (``roqa_nlp.autocoder._two_answers``), each scored by gold turn with the
packaged model:

- ``old``: never (the rule before session 78);
- ``words``: each side ends at a sentence's end and holds 2 sentences or 25 words
  (``transcripts.segment.answers_apart``);
- ``words+codes``: ``words``, and the model's top code of each side, read alone with the
  question, differs;
- ``words+codes, shared<t``: ``words+codes``, and the two readings share less than ``t`` of
  their probability (``autocoder._shared``); 0.2 measured best, but not the default
  (``ANSWERS_SHARE_BELOW`` is 0: see the results' reading);
- ``codes``: the top codes differ, each at least ``FITS_A_CODE`` (0.5), each side ending at a
  sentence's end.

Sets: the example interviews (``examples/gold/labelled.jsonl``: p02 ``.vtt`` and p03 ``.docx`` hold
backchannels); the five ``heldout_*`` interview sets as they are (plain ``.txt``: no backchannel
is left out, so nothing can change; in-sample for the packaged model since session 17), and
twice simulated: ``pause`` puts a backchannel gap inside each participant turn of 2 sentences or
more, at the sentence boundary nearest its middle (one answer that pauses: parting it is the
harm to avoid), ``join`` joins each participant answer to the next one across the question
between them, left out as a backchannel would be (two answers: parting them is the aim); and,
given ``--study DIR`` (a folder with ``raw/`` transcripts and a ``gold.jsonl`` of
``participant``, ``text``, ``gold`` = ``CODE:valence;...``, ``OPEN:...``, ``PROC`` or ``OFF``, as
the s78 study8 tester wrote it), that study, read with ``--interviewer`` names. Only aggregate
scores are printed.

Scores, over gold turns with a CFIR code: top-1, top-3 and domain of the segment holding most of
the turn's words (set-aside segments score nothing); gold codes found, the gold codes of those
turns that are the top code of a segment within (or holding) the turn; ``segs`` the segments,
``changed`` those not in ``old``'s segments (same span and text).

Run: ``OPENBLAS_NUM_THREADS=1 CI=true .venv/bin/python benchmarks/answers_apart.py
[--study /tmp/s78_study8 --interviewer "Sam Roe"]``. Results:
``benchmarks/results/answers_apart.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import roqa_nlp.autocoder as autocoder_module
from roqa_nlp import AutoCoder
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.backchannel_gaps import with_backchannel_gaps
from roqa_nlp.transcripts.segment import _ENDS_SENTENCE, answers_apart
from roqa_nlp.transcripts.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = sorted((ROOT / "benchmarks" / "data").glob("heldout_*"))
Piece = tuple[str, autocoder_module._Reading]
Gold = list[tuple[str, str, set[str]]]  # (transcript id, words, codes)


def _apart_sharing(a: Piece, b: Piece, most: float) -> bool:
    return RULES["words+codes"](a, b) and autocoder_module._shared(a[1], b[1]) < most


def _ends(words: str) -> bool:
    return bool(_ENDS_SENTENCE.search(words.strip()))


RULES: dict[str, Callable[[Piece, Piece], bool]] = {
    "old": lambda a, b: False,
    "words": lambda a, b: answers_apart(a[0], b[0]),
    "words+codes": lambda a, b: answers_apart(a[0], b[0]) and a[1].code != b[1].code,
    "words+codes, shared<0.3": lambda a, b: _apart_sharing(a, b, 0.3),
    "words+codes, shared<0.2 (best)": lambda a, b: _apart_sharing(a, b, 0.2),
    "words+codes, shared<0.1": lambda a, b: _apart_sharing(a, b, 0.1),
    "codes": lambda a, b: (
        _ends(a[0])
        and _ends(b[0])
        and a[1].code != b[1].code
        and min(a[1].top, b[1].top) >= autocoder_module.FITS_A_CODE
    ),
}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _rebuilt(
    t: Transcript, turns: list[tuple[str, str, str]], gaps: list[tuple[int, int]]
) -> Transcript:
    """``turns`` as a transcript of ``t``'s id, with a backchannel gap at each ``(turn, offset
    in its words)`` of ``gaps``."""
    new = Transcript.from_turns(t.id, turns, participant=t.participant)
    return with_backchannel_gaps(new, [new.turns[i].start + at for i, at in gaps])


def paused(t: Transcript) -> Transcript:
    """``t`` with a backchannel gap in each participant turn of 2 sentences or more, before the
    sentence starting nearest its middle."""
    turns = [(u.speaker, u.role, t.turn_text(u)) for u in t.turns]
    gaps = []
    for i, (_, role, words) in enumerate(turns):
        starts = [a for a, _ in split_sentences(words)][1:]
        if role == "participant" and starts:
            gaps.append((i, min(starts, key=lambda a: abs(a - len(words) / 2))))
    return _rebuilt(t, turns, gaps)


def joined(t: Transcript) -> Transcript:
    """``t`` with each participant answer followed by one question and the next answer joined to
    it across that question, left out as a backchannel (no answer joined twice)."""
    rows = [(u.speaker, u.role, t.turn_text(u)) for u in t.turns]
    turns: list[tuple[str, str, str]] = []
    gaps = []
    i = 0
    while i < len(rows):
        if (
            i + 2 < len(rows)
            and rows[i][1] == "participant"
            and rows[i + 1][1] == "interviewer"
            and rows[i + 2][1] == "participant"
            and rows[i + 2][0] == rows[i][0]
        ):
            words = rows[i][2] + "\n" + rows[i + 2][2]
            gaps.append((len(turns), len(rows[i][2]) + 1))
            turns.append((rows[i][0], "participant", words))
            i += 3
        else:
            turns.append(rows[i])
            i += 1
    return _rebuilt(t, turns, gaps)


def score(ac: AutoCoder, transcripts: list[Transcript], gold: Gold) -> dict[str, Any]:
    result = ac.code(transcripts)
    by_t: dict[str, list[Any]] = {}
    for r in result.segments:
        by_t.setdefault(r.segment.transcript_id, []).append(r)
    n = top1 = top3 = domain = codes_in = found = 0
    for tid, words, codes in gold:
        if not codes:
            continue
        n += 1
        codes_in += len(codes)
        best, most = None, 0
        tops = set()  # the top codes of the segments within the turn (or holding it)
        for r in by_t.get(tid, []):
            seg = _norm(r.segment.text)
            if words in seg or seg in words:
                overlap = min(len(seg), len(words))
                if overlap > most:
                    best, most = r, overlap
                if not (r.procedural or r.off_topic) and r.suggestions:
                    tops.add(r.suggestions[0].code_id)
        found += len(codes & tops)
        if best is None or best.procedural or best.off_topic or not best.suggestions:
            continue
        ids = [s.code_id for s in best.suggestions]
        top1 += ids[0] in codes
        top3 += bool(codes & set(ids[:3]))
        domain += ids[0].split(".")[0] in {c.split(".")[0] for c in codes}
    spans = {
        (r.segment.transcript_id, r.segment.start, r.segment.end, r.segment.text)
        for r in result.segments
    }
    return {
        "n": n,
        "top1": top1,
        "top3": top3,
        "domain": domain,
        "codes": codes_in,
        "found": found,
        "segs": len(result.segments),
        "spans": spans,
    }


def heldout_gold() -> tuple[list[Transcript], Gold]:
    transcripts, gold = [], []
    for d in HELDOUT:
        transcripts += [read_transcript(p) for p in sorted(d.glob("*.txt"))]
        for line in (d / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            gold.append((g["transcript"], _norm(g["text"]), set(g["codes"])))
    return transcripts, gold


def example_gold() -> tuple[list[Transcript], Gold]:
    d = ROOT / "examples"
    transcripts = [read_transcript(p) for p in sorted((d / "interviews").iterdir())]
    gold = []
    for line in (d / "gold" / "labelled.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        codes = set() if g.get("construct") == "NONE" else set(g["codes"])
        gold.append((g["id"].rsplit(":", 1)[0], _norm(g["text"]), codes))
    return transcripts, gold


def study_gold(folder: Path, interviewers: list[str]) -> tuple[list[Transcript], Gold]:
    transcripts = [
        read_transcript(p, interviewer_labels=interviewers)
        for p in sorted((folder / "raw").iterdir())
    ]
    by_participant = {t.participant: t.id for t in transcripts}
    gold = []
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        label = g["gold"]
        codes = (
            set()
            if label.startswith(("OPEN", "PROC", "OFF"))
            else {c.split(":")[0] for c in label.split(";")}
        )
        gold.append((by_participant[g["participant"]], _norm(g["text"]), codes))
    return transcripts, gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--study", type=Path, help="a study folder with raw/ and gold.jsonl")
    ap.add_argument("--interviewer", action="append", default=[], help="the study's interviewer")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "answers_apart")
    args = ap.parse_args()
    ac = AutoCoder.load()
    heldout, hgold = heldout_gold()
    sets: dict[str, tuple[list[Transcript], Gold]] = {
        "examples (p02 .vtt, p03 .docx)": example_gold(),
        "heldout_* as they are (.txt)": (heldout, hgold),
        "heldout_* pause (simulated)": ([paused(t) for t in heldout], hgold),
        "heldout_* join (simulated)": ([joined(t) for t in heldout], hgold),
    }
    if args.study:
        sets[f"tester study ({args.study.name})"] = study_gold(args.study, args.interviewer)
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    original = autocoder_module._two_answers
    try:
        for name, (transcripts, gold) in sets.items():
            rows[name] = {}
            for rule, fn in RULES.items():
                autocoder_module._two_answers = fn  # type: ignore[assignment]
                rows[name][rule] = score(ac, transcripts, gold)
                old = rows[name]["old"]["spans"]
                rows[name][rule]["changed"] = len(rows[name][rule]["spans"] - old)
                r = rows[name][rule]
                print(name, rule, {k: v for k, v in r.items() if k != "spans"}, flush=True)
    finally:
        autocoder_module._two_answers = original
    lines = [
        "# Two answers joined across a backchannel: parting rules (session 78)",
        "",
        "`benchmarks/answers_apart.py` (its docstring gives the sets and rules); the packaged model;",
        "by gold turn with a CFIR code. `changed`: segments not in `old`'s.",
        "",
        "| set | rule | turns | top-1 | top-3 | domain | gold codes found | segments | changed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, by_rule in rows.items():
        for rule, r in by_rule.items():
            n = max(r["n"], 1)
            lines.append(
                f"| {name} | {rule} | {r['n']} | {r['top1'] / n:.3f} ({r['top1']}) | "
                f"{r['top3'] / n:.3f} ({r['top3']}) | {r['domain'] / n:.3f} ({r['domain']}) | "
                f"{r['found']}/{r['codes']} | {r['segs']} | {r['changed']} |"
            )
    args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    clean = {
        s: {k: {f: v for f, v in r.items() if f != "spans"} for k, r in b.items()}
        for s, b in rows.items()
    }
    args.out.with_suffix(".json").write_text(json.dumps(clean, indent=1) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
