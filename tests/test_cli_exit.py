"""How ``roqa`` ends when it is stopped from outside: Ctrl-C, or a closed standard output.

A script (``roqa code ... && roqa report ...``, a Makefile) reads only the exit status, so a run
stopped part-way must not end with 0. The child-process tests run the real entry point with the
worktree's source, each in well under a second (no model is loaded).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from roqa_nlp.cli import main

SRC = Path(__file__).resolve().parents[1] / "src"
#: An earlier run's report: roqa's, by its generator (one of another is refused as --out's)
EARLIER_REPORT = (
    '<html><head><meta name="generator" content="roqa_nlp"></head>an earlier run\'s report</html>'
)
INTERRUPTED = "roqa: interrupted (no output file was left half-written; run the command again)\n"


def _roqa(*args: str, stdin: int | None = None, stdout: int | None = None) -> subprocess.Popen:
    """``roqa ARGS`` in a child process; it prints ``reading`` on stderr when the command starts
    to read its standard input, so a signal sent then reaches the command itself."""
    script = (
        "import sys\n"
        "from roqa_nlp.cli import main\n"
        "class Stdin:\n"
        "    def read(self):\n"
        "        print('reading', file=sys.stderr, flush=True)\n"
        "        return sys.__stdin__.read()\n"
        "sys.stdin = Stdin()\n"
        "main(sys.argv[1:])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=stdin,
        stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        preexec_fn=_as_from_a_terminal if sys.platform != "win32" else None,
    )


def _as_from_a_terminal() -> None:
    """Ctrl-C at its default in the child, as for a command typed at a terminal. A suite run
    in the background of a non-interactive shell (`make test &`, nohup) starts with SIGINT
    ignored, which roqa keeps (see below), so the SIGINT test's child went on waiting for its
    input and the suite hung (s71, a CI run started with nohup)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_in_a_command_says_interrupted_and_exits_130(monkeypatch, capsys) -> None:
    """typer turned the KeyboardInterrupt into a returned 130, which main dropped: the run
    ended silently with status 0, as if it had succeeded (session 35)."""
    from roqa_nlp.codebook import Codebook

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Codebook, "load", pressed_ctrl_c)
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "cfir-2009"])
    assert ended.value.code == 130
    assert capsys.readouterr().err == INTERRUPTED


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_sigint_to_a_waiting_roqa_says_interrupted_and_exits_130() -> None:
    # `roqa suggest -` waits for standard input before it loads any model: a cheap run to stop.
    child = _roqa("suggest", "-", stdin=subprocess.PIPE)
    assert child.stderr is not None
    assert child.stderr.readline() == "reading\n"
    child.send_signal(signal.SIGINT)
    err = child.stderr.read()
    assert child.wait(timeout=30) == 130
    assert err == INTERRUPTED


@pytest.mark.skipif(sys.platform == "win32", reason="a closed pipe ends a POSIX tool with 141")
def test_a_closed_standard_output_ends_quietly_with_141() -> None:
    """`roqa code ... | head -3` ended with 1, the status of a bug, once head had stopped reading
    (session 35). Now it ends as `seq 100000 | head -3` does under `set -o pipefail`."""
    child = _roqa("codebook", "cfir-2009", stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader has gone before roqa writes a line
    err = child.stderr.read()
    assert child.wait(timeout=30) == 141
    assert err == ""


def test_a_broken_pipe_that_is_not_standard_output_is_still_an_error(monkeypatch, capsys) -> None:
    """Only a closed standard output ends quietly: a pipe to another process that breaks is
    said (here standard output is pytest's capture, which is open)."""
    from roqa_nlp.codebook import Codebook

    def lost_worker(*args: object, **kwargs: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(Codebook, "load", lost_worker)
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "cfir-2009"])
    assert ended.value.code == 2
    assert capsys.readouterr().err == "roqa: error: Broken pipe (check the path)\n"


@pytest.mark.parametrize("option,name", [("--matrix", "m.xlsx"), ("--table", "t.docx")])
def test_ctrl_c_while_a_workbook_or_word_table_is_written_says_only_interrupted(
    tmp_path: Path, option: str, name: str
) -> None:
    """Session 37 (daily): Ctrl-C during `roqa report ... --table t.docx --matrix m.xlsx` printed
    "Exception ignored in: <function ZipFile.__del__ ...> ValueError: seek of closed file" after
    the "interrupted" line: the zip being written was closed by the atomic write it was stopped
    in, and closed again when collected at exit. Stopped here at the zip's second member. The
    write-up files are made before any output is written (s51: compared with the files they
    replace, roqa has no record of writing), so nothing was written yet."""
    from test_cli_output_guard import coded_study

    coded, _ = coded_study(tmp_path)
    script = (
        "import sys, zipfile\n"
        "from roqa_nlp.cli import main\n"
        "written = zipfile.ZipFile.writestr\n"
        "calls = []\n"
        "def writestr(self, *args, **kwargs):\n"
        "    calls.append(1)\n"
        "    if len(calls) == 2:\n"
        "        raise KeyboardInterrupt\n"
        "    return written(self, *args, **kwargs)\n"
        "zipfile.ZipFile.writestr = writestr\n"
        "main(sys.argv[1:])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, "report", str(coded), option, str(tmp_path / name)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        cwd=tmp_path,
        timeout=120,
    )
    assert run.returncode == 130
    assert run.stderr == INTERRUPTED  # and nothing more
    assert not (tmp_path / name).exists()
    assert not (coded / "report.html").exists()


@pytest.mark.slow
def test_ctrl_c_while_roqa_code_writes_its_outputs_says_which_are_this_runs(
    monkeypatch, capsys, tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Stopped after the codings were written but before report.html, roqa code said 'no output
    file was left half-written': true of each file, but the folder then held this run's
    codings beside an earlier run's report, which does not show them (tester s37 privacy, 10)."""
    import roqa_nlp.report

    (tmp_path / "p01_interview.txt").write_text(
        "Interviewer: What gets in the way?\nP01: We never had the budget for agency staff.\n",
        encoding="utf-8",
    )
    out = tmp_path / "coded"
    out.mkdir()
    (out / "report.html").write_text(EARLIER_REPORT, encoding="utf-8")

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roqa_nlp.report, "write_report", pressed_ctrl_c)
    with pytest.raises(SystemExit) as ended:
        main(["code", str(tmp_path / "p01_interview.txt"), "--out", str(out),
              "--model", str(tiny_model_dir)])  # fmt: skip
    assert ended.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"roqa: interrupted while writing the outputs to {out} (written: codings.jsonl, "
        "codings.csv, transcripts.jsonl, run.json, open_coding.jsonl, open_coding.csv; not "
        "written: report.html): report.html is from an earlier run and does not show these "
        "codings; run the command again"
    )
    assert (out / "report.html").read_text("utf-8") == EARLIER_REPORT


@pytest.mark.slow
def test_ctrl_c_names_every_earlier_file_a_completed_run_would_warn_of(
    monkeypatch, capsys, tmp_path: Path, tiny_model_dir: Path
) -> None:
    """files tester, session 44 (INTY_1.95): stopped before report.html, the message named only
    report.html as an earlier run's, while a completed run warns of the project.qdpx and the
    codings.cfir-2022.csv it did not rewrite too: both now say the same files."""
    import roqa_nlp.report
    from hostile_files import small_coding_result

    (tmp_path / "p01_interview.txt").write_text(
        "Interviewer: What gets in the way?\nP01: We never had the budget for agency staff.\n",
        encoding="utf-8",
    )
    out = tmp_path / "coded"
    small_coding_result().save(out)  # an earlier run's codings
    (out / "report.html").write_text(EARLIER_REPORT, encoding="utf-8")
    (out / "project.qdpx").write_bytes(b"PK\x05\x06" + bytes(18))
    (out / "codings.cfir-2022.csv").write_text("transcript,segment_id\n", encoding="utf-8")

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roqa_nlp.report, "write_report", pressed_ctrl_c)
    with pytest.raises(SystemExit) as ended:
        main(["code", str(tmp_path / "p01_interview.txt"), "--out", str(out),
              "--model", str(tiny_model_dir)])  # fmt: skip
    assert ended.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"roqa: interrupted while writing the outputs to {out} (written: codings.jsonl, "
        "codings.csv, transcripts.jsonl, run.json, open_coding.jsonl, open_coding.csv; not "
        "written: report.html): report.html, project.qdpx, codings.cfir-2022.csv are from an "
        "earlier run and do not show these codings; run the command again"
    )


def test_ctrl_c_before_roqa_code_writes_an_output_says_none_was_written(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    from roqa_nlp.cli import code_cmd

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(code_cmd, "_load_model", pressed_ctrl_c)  # while the model loads
    (tmp_path / "p01.txt").write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        main(["code", str(tmp_path / "p01.txt"), "--out", str(tmp_path / "coded")])
    assert ended.value.code == 130
    assert capsys.readouterr().err == INTERRUPTED


# typing and collections: session 41, Ctrl-C in the first 0.01-0.03 s (`timeout -s INT 0.02
# roqa export ...`, longer on a slow disk) still printed a traceback: roqa_nlp/__init__.py and
# roqa_nlp/cli/__init__.py imported them before main ran.
@pytest.mark.parametrize(
    "module", ["typer", "roqa_nlp.cli.exchange_cmd", "roqa_nlp.errors", "typing", "collections"]
)
def test_ctrl_c_while_roqa_starts_says_interrupted_and_exits_130(module: str) -> None:
    """Session 40 (robustness): Ctrl-C in roqa's first half-second (`timeout -s INT 0.3 roqa
    export ...`) printed a full traceback ending in KeyboardInterrupt: it came while the command
    modules were imported, before main's handler was reached. Here Ctrl-C comes as ``module`` is
    imported (the first time it is), as the console script imports and runs
    roqa_nlp.cli.main."""
    script = (
        "import sys\n"
        "class CtrlC:\n"
        "    pressed = False\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name == {module!r} and not self.pressed:\n"
        "            self.pressed = True  # once: main's handler may import it again\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, CtrlC())\n"
        "from roqa_nlp.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, "export", "codings.jsonl", "--qdpx", "p.qdpx"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (130, INTERRUPTED)


def test_the_console_script_imports_no_command_before_main_runs() -> None:
    """What `from roqa_nlp.cli import main` imports runs before main can catch Ctrl-C."""
    script = "import sys\nfrom roqa_nlp.cli import main\nprint(sorted(m for m in sys.modules if m.startswith(('roqa_nlp', 'typer', 'click'))))\n"
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert run.stdout == "['roqa_nlp', 'roqa_nlp.cli']\n"


def test_the_console_script_imports_only_roqa_nlp_and_its_cli_before_main_runs() -> None:
    """Every module `from roqa_nlp.cli import main` imports that Python had not imported as it
    started is time before main can catch Ctrl-C: none but the two roqa_nlp files themselves."""
    script = (
        "import sys\n"
        "started = set(sys.modules)\n"
        "from roqa_nlp.cli import main\n"
        "print(sorted(set(sys.modules) - started))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert run.stdout == "['roqa_nlp', 'roqa_nlp.cli']\n"


@pytest.mark.parametrize("first", ["roqa_nlp.cli.code_cmd", "roqa_nlp.cli.train_cmd"])
def test_roqa_nlp_cli_app_is_the_application_whatever_was_imported_first(first: str) -> None:
    """Session 40 (hunt): once a command module was imported (a test's `from roqa_nlp.cli import
    code_cmd`), `from roqa_nlp.cli import app` gave the module app.py, not the typer
    application, and CliRunner().invoke(app, ['--help']) failed."""
    script = (
        f"import {first}\n"
        "import typer\n"
        "from typer.testing import CliRunner\n"
        "from roqa_nlp.cli import app\n"
        "print(isinstance(app, typer.Typer), CliRunner().invoke(app, ['--help']).exit_code)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (run.stdout, run.stderr) == ("True 0\n", "")


def test_sigterm_in_a_command_says_interrupted_and_exits_143(monkeypatch, capsys) -> None:
    """Session 41 (repro, 1): SIGTERM, what `timeout`, job schedulers and a shutdown send, ended
    roqa with -15 and no message, where Ctrl-C said what it left. Now it goes the same way as
    Ctrl-C, with the status a shell gives a program stopped by SIGTERM: 128 + 15."""
    from roqa_nlp.codebook import Codebook

    def sent_sigterm(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(Codebook, "load", sent_sigterm)
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "cfir-2009"])
    assert ended.value.code == 143
    assert capsys.readouterr().err == INTERRUPTED


def test_roqa_hands_sigterm_back_as_it_found_it(monkeypatch) -> None:
    """The handler is roqa's while a command runs, not the calling program's after it (a
    notebook or a test that calls main)."""
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "no-such-codebook"])
    assert ended.value.code == 2
    assert signal.getsignal(signal.SIGTERM) is before


def test_a_sigterm_the_caller_ignores_stays_ignored(monkeypatch, capsys) -> None:
    """Hunt s41/4: a wrapper that shields roqa from SIGTERM (`trap '' TERM; exec roqa ...`) saw
    roqa stop with 143 once roqa handled SIGTERM; an ignored SIGTERM stays ignored."""
    from roqa_nlp.codebook import Codebook

    real_load = Codebook.load

    def sent_sigterm(*args: object, **kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGTERM)
        return real_load(*args, **kwargs)

    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        monkeypatch.setattr(Codebook, "load", sent_sigterm)
        main(["codebook", "cfir-2009"])
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "interrupted" not in capsys.readouterr().err


def test_ctrl_c_after_a_sigterm_run_exits_130_again(monkeypatch, capsys) -> None:
    """What stopped the last run is not carried into the next one in the same process."""
    from roqa_nlp.codebook import Codebook

    def sent_sigterm(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Codebook, "load", sent_sigterm)
    with pytest.raises(SystemExit) as first:
        main(["codebook", "cfir-2009"])
    monkeypatch.setattr(Codebook, "load", pressed_ctrl_c)
    with pytest.raises(SystemExit) as second:
        main(["codebook", "cfir-2009"])
    assert (first.value.code, second.value.code) == (143, 130)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to a child process is POSIX")
def test_sigterm_to_a_waiting_roqa_says_interrupted_and_exits_143() -> None:
    child = _roqa("suggest", "-", stdin=subprocess.PIPE)
    assert child.stderr is not None
    assert child.stderr.readline() == "reading\n"
    child.send_signal(signal.SIGTERM)
    err = child.stderr.read()
    assert child.wait(timeout=30) == 143
    assert err == INTERRUPTED


@pytest.mark.slow
def test_sigterm_while_roqa_code_writes_its_outputs_says_which_are_this_runs(
    monkeypatch, capsys, tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Session 41 (repro, 1): `timeout` stopping roqa code as it wrote into a folder coded
    before left this run's codings beside the earlier report.html, with nothing said."""
    import roqa_nlp.report

    (tmp_path / "p01_interview.txt").write_text(
        "Interviewer: What gets in the way?\nP01: We never had the budget for agency staff.\n",
        encoding="utf-8",
    )
    out = tmp_path / "coded"
    out.mkdir()
    (out / "report.html").write_text(EARLIER_REPORT, encoding="utf-8")

    def sent_sigterm(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(roqa_nlp.report, "write_report", sent_sigterm)
    with pytest.raises(SystemExit) as ended:
        main(["code", str(tmp_path / "p01_interview.txt"), "--out", str(out),
              "--model", str(tiny_model_dir)])  # fmt: skip
    assert ended.value.code == 143
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"roqa: interrupted while writing the outputs to {out} (written: codings.jsonl, "
        "codings.csv, transcripts.jsonl, run.json, open_coding.jsonl, open_coding.csv; not "
        "written: report.html): report.html is from an earlier run and does not show these "
        "codings; run the command again"
    )
    assert (out / "report.html").read_text("utf-8") == EARLIER_REPORT


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_after_the_command_has_finished_does_not_turn_its_success_into_a_stop(
    sig: signal.Signals,
) -> None:
    """Cli tester, session 43 (int_at_report.sh): SIGINT sent once report.html was written and
    the summary printed killed roqa as Python unloaded torch (whose signal handlers it had put
    back to the default): status 130, no message, after a complete run. Once the command has
    finished, everything is written and said: the console script (main() reading sys.argv)
    ignores Ctrl-C and SIGTERM while Python exits, and ends with 0. Here the signal comes as
    main returns."""
    script = (
        "import os, signal, sys, time\n"
        "from roqa_nlp.cli import main\n"
        "sys.argv = ['roqa', 'codebook', 'cfir-2009']\n"
        "main()\n"
        f"os.kill(os.getpid(), {int(sig)})\n"
        "time.sleep(0.2)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert "Outer Setting" in run.stdout


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
def test_a_full_standard_output_is_named_as_where_writing_failed() -> None:
    """Tester s46: `roqa suggest "..." > /dev/full` said `roqa: error: No space left on device
    (check the path)`, naming no path: the write that failed was to standard output."""
    with open("/dev/full", "w") as full:
        child = _roqa("codebook", "cfir-2009", stdout=full.fileno())
        assert child.stderr is not None
        err = child.stderr.read()
        status = child.wait(timeout=30)
    assert (status, err) == (
        2,
        "roqa: error: cannot write to standard output: No space left on device (send the "
        "output to a file on a disk with room, or leave it on the terminal)\n",
    )


def test_a_second_ctrl_c_while_the_first_is_handled_is_ignored(monkeypatch, capsys) -> None:
    """Interrupt tester, session 46 (dbl.py: three SIGINTs 20 ms apart): the second came while
    main freed what the first stop left (gc.collect in _collect_quietly) and ended roqa with a
    traceback, killed by the signal rather than exiting 130. Once a stop is handled, Ctrl-C and
    SIGTERM are ignored until the message is printed; the caller's handlers come back after."""
    import gc

    from roqa_nlp.codebook import Codebook

    collect = gc.collect

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)

    def pressed_again(*args: object) -> int:
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGTERM)
        return collect(*args)

    monkeypatch.setattr(Codebook, "load", pressed_ctrl_c)
    monkeypatch.setattr(gc, "collect", pressed_again)
    before = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "cfir-2009"])
    assert ended.value.code == 130
    assert capsys.readouterr().err == INTERRUPTED
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


def test_a_programs_own_handlers_come_back_after_a_stopped_run(monkeypatch, capsys) -> None:
    """Review, session 46: a program with its own Ctrl-C handler calling main(ARGS), stopped by
    SIGTERM, was left with Ctrl-C ignored (the handler it kept was not put back)."""
    from roqa_nlp.codebook import Codebook

    def mine(signum: int, frame: object) -> None:
        return None

    def stopped(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.signal(signal.SIGINT, mine)
    try:
        monkeypatch.setattr(Codebook, "load", stopped)
        with pytest.raises(SystemExit) as ended:
            main(["codebook", "cfir-2009"])
        assert ended.value.code == 143
        assert signal.getsignal(signal.SIGINT) is mine
    finally:
        signal.signal(signal.SIGINT, previous)
    capsys.readouterr()


def test_a_sigint_the_caller_ignores_stays_ignored(monkeypatch, capsys) -> None:
    """A job started in the background by a script (`roqa code ... &`) ignores Ctrl-C: roqa
    handling SIGINT itself keeps it ignored."""
    from roqa_nlp.codebook import Codebook

    real_load = Codebook.load

    def pressed_ctrl_c(*args: object, **kwargs: object) -> object:
        os.kill(os.getpid(), signal.SIGINT)
        return real_load(*args, **kwargs)

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        monkeypatch.setattr(Codebook, "load", pressed_ctrl_c)
        main(["codebook", "cfir-2009"])
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
    assert "interrupted" not in capsys.readouterr().err


def test_ctrl_c_while_roqa_report_writes_its_outputs_says_which_are_this_runs(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """Interrupt tester, session 46 (repro_report_partial.sh): stopped once report.html was
    replaced, `roqa report --table --matrix --saturation` said only 'no output file was left
    half-written', the Word table and workbooks beside it an earlier run's. It names them as
    `roqa code` does."""
    import roqa_nlp.io
    from hostile_files import small_coding_result

    out = tmp_path / "coded"
    small_coding_result().save(out)
    args = ["report", str(out), "--matrix", str(out / "m.xlsx"), "--table", str(out / "t2.docx"),
            "--saturation", str(out / "s.xlsx")]  # fmt: skip
    main(args)  # an earlier run's outputs
    earlier = (out / "t2.docx").read_bytes()
    capsys.readouterr()

    write = roqa_nlp.io.atomic_write_bytes

    def pressed_ctrl_c_at_the_table(path: Path, data: bytes) -> None:
        if Path(path).name == "t2.docx":
            raise KeyboardInterrupt
        write(path, data)

    monkeypatch.setattr(roqa_nlp.io, "atomic_write_bytes", pressed_ctrl_c_at_the_table)
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"roqa: interrupted while writing the outputs to {out} (written: report.html, m.xlsx; "
        "not written: t2.docx, s.xlsx): t2.docx, s.xlsx are from an earlier run and do not "
        "match the new report; run the command again"
    )
    assert (out / "t2.docx").read_bytes() == earlier


def test_ctrl_c_while_roqa_report_writes_tables_elsewhere_names_each_output_by_its_path(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """Cli tester cli2, session 80 (r6_report_interrupt_paths.sh): `roqa report outU1 --table
    t2.docx --matrix mx.xlsx`, stopped once report.html was written, said "while writing the
    outputs to outU1 (... not written: mx.xlsx, t2.docx ...)", the tables being in the working
    folder, not outU1. Each output is named by its path as given when not all are in it."""
    import roqa_nlp.io
    from hostile_files import small_coding_result

    monkeypatch.chdir(tmp_path)
    small_coding_result().save(tmp_path / "coded")
    args = ["report", "coded", "--matrix", "m.xlsx", "--table", "t2.docx"]
    main(args)  # an earlier run's outputs
    capsys.readouterr()
    write = roqa_nlp.io.atomic_write_bytes

    def pressed_ctrl_c_at_the_matrix(path: Path, data: bytes) -> None:
        if Path(path).name == "m.xlsx":
            raise KeyboardInterrupt
        write(path, data)

    monkeypatch.setattr(roqa_nlp.io, "atomic_write_bytes", pressed_ctrl_c_at_the_matrix)
    with pytest.raises(SystemExit) as ended:
        main(args)
    assert ended.value.code == 130
    assert capsys.readouterr().err.splitlines()[-1] == (
        "roqa: interrupted while writing the outputs (written: coded/report.html; not written: "
        "m.xlsx, t2.docx): m.xlsx, t2.docx are from an earlier run and do not match the new "
        "report; run the command again"
    )


def test_ctrl_c_before_roqa_report_writes_an_output_says_none_was_written(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    import roqa_nlp.report
    from hostile_files import small_coding_result

    out = tmp_path / "coded"
    small_coding_result().save(out)

    def pressed_ctrl_c(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(roqa_nlp.report, "write_report", pressed_ctrl_c)
    with pytest.raises(SystemExit) as ended:
        main(["report", str(out), "--matrix", str(out / "m.xlsx")])
    assert ended.value.code == 130
    assert capsys.readouterr().err == INTERRUPTED


#: roqa code's stop landing in a finaliser: regex's Group.__del__ in the tester's run
FINALISED_STOP = (
    "import os, signal\n"
    "class Finalised:\n"
    "    def __del__(self):\n"
    "        os.kill(os.getpid(), signal.SIGTERM)\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM to oneself is POSIX")
def test_a_stop_that_lands_in_a_finaliser_still_ends_the_run_with_143() -> None:
    """Cli tester, session 64 (sig_in_del.py): a SIGTERM handled while Python ran a finaliser
    (``__del__``) was printed as 'Exception ignored in ...' with a traceback and lost: further
    stops were already ignored, the run wrote every output and ended with 0. The stop is kept
    and raised at the command's next safe point: the one line, and 143."""
    script = (
        FINALISED_STOP + "from roqa_nlp.cli import main\n"
        "from roqa_nlp.codebook import Codebook\n"
        "real = Codebook.load\n"
        "def load(*args, **kwargs):\n"
        "    Finalised()\n"
        "    return real(*args, **kwargs)\n"
        "Codebook.load = load\n"
        "main(['codebook', 'cfir-2009'])\n"
        "print('not stopped')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (143, INTERRUPTED)
    assert "not stopped" not in run.stdout


def test_a_second_stop_after_one_lost_in_a_finaliser_is_not_ignored(monkeypatch, capsys) -> None:
    """sig_in_del.py: the first SIGTERM, lost in a finaliser, had set the next ones to ignored,
    so a second SIGTERM (a scheduler's, Ctrl-C pressed again) did nothing either."""
    from roqa_nlp.codebook import Codebook

    namespace: dict[str, object] = {}
    exec(FINALISED_STOP, namespace)
    went_on: list[bool] = []

    def stopped_twice(*args: object, **kwargs: object) -> None:
        namespace["Finalised"]()  # type: ignore[operator]
        os.kill(os.getpid(), signal.SIGTERM)
        went_on.append(True)

    monkeypatch.setattr(Codebook, "load", stopped_twice)
    with pytest.raises(SystemExit) as ended:
        main(["codebook", "cfir-2009"])
    assert (ended.value.code, went_on) == (143, [])
    assert capsys.readouterr().err == INTERRUPTED


def test_a_stop_lost_in_a_finaliser_before_roqa_report_writes_leaves_no_output(
    monkeypatch, capsys, tmp_path: Path
) -> None:
    """The stop lost while the codings were read is raised before the first output is written,
    not once every one has been."""
    from hostile_files import small_coding_result
    from roqa_nlp.result import CodingResult

    out = tmp_path / "coded"
    small_coding_result().save(out)
    namespace: dict[str, object] = {}
    exec(FINALISED_STOP, namespace)
    read = CodingResult.read

    def stopped_while_read(*args: object, **kwargs: object) -> CodingResult:
        namespace["Finalised"]()  # type: ignore[operator]
        return read(*args, **kwargs)

    monkeypatch.setattr(CodingResult, "read", stopped_while_read)
    with pytest.raises(SystemExit) as ended:
        main(["report", str(out), "--matrix", str(out / "m.xlsx")])
    assert ended.value.code == 143
    assert capsys.readouterr().err == INTERRUPTED
    assert [p.name for p in (out / "report.html", out / "m.xlsx") if p.exists()] == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")
def test_ctrl_c_while_a_transcript_is_segmented_says_interrupted_at_once_and_ends(
    tmp_path: Path,
) -> None:
    """Tester ux2, session 78 (sig.py): Ctrl-C while ``roqa code`` read and segmented a
    transcript in the background (the step that loads the embedding model) said ``roqa:
    interrupted`` 5.5 s later, and then Python, ending that thread inside torch, sometimes
    aborted the process (``terminate called without an active exception``, SIGABRT). The line
    comes at once; the console script then ends with 130 past a step still running. The step
    here lasts 4.5 s and says when it ends: the line comes and the process ends before that
    (on main the close waited 5 s for the step, 5.1-5.5 s before the line)."""
    (tmp_path / "p01.txt").write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    script = (
        "import sys, time\n"
        "from roqa_nlp.autocoder import AutoCoder\n"
        "def segments_of(self, transcript):\n"
        "    print('segmenting', file=sys.stderr, flush=True)\n"
        "    time.sleep(4.5)  # a step in compiled code: loading the embedding model\n"
        "    print('step ended', file=sys.stderr, flush=True)\n"
        "AutoCoder.segments_of = segments_of\n"
        "from roqa_nlp.cli import main\n"
        "sys.argv = ['roqa', 'code', sys.argv[1], '--out', sys.argv[2]]\n"
        "main()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path / "p01.txt"), str(tmp_path / "coded")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        text=True,
        preexec_fn=_as_from_a_terminal,
    )
    assert child.stderr is not None
    try:
        assert child.stderr.readline() == "segmenting\n"
        child.send_signal(signal.SIGINT)
        assert child.stderr.readline() == INTERRUPTED  # said before the step ended
        assert child.wait(timeout=30) == 130  # a hang guard only
    finally:
        child.kill()
    assert child.stderr.read() == ""  # the process ended before its step: no 'step ended'
    assert not (tmp_path / "coded").exists()
