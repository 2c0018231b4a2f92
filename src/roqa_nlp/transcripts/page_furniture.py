"""Page furniture: the lines a page repeats at its top and bottom (page numbers, running
headers and footers, a browser's print stamp), no one's words. Read alike from a PDF's pages
(:mod:`.pdf`) and from the pages of a plain-text transcript parted by page breaks (``\\f``, as
``pdftotext`` writes one at the start of each page: :func:`page_break_furniture`).

Only the top and the bottom of a page (its first and last :data:`EDGE_LINES` non-blank lines) are
looked at, and never a line with a speaker label:

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
  there): a line said twice is kept;
- never a running line that stands right below a speaker's label alone on its line (``P04:`` /
  ``Yeah, exactly that``), nor one between two lines with words that are no furniture: a
  turn's words (:func:`_in_a_turns_flow`).

In a document of two pages, a repeated line the transcript reader takes as a speaker's label,
in any of its shapes (``P32 - Yes``, ``Q. Right``, ``PARTICIPANT`` alone on its line:
:func:`.line_labels`) of a role, a number or a speaker who also speaks elsewhere in the file, is
never a running line, nor the line right below such a label alone (``PARTICIPANT`` / ``Yes``);
on three pages or more a line in a label's shape at the same edge of most pages is a header's
(``P04 - confidential``), and only a ``Speaker: words`` label is kept.

A PDF's pages are the pages printed, so a page number's shape at a page's edge is its number. A
page break in a text file may be one typed (Word's "Save as Plain Text" writes a manual page
break as ``\\f``), with a participant's answer (``7`` on a scale, ``3 of 12``) right before it:
there a page number counts up with the pages from 1 (on the first page, or the second after a
cover page: :data:`PAGE_NUMBER_SHIFTS`), so on at least two pages and on every page with words
but one at most (:func:`furniture_lines` given ``places``), and a print stamp stands on as many;
a number that does not is talk (``7`` above a page's number ``2``; ``1`` and ``3`` ending the
first and the third of four pages).
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from .speaker_labels import (
    LabelMatch,
    line_labels,
    match_label,
    names_a_known_speaker,
    names_the_one_who_answers,
)

#: How many lines at the top and at the bottom of a page may be page furniture.
EDGE_LINES = 2
#: A line repeated at the same edge of at least half the pages is a running header or footer in
#: a document of at least this many pages (in one of two pages, only one at the same place of
#: both in the same words: :func:`_two_page_running_lines`).
MIN_PAGES_REPEATED = 3
#: A text file's page numbers count its pages from 1 (its first page ``1``: shift 1) or from
#: the page after an unnumbered cover page (its second page ``1``: shift 0).
PAGE_NUMBER_SHIFTS = (0, 1)

_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]", re.IGNORECASE
)
#: a running footer that ends with the page count: "Interview P04   Page 3 of 12"
_PAGE_OF_AT_END = re.compile(r"\bpage\s*(\d{1,4})\s*of\s*\d{1,4}$", re.IGNORECASE)
#: the page count of a browser's footer, after its address: "file:///C:/p04.html 3/12"
_PAGE_COUNT = re.compile(r"\d{1,4}/\d{1,4}")
_PRINT_STAMP = re.compile(
    r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?", re.I
)
#: a line that ends a sentence is talk ("Yeah.", "Next question?"), not a running header
_SENTENCE_END = (".", "?", "!", '"', "”", "…")
_DIGITS = re.compile(r"\d+")


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


def _page_number(line: str) -> int | None:
    """The page's number a page number's shape (:func:`_is_furniture_shape`) gives: ``3`` of
    ``3``, ``Page 3 of 12``, ``- 3 -``, ``Interview P04   Page 3 of 12`` and
    ``file:///C:/p04.html 3/12``; None for a print stamp, or a line of no such shape."""
    line = line.strip()
    words = line.split()
    if _PAGE_NUMBER.fullmatch(line):
        return int(_DIGITS.findall(line)[0])
    at_end = _PAGE_OF_AT_END.search(line)
    if at_end:
        return int(at_end[1])
    if len(words) == 2 and _PAGE_COUNT.fullmatch(words[1]) and _is_address(words[0]):
        return int(_DIGITS.findall(words[1])[0])
    return None


def _counting_up(
    found: dict[tuple[int, int], str], places: Sequence[int], pages: int
) -> set[tuple[int, int]]:
    """Of ``found`` (``(page, line)``: the line of a page number's or a print stamp's shape at
    a page's edge), those that count up with the pages: a page number that is its page's place
    in the file (``places``, from 0) plus one of :data:`PAGE_NUMBER_SHIFTS`, the same on at
    least two of the ``pages`` and on every one but one at most (a cover page's, a last page's);
    a print stamp, one at an edge of as many pages."""
    pages_of: dict[int | None, set[int]] = {}
    shift_of: dict[tuple[int, int], int | None] = {}
    for (p, i), line in found.items():
        number = _page_number(line)
        shift_of[p, i] = None if number is None else number - places[p]
        if number is None or shift_of[p, i] in PAGE_NUMBER_SHIFTS:
            pages_of.setdefault(shift_of[p, i], set()).add(p)
    counting = {s for s, on in pages_of.items() if len(on) >= max(2, pages - 1)}
    return {at for at, shift in shift_of.items() if shift in counting}


def furniture_lines(
    pages: Sequence[Sequence[str]], places: Sequence[int] | None = None
) -> set[tuple[int, int]]:
    """``(page, line)`` of the page furniture of ``pages`` (each its lines; see the module
    docstring). With ``places`` (each page's place in a text file parted by page breaks, blank
    pages left out of ``pages``), a page number counts up with the pages (:func:`_counting_up`);
    without, a PDF's, it is one at a page's edge."""
    split = [list(lines) for lines in pages]
    running = _running_lines(split)
    # on 3+ pages a label-shaped line at the same edge of half the pages is a header's (P04 -
    # confidential, P. 1, A. Smith Transcription Ltd: a hunt of s63), as before; on 2 pages,
    # where a turn said twice is as likely, the reader's labels are kept
    speakers = _speakers_lines(split, running) if running and len(split) == 2 else set()
    drop: set[tuple[int, int]] = set()
    shaped: dict[tuple[int, int], str] = {}
    for p, lines in enumerate(split):
        top, bottom = _edges(lines)
        for edge, at in (("top", top), ("bottom", bottom)):
            for i in at:
                if match_label(lines[i]) is not None:
                    continue
                if _is_furniture_shape(lines[i]):
                    shaped[p, i] = lines[i]
                elif (edge, _repeat_key(lines[i])) in running and (p, i) not in speakers:
                    drop.add((p, i))
    drop -= _in_a_turns_flow(split, drop, drop | set(shaped))
    drop |= set(shaped) if places is None else _counting_up(shaped, places, len(split))
    if all((p, i) in drop for p, lines in enumerate(split) for i, line in enumerate(lines)
           if line.strip()):  # fmt: skip
        return set()  # nothing but furniture is no furniture: the pages' words ('Yes' on each)
    return drop


def _in_a_turns_flow(
    pages: list[list[str]], running: set[tuple[int, int]], furniture: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Of the ``running`` lines (``(page, line)``), those that are someone's words by where
    they stand on their page: right below a speaker's label alone on its line (``P04:`` /
    ``Yeah, exactly that``: its only words), or between two lines with words that are no
    ``furniture`` (a page of few lines, its talk at both edges). A running header or footer
    stands at the page's top or bottom, the page's edge or other furniture beside it (session
    84: a participant's short answer said twice at page edges was left out, and with it their
    turn)."""
    if not running:
        return set()
    at = [(p, i) for p, lines in enumerate(pages) for i in range(len(lines))]
    labels = dict(zip(at, line_labels([pages[p][i] for p, i in at]), strict=True))

    def said(p: int, i: int) -> bool:
        lines = pages[p]
        above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if above is None:
            return False
        label = labels[p, above]
        if label is not None and not lines[above][label.words_start :].strip():
            return True
        return below is not None and not {(p, above), (p, below)} & furniture

    return {(p, i) for p, i in running if said(p, i)}


def page_break_furniture(lines: Sequence[str], opens: Set[int]) -> set[int]:
    """The indices of ``lines`` (a plain-text transcript's) that are page furniture
    (:func:`furniture_lines`) of the pages that open at the lines ``opens`` (at a page break,
    ``\\f``); none without a page break. A page with no words is no page of the count."""
    if not opens:
        return set()
    bounds = [0, *sorted(opens - {0}), len(lines)]
    filled = [
        (place, start, end)
        for place, (start, end) in enumerate(zip(bounds, bounds[1:]))
        if any(line.strip() for line in lines[start:end])
    ]
    found = furniture_lines(
        [lines[start:end] for _, start, end in filled], [place for place, _, _ in filled]
    )
    return {filled[p][1] + i for p, i in found}
