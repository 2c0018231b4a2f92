"""Specification: reading a subtitle file (.vtt, .srt) tries each cue line's text against the
speaker-label pattern once, and the interviewer guess reads each turn of a transcript with no
punctuation once for a question.

A cue's first line was matched against ``LABEL_LINE`` four times in one read (for a Zoom chat
message, for a bare chevron, twice to part the cue by voice): on a one-megabyte line that is
1.2 s a reading, most of the time of the long-line reader tests (s71 fixer, speed)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from roqa_nlp.schema import Turn
from roqa_nlp.transcripts import cues, read_transcript, roles, speaker_labels

ZOOM = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Sam Roe: Thanks for joining. Could you tell me about your service?

2
00:00:04.500 --> 00:00:09.000
Priya Nair: We had real trouble recruiting staff last winter.
- Sam Roe: What did you try first?

3
00:00:09.500 --> 00:00:12.000
>> Priya Nair: and the IT system did not help.

4
00:00:12.500 --> 00:00:15.000
{line}
"""


def _label_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    reads: Counter[str] = Counter()
    real = cues.LABEL_LINE

    class Counted:
        def match(self, text: str) -> re.Match[str] | None:
            reads[text] += 1
            return real.match(text)

    monkeypatch.setattr(cues, "LABEL_LINE", Counted())
    return reads


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_each_cue_line_is_read_for_a_label_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    reads = _label_reads(monkeypatch)
    text = ZOOM.format(line="staff " * 2_000)
    if suffix == ".srt":
        text = re.sub(r"(\d)\.(\d{3})", r"\1,\2", text.removeprefix("WEBVTT\n\n"))
    path = tmp_path / f"p04{suffix}"
    path.write_text(text, encoding="utf-8")
    t = read_transcript(path)
    assert [turn.speaker for turn in t.turns] == ["Sam Roe", "Priya Nair", "Sam Roe", "Priya Nair"]
    assert reads["staff " * 2_000] == 1  # was 3
    assert reads and max(reads.values()) == 1, reads.most_common(3)  # the first cue's was 4


def test_a_turn_of_unpunctuated_talk_is_read_for_a_question_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: Counter[str] = Counter()
    real = roles.asks_unpunctuated

    def counted(words: str) -> bool:
        asked[words] += 1
        return real(words)

    monkeypatch.setattr(roles, "asks_unpunctuated", counted)
    said = [("Sam", "could you tell me about your service"), ("Jo", "we lacked staff all winter")]
    text, turns = "", []
    for speaker, words in said:
        turns.append(Turn(speaker, "participant", len(text), len(text) + len(words)))
        text += words + "\n"
    stats = roles._asker_stats(text, turns)
    assert stats == {"Sam": [1, 1, 1, 7], "Jo": [1, 0, 0, 5]}
    assert asked == Counter(words for _, words in said)


def test_a_header_is_looked_for_with_the_labels_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[list[str]] = []
    real = speaker_labels.names_no_speaker

    def counted(labels: list[str], interviewer_labels: object = None) -> bool:
        reads.append(labels)
        return real(labels)

    monkeypatch.setattr(speaker_labels, "names_no_speaker", counted)
    labels = ["Sam Roe", "Priya Nair", "Sam Roe", "Priya Nair"]
    words = ["Thanks for joining.", "We lacked staff.", "Why was that?", "Funding, mostly."]
    # no field beside the speakers, so the header is looked for twice (describing a role or not)
    assert speaker_labels.header_lines(labels, words) == set()
    assert reads == [labels]  # was read for each look
