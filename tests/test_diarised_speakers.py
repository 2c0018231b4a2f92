"""Participants a transcription numbers (WhisperX's ``SPEAKER_01``, Otter's ``Speaker 2``), and
WhisperX segments with no speaker. Session 63 tester (readers, 3): a joint interview diarised
as SPEAKER_01 and SPEAKER_02 was said to be "the participant ... under 2 labels ..., read as one
person (renamed or rejoined in the call)", which numbers given by a transcription never show.
Readers, 4: two segments WhisperX left without a ``speaker``, read as the talk of the
interviewer before them, made the interviewer's guess fail ("no interviewer among the
speakers"), so every question was coded."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import participant_labels_warning
from test_cli_core import roqa

#: A joint interview: SPEAKER_00 asks, SPEAKER_01 and SPEAKER_02 answer (None: no speaker).
SEGMENTS = [
    ("SPEAKER_00", "Thanks for joining me, both of you,"),
    ("SPEAKER_00", "what does recovery mean in your service?"),
    ("SPEAKER_01", "For us recovery is people getting their own life back, not a cure. We are a"),
    (
        "SPEAKER_01",
        "supported living service for twelve people with long-term mental health needs.",
    ),
    ("SPEAKER_00", "And José, as deputy, what is your part in that?"),
    (None, "I run the rota and the supervision, and staffing is the biggest barrier."),
    ("SPEAKER_02", "We are two support workers short every weekend, so training waits."),
    ("SPEAKER_00", "What has helped you make it stick?"),
    ("SPEAKER_01", "A peer worker two days a week shifted the team more than any course did,"),
    ("SPEAKER_01", "because she can say what it felt like when staff decided for her, and nobody"),
    ("SPEAKER_01", "can argue with that. We also rewrote the care plans in the residents' words."),
    ("SPEAKER_00", "Did the commissioners support the change?"),
    (None, "Not really. The contract still pays by hours of care delivered."),
    ("SPEAKER_02", "It is a perverse incentive, and they know it."),
    ("SPEAKER_00", "Thank you both, that is everything from me."),
    ("SPEAKER_01", "Thanks, and good luck with the write-up."),
]


def write_whisperx(folder: Path, name: str, segments: list[tuple[str | None, str]]) -> Path:
    out = []
    for i, (speaker, text) in enumerate(segments):
        seg: dict[str, object] = {"start": 5.0 * i, "end": 5.0 * i + 4.5, "text": " " + text}
        if speaker is not None:
            seg["speaker"] = speaker
        out.append(seg)
    path = folder / name
    path.write_text(json.dumps({"segments": out}), "utf-8")
    return path


def _read(path: Path, *interviewer: str) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=list(interviewer) or None)


def _numbered(where: Path | str, shown: str, case: str, own: str = "P05") -> str:
    """``own``: the ids the hint extends, the case's own where it is an id (hunt s68 D2)."""
    return (
        f"{where}: 2 participants speak under the numbers a transcription gave them ({shown}), "
        f"which name no one, so they are counted and cited as one case, {case}: to count and "
        f"cite each, label each one's turns with their own id ('{own}a: ...', '{own}b: ...')"
    )


def test_two_participants_whisperx_numbers_are_two_not_one_renamed(tmp_path: Path) -> None:
    labelled = [(s or "SPEAKER_02", text) for s, text in SEGMENTS]
    path = write_whisperx(tmp_path, "rm03.json", labelled)
    t = _read(path)
    assert t.metadata["interviewer_guessed"] == "SPEAKER_00"
    assert participant_labels_warning(t) == _numbered(
        path, "'SPEAKER_01', 'SPEAKER_02'", "RM03", "RM03"
    )


def test_two_participants_numbered_by_otter_are_two_not_one_renamed(tmp_path: Path) -> None:
    path = tmp_path / "joint.txt"
    path.write_text(
        "\n\n".join(
            f"{(s or 'SPEAKER_02').replace('SPEAKER_0', 'Speaker ')}: {text}"
            for s, text in SEGMENTS
            if text != SEGMENTS[0][1]
        ),
        "utf-8",
    )
    t = _read(path)
    assert {u.speaker: u.role for u in t.turns} == {
        "Speaker 0": "interviewer",
        "Speaker 1": "participant",
        "Speaker 2": "participant",
    }
    assert participant_labels_warning(t) == _numbered(path, "'Speaker 1', 'Speaker 2'", "joint")


def test_segments_without_a_speaker_do_not_stop_the_interviewer_guess(tmp_path: Path) -> None:
    path = write_whisperx(tmp_path, "rm03.json", SEGMENTS)
    guessed = _read(path)
    named = _read(path, "SPEAKER_00")
    assert guessed.metadata["interviewer_guessed"] == "SPEAKER_00"
    assert [(u.speaker, u.role) for u in guessed.turns] == [
        (u.speaker, u.role) for u in named.turns
    ]
    run = roqa("inspect", path)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"check: {path}: no speaker is named as the interviewer, so 'SPEAKER_00', who asks the "
        "questions (4 of 5 turns), was taken as the interviewer"
    ) in said
    assert (
        f"check: {path}: 2 segments with no speaker's name right after a change of speaker to "
        "the interviewer were read as the talk of the speaker before them (00:00:25.000 'I run "
        "the rota and the supervision, and staffing is the big…', read as "
        "SPEAKER_00's talk; and at 00:01:00.000): a participant's answer that opens on such a "
        "segment is not coded, so put the speaker's name on each of them"
    ) in said
    assert said.endswith("1 transcript(s), 5 participant turn(s) to code; 3 to check (above).")


def test_numbered_speakers_with_no_interviewer_are_speakers_coded_as_participants(
    tmp_path: Path,
) -> None:
    """Session 63 hunt h_diar, D2: under "no interviewer among the speakers", the note said "2
    participants speak", though one of them asks every question."""
    path = write_whisperx(
        tmp_path,
        "p26.json",
        [
            ("SPEAKER_00", "What does recovery mean in your service?"),
            ("SPEAKER_01", "For us recovery is people getting their own life back."),
            (None, "And what gets in the way of that?"),
            ("SPEAKER_01", "Staffing is the biggest barrier."),
            (None, "What has helped?"),
            ("SPEAKER_01", "A peer worker helped."),
            ("SPEAKER_00", "Thank you."),
            ("SPEAKER_01", "Thanks."),
        ],
    )
    t = _read(path)
    assert "interviewer_guessed" not in t.metadata
    assert participant_labels_warning(t) == (
        f"{path}: 2 speakers under the numbers a transcription gave them ('SPEAKER_00', "
        "'SPEAKER_01'), which name no one, are all coded as participants, counted and cited as "
        "one case, P26: to count and cite each, label each one's turns with their own id "
        "('P26a: ...', 'P26b: ...')"
    )


def test_speakers_lettered_by_a_transcription_are_two_not_one_renamed(tmp_path: Path) -> None:
    """Session 63 hunt h_diar, D2: AssemblyAI's ``Speaker A``/``Speaker B`` were "read as one
    person ... (renamed or rejoined in the call)"."""
    path = tmp_path / "rm14.txt"
    path.write_text(
        "Interviewer: What does recovery mean in your service?\n\n"
        "Speaker A: For us recovery is people getting their own life back, not a cure.\n\n"
        "Speaker B: I agree, and it is about choice for residents.\n\n"
        "Interviewer: And what gets in the way?\n\n"
        "Speaker A: Staffing is the biggest barrier, we are always short.\n\n"
        "Speaker B: Training waits because of the rota every weekend.\n",
        "utf-8",
    )
    assert participant_labels_warning(_read(path)) == (
        f"{path}: 2 participants speak under the letters a transcription gave them "
        "('Speaker A', 'Speaker B'), which name no one, so they are counted and cited as one "
        "case, RM14: to count and cite each, label each one's turns with their own id "
        "('RM14a: ...', 'RM14b: ...')"
    )
