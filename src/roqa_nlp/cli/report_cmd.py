"""``roqa report``: the offline HTML report of a coding (and optionally the framework matrix, the
barriers/enablers table and the saturation table as files for a write-up)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..open_coding import SET_ASIDE
from ._app import app, choice_metavar, codebook_option, example, print_charted_note

if TYPE_CHECKING:
    from ..codebook import Codebook
    from ..decisions import Decision, DecisionMatch
    from ..report import ReportOptions
    from ..result import CodingResult

MATRIX_FORMATS = (".xlsx", ".csv")
TABLE_FORMATS = (".docx", ".xlsx", ".csv")
SATURATION_FORMATS = (".xlsx", ".csv")
#: what ``--out`` writes and the extensions that fit it
HTML_FORMAT = ("an HTML report", (".html", ".htm"))
#: files beside codings.jsonl that a report reads or that belong to the codings: never outputs
CODINGS_FILES = (
    "codings.csv",
    "transcripts.jsonl",
    "run.json",
    "open_coding.jsonl",
    "open_coding.csv",
    "decisions.csv",  # the review; as Excel's .xlsx it is refused by its segment_id column
)


def _is_write_up(path: Path) -> bool:
    """Whether ``path`` may be a write-up file ``roqa report`` wrote, edited since or not (its
    header row kept: :func:`~roqa_nlp.write_up_files.write_up_of`). A table that cannot be
    read as one (damaged) is not judged: kept as ``.edited`` before it is replaced (s50)."""
    from ..transcripts.csv import header_cells
    from ..write_up_files import write_up_of

    if path.suffix.lower() in (".csv", ".tsv", ".xlsx") and header_cells(path) is None:
        return True
    return write_up_of(path) is not None


@app.command(
    "report", epilog=example("roqa report coded/ --table table2.docx --matrix matrix.xlsx")
)
def report_command(
    codings: Path = typer.Argument(
        ...,
        help="codings.jsonl, or the directory `roqa code` wrote (holding codings.jsonl).",
        metavar="CODINGS",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="HTML file to write (default: report.html beside the codings).",
        metavar="FILE",
    ),
    codebook: str | None = codebook_option(
        "Codebook id ({builtin}) or JSON file (default: the one the run used). Another codebook "
        "with a documented mapping charts the codes translated."
    ),
    matrix: Path | None = typer.Option(
        None,
        "--matrix",
        help="Also write the framework matrix (participants x codes): .xlsx or .csv.",
        metavar="FILE",
    ),
    table: Path | None = typer.Option(
        None,
        "--table",
        help="Also write the barriers/enablers table (the seed study's Table 2, by CFIR domain "
        "or by theme): .docx (laid out for a write-up), .xlsx or .csv.",
        metavar="FILE",
    ),
    table_quotes: int = typer.Option(
        1,
        "--table-quotes",
        min=0,
        max=3,
        help="Quotes per construct in the Word table (0: none, as in the seed study's Table 2; "
        "the .xlsx/.csv table always has up to 3, whatever this says).",
    ),
    cite: str = typer.Option(
        "participant",
        "--cite",
        metavar=choice_metavar("participant", "place"),
        help='How the Word table cites its quotes: participant ("(P04)", as a paper does) or '
        "place (also the transcript and offsets, and the time in a timed transcript, as the "
        ".xlsx/.csv table and the report always cite them).",
    ),
    saturation_out: Path | None = typer.Option(
        None,
        "--saturation",
        help="Also write the saturation table (new codes per interview, in order): .xlsx or .csv.",
        metavar="FILE",
    ),
    open_coding: Path | None = typer.Option(
        None,
        "--open-coding",
        help="Candidate codes (JSON Lines or JSON list) grouping the open-coding queue "
        "(default: open_coding.jsonl beside the codings, if present).",
        metavar="FILE",
    ),
    decisions: Path | None = typer.Option(
        None,
        "--decisions",
        help="A saved decisions.csv (or .jsonl) to start the review from, each decision shown "
        "on the segment with its text, as re-coded transcripts move segment ids (default: "
        "decisions.csv, or .xlsx, beside the codings, if present: the newer when both are).",
        metavar="FILE",
    ),
    top_k: int | None = typer.Option(
        None,
        "--top-k",
        min=1,
        help="Suggestions per segment charted as codes in the matrix/tables (default: a model's "
        "top one; every code of a person's codings, e.g. imported from a QDA program).",
    ),
    min_probability: float = typer.Option(
        0.0,
        "--min-probability",
        min=0.0,
        max=1.0,
        help="Lowest probability charted as a code.",
        metavar="P",
    ),
    order: str | None = typer.Option(
        None,
        "--order",
        metavar="IDS",
        help="The order the interviews were done in, for saturation: transcript (or participant) "
        "ids separated "
        "by commas, or a text file with one id per line (or commas between them) (default: the "
        "participants' order when every interview's id is a participant number, P01 ... P13, "
        "one transcript each, no date in a file name and no group among them; else the order they were coded in: file names with numbers compared as numbers, p2 "
        "before p10).",
    ),
    initial_sample: int = typer.Option(
        10, "--initial-sample", min=1, help="Saturation (Francis 10+3): the initial sample."
    ),
    stopping_criterion: int = typer.Option(
        3,
        "--stopping-criterion",
        min=1,
        help="Saturation (Francis 10+3): further interviews in a row with no new code.",
    ),
    base_size: int = typer.Option(
        4,
        "--base-size",
        min=1,
        help="Saturation (Guest et al. 2020): the first interviews, whose codes are the base "
        "that a run's new information is measured against.",
    ),
    run_length: int = typer.Option(
        2,
        "--run-length",
        min=1,
        help="Saturation (Guest et al. 2020): the interviews in a row that make a run.",
    ),
    new_information: float = typer.Option(
        0.05,
        "--new-information",
        min=0.0,
        max=1.0,
        help="Saturation (Guest et al. 2020): the most new information a run may bring, as a "
        "share of the base's codes (0.05 = 5 %).",
        metavar="P",
    ),
) -> None:
    """Write the self-contained HTML report of a coding result (opens offline, no network)."""
    from ..crosswalk import chart_codebook_for, chart_codings, chart_given, refuse_unrelated_chart
    from ..errors import RoqaError
    from ..exchange.qdpx_export import coder_of, person_of
    from ..framework import framework_matrix
    from ..framework_docx import check_cite
    from ..io import check_outputs
    from ..open_coding import with_no_counterpart_queued
    from ..report import MATRIX_QUOTES, ReportOptions, recurring_set_aside_groups, write_report
    from ..result import CodingResult
    from .agree_cmd import coder_name
    from .interrupted import told_if_interrupted

    check_cite(cite, "--cite")
    for what, path, formats in (
        ("matrix", matrix, MATRIX_FORMATS),
        ("table", table, TABLE_FORMATS),
        ("saturation table", saturation_out, SATURATION_FORMATS),
    ):
        if path is not None and path.suffix.lower() not in formats:
            names = ", ".join(formats[:-1]) + f" or {formats[-1]}"
            raise RoqaError(f"unknown {what} format", path=path, hint=f"use a {names} file name")
    from ..result import codings_file, recorded_sources

    source = codings_file(codings)  # a report, or transcripts, given: said before --out is
    if out is not None and out.is_dir():  # --out is a folder in code, train, import ...
        raise RoqaError(
            "is a folder, not a file",
            path=out,
            hint=f"--out is the report's file: give {out / 'report.html'}",
        )
    check_outputs(
        {
            ("--out" if out else "report.html beside the codings"): out
            or source.with_name("report.html"),
            "--matrix": matrix,
            "--table": table,
            "--saturation": saturation_out,
        },
        [
            source,
            *(source.with_name(n) for n in CODINGS_FILES),
            *(p for p in (decisions, open_coding) if p),
        ],
        transcripts=recorded_sources(source),
        formats={"--out": HTML_FORMAT},
        # an edited write-up is kept as .edited before it is replaced; a file of the name that
        # is none (a researcher's labelled records) is refused (mistakes tester, session 52)
        own={
            option: ("a table roqa report wrote", _is_write_up)
            for option in ("--matrix", "--table", "--saturation")
        },
    )
    from ..folder_lock import lock_output_folder

    # the report's folder (the codings', by default), as roqa code locks its --out: held to the
    # end, so a report is not written into a folder another run is writing
    lock_output_folder((out or source.with_name("report.html")).parent)
    result = CodingResult.read(codings)
    from ..source_fingerprints import warn_of_changed_sources
    from ..transcripts.roles import cases_coded_from_template_labels

    warn_of_changed_sources([source])  # a transcript edited since: the report charts its old text

    for line in cases_coded_from_template_labels(result.transcripts.values()):
        print(f"roqa: warning: {source}: {line}", file=sys.stderr)
    from ..crosswalk import codings_codebook

    review = read_review(decisions, source.parent, codebook=codings_codebook(result))
    if review is not None:
        from .code_cmd import (
            leave_out_notes_left_out,
            leave_out_notes_on_replaced_names,
            review_made_on,
        )

        leave_out_notes_left_out(review, result.meta, "roqa report")
        made_on = review_made_on(review, source.parent) is None  # made on these codings?
        leave_out_notes_on_replaced_names(review, result, "roqa report", made_on)
    if not result.segments and not result.transcripts:
        raise RoqaError(
            "holds no segment codings",
            path=source,
            hint="give the codings.jsonl that `roqa code` wrote",
        )
    from ..crosswalk import without_unknown_codes

    result = without_unknown_codes(result)  # a code id typed in by hand: not charted
    book, chosen = chart_codebook_for(codebook, result, codings)
    refuse_unrelated_chart(book, result, codebook, source)
    if chosen:
        typer.echo(chosen)
    # a person applied every code they gave: chart them all, and translate them as applied codes
    # (one with several counterparts in --codebook charted once, under its own name)
    person = person_of(result, coder_name(codings))
    if person is not None and coder_of(result) is None:
        # codings that record no maker but read as a person's: the page shows them as theirs
        result.meta = {
            **(result.meta if isinstance(result.meta, dict) else {}),
            "user": {"name": person},
        }
    if person is not None:
        review = None  # a person's page is read-only: no review to carry
    if person is None:
        result, note = chart_codings(result, book, person=False)
        # talk whose model codes have no counterpart in the codebook: for open coding
        result = with_no_counterpart_queued(result)
    else:  # a code of theirs with several counterparts is charted once, as they gave it
        result, book, note = chart_given(result, book)
    if note:
        print_charted_note(note, result, book)
    elif review is not None:
        review.read_in(book, result)  # a review made in CFIR 2.0, on codings charted in 2009
    if top_k is None:
        top_k = 1 if person is None else max((len(s.suggestions) for s in result), default=1)
        if person is not None and top_k > 1:
            typer.echo(f"charting every code {person} gave a passage (--top-k sets how many)")
    on_questions = sum(1 for s in result if s.segment.role == "interviewer" and s.suggestions)
    if on_questions:
        typer.echo(
            f"{on_questions} coded passage(s) on interviewer turns are not charted (the matrix and "
            "tables chart participants' talk); they stay in the transcripts section"
        )
    candidates = _read_candidates(
        open_coding or source.with_name("open_coding.jsonl"), open_coding is not None
    )
    from ..report import stale_groups_said

    stale = stale_groups_said(result, candidates)
    if stale:
        print(
            f"roqa: warning: {open_coding or source.with_name('open_coding.jsonl')}: {stale}: "
            "left out of the groups; `roqa code` again regroups",
            file=sys.stderr,
        )
    opts = ReportOptions(
        top_k=top_k,
        min_probability=min_probability,
        initial_sample=initial_sample,
        stopping_criterion=stopping_criterion,
        new_info_threshold=new_information,
        base_size=base_size,
        run_length=run_length,
        order=None if order is None else _interview_order(order),
        order_typed=order,
        codings_folder=str(source.parent),
    )
    page = out or source.with_name("report.html")
    write_ups = [p for p in (matrix, table, saturation_out) if p is not None]
    planned = [page, *write_ups]
    from ..io import atomic_write_bytes
    from ..write_up_files import keep_edited, kept_line, record_written

    # the write-up files are made first, so that one on disk with their content (the first run
    # since the record, below) is not taken for an edited one
    new: dict[Path, bytes] = {}
    import warnings

    from ..errors import RoqaWarning

    decided: dict[str, list[str]] | None = None
    still: list[str] = []  # the codes the write-ups chart that the review rejected or replaced
    if review is not None and write_ups:
        from ..decisions import decided_and_rejected

        with warnings.catch_warnings():  # the review's line says them
            warnings.simplefilter("ignore", RoqaWarning)
            decided, rejected = decided_and_rejected(review.decisions, result, book)
        still = rejected_charted(result, book, decided, rejected, top_k, min_probability)
    # the write-ups chart the model's suggestions: with a review carried in, each says it is
    # not that review (tester s87 daily19, D2: "Not reviewed by a researcher." under a Table 2
    # quoting the codes the review rejected), on the terminal too (warn_not_the_review)
    review_named = review.path.name if review is not None and (decided or still) else None
    if matrix is not None:
        m = framework_matrix(
            result,
            codebook=book,
            quotes=MATRIX_QUOTES,
            top_k=top_k,
            min_probability=min_probability,
        )
        if review_named is not None:
            from ..framework import not_the_review

            m.note = not_the_review(m.note, review_named)
        new[matrix] = written_bytes(matrix, m.to_xlsx if _is_xlsx(matrix) else m.to_csv)
    table_note: str | None = None
    if table is not None:

        def write_t(path: Path) -> None:
            nonlocal table_note
            table_note = write_table(
                path, result, book, opts, quotes=table_quotes, cite=cite, review=review_named
            )

        new[table] = written_bytes(table, write_t)
    if saturation_out is not None:
        with warnings.catch_warnings():  # the report's saturation says them
            warnings.simplefilter("ignore", RoqaWarning)
            from ..decisions import new_code_names

            sat = opts.saturation(
                result,
                codebook=book,
                decided=decided,
                decided_names=None if review is None else new_code_names(review.decisions),
            )
        if review_named is not None:
            from ..framework import not_the_review

            sat.note = not_the_review(sat.note, review_named)
        new[saturation_out] = written_bytes(
            saturation_out, sat.to_xlsx if _is_xlsx(saturation_out) else sat.to_csv
        )
    # a matrix charted in Excel, a Table 2 finished in Word: kept before any file is replaced
    if (kept := kept_line(keep_edited(new))) is not None:
        print(f"roqa: warning: {kept}", file=sys.stderr)
    # each file is written whole; said which are this run's if Ctrl-C stops the set
    with told_if_interrupted(page.parent, planned, unlike="match the new report"):
        path = write_report(
            result,
            page,
            book,
            open_coding=candidates,
            options=opts,
            decisions=None if review is None else review.decisions,
            decisions_from=None if review is None else review.path,
        )
        if review is not None:
            typer.echo(review.line(result, book))
        typer.echo(f"report: {path}")
        named = named_in(review)
        for group in recurring_set_aside_groups(result, candidates):
            note = recurring_note(group, named=named)
            if note is not None:
                typer.echo(note)
        if matrix is not None:
            atomic_write_bytes(matrix, new[matrix])
            record_written(matrix)
            typer.echo(f"matrix: {matrix}")
            if review is not None and review_named is not None:
                warn_not_the_review(matrix, review.path, still)
        if table is not None:
            atomic_write_bytes(table, new[table])
            record_written(table)
            if table_note:  # the .csv has no note (the Word table and the workbook have it)
                typer.echo(table_note)
            typer.echo(f"table: {table}")
            if review is not None and review_named is not None:
                warn_not_the_review(table, review.path, still)
        if saturation_out is not None:
            from ..io import shell_quoted

            atomic_write_bytes(saturation_out, new[saturation_out])
            record_written(saturation_out)
            rule = f"{sat.francis.initial_sample}+{sat.francis.stopping_criterion} rule"
            # whose codes the verdict is on, as the workbook's About says: a review carried into
            # the page is not charted (apply-decisions makes it the reviewer's codings)
            whose = (
                f"on the codes {person} gave"
                if person is not None
                else "on the model's suggestions, unreviewed"
                if review is None
                else "on the model's suggestions, not the review carried into the report"
            )
            # the answer and its cause first, then each further sentence on its own line, the
            # unsure new codes cut at five (the file lists them all): one sentence of up to 900
            # characters hid the answer (s68, verdict); so is each list of codes the sentences
            # name, which the report gives whole (a review's decided codes made a line of 1,900
            # characters: hunt s68 h_verdict, D1)
            from ..framework import VERDICT_NAMES, verdict_sentences

            said = verdict_sentences(
                sat.francis,
                VERDICT_NAMES,
                f"the unsure_new_codes column of {saturation_out}",
                lists_in=str(path),
            )
            typer.echo(f"saturation: {saturation_out} ({rule}, {whose}): {said[0]}")
            if review is not None and review_named is not None:
                warn_not_the_review(saturation_out, review.path, still)
            for sentence in said[1:]:
                typer.echo(f"  {sentence}")
            if agreeing := sat.agreeing_only_note():
                typer.echo(f"  {agreeing}")
            if groups := sat.groups_note():
                typer.echo(f"  {groups}")
            if sat.order_note:
                typer.echo(f"note: {sat.order_note}")
        if review is not None and decided:
            from ..io import shell_quoted

            # a review given with --decisions, not beside the codings: apply-decisions
            # finds it only so told (s51 saturation, finding 8)
            given = "" if review.found else f" --decisions {shell_quoted(review.path)}"
            # the review's write-ups beside its codings, not over the model's files this run
            # wrote (s56 incremental, finding 2); each of them, not saturation alone (s87, D2)
            theirs = "".join(
                f" {option} {shell_quoted(Path('reviewed') / p.name)}"
                for option, p in (
                    ("--matrix", matrix),
                    ("--table", table),
                    ("--saturation", saturation_out),
                )
                if p is not None
            )
            aim = "judge saturation on" if write_ups == [saturation_out] else "chart"
            n = len(decided)
            typer.echo(
                f"note: the review carried in decided {n} segment{'' if n == 1 else 's'}; to "
                f"{aim} its codes, run `roqa apply-decisions {shell_quoted(source.parent)}"
                f"{given} --coder NAME --out reviewed/`, then `roqa report reviewed/{theirs}"
                f"{opts.rule_options()}`"
            )


def rejected_charted(
    result: CodingResult,
    book: Codebook,
    decided: dict[str, list[str]],
    rejected: dict[str, set[str]],
    top_k: int,
    min_probability: float,
) -> list[str]:
    """The codes the write-ups chart (:func:`~roqa_nlp.framework.coded_segments`) that the
    review carried in rejects (``rejected``: :func:`~roqa_nlp.decisions.rejected_codes`), or
    does not give a segment it decided (``decided``:
    :func:`~roqa_nlp.decisions.decided_segments`: recoded, or given no code), as
    ``segment_id code``."""
    from ..framework import coded_segments

    coded = coded_segments(result, top_k=top_k, min_probability=min_probability, codebook=book)
    return list(
        dict.fromkeys(
            f"{q.segment_id} {q.code_id}"
            for q in coded
            if q.code_id in rejected.get(q.segment_id, ())
            or (q.segment_id in decided and q.code_id not in decided[q.segment_id])
        )
    )


def warn_not_the_review(path: Path, review: Path, still: list[str]) -> None:
    """Warn that the write-up ``path`` charts the model's suggestions, not the review carried
    in (``review``), with the codes it rejected or replaced (recoded, gave another code or
    none) that ``path`` still charts (``still``: :func:`rejected_charted`); the note after the
    files gives the commands charting it."""
    from ..errors import first_and_count

    n = len(still)
    codes = (
        f": it still charts {n} code{'' if n == 1 else 's'} the review rejected or replaced "
        f"({first_and_count(still)})"
        if n
        else ""
    )
    print(
        f"roqa: warning: {path}: charts the model's suggestions, not the review in {review}{codes}",
        file=sys.stderr,
    )


def _is_xlsx(path: Path) -> bool:
    return path.suffix.lower() == ".xlsx"


def written_bytes(path: Path, write: Callable[[Path], object]) -> bytes:
    """The bytes ``write`` writes to a file named like ``path`` (its extension is its format),
    written in a private temporary folder beside it (so that quotes are never left outside the
    output folder, even by a process killed mid-write; the system's temporary folder only when
    the output folder does not exist yet): the write-up file, to compare with the one it is to
    replace before anything is replaced (:func:`~roqa_nlp.write_up_files.keep_edited`)."""
    import tempfile

    beside = path.parent if path.parent.is_dir() else None
    with tempfile.TemporaryDirectory(prefix=".roqa-write-up-", dir=beside) as folder:
        made = Path(folder) / f"write-up{path.suffix}"
        write(made)
        return made.read_bytes()


def write_table(
    path: Path,
    result: CodingResult,
    book: Codebook,
    opts: ReportOptions,
    *,
    quotes: int = 1,
    cite: str = "participant",
    review: str | None = None,
) -> str | None:
    """Write the barriers/enablers table to ``path`` (.docx, .xlsx or .csv), charted as the
    report charts it; the Word table (with ``quotes`` quotes per construct, cited as ``cite``
    says) and the workbook say what it charts (:func:`~roqa_nlp.framework.charted_note`). The
    line to say of a .csv (which has no note) when some codes have another side or some replies
    that only agree are left out (:func:`~roqa_nlp.framework.agreeing_left_out`), else None.
    ``review``: the name of the review carried in, which the note says the table is not
    (:func:`~roqa_nlp.framework.not_the_review`)."""
    from ..framework import barriers_enablers, not_the_review
    from ..report import TABLE2_QUOTES

    t = barriers_enablers(
        result, book, quotes=TABLE2_QUOTES, top_k=opts.top_k, min_probability=opts.min_probability
    )
    if review is not None:
        t.note = not_the_review(t.note, review)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        t.to_docx(path, quotes=quotes, cite=cite)
    elif suffix == ".xlsx":
        t.to_xlsx(path)
    else:
        t.to_csv(path)
        return " ".join(line for line in (t.other_side, t.check, t.agreeing) if line) or None
    return None


@dataclass
class Review:
    """The decisions a report starts from, and the file they came from."""

    decisions: list[Decision]
    path: Path
    found: bool  # found beside the codings, not given with --decisions
    #: the no-code rows added to ``decisions`` for the report and not written to ``path``
    #: (``roqa code --decisions`` of a file elsewhere): made for the segments whose every
    #: suggestion the review rejected, in memory (their ``row`` is 0)
    added: int = 0
    #: the codings the run replaces (``roqa code`` into the folder the review was made on),
    #: and the decisions matched to them, before it codes: set by ``roqa code``
    replaced: CodingResult | None = None
    before: DecisionMatch | None = None
    #: the transcripts not coded whose decisions followed their words into another (renamed
    #: since the review, or since the codings replaced), as :meth:`line` found them: a run
    #: coding every transcript does not say it left them out
    followed: frozenset[str] = frozenset()

    def read_in(self, book: Codebook, result: CodingResult) -> None:
        """Read its decisions on codes of another codebook (a review made on the codings charted
        in CFIR 2.0) as the decisions they are on ``book``'s codes, the codes of ``result`` (the
        codings charted as they are), so the report's controls show them; one warning says so."""
        from ..decisions_crosswalk import in_model_codes

        self.decisions = in_model_codes(self.decisions, book, result, where=self.path)

    def line(self, result: CodingResult, book: Codebook, dropped: Collection[str] = ()) -> str:
        """What the CLI says of them: how many were carried into the report, which were not
        (and, in a warning, which went to segments whose text was edited since the review).
        Each is counted as ``roqa apply-decisions`` and ``roqa train --feedback`` will read it:
        a new code named as a code of ``book``, the codebook the report is charted in, as the
        recode to that code, with their warning (the page keeps the row as typed, so a file
        saved from it is read the same way). ``dropped``: the transcripts the output folder
        held codings of that this run does not code (``roqa code`` of some of a study's
        transcripts): the line says how many of the rows that match no segment are on them."""
        from ..decisions import (
            DecisionMatch,
            match_decisions,
            named_codes_recoded,
            warn_of_edited_text,
        )

        where = f"{self.path} (found beside the codings)" if self.found else str(self.path)
        # a row renamed keeps its segment id, text and row: matched as the row it was
        match = match_decisions(named_codes_recoded(self.decisions, book, where=self.path), result)
        renamed = match.renamed_since(self.before) if self.before is not None else {}
        self.followed = frozenset({*match.followed, *renamed})
        warn_of_edited_text(match, self.path, book)
        if not self.added:
            return match.summary(where, dropped=dropped)
        # the rows the file holds (the added ones were made in memory: row 0)
        own = [i for i, d in enumerate(match.decisions) if d.row]
        in_file = DecisionMatch(
            tuple(match.decisions[i] for i in own),
            tuple(match.on[i] for i in own),
            tuple(match.edited[i] for i in own) if match.edited else (),
            match.coded,
            excel=match.excel,
        )
        return in_file.summary(where, added=self.added, dropped=dropped)


def read_review(
    given: Path | None,
    folder: Path,
    *,
    near_named: bool = True,
    codebook: Codebook | None = None,
) -> Review | None:
    """The decisions given with ``--decisions``, else those of the review saved in ``folder``
    (``decisions.csv`` or ``.xlsx``: :func:`~roqa_nlp.decisions.review_beside`, whose note of
    two is printed; a file saved before any decision holds none: no error then), else None. A
    file that is not a decisions file is a one-line error, as is one of 0 bytes found beside
    the codings (:func:`~roqa_nlp.decisions.empty_review`), as when given. With none there, a
    file named nearly as the review (``decisions (1).csv``) is warned of when ``near_named``
    (:func:`~roqa_nlp.decisions.near_named_review`; apply-decisions names it in its error),
    never read; beside the review, one saved after it is always warned of
    (:func:`~roqa_nlp.decisions.newer_near_named_review`), the review still read: by
    apply-decisions too, which said nothing of it (s76 leftover, s77)."""
    from ..decisions import (
        decisions_not_found,
        empty_review,
        near_named_review,
        newer_near_named_review,
        read_decisions,
        refuse_folder,
        review_beside,
    )

    if given is not None:
        if given.is_dir():
            refuse_folder(given)
        if not given.is_file():
            raise decisions_not_found(given)
        return Review(read_decisions(given, codebook=codebook)[0], given, found=False)
    beside, note = review_beside(folder)
    if beside is None:
        if near_named and (near := near_named_review(folder)) is not None:
            print(f"roqa: warning: {near}", file=sys.stderr)
        return None
    if note:
        print(f"roqa: note: {note}", file=sys.stderr)
    if (newer := newer_near_named_review(beside)) is not None:
        print(f"roqa: warning: {newer}", file=sys.stderr)
    if (empty := empty_review(beside)) is not None:
        raise empty
    decisions = read_decisions(beside, allow_empty=True, codebook=codebook)[0]
    return Review(decisions, beside, found=True)


def named_in(review: Any) -> set[str]:
    """The ids of the segments the decisions carried into the run (``--decisions``, or the
    output folder's decisions.csv) name a new code for; none without a review."""
    if review is None:
        return set()
    return {d.segment_id for d in review.decisions if d.decision == "new-code" and d.new_code}


def recurring_note(
    group: dict[str, Any], *, in_report: bool = True, named: Collection[str] = ()
) -> str | None:
    """The note naming a group of talk set aside as small talk or background that recurs
    across interviews (an entry of ``open_coding.jsonl`` marked ``set_aside``): where to read
    it (the report's open-coding section, else ``open_coding.csv``), since it may be a theme.
    Only its segments the review carried in does not name a new code for (``named``, ids) are
    counted: None when it names them all (a re-run noted groups already named)."""
    ids = [sid for sid in group["segment_ids"] if sid not in named]
    if not ids:
        return None
    where = (
        "in the report's open-coding section"
        if in_report
        else f"in open_coding.csv ({group['id']}), or in the report `roqa report` writes"
    )
    shown = f"({group['label']}: {', '.join(ids[:3])}{' ...' if len(ids) > 3 else ''})"
    n_named = len(group["segment_ids"]) - len(ids)
    if not n_named:
        return (
            f"note: {len(ids)} segments {SET_ASIDE} recur across "
            f"{len(group['transcripts'])} interviews {shown}: read them {where}, and give one a "
            "new code if it is a theme"
        )
    one = len(ids) == 1
    return (
        f"note: {len(ids)} segment{'' if one else 's'} {SET_ASIDE}, of "
        f"a group recurring across {len(group['transcripts'])} interviews whose other {n_named} "
        f"already ha{'s' if n_named == 1 else 've'} a new code in the review {shown}: read "
        f"{'it' if one else 'them'} {where}, and give {'it' if one else 'one'} a new code if it "
        "is a theme"
    )


def _read_candidates(path: Path, required: bool) -> list[dict[str, Any]] | None:
    """Candidate codes from ``open_coding.jsonl`` (one per line) or a JSON list."""
    from ..errors import RoqaError, RoqaFileNotFoundError
    from ..io import read_jsonl, read_text

    if not path.exists():
        if required:
            from ..io import missing_path_hint

            raise RoqaFileNotFoundError("file not found", path=path, hint=missing_path_hint(path))
        return None
    if path.suffix.lower() == ".json":
        text = read_text(path)  # its own error (not a text file) said as it is
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as e:  # also 4 300-digit numbers, deep nesting
            why = e.msg if isinstance(e, json.JSONDecodeError) else type(e).__name__
            raise RoqaError(f"is not valid JSON ({why})", path=path) from None
        rows = data.get("candidates", data.get("clusters")) if isinstance(data, dict) else data
    else:
        rows = read_jsonl(path)
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and isinstance(r.get("segment_ids"), list) for r in rows
    ):
        raise RoqaError(
            "is not a list of candidate codes",
            path=path,
            hint="each candidate needs id, label or keywords, and segment_ids",
        )
    return rows


def _interview_order(order: str) -> tuple[str, ...]:
    """Transcript ids from ``--order``: ids separated by commas, or a text file with one per
    line, or several on a line separated by commas (as on the command line). Blanks do not
    separate ids: a transcript id is a file name, which may hold them (``p12 final``). An order
    naming no interview is an error."""
    from ..errors import RoqaError
    from ..io import read_text

    path = Path(order)
    try:
        is_file = path.is_file()
    except OSError:  # ids longer than a file name may be: the note's example of every one
        is_file = False
    text = read_text(path) if is_file else order
    from ..schema import nfc

    # composed, as transcript ids are: "Siobhán" typed matches a file macOS named decomposed
    ids = tuple(nfc(i.strip()) for line in text.splitlines() for i in line.split(",") if i.strip())
    if not ids:
        raise RoqaError(
            "--order names no interview",
            path=path if is_file else None,
            hint="give transcript ids separated by commas, or a text file with one per line",
        )
    return ids
