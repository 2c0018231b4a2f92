"""Who says the words of a subtitle cue (.vtt, .srt) that holds more than one line: a labelled
line inside a cue starts that speaker's turn, and a Zoom chat line pasted into a cue is chat,
not anyone's speech (session 36)."""

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


@pytest.mark.parametrize("name", ["p04.vtt", "p04.srt"])
def test_a_label_on_a_later_line_of_a_cue_opening_unlabelled_starts_that_speakers_turn(
    tmp_path: Path, name: str
) -> None:
    """The cue's first line ends the participant's answer, its second is the interviewer's
    next question: the question was read as more of the participant's answer ("...the end of
    it. Interviewer: And what gets in the way now?"), coded as hers. The first line goes on
    with her turn, the labelled line is the interviewer's, both at the cue's times."""
    f = subtitles(
        tmp_path / name,
        [
            "Interviewer: What happened when the home closed?",
            "P04: We moved everyone out in a week,",
            "and that was the end of it.\nInterviewer: And what gets in the way now?",
            "P04: Well, staffing is the thing.\nWe cannot recruit.",
        ],
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: What happened when the home closed?\n\n"
        "P04: We moved everyone out in a week, and that was the end of it.\n\n"
        "Interviewer: And what gets in the way now?\n\n"
        "P04: Well, staffing is the thing. We cannot recruit."
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What happened when the home closed?", 1.0, 4.0),
        (
            "P04",
            "participant",
            "We moved everyone out in a week, and that was the end of it.",
            6.0,
            14.0,
        ),
        ("Interviewer", "interviewer", "And what gets in the way now?", 11.0, 14.0),
        ("P04", "participant", "Well, staffing is the thing. We cannot recruit.", 16.0, 19.0),
    ]
    assert [(u.start, u.end) for u in t.turns] == [(13, 48), (55, 115), (130, 159), (166, 213)]


@pytest.mark.parametrize("name", ["p05.vtt", "p05.srt"])
def test_a_speaker_of_the_file_on_a_later_line_of_a_cue_starts_their_turn(
    tmp_path: Path, name: str
) -> None:
    """Zoom names speakers as they call themselves: ``Sam 🌻:`` opens no label of the plain
    text shape, so the cue was not parted at ``Maria Okafor:``, and her answer was read as the
    interviewer's question, never coded. She speaks in the file: her line is her turn."""
    f = subtitles(
        tmp_path / name,
        [
            "Sam 🌻: What got in the way?",
            "Maria Okafor: Staffing, mostly.",
            "Sam 🌻: So what helped?\nMaria Okafor: Honestly the team.",
            "Sam 🌻: Thank you.",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam 🌻"])
    assert turns_of(t) == [
        ("Sam 🌻", "interviewer", "What got in the way?", 1.0, 4.0),
        ("Maria Okafor", "participant", "Staffing, mostly.", 6.0, 9.0),
        ("Sam 🌻", "interviewer", "So what helped?", 11.0, 14.0),
        ("Maria Okafor", "participant", "Honestly the team.", 11.0, 14.0),
        ("Sam 🌻", "interviewer", "Thank you.", 16.0, 19.0),
    ]


@pytest.mark.parametrize("name", ["p06.vtt", "p06.srt"])
def test_a_word_and_colon_on_a_later_line_of_a_cue_stays_the_speakers_talk(
    tmp_path: Path, name: str
) -> None:
    """A wrapped subtitle line may open with a word and a colon in someone's talk
    (``Staffing: we could not recruit.``): it is no speaker the file has, so it stays in the
    turn of the speaker before it, as it did."""
    f = subtitles(
        tmp_path / name,
        [
            "Interviewer: What gets in the way?",
            "P06: We had two problems,\nreally, in the end.",
            "the second was bigger.\nStaffing: we could not recruit.",
            "Interviewer: And what helped?",
        ],
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What gets in the way?", 1.0, 4.0),
        (
            "P06",
            "participant",
            "We had two problems, really, in the end. the second was bigger. "
            "Staffing: we could not recruit.",
            6.0,
            14.0,
        ),
        ("Interviewer", "interviewer", "And what helped?", 16.0, 19.0),
    ]


@pytest.mark.parametrize("name", ["p07.vtt", "p07.srt"])
def test_a_labelled_line_in_a_cue_block_without_times_is_read_as_in_a_timed_cue(
    tmp_path: Path, name: str
) -> None:
    """The same words in a timed cue and in a block whose timing line is missing are read
    alike: the unlabelled first line goes on with the turn before, the labelled line starts
    the interviewer's turn."""
    sep = "," if name.endswith(".srt") else "."
    head = "WEBVTT\n\n" if name.endswith(".vtt") else ""
    f = tmp_path / name
    f.write_text(
        f"{head}1\n00:00:01{sep}000 --> 00:00:04{sep}000\nP07: We moved everyone out,\n\n"
        "2\nand that was the end of it.\nInterviewer: And now?\n\n"
        f"3\n00:00:11{sep}000 --> 00:00:14{sep}000\nP07: Staffing.\n",
        "utf-8",
    )
    with pytest.warns(RoqaWarning):  # the block without a timing line, as before
        untimed = read_transcript(f)
    timed = read_transcript(
        subtitles(
            tmp_path / f"timed{f.suffix}",
            [
                "P07: We moved everyone out,",
                "and that was the end of it.\nInterviewer: And now?",
                "P07: Staffing.",
            ],
        )
    )
    assert (
        untimed.text
        == timed.text
        == (
            "P07: We moved everyone out, and that was the end of it.\n\n"
            "Interviewer: And now?\n\nP07: Staffing."
        )
    )
    assert [(u.speaker, u.start, u.end) for u in untimed.turns] == [
        (u.speaker, u.start, u.end) for u in timed.turns
    ]


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
