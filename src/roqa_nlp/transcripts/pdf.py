"""PDF transcripts (.pdf), as transcription services, Otter and Word's "Save as PDF" deliver them.

Each page's text layer is extracted with pypdf (BSD-3-Clause), in reading order, one line of the
page a line of text. The page furniture a PDF repeats is left out, at the top and the bottom of a
page (its first and last :data:`EDGE_LINES` lines) only, and never a line with a speaker label:

- a page number: ``3``, ``Page 3``, ``Page 3 of 12``, ``- 3 -``, ``3/12``; a line that ends with
  ``Page 3 of 12``; a browser's footer, an address and then the page count
  (``file:///C:/p04.html 3/12``);
- a browser's print stamp: a date with a time (``11/30/26, 8:18 AM``);
- in a document of three or more pages, a line that stands at the top (or the bottom) of at
  least half of its pages, its numbers aside, and does not end a sentence (``Interview P04 -
  confidential``, ``Transcribed by ...``; not "Yeah.");
- in a document of two pages, a line that stands at the same place at the top (or the bottom)
  of both, in the same words but for its numbers (``Brookfield study, page 1``), does not end a
  sentence and does not open with a small letter (``and so on``, a wrapped line of talk); at the
  top, only where on the first page it stands above a speaker label (so is no one's talk
  there): a line said twice is kept.

In a document of two pages, a repeated line the transcript reader takes as a speaker's label,
in any of its shapes (``P32 - Yes``, ``Q. Right``, ``PARTICIPANT`` alone on its line:
:func:`.line_labels`) of a role, a number or a speaker who also speaks elsewhere in the file, is
never a running line, nor the line right below such a label alone (``PARTICIPANT`` / ``Yes``);
on three pages or more a line in a label's shape at the same edge of most pages is a header's
(``P04 - confidential``), and only a ``Speaker: words`` label is kept.

Typographic ligatures (``ﬁ``) are written as their letters, control characters dropped, and the
pages joined by a new line. That text is then read as a plain-text transcript (:mod:`.text`:
``Speaker: words`` lines and the other label shapes of
:mod:`~roqa_nlp.transcripts.speaker_labels`; a line a page wraps continues its turn; one
participant turn per paragraph in a file with no labels). The transcript's ``text`` is the
extracted text, so offsets point into it. A PDF without a text layer (a scan), a
password-protected one and one whose pages decompress past pypdf's limit (a decompression bomb)
are one-line errors: the first needs OCR, the second its password removed.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from ..errors import RoqaError
from ..io import read_bytes
from ..schema import Transcript
from .speaker_labels import (
    LabelMatch,
    line_labels,
    match_label,
    names_a_known_speaker,
    names_the_one_who_answers,
)
from .text import parse_text

#: How many lines at the top and at the bottom of a page may be page furniture.
EDGE_LINES = 2
#: A line repeated at the same edge of at least half the pages is a running header or footer in
#: a document of at least this many pages (in one of two pages, only one at the same place of
#: both in the same words: :func:`_two_page_running_lines`).
MIN_PAGES_REPEATED = 3
#: More pages than this is no interview transcript (and bounds the work a hostile file causes).
MAX_PAGES = 2000

_HINT = "open it in Word and save it as .docx, or export the transcript as .txt"
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.IGNORECASE
)
#: a running footer that ends with the page count: "Interview P04   Page 3 of 12"
_PAGE_OF_AT_END = re.compile(r"\bpage\s*\d{1,4}\s*of\s*\d{1,4}$", re.IGNORECASE)
#: the page count of a browser's footer, after its address: "file:///C:/p04.html 3/12"
_PAGE_COUNT = re.compile(r"\d{1,4}/\d{1,4}")
_PRINT_STAMP = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.I
)
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
#: a line that ends a sentence is talk ("Yeah.", "Next question?"), not a running header
_SENTENCE_END = (".", "?", "!", '"', "”", "…")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _page_texts(data: bytes, path: str | Path) -> list[str]:
    """The text layer of each page, as pypdf extracts it."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, LimitReachedError

    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # its notes on damaged cross-references are not the researcher's
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RoqaError(
                "is password-protected", path=path, hint="save a copy without the password"
            )
        if len(reader.pages) > MAX_PAGES:
            raise RoqaError(
                f"has {len(reader.pages)} pages, above the limit of {MAX_PAGES}",
                path=path,
                hint="split it into one file per interview",
            )
        return [page.extract_text() or "" for page in reader.pages]
    except RoqaError:
        raise
    except DependencyError:  # AES encryption needs the cryptography package
        raise RoqaError(
            "is encrypted in a way that needs the cryptography package to read",
            path=path,
            hint="save a copy without protection (print it to PDF), or pip install cryptography",
        ) from None
    except LimitReachedError:  # pypdf's guard against decompression bombs
        raise RoqaError(
            "expands past the safe limit when its pages are decompressed, so it is not read",
            path=path,
            hint=_HINT,
        ) from None
    except Exception:  # pypdf meets a damaged file with many kinds of error
        raise RoqaError("is a damaged PDF that could not be read", path=path, hint=_HINT) from None
    finally:
        quiet.setLevel(level)


def _is_furniture_shape(line: str) -> bool:
    """A page number, a page count at a line's end, or a print stamp (see the module docstring)."""
    line = line.strip()
    words = line.split()
    return bool(
        _PAGE_NUMBER.fullmatch(line)
        or _PAGE_OF_AT_END.search(line)
        or _PRINT_STAMP.fullmatch(line)
        or (len(words) == 2 and _PAGE_COUNT.fullmatch(words[1]) and _is_address(words[0]))
    )


def _is_address(word: str) -> bool:
    """A web address or a file path, as a browser prints one in its footer."""
    return "://" in word or "/" in word or "\\" in word or word.lower().endswith((".html", ".htm"))


def _repeat_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """The indices of a page's first and of its last :data:`EDGE_LINES` non-blank lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES], filled[-EDGE_LINES:]


def _two_page_running_lines(pages: list[list[str]]) -> set[tuple[str, str]]:
    """:func:`_running_lines` of a document of two pages: ``("top" | "bottom", line key)`` of
    the lines that stand at the same place of that edge of both pages (and not at the other
    edge too, as on a page of few lines) in the same words but for their numbers
    (:func:`_repeat_key`), end no sentence, open with no small letter (a wrapped line of talk)
    and are no speaker label; at the top, only one that on the first page stands above a
    speaker label (the page's own header, no one's talk)."""
    first, second = pages
    labelled = [i for i, line in enumerate(first) if match_label(line) is not None]
    (top_1, bottom_1), (top_2, bottom_2) = _edges(first), _edges(second)
    both_edges = {(1, i) for i in set(top_1) & set(bottom_1)}
    both_edges |= {(2, j) for j in set(top_2) & set(bottom_2)}
    running = set()
    for edge, at_1, at_2 in (("top", top_1, top_2), ("bottom", bottom_1[::-1], bottom_2[::-1])):
        for i, j in zip(at_1, at_2, strict=False):
            line = " ".join(first[i].split())
            key = _repeat_key(line)
            if (
                (1, i) in both_edges
                or (2, j) in both_edges
                or key != _repeat_key(second[j])
                or line.endswith(_SENTENCE_END)
                or _opens_in_small_letter(line)
                or match_label(line) is not None
                or (edge == "top" and not (labelled and i < labelled[0]))
            ):
                continue
            running.add((edge, key))
    return running


def _opens_in_small_letter(line: str) -> bool:
    """Whether the first letter of ``line`` is a small one: a line of talk a page wrapped
    (``and so on``), not a header's or a footer's."""
    first = next((c for c in line if c.isalpha()), "")
    return first.islower()


def _speakers_lines(pages: list[list[str]], running: set[tuple[str, str]]) -> set[tuple[int, int]]:
    """``(page, line)`` of the lines the transcript reader takes as a speaker's label
    (:func:`.line_labels`, all its shapes: ``P32 - Yes``, ``Q. Right``, ``PARTICIPANT`` alone)
    of a role or a number (``Interviewer``, ``P32``, ``PARTICIPANT``) or of a speaker it takes
    on some line that is no ``running`` line's too, and the line right below such a label alone
    on its line (its words): a short turn said at the same edge of the pages, not a header
    (session 63 hunt h_diar, R1). Asked of two pages only (:func:`pdf_text`)."""
    at = [(p, i) for p, lines in enumerate(pages) for i in range(len(lines))]
    found = line_labels([pages[p][i] for p, i in at])
    repeated = set()
    for p, lines in enumerate(pages):
        top, bottom = _edges(lines)
        repeated |= {
            (p, i)
            for edge, edge_at in (("top", top), ("bottom", bottom))
            for i in edge_at
            if (edge, _repeat_key(lines[i])) in running
        }
    elsewhere = {m.label.casefold() for k, m in zip(at, found) if m and k not in repeated}
    said = {
        k
        for k, m in zip(at, found)
        if m
        and (
            m.label.casefold() in elsewhere
            or names_a_known_speaker(m.label, ())
            or names_the_one_who_answers(m.label)
        )
    }
    filled = [n for n, (p, i) in enumerate(at) if pages[p][i].strip()]
    below = {
        at[n]
        for before, n in zip(filled, filled[1:])
        if at[before] in said and _stands_alone(found[before])
    }
    return said | below


def _stands_alone(label: LabelMatch | None) -> bool:
    return label is not None and label.stands_alone


def _running_lines(pages: list[list[str]]) -> set[tuple[str, str]]:
    """``("top" | "bottom", line key)`` of the lines that stand at that edge of at least half
    the pages (two or more, of a document of :data:`MIN_PAGES_REPEATED` pages or more) and end
    no sentence; in a document of two pages, :func:`_two_page_running_lines`."""
    if len(pages) == 2:
        return _two_page_running_lines(pages)
    if len(pages) < MIN_PAGES_REPEATED:
        return set()
    seen: dict[tuple[str, str], int] = {}
    for lines in pages:
        top, bottom = _edges(lines)
        keys = {("top", _repeat_key(lines[i])) for i in top}
        keys |= {("bottom", _repeat_key(lines[i])) for i in bottom}
        for key in keys:
            seen[key] = seen.get(key, 0) + 1
    return {
        key
        for key, n in seen.items()
        if 2 * n >= len(pages) and n >= 2 and not key[1].endswith(_SENTENCE_END)
    }


def pdf_text(data: bytes, path: str | Path) -> str:
    """The transcript text of a PDF's bytes, page furniture left out (see the module
    docstring)."""
    if b"%PDF-" not in data[:1024]:  # the header may follow a little junk
        raise RoqaError("is not a PDF document (it has no %PDF- header)", path=path, hint=_HINT)
    pages = [
        _CONTROL.sub("", text.translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n"))
        for text in _page_texts(data, path)
    ]
    if not any(p.strip() for p in pages):
        raise RoqaError(
            "holds no text, only images of pages (a scanned PDF?)",
            path=path,
            hint="run it through OCR, or ask for the transcript as .docx or .txt",
        )
    split = [p.split("\n") for p in pages]
    running = _running_lines(split)
    # on 3+ pages a label-shaped line at the same edge of half the pages is a header's (P04 -
    # confidential, P. 1, A. Smith Transcription Ltd: a hunt of s63), as before; on 2 pages,
    # where a turn said twice is as likely, the reader's labels are kept
    speakers = _speakers_lines(split, running) if running and len(split) == 2 else set()
    kept_pages = []
    for p, lines in enumerate(split):
        top, bottom = _edges(lines)
        drop = {
            i
            for edge, at in (("top", top), ("bottom", bottom))
            for i in at
            if match_label(lines[i]) is None
            and (
                _is_furniture_shape(lines[i])
                or ((edge, _repeat_key(lines[i])) in running and (p, i) not in speakers)
            )
        }
        kept_pages.append("\n".join(line for i, line in enumerate(lines) if i not in drop))
    return "\n".join(page.rstrip("\n") for page in kept_pages)


#: The text of the PDFs read lately, by the SHA-256 of their bytes: a folder's PDFs are read once
#: to leave out those without speaker labels (consent forms) and again to be coded. Keyed by
#: content, so an edited file is read afresh.
_EXTRACTED: OrderedDict[str, str] = OrderedDict()
_EXTRACTED_MAX = 64


def _extracted_text(data: bytes, path: str | Path) -> str:
    """:func:`pdf_text`, from :data:`_EXTRACTED` when these bytes were read lately."""
    key = hashlib.sha256(data).hexdigest()
    text = _EXTRACTED.get(key)
    if text is None:
        text = pdf_text(data, path)
        _EXTRACTED[key] = text
        if len(_EXTRACTED) > _EXTRACTED_MAX:
            _EXTRACTED.popitem(last=False)
    else:
        _EXTRACTED.move_to_end(key)
    return text


def read_pdf_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a .pdf transcript (see the module docstring)."""
    text = _extracted_text(read_bytes(path), path)
    t = parse_text(text, path, interviewer_labels=interviewer_labels, participant=participant)
    t.metadata.update({"format": "pdf", "rendering": "extracted"})
    return t
