"""Specification: a Word transcript's styles are looked up once per document, not per paragraph.

python-docx resolves a paragraph's (or run's) style by scanning every style of the document for
the default one each time; a 20-minute interview of 160 paragraphs spent 0.3 s of its 0.6 s
there (s40 scale test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

docx = pytest.importorskip("docx")


def interview(path: Path, answers: int) -> Path:
    d = docx.Document()
    d.add_heading("Interview with P07", level=1)
    for i in range(answers):
        q = d.add_paragraph()
        q.add_run("Interviewer:").bold = True
        q.add_run(f" What happened in week {i}?")
        a = d.add_paragraph(style="Normal")
        a.add_run("P07:", style="Strong")
        a.add_run(f" We met the team in week {i}.")
    d.save(str(path))
    return path


def test_the_default_styles_are_found_once_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx.oxml.styles import CT_Styles

    path = interview(tmp_path / "p07.docx", 30)
    calls: list[object] = []
    real = CT_Styles.default_for

    def counted(self: CT_Styles, style_type: object) -> object:
        calls.append(style_type)
        return real(self, style_type)

    monkeypatch.setattr(CT_Styles, "default_for", counted)
    read_transcript(path)
    assert len(calls) <= 2  # the default paragraph style and character style, at most once each


def test_styles_read_once_give_the_same_turns(tmp_path: Path) -> None:
    t = read_transcript(interview(tmp_path / "p07.docx", 2))
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "interviewer", "What happened in week 0?"),
        ("P07", "participant", "We met the team in week 0."),
        ("Interviewer", "interviewer", "What happened in week 1?"),
        ("P07", "participant", "We met the team in week 1."),
    ]
