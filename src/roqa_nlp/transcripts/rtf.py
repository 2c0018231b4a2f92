"""Rich Text Format transcripts (.rtf), as WordPad, TextEdit and transcription services save them.

The document's text is extracted with striprtf (BSD-3-Clause): ``\\'xx`` escapes and raw bytes
are read in the file's code page (``\\ansicpgNNNN``; Windows-1252 when it names none), ``\\uN``
characters are decoded (surrogate pairs joined), paragraphs and line breaks become new lines, and
formatting, font tables and pictures are dropped; tracked changes are read as accepted, as in
.docx and .odt: a deletion's words (Word's ``\\deleted`` revision mark, a move's old place too)
are not read, an insertion's (``\\revised``) are. That text is then read as a plain-text
transcript (:mod:`.text`: ``Speaker: words`` lines and the other label shapes of
:mod:`~roqa_nlp.transcripts.speaker_labels`; one participant turn per paragraph in a file with no
labels). The transcript's ``text`` is the extracted text, so offsets point into it.

A document holding a transcript table (``\\trowd ... \\cell ... \\row`` rows of ``speaker |
words``, as Word saves a table) is read as .docx and .odt read theirs: its paragraphs and table
rows are the blocks of :mod:`.blocks`, each row a turn, and the text is their canonical
rendering. A table that is no transcript is left out there, as in Word; in a document with no
transcript table the extracted text keeps a table's cells on a line, ``|`` after each.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..errors import RoqaValueError
from ..io import read_bytes
from ..schema import Transcript
from .blocks import Block, paragraph_block, read_blocks, table_blocks
from .text import parse_text

_CODE_PAGE = re.compile(rb"\\ansicpg(\d{3,5})")
#: An RTF token: a control word and its number, a hex escape, a control symbol, a brace, text.
_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'[0-9a-fA-F]{2}|\\[^a-zA-Z]|[{}]|[^\\{}]+|\\"
)
#: Revision marks of deleted text (Word's tracked deletion, and the old place of moved text).
_DELETION_MARKS = frozenset(("deleted", "mvf"))
#: Control words that write words or white space, dropped with a deletion's words.
_WRITING_WORDS = frozenset(
    (
        "par", "line", "tab", "page", "u", "emdash", "endash", "emspace", "enspace", "qmspace",
        "bullet", "lquote", "rquote", "ldblquote", "rdblquote", "zwj", "zwnj", "ltrmark", "rtlmark",
    )
)  # fmt: skip
#: Table marks written into the text where a row starts (``\\trowd``), a cell ends (``\\cell``)
#: and a row ends (``\\row``): noncharacters, which no document's text holds.
_ROW_START, _CELL_END, _ROW_END = "\ufdd2", "\ufdd0", "\ufdd1"
_TABLE_MARKS = {"trowd": _ROW_START, "cell": _CELL_END, "row": _ROW_END}
#: What striprtf writes for a cell's end and a row's end, kept in a document read as its text.
_AS_TEXT = str.maketrans({_ROW_START: "", _CELL_END: "|", _ROW_END: "\n"})
_HINT = "open it in Word and save it as .docx, or export it as .txt"


def _tokens(rtf: str) -> Iterator[tuple[str, str | None, str | None]]:
    """``rtf``'s tokens (:data:`_TOKEN`): each token's text, its control word and number (None
    for none); a ``\\binN`` token's text holds its N bytes of binary data (a picture's), which
    are no tokens."""
    at = 0
    while at < len(rtf):
        m = _TOKEN.match(rtf, at)
        assert m is not None  # the pattern matches any character
        token, word, arg = m.group(), m.group(1), m.group(2)
        at = m.end()
        if word == "bin" and arg:  # binary data: kept with its token, as it is
            token += rtf[at : at + max(0, int(arg))]
            at += max(0, int(arg))
        yield token, word, arg


def without_deletions(rtf: str) -> str:
    """``rtf`` without the words of its tracked deletions (``{\\deleted ... words}``: a group's
    character property, ended by the group's end, ``\\deleted0`` or ``\\plain``), as Word shows
    the document once its changes are accepted; groups and other control words are kept."""
    if "\\deleted" not in rtf and "\\mvf" not in rtf:
        return rtf
    out: list[str] = []
    stack: list[bool] = []
    deleted = False
    for token, word, arg in _tokens(rtf):
        if word == "bin" and arg:  # binary data (a picture's): copied as it is
            out.append(token)
            continue
        if token == "{":
            stack.append(deleted)
        elif token == "}":
            deleted = stack.pop() if stack else False
        elif word in _DELETION_MARKS:
            deleted = arg is None or arg != "0"
        elif word == "plain":
            deleted = False
        elif (
            deleted
            and (
                word in _WRITING_WORDS
                or (word is None and not token.startswith("\\"))
                or token.startswith("\\'")
                or token in ("\\~", "\\-", "\\_", "\\{", "\\}", "\\\\")
            )
            and token.strip("\r\n")
        ):
            continue  # a deletion's words (the new lines between its words are no text)
        out.append(token)
    return "".join(out)


def _with_table_marks(rtf: str) -> str:
    """``rtf`` with each ``\\trowd``, ``\\cell`` and ``\\row`` written as the table mark
    striprtf will read as a character (in a group of its own, so no text after it is skipped)."""
    if "\\cell" not in rtf:
        return rtf
    out: list[str] = []
    for token, word, arg in _tokens(rtf):
        if word in _TABLE_MARKS and arg is None:
            out.append(f"{{\\uc1\\u{ord(_TABLE_MARKS[word]) - 0x10000}?}}")
        else:
            out.append(token)
    return "".join(out)


def _marked_blocks(text: str) -> list[Block] | None:
    """The paragraphs and table rows of text with table marks (:func:`_with_table_marks`), as
    :func:`.blocks.read_blocks` reads them; None when no table in it is a transcript's."""
    blocks: list[Block] = []
    rows: list[list[str]] = []
    transcript_table = False

    def table_ended() -> None:
        nonlocal rows, transcript_table
        read = table_blocks(rows)
        transcript_table = transcript_table or bool(read)
        blocks.extend(read)
        rows = []

    def paragraphs(text: str) -> None:
        lines = [line for line in text.split("\n") if line.strip()]
        if lines and rows:
            table_ended()
        blocks.extend(paragraph_block(line, "") for line in lines)

    cells: list[str] | None = None  # the cells of the row being read
    current = ""
    for part in re.split(f"([{_ROW_START}{_CELL_END}{_ROW_END}])", text):
        if part == _ROW_START:
            if cells is None:
                paragraphs(current)
                cells, current = [], ""
        elif part == _CELL_END:
            if cells is None:  # a row with no definition before it: it starts on this line
                before, _, current = current.rpartition("\n")
                paragraphs(before)
                cells = []
            cells.append(current.strip())
            current = ""
        elif part == _ROW_END:
            if cells:
                rows.append(cells)
            cells, current = None, ""
        else:
            current += part
    if cells:  # a last row with no \row (the document ends after its cells): still a row
        last = current.strip()
        rows.append(cells + [last] if last else cells)
    else:
        paragraphs(current)
    if rows:
        table_ended()
    return blocks if transcript_table else None


def _marked_text(data: bytes, path: str | Path) -> str:
    """The text of an RTF document's bytes with its table marks (see :func:`rtf_text`)."""
    from striprtf.striprtf import rtf_to_text

    if data.startswith(codecs.BOM_UTF8):  # some editors write one before the group
        data = data[len(codecs.BOM_UTF8) :]
    if not data.lstrip().startswith(b"{\\rtf"):
        raise RoqaValueError(
            "is not an RTF document (it does not start with {\\rtf)", path=path, hint=_HINT
        )
    m = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(m.group(1))}" if m else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(
            _with_table_marks(without_deletions(data.decode(encoding))),
            encoding=encoding,
            errors="strict",
        )
    except (UnicodeDecodeError, UnicodeEncodeError) as e:
        raise RoqaValueError(
            f"has bytes that are not {encoding} text, its code page ({e.reason})",
            path=path,
            hint=_HINT,
        ) from None
    except (TypeError, ValueError, IndexError, KeyError, OverflowError, RecursionError):
        # striprtf meets a damaged control word ("\uc" without its number, say) with these
        raise RoqaValueError(
            "is a damaged RTF document that could not be read", path=path, hint=_HINT
        ) from None
    # RTF writes a character beyond the Basic Multilingual Plane as two \\uN surrogates, which
    # striprtf leaves as two code points: join them (a lone one becomes U+FFFD).
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def rtf_text(data: bytes, path: str | Path) -> str:
    """The plain text of an RTF document's bytes (see the module docstring)."""
    return _marked_text(data, path).translate(_AS_TEXT)


def read_rtf_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read an .rtf transcript (see the module docstring)."""
    marked = _marked_text(read_bytes(path), path)
    blocks = _marked_blocks(marked)
    if blocks is not None:
        return read_blocks(
            blocks,
            path,
            file_format="rtf",
            interviewer_labels=interviewer_labels,
            participant=participant,
        )
    text = marked.translate(_AS_TEXT)
    t = parse_text(text, path, interviewer_labels=interviewer_labels, participant=participant)
    t.metadata.update({"format": "rtf", "rendering": "extracted"})
    return t
