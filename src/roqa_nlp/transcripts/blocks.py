"""Turns from a word processor's paragraphs and table rows (shared by Word and OpenDocument).

A word processor's transcript is a run of blocks: paragraphs and the rows of a transcript table.
A paragraph opens a turn when it starts with a speaker label: either ``Speaker: words`` as in
plain text (:mod:`roqa_nlp.transcripts.speaker_labels`), or a first run in bold or in a
character style (``Interviewer`` in bold, then the words), which is taken as a label when a
colon follows it, when it is a role label (``Interviewer``, ``P04``) or when it labels at least
two paragraphs; a paragraph entirely in bold is not a label with words. A speaker's name alone
in a paragraph, the words in the paragraphs below it, is a label as a lone line of plain text is
(``INTERVIEWER``; :mod:`roqa_nlp.transcripts.speaker_labels`); a paragraph all in bold or a
heading may also hold a capitalised name set apart so two or more times (``Sam Roe`` in bold, or
as a heading), and a paragraph in plain type a name that stands alone so above three or more of
its speaker's turns, taking each from another speaker (``Interviewer`` / ``Priya Nair``); any
other heading, and a section heading in plain type (``Section 1: Background``,
:mod:`.headings`), is not speech, kept in ``metadata["headings"]``. A paragraph without a label
continues the previous turn (kept as a line break in the turn), except, in a document that labels
each paragraph, after one that is only another speaker's backchannel (``Sam Roe: Mm-hmm.``):
it goes on with the turn of the speaker before it, as in a subtitle file (:mod:`.unlabelled`). A
soft line break (Shift+Enter) is a new line in the turn, but where a speaker's label opens the line
after it, or a label holds the line before it alone (``Sam Roe  0:03``), the paragraph is parted
there, as the same lines of plain text are (:func:`at_labelled_breaks`). Paragraphs before the first
label and header fields at the top (``Date: ...``, as in plain text) are not speech, nor is a
paragraph holding only a time (Google Meet's ``00:05:00``: the next turn begins at it), nor are
Zoom chat messages pasted in (``10:22:05 From P04b : words``; :mod:`.chat`), left out of the
text, the turn they part read whole. A table is
read when its first row names its speaker and text columns in any order, among others
(NVivo's ``Timespan | Content | Speaker``; the names of :mod:`roqa_nlp.transcripts.columns`;
title rows above it are headings), or
when every row has two cells, ``speaker | text``, or three with a clock time before or after the
speaker (``time | speaker | text``, as transcription services write them); a time column gives
the turn's ``begin_time``, else a time in the speaker cell (``P06 (00:00:31)``) or opening the
words (``[00:00:20] How ready``), read as by a paragraph's label. With no labels anywhere, each
paragraph is one participant turn. The transcript's text is the canonical rendering of :mod:`roqa_nlp.transcripts.render`, without the
time marks f4transkript and MAXQDA write (``#00:01:02-3#``, :func:`.render.without_time_marks`).

A document of subtitle cues (timing lines ``0:0:5.230 --> 0:0:9.0``, then the speaker's name and
words, as Teams once wrote its Word transcripts) is read as a .vtt file is (:mod:`.vtt`).

Each reader (:mod:`.docx`, :mod:`.odt`) finds the blocks and their bold first runs in its own
format; :func:`read_blocks` turns them into a transcript.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..io import MAX_HEADER_LINE
from ..schema import Transcript
from .annotations import NOTE_BRACKETS, all_bracketed
from .chat import chat_left_out, chat_note
from .columns import column_roles, row_times
from .cues import cue_transcript, looks_like_cues
from .headings import headings_metadata, is_section_heading, is_title_line
from .list_markers import goes_on_asking
from .render import SpokenTurn, render_transcript, without_time_marks
from .roles import (
    BOLD_QUESTIONS,
    HEADER_OVERRULED,
    answerer,
    asks,
    held_by_marker,
    interviewer_keys,
    is_question_marker,
    participant_number_label,
    role_of,
    unlabelled_speaker,
)
from .speaker_labels import (
    MIN_INITIALLED_TURNS,
    LabelMatch,
    end_text_metadata,
    has_initial_stop,
    introduces_a_person,
    is_header_field,
    is_initialled_name,
    is_known_header_line,
    is_name_with_a_long_note,
    label_fits,
    line_labels,
    opening_time,
    service_text_metadata,
    time_alone,
    timed_label,
    transcript_header,
    with_header_fields,
    without_name_stops,
    words_not_speakers,
)
from .timecodes import (
    first_time_marks,
    has_time_marks,
    is_second_stamp,
    is_service_time_line,
    parse_timecode,
)
from .unlabelled import (
    MOST_BACKCHANNEL_PIECES,
    UnlabelledTalk,
    above_first_label_metadata,
    field_lines_metadata,
    names_each_piece,
    no_turn_metadata,
    unlabelled_turn,
)
from .unlabelled_answers import paragraphs_below_markers, unlabelled_answers_metadata

SENTENCE_PUNCTUATION = '.?!;,"“”'
TABLE_HEADER_SPEAKER = "speaker"
TABLE_HEADER_TIMES = ("time", "timestamp", "timecode", "start")


@dataclass(frozen=True)
class Block:
    """A paragraph or table row: its text and the label candidates found in it."""

    text: str
    styled_label: str | None = None  # the label given by a bold/styled first run
    styled_rest: str = ""  # the words after that label
    styled_colon: bool = False
    table_speaker: str | None = None  # the speaker cell of a ``speaker | text`` table row
    table_time: float | None = None  # the time cell of a ``time | speaker | text`` row
    table_end: float | None = None  # the end of that row's time span, or its end column's
    set_apart: bool = False  # all in bold, or a heading: a speaker's name alone may be
    heading: bool = False  # a heading: a speaker's name alone, or not speech
    by_shape: bool = False  # a heading by its shape alone (Section 1: Background), no style
    emphasised: str = ""  # the text of the bold or styled runs that open the paragraph


def paragraph_block(text: str, emphasised_prefix: str, *, heading: bool = False) -> Block:
    """The block of a paragraph whose text is ``text`` and whose first runs, in bold or in a
    speaker's character style, read ``emphasised_prefix`` (empty when it opens in plain type);
    ``heading``: the paragraph is a heading (a title, a subtitle)."""
    if heading:
        return Block(text=text, set_apart=True, heading=True)
    styled = _styled_label(emphasised_prefix, text)
    if styled is None:
        all_bold = bool(emphasised_prefix.strip()) and emphasised_prefix.strip() == text.strip()
        return Block(text=text, set_apart=all_bold, emphasised=emphasised_prefix)
    return Block(text, styled[0], styled[1], styled[2], emphasised=emphasised_prefix)


def _soft_lines(b: Block) -> list[str]:
    """The lines a paragraph's soft line breaks (Shift+Enter) part it into; a heading's or a
    table row's text is one line."""
    return [b.text] if b.heading or b.table_speaker is not None else b.text.split("\n")


def at_labelled_breaks(
    blocks: Sequence[Block], interviewer_labels: Sequence[str] | None = None
) -> list[Block]:
    """``blocks`` with each paragraph parted at the soft line breaks (Shift+Enter) after which
    a line opens with a speaker's label, or after a line that holds a label alone (``Sam Roe
    0:03``, the words below it), labels read line by line as in plain text
    (:func:`~.speaker_labels.line_labels`): a transcript typed with breaks instead of new
    paragraphs (``Interviewer: ...``, break, ``P03: ...``) has its turns, as the same lines in a
    .txt file do. A break with no label around it stays in its paragraph, a new line in the
    turn."""
    parts = [_soft_lines(b) for b in blocks]
    if all(len(p) == 1 for p in parts):
        return list(blocks)
    lines = [line if b.table_speaker is None else "" for b, p in zip(blocks, parts) for line in p]
    set_apart = [
        b.set_apart if len(p) == 1 else _all_emphasised_line(b, p, k)
        for b, p in zip(blocks, parts)
        for k in range(len(p))
    ]
    labels = line_labels(lines, interviewer_labels, set_apart=set_apart)
    out: list[Block] = []
    at = 0
    for b, p in zip(blocks, parts, strict=True):
        found = labels[at : at + len(p)]
        at += len(p)
        cuts = [k for k in range(1, len(p)) if found[k] is not None or _alone(found[k - 1])]
        if not cuts:
            out.append(b)
            continue
        offset = 0
        for first, end in zip([0, *cuts], [*cuts, len(p)]):
            text = "\n".join(p[first:end])
            out.append(paragraph_block(text, b.emphasised[offset : offset + len(text)]))
            offset += len(text) + 1
    return out


def _alone(label: LabelMatch | None) -> bool:
    return label is not None and label.stands_alone


def _all_emphasised_line(b: Block, lines: list[str], k: int) -> bool:
    """Whether line ``k`` of paragraph ``b`` (its ``lines``) is all in bold or a speaker's
    character style, with words."""
    start = sum(len(line) + 1 for line in lines[:k])
    shown = b.emphasised[start : start + len(lines[k])]
    return bool(shown.strip()) and shown.strip() == lines[k].strip()


def _styled_label(prefix: str, full: str) -> tuple[str, str, bool] | None:
    """``(label, words, colon)`` when the paragraph opens with bold/styled runs then plain words."""
    if not prefix.strip() or not full.startswith(prefix):
        return None
    rest = full[len(prefix) :]
    label = prefix.strip()
    colon = label.endswith(":")
    label = label.rstrip(":").strip()
    stripped_rest = rest.lstrip()
    if stripped_rest.startswith(":"):
        colon, stripped_rest = True, stripped_rest[1:]
    if not stripped_rest.strip() or not label or not label_fits(label):
        return None
    # the full stops of a title or initials are a name's (``Dr A. Khan``), not a sentence's
    if any(c in without_name_stops(label) for c in SENTENCE_PUNCTUATION) or "\n" in label:
        return None
    return " ".join(label.split()), stripped_rest, colon


def _time_cell(value: str) -> tuple[bool, float | None]:
    """Whether ``value`` is a time column's cell (a clock time such as ``00:01:02`` or ``[1:02]``,
    an empty cell, or the column's header), and its time in seconds if it has one."""
    value = value.strip().strip("[]()").strip()
    if not value or value.lower() in TABLE_HEADER_TIMES:
        return True, None
    try:
        return True, parse_timecode(value)
    except ValueError:
        return False, None


def _named_columns(rows: list[list[str]]) -> list[Block] | None:
    """The blocks of a table whose first row names its speaker and text columns (NVivo's
    ``Timespan | Content | Speaker``, :mod:`roqa_nlp.transcripts.columns`), else None."""
    roles = column_roles(rows[0]) if rows else {}
    if "speaker" not in roles or "text" not in roles:
        return None
    if any(len(row) <= max(roles.values()) for row in rows[1:]):
        return None
    read: list[_Row] = []
    for row in rows[1:]:
        cell, text = row[roles["speaker"]].strip().rstrip(":").strip(), row[roles["text"]]
        if text.strip() or not _reads_as_speaker(cell):
            # a span (NVivo's "0:08.7 - 0:12.0") or an end column, as a .csv's are read
            begin, end = row_times({role: row[i] for role, i in roles.items()})
            read.append((cell, text, _time_cell(begin)[1], _time_cell(end or "")[1]))
    return _row_blocks(read)


#: A transcript table's row as read: its speaker cell, words, begin and end time.
_Row = tuple[str, str, float | None, float | None]
#: The brackets of a row's note in a transcript table's speaker cell (``[Recording paused]``):
#: square or round, not the curly ones of :data:`~roqa_nlp.transcripts.annotations.NOTE_BRACKETS`.
_ROW_NOTE_BRACKETS = NOTE_BRACKETS[:2]


def _row_blocks(read: list[_Row]) -> list[Block] | None:
    """The blocks of a transcript table's rows, each its speaker cell, words and times (see
    :func:`table_blocks` for the rows whose speaker cell reads as no speaker); None when the
    table is no transcript."""
    timed = [_speaker_time(row) for row in read]
    recurs = sum(1 for t in timed if t is not None) >= 2  # as label-and-time lines must
    read = [
        _timed_row(row, t if t is None or t[2] or recurs else None)
        for row, t in zip(read, timed, strict=True)
    ]
    named_once = {cell for cell, *_ in read if cell and _reads_as_speaker(cell)}
    named_once |= _long_noted_speakers([cell for cell, *_ in read], named_once)
    blocks: list[Block] = []
    odd = 0
    for cell, text, time, end in read:
        spanning = _spans_the_table(cell, text)
        speaker = None if spanning else _row_speaker(cell, named_once)
        if speaker is None:
            odd += 1
            if not (
                all_bracketed(cell.strip(), _ROW_NOTE_BRACKETS) and (spanning or not text.strip())
            ):
                blocks.append(Block(text=cell if spanning else f"{cell}\n{text}", table_speaker=""))
            continue
        blocks.append(Block(text=text, table_speaker=speaker, table_time=time, table_end=end))
    named_rows = sum(1 for b in blocks if b.table_speaker)
    if odd and (named_rows < 2 or odd >= named_rows):
        return None
    return blocks


def _spans_the_table(cell: str, text: str) -> bool:
    """Whether a row's speaker ``cell`` and words ``text`` are one cell merged across the table
    (a title or a note spanning it: the same words in both)."""
    return bool(cell) and cell == text.strip().rstrip(":").strip()


def _speaker_time(row: _Row) -> tuple[str, float | None, bool] | None:
    """The label and time written in ``row``'s speaker cell, and whether the time is bracketed
    (:func:`.speaker_labels.timed_label`); None for a row of cells merged across the table, or
    with no speaker."""
    cell, text, _, _ = row
    if not cell or _spans_the_table(cell, text):
        return None
    return timed_label(cell)


def _timed_row(row: _Row, timed: tuple[str, float | None, bool] | None) -> _Row:
    """``row`` with the time written in its speaker cell (``timed``, of :func:`_speaker_time`,
    given only when it is bracketed or two or more rows have one: ``P06 (00:00:31)``, the
    speaker is ``P06``; a lone ``Ward 10:30`` is a speaker's name, as its line would be) or,
    failing that, opening its words (``[00:00:20] How ready ...``, the mark left out of them)
    taken as its begin time when no time column gave one, as the same label and time opening a
    paragraph are (:func:`.speaker_labels.opening_time`). A row of cells merged across the
    table, or one with no speaker or no words after the time, is as it was."""
    cell, text, time, end = row
    if not cell or _spans_the_table(cell, text):
        return row
    if timed is not None:
        return timed[0], text, timed[1] if time is None else time, end
    words, at = _timed_words(text)
    return cell, words, at if time is None and at is not None else time, end


def _timed_words(text: str) -> tuple[str, float | None]:
    """A speaker's words cell without the time mark it opens with, and that time (None, and the
    cell as it is, when it opens with none or holds nothing else)."""
    at, start = opening_time(text)
    if at is None or not text[start:].strip():
        return text, None
    return text[start:], at


def table_blocks(rows: Iterable[Sequence[str]]) -> list[Block]:
    """The blocks of a table whose rows have these cell texts: one per row when the table is a
    transcript (its first row names the speaker and text columns; or it is ``speaker | text`` or
    ``time | speaker | text``, with or without a column of line numbers before; or its first row
    names the interviewer and the participant and each row's words are in one of the two
    columns), else none. A row whose speaker cell reads as no speaker (longer than a label,
    :func:`.speaker_labels.label_fits`, or a row of cells merged across the table) is a
    transcriber's note when the cell is all in brackets and the row has no other words
    (``[Recording paused]``), left out; else its words continue the turn before it. A speaker
    cell on two lines (``P07``, then ``(RM)``) is the speaker of
    another row it names (its first line, or its lines joined), else its lines joined. A table
    with fewer than two rows naming a speaker, or with odd rows as many as those, is no
    transcript. A short ``field | value`` table of a transcript's header (:func:`_is_header_table`)
    is read as its lines ``field: value`` would be, so as a header; only its rows of a field the
    reader knows (:func:`.speaker_labels.is_known_header_line`) are read, the others (``Wave |
    2``, ``Cohort | B``: a study's own details) left out, never a speaker's talk. Title rows above the header
    row (:func:`_title_rows`: ``RM07 - interview 14/03/2024 (Zoom)`` merged across the columns)
    are headings, no one's talk."""
    table = [list(row) for row in rows]
    above = _title_rows(table)
    blocks = _transcript_rows(table[above:])
    titles = [_title(row) for row in table[:above] if _title(row)]
    return [paragraph_block(t, "", heading=True) for t in titles] + blocks if blocks else []


#: The most title rows a transcript table's header row may come below.
MAX_TITLE_ROWS = MAX_HEADER_LINE - 1


def _title(row: Sequence[str]) -> str:
    """The text of a title row: its one text, in every cell of a row merged across or only in
    some; empty for a blank row."""
    texts = {" ".join(c.split()) for c in row if c.strip()}
    return texts.pop() if len(texts) == 1 else ""


def _title_rows(table: list[list[str]]) -> int:
    """How many rows of ``table`` come above its header row (naming its speaker and text
    columns, :func:`.columns.column_roles`) when each of them is a title or blank (one text,
    :func:`_title`: a transcription service's ``RM07 - interview 14/03/2024 (Zoom)`` merged
    across the columns, as a spreadsheet's title above its header is read); 0 when there are
    none: the first row is the header, or the table has none."""
    for at, row in enumerate(table[: MAX_TITLE_ROWS + 1]):
        roles = column_roles(row)
        if "speaker" in roles and "text" in roles:
            return at
        if any(c.strip() for c in row) and not _title(row):
            return 0
    return 0


def _transcript_rows(rows: list[list[str]]) -> list[Block]:
    """The blocks of a table's rows from its header row on (see :func:`table_blocks`)."""
    table = _without_line_numbers(rows)
    named = _named_columns(table)
    if named is not None:
        return named
    by_role = _role_columns(table)
    if by_role is not None:
        return by_role
    paired = _paired_header(table)
    if paired is not None:
        return paired
    read: list[tuple[str, str, float | None]] = []
    for row in table:
        cells = list(row)
        time: float | None = None
        for at in (0, 1) if len(cells) == 3 else ():
            is_time, time = _time_cell(cells[at])
            if is_time:
                del cells[at]
                break
        if len(cells) != 2:
            return []
        speaker, text = cells[0].strip(), cells[1]
        if not speaker and not text.strip():
            continue
        read.append((speaker.rstrip(":").strip(), text, time))
    if read and read[0][0].lower() == TABLE_HEADER_SPEAKER:
        read = read[1:]
    if _is_header_table(read):  # read as its lines would be: "Date of interview: 12 March"
        return [
            paragraph_block(f"{s}: {text}", "")
            for s, text, _ in read
            if s and text.strip() and is_known_header_line(s, text)
        ]
    return _row_blocks([(s, text, time, None) for s, text, time in read]) or []


def _paired_header(table: list[list[str]]) -> list[Block] | None:
    """The blocks of a header table laid out in pairs along its rows, four or six columns wide
    (``Interviewer: | Dr Amy Lee | Participant: | RM16``): each ``field | value`` pair read as
    a two-column header table's row is (:func:`_is_header_table`), row by row, and a row of one
    text (a title merged across the table, ``Interview details``) as a heading; else None. Read
    as one line of words, the interviewer it named was lost and their questions coded. As in a
    two-column header table, a pair of a field the reader does not know (``Wave | 2``) is left
    out: read as a line ``Wave: 2``, it was a speaker's turn, coded."""
    pairs: list[tuple[str, str, float | None]] = []
    blocks: list[Block] = []
    for row in table:
        cells = [c for at, c in enumerate(row) if not at or not c.strip() or c != row[at - 1]]
        if len(row) < 4 or len(row) % 2:
            return None
        if not any(c.strip() for c in cells):
            continue
        if _title(row) and len(cells) == 1:
            blocks.append(paragraph_block(_title(row), "", heading=True))
            continue
        if len(cells) % 2:  # a merged cell that is no whole row: no pairs to read
            return None
        for field, value in zip(cells[::2], cells[1::2], strict=True):
            if field.strip() or value.strip():
                pairs.append((field.strip().rstrip(":").strip(), value, None))
                if field.strip() and value.strip() and is_known_header_line(*pairs[-1][:2]):
                    blocks.append(paragraph_block(f"{pairs[-1][0]}: {value}", ""))
    return blocks if _is_header_table(pairs) else None


#: Most rows, and most words in a row, of a table holding a transcript's header fields.
MAX_HEADER_TABLE_ROWS = 12
MAX_HEADER_TABLE_WORDS = 20


def _is_header_table(read: list[tuple[str, str, float | None]]) -> bool:
    """Whether a two-column table's rows (``field | value``, no time column) are a transcript's
    header (``Participant | P07``, ``Date of interview | 12 March 2021``, ``Interviewer | Sam
    Roe``): at most :data:`MAX_HEADER_TABLE_ROWS` rows of at most
    :data:`MAX_HEADER_TABLE_WORDS` words on one line, a header field name or a participant number
    in one of them, and at least half of them header lines (:func:`.speaker_labels.header_lines`
    reads them as text lines)."""
    if not read or len(read) > MAX_HEADER_TABLE_ROWS or any(t is not None for _, _, t in read):
        return False
    if any(
        len(text.split()) > MAX_HEADER_TABLE_WORDS or "\n" in text.strip() for _, text, _ in read
    ):
        return False
    fields = [
        is_header_field(s) or participant_number_label(text.strip().rstrip(".")) is not None
        for s, text, _ in read
    ]
    people = [introduces_a_person(s, text) is not None for s, text, _ in read]
    return any(fields) and 2 * sum(f or p for f, p in zip(fields, people, strict=True)) >= len(read)


def _reads_as_speaker(cell: str) -> bool:
    return label_fits(cell) and "\n" not in cell


def _long_noted_speakers(cells: list[str], speakers: set[str]) -> set[str]:
    """The speaker ``cells`` of a table holding a name with a note as long as the NHS's
    (:func:`.speaker_labels.is_name_with_a_long_note`: ``Hannah Whitfield (Birmingham and
    Solihull Mental Health NHS FT)``), too long for a label, each in two rows or more with
    another speaker's row (``speakers``, the cells that read as speakers) between two of them,
    as speakers take turns: ``Registration - Main Hall ...`` in a programme's rows is none."""
    at: dict[str, list[int]] = {}
    for i, cell in enumerate(cells):
        if cell and "\n" not in cell and cell not in speakers and is_name_with_a_long_note(cell):
            at.setdefault(cell, []).append(i)
    return {
        cell
        for cell, rows in at.items()
        if len(rows) >= 2
        and any(rows[0] < i < rows[-1] and c in speakers for i, c in enumerate(cells))
    }


def _row_speaker(cell: str, speakers: set[str]) -> str | None:
    """The speaker a row's speaker ``cell`` names (empty: the row continues a turn), where
    ``speakers`` are the cells of the table that read as speakers; None when it names none."""
    if _reads_as_speaker(cell):
        return cell
    joined = " ".join(cell.split())
    first = cell.strip().split("\n")[0].strip()
    for label in (joined, first):
        if label in speakers:
            return label
    return joined if label_fits(joined) else None


def _without_line_numbers(table: list[list[str]]) -> list[list[str]]:
    """``table`` without its first column when that holds line numbers (each row of three or
    more cells opens with a whole number, rising from row to row), else ``table``."""
    rows = [row for row in table if any(c.strip() for c in row)]
    if len(rows) < 2 or any(len(row) < 3 for row in rows):
        return table
    firsts = [row[0].strip() for row in rows]
    if not all(f.isdecimal() and len(f) <= 6 for f in firsts):
        return table
    numbers = [int(f) for f in firsts]
    if any(b <= a for a, b in zip(numbers, numbers[1:])):
        return table
    return [row[1:] for row in table]


def _role_columns(table: list[list[str]]) -> list[Block] | None:
    """The blocks of a table whose first row names the interviewer and the participant
    (``Interviewer | Participant``, in either order) and whose other rows hold words in one of
    the two columns, each its speaker's; else None."""
    if len(table) < 3 or any(len(row) != 2 for row in table):
        return None
    header = [" ".join(c.split()).rstrip(":").strip() for c in table[0]]
    if not all(h and _reads_as_speaker(h) for h in header):
        return None
    if sorted(role_of(h) for h in header) != ["interviewer", "participant"]:
        return None
    if any(c in h for h in header for c in SENTENCE_PUNCTUATION):
        return None
    blocks: list[Block] = []
    for row in table[1:]:
        said = [(h, c) for h, c in zip(header, row, strict=True) if c.strip()]
        if len(said) > 1:
            return None
        for h, c in said:
            words, at = _timed_words(c)
            blocks.append(Block(text=words, table_speaker=h, table_time=at))
    if {b.table_speaker for b in blocks} != set(header):
        return None
    return blocks


def _asked(turn: tuple[str, list[str], float | None], holding: bool) -> bool:
    """Whether ``turn`` is a question marker's question, asked (``Question 5: How do you ...?``,
    or ``Question 6: Tell me about ...``): its paragraph is the question and the paragraphs after
    it are the answer, as a plain-text paragraph's are (:mod:`.text`), unless ``holding``: the
    next label is an answer label (``A.``, ``P01:``: :func:`.roles.held_by_marker`), and the
    paragraphs below the question marker are the interviewer's until it, as any speaker's are."""
    speaker, words, _ = turn
    return not holding and is_question_marker(speaker) and bool("".join(words).strip())


def read_blocks(
    blocks: Sequence[Block],
    path: str | Path,
    *,
    file_format: str,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """The transcript of a word processor's blocks (see the module docstring)."""
    blocks = [  # "Section 1: Background" in plain type is a heading too, no speaker's label
        # (a transcript's own title is read among the labels as it was: .text.parse_text)
        Block(
            text=b.text,
            set_apart=b.set_apart if is_title_line(b.text) else True,
            heading=True,
            by_shape=True,
        )
        if b.table_speaker is None and not b.heading and is_section_heading(b.text)
        else b
        for b in at_labelled_breaks(blocks, interviewer_labels)
    ]
    texts = ["" if b.table_speaker is not None else b.text for b in blocks]
    cues = "\n".join(texts)
    if looks_like_cues(cues):  # Teams' old Word transcripts: timing, name and words
        from .vtt import cue_utterance

        return cue_transcript(
            cues,
            path,
            file_format,
            cue_utterance,
            interviewer_labels=interviewer_labels,
            participant=participant,
        )
    text_labels = line_labels(texts, interviewer_labels, set_apart=[b.set_apart for b in blocks])
    text_labels = [  # a heading is a speaker's name alone, or not speech
        None if b.heading and (t is None or not t.stands_alone) else t
        for b, t in zip(blocks, text_labels, strict=True)
    ]
    styled_counts = Counter(b.styled_label for b in blocks if b.styled_label)
    keys = interviewer_keys(interviewer_labels)
    # a bold lead-in said once, while the file's speakers recur, is talk as a label in plain
    # text is: "**Training:** nobody had protected time." in a list inside an answer
    talk = words_not_speakers(
        [
            t if t is not None or not b.styled_label else LabelMatch(b.styled_label, 0, None)
            for b, t in zip(blocks, text_labels, strict=True)
        ],
        interviewer_labels,
    )

    def styled_accepted(b: Block) -> bool:
        label = b.styled_label or ""
        return (
            bool(label)
            and label not in talk
            and (
                b.styled_colon
                or styled_counts[label] >= 2
                or keys.known(label)
                or participant_number_label(label) is not None
            )
            and (  # a name with initials as a label in plain text is one (**Q. What helped**)
                not has_initial_stop(label)
                or keys.known(label)
                or (is_initialled_name(label) and styled_counts[label] >= MIN_INITIALLED_TURNS)
            )
        )

    def labelled_as(b: Block, t: LabelMatch | None) -> tuple[str | None, str, float | None]:
        """The block's speaker (None: it continues a turn), their words and the time."""
        if b.table_speaker:
            return b.table_speaker, b.text, b.table_time
        if t is not None:
            return t.label, b.text[t.words_start :], t.time
        if b.styled_label and styled_accepted(b):
            return b.styled_label, b.styled_rest, None
        return None, b.text, None

    read = [labelled_as(b, t) for b, t in zip(blocks, text_labels, strict=True)]
    titles = [b for b, r in zip(blocks, read, strict=True) if b.heading and r[0] is None]
    messages = chat_left_out(texts, [r[0] is not None for r in read], paragraphs=True)
    chat = {i for m in messages for i in m.lines}
    # the header as in plain text (a bold "Date:" too), its fields found even where they are no
    # speaker's label ("Participant name:")
    with_fields = with_header_fields(texts, text_labels)  # the same matches but on a few lines
    fields = [
        r if f is t else labelled_as(b, f)
        for b, t, f, r in zip(blocks, text_labels, with_fields, read, strict=True)
    ]
    found = transcript_header([f[0] for f in fields], [f[1] for f in fields])
    participant = participant or found.participant
    # who speaks in the talk: the header's lines ("Participant: P04") are no one's turn
    speakers = [r[0] for i, r in enumerate(read) if r[0] is not None and i not in found.lines]
    overruled = found.overruled(speakers, interviewer_labels)
    interviewer_labels = found.interviewer_labels(speakers, interviewer_labels)
    header = found.lines - found.service_text  # a service's lines end no turn
    # the talk's labels: a header's and a chat message's are none
    said = [
        (i, r[0]) for i, r in enumerate(read) if r[0] is not None and i not in found.lines | chat
    ]
    answering = answerer(
        (label for _, label in said), interviewer_labels, participant or unlabelled_speaker(path)
    )
    # the question markers whose paragraphs below are the interviewer's: an answer label next
    held = {said[k][0] for k in held_by_marker([label for _, label in said], interviewer_labels)}
    holding = False  # the last turn is a question marker's of ``held``
    turns: list[tuple[str, list[str], float | None]] = []  # speaker, paragraphs, begin time
    ends: dict[int, float] = {}  # a turn's end time, by its index, where a table row gave one
    unlabelled: list[str] = []
    unlabelled_at: list[str] = []  # where each is, as the unlabelled answers' are named
    # a paragraph with no name after another speaker's backchannel (.unlabelled)
    each = names_each_piece(
        (r[0], r[1])
        for i, r in enumerate(read)
        if not (blocks[i].heading and r[0] is None) and i not in chat and i not in header
    )
    found_unlabelled = UnlabelledTalk()
    # who names the next paragraph of words after each (None: no one, or a header line first)
    named_next: list[str | None] = []
    following: str | None = None
    for k in range(len(read) - 1, -1, -1):
        named_next.append(following)
        if (blocks[k].heading and read[k][0] is None) or k in chat or k in found.service_text:
            continue
        if k in header:
            following = None
        elif read[k][1].strip():
            following = read[k][0]
    named_next.reverse()
    continuing = False  # whether a paragraph without a label continues the last turn
    pending_time: float | None = None  # a paragraph's time alone (Google Meet's "00:05:00")
    # the last label's own paragraph gave its time (Otter's "Jo Lee  0:35"): a time alone below
    # it is the first paragraph of the words ("7:30" / "that is when it starts."), no time,
    # unless it is the turn's stamp written again (timecodes.is_second_stamp: "1:07" / "1:13")
    own_time: float | None = None
    no_turn: list[tuple[str, str]] = []  # paragraphs read into no turn after the first
    for i, (speaker, words, time) in enumerate(read):
        if (blocks[i].heading and speaker is None) or i in chat or i in found.service_text:
            continue  # no one's words (a chat message was typed), and no break in the turn
        if i in header:
            continuing = False  # left out; it ends the turn before it
        elif speaker is not None:
            turns.append((speaker, [words], pending_time if time is None else time))
            continuing, pending_time, holding = True, None, i in held
            # a name alone takes its time from the paragraph below ("Jo Lee" / "0:35")
            match = text_labels[i]
            alone = not blocks[i].table_speaker and match is not None and match.form == "alone"
            own_time = None if alone else time
            if (end := blocks[i].table_end) is not None:
                ends[len(turns) - 1] = end
        elif (
            continuing
            and not "".join(turns[-1][1]).strip()
            and (seconds := time_alone(words)) is not None
            and (own_time is None or is_second_stamp(words, seconds, own_time))
        ):
            # the time below a speaker's name, above their words (Teams, Stream, Otter)
            last_speaker, last_words, last_time = turns[-1]
            turns[-1] = (
                last_speaker,
                last_words,
                time_alone(words) if last_time is None else last_time,
            )
        elif is_service_time_line(words):
            # a service's time alone between paragraphs (Google Meet's "00:05:00" every five
            # minutes): no one's words, and the time of the next turn; a time of talk ("9:15"
            # alone in an answer) is the speaker's words
            pending_time = time_alone(words)
            continue
        elif (
            continuing
            and _asked(turns[-1], holding)
            and goes_on_asking(
                next(w for w in reversed(turns[-1][1]) if w.strip()),
                words,
                next(w for w in turns[-1][1] if w.strip()),
            )
        ):
            turns[-1][1].append(words)  # the interviewer's list of questions goes on
        elif continuing and _asked(turns[-1], holding) and words.strip():
            # the answer below a numbered question ("Question 5: How do you ...?"), timed by a
            # service's time alone above it, as in plain text
            turns.append((answering, [words], pending_time))
            holding = False
        elif (
            continuing
            and words.strip()
            and len(turns[-1][1]) <= MOST_BACKCHANNEL_PIECES
            and (
                whose := unlabelled_turn(
                    [(who, " ".join(w.strip() for w in ws)) for who, ws, _ in turns[-2:]],
                    " ".join(words.split()),
                    interviewer_labels,
                    each=each,
                    next_speaker=named_next[i],
                )
            )
            is not None
        ):
            if found_unlabelled.left_out(whose, words, named_next[i]):
                pass  # a transcriber's note after a backchannel: no one's talk
            else:
                found_unlabelled.add(whose, "", " ".join(words.split()))
                if whose.speaker == turns[-1][0]:
                    turns[-1][1].append(words)
                else:
                    turns.append((whose.speaker, [words], None))
                    holding = False
        elif continuing:
            turns[-1][1].append(words)
            if (end := blocks[i].table_end) is not None:  # a row with no speaker going on
                ends[len(turns) - 1] = end
        elif not turns:
            unlabelled.append(words)  # before the first label: a title page, or no labels
            unlabelled_at.append(f"paragraph {i + 1}")  # counting paragraphs with words
        elif words.strip():
            no_turn.append(("", " ".join(words.split())))  # after a header line ended a turn
        if words.strip() and speaker is None:
            pending_time = None  # talk came after the time: it was no time of the next turn
    labelled = bool(turns)
    asking_in_bold = 0
    if not labelled:
        speaker = participant or unlabelled_speaker(path)
        turns = [(speaker, [text], None) for text in unlabelled]
        asking_in_bold = bold_questions(
            [b for i, b in enumerate(blocks) if i not in chat and i not in found.service_text]
        )
    # the paragraphs below a question marker a file that labels its answers gives the
    # interviewer, where they ask nothing: an answer typed without its label, not coded
    asked_nothing = (
        _unlabelled_answers(blocks, read, chat | found.service_text, header, turns)
        if labelled and held
        else {}
    )
    marked = any(has_time_marks(w) for _, words, _ in turns for w in words)
    return render_transcript(
        without_time_marks(
            SpokenTurn(speaker, "\n".join(words), time, ends.get(k))
            for k, (speaker, words, time) in enumerate(turns)
        ),
        path,
        interviewer_labels=interviewer_labels,
        participant=participant,
        metadata={
            "format": file_format,
            "rendering": "canonical",
            **({"header_people": found.people} if found.people else {}),
            **({HEADER_OVERRULED: overruled} if overruled else {}),
            **(
                {"time_marks": first_time_marks(w for _, ws, _ in turns for w in ws) or True}
                if marked
                else {}
            ),
            **chat_note(messages),
            **found_unlabelled.metadata(),
            **no_turn_metadata(no_turn),
            # paragraphs above the first label, left out as a title's: named where talk
            **(
                above_first_label_metadata(list(zip(unlabelled_at, unlabelled, strict=True)))
                if labelled
                else {}
            ),
            **field_lines_metadata(
                [("", " ".join(texts[i].split())) for i in sorted(found.between)]
            ),
            **service_text_metadata([texts[i] for i in sorted(found.service_text)]),
            **end_text_metadata([texts[i] for i in sorted(found.ended)]),
            **headings_metadata((b.text for b in titles), by_shape=(b.by_shape for b in titles)),
            **({BOLD_QUESTIONS: asking_in_bold} if asking_in_bold else {}),
            **asked_nothing,
        },
        speaker_labels=labelled,
    )


def _unlabelled_answers(
    blocks: Sequence[Block],
    read: Sequence[tuple[str | None, str, float | None]],
    skipped: set[int],
    header: set[int],
    turns: Sequence[tuple[str, list[str], float | None]],
) -> dict[str, list[str]]:
    """The metadata of the paragraphs below a question marker that a file labelling no
    answers would read as the answer and this one, labelling its answers, read as the
    interviewer's (:func:`.unlabelled_answers.paragraphs_below_markers`), where they ask
    nothing: ``read`` the paragraphs' labels and words, ``skipped`` the chat's and a service's
    paragraphs (no one's words, no break in a turn), ``header`` those that end a turn,
    ``turns`` as read. A paragraph the
    reading gave another speaker (after a backchannel) is none of them."""
    kept = [
        i
        for i, (label, _, _) in enumerate(read)
        if not (blocks[i].heading and label is None) and i not in skipped
    ]
    below = paragraphs_below_markers(("" if i in header else read[i][0], read[i][1]) for i in kept)
    own = Counter(w for s, ws, _ in turns if is_question_marker(s) for w in ws[1:])
    found = []
    for k in below:
        i = kept[k]
        if own[read[i][1]] > 0:  # in the question marker's turn as read
            own[read[i][1]] -= 1
            found.append((f"paragraph {i + 1}", read[i][1]))
    return unlabelled_answers_metadata(found)


#: The fewest paragraphs in bold that ask, between plain ones, to be read as an interviewer's
#: questions set in bold (:func:`bold_questions`).
BOLD_QUESTIONS_AT_LEAST = 2


def bold_questions(blocks: Sequence[Block]) -> int:
    """How many paragraphs wholly in bold ask a question (:func:`.roles.asks`) in a file
    without speaker labels laid out as a typist sets an interviewer's questions in bold above
    the plain answers: :data:`BOLD_QUESTIONS_AT_LEAST` or more, at least half of the paragraphs
    in bold, with paragraphs in plain type beside them; else 0. Bold type names no speaker (a
    label is a speaker's name), so they stay turns of talk, and the warning that the file has
    no labels counts them and says how to label them (:data:`.roles.BOLD_QUESTIONS`)."""
    said = [b for b in blocks if not b.heading and b.table_speaker is None and b.text.strip()]
    bold = [" ".join(b.text.split()) for b in said if b.set_apart]
    asking = sum(1 for words in bold if asks(words))
    enough = asking >= BOLD_QUESTIONS_AT_LEAST and 2 * asking >= len(bold)
    return asking if enough and len(said) > len(bold) else 0
