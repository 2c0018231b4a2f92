"""A name with initials is a speaker's label only where the file shows turns (session 68 hunt
h_labels, after 8584ad65 read ``Dr. A. Khan:`` as a label): said once or twice inside an answer,
``N. Yorkshire:``, ``C. Difficile:``, a quoted ``J. Smith: why ...?`` are talk, as before. R1 they
were split off as participants; R2 such a label stopped the interviewer guess; R3 a participant's
question became an interviewer's; R4 ``A.M. Shift:`` said twice was a speaker with no word
check; R5 ``A. N. Yorkshire:`` in a Q./A. transcript swallowed the answer's place; R6 a quoted
person was split off. A name said three times, in Otter's or Rev's layout, one of two labels
that alternate, or a paragraph of its own where each turn is one, stays a label."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import line_labels


def _read(path: Path, text: str | None = None, *interviewer: str) -> Transcript:
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=list(interviewer) or None)


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _iv_p01(answer: str, more: str = "Good infection control training.") -> str:
    return (
        f"Interviewer: What went wrong that winter?\nP01: {answer}\n"
        f"Interviewer: And what helped?\nP01: {more}\n"
    )


ANSWERS_WITH_NAMES = [
    # R1: places and germs
    "We had two outbreaks on the ward.\nC. Difficile: three residents, all recovered.\n"
    "E. Coli: one, a urine infection that spread.\nThe inspectors were fine with it.",
    "We cover a few areas now.\nN. Yorkshire: two supported houses and a floating team.\n"
    "W. Yorkshire: four houses, mostly in Leeds.\nAnd that's it really.",
    # R6: people quoted or named
    "Lots of people.\nJ. Smith: he ran the rota then.\nA. Jones: the ward manager.",
    "Mostly old favourites.\nC. S. Lewis: I reread Narnia every year.\nT. S. Eliot: at Christmas.",
    "Badly at first.\nDr. A. Khan: what is the evidence for this? That was what she said.\n"
    "I told her we'd send the papers.",
    # R4: said twice, no name
    "It changed.\nA.M. Shift: two staff.\nP.M. Shift: three staff.\nAfter the cuts it got worse.\n"
    "A.M. Shift: one member of staff.\nP.M. Shift: two, if we are lucky.",
    "Two plans.\nPlan A. Staffing: hire more.\nPlan B. Money: ask the council.\nThen in year two:\n"
    "Plan A. Staffing: hire more again.\nPlan B. Money: ask the council again.",
]


@pytest.mark.parametrize("answer", ANSWERS_WITH_NAMES)
def test_names_with_initials_inside_an_answer_are_its_words(tmp_path: Path, answer: str) -> None:
    t = _read(tmp_path / "p01.txt", _iv_p01(answer))
    assert _turns(t) == [
        ("Interviewer", "interviewer", "What went wrong that winter?"),
        ("P01", "participant", answer),
        ("Interviewer", "interviewer", "And what helped?"),
        ("P01", "participant", "Good infection control training."),
    ]


def test_a_quoted_name_does_not_stop_the_interviewer_guess(tmp_path: Path) -> None:
    """R2 (c02): 'no interviewer among Sam Roe, Priya Nair, J. Smith', the questions coded."""
    text = (
        "Sam Roe: How did the doctors react?\n"
        "Priya Nair: Badly at first. The consultant asked the same thing.\n"
        "J. Smith: why are we doing this? what is the evidence?\nThat was him every week.\n"
        "Sam Roe: And what helped?\nPriya Nair: Time, and the peer workers.\n"
        "Sam Roe: Anything else?\nPriya Nair: No, that's all.\n"
    )
    t = _read(tmp_path / "c02.txt", text)
    assert [(s, r) for s, r, _ in _turns(t)] == [
        ("Sam Roe", "interviewer"),
        ("Priya Nair", "participant"),
    ] * 3
    assert _turns(t)[1][2] == (
        "Badly at first. The consultant asked the same thing.\n"
        "J. Smith: why are we doing this? what is the evidence?\nThat was him every week."
    )


def test_a_participants_question_stays_theirs(tmp_path: Path) -> None:
    """R3 (c09): 'N. Yorkshire: did it work there?' was read as a second interviewer."""
    text = (
        "Interviewer: Where did it work?\nP01: Depends where you look.\n"
        "N. Yorkshire: did it work there?\nP01: Not really, too rural, no buses.\n"
        "Interviewer: And what helped?\nP01: Time.\n"
    )
    assert _turns(_read(tmp_path / "p01.txt", text)) == [
        ("Interviewer", "interviewer", "Where did it work?"),
        ("P01", "participant", "Depends where you look.\nN. Yorkshire: did it work there?"),
        ("P01", "participant", "Not really, too rural, no buses."),
        ("Interviewer", "interviewer", "And what helped?"),
        ("P01", "participant", "Time."),
    ]


def test_a_question_and_answer_label_keeps_its_answer(tmp_path: Path) -> None:
    """R5 (a09): 'A. N. Yorkshire:' was the speaker 'A. N. Yorkshire'."""
    text = (
        "Q. What does your service do?\nA. We support adults.\nQ. And the barriers?\n"
        "A. N. Yorkshire: the rural bits, no buses.\nQ. Anything else?\nA. No.\n"
    )
    assert _turns(_read(tmp_path / "a09.txt", text)) == [
        ("Q", "interviewer", "What does your service do?"),
        ("A", "participant", "We support adults."),
        ("Q", "interviewer", "And the barriers?"),
        ("A", "participant", "N. Yorkshire: the rural bits, no buses."),
        ("Q", "interviewer", "Anything else?"),
        ("A", "participant", "No."),
    ]


def test_a_bold_answer_label_keeps_a_name_after_it(tmp_path: Path) -> None:
    """R5 (e05): bold 'A.' then 'J. Smith: he left.' was the speaker 'A. J. Smith'."""
    import docx

    document = docx.Document()
    for label, words in (("Q.", " What helped?"), ("A.", " Khan, our manager.")) * 1 + (
        ("Q.", " And the barriers?"),
        ("A.", " J. Smith: he left."),
    ):
        p = document.add_paragraph()
        p.add_run(label).bold = True
        p.add_run(words)
    document.save(str(tmp_path / "e05.docx"))
    assert _turns(_read(tmp_path / "e05.docx")) == [
        ("Q", "interviewer", "What helped?"),
        ("A", "participant", "Khan, our manager."),
        ("Q", "interviewer", "And the barriers?"),
        ("A", "participant", "J. Smith: he left."),
    ]


def test_names_inside_a_rev_or_otter_turn_are_its_words(tmp_path: Path) -> None:
    """R1 (g05, c07): lines inside a Rev or Otter turn opening with a place."""
    rev = (
        "Speaker 1 (00:00:01):\nWhich areas do you cover?\n\n"
        "Speaker 2 (00:00:05):\nA few areas now.\nN. Yorkshire: two houses.\n"
        "C. Difficile: one outbreak.\n\nSpeaker 1 (00:00:16):\nAnd what helped?\n\n"
        "Speaker 2 (00:00:19):\nThe manager, mostly.\n"
    )
    t = _read(tmp_path / "g05.txt", rev, "Speaker 1")
    assert [(u.speaker, u.begin_time, t.text[u.start : u.end]) for u in t.turns] == [
        ("Speaker 1", 1.0, "Which areas do you cover?"),
        (
            "Speaker 2",
            5.0,
            "A few areas now.\nN. Yorkshire: two houses.\nC. Difficile: one outbreak.",
        ),
        ("Speaker 1", 16.0, "And what helped?"),
        ("Speaker 2", 19.0, "The manager, mostly."),
    ]


# -- what stays a label ----------------------------------------------------------------------

P05 = (
    "Sam Roe: Great, welcome. So first, what is your job title?\n\n"
    "Zoe Adams: I'm a team leader in a supported living service.\n\n"
    "Dr. A. Khan: What made the new approach hard to start?\n\n"
    "Zoe Adams: The night staff were never trained.\nAnd we had no budget.\n\n"
    "Sam Roe: And what helped, if anything?\n\n"
    "Zoe Adams: Having a really good psychologist.\n"
)


def test_a_paragraph_of_its_own_said_once_is_talk_unless_named(tmp_path: Path) -> None:
    """The tester's p05_zoom.txt: 'Dr. A. Khan:' said once, a paragraph of its own, reads as
    before these rules (the answer's words) unless --interviewer names him: read as a turn, a
    once-said paragraph also made 'E. Coli:' or 'N. Yorkshire:' opening an answer's second
    paragraph a participant (s68 hunt h_labels2)."""
    said = "I'm a team leader in a supported living service.\n\n"
    assert [s for s, _, _ in _turns(_read(tmp_path / "p05.txt", P05))] == [
        "Sam Roe", "Zoe Adams", "Zoe Adams", "Sam Roe", "Zoe Adams"
    ]  # fmt: skip
    assert _turns(_read(tmp_path / "p05.txt", P05))[1][2] == (
        said + "Dr. A. Khan: What made the new approach hard to start?"
    )
    named = _read(tmp_path / "p05.txt", P05, "Sam Roe", "Dr. A. Khan")
    assert [(s, r) for s, r, _ in _turns(named)] == [
        ("Sam Roe", "interviewer"),
        ("Zoe Adams", "participant"),
        ("Dr. A. Khan", "interviewer"),
        ("Zoe Adams", "participant"),
        ("Sam Roe", "interviewer"),
        ("Zoe Adams", "participant"),
    ]
    germ = P05.replace(
        "Dr. A. Khan: What made the new approach hard to start?", "E. Coli: one case."
    )
    turns = _turns(_read(tmp_path / "p05.txt", germ))
    assert [s for s, _, _ in turns] == ["Sam Roe", "Zoe Adams", "Zoe Adams", "Sam Roe", "Zoe Adams"]
    assert turns[1][2] == said + "E. Coli: one case."


def test_said_once_in_otters_layout_is_a_turn() -> None:
    lines = [
        "Speaker 1  0:03", "How did it start?", "", "Speaker 2  0:11", "Small.",
        "J. Smith  0:40", "Sorry, what did the manager do?", "", "Speaker 2  0:51", "Time.",
    ]  # fmt: skip
    found = [m.label if m else None for m in line_labels(lines)]
    assert found == ["Speaker 1", None, None, "Speaker 2", None, "J. Smith", None, None,
                     "Speaker 2", None]  # fmt: skip


def test_two_labels_that_alternate_are_speakers() -> None:
    lines = ["A. Khan: What helped?", "P04: Money.", "A. Khan: And then?", "P04: Time."]
    assert [m.label if m else None for m in line_labels(lines)] == [
        "A. Khan", "P04", "A. Khan", "P04"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "n", "read"),
    [
        ("A. Khan", 1, False),
        ("A. Khan", 2, False),
        ("A. Khan", 3, True),
        ("Dr. A. Khan", 3, True),
        ("N. Yorkshire", 2, False),
        ("G.P. Surgery", 3, False),  # K2: a recurring label must still be a name
        ("A.M. Shift", 3, False),
        ("Plan A. Staffing", 3, False),
        ("E. Coli Outbreak", 3, False),
    ],
)
def test_said_in_answers_a_name_is_a_label_from_three_times(label: str, n: int, read: bool) -> None:
    lines = ["Interviewer: What helped?", "P01: Lots of things.", "More of them."]
    lines += [f"{label}: and more." for _ in range(n)]
    lines += ["Interviewer: And then?", "P01: Time."]
    found = {m.label for m in line_labels(lines) if m}
    assert (label in found) is read


# -- K3 (hunt D1): a name given is read however long -----------------------------------------

LONG = "Professor Dame Elizabeth Anne Marie Fitzgerald-Montgomery"


def test_a_long_name_given_is_read(tmp_path: Path) -> None:
    """D1: a given name over 40 characters stayed unread, and the warning advised giving it."""
    text = (
        f"{LONG}: How did it start?\nP01: We started small in the spring.\n"
        f"{LONG}: And what helped?\nP01: The manager, mostly.\n"
    )
    t = _read(tmp_path / "d03.txt", text, LONG)
    assert _turns(t) == [
        (LONG, "interviewer", "How did it start?"),
        ("P01", "participant", "We started small in the spring."),
        (LONG, "interviewer", "And what helped?"),
        ("P01", "participant", "The manager, mostly."),
    ]
    name = "Dr " + " ".join(["Anna-Maria"] * 15) + " Smith"  # past the 140 characters read
    t = _read(tmp_path / "d03.txt", text.replace(LONG, name), name)
    assert [(s, r) for s, r, _ in _turns(t)] == [(name, "interviewer"), ("P01", "participant")] * 2


# -- K4 (hunt D2): the wording of the check of a number beside a named participant ------------


def test_a_number_beside_a_participant_with_no_interviewer_is_worded(tmp_path: Path) -> None:
    """D2: "2 speakers speak ('P04', 'Speaker 2')" (f05)."""
    from roqa_nlp.transcripts.roles import participant_labels_warning

    f = tmp_path / "f05.txt"
    t = _read(
        f,
        "P04: We started small in the spring, with two houses.\n"
        "Speaker 2: I was there too, it was chaotic at first.\n"
        "P04: The manager helped, mostly. She believed in it.\n",
    )
    assert participant_labels_warning(t) == (
        f"{f}: 2 speakers are all coded as participants ('P04', 'Speaker 2'): 'Speaker 2', a "
        "number a transcription gave, names no one and is not 'P04' renamed, so all are counted "
        "and cited as one case, P04: to count and cite each, label each one's turns with their "
        "own id ('P04a: ...', 'P04b: ...')"
    )


def test_the_fix_hint_names_the_files_case(tmp_path: Path) -> None:
    """D2: the hint read 'P05a' for the case F04 (f04)."""
    from roqa_nlp.transcripts.roles import participant_labels_warning

    f = tmp_path / "f04.txt"
    t = _read(
        f,
        "Interviewer: How did it start?\n"
        "Priya Nair: We started small in the spring, with two houses.\n"
        "SPEAKER_02: I was there too, it was chaotic at first.\nSPEAKER_03: Me too.\n"
        "Interviewer: And what helped?\nPriya Nair: The manager, mostly.\n",
    )
    assert participant_labels_warning(t) == (
        f"{f}: 3 participants speak ('Priya Nair', 'SPEAKER_02', 'SPEAKER_03'): 'SPEAKER_02' "
        "and 'SPEAKER_03', numbers a transcription gave, name no one and are not 'Priya Nair' "
        "renamed, so all are counted and cited as one case, F04: to count and cite each, label "
        "each one's turns with their own id ('F04a: ...', 'F04b: ...')"
    )


# -- K5 (hunt D3): read_qdpx_transcripts adds the default interviewer labels ------------------


def _project(path: Path, text: str) -> Path:
    import zipfile

    qde = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="test"><Sources>'
        '<TextSource guid="6f1e0a52-8d2b-4c1e-9a57-1c2d3e4f5a6b" name="p07">'
        f"<PlainTextContent>{text}</PlainTextContent></TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde)
    return path


def test_read_qdpx_transcripts_keeps_the_default_labels(tmp_path: Path) -> None:
    """D3: with interviewer_labels=['Nobody Here'] 'Interviewer' became a participant, where
    read_transcripts and the CLI add the defaults."""
    from roqa_nlp.exchange import read_qdpx_transcripts
    from roqa_nlp.transcripts import read_transcripts

    project = _project(
        tmp_path / "project.qdpx",
        "Interviewer: What helped?\n\nP07: The manager.\n\nInterviewer: And then?\n\nP07: Time.\n",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for read in (read_qdpx_transcripts, read_transcripts):
            (t,) = read(project, interviewer_labels=["Nobody Here"])
            assert [(u.speaker, u.role) for u in t.turns] == [
                ("Interviewer", "interviewer"),
                ("P07", "participant"),
            ] * 2
