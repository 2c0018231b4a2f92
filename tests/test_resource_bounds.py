"""Resource bounds: inputs above the documented limits are refused in one line, before being read.

``roqa_nlp.io.MAX_INPUT_BYTES`` (50 MB) bounds every file read whole: transcripts, codings,
decisions, codebooks, training and evaluation data. Each reader gets a sparse file one byte over
the limit (no disk used, nothing read), and must refuse it, reading at most its first bytes (counted
by the process's rchar, not timed), with a message that names the
file and the limit. The limit is enforced on the bytes actually read, too, so a device that
reports size 0 (``/dev/zero``) cannot fill memory. See ``tests/README.md`` for every limit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.io import MAX_INPUT_BYTES, read_bytes


def _bytes_read() -> int | None:
    """The bytes this process has read so far (Linux's ``rchar``), or None where it is not told."""
    try:
        with open("/proc/self/io", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("rchar:"))
    except (OSError, StopIteration):
        return None


def _readers() -> dict[str, tuple[str, Callable[[Path], Any]]]:
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.decisions import read_decisions
    from roqa_nlp.exchange import read_qdc
    from roqa_nlp.result import CodingResult
    from roqa_nlp.training import load_labelled, load_training_set
    from roqa_nlp.transcripts import read_transcript

    book = Codebook.load("cfir-2009")
    readers: dict[str, tuple[str, Callable[[Path], Any]]] = {
        ext: (f"p01_interview{ext}", read_transcript)
        for ext in (".txt", ".md", ".vtt", ".srt", ".csv", ".docx")
    }
    readers.update(
        {
            "codings.jsonl": ("codings.jsonl", CodingResult.read),
            "decisions.csv": ("decisions.csv", lambda p: read_decisions(p)),
            "decisions.jsonl": ("decisions.jsonl", lambda p: read_decisions(p)),
            "codebook .qdc": ("codebook.qdc", read_qdc),
            "codebook .json": ("codebook.json", Codebook.load),
            "training data": ("training.jsonl", lambda p: load_training_set(p, book)),
            "evaluation data": ("labelled.jsonl", lambda p: load_labelled(p, book)),
        }
    )
    return readers


READERS = [
    ".txt", ".md", ".vtt", ".srt", ".csv", ".docx", "codings.jsonl", "decisions.csv",
    "decisions.jsonl", "codebook .qdc", "codebook .json", "training data", "evaluation data",
]  # fmt: skip


def sparse_file(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.truncate(size)  # a hole: no disk blocks, reads as zeros
    return path


@pytest.mark.parametrize("reader", READERS)
def test_a_file_over_the_input_limit_is_refused_before_it_is_read(
    reader: str, tmp_path: Path
) -> None:
    name, read = _readers()[reader]
    path = sparse_file(tmp_path / name, MAX_INPUT_BYTES + 1)
    before = _bytes_read()
    with pytest.raises(RoqaError) as err:
        read(path)
    after = _bytes_read()
    if before is not None and after is not None:  # refused from its size: at most a head is read
        assert after - before < MAX_INPUT_BYTES // 10  # (counted, not timed: a loaded CI is slow)
    message = str(err.value)
    assert message.startswith(str(path)) and len(message.splitlines()) == 1
    assert f"above the {MAX_INPUT_BYTES}-byte limit" in message


def test_the_limit_is_fifty_megabytes() -> None:
    assert MAX_INPUT_BYTES == 50 * 1024 * 1024


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(b"x" * 1000)
    assert read_bytes(path, limit=1000) == b"x" * 1000


def test_one_byte_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(RoqaError, match="above the 1000-byte limit"):
        read_bytes(path, limit=1000)


def test_a_device_reporting_size_zero_is_refused_unread() -> None:
    """A device that never ends (``/dev/zero``) was read up to the limit (50 MB) before it was
    refused; no byte of it is read now (s80 hunt1 F4)."""
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    with pytest.raises(RoqaError, match="not a regular file"):
        read_bytes("/dev/zero", limit=1000)


#: A command run on ``fifo.txt``, a named pipe no one writes to, in a process of its own: opening
#: the pipe waits for a writer for ever, so a regression must not hang the test run.
FIFO_PROBE = """
import sys
from roqa_nlp.cli import main
sys.argv = ["roqa", *sys.argv[1:]]
main()
"""


NOT_REGULAR = "not a regular file (give a file saved on disk, not a pipe or a device)"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["code", "fifo.txt", "--out", "coded"], NOT_REGULAR),
        (["pseudonymise", "fifo.txt", "--key", "key.csv", "--out", "copies"], NOT_REGULAR),
        (["code", "fifo.jsonl", "--out", "coded"], "'.jsonl' files are not supported"),
    ],
)
def test_a_named_pipe_is_refused_in_one_line_not_waited_on(
    tmp_path: Path, args: list[str], said: str
) -> None:
    """``roqa code`` and ``roqa pseudonymise`` of a named pipe (FIFO) called ``*.txt`` waited for
    a writer for ever; io.read_bytes now refuses anything that is not a regular file before
    opening it (s80 hunt1 F4). A pipe called ``*.jsonl`` is not opened to see whether roqa wrote
    it either (its first line would wait for a writer): the usual unsupported-file error."""
    import os
    import subprocess
    import sys

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(tmp_path / args[1])
    import roqa_nlp

    src = str(Path(roqa_nlp.__file__).resolve().parents[1])  # the roqa_nlp under test
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    try:
        run = subprocess.run(
            [sys.executable, "-c", FIFO_PROBE, *args],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env=env,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"roqa {args[0]} of a named pipe waited for a writer (60 s)")
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    errors = [line for line in run.stderr.splitlines() if line.startswith("roqa: error")]
    assert len(errors) == 1
    assert errors[0].startswith(f"roqa: error: {args[1]}: {said}")


def test_the_command_line_refuses_an_oversized_transcript_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from roqa_nlp.cli import main

    path = sparse_file(tmp_path / "p01_interview.vtt", MAX_INPUT_BYTES + 1)
    with pytest.raises(SystemExit) as exit_:
        main(["code", str(path), "--out", str(tmp_path / "out")])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "limit" in err
    assert not (tmp_path / "out").exists()


def test_a_file_is_hashed_once_while_unchanged_and_a_device_never(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """io.file_sha256 (s80 dfix): each hash a run took of a transcript's bytes (the reading
    cache's, the fingerprint's, the check for a pseudonymised copy) is the one kept while the
    file is unchanged; a file written since is hashed again, and a link to a device that never
    ends is no regular file: not read at all. The hashes are kept for one run only (s80 hunt1):
    a file's stat does not always move when its bytes change."""
    import hashlib

    from roqa_nlp import io as roqa_io

    path = tmp_path / "p.txt"
    path.write_bytes(b"first")
    hashed: list[str] = []
    sha256_file = roqa_io.sha256_file
    monkeypatch.setattr(
        roqa_io, "sha256_file", lambda p: hashed.append(Path(p).name) or sha256_file(p)
    )
    with roqa_io.hashing_run():  # one run: roqa code, read_files, AutoCoder.code
        # written this instant: a second write of the same size may leave the same times, so its
        # hash is not kept until the file has settled
        assert roqa_io.file_sha256(path) == roqa_io.file_sha256(path)
        assert hashed == ["p.txt", "p.txt"]
        hashed.clear()
        monkeypatch.setattr(roqa_io, "_SETTLED_NS", 0)
        assert roqa_io.file_sha256(path) == hashlib.sha256(b"first").hexdigest()
        assert roqa_io.file_sha256(str(path)) == hashlib.sha256(b"first").hexdigest()
        assert hashed == ["p.txt"]
        path.write_bytes(b"again, longer")
        assert roqa_io.file_sha256(path) == hashlib.sha256(b"again, longer").hexdigest()
        assert hashed == ["p.txt", "p.txt"]
        state = roqa_io.file_state(path)
        # the bytes of a file in the state given: the hash kept
        assert (
            roqa_io.read_sha256(state, path, b"?") == hashlib.sha256(b"again, longer").hexdigest()
        )
        # bytes read from a file in another state than the one given are hashed, not taken as its
        assert roqa_io.read_sha256(("gone",), path, b"x") == hashlib.sha256(b"x").hexdigest()
        assert roqa_io.file_sha256(tmp_path) is None
        if Path("/dev/zero").exists():
            (tmp_path / "endless.txt").symlink_to("/dev/zero")
            assert roqa_io.file_state(tmp_path / "endless.txt") is None
            assert roqa_io.file_sha256(tmp_path / "endless.txt") is None
        assert hashed == ["p.txt", "p.txt"]
        with pytest.raises(FileNotFoundError):
            roqa_io.file_sha256(tmp_path / "missing.txt")
    # the run over (s80 hunt1): the next run, and a hash outside any run, read the file again
    hashed.clear()
    with roqa_io.hashing_run():
        assert roqa_io.file_sha256(path) == hashlib.sha256(b"again, longer").hexdigest()
    assert roqa_io.file_sha256(path) == roqa_io.file_sha256(path)
    assert hashed == ["p.txt", "p.txt", "p.txt"]
