"""File I/O shared by every module: atomic writes, text decoding, JSON Lines.

Outputs are written to a temporary file in the destination directory and renamed over the final
name, so a crash never leaves a half-written file under a final name. Inputs are only read.
"""

from __future__ import annotations

import bisect
import codecs
import contextvars
import csv
import errno
import io
import itertools
import json
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Literal

from .errors import RoqaError, RoqaFileNotFoundError, RoqaValueError, quoted

#: Largest input file read into memory (bytes). Larger transcripts are refused, not swapped.
MAX_INPUT_BYTES = 50 * 1024 * 1024


#: written first in the CSV files meant for spreadsheets: Excel reads a CSV file as UTF-8 only
#: after this mark (else "café" and curly quotes garble); roqa's own readers skip it
EXCEL_BOM = "\ufeff"


def color_system() -> Literal["auto"] | None:
    """The rich ``color_system`` of what roqa draws on a terminal: None, no styling codes at
    all (bold included, which rich keeps for ``NO_COLOR``), when ``NO_COLOR`` is set and not
    empty (no-color.org); else rich's ``"auto"``."""
    return None if os.environ.get("NO_COLOR") else "auto"


def shell_quoted(path: str | Path) -> str:
    """``path`` as a command line printed for the researcher to paste takes it: quoted for the
    shell (``'My Study/coded'``), and on Windows in double quotes, which cmd.exe and PowerShell
    both read (``"C:\\Users\\ann\\My Study"``); a path that needs none is given as it is."""
    text = str(path)
    if os.name == "nt":
        import subprocess

        return subprocess.list2cmdline([text])
    import shlex

    return shlex.quote(text)


def path_to_record(typed: str | Path, folder: str | Path | None = None) -> str:
    """``typed``, a file's path as given, as an output records it without naming a folder
    outside the study: a relative path that does not climb out (no ``..``) as typed; any other
    (absolute, ``~``, ``..``) relative to the folder ``folder`` (its codings' run folder, say
    ``coded/``) is in, when the file is under that (``coded/decisions.csv``, as typed from the
    study's folder), else the file's name alone. The file's SHA-256, recorded beside it,
    identifies it (privacy, session 67: ``--feedback "/home/jane.doe/Site Leeds/coded/
    decisions.csv"`` reached every run.json and report). Relative to the folder the command
    was run from first only when that is the folder ``folder`` is in or one below it: run from
    above the study, that named the folders above it (hunt s67 h_last D1:
    ``s67_h_last/study/review/decisions.csv``), and codings kept in the study's own folder
    (``--out .``) are in a folder above it (hunt s67 h_priv R1: ``Site York/decisions.csv``)."""
    given = Path(typed)
    if not (given.is_absolute() or str(typed).startswith("~") or ".." in given.parts):
        return str(typed)
    full = Path(os.path.abspath(os.path.expanduser(typed)))
    if folder is None:
        return full.name
    above = Path(os.path.abspath(os.path.expanduser(folder))).parent
    here = Path.cwd()
    for base in ([here] if here == above or above in here.parents else []) + [above]:
        try:
            return str(full.relative_to(base))
        except ValueError:  # not under it (or on another drive)
            continue
    return full.name


def given_path(value: object, call: str, what: str, example: str) -> Path:
    """``value`` as a Path, or a one-line :class:`~roqa_nlp.errors.RoqaTypeError` saying
    ``call`` takes ``what`` (a path) when it is not a str or os.PathLike (``AutoCoder.load(42)``
    gave Python's "expected str, bytes or os.PathLike object, not int": session 56)."""
    from .errors import RoqaTypeError, a_type

    if not isinstance(value, (str, os.PathLike)):
        raise RoqaTypeError(
            f"{call}() takes {what}, not {a_type(value)}", hint=f"give a path, e.g. {example}"
        )
    return Path(value)


def file_given_as_text(
    text: str, *, command: str, hint: str, by_name: bool = True
) -> RoqaError | None:
    """The error for ``text``, given to be coded as talk, when it is a file instead: one that is
    there (``quotes.txt``), or, with ``by_name``, one word named as a transcript file is
    (``p04.docx``, there or not); else None (talk, a pasted line, ``-``). Coded, the file's name
    is ranked as talk (newcomer, session 47; the Python API, session 56): ``command`` (``roqa
    suggest``, ``suggest()``) is said to code the text it is given, and ``hint`` how to code the
    file. Shared by ``roqa suggest`` and :meth:`~roqa_nlp.autocoder.AutoCoder.suggest`."""
    from .errors import RoqaValueError
    from .transcripts import SUPPORTED_EXTENSIONS

    if text == "-" or "\n" in text or not text.strip():
        return None
    try:
        there = Path(text).is_file()
    except (OSError, ValueError):  # a sentence too long for a path, or holding a NUL
        there = False
    named = (
        by_name
        and not any(c.isspace() for c in text)
        and Path(text).suffix.lower() in SUPPORTED_EXTENSIONS
    )
    if not (there or named):
        return None
    return RoqaValueError(
        f"{'is a file' if there else 'looks like a file name'}, and {command} codes the text "
        "it is given",
        path=text,
        hint=hint,
    )


#: A line of a CSV file that holds no cell: blank, or only separators (an empty row Excel saved).
_NO_CELLS = re.compile(r"[\s,;]*")


#: The header of a table may come below a title: it is one of the first lines (or rows of a
#: sheet), as a transcript table's is (:data:`roqa_nlp.transcripts.csv.MAX_HEADER_ROW`, this one).
MAX_HEADER_LINE = 5


def from_the_header(text: str, column: str | None = None) -> tuple[str, int]:
    """The text of a CSV file from its header, the first line that holds a cell, and how many
    lines above it were passed over (blank, or an empty row of separators): else the blank line
    is read as the header, which names no column, and the file "has no segment_id column" whose
    header names it. Add the count to a row's number to say its line in the file.

    With ``column`` (``segment_id``, ``text``), a first line that does not name it may be a
    title (``Alice review 3 Dec``): the header is then the first of the first
    :data:`MAX_HEADER_LINE` lines that names ``column`` (at a separator of its own,
    :func:`header_delimiter`), when every line above it holds one cell at most, split at the
    header's separator (a title ``Review of P01-P13, 6 Dec;;;;`` above a semicolon header:
    Excel in German settings leaves its comma unquoted); else the first line stays the header,
    which names what is missing."""
    lines = text.split("\n")
    skipped = 0
    while skipped < len(lines) - 1 and _NO_CELLS.fullmatch(lines[skipped]):
        skipped += 1
    if column is not None:
        head = lines[skipped:MAX_HEADER_LINE]
        named = (header_delimiter(line, column) for line in head)
        if (delimiter := next((d for d in named if d is not None), None)) is not None:
            skipped += title_rows((_line_cells(line, delimiter) for line in head), column)
    return "\n".join(lines[skipped:]), skipped


def _line_cells(line: str, delimiter: str | None = None) -> list[str]:
    """The cells of one line of a CSV file, split at ``delimiter`` or else its own separator (a
    line the csv module refuses, a cell over its field limit, is one cell: no header, and read
    as the file is)."""
    try:
        return next(csv.reader([line], delimiter=delimiter or csv_delimiter(line)), [])
    except csv.Error:
        return [line]


def header_delimiter(line: str, column: str) -> str | None:
    """The separator at which the cells of a header ``line`` name ``column`` (as
    :func:`column_key` reads a cell): its own (:func:`csv_delimiter`), else the first of a
    comma, a tab and a semicolon that does: a semicolon file whose header holds a comma
    (a column of the reviewer's own, ``Checked, JB``: Excel in German, French or Dutch settings
    leaves it unquoted) is read at its semicolons, where the Sniffer, preferring commas, took
    the comma and found no ``segment_id`` (s79 hunt1 B). None when no separator does."""
    for delimiter in dict.fromkeys((csv_delimiter(line), ",", "\t", ";")):
        if column in (column_key(c) for c in _line_cells(line, delimiter)):
            return delimiter
    return None


#: what :func:`column_key` makes one underscore: a run of blanks, hyphens and underscores
_COLUMN_JOINER = re.compile(r"[\s_-]+")


def header_cell(cell: object) -> str:
    """A header cell as written, without a byte order mark and the blanks around it, in lower
    case: ``Code_ID`` is ``code_id`` as roqa writes it, ``Code ID`` stays ``code id``, a
    column retyped (:func:`column_key` reads both as ``code_id``). The decisions reader tells
    roqa's own columns from retyped ones by it."""
    return str(cell).lstrip("\ufeff").strip().lower()


def column_key(cell: object) -> str:
    """A header cell as a column's name is matched: as written (:func:`header_cell`), case
    folded, each run of blanks, hyphens and underscores one underscore. So ``Segment ID``,
    ``segment-id`` and ``SEGMENT_ID`` all name ``segment_id`` (a review's header retyped in
    Excel was an error, s77 dfix); a name with none of them (``text``) is only matched without
    case, as before."""
    return _COLUMN_JOINER.sub("_", header_cell(cell).casefold())


def title_rows(rows: Iterable[Sequence[Any]], column: str) -> int:
    """How many of a table's first ``rows`` are a title above its header: 0 when the first
    names ``column`` (as :func:`column_key` reads a cell) or when no row does; else the index
    of the first that does, when every row above it holds one cell at most
    (:func:`from_the_header`)."""

    def cells(row: Sequence[Any]) -> list[str]:
        return [str(c).lstrip("\ufeff").strip() for c in row if c is not None and str(c).strip()]

    for index, row in enumerate(itertools.islice(rows, MAX_HEADER_LINE)):
        if column in (column_key(c) for c in cells(row)):
            return index
        if len(cells(row)) > 1:
            return 0
    return 0


def csv_delimiter(text: str, column: str | None = None) -> str:
    """The separator of a CSV file a researcher may have saved from Excel, told from its header
    line: a comma, or a semicolon (Excel's CSV where the decimal mark is a comma) or a tab
    (Excel's "Unicode text"); with ``column``, the one at which the header names it, when one
    does (:func:`header_delimiter`). Blank lines above the header are passed over
    (:func:`from_the_header`)."""
    header = from_the_header(text)[0].split("\n", 1)[0]
    if column is not None and (named := header_delimiter(header, column)) is not None:
        return named
    return sniffed_delimiter(header)


#: The separators :func:`sniffed_delimiter` tells, in the order Python's ``csv.Sniffer`` prefers
#: them when a line holds several and no quoted cell tells one.
SEPARATORS = (",", "\t", ";")
#: A separator (no letter, digit, underscore, line break or quote), a blank or none, and a quote:
#: where ``csv.Sniffer`` sees a quoted cell start (``,"``, ``; '``), found overlapping.
_QUOTED_CELL_START = re.compile(r"""(?=([^\w\n"'])( ?)(["']))""")
#: A quote and a separator after it, where a quoted cell may close (``",``), found overlapping.
_QUOTE_AND_SEPARATOR = re.compile(r"""(?=(["'][^\w\n"']))""")
#: ``"x",`` at a line's start: a quoted cell, then its separator (``csv.Sniffer``'s second way).
_FIRST_QUOTED_CELL = re.compile(r"""(["']).*?\1([^\w\n"'])""", re.DOTALL)


def sniffed_delimiter(line: str) -> str:
    """The separator of one line of a CSV file (no line break in it), as Python's
    ``csv.Sniffer().sniff(line, delimiters=",;\\t")`` tells it, a comma where it tells none: the
    separator most often beside a quoted cell (``,"x",``), the first found when as often; else
    the first of :data:`SEPARATORS` the line holds. Found in one pass over the line: the
    Sniffer's own expressions each scan the rest of the line from every quote that opens a cell
    and never closes, so a line of 30 000 characters took 12 s and one of a megabyte hours
    (hfix1 s79). The report page reads a line the same way (``lineSeparator`` in report.js)."""
    counts: dict[str, int] = {}
    for sep in _quoted_cell_separators(line):
        if sep in SEPARATORS:
            counts[sep] = counts.get(sep, 0) + 1
    if counts:
        return max(counts, key=lambda sep: counts[sep])
    return next((sep for sep in SEPARATORS if sep in line), ",")


def _quoted_cell_separators(line: str) -> list[str]:
    """The separators ``csv.Sniffer`` finds beside quoted cells on ``line``, one for each cell,
    in the first of its ways that finds any: ``,"x",`` (left to right, not overlapping), ``"x",``
    at the line's start, ``,"x"`` at its end (its fourth, ``"x"`` alone, tells no separator).
    The closing quote of each cell is looked up among the places of a quote before a separator,
    found in one pass."""
    closings: dict[str, list[int]] = {}  # a quote and the separator after it -> where
    for c in _QUOTE_AND_SEPARATOR.finditer(line):
        closings.setdefault(c[1], []).append(c.start())
    latest = max((at[-1] for at in closings.values()), default=-1)
    found = []
    pos = 0
    for m in _QUOTED_CELL_START.finditer(line):
        if m.start() >= latest:
            break  # no quote closes a cell after it
        if m.start() < pos:
            continue
        sep, quote = m[1], m[3]
        after = closings.get(quote + sep, [])
        k = bisect.bisect_left(after, m.end(3))
        if k < len(after):
            found.append(sep)
            pos = after[k] + 2
    if found:
        return found
    if (first := _FIRST_QUOTED_CELL.match(line)) is not None:
        return [first[2]]
    last = line[-1:]
    if last in ("'", '"'):
        end = re.compile(rf"""([^\w\n"'])( ?)({last})""").search(line)
        if end is not None and end.end() < len(line):
            return [end[1]]
    return []  # "x" alone, the fourth way, tells no separator


def too_many_fields_hint(cell: str, *, codes: bool = False, sep: str = "a comma") -> str:
    """What to do about a row with more fields than its header (:func:`rows_within_header`):
    quote the ``cell`` typed with ``sep`` in it ("a note, a text"; "a code"), and, when a cell
    may hold several ``codes``, separate them with ';'. One text for every table roqa reads."""
    return f"put quotes around a cell that holds {sep} ({cell}), as Excel does" + (
        ", and separate the codes of one cell with ';' (Culture; Cost)" if codes else ""
    )


#: what :func:`rows_within_header` does with a row whose fields past the header hold text:
#: given the row, the header's width and the row's line in the file, it returns the row to
#: read (its fields joined back, say) or raises
OnExtraFields = Callable[[list[str], int, int], list[str]]


def quote_left_open(text: str, delimiter: str = ",") -> int | None:
    """The line (from 1) of the quote opening a cell of the CSV ``text`` that no quote closes
    before the text ends, as ``csv.reader`` reads it (not ``strict``: it reads the rest of the
    file into that cell without a word), else None. A quote opens a cell only as its first
    character; inside a quoted cell ``""`` is a quote; a quote inside an unquoted cell is one."""
    ends = re.compile(f"[{re.escape(delimiter)}\r\n]")
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':  # at a cell's start: a quoted cell, up to its closing quote
            j = i + 1
            while (k := text.find('"', j)) >= 0 and text.startswith('"', k + 1):
                j = k + 2  # "" inside a quoted cell
            if k < 0:
                return text.count("\n", 0, i) + 1
            i = k + 1  # what follows a closing quote, up to the next delimiter, is the cell's
        found = ends.search(text, i)
        if found is None:
            return None
        i = found.end()  # the next cell's (or row's) first character
    return None


def rows_within_header(
    reader: Iterable[list[str]],
    path: str | Path,
    *,
    skipped: int = 0,
    hint: str = "",
    columns: Collection[str] = (),
    on_extra: OnExtraFields | None = None,
) -> Iterator[list[str]]:
    """The rows of a ``csv.reader`` over a CSV file's text from its header
    (:func:`from_the_header`; ``skipped`` lines above it), the header first.

    A row with more fields than the header, a field past it holding text, is a one-line error
    naming its line and both counts, with ``hint`` (what to do: :func:`too_many_fields_hint`):
    a cell typed with commas and no quotes around it (``Leadership Engagement, Cost``) is split
    into fields, and the fields past the header would be lost without a word. ``on_extra``, when
    given, is called instead, with the row, the header's width and the row's line (the file's:
    a quoted cell over several lines above counts each of them), and the row it returns is read
    (a transcript's turn typed with commas, joined back). Empty fields past it (``a,b,c,,``, as
    Excel saves a row of a wider sheet) lose nothing. The ``csv`` module's errors (an unclosed
    quote under ``strict``) propagate, for the reader's own message; its ``line_num`` stays
    current. Rows are checked only below a header naming every one of ``columns``
    (:func:`column_key`): a header lacking one is the reader's error to name, not a row's width."""
    width = None
    checked = False
    for row in reader:
        if width is None:
            width = len(row)
            named = {column_key(c) for c in row}
            checked = all(c in named for c in columns)
        elif checked and len(row) > width and any(c.strip() for c in row[width:]):
            line = getattr(reader, "line_num", 0) + skipped
            if on_extra is not None:
                row = on_extra(row, width, line)
            else:
                raise too_many_fields(row, width, line, path, hint)
        yield row


def too_many_fields(
    row: Sequence[str], width: int, line: int, path: str | Path, hint: str
) -> RoqaError:
    """The error of a row read from ``line`` of a CSV file with more fields than its header's
    ``width``, a field past it holding text (:func:`rows_within_header`), with ``hint``."""
    lost = ", ".join(c.strip() for c in row[width:] if c.strip())
    return RoqaValueError(
        f"line {line} has {len(row)} fields but the header {width}, so the text past the header "
        f"({quoted(lost)}) would be lost",
        path=path,
        hint=hint,
    )


#: Characters XML 1.0 cannot hold (control characters but tab and new lines, and the
#: non-characters U+FFFE and U+FFFF), which Word, Excel and REFI-QDA files are made of.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Those of them that part words: Word's line break (vertical tab) and page break (form feed)
#: pasted in, and the separators \x1c-\x1f (Python's ``str.isspace`` of each is True)
_BLANK_NOT_XML = re.compile("[\x0b\x0c\x1c-\x1f]+")
_OTHER_NOT_XML = re.compile("[\x00-\x08\x0e-\x1b\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot represent (a transcript may hold them;
    Word, Excel and REFI-QDA files cannot): one that parts words is a space, unless a blank is
    beside it or it begins or ends the text (``"Word:\\vline two\\fpage"`` is ``"Word: line
    two page"``, not ``"Word:line twopage"``: interop tester, session 91); any other is left
    out. Tabs and line breaks, which XML holds, are kept."""
    if _NOT_XML.search(text) is None:
        return text
    text = _OTHER_NOT_XML.sub("", text)

    def parted(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        return " " if before and after and not before.isspace() and not after.isspace() else ""

    return _BLANK_NOT_XML.sub(parted, text)


#: The most characters an Excel cell holds (UTF-16 units); openpyxl keeps the first ones of a
#: longer text without a word (hunt s68 h_verdict, R1: a verdict cut mid-item at 32,767)
XLSX_CELL = 32767


def xlsx_cell(text: str, whole: str) -> str:
    """``text`` as an Excel cell holds it: whole when it fits (:data:`XLSX_CELL`), else cut at
    a blank and ended by ``… (cut: 14,376 more characters; full text in WHOLE)``, where
    ``whole`` says where the reader finds all of it (``the .csv of this table``): a cut is
    never silent."""

    def units(s: str) -> int:  # Excel counts UTF-16 units: a character beyond U+FFFF is two
        return len(s.encode("utf-16-le")) // 2

    if units(text) <= XLSX_CELL:
        return text

    def mark(n: int) -> str:
        return f" … (cut: {n:,} more characters; full text in {whole})"

    room = XLSX_CELL - units(mark(len(text)))  # the longest count said is the widest
    kept = text[:room]
    while (over := units(kept) - room) > 0:  # each character is one unit or two
        kept = kept[: -((over + 1) // 2)]
    blank = kept.rfind(" ")
    if blank > room - 80:  # at the end of a word, when one ends near the limit
        kept = kept[:blank]
    kept = kept.rstrip()
    return kept + mark(len(text) - len(kept))


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as text, never runs: a leading ``= + - @`` (or tab, carriage
    return) gets an apostrophe, as OWASP advises against CSV/formula injection (transcripts are
    untrusted input). A lone ``-`` or ``+`` runs nothing (a table's mark for "no domain", "none")
    and stays as it is; ``-1+1`` or ``--x`` is guarded."""
    if text in ("-", "+"):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def spreadsheet_text(cell: str) -> str:
    """A cell as :func:`spreadsheet_safe` wrote it, read back: without the apostrophe that keeps
    a leading ``= + - @`` (or tab, carriage return) from running as a formula."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def spreadsheet_csv(
    rows: Iterable[Sequence[Any]], *, delimiter: str = ",", line_end: str = "\n"
) -> str:
    """CSV text of ``rows`` for a spreadsheet: text cells pass through :func:`spreadsheet_safe`
    (write the file with :data:`EXCEL_BOM` first). Every CSV roqa writes is written by it, so
    that every cell is guarded; ``delimiter`` and ``line_end``: a file's own (``;`` as Excel
    saves it where the decimal mark is a comma, ``\\r\\n`` as it ends lines). A flag (a bool) is
    ``true``/``false``, in every CSV alike (``codings.csv`` wrote ``true``, evaluate's
    predictions ``True``: docs tester, session 58)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=line_end)
    for row in rows:
        w.writerow([_csv_value(v) for v in row])
    return buf.getvalue()


def _csv_value(v: Any) -> Any:
    """A cell as :func:`spreadsheet_csv` writes it: text guarded, a flag ``true``/``false``."""
    if isinstance(v, str):
        return spreadsheet_safe(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


#: Extensions of a REFI-QDA project: the zipped project and its bare XML.
QDA_PROJECT_SUFFIXES = (".qdpx", ".qde")
#: Extension of a REFI-QDA codebook, which QDA programs export as roqa does.
QDA_CODEBOOK_SUFFIX = ".qdc"
#: Bytes of a project's or codebook's XML read at most to find its ``origin``.
_PROJECT_HEAD = 1 << 16
#: The root element of a REFI-QDA project (``Project``) or codebook (``CodeBook``)
_QDA_ROOT_TAG = re.compile(r"<(?:[\w.\-]+:)?(Project|CodeBook)(\s[^<>]*)?/?>")
_ORIGIN = re.compile(r"""\sorigin\s*=\s*(?:"([^"]*)"|'([^']*)')""")

#: What a file of each extension is expected to hold: a writer of another format refuses it.
_FORMATS = {
    ".csv": "CSV",
    ".tsv": "CSV",
    ".xlsx": "Excel",
    ".xlsm": "Excel",
    ".xls": "Excel",
    ".docx": "Word",
    ".doc": "Word",
    ".json": "JSON",
    ".jsonl": "JSON",
    ".html": "HTML",
    ".htm": "HTML",
    ".pdf": "PDF",
}


def check_format(path: str | Path, fmt: str, method: str) -> None:
    """A one-line error when ``path``'s extension says another format than the ``fmt`` that
    ``method`` writes (``to_csv("matrix.xlsx")`` wrote CSV text Excel cannot open); other or no
    extensions are the caller's choice."""
    suffix = Path(path).suffix.lower()
    said = _FORMATS.get(suffix)
    if said is not None and said != fmt:
        raise RoqaError(
            f"{method}() writes {fmt}, which a '{suffix}' file name says it is not",
            path=path,
            hint=f"give a name ending in {_suffix_of(fmt)}, or use the method that writes {said}",
        )


def _suffix_of(fmt: str) -> str:
    return next(s for s, f in _FORMATS.items() if f == fmt)


def write_spreadsheet_csv(path: str | Path, rows: Iterable[Sequence[Any]]) -> None:
    """Write ``rows`` as a CSV file for spreadsheets (:data:`EXCEL_BOM` first), atomically."""
    check_format(path, "CSV", "to_csv")
    atomic_write_text(path, EXCEL_BOM + spreadsheet_csv(rows))


#: names Windows keeps for devices, whatever the extension: ``CON.txt`` cannot be a file there
_DEVICE_NAMES = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\.|$)", re.IGNORECASE)


def file_stem(name: str, used: set[str]) -> str:
    """A file name (without extension) for a transcript id or code name ``name``, the one way
    roqa names an output file after one (a coder's folder is :func:`typable_stem`): it stays
    inside its folder and any system can hold it (``/tmp/x/notes`` -> ``tmp_x_notes``, ``../../P01``
    -> ``P01``, ``P01: Siobhán?`` ->
    ``P01_Siobhán``, ``Site A|B <draft>`` -> ``Site A_B_draft``), its accents composed first
    (NFC, so a decomposed ``Sia\u0302n`` is ``Siân``, not ``Sia_n``), and unique in ``used``
    ignoring case (``-2``, ``-3`` after a name taken; added to ``used``)."""
    # what no system holds in a name (a path's separators, Windows' ``<>:"/\\|?*``, control
    # characters such as a tab), a run of it with the spaces around it, is "_"; everything else is
    # kept (``P03 O'Neill``, ``P12 (follow-up)``, ``P14 & P15``): a copy keeps its transcript's
    # id, so a second coder's codings of it line up with the first's (hunt s44: ``O_Neill``)
    stem = re.sub(r"\s*(?:[<>:\"/\\|?*\x00-\x1f\x7f]\s*)+", "_", unicodedata.normalize("NFC", name))
    return _unique(stem.strip("._ "), used)


def typable_stem(name: str, used: set[str]) -> str:
    """A folder or file name (without extension) for a coder ``name`` that can be typed in a
    shell as it is, with no quotes: every run of characters other than letters, digits, ``_``,
    ``.`` and ``-`` (spaces, brackets, a colon, an ellipsis) is one ``_``, trimmed at the ends
    (``roqa_nlp 0.1.0 (model sha256: e0d5c0d6…)`` -> ``roqa_nlp_0.1.0_model_sha256_e0d5c0d6``,
    ``Dr Siân O'Neill`` -> ``Dr_Siân_O_Neill``), unique in ``used`` as :func:`file_stem` makes
    it. A coder's name itself is kept where it is read from (the codings' ``run.json``)."""
    stem = re.sub(r"[^\w.-]+", "_", unicodedata.normalize("NFC", name))
    return _unique(stem.strip("._-"), used)


def _unique(stem: str, used: set[str]) -> str:
    """``stem`` (``unnamed`` if empty; a Windows device name after ``_``), cut to 250 bytes and
    unique in ``used`` ignoring case (``-2``, ``-3`` after a name taken; added to ``used``)."""
    stem = stem or "unnamed"
    if _DEVICE_NAMES.match(stem):
        stem = f"_{stem}"
    candidate, n = _cut(stem, ""), 1
    while candidate.casefold() in used:
        n += 1
        candidate = _cut(stem, f"-{n}")
    used.add(candidate.casefold())
    return candidate


def _cut(stem: str, suffix: str) -> str:
    """``stem`` then ``suffix``, cut on a character boundary to 250 bytes: a file name is limited
    to 255 bytes (not characters: 100 CJK characters are 300), and its extension takes the rest
    (atomic writes use a short temporary name)."""
    room = 250 - len(suffix.encode("utf-8"))
    return stem.encode("utf-8")[:room].decode("utf-8", "ignore").rstrip(" .") + suffix


def check_output_file(path: str | Path) -> Path:
    """``path`` as a file that can be written, or the one-line error writing it would give; writes
    nothing, so a command with several outputs can check them all before it writes any."""
    dest = Path(path)
    try:
        if dest.is_dir():
            raise RoqaError("is a folder, not a file", path=dest, hint="give a file name to write")
        for folder in dest.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise _not_in_a_folder(dest)
                break
        if dest.is_file() and not dest.is_symlink():
            _check_replaceable(dest)
    except OSError as e:  # a name longer than the system allows: is_dir() raises it
        raise _not_written(dest, e) from None
    return dest


#: errno values of a file that cannot be written over: open in another program (Windows refuses
#: a file Word or Excel has open), read-only, immutable (``chattr +i``), or being run
_LOCKED = frozenset({errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY})


def _locked(dest: Path) -> RoqaError:
    return RoqaError(
        "cannot be written over: it is open in another program, or read-only",
        path=dest,
        hint="close it in the program that has it open, or give another path",
    )


def _not_written(dest: Path, e: OSError) -> RoqaError:
    """The error of ``dest`` not written for ``e``, naming ``dest`` (not the temporary file)."""
    if e.errno in _LOCKED:
        return _locked(dest)
    return RoqaError(
        f"cannot be written: {e.strerror or e}",
        path=dest,
        hint=_NOT_WRITTEN_HINTS.get(
            e.errno or 0, "check that you can write in its folder, or give another path"
        ),
    )


#: What to do about an output not written, by errno (else: check the folder)
_NOT_WRITTEN_HINTS = {
    errno.ENOSPC: "free some space on the disk, or give another path",
    errno.ENAMETOOLONG: (
        "give a shorter name: a file name may have at most 255 bytes on most systems"
    ),
}


def _check_replaceable(dest: Path) -> None:
    """The one-line error of an existing file ``dest`` that cannot be written over, found by
    opening it for writing without changing it: Windows refuses that (and the rename over it)
    while Word or Excel has the file open, and every system for an immutable file (``chattr
    +i``: EPERM). Elsewhere a file only we may not write (read-only, or a colleague's in a shared
    folder: EACCES) is replaced all the same, as the rename over it needs only its folder (hunt2,
    session 36: re-coding a team's shared --out was refused for a colleague's earlier outputs)."""
    try:
        fd = os.open(dest, os.O_WRONLY | os.O_APPEND)
    except OSError as e:
        if e.errno in _LOCKED and (e.errno != errno.EACCES or os.name == "nt"):
            raise _locked(dest) from None
        return  # replaced by the rename, or another trouble said when the file is written
    os.close(fd)


@contextmanager
def removed_if_left_empty(folder: str | Path) -> Iterator[None]:
    """Run the block; when it ends in an error or Ctrl-C, remove ``folder`` and the folders
    above it that did not exist before it and are left empty (novice s39: Ctrl-C before
    ``roqa code`` wrote anything left the empty --out folder it had made). A folder that was
    there before, or holds anything, is kept: the folders are told by their real paths
    (``newx/../userempty`` names the existing ``userempty``, which is kept; hunter, session 39:
    it was removed)."""
    made: list[Path] = []
    for f in (Path(folder), *Path(folder).parents):
        if f.exists() or f.is_symlink():
            break
        real = Path(os.path.realpath(f))
        if not (real.exists() or real.is_symlink()) and real not in made:
            made.append(real)  # deepest first
    try:
        yield
    except (Exception, KeyboardInterrupt):
        if made:
            from .folder_lock import release_output_folder

            release_output_folder(made[0])  # the lock's file in it, which it made
        for f in made:
            try:
                f.rmdir()  # an empty folder only
            except FileNotFoundError:
                continue  # not made: one above it may have been
            except OSError:
                break  # holds something, or cannot be removed: kept, with those above it
        raise


def check_output_folder(
    folder: str | Path,
    *,
    hint: str = "give --out a folder you can write in",
    files: Iterable[str] = (),
    what: str = "",
) -> Path:
    """``folder`` if files can be written in it, or the one-line error naming it that writing
    would give only after the slow part of a command (coding 13 interviews took 100 s before a
    read-only ``--out`` was found, and the error named a hidden temporary file). A folder that
    does not exist yet is not made here, so a run stopped before it writes leaves nothing behind:
    the nearest folder above it, where it will be made, is tried instead. Tried by making and
    removing a temporary file, as read-only disks, permissions and ACLs all show only then.
    ``files`` names the files the command writes in it: each already there is checked too
    (:func:`check_output_file`), as codings.csv open in Excel would stop the command after the
    coding, with half its outputs written. ``what`` names what would be written there, in the
    error (``report.html beside the codings``)."""
    refuse_windows_output(folder)
    folder = Path(folder)
    existing = next((f for f in (folder, *folder.parents) if f.exists()), Path("."))
    if not existing.is_dir():
        what = "is a file, not a folder" if existing == folder else "a part of its path is a file"
        raise RoqaError(what, path=folder, hint=hint)
    try:
        fd, probe = tempfile.mkstemp(prefix=".roqa-write-check.", suffix=".tmp", dir=existing)
    except OSError as e:
        reason = e.strerror or str(e)
        where = "this folder" if existing == folder else str(existing)
        made = "" if existing == folder else "cannot make this folder: "
        writing = f"{what} " if what else ""
        raise RoqaError(
            f"{made}cannot write {writing}in {where}: {reason}", path=folder, hint=hint
        ) from None
    os.close(fd)
    os.unlink(probe)
    for name in files:
        check_output_file(folder / name)
    return folder


def check_outputs(
    outputs: Mapping[str, Path | None],
    inputs: Iterable[Path] = (),
    *,
    inputs_are: str = "the codings are read from",
    transcripts: Iterable[Path] = (),
    formats: Mapping[str, tuple[str, tuple[str, ...]]] | None = None,
    own: Mapping[str, tuple[str, Callable[[Path], bool]]] | None = None,
) -> None:
    """Check every output of a command before it writes any: each can be written
    (:func:`check_output_file`) in a folder that can be written (:func:`check_output_folder`),
    no two are one file, and none is one of ``inputs`` (the files the command reads or that
    belong to them, which the error calls ``inputs_are``), one of ``transcripts`` (the recorded
    sources of the codings read), or a file roqa reads that is already there (a transcript,
    a pseudonym key, codings or decisions, a Word document roqa did not write:
    :func:`_what_it_would_replace`). ``formats`` maps an option to what it writes and the
    extensions that fit it (``("an HTML report", (".html", ".htm"))``): a path of another
    extension is refused (session 37: ``--out transcript.txt`` replaced a transcript with
    the HTML report, exit 0). ``own`` maps an option to what it writes and the test of a file
    roqa wrote as that (``("predictions roqa wrote", is_predictions)``): an existing file of
    another kind, not empty, is refused, whatever it holds (mistakes tester, session 52:
    ``--predictions`` and ``--table`` replaced a file of labelled records).
    ``outputs`` maps an option (``--table``) to its path or None (not asked for); a key that is
    no option ("report.html beside the codings") names a default path, which ``--out`` changes."""
    reads = {p.resolve() for p in inputs}
    sources = {Path(p).resolve() for p in transcripts if str(p)}
    seen: dict[Path, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        refuse_windows_output(path)
        dest = check_output_file(path).resolve()
        named = option.startswith("-")
        another_name = "give another file name" if named else "give --out a file name"
        check_output_folder(
            Path(path).parent,
            hint=f"give {option if named else '--out'} a file in a folder you can write in",
            what="" if named else option,
        )
        if dest in reads:
            raise RoqaError(
                f"{option} would overwrite a file {inputs_are}",
                path=path,
                hint=another_name,
            )
        if dest in sources:
            read = (
                "the QDA project the codings were imported from"
                if dest.suffix.lower() in QDA_PROJECT_SUFFIXES
                else "a transcript the codings were read from"
            )
            raise RoqaError(
                f"{option} would overwrite {read}",
                path=path,
                hint=another_name,
            )
        fit = (formats or {}).get(option)
        if fit is not None and Path(path).suffix.lower() not in fit[1]:
            suffix = Path(path).suffix
            names = " or ".join(fit[1])
            raise RoqaError(
                f"{option} writes {fit[0]}, not "
                + (f"a {suffix} file" if suffix else "a file without an extension"),
                path=path,
                hint=f"give a file name ending in {names}",
            )
        kind = (own or {}).get(option)
        # the option's own earlier file is written over, whatever else its columns look like
        # (roqa agree's list of disagreements has speaker and text columns, as a transcript:
        # hunt29, session 85, a second run to one file was refused)
        mine = kind is not None and dest.is_file() and not _blank(dest) and kind[1](dest)
        held = None if mine else _what_it_would_replace(dest, option)
        if held is not None:
            raise RoqaError(f"{option} would overwrite {held}", path=path, hint=another_name)
        if kind is not None and dest.is_file() and not _blank(dest) and not mine:
            raise RoqaError(
                f"{option} would overwrite a file that is not {kind[0]}",
                path=path,
                hint=another_name,
            )
        if dest in seen:
            raise RoqaError(
                f"{seen[dest]} and {option} would write one file",
                path=path,
                hint="give each output a file name of its own",
            )
        seen[dest] = option


def check_own_outputs(folder: str | Path, names: Iterable[str], *, option: str = "--out") -> None:
    """Refuse, before anything is written, an output ``folder`` where one of the fixed ``names``
    a command writes in it (``report.html``, ``run.json``, ``codings.csv`` ...) holds a file roqa
    did not write (:func:`written_by_roqa`): the one-line error names the first and how many.
    roqa's own earlier outputs, and empty files, are written over. Before (files tester,
    session 44), ``roqa code round3 --out my_analysis`` replaced a hand-made codings.csv, a
    report.html of notes and a run.json, exit 0."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    foreign = [
        folder / name
        for name in sorted(set(names))
        if (folder / name).is_file() and not written_by_roqa(folder / name)
    ]
    if not foreign:
        return
    one = len(foreign) == 1
    listed = "" if one else f" ({', '.join(f.name for f in foreign)})"
    raise RoqaError(
        f"{option} holds {'a file' if one else f'{len(foreign)} files'} roqa did not write that "
        f"it would replace{listed}",
        path=foreign[0],
        hint=f"give another {option} folder, or move {'it' if one else 'them'} out of it",
    )


#: The file that makes a folder a roqa model (:data:`roqa_nlp.autocoder.CARD`)
MODEL_CARD = "model_card.json"


def refuse_unfit_out_folder(
    out: str | Path,
    *,
    option: str = "--out",
    transcripts: bool = False,
    codings: bool = False,
    exports: bool = False,
) -> None:
    """Refuse, before anything is written, an existing output folder no command writes into: a
    model's (it holds :data:`MODEL_CARD`, the packaged model or a copy: the outputs went in among
    its files, and ``roqa import`` replaced its codebook.json, so the model no longer loaded;
    mistakes tester, session 52); with ``transcripts``, a folder of transcripts (the files
    ``roqa code`` would read of it: the outputs' run.json made it read as a coding output, not
    transcripts, as ``roqa code --out`` refuses it); with ``codings``, a coding output folder
    (it holds run.json), where transcripts put are not read. A coding output folder that holds
    a file ``roqa code`` would read (its ``suggestions.qdpx``) is called a coding output folder,
    not a folder of transcripts, when ``transcripts`` refuses it. With ``exports``, a coding
    output folder's ``.qdpx`` files are its exports, not transcripts: ``roqa export reviewed/
    --qdpx reviewed/project.qdpx`` (README step 9) had made ``roqa apply-decisions ... --out
    reviewed/`` refuse the folder it had written (daily12 tester, session 82); the run then
    names the .qdpx as made from the earlier codings, as ``roqa code`` does."""
    folder = Path(out)
    if not folder.is_dir():
        return
    again = f"give another {option} folder"
    if (folder / MODEL_CARD).is_file():
        raise RoqaError(
            f"{option} is a model folder (it holds {MODEL_CARD}): the outputs would go in among "
            "the model's files",
            path=folder,
            hint=again,
        )
    if codings and (folder / "run.json").is_file():
        raise RoqaError(
            f"{option} is a roqa coding output folder (it holds run.json), where transcripts "
            "are not read",
            path=folder,
            hint=again,
        )
    if transcripts:
        from .errors import first_few
        from .transcripts import transcript_files_in

        held = transcript_files_in(folder)
        if exports and (folder / "run.json").is_file():
            held = [f for f in held if f.suffix.lower() != ".qdpx"]
        if held and (folder / "run.json").is_file():
            # a coding output with its export (suggestions.qdpx) is no folder of transcripts
            # (refi tester, session 58: it was called one)
            raise RoqaError(
                f"{option} is a roqa coding output folder (it holds run.json and "
                f"{first_few([f.name for f in held], 3)}): the outputs would go in among its "
                "files",
                path=folder,
                hint=again,
            )
        if held:
            raise RoqaError(
                f"{option} is a folder of transcripts ({first_few([f.name for f in held], 3)}): "
                "the outputs would go in among them, and it would no longer be read as "
                "transcripts",
                path=folder,
                hint=again,
            )


#: The files that make a folder a roqa coding output (``roqa code --out``, ``result.save``)
CODING_OUTPUT_MARKS = ("run.json", "codings.jsonl")


def refuse_save_among_other_kind(out: Path, *, model: bool) -> None:
    """Refuse, before anything is written, ``ac.save(out)`` (``model``) into a coding output
    folder (it holds :data:`CODING_OUTPUT_MARKS`), or ``result.save(out)`` into a model folder
    (it holds :data:`MODEL_CARD`), as the ``roqa`` commands refuse them: the one is easily
    written for the other, and the model's files went in among the codings, or the codings
    among the model's, without a word (api tester, session 58)."""
    from .errors import RoqaValueError

    if not out.is_dir():
        return
    if model:
        held = next((n for n in CODING_OUTPUT_MARKS if (out / n).is_file()), None)
        # a model folder holding a stray codings file is still the model's, saved again
        # (regression hunt, session 58: refused)
        if held is not None and not (out / MODEL_CARD).is_file():
            raise RoqaValueError(
                f"is a roqa coding output folder (it holds {held}): ac.save() writes a model, "
                "whose files would go in among the codings",
                path=out,
                hint="give ac.save() a new folder for the model, e.g. ac.save('models/r2'); "
                "result.save() saves codings",
            )
    elif (out / MODEL_CARD).is_file():
        raise RoqaValueError(
            f"is a model folder (it holds {MODEL_CARD}): result.save() writes codings, which "
            "would go in among the model's files",
            path=out,
            hint="give result.save() another folder, e.g. result.save('coded/'); ac.save() "
            "saves a model",
        )


#: The keys a record of each JSON Lines file roqa writes carries (any one set marks it):
#: codings.jsonl's segments, transcripts.jsonl's transcripts, open_coding.jsonl's candidates
_ROQA_RECORD_KEYS = ({"segment_id"}, {"id", "source"}, {"id", "segment_ids"})
#: The keys of the JSON objects roqa writes by a fixed name (any one marks it): run.json's
#: (the model, the run's parameters, the record of the codings) and a codebook's
_ROQA_JSON_KEYS = ({"model"}, {"params"}, {"codings"}, {"id", "codes"})
#: The header of the open-coding queue, open_coding.csv
_OPEN_CODING_COLUMNS = {"candidate", "segment_ids"}


def written_by_roqa(path: Path) -> bool:
    """Whether the existing file ``path`` is one roqa wrote (or empty: nothing is lost by
    writing over it), by the marks its own files carry: a report's head names roqa_nlp as its
    generator; a codings table has a ``segment_id`` column (or ranked ``name_1`` and
    ``probability_1``), the open-coding queue ``candidate`` and ``segment_ids``; a JSON Lines
    file's first record has the keys of codings, transcripts or open-coding candidates
    (:data:`_ROQA_RECORD_KEYS`); ``run.json`` or ``codebook.json`` is an object with the keys of
    a run's record or a codebook (:data:`_ROQA_JSON_KEYS`), and a ``codebook.json`` only when
    the ``run.json`` or ``import.json`` beside it records its id (:func:`_recorded_codebook`:
    a researcher's own codebook or a model's carries the same keys, and ``apply-decisions``
    removed it; session 52). A file of another kind is not judged (True)."""
    try:
        if _blank(path):
            return True
        if path.name.lower() == CODEBOOK_NAME:
            return _recorded_codebook(path)
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            from .transcripts import _is_roqa_report

            return _is_roqa_report(path)
        if suffix == ".csv":
            from .transcripts.csv import header_cells, is_roqa_header

            header = header_cells(path)
            if header is None:
                return False
            names = set(map(header_cell, header))
            return is_roqa_header(header) or names >= _OPEN_CODING_COLUMNS
        if suffix in (".jsonl", ".json"):
            if path.stat().st_size > MAX_INPUT_BYTES:
                return False
            with open(path, "rb") as fh:
                data = json.loads(fh.readline() if suffix == ".jsonl" else fh.read())
            marks = _ROQA_RECORD_KEYS if suffix == ".jsonl" else _ROQA_JSON_KEYS
            return isinstance(data, dict) and any(m <= data.keys() for m in marks)
    except (OSError, ValueError, RecursionError):
        return False
    return True


#: The project codebook roqa writes beside the codings or the import that record it
#: (:data:`roqa_nlp.crosswalk.CODEBOOK_FILE`)
CODEBOOK_NAME = "codebook.json"
#: The records roqa writes beside a codebook.json it wrote, each naming the codebook's id
_CODEBOOK_RECORDS = ("run.json", "import.json")
#: The key of ``run.json`` naming the ``codebook.json`` an earlier run wrote beside the codings
#: and this one left (a run of a built-in codebook writes none): not the codings' codebook
EARLIER_CODEBOOK_KEY = "earlier_codebook"


def earlier_codebook(folder: str | Path) -> str | None:
    """The id of the ``codebook.json`` in ``folder`` when roqa wrote it there
    (:func:`_recorded_codebook`), else None: a run that writes none records it
    (:data:`EARLIER_CODEBOOK_KEY`), so that a later run may replace it still."""
    path = Path(folder) / CODEBOOK_NAME
    if not path.is_file() or not _recorded_codebook(path):
        return None
    return _codebook_id(path)


def _codebook_id(path: Path) -> str | None:
    """The id of the codebook file ``path``, or None when it is not a codebook's JSON."""
    try:
        book = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    book_id = book.get("id") if isinstance(book, dict) else None
    return book_id if isinstance(book_id, str) and book_id else None


def _recorded_codebook(path: Path) -> bool:
    """Whether the codebook file ``path`` is the one a ``run.json`` (of codings) or an
    ``import.json`` beside it records, by its id (``"codebook": "ID"`` or ``{"id": "ID", ...}``,
    the run's own or its model's, as ``roqa code`` records a retrained model's, or the one an
    earlier run wrote, :data:`EARLIER_CODEBOOK_KEY`): the codebook roqa wrote with them. Before
    the last (satur fixer, session 56), ``roqa code --model M`` after a run of the packaged model
    into the folder refused M's own codebook.json, which that run's run.json did not name."""
    book_id = _codebook_id(path)
    if book_id is None:
        return False
    for name in _CODEBOOK_RECORDS:
        try:
            record = json.loads((path.parent / name).read_bytes())
        except (OSError, ValueError, RecursionError):
            continue
        if not isinstance(record, dict):
            continue
        model = record.get("model")
        for said in (
            record.get("codebook"),
            model.get("codebook") if isinstance(model, dict) else None,
            record.get(EARLIER_CODEBOOK_KEY),
        ):
            if (said.get("id") if isinstance(said, dict) else said) == book_id:
                return True
    return False


def _what_it_would_replace(dest: Path, option: str) -> str | None:
    """What an existing file ``dest`` holds that an output must not replace, as the error says
    it, or None: a transcript (a table with speaker and text columns, a Whisper JSON file),
    a pseudonym key (but for ``--pseudonymise`` and ``--key``, which add to it), roqa's codings or a
    decisions file (a ``segment_id`` column), a Word document roqa did not write (Table 2 is
    written over), an HTML page that is not roqa's report (an HTML transcript or a web page
    saved from the study's site: its head names no roqa_nlp generator; an empty file is written
    over), a QDA project or codebook (``.qdc``) roqa did not write (by its ``origin``:
    one it exported is written over; a file of the name that is none, not empty: session 52), JSON
    roqa reads (:func:`_json_roqa_reads`). Read from
    its first line or its properties only (JSON whole, as it is small)."""
    if not dest.is_file():
        return None
    suffix = dest.suffix.lower()
    if suffix in (".csv", ".tsv", ".xlsx"):
        from .transcripts.columns import column_roles
        from .transcripts.csv import _has_transcript_columns, header_cells

        names = header_cells(dest)  # the first row, or one below a title
        if names is None:
            return None
        header = list(map(header_cell, names))
        if "segment_id" in header:
            return "a file of codings or decisions roqa reads (it has a segment_id column)"
        if {"name", "pseudonym"} <= set(header):  # its transcript column is no talk's
            if option in ("--pseudonymise", "--key"):
                return None
            return "a pseudonym key (it has name and pseudonym columns)"
        if _has_transcript_columns(column_roles(header)):
            return "a transcript (it has speaker and text columns)"
    elif suffix == ".docx":
        from .transcripts.docx import is_roqa_docx

        if not is_roqa_docx(dest):
            return "a Word document roqa did not write"
    elif suffix in (".html", ".htm"):
        from .transcripts import _is_roqa_report

        if not _blank(dest) and not _is_roqa_report(dest):
            return "an HTML page roqa did not write"
    elif suffix in (*QDA_PROJECT_SUFFIXES, QDA_CODEBOOK_SUFFIX):
        kind, origin = _qda_origin(dest)
        if kind is None and not _blank(dest):  # a file of the researcher's of that name
            said = "codebook" if suffix == QDA_CODEBOOK_SUFFIX else "project"
            return f"a file roqa did not write (not a REFI-QDA {said})"
        if kind is not None and origin.split(" ")[0] != "roqa_nlp":
            made = f" (its origin is {origin!r})" if origin else ""
            return f"a QDA {kind} roqa did not write{made}"
    elif suffix == ".json":
        from .transcripts.whisper_json import is_whisper_json

        if is_whisper_json(dest, unreadable=False):
            return "a Whisper transcript"
        return _json_roqa_reads(dest)
    return None


#: JSON files roqa reads by their name beside what they describe, and what they are
_RECORDS = {
    "run.json": "the record of a run roqa reads (run.json)",
    "import.json": "the record of an import roqa reads (import.json)",
}


def _json_roqa_reads(path: Path) -> str | None:
    """What the existing JSON file ``path`` holds that roqa reads as an input, as the error says
    it, or None: the record of a run or an import (by its name, beside the codings or import it
    records: ``run.json`` beside ``codings.jsonl``, ``import.json``), a codebook (a list of
    codes, each an object) or a model card (the library and classes of a model). Before,
    ``roqa agree ... --json codebook.json`` replaced the codebook of an imported project (hunt2
    s37). JSON of another kind (an earlier ``--json`` output) or unreadable is None."""
    held = _RECORDS.get(path.name.lower())
    if held is not None and any(
        (path.parent / beside).exists() for beside in ("codings.jsonl", "codings", "transcripts")
    ):  # beside the codings or import it records: an earlier --json of that name elsewhere is not
        return held
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            return None
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    codes = data.get("codes")
    if isinstance(codes, list) and codes and isinstance(codes[0], dict):
        return "a codebook (it has a list of codes)"
    if {"library", "classes"} <= data.keys():
        return "a model card (it names the library and classes of a model)"
    return None


def _qda_origin(path: Path) -> tuple[str | None, str]:
    """What the REFI-QDA file ``path`` is (``"project"``: zipped or its bare ``project.qde``;
    ``"codebook"``: a ``.qdc``) and its ``origin``, the program that wrote it (roqa writes
    ``roqa_nlp <version>``); the origin is empty if it names none, and a file that starts as
    a zip archive and cannot be read as one is a project (a damaged one) of no origin; ``(None,
    "")`` for a file that is neither. Read from its first bytes only, in UTF-8, or UTF-16 or
    UTF-32 after their byte order mark, as the XML reader reads it (a program on Windows may
    save it in UTF-16: its bytes hold no ``<Project``)."""
    import zipfile
    import zlib

    head = b""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_PROJECT_HEAD)
        if head.startswith(b"PK"):
            with zipfile.ZipFile(path) as z:
                names = [
                    n for n in z.namelist() if n.lower().endswith(".qde") and n.count("/") <= 1
                ]
                if not names:
                    return None, ""
                with z.open(min(names, key=lambda n: (n.count("/"), n))) as fh:
                    head = fh.read(_PROJECT_HEAD)
    except (
        OSError, KeyError, ValueError, RuntimeError, EOFError, NotImplementedError,
        zipfile.BadZipFile, zlib.error,
    ):  # fmt: skip
        return ("project" if head.startswith(b"PK") else None), ""
    text = decode_unicode(head, errors="replace") or ""  # cut anywhere: its last character
    tag = _QDA_ROOT_TAG.search(text)
    if tag is None:
        return None, ""
    found = _ORIGIN.search(tag.group(2) or "")
    origin = "" if found is None else (found.group(1) or found.group(2) or "").strip()
    return ("project" if tag.group(1) == "Project" else "codebook"), origin


def _not_in_a_folder(dest: Path) -> RoqaError:
    return RoqaError(
        "cannot be written: a part of its folder path is a file",
        path=dest,
        hint="choose an output path inside a folder",
    )


#: The start of the name of a temporary file or folder an output is written to before it is
#: renamed into place (``.roqa.XXXXXXXX.tmp``): short, so the output's name may be as long as
#: the system allows (the output's own name in it made 253-byte names fail)
TEMPORARY_PREFIX = ".roqa."


@contextmanager
def atomic_open(
    path: str | Path, mode: str = "w", encoding: str | None = "utf-8", *, private: bool = False
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only if the block succeeds.

    The file gets the usual permissions (``0666`` less the umask); a ``private`` one (a pseudonym
    key, which re-identifies people) is its owner's alone, ``0600``, or the file's own mode when
    that is stricter: rewriting it never widens it. A missing folder is made for its owner alone
    (:func:`make_out_dir`), as the output's."""
    dest = check_output_file(path)
    try:
        make_out_dir(dest.parent)
    except (FileExistsError, NotADirectoryError):
        raise _not_in_a_folder(dest) from None
    try:
        # a short name, whatever the file's: any name the system accepts can be written
        fd, tmp = tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=".tmp", dir=dest.parent)
    except OSError as e:  # the folder, not the hidden temporary file, is what to fix
        raise RoqaError(
            f"cannot write {dest.name} in this folder: {e.strerror or e}",
            path=dest.parent,
            hint="check that you can write in it and that the disk has room",
        ) from None
    # mkstemp creates 0600 files, and the rename gives the file the temporary file's mode
    os.chmod(tmp, _private_mode(dest) if private else _usual_mode())
    try:
        kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException as e:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        # writing or renaming the temporary file failed (a full disk, the file opened in Excel
        # meanwhile): the researcher's file is what to name; an input's error keeps its name
        if isinstance(e, OSError) and e.errno is not None and e.filename in (None, tmp):
            raise _not_written(dest, e) from None
        raise


def _usual_mode() -> int:
    """The mode of a new file: ``0666`` less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _private_mode(dest: Path) -> int:
    """``0600``, narrowed to ``dest``'s own mode when it exists and is stricter (``0400``)."""
    try:
        return 0o600 & stat.S_IMODE(dest.stat().st_mode)
    except OSError:  # no such file yet
        return 0o600


def make_out_dir(path: Path) -> None:
    """Make the output folder ``path`` when it is missing, for its owner alone (0700): the files
    written in it (codings, the report, transcripts.jsonl, pseudonymised copies) hold whole
    transcripts, and are written as the umask says (0644 usually). Missing parents are made as
    usual; a folder that exists keeps its mode (a shared project folder stays shared). A link
    to a folder that is missing, ``path`` or one above it, is named with where it points (cli
    tester cli2, session 80: "dangling: File exists")."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError:
        link = next((p for p in (path, *path.parents) if p.is_symlink() and not p.exists()), None)
        if link is None:
            raise
        raise RoqaError(
            f"is a link to {os.readlink(link)}, which is missing",
            path=link,
            hint="make the folder it points at, or give another output folder",
        ) from None


def atomic_write_text(path: str | Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (:func:`atomic_open`; ``private``: ``0600``)."""
    with atomic_open(path, "w", private=private) as fh:
        fh.write(text)


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def _blank(path: Path) -> bool:
    """Whether the file ``path`` is empty or holds only spacing (a page saved empty), which
    nothing is lost by writing over."""
    if path.stat().st_size > 1 << 16:
        return False
    return not path.read_bytes().removeprefix(b"\xef\xbb\xbf").strip()


#: A Windows path from its drive letter: ``C:\\Users\\ann\\p01.txt``
_DRIVE = re.compile(r"[A-Za-z]:\\")


def missing_path_hint(
    path: str | Path, hint: str = "check the path", *, output: bool = False
) -> str:
    """The hint of the error of ``path`` not found: ``hint``, or, where folders are separated
    by / and ``path`` holds a backslash (a path typed or copied as Windows writes it:
    ``coded\\codings.jsonl``, ``C:\\Users\\ann\\p01.txt``), how to write it here: the path
    with / when that exists (novice s39: "file not found (check the path)" beside coded/); of
    an ``output`` path, when its folder does (:func:`refuse_windows_output`), and of one that
    starts with a backslash, the path without it (``r.html``, not the root's ``/r.html``)."""
    text = str(path)
    if os.sep != "/" or "\\" not in text:
        return hint
    if "\\ " in text and not _DRIVE.match(text):  # 'Interview\ 3.txt': typed as unquoted
        return "remove the \\ before spaces: inside quotes they are part of the name"
    forward = text.replace("\\", "/")
    rest = forward.lstrip("/")
    if output and text.startswith("\\") and rest and Path(rest).parent.exists():
        # '\r.html' is not to be written in the root folder, as / before it would say (h_h_cli
        # s64, D1: "/r.html" was offered): the name without the \, when its folder is there
        lead = text[: len(text) - len(text.lstrip("\\"))]  # '\\r.html' has two
        also = " and use / between folders on this system" if "\\" in text.lstrip("\\") else ""
        return f"drop the {lead} at the start{also}: {rest}"
    if (Path(forward).parent if output else Path(forward)).exists():
        # '\tmp\bs\r.html' of a folder there from the root: that path (hunt s65 h_satcli R1)
        return f"use / between folders on this system: {forward}"
    if _DRIVE.match(text):
        return "a Windows path: on this system give it with / between folders and no drive letter"
    return f"{hint}; use / between folders on this system, not \\"


def near_folder(path: str | Path, holding: str) -> Path | None:
    """A folder holding the file ``holding`` (a model's ``model_card.json``) whose name is near
    that of ``path``, which is not there: one beside it that is a letter or two apart
    (``models/mnie`` of ``models/mine``), else the same name under ``models/`` (``mine``, as
    ``roqa train --out models/mine`` wrote it); None when there is none or more than one
    (docswalk s86, L2: "folder not found" named no near folder). A folder without the file is
    never named: ``--model modles`` was told "did you mean models?", which holds models but is
    none (hunt38 s87)."""
    p = Path(path)
    parent = p.parent
    try:
        if (Path("models") / p / holding).is_file() and p.parent == Path("."):
            return Path("models") / p
        if not p.name or not parent.is_dir():
            return None
        names = [
            d.name
            for d in parent.iterdir()
            if not d.name.startswith(".") and (d / holding).is_file()
        ]
    except OSError:
        return None
    return _one_near(parent, p.name, names)


def _one_near(parent: Path, name: str, names: list[str]) -> Path | None:
    """``parent / n`` of the one name ``n`` of ``names`` a letter or two from ``name``, with
    the same digits (``p01.txt`` is not ``p03.txt`` mistyped: another participant); None when
    no name is, or more than one."""
    import difflib

    digits = re.findall(r"\d+", name)
    names = [n for n in names if re.findall(r"\d+", n) == digits]
    near = difflib.get_close_matches(name, names, n=2, cutoff=0.75)
    if len(near) != 1:
        return None
    return parent / near[0]


def near_path(path: str | Path) -> str | None:
    """A file or folder beside ``path``, which is not there, whose name is a letter or two
    from it (``intervews`` of ``interviews``), as it is said in a hint: a folder with / after
    it; None when there is none, more than one, or the folder it would be in is not there
    (docswalk s86: ``roqa code intervews/`` said only "file or folder not found")."""
    p = Path(path)
    try:
        if not p.name or not p.parent.is_dir():
            return None
        names = [e.name for e in p.parent.iterdir() if not e.name.startswith((".", "~$"))]
    except OSError:
        return None
    near = _one_near(p.parent, p.name, names)
    if near is None:
        return None
    return f"{near}{os.sep}" if near.is_dir() else str(near)


def refuse_windows_output(path: str | Path) -> None:
    """Refuse an output path typed as Windows writes it, where folders are separated by /: one
    from a drive letter (``C:\\Users\\me\\p.qdpx``), ``.\\`` or a folder that is there
    (``coded\\win``) before a backslash. It was written as one name holding the backslashes
    where the command ran, exit 0 (cli tester, session 64); an input typed so is told to use /
    (:func:`missing_path_hint`). Another backslash may be part of a name, and is kept."""
    text = str(path)
    if os.sep != "/" or "\\" not in text:
        return
    before, _, after = text.partition("\\")
    # a name holding the backslash that is there already (a folder an earlier run made so) is
    # the researcher's: written into as named (hunt s64 h_cli, R1)
    if Path(before + "\\" + after.partition("/")[0]).exists():
        return
    if _DRIVE.match(text) or before in ("", ".", "..") or Path(before).is_dir():
        raise RoqaError(
            "would be written as one name with \\ in it",
            path=text,
            hint=missing_path_hint(text, output=True),
        )


def codings_not_found(path: str | Path) -> RoqaError:
    """The error of ``path`` not found where codings are read (a codings file or the folder
    ``roqa code`` wrote): a name with no extension is said a folder, ``missing/: folder not
    found``, as the trailing / a user typed is gone from the path typer gives (terminal tester,
    session 45: ``roqa report missing/`` said ``missing: file not found``)."""
    p = Path(path)
    if p.suffix:
        return RoqaFileNotFoundError("file not found", path=p, hint=missing_path_hint(p))
    return RoqaFileNotFoundError(
        "folder not found",
        path=f"{p}{os.sep}",
        hint=missing_path_hint(p, "check the path: give the folder roqa code wrote"),
    )


def read_bytes(path: str | Path, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read a whole input file, with one-line errors for the usual mistakes. Only a regular
    file is opened: a named pipe (FIFO) with no writer blocks ``open`` for ever, and a device
    (``/dev/zero``) or a pipe that never ends is read up to the limit first (s80 hunt1 F4)."""
    p = Path(path)
    if not p.exists():
        raise RoqaFileNotFoundError("file not found", path=p, hint=missing_path_hint(p))
    if p.is_dir():
        raise RoqaValueError("is a folder, not a file", path=p, hint="give a file path")
    try:
        st = p.stat()
    except OSError as e:
        raise RoqaError(f"cannot read ({e.strerror})", path=p, hint="check permissions") from None
    if not stat.S_ISREG(st.st_mode):
        raise RoqaValueError(
            "not a regular file",
            path=p,
            hint="give a file saved on disk, not a pipe or a device",
        )
    size = st.st_size
    if size > limit:
        raise RoqaValueError(
            f"file is {size} bytes, above the {limit}-byte limit",
            path=p,
            hint="split it into smaller files",
        )
    try:
        # At most limit + 1 bytes: a file growing as it is read, a /proc file that reports size 0.
        with p.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise RoqaError(f"cannot read ({e.strerror})", path=p, hint="check permissions") from None
    if len(data) > limit:
        raise RoqaValueError(
            f"holds more than the {limit}-byte limit",
            path=p,
            hint="give a regular file, split into smaller files",
        )
    return data


#: The byte order marks of UTF-32 and UTF-16 and the codec each says, UTF-32 first: its
#: little-endian mark (``FF FE 00 00``) begins with UTF-16's (``FF FE``).
_BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def bom_encodings(data: bytes) -> list[str]:
    """The encodings ``data``'s byte order mark says, in the order to try them: ``["UTF-32",
    "UTF-16"]`` after ``FF FE 00 00`` (a UTF-16 text may start with U+0000 too), ``["UTF-32"]``,
    ``["UTF-16"]``, or ``[]`` when it has no UTF-32 or UTF-16 mark (UTF-8's is read as UTF-8)."""
    return list(dict.fromkeys(name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)))


def _decoded(data: bytes, errors: str = "strict") -> str:
    """``data`` decoded as its byte order mark says, else as UTF-8; the codec's
    ``UnicodeDecodeError`` (the last one tried) when it is not valid."""
    names = bom_encodings(data) or ["UTF-8"]
    for name in names[:-1]:
        try:
            return data.decode(name.lower(), errors)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8-sig" if names[-1] == "UTF-8" else names[-1].lower(), errors)


def decode_unicode(data: bytes, *, errors: str = "strict") -> str | None:
    """``data`` decoded as UTF-32 or UTF-16 after its byte order mark (:func:`bom_encodings`),
    else as UTF-8 (with or without its mark), the mark left out; None when it is not valid in
    the encoding its mark says (or UTF-8, without one). ``errors="replace"`` decodes a file's
    first bytes, cut anywhere, as :meth:`bytes.decode` does (a file opening ``FF FE 00 00`` is
    then always UTF-32)."""
    try:
        return _decoded(data, errors)
    except UnicodeDecodeError:
        return None


def _where(data: bytes, e: UnicodeDecodeError) -> str:
    """Where UTF-8 ``data`` first fails to decode, as a text editor shows it: ``line 3, column
    15: byte 0xA3, which is "£" in Windows-1252`` (lines and columns counted in the text before
    it, a line end \\r\\n, \\r or \\n; what the byte is in Windows-1252, the usual other
    encoding of a file saved on Windows, when it is a character there)."""
    # the error's positions count in the bytes it decoded: after a byte-order mark, if any
    decoded = bytes(e.object) if isinstance(e.object, (bytes, bytearray, memoryview)) else data
    before = decoded[: e.start].decode("utf-8", "replace")
    before = before.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    byte = decoded[e.start]
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        char = ""
    seen = f', which is "{char}" in Windows-1252' if char.isprintable() and char else ""
    return f"line {line}, column {column}: byte 0x{byte:02X}{seen}"


def _how_to_save_utf8(suffix: str) -> str:
    """How to save a file of this suffix as UTF-8 in the program a researcher made it with."""
    if suffix.lower() == ".csv":
        return "in Excel, Save As CSV UTF-8 (Comma delimited)"
    return (
        "in Notepad, File > Save As with Encoding UTF-8; in Word, Save As Plain Text with "
        "Unicode (UTF-8)"
    )


def _looks_like_utf16(data: bytes) -> bool:
    """Whether ``data`` (with no byte order mark) has the NUL bytes of UTF-16: in text that is
    mostly Latin letters, every other byte is 0, all at even positions (big-endian) or all at
    odd ones (little-endian). As UTF-8 it would read as ``I\\x00n\\x00t\\x00...``."""
    if data.startswith(codecs.BOM_UTF8):
        return False
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # at least 2 NULs, in at least a quarter of the bytes at one parity, and few at the other
    return max(even, odd) >= max(2, len(head) // 8) and min(even, odd) * 10 <= max(even, odd)


def _nul_error(text: str, path: str | Path) -> RoqaError:
    """The error of a text holding U+0000, which no transcript, codebook or record holds: a
    damaged file, or one that is not text, that would pass NULs into the outputs."""
    before = text[: text.index("\0")]
    line = before.count("\n") + 1
    column = len(before) - before.rfind("\n")
    return RoqaValueError(
        f"holds a NUL character (line {line}, column {column}), which is not text",
        path=path,
        hint="the file may be damaged: delete the character in a text editor, or save the file "
        "again from the program that made it",
    )


@cache
def _binary_signatures() -> tuple[tuple[bytes, str], ...]:
    """The first bytes of kinds of file that are not text and what each is
    (``data/binary_signatures.json``)."""
    table = packaged_json("binary_signatures.json")["signatures"]
    return tuple((bytes.fromhex(magic), what) for magic, what in table.items())


def _not_text(looks: str, path: str | Path) -> RoqaError:
    """The error of a binary file given as text (a PNG or a shortcut renamed .txt): saving it
    as UTF-8, which the encoding error says, cannot help."""
    return RoqaValueError(
        f"is not a text file{looks}",
        path=path,
        hint="give a text file: renaming a file does not convert it",
    )


def decode_text(data: bytes, path: str | Path, *, windows_1252: bool = False) -> str:
    """Decode UTF-8 (with or without BOM), or UTF-32 or UTF-16 with BOM (:func:`decode_unicode`);
    normalise line endings to ``\\n``. With ``windows_1252`` (a transcript), bytes that are
    not UTF-8, carry no byte order mark and no UTF-8 character, and are all Windows-1252
    characters are read as Windows-1252, with a one-line warning naming the file: a study's
    folder run goes on rather than stopping at one file Notepad saved as "ANSI".

    Anything else is a one-line error: guessing an encoding silently corrupts offsets. So is a
    NUL character, and UTF-16 without a byte order mark, which is valid UTF-8 full of NULs. A
    file that is not text (a PNG or a Windows shortcut renamed .txt: a known signature,
    ``data/binary_signatures.json``, or NUL bytes in its first 4 KB and not UTF-8, nor marked
    as text by a byte order mark) is said to be one, not to be re-saved as UTF-8.
    """
    said = bom_encodings(data)
    if not said:
        for magic, what in _binary_signatures():
            if data.startswith(magic):
                raise _not_text(f": it looks like {what}", path)
    if not said and _looks_like_utf16(data):
        raise RoqaValueError(
            "looks like UTF-16 text saved without a byte-order mark",
            path=path,
            hint=f"re-save the file as UTF-8: {_how_to_save_utf8(Path(path).suffix)}",
        )
    try:
        text = _decoded(data)
    except UnicodeDecodeError as e:
        if not said and not data.startswith(codecs.BOM_UTF8) and b"\0" in data[:4096]:
            # not UTF-8, and NULs no text holds: a binary file (one marked UTF-8 is text)
            raise _not_text(" (it holds NUL bytes)", path) from None
        text_1252 = windows_1252_text(data) if windows_1252 and not said else None
        if text_1252 is not None:
            from .errors import warn

            # through errors.warn, so that the reading cache counts it and keeps no reading
            # that said it (s79 hunt6 F1: a warm or folder run was silent about the guess)
            warn(
                f"is not UTF-8 text ({_where(data, e)}), so it was read as "
                "Windows-1252 (check its quotes and accents, or re-save it as UTF-8)",
                path=path,
                stacklevel=3,
            )
            text = text_1252
        else:
            raise RoqaValueError(
                f"is not valid {said[0]} text"
                if said
                else f"is not UTF-8 text ({_where(data, e)})",
                path=path,
                hint="re-save the file as UTF-8"
                + ("" if said else f": {_how_to_save_utf8(Path(path).suffix)}"),
            ) from None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        raise _nul_error(text, path)
    return text


#: A well-formed UTF-8 character of two to four bytes: a file holding one besides bytes that
#: are not UTF-8 mixes two encodings (a UTF-8 "é" read as Windows-1252 would be "Ã©").
_UTF8_CHARACTER = re.compile(
    rb"[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}"
)


def windows_1252_text(data: bytes) -> str | None:
    """``data`` decoded as Windows-1252, or None when it is not that: a byte Windows-1252 leaves
    undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), a UTF-8 byte order mark, or a UTF-8 character.
    The rule of :func:`decode_text` for a transcript, for a reader that decodes part of one."""
    if data.startswith(codecs.BOM_UTF8) or _UTF8_CHARACTER.search(data):
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def read_text(path: str | Path) -> str:
    return decode_text(read_bytes(path), path)


def transcript_folders(paths: Iterable[Path]) -> set[Path]:
    """The folders, resolved, of the transcripts ``paths`` gives: each folder given, and the
    folder holding each file given (those not there are left to the reading's error)."""
    return {(p if p.is_dir() else p.parent).resolve() for p in paths if p.exists()}


def read_standard_input(*, limit: int = MAX_INPUT_BYTES) -> str:
    """Standard input (``roqa suggest - < quotes.txt``) decoded and checked as a transcript
    file is (:func:`decode_text`, named "standard input" in its errors and warning): else
    undecodable bytes reach the model, and UTF-16 without a byte order mark as NUL-filled text.
    Windows-1252 is read as that, with the transcripts' warning: the quotes Notepad saved as
    "ANSI" were refused here while ``roqa code`` read the same bytes (tester, session 55)."""
    import sys

    name = "standard input"
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream put in its place (a test, a program embedding roqa)
        data = sys.stdin.read().encode("utf-8", "surrogateescape")
        return decode_text(data, name, windows_1252=True)
    data = buffer.read(limit + 1)
    if len(data) > limit:
        raise RoqaValueError(
            f"holds more than the {limit}-byte limit", path=name, hint="give a smaller file"
        )
    return decode_text(data, name, windows_1252=True)


@cache
def packaged_words(name: str) -> frozenset[str]:
    """The words (or phrases), one a line, of the packaged list ``roqa_nlp/data/NAME``; blank
    lines and lines starting with ``#`` (comments) are left out."""
    text = resources.files("roqa_nlp").joinpath("data", name).read_text("utf-8")
    return frozenset(w.strip() for w in text.split("\n") if w.strip() and not w.startswith("#"))


def packaged_json(name: str) -> Any:
    """The JSON of the packaged data file ``roqa_nlp/data/NAME`` (a table of knowledge, as
    :func:`packaged_words` reads a list); callers cache what they derive from it."""
    return json.loads(resources.files("roqa_nlp").joinpath("data", name).read_text("utf-8"))


def packaged_lines(name: str) -> tuple[str, ...]:
    """The lines of the packaged list ``roqa_nlp/data/NAME`` as :func:`packaged_words` reads
    them, in the file's order, each once."""
    text = resources.files("roqa_nlp").joinpath("data", name).read_text("utf-8")
    lines = (w.strip() for w in text.split("\n") if w.strip() and not w.startswith("#"))
    return tuple(dict.fromkeys(lines))


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON Lines file of objects; blank lines are ignored."""
    return [obj for _, obj in read_jsonl_numbered(path)]


def _cut_short(line: int, path: str | Path, what_to_do: str) -> RoqaError:
    """The error of a JSON Lines file that ends inside its last ``line``."""
    return RoqaValueError(
        f"ends mid-line, in line {line}: the file was cut short (written by a run that was "
        "stopped?)",
        path=path,
        hint=what_to_do,
    )


def _cut_character(data: bytes) -> int | None:
    """Where the last character of UTF-8 ``data`` begins when the data end inside it (its
    first bytes there, the rest cut off) and all before it is UTF-8; else None. A file marked
    as UTF-16 or UTF-32 by its byte order mark is not UTF-8 and gives None."""
    if bom_encodings(data):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data):
            return e.start
    return None


def read_jsonl_numbered(
    path: str | Path, *, cut_short: str | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """Like :func:`read_jsonl`, with each object's 1-based line number for error messages.

    With ``cut_short`` (what to do), a last line that is not JSON and has no newline after it
    is said to be a file cut short, not a line of bad JSON: a file roqa writes ends each line
    with one, so it was stopped as it was written or copied (tester s53 resilience, 3). A file
    cut inside its last character (the bytes of an "é" or a curly quote split) is the same cut,
    not a file to re-save as UTF-8, and is said to be one (session 54)."""
    data = read_bytes(path)
    cut_at = _cut_character(data) if cut_short is not None else None
    text = decode_text(data if cut_at is None else data[:cut_at], path)
    out: list[tuple[int, dict[str, Any]]] = []
    lines = text.split("\n")
    if cut_at is not None and cut_short is not None:
        raise _cut_short(len(lines), path, cut_short)
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError) as e:
            if cut_short is not None and i == len(lines):
                raise _cut_short(i, path, cut_short) from None
            # ValueError also covers integers of more than 4 300 digits; RecursionError, nesting
            # deeper than the interpreter's stack.
            why = e.msg if isinstance(e, json.JSONDecodeError) else type(e).__name__
            raise RoqaValueError(
                f"line {i} is not valid JSON ({why})", path=path, hint="one JSON object per line"
            ) from None
        if not isinstance(obj, dict):
            raise RoqaValueError(
                f"line {i} is not a JSON object", path=path, hint="one JSON object per line"
            )
        out.append((i, obj))
    return out


def sha256_bytes(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


#: SHA-256 of the files hashed in the current run, by the file's identity and state
#: (:func:`file_state`), so that a file is hashed once a run while it is unchanged: ``roqa code``
#: hashed each transcript file up to six times (its reading cache key twice, the check for a
#: ``roqa pseudonymise`` copy three times, its fingerprint once: s80 dfix). A run is a roqa
#: command, a :func:`~roqa_nlp.transcripts.read_files` or an ``AutoCoder.code``
#: (:func:`hashing_run`); outside one, nothing is kept. The memo is dropped when the run ends: a
#: file's stat does not always move when its bytes change (on Windows ``st_ctime`` is the
#: creation time, a write through a shared mmap moves no time until written back, /proc, FUSE
#: and NFS files can keep a stale stat), so a second run in one process (a notebook) reads and
#: hashes every file again (s80 hunt1 F1-F3). A file written since (its size, modification or
#: change time moved) or another file in its place is hashed again, and so is one written less
#: than :data:`_SETTLED_NS` before it was hashed.
_RUN_HASHES: contextvars.ContextVar[dict[tuple[object, ...], str] | None] = contextvars.ContextVar(
    "_RUN_HASHES", default=None
)

#: How long after its last write (its change time) a file's hash is kept (nanoseconds): two
#: writes of the same size within one tick of the file system's clock (a few milliseconds) leave
#: the same size and times, so the hash of a file written so recently may be of the bytes before
#: the second write (git's "racily clean" files). Such a file is hashed each time, as before.
_SETTLED_NS = 2_000_000_000


@contextmanager
def hashing_run(
    hashes: dict[tuple[object, ...], str] | None = None,
) -> Iterator[dict[tuple[object, ...], str]]:
    """One run in which a file unchanged is hashed once (:func:`file_sha256`,
    :func:`read_sha256`): the memo ``hashes`` when given (a run resumed: ``AutoCoder.code_batches``
    reads part after part), else the run already open (a roqa command calling ``read_files``),
    else a new one, dropped at the end of the block (:data:`_RUN_HASHES`)."""
    if hashes is None:
        hashes = _RUN_HASHES.get()
    if hashes is None:
        hashes = {}
    token = _RUN_HASHES.set(hashes)
    try:
        yield hashes
    finally:
        _RUN_HASHES.reset(token)


def run_hashes() -> dict[tuple[object, ...], str]:
    """The memo of the run open (:func:`hashing_run`), or a new one to open a run with."""
    hashes = _RUN_HASHES.get()
    return {} if hashes is None else hashes


def file_state(path: str | Path) -> tuple[object, ...] | None:
    """What identifies the bytes of the regular file ``path`` without reading them: the file
    (real path, device, inode) and its size and modification and change times (the change time
    moves at every write and cannot be set back); None when ``path`` is no regular file (a
    folder, a device such as ``/dev/zero`` that never ends, a pipe). Raises :class:`OSError`
    when ``path`` cannot be looked at (gone, no permission)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        return None
    return (
        os.path.realpath(path),
        st.st_dev,
        st.st_ino,
        st.st_size,
        st.st_mtime_ns,
        st.st_ctime_ns,
    )


def file_sha256(
    path: str | Path, hashes: dict[tuple[object, ...], str] | None = None
) -> str | None:
    """The SHA-256 of the bytes of the regular file ``path`` (:func:`sha256_file`), hashed once
    while it is unchanged in ``hashes`` (a memo the caller keeps: the model's weights) or else in
    the current run (:func:`hashing_run`; outside a run, hashed each time); None when ``path`` is
    no regular file (:func:`file_state`), which is not read. Raises :class:`OSError` when it
    cannot be read."""
    state = file_state(path)
    if state is None:
        return None
    memo = _RUN_HASHES.get() if hashes is None else hashes
    sha = None if memo is None else memo.get(state)
    if sha is None:
        sha = sha256_file(path)
        if memo is not None and file_state(path) == state:  # not written while it was hashed
            _keep(memo, state, sha)
    return sha


def _keep(memo: dict[tuple[object, ...], str], state: tuple[object, ...], sha: str) -> None:
    """Keep ``sha``, the hash of the bytes of a file in ``state`` (:func:`file_state`), in
    ``memo``, unless the file was written too lately to be told from a second write
    (:data:`_SETTLED_NS`)."""
    import time

    changed = state[-1]  # its change time, which moves at every write
    if isinstance(changed, int) and time.time_ns() - changed >= _SETTLED_NS:
        memo[state] = sha


def read_sha256(state: tuple[object, ...] | None, path: str | Path, data: bytes) -> str:
    """The SHA-256 of ``data``, the bytes just read from ``path``, which was in ``state``
    (:func:`file_state`) before they were read. When ``path`` is still in ``state`` (not written
    while read), ``data`` are its bytes in that state: hashed once a run (:func:`file_sha256`
    takes the hash, or gave it); else ``data`` are hashed and the hash is not kept."""
    memo = _RUN_HASHES.get()
    try:
        unchanged = state is not None and file_state(path) == state
    except OSError:
        unchanged = False
    if memo is None or state is None or not unchanged:
        return sha256_bytes(data)
    sha = memo.get(state)
    if sha is None:
        sha = sha256_bytes(data)
        _keep(memo, state, sha)
    return sha
