"""Two speakers in one subtitle cue (.vtt, .srt): each is read as their own turn, and the cue's
time is shared between them by the length of their words, so the second speaker's turn does not
claim to start before the first speaker's words end. Session 74 (readers2, 2): both parts kept
the cue's times (the interviewer's question began at 9.5 s with the answer it followed running
to 14 s), and two voice tags on one line (``<v Sam>...</v><v Jo>...</v>``) were read as Sam's
words alone, the question coded as his answer and fused to it (``us.So tell me``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ANSWER = "Honestly that is the biggest thing for us."
QUESTION = "So tell me about supervision, how often does it happen?"


def turns_of(t: Transcript) -> list[tuple[str, str, float | None, float | None]]:
    return [(u.speaker, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def read_quietly(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=["Jo"])


def subtitles(path: Path, shared: str) -> Path:
    """Four cues, the third (9.5 s to 14 s) holding ``shared``: Sam's answer and Jo's question."""
    sep = "," if path.suffix == ".srt" else "."
    cues = [
        ("00:00:01", "00:00:04", "Jo: What gets in the way of recovery-focused practice?"),
        ("00:00:04", "00:00:09", "Sam: Staffing, mostly. We lose people to the NHS."),
        ("00:00:09", "00:00:14", shared),
        ("00:00:14", "00:00:20", "Sam: Monthly, and we do reflective practice as a team."),
    ]
    blocks = [f"{n}\n{a}{sep}500 --> {b}{sep}000\n{text}" for n, (a, b, text) in enumerate(cues, 1)]
    head = "WEBVTT\n\n" if path.suffix == ".vtt" else ""
    path.write_text(head + "\n\n".join(blocks) + "\n", "utf-8")
    return path


SHARED = {
    "labels": f"Sam: {ANSWER}\nJo: {QUESTION}",
    "dashes": f"- Sam: {ANSWER}\n- Jo: {QUESTION}",
    "voice lines": f"<v Sam>{ANSWER}</v>\n<v Jo>{QUESTION}</v>",
    "voices on one line": f"<v Sam>{ANSWER}</v><v Jo>{QUESTION}</v>",
    "voices on one line, a blank between": f"<v Sam>{ANSWER}</v> <v Jo>{QUESTION}</v>",
}


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@pytest.mark.parametrize("shape", sorted(SHARED))
def test_two_speakers_in_one_cue_share_its_time(tmp_path: Path, suffix: str, shape: str) -> None:
    t = read_quietly(subtitles(tmp_path / f"rm06{suffix}", SHARED[shape]))
    turns = turns_of(t)
    assert [(s, w) for s, w, _, _ in turns] == [
        ("Jo", "What gets in the way of recovery-focused practice?"),
        ("Sam", f"Staffing, mostly. We lose people to the NHS. {ANSWER}"),
        ("Jo", QUESTION),
        ("Sam", "Monthly, and we do reflective practice as a team."),
    ]
    (_, _, _, answer_ends), (_, _, asked, asked_ends) = turns[1], turns[2]
    assert answer_ends is not None and asked is not None
    assert 9.5 < answer_ends == asked < 14.0  # the question begins where the answer ends
    assert asked_ends == 14.0
    # shared by the length of the words: the answer's 35 characters but blanks, the question's 46
    share = 35 / (35 + 46)
    assert asked == pytest.approx(9.5 + 4.5 * share, abs=0.001)  # 11.444
    # the answer's part is cited at its own share of the cue
    cues = next(c["cues"] for c in t.metadata["cue_times"] if c["turn"] == 1)
    assert cues[-1][1:] == [9.5, answer_ends]


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_one_speakers_cue_keeps_its_times(tmp_path: Path, suffix: str) -> None:
    t = read_quietly(subtitles(tmp_path / f"rm06{suffix}", f"Sam: {ANSWER}\n{QUESTION}"))
    assert [(s, b, e) for s, _, b, e in turns_of(t)][1] == ("Sam", 4.5, 20.0)
