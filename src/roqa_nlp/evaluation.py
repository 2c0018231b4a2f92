"""Metrics of a model's suggestions against labelled records (``roqa evaluate``).

Construct metrics are over the coded records (gold ≠ NONE), ranking codes only (the NONE and
PROCEDURAL classes are never a suggestion):

- ``construct_top1`` / ``construct_top3``: share of records whose gold code (any of them, when a
  record has several) is the first / among the first three suggestions;
- ``construct_macro_f1``: macro-averaged F1 of the top-1 code over the gold codes present;
- ``construct_kappa``: Cohen's kappa between gold code and top-1 code; for these two, a record
  with several gold codes counts one of them: the top-1 code when it is among them, else the one
  the model ranked highest (then the first by id), whatever order the record lists them in;
- codes tied exactly at the top (after a translation into another codebook: one suggestion
  shared equally among codes the talk says nothing to tell apart) are each the model's top
  one, so a gold code among them is a top-1 hit (:func:`ties_count_as_the_top`): the model did
  not choose between them (which a chart lists first is the mapping's order, not its choice;
  ``roqa agree`` counts the one charted, as the report does). A tie without a gold code, and
  every untied record, are scored as ranked;
- ``construct_top1_family``: share whose top-1 code is a gold code, its parent or its child
  (Readiness for Implementation for a gold Leadership Engagement, PRO.F for PRO.F.2), which
  ``construct_top1`` counts a miss; given when the codebook's hierarchy is (``roqa evaluate``);
- ``domain_accuracy``: share whose top-1 code lies in the gold code's domain;
- ``valence_accuracy``: share of coded records whose predicted valence equals the gold valence;
- ``ece``: expected calibration error of the top-1 probability, 10 equal-width bins
  ``(m-1)/10 < p <= m/10`` (Naeini et al., 2015; Guo et al., 2017), over the coded records, so it
  is the calibration of a suggestion given that the talk has a code;
- ``novelty_auroc``: area under the ROC curve separating NONE records (positive) from coded
  records by the novelty score (``off_framework_p`` of ``roqa evaluate --predictions``: for the
  default ``combined`` score, the off-framework classes' probability, P(fits no code) +
  P(procedural), not the p-value ``novelty_p``); ``novel_recall`` and ``false_novel_rate``:
  share of NONE / coded records set aside at the detector's alpha (``novel_flag``:
  :meth:`AutoCoder.evaluate` gives the segments ``roqa code`` leaves out of the coding, flagged
  novel or procedural talk).

``roqa evaluate --per-code`` (:func:`per_code_metrics`) counts a record under every one of its
gold codes, so a code's row holds the same records whatever the model ranked: ``n`` = records
whose gold includes the code, ``top1`` / ``top3`` = share of them with that code first / among the
first three. A record with gold codes A and B and top-1 A is right for ``construct_top1``, a
top-1 hit for A and a miss for B.

A file whose records are all NONE evaluates the novelty detector only: the construct metrics are
``None`` and ``note`` says why. A file with no records, a record without a ``construct``, or a
``roqa code`` output given in place of labelled records is a one-line error
(:func:`load_evaluation_set`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import RoqaValueError

if TYPE_CHECKING:
    from .codebook import Codebook
    from .training import TrainingSet

#: What an evaluation file holds, for the errors that find something else.
EXPECTED_FORMAT = (
    "give one JSON object a line with `text` and `construct`, a code name or id or NONE: "
    '{"text": "We had no budget.", "construct": "Available Resources"}'
)

#: Keys of a ``roqa code`` segment record, which is not a labelled record.
_CODINGS_KEYS = frozenset({"segment_id", "suggestions"})


def refuse_transcript(path: str | Path) -> None:
    """The one-line error of a transcript given to evaluate: it was read as JSON Lines, "line 1
    is not valid JSON" (newcomer, session 47); :mod:`roqa_nlp.not_records` recognises it."""
    from .not_records import refuse_not_records

    refuse_not_records(path, "evaluate", kinds=frozenset({"transcript"}))


def load_evaluation_set(path: str | Path, codebook: Codebook) -> TrainingSet:
    """The labelled records of an evaluation file, checked by :func:`check_gold`."""
    from .record_files import item_name, read_records
    from .training import load_labelled

    p = Path(path)
    refuse_transcript(p)
    numbered = read_records(p)  # read once: a workbook is screened and parsed only once
    check_gold(numbered, p, item=item_name(p), coding_result="roqa code output")
    return load_labelled(p, codebook, numbered=numbered)


def check_gold(
    records: Sequence[tuple[int, Mapping[str, Any]]],
    where: str | Path,
    *,
    item: str = "line",
    coding_result: str = "roqa code output",
) -> None:
    """Every numbered record states its construct (``construct``, or the training format's
    ``codes``): a record without one would otherwise count as NONE and quietly score the model on
    the wrong answer. Its ``item`` (``line 3``, ``record 3``) is named in the error, as are a set
    with no records and a coding result (segments with suggestions, no gold), which
    ``coding_result`` says where it came from."""
    if not records:
        raise RoqaValueError("has no labelled records", path=where, hint=EXPECTED_FORMAT)
    for n, record in records:
        gold = record.get("codes")  # read as training.py reads it: codes, else construct
        if gold is None:
            gold = record.get("construct")
        if gold is not None and not (isinstance(gold, str) and not gold.strip()):
            continue
        if set(record) >= _CODINGS_KEYS:
            raise RoqaValueError(
                f"is a coding result ({coding_result}), not labelled records",
                path=where,
                hint=EXPECTED_FORMAT,
            )
        what = "an empty" if "construct" in record or "codes" in record else "no"
        raise RoqaValueError(
            f"{item} {n} has {what} `construct`",
            path=where,
            hint="give a code name, or NONE for talk that fits no code",
        )


def expected_calibration_error(
    confidence: np.ndarray, correct: np.ndarray, n_bins: int = 10
) -> float:
    """ECE = Σ_b (|B_b| / n) · |acc(B_b) − conf(B_b)| over equal-width confidence bins."""
    if len(confidence) == 0:
        return float("nan")
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    idx = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = idx == b
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - confidence[m].mean())
    return float(ece)


def reliability_bins(
    confidence: np.ndarray, correct: np.ndarray, n_bins: int = 10
) -> list[dict[str, float]]:
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    idx = np.clip(np.digitize(confidence, edges[1:-1], right=True), 0, n_bins - 1)
    out = []
    for b in range(n_bins):
        m = idx == b
        out.append(
            {
                "lo": float(edges[b]),
                "hi": float(edges[b + 1]),
                "n": int(m.sum()),
                "confidence": float(confidence[m].mean()) if m.any() else float("nan"),
                "accuracy": float(correct[m].mean()) if m.any() else float("nan"),
            }
        )
    return out


def _kappa(gold: Sequence[str], top1: Sequence[str]) -> float | None:
    """Cohen's kappa of gold against top-1, or None where it is undefined (0/0: both use one and
    the same single code, so chance agreement is already 1)."""
    import warnings

    from sklearn.metrics import cohen_kappa_score

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = float(cohen_kappa_score(gold, top1))
    return None if np.isnan(k) else k


def _counted_codes(
    gold: Sequence[list[str]], ranked: Sequence[list[str]], coded: Sequence[int]
) -> tuple[list[str], list[str]]:
    """Per coded record, the gold code counted (the top-1 code when it is among the record's
    gold codes, else the gold code the model ranked highest, then the first by id: never the
    order a record lists its codes in, so the same labels give the same score) and the top-1
    code (``""`` when nothing is ranked)."""

    def missed(i: int) -> str:
        place = {c: k for k, c in enumerate(ranked[i])}
        return min(gold[i], key=lambda c: (place.get(c, len(place)), c))

    g1 = [ranked[i][0] if ranked[i] and ranked[i][0] in gold[i] else missed(i) for i in coded]
    p1 = [ranked[i][0] if ranked[i] else "" for i in coded]
    return g1, p1


#: The ``domain`` of the per-domain row of codes that have none (a project's own codes).
NO_DOMAIN = "(no domain)"


def _domain_hits(
    gold: Sequence[list[str]],
    p1: Sequence[str],
    coded: Sequence[int],
    domain_of: Mapping[str, str | None],
) -> list[bool]:
    """Per coded record, whether its top-1 code ``p1`` is a gold code or lies in the domain of
    one (a project code, which has no domain, is a hit when it is the gold code itself)."""
    return [
        p1[j] in gold[i]
        or (
            domain_of.get(p1[j]) is not None
            and domain_of.get(p1[j]) in {domain_of.get(g) for g in gold[i]}
        )
        for j, i in enumerate(coded)
    ]


def per_code_metrics(
    gold: Sequence[list[str]],
    ranked: Sequence[list[str]],
    *,
    domain_of: Mapping[str, str | None],
) -> dict[str, list[dict[str, Any]]]:
    """Where the suggestions are right and wrong, code by code and domain by domain (``roqa
    evaluate --per-code``), over the coded records.

    Each record counts under *every* one of its gold codes, so a row's records are fixed by the
    labels alone, never by what the model ranked (a code that is mostly a record's second code
    is judged on all its records, not only those where the model put it first).

    ``codes``: one row per gold code, in the codebook's order (that of ``domain_of``'s keys; a
    code it lacks after them, by id): ``code``, ``domain``, ``n`` (records whose
    gold includes the code), ``top1`` and ``top3`` (share of them whose top-1 suggestion is the
    code / with the code among the first three), ``suggested`` (coded records whose top-1 code
    it is), ``precision`` (share of those whose gold includes it; ``None`` when never
    suggested) and ``f1`` (of that precision and ``top1`` as recall). A record with gold codes
    A and B and top-1 A is a top-1 hit for A and a miss for B, while ``construct_top1`` counts it
    right; so with one gold code a record the rows are what the pooled figures count (the mean
    of ``f1`` is ``construct_macro_f1``), and with several they are not meant to add up to them.

    ``domains``: one row per gold domain, each record under every domain of its gold codes
    (once a domain), in the codebook's order (that in which ``domain_of`` first gives each;
    :data:`NO_DOMAIN` last): ``domain``, ``n`` and ``accuracy`` (share whose top-1
    code lies in that domain; for :data:`NO_DOMAIN`, the project's own codes, whose top-1 code
    is one of its gold codes without a domain). With one gold domain a record the
    ``n``-weighted mean of ``accuracy`` is ``domain_accuracy``.
    """
    from .transcripts import natural_key

    coded = [i for i in range(len(gold)) if gold[i]]
    if not coded:
        return {"codes": [], "domains": []}
    p1 = {i: ranked[i][0] if ranked[i] else "" for i in coded}
    # the codebook's order (domain_of's), as every other output lists codes and domains; a code
    # it does not know after them, by id
    code_place = {c: n for n, c in enumerate(domain_of)}
    domain_place = {d: n for n, d in enumerate(dict.fromkeys(d for d in domain_of.values() if d))}

    def in_order(ids: set[str], place: Mapping[str, int]) -> list[str]:
        return sorted(ids, key=lambda c: (place.get(c, len(place)), natural_key(c)))

    codes: list[dict[str, Any]] = []
    for label in in_order({c for i in coded for c in gold[i]}, code_place):
        mine = [i for i in coded if label in gold[i]]
        suggested = [i for i in coded if p1[i] == label]
        hits = sum(p1[i] == label for i in mine)  # also the suggested ones whose gold has it
        codes.append(
            {
                "code": label,
                "domain": domain_of.get(label),
                "n": len(mine),
                "top1": hits / len(mine),
                "top3": float(np.mean([label in ranked[i][:3] for i in mine])),
                "suggested": len(suggested),
                "precision": hits / len(suggested) if suggested else None,
                "f1": 2 * hits / (len(mine) + len(suggested)),
            }
        )
    by_domain: dict[str, list[bool]] = {}
    for i in coded:
        top = domain_of.get(p1[i])
        own = top is None and p1[i] in gold[i]  # a project code: a hit only as itself
        for d in sorted({domain_of.get(g) or NO_DOMAIN for g in gold[i]}):
            by_domain.setdefault(d, []).append(own if d == NO_DOMAIN else top == d)
    domains = [
        {"domain": d, "n": len(by_domain[d]), "accuracy": float(np.mean(by_domain[d]))}
        for d in in_order(set(by_domain), domain_place)
    ]
    return {"codes": codes, "domains": domains}


def _valence_stated(gold: Sequence[list[str]], gold_valence: Sequence[str]) -> list[int]:
    """The records valence is scored on: coded ones that state a valence ("" = not stated)."""
    return [i for i in range(len(gold)) if gold[i] and gold_valence[i]]


def per_valence_metrics(
    gold: Sequence[list[str]], gold_valence: Sequence[str], pred_valence: Sequence[str]
) -> list[dict[str, Any]]:
    """Where the valence is right and wrong (``roqa evaluate --per-code``): one row per gold
    valence, over the coded records that state one (those ``valence_accuracy`` counts), in the
    order barrier, enabler, neutral: ``valence``, ``n``, ``accuracy`` (share read as that
    valence) and ``predicted``, how many were read as each valence (a row of the confusion
    matrix). The ``n``-weighted mean of ``accuracy`` is ``valence_accuracy``."""
    from .schema import VALENCES

    stated = _valence_stated(gold, gold_valence)
    out = []
    for v in VALENCES:
        mine = [i for i in stated if gold_valence[i] == v]
        if not mine:
            continue
        read = [str(pred_valence[i]) for i in mine]
        out.append(
            {
                "valence": v,
                "n": len(mine),
                "accuracy": float(np.mean([r == v for r in read])),
                "predicted": {p: read.count(p) for p in VALENCES},
            }
        )
    return out


def ties_count_as_the_top(
    gold: Sequence[list[str]], ranked: Sequence[list[str]], ties: Sequence[list[str]]
) -> list[list[str]]:
    """``ranked`` with, in each record whose top codes ``ties`` are tied exactly (several
    codes; :func:`~roqa_nlp.crosswalk.tied_top`), the first gold code among them moved to the
    front: codes the model ranks equal are each its top one (module notes). Other records are
    returned as ranked."""
    out = []
    for want, codes, tied in zip(gold, ranked, ties, strict=True):
        hit = next((c for c in tied if c in want), None) if len(tied) > 1 else None
        out.append(list(codes) if hit is None else [hit, *(c for c in codes if c != hit)])
    return out


def top_hits(gold: Sequence[str], ranked: Sequence[str]) -> tuple[bool, bool]:
    """Whether a record is a top-1 hit (its first code is a gold one) and a top-3 hit (a gold
    code among its first three), ``ranked`` as scored (:func:`ties_count_as_the_top`): what
    ``construct_top1`` / ``construct_top3`` count and a ``--predictions`` row says."""
    return bool(ranked) and ranked[0] in gold, bool(set(ranked[:3]) & set(gold))


def family_hit(
    gold: Sequence[str], ranked: Sequence[str], parent_of: Mapping[str, str | None]
) -> bool:
    """Whether a record's top-1 code (``ranked`` as scored) is a gold code, the parent of one
    or a child of one (``parent_of``: code id -> its parent's id): Readiness for Implementation
    first for a gold Leadership Engagement, or PRO.F Engaging for a gold PRO.F.2, one level off
    where ``construct_top1`` counts a miss (``construct_top1_family``). A sibling is no hit."""
    if not ranked:
        return False
    top = ranked[0]
    return any(top == g or parent_of.get(g) == top or parent_of.get(top) == g for g in gold)


def shown_codes(ranked: Sequence[str], tied: Sequence[str], n: int = 3) -> list[str]:
    """The codes a ``--predictions`` row lists: the first ``n`` as scored (a gold code among
    codes ``tied`` exactly at the top first, :func:`ties_count_as_the_top`), and every tied
    code when more are tied, so the row shows the code that made it a hit and the tie."""
    return list(ranked[: max(n, len(tied))])


def construct_metrics(
    gold: Sequence[list[str]],
    ranked: Sequence[list[str]],
    top_prob: Sequence[float],
    *,
    domain_of: dict[str, str | None],
    gold_valence: Sequence[str] | None = None,
    pred_valence: Sequence[str] | None = None,
    novelty_score: Sequence[float] | None = None,
    novel_flag: Sequence[bool] | None = None,
    parent_of: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """All ``roqa evaluate`` metrics from gold label lists and ranked code suggestions.

    ``parent_of`` (code id -> its parent's id, the codebook's hierarchy) adds
    ``construct_top1_family`` (:func:`family_hit`); without it the key is not given."""
    from sklearn.metrics import f1_score, roc_auc_score

    n = len(gold)
    coded = [i for i in range(n) if gold[i]]
    none = [i for i in range(n) if not gold[i]]
    out: dict[str, Any] = {"n": n, "n_coded": len(coded), "n_none": len(none)}
    if coded:
        hits = [top_hits(gold[i], ranked[i]) for i in coded]
        top1 = np.array([h[0] for h in hits])
        top3 = np.array([h[1] for h in hits])
        g1, p1 = _counted_codes(gold, ranked, coded)
        labels = sorted(set(g1))
        dom_ok = _domain_hits(gold, p1, coded, domain_of)
        out.update(
            construct_top1=float(top1.mean()),
            construct_top3=float(top3.mean()),
        )
        if parent_of is not None:
            out["construct_top1_family"] = float(
                np.mean([family_hit(gold[i], ranked[i], parent_of) for i in coded])
            )
        out.update(
            construct_macro_f1=float(
                f1_score(g1, p1, labels=labels, average="macro", zero_division=0)
            ),
            construct_kappa=_kappa(g1, p1),
            domain_accuracy=float(np.mean(dom_ok)),
            ece=expected_calibration_error(
                np.asarray([top_prob[i] for i in coded]), top1.astype(float)
            ),
        )
        gv = list(gold_valence) if gold_valence is not None else [""] * n
        stated = _valence_stated(gold, gv)
        if stated and pred_valence is not None:
            out["valence_accuracy"] = float(np.mean([gv[i] == pred_valence[i] for i in stated]))
        else:
            out["valence_accuracy"] = None
    else:
        for k in (
            "construct_top1",
            "construct_top3",
            *(["construct_top1_family"] if parent_of is not None else []),
            "construct_macro_f1",
            "construct_kappa",
            "domain_accuracy",
            "valence_accuracy",
            "ece",
        ):
            out[k] = None
    out["novelty_auroc"] = None
    out["novel_recall"] = None
    out["false_novel_rate"] = None
    if novelty_score is not None and coded and none:
        y = np.array([0 if gold[i] else 1 for i in range(n)])
        out["novelty_auroc"] = float(roc_auc_score(y, np.asarray(novelty_score)))
    if novel_flag is not None:
        if none:
            out["novel_recall"] = float(np.mean([bool(novel_flag[i]) for i in none]))
        if coded:
            out["false_novel_rate"] = float(np.mean([bool(novel_flag[i]) for i in coded]))
    if none and not coded:
        out["note"] = "every record is NONE: novelty metrics only"
    return out
