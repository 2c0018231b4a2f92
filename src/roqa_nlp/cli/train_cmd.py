"""``roqa train``: build a model directory from training data (and the researcher's decisions)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from ..codebooks import DEFAULT_CODEBOOK
from ..record_files import RECORD_SUFFIXES
from ..review_file import COLUMNS as DECISION_COLUMNS
from ..review_file import DECISIONS, NO_CODE, UPDATE_WEIGHT
from ._app import app, choice_metavar, codebook_option, console, example, leaves_no_empty_out


@app.command(
    "train",
    epilog=example("roqa train training_data --feedback coded/decisions.csv --out models/study"),
)
@leaves_no_empty_out
def train_command(
    data: Path = typer.Argument(
        ...,
        help="Training data: a folder of record files (.jsonl, or .csv/.tsv/.xlsx "
        "spreadsheets with `text` and `construct` columns) or one file.",
        metavar="DATA",
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Model directory to write.", metavar="FOLDER"
    ),
    feedback: list[Path] | None = typer.Option(
        None,
        "--feedback",
        help=f"Decisions file, as the report's review saves it (CSV/JSONL/.xlsx: "
        f"{', '.join(DECISION_COLUMNS)}; valence and suggestion only where a row needs them). "
        f"A decision is {', '.join(DECISIONS[:-1])} or {DECISIONS[-1]} ({NO_CODE}: the segment "
        "fits no code). Give it once per round of review (--feedback r0/decisions.csv --feedback "
        "r1/decisions.csv): all are trained together, a later row winning over an earlier one.",
        metavar="FILE",
    ),
    codings: list[Path] | None = typer.Option(
        None,
        "--codings",
        help="codings.jsonl the decisions refer to, or its folder (default: beside each "
        "decisions file); "
        "once per --feedback, in the same order.",
        metavar="FILE",
    ),
    feedback_weight: int | None = typer.Option(
        None,
        "--feedback-weight",
        min=1,
        show_default=str(UPDATE_WEIGHT),  # not given: the decisions' own weight
        help="How many times each decided segment counts against a training record. It changes "
        "how strongly decisions on existing codes count; a new code (classes are balanced) "
        "weighs the same at any weight and needs several decided segments.",
    ),
    codebook: str = codebook_option("Codebook id ({builtin}) or .json file.", DEFAULT_CODEBOOK),
    method: str = typer.Option(
        "logreg",
        "--method",
        metavar=choice_metavar("logreg", "prototype", "hybrid"),
        help="How the classifier ranks codes: logistic regression, similarity to each code's "
        "mean embedding (its prototype), or the mean of the two.",
    ),
    evaluate: Path | None = typer.Option(
        None,
        "--evaluate",
        help=f"Labelled records to evaluate the new model on, as roqa evaluate reads them "
        f"({'/'.join(RECORD_SUFFIXES)} with `text` and `construct` or `codes` columns): every "
        "figure is recorded in the model card and the headline ones printed.",
        metavar="FILE",
    ),
    backend: str = typer.Option(
        "torch",
        "--backend",
        metavar="KIND",
        help="Embedding backend to train on: torch, or static for a fast triage model "
        "(build it first with `roqa build-backend static`).",
    ),
) -> None:
    """Train the classifier, valence head and novelty detector; write arrays + a model card."""
    from ..autocoder import AutoCoder
    from ..io import check_output_folder
    from ..not_records import refuse_not_records

    check_output_folder(out)  # before the training, not after it
    # a transcript or a folder of them, roqa's codings or a decisions file, as evaluate says
    refuse_not_records(data, "train")
    from ..folder_lock import lock_output_folder

    # held to the end: a second run into it refuses at once (not said to hold another's files)
    lock_output_folder(out)
    from ..folder_swap import remove_stale, replaced_whole

    remove_stale(out)  # what a killed run into it left in it
    replaced = _model_replaced(out)  # and a folder of other files refused before it too
    con = console()
    from ..embedding import Embedder

    ac = AutoCoder(codebook, embedder=Embedder(backend=backend), params={"method": method})
    if evaluate is not None:
        from ..codebook import UnknownCode

        # read and checked before the training, not minutes after it (evaluate() reads it again)
        try:
            ac._labelled_set(evaluate, None)
        except UnknownCode:
            if not feedback:
                raise
            # a code the decisions make ('new-code' rows) is in the codebook only after the
            # update: the codes are checked by evaluate() then, the file's reading already here
    from ..embedding import say_stage, stages_said

    with (
        _old_model_said_kept(out, replaced),
        replaced_whole(out, _is_a_model_file) as new,
        stages_said(),  # one line a stage where no progress bar is drawn
    ):
        with _own_codebook_hint(codebook, feedback or [], codings or []):
            _train(ac, data, feedback, codings, feedback_weight)
            if feedback:
                from ..decisions import (
                    feedback_summary,
                    few_examples_note,
                    valences_decided_two_ways_note,
                    valences_read_otherwise_note,
                )

                # one line a paragraph in a file or a pipe, as roqa code's summary
                con.print(
                    feedback_summary(
                        ac.card["feedback"],
                        {c.id: c.name for c in ac.codebook.codes},
                        own=ac.codebook.id,
                    ),
                    soft_wrap=not con.is_terminal,
                    markup=False,
                    highlight=False,
                )
                if few := few_examples_note(ac.card["feedback"]):
                    con.print(few, soft_wrap=True, markup=False, highlight=False)
                if otherwise := valences_read_otherwise_note(ac.card["feedback"]):
                    con.print(otherwise, soft_wrap=True, markup=False, highlight=False)
                if twice := valences_decided_two_ways_note(ac.card["feedback"]):
                    con.print(twice, soft_wrap=True, markup=False, highlight=False)
        n = int(ac.card["training_data"]["n_records"])
        if evaluate is not None:
            say_stage(f"evaluating the new model on {evaluate}", n)
            ac.card["metrics"] = {str(evaluate.name): ac.evaluate(evaluate)}
        say_stage(f"writing the model to {out}", n)
        ac.save(new)
    if replaced is not None:
        print(f"roqa: note: replaced the model in {out} ({replaced})", file=sys.stderr)
    from ..training import own_sub_folder

    sub = own_sub_folder(data, ac.codebook) if data.is_dir() else None
    con.print(
        f"{trained_on(ac.card, len(ac.codebook.codable), sub)}; model written to {out}",
        soft_wrap=True,  # the path whole
        markup=False,
    )
    if evaluate is not None:
        con.print(
            evaluation_headline(evaluate.name, ac.card["metrics"][evaluate.name]),
            markup=False,
            highlight=False,
            soft_wrap=True,
        )


def _train(
    ac: Any,
    data: Path,
    feedback: list[Path] | None,
    codings: list[Path] | None,
    feedback_weight: int | None,
) -> None:
    """Fit ``ac`` (an AutoCoder) on the training ``data``, with the decisions of ``feedback``
    (and their ``codings``) trained ``feedback_weight`` times when given."""
    from ..errors import ON_COMMAND_LINE, RoqaError

    if feedback:
        if codings and len(codings) != len(feedback):
            raise RoqaError(
                f"{len(codings)} --codings for {len(feedback)} --feedback",
                hint="give --codings once per --feedback, in the same order, or leave it out to "
                "use the codings.jsonl beside each decisions file",
            )
        # its warnings name --feedback and --codings, not update()'s arguments
        said_here = ON_COMMAND_LINE.set(True)
        try:
            ac.update(
                list(feedback),
                # none given: update() reads the codings.jsonl beside each decisions file
                codings=list(codings) if codings else None,
                training=data,
                **({} if feedback_weight is None else {"weight": feedback_weight}),
            )
        finally:
            ON_COMMAND_LINE.reset(said_here)
    else:
        if feedback_weight is not None:
            raise RoqaError(
                "--feedback-weight needs --feedback", hint="give the decisions file to weigh"
            )
        ac.fit(data)  # as load_training_set(data, ac.codebook), errors naming data


@contextmanager
def _own_codebook_hint(
    codebook: str, feedback: list[Path], codings: list[Path] | None = None
) -> Iterator[None]:
    """Add to an unknown code of the records, when ``codebook`` is a built-in one and the code is
    no misspelling of it nor a code of another built-in codebook, that a codebook of the
    researcher's own is given with ``--codebook`` (owncb tester, session 39: records of their own
    codebook, trained without it, were said to have an unknown CFIR 2009 code, and nothing
    more); so too when the code is one of another built-in codebook, whose name an own codebook
    may share (docs tester, session 58: the docs' TDF record "Skills" was told only to relabel
    into CFIR). An unknown code of a decisions file (of ``feedback``) is read through the codebook
    the codings it was made on record (``roqa code --codebook OWN.json``), so its hint says to
    give those codings (ownloop tester, session 46: "give --codebook" was promised and missing,
    and --codebook OWN.json made the CFIR 2009 training data unknown); with ``codings`` given
    for it (``--codings``, once per ``--feedback``), to check they are those codings, not to
    give them (tester learning, s59: a misspelt code name was told to add the --codings it had)."""
    from ..codebook import BUILTIN, UnknownCode
    from ..io import shell_quoted

    try:
        yield
    except UnknownCode as e:
        if codebook not in BUILTIN or not (e.unplaced or e.elsewhere):
            raise
        given = dict(zip((str(f) for f in feedback), codings or []))
        if e.path is not None and str(e.path) in given:
            own = (
                "if these are your own codebook's codes, check that "
                f"{shell_quoted(given[str(e.path)])} is the codings `roqa code --codebook "
                "YOUR.json` wrote, which the review was made on"
            )
        elif e.path is not None and str(e.path) in {str(f) for f in feedback}:
            own = (
                "if these are your own codebook's codes, give the codings the review was made "
                "on (--codings FOLDER/codings.jsonl): their run.json records the codebook "
                "`roqa code --codebook YOUR.json` charted them in, whose mapping reads them back"
            )
        else:
            own = "if these are your own codebook's codes, give --codebook YOUR.json"
        raise UnknownCode(e.reason, path=e.path, hint=f"{e.hint}; {own}") from None


def _model_replaced(out: Path) -> str | None:
    """When the folder ``out`` holds a roqa model, the date of its files and the decisions it was
    trained on, as the note of its replacing says it; None for a folder that does not exist or holds
    nothing but hidden, system and README files (:func:`_left_alone`, left in place). A folder
    holding any other file (a transcript, notes, a model card of another library) is refused: the
    model's files would be written in among them (novice s39: `--out study_copy/` put 13 model files
    beside the transcripts, exit 0). A model is replaced, as ``roqa code`` replaces its earlier
    outputs. No card records when it was trained (a model trained again is the same bytes), and the
    card's file time is when it was written or copied there, so the note says 'files dated', not
    'trained' (s41 repro, 6: a copy made with cp -r was said trained when copied)."""
    import json
    from contextlib import suppress
    from datetime import datetime

    from ..autocoder import CARD, MODEL_FILES
    from ..errors import RoqaError, first_few
    from ..transcripts import natural_key

    if not out.is_dir():
        return None
    names = sorted((f.name for f in out.iterdir() if not _left_alone(f)), key=natural_key)
    if not names:
        return None
    card: object = None
    with suppress(OSError, ValueError, RecursionError):  # unreadable: not roqa's model
        card = json.loads((out / CARD).read_bytes())
    if not isinstance(card, dict) or card.get("library") != "roqa_nlp":
        card = None
    listed = set(card.get("files", {})) if card is not None else set()
    others = [
        n for n in names if card is None or n not in MODEL_FILES | listed or not (out / n).is_file()
    ]
    if others:
        raise RoqaError(
            f"--out holds files that are not a roqa model ({first_few(others, 3)}), and the "
            "model's files would be written in among them",
            path=out,
            hint="give --out a new or empty folder for the model",
        )
    assert card is not None
    # the files' date, not a training time: the card holds none (a retrain is byte-identical),
    # and a model copied with cp -r is dated when it was copied
    said = "files dated " + datetime.fromtimestamp((out / CARD).stat().st_mtime).strftime(
        "%Y-%m-%d %H:%M"
    )
    feedback = card.get("feedback")
    if isinstance(feedback, dict) and feedback.get("n_decisions"):
        n = int(feedback["n_decisions"])
        said += f"; trained with {n} decision{'s' if n != 1 else ''}"
        files = [f.get("name") for f in feedback.get("decisions_files", []) if isinstance(f, dict)]
        named = [f for f in files if isinstance(f, str)]
        if named and len(named) == len(files):
            said += f" from {', '.join(named)}"
    return said


def _left_alone(f: Path) -> bool:
    """Whether ``f``, in a ``--out`` folder of train, is a file that does not make the folder
    someone else's: a hidden file (``.DS_Store``, ``.gitkeep``), one the system puts there
    (``data/system_files.txt``: ``Thumbs.db``, ``desktop.ini``, macOS's ``Icon\\r``), or a
    README the user added (hunter, session 39: these were refused as not a model's)."""
    from ..io import packaged_words

    name = f.name.strip().casefold()
    system = {w.casefold() for w in packaged_words("system_files.txt")}
    return f.name.startswith(".") or ((name in system or name.startswith("readme")) and f.is_file())


def _is_a_model_file(name: str) -> bool:
    """Whether ``name``, in a model folder, is a file of the model (a new model replaces all of
    them, the old one's question model among them); any other file of the folder (its lock, a
    README, hidden files) is kept."""
    from ..autocoder import MODEL_FILES

    return name in MODEL_FILES


@contextmanager
def _old_model_said_kept(out: Path, replaced: str | None) -> Iterator[None]:
    """Say, of a run stopped before the new model was put in place, that ``out`` holds the model
    it held (``replaced`` says it held one): the new model is written in a temporary folder and
    moved in whole (:func:`~roqa_nlp.folder_swap.replaced_whole`). Interrupt tester, session
    46: stopped after the first file, the folder held a new classifier beside the old card,
    every command refused it, and the message said no file was left half-written."""
    from ..errors import OutputsInterrupted

    try:
        yield
    except KeyboardInterrupt as stop:
        if replaced is None:
            raise
        said = f"before the new model was complete: {out} holds the model it held, unchanged"
        raise OutputsInterrupted(said).with_traceback(stop.__traceback__) from None


def trained_on(card: dict[str, Any], n_descriptions: int, sub_folder: Path | None = None) -> str:
    """What a model was trained on, as ``roqa train`` says it: the researcher's records (coded,
    off-framework, valence only), where they came from when decisions were trained too (the
    training data, the decided segments, each counted ``weight`` times), and apart from them the
    ``n_descriptions`` examples the codebook's descriptions added (one per codable code, the new
    codes' definitions among them). The card's ``training_data`` counts the descriptions among
    its records and coded records (as cards always have); docs tester, session 40: 6 records
    were said to be "45 records (44 coded, 1 off-framework)". ``sub_folder``: the training
    folder's sub-folder read with it (:func:`~roqa_nlp.training.own_sub_folder`), named."""
    td = card["training_data"]
    feedback = card.get("feedback") or {}
    n_defs = int(feedback.get("n_new_code_definitions", 0))
    n_records = int(td["n_records"]) - n_descriptions
    counts = [f"{int(td['n_coded']) - n_descriptions} coded", f"{td['n_none']} off-framework"]
    if td.get("n_valence_only"):
        counts.append(f"{td['n_valence_only']} valence only")
    said = f"Trained on {n_records} record{'' if n_records == 1 else 's'} ({', '.join(counts)})"
    if sub_folder is not None:
        said += f", those of {sub_folder} among them"
    if "n_records" in feedback:
        from_decisions = int(feedback["n_records"])
        said += (
            f", {n_records - from_decisions} from the training data and {from_decisions} from "
            "the decisions,"
        )
    elif sub_folder is not None:
        said += ","
    n_book = n_descriptions - n_defs
    described = [f"the {n_book} code description{'' if n_book == 1 else 's'}"] if n_book else []
    if n_defs:
        described.append(
            f"the definition{'s' if n_defs != 1 else ''} of "
            f"{'the new code' if n_defs == 1 else f'the {n_defs} new codes'}"
        )
    return f"{said} and {' and '.join(described)}" if described else said.rstrip(",")


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
