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


def option_help(command: str, option: str) -> str:
    """The help of ``option`` of ``command``, on one line: its lines, up to the next option's."""
    lines = help_of(command).splitlines()
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{option} "))
    rest = lines[first + 1 :]
    end = next((i for i, line in enumerate(rest) if not line.startswith("   ")), len(rest))
    words = " ".join([lines[first], *rest[:end]]).split()
    return " ".join(words[1:])


def test_agree_codebook_help_says_what_it_accepts_and_its_default() -> None:
    """`roqa agree --help` said less than docs/agreement.md of --codebook: not that a file is a
    codebook .json, that codes resolve by id, name or alias, nor that without it the codebook
    the results record is used (helper s49 t2)."""
    assert option_help("agree", "--codebook") == (
        "CODEBOOK A built-in codebook (cfir-2009, cfir-2022, erondu-2021) or a codebook .json "
        "file to compare every coder in: codes resolve to its ids by id, name or alias, and "
        "other codebooks' codes translate through their documented mapping. Default: the "
        "codebook the results record, else the codes as written (docs/agreement.md)."
    )


def test_code_threads_help_says_the_ray_engines_default() -> None:
    """`roqa code --help` said --threads defaults to all cores, but with --engine ray each
    actor gets 1 thread unless --threads says otherwise (ray_engine.code_with_ray)."""
    assert option_help("code", "--threads") == (
        "N CPU threads for encoding. Default: one per core; with --engine ray, per actor, "
        "default 1. [x>=1]"
    )
