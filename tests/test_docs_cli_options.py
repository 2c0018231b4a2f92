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
