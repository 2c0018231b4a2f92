"""Specification: `roqa code --pseudonymise` gives the privacy warnings `roqa pseudonymise` gives
on the same files and key, from the one place that says them (``PseudonymKey.apply``). Re-test
s52, 5: the study's first reading in ``AutoCoder.code`` (for its cases) rewrote each transcript
quietly and so took the warnings told once of a transcript: a row the key gained from a file's
name, a participant renumbered since the key gives the file's number to someone else, and a name
taken for a keyed name without its middle name. A researcher who only codes never saw them."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

JOANNE = (
    "Interviewer: How did the training go for your team?\n\n"
    "Joanne: Really well actually. The staff loved it and the residents noticed the change.\n\n"
    "Interviewer: What got in the way?\n\n"
    "Joanne: Time, mostly. We had no cover for the shifts, so people came in on days off.\n"
)
LUKASZ = (
    "Interviewer: When the new care planning system came in, what was that like?\n\n"
    "Lukasz Nowak: It was hard at first. The forms were long and nobody was trained on them.\n\n"
    "Interviewer: And now?\n\n"
    "Lukasz Nowak: Better. Mary Smith from the trust showed us the shortcuts, an hour a day.\n"
)
KEY = "name,pseudonym\nDenise Harper,P02\nMary Ann Smith,service user\n"


def _study(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "Interview 06 - Joanne Reid.txt").write_text(JOANNE, "utf-8")
    (folder / "p02_lukasz.txt").write_text(LUKASZ, "utf-8")
    return folder


def _privacy_lines(folder: Path) -> list[str]:
    joanne, lukasz = folder / "Interview 06 - Joanne Reid.txt", folder / "p02_lukasz.txt"
    return [
        f"roqa: warning: {joanne}: the pseudonym key gained the row 'Joanne Reid,P06' from the "
        "file's name, taken for the full name of the speaker 'Joanne': if it is not their name "
        "(a place, a service), delete that row and rename the file",
        f"roqa: warning: {joanne}: the file's name holds a name of the pseudonym key (Joanne, "
        "Reid), so the outputs name the transcript 'Interview 06 - P06'",
        f"roqa: warning: {lukasz}: the file's name gives its participant the number P02, which "
        "the pseudonym key gives someone else, so they are P07: if they are that person, give "
        "their name that row's pseudonym in the key",
        f"roqa: warning: {lukasz}: 'Mary Smith' was taken for [service user], a name of the "
        "pseudonym key without its middle name, though that person does not speak here: if it "
        "is someone else, give 'Mary Smith' a row of its own in the key and run again",
        f"roqa: warning: {lukasz}: the file's name holds a name of the pseudonym key (Lukasz) "
        "and the number of P02, someone else's in the key, so the outputs name the transcript "
        "'p07_P07'",
    ]


def _key_lines(err: str, folder: Path) -> list[str]:
    return [line for line in err.splitlines() if line.startswith(f"roqa: warning: {folder}/")]


def test_roqa_pseudonymise_gives_the_privacy_warnings(tmp_path: Path) -> None:
    folder = _study(tmp_path)
    key = tmp_path / "key.csv"
    key.write_text(KEY, "utf-8")
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "shared")
    assert run.code == 0, run.err
    assert _key_lines(run.err, folder) == _privacy_lines(folder)


@pytest.mark.slow
@pytest.mark.parametrize("stream", [False, True])
def test_roqa_code_pseudonymise_gives_the_same_privacy_warnings(
    tmp_path: Path, tiny_model_dir: Path, stream: bool
) -> None:
    folder = _study(tmp_path)
    key = tmp_path / "key.csv"
    key.write_text(KEY, "utf-8")
    run = roqa(
        "code", folder, "--out", tmp_path / "coded", "--model", tiny_model_dir,
        "--pseudonymise", key, "--no-report", *(["--stream"] if stream else []),
    )  # fmt: skip
    assert run.code == 0, run.err
    assert _key_lines(run.err, folder) == _privacy_lines(folder)


def test_a_preview_says_nothing_and_leaves_the_warnings_to_apply(tmp_path: Path) -> None:
    folder = _study(tmp_path)
    path = folder / "p02_lukasz.txt"
    key = PseudonymKey({"Denise Harper": "P02", "Mary Ann Smith": "service user"})
    with pytest.warns(RoqaWarning, match="the file's name holds a speaker's name"):
        t = read_transcript(path)
    key.reserve(t)
    key.register(t)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning said here fails the test
        seen = key.preview(t)
    with pytest.warns(RoqaWarning) as caught:
        applied = key.apply(t)
    assert seen == applied
    assert [str(w.message).split(": ", 1)[1][:40] for w in caught] == [
        "the file's name gives its participant th",
        "'Mary Smith' was taken for [service user",
        "the file's name holds a name of the pseu",
    ]


FG01 = (
    "Facilitator: Welcome, everyone.\n\nAda Lee: I'll start.\n\nBen Ode: Same here.\n\n"
    "Gary Fletcher: Supervision helps most.\n"
)
GARY = (
    "Interviewer: Good to see you again. Where did you learn most?\n\n"
    "Gary Fletcher: Supervision, mostly.\n"
)


def _group_and_member(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "fg01.txt").write_text(FG01, "utf-8")
    (folder / "Interview 03.txt").write_text(GARY, "utf-8")
    return folder


def _number_kept_lines(folder: Path) -> list[str]:
    return [
        f"roqa: warning: {folder / 'Interview 03.txt'}: the file's name gives its participant "
        "the number P03, but they are P06, keyed from fg01.txt as the same person, so the "
        "transcript's participant is P06 and P03 is given to no one: if they are two people, "
        "give this one a row of their own in the key (column transcript)"
    ]


def test_a_group_member_interviewed_alone_keeps_their_number_and_is_told_of_once(
    tmp_path: Path,
) -> None:
    """Gary Fletcher speaks in fg01 and alone in "Interview 03.txt": one person, P06 in both,
    but the file's 03 was dropped unsaid and P03 given to no one (tester s62 focus, 3). One
    line says so."""
    folder = _group_and_member(tmp_path)
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / "shared")
    assert run.code == 0, run.err
    assert "Gary Fletcher,P06" in key.read_text("utf-8-sig")
    assert _key_lines(run.err, folder) == _number_kept_lines(folder)


@pytest.mark.slow
def test_roqa_code_pseudonymise_tells_of_the_number_kept_once(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    folder = _group_and_member(tmp_path)
    run = roqa(
        "code", folder, "--out", tmp_path / "coded", "--model", tiny_model_dir,
        "--pseudonymise", tmp_path / "key.csv", "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert _key_lines(run.err, folder) == _number_kept_lines(folder)


def test_a_participant_keyed_in_an_earlier_batch_keeps_their_number_and_is_told_of(
    tmp_path: Path,
) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    path = tmp_path / "Interview 03.txt"
    path.write_text(GARY, "utf-8")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", RoqaWarning)
        (out,), _ = pseudonymise([read_transcript(path)], PseudonymKey({"Gary Fletcher": "P06"}))
    assert [str(w.message) for w in said] == [
        f"{path}: the file's name gives its participant the number P03, but they are P06, keyed "
        "in the pseudonym key as the same person, so the transcript's participant is P06 and "
        "P03 is given to no one: if they are two people, give this one a row of their own in "
        "the key (column transcript)"
    ]
    assert out.participant == "P06"
