"""The lines below a question marker read alike in .txt and .docx (session 71 f_lists
follow-up 1): ``Q.:`` alone on its line is the interviewer's label, the question on the lines
below, and ``A.:`` alone the answerer's. A .txt file is written one line per Word paragraph."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript


def _read(path: Path, lines: list[str]) -> Transcript:
    if path.suffix == ".docx":
        import docx

        d = docx.Document()
        for p in lines:
            d.add_paragraph(p)
        d.save(str(path))
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end].replace("\n\n", "\n")) for u in t.turns]


CASES = {
    # 1. Q.: alone on its line, the question below it (own017): no speaker labels were found, or
    # the list's 'i.' was the interviewer 'i', the question's first words left out
    "Q.: alone, a list below": (
        [
            "Q.:",
            "Two things.",
            "i. how did training go?",
            "ii. and the money.",
            "A.: It went well.",
        ],
        [
            ("Q", "interviewer", "Two things.\ni. how did training go?\nii. and the money."),
            ("A", "participant", "It went well."),
        ],
    ),
    "Q.: and A.: alone": (
        ["Q.:", "How did the training go?", "A.:", "It went well, but money was short."],
        [
            ("Q", "interviewer", "How did the training go?"),
            ("A", "participant", "It went well, but money was short."),
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_lines_below_a_question_marker_read_alike(
    tmp_path: Path, case: str, suffix: str
) -> None:
    lines, expected = CASES[case]
    assert _turns(_read(tmp_path / f"transcript{suffix}", lines)) == expected
