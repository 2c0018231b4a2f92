"""An ``--interviewer`` that names no speaker was silent when the file's interviewer has a role
label (``Facilitator:``), though docs/transcripts.md says it is warned of as a ``--participant``
that names none is (daily28, session 90: ``--interviewer "Nobody Here"``, or a co-interviewer
mistyped, ``"Jo Bel"`` for ``Jo Bell``). A name that speaks in another transcript of the study
(a study's interviewers each interview some of its calls) is no mistyped name: not warned of."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript, read_transcripts
from roqa_nlp.transcripts.roles import SpeakerWarning
from test_cli_core import roqa

P05 = (
    "Facilitator: What is it like working with other organisations?\n\n"
    "P05: We have a monthly meeting with the community team now, and it has helped a lot.\n\n"
    "Facilitator: And how did it fit with the way your team worked?\n\n"
    "P05: It fitted well, we always tried to work alongside people.\n"
)
CO_INTERVIEWED = P05 + (
    "\nJo Bell: Was the cost of the training a problem?\n\n"
    "P05: The cost was the biggest barrier, each place was nearly nine hundred pounds.\n"
)


def _file(tmp_path: Path, text: str = P05, name: str = "P05_interview.txt") -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def test_an_interviewer_label_that_matches_no_speaker_is_warned_of(tmp_path: Path) -> None:
    f = _file(tmp_path)
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f, interviewer_labels=["Nobody Here"])
    assert [u.role for u in t.turns] == ["interviewer", "participant"] * 2
    assert [str(w.message) for w in caught] == [
        f"{f}: no speaker matched the interviewer label(s) 'Nobody Here': the speakers are "
        "'Facilitator', 'P05' (give interviewer_labels the interviewer's label as the "
        "transcript spells it)"
    ]


def test_inspect_names_an_interviewer_label_that_matches_no_speaker(tmp_path: Path) -> None:
    f = _file(tmp_path)
    run = roqa("inspect", f, "--json", "--interviewer", "Nobody Here")
    assert run.code == 0, run.err
    assert json.loads(run.out)[0]["warning"] == (
        f"{f}: no speaker matched the interviewer label(s) 'Nobody Here': the speakers are "
        "'Facilitator', 'P05' (give --interviewer the interviewer's label as the transcript "
        "spells it)"
    )
    run = roqa("inspect", f, "--json", "--interviewer", "Facilitator")
    assert json.loads(run.out)[0]["warning"] is None  # a label that names a speaker


def test_code_warns_of_a_mistyped_co_interviewer(tiny_model_dir: Path, tmp_path: Path) -> None:
    f = _file(tmp_path, CO_INTERVIEWED)
    run = roqa(
        "code", f, "--interviewer", "Jo Bel", "--model", tiny_model_dir, "--out", tmp_path / "o"
    )
    assert run.code == 0, run.err
    assert (
        "; and no speaker matched the interviewer label(s) 'Jo Bel': the speakers are "
        "'Facilitator', 'P05', 'Jo Bell' (give --interviewer the interviewer's label as the "
        "transcript spells it)\n"
    ) in run.err
    run = roqa(
        "code", f, "--interviewer", "Jo Bell", "--model", tiny_model_dir, "--out", tmp_path / "p"
    )
    assert (run.code, run.err) == (0, "")


def test_an_interviewer_of_another_transcript_of_the_study_is_not_warned_of(
    tmp_path: Path,
) -> None:
    _file(tmp_path, CO_INTERVIEWED.replace("Facilitator:", "Sam Roe:"), "p05.txt")
    _file(tmp_path, P05.replace("P05:", "P06:"), "p06.txt")  # Facilitator, no Sam Roe
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = read_transcripts(tmp_path, interviewer_labels=["Sam Roe", "Jo Bell"])
    assert [[u.role for u in t.turns] for t in got] == [
        ["interviewer", "participant"] * 3,
        ["interviewer", "participant"] * 2,
    ]
