"""A paragraph of a speaker's answer that opens with a header field's name ("Note:", "Time:",
"Location:") is that speaker's talk, in the layouts that put the speaker's name on a line of its
own above the words (Otter, Rev, Teams, Zoom's saved captions); and words that no turn holds
are reported, not lost."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

ANSWER = "I manage the community team, and have done since 2019, mostly home visits."
NOTE = "Note: we still keep a paper copy in the office."
MORE = "And the rota is on the wall."
ANSWER_WHOLE = f"{ANSWER}\n\n{NOTE}\n\n{MORE}"


def _turns(path: Path) -> list[tuple[str, str]]:
    t = read_transcript(path, interviewer_labels=["Interviewer", "Sam Roe", "Speaker 1"])
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


@pytest.mark.parametrize(
    ("name", "first", "second", "asker", "answerer"),
    [  # Otter's name and time, Rev's, Zoom's saved captions
        ("otter.txt", "Speaker 1  0:03", "Speaker 2  0:10", "Speaker 1", "Speaker 2"),
        ("rev.txt", "Sam Roe (00:00:03):", "Ada Lee (00:00:10):", "Sam Roe", "Ada Lee"),
        ("zoom.txt", "[Sam Roe] 10:00:03", "[Ada Lee] 10:00:10", "Sam Roe", "Ada Lee"),
    ],
)
def test_a_paragraph_opening_with_a_field_name_goes_on_with_the_answer(
    tmp_path: Path, name: str, first: str, second: str, asker: str, answerer: str
) -> None:
    later = first.replace("03", "23")
    text = (
        f"{first}\nCould you tell me about your role here?\n\n{second}\n{ANSWER}\n\n{NOTE}\n\n"
        f"{MORE}\n\n{later}\nHow was the system funded?\n"
    )
    assert _turns(_write(tmp_path, name, text)) == [
        (asker, "Could you tell me about your role here?"),
        (answerer, ANSWER_WHOLE),
        (asker, "How was the system funded?"),
    ]


@pytest.mark.parametrize("field", ["Time", "Location", "Consent", "Recording"])
def test_other_field_names_in_an_otter_answer_are_talk(tmp_path: Path, field: str) -> None:
    said = f"{field}: that was the hard part, honestly."
    text = (
        "Speaker 1  0:03\nWhat got in the way?\n\n"
        f"Speaker 2  0:10\n{ANSWER}\n\n{said}\n\nSpeaker 1  0:23\nThanks.\n"
    )
    assert _turns(_write(tmp_path, "p04.txt", text))[1] == ("Speaker 2", f"{ANSWER}\n\n{said}")


def test_a_teams_word_transcript_keeps_a_note_paragraph_in_the_answer(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in (
        "Sam Roe   0:03",
        "Could you tell me about your role here?",
        "Ada Lee   0:10",
        ANSWER,
        NOTE,
        MORE,
        "Sam Roe   0:23",
        "How was the system funded?",
    ):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    assert _turns(f) == [
        ("Sam Roe", "Could you tell me about your role here?"),
        ("Ada Lee", f"{ANSWER}\n{NOTE}\n{MORE}"),
        ("Sam Roe", "How was the system funded?"),
    ]


def test_a_header_above_an_otter_transcript_is_still_a_header(tmp_path: Path) -> None:
    text = (
        "Date: 12 March 2021\nLocation: Leeds\nParticipant ID: P04\n\n"
        f"Speaker 1  0:03\nWhat got in the way?\n\nSpeaker 2  0:10\n{ANSWER}\n"
    )
    t = read_transcript(_write(tmp_path, "interview.txt", text))
    assert t.participant == "P04"
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Speaker 1", "What got in the way?"),
        ("Speaker 2", ANSWER),
    ]
    from roqa_nlp.transcripts.unlabelled import no_turn_warning

    assert no_turn_warning(t) is None


def test_words_read_into_no_turn_are_reported(tmp_path: Path) -> None:
    text = (
        "Sam Roe: What helped?\n"
        "Ada Lee: The champion helped most of all, really, week in and week out.\n"
        "Sam Roe stopped transcription\n"
        "and the training, later on.\n"
        "Sam Roe: Thanks.\n"
    )
    f = _write(tmp_path, "p04.txt", text)
    t = read_transcript(f)
    assert [t.text[u.start : u.end] for u in t.turns] == [
        "What helped?",
        "The champion helped most of all, really, week in and week out.",
        "Thanks.",
    ]
    from roqa_nlp.transcripts.unlabelled import no_turn_warning

    assert no_turn_warning(t) == (
        f"{f}: 1 line (line 4) under no speaker's label after a line that ended a turn was left "
        "out, not coded: 'and the training, later on.' (put the speaker's name on it, or on the "
        "line above, to have it coded)"
    )


def test_word_paragraphs_read_into_no_turn_are_reported(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in (
        "Sam Roe: What helped?",
        "Ada Lee: The champion helped most of all, really, week in and week out.",
        "Sam Roe stopped transcription",
        "and the training, later on.",
        "Sam Roe: Thanks.",
    ):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    t = read_transcript(f)
    from roqa_nlp.transcripts.unlabelled import no_turn_warning

    assert no_turn_warning(t) == (
        f"{f}: 1 paragraph under no speaker's label after a line that ended a turn was left "
        "out, not coded: 'and the training, later on.' (put the speaker's name on it, or on the "
        "line above, to have it coded)"
    )


def test_inspect_reports_the_words_no_turn_holds(tmp_path: Path) -> None:
    import json

    from test_cli_core import roqa

    f = _write(
        tmp_path,
        "p04.txt",
        "Sam Roe: What helped?\n"
        "Ada Lee: The champion helped most of all, really, week in and week out.\n"
        "Sam Roe stopped transcription\n"
        "and the training, later on.\n"
        "Sam Roe: Thanks.\n",
    )
    run = roqa("inspect", f, "--json", "--interviewer", "Sam Roe")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert got["left_out"] == (
        f"{f}: 1 line (line 4) under no speaker's label after a line that ended a turn was left "
        "out, not coded: 'and the training, later on.' (put the speaker's name on it, or on the "
        "line above, to have it coded)"
    )


TITLE = "Interview date: 3 May 2026\nLocation: Zoom\nParticipant: P04\nInterviewer: Sam Roe\n\n"


@pytest.mark.parametrize(
    ("name", "title", "said", "first", "second", "asker", "answerer"),
    [  # the field's name in the title block and once more, opening a paragraph of an answer
        (
            "rev.txt",
            TITLE,
            "Location",
            "Sam Roe (00:00:03):",
            "Ada Lee (00:00:10):",
            "Sam Roe",
            "Ada Lee",
        ),
        (
            "otter.txt",
            TITLE,
            "Location",
            "Speaker 1  0:03",
            "Speaker 2  0:10",
            "Speaker 1",
            "Speaker 2",
        ),
        (
            "note.txt",
            "Note: transcribed verbatim, names changed\n" + TITLE,
            "Note",
            "Sam Roe (00:00:03):",
            "Ada Lee (00:00:10):",
            "Sam Roe",
            "Ada Lee",
        ),
    ],
)
def test_a_field_named_in_the_title_block_and_once_in_an_answer_is_no_speaker(
    tmp_path: Path,
    name: str,
    title: str,
    said: str,
    first: str,
    second: str,
    asker: str,
    answerer: str,
) -> None:
    from roqa_nlp.transcripts.roles import participant_labels_warning

    paragraph = f"{said}: mostly the acute medical unit, then the surgical wards."
    later = first.replace("03", "23")
    text = (
        f"{title}{first}\nCould you tell me about your role here?\n\n{second}\n{ANSWER}\n\n"
        f"{paragraph}\n\n{later}\nHow was the system funded?\n"
    )
    f = _write(tmp_path, name, text)
    t = read_transcript(f, interviewer_labels=["Speaker 1"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (asker, "Could you tell me about your role here?"),
        (answerer, f"{ANSWER}\n\n{paragraph}"),
        (asker, "How was the system funded?"),
    ]
    assert t.participant == "P04"
    assert participant_labels_warning(t) is None


def test_a_teams_word_transcript_with_a_location_field_keeps_the_paragraph(
    tmp_path: Path,
) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    paragraph = "Location: mostly the acute medical unit, then the surgical wards."
    for p in (
        "Interview date: 3 May 2026",
        "Location: Zoom",
        "Participant: P04",
        "Sam Roe   0:03",
        "Could you tell me about your role here?",
        "Ada Lee   0:10",
        ANSWER,
        paragraph,
        "Sam Roe   0:23",
        "How was the system funded?",
    ):
        d.add_paragraph(p)
    f = tmp_path / "p04.docx"
    d.save(str(f))
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "Could you tell me about your role here?"),
        ("Ada Lee", f"{ANSWER}\n{paragraph}"),
        ("Sam Roe", "How was the system funded?"),
    ]
    assert t.participant == "P04"


def test_a_field_said_twice_in_the_talk_is_still_a_speaker(tmp_path: Path) -> None:
    text = (
        TITLE + "Sam Roe (00:00:03):\nCould you tell me about your role here?\n\n"
        f"Location (00:00:10):\n{ANSWER}\n\nSam Roe (00:00:23):\nAnd funding?\n\n"
        "Location (00:00:30):\nThe trust paid for it in the end, after a long wait.\n"
    )
    t = read_transcript(_write(tmp_path, "p04.txt", text))
    assert [u.speaker for u in t.turns] == ["Sam Roe", "Location", "Sam Roe", "Location"]


def _docx(path: Path, paragraphs: list[str], header: Sequence[tuple[str, str]] = ()) -> Path:
    """A Word file of ``paragraphs``, below a ``field | value`` table of ``header`` if any."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    if header:
        table = d.add_table(rows=len(header), cols=2)
        for row, (field, value) in zip(table.rows, header, strict=True):
            row.cells[0].text, row.cells[1].text = field, value
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


HEADER_TABLE = [
    ("Participant ID", "RM03"),
    ("Interviewer", "Dr Priya Shah"),
    ("Date", "12/03/2026"),
]
TRAINING = "Training: the mandatory stuff is all online, nothing on recovery or on hope."
PAPER_COPY = "Note: we still keep a paper copy of every goal plan in the office."


def _q_and_a(q: str, a: str, *said: str) -> list[str]:
    return [
        f"{q}What helps your support workers work in a recovery-focused way?",
        f"{a}Supervision helps. Every support worker gets it monthly with me.",
        *said,
        f"{q}Right.",
        f"{a}Turnover. I lost four support workers last year to the supermarket.",
        f"{q}Is the pay set by your organisation or by the contract?",
        f"{a}By the contract, in practice.",
    ]


@pytest.mark.parametrize("header", [HEADER_TABLE, []], ids=["header table", "no header"])
@pytest.mark.parametrize(("q", "a"), [("Q. ", "A. "), ("Q\t", "A\t")], ids=["full stop", "tab"])
def test_a_field_name_said_once_in_a_q_dot_answer_is_talk(
    tmp_path: Path, header: list[tuple[str, str]], q: str, a: str
) -> None:
    """``Training:`` and ``Note:`` opening paragraphs of an answer labelled ``A.`` are the
    answer's words, below a ``field | value`` header table too. Before, with the table, they
    were speakers 'Training' and 'Note' (the one-off labels were judged before the ``Q.`` /
    ``A.`` labels were found, beside only the table's fields), so the answer was cut in three
    and the interviewer's ``Right.`` was no longer a backchannel inside it."""
    f = _docx(tmp_path / "rm03.docx", _q_and_a(q, a, TRAINING, PAPER_COPY), header)
    t = read_transcript(f)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Q", "What helps your support workers work in a recovery-focused way?"),
        (
            "A",
            "Supervision helps. Every support worker gets it monthly with me.\n"
            f"{TRAINING}\n{PAPER_COPY}\n"
            "Turnover. I lost four support workers last year to the supermarket.",
        ),
        ("Q", "Is the pay set by your organisation or by the contract?"),
        ("A", "By the contract, in practice."),
    ]


def test_a_word_label_said_once_below_a_lone_participant_label_is_talk(tmp_path: Path) -> None:
    """``INTERVIEWER`` and ``PARTICIPANT`` alone on their lines, a script's layout: the
    answer's paragraph opening ``Training:`` is PARTICIPANT's, and ``Mary:``, said once between
    turns, a speaker. Before, the one-off labels were judged before the lone labels were found:
    with a name among them, none was read as talk, and 'Training' was a speaker."""
    said = "Training: honestly, it was the biggest lever we had."
    paragraphs = [
        "INTERVIEWER",
        "What does recovery mean to you, day to day?",
        "PARTICIPANT",
        "The tenant sets the goal, not us.",
        "INTERVIEWER",
        "How did you go about changing that among the team?",
        "PARTICIPANT",
        said,
        "The trouble is the budget.",
        "Mary: Sorry to interrupt, your ten o'clock is here.",
        "INTERVIEWER",
        "And the families, where do they fit in?",
        "PARTICIPANT",
        "Families can make or break it.",
    ]
    t = read_transcript(_docx(tmp_path / "rm03.docx", paragraphs))
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("INTERVIEWER", "What does recovery mean to you, day to day?"),
        ("PARTICIPANT", "The tenant sets the goal, not us."),
        ("INTERVIEWER", "How did you go about changing that among the team?"),
        ("PARTICIPANT", f"{said}\nThe trouble is the budget."),
        ("Mary", "Sorry to interrupt, your ten o'clock is here."),
        ("INTERVIEWER", "And the families, where do they fit in?"),
        ("PARTICIPANT", "Families can make or break it."),
    ]


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("Dr Lee: Can I come in there? What about agency staff?", "Dr Lee"),
        ("Grace: I'd add that the rota helps.", "Grace"),
    ],
    ids=["a third speaker", "a first name"],
)
def test_a_name_said_once_beside_q_dot_labels_is_still_a_speaker(
    tmp_path: Path, said: str, speaker: str
) -> None:
    """A person's name said once beside ``Q.`` / ``A.`` labels (a focus group's third
    speaker, a participant labelled by first name) stays a speaker."""
    f = _docx(tmp_path / "rm03.docx", _q_and_a("Q. ", "A. ", said), HEADER_TABLE)
    t = read_transcript(f)
    assert [u.speaker for u in t.turns] == ["Q", "A", speaker, "Q", "A", "Q", "A"]
    assert t.text[t.turns[2].start : t.turns[2].end] == said.split(": ", 1)[1]


def _script(said: str) -> list[str]:
    """The exchange of :func:`_q_and_a` with ``INTERVIEWER`` / ``PARTICIPANT`` alone on their
    lines above the words, ``said`` opening a paragraph after the first answer."""
    return [
        "INTERVIEWER",
        "What helps your support workers work in a recovery-focused way?",
        "PARTICIPANT",
        "Supervision helps. Every support worker gets it monthly with me.",
        said,
        "PARTICIPANT",
        "Turnover. I lost four support workers last year to the supermarket.",
        "INTERVIEWER",
        "Is the pay set by your organisation or by the contract?",
        "PARTICIPANT",
        "By the contract, in practice.",
    ]


KP_ASKS = ("KP: Sorry, just to follow up, who paid for the backfill?", "interviewer", True)
JM_ADDS = ("JM: I'd add that the bank staff get nothing at all.", "participant", False)
LOOSE_LAYOUTS = ["Q. docx, header table", "Q tab docx", "Q. txt", "script txt", "script docx"]


@pytest.mark.parametrize(
    ("layout", "said", "role", "warned"),
    [(layout, *said) for layout in LOOSE_LAYOUTS for said in (KP_ASKS, JM_ADDS)]
    + [
        (
            "Q. docx, header table",
            "Training: is there any budget for it now?",
            "interviewer",
            True,
        )
    ],
)
def test_a_co_interviewers_initials_said_once_beside_loose_labels_are_a_speaker(
    tmp_path: Path, layout: str, said: str, role: str, warned: bool
) -> None:
    """Initials said once beside ``Q.`` / ``A.``, ``Q<TAB>`` or lone ``INTERVIEWER`` /
    ``PARTICIPANT`` labels (``KP: Sorry, just to follow up, ...?``) are a speaker: one who
    only asks is read as a second interviewer, with a warning, one who adds is a participant.
    Before, judged as talk like ``Training: the mandatory stuff ...``, the follow-up question
    was joined to the participant's coded answer with no warning. A word whose line asks,
    below a header table, stays a speaker too, as before that rule."""
    label = said.split(":", 1)[0]
    if layout.startswith("script"):
        paragraphs = _script(said)
        speakers = ["INTERVIEWER", "PARTICIPANT", label, "PARTICIPANT", "INTERVIEWER"]
        speakers.append("PARTICIPANT")
    else:
        q, a = ("Q\t", "A\t") if "tab" in layout else ("Q. ", "A. ")
        paragraphs = _q_and_a(q, a, said)
        speakers = ["Q", "A", label, "Q", "A", "Q", "A"]
    header = HEADER_TABLE if "header" in layout else []
    if layout.endswith("txt"):
        f = _write(tmp_path, "p07.txt", ("\n\n" if "script" in layout else "\n").join(paragraphs))
    else:
        f = _docx(tmp_path / "p07.docx", paragraphs, header)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert [u.speaker for u in t.turns] == speakers
    assert (t.turns[2].role, t.text[t.turns[2].start : t.turns[2].end]) == (
        role,
        said.split(": ", 1)[1],
    )
    asked = [w for w in caught if f"{label!r} only asks a question" in str(w.message)]
    assert len(asked) == warned
