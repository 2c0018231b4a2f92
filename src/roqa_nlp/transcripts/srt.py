"""SubRip subtitle transcripts (.srt).

Numbered cues (``1``, ``00:00:01,000 --> 00:00:04,000``, text lines) are read as described in
:mod:`roqa_nlp.transcripts.cues`; HTML-style tags (``<i>``, ``<font>``) and ASS overrides
(``{\\an8}``) are removed, character references (``&amp;``, ``&#39;``, which video tools'
exports write) are decoded as in a .vtt, and a cue's lines are joined by a space. The speaker is
the name in a WebVTT voice tag (``<v Jane Smith>words</v>``, as some converters keep it) or a
``Name: words`` label at the start of the cue text; consecutive cues of one speaker form one
turn (see :mod:`roqa_nlp.transcripts.utterances`); the transcript's text is the canonical
rendering of :mod:`roqa_nlp.transcripts.render`, and each cue's place and times in its turn are
kept so that a segment is cited at the time of its own cue (:mod:`roqa_nlp.transcripts.cue_times`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..schema import Transcript
from .cues import cue_transcript
from .utterances import Utterance, speech_file_text
from .vtt import cue_utterance as vtt_cue_utterance

# A tag never contains "<" (nor an override "{"), so the search stays linear in the cue length.
MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>|\{\\[^{}]*\}")


def cue_utterance(
    lines: Sequence[str], begin_time: float | None, end_time: float | None
) -> Utterance:
    """The words and voice tag's speaker of one SubRip cue's text lines (a speaker label stays
    in the words), with character references decoded as in a .vtt."""
    return vtt_cue_utterance(lines, begin_time, end_time, markup=MARKUP)


def read_srt_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a SubRip transcript (see the module docstring)."""
    return cue_transcript(
        speech_file_text(path, windows_1252=True),
        path,
        "srt",
        cue_utterance,
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
