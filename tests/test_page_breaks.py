"""A page break, or another character that ends a line, before a speaker's label in a plain-text
transcript: Word's "Save as Plain Text" writes a page break as a form feed at the start of the
next paragraph, pdftotext one at the start of each page, and Word and Excel copies can hold a
vertical tab or a Unicode line separator inside a line. The label after it opens its line, as on
the page (tester s82 messy12, class B: the label was read as the words of the turn above it, so
the participant's answer after a page break went silently into the interviewer's question,
uncoded, and the interviewer's question after one was coded as the participant's talk)."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

DATA = Path(__file__).parent / "data" / "page_breaks"
#: the characters besides \n that end a line (str.splitlines breaks at each)
LINE_BREAKS = "\f\v\x1c\x1d\x1e\x85\u2028\u2029"


def _read(name: str) -> tuple[list[tuple[str, str, str]], list[str], str]:
    """The turns (speaker, role, words) of ``name``, the warnings read_transcript gave, and
    the transcript's text; each segment checked to be its text's slice, with no line break
    but ``\\n`` in it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(DATA / name)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
        assert not any(c in s.text for c in LINE_BREAKS), s.text
    turns = [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]
    return turns, [str(w.message) for w in caught], t.text


def test_word_page_breaks_open_the_labels_after_them() -> None:
    turns, said, text = _read("word_page_breaks.txt")
    assert turns == [
        ("Interviewer", "interviewer", "How did the new rota start?"),
        ("P07", "participant", "Badly, at first. Nobody had been asked about it."),
        ("Interviewer", "interviewer", "What changed after that?"),
        (
            "P07",
            "participant",
            "The ward manager held a meeting every Friday.\n She wrote down what each of us needed.",
        ),
        ("Interviewer", "interviewer", "And the night staff?"),
        ("P07", "participant", "They were the last to hear about it."),
    ]
    assert said == []
    # a page break opening a line is a blank there: the file's lines stay its lines, every
    # offset the file's (its line endings \n)
    file_text = (DATA / "word_page_breaks.txt").read_bytes().decode("utf-8")
    assert text == file_text.replace("\r\n", "\n").replace("\f", " ")


def test_pdftotext_pages_keep_the_files_line_numbers() -> None:
    turns, said, _ = _read("pdftotext_pages.txt")
    assert turns == [
        ("Interviewer", "interviewer", "Who trained you on the new system?"),
        ("P12", "participant", "A woman from the supplier, for one morning."),
        ("Interviewer", "interviewer", "Was that enough?"),
        ("P12", "participant", "Not really, we taught each other after."),
        ("P12", "participant", "The older nurses helped most."),
    ]
    # the repeated label is on the file's line 9, as an editor counts it
    assert said == [
        f"{DATA / 'pdftotext_pages.txt'}: 1 turn split by a repeated speaker label (line 9): "
        "this format is read as typed, so each part is coded on its own (delete the repeated "
        "label in the file to code the answer whole)"
    ]


def test_a_separator_inside_a_line_ends_it() -> None:
    turns, said, text = _read("separators_in_lines.txt")
    answers = [
        "The trust paid for the first year.",
        "A charity.",
        "A local one.",
        "Two years.",
        "It stopped.",
        "Nobody applied again.",
        "Not that I know of.",
    ]
    questions = [
        "Where did the money come from?",
        "And after that?",
        "Which one?",
        "Did it last?",
        "Then what?",
        "Why?",
        "Nobody at all?",
        "Thank you.",
    ]
    expected = [("Interviewer", "interviewer", questions[0])]
    for answer, question in zip(answers, questions[1:], strict=True):
        expected += [("P03", "participant", answer), ("Interviewer", "interviewer", question)]
    assert turns == expected
    assert said == []
    # each separator is a line break of one character: every other character keeps its offset
    file_text = (DATA / "separators_in_lines.txt").read_bytes().decode("utf-8")
    assert len(text) == len(file_text)
    assert [i for i, c in enumerate(text) if c != file_text[i]] == sorted(
        file_text.index(c) for c in LINE_BREAKS[1:]
    )


def test_an_interviewer_label_hidden_by_a_character_before_it_is_not_named_again() -> None:
    """The split-turn warning's advice for a question opening with ``Interviewer:`` not read as
    a label: ``Interviewer`` is a label already, so ``--interviewer Interviewer`` reads nothing
    more; the character before it hides it (here a C1 control character, U+0081, no line
    break; a unit separator, U+001F, hid it before session 83)."""
    turns, said, _ = _read("c1_control_label.txt")
    assert turns[1] == (
        "P09",
        "participant",
        "Mostly the staffing.\n\n\x81Interviewer: And the paperwork?",
    )
    assert said == [
        f"{DATA / 'c1_control_label.txt'}: 1 turn split by a repeated speaker label "
        "(line 7), below a question whose opening '\\x81Interviewer:' was not read as a "
        "speaker's label ('\\x81Interviewer: And the paperwork?'), read as the participant's "
        "talk and coded: "
        "'Interviewer' is read as the interviewer's label where a line opens with it: if the "
        "interviewer asks it, delete what stands before 'Interviewer:' on the line (a mark, or a "
        "character that may not show, such as a control character), or label it "
        "'Interviewer: ...' in the file (deleting the repeated label would code the question "
        "with the answer)"
    ]


def test_a_label_after_a_unit_separator_is_read() -> None:
    """A unit separator (U+001F, a database export's) before a label is read past, as a mark of
    direction or a soft hyphen is (tests/test_invisible_characters_before_labels.py): the
    question is the interviewer's, the character left in the text between the turns (session
    83; before, it hid the label and the question was coded as P09's talk)."""
    turns, said, text = _read("unit_separator_label.txt")
    assert turns == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P09", "participant", "Mostly the staffing."),
        ("Interviewer", "interviewer", "And the paperwork?"),
        ("P09", "participant", "Nobody reads it."),
    ]
    assert said == []
    assert "\x1fInterviewer: And the paperwork?" in text


def test_a_name_not_yet_a_label_is_still_offered_as_the_interviewer(tmp_path: Path) -> None:
    """A question opening with a name the file reads nowhere as a label keeps the advice to
    name it the interviewer (:func:`.initialled_talk.interviewer_fix`)."""
    f = tmp_path / "p10.txt"
    f.write_text(
        "St. John Rivers: What got in the way?\n\nP10: Mostly the staffing.\n\n"
        "St. John Rivers: And the paperwork?\n\nP10: Nobody reads it.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_transcript(f)
    split = [
        str(w.message) for w in caught if "split by a repeated speaker label" in str(w.message)
    ]
    assert len(split) == 1
    assert "if 'St. John Rivers' is the interviewer, roqa code/inspect --interviewer" in split[0]
