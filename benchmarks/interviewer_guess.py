"""How often is the interviewer of a transcript that names people, not roles, guessed right?

Zoom transcripts name their speakers ("Sam Roe: ..."), so no label says who interviewed.
:func:`roqa_nlp.transcripts.roles.guess_interviewer` then takes the speaker who asks the questions
as the interviewer when that is clear-cut. This takes every interview transcript of
``examples/interviews`` and ``benchmarks/data`` whose interviewer is labelled (``Interviewer:``),
renames that label to a person's name, reads the file again with the default labels, and counts
whether the guess is that person, another speaker (the costly mistake: a participant's talk would
be skipped), or no one (everyone's talk coded, with a warning, as before the guess existed).

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
                copy = Path(tmp) / f.name
                copy.write_text(renamed, "utf-8")
                guessed = read_transcript(copy).metadata.get("interviewer_guessed")
                outcome = "right" if guessed == NAME else "wrong" if guessed else "no guess"
                rows.append(
                    {"file": str(f.relative_to(ROOT)), "guessed": guessed, "outcome": outcome}
                )
    counts = {k: sum(r["outcome"] == k for r in rows) for k in ("right", "wrong", "no guess")}
    meta = run_meta("", n_transcripts=len(rows))  # no model or training data is involved
    del meta["training_data_sha256"]
    lines = [
        "# Guessing the interviewer of a transcript that names people",
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/interviewer_guess.py` "
        "(method in its docstring): the labelled interviewer of each interview transcript renamed "
        f"to '{NAME}', the file read again with the default labels.",
        "",
        "| transcripts | right | wrong (a participant taken) | no guess |",
        "|---|---|---|---|",
        f"| {len(rows)} | {counts['right']} | {counts['wrong']} | {counts['no guess']} |",
        "",
    ]
    lines += [f"- {r['file']}: {r['outcome']}" for r in rows if r["outcome"] != "right"]
    write_results("interviewer_guess", {"meta": meta, "counts": counts, "rows": rows}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
