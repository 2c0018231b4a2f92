"""Specification of the words researchers type as a ``roqa`` command that is not one.

``roqa learn coded/decisions.csv`` ("learn from my decisions") said click's "No such command
'learn'." and nothing more (tester s71 study, 6): the command is ``roqa train --feedback``. A word
of ``roqa_nlp/data/command_words.json`` is answered with a one-line pointer to the command meant,
as the README's command-line quick-start writes it, exit status 2, importing nothing heavy.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from roqa_nlp.cli.command_words import pointer_line
from roqa_nlp.io import packaged_json
from test_cli_core import REPO, roqa

TRAIN = "roqa train training_data --feedback coded/decisions.csv --out models/study"


def test_learn_points_to_train_feedback_with_the_decisions_given() -> None:
    run = roqa("learn", "coded/decisions.csv")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "roqa: error: there is no command 'learn': to learn from your decisions, run "
        f"{TRAIN} (see 'roqa train --help')\n"
    )


def test_each_decisions_file_given_is_a_round_and_a_path_with_spaces_is_quoted() -> None:
    run = roqa("learn", "r0/decisions.csv", "My Study/r1 decisions.csv")
    assert run.code == 2
    assert (
        "run roqa train training_data --feedback r0/decisions.csv --feedback "
        "'My Study/r1 decisions.csv' --out models/study (see 'roqa train --help')"
    ) in run.err


@pytest.mark.parametrize(
    ("word", "command"),
    [
        ("learn", "train"),
        ("Learn", "train"),
        ("retrain", "train"),  # click said "Did you mean 'train'?", without --feedback
        ("fine-tune", "train"),
        ("feedback", "train"),
        ("apply", "apply-decisions"),
        ("kappa", "agree"),
        ("anonymize", "pseudonymise"),
        ("saturation", "report"),  # click said "Did you mean 'train'?"
        ("classify", "code"),
    ],
)
def test_a_near_miss_is_one_line_naming_the_command_meant(word: str, command: str) -> None:
    run = roqa(word)
    assert run.code == 2
    assert run.err.count("\n") == 1
    assert run.err.startswith(f"roqa: error: there is no command '{word}': to ")
    assert run.err.endswith(f" (see 'roqa {command} --help')\n")
    assert "No such command" not in run.err


def test_another_unknown_word_keeps_clicks_answer() -> None:
    run = roqa("traim")
    assert (run.code, run.err) == (
        2,
        "roqa: error: No such command 'traim'. Did you mean 'train'? (see 'roqa --help')\n",
    )


def test_every_word_is_no_command_and_every_pointer_runs_a_command_with_its_options() -> None:
    """A word that became a command would be shadowed by its pointer; a pointer naming an
    option a command no longer has would send the researcher to another error."""
    import typer

    from roqa_nlp.cli import _application

    group = typer.main.get_command(_application())
    commands = getattr(group, "commands", {})
    table = packaged_json("command_words.json")
    words = [w for entry in table["commands"] for w in entry["words"]]
    assert len(words) == len(set(words))
    assert not set(words) & set(commands)
    for entry in table["commands"]:
        run = shlex.split(pointer_line(entry, []))
        assert run[0] == "roqa" and run[1] in commands, entry
        options = {o for p in commands[run[1]].params for o in p.opts}
        assert {a for a in run if a.startswith("--")} <= options, entry
        assert re.fullmatch(r"[a-z][\w ,]+", entry["to"]), entry


LEARN_PROBE = """
import sys
from roqa_nlp.cli import main
try:
    main(["learn", "coded/decisions.csv"])
except SystemExit as e:
    print("STATUS=" + str(e.code))
heavy = ("numpy", "torch", "sklearn", "sentence_transformers", "transformers", "spacy", "datasets")
print("HEAVY=" + ",".join(m for m in heavy if m in sys.modules))
"""


def test_a_near_miss_imports_nothing_heavy() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", LEARN_PROBE], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert proc.stdout.strip().splitlines() == ["STATUS=2", "HEAVY="], proc.stderr
    assert "roqa train training_data --feedback coded/decisions.csv" in proc.stderr


def test_roqa_help_shows_the_help_of_roqa_or_of_the_command_named() -> None:
    """docswalk s86, L5: `roqa help` said "No such command 'help'". As git and pip take it,
    `roqa help` is `roqa --help` and `roqa help code` is `roqa code --help` (what follows the
    command's name is not read); a name that is no command is told as click tells it."""
    assert roqa("help").out == roqa("--help").out
    assert roqa("help", "code").out == roqa("code", "--help").out
    assert roqa("help", "agree", "coded/").out == roqa("agree", "--help").out
    assert roqa("help").code == 0
    assert roqa("help", "code").out.startswith("Usage: roqa code [OPTIONS] FILES...")
    nosuch = roqa("help", "nosuch")
    assert (nosuch.code, nosuch.err) == (
        2,
        "roqa: error: No such command 'nosuch'. (see 'roqa --help')\n",
    )
