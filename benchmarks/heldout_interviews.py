"""How does the packaged model code whole interviews it has never seen?

``benchmarks/data/heldout_interviews/`` holds four synthetic interviews in the seed study's setting
(registered managers of community mental health providers, recovery-orientated practice), written
by one team member and coded blind, turn by turn, by another from the codebook and the gold
conventions (``gold.jsonl``; see that folder's README). Nothing in them was ever trained on, and
no model output was seen while coding them. Each participant segment that ``roqa code`` makes
(default segmentation) is scored against the gold codes of the turn it lies in.

Rows: the packaged model as it ships (with the interviewer's question as context, if its
``use_context`` is on); the answer alone; the embedding classifier alone (word model off, answer
alone); and the question mixed into the answer's embedding with weight w (``context_weight``). Columns, over the coded segments: top-1 / top-3 / domain accuracy, Cohen's
kappa, valence accuracy, ECE of the top-1 probability; then the share of uncoded segments
(procedural or off-framework) that the model sets aside (flagged novel or procedural), and the
share of coded segments it sets aside.

``benchmarks/data/heldout_other_settings/`` holds four more, built the same way in other settings
(a GP surgery, a hospital ward, a secondary school, a community pharmacy): ``--data`` scores them.
``benchmarks/data/heldout_unseen_settings/`` holds four in settings the training data does not
cover at all (home haemodialysis, genetic testing in oncology, mental-health first aiders in a
warehouse company, family integrated care in a neonatal unit).

Since session 17 every segment of all five sets is training data
(``training_data/interview_segments.jsonl``, ``benchmarks/interview_records.py``), so this script's
scores of the packaged model on them are in-sample; ``benchmarks/interview_training.py`` scores
each set with a model trained without it. The result files of earlier sessions were measured
while the sets were held out.

Run: ``OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/heldout_interviews.py [MODEL_DIR]
[--data DIR]`` (seconds with a warm embedding cache). Results:
``benchmarks/results/<DIR name>.{json,md}``.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import OUT, ROOT, cell  # noqa: E402

from roqa_nlp.io import atomic_write_text, read_text  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "heldout_interviews"
#: the same built in other settings (primary care, hospital, school, pharmacy)
OTHER_SETTINGS = ROOT / "benchmarks" / "data" / "heldout_other_settings"
#: and four in settings absent from the training data (dialysis, oncology genetics, warehouse, NICU)
UNSEEN_SETTINGS = ROOT / "benchmarks" / "data" / "heldout_unseen_settings"
#: and four more in the seed's setting, following the seed study's six-question topic guide
#: (session 8; written after every choice above, so a clean check of them)
SEED_GUIDE = ROOT / "benchmarks" / "data" / "heldout_seed_guide"
#: and four more in the seed's setting, in provider types the others lack (session 9; written
#: after session 8's exemplars for this setting, so a clean check of them)
PROVIDER_VOICES = ROOT / "benchmarks" / "data" / "heldout_provider_voices"
#: the five sets, by the short names the benchmarks print
INTERVIEW_SETS = {
    "seed setting": DATA,
    "covered": OTHER_SETTINGS,
    "unseen": UNSEEN_SETTINGS,
    "seed guide": SEED_GUIDE,
    "provider voices": PROVIDER_VOICES,
}
#: the sets written and coded blind to be trained on, as (session, short name, folder): five in
#: session 17, then four rounds of six in session 18 in settings the earlier sets cover thinly
#: and four more in the seed's setting; from session 18's second round the interviewer follows a
#: broad topic guide rather than a checklist of topics (see each folder's README)
WRITTEN_FOR_TRAINING = (
    (17, "acute care", "acute"),
    (17, "community and global", "community"),
    (17, "seed's setting", "seed"),
    (17, "justice and digital", "mixed"),
    (17, "seed's setting 2", "seed2"),
    (18, "US health systems", "us"),
    (18, "low- and middle-income", "lmic"),
    (18, "social care and schools", "social"),
    (18, "seed's setting 3", "seed3"),
    (18, "hospital care", "hospital"),
    (18, "allied health", "allied"),
    (18, "digital health", "digital"),
    (18, "public health", "publichealth"),
    (18, "seed's setting 4", "seed4"),
    (18, "long-term care", "longterm"),
    (18, "mental health services", "mentalhealth"),
    (18, "maternal and child", "maternalchild"),
    (18, "justice and asylum", "justice"),
    (18, "rural and indigenous", "rural"),
    (18, "seed's setting 5", "seed5"),
    (18, "specialist care", "specialty"),
    (18, "workforce and safety", "workforce"),
    (18, "substance use and HIV", "substance"),
    (18, "veterans' health", "va"),
    (18, "cancer care", "cancer"),
    (18, "seed's setting 6", "seed6"),
    (18, "primary care", "primarycare"),
    (18, "low-resource settings", "lowresource"),
    (18, "families and schools", "family"),
    (19, "seed's setting 7", "seed7"),
    (19, "seed's setting 8", "seed8"),
    (19, "emergency and urgent care", "emergency"),
    (19, "disability services", "disability"),
    (19, "homelessness and refugees", "homeless"),
    (19, "chronic disease", "chronic"),
    (19, "patient safety", "safety"),
    (19, "young people", "youth"),
)
#: every interview set trained on (``interview_records.py``), by short name
TRAINED_SETS = {
    **INTERVIEW_SETS,
    **{
        f"{name} (s{session})": ROOT / "benchmarks" / "data" / f"interviews_s{session}_{folder}"
        for session, name, folder in WRITTEN_FOR_TRAINING
    },
}
TITLES = {
    DATA.name: "the seed's setting",
    OTHER_SETTINGS.name: "other settings",
    UNSEEN_SETTINGS.name: "settings absent from the training data",
    SEED_GUIDE.name: "the seed's setting, the seed study's topic guide",
    PROVIDER_VOICES.name: "the seed's setting, other provider types",
}
MIXES = (0.1, 0.2, 0.3)


@dataclass
class HeldOut:
    """The participant segments of the held-out interviews with their turns' gold coding."""

    transcripts: list[str]
    texts: list[str]
    questions: list[str]
    codes: list[list[str]]
    valences: list[str]
    turns: list[int]  # the gold turn (from 1) each segment lies in
    notes: list[str]  # that turn's coder's note (an uncoded turn's starts "procedural:" or
    # "off-framework:")


def heldout_segments(
    codebook: Any,
    unit: str = "window",
    data: Path = DATA,
    *,
    max_tokens: int | None = None,
    count_tokens: Any = None,
) -> HeldOut:
    """Segment the interviews as ``roqa code`` does and give each segment its turn's gold.

    As ``roqa code`` does means with the packaged model's ``max_tokens`` and the word pieces its
    tokenizer counts (``count_tokens``: default, the packaged embedding model's counter). Until
    session 10 this called ``segment`` without a counter, so windows were cut by the conservative
    estimate (1.5 word pieces per word) and long turns were split more often than ``roqa code``
    splits them (165 segments instead of 108 in the unseen-settings set).

    A segment belongs to the first gold turn, at or after the previous segment's, whose text
    holds it (a short sentence such as "Yes." can occur in several turns).
    """
    from roqa_nlp.autocoder import DEFAULT_PARAMS
    from roqa_nlp.embedding import Embedder
    from roqa_nlp.transcripts import read_transcript
    from roqa_nlp.transcripts.segment import segment

    if count_tokens is None:
        count_tokens = Embedder().count_tokens()
    if max_tokens is None:
        max_tokens = int(DEFAULT_PARAMS["max_tokens"])

    gold = [json.loads(line) for line in read_text(data / "gold.jsonl").splitlines() if line]
    out = HeldOut([], [], [], [], [], [], [])
    for path in sorted(data.glob("*.txt")):
        turns = [g for g in gold if g["transcript"] == path.stem]
        k = 0
        for s in segment(
            read_transcript(path), unit=unit, max_tokens=max_tokens, count_tokens=count_tokens
        ):
            if s.role != "participant":
                continue
            while k < len(turns) and s.text not in turns[k]["text"]:
                k += 1
            if k == len(turns):
                raise SystemExit(f"{path.name}: segment {s.id} is in no later gold turn")
            g = turns[k]
            for c in g["codes"]:
                codebook.resolve(c, where=data / "gold.jsonl")
            out.transcripts.append(path.stem)
            out.texts.append(s.text)
            out.questions.append(s.context or "")
            out.codes.append(list(g["codes"]))
            out.valences.append(g["valence"])
            out.turns.append(int(g["turn"]))
            out.notes.append(str(g.get("note", "")))
    return out


def scores(
    ac: Any, data: HeldOut, X: np.ndarray, contexts: list[str] | None = None
) -> dict[str, Any]:
    """The metrics of one way of coding (embeddings ``X`` of the segments; ``contexts``, the
    questions, when ``X`` reads them, as the packaged model does)."""
    from roqa_nlp.evaluation import construct_metrics

    rows, pvals, _, proc, _ = ac._suggest_rows(X, len(ac.codebook.codable), data.texts, contexts)
    aside = np.asarray(pvals) < float(ac.params["alpha"])
    aside |= np.asarray(proc, dtype=bool)
    m = construct_metrics(
        data.codes,
        [[s.code_id for s in r] for r in rows],
        [r[0].probability for r in rows],
        domain_of={c.id: c.domain for c in ac.codebook.codable},
        gold_valence=[v if c else "" for v, c in zip(data.valences, data.codes)],
        pred_valence=[r[0].valence for r in rows],
    )
    coded = np.array([bool(c) for c in data.codes])
    keys = ("construct_top1", "construct_top3", "domain_accuracy", "construct_kappa")
    out = {k: round(float(m[k]), 3) for k in keys}
    out["valence_accuracy"] = round(float(m["valence_accuracy"]), 3)
    out["ece"] = round(float(m["ece"]), 3)
    out["uncoded_set_aside"] = round(float(aside[~coded].mean()), 3)
    out["coded_set_aside"] = round(float(aside[coded].mean()), 3)
    return out


def main() -> None:
    import argparse

    from roqa_nlp.autocoder import AutoCoder

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", nargs="?", help="model directory (default: the packaged model)")
    ap.add_argument("--data", type=Path, default=DATA, help="interviews and gold.jsonl")
    args = ap.parse_args()
    ac = AutoCoder.load(args.model)
    dataset = args.data.name
    data = heldout_segments(ac.codebook, ac.params["unit"], args.data)
    X = ac.embedder.encode(data.texts)
    Q = ac.embedder.encode(data.questions) * np.asarray([bool(q) for q in data.questions])[:, None]

    def mixed(w: float) -> np.ndarray:
        Z = X + w * Q
        return Z / np.linalg.norm(Z, axis=1)[:, None]

    shipped = ac._inputs(data.texts, data.questions)  # what `roqa code` gives the classifier
    rows: dict[str, dict[str, Any]] = {"packaged model": scores(ac, data, shipped, data.questions)}
    rows["answer alone"] = scores(ac, data, X)
    weight = ac.params["lexical_weight"]
    ac.params["lexical_weight"] = 0.0
    rows["embedding classifier alone (answer alone)"] = scores(ac, data, X)
    ac.params["lexical_weight"] = weight
    for w in MIXES:
        rows[f"question as context, w = {w}"] = scores(ac, data, mixed(w))
    n_coded = sum(1 for c in data.codes if c)
    meta = {
        "date": date.today().isoformat(),
        "model_sha256": ac.card.get("model_sha256"),
        "use_context": ac.params.get("use_context"),
        "context_weight": ac.params.get("context_weight"),
        "n_segments": len(data.texts),
        "n_coded": n_coded,
        "interviews": sorted(set(data.transcripts)),
    }
    print(json.dumps(rows, indent=1))
    OUT.mkdir(parents=True, exist_ok=True)
    # Every set is training data since session 17 (TRAINED_SETS): the packaged model scores them
    # in sample, which must not overwrite the held-out record of the sessions before. A model
    # given by folder (one trained without them) is scored as held out.
    in_sample = args.model is None and args.data.resolve() in {
        p.resolve() for p in TRAINED_SETS.values()
    }
    stem = f"{dataset}_in_sample" if in_sample else dataset
    atomic_write_text(
        OUT / f"{stem}.json",
        json.dumps({"meta": {**meta, "in_sample": in_sample}, "rows": rows}, indent=1) + "\n",
    )
    lines = [
        ("# In sample (trained on since session 17): " if in_sample else "# Held-out interviews: ")
        + TITLES.get(dataset, dataset),
        "",
        f"Measured {meta['date']} with model {str(meta['model_sha256'])[:12]}…; "
        f"{len(meta['interviews'])} interviews, {meta['n_segments']} participant segments, "
        f"{n_coded} coded (`benchmarks/data/{dataset}/`, "
        f"{'in the training data: not a check of generalisation' if in_sample else 'never trained on'}). Produced by "
        f"`benchmarks/heldout_interviews.py{'' if dataset == DATA.name else ' --data ' + str(args.data)}`. "
        f"The packaged model codes with the question as context: {meta['use_context']}, "
        f"w = {meta['context_weight']}.",
        "",
        "| coding | top-1 / top-3 / domain | kappa | valence | ECE | uncoded set aside "
        "| coded set aside |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        acc = cell([r["construct_top1"], r["construct_top3"], r["domain_accuracy"]])
        lines.append(
            f"| {name} | {acc} | {r['construct_kappa']:.3f} | {r['valence_accuracy']:.3f} "
            f"| {r['ece']:.3f} | {r['uncoded_set_aside']:.3f} | {r['coded_set_aside']:.3f} |"
        )
    lines.append("")
    atomic_write_text(OUT / f"{stem}.md", "\n".join(lines))


if __name__ == "__main__":
    main()
