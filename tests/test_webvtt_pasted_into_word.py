"""A WebVTT file pasted into Word (or saved as .docx) is read as its cues (session 87, fixer
readfix; hunt34 of session 86, P1).

The Word reader leaves out empty paragraphs, so the ``WEBVTT`` header block, which only a
blank line ended, ran over every cue: each such file was refused with "no speech found". A
timing line now opens a cue whatever block it is in (WebVTT allows no ``-->`` in a header or a
note), and the cue numbers of a file with no blank lines are left out as they are in Teams' old
Word transcripts."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

CUES = [
    ("Jo Lee", "How long have you managed the service?"),
    ("Sam Roe", "Twelve years."),
    ("Jo Lee", "Do you have enough staff?"),
    ("Sam Roe", "No, we lost three nurses."),
]


def _paragraphs(empty_between: bool, header: list[str]) -> list[str]:
    out = [*header]
    for i, (who, words) in enumerate(CUES):
        if empty_between:
            out.append("")
        out += [str(i + 1), f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 2:02d}.000"]
        out.append(f"{who}: {words}")
    return out


def _read_docx(path: Path, paragraphs: list[str]) -> Transcript:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Jo Lee"])


@pytest.mark.parametrize("empty_between", [True, False])
@pytest.mark.parametrize(
    "header", [["WEBVTT"], ["WEBVTT", "Kind: captions", "Language: en"]], ids=["bare", "kind"]
)
def test_a_webvtt_saved_as_docx_is_read_as_its_cues(
    tmp_path: Path, empty_between: bool, header: list[str]
) -> None:
    t = _read_docx(tmp_path / "zoom.docx", _paragraphs(empty_between, header))
    assert [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Jo Lee", "interviewer", "How long have you managed the service?", 0.0),
        ("Sam Roe", "participant", "Twelve years.", 2.0),
        ("Jo Lee", "interviewer", "Do you have enough staff?", 4.0),
        ("Sam Roe", "participant", "No, we lost three nurses.", 6.0),
    ]


def test_a_note_block_with_no_blank_line_after_it_does_not_swallow_the_cue(
    tmp_path: Path,
) -> None:
    path = tmp_path / "noted.vtt"
    path.write_text(
        "WEBVTT\n\nNOTE exported by hand\n00:00:00.000 --> 00:00:02.000\n"
        "Sam Roe: We opened in 2019.\n\n00:00:02.000 --> 00:00:04.000\n"
        "Sam Roe: Staffing was hard.\n",
        "utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert t.text[t.turns[0].start : t.turns[-1].end] == "We opened in 2019. Staffing was hard."
