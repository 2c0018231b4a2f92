"""Transcripts as transcription tools export them: a word opening a line inside an answer,
header-like cues further into unlabelled subtitles, answers that are only a time, dialogue
dashes, and the time marks a file is said to hold."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ANSWER = "I think so. It's slow."
ASIDE = "that's still the problem, they come in at 07:30 and leave by 19:30."


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def read_quietly(path: Path, **options: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **options)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught]


def _typed(word: str) -> str:
    return (
        "Interviewer: How are the handovers?\n\nP32: Better, we all meet at half seven.\n\n"
        f"Interviewer: Has that changed how staff talk?\n\nP32: {ANSWER}\n{word}: {ASIDE}\n\n"
        "Interviewer: What would help?\n\nP32: Protected time.\n"
    )


def _otter(word: str) -> str:
    return (
        "Helen Price  0:02\nHow are the handovers?\n\n"
        "Sian Lloyd  0:07\nBetter, we all meet at half seven.\n\n"
        "Helen Price  0:10\nHas that changed how staff talk?\n\n"
        f"Sian Lloyd  0:14\n{ANSWER}\n{word}: {ASIDE}\n\n"
        "Helen Price  0:30\nWhat would help?\n\n"
        "Sian Lloyd  0:33\nProtected time.\n"
    )


def _rev(word: str) -> str:
    return (
        "Speaker 1 (00:02):\nHow are the handovers?\n\n"
        "Speaker 2 (00:07):\nBetter, we all meet at half seven.\n\n"
        "Speaker 1 (00:10):\nHas that changed how staff talk?\n\n"
        f"Speaker 2 (00:14):\n{ANSWER}\n\n{word}: {ASIDE}\n\n"
        "Speaker 1 (00:30):\nWhat would help?\n\n"
        "Speaker 2 (00:33):\nProtected time.\n"
    )


@pytest.mark.parametrize("word", ["Agency", "Families", "Commissioners", "Staff"])
@pytest.mark.parametrize(
    ("layout", "asker", "answerer", "blank"),
    [
        (_typed, "Interviewer", "P32", "\n"),
        (_otter, "Helen Price", "Sian Lloyd", "\n"),
        (_rev, "Speaker 1", "Speaker 2", "\n\n"),
    ],
)
def test_a_word_opening_a_line_once_inside_an_answer_is_the_answer(
    tmp_path: Path, word: str, layout: object, asker: str, answerer: str, blank: str
) -> None:
    """A capitalised word no person is called, opening one line inside an answer ("Agency:
    that's still the problem"), is the participant's words in that turn, not a second
    participant named "Agency" (session 53: the word was lost and a false warning followed)."""
    f = tmp_path / "p32.txt"
    f.write_text(layout(word), "utf-8")  # type: ignore[operator]
    t, caught = read_quietly(f)
    assert turns_of(t) == [
        (asker, "interviewer", "How are the handovers?"),
        (answerer, "participant", "Better, we all meet at half seven."),
        (asker, "interviewer", "Has that changed how staff talk?"),
        (answerer, "participant", f"{ANSWER}{blank}{word}: {ASIDE}"),
        (asker, "interviewer", "What would help?"),
        (answerer, "participant", "Protected time."),
    ]
    assert [m for m in caught if word in m] == []


@pytest.mark.parametrize("word", ["Agency", "Families", "Commissioners", "Staff"])
def test_in_word_a_paragraph_opening_with_such_a_word_is_the_answer(
    tmp_path: Path, word: str
) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for text in _typed(word).split("\n"):
        if text:
            d.add_paragraph(text)
    d.save(str(tmp_path / "p36.docx"))
    t, caught = read_quietly(tmp_path / "p36.docx")
    assert turns_of(t)[3] == ("P32", "participant", f"{ANSWER}\n{word}: {ASIDE}")
    assert [u.speaker for u in t.turns] == ["Interviewer", "P32"] * 3
    assert [m for m in caught if word in m] == []


@pytest.mark.parametrize(
    "word",
    # a singular naming someone, listed or not (s53 regression hunt, finding 1: "Interpreter:",
    # "Pharmacist:" said once were merged into the participant's turn)
    # "Family": a relative who speaks once (s53 late review, finding 5)
    [
        "Mum",
        "Matron",
        "Manager",
        "Interpreter",
        "Pharmacist",
        "Trustee",
        "Midwife",
        "Grandson",
        "Family",
    ],
)
def test_a_word_for_one_person_said_once_is_still_a_speaker(tmp_path: Path, word: str) -> None:
    f = tmp_path / "p32.txt"
    f.write_text(_typed(word), "utf-8")
    t, _ = read_quietly(f)
    assert turns_of(t)[3:5] == [
        ("P32", "participant", ANSWER),
        (word, "participant", ASIDE),
    ]


STREAM = (
    "Helen Price\n10:00\nSo the handover, what time does it actually start?\n\n"
    "Zoe Ellis\n10:04\n07:30\n\n"
    "Helen Price\n10:05\nAnd the night staff, do they stay for it?\n\n"
    "Zoe Ellis\n10:09\nMostly, yeah, if they can.\n\n"
    "Helen Price\n10:24\nDo the commissioners know?\n\n"
    "Zoe Ellis\n10:27\nNo.\n"
)


def test_in_the_name_time_words_layout_an_answer_that_is_only_a_time_is_kept(
    tmp_path: Path,
) -> None:
    """Teams and Stream put each turn as name / time / words: the third line is the words even
    when they are only a time ("07:30", answering "what time does it start?"), which was lost
    silently (session 53), leaving the next answer's context two questions."""
    f = tmp_path / "p41.txt"
    f.write_text(STREAM, "utf-8")
    t, _ = read_quietly(f, interviewer_labels=["Helen Price"])
    assert [(*w, u.begin_time) for w, u in zip(turns_of(t), t.turns, strict=True)] == [
        ("Helen Price", "interviewer", "So the handover, what time does it actually start?", 600),
        ("Zoe Ellis", "participant", "07:30", 604),
        ("Helen Price", "interviewer", "And the night staff, do they stay for it?", 605),
        ("Zoe Ellis", "participant", "Mostly, yeah, if they can.", 609),
        ("Helen Price", "interviewer", "Do the commissioners know?", 624),
        ("Zoe Ellis", "participant", "No.", 627),
    ]


NOTE_CUE = "Note: we still keep a paper copy of the handover sheet, because"


def _unlabelled_srt(cues: list[str]) -> str:
    return "".join(
        f"{n}\n00:00:{2 * n:02d},000 --> 00:00:{2 * n + 2:02d},000\n{words}\n\n"
        for n, words in enumerate(cues, 1)
    )


def test_a_field_name_opening_a_cue_further_into_unlabelled_subtitles_is_talk(
    tmp_path: Path,
) -> None:
    """Header fields count only in a subtitle file's first cues: in a file with no speaker
    labels (Whisper's .srt), a cue opening "Note:" after cues of talk is the talk, not a header
    line left out (session 53: cue 11 of 23 was dropped)."""
    f = tmp_path / "p29.srt"
    f.write_text(
        _unlabelled_srt(
            [
                "Right, yeah. So we start at 07:30, the night staff hand over.",
                "That's the only time all week the whole team is in one room.",
                NOTE_CUE,
                "the electronic system goes down more than it stays up.",
            ]
        ),
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert turns_of(t) == [
        (
            "P29",
            "participant",
            "Right, yeah. So we start at 07:30, the night staff hand over. That's the only time"
            f" all week the whole team is in one room. {NOTE_CUE} the electronic system goes"
            " down more than it stays up.",
        )
    ]
    assert "header_cues" not in t.metadata


def test_header_fields_in_the_first_unlabelled_cues_are_still_left_out(tmp_path: Path) -> None:
    f = tmp_path / "p29.srt"
    f.write_text(
        _unlabelled_srt(
            [
                "Location: Leeds General",
                "Date: 4 May 2024",
                "Right, yeah. So we start at 07:30, the night staff hand over.",
            ]
        ),
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert turns_of(t) == [
        ("P29", "participant", "Right, yeah. So we start at 07:30, the night staff hand over.")
    ]
    assert t.metadata["header_cues"] == ["Location: Leeds General", "Date: 4 May 2024"]


def test_a_field_name_opening_a_paragraph_of_unlabelled_text_further_in_is_talk(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p29.txt"
    f.write_text(
        "Date: 4 May 2024\n\nSo we start at half seven, the night staff hand over.\n\n"
        "Note: we still keep a paper copy of the handover sheet.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert [w for _, _, w in turns_of(t)] == [
        "So we start at half seven, the night staff hand over.",
        "Note: we still keep a paper copy of the handover sheet.",
    ]


DASH_CUES = [
    "Sorry about that, the wifi dropped.",
    "- Are you back with me?\n- Yes, I'm here, sorry.",
    "Right, yeah. So we start at 07:30, the night staff hand over.",
    "Note: we still keep a paper copy of the handover sheet.",
    "Agency: that's still the problem, they come in not knowing anyone.",
]


def test_unlabelled_subtitles_with_dialogue_dashes_get_the_no_labels_advice(
    tmp_path: Path,
) -> None:
    """Broadcast-style .srt with no names, a dash where the speaker changes inside a cue:
    "Agency:" opening one cue named no speaker, and the file had none, so the advice was the
    no-labels one, not 'no interviewer among the speakers Unknown speaker, Agency'."""
    f = tmp_path / "p30.srt"
    f.write_text(_unlabelled_srt(DASH_CUES), "utf-8")
    t, caught = read_quietly(f)
    assert [(u.speaker, u.role) for u in t.turns] == [("P30", "participant")]
    assert "Agency: that's still the problem" in t.text
    assert "Note: we still keep" in t.text
    assert [m.split(": ", 1)[1][:27] for m in caught] == ["no speaker labels found, so"]


def test_inspect_quotes_the_time_marks_the_file_holds(tmp_path: Path) -> None:
    """The note on time marks left out quoted example forms (#00:01:02-3#) the file did not
    hold (session 53): it quotes the file's own first marks."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = tmp_path / "p08.txt"
    f.write_text(
        "[00:00:02] Interviewer: Can you hear me?\n\n"
        "[00:00:06] P08: Yes, loud and clear. [00:00:09]\n\n"
        "[00:00:10] Interviewer: What helps?\n\n"
        "[00:00:12] P08: The team, mostly. [00:00:15]\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert t.metadata["time_marks"] == ["[00:00:09]", "[00:00:15]"]
    assert "time marks ([00:00:09], [00:00:15]) left out" in reading_notes(t)


def test_dialogue_dashes_of_unlabelled_subtitles_are_left_out_of_the_words(
    tmp_path: Path,
) -> None:
    """A subtitle's dialogue dash marks a change of speaker, as a label does, and is no one's
    words: left in, a sentence ended on it ("... the wifi dropped. -", session 53). Offsets
    stay exact: the text is the cues' canonical rendering."""
    from roqa_nlp.transcripts.segment import segment

    f = tmp_path / "p30.srt"
    f.write_text(_unlabelled_srt(DASH_CUES[:3]), "utf-8")
    t, _ = read_quietly(f)
    assert t.text == (
        "P30: Sorry about that, the wifi dropped. Are you back with me? Yes, I'm here, sorry."
        " Right, yeah. So we start at 07:30, the night staff hand over."
    )
    segments = segment(t, unit="sentence")
    assert [s.text for s in segments] == [
        "Sorry about that, the wifi dropped.",
        "Are you back with me?",
        "Yes, I'm here, sorry.",
        "Right, yeah.",
        "So we start at 07:30, the night staff hand over.",
    ]
    assert all(t.text[s.start : s.end] == s.text for s in segments)


FOCUS_GROUP = (
    "Facilitator: What difference has it made for tenants?\n\n"
    "P75: I think the tenants have noticed more than we have, honestly.\n\n"
    "Staff: Sorry, can I come in there? Because on nights we never see the plans.\n\n"
    "Facilitator: That's really helpful. Anything to add?\n\n"
    "P75: That's true, I'll take that back.\n"
)


def test_inspect_names_a_label_like_word_read_as_the_speakers_words(tmp_path: Path) -> None:
    """A one-time `Staff:` between turns in a focus group may be a real speaker; read as the
    turn's words, roqa inspect says so in one read: line, with its line and what to do
    (session 53 re-test, item 3: it was absorbed with no message)."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = tmp_path / "fg_P75.txt"
    f.write_text(FOCUS_GROUP, "utf-8")
    t, _ = read_quietly(f)
    assert [u.speaker for u in t.turns] == ["Facilitator", "P75", "Facilitator", "P75"]
    assert reading_notes(t) == [
        "1 line opening like a label read as the speaker's words (line 5: 'Staff:'): if "
        "someone called that speaks there, label 2 or more of their turns or rename it"
    ]


@pytest.mark.parametrize(
    ("name", "place"),
    [
        # time marks taken out of the words: the text as read says "line 4" (session 78)
        ("fg_P75.txt", "00:01:40.000: 'Staff:'"),
        ("fg_P75.docx", "00:01:40.000: 'Staff:'"),
        ("fg_P75_plain.txt", "line 3: 'Staff:'"),
        # Word without times: its paragraphs are not lines, the words say where
        ("fg_P75_plain.docx", "'Staff: Sorry, can I come in there?'"),
    ],
)
def test_inspect_names_a_label_like_word_where_the_file_has_it(
    tmp_path: Path, name: str, place: str
) -> None:
    """The read: line names the label-like line where the file has it, as the folded warnings
    do (.line_places): a file whose time marks the reader takes out of the words is written
    anew, its turns a blank line apart, so its text's line 4 was named for the file's line 3;
    the line is named by the time its words are spoken, and in Word without times by them."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    lines = [
        "Interviewer: [00:01:02] What got in the way?",
        "P75: [00:01:10] Staffing, mostly.",
        "Staff: [00:01:40] Sorry, can I come in there?",
        "P75: [00:02:00] Yes, and the rota.",
        "Interviewer: [00:02:10] Go on.",
    ]
    if "plain" in name:
        lines = [line.replace(line[line.index("[") : line.index("]") + 2], "") for line in lines]
    f = tmp_path / name
    if f.suffix == ".docx":
        import docx

        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(str(f))
    else:
        f.write_text("\n".join(lines) + "\n", "utf-8")
    t, _ = read_quietly(f)
    assert {u.speaker for u in t.turns} == {"Interviewer", "P75"}
    said = [n for n in reading_notes(t) if "opening like a label" in n]
    assert said == [
        f"1 line opening like a label read as the speaker's words ({place}): if "
        "someone called that speaks there, label 2 or more of their turns or rename it"
    ]


def test_inspect_names_a_label_like_word_above_the_first_turn(tmp_path: Path) -> None:
    """A one-time `Staff:` line above the first speaker's turn is in no turn: before, it was
    dropped with no word of it; now roqa inspect names it in a read: line, and no speaker
    "Staff" is made (session 54, finding 3). A header field above the talk is not named."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = tmp_path / "p04.txt"
    f.write_text(
        "Date: 3 March 2026\n"
        "Staff: twelve nurses and four carers\n\n"
        "Interviewer: Tell me about your team.\n"
        "P04: We have a small team and everyone knows each other well.\n"
        "Interviewer: And agency?\n"
        "P04: We use some agency staff at weekends only.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P04", "Interviewer", "P04"]
    assert reading_notes(t) == [
        "1 line above the first turn opening like a label left out as the header's, no one's "
        "talk (line 2: 'Staff:'): if someone called that speaks there, label 2 or more of their "
        "turns or rename it; if it is a speaker's words, put their label before it"
    ]


@pytest.mark.parametrize(
    "field", ["Team: district nursing", "Department: community services", "Band: 4", "Grade: 5"]
)
def test_inspect_does_not_name_a_header_field_above_the_first_turn(
    tmp_path: Path, field: str
) -> None:
    """`Team: district nursing` (and Department:, Band:, Grade:) above the talk is a header
    field, as Service: and Site: are: roqa inspect told of it as a label-like line and advised
    labelling 2 or more turns of someone called Team (s54 hunt, finding 4); it is left out with
    the header and not named, and never a speaker's turn (`Band: 4` was read as a speaker's)."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = tmp_path / "p25.txt"
    f.write_text(
        "Participant ID: P25\n"
        "Role: Support worker\n"
        f"{field}\n"
        "Site: north\n\n"
        "Interviewer: Could you tell me about your job?\n"
        "P25: I do home visits mostly, across the north of the district.\n"
        "Interviewer: Thanks.\n"
        "P25: You're welcome.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P25", "Interviewer", "P25"]
    assert reading_notes(t) == []


def test_inspect_says_nothing_of_a_turns_own_label(tmp_path: Path) -> None:
    f = tmp_path / "p32.txt"
    f.write_text(_typed("Manager"), "utf-8")
    from roqa_nlp.cli.inspect_cmd import reading_notes

    assert reading_notes(read_quietly(f)[0]) == []


def test_job_titles_said_once_in_an_answer_stay_the_answers_words(tmp_path: Path) -> None:
    """s54 review 2, finding 10: a list of roles and reported speech in an answer made
    speakers who never spoke of "Staff nurse", "Support worker" and "Line manager" (ae1de891,
    reverted in b732cc40 without a test). A job title said once is the answer's words."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How is the team staffed?\n"
        "P04: It varies.\n"
        "Staff nurse: one\n"
        "Health care assistant: two\n"
        "Support worker: one on call\n"
        "Interviewer: And what did your manager say?\n"
        "P04: Line manager: we can't change it until April.\n"
        "Then nothing happened.\n",
        "utf-8",
    )
    t, _ = read_quietly(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How is the team staffed?"),
        (
            "P04",
            "participant",
            "It varies.\nStaff nurse: one\nHealth care assistant: two\nSupport worker: one on call",
        ),
        ("Interviewer", "interviewer", "And what did your manager say?"),
        (
            "P04",
            "participant",
            "Line manager: we can't change it until April.\nThen nothing happened.",
        ),
    ]


OTTER_UNKNOWN = (
    "Unknown Speaker  0:00\nIs that recording? Yes, I think it is.\n\n"
    "Sam Roe  0:04\nWhat helps people recover in your service?\n\n"
    "Niamh O'Brien  0:11\nRelationships, above everything. People recover with someone.\n\n"
    "Sam Roe  0:31\nThank you so much.\n"
)


def test_otters_unknown_speaker_is_named_as_a_voice_the_tool_could_not_name(
    tmp_path: Path,
) -> None:
    """s57 wild tester, finding 5: Otter's ``Unknown Speaker`` label was coded as the
    participant's with no word said. Its words are still coded as a participant's (as talk no
    label names is), and one warning says what the label is and to relabel it."""
    f = tmp_path / "otter_p13.txt"
    f.write_text(OTTER_UNKNOWN, encoding="utf-8")
    t, said = read_quietly(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Unknown Speaker", "participant"),
        ("Sam Roe", "interviewer"),
        ("Niamh O'Brien", "participant"),
        ("Sam Roe", "interviewer"),
    ]
    assert said == [
        f"{f}: 1 turn is labelled 'Unknown Speaker' (00:00:00.000 'Is that recording? Yes, I "
        "think it is.'), a voice the transcription tool could not name, read as a participant's "
        "talk and coded: check who speaks there and put their name on that turn in place of "
        "'Unknown Speaker'"
    ]


def test_a_transcript_without_an_unknown_speaker_gets_no_such_warning(tmp_path: Path) -> None:
    f = tmp_path / "otter_p13.txt"
    f.write_text(OTTER_UNKNOWN.replace("Unknown Speaker", "Sam Roe"), encoding="utf-8")
    assert read_quietly(f, interviewer_labels=["Sam Roe"])[1] == []
