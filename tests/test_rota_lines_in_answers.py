"""A rota read out in a participant's answer: lines of a name and a time (``Dr. Smith 1:15``,
``A&E 1:15``, ``Ward 3 2:30``) inside the turn of a file whose speakers' labels are of another
form (``P04: words``, or Otter's ``Sarah Jones 00:00:05`` with an hour's mark). Before session
83 ``Ward 3 2:30``, read as a numbered role's label, opened a turn of a speaker 'Ward 3' (and in
an Otter file ``A&E``), taking the rest of the answer from the participant. Now such lines stay
the words of the answer; a speaker laid out as the others are (an interjection at any time, a
speaker first heard past the first hour) is still one."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

ROTA = "It depends on the rota. Last week it was\nDr. Smith 1:15\nA&E 1:15\nWard 3 2:30\nand then we handed over."


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end].strip()) for u in t.turns]


def test_a_rota_in_an_answer_of_colon_labels_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        f"Interviewer: Who covers the weekend?\nP04: {ROTA}\n"
        "Interviewer: And training?\nP04: Training is patchy.\n",
        encoding="utf-8",
    )
    assert _turns(_read(f)) == [
        ("Interviewer", "interviewer", "Who covers the weekend?"),
        ("P04", "participant", ROTA),
        ("Interviewer", "interviewer", "And training?"),
        ("P04", "participant", "Training is patchy."),
    ]


def test_one_rota_line_in_an_answer_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: Who covers the weekend?\nP04: Mostly the bank staff, and\nWard 3 2:30\n"
        "is the handover.\nInterviewer: And training?\nP04: Training is patchy.\n",
        encoding="utf-8",
    )
    assert [s for s, _, _ in _turns(_read(f))] == ["Interviewer", "P04", "Interviewer", "P04"]


def test_a_rota_in_an_otter_answer_with_hours_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "sarah.txt"
    f.write_text(
        "Interviewer 00:00:01\nWho covers the weekend?\n\n"
        f"Sarah Jones 00:00:05\n{ROTA}\n\n"
        "Interviewer 00:01:10\nAnd training?\n\nSarah Jones 00:01:15\nTraining is patchy.\n",
        encoding="utf-8",
    )
    t = _read(f)
    assert _turns(t) == [
        ("Interviewer", "interviewer", "Who covers the weekend?"),
        ("Sarah Jones", "participant", ROTA),
        ("Interviewer", "interviewer", "And training?"),
        ("Sarah Jones", "participant", "Training is patchy."),
    ]
    assert [u.begin_time for u in t.turns] == [1.0, 5.0, 70.0, 75.0]


def test_a_speaker_heard_once_past_the_first_hour_is_a_speaker(tmp_path: Path) -> None:
    """Otter's times gain an hour's mark past the first hour: a speaker heard only then, once,
    laid out as the others are but for it, opens a turn."""
    f = tmp_path / "sarah.txt"
    f.write_text(
        "Interviewer  58:01\nWho covers the weekend?\n\n"
        "Sarah Jones  58:05\nThe bank staff, mostly.\n\n"
        "Interviewer  59:10\nAnd training?\n\n"
        "Mary Okafor  1:00:02\nSorry, I need the keys for the drug cupboard.\n\n"
        "Sarah Jones  1:00:15\nTraining is patchy.\n",
        encoding="utf-8",
    )
    assert [s for s, _, _ in _turns(_read(f))] == [
        "Interviewer",
        "Sarah Jones",
        "Interviewer",
        "Mary Okafor",
        "Sarah Jones",
    ]
