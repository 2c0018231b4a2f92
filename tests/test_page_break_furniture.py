"""Page furniture of a plain-text transcript parted into pages by page breaks (``\\f``), as
``pdftotext`` writes one at the start of each page: the page numbers and the running header are
no one's words, by the rules a PDF's pages are read by (:mod:`.page_furniture`), a page number
counting up with the pages. Without a page break nothing changes, and a participant's number
answer next to a page break that is no page number of the count stays their words
(tests/test_page_lines_kept.py: the same answers with no page break).

Before (reader battery class ``pdftotext``, 20 of 20 files wrong): ``1`` and ``Recovery study
RM07 transcript`` were read as the words of the turn above the page break."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from hostile_files import text_pdf
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

HEAD = "Recovery study RM07 transcript"
PAGES = [
    [
        HEAD,
        "",
        "Interviewer: How did the team hear about the new rota?",
        "",
        "P07: At the Monday meeting. Most of them had heard rumours already, so it",
        "was no great surprise to anyone.",
        "",
        "{1}",
    ],
    [
        HEAD,
        "",
        "Interviewer: And how did they take it?",
        "",
        "P07: Badly at first. The night staff felt nobody had asked them, and to be",
        "",
        "{2}",
    ],
    [HEAD, "", "fair nobody had. We fixed that with a survey of every shift.", "", "{3}"],
    [HEAD, "", "Interviewer: Thank you, that is all I wanted to ask.", "", "{4}"],
]
TURNS = [
    ("Interviewer", "interviewer", "How did the team hear about the new rota?"),
    (
        "P07",
        "participant",
        "At the Monday meeting. Most of them had heard rumours already, so it was no great "
        "surprise to anyone.",
    ),
    ("Interviewer", "interviewer", "And how did they take it?"),
    (
        "P07",
        "participant",
        "Badly at first. The night staff felt nobody had asked them, and to be fair nobody had. "
        "We fixed that with a survey of every shift.",
    ),
    ("Interviewer", "interviewer", "Thank you, that is all I wanted to ask."),
]


def _pages(number: str) -> list[list[str]]:
    """:data:`PAGES`, each page's number (``{2}``) in the shape ``number`` (``Page N of 4``)."""
    return [
        [number.replace("N", line[1:-1]) if line.startswith("{") else line for line in page]
        for page in PAGES
    ]


def _pdftotext(pages: list[list[str]]) -> str:
    """The text pdftotext writes of ``pages``: a page break at the start of each page after
    the first, and one after the last."""
    return "\n\f".join("\n".join(page) for page in pages) + "\n\f"


def _read(path: Path) -> tuple[list[tuple[str, str, str]], str]:
    """The turns of ``path`` (speaker, role, words with their white space as one space) and its
    text; each segment checked to be its text's slice."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    words = [(u.speaker, u.role, " ".join(t.text[u.start : u.end].split())) for u in t.turns]
    return words, t.text


@pytest.mark.parametrize("number", ["N", "- N -", "Page N", "Page N of 4", "N/4"])
def test_page_numbers_and_the_running_header_of_pdftotext_pages_are_no_ones_words(
    tmp_path: Path, number: str
) -> None:
    path = tmp_path / "rm07.txt"
    path.write_text(_pdftotext(_pages(number)), encoding="utf-8")
    turns, text = _read(path)
    assert turns == TURNS
    # the file's text, each page break a blank, every offset the file's; the furniture a turn
    # goes on across (the foot of page 2, the head of page 3) blanked
    file_lines = path.read_text(encoding="utf-8").replace("\f", " ").split("\n")
    lines = text.split("\n")
    assert [len(line) for line in lines] == [len(line) for line in file_lines]
    assert [was for line, was in zip(lines, file_lines) if line != was] == [
        number.replace("N", "2"),
        f" {HEAD}",
    ]
    assert all(not line.strip() for line, was in zip(lines, file_lines) if line != was)


def test_pdftotext_pages_read_as_the_pdf_of_the_same_pages(tmp_path: Path) -> None:
    """The same rules for the text as for the PDF: the same turns in the same words."""
    pages = [[line for line in page if line] for page in _pages("Page N of 4")]
    (tmp_path / "rm07.txt").write_text(_pdftotext(pages), encoding="utf-8")
    (tmp_path / "rm07.pdf").write_bytes(text_pdf(pages))
    assert _read(tmp_path / "rm07.txt")[0] == _read(tmp_path / "rm07.pdf")[0] == TURNS


def test_without_page_breaks_the_same_lines_stay_talk(tmp_path: Path) -> None:
    path = tmp_path / "rm07.txt"
    path.write_text(_pdftotext(_pages("N")).replace("\f", ""), encoding="utf-8")
    turns, _ = _read(path)
    assert turns[1] == (
        "P07",
        "participant",
        "At the Monday meeting. Most of them had heard rumours already, so it was no great "
        f"surprise to anyone. 1 {HEAD}",
    )


WORD_BREAKS = (
    "Interviewer: On a scale of one to ten, how ready was the team?\n\nP04: I would say\n{0}\n"
    "\fInterviewer: How many of your staff have had the training?\n\nP04: Let me think.\n{1}\n"
    "\fInterviewer: And in the next year?\n\nP04: All of them, I hope.\n{2}\n"
    "\fInterviewer: Thank you.\n"
)


@pytest.mark.parametrize(
    "answers",
    [
        ("7", "3 of 12", "2"),  # typed page breaks (Word's Save as Plain Text), no page numbers
        ("7", "8", "9"),  # counting up from 7, no page's number
        ("1", "9", "3"),  # its page's own number, on two pages of four
        ("- 7 -", "Page 3", "2/12"),
    ],
)
def test_a_number_answer_before_a_page_break_that_is_no_page_number_is_talk(
    tmp_path: Path, answers: tuple[str, str, str]
) -> None:
    path = tmp_path / "p04.txt"
    path.write_text(WORD_BREAKS.format(*answers), encoding="utf-8")
    turns, _ = _read(path)
    assert [words for speaker, _, words in turns if speaker == "P04"] == [
        f"I would say {answers[0]}",
        f"Let me think. {answers[1]}",
        f"All of them, I hope. {answers[2]}",
    ]


def test_a_number_answer_above_the_page_number_is_talk(tmp_path: Path) -> None:
    """The answer at the foot of each page, right above the page's own number: the number is
    left out, the answer kept, though both stand at the page's edge."""
    pages = re.split("\f", WORD_BREAKS.format("7", "3 of 12", "12"))
    text = "\f".join(f"{page}\n{n}\n" for n, page in enumerate(pages, 1))
    path = tmp_path / "p04.txt"
    path.write_text(text, encoding="utf-8")
    turns, _ = _read(path)
    assert turns == [
        ("Interviewer", "interviewer", "On a scale of one to ten, how ready was the team?"),
        ("P04", "participant", "I would say 7"),
        ("Interviewer", "interviewer", "How many of your staff have had the training?"),
        ("P04", "participant", "Let me think. 3 of 12"),
        ("Interviewer", "interviewer", "And in the next year?"),
        ("P04", "participant", "All of them, I hope. 12"),
        ("Interviewer", "interviewer", "Thank you."),
    ]


#: A participant's short answer, no sentence's end, said at the edge of most pages: below a
#: label alone (``P04:`` / ``Yeah, exactly that``), and at both edges of a page of few lines.
SAID_AT_PAGE_EDGES = {
    "yeah": [
        ["Interviewer:", "Did the training help?", "P04:", "Yeah, exactly that"],
        ["Interviewer:", "And the rota?", "P04:", "It is a mess most weeks, honestly."],
        ["Interviewer:", "So the staff felt heard?", "P04:", "Yeah, exactly that"],
        ["Interviewer:", "Thank you.", "P04:", "No problem at all."],
    ],
    "shortages": [
        ["Interviewer: What is the main problem?", "P04:", "Staff shortages", "and the money."],
        ["P04:", "Staff shortages", "again, every winter."],
        ["Interviewer: And next year?", "P04: The same, I expect."],
    ],
}


@pytest.mark.parametrize("name", sorted(SAID_AT_PAGE_EDGES))
@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_a_short_answer_said_at_the_edges_of_most_pages_is_talk(
    tmp_path: Path, name: str, suffix: str
) -> None:
    """Not a running line: a speaker's words where it stands (below a label alone, or between
    two lines of talk). Before, in a .pdf, the answers were left out, and with them P04's
    turns ('Yeah, exactly that': two of four)."""
    pages = SAID_AT_PAGE_EDGES[name]
    path = tmp_path / f"p04{suffix}"
    if suffix == ".pdf":
        path.write_bytes(text_pdf(pages))
    else:
        path.write_text(_pdftotext(pages), encoding="utf-8")
    turns, _ = _read(path)
    answers = [words for speaker, _, words in turns if speaker == "P04"]
    if name == "yeah":
        assert answers == [
            "Yeah, exactly that",
            "It is a mess most weeks, honestly.",
            "Yeah, exactly that",
            "No problem at all.",
        ]
    else:
        assert answers == [
            "Staff shortages and the money.",
            "Staff shortages again, every winter.",
            "The same, I expect.",
        ]


def test_a_services_page_footer_is_noted_as_without_page_breaks(tmp_path: Path) -> None:
    """``Page 3 of 4`` is a service's page footer wherever it stands: left out, and named in
    ``metadata["service_text"]`` (``roqa inspect``), with page breaks as without."""
    path = tmp_path / "rm07.txt"
    path.write_text(_pdftotext(_pages("Page N of 4")), encoding="utf-8")
    t = read_transcript(path)
    assert t.metadata["service_text"] == [f"Page {n} of 4" for n in range(1, 5)]


@pytest.mark.parametrize("suffix", [".txt", ".pdf"])
def test_pages_of_nothing_but_a_repeated_line_are_its_words(tmp_path: Path, suffix: str) -> None:
    """Nothing but furniture is no furniture: a 'Yes' alone on each page is read, not refused
    as a file of no speech."""
    pages = [["Yes"], ["Yes"], ["Yes"]]
    path = tmp_path / f"yes{suffix}"
    if suffix == ".pdf":
        path.write_bytes(text_pdf(pages))
    else:
        path.write_text(_pdftotext(pages), encoding="utf-8")
    assert _read(path)[0] == [("Participant", "participant", "Yes Yes Yes")]
