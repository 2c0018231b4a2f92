"""Reading interview transcripts in the formats researchers have, and cutting them into segments.

:func:`read_transcript` reads one file into a :class:`~roqa_nlp.schema.Transcript` (turns with
speaker, role and code-point offsets of their words), choosing the reader by extension:

======================  ==========================================================
``.txt``, ``.md``       ``Speaker: words`` lines (:mod:`.text`); the file's own text
``.vtt``                WebVTT, e.g. a Zoom transcript (:mod:`.vtt`)
``.srt``                SubRip subtitles (:mod:`.srt`)
``.sbv``                YouTube's captions (:mod:`.sbv`)
``.docx``               Word (:mod:`.docx`)
``.odt``, ``.fodt``     OpenDocument, e.g. LibreOffice Writer (:mod:`.odt`)
``.rtf``                Rich Text Format, read as plain text once extracted (:mod:`.rtf`)
``.pdf``                PDF with a text layer, read as plain text once extracted (:mod:`.pdf`)
``.html``, ``.htm``     a web page (noScribe, Word's web page), read as plain text (:mod:`.html`)
``.csv``, ``.tsv``      ``speaker``, ``text``, optional ``start``, ``end`` columns (:mod:`.csv`)
``.xlsx``               the same columns in a workbook's first sheet (:mod:`.csv`)
``.qdpx``               a REFI-QDA project (read by :mod:`roqa_nlp.exchange.refiqda`)
======================  ==========================================================

Every format except plain text, RTF and PDF gets the canonical text of :mod:`.render` (one
``"{speaker}: {words}"`` paragraph per turn). The transcript ``id`` is the file stem, ``source``
the path, and ``participant`` the case (see :mod:`.roles`). :func:`read_transcripts` reads many
files and directories; :func:`~roqa_nlp.transcripts.segment.segment` cuts a transcript into the
segments the model codes.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import (
    RoqaError,
    RoqaErrors,
    RoqaFileNotFoundError,
    RoqaTypeError,
    RoqaValueError,
    a_type,
    first_few,
    quoted,
    refuse_unordered,
    warn,
)
from ..io import hashing_run

if TYPE_CHECKING:
    import numpy as np

    from ..schema import Transcript
    from .reading_cache import ReadingCache
    from .run_index import CaseRuns
    from .word_store import Stored, WordStore

#: The file extensions :func:`read_transcript` reads (lower case).
SUPPORTED_EXTENSIONS: tuple[str, ...] = (
    ".txt",
    ".md",
    ".vtt",
    ".srt",
    ".sbv",
    ".docx",
    ".odt",
    ".fodt",
    ".rtf",
    ".pdf",
    ".html",
    ".htm",
    ".csv",
    ".tsv",
    ".xlsx",
    ".json",
    ".qdpx",
)

#: Reader of each single-transcript extension: (module, function), imported when first used.
_READERS: dict[str, tuple[str, str]] = {
    ".txt": ("roqa_nlp.transcripts.text", "read_text_transcript"),
    ".md": ("roqa_nlp.transcripts.text", "read_text_transcript"),
    ".vtt": ("roqa_nlp.transcripts.vtt", "read_vtt_transcript"),
    ".srt": ("roqa_nlp.transcripts.srt", "read_srt_transcript"),
    ".sbv": ("roqa_nlp.transcripts.sbv", "read_sbv_transcript"),
    ".docx": ("roqa_nlp.transcripts.docx", "read_docx_transcript"),
    ".odt": ("roqa_nlp.transcripts.odt", "read_odt_transcript"),
    ".fodt": ("roqa_nlp.transcripts.odt", "read_odt_transcript"),
    ".rtf": ("roqa_nlp.transcripts.rtf", "read_rtf_transcript"),
    ".pdf": ("roqa_nlp.transcripts.pdf", "read_pdf_transcript"),
    ".html": ("roqa_nlp.transcripts.html", "read_html_transcript"),
    ".htm": ("roqa_nlp.transcripts.html", "read_html_transcript"),
    ".csv": ("roqa_nlp.transcripts.csv", "read_csv_transcript"),
    ".tsv": ("roqa_nlp.transcripts.csv", "read_csv_transcript"),
    ".xlsx": ("roqa_nlp.transcripts.csv", "read_xlsx_transcript"),
    ".json": ("roqa_nlp.transcripts.whisper_json", "read_whisper_json_transcript"),
}

#: Extensions of table transcripts: in a folder, one whose header names no speaker and text
#: columns (the participants' details, roqa's own matrix.xlsx) is left out.
_TABLES = (".csv", ".tsv", ".xlsx")
#: Extensions of web pages: in a folder, one without speaker labels is left out.
_PAGES = (".html", ".htm")

#: Files in a directory that are never transcripts: Word lock files and hidden files.
_LOCK_PREFIX = "~$"  # Word's and Excel's lock file of an open document: ~$P01.docx
_IGNORED_PREFIXES = (_LOCK_PREFIX, ".")

#: The file ``roqa code`` writes into its output folder: a folder holding it is not a folder of
#: transcripts, though its ``codings.csv`` has a transcript's extension.
_OUTPUT_MARKER = "run.json"

_SUPPORTED_TEXT = ", ".join(SUPPORTED_EXTENSIONS)

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "expand_paths",
    "read_transcript",
    "read_transcripts",
    "with_default_labels",
    "skipped_files",
    "skipped_folders",
]


def _reader(path: Path) -> Callable[..., Transcript]:
    from importlib import import_module

    module, name = _READERS[path.suffix.lower()]
    reader: Callable[..., Transcript] = getattr(import_module(module), name)
    return reader


#: What to do with a recording: transcribe it where it is.
_TRANSCRIBE = (
    "a recording: transcribe it first (Whisper on this machine keeps it confidential; its .json, "
    ".vtt or .srt is read)"
)
#: What to do with a file in a format a word processor can convert, or a recording, by extension.
_SAVE_AS = {
    ".doc": "an old Word document: open it in Word or LibreOffice and save it as .docx",
    ".wpd": "a WordPerfect document: open it in Word or LibreOffice and save it as .docx",
    ".pages": "a Pages document: export it from Pages as Word (.docx)",
    **dict.fromkeys(
        (".m4a", ".mp3", ".wav", ".aac", ".ogg", ".flac", ".wma", ".mp4", ".mov", ".webm"),
        _TRANSCRIBE,
    ),
}


#: What a transcript table needs, said of a spreadsheet in a format not read
#: (:func:`roqa_nlp.spreadsheets.unreadable_spreadsheet`; in a folder it is only noted, as a
#: table of details may be)
_TRANSCRIPT_SHEET = (
    "the transcript on its first sheet with the columns speaker and text, optional start and end"
)


def _unsupported(path: Path) -> RoqaError:
    from ..spreadsheets import unreadable_spreadsheet

    sheet = unreadable_spreadsheet(path, "a transcript", then=_TRANSCRIPT_SHEET)
    if sheet is not None:
        return sheet
    own = _roqa_output_file(path)
    if own is not None:
        return own
    kind = f"'{path.suffix}' files are" if path.suffix else "files without an extension are"
    return RoqaValueError(
        f"{kind} not supported (supported: {_SUPPORTED_TEXT})",
        path=path,
        hint=_SAVE_AS.get(path.suffix.lower(), "save the transcript as .docx, .txt or .vtt"),
    )


def _roqa_output_file(path: Path) -> RoqaError | None:
    """The error of a ``.jsonl`` file roqa wrote (``codings.jsonl``, ``transcripts.jsonl``),
    given as a transcript: one beside a coding output's ``run.json``, or whose first line is a
    coding (a ``segment_id``), as a ``codings.csv`` is known by its column (cli tester cli2,
    session 80: "'.jsonl' files are not supported ... save the transcript as .docx"); None for
    any other file, and for one that is no regular file (a pipe named .jsonl is not opened: it
    would wait for a writer; the usual error follows, hfix1 session 80)."""
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return None
    from ..io import shell_quoted

    folder = path.parent
    beside = (folder / _OUTPUT_MARKER).is_file()
    if not beside:
        import json

        try:
            with path.open("rb") as fh:
                first = json.loads(fh.readline(1 << 20))
        except (OSError, ValueError, RecursionError):
            return None
        if not (isinstance(first, dict) and "segment_id" in first):
            return None
    return RoqaValueError(
        f"is roqa's own output ({f'its folder holds {_OUTPUT_MARKER}' if beside else 'codings'}"
        "), not a transcript",
        path=path,
        hint=(
            f"read its codings with CodingResult.read({str(folder)!r}) or "
            f"`roqa report {shell_quoted(folder)}`; "
            if beside
            else f"read its codings with CodingResult.read({str(path)!r}); "
        )
        + "give the transcript files to code them",
    )


def _qdpx_reader() -> Callable[..., list[Transcript]] | None:
    """The REFI-QDA project reader of :mod:`roqa_nlp.exchange`, when it is installed."""
    from importlib import import_module

    for module in ("roqa_nlp.exchange.refiqda", "roqa_nlp.exchange"):
        try:
            reader = getattr(import_module(module), "read_qdpx_transcripts", None)
        except ImportError:
            continue
        if reader is not None:
            return reader  # type: ignore[no-any-return]
    return None


def _read_qdpx(path: Path, interviewer_labels: Sequence[str] | None = None) -> list[Transcript]:
    """The transcripts of the project ``path``, their speakers read with ``interviewer_labels``
    as any other file's are (the reader adds the defaults, which they already hold)."""
    reader = _qdpx_reader()
    if reader is None:
        raise RoqaError(
            "reading REFI-QDA .qdpx projects is not available in this installation",
            path=path,
            hint="export the transcripts from your QDA tool as .docx or .txt",
        )
    if not path.exists():
        from ..io import missing_path_hint

        raise RoqaFileNotFoundError("file not found", path=path, hint=missing_path_hint(path))
    found = list(reader(path, interviewer_labels=interviewer_labels))
    if not found:  # its sources are empty, or PDFs, pictures or media (each warned of)
        raise RoqaValueError(
            "holds no text source to code",
            path=path,
            hint="add the interviews to the project as text documents, or export them from "
            "your QDA program as .docx or .txt",
        )
    return found


def with_default_labels(
    interviewer_labels: Sequence[str] | None,
    participant_labels: Sequence[str] | None = None,
) -> Sequence[str] | None:
    """``interviewer_labels`` added to the default interviewer labels
    (:data:`~roqa_nlp.transcripts.roles.DEFAULT_INTERVIEWER_LABELS`), or ``None`` when neither
    they nor ``participant_labels`` are given: what :func:`read_transcript`, ``AutoCoder.code``
    and ``roqa code --interviewer`` match speaker labels against. ``participant_labels``
    (``roqa code --participant``) ride along (a :class:`~roqa_nlp.transcripts.roles.RoleLabels`)
    and overrule them: a speaker they match is a participant even when named ``Host``."""
    if interviewer_labels is None and not participant_labels:
        return None
    from .roles import DEFAULT_INTERVIEWER_LABELS, RoleLabels, participant_labels_of

    labels = list(dict.fromkeys([*DEFAULT_INTERVIEWER_LABELS, *_one_or_many(interviewer_labels)]))
    # labels this gave already keep their participants (the .qdpx reader adds the defaults to
    # what read_transcripts gives it)
    participants = [*participant_labels_of(interviewer_labels), *_one_or_many(participant_labels)]
    return RoleLabels(labels, participants) if participants else labels


def _one_or_many(labels: Sequence[str] | None) -> list[str]:
    """The labels given, one name given as a string taken whole, not as its letters."""
    if labels is None:
        return []
    return [labels] if isinstance(labels, str) else list(labels)


def read_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read one transcript file, choosing the reader by its extension.

    ``interviewer_labels`` are speaker labels that are the interviewer's, **added to** the default
    ones (``Interviewer``, ``Int``, ``IV``, ``I``, ``Q``, ``Researcher``, ``Facilitator``,
    ``Moderator``, ``Host``, ``Me``; see
    :data:`~roqa_nlp.transcripts.roles.DEFAULT_INTERVIEWER_LABELS`), as ``AutoCoder.code`` and
    ``roqa code --interviewer`` add them: pass the interviewer's name for a Zoom transcript that
    names people (``interviewer_labels=["Sam Roe"]``). When none are given and no speaker is an
    interviewer, the speaker who asks the questions may be taken as the interviewer.
    ``participant_labels`` are speaker labels or names that are a participant's even when they
    match an interviewer label (``roqa code --participant``): a Zoom participant who hosted the
    call, ``participant_labels=["Jane Smith"]`` for ``Jane Smith (Host)``. They are never taken
    for the interviewer.

    A :class:`~roqa_nlp.transcripts.roles.SpeakerWarning` (a ``UserWarning``) is issued when
    the interviewer was guessed, when no speaker is the interviewer, when every turn is the
    interviewer's, or when the file has no speaker labels at all (everything would be coded as
    the participant's talk), and a :class:`~roqa_nlp.errors.RoqaWarning` when its talk does not
    read as English (:mod:`.language`). ``participant`` sets the case id instead of taking it
    from the
    speaker labels or the file name. A ``.qdpx`` project must hold exactly one transcript here;
    use :func:`read_transcripts` for a whole project or a folder.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise RoqaTypeError(
            f"read_transcript() takes the path of one transcript file, not {a_type(path)}",
            hint="give a path, e.g. read_transcript('p01.txt'); read_transcripts() reads several",
        )
    as_text = text_given_as_path(path)
    if as_text is not None:
        raise as_text
    labels = with_default_labels(interviewer_labels, participant_labels)
    t = _read_one(Path(path), labels, participant)
    from .language import warn_of_reading

    warn_of_reading(t, stacklevel=2)
    return t


#: The most bytes a file or folder name may have (Linux, macOS and Windows alike): a longer part
#: of a "path" names nothing.
MAX_NAME_BYTES = 255


def text_given_as_path(value: str | os.PathLike[str]) -> RoqaValueError | None:
    """The error for ``value``, given as the path of a transcript, when it is no path but reads
    as a transcript's text: it holds a line break and is not there, or a part of it is longer
    than a name may be (:data:`MAX_NAME_BYTES`); else None. ``ac.code("Interviewer: hi\\n\\nP01:
    ...")`` said "file or folder not found (check the path)" (api tester, session 60)."""
    text = os.fspath(value)
    if not isinstance(text, str):
        return None
    parts = re.split(r"[/\\]", text)
    too_long = [p for p in parts if len(p.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES]
    # a break at an end is a path read with readlines(), not text (s60 hunt, finding L3)
    inner = text.strip()
    if not (too_long or "\n" in inner or "\r" in inner) or os.path.lexists(text):
        return None
    if "\n" not in inner and "\r" not in inner and not any(re.search(r"\s", p) for p in too_long):
        return RoqaValueError(
            f"has a name longer than {MAX_NAME_BYTES} bytes, which no file system allows",
            path=quoted(text, 40),
            hint="check the path",
        )
    return RoqaValueError(
        "looks like a transcript's text, not the path of a file or folder",
        path=quoted(text, 40),
        hint="give the transcript file's path; to code talk held in Python, build a Transcript "
        "with Transcript.from_turns(), or give sentences to suggest()",
    )


def _read_one(
    p: Path, interviewer_labels: Sequence[str] | None, participant: str | None = None
) -> Transcript:
    """One transcript file read with exactly ``interviewer_labels`` (defaults not added), no
    warning issued."""
    if p.is_dir():
        raise RoqaValueError(
            "is a folder, not a transcript file",
            path=p,
            hint="use read_transcripts() to read the transcripts in a folder",
        )
    suffix = p.suffix.lower()
    if suffix in _READERS or suffix == ".qdpx":
        _refuse_empty_file(p)
    if suffix == ".qdpx":
        found = _read_qdpx(p, interviewer_labels)
        if len(found) != 1:
            raise RoqaValueError(
                f"holds {len(found)} transcripts, not one",
                path=p,
                hint="use read_transcripts() to read every transcript of a project",
            )
        return found[0]
    if suffix not in _READERS:
        raise _unsupported(p)
    return _reader(p)(p, interviewer_labels=interviewer_labels, participant=participant)


def _refuse_empty_file(p: Path) -> None:
    """The error of a transcript file of no bytes, the same in every format: a 0-byte PDF or
    workbook (a failed sync or copy) was "not a PDF document", "not an Excel .xlsx file", as if
    saved in another format (hunt s63, readers finding 6). A text format says so when decoded
    (:func:`.utterances.speech_file_text`), and of blanks alone that it holds only those."""
    try:
        empty = p.is_file() and p.stat().st_size == 0
    except OSError:  # its reader names what is wrong
        return
    if empty:
        from .render import EMPTY_FILE_HINT

        raise RoqaValueError("no speech found", path=p, hint=EMPTY_FILE_HINT)


class SharedIdError(RoqaValueError):
    """A transcript read well that cannot be used as given (:func:`shared_id_error`): said
    apart from those that cannot be read (:func:`count_unusable`), which it is not."""


def said_source(transcript: Transcript) -> str | None:
    """How a message names ``transcript``: a QDA project's source by its name in the program
    (``study.qdpx: source 'rm01'``, :func:`~roqa_nlp.exchange.qdpx_import.named_as_source`), as
    ``roqa import``, ``roqa inspect`` and the reader's warnings name it, not by the member file
    the project keeps its text in (``study.qdpx:sources/2c147f00-….txt``); any other by its
    ``source``."""
    if transcript.metadata.get("format") == "qdpx":
        from ..exchange.qdpx_import import named_as_source

        return named_as_source(transcript).source or None
    return transcript.source or None


def shared_id_error(
    transcript_id: str,
    path: str | Path | None,
    first: str | Path | None,
    said: str | None = None,
    transcript: Transcript | None = None,
) -> RoqaValueError:
    """The error for a second transcript with the id of one read before: one file given twice
    (by a symlink too), one interview saved in two formats (speech-to-text tools write .json,
    .srt, .vtt and .txt at once: keep the .json, when one of them is) or two files of one name
    in different folders. ``said`` names a QDA project's source in the message where ``path``
    is its member (:func:`said_source`: ``b.qdpx: source 'p01'``, not ``b.qdpx:sources/16.txt``).
    ``transcript``, the second one, tells two interviews saved under one name in two formats
    (``p01.txt`` and ``p01.vtt`` of another text) from one interview in two: they share an id,
    and keeping one would drop an interview (cli tester cli2, session 80)."""
    if path is not None and first is not None:
        here, there = Path(path), Path(first)
        if here.resolve() == there.resolve():  # one file, by a symlink or another path
            return SharedIdError(
                "is given twice", path=said or here, hint="give each transcript file once"
            )
        if here.stem == there.stem and here.parent == there.parent and here.suffix != there.suffix:
            # the .json is named only when it is one of them: a Rev .txt and .docx have none
            json = ".json" in (here.suffix.lower(), there.suffix.lower())
            if transcript is None or _one_interview(transcript, there):
                return SharedIdError(
                    f"is the interview {there.name} holds, in another format",
                    path=said or here,
                    hint="give one file per interview (speech-to-text tools write several: keep "
                    "the .json, which keeps the speakers and times, and move the others away)"
                    if json
                    else f"give one file per interview: keep {there.name} or {here.name} and "
                    "move the other away",
                )
            # words alike do not tell one interview with speech-to-text errors (0.89 alike)
            # from two (0.77-0.90): both are named (hunter hunt7, session 80)
            keep = "keep the .json" if json else "keep one"
            return SharedIdError(
                f"{there.name} and {here.name} share the id {transcript_id!r}",
                path=said or here,
                hint=f"if they hold one interview in two formats, {keep} and move the other away; "
                "if they are two interviews, rename one",
            )
    return SharedIdError(
        f"two transcripts share the id {transcript_id!r}",
        path=said or path,
        # a project's source is renamed in the QDA program; its member file is not the user's
        hint="rename the source in the QDA program, or one of the files, so every transcript "
        "has its own name"
        if any(_names_a_project(p) for p in (said, path, first))
        else "rename one of the files so every transcript has its own name",
    )


def _one_interview(transcript: Transcript, first: Path) -> bool:
    """Whether ``transcript`` and the one of the file ``first`` are surely one interview, saved
    in two formats: the words spoken in both (not the speakers' names, which a format may not
    keep) are the same, or every word spoken in the shorter, of :data:`NEAR_COPY_MIN_WORDS` or
    more, is among the other's (an export may stop early). A share below all is no proof
    either way: one interview with speech-to-text errors shares 0.89, two interviews 0.77 to
    0.90 (hunter hunt7, session 80). True when ``first`` cannot be read again: the error then
    says what it said before."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # said when it was read
            other = read_transcript(first)
    except (RoqaError, OSError):
        return True
    these, those = spoken_words(transcript), spoken_words(other)
    if these == those:
        return True
    shorter, longer = sorted((Counter(these), Counter(those)), key=lambda c: sum(c.values()))
    return sum(shorter.values()) >= NEAR_COPY_MIN_WORDS and not shorter - longer


def _names_a_project(path: str | Path | None) -> bool:
    """Whether ``path`` is a QDA project (``study.qdpx``) or one of its sources."""
    return path is not None and (
        str(path).lower().endswith(".qdpx") or ".qdpx:" in str(path).lower()
    )


#: The fix of one transcript that cannot be read
FIX_ONE = "fix this file or leave it out"


def unusable_fixes(unread: int, shared: int) -> list[str]:
    """The fixes of ``unread`` transcripts that cannot be read and ``shared`` that cannot be
    used as given (:func:`count_unusable`), each of which says its own too."""
    return [
        *([FIX_ONE if unread == 1 else "fix these files or leave them out"] if unread else []),
        *(["give each interview once under a name of its own"] if shared else []),
    ]


def count_unusable(errors: Sequence[RoqaError]) -> tuple[int, int]:
    """How many of ``errors`` are of transcripts that cannot be read, and how many of
    transcripts read well that cannot be used as given (a file given twice, an interview in a
    second format, two files of one id): the second are not said to be unreadable (fixer s66,
    unread: "none of the 2 transcripts above can be read" of two files given twice)."""
    shared = sum(isinstance(e, SharedIdError) for e in errors)
    return len(errors) - shared, shared


def warn_if_same_text(t: Transcript, seen: dict[str, tuple[str, str | None]]) -> None:
    """Warn, in one line naming both files, when ``t`` holds the text of a transcript read
    before (``seen``: SHA-256 of the text -> its source and case, to which ``t``'s are added):
    one interview under two names (a copy, a symlink) is coded twice, its quotes twice in the
    codings; saturation counts it twice when the files are read as two cases (``s01.txt``,
    ``s01_final.txt``), once when both are one case (``P01.txt``, ``P01 final (copy).txt``,
    both P01: before session 44 the warning said twice of these too)."""
    import hashlib

    digest = hashlib.sha256(t.text.encode("utf-8")).hexdigest()
    source = said_source(t) or t.id
    if digest in seen:
        first, case = seen[digest]
        said = (
            f"coded twice (its quotes are in the codings twice), though both are case {case}, "
            "which saturation counts once"
            if case and case == t.participant
            else "coded twice and counted as two cases toward saturation"
        )
        warn(
            f"holds the same text as {first}: one interview under two names is {said} "
            "(leave one out)",
            path=source,
        )
    else:
        seen[digest] = (source, t.participant)


#: Two transcripts of one case are one interview twice (a draft and its final, a Zoom .vtt beside
#: the cleaned .txt, an export that stopped early) when at least this share of the participant
#: words of the one with fewer (:func:`warn_if_near_copy`) ...
NEAR_COPY_SHARE = 0.5
#: ... are in runs of this many words in a row the other says too. Measured by
#: ``benchmarks/near_copies.py`` (fixer dfix2, session 81): one interview with speech-to-text
#: errors on 5 to 25 % of its words (misheard, dropped, merged, fillers) shares 0.62 to 0.96,
#: the first third of one 0.79 to 0.85; two interviews of one study share at most 0.05, 0.28
#: with the guide's questions read as the participant's, 0.33 for 30 words of one against
#: another. Words alike as a bag (before session 81: 0.9 of the longer's) called 42 of those
#: 100 one-interview pairs two, and hunter hunt7's .vtt with 12 % errors too (0.86). Across
#: cases (fixer dfix3): the 15,931 pairs of those 179 interviews, of one study or two, share
#: at most 0.09. Measured again with the rule as shipped (``Heard.share_in``, each pair a study
#: of its own two cases; fixer ncfix2, session 82): one interview 0.63 to 0.97, the first third
#: 0.79 to 0.87, all warned; two interviews at most 0.05, 0.28 with one file's roles lost, 0.33
#: for 30 words, none warned; the 15,931 pairs read as one study of 179 cases at most 0.04.
#: The check of 200 generated interviews (1.3 million words, the study counted first, as
#: ``read_transcripts`` counts it) takes 5.3 s of CPU.
NEAR_COPY_RUN = 4
#: ... when each holds at least this many participant words (a few words alike say nothing).
NEAR_COPY_MIN_WORDS = 30
#: ... and as much of the words in no run said in transcripts of this many cases other than the
#: two's or more: text common to the study (a guide, questionnaire items, a consent statement
#: or a vignette read aloud: hunter hunt10's N1), no sign of one interview. One other case,
#: not two, so that a study of three or four cases reading one text knows it (two other
#: transcripts would not do: a third copy of the interview would make it all common).
#: Measured by fixer dfix4 (session 81) on dfix2's 120 one-interview pairs of
#: ``benchmarks/near_copies.py`` inside all its 179 interviews, each its own case: every pair
#: still warned, the share of own words 0.57 or more (0.60 with two other cases); its 283
#: pairs of two interviews of one folder at most 0.008.
NEAR_COPY_COMMON = 1
#: A third copy of one interview (``P03.vtt``, ``P07.docx`` and ``P11.txt`` holding one talk)
#: makes every run of each pair said by a case other than the pair's, all of it common text, and
#: no pair was warned of (fixer nearcopy, session 83). Two transcripts are one interview too
#: when at least this share of the participant words of each (not of the shorter only) are in
#: runs of :data:`NEAR_COPY_RUN` words the other's participant says, of runs said by
#: :data:`NEAR_COPY_GROUP` cases at most (:meth:`Heard.whole_in`): a text a study's cases read
#: aloud is all of no interview but a copy's (a consent statement read in short interviews of
#: three cases: 71 to 77 %).
NEAR_COPY_WHOLE = 0.9
#: ... runs said by this many cases at most (up to four copies of one interview in four cases;
#: text more cases say is common to the study, as before)
NEAR_COPY_GROUP = 4
#: ... each of this many participant words or more: a text read aloud in every interview of a
#: small study (a consent statement, questionnaire items, a vignette) may be nearly all of a
#: short one (the 60-word consent statement and ten words more, in three cases: 99 % each
#: way), not of an interview of this length (ten minutes' talk); an interview's copies are.
NEAR_COPY_WHOLE_WORDS = 500
#: How many of the least hashes of such runs of each transcript are kept
#: (:attr:`NearCopies.marks`) to find the transcripts saying them, candidates for
#: :meth:`Heard.whole_in`: 8 bytes each, whatever the transcript's length.
NEAR_COPY_MARKS = 32


class NearCopies:
    """The transcripts :func:`warn_if_near_copy` has read, each of
    :data:`NEAR_COPY_MIN_WORDS` participant words or more (:class:`Heard`: its words' runs,
    hashed once, kept in a temporary file, :class:`~roqa_nlp.transcripts.word_store.WordStore`,
    not in memory), in reading order; the hashed runs of :data:`NEAR_COPY_RUN` words each says
    (:class:`~roqa_nlp.transcripts.run_index.RunIndex`), so that a new transcript is compared
    only with those that say enough of its runs, or it of theirs, to be a near copy; and which
    cases say each run (:class:`~roqa_nlp.transcripts.run_index.CaseRuns`), so that text said in
    other cases' transcripts too (a guide, questionnaire items, a consent statement, a vignette
    read aloud) counts for no copy."""

    def __init__(self) -> None:
        from .run_index import CaseRuns, RunIndex
        from .word_store import WordStore

        #: the hashed words of each transcript, whose each is and how many each turn holds
        self.store = WordStore()
        self.read: list[Heard] = []
        #: the runs of each (of all its words, its participant's and its interviewer's), once,
        #: of those said by fewer than NEAR_COPY_COMMON_TO_ANY cases when it was read
        self.said = RunIndex(counted=False)
        #: the runs of each's participant's words, counted, of those too
        self.answered = RunIndex()
        #: the cases that say each run, of every transcript with a case, counted up to one more
        #: than NEAR_COPY_GROUP with the numbers of the first NEAR_COPY_GROUP (enough to tell
        #: runs said by NEAR_COPY_COMMON_TO_ANY cases or more, by NEAR_COPY_GROUP at most, and
        #: by a case other than NEAR_COPY_GROUP given ones: CaseRuns.said_elsewhere)
        self.study = CaseRuns(max(NEAR_COPY_COMMON_TO_ANY, NEAR_COPY_GROUP + 1))
        #: the least NEAR_COPY_MARKS hashes of each's participant runs said by NEAR_COPY_GROUP
        #: cases or fewer when it was read: a transcript saying most of them may be a copy
        #: however many cases say its text (Heard.whole_in)
        self.marks = RunIndex(counted=False)
        #: each case one of whose transcripts was warned of as a near copy of another case's:
        #: the cases of that interview (itself too), whose runs say nothing of text common to
        #: the study when a third copy is compared (Heard.share_in's ``besides``)
        self.copies: dict[str, frozenset[str]] = {}
        #: the hashes of the words of each transcript counted by :meth:`know`, not yet read,
        #: and how many each of its turns holds (in :attr:`store`), by its reading
        #: (:meth:`reading`)
        self.known: dict[tuple[str, str, bytes, int], tuple[Stored, Stored]] = {}

    def know(self, transcripts: Iterable[Transcript]) -> None:
        """Count the runs of a whole study's transcripts before any is checked, so that text
        common to its cases is known from the first pair on (a stream knows only the
        transcripts read before)."""
        for t in transcripts:
            if t.participant:
                self.knows(t.participant, *self.words_of(t))

    def words_of(self, t: Transcript) -> tuple[tuple[str, str, bytes, int], Stored, Stored]:
        """``t``'s reading (:meth:`reading`), and where :attr:`store` keeps the hashes of its
        words (:func:`~roqa_nlp.transcripts.run_index.word_hashes`) and how many each turn
        holds."""
        import numpy as np

        from .run_index import word_hashes

        words, counts = spoken_turns(t)
        said = self.store.put(word_hashes(words))
        return self.reading(t), said, self.store.put(counts.astype(np.int32))

    def knows(
        self, case: str, reading: tuple[str, str, bytes, int], said: Stored, counts: Stored
    ) -> None:
        """Count the runs of the words ``said`` (hashed, in order, :meth:`words_of`) in a
        transcript of ``case`` before any is checked, kept (in :attr:`store`) until the
        transcript of ``reading`` is (hashed once)."""
        from .run_index import runs_of

        self.study.add(case, runs_of(self.store.get(said), NEAR_COPY_RUN, True))
        self.known[reading] = (said, counts)

    @staticmethod
    def reading(t: Transcript) -> tuple[str, str, bytes, int]:
        """What tells one reading of a transcript from another: its id, its source, a digest
        of its text, and its turns' places (the roles and cases the study gives it aside)."""
        import hashlib

        digest = hashlib.blake2b(t.text.encode("utf-8"), digest_size=16).digest()
        return t.id, t.source, digest, hash(tuple((turn.start, turn.end) for turn in t.turns))


#: A run said by this many cases or more is common to any pair of them (said by a case other
#: than the pair's two, :data:`NEAR_COPY_COMMON`)
NEAR_COPY_COMMON_TO_ANY = 2 + NEAR_COPY_COMMON


class Heard:
    """A transcript as :func:`warn_if_near_copy` keeps it, its words hashed once: its source,
    its case, a digest of its text, the hash of each of its words
    (:func:`~roqa_nlp.transcripts.run_index.word_hashes`) and whose each is (participant,
    interviewer or neither), in order, 9 bytes a word, from which the runs of its
    participant's, its interviewer's or all its words are hashed when it is compared, both
    kept in a temporary file (:class:`~roqa_nlp.transcripts.word_store.WordStore`: a stream
    held 130 KB a 14,600-word interview in memory); the transcript itself is not kept (a
    stream would keep every one). With them, as the study's
    cases said each run when last counted (``counted``, :attr:`CaseRuns.version`): how many of
    its participant's runs are said by :data:`NEAR_COPY_COMMON_TO_ANY` cases or more
    (``common``), and how many of its participant's words are in none of those (``alone``): a
    pair needs at least :data:`NEAR_COPY_MIN_WORDS` of those in the shorter, and its runs said
    in the other to cover a share of its words."""

    __slots__ = (
        "alone",
        "asked",
        "case",
        "common",
        "counted",
        "digest",
        "few",
        "lost",
        "marked",
        "roles",
        "said",
        "source",
        "store",
        "words",
    )

    def __init__(
        self,
        source: str,
        t: Transcript,
        said: Stored,
        roles: np.ndarray,
        digest: bytes,
        store: WordStore,
    ) -> None:
        """``said``: where ``store`` keeps the hashes of all of ``t``'s words; ``roles``: whose
        each is (:func:`turn_roles`, put in ``store`` too); ``digest``: of its text
        (:meth:`NearCopies.reading`)."""
        self.source, self.case, self.digest = source, t.participant or "", digest
        self.store, self.said, self.roles = store, said, store.put(roles)
        self.words = int((roles == _SPOKEN_BY["participant"]).sum())  # the participant's
        self.asked = int((roles == _SPOKEN_BY["interviewer"]).sum())  # the interviewer's
        #: no interviewer turn: every word read as the participant's (roles not told)
        self.lost = not any(turn.role == "interviewer" for turn in t.turns)
        self.counted, self.common, self.alone = -1, 0, self.words
        self.marked = 0  # how many of its runs NearCopies.marks keeps
        #: whether NEAR_COPY_WHOLE of its participant's words may be in runs said by
        #: NEAR_COPY_GROUP cases at most (as the study's cases said them when it was read)
        self.few = False

    def runs(self, role: str | None = None) -> np.ndarray:
        """The hashed runs (64-bit) of the words of ``role`` (all, when None), in order."""
        from .run_index import runs_of

        said = self.store.get(self.said)
        if role is not None:
            said = said[self.store.get(self.roles) == _SPOKEN_BY[role]]
        return runs_of(said, NEAR_COPY_RUN, True)

    def count(self, study: CaseRuns, answers: np.ndarray | None = None) -> None:
        """Count ``common`` and ``alone`` as ``study`` says the runs now (once a change);
        ``answers``: the participant's runs, when hashed already."""
        if self.counted == study.version:
            return
        if answers is None:
            answers = self.runs("participant")
        frequent = study.cases_saying(answers) >= NEAR_COPY_COMMON_TO_ANY
        self.common = int(frequent.sum())
        self.alone = int((~covered(frequent)).sum())
        self.counted = study.version

    def share_in(
        self, other: Heard, study: CaseRuns, besides: frozenset[str] = frozenset()
    ) -> float:
        """The share of this one's participant words in runs ``other``'s participant says too
        (of all its words when either tells no interviewer; 0.0 when neither does and no
        other case says anything, for the guide's questions, read as the participant's words,
        cannot be told from them: hunter hunt13's F1, two unlabelled interviews on one guide,
        61%), when that
        share is at least :data:`NEAR_COPY_SHARE` and so is the share of the words in no run
        said in other cases' transcripts (:func:`shares_said`), else the lesser of the two.
        When the two
        read the other way round, this one's interviewer's words in runs of the other's
        participant (a format whose roles came out swapped), when its participant's are in
        runs of the other's interviewer at least half :data:`NEAR_COPY_SHARE` (an
        interviewer reading back the other's participant's words, in a member check, says
        none of its interviewer's). Measured (fixer dfix4, session 81) on dfix2's 100
        one-interview pairs of ``benchmarks/near_copies.py`` with the captions' roles
        exchanged: all 100 reach the share, the second share 0.57 or more. ``besides``: cases
        found to hold copies of this interview already, whose transcripts count as the pair's
        own, not as other cases' (a third copy saying all of a pair's runs)."""
        import numpy as np

        cases = (self.case, other.case, *sorted(besides))
        answers = self.runs("participant")
        common = study.said_elsewhere(answers, cases) >= NEAR_COPY_COMMON
        if self.lost or other.lost:
            if self.lost and other.lost and not study.others(cases):
                return 0.0  # the guide's questions in both's words, and nothing to tell them by
            return shares_said(answers, np.unique(other.runs()), common)
        answered = np.unique(other.runs("participant"))
        share = shares_said(answers, answered, common)
        if share >= NEAR_COPY_SHARE:
            return share
        # roles swapped: this one's interviewer says the other's participant's words, and its
        # participant enough of the other's interviewer's not to be one reading them back; text
        # other cases say too counts here (fixer nearcopy, session 83): the guide's questions,
        # read word for word in every case, are all a swapped copy's participant says
        from .run_index import among

        back = float(covered(among(answers, np.unique(other.runs("interviewer")))).mean())
        if back < NEAR_COPY_SHARE / 2:
            return share
        questions = self.runs("interviewer")
        common = study.said_elsewhere(questions, cases) >= NEAR_COPY_COMMON
        swapped = shares_said(questions, answered, common)
        return swapped if swapped >= NEAR_COPY_SHARE else share

    def whole_in(self, other: Heard, study: CaseRuns) -> float:
        """The share of this one's participant words in runs ``other``'s participant says too,
        of runs said by :data:`NEAR_COPY_GROUP` cases at most (of all the words of both when
        either tells no interviewer), when it and the other's share in this one are both at
        least :data:`NEAR_COPY_WHOLE` (:func:`warn_if_near_copy` asks it of two transcripts of
        :data:`NEAR_COPY_WHOLE_WORDS` participant words or more); else 0.0 (and when neither
        tells an interviewer and no other case says anything, as :meth:`share_in`). Two
        transcripts nearly all of whose words each says the other are one interview, though a
        third copy says them too."""
        import numpy as np

        from .run_index import among

        role: str | None = "participant"
        if self.lost or other.lost:
            if self.lost and other.lost and not study.others((self.case, other.case)):
                return 0.0
            role = None
        shares = []
        for one, two in ((self, other), (other, self)):
            mine, theirs = one.runs(role), two.runs(role)
            few = study.cases_saying(theirs) <= NEAR_COPY_GROUP
            found = among(mine, np.unique(theirs[few]))
            shares.append(float(covered(found).mean()) if len(mine) else 0.0)
        return shares[0] if min(shares) >= NEAR_COPY_WHOLE else 0.0


def covered(mask: np.ndarray) -> np.ndarray:
    """For each word of a text whose runs (in order, one a word but the last
    :data:`NEAR_COPY_RUN` - 1) are ``mask``, whether one of them covers it."""
    import numpy as np

    ends = np.concatenate([[0], np.cumsum(mask)])
    words = np.arange(len(mask) + NEAR_COPY_RUN - 1)
    first = (words - NEAR_COPY_RUN + 1).clip(min=0)
    return np.asarray(ends[np.minimum(words + 1, len(mask))] > ends[first])


def shares_said(runs: np.ndarray, kept: np.ndarray, common: np.ndarray) -> float:
    """The share of the words whose ``runs`` (hashed, in order: one a word but the last
    :data:`NEAR_COPY_RUN` - 1) are in ``kept`` (sorted): the words in a run of
    :data:`NEAR_COPY_RUN` words in a row the other says too, many for one text with words
    misheard, dropped or added here and there, near none for two of the same topics. It, when
    it is at least :data:`NEAR_COPY_SHARE` and so is the share of the words in no ``common``
    run (said in other cases' transcripts: a guide, items read aloud) in runs of ``kept``;
    else the lesser of the two (0.0 when fewer than :data:`NEAR_COPY_MIN_WORDS` words are in
    no common run: the rest says nothing of a copy)."""
    from .run_index import among

    if not len(runs):
        return 0.0
    found = among(runs, kept)
    share = float(covered(found).mean())
    own = ~covered(common)
    if own.sum() < NEAR_COPY_MIN_WORDS:
        return 0.0
    mine = float((covered(found & ~common) & own).sum() / own.sum())
    return share if mine >= NEAR_COPY_SHARE else min(share, mine)


def spoken_words(t: Transcript, role: str | None = None) -> list[str]:
    """The words said in ``t``'s turns (its ``role``'s only, when given), in order, lower-cased.
    Each word is found first and folded then: folding first would split a word whose folded
    form holds a combining mark (``İstanbul`` folds to ``i̇stanbul``, two runs of ``\\w``)."""
    return [
        w.casefold()
        for turn in t.turns
        if role is None or turn.role == role
        for w in re.findall(r"\w+", t.text[turn.start : turn.end])
    ]


#: The role codes of :func:`turn_roles` (a word of any other role: 0)
_SPOKEN_BY = {"participant": 1, "interviewer": 2}


def spoken_turns(t: Transcript) -> tuple[list[str], np.ndarray]:
    """:func:`spoken_words` of ``t`` and the number of them in each of its turns."""
    import numpy as np

    said = [re.findall(r"\w+", t.text[turn.start : turn.end]) for turn in t.turns]
    return [w.casefold() for words in said for w in words], np.array(list(map(len, said)), int)


def turn_roles(t: Transcript, counts: np.ndarray) -> np.ndarray:
    """Whose each word of ``t`` is (``_SPOKEN_BY``), its turns holding ``counts`` words."""
    import numpy as np

    codes = np.array([_SPOKEN_BY.get(turn.role, 0) for turn in t.turns], np.uint8)
    return np.repeat(codes, counts)


def warn_if_near_copy(t: Transcript, seen: NearCopies) -> None:
    """Warn, in one line naming both files and their cases, when ``t`` and a transcript read
    before (``seen``, to which ``t`` is added) are one interview twice: at least
    :data:`NEAR_COPY_SHARE` of the participant words of the one with fewer are in runs of
    :data:`NEAR_COPY_RUN` words the other's participant says too (:meth:`Heard.share_in`: any
    of its words, should a format not tell the interviewer; its interviewer's, should the roles
    have come out swapped), each with :data:`NEAR_COPY_MIN_WORDS` participant words or more.
    Words in runs said in transcripts of two other cases or more (a guide, questionnaire items,
    a consent statement or a vignette read aloud) are left out: a participant reading the same
    text in two interviews is no copy. A stream knows only the cases read before, the first
    transcripts none; two files alone, nothing is common. A draft and its final, or a Zoom .vtt
    beside the cleaned transcript, would both be coded, every count of the case doubled; a .vtt
    named by Zoom (``GMT20240412-zoom.vtt``) whose participant is labelled by name is another
    case, counted twice toward saturation. Every case is compared with every other: only a
    pair whose runs said in both, text of other cases aside, could reach the share (each run
    covers at most :data:`NEAR_COPY_RUN` words) has its share counted, each transcript's runs
    hashed once, so a study is checked in about the time it takes to hash its words. A copy of
    the same text is :func:`warn_if_same_text`'s.

    Three or four copies of one interview, each under a case of its own, are warned of too
    (fixer nearcopy, session 83): each pair's runs are said by a third case, all of it text
    common to the study, but two transcripts of :data:`NEAR_COPY_WHOLE_WORDS` participant words
    or more each saying :data:`NEAR_COPY_WHOLE` of the other's (:meth:`Heard.whole_in`) are one
    interview whoever else says them; and once two cases are found to hold one interview
    (:attr:`NearCopies.copies`), their transcripts are no other case to a third copy (cut
    short, or with more errors), which is named in a line of its own."""
    case = t.participant
    if not case:
        return
    import numpy as np

    from .run_index import narrow, runs_of

    reading = seen.reading(t)
    known = seen.known.pop(reading, None)
    if known is not None:
        kept, counts = known  # hashed when the study was counted
    else:
        _, kept, counts = seen.words_of(t)
    roles = turn_roles(t, seen.store.get(counts))
    every = runs_of(seen.store.get(kept), NEAR_COPY_RUN, True)
    seen.study.add(case, every)
    if (roles == _SPOKEN_BY["participant"]).sum() < NEAR_COPY_MIN_WORDS:
        return
    heard = Heard(said_source(t) or t.id, t, kept, roles, reading[2], seen.store)
    answers = heard.runs("participant")
    heard.count(seen.study, answers)
    count = len(seen.read)
    # Only runs said by fewer than NEAR_COPY_COMMON_TO_ANY cases are asked of the indexes, and
    # only those are in them: a run more cases say is common to any pair (and stays so as the
    # study is read), and the share of words in no common run must reach NEAR_COPY_SHARE of
    # at least NEAR_COPY_MIN_WORDS words (text every case says had made every pair a
    # candidate, each run found in every transcript: 47 s for 130 files). The runs of t's
    # participant said by each read before (in any of its words); each's participant's said
    # by t.
    saying = seen.study.cases_saying(answers)
    rare = answers[saying < NEAR_COPY_COMMON_TO_ANY]
    ours = seen.said.shared(narrow(rare), count, times_here=True)
    spoken = np.unique(np.concatenate([every, answers, heard.runs("interviewer")]))
    spoken_by = seen.study.cases_saying(spoken)
    runs = spoken[spoken_by < NEAR_COPY_COMMON_TO_ANY]
    theirs = seen.answered.shared(narrow(runs), count, times_here=False)
    # the least hashes of t's participant runs said by NEAR_COPY_GROUP cases at most, and how
    # many of each's read before t says (Heard.whole_in: a copy, a third copy saying it too)
    few = answers[saying <= NEAR_COPY_GROUP]
    if len(few) > 4 * NEAR_COPY_MARKS:  # the least of them, some perhaps said twice
        few_least = np.partition(few, 4 * NEAR_COPY_MARKS)[: 4 * NEAR_COPY_MARKS + 1]
    else:
        few_least = few
    marks = np.unique(few_least)[:NEAR_COPY_MARKS]
    heard.marked = len(marks)
    # each run covers at most NEAR_COPY_RUN words (text many cases say is most of each of a
    # generated corpus's interviews: no pair of them is a candidate)
    heard.few = len(few) * NEAR_COPY_RUN >= NEAR_COPY_WHOLE * heard.words
    marked = seen.marks.shared(narrow(spoken[spoken_by <= NEAR_COPY_GROUP]), count, times_here=True)
    found = None
    for number, other in enumerate(seen.read):
        shorter, longer = (heard, other) if heard.words <= other.words else (other, heard)
        # the shorter's participant's runs said by the other and by no third case, and the
        # longer's participant's (as the shorter's interviewer's, should its roles be swapped)
        rarely, back = (
            (ours[number], theirs[number]) if shorter is heard else (theirs[number], ours[number])
        )
        share, whole = 0.0, False
        if _may_share(shorter, rarely, seen.study) or _may_be_swapped(shorter, longer, back):
            share = shorter.share_in(longer, seen.study)
        if (
            shorter.words >= NEAR_COPY_WHOLE_WORDS
            and heard.few
            and other.few
            and other.marked
            and 2 * marked[number] >= other.marked  # most of its marks said: a candidate
        ):
            alike = shorter.whole_in(longer, seen.study)  # 0.0 below NEAR_COPY_WHOLE
            share, whole = max(share, alike), alike > 0
        if share < NEAR_COPY_SHARE and seen.copies:
            share = _share_besides_copies(heard, other, marked[number], seen)
            whole = share >= NEAR_COPY_SHARE  # one more copy of an interview found whole
        if share >= NEAR_COPY_SHARE:
            _warn_near_copy(heard, other, share, seen, whole)
            found = number
            break
    if found is not None and seen.copies.get(case):
        # the copies of this interview in other cases are known now: a transcript read before
        # (a third copy with more errors, or cut short) whose runs they all say too is one more
        for number, other in enumerate(seen.read):
            if number != found and other.case not in seen.copies[case]:
                share = _share_besides_copies(heard, other, marked[number], seen)
                if share >= NEAR_COPY_SHARE:
                    _warn_near_copy(heard, other, share, seen, True)
    number = len(seen.read)
    seen.read.append(heard)
    seen.said.add(number, narrow(runs))
    seen.answered.add(number, narrow(rare))
    seen.marks.add(number, narrow(marks))


def _share_besides_copies(heard: Heard, other: Heard, marked: int, seen: NearCopies) -> float:
    """:meth:`Heard.share_in` of the shorter of ``heard`` and ``other`` (read before) in the
    longer, when either's case is known to hold a copy of an interview another case holds too
    (:attr:`NearCopies.copies`), whose transcripts' runs count as the pair's own: a third copy
    says all the runs of the pair, and is no other case's text. 0.0 when neither's is, or when
    ``heard`` says fewer than an eighth of ``other``'s marks (``marked``: a copy with errors
    on a quarter of its words says about a third, 0.75 ** 4, of its runs) or ``other`` has
    none."""
    if not other.marked or 8 * marked < other.marked:
        return 0.0  # none of its runs is said by few cases, or few of them by heard
    copies = seen.copies.get(heard.case, frozenset()) | seen.copies.get(other.case, frozenset())
    if not copies:
        return 0.0
    shorter, longer = (heard, other) if heard.words <= other.words else (other, heard)
    return shorter.share_in(longer, seen.study, copies)


def _warn_near_copy(
    heard: Heard, other: Heard, share: float, seen: NearCopies, whole: bool
) -> None:
    """Warn that ``heard`` and ``other`` (read before) are one interview twice, the shorter's
    ``share`` of participant words said in the other too, and, of two cases each saying
    nearly all of the other (``whole``: :meth:`Heard.whole_in`, or a third copy of such a
    pair), note the two as cases holding copies of one interview (:attr:`NearCopies.copies`).
    A pair whose shorter only is said in the other is not noted: a stream's first two cases
    each reading a vignette aloud are called one (no other case yet tells the vignette as
    common text), and with the two noted, every later case reading it was called one too."""
    case, first = heard.case, other.source
    if other.case != case and whole:
        group = seen.copies.get(case, frozenset({case})) | seen.copies.get(
            other.case, frozenset({other.case})
        )
        seen.copies.update(dict.fromkeys(group, group))
    if heard.digest == other.digest:
        return  # the same text is warn_if_same_text's
    alike = (
        f"is nearly the same text as {first} ({share:.0%} of the participant words of "
        f"the shorter said in the other too, {NEAR_COPY_RUN} or more in a row)"
    )
    if other.case == case:
        said_of = (
            f"both case {case}: one interview saved twice (a draft and its final, a "
            "recording's captions beside its transcript) would be coded twice, every "
            "count of the case doubled (leave one out)"
        )
    else:
        said_of = (
            f"read as case {case} and {first} as case {other.case}: one "
            "interview saved twice under two names (a recording's "
            "captions named by the recorder beside its transcript, a draft and its "
            "final) would be coded twice and counted as two cases toward saturation "
            "(leave one out)"
        )
    warn(f"{alike}, {said_of}", path=heard.source)


def _may_share(shorter: Heard, rarely: int, study: CaseRuns) -> bool:
    """Whether ``shorter``'s participant words could reach :data:`NEAR_COPY_SHARE` in the
    other's participant's runs (:meth:`Heard.share_in`), ``rarely`` of its participant's runs
    said by no third case being said by the other: a share of at least
    :data:`NEAR_COPY_MIN_WORDS` words in no common run, in runs said in both (half the share,
    should the roles be swapped: the participant's words in the other's interviewer's), each
    covering at most :data:`NEAR_COPY_RUN` words."""
    if shorter.alone < NEAR_COPY_MIN_WORDS:
        return False  # too few words in no run common to any pair (counted before: no fewer)
    enough = NEAR_COPY_SHARE / (2 if shorter.asked >= NEAR_COPY_MIN_WORDS else 1)
    if rarely * NEAR_COPY_RUN < enough * NEAR_COPY_MIN_WORDS:
        return False  # too few runs said in both and by no third case to cover the share
    shorter.count(study)  # a stream: the study's cases have said more since
    if shorter.alone < NEAR_COPY_MIN_WORDS:
        return False
    # too few runs said in both to cover the share of the shorter's words?
    return (rarely + shorter.common) * NEAR_COPY_RUN >= enough * shorter.words


def _may_be_swapped(shorter: Heard, longer: Heard, back: int) -> bool:
    """Whether ``shorter``'s interviewer's words could reach :data:`NEAR_COPY_SHARE` in
    ``longer``'s participant's runs (its roles swapped, :meth:`Heard.share_in`), ``back`` of
    ``longer``'s participant's runs said by no third case being said in ``shorter``: its
    participant's words may all be text common to the study (the guide's questions). Only
    when its interviewer says more than its participant, as a participant does: of
    ``make_corpus.py``'s interviews, whose participants say one another's sentences, every
    pair had its shares counted (13.8 s of CPU for 52 interviews, 1.3 s before)."""
    if shorter.lost or longer.lost or shorter.asked <= max(shorter.words, NEAR_COPY_MIN_WORDS):
        return False
    return back * NEAR_COPY_RUN >= NEAR_COPY_SHARE * NEAR_COPY_MIN_WORDS


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a directory stands for its supported transcript files, in name order
    with numbers compared as numbers (``p2`` before ``p10``), not those of its subfolders (a
    directory whose transcripts are all in subfolders is an error naming them). Files named one
    by one in plain text order (a shell's ``*.vtt``: ``p1, p10, p2``) are put in that natural
    order too, with a warning. Names holding dates written year last whose order is not the
    files' (``04-09-2020`` before ``06-07-2020``) are warned of, the order kept.

    A directory holding ``run.json`` is a ``roqa code`` output folder, not transcripts: an error
    pointing to ``CodingResult.read`` and ``roqa report``. In a directory, a README
    (``README.md``, ``readme.txt``) and a table whose header is roqa's codings or decisions
    (``codings.csv`` or ``.xlsx``, a decisions file, a sheet of quotes copied from them:
    :func:`~roqa_nlp.transcripts.csv.is_roqa_csv`), a table without speaker and text columns (the
    participants' details), a video call's saved chat, a JSON file that is not a Whisper
    transcript, a PDF without speaker labels (a consent form) and a ``.qdpx`` roqa exported
    of transcripts beside it (``roqa code study --qdpx study/p.qdpx``) are left out with a
    :class:`~roqa_nlp.errors.RoqaWarning` naming them; named explicitly, a README or such a PDF
    is read and such a CSV is an error. A Word or Excel lock file (``~$P01.docx``, which a
    directory skips silently) that a glob picked up is left out with a warning, an error when it
    is all that is given (:func:`_leave_out_lock_files`).
    """
    paths = list(paths)
    files: list[Path] = []
    locks: list[Path] = []  # Word's or Excel's lock files a glob took (~$p01.docx)
    for item in paths:
        p = Path(item)
        as_text = text_given_as_path(item)
        if as_text is not None:
            raise as_text
        if not p.exists():  # before its extension is looked at: 'interviews/' mistyped
            from ..io import missing_path_hint, near_path

            if str(p) == "-":  # as `roqa suggest -` reads standard input (cli2, session 80)
                raise RoqaValueError(
                    "is standard input, which is not read here: transcripts are read from files",
                    path=p,
                    hint="save the text in a file, such as p01.txt, and give its name",
                )

            near = near_path(p)
            raise RoqaFileNotFoundError(
                "file or folder not found",
                path=p,
                hint=missing_path_hint(
                    p, "check the path" if near is None else f"did you mean {near}?"
                ),
            )
        if not p.is_dir():
            if p.name.startswith(_LOCK_PREFIX):  # a glob's: said as what it is, not as damaged
                locks.append(p)
                continue
            files.append(p)
            continue
        if (p / _OUTPUT_MARKER).is_file():
            from ..io import shell_quoted

            raise RoqaValueError(
                f"is a roqa coding output folder (it holds {_OUTPUT_MARKER}), not transcripts",
                path=p,
                hint=f"read its codings with CodingResult.read({str(p)!r}) or "
                f"`roqa report {shell_quoted(p)}`; "
                "give the folder of transcript files to code them",
            )
        from ..io import MODEL_CARD

        if (p / MODEL_CARD).is_file():  # its JSON files were left out, then "no transcripts"
            raise RoqaValueError(
                f"is a model folder (it holds {MODEL_CARD}), not transcripts",
                path=p,
                hint="give the folder of transcript files to code them, and a model folder "
                "with --model",
            )
        inside = [f for f in _listed_files(p) if f.suffix.lower() in SUPPORTED_EXTENSIONS]
        for leave_out, why in _NOT_TRANSCRIPTS:
            left = [f for f in inside if leave_out(f)]
            if not left:
                continue
            if isinstance(why, str):
                warn(f"left out {first_few([f.name for f in left])}: {why}", path=p)
            else:  # a reason of its own for each file
                for f in left:
                    warn(f"left out {f.name}: {why(f)}", path=p)
            inside = [f for f in inside if f not in left]
        nested = [] if inside else skipped_folders(p)
        if nested:
            raise RoqaValueError(
                "holds no transcripts itself, only in its subfolder(s) "
                f"{first_few([d.name for d in nested])}, which are not read",
                path=p,
                hint=f"give the subfolders themselves, e.g. {nested[0]}",
            )
        if not inside:
            raise RoqaValueError(
                f"holds no transcripts (supported: {_SUPPORTED_TEXT})",
                path=p,
                hint="give a directory of transcript files",
            )
        files.extend(inside)
    if locks:
        _leave_out_lock_files(locks, files)
    files = _numbers_as_numbers(files, paths)
    _warn_if_dates_out_of_order(files)
    return files


def _leave_out_lock_files(locks: list[Path], files: list[Path]) -> None:
    """Word's or Excel's lock files given by name (``~$p01.docx``, which ``word/*.docx`` takes
    while p01.docx is open): left out with one warning naming them, as a folder leaves them out
    silently, when other files are given (before session 86 the run stopped over them: docswalk
    L4); an error when they are all that is given, as there is then nothing to read."""
    one = "the lock file Word or Excel keeps beside a document while it is open, not a transcript"
    if not files:
        raise RoqaValueError(
            f"is {one}",
            path=locks[0],
            hint="leave it out: give the folder, or the documents by name; it goes when "
            "the document is closed",
        )
    if len(locks) == 1:
        warn(f"left out: it is {one}", path=locks[0])
        return
    warn(
        f"left out {first_few([str(p) for p in locks])}: the lock files Word or Excel keeps beside "
        "documents while they are open, not transcripts",
        path=None,
    )


def _warn_if_dates_out_of_order(files: list[Path]) -> None:
    """Warn when the files' names hold dates written year last (``06-07-2020``) that are not in
    the order the files are coded in, the order saturation is judged in: a folder's files by
    name put ``04-09-2020`` before ``06-07-2020`` (:func:`~roqa_nlp.name_dates.dated_order_note`,
    which says how to give the order; s59 sat, finding 1)."""
    from ..name_dates import dated_order_note

    stems = [f.stem for f in files if f.suffix.lower() != ".qdpx"]  # a project's are not ids
    # no Python advice: the warning is a roqa code run's too (s60 hunt, finding L4)
    note = dated_order_note(
        stems, f"the {len(stems)} files are coded in the order saturation is judged in"
    )
    if note:
        warn(note)


def _without_labels(f: Path, suffixes: tuple[str, ...]) -> bool:
    """Whether ``f`` (of one of ``suffixes``) has no speaker label in it: a consent form or an
    information sheet a study folder holds beside its transcripts. A file that cannot be read
    has labels, so that reading it names what is wrong."""
    if f.suffix.lower() not in suffixes:
        return False
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # read again when coded, and warned of then
            return _reader(f)(f).metadata.get("speaker_labels") is False
    except RoqaError:
        return False


def _pdf_without_labels(f: Path) -> bool:
    return _without_labels(f, (".pdf",))


def _page_without_labels(f: Path) -> bool:
    return _without_labels(f, _PAGES) and not _is_roqa_report(f)


def _is_roqa_report(f: Path) -> bool:
    """Whether ``f`` is a report ``roqa`` wrote (its head names roqa_nlp as its generator)."""
    if f.suffix.lower() not in _PAGES:
        return False
    try:
        with open(f, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    from .html import ROQA_REPORT_MARK

    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # re-saved as UTF-16 (s62 last hunter)
        return ROQA_REPORT_MARK in head.decode("utf-16", errors="ignore")
    return ROQA_REPORT_MARK.encode() in head


def _is_roqa_csv(f: Path) -> bool:
    if f.suffix.lower() not in _TABLES:
        return False  # the table reader is not imported for a folder of .txt files
    from .csv import is_roqa_csv

    return is_roqa_csv(f)


def _is_roqa_docx(f: Path) -> bool:
    if f.suffix.lower() != ".docx":
        return False
    from .docx import is_roqa_docx

    return is_roqa_docx(f)


def _is_chat_log(f: Path) -> bool:
    import warnings

    if f.suffix.lower() != ".txt":
        return False
    from ..io import decode_text, read_bytes
    from .chat import is_chat_log, is_saved_chat

    try:
        # decoded as the .txt reader decodes it (Windows-1252 too), its warning left to reading
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = decode_text(read_bytes(f), f, windows_1252=True)
    except RoqaError:  # unreadable: reading it names what is wrong
        return False
    if not is_chat_log(text):  # the shape first: most files are not, and labels cost more
        return False
    from .speaker_labels import line_labels

    lines = text.split("\n")
    return is_saved_chat(lines, [m is not None for m in line_labels(lines)])


def _is_roqa_project_of_neighbours(f: Path) -> bool:
    """Whether ``f`` is a REFI-QDA project roqa exported (its ``origin``) whose every transcript
    has a transcript file of the same id beside it: `roqa code study --qdpx study/suggestions.qdpx`
    put there, whose sources the next run read as more interviews, "two transcripts share the
    id". A source with no transcript beside it (only its recording, a JSON file or notes that
    are not read as a transcript) is read from the project, so the project is.

    Only the project's transcript ids are read (not its turns or codings), and only the files
    beside it named as one of them are looked into, each until one is a transcript."""
    import warnings

    from ..io import _qda_origin

    if f.suffix.lower() != ".qdpx":
        return False
    kind, origin = _qda_origin(f)
    if kind != "project" or origin.split(" ")[0] != "roqa_nlp":
        return False
    try:
        from ..exchange.qdpx_import import read_qdpx_transcript_ids

        ids = read_qdpx_transcript_ids(f)
    except (ImportError, RoqaError):  # unreadable: reading it names what is wrong
        return False
    named: dict[str, list[Path]] = {}
    for g in _listed_files(f.parent):
        if (
            g.stem in ids
            and g.suffix.lower() in SUPPORTED_EXTENSIONS
            and g.suffix.lower() != ".qdpx"
        ):
            named.setdefault(g.stem, []).append(g)
    if not ids or named.keys() != ids:
        return False
    others = [rule for rule, _ in _NOT_TRANSCRIPTS if rule is not _is_roqa_project_of_neighbours]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # read again if it is read, and warned of then
            return all(
                any(not any(rule(g) for rule in others) for g in files) for files in named.values()
            )
    except RoqaError:  # unreadable: reading it names what is wrong
        return False


def _json_not_whisper(f: Path) -> bool:
    if f.suffix.lower() != ".json":
        return False
    from .whisper_json import is_whisper_json

    return not is_whisper_json(f)


def _table_without_columns(f: Path) -> bool:
    if f.suffix.lower() not in _TABLES:  # the table reader's module imports many patterns
        return False
    from .csv import names_transcript_columns

    return not names_transcript_columns(f)


def _columns_lacking(f: Path) -> str:
    """Why the table ``f`` is left out of a folder (:func:`_table_without_columns`), in the
    words of the error reading it on its own gives (:func:`.csv.lacking_columns`)."""
    from .csv import COLUMNS_HINT, header_cells, lacking_columns, later_transcript_sheet_of

    lacking = lacking_columns(header_cells(f) or [])
    later = later_transcript_sheet_of(f)
    if later is not None:  # only the first sheet is read (hunt s63 h_tab, R2)
        return (
            f"its first sheet {lacking}, so it is not read as a transcript ({later[0]}: {later[1]})"
        )
    return (
        f"{lacking}, so it is not read as a transcript "
        f"(participants' details?); if it is one, {COLUMNS_HINT}"
    )


#: The files of a folder that are not read as transcripts though their extension is one, each
#: test with why, in the order they are warned of (:func:`expand_paths`).
_NOT_TRANSCRIPTS: tuple[tuple[Callable[[Path], bool], str | Callable[[Path], str]], ...] = (
    (
        lambda f: f.stem.casefold() == "readme",
        "a README is not read as a transcript (name the file on its own to read it)",
    ),
    (
        _is_roqa_csv,
        "roqa's own output (codings or decisions, a table with its segment_id, or name_1 and "
        "probability_1, columns), not a transcript",
    ),
    (
        _is_roqa_docx,
        "roqa's own output (a Word document it wrote, such as Table 2), not a transcript",
    ),
    (_table_without_columns, _columns_lacking),
    (
        _is_chat_log,
        "a video call's saved chat ('00:05:12 From Sam Roe to Everyone:'), not its transcript "
        "(name the file on its own to read it)",
    ),
    (
        _json_not_whisper,
        "a JSON file that is not a Whisper transcript (settings or results?) is not read",
    ),
    (_is_roqa_report, "roqa's own report, not a transcript"),
    (
        _is_roqa_project_of_neighbours,
        "a REFI-QDA project roqa exported, of transcripts in this folder, not more of them "
        "(name the file on its own to read it)",
    ),
    (
        _page_without_labels,
        "a web page without speaker labels is not read from a folder (name the file on its own "
        "to read it)",
    ),
    (
        _pdf_without_labels,
        "a PDF without speaker labels (a consent form or an information sheet?) is not read "
        "from a folder (name the file on its own to read it)",
    ),
)


#: The rules of :data:`_NOT_TRANSCRIPTS` that read no more than a file's name, its header
#: line or its document properties (a README, roqa's own CSV or Word document, a table without
#: speaker and text columns): cheap enough to tell a subfolder of transcripts from one of
#: codings (``examples/gold``).
_NOT_READ_BY_NAME_OR_HEADER = _NOT_TRANSCRIPTS[:4]


def _numbers_as_numbers(files: list[Path], given: Iterable[str | Path]) -> list[Path]:
    """``files`` in natural order (``p2`` before ``p10``) when they were all named one by one in
    plain text order, as a shell's ``*.vtt`` lists them (``p1, p10, p11, ..., p2``), from one
    folder: the order interviews are coded in is the order saturation is judged in, and no one
    numbers interviews that way. Any other order given is kept as given."""
    named = [str(Path(x)) for x in given]
    if len(files) < 2 or len(named) != len(files) or [str(f) for f in files] != named:
        return files  # a folder among them, or not a plain list of files
    if len({f.parent for f in files}) > 1:
        return files  # from several folders: not one shell pattern's list, kept as given
    natural = sorted(files, key=lambda f: natural_key(str(f)))
    if named != sorted(named) or natural == files:
        return files
    shown = first_few([f.stem for f in natural])
    warn(
        f"the {len(files)} files came in text order ({files[0].stem}, {files[1].stem}, ...), as a "
        f"shell lists them; they are coded with numbers as numbers ({shown}), the order "
        "saturation is judged in (`roqa report --order` sets another)"
    )
    return natural


def same_id(name: str) -> str:
    """``name`` with its numbers written without leading zeros, in lower case: ``P03``, ``p3``
    and ``P3`` are one interviewee (an interview order, a subset, a participant's transcripts)."""
    return re.sub(r"\d+", lambda m: str(int(m.group())), name).casefold()


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders ``P2`` before ``P10`` and ``IS.D.2`` before ``IS.D.10`` (digits
    compare as numbers, letters regardless of case): interviews numbered without leading zeros
    are read, charted and judged for saturation in the order they were done. Texts equal but for
    case keep one fixed order (``P1a`` before ``p1a``), whatever order they came in."""
    parts = tuple(
        (0, int(part), "") if part.isdecimal() else (1, 0, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )
    return parts, text


def _listed_files(directory: Path) -> list[Path]:
    """The files of ``directory`` in name order (numbers as numbers, :func:`natural_key`),
    without hidden files and Word lock files."""
    return sorted(
        (
            f
            for f in directory.iterdir()
            if f.is_file() and not f.name.startswith(_IGNORED_PREFIXES)
        ),
        key=lambda f: natural_key(f.name),
    )


def transcript_files_in(directory: Path) -> list[Path]:
    """The files of ``directory`` that :func:`expand_paths` reads as its transcripts (without
    its warnings, and not those of its subfolders), in name order: a folder holding any is one
    an output folder must not be (:func:`~roqa_nlp.io.refuse_unfit_out_folder`)."""
    inside = [f for f in _listed_files(directory) if f.suffix.lower() in SUPPORTED_EXTENSIONS]
    return [f for f in inside if not any(leave_out(f) for leave_out, _ in _NOT_TRANSCRIPTS)]


def skipped_files(directory: Path) -> list[Path]:
    """The files of ``directory`` that :func:`expand_paths` leaves out for their extension
    (hidden files and Word lock files are not counted), in name order."""
    return [f for f in _listed_files(directory) if f.suffix.lower() not in SUPPORTED_EXTENSIONS]


def skipped_folders(directory: Path) -> list[Path]:
    """The subfolders of ``directory`` that hold transcript files, in them or deeper, in name
    order: :func:`expand_paths` reads only the files directly in a directory. Hidden folders and
    ``roqa code`` output folders are not counted, nor PDFs (papers and forms as often as
    transcripts)."""
    return sorted(
        d
        for d in directory.iterdir()
        if d.is_dir() and not d.name.startswith(_IGNORED_PREFIXES) and _holds_transcripts(d)
    )


#: Extensions a subfolder's files are not taken as transcripts for: a folder of PDFs is as
#: likely papers or consent forms, one of JSON files settings or results, and telling them apart
#: means reading every one of them.
_NOT_COUNTED_IN_SUBFOLDERS = (".pdf", ".json")


def _holds_transcripts(folder: Path) -> bool:
    for root, dirs, names in os.walk(folder):
        if _OUTPUT_MARKER in names:
            dirs.clear()
            continue
        dirs[:] = [d for d in dirs if not d.startswith(_IGNORED_PREFIXES)]
        if any(
            Path(n).suffix.lower() in SUPPORTED_EXTENSIONS
            and Path(n).suffix.lower() not in _NOT_COUNTED_IN_SUBFOLDERS
            and not any(leave_out(Path(root) / n) for leave_out, _ in _NOT_READ_BY_NAME_OR_HEADER)
            for n in names
            if not n.startswith(_IGNORED_PREFIXES)
        ):
            return True
    return False


def read_transcripts(
    paths: str | Path | Iterable[str | Path],
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant_labels: Sequence[str] | None = None,
) -> list[Transcript]:
    """Read transcript files; a directory stands for its supported files, in name order.

    Files inside a directory whose extension is not supported, hidden files and Word lock files
    (``~$...``) are skipped, and so, with a warning, are READMEs and roqa's own CSV files (see
    :func:`expand_paths`); a file named explicitly must be supported. A ``roqa code`` output
    folder is an error. Transcript ids (file stems) must be unique, because segment ids and the
    framework matrix are keyed by them. ``interviewer_labels`` are added to the default
    interviewer labels, ``participant_labels`` overrule them, and each transcript is warned of
    as by :func:`read_transcript`. Every file is read before an error is raised: one file that
    cannot be read raises its own error, several a :class:`~roqa_nlp.errors.RoqaErrors` naming
    each (its ``errors``), so that all are fixed at once.
    """
    from .language import warn_of_reading

    paths = given_inputs(paths, "read_transcripts")
    out = read_files(paths, with_default_labels(interviewer_labels, participant_labels))
    for t in out:
        warn_of_reading(t, stacklevel=2)
    return out


def given_inputs(items: Any, call: str, *, transcripts: bool = False) -> list[Any]:
    """``items`` (a path, a :class:`~roqa_nlp.schema.Transcript` when ``transcripts``, or an
    iterable of these) as a list, checked: another type, an item of another type or an empty
    list (a glob that matched nothing) is a one-line error naming ``call``."""
    from ..schema import Transcript

    one: tuple[type, ...] = (str, os.PathLike) + ((Transcript,) if transcripts else ())
    if transcripts:
        kinds, what = "transcript files, folders or Transcripts", "a path or a Transcript"
        hint = (
            "give a transcript file, a folder of them or a list of these, "
            "e.g. ac.code('interviews/')"
        )
        verb = "code"
    else:
        kinds, what = "transcript files or folders", "a path"
        hint = "give a path or a list of paths"
        verb = "read"
    refuse_unordered(
        items,
        call,
        kinds,
        "the transcripts would come in another order each run, and saturation and the matrix "
        "follow their order",
        f"{'ac.' if transcripts else ''}{call}(sorted(paths))",
    )
    if isinstance(items, one):
        out = [items]
    elif isinstance(items, (bytes, Mapping)) or not isinstance(items, Iterable):
        raise RoqaTypeError(f"{call}() takes {kinds}, not {a_type(items)}", hint=hint)
    else:
        out = list(items)
    if not out:
        raise RoqaValueError(
            f"{call}() was given an empty list: no transcripts to {verb}",
            hint="did a glob match nothing? give transcript files or a folder of them",
        )
    for i, item in enumerate(out, 1):
        if not isinstance(item, one):
            raise RoqaTypeError(
                f"item {i} of {call}()'s inputs is {a_type(item)}, not {what}", hint=hint
            )
        as_text = text_given_as_path(item) if isinstance(item, (str, os.PathLike)) else None
        if as_text is not None:  # before any path is looked at: a name too long raises
            raise as_text
    return out


@hashing_run()  # each file hashed once a call: its reading and its check for a copy
def read_files(
    paths: str | Path | Iterable[str | Path],
    interviewer_labels: Sequence[str] | None,
    *,
    whole_study: bool = True,
    cache: ReadingCache | None = None,
) -> list[Transcript]:
    """:func:`read_transcripts` with exactly ``interviewer_labels`` (the defaults not added) and
    no speaker warnings (the caller issues them). A transcript none of whose speakers is the
    interviewer takes the study's: who interviews in the others
    (:func:`~roqa_nlp.transcripts.roles.with_study_interviewers`), and an interviewer label
    given that names a speaker of another file is not recorded as unmatched in one without it
    (:func:`~roqa_nlp.transcripts.roles.with_labels_matched_elsewhere`). With ``whole_study``, the
    files are the study, so their cases are taken from one another
    (:class:`~roqa_nlp.transcripts.roles.StudyCases`: a template's ``Participant 1`` in every
    file names no one) and a participant id label speaking in several of them is warned of;
    ``False`` leaves both to a caller reading the study in parts. A file unchanged since it was
    read into ``cache`` is not read again (:mod:`~roqa_nlp.transcripts.reading_cache`)."""
    from ..pseudonymised_copies import marked_if_copy
    from .reading_cache import cached_reading
    from .roles import (
        StudyCases,
        labels_matched,
        numbered_case,
        participant_names,
        study_interviewers,
        unmatched_labels,
        with_labels_matched_elsewhere,
        with_study_interviewers,
    )

    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Transcript] = []
    seen: dict[str, str] = {}
    same: dict[str, tuple[str, str | None]] = {}
    unreadable = Unreadable()
    for f in expand_paths(paths):
        qdpx = f.suffix.lower() == ".qdpx"
        try:
            found = (
                _read_qdpx(f, interviewer_labels)
                if qdpx
                else [
                    cached_reading(
                        f, cache, partial(_read_one, f, interviewer_labels), interviewer_labels
                    )
                ]
            )
        except RoqaError as e:
            if e.path is None:
                raise
            unreadable.add(e)
            continue
        if not qdpx:  # a copy `roqa pseudonymise` wrote is a pseudonymised transcript
            found = [marked_if_copy(f, t) for t in found]
        for t in found:
            if t.id in seen:
                unreadable.add(
                    shared_id_error(
                        t.id, f, seen[t.id], said_source(t) if qdpx else None, transcript=t
                    )
                )
                continue
            seen[t.id] = str(f)
            warn_if_same_text(t, same)
            out.append(t)
    unreadable.refuse()
    interviewers = study_interviewers(out)
    out = [with_study_interviewers(t, interviewers) for t in out]
    given = {label for t in out for label in unmatched_labels(t)}
    if given:  # a name given that speaks in another file is no mistyped name here
        matched = labels_matched((u.speaker for t in out for u in t.turns), given)
        out = [with_labels_matched_elsewhere(t, matched) for t in out]
    if not whole_study:
        return out
    cases = StudyCases.of((numbered_case(t) for t in out), [participant_names(t) for t in out])
    for line in cases.warnings():
        warn(line)
    out = [cases.apply(t) for t in out]
    near = NearCopies()
    near.know(out)  # the whole study: text common to its cases known from the first pair on
    for t in out:
        warn_if_near_copy(t, near)  # a draft and its final: one interview coded twice
    return out


class Unreadable:
    """The errors of a study's transcripts that cannot be read (or share an id with one read
    before), gathered while every other file is read, so that one run names them all: a
    folder's three broken files took three fix-and-rerun rounds when the first stopped the
    run (s65 tester, big, finding 1)."""

    def __init__(self) -> None:
        self.errors: list[RoqaError] = []
        #: the id of each transcript read so far, and the file it came from
        self.ids: dict[str, str | None] = {}

    def shares_id(self, transcript: Transcript) -> bool:
        """Whether ``transcript`` has the id of one read before in this pass (a file given
        twice, two files of one name, two projects holding one source): its error
        (:func:`shared_id_error`) is then kept, for the caller to pass it over. The one check
        of both engines of ``roqa code``: the Ray engine compared file names, passing over the
        transcripts of .qdpx projects (hunt s66 h_unread D4)."""
        source = transcript.source or None
        if transcript.id not in self.ids:
            self.ids[transcript.id] = source
            return False
        first = self.ids[transcript.id]
        said = said_source(transcript)
        self.add(shared_id_error(transcript.id, source, first, said, transcript=transcript))
        return True

    def add(self, error: RoqaError) -> None:
        """Keep ``error``, or each error of several (a folder's, read at once)."""
        for one in error.errors if isinstance(error, RoqaErrors) else [error]:
            if str(one) not in map(str, self.errors):  # an empty file given twice: said once
                self.errors.append(one)

    def refuse(self) -> None:
        """Raise what was gathered: one error as it is, several as one
        :class:`~roqa_nlp.errors.RoqaErrors`; nothing when every file could be read."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if not self.errors:
            return
        unread, shared = count_unusable(self.errors)
        said = [  # "1 transcript" where one of each kind (hunt s66 h_unread R1)
            *([f"{unread} transcript{'s' * (unread != 1)} cannot be read"] if unread else []),
            *(
                [f"{shared} transcript{'s' * (shared != 1)} cannot be used as given"]
                if shared
                else []
            ),
        ]
        raise RoqaErrors(
            self.errors, " and ".join(said), hint=", and ".join(unusable_fixes(unread, shared))
        )


def read_each(
    items: Iterable[str | Path | Transcript],
    interviewer_labels: Sequence[str] | None,
    *,
    quiet: type[Warning],
    whole_study: bool = True,
    unreadable: Unreadable | None = None,
    cache: ReadingCache | None = None,
) -> Iterator[Transcript]:
    """The transcripts of ``items`` one at a time, each file read by :func:`read_files` alone
    (none is kept: memory stays flat), for a pass over a study before it is coded: warnings of
    category ``quiet`` are ignored while it runs (the coding pass issues them), a file that
    cannot be read is passed over, its error kept in ``unreadable`` when given (for the caller
    to refuse the study after this pass, a path not there raised at once; else coding it
    raises its error, in order), and a
    :class:`~roqa_nlp.schema.Transcript` item is given as it is."""
    import warnings

    from ..schema import Transcript

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", quiet)
        for item in items:
            if isinstance(item, Transcript):
                yield item
            elif isinstance(item, (str, Path)):
                try:
                    yield from read_files(
                        [item], interviewer_labels, whole_study=whole_study, cache=cache
                    )
                except RoqaFileNotFoundError:
                    if unreadable is not None:  # a path mistyped: said first, as the CLI says it
                        raise
                except RoqaError as e:
                    if unreadable is not None:
                        yield from _each_file_of(
                            item, e, interviewer_labels, whole_study, unreadable, cache
                        )


def _each_file_of(
    item: str | Path,
    error: RoqaError,
    interviewer_labels: Sequence[str] | None,
    whole_study: bool,
    unreadable: Unreadable,
    cache: ReadingCache | None = None,
) -> Iterator[Transcript]:
    """The transcripts :func:`read_each` gives of a folder ``item`` whose reading raised
    ``error``: each of its files read alone, those that can be, so that the caller finds the
    ids they share with other items' (fixer s66, unread: ``ac.code(["s2", "s1"])`` said 3
    errors where ``read_transcripts`` said 5, the next run failing on the other 2), the errors
    of the others kept in ``unreadable``. Only ``error`` is kept for a file or a folder whose
    files cannot be listed."""
    try:
        files = expand_paths([item]) if Path(item).is_dir() else []
    except RoqaError:
        files = []
    if not files:
        unreadable.add(error)
        return
    for f in files:
        try:
            yield from read_files([f], interviewer_labels, whole_study=whole_study, cache=cache)
        except RoqaError as e:
            unreadable.add(e)
