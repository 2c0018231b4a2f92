"""Transcripts from Whisper run on the researcher's own machine: its JSON (openai-whisper,
faster-whisper, WhisperX, aTrain, whisper.cpp) and its timed tables without a speaker column
(Whisper's .tsv and whisper.cpp's .csv, in milliseconds).

Times through to segments are specified in ``test_cue_times.py`` (the ``json`` and ``tsv``
formats); here the shapes, speakers, folders and errors."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp import SpeakerWarning
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import expand_paths, read_transcript, read_transcripts

QA = [
    ("So could you tell me a bit about your service?", "We support sixty people at home."),
    ("What gets in the way of recovery work?", "The training budget was cut again."),
    ("And what helps?", "The team. They really believe in recovery."),
    ("How do commissioners see it?", "They want numbers, not people's own goals."),
    ("Who led the change?", "Our deputy. She came back from the course buzzing."),
]


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document), "utf-8")
    return path


def whisperx(speakers: tuple[str | None, str | None] = ("SPEAKER_00", "SPEAKER_01")) -> dict:
    segments = []
    for n, (question, answer) in enumerate(QA):
        for k, words in enumerate((question, answer)):
            segment: dict[str, Any] = {"start": 10.0 * n + 4 * k, "end": 10.0 * n + 4 * k + 3.5}
            segment |= {"text": f" {words}", "words": [{"word": "x", "start": 0.0}]}
            if speakers[k] is not None:
                segment["speaker"] = speakers[k]
            segments.append(segment)
    return {"segments": segments, "language": "en"}


def test_whisperx_diarised_json_reads_its_speakers_and_times(tmp_path: Path) -> None:
    with pytest.warns(SpeakerWarning, match="'SPEAKER_00', who asks the questions .5 of 5"):
        t = read_transcript(write_json(tmp_path / "p05.json", whisperx()))
    assert turns_of(t)[:4] == [
        ("SPEAKER_00", "interviewer", QA[0][0], 0.0, 3.5),
        ("SPEAKER_01", "participant", QA[0][1], 4.0, 7.5),
        ("SPEAKER_00", "interviewer", QA[1][0], 10.0, 13.5),
        ("SPEAKER_01", "participant", QA[1][1], 14.0, 17.5),
    ]
    assert len(t.turns) == 10
    assert t.metadata["format"] == "whisper-json"
    assert t.metadata["segments"] == 10


def test_whisperx_with_an_interviewer_named_needs_no_guess(tmp_path: Path) -> None:
    import warnings

    path = write_json(tmp_path / "p05.json", whisperx())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_transcript(path, interviewer_labels=["SPEAKER_00"])
    assert [u.role for u in t.turns] == ["interviewer", "participant"] * 5


def test_whisper_json_without_speakers_is_the_participants_unlabelled_talk(
    tmp_path: Path,
) -> None:
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        t = read_transcript(write_json(tmp_path / "p07.json", whisperx((None, None))))
    words = " ".join(w for pair in QA for w in pair)
    assert turns_of(t) == [("P07", "participant", words, 0.0, 47.5)]


def test_a_segment_without_a_speaker_continues_the_last_speakers_turn(tmp_path: Path) -> None:
    """WhisperX leaves a segment that fell in no speaker's turn without one; often it ends the
    sentence the speaker before began, so it continues that turn (session 27 tried an 'Unknown
    speaker' and coded an interviewer's half-question as participant talk)."""
    document = whisperx()
    segments = document["segments"]
    segments[2]["text"] = " And when the new protocol came in,"
    segments.insert(3, {"start": 13.5, "end": 14.0, "text": " what got in the way?"})
    with pytest.warns(SpeakerWarning, match="'SPEAKER_00', who asks the questions"):
        t = read_transcript(write_json(tmp_path / "p05.json", document))
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns][2] == (
        "SPEAKER_00",
        "interviewer",
        "And when the new protocol came in, what got in the way?",
    )


def test_whisper_cpp_json_reads_milliseconds_and_labels_in_the_text(tmp_path: Path) -> None:
    document = {
        "result": {"language": "en"},
        "transcription": [
            {
                "timestamps": {"from": "00:00:00,000", "to": "00:00:04,200"},
                "offsets": {"from": 0, "to": 4200},
                "text": " Interviewer: How long have you managed the service?",
            },
            {
                "timestamps": {"from": "00:00:04,200", "to": "00:00:09,050"},
                "offsets": {"from": 4200, "to": 9050},
                "text": " P03: About six years now, since it opened.",
            },
        ],
    }
    t = read_transcript(write_json(tmp_path / "p03.json", document))
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How long have you managed the service?", 0.0, 4.2),
        ("P03", "participant", "About six years now, since it opened.", 4.2, 9.05),
    ]


@pytest.mark.parametrize(
    ("suffix", "header", "sep"),
    [(".tsv", "start\tend\ttext", "\t"), (".csv", "start,end,text", ",")],
)
def test_whispers_timed_tables_read_milliseconds_without_a_speaker_column(
    tmp_path: Path, suffix: str, header: str, sep: str
) -> None:
    rows = [f"{1000 * (4 * n)}{sep}{1000 * (4 * n) + 3500}{sep}{w}" for n, w in enumerate(QA[0])]
    path = tmp_path / f"p08{suffix}"
    path.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        t = read_transcript(path)
    assert turns_of(t) == [("P08", "participant", " ".join(QA[0]), 0.0, 7.5)]


def test_a_timed_table_in_seconds_or_with_speakers_keeps_its_seconds(tmp_path: Path) -> None:
    (tmp_path / "p09.csv").write_text(
        "start,end,text\n1.5,4,Interviewer: Why?\n4,9,P09: No staff.\n"
    )
    (tmp_path / "p10.csv").write_text("speaker,start,end,text\nInterviewer,1,4,Why?\nP10,4,9,No.\n")
    assert [(u.begin_time, u.end_time) for u in read_transcript(tmp_path / "p09.csv").turns] == [
        (1.5, 4.0),
        (4.0, 9.0),
    ]
    assert [(u.begin_time, u.end_time) for u in read_transcript(tmp_path / "p10.csv").turns] == [
        (1.0, 4.0),
        (4.0, 9.0),
    ]


def test_a_speaker_table_in_whole_milliseconds_is_read_as_milliseconds_with_a_warning(
    tmp_path: Path,
) -> None:
    """A researcher's speaker,text,start,end export in milliseconds (rows of 4 and 14 seconds
    written 4000 and 14000) was read as seconds: a 26-minute interview cited at 200 hours. Whole
    numbers whose rows last a median of 100 or more are milliseconds, said in a warning."""
    p = tmp_path / "p11.csv"
    p.write_text(
        "speaker,text,start,end\nInterviewer,Why?,2000,6000\nP11,No staff at all.,7000,21000\n"
        "Interviewer,And then?,22000,24000\n",
        "utf-8",
    )
    with pytest.warns(RoqaWarning, match="p11.csv: its start and end are whole numbers"):
        t = read_transcript(p)
    assert [(u.begin_time, u.end_time) for u in t.turns] == [(2.0, 6.0), (7.0, 21.0), (22.0, 24.0)]


def test_a_table_without_speaker_or_time_columns_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("text\nWe lack staff.\n", "utf-8")
    with pytest.raises(RoqaError, match=r"notes.csv: has no 'speaker' column"):
        read_transcript(tmp_path / "notes.csv")


def test_a_folder_leaves_out_json_that_is_not_a_whisper_transcript(tmp_path: Path) -> None:
    write_json(tmp_path / "p05.json", whisperx())
    write_json(tmp_path / "agree.json", {"kappa": 0.6})
    (tmp_path / "settings.json").write_text("{not json", "utf-8")
    (tmp_path / "p06.txt").write_text("Interviewer: Why?\n\nP06: No staff.\n", "utf-8")
    with pytest.warns(RoqaWarning) as caught:
        files = expand_paths([tmp_path])
    assert [f.name for f in files] == ["p05.json", "p06.txt", "settings.json"]
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: left out agree.json: a JSON file that is not a Whisper transcript "
        "(settings or results?) is not read"
    ]


def test_a_subfolder_of_json_files_is_not_taken_for_transcripts(tmp_path: Path) -> None:
    (tmp_path / "models").mkdir()
    write_json(tmp_path / "models" / "model_card.json", {"segments": []})
    with pytest.raises(RoqaError, match="holds no transcripts .supported:"):
        read_transcripts(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "p05.json: no speech found"),
        ("{not json", r"p05.json: is not valid JSON \(Expecting property name"),
        ("[" * 100_000, r"p05.json: is not valid JSON"),
        ('{"kappa": 0.6}', "p05.json: is not a Whisper transcript"),
        ('{"segments": [{"start": 0}]}', "p05.json: segment 1 has no text"),
        ('{"segments": ["words"]}', "p05.json: segment 1 has no text"),
        ('{"segments": [{"text": "Hi", "start": "0:01"}]}', r"segment 1's start is not a time"),
        ('{"segments": [{"text": "Hi", "end": -1}]}', r"segment 1's end is not a time"),
        ('{"segments": [{"text": "Hi", "start": true}]}', r"segment 1's start is not a time"),
        ('{"segments": [{"text": "Hi", "start": Infinity}]}', r"segment 1's start is not a time"),
        ('{"segments": [{"text": "Hi", "start": NaN}]}', r"segment 1's start is not a time"),
        ('{"segments": [{"text": "Hi", "speaker": 1}]}', r"segment 1's speaker is not a name"),
        ('{"segments": []}', "p05.json: no speech found"),
        ('{"segments": [{"text": "  "}]}', "p05.json: no speech found"),
    ],
)
def test_a_bad_whisper_json_is_a_one_line_error_naming_the_file(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "p05.json").write_text(content, "utf-8")
    with pytest.raises(RoqaError, match=message) as caught:
        read_transcript(tmp_path / "p05.json")
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 400


def test_a_whisper_json_given_for_codings_says_to_code_it_and_other_json_is_read_as_codings(
    tmp_path: Path,
) -> None:
    from roqa_nlp.result import CodingResult

    path = write_json(tmp_path / "p05.json", whisperx())
    with pytest.raises(RoqaError, match=r"p05.json: is a transcript, not codings \(code it first"):
        CodingResult.read(path)
    other = write_json(tmp_path / "metrics.json", {"kappa": 0.6})
    with pytest.raises(RoqaError, match=r"metrics.json: line 1 is not a segment coding"):
        CodingResult.read(other)


def test_whisper_cpp_diarised_csv_is_in_milliseconds_and_its_unknown_speaker_is_none(
    tmp_path: Path,
) -> None:
    """With --diarize whisper.cpp's .csv has a speaker column: its times were read as seconds
    (a turn at 12.1 s cited at 03:21:40); its '?' speaker was a third participant (session 27)."""
    path = tmp_path / "p10.csv"
    path.write_text(
        "start,end,speaker,text\n"
        '0,4000,0,"How long have you managed the service?"\n'
        '4000,12100,1,"About six years now, since it opened."\n'
        '12100,15000,?,"and the staff"\n'
        '15000,18000,0,"What helped?"\n',
        "utf-8",
    )
    t = read_transcript(path, interviewer_labels=["0"])
    assert [(u.speaker, u.begin_time, u.end_time) for u in t.turns] == [
        ("0", 0.0, 4.0),
        ("1", 4.0, 15.0),
        ("0", 15.0, 18.0),
    ]
    doc = {
        "transcription": [{"offsets": {"from": 44800, "to": 45000}, "text": "Hi", "speaker": "?"}]
    }
    with pytest.warns(SpeakerWarning):
        assert read_transcript(write_json(tmp_path / "p11.json", doc)).turns[0].begin_time == 44.8


def test_whispers_tsv_is_read_unquoted(tmp_path: Path) -> None:
    """A text opening with '"' swallowed the next row, its times and all (session 27)."""
    path = tmp_path / "p26.tsv"
    path.write_text(
        'start\tend\ttext\n0\t4000\t"We\'re doing everything we can," they said.\n'
        '4000\t9000\tAnd then the "plan" changed.\n',
        "utf-8",
    )
    with pytest.warns(SpeakerWarning):
        t = read_transcript(path)
    assert t.text[t.turns[0].start : t.turns[0].end] == (
        '"We\'re doing everything we can," they said. And then the "plan" changed.'
    )
    assert (t.turns[0].begin_time, t.turns[0].end_time) == (0.0, 9.0)


def test_a_bare_list_of_segments_is_read_and_a_segments_list_without_text_is_left_out(
    tmp_path: Path,
) -> None:
    segments = whisperx()["segments"]
    for s in segments:
        del s["speaker"]
    with pytest.warns(SpeakerWarning):
        t = read_transcript(write_json(tmp_path / "p07.json", segments))
    assert t.turns[0].begin_time == 0.0 and t.metadata["segments"] == 10
    folder = tmp_path / "study"
    folder.mkdir()
    write_json(folder / "p07.json", segments)
    write_json(folder / "diarisation.json", {"segments": [{"start": 0, "end": 4, "speaker": "A"}]})
    with pytest.warns(RoqaWarning, match="left out diarisation.json: a JSON file that is not"):
        assert [f.name for f in expand_paths([folder])] == ["p07.json"]


def test_a_time_too_large_for_a_number_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "p05.json").write_text(
        '{"segments": [{"text": "Hi", "start": 1' + "0" * 400 + "}]}"
    )
    with pytest.raises(RoqaError, match=r"segment 1's start is not a time"):
        read_transcript(tmp_path / "p05.json")


def test_an_interview_saved_in_two_formats_says_so(tmp_path: Path) -> None:
    write_json(tmp_path / "p05.json", whisperx())
    (tmp_path / "p05.srt").write_text("1\n00:00:00,000 --> 00:00:03,500\nSo?\n", "utf-8")
    with pytest.raises(RoqaError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_transcripts(tmp_path)
    # one line of it, which two interviews may share too (hunter hunt7, session 80)
    assert str(caught.value) == (
        f"{tmp_path / 'p05.srt'}: p05.json and p05.srt share the id 'p05' (if they hold one "
        "interview in two formats, keep the .json and move the other away; if they are two "
        "interviews, rename one)"
    )


def test_an_interviewer_named_who_never_asks_while_another_speaker_does_is_warned_of(
    tmp_path: Path,
) -> None:
    """--interviewer SPEAKER_00 across WhisperX files: in one, SPEAKER_00 was the participant,
    and the questions were coded as her talk without a word (session 27)."""
    swapped = whisperx(("SPEAKER_01", "SPEAKER_00"))  # SPEAKER_01 asks here
    path = write_json(tmp_path / "p08.json", swapped)
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(path, interviewer_labels=["SPEAKER_00"])
    assert [str(w.message) for w in caught] == [
        f"{path}: 'SPEAKER_00', taken as the interviewer, asks in none of their 5 turns while "
        "'SPEAKER_01' asks in 5 of 5: speech-to-text numbers speakers anew in each file, so check "
        "who interviews here (name them with interviewer_labels=['NAME'])"
    ]
    assert {u.speaker for u in t.turns if u.role == "interviewer"} == {"SPEAKER_00"}  # as told
    with warnings.catch_warnings():  # named rightly: nothing to say
        warnings.simplefilter("error")
        read_transcript(path, interviewer_labels=["SPEAKER_01"])


def test_an_interviewer_named_who_asks_with_a_remark_after_the_question_is_not_warned_of(
    tmp_path: Path,
) -> None:
    """'What got in the way? Take your time.' is a question (asks_or_remarks, as
    guess_interviewer counts it): before, only a turn ending on '?' counted, so SPEAKER_00,
    rightly named, was warned of as asking in none of their 4 turns while the participant, who
    asks back, 'asks in 4 of 4'."""
    path = tmp_path / "p10.txt"
    path.write_text(
        "SPEAKER_00: Thanks for joining, I'll start with a few words about the study and how we "
        "will use what you tell us today.\n"
        "SPEAKER_01: Is it recorded?\n"
        "SPEAKER_00: It is, and the recording stays on the university's drive until the study "
        "ends, then it is deleted for good.\n"
        "SPEAKER_01: And my name?\n"
        "SPEAKER_00: Your name never appears anywhere, we use a number for you in every file and "
        "every report we write.\n"
        "SPEAKER_01: Shall we start then?\n"
        "SPEAKER_00: What got in the way of the project? Take your time.\n"
        "SPEAKER_01: The staffing, you mean?\n",
        "utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_transcript(path, interviewer_labels=["SPEAKER_00"])
    assert {u.speaker for u in t.turns if u.role == "interviewer"} == {"SPEAKER_00"}


def test_whisper_cpp_speaker_marks_name_the_speakers(tmp_path: Path) -> None:
    """whisper.cpp --diarize writes '(speaker 0) words' in its .srt and printed lines, and
    tinydiarize '[SPEAKER_TURN]' (JSON: speaker_turn_next) where the speaker changes: all of it
    was read as one participant's talk, the marks in the words (session 27)."""
    srt = tmp_path / "p10.srt"
    srt.write_text(
        "1\n00:00:00,000 --> 00:00:04,000\n(speaker 0) How long have you managed it?\n\n"
        "2\n00:00:04,500 --> 00:00:09,000\n(speaker 1) Six years now.\n\n"
        "3\n00:00:09,000 --> 00:00:11,000\n(speaker ?) Since it opened.\n",
        "utf-8",
    )
    t = read_transcript(srt, interviewer_labels=["Speaker 0"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Speaker 0", "How long have you managed it?"),
        ("Speaker 1", "Six years now. Since it opened."),
    ]
    printed = tmp_path / "p11.txt"
    printed.write_text(
        "[00:00:00.000 --> 00:00:04.000]   How long have you managed it? [SPEAKER_TURN]\n"
        "[00:00:04.500 --> 00:00:09.000]   Six years now.\n"
        "[00:00:09.000 --> 00:00:11.000]   Since it opened. [SPEAKER_TURN]\n"
        "[00:00:11.000 --> 00:00:13.000]   What helped?\n",
        "utf-8",
    )
    document = {
        "transcription": [
            {"offsets": {"from": 0, "to": 4000}, "text": " How long have you managed it?",
             "speaker_turn_next": True},
            {"offsets": {"from": 4500, "to": 9000}, "text": " Six years now.",
             "speaker_turn_next": False},
            {"offsets": {"from": 9000, "to": 11000}, "text": " Since it opened.",
             "speaker_turn_next": True},
            {"offsets": {"from": 11000, "to": 13000}, "text": " What helped?"},
        ]
    }  # fmt: skip
    for path in (printed, write_json(tmp_path / "p12.json", document)):
        t = read_transcript(path, interviewer_labels=["Speaker 1"])
        assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
            ("Speaker 1", "How long have you managed it?", 0.0),
            ("Speaker 2", "Six years now. Since it opened.", 4.5),
            ("Speaker 1", "What helped?", 11.0),
        ], path.name


def test_highlighted_word_subtitles_are_read_once(tmp_path: Path) -> None:
    """Whisper's --highlight_words writes a segment's words in one cue per word, the word
    underlined: 7,990 words were read for 374 (session 27). A short repeat stays."""
    words = ["Okay,", "so", "it's", "recording", "now."]
    cues = []
    for n in range(len(words)):
        shown = " ".join(f"<u>{x}</u>" if i == n else x for i, x in enumerate(words))
        cues.append(f"{n + 1}\n00:00:0{n},000 --> 00:00:0{n + 1},000\n{shown}")
    cues.append("9\n00:00:06,000 --> 00:00:07,000\nYes.\n\n10\n00:00:07,000 --> 00:00:08,000\nYes.")
    cues.append(
        "11\n00:00:08,000 --> 00:00:09,000\nThey never listened to us.\n\n"
        "12\n00:00:09,000 --> 00:00:10,000\nThey never listened to us."
    )  # a sentence said twice: twice, as said
    path = tmp_path / "p22.srt"
    path.write_text("\n\n".join(cues) + "\n", "utf-8")
    with pytest.warns(SpeakerWarning):
        t = read_transcript(path)
    assert t.text[t.turns[0].start : t.turns[0].end] == (
        "Okay, so it's recording now. Yes. Yes. They never listened to us. They never listened to "
        "us."
    )
    assert (t.turns[0].begin_time, t.turns[0].end_time) == (0.0, 10.0)


def _repeated_cues(path: Path) -> Path:
    """A Zoom transcript whose participant says "We never have enough staff." three times in a
    row, each its own cue, as a speaker repeating a line (or a transcription service writing it
    again) gives it."""
    sep = "," if path.suffix == ".srt" else "."
    said = [
        "Sam Roe: What gets in the way of recovery work?",
        "Grace Mensah: Staffing, mainly.",
        *["Grace Mensah: We never have enough staff."] * 3,
        "Grace Mensah: And that is the whole problem.",
    ]
    blocks = [
        f"{n}\n00:00:{5 * n - 4:02d}{sep}000 --> 00:00:{5 * n - 1:02d}{sep}000\n{line}"
        for n, line in enumerate(said, 1)
    ]
    head = "WEBVTT\n\n" if path.suffix == ".vtt" else ""
    path.write_text(head + "\n\n".join(blocks) + "\n", "utf-8")
    return path


@pytest.mark.parametrize("name", ["rm02.vtt", "rm02.srt"])
def test_a_named_cue_said_three_times_in_a_row_is_read_three_times(
    tmp_path: Path, name: str
) -> None:
    """Session 55: three or more alike cues of one speaker were read once, as if they were
    Whisper's highlighted words, though none carried its underlining: RM02 lost 24 words, RM12
    56, with no warning. Only underlined copies are Whisper's; these are talk."""
    t = read_transcript(_repeated_cues(tmp_path / name), interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", "What gets in the way of recovery work?", 1.0, 4.0),
        (
            "Grace Mensah",
            "participant",
            "Staffing, mainly. We never have enough staff. We never have enough staff. We never "
            "have enough staff. And that is the whole problem.",
            6.0,
            29.0,
        ),
    ]


def test_inspect_counts_every_word_of_a_cue_said_three_times(tmp_path: Path) -> None:
    from test_cli_core import roqa

    run = roqa(
        "inspect", _repeated_cues(tmp_path / "rm02.vtt"), "--interviewer", "Sam Roe", "--json"
    )
    assert run.code == 0, run.err
    assert json.loads(run.out)[0]["speakers"] == [
        {"speaker": "Sam Roe", "role": "interviewer", "turns": 1, "words": 8},
        {"speaker": "Grace Mensah", "role": "participant", "turns": 1, "words": 23},
    ]


def test_a_highlighted_segment_said_again_is_read_again(tmp_path: Path) -> None:
    """Whisper's --highlight_words copies of one segment underline its words one after another
    (a copy without underlining fills a pause between two words) and are read once; the same
    segment transcribed again underlines its first word again, and is read again."""
    words = ["They", "never", "listened."]
    cues = []
    for _ in range(2):
        for n in range(len(words)):
            cues.append(" ".join(f"<u>{x}</u>" if i == n else x for i, x in enumerate(words)))
            if n == 0:
                cues.append(" ".join(words))  # a pause after the first word
    blocks = [
        f"{n}\n00:00:{n - 1:02d},000 --> 00:00:{n:02d},000\n{text}"
        for n, text in enumerate(cues, 1)
    ]
    path = tmp_path / "p22.srt"
    path.write_text("\n\n".join(blocks) + "\n", "utf-8")
    with pytest.warns(SpeakerWarning):
        t = read_transcript(path)
    assert turns_of(t) == [
        ("P22", "participant", "They never listened. They never listened.", 0.0, 8.0)
    ]


@pytest.mark.parametrize(
    ("document", "service"),
    [
        ({"jobName": "p17", "accountId": "1", "results": {"transcripts": []}}, "AWS Transcribe"),
        ({"source": "x.wav", "recognizedPhrases": []}, "Azure Speech"),
        ({"results": [{"alternatives": [{"transcript": "Hi"}]}]}, "Google Cloud Speech-to-Text"),
    ],
)
def test_a_cloud_services_json_is_named_as_such(
    tmp_path: Path, document: dict, service: str
) -> None:
    with pytest.raises(RoqaError) as caught:
        read_transcript(write_json(tmp_path / "p17.json", document))
    assert str(caught.value) == (
        f"{tmp_path / 'p17.json'}: is {service}'s JSON, which is not read (export the transcript "
        "from the service as .srt or .vtt (with speaker labels), or as a Word document)"
    )


def test_a_researchers_own_tables_read_as_written(tmp_path: Path) -> None:
    """Review of session 27: a '?' or 'Unknown' speaker row of a researcher's table joined the
    turn before (an answer merged into the question); whole-second times under a
    start,end,speaker,text header were divided by 1000; a Timestamp,Transcript table with
    labels in its words was refused."""
    own = tmp_path / "p02.csv"
    own.write_text(
        "speaker,text\nInterviewer,And the managers?\n?,They had no budget.\n"
        "Interviewer,Thank you.\n",
        "utf-8",
    )
    assert [(u.speaker, u.role) for u in read_transcript(own).turns] == [
        ("Interviewer", "interviewer"),
        ("?", "participant"),
        ("Interviewer", "interviewer"),
    ]
    seconds = tmp_path / "p01.csv"
    seconds.write_text(
        "start,end,speaker,text\n0,12,Interviewer,Can you tell me about staffing?\n"
        "12,95,P01,High turnover since the merger.\n",
        "utf-8",
    )
    assert [u.begin_time for u in read_transcript(seconds).turns] == [0.0, 12.0]
    labelled = tmp_path / "p09.csv"
    labelled.write_text(
        "Timestamp,Transcript\n00:00:05,Interviewer: What got in the way?\n"
        "00:00:09,P09: Mostly the staffing.\n",
        "utf-8",
    )
    assert [(u.speaker, u.begin_time) for u in read_transcript(labelled).turns] == [
        ("Interviewer", 5.0),
        ("P09", 9.0),
    ]
    log = tmp_path / "log.csv"
    log.write_text("Time,Transcript\n10:00,p01_interview.txt\n11:00,p02_interview.vtt\n", "utf-8")
    with pytest.raises(RoqaError, match="has no 'speaker' column"):
        read_transcript(log)


def test_the_never_asking_interviewer_is_warned_of_only_for_one_files_labels(
    tmp_path: Path,
) -> None:
    """An 'Interviewer' whose prompts a transcriber wrote without '?' is the interviewer in
    every file: only a per-file label (SPEAKER_00, Speaker 1) may be someone else here."""
    turns = [
        ("Interviewer", "Tell me about the trial"),
        ("P11", "It ran for a year."),
        ("P12", "Did it though?"),
        ("Interviewer", "Go on"),
        ("P11", "Yes, a year."),
        ("P12", "Are you sure?"),
        ("Interviewer", "And after that"),
        ("P12", "Was it funded?"),
        ("P11", "No."),
        ("Interviewer", "Thank you both"),
    ]
    path = tmp_path / "joint.txt"
    path.write_text("".join(f"{s}: {w}\n" for s, w in turns), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_transcript(path)


def test_an_unlabelled_speech_to_text_file_is_told_to_diarise(tmp_path: Path) -> None:
    """The warning said to label the turns 'Interviewer: ...', which a .json or .tsv cannot."""
    with pytest.warns(SpeakerWarning) as caught:
        read_transcript(write_json(tmp_path / "p07.json", whisperx((None, None))))
    assert str(caught[0].message).endswith(
        "questions included (transcribe it with speakers (diarisation: WhisperX, or whisper.cpp "
        "--diarize), or label the turns 'Interviewer: ...' and 'P04: ...')"
    )


@pytest.mark.parametrize(
    "name, highlight",
    [
        ("p23.srt", '<font color="#00ff00">{}</font>'),  # stable-ts's word-level .srt
        ("p23.vtt", "<b>{}</b>"),
        ("p24.vtt", "<c.highlight>{}</c>"),
    ],
)
def test_word_highlighting_in_any_tag_is_read_once(
    tmp_path: Path, name: str, highlight: str
) -> None:
    """s55 hunt: only Whisper's <u> was taken for the highlighted word, so stable-ts's coloured
    word (and a bold one) made every segment read once per word: 56 words became 663."""
    words = ["We", "had", "no", "staff."]
    sep = "," if name.endswith(".srt") else "."
    cues = [
        f"00:00:0{n}{sep}000 --> 00:00:0{n}{sep}900\n"
        + " ".join(highlight.format(x) if i == n else x for i, x in enumerate(words))
        for n in range(len(words))
    ]
    path = tmp_path / name
    head = "WEBVTT\n\n" if name.endswith(".vtt") else ""
    path.write_text(head + "\n\n".join(cues) + "\n", "utf-8")
    with pytest.warns(SpeakerWarning):
        t = read_transcript(path)
    assert [(t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns] == [
        ("We had no staff.", 0.0, 3.9)
    ]


def test_a_line_said_again_with_a_word_in_italics_is_read_each_time(tmp_path: Path) -> None:
    """A word in a tag of its own that stays in place from cue to cue is emphasis, not a
    highlighted word moving on: each time said is talk."""
    cue = "Ann Lee: We <i>never</i> have enough staff."
    path = tmp_path / "p25.vtt"
    path.write_text(
        "WEBVTT\n\n" + "".join(f"00:00:0{n}.000 --> 00:00:0{n}.900\n{cue}\n\n" for n in range(3)),
        "utf-8",
    )
    t = read_transcript(path)
    assert [t.text[u.start : u.end] for u in t.turns] == [
        "We never have enough staff. We never have enough staff. We never have enough staff."
    ]


def test_a_cue_written_again_at_the_very_same_times_is_read_once(tmp_path: Path) -> None:
    """s55 hunt: an export that wrote one cue three times at 00:00:05-08 gave three alike
    segments cited at one time; a line said again takes time of its own, so these are one."""
    said = "P07: The IT system kept crashing every morning."
    path = tmp_path / "p26.srt"
    path.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: What got in the way?\n\n"
        + "".join(f"{n}\n00:00:05,000 --> 00:00:08,000\n{said}\n\n" for n in (2, 3, 4))
        + "5\n00:00:09,000 --> 00:00:10,000\nP07: Every morning.\n",
        "utf-8",
    )
    t = read_transcript(path)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What got in the way?", 1.0, 4.0),
        (
            "P07",
            "participant",
            "The IT system kept crashing every morning. Every morning.",
            5.0,
            10.0,
        ),
    ]
