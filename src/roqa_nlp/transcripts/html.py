"""HTML transcripts (.html, .htm), as noScribe writes them and Word saves a web page.

The page's text is read with the standard library's HTML parser (character references decoded,
nothing fetched), laid out as a browser shows it: runs of white space are one space, each
paragraph, list item or division is a block of its own, a line break or table row ends a line,
and the cells of a table row are separated by a tab (so a ``speaker | words`` table reads as
``speaker<TAB>words``),
and what a reader does not see as the talk is left out: the document's head, scripts, styles,
headings (``<h1>``-``<h6>``) and comments. That text is then read as a plain-text transcript
(:mod:`.text`: ``Speaker: words`` lines and every other label shape of
:mod:`~roqa_nlp.transcripts.speaker_labels`). The transcript's ``text`` is the extracted text,
so offsets point into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from ..schema import Transcript
from .text import parse_text
from .utterances import speech_file_text

#: Elements that end a paragraph (a blank line in the text).
_PARAGRAPHS = frozenset(
    {"p", "div", "li", "section", "article", "blockquote", "pre", "dt", "dd", "table", "ul",
     "ol", "hr", "body", "main", "header", "footer"}
)  # fmt: skip
#: Elements that end a line.
_LINES = frozenset({"br", "tr"})
#: Elements whose content is not the talk.
_UNSEEN = frozenset(
    {"head", "title", "script", "style", "noscript", "template", "h1", "h2", "h3", "h4", "h5",
     "h6", "svg", "math", "iframe", "object"}
)  # fmt: skip
_BLANKS = re.compile(r"\s+")
#: What the head of a report ``roqa`` wrote holds (report/templates): it is not a transcript.
ROQA_REPORT_MARK = '<meta name="generator" content="roqa_nlp">'


class _TextOfPage(HTMLParser):
    """The text of a page as a browser lays it out, with paragraphs as blank-line-separated
    blocks (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.unseen = 0  # depth inside elements whose content is not the talk
        self.in_cell = False  # inside a table cell: its paragraphs are one line of it

    def _end(self, mark: str) -> None:
        """End the line (``"\n"``) or the paragraph (``"\n\n"``)."""
        while self.parts and self.parts[-1] in (" ", "\t"):
            self.parts.pop()
        if not self.parts:
            return
        last = "".join(self.parts[-2:])  # parts of one character: look at the two last
        if last.endswith("\n\n") or (last.endswith("\n") and mark == "\n"):
            return
        self.parts.append(mark[1:] if last.endswith("\n") else mark)

    def _boundary(self, tag: str) -> None:
        if self.unseen:
            return
        if tag in ("tr", "table"):
            self.in_cell = False
        if self.in_cell and (tag in _PARAGRAPHS or tag in _LINES):
            self.handle_data(" ")  # a cell's paragraphs (Word's <p> in every cell) run on
        elif tag in _PARAGRAPHS:
            self._end("\n\n")
        elif tag in _LINES:
            self._end("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSEEN:
            self.unseen += 1
            return
        self._boundary(tag)
        if tag in ("td", "th") and not self.unseen:
            while self.parts and self.parts[-1] == " ":
                self.parts.pop()
            if self.parts and not self.parts[-1].endswith("\n"):
                self.parts.append("\t")  # a cell after another in its row
            self.in_cell = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _UNSEEN:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNSEEN:
            self.unseen = max(0, self.unseen - 1)
        elif tag in ("td", "th"):
            self.in_cell = False
        elif tag != "br":  # </br> is read as <br> by browsers, and by the start tag here
            self._boundary(tag)

    def handle_data(self, data: str) -> None:
        if self.unseen:
            return
        text = _BLANKS.sub(" ", data)
        if text == " ":
            if self.parts and not self.parts[-1].endswith(("\n", " ", "\t")):
                self.parts.append(" ")
            return
        if not self.parts or self.parts[-1].endswith(("\n", "\t", " ")):
            text = text.lstrip(" ")
        self.parts.append(text)


def html_text(text: str) -> str:
    """The text a reader sees on an HTML page (see the module docstring): a paragraph a block,
    blocks separated by a blank line."""
    page = _TextOfPage()
    page.feed(text)
    page.close()
    return "\n".join(line.strip(" ") for line in "".join(page.parts).split("\n")).strip()


def read_html_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read an HTML transcript (see the module docstring). roqa's own report is refused."""
    page = speech_file_text(path)
    if ROQA_REPORT_MARK in page[:4096]:
        from ..errors import RoqaValueError

        raise RoqaValueError(
            "is roqa's own report, not a transcript",
            path=path,
            hint="open it in a browser; give the transcript files to code them",
        )
    text = html_text(page)
    t = parse_text(text, path, interviewer_labels=interviewer_labels, participant=participant)
    t.metadata.update({"format": "html", "rendering": "extracted"})
    return t
