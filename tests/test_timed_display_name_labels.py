"""Speakers whose name stands above their words with a time (Otter ``Name  0:03``, Rev ``Name
(00:03):``, Zoom's saved ``[Name] 10:02:03``, Word Transcribe ``00:00:03 Name``, Happy Scribe
``[00:00:03.12] - Name``, Trint ``[00:00:03] Name``, Teams .docx) and whose name is not of a
label's usual shape: a long organisation in brackets (``Hannah Whitfield (Birmingham and
Solihull Mental Health NHS FT)``, NHSmail's ``WHITFIELD, Hannah (HERTFORDSHIRE PARTNERSHIP
UNIVERSITY NHS FOUNDATION TRUST)``), a telephone dial-in, a particle, a dash, ``iPhone``, a user
name. Before (e91b6f5c), such a name was no label: the whole file was one turn of the other
speaker, the questions coded as the participant's talk, with no warning (readers3 H1, H2)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import docx
import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import speaker_warning
from roqa_nlp.transcripts.timecodes import parse_timecode

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


# Lines of talk shaped as a name and a time are no labels (hunt4 s79: F1-F5): each file reads as
# it did before names of any shape were read (e91b6f5c), exact turns.


def _lines(name: str, first: int, last: int) -> str:
    """Lines ``first`` to ``last`` (from 1, both kept) of the fixture ``name``."""
    return "\n".join((DATA / name).read_text(encoding="utf-8").splitlines()[first - 1 : last])


def _asked_and_answered(name: str, times: tuple[float, ...], ends: tuple[int, ...]) -> list:
    """Hannah Whitfield asks and Gareth Price answers twice in the fixture ``name``, each turn's
    label on its own line, the words on the lines after it up to each of ``ends``."""
    starts = (1, ends[0] + 2, ends[1] + 2, ends[2] + 2)
    return [
        (speaker, time, _lines(name, start + 1, end))
        for speaker, time, start, end in zip(
            ["Hannah Whitfield", "Gareth Price"] * 2, times, starts, ends, strict=True
        )
    ]


@pytest.mark.parametrize(
    ("name", "times", "ends"),
    [
        # "7:30 am" ... "9:30 pm" in Gareth's answer: no speaker "pm"
        ("talk_otter_shift_times.txt", (3, 9, 40, 45), (2, 13, 16, 19)),
        # "until 15:30" / "until 21:30", name first as Otter's labels: no speaker "until" (it was
        # one on e91b6f5c too, by the usual label-and-time shape)
        ("talk_otter_until.txt", (3, 9, 40, 45), (2, 9, 12, 15)),
        # a programme read out, "10:30 break" / "15:00 break": no speaker "break"
        ("talk_word_transcribe_programme.txt", (3, 9, 70, 75), (2, 14, 17, 20)),
    ],
)
@pytest.mark.parametrize("named", [None, ["Hannah Whitfield"]])
def test_a_word_or_a_note_after_a_time_said_twice_in_an_answer_is_talk(
    name: str, times: tuple[float, ...], ends: tuple[int, ...], named: list[str] | None
) -> None:
    t, said = _read(DATA / name, interviewer_labels=named)
    assert [(u.speaker, u.begin_time, t.text[u.start : u.end]) for u in t.turns] == (
        _asked_and_answered(name, times, ends)
    )
    assert [u.role for u in t.turns] == (
        ["participant"] * 4 if named is None else ["interviewer", "participant"] * 2
    )
    assert not [w for w in said if "inside the participant's talk" in w]


NOTED = (
    "Staffing is the biggest barrier, honestly. We run on agency staff most nights and\ninaudible\n"
)


@pytest.mark.parametrize("named", [None, ["Hannah Whitfield"]])
def test_a_transcribers_note_after_a_time_said_twice_is_no_speaker(
    named: list[str] | None,
) -> None:
    # "[00:00:15] inaudible" twice in an answer: the time marks left out, as before
    t, said = _read(DATA / "talk_trint_notes.txt", interviewer_labels=named)
    asks = "participant" if named is None else "interviewer"
    assert _turns(t) == [
        ("Hannah Whitfield", asks, 3, _lines("talk_trint_notes.txt", 2, 2)),
        (
            "Gareth Price",
            "participant",
            9,
            f"{NOTED}so the plans don't get read. And the families, they ring and\ninaudible\n"
            "and nobody picks up.",
        ),
        ("Hannah Whitfield", asks, 30, "And how do families fit into this?"),
        ("Gareth Price", "participant", 35, "Families can make or break it. Some visit every day."),
    ]
    assert not [w for w in said if "inside the participant's talk" in w]


def test_transcriber_notes_with_a_time_are_no_speakers_in_a_file_of_colon_labels() -> None:
    # "[00:01:15] inaudible" and "[00:01:40] (laughs)", each twice: no labels of their own make
    # their evidence
    t, _ = _read(DATA / "talk_colon_notes.txt")
    assert _turns(t) == [
        ("Interviewer", "interviewer", None, _lines("talk_colon_notes.txt", 1, 1)[13:]),
        (
            "Participant",
            "participant",
            None,
            f"{NOTED}so the care plans don't get read.\n(laughs)\nIt's not funny really.",
        ),
        ("Interviewer", "interviewer", None, "And how do families fit into this?"),
        (
            "Participant",
            "participant",
            None,
            "Families can make or break it. Some visit every day, and they ring and\ninaudible\n"
            "and nobody picks up.\n(laughs)\nWe do try.",
        ),
    ]


def test_a_web_site_opening_lines_of_an_unlabelled_answer_is_no_speaker() -> None:
    t, said = _read(DATA / "talk_plain_web_sites.txt")
    name = "talk_plain_web_sites.txt"
    assert _turns(t) == [
        ("Participant", "participant", None, _lines(name, 1, 1)),
        ("Participant", "participant", None, _lines(name, 3, 7)),
        ("Participant", "participant", None, _lines(name, 9, 9)),
        ("Participant", "participant", None, _lines(name, 11, 11)),
    ]
    assert any("no speaker labels found" in w for w in said)


def _answers_holding(lines: tuple[str, str], *, layout: str = "otter") -> str:
    """An Otter (``Name  0:03``) or Word Transcribe (``00:00:03 Name``) file where Gareth Price's
    two answers each hold one of ``lines``, a paragraph of its own, between his words."""
    label = {
        "otter": lambda name, t: f"{name}  0:{t:02d}",
        "word": lambda name, t: f"00:00:{t:02d} {name}",
    }[layout]
    return (
        f"{label('Hannah Whitfield', 3)}\n{Q1}\n\n{label('Gareth Price', 9)}\n{A1}\n\n"
        f"{lines[0]}\nWe cover it as we can.\n\n{label('Hannah Whitfield', 30)}\n{Q2}\n\n"
        f"{label('Gareth Price', 35)}\n{A2}\n\n{lines[1]}\nThen it starts again.\n"
    )


@pytest.mark.parametrize(
    ("lines", "layout"),
    [
        # a word of the language after a time, as Word writes a label: talk
        (("00:00:15 handover", "00:00:40 handover"), "word"),
        (("00:00:15 pm", "00:00:40 pm"), "word"),
        # a lower-case word before a time, as Otter writes a label: talk
        (("handover  0:15", "handover  0:40"), "otter"),
        (("by 0:15", "by 0:40"), "otter"),
        # time first in a file whose labels have the name first: talk
        (("0:15 Amy Lee - Band 6", "0:40 Amy Lee - Band 6"), "otter"),
        # a time after the next label's: a clock time, no label's
        (("00:10:15 amy.lee", "00:14:15 amy.lee"), "word"),
    ],
)
def test_a_name_and_a_time_unlike_the_files_labels_is_talk(
    tmp_path: Path, lines: tuple[str, str], layout: str
) -> None:
    f = tmp_path / "interview.txt"
    f.write_text(_answers_holding(lines, layout=layout), encoding="utf-8")
    t, _ = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert [u.speaker for u in t.turns] == ["Hannah Whitfield", "Gareth Price"] * 2
    assert t.text[t.turns[1].start : t.turns[1].end] == (
        f"{A1}\n\n{lines[0]}\nWe cover it as we can."
    )
    assert t.text[t.turns[3].start : t.turns[3].end] == f"{A2}\n\n{lines[1]}\nThen it starts again."


def test_a_user_name_in_the_files_own_label_layout_is_still_a_speaker(tmp_path: Path) -> None:
    f = tmp_path / "interview.txt"
    f.write_text(_answers_holding(("", ""), layout="word").replace("Gareth Price", "gprice"))
    t, _ = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert [(u.speaker, u.begin_time) for u in t.turns] == [
        ("Hannah Whitfield", 3),
        ("gprice", 9),
        ("Hannah Whitfield", 30),
        ("gprice", 35),
    ]


def test_a_web_site_opening_lines_in_two_answers_of_a_colon_file_is_no_speaker(
    tmp_path: Path,
) -> None:
    f = tmp_path / "interview.txt"
    f.write_text(
        f"Hannah Whitfield: {Q1}\nGareth Price: {A1}\nnhs.uk: good for the basics.\n"
        f"Hannah Whitfield: {Q2}\nGareth Price: {A2}\nnhs.uk: has the leaflets.\n",
        encoding="utf-8",
    )
    t, _ = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Hannah Whitfield", Q1),
        ("Gareth Price", f"{A1}\nnhs.uk: good for the basics."),
        ("Hannah Whitfield", Q2),
        ("Gareth Price", f"{A2}\nnhs.uk: has the leaflets."),
    ]


def test_a_programme_table_in_an_answer_makes_no_speakers(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Interviewer: Can you tell me how the recovery training day was organised?")
    d.add_paragraph("Participant: Yes, this is the programme we sent round to the wards.")
    table = d.add_table(rows=0, cols=3)
    for row in [
        ("09:30", "Registration - Main Hall, Education Centre, ground floor", "Tea and coffee"),
        ("10:00", "Welcome - Director of Nursing and the Recovery College lead", "Recovery"),
        ("11:00", "Workshop 1 - Writing recovery plans with families and carers", "Groups"),
        ("15:00", "Close - Director of Nursing and the Recovery College lead", "Evaluation"),
    ]:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    d.add_paragraph("Participant: It was a long day, but the best training they'd had.")
    d.add_paragraph("Interviewer: What changed on the wards afterwards?")
    d.add_paragraph("Participant: Not as much as we hoped.")
    f = tmp_path / "programme.docx"
    d.save(str(f))
    t, _ = _read(f)
    assert _turns(t) == [
        (
            "Interviewer",
            "interviewer",
            None,
            "Can you tell me how the recovery training day was organised?",
        ),
        (
            "Participant",
            "participant",
            None,
            "Yes, this is the programme we sent round to the wards.\n"
            "It was a long day, but the best training they'd had.",
        ),
        ("Interviewer", "interviewer", None, "What changed on the wards afterwards?"),
        ("Participant", "participant", None, "Not as much as we hoped."),
    ]


@pytest.mark.parametrize(
    "lines",
    [
        ("07:30 early", "19:30 late"),
        ("10:00 start", "11:00 finish"),
        ("07:30 Amy Lee - Band 6", "19:30 Amy Lee - Band 6"),
    ],
)
def test_a_rota_read_as_talk_is_not_warned_of(tmp_path: Path, lines: tuple[str, str]) -> None:
    f = tmp_path / "interview.txt"
    f.write_text(
        f"Hannah Whitfield  0:03\n{Q1}\n\nGareth Price  0:09\nThe shifts are\n{lines[0]}\nand\n"
        f"{lines[1]}\nevery day.\n\nHannah Whitfield  0:40\n{Q2}\n\nGareth Price  0:45\n{A2}\n",
        encoding="utf-8",
    )
    t, said = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert t.text[t.turns[1].start : t.turns[1].end] == (
        f"The shifts are\n{lines[0]}\nand\n{lines[1]}\nevery day."
    )
    assert said == []
    assert speaker_warning(t) is None


def test_naming_one_of_two_unread_names_reads_the_other_beside_it(tmp_path: Path) -> None:
    # no label of the usual shape: the name the researcher gives is the evidence for the other
    f = tmp_path / "trint.txt"
    asker, answerer = "Whitfield, Hannah (HPFT)", "Price, Gareth (Guest)"
    f.write_text(
        f"[00:00:03] {asker}\n{Q1}\n\n[00:00:09] {answerer}\n{A1}\n\n"
        f"[00:00:20] {asker}\n{Q2}\n\n[00:00:25] {answerer}\n{A2}\n",
        encoding="utf-8",
    )
    t, _ = _read(f, participant_labels=[answerer])
    assert [(u.speaker, u.begin_time, t.text[u.start : u.end]) for u in t.turns] == [
        (asker, 3, Q1),
        (answerer, 9, A1),
        (asker, 20, Q2),
        (answerer, 25, A2),
    ]


JOINED = """Hannah Whitfield  0:03
What gets in the way of recovery-orientated practice?

Gareth Price  0:09
Staffing is the biggest barrier, honestly.

Amy Lee  0:30
Can I add, the agency staff never see the plans.

Hannah Whitfield  0:40
And how do families fit into this?

Gareth Price  0:45
Families can make or break it.

Gareth Price  0:52
Some visit every day.
"""


def test_a_third_person_who_speaks_once_in_time_is_a_speaker(tmp_path: Path) -> None:
    # said once, between the turns around it in time, laid out as they are: a speaker, as before;
    # and Gareth's two turns in a row (as Otter writes a pause) stay his
    f = tmp_path / "joined.txt"
    f.write_text(JOINED, encoding="utf-8")
    t, _ = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert [(u.speaker, u.role, u.begin_time) for u in t.turns] == [
        ("Hannah Whitfield", "interviewer", 3),
        ("Gareth Price", "participant", 9),
        ("Amy Lee", "participant", 30),
        ("Hannah Whitfield", "interviewer", 40),
        ("Gareth Price", "participant", 45),
    ]
    assert t.text[t.turns[2].start : t.turns[2].end] == (
        "Can I add, the agency staff never see the plans."
    )
    # the second label blanked in the text, as the reader keeps every offset
    assert t.text[t.turns[4].start : t.turns[4].end] == (
        "Families can make or break it.\n\n"
        + " " * len("Gareth Price  0:52")
        + "\nSome visit every day."
    )


# A person who speaks once, whose name reads as a person's, stays a speaker whatever the layout
# or the time of their one line (hunt5 s80 F1-F4: each was read as talk on lfix3's rule, their
# label line and words inside the turn above, with no warning). Each file is hunt5's own.
_OTTER_OR_HAPPY_LABEL = re.compile(
    r"(?:\[(?P<happy>[\d:.]+)\] - )?(?P<name>Hannah Whitfield|Gareth Price|Mary Okafor)"
    r"(?:  (?P<otter>[\d:]+))?"
)


def _turns_as_labelled(text: str) -> list[tuple[str, str, float | None, str]]:
    """What each label line of ``text`` says: (speaker, role, begin time, words below it), Hannah
    Whitfield asking, in the file's order."""
    out: list[tuple[str, str, float | None, str]] = []
    for block in text.strip().split("\n\n"):
        label, words = block.split("\n", 1)
        m = _OTTER_OR_HAPPY_LABEL.fullmatch(label)
        assert m is not None, label
        role = "interviewer" if m["name"] == "Hannah Whitfield" else "participant"
        out.append((m["name"], role, parse_timecode(m["happy"] or m["otter"]), words.strip()))
    return out


@pytest.mark.parametrize(
    "name",
    [
        "otter_manager_after_hour.txt",  # F1: her one line after the hour, 1:00:05 after 58:30
        "otter_overlap_interjection.txt",  # F2: 0:57 after Hannah's 0:58
        "otter_restart_short_first_part.txt",  # F2: the recording restarted after her
        "happy_hand_added_line.txt",  # F3: [00:00:57] among [00:00:56.00]
        "otter_first_label_out_of_order.txt",  # F4: the first line, 0:20 before 0:03
        # twice, each time before the question it follows, each line opening a paragraph
        "otter_joiner_twice_out_of_order.txt",
        # hunt5's random battery: a joiner said once or twice, one time off (typo), a restart,
        # the hour crossed
        "rnd_joiner_047_typo.txt",
        "rnd_joiner_015_typo.txt",
        "rnd_joiner_153_restart.txt",
        "rnd_joiner_238_hour_mid.txt",
    ],
)
def test_a_person_who_speaks_once_out_of_order_or_layout_is_a_speaker(name: str) -> None:
    f = DATA / name
    expected = _turns_as_labelled(f.read_text(encoding="utf-8"))
    assert "Mary Okafor" in {speaker for speaker, *_ in expected}
    t, said = _read(f, interviewer_labels=["Hannah Whitfield"])
    assert [(s, r, b, w.strip()) for s, r, b, w in _turns(t)] == expected
    assert not [w for w in said if "left out" in w]
