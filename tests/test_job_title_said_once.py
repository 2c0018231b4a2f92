"""A job's title in sentence case said once (``Team leader:``, ``Deputy manager:``, ``Support
worker:``) is a speaker where its line has the label shape of the file's other labels, as
``Team Leader:`` and ``Manager:`` said once were already. Session 74 (readers2, 1): in a file of
``Interviewer:`` / ``Sarah:`` turns, a team leader's one turn (``Team leader: Can I just add
...``) was read as Sarah's words, in ``.txt``, ``.docx``, ``.vtt`` and ``.srt`` alike: a label
said once had to be capitalised throughout. A line of another shape than the labels (beside
timed ``[00:00:12] Sarah:`` labels, below Otter's name-and-time lines), a list of such lines
inside an answer, and the words that open talk (``Note:``, ``Re:``, ``Date:``, ``Location:``)
are read as before."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

JOBS = [
    "Team leader",
    "Deputy manager",
    "Support worker",
    "Peer support worker",
    "Care coordinator",
    "Registered manager",
    "Team lead",
]

ADD = "Can I just add, the agency staff don't know the residents, so the plans slip."


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def read_quietly(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _interview(job: str) -> list[str]:
    return [
        "Interviewer: Thanks for joining. Can you tell me about your role?",
        "Sarah: I'm the registered manager of a supported living service. About twenty staff.",
        "Interviewer: What gets in the way of recovery-focused practice?",
        "Sarah: Honestly, it's the staffing. We lose people to the NHS because they pay more.",
        f"{job}: {ADD}",
        "Interviewer: Thank you. And what helps?",
        "Sarah: Supervision helps. We do monthly supervision and reflective practice.",
    ]


def _group(job: str) -> list[str]:
    return [
        "Facilitator: Welcome everyone. What gets in the way of recovery-focused practice?",
        "Sarah: Staffing, mostly. We lose people to the NHS because they pay more.",
        "Facilitator: And what helps?",
        "Sarah: Supervision helps. We do it monthly.",
        f"{job}: I'd say the training from the recovery college helps too.",
        "Facilitator: Thanks. Anything else?",
        "Sarah: No, that's everything.",
    ]


def _expected(lines: list[str]) -> list[tuple[str, str]]:
    return [(line.split(": ", 1)[0], line.split(": ", 1)[1]) for line in lines]


def _write_docx(path: Path, lines: list[str]) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))


def _write_vtt(path: Path, lines: list[str]) -> None:
    cues = [
        f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n{line}\n"
        for i, line in enumerate(lines)
    ]
    path.write_text("WEBVTT\n\n" + "\n".join(cues), "utf-8")


def _write_srt(path: Path, lines: list[str]) -> None:
    cues = [
        f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{line}\n"
        for i, line in enumerate(lines)
    ]
    path.write_text("\n".join(cues), "utf-8")


def _write_txt(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")


WRITERS = {"txt": _write_txt, "docx": _write_docx, "vtt": _write_vtt, "srt": _write_srt}


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("job", JOBS)
@pytest.mark.parametrize("layout", [_interview, _group])
def test_a_job_title_said_once_is_a_speaker(
    tmp_path: Path, kind: str, job: str, layout: object
) -> None:
    lines = layout(job)  # type: ignore[operator]
    path = tmp_path / f"rm05.{kind}"
    WRITERS[kind](path, lines)
    t = read_quietly(path)
    assert [(s, w) for s, _, w in turns_of(t)] == _expected(lines)
    assert [r for s, r, _ in turns_of(t) if s == job] == ["participant"]


@pytest.mark.parametrize("word", ["Note", "Re", "Date", "Location", "Staff", "Families"])
def test_a_word_that_opens_talk_said_once_is_still_the_answer(tmp_path: Path, word: str) -> None:
    lines = _interview("X")
    lines[4] = f"{word}: the agency staff don't know the residents, so the plans slip."
    path = tmp_path / "rm05.txt"
    _write_txt(path, lines)
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Interviewer", "Sarah"] * 3
    assert f"{lines[3][7:]}\n{lines[4]}" == t.text[t.turns[3].start : t.turns[3].end]


def test_a_job_title_in_another_shape_than_the_labels_is_the_answer(tmp_path: Path) -> None:
    """Beside timed labels (``[00:00:12] Sarah:``), an untimed ``Team leader:`` line is the
    answer's."""
    lines = [f"[00:00:{2 * i:02d}] {line}" for i, line in enumerate(_interview("X"))]
    lines[4] = "Team leader: they do the rota and the supervision, when there's time."
    path = tmp_path / "rm05.txt"
    _write_txt(path, lines)
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Interviewer", "Sarah"] * 3
    assert lines[4] in t.text[t.turns[3].start : t.turns[3].end]


def test_a_job_title_below_otter_names_is_the_answer(tmp_path: Path) -> None:
    path = tmp_path / "rm05.txt"
    path.write_text(
        "Helen Price  0:02\nWho does what on shift?\n\n"
        "Sian Lloyd  0:07\nIt depends on the day.\n"
        "Team leader: they do the rota and the supervision.\n\n"
        "Helen Price  0:30\nAnd what would help?\n\n"
        "Sian Lloyd  0:33\nProtected time.\n",
        "utf-8",
    )
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Helen Price", "Sian Lloyd"] * 2
    assert "Team leader: they do the rota" in t.text[t.turns[1].start : t.turns[1].end]


def test_a_list_of_job_titles_inside_an_answer_is_the_answer(tmp_path: Path) -> None:
    """Roles listed one a line in an answer, each said once, are no speakers."""
    lines = [
        "Interviewer: Who does what on shift?",
        "Sarah: We have three roles.",
        "Support worker: They do the day to day.",
        "Team leader: They do the rota.",
        "Deputy manager: Supervision, mostly.",
        "Interviewer: And what would help?",
        "Sarah: Protected time.",
    ]
    path = tmp_path / "rm05.txt"
    _write_txt(path, lines)
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Interviewer", "Sarah"] * 2
    assert "\n".join(lines[1:5])[7:] == t.text[t.turns[1].start : t.turns[1].end]


@pytest.mark.parametrize("words", ["Our manager", "The team leader", "Every support worker"])
def test_talk_naming_a_job_said_once_is_the_answer(tmp_path: Path, words: str) -> None:
    lines = _interview("X")
    lines[4] = f"{words}: she was the one who pushed for it."
    path = tmp_path / "rm05.txt"
    _write_txt(path, lines)
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Interviewer", "Sarah"] * 3


@pytest.mark.parametrize(
    "line",
    [
        "Registered manager: that is what it says on the CQC certificate.",
        "Support worker: the day to day, mostly.",
    ],
)
def test_a_job_title_opening_words_in_lower_case_is_the_answer(tmp_path: Path, line: str) -> None:
    """An answer's line naming a role (``Registered manager: that is what it says ...``, the
    participant's job title read off a certificate) goes on with the answer: a turn's words open
    with a capital, as the file's turns do."""
    lines = _interview("X")
    lines[4] = line
    path = tmp_path / "rm05.txt"
    _write_txt(path, lines)
    t = read_quietly(path)
    assert [s for s, _, _ in turns_of(t)] == ["Interviewer", "Sarah"] * 3
    assert t.text[t.turns[3].start : t.turns[3].end].endswith(line)
