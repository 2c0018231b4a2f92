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


def main() -> None:
    from roqa_nlp.transcripts import read_transcript

    rows: list[dict[str, str | None]] = []
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
                    guessed = read_transcript(copy).metadata.get("interviewer_guessed")
                    outcome = "right" if guessed == NAME else "wrong" if guessed else "no guess"
                    rows.append(
                        {
                            "file": str(f.relative_to(ROOT)),
                            "kind": kind,
                            "guessed": guessed,
                            "outcome": outcome,
                        }
                    )
    kinds = ("as typed", "unpunctuated")
    counts = {
        kind: {
            k: sum(r["outcome"] == k for r in rows if r["kind"] == kind)
            for k in ("right", "wrong", "no guess")
        }
        for kind in kinds
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
    ]
    lines += [
        f"- {r['file']} ({r['kind']}): {r['outcome']}" for r in rows if r["outcome"] != "right"
    ]
    write_results("interviewer_guess", {"meta": meta, "counts": counts, "rows": rows}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
