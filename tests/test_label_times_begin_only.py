"""A file timed only where its turns begin (``[00:00:12] P04:``, Rev's ``P04 (00:00:12):``,
Otter's ``Sian Lloyd  0:12``) gives each turn and segment a ``begin_time`` and no ``end_time``,
in a ``.txt`` and a Word file alike: it says when a turn begins, not when it ends
(docs/outputs.md, ``begin_time``, ``end_time``). Session 74 (f_satur, item 3) found the
formats' tests pin this deliberately; session 75 (readers3) documents it. Marks at a turn's end
time both."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

LINES = [
    "[00:00:05] Interviewer: What got in the way?",
    "[00:00:12] P04: Staffing, mostly. We lost two nurses last year.",
    "[00:00:40] Interviewer: And what helped?",
    "[00:00:44] P04: The recovery college training.",
]


def _write(path: Path, lines: list[str]) -> None:
    if path.suffix == ".docx":
        docx = pytest.importorskip("docx")
        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(str(path))
    else:
        path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_turns_timed_by_their_labels_have_a_begin_time_and_no_end_time(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"p04{suffix}"
    _write(path, LINES)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert [(u.begin_time, u.end_time) for u in t.turns] == [
        (5.0, None),
        (12.0, None),
        (40.0, None),
        (44.0, None),
    ]
    assert [(s.begin_time, s.end_time) for s in segment(t)] == [(12.0, None), (44.0, None)]


def test_marks_at_the_end_of_turns_time_both(tmp_path: Path) -> None:
    path = tmp_path / "p04.txt"
    _write(
        path,
        [
            "Interviewer: What got in the way? [00:00:05]",
            "P04: Staffing, mostly. We lost two nurses last year. [00:00:40]",
            "Interviewer: And what helped? [00:00:44]",
            "P04: The recovery college training, honestly. [00:00:50]",
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert [(s.begin_time, s.end_time) for s in segment(t)] == [(5.0, 40.0), (44.0, 50.0)]
