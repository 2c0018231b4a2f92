"""What the model makes of an answer that ends with a sign-off: thanks, an apology, "anyway".

A blind tester's P04 answered "Is there anything else you'd like to say?" with "Um, just, look
after the managers. Everyone talks about staff wellbeing, but nobody asks the manager how they
are. This is the first time in months anyone's asked me anything about me. Anyway. Sorry. Thank
you." Read whole, the packaged model gave the procedural class 0.29 (its top code 0.19), so the
answer was set aside as procedural talk; read without "Anyway. Sorry. Thank you." it gives 0.02
(s50 wholeint, finding 1). Since session 50 the model reads an answer without the sign-off it
ends with (:func:`roqa_nlp.transcripts.closings.before_sign_off`: ``data/sign_offs.txt``, with
the goodbyes of ``data/sign_off_goodbyes.txt`` among them).

Two measurements, each segment read with its question as ``roqa code`` reads it:

1. real answers: every participant segment of ``examples/interviews`` and ``benchmarks/data``
   that ends with a sign-off (or a goodbye alone) after something else, read whole (as before),
   without the sign-off (as now), and without a goodbye alone
   too (tried first), with the number of words before it and the gold codes where the set has
   a ``gold.jsonl`` (a segment is matched to the gold turn that holds its text). The packaged
   model was trained on most of these segments read whole (``training_data/
   interview_segments.jsonl``), so the whole reading is in sample: a change is a cost;
2. written replies: short procedural replies (consent, a line come back, a dog) that end with
   thanks or an apology, read whole and without it: how many stay procedural.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/sign_offs.py`` (a few minutes).
Results: ``benchmarks/results/sign_offs.{json,md}``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from closing_content import _said, flags, team_segments  # noqa: E402
from scoring import ROOT, run_meta, write_results  # noqa: E402

HOWS = ("whole", "without the sign-off", "without a goodbye alone too")

#: written for this benchmark by the roqa_nlp team: (the interviewer's words, the reply)
SHORT = (
    ("Are you happy for me to start recording?", "Yes, that's fine. Thanks."),
    ("Can you hear me now?", "Yes, I can hear you now. Sorry."),
    ("Shall I go ahead?", "Okay, go ahead. Thank you."),
    ("Are you there?", "Sorry, I was on mute. Sorry."),
    ("Have you had a chance to read the information sheet?",
     "Yes, I've read the sheet and I'm happy to go ahead. Thanks."),
    ("Is everything okay?", "Sorry, the dog was barking, she's gone out now. Sorry about that."),
    ("Do you consent to the interview being recorded?",
     "Yes, I consent to being recorded. Thank you."),
    ("Hi, can you hear me?", "Hi, yes, I can hear you fine. Thanks."),
    ("Shall we get started?", "Yes, go on, I've got about half an hour. Cheers."),
    ("How are you today?", "Fine, thanks, bit of a busy morning but fine. Thank you."),
)  # fmt: skip


def readings(texts: list[str]) -> dict[str, list[str]]:
    """What the model reads of ``texts`` each way (:data:`HOWS`)."""
    from roqa_nlp.autocoder import words_read
    from roqa_nlp.transcripts import backchannels, closings

    def with_goodbyes(*names: str) -> frozenset[tuple[str, ...]]:
        if names == (closings.SIGN_OFFS,):  # a goodbye is a sign-off
            names = (closings.SIGN_OFFS, closings.SIGN_OFF_GOODBYES)
        return backchannels.phrases_of(*names)

    out: dict[str, list[str]] = {}
    with mock.patch.object(closings, "before_sign_off", lambda words: words):
        out["whole"] = [words_read(t) for t in texts]
    out["without the sign-off"] = [words_read(t) for t in texts]
    with mock.patch.object(closings, "phrases_of", with_goodbyes):
        out["without a goodbye alone too"] = [words_read(t) for t in texts]
    return out


def real(ac: Any) -> list[dict[str, Any]]:
    from roqa_nlp.transcripts.backchannels import words_of

    def changed(text: str) -> bool:
        read = readings([text])
        return read["whole"] != read["without a goodbye alone too"]

    rows: list[dict[str, Any]] = []
    for f, segs, gold in team_segments(ac, changed):
        texts = [s.text for s in segs]
        contexts = [s.context if ac.params.get("use_context") else "" for s in segs]
        read = readings(texts)
        got = {how: flags(ac, texts, read[how], contexts) for how in HOWS}
        for k, s in enumerate(segs):
            turn = next((g for g in gold if s.text in g["text"]), None)
            rest = read["without a goodbye alone too"][k]
            rows.append(
                {
                    "file": str(f.relative_to(ROOT)),
                    "text": s.text,
                    "words_before": len(words_of(rest)),
                    "goodbye_alone": read["without the sign-off"][k] == read["whole"][k],
                    "gold": None if turn is None else turn["codes"],
                    **{how: got[how][k] for how in HOWS},
                }
            )
    return sorted(rows, key=lambda r: r["words_before"])


def short(ac: Any) -> dict[str, Any]:
    texts, contexts = [t for _, t in SHORT], [q for q, _ in SHORT]
    read = readings(texts)
    got = {how: flags(ac, texts, read[how], contexts) for how in HOWS[:2]}
    return {
        "n": len(texts),
        **{how: sum(g["procedural"] for g in got[how]) for how in HOWS[:2]},
        "lost": [t for t, g in zip(texts, got[HOWS[1]], strict=True) if not g["procedural"]],
    }


def main() -> None:
    from roqa_nlp.autocoder import AutoCoder

    ac = AutoCoder.load()
    rows, sh = real(ac), short(ac)
    trained_on = ac.card.get("training_data", {}).get("sha256", "")
    meta = run_meta(trained_on, n_real=len(rows))

    def count(how: str, goodbye_alone: bool) -> str:
        mine = [r for r in rows if r["goodbye_alone"] == goodbye_alone]
        moved = sum(_said(r[how]) != _said(r["whole"]) for r in mine)
        return f"{moved} of {len(mine)}"

    lines = [
        "# Answers that end with a sign-off",
        "",
        f"Measured {meta['date']} on {meta['machine']} by `benchmarks/sign_offs.py` (method in "
        f"its docstring), packaged model {str(ac.card.get('model_sha256'))[:12]}…",
        "",
        f"## Real answers ({len(rows)} participant segments of the team-written interviews that "
        "end with a sign-off or a goodbye after something else)",
        "",
        "Segments whose flag or top code changes from the whole reading: ending with a sign-off, "
        f"read without it: {count(HOWS[1], False)}; ending with a goodbye alone, read without it: "
        f"{count(HOWS[2], True)}.",
        "",
        "| file | segment's end | words before | gold codes | " + " | ".join(HOWS) + " |",
        "|---|---|---|---|---|---|---|",
        *(
            f"| {x['file']} | {x['text'][-70:]} | {x['words_before']} | "
            f"{'-' if x['gold'] is None else ', '.join(x['gold']) or 'none'} | "
            + " | ".join(_said(x[how]) for how in HOWS)
            + " |"
            for x in rows
        ),
        "",
        f"## Written short replies ({sh['n']}, procedural talk that ends with thanks or an "
        "apology)",
        "",
        f"Procedural read whole: {sh[HOWS[0]]}; read without the sign-off: {sh[HOWS[1]]}. No "
        "longer procedural so: " + ("; ".join(f'"{t}"' for t in sh["lost"]) or "none") + ".",
        "",
    ]
    write_results("sign_offs", {"meta": meta, "real": rows, "short": sh}, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
