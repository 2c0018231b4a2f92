"""Specification of the top-level package's exports: lazy at run time, real types to a checker.

``roqa_nlp/__init__.py`` re-exports the public API through a module ``__getattr__`` (so that
``import roqa_nlp`` imports neither numpy nor torch) and again under ``if TYPE_CHECKING:`` (so that
mypy, pyright and editors see each name's real type rather than ``Any``).
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import roqa_nlp

INIT = Path(roqa_nlp.__file__)
SRC = INIT.parents[1]


def type_checking_imports() -> dict[str, str]:
    """Each name the ``if TYPE_CHECKING:`` block of ``__init__.py`` imports, with its module."""
    tree = ast.parse(INIT.read_text("utf-8"))
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1
    out: dict[str, str] = {}
    for node in blocks[0].body:
        assert isinstance(node, ast.ImportFrom) and node.module is not None
        for alias in node.names:
            # ``X as X``: the explicit re-export form (a bare import is private to mypy --strict)
            assert alias.asname == alias.name
            out[alias.name] = node.module
    return out


def test_all_lists_every_lazy_export_once() -> None:
    assert len(roqa_nlp.__all__) == len(set(roqa_nlp.__all__))
    assert set(roqa_nlp.__all__) == {"__version__", *roqa_nlp._EXPORTS}


def test_type_checkers_see_every_export_from_the_module_it_is_loaded_from() -> None:
    assert type_checking_imports() == roqa_nlp._EXPORTS


def test_every_export_is_the_object_its_module_defines() -> None:
    for name, module in roqa_nlp._EXPORTS.items():
        assert getattr(roqa_nlp, name) is getattr(importlib.import_module(module), name)


USER_SCRIPT = """\
from roqa_nlp import CodingResult, load_codebook, read_transcript, segment

result = CodingResult.load("coded/")
for s in result:
    print(s.top.name)
book: int = load_codebook("cfir-2009")
segment(read_transcript("p01.txt"), unit="paragraph")
reveal_type(result[0])
reveal_type(result[1:])
"""


#: The two mypy tests run on one worker (`make test`, --dist loadgroup) and share its cache, so
#: that the second reads the standard library's and roqa_nlp's types from it rather than
#: analysing them again: 7-20 s a run cold, under a second warm (s75 suite).
shares_mypy_cache = pytest.mark.xdist_group("mypy")


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mypy's cache for the tests of this module. mypy checks each module's source against its
    cache entry, so ``analysis.py``, another script in each test, is analysed every time."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy_on(script: str, tmp_path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """mypy's report on ``script``, written as ``analysis.py`` in ``tmp_path``."""
    path = tmp_path / "analysis.py"
    path.write_text(script, "utf-8")
    # Third-party packages are left out (--no-site-packages) so that mypy does not analyse torch:
    # roqa_nlp's own types are what is checked, and this takes about a second.
    return subprocess.run(
        [
            *(sys.executable, "-m", "mypy", "--no-error-summary", "--no-site-packages"),
            *("--ignore-missing-imports", "--follow-imports=silent"),
            *("--cache-dir", str(cache), str(path)),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"MYPYPATH": str(SRC), "PATH": "/usr/bin:/bin"},
        timeout=300,
    )


def reported(out: subprocess.CompletedProcess[str]) -> list[tuple[str, str, str, str]]:
    """(line, kind, message, code) of each line of mypy's report on ``analysis.py``."""
    found: list[tuple[str, str, str, str]] = re.findall(
        r"^analysis\.py:(\d+): (\w+): (.*?)(?:  \[([\w-]+)\])?$", out.stdout, re.M
    )
    return found


@shares_mypy_cache
def test_mypy_reports_type_errors_in_a_script_importing_from_roqa_nlp(
    tmp_path: Path, mypy_cache: Path
) -> None:
    out = mypy_on(USER_SCRIPT, tmp_path, mypy_cache)
    found = reported(out)
    assert [(int(line), kind, code) for line, kind, _, code in found] == [
        (5, "error", "union-attr"),  # s.top is Optional
        (6, "error", "assignment"),  # a Codebook is not an int
        (7, "error", "arg-type"),  # unit is a Literal
        (8, "note", ""),
        (9, "note", ""),
    ], out.stdout + out.stderr
    assert found[3][2] == 'Revealed type is "roqa_nlp.schema.SegmentResult"'
    assert found[4][2] == 'Revealed type is "roqa_nlp.result.CodingResult"'


TURNS_SCRIPT = """\
from collections.abc import Hashable, Iterator
from typing import Any, NamedTuple
from roqa_nlp import Transcript

class Series:  # as pandas-stubs types a DataFrame's row: not a tuple, nor a Sequence
    def __len__(self) -> int: return 3
    def __iter__(self) -> Iterator[Any]: return iter(())
    def __getitem__(self, key: Any) -> Any: return None

def iterrows() -> Iterator[tuple[Hashable, Series]]: return iter(())  # pandas-stubs' iterrows

class Row(NamedTuple):  # what df.itertuples(index=False) gives
    speaker: str
    role: str
    words: str

Transcript.from_turns("p23", iterrows())
Transcript.from_turns("p23", (row for _, row in iterrows()))
Transcript.from_turns("p23", [["Interviewer", "interviewer", "What helps?"]])
Transcript.from_turns("p23", enumerate([("P23", "participant", "Our manager.")]))
Transcript.from_turns("p23", [Row("P23", "participant", "Our manager.")])
Transcript.from_turns("p23", [("P23", "participant", "Our manager.")])
Transcript.from_turns("p23", [42])
"""


@shares_mypy_cache
def test_mypy_admits_every_kind_of_turn_from_turns_takes(tmp_path: Path, mypy_cache: Path) -> None:
    """Transcript.from_turns takes df.iterrows()' (index, row) pairs, a row, a list, an
    enumerate() pair at run time (docs/python.md), but its hint, Iterable[tuple[str, str, str]],
    admitted only 3-tuples: mypy refused the first four calls (s50 api tester). A turn that is
    no sequence (42) is still refused."""
    out = mypy_on(TURNS_SCRIPT, tmp_path, mypy_cache)
    assert [(int(line), kind, code) for line, kind, _, code in reported(out)] == [
        (23, "error", "list-item"),
    ], out.stdout + out.stderr
