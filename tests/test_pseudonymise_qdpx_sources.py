"""``roqa pseudonymise`` of a QDA project names each source as the reader's warnings and errors
do, by its name in the QDA program (``study.qdpx: source 'p01'``), not by the member file the
project keeps its text in (``sources/ee771869-….txt``), which the researcher never sees: in its
errors, its warnings and those of the pseudonym key (s73 f_readers left them open; s74)."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.exchange import export_qdpx
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Transcript
from test_cli_core import roqa


def project(tmp_path: Path, sources: dict[str, str], *, participant: bool = True) -> Path:
    """A project roqa exported of ``sources`` (id -> text; each its participant's too unless not
    ``participant``)."""
    run = tmp_path / "run"
    CodingResult(
        segments=[],
        transcripts={
            k: Transcript(k, v, [], participant=k if participant else None)
            for k, v in sources.items()
        },
        meta={"model": {"hash": "abcd1234ef567890"}},
    ).save(run)
    path = tmp_path / "study.qdpx"
    export_qdpx(CodingResult.read(run), "cfir-2009", path)
    return path


def test_copies_of_one_name_in_another_case_name_the_sources(tmp_path: Path) -> None:
    path = project(
        tmp_path,
        {
            "P01": "Interviewer: What gets in the way?\nMaria Okafor: We lacked staff.\n",
            "p01": "Interviewer: And what helped?\nJane Doe: The manager backed us.\n",
        },
    )
    run = roqa("pseudonymise", path, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    assert run.code == 2, run.err
    err = " ".join(run.err.split())
    assert "sources/" not in err and ".txt and" not in err, err
    assert (
        f"whose file names differ only in case there ({path}: source 'P01' and {path}: "
        "source 'p01') (rename the source in the QDA program, or one of the files)"
    ) in err
    # the key's warning of the number the file's name gives names the source too
    assert f"roqa: warning: {path}: source 'P01': the file's name gives its participant" in err


def test_a_source_with_no_participant_turns_is_named_by_its_name(tmp_path: Path) -> None:
    path = project(tmp_path, {"rm01": "Interviewer: What gets in the way?\n"})
    run = roqa("pseudonymise", path, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    err = " ".join(run.err.split())
    assert f"roqa: warning: {path}: source 'rm01': no participant turns found" in err, err
    assert "sources/" not in err


def test_the_file_name_warning_of_a_listed_word_names_the_source(tmp_path: Path) -> None:
    text = (
        "Interviewer: Tell me about the house.\n"
        "Participant: At Oakfield we try to keep people connected. Our staff at Oakfield help.\n"
    )
    path = project(tmp_path, {"a_oakfield_zoom": text})
    run = roqa("pseudonymise", path, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    assert run.code == 0, run.err
    err = " ".join(run.err.split())
    # with the project, as the other messages name a source (s74 hunt2: the project was left out)
    assert (
        f"roqa: warning: {path}: source 'a_oakfield_zoom': the file name holds oakfield, which "
        "the talk writes as a name listed to check (Oakfield), and the outputs carry it: rename "
        "the source in the QDA program"
    ) in err, err
    assert "sources/" not in err


def test_an_export_error_names_a_projects_source_by_its_name(tmp_path: Path) -> None:
    """``roqa export`` of codings of a project's source: its error of text that is no Unicode
    named the member file (``study.qdpx:sources/16.txt``)."""
    import pytest

    from roqa_nlp.errors import RoqaError

    t = Transcript(
        "p01",
        "P01: bad \ud800 text\n",
        [],
        source="study.qdpx:sources/16.txt",
        metadata={"format": "qdpx", "refi_name": "p01"},
    )
    result = CodingResult(segments=[], transcripts={"p01": t}, meta={})
    with pytest.raises(RoqaError) as caught:
        export_qdpx(result, "cfir-2009", tmp_path / "out.qdpx")
    assert str(caught.value).startswith("study.qdpx: source 'p01': transcript 'p01' holds"), str(
        caught.value
    )


def test_the_source_a_member_was_keyed_from_is_named_by_its_name(tmp_path: Path) -> None:
    """A focus group's member interviewed alone later keeps the pseudonym the group gave them:
    the warning said ``keyed from 8d1f….txt``, the group's member file, not its source (s74)."""
    path = project(
        tmp_path,
        {
            "fg01": "Facilitator: Welcome, everyone.\n\nAda Lee: I'll start.\n\nBen Ode: Same "
            "here.\n\nGary Fletcher: Supervision helps most.\n",
            "Interview 03": "Interviewer: Good to see you again. Where did you learn most?\n\n"
            "Gary Fletcher: Supervision, mostly.\n",
        },
        participant=False,
    )
    run = roqa("pseudonymise", path, "--key", tmp_path / "k.csv", "--out", tmp_path / "o")
    assert run.code == 0, run.err
    err = " ".join(run.err.split())
    assert (
        f"roqa: warning: {path}: source 'Interview 03': the file's name gives its participant "
        f"the number P03, but they are P06, keyed from {path}: source 'fg01' as the same "
        "person, so the transcript's participant is P06"
    ) in err, err
    assert "sources/" not in err and ".txt as the same" not in err
