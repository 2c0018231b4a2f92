"""In a parallel run the main process rewrites the test modules' asserts once, for every worker.

``tests/conftest.py``'s ``pytest_configure`` writes pytest's own bytecode of each test module it is
given before the workers start, so the workers of a clean clone read it instead of each
rewriting all of them (43.2 s of CPU a worker, s87). What it writes must be what pytest itself
would write and read back: the same code, under the module's absolute file name.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import conftest

try:
    from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc, _rewrite_test, get_cache_dir
except ImportError:  # conftest.py writes nothing then: each worker rewrites as before
    pytest.skip("this pytest keeps its assertion rewriting elsewhere", allow_module_level=True)

SAMPLE = "def test_sample():\n    x = 1\n    assert x + 1 == 3, 'told'\n"


def main_process(config: pytest.Config, folder: Path, dist: str = "loadgroup") -> SimpleNamespace:
    """The config of `pytest -n 2 --dist DIST FOLDER` as its main process sees it."""
    return SimpleNamespace(
        option=SimpleNamespace(dist=dist),
        args=[folder.name],
        invocation_params=SimpleNamespace(dir=folder.parent),
        rootpath=folder.parent,
        getoption=lambda name: {"assertmode": "rewrite"}[name],
        getini=config.getini,
    )


def written(module: Path) -> Path:
    return get_cache_dir(module) / (module.name[:-3] + PYC_TAIL)


def test_the_main_process_writes_the_bytecode_pytest_reads_back(
    pytestconfig: pytest.Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    folder = tmp_path / "tests"
    folder.mkdir()
    module = folder / "test_sample.py"
    module.write_text(SAMPLE, "utf-8")
    (folder / "test_broken.py").write_text("def test_(:\n", "utf-8")  # left to the worker
    (folder / "helpers.py").write_text("X = 1\n", "utf-8")  # not a test module: not rewritten

    conftest.pytest_configure(main_process(pytestconfig, folder))  # type: ignore[arg-type]

    code = _read_pyc(module, written(module), lambda *a: None)
    assert code is not None  # current for the source: pytest reads it instead of rewriting
    assert code == _rewrite_test(module, pytestconfig)[1]
    assert code.co_filename == str(module)
    assert sorted(p.name for p in get_cache_dir(module).iterdir()) == [written(module).name]


def test_nothing_is_written_without_workers_in_a_worker_or_where_bytecode_is_not_written(
    pytestconfig: pytest.Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "tests"
    folder.mkdir()
    module = folder / "test_sample.py"
    module.write_text(SAMPLE, "utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    conftest.pytest_configure(main_process(pytestconfig, folder, "no"))  # type: ignore[arg-type]
    worker = main_process(pytestconfig, folder)
    worker.workerinput = {"workerid": "gw0"}
    conftest.pytest_configure(worker)  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    conftest.pytest_configure(main_process(pytestconfig, folder))  # type: ignore[arg-type]
    assert not get_cache_dir(module).exists()
