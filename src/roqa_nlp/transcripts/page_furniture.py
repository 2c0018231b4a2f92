"""Page furniture: the lines a page repeats at its top and bottom (page numbers, running
headers and footers, a browser's print stamp), no one's words, of a PDF's pages (:mod:`.pdf`).
A plain-text transcript's page breaks (``\\f``) part no pages here: a ``.txt`` is read as
without them (:mod:`.text`), its page numbers and running headers kept as talk (known, LOW:
session 84 read them by these rules, and a speaker's label alone on its line, a number answer
or a short line said at the page edges was left out as furniture, hunt21).

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
  turn's words (:func:`_in_a_turns_flow`); but a line below a label alone that stands at that
  edge of another page in no turn's flow is the page's footer (below a page's last label).

In a document of two pages, a repeated line the transcript reader takes as a speaker's label,
in any of its shapes (``P32 - Yes``, ``Q. Right``, ``PARTICIPANT`` alone on its line:
:func:`.line_labels`) of a role, a number or a speaker who also speaks elsewhere in the file, is
never a running line, nor the line right below such a label alone (``PARTICIPANT`` / ``Yes``);
on three pages or more a line in a label's shape at the same edge of most pages is a header's
(``P04 - confidential``), and only a ``Speaker: words`` label is kept.

A PDF's pages are the pages printed, so a page number's shape at a page's edge is its number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

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


def furniture_lines(pages: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """``(page, line)`` of the page furniture of ``pages`` (a PDF's, each its lines; see the
    module docstring): a page number's shape at a page's edge is its number."""
    split = [list(lines) for lines in pages]
    running = _running_lines(split)
    # on 3+ pages a label-shaped line at the same edge of half the pages is a header's (P04 -
    # confidential, P. 1, A. Smith Transcription Ltd: a hunt of s63), as before; on 2 pages,
    # where a turn said twice is as likely, the reader's labels are kept
    speakers = _speakers_lines(split, running) if running and len(split) == 2 else set()
    drop: dict[tuple[int, int], tuple[str, str]] = {}  # (page, line): its running line's key
    shaped: set[tuple[int, int]] = set()
    for p, lines in enumerate(split):
        top, bottom = _edges(lines)
        for edge, at in (("top", top), ("bottom", bottom)):
            for i in at:
                if match_label(lines[i]) is not None:
                    continue
                if _is_furniture_shape(lines[i]):
                    shaped.add((p, i))
                elif (edge, _repeat_key(lines[i])) in running and (p, i) not in speakers:
                    drop[p, i] = (edge, _repeat_key(lines[i]))
    for said in _in_a_turns_flow(split, drop, set(drop) | shaped):
        del drop[said]
    furniture = set(drop) | shaped
    if all((p, i) in furniture for p, lines in enumerate(split) for i, line in enumerate(lines)
           if line.strip()):  # fmt: skip
        return set()  # nothing but furniture is no furniture: the pages' words ('Yes' on each)
    return furniture


def _in_a_turns_flow(
    pages: list[list[str]],
    running: Mapping[tuple[int, int], tuple[str, str]],
    furniture: set[tuple[int, int]],
) -> set[tuple[int, int]]:
    """Of the ``running`` lines (``(page, line)``: the key of the running line it is), those
    that are someone's words by where they stand on their page: between two lines with words
    that are no ``furniture`` (a page of few lines, its talk at both edges), or right below a
    speaker's label alone on its line (``P04:`` / ``Yeah, exactly that``: its only words) where
    the same running line stands in no turn's flow on no other page. A running header or footer
    stands at the page's top or bottom, the page's edge or other furniture beside it (session
    84: a participant's short answer said twice at page edges was left out, and with it their
    turn), and a page's last label alone may stand right above its footer (``P04:`` / ``Recovery
    study - interview transcript``, the answer on the next page, the footer below ``Thank you.``
    on the last: hunt21 R5, the footer was read as P04's words)."""
    if not running:
        return set()
    at = [(p, i) for p, lines in enumerate(pages) for i in range(len(lines))]
    labels = dict(zip(at, line_labels([pages[p][i] for p, i in at]), strict=True))

    def said(p: int, i: int) -> str | None:
        """``"flow"``, ``"label"`` (right below a label alone) or None: where it stands."""
        lines = pages[p]
        above = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
        below = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
        if above is None:
            return None
        if below is not None and not {(p, above), (p, below)} & furniture:
            return "flow"
        label = labels[p, above]
        if label is not None and not lines[above][label.words_start :].strip():
            return "label"
        return None

    where = {k: said(*k) for k in running}
    off_flow = {running[k] for k, how in where.items() if how is None}
    return {k for k, how in where.items() if how == "flow" or (how and running[k] not in off_flow)}
