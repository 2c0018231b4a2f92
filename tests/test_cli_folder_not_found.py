"""A folder of codings not found is said a folder: ``missing/: folder not found``.

Terminal tester, session 45: `roqa report missing/` said "missing: file not found", the slash
dropped (typer's Path takes it off) and the folder called a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.mark.parametrize(
    "args",
    [["report", "missing/"], ["report", "missing"], ["agree", "missing/", "other/"]],
)
def test_a_missing_folder_is_said_a_folder(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert tuple(roqa(*args)) == (
        2,
        "",
        "roqa: error: missing/: folder not found (check the path: give the folder roqa code "
        "wrote)\n",
    )


def test_a_missing_file_is_still_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert tuple(roqa("report", "missing.jsonl")) == (
        2,
        "",
        "roqa: error: missing.jsonl: file not found (check the path)\n",
    )
