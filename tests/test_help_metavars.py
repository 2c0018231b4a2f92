"""Every command's ``--help`` names its values in plain words (FILES..., FOLDER, FILE, N), not in
Python types: a researcher read ``paths... <list[Path]>``, ``--top-k <int range>`` and
``roqa code [OPTIONS] {paths}...`` and could not follow them (blind newcomer tester, s47)."""

from __future__ import annotations

import contextlib
import io
import os
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
        "other codebooks' codes translate through their documented mapping (default: the "
        "codebook the results record, else the codes as written; docs/agreement.md)."
    )


def test_code_threads_help_says_the_ray_engines_default() -> None:
    """`roqa code --help` said --threads defaults to all cores, but with --engine ray each
    actor gets 1 thread unless --threads says otherwise (ray_engine.code_with_ray)."""
    assert option_help("code", "--threads") == (
        "N CPU threads for encoding (default: OMP_NUM_THREADS if set, else one per core; with "
        "--engine ray, 1 per actor). [x>=1]"
    )


def _choices() -> dict[tuple[str, str], tuple[str, ...]]:
    """Each option that takes one of a fixed set of values, with the values its command checks
    it against, all shown (``--unit``'s ``turn``, which means ``window``, too)."""
    from roqa_nlp.agreement import LEVELS
    from roqa_nlp.code_levels import AT_LEVELS
    from roqa_nlp.coding_agreement import UNIT_KINDS, UNIVERSES
    from roqa_nlp.framework_docx import CITE_STYLES
    from roqa_nlp.prediction import METHODS
    from roqa_nlp.transcripts.segment import UNITS

    return {
        ("agree", "--by"): ("pair", "code"),
        ("agree", "--universe"): UNIVERSES,
        ("agree", "--level"): LEVELS,
        ("agree", "--units"): UNIT_KINDS,
        ("agree", "--at"): AT_LEVELS,
        ("code", "--unit"): UNITS,
        ("code", "--engine"): ("local", "ray"),
        ("report", "--cite"): CITE_STYLES,
        ("train", "--method"): METHODS,
    }


def test_an_option_with_a_fixed_set_of_values_shows_them() -> None:
    """Helper s52: `--unit TEXT`, `--by TEXT`, `--cite TEXT` said nothing of what they take."""
    metavars = {key: option_help(*key).split()[0] for key in _choices()}
    assert [m for m in metavars.values() if not re.fullmatch(r"\[[a-z]+(\|[a-z]+)+\]", m)] == []
    shown = {key: set(m.strip("[]").split("|")) for key, m in metavars.items()}
    assert shown == {key: set(values) for key, values in _choices().items()}


@pytest.mark.parametrize("command", COMMANDS)
def test_no_option_shows_text_for_its_value(command: str) -> None:
    assert re.findall(r"^\s+(?:-\w, )?(--[\w-]+) TEXT\b", help_of(command), re.M) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_every_default_is_written_one_way(command: str) -> None:
    """Helper s52: defaults were written "[default: 5]", "(default 0.1)", "Default: the model's
    setting" and "Default 0.6": a value is typer's ``[default: X]``, one that depends on the
    model or another option ``(default: ...)`` in words."""
    flat = " ".join(help_of(command).split())
    assert [m.group(0) for m in re.finditer(r"\S?default\S?", flat, re.I)] == [
        m.group(0) for m in re.finditer(r"[\[(]default:", flat)
    ]


def test_a_default_the_option_does_not_hold_is_written_in_the_chosen_form() -> None:
    """``--min-group-size`` is None when not given (the run then records no rule): its default
    shows as typer shows one it holds; ``--alpha``'s is the model's, said in words."""
    import json

    from roqa_nlp.autocoder import CARD, packaged_model_dir
    from roqa_nlp.open_coding import MIN_GROUP_SIZE

    card = json.loads((packaged_model_dir() / CARD).read_text(encoding="utf-8"))
    assert option_help("code", "--min-group-size").endswith(f"[default: {MIN_GROUP_SIZE}]")
    assert option_help("code", "--alpha").endswith(
        f"(default: the model's setting, {card['params']['alpha']} for the packaged model)."
    )
    assert option_help("code", "--unit").endswith(
        f"(default: the model's setting, {card['params']['unit']} for the packaged model)."
    )


def test_the_written_defaults_follow_the_constants_they_stand_for() -> None:
    """``--min-group-size`` and ``--feedback-weight`` hold None when not given, so their help
    shows a default typed in; it is the constant's value (open_coding.MIN_GROUP_SIZE,
    review_file.UPDATE_WEIGHT), not a copy that drifts from it (codereview s52)."""
    import subprocess
    import sys

    code = (
        "import contextlib, io, roqa_nlp.open_coding as o, roqa_nlp.review_file as a\n"
        "o.MIN_GROUP_SIZE, a.UPDATE_WEIGHT = 7, 5\n"
        "from roqa_nlp.cli import main\n"
        "for c in ('code', 'train'):\n"
        "    with contextlib.suppress(SystemExit):\n"
        "        main([c, '--help'])\n"
    )
    env = {**os.environ, "COLUMNS": "200", "TERMINAL_WIDTH": "200"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout
    flat = " ".join(out.split())
    shown = {m[1]: m[2] for m in re.finditer(r"(--[\w-]+) N [^\[]*\[default: (\d+)[;\]]", flat)}
    assert (shown["--min-group-size"], shown["--feedback-weight"]) == ("7", "5")
