"""Specification: the help of ``roqa code``, ``train``, ``evaluate``, ``report`` and ``agree``
ends with one example of the command's use, then the line on --debug; each example names only
options the command takes. Before (s86 docswalk L5) no command's help showed a use of it."""

from __future__ import annotations

import pytest
import typer

from roqa_nlp.cli import app
from test_cli_core import roqa

EXAMPLES = {
    "code": "roqa code interviews/ --out coded/  # then open coded/report.html",
    "train": "roqa train training_data --feedback coded/decisions.csv --out models/study",
    "evaluate": "roqa evaluate examples/gold/labelled.jsonl --per-code",
    "report": "roqa report coded/ --table table2.docx --matrix matrix.xlsx",
    "agree": "roqa agree coderA/ coderB/ coded/ --json agree.json",
}


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_the_help_ends_with_an_example(command: str) -> None:
    run = roqa(command, "--help")
    assert run.code == 0, run.err
    assert run.out.rstrip().splitlines()[-3:] == [
        f"  Example: {EXAMPLES[command]}",
        "",
        "  Add --debug to see a traceback when something goes wrong.",
    ]


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_each_example_names_options_of_its_command(command: str) -> None:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    taken = {o for p in click_command.params for o in (*p.opts, *p.secondary_opts)}
    words = EXAMPLES[command].split("#")[0].split()
    assert words[:2] == ["roqa", command]
    assert [w for w in words if w.startswith("-") and w not in taken] == []
