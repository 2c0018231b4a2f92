"""A word an automatic captioner split across two cues of one speaker (session 77 ux, LOW:
``cust`` / ``odial`` read as ``cust odial``) is joined whole; two words keep their space."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.split_words import joined_cue_words, split_in_a_word


def _vtt(path: Path, first: str, second: str) -> Path:
    path.write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nSam Roe: so what gets in the way\n\n"
        f"2\n00:00:04.500 --> 00:00:08.000\nDev Patel: {first}\n\n"
        f"3\n00:00:08.000 --> 00:00:11.000\nDev Patel: {second}\n",
        "utf-8",
    )
    return path


def test_a_word_split_across_two_cues_is_read_whole(tmp_path: Path) -> None:
    """/tmp/s77_ux/repro/midword.vtt: the two cues are one turn saying ``custodial``, each
    cue's words still cited at its own time (the second cue's piece starts mid-word)."""
    f = _vtt(
        tmp_path / "midword.vtt",
        "some staff are from a very cust",
        "odial background and they find the risk taking hard",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    said = "some staff are from a very custodial background and they find the risk taking hard"
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "so what gets in the way"),
        ("Dev Patel", said),
    ]
    assert t.metadata["cue_times"][0]["cues"] == [[0, 4.5, 8.0], [31, 8.0, 11.0]]
    assert said[31:36] == "odial"


@pytest.mark.parametrize(
    ("before", "after", "whole"),
    [
        ("a very cust", "odial background", True),
        ("my supp", "ort workers say", True),
        ("in the afte", "rnoon.", True),
        # each piece a word, or a stop word: two words
        ("we went in", "to the office", False),
        ("the job cent", "re's adviser", False),
        # capitals: a name, or a new sentence
        ("and then Al", "an rang", False),
        ("a very Cust", "odial background", False),
        # not letters at the joint: a sentence ended, a number
        ("a very cust.", "odial background", False),
        ("about 20", "odial", False),
    ],
)
def test_cue_words_are_joined_whole_only_inside_a_word(
    before: str, after: str, whole: bool
) -> None:
    assert split_in_a_word(before, after) is whole
    assert joined_cue_words([before, after]) == before + ("" if whole else " ") + after
    assert joined_cue_words([before, after, "and more"]).endswith(f"{after} and more")


def test_a_long_turn_of_cues_is_judged_a_joint_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """hunt1 session 78 F1: each joint was judged on the whole turn so far, so a file with no
    speaker names (one turn of thousands of cues, undiarised Whisper) took time growing with the
    square of its length (6,000 cues: 25 s, not 2). Each joint is judged by the last word before
    it: the characters scanned grow with the file."""
    import roqa_nlp.transcripts.split_words as split_words

    judged: list[str] = []

    def judge(before: str, after: str) -> bool:
        judged.append(before)
        return split_in_a_word(before, after)

    monkeypatch.setattr(split_words, "split_in_a_word", judge)
    cues = "".join(
        f"{k + 1}\n00:{k // 60:02d}:{k % 60:02d}.000 --> 00:{k // 60:02d}:{k % 60:02d}.900\n"
        f"we talked about the ward\n\n"
        for k in range(1000)
    )
    f = tmp_path / "whisper.vtt"
    f.write_text("WEBVTT\n\n" + cues, "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    (turn,) = t.turns
    assert t.text[turn.start : turn.end] == " ".join(["we talked about the ward"] * 1000)
    # each joint judged by the word before it alone, each at most twice (the turn's words, and
    # while its first cues may still be a backchannel's, .utterances)
    assert max(len(words) for words in judged) == len("ward")
    assert set(judged) == {"ward"}
    assert 999 <= len(judged) <= 2 * 999
    # a word mended across three cues is judged whole at the next joint, as before
    judged.clear()
    assert joined_cue_words(["my supp", "ort", "workers"]) == "my support workers"
    assert judged == ["supp", "support"]
