"""Import a REFI-QDA project (``.qdpx``): transcripts, codebook, and every user's codings.

What real exports contain, and what this reader copes with (see
``../shared/reference/refi-qda/README.md``): text sources as ``sources/<guid>.txt`` or
``Sources/...``, referenced as ``internal://x.txt``, ``relative://x.txt`` or a bare ``x.txt``;
inline ``<PlainTextContent>``; sources with only a ``.docx`` rendition (read with python-docx);
byte-order marks (UTF-8, UTF-16, UTF-32); sources without a name; users without a name; missing
optional elements.

Offsets: ``startPosition``/``endPosition`` are code points into the source's plain text. Text is
kept with ``\\n`` line endings like every other transcript reader; offsets are translated so that
each segment covers exactly the characters the selection covered. A program that counts UTF-16
code units instead (.NET and Qt strings are UTF-16; not verified for any program) counts an
emoji twice: when a source's text holds characters outside the Basic Multilingual Plane and only
reading its positions as UTF-16 units puts every selection inside the text at word edges, they
are read so, with one warning for the project (:func:`utf16_positions`), and the transcript
records the unit (:data:`~.plaintext.POSITION_UNIT`), which an export counts in again. A project
roqa wrote is read in code points, but for the sources its description lists as written in
UTF-16 units (:data:`~.qdpx_export.UTF16_RECORD`).

A person's valence codes (``Barrier``, ``Enabler``, ``Neutral``) are not codes: they give the
valence of the codes of the passage they are on (:func:`~.review.with_given_valence`). A
``<Note>`` a coded selection refers to (``<NoteRef>``) is its coder's note on the passage: in
their codings' meta under ``notes`` (:data:`~roqa_nlp.decisions.SEGMENT_NOTES`), and so is a
comment written on the selection itself (its ``<Description>``, less roqa_nlp's own lines).
What a partial review left out, which roqa's export records in the project's ``<Description>``
(:data:`~.qdpx_export.REVIEW_RECORD`), goes back into the reviewer's codings' meta, so that
their charts still say the review is partial; where the passages it decided are once the
program edited the project is :mod:`.review_placement`'s.

A recording's text transcript and a PDF's text representation are read as text sources, with
the passages coded in them (:mod:`.qdpx_media`; the time stamps of a transcript's sync points
are its passages' times).

Nothing that cannot be imported is dropped silently: a selection outside its text, a coding of an
unknown code, a source without text, picture sources and recordings and PDFs without text,
codings of a recording's time ranges or a PDF's regions, comments on selections whose
codings are not imported, source and case descriptions, variable
values (but roqa's record of a source's interviewers: :mod:`.interviewer_record`), notes on no coded passage and sets are each reported in :attr:`QdpxProject.warnings`
(:func:`read_qdpx_codings` and :func:`read_qdpx_transcripts` issue them as
:class:`~roqa_nlp.errors.RoqaWarning`). Code colours are kept (:attr:`QdpxProject.colors`). A
malformed or hostile archive is one :class:`RoqaError`.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import io
import json
import re
import unicodedata as ud
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from ..codebook import BUILTIN, Codebook, normalise_name
from ..decisions import REVIEWERS_VALENCE, SEGMENT_NOTES
from ..errors import RoqaError, RoqaValueError, as_written, first_few, warn
from ..io import bom_encodings, decode_unicode, given_path, windows_1252_text
from ..result import CodingResult
from ..schema import (
    Code,
    Segment,
    SegmentResult,
    Suggestion,
    Transcript,
    Turn,
    normalise_valence,
)
from .interviewer_record import (
    Guesses,
    guess_metadata,
    is_record,
    record_guids,
    recorded_guesses,
    recorded_roles,
)
from .interviewer_record import recorded as recorded_interviewers
from .plaintext import (
    LINE_ENDS,
    POSITION_UNIT,
    UTF16,
    NewlineMap,
    has_outside_bmp,
    line_ends,
    normalise_newlines,
    utf16_units,
)
from .qdpx_export import (
    CASE,
    CHART_RECORD,
    CODEBOOK_RECORD,
    MODEL_VALENCE,
    PROBABILITY_NOT_RECOVERED,
    REVIEW_RECORD,
    SUGGESTION_PREFIX,
    SUGGESTIONS_RECORD,
    UTF16_RECORD,
    VALENCE_PREFIX,
)
from .qdpx_media import FROM_MEDIA, selection_times, text_sources
from .qdpx_selection import LINE_PREFIX, PendingSelection
from .qdpx_selection import same_passage as _same_passage
from .refiqda import (
    CREATION_DATES,
    ORIGIN,
    REFI_GUIDS,
    VALENCE_CODE_GUIDS,
    VALENCE_CODES,
    VALENCE_GROUP,
    child,
    children,
    codebook_from_codes,
    date_time,
    is_guid,
    known_codebooks,
    local_name,
    normalise_guid,
    parse_xml,
    stable_guid,
    user_tag,
    with_guids,
)
from .review import (
    CODES_READ_AS,
    TwoValences,
    is_machine_user,
    valence_code,
    with_given_valence,
)
from .review_placement import decided_without_passage
from .safezip import DEFAULT_LIMITS, MEDIA_SUFFIXES, SafeZip, ZipLimits

#: Name under which codings with no ``creatingUser`` are filed.
UNKNOWN_USER = "unknown user"

# One suggestion in a selection's description; a selection that a program merged with others of
# the same span may hold several, a line each.
_SUGGESTION = re.compile(
    re.escape(SUGGESTION_PREFIX)
    + r"(?P<name>[^\n]+?) \(p=(?P<p>[0-9]*\.?[0-9]+), (?P<valence>[^)\n]*)\)"
)
# A suggestion whose probability was lost before (qdpx_export.unknown_suggestion_description).
_UNKNOWN_SUGGESTION = re.compile(
    re.escape(SUGGESTION_PREFIX) + r"[^\n]+? \(probability and valence not known\)"
)
_DOCUMENT_EXTENSIONS = {"txt", "md", "docx", "doc", "rtf", "odt", "vtt", "srt", "csv", "pdf"}
_NON_TEXT_SOURCES = {
    "PictureSource": "picture source",
    "PDFSource": "PDF source",
    "AudioSource": "audio source",
    "VideoSource": "video source",
}
_SKIPPED_PARTS = {
    "Sets": ("Set", "set"),
    "Graphs": ("Graph", "graph"),
    "Links": ("Link", "link"),
    "Variables": ("Variable", "variable"),
}


@dataclass(frozen=True)
class QdpxUser:
    """A user (coder) declared in the project, with their GUID as the project writes it (its
    case kept, braces left out), which an export of their codings gives them back."""

    guid: str
    name: str


@dataclass
class QdpxProject:
    """Everything imported from a ``.qdpx`` file.

    ``codings`` maps each user's name to that user's codings (users without codings are listed
    in ``users`` only). ``warnings`` lists, one line each, whatever could not be imported;
    ``source_warnings`` those of them about the sources and their text, the unit their selections
    are read in and what of the project is not imported (:func:`read_qdpx_transcripts`, so
    ``roqa code``, issues them). ``colors`` maps code ids
    to the colours the codes had (``#RRGGBB``).
    """

    path: Path
    name: str
    origin: str
    users: list[QdpxUser]
    codebook: Codebook
    transcripts: list[Transcript]
    codings: dict[str, CodingResult]
    warnings: list[str] = field(default_factory=list)
    source_warnings: list[str] = field(default_factory=list)
    colors: dict[str, str] = field(default_factory=dict)
    selection_count: int = 0  # imported selections (segments of all users)
    source_count: int = 0  # the project's sources of every kind, imported or not
    #: the selections not imported for their positions (outside the text, reversed, empty), by
    #: the name of each coder who coded them (``roqa agree``'s note names whose they were)
    dropped_by: dict[str, int] = field(default_factory=dict)
    coding_count: int = 0  # imported codings (one suggestion each)
    #: the passages a person gave two different valences, each said in ``warnings`` too
    #: (:class:`~roqa_nlp.exchange.review.TwoValences`: ``roqa agree`` counts them by coder)
    two_valences: list[TwoValences] = field(default_factory=list)

    def __repr__(self) -> str:
        coders = ", ".join(f"{u} ({len(r)})" for u, r in self.codings.items()) or "none"
        return (
            f"QdpxProject({self.name!r} from {self.origin or 'an unknown program'}: "
            f"{len(self.transcripts)} transcript(s), {len(self.codebook.codes)} codes, codings "
            f"by {coders}, {len(self.warnings)} warning(s))"
        )


# -- source text -----------------------------------------------------------------------------------

_INLINE_TEXT = re.compile(
    rb"(<(?:[\w.\-]+:)?PlainTextContent(?:\s[^>]*)?>)(.*?)(</(?:[\w.\-]+:)?PlainTextContent\s*>)",
    re.DOTALL,
)
_CDATA = re.compile(rb"(<!\[CDATA\[.*?\]\]>)", re.DOTALL)


def _escape_cr(content: bytes) -> bytes:
    """``content`` with each literal carriage return written as ``&#13;`` (in a CDATA section:
    the section closed around it), which an XML parser keeps instead of turning into ``\n``."""
    out: list[bytes] = []
    for part in _CDATA.split(content):
        if part.startswith(b"<![CDATA["):
            out.append(part.replace(b"\r", b"]]>&#13;<![CDATA["))
        else:
            out.append(part.replace(b"\r", b"&#13;"))
    return b"".join(out)


def keep_literal_cr(data: bytes) -> tuple[bytes, list[bool]]:
    """The project XML with the literal carriage returns inside ``<PlainTextContent>`` kept,
    and for each such element, in document order, whether it held any.

    An XML parser reads a literal ``\r\n`` in element content as ``\n`` (XML 1.0, 2.11), but
    a program that writes the text inline with its Windows line ends counts selections in that
    text, ``\r`` included, as in a ``.txt`` source. Escaping them first keeps the text as it was
    written, and the offsets are mapped as for a ``.txt`` source with ``\r\n``. A UTF-16
    document (with its byte order mark) is treated the same way and given back in UTF-16.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return data, []  # the parser names what is wrong with it
        if "\r" not in text:
            return data, []
        utf8, found = keep_literal_cr(text.encode("utf-8"))
        return utf8.decode("utf-8").encode("utf-16"), found
    if b"\r" not in data:
        return data, []
    flags: list[bool] = []

    def fix(m: re.Match[bytes]) -> bytes:
        flags.append(b"\r" in m.group(2))
        return m.group(1) + _escape_cr(m.group(2)) + m.group(3) if flags[-1] else m.group(0)

    fixed = _INLINE_TEXT.sub(fix, data)
    return fixed, flags


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), or UTF-32 or UTF-16 with BOM; None if it is none of them
    (:func:`roqa_nlp.io.decode_unicode`: ``FF FE 00 00`` is UTF-32 when it is valid UTF-32, else
    UTF-16 whose text starts with U+0000). A second U+FEFF after the mark is left out too."""
    text = decode_unicode(data)
    return text[1:] if text is not None and text.startswith("\ufeff") else text


def _member_for(z: SafeZip, ref: str, folder: str = "") -> tuple[str | None, bool]:
    """The archive member a source path refers to, and whether the path points outside the archive.

    ``internal://x`` and bare names live in ``sources/`` (any case) beside the project file (in
    ``folder`` when the project was zipped with its folder); ``relative://x`` is relative
    to the project's base path, outside the archive, but is looked for inside it too.
    """
    scheme, sep, rest = ref.partition("://")
    if not sep:
        scheme, rest = "", ref
    scheme = scheme.lower()
    external = scheme not in ("", "internal", "relative")
    if external:
        return None, True
    for name in dict.fromkeys([rest, unquote(rest)]):
        name = name.replace("\\", "/").lstrip("/")
        base = PurePosixPath(name).name
        for cand in (f"sources/{name}", name, f"sources/{base}", base):
            for prefix in dict.fromkeys([folder, ""]):
                hit = z.find(prefix + cand)
                if hit is not None:
                    return hit, False
    return None, scheme == "relative"


def _docx_text(data: bytes, label: str, limits: ZipLimits) -> str | None:
    """The paragraphs of a .docx, one per line (None if it is not a readable .docx).

    The inner archive gets the same checks as the project, and its XML parts are screened for
    DTDs and entities before python-docx parses them.
    """
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return None
    with SafeZip(data, label=label, limits=limits) as inner:
        for name in inner.names:
            if name.endswith((".xml", ".rels")):
                parse_xml(inner.read(name), label=f"{label}:{name}")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError):
        return None
    return "\n".join(p.text for p in document.paragraphs)


@dataclass
class _SourceText:
    raw: str
    member: str
    from_docx: bool = False


def _source_text(
    z: SafeZip,
    el: ET.Element,
    label: str,
    limits: ZipLimits,
    warnings: list[str],
    folder: str = "",
) -> _SourceText | None:
    inline = child(el, "PlainTextContent")
    if inline is not None and (inline.text or "").strip():
        return _SourceText(inline.text or "", "<PlainTextContent>")
    plain_ref = el.get("plainTextPath")
    rich_ref = el.get("richTextPath")
    plain: _SourceText | None = None
    for ref, is_plain in ((plain_ref, True), (rich_ref, False)):
        if not ref:
            continue
        member, external = _member_for(z, ref, folder)
        if member is None:
            where = "outside the archive" if external else "not in the archive"
            warnings.append(
                f"{label}: its file {as_written(ref)} is {where} (export the project again "
                "from the QDA program, with its sources in it)"
            )
            continue
        data = z.read(member)
        if is_plain or not member.lower().endswith(".docx"):
            text = _decode(data)
            if text is None and not bom_encodings(data) and b"\0" not in data:
                # one character a byte, as a transcript saved as "ANSI" is read (s62: dropped)
                text = windows_1252_text(data)
                if text is not None:
                    warnings.append(
                        f"{label}: {member} is not UTF-8 text: read as Windows-1252 (check its "
                        "accents and quotes in the imported transcript, or export the project "
                        "again with UTF-8 sources)"
                    )
            if text is None:
                warnings.append(f"{label}: {member} is not UTF-8, UTF-16 or UTF-32 text")
                continue
            plain = _SourceText(text, member)
            if text.strip():
                return plain
        else:
            text = _docx_text(data, f"{z.label}:{member}", limits)
            if text is None:
                warnings.append(f"{label}: {member} is not a readable .docx file")
                continue
            if text.strip():
                return _SourceText(text, member, from_docx=True)
    return plain


def _transcript_id(source_name: str) -> str:
    """A source's name without a document extension (qc names sources ``p01_interview.txt``),
    so that a transcript keeps its id when it comes back from a QDA program."""
    stem, dot, ext = source_name.rpartition(".")
    return stem if dot and stem and ext.lower() in _DOCUMENT_EXTENSIONS else source_name


def said_as(project: Path | str, transcript: Transcript) -> str:
    """How a message names an imported source: the project file and the source's name in the
    QDA program (``project.qdpx: source 'zoom_GMI_2020-07-14'``), as the import's other warnings
    name it, not the member the project keeps its text in (``sources/717ecb3a-….txt``: s71
    hunt, R2)."""
    name = transcript.metadata.get("refi_name") or transcript.id
    return f"{project}: source {name!r}"


def named_as_source(transcript: Transcript) -> Transcript:
    """``transcript`` with its ``source`` said as :func:`said_as` says it when it is a QDA
    project's source (``study.qdpx: source 'rm01'``: the project named by the ``source`` it was
    read with, ``study.qdpx:sources/2c147f00-….txt``), so that ``roqa inspect``'s heading and
    "check:" lines name it as ``roqa import`` does (s72 ids 2); any other as it is."""
    if transcript.metadata.get("format") != "qdpx" or not transcript.source:
        return transcript
    project, member = transcript.source.rsplit(":", 1) if ":" in transcript.source else ("", "")
    if not project or not member:
        return transcript
    return dataclasses.replace(transcript, source=said_as(project, transcript))


# -- turns ---------------------------------------------------------------------------------------


#: The metadata of the plain-text reader a source does not take: about the text read (a source
#: keeps the project's ``format``, ``qdpx``), and that it found no speaker label, whose warning
#: asks to label the turns, which a project's coded text cannot be without moving its
#: selections (every source of an unlabelled NVivo project would be warned of).
_READER_ONLY = ("format", "rendering", "speaker_labels")


def _turns(
    text: str, transcript_id: str, interviewer_labels: Sequence[str] | None = None
) -> tuple[list[Turn], str | None, dict[str, Any]]:
    """Turns, participant and speaker metadata of a source's text, found as the plain-text
    transcript reader does.

    QDA programs keep only the text, so speaker turns are re-derived from the speaker labels
    (``P04:``, ``Interviewer:``) exactly as for a ``.txt`` transcript, with the interviewer
    labels given (``roqa inspect``/``roqa code project.qdpx --interviewer "Sam Roe"``, as for
    any transcript: before session 68 they were accepted and left unused). The reader's
    metadata but :data:`_READER_ONLY` is what its speaker warnings read (an interviewer
    guessed, labels given that match no speaker): before session 71 it
    was dropped, so ``roqa import --interviewer "Sam Rowe"`` (a typo) was said as though no
    label were given, a typo in ``--participant`` and a guessed interviewer not at all.
    """
    from ..transcripts.text import parse_text

    try:
        parsed = parse_text(text, f"{transcript_id}.txt", interviewer_labels=interviewer_labels)
    except RoqaError:  # no speech found: a source of headings only
        return [], None, {}
    said = {k: v for k, v in parsed.metadata.items() if k not in _READER_ONLY}
    return parsed.turns, parsed.participant, said


# -- the reader ------------------------------------------------------------------------------------


_VALENCE_NOTE = re.compile(
    re.escape(VALENCE_PREFIX)
    + r"(?P<valence>[^(]*?)\s*(?:\((?:p=(?P<p>[0-9]*\.?[0-9]+)|(?P<model>"
    + re.escape(MODEL_VALENCE).replace("'", "['\u2019]")  # a program may curl the apostrophe
    + r"))\))?\s*$",
    re.IGNORECASE,
)

#: A valence a selection's description gives: the valence, its probability (None when not
#: known) and whether it is the model's, kept by the person (else the person's own).
ValenceNote = tuple[str, float | None, bool]


def _valence_note(description: str) -> ValenceNote | None:
    """The valence of a person's coded passage, as ``roqa export`` writes it in the selection's
    description: ``valence: barrier``, theirs; ``valence: barrier (p=0.550)``, the model's they
    kept, with its probability; ``valence: barrier (the model's)``, the model's, its
    probability not known. Else None."""
    m = _VALENCE_NOTE.match(description.strip())
    if m is None:
        return None
    try:
        valence = normalise_valence(m.group("valence"))
    except ValueError:
        return None
    p = None if m.group("p") is None else min(max(float(m.group("p")), 0.0), 1.0)
    return valence, p, p is not None or m.group("model") is not None


def _valence_and_comment(description: str) -> tuple[ValenceNote | None, str]:
    """The person's valence a selection's description gives (:func:`_valence_note`: a line
    ``valence: barrier`` as ``roqa export`` writes it; None when no line, or lines giving two
    different valences) and the rest of it: a comment the coder wrote there (a quotation's
    comment), "" when none."""
    lines = description.strip().splitlines()
    found = {i: v for i, line in enumerate(lines) if (v := _valence_note(line)) is not None}
    if len(set(found.values())) != 1:
        return None, description.strip()
    rest = "\n".join(line for i, line in enumerate(lines) if i not in found)
    return next(iter(found.values())), rest.strip()


def _suggestion_notes(description: str) -> tuple[list[tuple[str, float, str]], str]:
    """The (code name, probability, valence) of each roqa_nlp suggestion in a selection's
    description (one; several, a line each, when a program merged selections), and what else
    the description says."""
    notes: list[tuple[str, float, str]] = []

    def take(m: re.Match[str]) -> str:
        try:
            p = float(m.group("p"))
            valence = normalise_valence(m.group("valence"))
        except ValueError:
            return m.group(0)
        notes.append((m.group("name"), min(max(p, 0.0), 1.0), valence))
        return ""

    rest = _UNKNOWN_SUGGESTION.sub("", _SUGGESTION.sub(take, description))
    return notes, rest.strip(" \t\r\n;,|")


def _note_of(
    notes: list[tuple[str, float, str]],
    cid: str,
    cname: str,
    alone: bool,
    named: dict[str, set[str]],
    book: Codebook,
) -> tuple[float, str] | None:
    """The probability and valence the notes give a machine user's coding of code ``cid`` (now
    named ``cname``): the note of its current name, else of a name it had (in a known codebook:
    ``named`` maps normalised names to code ids) or its id, else, when it is the selection's only
    coding by that user (``alone``; roqa export writes one per selection), the selection's only
    note unless that names another code of the project. None when no note is its."""
    for name, p, valence in notes:
        if name == cname:
            return p, valence
    for name, p, valence in notes:
        if name.strip() == cid or cid in named.get(normalise_name(name), ()):
            return p, valence
    if alone and len(notes) == 1:
        name, p, valence = notes[0]
        if not any(i != cid and book.find(i) for i in named.get(normalise_name(name), ())):
            return p, valence
    return None


def _suggested_before_a_merge(
    notes: list[tuple[str, float, str]], cname: str, alone: bool, gone: dict[str, Code]
) -> Code | None:
    """The code a machine user's coding (now of the code named ``cname``) was suggested as, where
    the program merged that code into this one: the selection's only note (its only coding by
    that user, ``alone``: roqa export writes one per selection) names a code of the known
    codebook that is no longer in the project (``gone``, by normalised name). Else None."""
    if not alone or len(notes) != 1 or notes[0][0] == cname:
        return None
    was = gone.get(normalise_name(notes[0][0]))
    return was if was is not None and normalise_name(was.name) != normalise_name(cname) else None


def _valence_only(s: SegmentResult) -> bool:
    """Whether a machine user's span holds valence codes alone (dropped: their valence is the
    description's). Its other valence codings are dropped in place."""
    s.suggestions = [g for g in s.suggestions if valence_code(g.code_id, g.name) is None]
    return not s.suggestions


def _speaker_turn(turns: list[Turn], ends: list[int], start: int, end: int) -> int | None:
    """The index of the turn whose speaker a coded passage ``[start, end)`` is given (``ends``:
    the turns' ends, in order), None when it overlaps no turn's words (labels alone).

    A passage holding participant talk is the participant's, though it also holds the question
    (coders in NVivo and ATLAS.ti often select question and answer together): the participant
    whose talk it holds most characters of (the first of them on a tie), at their turn it
    overlaps most. A passage of interviewer talk alone is the first turn's it overlaps."""
    first = bisect.bisect_right(ends, start)
    chars: dict[str, int] = {}
    best: dict[str, int] = {}
    overlap: dict[int, int] = {}
    for k in range(first, len(turns)):
        u = turns[k]
        if u.start >= end:
            break
        overlap[k] = min(u.end, end) - max(u.start, start)
        if u.role == "participant" and overlap[k] > 0:
            chars[u.speaker] = chars.get(u.speaker, 0) + overlap[k]
            if u.speaker not in best or overlap[k] > overlap[best[u.speaker]]:
                best[u.speaker] = k
    if chars:
        return best[max(chars, key=lambda name: chars[name])]  # max keeps the first on a tie
    return first if overlap else None


def _segment_results(
    pending: list[PendingSelection],
    rank: dict[str, int],
    noted: set[str] | None = None,
    lost: dict[str, list[str]] | None = None,
    notes: dict[str, list[str]] | None = None,
    rated: dict[str, dict[str, dict[str, list[str]]]] | None = None,
    model_noted: set[str] | None = None,
    dates: dict[str, dict[str, Any]] | None = None,
    guids: dict[str, dict[str, Any]] | None = None,
) -> list[SegmentResult]:
    """Segments in transcript order, then by position; ids from roqa_nlp's selection names, and
    each one's context the question before its turn
    (:func:`~roqa_nlp.transcripts.segment.questions_before`), its speaker the participant's
    whose talk it holds (:func:`_speaker_turn`). The ids of those whose selection's
    description gave a person's valence are put in ``noted`` (in ``model_noted`` too when it is the
    model's valence they kept); those with codes whose probability no
    note gave, in ``lost`` (id -> codes); the REFI-QDA notes on each, in ``notes`` (id -> their
    texts); the dates the program gave each, in ``dates`` (:data:`~.refiqda.CREATION_DATES`); the
    GUIDs it gave each, in ``guids`` (:data:`~.refiqda.REFI_GUIDS`, each note's normalised GUID,
    which the caller makes the note's record)."""
    from ..transcripts.segment import questions_before

    out: list[SegmentResult] = []
    used: set[str] = set()
    turn_ends: dict[str, list[int]] = {}
    questions: dict[str, list[str]] = {}
    for p in sorted(pending, key=lambda x: (rank[x.transcript.id], x.start, x.end, x.order)):
        t = p.transcript
        name = LINE_PREFIX.sub("", p.name)
        seg_id = name if name.startswith(f"{t.id}:") else f"{t.id}:@{p.start}-{p.end}"
        base, k = seg_id, 1
        while seg_id in used:
            k += 1
            seg_id = f"{base}#{k}"
        used.add(seg_id)
        if t.id not in turn_ends:  # once per transcript (setdefault would build it each time)
            turn_ends[t.id] = [u.end for u in t.turns]
            questions[t.id] = questions_before(t)
        i = _speaker_turn(t.turns, turn_ends[t.id], p.start, p.end)
        turn = t.turns[i] if i is not None else None
        # the question before it, as roqa code gives a segment of that turn its context
        asked = questions[t.id]
        out.append(
            SegmentResult(
                segment=Segment(
                    id=seg_id,
                    transcript_id=t.id,
                    speaker=turn.speaker if turn else "",
                    role=turn.role if turn else "participant",
                    start=p.start,
                    end=p.end,
                    text=t.text[p.start : p.end],
                    turn_index=i if i is not None else 0,
                    context=asked[i] if i is not None else "",
                    begin_time=p.times[0],
                    end_time=p.times[1],
                ),
                suggestions=p.suggestions,
            )
        )
        if p.noted and noted is not None:
            noted.add(seg_id)
        if p.model_valence and model_noted is not None:
            model_noted.add(seg_id)
        if p.lost and lost is not None:
            lost[seg_id] = p.lost
        if p.notes and notes is not None:
            notes[seg_id] = p.notes
        if p.rated and rated is not None:
            rated[seg_id] = p.rated
        if (p.created or p.coded_at) and dates is not None:
            dates[seg_id] = {
                **({"selection": p.created} if p.created else {}),
                "codes": dict(p.coded_at),
            }
        if (p.selection_guids or p.note_guids or p.comments) and guids is not None:
            guids[seg_id] = {
                "selections": dict(p.selection_guids),
                "codings": dict(p.coding_guids),
                "notes": dict(p.note_guids),
                **({"comments": list(p.comments)} if p.comments else {}),
                **({"note_selections": dict(p.note_selections)} if p.note_selections else {}),
            }
    return out


def unnamed_warning(file: Path, line: str) -> str:
    """A warning line of :func:`read_qdpx` about ``file`` without the file named first
    (``valence_layouts.qdpx: ``, or its path), for a caller that names the file itself: the
    CLI's warnings, import.json (hunt3, session 80, F8: ``roqa agree`` printed
    ``hand2/valence_layouts.qdpx: valence_layouts.qdpx: the code tree ...``)."""
    for named in (f"{file}: ", f"{file.name}: "):
        if line.startswith(named):
            return line[len(named) :]
    return line


def read_qdpx(
    path: str | Path,
    *,
    codebook: Codebook | None = None,
    limits: ZipLimits = DEFAULT_LIMITS,
    interviewer_labels: Sequence[str] | None = None,
) -> QdpxProject:
    """Read a REFI-QDA project: its transcripts, its codebook, and each user's codings.

    Codes keep their GUID as id, except codes roqa_nlp exported from ``codebook`` or a built-in
    codebook, which get their ids back (``IS.E.2``). Each user's codings form one
    :class:`CodingResult`: a segment per selected span, a suggestion per coding (probability 1.0,
    or the probability and valence roqa_nlp wrote for its own suggestions).

    Valence codes (the ``Valence (roqa_nlp)`` group's, known by their fixed GUIDs whatever their
    names, and codes made in the program named as a valence: :func:`~.review.valence_code`) are
    not codes: not in the codebook, and in a person's codings the valence of the content codes
    of the same passage (a :class:`~.review.PersonsCodings`, see
    :func:`~.review.with_given_valence`; a passage given two valences is named in ``warnings``).
    The sources' speakers are read with ``interviewer_labels`` as a ``.txt`` transcript's are
    (exactly these, the defaults not added: :func:`~roqa_nlp.transcripts.with_default_labels`).
    """
    p = given_path(path, "read_qdpx", "a .qdpx file's path", "'project.qdpx'")
    _refuse_bare_xml(p)
    with SafeZip(p, limits=limits, unread=MEDIA_SUFFIXES) as z:
        qde, root, literal_cr = _project_root(z, p)
        inline = [el for el in root.iter() if local_name(el.tag) == "PlainTextContent"]
        if len(inline) == len(literal_cr):
            crlf = {id(el) for el, had in zip(inline, literal_cr) if had}
        else:  # a commented-out element fooled the scan: any inline text with \r may be one
            crlf = (
                {id(el) for el in inline if "\r" in (el.text or "")} if any(literal_cr) else set()
            )
        folder = qde.rpartition("/")[0] + "/" if "/" in qde else ""
        return _read_project(z, root, p, codebook, limits, crlf, folder, interviewer_labels)


def _project_root(z: SafeZip, p: Path) -> tuple[str, ET.Element, list[bool]]:
    """The project.qde of the zipped project ``z`` (of the file ``p``): its name in the archive,
    its root element and, for each of its inline texts, whether it held a literal carriage
    return (:func:`keep_literal_cr`); one-line errors for an archive that holds none or another
    XML document."""
    qde = z.find("project.qde")
    if qde is None:
        root_qde = [n for n in z.names if "/" not in n and n.lower().endswith(".qde")]
        qde = root_qde[0] if len(root_qde) == 1 else None
    if qde is None:  # zipped with its folder: MyProject/project.qde, MyProject/sources/
        nested = [n for n in z.names if n.count("/") == 1 and n.lower().endswith(".qde")]
        named = [n for n in nested if n.lower().endswith("/project.qde")]
        qde = (named or nested)[0] if len(named or nested) == 1 else None
    if qde is None:
        raise RoqaValueError(
            "has no project.qde inside (not a REFI-QDA project)",
            path=p,
            hint="export the project again from your QDA program as REFI-QDA (.qdpx)",
        )
    data, literal_cr = keep_literal_cr(z.read(qde))
    root = parse_xml(data, label=f"{p}:{qde}")
    if local_name(root.tag) != "Project":
        raise RoqaValueError(
            f"{qde} is not a REFI-QDA project (root element <{local_name(root.tag)}>)",
            path=p,
            hint="export the project again from your QDA program as REFI-QDA (.qdpx)",
        )
    return qde, root, literal_cr


def read_qdpx_transcript_ids(path: str | Path, *, limits: ZipLimits = DEFAULT_LIMITS) -> set[str]:
    """The ids :func:`read_qdpx_transcripts` gives the transcripts of the ``.qdpx`` file
    ``path``, from its project.qde's sources and their texts alone: no text is cut into turns,
    and its codebook, cases, notes and codings are not read (a twentieth of the time for a
    project of ten interviews). A source without text, and a recording's transcript or a PDF's text
    that repeats another source's, gives no id, as there. Nothing is warned of; an archive that
    is no project is the error :func:`read_qdpx` names."""
    p = Path(path)
    _refuse_bare_xml(p)
    with SafeZip(p, limits=limits, unread=MEDIA_SUFFIXES) as z:
        qde, root, _ = _project_root(z, p)
        folder = qde.rpartition("/")[0] + "/" if "/" in qde else ""
        sources_el = child(root, "Sources")
        sources = [] if sources_el is None else list(sources_el)
        recorded = _recorded_transcripts(_text_of(child(root, "Description")))
        by_names = _names_given(sources)
        used_ids: set[str] = set()
        media_of: dict[str, str | None] = {}  # each text read: the recording or PDF it is of
        for src in text_sources(sources, {}, _ignore):
            if local_name(src.tag) != "TextSource":
                continue
            got = _source_text(z, src, "", limits, [], folder)
            if got is None or not got.raw.strip():
                continue
            text = normalise_newlines(got.raw)[0]
            media = src.get(FROM_MEDIA)
            if text in media_of and (media or media_of[text]):
                continue
            _new_transcript_id(src, used_ids, _renamed_from(src, recorded, used_ids, by_names))
            media_of.setdefault(text, media)
    return used_ids


def _ignore(line: str) -> None:
    """A warning not issued."""


def _new_transcript_id(
    src: ET.Element, used_ids: set[str], was: str | None = None
) -> tuple[str, str]:
    """The id of the text source ``src``, new to the project, added to ``used_ids``: ``was``
    when given (:func:`_renamed_from`), else its name without a document extension, else its
    file's stem, else its GUID, with ``-2``, ``-3`` ... after it when another source's is that
    already; and that id before (the two differ when the name was taken)."""
    sname = src.get("name") or ""
    ref = src.get("plainTextPath") or src.get("richTextPath") or ""
    tid = was or _transcript_id(sname) or (PurePosixPath(ref.split("://")[-1]).stem if ref else "")
    tid = tid or normalise_guid(src.get("guid"))
    base, k = tid, 1
    while tid in used_ids:
        k += 1
        tid = f"{base}-{k}"
    used_ids.add(tid)
    return tid, base


def _recorded_transcripts(description: str) -> dict[str, set[str]]:
    """The ids of the transcripts whose suggestions roqa's export recorded under each source's
    (normalised) GUID (:data:`~.qdpx_export.SUGGESTIONS_RECORD`, read from the segment ids);
    empty when there is none or it is damaged (the warning on deleted suggestions ignores it so)."""
    line = next((x for x in description.splitlines() if x.startswith(SUGGESTIONS_RECORD)), None)
    try:
        record = json.loads(line[len(SUGGESTIONS_RECORD) :]) if line is not None else None
    except (ValueError, RecursionError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {
        normalise_guid(str(guid)): {
            str(w[0]).rpartition(":")[0] for w in written if isinstance(w, list) and w
        }
        - {""}
        for guid, written in record.items()
        if isinstance(written, list)
    }


def _names_given(sources: list[ET.Element]) -> dict[str, int]:
    """How many of the ``sources`` have a name giving each id (:func:`_transcript_id`), by the id
    case-folded."""
    counts: dict[str, int] = {}
    for s in sources:
        key = _transcript_id(s.get("name") or "").casefold()
        counts[key] = counts.get(key, 0) + 1
    return counts


def _renamed_from(
    src: ET.Element, recorded: dict[str, set[str]], used_ids: set[str], names: dict[str, int]
) -> str | None:
    """The id of the transcript roqa exported as the source ``src`` where the program renamed it
    since (:func:`_exported_as`), unless another source is named so or had it first, in any case
    (``names``: :func:`_names_given`; ``used_ids``: the ids given already). Else None. So a team's
    source named 'RM02' keeps that id from 'rm02' renamed 'Scotland', as the docs say (s62: both
    ids, 'RM02' written as RM02-2.txt)."""
    was = _exported_as(src, children(src, "PlainTextSelection"), recorded)
    own = _transcript_id(src.get("name") or "")
    if was is None or was == own:
        return None
    key = was.casefold()
    if any(u.casefold() == key for u in used_ids):
        return None
    return was if names.get(key, 0) == (1 if own.casefold() == key else 0) else None


def _one_of_twins(was: str, src: ET.Element, names: dict[str, int]) -> str | None:
    """The id the name of the source ``src`` gives, when ``was``, the id roqa exported it under,
    is that id numbered (``rm02-2``) and another source has that name: a second source so named,
    not one renamed in the program (s62: said renamed). Else None."""
    own = _transcript_id(src.get("name") or "")
    numbered = re.fullmatch(re.escape(own) + r"-[1-9]\d*", was)
    return own if numbered and names.get(own.casefold(), 0) > 1 else None


def _exported_as(
    src: ET.Element, selections: list[ET.Element], recorded: dict[str, set[str]]
) -> str | None:
    """The id of the transcript roqa exported as the source ``src``, which the program may have
    renamed since: the one whose GUID roqa gave it (``stable_guid("source", id)``), among those
    roqa_nlp's selection names in it and the record of its suggestions (``recorded``, by GUID)
    give; else the one transcript that record names. None when nothing tells it (s62: a source
    renamed in the program was another transcript for ``roqa agree``)."""
    guid = normalise_guid(src.get("guid"))
    by_record = recorded.get(guid, set())
    named = {
        LINE_PREFIX.sub("", n).rpartition(":")[0]
        for sel in selections
        if LINE_PREFIX.match(n := sel.get("name") or "")
    }
    for tid in sorted((named | by_record) - {""}):
        if normalise_guid(stable_guid("source", tid)) == guid:
            return tid
    return next(iter(by_record)) if len(by_record) == 1 else None


_BARE_XML = re.compile(r"<(?:[\w.\-]+:)?(CodeBook|Project)[\s>/]")


def _refuse_bare_xml(path: Path) -> None:
    """A one-line error for a REFI-QDA XML file given where the zipped project belongs: a
    codebook (``.qdc``) or a bare ``project.qde`` renamed ``.qdpx``."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return  # SafeZip names a missing file or a folder
    if head.startswith(b"PK"):
        return
    # cut anywhere (in the middle of a UTF-16 pair too): decoded as its mark says all the same
    m = _BARE_XML.search(decode_unicode(head, errors="replace") or "")
    if m is None:
        return
    if m.group(1) == "CodeBook":
        raise RoqaValueError(
            "is a REFI-QDA codebook (.qdc), not a project (.qdpx)",
            path=path,
            hint="rename it to .qdc: roqa import reads it as a codebook",
        )
    raise RoqaValueError(
        "is a bare project.qde, not the zipped project (.qdpx)",
        path=path,
        hint="export the project again from your QDA program as REFI-QDA (.qdpx)",
    )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _text_of(el: ET.Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def _element_label(el: ET.Element) -> str:
    """``<TextSource 'rm01'>``: an element by its kind and name, as a message names it."""
    name = el.get("name")
    return f"<{local_name(el.tag)}" + (f" {name!r}" if name else "") + ">"


def _warn_of_repeated_guids(root: ET.Element, warnings: list[str]) -> None:
    """One warning naming the first GUID given to more than one element (sources,
    selections, codings, notes ...) and the fix. Codes repeating a code's GUID are named by
    :func:`~.refiqda.codebook_from_codes`, users by an error: left out here. Before (refi tester,
    session 58) repeated source and selection GUIDs passed without a word."""
    given: dict[str, list[ET.Element]] = {}
    for el in root.iter():
        guid = normalise_guid(el.get("guid"))
        if guid:
            given.setdefault(guid, []).append(el)
    repeated = [
        (guid, els)
        for guid, els in given.items()
        if len(els) > 1 and not all(local_name(e.tag) in ("Code", "User") for e in els)
    ]
    if not repeated:
        return
    guid, els = repeated[0]
    more = len(repeated) - 1
    warnings.append(
        f"{' and '.join(_element_label(e) for e in els[:3])}"
        + (f" and {len(els) - 3} more" if len(els) > 3 else "")
        + f" share the GUID {(els[0].get('guid') or '').strip()}"
        + (f" ({more} more GUIDs are given twice)" if more else "")
        + ": each is imported as it is, but a QDA program reading the file by GUID may mix "
        "them up; export the project again from the QDA program (each needs a GUID of its own)"
    )


class UserNames(dict[str, str]):
    """Each coder's name by their normalised user GUID: the project's ``<User>``s, and a GUID
    that codes but is no user's (:attr:`not_listed`), named by the GUID as written."""

    not_listed: frozenset[str] = frozenset()


def _read_users(root: ET.Element, path: Path) -> tuple[list[QdpxUser], UserNames, dict[str, str]]:
    """The project's users, each one's name by their normalised GUID (a name two users share
    is told apart by the GUID's start), and each name's GUID as written. Two users sharing a
    GUID are one :class:`RoqaError`: their codings could not be told apart. A user GUID that
    creates something but is no ``<User>`` (a user deleted, their codings kept) is named by
    the GUID as written, its case kept, and that is their GUID: an export of their codings goes
    back under it (tester s72 exchange, 3: it was lower-cased, and exported under a new one)."""
    users: list[QdpxUser] = []
    user_names = UserNames()
    guid_of: dict[str, str] = {}  # name -> GUID as written
    users_el = child(root, "Users")
    declared: dict[str, str] = {}  # each user's name as written, by their normalised GUID
    for u in [] if users_el is None else children(users_el, "User"):
        guid = normalise_guid(u.get("guid"))
        uname = (u.get("name") or u.get("id") or guid or "unnamed user").strip()
        if guid and declared.setdefault(guid, uname) != uname:
            # their codings cannot be told apart: read as the first's, a person's codings went
            # to another coder, even the model (refi tester, session 58)
            raise RoqaValueError(
                f"the users {declared[guid]!r} and {uname!r} share the GUID "
                f"{(u.get('guid') or '').strip()}, so their codings cannot be told apart; "
                "refusing to give one's codings to the other",
                path=path,
                hint="export the project again from the QDA program, with a GUID of its own for "
                "each user",
            )
        if uname in user_names.values():
            uname = user_tag(uname, guid)
        written = (u.get("guid") or "").strip().strip("{}")
        users.append(QdpxUser(guid=written, name=uname))
        if guid not in user_names:
            user_names[guid] = uname
            guid_of[uname] = written
    not_listed: set[str] = set()
    for el in root.iter():
        written = (el.get("creatingUser") or "").strip().strip("{}")
        guid = normalise_guid(written)
        if guid and guid not in user_names and written not in guid_of:
            not_listed.add(guid)
            user_names[guid] = written
            guid_of[written] = written
    user_names.not_listed = frozenset(not_listed)
    return users, user_names, guid_of


@dataclass
class _CodeTree:
    """What the project's code tree gives (:func:`_read_code_tree`)."""

    book: Codebook
    guid_to_id: dict[str, str]  # each code's normalised GUID -> its id in ``book``
    known: list[Codebook]  # the codebooks a suggestion's note may name
    colors: dict[str, str]
    # valence codes are no codes of the codebook; their codings give the passage's valence
    valence_codes: dict[str, str]
    # valence codes below a code they rate (Available Resources > Barrier): GUID -> that code's
    # id, the valence, the valence code's name
    ratings: dict[str, tuple[str, str, str]]
    # those of them below a valence at the top (Barriers > Staffing), their path as name
    lifted: set[str]
    # codes made in the program read as a codebook code the file holds already (a reviewer's own
    # "Champions"): GUID -> their path of names; an export writes that code's GUID, not theirs
    merged: dict[str, str]
    # roqa_nlp's valence codes the code tree lost, known by their fixed GUIDs: GUID -> name
    deleted: dict[str, str]
    # the codes each name stands for, now or in the codebooks a suggestion's note may name
    named: dict[str, set[str]]


def _read_code_tree(
    root: ET.Element,
    codebook: Codebook | None,
    name: str,
    path: Path,
    user_names: dict[str, str],
    warnings: list[str],
) -> _CodeTree:
    """The project's codebook (``codebook``'s ids where its codes are the tree's; else the one
    roqa's export recorded; else the tree's own) and what reading its codings needs of it."""
    book_el = child(root, "CodeBook")
    colors: dict[str, str] = {}
    valence_codes: dict[str, str] = {}
    ratings: dict[str, tuple[str, str, str]] = {}
    lifted: set[str] = set()
    merged: dict[str, str] = {}
    asked_for = codebook  # given with --codebook
    if codebook is None:  # the researcher's own codebook roqa's export recorded: its ids back
        codebook = _recorded_codebook(_text_of(child(root, "Description")), warnings)
    known = known_codebooks(codebook)
    # the codes roqa_nlp's suggestion notes name, as they were named when suggested: a project
    # code of the model's renamed in the program is known by one of them
    suggested = {
        note[0]
        for sel in root.iter()
        if local_name(sel.tag) == "PlainTextSelection"
        for note in _suggestion_notes(_text_of(child(sel, "Description")))[0]
    }
    book, guid_to_id = codebook_from_codes(
        None if book_el is None else child(book_el, "Codes"),
        name=name,
        suggested_as=_suggested_as(root, user_names),
        known=known,
        warnings=warnings,
        colors=colors,
        valence_codes=valence_codes,
        former_names=sorted(suggested),
        ratings=ratings,
        lifted=lifted,
        source=path.name,
        merged=merged,
        other_version=codebook is None,  # none given with --codebook nor recorded
        asked_for=asked_for,
        coded={
            normalise_guid(el.get("targetGUID"))
            for el in root.iter()
            if local_name(el.tag) == "CodeRef"
        },
    )
    from ..crosswalk import PROJECT_SUFFIX

    if (
        asked_for is not None
        and book.codes
        and book.id.removesuffix(PROJECT_SUFFIX) != asked_for.id.removesuffix(PROJECT_SUFFIX)
    ):
        # said, not ignored silently (qda2 tester, session 80, D5: a flat list of constructs
        # with --codebook cfir-2009 became the codebook 'qualcoder-bob', each a domain of its own)
        warnings.append(_codebook_not_taken(asked_for, book))
    # the exported valence codes are known by their fixed GUIDs even when the code tree lost them
    valence_names = {v.valence: v.name for v in VALENCE_CODES}
    deleted = {
        g: valence_names[v]
        for g, v in VALENCE_CODE_GUIDS.items()
        if g not in valence_codes and g not in guid_to_id
    }
    named: dict[str, set[str]] = {}
    for b in [*known, book]:
        for c in b.codes:
            for known_as in (c.name, *c.aliases):
                named.setdefault(normalise_name(known_as), set()).add(c.id)
    return _CodeTree(
        book=book,
        guid_to_id=guid_to_id,
        known=known,
        colors=colors,
        valence_codes=valence_codes,
        ratings=ratings,
        lifted=lifted,
        merged=merged,
        deleted=deleted,
        named=named,
    )


def _codebook_not_taken(asked_for: Codebook, book: Codebook) -> str:
    """Why ``--codebook`` (``asked_for``) was not taken for a project's code tree, read as
    ``book``, and what to do. A tree of a built-in codebook's codes in their places (roqa's own
    cfir-2009 export given ``--codebook cfir-2022``) is in that codebook: ``--codebook`` does not
    translate codes on import, ``roqa report``, ``agree`` and ``export`` do (hunt3, session 80,
    F6: the warning said its codes were not in their places and to rebuild the tree in the QDA
    program, a tree already right). Any other tree is not the codebook's codes in their places
    (a flat list of constructs): the fix is in the program."""
    from ..crosswalk import PROJECT_SUFFIX, NoMapping, crosswalk

    base = book.id.removesuffix(PROJECT_SUFFIX)
    if base not in BUILTIN:
        return (
            f"--codebook {asked_for.id} is not taken: the project's codes are not its codes in "
            f"their places (a list of constructs at the top of the code tree is not), so they "
            f"are imported as the codebook {book.id!r}; to read them as {asked_for.id}'s, put "
            "each under its domain in the QDA program and export the project again"
        )
    said = (
        f"--codebook {asked_for.id} is not taken: the project's codes are {base}'s, in their "
        f"places, and --codebook does not translate codes on import, so they are imported as "
        f"{book.id!r}; import it with --codebook {base} (or none)"
    )
    try:
        crosswalk(Codebook.load(base), asked_for)
    except NoMapping:
        return f"{said}: no documented mapping goes from {base} to {asked_for.id}"
    return (
        f"{said}, and give --codebook {asked_for.cli_name} to roqa report, roqa agree or roqa "
        f"export to chart its codings in {asked_for.id} through the documented mapping"
    )


def _read_cases(
    root: ET.Element, skip: Callable[[str, int], None]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The cases each source is in (by the source's normalised GUID, in the file's order), and
    each case's GUID as written by its name (the first's); a case's description and variable
    values are counted as not imported (``skip``)."""
    cases_of: dict[str, list[str]] = {}
    case_guids: dict[str, str] = {}  # each case's GUID as written, by its name (the first's)
    cases_el = child(root, "Cases")
    for case in [] if cases_el is None else children(cases_el, "Case"):
        skip("case description", bool(_text_of(child(case, "Description"))))
        skip("case variable value", len(children(case, "VariableValue")))
        case_name = case.get("name")
        if not case_name:
            continue
        if is_guid(written_case := (case.get("guid") or "").strip().strip("{}")):
            case_guids.setdefault(case_name, written_case)
        for source_ref in children(case, "SourceRef"):
            names = cases_of.setdefault(normalise_guid(source_ref.get("targetGUID")), [])
            if case_name not in names:
                names.append(case_name)
    return cases_of, case_guids


def _read_notes(
    z: SafeZip, root: ET.Element, limits: ZipLimits, folder: str
) -> tuple[list[ET.Element], dict[str, tuple[str, str]], dict[str, dict[str, str]]]:
    """The project's ``<Note>`` elements; their texts by normalised GUID (who wrote it, its
    text): those a coded selection refers to are its coders' notes on the passage, the others
    are not imported; and each one's GUID, name and date as the program wrote them, which an
    export keeps."""
    notes: dict[str, tuple[str, str]] = {}
    note_records: dict[str, dict[str, str]] = {}
    notes_el = child(root, "Notes")
    all_notes = [] if notes_el is None else children(notes_el, "Note")
    for note in all_notes:
        got_note = _source_text(z, note, f"note {note.get('name') or ''!r}", limits, [], folder)
        text_of_note = normalise_newlines(got_note.raw)[0].strip() if got_note else ""
        if text_of_note and normalise_guid(note.get("guid")):
            notes.setdefault(
                normalise_guid(note.get("guid")),
                (normalise_guid(note.get("creatingUser")), text_of_note),
            )
            # its GUID, name and date as the program wrote them, which an export keeps
            note_records.setdefault(
                normalise_guid(note.get("guid")),
                {
                    "guid": (note.get("guid") or "").strip().strip("{}"),
                    **({"name": named_as} if (named_as := note.get("name")) else {}),
                    **({"created": d} if (d := date_time(note.get("creationDateTime"))) else {}),
                },
            )
    return all_notes, notes, note_records


def _source_transcript(
    src: ET.Element,
    text: str,
    got: _SourceText,
    label: str,
    in_units: dict[int, int] | None,
    path: Path,
    recorded: dict[str, set[str]],
    used_ids: set[str],
    by_names: dict[str, int],
    cases_of: dict[str, list[str]],
    case_guids: dict[str, str],
    source_warning: Callable[[str], None],
    interviewer_labels: Sequence[str] | None = None,
    interviewers: list[str] | None = None,
    guesses: Guesses | None = None,
) -> Transcript:
    """The transcript of text source ``src`` (its ``text`` with ``\\n`` line ends, ``got`` as
    read): its id (the one roqa exported it as, where the program renamed it; else its name's,
    one not taken yet, in ``used_ids``), its turns, participant (its case, else its speakers')
    and what an export of it gives back (GUID, name, path, line ends, position unit, case).
    ``interviewers`` are those roqa's export recorded on it (:mod:`.interviewer_record`), and
    ``guesses`` those of them it recorded as guessed, read as guessed again."""
    media = src.get(FROM_MEDIA)
    guid = normalise_guid(src.get("guid"))
    sname = src.get("name") or ""
    ref = src.get("plainTextPath") or src.get("richTextPath") or ""
    was = _renamed_from(src, recorded, used_ids, by_names)
    tid, base = _new_transcript_id(src, used_ids, was)
    twin = _one_of_twins(was, src, by_names) if was is not None else None
    if twin is not None:
        base = twin  # exported back as such: its id is kept, said as on the first import
    elif was is not None:
        source_warning(
            f"{label} is the transcript {was!r} roqa exported, renamed in the QDA "
            "program (known by its GUID and the passages roqa_nlp suggested in it): "
            f"imported as {was!r}, so its segments keep their ids and roqa agree compares "
            f"it with {was}'s codings"
        )
    if tid != base:
        source_warning(
            f"{media}: its text is imported as {tid!r} (a source {base!r} is already)"
            if media
            else f"{label}: a second source is called {base!r}; imported as {tid!r}"
        )
    if interviewers:  # the roles of the run exported, not guessed again

        def stale(dead: list[str], speakers: list[str], kept: list[str]) -> None:
            what = (
                "the record is out of date: only "
                + ", ".join(repr(n) for n in kept)
                + " read from it as interviewers, and it makes no speaker a participant"
                if kept
                else "the record is out of date and is left out, the roles read from the labels "
                "as in a project without it"
            )
            source_warning(
                f"{label}: its 'Interviewer (roqa_nlp)' record names "
                + ", ".join(repr(n) for n in dead)
                + ", whom no speaker of the source is called (its speakers: "
                + ", ".join(repr(s) for s in speakers)
                + f"): {what} (edit the record in the QDA program, or name the interviewer "
                "with --interviewer NAME)"
            )

        turns, speaker_participant, speakers_said = recorded_roles(
            lambda labels: _turns(text, tid, labels), interviewer_labels, interviewers, stale
        )
    else:
        turns, speaker_participant, speakers_said = _turns(text, tid, interviewer_labels)
    if interviewers:  # a guess recorded stays a guess, warned of as the run warned of it
        from ..transcripts.render import named_by_researcher

        given = named_by_researcher(interviewer_labels)  # a guess the labels given name is none
        guessed = guess_metadata(turns, interviewers, guesses or [], given)
        speakers_said = {**speakers_said, **guessed}
    participant = _participant(cases_of.get(guid, []), speaker_participant, label, source_warning)
    if interviewers and turns and all(t.role == "interviewer" for t in turns):
        # no participant left: its warning names whom the record, not the labels, made one
        from ..transcripts.roles import INTERVIEWERS_RECORDED

        named = {n.casefold() for n in interviewers}
        by_record = [s for s in dict.fromkeys(t.speaker for t in turns) if s.casefold() in named]
        if by_record:
            speakers_said = {**speakers_said, INTERVIEWERS_RECORDED: by_record}
    transcript = Transcript(
        id=tid,
        text=text,
        turns=turns,
        source=f"{path}:{got.member}",
        participant=participant,
        metadata={
            **speakers_said,  # who speaks, as the reader of a .txt records it
            "format": "qdpx",
            "refi_guid": (src.get("guid") or "").strip(),
            "refi_name": sname or None,
            "refi_path": ref or None,
            # the program's line ends, which an export under its GUID gives back
            **({LINE_ENDS: ends} if (ends := line_ends(got.raw)) else {}),
            # and the unit it counts selections in, when not code points
            **({POSITION_UNIT: UTF16} if in_units is not None else {}),
            # the case it is in, whose GUID an export of that case keeps
            **(
                {CASE: {"guid": case_guids[participant], "name": participant}}
                if participant in case_guids and participant in cases_of.get(guid, [])
                else {}
            ),
        },
    )
    return transcript


def _warn_of_whole_source_codings(
    src: ET.Element, label: str, user_names: dict[str, str], warnings: list[str]
) -> list[str]:
    """The coders of the whole of source ``src`` (its own ``<Coding>`` elements, not imported:
    only codings of a selection of its text are), in the file's order; one warning for them."""
    whole: dict[str, int] = {}  # the source's codings of it all, by coder
    for coding in children(src, "Coding"):
        user_guid = normalise_guid(coding.get("creatingUser"))
        coder = user_names.get(user_guid, user_guid) if user_guid else UNKNOWN_USER
        whole[coder] = whole.get(coder, 0) + 1
    if whole:
        by = ", ".join(f"{coder} {n}" for coder, n in whole.items())
        warnings.append(
            f"{label}: {_plural(sum(whole.values()), 'coding')} of the whole source ({by}) "
            "not imported: only codings of a selection of its text are"
        )
    return list(whole)


def _warn_of_utf16_sources(utf16_sources: list[str], source_warning: Callable[[str], None]) -> None:
    """One warning for the sources (``utf16_sources``, by name) whose selections are read as
    counted in UTF-16 code units (:func:`utf16_positions`)."""
    if utf16_sources:
        shown = ", ".join(repr(n) for n in utf16_sources[:5]) + (
            f" and {len(utf16_sources) - 5} more" if len(utf16_sources) > 5 else ""
        )
        # about the sources as a whole: roqa code's export of them counts in those units too;
        # the file is named by whoever prints it, as for every other warning (before, roqa
        # agree printed "own/maxqda.qdpx: maxqda.qdpx: ...", refi tester s69)
        source_warning(
            f"the selections of {_plural(len(utf16_sources), 'source')} ({shown}) "
            "are read as counted in UTF-16 code units, not in characters (code points): their "
            "text holds characters outside the Basic Multilingual Plane (emoji), and only read so "
            "do its selections fall inside the text without cutting words; check a few of the "
            "imported codings against the program that wrote it"
        )


def _warn_of_close_readings(
    close_sources: list[tuple[str, bool]], source_warning: Callable[[str], None]
) -> None:
    """One warning for the sources (``close_sources``: name, whether read in UTF-16 code units)
    whose selections fit their text about as well in either unit (:func:`position_reading`):
    before session 91, sloppy selections counted in UTF-16 units were read as code points,
    shifted, and nothing said so (interop tester, MED-1: 3 of 60 generated projects)."""
    if close_sources:
        shown = ", ".join(
            f"{n!r}: read in {'UTF-16 code units' if utf16 else 'code points'}"
            for n, utf16 in close_sources[:5]
        ) + (f" and {len(close_sources) - 5} more" if len(close_sources) > 5 else "")
        source_warning(
            f"the selections of {_plural(len(close_sources), 'source')} ({shown}) fit "
            f"{'its' if len(close_sources) == 1 else 'their'} text about as well counted in "
            "characters (code points) as in UTF-16 code units (an emoji counts twice), so they "
            "may be shifted by one place per emoji before them: check a few of the imported "
            "codings against the program that wrote it"
        )


def _warn_of_valence_code_uses(
    book: Codebook,
    deleted: dict[str, str],
    valence_uses: dict[str, int],
    ratings: dict[str, tuple[str, str, str]],
    lifted: set[str],
    rating_uses: dict[str, int],
    warnings: list[str],
) -> None:
    """The warnings on the codings of valence codes read as their passage's valence: of
    roqa_nlp's valence codes the code tree lost (``deleted``, read by their GUIDs), of codes
    below a top-level valence code (``lifted``) and of valence codes below another code
    (``ratings``), with how many codings each (``valence_uses``, ``rating_uses``)."""
    dangling = [g for g in deleted if g in valence_uses]  # in the group's order
    if dangling:
        warnings.append(
            f"{_plural(sum(valence_uses[g] for g in dangling), 'coding')} of roqa_nlp's valence "
            f"code{'s' if len(dangling) > 1 else ''} {', '.join(deleted[g] for g in dangling)}, "
            f"which the code tree no longer holds ({VALENCE_GROUP!r} deleted?): read by their "
            "GUIDs as the valence of their passages"
        )
    below_top = {g: n for g, n in rating_uses.items() if g in lifted}
    if below_top:
        n = sum(below_top.values())
        read = ", ".join(f"{ratings[g][2]} ({below_top[g]}, {ratings[g][1]})" for g in below_top)
        warnings.append(
            f"{_plural(n, 'coding')} of "
            + (
                "a code below a top-level code named like a valence was read as a coding of the "
                "code of its name"
                if n == 1
                else "codes below top-level codes named like a valence were read as codings of "
                "the codes of their names"
            )
            + f" with that valence: {read}"
        )
    rating_uses = {g: n for g, n in rating_uses.items() if g not in lifted}
    if rating_uses:
        n = sum(rating_uses.values())
        read = ", ".join(
            f"{book[ratings[g][0]].name} > {ratings[g][2]} ({rating_uses[g]}, {ratings[g][1]})"
            for g in rating_uses
        )
        warnings.append(
            f"{_plural(n, 'coding')} of "
            + (
                "a code named like a valence below another code was read as a coding of the "
                "code above it"
                if n == 1
                else "codes named like a valence below another code were read as codings of "
                "the code above them"
            )
            + f" with that valence: {read}"
        )


def _warn_of_coders(
    repeats: dict[str | None, int],
    whole_coders: dict[str, None],
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]],
    warnings: list[str],
) -> None:
    """The warnings on codings of no user (``repeats[None]``, popped), on each coder's codings
    given twice (``repeats``) and on the coders of whole sources only (``whole_coders`` with no
    selection in ``pending``)."""
    nameless = repeats.pop(None, 0)
    if nameless:
        warnings.append(
            f"{_plural(nameless, 'coding')} "
            + (
                "names no user (no creatingUser on it or its selection)"
                if nameless == 1
                else "name no user (no creatingUser on them or their selections)"
            )
            + f": imported as the coder {UNKNOWN_USER!r}"
        )
    for repeater, n in repeats.items():
        warnings.append(
            f"{repeater}: {_plural(n, 'coding')} {'repeats' if n == 1 else 'repeat'} another of "
            "the same code on the same passage (same start and end): kept once"
        )
    for coder in whole_coders:
        if coder not in pending:
            warnings.append(f"{coder} coded whole sources only: no codings of theirs imported")


def _say_what_is_not_imported(
    root: ET.Element,
    all_notes: list[ET.Element],
    used_notes: set[str],
    skip: Callable[[str, int], None],
    skipped: dict[str, int],
    skipped_codings: dict[str, int],
    source_warning: Callable[[str], None],
    record: Container[str] = (),
) -> None:
    """Counts the project's notes on no coded passage and its parts never imported (sets, ...)
    among what is not imported (``skip``, into ``skipped``), and says it all in one warning
    about the sources. The variables in ``record`` (:mod:`.interviewer_record`) are read."""
    # a note no coded selection refers to (on a code, a source, the project): a coded
    # passage's note is imported, so "1 note" read as if those were not (s60 import tester)
    skip(
        "project note", sum(1 for n in all_notes if normalise_guid(n.get("guid")) not in used_notes)
    )
    for section, (item, noun) in _SKIPPED_PARTS.items():
        el = child(root, section)
        if el is not None:
            skip(noun, sum(normalise_guid(e.get("guid")) not in record for e in children(el, item)))
    if skipped:
        parts = ", ".join(
            _plural(n, noun)
            + (
                f" with {_plural(skipped_codings[noun], 'coding')}"
                if skipped_codings.get(noun)
                else ""
            )
            for noun, n in skipped.items()
        )
        # what of the project stays behind, said wherever it is read (roqa code too)
        source_warning(
            f"not imported: {parts} (only text sources, codes, codings and the notes on coded passages are)"
        )


def _persons_codings(
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]],
    rank: dict[str, int],
    by_name: dict[str, Transcript],
    book: Codebook,
    meta_base: dict[str, Any],
    guid_of: dict[str, str],
    note_records: dict[str, dict[str, str]],
    left_out: dict[str, Any],
    mine: str,
    merged_uses: dict[str, dict[str, str]],
    warnings: list[str],
    two_valences: list[TwoValences] | None = None,
) -> dict[str, CodingResult]:
    """Each person's codings, from their selections (``pending``): in the order of the
    transcripts (``rank``), with their notes, dates, GUIDs, what the review of ``mine`` (the
    reviewer) left out (``left_out``) and the codes made in the program read as others
    (``merged_uses``) in their meta; a person's valence codes giving the valence of their
    passages' codes, and the machine user's codings the model's."""
    codings: dict[str, CodingResult] = {}
    # Per person: two coders' exports of one segmentation share its segment ids.
    noted: dict[str, set[str]] = {}  # user -> segments whose selection's description gave a valence
    model_noted: dict[str, set[str]] = {}  # user -> of those, the ones it gave as the model's, kept
    unnoted: dict[str, dict[str, list[str]]] = {}  # user -> segment -> codes no note gave
    # user -> segment -> code -> the valence the valence codes below it gave it (None: two)
    own_valences: dict[str, dict[str, dict[str, str | None]]] = {}
    for uname, spans in pending.items():
        on: dict[str, list[str]] = {}  # segment -> the notes on it
        rated: dict[str, dict[str, dict[str, list[str]]]] = {}
        dates: dict[str, dict[str, Any]] = {}
        refi_guids: dict[str, dict[str, Any]] = {}
        segs = _segment_results(
            list(spans.values()),
            rank,
            noted.setdefault(uname, set()),
            unnoted.setdefault(uname, {}),
            on,
            rated,
            model_noted=model_noted.setdefault(uname, set()),
            dates=dates,
            guids=refi_guids,
        )
        own_valences[uname] = _rated_valences(uname, rated, book, warnings)
        meta = {**meta_base, "user": {"name": uname, "guid": guid_of.get(uname)}}
        if on:
            meta[SEGMENT_NOTES] = on
        if dates:
            meta[CREATION_DATES] = dates
        for record in refi_guids.values():
            record["notes"] = {
                text: note_records[g] for text, g in record["notes"].items() if g in note_records
            }
        if refi_guids:
            meta[REFI_GUIDS] = refi_guids
        if left_out.get("user") == uname:  # the reviewer's review left these out
            meta.update({k: v for k, v in left_out.items() if k != "user"})
        if read_as := merged_uses.get(uname):
            meta[CODES_READ_AS] = read_as
        codings[uname] = CodingResult(segments=segs, transcripts=dict(by_name), meta=meta)
    # A person's valence codes give the valence of their passages' codes, as the decisions give
    # it (review.with_given_valence); the suggestions' passages are the machine user's spans.
    machine = [s for u, r in codings.items() if is_machine_user(u) for s in r]
    for uname, result in codings.items():
        if is_machine_user(uname):
            result.segments = [s for s in result if not _valence_only(s)]
            _probabilities_lost(uname, result, unnoted[uname], warnings)
        else:
            codings[uname] = with_given_valence(
                machine,
                result,
                coder=uname,
                noted=noted.get(uname, set()),
                model_noted=model_noted.get(uname, set()),
                warnings=warnings,
                two_valences=two_valences,
                own_valences=own_valences.get(uname, {}),
                # a review's codings (its record names the reviewer): a valence the reviewer
                # set is theirs at 1.0, as apply-decisions wrote it (blind tester s53: null)
                own_probability=REVIEWERS_VALENCE if mine and uname == mine else None,
            )
    return codings


def _read_project(
    z: SafeZip,
    root: ET.Element,
    path: Path,
    codebook: Codebook | None,
    limits: ZipLimits,
    literal_crlf: set[int] | None = None,
    folder: str = "",
    interviewer_labels: Sequence[str] | None = None,
) -> QdpxProject:
    """The project of ``root`` (read from ``z``), in steps: its users, its code tree, cases and
    notes; each text source's transcript and the selections coded in it; the warnings on what
    was read so; then each person's codings, the passages a review decided placed again in the
    edited project (:mod:`.review_placement`)."""
    warnings: list[str] = []
    about_sources: set[int] = set()  # indexes of the warnings about sources and their text

    def source_warning(line: str) -> None:
        about_sources.add(len(warnings))
        warnings.append(line)

    name = root.get("name") or path.stem
    described = _text_of(child(root, "Description"))  # roqa's records, read once
    origin = root.get("origin") or ""
    written_by_roqa = origin.split(" ")[0] == ORIGIN.split(" ")[0]

    users, user_names, guid_of = _read_users(root, path)
    _warn_of_repeated_guids(root, warnings)
    tree = _read_code_tree(root, codebook, name, path, user_names, warnings)
    book, guid_to_id, known, colors = tree.book, tree.guid_to_id, tree.known, tree.colors
    valence_codes, ratings, lifted = tree.valence_codes, tree.ratings, tree.lifted
    merged, deleted, named = tree.merged, tree.deleted, tree.named
    valence_uses: dict[str, int] = {}  # codings of valence codes not in the codebook, by GUID
    rating_uses: dict[str, int] = {}  # codings of valence codes rating the code above, by GUID

    skipped: dict[str, int] = {}  # what is not imported: noun -> how many
    skipped_codings: dict[str, int] = {}  # non-text sources: noun -> codings they held

    def skip(noun: str, n: int = 1) -> None:
        if n:
            skipped[noun] = skipped.get(noun, 0) + n

    cases_of, case_guids = _read_cases(root, skip)

    all_notes, notes, note_records = _read_notes(z, root, limits, folder)
    used_notes: set[str] = set()
    # the sources roqa's export counted in UTF-16 units, as the program it came from counts them
    in_utf16 = _recorded_utf16(described, warnings) if written_by_roqa else set()

    from ..crosswalk import PROJECT_SUFFIX

    # the known codebook's codes the project no longer holds, by normalised name: a machine
    # user's coding whose note names one of them was merged into another code in the program
    of_book = next((k for k in known if book.id in (k.id, k.id + PROJECT_SUFFIX)), None)
    gone = {
        normalise_name(n): c
        for c in ([] if of_book is None else of_book.codes)
        if c.codable and not book.has_id(c.id)
        for n in (c.name, *c.aliases)
    }
    merged_away: dict[str, tuple[Code, dict[str, None], list[str]]] = {}
    transcripts: list[Transcript] = []
    tid_of: dict[str, str] = {}  # each source's transcript id, by its normalised GUID
    utf16_sources: list[str] = []  # the sources whose positions count UTF-16 code units
    close_sources: list[tuple[str, bool]] = []  # ... that fit either unit about as well
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]] = {}
    strangers: dict[str, int] = {}  # users missing from <Users>: GUID -> codings
    broken: set[str] = set()  # roqa_nlp's selections not imported for their span, by segment id
    dropped_by: dict[str, int] = {}  # selections not imported for their span, by coder
    repeats: dict[str | None, int] = {}  # codings given twice, by user; None: codings of no user
    whole_coders: dict[str, None] = {}  # coders of whole sources, in the file's order
    order = 0
    used_ids: set[str] = set()
    # each transcript by its text, and what recording or PDF it was read from (or None)
    by_text: dict[str, tuple[Transcript, str | None]] = {}
    sources_el = child(root, "Sources")
    sources = [] if sources_el is None else list(sources_el)
    recorded = _recorded_transcripts(described)
    # the variable naming each source's interviewers, which roqa's export writes
    record = record_guids(root)
    # the ids the sources' names give: a renamed source does not take one of them back
    by_names = _names_given(sources)
    # a recording's transcript and a PDF's text are read as text sources
    for src in text_sources(sources, cases_of, source_warning):
        kind = local_name(src.tag)
        if kind != "TextSource":
            label = _NON_TEXT_SOURCES.get(kind, f"<{kind}> element")
            skip(label)
            held = sum(1 for e in src.iter() if local_name(e.tag) == "Coding")
            skipped_codings[label] = skipped_codings.get(label, 0) + held
            continue
        guid = normalise_guid(src.get("guid"))
        sname = src.get("name") or ""
        ref = src.get("plainTextPath") or src.get("richTextPath") or ""
        label = f"source {sname or ref or guid!r}"
        selections = children(src, "PlainTextSelection")
        found: list[str] = []
        got = _source_text(z, src, label, limits, found, folder)
        for line in found:
            source_warning(line)
        if got is None or not got.raw.strip():
            what = "has no text" if got is None else "has empty text"
            lost = sum(len(children(s, "Coding")) for s in selections)
            source_warning(
                f"{label} {what}: not imported"
                + (
                    f", with its {len(selections)} selections ({lost} codings)"
                    if selections
                    else ""
                )
            )
            continue
        skip("source description", bool(_text_of(child(src, "Description"))))
        skip(
            "source variable value",
            sum(not is_record(v, record) for v in children(src, "VariableValue")),
        )
        if got.member == "<PlainTextContent>" and id(child(src, "PlainTextContent")) in (
            literal_crlf or set()
        ):
            source_warning(
                f"{label}: its inline text has Windows line ends (\\r\\n) written as they are; "
                "its selections are counted with them, as in a .txt source"
            )
        text, to_plain = normalise_newlines(got.raw)
        # roqa_nlp counts code points: a project it wrote is read so, but for the sources it
        # recorded as counted in UTF-16 units (a program's, exported back as it counts them)
        if written_by_roqa:
            in_units = utf16_units(got.raw) if guid in in_utf16 else None
        else:
            in_units, close = position_reading(got.raw, selections)
            if close:
                close_sources.append((sname or ref or guid, in_units is not None))
            elif in_units is not None:
                utf16_sources.append(sname or ref or guid)
        media = src.get(FROM_MEDIA)
        same, same_media = by_text.get(text, (None, None))
        if same is not None and (media or same_media):
            # a recording's transcript or a PDF's text that repeats a text source (or the other
            # way round) is that interview, not a second one: its coded passages are read into it
            source_warning(
                f"{media or label}: its text is that of "
                + (
                    f"the transcript {same.id!r} of {same_media}"
                    if same_media
                    else f"source {same.id!r}"
                )
                + ", imported once"
                + (f", with its {len(selections)} coded passage(s)" if selections else "")
            )
            transcript = same
        else:
            transcript = _source_transcript(
                src, text, got, label, in_units, path, recorded, used_ids, by_names, cases_of,
                case_guids, source_warning, interviewer_labels, recorded_interviewers(src, record),
                recorded_guesses(src, record),
            )  # fmt: skip
            transcripts.append(transcript)
            by_text.setdefault(text, (transcript, media))
            tid_of.setdefault(guid, transcript.id)
        if got.from_docx and selections:
            source_warning(
                f"{label}: text read from the .docx rendition; its {len(selections)} selections "
                "may not line up with it"
            )
        whole_coders.update(
            dict.fromkeys(_warn_of_whole_source_codings(src, label, user_names, warnings))
        )
        for sel in selections:
            order += 1
            memo = _read_selection(
                sel, transcript, got.raw, to_plain, label, order, guid_to_id, book,
                user_names, pending, warnings, strangers, {**deleted, **valence_codes},
                valence_uses, named, notes, used_notes, repeats, ratings, rating_uses,
                in_units, broken, gone, merged_away, dropped_by,
            )  # fmt: skip
            skip("selection memo", memo)

    _warn_of_utf16_sources(utf16_sources, source_warning)
    _warn_of_close_readings(close_sources, source_warning)
    _warn_of_deleted_suggestions(described, pending, tid_of, warnings, broken)
    if merged_away and of_book is not None:
        book = _with_merged_away(book, of_book, merged_away, warnings)
    _warn_of_valence_code_uses(book, deleted, valence_uses, ratings, lifted, rating_uses, warnings)
    # said here, counted once their codings are read as the summary counts them (a valence
    # code's coding is their passage's valence, not a coding: refi tester, session 58, "9
    # codings by user ..." beside "(7)")
    stranger_lines = {len(warnings) + i: g for i, g in enumerate(strangers)}
    warnings.extend("" for _ in strangers)
    _warn_of_coders(repeats, whole_coders, pending, warnings)
    _say_what_is_not_imported(
        root, all_notes, used_notes, skip, skipped, skipped_codings, source_warning, record
    )

    transcripts = _in_number_order(transcripts, source_warning)
    by_name = {t.id: t for t in transcripts}
    rank = {t.id: i for i, t in enumerate(transcripts)}
    meta_base: dict[str, Any] = {
        "source": "REFI-QDA",
        "file": str(path),
        "project": name,
        "origin": origin,
        "codebook": {"id": book.id, "hash": book.hash},
        **_recorded_chart(described, book, warnings),
    }
    left_out = _review_record(described, warnings)
    mine = _reviewer(left_out, user_names, pending, warnings)
    decided_no_code = decided_without_passage(left_out, pending.get(mine), by_name, warnings)
    merged_uses = _merged_uses(root, merged, guid_to_id, user_names)
    two_valences: list[TwoValences] = []
    codings = _persons_codings(
        pending, rank, by_name, book, meta_base, guid_of, note_records, left_out, mine,
        merged_uses, warnings, two_valences,
    )  # fmt: skip
    for at, stranger in stranger_lines.items():
        kept = sum(len(s.suggestions) for s in codings.get(stranger, []))
        warnings[at] = (
            f"{_plural(kept or strangers[stranger], 'coding')} by user {stranger!r}, who is not "
            "in the project's <Users>: imported as a coder of that name"
        )
    if mine in codings and decided_no_code:
        review = codings[mine]
        review.segments = sorted(
            [*review.segments, *_segment_results(decided_no_code, rank)],
            key=lambda x: (rank[x.segment.transcript_id], x.segment.start, x.segment.end),
        )
    return QdpxProject(
        path=path,
        name=name,
        origin=origin,
        users=users,
        codebook=book,
        transcripts=transcripts,
        codings=codings,
        warnings=warnings,
        source_warnings=[w for i, w in enumerate(warnings) if i in about_sources],
        colors=colors,
        selection_count=sum(len(r) for r in codings.values()),
        source_count=len(sources),
        dropped_by=dropped_by,
        coding_count=sum(len(s.suggestions) for r in codings.values() for s in r),
        two_valences=two_valences,
    )


def _with_merged_away(
    book: Codebook,
    base: Codebook,
    merged_away: dict[str, tuple[Code, dict[str, None], list[str]]],
    warnings: list[str],
) -> Codebook:
    """``book`` with the codes of the known codebook ``base`` the model suggested and the program
    merged into others (``merged_away``: id -> the code, the codes it is coded with now, the
    segment ids), and the codes above them it lacks, in ``base``'s order; one warning each. Before
    (s62), the model's suggestion silently became the code merged into, and a coder's coding of
    that code an accept of it."""
    need = {c.id for cid in merged_away for c in base.path(cid) if not book.has_id(c.id)}
    rank = {c.id: i for i, c in enumerate(base.codes)}
    codes = [*book.codes, *(c for c in base.codes if c.id in need)]
    order = {c.id: (rank.get(c.id, len(rank)), i) for i, c in enumerate(codes)}
    for cid, (was, into, where) in merged_away.items():
        one = len(where) == 1
        now = " and ".join(repr(n) for n in into)
        warnings.append(
            f"code {was.name} ({cid}) is no longer in the project's code tree, and roqa_nlp's "
            f"{_plural(len(where), 'suggestion')} of it ({first_few(where)}) "
            f"{'is' if one else 'are'} coded with {now} there (merged into it in the QDA "
            f"program?): read as the model's {cid} {was.name}, as "
            f"{'its description names' if one else 'their descriptions name'} it, not as "
            f"{'a suggestion' if one else 'suggestions'} of {now}"
        )
    return dataclasses.replace(book, codes=sorted(codes, key=lambda c: order[c.id]))


def _merged_uses(
    root: ET.Element, merged: dict[str, str], guid_to_id: dict[str, str], user_names: dict[str, str]
) -> dict[str, dict[str, str]]:
    """For each coder who coded a passage with a code made in the program that was read as a
    codebook code the file holds already (``merged``: normalised GUID -> its path of names),
    that path -> the code it was read as (:data:`CODES_READ_AS`)."""
    out: dict[str, dict[str, str]] = {}
    if not merged:
        return out
    for sel in root.iter():
        if local_name(sel.tag) != "PlainTextSelection":
            continue
        for coding in children(sel, "Coding"):
            ref = child(coding, "CodeRef")
            target = normalise_guid(ref.get("targetGUID")) if ref is not None else ""
            if target not in merged or target not in guid_to_id:
                continue
            user = normalise_guid(coding.get("creatingUser") or sel.get("creatingUser"))
            uname = user_names.get(user, user) if user else UNKNOWN_USER
            out.setdefault(uname, {})[merged[target]] = guid_to_id[target]
    return out


def _suggested_as(root: ET.Element, user_names: dict[str, str]) -> dict[str, list[str | None]]:
    """For each code (normalised GUID) a roqa_nlp user coded a selection with, the code name
    each such selection's suggestion note gives: None when it gives none, or the selection holds
    several notes or several of the machine user's codings (which note is whose is not sure)."""
    machine = {g for g, n in user_names.items() if is_machine_user(n)}
    out: dict[str, list[str | None]] = {}
    for sel in root.iter():
        if local_name(sel.tag) != "PlainTextSelection":
            continue
        sel_user = normalise_guid(sel.get("creatingUser"))
        targets = [
            normalise_guid(ref.get("targetGUID"))
            for c in children(sel, "Coding")
            if (normalise_guid(c.get("creatingUser")) or sel_user) in machine
            and (ref := child(c, "CodeRef")) is not None
        ]
        if not targets:
            continue
        notes = _suggestion_notes(_text_of(child(sel, "Description")))[0]
        named = notes[0][0] if len(notes) == 1 and len(targets) == 1 else None
        for target in targets:
            out.setdefault(target, []).append(named)
    return out


def _rated_valences(
    user: str,
    rated: dict[str, dict[str, dict[str, list[str]]]],
    book: Codebook,
    warnings: list[str],
) -> dict[str, dict[str, str | None]]:
    """The valence each of ``user``'s codes got from the valence codes below it that they coded
    on a segment (``rated``: segment -> code -> valence -> those codes' names), by segment; a
    code given two different ones there gets None, and a warning naming it."""
    out: dict[str, dict[str, str | None]] = {}
    for seg_id, codes in rated.items():
        for cid, by_valence in codes.items():
            if len(by_valence) == 1:
                out.setdefault(seg_id, {})[cid] = next(iter(by_valence))
                continue
            out.setdefault(seg_id, {})[cid] = None
            raters = ", ".join(dict.fromkeys(n for names in by_valence.values() for n in names))
            warnings.append(
                f"{user} gave {book[cid].name} on passage {seg_id} two different valences "
                f"({', '.join(sorted(by_valence))}) with its codes {raters}: read as giving it "
                "none (its coding counts as neutral)"
            )
    return out


def _recorded_codebook(description: str, warnings: list[str]) -> Codebook | None:
    """The researcher's own codebook roqa's export recorded in the project's description
    (:data:`~.qdpx_export.CODEBOOK_RECORD`: ``roqa code --codebook OWN.json``'s codings, or a
    review of them), so that its codes get their ids and the codebook its id and mapping back,
    as ``--codebook OWN.json`` gives them; None when there is none. A record that is no
    codebook is named in ``warnings`` (the codes then keep their GUIDs)."""
    line = next((x for x in description.splitlines() if x.startswith(CODEBOOK_RECORD)), None)
    if line is None:
        return None
    try:
        record = json.loads(line[len(CODEBOOK_RECORD) :])
        if isinstance(record, dict) and "codes" not in record and record.get("id") in BUILTIN:
            # a built-in codebook whose codes went with the GUIDs a QDA program gave them
            guids = record.get("guids")
            if isinstance(guids, dict):
                known = {str(k): v for k, v in guids.items() if isinstance(v, str) and is_guid(v)}
                return with_guids(Codebook.load(record["id"]), known)
        return Codebook.from_dict(record) if isinstance(record, dict) else None
    except (ValueError, RecursionError, RoqaError):
        pass
    warnings.append(
        "the project's description holds a damaged record of the codebook roqa exported it in: "
        "not read, so its codes keep their GUIDs (give --codebook OWN.json to know them)"
    )
    return None


def _warn_of_deleted_suggestions(
    description: str,
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]],
    tid_of: dict[str, str],
    warnings: list[str],
    broken: set[str] | None = None,
) -> None:
    """One warning per source some (not all) of whose roqa_nlp suggestions, as roqa's export
    recorded them (:data:`~.qdpx_export.SUGGESTIONS_RECORD`), are gone from the project: a
    reviewer who deleted one to reject it. It is read as the model coding nothing there, which a
    coder who coded nothing there agrees with: the docs say to leave them all or delete them all.
    A record that is no such mapping is ignored (it only serves this warning). The suggestions
    whose selection is there with a broken span (``broken``, by segment id) are not gone: the
    warning on that selection says it is not imported (before, refi tester session 58, they
    were also said to be "no longer in the project"). A suggestion is there while a selection
    of roqa_nlp's holds its passage (:func:`_held_passages`): overlapping it by half of the
    shorter (:func:`~.qdpx_selection.same_passage`), so one widened, or shifted by a program that counts positions
    its own way (decomposed accents), is not gone (s62: said to be)."""
    line = next((x for x in description.splitlines() if x.startswith(SUGGESTIONS_RECORD)), None)
    if line is None:
        return
    try:
        record = json.loads(line[len(SUGGESTIONS_RECORD) :])
    except (ValueError, RecursionError):
        return
    if not isinstance(record, dict):
        return
    mine: dict[str, list[PendingSelection]] = {}  # roqa_nlp's selections, by transcript
    for user, by_span in pending.items():
        if is_machine_user(user):
            for p in by_span.values():
                mine.setdefault(p.transcript.id, []).append(p)
    for guid, written in record.items():
        tid = tid_of.get(normalise_guid(str(guid)))
        if tid is None or not isinstance(written, list):
            continue
        spans = [
            (str(w[0]), w[1], w[2])
            for w in written
            if isinstance(w, list) and len(w) == 3 and all(isinstance(n, int) for n in w[1:])
        ]
        held = _held_passages(spans, mine.get(tid, []))
        gone = [
            seg_id
            for seg_id, _, _ in spans
            if seg_id not in (broken or set()) and seg_id not in held
        ]
        if gone and len(gone) < len(spans):
            one = len(gone) == 1
            warnings.append(
                f"{tid}: {len(gone)} of the {len(spans)} roqa_nlp suggestions exported in it "
                f"{'is' if one else 'are'} no longer in the project ({first_few(gone)}): read "
                f"as the model coding nothing there, not as {'a rejection' if one else 'rejections'}"
                ", so a coder who coded nothing there agrees with it; leave roqa_nlp's codings "
                "in place, or delete them all (a reject is your coding of the passage with "
                "another code)"
            )


def _held_passages(spans: list[tuple[str, int, int]], mine: list[PendingSelection]) -> set[str]:
    """The segment ids of the passages ``spans`` (segment id, start, end) of one transcript that
    roqa_nlp's selections ``mine`` in it still hold (:func:`~.qdpx_selection.same_passage`): each by a selection
    named for it (``line:6 rm01:0002``); else by one that holds no passage by its name (a program
    that drops the names; one moved off its own), which then holds no other. So a neighbour
    widened over a deleted passage does not hold it (s62: it did, and the deletion went unsaid).
    The selections are looked up by name, and by start among those near the passage: each
    passage is compared with a few, not with every selection of the project (s62: 17 s for 100
    sources of 150)."""
    by_id = {seg_id: (start, end) for seg_id, start, end in spans}
    held: set[str] = set()
    others: list[PendingSelection] = []
    for p in mine:
        seg_id = LINE_PREFIX.sub("", p.name) if LINE_PREFIX.match(p.name) else ""
        if seg_id in by_id and _same_passage(p, *by_id[seg_id]):
            held.add(seg_id)
        else:
            others.append(p)
    others.sort(key=lambda p: (p.start, p.end))
    starts = [p.start for p in others]
    longest = max((p.end - p.start for p in others), default=0)
    used: set[int] = set()  # the others that hold a passage already
    for seg_id, start, end in sorted(spans, key=lambda x: (x[1], x[2])):
        if seg_id in held:
            continue
        near = range(bisect.bisect_left(starts, start - longest), bisect.bisect_left(starts, end))
        i = next((i for i in near if i not in used and _same_passage(others[i], start, end)), None)
        if i is not None:
            used.add(i)
            held.add(seg_id)
    return held


def _recorded_utf16(description: str, warnings: list[str]) -> set[str]:
    """The (normalised) GUIDs of the sources whose selections roqa's export counted in UTF-16
    code units (:data:`~.qdpx_export.UTF16_RECORD`, in the project's description); empty when
    there is none. A record that is no list of GUIDs is named in ``warnings``."""
    line = next((x for x in description.splitlines() if x.startswith(UTF16_RECORD)), None)
    if line is None:
        return set()
    try:
        record = json.loads(line[len(UTF16_RECORD) :])
    except (ValueError, RecursionError):
        record = None
    if isinstance(record, list) and all(isinstance(g, str) for g in record):
        return {normalise_guid(g) for g in record}
    warnings.append(
        "the project's description holds a damaged record of the sources roqa exported with "
        "UTF-16 positions: not read, so their selections are read in code points"
    )
    return set()


def _recorded_chart(description: str, book: Codebook, warnings: list[str]) -> dict[str, str]:
    """run.json's ``chart_codebook`` of the codings exported (:data:`~.qdpx_export.CHART_RECORD`),
    when the project's codebook ``book`` is that built-in one (or extends it), so that they are
    compared and charted in it as before the round trip; empty otherwise. A record of another
    codebook, or of none built in, is named in ``warnings``, as a damaged record of the others
    is (hunt s65 h_book D4: dropped without a word, and a first such line hid a valid one)."""
    from ..crosswalk import CHART_KEY, PROJECT_SUFFIX

    found: dict[str, str] = {}
    prefix = CHART_RECORD.rstrip()  # an empty record's blank is gone from the description
    for line in description.splitlines():
        if not line.startswith(prefix):
            continue
        chart = line[len(prefix) :].strip()
        if chart in BUILTIN and chart == book.id.removesuffix(PROJECT_SUFFIX):
            found = found or {CHART_KEY: chart}
            continue
        why = (
            f"but the project's codebook is {book.id}"
            if chart in BUILTIN
            else f"which is no built-in codebook ({', '.join(BUILTIN)})"
        )
        warnings.append(
            f"the project's description records its codings as charted in {chart!r}, {why}: "
            "not read, so `roqa agree` asks for --codebook beside a coder of another codebook"
        )
    return found


def _review_record(description: str, warnings: list[str]) -> dict[str, Any]:
    """What a review left out and decided (:data:`~.qdpx_export.REVIEW_RECORD`, written by
    roqa's export of a review in the project's description) with the reviewer's name under
    ``user``; empty when the description holds no record. Only well-formed values are kept
    (lists of ids, ``{transcript: [undecided, to review]}``, the reviewed model's hash); a
    record that is no JSON object is named in ``warnings``."""
    from ..framework import (
        NOT_REVIEWED,
        NOT_REVIEWED_CASES,
        REVIEW_SCOPE,
        REVIEWED,
        REVIEWED_MODEL,
        REVIEWED_NO_CODE,
        REVIEWED_PASSAGES,
        REVIEWED_SPANS,
        STUDY_INTERVIEWS,
        UNDECIDED,
    )

    line = next((x for x in description.splitlines() if x.startswith(REVIEW_RECORD)), None)
    if line is None:
        return {}
    try:
        record = json.loads(line[len(REVIEW_RECORD) :])
    except (ValueError, RecursionError):
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("user"), str):
        warnings.append(
            "the project's description holds a damaged record of what a review left out: not "
            "read, so its charts do not say the review is partial"
        )
        return {}
    kept: dict[str, Any] = {"user": record["user"]}
    if isinstance(record.get("user_guid"), str):  # exports since s64: the reviewer's user GUID
        kept["user_guid"] = record["user_guid"]
    for key in (NOT_REVIEWED, NOT_REVIEWED_CASES, STUDY_INTERVIEWS, REVIEWED):
        ids = record.get(key)
        if isinstance(ids, list) and ids and all(isinstance(i, str) for i in ids):
            kept[key] = ids
    undecided = record.get(UNDECIDED)
    if isinstance(undecided, dict):
        counts = {
            t: [int(n[0]), int(n[1])]
            for t, n in undecided.items()
            if isinstance(n, list)
            and len(n) == 2
            and all(isinstance(i, int) and not isinstance(i, bool) and i >= 0 for i in n)
        }
        if counts:
            kept[UNDECIDED] = counts
    scope = record.get(REVIEW_SCOPE)
    if isinstance(scope, dict) and all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in scope.values()
    ):
        kept[REVIEW_SCOPE] = scope
    model = record.get(REVIEWED_MODEL)
    if isinstance(model, str) and model:
        kept[REVIEWED_MODEL] = model
    for key in (REVIEWED_NO_CODE, REVIEWED_SPANS):
        spans = record.get(key)
        if isinstance(spans, dict):
            kept[key] = {
                str(i): (str(v[0]), v[1], v[2])
                for i, v in spans.items()
                if isinstance(v, list)
                and len(v) == 3
                and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in v[1:])
                and v[1] < v[2]
            }
    passages = record.get(REVIEWED_PASSAGES)
    if isinstance(passages, dict):
        kept[REVIEWED_PASSAGES] = {
            str(i): [str(x) for x in v]
            for i, v in passages.items()
            if isinstance(v, list) and v and all(isinstance(x, str) for x in v)
        }
    return kept


def _not_listed(user_names: dict[str, str]) -> frozenset[str]:
    """The user GUIDs of ``user_names`` that code but are no ``<User>`` (:class:`UserNames`)."""
    return user_names.not_listed if isinstance(user_names, UserNames) else frozenset()


def _reviewer(
    left_out: dict[str, Any],
    user_names: dict[str, str],
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]],
    warnings: list[str],
) -> str:
    """The name, in this project, of the reviewer whose review record ``left_out`` is (its
    ``user`` set to it): the user of the GUID the record gives (exports since s64), else the
    user of the name it gives, else (an earlier export, the reviewer renamed) the one person
    whose selections carry the GUIDs it records (:data:`~roqa_nlp.framework.REVIEWED_PASSAGES`).
    One warning says a name changed, or that no user is the reviewer. Before (blind tester
    s64), a reviewer renamed in the QDA program (the same user GUID) lost the record in
    silence: no reviewed segments, so ``roqa agree`` compared every span of theirs.

    In an earlier export (the record names the reviewer only) the user of that name is the
    reviewer, else the one holding the most of the recorded selections, as before s64: another
    user given the reviewer's old name takes the record there (regression hunts s64, h_qdpx 1
    to 3). The line says a rename only where the user GUID tells one; a user deleted (their
    codings kept or given to another user), or deleted with their codings, is said so (h_qdpx
    2)."""
    from ..framework import REVIEWED_NO_CODE, REVIEWED_PASSAGES, REVIEWED_SPANS

    recorded = str(left_out.get("user") or "")
    if not recorded:
        return ""
    guid = normalise_guid(left_out.pop("user_guid", None))
    people = {u: spans for u, spans in pending.items() if not is_machine_user(u)}
    passages = left_out.get(REVIEWED_PASSAGES) or {}
    recorded_guids = {normalise_guid(g) for v in passages.values() for g in v[1:]}
    holding = {
        uname: n
        for uname, spans in people.items()
        if (
            n := sum(
                bool(recorded_guids & {normalise_guid(g) for g in p.selection_guids.values()})
                for p in spans.values()
            )
        )
    }
    most = max(holding.values(), default=0)
    holder = (
        next(u for u, n in holding.items() if n == most)
        if most and list(holding.values()).count(most) == 1
        else None
    )
    # a GUID no <User> has is that user deleted: theirs only where their codings are kept
    not_listed = _not_listed(user_names)
    by_guid = user_names.get(guid) if guid and guid not in not_listed else None
    by_name = recorded if recorded in user_names.values() or recorded in pending else None
    deleted = user_names.get(guid, guid) if guid else None
    name = by_guid or (deleted if deleted in people else None)  # a user deleted, codings kept
    # an earlier export (no user GUID recorded): the user of the recorded name, as before; who
    # holds the recorded selections is no surer (a QDA program may re-create every selection
    # under the importing coder, or give none a creatingUser; a second coder may code inside the
    # reviewer's: each rule tried in s64 handed the record to a coder who never reviewed)
    name = name or by_name or holder
    if name is None:
        # the passages it decided with a code: someone holding half of them may be the reviewer
        # renamed with a new GUID; else the reviewer was deleted with their codings (a second
        # coder may well have coded a few of those passages too)
        no_code = left_out.get(REVIEWED_NO_CODE) or {}
        coded = {v for i, v in (left_out.get(REVIEWED_SPANS) or {}).items() if i not in no_code}
        if coded and all(2 * len(coded & set(spans)) < len(coded) for spans in people.values()):
            warnings.append(
                f"the project's description records a review by {recorded!r}: the reviewer and "
                f"their codings are no longer in the project (no user of that name"
                f"{' or GUID' if guid else ''}; no one has codings on most of the passages it "
                "decided), so its record is not read"
            )
            return recorded
        warnings.append(
            f"the project's description records a review by {recorded!r}, who is no user of the "
            "project (renamed in the QDA program, with a new GUID?): its record is not read, so "
            "no one's charts say the review is partial; to keep it, name the reviewer "
            f"{recorded!r} again in the QDA program and export the project again"
        )
        return recorded
    # roqa's own tag telling two users of one name apart ('Alice (32fbfa8a)') is no rename
    tagged = any(n == name == user_tag(recorded, g) for g, n in user_names.items())
    if name == recorded or tagged:
        pass
    elif name == by_guid:  # the same user, renamed in the program
        warnings.append(
            f"the reviewer {recorded!r} is named {name!r} in this project: their review record "
            "is kept"
        )
    elif name not in user_names.values() or normalise_guid(name) in not_listed:  # no user's
        theirs = " (the reviewer's GUID)" if normalise_guid(name) == guid else ""
        warnings.append(
            f"the review record of {recorded!r} is kept with the codings by user {name!r}"
            f"{theirs}, who is not in the project's <Users>"
        )
    else:  # found by the selections: renamed, or their codings given to that user
        warnings.append(
            f"the review record of {recorded!r} is kept with the codings of {name!r}, which "
            "hold the passages it decided"
            + (f" (not with those of the user now named {recorded!r})" if by_name else "")
        )
    left_out["user"] = name
    return name


def _in_number_order(
    transcripts: list[Transcript], warn_: Callable[[str], None]
) -> list[Transcript]:
    """``transcripts`` with numbers compared as numbers (``P2`` before ``P10``) when the project
    lists them in plain text order (``P1, P10, P11, ..., P2``), as QDA programs sort sources by
    name: the order interviews are charted in is the order saturation is judged in, and no one
    numbered interviews that way. Any other order (the order they were added in) is kept."""
    from ..errors import first_few
    from ..transcripts import natural_key

    ids = [t.id for t in transcripts]
    natural = sorted(transcripts, key=lambda t: natural_key(t.id))
    if len(ids) < 2 or ids != sorted(ids) or [t.id for t in natural] == ids:
        return transcripts
    warn_(
        f"the project lists its {len(ids)} sources in plain text order ({ids[0]}, {ids[1]}, ...); "
        f"they are imported with numbers as numbers ({first_few([t.id for t in natural])}), "
        "the order saturation is judged in (`roqa report --order` sets another)"
    )
    return natural


def _participant(
    cases: list[str], speaker: str | None, label: str, warn_: Callable[[str], None]
) -> str | None:
    """A source's participant: its case, else the one its speaker labels give (``P04``).

    A source in several cases (a participant's and a site's, as NVivo users often have) keeps
    the case named like its speakers' participant, else the first; a warning names them all.
    """
    if not cases:
        return speaker
    if len(cases) == 1:
        return cases[0]
    key = (speaker or "").strip().casefold()
    chosen = next((c for c in cases if key and c.strip().casefold() == key), cases[0])
    named = ", ".join(repr(c) for c in cases)
    why = " (its speakers' participant)" if key and chosen.strip().casefold() == key else ""
    warn_(f"{label} is in {len(cases)} cases, {named}: only {chosen!r}{why} is kept")
    return chosen


def _probabilities_lost(
    user: str, result: CodingResult, lost: dict[str, list[str]], warnings: list[str]
) -> None:
    """Record in a machine user's codings the codes whose probability and valence no note gave
    (:data:`~.qdpx_export.PROBABILITY_NOT_RECOVERED`), ranked after those whose note was kept,
    and say how many in one warning. They keep probability 0 and valence neutral: the model
    suggested them, at a probability no longer known, and they are never taken for its most
    confident suggestion."""
    found: dict[str, list[str]] = {}
    for s in result:
        codes = set(lost.get(s.segment.id, ()))
        gone = [g.code_id for g in s.suggestions if g.code_id in codes]
        if gone:
            found[s.segment.id] = gone
            s.suggestions.sort(key=lambda g: g.code_id in codes)  # stable: the kept first
    if not found:
        return
    result.meta[PROBABILITY_NOT_RECOVERED] = found
    n = sum(map(len, found.values()))
    total = sum(len(s.suggestions) for s in result)
    warnings.append(
        f"{n} of the {_plural(total, 'coding')} by {user!r} carry no probability or valence in "
        "their selection's description (the QDA program dropped it or merged selections): "
        "imported at probability 0 and valence neutral, below the suggestions whose probability "
        "was kept"
    )


def _cuts_a_word(raw: str, p: int) -> bool:
    """Whether position ``p`` of ``raw`` stands between two letters or digits."""
    return 0 < p < len(raw) and raw[p - 1].isalnum() and raw[p].isalnum()


def _loose_edges(raw: str, start: int, end: int) -> int:
    """How many of the edges of ``raw[start:end]`` lie loose, though they cut no word: a start
    on whitespace, an end after whitespace or between a word and the punctuation after it."""
    return (start < len(raw) and raw[start].isspace()) + (
        end > 0
        and (
            raw[end - 1].isspace()
            or (end < len(raw) and raw[end - 1].isalnum() and ud.category(raw[end])[0] == "P")
        )
    )


def utf16_positions(raw: str, selections: list[ET.Element]) -> dict[int, int] | None:
    """The code point of ``raw`` each UTF-16 code unit offset stands for, when the positions of
    ``selections`` are to be read as UTF-16 code units; else None (:func:`position_reading`)."""
    return position_reading(raw, selections)[0]


#: How many more word edges the reading not taken may cut than the one taken for the two to be
#: close (:func:`position_reading`): generated sloppy UTF-16 selections read as code points
#: when the two tied (s91 interop MED-1, 3 of 60); a margin of 1 names those and their like
CLOSE_READINGS = 1


def position_reading(raw: str, selections: list[ET.Element]) -> tuple[dict[int, int] | None, bool]:
    """The code point of ``raw`` each UTF-16 code unit offset stands for, when the positions of
    ``selections`` are to be read as UTF-16 code units (as a .NET or Qt program may count them)
    rather than code points, as REFI-QDA's are read otherwise; else None. Only when ``raw``
    holds characters outside the Basic Multilingual Plane (emoji: two UTF-16 units each), read
    as code points some selections fall outside the text or cut a word, and read as UTF-16
    units every selection is inside the text, with its edges at word or line edges at least as
    often and cutting fewer words (or none fell outside before). A selection that is empty,
    reversed or starts before the text in either unit (reported and not imported either way)
    has no say, nor has one outside the text in both units: before, one such selection kept
    every other selection of its source in code points, shifted one place per emoji before it
    (qda2 tester, session 80, D1; hunt3, F4).

    With it, whether the two readings are close: both put every selection inside the text, read
    some selection differently, and the one not taken cuts at most :data:`CLOSE_READINGS` more
    words, so the reading taken may be the wrong one (before session 91 that went unsaid)."""
    if not has_outside_bmp(raw):
        return None, False
    pairs: list[tuple[int, int]] = []
    for sel in selections:
        try:
            start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
        except ValueError:
            continue
        if 0 <= start < end:
            pairs.append((start, end))
    units = utf16_units(raw)

    def in_units(start: int, end: int) -> bool:
        s, e = units.get(start), units.get(end)
        return s is not None and e is not None and s < e

    # one outside the text in both units has no say either (hunt3, session 80, F4: a selection
    # past the end, as a program that dropped the last line end leaves it, did)
    pairs = [(s, e) for s, e in pairs if e <= len(raw) or in_units(s, e)]
    if not pairs:
        return None, False
    as_points = [(units.get(s), units.get(e)) for s, e in pairs]
    if any(s is None or e is None or not s < e for s, e in as_points):
        return None, False  # some selection outside the text (or inside an emoji) read as UTF-16
    inside = [(s, e) for s, e in pairs if 0 <= s < e <= len(raw)]
    outside = len(pairs) - len(inside)
    cut = sum(_cuts_a_word(raw, p) for pair in inside for p in pair)
    cut_as_units = sum(_cuts_a_word(raw, p) for pair in as_points for p in pair if p is not None)
    at_edges, at_edges_as_units = 2 * len(inside) - cut, 2 * len(pairs) - cut_as_units
    # a reading taken that cuts no word is not in doubt when the other cuts one
    margin = CLOSE_READINGS if min(cut, cut_as_units) else 0
    close = not outside and as_points != pairs and abs(cut - cut_as_units) <= margin
    if close and not cut and not cut_as_units:
        # neither cuts a word, so code points are taken: their reading is not in doubt when the
        # other has more loose edges (a start on a space, an end before a full stop: sentences
        # after one emoji, s91 hunt2 E11, 12 of 40 generated projects warned wrongly)
        close = sum(
            _loose_edges(raw, s, e) for s, e in as_points if s is not None and e is not None
        ) <= sum(_loose_edges(raw, s, e) for s, e in pairs)
    if (outside or cut_as_units < cut) and at_edges_as_units >= at_edges:
        return units, close
    return None, close


#: The fix a warning on a selection not imported for its positions gives, in brackets at its
#: end (``roqa agree`` counts those warnings: its note says what such a selection counts as)
SELECT_AGAIN = "select and code that passage again in the QDA program, and export the project again"


def _codings_lost(
    sel: ET.Element,
    guid_to_id: dict[str, str],
    valence_codes: dict[str, str],
    ratings: dict[str, tuple[str, str, str]] | None,
) -> str:
    """What of a selection not imported for its positions is lost, counted as the summary counts
    codings: each coder's code once (a valence code that rates the code above it is a coding of
    that code), a valence code's coding the passage's valence, not a coding (before: "2 codings
    not imported" of a code and a valence code, which the summary counts as 1; and "1 codings")."""
    sel_user = normalise_guid(sel.get("creatingUser"))
    coded: set[tuple[str, str]] = set()
    valences = 0
    for coding in children(sel, "Coding"):
        ref = child(coding, "CodeRef")
        target = normalise_guid(ref.get("targetGUID")) if ref is not None else ""
        user = normalise_guid(coding.get("creatingUser")) or sel_user
        if ratings and target in ratings:
            coded.add((user, ratings[target][0]))
        elif target in guid_to_id or target not in valence_codes:
            coded.add((user, guid_to_id.get(target, target)))
        else:
            valences += 1
    n = len(coded)
    if valences and not n:
        return f"the valence coded on it ({_plural(valences, 'coding')} of a valence code) not imported"
    its = ("its" if n == 1 else "their") if valences else ""
    return f"{_plural(n, 'coding')}{f' and {its} valence' if its else ''} not imported"


def _dropped(
    seg_id: str,
    broken: set[str] | None,
    memo: bool,
    coders: list[str],
    dropped_by: dict[str, int] | None,
) -> bool:
    """``memo``, once the segment id of a selection not imported for its positions is put in
    ``broken`` (when roqa_nlp named it) and the selection counted under each of its ``coders``
    in ``dropped_by``."""
    if seg_id and broken is not None:
        broken.add(seg_id)
    if dropped_by is not None:
        for coder in coders:
            dropped_by[coder] = dropped_by.get(coder, 0) + 1
    return memo


def _coders_of(sel: ET.Element, user_names: dict[str, str]) -> list[str]:
    """The names of the coders of selection ``sel``, in the file's order: each coding's
    ``creatingUser``, else the selection's (a GUID no user has stands for itself, as the
    import names such a coder; none at all is ``unknown user``)."""
    sel_user = normalise_guid(sel.get("creatingUser"))
    coders: dict[str, None] = {}
    for coding in children(sel, "Coding"):
        guid = normalise_guid(coding.get("creatingUser")) or sel_user
        coders[user_names.get(guid, guid) if guid else UNKNOWN_USER] = None
    return list(coders)


def _read_selection(
    sel: ET.Element,
    transcript: Transcript,
    raw: str,
    to_plain: NewlineMap,
    label: str,
    order: int,
    guid_to_id: dict[str, str],
    book: Codebook,
    user_names: dict[str, str],
    pending: dict[str, dict[tuple[str, int, int], PendingSelection]],
    warnings: list[str],
    strangers: dict[str, int],
    valence_codes: dict[str, str],
    valence_uses: dict[str, int],
    named: dict[str, set[str]],
    project_notes: dict[str, tuple[str, str]] | None = None,
    used_notes: set[str] | None = None,
    repeats: dict[str | None, int] | None = None,
    ratings: dict[str, tuple[str, str, str]] | None = None,
    rating_uses: dict[str, int] | None = None,
    in_units: dict[int, int] | None = None,
    broken: set[str] | None = None,
    gone: dict[str, Code] | None = None,
    merged_away: dict[str, tuple[Code, dict[str, None], list[str]]] | None = None,
    dropped_by: dict[str, int] | None = None,
) -> bool:
    """Add a selection's codings to ``pending`` (its positions UTF-16 code units, the code point
    each stands for in ``in_units``, when :func:`utf16_positions` found them so); whether it carries
    a comment that is not kept (a description other than roqa_nlp's suggestion and valence lines, on
    a selection none of whose codings is imported). A comment that is kept is a note on the passage:
    the span of the user who last modified the selection (else created it) when they coded it, else
    each person's who coded it (else the machine user's). A coding of a valence code that is not in
    the codebook (``valence_codes``: normalised GUID -> name) is kept as a suggestion of the code's
    GUID and name (a person's valence codes are turned into valences later), and counted in
    ``valence_uses`` (GUID -> codings). A machine user's coding takes its probability and valence
    from the description's note that is its (:func:`_note_of`; ``named``: the codes each normalised
    name stands for), else probability 0 and valence neutral, recorded in ``PendingSelection.lost``. The
    ``project_notes`` (GUID -> writer's GUID, text) the selection or its codings refer to
    (``<NoteRef>``) are put on the span of the user who wrote them, when they coded it, else on each
    coder's span, and their GUIDs in ``used_notes``. A coding of a code the same user gave the same
    span already is kept once, and counted in ``repeats`` (user name -> codings; a coding that names
    no user counts under ``None`` as well). A coding of a valence code that rates the code above it
    (``ratings``: normalised GUID -> that code's id, the valence, the valence code's name;
    ``Available Resources`` > ``Barrier``) is a coding of that code with that valence, recorded in
    ``PendingSelection.rated`` and counted in ``rating_uses``; with a coding of that code itself on the span
    it is one coding, not a repeat. A selection not imported for its positions (outside the
    text, reversed, empty) that roqa_nlp named (``line:<n> <segment id>``) puts its segment id in
    ``broken``: its suggestion is still in the project, only its span is broken. A machine
    user's coding of a code into which the program merged the code the suggestion names (the
    known codebook's code, no longer in the project: ``gone``, by normalised name) is a
    suggestion of the code it names, as the model made it, recorded in ``merged_away`` (its id
    -> the code, the names of the codes it is coded with now, the segment ids). A selection not
    imported for its positions is counted in ``dropped_by`` under each of its coders' names."""
    sel_name = sel.get("name") or ""
    seg_id = LINE_PREFIX.sub("", sel_name) if LINE_PREFIX.match(sel_name) else ""
    where = f"{label}, selection {sel_name or sel.get('guid')!r}"
    codings = children(sel, "Coding")
    desc = _text_of(child(sel, "Description"))
    notes, rest = _suggestion_notes(desc) if desc else ([], "")
    given: ValenceNote | None = None
    if desc and not notes:
        given, rest = _valence_and_comment(desc)
    comment = normalise_newlines(rest)[0].strip()  # what the coder wrote there: a note
    memo = bool(comment)

    def lost() -> str:  # what a selection not imported for its positions loses
        return _codings_lost(sel, guid_to_id, valence_codes, ratings)

    try:
        raw_start = int(sel.get("startPosition", ""))
        raw_end = int(sel.get("endPosition", ""))
    except ValueError:
        warnings.append(f"{where}: positions are not integers; {lost()} ({SELECT_AGAIN})")
        return _dropped(seg_id, broken, memo, _coders_of(sel, user_names), dropped_by)
    if raw_start >= raw_end:  # in either unit, named by the positions the file gives
        if raw_start == raw_end:
            why = "is an empty selection (zero length: it ends where it starts)"
        else:
            why = "ends before it starts"
        warnings.append(f"{where}: {raw_start}-{raw_end} {why}; {lost()} ({SELECT_AGAIN})")
        return _dropped(seg_id, broken, memo, _coders_of(sel, user_names), dropped_by)
    if in_units is not None:
        # every selection is inside the text read so when utf16_positions found it so, but not
        # always in a source roqa's export recorded as counted in UTF-16 units
        at_start, at_end = in_units.get(raw_start), in_units.get(raw_end)
        if at_start is None or at_end is None:
            units = max(in_units)
            outside = not (0 <= raw_start <= units and 0 <= raw_end <= units)
            why = (
                f"is outside its text (0-{units} UTF-16 units)"
                if outside
                else "cuts a character outside the Basic Multilingual Plane (an emoji: two "
                "UTF-16 units)"
            )
            warnings.append(f"{where}: {raw_start}-{raw_end} {why}; {lost()} ({SELECT_AGAIN})")
            return _dropped(seg_id, broken, memo, _coders_of(sel, user_names), dropped_by)
        raw_start, raw_end = at_start, at_end
    if not 0 <= raw_start < raw_end <= len(raw):
        why = f"is outside its text (0-{len(raw)})"
        warnings.append(f"{where}: {raw_start}-{raw_end} {why}; {lost()} ({SELECT_AGAIN})")
        return _dropped(seg_id, broken, memo, _coders_of(sel, user_names), dropped_by)
    start, end = to_plain(raw_start), to_plain(raw_end)
    sel_user = normalise_guid(sel.get("creatingUser"))
    users = [normalise_guid(c.get("creatingUser")) or sel_user for c in codings]
    coded: dict[str, PendingSelection] = {}  # each coder's span of the selection, by their GUID
    for coding, user_guid in zip(codings, users):
        ref = child(coding, "CodeRef")
        target = normalise_guid(ref.get("targetGUID")) if ref is not None else ""
        rating = (ratings or {}).get(target)
        cid = guid_to_id.get(target) if rating is None else rating[0]
        if rating is not None and rating_uses is not None:
            rating_uses[target] = rating_uses.get(target, 0) + 1
        if cid is not None:
            code = book[cid]
            cname, domain = code.name, code.domain
        elif target in valence_codes:
            cid, cname, domain = target, valence_codes[target], None
            valence_uses[target] = valence_uses.get(target, 0) + 1
        else:
            warnings.append(f"{where}: coding of unknown code {target or '(none)'!r} not imported")
            continue
        uname = user_names.get(user_guid, user_guid) if user_guid else UNKNOWN_USER
        if gone and cid is not None and is_machine_user(uname):
            alone = users.count(user_guid) == 1
            was = _suggested_before_a_merge(notes, cname, alone, gone)
            if was is not None:  # the model's suggestion stays what it was (s62)
                if merged_away is not None:
                    into, on = merged_away.setdefault(was.id, (was, {}, []))[1:]
                    into[cname] = None
                    on.append(seg_id or f"{transcript.id}:@{start}-{end}")
                cid, cname, domain = was.id, was.name, was.domain
        if user_guid and (user_guid not in user_names or user_guid in _not_listed(user_names)):
            strangers[uname] = strangers.get(uname, 0) + 1
        if not user_guid and repeats is not None:
            repeats[None] = repeats.get(None, 0) + 1
        spans = pending.setdefault(uname, {})
        key = (transcript.id, start, end)
        item = spans.get(key)
        if item is None:
            item = spans[key] = PendingSelection(
                transcript,
                start,
                end,
                sel_name,
                order,
                times=selection_times(sel),
                created=date_time(sel.get("creationDateTime")),
            )
        elif sel_name != item.name and sel_name not in item.merged_names:
            item.merged_names.append(sel_name)
        coded.setdefault(user_guid, item)
        again = target in item.targets
        item.targets.add(target)
        if rating is not None:
            raters = item.rated.setdefault(cid, {}).setdefault(rating[1], [])
            if rating[2] not in raters:
                raters.append(rating[2])
        if any(s.code_id == cid for s in item.suggestions):
            # the same code twice on the same span by the same user (a code and a valence code
            # below it that rates it are one coding)
            if (again or (rating is None and cid not in item.rated)) and repeats is not None:
                repeats[uname] = repeats.get(uname, 0) + 1
            continue
        probability, valence, valence_p = 1.0, "neutral", None
        # The note is the machine user's: a person who coded roqa_nlp's selection applied a code.
        if is_machine_user(uname):
            alone = users.count(user_guid) == 1
            note = _note_of(notes, cid, cname, alone, named, book)
            if note is not None:
                probability, valence = note
            elif valence_code(cid, cname) is None:  # a valence code's coding is dropped later
                probability = 0.0
                item.lost.append(cid)
        elif rating is not None:
            valence = rating[1]  # the valence code below the code names its valence
        elif given is not None:
            valence, valence_p, item.model_valence = given  # as roqa export writes it
            item.noted = True
        item.suggestions.append(
            Suggestion(
                code_id=cid,
                name=cname,
                domain=domain,
                probability=probability,
                valence=valence,
                valence_probability=valence_p,
            )
        )
        if (dated := date_time(coding.get("creationDateTime"))) is not None:
            item.coded_at[cid] = dated
        if is_guid(kept := (sel.get("guid") or "").strip().strip("{}")):
            item.selection_guids.setdefault(cid, kept)
        if is_guid(kept := (coding.get("guid") or "").strip().strip("{}")):
            item.coding_guids.setdefault(cid, kept)
    refs = [sel, *codings]
    own = (sel.get("guid") or "").strip().strip("{}")  # the selection a note was on
    for guid in dict.fromkeys(
        normalise_guid(r.get("targetGUID")) for el in refs for r in children(el, "NoteRef")
    ):
        if project_notes is None or guid not in project_notes or not coded:
            continue
        writer, text = project_notes[guid]
        for item in [coded[writer]] if writer in coded else coded.values():
            if text not in item.notes:
                item.notes.append(text)
                item.note_guids[text] = guid
            if is_guid(own) and own not in (had := item.note_selections.setdefault(text, [])):
                had.append(own)
        if used_notes is not None:
            used_notes.add(guid)
    if comment and coded:
        # A comment has no writer of its own: the selection's last modifier, else its creator,
        # when they coded it; else each person who coded it (roqa_nlp writes no comments).
        writer = normalise_guid(sel.get("modifyingUser")) or sel_user
        people = [
            item
            for g, item in coded.items()
            if not is_machine_user(user_names.get(g, g) if g else UNKNOWN_USER)
        ]
        mine = coded.get(writer) if writer in coded and coded[writer] in people else None
        for item in [mine] if mine is not None else people or list(coded.values()):
            if comment not in item.notes:
                item.notes.append(comment)
                item.comments.append(comment)
            if is_guid(own) and own not in (had := item.note_selections.setdefault(comment, [])):
                had.append(own)
        memo = False
    return memo


def _warn_all(lines: list[str], path: str | Path) -> None:
    for line in lines:
        warn(line, path=path, stacklevel=4)


def read_qdpx_codings(path: str | Path, **kwargs: Any) -> dict[str, CodingResult]:
    """Each user's codings in a ``.qdpx`` file, by user name (see :func:`read_qdpx`).

    What could not be imported (codings of unknown codes, selections outside their text, sources
    without text ...) is issued as a :class:`~roqa_nlp.errors.RoqaWarning` each, naming the file.
    """
    given_path(path, "read_qdpx_codings", "a .qdpx file's path", "'project.qdpx'")
    project = read_qdpx(path, **kwargs)
    _warn_all(project.warnings, path)
    return project.codings


def read_qdpx_transcripts(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant_labels: Sequence[str] | None = None,
    **kwargs: Any,
) -> list[Transcript]:
    """The text sources of a ``.qdpx`` file as transcripts (see :func:`read_qdpx`).

    Their speakers are read as :func:`~roqa_nlp.transcripts.read_transcripts` and ``roqa
    inspect``/``roqa code`` read them: ``interviewer_labels`` are added to the default
    interviewer labels (``Interviewer`` stays one), ``participant_labels`` overrule them
    (:func:`~roqa_nlp.transcripts.with_default_labels`; :func:`read_qdpx` takes exactly the
    labels given). Before session 68 they were exactly those given (hunt h_labels D3).

    A recording's transcript and a PDF's text are transcripts too. Sources that could not be
    read as text (pictures, recordings and PDFs without text, text that is not
    UTF-8, UTF-16 or UTF-32, empty sources ...), sources whose selections are read in UTF-16
    code units, and what of the project is not imported (case descriptions, variables ...) are
    issued as a :class:`~roqa_nlp.errors.RoqaWarning` each, naming the file, as
    :func:`read_qdpx_codings` issues them (``roqa code project.qdpx`` prints what ``roqa agree
    project.qdpx`` does about them); not the warnings about single codings.
    """
    from ..transcripts import with_default_labels

    given_path(path, "read_qdpx_transcripts", "a .qdpx file's path", "'project.qdpx'")
    labels = with_default_labels(interviewer_labels, participant_labels)
    project = read_qdpx(path, interviewer_labels=labels, **kwargs)
    _warn_all(project.source_warnings, path)
    return project.transcripts
