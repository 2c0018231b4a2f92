"""``roqa code``, ``roqa suggest``, ``roqa evaluate`` and ``roqa codebook``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..codebooks import BUILTIN, DEFAULT_CODEBOOK
from ..earlier_outputs import (
    REPORT_AND_QUEUE,
    changes_between,
    earlier_run_files,
    files_before,
    transcript_texts,
    transcripts_held,
)
from ..io import header_cell, make_out_dir, sha256_file, shell_quoted
from ..open_coding import MIN_GROUP_SIZE, SET_ASIDE
from ._app import (
    app,
    choice_metavar,
    codebook_option,
    console,
    example,
    json_to_standard_output,
    leaves_no_empty_out,
    participant_option,
    print_files,
    print_wrote,
    refuse_file_as_text,
    refuse_json_output_file,
    transcripts_argument,
    write_standard_output,
)

if TYPE_CHECKING:
    from ..codebook import Codebook
    from ..pseudonyms import PseudonymKey
    from ..result import CodingResult
    from ..schema import Suggestion
    from .report_cmd import Review

#: The values of ``roqa code --engine``
ENGINES = ("local", "ray")


def _did_you_mean(typed: str, values: Iterable[str]) -> str:
    """``: did you mean VALUE?`` for the value of ``values`` ``typed`` is a typo of
    (:func:`~roqa_nlp.codebook.nearest_words`: ``sentance``), else nothing."""
    from ..codebook import nearest_words

    return "".join(f": did you mean {w}?" for w in nearest_words(typed, values, n=1))


def _load_model(
    model: Path | None,
    no_cache: bool = False,
    backend: str | None = None,
    threads: int | None = None,
) -> Any:
    from ..autocoder import AutoCoder

    return AutoCoder.load(model, cache=not no_cache, backend=backend, threads=threads)


def backend_option() -> Any:
    return typer.Option(
        None,
        "--backend",
        metavar="KIND",
        help="Embedding backend: torch (most accurate), onnx-int8 (≈2-2.5× faster), static "
        "(≈13-15× faster, less accurate, needs a model trained with it) or a directory; build "
        "fast ones with `roqa build-backend` (default: the one the model was trained with, "
        "torch).",
    )


def no_cache_option() -> Any:
    return typer.Option(
        False,
        "--no-cache",
        help="Do not read or write the embedding and segmentation caches (derived from the "
        "texts coded: see docs/model.md, Embeddings).",
    )


def neutral_weight_option() -> Any:
    return typer.Option(
        None,
        "--neutral-weight",
        help="How much neutral weighs against barrier and enabler in each segment's valence, "
        "above 0 to 1: 1 = as trained, for a team that codes much descriptive talk as neutral; "
        "lower for one that calls almost everything a barrier or an enabler (default: the "
        "model's setting, 0.8 for the packaged model).",
    )


def _neutral_weight(value: float | None) -> dict[str, float]:
    """The parameter ``--neutral-weight`` sets, checked (empty when not given)."""
    if value is None:
        return {}
    if not 0 < value <= 1:
        raise typer.BadParameter("neutral weight must be above 0 and at most 1")
    return {"valence_neutral_weight": value}


def _grouping_rule(distance: float | None, min_size: int | None) -> dict[str, Any]:
    """The open-coding queue's grouping rule ``--group-distance`` and ``--min-group-size`` set,
    checked (empty when neither is given)."""
    rule: dict[str, Any] = {}
    if distance is not None:
        if not 0 < distance <= 1:
            raise typer.BadParameter(
                "group distance must be above 0 and at most 1 (the average cosine distance "
                "below which segments that fit no code are grouped; 1 = unrelated)"
            )
        rule["distance_threshold"] = distance
    if min_size is not None:
        if min_size < 2:
            raise typer.BadParameter(
                "min group size must be 2 or more (a segment alone is listed as not grouped)"
            )
        rule["min_group_size"] = min_size
    return rule


def _warn_of_speakers(
    transcripts: Iterable[Any],
    pseudonymised: bool = False,
    run: Any | None = None,
    interface: str = "cli",
    named: Callable[[Any], str] | None = None,
) -> None:
    """One warning line per transcript whose interviewer's talk may have been coded; when
    ``pseudonymised``, of one with no participant turns the line ``roqa pseudonymise`` gives
    (its talk may still name the participant), in place of "nothing to code". The guesses of
    an interviewer taken in two or more transcripts are one line for the run
    (:class:`~roqa_nlp.transcripts.interviewer_guesses.RunGuesses`), said after the others:
    here, or, when the run's ``run`` is given (a streamed run's parts), by the caller at its
    end. ``interface`` ``"qdpx"`` words them for a QDA project's coded passages (``roqa
    import``): read as participant talk, not coded."""
    from ..transcripts.interviewer_guesses import speaker_warnings
    from .pseudonymise_cmd import no_participant_warning

    instead = no_participant_warning if pseudonymised else None
    for warning in speaker_warnings(
        transcripts, instead=instead, run=run, interface=interface, named=named
    ):
        print(f"roqa: warning: {warning}", file=sys.stderr)


def _warn_of_guesses(run: Any) -> None:
    """The warning lines of a run's interviewer guesses held by ``run`` (a
    :class:`~roqa_nlp.transcripts.interviewer_guesses.RunGuesses`)."""
    for warning in run.said_at_end():
        print(f"roqa: warning: {warning}", file=sys.stderr)


def _note_chat_left_out(transcripts: Iterable[Any]) -> None:
    """One note line per transcript with Zoom chat messages left out of its turns, counting
    them, as ``roqa inspect`` notes them (session 34: only inspect said so)."""
    from .inspect_cmd import chat_left_out

    for t in transcripts:
        note = chat_left_out(t, listed=False)
        if note:
            print(f"roqa: note: {t.source or t.id}: {note}", file=sys.stderr)


def _note_participant_labels(transcripts: Iterable[Any]) -> None:
    """One note line per transcript in which two or three participant labels speak, or a focus
    group's labels are read as one person (``Daniel Okoro``, ``Daniel's iPhone``), naming
    them to check as ``roqa inspect`` does (session 36: a line read as a participant who speaks
    once, "Mum: ..." inside P90's answer, was counted in Table 2 and only inspect said so).
    Not for a transcript with a speaker warning: its interviewer, read as a participant, is
    warned of by :func:`_warn_of_speakers`. And one per transcript in which a participant's
    label names a device or a guest (``iPhone``, ``Guest 2``), as ``roqa inspect`` names them
    (session 42: a participant who rejoined from her phone was counted twice, silently)."""
    from ..transcripts.devices import device_name_warning
    from ..transcripts.roles import interviewer_warning, participant_labels_warning

    for t in transcripts:
        note = None if interviewer_warning(t) else participant_labels_warning(t)
        for line in (note, device_name_warning(t)):
            if line:
                print(f"roqa: note: {line}", file=sys.stderr)


class _SaidOfRayParts:
    """What the Ray engine's command says of the parts as they are merged (:meth:`part`): each
    one's transcripts' chat lines left out, participant labels to check and those with nothing
    to code; then, once all are merged (:meth:`merged`), the speaker warnings of all, and the
    refusal of a run with no participant talk before its files are put in place."""

    def __init__(self, paths: list[Path]) -> None:
        self.talk = _ParticipantTalk(paths)

    def part(self, part: Any) -> None:
        _note_chat_left_out(part.transcripts.values())
        _note_participant_labels(part.transcripts.values())
        _warn_of_nothing_coded(part)
        self.talk.add(part)

    def merged(self, summary: Any) -> None:
        for warning in summary.speaker_warnings:
            print(f"roqa: warning: {warning}", file=sys.stderr)
        self.talk.refuse_if_none()


def _warn_of_nothing_coded(result: Any) -> None:
    """One warning line per transcript that gave no segment although its speakers look right:
    every participant turn was a backchannel ("Yeah.", "Mm-hmm.")."""
    from ..transcripts.roles import interviewer_warning

    coded = {s.segment.transcript_id for s in result.segments}
    for t in result.transcripts.values():
        if t.id in coded or interviewer_warning(t):
            continue  # a transcript with speaker trouble is warned of by _warn_of_speakers
        turns = sum(1 for u in t.turns if u.role == "participant")
        print(
            f"roqa: warning: {t.source or t.id}: nothing to code: its {turns} participant "
            "turn(s) are all backchannels such as 'Yeah.' (check that the participant's talk is "
            "labelled 'P04: ...')",
            file=sys.stderr,
        )


class _ParticipantTalk:
    """Whether a run's coding holds participant talk, told part by part (:meth:`add`: the whole
    result, or each part of a ``--stream`` or ``--engine ray`` run as it is written) and
    refused at its end (:meth:`refuse_if_none`) before the outputs are put in place."""

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.n_transcripts = 0
        self.found = False

    def add(self, part: Any) -> None:
        """Count ``part``'s transcripts, noting whether it has a segment or a participant turn."""
        ts = part.transcripts.values()
        self.n_transcripts += len(ts)
        self.found = self.found or bool(
            len(part) or any(u.role == "participant" for t in ts for u in t.turns)
        )

    def refuse_if_none(self) -> None:
        """A one-line error naming the input (``paths``) when none of the run's transcripts has
        a participant turn, each warned of by :func:`_warn_of_speakers` with its advice: the
        outputs of 0 segments are not written (left-over s44: `roqa code iv --out out` of a call
        that never reached the participant wrote them all, exit 0; s45: still so with --stream
        and --engine ray). A run where some transcript has participant talk codes it, warning
        of the others; ``AutoCoder.code`` returns the empty result."""
        from ..errors import RoqaError

        if not self.n_transcripts or self.found:
            return
        n, paths = self.n_transcripts, self.paths
        path: Path | None = paths[0] if len(paths) == 1 else None
        if path is not None and path.is_file():
            where = ""
        elif path is not None:
            where = " in its one transcript" if n == 1 else f" in any of its {n} transcripts"
        else:
            where = (
                " in the one transcript given"
                if n == 1
                else f" in any of the {n} transcripts given"
            )
        raise RoqaError(
            f"no participant talk to code{where} (warned of above), so nothing was written",
            path=path,
            hint="check that the participant's turns are labelled 'P04: ...' and that "
            "--interviewer names only the interviewer",
        )


@contextmanager
def stopped_for_one(files: list[Path], done: str) -> Iterator[None]:
    """An error reading one of several transcript ``files`` (a damaged file, one with no
    speech) says, after its own fix, that the others were not ``done`` either and how to go
    on: the study is read whole (its cases and interviewers are taken from every file), so a
    file left out must be the researcher's choice, not a warning lost among others. Several
    such files (every one is read first) are each said as they are, one line each, then one
    line says that the others were not ``done``, telling the transcripts that cannot be read
    from those read that cannot be used as given (a file given twice, two of one id: fixer s66,
    unread). An error naming a transcript of a QDA project given (``q5/b.qdpx:sources/...``)
    is of that project."""
    from ..errors import RoqaError, RoqaErrors
    from ..transcripts import FIX_ONE, count_unusable, unusable_fixes

    given = {str(f) for f in files}
    # a QDA project holds several transcripts: the others are counted as files given (hunt s66
    # h_unread D1: "the other transcript was not coded" of a project holding three)
    projects = any(f.lower().endswith(".qdpx") for f in given)

    def file_of(path: str | None) -> str | None:
        """The file given that ``path`` names or holds, None for another."""
        if path in given or path is None:
            return path
        return next((f for f in given if path.startswith(f"{f}:")), None)

    try:
        yield
    except RoqaErrors as e:
        named = [file_of(one.path) for one in e.errors]
        if None in named:
            raise
        # the others are the files no error names: a .qdpx gives one error per transcript it
        # shares an id with (hunt s65 h_inspect D1: "none of the 3" beside two files read well)
        n, left = len(e.errors), len(given - set(named))
        unread, shared = count_unusable(e.errors)
        if not shared and not left:
            raise RoqaErrors(
                e.errors,
                f"none of the {n} transcripts above can be read",
                hint="fix them, and run again",
            ) from None
        if not shared:
            said = f"the {n} transcripts above cannot be read"
        elif not unread:
            said = f"the {n} transcripts above cannot be used as given"
        else:
            said = (
                f"of the {n} transcripts above, {unread} cannot be read and {shared} cannot be "
                "used as given"
            )
        fix = unusable_fixes(unread, shared)
        not_done = (
            f"the other {left}{' files' * projects} were not {done}"
            if left > 1
            else f"the other {'file' if projects else 'one'} was not {done}"
            if left
            else f"none was {done}"
        )
        raise RoqaErrors(
            e.errors, f"{said}, so {not_done}", hint=f"{', '.join(fix)}, and run again"
        ) from None
    except RoqaError as e:
        named_one = file_of(e.path)
        # the others are the files given but this one, each once (hunt s66 h_unread D2: "e.txt
        # e.txt a.txt" said "the other 2")
        n = len(given - {named_one})
        if not n or named_one is None:
            raise
        noun = "file" if projects else "transcript"
        others = f"the other {n} {noun}s were" if n > 1 else f"the other {noun} was"
        # a file given twice or sharing an id is no file to fix or leave out: its own hint says
        # what to do (hunt s66 h_unread R2)
        to_fix = "" if count_unusable([e])[1] else f": {FIX_ONE}, and run again"
        raise RoqaError(
            e.reason,
            path=e.path,
            hint=f"{e.hint + '; ' if e.hint else ''}{others} not {done}{to_fix}",
        ) from None


def _note_skipped(paths: Iterable[Path]) -> None:
    """One line per directory given whose files of other formats are left out, naming them, and
    one warning per directory whose subfolders hold transcripts that are not read."""
    from ..errors import first_few
    from ..transcripts import (
        _SAVE_AS,
        _TRANSCRIBE,
        SUPPORTED_EXTENSIONS,
        skipped_files,
        skipped_folders,
    )

    for p in paths:
        folders = skipped_folders(p) if p.is_dir() else []
        if folders:
            print(
                f"roqa: warning: {p}: left out {len(folders)} subfolder(s) holding transcripts: "
                f"{first_few([d.name for d in folders])} (only the files directly in a folder are "
                f"read; give the subfolders too to code them, e.g. {folders[0]})",
                file=sys.stderr,
            )
        skipped = skipped_files(p) if p.is_dir() else []
        # an interview in a word processor's other format is easy to miss among four: a warning
        for hint in dict.fromkeys(_SAVE_AS.get(f.suffix.lower(), "") for f in skipped):
            docs = [f for f in skipped if _SAVE_AS.get(f.suffix.lower()) == hint]
            if hint and hint != _TRANSCRIBE:  # a recording sits beside its transcript
                print(
                    f"roqa: warning: {p}: left out {first_few([f.name for f in docs])}: {hint} "
                    f"to code {'it' if len(docs) == 1 else 'them'}",
                    file=sys.stderr,
                )
                skipped = [f for f in skipped if f not in docs]
        if skipped:
            shown = first_few([f.name for f in skipped])
            print(
                f"roqa: note: {p}: left out {len(skipped)} file(s) that are not transcripts it "
                f"reads: {shown} (it reads {', '.join(SUPPORTED_EXTENSIONS)}; save a transcript "
                "in one of these to code it)",
                file=sys.stderr,
            )


def _parts_warned(
    parts: Iterable[Any], talk: _ParticipantTalk, pseudonymised: bool = False
) -> Iterator[Any]:
    """``parts`` (streamed coding results), warning of each one's transcripts on the way, and
    refusing at their end, before the files are put in place, a run with no participant talk
    (``talk``); the guesses of an interviewer taken in two or more transcripts are said once,
    after the last part."""
    from ..transcripts.interviewer_guesses import RunGuesses

    run = RunGuesses()
    for part in parts:
        _warn_of_speakers(part.transcripts.values(), pseudonymised, run)
        _note_chat_left_out(part.transcripts.values())
        _note_participant_labels(part.transcripts.values())
        talk.add(part)
        yield part
    _warn_of_guesses(run)
    talk.refuse_if_none()


class _StreamTally:
    """What a ``--stream`` run counts of its parts as they pass (:meth:`parts`), to say as a
    run with the report does: the segments queued for open coding, and those charted on a top
    code below the unsure threshold (:func:`~roqa_nlp.open_coding.weakly_coded`, which judges
    each segment alone, so the parts' counts add up to the whole's)."""

    def __init__(self) -> None:
        self.n_queued = 0
        self.n_weak = 0

    def parts(self, parts: Iterable[Any]) -> Iterator[Any]:
        from ..open_coding import weakly_coded

        for part in parts:
            self.n_queued += sum(1 for s in part.segments if s.for_open_coding)
            self.n_weak += len(weakly_coded(part))
            yield part


@contextmanager
def _own_speaker_warnings() -> Iterator[None]:
    """Within: the library's speaker warnings (phrased for Python, ``interviewer_labels=``) are
    not shown, since the command prints its own, naming ``--interviewer``."""
    import warnings

    from ..transcripts.roles import SpeakerWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SpeakerWarning)
        yield


def _keep_project_codebook(book: Any, out: Path, earlier: str | None) -> dict[str, Path]:
    """Write a model's project codebook (one that is not built in, e.g. with codes added from a
    researcher's decisions) as ``codebook.json`` beside the codings, so that ``roqa report`` and
    ``roqa export`` can read them back on their own. A built-in one (or None: the model's is not
    known) writes none: the ``codebook.json`` an earlier run wrote there (``earlier``, its id,
    :func:`~roqa_nlp.io.earlier_codebook`) is left, and recorded in ``run.json`` as roqa's, so
    that ``roqa code --model`` with that model replaces it again (before, it was refused as a
    file roqa did not write; satur fixer, session 56)."""
    from ..crosswalk import CODEBOOK_FILE

    if book is None or book.id in BUILTIN:
        if earlier is not None:
            _record_earlier_codebook(out, earlier)
        return {}
    path = out / CODEBOOK_FILE
    book.save(path)
    return {CODEBOOK_FILE: path}


def _record_earlier_codebook(out: Path, book_id: str) -> None:
    """Add to ``out``'s ``run.json``, just written, the id of the ``codebook.json`` an earlier
    run wrote beside it (:data:`~roqa_nlp.io.EARLIER_CODEBOOK_KEY`)."""
    from ..io import EARLIER_CODEBOOK_KEY, atomic_write_text

    path = out / "run.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record[EARLIER_CODEBOOK_KEY] = book_id
    atomic_write_text(path, json.dumps(record, indent=2, ensure_ascii=False))


def _earlier_chart(out: Path) -> Codebook | str | None:
    """The codebook an earlier run into ``out`` was charted in (``run.json``'s
    ``chart_codebook``, ``roqa code --codebook``), else its record when it cannot be read, if
    any."""
    from ..crosswalk import load_chart, recorded_chart
    from ..errors import RoqaError
    from ..result import run_record

    try:
        chart = recorded_chart(run_record(out))
    except OSError:  # an unreadable record: nothing to compare
        return None
    if chart is None:
        return None
    try:
        return load_chart(chart, out)
    except RoqaError:
        return chart


def earlier_backend(out: Path) -> tuple[str, str | None] | None:
    """The embedding backend an earlier run into ``out`` recorded in ``run.json``: its kind
    (``embedding_backend_kind``, or ``embedding_backend`` before that was recorded) and build
    (the backend card's hash; None for torch or an older record), or None when not recorded."""
    from ..result import run_record

    try:
        model = run_record(out).get("model")
    except OSError:  # an unreadable record: nothing to compare
        return None
    if not isinstance(model, dict):
        return None
    kind = model.get("embedding_backend_kind") or model.get("embedding_backend")
    build = model.get("embedding_backend_sha256")
    if not isinstance(kind, str):
        return None
    return kind, build if isinstance(build, str) else None


def warn_if_backend_changed(
    out: Path, earlier: tuple[str, str | None] | None, this: tuple[str, str | None]
) -> None:
    """Warn in one line when this run into ``out`` embeds with another backend (or another build
    of it, when both builds are known) than the earlier codings there: the backends' codes differ
    on some segments (docs/performance.md), so a study's codings should come from one."""
    if earlier is None:
        return
    if earlier[0] == this[0] and (earlier[1] is None or this[1] is None or earlier[1] == this[1]):
        return

    def build(sha: str | None) -> str:
        return f" (build {sha[:12]})" if sha and earlier[0] == this[0] else ""

    print(
        f"roqa: warning: {out}: the earlier codings in it used the {earlier[0]} embedding "
        f"backend{build(earlier[1])}, these use {this[0]}{build(this[1])}: the backends suggest "
        "different codes for some "
        "segments, so keep one backend for a study (docs/performance.md)",
        file=sys.stderr,
    )


def earlier_model(out: Path) -> tuple[str, dict[str, Any], frozenset[str], str | None] | None:
    """The model an earlier run into ``out`` coded with, as its ``run.json`` records it: the
    model card's hash (``model.hash``) and the card itself (empty when not kept), with the
    SHA-256s of the folder's decisions files and of its codings (None for none; read before
    this run replaces them: a model trained on them is the review loop's next round), or None
    when there is no record or it names no model hash."""
    from ..decisions import REVIEW_FILES
    from ..result import MODEL_CARD_KEY, run_record

    try:
        record = run_record(out)
    except OSError:  # an unreadable record: nothing to compare
        return None
    model = record.get("model")
    sha = model.get("hash") if isinstance(model, dict) else None
    if not isinstance(sha, str) or not sha:
        return None
    card = record.get(MODEL_CARD_KEY)
    review = {sha256_file(out / name) for name in REVIEW_FILES if (out / name).is_file()}
    coded = sha256_file(out / "codings.jsonl") if (out / "codings.jsonl").is_file() else None
    return sha, card if isinstance(card, dict) else {}, frozenset(review), coded


def packaged_model_hash() -> str | None:
    """The packaged model's card hash, None when it cannot be read."""
    from ..autocoder import packaged_model_dir
    from ..errors import RoqaError

    try:
        sha = _card_of(packaged_model_dir()).get("model_sha256")
    except RoqaError:
        return None
    return sha if isinstance(sha, str) else None


def _recorded_as(recorded: str, here: Path) -> bool:
    """Whether a path a model card records (``feedback.codings[].path``) is the file ``here``
    (absolute): reached from this folder, or, as a card names a file from the folder training
    was run in or by its folder alone (no folder outside the study in it, session 67), the end
    of ``here``'s path (hunt s67 h_api R1: trained from elsewhere, the reviewed folder re-coded
    was told to undo the retrain)."""
    if os.path.normcase(os.path.abspath(recorded)) == os.path.normcase(str(here)):
        return True
    parts = Path(recorded).parts
    # a file's name alone fits every folder: another folder's codings of the same bytes (the
    # packaged model codes the same transcripts alike) were said to be its review (hunt s67
    # h_agree R1, as s64's)
    if len(parts) < 2 or Path(recorded).is_absolute() or ".." in parts:
        return False
    ends = here.parts[-len(parts) :]
    return [os.path.normcase(p) for p in ends] == [os.path.normcase(p) for p in parts]


def warn_if_model_changed(
    out: Path,
    earlier: tuple[str, dict[str, Any], frozenset[str], str | None] | None,
    this: str | None,
    model: Path | None,
    card: Mapping[str, Any],
) -> None:
    """Warn in one line when this run into ``out`` codes with another model (``this``: its card
    hash; ``model``: its folder, None for the packaged one) than the earlier run there recorded
    (:func:`earlier_model`), naming both, as a codebook switch is warned of: a ``--model``
    left out of a re-run quietly switched to the packaged model, its suggestions (and a new
    code it was trained on) gone (s56 incremental tester, finding 3). A model whose card records
    the folder's decisions file, or its codings by this folder's path (by SHA-256: retrained on
    its review, the loop's next round) is said in a note, its codes changing: the warning told
    the researcher to undo README's step (blind tester loop, s64). Codings of the same bytes
    elsewhere are no review of this folder: the packaged model codes the same transcripts
    alike (hunt s64: a folder never reviewed was given the note)."""
    if earlier is None or this is None or earlier[0] == this:
        return
    packaged = packaged_model_hash()

    def named(sha: str, folder: Path | None, its_card: Mapping[str, Any]) -> str:
        if folder is None and sha == packaged:
            return f"the packaged model ({sha[:12]})"
        where = f" in {folder}" if folder is not None else ""
        feedback = its_card.get("feedback")
        n = feedback.get("n_decisions") if isinstance(feedback, dict) else None
        files = feedback.get("decisions_files") if isinstance(feedback, dict) else None
        names = [f["name"] for f in files or [] if isinstance(f, dict) and f.get("name")]
        trained = (
            f", trained with {n} decision{'s' * (n != 1)}"
            + (f" from {', '.join(map(str, names))}" if names else "")
            if isinstance(n, int) and n
            else ""
        )
        return f"the model{where} ({sha[:12]}{trained})"

    before = named(earlier[0], None, earlier[1])  # the packaged model's, or a card's
    how = (
        "leave out --model to keep it"
        if earlier[0] == packaged
        else "give --model with its folder to keep it"
    )
    feedback = card.get("feedback")

    def learnt(key: str) -> list[dict[str, Any]]:
        files = feedback.get(key) if isinstance(feedback, dict) else None
        return [f for f in files if isinstance(f, dict)] if isinstance(files, list) else []

    here = Path(os.path.abspath(out / "codings.jsonl"))
    if any(f.get("sha256") in earlier[2] for f in learnt("decisions_files")) or any(
        earlier[3] is not None
        and f.get("sha256") == earlier[3]
        and isinstance(f.get("path"), str)
        and _recorded_as(f["path"], here)
        for f in learnt("codings")
    ):
        said, how = "note", "retrained on this folder's review: its codes will change"
    else:
        said, how = "warning", f"({how})"
    print(
        f"roqa: {said}: {out}: the earlier run in it coded with {before}; this one codes "
        f"with {named(this, model, card)}{',' if said == 'note' else ''} {how}",
        file=sys.stderr,
    )


def _warn_if_chart_dropped(out: Path, earlier: Codebook | str | None, this: Codebook) -> None:
    """Warn in one line when this run into ``out`` charts in another codebook than the earlier
    run there recorded (:func:`_earlier_chart`): without ``--codebook`` again, its later reports
    and exports would chart in the model's codebook, the choice quietly dropped.

    An earlier codebook file's copy beside the codings (:data:`~roqa_nlp.crosswalk.CHART_FILE`)
    is first kept under a name of its own (:func:`_keep_earlier_chart`), as this run's
    ``--codebook`` file replaces it: the warning said "give --codebook OUT/chart_codebook.json
    to keep it" while that file became v2's, v1 lost (re-test, session 47)."""
    if earlier is None:
        return
    said = earlier if isinstance(earlier, str) else earlier.id
    if said == this.id and (
        isinstance(earlier, str) or said in BUILTIN or earlier.hash == this.hash
    ):
        return
    if said in BUILTIN:
        how = f"give --codebook {said} to keep it"
    elif isinstance(earlier, str) or (kept := _keep_earlier_chart(out, earlier)) is None:
        how = "give --codebook with its file to keep it"  # no copy of it here to keep
    else:
        how = (
            f"its copy is kept as {kept}: give --codebook {shell_quoted(kept)} to chart in it again"
        )
    if said == this.id:  # an edited file of the same id
        said = f"another version of {said}"
    print(
        f"roqa: warning: {out}: the earlier run in it charted in {said}; this one charts in "
        f"{this.id} ({how})",
        file=sys.stderr,
    )


def _earlier_unit(out: Path) -> str | None:
    """The unit (``window``, ``sentence``) the earlier run into ``out`` cut its transcripts
    into (``run.json``'s ``params.unit``), when ``out`` holds a review of its segments
    (``decisions.csv`` or ``.xlsx``); None when it holds none, or nothing is recorded."""
    from ..decisions import REVIEW_FILES

    if not any((out / name).is_file() for name in REVIEW_FILES):
        return None
    return _recorded_unit(out)


def _recorded_unit(out: Path) -> str | None:
    """The unit the run whose run.json ``out`` holds coded in (``params.unit``); None when
    nothing is recorded."""
    from ..result import run_record

    try:
        params = run_record(out).get("params")
    except OSError:  # an unreadable record: nothing to compare
        return None
    unit = params.get("unit") if isinstance(params, dict) else None
    return unit if isinstance(unit, str) else None


def _warn_if_unit_changed(
    out: Path, earlier: str | None, this: object, result: CodingResult | None = None
) -> None:
    """Warn in one line when decisions of the review ``out`` holds match no segment of this
    run's codings ``result`` and this run cuts the transcripts into other segments (``--unit``)
    than the earlier run into ``out`` did (:func:`_earlier_unit`): they may have been made on
    that run's segments (cli tester cli2, session 80: ``--unit sentence`` on a folder reviewed
    in windows said only "0 carried into the report ... 6 match no segment"). Judged by the
    review itself, not by the earlier run's unit alone: after one run in another unit, going
    back to the review's unit was told to give the other (hunter hunt7, session 80).

    ``result`` None: the codings this run wrote into ``out`` (``--stream``, the Ray engine,
    which hold no whole result), read only when the unit differs (session 81: those runs did
    not warn)."""
    if earlier is None or not isinstance(this, str) or earlier == this:
        return
    import warnings

    from ..decisions import REVIEW_FILES, match_decisions, read_decisions
    from ..errors import RoqaError

    path = next((out / name for name in REVIEW_FILES if (out / name).is_file()), None)
    if path is None:
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # said where the review is read (codings: own)
            if result is None:
                from ..result import CodingResult

                result = CodingResult.read(out / "codings.jsonl")
            unmatched = len(
                match_decisions(read_decisions(path, allow_empty=True)[0], result).unmatched
            )
    except (RoqaError, OSError):  # a review that cannot be read is said of elsewhere
        return
    if not unmatched:
        return
    print(
        f"roqa: warning: {out}: {unmatched} decision{'s' * (unmatched != 1)} of {path.name} "
        f"{'matches' if unmatched == 1 else 'match'} no segment of this run, which codes with --unit {this}; the earlier run in it "
        f"coded with --unit {earlier} (if the review was made on its segments, give --unit "
        f"{earlier} to keep it, or another --out)",
        file=sys.stderr,
    )


def _keep_earlier_chart(out: Path, earlier: Codebook) -> Path | None:
    """The earlier run's codebook file copy in ``out`` (:data:`~roqa_nlp.crosswalk.CHART_FILE`)
    kept as ``chart_codebook.<its id>.json`` (with its hash's first 12 digits when a copy of
    another content has that name already), written atomically; the file kept (the file itself
    when run.json named one outside ``out``, as runs before the copy did), None when there is
    no copy of ``earlier`` to keep."""
    from ..crosswalk import CHART_FILE
    from ..io import atomic_write_bytes

    copy = out / CHART_FILE
    if earlier.origin is not None and Path(earlier.origin).resolve() != copy.resolve():
        return Path(earlier.origin)  # a file elsewhere (runs before the copy): not replaced
    try:
        data = copy.read_bytes()
    except OSError:
        return None
    stem = Path(CHART_FILE).stem
    for name in (f"{stem}.{_file_safe(earlier.id)}.json",
                 f"{stem}.{_file_safe(earlier.id)}.{earlier.hash[:12]}.json"):  # fmt: skip
        kept = out / name
        try:
            if kept.read_bytes() == data:
                return kept
        except FileNotFoundError:
            atomic_write_bytes(kept, data)
            return kept
        except OSError:
            continue
    return None


def _warn_if_report_is_stale(out: Path) -> None:
    """A report.html left by an earlier run into ``out`` no longer shows its codings."""
    if (out / "report.html").exists():
        print(
            f"roqa: warning: {out / 'report.html'} is from an earlier run and does not show these "
            f"codings (run `roqa report {shell_quoted(out)}` to rebuild it)",
            file=sys.stderr,
        )


def _remove_what_replaced_codings_made(
    out: Path, before: Collection[str], keep: Collection[str] = ()
) -> None:
    """Once a run that writes no report nor open-coding queue (``--engine ray``) has replaced
    the codings in ``out``, remove the report and queue made from the earlier ones
    (:data:`~roqa_nlp.earlier_outputs.REPORT_AND_QUEUE`, among the files ``before`` the run), as
    the local engine writes them again, and say so in one note: left, with a warning, a
    report.html opened showed the earlier codings (engines tester s63, 3). Only roqa's own
    (:func:`~roqa_nlp.io.written_by_roqa`) are removed, after the new codings are in place (a
    run that fails keeps them, as the local engine does); another, or one that cannot be
    removed, stays and is warned of as from an earlier run. Those ``keep`` names stay, as the
    local engine keeps them (``--stream`` all, ``--no-report`` the report: docs/cli.md; a hunt
    of s63 found Ray removing them under those flags)."""
    from ..decisions import review_beside
    from ..errors import and_list
    from ..io import written_by_roqa

    removed = []
    for name in REPORT_AND_QUEUE:
        path = out / name
        if name in keep or name not in before or not path.is_file() or not written_by_roqa(path):
            continue
        try:
            path.unlink()
        except OSError:
            continue
        removed.append(name)
    if not removed:
        return
    browser = (
        "; a review kept in the browser is carried into it when it is opened from the same place"
        if "report.html" in removed and review_beside(out)[0] is None
        else ""
    )
    print(
        f"roqa: note: {out}: removed the earlier run's {and_list(removed)}, made from the "
        f"codings this run replaced (the Ray engine writes none: `roqa report "
        f"{shell_quoted(out)}` writes the report of these{browser})",
        file=sys.stderr,
    )


def _remove_earlier_chart_table(table: Path, before: Collection[str], book: str) -> None:
    """Remove ``table``, the ``codings.ID.csv`` of ``--codebook ID`` an earlier run wrote in
    the folder, when this run's codings are in that codebook's codes already (a model trained
    in it), so that it writes none: left with a warning to delete it, a script reading it got
    the earlier model's codes (study11 tester, session 81: a model trained in cfir-2022 run
    with --codebook cfir-2022 over the packaged model's run). It is this run's output as much
    as codings.csv is: only roqa's own (:func:`~roqa_nlp.io.written_by_roqa`, as
    check_own_outputs judged it before the run), there ``before`` the run, is removed, after
    the new codings are in place, and said in one note; another stays, and is warned of as
    from an earlier run."""
    from ..io import written_by_roqa

    if table.name not in before or not table.is_file() or not written_by_roqa(table):
        return
    try:
        table.unlink()
    except OSError:
        return
    print(
        f"roqa: note: {table.parent}: removed the earlier run's {table.name}: these codings are "
        f"in {book}'s codes already, in codings.csv (a {table.name} is written when the model's "
        f"codes are translated into {book}'s)",
        file=sys.stderr,
    )


def _warn_of_dropped(
    out: Path,
    held: list[str],
    coded: Collection[str],
    followed: Collection[str] = (),
    renamed: Collection[str] = (),
) -> list[str]:
    """Warn that ``out`` held codings of transcripts (``held``) this run does not code (not in
    ``coded``), and return them: its outputs replace the folder's whole, so their codings (and
    the report's review of them) are gone from it. Coding the rest of a study into its folder
    did that silently. Those whose review ``followed`` their words into a transcript coded
    (renamed since: :attr:`Review.followed`, said in its own warning) and those ``renamed``
    (their very text coded under another name: :func:`~roqa_nlp.cli.recode_changes.renamed_note`
    says so) are not warned of."""
    from ..errors import first_and_count

    dropped = [t for t in held if t not in coded]
    said = [t for t in dropped if t not in followed and t not in renamed]
    if said:
        print(
            f"roqa: warning: {out}: held codings of {first_and_count(said)}, which this run "
            "does not code: they are replaced; give every transcript (unchanged ones come from "
            "the cache) or another --out",
            file=sys.stderr,
        )
    return dropped


def _jsonl_records(path: Path, *, errors: str = "strict") -> list[Any] | None:
    """The records of a JSONL file roqa wrote, read leniently as the earlier outputs of a folder
    are: a line that is no JSON left out; None when the file cannot be read (or, ``errors``
    strict, is not UTF-8)."""
    try:
        lines = path.read_text(encoding="utf-8", errors=errors).splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    records = []
    for line in lines:
        with suppress(ValueError):
            records.append(json.loads(line))
    return records


def _earlier_codings_named(out: Path) -> str | None:
    """What a pseudonymised run into ``out`` says of the files an earlier run left there, read
    before it replaces the codings: None when ``out``'s transcripts.jsonl holds only
    pseudonymised transcripts (or ``out`` holds no codings), else that those files hold names
    (``"hold"``: the transcripts were not pseudonymised) or may hold them (``"may hold"``:
    roqa has no record)."""
    if not (out / "codings.jsonl").is_file():
        return None
    unsure = "may hold"
    records = _jsonl_records(out / "transcripts.jsonl", errors="replace")
    if records is None:
        return unsure
    meta = [r.get("metadata") if isinstance(r, dict) else None for r in records]
    if not meta:
        return unsure
    if all(isinstance(m, dict) and m.get("pseudonymised") is True for m in meta):
        return None
    return "hold"


def _warn_of_earlier_outputs(
    out: Path, written: Iterable[Path], before: Iterable[str] = (), names: str | None = None
) -> None:
    """Name, in one warning, the files of :data:`~roqa_nlp.earlier_outputs.EARLIER_OUTPUTS` in ``out`` that this run did
    not write (``written``): they are another run's and do not belong to these codings. Then,
    in one more, the other files ``before`` (:func:`~roqa_nlp.earlier_outputs.files_before`) that this run did not
    rewrite, of the kinds roqa makes from codings: a report, matrix or export made from the
    earlier codings (``roqa report``, ``roqa export``) no longer shows the codings beside it.
    They are the researcher's files: named, never deleted (:func:`~roqa_nlp.earlier_outputs.earlier_run_files`). A
    pseudonymised run gives ``names`` (:func:`_earlier_codings_named`) when the earlier codings
    were not pseudonymised, and the warnings then say plainly that those files hold names and
    where to move them: a folder shared as pseudonymised held a matrix naming the participants
    (tester s51 privacy, 4). They are not moved: a copy kept beside them would be shared too."""
    stale, left = earlier_run_files(out, written, before)
    if names is not None:
        for files, how in ((stale, ", which did not rewrite {it}"), (left, "")):
            if not files:
                continue
            one = len(files) == 1
            it, they, were = ("it", "it", "was") if one else ("them", "they", "were")
            why = (
                f", and {were} made from codings that were not pseudonymised: {they} "
                f"{'holds' if one else 'hold'}"
                if names == "hold"
                else f": roqa has no record that {they} {were} pseudonymised, so {they} may hold"
            )
            print(
                f"roqa: warning: {out}: {', '.join(files)} {'is' if one else 'are'} from before "
                f"this run{how.format(it=it)}{why} names and un-pseudonymised talk (move {it} out "
                f"of {out} before sharing it, or make {it} again from these codings)",
                file=sys.stderr,
            )
        _warn_of_earlier_review(out, before, names)
        return
    if stale:
        one = len(stale) == 1
        print(
            f"roqa: warning: {out}: {', '.join(stale)} {'is' if one else 'are'} from before "
            f"this run, which did not rewrite {'it' if one else 'them'}: a report, table or "
            "export among them shows the earlier codings (make it again from these)",
            file=sys.stderr,
        )
    if left:
        one = len(left) == 1
        print(
            f"roqa: warning: {out}: {', '.join(left)} {'is' if one else 'are'} from an earlier "
            f"run and {'does' if one else 'do'} not belong to these codings (delete "
            f"{'it' if one else 'them'})",
            file=sys.stderr,
        )


def _notes_left_out_before(out: Path) -> list[str]:
    """The notes an earlier pseudonymised run into ``out`` left out of its report, as its
    run.json records them (:data:`~roqa_nlp.decisions.NOTES_LEFT_OUT`), read before this run
    replaces it: [] when none."""
    from ..decisions import NOTES_LEFT_OUT, notes_left_out_read

    try:
        meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return notes_left_out_read(meta.get(NOTES_LEFT_OUT)) if isinstance(meta, dict) else []


def _made_on_pseudonymised_codings(review: Review, out: Path) -> bool:
    """Whether ``review`` was made on ``out``'s earlier codings, those being pseudonymised
    (:func:`_earlier_codings_named`): every row of it that quotes a segment's text quotes the
    text of that segment there, and at least one does. A review saved from the pseudonymised
    report outside the folder (a browser's Downloads) lost its notes, as if roqa had no record
    of its codings (session 78 hunt4 F5). A review of codings that were not pseudonymised quotes
    the names in their talk, and their file names in its segment ids, so it does not match."""
    if not (out / "codings.jsonl").is_file() or _earlier_codings_named(out) is not None:
        return False
    records = _jsonl_records(out / "codings.jsonl")
    if records is None:
        return False
    said = {
        str(segment.get("segment_id")): " ".join(segment["text"].split())
        for segment in records
        if isinstance(segment, dict) and isinstance(segment.get("text"), str)
    }
    quoted = [d for d in review.decisions if d.text.strip()]
    return bool(quoted) and all(said.get(d.segment_id) == " ".join(d.text.split()) for d in quoted)


def review_made_on(review: Review, codings: Path) -> str | None:
    """What the codings ``review`` was made on were, as :func:`_earlier_codings_named` says it:
    None when pseudonymised (the codings beside its file are recorded as pseudonymised, or it
    quotes the pseudonymised codings in the folder ``codings``:
    :func:`_made_on_pseudonymised_codings`), ``"hold"`` when not, ``"may hold"`` when roqa has
    no record. ``roqa code`` reads it before its run replaces the folder's codings; ``roqa
    apply-decisions`` and ``roqa report`` read it of the codings they are given."""
    folder = review.path.parent
    made_on = _earlier_codings_named(folder) if (folder / "codings.jsonl").is_file() else "may hold"
    if made_on == "may hold" and _made_on_pseudonymised_codings(review, codings):
        made_on = None  # saved elsewhere (Downloads) from the pseudonymised report of ``codings``
    return made_on


def _leave_out_review_notes(
    review: Review, recorded: Collection[str], made_on: str | None
) -> list[str]:
    """Leave the reviewer's notes out of ``review`` as a pseudonymised run carries it into its
    report (and from there into a review saved, run.json and a .qdpx project), unless it was
    made on pseudonymised codings (``made_on`` None: :func:`review_made_on`): a note written on
    the names of codings that were not pseudonymised is free text, and may name anyone (tester
    s78 privacy2, L12: 'ask Lucy Pemberton about Bev Hirst' reached the new report.html). They
    are left out, not rewritten by the key: the key reaches only its own rows' names (Bev Hirst
    was in no row), so a note rewritten would still leak, said to be pseudonymised. The notes
    an earlier pseudonymised run into the folder left out (``recorded``:
    :func:`_notes_left_out_before`) are left out again, though the folder's codings are
    pseudonymised now (session 78 hunt4 F1: a second run put them back). One warning says how
    many and that they stay in the review's file. Returns the prints of the notes left out
    (:func:`~roqa_nlp.decisions.note_print`), for run.json to record
    (:data:`~roqa_nlp.decisions.NOTES_LEFT_OUT`)."""
    from ..decisions import note_print, without_notes, without_notes_left_out

    if made_on is None:
        file_sha = sha256_file(review.path)  # an older run recorded the file, not its notes
        kept, left = without_notes_left_out(review.decisions, recorded, file_sha)
        why = (
            "left out of an earlier pseudonymised run's report as made on codings that were not "
            "pseudonymised"
        )
    else:
        kept, left = without_notes(review.decisions)
        why = (
            "made on codings that were not pseudonymised"
            if made_on == "hold"
            else "made on codings roqa has no record were pseudonymised"
        )
    if not left:
        return []
    review.decisions = kept
    print(
        f"roqa: warning: {review.path}: its {len(left)} reviewer note(s), {why}, are left out of the "
        "new report.html, as a note may name anyone; they stay in that file: copy a note you "
        "need into the new report, without names",
        file=sys.stderr,
    )
    return sorted({note_print(n) for n in left})


def leave_out_notes_left_out(review: Review, meta: Mapping[str, Any], command: str) -> None:
    """Leave out of ``review`` the notes a pseudonymised run of the codings (whose run.json is
    ``meta``) left out of its report (:data:`~roqa_nlp.decisions.NOTES_LEFT_OUT`: the same
    notes, in that file or another, re-saved or added to: session 78 hunt4 F4), with one
    warning: ``roqa apply-decisions`` wrote them into the reviewed run.json and .qdpx, and
    ``roqa report`` into its page (tester s78 privacy2, L12). Notes written on the new report
    are other notes, and are kept."""
    from ..decisions import NOTES_LEFT_OUT, notes_left_out_read, without_notes_left_out

    left_out = notes_left_out_read(meta.get(NOTES_LEFT_OUT))
    if not left_out:
        return
    review.decisions, left = without_notes_left_out(
        review.decisions, left_out, sha256_file(review.path)
    )
    if left:
        print(
            f"roqa: warning: {review.path}: its {len(left)} reviewer note(s) are left out by "
            f"{command}, as by the pseudonymised run of these codings: they were written on "
            "codings that were not pseudonymised, and a note may name anyone (save the review "
            "from the new report.html to keep the notes written there)",
            file=sys.stderr,
        )


def leave_out_notes_on_replaced_names(
    review: Review, result: CodingResult, command: str, made_on_pseudonymised: bool = False
) -> list[str]:
    """The segments of pseudonymised codings ``result`` that decisions of ``review`` went to by
    reading each pseudonym there as the words it replaced
    (:attr:`~roqa_nlp.decisions.DecisionMatch.by_pseudonyms`: made on the codings before
    pseudonymising), with those decisions' notes left out of ``review`` (a note alone, the row),
    and the notes of decisions the near rule placed (their words edited) on a segment holding a
    pseudonym of a pseudonymised transcript (:func:`~roqa_nlp.decisions.on_pseudonymised_names`),
    unless the caller knows the review was made on pseudonymised codings
    (``made_on_pseudonymised``: :func:`review_made_on` gives None) and the row quotes each
    pseudonym of its segment (:func:`~roqa_nlp.decisions.quotes_pseudonyms`): such a note was
    written on the pseudonymised talk, as any note of a review of pseudonymised codings, which
    is kept (session 81 pfix7: a typo fixed in the transcript since left it out, the warning
    saying, falsely, that the review was made before pseudonymising). A new code on a segment
    matched by its pseudonyms is kept, with a warning to check its name. The notes left out are
    said in one warning of each kind: a note written on the names may name anyone, and
    ``command`` would write it into its outputs (session 80: "Lucy ran it" reached the reviewed
    run.json).
    ``roqa apply-decisions``, ``roqa report`` and ``roqa code`` (the review it carries into its
    report) call it alike (session 81: ``roqa code --pseudonymise`` gave no new-code warning).
    Codings with no pseudonymised transcript match nothing so: not matched again."""
    from dataclasses import replace

    from ..decisions import NOTE, match_decisions, on_pseudonymised_names, quotes_pseudonyms
    from ..report import pseudonymised

    if not pseudonymised(result):
        return []
    match = match_decisions(review.decisions, result)
    on = match.matched_by_pseudonyms
    by_names = {id(d) for d, _ in on if d.note}
    # a row the near rule placed (its words edited besides the names: hunt6 F2) on a segment
    # holding a pseudonym of a pseudonymised transcript may have been written on the names, too
    edited = match.edited or (False,) * len(match.decisions)
    named = on_pseudonymised_names(result)
    text_of = {s.segment.id: s.segment.text for s in result if s.segment.id in named}
    unsure = {
        id(d)
        for d, sid, e in zip(match.decisions, match.on, edited)
        if e
        and sid is not None
        and d.note
        and sid in named
        and id(d) not in by_names
        and not (made_on_pseudonymised and quotes_pseudonyms(text_of[sid], d.text))
    }
    noted = by_names | unsure
    if noted:
        review.decisions = [
            replace(d, note="") if id(d) in noted else d
            for d in review.decisions
            if not (id(d) in noted and d.decision == NOTE)
        ]
    for n, why in (
        (len(by_names), "the review was made on the codings before pseudonymising"),
        (
            len(unsure),
            f"{'the segment was' if len(unsure) == 1 else 'the segments were'} edited since the "
            "review, and roqa cannot tell that the review was made on these pseudonymised codings",
        ),
    ):
        if n:
            print(
                f"roqa: warning: {review.path}: {n} reviewer note{'s' * (n != 1)} on "
                f"{'a segment' if n == 1 else 'segments'} whose names pseudonymising replaced "
                f"{'is' if n == 1 else 'are'} left out by {command}: {why}, and a note may name "
                "anyone (copy a note you need into the report, without names)",
                file=sys.stderr,
            )
    coined = list(dict.fromkeys(sid for d, sid in on if d.decision == "new-code"))
    if coined:
        one = len(coined) == 1
        print(
            f"roqa: warning: {review.path}: the new code{'' if one else 's'} on "
            f"{', '.join(coined)} {'comes' if one else 'come'} from a review made on the codings "
            f"before pseudonymising: check {'its name' if one else 'their names'} for a name "
            "pseudonymising replaced before sharing the outputs",
            file=sys.stderr,
        )
    return list(dict.fromkeys(sid for _, sid in on))


def _warn_of_earlier_review(out: Path, before: Iterable[str], names: str) -> None:
    """Name the review (decisions.csv, .xlsx) a pseudonymised run found in ``out`` when the
    earlier codings were not pseudonymised (``names``: :func:`_earlier_codings_named`): its
    rows hold the talk of the segments decided, as it was (privacy tester s59, M1: a phone
    number, a postcode and surnames in decisions.csv, while only matrix.xlsx was named), and
    its copy ``decisions.before-recode.csv`` alike. It is read and added to, so it is not said
    to be from before the run, and never moved."""
    from ..decisions import REVIEW_FILES, is_review_copy

    review = [
        name
        for name in sorted(before, key=lambda n: (n not in REVIEW_FILES, n))
        if (name in REVIEW_FILES or is_review_copy(name)) and (out / name).is_file()
    ]
    if not review:
        return
    one = len(review) == 1
    it, they = ("it", "it") if one else ("them", "they")
    why = (
        "made on codings that were not pseudonymised"
        if names == "hold"
        else "made on codings roqa has no record were pseudonymised"
    )
    print(
        f"roqa: warning: {out}: {', '.join(review)}, the review {why}, "
        f"{'holds' if one else 'hold'} {'names' if names == 'hold' else 'may hold names'} and "
        f"un-pseudonymised talk in {'its' if one else 'their'} rows (move {it} out of {out} "
        f"before sharing it; Save decisions in the new report.html writes the review on these "
        "codings)",
        file=sys.stderr,
    )


def _say_streamed(
    out: Path,
    coded: str,
    written: dict[str, Path],
    note: str = "",
    before: Iterable[str] = (),
    names: str | None = None,
    embedded: str | None = None,
    tally: _StreamTally | None = None,
    unlisted: Iterable[Path] = (),
) -> None:
    """What a run that writes no report (``--stream``, ``--engine ray``) says at its end: the
    ``coded`` line, the ``embedded`` line (:func:`~roqa_nlp.cli.recode_changes.embedding_line`),
    the files ``written``, a ``note``, the next step and the weakly coded segments as a run
    with the report says them (``tally``: counted part by part), then the warnings of a stale
    report and of earlier outputs in ``out`` (the files ``before`` the run among them). The
    files written that ``written`` names by a pattern (the Ray engine's shards) are given one by
    one as ``unlisted``: a second Ray run into a folder called the shards it had just rewritten
    'from before this run' (engines tester s63, 1)."""
    con = console()
    # whole when sent to a file, as the lines after it: not cut at 80 columns (cli tester s64)
    con.print(coded, soft_wrap=not con.is_terminal, markup=False)
    if embedded:
        console().print(embedded, soft_wrap=True, markup=False, highlight=False)
    print_files(console(), written)
    if note:
        console().print(note, soft_wrap=True, markup=False, highlight=False)
    if tally is not None:
        _say_next_step(tally.n_queued, out, False, queue_written=False)
        _say_weakly_coded(tally.n_weak, out, False)
    _warn_if_report_is_stale(out)
    _warn_of_earlier_outputs(out, [*written.values(), *unlisted], before, names)


def _only_recorded_copies(paths: Sequence[Path]) -> bool:
    """Whether every transcript file ``paths`` give is a copy ``roqa pseudonymise`` wrote and
    recorded, unchanged (:mod:`roqa_nlp.pseudonymised_copies`; session 79: a decisions.csv
    note on the plain codings went whole into the report of the copies coded into their
    folder, where ``--pseudonymise`` leaves it out)."""
    from ..errors import RoqaError
    from ..pseudonymised_copies import is_recorded_copy, recorded_copies
    from ..transcripts import expand_paths

    if not recorded_copies():
        return False
    try:
        files = [f for f in expand_paths(paths) if f.suffix.lower() != ".qdpx"]
    except RoqaError:
        return False
    return bool(files) and all(is_recorded_copy(f) for f in files)


def _note_review_in_browser(out: Path, pseudonymised: bool = False) -> None:
    """Before ``out/report.html`` is written over with no review saved beside it
    (:func:`~roqa_nlp.decisions.review_beside`): the review may live in the browser alone,
    which finds it again only where the report is. ``pseudonymised``: the new report shows
    pseudonymised codings, which take a review kept by a report that was not without its
    notes (report.js, hunt s78 F3)."""
    from ..decisions import DECISIONS_CSV, review_beside

    path = out / "report.html"
    if path.is_file() and review_beside(out)[0] is None:
        notes = (
            " (without its notes if the report it was kept by was not pseudonymised: they may "
            "name the people pseudonymising took out)"
            if pseudonymised
            else ""
        )
        print(
            f"roqa: note: replacing {path}: a review kept in the browser is carried into the new "
            f"report when it is opened from the same place{notes}; Save decisions as "
            f"{out / DECISIONS_CSV} to keep it safe",
            file=sys.stderr,
        )


def _keep_fits_no_code(out: Path, given: Path | None, review: Review | None) -> None:
    """Before ``out`` is coded again: a segment whose every suggestion the review rejected on
    the codings it was made on keeps fitting no code whatever the new codings suggest. The
    review is the one saved in ``out`` (``decisions.csv`` or ``.xlsx``:
    :func:`~roqa_nlp.decisions.review_beside`) or the ``--decisions`` file, made on the
    ``codings.jsonl`` beside it; a ``no-code`` row is added for each such segment
    (:func:`~roqa_nlp.decisions.no_code_rows`): to ``out/decisions.csv`` itself, whose codings
    are about to be replaced (said in a note; below the reviewer's rows, which keep their bytes,
    the file as it was kept first as ``decisions.before-recode.csv``:
    :func:`~roqa_nlp.decisions.keep_before_recode`), and to the review carried into the report. A
    review made on the codings charted in CFIR 2.0 is read in the codings' own codes first, so
    a segment whose every CFIR 2.0 code shown was rejected gets its row too. A decisions file
    elsewhere is not written to: its codings stay beside it (the report's line counts the rows
    added apart, :attr:`Review.added`); nor is an ``.xlsx`` (a note says so). With no
    ``review`` (no report), the note that both are beside the codings and the warnings of
    matching them (edited text) are said here, as no review's line follows."""
    import warnings

    from ..crosswalk import codebook_for
    from ..decisions import (
        DECISIONS_CSV,
        NO_CODE,
        append_decisions,
        empty_review,
        keep_before_recode,
        match_decisions,
        no_code_rows,
        read_decisions,
        review_beside,
    )
    from ..errors import RoqaError, RoqaWarning, warn
    from ..result import CodingResult

    path, note = (given, None) if given is not None else review_beside(out)
    if path is None:
        return
    if review is None and (empty := empty_review(path)) is not None:
        # with a report, read_review refused it; without, it holds nothing to keep (session 67)
        print(f"roqa: warning: {empty}", file=sys.stderr)
        return
    codings = path.parent / "codings.jsonl"
    if not (path.is_file() and codings.is_file()):
        return
    if note and review is None:  # with a report, read_review said it
        print(f"roqa: note: {note}", file=sys.stderr)
    try:
        decisions = (
            review.decisions if review is not None else read_decisions(path, allow_empty=True)[0]
        )
        with warnings.catch_warnings():
            # the codings about to be replaced: whether run.json still records them (a
            # hand-edited file) is no news here (hunt s41/4)
            warnings.simplefilter("ignore", RoqaWarning)
            result = CodingResult.load(codings)
        try:
            book = codebook_for(None, result, codings)
        except RoqaError:
            book = None  # its project codebook is gone: the review is read in its own codes
        with warnings.catch_warnings():
            # matched on the codings about to be replaced: what holds of the new ones (edited
            # text, a transcript renamed) the report's line says, a stale line else (s49/3);
            # with no report (no line), what holds of these, whose rows are recorded, is said
            if review is not None:
                warnings.simplefilter("ignore", RoqaWarning)
            rows = no_code_rows(decisions, result, where=path, codebook=book)
            if review is not None and path.parent.resolve() == out.resolve():
                # where the review is on the codings replaced: a transcript renamed again
                review.before = match_decisions(decisions, result)
                review.replaced = result
    except RoqaError as e:
        warn(f"segments whose every suggestion was rejected not recorded: {e}", path=path)
        return
    if not rows:
        return
    n = len(rows)
    which = ", ".join(d.segment_id for d in rows[:3]) + (" ..." if n > 3 else "")
    here = path.parent.resolve() == out.resolve()
    written = here and path.suffix.lower() != ".xlsx"
    locked = False
    if written:
        try:
            copy, copied = keep_before_recode(path)
            append_decisions(path, rows)
        except RoqaError as e:  # open in Excel: the coding goes on, the report has the rows
            written, locked = False, True
            many = n != 1
            warn(
                f"{e.reason}, so {n} segment{'s' if many else ''} whose every suggestion the "
                f"review rejected ({which}) {'are' if many else 'is'} not recorded there as "
                f"fitting no code; report.html's review records {'them' if many else 'it'}: "
                f"close the file, then Save decisions from report.html as {path}",
                path=path,
            )
    if review is not None:
        review.decisions = [*review.decisions, *rows]
        if not written:
            review.added += n
    if written:
        print(
            f"roqa: note: {path}: {n} segment{'s' if n != 1 else ''} whose every suggestion the "
            f"review rejected ({which}) recorded as fitting no code (a row '{NO_CODE}' each), "
            "so they still fit no code when the new codings suggest other codes",
            file=sys.stderr,
        )
        print(
            f"roqa: note: {path} as it was before these rows is kept as {copy}"
            if copied
            else f"roqa: note: {copy} still keeps {path.name} as it was before roqa first added "
            "rows to it",
            file=sys.stderr,
        )
    elif here and not locked:  # a workbook: its cells are not rewritten
        print(
            f"roqa: note: {path}: {n} segment{'s' if n != 1 else ''} whose every suggestion the "
            f"review rejected ({which}) fit no code in the new report, but an .xlsx is not "
            f"written to: add a row '{NO_CODE}' for each, or Save decisions from the new report "
            f"as {DECISIONS_CSV}",
            file=sys.stderr,
        )


@app.command(
    "code", epilog=example("roqa code interviews/ --out coded/  # then open coded/report.html")
)
@leaves_no_empty_out
def code_command(
    paths: list[Path] = transcripts_argument(),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder.", metavar="FOLDER"),
    model: Path | None = typer.Option(
        None, "--model", help="Model directory (default: the packaged model).", metavar="FOLDER"
    ),
    qdpx: Path | None = typer.Option(
        None, "--qdpx", help="Also write a REFI-QDA project with the suggestions.", metavar="FILE"
    ),
    top_k: int = typer.Option(5, "--top-k", min=1, help="Suggestions kept per segment."),
    alpha: float | None = typer.Option(
        None,
        "--alpha",
        help="Novelty significance level (default: the model's setting, 0.1 for the packaged "
        "model).",
    ),
    neutral_weight: float | None = neutral_weight_option(),
    group_distance: float | None = typer.Option(
        None,
        "--group-distance",
        help="How alike segments that fit no code must be to be grouped into a candidate new "
        "code: they are grouped while their average cosine distance (0 = alike, 1 = unrelated) "
        "is below it (default: 0.6, or 0.7 with --unit sentence, chosen in "
        "benchmarks/results/open_coding_threshold.md). Answers on one theme often lie further "
        "apart, so 0.7 groups more of them, at the cost of groups that mix themes.",
    ),
    min_group_size: int | None = typer.Option(
        None,
        "--min-group-size",
        show_default=str(MIN_GROUP_SIZE),  # not given: the run records no rule
        help="Fewest segments of a candidate new code; segments in a smaller group are listed "
        "as not grouped.",
    ),
    report: bool = typer.Option(True, "--report/--no-report", help="Write report.html."),
    decisions: Path | None = typer.Option(
        None,
        "--decisions",
        help="A saved decisions.csv to start report.html's review from, matched to the new "
        "segments by their text (default: decisions.csv, or .xlsx, in --out, if present: the "
        "newer when both are).",
        metavar="FILE",
    ),
    interviewer: list[str] = typer.Option(
        [],
        "--interviewer",
        help="A speaker label or name that is the interviewer (repeatable), besides the labels "
        "known already (Interviewer, Int, IV, I, Q, Researcher, Facilitator, Moderator, Host, Me, "
        "a focus group's Mod, Fac, Co-facilitator, Note-taker ...: docs/transcripts.md lists "
        "them): e.g. the name a Zoom transcript gives them.",
        metavar="NAME",
    ),
    participant: list[str] = participant_option(),
    pseudonymise: Path | None = typer.Option(
        None,
        "--pseudonymise",
        metavar="KEY.csv",
        help="Replace people's names (speaker labels such as Zoom display names, and those names "
        "in the talk and the file names) with pseudonyms (P07, Interviewer), and e-mail "
        "addresses, phone and NHS numbers, full dates, postcodes and street addresses with "
        "[email], [phone] ..., "
        "before coding, so no output holds them. "
        "KEY.csv (columns name,pseudonym) is read if it exists, and new speakers are added to "
        "it; add rows for other people the talk names. Keep it apart from the outputs.",
    ),
    context: bool | None = typer.Option(
        None,
        "--context/--no-context",
        help="Read each answer with the interviewer's question before it (default: the model's "
        "setting, on for the packaged model); --no-context codes the answers alone.",
    ),
    codebook: str | None = codebook_option(
        "Chart report.html and --qdpx with this codebook ({builtin} or a file; erondu-2021 = the "
        "seed study's themes), translating the suggestions through the documented mapping, and "
        "write them as codings.ID.csv too; codings.jsonl and codings.csv keep the model's codes."
    ),
    unit: str | None = typer.Option(
        None,
        "--unit",
        metavar=choice_metavar("window", "turn", "sentence"),
        help="Segment size: window, a whole turn or runs of its sentences when it is too long "
        "for the model to read whole (turn means the same), or sentence, one sentence per "
        "segment for line-by-line coding (default: the model's setting, window for the packaged "
        "model).",
    ),
    no_cache: bool = no_cache_option(),
    backend: str | None = backend_option(),
    threads: int | None = typer.Option(
        None,
        "--threads",
        min=1,
        help="CPU threads for encoding (default: OMP_NUM_THREADS if set, else one per core; with "
        "--engine ray, 1 per actor).",
    ),
    stream: bool = typer.Option(
        False,
        "--stream",
        help="Write codings as they are made, memory flat in corpus size: for corpora far larger "
        "than a study (at a study's size the model, not the codings, fills the memory). Skips "
        "report.html and the open-coding queue; `roqa report` on the output writes the report, "
        "listing the segments that fit no code without grouping them.",
    ),
    engine: str = typer.Option(
        "local",
        "--engine",
        metavar=choice_metavar("local", "ray"),
        help="local, or ray (Ray Data; RAY_ADDRESS picks a cluster).",
    ),
) -> None:
    """Suggest codes for every participant segment and flag segments that fit no code."""
    from ..decisions import review_beside
    from ..open_coding import (
        RULE_KEY,
        distance_threshold_for,
        no_counterpart,
        recurring_set_aside,
        set_aside_count,
        unnamed_sizes,
        weakly_coded,
        with_no_counterpart_queued,
        write_open_coding,
    )
    from ..open_coding_cache import cached_open_coding_queue
    from ..transcripts import expand_paths
    from .recode_changes import counted_encoding, embedding_line, renamed_note
    from .report_cmd import named_in, recurring_note

    if alpha is not None and not 0 < alpha < 1:
        raise typer.BadParameter("alpha must be between 0 and 1")
    weighed = _neutral_weight(neutral_weight)
    typed, engine = engine, engine.casefold()  # Ray is ray
    if engine not in ENGINES:
        raise typer.BadParameter(  # the value as typed: LOCL, not locl (h_h_cli s64, D2)
            f"engine must be local or ray, not {typed!r}" + _did_you_mean(typed, ENGINES)
        )
    rule = _grouping_rule(group_distance, min_group_size)
    if rule and (stream or engine == "ray"):
        raise typer.BadParameter(
            "--group-distance and --min-group-size group the open-coding queue, which "
            "--stream/--engine ray do not make: drop them, or code with the local engine"
        )
    if codebook is not None and (stream or engine == "ray"):
        raise typer.BadParameter(
            "--codebook charts report.html and --qdpx, which --stream/--engine ray do not write: "
            "run `roqa report OUT --codebook ID` afterwards"
        )
    if decisions is not None and (stream or engine == "ray" or not report):
        raise typer.BadParameter(
            "--decisions is shown in report.html, which --stream/--engine ray/--no-report do "
            "not write: run `roqa report OUT --decisions FILE` afterwards"
        )
    if qdpx is not None and (stream or engine == "ray"):
        raise typer.BadParameter(
            "--qdpx needs the whole result in memory: drop --stream/--engine ray, or run "
            "`roqa export codings.jsonl --qdpx FILE` afterwards"
        )
    from ..codebook import Codebook
    from ..codebooks import BUILTIN
    from ..transcripts.segment import UNITS

    chart_book = Codebook.load(codebook) if codebook is not None else None  # fail before coding
    if chart_book is not None and chart_book.id in BUILTIN and Path(codebook or "").is_file():
        # a file with a built-in codebook's id (warned of as it loaded): run.json records the id
        # alone, so `roqa report` later charts the built-in codebook, as the warning says; this
        # run's report and tables do too, not the file's names (ux2, s78)
        chart_book = Codebook.load(chart_book.id)
    if out.exists() and not out.is_dir():
        from ..errors import RoqaError

        raise RoqaError(
            "is a file, not a folder", path=out, hint="give a folder for the outputs with --out"
        )
    _refuse_output_into_inputs(out, paths, qdpx)
    from ..codings_writer import FILES
    from ..crosswalk import CODEBOOK_FILE, unrelated_chart
    from ..io import (
        check_output_folder,
        check_outputs,
        check_own_outputs,
        earlier_codebook,
        refuse_unfit_out_folder,
    )

    refuse_unfit_out_folder(out)  # a model's: its transcripts folder is refused just above
    made = [*FILES, CODEBOOK_FILE]
    if not stream and engine == "local":
        made += ["open_coding.jsonl", "open_coding.csv", *(["report.html"] if report else [])]
    if chart_book is not None:
        made.append(f"codings.{_file_safe(chart_book.id)}.csv")
    # before reading or coding (found after minutes of coding else), its files too: codings.csv
    # open in Excel; decisions.csv, which it only adds to, is left with a warning if it is
    check_output_folder(out, files=made)
    check_own_outputs(out, made)  # the researcher's own report.html or codings.csv: refused
    check_outputs(  # a bad path must not leave half the outputs
        {"--qdpx": qdpx},
        transcripts=[p for p in paths if p.is_file()],
        formats={"--qdpx": ("a REFI-QDA project", (".qdpx",))},
    )
    from ..folder_lock import lock_output_folder

    lock_output_folder(out)  # held to the end: a second run into it refuses at once
    before = files_before(out) if out.is_dir() else set()
    # the copies `roqa pseudonymise` wrote, coded as they are, are as pseudonymised as the
    # transcripts --pseudonymise rewrites: a review's notes stay out of their report alike
    pseudonymised = pseudonymise is not None or _only_recorded_copies(paths)
    # before this run's transcripts.jsonl replaces it: were the earlier codings pseudonymised?
    names = _earlier_codings_named(out) if pseudonymised else None
    held = transcripts_held(out)  # before this run's codings replace them
    texts_before = transcript_texts(out)  # likewise: to say what changed, and what was renamed
    earlier_chart = _earlier_chart(out)  # before this run's run.json replaces it
    earlier_embedding = earlier_backend(out)  # likewise
    earlier_coder = earlier_model(out)  # likewise
    earlier_book = earlier_codebook(out)  # likewise: kept as roqa's if this run writes none
    earlier_unit = _earlier_unit(out)  # likewise
    review = None
    if report and not stream and engine == "local":
        from .report_cmd import read_review

        review = read_review(decisions, out)  # before coding: a bad file fails at once
    _keep_fits_no_code(out, decisions, review)
    # the notes left out of a pseudonymised report, for run.json: an earlier run's, carried on
    notes_left_out = _notes_left_out_before(out) if pseudonymised else []
    # before this run replaces the folder's codings: was the review made on pseudonymised ones?
    made_on = review_made_on(review, out) if pseudonymised and review is not None else "may hold"
    if pseudonymised and review is not None:
        notes_left_out = sorted(
            {*notes_left_out, *_leave_out_review_notes(review, notes_left_out, made_on)}
        )
    key = None
    if pseudonymise is not None:
        key = _read_key(pseudonymise, out, engine)

    if unit is not None and unit not in UNITS:
        raise typer.BadParameter(
            f"unit must be one of {', '.join(UNITS)}, not {unit!r}" + _did_you_mean(unit, UNITS)
        )
    overrides: dict[str, Any] = {}
    if alpha is not None:
        overrides["alpha"] = alpha
    overrides.update(weighed)
    if context is not None:
        overrides["use_context"] = context
    if unit is not None:
        overrides["unit"] = unit
    files = expand_paths(paths)
    _note_skipped(paths)
    labels = list(interviewer) or None  # AutoCoder.code adds them to the default labels
    participants = list(participant) or None
    if engine == "ray":
        from ..ray_engine import code_with_ray

        ray_book = Path(model) / "codebook.json" if model is not None else None
        _warn_if_chart_dropped(
            out,
            earlier_chart,
            chart_book
            if chart_book is not None
            else Codebook.load(ray_book)
            if ray_book is not None and ray_book.is_file()
            else Codebook.load(DEFAULT_CODEBOOK),
        )
        from ..backends import backend_kind

        trained = _card_of(model).get("embedding_model")
        trained_kind = trained.get("backend") if isinstance(trained, dict) else None
        ray_kind = backend_kind(backend) if backend else trained_kind or "torch"
        if ray_kind is not None:
            warn_if_backend_changed(out, earlier_embedding, (ray_kind, None))
        ray_card = _card_of(model)
        ray_sha = ray_card.get("model_sha256") if model is not None else packaged_model_hash()
        warn_if_model_changed(
            out, earlier_coder, ray_sha if isinstance(ray_sha, str) else None, model, ray_card
        )
        said = _SaidOfRayParts(paths)
        with stopped_for_one(files, "coded"):
            summary = code_with_ray(
                files,
                out,
                model=model,
                backend=backend,
                top_k=top_k,
                cache=not no_cache,
                threads=threads,
                params=overrides,
                interviewer_labels=labels,
                participant_labels=participants,
                on_part=said.part,
                on_merged=said.merged,
            )
        model_book = (
            Codebook.load(ray_book) if ray_book is not None and ray_book.is_file() else None
        )
        summary.paths.update(_keep_project_codebook(model_book, out, earlier_book))
        _remove_what_replaced_codings_made(
            out,
            before,
            keep=REPORT_AND_QUEUE if stream else ("report.html",) if not report else (),
        )
        _warn_of_dropped(out, held, set(transcripts_held(out, read=True)))
        # the unit the workers coded in, as the run's record says (the model is theirs)
        _warn_if_unit_changed(out, earlier_unit, _recorded_unit(out))
        _say_streamed(
            out,
            f"Coded {summary.n_transcripts} transcript(s), {summary.n_segments} segments"
            f"{model_named(model, _card_of(model))}{backend_named(backend)} "
            f"({summary.n_novel} fit no code) with Ray in "
            f"{summary.n_shards} shard(s).",
            summary.paths,
            "  The Ray engine writes no report and does not group the talk that fits no code "
            f"into candidate codes: run `roqa report {shell_quoted(out)}` for the report, or "
            "the local engine "
            "for the groups.",
            before,
            unlisted=summary.shards,
        )
        return
    ac = _load_model(model, no_cache, backend, threads)
    if chart_book is not None and (why := unrelated_chart(ac.codebook, chart_book, "the model's")):
        from ..crosswalk import unrelated_fix
        from ..errors import RoqaError

        # before coding: a report of nothing but codes outside the codebook
        raise RoqaError(why, path=model, hint=unrelated_fix(ac.codebook, chart_book))
    if chart_book is not None:
        from ..crosswalk import refuse_unmapped_chart

        refuse_unmapped_chart(ac.codebook, chart_book)  # before coding: else after, folder spoilt
    ac.params.update(overrides)
    _warn_if_chart_dropped(
        out,
        earlier_chart,
        chart_book if chart_book is not None and not stream else ac.codebook,
    )
    from ..embedding import backend_identity_of

    warn_if_backend_changed(out, earlier_embedding, backend_identity_of(ac.embedder))
    warn_if_model_changed(out, earlier_coder, ac.model_summary().get("hash"), model, ac.card)
    if stream:
        from ..codings_writer import write_codings

        parts = ac.code_batches(
            files,
            top_k=top_k,
            interviewer_labels=labels,
            participant_labels=participants,
            pseudonyms=key,
        )
        tally = _StreamTally()
        with (
            counted_encoding(ac.embedder) as encoded,
            _own_speaker_warnings(),
            stopped_for_one(files, "coded"),
        ):
            told = _parts_warned(parts, _ParticipantTalk(paths), key is not None)
            w = write_codings(tally.parts(told), out)
        w.paths.update(_keep_project_codebook(ac.codebook, out, earlier_book))
        written_key = None
        if key is not None and pseudonymise is not None:
            written_key = _write_key(key, pseudonymise)
        if written_key is not None:
            w.paths["pseudonym key"] = written_key
        texts_after = transcript_texts(out)
        renamed = changes_between(texts_before, texts_after)[2]
        _warn_of_dropped(out, held, set(transcripts_held(out, read=True)), renamed=renamed)
        _warn_if_unit_changed(out, earlier_unit, ac.params.get("unit"))  # the codings written
        renamed_note(out, renamed, review_beside(out)[0])
        _say_streamed(
            out,
            f"Coded {w.n_transcripts} transcript(s), {w.n_segments} segments"
            f"{model_named(model, ac.card)}{backend_named(ac.embedder)} "
            f"({_fit_no_code(w.n_novel, w.n_off_topic)}).",
            w.paths,
            "  --stream wrote no report.html and no open-coding queue (open_coding.jsonl, "
            f"open_coding.csv): `roqa report {shell_quoted(out)}` writes the report, listing "
            "the segments that fit no code without grouping them into candidate codes (a run "
            "without --stream groups them).",
            before=before,
            names=names,
            embedded=embedding_line(encoded, not no_cache, texts_before, texts_after),
            tally=tally,
        )
        return
    with (
        counted_encoding(ac.embedder) as encoded,
        _own_speaker_warnings(),
        stopped_for_one(files, "coded"),
    ):
        result = ac.code(
            files,
            top_k=top_k,
            interviewer_labels=labels,
            participant_labels=participants,
            pseudonyms=key,
        )
    _warn_of_speakers(result.transcripts.values(), key is not None)
    _note_chat_left_out(result.transcripts.values())
    _note_participant_labels(result.transcripts.values())
    _warn_of_nothing_coded(result)
    _warn_if_unit_changed(out, earlier_unit, ac.params.get("unit"), result)
    if review is not None:  # as apply-decisions and report leave them out, and warn
        leave_out_notes_on_replaced_names(review, result, "roqa code", made_on is None)
    talk = _ParticipantTalk(paths)
    talk.add(result)
    talk.refuse_if_none()
    dropped = [t for t in held if t not in result.transcripts]  # warned of below
    written: dict[str, Path] = {}
    # each file is written whole; said which are this run's if Ctrl-C stops the set
    planned = [out / name for name in [*FILES, "open_coding.jsonl", "open_coding.csv"]]
    planned += [out / "report.html"] * report + ([qdpx] if qdpx is not None else [])
    with _told_if_interrupted(out, planned, before):
        if key is not None and pseudonymise is not None:  # first: the outputs are named by it
            written_key = _write_key(key, pseudonymise, result.transcripts.values())
            if written_key is not None:
                written["pseudonym key"] = written_key
        if chart_book is not None:  # the default of `roqa report OUT`, `roqa export OUT` ...
            from ..crosswalk import CHART_KEY, keep_chart

            make_out_dir(out)
            # a codebook file is kept beside the codings: the folder charts alike when it moves
            result.meta[CHART_KEY], kept = keep_chart(chart_book, out)
            if kept is not None:
                written[kept.name] = kept
        if rule:  # for `roqa report` to name the rule the segments not grouped fell short of
            result.meta[RULE_KEY] = {
                "distance_threshold": rule.get(
                    "distance_threshold", distance_threshold_for(result)
                ),
                "min_group_size": rule.get("min_group_size", MIN_GROUP_SIZE),
            }
        if notes_left_out:  # apply-decisions, report and the next such run leave them out too
            from ..decisions import NOTES_LEFT_OUT

            result.meta[NOTES_LEFT_OUT] = notes_left_out
        written.update(result._save_files(out))  # its earlier files are named at the end
        texts_after = transcript_texts(out)
        renamed = changes_between(texts_before, texts_after)[2]
        written.update(_keep_project_codebook(ac.codebook, out, earlier_book))
        charted, book = result, ac.codebook
        if chart_book is not None:
            from ..crosswalk import chart_with

            book = chart_book
            charted, note = chart_with(result, book)
            table = out / f"codings.{_file_safe(book.id)}.csv"
            if not note:  # the codings are in its codes already: codings.csv
                _remove_earlier_chart_table(table, before, book.id)
            else:  # the codings in the codebook asked for, for spreadsheets
                from ..open_coding import no_counterpart_because

                charted.to_csv(table, because=no_counterpart_because(result, charted, book.id))
                written[table.name] = table
                charts = [
                    str(x) for x, on in (("report.html", report), (qdpx, qdpx is not None)) if on
                ]
                from ..framework import with_uncodable

                # with the codes it can never carry, as roqa report and roqa export say it
                line = with_uncodable(note, charted, book)
                console().print(
                    f"{', '.join([*charts, table.name])}: {line}", soft_wrap=True, markup=False
                )
        # talk whose model codes have no counterpart in the researcher's codebook fits none of
        # its codes: queued for open coding with the talk that fits no code
        no_code_here = no_counterpart(charted)
        queue = cached_open_coding_queue(
            with_no_counterpart_queued(result, charted), ac.embedder, **rule
        )
        # saved with the queue (marked set_aside) for the report, and `roqa report` after it
        queue.set_aside = recurring_set_aside(
            result, ac.embedder, distance_threshold=rule.get("distance_threshold")
        )
        written.update(write_open_coding(queue, out))
        if report:
            from ..report import ReportOptions, write_report

            if review is not None and charted is result:
                # a review made in CFIR 2.0, on codings charted in 2009
                review.read_in(book, result)
            path = out / "report.html"
            _note_review_in_browser(out, pseudonymised=pseudonymised)
            write_report(
                charted,
                path,
                book,
                model_card=ac.card,
                open_coding=queue,
                options=ReportOptions(codings_folder=str(out)),
                decisions=None if review is None else review.decisions,
                decisions_from=None if review is None else review.path,
                cache_dir=ac.embedder.cache_dir(),
            )
            written["report.html"] = path
            if review is not None:
                typer.echo(review.line(charted, book, dropped))
        else:
            _warn_if_report_is_stale(out)
        # after the review's line, which finds those renamed: their decisions followed them
        followed = () if review is None else review.followed
        _warn_of_dropped(out, held, result.transcripts, followed, renamed)
        renamed_note(
            out,
            {old: new for old, new in renamed.items() if old not in followed},
            review_beside(out)[0] if review is None else None,
        )
        if qdpx is not None:
            from ..exchange import export_qdpx

            export_qdpx(charted, book, qdpx, top_k=1, own=ac.codebook)
            written["qdpx"] = qdpx
    n_elsewhere = len(no_code_here)  # coded, but with no code of the researcher's codebook
    n_novel = sum(1 for s in result.segments if s.novel) + n_elsewhere
    n_queued = sum(1 for s in result.segments if s.for_open_coding) + n_elsewhere
    n_procedural = sum(1 for s in result.segments if s.procedural and not s.novel)
    n_coded = len(result) - n_novel - n_procedural
    elsewhere = (
        f", {n_elsewhere} of them coded with codes that have no counterpart in {book.id}"
        if n_elsewhere
        else ""
    )
    named = named_in(review)
    # the recurring set-aside talk the review has not named yet, as the notes below count it
    aside, n_aside_named = unnamed_sizes([c.segment_ids for c in queue.set_aside], named)
    # the segments the review carried in decided otherwise (a code kept, fitting no code): not
    # pointed at again, as those it names a new code for are not
    from ..decisions import decided_segments, reopened_segments, reworded_segments

    decided = set() if review is None else set(decided_segments(review.decisions, charted, book))
    decided -= named
    queued = [s.segment.id for s in result.segments if s.for_open_coding] + no_code_here
    n_queued_named = sum(1 for sid in queued if sid in named)
    n_queued_decided = sum(1 for sid in queued if sid in decided)
    con = console()
    con.print(
        f"Coded {len(result.transcripts)} transcript(s), {len(result)} segments"
        f"{model_named(model, ac.card)}{backend_named(ac.embedder)}: {n_coded} "
        f"with a suggested code, {n_procedural} procedural (greetings, connection trouble, "
        f"goodbyes), {n_novel} fit no code ({n_queued} for open coding{elsewhere}, "
        f"{len(queue)} candidate "
        f"code(s) and {len(queue.ungrouped)} not grouped"
        f"{_decided_clause(n_queued, n_queued_named + n_queued_decided)}; "
        f"{set_aside_count(n_novel - n_queued, aside, n_aside_named)}).",
        # a model's path in it, whole; sent to a file, whole as the lines after it (cli tester
        # s64: cut at 80 columns, each line ending in a space)
        soft_wrap=bool(model) or not con.is_terminal,
        markup=False,
    )
    if embedded := embedding_line(encoded, not no_cache, texts_before, texts_after):
        con.print(embedded, soft_wrap=True, markup=False, highlight=False)
    from ..training import suggestions_shown, trained_on_said

    # re-coded talk the model was trained on: no held-out judgement (as evaluate warns); those
    # not suggested as decided named, in the model's codes, or in the codes charted when the
    # review was made in them
    spoken = [s for s in result.segments if s.segment.role != "interviewer"]
    ids = [s.segment.id for s in spoken]
    shown = suggestions_shown(result, ids)
    in_chart = None if charted is result else (book.id, suggestions_shown(charted, ids))
    texts = [s.segment.text for s in spoken]
    if trained_on := trained_on_said(ac.card, texts, shown, charted=in_chart):
        con.print(f"{trained_on}.", soft_wrap=True, markup=False)
    print_files(con, written)
    weak = weakly_coded(charted)
    if review is not None and review.replaced is not None:
        reopened = reopened_segments(review.decisions, review.replaced, charted, book)
        _say_reopened(
            reopened,
            reworded_segments(reopened, review.decisions, review.replaced, charted, book),
        )
    _say_next_step(n_queued, out, report, n_queued_named, n_queued_decided)
    _say_weakly_coded(
        len(weak),
        out,
        report,
        sum(1 for s in weak if s.segment.id in named),
        sum(1 for s in weak if s.segment.id in decided),
    )
    for c in queue.set_aside:  # it may be a theme (staff burnout) taken for background
        note = recurring_note(c.to_dict(), in_report=report, named=named)
        if note is not None:
            con.print("  " + note, soft_wrap=True, markup=False)
    _warn_of_earlier_outputs(out, written.values(), before, names)


def model_named(model: Path | None, card: dict[str, Any]) -> str:
    """What ``roqa code``'s summary says of the model given with ``--model`` (None: the packaged
    one, not named): its folder, and the decisions it was trained with (its ``card``'s
    ``feedback``). adapt tester, session 42: --model models/r2 printed the packaged model's
    summary word for word, so a --model forgotten or given by mistake went unseen."""
    if model is None:
        return ""
    said = f" with the model in {model}"
    feedback = card.get("feedback")
    n = feedback.get("n_decisions") if isinstance(feedback, dict) else None
    if isinstance(n, int) and n:
        files = feedback.get("decisions_files")  # type: ignore[union-attr]
        # a list of Decisions given in Python is no file (its name is null)
        k = sum(isinstance(f, dict) and f.get("name") is not None for f in files or [])
        of = f" from {k} file{'' if k == 1 else 's'}" if k else ""
        said += f" (trained with {n} decision{'' if n == 1 else 's'}{of})"
    return said


def backend_named(backend: Any) -> str:
    """What a summary says of the embedding backend (an :class:`~roqa_nlp.embedding.Embedder`,
    or ``--backend`` as given): nothing for torch, the default; else its kind, as the codings
    and metrics of a fast backend differ from torch's on some segments (docs/performance.md)."""
    from ..backends import backend_kind
    from ..embedding import Embedder

    if isinstance(backend, Embedder):
        kind: str | None = backend.backend_identity[0]
    else:
        kind = None if backend is None else backend_kind(backend)
    return "" if kind in (None, "torch") else f" with the {kind} embedding backend"


def _card_of(model: Path | None) -> dict[str, Any]:
    """The model card in the folder ``model`` (the Ray engine loads the model in its workers):
    empty when there is none to read."""
    import json
    from contextlib import suppress

    from ..autocoder import CARD

    card: object = None
    if model is not None:
        with suppress(OSError, ValueError, RecursionError):
            card = json.loads((Path(model) / CARD).read_bytes())
    return card if isinstance(card, dict) else {}


@contextmanager
def _told_if_interrupted(
    out: Path, planned: list[Path], before_run: Iterable[str] = ()
) -> Iterator[None]:
    """:func:`~roqa_nlp.cli.interrupted.told_if_interrupted` for the outputs of ``roqa code``
    (``planned``): the earlier files a completed run would warn of are named too
    (``before_run``, :func:`~roqa_nlp.earlier_outputs.earlier_run_files`: a project.qdpx, a codings.cfir-2022.csv), and
    an earlier report.html when this run writes none."""
    from .interrupted import told_if_interrupted

    def earlier(written: list[Path]) -> list[str]:
        stale, left_over = earlier_run_files(out, written, before_run)
        page = ["report.html"] if (out / "report.html") not in planned else []  # --no-report's
        return [*page, *stale, *left_over]

    with told_if_interrupted(out, planned, earlier=earlier):
        yield


def _say_reopened(ids: list[str], reworded: Sequence[str] = ()) -> None:
    """One line naming the segments of interviews the review decided whole that these codings
    put up for review again (:func:`~roqa_nlp.decisions.reopened_segments`): else those
    interviews read as partly reviewed, with no reason given. The cause is said as it is:
    the words of those ``reworded`` changed (:func:`~roqa_nlp.decisions.reworded_segments`),
    the model put the others up for review."""
    if not ids:
        return
    from ..decisions import transcript_part
    from ..errors import first_few

    n, k = len(ids), len({transcript_part(i) for i in ids})
    one = n == 1
    r = len(reworded)

    def changed(words: str, it: str) -> str:
        return (
            f"{words} changed since the review (new rows of the pseudonym key, or the transcript "
            f"edited), so the review's decisions match {it} no more"
        )

    def put_up(who: str, it: str) -> str:
        return (
            f"this model puts {who} up for review (for open coding or with a code) where the "
            f"codings replaced set {it} aside"
        )

    it = "it" if one else "them"
    if not r:
        cause = put_up(it, it)
    elif r == n:
        cause = changed("its words" if one else "their words", it)
    else:
        some = changed(
            f"the words of {r} ({first_few(list(reworded), 3)})", "it" if r == 1 else "them"
        )
        cause = f"{some}, and {put_up('the others', 'them')}"
    console().print(
        f"  {n} segment{'' if one else 's'} of {k} interview{'' if k == 1 else 's'} the review "
        f"decided whole {'is' if one else 'are'} undecided now ({first_few(ids, 5)}): "
        f"{cause}; decide {it} in the report, or the saturation table counts "
        f"{'its interview' if k == 1 else 'those interviews'} as partly reviewed.",
        soft_wrap=True,
        markup=False,
        highlight=False,
    )


def _decided_clause(n_queued: int, n_done: int) -> str:
    """The summary's clause of the ``n_queued`` segments for open coding that the decisions
    given already decide (``n_done``: a new code named, a code kept, fitting no code), none
    when they decide none: "1 candidate code(s)" of 4 answers decided fitting no code read as
    a theme still to name (tester s51)."""
    if not n_done:
        return ""
    if n_done >= n_queued:
        return (
            ", already decided in the decisions given"
            if n_queued == 1
            else f", all {n_queued} already decided in the decisions given"
        )
    return f", {n_done} of them already decided in the decisions given"


def _say_next_step(
    n_queued: int,
    out: Path,
    in_report: bool,
    n_named: int = 0,
    n_decided: int = 0,
    *,
    queue_written: bool = True,
) -> None:
    """One line after the counts: where to read the segments for open coding and how to record
    a new code, as the report says; none when the decisions given (``--decisions``, or the
    folder's decisions.csv) already name a new code for each of them (``n_named``) or decide the
    others (``n_decided``: a code kept, or fitting no code), and those counted when some are.
    Without the open-coding queue (``queue_written`` False: ``--stream``) the report `roqa
    report` writes is where they are read."""
    if not n_queued or n_named + n_decided >= n_queued:
        return
    them = f"the {n_queued} segment{'' if n_queued == 1 else 's'} for open coding"
    if n_decided:
        them += f" ({n_named + n_decided} already decided in the decisions given)"
    elif n_named:
        them += f" ({n_named} already named a new code in the decisions given)"
    line = (
        f"  Next: read {them} in report.html's open-coding section (or open_coding.csv); to "
        "record a new code, name it beside a segment in the report's transcripts, then Save "
        "decisions."
        if in_report
        else f"  Next: read {them} in open_coding.csv, or in the report "
        f"`roqa report {shell_quoted(out)}` writes; to record a new code, name it beside a "
        "segment in its transcripts, then Save decisions."
        if queue_written
        else f"  Next: run `roqa report {shell_quoted(out)}` and read {them} in its "
        "open-coding section; to record a new code, name it beside a segment in its "
        "transcripts, then Save decisions."
    )
    console().print(line, soft_wrap=True, markup=False, highlight=False)


def _say_weakly_coded(
    n_weak: int, out: Path, in_report: bool, n_named: int = 0, n_decided: int = 0
) -> None:
    """One line counting the ``n_weak`` charted segments whose top code is below the unsure
    threshold (:func:`~roqa_nlp.open_coding.weakly_coded`): talk of a theme the codebook does
    not cover is often coded weakly rather than flagged, and charted in Table 2 as unsure. When the
    decisions given already name a new code for each (``n_named``), it says so instead; those
    they decide otherwise (``n_decided``: a code kept, or fitting no code) are counted decided,
    and only the others said to maybe belong to a theme."""
    if not n_weak:
        return
    from ..framework import SURE_CODE

    one = n_weak == 1
    said = (
        f"  {n_weak} coded segment{'' if one else 's'} rest{'s' if one else ''} on a top code "
        f"below {SURE_CODE:.0%}: charted as code unsure (Table 2 marks {'it' if one else 'them'} "
        "†)"
    )
    done = n_named + n_decided
    if n_decided and done >= n_weak:
        with_new = f" ({n_named} with a new code)" if n_named else ""
        said += (
            f"; it is decided in the decisions given{with_new}."
            if one
            else f"; all {n_weak} are decided in the decisions given{with_new}."
        )
    elif n_decided:
        left = n_weak - done
        where = (
            "the report's open-coding section lists"
            if in_report
            else f"`roqa report {shell_quoted(out)}` lists {'it' if left == 1 else 'them'} in"
        )
        listed = (
            f"{where} {'it' if left == 1 else 'them'}"
            if in_report
            else f"{where} its open-coding section"
        )
        said += (
            f"; {done} of them {'is' if done == 1 else 'are'} decided in the decisions given, "
            f"the other {left} may belong to a theme the codebook does not cover; {listed}."
        )
    elif n_named >= n_weak:
        said += (
            "; it already has a new code in the decisions given."
            if one
            else f"; all {n_weak} already have a new code in the decisions given."
        )
    else:
        where = (
            "the report's open-coding section lists"
            if in_report
            else f"`roqa report {shell_quoted(out)}` lists {'it' if one else 'them'} in"
        )
        listed = (
            f"{where} {'it' if one else 'them'}"
            if in_report
            else f"{where} its open-coding section"
        )
        said += (
            f", {'it' if one else 'they'} may belong to a theme the codebook does not cover; "
            f"{listed}."
        )
    console().print(said, soft_wrap=True, markup=False, highlight=False)


def _file_safe(name: str) -> str:
    """``name`` (a codebook id) as part of a file name: letters, digits, ``.``, ``_``, ``-``."""
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name) or "codebook"


def _refuse_output_into_inputs(out: Path, paths: Iterable[Path], qdpx: Path | None = None) -> None:
    """--out may not be a folder of transcripts given, nor the folder holding a transcript file
    given (`roqa code study/s01.txt --out study`): its run.json would make the folder read as a
    coding output, not transcripts, on the next run. A subfolder of it is fine: a folder's
    subfolders are not read. Nor may --qdpx be written into a folder given: the next run would
    read the project's sources as more transcripts, sharing their ids (beside a file named, it
    is not read again, and a folder leaves out a project roqa exported of the files in it)."""
    from ..errors import RoqaError
    from ..io import transcript_folders

    if out.is_dir() and out.resolve() in transcript_folders(paths):
        raise RoqaError(
            "--out is the folder of transcripts being coded, which would then be read as "
            "roqa's output, not transcripts",
            path=out,
            hint="give another folder, e.g. --out coded/",
        )
    given = {p.resolve() for p in paths if p.is_dir()}  # read whole by the next run
    if qdpx is not None and not qdpx.is_dir() and qdpx.parent.resolve() in given:
        raise RoqaError(
            "--qdpx is in the folder of transcripts being coded, where the next run would read "
            "it as more transcripts",
            path=qdpx,
            hint=f"give a path outside it, e.g. --qdpx {shell_quoted(out / 'project.qdpx')}",
        )


def _read_key(path: Path, out: Path, engine: str, option: str = "--pseudonymise") -> PseudonymKey:
    """The pseudonym key of ``option`` (empty when the file does not exist yet, said in one
    warning); a key inside the output folder is refused, since the outputs are what gets shared."""
    from ..errors import RoqaError, warn
    from ..pseudonyms import PseudonymKey, check_key_apart, check_key_file

    if engine == "ray":
        raise typer.BadParameter(
            "--pseudonymise numbers the study's speakers in one pass, which --engine ray does "
            "not make: code with the local engine, or give Ray the copies `roqa pseudonymise` "
            "writes"
        )
    from .patterns import is_pattern, pattern_error

    if is_pattern(path):  # 'keys/*.csv' matched nothing: not the name of a new key
        raise pattern_error(path)
    if path.resolve().is_relative_to(out.resolve()):
        raise RoqaError(
            "the pseudonym key is inside the output folder, which is what gets shared",
            path=path,
            hint="keep the key in another folder",
        )
    from ..io import check_outputs

    check_key_file(path)  # a workbook, or a new key not named .csv
    check_key_apart(path)  # in another folder of codings: refused before coding, not after
    check_outputs({option: path})
    if not path.exists():
        # a mistyped or lost key path would number the study's people afresh, unsaid
        warn(
            f"no pseudonym key there, so a new one is started: if this study already has a key, "
            f"give its path with {option} and run again (a new key numbers people afresh, and "
            "its pseudonyms would be those of other participants)",
            path=path,
        )
    return PseudonymKey.read(path, new=True)  # warned above, naming the option


def _write_key(
    key: PseudonymKey, path: Path, transcripts: Iterable[Any] = (), *, every_name: bool = False
) -> Path | None:
    """Write the key when the run added names, and say what was replaced and which words of the
    talk may still name someone (all of them with ``every_name``, else the most frequent); the
    key's path when it was written, else None (a run lists only the files it wrote)."""
    from rich.markup import escape

    from ..identifiers import identifier_patterns

    transcripts = list(transcripts)
    replaced = sum(int(t.metadata.get("names_replaced", 0)) for t in transcripts)
    others = sum(int(t.metadata.get("identifiers_replaced", 0)) for t in transcripts)
    notes = sum(int(t.metadata.get("notes_left_out", 0)) for t in transcripts)
    # the placeholders the run wrote, not every kind there is (session 78 hunt4 F13)
    shown = ", ".join(
        placeholder
        for placeholder in dict.fromkeys(p.placeholder for p in identifier_patterns())
        if any(placeholder in t.text for t in transcripts)
    )
    said = [
        f"{replaced} name(s) replaced in the transcripts' text, labels included",
        *([f"{notes} note(s) left out of role labels"] if notes else []),
        *(
            [
                f"{others} contact detail(s), date(s) or number(s) by placeholders"
                + (f" ({shown})" if shown else "")
            ]
            if others
            else []
        ),
    ]
    done = "" if not transcripts else ", ".join(said[:-1]) + ", and " * (len(said) > 1)
    done += f"{said[-1]}; " if transcripts else ""
    if key.added:
        new = not path.exists()
        key.write(path)
        keyed = (
            f"new key {path} started with {len(key)} name(s)"
            if new
            else f"{len(key.added)} new name(s) added to {path} ({len(key)} in all)"
        )
        console().print(  # never wrapped by rich: the key's path must stay whole
            escape(
                f"Pseudonyms: {done}{keyed}; keep it apart from the outputs, it re-identifies them."
            ),
            soft_wrap=True,
        )
    elif done:
        kept = (
            f"no new name in {path}"
            if path.exists()
            else f"no name found, so no key was written to {path}"
        )
        console().print(escape(f"Pseudonyms: {done}{kept}."), soft_wrap=True)  # the path whole
    key.warn_of_unmatched_rows(path)
    if transcripts:
        _print_names_to_check(key, path, transcripts, every_name=every_name)
    return path if key.added else None


#: how many words that may still name someone `roqa code --pseudonymise` shows
NAMES_SHOWN = 12


def _print_names_to_check(
    key: PseudonymKey, path: Path, transcripts: list[Any], *, every_name: bool
) -> None:
    """The words of the pseudonymised talk that may name a person or a place
    (:func:`~roqa_nlp.pseudonyms.names_to_check`), for the researcher to check; a word a row
    gives a speaker's own pseudonym, left where they do not speak, in a warning of its own
    (:meth:`~roqa_nlp.pseudonyms.PseudonymKey.warn_of_aliases_left`): adding a row is no help;
    and a file name holding one of those words in lower case, which the outputs carry
    (:func:`~roqa_nlp.pseudonyms.warn_of_names_to_check_in_file_names`); and a transcript written
    in lower case, whose names cannot be listed
    (:func:`~roqa_nlp.pseudonyms.warn_of_lower_case_transcripts`)."""
    from rich.markup import escape

    from ..pseudonyms import (
        names_to_check,
        warn_of_lower_case_transcripts,
        warn_of_names_to_check_in_file_names,
    )

    found = key.warn_of_aliases_left(transcripts, names_to_check(transcripts, key), path)
    # "a_oakfield_zoom" of "Oakfield"; the key names a QDA project's source with its project
    warn_of_names_to_check_in_file_names(transcripts, found, key)
    # speech-to-text's lower case: its names are not listed, and must be keyed by hand
    warn_of_lower_case_transcripts(transcripts, key)
    for line in names_to_check_lines(found, path, every_name=every_name):
        # never wrapped by rich: a long path in it must stay whole (the terminal wraps it)
        console().print(escape(line), soft_wrap=True)
    lower = key.lower_case_replacements(transcripts)
    if lower:  # never silent: "christmas eve" is no name (s77 hunt2 F2)
        for line in _word_lines(
            lower,
            f"Replaced in lower case: {len(lower)} word(s) a row of the key writes in lower case, "
            "replaced wherever they stand so",
            "check these read as the name there; if one is also an everyday word of the talk, "
            f"write its row in {path} capitalised (the word then stays, and is listed)",
            every_name=every_name,
        ):
            console().print(escape(line), soft_wrap=True)


def names_to_check_lines(found: list[Any], path: Path, *, every_name: bool) -> list[str]:
    """The lines telling of the words ``found`` (:class:`~roqa_nlp.pseudonyms.NameToCheck`): first
    the words of the key's names left in the talk, with the pseudonyms of the names they are words
    of (never hidden among the others nor said to be out of the key), then the other words; each
    group's :data:`NAMES_SHOWN` most frequent, or with ``every_name`` one line per word."""
    keyed = [f for f in found if f.keyed_as]
    others = [f for f in found if not f.keyed_as]
    lines = []
    if keyed:
        lines += _word_lines(
            keyed,
            f"Still in the talk: {len(keyed)} word(s) of names in the key, not replaced where "
            "they stand (a first name two people of the key share, a participant's first name "
            "where they do not speak, a surname without a title, an everyday word of a keyed "
            "name, a name word in lower case)",
            f"add a row to {path} for each that names that person or place there (e.g. "
            "Tom,social worker gives [social worker] for Tom alone), then run again",
            every_name=every_name,
        )
    if others:
        lines += _word_lines(
            others,
            f"Check {len(others)} {'other ' if keyed else ''}word(s) of the talk that may still "
            "name a person or a place (written as a name at least once, not in the key)",
            # no key written yet: a row alone is no key (newcomer s67: "not a pseudonym key")
            f"add a row to {path}"
            + ("" if keyed or path.exists() else ", a new file whose first line is name,pseudonym,")
            + " for each that identifies someone (e.g. London,city gives [city]), then run again",
            every_name=every_name,
        )
    return lines


def _padded(word: str, width: int) -> str:
    """``word`` padded with spaces to ``width`` columns on screen: a combining mark or a
    character of no width takes none (``Adébáyọ̀``, an NFD file's ``Café``), a wide one two."""
    import unicodedata

    shown = sum(
        0
        if unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in word
    )
    return word + " " * max(0, width - shown)


def _word_lines(found: list[Any], what: str, fix: str, *, every_name: bool) -> list[str]:
    """One group of :func:`names_to_check_lines`: ``what`` they are, the words, and ``fix``."""

    def of(f: Any) -> str:
        return ", ".join(f"[{p}]" for p in f.keyed_as)

    if not every_name:
        shown = found[:NAMES_SHOWN]
        words = ", ".join(
            (f"{f.word} ×{f.count}" if f.count > 1 else f.word)
            + (f" (of {of(f)})" if f.keyed_as else "")
            for f in shown
        )
        # the rest are said to be listed in full elsewhere: a name may be among them (s74 hunt2:
        # Sandra and Leanne were among "and 12 more")
        more = (
            ""
            if len(shown) == len(found)
            else f" and {len(found) - len(shown)} more (roqa pseudonymise lists them all, with "
            "their transcripts)"
        )
        return [f"{what}: {words}{more}; {fix}."]
    columns = "Word, times, transcripts" + (", a word of the name of" if found[0].keyed_as else "")
    return [f"{what}; {fix}. {columns}:"] + [
        f"  {_padded(f.word, 20)} {f.count:4}  {', '.join(f.transcripts)}"
        + (f"  {of(f)}" if f.keyed_as else "")
        for f in found
    ]


@app.command("suggest")
def suggest_command(
    text: list[str] = typer.Argument(
        ...,
        help="One or more sentences to code; - reads them from standard input, one a line.",
        metavar="TEXT...",
    ),
    model: Path | None = typer.Option(
        None, "--model", help="Model directory (default: the packaged model).", metavar="FOLDER"
    ),
    top_k: int = typer.Option(5, "--top-k", min=1, help="How many codes to rank per text."),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print JSON instead of tables: per text its valence (one per text, which each "
        "suggestion repeats), its suggestions and its flags (novel, novelty_p, procedural, "
        "off_topic), read from the text alone: `roqa code` also reads the interviewer's question "
        "before an answer, so it can flag the same words otherwise. It takes no file "
        "name: to save it, redirect it (--json > suggestions.json).",
    ),
    codebook: str | None = typer.Option(
        None,
        "--codebook",
        metavar="CODEBOOK",
        help="Rank the codes of this codebook (cfir-2022 for CFIR 2.0, erondu-2021 or a file), "
        "translating the model's suggestions through the documented mapping.",
    ),
    backend: str | None = backend_option(),
    no_cache: bool = no_cache_option(),
) -> None:
    """Ranked codes of the codebook for a sentence, with probability and evidence, and its
    valence."""
    from ..codebook import Codebook
    from ..errors import RoqaError

    if as_json:
        refuse_json_output_file("suggest", text, paths=False)
    refuse_file_as_text(text)
    if text == ["-"]:  # `roqa suggest - < quotes.txt`: one text a line, blank lines skipped,
        # and a speaker's label on a line of its own ("Interviewer:" above the words said: s56)
        from ..io import read_standard_input
        from ..transcripts.speaker_labels import only_a_speaker_label

        lines = (line.strip() for line in read_standard_input().splitlines())
        text = [line for line in lines if line and not only_a_speaker_label(line)]
        if not text:
            raise RoqaError("standard input holds no text", hint="give one sentence a line")
    for i, t in enumerate(text, 1):
        if not t.strip():
            raise RoqaError(f"text {i} is empty", hint="give the sentence to code in quotes")
    warn_of_pasted_turns(text)
    ac = _load_model(model, no_cache, backend=backend)
    book = ac.codebook if codebook is None else Codebook.load(codebook)
    # a translated tie can run past --top-k: it is judged on every code, the first top_k shown
    ranked = top_k if book.id == ac.codebook.id else max(top_k, len(book.codable))
    every, flags = ac.suggest_and_flag(text, top_k=ranked, codebook=book)
    rows = [r[:top_k] for r in every]
    if as_json:
        out = [
            {"text": t, **_text_valence(r), "suggestions": [g.to_dict() for g in r], **flag}
            for t, r, flag in zip(text, rows, flags)
        ]
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    from ..crosswalk import tied_text_note, tied_top
    from .tables import print_table
    from .tables import table as new_table

    con = console()
    for t, r, full, flag in zip(text, rows, every, flags):
        table = new_table(
            "rank",
            "code",
            "construct",
            "domain",
            "probability",
            text=("construct", "domain"),
            title=t,
            title_justify="left",
        )
        for i, g in enumerate(r, 1):
            domain = book.find(g.domain) if g.domain else None
            dom = domain.name if domain is not None else ""
            table.add_row(str(i), g.code_id, g.name, dom, f"{g.probability:.3f}")
        print_table(con, table)
        if book.id != ac.codebook.id and (tied := tied_top(full)):
            names = [g.name for g in full if g.code_id in tied]
            note = tied_text_note(names, book.id, ac.codebook.id)
            if len(tied) > len(r):
                note += f" ({len(tied) - len(r)} of them beyond --top-k {top_k})"
            con.print("  " + note, markup=False)
        valence = _text_valence(r)
        if valence:
            con.print("  " + text_valence_line(valence["valence"], valence["valence_probability"]))
        if flag["procedural"]:
            con.print("  procedural talk (greeting, consent, Zoom, closing): not coded")
        elif flag["novel"]:
            # a code's name as written: '[crisis]' is no rich markup (hunt s65 h_open D3)
            line = novelty_verdict_line(flag, r[0] if r else None, book)
            con.print("  " + line, markup=False)
        elif r and r[0].evidence:
            con.print(evidence_line(r[0]), markup=False)
    if book.id != ac.codebook.id:
        from ..framework import never_suggested

        # once, under the tables: a code the model can never rank is no code it judged unlikely
        if never := never_suggested(ac.codebook, book):
            con.print(f"  {never}", markup=False, soft_wrap=True)


def novelty_verdict_line(flag: Mapping[str, Any], top: Suggestion | None, book: Codebook) -> str:
    """The line ``roqa suggest`` prints under a text flagged as fitting no code (``flag``:
    its novel, novelty_p and off_topic; ``top``: its top suggestion): set aside as small talk,
    or for open coding, or, when ``top`` is one of the researcher's own codes, fitting no
    construct of the framework ``book`` (named as its Table 2 names its rows), with that code to
    check, else set aside or for open coding (:func:`~roqa_nlp.open_coding.own_code_verdict`)."""
    from ..framework import row_unit
    from ..open_coding import own_code_verdict

    p = f"(novelty p={flag['novelty_p']:.3f}: unlike the coded examples)"
    own = None
    if top is not None:  # talk set aside too: own codes are often personal talk (s66)
        own = own_code_verdict(
            top.code_id, top.name, top.probability, row_unit(book), off_topic=flag["off_topic"]
        )
    if own is not None:
        return f"{own[0]} {p}; {own[1]}"
    return f"fits no code {p}: {SET_ASIDE if flag['off_topic'] else 'for open coding'}"


def warn_of_pasted_turns(texts: list[str]) -> None:
    """Warn, in one line each, of the texts given to ``roqa suggest`` that open with an
    interviewer's label (their words are the interviewer's, which ``roqa code`` leaves uncoded)
    and of those that hold several speakers' turns (coded as one text): both were coded as a
    participant's talk without a word (daily, session 57). The texts are coded as before."""
    from ..errors import and_list, warn
    from ..transcripts.speaker_labels import later_turn_labels, opening_interviewer_label

    def which(numbers: list[int], verb: str) -> str:
        if len(texts) == 1:
            return f"the text {verb}s"
        if len(numbers) == 1:
            return f"text {numbers[0]} {verb}s"
        return f"texts {and_list(map(str, numbers))} {verb}"

    asked = [(i, label) for i, t in enumerate(texts, 1) if (label := opening_interviewer_label(t))]
    if asked:
        said = and_list(dict.fromkeys(f"'{label}:'" for _, label in asked))
        warn(
            f"{which([i for i, _ in asked], 'open')} with the interviewer's label ({said}): an "
            "interviewer's line is not participant talk (roqa code leaves it uncoded), so its "
            "codes are of the question; give the participant's words"
        )
    turns = [(i, labels) for i, t in enumerate(texts, 1) if (labels := later_turn_labels(t))]
    if turns:
        found = list(dict.fromkeys(f"'{label}:'" for _, labels in turns for label in labels))
        lines = "a later line opens" if len(found) == 1 else "later lines open"
        warn(
            f"{which([i for i, _ in turns], 'hold')} several speakers' turns ({lines} with "
            f"{and_list(found)}), coded as one text: to code each turn apart, give one turn a "
            "line to roqa suggest - (standard input), or code the transcript file with roqa code"
        )


def evidence_line(g: Any) -> str:
    """The line ``roqa suggest`` prints under a text's table: its top code's nearest training
    examples, whatever their valence, each after its own (:mod:`roqa_nlp.evidence`)."""
    from ..evidence import quote_valences, tagged

    sides = quote_valences(g.evidence, g.evidence_valence)
    quotes = " | ".join(tagged(e, v) for e, v in zip(g.evidence, sides))
    return (
        f"  evidence for {g.name} (its nearest training examples, whatever their valence): "
        + quotes
    )


def text_valence_line(valence: str, p: float | None) -> str:
    """The line ``roqa suggest`` prints under a text's table: its valence and probability, marked
    ‡ "valence unsure" below :data:`~roqa_nlp.framework.SURE_VALENCE`, as Table 2 marks such a
    quote (the probability shown so that it never reads as the line itself), by the rule of
    every output (:func:`~roqa_nlp.framework.valence_doubt`)."""
    from ..framework import SURE_VALENCE, below_line, valence_doubt

    if p is None:
        return f"valence of the text: {valence}, whichever code applies"
    shown = f"{p:.3f}"
    if not valence_doubt(p):
        return f"valence of the text: {valence} (p={shown}), whichever code applies"
    if float(shown) >= SURE_VALENCE:
        shown = below_line(p, SURE_VALENCE)
    return (
        f"valence of the text: {valence} (p={shown}) ‡ valence unsure (below {SURE_VALENCE:g}: "
        "it may well be the other side), whichever code applies"
    )


def _text_valence(ranked: list[Any]) -> dict[str, Any]:
    """The valence of a text and its probability: one per text, which each of its suggestions
    repeats (empty without suggestions)."""
    if not ranked:
        return {}
    return {"valence": ranked[0].valence, "valence_probability": ranked[0].valence_probability}


#: metric keys whose bare name could be misread in the table (the JSON keeps the keys)
METRIC_LABELS = {
    "alpha": "novelty alpha",
    "n_unreachable": "beyond the mapping",
    "n_tied_top": "tied at the top",
}


@app.command("evaluate", epilog=example("roqa evaluate examples/gold/labelled.jsonl --per-code"))
def evaluate_command(
    file: Path = typer.Argument(
        ...,
        help="Labelled records: JSONL with `text` and `construct` or `codes` (a code name or id, "
        "a list of them, or NONE = fits no code), or a .csv/.tsv/.xlsx spreadsheet with those "
        "columns (several codes separated by ';').",
        metavar="FILE",
    ),
    model: Path | None = typer.Option(
        None, "--model", help="Model directory (default: the packaged model).", metavar="FOLDER"
    ),
    json_out: Path | None = typer.Option(
        None,
        "--json",
        help="Write every metric to this JSON file; - prints it on standard output (the tables "
        "then go to standard error).",
        metavar="FILE",
    ),
    per_code: bool = typer.Option(
        False,
        "--per-code",
        help="Also show (and write to --json) where the model is right and wrong, code by code, "
        "domain by domain and valence by valence.",
    ),
    predictions: Path | None = typer.Option(
        None,
        "--predictions",
        help="Write each record's gold codes, top three suggestions and hits to this file, to "
        "read the errors one by one: .jsonl, or .csv for a spreadsheet (one row a record).",
        metavar="FILE",
    ),
    codebook: str | None = typer.Option(
        None,
        "--codebook",
        metavar="CODEBOOK",
        help="The codebook the records' codes are of, when not the model's (cfir-2022 for CFIR "
        "2.0 names; found by itself when every code is of one built-in codebook): the "
        "suggestions are translated through the documented mapping before scoring. A review's "
        "codebook.json (cfir-2009+project) scores its new codes as misses of a model without "
        "them.",
    ),
    backend: str | None = backend_option(),
    neutral_weight: float | None = neutral_weight_option(),
    no_cache: bool = no_cache_option(),
) -> None:
    """Score the model's suggestions against labelled records."""
    from ..codebook import Codebook
    from ..io import atomic_write_text, check_outputs

    weighed = _neutral_weight(neutral_weight)

    from ..not_records import refuse_not_records

    # a transcript, roqa's codings, a decisions file: said before the model loads
    refuse_not_records(file, "evaluate", kinds=frozenset({"transcript", "codings", "decisions"}))
    to_stdout = json_to_standard_output(json_out)  # --json -: the JSON alone on stdout
    if to_stdout:
        json_out = None
    check_outputs(
        {"--json": json_out, "--predictions": predictions},
        [file],
        inputs_are="the labelled records are read from",
        formats={
            "--json": ("JSON", (".json",)),
            "--predictions": ("JSON Lines or CSV", (".jsonl", ".csv")),
        },
        own={"--predictions": ("predictions roqa wrote", written_as_predictions)},
    )
    ac = _load_model(model, no_cache, backend=backend)
    ac.params.update(weighed)
    given = None if codebook is None else Codebook.load(codebook)  # an id or a file
    m = ac.evaluate(file, per_code=per_code, predictions=predictions is not None, codebook=given)
    per_record = m.pop("predictions", None)  # to its own file, not the JSON of metrics
    # the codebook the gold codes are of: the one given, the built-in one found, or the model's
    book = given or (Codebook.load(m["codebook"]) if "codebook" in m else ac.codebook)
    # the files before the tables: `roqa evaluate ... --json F | head` ends the run when head
    # stops reading, which left no F (newcomer, session 47)
    if json_out is not None:
        atomic_write_text(json_out, json.dumps(m, indent=2, allow_nan=False) + "\n")
    if per_record is not None and predictions is not None:
        if predictions.suffix.lower() == ".csv":
            from ..io import write_spreadsheet_csv

            write_spreadsheet_csv(predictions, _prediction_rows(per_record, book))
        else:
            atomic_write_text(
                predictions,
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in per_record),
            )
    from .tables import print_table
    from .tables import table as new_table

    # the path as a line of its own: a table title wraps at the (narrow) table's width
    con = console(stderr=to_stdout)
    con.print(
        f"Evaluation on {file}{backend_named(ac.embedder)}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if "translated_from" in m:
        con.print(
            f"The records' codes are of {m['codebook']}: the model's {m['translated_from']} "
            "suggestions were translated through the documented mapping before scoring.",
            markup=False,
            highlight=False,
        )
        if m.get("n_tied_top"):
            con.print(
                f"{m['n_tied_top']} coded record(s) have codes tied exactly at the top (one "
                f"{m['translated_from']} suggestion shared equally, nothing in the talk telling "
                "them apart): each tied code counts as the top one here; the report and roqa "
                "agree chart the first of them.",
                markup=False,
                highlight=False,
            )
    elif "codebook" in m and m["codebook"] != ac.codebook.id:
        from ..crosswalk import PROJECT_SUFFIX

        base = m["codebook"].removesuffix(PROJECT_SUFFIX)
        of = (
            f"{m['codebook']}, {base} codes and a project's own"
            if base != m["codebook"]
            else f"{m['codebook']}, the codebook the model's {ac.codebook.id} extends"
        )
        con.print(
            f"The records' codes are of {of}: the model's suggestions are scored as they are.",
            markup=False,
            highlight=False,
        )
    if m.get("n_unreachable"):
        names = ", ".join(book[k].name if k in book else k for k in m["unreachable_codes"])
        beyond = (
            f"no {m['translated_from']} code maps onto"
            if "translated_from" in m
            else "the model does not know (a review's new codes: a model trained with them "
            "can suggest them)"
        )
        con.print(
            f"{m['n_unreachable']} coded record(s) carry only codes {beyond} ({names}): the model "
            "never suggests them, so they count as misses.",
            markup=False,
            highlight=False,
        )
    table = new_table("metric", "value", right=("value",))
    for k, v in m.items():
        if isinstance(v, list):  # per_code, per_domain, per_valence: tables of their own below
            continue
        if k == "n_in_feedback" and not v:  # a row only when records are in the feedback
            continue
        label = METRIC_LABELS.get(k, k)
        if k == "n_unreachable" and "translated_from" not in m:
            label = "beyond the model's codes"  # not translated: codes it does not know
        table.add_row(label, "—" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v)))
    print_table(con, table)
    if "per_code" in m:
        _print_per_code(con, m["per_code"], m["per_domain"], m["per_valence"])
    if to_stdout:
        write_standard_output(json.dumps(m, indent=2, allow_nan=False) + "\n")
    elif json_out is not None:
        print_wrote(con, json_out)  # as roqa agree says it (newcomer s68)
    if per_record is not None and predictions is not None:
        typer.echo(f"predictions: {predictions}", err=to_stdout)


#: The columns of ``roqa evaluate --predictions FILE.csv``, one row a record.
PREDICTION_COLUMNS = (
    "id", "text", "gold", "gold_names", "top1", "top3",
    "code_1", "name_1", "probability_1", "code_2", "name_2", "probability_2",
    "code_3", "name_3", "probability_3",
    "gold_valence", "valence", "valence_probability",
    "novel", "procedural", "off_topic", "novelty_p", "off_framework_p",
)  # fmt: skip
#: The columns it wrote before session 53 added ``valence_probability`` and ``off_topic``: such
#: a file is predictions roqa wrote too, and is replaced.
EARLIER_PREDICTION_COLUMNS = tuple(
    c for c in PREDICTION_COLUMNS if c not in ("valence_probability", "off_topic")
)


#: The keys of a record of ``roqa evaluate --predictions FILE.jsonl``, every one of them
PREDICTION_KEYS = frozenset({"id", "text", "gold", "suggestions", "top1", "top3"})


def written_as_predictions(path: Path) -> bool:
    """Whether the file ``path`` holds predictions ``roqa evaluate`` wrote: a CSV whose header
    is :data:`PREDICTION_COLUMNS`, or JSON Lines whose first record has
    :data:`PREDICTION_KEYS`. Any other file is the researcher's (labelled records, a
    transcript), which ``--predictions`` does not write over."""
    if path.suffix.lower() == ".csv":
        from ..transcripts.csv import header_cells

        header = header_cells(path)
        names = [header_cell(n) for n in header or []]
        return tuple(names) in (PREDICTION_COLUMNS, EARLIER_PREDICTION_COLUMNS)
    try:
        with open(path, "rb") as fh:
            record = json.loads(fh.readline())
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(record, dict) and record.keys() >= PREDICTION_KEYS


def _prediction_rows(records: list[dict[str, Any]], codebook: Any) -> list[list[Any]]:
    """``--predictions`` records as spreadsheet rows (:data:`PREDICTION_COLUMNS`): several gold
    codes joined by ``;`` (``NONE`` for talk that fits no code, as the input writes it), the
    first three suggestions as scored side by side (a tie's gold code among them); ``novel`` or ``procedural`` is what ``novel_recall`` counts
    as set aside, and ``off_framework_p`` what ``novelty_auroc`` ranks by. Every probability
    is written to 6 decimals, fixed (``0.000067``, never ``6.7e-05``), as docs/cli.md says."""
    from ..schema import NONE

    def six(p: float | None) -> str | None:
        return None if p is None else f"{p:.6f}"

    rows: list[list[Any]] = [list(PREDICTION_COLUMNS)]
    for r in records:
        shown = [[g["code"], g["name"], six(g["probability"])] for g in r["suggestions"][:3]]
        shown += [["", "", ""]] * (3 - len(shown))
        rows.append(
            [
                r.get("id", ""),
                r["text"],
                "; ".join(r["gold"]) or NONE,
                "; ".join(getattr(codebook.find(c), "name", c) for c in r["gold"] if c != NONE)
                or NONE,
                r["top1"],
                r["top3"],
                *(cell for s in shown for cell in s),
                r.get("gold_valence") or "",
                r.get("valence") or "",
                six(r.get("valence_probability")),
                r.get("novel"),
                r.get("procedural"),
                r.get("off_topic"),
                six(r.get("novelty_p")),
                six(r.get("off_framework_p")),
            ]
        )
    return rows


def _print_per_code(
    console: Any, by_code: list[dict], by_domain: list[dict], by_valence: list[dict]
) -> None:
    """The per-code, per-domain and per-valence tables of ``roqa evaluate --per-code``."""
    from .tables import print_table, table

    def share(v: float | None) -> str:
        return "—" if v is None else f"{v:.3f}"

    numbers = ("n", "top-1", "top-3", "suggested", "precision", "F1")
    codes = table(
        "code",
        "construct",
        *numbers,
        text=("construct",),
        right=numbers,
        title="Per code (each record under every gold code it has; top-1 hit: that code first)",
        title_justify="left",
    )
    for r in by_code:
        codes.add_row(
            r["code"],
            r["name"],
            str(r["n"]),
            share(r["top1"]),
            share(r["top3"]),
            str(r["suggested"]),
            share(r["precision"]),
            share(r["f1"]),
        )
    print_table(console, codes)
    domains = table(
        "domain",
        "n",
        "accuracy",
        text=("domain",),
        right=("n", "accuracy"),
        title="Per domain (each record under every gold code's domain; top-1 code in it)",
        title_justify="left",
    )
    for r in by_domain:
        domains.add_row(r["name"], str(r["n"]), share(r["accuracy"]))
    print_table(console, domains)
    if not by_valence:
        return
    from ..schema import VALENCES

    valences = table(
        "valence",
        "n",
        "accuracy",
        *VALENCES,
        right=("n", "accuracy", *VALENCES),
        title="Per valence (gold valence, read as)",
        title_justify="left",
    )
    for r in by_valence:
        valences.add_row(
            r["valence"],
            str(r["n"]),
            share(r["accuracy"]),
            *(str(r["predicted"][v]) for v in VALENCES),
        )
    print_table(console, valences)


def codebook_hash_line(book: Any) -> str:
    """The line ``roqa codebook`` prints of a codebook's version and the SHA-256 a model card
    (``codebook.sha256``) and a report record of it: of its content in canonical form
    (:attr:`~roqa_nlp.codebook.Codebook.hash`), not of the file's bytes, so that a researcher
    can tell which file a model was trained with (tester, session 60: the card's hash matched
    no file's ``sha256sum``, and nothing showed the version telling two cmh-rop files apart)."""
    version = f" version {book.version}" if book.version else ""
    return (
        f"{book.id}{version}, sha256 {book.hash}: the hash a model card (codebook.sha256) and "
        "a report record, of the codebook's content, not of the file's bytes (docs/codebooks.md)"
    )


@app.command("codebook")
def codebook_command(
    name: str = typer.Argument(
        DEFAULT_CODEBOOK,
        help=f"{', '.join(BUILTIN)} (erondu-2021 = the seed study's themes), a codebook .json "
        "file, or a folder holding codebook.json (a model trained with new codes, or a `roqa "
        "code`/`roqa import` output).",
        metavar="NAME",
    ),
) -> None:
    """List the codes of a codebook with their ids (and valence and CFIR 2009 codes, if it has
    them)."""
    from pathlib import Path

    from ..codebook import Codebook, shared_names_warning, undescribed_warning
    from .tables import print_table
    from .tables import table as new_table

    folder = Path(name)
    if folder.is_dir() and (folder / "codebook.json").is_file():
        name = str(folder / "codebook.json")  # a model's or an output's own codebook
    # a folder without one: Codebook.load says it holds none, and what to give
    book = Codebook.load(name)
    bare = None if folder.is_dir() else undescribed_warning(book)  # not a model's, trained
    for said in (bare, shared_names_warning(book)):
        if said is not None:
            print(f"roqa: warning: {book.origin or book.id}: {said}", file=sys.stderr)
    valenced = any(c.valence for c in book)
    from ..crosswalk import mapped_from

    to_2009 = mapped_from(book, "cfir-2009")
    # a code's domain in a column of its own: a team's codes listed after the last domain read
    # as under it (tester, session 58: HOUSING, of OUT, listed below Implementation Process)
    cols = ["id", "name", "level", "domain", "codable"]
    cols += ["valence"] if valenced else []
    cols += ["CFIR 2009"] if to_2009 else []
    # the CFIR 2009 codes wrap between ids, each id whole, before a name wraps (hunt s65 h_book R2)
    table = new_table(*cols, text=("name",), lists=("CFIR 2009",), title=f"{book.name} ({book.id})")
    for c in book:
        domain = "" if c.level == "domain" else c.domain or ""
        row = [c.id, c.name, c.level, domain, "yes" if c.codable else "no"]
        row += [c.valence or ""] if valenced else []
        row += [", ".join(to_2009.get(c.id, []))] if to_2009 else []
        table.add_row(*row)
    print_table(console(), table)
    console().print(codebook_hash_line(book), markup=False, soft_wrap=True)
    from ..framework import never_suggested

    # a model's folder: the codes it has a class for (its card's), which it can suggest
    classes = _card_of(folder).get("classes") if folder.is_dir() else None
    trained = (
        (f"the model in {folder}", [c for c in classes if isinstance(c, str)])
        if isinstance(classes, list)
        else None
    )
    if book.id != DEFAULT_CODEBOOK and (
        never := never_suggested(
            Codebook.load(DEFAULT_CODEBOOK), book, said="the packaged model", trained=trained
        )
    ):
        console().print(never, markup=False, soft_wrap=True)


def _fit_no_code(n_novel: int, n_off_topic: int) -> str:
    """A streamed run's count of the segments that fit no code, with those set aside as
    off-topic among them as a run with the report counts them (docs tester, session 61: "76
    segments (9 fit no code)" for nine all set aside, "0 for open coding" without --stream)."""
    if not n_off_topic:
        return f"{n_novel} fit no code"
    from ..open_coding import SET_ASIDE

    return (
        f"{n_novel} fit no code: {n_novel - n_off_topic} for open coding, {n_off_topic} {SET_ASIDE}"
    )
