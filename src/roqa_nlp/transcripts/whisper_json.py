"""Whisper's JSON transcripts (.json): speech-to-text run on the researcher's own machine.

Transcribing recordings locally keeps them confidential, and the local tools write JSON:

- openai-whisper, faster-whisper, WhisperX and aTrain: ``{"segments": [{"start": 0.0, "end":
  4.2, "text": " words"}, ...]}``, times in seconds; WhisperX's diarisation (and aTrain's) adds
  each segment's ``"speaker"`` (``SPEAKER_00``);
- whisper.cpp (``-oj``): ``{"transcription": [{"offsets": {"from": 0, "to": 4200}, "text": "
  words"}, ...]}``, times in milliseconds.

Each segment is an utterance (:mod:`roqa_nlp.transcripts.utterances`); a ``Name: words`` label
opening its text names its speaker, as in a subtitle file. A segment without a speaker (in a
diarised file, one that fell in no speaker's turn: often the rest of a sentence the speaker
before began) continues the last speaker's turn; with no speaker anywhere the file is one
participant's unlabelled speech.
Other keys (``words``, ``tokens``, ``language`` ...) are ignored. The transcript's text is the
canonical rendering of :mod:`roqa_nlp.transcripts.render`, each segment's times kept so that a
coded segment is cited at its own time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import RoqaError, RoqaValueError
from ..io import decode_text, read_bytes
from ..schema import Transcript
from .utterances import (
    SPEAKER_TURN,
    Utterance,
    known_speaker,
    speech_file_text,
    utterances_transcript,
)

HINT = (
    "give the JSON that Whisper, faster-whisper, WhisperX, aTrain or whisper.cpp wrote (a "
    "'segments' or 'transcription' list of segments with their text)"
)


def whisper_segments(document: Any) -> tuple[list[Any], float] | None:
    """The segment list of a Whisper JSON document and how many of its time unit make a second
    (1, or 1000 for milliseconds), or None when ``document`` is not one."""
    if isinstance(document, list) and document and all(_is_segment(x) for x in document):
        return document, 1.0  # a script's json.dump of faster-whisper's segments
    if not isinstance(document, dict):
        return None
    for key, unit in (("segments", 1.0), ("transcription", 1000.0)):
        segments = document.get(key)
        if isinstance(segments, list):
            return segments, unit
    return None


def cloud_service(document: Any) -> str | None:
    """The cloud speech service whose JSON ``document`` is (AWS Transcribe, Azure, Google Cloud
    Speech-to-Text), by their top-level keys, else None."""
    if not isinstance(document, dict):
        return None
    if "jobName" in document and isinstance(document.get("results"), dict):
        return "AWS Transcribe"
    if "recognizedPhrases" in document:
        return "Azure Speech"
    results = document.get("results")
    first = results[0] if isinstance(results, list) and results else None
    if isinstance(first, dict) and "alternatives" in first:
        return "Google Cloud Speech-to-Text"
    return None


def _is_segment(item: Any) -> bool:
    """A segment of a bare list: a dict with its text and a start time."""
    return isinstance(item, dict) and isinstance(item.get("text"), str) and "start" in item


def is_whisper_json(path: str | Path, *, unreadable: bool = True) -> bool:
    """Whether ``path`` holds a Whisper JSON transcript. A file that cannot be read or decoded
    counts as one when ``unreadable`` (so that reading it as a transcript names what is wrong),
    else not (so that reading it as codings does)."""
    try:
        document = json.loads(decode_text(read_bytes(path), path))
    except (RoqaError, ValueError, RecursionError):
        return unreadable
    found = whisper_segments(document)
    # segments without text (a diarisation-only dump) are no transcript either
    return found is not None and any(
        isinstance(x, dict) and isinstance(x.get("text"), str) for x in found[0]
    )


def _time(value: Any, unit: float, where: str, path: str | Path) -> float | None:
    if value is None:
        return None
    try:
        seconds = float(value) / unit
    except (TypeError, ValueError, OverflowError):
        seconds = math.nan
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not 0 <= seconds < math.inf
    ):
        raise RoqaValueError(
            f"{where} is not a time in seconds ({value!r:.40})", path=path, hint=HINT
        )
    return seconds


def _utterance(segment: Any, unit: float, number: int, path: str | Path) -> Utterance:
    where = f"segment {number}"
    if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
        raise RoqaValueError(f"{where} has no text", path=path, hint=HINT)
    speaker = segment.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise RoqaValueError(
            f"{where}'s speaker is not a name ({speaker!r:.40})", path=path, hint=HINT
        )
    times = segment.get("offsets") if unit != 1.0 else segment
    if not isinstance(times, dict):
        times = {}
    begin, end = ("from", "to") if unit != 1.0 else ("start", "end")
    turn = segment.get("speaker_turn_next") is True  # tinydiarize: the speaker changes after
    return Utterance(
        words=segment["text"] + (f" {SPEAKER_TURN}" if turn else ""),
        speaker=known_speaker(speaker),
        begin_time=_time(times.get(begin), unit, f"{where}'s {begin}", path),
        end_time=_time(times.get(end), unit, f"{where}'s {end}", path),
    )


def read_whisper_json_transcript(
    path: str | Path,
    *,
    interviewer_labels: Sequence[str] | None = None,
    participant: str | None = None,
) -> Transcript:
    """Read a Whisper JSON transcript (see the module docstring)."""
    text = speech_file_text(path)
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as e:
        message = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
        raise RoqaValueError(f"is not valid JSON ({message})", path=path, hint=HINT) from None
    found = whisper_segments(document)
    if found is None:
        service = cloud_service(document)
        if service is not None:
            raise RoqaValueError(
                f"is {service}'s JSON, which is not read",
                path=path,
                hint="export the transcript from the service as .srt or .vtt (with speaker "
                "labels), or as a Word document",
            )
        raise RoqaValueError("is not a Whisper transcript", path=path, hint=HINT)
    segments, unit = found
    utterances = [_utterance(s, unit, n, path) for n, s in enumerate(segments, start=1)]
    return utterances_transcript(
        utterances,
        path,
        {"format": "whisper-json", "rendering": "canonical", "segments": len(segments)},
        interviewer_labels=interviewer_labels,
        participant=participant,
    )
