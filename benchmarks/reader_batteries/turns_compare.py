"""Compare the turns a reader gives with a battery's truth, and count them per class (shared by
``exports_check.py`` and ``formats_check.py``).

Texts are compared with whitespace collapsed and U+001F, U+00AD, U+200B, U+200E and the BOM
removed (U+00A0 read as a space). :func:`classify` gives each expected turn that is not read
right one failure kind:

  HIGH lost         participant words missing from every participant turn
  HIGH to_interv    participant words found only in an interviewer turn
  MED  to_partic    interviewer words read as a participant's turn (question coded as talk)
  MED  split        one expected turn cut into several actual turns
  MED  merged       turn joined with its neighbour into one actual turn
  LOW  label_kept   words equal, but with a label, timestamp or page furniture kept around them
  LOW  extra_words  the turn holds words found in no expected turn (page numbers, headers)
  LOW  changed      same place and role, other words (a number shown otherwise, a dash dropped)
  --   speaker      words and role right, speaker label differs (a note, not a failure)

The kind is a heuristic: on pdftotext text "label_kept" means page furniture, not a label.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

INVIS = dict.fromkeys(map(ord, "\u001f\u00ad\u200e\u200b\ufeff"), None)
SEV = {
    "changed": "LOW",
    "lost": "HIGH",
    "to_interv": "HIGH",
    "to_partic": "MED",
    "split": "MED",
    "merged": "MED",
    "label_kept": "LOW",
    "extra_words": "LOW",
    "error": "HIGH",
}


def norm(s: str) -> str:
    s = s.translate(INVIS).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s).strip()


def words(s: str) -> list[str]:
    return re.findall(r"[\w£%/&']+", norm(s).lower().replace("\u2019", "'"))


def classify(exp: list, act: list) -> tuple[list[tuple[int, str]], list[str]]:
    """Per expected turn index a failure kind (or none); plus notes."""
    fails: list[tuple[int, str]] = []
    notes: list[str] = []
    an = [(sp, role, norm(t)) for sp, role, t in act]
    exact = {}
    for i, (sp, role, t) in enumerate(exp):
        nt = norm(t)
        hits = [j for j, a in enumerate(an) if a[2] == nt]
        if hits:
            j = hits[0]
            exact[i] = j
            if an[j][1] != role:
                fails.append((i, "to_interv" if role == "participant" else "to_partic"))
            elif norm(an[j][0]).casefold() != norm(sp).casefold():
                notes.append(f"speaker {sp!r} read as {an[j][0]!r}")
            continue
        # same place, same role, other words (a number shown otherwise, a character dropped)
        if (
            len(an) == len(exp)
            and an[i][1] == role
            and all(norm(e[2]) == a[2] for k, (e, a) in enumerate(zip(exp, an)) if k != i)
        ):
            fails.append((i, "changed"))
            continue
        # words contained in one actual turn with more around them
        cont = [j for j, a in enumerate(an) if nt and nt in a[2]]
        if cont:
            j = cont[0]
            rest = an[j][2].replace(nt, "\x00", 1)
            others = [norm(e[2]) for k, e in enumerate(exp) if k != i]
            leftover = rest
            for o in others:
                if o and o in leftover:
                    leftover = leftover.replace(o, "\x00", 1)
            leftover = leftover.replace("\x00", "").strip()
            if an[j][1] != role and role == "participant":
                fails.append((i, "to_interv"))
            elif (
                leftover
                and len(leftover) < 40
                and len(rest.replace("\x00", "").strip()) == len(leftover)
            ):
                fails.append((i, "label_kept" if leftover.rstrip(":").strip() else "label_kept"))
            elif leftover and rest.replace("\x00", "").strip() == leftover:
                fails.append((i, "extra_words"))
            else:
                fails.append((i, "merged"))
            continue
        # split: several actual turns are pieces of it
        pieces = [j for j, a in enumerate(an) if a[2] and a[2] in nt]
        ew = words(t)
        if pieces and sum(len(an[j][2]) for j in pieces) >= 0.6 * len(nt):
            roles = {an[j][1] for j in pieces}
            if role == "participant" and "interviewer" in roles:
                fails.append((i, "to_interv"))
            else:
                fails.append((i, "split"))
            continue
        # words anywhere?
        part_words = Counter(w for a in an if a[1] == "participant" for w in words(a[2]))
        int_words = Counter(w for a in an if a[1] == "interviewer" for w in words(a[2]))
        allw = part_words + int_words
        miss = [w for w in ew if allw[w] == 0]
        if role == "participant":
            if len(miss) > 0.2 * len(ew):
                fails.append((i, "lost"))
                continue
            if sum(1 for w in ew if part_words[w] == 0) > 0.2 * len(ew):
                fails.append((i, "to_interv"))
                continue
        # words present but the turn is cut or carries extra words
        if any(
            set(words(a[2])) - set(w for e in exp for w in words(e[2]))
            for a in an
            if set(words(a[2])) & set(ew)
        ):
            fails.append((i, "extra_words"))
        else:
            fails.append((i, "split"))
    # actual interviewer turns that hold participant-only material handled above; note extra turns
    if len(an) != len(exp):
        notes.append(f"{len(exp)} turns expected, {len(an)} read")
    return fails, notes


def battery_records(
    out: Path, only: str | None, generate: Callable[[], int] | None, seed: int
) -> list[dict]:
    """The truth records of the battery in ``out``, generated there first unless ``generate``
    is None (``--no-gen``); of class ``only`` alone when given."""
    if generate is not None:
        print(f"{generate()} files generated in {out} (seed {seed})\n")
    elif not (out / "truth.jsonl").is_file():
        raise SystemExit(f"{out}: no truth.jsonl: run without --no-gen to generate the battery")
    with open(out / "truth.jsonl", encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    return [r for r in recs if r["class"] == only] if only else recs


def class_stats() -> defaultdict:
    """Each class's counts: files, files with a wrong turn, turns, wrong turns, failure kinds."""
    return defaultdict(
        lambda: {"files": 0, "bad_files": 0, "turns": 0, "bad_turns": 0, "kinds": Counter()}
    )


def read_each(
    recs: list[dict], stats: defaultdict, read: Callable[[dict], Any], detail: list
) -> Iterator[tuple[dict, dict, Any]]:
    """Each record of ``recs`` with its class's counts in ``stats`` and what ``read(rec)``
    gives, the file and its turns counted first. A file ``read`` raises on counts every turn
    wrong (kind ``error``), goes to ``detail`` as ``(rec, fails, notes, [])`` and is not given."""
    for rec in recs:
        st = stats[rec["class"]]
        st["files"] += 1
        st["turns"] += len(rec["turns"])
        try:
            got = read(rec)
        except Exception as e:  # noqa: BLE001
            st["bad_files"] += 1
            st["bad_turns"] += len(rec["turns"])
            st["kinds"]["error"] += 1
            detail.append((rec, [(-1, "error")], [f"{type(e).__name__}: {str(e)[:200]}"], []))
            continue
        yield rec, st, got


def count_fails(st: dict, fails: list[tuple[int, str]]) -> None:
    """Count a file read wrong in its class's counts ``st``: ``fails`` holds (expected turn's
    index, or -1 for the file as a whole, failure kind)."""
    st["bad_files"] += 1
    st["bad_turns"] += len({i for i, _ in fails if i >= 0})
    for _, k in fails:
        st["kinds"][k] += 1


def read_turns(path: Path, rec: dict) -> tuple[Any, list[tuple[str, str, str]], list[str]]:
    """What ``roqa_nlp.read_transcript`` reads in ``path`` (told the record's interviewer labels,
    if any): the transcript, its turns as (speaker, role, words), and the warnings it gave."""
    from roqa_nlp import read_transcript

    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = read_transcript(path, interviewer_labels=rec.get("interviewer_labels") or None)
    turns = [(x.speaker, x.role, t.text[x.start : x.end]) for x in t.turns]
    return t, turns, [str(m.message) for m in w]
