"""A locale that is not UTF-8 with Python's UTF-8 mode off: one line saying so, exit 2.

Terminal tester, session 45: with ``env -u LANG LC_ALL=C PYTHONCOERCECLOCALE=0 PYTHONUTF8=0``,
``roqa suggest "It’s £12 – fine"`` ended in an internal TypeError of the tokenizer and ``roqa
code`` of a folder holding ``rm04_José.txt`` in an internal UnicodeEncodeError (surrogates),
both exit 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"
SAID = (
    "roqa: error: a text or file name given holds characters the locale's encoding (ascii) "
    "cannot read (run roqa with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 or PYTHONUTF8=1)\n"
)


def roqa_in_c_locale(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONPATH=str(SRC))
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run(
        [sys.executable, "-c", "from roqa_nlp.cli import main; main()", *map(str, args)],
        env=env,
        capture_output=True,
        timeout=300,
    )


def test_suggest_of_a_text_the_locale_cannot_read() -> None:
    run = roqa_in_c_locale("suggest", "It’s £12 – fine")
    assert (run.returncode, run.stdout, run.stderr.decode()) == (2, b"", SAID)


def test_code_of_a_file_whose_name_the_locale_cannot_read(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "iv"
    folder.mkdir()
    shutil.copy(EXAMPLES / "p01_interview.txt", folder / "rm04_José.txt")
    run = roqa_in_c_locale("code", folder, "--out", tmp_path / "out", "--model", tiny_model_dir)
    assert (run.returncode, run.stderr.decode().splitlines()[-1] + "\n") == (2, SAID)
    assert not (tmp_path / "out").exists()
