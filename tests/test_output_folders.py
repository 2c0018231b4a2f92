"""A folder a command cannot write in is said at once, in one line naming the folder and what to
do, before any reading or coding: a read-only --out was found after 100 s of coding 13
interviews, and the error named a hidden temporary file (session 35)."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.errors import RoqaError
from roqa_nlp.io import atomic_write_text, check_output_folder, check_outputs

RO = "Read-only file system"


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Path]:
    """Makes a folder refuse new files as a read-only disk does (EROFS), which works when the
    tests run as root, where chmod does not stop a write."""
    folders: set[Path] = set()
    real = tempfile.mkstemp

    def mkstemp(*args: object, dir: str | Path | None = None, **kwargs: object):  # type: ignore[no-untyped-def]
        if dir is not None and Path(dir).resolve() in folders:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(Path(dir) / ".x.tmp"))
        return real(*args, dir=dir, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)

    def make(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        folders.add(folder.resolve())
        return folder

    return make


def test_a_read_only_output_folder_is_named_with_what_to_do(read_only, tmp_path: Path) -> None:
    ro = read_only(tmp_path / "ro")
    with pytest.raises(RoqaError) as e:
        check_output_folder(ro)
    assert (
        str(e.value)
        == f"{ro}: cannot write in this folder: {RO} (give --out a folder you can write in)"
    )


def test_a_new_folder_inside_a_read_only_one_is_refused_before_it_is_made(
    read_only, tmp_path: Path
) -> None:
    ro = read_only(tmp_path / "ro")
    with pytest.raises(RoqaError) as e:
        check_output_folder(ro / "coded" / "run1")
    assert str(e.value) == (
        f"{ro / 'coded' / 'run1'}: cannot make this folder: cannot write in {ro}: {RO} "
        "(give --out a folder you can write in)"
    )


def test_checking_a_folder_leaves_it_as_it_was_and_makes_no_new_one(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    assert check_output_folder(tmp_path) == tmp_path
    assert check_output_folder(tmp_path / "new") == tmp_path / "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes despite chmod")
def test_a_folder_without_write_permission_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(RoqaError) as e:
            check_output_folder(locked)
    finally:
        locked.chmod(0o755)
    assert str(e.value) == (
        f"{locked}: cannot write in this folder: Permission denied "
        "(give --out a folder you can write in)"
    )


def test_an_output_file_in_a_read_only_folder_names_its_option(read_only, tmp_path: Path) -> None:
    ro = read_only(tmp_path / "ro")
    with pytest.raises(RoqaError) as e:
        check_outputs({"--out": tmp_path / "report.html", "--table": ro / "t2.docx"})
    assert str(e.value) == (
        f"{ro}: cannot write in this folder: {RO} (give --table a file in a folder you can write in)"
    )


def test_a_folder_that_turns_read_only_later_is_named_not_the_temporary_file(
    read_only, tmp_path: Path
) -> None:
    ro = read_only(tmp_path / "ro")
    with pytest.raises(RoqaError) as e:
        atomic_write_text(ro / "codings.jsonl", "{}\n")
    assert str(e.value) == (
        f"{ro}: cannot write codings.jsonl in this folder: {RO} "
        "(check that you can write in it and that the disk has room)"
    )


def _ro_error(folder: Path) -> str:
    return (
        f"roqa: error: {folder}: cannot write in this folder: {RO} "
        "(give --out a folder you can write in)\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["code", "{inputs}/p01.txt", "--out", "{ro}"],
        ["apply-decisions", "{inputs}/coded", "--coder", "Ann", "--out", "{ro}"],
        ["pseudonymise", "{inputs}/p01.txt", "--key", "{inputs}/key.csv", "--out", "{ro}"],
        ["import", "{inputs}/project.qdpx", "--out", "{ro}/project"],
        ["train", "{inputs}/training", "--out", "{ro}"],
        ["report", "{inputs}/coded", "--out", "{ro}/report.html"],
    ],
    ids=lambda c: c[0],
)
def test_every_command_that_writes_a_folder_checks_it_before_reading_its_inputs(
    command: list[str], read_only, tmp_path: Path, capsys
) -> None:
    """The inputs do not exist: a command that read them before checking --out would say so."""
    ro = read_only(tmp_path / "ro")
    args = [a.format(inputs=tmp_path / "missing", ro=ro) for a in command]
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    if command[0] == "import":
        assert err == _ro_error(ro)  # staged beside --out, in ro itself
    elif command[0] == "report":
        assert err == _ro_error(ro).replace("give --out a", "give --out a file in a")
    else:
        assert err == _ro_error(ro)


def test_a_report_beside_codings_in_a_read_only_folder_says_what_to_give_out(
    read_only, tmp_path: Path, capsys
) -> None:
    """Tester s46: `roqa report ct` into a folder made immutable said `give the report beside
    the codings a file in a folder you can write in`: the default path's name read as an
    option's."""
    coded = read_only(tmp_path / "ct")
    (coded / "codings.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main(["report", str(coded)])
    assert (ended.value.code, capsys.readouterr().err) == (
        2,
        f"roqa: error: {coded}: cannot write report.html beside the codings in this folder: "
        f"{RO} (give --out a file in a folder you can write in)\n",
    )


def test_import_into_an_existing_read_only_folder_names_it_not_the_folder_above(
    read_only, tmp_path: Path, capsys
) -> None:
    """Mistakes tester, session 52: as a user who could write in neither, `roqa import p.qdpx
    --out ro` (ro existing, mode 555) said `.: cannot write in this folder`; every other
    command names ro."""
    read_only(tmp_path)
    ro = read_only(tmp_path / "ro")
    with pytest.raises(SystemExit) as ended:
        main(["import", str(tmp_path / "missing.qdpx"), "--out", str(ro)])
    assert ended.value.code == 2
    assert capsys.readouterr().err == _ro_error(ro)
