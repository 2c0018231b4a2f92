"""A rota line read out in an answer (``Dr. Smith 1:15``, ``A&E 1:15``, ``Ward 3 2:30``) in a
file whose speakers' lines have the same shape, a name and a time, but other blanks between
them (Otter's two, ``Li Wei  0:07``; Teams' three in Word, ``Li Wei   0:07``). Before session 84
the line opened a turn of a speaker 'Dr. Smith', taking the rest of the answer from the
participant (exports battery, messy13 D4). It is the answer's words where its time falls outside
the times of the speakers' lines around it; a speaker typed with one blank whose time falls
between them (``Ann Bell 2:30``, hunt17 R5) is still a speaker."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ANSWER = "Mostly the paperwork, and the rota is on the board."
AFTER = "That is the part nobody funds."


def _read(path: Path, **options: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **options)  # type: ignore[arg-type]


def _turns(t: Transcript) -> list[tuple[str, str, str, float | None]]:
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time) for u in t.turns]


def _otter(line: str, gap: str = "  ", times: tuple[str, ...] = ("0:05", "0:12", "1:02")) -> str:
    first, second, third = times
    return (
        f"Sam Roe{gap}{first}\nCan you tell me about your service?\n\n"
        f"Jo Lee{gap}{second}\nWe run a team of twelve across two sites.\n\n"
        f"Sam Roe{gap}0:40\nWhat gets in the way?\n\n"
        f"Jo Lee{gap}0:48\n{ANSWER}\n{line}\n{AFTER}\n\n"
        f"Sam Roe{gap}{third}\nWhat helps?\n\n"
        f"Jo Lee{gap}1:10\nSupervision helps.\n"
    )


def _expected(line: str, third: float = 62.0) -> list[tuple[str, str, str, float | None]]:
    return [
        ("Sam Roe", "interviewer", "Can you tell me about your service?", 5.0),
        ("Jo Lee", "participant", "We run a team of twelve across two sites.", 12.0),
        ("Sam Roe", "interviewer", "What gets in the way?", 40.0),
        ("Jo Lee", "participant", f"{ANSWER}\n{line}\n{AFTER}", 48.0),
        ("Sam Roe", "interviewer", "What helps?", third),
        ("Jo Lee", "participant", "Supervision helps.", 70.0),
    ]


ROTA_LINES = ["Dr. Smith 1:15", "A&E 1:15", "Ward 3 2:30", "Dr. Smith 0:20"]


@pytest.mark.parametrize("line", ROTA_LINES)
def test_a_rota_line_with_one_blank_in_an_otter_answer_is_talk(tmp_path: Path, line: str) -> None:
    f = tmp_path / "otter.txt"
    f.write_text(_otter(line), "utf-8")
    assert _turns(_read(f, interviewer_labels=["Sam Roe"])) == _expected(line)


@pytest.mark.parametrize("line", ROTA_LINES)
def test_a_rota_paragraph_in_a_teams_word_answer_is_talk(tmp_path: Path, line: str) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for text in _otter(line, gap="   ").split("\n"):
        if text:
            d.add_paragraph(text)
    d.save(str(tmp_path / "teams.docx"))
    got = _turns(_read(tmp_path / "teams.docx", interviewer_labels=["Sam Roe"]))
    assert got == _expected(line)


def test_a_speaker_with_one_blank_speaking_between_the_others_times_is_kept(
    tmp_path: Path,
) -> None:
    """hunt17 R5: a one-time speaker typed in by hand with one blank after a question."""
    f = tmp_path / "otter.txt"
    f.write_text(
        "Sam Roe  0:05\nCan you tell me about your service?\n\n"
        "Jo Lee  0:12\nWe run a team of twelve across two sites.\n\n"
        "Sam Roe  2:20\nAnn, you wanted to add something?\n\n"
        "Ann Bell 2:30\nYes, the IT system crashes every week.\n\n"
        "Sam Roe  2:45\nThanks Ann. Jo, what helps?\n\n"
        "Jo Lee  2:50\nSupervision helps.\n",
        "utf-8",
    )
    assert _turns(_read(f, interviewer_labels=["Sam Roe"])) == [
        ("Sam Roe", "interviewer", "Can you tell me about your service?", 5.0),
        ("Jo Lee", "participant", "We run a team of twelve across two sites.", 12.0),
        ("Sam Roe", "interviewer", "Ann, you wanted to add something?", 140.0),
        ("Ann Bell", "participant", "Yes, the IT system crashes every week.", 150.0),
        ("Sam Roe", "interviewer", "Thanks Ann. Jo, what helps?", 165.0),
        ("Jo Lee", "participant", "Supervision helps.", 170.0),
    ]


@pytest.mark.parametrize("line", ["Ann Bell 0:55", "Ann Bell 0:48"])
def test_a_speaker_with_one_blank_at_a_time_within_the_answer_is_kept(
    tmp_path: Path, line: str
) -> None:
    """The same line at a time between the speakers' (0:48 and 1:02 around it) opens a turn, as
    before session 84: it may be a member speaking up in the middle of the answer."""
    f = tmp_path / "otter.txt"
    f.write_text(_otter(line), "utf-8")
    assert _turns(_read(f, interviewer_labels=["Sam Roe"]))[3:5] == [
        ("Jo Lee", "participant", ANSWER, 48.0),
        ("Ann Bell", "participant", AFTER, 55.0 if line.endswith("55") else 48.0),
    ]


def test_a_line_laid_out_as_the_speakers_are_at_any_time_is_kept(tmp_path: Path) -> None:
    """Two blanks, as the speakers' lines: a speaker interjecting whose time is out of order
    (a restart) opens a turn, whatever its time."""
    f = tmp_path / "otter.txt"
    f.write_text(_otter("Ann Bell  1:15"), "utf-8")
    assert [u.speaker for u in _read(f, interviewer_labels=["Sam Roe"]).turns][3:5] == [
        "Jo Lee",
        "Ann Bell",
    ]


def test_where_the_speakers_times_do_not_count_up_the_line_is_kept(tmp_path: Path) -> None:
    """The speakers' times going back (a second recording from 0:00) tell nothing of a line's
    time: it opens a turn, as before session 84."""
    f = tmp_path / "otter.txt"
    f.write_text(_otter("Ann Bell 1:15", times=("0:05", "0:12", "0:02")), "utf-8")
    assert [u.speaker for u in _read(f, interviewer_labels=["Sam Roe"]).turns][3:5] == [
        "Jo Lee",
        "Ann Bell",
    ]


def test_a_line_the_researcher_names_is_a_speaker_at_any_time(tmp_path: Path) -> None:
    f = tmp_path / "otter.txt"
    f.write_text(_otter("Ann Bell 1:15"), "utf-8")
    t = _read(f, interviewer_labels=["Sam Roe"], participant_labels=["Ann Bell"])
    assert [u.speaker for u in t.turns][3:5] == ["Jo Lee", "Ann Bell"]


def test_a_line_right_below_a_question_is_a_speaker_at_any_time(tmp_path: Path) -> None:
    """A question asks someone to speak: merged into it, a member's answer would be coded as
    the interviewer's, the worst place for it."""
    f = tmp_path / "otter.txt"
    f.write_text(
        "Sam Roe  0:05\nCan you tell me about your service?\n\n"
        "Jo Lee  0:12\nWe run a team of twelve across two sites.\n\n"
        "Sam Roe  0:20\nAnn, you wanted to add something?\n"
        "Ann Bell 5:30\nYes, the IT system crashes every week.\n\n"
        "Sam Roe  0:45\nThanks Ann. Jo, what helps?\n\n"
        "Jo Lee  0:50\nSupervision helps.\n",
        "utf-8",
    )
    assert [(u.speaker, u.begin_time) for u in _read(f).turns][2:4] == [
        ("Sam Roe", 20.0),
        ("Ann Bell", 330.0),
    ]
