"""Specification of printing to a console that is not UTF-8 (s44, portability tester): a
Windows console (cp1252, cp850) cannot hold "≈", "…" or "✓"; roqa prints "?" for them and
never fails for it. Before, ``PYTHONIOENCODING=cp1252 roqa code --help`` ended in an internal
error (UnicodeEncodeError '\\u2248'), as did suggest and evaluate, and ``roqa import`` wrote
everything, then died printing a user name ending "…" (exit 1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_refiqda import build_qdpx, project_xml, selection

SRC = str(Path(__file__).resolve().parents[1] / "src")

#: every command's --help in one process, the exit status of each and whether torch was imported
HELP_OF_EVERY_COMMAND = """
import json, sys, typer
from roqa_nlp.cli import app, main
status = {}
for name in sorted(typer.main.get_command(app).commands):
    try:
        main([name, "--help"])
        status[name] = 0
    except SystemExit as e:
        status[name] = e.code
sys.stdout.flush()
print(json.dumps({"status": status, "torch": "torch" in sys.modules}), file=sys.stderr)
"""


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, timeout=300)


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_every_commands_help_prints_on_a_console_that_is_not_utf8(encoding: str) -> None:
    done = run(encoding, "-c", HELP_OF_EVERY_COMMAND)
    said = json.loads(done.stderr.decode("utf-8").splitlines()[-1])
    assert said["status"] == dict.fromkeys(said["status"], 0), done.stderr.decode("utf-8")
    assert len(said["status"]) == 13
    assert said["torch"] is False
    # "≈" of roqa code's help, which no such console holds, is "?"; "×" is kept
    assert "int8 (?2-2.5× faster)" in done.stdout.decode(encoding)


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_roqa_import_prints_what_the_console_cannot_hold_as_a_question_mark(
    tmp_path: Path, encoding: str
) -> None:
    users = '<User guid="00000000-0000-4000-8000-0000000000aa" name="Alice ≈ ✓ …"/>'
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="P01">'
        f"<PlainTextContent>We lacked staff.</PlainTextContent>{selection(0, 2)}</TextSource>"
    )
    project = build_qdpx(tmp_path / "q.qdpx", project_xml(src, users=users))
    out = tmp_path / "o"
    done = run(encoding, "-c", "from roqa_nlp.cli import main; main()", "import", str(project),
               "--out", str(out))  # fmt: skip
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    said = {"cp1252": "Alice ? ? …", "cp850": "Alice ? ? ?"}[encoding]  # cp1252 holds "…"
    assert f"codings by {said} (1)" in done.stdout.decode(encoding)
    # the folder is named so that it can be typed (docs/refi-qda.md): "≈ ✓ …" are left out
    assert (out / "codings" / "Alice" / "codings.jsonl").is_file()
