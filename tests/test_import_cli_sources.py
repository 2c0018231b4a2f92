"""Specification of ``roqa import`` on a project whose sources give no transcript, and of its
``--interviewer``/``--participant`` options.

A project whose every source is missing or unreadable is an error (exit 2, nothing written),
as the warnings on one such source already tell the fix; one missing source of several stays a
warning. A project whose interviewer no label names takes ``--interviewer NAME`` as ``roqa
code`` does, so its passages get their questions (s69 testers: no option, no fix).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from test_cli_agree import run
from test_refiqda import build_qdpx, project_xml

ALICE = "00000000-0000-4000-8000-0000000000aa"
STAFFING = "00000000-0000-4000-8000-000000000001"
TEXT = (
    "Sam Roe: Thanks for joining. How are staffing levels at the moment?\n"
    "Jane Doe: Honestly we lacked staff all winter, agency cover was hard to get.\n"
    "Sam Roe: And what helped with recovery-oriented practice?\n"
    "Jane Doe: The manager backed us and gave us time for training.\n"
)


def coded(start: int, end: int, user: str = ALICE) -> str:
    """A passage coded Staffing by ``user`` (Alice)."""
    return (
        f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
        f'endPosition="{end}"><Coding guid="{uuid.uuid4()}" creatingUser="{user}">'
        f'<CodeRef targetGUID="{STAFFING}"/></Coding></PlainTextSelection>'
    )


def source(n: int, inside: str = "") -> str:
    return (
        f'<TextSource guid="00000000-0000-4000-8000-00000000001{n}" name="rm0{n}" '
        f'plainTextPath="internal://rm0{n}.txt">{inside}</TextSource>'
    )


def two_sources(tmp_path: Path, members: dict[str, bytes]) -> Path:
    sources = source(1, coded(78, 144)) + source(2, coded(0, 5))
    return build_qdpx(tmp_path / "q.qdpx", project_xml(sources), members)


@pytest.mark.parametrize(
    "members",
    [{}, {"sources/rm01.txt": b"\xff\xfe\xfa", "sources/rm02.txt": b"   \n"}],
    ids=["not in the archive", "unreadable or empty"],
)
def test_a_project_whose_every_source_gives_no_text_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], members: dict[str, bytes]
) -> None:
    """Before: each source warned of, then "wrote o: 0 transcripts, ..., codings by none" and
    exit 0, an empty import for a researcher to find later."""
    path = two_sources(tmp_path, members)
    code, out, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 2
    assert not (tmp_path / "o").exists()
    assert out == ""
    lines = err.splitlines()
    assert all(line.startswith(f"roqa: warning: {path}: source 'rm0") for line in lines[:-1])
    assert lines[-1] == (
        f"roqa: error: {path}: none of its 2 sources has text to import (warned of above), so "
        "nothing was written (export the project again from the QDA program, with its sources "
        "in it)"
    )


def test_a_project_whose_one_source_gives_no_text_says_it_has_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qda2 tester, session 80, D6: the error read "its one source has text to import"."""
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(source(1, coded(0, 5))))
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        f"roqa: error: {path}: its one source has no text to import (warned of above), so "
        "nothing was written (export the project again from the QDA program, with its sources "
        "in it)"
    )


def test_one_source_missing_of_two_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = two_sources(tmp_path, {"sources/rm01.txt": TEXT.encode()})
    code, out, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert "source 'rm02' has no text: not imported" in err
    assert out.startswith(f"wrote {tmp_path / 'o'}: 1 transcripts,")


def test_a_project_with_no_sources_writes_its_codebook_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project of codes only (ATLAS.ti's exports of an empty project) is no broken file:
    its codebook is imported, and one line says there was nothing else."""
    path = build_qdpx(tmp_path / "q.qdpx", project_xml(""))
    code, out, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert (tmp_path / "o" / "codebook.json").is_file()
    assert err == (
        f"roqa: warning: {path}: the project holds no sources (documents), so only its "
        "codebook was imported (export the project again from the QDA program with its "
        "documents, to import transcripts and codings)\n"
    )


def names_project(tmp_path: Path) -> Path:
    start, end = TEXT.index("Honestly"), TEXT.index("get.") + 4
    return build_qdpx(
        tmp_path / "q.qdpx",
        project_xml(source(1, coded(start, end))),
        {"sources/rm01.txt": TEXT.encode()},
    )


def no_interviewer(path: Path) -> str:
    """The warning of ``roqa import`` and ``roqa agree`` on :data:`TEXT` in ``path`` as source
    'rm01', with no --interviewer."""
    return (
        f"roqa: warning: {path}: source 'rm01': no interviewer among the speakers 'Sam Roe', "
        "'Jane Doe', so every coded passage was read as participant talk, questions alone "
        "too, and none got the interviewer's question before it (name the interviewer with "
        "--interviewer NAME)\n"
    )


def imported_rows(folder: Path) -> list[dict]:
    lines = (folder / "codings" / "Alice" / "codings.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_import_names_the_interviewer_with_interviewer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: no --interviewer option. 'Sam Roe' was read as a participant, so the passage
    had no question, and nothing said so."""
    path = names_project(tmp_path)
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "a")], capsys)
    assert code == 0, err
    # what an import did, not roqa code's "so everyone's talk was coded" (s71: nothing is
    # coded by an import; its passages are read as participant talk, with no question)
    assert err == no_interviewer(path)
    (row,) = imported_rows(tmp_path / "a")
    assert row["context"] == ""

    code, _, err = run(
        ["import", str(path), "--out", str(tmp_path / "b"), "--interviewer", "Sam Roe"], capsys
    )
    assert code == 0, err
    assert "interviewer" not in err
    (row,) = imported_rows(tmp_path / "b")
    assert (row["speaker"], row["role"]) == ("Jane Doe", "participant")
    assert row["context"] == "Thanks for joining. How are staffing levels at the moment?"
    (t,) = [
        json.loads(line)
        for line in (tmp_path / "b" / "codings" / "Alice" / "transcripts.jsonl")
        .read_text("utf-8")
        .splitlines()
    ]
    assert [u["role"] for u in t["turns"]] == ["interviewer", "participant"] * 2


def test_import_participant_overrules_an_interviewer_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--participant as roqa code's: 'Host' is an interviewer label, here a participant."""
    text = "Interviewer: What helped?\nHost: The manager backed us.\n"
    path = build_qdpx(
        tmp_path / "q.qdpx",
        project_xml(source(1, coded(32, 52))),
        {"sources/rm01.txt": text.encode()},
    )
    code, _, err = run(
        ["import", str(path), "--out", str(tmp_path / "o"), "--participant", "Host"], capsys
    )
    assert code == 0, err
    (row,) = imported_rows(tmp_path / "o")
    assert (row["speaker"], row["role"], row["context"]) == ("Host", "participant", "What helped?")


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (
            ["--interviewer", "Sam Rowe"],
            "no speaker matched the interviewer label(s) 'Sam Rowe': the speakers are 'Sam Roe', "
            "'Jane Doe', so every coded passage was read as participant talk, questions alone "
            "too, and none got the interviewer's question before it (give --interviewer the "
            "interviewer's label as the transcript spells it)",
        ),
        (
            ["--interviewer", "Sam Roe", "--participant", "Jane Dough"],
            "no speaker matched the participant label(s) 'Jane Dough': the speakers are 'Sam "
            "Roe', 'Jane Doe' (give --participant the participant's label as the transcript "
            "spells it)",
        ),
    ],
    ids=["interviewer", "participant"],
)
def test_import_says_a_label_given_that_matches_no_speaker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    """As roqa code and roqa inspect say it of the same text in a .txt. Before (s71): the
    reader's record of the labels unmatched was dropped with the rest of its metadata, so a
    typo in --interviewer was said as though none were given, and one in --participant not at
    all."""
    path = names_project(tmp_path)
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "o"), *options], capsys)
    assert code == 0, err
    assert err == f"roqa: warning: {path}: source 'rm01': {said}\n"


def test_a_speaker_warning_names_the_source_as_the_project_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By the source's name in the QDA program, as the import's other warnings name it. Before
    (s71 hunt, R2): by the member file the project keeps its text in, a GUID the researcher
    cannot tell apart ('project.qdpx:sources/717ecb3a-....txt')."""
    start, end = TEXT.index("Honestly"), TEXT.index("get.") + 4
    sources = (
        '<TextSource guid="00000000-0000-4000-8000-000000000011" name="zoom_GMI_2020-07-14" '
        f'plainTextPath="internal://717ecb3a.txt">{coded(start, end)}</TextSource>'
    )
    path = build_qdpx(
        tmp_path / "q.qdpx", project_xml(sources), {"sources/717ecb3a.txt": TEXT.encode()}
    )
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert err.startswith(
        f"roqa: warning: {path}: source 'zoom_GMI_2020-07-14': no interviewer among the "
        "speakers 'Sam Roe', 'Jane Doe', so every coded passage"
    ), err
    assert "717ecb3a" not in err


def import_warnings(folder: Path) -> list[str]:
    return json.loads((folder / "import.json").read_text("utf-8"))["warnings"]


def test_import_json_holds_every_warning_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qda2 tester, session 80, D7: import.json's "warnings" was [] though the import warned
    of an interviewer named by no label, or of a project with no sources; each line is kept as
    printed, without the file named first (import.json names it)."""
    path = names_project(tmp_path)
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "a")], capsys)
    assert code == 0, err
    assert import_warnings(tmp_path / "a") == [
        no_interviewer(path).removeprefix(f"roqa: warning: {path}: ").rstrip("\n")
    ]
    empty = build_qdpx(tmp_path / "empty.qdpx", project_xml(""))
    code, _, err = run(["import", str(empty), "--out", str(tmp_path / "b")], capsys)
    assert code == 0, err
    assert import_warnings(tmp_path / "b") == [
        "the project holds no sources (documents), so only its codebook was imported (export "
        "the project again from the QDA program with its documents, to import transcripts and "
        "codings)"
    ]


def test_a_project_with_no_codes_and_no_sources_is_said_to_have_no_codebook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ATLAS.ti's blank project (no sources, no codes): no codebook.json of no codes is written,
    and neither the summary nor the warning says a codebook was imported (daily18, s86, D8:
    "only its codebook was imported", "codebook blank-atlas-project (0 codes)")."""
    blank = build_qdpx(tmp_path / "blank.qdpx", project_xml("", codes=""))
    code, out, err = run(["import", str(blank), "--out", str(tmp_path / "b")], capsys)
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["import.json"]
    assert out == (
        f"wrote {tmp_path / 'b'}: 0 transcripts, no codebook (the project has no codes), "
        "codings by none\n"
    )
    record = json.loads((tmp_path / "b" / "import.json").read_text("utf-8"))
    assert record["codebook"] is None
    assert record["warnings"] == [
        "the project holds no sources (documents) and no codes, so nothing was imported (export "
        "the project again from the QDA program with its documents, to import transcripts and "
        "codings)"
    ]


def test_import_json_warnings_do_not_name_the_file_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """qda2 tester, session 80, D7: a valence layout's warning was kept as
    "q.qdpx: the code tree puts valences at the top ...", the others with no file."""
    codes = (
        '<Code guid="00000000-0000-4000-8000-0000000000b1" name="Barriers" isCodable="true">'
        '<Code guid="00000000-0000-4000-8000-0000000000b2" name="Staffing" isCodable="true"/>'
        '</Code><Code guid="00000000-0000-4000-8000-0000000000c1" name="Topics" '
        'isCodable="true"><Code guid="00000000-0000-4000-8000-0000000000c2" name="Rota" '
        'isCodable="true"/></Code>'
    )
    sel = coded(78, 144).replace(STAFFING, "00000000-0000-4000-8000-0000000000b2")
    path = build_qdpx(
        tmp_path / "q.qdpx", project_xml(source(1, sel), codes), {"sources/rm01.txt": TEXT.encode()}
    )
    code, _, err = run(["import", str(path), "--out", str(tmp_path / "o")], capsys)
    assert code == 0, err
    assert f"roqa: warning: {path}: the code tree puts valences at the top (Barriers)" in err
    kept = import_warnings(tmp_path / "o")
    assert any(w.startswith("the code tree puts valences at the top (Barriers)") for w in kept)
    assert not any(w.startswith(("q.qdpx", str(path))) for w in kept)
