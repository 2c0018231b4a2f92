"""A Word transcript whose interviewer's questions are set in bold, with no label, above the
participant's plain answers (session 52 fixer 'readers', finding 4). Bold type names no speaker
(docs/transcripts.md: a bold speaker *name* is a label, not bold words), so the file has no
speaker labels and each paragraph is a turn; the warning says the bold paragraphs ask the
questions and how to label them, and no answer is said to be split by a repeated label."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

QA = [
    (
        "Thanks for joining. Can you tell me about your role?",
        "I manage a supported living service in Leeds, twelve tenants.",
    ),
    (
        "What gets in the way of training for your team?",
        "Honestly, the rota. We are commissioned for one worker where two are needed.",
    ),
    ("Is there anything that helps?", "Supervision, every month, and the deputy covering."),
]


def bold_questions(path: Path, qa: list[tuple[str, str]] = QA) -> Path:
    """A .docx of each question in a bold paragraph above its answer in plain type."""
    from docx import Document

    doc = Document()
    for question, answer in qa:
        doc.add_paragraph().add_run(question).bold = True
        doc.add_paragraph(answer)
    doc.save(str(path))
    return path


def read_warned(f: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(speaker, role, words) of each turn of ``f`` and its warnings; offsets checked."""
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(f)
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    turns = [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]
    return turns, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_unlabelled_paragraphs_are_not_said_to_be_split_by_a_repeated_label(
    tmp_path: Path,
) -> None:
    """The canonical text writes 'Participant: ' before each of an unlabelled file's
    paragraphs: that is no label the file repeats, so no '5 turns split by a repeated speaker
    label (lines 3, 5, ...)' (there was one, with a fix to delete labels the file lacks)."""
    f = bold_questions(tmp_path / "rm80.docx")
    turns, warned = read_warned(f)
    assert turns == [("Participant", "participant", words) for pair in QA for words in pair]
    assert not [w for w in warned if "repeated speaker label" in w]


def test_bold_questions_without_a_label_are_named_in_the_warning_with_the_fix(
    tmp_path: Path,
) -> None:
    """The warning gave the generic fix ('label the turns ... or, if each speaker's name stands
    on a line of its own ...'); it now says the bold paragraphs ask the questions, that bold
    type names no speaker, and how to label them. The paragraphs stay the participant's turns:
    bold is no label (a participant's bold paragraph would otherwise go uncoded)."""
    f = bold_questions(tmp_path / "rm81.docx")
    turns, warned = read_warned(f)
    assert turns == [("Participant", "participant", words) for pair in QA for words in pair]
    assert warned == [
        f"{f}: no speaker labels found, so all of it is coded as the participant's talk, "
        "questions included (its 3 paragraphs in bold ask questions, as an interviewer's set "
        "in bold do, but bold type names no speaker: label each 'Interviewer: ...' and each "
        "answer 'P04: ...')"
    ]


def test_a_bold_paragraph_of_emphasis_gets_the_usual_fix(tmp_path: Path) -> None:
    """One bold paragraph that asks (a participant's own emphasis) is no layout of questions:
    the generic fix stays."""
    qa = [("Why would anyone stay?", QA[0][1]), (QA[1][1], QA[2][1])]
    f = bold_questions(tmp_path / "rm82.docx", qa)
    _, warned = read_warned(f)
    assert warned == [
        f"{f}: no speaker labels found, so all of it is coded as the participant's talk, "
        "questions included (label the turns 'Interviewer: ...' and 'P04: ...', or, if each "
        "speaker's name stands on a line of its own above their words, name the participant "
        "with participant_labels=['NAME'] (and the interviewer with interviewer_labels=['NAME'] "
        "unless labelled 'Interviewer'))"
    ]
