"""A focus group's members labelled by their initials (``CD:``, ``MK:``, two or three capitals)
who each speak once are speakers where the file lays their lines out as turns: a line answering
a question, or one following another member's turn where the facilitator is labelled by a
role. Before (session 76 brief, readers A), each was read as an acronym said once (``CQC: they
came in March``) and so as the words of the turn above: ``Facilitator: What gets in the way?``
/ ``CD: ...`` / ``MK: ...`` read as the facilitator's talk, nothing to code. An acronym inside
an answer, a note a transcriber writes in capitals (``NB:``, ``OK:``) and capitals inside the
answer of a one-to-one interview whose interviewer is labelled by initials too stay talk. Read
alike in .txt, Word, .vtt, .srt and .csv."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

GROUP = [
    "Facilitator: What gets in the way?",
    "CD: And the commissioners change targets.",
    "MK: Every year, yes.",
    "Facilitator: And what helps?",
    "CD: Honestly, the practice manager.",
]
GROUP_READ = [
    ("Facilitator", "interviewer", "What gets in the way?"),
    ("CD", "participant", "And the commissioners change targets."),
    ("MK", "participant", "Every year, yes."),
    ("Facilitator", "interviewer", "And what helps?"),
    ("CD", "participant", "Honestly, the practice manager."),
]


def _write(path: Path, lines: list[str]) -> Path:
    """``lines`` as a transcript in ``path``'s format: one paragraph, cue or row each."""
    if path.suffix == ".docx":
        import docx

        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(str(path))
    elif path.suffix in (".vtt", ".srt"):
        cues = []
        for k, line in enumerate(lines):
            start, end = f"00:00:{2 * k:02d}.000", f"00:00:{2 * k + 1:02d}.000"
            if path.suffix == ".srt":
                cues.append(f"{k + 1}\n{start.replace('.', ',')} --> {end.replace('.', ',')}")
            else:
                cues.append(f"{start} --> {end}")
            cues[-1] += f"\n{line}\n"
        head = "WEBVTT\n\n" if path.suffix == ".vtt" else ""
        path.write_text(head + "\n".join(cues), "utf-8")
    elif path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            rows = csv.writer(f)
            rows.writerow(["speaker", "text"])
            rows.writerows(line.split(": ", 1) for line in lines)
    else:
        path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _turns(path: Path) -> list[tuple[str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".vtt", ".srt", ".csv"])
def test_members_labelled_by_initials_who_speak_once_are_speakers(
    tmp_path: Path, suffix: str
) -> None:
    """The brief's reproduction: ``MK`` speaks once, ``CD`` twice; in .txt and Word both were
    the facilitator's words (MK) or read only where said twice (CD)."""
    assert _turns(_write(tmp_path / f"fg01{suffix}", GROUP)) == GROUP_READ


def test_each_member_said_once_after_a_question_and_after_one_another(tmp_path: Path) -> None:
    """``CD`` answers the question, ``MK`` follows ``CD``; each turn may run on below its label."""
    f = _write(
        tmp_path / "fg02.txt",
        [
            "Facilitator: What gets in the way?",
            "CD: And the commissioners change targets.",
            "Every year they do it.",
            "",
            "MK: Every year, yes.",
            "Facilitator: Anything else?",
            "Sarah: Money.",
            "Facilitator: Right.",
            "Sarah: Yes.",
        ],
    )
    assert _turns(f)[:3] == [
        ("Facilitator", "interviewer", "What gets in the way?"),
        ("CD", "participant", "And the commissioners change targets.\nEvery year they do it."),
        ("MK", "participant", "Every year, yes."),
    ]


def test_members_answering_a_facilitator_with_initials_named_as_the_interviewer(
    tmp_path: Path,
) -> None:
    """A facilitator labelled by initials asks as one labelled by a role does, once named with
    ``--interviewer`` (``interviewer_labels``)."""
    f = _write(
        tmp_path / "fg04.txt",
        [line.replace("Facilitator:", "HW:") for line in GROUP],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["HW"])
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("HW", "interviewer"),
        ("CD", "participant"),
        ("MK", "participant"),
        ("HW", "interviewer"),
        ("CD", "participant"),
    ]


def test_a_member_said_once_after_a_member_who_recurs_where_the_facilitator_has_a_role(
    tmp_path: Path,
) -> None:
    f = _write(
        tmp_path / "fg03.txt",
        [
            "Facilitator: What gets in the way?",
            "",
            "CD: The commissioners change targets.",
            "",
            "MK: Every year, yes.",
            "",
            "Facilitator: What else?",
            "",
            "CD: Staffing.",
        ],
    )
    assert [speaker for speaker, _, _ in _turns(f)] == [
        "Facilitator",
        "CD",
        "MK",
        "Facilitator",
        "CD",
    ]


@pytest.mark.parametrize(
    ("lines", "read"),
    [
        pytest.param(
            [
                "Interviewer: How did the inspection go?",
                "P06: It was stressful. We had three weeks' notice.",
                "CQC: they came in March.",
                "Interviewer: And afterwards?",
                "P06: We got a good rating in the end.",
            ],
            "It was stressful. We had three weeks' notice.\nCQC: they came in March.",
            id="an acronym inside an answer",
        ),
        pytest.param(
            [
                "Interviewer: Shall we start?",
                "NB: the recorder was moved here.",
                "P06: Go on then.",
                "Interviewer: Right.",
                "P06: Yes.",
            ],
            "Shall we start?\nNB: the recorder was moved here.",
            id="a transcriber's NB after a question",
        ),
        pytest.param(
            [
                "Interviewer: Shall we start?",
                "OK: let us go.",
                "P06: Go on then.",
                "Interviewer: Right.",
                "P06: Yes.",
            ],
            "Shall we start?\nOK: let us go.",
            id="OK after a question",
        ),
        pytest.param(
            [
                "HW: What gets in the way?",
                "MJO: Money.",
                "HW: And?",
                "MJO: We had an inspection.",
                "CQC: they came in March.",
                "HW: And then?",
                "MJO: Fine.",
            ],
            "We had an inspection.\nCQC: they came in March.",
            id="capitals inside an answer where the interviewer has initials too",
        ),
        pytest.param(
            [
                "Interviewer: What gets in the way?",
                "P04: Money. And who do you think came?",
                "CQC: they came in March.",
                "Interviewer: And then?",
                "P04: Fine.",
            ],
            "Money. And who do you think came?\nCQC: they came in March.",
            id="capitals after the participant's own question",
        ),
        pytest.param(
            [
                "HW: What gets in the way?",
                "MJO: Money. And who do you think came?",
                "CQC: they came in March.",
                "HW: And then?",
                "MJO: Fine.",
                "HW: Thanks.",
                "MJO: Bye.",
            ],
            "Money. And who do you think came?\nCQC: they came in March.",
            id="capitals after a question where no label names the interviewer",
        ),
    ],
)
def test_capitals_said_once_that_no_turn_lays_out_stay_talk(
    tmp_path: Path, lines: list[str], read: str
) -> None:
    turns = _turns(_write(tmp_path / "p06.txt", lines))
    assert read in [words for _, _, words in turns]
    assert len({speaker for speaker, _, _ in turns}) == 2


@pytest.mark.parametrize(
    ("said", "then"),
    [
        # a kind of body (data/generic_acronyms.txt), said nowhere else
        ("MJO: We had an inspection.", "CQC: they came in March."),
        # said in the talk in capitals too ("the GP surgery"); GP is generic as well
        ("MJO: A few. The GP surgery was first.", "GP: the practices were slow, to be honest."),
        # said in its own line's talk
        ("MJO: It rotates.", "MDT: that's what we call it, the MDT, it's been two years."),
        # no generic acronym, but the answer says it in capitals ("the LTH")
        ("MJO: We went to the LTH first.", "LTH: they said no, twice."),
    ],
)
def test_an_acronym_after_an_answer_under_initials_stays_that_answers_words(
    tmp_path: Path, said: str, then: str
) -> None:
    """Session 76 hunt3, R1: capitals said once right after an answer under initials (``MJO``)
    where the interviewer has a role's label are that answer's words, as on d055517c, where
    the word is a generic acronym (``data/generic_acronyms.txt``) or the file's talk says it in
    capitals as a word: each was read as a second participant, and ``roqa pseudonymise``
    renamed the file after it and wrote "the [P02]" in the talk."""
    f = _write(
        tmp_path / "p07.txt",
        ["Interviewer: What gets in the way?", said, then, "Interviewer: And then?", "MJO: Fine."],
    )
    turns = _turns(f)
    assert [(speaker, role) for speaker, role, _ in turns] == [
        ("Interviewer", "interviewer"),
        ("MJO", "participant"),
    ] * 2
    assert turns[1][2] == said.split(": ", 1)[1] + "\n" + then


def test_initials_said_once_after_an_answer_that_no_talk_says_are_one_more_speaker(
    tmp_path: Path,
) -> None:
    """Capitals said once after ``MJO``'s answer that are no generic acronym and that no talk
    says are read as one more member, as before: the shape cannot tell them apart."""
    f = _write(
        tmp_path / "p07.txt",
        [
            "Interviewer: What gets in the way?",
            "MJO: We had an inspection.",
            "KT: they came in March.",
            "Interviewer: And then?",
            "MJO: Fine.",
        ],
    )
    assert [speaker for speaker, _, _ in _turns(f)] == [
        "Interviewer",
        "MJO",
        "KT",
        "Interviewer",
        "MJO",
    ]


def test_pseudonymise_keeps_an_acronym_after_an_answer_in_the_talk(tmp_path: Path) -> None:
    """The damage R1 did: the key took ``MDT`` as P02, the file was written as iv_P02.txt and
    its talk read "the [P02]"."""
    from test_cli_core import roqa

    folder = tmp_path / "in"
    folder.mkdir()
    _write(
        folder / "iv_mdt.txt",
        [
            "Interviewer: Who chairs it?",
            "RT: It rotates. Mostly the consultant.",
            "MDT: that's what we call it, the MDT, it's been running two years.",
            "Interviewer: Does it help?",
            "RT: Yes, it really does.",
        ],
    )
    run = roqa("pseudonymise", folder, "--key", tmp_path / "k.csv", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    said = (tmp_path / "out" / "iv_mdt.txt").read_text("utf-8")
    assert "MDT: that's what we call it, the MDT, it's been running two years." in said
    with (tmp_path / "k.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [row["name"] for row in csv.DictReader(f)] == ["RT"]


#: A participant labelled by initials lists who does what, each role's acronym opening a line
#: (session 76 hunt2, F1: ``GP``, ``OT`` and ``CPN`` were read as three more participants).
LIST_OF_ROLES = [
    "Interviewer: Can you tell me who is involved in discharge planning?",
    "MJO: There are quite a few people. The GP is key, and the OT team too.",
    "Interviewer: Who does what, roughly?",
    "MJO: Well, it breaks down like this.",
    "GP: they sign off the medication and refer on.",
    "OT: they do the home assessment before discharge.",
    "CPN: they pick up anyone with a mental health need.",
    "Interviewer: And does the CPN come to the ward?",
    "MJO: Mostly by phone. The GP rarely comes, the OT always does.",
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_acronyms_opening_the_lines_of_a_list_in_an_initials_answer_stay_its_words(
    tmp_path: Path, suffix: str
) -> None:
    turns = _turns(_write(tmp_path / f"mjo{suffix}", LIST_OF_ROLES))
    assert [(speaker, role) for speaker, role, _ in turns] == [
        ("Interviewer", "interviewer"),
        ("MJO", "participant"),
    ] * 3
    assert turns[3][2] == "\n".join(["Well, it breaks down like this.", *LIST_OF_ROLES[4:7]])


def test_pseudonymise_keeps_the_acronyms_of_a_list_in_the_talk(tmp_path: Path) -> None:
    """The damage F1 did: the key took ``GP``, ``OT`` and ``CPN`` as participants and the talk
    read "the [P03] team", "does the [P04] come"."""
    from test_cli_core import roqa

    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "iv07.txt", LIST_OF_ROLES)
    run = roqa("pseudonymise", folder, "--key", tmp_path / "k.csv", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    said = (tmp_path / "out" / "iv07.txt").read_text("utf-8")
    assert "The GP is key, and the OT team too." in said
    assert "And does the CPN come to the ward?" in said
    assert "GP: they sign off the medication and refer on." in said
    with (tmp_path / "k.csv").open(encoding="utf-8-sig", newline="") as f:
        assert [row["name"] for row in csv.DictReader(f)] == ["MJO"]


def test_members_said_once_after_a_member_where_two_members_recur_are_speakers(
    tmp_path: Path,
) -> None:
    """In a focus group (``AB`` and ``CD`` each speak more than once), members said once one
    after another after a member's answer are speakers still."""
    f = _write(
        tmp_path / "fg05.txt",
        [
            "Facilitator: What gets in the way?",
            "AB: Staffing.",
            "EF: And the targets.",
            "GH: Every year, yes.",
            "Facilitator: What helps?",
            "CD: A named lead.",
            "AB: Yes.",
            "CD: And the huddle.",
        ],
    )
    assert [speaker for speaker, _, _ in _turns(f)] == [
        "Facilitator",
        "AB",
        "EF",
        "GH",
        "Facilitator",
        "CD",
        "AB",
        "CD",
    ]


def test_a_transcribers_end_note_after_a_members_answer_is_no_participant(
    tmp_path: Path,
) -> None:
    """Session 76 hunt2, F2: ``END`` was read as a third participant, and pseudonymise then named
    the file after its pseudonym and rewrote "At the END of the day"."""
    f = _write(
        tmp_path / "fg_end.txt",
        [
            "Facilitator: What gets in the way?",
            "AB: Staffing, honestly.",
            "CD: And the commissioners change targets every year.",
            "Facilitator: What helps?",
            "AB: A named lead. At the END of the day it is about people.",
            "CD: And the weekly huddle.",
            "Facilitator: Is there anything else before we finish?",
            "AB: No, I think that covers it.",
            "END: 00:47:12, recording stopped by the facilitator.",
        ],
    )
    turns = _turns(f)
    assert {speaker for speaker, _, _ in turns} == {"Facilitator", "AB", "CD"}
    assert turns[-1] == (
        "AB",
        "participant",
        "No, I think that covers it.\nEND: 00:47:12, recording stopped by the facilitator.",
    )


@pytest.mark.parametrize(
    "note",
    [
        "END: 00:45:12 recording stopped",
        "TC: 00:45:12 recording stopped",
        "REF: 00:45:12 recording stopped",
        "DNA: 00:45:12 recording stopped",
        "UNK: 00:45:12 recording stopped",
        "NHS: 00:45:12 recording stopped",
        "PM: 00:45:12 recording stopped",
        "XY: 00:45:12 recording stopped",
        "XY: 12/03/2024, file closed",
        "END: recording stopped.",
        "TC: recording stopped.",
        "NHS: mostly, and a bit from the council.",
    ],
)
def test_a_note_in_capitals_after_the_interviewers_question_is_no_participant(
    tmp_path: Path, note: str
) -> None:
    """A line after a question whose words open with a time or a date, or which opens with a
    transcriber's note word (data/note_abbreviations.txt) or an acronym naming no person
    (data/acronyms_not_initials.txt), is the turn above's, not a member's."""
    lines = [
        "Interviewer: Is there anything else you would like to add?",
        "AB: No, I think that covers it, thank you.",
        "Interviewer: Anything else?",
        "CD: Only that we need more staff on nights.",
        "Interviewer: Thank you both. Shall I stop the recording?",
        note,
    ]
    turns = _turns(_write(tmp_path / "tok.txt", lines))
    assert [speaker for speaker, _, _ in turns] == [
        "Interviewer",
        "AB",
        "Interviewer",
        "CD",
        "Interviewer",
    ]
    assert turns[-1][2] == f"Thank you both. Shall I stop the recording?\n{note}"


def test_a_member_answering_with_a_number_is_a_speaker(tmp_path: Path) -> None:
    """Only a time or a date opening the words makes a note: a count is an answer."""
    f = _write(
        tmp_path / "fg06.txt",
        [
            "Facilitator: How many beds do you have?",
            "CD: 20, give or take.",
            "Facilitator: And staff?",
            "AB: Not enough.",
            "Facilitator: Thanks.",
            "AB: Bye.",
        ],
    )
    assert [speaker for speaker, _, _ in _turns(f)][:2] == ["Facilitator", "CD"]


@pytest.mark.parametrize(
    "asking",
    [
        ["Facilitator: Anyone else? [pause]"],
        ["Facilitator: Anyone else? (pause)"],
        ["Facilitator: Anyone else? …"],
        ["Facilitator: Anyone else?..."],
        ["Facilitator: Anyone else – CD, you were nodding."],
        ["Facilitator: Anyone else?", "[crosstalk]"],
        ["Facilitator: Anyone else?", "", "(laughter)", ""],
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_members_said_once_after_a_question_that_does_not_end_the_line_on_a_mark_are_speakers(
    tmp_path: Path, asking: list[str], suffix: str
) -> None:
    """Session 76 hunt2, F3: ``CD`` and ``MK`` were folded into the facilitator's turn, never
    coded, where a note or an ellipsis followed the question, a ``[crosstalk]`` line came
    between, or the facilitator called on the member by their initials."""
    f = _write(
        tmp_path / f"fg07{suffix}",
        [
            "Facilitator: What gets in the way of using the pathway?",
            "AB: Staffing, honestly, we never have enough people on shift.",
            *asking,
            "CD: And the commissioners change targets every year.",
            "MK: Every year, yes, and nobody tells us why.",
            "Facilitator: What helps?",
            "AB: Having a named lead on each ward helps a lot.",
        ],
    )
    assert [(speaker, role) for speaker, role, _ in _turns(f)] == [
        ("Facilitator", "interviewer"),
        ("AB", "participant"),
        ("Facilitator", "interviewer"),
        ("CD", "participant"),
        ("MK", "participant"),
        ("Facilitator", "interviewer"),
        ("AB", "participant"),
    ]


def _warned(path: Path) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_transcript(path)
    return [str(w.message) for w in caught]


def test_initials_still_read_as_the_interviewers_words_are_warned_of(tmp_path: Path) -> None:
    """A facilitator's prompt with no ``?`` (``Anyone else...``) leaves ``CD`` their words,
    never coded: one warning names the line and the fix."""
    f = _write(
        tmp_path / "fg08.txt",
        [
            "Facilitator: What gets in the way?",
            "AB: Staffing.",
            "Facilitator: Anyone else...",
            "CD: And the targets.",
            "Facilitator: What helps?",
            "AB: A named lead.",
        ],
    )
    assert [speaker for speaker, _, _ in _turns(f)] == [
        "Facilitator",
        "AB",
        "Facilitator",
        "Facilitator",
        "AB",
    ]
    assert [w for w in _warned(f) if "read as the interviewer's words" in w] == [
        f"{f}: 1 line opening with capitals (line 4: 'CD:') was read as the interviewer's "
        "words, not coded: if someone else speaks there, give the line the label of that "
        "speaker's other turns; a member said once under initials is read after the "
        "interviewer's question ending in '?', or once --interviewer names the interviewer"
    ]


def test_an_acronym_answering_read_as_the_interviewers_words_is_warned_of(
    tmp_path: Path,
) -> None:
    f = _write(
        tmp_path / "p02.txt",
        [
            "Interviewer: Who funds the service?",
            "NHS: mostly, and a bit from the council.",
            "Interviewer: Is that stable?",
            "P02: Not really, it changes every year.",
            "Interviewer: How does that affect planning?",
            "P02: We can't plan anything long term.",
        ],
    )
    assert [w for w in _warned(f) if "read as the interviewer's words" in w] == [
        f"{f}: 1 line opening with capitals (line 2: 'NHS:') was read as the interviewer's "
        "words, not coded: if someone else speaks there, give the line the label of that "
        "speaker's other turns; a member said once under initials is read after the "
        "interviewer's question ending in '?', or once --interviewer names the interviewer"
    ]


@pytest.mark.parametrize(
    "folded",
    ["NB: the recorder was moved here.", "OK: let us go.", "END: 00:45:12 recording stopped"],
)
def test_a_note_in_capitals_read_as_the_interviewers_words_is_not_warned_of(
    tmp_path: Path, folded: str
) -> None:
    f = _write(
        tmp_path / "p06.txt",
        [
            "Interviewer: Shall we start?",
            folded,
            "P06: Go on then.",
            "Interviewer: Right.",
            "P06: Yes.",
        ],
    )
    assert _turns(f)[0][2] == f"Shall we start?\n{folded}"
    assert not [w for w in _warned(f) if "read as the interviewer's words" in w]


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        pytest.param(
            [
                "Facilitator: What gets in the way of discharge on this ward?",
                "Ward manager: Beds, always beds.",
                "Staff nurse: And the paperwork, the discharge summary takes an hour.",
                "OT: they do the home visits, one of them for three wards.",
                "GP: they sign the summaries off late.",
                "Facilitator: What would help?",
                "Ward manager: A discharge coordinator.",
                "Staff nurse: Yes, someone who chases.",
            ],
            "line 4: 'OT:' in Staff nurse's turn, line 5: 'GP:' in Staff nurse's turn",
            id="roles said once after a role's answer",
        ),
        pytest.param(
            LIST_OF_ROLES,
            "line 5: 'GP:' in MJO's turn, line 6: 'OT:' in MJO's turn, "
            "line 7: 'CPN:' in MJO's turn",
            id="a list of roles in an initials answer",
        ),
    ],
)
def test_capitals_read_as_an_answers_words_are_warned_of(
    tmp_path: Path, lines: list[str], said: str
) -> None:
    """Session 76 hunt2 F3 (rfix leftover, MED): ``OT:`` and ``GP:`` after ``Staff nurse:``'s
    answer were read as her words with no warning, so their talk was coded as hers
    silently."""
    f = _write(tmp_path / "mdt.txt", lines)
    n = said.count("line ")
    assert [w for w in _warned(f) if "read as that turn's words" in w] == [
        f"{f}: {n} lines opening with capitals ({said}) were read as that turn's words and "
        "coded as theirs: if someone else speaks there, give the line the label of that "
        "speaker's other turns, or the same label on two or more of their lines"
    ]


@pytest.mark.parametrize(
    "folded",
    ["NB: the recorder was moved here.", "OK: let us go.", "END: 00:45:12 recording stopped"],
)
def test_a_note_in_capitals_read_as_an_answers_words_is_not_warned_of(
    tmp_path: Path, folded: str
) -> None:
    f = _write(
        tmp_path / "p06.txt",
        ["Interviewer: Shall we start?", "P06: Go on then.", folded, "Interviewer: Right."],
    )
    assert _turns(f)[1][2] == f"Go on then.\n{folded}"
    assert not [w for w in _warned(f) if "read as that turn's words" in w]


def _said_once_warning(path: Path, said_once: list[tuple[int, str, str]]) -> str:
    """The folded-into-answers warning of ``path`` naming ``said_once``: (line, label, the
    speaker whose turn the line was read in)."""
    n = len(said_once)
    said_where = ", ".join(f"line {k}: '{label}:' in {who}'s turn" for k, label, who in said_once)
    return (
        f"{path}: {n} line{'s' if n != 1 else ''} opening with capitals ({said_where}) "
        f"{'was' if n == 1 else 'were'} read as that turn's words and coded as theirs: if "
        "someone else speaks there, give the line the label of that speaker's other turns, or "
        "the same label on two or more of their lines"
    )


@pytest.mark.parametrize(
    ("lines", "turns", "said_once"),
    [
        pytest.param(
            [
                "Facilitator: So what gets in the way of discharge on this ward?",
                "Ward manager: Beds, always beds. We are full every single morning.",
                "Staff nurse: And the paperwork, the discharge summary takes an hour.",
                "OT: We can't get the home assessment done in time, there is one of us for "
                "three wards.",
                "GP: From our side the summaries arrive late and the medication changes are "
                "unclear.",
                "Facilitator: What would help?",
                "Ward manager: A discharge coordinator who owns the whole thing.",
                "Staff nurse: Yes, someone who chases.",
            ],
            [
                ("Facilitator", "So what gets in the way of discharge on this ward?"),
                ("Ward manager", "Beds, always beds. We are full every single morning."),
                (
                    "Staff nurse",
                    "And the paperwork, the discharge summary takes an hour.\n"
                    "OT: We can't get the home assessment done in time, there is one of us for "
                    "three wards.\n"
                    "GP: From our side the summaries arrive late and the medication changes are "
                    "unclear.",
                ),
                ("Facilitator", "What would help?"),
                ("Ward manager", "A discharge coordinator who owns the whole thing."),
                ("Staff nurse", "Yes, someone who chases."),
            ],
            [(4, "OT", "Staff nurse"), (5, "GP", "Staff nurse")],
            id="roles said once after a role's answer",
        ),
        pytest.param(
            [
                "Interviewer: Did the team agree with the new rota?",
                "MJO: Yes.",
                "GP: I agree.",
                "Interviewer: And how did it go in the first month?",
                "MJO: It was hard at first but it settled down.",
            ],
            [
                ("Interviewer", "Did the team agree with the new rota?"),
                ("MJO", "Yes.\nGP: I agree."),
                ("Interviewer", "And how did it go in the first month?"),
                ("MJO", "It was hard at first but it settled down."),
            ],
            [(3, "GP", "MJO")],
            id="a generic acronym answering in the first person after an initials answer",
        ),
        pytest.param(
            [
                "Facilitator: What gets in the way of discharge?",
                "AB: The paperwork, mostly, it takes forever.",
                "CD: And we never have the transport booked in time.",
                "MK: I would say the pharmacy is the slowest part.",
                "Facilitator: What would help?",
                "AB: A coordinator.",
                "Facilitator: Anything else?",
                "AB: Not from me.",
            ],
            [
                ("Facilitator", "What gets in the way of discharge?"),
                (
                    "AB",
                    "The paperwork, mostly, it takes forever.\n"
                    "CD: And we never have the transport booked in time.\n"
                    "MK: I would say the pharmacy is the slowest part.",
                ),
                ("Facilitator", "What would help?"),
                ("AB", "A coordinator."),
                ("Facilitator", "Anything else?"),
                ("AB", "Not from me."),
            ],
            [(3, "CD", "AB"), (4, "MK", "AB")],
            id="two members said once in a row after a recurring member's answer",
        ),
    ],
)
def test_capitals_said_once_after_an_answer_in_the_first_person_are_its_words_warned(
    tmp_path: Path,
    lines: list[str],
    turns: list[tuple[str, str]],
    said_once: list[tuple[int, str, str]],
) -> None:
    """Session 76 rfix leftovers (hunt2 F3 mdt_fg; rfix2 and rfix): capitals said once right
    after a participant's answer, speaking in the first person, are read as that answer's words
    as on c6e861eb, and the warning names each line and whose turn it was read in. Session 77
    (hunt1 F2, hunt6 F1/F2): the rule that read such a line as one more member invented
    participants from quotes and chat abbreviations, so it was taken out; the researcher who
    sees the warning gives a member who speaks there a proper label."""
    f = _write(tmp_path / "fg09.txt", lines)
    read = _turns(f)
    assert [(speaker, text) for speaker, _, text in read] == turns
    assert {role for speaker, role, _ in read if speaker != turns[0][0]} == {"participant"}
    assert [w for w in _warned(f) if "read as that turn's words" in w] == [
        _said_once_warning(f, said_once)
    ]


@pytest.mark.parametrize(
    "note",
    [
        "XY: [00:45:12] recording stopped",
        "XY: (00:45:12) Recording resumed after a break.",
        "TC: [00:45:12] recording stopped",
    ],
)
def test_a_note_of_the_recording_after_a_time_in_brackets_is_no_participant(
    tmp_path: Path, note: str
) -> None:
    """Session 76 rfix leftover (LOW): a time in brackets right after capitals said once, the
    words noting the recording, was read as a member's turn at 45:12, where the same note with
    the time bare (``XY: 00:45:12 recording stopped``) is the turn above's. The time is kept as
    a time mark inside that turn, and the warning names the line (session 77 hunt1 F3: a
    member's words folded so must not go silently)."""
    lines = [
        "Interviewer: Is there anything else you would like to add?",
        "AB: No, I think that covers it, thank you.",
        "Interviewer: Anything else?",
        "CD: Only that we need more staff on nights.",
        "Interviewer: Thank you both. Shall I stop the recording?",
        note,
    ]
    f = _write(tmp_path / "tok.txt", lines)
    turns = _turns(f)
    label, rest = note.split(": ", 1)
    words = rest.split(") ", 1)[1] if rest.startswith("(") else rest.split("] ", 1)[1]
    assert turns[-1] == (
        "Interviewer",
        "interviewer",
        f"Thank you both. Shall I stop the recording?\n{label}: {words}",
    )
    assert [speaker for speaker, _, _ in turns] == [
        "Interviewer",
        "AB",
        "Interviewer",
        "CD",
        "Interviewer",
    ]
    # named by its time: the text as read is not the file's lines (its turns a blank line apart
    # once a time is taken out), where it was "line 10" for the file's line 6 (session 77 hfix1)
    said = [w for w in _warned(f) if "opening with capitals" in w]
    if label == "TC":  # a transcriber's timecode (data/note_abbreviations.txt) is never named
        assert said == []
        return
    assert said == [
        f"{f}: 1 line opening with capitals (00:45:12.000: '{label}:') was read as the interviewer's "
        "words, not coded: if someone else speaks there, give the line the label of that "
        "speaker's other turns; a member said once under initials is read after the "
        "interviewer's question ending in '?', or once --interviewer names the interviewer"
    ]


@pytest.mark.parametrize(
    "note",
    [
        "Recording paused while the participant took a call.",
        "Audio cut out for about ten seconds.",
        "The call dropped and was restarted at 00:45:40.",
        "The recording was stopped at the participant's request.",
    ],
)
def test_a_note_of_what_befell_the_recording_after_a_members_answer_is_named_in_it(
    tmp_path: Path, note: str
) -> None:
    """Session 78: capitals said once after a member's answer in a focus group labelled by
    initials, whose words tell what befell the recording in a sentence (``XY: [00:45:12]
    Recording paused while the participant took a call.``), were read as one more member, and
    coded; the line is a note inside the answer above, named in the warning."""
    f = _write(
        tmp_path / "fg11.txt",
        [
            "Facilitator: [00:44:50] What helped most on the ward?",
            "AB: [00:45:00] Having a champion who knew the system.",
            "CD: [00:45:05] For us it was the training days.",
            f"XY: [00:45:12] {note}",
            "AB: [00:46:00] Sorry about that, where were we?",
            "Facilitator: [00:46:10] You said the champion helped?",
            "CD: [00:46:30] Yes, and she covered nights.",
        ],
    )
    assert [(speaker, text) for speaker, _, text in _turns(f)] == [
        ("Facilitator", "What helped most on the ward?"),
        ("AB", "Having a champion who knew the system."),
        ("CD", f"For us it was the training days.\nXY: {note}"),
        ("AB", "Sorry about that, where were we?"),
        ("Facilitator", "You said the champion helped?"),
        ("CD", "Yes, and she covered nights."),
    ]
    assert [w for w in _warned(f) if "opening with capitals" in w] == [
        f"{f}: 1 line opening with capitals (00:45:12.000: 'XY:' in CD's turn) was read as that "
        "turn's words and coded as theirs: if someone else speaks there, give the line the "
        "label of that speaker's other turns, or the same label on two or more of their lines"
    ]


@pytest.mark.parametrize(
    "answer",
    [
        "The call was dropped by commissioners.",
        "The video froze for patients at home most days.",
        "The connection failed in half the care homes.",
        "Audio was muffled through the masks on the ward.",
        "The call ended with nobody agreeing a plan.",
        "The recording was stopped when staff objected to it.",
        "Sound was distorted on every tablet the pilot sent.",
        "The call dropped and the patient had to ring back.",
        "The video froze at 9:30 on every ward round.",
        # guards: each was a member's turn before too
        "Video calls were stopped when the trust changed provider.",
        "The audio from the ward is always bad.",
        "Recording is stopped when staff object.",
        "Tape recorders were halted after the data breach.",
    ],
)
def test_a_quiet_members_answer_of_what_befell_a_call_is_their_turn(
    tmp_path: Path, answer: str
) -> None:
    """Session 78 hunt1 F2 (MED): the third member to answer the facilitator's question, said
    once, telling what befell the calls, video or sound of their work (a virtual ward's), was
    read as a transcriber's note (the rule of the test above), folded into the member above's
    turn and coded as theirs; a note bears a transcriber's mark (the participant, a break,
    seconds missed, a time to the second), which a member's answer does not."""
    f = _write(
        tmp_path / "rn.txt",
        [
            "Facilitator: [00:01:02] What gets in the way of the virtual ward rounds?",
            "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
            "MK: [00:01:30] The paperwork for us, and the consultant calls.",
            f"CD: [00:02:10] {answer}",
            "AB: [00:02:40] Same on ours.",
            "MK: [00:03:00] Ours is fine now the new laptops came.",
        ],
    )
    assert [(speaker, role) for speaker, role, _ in _turns(f)] == [
        ("Facilitator", "interviewer"),
        ("AB", "participant"),
        ("MK", "participant"),
        ("CD", "participant"),
        ("AB", "participant"),
        ("MK", "participant"),
    ]
    assert _turns(f)[3][2] == answer
    assert [w for w in _warned(f) if "opening with capitals" in w] == []


def test_a_member_after_a_time_in_brackets_speaking_is_a_speaker(tmp_path: Path) -> None:
    """Only words noting the recording make the line a note: a member's own words after the
    time are a turn at that time."""
    f = _write(
        tmp_path / "tok.txt",
        [
            "Interviewer: Is there anything else you would like to add?",
            "AB: No, I think that covers it, thank you.",
            "Interviewer: Anything else before I stop the recording?",
            "XY: [00:45:12] Only that we need more staff on nights.",
        ],
    )
    assert _turns(f)[-1] == ("XY", "participant", "Only that we need more staff on nights.")


def test_the_lines_opening_like_a_label_inside_turns_are_numbered_from_the_files_top() -> None:
    """labelled_lines_in_turns numbers each line as the file does, turns in order or not (it
    counts the line breaks on from the last line found, once through turns in order)."""
    from roqa_nlp.transcripts.speaker_labels import labelled_lines_in_turns

    text = "P01: Yes.\nCD: And the targets.\n\nP01: No.\nthen\nMK: Every year.\n"
    spans = [(0, 30), (32, len(text) - 1)]
    said = [(n, m.label) for n, _, m in labelled_lines_in_turns(text, spans)]
    assert said == [(2, "CD"), (6, "MK")]
    assert [(n, m.label) for n, _, m in labelled_lines_in_turns(text, spans[::-1])] == [
        (6, "MK"),
        (2, "CD"),
    ]


def test_a_generic_acronym_in_the_first_person_after_a_numbered_answer_stays_its_words(
    tmp_path: Path,
) -> None:
    """A body's report read out in a one-to-one interview (``P04``): a generic acronym said
    once in the first person after an answer stays the answer's words, named in the warning."""
    f = _write(
        tmp_path / "p04.txt",
        [
            "Interviewer: How did the inspection go?",
            "P04: Stressful. They read the report out.",
            "CQC: We found the medicines were managed safely.",
            "Interviewer: And then?",
            "P04: Fine.",
        ],
    )
    turns = _turns(f)
    assert [speaker for speaker, _, _ in turns] == ["Interviewer", "P04", "Interviewer", "P04"]
    assert turns[1][2] == (
        "Stressful. They read the report out.\nCQC: We found the medicines were managed safely."
    )
    assert [w for w in _warned(f) if "read as that turn's words" in w] == [
        f"{f}: 1 line opening with capitals (line 3: 'CQC:' in P04's turn) was read as that "
        "turn's words and coded as theirs: if someone else speaks there, give the line the "
        "label of that speaker's other turns, or the same label on two or more of their lines"
    ]


@pytest.mark.parametrize(
    ("name", "lines", "said_once"),
    [
        (  # a quote inside a one-to-one
            "p04_tl",
            [
                "Interviewer: Did you ask to go on the training course?",
                "P04: I asked my team leader and she just said",
                "TL: We can't spare you this month.",
                "Interviewer: How often did that happen?",
                "P04: Every time I asked, more or less.",
            ],
            [(3, "TL", "P04")],
        ),
        (  # a list of teams read out in a one-to-one
            "p04_list",
            [
                "Interviewer: Who does what on the discharge checklist?",
                "P04: There are three parts, and each team writes its own line in the notes.",
                "PT: We assess mobility.",
                "OT: We check the home.",
                "SW: We arrange the package.",
                "Interviewer: Who signs it off?",
                "P04: The nurse in charge.",
            ],
            [(3, "PT", "P04"), (4, "OT", "P04"), (5, "SW", "P04")],
        ),
        (  # a short line, and the answerer goes on right after
            "p04_ra",
            [
                "Interviewer: Can you tell me about the rota on your ward?",
                "P04: It changes every four weeks and the manager does it by hand.",
                "RA: I see. Go on.",
                "P04: So then she posts it on the board in the staff room.",
                "Interviewer: Thanks.",
                "P04: No problem.",
            ],
            [(3, "RA", "P04")],
        ),
        (  # a quote in a focus group of P-numbers, longer than a short answer
            "fg_pnums",
            [
                "Facilitator: What gets in the way of using the pathway?",
                "P01: Mostly staffing. We never have enough people on a late.",
                "P02: For us it's the paperwork, the consultant said it last week.",
                "DR: I want every form done by Friday.",
                "P03: That's the same on our ward.",
                "Facilitator: Anything else?",
                "P01: The IT system is slow.",
                "P02: Agreed.",
                "P03: Yes.",
            ],
            [(4, "DR", "P02")],
        ),
        (  # a quote in a focus group of names
            "fg_names",
            [
                "Facilitator: What gets in the way of using the pathway?",
                "Sarah: Mostly staffing. We never have enough people on a late.",
                "John: For us it's the paperwork. Our matron put it bluntly at the huddle.",
                "MT: We will not be audited on this again.",
                "Sarah: That sounds familiar.",
                "Facilitator: Anything else?",
                "John: The IT system is slow.",
                "Sarah: Agreed.",
            ],
            [(4, "MT", "John")],
        ),
    ],
)
def test_capitals_said_once_in_the_first_person_in_a_one_to_one_or_a_quote_stay_the_answers_words(
    tmp_path: Path, name: str, lines: list[str], said_once: list[tuple[int, str, str]]
) -> None:
    """Session 77 hunt1 F2 (MED): each of these was read as one more participant (a team
    leader quoted, a list of teams, a researcher's prompt, a manager quoted in a focus group),
    and roqa pseudonymise gave the quote a participant's pseudonym. They stay the answer's
    words, named in the warning, as on c6e861eb."""
    _assert_the_answers_words_warned(tmp_path / f"{name}.txt", lines, said_once)


def _assert_the_answers_words_warned(
    path: Path, lines: list[str], said_once: list[tuple[int, str, str]]
) -> None:
    """``lines`` written to ``path`` read the lines of ``said_once`` (line, label, answerer)
    as the answerer's words, no one more speaker, each named in the folded warning."""
    f = _write(path, lines)
    turns = _turns(f)
    said = {label for _, label, _ in said_once}
    assert not said & {speaker for speaker, _, _ in turns}
    for n, _, answerer in said_once:
        assert any(s == answerer and f"\n{lines[n - 1]}" in text for s, _, text in turns)
    assert [w for w in _warned(f) if "read as that turn's words" in w] == [
        _said_once_warning(f, said_once)
    ]


@pytest.mark.parametrize(
    ("name", "lines", "said_once"),
    [
        pytest.param(
            "a2",
            [
                "Interviewer: Did you ask to go on the training course?",
                "Staff nurse: I asked my director and she just said",
                "TL: We can't spare you this month.",
                "Interviewer: How often did that happen?",
                "Staff nurse: Every time I asked, more or less.",
            ],
            [(3, "TL", "Staff nurse")],
            id="a quote in a one-to-one with a role's label",
        ),
        pytest.param(
            "r_said",
            [
                "Facilitator: What got in the way of the new rota?",
                "Staff nurse: Staffing, mostly. My team leader just said",
                "TL: I need you on nights.",
                "Healthcare assistant: We get those all the time.",
                "Staff nurse: And nobody asked us first.",
                "Healthcare assistant: No, never.",
            ],
            [(3, "TL", "Staff nurse")],
            id="a quote in a focus group labelled by roles",
        ),
        pytest.param(
            "r_tbh",
            [
                "Facilitator: What got in the way of the new rota?",
                "Staff nurse: Staffing, mostly. It was hard.",
                "TBH: I nearly quit.",
                "Healthcare assistant: We get those all the time.",
                "Staff nurse: And nobody asked us first.",
                "Healthcare assistant: No, never.",
            ],
            [(3, "TBH", "Staff nurse")],
            id="a chat abbreviation in a focus group labelled by roles",
        ),
        pytest.param(
            "p_a",
            [
                "Facilitator: What got in the way of the new rota?",
                "P01: Staffing, mostly. It was hard.",
                "TBH: I nearly quit.",
                "P02: We get those all the time.",
                "P01: And nobody asked us first.",
                "P02: No, never.",
            ],
            [(3, "TBH", "P01")],
            id="a chat abbreviation in a focus group of P-numbers",
        ),
    ],
)
def test_a_quote_or_chat_abbreviation_after_an_answer_invents_no_participant(
    tmp_path: Path, name: str, lines: list[str], said_once: list[tuple[int, str, str]]
) -> None:
    """Session 77 hunt6 F1, F2 (HIGH): after a participant labelled by a role (``Staff
    nurse:``) or a P-number, a quoted line (``TL: We can't spare you this month.``) or a chat
    abbreviation (``TBH: I nearly quit.``) in the first person was read as one more
    participant; with roqa pseudonymise the invented TL got a pseudonym, spoke in two
    interviews and shifted later participants' numbers. They are the answer's words, named in
    the warning (hunt6's files oo/a2.txt, fg/r_said.txt, fg/r_tbh.txt, fg/p_a.txt)."""
    _assert_the_answers_words_warned(tmp_path / f"{name}.txt", lines, said_once)


@pytest.mark.parametrize(
    ("lines", "member"),
    [
        (
            [
                "Facilitator: [00:01:02] What gets in the way of using the pathway?",
                "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
                "MK: [00:01:30] The paperwork, for us.",
                "Facilitator: [00:02:00] And is a fall written down anywhere on your wards?",
                "CD: [00:02:10] Not recorded anywhere, to be honest.",
                "AB: [00:02:40] Same on ours.",
                "MK: [00:03:00] Ours is on Datix.",
            ],
            ("CD", "Not recorded anywhere, to be honest."),
        ),
        (
            [
                "Interviewer: [00:00:05] Before we start, can you confirm the consent form?",
                "JB: [00:00:12] Yes, that's fine.",
                "Interviewer: [00:00:20] And what did the audit find about your ward's notes?",
                "MK: [00:00:31] Their handover was recorded and transcribed by the trust.",
                "Interviewer: [00:00:50] Thank you.",
            ],
            ("MK", "Their handover was recorded and transcribed by the trust."),
        ),
        (
            [
                "Facilitator: [00:01:02] What gets in the way of using the pathway?",
                "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
                "MK: [00:01:30] The paperwork, for us.",
                "Facilitator: [00:02:00] And what about the records?",
                "AB: [00:02:10] They are a mess, honestly.",
                "CD: [00:02:40] The tape ran out on the ward before the audit.",
                "MK: [00:03:00] Same here.",
            ],
            ("CD", "The tape ran out on the ward before the audit."),
        ),
        (
            [
                "Facilitator: [00:01:02] What gets in the way of the virtual ward rounds?",
                "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
                "MK: [00:01:30] The paperwork, for us.",
                "Facilitator: [00:02:00] And the video calls with the consultant?",
                "CD: [00:02:10] The call dropped twice so we lost the thread.",
                "AB: [00:02:40] Same on ours.",
                "MK: [00:03:00] Ours is fine.",
            ],
            ("CD", "The call dropped twice so we lost the thread."),
        ),
        (
            [
                "Facilitator: [00:01:02] What gets in the way of the virtual ward rounds?",
                "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
                "MK: [00:01:30] The paperwork, for us.",
                "Facilitator: [00:02:00] And the video calls with the consultant?",
                "CD: [00:02:10] Yes, the call dropped twice last week.",
                "AB: [00:02:40] Same on ours.",
                "MK: [00:03:00] Ours is fine.",
            ],
            ("CD", "Yes, the call dropped twice last week."),
        ),
        (  # a sentence of what befell a call is a note only after an answer, not a question
            [
                "Facilitator: [00:01:02] What gets in the way of the virtual ward rounds?",
                "AB: [00:01:10] Mostly staffing, we never have enough on a late.",
                "MK: [00:01:30] The paperwork, for us.",
                "Facilitator: [00:02:00] And the video calls with the consultant?",
                "CD: [00:02:10] The call dropped twice so the team lost the thread.",
                "AB: [00:02:40] Same on ours.",
                "MK: [00:03:00] Ours is fine.",
            ],
            ("CD", "The call dropped twice so the team lost the thread."),
        ),
    ],
)
def test_a_members_timed_answer_speaking_of_recording_is_their_turn(
    tmp_path: Path, lines: list[str], member: tuple[str, str]
) -> None:
    """Session 77 hunt1 F3 (MED): a member said once, after a time in brackets, whose answer
    speaks of recording (``Not recorded anywhere``, ``was recorded``, ``The tape ran out``) was
    read as a transcriber's note and folded, uncoded and silently, into the turn above. Only a
    header's short form with no verb of its own is a note; these are the member's turn."""
    turns = _turns(_write(tmp_path / "fg10.txt", lines))
    speaker, words = member
    assert (speaker, "participant", words) in turns
    assert len(turns) == len(lines)


FG08_TIMED = [
    "Facilitator: [00:01:00] What gets in the way?",
    "AB: [00:01:03] Staffing.",
    "Facilitator: [00:01:06] Anyone else...",
    "CD: [00:01:08] And the targets.",
    "Facilitator: [00:01:10] What helps?",
    "AB: [00:01:13] A named lead.",
]


@pytest.mark.parametrize(
    ("name", "lines", "place"),
    [
        # time marks taken out of the words: the text's line 6 is the file's line 4
        ("fg08.txt", FG08_TIMED, "00:01:08.000: 'CD:'"),
        ("fg08.docx", FG08_TIMED, "00:01:08.000: 'CD:'"),
        # a text file read as it is, its turns a blank line apart: the file's own line 7
        (
            "fg08_blank.txt",
            [
                part
                for line in FG08_TIMED
                for part in (line.replace(line[line.index("[") : line.index("]") + 2], ""), "")
            ],
            "line 7: 'CD:'",
        ),
        # Word without times: its paragraphs are not lines, the words say where
        (
            "fg08.docx",
            [line.replace(line[line.index("[") : line.index("]") + 2], "") for line in FG08_TIMED],
            "'CD: And the targets.'",
        ),
    ],
)
def test_a_folded_line_is_named_where_the_file_has_it(
    tmp_path: Path, name: str, lines: list[str], place: str
) -> None:
    """Session 77 hfix1 leftover (MED/LOW): the folded warnings counted lines in the text as
    read, which a timed file's reader writes anew (its turns a blank line apart), so they named
    "line 6" for the file's line 4; the lines are named by the time their words are spoken
    there, and by their words in a Word file without times."""
    f = _write(tmp_path / name, lines)
    assert [w for w in _warned(f) if "read as the interviewer's words" in w] == [
        f"{f}: 1 line opening with capitals ({place}) was read as the interviewer's "
        "words, not coded: if someone else speaks there, give the line the label of that "
        "speaker's other turns; a member said once under initials is read after the "
        "interviewer's question ending in '?', or once --interviewer names the interviewer"
    ]


def test_a_line_folded_into_an_answer_is_named_by_its_time_in_a_timed_file(
    tmp_path: Path,
) -> None:
    """The second folded warning names its lines by the same rule: by the time of the answer
    they lie in (they carry none of their own), not the text's line 6 and 7 (the file's 4, 5)."""
    f = _write(
        tmp_path / "mdt.txt",
        [
            "Facilitator: [00:02:00] What gets in the way of discharge on this ward?",
            "Ward manager: [00:02:05] Beds, always beds.",
            "Staff nurse: [00:02:10] And the paperwork, the discharge summary takes an hour.",
            "OT: they do the home visits, one of them for three wards.",
            "GP: they sign the summaries off late. [00:02:20]",
            "Facilitator: [00:02:30] What would help?",
            "Ward manager: [00:02:35] A discharge coordinator.",
            "Staff nurse: [00:02:40] Yes, someone who chases.",
        ],
    )
    assert [w for w in _warned(f) if "read as that turn's words" in w] == [
        f"{f}: 2 lines opening with capitals (00:02:10.000: 'OT:' in Staff nurse's turn, "
        "00:02:10.000: 'GP:' in Staff nurse's turn) were read as that turn's words and coded as "
        "theirs: if someone else speaks there, give the line the label of that speaker's other "
        "turns, or the same label on two or more of their lines"
    ]


def test_a_subtitle_files_lines_inside_a_cue_are_never_folded_lines(tmp_path: Path) -> None:
    """A .vtt joins a cue's lines with a space and lays each cue's label out as a turn, so the
    timed talk above holds no line the folded warnings could name: CD is a speaker there."""
    f = _write(
        tmp_path / "fg08.vtt",
        [
            line.split("] ", 1)[0].split(" [")[0] + " " + line.split("] ", 1)[1]
            for line in FG08_TIMED
        ],
    )
    assert [s for s, _, _ in _turns(f)] == [
        "Facilitator",
        "AB",
        "Facilitator",
        "CD",
        "Facilitator",
        "AB",
    ]
    assert not [w for w in _warned(f) if "opening with capitals" in w]


TD_1 = [
    "Facilitator: [00:01:02] What got in the way?",
    "P01: [00:01:10] Staffing, mostly.",
    "P02: [00:01:30] Funding as well.",
    "CD: [00:01:40] Staff were tired all the time.",
    "P01: [00:02:00] Yes.",
    "P02: [00:02:10] Agreed.",
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_members_reply_after_a_folded_label_is_their_turn(tmp_path: Path, suffix: str) -> None:
    """Session 77 hunt6 F6 (LOW): a label said once (``CD:``) read as the words of ``P02``'s
    turn made ``P01``'s ``Yes.`` after it a backchannel inside ``P02``'s turn: it was left out,
    ``P02``'s ``Agreed.`` joined to that turn, and P01 kept 1 turn of 2. A short reply after a
    folded label's line may answer whoever speaks there, so it stays a turn."""
    f = _write(tmp_path / f"td_1{suffix}", TD_1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Facilitator", "What got in the way?"),
        ("P01", "Staffing, mostly."),
        ("P02", "Funding as well.\nCD: Staff were tired all the time."),
        ("P01", "Yes."),
        ("P02", "Agreed."),
    ]
    assert "backchannels_left_out" not in t.metadata


@pytest.mark.parametrize(
    ("quoted", "backchannel", "goes_on"),
    [
        (
            "HR: nothing at all, they said it was not their job.",
            "Mm.",
            "And the ward managers were left to sort out the rota themselves.",
        ),
        (
            "DR: we do not have the capacity for that this year.",
            "Yeah.",
            "So we stopped asking, and the whole pilot went quiet for months.",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_the_interviewers_backchannel_after_a_quoted_label_is_still_left_out(
    tmp_path: Path, suffix: str, quoted: str, backchannel: str, goes_on: str
) -> None:
    """Session 78 hunt1 F3: only a member's short reply after a folded label's line is a turn
    (the test above); the interviewer's backchannel after a participant's line quoting a
    department or a doctor (``HR: ...``, ``DR: ...``) was kept as a turn too, and the answer it
    is said inside coded in two parts. In Word it is left out and the answer read whole; a
    text file keeps it as typed, and ``roqa inspect`` says to delete it to code the turn
    whole."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = _write(
        tmp_path / f"b1{suffix}",
        [
            "Interviewer: What support did you get when the new system came in?",
            "P01: It varied a lot, honestly. I kept a list of what each one gave us:",
            "IT: two training sessions and a helpline that nobody answered.",
            quoted,
            f"Interviewer: {backchannel}",
            f"P01: {goes_on}",
            "Interviewer: How did the team cope with that?",
            "P01: Badly at first.",
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    said = (
        "It varied a lot, honestly. I kept a list of what each one gave us:\n"
        f"IT: two training sessions and a helpline that nobody answered.\n{quoted}"
    )
    if suffix == ".docx":
        answer = [("P01", f"{said}\n{goes_on}")]
        note = (
            "1 backchannel (such as 'Mm-hmm.') said inside another speaker's turn left out of "
            "the text, so that turn is read whole"
        )
    else:
        answer = [("P01", said), ("Interviewer", backchannel), ("P01", goes_on)]
        note = (
            f"1 turn split by another speaker's backchannel ('{backchannel}'): this format is "
            "read as typed, so each part is coded on its own (delete the backchannel line in "
            "the file to code the turn whole, if its parts are one answer)"
        )
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "What support did you get when the new system came in?"),
        *answer,
        ("Interviewer", "How did the team cope with that?"),
        ("P01", "Badly at first."),
    ]
    assert reading_notes(t) == [note]


def test_a_backchannel_after_an_answers_own_line_is_still_left_out(tmp_path: Path) -> None:
    """Only a label's line ending the turn keeps the reply: the interviewer's ``Mm-hmm.``
    inside an answer whose last line is its own words is left out as before."""
    f = _write(
        tmp_path / "td_2.txt",
        [
            "Facilitator: [00:01:02] What got in the way?",
            "P02: [00:01:30] Funding as well.",
            "CD: [00:01:40] Staff were tired all the time.",
            "and the rota was late.",
            "Facilitator: [00:01:50] Mm-hmm.",
            "P02: [00:02:10] So we stopped.",
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Facilitator", "What got in the way?"),
        (
            "P02",
            "Funding as well.\nCD: Staff were tired all the time.\nand the rota was late.\n"
            "So we stopped.",
        ),
    ]
    assert t.metadata["backchannels_left_out"] == 1


def test_a_reply_after_a_note_of_the_recording_is_still_a_backchannel(tmp_path: Path) -> None:
    """A note of the recording in a label's shape (``CD: [00:01:40] Recording paused.``) asks
    no one anything: ``P01``'s ``Yes.`` after it is left out inside ``P02``'s turn, as before."""
    lines = [*TD_1[:3], "CD: [00:01:40] Recording paused.", *TD_1[4:]]
    f = _write(tmp_path / "tb_5.txt", lines)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Facilitator", "What got in the way?"),
        ("P01", "Staffing, mostly."),
        ("P02", "Funding as well.\nCD: Recording paused.\nAgreed."),
    ]
    assert t.metadata["backchannels_left_out"] == 1
