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
    with her turn, the labelled line is the interviewer's, the cue's time shared by their words
    (21 characters but blanks, 23): the question begins where her words end (session 74)."""
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
            12.432,
        ),
        ("Interviewer", "interviewer", "And what gets in the way now?", 12.432, 14.0),
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
        # one cue shared by the words of each (13 characters but blanks, 16: session 74)
        ("Sam 🌻", "interviewer", "So what helped?", 11.0, 12.345),
        ("Maria Okafor", "participant", "Honestly the team.", 12.345, 14.0),
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


# --- a cue with no speaker's name after another speaker's backchannel -----------------------


def roqa_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


@pytest.mark.parametrize("name", ["p24.vtt", "p24.srt"])
def test_an_unlabelled_cue_after_the_interviewers_backchannel_goes_on_with_the_answer(
    tmp_path: Path, name: str
) -> None:
    """Zoom writes a cue with no name when it cannot tell who speaks. After the interviewer's
    'Mm-hmm.' inside Priya's answer, the unlabelled cue was read as the interviewer's
    ('Mm-hmm. So the new starters get ...'), its 14 words never coded and nothing said. It
    goes on with the answer the backchannel came inside, the backchannel left out as any
    other; the unlabelled cue after her own cue stays hers, as before."""
    f = subtitles(
        tmp_path / name,
        [
            "Sam Roe: Could you tell me about staff training?",
            "Priya Nair: We use the recovery college for most of it.",
            "Though to be honest the e-learning is what gets done.",
            "Priya Nair: Face-to-face costs us cover for the shift.",
            "Sam Roe: Mm-hmm.",
            "So the new starters get the e-learning and a shadow shift, and that's it.",
            "Sam Roe: What would you change?",
            "Priya Nair: Protected time.",
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert roqa_warnings(caught) == []
    assert t.text == (
        "Sam Roe: Could you tell me about staff training?\n\n"
        "Priya Nair: We use the recovery college for most of it. Though to be honest the "
        "e-learning is what gets done. Face-to-face costs us cover for the shift.\n"
        "So the new starters get the e-learning and a shadow shift, and that's it.\n\n"
        "Sam Roe: What would you change?\n\n"
        "Priya Nair: Protected time."
    )
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", "Could you tell me about staff training?", 1.0, 4.0),
        (
            "Priya Nair",
            "participant",
            "We use the recovery college for most of it. Though to be honest the e-learning is "
            "what gets done. Face-to-face costs us cover for the shift.\nSo the new starters "
            "get the e-learning and a shadow shift, and that's it.",
            6.0,
            29.0,
        ),
        ("Sam Roe", "interviewer", "What would you change?", 31.0, 34.0),
        ("Priya Nair", "participant", "Protected time.", 36.0, 39.0),
    ]
    assert [(u.start, u.end) for u in t.turns] == [(9, 48), (62, 276), (287, 309), (323, 338)]
    assert t.metadata["backchannels_left_out"] == 1
    assert t.metadata["unlabelled_talk_after_backchannel"] == ["00:00:26.000"]


def test_an_unlabelled_cue_after_a_backchannel_in_a_teams_voice_tag_goes_on_with_the_answer(
    tmp_path: Path,
) -> None:
    """Teams' cue without a voice tag after the interviewer's '<v Sam Roe>Mm-hmm.</v>': the
    participant's 13 words were the interviewer's."""
    f = subtitles(
        tmp_path / "p76.vtt",
        [
            "<v Sam Roe>What has helped most?</v>",
            "<v Priya Nair>Honestly the recovery college, they ran sessions for the whole team.</v>",
            "<v Sam Roe>Mm-hmm.</v>",
            "And the peer worker we hired last year has been brilliant with residents.",
            "<v Sam Roe>That's great. Anything else?</v>",
            "<v Priya Nair>No, that's it.</v>",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", "What has helped most?", 1.0, 4.0),
        (
            "Priya Nair",
            "participant",
            "Honestly the recovery college, they ran sessions for the whole team.\n"
            "And the peer worker we hired last year has been brilliant with residents.",
            6.0,
            19.0,
        ),
        ("Sam Roe", "interviewer", "That's great. Anything else?", 21.0, 24.0),
        ("Priya Nair", "participant", "No, that's it.", 26.0, 29.0),
    ]


def test_an_unlabelled_cue_after_the_participants_backchannel_goes_on_with_the_question(
    tmp_path: Path,
) -> None:
    """The reverse: the participant's 'Mm-hmm.' inside the interviewer's long question, then
    a cue with no name: the rest of the question, not the participant's talk."""
    f = subtitles(
        tmp_path / "p04.vtt",
        [
            "Interviewer: I want to ask about the new starters,",
            "Interviewer: the ones who come to you from school,",
            "P04: Mm-hmm.",
            "and have never worked in care before.",
            "Interviewer: What training do they get?",
            "P04: The e-learning, and a shadow shift.",
        ],
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        (
            "Interviewer",
            "interviewer",
            "I want to ask about the new starters, the ones who come to you from school,\n"
            "and have never worked in care before. What training do they get?",
            1.0,
            24.0,
        ),
        ("P04", "participant", "The e-learning, and a shadow shift.", 26.0, 29.0),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_an_unlabelled_question_after_the_participants_backchannel_is_the_interviewers(
    tmp_path: Path,
) -> None:
    """The participant's 'Mm-hmm.' inside the interviewer's question, then the question's end
    with no name: the interviewer's question goes on (named, the interviewer asks)."""
    f = subtitles(
        tmp_path / "p04.srt",
        [
            "Interviewer: I want to ask about the new starters,",
            "Interviewer: the ones who come to you from school,",
            "P04: Mm-hmm.",
            "what training do they get?",
            "P04: The e-learning, and a shadow shift.",
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert roqa_warnings(caught) == []
    assert turns_of(t) == [
        (
            "Interviewer",
            "interviewer",
            "I want to ask about the new starters, the ones who come to you from school,\n"
            "what training do they get?",
            1.0,
            19.0,
        ),
        ("P04", "participant", "The e-learning, and a shadow shift.", 21.0, 24.0),
    ]


def _asked_after_mm_hmm(path: Path) -> Path:
    """A video call's cues, one cut inside a sentence (a file that names each cue's speaker;
    one repeated name after a whole sentence could be a typist's)."""
    return subtitles(
        path,
        [
            "Sam Roe: Could you tell me about staff training?",
            "Priya Nair: We use the recovery college,",
            "Priya Nair: but face-to-face costs us cover.",
            "Sam Roe: Mm-hmm.",
            "What would you change?",
            "Priya Nair: Protected time.",
        ],
    )


@pytest.mark.parametrize("interviewer", [None, ["Sam Roe"]])
def test_an_unlabelled_question_after_a_backchannel_is_named_as_undecided(
    tmp_path: Path, interviewer: list[str] | None
) -> None:
    """'What would you change?' after Sam's 'Mm-hmm.' may be his next question or Priya's own
    ('Where were we?'), the interviewer named or not: it stays with the cue before it, as
    before, and one warning names the file and the cue's time."""
    f = _asked_after_mm_hmm(tmp_path / "p24.vtt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=interviewer)
    said = [w for w in roqa_warnings(caught) if "no speaker's name" in w]
    assert said == [
        f"{f}: 1 cue with no speaker's name after a backchannel could be either speaker's "
        "(00:00:21.000 'What would you change?', read as Sam Roe's talk): put the speaker's "
        "name on it to have it read as theirs"
    ]
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns][2:] == [
        ("Sam Roe", "Mm-hmm. What would you change?"),
        ("Priya Nair", "Protected time."),
    ]
    assert t.metadata["unlabelled_talk_undecided"] == ["00:00:21.000"]
    assert t.metadata["unlabelled_talk_undecided_read_as"] == ["Sam Roe"]


def test_an_unlabelled_cue_after_a_short_reply_to_a_question_is_named_as_undecided(
    tmp_path: Path,
) -> None:
    """'Yeah.' answers the question: the cue with no name after it may be more of the answer
    or the interviewer's next words. It stays the answer's, and is named for checking."""
    f = subtitles(
        tmp_path / "p25.srt",
        [
            "Sam Roe: Is the CQC supportive of recovery work?",
            "Priya Nair: Yeah.",
            "They came in last year and liked what they saw.",
            "Priya Nair: The report was good.",
            "Sam Roe: And the commissioners?",
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert roqa_warnings(caught) == [
        f"{f}: 1 cue with no speaker's name after a backchannel could be either speaker's "
        "(00:00:11.000 'They came in last year and liked what they saw.', read as Priya Nair's "
        "talk): put the speaker's name on it to have it read as theirs"
    ]
    assert turns_of(t)[1] == (
        "Priya Nair",
        "participant",
        "Yeah. They came in last year and liked what they saw. The report was good.",
        6.0,
        19.0,
    )


def test_a_cue_with_no_name_in_a_file_that_names_only_each_turns_first_cue_stays_the_turns(
    tmp_path: Path,
) -> None:
    """A subtitle file that names the speaker on a turn's first cue only (a subtitle editor's,
    not a video call's) has every cue after it unlabelled: the turn goes on, however it
    opens ('Okay.'), as before, and nothing is said."""
    f = subtitles(
        tmp_path / "p04.srt",
        [
            "Interviewer: Tell me about the training.",
            "P04: Okay.",
            "So the way it works is the e-learning first.",
            "Interviewer: And then?",
            "P04: A shadow shift.",
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert roqa_warnings(caught) == []
    assert turns_of(t)[1] == (
        "P04",
        "participant",
        "Okay. So the way it works is the e-learning first.",
        6.0,
        14.0,
    )
    assert "unlabelled_talk_after_backchannel" not in t.metadata


def test_an_unlabelled_paragraph_after_the_interviewers_backchannel_in_a_txt_is_the_answers(
    tmp_path: Path,
) -> None:
    """The plain-text reader reads it as the subtitle readers do (each paragraph labelled, as
    a copied Zoom transcript is): the paragraph was read as more of 'Mm-hmm.', the
    interviewer's; now it is the participant's turn, the file's text kept as it is."""
    f = tmp_path / "p24.txt"
    f.write_text(
        "Sam Roe: Could you tell me about staff training?\n\n"
        "Priya Nair: We use the recovery college for most of it.\n\n"
        "Priya Nair: Face-to-face costs us cover for the shift.\n\n"
        "Sam Roe: Mm-hmm.\n\n"
        "So the new starters get the e-learning and a shadow shift.\n\n"
        "Sam Roe: What would you change?\n\n"
        "Priya Nair: Protected time.\n",
        "utf-8",
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, u.role, t.text[u.start : u.end], u.start, u.end) for u in t.turns] == [
        ("Sam Roe", "interviewer", "Could you tell me about staff training?", 9, 48),
        ("Priya Nair", "participant", "We use the recovery college for most of it.", 62, 105),
        ("Priya Nair", "participant", "Face-to-face costs us cover for the shift.", 119, 161),
        ("Sam Roe", "interviewer", "Mm-hmm.", 172, 179),
        (
            "Priya Nair",
            "participant",
            "So the new starters get the e-learning and a shadow shift.",
            181,
            239,
        ),
        ("Sam Roe", "interviewer", "What would you change?", 250, 272),
        ("Priya Nair", "participant", "Protected time.", 286, 301),
    ]
    assert t.metadata["unlabelled_talk_after_backchannel"] == ["line 9"]


def test_an_unlabelled_paragraph_of_a_txt_that_labels_each_turn_once_stays_the_turns(
    tmp_path: Path,
) -> None:
    """A typed transcript labels a turn once and goes on in paragraphs: the paragraph after
    'P04: Okay.' is more of P04's answer, as before."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: Tell me about the training.\n\nP04: Okay.\n\n"
        "So the way it works is the e-learning first.\n\nInterviewer: And then?\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "Tell me about the training."),
        ("P04", "Okay.\n\nSo the way it works is the e-learning first."),
        ("Interviewer", "And then?"),
    ]


def test_an_unlabelled_paragraph_after_the_interviewers_backchannel_in_a_docx_is_the_answers(
    tmp_path: Path,
) -> None:
    """The Word reader reads it as the subtitle readers do: the paragraph was the
    interviewer's ('Mm-hmm.\\nSo the new starters ...\\nWhat would you change?'); now it goes
    on with Priya's answer, the backchannel left out as in a .vtt."""
    import docx

    f = tmp_path / "p24.docx"
    d = docx.Document()
    for paragraph in [
        "Sam Roe: Could you tell me about staff training?",
        "Priya Nair: We use the recovery college for most of it.",
        "Priya Nair: Face-to-face costs us cover for the shift.",
        "Sam Roe: Mm-hmm.",
        "So the new starters get the e-learning and a shadow shift.",
        "Sam Roe: What would you change?",
        "Priya Nair: Protected time.",
    ]:
        d.add_paragraph(paragraph)
    d.save(str(f))
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "Could you tell me about staff training?"),
        (
            "Priya Nair",
            "We use the recovery college for most of it.\n"
            "Face-to-face costs us cover for the shift.\n"
            "So the new starters get the e-learning and a shadow shift.",
        ),
        ("Sam Roe", "What would you change?"),
        ("Priya Nair", "Protected time."),
    ]
    assert t.metadata["unlabelled_talk_after_backchannel"] == [""]
    assert t.metadata["backchannels_left_out"] == 1


#: A focus group's cues (session 59 tester, LOW 6): Fatima's "Exactly." then a cue of only
#: "[crosstalk]" with no name, then Fatima goes on.
_CROSSTALK = [
    "Dr Priya Shah: What gets in the way of recovery work for you?",
    "Liam O'Connor: Thirty minute visits. You can't build a goal in thirty minutes.",
    "Fatima Begum: Exactly.",
    "[crosstalk]",
    "Fatima Begum: Sorry, go on. The commissioners pay for tasks, not for the conversation.",
    "Dr Priya Shah: And what helps?",
    "Liam O'Connor: Supervision that asks about people's goals, when we get it.",
]


def test_a_cue_of_only_crosstalk_after_a_backchannel_is_left_out_as_a_backchannel(
    tmp_path: Path,
) -> None:
    """Before, the "[crosstalk]" cue went on with Liam's turn, as talk after another speaker's
    backchannel does ("... thirty minutes.\n[crosstalk]", his quote's time stretched to it), so
    Fatima's "Exactly." became a backchannel inside his turn, left out, and her turn lost its
    opening. A cue of only a transcriber's note is no one's talk: it is left out and counted
    as a backchannel, and Fatima's turn is whole."""
    f = subtitles(tmp_path / "fg01.vtt", _CROSSTALK)
    t = read_transcript(f, interviewer_labels=["Dr Priya Shah"])
    assert turns_of(t) == [
        (
            "Dr Priya Shah",
            "interviewer",
            "What gets in the way of recovery work for you?",
            1.0,
            4.0,
        ),
        (
            "Liam O'Connor",
            "participant",
            "Thirty minute visits. You can't build a goal in thirty minutes.",
            6.0,
            9.0,
        ),
        (
            "Fatima Begum",
            "participant",
            "Exactly. Sorry, go on. The commissioners pay for tasks, not for the conversation.",
            11.0,
            24.0,
        ),
        ("Dr Priya Shah", "interviewer", "And what helps?", 26.0, 29.0),
        (
            "Liam O'Connor",
            "participant",
            "Supervision that asks about people's goals, when we get it.",
            31.0,
            34.0,
        ),
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert "unlabelled_talk_after_backchannel" not in t.metadata
    # a note of words lost may have been anyone's talk, a question too: read as before
    lost = subtitles(
        tmp_path / "fg02.vtt", [c.replace("crosstalk", "inaudible") for c in _CROSSTALK]
    )
    t = read_transcript(lost, interviewer_labels=["Dr Priya Shah"])
    assert t.text[t.turns[1].start : t.turns[1].end].endswith("thirty minutes.\n[inaudible]")
    assert t.metadata["unlabelled_talk_after_backchannel"] == ["00:00:16.000"]


def test_a_paragraph_of_only_crosstalk_after_a_backchannel_in_a_docx_is_left_out(
    tmp_path: Path,
) -> None:
    """The Word reader leaves it out as the subtitle readers do."""
    import docx

    f = tmp_path / "fg01.docx"
    d = docx.Document()
    for paragraph in _CROSSTALK:
        d.add_paragraph(paragraph)
    d.save(str(f))
    t = read_transcript(f, interviewer_labels=["Dr Priya Shah"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns][1:3] == [
        ("Liam O'Connor", "Thirty minute visits. You can't build a goal in thirty minutes."),
        (
            "Fatima Begum",
            "Exactly.\nSorry, go on. The commissioners pay for tasks, not for the conversation.",
        ),
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert "unlabelled_talk_after_backchannel" not in t.metadata


#: A Zoom answer (session 59 docs tester, M2): Fatima's answer, the interviewer's "Mm-hmm.",
#: a cue with no name holding only a transcriber's note ("NOTE"), then Fatima goes on.
_NOTE_IN_ANSWER = [
    "Sam Roe: What stops people moving on from your service?",
    "Fatima Khan: Mostly housing. There is nowhere affordable for people to move to.",
    "Sam Roe: Mm-hmm.",
    "NOTE",
    "Fatima Khan: And the council list is years long, so people lose heart.",
    "Sam Roe: Thank you, that's everything.",
]


@pytest.mark.parametrize("note", ["[inaudible]", "[crosstalk]", "[audio cuts out]"])
@pytest.mark.parametrize("name", ["p08.vtt", "p08.srt"])
def test_a_note_after_the_interviewers_backchannel_inside_an_answer_stays_in_the_answer(
    tmp_path: Path, name: str, note: str
) -> None:
    """The note went with the interviewer's 'Mm-hmm.' (the turn before it, in a file that
    names each turn's speaker once), was left out with it, and was not counted: Fatima's quote
    read as one run of speech, nothing showing that words were lost there. It stays in her
    answer at its place, at its own time; the backchannel alone is left out and counted."""
    f = subtitles(tmp_path / name, [c.replace("NOTE", note) for c in _NOTE_IN_ANSWER])
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", "What stops people moving on from your service?", 1.0, 4.0),
        (
            "Fatima Khan",
            "participant",
            "Mostly housing. There is nowhere affordable for people to move to.\n"
            f"{note} And the council list is years long, so people lose heart.",
            6.0,
            24.0,
        ),
        ("Sam Roe", "interviewer", "Thank you, that's everything.", 26.0, 29.0),
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert t.metadata["unlabelled_talk_after_backchannel"] == ["00:00:16.000"]


def test_a_crosstalk_note_inside_an_answer_stays_in_a_file_naming_each_cue(
    tmp_path: Path,
) -> None:
    """In a file that names each cue's speaker (Fatima named again after a cue with no name),
    the '[crosstalk]' was left out as no one's talk and counted as a second backchannel: 2
    left out where 1 'Mm-hmm.' was. Fatima goes on after it, so it is a gap inside her answer:
    it stays there, and the one backchannel is counted."""
    f = subtitles(
        tmp_path / "p09.vtt",
        [
            "Sam Roe: What stops people moving on from your service?",
            "Fatima Khan: Mostly housing.",
            "There is nowhere affordable to move to.",
            "Fatima Khan: Nothing comes up.",
            "Sam Roe: Mm-hmm.",
            "[crosstalk]",
            "Fatima Khan: And the council list is years long.",
            "Sam Roe: Thank you, that's everything.",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "What stops people moving on from your service?"),
        (
            "Fatima Khan",
            "Mostly housing. There is nowhere affordable to move to. Nothing comes up.\n"
            "[crosstalk] And the council list is years long.",
        ),
        ("Sam Roe", "Thank you, that's everything."),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_a_note_after_the_interviewers_backchannel_in_a_docx_stays_in_the_answer(
    tmp_path: Path,
) -> None:
    """The Word reader keeps it in the answer as the subtitle readers do (it was left out with
    the 'Mm-hmm.' paragraph before it)."""
    import docx

    f = tmp_path / "p08.docx"
    d = docx.Document()
    for paragraph in _NOTE_IN_ANSWER:
        d.add_paragraph(paragraph.replace("NOTE", "[inaudible]"))
    d.save(str(f))
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "What stops people moving on from your service?"),
        (
            "Fatima Khan",
            "Mostly housing. There is nowhere affordable for people to move to.\n[inaudible]\n"
            "And the council list is years long, so people lose heart.",
        ),
        ("Sam Roe", "Thank you, that's everything."),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_a_note_after_a_backchannel_before_the_interviewer_goes_on_is_read_as_before(
    tmp_path: Path,
) -> None:
    """Only where the answer goes on after it: a '[crosstalk]' between the interviewer's
    'Mm-hmm.' and their own next question (Sam named after it, so the file names each cue)
    is left out and counted, as before."""
    f = subtitles(
        tmp_path / "p08.vtt",
        [
            "Sam Roe: What stops people moving on from your service?",
            "Fatima Khan: Mostly housing. There is nowhere affordable for people to move to.",
            "Sam Roe: Mm-hmm.",
            "[crosstalk]",
            "Sam Roe: And what helps?",
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "What stops people moving on from your service?"),
        ("Fatima Khan", "Mostly housing. There is nowhere affordable for people to move to."),
        ("Sam Roe", "Mm-hmm. And what helps?"),
    ]
    assert t.metadata["backchannels_left_out"] == 1


_TYPED_PROMPT = [
    "Interviewer: Can you describe the team you manage?",
    "P09: Eight support workers and two seniors, plus me.",
    "P09: Sorry, and one bank worker, I forgot her.",
    "Interviewer: Okay.",
    "Tell me about how the new care coordination tool was introduced.",
    "P09: It came down from head office with a two-week deadline. Nobody asked us.",
    "Interviewer: Right.",
    "Let's talk about leadership next. Who championed it?",
    "P09: The seniors did.",
]


def test_a_typed_transcript_that_repeats_a_label_once_keeps_the_prompt_the_interviewers(
    tmp_path: Path,
) -> None:
    """A typist names a turn's speaker once and repeats one label by accident ('P09: ...'
    'P09: Sorry, and one bank worker'). That one repeat made the file read as naming each
    paragraph, as a video call does, and the interviewer's prompt after their own 'Okay.'
    became P09's answer, coded, the real answer given the first question as context, without
    a word. The paragraph goes on with the interviewer's turn, as before this session."""
    f = tmp_path / "p09.txt"
    f.write_text("\n\n".join(_TYPED_PROMPT) + "\n", "utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    # the one repeat is said (s45): the answer's two parts are coded apart
    assert roqa_warnings(caught) == [
        f"{f}: 1 turn split by a repeated speaker label (line 5): this format is read as typed, "
        "so each part is coded on its own (delete the repeated label in the file to code the "
        "answer whole)"
    ]
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "Can you describe the team you manage?"),
        ("P09", "Eight support workers and two seniors, plus me."),
        ("P09", "Sorry, and one bank worker, I forgot her."),
        (
            "Interviewer",
            "Okay.\n\nTell me about how the new care coordination tool was introduced.",
        ),
        ("P09", "It came down from head office with a two-week deadline. Nobody asked us."),
        ("Interviewer", "Right.\n\nLet's talk about leadership next. Who championed it?"),
        ("P09", "The seniors did."),
    ]
    assert "unlabelled_talk_after_backchannel" not in t.metadata


def test_a_typed_word_document_that_repeats_a_label_once_keeps_the_prompt_the_interviewers(
    tmp_path: Path,
) -> None:
    """The same in Word: the prompt was P09's, the interviewer's 'Okay.' left out."""
    import docx

    f = tmp_path / "p09.docx"
    d = docx.Document()
    for paragraph in _TYPED_PROMPT:
        d.add_paragraph(paragraph)
    d.save(str(f))
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "Can you describe the team you manage?"),
        (
            "P09",
            "Eight support workers and two seniors, plus me.\n"
            "Sorry, and one bank worker, I forgot her.",
        ),
        ("Interviewer", "Okay.\nTell me about how the new care coordination tool was introduced."),
        ("P09", "It came down from head office with a two-week deadline. Nobody asked us."),
        ("Interviewer", "Right.\nLet's talk about leadership next. Who championed it?"),
        ("P09", "The seniors did."),
    ]
    assert "unlabelled_talk_after_backchannel" not in t.metadata


def test_a_typed_question_after_the_interviewers_mm_hmm_stays_the_interviewers(
    tmp_path: Path,
) -> None:
    """A typed transcript with one repeated label: the interviewer's 'Now I'd like to ask
    about ...' after their 'Okay.' and the paragraph after their 'Mm-hmm.' go on with the
    interviewer's turn, as the typist's file says (each turn named once), not P09's."""
    f = tmp_path / "p09.txt"
    f.write_text(
        "Interviewer: Can you describe the team you manage?\n\n"
        "P09: Eight support workers and two seniors, plus me.\n\n"
        "P09: [Later clarified] Sorry, and one bank worker.\n\n"
        "Interviewer: Okay.\n\n"
        "Now I'd like to ask about the new care coordination tool.\n\n"
        "P09: It came down from head office with a two-week deadline.\n\n"
        "Interviewer: Mm-hmm.\n\n"
        "And the training was an online module.\n\n"
        "P09: The seniors were good though.\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "Can you describe the team you manage?"),
        ("P09", "Eight support workers and two seniors, plus me."),
        ("P09", "[Later clarified] Sorry, and one bank worker."),
        ("Interviewer", "Okay.\n\nNow I'd like to ask about the new care coordination tool."),
        ("P09", "It came down from head office with a two-week deadline."),
        ("Interviewer", "Mm-hmm.\n\nAnd the training was an online module."),
        ("P09", "The seniors were good though."),
    ]


def test_a_cue_with_no_name_in_a_file_naming_speakers_on_change_stays_the_turns(
    tmp_path: Path,
) -> None:
    """An .srt that names the speaker when the speaker changes (one name repeated, 'Collins:
    Yes.' 'Collins: Twice ...'): the interviewer's 'Let's move on ...' after their 'Right.' was
    put inside Collins's answer, and his next answer lost its question. It is the
    interviewer's, as before."""
    f = subtitles(
        tmp_path / "p11.srt",
        [
            "Interviewer: Can you tell me what the service looks like now?",
            "Collins: We're a supported housing service, twelve beds.",
            "The staffing model changed last year.",
            "Interviewer: Right.",
            "Let's move on to the outer setting, so the commissioners and the ICB.",
            "Collins: The ICB has been fine. The local authority cut the contract value.",
            "Interviewer: Did the board push back on the cut?",
            "Collins: Yes.",
            "Collins: Twice, but it made no difference.",
        ],
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert roqa_warnings(caught) == []
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Interviewer", "Can you tell me what the service looks like now?", 1.0),
        (
            "Collins",
            "We're a supported housing service, twelve beds. The staffing model changed last year.",
            6.0,
        ),
        (
            "Interviewer",
            "Right. Let's move on to the outer setting, so the commissioners and the ICB.",
            16.0,
        ),
        ("Collins", "The ICB has been fine. The local authority cut the contract value.", 26.0),
        ("Interviewer", "Did the board push back on the cut?", 31.0),
        ("Collins", "Yes. Twice, but it made no difference.", 36.0),
    ]
    assert "unlabelled_talk_after_backchannel" not in t.metadata


def _named(speakers: str, words: str = "Yes.") -> list[tuple[str | None, str]]:
    """Pieces naming the speakers of ``speakers`` in turn ('-' no one), each saying ``words``."""
    return [(None if s == "-" else s, words) for s in speakers]


@pytest.mark.parametrize(
    ("pieces", "each"),
    [
        (_named("IPPIPIP"), False),  # a typist's one repeated label
        (_named("IPIP-P"), True),  # named again after a piece with no name
        (_named("IIPIP", "the ones who,"), True),  # named again after a cue cut at a comma
        (_named("IPPIPPIPPIPIPI"), True),  # 3 repeats in 14 named cues: a short video call
        (_named("IPPIPPIPIPIPIPIP"), False),  # 2 repeats: a typist's
        (_named("IPP" + "IP" * 50 + "IPP" + "IP" * 50 + "IPP"), False),  # 3 in 209
    ],
)
def test_a_file_names_each_piece_by_more_than_one_repeated_name(
    pieces: list[tuple[str | None, str]], each: bool
) -> None:
    """What counts as a file naming each piece's speaker (unlabelled.names_each_piece)."""
    from roqa_nlp.transcripts.unlabelled import names_each_piece

    assert names_each_piece(pieces) is each
