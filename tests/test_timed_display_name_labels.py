"""Speakers whose name stands above their words with a time (Otter ``Name  0:03``, Rev ``Name
(00:03):``, Zoom's saved ``[Name] 10:02:03``, Word Transcribe ``00:00:03 Name``, Happy Scribe
``[00:00:03.12] - Name``, Trint ``[00:00:03] Name``, Teams .docx) and whose name is not of a
label's usual shape: a long organisation in brackets (``Hannah Whitfield (Birmingham and
Solihull Mental Health NHS FT)``, NHSmail's ``WHITFIELD, Hannah (HERTFORDSHIRE PARTNERSHIP
UNIVERSITY NHS FOUNDATION TRUST)``), a telephone dial-in, a particle, a dash, ``iPhone``, a user
name. Before (e91b6f5c), such a name was no label: the whole file was one turn of the other
speaker, the questions coded as the participant's talk, with no warning (readers3 H1, H2)."""

from __future__ import annotations

import warnings
from pathlib import Path

import docx
import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import speaker_warning

DATA = Path(__file__).parent / "data" / "timed_display_names"
Q1 = "What gets in the way of recovery-orientated practice?"
A1 = "Staffing is the biggest barrier, honestly."
Q2 = "And how do families fit into this?"
A2 = "Families can make or break it."
LONG_NOTE = "Hannah Whitfield (Birmingham and Solihull Mental Health NHS FT)"
NHSMAIL = "WHITFIELD, Hannah (HERTFORDSHIRE PARTNERSHIP UNIVERSITY NHS FOUNDATION TRUST)"


def _read(path: Path, **kw: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **kw)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught]


def _turns(t: Transcript) -> list[tuple[str, str, float | None, str]]:
    """(speaker, role, begin time, words) of every turn; the words are the text's own."""
    return [(u.speaker, u.role, u.begin_time, t.text[u.start : u.end]) for u in t.turns]


def _interview(asker: str, answerer: str, times: tuple[float, ...] = (3, 9, 20, 25)) -> list:
    return [
        (asker, "interviewer", times[0], Q1),
        (answerer, "participant", times[1], A1),
        (asker, "interviewer", times[2], Q2),
        (answerer, "participant", times[3], A2),
    ]


@pytest.mark.parametrize(
    ("name", "asker", "answerer", "times"),
    [
        ("otter_long_note.txt", LONG_NOTE, "Gareth Price", (3, 9, 20, 25)),
        ("zoom_saved_long_note.txt", LONG_NOTE, "Gareth Price", (0, 6, 17, 22)),
        ("rev_nhsmail.txt", NHSMAIL, "Gareth Price", (3, 9, 20, 25)),
        ("otter_phone.txt", "Hannah Whitfield", "+44 7700 900123", (3, 9, 20, 25)),
        ("otter_user_names.txt", "hannah.whitfield", "gprice", (3, 9, 20, 25)),
        (
            "word_transcribe_particle.txt",
            "Hannah Whitfield",
            "Marie-Claire van der Berg",
            (3, 9, 20, 25),
        ),
        (
            "happy_scribe_dash.txt",
            "Hannah Whitfield",
            "Gareth Price - Oakwood House",
            (3.12, 9.4, 20, 25.5),
        ),
        ("trint_iphone.txt", "Hannah Whitfield", "Gareth's iPhone", (3, 9, 20, 25)),
    ],
)
def test_a_name_of_any_shape_above_the_words_with_a_time_is_a_speaker(
    name: str, asker: str, answerer: str, times: tuple[float, ...]
) -> None:
    """Each file read as 2 questions and 2 answers; before, as one turn holding it all."""
    t, said = _read(DATA / name, interviewer_labels=[asker])
    assert _turns(t) == _interview(asker, answerer, times)
    assert not [w for w in said if "inside the participant's talk" in w]


@pytest.mark.parametrize(
    ("name", "asker"), [("otter_long_note.txt", LONG_NOTE), ("rev_nhsmail.txt", NHSMAIL)]
)
def test_a_recurring_long_noted_name_takes_turns_without_being_named(name: str, asker: str) -> None:
    t, _ = _read(DATA / name)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        (asker, Q1),
        ("Gareth Price", A1),
        (asker, Q2),
        ("Gareth Price", A2),
    ]


def test_the_participant_named_on_a_dial_in_reads_the_interviewer_apart() -> None:
    """``--participant "+44 7700 900123"``: before, still one turn, all the interviewer's when
    she was named too."""
    t, _ = _read(
        DATA / "otter_phone.txt",
        interviewer_labels=["Hannah Whitfield"],
        participant_labels=["+44 7700 900123"],
    )
    assert _turns(t) == _interview("Hannah Whitfield", "+44 7700 900123")


def test_names_said_once_are_labels_only_when_the_researcher_names_them() -> None:
    t, said = _read(DATA / "otter_joined_once.txt", interviewer_labels=["Hannah Whitfield"])
    assert [u.speaker for u in t.turns] == ["Hannah Whitfield", "Gareth Price"] * 2
    assert t.text[t.turns[1].start : t.turns[1].end] == (
        f"{A1}\n\nTom Reed (Oakwood House deputy manager, Birmingham and Solihull)  0:15\n"
        "Agency staff do not know the residents.\n\n+44 7700 900456  0:18\nSorry, I joined late."
    )
    assert said == [
        f"{DATA / 'otter_joined_once.txt'}: 2 lines inside the participant's talk hold only a "
        "name and a time, as a speaker's label does ('Tom Reed (Oakwood House deputy manager, "
        "Birmingham and Solihull)  0:15', '+44 7700 900456  0:18'), and were read as talk: if "
        "they are labels, give participant_labels or interviewer_labels the name as the "
        "transcript spells it"
    ]
    t, said = _read(
        DATA / "otter_joined_once.txt",
        interviewer_labels=["Hannah Whitfield"],
        participant_labels=["Tom Reed (Oakwood House deputy manager, Birmingham and Solihull)"],
    )
    assert [(u.speaker, u.begin_time) for u in t.turns] == [
        ("Hannah Whitfield", 3.0),
        ("Gareth Price", 9.0),
        ("Tom Reed (Oakwood House deputy manager, Birmingham and Solihull)", 15.0),
        ("Hannah Whitfield", 20.0),
        ("Gareth Price", 25.0),
    ]
    assert t.text[t.turns[2].start : t.turns[2].end] == (
        "Agency staff do not know the residents.\n\n+44 7700 900456  0:18\nSorry, I joined late."
    )
    assert not [w for w in said if "inside the participant's talk" in w]


def test_the_warning_of_labels_read_as_talk_names_the_option_of_the_command_line() -> None:
    t, _ = _read(DATA / "otter_joined_once.txt", interviewer_labels=["Hannah Whitfield"])
    assert speaker_warning(t) == (
        f"{DATA / 'otter_joined_once.txt'}: 2 lines inside the participant's talk hold only a "
        "name and a time, as a speaker's label does ('Tom Reed (Oakwood House deputy manager, "
        "Birmingham and Solihull)  0:15', '+44 7700 900456  0:18'), and were read as talk: if "
        "they are labels, give --participant or --interviewer the name as the transcript "
        "spells it"
    )


def test_times_and_names_opening_talk_stay_talk() -> None:
    """``10:30 tea break`` twice in an answer, and ``Gareth 10 minutes later said ...``, in a
    file of ``00:00:03 Name`` labels: talk, no warning."""
    t, said = _read(
        DATA / "word_transcribe_times_in_talk.txt", interviewer_labels=["Hannah Whitfield"]
    )
    assert _turns(t) == [
        ("Hannah Whitfield", "interviewer", 3.0, "What happens in a morning?"),
        (
            "Gareth Price",
            "participant",
            9.0,
            "The day starts early.\n10:30 tea break\nThen the ward round, and then\n"
            "11:30 tea break\nagain.",
        ),
        ("Hannah Whitfield", "interviewer", 20.0, "And then?"),
        ("Gareth Price", "participant", 25.0, "Gareth 10 minutes later said it was fine."),
    ]
    assert said == []


def test_a_teams_docx_with_a_long_noted_name_reads_its_turns(tmp_path: Path) -> None:
    d = docx.Document()
    for label, words in [
        (f"{LONG_NOTE}   0:03", Q1),
        ("Gareth Price   0:09", A1),
        (f"{LONG_NOTE}   0:20", Q2),
        ("Gareth Price   0:25", A2),
    ]:
        d.add_paragraph(label)
        d.add_paragraph(words)
    d.add_paragraph(f"{NHSMAIL} stopped transcription")  # Teams' notice, a long name: no words
    f = tmp_path / "teams.docx"
    d.save(str(f))
    t, _ = _read(f, interviewer_labels=[LONG_NOTE])
    assert _turns(t) == _interview(LONG_NOTE, "Gareth Price")


def test_a_word_table_whose_speaker_cells_hold_a_long_note_is_a_transcript(
    tmp_path: Path,
) -> None:
    """Before, the table was dropped: "no speech found"."""
    d = docx.Document()
    table = d.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Time", "Speaker", "Text"]):
        cell.text = text
    for time, speaker, words in [
        ("00:00:03", LONG_NOTE, Q1),
        ("00:00:09", "Gareth Price", A1),
        ("00:00:20", LONG_NOTE, Q2),
        ("00:00:25", "Gareth Price", A2),
    ]:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = time, speaker, words
    f = tmp_path / "table.docx"
    d.save(str(f))
    t, _ = _read(f, interviewer_labels=[LONG_NOTE])
    assert _turns(t) == _interview(LONG_NOTE, "Gareth Price")
