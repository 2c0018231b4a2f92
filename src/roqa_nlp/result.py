"""CodingResult: what coding a set of transcripts produces, and its files.

A result directory holds:

- ``codings.jsonl``: one JSON object per segment (see :meth:`SegmentResult.to_dict`);
- ``codings.csv``: the same, flattened to the top suggestions for spreadsheets;
- ``transcripts.jsonl``: each transcript's id, source, participant, full text and turns, so that
  exports (REFI-QDA) and the report can show segments in context;
- ``run.json``: the model card summary (model, codebook and data hashes) and run parameters,
  and (``codings``) the number of segments of each transcript and the SHA-256 of
  ``codings.jsonl``, which :meth:`CodingResult.read` checks the file against. It is written
  after ``codings.jsonl``, so a run stopped between the two leaves a pair that does not match.

Reading ``codings.jsonl`` back gives a result equal to the one written.

In a notebook::

    result = CodingResult.load("coded/")           # or ac.code("interviews/")
    result                                         # CodingResult(3 transcripts, 77 segments: ...)
    result[0], result[:10]                         # a SegmentResult; a CodingResult
    p01 = result.subset(participant="P01")         # keeps the transcripts and meta
    df = result.to_dataframe()                     # needs pandas
    result.to_csv("codings.csv")                   # or result.save("coded/") for all four files
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, overload

from .earlier_outputs import earlier_run_files, files_before, transcripts_held
from .errors import RoqaError, RoqaTypeError, RoqaValueError, a_type
from .io import (
    EXCEL_BOM,
    atomic_write_text,
    codings_not_found,
    make_out_dir,
    read_jsonl_numbered,
    read_text,
    refuse_save_among_other_kind,
    spreadsheet_csv,
)
from .schema import SegmentResult, Transcript, Turn, check_top_k
from .transcripts import SUPPORTED_EXTENSIONS, same_id

#: transcript files: given where codings are expected, they are a one-line error saying to code
#: them first (a ``.csv`` can be either and a ``.qdpx`` holds codings: both are read as codings)
_TRANSCRIPT_SUFFIXES = frozenset(SUPPORTED_EXTENSIONS) - {".csv", ".qdpx", ".json"}
#: files a decisions file may be (read_decisions reads them): told by their header
_DECISIONS_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".jsonl", ".json"})
#: what roqa code writes beside codings.jsonl, by file name: given where codings are expected,
#: each is a one-line error saying to give the codings.jsonl beside it
_BESIDE_CODINGS = {
    "run.json": "roqa's run record",
    "transcripts.jsonl": "roqa's record of the transcripts coded",
    "open_coding.jsonl": "roqa's open-coding queue",
    "open_coding.csv": "roqa's spreadsheet of the open-coding queue",
}


def _set_aside(s: SegmentResult) -> bool:
    """Whether the model set ``s`` aside (talk that fits no code, procedural talk, small talk):
    ``codings.csv`` shows no suggestion for it and ``subset(code=...)`` leaves it out, as the
    framework matrix and Table 2 chart none for it."""
    return s.novel is True or s.procedural or s.off_topic


def codings_file(path: str | Path) -> Path:
    """The ``codings.jsonl`` that :meth:`CodingResult.read` reads for ``path`` (a file, or a
    folder holding one), or the one-line error of a path that is not codings: a transcript or
    a folder of them (to code first), roqa's report, its spreadsheet of the codings, a
    decisions file (the report's saved review) or a write-up file ``roqa report`` wrote (the
    framework matrix, Table 2, the saturation table:
    :func:`~roqa_nlp.write_up_files.write_up_given_as_codings`).
    Reads nothing but a file's head and a folder's
    file names, so a command can check its input
    before it checks or writes its outputs; a path not there is returned as it is, so that a
    command checks its outputs first (it is said not found when read: :meth:`CodingResult.read`)."""
    p = Path(path)
    if not p.exists():
        return p
    if p.is_dir():
        codings = p / "codings.jsonl"
        if not codings.exists() and _holds_transcripts(p):
            raise RoqaValueError(
                "holds transcripts and no codings.jsonl",
                path=p,
                hint=f"code them first: roqa code {p} --out coded/, then give coded/; in Python, "
                f"AutoCoder.load().code({str(p)!r})",
            )
        coders = coders_folders(p) if not codings.exists() else []
        if coders:
            raise RoqaValueError(
                IMPORTED_FOLDER,
                path=p,
                hint="give one: "
                + " or ".join(str(f) for f in coders[:3])
                + (" ..." if len(coders) > 3 else ""),
            )
        if not codings.exists():  # not "FOLDER/codings.jsonl: file not found", a file never named
            # an empty folder may be the one to code into; one holding files (examples/, its
            # transcripts in folders under it) is not: outputs among the transcripts (ux2, s78)
            into = str(p) if _is_empty(p) else "coded/"
            raise RoqaValueError(
                "holds no roqa output (no codings.jsonl)",
                path=p,
                hint="give the folder roqa code wrote, or code the transcripts first: roqa code "
                f"TRANSCRIPTS --out {into}",
            )
        return codings
    from .transcripts import _is_roqa_report

    if _is_roqa_report(p):
        raise RoqaValueError(
            "is roqa's report, not codings",
            path=p,
            hint=f"give the folder roqa code wrote, {p.parent}, or the codings.jsonl in it",
        )
    from .write_up_files import write_up_given_as_codings

    if (write_up := write_up_given_as_codings(p)) is not None:  # not "code it" (tester s49)
        raise write_up
    if p.suffix.lower() == ".qdpx":  # read as text it was "not UTF-8" (tester s39 refi)
        raise RoqaValueError(
            "is a REFI-QDA project, not codings",
            path=p,
            hint=f"import it first: roqa import {p} --out imported/, then give a coder's folder "
            "imported/codings/NAME",
        )
    if p.suffix.lower() in _DECISIONS_SUFFIXES:
        from .decisions import decisions_folder, is_decisions_file

        if is_decisions_file(p):  # the report's saved review (newcomer s47: "the spreadsheet")
            folder = decisions_folder(p) or "the folder roqa code wrote"
            raise RoqaValueError(
                "is a decisions file, not codings",
                path=p,
                hint=f"give the folder of the codings it decides on, {folder}, with --decisions "
                f"{p} (roqa report, roqa apply-decisions; roqa train: --feedback {p})",
            )
    if p.suffix.lower() in (".tsv", ".xlsx"):
        from .transcripts.csv import is_roqa_csv

        if is_roqa_csv(p):  # codings.csv saved again as a workbook: not "code it" (s62 api hunter)
            raise RoqaValueError(
                "is the spreadsheet of the codings, which cannot be read back",
                path=p,
                hint="give the codings.jsonl it was written from, or the folder holding it",
            )
    if p.suffix.lower() in _TRANSCRIPT_SUFFIXES or _is_whisper_transcript(p):
        raise RoqaValueError(
            "is a transcript, not codings",
            path=p,
            hint=f"code it first: roqa code {p} --out coded/, then give coded/; in Python, "
            f"AutoCoder.load().code({str(p)!r})",
        )
    beside = p.with_name("codings.jsonl").is_file()
    if beside and p.name.lower() in _BESIDE_CODINGS:  # its own JSON, not codings (tester s54)
        raise RoqaValueError(
            f"is {_BESIDE_CODINGS[p.name.lower()]}, not codings",
            path=p,
            hint=f"give the codings.jsonl beside it, or its folder {p.parent}",
        )
    if p.suffix.lower() == ".csv" and not _holds_json_lines(p):  # by its head, not its name
        from .transcripts.csv import is_roqa_csv

        if (beside and p.name.lower() == "codings.csv") or is_roqa_csv(p):
            raise RoqaValueError(  # roqa's spreadsheet of codings: what it shows, not all it holds
                "is the spreadsheet of the codings, which cannot be read back",
                path=p,
                hint=f"give the codings.jsonl beside it, or its folder {p.parent}"
                if beside
                else "give the codings.jsonl it was written from, or the folder holding it",
            )
        raise RoqaValueError(
            "is a CSV table, not codings",
            path=p,
            hint="give the codings.jsonl roqa code or result.save() wrote, or the folder holding it",
        )
    return p


def _holds_json_lines(path: Path) -> bool:
    """Whether the first non-blank line of ``path`` is a JSON object: codings.jsonl renamed by
    hand to a ``.csv`` name, read as JSON lines as it was before s62 (s62 api hunter), not
    refused as a CSV table."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            line = " "
            while line and not line.strip():
                line = fh.readline(1 << 20)  # a longer line is no segment coding
            return isinstance(json.loads(line), dict) if line else False
    except (OSError, ValueError, RecursionError):
        return False


def recorded_sources(codings: Path) -> list[Path]:
    """The files the transcripts of ``codings`` (a ``codings.jsonl``) were read from, as
    ``transcripts.jsonl`` beside it records them (relative to where ``roqa code`` was run, taken
    from the current folder), and the QDA projects they were imported from, for the outputs of
    a command to be checked against: a report written over one replaced an interview (session
    37). Nothing when none is recorded or
    the file cannot be read (reading the codings names what is wrong)."""
    found: list[Path] = []
    try:
        with open(codings.with_name("transcripts.jsonl"), encoding="utf-8-sig") as fh:
            for line in fh:
                try:
                    source = json.loads(line).get("source")
                except (ValueError, AttributeError, RecursionError):
                    continue
                if isinstance(source, str) and source:
                    found.append(Path(source))
                    project = _project_of(source)
                    if project is not None:
                        found.append(project)
    except (OSError, UnicodeDecodeError):
        return []
    return found


def _project_of(source: str) -> Path | None:
    """The QDA project file of a transcript ``roqa import`` read from one, recorded as
    ``project:member`` (``qx/study.qdpx:sources/....txt``): the first part before a colon that
    is a file, but a Windows drive letter (``C:\\...``), so colons in its path or its member
    are no trouble (hunt2 s37: an export over the project it was imported from). None for a
    source without one."""
    start = 2 if len(source) > 2 and source[0].isalpha() and source[1:3] in (":\\", ":/") else 0
    at = source.find(":", start)
    while at > 0:
        if source[at + 1 : at + 2] not in ("", "/", "\\") and _is_file(source[:at]):
            return Path(source[:at])
        at = source.find(":", at + 1)
    return None


def _is_file(path: str) -> bool:
    try:
        return Path(path).is_file()
    except (OSError, ValueError):  # a name too long for the system
        return False


#: What a folder ``roqa import`` wrote is, given where one result's codings are read
IMPORTED_FOLDER = (
    "holds no codings.jsonl: roqa import keeps each coder's codings in a folder of their own"
)


def coders_folders(folder: Path) -> list[Path]:
    """The folders of ``folder/codings/`` that hold a ``codings.jsonl``, sorted: one per coder
    in a folder ``roqa import`` wrote."""
    try:
        return sorted(f for f in (folder / "codings").iterdir() if (f / "codings.jsonl").is_file())
    except OSError:
        return []


def _is_empty(folder: Path) -> bool:
    """Whether ``folder`` holds nothing but hidden files (a lock, ``.DS_Store``)."""
    try:
        return all(f.name.startswith(".") for f in folder.iterdir())
    except OSError:
        return False


def _holds_transcripts(folder: Path) -> bool:
    """Whether ``folder`` holds a transcript file (by its extension) directly in it, and is no
    ``roqa code`` output folder (its report and a README are no transcripts)."""
    from .transcripts import _is_roqa_report

    if (folder / "run.json").exists():
        return False
    try:
        return any(
            f.is_file()
            and f.suffix.lower() in _TRANSCRIPT_SUFFIXES
            and f.stem.casefold() != "readme"
            and not _is_roqa_report(f)
            for f in folder.iterdir()
        )
    except OSError:
        return False


def _is_whisper_transcript(p: Path) -> bool:
    """A ``.json`` file that is a Whisper transcript (any other ``.json`` is read as codings)."""
    if p.suffix.lower() != ".json" or not p.is_file():
        return False
    from .transcripts.whisper_json import is_whisper_json

    return is_whisper_json(p, unreadable=False)


#: file suffixes ``save`` refuses: it writes a folder, and ``save("out.csv")`` is a slip for
#: ``to_csv("out.csv")`` (a folder name with another dot in it, ``run.v2``, is fine)
_FILE_SUFFIXES = frozenset(SUPPORTED_EXTENSIONS) | {
    ".jsonl",
    ".json",
    ".csv",
    ".tsv",
    ".xlsx",
    ".xls",
    ".html",
    ".htm",
    ".parquet",
    ".zip",
}

if TYPE_CHECKING:
    import pandas

    from .codebook import Codebook

CSV_TOP_K = 3


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    return {
        "id": t.id,
        "source": t.source,
        "participant": t.participant,
        "text": t.text,
        "turns": [
            {
                "speaker": u.speaker,
                "role": u.role,
                "start": u.start,
                "end": u.end,
                "begin_time": u.begin_time,
                "end_time": u.end_time,
            }
            for u in t.turns
        ],
        "metadata": t.metadata,
    }


def _check_turns(t: Transcript) -> None:
    """Turns are ordered, non-overlapping integer spans of the text (ValueError otherwise)."""
    previous = 0
    for u in t.turns:
        if not (isinstance(u.start, int) and isinstance(u.end, int)):
            raise ValueError(f"turn offsets {u.start!r}-{u.end!r} are not integers")
        if not previous <= u.start <= u.end <= len(t.text):
            raise ValueError(f"turn {u.start}-{u.end} is outside the text or out of order")
        previous = u.end


def _checked_transcript(d: dict[str, Any]) -> Transcript:
    """The transcript of a line of ``transcripts.jsonl``, its turns checked (:func:`_check_turns`)."""
    t = transcript_from_dict(d)
    _check_turns(t)
    return t


#: what :func:`_read_lines_as` reads each line as
_Read = TypeVar("_Read")


def _read_lines_as(
    path: Path,
    parse: Callable[[dict[str, Any]], _Read],
    what: str,
    hint: str,
    *,
    cut_short: str | None = None,
) -> list[tuple[int, _Read]]:
    """Each line of the JSON Lines file ``path`` (:func:`~roqa_nlp.io.read_jsonl_numbered`) as
    ``parse`` reads it, with its number; a line it cannot read is an error naming the line as
    not ``what`` ("a transcript"), with ``hint``."""
    read = []
    for i, r in read_jsonl_numbered(path, cut_short=cut_short):
        try:
            read.append((i, parse(r)))
        except (KeyError, TypeError, ValueError, OverflowError) as e:
            raise RoqaValueError(f"line {i} is not {what} ({e})", path=path, hint=hint) from None
    return read


def transcript_from_dict(d: dict[str, Any]) -> Transcript:
    return Transcript(
        id=str(d["id"]),
        text=str(d["text"]),
        turns=[Turn(**u) for u in d.get("turns", [])],
        source=str(d.get("source", "")),
        participant=d.get("participant"),
        metadata=dict(d.get("metadata") or {}),
    )


#: run.json's record of the codings.jsonl written beside it (:func:`codings_record`).
CODINGS_KEY = "codings"
#: run.json's copy of the card of the model that coded (its provenance: training data,
#: decisions files, evaluation), which the report shows.
MODEL_CARD_KEY = "model_card"


def codings_record(counts: dict[str, int], sha256: str) -> dict[str, Any]:
    """What run.json records of the ``codings.jsonl`` beside it: the number of segments of
    each transcript (``counts``, 0 for one with none) and the file's SHA-256."""
    return {"segments": dict(counts), "sha256": sha256}


def segment_counts(
    segments: Iterable[SegmentResult], transcript_ids: Iterable[str] = ()
) -> dict[str, int]:
    """The number of ``segments`` of each transcript, those of ``transcript_ids`` first (0 when
    it has none), in order."""
    counts = dict.fromkeys(transcript_ids, 0)
    for s in segments:
        tid = s.segment.transcript_id
        counts[tid] = counts.get(tid, 0) + 1
    return counts


def _check_against_record(
    codings: Path, segments: list[SegmentResult], meta: dict[str, Any], *, strict: bool
) -> set[str]:
    """Hold ``segments`` (read from ``codings``) against the record of run.json beside it
    (:data:`CODINGS_KEY`): other segment counts are an error (``strict``) or a warning, another
    file with the same counts a warning. A run.json written before the record: no check.
    Returns the transcripts run.json records segments of and the file holds none of (a withdrawn
    participant's lines removed), whose transcripts the result then leaves out too."""
    import warnings

    from .errors import RoqaWarning
    from .io import sha256_bytes

    record = meta.get(CODINGS_KEY)
    if not isinstance(record, dict):
        return set()
    recorded = record.get("segments")
    if isinstance(recorded, dict) and all(isinstance(n, int) for n in recorded.values()):
        from .schema import nfc

        # its ids composed, as the segments' are (a file named on macOS: "Siobha\u0301n")
        recorded = {nfc(str(t)): n for t, n in recorded.items()}
        found = segment_counts(segments)
        differ = [
            f"{t}: {found.get(t, 0)} of {n}" for t, n in recorded.items() if found.get(t, 0) != n
        ]
        differ += [
            f"{t}: {n} where run.json records none" for t, n in found.items() if t not in recorded
        ]
        if differ:
            shown = ", ".join(differ[:3]) + (f" and {len(differ) - 3} more" if differ[3:] else "")
            gone = {t for t, n in recorded.items() if n and not found.get(t)}
            error = RoqaError(
                f"holds {len(segments)} segment{_s(len(segments))} where run.json beside it "
                f"records {sum(recorded.values())} ({shown}): "
                + (
                    "it lost lines, or is from another run stopped part-way"
                    if len(segments) < sum(recorded.values())
                    else "it is from another run stopped part-way, or was added to since"
                )
                + (
                    f"; {' and '.join(sorted(gone))}, of which it holds no segment,"
                    f" {'is' if len(gone) == 1 else 'are'} left out, transcript and all"
                    if gone
                    else ""
                ),
                path=codings,
                hint=(
                    "if lines were removed on purpose, e.g. a withdrawn participant's, this is"
                    " expected; otherwise run roqa code again to write the folder whole"
                ),
            )
            if strict:
                raise error
            warnings.warn(str(error), RoqaWarning, stacklevel=3)
            return gone
    if isinstance(record.get("sha256"), str) and record["sha256"] != sha256_bytes(
        codings.read_bytes()
    ):
        warnings.warn(
            f"{codings}: is not the file run.json beside it records (changed since, or from "
            "another run stopped part-way): the model and parameters run.json names may not be "
            "the ones that made it",
            RoqaWarning,
            stacklevel=3,
        )
    return set()


def _warn_of_no_record(codings: Path, segments: list[SegmentResult]) -> None:
    """Warn that ``codings`` (a model's suggestions, with transcripts.jsonl beside it, as every
    folder ``roqa code`` or :meth:`CodingResult.save` writes) has no run.json beside it: the
    record it is held against is gone (deleted by hand), so lines it lost go unseen. A bare
    codings.jsonl (no transcripts.jsonl) and a person's codings (every probability 1, such as
    ``examples/gold``) need no run.json and are not warned of (s56 incremental, finding 4)."""
    import warnings

    from .errors import RoqaWarning

    if any(g.probability < 1.0 for s in segments for g in s.suggestions):
        warnings.warn(
            f"{codings}: no run.json beside it: cannot check it lost no lines, nor say which "
            "model and parameters made it; re-run roqa code to write it",
            RoqaWarning,
            stacklevel=3,
        )


def _as_transcribed(
    codings: Path,
    segments: list[SegmentResult],
    transcripts: Mapping[str, Transcript],
    meta: dict[str, Any],
    lines: Mapping[str, int],
) -> list[SegmentResult]:
    """``segments`` with the text of those that are not their transcript's text at their
    offsets (transcripts.jsonl) put right when it can be told which file was changed: a segment
    whose text was edited by hand in codings.jsonl was quoted in Table 2 and the matrix as
    edited, not as the participant said it (session 54). When run.json records another
    codings.jsonl (it was changed since it was written) and the segment's text is nowhere in
    its transcript, the transcript's words at its offsets are read in its place; otherwise
    (codings.jsonl is the file recorded, so transcripts.jsonl was changed; no record to tell;
    or the text is the transcript's elsewhere, its offsets changed) it is kept as it is. Either
    way a warning names the file and each segment's line. A text whose words are the
    transcript's there, only the blanks between them differing (a line break made a space by
    an editor), is no edit: the transcript's text is read, with no warning (s54 hunt, 7)."""
    differ: list[tuple[int, SegmentResult, Transcript]] = []
    out = list(segments)
    for i, s in enumerate(segments):
        t = transcripts.get(s.segment.transcript_id)
        if t is None:
            continue
        said = t.text[s.segment.start : s.segment.end]
        if said == s.segment.text:
            continue
        inside = 0 <= s.segment.start < s.segment.end <= len(t.text)
        if inside and said.split() == s.segment.text.split():
            out[i] = replace(s, segment=replace(s.segment, text=said))
        else:
            differ.append((i, s, t))
    if not differ:
        return out
    from .errors import first_and_count, warn
    from .io import sha256_bytes

    record = meta.get(CODINGS_KEY)
    recorded = record.get("sha256") if isinstance(record, dict) else None
    edited = isinstance(recorded, str) and recorded != sha256_bytes(codings.read_bytes())
    put_right: list[str] = []
    kept: list[str] = []
    for i, s, t in differ:
        seg = s.segment
        where = f"line {lines[seg.id]} ({seg.id})" if seg.id in lines else seg.id
        if edited and 0 <= seg.start < seg.end <= len(t.text) and seg.text not in t.text:
            out[i] = replace(s, segment=replace(seg, text=t.text[seg.start : seg.end]))
            put_right.append(where)
        else:
            kept.append(where)

    def unlike(places: list[str]) -> str:
        n, its = len(places), "its" if len(places) == 1 else "their"
        return (
            f"{n} segment{_s(n)} whose text is not the transcript's at {its} offsets in "
            f"transcripts.jsonl: {first_and_count(places, 3)}"
        )

    if put_right:
        warn(
            f"{unlike(put_right)} (edited by hand since coding?): the words said there, as "
            "the transcript holds them, are quoted instead",
            path=codings,
            stacklevel=3,
        )
    if kept:
        why = (
            "transcripts.jsonl was changed since coding (codings.jsonl is the file run.json "
            "records)"
            if isinstance(recorded, str) and not edited
            else "which of the two files was changed since coding cannot be told"
        )
        warn(
            f"{unlike(kept)}: {why}, so the text codings.jsonl gives is quoted (run roqa code "
            "again to code the transcripts as they are)",
            path=codings,
            stacklevel=3,
        )
    return out


def run_record(folder: Path) -> dict[str, Any]:
    """The run record (``run.json``) in ``folder``: empty when there is none, or it cannot be
    read as a JSON object."""
    run = folder / "run.json"
    if not run.exists():
        return {}
    try:
        meta = json.loads(read_text(run))
    except (RoqaError, ValueError, RecursionError):
        return {}
    return meta if isinstance(meta, dict) else {}


@dataclass
class CodingResult:
    """Segments with ranked code suggestions, plus the transcripts they come from.

    ``segments`` are the coded segments in transcript order; ``transcripts`` maps each transcript
    id to its :class:`~roqa_nlp.schema.Transcript` (text, turns, participant); ``meta`` is the
    run's record (model card summary and parameters, as in ``run.json``).

    A result is a sequence of :class:`~roqa_nlp.schema.SegmentResult`: ``len(result)``,
    ``for s in result``, ``result[0]``; ``result[:10]`` and :meth:`subset` give smaller results
    that keep the transcripts and meta, so charts of them keep their case labels (``P01``).

    Two results are equal (``==``) when their segments are equal, in the same order: suggestions,
    probabilities, valences, evidence and flags. ``transcripts`` and ``meta`` are not compared,
    so codings read without their sidecar files (``transcripts.jsonl``, ``run.json``) still equal
    the result written; compare ``a.transcripts == b.transcripts`` and ``a.meta == b.meta`` for
    that too.
    """

    segments: list[SegmentResult] = field(default_factory=list)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    #: the ``codings.jsonl`` the result was read from (:meth:`read`; kept by :meth:`subset` and
    #: slices), None for a result made in memory: a project codebook the result records (e.g. the
    #: ``codebook.json`` that ``roqa import`` writes) is looked for beside it when charting
    source: Path | None = field(default=None, compare=False, repr=False)
    #: the project codebook the codings were made with, when it is not built in (a model trained
    #: with a researcher's new codes): :meth:`save` writes it as ``codebook.json`` beside the
    #: codings, and the charts read it, so the result charts without ``codebook=``
    codebook: Codebook | None = field(default=None, compare=False, repr=False)
    #: the line of ``codings.jsonl`` each segment was read from, by segment id (:meth:`read`),
    #: for messages that name the line to correct; empty for a result made in memory
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    #: cases of transcripts the result does not hold, as their segments' speakers name them
    #: (:meth:`participant_of`), keyed by transcript id and the number of segments then
    _cases: dict[tuple[str, int], str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self) -> Iterator[SegmentResult]:
        return iter(self.segments)

    @overload
    def __getitem__(self, index: int) -> SegmentResult: ...

    @overload
    def __getitem__(self, index: slice) -> CodingResult: ...

    def __getitem__(self, index: int | slice) -> SegmentResult | CodingResult:
        """``result[i]`` is the i-th segment (changing it changes the result); ``result[i:j]`` a
        result of copies of those segments (:meth:`SegmentResult.copy`) with the same transcripts
        and meta, which can be changed without changing this one."""
        if isinstance(index, slice):
            return self._with(self.segments[index])
        if isinstance(index, str):
            ids = self._transcript_ids()
            if any(same_id(t) == same_id(index) for t in ids):
                hint = f"for one transcript's segments: result.subset(transcript={index!r})"
            elif any(same_id(self.participant_of(t)) == same_id(index) for t in ids):
                hint = f"for one participant's segments: result.subset(participant={index!r})"
            else:
                shown = ", ".join(repr(t) for t in ids[:3]) + (", ..." if len(ids) > 3 else "")
                hint = (
                    "for one transcript's or participant's segments: result.subset("
                    f"transcript=ID) or result.subset(participant=ID) (transcripts: {shown})"
                )
            # a TypeError, as a sequence's for an index of the wrong type, so code that looks
            # items up and catches TypeError (jinja2's ``{{ result.name }}``) goes on as before
            raise RoqaTypeError(
                "a result is indexed by position, result[0], or slice, not by a str", hint=hint
            )
        return self.segments[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CodingResult):
            return NotImplemented
        return [s.to_dict() for s in self.segments] == [s.to_dict() for s in other.segments]

    def __repr__(self) -> str:
        novel = sum(1 for s in self.segments if s.novel)
        procedural = sum(1 for s in self.segments if s.procedural)
        return (
            f"CodingResult({len(self.transcripts)} transcript{_s(len(self.transcripts))}, "
            f"{len(self.segments)} segment{_s(len(self.segments))}: "
            f"{novel} fit no code, {procedural} procedural)"
        )

    def _with(self, segments: list[SegmentResult]) -> CodingResult:
        return CodingResult(
            segments=[s.copy() for s in segments],
            transcripts=dict(self.transcripts),
            meta=dict(self.meta),
            source=self.source,
            codebook=self.codebook,
            lines=self.lines,
        )

    def copy(self) -> CodingResult:
        """A result that can be changed without changing this one: copies of the segments, a new
        transcripts dict (transcripts are frozen) and a copy of ``meta``; ``copy.copy(result)``
        gives the same."""
        return self._with(self.segments)

    __copy__ = copy

    def by_transcript(self) -> dict[str, list[SegmentResult]]:
        """The segments grouped by transcript id (``"p01_interview"``, not the participant), in
        the order the transcripts first appear among the segments. A transcript without segments
        has no key."""
        out: dict[str, list[SegmentResult]] = {}
        for s in self.segments:
            out.setdefault(s.segment.transcript_id, []).append(s)
        return out

    def participant_of(self, transcript_id: str) -> str:
        """The participant (case) a transcript belongs to, as its transcript names it (``P01``).
        For a transcript the result does not hold (``codings.jsonl`` read without its
        ``transcripts.jsonl``), the case its participants' speaker labels or its id give, by the
        rule transcripts are read with (:func:`~roqa_nlp.transcripts.roles.participant_id`:
        ``P01`` for segments spoken by ``P01`` or for ``p01_interview``); else the id itself."""
        t = self.transcripts.get(transcript_id)
        if t is not None:
            return t.participant or transcript_id
        key = (transcript_id, len(self.segments))
        if key not in self._cases:
            from .transcripts.roles import participant_id

            speakers = dict.fromkeys(
                s.segment.speaker
                for s in self.segments
                if s.segment.transcript_id == transcript_id and s.segment.role == "participant"
            )
            # the id is a file's stem: give it a suffix for the rule to take off ("p01.v2")
            self._cases[key] = participant_id(list(speakers), f"{transcript_id}.id")
        return self._cases[key]

    def extend(self, other: CodingResult) -> None:
        """Append ``other``'s segments and add its transcripts, in place (a transcript id both
        hold takes ``other``'s transcript). ``meta`` stays this result's.

        The two are one study: their transcripts take their cases from one another as when they
        are read together (:class:`~roqa_nlp.transcripts.roles.StudyCases`), so a template's
        label (``Participant 1``) that made each of p1.txt, p2.txt and p10.txt, coded one at a
        time, case P1 names no one, and each is the case its file name gives (P1, P2, P10), not
        one interview in saturation and the matrix.

        A segment ``other`` holds that this result holds already (the same transcript's segment
        id: one file coded twice) is a one-line error, and nothing is added: kept, it would be
        counted twice in :meth:`to_dataframe` and the saved codings. So is a result whose codes
        are of another codebook (:func:`~roqa_nlp.crosswalk.codebook_of`: CFIR 2.0 codes added to
        CFIR 2009 ones): the charts would show each codebook's codes apart, Available Resources
        twice, and :meth:`save` records this result's codebook alone, in which ``roqa report``
        leaves the other's codes out; the error names :meth:`translate`."""
        self._check_same_codebook(other)
        held = {(s.segment.transcript_id, s.segment.id) for s in self.segments}
        again = [
            s.segment for s in other.segments if (s.segment.transcript_id, s.segment.id) in held
        ]
        if again:
            raise RoqaValueError(
                f"extend(): {len(again)} segment{_s(len(again))} of the result to add "
                f"{'are' if len(again) > 1 else 'is'} already in this result, first {again[0].id} "
                "(the same transcripts coded twice?)",
                hint="add the codings of other transcripts only; to replace a transcript's "
                "codings, drop them first: result = result.subset(where=lambda s: "
                f"s.segment.transcript_id != {again[0].transcript_id!r})",
            )
        self.segments.extend(s.copy() for s in other.segments)
        self.transcripts.update(other.transcripts)
        self._weigh_cases(other.transcripts.values())

    def _check_same_codebook(self, other: CodingResult) -> None:
        """A one-line error when ``other``'s codes and this result's are of different codebooks
        (:meth:`extend`); a result whose codebook is not known (no codes, none recorded) is of
        any. A codebook and its project's (a review's new codes, ``cfir-2009+project``) are
        one."""
        from .crosswalk import _recorded_ids, codebook_of

        recorded = _recorded_ids(self.meta)
        if recorded and recorded == _recorded_ids(other.meta):  # ac.code()'s batches: one run
            return
        # codebook_of gives a project's codebook (cfir-2009+project) as the one it extends
        mine, theirs = (codebook_of(r) for r in (self, other))
        if mine is None or theirs is None or mine == theirs:
            return
        raise RoqaValueError(
            f"extend(): the result to add is in codebook {theirs}, this result in {mine}: the "
            "charts would show each codebook's codes apart (a construct twice) and a save "
            f"records {mine} alone",
            hint=f"translate it first, result.extend(other.translate({mine!r})), or this result, "
            f"result = result.translate({theirs!r})",
        )

    def _weigh_cases(self, added: Iterable[Transcript]) -> None:
        """Give the transcripts sharing a case with one of ``added`` the cases they take from
        one another (those of other cases are left as they are: none of ``added`` bears on
        them)."""
        from .transcripts.roles import StudyCases, numbered_case

        cases = {same_id(t.participant) for t in added if t.participant}
        sharing = [
            t
            for t in self.transcripts.values()
            if t.participant and same_id(t.participant) in cases
        ]
        if len(sharing) < 2:
            return
        study = StudyCases.of(numbered_case(t) for t in sharing)
        for t in sharing:
            self.transcripts[t.id] = study.apply(t)

    def with_segments(
        self, segments: list[SegmentResult], *, meta: dict[str, Any] | None = None
    ) -> CodingResult:
        """A copy of the result holding copies of ``segments`` (:meth:`SegmentResult.copy`)
        instead of its own, with its transcripts (a new dict) and ``meta`` (default: a copy of its
        own), and what it carries besides kept: the ``codings.jsonl`` it was read from and its
        project codebook, whose codes its codes are read in."""
        return replace(
            self,
            segments=[s.copy() for s in segments],
            transcripts=dict(self.transcripts),
            meta=dict(self.meta) if meta is None else meta,
        )

    def subset(
        self,
        *,
        participant: str | Iterable[str] | None = None,
        transcript: str | Iterable[str] | None = None,
        code: str | Iterable[str] | None = None,
        where: Callable[[SegmentResult], bool] | None = None,
        set_aside: bool = False,
    ) -> CodingResult:
        """The segments that pass every filter given, as a result with the same meta.

        ``participant`` and ``transcript`` keep those cases (``"P01"`` or ``["P01", "P02"]``;
        transcript ids as in ``by_transcript``) and only their transcripts; an unknown one is an
        error. ``code`` keeps segments whose top suggestion is one of these codes (id or name,
        case-insensitive; a domain, ``"Outer Setting"``, stands for each of its codes, while a
        construct is its own code, without its sub-constructs, as the framework matrix's
        columns are) and that are not set aside (``novel``, ``procedural`` or
        ``off_topic``): the quotes the framework matrix and Table 2 chart for the code, as
        ``codings.csv`` and :meth:`to_dataframe` show it. A set-aside segment keeps the model's
        nearest code as its top suggestion, at any probability (a goodbye under Individual
        Stage of Change); ``set_aside=True`` keeps those too. ``where`` keeps the segments for
        which it returns true (``where=lambda s: s.procedural``). ``code`` and ``where`` keep
        every transcript, so a chart of the subset still shows a case that has none of the
        code as an empty row. The subset holds copies of the segments
        (:meth:`SegmentResult.copy`): changing it leaves this result as it was.
        """
        from .codebook import normalise_name

        transcripts = dict(self.transcripts)
        keep_ids: set[str] | None = None
        if participant is not None:
            # P1, p01 and P01 are one participant, as an interview order names them
            given = _names(participant, "participant")
            known = {tid: self.participant_of(tid) for tid in self._transcript_ids()}
            cases = {same_id(p) for p in known.values()}
            _check_known(
                "participant",
                {p for p in given if same_id(p) not in cases},
                set(),
                set(known.values()),
            )
            wanted = {same_id(p) for p in given}
            keep_ids = {tid for tid, p in known.items() if same_id(p) in wanted}
        if transcript is not None:
            wanted = _names(transcript, "transcript")
            _check_known("transcript", wanted, set(self._transcript_ids()))
            keep_ids = wanted if keep_ids is None else keep_ids & wanted
        if keep_ids is not None:
            transcripts = {tid: t for tid, t in transcripts.items() if tid in keep_ids}
        codes = None if code is None else self._code_keys(_names(code, "code"))
        kept = []
        for s in self.segments:
            if keep_ids is not None and s.segment.transcript_id not in keep_ids:
                continue
            if codes is not None:
                top = s.top
                if (
                    top is None
                    or not {normalise_name(top.code_id), normalise_name(top.name)} & codes
                    or (not set_aside and _set_aside(s))
                ):
                    continue
            if where is not None and not where(s):
                continue
            kept.append(s.copy())
        return CodingResult(
            segments=kept,
            transcripts=transcripts,
            meta=dict(self.meta),
            source=self.source,
            codebook=self.codebook,
        )

    def _code_keys(self, names: set[str]) -> set[str]:
        """The normalised ids and names a ``subset(code=...)`` keeps, a domain's (a code no
        segment carries) its codes'; a name that is no code of the result's suggestions nor of
        its codebook is an error (a typo kept nothing)."""
        import difflib

        from .codebook import normalise_name
        from .errors import quoted

        seen = {
            normalise_name(x): x
            for s in self.segments
            for g in s.suggestions
            for x in (g.code_id, g.name)
        }
        book = self.codebook
        if book is None:  # the built-in codebook the run recorded, else the default one
            from .codebook import DEFAULT_CODEBOOK, Codebook
            from .crosswalk import recorded_codebook

            name = recorded_codebook(self.meta) if isinstance(self.meta, dict) else None
            book = Codebook.load(name or DEFAULT_CODEBOOK)
        keys: set[str] = set()
        for c in names:
            found = book.find(c)
            if found is not None:
                keys |= {normalise_name(found.id), normalise_name(found.name)}
                if not found.codable:  # a domain: the codes under it (it kept nothing: s56)
                    keys |= {
                        normalise_name(x)
                        for u in book.codable
                        if found in book.path(u.id)
                        for x in (u.id, u.name)
                    }
            elif normalise_name(c) in seen:
                keys.add(normalise_name(c))
            else:
                from .codebook import UnknownCode

                known = sorted(set(seen.values()) | {x.name for x in book})
                close = difflib.get_close_matches(c, known, n=3)
                raise UnknownCode(
                    f"unknown code {quoted(c)}",
                    hint=f"did you mean {', '.join(map(quoted, close))}?"
                    if close
                    else f"give a code's id or name: {book.listing_said}",
                )
        return keys

    def _transcript_ids(self) -> list[str]:
        ids = dict.fromkeys(self.transcripts)
        ids.update(dict.fromkeys(s.segment.transcript_id for s in self.segments))
        return list(ids)

    def translate(
        self, codebook: str | Codebook, *, source: str | Codebook | None = None
    ) -> CodingResult:
        """This result in another codebook's codes, through the mapping either codebook documents.

        ``source`` is the codebook the suggestions use (default: the one the run recorded, else
        the built-in codebook the codes are of, as ``roqa agree`` and ``roqa export`` read
        hand-made codings, :func:`~roqa_nlp.crosswalk.codebook_of`, else cfir-2009); a
        built-in codebook the result's codes are not of is a one-line error.
        ``result.translate("cfir-2022")`` charts CFIR 2009 suggestions as CFIR 2.0 constructs;
        ``result.translate("erondu-2021")`` as the seed study's barriers and enablers.
        See :mod:`roqa_nlp.crosswalk` for how probabilities and valences are carried over; a
        person's codes (reviewed, imported) are applied, not suggested, so every code one reaches
        is applied (probability 1), as ``roqa agree`` and ``roqa export --codebook`` apply them
        (``roqa report --codebook`` charts a code with several counterparts once instead, as
        :func:`~roqa_nlp.crosswalk.chart_given` does), and one with no counterpart in
        ``codebook`` is kept under its own name and the id ``<source>:<code>``
        (``cfir-2009:CI.D``), with one warning naming it, as they keep it
        (:func:`~roqa_nlp.crosswalk.keep_given`): a researcher's code never vanishes. A model's
        suggestions are charted as the report charts them: a suggestion with no counterpart in
        ``codebook`` is left out, and a segment whose most probable suggestion has none and is
        sure (at or above :data:`~roqa_nlp.framework.SURE_CODE`, 0.40) gets no suggestion there,
        not the translation of a lower one; below the line its next suggestions are kept.
        """
        from dataclasses import replace

        from .codebook import BUILTIN, DEFAULT_CODEBOOK, Codebook
        from .crosswalk import codebook_of, keep_given, source_codebook, translate
        from .exchange.qdpx_export import person_of

        def as_book(b: str | Codebook) -> Codebook:
            return b if isinstance(b, Codebook) else Codebook.load(b)

        src = as_book(source or source_codebook(self) or DEFAULT_CODEBOOK)
        own = codebook_of(self) if source is not None and src.id in BUILTIN else None
        if own is not None and own != src.id:  # its codes would pass through untranslated
            raise RoqaValueError(
                f"translate(source={src.id!r}): the result's codes are of codebook {own!r}",
                hint=f"leave source out, or give source={own!r}",
            )
        target = as_book(codebook)
        out = translate(self, src, target, top_decides=True)
        if person_of(self, "a coder") is not None:
            if src.id != target.id:  # translated (into their own codebook: as they are)
                out = keep_given(self, out, target, None)
            out.segments = [
                replace(s, suggestions=[replace(g, probability=1.0) for g in s.suggestions])
                for s in out.segments
            ]
        return out

    # -- files ---------------------------------------------------------------------------------

    @overload
    def to_jsonl(self, path: None = None) -> str: ...

    @overload
    def to_jsonl(self, path: str | Path) -> None: ...

    def to_jsonl(self, path: str | Path | None = None) -> str | None:
        """``codings.jsonl``: one JSON object per segment (:meth:`SegmentResult.to_dict`),
        non-ASCII written as is; :meth:`read` reads it back. Given a ``path``, writes it there
        atomically and returns None, as :meth:`to_csv` does; without one, returns the text. A
        probability or score that is not a number (a damaged embedding) is refused: ``NaN`` is
        not JSON."""
        if path is not None:
            from .io import check_format

            check_format(path, "JSON", "to_jsonl")
        text = "".join(_json_line(s) for s in self.segments)
        if path is None:
            return text
        atomic_write_text(path, text)
        return None

    def _table(
        self, top_k: int, because: Mapping[str, str] | None = None
    ) -> tuple[list[str], list[list[Any]]]:
        """The columns of ``codings.csv`` and one row of plain values per segment (a missing
        value is None). A segment set aside (talk flagged for open coding, ``novel``, and
        procedural talk or small talk) shows no suggestion, as the framework matrix and Table 2
        chart none for it: a pivot on ``name_1`` would count a greeting, or talk that fits no
        code, as a construct (``codings.jsonl`` keeps the model's suggestions for it)."""
        top_k = check_top_k(top_k, allow_none=False)
        head = ["transcript", "segment_id", "speaker", "start", "end", "text"]
        for k in range(1, top_k + 1):
            head += [f"code_{k}", f"name_{k}", f"probability_{k}", f"valence_{k}"]
        head += ["novel", "novelty_p", "procedural", "off_topic"]
        head += ["context", "begin_time", "end_time"]
        head += [] if because is None else ["uncoded_because"]
        rows: list[list[Any]] = []
        for s in self.segments:
            g = s.segment
            row: list[Any] = [g.transcript_id, g.id, g.speaker, g.start, g.end, g.text]
            shown = [] if _set_aside(s) else s.suggestions
            for k in range(top_k):
                if k < len(shown):
                    x = shown[k]
                    row += [x.code_id, x.name, x.probability, x.valence]
                else:
                    row += [None, None, None, None]
            row += [s.novel, s.novelty_p, s.procedural, s.off_topic]
            row += [g.context, g.begin_time, g.end_time]
            row += [] if because is None else [because.get(g.id)]
            rows.append(row)
        return head, rows

    @overload
    def to_csv(
        self,
        path: None = None,
        *,
        top_k: int = CSV_TOP_K,
        because: Mapping[str, str] | None = None,
    ) -> str: ...

    @overload
    def to_csv(
        self, path: str | Path, *, top_k: int = CSV_TOP_K, because: Mapping[str, str] | None = None
    ) -> None: ...

    def to_csv(
        self,
        path: str | Path | None = None,
        *,
        top_k: int = CSV_TOP_K,
        because: Mapping[str, str] | None = None,
    ) -> str | None:
        """``codings.csv``: one row per segment, for spreadsheets. Given a ``path``, writes it
        there atomically, with :data:`~roqa_nlp.io.EXCEL_BOM` first so that Excel reads it as
        UTF-8 (as :meth:`save` does), and returns None, as the charts' ``to_csv`` and pandas do
        (the text, echoed by a notebook, would put every quote in it); without one, returns the
        CSV text.

        Columns: ``transcript``, ``segment_id``, ``speaker``, ``start``, ``end``, ``text``; for
        each of the top ``top_k`` suggestions ``code_k``, ``name_k``, ``probability_k``,
        ``valence_k`` (empty on a row set aside as ``novel``, ``procedural`` or ``off_topic``
        talk, which the framework matrix and Table 2 leave out); then
        ``novel``, ``novelty_p``, ``procedural``, ``off_topic``, ``context`` (the interviewer's
        question, named as in ``codings.jsonl`` and training records) and
        ``begin_time``/``end_time`` in seconds; with ``because`` (segment id -> why it has no
        code, for the codings charted in another codebook, ``codings.cfir-2022.csv``), a last
        column ``uncoded_because``. Text cells a spreadsheet would run as a formula get a
        leading ``'``."""
        if isinstance(path, int):  # to_csv(5) from before the path came first
            raise RoqaTypeError(
                f"to_csv() takes the file to write first, got {path!r}",
                hint=f"write to_csv(top_k={path})",
            )
        if path is not None:
            from .io import check_format

            check_format(path, "CSV", "to_csv")
        head, rows = self._table(top_k, because)
        text = spreadsheet_csv([head, *(_csv_cells(head, row) for row in rows)])
        if path is None:
            return text
        atomic_write_text(path, EXCEL_BOM + text)
        return None

    def to_dataframe(self, top_k: int = CSV_TOP_K) -> pandas.DataFrame:
        """A pandas DataFrame with :meth:`to_csv`'s columns, one row per segment, as values:
        numbers are numbers and flags bools, a missing value (no third suggestion, no times, an
        unset ``novel``) is NA, and text is not escaped as in the CSV. Its numbers are not
        rounded, where the CSV rounds probabilities and ``novelty_p`` to 4 decimals and times to
        3, so a ``codings.csv`` read back by pandas differs in the last places. Needs pandas."""
        try:
            import pandas as pd
        except ImportError:
            raise RoqaError(
                "to_dataframe() needs pandas, which is not installed",
                hint="pip install pandas, or use to_csv()",
            ) from None
        head, rows = self._table(top_k)
        df = pd.DataFrame(rows, columns=head)
        for col in ["probability_" + str(k) for k in range(1, top_k + 1)]:
            df[col] = df[col].astype("float64")
        for col in ("novelty_p", "begin_time", "end_time"):
            df[col] = df[col].astype("float64")
        df["novel"] = df["novel"].astype("boolean")
        return df

    def save(self, out_dir: str | Path) -> dict[str, Path]:
        """Write ``codings.jsonl``, ``codings.csv``, ``transcripts.jsonl`` and ``run.json`` into
        the folder ``out_dir`` (made if missing), each atomically; returns their paths by name.
        :meth:`load` reads the folder back. ``meta`` gains run.json's record of codings.jsonl
        (:data:`CODINGS_KEY`).

        Saved over other codings (a folder ``roqa code --out`` or ``save`` wrote before), the
        files made from those that it does not write again (report.html, open_coding.*, a
        matrix or an export: :func:`~roqa_nlp.earlier_outputs.earlier_run_files`) show the
        earlier codings: one :class:`~roqa_nlp.errors.RoqaWarning` names them, as ``roqa code``
        does; they are left in place. So does a warning naming the transcripts whose codings the
        folder held and this result does not (they are replaced). Codings saved again unchanged
        warn of nothing."""
        from .errors import and_list, first_and_count, warn
        from .io import given_path

        out = given_path(out_dir, "save", "a folder (a path)", "result.save('coded/')")
        refuse_save_among_other_kind(out, model=False)
        earlier = out / "codings.jsonl"
        before = files_before(out) if out.is_dir() else set()
        try:
            unchanged = earlier.is_file() and earlier.read_bytes() == self.to_jsonl().encode()
        except OSError:
            unchanged = False
        held = [] if unchanged else transcripts_held(out)
        paths = self._save_files(out)
        if dropped := [t for t in held if t not in set(self._transcript_ids())]:
            warn(
                f"held codings of {first_and_count(dropped)}, which this result does not hold: "
                "they are replaced (save every transcript's codings together, "
                "result.extend(other), or give another folder)",
                path=out,
            )
        if not unchanged:
            from .transcripts import SUPPORTED_EXTENSIONS

            # a transcript of these codings or the earlier ones, kept beside them, is the
            # researcher's file, not one made from codings (s56 regression hunt: 'p03_interview.docx
            # is from an earlier run ... or delete it')
            ids = {*held, *self._transcript_ids()}
            stale, left = earlier_run_files(
                out,
                paths.values(),
                {
                    n
                    for n in before
                    if not (Path(n).suffix.lower() in SUPPORTED_EXTENSIONS and Path(n).stem in ids)
                },
            )
            page = ["report.html"] if (out / "report.html").is_file() else []
            if names := [*page, *stale, *left]:
                one = len(names) == 1
                it = "it" if one else "them"
                warn(
                    f"{and_list(names)} {'is' if one else 'are'} from an earlier run and "
                    f"{'does' if one else 'do'} not show these codings (make {it} again from "
                    f"this result, e.g. write_report(result, {str(out / 'report.html')!r}), or "
                    f"delete {it})",
                    path=out,
                )
        return paths

    def _save_files(self, out_dir: str | Path) -> dict[str, Path]:
        """:meth:`save` without its warning of earlier files: ``roqa code`` and ``roqa
        apply-decisions`` name them themselves, knowing what else they write."""
        from .io import given_path

        out = given_path(out_dir, "save", "a folder (a path)", "result.save('coded/')")
        if out.is_file() or (not out.is_dir() and out.suffix.lower() in _FILE_SUFFIXES):
            raise RoqaError(
                "save() writes a folder; give a folder name",
                path=out,
                hint="to_csv(path) writes codings.csv alone",
            )
        try:
            make_out_dir(out)
        except (FileExistsError, NotADirectoryError):
            raise RoqaError(
                "cannot be written: a part of its folder path is a file",
                path=out,
                hint="choose a folder path",
            ) from None
        paths = {
            "codings.jsonl": out / "codings.jsonl",
            "codings.csv": out / "codings.csv",
            "transcripts.jsonl": out / "transcripts.jsonl",
            "run.json": out / "run.json",
        }
        from .io import sha256_bytes

        jsonl = self.to_jsonl()
        record = codings_record(
            segment_counts(self.segments, self.transcripts), sha256_bytes(jsonl.encode("utf-8"))
        )
        # codings.jsonl first and run.json, which records it, after: a run stopped between
        # them leaves a pair that does not match (CodingResult.read says so)
        atomic_write_text(paths["codings.jsonl"], jsonl)
        atomic_write_text(paths["codings.csv"], EXCEL_BOM + self.to_csv())
        atomic_write_text(
            paths["transcripts.jsonl"],
            "".join(
                json.dumps(transcript_to_dict(t), ensure_ascii=False) + "\n"
                for t in self.transcripts.values()
            ),
        )
        # the result's meta is run.json, as read back: a new dict, not one a subset shares
        self.meta = {**self.meta, CODINGS_KEY: record}
        atomic_write_text(paths["run.json"], json.dumps(self.meta, indent=2, ensure_ascii=False))
        if self.codebook is not None:
            from .crosswalk import CODEBOOK_FILE

            paths[CODEBOOK_FILE] = out / CODEBOOK_FILE
            self.codebook.save(paths[CODEBOOK_FILE])
        return paths

    @classmethod
    def read(cls, path: str | Path, *, strict: bool = False) -> CodingResult:
        """Read ``codings.jsonl`` (a file, or a folder holding one, as :meth:`save` and
        ``roqa code`` write) with its sidecar files ``transcripts.jsonl`` and ``run.json`` when
        they are there. :meth:`load` is the same.

        A codings.jsonl whose segments are not those run.json records (lines lost, or a run
        stopped between writing the two) is a warning, an error when ``strict`` is True (lines
        removed on purpose, a withdrawn participant's, are a researcher's right); one with the
        same segments but not the file recorded (edited since) is a warning. A segment whose
        text is not its transcript's at its offsets is a warning naming its line, and is read
        with the transcript's words when its own were edited since coding (``_as_transcribed``)."""
        from .io import given_path

        call = "CodingResult.read"
        p = codings_file(given_path(path, call, _CODINGS_PATH, f"{call}('coded/')"))
        if not p.exists():
            raise codings_not_found(p)
        segs: list[SegmentResult] = []
        lines: dict[str, int] = {}
        for i, s in _read_lines_as(
            p,
            SegmentResult.from_dict,
            "a segment coding",
            "each line needs transcript, segment_id, start, end and text",
            cut_short="run `roqa code` again to write it whole",
        ):
            segs.append(s)
            lines.setdefault(s.segment.id, i)
        transcripts: dict[str, Transcript] = {}
        side = p.with_name("transcripts.jsonl")
        if side.exists():
            for _, t in _read_lines_as(
                side,
                _checked_transcript,
                "a transcript",
                "each line needs id, text and turns within the text",
            ):
                transcripts[t.id] = t
        meta = run_record(p.parent)
        if not (p.parent / "run.json").exists() and side.exists():
            _warn_of_no_record(p, segs)
        for gone in _check_against_record(p, segs, meta, strict=strict):
            transcripts.pop(gone, None)  # a withdrawn participant's: not exported nor charted
        segs = _as_transcribed(p, segs, transcripts, meta, lines)
        return cls(
            segments=segs,
            transcripts=transcripts,
            meta=meta,
            source=p,
            codebook=_saved_codebook(p.parent, meta),
            lines=lines,
        )

    @classmethod
    def load(cls, path: str | Path) -> CodingResult:
        """The same as :meth:`read` (``save``/``load``, as :class:`~roqa_nlp.AutoCoder` has)."""
        from .io import given_path

        call = "CodingResult.load"
        return cls.read(given_path(path, call, _CODINGS_PATH, f"{call}('coded/')"))

    @classmethod
    def from_segments(cls, segments: Iterable[SegmentResult]) -> CodingResult:
        """A result of copies of these segments (:meth:`SegmentResult.copy`, as
        :meth:`with_segments` holds) alone: no transcripts and no meta, so charts name each
        case from its segments' speakers or its transcript id (:meth:`participant_of`). To keep
        the transcripts, filter an existing result with :meth:`subset` or a slice instead."""
        given = list(segments)
        for n, s in enumerate(given, 1):
            if not isinstance(s, SegmentResult):
                raise RoqaTypeError(
                    f"CodingResult.from_segments(): segment {n} is {a_type(s)}, "
                    "not a SegmentResult",
                    hint="give the segments of a coding result: list(result) or result[:10]",
                )
        # copies, so that changing the new result's segments leaves the given ones as they were
        return cls(segments=[s.copy() for s in given])


def _saved_codebook(folder: Path, meta: Any) -> Codebook | None:
    """The project codebook :meth:`CodingResult.save` wrote beside the codings
    (``codebook.json``), or ``roqa import`` wrote two folders above them (``OUT/codebook.json``
    for ``OUT/codings/USER/``), when it is the one the run recorded and not a built-in one.
    Imported codings of a researcher's own codebook were read without it, so ``roqa agree``
    matched her codes to built-in codebooks by name ('Need' as CFIR 2.0's) and did not
    translate them through its mapping (re-test, session 47)."""
    from .codebooks import BUILTIN
    from .crosswalk import CODEBOOK_FILE, _recorded_ids

    wanted = _recorded_ids(meta) if isinstance(meta, dict) else []
    if not wanted or wanted[0] in BUILTIN:
        return None
    from .codebook import Codebook

    for f in [d / CODEBOOK_FILE for d in [folder, *folder.parents][:3]]:
        if not f.is_file():
            continue
        try:
            book = Codebook.load(f, check_aliases=False)
        except RoqaError:  # damaged: the codings are still read, as before it was loaded here
            continue
        if book.id == wanted[0]:
            return book
    return None


def _s(n: int) -> str:
    return "" if n == 1 else "s"


#: What :meth:`CodingResult.read` takes, for its error
_CODINGS_PATH = "the path of codings.jsonl or of the folder holding it"


def _names(value: str | Iterable[str], kind: str) -> set[str]:
    """The names ``subset(kind=value)`` is given: one str or an iterable of them; anything else
    (``code=5`` gave "'int' object is not iterable": session 56) is a one-line error naming
    ``kind``."""
    items = [value] if isinstance(value, str) else value
    if isinstance(value, (bytes, Mapping)) or not isinstance(items, Iterable):
        raise RoqaTypeError(
            f"subset({kind}=...) takes a {kind} (a str) or a list of them, not {a_type(value)}",
            hint=f"e.g. subset({kind}={_EXAMPLE_NAME[kind]!r})",
        )
    names = list(items)
    for name in names:
        if not isinstance(name, str):
            raise RoqaTypeError(
                f"subset({kind}=...) takes {kind}s as str, not {a_type(name)}",
                hint=f"e.g. subset({kind}={_EXAMPLE_NAME[kind]!r})",
            )
    return set(names)


_EXAMPLE_NAME = {"participant": "P01", "transcript": "p01_interview", "code": "Champions"}


def _check_known(
    kind: str, wanted: set[str], known: set[str], shown: set[str] | None = None
) -> None:
    """An error naming the ``wanted`` not ``known``, and what the result has (``shown``, by
    default ``known``)."""
    from .errors import first_few, quoted
    from .transcripts import natural_key

    unknown = sorted(wanted - known, key=natural_key)
    if unknown:
        has = sorted(known if shown is None else shown, key=natural_key)
        raise RoqaValueError(
            f"unknown {kind}(s) {', '.join(quoted(u) for u in unknown)}",
            hint=f"this result has {first_few(has) or 'none'}",
        )


def _csv_cells(head: list[str], row: list[Any]) -> list[Any]:
    """A row of :meth:`CodingResult._table` as ``codings.csv`` writes it: probabilities to 4
    decimals, times to 3, flags as ``true``/``false``, missing values as empty cells."""
    out: list[Any] = []
    for name, v in zip(head, row, strict=True):
        if v is None:
            out.append("")
        elif name.startswith("probability_") or name == "novelty_p":
            out.append(f"{v:.4f}")
        elif name in ("begin_time", "end_time"):
            out.append(f"{v:.3f}")
        elif name in ("novel", "procedural", "off_topic"):
            out.append(bool(v))  # true/false, as every CSV writes a flag (spreadsheet_csv)
        else:
            out.append(v)
    return out


def _json_line(s: SegmentResult) -> str:
    """One line of ``codings.jsonl``: ``s`` as strict JSON (no ``NaN``, no ``Infinity``)."""
    try:
        return json.dumps(s.to_dict(), ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError:
        raise RoqaError(
            f"segment {s.segment.id} has a probability or score that is not a number (NaN or "
            "infinite): its embedding was damaged; run again with --no-cache, or delete the "
            "embedding cache"
        ) from None
