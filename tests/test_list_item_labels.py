"""A list inside an answer is the answer's words, not speakers (session 69 hunt h_initials,
pre-existing HIGH, input t17): ``a. first item: ...``, ``b. second item: ...?``, ``i. sub point:
reviews.`` were read in the full-stop shape (``Q. words`` / ``A. words``) as speakers 'a', 'b'
and 'i', and 'i', the default ``I`` label, as the interviewer, so the participant's words were
left out of coding without a word. A lower-case letter or roman numeral with its full stop,
before words and a colon, is a list item's marker unless the researcher names it; ``Q.``/``A.``,
``I.``/``R.`` labels are read as before. ``Q.:``/``A.:`` (t19, "no speaker labels found", the
questions coded as answers) are read as ``Q``/``A``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript


def _read(path: Path, text: str, **options: object) -> Transcript:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **options)  # type: ignore[arg-type]


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


#: The hunt's t17: an answer listing steps, then sub-points.
LIST = (
    "Interviewer: What are the steps?\n"
    "P06: There are three.\n"
    "a. first item: the referral.\n"
    "b. second item: the assessment?\n"
    "c. third item: the plan.\n"
    "i. sub point: reviews.\n"
    "ii. another: audits?\n"
    "Interviewer: Thanks.\n"
    "P06: OK.\n"
)


def test_a_list_in_an_answer_is_the_participants_words(tmp_path: Path) -> None:
    t = _read(tmp_path / "p06.txt", LIST)
    answer = LIST.split("P06: ", 1)[1].split("\nInterviewer:", 1)[0]
    assert _turns(t) == [
        ("Interviewer", "interviewer", "What are the steps?"),
        ("P06", "participant", answer),
        ("Interviewer", "interviewer", "Thanks."),
        ("P06", "participant", "OK."),
    ]


@pytest.mark.parametrize(
    "markers",
    [("a", "b"), ("i", "ii"), ("i", "iv"), ("q", "r"), ("p", "r"), ("a", "i"), ("iv", "v")],
)
def test_no_list_marker_a_role_names_is_a_speaker(tmp_path: Path, markers: tuple[str, str]) -> None:
    """``i``, ``q`` and ``iv`` name the interviewer, ``a``, ``b``, ``p`` and ``r`` the one who
    answers, in the full-stop shape: as a list's markers they are neither."""
    first, second = markers
    text = (
        "Interviewer: What got in the way?\n"
        "P02: Two things.\n"
        f"{first}. staffing: we had no cover.\n"
        f"{second}. the budget: it was cut in May.\n"
        "Interviewer: Thanks.\n"
    )
    t = _read(tmp_path / "p02.txt", text)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P02", "participant"),
        ("Interviewer", "interviewer"),
    ]
    assert f"{second}. the budget: it was cut in May." in t.text[t.turns[1].start : t.turns[1].end]


def test_a_list_with_no_headings_beside_labelled_turns_is_the_answers_words(tmp_path: Path) -> None:
    """Beside ``Interviewer:`` and ``P02:``, ``i. reviews.`` is a list's item too, no heading
    after its marker."""
    text = (
        "Interviewer: What got in the way?\nP02: Three things.\na. the referral.\n"
        "b. the assessment.\ni. reviews.\nInterviewer: Thanks.\n"
    )
    t = _read(tmp_path / "p02.txt", text)
    assert _turns(t) == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P02", "participant", "Three things.\na. the referral.\nb. the assessment.\ni. reviews."),
        ("Interviewer", "interviewer", "Thanks."),
    ]


def test_lower_case_labels_below_a_header_are_read_as_before(tmp_path: Path) -> None:
    """A header's fields (``Date:``, ``Participant:``) label no turn: the lower-case ``q.`` and
    ``a.`` below them stay the file's labels."""
    text = (
        "Date: 12 March 2021\nParticipant: P04\n\nq. what helped?\na. staff.\nq. and?\na. time.\n"
    )
    t = _read(tmp_path / "p04.txt", text)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("q", "interviewer"),
        ("a", "participant"),
    ] * 2


def test_a_list_with_no_other_label_is_one_participants_talk(tmp_path: Path) -> None:
    t = _read(tmp_path / "p03.txt", "a. first: the referral.\ni. then: reviews.\n")
    assert [u.role for u in t.turns] == ["participant"]


def test_a_list_marker_the_researcher_names_is_a_label(tmp_path: Path) -> None:
    """Named with ``--interviewer`` and ``--participant``, a lower-case marker is the speaker it
    was."""
    text = "q. what helped: staff or money?\na. staff: the peer workers.\n"
    t = _read(tmp_path / "p07.txt", text, interviewer_labels=["Q"], participant_labels=["a"])
    assert [(u.speaker, u.role) for u in t.turns] == [("q", "interviewer"), ("a", "participant")]


def test_a_marker_that_labels_other_lines_is_a_label_before_a_colon_too(tmp_path: Path) -> None:
    """A question-and-answer transcript typed in lower case: ``q`` and ``a`` open lines that are
    no list items, so they are its speakers on every line."""
    text = "q. what helped: staff or money?\na. staff: the peer workers.\nq. and?\na. time.\n"
    t = _read(tmp_path / "p10.txt", text)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("q", "interviewer"),
        ("a", "participant"),
        ("q", "interviewer"),
        ("a", "participant"),
    ]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # upper-case question-and-answer labels, a colon in the words or not
        ("Q. What helped: staff or money?\nA. Staff: the peer workers.\nQ. And?\nA. Time.\n",
         ["Q", "A", "Q", "A"]),
        ("I. What helped?\nR. Background: the peer workers.\nI. And?\nR. Time.\n",
         ["I", "R", "I", "R"]),
        # lower-case labels with no list item's colon
        ("q. what helped?\na. the peer workers.\nq. and?\na. time.\n", ["q", "a", "q", "a"]),
        # the colon labels of a short-label transcript
        ("I: What helped?\nR: The peer workers.\nQ: And?\nA: Time.\n", ["I", "R", "Q", "A"]),
    ],
)  # fmt: skip
def test_question_and_answer_labels_are_read_as_before(
    tmp_path: Path, text: str, speakers: list[str]
) -> None:
    t = _read(tmp_path / "p08.txt", text)
    assert [u.speaker for u in t.turns] == speakers
    assert [u.role for u in t.turns][:2] == ["interviewer", "participant"]


def test_a_full_stop_and_a_colon_after_a_label_open_a_turn(tmp_path: Path) -> None:
    """The hunt's t19: ``Q.:`` / ``A.:``, read before as no labels at all."""
    text = (
        "Q.: What helped?\nA.: The peer workers.\nQ.: Anything else?\n"
        "A.: The budget. N. Yorkshire: more houses?\nQ.: Thanks.\nA.: Fine.\n"
    )
    t = _read(tmp_path / "p09.txt", text)
    assert _turns(t) == [
        ("Q", "interviewer", "What helped?"),
        ("A", "participant", "The peer workers."),
        ("Q", "interviewer", "Anything else?"),
        ("A", "participant", "The budget. N. Yorkshire: more houses?"),
        ("Q", "interviewer", "Thanks."),
        ("A", "participant", "Fine."),
    ]


def test_a_full_stop_and_a_colon_after_a_word_are_no_label(tmp_path: Path) -> None:
    text = "Interviewer: How is it going?\nP04: Fine.\nNote.: we cope.\nOK.: so.\n"
    assert [u.speaker for u in _read(tmp_path / "p04.txt", text).turns] == ["Interviewer", "P04"]


# session 69 hunt h_lists: the rule for markers with no heading beside colon labels applies
# only to a run of items after such a label, never to a question-and-answer transcript's own
# labels (q a q a), and markers are compared in their case


def _speakers_of_lines(t: Transcript, opening: str) -> list[tuple[str, str]]:
    """The speaker and role of the turn holding the words of each line ``opening`` opens."""
    out = []
    at = t.text.find(opening)
    while at != -1:
        words = at + len(opening)
        out += [(u.speaker, u.role) for u in t.turns if u.start <= words < u.end] or [("", "")]
        at = t.text.find(opening, at + 1)
    return out


@pytest.mark.parametrize(
    "colon_line",
    [
        "Interview 3: registered manager\n\n",  # a title (the brief's shortest repro)
        "Facilitator: welcome, thanks for coming.\n",
        "Interviewer: Jane Morris (JM), research fellow\nInterviewee: P02, registered manager\n\n",
    ],
)
def test_lower_case_qa_below_one_colon_line_keeps_its_labels(
    tmp_path: Path, colon_line: str
) -> None:
    text = colon_line + "q. what helped?\na. staff.\nq. and money?\na. none.\n"
    t = _read(tmp_path / "p11.txt", text)
    assert _speakers_of_lines(t, "q. ") == [("q", "interviewer")] * 2
    assert _speakers_of_lines(t, "a. ") == [("a", "participant")] * 2


@pytest.mark.parametrize(
    "colon_line",
    ["Ruth (deputy manager): can I add the volunteers?\n", "P02: sorry, can I come back?\n"],
)
def test_lower_case_qa_with_one_colon_speaker_inside_keeps_its_labels(
    tmp_path: Path, colon_line: str
) -> None:
    text = "q. what helped?\na. the peer workers.\n" + colon_line + "q. of course.\na. money.\n"
    t = _read(tmp_path / "p12.txt", text)
    assert [u.speaker for u in t.turns] == ["q", "a", colon_line.split(":")[0], "q", "a"]
    assert t.turns[0].start == len("q. ") and t.turns[0].role == "interviewer"


def test_lower_case_qa_with_a_heading_on_every_line_keeps_its_labels(tmp_path: Path) -> None:
    text = (
        "q. what helped: staff or money?\na. staff: the peer workers.\n"
        "q. and the board: did it help?\na. yes: it backed us.\n"
    )
    t = _read(tmp_path / "p13.txt", text)
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("q", "interviewer"),
        ("a", "participant"),
    ] * 2


@pytest.mark.parametrize("options", [{}, {"interviewer_labels": ["I"]}])
def test_headed_items_in_an_upper_case_i_r_file_are_the_answers_words(
    tmp_path: Path, options: dict[str, object]
) -> None:
    """``I.`` labels the interviewer; the answer's ``i.`` item is no ``I`` (case compared)."""
    text = (
        "I. What did reviews cover?\nR. Several things.\ni. care plans: every month.\n"
        "ii. risk: every week.\nI. Thanks.\nR. Fine.\n"
    )
    t = _read(tmp_path / "p14.txt", text, **options)
    assert _turns(t) == [
        ("I", "interviewer", "What did reviews cover?"),
        ("R", "participant", "Several things.\ni. care plans: every month.\nii. risk: every week."),
        ("I", "interviewer", "Thanks."),
        ("R", "participant", "Fine."),
    ]


def test_a_list_item_in_a_q_a_colon_file_is_the_answers_words(tmp_path: Path) -> None:
    """``A.:`` labels the answer; the item ``a. first: ...`` is no ``A`` and draws no advice to
    delete a repeated label."""
    text = (
        "Q.: What are the steps?\nA.: Three.\na. first: the referral.\n"
        "b. second: the assessment.\nQ.: Thanks.\nA.: OK.\n"
    )
    path = tmp_path / "p15.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert [u.speaker for u in t.turns] == ["Q", "A", "Q", "A"]
    assert "b. second: the assessment." in t.text[t.turns[1].start : t.turns[1].end]
    assert not [w for w in caught if "delete" in str(w.message)]


def test_a_marker_named_as_the_file_writes_it_is_a_label(tmp_path: Path) -> None:
    """``--participant a`` beside ``Interviewer:``/``P02:`` makes ``a.`` a speaker, as the docs
    say; ``--interviewer Q`` names the file's lower-case ``q.`` where no ``Q.`` opens a line."""
    text = "Interviewer: What are the steps?\nP02: Three.\na. the referral.\nb. the plan.\n"
    t = _read(tmp_path / "p16.txt", text, participant_labels=["a"])
    assert [(u.speaker, u.role) for u in t.turns][-1] == ("a", "participant")
    text = "Interviewer: What helped?\nP02: The staff.\nq. and money?\na. none.\n"
    t = _read(tmp_path / "p17.txt", text, interviewer_labels=["Q"], participant_labels=["a"])
    assert [(u.speaker, u.role) for u in t.turns][2:] == [
        ("q", "interviewer"),
        ("a", "participant"),
    ]


# Session 69 hunt h_lists2: the third round of the rule.


def test_qa_runs_split_by_a_colon_line_keep_their_labels(tmp_path: Path) -> None:
    """N15: ``q.``/``a.`` take turns across the whole file, not within one run: two one-exchange
    runs beside a title and ``Ruth (deputy manager):`` are labels (was: both questions coded)."""
    text = (
        "Interview 3: registered manager, Leeds\n\nq. what helped?\na. the peer workers.\n"
        "Ruth (deputy manager): can I add the volunteers?\nq. of course.\na. and money was short.\n"
    )
    t = _read(tmp_path / "n15.txt", text)
    assert _speakers_of_lines(t, "q. ") == [("q", "interviewer")] * 2
    assert _speakers_of_lines(t, "a. ") == [("a", "participant")] * 2


@pytest.mark.parametrize(
    "title",
    ["", "Interview 3: registered manager, Leeds\n\n", "Interviewer: Tell me.\nP02: Yes.\n"],
)
def test_a_q_line_that_asks_before_an_a_line_is_an_exchange(tmp_path: Path, title: str) -> None:
    """N07, N13: ``q. ...?`` then ``a. ...`` is a question and its answer, not a list, though
    it is the file's only one (was: the question coded as the participant's)."""
    text = title + "q. and is it protected time?\na. not really, it gets cancelled.\n"
    t = _read(tmp_path / "n07.txt", text)
    assert _speakers_of_lines(t, "q. ") == [("q", "interviewer")]
    assert _speakers_of_lines(t, "a. ") == [("a", "participant")]


@pytest.mark.parametrize(("first", "second"), [("i", "ii"), ("b", "c")])
def test_headed_items_in_a_lower_case_qa_file_are_the_answers_words(
    tmp_path: Path, first: str, second: str
) -> None:
    """N11, N12: in a ``q.``/``a.`` file a headed line of another marker is a list item (was:
    ``i`` the interviewer, the list left out of coding; ``b`` a speaker)."""
    text = (
        f"q. what did reviews cover?\na. several things.\n{first}. care plans: every month.\n"
        f"{second}. risk: every week.\nq. thanks. who led them?\na. the deputy manager.\n"
        "q. and did that work?\na. mostly, yes.\n"
    )
    t = _read(tmp_path / "n11.txt", text)
    assert [u.speaker for u in t.turns] == ["q", "a"] * 3
    assert f"{second}. risk: every week." in t.text[t.turns[1].start : t.turns[1].end]


def test_letters_restarting_inside_one_answer_are_items(tmp_path: Path) -> None:
    """N04: ``a. ... i. ... a. ... i. ...`` in P02's turn, none asking, is a list typed with
    restarting letters, not two speakers taking turns (was: ``i`` the interviewer)."""
    text = (
        "Interviewer: What did each site review?\nP02: Two sites.\na. Leeds.\n"
        "i. care plans every month.\na. Wakefield, the same letter again.\n"
        "i. risk every week.\nInterviewer: Right.\nP02: Yes.\n"
    )
    t = _read(tmp_path / "n04.txt", text)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P02", "Interviewer", "P02"]
    assert "i. risk every week." in t.text[t.turns[1].start : t.turns[1].end]


def test_an_unheaded_list_below_a_full_stop_answer_label_is_its_words(tmp_path: Path) -> None:
    """N10: ``Q.``/``A.`` labels and ``i.``/``ii.`` items with no heading (was: ``i`` the
    interviewer, the list left out of coding)."""
    text = (
        "Q. What did reviews cover?\nA. Several things.\ni. care plans every month.\n"
        "ii. risk every week.\nQ. Thanks. Who led them?\nA. The deputy manager.\n"
    )
    t = _read(tmp_path / "n10.txt", text)
    assert [u.speaker for u in t.turns] == ["Q", "A", "Q", "A"]
    assert "ii. risk every week." in t.text[t.turns[1].start : t.turns[1].end]


#: The hunt h_lists3's P03/P04 (``Q.``, roman items), O09 (``Q.``, headed letters) and P05
#: (``Q:``): the interviewer's own list of questions, each item asking.
ASKED_LISTS = {
    "P03": ("Q. ", "Two things.\ni. how did training go?\nii. was there enough money?"),
    "P04": ("Q. ", "Two things.\ni. training: how did it go?\nii. money: was there enough?"),
    "O09": (
        "Q. ",
        "Three things, then.\na. training: how did it go?\nb. money: was there enough?\n"
        "c. and supervision?",
    ),
    "P05": (
        "Q: ",
        "Three things, then.\na. training: how did it go?\nb. money: was there enough?\n"
        "c. and supervision?",
    ),
}


@pytest.mark.parametrize("name", sorted(ASKED_LISTS))
def test_a_list_of_questions_under_a_question_marker_is_the_interviewers(
    tmp_path: Path, name: str
) -> None:
    """h_lists3 HIGH vs OLD: the question marker's rule (the lines after its question are the
    answer's) split the list after its first item that asks, and the rest, an ``A`` turn, was
    coded as the participant's; an item after an item that asks is the same list's."""
    q, asked = ASKED_LISTS[name]
    a = q.replace("Q", "A")
    text = f"{q}{asked}\n{a}Training fine, money short.\n{q}Thanks.\n{a}OK.\n"
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    assert _turns(t) == [
        ("Q", "interviewer", asked),
        ("A", "participant", "Training fine, money short."),
        ("Q", "interviewer", "Thanks."),
        ("A", "participant", "OK."),
    ]
    assert not [w for w in caught if "split" in str(w.message)]


def test_a_list_answering_a_question_markers_question_is_the_answers(tmp_path: Path) -> None:
    """The rule's own case stays: a list below the question marker's question, its first item
    after a question that is no item, is the answer's words."""
    t = _read(
        tmp_path / "q5.txt",
        "Question 5: What helped?\na. training: the induction.\nb. money: was it enough? no.\n"
        "Question 6: Anything else?\nNo.\n",
    )
    assert [(s, r) for s, r, _ in _turns(t)] == [
        ("Question 5", "interviewer"),
        ("Participant", "participant"),
        ("Question 6", "interviewer"),
        ("Participant", "participant"),
    ]
    assert _turns(t)[1][2] == "a. training: the induction.\nb. money: was it enough? no."


def _read_docx(path: Path, paragraphs: list[str]) -> Transcript:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


@pytest.mark.parametrize("name", sorted(ASKED_LISTS))
def test_a_list_of_questions_under_a_question_marker_in_word_is_the_interviewers(
    tmp_path: Path, name: str
) -> None:
    """The same lists typed as Word paragraphs (f_lists4 open, HIGH vs OLD): the Word reader's
    question-marker rule (every paragraph after a ``Q`` paragraph is the answer's) made both
    questions and the answer one ``A`` turn, coded; an item that asks below the marker's words
    that do not, or an item below an item that asks, goes on with the interviewer's list."""
    q, asked = ASKED_LISTS[name]
    a = q.replace("Q", "A")
    first, *items = asked.split("\n")
    t = _read_docx(
        tmp_path / f"{name}.docx",
        [q + first, *items, a + "Training fine, money short.", q + "Thanks.", a + "OK."],
    )
    assert _turns(t) == [
        ("Q", "interviewer", asked),
        ("A", "participant", "Training fine, money short."),
        ("Q", "interviewer", "Thanks."),
        ("A", "participant", "OK."),
    ]


def test_a_list_answering_a_question_markers_question_in_word_is_the_answers(
    tmp_path: Path,
) -> None:
    """The Word rule's own case stays: a list below ``Question 5: What helped?`` is the
    answer's, an item in it that asks too."""
    t = _read_docx(
        tmp_path / "q5.docx",
        [
            "Question 5: What helped?",
            "a. training: the induction.",
            "b. money: was it enough? no.",
            "c. supervision?",
            "Question 6: Tell me about your team.",
            "a. who? five nurses.",
            "b. and a manager?",
        ],
    )
    assert [(s, r) for s, r, _ in _turns(t)] == [
        ("Question 5", "interviewer"),
        ("Participant", "participant"),
        ("Question 6", "interviewer"),
        ("Participant", "participant"),
    ]
    assert _turns(t)[1][2] == (
        "a. training: the induction.\nb. money: was it enough? no.\nc. supervision?"
    )
    assert _turns(t)[3][2] == "a. who? five nurses.\nb. and a manager?"


#: Session 70 f_labels finding 1 (own001): the interviewer's two items below ``Q.: Two
#: things.`` and a blank line, then an unlabelled answer line right after the list.
QUESTION_LIST_THEN_ANSWER = {
    "blank line": (
        ["Q.: Two things.", "", "i. how did training go?", "ii. and the money."],
        "Two things.\n\ni. how did training go?\nii. and the money.",
    ),
    "no blank line": (
        ["Q.: Two things.", "i. how did training go?", "ii. and the money."],
        "Two things.\ni. how did training go?\nii. and the money.",
    ),
}


@pytest.mark.parametrize("layout", sorted(QUESTION_LIST_THEN_ANSWER))
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("answers", ["unlabelled", "labelled"])
def test_the_interviewers_list_ends_at_the_first_line_that_is_no_item(
    tmp_path: Path, layout: str, suffix: str, answers: str
) -> None:
    """s70 f_labels 1 (HIGH): after ``Q.: Two things.`` and a blank line, the .txt reader read
    the interviewer's items as the participant's answer (coded), the .docx reader as the
    interviewer's; the words below the question marker are the question's as in Word. In a file
    that labels no answers (``Q:`` alone: ``Q.:`` alone is no label) the list ends at the first
    line that is no item, the answer line after it the answer; in one that labels them
    (``A.: Mostly staffing.``, own001) too, as the next label is a question marker, not an
    answer label (the lead's narrowing of session 72 f_lists3's rule 4, s72 hunter R1): the
    answer is the one participant's the file labels."""
    lines, asked = QUESTION_LIST_THEN_ANSWER[layout]
    answer = "It went well overall, but money was short."
    paragraphs = [*lines, answer, "", "Q.: And what got in the way?", "A.: Mostly staffing."]
    if answers == "unlabelled":
        paragraphs = [p.replace("Q.:", "Q:") for p in paragraphs[:-1]] + ["Mostly staffing."]
    if suffix == ".docx":
        t = _read_docx(tmp_path / "own001.docx", [p for p in paragraphs if p])
        asked = asked.replace("\n\n", "\n")
    else:
        t = _read(tmp_path / "own001.txt", "\n".join(paragraphs) + "\n")
    answerer = "Participant" if answers == "unlabelled" else "A"
    assert _turns(t) == [
        ("Q", "interviewer", asked),
        (answerer, "participant", answer),
        ("Q", "interviewer", "And what got in the way?"),
        (answerer, "participant", "Mostly staffing."),
    ]


def test_a_wrapped_item_of_the_interviewers_list_is_still_the_question(tmp_path: Path) -> None:
    """A line below an item that ends no sentence is the item's own words typed on (a wrapped
    line), not the answer; the line after the item's end is the answer (in a file that labels
    no answers)."""
    text = (
        "Q: Two things.\n\ni. how did training go?\nii. and what about\nthe money.\n"
        "It went well overall.\nQ: Thanks.\nOK.\n"
    )
    t = _read(tmp_path / "wrapped.txt", text)
    assert [(r, w) for _, r, w in _turns(t)][:2] == [
        ("interviewer", "Two things.\n\ni. how did training go?\nii. and what about\nthe money."),
        ("participant", "It went well overall."),
    ]


#: Session 70 f_labels finding 3: a participant's list lettered in capitals, ``A.`` and ``B.``
#: also the answerer's labels.
LETTERED = (
    "Interviewer: What got in the way?\n"
    "P04: Three things, really.\n"
    "A. First item: the staffing, we lost two nurses.\n"
    "B. Second item: the money, the grant ran out.\n"
    "C. Third item: the training was all online.\n"
    "Interviewer: Thank you.\n"
    "P04: No problem.\n"
)


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_capital_letters_in_order_below_a_turn_are_a_lists_items(
    tmp_path: Path, suffix: str
) -> None:
    """s70 f_labels 3: ``A. First item: ...`` / ``B. Second item: ...`` in P04's answer were
    speakers 'A' and 'B' (the answer split in three, 'the participant speaks under 3 labels');
    capitals in order from ``A.`` below a turn, the letters labelling no other line, are the
    answer's list."""
    if suffix == ".docx":
        t = _read_docx(tmp_path / "p04.docx", LETTERED.rstrip("\n").split("\n"))
    else:
        t = _read(tmp_path / "p04.txt", LETTERED)
    answer = LETTERED.split("P04: ", 1)[1].split("\nInterviewer:", 1)[0]
    assert _turns(t) == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P04", "participant", answer),
        ("Interviewer", "interviewer", "Thank you."),
        ("P04", "participant", "No problem."),
    ]


#: s72 f_lists3 m018: a lettered list in the answer below a numbered question, in a file that
#: labels no answers.
LETTERED_BELOW_QUESTIONS = [
    "Question 1: What got in the way of recovery-orientated practice?",
    "Two things really.",
    "A. The commissioners wanted numbers, not recovery stories.",
    "B. Staff turnover, we lost three support workers in a year.",
    "Question 2: And what helped?",
    "A. The recovery college training was free.",
    "B. It was co-produced with people with lived experience.",
    "C. The managers went too, so it stuck.",
    "Question 3: Anything else?",
    # a line of talk in the full-stop shape above the list (m018's own)
    "Mostly staffing. We lost two nurses.",
    "A. the staffing.",
    "B. the money.",
]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_capital_letters_in_order_below_a_numbered_question_are_the_answers_list(
    tmp_path: Path, suffix: str
) -> None:
    """s73: in a file whose questions are ``Question N:`` lines and whose answers have no label,
    ``A. ...`` / ``B. ...`` in an answer were read as speakers 'A' and 'B' (the answer in three
    turns, its first words coded without the list); they are the answer's list, as below a
    ``P04:`` turn."""
    lines = LETTERED_BELOW_QUESTIONS
    if suffix == ".docx":
        t = _read_docx(tmp_path / "rm12.docx", lines)
    else:
        t = _read(tmp_path / "rm12.txt", "\n".join(lines) + "\n")
    assert _turns(t) == [
        ("Question 1", "interviewer", lines[0].split(": ", 1)[1]),
        ("Participant", "participant", "\n".join(lines[1:4])),
        ("Question 2", "interviewer", lines[4].split(": ", 1)[1]),
        ("Participant", "participant", "\n".join(lines[5:8])),
        ("Question 3", "interviewer", lines[8].split(": ", 1)[1]),
        ("Participant", "participant", "\n".join(lines[9:])),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered question's file that labels its answers: the lines below the question
        # are the interviewer's until the answer's label, so A. and B. are read as before
        "Question 1: What got in the way?\nA. Money.\nB. Staff.\nP04: Both, really.\n",
        "Q. What got in the way?\nA. Three things, really.\nA. First item: the staffing.\n"
        "B. Second item: the money.\nQ. And what helped?\nA. The team.\n",
        # A. and B. take turns below a header line: two speakers
        "P04: Hello.\nA. How did it go?\nB. Fine.\nA. And the money?\nB. Short.\n",
        # below the interviewer's question, an unlabelled answer above them: whose is unknown
        "Interviewer: Two things.\nMostly staffing.\nA. First item: the staffing.\n"
        "B. Second item: the money.\nInterviewer: Thanks.\nP04: OK.\n",
        # letters out of order
        "Interviewer: What got in the way?\nP04: Two things.\nB. the staffing.\nA. the money.\n",
    ],
)
def test_capital_letters_that_may_be_speakers_stay_labels(tmp_path: Path, text: str) -> None:
    """Where the capitals cannot be told from the answerer's labels, they are read as before."""
    path = tmp_path / "p04.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        new = _turns(read_transcript(path))
    assert {"A", "B"} <= {s for s, _, _ in new}


def test_capital_letters_named_by_the_researcher_stay_labels(tmp_path: Path) -> None:
    t = _read(tmp_path / "p04.txt", LETTERED, participant_labels=["A", "B"])
    assert {"A", "B"} <= {u.speaker for u in t.turns}


#: s72 f_lists3 r3d: a lower-case question-and-answer transcript with no title above its first
#: ``q.`` line, the interviewer's own list of questions below it (a service's time between them
#: or not).
QUESTION_LIST_NO_TITLE = [
    "q. Two things.",
    "i. how did training go?",
    "ii. was there enough money?",
    "It went well overall, but money was short.",
    "q. And what got in the way?",
    "a. Mostly staffing.",
]


@pytest.mark.parametrize("timed", [False, True])
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_lower_case_question_marker_with_no_title_keeps_its_list_of_questions(
    tmp_path: Path, suffix: str, timed: bool
) -> None:
    """s73: with no title above the first ``q.`` line, its list's ``i.`` was read as the
    interviewer ``I`` and the answer below the list went into I's turn, not coded; the items are
    the question's, as they are below a title, and the answer is ``a``'s."""
    lines = list(QUESTION_LIST_NO_TITLE)
    if timed:
        lines.insert(1, "00:01:02")
    if suffix == ".docx":
        t = _read_docx(tmp_path / "rm13.docx", lines)
    else:
        t = _read(tmp_path / "rm13.txt", "\n".join(lines) + "\n")
    got = [(s, r, w.replace("00:01:02\n", "")) for s, r, w in _turns(t)]
    assert got == [
        ("q", "interviewer", "Two things.\ni. how did training go?\nii. was there enough money?"),
        ("a", "participant", "It went well overall, but money was short."),
        ("q", "interviewer", "And what got in the way?"),
        ("a", "participant", "Mostly staffing."),
    ]
