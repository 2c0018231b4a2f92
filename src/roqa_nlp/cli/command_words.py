"""Words researchers type as a ``roqa`` command that is none, answered with the command meant.

``roqa learn coded/decisions.csv`` ("learn from my decisions") said click's "No such command
'learn'." and nothing more (tester s71 study, 6): the command is ``roqa train --feedback``. The
words and the commands they point to are knowledge, in ``roqa_nlp/data/command_words.json``;
this module reads nothing heavy (``roqa learn`` imports neither typer's commands nor torch).
"""

from __future__ import annotations

import functools
import shlex
from typing import Any

from ..errors import RoqaError
from ..io import packaged_json


@functools.lru_cache(maxsize=1)
def _entries() -> dict[str, dict[str, Any]]:
    """Each word (case-folded) -> its entry of ``command_words.json``."""
    table = packaged_json("command_words.json")
    return {w.casefold(): entry for entry in table["commands"] for w in entry["words"]}


def pointer_line(entry: dict[str, Any], given: list[str]) -> str:
    """The command ``entry`` runs, with the ``.csv`` files of ``given`` (the words after the
    command's) in the place of its ``{csv}`` (each as ``entry["each"]`` says; the README's
    example when none), a path with spaces quoted."""
    run = str(entry["run"])
    if "{csv}" not in run:
        return run
    files = [a for a in given if a.casefold().endswith(".csv")] or [str(entry["example"])]
    return run.replace("{csv}", " ".join(str(entry["each"]).format(shlex.quote(f)) for f in files))


def command_meant(args: list[str]) -> RoqaError | None:
    """The error of ``roqa WORD ...`` when WORD is a word of ``command_words.json``: one line
    saying what the command meant does and how to run it (``there is no command 'learn': to
    learn from your decisions, run roqa train training_data --feedback coded/decisions.csv --out
    models/study (see 'roqa train --help')``); None for any other first word (a command, an
    option, or another word, whose error click gives)."""
    if not args or args[0].startswith("-"):
        return None
    entry = _entries().get(args[0].casefold())
    if entry is None:
        return None
    line = pointer_line(entry, args[1:])
    command = " ".join(shlex.split(line)[:2])
    return RoqaError(
        f"there is no command {args[0]!r}: to {entry['to']}, run {line}",
        hint=f"see '{command} --help'",
    )
