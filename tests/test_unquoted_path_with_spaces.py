"""A path with spaces typed without quotes (``roqa inspect My Interviews/``) reaches roqa as
two arguments, and ``My: file or folder not found (check the path)`` said nothing of the quotes
(newcomer, session 47). When the path not found and the arguments after it, joined by spaces,
are a path that exists, the error says to quote it."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("My Interviews")
    folder.mkdir()
    (folder / "P01 first.txt").write_text("P01: We lack staff.\n", encoding="utf-8")
    return folder


def test_a_folder_with_a_space(study: Path) -> None:
    run = roqa("inspect", "My", "Interviews/")
    assert (run.code, run.err) == (
        2,
        "roqa: error: My: file or folder not found (a path with spaces needs quotes: "
        '"My Interviews/")\n',
    )


def test_a_file_with_two_spaces_among_other_arguments(study: Path) -> None:
    run = roqa("inspect", "My", "Interviews/P01", "first.txt", "--json")
    assert run.err.endswith('(a path with spaces needs quotes: "My Interviews/P01 first.txt")\n'), (
        run.err
    )


def test_a_path_not_there_in_any_way_says_to_check_it(study: Path) -> None:
    run = roqa("inspect", "Your", "Interviews/")
    assert run.err == "roqa: error: Your: file or folder not found (check the path)\n"


def test_many_long_names_after_a_missing_one_are_not_a_traceback(study: Path) -> None:
    """The joined names grew past the system's longest file name: Path.exists() raised
    'OSError: File name too long' inside the error handler, a traceback (code review)."""
    names = [f"p{i:02}_interview_transcript_with_a_long_name.txt" for i in range(20)]
    run = roqa("inspect", "missing.txt", *names)
    assert (run.code, run.err) == (
        2,
        "roqa: error: missing.txt: file or folder not found (check the path)\n",
    )
