"""An ``--interviewer`` that names no speaker was silent when the file's interviewer has a role
label (``Facilitator:``), though docs/transcripts.md says it is warned of as a ``--participant``
that names none is (daily28, session 90: ``--interviewer "Nobody Here"``, or a co-interviewer
mistyped, ``"Jo Bel"`` for ``Jo Bell``). A name that speaks in another transcript of the study
(a study's interviewers each interview some of its calls) is no mistyped name: not warned of."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import pytest

from roqa_nlp.exchange.qdpx_import import read_qdpx_transcripts
from roqa_nlp.transcripts import read_transcript, read_transcripts
from roqa_nlp.transcripts.roles import SpeakerWarning, speaker_warning
from test_cli_core import roqa
from test_refiqda_interviewer_record import PROMPTS, _record_edited, exported

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


# -- roqa's own record of a source's interviewers, read back from a .qdpx ------------------------

#: Helen and Tom Bates interview Marcus: read with --interviewer naming both, they are exported as
#: the record 'Helen; Tom Bates' (s90: its whole value, naming no speaker, was warned of as a
#: mistyped --interviewer, and 688b56ea was reverted)
TWO_ASK = PROMPTS.replace("Helen: And then what helped.", "Tom Bates: And then what helped.")


def _two_interviewers(tmp_path: Path) -> Path:
    out = exported(tmp_path, TWO_ASK, interviewer_labels=["Helen", "Tom Bates"])
    with zipfile.ZipFile(out) as z:
        assert b"<TextValue>Helen; Tom Bates</TextValue>" in z.read("project.qde")
    return out


def test_a_record_whose_labels_all_speak_is_not_warned_of(tmp_path: Path) -> None:
    out = _two_interviewers(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        [t] = read_qdpx_transcripts(out)
    assert {u.speaker: u.role for u in t.turns} == {
        "Helen": "interviewer",
        "Marcus": "participant",
        "Tom Bates": "interviewer",
    }
    assert speaker_warning(t, interface="qdpx") is None


def test_a_mistyped_interviewer_given_on_import_is_warned_of_beside_the_record(
    tmp_path: Path,
) -> None:
    out = _two_interviewers(tmp_path)
    [t] = read_qdpx_transcripts(out, interviewer_labels=["Tom Bat"])
    assert speaker_warning(t, interface="qdpx") == (
        f"{t.source}: no speaker matched the interviewer label(s) 'Tom Bat': the speakers are "
        "'Helen', 'Marcus', 'Tom Bates' (give --interviewer the interviewer's label as the "
        "transcript spells it)"
    )


def test_a_mistyped_label_of_the_record_is_warned_of_once(tmp_path: Path) -> None:
    """Edited in the QDA program to 'Helen; Tom Bat': said in the record's words (hunt s76 M1),
    not a second time as a mistyped --interviewer."""
    out = _two_interviewers(tmp_path)
    _record_edited(out, b"Helen; Tom Bates", b"Helen; Tom Bat")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [t] = read_qdpx_transcripts(out)
    assert [str(w.message) for w in caught] == [
        f"{out}: source 'rm08': its 'Interviewer (roqa_nlp)' record names 'Tom Bat', whom no "
        "speaker of the source is called (its speakers: 'Helen', 'Marcus', 'Tom Bates'): the "
        "record is out of date: only 'Helen' read from it as interviewers, and it makes no "
        "speaker a participant (edit the record in the QDA program, or name the interviewer "
        "with --interviewer NAME)"
    ]
    assert speaker_warning(t, interface="qdpx") is None
