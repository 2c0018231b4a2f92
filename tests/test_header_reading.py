"""A transcript's title block ("Interviewer: JS", "Date: 4 May 2024") as the readers weigh it
against the researcher's own choice of interviewer, a speaker-number label it names, a field
line that turns up between the turns, and a layout that puts each speaker's label on a line of
its own above the words."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import SpeakerWarning, speaker_warning


def _turns(t: Transcript) -> list[tuple[str, str, int, int, str]]:
    """(speaker, role, start, end, words) of every turn; the words are the text's own."""
    return [(u.speaker, u.role, u.start, u.end, t.text[u.start : u.end]) for u in t.turns]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


# --- the researcher's interviewer against the header's ------------------------------------

JS_HEADER = (
    "Date: 12 March 2024\nParticipant: P04\nInterviewer: JS\n\n"
    "KM: Can you tell me when it started?\nJS: Last June, when the unit opened.\n"
    "KM: And who led it?\nJS: The ward manager.\n"
)


def test_an_interviewer_given_overrules_the_one_the_header_names(tmp_path: Path) -> None:
    """``--interviewer KM`` with ``Interviewer: JS`` in the header (a header copied from another
    interview): KM asks and JS's turns are the participant's, as the researcher said; before,
    both were interviewers and nothing here was coded."""
    f = _write(tmp_path, "p04.txt", JS_HEADER)
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f, interviewer_labels=["KM"])
    assert _turns(t) == [
        ("KM", "interviewer", 58, 90, "Can you tell me when it started?"),
        ("JS", "participant", 95, 127, "Last June, when the unit opened."),
        ("KM", "interviewer", 132, 147, "And who led it?"),
        ("JS", "participant", 152, 169, "The ward manager."),
    ]
    assert t.metadata["header_interviewer_overruled"] == ["JS"]
    assert [str(w.message) for w in caught] == [
        f"{f}: the header names 'JS' as the interviewer, but the interviewer label(s) given name "
        "'KM', so 'JS' is read as a participant (add 'JS' to interviewer_labels if the header is "
        "right)"
    ]


def test_an_interviewer_given_who_speaks_elsewhere_leaves_the_header_its_say(
    tmp_path: Path,
) -> None:
    """A label given that names no speaker of this file (the study's other interviewer) says
    nothing of who asks here: the header's interviewer still does, as before. Read alone, the
    file is all the study there is: the label is said to match no speaker, as a participant
    label is (daily28, session 90; read with the file RM interviews, it is not)."""
    f = _write(
        tmp_path,
        "p05.txt",
        "Date: 12 March 2024\nInterviewer: JS\n\nJS: When did it start?\nP05: Last June.\n",
    )
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f, interviewer_labels=["RM"])
    assert [str(w.message) for w in caught] == [
        f"{f}: no speaker matched the interviewer label(s) 'RM': the speakers are 'JS', 'P05' "
        "(give interviewer_labels the interviewer's label as the transcript spells it)"
    ]
    assert [(u.speaker, u.role) for u in t.turns] == [("JS", "interviewer"), ("P05", "participant")]
    assert "header_interviewer_overruled" not in t.metadata


def test_a_header_agreeing_with_the_interviewer_given_is_no_contradiction(tmp_path: Path) -> None:
    f = _write(tmp_path, "p04.txt", JS_HEADER.replace("KM", "AB"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f, interviewer_labels=["JS"])
    assert [(u.speaker, u.role) for u in t.turns][:2] == [
        ("AB", "participant"),
        ("JS", "interviewer"),
    ]
    assert "header_interviewer_overruled" not in t.metadata


def test_inspect_says_the_header_was_overruled(tmp_path: Path) -> None:
    import json

    from test_cli_core import roqa

    f = _write(tmp_path, "p04.txt", JS_HEADER)
    run = roqa("inspect", f, "--json", "--interviewer", "KM")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert [(s["speaker"], s["role"]) for s in got["speakers"]] == [
        ("KM", "interviewer"),
        ("JS", "participant"),
    ]
    assert got["warning"] == (
        f"{f}: the header names 'JS' as the interviewer, but the interviewer label(s) given name "
        "'KM', so 'JS' is read as a participant (add 'JS' to --interviewer if the header is "
        "right)"
    )


COHOST = (
    "Study: Huddle evaluation\nInterviewer: Amy Lee\nDate: 4 May 2024\n\n"
    "Jane Smith: Sorry, just checking the recording has started. Yes, it has. Over to you, Amy.\n"
    "Amy Lee: Thanks Jane. So, what helped most when the huddles started on your ward?\n"
    "Tom Brown: The huddle board helped most, honestly, and the manager backing it.\n"
    "Amy Lee: And what got in the way, would you say?\n"
    "Tom Brown: Agency staff who did not know the board at all.\n"
)


def test_the_header_and_the_interviewer_given_both_ask_when_a_participant_is_left(
    tmp_path: Path,
) -> None:
    """``--interviewer "Jane Smith"`` (the study's lead, who only checks the recording here) and
    ``Interviewer: Amy Lee`` in the header (who asks): both are interviewers, Tom Brown the
    participant, as before the header could be overruled; since, Amy Lee's questions were coded
    as a participant's, with a warning that the header was overruled."""
    f = _write(tmp_path, "p04.txt", COHOST)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f, interviewer_labels=["Jane Smith"])
    assert [(s, r, a, b) for s, r, a, b, _ in _turns(t)] == [
        ("Jane Smith", "interviewer", 76, 154),
        ("Amy Lee", "interviewer", 164, 236),
        ("Tom Brown", "participant", 248, 315),
        ("Amy Lee", "interviewer", 325, 364),
        ("Tom Brown", "participant", 376, 423),
    ]
    assert "header_interviewer_overruled" not in t.metadata


def test_inspect_keeps_both_interviewers_when_a_participant_is_left(tmp_path: Path) -> None:
    import json

    from test_cli_core import roqa

    f = _write(tmp_path, "p04.txt", COHOST)
    run = roqa("inspect", f, "--json", "--interviewer", "Jane Smith")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert [(s["speaker"], s["role"]) for s in got["speakers"]] == [
        ("Jane Smith", "interviewer"),
        ("Amy Lee", "interviewer"),
        ("Tom Brown", "participant"),
    ]
    assert got["warning"] is None


def test_initials_in_the_header_of_the_interviewer_given_are_no_contradiction(
    tmp_path: Path,
) -> None:
    """``Interviewer: JS`` in the header and ``--interviewer "Jane Smith"``: one person; before,
    the warning said 'JS' was read as a participant while JS still asked."""
    f = _write(
        tmp_path,
        "p04.txt",
        "Study: Huddle evaluation\nInterviewer: JS\nDate: 4 May 2024\n\n"
        "JS: Thanks for joining. What helped most?\n"
        "CM: The huddle board helped most, honestly, and the manager backing it.\n"
        "JS: And what got in the way?\nCM: Agency staff who did not know the board at all.\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f, interviewer_labels=["Jane Smith"])
    assert [(s, r, a, b) for s, r, a, b, _ in _turns(t)] == [
        ("JS", "interviewer", 63, 100),
        ("CM", "participant", 105, 172),
        ("JS", "interviewer", 177, 201),
        ("CM", "participant", 206, 253),
    ]
    assert "header_interviewer_overruled" not in t.metadata
    assert speaker_warning(t) is None


# --- a speaker-number label the header names ----------------------------------------------

OTTER_TALK = (
    "Speaker 1  0:03\nThanks for joining today. Can you tell me about your role here?\n\n"
    "Speaker 2  0:09\nI am the registered manager here, and have been for about six years.\n\n"
    "Speaker 1  0:15\nAnd how does the new system work for you and your team?\n\n"
    "Speaker 2  0:21\nIt works well most days, but the training was too short for nights.\n\n"
    "Speaker 1  0:40\nWhat would you change about the training if you could?\n\n"
    "Speaker 2  0:46\nMore time on the floor with someone who knows it, and a refresher.\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "Participant: P04\nInterviewer: Speaker 1\n\n",
        "Date: 4 May 2024\nInterviewer: Speaker 1\nInterviewee: Speaker 2\n\n",
    ],
)
def test_a_header_naming_a_numbered_speaker_the_interviewer_tells_who_asks(
    tmp_path: Path, title: str
) -> None:
    """``Interviewer: Speaker 1`` above Otter's ``Speaker 1  0:03`` names the interviewer: before,
    it was a turn of an "Interviewer" whose words were "Speaker 1", and so no speaker's questions
    were told from the answers (both speakers coded, as participants)."""
    f = _write(tmp_path, "p04.txt", title + OTTER_TALK)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)  # no guess, nothing to warn of
        t = read_transcript(f)
    n = len(title)
    assert [(s, r, a - n, b - n) for s, r, a, b, _ in _turns(t)] == [
        ("Speaker 1", "interviewer", 16, 79),
        ("Speaker 2", "participant", 97, 165),
        ("Speaker 1", "interviewer", 183, 238),
        ("Speaker 2", "participant", 256, 323),
        ("Speaker 1", "interviewer", 341, 395),
        ("Speaker 2", "participant", 413, 479),
    ]
    assert "interviewer_guessed" not in t.metadata
    assert "header_people" not in t.metadata  # no person's name to pseudonymise


def test_a_header_naming_the_other_numbered_speaker_is_believed(tmp_path: Path) -> None:
    """The header's word is taken over the guess from who asks (``Interviewer: Speaker 2``), and
    the researcher is told that the one so named asks nothing."""
    f = _write(tmp_path, "p04.txt", "Date: 4 May 2024\nInterviewer: Speaker 2\n\n" + OTTER_TALK)
    with pytest.warns(SpeakerWarning, match="'Speaker 2', taken as the interviewer, asks in none"):
        t = read_transcript(f)
    assert [(u.speaker, u.role) for u in t.turns][:2] == [
        ("Speaker 1", "participant"),
        ("Speaker 2", "interviewer"),
    ]


COLON_TALK = (
    "Speaker 2: Thanks for joining. Can you tell me about your role?\n"
    "Speaker 1: I am the registered manager here, for about six years.\n"
    "Speaker 2: And how does the new system work for your team?\n"
    "Speaker 1: Well most days, but the training was too short for nights.\n"
)
COLON_TURNS = [
    ("Speaker 2", "interviewer", "Thanks for joining. Can you tell me about your role?"),
    ("Speaker 1", "participant", "I am the registered manager here, for about six years."),
    ("Speaker 2", "interviewer", "And how does the new system work for your team?"),
    ("Speaker 1", "participant", "Well most days, but the training was too short for nights."),
]


@pytest.mark.parametrize(
    "key",
    [
        "Interviewer: Speaker 2\nParticipant: Speaker 1\n\n",
        "Participant: Speaker 1\nInterviewer: Speaker 2\n\n",
        "Interviewer: Speaker 2\n\n",
    ],
)
def test_a_header_of_only_numbered_speakers_is_a_key_not_talk(tmp_path: Path, key: str) -> None:
    """A header made only of ``Interviewer: Speaker 2`` / ``Participant: Speaker 1`` (no date or
    id field beside it) says who the numbered speakers are: before, each line was a turn of an
    "Interviewer" or "Participant" whose words were "Speaker 2", and both numbered speakers
    were coded as participants."""
    f = _write(tmp_path, "p04.txt", key + COLON_TALK)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)  # no guess, nothing to warn of
        t = read_transcript(f)
    n = len(key)
    assert [(s, r, a - n, b - n) for s, r, a, b, _ in _turns(t)] == [
        ("Speaker 2", "interviewer", 11, 63),
        ("Speaker 1", "participant", 75, 129),
        ("Speaker 2", "interviewer", 141, 188),
        ("Speaker 1", "participant", 200, 258),
    ]
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == COLON_TURNS
    assert "interviewer_guessed" not in t.metadata


def test_a_word_header_of_only_numbered_speakers_is_a_key_not_talk(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in ("Interviewer: Speaker 2", "Participant: Speaker 1", *COLON_TALK.strip().split("\n")):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f)
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == COLON_TURNS
    assert "Interviewer" not in t.text and "Participant" not in t.text


def test_an_interviewer_who_speaks_later_is_no_key_of_numbered_speakers(tmp_path: Path) -> None:
    """``Interviewer: Speaker 2`` from an interviewer who goes on to speak under that label is
    their turn (calling on a focus group's member), not a key."""
    text = (
        "Interviewer: Speaker 2\nSpeaker 2: The rota, mostly, and the agency staff we use.\n"
        "Interviewer: And the rest of you?\nSpeaker 1: The same for us, the rota.\n"
    )
    t = read_transcript(_write(tmp_path, "fg.txt", text))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Interviewer", "interviewer", "Speaker 2"),
        ("Speaker 2", "participant", "The rota, mostly, and the agency staff we use."),
        ("Interviewer", "interviewer", "And the rest of you?"),
        ("Speaker 1", "participant", "The same for us, the rota."),
    ]


def _names_talk(asks: str, answers: str) -> str:
    return (
        f"{asks}: Thanks for joining me today. Can you tell me about your role?\n"
        f"{answers}: No problem. I have been the ward manager here for six years.\n"
        f"{asks}: And how did the training go for your team?\n"
        f"{answers}: Well enough, but it was too short for the night staff.\n"
    )


def _names_turns(asks: str, answers: str) -> list[tuple[str, str, str]]:
    return [
        (asks, "interviewer", "Thanks for joining me today. Can you tell me about your role?"),
        (answers, "participant", "No problem. I have been the ward manager here for six years."),
        (asks, "interviewer", "And how did the training go for your team?"),
        (answers, "participant", "Well enough, but it was too short for the night staff."),
    ]


NAMES_KEY = "Interviewer: Hannah Whitfield\nInterviewee: Gareth Price\n\n"


@pytest.mark.parametrize(
    ("key", "asks", "answers"),
    [
        (NAMES_KEY, "Hannah Whitfield", "Gareth Price"),
        ("Interviewee: Gareth Price\nInterviewer: Hannah Whitfield\n\n", "Hannah", "Gareth"),
        ("Interviewer: Hannah Whitfield\nRespondent: Gareth\n\n", "Hannah", "Gareth"),
        ("Interviewer: Hannah Whitfield\nParticipant: P07\n\n", "Hannah", "P07"),
        ("Facilitator: Dr A. Khan\nParticipant 1: Gareth Price\n\n", "Dr Khan", "Gareth"),
        ("Interviewer: Hannah Whitfield\nInterviewee: Gareth Price\n\n", "HW", "GP"),
    ],
)
def test_a_header_of_people_who_speak_below_is_a_key_not_talk(
    tmp_path: Path, key: str, asks: str, answers: str
) -> None:
    """A header made only of role lines naming people (``Interviewer: Hannah Whitfield``,
    ``Interviewee: Gareth Price``; no date or id field beside them), each of whom speaks below
    by that name, its first name, title and surname or initials, gives the speakers their
    roles: before, each line was a turn of an "Interviewer" saying "Hannah Whitfield", and
    both speakers were coded as participants, the interviewer's questions with them."""
    f = _write(tmp_path, "p07.txt", key + _names_talk(asks, answers))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)  # no guess, nothing to warn of
        t = read_transcript(f)
    n, a, p = len(key), len(asks) + 2, len(answers) + 2
    assert [(start - n, end - n) for _, _, start, end, _ in _turns(t)] == [
        (a, a + 61),
        (a + 62 + p, a + 62 + p + 60),
        (2 * a + 123 + p, 2 * a + 123 + p + 42),
        (2 * a + 166 + 2 * p, 2 * a + 166 + 2 * p + 54),
    ]
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == _names_turns(asks, answers)
    assert "interviewer_guessed" not in t.metadata


def test_a_word_header_of_people_who_speak_below_is_a_key_not_talk(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    talk = _names_talk("Hannah", "Gareth").strip().split("\n")
    for p in ("Interviewer: Hannah Whitfield", "Respondent: Gareth", *talk):
        d.add_paragraph(p)
    f = tmp_path / "p07.docx"
    d.save(str(f))
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f)
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == _names_turns("Hannah", "Gareth")
    assert "Interviewer" not in t.text and "Respondent" not in t.text


def test_a_facilitator_calling_on_a_person_by_name_is_no_key(tmp_path: Path) -> None:
    """``Facilitator: Gareth`` from a facilitator who goes on to speak under that label is
    their turn (calling on a focus group's member), not a key."""
    text = (
        "Facilitator: Gareth\nGareth: The rota, mostly, and the agency staff we use.\n"
        "Facilitator: And the rest of you?\nSue Bell: The same for us, the rota.\n"
    )
    t = read_transcript(_write(tmp_path, "fg.txt", text))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Facilitator", "interviewer", "Gareth"),
        ("Gareth", "participant", "The rota, mostly, and the agency staff we use."),
        ("Facilitator", "interviewer", "And the rest of you?"),
        ("Sue Bell", "participant", "The same for us, the rota."),
    ]


def test_a_role_line_naming_a_speaker_after_the_talk_began_is_a_turn(tmp_path: Path) -> None:
    """Only lines above the first turn of talk are a header: ``Interviewer: Gareth Price`` after
    it is someone's words, whoever speaks below."""
    text = (
        "Hannah: Thanks for joining me today. Who is on the call with us this morning?\n"
        "Participant: Gareth Price\nGareth Price: Hello, I am the ward manager here.\n"
    )
    t = read_transcript(_write(tmp_path, "p07.txt", text))
    assert [(s, w) for s, _, _, _, w in _turns(t)] == [
        ("Hannah", "Thanks for joining me today. Who is on the call with us this morning?"),
        ("Participant", "Gareth Price"),
        ("Gareth Price", "Hello, I am the ward manager here."),
    ]


def test_an_interviewer_given_overrules_the_key_of_people(tmp_path: Path) -> None:
    """``--interviewer Gareth`` against a key naming Hannah the interviewer, no one else in the
    talk: the researcher's choice stands, as against any header, and the key's lines are still
    no turns."""
    key = "Interviewer: Hannah Whitfield\nRespondent: Gareth\n\n"
    f = _write(tmp_path, "p07.txt", key + _names_talk("Hannah", "Gareth"))
    with pytest.warns(SpeakerWarning, match="the header names 'Hannah' as the interviewer"):
        t = read_transcript(f, interviewer_labels=["Gareth"])
    assert [(s, r) for s, r, _, _, _ in _turns(t)] == [
        ("Hannah", "participant"),
        ("Gareth", "interviewer"),
        ("Hannah", "participant"),
        ("Gareth", "interviewer"),
    ]
    assert t.metadata["header_interviewer_overruled"] == ["Hannah"]
    assert t.turns[0].start == len(key) + len("Hannah: ")


def test_an_interviewer_given_and_the_key_both_ask_when_someone_answers(tmp_path: Path) -> None:
    """``--interviewer "Sam Roe"`` (the study's lead, on the call) and the key's interviewer
    Hannah both ask where Gareth is left to answer."""
    key = "Interviewer: Hannah Whitfield\nRespondent: Gareth\n\n"
    text = key + _names_talk("Hannah", "Gareth") + "Sam Roe: One last thing from me?\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(_write(tmp_path, "p07.txt", text), interviewer_labels=["Sam Roe"])
    assert [(s, r) for s, r, _, _, _ in _turns(t)] == [
        *[(s, r) for s, r, _ in _names_turns("Hannah", "Gareth")],
        ("Sam Roe", "interviewer"),
    ]
    assert "header_interviewer_overruled" not in t.metadata


def test_a_speaker_the_header_named_is_pseudonymised_in_what_is_kept_of_it(
    tmp_path: Path,
) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    f = _write(
        tmp_path,
        "p07.txt",
        "Date: 3 May 2024\nInterviewer: Sam Roe\n\nKate Ash: What gets in the way?\n"
        "Sam Roe: The staffing, mostly.\nKate Ash: And what helps?\nSam Roe: Our manager.\n",
    )
    with pytest.warns(SpeakerWarning, match="the header names 'Sam Roe' as the interviewer"):
        t = read_transcript(f, interviewer_labels=["Kate Ash"])
    assert t.metadata["header_interviewer_overruled"] == ["Sam Roe"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), key = pseudonymise([t])
    assert key.pseudonyms["Sam Roe"] == "P07"
    assert out.metadata["header_interviewer_overruled"] == ["P07"]
    assert speaker_warning(out) is not None and "Sam Roe" not in str(speaker_warning(out))


# --- a label alone on its line, the answer below opening with a field's name ---------------

SCRIPT = (
    "INTERVIEWER\nYour role?\n\nPARTICIPANT\n"
    "Location: I work at the Leeds site as the registered manager.\n\n"
    "INTERVIEWER\nAnd the new system?\n\nPARTICIPANT\n"
    "Location: at the Leeds site it works well, mostly, for the day staff.\n"
)
OTTER_NOTES = (
    "Speaker 1  0:03\nYour role?\n\nSpeaker 2  0:09\n"
    "Note: I work at the Leeds site as the registered manager.\n\n"
    "Speaker 1  0:15\nAnd the new system?\n\nSpeaker 2  0:21\nNote: no.\n"
)


def test_answers_below_lone_labels_that_open_with_a_field_are_the_speakers_talk(
    tmp_path: Path,
) -> None:
    """Before, with short questions, every ``Location: ...`` line below ``PARTICIPANT`` was read
    as a header line and left out: no answer was read, and nothing said so."""
    f = _write(tmp_path, "p04.txt", SCRIPT)
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(f)
    assert _turns(t) == [
        ("INTERVIEWER", "interviewer", 12, 22, "Your role?"),
        (
            "PARTICIPANT",
            "participant",
            36,
            97,
            "Location: I work at the Leeds site as the registered manager.",
        ),
        ("INTERVIEWER", "interviewer", 111, 130, "And the new system?"),
        (
            "PARTICIPANT",
            "participant",
            144,
            213,
            "Location: at the Leeds site it works well, mostly, for the day staff.",
        ),
    ]


def test_otter_answers_that_open_with_a_field_are_the_speakers_talk(tmp_path: Path) -> None:
    """Before, both ``Note:`` answers were header lines, left out without a word."""
    f = _write(tmp_path, "p04.txt", OTTER_NOTES)
    t = read_transcript(f, interviewer_labels=["Speaker 1"])
    assert _turns(t) == [
        ("Speaker 1", "interviewer", 16, 26, "Your role?"),
        (
            "Speaker 2",
            "participant",
            44,
            101,
            "Note: I work at the Leeds site as the registered manager.",
        ),
        ("Speaker 1", "interviewer", 119, 138, "And the new system?"),
        ("Speaker 2", "participant", 156, 165, "Note: no."),
    ]


def test_long_questions_no_longer_make_the_field_a_speaker(tmp_path: Path) -> None:
    """With questions long enough to end the header, the answers were read, but as the turns of
    a speaker called "Note"; they are the participant's."""
    text = SCRIPT.replace("Your role?", "Can you tell me about your role here?").replace(
        "Location", "Note"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("INTERVIEWER", "interviewer", "Can you tell me about your role here?"),
        ("PARTICIPANT", "participant", "Note: I work at the Leeds site as the registered manager."),
        ("INTERVIEWER", "interviewer", "And the new system?"),
        (
            "PARTICIPANT",
            "participant",
            "Note: at the Leeds site it works well, mostly, for the day staff.",
        ),
    ]


def test_a_teams_word_transcript_keeps_answers_opening_with_a_field(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in (
        "Sam Roe   0:03",
        "Your role?",
        "Ada Lee   0:10",
        "Note: I work at the Leeds site as the registered manager.",
        "Sam Roe   0:23",
        "And the system?",
        "Ada Lee   0:30",
        "Note: it works well, mostly.",
    ):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(s, w) for s, _, _, _, w in _turns(t)] == [
        ("Sam Roe", "Your role?"),
        ("Ada Lee", "Note: I work at the Leeds site as the registered manager."),
        ("Sam Roe", "And the system?"),
        ("Ada Lee", "Note: it works well, mostly."),
    ]


# --- a field's line between the turns --------------------------------------------------------

TITLED = "Study: Care homes\nDate: 4 May 2024\n\n"
ASKED = "Interviewer: Can you tell me about your role here?\n"
FIRST = "P04: I am the registered manager here, and have been for six years.\n"
SECOND = "Interviewer: And how does the new system work for your team?\nP04: Well, most days.\n"


def test_a_field_line_between_turns_is_left_out_and_reported(tmp_path: Path) -> None:
    """A lone ``Date: 4 May 2024`` between two turns (a second session's date) was read into
    the answer before it, coded as the participant's words, without a word said."""
    from roqa_nlp.transcripts.unlabelled import field_lines_warning

    text = f"{TITLED}{ASKED}{FIRST}\nDate: 11 May 2024\n\n{SECOND}"
    f = _write(tmp_path, "p04.txt", text)
    with pytest.warns(RoqaWarning, match=r"line 7\) between turns"):
        t = read_transcript(f)
    assert _turns(t) == [
        ("Interviewer", "interviewer", 49, 86, "Can you tell me about your role here?"),
        (
            "P04",
            "participant",
            92,
            154,
            "I am the registered manager here, and have been for six years.",
        ),
        ("Interviewer", "interviewer", 188, 235, "And how does the new system work for your team?"),
        ("P04", "participant", 241, 257, "Well, most days."),
    ]
    assert t.metadata["field_lines_between_turns"] == ["Date: 11 May 2024"]
    assert field_lines_warning(t) == (
        f"{f}: 1 line (line 7) between turns, a header field's as the title block's are, was "
        "left out, not coded: 'Date: 11 May 2024' (if it is a speaker's words, put the "
        "speaker's label on it)"
    )


def test_a_participants_sentence_opening_with_the_field_stays_in_the_turn(
    tmp_path: Path,
) -> None:
    """With the lone ``Date: 11 May 2024`` line and a participant's ``Date: that was ...``
    sentence, "Date" was read as a speaker of two turns; the sentence is the participant's."""
    said = "Date: that was when the training started, in the first week of May."
    text = f"{TITLED}{ASKED}{FIRST}Date: 11 May 2024\n{SECOND}{said}\n"
    with pytest.warns(RoqaWarning, match=r"line 6\) between turns"):
        t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, w) for s, _, _, _, w in _turns(t)] == [
        ("Interviewer", "Can you tell me about your role here?"),
        ("P04", "I am the registered manager here, and have been for six years."),
        ("Interviewer", "And how does the new system work for your team?"),
        ("P04", f"Well, most days.\n{said}"),
    ]
    assert t.metadata["field_lines_between_turns"] == ["Date: 11 May 2024"]


@pytest.mark.parametrize(
    "said",
    [
        "Time: that was the hard part.",  # a sentence: stop words in it
        "Note: we still keep a paper copy in the office.",  # more words than a field's value
        "Location: why does it matter?",
    ],
)
def test_a_field_sentence_ending_an_answer_stays_in_the_turn(tmp_path: Path, said: str) -> None:
    text = f"{ASKED}{FIRST}{said}\n{SECOND}"
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [w for _, _, _, _, w in _turns(t)][1] == (
        f"I am the registered manager here, and have been for six years.\n{said}"
    )
    assert "field_lines_between_turns" not in t.metadata


def test_a_field_paragraph_between_word_turns_is_left_out_and_reported(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in (
        "Date: 4 May 2024",
        ASKED.strip(),
        FIRST.strip(),
        "Date: 11 May 2024",
        *SECOND.strip().split("\n"),
    ):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    with pytest.warns(RoqaWarning, match="1 paragraph between turns"):
        t = read_transcript(f)
    assert [(s, w) for s, _, _, _, w in _turns(t)][1] == (
        "P04",
        "I am the registered manager here, and have been for six years.",
    )
    assert t.metadata["field_lines_between_turns"] == ["Date: 11 May 2024"]


def test_inspect_reports_a_field_line_between_turns(tmp_path: Path) -> None:
    import json

    from test_cli_core import roqa

    f = _write(tmp_path, "p04.txt", f"{TITLED}{ASKED}{FIRST}Date: 11 May 2024\n{SECOND}")
    run = roqa("inspect", f, "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert got["left_out"] == (
        f"{f}: 1 line (line 6) between turns, a header field's as the title block's are, was "
        "left out, not coded: 'Date: 11 May 2024' (if it is a speaker's words, put the "
        "speaker's label on it)"
    )


def test_a_field_line_left_out_is_pseudonymised_in_the_metadata(tmp_path: Path) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    text = (
        "Date: 4 May 2024\n\nSam Roe: What gets in the way of it, would you say?\n"
        "Maria Okafor: The staffing, mostly, and the rota.\nInterviewer name: Sam Roe\n"
        "Sam Roe: And what helps?\nMaria Okafor: Our manager.\n"
    )
    f = _write(tmp_path, "p07.txt", text)
    with pytest.warns(RoqaWarning, match="between turns"):
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert t.metadata["field_lines_between_turns"] == ["Interviewer name: Sam Roe"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), _ = pseudonymise([t])
    assert out.metadata["field_lines_between_turns"] == ["Interviewer name: Interviewer"]


@pytest.mark.parametrize(
    "runs_on", ["I wrote it down on the form as", "I wrote it down on the form as..."]
)
def test_a_field_line_ending_an_answer_that_runs_on_stays_in_the_turn(
    tmp_path: Path, runs_on: str
) -> None:
    """The answer's last line runs on into the field's line (no full stop): it is the
    participant's, as before field lines between turns were left out; since, it was dropped."""
    text = (
        "Interviewer: When did the training start, as far as you remember?\n"
        f"Participant: It started in the spring. {runs_on}\nDate: 11 May 2024\n"
        "Interviewer: And who ran it?\nParticipant: The practice educator ran it.\n"
    )
    n = len(runs_on) - len("I wrote it down on the form as")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, a, b, w) for s, _, a, b, w in _turns(t)] == [
        ("Interviewer", 13, 65, "When did the training start, as far as you remember?"),
        ("Participant", 79, 153 + n, f"It started in the spring. {runs_on}\nDate: 11 May 2024"),
        ("Interviewer", 167 + n, 182 + n, "And who ran it?"),
        ("Participant", 196 + n, 225 + n, "The practice educator ran it."),
    ]
    assert "field_lines_between_turns" not in t.metadata


def test_a_list_of_field_lines_ending_an_answer_stays_in_the_turn(tmp_path: Path) -> None:
    """``Site: ...`` then ``Role: Ward Manager`` read off a sheet at the end of an answer, and a
    last ``Role:`` line right below the file's last answer: the participant's words; since
    field lines between turns were left out, all three were dropped."""
    text = (
        "Interviewer: Which sites took part in the pilot, and who led it there?\n"
        "Participant: Let me read them off the sheet for you.\n"
        "Site: Leeds General\nRole: Ward Manager\n"
        "Interviewer: Thanks. What about the others, did they join?\n"
        "Participant: They joined later, in the second wave.\nRole: Ward Manager\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, a, b, w) for s, _, a, b, w in _turns(t)] == [
        ("Interviewer", 13, 70, "Which sites took part in the pilot, and who led it there?"),
        (
            "Participant",
            84,
            162,
            "Let me read them off the sheet for you.\nSite: Leeds General\nRole: Ward Manager",
        ),
        ("Interviewer", 176, 221, "Thanks. What about the others, did they join?"),
        (
            "Participant",
            235,
            292,
            "They joined later, in the second wave.\nRole: Ward Manager",
        ),
    ]
    assert "field_lines_between_turns" not in t.metadata


def test_field_lines_set_apart_after_an_answer_are_left_out(tmp_path: Path) -> None:
    """A second session's title lines after a blank line below a finished answer stand apart
    from it, as a lone field line between two turns does: left out and reported."""
    text = f"{TITLED}{ASKED}{FIRST}\nDate: 11 May 2024\nTime: 10:00\n\n{SECOND}"
    with pytest.warns(RoqaWarning, match=r"2 lines \(line 7, line 8\) between turns"):
        t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [w for _, _, _, _, w in _turns(t)][1] == (
        "I am the registered manager here, and have been for six years."
    )
    assert t.metadata["field_lines_between_turns"] == ["Date: 11 May 2024", "Time: 10:00"]


# --- header fields in subtitle cues ----------------------------------------------------------

CUE_TALK = (
    "00:00:05.000 --> 00:00:09.000\nInterviewer: Can you tell me about your role here?\n\n"
    "00:00:10.000 --> 00:00:15.000\nP04: I am the registered manager here, for six years.\n\n"
    "00:00:16.000 --> 00:00:19.000\nInterviewer: And how does the new system work?\n\n"
    "00:00:20.000 --> 00:00:25.000\nP04: Well most days, but the training was too short.\n"
)
CUE_TURNS = [
    ("Interviewer", "interviewer", 13, 50, "Can you tell me about your role here?"),
    ("P04", "participant", 57, 105, "I am the registered manager here, for six years."),
    ("Interviewer", "interviewer", 120, 153, "And how does the new system work?"),
    ("P04", "participant", 160, 207, "Well most days, but the training was too short."),
]


@pytest.mark.parametrize(
    "fields",
    [
        # one cue holding the header, as a transcriber types it into the first cue
        "00:00:00.000 --> 00:00:04.000\nLocation: Leeds General\nDuration: 26 minutes\n"
        "Date: 4 May 2024\n\n",
        # one cue for each field
        "00:00:00.000 --> 00:00:02.000\nLocation: Leeds General\n\n"
        "00:00:02.000 --> 00:00:04.000\nDuration: 26 minutes\n\n",
        # in a NOTE, as WebVTT keeps comments
        "NOTE\nLocation: Leeds General\nDuration: 26 minutes\n\n",
    ],
)
def test_header_fields_in_the_first_cues_are_no_speakers(tmp_path: Path, fields: str) -> None:
    """Before, a first cue of ``Location: Leeds General`` / ``Duration: 26 minutes`` was read as
    the turns of participants named "Location" and "Duration", coded as talk."""
    f = _write(tmp_path, "p04.vtt", f"WEBVTT\n\n{fields}{CUE_TALK}")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        t = read_transcript(f)
    assert _turns(t) == CUE_TURNS
    assert [u.begin_time for u in t.turns] == [5.0, 10.0, 16.0, 20.0]
    assert "Location" not in t.text and "Duration" not in t.text


def test_header_fields_in_the_first_subrip_cue_are_no_speakers(tmp_path: Path) -> None:
    srt = "1\n00:00:00,000 --> 00:00:04,000\nDate: 4 May 2024\nSite: Leeds General\n\n" + "\n".join(
        f"{n}\n{block.replace('.', ',', 2)}"
        for n, block in enumerate(CUE_TALK.split("\n\n"), start=2)
    )
    t = read_transcript(_write(tmp_path, "interview.srt", srt))
    assert _turns(t) == CUE_TURNS


def test_a_header_cue_naming_the_interviewer_makes_that_speaker_the_interviewer(
    tmp_path: Path,
) -> None:
    """Zoom's cues name people, not roles: a first cue ``Interviewer: Sam Roe`` with the date
    says who asks, as the same header line does in a .txt; before, it was a turn of an
    "Interviewer" saying "Sam Roe", and Sam Roe's questions were coded."""
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nDate: 4 May 2024\nInterviewer: Sam Roe\n\n"
        "00:00:05.000 --> 00:00:09.000\nSam Roe: Can you tell me about your role here?\n\n"
        "00:00:10.000 --> 00:00:15.000\nAda Lee: I am the registered manager here, for six "
        "years.\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", SpeakerWarning)
        t = read_transcript(_write(tmp_path, "p04.vtt", vtt))
    assert _turns(t) == [
        ("Sam Roe", "interviewer", 9, 46, "Can you tell me about your role here?"),
        ("Ada Lee", "participant", 57, 105, "I am the registered manager here, for six years."),
    ]
    assert t.metadata["header_people"] == {"Sam Roe": "interviewer"}


def test_a_field_cue_between_turns_is_left_out_and_reported(tmp_path: Path) -> None:
    """A cue of only ``Date: 11 May 2024`` after a finished answer, a second session's date, is
    left out and reported as the same line between a .txt's turns is."""
    first, second = CUE_TALK.split("00:00:16.000")
    vtt = (
        f"WEBVTT\n\n{first}00:00:15.500 --> 00:00:15.900\nDate: 11 May 2024\n\n00:00:16.000{second}"
    )
    with pytest.warns(RoqaWarning, match=r"1 cue \(00:00:15\.500\) between turns"):
        t = read_transcript(_write(tmp_path, "p04.vtt", vtt))
    assert _turns(t) == CUE_TURNS
    assert t.metadata["field_lines_between_turns"] == ["Date: 11 May 2024"]


def test_an_answer_cue_opening_with_a_field_name_stays_talk(tmp_path: Path) -> None:
    """The participant's ``Location: I work at ...`` further in is their talk, as in a .txt."""
    said = "Location: the Leeds site, where I have been the registered manager for six years."
    vtt = (
        f"WEBVTT\n\n{CUE_TALK}\n00:00:26.000 --> 00:00:28.000\nInterviewer: And where?\n\n"
        f"00:00:29.000 --> 00:00:35.000\nP04: {said}\n"
    )
    t = read_transcript(_write(tmp_path, "p04.vtt", vtt))
    assert [(s, w) for s, _, _, _, w in _turns(t)][-2:] == [
        ("Interviewer", "And where?"),
        ("P04", said),
    ]


# --- a field's name opening paragraphs of the answers ----------------------------------------

NOTED = (
    "Interviewer: Can you tell me about your role here?\n"
    "P04: I am the registered manager here, and have been for six years now.\n\n"
    "Note: we still keep a paper copy of every care plan in the office.\n\n"
    "Interviewer: And how does the new system work for your team?\n"
    "P04: It works well most days, but the training was too short for nights.\n\n"
    "Note: the night staff never got the second session at all, so they struggle.\n\n"
    "Interviewer: Thank you.\n"
)


def test_a_field_name_opening_paragraphs_of_the_answers_is_no_speaker(tmp_path: Path) -> None:
    """``Note: we still keep a paper copy ...`` opening a paragraph of two of P04's answers is
    P04 saying so: before, with the name used twice, "Note" was read as a speaker of two turns
    (a participant, so the words were coded, but as no one's answer and cut from it)."""
    t = read_transcript(_write(tmp_path, "p04.txt", NOTED))
    assert _turns(t) == [
        ("Interviewer", "interviewer", 13, 50, "Can you tell me about your role here?"),
        (
            "P04",
            "participant",
            56,
            190,
            "I am the registered manager here, and have been for six years now.\n\n"
            "Note: we still keep a paper copy of every care plan in the office.",
        ),
        ("Interviewer", "interviewer", 205, 252, "And how does the new system work for your team?"),
        (
            "P04",
            "participant",
            258,
            403,
            "It works well most days, but the training was too short for nights.\n\n"
            "Note: the night staff never got the second session at all, so they struggle.",
        ),
        ("Interviewer", "interviewer", 418, 428, "Thank you."),
    ]


def test_a_field_name_opening_two_paragraphs_of_one_answer_is_no_speaker(tmp_path: Path) -> None:
    text = (
        "Interviewer: Can you tell me about your role here?\n"
        "P04: I am the registered manager here.\n"
        "Time: that is the thing we never have enough of on the ward, honestly.\n"
        "Time: and there is none to sit down with the training modules either.\n"
        "Interviewer: And how does the new system work for your team?\n"
        "P04: Well, most days.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, w) for s, _, _, _, w in _turns(t)] == [
        ("Interviewer", "Can you tell me about your role here?"),
        (
            "P04",
            "I am the registered manager here.\n"
            "Time: that is the thing we never have enough of on the ward, honestly.\n"
            "Time: and there is none to sit down with the training modules either.",
        ),
        ("Interviewer", "And how does the new system work for your team?"),
        ("P04", "Well, most days."),
    ]


def test_a_word_answer_with_field_name_paragraphs_is_read_whole(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in NOTED.replace("\n\n", "\n").strip().split("\n"):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    t = read_transcript(f)
    assert [(s, w) for s, _, _, _, w in _turns(t)] == [
        ("Interviewer", "Can you tell me about your role here?"),
        (
            "P04",
            "I am the registered manager here, and have been for six years now.\n"
            "Note: we still keep a paper copy of every care plan in the office.",
        ),
        ("Interviewer", "And how does the new system work for your team?"),
        (
            "P04",
            "It works well most days, but the training was too short for nights.\n"
            "Note: the night staff never got the second session at all, so they struggle.",
        ),
        ("Interviewer", "Thank you."),
    ]


def test_a_field_name_opening_cues_of_the_answers_is_no_speaker(tmp_path: Path) -> None:
    """In a subtitle file the looser shape of a display name (``Name:`` before every cue, as
    Zoom writes) took ``Note`` back as a speaker after the labels' rule had read it as talk."""
    vtt = (
        "WEBVTT\n\n00:00:05.000 --> 00:00:09.000\nInterviewer: Can you tell me about your role?\n\n"
        "00:00:10.000 --> 00:00:15.000\nP04: I am the registered manager, for six years.\n\n"
        "00:00:15.000 --> 00:00:16.000\nNote: we still keep a paper copy of every care plan.\n\n"
        "00:00:16.000 --> 00:00:19.000\nInterviewer: And how does the new system work?\n\n"
        "00:00:20.000 --> 00:00:25.000\nP04: Well most days, but the training was too short.\n\n"
        "00:00:25.000 --> 00:00:28.000\nNote: the night staff never got the second session.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.vtt", vtt))
    assert _turns(t) == [
        ("Interviewer", "interviewer", 13, 45, "Can you tell me about your role?"),
        (
            "P04",
            "participant",
            52,
            148,
            "I am the registered manager, for six years. "
            "Note: we still keep a paper copy of every care plan.",
        ),
        ("Interviewer", "interviewer", 163, 196, "And how does the new system work?"),
        (
            "P04",
            "participant",
            203,
            302,
            "Well most days, but the training was too short. "
            "Note: the night staff never got the second session.",
        ),
    ]


ZOOM_FIELD_NAMED = (
    "{name}: Thanks for joining. What gets in the way of the new records system?\n"
    "Jo Bell: Training time, we get none at all.\n"
    "{name}: And what helps?\n"
    "Jo Bell: Our deputy is a champion.\n"
)


@pytest.mark.parametrize("name", ["Interview", "Project", "Study", "Service"])
def test_a_zoom_speaker_named_like_a_header_field_keeps_a_first_cue_of_talk(
    tmp_path: Path, name: str
) -> None:
    """A Zoom display name that is a header field's word (``Interview``, ``Project``) opening
    the first cue with a question is a speaker's talk, not a header line: since 5f5be6e the
    first cue was dropped silently (the .txt before this session)."""
    cues = ZOOM_FIELD_NAMED.format(name=name).splitlines()
    vtt = "WEBVTT\n\n" + "\n".join(
        f"00:00:{5 * k:02d}.000 --> 00:00:{5 * k + 4:02d}.000\n{c}\n" for k, c in enumerate(cues)
    )
    t = read_transcript(_write(tmp_path, "p04.vtt", vtt), interviewer_labels=[name])
    n = len(name)
    assert _turns(t) == [
        (
            name,
            "interviewer",
            n + 2,
            n + 69,
            "Thanks for joining. What gets in the way of the new records system?",
        ),
        ("Jo Bell", "participant", n + 80, n + 114, "Training time, we get none at all."),
        (name, "interviewer", 2 * n + 118, 2 * n + 133, "And what helps?"),
        ("Jo Bell", "participant", 2 * n + 144, 2 * n + 169, "Our deputy is a champion."),
    ]
    assert [u.begin_time for u in t.turns] == [0.0, 5.0, 10.0, 15.0]


def test_a_txt_speaker_named_like_a_header_field_keeps_a_first_line_of_talk(
    tmp_path: Path,
) -> None:
    text = ZOOM_FIELD_NAMED.format(name="Interview")
    t = read_transcript(_write(tmp_path, "p04.txt", text), interviewer_labels=["Interview"])
    assert _turns(t) == [
        (
            "Interview",
            "interviewer",
            11,
            78,
            "Thanks for joining. What gets in the way of the new records system?",
        ),
        ("Jo Bell", "participant", 88, 122, "Training time, we get none at all."),
        ("Interview", "interviewer", 134, 149, "And what helps?"),
        ("Jo Bell", "participant", 159, 184, "Our deputy is a champion."),
    ]


def test_the_header_cues_left_out_are_recorded_inspected_and_pseudonymised(
    tmp_path: Path,
) -> None:
    """A subtitle file's header cues are no one's talk, but left out on record: before, they
    were dropped silently."""
    from roqa_nlp.cli.inspect_cmd import reading_notes
    from roqa_nlp.pseudonyms import pseudonymise

    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nDate: 4 May 2024\nInterviewer: Sam Roe\n\n"
        "00:00:05.000 --> 00:00:09.000\nSam Roe: Can you tell me about your role here?\n\n"
        "00:00:10.000 --> 00:00:15.000\nAda Lee: I am the registered manager here.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.vtt", vtt))
    assert t.metadata["header_cues"] == ["Date: 4 May 2024", "Interviewer: Sam Roe"]
    assert "2 header lines left out (no one's talk: 'Date: 4 May 2024')" in reading_notes(t)
    done, _ = pseudonymise([t])
    assert done[0].metadata["header_cues"] == ["Date: [date]", "Interviewer: Interviewer"]


@pytest.mark.parametrize(
    "header",
    [
        "Interview: P16 – registered manager. Recorded on Zoom, 45 minutes.",
        "Study: Managers and CFIR. Phase 2.",
        "Project: Why do managers leave? A CFIR study.",
        "Notes: Participant joined late. Audio poor at times.",
    ],
)
def test_a_header_line_of_two_sentences_whose_field_speaks_once_stays_a_header_line(
    tmp_path: Path, header: str
) -> None:
    """A header field's line whose words are two sentences or a question is the speaker's
    first turn only where its label opens another turn later (a Zoom speaker named
    ``Interview``); said once, it is a header line, as before f2bf6d8 (which made it a
    participant turn, coded and keyed by roqa pseudonymise)."""
    text = header + "\n\nInterviewer: Hello?\nP16: We lack staff.\n"
    t = read_transcript(_write(tmp_path, "p16.txt", text))
    n = len(header)
    assert _turns(t) == [
        ("Interviewer", "interviewer", n + 15, n + 21, "Hello?"),
        ("P16", "participant", n + 27, n + 41, "We lack staff."),
    ]


def test_a_subtitle_header_cue_of_two_sentences_said_once_is_a_header_cue(
    tmp_path: Path,
) -> None:
    """As in a .txt: before, the cue was the participant 'Interview''s turn, coded."""
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
        "Interview: P18 – registered manager. Recorded on Zoom.\n\n"
        "00:00:05.000 --> 00:00:08.000\nInterviewer: Hello, thanks for joining.\n\n"
        "00:00:09.000 --> 00:00:12.000\nP18: We lack staff.\n"
    )
    t = read_transcript(_write(tmp_path, "p18.vtt", vtt))
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "interviewer", "Hello, thanks for joining."),
        ("P18", "participant", "We lack staff."),
    ]
    assert t.metadata["header_cues"] == ["Interview: P18 – registered manager. Recorded on Zoom."]


# --- a header line naming a person, their role and their service ----------------------------

MANAGER_TALK = (
    "Kate Brown: Can you tell me a bit about your role, Maria?\n\n"
    "Manager: Yeah, so I am the registered manager here, about four years now.\n"
)


@pytest.mark.parametrize(
    ("header", "named"),
    [
        (
            "Interviewer: Kate Brown\n"
            "Participant: Maria Okafor, registered manager, Oakwood supported living\n\n",
            "Maria Okafor",
        ),
        (
            "Date: 3 March 2024\nInterviewer: Kate Brown\n"
            "Participant: Maria Okafor, registered manager, Oakwood supported living\n\n",
            "Maria Okafor",
        ),
        (
            "Interviewer: Kate Brown\n"
            "Interviewee: John Smith, Head of Nursing, Leeds Teaching Hospitals NHS Trust\n\n",
            "John Smith",
        ),
        (
            "Interviewer: Kate Brown\nParticipant: Maria Okafor, registered manager\n\n",
            "Maria Okafor",
        ),
        ("Interviewer: Kate Brown\nParticipant: Maria Okafor\n\n", "Maria Okafor"),
    ],
)
def test_a_header_naming_a_person_their_role_and_service_is_no_turn(
    tmp_path: Path, header: str, named: str
) -> None:
    """``Participant: Maria Okafor, registered manager, Oakwood supported living`` above the
    first turn is a header line naming the participant (pseudonymised with them), however many
    parts describe her and whether or not a field stands beside it; before, three parts (seven
    words) made it the participant's first turn, coded, and the name was left in the text."""
    t = read_transcript(_write(tmp_path, "s01.txt", header + MANAGER_TALK))
    n = len(header)
    assert _turns(t) == [
        (
            "Kate Brown",
            "interviewer",
            n + 12,
            n + 57,
            "Can you tell me a bit about your role, Maria?",
        ),
        (
            "Manager",
            "participant",
            n + 68,
            n + 132,
            "Yeah, so I am the registered manager here, about four years now.",
        ),
    ]
    assert t.metadata["header_people"] == {"Kate Brown": "interviewer", named: "participant"}


@pytest.mark.parametrize(
    "said",
    [
        "Well, I think, you know, it was hard to get going at first.",
        "Maria Okafor, I think, was the one who started it here.",
        "Kate Brown, yes, she asked us about it.",
        "Ellen Marsh, area manager, sorted the funding",
        "Owen Jones, the new clinical lead, started in March",
    ],
)
def test_talk_opening_with_commas_under_a_role_label_stays_a_turn(
    tmp_path: Path, said: str
) -> None:
    """The first turn ``Participant: Well, I think, you know, ...`` is talk, not a header line
    naming someone: no person's name leads it, or the parts after the name are talk (stop
    words), not a role or a service."""
    text = f"Participant: {said}\nInterviewer: Why was that?\nParticipant: The rota, mostly.\n"
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Participant", "participant", said),
        ("Interviewer", "interviewer", "Why was that?"),
        ("Participant", "participant", "The rota, mostly."),
    ]
    assert "header_people" not in t.metadata


def test_a_first_turn_naming_someone_else_after_a_note_stays_a_turn(tmp_path: Path) -> None:
    """A recording starting mid-answer (``[Recording starts]`` then ``Participant: Ellen Marsh,
    area manager, sorted the funding``) keeps the participant's words: a lower-case part with
    no role's or service's word (``sorted the funding``) is talk, not a header's part."""
    said = "Ellen Marsh, area manager, sorted the funding"
    text = (
        f"[Recording starts]\n\nParticipant: {said}\n\nInterviewer: Okay, and how did it go?\n\n"
        "Participant: Well, slowly.\n"
    )
    t = read_transcript(_write(tmp_path, "y.txt", text))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Participant", "participant", said),
        ("Interviewer", "interviewer", "Okay, and how did it go?"),
        ("Participant", "participant", "Well, slowly."),
    ]
    assert "header_people" not in t.metadata


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("Maria Okafor, registered manager, Oakwood supported living", "participant"),
        ("Dr Priya Nair, Clinical Lead, North Leeds CMHT, 12 March 2024", "participant"),
        ("Sunita Patel, deputy manager, Brook House, Bradford", "participant"),
        ("Bronwen Evans, RMN, band 7", "participant"),
        ("Ian Fraser, manager, supported living, Leeds, 14/03/2024, Teams", "participant"),
        ("Owen Jones, the new clinical lead", "participant"),
        ("Ellen Marsh, area manager, sorted the funding", None),
        ("Owen Jones, the new clinical lead, started in March", None),
        ("Priya Nair, clinical lead, very supportive", None),
    ],
)
def test_a_header_part_after_a_comma_is_a_role_or_a_service(said: str, role: str | None) -> None:
    """A part after a comma describes the person only when it holds a role's or service's word
    (data/description_roles.txt: ``area manager``, ``band 7``) or opens with a capital or a
    digit (a service's name, a date); a lower-case clause (``sorted the funding``) is talk."""
    from roqa_nlp.transcripts.speaker_labels import introduces_a_person

    assert introduces_a_person("Participant", said) == role


def test_a_described_participant_in_the_header_is_pseudonymised(tmp_path: Path) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    header = (
        "Interviewer: Kate Brown\n"
        "Participant: Maria Okafor, registered manager, Oakwood supported living\n\n"
    )
    t = read_transcript(_write(tmp_path, "s01.txt", header + MANAGER_TALK))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), key = pseudonymise([t])
    # the label Manager, of no name's words, is keyed for this transcript alone (session 73)
    (own,) = key.scoped.values()
    assert key.pseudonyms["Maria Okafor"] == own["Manager"]
    assert "Okafor" not in out.text and [u.role for u in out.turns] == [
        "interviewer",
        "participant",
    ]


ROLE_LABELLED_TALK = (
    "Interviewer: So what's your role there?\n\n"
    "Participant: I've been the manager for nine years now, so quite a while.\n\n"
    "Interviewer: And the rollout?\n\n"
    "Participant: Patchy. Night staff, agency, nobody trained them.\n"
)


@pytest.mark.parametrize(
    ("header", "named"),
    [
        ("Interviewer: Kate Brown\nParticipant: Maria Okafor\n\n", "Maria Okafor"),
        ("Interviewer: Kate Brown\n\nParticipant: Maria Okafor\n\n", "Maria Okafor"),
        ("Participant: Maria Okafor\nInterviewer: Kate Brown\n\n", "Maria Okafor"),
        (
            "Interviewer: Kate Brown\nParticipant: Joe Bright, registered manager, Elm Court\n\n",
            "Joe Bright",
        ),
    ],
)
def test_a_pair_naming_who_asked_and_who_answered_above_role_labelled_talk_is_a_header(
    tmp_path: Path, header: str, named: str
) -> None:
    """``Interviewer: Kate Brown`` and ``Participant: Maria Okafor`` above turns labelled
    ``Interviewer:`` and ``Participant:`` are a header naming both (re-test reids3 finding 3):
    before, each was a turn, the participant's "Maria Okafor" coded (3 participant turns, not
    2) and both names left in the pseudonymised text."""
    t = read_transcript(_write(tmp_path, "yb2.txt", header + ROLE_LABELLED_TALK))
    n = len(header)
    assert [(s, r, start - n, w) for s, r, start, _, w in _turns(t)] == [
        ("Interviewer", "interviewer", 13, "So what's your role there?"),
        (
            "Participant",
            "participant",
            54,
            "I've been the manager for nine years now, so quite a while.",
        ),
        ("Interviewer", "interviewer", 128, "And the rollout?"),
        ("Participant", "participant", 159, "Patchy. Night staff, agency, nobody trained them."),
    ]
    assert t.metadata["header_people"] == {"Kate Brown": "interviewer", named: "participant"}


@pytest.mark.parametrize(
    "first",
    [
        "Participant: Maria Okafor\n\n",  # one line: the participant saying a name
        "Interviewer: Kate Brown\n\n",  # one line: the interviewer calling on someone
        "Interviewer: Kate Brown\nParticipant: Hello Kate\n\n",  # a greeting answers
        "Interviewer: Maria Okafor?\nParticipant: Maria Okafor\n\n",  # a question asked
    ],
)
def test_a_short_first_turn_under_a_role_label_that_speaks_below_stays_a_turn(
    tmp_path: Path, first: str
) -> None:
    """Without both an interviewer and a participant named, or with talk among them, the short
    first lines under role labels that speak below stay turns."""
    t = read_transcript(_write(tmp_path, "yb2.txt", first + ROLE_LABELLED_TALK))
    said = [w for line in first.strip().split("\n") for w in [line.split(": ", 1)[1]]]
    assert [w for _, _, _, _, w in _turns(t)][: len(said)] == said
    assert len(t.turns) == 4 + len(said)


def test_a_pair_naming_who_asked_and_who_answered_is_pseudonymised(tmp_path: Path) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    header = "Interviewer: Kate Brown\nParticipant: Joe Bright\n\n"
    t = read_transcript(_write(tmp_path, "xb.txt", header + ROLE_LABELLED_TALK))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), key = pseudonymise([t])
    assert "Kate" not in out.text and "Bright" not in out.text
    assert {n: key.pseudonyms[n] for n in ("Kate Brown", "Joe Bright")} == {
        "Kate Brown": "Interviewer",
        "Joe Bright": "P01",
    }
    assert [u.role for u in out.turns] == ["interviewer", "participant"] * 2


@pytest.mark.parametrize(
    ("said", "role"),
    [
        ("Maria Okafor (registered manager)", "participant"),
        ("Joe Bright (RM, Elm Court)", "participant"),
        ("Fiona Walsh - registered manager - Rosewood", "participant"),
        ("Joe Bright \u2013 registered manager, Elm Court", "participant"),
        ("Joe Bright \u2014 Registered Manager", "participant"),
        (
            "Dr Joe Bright, Consultant Psychiatrist, "
            "Leeds and York Partnership NHS Foundation Trust",
            "participant",
        ),
        (
            "Mr Hamid Rahimi, Service Manager, Calderdale Community Mental Health Team (Adults)",
            "participant",
        ),
        ("Maria Okafor (laughs) yes I think so", None),
        ("Maria Okafor (inaudible)", None),
        ("Ellen Marsh - area manager - sorted the funding", None),
        ("Ellen Marsh (area manager) sorted the funding", None),
        ("Owen Jones \u2013 the new clinical lead \u2013 started in March", None),
        ("Maria Okafor, And Then We Went To The Meeting About It", None),
        ("Maria Okafor (registered manager", None),
    ],
)
def test_a_header_description_may_follow_the_name_in_brackets_or_after_dashes(
    said: str, role: str | None
) -> None:
    """A person's description after their name may stand in brackets or after a dash or an en
    or em dash, and a service's name of capitalised words may be long and hold "and" (re-test
    reids3 finding 4: these were the participant's first turn, coded, the name left in); the
    same parts are talk as after a comma (``sorted the funding``, ``(laughs) yes I think so``)."""
    from roqa_nlp.transcripts.speaker_labels import introduces_a_person

    assert introduces_a_person("Participant", said) == role


@pytest.mark.parametrize(
    ("header", "named"),
    [
        ("Interviewee: Maria Okafor (registered manager)\n\n", "Maria Okafor"),
        ("Participant: Fiona Walsh - registered manager - Rosewood\n\n", "Fiona Walsh"),
        ("Participant: Joe Bright \u2013 registered manager, Elm Court\n\n", "Joe Bright"),
        ("Participant: Joe Bright (RM, Elm Court)\n\n", "Joe Bright"),
        (
            "Participant: Dr Joe Bright, Consultant Psychiatrist, "
            "Leeds and York Partnership NHS Foundation Trust\n\n",
            "Dr Joe Bright",
        ),
    ],
)
def test_a_described_participant_above_their_own_label_is_a_header(
    tmp_path: Path, header: str, named: str
) -> None:
    """The line naming and describing the participant above turns under the same label is a
    header line naming them, not their first turn (reids3 H02, H09, Xg, Xf, Xl: 3 participant
    turns, not 2, before)."""
    label = header.split(":")[0]
    talk = ROLE_LABELLED_TALK.replace("Participant:", f"{label}:")
    t = read_transcript(_write(tmp_path, "h02.txt", header + talk))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Interviewer", "interviewer", "So what's your role there?"),
        (label, "participant", "I've been the manager for nine years now, so quite a while."),
        ("Interviewer", "interviewer", "And the rollout?"),
        (label, "participant", "Patchy. Night staff, agency, nobody trained them."),
    ]
    assert t.metadata["header_people"] == {named: "participant"}


def test_a_header_pair_with_a_bracketed_description_is_a_header(tmp_path: Path) -> None:
    """``Interviewer: Kate Brown`` above ``Interviewee: Joe Bright (registered manager)`` (reids3
    Xd): both header lines, the interviewee's not a turn of an 'Interviewee' speaker."""
    header = "Interviewer: Kate Brown\nInterviewee: Joe Bright (registered manager)\n\n"
    t = read_transcript(_write(tmp_path, "xd.txt", header + ROLE_LABELLED_TALK))
    assert [(s, r) for s, r, _, _, _ in _turns(t)] == [
        ("Interviewer", "interviewer"),
        ("Participant", "participant"),
    ] * 2
    assert t.metadata["header_people"] == {
        "Kate Brown": "interviewer",
        "Joe Bright": "participant",
    }


# --- a header of one role line naming the interviewer by initials ----------------------------

#: s75 study5 p07: a title, then the interviewer's initials above ``Interviewer:`` turns.
INITIALS_ONLY = (
    "Clubhouse interview, P07\nInterviewer: HM\n\n"
    "Interviewer: Hi, thanks for agreeing to talk. What does the clubhouse do?\n"
    "P07: We run a work-ordered day for members.\n"
    "Interviewer: What gets in the way?\nP07: Funding, mainly.\n"
)


def test_a_header_line_of_the_interviewers_initials_is_no_turn(tmp_path: Path) -> None:
    """``Interviewer: HM`` at the top, no field beside it and no ``HM:`` below, names the
    interviewer as a header does; before, it was an interviewer turn "HM" (13 interviewer turns
    where the interview has 12)."""
    t = read_transcript(_write(tmp_path, "p07.txt", INITIALS_ONLY))
    assert [(s, r, w) for s, r, _, _, w in _turns(t)] == [
        ("Interviewer", "interviewer",
         "Hi, thanks for agreeing to talk. What does the clubhouse do?"),
        ("P07", "participant", "We run a work-ordered day for members."),
        ("Interviewer", "interviewer", "What gets in the way?"),
        ("P07", "participant", "Funding, mainly."),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "top",
    [
        "Interviewer: OK\n",  # a word, not initials: the interviewer's first turn
        "Interviewer: JS\n",  # JS speaks below: the facilitator calls on JS
    ],
)
def test_a_role_line_that_is_talk_or_calls_on_a_speaker_stays_a_turn(
    tmp_path: Path, top: str
) -> None:
    text = top + (
        "Interviewer: So, what gets in the way?\nJS: Funding, mainly.\n"
        "Interviewer: And the staff?\nJS: They are keen, most of them.\n"
    )
    t = read_transcript(_write(tmp_path, "g.txt", text))
    assert [w for *_, w in _turns(t)][0] == top.split(": ")[1].strip()
