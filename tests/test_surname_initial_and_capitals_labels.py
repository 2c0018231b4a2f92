"""Speaker labels lost before session 81 (lfix5), in every layout a name above its words is:
a name with a surname's initial and its full stop (``Gareth P.  0:15``, as an anonymised
transcript writes a person; session 80 hunt5 P1: Gareth's label lines and answers were all
inside Hannah's one turn, with no warning) and two to four capitals said once as one more
speaker (``GP  1:51`` between Hannah's and Gareth's turns; hunt8 P2: the GP's words were
Hannah's). Capitals inside an answer stay talk."""

from __future__ import annotations

import warnings
from pathlib import Path

import docx
import pytest

from roqa_nlp.transcripts import read_transcript

H, G = "Hannah Whitfield", "Gareth Price"
SAY = [
    "Can you tell me a bit about how the new discharge process works on your ward?",
    "So basically we start planning on the day of admission, which is new for us.",
    "And how did the team feel about that change at the start?",
    "Mixed, honestly. Some of the senior staff thought it was more paperwork for nothing.",
    "What helped people come round to it in the end?",
    "Seeing the length of stay numbers drop, I think, and the matron backing it.",
    "Were there any resources that made a difference?",
    "We got a discharge coordinator for six months, which was brilliant.",
]
INTERRUPT = "Sorry to interrupt, I need the keys for the drug cupboard."


def _otter_time(s: int) -> str:
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def _hms(s: int) -> str:
    h, r = divmod(s, 3600)
    m, sec = divmod(r, 60)
    return f"{h:02d}:{m:02d}:{sec:02d}"


def _rev_time(s: int) -> str:
    return _hms(s) if s >= 3600 else _hms(s)[3:]


#: How each layout writes a speaker's label line (the words on the lines below).
LABEL_LINES = {
    "otter": lambda n, s: f"{n}  {_otter_time(s)}",
    "otter two lines": lambda n, s: f"{n}\n{_otter_time(s)}",
    "rev": lambda n, s: f"{n} ({_rev_time(s)}):",
    "zoom": lambda n, s: f"[{n}] {_hms(s)}",
    "word transcribe": lambda n, s: f"{_hms(s)} {n}",
    "happy scribe": lambda n, s: f"[{_hms(s)}.00] - {n}",
}


def _interview(asker: str, answerer: str) -> list[tuple[str, int, str]]:
    out, t = [], 3
    for k in range(4):
        out += [(asker, t, SAY[2 * k]), (answerer, t + 13, SAY[2 * k + 1])]
        t += 53
    return out


def _write(tmp_path: Path, layout: str, turns: list[tuple[str, int, str]]) -> Path:
    if layout == "teams docx":
        d = docx.Document()
        for name, s, words in turns:
            d.add_paragraph(f"{name}   {_otter_time(s)}")
            d.add_paragraph(words)
        path = tmp_path / "t.docx"
        d.save(str(path))
        return path
    path = tmp_path / "t.txt"
    if layout == "colon":
        body = "\n\n".join(f"{name}: {words}" for name, _, words in turns)
    elif layout == "otter, no blank lines":
        body = "\n".join(f"{LABEL_LINES['otter'](n, s)}\n{words}" for n, s, words in turns)
    else:
        body = "\n\n".join(f"{LABEL_LINES[layout](n, s)}\n{words}" for n, s, words in turns)
    path.write_text(body + "\n", encoding="utf-8")
    return path


def _turns(path: Path) -> list[tuple[str, str, float | None, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    return [(u.speaker, u.role, u.begin_time, t.text[u.start : u.end].strip()) for u in t.turns]


def _expected(
    turns: list[tuple[str, int, str]], asker: str, *, timed: bool = True
) -> list[tuple[str, str, float | None, str]]:
    return [
        (name, "interviewer" if name == asker else "participant", float(s) if timed else None, w)
        for name, s, w in turns
    ]


TIMED_LAYOUTS = [*LABEL_LINES, "otter, no blank lines", "teams docx"]


@pytest.mark.parametrize("layout", [*TIMED_LAYOUTS, "colon"])
@pytest.mark.parametrize(("asker", "answerer"), [(H, "Gareth P."), ("Hannah W.", "Gareth P.")])
def test_a_name_with_a_surname_initial_is_a_speaker(
    tmp_path: Path, layout: str, asker: str, answerer: str
) -> None:
    turns = _interview(asker, answerer)
    path = _write(tmp_path, layout, turns)
    assert _turns(path) == _expected(turns, asker, timed=layout != "colon")


@pytest.mark.parametrize("layout", TIMED_LAYOUTS)
def test_a_name_with_a_surname_initial_said_once_with_its_time_is_a_speaker(
    tmp_path: Path, layout: str
) -> None:
    turns = _interview(H, G)
    turns.insert(5, ("Mary O.", turns[4][1] + 2, INTERRUPT))
    path = _write(tmp_path, layout, turns)
    assert _turns(path) == _expected(turns, H)


@pytest.mark.parametrize(
    "line",
    [
        "It was 3 p.m.: late, as usual.",  # an abbreviation's stops
        "Plan B.: we never had one.",  # no name
        "I asked Sister M.: what now?",  # a sentence
    ],
)
def test_a_line_ending_a_letter_and_a_full_stop_before_a_colon_stays_talk(
    tmp_path: Path, line: str
) -> None:
    turns = _interview(H, G)
    turns[3] = (G, turns[3][1], f"{SAY[3]}\n{line}")
    path = _write(tmp_path, "colon", turns)
    assert _turns(path) == _expected(turns, H, timed=False)


@pytest.mark.parametrize("layout", TIMED_LAYOUTS)
@pytest.mark.parametrize("label", ["GP", "RM", "CEO", "ANPS"])
def test_capitals_said_once_with_their_time_between_two_speakers_are_a_speaker(
    tmp_path: Path, layout: str, label: str
) -> None:
    turns = _interview(H, G)
    turns.insert(5, (label, turns[4][1] + 2, INTERRUPT))
    path = _write(tmp_path, layout, turns)
    assert _turns(path) == _expected(turns, H)


def _in_gareths_answer(lines: str, blank: bool = True) -> tuple[str, list]:
    """An Otter file whose second answer holds ``lines``, and the turns it has."""
    turns = _interview(H, G)
    name, s, words = turns[3]
    turns[3] = (name, s, f"{words}\n{lines}" if not blank else f"{words}\n\n{lines}")
    sep = "\n\n" if blank else "\n"
    body = sep.join(f"{n}  {_otter_time(t)}\n{w}" for n, t, w in turns)
    return body + "\n", _expected(turns, H)


@pytest.mark.parametrize(
    ("lines", "blank"),
    [
        # inside a sentence, with and without blank lines between the turns
        ("We had a visit from\nCQC  1:00\nthey came in March.", True),
        ("We had a visit from\nCQC  1:00\nthey came in March.", False),
        ("The day goes like this.\n\nICU  1:00\nThe ward round.\n\nAMU  1:02\nBack.", True),
        ("The day goes like this.\n\nICU  9:30\nThe ward round.", True),  # out of order
        ("OK  1:00\nThe ward round.", True),  # a word a transcriber writes in capitals
        ("NHS  1:00\nThe ward round.", True),  # an acronym naming no one
        # without blank lines: a sentence ended above, capitals below, but out of order
        ("It was good.\nCQC  0:10\nThey came in March.", False),
    ],
)
def test_capitals_and_a_time_inside_an_answer_stay_talk(
    tmp_path: Path, lines: str, blank: bool
) -> None:
    body, expected = _in_gareths_answer(lines, blank)
    path = tmp_path / "t.txt"
    path.write_text(body, encoding="utf-8")
    assert _turns(path) == expected


@pytest.mark.parametrize(
    "line", ["CQC: they came in March.", "[00:01:00] CQC: they came in March."]
)
def test_capitals_said_once_with_words_after_them_stay_talk(tmp_path: Path, line: str) -> None:
    turns = _interview(H, G)
    turns[3] = (G, turns[3][1], f"{SAY[3]}\n\n{line}")
    timed = line.startswith("[")
    body = "\n\n".join(f"[{_hms(s)}] {n}: {w}" if timed else f"{n}: {w}" for n, s, w in turns)
    path = tmp_path / "t.txt"
    path.write_text(body + "\n", encoding="utf-8")
    # the time of a paragraph inside a turn is left out of its words
    turns[3] = (G, turns[3][1], f"{SAY[3]}\nCQC: they came in March." if timed else turns[3][2])
    assert _turns(path) == _expected(turns, H, timed=timed)


@pytest.mark.parametrize("layout", TIMED_LAYOUTS)
def test_capitals_said_once_over_the_turn_above_are_a_speaker(tmp_path: Path, layout: str) -> None:
    turns = _interview(H, G)
    # 2 s before the question it cuts into, after the answer before it
    turns.insert(5, ("GP", turns[4][1] - 2, INTERRUPT))
    path = _write(tmp_path, layout, turns)
    assert _turns(path) == _expected(turns, H)
