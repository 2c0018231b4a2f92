"""Out-of-sample outputs for every segment of the team-written interview sets, by grouped folds.

The interview sets (``heldout_interviews.TRAINED_SETS``) are split into ``k`` folds of whole sets
(set ``i`` in fold ``i % k``, in the order the sets are listed). For each fold the whole pipeline
is trained as packaged on the other training files plus the other folds' sets, and every segment
of the fold's sets (coded or not, segmented as ``roqa code`` segments them, the question as
context as packaged) keeps what that model says of it: the embedding classifier's uncalibrated
log-probabilities and temperature, the word model's log-probabilities and the combination's
temperature, the two novelty p-values of the ``"combined"`` score and the valence
probabilities. Scripts that compare ways of reading these outputs (``novelty_ranking.py``)
then need no training of their own. Five folds take about five minutes with a warm embedding
cache, against twenty for leaving each set out (``interview_training.py``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS, heldout_segments  # noqa: E402
from interview_records import OUT as INTERVIEWS  # noqa: E402
from interview_records import (
    SETTING_PREFIX,  # noqa: E402
    base_and_interviews,  # noqa: E402
)


@dataclass
class FoldOutputs:
    """Per segment (rows): ``set`` and ``fold``, gold ``codes`` (tuple, empty when uncoded),
    ``kind`` (``coded``, ``procedural`` or ``off-framework``, as the interview records name it),
    ``has_question``, gold ``valence``; ``log_p`` (embedding, uncalibrated) and ``words`` (word
    model) log-probabilities over ``classes``; ``temperature`` (embedding) and
    ``combined_temperature`` per row (each fold model's own); ``p_none`` and ``p_max_prob``,
    the conformal p-values of the two scores the ``"combined"`` novelty score joins;
    ``valence_p`` over ``valence_classes``."""

    classes: list[str]
    valence_classes: list[str]
    set: list[str]
    fold: np.ndarray
    codes: list[tuple[str, ...]]
    kind: np.ndarray
    has_question: np.ndarray
    valence: list[str]
    log_p: np.ndarray
    words: np.ndarray
    temperature: np.ndarray
    combined_temperature: np.ndarray
    p_none: np.ndarray
    p_max_prob: np.ndarray
    valence_p: np.ndarray


def fold_outputs(k: int = 5) -> tuple[FoldOutputs, str]:
    """Train one model per fold and collect its outputs on the fold's sets; also returns the
    SHA-256 of the training data without the interview records."""
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.prediction import calibrated_probabilities, conformal_p_values
    from roqa_nlp.prediction import nonconformity_scores as raw_scores

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    kind_of = {}
    for line in INTERVIEWS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        kind_of[r["text"]] = r.get("kind") or ("coded" if r["codes"] else "off-framework")
    names = list(TRAINED_SETS)
    rows: dict[str, list[Any]] = {}
    arrays: dict[str, list[np.ndarray]] = {}
    classes: list[str] = []
    valence_classes: list[str] = []
    for f in range(k):
        held = names[f::k]
        groups = tuple(SETTING_PREFIX + TRAINED_SETS[n].name for n in held)
        keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(groups)]
        ac = AutoCoder(book, embedder=emb, params=params).fit(base.extend(interviews.subset(keep)))
        clf, det = ac._require_predictor()
        classes = [str(c) for c in clf.classes_]
        valence_classes = [str(v) for v in clf.valence_classes_]
        col = {c: j for j, c in enumerate(ac._lexical.classes_)}
        for name in held:
            h = heldout_segments(book, "window", TRAINED_SETS[name])
            X = ac._inputs(h.texts, h.questions)
            log_p = clf.log_probabilities(X)
            P = calibrated_probabilities(log_p, clf.temperature_)
            raw = raw_scores("combined", X, P, classes, X[:0], 1)
            cal = det.calibration_scores_
            n = len(h.texts)
            new = {
                "log_p": log_p,
                "words": ac._lexical.log_probabilities(h.texts)[:, [col[c] for c in classes]],
                "temperature": np.full(n, clf.temperature_),
                "combined_temperature": np.full(n, ac._lexical.temperature_),
                "p_none": conformal_p_values(cal[:, 0], raw[:, 0]),
                "p_max_prob": conformal_p_values(cal[:, 1], raw[:, 1]),
                "valence_p": clf.predict_valence_proba(X),
                "fold": np.full(n, f),
                "kind": np.array(
                    [
                        "coded" if c else kind_of.get(t, "off-framework")
                        for t, c in zip(h.texts, h.codes)
                    ]
                ),
                "has_question": np.array([bool(q) for q in h.questions]),
            }
            for key, value in new.items():
                arrays.setdefault(key, []).append(value)
            rows.setdefault("set", []).extend([name] * n)
            rows.setdefault("codes", []).extend(tuple(c) for c in h.codes)
            rows.setdefault("valence", []).extend(v or "" for v in h.valences)
            print(f"fold {f}: {name} ({n} segments)", flush=True)
    joined = {key: np.concatenate(value) for key, value in arrays.items()}
    out = FoldOutputs(classes=classes, valence_classes=valence_classes, **rows, **joined)
    return out, base.hash
