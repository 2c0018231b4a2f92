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


def test_files_given_twice_are_not_said_to_be_unreadable(tmp_path: Path) -> None:
    """Fixer s66 (unread, U1): files given twice were closed by "none of the 2 transcripts
    above can be read", though both were read."""
    folder = study(tmp_path, good=2)
    p01, p02 = folder / "p01.txt", folder / "p02.txt"
    run = roqa("inspect", p01, p01, p02, p02)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"roqa: error: {p01}: is given twice (give each transcript file once)",
        f"roqa: error: {p02}: is given twice (give each transcript file once)",
        "roqa: error: the 2 transcripts above cannot be used as given, so none was inspected "
        "(give each interview once under a name of its own, and run again)",
    ]
    with pytest.raises(ValueError) as caught:
        read_transcripts([p01, p01, p02, p02])
    assert str(caught.value) == (
        f"2 transcripts cannot be used as given: {p01}: is given twice (give each transcript "
        f"file once); {p02}: is given twice (give each transcript file once) (give each "
        "interview once under a name of its own)"
    )


def test_a_second_format_beside_an_unreadable_file_is_counted_apart(tmp_path: Path) -> None:
    """Fixer s66 (unread, U1): p01.vtt beside p01.txt was one of "the 2 transcripts above
    [that] cannot be read", though it was read."""
    folder = study(tmp_path, good=2)
    for name in ("p71_image.txt", "p72_utf16.txt"):
        (folder / name).unlink()
    (folder / "p01.vtt").write_text(  # p01.txt's answer: one interview in two formats
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v P01>We never had the budget for agency "
        "staff.\n",
        "utf-8",
    )
    run = roqa("inspect", folder)
    assert run.code == 2
    assert run.err.splitlines() == [
        f"roqa: error: {folder / 'p01.vtt'}: p01.txt and p01.vtt share the id 'p01' (if they "
        "hold one interview in two formats, keep one and move the other away; if they are two "
        "interviews, rename one)",
        f"roqa: error: {folder / 'p70_empty.txt'}: no speech found (the file is empty: check "
        "that it is the right file)",
        "roqa: error: of the 2 transcripts above, 1 cannot be read and 1 cannot be used as "
        "given, so the other 2 were not inspected (fix this file or leave it out, give "
        "each interview once under a name of its own, and run again)",
    ]


def two_folders(tmp_path: Path) -> list[Path]:
    """s2 (p01, p02, an empty file) and s1 (p01, p02 again, a PNG, a UTF-16 file)."""
    s2 = study(tmp_path, good=2)
    for name in ("p71_image.txt", "p72_utf16.txt"):
        (s2 / name).unlink()
    (tmp_path / "one").mkdir()
    s1 = study(tmp_path / "one", good=2)
    (s1 / "p70_empty.txt").unlink()
    return [s2, s1]


def test_the_study_pass_before_coding_names_every_error_read_transcripts_names(
    tmp_path: Path,
) -> None:
    """Fixer s66 (unread, U2): ac.code(["s2", "s1"]) read each folder alone, so a folder
    holding a broken file gave none of its transcripts, and s1's p01 and p02 (ids s2 has) were
    said only by the next run: 3 errors where read_transcripts names 5."""
    import warnings

    from roqa_nlp.autocoder import _study_pass
    from roqa_nlp.errors import RoqaErrors, RoqaWarning

    folders = two_folders(tmp_path)
    with pytest.raises(RoqaErrors) as read:
        read_transcripts(folders)
    with pytest.raises(RoqaErrors) as coded, warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        _study_pass(list(folders), None, None)
    s2, s1 = folders
    assert [e.path for e in coded.value.errors] == [
        str(s2 / "p70_empty.txt"),
        str(s1 / "p01.txt"),
        str(s1 / "p02.txt"),
        str(s1 / "p71_image.txt"),
        str(s1 / "p72_utf16.txt"),
    ]
    assert str(coded.value) == str(read.value)
    assert str(coded.value.closing) == (
        "3 transcripts cannot be read and 2 transcripts cannot be used as given (fix these "
        "files or leave them out, and give each interview once under a name of its own)"
    )


def test_pseudonymise_says_the_others_were_not_pseudonymised(tmp_path: Path) -> None:
    """Fixer s66 (unread, U3): its last line was "2 transcripts cannot be read (fix these
    files or leave them out)", not saying that the other files were not pseudonymised."""
    folder = study(tmp_path, good=2)
    (folder / "p72_utf16.txt").unlink()
    out, key = tmp_path / "pseudo", tmp_path / "key.csv"
    run = roqa("pseudonymise", folder, "--key", key, "--out", out)
    assert run.code == 2
    assert run.err.splitlines()[-3:] == [
        *each_error(folder)[:2],
        "roqa: error: the 2 transcripts above cannot be read, so the other 2 were not "
        "pseudonymised (fix these files or leave them out, and run again)",
    ]
    (folder / "p71_image.txt").unlink()
    run = roqa("pseudonymise", folder, "--key", key, "--out", out)
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {folder / 'p70_empty.txt'}: no speech found (the file is empty: check "
        "that it is the right file; the other 2 transcripts were not pseudonymised: fix this "
        "file or leave it out, and run again)"
    )


def qdpx_study(tmp_path: Path, projects: int) -> list[Path]:
    """q5/a.qdpx (p01, p02), then b.qdpx (p01, p03) and c.qdpx (p01, p04) as ``projects``
    asks: each a p01 that a.qdpx holds."""
    from test_output_file_names import qdpx_of

    folder = tmp_path / "q5"
    folder.mkdir()
    names = [["p01", "p02"], ["p01", "p03"], ["p01", "p04"]][:projects]
    return [qdpx_of(folder / f"{'abc'[i]}.qdpx", two) for i, two in enumerate(names)]


@pytest.mark.parametrize("projects", [2, 3])
def test_the_transcripts_of_a_qdpx_that_cannot_be_used_say_the_others_were_not_coded(
    tmp_path: Path, projects: int
) -> None:
    """Fixer s66 (unread, U3): as `roqa code` reads a study before coding it (no model is
    needed to find these): an error naming a project's source (q5/b.qdpx:sources/16.txt) was
    not one of the files given, so none said that the others were not coded."""
    import warnings

    from roqa_nlp.autocoder import _study_pass
    from roqa_nlp.cli.code_cmd import stopped_for_one
    from roqa_nlp.errors import RoqaErrors, RoqaWarning

    files = qdpx_study(tmp_path, projects)
    with pytest.raises(RoqaError) as caught, warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        with stopped_for_one(files, "coded"):
            _study_pass(list(files), None, None)
    shared = (
        "two transcripts share the id 'p01' (rename the source in the QDA program, or one of "
        "the files, so every transcript has its own name"
    )
    # each source by its name in the QDA program, as the warnings name it (s73), not the member
    # file the project keeps its text in (q5/b.qdpx:sources/16.txt)
    if projects == 2:
        assert str(caught.value) == (
            f"{files[1]}: source 'p01': {shared}; the other file was not coded)"
        )
        return
    assert isinstance(caught.value, RoqaErrors)
    assert [str(e) for e in caught.value.lines()] == [
        f"{files[1]}: source 'p01': {shared})",
        f"{files[2]}: source 'p01': {shared})",
        "the 2 transcripts above cannot be used as given, so the other file was not coded "
        "(give each interview once under a name of its own, and run again)",
    ]


@pytest.mark.slow
def test_code_of_qdpx_projects_sharing_an_id_says_the_others_were_not_coded(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Fixer s66 (unread, U3): `roqa code q5` closed with "2 transcripts cannot be read (fix
    these files or leave them out)", though both were read and the third project not coded."""
    files = qdpx_study(tmp_path, 3)
    out = tmp_path / "coded"
    run = roqa("code", files[0].parent, "--out", out, "--model", tiny_model_dir, "--no-report")
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        "roqa: error: the 2 transcripts above cannot be used as given, so the other file was "
        "not coded (give each interview once under a name of its own, and run again)"
    )
    assert not out.exists()


def test_one_of_each_kind_is_said_in_the_singular(tmp_path: Path) -> None:
    """Hunt s66 (h_unread R1): "1 transcripts cannot be read and 1 transcripts cannot be used
    as given"."""
    (tmp_path / "a.txt").write_text("Interviewer: Why?\nP01: No staff.\n", "utf-8")
    (tmp_path / "e.txt").write_text("", "utf-8")
    with pytest.raises(RoqaError) as caught:
        read_transcripts([tmp_path / "a.txt", tmp_path / "a.txt", tmp_path / "e.txt"])
    assert str(caught.value).startswith(
        "1 transcript cannot be read and 1 transcript cannot be used as given: "
    )
    # the one that cannot be read is "this file" (hunt s66 h_final)
    assert str(caught.value).endswith(
        "(fix this file or leave it out, and give each interview once under a name of its own)"
    )


def test_a_file_given_twice_is_not_counted_among_the_others(tmp_path: Path) -> None:
    """Hunt s66 (h_unread D2, R2): `inspect e.txt e.txt a.txt` said "the other 2 transcripts
    were not inspected" (only a.txt is other), and a file given twice with none other was told
    that "the other transcript was not inspected: fix this file or leave it out"."""
    (tmp_path / "a.txt").write_text("Interviewer: Why?\nP01: No staff.\n", "utf-8")
    (tmp_path / "e.txt").write_text("", "utf-8")
    a, e = tmp_path / "a.txt", tmp_path / "e.txt"
    assert roqa("inspect", e, e, a).err.splitlines()[-1] == (
        f"roqa: error: {e}: no speech found (the file is empty: check that it is the right "
        "file; the other transcript was not inspected: fix this file or leave it out, and run "
        "again)"
    )
    run = roqa("inspect", a, a)
    assert (run.code, run.err.splitlines()) == (
        2,
        [f"roqa: error: {a}: is given twice (give each transcript file once)"],
    )
