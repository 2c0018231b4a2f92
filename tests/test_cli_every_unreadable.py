"""Specification: every transcript of a folder that cannot be read is named in one run, one line
each (its own error, naming the file and the fix), then one line saying that the others were
not inspected (or coded) either; `roqa inspect` and `roqa code` exit 2 and nothing is coded.

s65 tester (big, finding 1): a folder holding an empty file, a PNG renamed .txt and a UTF-16
file without a byte-order mark took three fix-and-rerun rounds: each run named only the first,
and its "the other 5 transcripts" counted the two other broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcripts
from test_cli_core import roqa

GOOD = "Interviewer: What gets in the way?\nP0{n}: We never had the budget for agency staff.\n"


def study(tmp_path: Path, *, good: int = 2) -> Path:
    folder = tmp_path / "study"
    folder.mkdir()
    for n in range(1, good + 1):
        (folder / f"p0{n}.txt").write_text(GOOD.format(n=n), encoding="utf-8")
    (folder / "p70_empty.txt").write_bytes(b"")
    (folder / "p71_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(200)))
    (folder / "p72_utf16.txt").write_bytes(GOOD.format(n=2).encode("utf-16-le"))
    return folder


def each_error(folder: Path) -> list[str]:
    return [
        f"roqa: error: {folder / 'p70_empty.txt'}: no speech found (the file is empty: check "
        "that it is the right file)",
        f"roqa: error: {folder / 'p71_image.txt'}: is not a text file: it looks like a PNG "
        "image (give a text file: renaming a file does not convert it)",
        f"roqa: error: {folder / 'p72_utf16.txt'}: looks like UTF-16 text saved without a "
        "byte-order mark (re-save the file as UTF-8: in Notepad, File > Save As with Encoding "
        "UTF-8; in Word, Save As Plain Text with Unicode (UTF-8))",
    ]


@pytest.mark.parametrize("json", [[], ["--json"]], ids=["table", "json"])
def test_inspect_names_every_unreadable_transcript_of_a_folder(
    tmp_path: Path, json: list[str]
) -> None:
    folder = study(tmp_path)
    run = roqa("inspect", folder, *json)
    assert run.code == 2
    assert run.out == ""
    assert run.err.splitlines() == [
        *each_error(folder),
        "roqa: error: the 3 transcripts above cannot be read, so the other 2 were not "
        "inspected (fix these files or leave them out, and run again)",
    ]


def test_inspect_of_a_folder_of_which_no_transcript_can_be_read(tmp_path: Path) -> None:
    folder = study(tmp_path, good=0)
    run = roqa("inspect", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        *each_error(folder),
        "roqa: error: none of the 3 transcripts above can be read (fix them, and run again)",
    ]


def test_inspect_of_one_readable_and_two_unreadable_says_the_other_one(tmp_path: Path) -> None:
    folder = study(tmp_path, good=1)
    (folder / "p70_empty.txt").unlink()
    run = roqa("inspect", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        *each_error(folder)[1:],
        "roqa: error: the 2 transcripts above cannot be read, so the other one was not "
        "inspected (fix these files or leave them out, and run again)",
    ]


def test_inspect_of_one_unreadable_transcript_of_a_folder_is_said_as_before(
    tmp_path: Path,
) -> None:
    folder = study(tmp_path)
    (folder / "p71_image.txt").unlink()
    (folder / "p72_utf16.txt").unlink()
    run = roqa("inspect", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"roqa: error: {folder / 'p70_empty.txt'}: no speech found (the file is empty: check "
        "that it is the right file; the other 2 transcripts were not inspected: fix this file "
        "or leave it out, and run again)"
    ]


def test_read_transcripts_names_every_unreadable_file_in_one_line(tmp_path: Path) -> None:
    folder = study(tmp_path)
    with pytest.raises(RoqaError) as caught:
        read_transcripts(folder)
    said = [line.removeprefix("roqa: error: ") for line in each_error(folder)]
    assert str(caught.value) == (
        f"3 transcripts cannot be read: {'; '.join(said)} (fix these files or leave them out)"
    )
    assert [e.path for e in caught.value.errors] == [  # type: ignore[attr-defined]
        str(folder / name) for name in ("p70_empty.txt", "p71_image.txt", "p72_utf16.txt")
    ]


@pytest.mark.slow
@pytest.mark.parametrize("how", [["--no-report"], ["--stream"]], ids=["whole", "stream"])
def test_code_names_every_unreadable_transcript_and_codes_none(
    tmp_path: Path, tiny_model_dir: Path, how: list[str]
) -> None:
    folder = study(tmp_path)
    out = tmp_path / "coded"
    run = roqa("code", folder, "--out", out, "--model", tiny_model_dir, *how)
    assert run.code == 2
    assert run.err.splitlines()[-4:] == [
        *each_error(folder),
        "roqa: error: the 3 transcripts above cannot be read, so the other 2 were not coded "
        "(fix these files or leave them out, and run again)",
    ]
    assert not out.exists()


@pytest.mark.slow
def test_code_reads_every_transcript_before_embedding_any(
    tmp_path: Path, tiny_model: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files given one by one (as `roqa code` gives a folder's), the unreadable one last:
    nothing is embedded before it is found."""
    folder = study(tmp_path)
    files = [folder / name for name in ("p01.txt", "p02.txt", "p72_utf16.txt")]
    embedded: list[str] = []
    encode = tiny_model.embedder.encode  # type: ignore[attr-defined]

    def counted(texts: list[str], *args: object, **kwargs: object) -> object:
        embedded.extend(texts)
        return encode(texts, *args, **kwargs)

    monkeypatch.setattr(tiny_model.embedder, "encode", counted)  # type: ignore[attr-defined]
    with pytest.raises(RoqaError) as caught:
        tiny_model.code(files, batch_segments=1)  # type: ignore[attr-defined]
    assert caught.value.path == str(folder / "p72_utf16.txt")
    assert embedded == []


@pytest.mark.slow
def test_code_says_a_path_not_there_first_as_a_file_not_found(
    tmp_path: Path, tiny_model: object
) -> None:
    """Before: the first file in order that cannot be read; a mistyped path is a typo to fix
    first, and stays a FileNotFoundError however many files are broken."""
    folder = study(tmp_path)
    files = [folder / "p72_utf16.txt", folder / "p99.txt", folder / "p71_image.txt"]
    with pytest.raises(FileNotFoundError) as caught:
        tiny_model.code(files)  # type: ignore[attr-defined]
    assert str(caught.value).startswith(f"{folder / 'p99.txt'}: file or folder not found")


def test_several_unreadable_transcripts_are_a_value_error_as_one_is(tmp_path: Path) -> None:
    """Hunt s65 (h_inspect): docs/python.md says a file that cannot be read is a ValueError;
    two of them were a RoqaErrors that `except ValueError` did not catch."""
    folder = study(tmp_path)
    with pytest.raises(ValueError, match="3 transcripts cannot be read"):
        read_transcripts(folder)


def test_the_closing_line_counts_the_files_no_error_names(tmp_path: Path) -> None:
    """Hunt s65 (h_inspect, D1): the others were counted as the files less the errors, and an
    empty file given twice was said twice: "the other one was not inspected" of two others."""
    folder = study(tmp_path, good=2)
    empty = folder / "p70_empty.txt"
    image = folder / "p71_image.txt"
    run = roqa("inspect", empty, empty, image, folder / "p01.txt", folder / "p02.txt")
    assert run.code == 2
    lines = run.err.splitlines()
    assert sum("no speech found" in line for line in lines) == 1
    assert lines[-1] == (
        "roqa: error: the 2 transcripts above cannot be read, so the other 2 were not "
        "inspected (fix these files or leave them out, and run again)"
    )
