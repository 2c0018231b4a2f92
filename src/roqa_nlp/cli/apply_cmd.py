"""``roqa apply-decisions``: the researcher's reviewed codings, from the decisions they saved."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ._app import app

if TYPE_CHECKING:
    from ..codebook import Codebook
    from ..result import CodingResult
    from .report_cmd import Review


@app.command("apply-decisions")
def apply_decisions_command(
    codings: Path = typer.Argument(
        ...,
        help="The codings the decisions were made on: codings.jsonl or its folder.",
        metavar="CODINGS",
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Folder for the reviewed codings.", metavar="FOLDER"
    ),
    coder: str = typer.Option(
        ...,
        "--coder",
        help="Who reviewed: the name the reviewed codings are recorded under.",
        metavar="NAME",
    ),
    decisions: Path | None = typer.Option(
        None,
        "--decisions",
        help="The saved decisions.csv, or that file re-saved from Excel as .xlsx (default: "
        "decisions.csv, or .xlsx, beside the codings: the newer when both are).",
        metavar="FILE",
    ),
) -> None:
    """Write the codings the review decided (accepted, recoded and new codes, and the notes on
    those segments, and the suggested code of a passage a QDA review gave a valence alone; nothing
    else), as the reviewer's own: `roqa report OUT` charts Table 2 and the
    matrix from them, `roqa agree CODINGS OUT` compares the model with the reviewer, `roqa export
    OUT --qdpx F` takes them to a QDA program. A review made on the codings charted in CFIR 2.0
    (`roqa code --codebook cfir-2022`), or in your own codebook (`roqa code --codebook
    OWN.json`), is written in that codebook's codes, as it was made."""
    from ..codings_writer import FILES
    from ..crosswalk import CODEBOOK_FILE, codebook_for
    from ..decisions import reviewed_codings
    from ..earlier_outputs import files_before
    from ..errors import RoqaError
    from ..io import check_output_folder, check_own_outputs, refuse_unfit_out_folder
    from ..result import CodingResult
    from ._app import console, print_files
    from .code_cmd import _warn_if_report_is_stale, _warn_of_earlier_outputs
    from .report_cmd import read_review

    if not coder.strip():
        raise RoqaError("--coder is empty", hint="give the reviewer's name")
    source = codings / "codings.jsonl" if codings.is_dir() else codings
    if out.exists() and not out.is_dir():
        raise RoqaError("is a file, not a folder", path=out, hint="give a folder with --out")
    if out.resolve() == source.parent.resolve():
        raise RoqaError(
            "is the folder of the codings reviewed",
            path=out,
            hint="give another folder, so the model's codings stay",
        )
    check_output_folder(out, files=[*FILES, CODEBOOK_FILE])
    refuse_unfit_out_folder(out, transcripts=True, exports=True)  # its .qdpx: its export
    check_own_outputs(out, [*FILES, CODEBOOK_FILE])
    from ..folder_lock import lock_output_folder

    lock_output_folder(out)  # held to the end: a second run into it refuses at once
    result = CodingResult.read(codings)
    from ..crosswalk import codings_codebook

    # a renamed near-named file is named in the error
    review = read_review(
        decisions, source.parent, near_named=False, codebook=codings_codebook(result)
    )
    by_pseudonyms: list[str] = []
    if review is not None:
        from .code_cmd import (
            leave_out_notes_left_out,
            leave_out_notes_on_replaced_names,
            review_made_on,
        )

        leave_out_notes_left_out(review, result.meta, "roqa apply-decisions")
        made_on = review_made_on(review, source.parent) is None  # made on these codings?
        by_pseudonyms = leave_out_notes_on_replaced_names(
            review, result, "roqa apply-decisions", made_on
        )
    if review is None or not review.decisions:
        from ..decisions import REVIEW_FILES, near_named_reviews, rename_to_review
        from ..errors import and_list

        near = near_named_reviews(source.parent) if review is None else []
        raise RoqaError(
            # none saved beside the codings: said as such, not as a file holding none
            "no decisions found"
            if review is not None
            else f"no review is saved beside the codings (no {' or '.join(REVIEW_FILES)})",
            path=source.parent if review is None else review.path,
            hint=f"{and_list(near)} {'is' if len(near) == 1 else 'are'} there: "
            f"{rename_to_review(near)}"
            if near
            else "save the review from report.html (Save decisions) and give it with --decisions",
        )
    # the codes go on with the GUIDs the QDA program the codings were imported from gave them
    model_book = _with_program_guids(codebook_for(None, result, codings), codings)
    from ..crosswalk import CHART_KEY, keep_chart, load_chart, recorded_chart

    chart = recorded_chart(result.meta)
    # the codes the report page showed and saved: a review in them is read in them
    chart_book = None if chart is None else load_chart(chart, codings)
    reviewed, book, counts = reviewed_codings(
        review.decisions,
        result,
        model_book,
        coder=coder.strip(),
        where=review.path,
        chart=chart_book,
    )
    guid = _reviewer_guid(source.parent, coder.strip(), result)
    if guid is not None:  # the reviewer goes back to the QDA program as the user they are there
        reviewed.meta["user"] = {**reviewed.meta["user"], "guid": guid}
    # the files an earlier run left (a report's table2.csv, matrix.csv ...), named at the end
    before = files_before(out) if out.is_dir() else set()
    chart_copy = None
    if chart_book is not None:  # charted, as the codings reviewed were, in `roqa code --codebook`'s
        # (a codebook file's copy kept beside the reviewed codings too)
        from ..io import make_out_dir

        make_out_dir(out)
        reviewed.meta[CHART_KEY], chart_copy = keep_chart(chart_book, out)
    written = reviewed._save_files(out)  # with codebook.json when the codebook is a project's
    stale = out / CODEBOOK_FILE
    if CODEBOOK_FILE not in written and stale.is_file():
        stale.unlink()  # an earlier review's new codes, of codings now in a built-in codebook
    notes_left = counts["notes"] - counts["notes_kept"]
    kept = (
        f", {counts['notes_kept']} note(s) kept with their segments" if counts["notes_kept"] else ""
    )
    used = ", ".join(f"{counts[k]} {k}" for k in ("accept", "recode", "new-code") if counts[k])
    if counts["kept"]:  # a QDA review's valence alone: the suggested code stands
        used += f"{', ' if used else ''}{counts['kept']} kept with its valence reviewed"
    n_decided = counts["segments"] + counts["rejected"] + counts["no_code"]
    # a segment given a no-code row alone is no segment "with every suggestion rejected"
    # (writeup tester, session 56: "2 with every suggestion rejected" of 1 such and 1 no-code)
    no_code_row = (
        f", {counts['no_code']} given no code by a no-code row" if counts["no_code"] else ""
    )
    undecided = counts["valence_undecided"]
    no_code = counts["valence_only"] - undecided
    extra = [
        f"{counts['not_found']} code decision(s) on no segment of the codings"
        if counts["not_found"]
        else "",
        f"{counts['valence_not_found']} valence decision(s) on no segment of the codings"
        if counts["valence_not_found"]
        else "",
        f"{notes_left} note(s) on no decided segment" if notes_left else "",
        f"{no_code} valence correction(s) on segments given no code" if no_code else "",
        f"{undecided} valence correction(s) on segments not decided (accept or recode their "
        "code too)"
        if undecided
        else "",
    ]
    from ..crosswalk import PROJECT_SUFFIX
    from ..decisions_crosswalk import base_codebook

    # a review made on the codings charted in CFIR 2.0 (or in the run's own chart codebook) is
    # kept in its codes, as made
    made_in = base_codebook(book).id.removesuffix(PROJECT_SUFFIX)
    made = "" if made_in == base_codebook(model_book).id else f" (in {made_in} codes, as made)"
    from ..decisions import to_review
    from ..errors import first_few
    from ..framework import ReviewScope, review_scope

    reviewable, aside, waiting = review_scope(reviewed.meta) or ReviewScope(len(result), "", 0)
    decided = {s.segment.id for s in reviewed}
    # the undecided segments of the transcripts reviewed; those not reached are said as such
    # (learn tester, session 54: "26 of 50 reviewable segments decided (24 undecided: rm04:0003
    # ...)", the 24 all in the 3 transcripts not reviewed yet)
    reached = set(reviewed.transcripts)
    open_ = [
        s.segment.id
        for s in result
        if to_review(s) and s.segment.id not in decided and s.segment.transcript_id in reached
    ]
    not_reached = [t for t in result.transcripts if t not in reached]
    # a segment with some suggestions rejected, the others undecided, is one of the undecided:
    # said of them, not counted again as left out (terminal tester, session 45: "2 undecided:
    # rm01:0001, ...; left out: 1 segment(s) with some suggestions rejected" read as 3)
    partly = counts["short_of_all"]
    partly_what = (
        "with some suggestions rejected and the others undecided (accept one, or reject every "
        "suggestion shown)"
    )
    partly_said = f", {partly} of them {partly_what}" if partly else ""
    if partly and partly > len(open_):  # not among them (set-aside talk): left out, as before
        extra.insert(2, f"{partly} segment(s) {partly_what}")
        partly_said = ""
    left = "; left out: " + ", ".join(e for e in extra if e) if any(extra) else ""
    if not_reached:
        left = (
            f"; {len(not_reached)} transcript{'s' * (len(not_reached) != 1)} ({waiting} "
            f"reviewable segment{'s' * (waiting != 1)}) not reviewed yet: "
            f"{first_few(not_reached)}{left}"
        )
    r = len(reached)
    if not_reached:
        in_ = f"the {r} reviewed transcript{'s' * (r != 1)}"
    else:
        in_ = "the 1 transcript" if r == 1 else f"all {r} transcripts"
    why = "; ".join(
        w
        for w in (
            aside,
            f"{len(open_)} undecided: {first_few(open_)}{partly_said}" if open_ else "",
        )
        if w
    )
    # decisions made on the codings before pseudonymising, on segments whose names it replaced
    n_stood = len(by_pseudonyms)
    stood = (
        f", {n_stood} segment{'s' * (n_stood != 1)} matched by reading {'its' if n_stood == 1 else 'their'} "
        "pseudonyms as the names they replaced (decided on the codings before pseudonymising: "
        f"{first_few(by_pseudonyms)})"
        if n_stood
        else ""
    )
    con = console()
    # one line a paragraph off a terminal, as roqa code's summary: a pipe or file is not cut
    # at 80 columns (cli tester cli2, session 80)
    prose = not con.is_terminal
    con.print(
        f"{coder.strip()}'s review{made}: {n_decided} of {reviewable} reviewable segments "
        f"decided in {in_}{f' ({why})' if why else ''}: "
        f"{_coded_with(counts['segments'], counts['distinct_codes'], counts['codes'], used)}, "
        f"{counts['rejected']} with every suggestion rejected and no code{no_code_row}{kept}"
        f"{stood}{left}. "
        "Only these are charted and compared.",
        soft_wrap=prose,
        markup=False,  # ids, codes and the coder's name as they are (hunt7, session 80)
    )
    from ..decisions import PROJECT_PREFIX, VALENCE
    from ..exchange.review import codes_given_no_valence
    from ..framework import SURE_VALENCE, valence_marked_unsure

    # the rule keeps a valence the reviewer did not set as the model gave it: unsure ones stay
    # unsure (docs/report.md); said here with what to do, each segment the reviewed outputs mark
    # so (a project code given no valence, a model's suggestion accepted too, has none: s80)
    unsure = [
        s for s in reviewed if any(valence_marked_unsure(g, person=True) for g in s.suggestions)
    ]
    if unsure:
        # a valence row giving the model's own side confirms it (docs/report.md, "valence")
        first = unsure[0]
        row = _csv_row(first.segment.id, VALENCE, "", "", "", "", first.suggestions[0].valence)
        con.print(
            f"{len(unsure)} coded segment(s) keep a valence the model gave that the reviewed "
            f"outputs mark valence unsure (\u2021: below {SURE_VALENCE:g}), since "
            "accepting or recoding a code confirms the code, not its valence: "
            f"{first_few([s.segment.id for s in unsure])}; set their valence in the "
            "review to confirm the side (its valence buttons, the model's side too, or a row "
            f"such as {row} in the decisions file), then apply the decisions again.",
            soft_wrap=prose,
            markup=False,  # ids and names as they are: p[red]1:0002 (hunt7, session 80)
        )
    # a new code given no valence has none (docs/report.md): charted neutral, which the reviewer
    # may not mean (hunt s68 h_small, 2: nothing said so once it was no longer a guess)
    unvalenced = [
        sid
        for sid, codes in codes_given_no_valence(reviewed).items()
        if any(c.startswith(PROJECT_PREFIX) for c in codes)
    ]
    if unvalenced:
        con.print(
            f"{len(unvalenced)} coded segment(s) have a new code given no valence, charted as "
            f"neutral, neither barrier nor enabler: {first_few(unvalenced)}; to give one a side, "
            "set the segment's valence in the review (its valence buttons, or a row such as "
            f"{_csv_row(unvalenced[0], VALENCE, '', '', '', '', 'barrier')} in the decisions "
            "file), then apply the decisions again.",
            soft_wrap=prose,
            markup=False,  # ids and names as they are: p[red]1:0002 (hunt7, session 80)
        )
    # the file read, named: a review saved elsewhere (a download) is not read unless given
    found = " (found beside the codings)" if review.found else ""
    typer.echo(f"Decisions read from {review.path}{found}.")
    print_files(con, written)
    # codes read in the model's codebook, as the page's rows are, when the codings were charted
    # in no other (a chart's review is compared as written, as before)
    _warn_if_report_carries_another_review(
        source.parent, review, result, model_book if chart_book is None else None
    )
    _warn_if_report_is_stale(out)
    _warn_of_earlier_outputs(
        out, [*written.values(), *([chart_copy] if chart_copy else [])], before
    )


def _with_program_guids(book: Codebook, codings: Path) -> Codebook:
    """``book`` with its codes (and the valence group) under the GUIDs the QDA program gave
    them, as the ``codebook.json`` that ``roqa import`` wrote beside the codings records them (a
    built-in codebook is loaded without them), so that the review exported goes back into the
    program's codes (:func:`~roqa_nlp.exchange.refiqda.written_guid`)."""
    from ..exchange.refiqda import with_program_guids
    from .exchange_cmd import imported_codebook_file

    path = imported_codebook_file(book.id, None, codings)
    return book if path is None else with_program_guids(book, path)


def _reviewer_guid(folder: Path, coder: str, result: CodingResult) -> str | None:
    """The GUID of the user named ``coder`` in the QDA project the codings in ``folder`` were
    imported from, as the ``import.json`` that ``roqa import`` wrote beside them or up to two
    folders above them (``OUT/import.json`` for ``OUT/codings/USER/``) lists its users; None
    when the codings were not imported, or the project has no user of that name. Exported,
    the review then goes back under that user, not a second one of the name (refi tester,
    session 50: Alice Morgan's GUID a8be2afb… became 22a5555b…)."""
    import json

    from ..exchange.refiqda import is_guid

    meta = result.meta if isinstance(result.meta, dict) else {}
    project = meta.get("project")
    if meta.get("source") != "REFI-QDA" or not isinstance(project, str):
        return None
    for d in [folder, *folder.parents][:3]:
        try:
            record = json.loads((d / "import.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            continue
        if not isinstance(record, dict) or record.get("project") != project:
            continue
        users = record.get("users")
        for user in users if isinstance(users, list) else []:
            if not isinstance(user, dict):  # a hand-edited or foreign file: no GUID given
                continue
            guid = user.get("guid")
            if user.get("name") == coder and isinstance(guid, str) and is_guid(guid):
                return guid.strip().strip("{}")
        return None
    return None


def _warn_if_report_carries_another_review(
    folder: Path, review: Review, result: CodingResult, codebook: Codebook | None = None
) -> None:
    """Warn when the report.html in ``folder`` (the codings') carries decisions the review read
    (``review``) does not hold: the review the page shows was saved to another file, most often
    a download left where the browser put it, and the segments it decides would be left out
    unsaid. Only segments the page decides and the file does not are cause (decided as
    apply-decisions decides them, :func:`~roqa_nlp.decisions.decided_segments`, each on the
    segment it is on now), and they are counted: a note, a valence alone or a rejection short
    of all the suggestions shown decides nothing, and a file deciding all the page's segments
    and more (saved since) is no cause. Both are read in ``codebook`` when given: a file's row
    on a code by its name is on the code the page's row names by its id (session 57: every
    suggestion rejected by name was "decided there only")."""
    from ..decisions import NOTE, decided_segments, match_decisions
    from ..report import carried_review, decided_in_review

    page = folder / "report.html"
    rows = carried_review(page) if page.is_file() else None
    if not rows:
        return
    # decided as apply-decisions decides (a code given, every suggestion shown rejected, no-code):
    # a note, a valence alone or a rejection short of all decides nothing, so is no cause
    only_there = (
        decided_in_review(rows, result, codebook).keys()
        - decided_segments(review.decisions, result, codebook).keys()
    )
    if not only_there:
        return
    read = match_decisions(review.decisions, result).matched
    shown = [r for r in rows if r[1] != NOTE]
    own = [sid for d, sid in read if d.decision != NOTE]
    print(
        f"roqa: warning: {page} carries a review with decisions that {review.path}, read here, "
        f"does not hold (report.html: {len(shown)} decisions on {len({r[0] for r in shown})} "
        f"segments, {len(only_there)} of them decided there only; {review.path.name}: "
        f"{len(own)} on {len(set(own))}): "
        + (
            "to apply the review the report shows, give the file it was saved to with "
            f"--decisions FILE, or move that download into {folder} as decisions.csv"
            if review.found
            else "check it is the review you mean: to apply the one the report shows, give the "
            "file it was saved to with --decisions FILE"
        ),
        file=sys.stderr,
    )


def _coded_with(segments: int, codes: int, codings: int, used: str) -> str:
    """The summary's count of the segments coded, with the number of distinct codes given and of
    codings (a segment and code) by decision: ``5 coded with 1 distinct code (5 codings: 5
    new-code)``. "5 coded with 5 code(s) (5 new-code)" read as 5 new codes, when 5 segments had
    one (tester s59, L5)."""
    if not codings:
        return f"{segments} coded"
    one = codes == 1
    return (
        f"{segments} coded with {codes} distinct code{'' if one else 's'} ({codings} "
        f"coding{'' if codings == 1 else 's'}: {used})"
    )


def _csv_row(*cells: str) -> str:
    """``cells`` as one row of a CSV file, as the csv module writes it: a segment id holding a
    comma or a quote (from a file named ``a,"b".txt``) quoted, so that the row suggested for the
    decisions file is one it reads (cli tester cli2, session 80)."""
    import csv
    import io

    line = io.StringIO()
    csv.writer(line, lineterminator="").writerow(cells)
    return line.getvalue()
