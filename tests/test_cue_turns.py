"""Who says the words of a subtitle cue (.vtt, .srt): a Zoom chat line pasted into a cue is
chat, not anyone's speech (session 36)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    """(speaker, role, words, begin_time, end_time) of every turn, the words by its offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def subtitles(path: Path, cues: list[str]) -> Path:
    """A .vtt or .srt (by ``path``'s suffix) of ``cues`` (each cue's text lines), cue n from
    second 5n - 4 to 5n - 1."""
    sep = "," if path.suffix == ".srt" else "."
    blocks = [
        f"{n}\n00:00:{5 * n - 4:02d}{sep}000 --> 00:00:{5 * n - 1:02d}{sep}000\n{text}"
        for n, text in enumerate(cues, 1)
    ]
    head = "WEBVTT\n\n" if path.suffix == ".vtt" else ""
    path.write_text(head + "\n\n".join(blocks) + "\n", "utf-8")
    return path


# --- Zoom chat pasted into subtitle cues ----------------------------------------------------


@pytest.mark.parametrize("name", ["p08.vtt", "p08.srt"])
@pytest.mark.parametrize(
    "chat",
    [
        "From Jane Smith to Everyone: thanks all",  # copied from the meeting's chat panel
        "<i>10:22:05 From Jane Smith to Everyone: thanks all</i>",  # in a subtitle's tags
        "{\\an8}10:22:05 From Jane Smith to Everyone: thanks all",
        "- 10:22:05 From Jane Smith to Everyone: thanks all",  # after a dialogue dash
    ],
)
def test_a_zoom_chat_line_in_a_timed_cue_is_left_out_as_chat(
    tmp_path: Path, name: str, chat: str
) -> None:
    """A chat line without its time, or inside a subtitle's tags or after its dialogue dash,
    was read as speech: ``Jane Smith`` (or ``From Jane Smith to Everyone``) became a
    participant whose typed words were coded. It is left out of the turns and told of as chat,
    as a chat line with its time is."""
    heading = "From Jane Smith to Everyone"
    if "10:22:05" in chat:
        heading = "10:22:05 " + heading
    f = subtitles(
        tmp_path / name,
        [
            "Interviewer: What gets in the way?",
            f"P08: Staffing, mostly.\n{chat}",
            chat,
            "P08: And the pay.",
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What gets in the way?", 1.0, 4.0),
        ("P08", "participant", "Staffing, mostly. And the pay.", 6.0, 19.0),
    ]
    assert t.metadata["zoom_chat"] == [heading, heading]
    assert "Jane" not in t.text


@pytest.mark.parametrize("name", ["p09.vtt", "p09.srt"])
def test_a_zoom_chat_line_without_its_time_between_cues_is_left_out_as_chat(
    tmp_path: Path, name: str
) -> None:
    """Pasted between cues with no timing line, it was read as a cue to mend (a warning to
    give it a timing line) and its sender as a speaker; it is chat, with its message on the
    line below when nothing follows its colon."""
    sep = "," if name.endswith(".srt") else "."
    head = "WEBVTT\n\n" if name.endswith(".vtt") else ""
    f = tmp_path / name
    f.write_text(
        f"{head}1\n00:00:01{sep}000 --> 00:00:04{sep}000\nInterviewer: What gets in the way?\n\n"
        f"2\n00:00:06{sep}000 --> 00:00:09{sep}000\nP09: Staffing, mostly.\n\n"
        "From Jane Smith to Everyone: thanks all\n\n"
        "From Jane Smith to P09 (Direct Message):\nthe link is in the invite\n\n"
        f"3\n00:00:11{sep}000 --> 00:00:14{sep}000\nP09: And the pay.\n",
        "utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What gets in the way?", 1.0, 4.0),
        ("P09", "participant", "Staffing, mostly. And the pay.", 6.0, 14.0),
    ]
    assert t.metadata["zoom_chat"] == [
        "From Jane Smith to Everyone",
        "From Jane Smith to P09 (Direct Message)",
    ]


def test_a_chat_senders_name_without_a_time_does_not_survive_pseudonymising(
    tmp_path: Path,
) -> None:
    """The name stayed in the shared copy, as a speaker's (the chat line read as speech); it
    is a chat sender's, given a pseudonym in the metadata as a timed chat line's sender is."""
    f = subtitles(
        tmp_path / "p10.srt",
        [
            "Interviewer: What gets in the way?",
            "P10: Staffing, mostly.\nFrom Jane Smith to Everyone: thanks all",
            "Interviewer: And what helps?",
        ],
    )
    key = PseudonymKey()
    with pytest.warns(RoqaWarning, match="'Jane Smith' typed in the call's chat"):
        done = key.apply(read_transcript(f))
    assert key.get("Jane Smith") == "Chat sender 1"
    assert "Jane" not in done.text and "Jane" not in json.dumps(done.metadata)
    assert done.metadata["zoom_chat"] == ["From Chat sender 1 to Everyone"]


@pytest.mark.parametrize(
    "line",
    [
        "From the start to the end: it was staffing.",  # talk: no one it was sent to
        "From day one: we had no cover.",
        "From Jane Smith to everyone there: thanks",  # "Everyone" as Zoom writes it only
        "From the manager to the staff: nothing.",
    ],
)
def test_talk_opening_with_from_is_not_chat(tmp_path: Path, line: str) -> None:
    f = subtitles(
        tmp_path / "p11.vtt", ["Interviewer: What gets in the way?", f"P11: Well,\n{line}"]
    )
    t = read_transcript(f)
    assert "zoom_chat" not in t.metadata
    assert turns_of(t)[1][:3] == ("P11", "participant", f"Well, {line}")


def test_a_zoom_chat_line_without_its_time_in_a_txt_transcript_is_left_out_as_chat(
    tmp_path: Path,
) -> None:
    """The plain-text reader reads it as the subtitle readers do: chat, no one's talk (it was
    read as more of the answer before it, coded as the participant's)."""
    f = tmp_path / "p12.txt"
    f.write_text(
        "Interviewer: What gets in the way?\nP12: Staffing, mostly.\n"
        "From Jane Smith to Everyone: thanks all\nInterviewer: And what helps?\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "What gets in the way?"),
        ("P12", "Staffing, mostly."),
        ("Interviewer", "And what helps?"),
    ]
    assert t.metadata["zoom_chat"] == ["From Jane Smith to Everyone"]
