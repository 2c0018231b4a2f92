"""``roqa export`` and ``roqa import``: REFI-QDA projects (.qdpx) and codebooks (.qdc).

Export takes the suggestions of ``roqa code`` to NVivo, ATLAS.ti, MAXQDA or QualCoder; import
brings back transcripts, the codebook and each coder's codings, and, when the project holds
roqa_nlp's suggestions, each coder's decisions on them (for ``roqa train --feedback``). Import
parses everything before writing anything, then writes into a temporary directory beside ``--out``
and moves it into place, so a malformed or hostile file leaves no partial output.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from ._app import (
    app,
    codebook_option,
    interviewer_option,
    participant_option,
    print_charted_note,
)


def _warn(lines: list[str]) -> None:
    for line in lines:
        print(f"roqa: warning: {line}", file=sys.stderr)


def _warn_of(file: Path, lines: list[str]) -> None:
    """The warnings about ``file`` each naming it first, as ``roqa agree`` names it (before,
    refi tester session 58, roqa import's named no file); a line naming it already is not
    named twice."""
    from ..exchange.qdpx_import import unnamed_warning

    _warn([f"{file}: {unnamed_warning(file, line)}" for line in lines])


@app.command("export")
def export_cmd(
    codings: Path | None = typer.Argument(
        None,
        help="codings.jsonl written by `roqa code` (or the directory holding it).",
        metavar="CODINGS",
    ),
    qdpx: Path | None = typer.Option(
        None, "--qdpx", help="Write the suggestions as a REFI-QDA project (.qdpx).", metavar="FILE"
    ),
    qdc: Path | None = typer.Option(
        None, "--qdc", help="Write the codebook as a REFI-QDA codebook (.qdc).", metavar="FILE"
    ),
    codebook: str | None = codebook_option(
        "Codebook id ({builtin}) or codebook .json (default: the one the codings used). Another "
        "codebook with a documented mapping exports the codes translated."
    ),
    top_k: int | None = typer.Option(
        None,
        "--top-k",
        min=1,
        help="Suggestions exported per segment (default: a model's top one; every code of a "
        "person's codings read from a QDA project).",
    ),
    min_probability: float = typer.Option(
        0.0, "--min-probability", help="Leave out suggestions below this probability.", metavar="P"
    ),
) -> None:
    """Export suggestions to NVivo, ATLAS.ti, MAXQDA or QualCoder (.qdpx), or a codebook (.qdc)."""
    from ..codebook import DEFAULT_CODEBOOK, Codebook
    from ..crosswalk import chart_codebook_for, chart_codings, refuse_unrelated_chart
    from ..errors import RoqaError, first_and_count
    from ..exchange import export_qdc, export_qdpx
    from ..exchange.qdpx_export import AUTO, coder_of, person_of
    from ..exchange.review import VALENCE_NOT_GIVEN, codes_read_as, valence_not_given
    from ..io import check_outputs
    from ..result import CodingResult
    from .agree_cmd import coder_name

    if qdpx is None and qdc is None and codings is None:  # `roqa export` alone
        raise RoqaError(
            "nothing to export",
            hint="give the codings and a file to write: roqa export coded/ --qdpx OUT.qdpx, or "
            "--qdc OUT.qdc for the codebook alone",
        )
    if qdpx is None and qdc is None:
        raise RoqaError("nothing to write", hint="give --qdpx OUT.qdpx and/or --qdc OUT.qdc")
    if qdpx is not None and codings is None:
        raise RoqaError(
            "--qdpx needs the codings to export", hint="roqa export codings.jsonl --qdpx OUT.qdpx"
        )
    from ..result import codings_file, recorded_sources

    source = None if codings is None else codings_file(codings)
    check_outputs(  # both, and their folders, before either
        {"--qdpx": qdpx, "--qdc": qdc},
        [] if source is None else [source],
        transcripts=[] if source is None else recorded_sources(source),
        formats={
            "--qdpx": ("a REFI-QDA project", (".qdpx",)),
            "--qdc": ("a REFI-QDA codebook", (".qdc",)),
        },
    )
    from ..folder_lock import lock_output_folder

    # the folder of each file it writes, as roqa report locks its report's: an export into the
    # folder roqa code is writing was of the codings from before that run (ux2, s78), unsaid
    for p in (qdpx, qdc):
        if p is not None:
            lock_output_folder(p.parent)
    # an earlier export of roqa's (any other file of the name is refused just above): said
    # replaced, as roqa code says of its outputs
    wrote = {
        p: "replaced" if p is not None and p.is_file() and p.stat().st_size else "wrote"
        for p in (qdpx, qdc)
    }
    result, chosen = None, None
    if codings is None:
        book = Codebook.load(codebook or DEFAULT_CODEBOOK)
    else:
        result = CodingResult.read(codings)
        from ..source_fingerprints import warn_of_changed_sources

        warn_of_changed_sources([] if source is None else [source])  # exported as coded
        book, chosen = chart_codebook_for(codebook, result, codings)
        refuse_unrelated_chart(book, result, codebook, source)
        if chosen:
            typer.echo(chosen)
    # the colours and names the codes had in the QDA program the codebook was imported from
    colors, book = _as_imported(book, codebook, codings)
    if qdpx is not None and result is not None:
        # codings that record no maker but read as a person's are that person's, named after
        # their folder, as roqa agree names them
        assert codings is not None
        person = person_of(result, coder_name(codings))
        if person is not None and coder_of(result) is None:
            # a hand-made file (examples/gold's) holds the valence its maker wrote on every
            # code: a neutral there is one they gave, not the default of a code given none
            given: dict[str, Any] = (
                {} if valence_not_given(result) is not None else {VALENCE_NOT_GIVEN: []}
            )
            result.meta = {**result.meta, "user": {"name": person}, **given}
            typer.echo(
                f"{codings} records no maker and reads as a person's codings (every probability "
                f"1): exported under the name {person!r}, every code they gave"
            )
        # A person's codes are applied, not suggested: charted in another codebook, every code
        # one of theirs maps onto is theirs too, under their name (as roqa agree charts them).
        # the codebook the codings were made with, from the untranslated codings: once charted
        # their meta names the export's codebook and the one beside them is not looked for
        own = _own_codebook(result, codings) if codebook or chosen else None
        coded_as_given = result
        result, note = chart_codings(result, book, person=person is not None)
        if note:
            print_charted_note(note, result, book)
        summary = export_qdpx(
            result,
            book,
            qdpx,
            top_k=AUTO if top_k is None else top_k,
            min_probability=min_probability,
            colors=colors,
            own=own,
        )
        _warn(summary.skipped)
        if summary.notes_left_out:
            _warn(
                [
                    f"{summary.notes_left_out} note(s) on segments with no coded passage in the "
                    "project (decided to fit no code) left out: a note goes on a coded passage"
                ]
            )
        kind = "codings" if summary.by_person else "suggested codings"
        if summary.notes:
            kind += f" with {summary.notes} note(s) on them"
        why = [
            f"fit no code or procedural talk: {summary.not_coded}" if summary.not_coded else "",
            f"no suggestion: {summary.no_suggestion}" if summary.no_suggestion else "",
            f"decided to fit no code: {summary.fits_no_code}" if summary.fits_no_code else "",
            f"no counterpart in {book.id}: {summary.no_counterpart}"
            if summary.no_counterpart
            else "",
        ]
        left_out = (
            f"; {summary.left_out} segment{'s' * (summary.left_out != 1)} left out as in the "
            "report (" + "; ".join(w for w in why if w) + ")"
            if summary.left_out
            else ""
        )
        if below := summary.below_min_probability:
            # those segments' suggestions (as many as --top-k takes) are below it, not exported
            k = summary.top_k
            their = (
                "their suggestions are all"
                if k is None
                else "their top suggestion is"
                if k == 1
                else f"their top {k} suggestions are all"
            )
            left_out += (
                f"; {below} segment{'s' * (below != 1)} left out by --min-probability "
                f"{min_probability:g} ({their} below it)"
            )
        unreached = summary.not_reviewed
        # a review's transcripts it did not reach are not in its codings: named, not just
        # missing from the count (s50: "3 transcripts" of 4, P03 unsaid)
        coded = summary.sources - len(summary.uncoded)
        about_sources = [
            f"{coded} coded, {first_and_count(summary.uncoded)} with no coded passage"
            if summary.uncoded and coded
            else "none with a coded passage"
            if summary.uncoded
            else "",
            f"{first_and_count(unreached)} left out, not reviewed yet: no segment of "
            f"{'it' if len(unreached) == 1 else 'them'} decided"
            if unreached
            else "",
        ]
        sources_note = "; ".join(n for n in about_sources if n)
        earlier = " (an earlier export)" if wrote[qdpx] == "replaced" else ""
        typer.echo(
            f"{wrote[qdpx]} {qdpx}{earlier}: {summary.sources} transcripts"
            f"{f' ({sources_note})' if sources_note else ''}, "
            f"{summary.codings} {kind} "
            f"by user '{summary.user}', codebook {summary.codebook}{valence_note(book)}{left_out}"
        )
        if person is None and source is not None:
            _say_review_not_exported(source.parent)
        if person is not None and (
            line := _written_as_several(coded_as_given, result, book, summary.codings)
        ):
            typer.echo(line)
        if person is not None and (read_as := codes_read_as(coded_as_given)):
            _warn([_read_as_line(summary.user, read_as, book)])
    if qdc is not None:
        export_qdc(book, qdc, colors)
        earlier = " (an earlier export)" if wrote[qdc] == "replaced" else ""
        typer.echo(
            f"{wrote[qdc]} {qdc}{earlier}: codebook {book.id} ({len(book)} codes)"
            f"{valence_note(book)}"
        )


def _say_review_not_exported(folder: Path) -> None:
    """One note when the model's codings exported have a review beside them (decisions.csv or
    .xlsx, as the other commands find it): the export holds the suggestions, not the review,
    which goes to a QDA program applied (blind tester s53: said nothing of a 71-row review); a
    warning instead when it is 0 bytes (:func:`~roqa_nlp.decisions.empty_review`: a failed
    save, nothing to apply)."""
    from ..decisions import empty_review, review_beside

    review, _ = review_beside(folder)
    if review is not None and (empty := empty_review(review)) is not None:
        # a failed save: no review to apply (session 67), as the other commands say
        print(f"roqa: warning: {empty}", file=sys.stderr)
    elif review is not None:
        print(
            f"roqa: note: {review} (the review beside the codings) is not in the export, which "
            f"holds the model's suggestions: apply it (roqa apply-decisions {folder} --coder NAME "
            "--out reviewed/) and export that folder (roqa export reviewed/ --qdpx FILE)",
            file=sys.stderr,
        )


def _read_as_line(user: str, read_as: dict[str, str], book: Any) -> str:
    """What an export of a person's codings says of the codes they made in the QDA program that
    ``roqa import`` read as codebook codes the project holds already (``read_as``: their path
    of names -> that code's id): they go back as those codes, under those codes' GUIDs, so
    that merged into the project their codings leave the coder's own codes."""
    named = ", ".join(
        f"{shown!r} as {cid}{f' {code.name}' if (code := book.find(cid)) is not None else ''}"
        for shown, cid in read_as.items()
    )
    one = len(read_as) == 1
    codes, them, those = ("code", "it", "that code") if one else ("codes", "them", "those codes")
    guids = "that code's GUID" if one else "those codes' GUIDs"
    return (
        f"{user}'s own {codes} made in the QDA program go{'es' * one} back as the {book.id} "
        f"{codes} roqa import read {them} as, with {guids}: {named}; merged into the project, "
        f"{user}'s codings of {them} land in {those}, not in the {codes} {user} made (to keep a "
        "code apart, give it a name of its own in the program and import again)"
    )


def _written_as_several(given: Any, charted: Any, book: Any, codings: int) -> str | None:
    """What an export in another codebook says when a code a person gave has several
    counterparts there (CFIR 2.0's Opinion Leaders: CFIR 2009's Opinion Leaders and
    Champions), each written as a coding of its own, so ``codings`` counts it several times:
    how many codes were given, and which code became which (the first four). None when none
    did (session 48: "3 codings" of 2 codes given, unsaid)."""
    from ..crosswalk import several_counterparts

    several = several_counterparts(given, charted, book)
    if not several:
        return None
    extra = sum(n * (len(became) - 1) for (_, _, became), n in several.items())
    shown = [
        f"{cid}{f' {name}' * (name != cid)} as {' and '.join(became)}: {n} passage{'s' * (n != 1)}"
        for (cid, name, became), n in several.items()
    ]
    more = f"; and {len(shown) - 4} more" if len(shown) > 4 else ""
    n = codings - extra
    return (
        f"the {codings} codings are {n} code{'s' * (n != 1)} given: a code with several "
        f"counterparts in {book.id} is written as each of them ({'; '.join(shown[:4])}{more})"
    )


def _own_codebook(result: Any, codings: Path) -> Any:
    """The codebook the codings were made with (a project codebook found beside them), whose
    own codes an export in another codebook carries over; ``None`` when it cannot be found."""
    from ..crosswalk import codebook_for
    from ..errors import RoqaError

    try:
        return codebook_for(None, result, codings)
    except RoqaError:
        return None


def valence_note(book: Any) -> str:
    """What an export says of the valence codes it adds after the codebook's codes (none when
    the codebook has valence codes already)."""
    from ..exchange.refiqda import VALENCE_CODES, VALENCE_GROUP, has_valence_codes

    if has_valence_codes(book):
        return ""
    names = ", ".join(v.name for v in VALENCE_CODES)
    return f" and the valence codes {names} (under '{VALENCE_GROUP}') to give a passage's valence"


def _as_imported(book: Any, choice: str | None, codings: Path | None) -> tuple[dict[str, str], Any]:
    """The code colours recorded in the codebook file ``book`` was loaded from, and ``book``
    with its codes under the names that file gives them (:func:`imported_codebook_file`). A
    built-in codebook's code the researcher renamed in the QDA program goes back under its new
    name, as with its colour, and with the GUID the program gave it
    (:func:`~roqa_nlp.exchange.refiqda.written_guid`)."""
    from ..exchange.refiqda import (
        codebook_colors,
        codebook_names,
        with_names,
        with_program_guids,
    )

    path = imported_codebook_file(book.id, choice, codings)
    if path is None:
        return {}, book
    named = with_names(book, codebook_names(path))
    return codebook_colors(path), with_program_guids(named, path)


def imported_codebook_file(book_id: str, choice: str | None, codings: Path | None) -> Path | None:
    """The codebook file of id ``book_id`` the codes' colours, names and GUIDs in the QDA
    program are recorded in: ``--codebook`` (``choice``) when it is a file, else a
    ``codebook.json`` of that id beside the codings or up to two folders above them (where
    ``roqa import`` writes it); None when there is none."""
    candidates: list[Path] = []
    if choice and Path(choice).is_file():
        candidates.append(Path(choice))
    elif codings is not None:
        folder = codings.resolve() if codings.is_dir() else codings.resolve().parent
        for d in [folder, *folder.parents][:3]:
            candidates.append(d / "codebook.json")
    for path in candidates:
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError):
            continue
        if isinstance(data, dict) and data.get("id") == book_id:
            return path
    return None


def _write_staged(out: Path, write: Callable[[Path], None], replace: tuple[str, ...] = ()) -> None:
    """Write into a temporary directory beside ``out``, then move the files into ``out``; the
    folders ``replace`` of ``out`` are removed first (once everything is written)."""
    from ..errors import RoqaError

    if out.exists() and not out.is_dir():
        raise RoqaError("is a file, not a folder", path=out, hint="give a folder with --out")
    from ..io import TEMPORARY_PREFIX

    out.parent.mkdir(parents=True, exist_ok=True)
    # mkdtemp makes it 0700, and renamed to a new ``out`` it stays so, as every --out roqa makes
    # (:func:`~roqa_nlp.io.make_out_dir`): the files hold whole transcripts
    tmp = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=out.parent))
    try:
        write(tmp)
        if not out.exists():
            os.replace(tmp, out)
            return
        for folder in replace:
            old = out / folder
            if old.is_dir() and not old.is_symlink():
                os.replace(old, tmp / f".old-{folder}")  # removed with tmp
        for f in sorted(tmp.rglob("*")):
            if f.relative_to(tmp).parts[0].startswith(".old-"):
                continue
            if f.is_file():
                dest = out / f.relative_to(tmp)
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(f, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _is_qdc(path: Path) -> bool:
    """Whether ``path`` is read as a codebook: named .qdc, or named neither .qdc nor .qdpx and no
    zip archive, when it is XML (a file that is neither, notes or a transcript, is refused)."""
    import zipfile

    from ..errors import RoqaError

    if path.suffix.lower() == ".qdc":
        return True
    if path.suffix.lower() == ".qdpx":
        return False
    if not path.is_file() or zipfile.is_zipfile(path):
        return False
    with path.open("rb") as f:
        head = f.read(64)
    # UTF-16 (with its byte-order mark) is left to the XML reader; else XML starts with "<"
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and not head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"<"):
        raise RoqaError(
            "is not a REFI-QDA project (.qdpx) or codebook (.qdc): neither a zip archive nor XML",
            path=path,
            hint="export the project from your QDA program as REFI-QDA (.qdpx) and import "
            "that; a transcript is coded with `roqa code`",
        )
    return True


#: what ``roqa import`` asks for, said to each kind of file that is no project
_EXPORTED = "give the project your QDA program exported as REFI-QDA"


#: transcript files that can be no REFI-QDA file (a .txt or .html may be a codebook's XML, read
#: as before; a .txt that is no XML is said to be neither by :func:`_is_qdc`)
_TRANSCRIPTS_ONLY = (".docx", ".odt", ".pdf", ".vtt", ".srt", ".sbv", ".rtf")


def refuse_non_project(path: Path) -> None:
    """The one-line error for a file given to ``roqa import`` that is recognisably no REFI-QDA
    project or codebook: roqa's report (an HTML page, which the XML reader refused for its
    DOCTYPE: newcomer, session 47), roqa's codings, a decisions file, a transcript. Anything
    else is left to the project's reader."""
    from ..decisions import is_decisions_file
    from ..errors import RoqaError
    from ..io import shell_quoted
    from ..transcripts import _is_roqa_csv, _is_roqa_report

    suffix = path.suffix.lower()
    if not path.is_file() or suffix in (".qdpx", ".qdc"):
        return
    folder, file = shell_quoted(path.parent), shell_quoted(path)
    what, hint = "", ""
    if _is_roqa_report(path):
        what = "roqa's report"
        hint = f"to take roqa's codings to a QDA program: roqa export {folder} --qdpx project.qdpx"
    elif suffix != ".json" and is_decisions_file(path):
        what = "a decisions file"
        hint = (
            f"a decisions file is given to roqa apply-decisions --decisions {file} or roqa "
            f"train --feedback {file}"
        )
    elif (path.name == "codings.jsonl" and (path.parent / "run.json").is_file()) or (
        _is_roqa_csv(path)
    ):
        what = "roqa's codings"
        hint = f"to take these codings to a QDA program: roqa export {folder} --qdpx project.qdpx"
    elif suffix in _TRANSCRIPTS_ONLY:
        what = "a transcript"
        hint = f"a transcript is coded with roqa code {file} --out coded/"
    if what:
        raise RoqaError(
            f"is {what}, not a REFI-QDA project (.qdpx)", path=path, hint=f"{_EXPORTED}; {hint}"
        )


@app.command("import")
def import_cmd(
    file: Path = typer.Argument(
        ..., help="A REFI-QDA project (.qdpx) or codebook (.qdc).", metavar="FILE"
    ),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Directory to write the imported files into.", metavar="FOLDER"
    ),
    codebook: str | None = codebook_option(
        "Codebook .json whose codes the file may carry (built-in codebooks are recognised anyway)."
    ),
    interviewer: list[str] = interviewer_option(
        "A speaker label or name that is the interviewer (repeatable), as for roqa code: "
        "its turns give the coded passages their questions, and a passage of its talk alone is "
        "not charted."
    ),
    participant: list[str] = participant_option(),
) -> None:
    """Import transcripts, codebook and each coder's codings from NVivo, ATLAS.ti, MAXQDA,
    QualCoder."""
    from ..codebook import Codebook
    from ..exchange import read_qdc, read_qdpx
    from ..exchange.refiqda import codebook_json
    from ..exchange.review import decisions_csv, is_machine_user, review_decisions
    from ..io import (
        atomic_write_text,
        check_output_folder,
        check_own_outputs,
        file_stem,
        make_out_dir,
        refuse_unfit_out_folder,
        sha256_file,
        typable_stem,
    )
    from ..result import CodingResult

    # written beside --out first, then moved into it: both folders must take files (--out
    # first, named when it is the one that cannot: not "." above it; session 52)
    for folder in (*([out] if out.is_dir() else []), out.parent):
        check_output_folder(folder)
    refuse_unfit_out_folder(out, transcripts=True)
    check_own_outputs(out, ["codebook.json", "import.json"])  # a codebook of the researcher's
    refuse_non_project(file)
    known = Codebook.load(codebook) if codebook else None
    if _is_qdc(file):
        warnings: list[str] = []
        colors: dict[str, str] = {}
        book = read_qdc(file, codebook=known, warnings=warnings, colors=colors)
        _write_staged(
            out, lambda d: atomic_write_text(d / "codebook.json", codebook_json(book, colors))
        )
        _warn_of(file, warnings)
        typer.echo(f"wrote {out / 'codebook.json'}: codebook {book.id} ({len(book)} codes)")
        return

    from ..transcripts import with_default_labels

    # the speakers are read as roqa code reads them: the labels given added to the defaults
    labels = with_default_labels(list(interviewer) or None, list(participant))
    project = read_qdpx(file, codebook=known, interviewer_labels=labels)
    _refuse_textless(file, project)
    removed: list[str] = []
    replaced = _previous_import(out, project, file, removed)
    import functools

    from ..exchange.qdpx_import import said_as, unnamed_warning
    from ..transcripts.interviewer_guesses import speaker_warnings

    # a project with no codes (no <CodeBook>: ATLAS.ti's blank project) has no codebook to
    # write or speak of (daily18, s86, D8: "only its codebook was imported", an empty
    # codebook.json); codings always come with the codebook their run.json records
    has_codebook = bool(len(project.codebook)) or bool(project.codings)
    no_sources = (
        []
        if project.source_count
        else [
            "the project holds no sources (documents), so only its codebook was imported "
            "(export the project again from the QDA program with its documents, to import "
            "transcripts and codings)"
            if has_codebook
            else "the project holds no sources (documents) and no codes, so nothing was "
            "imported (export the project again from the QDA program with its documents, to "
            "import transcripts and codings)"
        ]
    )
    # naming --interviewer, as roqa code does, and saying what the import did (s71: it said
    # roqa code's "so everyone's talk was coded", though an import codes nothing)
    speakers = speaker_warnings(
        project.transcripts, interface="qdpx", named=functools.partial(said_as, file)
    )
    report: dict[str, Any] = {
        "file": str(file),
        "sha256": sha256_file(file),
        "project": project.name,
        "origin": project.origin,
        "codebook": (
            {"id": project.codebook.id, "codes": len(project.codebook)} if has_codebook else None
        ),
        "users": [{"guid": u.guid, "name": u.name} for u in project.users],
        "transcripts": {},
        "codings": {},
        "decisions": {},
        # every warning printed, none naming the file first: import.json names it (qda2
        # tester, session 80, D7: the speaker and "no sources" warnings were left out, and
        # some lines began "valence_layouts.qdpx: "); taken in write(), after the decisions
        # add theirs (hunt3, session 80, F5: "coded N passage(s) to ..., a domain" was lost)
        "warnings": [],
    }
    machine = CodingResult(
        segments=[s for u, r in project.codings.items() if is_machine_user(u) for s in r.segments]
    )

    def write(d: Path) -> None:
        used: set[str] = set()
        for t in project.transcripts:
            name = file_stem(t.id, used)
            atomic_write_text(d / "transcripts" / f"{name}.txt", t.text)
            report["transcripts"][t.id] = f"transcripts/{name}.txt"
        if has_codebook:
            atomic_write_text(d / "codebook.json", codebook_json(project.codebook, project.colors))
        # a coder's folder and decisions file are typed in commands (reviewed/codings/roqa_nlp_*):
        # no spaces, brackets or "…" in them; the user's name is in their run.json
        used_users: set[str] = set()
        if project.codings:  # its owner's alone, as each coder's folder in it (docs tester, s65)
            make_out_dir(d / "codings")
        for user, result in project.codings.items():
            name = typable_stem(user, used_users)
            result._save_files(d / "codings" / name)
            report["codings"][user] = {
                "dir": f"codings/{name}",
                "segments": len(result),
                "codings": sum(len(s.suggestions) for s in result),
            }
        if machine.segments:
            used_coders: set[str] = set()
            for user, result in project.codings.items():
                if is_machine_user(user):
                    continue
                decisions = review_decisions(machine, result, coder=user)
                decisions = _codable_only(decisions, project.codebook, user, project.warnings)
                name = typable_stem(user, used_coders)
                atomic_write_text(d / "decisions" / f"{name}.csv", decisions_csv(decisions))
                report["decisions"][user] = {
                    "file": f"decisions/{name}.csv",
                    "count": len(decisions),
                }
        report["warnings"] = [
            unnamed_warning(file, line) for line in [*project.warnings, *no_sources, *speakers]
        ]
        atomic_write_text(
            d / "import.json", json.dumps(report, indent=2, ensure_ascii=False) + "\n"
        )

    _write_staged(out, write, _IMPORTED_FOLDERS if replaced else ())
    _warn_of(file, project.warnings)
    _warn_of(file, no_sources)
    _warn(speakers)
    if replaced:
        typer.echo(
            f"replaced the previous import of project {project.name!r} in {out} (its "
            + ", ".join(f"{f}/" for f in _IMPORTED_FOLDERS)
            + " folders)"
            + (
                f"; the codings of {', '.join(removed)}, no user of {file.name}, are gone with it"
                if removed
                else ""
            )
        )
    coders = ", ".join(f"{u} ({v['codings']})" for u, v in report["codings"].items()) or "none"
    book_said = (
        f"codebook {project.codebook.id} ({len(project.codebook)} codes)"
        if has_codebook
        else "no codebook (the project has no codes)"
    )
    typer.echo(
        f"wrote {out}: {len(project.transcripts)} transcripts, {book_said}, codings by {coders}"
    )
    for user, v in report["decisions"].items():
        typer.echo(f"  {v['count']} decisions on the suggestions by {user}: {out / v['file']}")


def _refuse_textless(file: Path, project: Any) -> None:
    """A one-line error, after the warnings naming each source and why, for a project whose
    sources all give no transcript (not in the archive, not text, empty): before (s69
    testers) it wrote "0 transcripts ..., codings by none" with exit 0, an empty import found
    later. One such source of several is a warning only; a project with no sources at all
    (a codebook alone) is imported, with a warning (``import_cmd``)."""
    from ..errors import RoqaError

    if project.transcripts or not project.source_count:
        return
    _warn_of(file, project.warnings)
    n = project.source_count
    # "its one source has no text", not "has text to import" (qda2 tester, session 80, D6)
    none = "its one source has no" if n == 1 else f"none of its {n} sources has"
    raise RoqaError(
        f"{none} text to import (warned of above), so nothing was written",
        path=file,
        hint="export the project again from the QDA program, with its sources in it",
    )


#: The folders ``roqa import`` writes whole: replaced when the same project is imported again.
_IMPORTED_FOLDERS = ("transcripts", "codings", "decisions")


def _previous_import(out: Path, project: Any, file: Path, removed: list[str] | None = None) -> bool:
    """Whether ``out`` holds an earlier import of the same project, whose folders the new
    import replaces (a coder deleted since must not linger beside the new ones). An import of
    another project, or codings ``roqa import`` did not write (a ``codings/`` folder, or the
    ``codings.jsonl`` of ``roqa code``), is a one-line error: mixing two projects' coders would
    go unnoticed in ``roqa agree``.

    The same project is one of the same name whose users still include a person whose codings
    the earlier import holds (by their GUID, as QDA programs keep them, or their name): a
    project exported again keeps its users. The name alone is not enough: every roqa export is
    named "roqa_nlp suggestions (...)", so before (refi tester, session 58) a second co-author's
    project imported into the first's folder silently removed the first co-author's codings
    and decisions. A coder deleted from the project since does not linger: the import is
    replaced, and ``removed`` (when given) gets their names to say so (regression hunt,
    session 58: requiring every earlier coder refused such a re-export)."""
    from ..errors import RoqaError
    from ..exchange.refiqda import normalise_guid
    from ..exchange.review import is_machine_user

    if not out.is_dir():
        return False
    record = out / "import.json"
    if not record.is_file():
        codings = out / "codings"
        if (codings.is_dir() and any(codings.iterdir())) or (out / "codings.jsonl").is_file():
            raise RoqaError(
                "already holds codings that roqa import did not write; refusing to import "
                "beside them",
                path=out,
                hint="give a new or empty --out folder",
            )
        return False
    try:
        previous = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        previous = None
    if not isinstance(previous, dict):
        previous = {}
    name = previous.get("project")
    if name != project.name:
        raise RoqaError(
            f"already holds the import of another project ({name!r}, not {project.name!r}); "
            "refusing to mix their coders",
            path=out,
            hint="give a new or empty --out folder, or delete this one first",
        )
    guid_of = {
        u.get("name"): u.get("guid")
        for u in previous.get("users") or []
        if isinstance(u, dict) and isinstance(u.get("guid"), str)
    }
    # a coder missing from <Users> is imported under their GUID as their name
    kept = {normalise_guid(u.guid) for u in project.users} | {
        normalise_guid(c) for c in project.codings
    }
    names = {str(u.name).casefold() for u in project.users if u.name}
    coded = previous.get("codings")
    people = [
        coder
        for coder in (coded if isinstance(coded, dict) else {})
        if isinstance(coder, str) and not is_machine_user(coder)
    ]
    gone = [
        coder
        for coder in people
        if normalise_guid(guid_of.get(coder) or coder) not in kept and coder.casefold() not in names
    ]
    if removed is not None:
        removed.extend(gone)
    if gone and len(gone) == len(people):
        was = "is" if len(gone) == 1 else "are"
        raise RoqaError(
            f"already holds the import of another file of project {name!r} "
            f"({Path(str(previous.get('file') or 'import.json')).name}), with the codings of "
            f"{', '.join(gone)}, who {was} not a user of {file.name}; refusing to replace "
            f"them",
            path=out,
            hint="give another --out folder to import both, or delete this one first if the "
            "new file replaces it",
        )
    return True


def _codable_only(decisions: list[Any], book: Any, user: str, warnings: list[str]) -> list[Any]:
    """``decisions`` without recodes to codes that are not codable (a domain a coder coded
    to), which training would refuse; a warning names them."""
    out: list[Any] = []
    dropped: Counter[str] = Counter()  # "id name" of each domain coded to
    for d in decisions:
        code = book.find(d.code_id) if d.decision == "recode" else None
        if code is not None and not code.codable:
            dropped[f"{code.id} {code.name}"] += 1
        else:
            out.append(d)
    for code, n in dropped.items():
        warnings.append(
            f"{user} coded {n} passage(s) to {code}, a domain: left out of their decisions "
            "(training needs a codable construct)"
        )
    return out
