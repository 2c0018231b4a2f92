"""Out-of-sample outputs for every segment of the team-written interview sets, by grouped folds.

The interview sets (``heldout_interviews.TRAINED_SETS``) are split into ``k`` folds of whole sets
(set ``i`` in fold ``i % k``, in the order the sets are listed). For each fold the whole pipeline
is trained as packaged on the other training files plus the other folds' sets, and every segment
of the fold's sets (coded or not, segmented as ``roqa code`` segments them, the question as
context as packaged) keeps what that model says of it: the embedding classifier's uncalibrated
log-probabilities and temperature, the word model's log-probabilities and the combination's
temperature, and the two novelty p-values of the ``"combined"`` score. Scripts that compare ways of reading these outputs (``novelty_ranking.py``)
then need no training of their own. Five folds take about five minutes with a warm embedding
cache, against twenty for leaving each set out (``interview_training.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from heldout_interviews import TRAINED_SETS, heldout_segments  # noqa: E402
from interview_records import SETTING_PREFIX, base_and_interviews  # noqa: E402


@dataclass
class FoldOutputs:
    """Per segment (rows): ``set`` and ``fold``, gold ``codes`` (tuple, empty when uncoded),
    ``kind`` (``coded``, or for an uncoded turn ``procedural`` or ``off-framework``, as its
    coder's note starts, which is the kind its training record has), ``has_question``;
    ``log_p`` (embedding, uncalibrated) and ``words`` (word model) log-probabilities over
    ``classes``; ``temperature`` (embedding) and ``combined_temperature`` per row (each fold
    model's own); ``p_none`` and ``p_max_prob``, the conformal p-values of the two scores the
    ``"combined"`` novelty score joins."""

    classes: list[str]
    set: list[str]
    fold: np.ndarray
    codes: list[tuple[str, ...]]
    kind: np.ndarray
    has_question: np.ndarray
    log_p: np.ndarray
    words: np.ndarray
    temperature: np.ndarray
    combined_temperature: np.ndarray
    p_none: np.ndarray
    p_max_prob: np.ndarray


def combined_p_values(
    det: Any, X: np.ndarray, P: np.ndarray, classes: list[str]
) -> tuple[np.ndarray, np.ndarray]:
    """The conformal p-values of the two scores the ``"combined"`` novelty score joins
    (``"none"``, ``"max_prob"``) for rows ``X`` with calibrated probabilities ``P``, against the
    detector ``det``'s calibration scores; the flag needs both below alpha."""
    from roqa_nlp.prediction import conformal_p_values, nonconformity_scores

    raw = nonconformity_scores("combined", X, P, classes, X[:0], 1)
    cal = det.calibration_scores_
    return conformal_p_values(cal[:, 0], raw[:, 0]), conformal_p_values(cal[:, 1], raw[:, 1])


def packaged_and_data() -> tuple[Any, Any, Any, list[dict[str, object]], dict[str, list[Any]]]:
    """The packaged AutoCoder; the training files without the interview records and the
    interview records (``interview_records.base_and_interviews``); the coded quotes of the quote
    sets and the same as a scoring set (``quote_sets.coded_quotes``)."""
    from quote_sets import coded_quotes

    from roqa_nlp.autocoder import AutoCoder

    packaged = AutoCoder.load()
    base, interviews = base_and_interviews(packaged.codebook)
    return packaged, base, interviews, *coded_quotes(packaged.codebook)


def refit(packaged: Any, ts: Any, **params: Any) -> Any:
    """The pipeline trained on ``ts`` as ``packaged`` was trained: its codebook, embedder and
    parameters, ``params`` overriding them."""
    from roqa_nlp.autocoder import AutoCoder

    return AutoCoder(
        packaged.codebook, embedder=packaged.embedder, params={**packaged.params, **params}
    ).fit(ts)


def fold_training(
    base: Any, interviews: Any, k: int = 5, folds: list[list[str]] | None = None
) -> Iterator[tuple[int, list[str], Any]]:
    """For each of ``k`` folds (set ``i`` in fold ``i % k``), or each of ``folds`` (lists of set
    names): its number, the names of its interview sets and the training set without them
    (``base`` plus the other folds' interview records)."""
    names = list(TRAINED_SETS)
    for f, held in enumerate(folds if folds is not None else [names[f::k] for f in range(k)]):
        groups = tuple(SETTING_PREFIX + TRAINED_SETS[n].name for n in held)
        keep = [i for i, g in enumerate(interviews.groups) if not g.endswith(groups)]
        yield f, held, base.extend(interviews.subset(keep))


def authoring_rounds() -> list[list[str]]:
    """The interview sets by the round they were written in: sessions 6-9 (the five first held-out
    sets), 17, 18 and 19; holding a whole round out is a stronger test than a fold of sets."""
    rounds: dict[str, list[str]] = {}
    for name, folder in TRAINED_SETS.items():
        tag = next((t for t in ("s17", "s18", "s19") if f"_{t}_" in folder.name), "s6-9")
        rounds.setdefault(tag, []).append(name)
    return list(rounds.values())


def coded_segments(book: Any, name: str) -> dict[str, list[Any]]:
    """The coded segments of interview set ``name`` that state a valence, segmented as ``roqa
    code`` segments them, as a scoring set (``scoring.picked``, with their questions)."""
    from scoring import picked

    h = heldout_segments(book, "window", TRAINED_SETS[name])
    coded = [i for i, c in enumerate(h.codes) if c and h.valences[i]]
    return picked(coded, h.texts, h.codes, h.valences, h.questions)


def seed_setting_sets() -> list[str]:
    """The eleven interview sets in the seed's setting (TITLES in heldout_interviews.py)."""
    return [s for s in TRAINED_SETS if "seed" in s or s == "provider voices"]


@dataclass
class SetHits:
    """Hits per interview set at each value of a setting, summarised against a reference value:
    ``per_set[value][set] = [hits, n]``."""

    per_set: dict[float, dict[str, list[int]]]
    reference: float

    @property
    def seed_sets(self) -> list[str]:
        return seed_setting_sets()

    def pooled(self, sets: list[str] | None = None) -> dict[float, float]:
        """Hits over the segments of ``sets`` (default: all), per value."""
        names = list(TRAINED_SETS) if sets is None else sets
        return {
            v: round(sum(s[n][0] for n in names) / sum(s[n][1] for n in names), 3)
            for v, s in self.per_set.items()
        }

    def better_worse(self) -> dict[float, tuple[int, int]]:
        """Sets with more / fewer hits than at the reference value, per value."""
        ref = self.per_set[self.reference]
        return {
            v: (
                sum(s[n][0] > ref[n][0] for n in TRAINED_SETS),
                sum(s[n][0] < ref[n][0] for n in TRAINED_SETS),
            )
            for v, s in self.per_set.items()
        }


def fold_outputs(k: int = 5) -> tuple[FoldOutputs, str]:
    """Train one model per fold and collect its outputs on the fold's sets; also returns the
    SHA-256 of the training data without the interview records."""
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.prediction import calibrated_probabilities

    packaged = AutoCoder.load()
    book, emb, params = packaged.codebook, packaged.embedder, packaged.params
    base, interviews = base_and_interviews(book)
    rows: dict[str, list[Any]] = {}
    arrays: dict[str, list[np.ndarray]] = {}
    classes: list[str] = []
    for f, held, ts in fold_training(base, interviews, k):
        ac = AutoCoder(book, embedder=emb, params=params).fit(ts)
        clf, det = ac._require_predictor()
        classes = [str(c) for c in clf.classes_]
        col = {c: j for j, c in enumerate(ac._lexical.classes_)}
        for name in held:
            h = heldout_segments(book, "window", TRAINED_SETS[name])
            X = ac._inputs(h.texts, h.questions)
            log_p = clf.log_probabilities(X)
            p_none, p_max_prob = combined_p_values(
                det, X, calibrated_probabilities(log_p, clf.temperature_), classes
            )
            n = len(h.texts)
            new = {
                "log_p": log_p,
                "words": ac._lexical.log_probabilities(h.texts)[:, [col[c] for c in classes]],
                "temperature": np.full(n, clf.temperature_),
                "combined_temperature": np.full(n, ac._lexical.temperature_),
                "p_none": p_none,
                "p_max_prob": p_max_prob,
                "fold": np.full(n, f),
                "kind": np.array(
                    ["coded" if c else note.split(":", 1)[0] for c, note in zip(h.codes, h.notes)]
                ),
                "has_question": np.array([bool(q) for q in h.questions]),
            }
            for key, value in new.items():
                arrays.setdefault(key, []).append(value)
            rows.setdefault("set", []).extend([name] * n)
            rows.setdefault("codes", []).extend(tuple(c) for c in h.codes)
            print(f"fold {f}: {name} ({n} segments)", flush=True)
    joined = {key: np.concatenate(value) for key, value in arrays.items()}
    out = FoldOutputs(classes=classes, **rows, **joined)
    return out, base.hash
