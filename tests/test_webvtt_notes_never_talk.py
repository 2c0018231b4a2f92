"""Guard: a WebVTT's NOTE blocks are never read as anyone's talk, also where the captions were
pasted into Word (which keeps no empty paragraph, so no blank line ends a NOTE block).

hunt40 s87, why 67ddb680 and eae13726 were reverted: reading such a Word file cue by cue put
`NOTE Confidence: 0.95` inside Sam Roe's coded segment, made `NOTE Confidence` a participant with
`0.87` coded as their words, and coded a researcher's own NOTE as the participant's, with no
warning. A file refused in one line ("no speech found") is the researcher told; NOTE text coded
as a participant's is not."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcript

STREAM = [
    "WEBVTT",
    "NOTE Confidence: 0.91",
    "00:00:00.000 --> 00:00:03.000",
    "<v Jo Lee>How many hours is the crisis line open?</v>",
    "NOTE Confidence: 0.87",
    "00:00:03.000 --> 00:00:06.000",
    "<v Sam Roe>We run it around the clock.</v>",
    "NOTE Confidence: 0.95",
    "00:00:06.000 --> 00:00:09.000",
    "<v Jo Lee>Who staffs it at night?</v>",
    "NOTE Confidence: 0.78",
    "00:00:09.000 --> 00:00:12.000",
    "<v Sam Roe>Two support workers and an on-call manager.</v>",
]
LABELLED = [
    "WEBVTT",
    "1",
    "00:00:00.000 --> 00:00:03.000",
    "Jo Lee: How long have you been the manager?",
    "2",
    "00:00:03.000 --> 00:00:06.000",
    "Sam Roe: Six years now.",
    "NOTE the recording paused here for a phone call",
    "3",
    "00:00:06.000 --> 00:00:09.000",
    "Jo Lee: What changed in that time?",
    "4",
    "00:00:09.000 --> 00:00:12.000",
    "Sam Roe: The team doubled.",
]


@pytest.mark.parametrize("lines", [STREAM, LABELLED], ids=["voice_tags", "name_labels"])
def test_notes_of_captions_pasted_into_word_are_no_ones_talk(
    tmp_path: Path, lines: list[str]
) -> None:
    path = tmp_path / "captions.docx"
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    try:
        t = read_transcript(path, interviewer_labels=["Jo Lee"])
    except RoqaError as refused:  # refused in one line, told what to give: nothing is coded
        assert str(refused) == (
            f"{path}: no speech found (WebVTT captions with no blank line between their blocks, "
            "as Word keeps them pasted: give the .vtt file the meeting tool saved)"
        )
        return
    said = [t.text[u.start : u.end] for u in t.turns]
    assert not [s for s in said if "NOTE" in s or "Confidence" in s or "paused" in s]
    assert {u.speaker for u in t.turns} <= {"Jo Lee", "Sam Roe"}


@pytest.mark.parametrize("lines", [STREAM, LABELLED], ids=["voice_tags", "name_labels"])
def test_notes_of_a_webvtt_with_blank_lines_are_no_ones_talk(
    tmp_path: Path, lines: list[str]
) -> None:
    """The same captions as the WebVTT file itself, a blank line after each block: read, with
    the NOTE blocks left out."""
    blocks: list[list[str]] = [[lines[0]]]
    for before, line in zip(lines, lines[1:], strict=False):
        is_id = line.isdigit()
        opens_cue = "-->" in line and not before.isdigit()
        if line.startswith("NOTE") or is_id or opens_cue:
            blocks.append([line])  # a NOTE, a cue id or a timing line with no id opens a block
        else:
            blocks[-1].append(line)
    path = tmp_path / "captions.vtt"
    path.write_text("\n\n".join("\n".join(b) for b in blocks) + "\n", encoding="utf-8")
    t = read_transcript(path, interviewer_labels=["Jo Lee"])
    said = {(u.speaker, t.text[u.start : u.end]) for u in t.turns}
    assert ("Sam Roe", "We run it around the clock.") in said or (
        "Sam Roe",
        "Six years now.",
    ) in said
    assert not [s for _, s in said if "NOTE" in s or "Confidence" in s or "paused" in s]
