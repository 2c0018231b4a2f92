"""Subtitle cues with no speaker's name right after a change of speaker, in a file that names
the speaker of each cue (speech-to-text, a hand-edited Zoom file): read as the talk of the
speaker before them, as before, and warned of where that speaker is the interviewer, since an
answer opening on such a cue after the interviewer's question is read as the interviewer's and
not coded (the s40 tester's speech-to-text files: 12.6 % of the participants' words)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment
from roqa_nlp.transcripts.unlabelled import after_change_warning, unnamed_opening_warning
from test_cli_core import roqa

DATA = Path(__file__).parent / "data" / "unlabelled_cues"


def turns_of(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def read_warned(path: Path, **kwargs: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **kwargs)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_unlabelled_cues_after_a_change_of_speaker_keep_the_speaker_before_them() -> None:
    t, _ = read_warned(DATA / "p07_asr.vtt", interviewer_labels=["Speaker 1"])
    assert turns_of(t) == [
        ("Speaker 1", "Thanks for joining. How has your week been?"),
        ("Speaker 2", "Busy, the inspection was on Monday. and the rota was short all week. "
         "But we got through it."),
        ("Speaker 1", "What does recovery mean to you? for me it is about people setting "
         "their own goals"),
        ("Speaker 2", "even when the symptoms are still there."),
        ("Speaker 1", "And what gets in the way? staffing mostly"),
        ("Speaker 2", "and the budget."),
    ]  # fmt: skip


def test_unlabelled_cues_after_a_change_to_the_interviewer_are_warned_of_in_one_line() -> None:
    """The cues at 00:00:16.500 and 00:00:26.500 open answers and were read as the interviewer's:
    warned of; the one at 00:00:07.000 went on with the participant's talk, coded either way."""
    f = DATA / "p07_asr.vtt"
    t, said = read_warned(f, interviewer_labels=["Speaker 1"])
    expected = (
        f"{f}: 2 cues with no speaker's name right after a change of speaker to the interviewer "
        "were read as the talk of the speaker before them (00:00:16.500 'for me it is about "
        "people setting their own goals', read as Speaker 1's talk; and at 00:00:26.500): a "
        "participant's answer that opens on such a cue is not coded, so put the speaker's name "
        "on each of them"
    )
    assert said == [expected]
    assert after_change_warning(t) == expected
    assert t.metadata["unlabelled_talk_after_change"] == [
        "00:00:07.000",
        "00:00:16.500",
        "00:00:26.500",
    ]


def test_without_an_interviewer_nothing_is_left_uncoded_and_nothing_is_warned_of() -> None:
    """Named as a participant, Speaker 1's talk is coded too: no answer is lost."""
    t, said = read_warned(DATA / "p07_asr.vtt", participant_labels=["Speaker 1", "Speaker 2"])
    assert {u.role for u in t.turns} == {"participant"}
    assert after_change_warning(t) is None
    assert not any("change of speaker" in s for s in said)


def test_a_file_that_names_each_turns_speaker_once_is_not_warned_of() -> None:
    """Otter's and subtitle editors' files name a turn's speaker on its first cue only: every
    turn's later cues come after a change of speaker, and are its own."""
    t, said = read_warned(DATA / "p08_named_once.srt")
    assert turns_of(t)[1] == (
        "P08",
        "Busy, the inspection was on Monday, and the rota was short all week.",
    )
    assert said == []
    assert after_change_warning(t) is None


OPENING = "Okay, I think we're recording now. Thanks for joining me today."


def _zoom_call(first: str, suffix: str) -> str:
    """A Zoom call's subtitles whose first cue is ``first``, then Sam Roe and Priya Nair."""
    cues = [
        first,
        "Sam Roe: So can you start by telling me about your service?",
        "Priya Nair: We run a supported living service for twelve people.",
    ]
    sep = "." if suffix == ".vtt" else ","
    body = "".join(
        f"{n}\n00:00:{4 * n - 3:02d}{sep}000 --> 00:00:{4 * n:02d}{sep}000\n{words}\n\n"
        for n, words in enumerate(cues, 1)
    )
    return ("WEBVTT\n\n" if suffix == ".vtt" else "") + body


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_a_first_cue_naming_no_speaker_is_warned_of_as_an_unknown_participants_talk(
    tmp_path: Path, suffix: str
) -> None:
    """Zoom writes its first cue with no name before it knows who speaks (typically the
    interviewer's opening): it was read as 'Unknown speaker', a participant, and coded with no
    word said (s54 'labels', finding 2). It still is, as a table's rows with no speaker before
    the first named one are, and one warning says so, where and how to have it read as its
    speaker's."""
    f = tmp_path / f"rm70{suffix}"
    f.write_text(_zoom_call(OPENING, suffix), "utf-8")
    t, said = read_warned(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Unknown speaker", "participant"),
        ("Sam Roe", "interviewer"),
        ("Priya Nair", "participant"),
    ]
    expected = (
        f"{f}: the talk opening the file is in cues that name no speaker (00:00:01.000 "
        '"Okay, I think we\'re recording now. Thanks for joining me to…"), so it was read as '
        "'Unknown speaker', a participant, and coded: put the speaker's name on those cues "
        "('Name: words') to have it read as theirs"
    )
    assert said == [expected]
    assert unnamed_opening_warning(t) == expected


def test_roqa_inspect_names_a_first_cue_naming_no_speaker(tmp_path: Path) -> None:
    f = tmp_path / "rm70.vtt"
    f.write_text(_zoom_call(OPENING, ".vtt"), "utf-8")
    run = roqa("inspect", f, "--interviewer", "Sam Roe", "--json")
    (summary,) = json.loads(run.out)
    assert summary["unlabelled"] == unnamed_opening_warning(read_warned(f)[0])
    assert summary["unlabelled"].startswith(f"{f}: the talk opening the file is in cues that")


@pytest.mark.parametrize(
    "first",
    [
        "Sam Roe: " + OPENING,  # named: Sam Roe's turn
        "Unknown speaker: " + OPENING,  # named so by the transcriber
    ],
)
def test_a_first_cue_that_names_its_speaker_is_not_warned_of(tmp_path: Path, first: str) -> None:
    f = tmp_path / "rm71.vtt"
    f.write_text(_zoom_call(first, ".vtt"), "utf-8")
    t, said = read_warned(f, interviewer_labels=["Sam Roe"])
    assert [m for m in said if "opening the file" in m] == []
    assert "unlabelled_talk_opening" not in t.metadata


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
@pytest.mark.parametrize("first", ["[Music]", "(inaudible)", "[music]", "Mm-hmm."])
def test_a_first_cue_naming_no_speaker_that_is_no_talk_is_not_warned_of(
    tmp_path: Path, suffix: str, first: str
) -> None:
    """An auto-caption's opening ``[Music]`` or a transcriber's ``(inaudible)`` with no name is
    left out as no talk (no segment is made of it), so the warning that it was coded as a
    participant's talk, and the advice to name its speaker, were wrong (s54 hunt, finding 3)."""
    f = tmp_path / f"rm72{suffix}"
    f.write_text(_zoom_call(first, suffix), "utf-8")
    t, said = read_warned(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns][0] == ("Unknown speaker", first)
    assert [s.speaker for s in segment(t, "turn")] == ["Priya Nair"]
    assert [m for m in said if "opening the file" in m] == []
    assert unnamed_opening_warning(t) is None
