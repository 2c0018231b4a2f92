"""Write the team-written interview sets' segments as training records.

The five interview sets under ``benchmarks/data/heldout_*`` (20 synthetic interviews written and
coded blind by the team, sessions 6-9) were scored as held-out speech until session 17, when
leave-one-set-out training showed that each set's coded segments help the others
(``benchmarks/interview_training.py``, ``results/interview_training.md``). Five more sets were
then written and coded blind to be trained on (``benchmarks/data/interviews_s17_*``), and
twenty-four more in session 18 (``interviews_s18_*``; the sets are listed in
``heldout_interviews.TRAINED_SETS``). Trained on the first three session-17 sets' coded segments
alone, the model took plain career stories for Structural Characteristics (two of their coders
code a career turn that ends on the organisation's make-up as such), so the uncoded segments are
trained on too, as procedural or off-framework talk (the kind their coder's note starts with):
see ``results/classifier_comparison.md``, session 17.

This writes them as ``training_data/interview_segments.jsonl``: each participant segment as
``roqa code`` makes it (the packaged model's window size and tokenizer) with its turn's codes
and valence, or its turn's kind when the turn has no code, and the interviewer's question before
the turn as its ``context`` (session 21: the question model learns which codes a question leads
to; the classifier learns from the answer alone). The gold example interviews in
``examples/`` are not among them: they stay evaluation data.

The records in ``training_data/`` were written before session 32, with long turns packed greedily
into windows; since then ``roqa code`` cuts them into windows of even size
(``results/balanced_windows.md``), so re-running this changes the text of 946 of the 4,809
records (not their number). Session 33 trained on those re-cut records instead
(``balanced_records.py``, ``results/balanced_records.md``): held out, pooled over 3,701 coded
segments, top-1 / top-3 / domain hits 2,548 / 3,256 / 3,058 (records on disk) against 2,551 /
3,245 / 3,046 (re-cut), so by the rule written before scoring the records on disk are kept and
this script is not re-run to write them.

Run: ``.venv/bin/python benchmarks/interview_records.py`` (seconds); deterministic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import (  # noqa: E402
    TRAINED_SETS,
    heldout_segments,
)
from scoring import ROOT  # noqa: E402

from roqa_nlp.io import atomic_write_text  # noqa: E402

#: the interview sets trained on, in the order their records are written
SETS = tuple(TRAINED_SETS.values())
OUT = ROOT / "training_data" / "interview_segments.jsonl"
#: a record's ``setting``: its set, so grouped cross-validation holds a whole set out
SETTING_PREFIX = "team-written interviews: "


def records() -> list[dict[str, object]]:
    """Every participant segment of the sets as a training record: a coded turn's segments with
    its codes, an uncoded turn's as the kind of talk its coder's note starts with."""
    from roqa_nlp.codebook import Codebook

    book = Codebook.load("cfir-2009")
    out: list[dict[str, object]] = []
    for folder in SETS:
        h = heldout_segments(book, "window", folder)
        rel = folder.relative_to(ROOT).as_posix()
        n: dict[str, int] = {}
        for transcript, text, codes, valence, turn, note, question in zip(
            h.transcripts, h.texts, h.codes, h.valences, h.turns, h.notes, h.questions
        ):
            n[transcript] = n.get(transcript, 0) + 1
            record: dict[str, object] = {
                "id": f"iv-{folder.name.removeprefix('heldout_')}-{transcript}-{n[transcript]:02d}",
                "text": text,
                "codes": list(codes),
                "valence": valence,
                "setting": SETTING_PREFIX + folder.name,
                "voice": "interview participant",
                "transcript": f"{rel}/{transcript}.txt",
                "turn": turn,
                "source": "team-written",
                # a window carries its whole turn's codes, which it may not show itself
                "evidence": False,
                "provenance": (
                    "A participant segment of a synthetic interview the roqa_nlp team wrote in its "
                    f"own words ({rel}/{transcript}.txt, turn {turn}), coded blind by another team "
                    "member (gold.jsonl there); segmented as roqa code segments it. Not taken "
                    "from any publication."
                ),
            }
            if not codes:
                record["kind"] = note.split(":", 1)[0]
            if question:
                # the interviewer's question before the turn: the question model learns from it
                # (the classifier learns from the answer alone)
                record["context"] = question
            out.append(record)
    return out


def base_and_interviews(book: Any) -> tuple[Any, Any]:
    """The training files without the interview records (construct descriptions added, as
    ``roqa train`` adds them) and the interview records alone, as two ``TrainingSet``s."""
    import shutil
    import tempfile

    from roqa_nlp.training import load_training_set

    with tempfile.TemporaryDirectory() as tmp:
        for p in sorted((ROOT / "training_data").glob("*.jsonl")):
            if p != OUT:
                shutil.copy(p, tmp)
        base = load_training_set(Path(tmp), book)
    return base, load_training_set(OUT, book, descriptions=False)


def main() -> None:
    rows = records()
    atomic_write_text(OUT, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    print(f"{len(rows)} records -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
