"""Every command's ``--help`` names its values in plain words (FILES..., FOLDER, FILE, N), not in
Python types: a researcher read ``paths... <list[Path]>``, ``--top-k <int range>`` and
``roqa code [OPTIONS] {paths}...`` and could not follow them (blind newcomer tester, s47)."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from roqa_nlp.cli import main

COMMANDS = (
    "agree", "apply-decisions", "build-backend", "code", "suggest", "evaluate", "codebook",
    "export", "import", "inspect", "pseudonymise", "report", "train",
)  # fmt: skip


def help_of(command: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    return out.getvalue()


def test_every_command_is_in_the_list() -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main(["--help"])
    listed = re.findall(r"^  ([a-z-]+) ", out.getvalue().split("Commands:")[1], re.M)
    assert sorted(listed) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_help_shows_a_python_type(command: str) -> None:
    shown = help_of(command)
    python_types = ("<list[", "range>", "<path>", "<str>", "<int>", "<float>", "{paths}")
    assert [t for t in python_types if t in shown] == []
    assert re.findall(r"\{\w+\}", shown.split("\n", 1)[0]) == []  # as in {paths}...


def test_the_usage_and_arguments_name_plain_values() -> None:
    code = help_of("code")
    assert code.startswith("Usage: roqa code [OPTIONS] FILES...\n")
    flat = " ".join(code.split())
    assert "Arguments: FILES... Transcript files or folders" in flat
    assert "-o, --out FOLDER Output folder." in flat
    assert "--top-k N Suggestions kept per segment." in flat
    assert help_of("codebook").startswith("Usage: roqa codebook [OPTIONS] [NAME]\n")
    assert "--out FILE HTML file to write" in " ".join(help_of("report").split())
