"""Lines of an answer shaped as a label said once stay the answer's words, and no word of a
file is left out of its turns (session 81 hunt9 F1, F2: after lfix5 an anonymised rota read out
in an answer, ``Amy L.  07:30`` / ``Ben C.  08:00`` / ``Chloe D.  08:30``, made ``Chloe D.`` a
participant and left the other two lines in no turn; ``Ward C. 3:00``, ``Ward C.  08:00`` and a
Word file's schedule line ``9:00 MDT`` each became a participant taking the answer's last
words). The files in tests/data/said_once_in_answers are synthetic, written for these tests."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

DATA = Path(__file__).parent / "data" / "said_once_in_answers"
H, G = "Hannah Whitfield", "Gareth Price"


def _turns(path: Path) -> list[tuple[str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


#: Each file's turns as a reader must give them: the line said once is the answer's words.
EXPECTED = {
    "otter_anon_rota.txt": [
        (H, "Who was on the early shift that day?"),
        (
            G,
            "The board said this.\n\nAmy L.  07:30\n\nBen C.  08:00\n\nChloe D.  08:30\n\n"
            "And then the huddle at nine.",
        ),
        (H, "Did that match who turned up?"),
        (G, "Not really, no."),
    ],
    "otter_ward_c_handover.txt": [
        (H, "Can you walk me through what happened the night he was moved?"),
        (
            G,
            "He was moved at three in the morning, which is exactly what the policy says should "
            "never happen.\n\nWard C. 3:00\n\nThat is where it all went wrong, because nobody "
            "sent his notes up with him.",
        ),
        (H, "What did the team do about it afterwards?"),
        (
            G,
            "We raised an incident, and the matron changed the rule so nobody moves after "
            "midnight without a call.",
        ),
    ],
    "colon_bed_list.txt": [
        (H, "Where did the patients go when the ward closed?"),
        (
            G,
            "We split them between two areas, which nobody liked.\n\nBay B.  07:30\n\n"
            "Ward C.  08:00\n\nAnd the families were not told until lunchtime.",
        ),
        (H, "How did the families react?"),
        (G, "Badly, and I do not blame them."),
    ],
    "word_mdt_schedule.txt": [
        (H, "What does a normal day on the unit look like for you now?"),
        (
            G,
            "Honestly the only fixed point in the whole day is this one.\n\n9:00 MDT\n\n"
            "Everything else moves around it, discharges, family meetings, the lot.",
        ),
        (H, "And does that meeting help with discharge planning?"),
        (G, "It does when the social worker turns up, which is maybe half the time."),
    ],
    "word_mdt_schedule2.txt": [
        (H, "What does a normal day on the unit look like for you now?"),
        (
            G,
            "Honestly the only fixed point in the whole day is this one.\n\n9:00 MDT\n\n"
            "Everything else moves around it, discharges, family meetings, the lot.",
        ),
        (H, "And does the MDT help with discharge planning?"),
        (G, "It does when the social worker turns up, which is maybe half the time."),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_line_said_once_in_an_answer_stays_the_answers_words(name: str) -> None:
    assert _turns(DATA / name) == EXPECTED[name]


_WORD = re.compile(r"[^\W\d_]+")


def _left_out(text: str, path: Path) -> list[str]:
    """The words of ``text`` that are in no turn's text and name no speaker of a turn."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    said = Counter(_WORD.findall(" ".join(t.text[u.start : u.end] for u in t.turns)))
    names = {w for u in t.turns for w in _WORD.findall(u.speaker)}
    return sorted(w for w in Counter(_WORD.findall(text)) - said if w not in names)


def _otter(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _hms(s: int) -> str:
    return f"00:{s // 60:02d}:{s % 60:02d}"


#: How a layout writes a label and its time (Otter, Otter with the time below, Zoom, Word, Rev).
LAYOUTS = {
    "otter": lambda n, s: f"{n}  {_otter(s)}",
    "otter two lines": lambda n, s: f"{n}\n{_otter(s)}",
    "zoom": lambda n, s: f"[{n}] {_hms(s)}",
    "word transcribe": lambda n, s: f"{_hms(s)} {n}",
    "rev": lambda n, s: f"{n} ({_hms(s)[3:]}):",
}
#: Lines read out inside an answer: each written by a layout at the time given, or as written.
READ_OUT = {
    "anonymised rota": [("Amy L.", 450), ("Ben C.", 480), ("Chloe D.", 510)],
    "rota of full names": [("Amy Lee", 450), ("Ben Cole", 480), ("Chloe Dunn", 510)],
    "beds in order": [("ICU", 75), ("HDU", 78)],
    "wards in order": [("Ward C.", 75), ("Bay B.", 79)],
    "a ward out of order": [("Ward C.", 180)],
    "a ward in order": [("Ward C.", 75)],
    "capitals in order": [("CQC", 75)],
}


def _file(layout: str, read_out: str, blank: str) -> str:
    label = LAYOUTS[layout]
    answer = [
        "Mixed, honestly. Some of the senior staff thought it was more paperwork for nothing.",
        "The one that matters most is this.",
        *(label(n, s) for n, s in READ_OUT[read_out]),
        "That is what the managers look at.",
    ]
    turns = [
        (H, 3, ["Can you tell me a bit about how the new discharge process works on your ward?"]),
        (G, 16, ["So basically we start planning on the day of admission, which is new for us."]),
        (H, 56, ["And how did the team feel about that change at the start?"]),
        (G, 69, answer),
        (H, 109, ["What helped people come round to it in the end?"]),
        (G, 122, ["Seeing the length of stay numbers drop, I think."]),
    ]
    return blank.join("\n".join([label(n, s), blank.join(words)]) for n, s, words in turns) + "\n"


@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank lines", "no blank lines"])
@pytest.mark.parametrize("read_out", sorted(READ_OUT))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_word_of_a_file_is_left_out_of_its_turns(
    tmp_path: Path, layout: str, read_out: str, blank: str
) -> None:
    text = _file(layout, read_out, blank)
    path = tmp_path / "interview.txt"
    path.write_text(text, encoding="utf-8")
    assert _left_out(text, path) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_word_of_a_repro_is_left_out_of_its_turns(name: str) -> None:
    path = DATA / name
    assert _left_out(path.read_text(encoding="utf-8"), path) == []


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_name_said_once_inside_an_answer_of_two_paragraphs_stays_talk(
    tmp_path: Path, layout: str
) -> None:
    """``Ward C.  1:15`` in order, its own paragraph, in an answer that runs on over more
    paragraphs than any other turn: the answer's words, as the same line is in Word's files;
    with the time on the line below the name too, ``Ward C.`` / ``1:15``, which the names-above-
    their-times reader took as a speaker's (a ward is no name: ``data/places_before_a_letter.txt``;
    it still takes ``CQC`` and ``Amy Lee`` there)."""
    path = tmp_path / "interview.txt"
    path.write_text(_file(layout, "a ward in order", "\n\n"), encoding="utf-8")
    turns = _turns(path)
    assert [s for s, _ in turns] == [H, G, H, G, H, G]
    assert turns[3][1].startswith("Mixed, honestly.")
    assert turns[3][1].endswith("That is what the managers look at.")
    assert "Ward C." in turns[3][1]


@pytest.mark.parametrize("question", ["And does MDT help?", "Is MDT the fixed point, then?"])
def test_capitals_said_in_the_talk_elsewhere_stay_talk(tmp_path: Path, question: str) -> None:
    """``MDT  1:15`` in order, its own paragraph after a one-line answer, as a GP cutting in
    is laid out, where the talk says "MDT" too, as a name: the file's acronym, not a speaker."""
    path = tmp_path / "interview.txt"
    path.write_text(
        "Hannah Whitfield  0:56\nWhat is the one fixed point of the day?\n\n"
        "Gareth Price  1:09\nHonestly, only the one meeting.\n\n"
        "MDT  1:15\nEverything else moves around it.\n\n"
        f"Hannah Whitfield  1:49\n{question}\n\n"
        "Gareth Price  2:02\nWhen the social worker turns up.\n",
        encoding="utf-8",
    )
    assert _turns(path) == [
        (H, "What is the one fixed point of the day?"),
        (G, "Honestly, only the one meeting.\n\nMDT  1:15\nEverything else moves around it."),
        (H, question),
        (G, "When the social worker turns up."),
    ]


def test_capitals_said_in_the_talk_only_after_a_determiner_may_take_a_turn() -> None:
    """``GP  0:35`` in order, laid out as the speakers' labels, cutting into a one-line answer,
    where the talk says "we ring the GP": a common noun of the talk, which does not make the
    GP's label an acronym (session 81 hunt12 F3: the GP's line and words ended Gareth's turn)."""
    assert _turns(DATA / "gp_said_in_talk.txt") == [
        (H, "Can you tell me a bit about how the new discharge process works on your ward?"),
        (
            G,
            "So basically we start planning on the day of admission, and we ring the GP the "
            "same day.",
        ),
        (H, "And how did the team feel about that change at the start?"),
        (G, "Mixed, honestly. Some of the senior staff thought it was more paperwork for nothing."),
        ("GP", "Sorry to interrupt, I need the keys for the drug cupboard."),
        (H, "What helped people come round to it in the end?"),
        (G, "Seeing the length of stay numbers drop, I think."),
    ]


@pytest.mark.parametrize("answer", ["28.", "2019", "...", "--"])
def test_a_speaker_whose_only_turn_is_a_number_or_a_mark_stays_a_speaker(
    tmp_path: Path, answer: str
) -> None:
    """A label with something below it is no list read out, whatever it says: only letters
    counted as words, so Mary's "28." and its label line were read into the question above
    (session 81 hunt12 F2; 0c614a16 read her as a speaker)."""
    path = tmp_path / "num_answer.txt"
    path.write_text(
        "Hannah Whitfield  0:03\nCan you tell me how the new discharge process works?\n\n"
        "Gareth Price  0:09\nSo basically we start planning on the day of admission.\n\n"
        "Hannah Whitfield  0:20\nAnd how many beds does the ward have now, does anyone know?\n\n"
        f"Mary Okafor  0:26\n{answer}\n\n"
        "Gareth Price  0:28\nYes, twenty-eight, since the winter.\n",
        "utf-8",
    )
    t = read_transcript(path)
    assert [(x.speaker, t.text[x.start : x.end]) for x in t.turns] == [
        ("Hannah Whitfield", "Can you tell me how the new discharge process works?"),
        ("Gareth Price", "So basically we start planning on the day of admission."),
        ("Hannah Whitfield", "And how many beds does the ward have now, does anyone know?"),
        ("Mary Okafor", answer),
        ("Gareth Price", "Yes, twenty-eight, since the winter."),
    ]
