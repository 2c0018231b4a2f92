"""A header line giving a role's person, by initials or a name, and a header field of its own
beside it (``Interviewer: C.E.   Duration: 24 minutes``, as a Word template's header row is
typed) is a header line, left out as the title block is, not the interviewer's first turn
(docs/transcripts.md, header lines). Session 82 tester daily12 (7): it was read as the
interviewer's turn and joined to the first question, so the first answer's context was
``C.E.   Duration: 24 minutes\\nHow did you first hear ...``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

FIXTURE = Path(__file__).parent / "data" / "conventions" / "header_role_beside_field.txt"
FIRST_QUESTION = "How did you first hear about recovery-oriented practice?"


def _docx(path: Path, paragraphs: list[str]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def _read(path: Path):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_a_role_line_with_a_field_beside_it_is_a_header_line(tmp_path: Path, kind: str) -> None:
    lines = [line for line in FIXTURE.read_text("utf-8").splitlines() if line.strip()]
    path = FIXTURE if kind == "txt" else _docx(tmp_path / "p14.docx", lines)
    t = _read(path)
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "interviewer", FIRST_QUESTION),
        ("P14", "participant", "At a conference in Leeds, years ago. A service user said it "
         "was to be done with her, not to her."),
        ("Interviewer", "interviewer", "What stops staff working that way?"),
        ("P14", "participant", "Fear, mostly. They worry they will be blamed if something "
         "happens."),
    ]  # fmt: skip
    assert [s.context for s in segment(t)] == [
        FIRST_QUESTION,
        "What stops staff working that way?",
    ]


@pytest.mark.parametrize(
    ("line", "header"),
    [
        ("Interviewer: Sam Roe   Location: Leeds", True),
        ("Interviewer: SR, Date: 3 May 2024", True),
        # talk: a greeting, a question after the field's word, a sentence before it
        ("Interviewer: Hello. Date: is it okay if we say the date for the recording?", False),
        ("Interviewer: Thanks Sam. Time: we have about an hour today.", False),
    ],
)
def test_only_a_person_then_a_field_and_its_value_make_the_header_line(
    tmp_path: Path, line: str, header: bool
) -> None:
    f = tmp_path / "p15.txt"
    f.write_text(
        f"{line}\n\nInterviewer: {FIRST_QUESTION}\n\nP15: At a conference in Leeds.\n", "utf-8"
    )
    t = _read(f)
    first = t.text[t.turns[0].start : t.turns[0].end]
    assert (first == FIRST_QUESTION) is header
    assert [u.speaker for u in t.turns][-1] == "P15"
