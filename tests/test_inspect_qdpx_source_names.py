"""``roqa inspect project.qdpx`` names each source as ``roqa import`` does, by its name in the
QDA program (``project.qdpx: source 'rm01'``: :func:`~roqa_nlp.exchange.qdpx_import.said_as`),
in its heading, its ``--json`` ``source`` and its "check:" lines; it named the member file the
project keeps the text in (``project.qdpx:sources/2c147f00-….txt``), which the researcher never
sees in the QDA program (s72 ids 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.exchange import export_qdpx
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_core import roqa

TEXT = (
    "Sam Roe: What gets in the way?\n"
    "Jane Doe: Honestly we lacked staff all winter, agency cover was hard to get.\n"
    "Sam Roe: And what helped?\n"
    "Jane Doe: The manager backed us and gave us time for training.\n"
)


def exported(tmp_path: Path) -> Path:
    """A project roqa exported of one transcript, ``rm01``, whose interviewer no label names."""
    quote = "Honestly we lacked staff all winter, agency cover was hard to get."
    s = TEXT.index(quote)
    seg = Segment("rm01:0001", "rm01", "RM01", "participant", s, s + len(quote), quote)
    run = tmp_path / "run"
    CodingResult(
        segments=[SegmentResult(seg, [Suggestion("IS.C", "Culture", "IS", 0.9, "barrier")])],
        transcripts={"rm01": Transcript("rm01", TEXT, [], participant="RM01")},
        meta={"model": {"hash": "abcd1234ef567890"}},
    ).save(run)
    project = tmp_path / "study.qdpx"
    export_qdpx(CodingResult.read(run), "cfir-2009", project)
    return project


def test_inspect_names_a_projects_source_by_its_name(tmp_path: Path) -> None:
    project = exported(tmp_path)
    run = roqa("inspect", project)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == f"rm01 (case RM01): {project}: source 'rm01', qdpx"
    said = " ".join(run.out.split())
    assert f"check: {project}: source 'rm01': no interviewer among the speakers" in said
    assert "sources/" not in run.out

    got = json.loads(roqa("inspect", project, "--json").out)
    assert got[0]["source"] == f"{project}: source 'rm01'"
    assert got[0]["warning"].startswith(f"{project}: source 'rm01': no interviewer among")


def test_inspect_names_a_file_beside_the_project_by_its_path_still(tmp_path: Path) -> None:
    call = tmp_path / "rm02.txt"
    call.write_text(TEXT, encoding="utf-8")
    got = json.loads(roqa("inspect", call, "--json").out)
    assert got[0]["source"] == str(call)


def test_a_source_named_by_a_speaker_is_renamed_in_the_qda_program(tmp_path: Path) -> None:
    """A source whose name holds a speaker's name is to be renamed in the QDA program: the
    fix named the member's suffix (``p07.txt``), and by the source's name ``p07.qdpx: source
    'jane_doe'``."""
    text = "Interviewer: What gets in the way?\nJane Doe: Honestly we lacked staff all winter.\n"
    run = tmp_path / "run"
    CodingResult(
        segments=[],
        transcripts={"jane_doe": Transcript("jane_doe", text, [], participant="jane_doe")},
        meta={"model": {"hash": "abcd1234ef567890"}},
    ).save(run)
    project = tmp_path / "study.qdpx"
    export_qdpx(CodingResult.read(run), "cfir-2009", project)
    got = json.loads(roqa("inspect", project, "--json").out)
    assert got[0]["name_in_file"] == (
        f"{project}: source 'jane_doe': the file's name holds a speaker's name (Jane, Doe), and "
        "the outputs name the transcript by it (its case, segment ids, the report): rename the "
        "source in the QDA program by the participant's number (e.g. p07) or code with "
        "--pseudonymise KEY.csv"
    )


def test_coding_a_project_warns_of_its_source_by_its_name(tmp_path: Path) -> None:
    """The warnings of reading a project to code it (``roqa code project.qdpx``, whose engines
    and :func:`~roqa_nlp.transcripts.read_transcripts` warn through
    :func:`~roqa_nlp.transcripts.language.warn_of_reading`) name its source as ``roqa inspect``
    and ``roqa import`` do, not by its member file (s72 hunt merged, L3)."""
    import warnings

    from roqa_nlp.transcripts import read_transcripts

    project = exported(tmp_path)
    with warnings.catch_warnings(record=True) as held:
        warnings.simplefilter("always")
        read_transcripts([project])
    said = [str(w.message) for w in held]
    assert any(s.startswith(f"{project}: source 'rm01': no interviewer among") for s in said)
    assert not any("sources/" in s for s in said), said


def test_errors_of_a_projects_source_name_it_as_its_warnings_do(tmp_path: Path) -> None:
    """Two projects holding one source (two coders' NVivo exports in one folder), or a project
    and a file of one name: ``roqa inspect``'s and ``read_transcripts``'s errors name the
    source as the warnings do (``b.qdpx: source 'p01'``), not the project alone nor its member
    file, and say to rename it in the QDA program (s73)."""
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.transcripts import read_transcripts
    from test_cli_every_unreadable import qdpx_study

    files = qdpx_study(tmp_path, 2)
    (files[0].parent / "p02.txt").write_text(TEXT, encoding="utf-8")
    run = roqa("inspect", files[0].parent)
    said = [line for line in run.err.splitlines() if "share the id" in line]
    assert said == [
        f"roqa: error: {files[1]}: source 'p01': two transcripts share the id 'p01' (rename "
        "the source in the QDA program, or one of the files, so every transcript has its own "
        "name)",
        f"roqa: error: {files[0].parent / 'p02.txt'}: two transcripts share the id 'p02' "
        "(rename the source in the QDA program, or one of the files, so every transcript has "
        "its own name)",
    ]
    with pytest.raises(RoqaError) as caught:
        read_transcripts([files[0].parent])
    assert f"{files[1]}: source 'p01': two transcripts share" in str(caught.value)
    assert "sources/" not in str(caught.value)
