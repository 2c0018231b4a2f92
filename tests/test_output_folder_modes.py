"""A folder roqa makes for an output is its owner's alone (0700), whatever the umask; the files in
it are written as the umask says (docs/privacy.md, Who can read the outputs)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_cli_agree import run
from test_cli_report import alices_codings


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_import_export_and_report_make_their_new_folders_0700(
    tmp_path: Path, capsys, umask_022: None
) -> None:
    folder = alices_codings(tmp_path, {"name": "Alice"})
    project = tmp_path / "newx" / "proj.qdpx"
    assert run(["export", str(folder), "--qdpx", str(project)], capsys)[0] == 0
    assert (mode(project.parent), mode(project)) == (0o700, 0o644)

    imported = tmp_path / "imported"
    code, _, err = run(["import", str(project), "--out", str(imported)], capsys)
    assert code == 0, err
    assert mode(imported) == 0o700
    # every folder in it too: codings/ was made as the umask says (docs tester, s65)
    folders = [p for p in imported.rglob("*") if p.is_dir()]
    assert folders and {mode(p) for p in folders} == {0o700}
    files = sorted(p for p in imported.rglob("*") if p.is_file())
    assert files and {mode(p) for p in files} == {0o644}

    written = {
        "--table": tmp_path / "newt" / "table2.docx",
        "--matrix": tmp_path / "newm" / "matrix.xlsx",
        "--saturation": tmp_path / "news" / "saturation.csv",
    }
    args = [a for option, path in written.items() for a in (option, str(path))]
    code, _, err = run(["report", str(folder), *args], capsys)
    assert code == 0, err
    assert {o: (mode(p.parent), mode(p)) for o, p in written.items()} == {
        o: (0o700, 0o644) for o in written
    }


def test_python_save_makes_the_model_folder_0700_as_roqa_train_does(
    tiny_model, tmp_path: Path, umask_022: None
) -> None:
    # the model's evidence.jsonl holds its training quotes word for word (s69 python D1)
    out = tiny_model.save(tmp_path / "models" / "mine")
    assert (mode(out.parent), mode(out)) == (0o755, 0o700)
    files = [p for p in out.iterdir() if p.is_file()]
    assert (out / "evidence.jsonl") in files and {mode(p) for p in files} == {0o644}
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    tiny_model.save(shared)  # a folder that exists keeps its mode, as with --out
    assert mode(shared) == 0o755
