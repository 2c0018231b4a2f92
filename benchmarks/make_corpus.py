"""Generate benchmark corpora by recombining the example interviews (nothing is downloaded).

A corpus of scale ``S`` has ``13 × S`` interviews shaped like the seed study's (13 registered
managers, about 230 participant segments each, so ≈3,000 segments at 1×). Each interview is a
``.txt`` transcript of ``Interviewer:`` questions and ``P<n>:`` answers; every answer joins 2–4
participant sentences drawn from the three interviews in ``examples/interviews/`` (their turns
shuffled with a fixed seed), so segments are realistic talk, almost all distinct (the embedding
cache does not flatter a cold run), and one answer is one segment of the default ``window`` unit.

Since every interview draws on the same few hundred sentences, any two of them share about 0.9
of their participant words in runs of four words (0.88-0.94 at scale 1), which is what one
interview saved twice shares. ``roqa code`` and ``roqa inspect`` of a corpus warn of none:
they read the study first, and runs every case says are text common to the study (a consent
statement, a questionnaire read aloud), no sign of a copy; ``near_copies.py``, which reads it
as they do, warns of none either. Real interviews share at most 0.05; the corpus is for timing
only.

The output is a function of ``(scale, seed)`` only: the same call writes byte-identical files.
Corpora go to a temporary or ``--out`` folder and are never committed.

    python benchmarks/make_corpus.py --scale 10 --out /tmp/corpus-10x
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "interviews"
SEED_INTERVIEWS = 13
ANSWERS_PER_INTERVIEW = 230
SENTENCES_PER_ANSWER = (2, 4)
MIN_SENTENCE_WORDS = 4


def example_talk(examples: Path = EXAMPLES) -> tuple[list[str], list[str]]:
    """Interviewer questions and participant sentences of the example interviews, in file order."""
    from roqa_nlp.transcripts import expand_paths, read_transcript
    from roqa_nlp.transcripts.sentences import split_sentences

    questions: list[str] = []
    sentences: list[str] = []
    for path in expand_paths([examples]):
        t = read_transcript(path)
        for turn in t.turns:
            text = " ".join(t.turn_text(turn).split())
            if turn.role == "interviewer":
                questions.append(text)
                continue
            for start, end in split_sentences(text):
                s = text[start:end].strip()
                if len(s.split()) >= MIN_SENTENCE_WORDS:
                    sentences.append(s)
    if not questions or not sentences:
        raise SystemExit(f"no interview talk found in {examples}")
    return questions, sentences


def make_interview(number: int, questions: list[str], sentences: list[str], seed: int) -> str:
    """The text of interview ``number``: ANSWERS_PER_INTERVIEW question/answer pairs."""
    rng = random.Random(f"{seed}:{number}")
    label = f"P{number:02d}"
    qs = questions[:]
    rng.shuffle(qs)
    lines: list[str] = []
    for k in range(ANSWERS_PER_INTERVIEW):
        n = rng.randint(*SENTENCES_PER_ANSWER)
        answer = " ".join(rng.sample(sentences, n))
        lines.append(f"Interviewer: {qs[k % len(qs)]}\n\n{label}: {answer}\n")
    return "\n".join(lines)


def make_corpus(
    out: Path, scale: int, *, seed: int = 2024, examples: Path = EXAMPLES
) -> list[Path]:
    """Write ``13 × scale`` interviews into ``out`` and return their paths."""
    questions, sentences = example_talk(examples)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(1, SEED_INTERVIEWS * scale + 1):
        p = out / f"interview_{i:05d}.txt"
        p.write_text(make_interview(i, questions, sentences, seed), encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=int, default=1, help="1 = seed size (13 interviews)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    paths = make_corpus(args.out, args.scale, seed=args.seed)
    print(f"wrote {len(paths)} interviews to {args.out}")


if __name__ == "__main__":
    main()
