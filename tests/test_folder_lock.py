"""Specification of the output folder's lock (roqa_nlp.folder_lock): one roqa run at a time.

Two ``roqa code`` runs into one --out overlapped without noticing (blind tester s44: 41 paired
runs, one folder left with the codings of one run and the report.html of the other).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.folder_lock import LOCK_FILE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the test holds an fcntl lock")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "interviews" / "p01_interview.txt"
TALK = "Interviewer: How is it going?\nMary Smith: Fine, thanks.\n"


@pytest.fixture
def held() -> Iterator[object]:
    """Hold the lock of a folder as another roqa run would (a lock of its own open file)."""
    import fcntl

    fds: list[int] = []

    def hold(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fds.append(fd)

    yield hold
    for fd in fds:
        os.close(fd)


def refused(capsys: pytest.CaptureFixture[str], args: list[str]) -> list[str]:
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 2
    return capsys.readouterr().err.splitlines()


def test_roqa_code_refuses_a_folder_another_run_is_writing_to(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "coded"
    held(out)  # type: ignore[operator]
    err = refused(capsys, ["code", str(EXAMPLE), "--out", str(out)])
    assert err == [
        f"roqa: error: {out}: another roqa run is writing to this folder (wait for it to finish, "
        "or choose another --out)"
    ]
    assert sorted(p.name for p in out.iterdir()) == [LOCK_FILE]  # the other run's


def test_roqa_pseudonymise_refuses_a_folder_another_run_is_writing_to(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "p01.txt").write_text(TALK, encoding="utf-8")
    held(tmp_path / "out")  # type: ignore[operator]
    err = refused(capsys, ["pseudonymise", str(tmp_path / "p01.txt"), "--key",
                           str(tmp_path / "key.csv"), "--out", str(tmp_path / "out")])  # fmt: skip
    assert err[-1] == (
        f"roqa: error: {tmp_path / 'out'}: another roqa run is writing to this folder (wait for "
        "it to finish, or choose another --out)"
    )
    assert not (tmp_path / "key.csv").exists()


def test_a_lock_file_left_by_a_killed_run_blocks_nothing_and_none_is_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lock is the system's: a run killed leaves at most the file, which locks nothing; a
    run that ends removes it, and the folder holds only the outputs."""
    (tmp_path / "p01.txt").write_text(TALK, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_FILE).write_bytes(b"")
    for _ in range(2):
        main(["pseudonymise", str(tmp_path / "p01.txt"), "--key", str(tmp_path / "key.csv"),
              "--out", str(out)])  # fmt: skip
        assert sorted(p.name for p in out.iterdir()) == ["p01.txt"]


def test_a_refused_run_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "new"
    refused(capsys, ["pseudonymise", str(tmp_path / "missing.txt"), "--out", str(out)])
    assert not out.exists()


def test_a_refused_run_into_new_nested_folders_leaves_none_of_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s44: apply-decisions stopped by an error (no decisions.csv beside the codings, the
    common first-time mistake) left the parent of a nested --out its lock made (`bd_new/` of
    `--out bd_new/x`); only the last folder was removed."""
    out = tmp_path / "new" / "deeper" / "reviewed"
    refused(capsys, ["pseudonymise", str(tmp_path / "missing.txt"), "--out", str(out)])
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    coded = tmp_path / "coded"
    coded.mkdir()
    (coded / "kept.txt").write_text("x", encoding="utf-8")
    refused(capsys, ["apply-decisions", str(coded), "--coder", "A", "--out",
                     str(coded / "new" / "reviewed")])  # fmt: skip
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["coded", "kept.txt"]


def test_roqa_report_refuses_the_folder_of_its_report_while_another_run_writes_to_it(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left-over s45: `roqa report coded/` wrote coded/report.html while a `roqa code --out
    coded` run was writing the folder (code, apply-decisions and pseudonymise took the lock,
    report did not). The folder of the report (beside the codings, or --out's) is locked like
    theirs; no report is written, and one written when it is free leaves no lock's file."""
    from report_fixture import build_result

    coded = tmp_path / "coded"
    build_result().save(coded)
    files = sorted(p.name for p in coded.iterdir())
    held(coded)  # type: ignore[operator]
    err = refused(capsys, ["report", str(coded)])
    assert err == [
        f"roqa: error: {coded}: another roqa run is writing to this folder (wait for it to "
        "finish, or choose another --out)"
    ]
    assert sorted(p.name for p in coded.iterdir()) == sorted([*files, LOCK_FILE])
    pages = tmp_path / "pages"
    held(pages)  # type: ignore[operator]
    err = refused(capsys, ["report", str(coded), "--out", str(pages / "report.html")])
    assert err == [
        f"roqa: error: {pages}: another roqa run is writing to this folder (wait for it to "
        "finish, or choose another --out)"
    ]
    assert sorted(p.name for p in pages.iterdir()) == [LOCK_FILE]
    main(["report", str(coded), "--out", str(tmp_path / "free" / "report.html")])
    assert sorted(p.name for p in (tmp_path / "free").iterdir()) == ["report.html"]


def test_roqa_train_refuses_a_model_folder_another_run_is_writing_to(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Left-over s45: two `roqa train --out models/study` runs wrote one model folder at once
    (code, apply-decisions and pseudonymise took the lock, train did not). The second refuses
    at once, before training, and writes nothing."""
    data = Path(__file__).resolve().parent / "data" / "core" / "tiny_training.jsonl"
    out = tmp_path / "models" / "study"
    held(out)  # type: ignore[operator]
    err = refused(capsys, ["train", str(data), "--out", str(out)])
    assert err == [
        f"roqa: error: {out}: another roqa run is writing to this folder (wait for it to "
        "finish, or choose another --out)"
    ]
    assert sorted(p.name for p in out.iterdir()) == [LOCK_FILE]


def test_temporary_files_a_killed_run_left_are_removed_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Interrupt tester, session 46 (repro_stale_tmp.sh): `roqa code` killed (SIGKILL) as it wrote
    codings.jsonl left .roqa.32i8f6ni.tmp, a hidden 1 MiB start of it (participants' words), which
    later runs into the folder kept. With the lock held, any found belong to a dead run."""
    (tmp_path / "p01.txt").write_text(TALK, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in (".roqa.32i8f6ni.tmp", ".roqa.0a1b2c3d.tmp"):
        (out / name).write_text('{"segment_id": "p01:0", "text": "Fine, th', encoding="utf-8")
        os.utime(out / name, (time.time() - 120, time.time() - 120))  # a killed run's, unchanged
    # one written to a moment ago: a command taking no lock (export --qdpx here) may be writing it
    (out / ".roqa.5e6f7a8b.tmp").write_text("being written", encoding="utf-8")
    (out / ".roqa.notes").write_text("not a temporary file of roqa's", encoding="utf-8")
    main(["pseudonymise", str(tmp_path / "p01.txt"), "--key", str(tmp_path / "key.csv"),
          "--out", str(out)])  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == [".roqa.5e6f7a8b.tmp", ".roqa.notes", "p01.txt"]
    assert capsys.readouterr().err.splitlines()[0] == (
        f"roqa: note: {out}: removed 2 temporary files a run that was killed left "
        "(.roqa.0a1b2c3d.tmp, .roqa.32i8f6ni.tmp): parts of outputs it did not finish"
    )


def test_a_refused_run_leaves_the_temporary_files_of_the_run_writing_to_the_folder(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "coded"
    held(out)  # type: ignore[operator]
    (out / ".roqa.32i8f6ni.tmp").write_text("being written", encoding="utf-8")
    refused(capsys, ["code", str(EXAMPLE), "--out", str(out)])
    assert (out / ".roqa.32i8f6ni.tmp").read_text(encoding="utf-8") == "being written"


def test_one_temporary_file_a_killed_run_left_is_said_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "p01.txt").write_text(TALK, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".roqa.32i8f6ni.tmp").write_text("P01,Mary Smith\n", encoding="utf-8")
    os.utime(out / ".roqa.32i8f6ni.tmp", (time.time() - 120, time.time() - 120))
    main(["pseudonymise", str(tmp_path / "p01.txt"), "--key", str(tmp_path / "key.csv"),
          "--out", str(out)])  # fmt: skip
    assert capsys.readouterr().err.splitlines()[0] == (
        f"roqa: note: {out}: removed 1 temporary file a run that was killed left "
        "(.roqa.32i8f6ni.tmp): part of an output it did not finish"
    )


def test_roqa_export_and_agree_refuse_the_folder_of_their_file_while_another_run_writes_to_it(
    held, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tester ux2, session 78 (#7): `roqa export lk --qdpx lk/p.qdpx` while `roqa code --out lk`
    ran wrote the export of the earlier codings into lk/, unsaid. Like roqa report, export
    locks the folder of each file it writes (--qdpx, --qdc), and agree that of --json; free,
    they write and leave no lock's file."""
    from report_fixture import build_result

    coded = tmp_path / "coded"
    build_result().save(coded)
    files = sorted(p.name for p in coded.iterdir())
    held(coded)  # type: ignore[operator]
    busy = (
        f"roqa: error: {coded}: another roqa run is writing to this folder (wait for it to "
        "finish, or choose another --out)"
    )
    for args in (
        ["export", str(coded), "--qdpx", str(coded / "p.qdpx")],
        ["export", str(coded), "--qdc", str(coded / "c.qdc")],
        ["agree", str(coded), str(coded), "--json", str(coded / "a.json")],
    ):
        assert refused(capsys, args) == [busy]
    assert sorted(p.name for p in coded.iterdir()) == sorted([*files, LOCK_FILE])
    free = tmp_path / "free"
    main(["export", str(coded), "--qdpx", str(free / "p.qdpx")])
    assert sorted(p.name for p in free.iterdir()) == ["p.qdpx"]
