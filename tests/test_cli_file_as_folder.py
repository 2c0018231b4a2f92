"""A file path given with a / after it is refused, as the shell refuses it.

Mistakes tester, session 52: ``roqa inspect study/rm01.txt/`` was read as ``study/rm01.txt``
(typer's Path drops the /), where ``cat study/rm01.txt/`` says "Not a directory".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``study`` holding one transcript, and the working directory above it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "p01.txt").write_text("I: How is it?\nP01: It works well.\n")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "given"),
    [
        (["inspect", "study/p01.txt/"], "study/p01.txt/"),
        (["code", "study/p01.txt//", "--out", "out"], "study/p01.txt//"),
        (["pseudonymise", "study", "--key", "study/p01.txt/", "--out", "out"], "study/p01.txt/"),
        (["code", "study", "--out=study/p01.txt/"], "study/p01.txt/"),
    ],
)
def test_a_file_given_as_a_folder_is_refused(args: list[str], given: str, study: Path) -> None:
    assert tuple(roqa(*args)) == (
        2,
        "",
        f"roqa: error: {given}: is a file, not a folder (leave out the / after its name)\n",
    )
    assert sorted(p.name for p in study.iterdir()) == ["study"]  # nothing written


def test_a_folder_given_with_a_slash_is_still_read(study: Path) -> None:
    run = roqa("inspect", "study/")
    assert (run.code, run.err) == (0, "")
