"""`roqa inspect`: how each transcript is read, before coding and without a model; and what
`roqa code` says of a transcript that gives nothing to code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli_core import EXAMPLES, roqa


def test_inspect_reports_each_speakers_role_turns_and_words_of_the_examples() -> None:
    run = roqa("inspect", EXAMPLES, "--json")
    assert run.code == 0, run.err
    got = json.loads(run.out)
    assert [(s["id"], s["format"], s["participant"]) for s in got] == [
        ("p01_interview", "txt", "P01"),
        ("p02_interview", "vtt", "P02"),
        ("p03_interview", "docx", "P03"),
    ]
    assert [s["speakers"] for s in got] == [
        [
            {"speaker": "Interviewer", "role": "interviewer", "turns": 30, "words": 276},
            {"speaker": "P01", "role": "participant", "turns": 29, "words": 1655},
        ],
        [  # the interviewer's 11 "Mm-hmm." (and a "That makes sense.") cues between two of
            # P02's are left out, one after her "... who's liable?"
            {"speaker": "Interviewer", "role": "interviewer", "turns": 19, "words": 209},
            {"speaker": "P02", "role": "participant", "turns": 19, "words": 1706},
        ],
        [  # and her 8 paragraphs of them between two of P03's (the .txt keeps its own turns)
            {"speaker": "Interviewer", "role": "interviewer", "turns": 21, "words": 246},
            {"speaker": "P03", "role": "participant", "turns": 21, "words": 1644},
        ],
    ]
    # `make demo` codes 76 segments of these 69 turns: long turns are cut into windows
    assert [(s["turns_to_code"], s["backchannels"], s["warning"]) for s in got] == [
        (29, 0, None),
        (19, 0, None),
        (21, 0, None),
    ]
    # those said inside another speaker's turn, counted apart (tester s59: --json had no count
    # of them, and its read_as said "(not among the turns above)", of a table it does not have)
    assert [s["backchannels_left_out"] for s in got] == [0, 11, 8]
    assert [s["read_as"] for s in got] == [
        ["8 turns split by another speaker's backchannel ('Mm-hmm.', 'Yeah.', 'Right.'): this "
         "format is read as typed, so each part is coded on its own (delete the backchannel line "
         "in the file to code the turn whole, if its parts are one answer)"],  # P01's, around the interviewer's backchannels
        ["11 backchannels (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
         "text, so that turn is read whole"],
        ["8 backchannels (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
         "text, so that turn is read whole"],
    ]  # fmt: skip
    text = roqa("inspect", EXAMPLES)
    assert "3 transcript(s), 69 participant turn(s) to code." in text.out
    heading = f"p02_interview (case P02): {EXAMPLES / 'p02_interview.vtt'}, vtt"
    assert heading in text.out.splitlines()  # one line, however long the path


def test_inspect_says_what_to_check_and_takes_the_interviewers_name(tmp_path: Path) -> None:
    call = tmp_path / "zoom_p07.txt"
    call.write_text(
        "Sam Roe: What gets in the way?\nMaria Okafor: Staffing.\nSam Roe: Right.\n"
        "Maria Okafor: Mm-hmm.\n",
        encoding="utf-8",
    )
    run = roqa("inspect", call)
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"check: {call}: no interviewer among the speakers 'Sam Roe', 'Maria Okafor', so "
        "everyone's talk is coded (name the interviewer with --interviewer NAME)"
    ) in said
    # "Right." is a backchannel, whoever says it; two "check:" lines (no interviewer, and the
    # two participant labels) are two to check
    assert said.count("check:") == 2
    assert said.endswith("1 transcript(s), 2 participant turn(s) to code; 2 to check (above).")
    named = json.loads(roqa("inspect", call, "--interviewer", "Sam Roe", "--json").out)
    assert named[0]["speakers"] == [
        {"speaker": "Sam Roe", "role": "interviewer", "turns": 2, "words": 6},
        {"speaker": "Maria Okafor", "role": "participant", "turns": 2, "words": 2},
    ]
    assert (named[0]["turns_to_code"], named[0]["backchannels"]) == (1, 1)
    assert named[0]["participant"] == "P07" and named[0]["warning"] is None


def test_inspect_names_a_zoom_host_a_participant_with_participant(tmp_path: Path) -> None:
    """Zoom marks whoever hosted the call (Host), a default interviewer label; the participant
    may be the host."""
    call = tmp_path / "zoom_p07.txt"
    call.write_text(
        "Sam Roe: What has helped?\nJane Smith (Host): The training days, without a doubt.\n"
        "Sam Roe: What got in the way?\nJane Smith (Host): Staffing. We were two carers short.\n"
        "Sam Roe: How did you cope?\nJane Smith (Host): Agency staff, at a cost.\n",
        encoding="utf-8",
    )
    run = roqa("inspect", call, "--json")
    (got,) = json.loads(run.out)
    assert [(s["speaker"], s["role"]) for s in got["speakers"]] == [
        ("Sam Roe", "participant"),
        ("Jane Smith (Host)", "interviewer"),
    ]
    assert got["warning"] == (
        f"{call}: 'Jane Smith (Host)', taken as the interviewer for the role in brackets, asks "
        "in none of their 3 turns while 'Sam Roe' asks in 3 of 3: check who interviews here (if "
        "the participant hosted the video call, name them with --participant NAME)"
    )
    run = roqa("inspect", call, "--json", "--participant", "Jane Smith", "--interviewer", "Sam Roe")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert [(s["speaker"], s["role"]) for s in got["speakers"]] == [
        ("Sam Roe", "interviewer"),
        ("Jane Smith (Host)", "participant"),
    ]
    assert (got["turns_to_code"], got["warning"]) == (3, None)


def test_inspect_of_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    run = roqa("inspect", tmp_path / "nope.txt")
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        f"roqa: error: {tmp_path / 'nope.txt'}: file or folder not found (check the path)"
    ]


def test_inspect_json_given_a_file_name_says_to_redirect(tmp_path: Path) -> None:
    run = roqa("inspect", EXAMPLES, "--json", "inspect.json")
    assert (run.code, run.out) == (2, "")
    assert run.err.strip().splitlines() == [
        "roqa: error: inspect.json: --json prints the JSON to the screen and takes no file "
        "name, so this would be read as a transcript (to save the JSON, redirect it: "
        "roqa inspect ... --json > inspect.json)"
    ]


@pytest.mark.parametrize("held", ["", '[{"source": "examples/p01.txt", "turns_to_code": 3}]'])
def test_inspect_json_given_a_file_name_that_exists_says_to_redirect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: str
) -> None:
    """Cli tester, session 64: with inspect.json there (saved with > before, or empty), the
    hint to redirect gave way to 'is not a Whisper transcript' or 'no speech found'."""
    monkeypatch.chdir(tmp_path)
    Path("inspect.json").write_text(held, encoding="utf-8")
    run = roqa("inspect", EXAMPLES, "--json", "inspect.json")
    assert (run.code, run.out) == (2, "")
    assert run.err.strip().splitlines() == [
        "roqa: error: inspect.json: --json prints the JSON to the screen and takes no file "
        "name, so this would be read as a transcript (to save the JSON, redirect it: "
        "roqa inspect ... --json > inspect.json)"
    ]


def test_inspect_json_reads_a_speech_to_text_json_file_that_exists(tmp_path: Path) -> None:
    whisper = tmp_path / "p05.json"
    whisper.write_text(
        json.dumps({"segments": [{"start": 0.0, "end": 4.0, "text": "We never had the staff."}]}),
        encoding="utf-8",
    )
    run = roqa("inspect", whisper, "--json")
    assert run.code == 0, run.err
    assert [s["source"] for s in json.loads(run.out)] == [str(whisper)]


def test_code_warns_of_a_transcript_whose_participant_only_says_yeah(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    said = tmp_path / "p04.txt"
    said.write_text(
        # agreeing along ("Yeah, yeah.") and acknowledging a statement: a single "Yeah." right
        # after "How are things?" would be the answer, and coded
        "Interviewer: How are things?\nP04: Yeah, yeah.\nInterviewer: Tell me about the rota."
        "\nP04: Mm-hmm.\n",
        encoding="utf-8",
    )
    run = roqa("code", said, "--out", tmp_path / "out", "--model", tiny_model_dir, "--no-report")
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"roqa: warning: {said}: nothing to code: its 2 participant turn(s) are all backchannels "
        "such as 'Yeah.' (check that the participant's talk is labelled 'P04: ...')"
    ]
    inspected = json.loads(roqa("inspect", said, "--json").out)
    assert (inspected[0]["turns_to_code"], inspected[0]["backchannels"]) == (0, 2)


def test_inspect_says_what_the_reader_left_out_or_read_in_another_shape(tmp_path: Path) -> None:
    (tmp_path / "p01.txt").write_text(
        "1  Interviewer: What helps?\n2  P01: Supervision.\n3  And training.\n", "utf-8"
    )
    (tmp_path / "p02.txt").write_text(
        "I: What helps? #00:00:03-1#\n\nR: Supervision. #00:00:07-5#\n", "utf-8"
    )
    (tmp_path / "p03.txt").write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nInterviewer: What helps?\n\n"
        "00:00:03.000 --> 00:00:06.000\nP03: Supervision.\n",
        "utf-8",
    )
    (tmp_path / "p04.txt").write_text("Interviewer: What helps?\nP04: Supervision.\n", "utf-8")
    (tmp_path / "p05.txt").write_text(
        "[00:00.000 --> 00:02.000] Interviewer: What helps?\n[00:02.000 --> 00:04.000] P05: Pay.\n",
        "utf-8",
    )
    (tmp_path / "p06.txt").write_text(
        "Sam Roe: What helps?\n\nRuth Clarke: Pay.\n\nMeeting ended after 00:09:12 👋\n", "utf-8"
    )
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    assert [(s["id"], s["read_as"]) for s in json.loads(run.out)] == [
        ("p01", ["line numbers left out"]),
        ("p02", ["time marks (#00:00:03-1#, #00:00:07-5#) left out"]),
        ("p03", ["read as subtitles (2 cues)"]),
        ("p04", []),
        ("p05", ["lines opening with a time range read as subtitles (2 cues)"]),
        (
            "p06",
            [
                "a transcription service's own lines left out, no one's talk (1 line: "
                "'Meeting ended after 00:09:12 👋')"
            ],
        ),
    ]
    text = roqa("inspect", tmp_path / "p02.txt")
    assert "  read: time marks (#00:00:03-1#, #00:00:07-5#) left out" in text.out.splitlines()


def test_inspect_says_only_a_notes_time_was_left_out_and_the_note_kept(tmp_path: Path) -> None:
    """s55 tester: on a Rev .docx inspect said ``time marks ([inaudible 00:07:42]) left out``,
    as if the note were dropped; only its time goes, ``[inaudible]`` stays in the words."""
    docx = pytest.importorskip("docx")
    for name, answer in [
        ("p01", "Staff [inaudible 00:07:42] left."),
        ("p02", "Staff left. [00:00:28] Pay [crosstalk 00:00:31] too."),
    ]:
        d = docx.Document()
        d.add_paragraph("Interviewer: Why?")
        d.add_paragraph(f"P01: {answer}")
        d.save(str(tmp_path / f"{name}.docx"))
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    assert [(s["id"], s["read_as"]) for s in json.loads(run.out)] == [
        (
            "p01",
            [
                "the times in notes ([inaudible 00:07:42]) left out of the words, the notes "
                "kept ('[inaudible]')"
            ],
        ),
        (
            "p02",
            [
                "time marks ([00:00:28]) left out",
                "the times in notes ([crosstalk 00:00:31]) left out of the words, the notes "
                "kept ('[crosstalk]')",
            ],
        ),
    ]


def test_a_note_kept_is_named_once_however_many_times_it_had() -> None:
    """review, session 55: two '[inaudible ...]' marks were said as the notes kept
    ('[inaudible]', '[inaudible]'); each note is named once."""
    from roqa_nlp.cli.inspect_cmd import time_marks_notes

    assert time_marks_notes(
        ["[inaudible 00:07:42]", "[crosstalk 00:08:10]", "[inaudible 00:09:01]"]
    ) == [
        "the times in notes ([inaudible 00:07:42], [crosstalk 00:08:10], [inaudible 00:09:01]) "
        "left out of the words, the notes kept ('[inaudible]', '[crosstalk]')"
    ]


def test_inspect_names_the_zoom_chat_lines_left_out_of_the_turns(tmp_path: Path) -> None:
    """Chat messages pasted among the turns are no one's speech: inspect counts the turns
    without them and names them (a sender's [brackets] shown as typed)."""
    (tmp_path / "p04.txt").write_text(
        "Chima (researcher): Can you hear me?\n\n"
        "10:15:32 From Chima [host] : sorry, my video froze\n\n"
        "P04a: Yes, loud and clear.\n\n"
        "10:22:05 From P04b : I have to leave at half past for a visit\n\n"
        "P04b: And the paperwork.\n",
        "utf-8",
    )
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert got["speakers"] == [
        {"speaker": "Chima (researcher)", "role": "interviewer", "turns": 1, "words": 4},
        {"speaker": "P04a", "role": "participant", "turns": 1, "words": 4},
        {"speaker": "P04b", "role": "participant", "turns": 1, "words": 3},
    ]
    assert got["turns_to_code"] == 2
    assert got["read_as"] == [
        "2 Zoom chat lines left out: 10:15:32 From Chima [host], 10:22:05 From P04b (typed in "
        "the call's chat, not speech: not coded)"
    ]
    text = roqa("inspect", tmp_path / "p04.txt")
    assert (
        "read: 2 Zoom chat lines left out: 10:15:32 From Chima [host], 10:22:05 From P04b "
        "(typed in the call's chat, not speech: not coded)"
    ) in " ".join(text.out.split())


#: A call with two chat messages pasted among its turns, and one with none
CHAT_CALL = (
    "Chima (researcher): Can you hear me?\n\n"
    "10:15:32 From Chima [host] : sorry, my video froze\n\n"
    "P04a: Yes, loud and clear. The staffing was the hardest part all winter.\n\n"
    "10:22:05 From P04b : I have to leave at half past for a visit\n\n"
    "P04b: And the paperwork, which doubled.\n"
)


@pytest.mark.parametrize("mode", ["--no-report", "--stream"])
def test_code_says_once_per_transcript_how_many_zoom_chat_lines_it_left_out(
    tmp_path: Path, tiny_model_dir: Path, mode: str
) -> None:
    """roqa code left chat lines out without a word, while roqa inspect named them (session 34
    tester P). It counts them, not naming the senders (real names, in a run that may be
    pseudonymised), and points to inspect."""
    (tmp_path / "in").mkdir()
    chat = tmp_path / "in" / "p04.txt"
    chat.write_text(CHAT_CALL, "utf-8")
    (tmp_path / "in" / "p05.txt").write_text(
        "Interviewer: What helped?\nP05: Supervision, every week.\n", "utf-8"
    )
    run = roqa("code", tmp_path / "in", "--out", tmp_path / "out", "--model", tiny_model_dir, mode)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if line.startswith("roqa: ")] == [
        f"roqa: note: {chat}: 2 Zoom chat lines left out (typed in the call's chat, not speech: "
        "not coded; roqa inspect lists them)",
        f"roqa: note: {chat}: 2 participants speak ('P04a', 'P04b'), each counted and cited by "
        "their label in the case P04: if they are one person under two labels (renamed in the "
        "call), label all their turns alike",
    ]


@pytest.mark.parametrize("mode", ["--no-report", "--stream"])
def test_code_names_the_participant_labels_to_check_as_inspect_does(
    tmp_path: Path, tiny_model_dir: Path, mode: str
) -> None:
    """A line read as a second participant who speaks once ("Mum: ..." inside P90's answer)
    was named by roqa inspect ("check: ... speaks under 2 labels") but roqa code said nothing,
    and Table 2 counted the label as a participant (session 36 tester). The line also looks
    quoted (a word often quoted, its words opening with a small letter, inside P90's talk):
    that warning comes first (session 85, quotedwarn)."""
    (tmp_path / "in").mkdir()
    p90 = tmp_path / "in" / "p90.txt"
    p90.write_text(
        "Interviewer: What are the biggest barriers for you?\nP90: Three things, really.\n"
        "Mum: he doesn't sleep, that's the first.\n"
        "Interviewer: And what helps?\nP90: A team leader who believes in recovery.\n",
        "utf-8",
    )
    (tmp_path / "in" / "p05.txt").write_text(
        "Interviewer: What helped?\nP05: Supervision, every week.\n", "utf-8"
    )
    run = roqa("code", tmp_path / "in", "--out", tmp_path / "out", "--model", tiny_model_dir, mode)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if line.startswith("roqa: ")] == [
        f"roqa: warning: {p90}: 1 line opening with a word often quoted or read out (line 3: "
        "'Mum:' in P90's talk) was read as a new speaker's turn, splitting the answer: if a line "
        "is quoted or read out, put the whole line in quotes or join it to the line above; if it "
        "is someone speaking, the turn is right, and a fuller label (their name) is not warned "
        "of",
        f"roqa: note: {p90}: the participant speaks under 2 labels ('P90', 'Mum'), read as one "
        "person, the case P90 (renamed or rejoined in the call): if they are different people, "
        "label each one's turns with their own id ('P90a: ...', 'P90b: ...')",
    ]


def test_inspect_counts_the_backchannels_left_out_inside_a_turn(tmp_path: Path) -> None:
    """A Zoom call's "Mm-hmm." cues between the pieces of an answer are left out so that the
    answer is one turn: inspect says how many, and the interviewer is guessed."""
    cues = [
        ("Sam Roe", "What helps?"),
        ("Ann Lee", "Supervision, every week."),
        ("Sam Roe", "Mm-hmm."),
        ("Ann Lee", "And training, when there is time for it."),
        ("Sam Roe", "Yeah."),
        ("Ann Lee", "Which there often isn't."),
        ("Sam Roe", "What gets in the way?"),
        ("Ann Lee", "Staffing, mostly."),
        ("Sam Roe", "Anything else?"),
        ("Ann Lee", "The rota."),
    ]
    (tmp_path / "zoom_p08.vtt").write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: {words}\n\n"
            for i, (who, words) in enumerate(cues)
        ),
        "utf-8",
    )
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert got["speakers"] == [
        {"speaker": "Sam Roe", "role": "interviewer", "turns": 3, "words": 9},
        {"speaker": "Ann Lee", "role": "participant", "turns": 3, "words": 19},
    ]
    assert got["read_as"] == [
        "2 backchannels (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
        "text, so that turn is read whole"
    ]
    text = roqa("inspect", tmp_path)
    assert (
        "read: 2 backchannels (such as 'Mm-hmm.') said inside another speaker's turn left out of "
        "the text, so that turn is read whole (not among the turns above)"
    ) in " ".join(text.out.split())


def test_inspect_says_which_backchannels_each_count_counts(tmp_path: Path) -> None:
    """Session 59 tester, LOW 7: "(2 backchannel(s) left out)" under the table and "read: 3
    backchannels ... left out" of one file read as two counts of one thing. The first counts
    participant turns that are only a backchannel, the second backchannels said inside another
    speaker's turn: each line says which."""
    cues = [
        ("Sam Roe", "What helps the team?"),
        ("Ann Lee", "Supervision, every week, with the same senior each time."),
        ("Sam Roe", "Mm-hmm."),
        ("Ann Lee", "And training, when there is time for it."),
        ("Bob Diaz", "Exactly."),
        ("Sam Roe", "What gets in the way?"),
        ("Bob Diaz", "Staffing, mostly, and the agency shifts at weekends."),
        ("Sam Roe", "Anything else?"),
        ("Ann Lee", "The rota, which changes every week."),
    ]
    (tmp_path / "fg07.vtt").write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: {words}\n\n"
            for i, (who, words) in enumerate(cues)
        ),
        "utf-8",
    )
    said = " ".join(roqa("inspect", tmp_path, "--interviewer", "Sam Roe").out.split())
    assert (
        "3 participant turn(s) to code (1 more is only a backchannel, not coded) read: 1 "
        "backchannel (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
        "text, so that turn is read whole (not among the turns above)"
    ) in said


GERMAN = (
    "Also, wir haben im Team sehr viel über Recovery gesprochen, aber die Personalsituation ist "
    "schwierig. Die Mitarbeiter sind motiviert, aber es fehlt an Zeit und Geld für Schulungen. "
)


def test_a_transcript_that_does_not_read_as_english_is_named_to_check(tmp_path: Path) -> None:
    f = tmp_path / "p15.txt"
    f.write_text("I: Wie läuft es?\n" + "B: " + GERMAN * 8 + "\n", "utf-8")
    run = roqa("inspect", f, "--json")
    assert run.code == 0, run.err
    [got] = json.loads(run.out)
    assert got["language"] == (
        f"{f}: the talk does not read as English (7% of its 224 participant words are common "
        "English words, against about half in English talk), and the model reads English only, "
        "so its suggestions will mean little (code this transcript by hand, or a translation "
        "of it)"
    )
    text = roqa("inspect", f)
    assert "1 transcript(s), 1 participant turn(s) to code; 1 to check (above)." in text.out
    english = roqa("inspect", EXAMPLES, "--json")
    assert [s["language"] for s in json.loads(english.out)] == [None, None, None]


def test_a_transcript_of_fewer_participant_words_than_the_minimum_is_not_judged(
    tmp_path: Path,
) -> None:
    """Under MIN_WORDS words of participant talk (in turns of MIN_TURN_WORDS words or more) the
    language is not judged at all (the README, whose transcript detail is now
    docs/transcripts.md, once read "judged from 200 words", as if 200 words were sampled)."""
    from roqa_nlp.transcripts.language import MIN_WORDS

    f = tmp_path / "p15.txt"
    f.write_text("I: Wie läuft es?\n" + "B: " + GERMAN * 7 + "\n", "utf-8")  # 196 words
    [got] = json.loads(roqa("inspect", f, "--json").out)
    assert (MIN_WORDS, got["language"]) == (200, None)
    page = " ".join((EXAMPLES.parents[1] / "docs" / "transcripts.md").read_text("utf-8").split())
    assert (
        "judged on its participants' turns of four words or more, since a one-word answer such "
        "as `Yeah.` or `Staffing.` tells nothing of its language; a transcript with fewer than "
        "200 words in such turns is not judged"
    ) in page


def test_words_left_out_between_cues_are_named_to_check(tmp_path: Path) -> None:
    f = tmp_path / "p19.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nInterviewer: Why?\n\n"
        "00:00:05.000 >> 00:00:09.000\nP19: Money.\n\n00:00:10.000 --> 00:00:12.000\nP19: Time.\n",
        "utf-8",
    )
    [got] = json.loads(roqa("inspect", f, "--json").out)
    assert got["left_out"] == (
        f"{f}: 1 cue block has a timing line roqa cannot read (lines 6-7), so its words were "
        "read without a time: '00:00:05.000 >> 00:00:09.000' (mend the timing line to have them "
        "timed)"
    )
    assert "; 1 to check (above)." in roqa("inspect", f).out


def test_inspect_counts_the_turns_a_plain_text_backchannel_splits(tmp_path: Path) -> None:
    """A .txt keeps its turns as typed: the interviewer's 'Right.' between two of P14's turns
    splits an answer, which inspect says; 'Yes.' answering a question and a participant's
    'That's right.' confirming the interviewer are no such split."""
    (tmp_path / "p14.txt").write_text(
        "Interviewer: What gets in the way of recovery work?\n\n"
        "P14: Honestly, the hours. We are commissioned for one worker where two are needed.\n\n"
        "Interviewer: Right.\n\n"
        "P14: And the pay, we lose people to the supermarkets every month.\n\n"
        "Interviewer: Is there anything that helps?\n\nP14: Yes.\n\nInterviewer: Go on.\n\n"
        "P14: Supervision, every month.\n\nInterviewer: So supervision is what keeps it going.\n\n"
        "P14: That's right.\n\nInterviewer: Thank you.\n",
        encoding="utf-8",
    )
    run = roqa("inspect", tmp_path / "p14.txt", "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert got["read_as"] == [
        "1 turn split by another speaker's backchannel ('Right.'): this format is read as typed, "
        "so each part is coded on its own (delete the backchannel line in the file to code the "
        "turn whole, if its parts are one answer)"
    ]


def _read_as(tmp_path: Path, lines: str) -> list[str]:
    """What ``roqa inspect --json`` says it read of a p04.txt holding ``lines``."""
    (tmp_path / "p04.txt").write_text(lines, encoding="utf-8")
    run = roqa("inspect", tmp_path / "p04.txt", "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    return list(got["read_as"])


_ANSWER = (
    "Interviewer: How did the new discharge checklist fit with what you already did?\n"
    "P04: It didn't really fit, we already had three forms, and this was a fourth.\n"
)
_ANSWER_GOES_ON = "P04: And nobody ever took the old ones away, so we filled in the same twice.\n"


def test_inspect_counts_an_answer_split_by_one_backchannel_once(tmp_path: Path) -> None:
    """Answer, the interviewer's 'Mm-hm.', the answer going on: two coded parts, one split."""
    assert _read_as(tmp_path, f"{_ANSWER}Interviewer: Mm-hm.\n{_ANSWER_GOES_ON}") == [
        "1 turn split by another speaker's backchannel ('Mm-hm.'): this format is read as typed, "
        "so each part is coded on its own (delete the backchannel line in the file to code the "
        "turn whole, if its parts are one answer)"
    ]


def test_inspect_counts_an_answer_split_by_backchannels_both_ways_once(tmp_path: Path) -> None:
    """Regression hunt 4, session 56: answer, the interviewer's 'Mm-hm.', P04's 'Yeah.' (left
    out, coded nowhere), the interviewer's 'Right.', the answer going on, was '2 turns split';
    its two coded parts are one split, citing the interviewer's backchannels between them."""
    between = "Interviewer: Mm-hm.\nP04: Yeah.\nInterviewer: Right.\n"
    assert _read_as(tmp_path, f"{_ANSWER}{between}{_ANSWER_GOES_ON}") == [
        "1 turn split by another speaker's backchannel ('Mm-hm.', 'Right.'): this format is read "
        "as typed, so each part is coded on its own (delete the backchannel line in the file to "
        "code the turn whole, if its parts are one answer)"
    ]


def test_inspect_counts_no_split_before_a_backchannel_coded_nowhere(tmp_path: Path) -> None:
    """Writeup tester, session 56: an answer, the interviewer's 'Okay.' and P04's 'Yeah.', left
    out as a backchannel, read '1 turn split ... each part is coded on its own': 'Yeah.' is
    coded nowhere, so nothing coded is split."""
    assert _read_as(tmp_path, f"{_ANSWER}Interviewer: Okay.\nP04: Yeah.\n") == []


def test_inspect_reads_an_otter_txt_answer_whole_across_a_yeah_and_counts_turns_as_its_table(
    tmp_path: Path,
) -> None:
    """An Otter-style .txt (the speaker's label and time on a line of their own) is a machine's
    export: the interviewer's 'Yeah.' between two parts of an answer is left out and the answer
    read whole, as in .docx (s48 tester: Otter's 'Mm hmm.' blocks split answers), and the
    guessed interviewer's count is of all her turns, as the table shows them (3). Before:
    "(such as 'Right.')" and "(3 of 3 turns)" beside a table of 4 turns (s43 tester)."""
    said = [
        ("Speaker 1", "What has helped the service?"),
        ("Speaker 2", "The champions on each shift, mostly, because they show the others how."),
        ("Speaker 1", "Yeah."),
        ("Speaker 2", "And they report back to me every month."),
        ("Speaker 1", "And what got in the way?"),
        ("Speaker 2", "The software, which kept crashing every time we saved a plan."),
        ("Speaker 1", "How did the staff take it?"),
        ("Speaker 2", "Badly at first, then well enough once the champions helped."),
    ]
    (tmp_path / "p32.txt").write_text(
        "".join(f"{w}  0:{i:02d}\n{s}\n\n" for i, (w, s) in enumerate(said)), "utf-8"
    )
    run = roqa("inspect", tmp_path / "p32.txt", "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert [(s["speaker"], s["turns"]) for s in got["speakers"]] == [
        ("Speaker 1", 3),
        ("Speaker 2", 3),
    ]
    assert got["read_as"] == [
        "1 backchannel (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
        "text, so that turn is read whole"
    ]
    assert (
        "so 'Speaker 1', who asks the questions (3 of 3 turns), was taken as the interviewer"
        in got["warning"]
    )


def test_inspect_counts_the_interviewers_mm_after_a_participants_question_alike_in_text_and_vtt(
    tmp_path: Path,
) -> None:
    """The interviewer's 'Mm.' after the participant's own question ('... isn't it?') splits her
    answer: a .vtt reads it whole and says 1 backchannel was left out, and the same talk typed
    as a .txt says 1 turn is split by one; the participant's 'Yeah.' answering 'Can you hear
    me?' is neither. Before, both said none."""
    said = [
        ("Interviewer", "Can you hear me?"),
        ("P21", "Yeah."),
        ("Interviewer", "What gets in the way?"),
        ("P21", "Bank staff at nights, which is the same everywhere, isn't it?"),
        ("Interviewer", "Mm."),
        ("P21", "Two vacancies for six months."),
    ]
    (tmp_path / "p21.txt").write_text("".join(f"{w}: {s}\n\n" for w, s in said), "utf-8")
    (tmp_path / "p22.vtt").write_text(
        "WEBVTT\n\n"
        + "".join(
            f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{w}: {s}\n\n"
            for i, (w, s) in enumerate(said)
        ),
        "utf-8",
    )
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    assert [
        (got["id"], [s["turns"] for s in got["speakers"]], got["read_as"])
        for got in json.loads(run.out)
    ] == [
        (
            "p21",
            [3, 3],
            [
                "1 turn split by another speaker's backchannel ('Mm.'): this format is read as "
                "typed, so each part is coded on its own (delete the backchannel line in the "
                "file to code the turn whole, if its parts are one answer)"
            ],
        ),
        (
            "p22",
            [2, 2],
            [
                "1 backchannel (such as 'Mm-hmm.') said inside another speaker's turn left out of "
                "the text, so that turn is read whole"
            ],
        ),
    ]


def test_inspect_names_an_interview_whose_participant_speaks_under_two_labels(
    tmp_path: Path,
) -> None:
    """A Zoom rename (Maria Okafor, then P17) is read as one person, a dyad (P05a, P05b) as two:
    both are named to check, saying how they are counted and the fix if that is wrong."""
    call = tmp_path / "zoom_p17.txt"
    call.write_text(
        "Sam Roe: What gets in the way?\nMaria Okafor: Staffing, mostly.\n"
        "Sam Roe: And families?\nP17: They help a lot.\n",
        encoding="utf-8",
    )
    dyad = tmp_path / "p05_dyad.txt"
    dyad.write_text(
        "Interviewer: What gets in the way?\nP05a: Money.\nP05b: Staff turnover, for me.\n",
        encoding="utf-8",
    )
    solo = tmp_path / "p06.txt"
    solo.write_text("Interviewer: What gets in the way?\nP06: Money.\n", encoding="utf-8")
    run = roqa(
        "inspect", call, dyad, solo, "--interviewer", "Sam Roe", "--interviewer", "Interviewer"
    )
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"check: {call}: the participant speaks under 2 labels ('Maria Okafor', 'P17'), read "
        "as one person, the case P17 (renamed or rejoined in the call): if they are different "
        "people, label each one's turns with their own id ('P17a: ...', 'P17b: ...')"
    ) in said
    assert (
        f"check: {dyad}: 2 participants speak ('P05a', 'P05b'), each counted and cited by "
        "their label in the case P05: if they are one person under two labels (renamed in the "
        "call), label all their turns alike"
    ) in said
    assert said.endswith("3 transcript(s), 5 participant turn(s) to code; 2 to check (above).")
    found = json.loads(roqa("inspect", solo, "--json").out)
    assert found[0]["labels"] is None


#: A Zoom cloud recording's transcript under the name Zoom saves it by: the participant's
#: display name ('Grace (she/her)') names no study id, so the file name is the case.
_ZOOM_CALL = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nDr Sam Patel: What helps on the unit?\n\n"
    "2\n00:00:05.000 --> 00:00:09.000\nGrace (she/her): The team does, mostly.\n\n"
    "3\n00:00:10.000 --> 00:00:13.000\nDr Sam Patel: And what gets in the way?\n\n"
    "4\n00:00:14.000 --> 00:00:18.000\nGrace (she/her): Paperwork, and the staffing.\n"
)


def _zoom_default_name_warning(path: Path) -> str:
    return (
        f"{path}: the file has Zoom's default name, which the outputs give as its case "
        "(Table 2, the framework matrix, quotes): rename the file by the participant's study "
        "id (e.g. P07.vtt), or code with --pseudonymise KEY.csv to give the case a pseudonym "
        "such as P01"
    )


def test_inspect_says_a_zoom_default_file_name_is_the_case_and_how_to_rename_it(
    tmp_path: Path,
) -> None:
    """GMT20261014-100312_Recording.transcript.vtt was the case in Table 2, the matrix and
    quote citations, and inspect gave no hint to rename it (session 34 tester L, finding 6)."""
    call = tmp_path / "GMT20261014-100312_Recording.transcript.vtt"
    call.write_text(_ZOOM_CALL, encoding="utf-8")
    run = roqa("inspect", call, "--interviewer", "Dr Sam Patel")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    # the console wraps the line, and the long temporary path within a word
    assert "".join(f"check: {_zoom_default_name_warning(call)}".split()) in "".join(said.split())
    assert said.endswith("1 transcript(s), 2 participant turn(s) to code; 1 to check (above).")
    (found,) = json.loads(roqa("inspect", call, "--interviewer", "Dr Sam Patel", "--json").out)
    assert found["participant"] == "GMT20261014-100312_Recording.transcript"
    assert found["default_name"] == _zoom_default_name_warning(call)


def test_a_zoom_default_name_is_not_warned_of_once_a_label_or_the_name_gives_the_case(
    tmp_path: Path,
) -> None:
    """A participant who renamed to their study id in the call (P07) gives the case; a renamed
    file (P07.vtt) gives it; a name that only looks like Zoom's is not Zoom's."""
    labelled = tmp_path / "GMT20261014-100312_Recording.transcript.vtt"
    labelled.write_text(_ZOOM_CALL.replace("Grace (she/her)", "P07"), encoding="utf-8")
    renamed = tmp_path / "P08.vtt"
    renamed.write_text(_ZOOM_CALL, encoding="utf-8")
    other = tmp_path / "GMT_notes.vtt"
    other.write_text(_ZOOM_CALL, encoding="utf-8")
    run = roqa("inspect", labelled, renamed, other, "--interviewer", "Dr Sam Patel", "--json")
    assert run.code == 0, run.err
    assert [(s["participant"], s["default_name"]) for s in json.loads(run.out)] == [
        ("P07", None),
        ("P08", None),
        ("GMT_notes", None),
    ]


def test_code_says_a_zoom_default_file_name_is_the_case_unless_pseudonymised(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    call = tmp_path / "GMT20261014-100312_Recording.transcript.vtt"
    call.write_text(_ZOOM_CALL, encoding="utf-8")
    common = ("--model", tiny_model_dir, "--no-report", "--interviewer", "Dr Sam Patel")
    run = roqa("code", call, "--out", tmp_path / "out", *common)
    assert run.code == 0, run.err
    assert run.err.splitlines() == [f"roqa: warning: {_zoom_default_name_warning(call)}"]
    key = tmp_path / "key.csv"
    named = roqa("code", call, "--out", tmp_path / "named", "--pseudonymise", key, *common)
    assert named.code == 0, named.err
    assert "Zoom's default name" not in named.err
    (read,) = [json.loads(line) for line in (tmp_path / "named" / "transcripts.jsonl").open()]
    assert read["participant"] == "P01"


def test_inspect_counts_two_people_named_apart_in_a_numbered_interview_as_two(
    tmp_path: Path,
) -> None:
    """The tester's p04: the manager Margaret Okafor and the support worker Dean were read as
    one person, the case P04 ("renamed or rejoined"), though their names share no word; they
    are two people of the case, as roqa pseudonymise and the report count them."""
    p04 = tmp_path / "p04_interview.txt"
    p04.write_text(
        "Chima (researcher): Thanks for joining, Margaret.\n\n"
        "Margaret Okafor: I've got Dean with me.\n\n"
        "Chima (researcher): Welcome Dean. What gets in the way?\n\n"
        "Dean (support worker): Time, on the floor.\n\n"
        "Margaret Okafor: Staffing.\n\n"
        "Dean (support worker): And the paperwork.\n",
        encoding="utf-8",
    )
    found = json.loads(roqa("inspect", p04, "--json").out)
    assert found[0]["participant"] == "P04"
    assert found[0]["labels"] == (
        f"{p04}: 2 participants speak ('Margaret Okafor', 'Dean (support worker)'), each "
        "counted and cited by their label in the case P04"  # two names, no rename advice
    )


def test_nurse_matron_and_sister_labels_are_three_speakers_not_one_person(
    tmp_path: Path,
) -> None:
    """Session 39: Sister, Nurse and Matron became titles of data/honorifics.txt (for a surname
    said after one in the talk), so the labels 'Nurse', 'Matron' and 'Sister Jones' were left
    with no name words and read as one person renamed in the call. They are titles in the talk
    only (data/talk_titles.txt)."""
    ward = tmp_path / "ward.txt"
    ward.write_text(
        "Interviewer: How does the new tool fit the ward?\n\n"
        "Nurse: It fits well, honestly, we picked it up within a week.\n\n"
        "Interviewer: And the matron?\n\n"
        "Matron: I backed it from the start because it saves time.\n\n"
        "Interviewer: Thanks.\n\n"
        "Sister Jones: We also needed more training on the tablets.\n",
        encoding="utf-8",
    )
    found = json.loads(roqa("inspect", ward, "--json").out)
    assert found[0]["labels"] == (
        f"{ward}: 3 participants speak ('Nurse', 'Matron', 'Sister Jones'), each counted and "
        "cited by their label in the case ward: if they are one person under two labels "
        "(renamed in the call), label all their turns alike"
    )


def test_labels_with_a_colon_in_their_brackets_are_not_extra_participants(tmp_path: Path) -> None:
    """``Interviewer (Q1: intro):`` and ``(Q2: families)`` were cut at their colons into two
    more participant labels: four in all, which inspect takes for a focus group and does not
    check (session 35 tester U). Read whole, they are the interviewer's, and the two labels
    left are named to check."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer (Q1: intro): Can you tell me about training?\n\n"
        "Jane Smith: A two-day induction.\n\n"
        "Interviewer (Q2: families): What about families?\n\n"
        "P04 (RM): They can make or break it.\n",
        "utf-8",
    )
    [got] = json.loads(roqa("inspect", f, "--json").out)
    assert [(s["speaker"], s["role"]) for s in got["speakers"]] == [
        ("Interviewer (Q1: intro)", "interviewer"),
        ("Jane Smith", "participant"),
        ("Interviewer (Q2: families)", "interviewer"),
        ("P04 (RM)", "participant"),
    ]
    assert got["labels"] == (
        f"{f}: 2 participants speak ('Jane Smith', 'P04 (RM)'), each counted and cited by their "
        "label in the case P04: if they are one person under two labels (renamed in the call), "
        "label all their turns alike"
    )


def test_a_cue_that_ends_before_it_starts_is_named_to_check(tmp_path: Path) -> None:
    f = tmp_path / "p04.srt"
    f.write_text(
        "1\n00:00:05,000 --> 00:00:09,000\nInterviewer: Why?\n\n"
        "2\n00:00:30,000 --> 00:00:10,000\nP04: Money.\n",
        "utf-8",
    )
    [got] = json.loads(roqa("inspect", f, "--json").out)
    assert got["cue_order"] == (
        f"{f}: 1 cue ends before it starts (line 6: '00:00:30,000 --> 00:00:10,000'), so its "
        "words were read without a time (mend the timing line to have them timed)"
    )
    assert "; 1 to check (above)." in roqa("inspect", f).out


#: A study of two calls: Sam Roe interviews in the first, and the second, whose speech-to-text
#: numbered its speakers, names no one given as the interviewer (its asker is guessed)
STUDY_OF_TWO = {
    "zoom_p07.txt": "Sam Roe: What has helped?\nMaria Okafor: The training days, without a "
    "doubt.\nSam Roe: What got in the way?\nMaria Okafor: Staffing, all winter.\n",
    "p31.txt": "Speaker 1: What has helped?\nSpeaker 2: The champions on each shift, mostly.\n"
    "Speaker 1: And what got in the way?\nSpeaker 2: The software, which kept crashing.\n"
    "Speaker 1: How did the staff take it?\nSpeaker 2: Badly at first, then well enough.\n",
}


def test_an_interviewer_name_is_called_unmatched_only_when_it_matches_no_transcript(
    tmp_path: Path,
) -> None:
    """``--interviewer 'Sam Roe'`` names the interviewer of zoom_p07 but no speaker of p31,
    whose interviewer is guessed: the check said "no speaker matched the interviewer label(s)
    'Sam Roe'" for p31 as if the name were mistyped (session 34 tester P). A name that matches
    no transcript at all is still named ('Sam Row'), also where the interviewer is found
    (zoom_p07: daily28, session 90)."""
    for name, text in STUDY_OF_TWO.items():
        (tmp_path / name).write_text(text, "utf-8")
    p31 = tmp_path / "p31.txt"
    zoom = tmp_path / "zoom_p07.txt"
    guessed = (
        "so 'Speaker 1', who asks the questions (3 of 3 turns), was taken as the interviewer "
        "(name the interviewer with --interviewer NAME to choose otherwise)"
    )
    row = (
        f"{zoom}: no speaker matched the interviewer label(s) 'Sam Row': the speakers are "
        "'Sam Roe', 'Maria Okafor' (give --interviewer the interviewer's label as the "
        "transcript spells it)"
    )
    for names, none_named, on_zoom in [
        (["Sam Roe"], "no speaker is named as the interviewer", None),
        (["Sam Roe", "Sam Row"], "no speaker matched the interviewer label(s) 'Sam Row'", row),
    ]:
        given = [a for n in names for a in ("--interviewer", n)]
        run = roqa("inspect", tmp_path, "--json", *given)
        assert run.code == 0, run.err
        got = {s["id"]: s["warning"] for s in json.loads(run.out)}
        assert got == {"p31": f"{p31}: {none_named}, {guessed}", "zoom_p07": on_zoom}


def test_inspect_names_a_cue_with_no_speakers_name_it_could_not_give_a_speaker(
    tmp_path: Path,
) -> None:
    """A cue with no name after a backchannel: read as the talk of the speaker before the
    backchannel, inspect says where; when it cannot be told whose it is, a check names the
    cue's time (roqa code said nothing, and the words were the interviewer's)."""
    cue = "{n}\n00:00:{b:02d}.000 --> 00:00:{e:02d}.000\n{words}"
    said = [
        "Sam Roe: Could you tell me about staff training?",
        "Priya Nair: We use the recovery college.",
        "Priya Nair: Face-to-face costs us cover.",
        "Sam Roe: Mm-hmm.",
        "So the new starters get the e-learning.",
        "Sam Roe: Mm-hmm.",
        "What would you change?",
        "Priya Nair: Protected time.",
    ]
    f = tmp_path / "p24.vtt"
    f.write_text(
        "WEBVTT\n\n"
        + "\n\n".join(
            cue.format(n=n, b=5 * n - 4, e=5 * n - 1, words=w) for n, w in enumerate(said, 1)
        )
        + "\n",
        "utf-8",
    )
    got = json.loads(roqa("inspect", f, "--interviewer", "Sam Roe", "--json").out)[0]
    assert got["unlabelled"] == (
        f"{f}: 1 cue with no speaker's name after a backchannel could be either speaker's "
        "(00:00:31.000 'What would you change?', read as Sam Roe's talk): put the speaker's "
        "name on it to have it read as theirs"
    )
    assert got["read_as"] == [
        "1 backchannel (such as 'Mm-hmm.') said inside another speaker's turn left out of the "
        "text, so that turn is read whole",
        "1 cue with no speaker's name after another speaker's backchannel read as the talk of "
        "the speaker before it (00:00:21.000)",
    ]
    assert got["speakers"] == [
        {"speaker": "Sam Roe", "role": "interviewer", "turns": 2, "words": 12},
        {"speaker": "Priya Nair", "role": "participant", "turns": 2, "words": 18},
    ]
    run = roqa("inspect", f, "--interviewer", "Sam Roe")
    assert "check:" in run.out and "00:00:31.000" in " ".join(run.out.split())


def test_a_project_roqa_exported_beside_the_transcripts_it_holds_is_left_out_of_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before (cli tester, session 43): a folder holding the .qdpx `roqa code --qdpx` exported
    beside the transcripts it came from was read as more interviews: "two transcripts share the
    id 's01' (rename one of the files ...)". Named on its own, it is read, format "qdpx" (was
    None)."""
    from test_cli_output_guard import coded_study

    monkeypatch.chdir(tmp_path)
    coded_study(tmp_path)
    assert roqa("export", "coded", "--qdpx", "interviews/suggestions.qdpx").code == 0
    run = roqa("inspect", "interviews", "--json")
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "roqa: warning: interviews: left out suggestions.qdpx: a REFI-QDA project roqa exported, "
        "of transcripts in this folder, not more of them (name the file on its own to read it)"
    ]
    assert [s["id"] for s in json.loads(run.out)] == ["P03", "p04 interview", "p07"]
    alone = roqa("inspect", "interviews/suggestions.qdpx", "--json")
    assert alone.code == 0, alone.err
    assert [(s["id"], s["format"]) for s in json.loads(alone.out)] == [("p07", "qdpx")]


def test_a_project_roqa_exported_of_other_transcripts_is_read_from_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a project beside the transcripts it holds is left out: one of other interviews
    (given to a colleague to code) is read as ever."""
    from test_cli_output_guard import coded_study

    monkeypatch.chdir(tmp_path)
    coded_study(tmp_path)
    (tmp_path / "other").mkdir()
    assert roqa("export", "coded", "--qdpx", "other/suggestions.qdpx").code == 0
    run = roqa("inspect", "other", "--json")
    assert run.code == 0, run.err
    assert [(s["id"], s["format"]) for s in json.loads(run.out)] == [("p07", "qdpx")]


DUP = (
    "Interviewer: What has helped the new care plans along?\n\n"
    "Participant: Honestly the training days. Everyone came back with the same language.\n"
)


def test_inspect_warns_of_two_transcripts_of_the_same_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before (cli tester, session 43): one interview under two names (a copy, a symlink) was
    read as two, coded twice and counted twice toward saturation, without a word."""
    monkeypatch.chdir(tmp_path)
    Path("dup").mkdir()
    Path("dup/s01.txt").write_text(DUP, "utf-8")
    Path("dup/s01_final.txt").write_text(DUP, "utf-8")
    Path("dup/s02.txt").write_text(DUP.replace("training days", "away days"), "utf-8")
    Path("dup/s03.txt").symlink_to("s02.txt")
    run = roqa("inspect", "dup", "--json")
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "roqa: warning: dup/s01_final.txt: holds the same text as dup/s01.txt: one interview "
        "under two names is coded twice (its quotes are in the codings twice), though both are "
        "case S01, which saturation counts once (leave one out)",
        "roqa: warning: dup/s03.txt: holds the same text as dup/s02.txt: one interview "
        "under two names is coded twice and counted as two cases toward saturation (leave one out)",
    ]
    assert [s["id"] for s in json.loads(run.out)] == ["s01", "s01_final", "s02", "s03"]


def test_a_file_given_twice_through_a_symlinked_folder_is_given_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "two transcripts share the id 's01' (rename one of the files ...)"."""
    monkeypatch.chdir(tmp_path)
    Path("dup").mkdir()
    Path("dup/s01.txt").write_text(DUP, "utf-8")
    Path("link").symlink_to("dup")
    run = roqa("inspect", "dup/s01.txt", "link/s01.txt")
    assert run.code == 2
    assert run.err.splitlines() == [
        "roqa: error: link/s01.txt: is given twice (give each transcript file once; the other "
        "transcript was not inspected)"
    ]


@pytest.mark.parametrize(
    "beside", [["p07.m4a"], ["p07.json"], ["p03.txt"]], ids=["audio", "json", "other"]
)
def test_a_project_roqa_exported_is_read_when_a_source_has_no_transcript_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, beside: list[str]
) -> None:
    """Before (hunt s43, B2/B3/B6): the export of rm01-rm03 beside only rm01.txt, or beside the
    recordings rm01-03.m4a or rm01.json, was left out, so rm02 and rm03 were never coded or the
    folder 'holds no transcripts'. It is left out only when every source has a transcript file
    beside it; a recording, a JSON file that is not a transcript or another interview is none."""
    from test_cli_output_guard import coded_study

    monkeypatch.chdir(tmp_path)
    coded_study(tmp_path)
    (tmp_path / "b").mkdir()
    assert roqa("export", "coded", "--qdpx", "b/project.qdpx").code == 0
    for name in beside:
        (tmp_path / "b" / name).write_text(
            "{}" if name.endswith(".json") else "Interviewer: Hi?\nP03: Fine.\n", encoding="utf-8"
        )
    run = roqa("inspect", "b", "--json")
    assert run.code == 0, run.err
    assert "REFI-QDA project" not in run.err
    ids = [(s["id"], s["format"]) for s in json.loads(run.out)]
    assert ("p07", "qdpx") in ids


def test_a_project_roqa_exported_is_told_from_its_ids_and_the_files_named_as_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review, session 44: telling whether a folder's roqa-exported project holds transcripts
    beside it read the whole project (turns, codings) and ran every other rule on every file
    beside it (a PDF or web page read whole). It reads the project's transcript ids alone and
    looks into the files named as one of them only, and the project is left out all the same."""
    import roqa_nlp.exchange.qdpx_import as qdpx_import
    import roqa_nlp.transcripts as transcripts
    from test_cli_output_guard import coded_study

    monkeypatch.chdir(tmp_path)
    coded_study(tmp_path)
    assert roqa("export", "coded", "--qdpx", "interviews/suggestions.qdpx").code == 0
    Path("interviews/consent.pdf").write_bytes(b"%PDF-1.4 a consent form")
    Path("interviews/p07.json").write_text("{}", "utf-8")  # settings named as the interview
    looked_into: list[str] = []
    rules = []
    for rule, why in transcripts._NOT_TRANSCRIPTS:
        if rule is not transcripts._is_roqa_project_of_neighbours:

            def rule(f: Path, _rule=rule) -> bool:  # type: ignore[no-redef]
                looked_into.append(f.name)
                return bool(_rule(f))

        rules.append((rule, why))
    monkeypatch.setattr(transcripts, "_NOT_TRANSCRIPTS", tuple(rules))

    def whole(path: Path) -> None:
        raise AssertionError(f"{path} read whole")

    import roqa_nlp.exchange as exchange

    monkeypatch.setattr(qdpx_import, "read_qdpx_transcripts", whole)
    monkeypatch.setattr(exchange, "read_qdpx_transcripts", whole)
    assert transcripts._is_roqa_project_of_neighbours(Path("interviews/suggestions.qdpx"))
    assert sorted(set(looked_into)) == ["p07.json", "p07.txt"]


def test_word_lock_file_named_on_the_command_line_is_said_to_be_one(tmp_path: Path) -> None:
    """files tester, session 44: `roqa inspect hidden_in/*.docx` took Word's lock file
    ~$P01.docx with the glob and said it was "not a readable Word .docx file (open it in Word
    and save it as .docx ...)". Named alone, it is an error, which says what the file is."""
    lock = tmp_path / "~$P01.docx"
    lock.write_bytes(b"\x06ann" + b"\x00" * 50)
    run = roqa("inspect", lock)
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        f"roqa: error: {lock}: is the lock file Word or Excel keeps beside a document while it is "
        "open, not a transcript (leave it out: give the folder, or the documents by name; it "
        "goes when the document is closed)"
    ]


def test_word_lock_files_a_glob_takes_are_left_out_with_one_warning(tmp_path: Path) -> None:
    """docswalk s86, L4: `roqa code word/*.docx` stopped the whole run over ~$p01.docx, Word's
    lock file of the open p01.docx, which a folder leaves out silently. Given beside
    transcripts, lock files are left out, said in one line naming them."""
    docx = (EXAMPLES / "p03_interview.docx").read_bytes()
    (tmp_path / "P01.docx").write_bytes(docx)
    (tmp_path / "P02.docx").write_bytes(docx)
    locks = [tmp_path / "~$P01.docx", tmp_path / "~$P02.docx"]
    for lock in locks:
        lock.write_bytes(b"\x06ann" + b"\x00" * 50)
    run = roqa("inspect", locks[0], tmp_path / "P01.docx", "--json")
    assert run.code == 0, run.err
    assert [t["source"] for t in json.loads(run.out)] == [str(tmp_path / "P01.docx")]
    assert [line for line in run.err.splitlines() if "lock file" in line] == [
        f"roqa: warning: {locks[0]}: left out: it is the lock file Word or Excel keeps beside a "
        "document while it is open, not a transcript"
    ]
    run = roqa("inspect", *locks, tmp_path / "P01.docx", tmp_path / "P02.docx", "--json")
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "lock file" in line] == [
        f"roqa: warning: left out {locks[0]}, {locks[1]}: the lock files Word or Excel keeps "
        "beside documents while they are open, not transcripts"
    ]


def test_two_files_of_one_text_and_one_case_are_said_to_count_once_toward_saturation(
    tmp_path: Path,
) -> None:
    """files tester, session 44 (dup_in): P01.txt and 'P01 final (copy).txt' were said to be
    "counted twice toward saturation", but both were read as case P01, which saturation counts
    once: the warning says what happens, by the case each file is read as."""
    text = "Interviewer: How is it going?\nP01: We never have the staff, honestly.\n"
    (tmp_path / "P01.txt").write_text(text, "utf-8")
    (tmp_path / "P01 final (copy).txt").write_text(text, "utf-8")
    run = roqa("inspect", tmp_path, "--json")
    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        f"roqa: warning: {tmp_path / 'P01.txt'}: holds the same text as "
        f"{tmp_path / 'P01 final (copy).txt'}: one interview under two names is coded twice "
        "(its quotes are in the codings twice), though both are case P01, which saturation "
        "counts once (leave one out)"
    ]


def test_inspect_says_the_participant_id_warnings_code_says(tmp_path: Path) -> None:
    """Tester s46 (ids 1, 6): roqa inspect, the check before coding, said nothing of P4 and P04
    (file names) read as one participant, nor of cases numbered two ways (P05 beside P6), both
    of which roqa code says."""
    for name, talk in (
        ("P4_interview.txt", "Sarah: Money."),
        ("P04_followup.txt", "Sarah: Staff turnover."),
        ("P05.txt", "P05: Time."),
        ("P6.txt", "P6: Rotas."),
    ):
        (tmp_path / name).write_text(f"Interviewer: What gets in the way?\n{talk}\n", "utf-8")
    run = roqa("inspect", tmp_path)
    assert run.code == 0, run.err
    said = [" ".join(line.split()) for line in " ".join(run.err.split()).split("roqa: ")[1:]]
    assert said == [
        "warning: participant 4 is numbered two ways, P04 and P4, in 2 transcripts (P04_followup, "
        "P4_interview): they are read as one participant, case P04, counted once in the "
        "overview, the framework matrix, Table 2 and saturation; if they are different people, "
        "give each their own number (in the file name, or label their turns 'P02: ...')",
        "warning: participants are numbered two ways, P04, P05 beside P6: different "
        "participants, sorted apart in the matrix and tables; number them alike (P03: or P3: in "
        "the transcripts, whose labels give the case before the file name does) for one order",
    ]
    assert "P4_interview (case P04)" in run.out


def test_inspect_names_otters_unknown_speaker_as_an_unnamed_voice_not_a_rename(
    tmp_path: Path,
) -> None:
    """s57 wild tester, finding 5: Otter's ``Unknown Speaker`` was explained as the participant
    speaking under 2 labels "(renamed or rejoined in the call)"."""
    f = tmp_path / "otter_p13.txt"
    f.write_text(
        "Unknown Speaker  0:00\nIs that recording? Yes, I think it is.\n\n"
        "Sam Roe  0:04\nWhat helps people recover in your service?\n\n"
        "Niamh O'Brien  0:11\nRelationships, above everything.\n\n"
        "Sam Roe  0:31\nThank you so much.\n",
        encoding="utf-8",
    )
    run = roqa("inspect", f, "--interviewer", "Sam Roe")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert (
        f"check: {f}: 1 turn is labelled 'Unknown Speaker' (00:00:00.000 'Is that recording? "
        "Yes, I think it is.'), a voice the transcription tool could not name, read as a "
        "participant's talk and coded: check who speaks there and put their name on that turn "
        "in place of 'Unknown Speaker'"
    ) in said
    assert said.count("check:") == 1
    found = json.loads(roqa("inspect", f, "--interviewer", "Sam Roe", "--json").out)[0]
    assert found["labels"] is None
    assert [(s["speaker"], s["role"]) for s in found["speakers"]] == [
        ("Unknown Speaker", "participant"),
        ("Sam Roe", "interviewer"),
        ("Niamh O'Brien", "participant"),
    ]


def test_inspect_names_a_services_lines_at_the_top_as_its_own_not_as_closing_text(
    tmp_path: Path,
) -> None:
    """s57 wild tester, finding 7: Rev's "Transcript by Rev.com" and "Page 1 of 2" above the
    first turn were named "a transcription service's closing text", and only the first of
    them quoted."""
    assert _read_as(
        tmp_path,
        "p23 interview (Completed 03/14/24)\nTranscript by Rev.com\nPage 1 of 2\n\n"
        "Interviewer (00:00:02):\nWhat is your role?\n\n"
        "Speaker 2 (00:00:12):\nI manage a rehabilitation unit.\n",
    ) == [
        "a transcription service's own lines left out, no one's talk (2 lines: "
        "'Transcript by Rev.com', 'Page 1 of 2')"
    ]


def test_inspect_cuts_a_long_service_line_at_a_word_with_an_ellipsis(tmp_path: Path) -> None:
    """s71 readers, finding 4: Rev's footer was quoted cut mid-word, 'view latest v'."""
    assert _read_as(
        tmp_path,
        "Interviewer (00:01:23): What is your role?\n\n"
        "Respondent (00:01:30): I manage a supported living service.\n\n"
        "This transcript was exported on Oct 14, 2026 - view latest version here.\n",
    ) == [
        "a transcription service's own lines left out, no one's talk (1 line: "
        "'This transcript was exported on Oct 14, 2026 - view latest…')"
    ]


def test_inspect_names_a_focus_groups_labels_read_as_one_person(tmp_path: Path) -> None:
    """Tester s61 focus, 7: 'roqa inspect' showed "Daniel's iPhone" beside 'Daniel Okoro' in a
    focus group with no note, and its --json no labels entry, though roqa code and pseudonymise
    read them as one person; both now say so, as the check of two or three labels does."""
    from test_renamed_participants import write_group

    f = write_group(tmp_path)
    said = (
        f"{f}: 4 participant labels are 3 participants: 'Daniel Okoro' (also \"Daniel's "
        'iPhone", read as the same person), counted and cited by its first label in the case '
        "FG03: if they are different people, label each one's turns with a name of their own"
    )
    assert f"check: {said}" in " ".join(roqa("inspect", f, "--interviewer", "Sam Roe").out.split())
    found = json.loads(roqa("inspect", f, "--interviewer", "Sam Roe", "--json").out)[0]
    assert found["labels"] == said


@pytest.mark.parametrize("held", ["", '{"segments": [{"start": 0.0, "text": "We nev'])
def test_inspect_json_of_a_broken_speech_json_given_as_a_transcript_says_what_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, held: str
) -> None:
    """Hunt s64 (h_cli, R2): `roqa inspect p05.json --json`, a Whisper file cut off or empty,
    was told --json takes no file name; the hint is for a file typed right after --json, and a
    transcript given says what is wrong with it, as before."""
    monkeypatch.chdir(tmp_path)
    Path("p05.json").write_text(held, encoding="utf-8")
    run = roqa("inspect", "p05.json", "--json")
    assert run.code == 2
    assert "--json prints the JSON" not in run.err
    assert run.err.startswith("roqa: error: p05.json: ")
