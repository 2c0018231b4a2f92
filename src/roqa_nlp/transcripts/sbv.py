"""YouTube's captions (.sbv), as YouTube Studio downloads them.

A cue is a timing line of two times parted by a comma (``0:00:03.120,0:00:10.700``), its text
lines, and a blank line: a SubRip cue without its number, read as a .vtt's cues are
(:mod:`roqa_nlp.transcripts.cues`, :func:`~.cues.sbv_as_cues`). The speaker is a ``Name:
words`` label at the start of the cue text or a captioner's mark (``>>``, ``[Name]``);
consecutive cues of one speaker form one turn, rendered canonically, each cue's times kept for
the quotes taken from it (:mod:`roqa_nlp.transcripts.cue_times`). A .sbv saved as .txt is read
the same way (:mod:`.text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..schema import Transcript
from .cues import cue_transcript
from .utterances import speech_file_text
from .vtt import cue_utterance


def read_sbv_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read YouTube's captions (see the module docstring)."""
    return cue_transcript(
        speech_file_text(path, windows_1252=True),
        path,
        "sbv",
        cue_utterance,
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
