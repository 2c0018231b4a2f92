"""A folder of codings not found is said a folder: ``missing/: folder not found``.

Terminal tester, session 45: `roqa report missing/` said "missing: file not found", the slash
dropped (typer's Path takes it off) and the folder called a file.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from roqa_nlp.cli import main


def roqa(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "args",
    [["report", "missing/"], ["report", "missing"], ["agree", "missing/", "other/"]],
)
def test_a_missing_folder_is_said_a_folder(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert roqa(*args) == (
        2,
        "",
        "roqa: error: missing/: folder not found (check the path: give the folder roqa code "
        "wrote)\n",
    )


def test_a_missing_file_is_still_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert roqa("report", "missing.jsonl") == (
        2,
        "",
        "roqa: error: missing.jsonl: file not found (check the path)\n",
    )
