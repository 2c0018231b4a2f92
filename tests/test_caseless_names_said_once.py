"""A speaker who says one thing under a name written in a script with no capitals (Chinese
``李:``, Arabic ``محمد:``, Hebrew ``שרה כהן:``) among speakers labelled in Latin letters is a
speaker, as one under a capitalised name said once is (``Tiwa:``). Before session 84 (hunt19 D4,
hunt17's ``inv_mixed.txt``) the name, showing no capital, was read as no label: the member's
words joined the turn above, with no warning. Where the speakers who take turns are themselves
labelled in such a script (a Chinese transcript, ``采访者:``), a phrase said once before a colon
(``他说:``, "he said") is talk still."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

OTTER = """Sam Roe  0:05
Thanks for joining. Can you tell me about your service?

Jo Lee  0:20
We run a community mental health team with twelve staff across two sites.

Sam Roe  1:00
What gets in the way of recovery-focused work?

Jo Lee  1:10
Mostly the paperwork. The commissioners want numbers, not stories.

{once}

Sam Roe  2:45
What helps?

Jo Lee  2:50
Supervision, and a manager who listens.
"""
COLON = """Interviewer: What gets in the way?

P04: Mostly the paperwork, the commissioners want numbers.

{once}

Interviewer: And what helps?

P04: Supervision.
"""
ONCE = {
    "chinese": ("李", "我们也是这样，文件太多了。"),
    "arabic": ("محمد", "نفس الشيء عندنا، الكثير من الأوراق."),
    "hebrew": ("שרה כהן", "I am the deputy, and I agree about supervision."),
}


def _turns(path: Path, text: str, interviewer: str | None) -> list[tuple[str, str]]:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=[interviewer] if interviewer else None)
    return [(u.speaker, t.text[u.start : u.end].strip()) for u in t.turns]


@pytest.mark.parametrize("script", sorted(ONCE))
def test_a_name_of_no_capitals_said_once_among_timed_speakers_is_a_speaker(
    script: str, tmp_path: Path
) -> None:
    who, said = ONCE[script]
    turns = _turns(tmp_path / "otter.txt", OTTER.format(once=f"{who}: {said}"), "Sam Roe")
    assert turns[3:6] == [
        ("Jo Lee", "Mostly the paperwork. The commissioners want numbers, not stories."),
        (who, said),
        ("Sam Roe", "What helps?"),
    ]


@pytest.mark.parametrize("script", sorted(ONCE))
def test_a_name_of_no_capitals_said_once_among_typed_labels_is_a_speaker(
    script: str, tmp_path: Path
) -> None:
    who, said = ONCE[script]
    turns = _turns(tmp_path / "colon.txt", COLON.format(once=f"{who}: {said}"), None)
    assert turns == [
        ("Interviewer", "What gets in the way?"),
        ("P04", "Mostly the paperwork, the commissioners want numbers."),
        (who, said),
        ("Interviewer", "And what helps?"),
        ("P04", "Supervision."),
    ]


def test_a_phrase_said_once_where_the_speakers_labels_have_no_capitals_is_talk(
    tmp_path: Path,
) -> None:
    text = (
        "采访者: 工作中最大的困难是什么？\n\n"
        "参与者: 主要是文书工作。\n他说: 我们只要数字。\n就是这样。\n\n"
        "采访者: 什么有帮助？\n\n参与者: 督导。\n"
    )
    assert _turns(tmp_path / "chinese.txt", text, None) == [
        ("采访者", "工作中最大的困难是什么？"),
        ("参与者", "主要是文书工作。\n他说: 我们只要数字。\n就是这样。"),
        ("采访者", "什么有帮助？"),
        ("参与者", "督导。"),
    ]
