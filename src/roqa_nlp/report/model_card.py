"""The model card as the report's *Model card* section reads it first: a short table in words
(what the model was trained on, with which roqa, what it learnt from a review, how its
probabilities are calibrated and how it scored on a development set), the card's every field
kept below it as dotted keys (:func:`~roqa_nlp.report.flatten`). Tester daily24, s89: the
section was a flat key dump (``feedback.by_decision.reject 114``), complete but hard to read."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: A development-set figure of a card's ``metrics`` (``roqa evaluate``'s keys) in words, in the
#: order said; a share is said as a percentage, the others to 3 decimals.
SCORES = (
    ("construct_top1", "top code right", True),
    ("construct_top3", "right code among the first 3", True),
    ("domain_accuracy", "right domain", True),
    ("valence_accuracy", "right barrier/enabler", True),
    ("construct_kappa", "Cohen's kappa", False),
    ("construct_macro_f1", "macro F1", False),
    ("ece", "calibration error (ECE)", False),
    ("novel_recall", "talk fitting no code found", True),
    ("false_novel_rate", "coded talk flagged as fitting no code", True),
)


def card_summary(
    card: Mapping[str, Any], names: Mapping[str, str] | None = None
) -> list[tuple[str, str]]:
    """``card`` (a model card, or the summary of one an older run.json keeps) as rows of
    (label, value) in words; fields it does not hold are left out (an empty list for none).
    ``names`` (code id to name: the report's codebook) names the new codes as they were typed."""
    rows: list[tuple[str, str]] = []
    emb = card.get("embedding_model")
    name = emb.get("name") if isinstance(emb, Mapping) else emb
    if isinstance(name, str) and name:
        rows.append(("Embedding model", name))
    book = card.get("codebook")
    book_id = book.get("id") if isinstance(book, Mapping) else book
    if isinstance(book_id, str) and book_id:
        rows.append(("Codes it suggests", f"those of codebook {book_id}"))
    trained = _trained_on(card.get("training_data"), card.get("feedback"))
    if trained:
        rows.append(("Trained on", trained))
    if isinstance(card.get("library_version"), str):
        rows.append(
            ("Trained with", f"{card.get('library', 'roqa_nlp')} {card['library_version']}")
        )
    feedback = card.get("feedback")
    if isinstance(feedback, Mapping) and "n_decisions" in feedback:
        rows.extend(_review_rows(feedback, names or {}))
    calibration = _calibration(card)
    if calibration:
        rows.append(("Calibration", calibration))
    metrics = card.get("metrics")
    if isinstance(metrics, Mapping) and metrics:
        for file, figures in metrics.items():
            if isinstance(figures, Mapping) and figures:
                rows.append((f"Scores on {file}", _scores(figures)))
    elif "training_data" in card:  # a model card, trained without scoring it
        rows.append(("Scores", "none recorded (roqa train --evaluate FILE records them)"))
    model_hash = card.get("model_sha256")
    if isinstance(model_hash, str):
        rows.append(("Model sha256", f"{model_hash[:12]}…"))
    return rows


def _trained_on(data: Any, feedback: Any) -> str | None:
    """``training_data``'s counts in words: its records count the codebook's descriptions (and a
    review's records, each decided text as many times as ``feedback.weight``)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("n_records"), int):
        return None
    parts = [
        f"{data[k]:,} {what}"
        for k, what in (
            ("n_coded", "coded"),
            ("n_none", "fitting no code"),
            ("n_valence_only", "valence only"),
        )
        if isinstance(data.get(k), int) and data[k]
    ]
    said = f"{data['n_records']:,} records" + (f" ({', '.join(parts)})" if parts else "")
    said += ", one for each code's description among them"
    if isinstance(feedback, Mapping) and isinstance(feedback.get("n_records"), int):
        said += f"; {feedback['n_records']:,} of them from a review's decisions"
    return said


def _review_rows(feedback: Mapping[str, Any], names: Mapping[str, str]) -> list[tuple[str, str]]:
    """What a model retrained on a review learnt: ``roqa train``'s own line of it (the decisions
    by kind, what was left out and why, the rejected codes kept), the files and the new codes."""
    from ..decisions import feedback_summary

    if "n_examples" in feedback:  # a card roqa train wrote: the line it printed
        said = feedback_summary(dict(feedback), names).removeprefix("feedback: ")
    else:
        n = feedback["n_decisions"]
        said = f"{n} decision{'' if n == 1 else 's'}"
    rows = [("Learnt from a review", said[:1].upper() + said[1:])]
    files = feedback.get("decisions_files")
    if isinstance(files, list) and files:
        from . import _record_line

        rows.append(
            ("Decisions files", "\n".join(_record_line(f) for f in files if isinstance(f, Mapping)))
        )
    new = feedback.get("new_codes")
    if isinstance(new, list) and new:
        rows.append(
            ("New codes", ", ".join(f"{names[c]} ({c})" if c in names else str(c) for c in new))
        )
    return rows


def _calibration(card: Mapping[str, Any]) -> str | None:
    """The temperature the probabilities are divided by, and what it was fitted on."""
    t = card.get("temperature")
    if not isinstance(t, (int, float)) or isinstance(t, bool):
        return None
    said = f"probabilities scaled by a temperature of {t:.3f}"
    n = card.get("n_calibration")
    if isinstance(n, int):
        said += f", fitted on {n:,} examples"
    classifier = card.get("classifier")
    params = classifier.get("params") if isinstance(classifier, Mapping) else None
    group = params.get("calibration_group") if isinstance(params, Mapping) else None
    if isinstance(group, str) and group:
        said += f" (calibration group {group})"
    return said


def _scores(figures: Mapping[str, Any]) -> str:
    """One metrics record of the card (``roqa evaluate`` of a file) in words."""
    n, coded = figures.get("n"), figures.get("n_coded")
    said = [
        f"{label} {figures[k] * 100:.1f}%" if share else f"{label} {figures[k]:.3f}"
        for k, label, share in SCORES
        if isinstance(figures.get(k), (int, float))
    ]
    lead = (
        f"{n:,} records ({coded:,} coded): "
        if isinstance(n, int) and isinstance(coded, int)
        else ""
    )
    return lead + ("; ".join(said) or "no figures")
