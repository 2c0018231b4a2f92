"""How an error tells the researcher to install what an optional part of roqa needs, the way
roqa is installed: into a clone's virtual environment (``make demo``: ``.venv/bin/pip install -e
'.[fast]'``, run in the clone), or as a package (``pip install 'roqa_nlp[fast]'``). Before
session 86 every hint said the package's line, which in a clone asks the package index for
roqa_nlp and installs into the system's Python, not the clone's .venv (docswalk s86, D2)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: the package's name as pyproject.toml gives it
PACKAGE = "roqa_nlp"


def clone_root(package_dir: Path | None = None) -> Path | None:
    """The folder of the clone roqa runs from (``src/roqa_nlp`` under a ``pyproject.toml``: an
    editable install), or None for an installed package."""
    here = package_dir or Path(__file__).resolve().parent
    root = here.parent.parent
    if here.parent.name == "src" and (root / "pyproject.toml").is_file():
        return root
    return None


def pip_command(root: Path | None = None, prefix: Path | None = None) -> str:
    """The pip of the Python roqa runs in: its virtual environment's (``prefix``), written
    relative to the clone ``root`` when it lies inside it (``.venv/bin/pip``), else ``pip``."""
    if prefix is None and sys.prefix != sys.base_prefix:
        prefix = Path(sys.prefix)
    if prefix is None:
        return "pip"
    pip = prefix / ("Scripts" if os.name == "nt" else "bin") / "pip"
    if root is not None and pip.is_relative_to(root):
        return str(pip.relative_to(root))
    return str(pip)


def install_extra(extra: str, package_dir: Path | None = None, prefix: Path | None = None) -> str:
    """The line that installs ``extra`` of pyproject.toml (``fast``, ``ray``) where roqa is."""
    root = clone_root(package_dir)
    if root is None:
        return f"{pip_command(None, prefix)} install '{PACKAGE}[{extra}]'"
    return f"in {root}, run {pip_command(root, prefix)} install -e '.[{extra}]'"


def install_package(spec: str, package_dir: Path | None = None, prefix: Path | None = None) -> str:
    """The line that installs the package ``spec`` (``'ray[client]'``) beside roqa."""
    return f"{pip_command(clone_root(package_dir), prefix)} install {spec}"
