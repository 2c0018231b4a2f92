"""``roqa train``: build a model directory from training data (and the researcher's decisions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..codebooks import DEFAULT_CODEBOOK
from ..decisions import COLUMNS as DECISION_COLUMNS
from ..decisions import DECISIONS, NO_CODE
from ..record_files import RECORD_SUFFIXES
from .app import app, codebook_option, console


@app.command("train")
def train_command(
    data: Path = typer.Argument(
        ...,
        help="Training data: a folder of record files (.jsonl, or .csv/.tsv/.xlsx "
        "spreadsheets with `text` and `construct` columns) or one file.",
    ),
    out: Path = typer.Option(..., "--out", "-o", help="Model directory to write."),
    feedback: list[Path] | None = typer.Option(
        None,
        "--feedback",
        help=f"Decisions file, as the report's review saves it (CSV/JSONL/.xlsx: "
        f"{', '.join(DECISION_COLUMNS)}; valence and suggestion only where a row needs them). "
        f"A decision is {', '.join(DECISIONS[:-1])} or {DECISIONS[-1]} ({NO_CODE}: the segment "
        "fits no code). Give it once per round of review (--feedback r0/decisions.csv --feedback "
        "r1/decisions.csv): all are trained together, a later row winning over an earlier one.",
    ),
    codings: list[Path] | None = typer.Option(
        None,
        "--codings",
        help="codings.jsonl the decisions refer to (default: beside each decisions file); "
        "once per --feedback, in the same order.",
    ),
    feedback_weight: int | None = typer.Option(
        None,
        "--feedback-weight",
        min=1,
        help="How many times each decided segment counts against a training record "
        "[default: 3]. It changes how strongly decisions on existing codes count; a new code "
        "(classes are balanced) weighs the same at any weight and needs several decided segments.",
    ),
    codebook: str = codebook_option("Codebook id ({builtin}) or .json file.", DEFAULT_CODEBOOK),
    method: str = typer.Option("logreg", "--method", help="logreg | prototype | hybrid."),
    evaluate: Path | None = typer.Option(
        None,
        "--evaluate",
        help=f"Labelled records to evaluate the new model on, as roqa evaluate reads them "
        f"({'/'.join(RECORD_SUFFIXES)} with `text` and `construct` or `codes` columns): every "
        "figure is recorded in the model card and the headline ones printed.",
    ),
    backend: str = typer.Option(
        "torch",
        "--backend",
        help="Embedding backend to train on: torch, or static for a fast triage model "
        "(build it first with `roqa build-backend static`).",
    ),
) -> None:
    """Train the classifier, valence head and novelty detector; write arrays + a model card."""
    from ..autocoder import AutoCoder
    from ..errors import RoqaError
    from ..io import check_output_folder
    from ..training import load_training_set

    check_output_folder(out)  # before the training, not after it
    con = console()
    from ..embedding import Embedder

    ac = AutoCoder(codebook, embedder=Embedder(backend=backend), params={"method": method})
    if feedback:
        if codings and len(codings) != len(feedback):
            raise RoqaError(
                f"{len(codings)} --codings for {len(feedback)} --feedback",
                hint="give --codings once per --feedback, in the same order, or leave it out to "
                "use the codings.jsonl beside each decisions file",
            )
        ac.update(
            list(feedback),
            # none given: update() reads the codings.jsonl beside each decisions file
            codings=list(codings) if codings else None,
            training=data,
            **({} if feedback_weight is None else {"weight": feedback_weight}),
        )
        from ..decisions import feedback_summary

        con.print(feedback_summary(ac.card["feedback"]), markup=False, highlight=False)
    else:
        if feedback_weight is not None:
            raise RoqaError(
                "--feedback-weight needs --feedback", hint="give the decisions file to weigh"
            )
        ac.fit(load_training_set(data, ac.codebook))
    if evaluate is not None:
        ac.card["metrics"] = {str(evaluate.name): ac.evaluate(evaluate)}
    path = ac.save(out)
    td = ac.card["training_data"]
    con.print(
        f"Trained on {td['n_records']} records ({td['n_coded']} coded, "
        f"{td['n_none']} off-framework)"
        f"{_records_from(td['n_records'], ac.card.get('feedback'))}; model written to {path}"
    )
    if evaluate is not None:
        con.print(
            evaluation_headline(evaluate.name, ac.card["metrics"][evaluate.name]),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _records_from(n_records: int, feedback: dict[str, Any] | None) -> str:
    """Where the records trained on came from, when decisions were trained too: the training
    data, the new codes' definitions and the decided segments, each counted ``weight`` times
    (empty without decisions)."""
    if not feedback or "n_records" not in feedback:
        return ""
    from_decisions = int(feedback["n_records"])
    n_defs = int(feedback.get("n_new_code_definitions", 0))
    said = [f"{n_records - from_decisions - n_defs} from the training data"]
    if n_defs:
        said.append(
            f"{n_defs} from the definition{'s' if n_defs != 1 else ''} of "
            f"{'a new code' if n_defs == 1 else 'the new codes'}"
        )
    said.append(f"{from_decisions} from the decisions")
    return ": " + ", ".join(said)


#: The figures ``roqa train --evaluate`` prints (all are in the model card): key -> label.
HEADLINE = {
    "construct_top1": "top-1",
    "construct_top3": "top-3",
    "construct_macro_f1": "macro F1",
    "valence_accuracy": "valence",
    "novelty_auroc": "novelty AUROC",
}


def evaluation_headline(name: str, metrics: dict[str, Any]) -> str:
    """One line of the evaluation ``roqa train --evaluate`` recorded in the model card: the
    records, then the :data:`HEADLINE` figures (``-`` for one that is undefined)."""
    figures = ", ".join(
        f"{label} {'-' if metrics.get(k) is None else format(metrics[k], '.3f')}"
        for k, label in HEADLINE.items()
    )
    return (
        f"Evaluated on {name} ({metrics['n']} records, {metrics['n_coded']} coded): {figures} "
        "(all figures in the model card; roqa evaluate --per-code for each code)"
    )
