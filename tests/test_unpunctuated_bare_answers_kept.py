"""A participant's bare answer in captions with no punctuation is an answer, not a backchannel
(session 87, fixer readfix; hunt34 of session 86, P2).

Auto captions write no question marks, so ``Jo Lee: has the new referral pathway helped`` /
``Sam Roe: absolutely`` / ``Jo Lee: how many vacancies are there now`` read as a backchannel
inside the interviewer's turn: the answer was left out at read time and the two questions
joined. In talk that marks no question anywhere, a short reply right after the interviewer's
turn is kept, and coded, as the answer; with no interviewer known, a short reply is kept where
the turn after it opens a new question. What stays left out: the interviewer's ``yeah`` inside
a participant's answer, another member's ``mm`` inside a participant's turn, and, in a
punctuated file, a participant's ``Mm-hmm.`` after a remark that does not ask."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import questions_before, segment


def _vtt(lines: list[str]) -> str:
    """A Zoom-style subtitle file: numeric ids, one labelled line per cue, 2 s each."""
    out = ["WEBVTT", ""]
    for i, line in enumerate(lines):
        out += [str(i + 1), f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 2:02d}.000", line, ""]
    return "\n".join(out)


def _read(
    tmp_path: Path, lines: list[str], suffix: str = ".vtt", labels: list[str] | None = None
) -> Transcript:
    path = tmp_path / f"captions{suffix}"
    path.write_text(_vtt(lines) if suffix == ".vtt" else "\n\n".join(lines) + "\n", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Jo Lee"] if labels is None else labels)


def _turns(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


AUTO = [
    "Jo Lee: do you have enough staff",
    "Sam Roe: no",
    "Jo Lee: has the new referral pathway helped",
    "Sam Roe: absolutely",
    "Jo Lee: how many vacancies are there now",
    "Sam Roe: twelve",
]


def test_a_bare_answer_in_auto_captions_is_kept_and_coded(tmp_path: Path) -> None:
    t = _read(tmp_path, AUTO)
    assert _turns(t) == [
        ("Jo Lee", "do you have enough staff"),
        ("Sam Roe", "no"),
        ("Jo Lee", "has the new referral pathway helped"),
        ("Sam Roe", "absolutely"),
        ("Jo Lee", "how many vacancies are there now"),
        ("Sam Roe", "twelve"),
    ]
    assert not t.metadata.get("backchannels_left_out")
    assert [s.text for s in segment(t)] == ["no", "absolutely", "twelve"]
    # each answer's context is its own question, not the two joined
    assert [
        q for q, u in zip(questions_before(t), t.turns, strict=True) if u.role != "interviewer"
    ] == [
        "do you have enough staff",
        "has the new referral pathway helped",
        "how many vacancies are there now",
    ]


def test_a_bare_answer_in_an_unpunctuated_text_file_is_coded(tmp_path: Path) -> None:
    t = _read(tmp_path, AUTO, suffix=".txt")
    assert [s.text for s in segment(t)] == ["no", "absolutely", "twelve"]


def test_the_interviewers_yeah_inside_an_answer_is_still_left_out(tmp_path: Path) -> None:
    t = _read(
        tmp_path,
        [
            "Jo Lee: how has staffing been",
            "Sam Roe: we lost three nurses last winter",
            "Jo Lee: yeah",
            "Sam Roe: and nobody applied for the posts",
        ],
    )
    assert _turns(t) == [
        ("Jo Lee", "how has staffing been"),
        ("Sam Roe", "we lost three nurses last winter\nand nobody applied for the posts"),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_a_members_mm_inside_a_participants_turn_is_still_left_out(tmp_path: Path) -> None:
    t = _read(
        tmp_path,
        [
            "Jo Lee: how has staffing been",
            "Sam Roe: we lost three nurses last winter",
            "Ann Bell: mm",
            "Sam Roe: and nobody applied for the posts",
        ],
    )
    assert _turns(t) == [
        ("Jo Lee", "how has staffing been"),
        ("Sam Roe", "we lost three nurses last winter\nand nobody applied for the posts"),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_a_mm_after_a_remark_in_a_punctuated_file_is_still_left_out(tmp_path: Path) -> None:
    t = _read(
        tmp_path,
        [
            "Jo Lee: That must have been hard.",
            "Sam Roe: Mm-hmm.",
            "Jo Lee: What got in the way?",
            "Sam Roe: Mostly the rota.",
        ],
    )
    assert _turns(t) == [
        ("Jo Lee", "That must have been hard.\nWhat got in the way?"),
        ("Sam Roe", "Mostly the rota."),
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert [s.text for s in segment(t)] == ["Mostly the rota."]


def test_with_no_interviewer_known_a_reply_before_a_new_question_is_kept(tmp_path: Path) -> None:
    t = _read(tmp_path, AUTO, labels=[])
    assert [t.text[u.start : u.end] for u in t.turns][2:5] == [
        "has the new referral pathway helped",
        "absolutely",
        "how many vacancies are there now",
    ]
    assert not t.metadata.get("backchannels_left_out")


def test_with_no_interviewer_known_a_mm_inside_a_turn_is_still_left_out(tmp_path: Path) -> None:
    t = _read(
        tmp_path,
        [
            "Sam Roe: we lost three nurses last winter",
            "Ann Bell: mm",
            "Sam Roe: and nobody applied for the posts",
        ],
        labels=[],
    )
    assert _turns(t) == [
        ("Sam Roe", "we lost three nurses last winter\nand nobody applied for the posts")
    ]
    assert t.metadata["backchannels_left_out"] == 1
