"""Every ``roqa`` subcommand with hostile arguments: one error line and exit 2, or success.

Hostile arguments are missing files, folders where files are expected, binary and non-UTF-8
files, empty files, huge and negative numbers, NaN, unknown choices, outputs that cannot be
written (a folder, a path through a file, no permission, a full disk) and file names with line
breaks. The rules checked for every run:

- the exit status is 0 or 2 (1 would be a bug), and no traceback is printed;
- on exit 2, stderr is exactly one line, ``roqa: error: ...``;
- on exit 2 nothing is written anywhere (not even an empty output folder's files or temporary
  files), and on exit 0 only the outputs asked for;
- input files are byte-identical afterwards.

Commands run in-process through :func:`roqa_nlp.cli.main` (fast); a few run as real processes.
Nothing here loads the embedding model: commands that would code or train get a hostile model,
data or option, so they stop before encoding.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_files import small_coding_result
from roqa_nlp.cli import main

ROOT = Path(__file__).resolve().parents[1]
PACKAGED_MODEL = ROOT / "models" / "default"
CLI_FUZZ_CASES = 300

AGREE_CSV = "unit,coder,code\nu1,A,X\nu1,B,X\nu2,A,Y\nu2,B,X\nu3,A,X\nu3,B,Y\n"


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> Run:
    try:
        main(argv)
        code = 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    out, err = capsys.readouterr()
    return Run(code, out, err)


def snapshot(root: Path) -> dict[str, str]:
    """Every path under ``root`` (hidden and temporary ones included) with its content hash."""
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = "special"
    return out


def assert_well_behaved(r: Run, argv: list[str]) -> None:
    assert r.code in (0, 2), f"exit {r.code} for {argv}: {r.err}"
    assert "Traceback" not in r.err and "Traceback" not in r.out, argv
    if r.code == 2:
        lines = r.err.splitlines()
        assert len(lines) == 1 and r.err.endswith("\n"), f"{argv}: {r.err!r}"
        assert lines[0].startswith("roqa: error: "), f"{argv}: {r.err!r}"
    else:
        assert all(line.startswith("roqa: warning: ") for line in r.err.splitlines()), r.err


# -- a folder of hostile inputs --------------------------------------------------------------------


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """``in/``: inputs, valid and hostile; outputs go to ``out/``. Returns ``tmp_path``."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "p04.txt").write_text("Interviewer: How were staff?\nP04: We lacked staff.\n", "utf-8")
    (d / "agree.csv").write_text(AGREE_CSV, "utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (d / "binary.csv").write_bytes(b"\x00\xff\xfe" * 300)
    (d / "binary.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    # Latin-1 with a byte Windows-1252 leaves undefined (0x81): no encoding roqa reads.
    (d / "latin1.txt").write_bytes("P04: café\x81\n".encode("latin-1"))
    (d / "latin1.csv").write_bytes("unit,coder,code\nu1,Zoë,X\n".encode("latin-1"))
    (d / "empty.txt").write_bytes(b"")
    (d / "empty.jsonl").write_bytes(b"")
    (d / "empty.csv").write_bytes(b"")
    (d / "deep.jsonl").write_text("[" * 100_000 + "\n", "utf-8")
    (d / "huge-int.jsonl").write_text('{"text": "x", "start": ' + "9" * 5000 + "}\n", "utf-8")
    (d / "not-json.json").write_text("{not json", "utf-8")
    (d / "list.json").write_text("[]", "utf-8")
    (d / "folder").mkdir()
    (d / "folder.txt").mkdir()  # a folder with a transcript's name
    (d / "a-file").write_text("x", "utf-8")
    small_coding_result().save(d / "run")
    (d / "garbage-model").mkdir()
    (d / "garbage-model" / "model_card.json").write_bytes(b"\x00\x01 not a card")
    (tmp_path / "out").mkdir()
    return tmp_path


#: Hostile invocations: ``{in}`` is the inputs folder, ``{out}`` the outputs folder. Each must end
#: with exit 2 and one error line, and write nothing.
HOSTILE: list[str] = [
    # codebook
    "codebook {in}/missing.json",
    "codebook {in}/folder",
    "codebook {in}/binary.txt",
    "codebook {in}/latin1.txt",
    "codebook {in}/empty.txt",
    "codebook {in}/not-json.json",
    "codebook {in}/list.json",
    "codebook {in}/deep.jsonl",
    "codebook no-such-codebook",
    # code
    "code {in}/missing.txt --out {out}/o",
    "code {in}/folder --out {out}/o",
    "code {in}/folder.txt --out {out}/o",
    "code {in}/binary.txt --out {out}/o",
    "code {in}/latin1.txt --out {out}/o",
    "code {in}/empty.txt --out {out}/o",
    "code {in}/agree.csv --out {out}/o",
    "code {in}/a-file --out {out}/o",
    "code {in}/p04.txt --out {out}/o --top-k -1",
    "code {in}/p04.txt --out {out}/o --top-k 0",
    "code {in}/p04.txt --out {out}/o --top-k many",
    "code {in}/p04.txt --out {out}/o --alpha 2",
    "code {in}/p04.txt --out {out}/o --alpha -0.5",
    "code {in}/p04.txt --out {out}/o --alpha nan",
    "code {in}/p04.txt --out {out}/o --alpha inf",
    "code {in}/p04.txt --out {out}/o --threads 0",
    "code {in}/p04.txt --out {out}/o --engine quantum",
    "code {in}/p04.txt --out {out}/o --model {in}/folder",
    "code {in}/p04.txt --out {out}/o --model {in}/a-file",
    "code {in}/p04.txt --out {out}/o --model {in}/garbage-model",
    "code {in}/p04.txt --out {out}/o --model {in}/missing-model",
    "code {in}/p04.txt",
    # suggest / evaluate
    "suggest hello --model {in}/garbage-model",
    "suggest hello --model {in}/missing-model",
    "suggest hello --top-k -5",
    "evaluate {in}/missing.jsonl --model {in}/garbage-model",
    "evaluate {in}/binary.jsonl --model {in}/folder",
    # train (the data or an option is refused before any encoding)
    "train {in}/missing --out {out}/m",
    "train {in}/folder --out {out}/m",
    "train {in}/binary.jsonl --out {out}/m",
    "train {in}/latin1.txt --out {out}/m",
    "train {in}/empty.jsonl --out {out}/m",
    "train {in}/deep.jsonl --out {out}/m",
    "train {in}/huge-int.jsonl --out {out}/m",
    "train {in}/p04.txt --out {out}/m --codebook no-such-codebook",
    "train {in}/p04.txt --out {out}/m --feedback {in}/missing.csv",
    "train {in}/p04.txt --out {out}/m --feedback {in}/binary.csv",
    # agree
    "agree {in}/missing.csv",
    "agree {in}/folder",
    "agree {in}/binary.csv",
    "agree {in}/latin1.csv",
    "agree {in}/empty.csv",
    "agree {in}/run",
    "agree {in}/agree.csv --n-boot -1",
    "agree {in}/agree.csv --n-boot 99999999999999999999",
    "agree {in}/agree.csv --seed -1 --n-boot 10",
    "agree {in}/agree.csv --ci-level 1",
    "agree {in}/agree.csv --ci-level nan",
    "agree {in}/agree.csv --model-threshold 1.5",
    "agree {in}/agree.csv --model-threshold nan",
    "agree {in}/agree.csv --by everything",
    "agree {in}/agree.csv --level cardinal",
    "agree {in}/agree.csv --units words",
    "agree {in}/agree.csv --universe some",
    "agree {in}/agree.csv --n-boot 0 --json {in}/folder",
    "agree {in}/agree.csv --n-boot 0 --json {in}/a-file/agreement.json",
    # export
    "export",
    "export {in}/run",
    "export --qdpx {out}/x.qdpx",
    "export {in}/missing.jsonl --qdpx {out}/x.qdpx",
    "export {in}/binary.jsonl --qdpx {out}/x.qdpx",
    "export {in}/deep.jsonl --qdpx {out}/x.qdpx",
    "export {in}/run --qdpx {in}/folder",
    "export {in}/run --qdpx {in}/a-file/x.qdpx",
    "export {in}/run --qdc {in}/folder",
    "export {in}/run --qdpx {out}/x.qdpx --top-k 0",
    "export {in}/run --qdpx {out}/x.qdpx --top-k -3",
    "export {in}/run --qdpx {out}/x.qdpx --min-probability nan",
    "export {in}/run --qdpx {out}/x.qdpx --min-probability 2",
    "export {in}/run --qdpx {out}/x.qdpx --codebook no-such-codebook",
    "export {in}/run --qdpx {out}/x.qdpx --codebook {in}/binary.txt",
    # import
    "import {in}/missing.qdpx --out {out}/i",
    "import {in}/folder --out {out}/i",
    "import {in}/binary.txt --out {out}/i",
    "import {in}/agree.csv --out {out}/i",
    "import {in}/empty.txt --out {out}/i",
    "import {in}/p04.txt --out {out}/i --codebook no-such-codebook",
    # report
    "report {in}/missing.jsonl",
    "report {in}/folder",
    "report {in}/binary.jsonl --out {out}/r.html",
    "report {in}/deep.jsonl --out {out}/r.html",
    "report {in}/run --out {in}/folder",
    "report {in}/run --out {in}/a-file/r.html",
    "report {in}/run --out {out}/r.html --matrix {out}/m.pdf",
    "report {in}/run --out {out}/r.html --open-coding {in}/missing.jsonl",
    "report {in}/run --out {out}/r.html --open-coding {in}/binary.jsonl",
    "report {in}/run --out {out}/r.html --top-k 0",
    "report {in}/run --out {out}/r.html --min-probability nan",
    "report {in}/run --out {out}/r.html --codebook no-such-codebook",
    # build-backend (hostile kind or model only: a real build is heavy)
    "build-backend quantum",
    "build-backend onnx-int8 --embedding-model {in}/folder",
    "build-backend static --embedding-model {in}/missing-model",
    # unknown command, unknown option
    "recode {in}/p04.txt",
    "code {in}/p04.txt --out {out}/o --colour",
]


def expand(template: str, world: Path) -> list[str]:
    return [
        a.replace("{in}", str(world / "in")).replace("{out}", str(world / "out"))
        for a in template.split()
    ]


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_arguments_end_in_one_error_line_and_write_nothing(
    template: str, world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = expand(template, world)
    before = snapshot(world)
    r = run_cli(argv, capsys)
    assert_well_behaved(r, argv)
    assert r.code == 2, f"{template} was accepted: {r.out[-300:]}"
    assert snapshot(world) == before


#: Valid but extreme arguments: each must succeed (exit 0) and write only its outputs.
EXTREME: list[tuple[str, list[str]]] = [
    ("export {in}/run --qdpx {out}/x.qdpx --top-k 99999999999999999999", ["out/x.qdpx"]),
    ("export {in}/run --qdpx {out}/x.qdpx --min-probability 1", ["out/x.qdpx"]),
    ("export --qdc {out}/c.qdc --codebook cfir-2022", ["out/c.qdc"]),
    ("report {in}/run --out {out}/r.html --top-k 99999999999999999999", ["out/r.html"]),
    ("agree {in}/agree.csv --n-boot 0 --seed 99999999999999999999", []),
    ("agree {in}/agree.csv --n-boot 1 --ci-level 0.0001", []),
    ("codebook cfir-2022", []),
]


@pytest.mark.parametrize(("template", "written"), EXTREME)
def test_extreme_but_valid_arguments_succeed_and_write_only_their_outputs(
    template: str, written: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = expand(template, world)
    before = snapshot(world)
    r = run_cli(argv, capsys)
    assert_well_behaved(r, argv)
    assert r.code == 0, r.err
    after = snapshot(world)
    assert {k: v for k, v in after.items() if k in before} == before  # inputs untouched
    assert sorted(set(after) - set(before)) == written


# -- outputs the machine refuses ---------------------------------------------------------------------


def _refuse(err: int):  # type: ignore[no-untyped-def]
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(err, os.strerror(err), str(args[0]) if args else None)

    return refuse


@pytest.mark.parametrize(
    ("where", "err"),
    [("tempfile.mkstemp", errno.EACCES), ("os.fsync", errno.ENOSPC), ("os.replace", errno.EROFS)],
)
@pytest.mark.parametrize(
    "template",
    [
        "export {in}/run --qdpx {out}/x.qdpx",
        "report {in}/run --out {out}/r.html",
        "agree {in}/agree.csv --n-boot 0 --json {out}/a.json",
        "import {out}/x.qdpx --out {out}/imported",
    ],
)
def test_an_output_the_machine_refuses_is_one_error_line_and_leaves_nothing(
    template: str,
    where: str,
    err: int,
    world: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if template.startswith("import"):  # needs a project to import
        assert run_cli(expand("export {in}/run --qdpx {out}/x.qdpx", world), capsys).code == 0
    argv = expand(template, world)
    before = snapshot(world)
    module, name = where.split(".")
    monkeypatch.setattr(f"{module}.{name}", _refuse(err))
    r = run_cli(argv, capsys)
    monkeypatch.undo()
    assert_well_behaved(r, argv)
    assert r.code == 2
    assert os.strerror(err) in r.err
    assert snapshot(world) == before  # no temporary file left, no half-written output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_error_line(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = world / "out" / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        argv = expand(f"export {{in}}/run --qdpx {locked}/x.qdpx", world)
        r = run_cli(argv, capsys)
    finally:
        locked.chmod(0o700)
    assert_well_behaved(r, argv)
    assert r.code == 2 and not any(locked.iterdir())


@pytest.mark.parametrize(
    "name", ["line\nbreak.txt", "carriage\rreturn.txt", "para\u2029sep.txt", "nel\x85.txt"]
)
def test_a_file_name_with_a_line_break_keeps_the_error_on_one_line(
    name: str, world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = world / "in" / name
    path.write_bytes(b"\xff\xfe\x00")  # not text
    r = run_cli(["code", str(path), "--out", str(world / "out" / "o")], capsys)
    assert_well_behaved(r, ["code", name])
    assert r.code == 2


def test_a_path_longer_than_the_system_allows_is_one_error_line(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = world / "in" / ("x" * 300 + ".txt")
    for argv in (
        ["code", str(long), "--out", str(world / "out" / "o")],
        ["report", str(world / "in" / "run"), "--out", str(world / "out" / ("r" * 300 + ".html"))],
    ):
        r = run_cli(argv, capsys)
        assert_well_behaved(r, argv)
        assert r.code == 2


def test_a_device_that_never_ends_is_refused_not_read_into_memory(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    link = world / "in" / "endless.txt"
    link.symlink_to("/dev/zero")  # stat() says 0 bytes; reading never ends
    r = run_cli(["code", str(link), "--out", str(world / "out" / "o")], capsys)
    assert_well_behaved(r, ["code", "endless.txt"])
    assert r.code == 2 and "not a regular file" in r.err  # not read at all (s80 hunt1 F4)


# -- random combinations ---------------------------------------------------------------------------

HOSTILE_PATHS = [
    "{in}/missing.txt", "{in}/folder", "{in}/folder.txt", "{in}/binary.txt", "{in}/binary.csv",
    "{in}/binary.jsonl", "{in}/latin1.txt", "{in}/latin1.csv", "{in}/empty.txt", "{in}/empty.csv",
    "{in}/deep.jsonl", "{in}/huge-int.jsonl", "{in}/not-json.json", "{in}/list.json",
    "{in}/a-file", "{in}/a-file/below", "{in}/garbage-model",
]  # fmt: skip
VALID_PATHS = ["{in}/run", "{in}/run/codings.jsonl", "{in}/agree.csv", "{in}/p04.txt"]
OUT_PATHS = [
    "{out}/o",
    "{out}/o.qdpx",
    "{out}/o.html",
    "{out}/o.json",
    "{out}/o.csv",
    "{in}/folder",
]
NUMBERS = [
    "0",
    "1",
    "-1",
    "3",
    "99999999999999999999",
    "nan",
    "inf",
    "-inf",
    "0.5",
    "1e308",
    "x",
    "",
]

#: Options of each command and the values they get. Commands that could reach the embedding model
#: (code, suggest, evaluate, train) always get a hostile model or data, so no case loads torch.
COMMANDS: dict[str, dict[str, list[str]]] = {
    "codebook": {},
    "code": {
        "--out": OUT_PATHS, "--top-k": NUMBERS, "--alpha": NUMBERS, "--threads": NUMBERS,
        "--neutral-weight": NUMBERS,
        "--qdpx": OUT_PATHS, "--engine": ["local", "ray", "x"], "--no-report": [],
    },
    "suggest": {"--top-k": NUMBERS, "--json": []},
    "evaluate": {"--json": OUT_PATHS, "--per-code": [], "--predictions": OUT_PATHS},
    "train": {"--out": OUT_PATHS, "--codebook": ["cfir-2009", "x", "{in}/binary.txt"], "--method": ["logreg", "x"]},
    "agree": {
        "--by": ["pair", "code", "x"], "--universe": ["all", "coded", "x"],
        "--level": ["nominal", "ratio", "x"], "--n-boot": ["0", "5", "-1", "99999999999999999999"],
        "--seed": NUMBERS, "--ci-level": NUMBERS, "--model-threshold": NUMBERS,
        "--units": ["auto", "spans", "segments", "x"], "--json": OUT_PATHS,
    },
    "export": {
        "--qdpx": OUT_PATHS, "--qdc": OUT_PATHS, "--top-k": NUMBERS,
        "--min-probability": NUMBERS, "--codebook": ["cfir-2009", "cfir-2022", "x", "{in}/list.json"],
    },
    "import": {"--out": OUT_PATHS, "--codebook": ["cfir-2009", "x", "{in}/not-json.json"]},
    "report": {
        "--out": OUT_PATHS, "--matrix": OUT_PATHS, "--top-k": NUMBERS, "--min-probability": NUMBERS,
        "--open-coding": HOSTILE_PATHS[:6], "--codebook": ["cfir-2009", "x"],
    },
}  # fmt: skip
#: Commands whose positional arguments may also be valid inputs (they never load the model).
FAST_WITH_VALID_INPUTS = {"codebook", "agree", "export", "import", "report"}


@st.composite
def invocations(draw: st.DrawFn) -> list[str]:
    command = draw(st.sampled_from(sorted(COMMANDS)))
    pool = HOSTILE_PATHS + (VALID_PATHS if command in FAST_WITH_VALID_INPUTS else [])
    if command == "suggest":
        positional = [draw(st.sampled_from(["hello", "", "\x00", "é" * 50]))]
    elif command == "codebook":
        positional = [draw(st.sampled_from([*pool, "cfir-2009", "x"]))]
    else:
        positional = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=3))
    argv = [command, *positional]
    options = COMMANDS[command]
    for name in (
        draw(st.lists(st.sampled_from(sorted(options)), max_size=4, unique=True)) if options else []
    ):
        values = options[name]
        argv += [name] if not values else [name, draw(st.sampled_from(values))]
    if command in ("code", "suggest", "evaluate"):
        argv += [
            "--model",
            draw(st.sampled_from(["{in}/garbage-model", "{in}/folder", "{in}/missing-model"])),
        ]
    return argv


@settings(
    max_examples=CLI_FUZZ_CASES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(template=invocations())
def test_random_hostile_invocations_never_crash_or_write_outside_the_outputs(
    template: list[str], world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = world / "in"
    # Emptied first, not only after a pass: a failing example must not leave files that make the
    # examples hypothesis shrinks it to look as if they wrote them.
    shutil.rmtree(world / "out")
    (world / "out").mkdir()
    before = snapshot(inputs)
    argv = [a.replace("{in}", str(inputs)).replace("{out}", str(world / "out")) for a in template]
    r = run_cli(argv, capsys)
    assert_well_behaved(r, argv)
    after = snapshot(inputs)
    if argv[0] == "report" and r.code == 0 and not {"--out", "-o"} & set(argv):
        # Documented default: the report is written as report.html beside the codings it reads.
        after = {k: v for k, v in after.items() if k in before or not k.endswith("report.html")}
    assert after == before, f"an input changed: {argv}"
    if r.code == 2:
        assert not any((world / "out").iterdir()), (
            f"exit 2 but wrote {list((world / 'out').iterdir())}"
        )


# -- as real processes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "code {in}/binary.txt --out {out}/o",
        "code {in}/p04.txt --out {out}/o --top-k -1",
        "agree {in}/agree.csv --n-boot 99999999999999999999",
        "report {in}/deep.jsonl",
        "import {in}/binary.txt --out {out}/i",
    ],
)
def test_the_installed_command_prints_one_line_and_exits_2(template: str, world: Path) -> None:
    exe = Path(sys.executable).with_name("roqa")
    if not exe.exists():
        pytest.skip(f"the roqa console script is not installed beside {sys.executable}")
    before = snapshot(world)
    proc = subprocess.run(
        [str(exe), *expand(template, world)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("roqa: error: ")
    assert "Traceback" not in proc.stderr + proc.stdout
    assert snapshot(world) == before
