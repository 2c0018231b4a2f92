"""Table transcripts (.csv, .tsv, and the first sheet of an Excel .xlsx): one row per turn or
per subtitle cue.

The header row names the columns, in any case and order; it is the first row, or, when that
names no text column, the first of the first :data:`MAX_HEADER_ROW` rows that names a transcript's
columns (a spreadsheet saved with the interview's name above its table: ``Interview P36 — 3 May``,
a blank row, then ``Speaker,Text``), the rows above it no one's talk: ``speaker`` and ``text``
are required, ``start`` and ``end`` (seconds, or ``[HH:]MM:SS[.mmm]``; a start column may hold
a span, ``0:00.0 - 0:05.2``; whole numbers whose rows last a median of 100 or more are
milliseconds, with a warning; numbers all below 1 for more than 10 words are Excel's fractions
of a day, with a warning: :func:`_day_fractions`) are optional; other columns are ignored. A timed table may leave the
speaker out when it has both time columns: Whisper's ``.tsv`` and whisper.cpp's ``.csv`` (``start``,
``end``, ``text``, the times in whole milliseconds; whisper.cpp's ``--diarize`` adds ``speaker``)
are read as unlabelled speech, or by the ``SPEAKER_00: words`` labels their text opens with, as a
subtitle file without voice tags is; Whisper writes its ``.tsv`` unquoted, so a text opening with
``"`` is read as it stands. Each line of any other table is a row too, its quote marks as
typed, but for a cell a spreadsheet quoted (:class:`TableLines`). Each may go by another name
that transcription services and QDA programs give it (``Content``, ``Transcript``, ``Start Time``, ``Timespan``:
:mod:`roqa_nlp.transcripts.columns`). The delimiter is whichever of comma, semicolon or tab the
header uses (Excel in many European locales saves with semicolons, and then its seconds with a
decimal comma, ``0,5``, read as such in a table not parted by commas). Rows with empty text are
skipped, and so, with one warning naming them, are rows whose text is a spreadsheet's error value
(``data/spreadsheet_error_values.json``), though their speaker's turn goes on in the rows after
them that
have no speaker; a row with an empty speaker continues the previous speaker, as a line
without a label does in a .txt (rows before any row names a speaker are read as ``Unknown speaker``,
a participant, with a warning naming them), and consecutive rows of one speaker form one turn (see
:mod:`roqa_nlp.transcripts.utterances`). The transcript's text is the canonical rendering of
:mod:`roqa_nlp.transcripts.render`; with ``start``/``end`` columns, each row's place and times in
its turn are kept so that a segment is cited at the time of its own row
(:mod:`roqa_nlp.transcripts.cue_times`)."""

from __future__ import annotations

import csv
import datetime
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import RoqaError, RoqaValueError, in_python_too, quoted
from ..io import (
    MAX_HEADER_LINE,
    bom_encodings,
    decode_unicode,
    header_cell,
    read_bytes,
    rows_within_header,
    too_many_fields_hint,
    windows_1252_text,
)
from ..schema import Transcript
from ..spreadsheets import spreadsheet_error_values
from .columns import column_roles, row_times
from .protected import refuse_ole_office_file
from .roles import UNKNOWN_SPEAKER
from .timecodes import parse_time
from .unlabelled import time_place
from .utterances import Utterance, known_speaker, speech_file_text, utterances_transcript

REQUIRED_COLUMNS: tuple[str, ...] = ("speaker", "text")
#: The headers Whisper's .tsv and whisper.cpp's .csv write (with ``--diarize``, a speaker
#: column), their times in whole milliseconds.
WHISPER_HEADERS = (["start", "end", "text"], ["start", "end", "speaker", "text"])
DELIMITERS = ",;\t"
#: The header row is one of the first rows: a title and blank rows may come above it (as above
#: decisions and labelled records: :data:`roqa_nlp.io.MAX_HEADER_LINE`).
MAX_HEADER_ROW = MAX_HEADER_LINE
#: columns of a sheet of coded quotes (labelled records), which a transcript does not have
_CODE_COLUMNS = frozenset({"code", "codes", "construct", "constructs"})
COLUMNS_HINT = (
    f"the header row, the first row or one of the first {MAX_HEADER_ROW} below a title, must "
    "name the columns speaker and text (or content, transcript ...; "
    "optional: start, end); without a speaker column, the text must open with speaker labels "
    "(P04: ...) or each row have its start and end"
)
#: A column of roqa's own CSV files (``codings.csv``, decisions), never of a transcript.
ROQA_COLUMN = "segment_id"
#: Bytes of a file read to find its header row (:func:`is_roqa_csv`).
_HEADER_BYTES = 1 << 16


def _header_names_in_order(first_line: str) -> list[str]:
    return [name.strip().strip('"') for name in first_line.split(_delimiter(first_line))]


def _head_lines(path: str | Path) -> list[str] | None:
    """The first :data:`MAX_HEADER_ROW` lines of ``path`` (fewer in a shorter file), decoded as
    the reader decodes them (UTF-8, or UTF-32 or UTF-16 after its byte order mark); None when the
    first cannot be read or decoded. Only those lines' bytes are decoded (a character cut where
    the bytes read end, or a wrong byte further down, says nothing of the header), and a line
    that cannot be decoded ends them."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEADER_BYTES)
    except OSError:
        return None
    if bom_encodings(head):
        text = decode_unicode(head[: len(head) // 4 * 4], errors="replace") or ""
        lines = text.lstrip("\ufeff").split("\n")[:MAX_HEADER_ROW]
    else:
        lines = []
        # as the reader decodes it: Windows-1252 when it is that (the same as UTF-8 in ASCII)
        ansi = windows_1252_text(head)
        for raw in head.split(b"\n", MAX_HEADER_ROW)[:MAX_HEADER_ROW]:
            if ansi is not None:
                lines.append(raw.decode("cp1252"))
                continue
            try:
                lines.append(raw.decode("utf-8-sig" if not lines else "utf-8"))
            except UnicodeDecodeError:
                break
        if not lines:
            return None
    return [line.lstrip("\ufeff").rstrip("\r") for line in lines]


def header_row(rows: Sequence[Sequence[str]]) -> int:
    """The index of a table's header row among ``rows``: the first row when it names a text
    column (or when no row does), else the first of the first :data:`MAX_HEADER_ROW` that names a
    transcript's columns, text with the speaker or the time (the rows above it a title, blank
    rows)."""
    if not rows or "text" in column_roles(rows[0]):
        return 0
    for index, row in enumerate(rows[1:MAX_HEADER_ROW], start=1):
        roles = column_roles(row)
        if "text" in roles and ("speaker" in roles or "start" in roles):
            return index
    return 0


def is_roqa_csv(path: str | Path) -> bool:
    """Whether the header row of ``path`` (a .csv, .tsv or .xlsx file) is roqa's own codings
    or decisions table: it names a ``segment_id`` column (``codings.csv`` or ``.xlsx``, a
    decisions file) or both a ranked suggestion's ``name_1`` and its ``probability_1`` (a sheet
    of quotes copied from ``codings.csv``), not a transcript. One of them alone is a
    transcript's column of its own (the interviewer's ``name_1``). Unreadable files are not."""
    header = header_cells(path)
    return header is not None and is_roqa_header(header)


#: The ranked suggestion columns of roqa's ``codings.csv`` no transcript table has both of
#: (``code_1`` may be a researcher's own column of codes, and is not one of them).
_ROQA_RANKED = (re.compile(r"name_\d+"), re.compile(r"probability_\d+"))


def is_roqa_header(header: Sequence[str]) -> bool:
    """Whether a table's header cells are those of roqa's codings or decisions (see
    :func:`is_roqa_csv`)."""
    names = [header_cell(cell).strip('"').strip() for cell in header]
    return ROQA_COLUMN in names or all(
        any(ranked.fullmatch(n) for n in names) for ranked in _ROQA_RANKED
    )


def names_transcript_columns(path: str | Path) -> bool:
    """Whether the header row of ``path`` (a .csv, .tsv or .xlsx file; the first row, or one
    below a title, :func:`header_row`) names the speaker and text columns of a transcript (under
    any of their names, :mod:`roqa_nlp.transcripts.columns`). A file that cannot be read counts
    as one, so that reading it names what is wrong."""
    header = header_cells(path)
    return header is None or _has_transcript_columns(column_roles(header))


def lacking_columns(header: Sequence[str]) -> str:
    """What the header row ``header`` of a table lacks to be a transcript's, naming the columns
    it has (``has no 'speaker' column among its columns 'Zeile', 'Sprecher', 'Text'``): the one
    wording of the error reading such a table and of the warning leaving it out of a folder,
    :data:`COLUMNS_HINT` saying what it needs. A table with German headers was left out of a
    folder as one "without speaker and text columns" though it had a Text column, and named on
    its own said only "has no 'speaker' column" (s57 wild tester, finding 7)."""
    from ..errors import first_few, quoted

    roles = column_roles(header)
    lacking = [c for c in REQUIRED_COLUMNS if c not in roles] or ["speaker"]
    # each name cut (:func:`~roqa_nlp.errors.quoted`): a file with no delimiter has one header
    # cell as long as its first line, which the message echoed whole (fuzz test, session 58)
    names = [quoted(" ".join(c.split())) for c in header if c.strip()]
    has = f"among its columns {first_few(names, 8)}" if names else "and no named column"
    return f"has no {' or '.join(repr(c) for c in lacking)} column {has}"


def header_cells(path: str | Path) -> list[str] | None:
    """The cells of the header row of the table ``path`` (a .csv, .tsv or .xlsx file; the first
    row, or one below a title, :func:`header_row`), read from its first rows alone; ``[]`` for
    an empty workbook, None for a file that cannot be read as a table."""
    if Path(path).suffix.lower() == ".xlsx":
        try:
            sheets = _text_sheets(path, first_only=True)
        except RoqaError:
            return None
        rows = sheets[0].rows[:MAX_HEADER_ROW]  # the first sheet, the one read
    else:
        lines = _head_lines(path)
        if lines is None:
            return None
        rows = [_header_names_in_order(line) for line in lines]
    return rows[header_row(rows)] if rows else []


def _has_transcript_columns(roles: dict[str, int]) -> bool:
    """Whether a header's column roles are a transcript's: speaker and text, or text with the
    times each row starts and ends (a timed table without speakers, as Whisper writes; an
    interview log with a transcript's file name and a time of day is not one)."""
    return "text" in roles and ("speaker" in roles or ("start" in roles and "end" in roles))


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


#: Seconds written with a decimal comma (``0,5``), as a comma-decimal locale writes them.
_COMMA_SECONDS = re.compile(r"\d+,\d+")


def _time(
    value: str, column: str, row: int, path: str | Path, *, decimal_comma: bool = False
) -> float | None:
    if not value.strip():
        return None
    if decimal_comma and _COMMA_SECONDS.fullmatch(value.strip()):
        value = value.strip().replace(",", ".")
    try:
        return parse_time(value)
    except ValueError:
        raise RoqaValueError(
            f"row {row}: {column} {quoted(value.strip())} is not a time",
            path=path,
            hint="give seconds (12.5) or HH:MM:SS",
        ) from None


#: The median length of a row (end - start) from which whole-number times are milliseconds: no
#: transcript row lasts 100 seconds as a rule, and no speech-to-text segment 100 milliseconds.
MIN_MEDIAN_MS = 100


#: Seconds in a day: Excel keeps a time as the fraction of a day it is (``0.5`` is noon), and a
#: time column formatted General shows, and saves in a CSV, that fraction (``0.0008351852``).
SECONDS_A_DAY = 86400
#: More words than anyone says in a second: a table of more words whose every time is below 1
#: lasts longer than its times as seconds would say (s71 readers, finding 1).
MAX_WORDS_A_SECOND = 10
#: A number as a CSV cell or a spreadsheet's number cell holds it (Python writes a fraction of a
#: day under 8.64 seconds as ``4.6296296296296294e-05``).
_NUMBER = re.compile(r"\d*\.?\d+(?:[eE][-+]?\d+)?")


def _number(value: str, *, decimal_comma: bool = False) -> float | None:
    """The number a time cell holds (a decimal comma read as such with ``decimal_comma``), or
    None when it holds anything else (a clock time, a span)."""
    text = value.strip()
    if decimal_comma and _COMMA_SECONDS.fullmatch(text):
        text = text.replace(",", ".")
    return float(text) if _NUMBER.fullmatch(text) else None


class _DayFractions(NamedTuple):
    """A table's times read as Excel's fractions of a day: its time columns' headers, the words
    of its talk, and its first time as the number it holds."""

    columns: list[str]
    words: int
    first: float


def _day_fractions(
    rows: list[list[str]], roles: dict[str, int], *, decimal_comma: bool = False
) -> _DayFractions | None:
    """Whether a table's times are Excel's fractions of a day: every time cell a number, all
    below 1 and not all 0, and the rows more than :data:`MAX_WORDS_A_SECOND` words (seconds
    below 1 for a clip of a few words are seconds); None for any other table."""
    columns = [c for c in ("start", "end") if c in roles]
    times: list[float] = []
    words = 0
    for row in rows[1:]:
        cells = _cells(row, roles)
        words += len(cells.get("text", "").split())
        for value in row_times(cells):
            if value and value.strip():
                number = _number(value, decimal_comma=decimal_comma)
                if number is None:
                    return None
                times.append(number)
    if not times or not 0 < max(times) < 1 or words <= MAX_WORDS_A_SECOND:
        return None
    return _DayFractions([rows[0][roles[c]].strip() for c in columns], words, times[0])


def _warn_of_day_fractions(days: _DayFractions, path: str | Path) -> None:
    """One warning that a table's times were read as Excel's fractions of a day, naming its
    time columns, the first time and what it was read as, and the fix."""
    from ..errors import warn

    shown = f"{days.first:.10f}".rstrip("0")  # 0.0000462963, not Python's 4.6296296296296294e-05
    clock = time_place(round(days.first * SECONDS_A_DAY, 3))
    named = " and ".join(days.columns)
    s = "s" if len(days.columns) != 1 else ""
    warn(
        f"its {named} column{s} hold{'' if s else 's'} numbers below 1 for {days.words} words "
        f"of talk: read as Excel's fractions of a day ({shown} is {clock}; format the {named} "
        f"column{s} as hh:mm:ss in Excel before saving, to keep them as times)",
        path=path,
        stacklevel=None,
    )


def _cells(row: Sequence[str], roles: dict[str, int]) -> dict[str, str]:
    """A row's cells by role, empty for a column the row is too short to have."""
    return {role: row[i] if i < len(row) else "" for role, i in roles.items()}


def _whisper_milliseconds(rows: list[list[str]], roles: dict[str, int]) -> bool:
    """Whether a table is Whisper's (its header ``start``, ``end``, ``text`` exactly, or with
    whisper.cpp's ``speaker`` column) with its times in whole milliseconds, as Whisper writes
    them (``4200`` is 4.2 s): every time a whole number, and its rows a median
    :data:`MIN_MEDIAN_MS` or more long (a researcher's own table in whole seconds is not)."""
    if [cell.strip().lstrip("\ufeff") for cell in rows[0]] not in WHISPER_HEADERS:
        return False
    return _whole_milliseconds(rows, roles)


def _whole_milliseconds(rows: list[list[str]], roles: dict[str, int]) -> bool:
    """Whether a table's ``start`` and ``end`` are whole numbers whose rows last a median
    :data:`MIN_MEDIAN_MS` or more: milliseconds (a row of 100 seconds or more is no turn of a
    conversation, as a rule; one of 100 milliseconds or more is any spoken row)."""
    if "start" not in roles or "end" not in roles:
        return False
    lengths = []
    for row in rows[1:]:
        begin, end = (
            row[roles[c]].strip() if roles[c] < len(row) else "" for c in ("start", "end")
        )
        if any(t and not t.isdecimal() for t in (begin, end)):
            return False
        if begin and end:
            lengths.append(int(end) - int(begin))
    return bool(lengths) and sorted(lengths)[len(lengths) // 2] >= MIN_MEDIAN_MS


def read_csv_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a CSV (or tab-separated .tsv) transcript (see the module docstring)."""
    fmt = "tsv" if Path(path).suffix.lower() == ".tsv" else "csv"
    return text_table_transcript(
        # Excel saves "CSV (Comma delimited)" and "CSV (semicolon delimited)" as "ANSI"
        speech_file_text(path, windows_1252=True),
        path,
        fmt,
        interviewer_labels=interviewer_labels,
        participant=participant,
    )


def is_tab_table(text: str) -> bool:
    """Whether the decoded text of a .txt file is a transcript table saved as tab-separated
    text (Excel's "Unicode Text", UTF-16 with tabs): its first non-blank line a header naming,
    between tabs, the speaker and text columns (under any of their names), as a .csv's must,
    and at least half the non-blank lines below it rows with words in the text column (a header
    line above ``Interviewer: ...`` prose is no table, nor is it where one turn of that prose
    holds a tab: hunt s41/5)."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    first = lines[at] if at < len(lines) else ""
    if "\t" not in first:
        return False
    roles = column_roles(first.rstrip("\r").split("\t"))
    if "speaker" not in roles or "text" not in roles:
        return False
    column = roles["text"]
    below = [line for line in lines[at + 1 :] if line.strip()]
    rows = sum(
        1 for line in below if len(cells := line.split("\t")) > column and cells[column].strip()
    )
    return rows > 0 and 2 * rows >= len(below)


def text_table_transcript(
    text: str,
    path: str | Path,
    fmt: str,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """The transcript of a table's decoded delimited ``text`` (a .csv, .tsv, or a .txt that
    :func:`is_tab_table`), read as the module docstring says."""
    lines = [line.lstrip("\ufeff").rstrip("\r") for line in text.split("\n", MAX_HEADER_ROW)]
    first = lines[0]
    # the delimiter is the header row's, which may come below a title
    header_line = lines[
        header_row([_header_names_in_order(line) for line in lines[:MAX_HEADER_ROW]])
    ]
    # Whisper writes its .tsv without quoting: a text opening with '"' is words, not a quote
    unquoted = first == "\t".join(WHISPER_HEADERS[0])
    delimiter = _delimiter(header_line)
    try:
        rows = _text_split_at_delimiters_rejoined(text, delimiter, path, unquoted=unquoted)
    except csv.Error as e:
        raise RoqaValueError(
            f"is not a valid CSV file ({e})", path=path, hint=COLUMNS_HINT
        ) from None
    return table_transcript(
        rows,
        path,
        fmt,
        interviewer_labels=interviewer_labels,
        participant=participant,
        # a table not parted by commas may have them as decimal points (Excel in many locales)
        decimal_comma=delimiter != ",",
    )


def _text_split_at_delimiters_rejoined(
    text: str, delimiter: str, path: str | Path, *, unquoted: bool = False
) -> list[list[str]]:
    """The rows of a table's ``text``, a turn typed with commas and no quotes around it
    (``P04,We had no staff, no money``: more fields than the header) read whole: when the text
    is the header's last column, the fields past it are its words, joined back with the
    ``delimiter`` they were split at (``unquoted``: Whisper's .tsv, a '"' is a word), and one
    warning names their lines; else the fields past the header would shift the times, a
    one-line error naming the line. Before, the words past the first comma were left out
    without a word. Rows past the header are read by
    :func:`~roqa_nlp.io.rows_within_header`, as every table roqa reads, so a line is the
    file's (a quoted turn over several lines above counts each: session 48, it counted rows)."""

    def reader() -> TableLines:
        return TableLines(text, delimiter, unquoted=unquoted)

    rows = list(reader())
    above = header_row(rows)
    if not rows[above:]:
        return rows
    text_at = column_roles(rows[above]).get("text")
    sep = "a comma" if delimiter == "," else "the delimiter"
    joined: list[int] = []

    def rejoin(row: list[str], width: int, line: int) -> list[str]:
        if text_at is None:
            return row
        if text_at != width - 1:
            raise RoqaValueError(
                f"line {line} has {len(row)} fields but the header {width}: its text holds "
                f"{sep} with no quotes around it, so its words would be read as the times",
                path=path,
                hint=too_many_fields_hint("a turn's text", sep=sep),
            )
        words = row[text_at:]
        while not words[-1].strip():  # Excel's empty cells of a wider sheet: not words
            words.pop()
        joined.append(line)
        return [*row[:text_at], delimiter.join(words)]

    lines = reader()
    out = [next(lines) for _ in range(above)]  # a title above the header
    out += rows_within_header(lines, path, on_extra=rejoin)
    if lines.as_typed and delimiter != "\t":
        _warn_of_quotes_as_typed(sorted(lines.as_typed), path)
    joined = [line for line in joined if line not in lines.as_typed]  # said there
    if joined:
        from ..errors import first_few, warn

        n = len(joined)
        warn(
            f"line{'s' if n != 1 else ''} {first_few([str(r) for r in joined], 6)} "
            f"{'have' if n != 1 else 'has'} more fields than the header: the "
            f"{'commas' if delimiter == ',' else 'delimiters'} past the text column were read "
            f"as part of the text (put quotes around a text cell holding {sep} to be sure)",
            path=path,
            stacklevel=3,
        )
    return out


def _warn_of_quotes_as_typed(lines: Sequence[int], path: str | Path) -> None:
    """One warning naming the lines of a .csv whose quote mark opening a cell was read as typed
    (:class:`TableLines`): CSV quoting would have run the cell on to a later quote mark, over
    the rows below it, or dropped the quotes around a phrase opening the turn."""
    from ..errors import first_few, warn

    n = len(lines)
    warn(
        f"line{'s' if n != 1 else ''} {first_few([str(r) for r in lines], 6)} "
        f"open{'' if n != 1 else 's'} a cell with a quote mark that does not close where the "
        "cell ends (words after the closing quote, or no closing quote at all): "
        "read as typed, the quote marks kept and each line a row (a cell over several lines "
        "needs quotes around the whole cell, and its own quote marks doubled, as Excel saves it)",
        path=path,
        stacklevel=4,
    )


class TableLines(Iterator[list[str]]):
    """The rows of a delimited table's ``text``, read as its writer meant them, each line a row
    but for a cell a spreadsheet quoted (hunt s63, finding 1). A cell wholly between quote
    marks, its own quote marks doubled (``"Staff, mostly"``, ``"said ""safe"" once"``, as Excel,
    LibreOffice and pandas save a cell holding the delimiter, a quote mark or a new line), is
    read without them, over as many lines as it runs to its closing quote (one followed by the
    delimiter, by spaces or by the line's end), whatever those lines open with: a line of an
    answer opening ``I, for one,`` with the interviewer labelled ``I`` is the answer's (hunt s63
    h_tab, R1). A cell opening with a quote mark that does not close so (``"Keep people safe"
    was the motto``, or a quote never closed) is read as typed, up to the next delimiter, quote
    marks and all, and each line below it a row: the ``csv`` module took the rows below into it,
    to the next quote mark, and dropped a quoted phrase's quote marks. Such lines are
    :attr:`as_typed`. ``unquoted`` (Whisper's .tsv): every quote mark is a word. The ``csv``
    reader's interface as :func:`~roqa_nlp.io.rows_within_header` uses it: :attr:`line_num` is
    the file's line of the row last read."""

    def __init__(self, text: str, delimiter: str, *, unquoted: bool = False) -> None:
        self._lines = re.split(r"\r\n|\r|\n", text)
        if self._lines[-1] == "":  # the new line ending the last row
            self._lines.pop()
        self._delimiter = delimiter
        self._unquoted = unquoted
        #: the lines (from 1) of a cell opening with a quote mark read as typed
        self.as_typed: set[int] = set()
        self.line_num = 0

    def __next__(self) -> list[str]:
        if self.line_num >= len(self._lines):
            raise StopIteration
        index = self.line_num
        self.line_num += 1
        return self._fields(index) if self._lines[index] else []

    def _fields(self, index: int) -> list[str]:
        line, pos, fields = self._lines[index], 0, []
        while True:
            if not self._unquoted and line.startswith('"', pos):
                quoted_cell = self._quoted_cell(index, pos)
                if quoted_cell is not None:
                    cell, index, pos = quoted_cell
                    line, self.line_num = self._lines[index], index + 1
                    fields.append(cell)
                    if pos >= len(line):
                        return fields
                    pos += 1
                    continue
                self.as_typed.add(index + 1)
            end = line.find(self._delimiter, pos)
            if end < 0:
                fields.append(line[pos:])
                return fields
            fields.append(line[pos:end])
            pos = end + 1

    def _quoted_cell(self, index: int, pos: int) -> tuple[str, int, int] | None:
        """The cell quoted at ``pos`` of line ``index``, the line and place its closing quote
        ends it at (a delimiter or the line's end, after any spaces); None when it does not
        close so, in that line or any below."""
        line, at, parts, first = self._lines[index], pos + 1, [], index
        while True:
            quote = line.find('"', at)
            if quote < 0:  # the cell goes on in the next line, whatever that line holds
                parts += [line[at:], "\n"]
                index += 1
                if index >= len(self._lines):
                    return None
                line, at = self._lines[index], 0
                continue
            parts.append(line[at:quote])
            if line.startswith('"', quote + 1):
                parts.append('"')
                at = quote + 2
                continue
            # spaces typed after the closing quote (a tab, a no-break space: any but the
            # delimiter) are the cell's, as the csv module reads them (a hunt: a tab there split
            # a quoted cell of several lines into rows)
            end = quote + 1
            while end < len(line) and line[end].isspace() and line[end] != self._delimiter:
                end += 1
            if line[end : end + 1] not in ("", self._delimiter):
                return self._run_on_cell(first, index, pos, quote, parts)
            return "".join(parts) + line[quote + 1 : end], index, end

    def _run_on_cell(
        self, first: int, index: int, pos: int, quote: int, parts: list[str]
    ) -> tuple[str, int, int] | None:
        """A quoted cell over lines ``first`` to ``index`` whose closing quote (at ``quote``)
        words follow (``"... twice a week." (laughs)``): read as the ``csv`` module reads it, the
        words after the quote the cell's up to the delimiter, when none of the lines it runs
        over holds the delimiter (none reads as a row of its own: a hunt of s63 found its later
        lines dropped); else None (each line a row, as typed). One line alone is None too: a
        quoted phrase opening a turn keeps its quote marks (``"Keep people safe" was the motto``);
        so is a closing quote opening its line (``"Interviewer","And then?"``, a row's own)."""
        held = [self._lines[first][pos + 1 :], *self._lines[first + 1 : index]]
        held.append(self._lines[index][:quote])
        # a later line opening with the quote opens a quoted row of its own ("Interviewer",...:
        # a hunt of s63 found an unclosed quote taking it in)
        if index == first or quote == 0 or any(self._delimiter in line for line in held):
            return None
        line = self._lines[index]
        end = line.find(self._delimiter, quote + 1)
        end = len(line) if end < 0 else end
        return "".join(parts) + line[quote + 1 : end], index, end


def read_xlsx_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read the first sheet of an Excel workbook as a table transcript (see the module
    docstring); a time cell formatted as a time reads as that clock time. A first sheet that is
    no transcript (empty, or without speaker and text columns) while a later one has them is
    refused naming that sheet (:func:`later_transcript_sheet`), and a later visible sheet with
    them too is warned of as not read (hunt s63, readers finding 5; h_tab R2: a later sheet read
    in its place coded a study log's names and file names as talk)."""
    refuse_ole_office_file(read_bytes(path), path, app="Excel", extension=".xlsx")
    sheets = _text_sheets(path)
    first = sheets[0]
    empty = not any(any(c.strip() for c in row) for row in first.rows)
    header = _sheet_header(first.rows)
    if empty or not (_has_transcript_columns(column_roles(header)) or is_roqa_header(header)):
        later = later_transcript_sheet(sheets)
        if later is not None:
            lacks = "is empty" if empty else "has no speaker and text columns"
            raise RoqaValueError(
                f"its first sheet {first.name!r} {lacks}, and only the first sheet of a "
                f"workbook is read ({later[0]})",
                path=path,
                hint=later[1],
            )
    if empty:
        raise RoqaValueError("no speech found", path=path, hint="the first sheet is empty")
    rows, shown = _text_as_shown(first)
    rows, speakers = _text_as_shown(first, "speaker", rows)
    transcript = table_transcript(
        rows, path, "xlsx", interviewer_labels=interviewer_labels, participant=participant
    )
    if shown:
        _warn_of_shown_cells(shown, path)
    if speakers:
        _warn_of_shown_cells(speakers, path, "speaker", "'1-3', '2-3'", "who spoke")
    others = [
        s.name for s in sheets[1:] if not s.hidden and _has_transcript_columns(_sheet_roles(s))
    ]
    if others:
        from ..errors import first_few, warn

        n = len(others)
        warn(
            f"its sheet{'s' if n != 1 else ''} {first_few([repr(o) for o in others])} "
            f"{'have' if n != 1 else 'has'} speaker and text columns too and "
            f"{'were' if n != 1 else 'was'} not read: only the "
            f"{'hidden ' if first.hidden else ''}first sheet {first.name!r} is (one interview a "
            "file: save each interview's sheet as its own .xlsx or CSV UTF-8)",
            path=path,
        )
    if sum(1 for s in sheets if any(map(any, s.rows))) > 1:
        transcript.metadata["sheet"] = first.name  # a workbook of several sheets: the one read
    return transcript


class _Sheet(NamedTuple):
    name: str
    rows: list[list[str]]
    hidden: bool
    #: the cells (row and column index) Excel shows otherwise than their text in ``rows``: a
    #: date, time, percentage or number under its number format
    #: (:func:`.spreadsheets.cell_as_shown`)
    shown: dict[tuple[int, int], str]
    #: those of them shown as a number (``£1,500.00``, ``12,000``, ``1/2``), not a date, time or
    #: percentage Excel made of words typed: read as shown without a warning
    numbers: frozenset[tuple[int, int]] = frozenset()


def _text_sheets(path: str | Path, *, first_only: bool = False) -> list[_Sheet]:
    """The name, the rows as a CSV's text, whether it is hidden, and the cells Excel shows
    otherwise, of each sheet of the workbook ``path`` (of its first alone with
    ``first_only``)."""
    from ..record_files import xlsx_sheets
    from ..spreadsheets import cell_as_shown, made_of_words

    sheets = []
    for name, cells, hidden in xlsx_sheets(Path(path), first_only=first_only, with_formats=True):
        rows = [[_cell_text(value) for value, _ in row] for row in cells]
        shown = {
            (r, c): text
            for r, row in enumerate(cells)
            for c, (value, number_format) in enumerate(row)
            if (text := cell_as_shown(value, number_format)) is not None and text != rows[r][c]
        }
        numbers = frozenset(at for at in shown if not made_of_words(*cells[at[0]][at[1]]))
        sheets.append(_Sheet(name, rows, hidden, shown, numbers))
    return sheets


def _text_as_shown(
    sheet: _Sheet, role: str = "text", rows: list[list[str]] | None = None
) -> tuple[list[list[str]], dict[int, str]]:
    """The rows of ``sheet`` (or ``rows`` made of them) with each cell of its text column (its
    ``role`` column) below the header row as Excel shows it (a date ``1-Mar``, not the time of
    day ``00:00:00`` it holds; a percentage ``25%``, not ``0.25``; a number ``£1,500.00``, not
    ``1500``), and the words of those of them Excel made a date, time or percentage of, by
    their row's number in the sheet, for a warning. The time columns are read from the cells' values, as
    before: a time formatted ``h:mm`` keeps its seconds. A speaker column is read as shown too
    (hunter s82 hunt14: ids typed ``1-3`` and ``2-3``, which Excel makes dates shown ``1-Mar``
    and ``2-Mar``, were all read as the one speaker ``00:00:00``, silently)."""
    above = header_row(sheet.rows[:MAX_HEADER_ROW])
    column = column_roles(sheet.rows[above]).get(role) if sheet.rows else None
    if rows is None:
        rows = sheet.rows
    if column is None:
        return rows, {}
    rows = [list(row) for row in rows]
    shown: dict[int, str] = {}
    for (r, c), text in sheet.shown.items():
        if c == column and r > above:
            rows[r][c] = text
            if (r, c) not in sheet.numbers:
                shown[r + 1] = text
    if role == "speaker":
        _one_reading_a_number(sheet, column, above, rows)
    return rows, dict(sorted(shown.items()))


def _one_reading_a_number(sheet: _Sheet, column: int, above: int, rows: list[list[str]]) -> None:
    """Give each speaker id the speaker ``column`` of ``sheet`` holds as a number shown under a
    number format (:attr:`_Sheet.numbers`) the one reading most of that column's cells of the
    same value have in ``rows`` (the first, of as many), so one cell formatted otherwise
    (``1`` shown ``1.0`` under ``0.0`` among ones; ``1`` in General among ``P01`` under
    ``"P"00``) is no speaker of its own (hunter s83 hunt17 R8: speakers ``1.0`` and ``1``)."""
    numbers = {sheet.rows[r][c] for r, c in sheet.numbers if c == column and r > above}
    readings: dict[str, Counter[str]] = {}
    for r in range(above + 1, len(rows)):
        if column < len(rows[r]) and (value := sheet.rows[r][column]) in numbers:
            readings.setdefault(value, Counter())[rows[r][column]] += 1
    for r in range(above + 1, len(rows)):
        if column < len(rows[r]) and (value := sheet.rows[r][column]) in readings:
            alike = _readings_alike(rows[r][column], readings[value])
            rows[r][column] = alike.most_common(1)[0][0]


def _letters(reading: str) -> str:
    """The letters of a speaker id's ``reading`` (``P`` of ``P01``; none of ``1.0``)."""
    return "".join(ch for ch in reading if ch.isalpha())


def _readings_alike(reading: str, readings: Counter[str]) -> Counter[str]:
    """The ``readings`` of one number that ``reading`` may be unified with: those that differ
    from it only in how the number is written (``1``, ``1.0``, ``01``; ``1`` in General beside
    ``P01`` where ``P`` is the only letters its readings show). Where its readings show two
    sets of letters (``I1`` and ``P1`` under ``"I"0`` and ``"P"0``, ``F1`` and ``P1``,
    ``Interviewer 1`` and ``Participant 1``) they are formats naming speakers apart (hunter
    s84 hunt20 R2: they were one speaker), so each keeps its own letters."""
    if len({_letters(shown) for shown in readings} - {""}) <= 1:
        return readings
    letters = _letters(reading)
    return Counter({shown: n for shown, n in readings.items() if _letters(shown) == letters})


def _warn_of_shown_cells(
    shown: dict[int, str],
    path: str | Path,
    role: str = "text",
    typed: str = "'1 Mar', '25%'",
    what: str = "the interview",
) -> None:
    """One warning naming the rows whose text (or ``role``) cell Excel keeps as a date, time or
    percentage, read as Excel shows it."""
    from ..errors import first_few, warn

    n = len(shown)
    them = "them" if n != 1 else "it"
    warn(
        f"row{'s' if n != 1 else ''} {first_few([str(r) for r in shown], 6)} "
        f"hold{'' if n != 1 else 's'} a date, time or percentage in the {role} column, which "
        f"Excel makes of words typed as one ({typed}), read as Excel shows {them} "
        f"({first_few([repr(t) for t in shown.values()], 3)}): check {them} against {what} "
        f"(format the {role} column as Text in Excel before typing, to keep the words "
        "as typed)",
        path=path,
        stacklevel=3,
    )


def _sheet_header(rows: Sequence[Sequence[str]]) -> Sequence[str]:
    """The header row of a sheet's ``rows`` (one of its first, :func:`header_row`)."""
    head = rows[:MAX_HEADER_ROW]
    return head[header_row(head)] if head else []


def _sheet_roles(sheet: _Sheet) -> dict[str, int]:
    """The column roles of a sheet's header row, none for roqa's own codings or decisions."""
    header = _sheet_header(sheet.rows)
    return {} if is_roqa_header(header) else column_roles(header)


def later_transcript_sheet(sheets: Sequence[_Sheet]) -> tuple[str, str] | None:
    """What to say of the first sheet after the first of a workbook whose header names a
    transcript's columns (a visible one before a hidden one), as an error's words and its hint
    (``its sheet 'Transcript' has speaker and text columns 'Speaker', 'Text'``, ``move sheet
    'Transcript' first ...``); None when none does. Only the first sheet is read: a later one
    may be a study log with Name and Transcript columns, not talk (hunt s63 h_tab, R2)."""
    found = [s for s in sheets[1:] if _has_transcript_columns(_sheet_roles(s))]
    if not found:
        return None
    sheet = sorted(found, key=lambda s: s.hidden)[0]
    header, roles = _sheet_header(sheet.rows), _sheet_roles(sheet)
    names = ", ".join(
        repr(header[roles[r]]) for r in ("speaker", "text", "start", "end") if r in roles
    )
    which = f"{'hidden ' if sheet.hidden else ''}sheet {sheet.name!r}"
    return (
        f"its {which} has speaker and text columns {names}",
        f"if that sheet is the interview, move {which} first, or save it as its own .xlsx or "
        "CSV UTF-8 file",
    )


def later_transcript_sheet_of(path: str | Path) -> tuple[str, str] | None:
    """:func:`later_transcript_sheet` of the workbook ``path``; None for any other file, or one
    that cannot be read."""
    if Path(path).suffix.lower() != ".xlsx":
        return None
    try:
        return later_transcript_sheet(_text_sheets(path))
    except RoqaError:
        return None


def _refuse_write_up(header: Sequence[str], path: str | Path) -> None:
    """The error of a sheet that is a write-up file ``roqa report`` wrote (the framework matrix,
    Table 2, the saturation table: :func:`~roqa_nlp.write_up_files.write_up_of_header`), not a
    transcript: Table 2 was "coded quotes" for roqa evaluate, which refused it (tester s49)."""
    from ..write_up_files import write_up_of_header

    write_up = write_up_of_header(header)
    if write_up is not None:
        raise RoqaValueError(
            f"is {write_up}, not a transcript",
            path=path,
            hint="give the interview transcripts to code them",
        )


def _refuse_coded_quotes(header: Iterable[str], path: str | Path) -> None:
    """The error of a sheet with no speaker column that names a code column: coded quotes,
    labelled records for roqa evaluate and train (newcomer, session 47)."""
    coded = sorted(set(header) & _CODE_COLUMNS)
    if coded:
        raise RoqaValueError(
            f"has no 'speaker' column and a '{coded[0]}' column: it reads as coded quotes, "
            "not a transcript",
            path=path,
            hint=in_python_too(
                f"coded quotes are labelled records: roqa evaluate {path} scores the model on "
                "them, roqa train DATA --out DIR learns from them (columns text and construct)",
                f"ac.evaluate({str(path)!r}) scores it, AutoCoder().fit(DATA) learns from them",
            ),
        )


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold: nothing for an empty cell, a time of
    day as ``HH:MM:SS[.ffffff]``, a duration as its seconds."""
    if value is None:
        return ""
    if isinstance(value, datetime.timedelta):
        return str(value.total_seconds())
    if isinstance(value, datetime.datetime):
        value = value.time()
    if isinstance(value, datetime.time):
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    return str(value)


def table_transcript(
    rows: list[list[str]],
    path: str | Path,
    fmt: str,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
    decimal_comma: bool = False,
) -> Transcript:
    """The transcript of a table's rows, the header row naming the columns (see the module
    docstring); with ``decimal_comma`` (a table parted by semicolons or tabs), a time of seconds
    may have a comma for its decimal point (``0,5``)."""
    above = header_row(rows)  # title and blank rows above the header: no one's talk
    rows = rows[above:]
    header = {name.strip().lower(): i for i, name in reversed(list(enumerate(rows[0])))}
    roles = column_roles(rows[0])
    if ROQA_COLUMN in header:
        raise RoqaValueError(
            f"is a roqa codings or decisions file (it has a {ROQA_COLUMN} column), not a "
            "transcript",
            path=path,
            hint="read codings with CodingResult.read() or `roqa report FOLDER`; give the "
            "transcript files to code them",
        )
    # a time and the words, no speaker column: a transcript only if its words name speakers
    needs_labels = not _has_transcript_columns(roles)
    if needs_labels and not ("text" in roles and "start" in roles):
        _refuse_write_up(rows[0], path)
        if "speaker" not in roles:
            _refuse_coded_quotes(header, path)
        raise RoqaValueError(lacking_columns(rows[0]), path=path, hint=COLUMNS_HINT)
    whisper = _whisper_milliseconds(rows, roles)
    scale = 1000.0 if whisper else 1.0
    if not whisper and _whole_milliseconds(rows, roles):
        from ..errors import warn

        scale = 1000.0
        warn(
            "its start and end are whole numbers whose rows last a median of 100 or more: read "
            "as milliseconds (give seconds with a decimal point, 12.0, or HH:MM:SS if they are "
            "seconds)",
            path=path,
            stacklevel=2,
        )
    days = None if scale != 1.0 else _day_fractions(rows, roles, decimal_comma=decimal_comma)
    if days:
        _warn_of_day_fractions(days, path)
    utterances: list[Utterance] = []
    unnamed: list[int] = []  # rows with words but no speaker before any row names one
    errors: dict[int, str] = {}  # rows whose text is a spreadsheet's error value
    # the speaker of an error row left out: the rows after it with no speaker go on with its turn
    error_speaker: str | None = None
    for number, row in enumerate(rows[1:], start=above + 2):
        cells = {role: row[i] if i < len(row) else "" for role, i in roles.items()}
        named = (cells.get("speaker") or "").strip()
        if cells["text"].strip().upper() in spreadsheet_error_values():
            errors[number] = cells["text"].strip().upper()
            error_speaker = named or error_speaker
            continue
        if named:
            error_speaker = None
        elif error_speaker is not None:
            cells["speaker"] = error_speaker
        begin, end = row_times(cells)
        no_speaker = not (cells.get("speaker") or "").strip()
        if no_speaker and cells["text"].strip() and not any(u.speaker for u in utterances):
            unnamed.append(number)
        if days:
            begin_time, end_time = (
                _day_seconds(v, decimal_comma=decimal_comma) for v in (begin, end or "")
            )
        else:
            begin_time = _time(begin, "start", number, path, decimal_comma=decimal_comma)
            end_time = _time(end or "", "end", number, path, decimal_comma=decimal_comma)
        utterances.append(
            Utterance(
                words=cells["text"],
                # whisper.cpp's '?' is no speaker; a researcher's own '?' is a label as written
                speaker=known_speaker(cells.get("speaker"))
                if whisper
                else (cells.get("speaker") or "").strip() or None,
                begin_time=None if begin_time is None else begin_time / scale,
                end_time=None if end_time is None else end_time / scale,
            )
        )
    transcript = utterances_transcript(
        utterances,
        path,
        {"format": fmt, "rendering": "canonical", "rows": len(utterances)},
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
    if errors:
        _warn_of_errors(errors, path)
    if needs_labels and transcript.metadata.get("speaker_labels") is False:
        _refuse_coded_quotes(header, path)
        raise RoqaValueError(lacking_columns(rows[0]), path=path, hint=COLUMNS_HINT)
    if unnamed and "speaker" in roles and _read_as_unknown(transcript, utterances):
        from ..errors import first_few, warn

        n = len(unnamed)
        warn(
            f"row{'s' if n != 1 else ''} {first_few([str(r) for r in unnamed], 6)} "
            f"{'have' if n != 1 else 'has'} no speaker and come{'' if n != 1 else 's'} before "
            f"any row that names one, so {'their' if n != 1 else 'its'} words were read as "
            f"{UNKNOWN_SPEAKER!r}, a participant (fill in the speaker cells; an empty cell "
            "after a named row continues that speaker's turn)",
            path=path,
            stacklevel=2,
        )
    return transcript


def _day_seconds(value: str, *, decimal_comma: bool) -> float | None:
    """The seconds, to the millisecond, of a time cell holding Excel's fraction of a day (none
    for an empty cell)."""
    number = _number(value, decimal_comma=decimal_comma) if value.strip() else None
    return None if number is None else round(number * SECONDS_A_DAY, 3)


def _warn_of_errors(errors: dict[int, str], path: str | Path) -> None:
    """One warning naming the rows left out for the spreadsheet error value in their text."""
    from ..errors import first_few, warn

    n = len(errors)
    values = ", ".join(dict.fromkeys(errors.values()))
    warn(
        f"row{'s' if n != 1 else ''} {first_few([str(r) for r in errors], 6)} "
        f"hold{'' if n != 1 else 's'} a spreadsheet's error value ({values}), not talk: left "
        "out (Excel shows #NAME? for a cell it read as a formula, a turn typed starting with - "
        "or =: type the words again, starting with an apostrophe, and save again)",
        path=path,
        stacklevel=3,
    )


def _read_as_unknown(transcript: Transcript, utterances: Sequence[Utterance]) -> bool:
    """Whether a turn of ``transcript`` is the unknown speaker's that no row names so."""
    return any(t.speaker == UNKNOWN_SPEAKER for t in transcript.turns) and not any(
        u.speaker == UNKNOWN_SPEAKER for u in utterances
    )
