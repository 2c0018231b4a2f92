"""roqa code into an --out whose earlier codings another embedding backend made warns in one line
(backend tester, session 53): per segment the backends' codes differ (docs/performance.md), so a
study should keep one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.cli.code_cmd import earlier_backend, warn_if_backend_changed

SHA = "84e38cc249160ed07eff6ee38bd6e7d3fdf98a58717d1e59f371a2e14f356969"


def out_with(tmp_path: Path, model: dict[str, object]) -> Path:
    (tmp_path / "run.json").write_text(json.dumps({"model": model}), encoding="utf-8")
    return tmp_path


def test_codings_of_another_backend_are_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = out_with(tmp_path, {"embedding_backend": "torch"})  # an older run.json: no kind key
    warn_if_backend_changed(out, earlier_backend(out), ("onnx-int8", SHA))
    assert capsys.readouterr().err == (
        f"roqa: warning: {out}: the earlier codings in it used the torch embedding backend, "
        "these use onnx-int8: the backends suggest different codes for some segments, so keep "
        "one backend for a study (docs/performance.md)\n"
    )


def test_another_build_of_one_backend_is_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = {
        "embedding_backend": "bk",
        "embedding_backend_kind": "onnx-int8",
        "embedding_backend_sha256": "0" * 64,
    }
    out = out_with(tmp_path, model)
    warn_if_backend_changed(out, earlier_backend(out), ("onnx-int8", SHA))
    assert capsys.readouterr().err == (
        f"roqa: warning: {out}: the earlier codings in it used the onnx-int8 embedding backend "
        "(build 000000000000), these use onnx-int8 (build 84e38cc24916): the backends suggest "
        "different codes for some segments, so keep one backend for a study "
        "(docs/performance.md)\n"
    )


def test_the_same_backend_or_no_earlier_run_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert earlier_backend(tmp_path) is None  # no run.json
    warn_if_backend_changed(tmp_path, None, ("onnx-int8", SHA))
    same = {"embedding_backend_kind": "onnx-int8", "embedding_backend_sha256": SHA}
    out = out_with(tmp_path, {"embedding_backend": "onnx-int8", **same})
    warn_if_backend_changed(out, earlier_backend(out), ("onnx-int8", SHA))
    # the Ray driver knows the kind only: the same kind is no change
    warn_if_backend_changed(out, earlier_backend(out), ("onnx-int8", None))
    assert capsys.readouterr().err == ""
