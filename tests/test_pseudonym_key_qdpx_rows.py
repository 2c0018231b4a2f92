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


ROSE = {
    "p06": "Interviewer: What gets in the way?\nParticipant: Rose said we lacked staff.\n",
    "p07": "Interviewer: And what helped?\nParticipant: Rose backed us.\n",
}
PROJECT_ROW = "Rose,Amber,../raw/study.qdpx\n"
SOURCE_ROW = "Rose,Beryl,../raw/study.qdpx:p07\n"


def rose_copies(tmp_path: Path, rows: str) -> tuple[str, str, str]:
    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    path = project(raw, ROSE)
    (path.parent / "run").rename(tmp_path / "run_export")
    (tmp_path / "private").mkdir()
    key = tmp_path / "private" / "key.csv"
    key.write_text("name,pseudonym,transcript\n" + rows, encoding="utf-8")
    run = roqa("pseudonymise", path, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    (tmp_path / "err").write_text(run.err, "utf-8")
    p06, p07 = sorted((tmp_path / "out").glob("*"))
    return p06.read_text("utf-8"), p07.read_text("utf-8"), key.read_text("utf-8-sig")


def test_a_sources_own_row_wins_over_the_projects_and_reaches_no_other_source(
    tmp_path: Path,
) -> None:
    """Session 76 hunt H2 (q1, key.csv and key2.csv): one source's row was merged into the
    project's rows and the next source read them: p06 got p07's Beryl, or p07 its project's
    Amber, by the rows' order, unsaid. Either order: p07 is Beryl, p06 Amber."""
    for n, rows in enumerate([PROJECT_ROW + SOURCE_ROW, SOURCE_ROW + PROJECT_ROW]):
        p06, p07, key = rose_copies(tmp_path / str(n), rows)
        assert "[Amber] said we lacked staff." in p06, (rows, p06)
        assert "[Beryl] backed us." in p07, (rows, p07)
        assert key == "name,pseudonym,transcript\n" + rows  # no row added or moved


def test_a_row_added_for_one_source_reaches_no_other_source(tmp_path: Path) -> None:
    """Session 76 hunt H2, the rows a run adds: Kate interviews in p06 and is interviewed in
    p07, so p07 gets a row of its own for her; with a row for the project's path in the key,
    that row was put among the project's, and p06's interviewer became p07's participant."""
    raw = tmp_path / "raw"
    raw.mkdir()
    path = project(
        raw,
        {
            "p06": "Kate: How was it?\nP06: Mark said we could.\n",
            "p07": "Interviewer: How was it?\nKate: Mark helped me.\n",
        },
    )
    (path.parent / "run").rename(tmp_path / "run_export")
    (tmp_path / "private").mkdir()
    key = tmp_path / "private" / "key.csv"
    key.write_text(
        "name,pseudonym,transcript\nKate,Interviewer,\nMark,manager,../raw/study.qdpx\n",
        encoding="utf-8",
    )
    run = roqa("pseudonymise", path, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    p06, p07 = (p.read_text("utf-8") for p in sorted((tmp_path / "out").glob("*")))
    assert p06 == "Interviewer: How was it?\nP06: [manager] said we could.\n"
    assert p07 == "Interviewer: How was it?\nP07: [manager] helped me.\n"


def test_a_participant_numbered_by_a_lower_case_case_is_keyed_as_every_participant(
    tmp_path: Path,
) -> None:
    """Session 76 hfix1 (LOW): Kate, keyed as the interviewer and interviewed in the source
    p07 (its case 'p07', as the QDA project spells it), was given the pseudonym ``p07``, the
    case's name as written, not ``P07`` as every participant pseudonym is, p07.txt's too."""
    raw = tmp_path / "raw"
    raw.mkdir()
    path = project(raw, {"p07": "Interviewer: How was it?\nKate: Mark helped me.\n"})
    (path.parent / "run").rename(tmp_path / "run_export")
    (tmp_path / "private").mkdir()
    key = tmp_path / "private" / "key.csv"
    key.write_text("name,pseudonym,transcript\nKate,Interviewer,\nMark,manager,\n", "utf-8")
    run = roqa("pseudonymise", path, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    out = (tmp_path / "out" / "p07.txt").read_text("utf-8")
    assert out == "Interviewer: How was it?\nP07: [manager] helped me.\n"
    rows = key.read_text("utf-8-sig").splitlines()
    assert rows[:3] == ["name,pseudonym,transcript", "Kate,Interviewer,", "Mark,manager,"]
    assert [r.split(",")[:2] for r in rows[3:]] == [["Kate", "P07"]], rows
    assert "here they are P07, in a row for this transcript alone" in " ".join(run.err.split())


def test_a_value_holding_glob_characters_is_read_as_written(tmp_path: Path) -> None:
    """Session 76 hunt L1 (q2, keys/key9.csv): ``../raw/p**7`` stopped the run with an internal
    error (the value was a pattern to Path.glob), and ``../raw/p0[6]`` matched p06.txt as a
    pattern, so its row was not warned of. Both are values naming no file."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "p06.txt").write_text(ROSE["p06"], encoding="utf-8")
    (tmp_path / "private").mkdir()
    key = tmp_path / "private" / "key.csv"
    key.write_text(
        "name,pseudonym,transcript\nRose,Beryl,../raw/p**7\nRose,Amber,../raw/p0[6]\n",
        encoding="utf-8",
    )
    run = roqa("pseudonymise", raw, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    err = " ".join(run.err.split())
    for row, value in [(2, "../raw/p**7"), (3, "../raw/p0[6]")]:
        assert (
            f"key.csv: row {row}: the transcript '{value}' of the pseudonym key names no file "
            "there from the key's folder, so its rows matched no transcript" in err
        ), err


def test_a_value_naming_no_source_of_the_project_is_warned_of(tmp_path: Path) -> None:
    """Session 76 hunt L2 (q1, keys/key5.csv): ``../raw/study.qdpx:p7``, a typo for p07, matched
    nothing and was not warned of, as the project's file is there; Rose was then listed as not
    in the key though the key had her. The project's sources are named with the fix."""
    p06, p07, _ = rose_copies(tmp_path, "Rose,Beryl,../raw/study.qdpx:p7\n")
    assert "Rose backed us." in p07
    run_err = " ".join((tmp_path / "err").read_text("utf-8").split())
    assert (
        "key.csv: row 2: the transcript '../raw/study.qdpx:p7' of the pseudonym key names no "
        "source of that project (its sources: 'p06', 'p07'), so its rows matched no transcript: "
        "write the project's path, a colon and the source's name as the QDA program shows it"
    ) in run_err, run_err
