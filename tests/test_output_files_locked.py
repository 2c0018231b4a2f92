"""An output file that cannot be written over — open in Word or Excel on Windows, read-only, or
made immutable (``chattr +i``) — is said at once, in one line naming the file (never the hidden
temporary file) and what to do, before the command writes anything: ``roqa report --out ok.html
--table locked.docx`` wrote ok.html, then failed naming ``.locked.docx.2i4cnb2j.tmp``; ``roqa
code --out`` with decisions.csv open in Excel failed the whole run (session 36, tester D1)."""

from __future__ import annotations

import csv
import errno
import os
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from report_fixture import build_result
from roqa_nlp.cli import main
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.io import atomic_write_text, check_output_file, check_outputs

LOCKED = (
    "cannot be written over: it is open in another program, or read-only "
    "(close it in the program that has it open, or give another path)"
)


@pytest.fixture
def locked(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], Path]:
    """Makes an existing file refuse to be opened for writing or replaced, as Windows does while
    Word or Excel has it open (PermissionError, errno EACCES, on both) and Linux for a file made
    immutable with ``chattr +i`` (errno EPERM); chmod would not do, as the tests may run as
    root."""
    files: set[Path] = set()
    code = errno.EACCES if os.name == "nt" else errno.EPERM
    real_open, real_replace = os.open, os.replace

    def open_(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR) and Path(path).resolve() in files:
            raise PermissionError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(dst).resolve() in files:
            raise PermissionError(code, os.strerror(code), str(src), None, str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "replace", replace)

    def lock(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            path.write_text("old\n", encoding="utf-8")
        files.add(path.resolve())
        return path

    return lock


def _temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def test_a_locked_output_file_is_named_with_what_to_do(locked, tmp_path: Path) -> None:
    table = locked(tmp_path / "table2.docx")
    with pytest.raises(RoqaError) as e:
        check_output_file(table)
    assert str(e.value) == f"{table}: {LOCKED}"


def test_an_output_file_that_can_be_written_over_passes(tmp_path: Path) -> None:
    (tmp_path / "table2.docx").write_text("old\n", encoding="utf-8")
    assert check_output_file(tmp_path / "table2.docx") == tmp_path / "table2.docx"
    assert (tmp_path / "table2.docx").read_text(encoding="utf-8") == "old\n"


def test_checking_all_outputs_names_the_locked_one(locked, tmp_path: Path) -> None:
    table = locked(tmp_path / "table2.docx")
    with pytest.raises(RoqaError) as e:
        check_outputs({"--out": tmp_path / "report.html", "--table": table})
    assert str(e.value) == f"{table}: {LOCKED}"


def test_a_file_locked_after_the_check_is_named_not_the_temporary_file_and_kept(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Opened in Excel while the command ran: the rename fails as Windows fails it."""
    path = tmp_path / "codings.csv"
    path.write_text("old\n", encoding="utf-8")

    def replace(src, dst, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied", str(src), None, str(dst))

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(RoqaError) as e:
        atomic_write_text(path, "new\n")
    assert str(e.value) == f"{path}: {LOCKED}"
    assert path.read_text(encoding="utf-8") == "old\n"
    assert _temporary_files(tmp_path) == []


def test_a_disk_that_fills_while_writing_names_the_file_not_the_temporary_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(RoqaError) as e:
        atomic_write_text(tmp_path / "codings.jsonl", "{}\n")
    assert str(e.value) == (
        f"{tmp_path / 'codings.jsonl'}: cannot be written: No space left on device "
        "(free some space on the disk, or give another path)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_roqa_report_with_a_locked_table_writes_nothing(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_result().save(tmp_path / "coded")
    table = locked(tmp_path / "locked.docx")
    with pytest.raises(SystemExit) as ended:
        main(["report", str(tmp_path / "coded"), "--out", str(tmp_path / "ok.html"),
              "--table", str(table)])  # fmt: skip
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"roqa: error: {table}: {LOCKED}\n"
    assert not (tmp_path / "ok.html").exists()
    assert _temporary_files(tmp_path) == []


@pytest.mark.parametrize("name", ["codings.csv", "codings.jsonl", "report.html", "open_coding.csv"])
def test_roqa_code_refuses_a_locked_output_in_its_folder_before_reading_the_transcripts(
    name: str, locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The transcript does not exist: a command that read it before checking would say so."""
    kept = locked(tmp_path / "coded" / name)
    with pytest.raises(SystemExit) as ended:
        main(["code", str(tmp_path / "missing.txt"), "--out", str(tmp_path / "coded")])
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"roqa: error: {kept}: {LOCKED}\n"


def test_roqa_apply_decisions_refuses_a_locked_output_before_reading_the_codings(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = locked(tmp_path / "reviewed" / "codings.csv")
    with pytest.raises(SystemExit) as ended:
        main(["apply-decisions", str(tmp_path / "missing"), "--coder", "Ann",
              "--out", str(tmp_path / "reviewed")])  # fmt: skip
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"roqa: error: {kept}: {LOCKED}\n"


def test_a_locked_decisions_csv_that_roqa_code_only_adds_to_is_left_with_a_warning(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The review stays in the report (the rows added there), and the coding goes on."""
    from roqa_nlp.cli.code_cmd import _keep_fits_no_code
    from roqa_nlp.cli.report_cmd import read_review

    result = build_result()
    result.meta = {"model": {"codebook": "cfir-2009"}}
    result.save(tmp_path)
    seg = next(s for s in result.segments if len(s.suggestions) == 1)
    path = tmp_path / "decisions.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        w.writerow([seg.segment.id, "reject", seg.suggestions[0].code_id, "", "", seg.segment.text])
    before = path.read_bytes()
    locked(path)
    review = read_review(None, tmp_path)
    assert review is not None
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", RoqaWarning)
        _keep_fits_no_code(tmp_path, None, review)
    assert [str(w.message) for w in said] == [
        f"{path}: cannot be written over: it is open in another program, or read-only, so 1 "
        f"segment whose every suggestion the review rejected ({seg.segment.id}) is not recorded "
        "there as fitting no code; report.html's review records it: close the file, then Save "
        f"decisions from report.html as {path}"
    ]
    assert [(d.segment_id, d.decision) for d in review.decisions] == [
        (seg.segment.id, "reject"),
        (seg.segment.id, "no-code"),
    ]
    assert path.read_bytes() == before
    assert _temporary_files(tmp_path) == []
    assert "roqa: note:" not in capsys.readouterr().err


def _long_csv(path: Path) -> Path:
    rows = ["unit,coder,code"] + [
        f"u{i},{c},{'A' if (i + (c == 'Ben')) % 3 else 'B'}"
        for i in range(12)
        for c in ("Ann", "Ben")
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_roqa_agree_checks_json_before_computing_or_printing_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _long_csv(tmp_path / "coded.csv")
    (tmp_path / "notes").write_text("a file, not a folder\n", encoding="utf-8")
    out = tmp_path / "notes" / "agree.json"
    with pytest.raises(SystemExit) as ended:
        main(["agree", str(coded), "--json", str(out)])
    assert ended.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        f"roqa: error: {out}: cannot be written: a part of its folder path is a file "
        "(choose an output path inside a folder)\n"
    )


def test_roqa_agree_refuses_to_write_its_json_over_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _long_csv(tmp_path / "coded.csv")
    with pytest.raises(SystemExit) as ended:
        main(["agree", str(coded), "--json", str(coded)])
    assert ended.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == (
        f"roqa: error: {coded}: --json would overwrite a file the codings are read from "
        "(give another file name)\n"
    )


def test_roqa_agree_with_a_locked_json_says_so_before_printing(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coded = _long_csv(tmp_path / "coded.csv")
    out = locked(tmp_path / "agree.json")
    with pytest.raises(SystemExit) as ended:
        main(["agree", str(coded), "--json", str(out)])
    assert ended.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err == f"roqa: error: {out}: {LOCKED}\n"


def test_roqa_export_with_a_locked_qdpx_writes_no_qdc(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_result().save(tmp_path / "coded")
    qdpx = locked(tmp_path / "project.qdpx")
    with pytest.raises(SystemExit) as ended:
        main(["export", str(tmp_path / "coded"), "--qdc", str(tmp_path / "codes.qdc"),
              "--qdpx", str(qdpx)])  # fmt: skip
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"roqa: error: {qdpx}: {LOCKED}\n"
    assert not (tmp_path / "codes.qdc").exists()


def test_roqa_pseudonymise_refuses_a_locked_transcript_before_writing_the_key(
    locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "p01.txt").write_text(
        "Interviewer: How is it going?\nMary Smith: Fine, thanks.\n", encoding="utf-8"
    )
    kept = locked(tmp_path / "shared" / "p01.txt")
    with pytest.raises(SystemExit) as ended:
        main(["pseudonymise", str(tmp_path / "p01.txt"), "--key", str(tmp_path / "key.csv"),
              "--out", str(tmp_path / "shared")])  # fmt: skip
    assert ended.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"roqa: warning: {tmp_path / 'key.csv'}: no pseudonym key there")
    assert err[1:] == [f"roqa: error: {kept}: {LOCKED}"]
    assert not (tmp_path / "key.csv").exists()


def test_roqa_export_checks_the_folder_of_each_output_before_writing_either(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--qdpx into a read-only folder (EROFS, as a read-only disk says): no codes.qdc either."""
    import tempfile

    build_result().save(tmp_path / "coded")
    ro = tmp_path / "ro"
    ro.mkdir()
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):  # type: ignore[no-untyped-def]
        if dir is not None and Path(dir).resolve() == ro.resolve():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(Path(dir) / ".x.tmp"))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(SystemExit) as ended:
        main(["export", str(tmp_path / "coded"), "--qdc", str(tmp_path / "codes.qdc"),
              "--qdpx", str(ro / "project.qdpx")])  # fmt: skip
    assert ended.value.code == 2
    assert capsys.readouterr().err == (
        f"roqa: error: {ro}: cannot write in this folder: Read-only file system "
        "(give --qdpx a file in a folder you can write in)\n"
    )
    assert not (tmp_path / "codes.qdc").exists()


@pytest.mark.skipif(os.name == "nt", reason="Windows refuses to replace a file it may not write")
def test_a_file_only_its_owner_may_write_in_a_folder_we_may_write_is_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A colleague's earlier output in a team's shared folder (0644, theirs; the folder writable
    by the team) or a read-only copy: opening it for writing is refused (EACCES), but the rename
    over it needs only the folder, so the output is replaced as before (hunt2, session 36: every
    command refused it as 'open in another program')."""
    from roqa_nlp.io import atomic_write_text, check_output_file

    dest = tmp_path / "report.html"
    dest.write_text("a colleague's\n", encoding="utf-8")
    real_open = os.open

    def open_(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR) and Path(path) == dest:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    assert check_output_file(dest) == dest
    atomic_write_text(dest, "mine\n")
    assert dest.read_text(encoding="utf-8") == "mine\n"


def test_a_file_name_the_system_accepts_is_written_however_long(tmp_path: Path) -> None:
    """A 253-byte --qdpx name failed after the other outputs were written: the temporary file's
    name (.NAME.XXXXXXXX.tmp) was over the 255 bytes a name may have. It is short now."""
    path = tmp_path / ("é" * 123 + ".qdpx")  # 251 bytes of UTF-8
    atomic_write_text(path, "ok\n")
    assert path.read_text(encoding="utf-8") == "ok\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_file_name_too_long_for_the_system_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 256 + ".csv")
    with pytest.raises(RoqaError) as e:
        atomic_write_text(path, "ok\n")
    assert str(e.value) == (
        f"{path}: cannot be written: File name too long (give a shorter name: a file name may "
        "have at most 255 bytes on most systems)"
    )
    assert list(tmp_path.iterdir()) == []


def test_roqa_pseudonymise_writes_a_transcript_of_a_250_byte_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "P08 " + "x" * 242 + ".txt"  # 250 bytes
    (tmp_path / name).write_text(
        "Interviewer: How is it going?\nMary Smith: Fine, thanks.\n", encoding="utf-8"
    )
    main(["pseudonymise", str(tmp_path / name), "--key", str(tmp_path / "key.csv"),
          "--out", str(tmp_path / "out")])  # fmt: skip
    assert [p.name for p in (tmp_path / "out").iterdir()] == [name]
