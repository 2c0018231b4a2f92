"""Key rows of one transcript (column ``transcript``) name a QDA project's source as the docs
say: the project's path from the key's folder (every source of it), or that path, a colon and
the source's name in the QDA program (``../raw/study.qdpx:p06``), as roqa's messages name it;
the member file (``study.qdpx:sources/<GUID>.txt``) still works. A value naming no file there
is warned of, naming the key file and the row (docs/privacy.md).

Session 75 tester (pseudo, L3): rows for ``../raw/p06_rose_whitlock.qdpx`` matched nothing,
unsaid, and "Mark said", "Joy, bless her" stayed in the copy.
"""

from __future__ import annotations

from pathlib import Path

from test_cli_core import roqa
from test_pseudonymise_qdpx_sources import project

TALK = "Interviewer: How was it?\nRose Whitlock: Mark said we could. Joy helped.\n"
OTHER = "Interviewer: How was it?\nAmy Lee: Fine.\n"


def copies(tmp_path: Path, where: str) -> tuple[str, str]:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    path = project(raw, {"p06": TALK, "p07": OTHER})
    (path.parent / "run").rename(tmp_path / "run_export")
    private = tmp_path / "private"
    private.mkdir(exist_ok=True)
    key = private / "key.csv"
    key.write_text(
        f"name,pseudonym,transcript\nMark,manager,{where}\nJoy,deputy,{where}\n", encoding="utf-8"
    )
    run = roqa("pseudonymise", path, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").glob("*")))
    return text, " ".join(run.err.split())


def test_the_project_and_the_sources_name(tmp_path: Path) -> None:
    text, err = copies(tmp_path, "../raw/study.qdpx:p06")
    assert "[manager] said we could. [deputy] helped." in text, text
    assert "matched no transcript" not in err, err


def test_the_project_alone_names_each_of_its_sources(tmp_path: Path) -> None:
    text, _ = copies(tmp_path, "../raw/study.qdpx")
    assert "[manager] said we could. [deputy] helped." in text, text


def test_a_value_naming_no_file_is_warned_of(tmp_path: Path) -> None:
    text, err = copies(tmp_path, "../raw/p06.qdpx")
    assert "Mark said" in text
    assert (
        "key.csv: row 2: the transcript '../raw/p06.qdpx' of the pseudonym key names no file "
        "there from the key's folder, so its rows matched no transcript" in err
    ), err
