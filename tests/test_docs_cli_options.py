"""Specification: docs/cli.md names every option of ``roqa code`` and ``roqa evaluate``, each
command of its "Options of ..." chapter in its own section.
Before, --context/--no-context, --neutral-weight, --decisions, --backend, --threads, --engine
and --participant of roqa code were in no line of it (some only in other pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from roqa_nlp.cli import app

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["code", "evaluate"])
def test_every_option_is_named_in_cli_md(name: str) -> None:
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    missing = [
        param.opts[0]
        for param in command.params
        if param.opts[0].startswith("--")
        and not any(f"`{o}" in PAGE for o in [*param.opts, *param.secondary_opts])
    ]
    assert missing == []


def _section(name: str) -> str:
    """The part of the page under ``### `roqa NAME```, to the next heading."""
    return re.split(r"\n#{2,3} ", PAGE.split(f"### `roqa {name}`", 1)[1], maxsplit=1)[0]


@pytest.mark.parametrize(
    "name", ["code", "suggest", "evaluate", "train", "report", "build-backend"]
)
def test_every_option_is_named_in_its_commands_own_section(name: str) -> None:
    """Daily, s57: the page's `roqa report` section left out --open-coding, --initial-sample,
    --stopping-criterion and --decisions, and `roqa code`'s --model, --qdpx, --interviewer,
    --pseudonymise and --codebook (some named only elsewhere on the page), though --help lists
    them all: each section of "Options of ..." names every option its command's --help does."""
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    section = _section(name)
    missing = [
        param.opts[0]
        for param in command.params
        if param.opts[0].startswith("-")
        and param.opts[0] not in ("-h", "--help")
        and not any(f"`{o}" in section for o in [*param.opts, *param.secondary_opts])
    ]
    assert missing == []


def test_build_backend_section_shows_its_options_as_optional() -> None:
    """cli.md showed `roqa build-backend KIND --embedding-model DIR`, as if the model were
    required, and left out -o/--out (s51 docs, finding 2): its usage line is --help's."""
    section = PAGE.split("### `roqa build-backend`", 1)[1].split("\n## ", 1)[0]
    usage = "`roqa build-backend KIND [-o FOLDER] [--embedding-model FOLDER]`"
    assert section.strip().startswith(usage)
    assert "`-o, --out FOLDER`" in section and "`--embedding-model FOLDER`" in section


def test_suggest_help_says_it_ranks_the_codebooks_codes() -> None:
    """`roqa suggest --help` said "Ranked CFIR constructs" though --codebook erondu-2021 ranks
    themes (s51 docs, finding 3)."""
    command = typer.main.get_command(app).commands["suggest"]  # type: ignore[attr-defined]
    assert " ".join(command.help.split()) == (
        "Ranked codes of the codebook for a sentence, with probability and evidence, and its "
        "valence."
    )


@pytest.mark.parametrize("name", ["code", "report", "train"])
def test_cli_md_shows_the_values_of_an_option_with_a_few_as_help_does(name: str) -> None:
    """Helper s52: --help shows `--unit [window|sentence]` where it showed `--unit TEXT`; the
    page names each such option of these commands as --help does."""
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    shown = [
        f"`{param.opts[0]} {param.metavar}`"
        for param in command.params
        if str(param.metavar).startswith("[")
    ]
    assert shown and [s for s in shown if s not in PAGE] == []


def test_cli_md_writes_a_default_as_help_does() -> None:
    """Helper s52: "(default 5)", "default 0.6" and "default 1" beside --help's "[default: 5]"
    and "(default: the model's setting)": the page writes each "(default: ...)"."""
    assert re.findall(r"\(default [^:]*?\)|[,;] default \d", PAGE) == []
