"""Guards of who is who under `roqa pseudonymise` where a file name holds a wave's or a team's
number beside the study id, or ids of letters a list might take for a recording's (hunt39 s87,
why d004df44 was reverted: it split one person into two cases where a wave's number equalled the
id's, `T1_RM2` + `T2_RM2`, and merged two different Kates of `V01`/`V03`, `T01`/`T02` and of two
files dropped beside a study's rm ids). Each participant label in these files is a first name,
so only the file names tell the people apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


def _pseudonymised(tmp_path: Path, names: dict[str, str]) -> dict[str, str]:
    """Each file of ``names`` (file name -> participant label) pseudonymised: the copy's
    original file name -> the label its participant speaks under in the copy."""
    study = tmp_path / "study"
    study.mkdir()
    for i, (name, label) in enumerate(names.items()):
        (study / name).write_text(
            f"Sam Roe: Welcome to session {i}. What do you do?\n{label}: I run a service.\n",
            encoding="utf-8",
        )
    run = roqa(
        "pseudonymise",
        str(study),
        "--key",
        str(tmp_path / "key.csv"),
        "-o",
        str(tmp_path / "out"),
        "--interviewer",
        "Sam Roe",
    )
    assert run.code == 0, run.err
    said: dict[str, str] = {}
    for copy in (tmp_path / "out").iterdir():
        first, answer = copy.read_text(encoding="utf-8").splitlines()[:2]
        session = first.split("session ")[1].split(".")[0]
        said[list(names)[int(session)]] = answer.split(":")[0]
    return said


def test_one_person_of_two_waves_is_one_case(tmp_path: Path) -> None:
    said = _pseudonymised(
        tmp_path, {"T1_RM2.txt": "Kate", "T1_RM3.txt": "Kate", "T2_RM2.txt": "Kate"}
    )
    assert said == {"T1_RM2.txt": "P2", "T1_RM3.txt": "P3", "T2_RM2.txt": "P2"}


@pytest.mark.parametrize(
    "names",
    [
        ("V01.txt", "V03.txt", "V04_john.txt"),
        ("T01_kate.txt", "T02_kate.txt", "T03.txt"),
    ],
)
def test_ids_of_letters_like_a_recordings_keep_two_kates_apart(
    tmp_path: Path, names: tuple[str, str, str]
) -> None:
    said = _pseudonymised(tmp_path, dict.fromkeys(names, "Kate"))
    numbers = [name[1:3] for name in names]
    assert said == {name: f"P{n}" for name, n in zip(names, numbers, strict=True)}


def test_two_kates_dropped_beside_a_studys_rm_ids_are_two_cases(tmp_path: Path) -> None:
    said = _pseudonymised(
        tmp_path,
        {
            "rm01.txt": "Ann Bell",
            "rm02.txt": "Bo Li",
            "rm03.txt": "Cy Dunn",
            "id01_kate.txt": "Kate",
            "id02_kate.txt": "Kate",
        },
    )
    assert said["id01_kate.txt"] != said["id02_kate.txt"]
    assert len(set(said.values())) == 5
