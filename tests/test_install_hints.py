"""Specification: an error for a missing optional part of roqa says the install line that fits
how roqa is installed. In a clone (``make demo``: editable, in the clone's .venv) that is
``.venv/bin/pip install -e '.[fast]'``, run in the clone; for an installed package ``pip install
'roqa_nlp[fast]'``. Before (docswalk s86, D2) every hint said the package's line, which in a
clone asks the package index for roqa_nlp and installs into the system's Python."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.install_hints import clone_root, install_extra, install_package


@pytest.fixture()
def clone(tmp_path: Path) -> Path:
    (tmp_path / "src" / "roqa_nlp").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'roqa_nlp'\n", encoding="utf-8")
    return tmp_path


def test_a_clone_is_told_its_venvs_editable_install_of_the_extra(clone: Path) -> None:
    package = clone / "src" / "roqa_nlp"
    venv = clone / ".venv"
    assert clone_root(package) == clone
    assert install_extra("fast", package, venv) == (
        f"in {clone}, run .venv/bin/pip install -e '.[fast]'"
    )
    assert install_extra("ray", package, venv) == (
        f"in {clone}, run .venv/bin/pip install -e '.[ray]'"
    )
    assert install_package("'ray[client]'", package, venv) == ".venv/bin/pip install 'ray[client]'"


def test_a_venv_outside_the_clone_is_named_by_its_path(
    clone: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    venv = tmp_path_factory.mktemp("elsewhere") / "venv"
    assert install_extra("fast", clone / "src" / "roqa_nlp", venv) == (
        f"in {clone}, run {venv}/bin/pip install -e '.[fast]'"
    )


def test_an_installed_package_is_told_the_packages_extra(tmp_path: Path) -> None:
    package = tmp_path / "lib" / "python3.12" / "site-packages" / "roqa_nlp"
    package.mkdir(parents=True)
    assert clone_root(package) is None
    assert install_extra("fast", package, tmp_path) == (
        f"{tmp_path}/bin/pip install 'roqa_nlp[fast]'"
    )


def test_the_onnx_backend_without_onnxruntime_says_the_line_for_this_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from roqa_nlp.backends.onnx_int8 import OnnxEncoder

    real = builtins.__import__

    def without_onnxruntime(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "onnxruntime":
            raise ImportError(name=name)
        return real(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "onnxruntime", raising=False)
    monkeypatch.setattr(builtins, "__import__", without_onnxruntime)
    with pytest.raises(RoqaError) as caught:
        OnnxEncoder(Path("no-backend"), {})
    assert str(caught.value) == (
        f"the onnx-int8 backend needs onnxruntime ({install_extra('fast')})"
    )
    assert "install -e '.[fast]'" in str(caught.value)  # the tests run from a clone
