"""Specification: docs/cli.md names every option of ``roqa code`` and ``roqa evaluate``.
Before, --context/--no-context, --neutral-weight, --decisions, --backend, --threads, --engine
and --participant of roqa code were in no line of it (some only in other pages)."""

from __future__ import annotations

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
