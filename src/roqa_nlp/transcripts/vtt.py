"""WebVTT transcripts (.vtt), as Zoom, Teams and Otter export them.

Cues are read as described in :mod:`roqa_nlp.transcripts.cues`. The speaker of a cue is the name
in its voice tag (``<v Jane Smith>words</v>``) or a ``Name: words`` label at the start of its
text (Zoom's style); other tags (``<c>``, ``<i>``, ``<00:00:01.000>``) are removed and character
references (``&amp;``) decoded. A cue's lines are joined by a space. Consecutive cues of one
speaker form one turn (see :mod:`roqa_nlp.transcripts.utterances`); the transcript's text is the
canonical rendering of :mod:`roqa_nlp.transcripts.render`, and each cue's place and times in
its turn are kept so that a segment is cited at the time of its own cue
(:mod:`roqa_nlp.transcripts.cue_times`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from ..schema import Transcript
from .cues import cue_transcript
from .utterances import Utterance, speech_file_text

# A tag never contains "<" and the name takes the blanks after "v": overlapping runs made these
# searches quadratic in the length of a cue (half a minute for a 50 000-character cue).
VOICE_TAG = re.compile(r"<v(?:\.[^\s<>]*)?[ \t](?P<name>[^<>]*)>")
ANY_TAG = re.compile(r"<[^<>]*>")
#: The word a cue is the copy for, in a word-highlighting subtitle file: one word wrapped in a
#: tag of its own, underlined by Whisper's ``--highlight_words`` (``<u>We</u>``), coloured by
#: stable-ts (``<font color="#00ff00">We</font>``), in bold or a WebVTT class. A run of copies
#: is read once only where the highlighted word moves on from copy to copy
#: (:func:`.utterances.without_repeats`), so a word in italics in a line said again is talk.
HIGHLIGHTED_WORD = re.compile(
    r"<(?P<tag>u|b|i|font|c|span)(?:[.\s][^<>]*)?>[^<>\s]+</(?P=tag)>", re.IGNORECASE
)
#: A character reference ended by its ``;`` (``&amp;``, ``&#39;``, ``&#x2019;``): HTML's older
#: references without one (``&micro``, ``&para``) are words in a cue ("nurses&paramedics").
REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def _decoded(reference: re.Match[str]) -> str:
    """The character of one reference, a control character (``&#13;``) as a space."""
    text = html.unescape(reference.group())
    return " " if any(unicodedata.category(c) == "Cc" for c in text) else text


def unescaped(text: str) -> str:
    """``text`` with its character references ended by ``;`` decoded (:data:`REFERENCE`)."""
    return REFERENCE.sub(_decoded, text) if "&" in text else text


def cue_utterance(
    lines: Sequence[str],
    begin_time: float | None,
    end_time: float | None,
    *,
    markup: re.Pattern[str] = ANY_TAG,
) -> Utterance:
    """The words and speaker of one cue's text lines: ``markup`` (WebVTT's tags by default) is
    taken out and character references are decoded, and the place of a word highlighted in a
    tag of its own (:data:`HIGHLIGHTED_WORD`: Whisper's ``--highlight_words``, stable-ts's colour) is
    kept (:attr:`Utterance.underlined_word`). The .srt reader passes its own markup."""
    raw = " ".join(line.strip() for line in lines)
    voice = VOICE_TAG.search(raw)
    speaker = (unescaped(voice["name"]).strip() or None) if voice else None
    words = unescaped(markup.sub("", raw))
    name_line, after = None, ""
    if speaker is None and len(lines) >= 2:
        name_line = unescaped(markup.sub("", lines[0])).strip()
        after = unescaped(markup.sub("", " ".join(line.strip() for line in lines[1:])))
    underline = HIGHLIGHTED_WORD.search(raw)
    underlined = (
        len(unescaped(markup.sub("", raw[: underline.start()])).split()) if underline else None
    )
    return Utterance(
        words,
        speaker,
        begin_time,
        end_time,
        name_line=name_line,
        after_name=after,
        underlined_word=underlined,
    )


def read_vtt_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a WebVTT transcript (see the module docstring)."""
    return cue_transcript(
        speech_file_text(path, windows_1252=True),
        path,
        "vtt",
        cue_utterance,
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
