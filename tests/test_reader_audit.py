"""Reading transcripts as researchers write them: looser speaker labels (no space after the colon,
a dash), ids that differ in case, ``Me:``, a Word table's time column, and the warnings about
inputs that would otherwise be coded wrongly or not at all without a word."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import expand_paths, read_transcript, skipped_folders
from roqa_nlp.transcripts.roles import (
    DEFAULT_INTERVIEWER_LABELS,
    first_spellings,
    is_interviewer,
    speaker_warning,
)
from roqa_nlp.transcripts.text import parse_text

#: what ``roqa code --interviewer NAME`` passes: the default labels, then the name given
FIXED = ["Interviewer", *DEFAULT_INTERVIEWER_LABELS]


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn, the words read through the turn's offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def read_txt(tmp_path: Path, text: str, name: str = "p24.txt", **options: Any) -> Transcript:
    f = tmp_path / name
    f.write_text(text, "utf-8")
    return read_transcript(f, **options)


# --- looser speaker labels ------------------------------------------------------------------


def test_a_label_without_a_space_after_the_colon_opens_a_turn(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "Interviewer:What are the barriers?\n\nP24:Money. We cannot keep staff.\n\n"
        "Interviewer:What helps?\n\nP24:Our manager.\n",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What are the barriers?"),
        ("P24", "participant", "Money. We cannot keep staff."),
        ("Interviewer", "interviewer", "What helps?"),
        ("P24", "participant", "Our manager."),
    ]
    assert "speaker_labels" not in t.metadata


@pytest.mark.parametrize("dash", ["-", "–"])
def test_a_label_with_a_dash_opens_a_turn(tmp_path: Path, dash: str) -> None:
    t = read_txt(
        tmp_path,
        f"Interviewer {dash} What are the barriers?\n\nP25 {dash} Money. We cannot keep staff.\n\n"
        f"Interviewer {dash} What helps?\n\nP25 {dash} Our manager - she backs us.\n",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What are the barriers?"),
        ("P25", "participant", "Money. We cannot keep staff."),
        ("Interviewer", "interviewer", "What helps?"),
        ("P25", "participant", "Our manager - she backs us."),
    ]


def test_label_shapes_mixed_in_one_file_and_ids_in_any_case(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "interviewer: what are the barriers?\n"
        "p23: Money. We can't keep staff because the pay is too low.\n"
        "INTERVIEWER - And what helps?\n"
        "P23 - Our manager backs us, she goes to every team meeting.\n"
        "Interviewer:What else?\n"
        "P23:Training. We only get e-learning, nothing face to face.\n"
        "Me: Thanks, that's great.\n"
        "P23: You're welcome.\n",
        name="p23_labels.txt",
    )
    assert turns_of(t) == [
        ("interviewer", "interviewer", "what are the barriers?"),
        ("p23", "participant", "Money. We can't keep staff because the pay is too low."),
        ("interviewer", "interviewer", "And what helps?"),
        ("p23", "participant", "Our manager backs us, she goes to every team meeting."),
        ("interviewer", "interviewer", "What else?"),
        ("p23", "participant", "Training. We only get e-learning, nothing face to face."),
        ("Me", "interviewer", "Thanks, that's great."),
        ("p23", "participant", "You're welcome."),
    ]
    assert t.participant == "P23"
    assert speaker_warning(t) is None


def test_a_transcribers_unknown_speaker_label_opens_a_turn(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "Interviewer: What gets measured?\n\nP1: The numbers.\n\n"
        "Unknown speaker: [inaudible] the KPIs.\n\nP2: And turnover.\n",
        name="fg1.txt",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What gets measured?"),
        ("P1", "participant", "The numbers."),
        ("Unknown speaker", "participant", "[inaudible] the KPIs."),
        ("P2", "participant", "And turnover."),
    ]


def test_a_label_the_file_uses_with_a_space_is_a_label_without_one(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "Sam Roe: Can you hear me?\nJo Bell: Yes.\nSam Roe:What helped?\nJo Bell:Training.\n",
    )
    assert turns_of(t) == [
        ("Sam Roe", "participant", "Can you hear me?"),
        ("Jo Bell", "participant", "Yes."),
        ("Sam Roe", "participant", "What helped?"),
        ("Jo Bell", "participant", "Training."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Note:this was said quietly.",
        "10:30 was when we met.",
        "Meeting at 10:30 was fine.",
        "See http://example.org for the rota.",
        "Well - it was hard.",
        "So – we asked again.",
    ],
)
def test_a_line_of_speech_in_a_looser_shape_continues_the_turn(line: str) -> None:
    text = f"Interviewer: What happened?\nP04: We met.\n{line}\nInterviewer: Thanks.\n"
    t = parse_text(text, "p04.txt")
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What happened?"),
        ("P04", "participant", f"We met.\n{line}"),
        ("Interviewer", "interviewer", "Thanks."),
    ]


def test_dash_lines_of_ordinary_words_are_not_labels_even_when_repeated() -> None:
    text = (
        "Interviewer: What happened?\nP04: We met.\nSo - it went on.\nWell - no.\n"
        "So - again.\nWell - fine.\n"
    )
    t = parse_text(text, "p04.txt")
    assert [u.speaker for u in t.turns] == ["Interviewer", "P04"]


def test_a_title_line_with_a_dash_is_not_a_turn() -> None:
    text = "P04 - Interview transcript\n\nInterviewer: What happened?\nP04: We met.\n"
    t = parse_text(text, "p04.txt")
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What happened?"),
        ("P04", "participant", "We met."),
    ]


def test_capitalised_names_used_consistently_with_a_dash_are_labels() -> None:
    text = "Sam Roe - What helped?\nJo Bell - Training.\nSam Roe - And?\nJo Bell - Time.\n"
    t = parse_text(text, "zoom.txt", interviewer_labels=["Sam Roe"])
    assert turns_of(t) == [
        ("Sam Roe", "interviewer", "What helped?"),
        ("Jo Bell", "participant", "Training."),
        ("Sam Roe", "interviewer", "And?"),
        ("Jo Bell", "participant", "Time."),
    ]


# A transcript table (time | speaker | words) printed to PDF or pasted as text: the label after the
# time has no colon, and a long turn's words may start on the next line.
TABLE_AS_TEXT = (
    "Interview P06\n"
    "Time Speaker Text\n"
    "00:00:05 Interviewer Thanks for joining. How does recovery work here?\n"
    "00:00:15 P06\n"
    "We work on people's own goals, but staffing\n"
    "makes it hard.\n"
    "00:01:02 Interviewer And training?\n"
    "00:01:10 P06 Training helps.\n"
)


def test_a_time_then_a_label_without_a_colon_opens_a_turn() -> None:
    t = parse_text(TABLE_AS_TEXT, "p06.txt")
    assert [(*turn, u.begin_time) for turn, u in zip(turns_of(t), t.turns, strict=True)] == [
        ("Interviewer", "interviewer", "Thanks for joining. How does recovery work here?", 5.0),
        ("P06", "participant", "We work on people's own goals, but staffing\nmakes it hard.", 15.0),
        ("Interviewer", "interviewer", "And training?", 62.0),
        ("P06", "participant", "Training helps.", 70.0),
    ]
    assert t.participant == "P06"


def test_a_transcript_table_pasted_with_tabs_reads_the_same() -> None:
    text = "00:00:05\tInterviewer\tWhy?\n00:00:09\tParticipant 6\tCost, mostly.\n"
    assert turns_of(parse_text(text, "p06.txt")) == [
        ("Interviewer", "interviewer", "Why?"),
        ("Participant 6", "participant", "Cost, mostly."),
    ]


def test_a_transcript_table_printed_to_pdf_reads_as_turns(tmp_path: Path) -> None:
    from hostile_files import text_pdf

    f = tmp_path / "p06.pdf"
    f.write_bytes(text_pdf([TABLE_AS_TEXT.splitlines()]))
    assert [u.speaker for u in read_transcript(f).turns] == ["Interviewer", "P06"] * 2


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        # a time opening a line of talk: "I" and "Me" open sentences, never labels without a colon
        # (the bracketed times inside the turn are no one's words, left out)
        (
            "Interviewer: When?\nP04: We met.\n[00:01:02] I think it was May.\n"
            "[00:01:09] Me and the team went.\n",
            [
                ("Interviewer", "When?"),
                ("P04", "We met.\nI think it was May.\nMe and the team went."),
            ],
        ),
        # one such line is not a table: the talk names someone after a time
        (
            "Interviewer: When?\nP04: At 10:30 P05 came in.\n10:45 Interviewer arrived late.\n",
            [
                ("Interviewer", "When?"),
                ("P04", "At 10:30 P05 came in.\n10:45 Interviewer arrived late."),
            ],
        ),
        # names are not taken in this shape: where would "Jane Smith So" end?
        (
            "00:00:05 Jane Smith So what helps?\n00:00:09 Sam Roe Money.\n",
            [("P04", "Jane Smith So what helps?\n00:00:09 Sam Roe Money.")],
        ),
    ],
)
def test_times_before_ordinary_words_are_not_labels(
    text: str, turns: list[tuple[str, str]]
) -> None:
    t = parse_text(text, "p04.txt")
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == turns


def test_a_no_space_label_in_a_zoom_cue_names_its_speaker(tmp_path: Path) -> None:
    f = tmp_path / "p07.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nInterviewer:What helped?\n\n"
        "00:00:04.000 --> 00:00:08.000\nP07:Training.\n",
        "utf-8",
    )
    t = read_transcript(f)
    assert t.text == "Interviewer: What helped?\n\nP07: Training."
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What helped?"),
        ("P07", "participant", "Training."),
    ]


# --- speakers -------------------------------------------------------------------------------


def test_speaker_labels_that_differ_in_case_are_spelled_as_first_written() -> None:
    assert first_spellings(["p23", "Interviewer", "P23", "INTERVIEWER"]) == {
        "p23": "p23",
        "Interviewer": "Interviewer",
        "P23": "p23",
        "INTERVIEWER": "Interviewer",
    }


def test_a_rendered_transcript_names_a_speaker_one_way(tmp_path: Path) -> None:
    f = tmp_path / "p23.csv"
    f.write_text("speaker,text\nInterviewer,Why?\np23,Cost.\nInterviewer,And?\nP23,Time.\n")
    t = read_transcript(f)
    assert t.text == "Interviewer: Why?\n\np23: Cost.\n\nInterviewer: And?\n\np23: Time."
    assert [u.speaker for u in t.turns] == ["Interviewer", "p23", "Interviewer", "p23"]


@pytest.mark.parametrize("label", ["Me", "ME", "me"])
def test_me_is_an_interviewer_label(label: str) -> None:
    assert is_interviewer(label)
    assert not is_interviewer("Mel")


# --- warnings about speakers ------------------------------------------------------------------

ZOOM = (
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\nSam Roe: Can you hear me okay?\n\n"
    "2\n00:00:06.000 --> 00:00:09.000\nPriya Patel: Yes, loud and clear.\n"
)


def test_interviewer_labels_that_match_no_speaker_are_named_in_a_warning(tmp_path: Path) -> None:
    f = tmp_path / "zoom_names.vtt"
    f.write_text(ZOOM, "utf-8")
    t = read_transcript(f, interviewer_labels=[*FIXED, "Sam Row"])
    assert t.metadata["interviewer_labels_unmatched"] == ["Sam Row"]
    assert speaker_warning(t) == (
        f"{f}: no speaker matched the interviewer label(s) 'Sam Row': the speakers are "
        "'Sam Roe', 'Priya Patel', so everyone's talk was coded (give --interviewer the "
        "interviewer's label as the transcript spells it)"
    )
    matched = read_transcript(f, interviewer_labels=[*FIXED, "Sam Roe"])
    assert "interviewer_labels_unmatched" not in matched.metadata
    assert speaker_warning(matched) is None


def test_a_transcript_of_only_the_interviewer_warns_that_there_is_no_participant_talk(
    tmp_path: Path,
) -> None:
    t = read_txt(
        tmp_path,
        "Interviewer: Hello?\nSam: Can you hear me?\n"
        "Interviewer: It seems the participant dropped out.\n",
        name="onlyint.txt",
        interviewer_labels=["Sam"],
    )
    assert speaker_warning(t) == (
        f"{tmp_path / 'onlyint.txt'}: no participant talk found: all 3 turns are the "
        "interviewer's ('Interviewer', 'Sam'), so there is nothing to code (check that the "
        "participant's turns are labelled 'P04: ...' and that --interviewer names only the "
        "interviewer)"
    )
    # one speaker's lines are one turn
    t = read_txt(tmp_path, "Interviewer: Hello? Can you hear me?\n", name="one.txt")
    assert speaker_warning(t) == (
        f"{tmp_path / 'one.txt'}: no participant talk found: the one turn is the "
        "interviewer's ('Interviewer'), so there is nothing to code (check that the participant's "
        "turns are labelled 'P04: ...' and that --interviewer names only the interviewer)"
    )


def test_a_participant_labelled_q_with_a_number_beside_the_interviewer_is_named_with_its_fix(
    tmp_path: Path,
) -> None:
    """s69 python D2: 'Q01' (Q with a number is an interviewer's label) beside 'Interviewer':
    every turn is the interviewer's, and the warning named --interviewer, which was not given,
    and not the fix, --participant Q01. Given --interviewer, the old advice stands."""
    text = (
        "Interviewer: How has it gone?\nQ01: Staffing is the problem, two vacancies.\n"
        "Interviewer: And the contract?\nQ01: It pays by the hour.\n"
    )
    t = read_txt(tmp_path, text, name="q01_manager.txt")
    said = (
        f"{tmp_path / 'q01_manager.txt'}: no participant talk found: all 4 turns are the "
        "interviewer's ('Interviewer', 'Q01'), so there is nothing to code: 'Q01' is read as "
        "the interviewer, as Q with a number is an interviewer's label; if "
        "'Q01' is the participant, name them with "
    )
    assert speaker_warning(t) == said + "--participant Q01"
    assert speaker_warning(t, interface="python") == said + "participant_labels=['Q01']"
    fixed = read_txt(tmp_path, text, name="q01_manager.txt", participant_labels=["Q01"])
    assert speaker_warning(fixed) is None
    given = read_txt(tmp_path, text, name="q01_manager.txt", interviewer_labels=["Sam"])
    assert speaker_warning(given) == (
        f"{tmp_path / 'q01_manager.txt'}: no participant talk found: all 4 turns are the "
        "interviewer's ('Interviewer', 'Q01'), so there is nothing to code (check that the "
        "participant's turns are labelled 'P04: ...' and that --interviewer names only the "
        "interviewer)"
    )


# --- Word tables ------------------------------------------------------------------------------


def test_a_word_table_time_column_gives_the_turns_begin_times(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("Interview transcript – Site B")
    rows = [
        ("00:00:01", "Interviewer", "What are the barriers?"),
        ("00:00:05", "P16", "We can't keep staff."),
        ("00:01:20.5", "Interviewer", "What helps?"),
    ]
    table = d.add_table(rows=len(rows), cols=3)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    d.save(str(tmp_path / "p16_table.docx"))
    t = read_transcript(tmp_path / "p16_table.docx")
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Interviewer", "What are the barriers?", 1.0),
        ("P16", "We can't keep staff.", 5.0),
        ("Interviewer", "What helps?", 80.5),
    ]


# --- folders --------------------------------------------------------------------------------


def _folders(tmp_path: Path) -> Path:
    top = tmp_path / "interviews"
    for name in ("siteA", "siteB/deeper", "empty", ".hidden", "coded", "gold"):
        (top / name).mkdir(parents=True)
    # codings someone made by hand, with a README: no transcripts in it
    (top / "gold" / "README.md").write_text("# Gold codings\n")
    (top / "gold" / "codings.csv").write_text("transcript,segment_id,start,end,text\n")
    (top / "gold" / "ratings.csv").write_text("unit,coder,code\nu1,A,Cost\n")
    (top / "siteA" / "p01.txt").write_text("P01: words")
    (top / "siteB" / "deeper" / "p02.docx").write_bytes(b"x")
    (top / "empty" / "notes.pages").write_bytes(b"x")
    (top / ".hidden" / "p03.txt").write_text("P03: words")
    (top / "coded" / "run.json").write_text("{}")  # a roqa code output folder
    (top / "coded" / "codings.csv").write_text("x")
    return top


def test_subfolders_holding_transcripts_are_found(tmp_path: Path) -> None:
    top = _folders(tmp_path)
    assert skipped_folders(top) == [top / "siteA", top / "siteB"]


def test_a_folder_with_transcripts_only_in_subfolders_is_an_error_naming_them(
    tmp_path: Path,
) -> None:
    top = _folders(tmp_path)
    with pytest.raises(RoqaError) as e:
        expand_paths([top])
    assert str(e.value) == (
        f"{top}: holds no transcripts itself, only in its subfolder(s) siteA, siteB, which are "
        f"not read (give the subfolders themselves, e.g. {top / 'siteA'})"
    )


# --- roqa code --------------------------------------------------------------------------------


def said(err: str) -> list[str]:
    """What roqa wrote on stderr, without the progress bars of the libraries it loads."""
    return [line for line in err.splitlines() if line.startswith("roqa: ")]


@pytest.mark.slow
def test_roqa_code_warns_of_subfolders_it_does_not_read(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    from test_cli_core import roqa

    top = _folders(tmp_path)
    (top / "p04.txt").write_text("Interviewer: Why?\n\nP04: Staffing, all winter.\n", "utf-8")
    run = roqa("code", top, "--out", tmp_path / "out", "--model", tiny_model_dir, "--no-report")
    assert run.code == 0
    assert said(run.err) == [
        f"roqa: warning: {top}: left out 2 subfolder(s) holding transcripts: siteA, siteB (only "
        f"the files directly in a folder are read; give the subfolders too to code them, e.g. "
        f"{top / 'siteA'})"
    ]
    assert {s.segment.transcript_id for s in CodingResult.read(tmp_path / "out")} == {"p04"}


@pytest.mark.slow
@pytest.mark.parametrize("stream", [False, True])
def test_roqa_code_warns_of_a_mistyped_interviewer_and_of_a_transcript_without_participant_talk(
    tiny_model_dir: Path, tmp_path: Path, stream: bool
) -> None:
    from test_cli_core import roqa

    zoom = tmp_path / "zoom_names.vtt"
    zoom.write_text(ZOOM, "utf-8")
    only = tmp_path / "onlyint.txt"
    only.write_text("Interviewer: Hello?\nInterviewer: Can you hear me?\n", "utf-8")
    mode = "--stream" if stream else "--no-report"
    run = roqa(
        "code", zoom, only, "--out", tmp_path / "out", "--model", tiny_model_dir, mode,
        "--interviewer", "Sam Row",
    )  # fmt: skip
    assert run.code == 0
    assert said(run.err) == [
        f"roqa: warning: {zoom}: no speaker matched the interviewer label(s) 'Sam Row': the "
        "speakers are 'Sam Roe', 'Priya Patel', so everyone's talk was coded (give --interviewer "
        "the interviewer's label as the transcript spells it)",
        f"roqa: warning: {only}: no participant talk found: all 2 turns are the interviewer's "
        "('Interviewer'), so there is nothing to code (check that the participant's turns are "
        "labelled 'P04: ...' and that --interviewer names only the interviewer)",
    ]


@pytest.mark.slow
def test_roqa_code_of_transcripts_with_no_participant_talk_at_all_refuses_and_writes_nothing(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Left-over defect, session 44: `roqa code iv --out out` whose one transcript holds only
    the interviewer's turns warned of it, then wrote every output for 0 segments, exit 0. The
    file's warning (with its advice) stays, and the run, with no participant talk in any
    transcript, ends in one error naming the input: exit 2, no --out folder made. A run where
    some transcript has participant talk still codes it (the test above)."""
    from test_cli_core import roqa

    iv = tmp_path / "iv"
    iv.mkdir()
    p01 = iv / "p01.txt"
    p01.write_text(
        "Interviewer: Hello, can you hear me?\nInterviewer: I will call back.\n", "utf-8"
    )
    run = roqa("code", iv, "--out", tmp_path / "out", "--model", tiny_model_dir)
    assert run.code == 2
    assert said(run.err) == [
        f"roqa: warning: {p01}: no participant talk found: all 2 turns are the interviewer's "
        "('Interviewer'), so there is nothing to code (check that the participant's turns are "
        "labelled 'P04: ...' and that --interviewer names only the interviewer)",
        f"roqa: error: {iv}: no participant talk to code in its one transcript (warned of "
        "above), so nothing was written (check that the participant's turns are labelled "
        "'P04: ...' and that --interviewer names only the interviewer)",
    ]
    assert not (tmp_path / "out").exists()
    p02 = iv / "p02.txt"
    p02.write_text("Interviewer: Are you there?\n", "utf-8")
    run = roqa("code", p01, p02, "--out", tmp_path / "out", "--model", tiny_model_dir)
    assert run.code == 2
    assert said(run.err)[-1] == (
        "roqa: error: no participant talk to code in any of the 2 transcripts given (warned of "
        "above), so nothing was written (check that the participant's turns are labelled "
        "'P04: ...' and that --interviewer names only the interviewer)"
    )
    assert len(said(run.err)) == 3
    assert not (tmp_path / "out").exists()


NO_TALK_LINES = [
    "roqa: warning: {p01}: no participant talk found: all 2 turns are the interviewer's "
    "('Interviewer'), so there is nothing to code (check that the participant's turns are "
    "labelled 'P04: ...' and that --interviewer names only the interviewer)",
    "roqa: error: {iv}: no participant talk to code in its one transcript (warned of above), so "
    "nothing was written (check that the participant's turns are labelled 'P04: ...' and that "
    "--interviewer names only the interviewer)",
]


def interviewer_only(tmp_path: Path) -> tuple[Path, Path]:
    """A folder ``iv`` holding one transcript, ``p01.txt``, of the interviewer's turns only."""
    iv = tmp_path / "iv"
    iv.mkdir()
    p01 = iv / "p01.txt"
    p01.write_text(
        "Interviewer: Hello, can you hear me?\nInterviewer: I will call back.\n", "utf-8"
    )
    return iv, p01


@pytest.mark.slow
def test_roqa_code_stream_refuses_a_run_with_no_participant_talk_as_the_local_path_does(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Left-over s45: `roqa code iv --stream` of a run with no participant talk wrote the four
    files of 0 segments, exit 0, where the local path refuses (the test above). It now ends in
    the same warning and error, exit 2, and writes nothing: no --out folder is made, and an
    earlier run's codings in --out are left as they were."""
    from test_cli_core import roqa

    iv, p01 = interviewer_only(tmp_path)
    run = roqa("code", iv, "--out", tmp_path / "out", "--model", tiny_model_dir, "--stream")
    assert run.code == 2
    assert said(run.err) == [line.format(p01=p01, iv=iv) for line in NO_TALK_LINES]
    assert not (tmp_path / "out").exists()
    earlier = tmp_path / "earlier"
    (iv.parent / "iv2").mkdir()
    (iv.parent / "iv2" / "p02.txt").write_text("P02: We lacked staff on the ward.\n", "utf-8")
    done = roqa("code", iv.parent / "iv2", "--out", earlier, "--model", tiny_model_dir, "--stream")
    assert done.code == 0
    before = {f.name: f.read_bytes() for f in earlier.iterdir()}
    assert sorted(before) == ["codings.csv", "codings.jsonl", "run.json", "transcripts.jsonl"]
    run = roqa("code", iv, "--out", earlier, "--model", tiny_model_dir, "--stream")
    assert run.code == 2
    assert {f.name: f.read_bytes() for f in earlier.iterdir()} == before


def test_the_ray_engine_refuses_a_merged_run_with_no_participant_talk_before_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left-over s45: `roqa code iv --engine ray` of a run with no participant talk wrote the
    merged files of 0 segments, exit 0. What the command does with the shards as they are merged
    (Ray itself is not needed to merge them): the same warning and error as the local path, and
    none of the merged files put in place."""
    from roqa_nlp.cli.code_cmd import _SaidOfRayParts
    from roqa_nlp.ray_engine import merge_shards, shard_name
    from roqa_nlp.result import transcript_to_dict

    iv, p01 = interviewer_only(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / shard_name("codings", 0)).write_text("", "utf-8")
    t = read_transcript(p01)
    (out / shard_name("transcripts", 0)).write_text(
        json.dumps(transcript_to_dict(t)) + "\n", "utf-8"
    )
    said_of = _SaidOfRayParts([iv])
    with pytest.raises(RoqaError) as e:
        merge_shards(out, 1, {}, on_part=said_of.part, on_merged=said_of.merged)
    assert f"roqa: error: {e.value}" == NO_TALK_LINES[1].format(iv=iv)
    assert said(capsys.readouterr().err) == [NO_TALK_LINES[0].format(p01=p01)]
    assert sorted(f.name for f in out.iterdir()) == [
        shard_name("codings", 0),
        shard_name("transcripts", 0),
    ]


def test_a_folder_is_read_with_numbers_in_file_names_in_number_order(tmp_path: Path) -> None:
    """Interviews numbered without leading zeros come in the order they were done (saturation
    is judged in it): p2 before p10, whatever the case of the name."""
    from roqa_nlp.transcripts import expand_paths

    for name in ("p10.txt", "P2.txt", "p1.txt", "p13.txt", "p3.txt", "notes.md"):
        (tmp_path / name).write_text("P04: We lacked staff.\n", encoding="utf-8")
    assert [f.name for f in expand_paths([tmp_path])] == [
        "notes.md",
        "p1.txt",
        "P2.txt",
        "p3.txt",
        "p10.txt",
        "p13.txt",
    ]


# --- f4transkript and MAXQDA time marks -----------------------------------------------------

F4 = (
    "Interview 7, 12 March 2024\n\n"
    "I: How is recovery-orientated practice going in your service? #00:00:05-2#\n\n"
    "R: Mostly well. The staff are keen. #00:00:19-6#\n"
    "But we are short of people. #00:00:25-1#\n\n"
    "I: What helps? #00:00:28#\n\n"
    "R: Supervision, and our #1 priority, the recovery college. #00:00:40-0#\n"
)
F4_TURNS = [
    ("I", "interviewer", "How is recovery-orientated practice going in your service?", None, 5.2),
    (
        "R",
        "participant",
        "Mostly well. The staff are keen.\nBut we are short of people.",
        5.2,
        25.1,
    ),
    ("I", "interviewer", "What helps?", 25.1, 28.0),
    ("R", "participant", "Supervision, and our #1 priority, the recovery college.", 28.0, 40.0),
]


def test_f4_time_marks_are_no_ones_words_and_give_the_turns_times(tmp_path: Path) -> None:
    t = read_txt(tmp_path, F4, "p07.txt")
    assert [
        (u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns
    ] == F4_TURNS
    assert "#00:" not in t.text and t.metadata["rendering"] == "canonical"
    from roqa_nlp.transcripts.segment import segment

    segs = segment(t, "sentence")
    assert [s.text for s in segs][:2] == ["Mostly well.", "The staff are keen."]
    assert all(t.text[s.start : s.end] == s.text for s in segs)


def test_f4_time_marks_in_rtf_and_word_read_the_same(tmp_path: Path) -> None:
    import docx

    body = [line for line in F4.splitlines() if line.strip()]
    rtf = "{\\rtf1\\ansi\\ansicpg1252\\pard " + "\\par\n".join(body) + "\\par}"
    (tmp_path / "p07.rtf").write_text(rtf, "ascii")
    d = docx.Document()
    for line in body:
        d.add_paragraph(line)
    d.save(str(tmp_path / "p07.docx"))
    for name in ("p07.rtf", "p07.docx"):
        t = read_transcript(tmp_path / name)
        got = [
            (u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns
        ]
        assert got == F4_TURNS, name


def test_a_hash_in_the_talk_is_no_time_mark(tmp_path: Path) -> None:
    text = "I: Priorities?\nR: Our #1 priority is staff, #00:12 is not a mark.\n"
    t = read_txt(tmp_path, text, "p08.txt")
    assert t.text == text and t.metadata["rendering"] == "original"


# --- numbered lines and labels on lines of their own ----------------------------------------

NUMBERED_TURNS = [
    ("Interviewer", "interviewer", "How is recovery-orientated practice going?"),
    (
        "P04",
        "participant",
        "Fine, but we are short of staff.\nThe agency staff do not know people.",
    ),
    ("Interviewer", "interviewer", "What helps?"),
    ("P04", "participant", "Supervision."),
]


@pytest.mark.parametrize(
    "text",
    [
        "1  Interviewer: How is recovery-orientated practice going?\n"
        "2  P04: Fine, but we are short of staff.\n3  The agency staff do not know people.\n"
        "4\n5  Interviewer: What helps?\n6  P04: Supervision.\n",
        # tabs, and Word numbering each page from 1 again
        "1\tInterviewer: How is recovery-orientated practice going?\n"
        "2\tP04: Fine, but we are short of staff.\n1\tThe agency staff do not know people.\n\n"
        "2\tInterviewer: What helps?\n3\tP04: Supervision.\n",
    ],
)
def test_a_transcript_with_numbered_lines_is_read_without_the_numbers(text: str) -> None:
    t = parse_text(text, "p04.txt")
    assert turns_of(t) == NUMBERED_TURNS
    assert t.metadata["line_numbers"] is True and t.metadata["rendering"] == "extracted"


def test_numbered_lines_printed_to_pdf_are_read_without_the_numbers(tmp_path: Path) -> None:
    from hostile_files import text_pdf

    lines = [
        "1 Interviewer: How is recovery-orientated practice going?",
        "2 P04: Fine, but we are short of staff.",
        "3 The agency staff do not know people.",
        "4 Interviewer: What helps?",
        "5 P04: Supervision.",
    ]
    f = tmp_path / "p04.pdf"
    f.write_bytes(text_pdf([lines]))
    assert turns_of(read_transcript(f)) == NUMBERED_TURNS


def test_numbers_opening_a_few_lines_of_talk_are_words() -> None:
    text = (
        "Interviewer: When did it start?\nP04: In the spring.\n2019 was the hard year.\n"
        "12 of us stayed on.\nInterviewer: And now?\nP04: Better.\n"
    )
    t = parse_text(text, "p04.txt")
    assert t.text == text and "line_numbers" not in t.metadata
    assert turns_of(t)[1] == (
        "P04",
        "participant",
        "In the spring.\n2019 was the hard year.\n12 of us stayed on.",
    )


def test_a_label_on_a_line_of_its_own_opens_the_turn_below_it() -> None:
    text = (
        "INTERVIEWER\nHow is it going?\n\nPARTICIPANT 4\nFine, but short of staff.\n"
        "Agency staff come and go.\n\nINTERVIEWER\nAnd what helps?\n\nPARTICIPANT 4\n"
        "Supervision.\n"
    )
    assert turns_of(parse_text(text, "p04.txt")) == [
        ("INTERVIEWER", "interviewer", "How is it going?"),
        ("PARTICIPANT 4", "participant", "Fine, but short of staff.\nAgency staff come and go."),
        ("INTERVIEWER", "interviewer", "And what helps?"),
        ("PARTICIPANT 4", "participant", "Supervision."),
    ]


@pytest.mark.parametrize("answerer", ["PARTICIPANT", "Respondent", "INTERVIEWEE"])
def test_the_one_who_answers_may_be_named_by_their_role_alone_on_a_line(answerer: str) -> None:
    """INTERVIEWER above the question and PARTICIPANT above the answer: every paragraph was
    read as the participant's, the questions coded (session 27)."""
    text = (
        f"INTERVIEWER\nHow is it going?\n\n{answerer}\nFine, but short of staff.\n\n"
        f"INTERVIEWER\nAnd what helps?\n\n{answerer}\nSupervision.\n"
    )
    assert turns_of(parse_text(text, "p04.txt")) == [
        ("INTERVIEWER", "interviewer", "How is it going?"),
        (answerer, "participant", "Fine, but short of staff."),
        ("INTERVIEWER", "interviewer", "And what helps?"),
        (answerer, "participant", "Supervision."),
    ]


def test_a_participant_heading_above_a_consent_statement_is_no_turn() -> None:
    """A lone 'Participant' is a turn's label only on two or more lines (third review of
    session 27: a heading above a consent statement was read as the participant speaking)."""
    text = (
        "Consent\n\nParticipant\nI have read the information sheet and agree to take part.\n\n"
        "Interviewer\nI confirm the participant was given a copy.\n\n"
        "Interviewer: Can you tell me about your work?\nP03: I work nights on the ward.\n"
    )
    assert [u.speaker for u in parse_text(text, "p03.txt").turns] == ["Interviewer", "P03"]


def test_one_kind_of_label_alone_on_a_line_is_a_title_not_a_turn() -> None:
    text = "Participant 4\n\nInterviewer: How is it going?\nP04: Fine.\nParticipant 4\n"
    assert [u.speaker for u in parse_text(text, "p04.txt").turns] == ["Interviewer", "P04"]


# --- Teams' old transcripts and subtitle files saved as text ----------------------------------

#: Teams' transcripts as they once were, in .vtt and in Word: one-digit seconds, and the
#: speaker's name on a line of its own above the words.
TEAMS_OLD = (
    "0:0:0.0 --> 0:0:5.230\nSam Roe\nHow is it going with the new recovery plans?\n\n"
    "0:0:5.230 --> 0:0:9.0\nJo Bell\nFine, but we are short of staff.\n\n"
    "0:0:9.0 --> 0:0:12.0\nJo Bell\nAgency staff come and go.\n\n"
    "0:0:12.0 --> 0:0:15.0\nSam Roe\nWhat helps?\n\n"
    "0:0:15.0 --> 0:0:18.5\nJo Bell\nSupervision.\n"
)
TEAMS_TURNS = [
    ("Sam Roe", "interviewer", "How is it going with the new recovery plans?", 0.0, 5.23),
    (
        "Jo Bell",
        "participant",
        "Fine, but we are short of staff. Agency staff come and go.",
        5.23,
        12.0,
    ),
    ("Sam Roe", "interviewer", "What helps?", 12.0, 15.0),
    ("Jo Bell", "participant", "Supervision.", 15.0, 18.5),
]


def _timed_turns(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


@pytest.mark.parametrize("suffix", [".vtt", ".txt", ".docx", ".odt"])
def test_teams_old_transcripts_read_with_their_speakers_and_times(
    tmp_path: Path, suffix: str
) -> None:
    f = tmp_path / f"p09{suffix}"
    if suffix == ".docx":
        import docx

        d = docx.Document()
        for line in TEAMS_OLD.splitlines():
            if line:
                d.add_paragraph(line)
        d.save(str(f))
    elif suffix == ".odt":
        from odfdo import Document, Paragraph

        doc = Document("text")
        doc.body.clear()
        for line in TEAMS_OLD.splitlines():
            doc.body.append(Paragraph(line))
        doc.save(f)
    else:
        f.write_text(TEAMS_OLD, "utf-8")
    t = read_transcript(f, interviewer_labels=[*FIXED, "Sam Roe"])
    assert _timed_turns(t) == TEAMS_TURNS
    assert t.metadata["cues"] == 5


#: Teams' old transcript in which a cue's words open with a word and a colon, the interviewer's
#: ("Lovely: moving on ...") and the participant's ("Training: the mandatory ...").
TEAMS_OLD_WORD_COLON = (
    "WEBVTT\n\n"
    "0:0:1.000 --> 0:0:6.000\nDr Priya Shah\nWhat helps your staff work in a recovery way?\n\n"
    "0:0:7.000 --> 0:0:12.000\nGrace Adeyemi\nSupervision helps, every worker gets it monthly.\n\n"
    "0:0:12.500 --> 0:0:18.000\nGrace Adeyemi\nTraining: the mandatory stuff is all online,\n\n"
    "0:0:18.500 --> 0:0:22.000\nGrace Adeyemi\nnothing on recovery or on hope.\n\n"
    "0:0:23.000 --> 0:0:26.000\nDr Priya Shah\nAnd what gets in the way of it?\n\n"
    "0:0:27.000 --> 0:0:33.000\nGrace Adeyemi\nTurnover. We lost four support workers.\n\n"
    "0:0:37.000 --> 0:0:39.000\nDr Priya Shah\nLovely: moving on to families now.\n\n"
    "0:0:39.200 --> 0:0:40.000\nDr Priya Shah\nHow do they fit in?\n\n"
    "0:0:41.000 --> 0:0:46.000\nGrace Adeyemi\nFamilies can make or break it.\n"
)


def test_teams_old_name_line_above_words_opening_with_a_word_and_colon_names_the_speaker(
    tmp_path: Path,
) -> None:
    """The cue's lines joined read 'Dr Priya Shah Lovely:' as one label: the name line alone is
    the speaker (a name opening two or more cues), and 'Lovely:' is the interviewer's talk."""
    f = tmp_path / "p09.vtt"
    f.write_text(TEAMS_OLD_WORD_COLON, "utf-8")
    t = read_transcript(f, interviewer_labels=[*FIXED, "Dr Priya Shah"])
    assert turns_of(t) == [
        ("Dr Priya Shah", "interviewer", "What helps your staff work in a recovery way?"),
        (
            "Grace Adeyemi",
            "participant",
            "Supervision helps, every worker gets it monthly. Training: the mandatory stuff is "
            "all online, nothing on recovery or on hope.",
        ),
        ("Dr Priya Shah", "interviewer", "And what gets in the way of it?"),
        ("Grace Adeyemi", "participant", "Turnover. We lost four support workers."),
        (
            "Dr Priya Shah",
            "interviewer",
            "Lovely: moving on to families now. How do they fit in?",
        ),
        ("Grace Adeyemi", "participant", "Families can make or break it."),
    ]


def test_teams_old_late_speakers_name_line_above_a_word_and_colon_counts_as_naming_him(
    tmp_path: Path,
) -> None:
    """A late joiner's name line opens two cues, one of them 'Sorry: I'm late...': both count, so
    the name line names him in both, and his answer after the interviewer's 'Lovely: ...' cue is
    his, not run on into the interviewer's talk (it was, and went uncoded)."""
    vtt = (
        "WEBVTT\n\n0:0:1.000 --> 0:0:6.000\nDr Priya Shah\nWhat helps your staff?\n\n"
        "0:0:7.000 --> 0:0:12.000\nGrace Adeyemi\nSupervision helps.\n\n"
        "0:0:23.000 --> 0:0:26.000\nDr Priya Shah\nAnd what gets in the way of it?\n\n"
        "0:0:27.000 --> 0:0:33.000\nGrace Adeyemi\nTurnover.\n\n"
        "0:0:34.000 --> 0:0:36.000\nTom Baker\nSorry: I'm late, I had a clinic.\n\n"
        "0:0:37.000 --> 0:0:39.000\nDr Priya Shah\nLovely: no problem Tom. And for your team?\n\n"
        "0:0:41.000 --> 0:0:46.000\nTom Baker\nMostly the rota, it changes every week.\n"
    )
    f = tmp_path / "p09.vtt"
    f.write_text(vtt, "utf-8")
    assert turns_of(read_transcript(f, interviewer_labels=[*FIXED, "Dr Priya Shah"])) == [
        ("Dr Priya Shah", "interviewer", "What helps your staff?"),
        ("Grace Adeyemi", "participant", "Supervision helps."),
        ("Dr Priya Shah", "interviewer", "And what gets in the way of it?"),
        ("Grace Adeyemi", "participant", "Turnover."),
        ("Tom Baker", "participant", "Sorry: I'm late, I had a clinic."),
        ("Dr Priya Shah", "interviewer", "Lovely: no problem Tom. And for your team?"),
        ("Tom Baker", "participant", "Mostly the rota, it changes every week."),
    ]


def test_zoom_cues_whose_words_open_with_a_word_and_colon_keep_the_cues_label(
    tmp_path: Path,
) -> None:
    """Near miss: Zoom's 'Name: words' cues, one wrapped over two lines, read by their label."""
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\nDr Priya Shah: What helps your staff?\n\n"
        "2\n00:00:05.000 --> 00:00:09.000\nGrace Adeyemi: Training: the mandatory stuff\n"
        "is all online.\n\n"
        "3\n00:00:09.000 --> 00:00:12.000\nDr Priya Shah: Lovely: and families?\n\n"
        "4\n00:00:12.000 --> 00:00:15.000\nGrace Adeyemi: They ring every day.\n"
    )
    f = tmp_path / "p09.vtt"
    f.write_text(vtt, "utf-8")
    assert turns_of(read_transcript(f, interviewer_labels=[*FIXED, "Dr Priya Shah"])) == [
        ("Dr Priya Shah", "interviewer", "What helps your staff?"),
        ("Grace Adeyemi", "participant", "Training: the mandatory stuff is all online."),
        ("Dr Priya Shah", "interviewer", "Lovely: and families?"),
        ("Grace Adeyemi", "participant", "They ring every day."),
    ]


def test_a_zoom_subtitle_file_saved_as_text_reads_as_the_vtt(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nInterviewer: What gets in the way?\n\n"
        "2\n00:00:04.500 --> 00:00:09.000\nP05: Staffing, mostly.\n"
    )
    (tmp_path / "p05.vtt").write_text(vtt, "utf-8")
    (tmp_path / "p05.txt").write_text(vtt, "utf-8")
    assert _timed_turns(read_transcript(tmp_path / "p05.txt")) == _timed_turns(
        read_transcript(tmp_path / "p05.vtt")
    )


def test_a_wrapped_first_line_of_talk_is_no_speakers_name(tmp_path: Path) -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: What gets in the way?\n\n"
        "2\n00:00:04,500 --> 00:00:09,000\nP05: Staffing, mostly, and\nthe rota.\n\n"
        "3\n00:00:09,000 --> 00:00:12,000\nYes\nwe tried agency staff.\n\n"
        "4\n00:00:12,000 --> 00:00:15,000\nYes\nit did not work.\n"
    )
    f = tmp_path / "p05.srt"
    f.write_text(srt, "utf-8")
    assert [(s, w) for s, _, w, *_ in _timed_turns(read_transcript(f))] == [
        ("Interviewer", "What gets in the way?"),
        ("P05", "Staffing, mostly, and the rota. Yes we tried agency staff. Yes it did not work."),
    ]


# --- transcript tables whose columns go by other names ----------------------------------------

NVIVO_ROWS = [
    ("Timespan", "Content", "Speaker"),
    ("0:00.0 - 0:05.2", "What gets in the way of recovery work?", "Interviewer"),
    ("0:05.2 - 0:19.6", "Staffing, mostly.", "P11"),
]


def test_a_word_table_with_named_columns_in_any_order_reads_as_turns(tmp_path: Path) -> None:
    """NVivo's transcripts: Timespan | Content | Speaker, the speaker last."""
    import docx

    d = docx.Document()
    table = d.add_table(rows=len(NVIVO_ROWS), cols=3)
    for row, cells in zip(table.rows, NVIVO_ROWS, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    d.save(str(tmp_path / "p11.docx"))
    t = read_transcript(tmp_path / "p11.docx")
    assert [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Interviewer", "interviewer", "What gets in the way of recovery work?", 0.0),
        ("P11", "participant", "Staffing, mostly.", 5.2),
    ]


@pytest.mark.parametrize(
    "csv_text",
    [
        "Timespan,Content,Speaker\n"
        '"0:00.0 - 0:05.2",What gets in the way of recovery work?,Interviewer\n'
        '"0:05.2 - 0:19.6","Staffing, mostly.",P11\n',
        "Speaker Name;Start Time;End Time;Transcript\n"
        "Interviewer;00:00:00;00:00:05.2;What gets in the way of recovery work?\n"
        "P11;00:00:05.2;00:00:19.6;Staffing, mostly.\n",
    ],
)
def test_a_csv_whose_columns_go_by_other_names_reads_as_turns(
    tmp_path: Path, csv_text: str
) -> None:
    f = tmp_path / "p11.csv"
    f.write_text(csv_text, "utf-8")
    t = read_transcript(f)
    assert [
        (u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns
    ] == [
        ("Interviewer", "interviewer", "What gets in the way of recovery work?", 0.0, 5.2),
        ("P11", "participant", "Staffing, mostly.", 5.2, 19.6),
    ]


# --- spreadsheets ------------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_an_excel_transcript_reads_as_its_csv(tmp_path: Path) -> None:
    import datetime

    _workbook(
        tmp_path / "p12.xlsx",
        [
            ["Speaker", "Start Time", "Transcript", "Notes"],
            ["Interviewer", datetime.time(0, 0, 1), "What gets in the way?", None],
            ["P12", datetime.time(0, 0, 4, 500000), "Staffing, mostly.", "check"],
            [None, 9.25, "And the rota.", None],
        ],
    )
    (tmp_path / "p12.tsv").write_text(
        "Speaker\tStart Time\tTranscript\nInterviewer\t00:00:01\tWhat gets in the way?\n"
        "P12\t00:00:04.5\tStaffing, mostly.\n\t9.25\tAnd the rota.\n",
        "utf-8",
    )
    expected = [
        ("Interviewer", "interviewer", "What gets in the way?", 1.0),
        ("P12", "participant", "Staffing, mostly. And the rota.", 4.5),
    ]
    for name, fmt in (("p12.xlsx", "xlsx"), ("p12.tsv", "tsv")):
        t = read_transcript(tmp_path / name)
        assert [(*turn, u.begin_time) for turn, u in zip(turns_of(t), t.turns)] == expected
        assert t.metadata["format"] == fmt


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize(("suffix", "app"), [(".docx", "Word"), (".xlsx", "Excel")])
def test_a_password_protected_office_file_is_named_as_one(
    tmp_path: Path, suffix: str, app: str
) -> None:
    f = tmp_path / f"p07{suffix}"
    f.write_bytes(OLE + bytes(56) + "EncryptedPackage".encode("utf-16-le") + bytes(64))
    with pytest.raises(RoqaError) as exc:
        read_transcript(f)
    assert str(exc.value) == (
        f"{f}: is password-protected (open it in {app}, save a copy without the password as "
        f"{suffix}, and read that)"
    )


def test_an_old_word_file_named_docx_is_named_as_protected_or_old(tmp_path: Path) -> None:
    f = tmp_path / "p07.docx"
    f.write_bytes(OLE + bytes(120))
    with pytest.raises(RoqaError) as exc:
        read_transcript(f)
    assert str(exc.value) == (
        f"{f}: is password-protected, or saved in the Word 97-2003 format, not as .docx (open it "
        "in Word, save a copy without the password as .docx, and read that)"
    )


def test_a_workbook_without_speaker_and_text_columns_is_left_out_of_a_folder(
    tmp_path: Path,
) -> None:
    _workbook(tmp_path / "matrix.xlsx", [["case", "IS.E.1"], ["P01", "supportive"]])
    _workbook(tmp_path / "p13.xlsx", [["Speaker", "Text"], ["P13", "We lack staff."]])
    lacking = "has no 'speaker' or 'text' column among its columns 'case', 'IS.E.1'"
    with pytest.warns(RoqaWarning, match=f"left out matrix.xlsx: {lacking}, so it is not read"):
        assert [f.name for f in expand_paths([tmp_path])] == ["p13.xlsx"]
    with pytest.raises(RoqaError, match=f"matrix.xlsx: {lacking} \\("):
        read_transcript(tmp_path / "matrix.xlsx")
    (tmp_path / "bad.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(RoqaError, match="bad.xlsx: is not an Excel .xlsx file"):
        read_transcript(tmp_path / "bad.xlsx")


@pytest.mark.parametrize(
    "text",
    [
        "**Sam Roe** [00:00:03]\nHow is it going?\n\n**Jo Bell** [00:00:08]\nFine, but short.\n",
        "**Sam Roe** (00:03): How is it going?\n\n**Jo Bell** (00:08): Fine, but short.\n",
        "__Sam Roe__ 0:03\nHow is it going?\n\n__Jo Bell__ 0:08\nFine, but short.\n",
    ],
)
def test_a_bold_speaker_name_with_its_time_opens_a_turn_in_markdown(
    tmp_path: Path, text: str
) -> None:
    t = read_txt(tmp_path, text, "p14.md")
    assert t.text == text  # the file's own text: offsets are the researcher's
    assert [(*turn, u.begin_time) for turn, u in zip(turns_of(t), t.turns)] == [
        ("Sam Roe", "participant", "How is it going?", 3.0),
        ("Jo Bell", "participant", "Fine, but short.", 8.0),
    ]


def test_reading_a_transcript_that_does_not_read_as_english_warns(tmp_path: Path) -> None:
    from test_cli_inspect import GERMAN

    f = tmp_path / "p15.txt"
    f.write_text("I: Wie läuft es?\nB: " + GERMAN * 8 + "\n", "utf-8")
    with pytest.warns(RoqaWarning, match=r"p15\.txt: the talk does not read as English \(7% of"):
        read_transcript(f)
    short = tmp_path / "p16.txt"  # too few words to judge
    short.write_text("I: Wie läuft es?\nB: " + GERMAN + "\n", "utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        read_transcript(short)


#: one-word answers, as a survey-like interview gives them (scale report, session 52, item 5)
ONE_WORD_ANSWERS = [
    *("Yeah.", "No.", "Maybe.", "Okay.", "Staffing.", "Funding."),
    *("Sure.", "Right.", "Training.", "Agency.", "Rotas."),
]


def _short_answers(n: int) -> str:
    return "".join(
        f"Interviewer: Is question {i} a barrier for you?\nP17: {ONE_WORD_ANSWERS[i % len(ONE_WORD_ANSWERS)]}\n"
        for i in range(n)
    )


def test_one_word_answers_are_not_judged_as_another_language(tmp_path: Path) -> None:
    """300 one-word answers once read as "the talk does not read as English (9% of its 300
    participant words are common English words ...)": a turn that short tells nothing of its
    language, so only turns of MIN_TURN_WORDS words or more are judged."""
    from roqa_nlp.transcripts.language import MIN_TURN_WORDS, language_warning

    assert MIN_TURN_WORDS == 4
    f = tmp_path / "p17.txt"
    f.write_text(_short_answers(300), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(f)
    assert sum(u.role == "participant" for u in t.turns) == 300
    assert language_warning(t) is None


def test_talk_in_another_language_among_one_word_answers_is_still_told_of(
    tmp_path: Path,
) -> None:
    """The long turn in German is judged; the English one-word answers beside it are not
    counted (before, they were: 254 words)."""
    from test_cli_inspect import GERMAN

    f = tmp_path / "p15.txt"
    f.write_text(_short_answers(30) + "I: Wie läuft es?\nP17: " + GERMAN * 8 + "\n", "utf-8")
    with pytest.warns(
        RoqaWarning, match=r"p15\.txt: the talk does not read as English \(7% of its 224 "
    ):
        read_transcript(f)


@pytest.mark.parametrize("number", ["{n} ", "{n}. ", "{n})\t"])
def test_numbered_turns_read_their_labels_without_the_numbers(number: str) -> None:
    said = [
        ("Interviewer", "How is it going?"),
        ("P04", "Fine, but short of staff.\nAgency staff come and go.\nIt is hard."),
        ("Interviewer", "What helps?"),
        ("P04", "Supervision.\nAnd training.\nAnd time."),
    ]
    text = "".join(
        number.format(n=n) + f"{speaker}: {words}\n" for n, (speaker, words) in enumerate(said, 1)
    )
    t = parse_text(text, "p04.txt")
    assert t.text == text  # the file's own text: the numbers are outside every turn
    assert turns_of(t) == [
        (speaker, "interviewer" if speaker == "Interviewer" else "participant", words)
        for speaker, words in said
    ]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a question-and-answer transcript with full stops
        ("Q. How is it going?\nA. Fine, but short.\nQ. What helps?\nA. Time.\n", ["Q", "A"] * 2),
        # a two-column table pasted as text: speaker, a tab, the words
        ("I\tHow is it going?\nR\tFine, but short.\nI\tWhat helps?\nR\tTime.\n", ["I", "R"] * 2),
        ("Sam Roe\tHow is it going?\nJo Bell\tFine, but short.\nSam Roe\tAnd?\nJo Bell\tTime.\n",
         ["Sam Roe", "Jo Bell"] * 2),
    ],
)  # fmt: skip
def test_a_full_stop_or_a_tab_after_a_label_opens_a_turn(text: str, speakers: list[str]) -> None:
    t = parse_text(text, "p04.txt", interviewer_labels=["Sam Roe", "I", "Q"])
    assert [u.speaker for u in t.turns] == speakers
    assert [t.text[u.start : u.end] for u in t.turns][1] == "Fine, but short."


def test_a_full_stop_after_a_word_opening_talk_is_no_label() -> None:
    text = (
        "Interviewer: How is it going?\nP04: Fine.\nOK. So we cope.\nNO. Not really.\n"
        "Well. It is hard.\n"
    )
    assert [u.speaker for u in parse_text(text, "p04.txt").turns] == ["Interviewer", "P04"]


def test_subtitle_lines_wrapped_after_a_capitalised_phrase_name_no_speaker(tmp_path: Path) -> None:
    """An Otter-style .srt without speakers, two of whose cues wrap after a capitalised phrase:
    the phrases open too few cues to be the speakers' names."""
    cues = [
        "The Recovery College\nhelped us a lot.",
        "We had no staff for it.",
        "Agency staff came and went.",
        "The Recovery College\nran the training.",
        "Peer Support Workers\nwere the key.",
        "Peer Support Workers\nstayed on.",
        "It took a year.",
        "Nobody knew at first.",
        "Then it settled.",
        "Now it works.",
    ]
    f = tmp_path / "p16.srt"
    f.write_text(
        "".join(
            f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\n{c}\n\n" for i, c in enumerate(cues, 1)
        ),
        "utf-8",
    )
    t = read_transcript(f)
    assert [u.speaker for u in t.turns] == ["P16"]
    assert t.text[t.turns[0].start :].startswith("The Recovery College helped us a lot.")


def test_a_file_given_twice_is_said_to_be_given_twice(tmp_path: Path) -> None:
    """It 'has the same transcript id as' itself (session 27)."""
    f = tmp_path / "p01.txt"
    f.write_text("Interviewer: Why?\nP01: No staff.\n", "utf-8")
    from roqa_nlp.transcripts import read_transcripts

    with pytest.raises(RoqaError) as caught:
        read_transcripts([f, f])
    assert str(caught.value) == f"{f}: is given twice (give each transcript file once)"


@pytest.mark.slow
@pytest.mark.parametrize("stream", [False, True])
def test_roqa_code_calls_an_interviewer_name_unmatched_only_when_no_transcript_has_it(
    tiny_model_dir: Path, tmp_path: Path, stream: bool
) -> None:
    """Sam Roe interviews in zoom_p07; p31's interviewer is guessed. Before, `roqa code` said of
    p31 "no speaker matched the interviewer label(s) 'Sam Roe'" (session 34 tester P)."""
    from test_cli_core import roqa
    from test_cli_inspect import STUDY_OF_TWO

    study = tmp_path / "study"
    study.mkdir()
    for name, text in STUDY_OF_TWO.items():
        (study / name).write_text(text, "utf-8")
    mode = "--stream" if stream else "--no-report"
    run = roqa(
        "code", study, "--out", tmp_path / "out", "--model", tiny_model_dir, mode,
        "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert said(run.err) == [
        f"roqa: warning: {study / 'p31.txt'}: no speaker is named as the interviewer, so "
        "'Speaker 1', who asks the questions (3 of 3 turns), was taken as the interviewer (name "
        "the interviewer with --interviewer NAME to choose otherwise)"
    ]
