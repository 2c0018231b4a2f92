"""A transcript's section headings (``Section 1: Background``, ``Part 2: Workforce``, a Word
heading) are no speaker's label: they are left out of the talk and ``roqa inspect`` says so."""

from __future__ import annotations

import contextlib
import io
import warnings
from pathlib import Path

import pytest

from roqa_nlp.cli.inspect_cmd import reading_notes
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.headings import HEADINGS, headings_warning, is_section_heading
from roqa_nlp.transcripts.roles import SpeakerWarning


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn, the words read through the turn's offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def read_txt(tmp_path: Path, text: str, name: str = "p04.txt") -> Transcript:
    f = tmp_path / name
    f.write_text(text, "utf-8")
    return read_transcript(f)


LABELLED = (
    "Section 1: Background\n"
    "Interviewer: Can you tell me about your role?\n"
    "P04: I manage a supported living service for twelve people.\n"
    "Interviewer: How long have you been there?\n"
    "P04: About six years now.\n"
    "Section 2: Workforce\n"
    "Interviewer: What gets in the way of recruiting staff?\n"
    "P04: Pay mostly, the agencies pay more.\n"
)


def test_section_headings_between_labelled_turns_are_no_speakers_and_no_talk(
    tmp_path: Path,
) -> None:
    t = read_txt(tmp_path, LABELLED)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "Can you tell me about your role?"),
        ("P04", "participant", "I manage a supported living service for twelve people."),
        ("Interviewer", "interviewer", "How long have you been there?"),
        ("P04", "participant", "About six years now."),
        ("Interviewer", "interviewer", "What gets in the way of recruiting staff?"),
        ("P04", "participant", "Pay mostly, the agencies pay more."),
    ]
    assert t.metadata[HEADINGS] == ["Section 1: Background", "Section 2: Workforce"]
    assert t.text == LABELLED  # the file's own text: offsets still match it


def test_a_section_heading_in_a_file_without_labels_is_no_speaker_of_all_of_it(
    tmp_path: Path,
) -> None:
    """Before, ``Section 1`` was the one "participant" holding every question and answer."""
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        t = read_txt(
            tmp_path,
            "Section 1: Background\n\nCan you tell me about your role?\n\n"
            "I manage a supported living service.\n\nTopic 3: Leadership\n\n"
            "Did your manager back it?\n\nYes, from the start.\n",
        )
    assert turns_of(t) == [
        ("P04", "participant", "Can you tell me about your role?"),
        ("P04", "participant", "I manage a supported living service."),
        ("P04", "participant", "Did your manager back it?"),
        ("P04", "participant", "Yes, from the start."),
    ]
    assert t.metadata[HEADINGS] == ["Section 1: Background", "Topic 3: Leadership"]


def test_inspect_says_in_one_read_line_that_the_headings_were_left_out(tmp_path: Path) -> None:
    t = read_txt(tmp_path, LABELLED)
    assert reading_notes(t) == [
        "2 headings left out (no one's talk: 'Section 1: Background', 'Section 2: Workforce')"
    ]


def _reading_warnings(path: Path) -> list[str]:
    """The RoqaWarnings reading ``path`` gives (``roqa code`` prints each: ``roqa: warning:``)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_transcript(path)
    return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_reading_tells_once_which_lines_were_read_as_headings(tmp_path: Path) -> None:
    """Before, only ``roqa inspect`` named the headings left out: ``roqa code`` said nothing,
    though a line of talk so taken is coded nowhere (s54, finding 2)."""
    f = tmp_path / "rm04.txt"
    f.write_text(LABELLED, "utf-8")
    assert _reading_warnings(f) == [
        f"{f}: 2 lines not marked as headings were read as section headings and left out, not coded (line 1 'Section 1: "
        "Background', line 6 'Section 2: Workforce'); run roqa inspect "
        f"{f} to see them (if one is a speaker's words, put their label before it)"
    ]


def test_the_warning_of_headings_names_the_first_three(tmp_path: Path) -> None:
    f = tmp_path / "rm04.txt"
    f.write_text(
        "".join(
            f"Part {n}: Topic {n}\nInterviewer: And then?\nP04: More of the same.\n"
            for n in range(1, 5)
        ),
        "utf-8",
    )
    assert headings_warning(read_transcript(f)) == (
        f"{f}: 4 lines not marked as headings were read as section headings and left out, not coded (line 1 'Part 1: Topic "
        "1', line 4 'Part 2: Topic 2', line 7 'Part 3: Topic 3', ...); run roqa inspect "
        f"{f} to see them (if one is a speaker's words, put their label before it)"
    )


def test_a_word_paragraph_read_as_a_heading_is_warned_of_a_word_title_is_not(
    tmp_path: Path,
) -> None:
    f = _docx(
        tmp_path / "p04.docx",
        [
            ("Title", "Interview with P04"),
            (None, "Section 1: Background"),
            (None, "Interviewer: Can you tell me about your role?"),
            (None, "P04: I manage a supported living service."),
        ],
    )
    assert _reading_warnings(f) == [
        f"{f}: 1 paragraph not marked as a heading was read as a section heading and left out, not coded ('Section 1: "
        f"Background'); run roqa inspect {f} to see it (if it is a speaker's words, put their "
        "label before it)"
    ]


def test_a_markdown_heading_is_no_heading_read_from_its_shape(tmp_path: Path) -> None:
    f = tmp_path / "p04.md"
    f.write_text("# Interview with P04\n\nInterviewer: Your role?\n\nP04: Manager.\n", "utf-8")
    assert read_transcript(f).metadata[HEADINGS] == ["Interview with P04"]
    assert _reading_warnings(f) == []


def test_a_markdown_section_heading_is_listed_not_warned_of(tmp_path: Path) -> None:
    """``## Section 1: Role`` is a heading by the writer's own mark: ``roqa code`` warned of
    every such heading of a topic guide in every transcript (s54 hunt, finding 5); it warns of
    none, and ``roqa inspect`` still lists them. A plain line of that shape in the same file
    is read by its shape alone, so it is still warned of."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = tmp_path / "p12.md"
    f.write_text(
        "# Interview P12\n\n## Section 1: Role\n**Interviewer:** What do you do?\n"
        "**P12:** I'm a dietitian.\n\n## Part 4: Things we would change\n"
        "**Interviewer:** What would you change?\n**P12:** Communication.\n",
        "utf-8",
    )
    assert _reading_warnings(f) == []
    t = read_transcript(f)
    assert reading_notes(t) == [
        "3 headings left out (no one's talk: 'Interview P12', 'Section 1: Role', 'Part 4: "
        "Things we would change')"
    ]
    f.write_text(f.read_text("utf-8").replace("## Part 4", "Part 4"), "utf-8")
    assert _reading_warnings(f) == [
        f"{f}: 1 line not marked as a heading was read as a section heading and left out, not "
        f"coded (line 7 'Part 4: Things we would change'); run roqa inspect {f} to see it (if it "
        "is a speaker's words, put their label before it)"
    ]


def test_a_word_heading_style_is_not_warned_of_and_inspect_names_the_one_that_is(
    tmp_path: Path,
) -> None:
    """A Word file with two headings in a heading style and one in plain type: the warning
    named one heading while inspect listed three others, the first three, and not that one
    (s54 hunt, finding 5). The warning says it counts those not marked as headings, and
    inspect's note names them."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    f = _docx(
        tmp_path / "p15.docx",
        [
            ("Title", "Interview P15"),
            ("Heading 1", "Section 1: Background"),
            (None, "Interviewer: Tell me about your role."),
            (None, "P15: I'm a health visitor in Stockport."),
            ("Heading 1", "Section 2: Support"),
            (None, "Interviewer: Did you have support?"),
            (None, "P15: Some, from my manager."),
            (None, "Section 3: Were families told about the change"),
            (None, "Interviewer: Were families told?"),
            (None, "P15: Not really."),
        ],
    )
    assert _reading_warnings(f) == [
        f"{f}: 1 paragraph not marked as a heading was read as a section heading and left out, "
        "not coded ('Section 3: Were families told about the change'); run roqa inspect "
        f"{f} to see it (if it is a speaker's words, put their label before it)"
    ]
    assert reading_notes(read_transcript(f)) == [
        "4 headings left out (no one's talk: 'Interview P15', 'Section 1: Background', "
        "'Section 2: Support', ...; 1 not marked as a heading, read by its shape: 'Section 3: "
        "Were families told about the change')"
    ]


def test_roqa_code_says_which_lines_were_read_as_headings(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    from roqa_nlp.cli import main

    f = tmp_path / "rm04.txt"
    f.write_text(LABELLED, "utf-8")
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        main(["code", str(f), "--out", str(tmp_path / "out"), "--model", str(tiny_model_dir)])
    said = [line for line in err.getvalue().splitlines() if "section heading" in line]
    assert said == [
        f"roqa: warning: {f}: 2 lines not marked as headings were read as section headings and left out, not coded (line 1 "
        "'Section 1: Background', line 6 'Section 2: Workforce'); run roqa inspect "
        f"{f} to see them (if one is a speaker's words, put their label before it)"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Section 1: Background",
        "Part 2: Workforce",
        "Topic 3: Leadership",
        "Question 4: Leadership and culture",
        "SECTION 2.1: STAFFING",
        "Part B: Barriers and enablers",
        "Theme IV: Inner setting",
        "**Section 1: Background**",
        "Section 1: Your role and organisation",
        "Part 2: Barriers and enablers in the inner setting",
        "Module 2: Recovery-orientated practice",
        # a topic guide's title may hold a pronoun or a verb further in (s53 late review)
        "Section 2: What staff were told about the new pathway",
        "Topic 4: How it could be sustained",
        "Section 3: How it was done in practice",
        "Part 4: Things we would change",
        "Section 3: Training and support (approx. 10 mins)",
        "Theme 1: No wrong door",
        "Domain 2: Well-led services",
        "Part 3: Barriers",
        "Section 3: Support that was offered",
        "Part 2: Haves and have-nots",
        # a topic guide in capitals, a dash for the colon (s54, finding 4)
        "TOPIC 2 - BARRIERS",
        "TOPIC 2: BARRIERS",
        "SECTION IV \u2013 LEADERSHIP AND CULTURE",
        "PART B - BARRIERS AND ENABLERS",
        # a topic guide's question or finding after its own marker: a heading (s54 hunt, 2)
        "Section 2: Did staff have the support they needed",
        "Topic 4: Has the team had enough resources",
        "Topic 7: Anything else the participant would like to add",
        "Theme 2: Managers were not visible",
        "Theme 3: Training was too short",
    ],
)
def test_a_word_a_number_and_a_title_is_a_section_heading(line: str) -> None:
    assert is_section_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "P04: I manage a service.",
        "Participant 4: Staffing",
        "Speaker 1: Yes",
        "Interviewer 2: Training",
        "Question 1: Can you tell me about your role?",
        "Question 3: Tell me about the new system",
        "Question 2: How did you find the CQC inspection,",
        "Phase 2: we rolled it out to the other sites.",
        "Phase 2: Then we rolled it out to the other sites.",
        "Section 1:",
        "Section: Background",
        "Section 1: Background and the reasons we set it up in the first place",
        # a title that says something is talk (s53 code review, finding 2)
        "Phase 1: We did Salford and Trafford first",
        "Phase 2: We rolled it out. It went okay",
        "Part 1: The staffing, um",
        "Theme 2: I don't know",
        "Theme 2: I don\u2019t know",
        "Stage 2: Yes",
        # a subject and its verb: a sentence of talk (s54, finding 1)
        "Stage 3: NHS England said no to the extra funding",
        "Phase 2: The council was never going to fund it",
        "Stage 4: The manager told us on the Friday",
        "Phase 1: Salford had the money first",
        # capitals: an answer, not a heading (s54, finding 4)
        "NO. WE HAD NOTHING.",
        "PHASE 2 - WE HAD NOTHING",
        "TOPIC 2 - BARRIERS.",
        "TOPIC 2 -",
    ],
)
def test_a_speaker_label_or_talk_is_no_section_heading(line: str) -> None:
    assert not is_section_heading(line)


def test_a_sentence_after_a_heading_word_ending_an_answer_is_the_answer(tmp_path: Path) -> None:
    """Before, ``Stage 3: NHS England said no ...`` was taken for a section heading, left out
    of the talk: at the end of the answer its words were coded nowhere (s54, finding 1)."""
    t = read_txt(
        tmp_path,
        "Interviewer: What happened with the funding?\n"
        "P04: We put in a bid for two more nurses.\n"
        "Stage 3: NHS England said no to the extra funding\n"
        "Interviewer: Thank you.\n"
        "P04: That's okay.\n",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What happened with the funding?"),
        (
            "P04",
            "participant",
            "We put in a bid for two more nurses.\n"
            "Stage 3: NHS England said no to the extra funding",
        ),
        ("Interviewer", "interviewer", "Thank you."),
        ("P04", "participant", "That's okay."),
    ]
    assert HEADINGS not in t.metadata


def test_a_heading_in_capitals_with_a_dash_is_no_answer_in_capitals(tmp_path: Path) -> None:
    """Before, ``TOPIC 2 - BARRIERS`` between turns was read into the answer above it and
    coded as the participant's words (s54, finding 4); an answer in capitals stays talk."""
    t = read_txt(
        tmp_path,
        "Interviewer: What helped?\n"
        "P04: Having a good manager helped us a lot.\n"
        "TOPIC 2 - BARRIERS\n"
        "Interviewer: Did you get any support?\n"
        "P04: NO. WE HAD NOTHING.\n",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "What helped?"),
        ("P04", "participant", "Having a good manager helped us a lot."),
        ("Interviewer", "interviewer", "Did you get any support?"),
        ("P04", "participant", "NO. WE HAD NOTHING."),
    ]
    assert t.metadata[HEADINGS] == ["TOPIC 2 - BARRIERS"]


@pytest.mark.parametrize("label", ["P04", "Participant 4", "Speaker 1"])
def test_numbered_speaker_labels_still_open_turns_beside_headings(
    tmp_path: Path, label: str
) -> None:
    t = read_txt(
        tmp_path,
        "Part 1: Background\n"
        "Interviewer: What is your role?\n"
        f"{label}: Registered manager.\n"
        "Part 2: Workforce\n"
        "Interviewer: What gets in the way?\n"
        f"{label}: Staffing.\n",
    )
    assert [(s, w) for s, _, w in turns_of(t)] == [
        ("Interviewer", "What is your role?"),
        (label, "Registered manager."),
        ("Interviewer", "What gets in the way?"),
        (label, "Staffing."),
    ]
    assert t.metadata[HEADINGS] == ["Part 1: Background", "Part 2: Workforce"]


def test_a_question_marker_asking_is_still_the_interviewer(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "Question 4: Leadership\n\nQuestion 5: How did your manager back it?\nShe gave us time.\n",
        name="p05.txt",
    )
    assert turns_of(t) == [
        ("Question 5", "interviewer", "How did your manager back it?"),
        ("P05", "participant", "She gave us time."),
    ]
    assert t.metadata[HEADINGS] == ["Question 4: Leadership"]


def _docx(path: Path, paragraphs: list[tuple[str | None, str]]) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    d.save(str(path))
    return path


@pytest.mark.parametrize("style", [None, "Heading 1"])
def test_in_word_a_section_heading_is_left_out_and_told_of(tmp_path: Path, style: str) -> None:
    f = _docx(
        tmp_path / "p04.docx",
        [
            (style, "Section 1: Background"),
            (None, "Interviewer: Can you tell me about your role?"),
            (None, "P04: I manage a supported living service."),
            (style, "Section 2: Workforce"),
            (None, "Interviewer: What gets in the way?"),
            (None, "P04: Pay mostly."),
        ],
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "Can you tell me about your role?"),
        ("P04", "participant", "I manage a supported living service."),
        ("Interviewer", "interviewer", "What gets in the way?"),
        ("P04", "participant", "Pay mostly."),
    ]
    assert t.metadata[HEADINGS] == ["Section 1: Background", "Section 2: Workforce"]


def test_in_word_a_plain_section_heading_is_no_speaker_of_unlabelled_paragraphs(
    tmp_path: Path,
) -> None:
    f = _docx(
        tmp_path / "p04.docx",
        [
            (None, "Section 1: Background"),
            (None, "Can you tell me about your role?"),
            (None, "I manage a supported living service."),
        ],
    )
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        t = read_transcript(f)
    assert turns_of(t) == [
        ("P04", "participant", "Can you tell me about your role?"),
        ("P04", "participant", "I manage a supported living service."),
    ]
    assert t.metadata[HEADINGS] == ["Section 1: Background"]


def test_a_word_heading_that_names_a_speaker_is_still_their_label(tmp_path: Path) -> None:
    f = _docx(
        tmp_path / "p04.docx",
        [
            ("Heading 2", "Interview with P04"),
            ("Heading 3", "Sam Roe"),
            (None, "What is your role?"),
            ("Heading 3", "Priya Nair"),
            (None, "Registered manager."),
            ("Heading 3", "Sam Roe"),
            (None, "What gets in the way?"),
            ("Heading 3", "Priya Nair"),
            (None, "Staffing."),
        ],
    )
    t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert [(s, w) for s, _, w in turns_of(t)] == [
        ("Sam Roe", "What is your role?"),
        ("Priya Nair", "Registered manager."),
        ("Sam Roe", "What gets in the way?"),
        ("Priya Nair", "Staffing."),
    ]
    assert t.metadata[HEADINGS] == ["Interview with P04"]


def test_a_heading_left_out_is_pseudonymised_with_the_transcript(tmp_path: Path) -> None:
    """The headings are kept in the transcript's metadata, so a title naming the participant
    must not carry the name into the pseudonymised copy."""
    from roqa_nlp.pseudonyms import pseudonymise

    f = _docx(
        tmp_path / "p04.docx",
        [
            ("Title", "Interview with Maria Okafor"),
            (None, "Participant: Maria Okafor"),
            (None, "Interviewer: Can you tell me about your role?"),
            (None, "P04: I manage a supported living service."),
        ],
    )
    t = read_transcript(f)
    assert t.metadata[HEADINGS] == ["Interview with Maria Okafor"]
    done, _ = pseudonymise([t])
    assert done[0].metadata[HEADINGS] == ["Interview with P04"]


_ANSWER = "Yeah, it was slow to begin with. We piloted it in two houses."
_PHASE = "Phase 2: we rolled it out everywhere else in the spring."
_STAGE = "Stage 3: that's where we are now, really."


def _phase_typed() -> str:
    return (
        "Section 1: Background\n\n"
        "Interviewer: How did the roll-out happen?\n\n"
        f"P64: {_ANSWER}\n\n{_PHASE}\n\n"
        "Interviewer: And where are you with it now?\n\n"
        f"P64: {_STAGE}\n\n"
        "Interviewer: Was there anything else?\n\n"
        "P64: No, I think that covers it.\n"
    )


def _phase_otter() -> str:
    return (
        "Helen Price  0:02\nHow did the roll-out happen?\n\n"
        f"Amira Haddad  0:06\n{_ANSWER}\n{_PHASE}\n\n"
        "Helen Price  0:29\nAnd where are you with it now?\n\n"
        f"Amira Haddad  0:33\n{_STAGE}\n\n"
        "Helen Price  0:41\nWas there anything else?\n\n"
        "Amira Haddad  0:45\nNo, I think that covers it.\n"
    )


def _phase_rev() -> str:
    return (
        "Speaker 1 (00:00:02):\nHow did the roll-out happen?\n\n"
        f"Speaker 2 (00:00:06):\n{_ANSWER}\n\n{_PHASE}\n\n"
        "Speaker 1 (00:00:29):\nAnd where are you with it now?\n\n"
        f"Speaker 2 (00:00:33):\n{_STAGE}\n\n"
        "Speaker 1 (00:00:41):\nWas there anything else?\n\n"
        "Speaker 2 (00:00:45):\nNo, I think that covers it.\n"
    )


@pytest.mark.parametrize(
    ("layout", "asker", "answerer", "blank"),
    [
        (_phase_typed, "Interviewer", "P64", "\n\n"),
        (_phase_otter, "Helen Price", "Amira Haddad", "\n"),
        (_phase_rev, "Speaker 1", "Speaker 2", "\n\n"),
    ],
)
def test_a_heading_word_and_number_opening_a_sentence_once_is_the_answer(
    tmp_path: Path, layout: object, asker: str, answerer: str, blank: str
) -> None:
    """``Phase 2: we rolled it out ...`` opening a paragraph of an answer, and ``Stage 3:
    that's where ...`` opening one, are the participant's words, no speakers "Phase 2" and
    "Stage 3" (session 53 re-test, item 1: the words were lost and the file's name was said to
    hold a speaker's name)."""
    f = tmp_path / "p64.txt"
    f.write_text(layout(), "utf-8")  # type: ignore[operator]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    assert turns_of(t) == [
        (asker, "interviewer", "How did the roll-out happen?"),
        (answerer, "participant", f"{_ANSWER}{blank}{_PHASE}"),
        (asker, "interviewer", "And where are you with it now?"),
        (answerer, "participant", _STAGE),
        (asker, "interviewer", "Was there anything else?"),
        (answerer, "participant", "No, I think that covers it."),
    ]
    assert [str(w.message) for w in caught if "Phase" in str(w.message)] == []


def test_a_heading_word_and_number_cue_leaves_subtitles_unlabelled(tmp_path: Path) -> None:
    f = tmp_path / "p74.srt"
    f.write_text(
        "1\n00:00:00,000 --> 00:00:04,000\nCan you tell me how it was rolled out?\n\n"
        "2\n00:00:05,000 --> 00:00:09,000\nWe did it in two goes, really.\n\n"
        "3\n00:00:10,000 --> 00:00:14,000\nPhase 2: we rolled it out after Christmas.\n",
        "utf-8",
    )
    with pytest.warns(SpeakerWarning, match="no speaker labels found"):
        t = read_transcript(f)
    assert {u.speaker for u in t.turns} == {"P74"}
    assert "Phase 2: we rolled it out after Christmas." in t.text


def test_heading_words_and_numbers_opening_two_answers_are_their_words(tmp_path: Path) -> None:
    t = read_txt(
        tmp_path,
        "Interviewer: How did it start?\n\nP64: Slowly.\n\nPhase 1: we piloted it in two houses.\n\n"
        "Interviewer: And then?\n\nP64: Better.\n\nPhase 2: we rolled it out everywhere.\n",
        name="p64.txt",
    )
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How did it start?"),
        ("P64", "participant", "Slowly.\n\nPhase 1: we piloted it in two houses."),
        ("Interviewer", "interviewer", "And then?"),
        ("P64", "participant", "Better.\n\nPhase 2: we rolled it out everywhere."),
    ]


#: A topic guide's headings between exchanges, the second shaped as a sentence after ``Phase``.
_GUIDE_PHASES = (
    "Phase 1: Introduction\n\n"
    "Interviewer: Thanks for joining. Could you tell me about your role?\n"
    "Participant: I'm a practice manager in a large GP surgery.\n\n"
    "Phase 2: Implementation was the focus\n\n"
    "Interviewer: How was it implemented?\n"
    "Participant: Badly at first, then better.\n"
)


def test_a_heading_shaped_line_read_as_talk_is_warned_of_by_its_line(tmp_path: Path) -> None:
    """s54 hunt 2, finding 1: a topic guide's ``Phase 2: Implementation was the focus`` is read
    as talk (a subject and its verb after Phase) and was coded into the answer above it with
    nothing said. The reading stays; ``roqa code`` now names the line and how to mark it."""
    f = tmp_path / "s3.txt"
    f.write_text(_GUIDE_PHASES, "utf-8")
    assert _reading_warnings(f)[1:] == [
        f"{f}: line 6 'Phase 2: Implementation was the focus' is shaped like a section heading "
        "but read as the answer's words and coded (after Stage or Phase, a subject and its verb "
        "are read as talk); if it is a heading, delete it, or save the file as .md with it "
        "marked as a heading ('## ...')"
    ]
    assert turns_of(read_transcript(f))[1] == (
        "Participant",
        "participant",
        "I'm a practice manager in a large GP surgery.\n\nPhase 2: Implementation was the focus",
    )


def test_inspect_notes_a_heading_shaped_line_read_as_talk(tmp_path: Path) -> None:
    t = read_txt(tmp_path, _GUIDE_PHASES)
    assert reading_notes(t) == [
        "1 heading left out (no one's talk: 'Phase 1: Introduction')",
        "1 line shaped like a section heading read as the answer's words and coded (line 6 "
        "'Phase 2: Implementation was the focus'): after Stage or Phase, a subject and its verb "
        "are read as talk",
    ]


def test_a_markdown_heading_mark_has_the_line_left_out_as_the_warning_advises(
    tmp_path: Path,
) -> None:
    f = tmp_path / "s3.md"
    f.write_text(_GUIDE_PHASES, "utf-8")
    assert _reading_warnings(f)[1:] == [
        f"{f}: line 6 'Phase 2: Implementation was the focus' is shaped like a section heading "
        "but read as the answer's words and coded (after Stage or Phase, a subject and its verb "
        "are read as talk); if it is a heading, mark it as a Markdown heading ('## ...')"
    ]
    f.write_text(_GUIDE_PHASES.replace("Phase 2", "## Phase 2"), "utf-8")
    t = read_transcript(f)
    assert t.metadata[HEADINGS] == [
        "Phase 1: Introduction",
        "Phase 2: Implementation was the focus",
    ]
    assert reading_notes(t)[1:] == []


def test_in_word_heading_shaped_paragraphs_read_as_talk_are_warned_of(tmp_path: Path) -> None:
    f = _docx(
        tmp_path / "d.docx",
        [
            (None, "Interviewer: What is your role?"),
            (None, "P04: Ward manager."),
            (None, "Phase 2: Staff were trained"),
            (None, "Interviewer: How was it?"),
            (None, "P04: It went well, we had support."),
            (None, "Stage 3: The board said no"),
        ],
    )
    assert _reading_warnings(f) == [
        f"{f}: 2 paragraphs shaped like section headings were read as the answer's words and "
        "coded ('Phase 2: Staff were trained', 'Stage 3: The board said no'; after Stage or "
        "Phase, a subject and its verb are read as talk); if one is a heading, give that "
        "paragraph a Word heading style (Heading 1)"
    ]


def test_the_narrative_heading_words_are_stage_and_phase_both_section_heading_words() -> None:
    """s54 review 2, finding 5: ``step`` was listed but is no section heading word, so
    ``Step 2: ...`` never reached the rule and the entry did nothing; the docs say Stage or
    Phase."""
    from roqa_nlp.transcripts.headings import _narrative_words, section_heading_words

    assert _narrative_words() == {"stage", "phase"}
    assert _narrative_words() <= section_heading_words()


def test_the_headings_warning_quotes_a_path_for_the_shell_as_other_advice_does(
    tmp_path: Path,
) -> None:
    """Before, the path was put in double quotes by hand, which a shell still expands ``$`` and
    backquotes in; now it is quoted as every other command the tool prints for pasting."""
    folder = tmp_path / "My Study $HOME"
    folder.mkdir()
    f = folder / "rm04.txt"
    f.write_text(LABELLED, "utf-8")
    warning = headings_warning(read_transcript(f))
    assert warning is not None
    assert warning.endswith(
        f"run roqa inspect '{f}' to see them (if one is a speaker's words, put their label before it)"
    )


TITLES = [
    "Interview 3: community provider, registered manager",
    "Interview 3: Registered Manager",
    "INTERVIEW 12: RM, supported living (Zoom)",
    "Transcript 7: P07, 14 March 2024",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_transcripts_title_is_no_speaker(tmp_path: Path, title: str, suffix: str) -> None:
    """s70 f_labels 2 (MED/HIGH): ``Interview 3: community provider, registered manager`` at
    the top was a speaker 'Interview 3', a participant, its words coded, in .txt and .docx; a
    transcript's title names the document: it is left out as a heading is, and, no talk, not
    warned of as one read by its shape."""
    lines = [title, "Interviewer: How did training go?", "P03: It went well, money was short."]
    if suffix == ".docx":
        f = _docx(tmp_path / "p03.docx", [(None, line) for line in lines])
    else:
        f = tmp_path / "p03.txt"
        f.write_text("\n\n".join(lines) + "\n", "utf-8")
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How did training go?"),
        ("P03", "participant", "It went well, money was short."),
    ]
    assert t.metadata[HEADINGS] == [title]
    assert _reading_warnings(f) == []


@pytest.mark.parametrize("label", ["Interviewee 3", "Participant 3", "P3", "Respondent 3"])
def test_a_participants_label_with_a_number_is_no_title(tmp_path: Path, label: str) -> None:
    """The real labels stay: a speaker's role and number opens no title."""
    t = read_txt(
        tmp_path,
        f"Interview 3: registered manager\nInterviewer: How did training go?\n"
        f"{label}: It went well, money was short.\nInterviewer: Thanks.\n{label}: OK.\n",
    )
    assert [(s, r) for s, r, _ in turns_of(t)] == [
        ("Interviewer", "interviewer"),
        (label, "participant"),
        ("Interviewer", "interviewer"),
        (label, "participant"),
    ]
    assert not is_section_heading(f"{label}: It went well, money was short.")


def test_a_lists_markers_below_a_title_are_read_as_before(tmp_path: Path) -> None:
    """The title is read among the labels as it was before it was left out: below it, a
    lower-case ``q.``/``a.`` transcript's ``i.``/``ii.`` are the interviewer's list, not a
    speaker 'i' (the interviewer's ``I``) whose turn took the answer (s71 gate, own005). The
    unlabelled line below the list has a question marker next, not an answer label, so it is
    the answer (the lead's narrowing of session 72 f_lists3's rule 4, s72 hunter R1)."""
    t = read_txt(
        tmp_path,
        "Interview 3: community provider, registered manager\n\nq. Two things.\n"
        "i. how did training go?\nii. was there enough money?\n"
        "It went well overall, but money was short.\n\nq. And what got in the way?\n"
        "a. Mostly staffing. We lost two nurses.\n",
    )
    assert [(r, w) for _, r, w in turns_of(t)] == [
        ("interviewer", "Two things.\ni. how did training go?\nii. was there enough money?"),
        ("participant", "It went well overall, but money was short."),
        ("interviewer", "And what got in the way?"),
        ("participant", "Mostly staffing. We lost two nurses."),
    ]
