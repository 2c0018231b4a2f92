"""How often is the interviewer of a transcript that names people, not roles, guessed right?

Zoom transcripts name their speakers ("Sam Roe: ..."), so no label says who interviewed.
:func:`roqa_nlp.transcripts.roles.guess_interviewer` then takes the speaker who asks the questions
as the interviewer when that is clear-cut. This takes every interview transcript of
``examples/interviews`` and ``benchmarks/data`` whose interviewer is labelled (``Interviewer:``),
renames that label to a person's name, reads the file again with the default labels, and counts
whether the guess is that person, another speaker (the costly mistake: a participant's talk would
be skipped), or no one (everyone's talk coded, with a warning, as before the guess existed). The
same again with every turn's words lower-cased and stripped of punctuation, as speech-to-text
that writes none gives them (the guess then reads how each turn opens, and whether a short turn
holds a question's opening words anywhere: sessions 34, 35).

Short interviews (session 51): each renamed transcript cut to its first 10, 14 or 20 turns, as
read, and again with a participant's break put after their third turn (the interviewer's ``No
problem, take your time.``, then the participant's ``Right, I'm back, sorry, the laptop died.
Where was I?``). One such question in a short interview stopped the guess (a tester's Zoom
transcript of 5 interviewer turns), so everyone's talk was coded. With a third of the share as
the only rule (before session 51) the six rows were 140, 106, 169, 145, 169 and 162 right, none
wrong.

Run: ``.venv/bin/python benchmarks/interviewer_guess.py`` (seconds). Results:
``benchmarks/results/interviewer_guess.{json,md}``.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import ROOT, run_meta, write_results  # noqa: E402

NAME = "Sam Roe"
FORMATS = (".txt", ".md", ".vtt", ".srt")  # files whose labels are text that can be renamed


#: A speaker's label at the start of a line (kept), then the words (stripped).
_LABELLED = re.compile(r"(?m)^(\s*(?:\[[\d:.,]+\]\s*)?[^:\n]{1,40}:)(.*)$")


def unpunctuated(text: str) -> str:
    """``text`` as speech-to-text without punctuation writes it: each labelled line's words
    lower-cased, without punctuation (apostrophes too); labels, timing lines and cue numbers kept."""

    def strip(m: re.Match[str]) -> str:
        if "-->" in m[0]:
            return m[0]
        words = re.sub(r"[^\w\s]", "", m[2]).lower()
        return f"{m[1]} {' '.join(words.split())}"

    return _LABELLED.sub(strip, text)


#: The break a participant takes in :func:`_short_interviews` (the interviewer's turn, then theirs).
BREAK = ("No problem, take your time.", "Right, I'm back, sorry, the laptop died. Where was I?")
#: The turns the short interviews are cut to.
SHORT_TURNS = (10, 14, 20)


def _short_interviews(turns: list[tuple[str, str]]) -> dict[str, str | None]:
    """Who is guessed in ``turns`` (speaker, words) cut to each of :data:`SHORT_TURNS` turns,
    as read and with the participant's :data:`BREAK` after their third turn."""
    from roqa_nlp.schema import Turn
    from roqa_nlp.transcripts.roles import guess_interviewer

    def guess(spoken: list[tuple[str, str]]) -> str | None:
        text, read = "", []
        for speaker, words in spoken:
            read.append(Turn(speaker, "participant", len(text), len(text) + len(words)))
            text += words + "\n\n"
        return guess_interviewer(text, read)

    out: dict[str, str | None] = {}
    for k in SHORT_TURNS:
        cut = turns[:k]
        theirs = [i for i, (speaker, _) in enumerate(cut) if speaker != NAME]
        if len(theirs) < 3:
            continue
        at, who = theirs[2] + 1, cut[theirs[2]][0]
        broken = [*cut[:at], (NAME, BREAK[0]), (who, BREAK[1]), *cut[at:]]
        out[f"{k} turns"] = guess(cut)
        out[f"{k} turns, 'Where was I?'"] = guess(broken)
    return out


def _outcome(guessed: str | None) -> str:
    return "right" if guessed == NAME else "wrong" if guessed else "no guess"


def main() -> None:
    from roqa_nlp.transcripts import read_transcript

    rows: list[dict[str, str | None]] = []
    short: list[dict[str, str | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in ("examples/interviews", "benchmarks/data"):
            for f in sorted((ROOT / folder).rglob("*")):
                if f.suffix.lower() not in FORMATS:
                    continue
                t = read_transcript(f)
                asking = {u.speaker for u in t.turns if u.role == "interviewer"}
                if len(asking) != 1:
                    continue
                label = asking.pop()
                raw = f.read_bytes().decode("utf-8-sig")
                renamed = re.sub(
                    rf"(?m)^(\s*(?:\[[\d:.,]+\]\s*)?){re.escape(label)}:", rf"\g<1>{NAME}:", raw
                )
                for kind, text in (("as typed", renamed), ("unpunctuated", unpunctuated(renamed))):
                    copy = Path(tmp) / f.name
                    copy.write_text(text, "utf-8")
                    read = read_transcript(copy)
                    guessed = read.metadata.get("interviewer_guessed")
                    outcome = _outcome(guessed)
                    rows.append(
                        {
                            "file": str(f.relative_to(ROOT)),
                            "kind": kind,
                            "guessed": guessed,
                            "outcome": outcome,
                        }
                    )
                    if kind != "as typed":
                        continue
                    spoken = [(u.speaker, read.text[u.start : u.end]) for u in read.turns]
                    for cut, guessed in _short_interviews(spoken).items():
                        short.append(
                            {
                                "file": str(f.relative_to(ROOT)),
                                "kind": cut,
                                "guessed": guessed,
                                "outcome": _outcome(guessed),
                            }
                        )
    kinds = ("as typed", "unpunctuated")
    cuts = list(dict.fromkeys(r["kind"] for r in short))
    counts = {
        kind: {
            k: sum(r["outcome"] == k for r in (*rows, *short) if r["kind"] == kind)
            for k in ("right", "wrong", "no guess")
        }
        for kind in (*kinds, *cuts)
    }
    n = len(rows) // 2
    meta = run_meta("", n_transcripts=n)  # no model or training data is involved
    del meta["training_data_sha256"]
    lines = [
        "# Guessing the interviewer of a transcript that names people",
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/interviewer_guess.py` "
        "(method in its docstring): the labelled interviewer of each interview transcript renamed "
        f"to '{NAME}', the file read again with the default labels.",
        "",
        "| words | transcripts | right | wrong (a participant taken) | no guess |",
        "|---|---|---|---|---|",
        *(
            f"| {kind} | {n} | {counts[kind]['right']} | {counts[kind]['wrong']} | "
            f"{counts[kind]['no guess']} |"
            for kind in kinds
        ),
        "",
        "Short interviews: the typed transcripts cut to their first turns, and again with a "
        "participant's break (`" + BREAK[0] + "`, then `" + BREAK[1] + "`) after their third turn.",
        "",
        "| cut to | transcripts | right | wrong (a participant taken) | no guess |",
        "|---|---|---|---|---|",
        *(
            f"| {cut} | {sum(counts[cut].values())} | {counts[cut]['right']} | "
            f"{counts[cut]['wrong']} | {counts[cut]['no guess']} |"
            for cut in cuts
        ),
        "",
    ]
    lines += [
        f"- {r['file']} ({r['kind']}): {r['outcome']}" for r in rows if r["outcome"] != "right"
    ]
    missed = [r for r in short if r["outcome"] != "right"]  # the rest are right
    results = {"meta": meta, "counts": counts, "rows": rows, "short_not_right": missed}
    write_results("interviewer_guess", results, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
