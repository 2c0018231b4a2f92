"""Page numbers and running heads in a transcript copied from a PDF (``pdftotext``) or a printed
page: lines of only a page's number (``3``, ``- 3 -``, ``Page 3``) and the study's title
printed on each page. Before session 83 they were read as words of the answer they fell in
(``... nights and 3 Recovery study RM04 transcript we use agency staff.``), coded as the
participant's talk. Now they are in no turn: between turns they end none, inside an answer
they are blanked and the answer read whole, each turn an exact slice of the text."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

HEAD = "Recovery study RM04 transcript"


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, " ".join(t.text[u.start : u.end].split())) for u in t.turns]


def test_page_numbers_and_a_running_head_are_no_ones_words(tmp_path: Path) -> None:
    text = (
        "Interviewer: How is staffing?\nP04: We are short of nurses on nights and\n\n3\n\n"
        f"{HEAD}\nwe use agency staff.\nInterviewer: And training?\n\n- 4 -\n\n{HEAD}\n"
        f"P04: Training is patchy.\nPage 5\n{HEAD}\nInterviewer: Thanks.\n"
    )
    f = tmp_path / "p04.txt"
    f.write_text(text, encoding="utf-8")
    t = _read(f)
    assert _turns(t) == [
        ("Interviewer", "interviewer", "How is staffing?"),
        ("P04", "participant", "We are short of nurses on nights and we use agency staff."),
        ("Interviewer", "interviewer", "And training?"),
        ("P04", "participant", "Training is patchy."),
        ("Interviewer", "interviewer", "Thanks."),
    ]
    assert len(t.text) == len(text)  # blanked, not deleted: every offset the file's
    assert t.turns[1].start == text.index("We are")


def test_bare_numbers_a_page_apart_counting_up_are_pages(tmp_path: Path) -> None:
    page = "".join(f"Interviewer: Question {k}?\nP04: Answer {k}.\n" for k in range(4))
    f = tmp_path / "p04.txt"
    f.write_text(
        f"{page}2\n{page}Interviewer: And training?\nP04: Patchy, and\n3\nmostly online.\n",
        encoding="utf-8",
    )
    turns = _turns(_read(f))
    assert turns[7] == ("P04", "participant", "Answer 3.")
    assert turns[-1] == ("P04", "participant", "Patchy, and mostly online.")


def test_bare_numbers_a_few_lines_apart_are_talk(tmp_path: Path) -> None:
    """Two numbers alone counting up a few lines apart are answers' words, not pages."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How many beds?\nP04: We have\n12\nbeds.\nInterviewer: And staff?\n"
        "P04: About\n13\non nights.\n",
        encoding="utf-8",
    )
    turns = _turns(_read(f))
    assert turns[1] == ("P04", "participant", "We have 12 beds.")
    assert turns[3] == ("P04", "participant", "About 13 on nights.")


def test_a_number_alone_said_once_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How many beds?\nP04: We have\n12\nat the moment.\nInterviewer: Thanks.\n",
        encoding="utf-8",
    )
    assert _turns(_read(f))[1] == ("P04", "participant", "We have 12 at the moment.")


def test_numbers_that_are_a_turns_only_words_are_answers(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How many beds?\nP04:\n12\nInterviewer: And staff?\nP04:\n13\n"
        "Interviewer: Thanks.\n",
        encoding="utf-8",
    )
    assert [w for _, _, w in _turns(_read(f))] == [
        "How many beds?",
        "12",
        "And staff?",
        "13",
        "Thanks.",
    ]


def test_a_line_repeated_away_from_page_numbers_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How is staffing?\nP04: Short.\nWe keep going.\nPage 2\n\nInterviewer: And?\n"
        "P04: Patchy.\nWe keep going.\nPage 3\nInterviewer: Thanks.\n",
        encoding="utf-8",
    )
    turns = _turns(_read(f))
    assert turns[1] == ("P04", "participant", "Short. We keep going.")
    assert turns[3] == ("P04", "participant", "Patchy. We keep going.")
