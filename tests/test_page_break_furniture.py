"""Page furniture and page breaks (``\\f``). A PDF's page numbers and running header are no
one's words, by the rules of :mod:`.page_furniture`. A plain-text transcript's page breaks part
no pages: a ``.txt`` reads as at 7edb2e6d, page breaks or not, its page numbers and running
header kept as talk (known, LOW). Session 84 read a ``.txt``'s pages by the PDF's rules
(95cb5d88, 96d2f2f0) and hunt21 found it dropped real speakers' labels alone on their lines,
number answers and short lines said at page edges (42 of 60 simulated files with bare labels):
turned off again, the hunt's repros below read as at 7edb2e6d.
"""

from __future__ import annotations

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
def test_page_numbers_and_the_running_header_of_pdf_pages_are_no_ones_words(
    tmp_path: Path, number: str
) -> None:
    pages = [[line for line in page if line] for page in _pages(number)]
    (tmp_path / "rm07.pdf").write_bytes(text_pdf(pages))
    assert _read(tmp_path / "rm07.pdf")[0] == TURNS


@pytest.mark.parametrize("page_breaks", [True, False])
def test_a_txt_keeps_its_page_numbers_and_running_header_as_talk(
    tmp_path: Path, page_breaks: bool
) -> None:
    """Known, LOW: the pages of a ``.txt`` pdftotext wrote are read as one text, with page
    breaks as without."""
    text = _pdftotext(_pages("N"))
    path = tmp_path / "rm07.txt"
    path.write_text(text if page_breaks else text.replace("\f", ""), encoding="utf-8")
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


IV, P = ("Interviewer", "interviewer"), ("P04", "participant")
#: hunt21's repros (/tmp/s84_hunt21/repro/, session 84), each a .txt with page breaks, and its
#: turns as 7edb2e6d reads them: R1/R1b bare labels alone on their lines (Word page breaks; the
#: label ending each pdftotext page), R2/R2b/R2c number answers counting with the pages (a
#: page break in the middle of a line too), R3 an answer equal to its page's number above
#: ``Page 2 of 3``, R4 a short line ending two of three pages. With the PDF's rules all lost
#: words or speakers (R1: six turns of 'Participant').
TXT_PAGE_BREAKS = {
    "R1": (
        "Interviewer\nHow long have you managed the service?\n\nP04\nAbout six years now.\n"
        "\fInterviewer\nWhat gets in the way most?\n\nP04\nMostly the money.\n"
        "\fInterviewer\nHow did the team take the new rota?\n\nP04\nBadly at first.\n",
        [
            (*IV, "How long have you managed the service?"),
            (*P, "About six years now."),
            (*IV, "What gets in the way most?"),
            (*P, "Mostly the money."),
            (*IV, "How did the team take the new rota?"),
            (*P, "Badly at first."),
        ],
    ),
    "R1b": (
        "Interviewer\nHow long have you managed the service?\nP04\n\fAbout six years now.\n"
        "Interviewer\nWhat gets in the way most?\nP04\n\fMostly the money.\n"
        "Interviewer\nHow did the team take the new rota?\nP04\n\fBadly at first.\n\f",
        [
            (*IV, "How long have you managed the service?"),
            (*P, "About six years now."),
            (*IV, "What gets in the way most?"),
            (*P, "Mostly the money."),
            (*IV, "How did the team take the new rota?"),
            (*P, "Badly at first."),
        ],
    ),
    "R2": (
        "Interviewer:\nOn a scale of one to ten, how ready was the team?\n\nP04:\n1\n"
        "\fInterviewer:\nAnd a year later?\n\nP04:\n2\n",
        [
            (*IV, "On a scale of one to ten, how ready was the team?"),
            (*P, "1"),
            (*IV, "And a year later?"),
            (*P, "2"),
        ],
    ),
    "R2b": (
        "Interviewer:\nHow many of your sites use the new rota?\n\nP04:\nI would say\n1\n"
        "\fInterviewer:\nAnd how many will by the summer?\n\nP04:\nProbably\n2\n"
        "\fInterviewer:\nThank you.\n",
        [
            (*IV, "How many of your sites use the new rota?"),
            (*P, "I would say 1"),
            (*IV, "And how many will by the summer?"),
            (*P, "Probably 2"),
            (*IV, "Thank you."),
        ],
    ),
    "R2c": (
        "Interviewer: How would you rate it?\nP04: I would rate it\f1\nInterviewer: And now?\n"
        "P04: Again\f2\nInterviewer: How did the team take it?\nP04: Badly at first.\n",
        [
            (*IV, "How would you rate it?"),
            (*P, "I would rate it 1"),
            (*IV, "And now?"),
            (*P, "Again 2"),
            (*IV, "How did the team take it?"),
            (*P, "Badly at first."),
        ],
    ),
    "R3": (
        "Interviewer:\nHow long have you managed the service?\nP04:\nAbout six years now.\n\n"
        "Page 1 of 3\n\fInterviewer:\nHow many sites use the rota?\nP04:\n2\n\nPage 2 of 3\n"
        "\fInterviewer:\nThank you.\n\nPage 3 of 3\n\f",
        [
            (*IV, "How long have you managed the service?"),
            (*P, "About six years now."),
            (*IV, "How many sites use the rota?"),
            (*P, "2"),
            (*IV, "Thank you."),
        ],
    ),
    "R4": (
        "Interviewer:\nWhat gets in the way most?\nP04:\nIt is the money, and the turnover.\n"
        "Staffing\n\fInterviewer:\nAnd what helps?\nP04:\nA settled rota, more than anything.\n"
        "Staffing\n\fInterviewer:\nThank you.\n",
        [
            (*IV, "What gets in the way most?"),
            (*P, "It is the money, and the turnover. Staffing"),
            (*IV, "And what helps?"),
            (*P, "A settled rota, more than anything. Staffing"),
            (*IV, "Thank you."),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(TXT_PAGE_BREAKS))
def test_a_txt_with_page_breaks_keeps_every_speaker_and_word(tmp_path: Path, name: str) -> None:
    text, turns = TXT_PAGE_BREAKS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(text.encode("utf-8"))
    assert _read(path)[0] == turns
    assert read_transcript(path).text == text.replace("\n\f", "\n ").replace("\f", "\n")


def test_a_running_footer_below_a_pages_last_label_alone_is_no_ones_words(tmp_path: Path) -> None:
    """hunt21 R5: pages end on ``P04:`` alone, the answer on the next page, above the running
    footer; the footer below ``Thank you.`` on the last page shows it is one. Before, P04 said
    'Recovery study - interview transcript Mostly the money.' twice."""
    foot = "Recovery study - interview transcript"
    pages = [
        ["Interviewer:", "How long have you managed the service?", "P04:", "About six years now."]
        + ["Interviewer:", "What gets in the way most?", "P04:", foot],
        ["Mostly the money.", "Interviewer:", "How did the team take the new rota?", "P04:", foot],
        ["Badly at first.", "Interviewer:", "Thank you.", foot],
    ]
    path = tmp_path / "p04.pdf"
    path.write_bytes(text_pdf(pages))
    assert _read(path)[0] == [
        (*IV, "How long have you managed the service?"),
        (*P, "About six years now."),
        (*IV, "What gets in the way most?"),
        (*P, "Mostly the money."),
        (*IV, "How did the team take the new rota?"),
        (*P, "Badly at first."),
        (*IV, "Thank you."),
    ]
