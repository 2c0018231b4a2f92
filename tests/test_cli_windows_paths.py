"""A path typed with Windows backslashes on a system whose folders are separated by / (macOS,
Linux) is named with the fix, not only "file not found" (novice s39, 10: `roqa report
coded_study\\codings.jsonl` said "file not found (check the path)" beside coded_study/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from test_cli_agree import run
from test_cli_output_guard import coded_study

pytestmark = pytest.mark.skipif(os.sep != "/", reason="backslashes separate folders on Windows")


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return coded_study(tmp_path)[0]


@pytest.mark.parametrize(
    "args, said",
    [
        (["report", "coded\\codings.jsonl", "--out", "r.html"], "coded\\codings.jsonl: file not found (use / between folders on this system: coded/codings.jsonl)"),
        (["report", "coded", "--decisions", "coded\\decisions.csv", "--out", "r.html"], "coded\\decisions.csv: file not found (check the path: the decisions file saved from report.html; use / between folders on this system, not \\)"),
        (["code", "interviews\\p07.txt", "--out", "o"], "interviews\\p07.txt: file or folder not found (use / between folders on this system: interviews/p07.txt)"),
        (["agree", "coded\\codings.jsonl", "coded"], "coded\\codings.jsonl: file not found (use / between folders on this system: coded/codings.jsonl)"),
        (["evaluate", "C:\\Users\\me\\labelled.jsonl"], "C:\\Users\\me\\labelled.jsonl: file not found (a Windows path: on this system give it with / between folders and no drive letter)"),
        (["export", "coded\\run\\codings.jsonl", "--qdpx", "p.qdpx"], "coded\\run\\codings.jsonl: file not found (check the path; use / between folders on this system, not \\)"),
    ],
)  # fmt: skip
def test_a_missing_path_with_backslashes_says_to_use_slashes(
    study: Path, capsys, args: list[str], said: str
) -> None:
    code, out, err = run(args, capsys)
    assert (code, out, err) == (2, "", f"roqa: error: {said}\n")


def test_a_path_with_backslashes_before_spaces_says_to_remove_them(study: Path, capsys) -> None:
    """'Interview\\ 3\\ final.txt' (a space escaped as the shell wants it, inside quotes where the
    \\ is part of the name) is no Windows path: before, it was told to use / between folders
    (hunter, session 39)."""
    code, _, err = run(["code", "Interview\\ 3\\ final.txt", "--out", "o"], capsys)
    assert (code, err) == (
        2,
        "roqa: error: Interview\\ 3\\ final.txt: file or folder not found (remove the \\ before "
        "spaces: inside quotes they are part of the name)\n",
    )


def test_a_missing_path_without_backslashes_says_as_before(study: Path, capsys) -> None:
    code, _, err = run(["report", "coded/missing.jsonl", "--out", "r.html"], capsys)
    assert (code, err) == (2, "roqa: error: coded/missing.jsonl: file not found (check the path)\n")


def test_missing_training_data_typed_with_backslashes_says_to_use_slashes(
    study: Path, capsys
) -> None:
    Path("data").mkdir()
    Path("data/training.jsonl").write_text('{"text": "x", "construct": "NONE"}\n', "utf-8")
    code, _, err = run(["train", "data\\training.jsonl", "--out", "m"], capsys)
    assert (code, err) == (
        2,
        "roqa: error: data\\training.jsonl: training data not found (use / between folders on "
        "this system: data/training.jsonl)\n",
    )
    assert not Path("m").exists()


@pytest.mark.parametrize(
    "args, said",
    [
        (["report", "coded", "--out", "coded\\r.html"], "coded\\r.html: would be written as one name with \\ in it (use / between folders on this system: coded/r.html)"),
        (["report", "coded", "--out", "r.html", "--matrix", ".\\m.xlsx"], ".\\m.xlsx: would be written as one name with \\ in it (use / between folders on this system: ./m.xlsx)"),
        (["export", "coded", "--qdpx", "C:\\Users\\me\\p.qdpx"], "C:\\Users\\me\\p.qdpx: would be written as one name with \\ in it (a Windows path: on this system give it with / between folders and no drive letter)"),
        (["code", "interviews", "--out", "coded\\win"], "coded\\win: would be written as one name with \\ in it (use / between folders on this system: coded/win)"),
        (["pseudonymise", "interviews", "--key", "key.csv", "--out", "interviews\\pseudo"], "interviews\\pseudo: would be written as one name with \\ in it (use / between folders on this system: interviews/pseudo)"),
        # a \ at the start is not the root folder (h_h_cli s64, D1: "/r.html" was offered)
        (["report", "coded", "--out", "\\r.html"], "\\r.html: would be written as one name with \\ in it (drop the \\ at the start: r.html)"),
        (["report", "coded", "--out", "\\coded\\r.html"], "\\coded\\r.html: would be written as one name with \\ in it (drop the \\ at the start and use / between folders on this system: coded/r.html)"),
        (["report", "coded", "--out", "\\nowhere\\r.html"], "\\nowhere\\r.html: would be written as one name with \\ in it (check the path; use / between folders on this system, not \\)"),
        (["report", "coded", "--out", "..\\r.html"], "..\\r.html: would be written as one name with \\ in it (use / between folders on this system: ../r.html)"),
    ],
)  # fmt: skip
def test_an_output_path_with_windows_backslashes_says_to_use_slashes(
    study: Path, capsys, args: list[str], said: str
) -> None:
    """Cli tester, session 64: `--out 'coded\\win'`, `--qdpx 'C:\\Users\\me\\p.qdpx'` and
    `--matrix '.\\m.xlsx'` were written, exit 0, as names holding backslashes where the command
    ran, nothing in coded/; an input path typed so was told to use /."""
    before = sorted(p.name for p in Path().iterdir())
    code, out, err = run(args, capsys)
    assert (code, out, err) == (2, "", f"roqa: error: {said}\n")
    assert sorted(p.name for p in Path().iterdir()) == before


def test_an_output_path_from_the_root_with_backslashes_is_given_with_slashes(
    study: Path, capsys, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Hunt s65 (h_satcli, R1): '\\tmp\\...\\r.html' of a folder there from the root was told
    only 'check the path' once a leading \\ was read as a name's (before: that path with /);
    '\\\\r.html' is told to drop both."""
    there = tmp_path_factory.mktemp("elsewhere")
    typed = str(there / "r.html").replace("/", "\\")
    code, _, err = run(["report", "coded", "--out", typed], capsys)
    assert (code, err) == (
        2,
        f"roqa: error: {typed}: would be written as one name with \\ in it (use / between "
        f"folders on this system: {there}/r.html)\n",
    )
    code, _, err = run(["report", "coded", "--out", "\\\\r.html"], capsys)
    assert err == (
        "roqa: error: \\\\r.html: would be written as one name with \\ in it (drop the \\\\ at "
        "the start: r.html)\n"
    )


def test_an_output_name_with_a_backslash_that_is_no_windows_path_is_written(
    study: Path, capsys
) -> None:
    """A \\ not after a folder there, a drive letter or '.' may be part of a name: kept."""
    code, _, _ = run(["report", "coded", "--out", "notes\\r.html"], capsys)
    assert code == 0
    assert Path("notes\\r.html").is_file()


def test_a_folder_named_with_a_backslash_that_is_there_is_written_into(study: Path, capsys) -> None:
    """Hunt s64 (h_cli, R1): a folder an earlier version made as 'coded\\win' is the researcher's
    now: refusing it pointed at coded/win, which is not there."""
    Path("coded\\win").mkdir()
    code, _, err = run(["report", "coded", "--out", "coded\\win/r.html"], capsys)
    assert (code, err.count("would be written as one name")) == (0, 0)
    assert Path("coded\\win/r.html").is_file()
