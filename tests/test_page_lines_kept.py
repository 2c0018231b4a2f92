"""Participants' own words that look like page furniture stay their words (hunter hunt17,
session 83, R1-R3): a number alone on a line inside an answer ('7' on a scale; staff counts 12
then 13 a few turns apart), '3 of 12' given as an answer, '(1)' '(2)' '(3)' read out as a list,
and a short unpunctuated answer or phrase said twice beside 'Page 1 of 3' footers. A page-number
rule (6287de62, reverted in 8685ab85) blanked each of them; these are the readings of 93381fb9,
which any page rule must keep. Each turn is an exact slice of the text."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

IV = ("Interviewer", "interviewer")
P04 = ("P04", "participant")


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t


def _turns(path: Path) -> list[tuple[str, str, str]]:
    t = _read(path)
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _txt(tmp_path: Path, lines: list[str]) -> Path:
    f = tmp_path / "case.txt"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def _docx(tmp_path: Path, paragraphs: list[str]) -> Path:
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    f = tmp_path / "case.docx"
    doc.save(str(f))
    return f


SCALE = [
    "Interviewer: On a scale of one to ten, how recovery-focused is your service?",
    "P04: Hmm. I would say",
    "7",
    "on a good day. We try, but the paperwork pulls us back.",
    "Interviewer: What would make it higher?",
    "P04: More peer workers, less duplication of notes, and commissioners who ask about"
    " outcomes that matter to people.",
    "Interviewer: And a year ago?",
    "P04: A year ago it was a mess, we had agency staff on every shift and no supervision to"
    " speak of.",
    "Interviewer: What changed?",
    "P04: We got a new clinical lead who cared about supervision.",
    "Interviewer: And where will it be next year, do you think?",
    "P04: If the funding holds, maybe",
    "8",
    "but I would not bet on it.",
]
SCALE_TURNS = [
    (*IV, "On a scale of one to ten, how recovery-focused is your service?"),
    (*P04, "Hmm. I would say\n7\non a good day. We try, but the paperwork pulls us back."),
    (*IV, "What would make it higher?"),
    (
        *P04,
        "More peer workers, less duplication of notes, and commissioners who ask about"
        " outcomes that matter to people.",
    ),
    (*IV, "And a year ago?"),
    (
        *P04,
        "A year ago it was a mess, we had agency staff on every shift and no supervision to"
        " speak of.",
    ),
    (*IV, "What changed?"),
    (*P04, "We got a new clinical lead who cared about supervision."),
    (*IV, "And where will it be next year, do you think?"),
    (*P04, "If the funding holds, maybe\n8\nbut I would not bet on it."),
]


def _blank_lines_between_turns(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and line.startswith(("Interviewer:", "P04:")):
            out.append("")
        out.append(line)
    return out


def test_numbers_on_a_scale_alone_on_their_lines_are_the_answer(tmp_path: Path) -> None:
    """R1: '7' and '8', a number up one many lines later, are no page numbers."""
    f = _txt(tmp_path, _blank_lines_between_turns(SCALE))
    assert _turns(f) == SCALE_TURNS


def test_numbers_on_a_scale_in_word_paragraphs_are_the_answer(tmp_path: Path) -> None:
    assert _turns(_docx(tmp_path, SCALE)) == SCALE_TURNS


def test_staff_counts_twelve_then_thirteen_turns_apart_are_the_answers(tmp_path: Path) -> None:
    answers = [
        "When I started, oh gosh, it was\n12\nand we had one office, one car, and a lot of"
        " goodwill from the GP practice next door.",
        "The caseload was manageable, we knew every client by name and we saw them weekly.",
        "It has changed a lot, we merged with the north team and took on the crisis line.",
        "Not really, it was announced in a staff meeting with two weeks' notice.",
        "Now it is\n13\nbut the caseload has tripled, so it does not feel like growth at all.",
    ]
    questions = [
        "How many staff did you have when you started?",
        "And the caseload then?",
        "How has that changed?",
        "Was the merger planned well?",
        "And how many staff now?",
    ]
    f = _txt(
        tmp_path,
        [f"Interviewer: {q}\n\nP04: {a}\n" for q, a in zip(questions, answers, strict=True)],
    )
    assert _turns(f) == [
        turn for q, a in zip(questions, answers, strict=True) for turn in ((*IV, q), (*P04, a))
    ]


def test_otter_staff_counts_are_the_answers_and_the_asker_is_the_interviewer(
    tmp_path: Path,
) -> None:
    """R1 in an Otter export: 12 and 13 are Jo Lee's; Sam Roe, who asks all 5 questions,
    is still guessed as the interviewer."""
    turns = [
        ("Sam Roe  0:05", "How many staff did you have when you started?"),
        ("Jo Lee  0:12", "Oh gosh.\n12\nAnd one office."),
        ("Sam Roe  1:02", "And the caseload then?"),
        ("Jo Lee  1:10", "Manageable, we knew every client by name."),
        ("Sam Roe  2:02", "How has that changed?"),
        ("Jo Lee  2:10", "We merged with the north team."),
        ("Sam Roe  3:02", "Was it planned well?"),
        ("Jo Lee  3:10", "Not really."),
        ("Sam Roe  4:45", "And how many staff now?"),
        ("Jo Lee  4:50", "Hmm.\n13\nBut the caseload has tripled."),
    ]
    f = _txt(tmp_path, [f"{label}\n{words}\n" for label, words in turns])
    assert _turns(f) == [
        (
            label.split("  ")[0],
            "interviewer" if label.startswith("Sam") else "participant",
            words,
        )
        for label, words in turns
    ]


def test_three_of_twelve_given_as_an_answer_is_the_answer(tmp_path: Path) -> None:
    """R2: '3 of 12' alone on a line is a count of staff, not page 3 of 12."""
    f = _txt(
        tmp_path,
        [
            "Interviewer: How many of your staff have had the recovery training?",
            "",
            "P04: Honestly? Let me think.",
            "3 of 12",
            "And that is after two years of asking.",
            "",
            "Interviewer: Why so few?",
            "",
            "P04: The budget was cut.",
        ],
    )
    assert _turns(f) == [
        (*IV, "How many of your staff have had the recovery training?"),
        (*P04, "Honestly? Let me think.\n3 of 12\nAnd that is after two years of asking."),
        (*IV, "Why so few?"),
        (*P04, "The budget was cut."),
    ]


def test_a_list_read_out_keeps_its_numbers(tmp_path: Path) -> None:
    """R2: '(1)', '(2)', '(3)' on lines of their own mark a policy's points read out."""
    answer = (
        "It lists three things, and I can read them out:\n(1)\nEvery client has a recovery"
        " plan they wrote with us.\n(2)\nPeer workers sit in on reviews.\n(3)\nWe check the"
        " plan every three months."
    )
    f = _txt(
        tmp_path,
        [
            "Interviewer: What does the recovery policy ask of your team?",
            "",
            f"P04: {answer}",
            "",
            "Interviewer: Thank you. What gets in the way?",
            "",
            "P04: Time, mostly.",
        ],
    )
    assert _turns(f) == [
        (*IV, "What does the recovery policy ask of your team?"),
        (*P04, answer),
        (*IV, "Thank you. What gets in the way?"),
        (*P04, "Time, mostly."),
    ]


def test_a_phrase_said_twice_beside_page_footers_is_the_answer(tmp_path: Path) -> None:
    """R3: 'Staff shortages' on its own line twice, each a few lines above 'Page N of 3',
    is the participant's, not a running head."""
    f = _txt(
        tmp_path,
        [
            "Interviewer: What is the biggest barrier to recovery-focused work?",
            "",
            "P04: If I had to name one thing, it would be",
            "Staff shortages",
            "We are always running to stand still.",
            "",
            "Page 1 of 3",
            "",
            "Interviewer: And the second biggest?",
            "",
            "P04: Honestly, the same again.",
            "Staff shortages",
            "Nothing else comes close, not even money.",
            "",
            "Page 2 of 3",
            "",
            "Interviewer: What helps?",
            "",
            "P04: Supervision, and the peer workers we hired last year.",
            "",
            "Page 3 of 3",
        ],
    )
    assert _turns(f) == [
        (*IV, "What is the biggest barrier to recovery-focused work?"),
        (
            *P04,
            "If I had to name one thing, it would be\nStaff shortages\nWe are always running"
            " to stand still.",
        ),
        (*IV, "And the second biggest?"),
        (
            *P04,
            "Honestly, the same again.\nStaff shortages\nNothing else comes close, not even money.",
        ),
        (*IV, "What helps?"),
        (*P04, "Supervision, and the peer workers we hired last year."),
    ]


YEAH = [
    ("Interviewer", "What is the biggest barrier to recovery-focused work?"),
    ("P04", "Paperwork, and the commissioners asking for numbers."),
    ("Interviewer", "So the targets drive the work?"),
    ("P04", "Yeah, exactly that"),
    ("Interviewer", "And is that the same across the trust?"),
    ("P04", "Yeah, exactly that"),
    ("Interviewer", "What helps?"),
    ("P04", "Supervision, and the peer workers we hired last year."),
]
YEAH_TURNS = [
    (label, "interviewer" if label == "Interviewer" else "participant", words)
    for label, words in YEAH
]


def test_a_short_answer_said_twice_just_above_page_footers_is_the_answer(
    tmp_path: Path,
) -> None:
    """R3: lone labels with the words below (as Otter or Word PDFs print them); 'Yeah,
    exactly that' twice, each just above 'Page N of 3', is P04's answer both times."""
    lines: list[str] = []
    page = 0
    for label, words in YEAH:
        lines += [f"{label}:", words, ""]
        if label == "P04" and words != YEAH[1][1]:
            page += 1
            lines += [f"Page {page} of 3", ""]
    f = _txt(tmp_path, lines)
    assert f.read_text(encoding="utf-8").count("Page ") == 3
    assert _turns(f) == YEAH_TURNS


@pytest.mark.parametrize("form", ["docx", "txt"])
def test_a_short_answer_said_twice_with_no_pages_is_the_answer(tmp_path: Path, form: str) -> None:
    """The same interview with no page lines, a label and its words each a paragraph."""
    paragraphs = [p for label, words in YEAH for p in (f"{label}:", words)]
    f = _docx(tmp_path, paragraphs) if form == "docx" else _txt(tmp_path, paragraphs)
    assert _turns(f) == YEAH_TURNS
