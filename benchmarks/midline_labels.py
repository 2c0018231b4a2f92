"""Speaker labels typed in the middle of a line: where the warning is given, and what a split at
each label would do (session 87 midlabel).

Each case of :data:`CASES` (my own words) is an interview with an interviewer and a
participant, both labels at the start of a line in its opening exchange, written as ``.txt`` and
as ``.srt`` (one cue per paragraph). ``typed`` cases type two speakers on one line (a split is
right; ``typed pairs``: each question and its answer on a line, as in s87 daily19's .srt); ``quote`` and ``word`` cases hold a label word inside one speaker's talk: a name that is
no label of the file, an interviewer reading back a participant's words with their label, a list
``I: ... II: ...``, ``A:``/``B:`` options in a ``Q:``/``A:`` file, ``I: think`` in speech to
text (a split is wrong). Counted per kind: files warned of
(:func:`~roqa_nlp.transcripts.midline_labels.midline_labels_warning`), and the pieces a split
at each label would give to that label's speaker, right (a true turn of that speaker) or wrong.
Battery folders given as arguments (``benchmarks/out/reader_batteries/exports`` and
``formats``, each with its ``truth.jsonl``) are counted too.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/midline_labels.py [BATTERY_DIR ...]``.
Results: ``benchmarks/results/midline_labels.md``.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.midline_labels import _label_pattern, line_start_labels

#: name, interviewer label, participant label, kind, turns (speaker, words) after the opening
CASES = [
    ("typed_p", "Interviewer", "P11", "typed", [
        ("Interviewer", "Who leads it in your team?"),
        ("P11", "A senior carer took it on as her own project."),
        ("Interviewer", "How does she keep people going?"),
        ("P11", "She brings a story to every team meeting."),
    ]),
    ("typed_pairs", "Interviewer", "P11", "typed pairs", [
        ("Interviewer", "Who leads it in your team?"),
        ("P11", "A senior carer took it on as her own project."),
        ("Interviewer", "How does she keep people going?"),
        ("P11", "She brings a story to every team meeting."),
    ]),
    ("typed_i", "I", "R", "typed", [
        ("R", "We had one afternoon from the trust."),
        ("I", "Just the one?"),
        ("R", "Just the one, and then people looked things up."),
    ]),
    ("quote_manager", "Interviewer", "P03", "quote", [
        ("Interviewer", "What did the council say?"),
        ("P03", "We asked for hours and she said, Manager: we can't pay for that. So we stopped."),
    ]),
    ("quote_kate", "Interviewer", "P04", "quote", [
        ("Interviewer", "Did staff push back?"),
        ("P04", "I told them. Kate: no, we are not doing that. She was firm about it."),
    ]),
    ("readback_name", "Interviewer", "Kate", "quote", [
        ("Kate", "We can't afford the training."),
        ("Interviewer", "You said before. Kate: we can't afford the training. Can you say more?"),
        ("Kate", "It is a few hundred pounds a head."),
    ]),
    ("readback_id", "Int", "P07", "quote", [
        ("P07", "It fizzled out after the spring."),
        ("Int", "Your notes say. P07: fizzled out after the spring. What happened then?"),
        ("P07", "The champion left."),
    ]),
    ("roman_i", "I", "P02", "word", [
        ("I", "What were the main problems?"),
        ("P02", "Two things. I: the money, which never covered it. II: the staff, who left."),
    ]),
    ("options_a", "Q", "A", "word", [
        ("Q", "What options did you have?"),
        ("A", "We had two plans. A: hire more staff. B: cut the hours back."),
    ]),
    ("options_q", "Q", "A", "word", [
        ("Q", "How did the inspector start?"),
        ("A", "She read from a form. Q: how do you involve clients? That was the first one."),
    ]),
    ("asr_i", "I", "P09", "word", [
        ("I", "Did it work?"),
        ("P09", "It did, yes. I: think it changed how the staff saw it, honestly."),
    ]),
]  # fmt: skip


def files_of(name: str, iv: str, pt: str, kind: str, turns: list[tuple[str, str]]) -> dict:
    """The ``.txt`` and ``.srt`` texts of a case, and its true turns."""
    opening = [(iv, "Thanks for your time."), (pt, "That's fine.")]
    paragraphs = [f"{sp}: {words}" for sp, words in opening]
    if kind == "typed":  # every turn on one line
        paragraphs.append(" ".join(f"{sp}: {words}" for sp, words in turns))
    elif kind == "typed pairs":  # each question and its answer on one line
        said = [f"{sp}: {words}" for sp, words in turns]
        paragraphs += [" ".join(said[k : k + 2]) for k in range(0, len(said), 2)]
    else:
        paragraphs += [f"{sp}: {words}" for sp, words in turns]
    srt = "".join(
        f"{i}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{p}\n\n"
        for i, p in enumerate(paragraphs, 1)
    )
    return {"txt": "\n\n".join(paragraphs) + "\n", "srt": srt, "turns": opening + turns}


def norm(words: str) -> str:
    return re.sub(r"\s+", " ", words).strip()


def split_pieces(path: Path, truth: list[tuple[str, str]]) -> tuple[bool, Counter]:
    """Whether ``path`` is warned of, and the pieces a split would give, right and wrong."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    warned = any("typed after a sentence" in str(w.message) for w in caught)
    pattern = _label_pattern(line_start_labels(t))
    said = {(sp.casefold(), norm(words)) for sp, words in truth}
    count: Counter = Counter()
    for turn in t.turns if pattern else []:
        assert pattern is not None
        found = list(pattern.finditer(t.text, turn.start, turn.end))
        ends = [m.start() for m in found[1:]] + [turn.end]
        for m, end in zip(found, ends):
            piece = (m.group("label").casefold(), norm(t.text[m.end() : end]))
            count["right" if piece in said else "wrong"] += 1
    return warned, count


def main() -> None:
    rows: dict[str, Counter] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, iv, pt, kind, turns in CASES:
            made = files_of(name, iv, pt, kind, turns)
            for ext in ("txt", "srt"):
                path = Path(tmp) / f"{name}.{ext}"
                path.write_text(made[ext], encoding="utf-8")
                warned, count = split_pieces(path, made["turns"])
                row = rows.setdefault(kind, Counter())
                row.update(files=1, warned=warned, **count)
    for folder in map(Path, sys.argv[1:]):
        row = rows.setdefault(folder.name, Counter())
        for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            truth = [(turn[0], turn[-1]) for turn in rec["turns"]]
            try:
                warned, count = split_pieces(folder / rec["path"], truth)
            except Exception:  # a file the battery means to be unreadable
                continue
            row.update(files=1, warned=warned, **count)
    print(f"{'kind':14} {'files':>6} {'warned':>7} {'split right':>12} {'split wrong':>12}")
    for kind, row in rows.items():
        print(
            f"{kind:14} {row['files']:>6} {row['warned']:>7} {row['right']:>12} {row['wrong']:>12}"
        )


if __name__ == "__main__":
    main()
