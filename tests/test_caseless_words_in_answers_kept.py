"""A word or phrase in a script without capitals (Chinese, Hindi) that opens a line inside an
answer, before a colon, is the answer's words: a word explained (``简单: simple``), an
interpreter's gloss, ``我觉得:`` ("I think:") in a Chinese interview. A rule that read such a
label said once among speakers labelled in Latin letters as a new speaker (160bcf99, session
84) gave it the rest of the answer in 98 of hunt23's files and was reverted; each case here is
read as at 7edb2e6d."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

Q0 = ("Sam Roe", "interviewer", "Thanks for joining. Can you tell me about your service?")
A0 = (
    "Jo Lee",
    "participant",
    "We run a community mental health team with twelve staff across two sites.",
)
Q1 = ("Sam Roe", "interviewer", "What gets in the way of recovery-focused work?")
Q2 = ("Sam Roe", "interviewer", "What helps?")
A2 = ("Jo Lee", "participant", "Supervision, and a manager who listens.")
ANSWER = "Mostly the culture of the team. We have a word for it.\n\n{line}\n\nThat is the heart of it for me."


def _colon_file(line: str) -> str:
    return (
        f"{Q0[0]}: {Q0[2]}\n\n{A0[0]}: {A0[2]}\n\n{Q1[0]}: {Q1[2]}\n\n"
        f"Jo Lee: {ANSWER.format(line=line)}\n\n{Q2[0]}: {Q2[2]}\n\n{A2[0]}: {A2[2]}\n"
    )


def _otter_file(line: str) -> str:
    return (
        f"Sam Roe  0:05\n{Q0[2]}\n\nJo Lee  0:20\n{A0[2]}\n\nSam Roe  1:00\n{Q1[2]}\n\n"
        f"Jo Lee  1:10\n{ANSWER.format(line=line)}\n\n"
        f"Sam Roe  2:45\n{Q2[2]}\n\nJo Lee  2:50\n{A2[2]}\n"
    )


CASES = {
    "chinese_word_colon_labels": (
        _colon_file,
        "简单: simple, that is what it means, keep it simple.",
    ),
    "hindi_word_otter": (_otter_file, "जुगाड़: jugaad, making do with what you have."),
}


def _turns(path: Path) -> list[tuple[str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_word_in_another_script_explained_in_an_answer_stays_the_answers_words(
    case: str, tmp_path: Path
) -> None:
    layout, line = CASES[case]
    path = tmp_path / f"{case}.txt"
    path.write_text(layout(line), encoding="utf-8")
    assert _turns(path) == [
        Q0,
        A0,
        Q1,
        ("Jo Lee", "participant", ANSWER.format(line=line)),
        Q2,
        A2,
    ]


def test_a_phrase_before_a_colon_in_a_chinese_answer_stays_the_answers_words(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chinese_interview.txt"
    path.write_text(
        "I: 请介绍一下你们的服务？\n\nP: 我们是一个社区心理健康团队，有十二个员工。\n\n"
        "I: 工作中最大的困难是什么？\n\nP: 主要是文书工作。\n我觉得: 文件太多，时间不够。\n"
        "还有人手也不够。\n\nI: 什么有帮助？\n\nP: 督导，还有一个愿意听的经理。\n",
        encoding="utf-8",
    )
    assert _turns(path) == [
        ("I", "interviewer", "请介绍一下你们的服务？"),
        ("P", "participant", "我们是一个社区心理健康团队，有十二个员工。"),
        ("I", "interviewer", "工作中最大的困难是什么？"),
        ("P", "participant", "主要是文书工作。\n我觉得: 文件太多，时间不够。\n还有人手也不够。"),
        ("I", "interviewer", "什么有帮助？"),
        ("P", "participant", "督导，还有一个愿意听的经理。"),
    ]
