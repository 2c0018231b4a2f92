"""``roqa suggest FILE`` ranked the codes of the file's name ("quotes.txt": CI.E at 0.079,
procedural talk) with no word on how to code the file (newcomer, session 47). A text that is a
file, or is one word named as a transcript file is, is a one-line error saying how to code a
transcript (``roqa code``) or each line of a file (``roqa suggest - < FILE``), as ``--json
FILE`` already is; no model is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import assert_one_line_user_error, roqa


def hint(word: str) -> str:
    return (
        f"(to code a transcript: roqa code {word} --out coded/; to suggest codes for each line "
        f"of it: roqa suggest - < {word})"
    )


def test_an_existing_file_given_as_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("quotes.txt").write_text("We lack staff.\n", encoding="utf-8")
    run = roqa("suggest", "quotes.txt")
    assert_one_line_user_error(run)
    assert run.err.strip() == (
        "roqa: error: quotes.txt: is a file, and roqa suggest codes the text it is given "
        + hint("quotes.txt")
    )


def test_a_file_with_spaces_in_its_name_given_as_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("my quotes").write_text("We lack staff.\n", encoding="utf-8")
    run = roqa("suggest", "We lack staff.", "my quotes")
    assert run.err.strip() == (
        "roqa: error: my quotes: is a file, and roqa suggest codes the text it is given "
        + hint("'my quotes'")
    )


@pytest.mark.parametrize("word", ["p04_interview.docx", "P04.vtt", "Interview.PDF"])
def test_a_transcript_file_name_not_there(word: str, tmp_path: Path) -> None:
    run = roqa("suggest", str(tmp_path / word))
    assert run.err.strip() == (
        f"roqa: error: {tmp_path / word}: looks like a file name, and roqa suggest codes the "
        "text it is given " + hint(str(tmp_path / word))
    )


@pytest.mark.parametrize("text", ["Staff.", "We moved to Node.js", "e.g.", "see notes.txt please"])
def test_a_sentence_is_not_a_file_name(text: str) -> None:
    from roqa_nlp.cli._app import refuse_file_as_text

    refuse_file_as_text([text])  # no error


@pytest.mark.parametrize("word", ["interviews/", "interviews", "my interviews"])
def test_a_folder_given_as_the_text(
    word: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``roqa suggest examples/interviews/`` ranked the folder's path as talk, exit 0 (daily28,
    session 90): a folder is the file's mistake, refused with one line naming ``roqa code``."""
    from roqa_nlp.io import shell_quoted

    monkeypatch.chdir(tmp_path)
    Path(word.rstrip("/")).mkdir()
    run = roqa("suggest", word)
    assert_one_line_user_error(run)
    assert run.err.strip() == (
        f"roqa: error: {word}: is a folder, and roqa suggest codes the text it is given (to "
        f"code its transcripts: roqa code {shell_quoted(word)} --out coded/)"
    )


@pytest.mark.parametrize(
    "text", ["staff/managers agreed the rota", "and/or", "24/7 cover was hard"]
)
def test_a_sentence_with_a_slash_is_not_a_folder(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roqa_nlp.cli._app import refuse_file_as_text

    monkeypatch.chdir(tmp_path)
    Path("staff").mkdir()  # a folder the sentence's first word names
    refuse_file_as_text([text])  # no error


def test_a_sentence_with_a_slash_is_suggested(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("staff").mkdir()
    run = roqa("suggest", "staff/managers agreed the rota", "--json", "--model", tiny_model_dir)
    assert (run.code, run.err) == (0, "")
    assert '"text": "staff/managers agreed the rota"' in run.out
