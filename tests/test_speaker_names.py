"""An interviewer named with ``--interviewer`` matches a label that writes the name with a title,
a full stop, another case or spacing, or surname first (``Dr. Jane Smith``, ``Smith, Jane``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import is_interviewer, speaker_warning

# --- interviewer names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "given"),
    [
        ("Dr. Jane Smith", "Dr Jane Smith"),  # Rev writes the full stop
        ("Dr Jane Smith", "Dr. Jane Smith"),
        ("Dr Jane Smith", "Jane Smith"),
        ("Prof Jane Smith", "Jane Smith"),
        ("Professor Jane Smith", "Prof. Jane Smith"),
        ("Jane  Smith", "jane smith"),
        ("JANE SMITH", "Jane Smith"),
        ("Smith, Jane", "Jane Smith"),
        ("Jane Smith", "Smith, Jane"),
        ("SMITH, Jane (Interviewer team)", "Dr Jane Smith"),
        ("Mx Sam Roe", "Sam Roe"),
        ("Miss Sam Roe", "Sam Roe"),
    ],
)
def test_an_interviewer_name_matches_its_spellings(label: str, given: str) -> None:
    assert is_interviewer(label, [given])


@pytest.mark.parametrize(
    ("label", "given"),
    [
        ("Mrs Jane Smith", "Mr Jane Smith"),  # two titles: two people
        ("Jane Smithson", "Jane Smith"),
        ("Smith", "Jane Smith"),
        ("Jane", "Smith, Jane"),
        ("Smith, Jane", "Smith, John"),
    ],
)
def test_an_interviewer_name_does_not_match_another_person(label: str, given: str) -> None:
    assert not is_interviewer(label, [given])


REV = (
    "Interview_P27.mp3 (Completed  11/30/26)\nTranscript by Rev.com\n\n"
    "Dr. Jane Smith (00:00:02):\nOkay, I've started the recording. Could you say a little about "
    "your service?\n\n"
    "Priya Nair (00:00:09):\nSure. We're a domiciliary care agency.\n\n"
    "Dr. Jane Smith (00:00:20):\nSorry, go on.\n\n"
    "Priya Nair (00:00:22):\nCovering Stevenage and Hitchin.\n"
)


def test_a_rev_interviewer_with_a_full_stop_after_her_title_is_matched(tmp_path: Path) -> None:
    """Before, ``--interviewer "Dr Jane Smith"`` matched no label here: her 2 turns were coded
    as the participant's and the warning asked for ``--interviewer NAME``."""
    f = tmp_path / "rev_p27.txt"
    f.write_text(REV, "utf-8")
    t = read_transcript(f, interviewer_labels=["Dr Jane Smith"])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Dr. Jane Smith", "interviewer"),
        ("Priya Nair", "participant"),
    ] * 2
    assert speaker_warning(t) is None
