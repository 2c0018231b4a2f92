"""A cue with no speaker's name right after the interviewer's question, in a subtitle file
that names a speaker only where the speaker changes, is read as the interviewer's talk going
on (that file's rule), and one warning names it with its time (docs/transcripts.md, "Cues and
paragraphs with no speaker's name"). Session 82 tester daily12 (2): ``Sam Roe: And what gets in
the way?`` then ``Money. The fee rate has been frozen for four years.``, with no name, was read
as Sam Roe's and never coded, and nothing said so: the warning was given only in a file that
names each cue."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.unlabelled import after_change_warning
from test_cli_core import roqa

DATA = Path(__file__).parent / "data" / "unlabelled_cues"
FILE = DATA / "p18_named_on_change.vtt"


def read_warned(path: Path, **kwargs: object) -> tuple[Transcript, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **kwargs)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


EXPECTED = (
    f"{FILE}: 1 cue with no speaker's name right after the interviewer's question was read as "
    "the interviewer's talk going on (00:00:16.500 'Money. The fee rate has been frozen for four "
    "years.', read as Sam Roe's talk): the file names a speaker only where the speaker changes, "
    "so a participant's answer that opens on such a cue is not coded; if it is the "
    "participant's, put their name on it"
)


def test_an_unnamed_cue_after_the_interviewers_question_is_warned_of_with_its_time() -> None:
    """Only the cue at 00:00:16.500: the unnamed cue at 00:00:09.000 goes on with the
    participant's answer (coded), and the one at 00:00:27.000 asks again (the interviewer going
    on). The file names no speaker twice in a row, so it names a turn's speaker once, and the
    unnamed cues stay with the turn before them, as before."""
    t, said = read_warned(FILE, interviewer_labels=["Sam Roe"])
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "interviewer", "What helps the recovery work in your houses?"),
        ("Nadia Begum", "participant", "A director who backs the staff. She visits every house "
         "each month. And she knows every tenant by name, so the staff feel it matters."),
        ("Sam Roe", "interviewer", "And what gets in the way? Money. The fee rate has been "
         "frozen for four years."),
        ("Nadia Begum", "participant", "Training too. Nobody has the time for it."),
        ("Sam Roe", "interviewer", "Does the council know that? Have you told the "
         "commissioners?"),
        ("Nadia Begum", "participant", "Every year, at the contract review, and nothing changes."),
    ]  # fmt: skip
    assert said == [EXPECTED]
    assert after_change_warning(t) == EXPECTED


def test_roqa_inspect_names_the_cue() -> None:
    run = roqa("inspect", FILE, "--interviewer", "Sam Roe", "--json")
    (summary,) = json.loads(run.out)
    assert summary["unlabelled"] == EXPECTED


def test_read_as_a_participants_talk_it_is_coded_and_not_warned_of() -> None:
    t, said = read_warned(FILE, participant_labels=["Sam Roe", "Nadia Begum"])
    assert {u.role for u in t.turns} == {"participant"}
    assert after_change_warning(t) is None
    assert not any("right after" in s for s in said)


def _srt(tmp_path: Path, pieces: list[str]) -> Path:
    """An .srt of ``pieces``, one cue each, three seconds apart, named only where the speaker
    changes."""
    cues = [
        f"{i}\n00:00:{3 * i:02d},000 --> 00:00:{3 * i + 2:02d},500\n{words}\n"
        for i, words in enumerate(pieces, start=1)
    ]
    path = tmp_path / "rm05.srt"
    path.write_text("\n".join(cues), "utf-8")
    return path


QUESTION_OVER_CUES = [
    "Sam Roe: What gets in the way when you plan changes?",
    "Dawn Mitchell: Time, mostly. And the rota never settles.",
    "Sam Roe: Right. And how you plan changes?",
    "Do you, um, do you",
    "have a, a plan written",
    "down?",
    "Dawn Mitchell: We do, it sits in the office.",
]


def test_the_interviewers_question_over_several_unnamed_cues_is_not_warned_of(
    tmp_path: Path,
) -> None:
    """daily17 tester, session 86, D7: the interviewer's next question spread over three cues
    with no name (``Do you, um, do you`` ``have a, a plan written`` ``down?``) was named as an
    answer the file may have left unnamed; the sentence it opens ends asking, so it is not (as
    a cue that asks again is not). The reading is the same: the cues are Sam Roe's talk."""
    t, said = read_warned(_srt(tmp_path, QUESTION_OVER_CUES), interviewer_labels=["Sam Roe"])
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ("Sam Roe", "What gets in the way when you plan changes?"),
        ("Dawn Mitchell", "Time, mostly. And the rota never settles."),
        ("Sam Roe", "Right. And how you plan changes? Do you, um, do you have a, a plan written "
         "down?"),
        ("Dawn Mitchell", "We do, it sits in the office."),
    ]  # fmt: skip
    assert not any("right after" in s for s in said)
    assert after_change_warning(t) is None


def test_an_answer_over_several_unnamed_cues_is_still_warned_of(tmp_path: Path) -> None:
    """The same cues ending on a full stop (``down.``) may be the participant's answer left
    unnamed: still named, at its first cue."""
    pieces = [*QUESTION_OVER_CUES[:5], "down. Yes.", QUESTION_OVER_CUES[6]]
    path = _srt(tmp_path, pieces)
    t, said = read_warned(path, interviewer_labels=["Sam Roe"])
    assert said == [
        f"{path}: 1 cue with no speaker's name right after the interviewer's question was read "
        "as the interviewer's talk going on (00:00:12.000 'Do you, um, do you', read as Sam "
        "Roe's talk): the file names a speaker only where the speaker changes, so a "
        "participant's answer that opens on such a cue is not coded; if it is the "
        "participant's, put their name on it"
    ]
