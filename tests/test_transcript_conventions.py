"""Transcription-service conventions around the talk: a header block of role fields, a key of
the speakers' labels, an end marker and the footer after it (fixtures in tests/data/conventions,
written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "conventions"


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn, the words read through the turn's offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        (
            "end_marker_footer.txt",
            (
                "P31",
                "participant",
                "The peer workers. They had been through it themselves, so people listened to "
                "them.",
            ),
        ),
        (
            "end_bare_footer.txt",
            # a bare END is no marker (it may be talk); the footer below it is left out
            ("P32", "participant", "The peer workers, and a manager who let them lead.\n\nEND"),
        ),
    ],
)
def test_an_end_marker_ends_the_talk_and_the_footer_after_it_is_no_ones(
    name: str, answer: tuple[str, str, str]
) -> None:
    t = read_transcript(DATA / name)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What made the biggest difference?"),
        answer,
    ]


@pytest.mark.parametrize(
    "line",
    [
        "[END OF RECORDING 00:27:45]",
        "(End of recording)",
        "[Interview ends]",
        "[Recording ends]",
        "End of interview.",
    ],
)
def test_end_markers_of_the_services(line: str) -> None:
    from roqa_nlp.transcripts.speaker_labels import is_end_marker

    assert is_end_marker(line) is True


def test_role_fields_of_a_header_block_describing_the_speakers_are_no_turns() -> None:
    # "Participant: Deputy manager, ...", "Respondent: DM07 (male, 50s)" and "Interviewer: KL"
    # beside a field (Transcriber) above the first exchange describe the people: metadata
    t = read_transcript(DATA / "header_roles.txt")
    assert turns_of(t) == [
        ("I", "interviewer", "What gets in the way?"),
        (
            "R",
            "participant",
            "The rota. We never have the same staff two weeks running, so nothing sticks.",
        ),
    ]


def test_a_role_line_after_the_first_question_is_still_an_answer(tmp_path: Path) -> None:
    f = tmp_path / "p33.txt"
    f.write_text(
        "Date: 3 June 2024\n\nInterviewer: And your role?\nParticipant: Clinical Nurse Specialist\n"
        "Interviewer: What helps?\nParticipant: The team, mostly, and a manager who listens.\n"
    )
    assert [(s, w) for s, _, w in turns_of(read_transcript(f))] == [
        ("Interviewer", "And your role?"),
        ("Participant", "Clinical Nurse Specialist"),
        ("Interviewer", "What helps?"),
        ("Participant", "The team, mostly, and a manager who listens."),
    ]


def test_a_transcribers_key_line_is_no_turn_and_gives_the_speakers_roles() -> None:
    t = read_transcript(DATA / "key_initials.txt")
    assert turns_of(t) == [
        ("AB", "interviewer", "Thanks for making the time."),
        ("CD", "participant", "That's alright. I only have half an hour though."),
        ("AB", "interviewer", "Fine. What helps?"),
        (
            "CD",
            "participant",
            "The handover meeting. Everyone hears the same thing at the same time.",
        ),
    ]


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("I = Interviewer, R = Respondent", {"I": "interviewer", "R": "participant"}),
        (
            "AB = Interviewer (Alex Brown), CD = Participant (support worker)",
            {"AB": "interviewer", "CD": "participant"},
        ),
        (
            "IV = Interviewer; R07 = Respondent 07; ... = trailing off; -- = interruption",
            {"IV": "interviewer", "R07": "participant"},
        ),
        ("the rota = the problem, honestly", None),
        ("I think that's right", None),
    ],
)
def test_a_key_of_labels_gives_each_its_role(words: str, key: dict[str, str] | None) -> None:
    from roqa_nlp.transcripts.speaker_labels import speaker_key

    assert speaker_key(words) == key


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # the role abbreviations of the labels: no one's name ("Key" is: the surname of
        # "Mr Key", which a regression hunt of session 43 found left in pseudonymised copies
        # once "key" was among data/not_names.txt's words)
        ("t02_int_resp.txt", "Int: What helps?\n\nResp: The team, mostly.\n"),
    ],
)
def test_role_abbreviations_in_a_file_name_are_no_speakers_name(
    tmp_path: Path, name: str, text: str
) -> None:
    from roqa_nlp.transcripts.language import name_in_file_warning

    f = tmp_path / name
    f.write_text(text)
    assert name_in_file_warning(read_transcript(f)) is None


def test_talk_after_an_end_marker_goes_on_for_a_new_speaker_and_only_the_footer_is_left_out() -> (
    None
):
    # a speaker turn after "[Recording ends]" is talk, though its speaker spoke nowhere above;
    # the "Confidential:" line at the end is a footer's, not a speaker's
    t = read_transcript(DATA / "end_then_new_speaker.txt")
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What would you change about the discharge letters?"),
        (
            "P41",
            "participant",
            "I'd have them sent the same day. At the moment they arrive a week late.",
        ),
        (
            "Interviewer",
            "interviewer",
            "Thank you, that's all my questions.\n\n[Recording ends]\n\n"
            "[Recording resumed: the team leader asked to add a point]",
        ),
        (
            "Team leader",
            "participant",
            "The letters go to the wrong GP practice about once a month, so we phone round.",
        ),
    ]


def test_a_second_recording_after_an_end_marker_with_new_labels_is_talk() -> None:
    t = read_transcript(DATA / "end_then_second_part.txt")
    assert [(s, w) for s, _, w in turns_of(t)] == [
        ("I", "How do carers hear about the respite service?"),
        # the marker stays in the turn above, as the file has it: a note's time alone no longer
        # makes the text a canonical rendering, so offsets stay the file's (s48)
        ("R", "Mostly by word of mouth at the carers' group.\n\n[END OF RECORDING 00:18:02]"),
        ("Amira", "Sorry, we were cut off. You mentioned the carers' group?"),
        ("Joseph", "Yes, it meets on Tuesdays, and the leaflet never reaches anyone else."),
    ]


def test_a_new_speaker_after_an_end_marker_in_subtitles_is_talk(tmp_path: Path) -> None:
    f = tmp_path / "peer.srt"
    f.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: What ended the pilot?\n\n"
        "2\n00:00:05,000 --> 00:00:09,000\nParticipant: The funding ran out in March.\n\n"
        "3\n00:00:10,000 --> 00:00:11,000\nInterviewer: Thank you.\n\n"
        "4\n00:00:12,000 --> 00:00:13,000\n[Recording stopped]\n\n"
        "5\n00:00:14,000 --> 00:00:19,000\nVolunteer: Can I add, nobody told the volunteers.\n"
    )
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns][-1] == (
        "Volunteer",
        "Can I add, nobody told the volunteers.",
    )


@pytest.mark.parametrize(
    ("label", "footer"),
    [
        ("Confidential", True),
        ("CONFIDENTIAL", True),
        ("Transcribed by", True),
        ("Transcriber", True),
        ("Copyright", True),
        ("Disclaimer", True),
        ("Deputy manager", False),
        ("Peer worker", False),
        ("Sarah", False),
    ],
)
def test_footer_labels(label: str, footer: bool) -> None:
    from roqa_nlp.transcripts.speaker_labels import is_footer_label

    assert is_footer_label(label) is footer


def test_inspect_names_the_end_marker_and_footer_it_left_out(tmp_path: Path) -> None:
    from roqa_nlp.cli.inspect_cmd import reading_notes

    footer = reading_notes(read_transcript(DATA / "end_marker_footer.txt"))
    assert footer == [
        "a transcriber's end marker and the footer after it left out, no one's talk (2 lines: "
        "'[END OF RECORDING 00:27:45]', 'Confidential: pseudonymised transcript, for the study "
        "team only.')"
    ]
    # talk goes on after the marker: only the footer's line is left out
    after = reading_notes(read_transcript(DATA / "end_then_new_speaker.txt"))
    assert after == [
        "a transcriber's end marker and the footer after it left out, no one's talk (1 line: "
        "'Confidential: pseudonymised transcript, for the study team only.')"
    ]
    f = tmp_path / "end.srt"
    f.write_text(
        "1\n00:00:01,000 --> 00:00:04,000\nInterviewer: What ended the pilot?\n\n"
        "2\n00:00:05,000 --> 00:00:09,000\nParticipant: The funding ran out in March.\n\n"
        "3\n00:00:10,000 --> 00:00:11,000\n[Recording stopped]\n\n"
        "4\n00:00:12,000 --> 00:00:14,000\nCONFIDENTIAL. This transcript is pseudonymised.\n"
    )
    assert reading_notes(read_transcript(f)) == [
        "a transcriber's end marker and the footer after it left out, no one's talk (2 lines: "
        "'[Recording stopped]', 'CONFIDENTIAL. This transcript is pseudonymised.')"
    ]


def test_a_bare_end_line_inside_an_answer_is_talk() -> None:
    # a participant quotes a form's box reading "END" and goes on: a single ordinary word is no
    # end marker (data/end_markers.txt holds only markers of two or more words)
    t = read_transcript(DATA / "end_word_quoted.txt")
    assert turns_of(t) == [
        ("I", "interviewer", "What gets in the way of the new care plans?"),
        (
            "R",
            "participant",
            "The form. The last box on it just says\n\nEND\n\nso staff stop there and never fill "
            "in the crisis plan. We told the IT team twice.",
        ),
    ]


@pytest.mark.parametrize(
    ("line", "footer"),
    [
        ("CONFIDENTIAL. This transcript has been pseudonymised.", True),
        ("Confidential: for the study team only.", True),
        ("Transcribed by: Acme Typing Ltd.", True),
        ("Confidential information was the problem.", False),
        ("Copyright law never came up.", False),
    ],
)
def test_lines_opening_a_footer(line: str, footer: bool) -> None:
    from roqa_nlp.transcripts.speaker_labels import opens_a_footer

    assert opens_a_footer(line) is footer


def test_a_word_and_a_megabyte_of_blanks_is_no_label_footer_or_key_at_once() -> None:
    """Three readings of every line walked a megabyte-long line back character by character:
    a footer's opening (once per word length) and a display name (once per label length)
    before a colon that never came, and a key line's separators one regular-expression call a
    character: 0.4-1.4 s each, per line of every file (test_fuzz_readers' huge lines). The
    same lines are read as before."""
    from roqa_nlp.transcripts.speaker_labels import display_name_label, key_pairs, opens_a_footer

    assert opens_a_footer("CONFIDENTIAL" + " " * 40 + ". Pseudonymised.")
    assert not opens_a_footer("Confidential" + " " * 40 + "information.")
    assert key_pairs("(.) = short pause; [?, ?] = unclear words, R = Respondent (a; b)") == [
        ("(.)", "short pause"),
        ("[?, ?]", "unclear words"),
        ("R", "Respondent (a; b)"),
    ]
    assert key_pairs("I = Interviewer, the rota") is None
    jane = display_name_label("Jane Smith | NHS" + " " * 40 + ": words")
    assert jane is not None and jane.label == "Jane Smith | NHS"
    for line in ("a" + " " * 2_000_000 + "b", "x" * 2_000_000, ":" * 2_000_000):
        assert not opens_a_footer(line)
        assert display_name_label(line) is None
        assert key_pairs(line) is None


def test_a_notation_key_naming_no_roles_is_a_header_line() -> None:
    # "Key: (.) = short pause; [?] = unclear word; ..." above the first exchange explains the
    # transcriber's marks: no participant "Key" to code (hunt s43 h1 r13)
    t = read_transcript(DATA / "key_notation.txt")
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What made the handover work?"),
        (
            "Participant",
            "participant",
            "The checklist (.) mainly. Everyone fills in the [?] same boxes.",
        ),
        ("Interviewer", "interviewer", "And what got in the way?"),
        ("Participant", "participant", "Bank staff -- they never saw the checklist."),
    ]


def test_a_key_label_with_talk_after_the_first_exchange_is_a_speaker(tmp_path: Path) -> None:
    # below the first exchange, "Key:" pairs are no header: only a key above the talk is
    f = tmp_path / "k.txt"
    f.write_text(
        "Interviewer: What helps?\nKey: The rota = the problem, honestly.\n"
        "Interviewer: Go on.\nKey: We never know who is on.\n"
    )
    assert [s for s, _, _ in turns_of(read_transcript(f))] == [
        "Interviewer",
        "Key",
        "Interviewer",
        "Key",
    ]


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("p01_siobhan_odriscoll.txt", ["Siobhán", "O'Driscoll"]),  # tester s51 privacy, 5
        ("p01_Siobhán O’Driscoll.txt", ["Siobhán", "O'Driscoll"]),
        ("p01-SIOBHAN.txt", ["Siobhán"]),
    ],
)
def test_a_speakers_name_in_a_file_name_is_found_without_its_accents_and_apostrophe(
    tmp_path: Path, name: str, named: list[str]
) -> None:
    from roqa_nlp.pseudonyms import names_in_file_name

    f = tmp_path / name
    f.write_text(
        "Eleri Pritchard: Can you hear me okay?\n\n"
        "Siobhán O'Driscoll: Yes, loud and clear, and the rota is fine.\n\n"
        "Eleri Pritchard: Good. What helps?\n\n"
        "Siobhán O'Driscoll: The team, mostly.\n",
        encoding="utf-8",
    )
    assert names_in_file_name(read_transcript(f)) == named
