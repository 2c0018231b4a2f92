"""How well the near-copy warning tells one interview saved twice from two interviews of a study.

``warn_if_near_copy`` warns when two transcripts are one interview twice. This script scores
pairs of both kinds with the shipped rule, each pair read as a study of its own two files, each
its own case, as ``read_transcripts`` reads a study (:class:`NearCopies` told both first, then
``warn_if_near_copy`` of each): the warnings it gives, and the share it judges by
(``Heard.share_in``: the share of the shorter's participant words in runs of ``NEAR_COPY_RUN``
words the other's participant says too, text other cases say aside); and with the rule before
session 81 (``0.9`` of the longer's participant words alike, as a bag of words):

- **one interview** (true pairs): 20 interviews drawn with a fixed seed, each written as a
  Zoom-like ``.vtt`` (cues of 12 words, the speaker on each) with speech-to-text errors on 5,
  10, 15, 20 and 25 % of its words: misheard (``their``/``there``, ``staff``/``stuff``), dropped,
  two run together, fillers and repeats added (the cleaned file has none), numbers as digits,
  and half of them without case or punctuation; and the first third of each at 15 % (an export
  that stopped early). Read back by roqa's own reader.
- **two interviews** (distinct pairs): every pair of interviews of one folder (one study, one
  writer, the same topics); the same with the second's questions made the first's and every
  word of that file read as its participant's (one guide, roles lost: a file with no speaker
  labels); and the first 30, 60 and 120 participant words of one against the other (a short
  file).

Across cases (session 81, fixer dfix3: every pair of cases is compared, not a case's own
transcripts only): every pair of interviews of all folders, of one study or of two, is scored;
every interview is given a case of its own and read by ``warn_if_near_copy`` in one pass (the
warnings counted, the pass timed, the study known first as ``read_transcripts`` knows it; the
share of every pair as that study gives it), and so are the one-interview pairs, each file its own case
(a Zoom .vtt named by the date), and three copies of one interview (session 83, fixer
nearcopy: the cleaned file, the same saved again with its speakers named otherwise, and its
.vtt at 25 % errors, three cases: each pair's words all said by the third). The pass is
timed on a generated study of 200 interviews (``GENERATED``: answers of words drawn by their
frequency in these interviews, so no two say the same sentences) and on ``make_corpus.py``'s
corpus at scale 16 (208 interviews). That corpus joins the same few hundred sentences of the
example interviews in every interview, so any two of its interviews share most of their
participant words in runs of four, but three cases or more say each run: all of it is text
common to the study, and no pair is warned of. Real interviews do not say one another's
sentences (the pairs above); the corpus is for timing.

Folders: ``examples/interviews`` and every ``benchmarks/data/*`` folder of ``*_interview*``
files, plus any folder given on the command line. Nothing is trained; no model is loaded.

Run: ``.venv/bin/python benchmarks/near_copies.py [FOLDER ...]`` (a few minutes).
Results: ``benchmarks/results/near_copies.{json,md}``.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import re
import sys
import tempfile
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import (
    NEAR_COPY_MIN_WORDS,
    NEAR_COPY_SHARE,
    NearCopies,
    expand_paths,
    read_transcript,
    spoken_words,
    warn_if_near_copy,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import write_results  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
#: The rule before session 81: this share of the longer's participant words alike, as a bag
OLD_SHARE = 0.9
NOISE = (0.05, 0.10, 0.15, 0.20, 0.25)
MISHEARD = {
    "their": ["there"], "there": ["their"], "to": ["too", "two"], "staff": ["stuff"],
    "staffing": ["stuffing"], "ward": ["war", "word"], "funding": ["founding"],
    "training": ["trading"], "covid": ["covert"], "patients": ["patience"], "we": ["he"],
    "were": ["where"], "our": ["are", "hour"], "and": ["an", "in"], "of": ["have", "off"],
    "the": ["a", "that"], "a": ["the", "uh"], "would": ["wood"], "new": ["knew"],
    "know": ["no"], "right": ["write"], "for": ["four"], "week": ["weak"], "then": ["than"],
}  # fmt: skip
FILLERS = ["um", "uh", "um,", "you know,", "like", "I mean", "so", "er"]
NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "ten": "10"}


def with_errors(text: str, rate: float, rng: random.Random) -> str:
    """``text`` as speech-to-text might give it, about ``rate`` of its words wrong."""
    said = text.split()
    out: list[str] = []
    i = 0
    while i < len(said):
        word, bare = said[i], re.sub(r"\W", "", said[i]).lower()
        kind = rng.choices(["sub", "drop", "merge", "filler", "repeat", "number"],
                           [0.35, 0.2, 0.1, 0.2, 0.1, 0.05])[0]  # fmt: skip
        if rng.random() >= rate:
            out.append(word)
        elif kind == "sub":
            out.append(rng.choice(MISHEARD.get(bare, [bare[:-1] or "uh", bare + "s", "the"])))
        elif kind == "merge" and i + 1 < len(said):
            out.append(bare + re.sub(r"\W", "", said[i + 1]).lower())
            i += 1
        elif kind == "filler":
            out += [rng.choice(FILLERS), word]
        elif kind == "repeat":
            out += [word, word]
        elif kind == "number":
            out.append(NUMBERS.get(bare, word))
        i += 1  # a drop appends nothing
    text = " ".join(out)
    return re.sub(r"[.,;!?]", "", text).lower() if rng.random() < 0.5 else text


def as_captions(t: Transcript, rate: float, rng: random.Random, path: Path) -> Transcript:
    """``t`` written as a Zoom-like .vtt with speech-to-text errors, read back."""
    lines, second = ["WEBVTT", ""], 3.0
    for turn in t.turns:
        said = with_errors(" ".join(t.turn_text(turn).split()), rate, rng).split()
        for j in range(0, len(said), 12):
            start = f"00:{int(second // 60):02d}:{second % 60:06.3f}"
            end = f"00:{int((second + 4) // 60):02d}:{(second + 4) % 60:06.3f}"
            lines += [f"{start} --> {end}", f"{turn.speaker}: {' '.join(said[j : j + 12])}", ""]
            second += 4.2
    path.write_text("\n".join(lines), "utf-8")
    return read_transcript(path)


def old_alike(a: Transcript, b: Transcript) -> float:
    """The rule before session 81: the participant words alike, as a bag, over the longer's."""
    these, those = spoken_words(a, "participant"), spoken_words(b, "participant")
    alike = sum((Counter(these) & Counter(those)).values())
    return alike / max(len(these), len(those), 1)


def checked(ts: list[Transcript]) -> tuple[NearCopies, int]:
    """``ts`` read as a study, each its own case, as ``read_transcripts`` checks one (the
    study known first, then ``warn_if_near_copy`` of each): its near copies and the warnings."""
    ts = [dataclasses.replace(t, participant=f"C{i}") for i, t in enumerate(ts)]
    near = NearCopies()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        near.know(ts)
        for t in ts:
            warn_if_near_copy(t, near)
    return near, sum("is nearly the same text" in str(w.message) for w in caught)


def pair(a: Transcript, b: Transcript) -> dict[str, float]:
    """Both rules' scores of ``a`` and ``b`` read as a study of their own: the shipped rule's
    share (``Heard.share_in`` of the shorter in the longer; 0.0 when either has fewer than
    ``NEAR_COPY_MIN_WORDS`` participant words), whether it warned, and the old rule's share."""
    near, warned = checked([a, b])
    share = 0.0
    if len(near.read) == 2:
        shorter, longer = sorted(near.read, key=lambda h: h.words)
        share = shorter.share_in(longer, near.study)
    return {
        "share_in_runs": round(share, 4),
        "warned": warned,
        "old_alike": round(old_alike(a, b), 4),
    }


def head(t: Transcript, n: int) -> Transcript:
    """``t`` cut after its first ``n`` participant words (a file cut short)."""
    turns, left = [], n
    for u in t.turns:
        words = re.findall(r"\w+", t.turn_text(u))
        if u.role == "participant":
            words, left = words[:left], left - len(words)
        if words:
            turns.append((u.speaker, u.role, " ".join(words)))
        if left <= 0:
            break
    return Transcript.from_turns(f"{t.id}_head", turns)


def roles_lost(t: Transcript, asked_as: Transcript) -> Transcript:
    """``t`` with ``asked_as``'s questions in its interviewer's turns (one guide), every turn
    read as its participant's (a file with no speaker labels)."""
    asked = iter(asked_as.turn_text(u) for u in asked_as.turns if u.role == "interviewer")
    return Transcript.from_turns(
        f"{t.id}_lost",
        [
            ("P", "participant", next(asked, t.turn_text(u)))
            if u.role == "interviewer"
            else ("P", "participant", t.turn_text(u))
            for u in t.turns
        ],
    )


def relabelled(t: Transcript) -> Transcript:
    """``t`` saved again with its interviewer named 'Researcher' and its participant 'Anne'."""
    return Transcript.from_turns(
        f"{t.id}_relabelled",
        [
            ("Researcher" if u.role == "interviewer" else "Anne", u.role, t.turn_text(u))
            for u in t.turns
        ],
    )


#: Interviews of the generated study (and answers each, words an answer) the pass is timed on
GENERATED = 200
GENERATED_ANSWERS = 60
GENERATED_WORDS = (40, 160)


def one_pass(ts: list[Transcript]) -> tuple[int, float]:
    """The warnings the check of ``ts`` read as a study gives (:func:`checked`), and the CPU
    seconds it takes, the study known first (the machine may be shared)."""
    start = time.process_time()
    _, warned = checked(ts)
    return warned, time.process_time() - start


def every_pair(ts: list[Transcript]) -> list[float]:
    """The shipped rule's share (``Heard.share_in``) of every pair of ``ts`` read as one study,
    each its own case (0.0 for a pair of which one has fewer than ``NEAR_COPY_MIN_WORDS``
    participant words): text the study's other cases say too counts for no copy."""
    near, _ = checked(ts)
    heard = near.read
    shares = []
    for a, b in itertools.combinations(heard, 2):
        shorter, longer = (a, b) if a.words <= b.words else (b, a)
        shares.append(shorter.share_in(longer, near.study))
    shares += [0.0] * (len(ts) * (len(ts) - 1) // 2 - len(shares))
    return shares


def generated_study(folder: Path, everyone: list[Transcript], rng: random.Random) -> list[Path]:
    """``GENERATED`` interviews whose answers draw words by their frequency in ``everyone``."""
    counts = Counter(w for t in everyone for w in spoken_words(t, "participant"))
    words, weights = list(counts), list(counts.values())
    questions = [t.turn_text(u) for t in everyone[:10] for u in t.turns if u.role == "interviewer"]
    paths = []
    for i in range(GENERATED):
        lines = []
        for _ in range(GENERATED_ANSWERS):
            said = rng.choices(words, weights, k=rng.randint(*GENERATED_WORDS))
            lines.append(f"Interviewer: {rng.choice(questions)}\nP{i}: {' '.join(said)}.\n")
        paths.append(folder / f"g{i:03d}.txt")
        paths[-1].write_text("\n".join(lines), "utf-8")
    return paths


def main(extra: list[str]) -> None:
    warnings.simplefilter("ignore")
    folders = [REPO / "examples" / "interviews", *map(Path, extra)] + sorted(
        p for p in (REPO / "benchmarks" / "data").iterdir() if any(p.glob("*_interview*"))
    )
    studies: dict[str, list[Transcript]] = {}
    for folder in folders:
        for f in expand_paths([folder]):
            t = read_transcript(f)
            if len(spoken_words(t, "participant")) >= NEAR_COPY_MIN_WORDS:
                studies.setdefault(folder.name, []).append(t)
    rng = random.Random(81)
    kinds: dict[str, list[dict[str, float]]] = {}
    for ts in studies.values():
        for t1, t2 in itertools.combinations(ts, 2):
            kinds.setdefault("two interviews", []).append(pair(t1, t2))
            kinds.setdefault("two interviews, one guide, roles lost", []).append(
                pair(t1, roles_lost(t2, t1))
            )
            for n in (30, 60, 120):
                kinds.setdefault("30-120 words of another", []).append(pair(head(t2, n), t1))
    everyone = [t for ts in studies.values() for t in ts]
    captioned: list[Transcript] = []
    chosen: list[Transcript] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(rng.sample(everyone, 20)):
            for rate in NOISE:
                v = as_captions(t, rate, rng, Path(tmp) / f"{i}_{rate}.vtt")
                if rate == NOISE[-1]:
                    captioned.append(v)
                    chosen.append(t)
                kinds.setdefault("one interview, 5-25 % errors", []).append(pair(t, v))
            v = as_captions(t, 0.15, rng, Path(tmp) / f"{i}_head.vtt")
            third = len(spoken_words(v, "participant")) // 3
            kinds.setdefault("first third, 15 % errors", []).append(pair(head(v, third), t))
    pairs = [
        (t, v) for t, v in zip(chosen, captioned, strict=True)
    ]  # each interview and its .vtt at 25 % errors, two cases
    across = sorted(every_pair(everyone))
    warned_all, took_all = one_pass(everyone)
    true_warned = sum(one_pass(list(p))[0] for p in pairs)
    # a third copy: the cleaned file saved again with its speakers named otherwise, three cases
    triple_warned = sum(one_pass([t, relabelled(t), v])[0] for t, v in pairs)
    with tempfile.TemporaryDirectory() as tmp:
        study = [read_transcript(f) for f in generated_study(Path(tmp), everyone, rng)]
        warned_gen, took_gen = one_pass(study)
        words_gen = sum(len(spoken_words(t)) for t in study)
        sys.path.insert(0, str(REPO / "benchmarks"))
        from make_corpus import make_corpus

        corpus = [read_transcript(f) for f in make_corpus(Path(tmp) / "corpus", 16)]
        warned_corpus, took_corpus = one_pass(corpus)
        corpus_shares = sorted(every_pair(corpus[:13]))
    words_all = sum(len(spoken_words(t)) for t in everyone)
    across_rows = [
        f"| every pair of interviews, of one study or two | {len(across)} "
        f"| {across[0]:.3f} / {across[len(across) // 2]:.3f} / {across[-1]:.3f} "
        f"| {warned_all} (one pass, each its own case) |",
        f"| one interview and its .vtt at 25 % errors, two cases | {len(pairs)} | | "
        f"{true_warned} |",
        f"| one interview three times (cleaned, relabelled, .vtt at 25 % errors), three cases "
        f"| {len(pairs)} | | {triple_warned} lines of {2 * len(pairs)} |",
        f"| make_corpus.py scale 1 (13 interviews of reused sentences) | {len(corpus_shares)} "
        f"| {corpus_shares[0]:.3f} / {corpus_shares[len(corpus_shares) // 2]:.3f} / "
        f"{corpus_shares[-1]:.3f} | (synthetic: see the docstring) |",
    ]
    timing = [
        f"| the {len(everyone)} interviews above | {words_all:,} | {took_all:.2f} s "
        f"| {warned_all} |",
        f"| generated study, {GENERATED} interviews | {words_gen:,} | {took_gen:.2f} s "
        f"| {warned_gen} |",
        f"| make_corpus.py scale 16, {len(corpus)} interviews | "
        f"{sum(len(spoken_words(t)) for t in corpus):,} | {took_corpus:.2f} s | {warned_corpus} |",
    ]
    lines = [
        "# Near copies: one interview saved twice against two interviews of one study",
        "",
        f"{len(everyone)} interviews in {len(studies)} folders. Each pair read as a study of "
        "its own two cases, as read_transcripts reads one. Warned now: warn_if_near_copy's "
        f"warnings (the share, Heard.share_in's, >= {NEAR_COPY_SHARE}); before session 81: "
        f"words alike >= {OLD_SHARE} of the longer's.",
        "",
        "| pairs | n | share in runs: min / median / max | warned now | warned before |",
        "|---|---|---|---|---|",
    ]
    payload: dict[str, Any] = {"share": NEAR_COPY_SHARE, "old_share": OLD_SHARE, "kinds": {}}
    for kind, rows in kinds.items():
        new = sorted(r["share_in_runs"] for r in rows)
        now = sum(int(r["warned"]) for r in rows)  # warn_if_near_copy's own warnings
        before = sum(r["old_alike"] >= OLD_SHARE for r in rows)
        payload["kinds"][kind] = {
            "pairs": len(rows),
            "share_in_runs": [new[0], new[len(new) // 2], new[-1]],
            "old_alike": sorted(r["old_alike"] for r in rows)[:: max(1, len(rows) // 10)],
            "warned_now": now,
            "warned_before": before,
        }
        lines.append(
            f"| {kind} | {len(rows)} | {new[0]:.3f} / {new[len(new) // 2]:.3f} / {new[-1]:.3f} "
            f"| {now} | {before} |"
        )
    payload["across_cases"] = {
        "pairs": len(across),
        "share_in_runs": [across[0], across[len(across) // 2], across[-1]],
        "margin": round(NEAR_COPY_SHARE - across[-1], 4),
        "warned": warned_all,
        "true_pairs_as_two_cases": len(pairs),
        "true_pairs_warned": true_warned,
        "true_triples_lines_warned": [triple_warned, 2 * len(pairs)],
        "corpus_scale1_share_in_runs": [corpus_shares[0], corpus_shares[-1]],
    }
    payload["one_pass_seconds"] = {
        "interviews": [len(everyone), words_all, round(took_all, 3), warned_all],
        "generated": [GENERATED, words_gen, round(took_gen, 3), warned_gen],
        "corpus_scale16": [len(corpus), round(took_corpus, 3), warned_corpus],
    }
    lines += [
        "",
        "## Across cases: every pair compared, each interview its own case",
        "",
        f"Margin of the highest pair of two interviews to {NEAR_COPY_SHARE}: "
        f"{NEAR_COPY_SHARE - across[-1]:.3f}.",
        "",
        "| pairs | n | share in runs: min / median / max | warned |",
        "|---|---|---|---|",
        *across_rows,
        "",
        "## One pass of warn_if_near_copy over a study (the index of runs, then the share of",
        "## the pairs that could reach it)",
        "",
        "| study | words | CPU seconds | warned |",
        "|---|---|---|---|",
        *timing,
    ]
    write_results("near_copies", payload, [*lines, ""])
    print("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])
