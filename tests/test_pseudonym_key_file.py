"""Specification of the pseudonym key as a file (``PseudonymKey.write``, ``roqa pseudonymise
--key``, ``roqa code --pseudonymise``): the key is the way back to the real names, so it is the
owner's alone on disk, and a key path that finds no file is said to start a new key."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import PseudonymKey
from test_cli_core import roqa

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture()
def usual_umask() -> Iterator[None]:
    """The umask of most accounts (022), under which a plain new file is world-readable."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def study(tmp_path: Path, *people: str) -> Path:
    """A folder of one transcript per participant: ``pNN_interview.txt``, Sam Roe asking."""
    folder = tmp_path / "interviews"
    folder.mkdir(exist_ok=True)
    for i, person in enumerate(people, 1):
        (folder / f"p{i:02d}_interview.txt").write_text(
            f"Sam Roe: What helps?\n{person}: The team does.\n", encoding="utf-8"
        )
    return folder


def test_a_new_key_is_written_for_its_owner_alone(tmp_path: Path, usual_umask: None) -> None:
    """Under umask 022 the key (real name -> pseudonym) was written 0644: readable by every
    account of the machine (tester s37 privacy, 4)."""
    path = tmp_path / "key.csv"
    PseudonymKey({"Maria Okafor": "P07"}).write(path)
    assert mode(path) == 0o600


@pytest.mark.parametrize(
    ("before", "after"),
    [(0o600, 0o600), (0o640, 0o600), (0o400, 0o400)],
    ids=["0600", "0640", "0400"],
)
def test_a_key_written_again_is_never_wider_than_it_was_nor_than_0600(
    tmp_path: Path, usual_umask: None, before: int, after: int
) -> None:
    """A key the researcher had chmod 600'd became 0644 when a run added a speaker: the
    temporary file renamed over it took the umask's mode (tester s37 privacy, 4)."""
    path = tmp_path / "key.csv"
    PseudonymKey({"Maria Okafor": "P07"}).write(path)
    path.chmod(before)
    PseudonymKey({"Maria Okafor": "P07", "Lucy Brown": "P12"}).write(path)
    assert mode(path) == after
    assert PseudonymKey.read(path).pseudonyms == {"Maria Okafor": "P07", "Lucy Brown": "P12"}


def test_roqa_pseudonymise_adding_a_speaker_keeps_the_key_private(
    tmp_path: Path, usual_umask: None
) -> None:
    key = tmp_path / "private" / "key.csv"
    key.parent.mkdir()
    key.write_text("name,pseudonym\nMaria Okafor,P01\n", encoding="utf-8")
    key.chmod(0o600)
    run = roqa(
        "pseudonymise", study(tmp_path, "Maria Okafor", "Lucy Brown"), "--key", key,
        "--out", tmp_path / "shared", "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert PseudonymKey.read(key).pseudonyms == {
        "Maria Okafor": "P01",
        "Sam Roe": "Interviewer",
        "Lucy Brown": "P02",
    }
    assert mode(key) == 0o600
    # the pseudonymised copies are to share: they keep the usual mode
    assert mode(tmp_path / "shared" / "p02_interview.txt") == 0o644


def test_roqa_pseudonymise_writes_a_new_key_private(tmp_path: Path, usual_umask: None) -> None:
    key = tmp_path / "private" / "key.csv"
    run = roqa(
        "pseudonymise", study(tmp_path, "Maria Okafor"), "--key", key,
        "--out", tmp_path / "shared", "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert mode(key) == 0o600


@pytest.mark.slow
def test_roqa_code_adding_a_speaker_keeps_the_key_private(
    tmp_path: Path, tiny_model_dir: Path, usual_umask: None
) -> None:
    key = tmp_path / "private" / "key.csv"
    key.parent.mkdir()
    key.write_text("name,pseudonym\nMaria Okafor,P01\n", encoding="utf-8")
    key.chmod(0o600)
    run = roqa(
        "code", study(tmp_path, "Maria Okafor", "Lucy Brown"), "--out", tmp_path / "coded",
        "--model", tiny_model_dir, "--interviewer", "Sam Roe", "--pseudonymise", key,
        "--no-report",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert PseudonymKey.read(key).get("Lucy Brown") == "P02"
    assert mode(key) == 0o600


NEW_KEY = (
    "roqa: warning: {key}: no pseudonym key there, so a new one is started: if this study "
    "already has a key, give its path with {option} and run again (a new key numbers people "
    "afresh, and its pseudonyms would be those of other participants)\n"
)


def test_a_key_path_that_finds_no_file_is_said_to_start_a_new_key(tmp_path: Path) -> None:
    """A mistyped key path was made anew, saying only '3 new name(s) added': Maria Okafor
    became P01, another participant's pseudonym in the study's first batch (tester s37
    privacy, 5). A first run starts its key so: a warning, not an error."""
    typo = tmp_path / "private" / "key_typo.csv"
    run = roqa(
        "pseudonymise", study(tmp_path, "Maria Okafor", "Lucy Brown"), "--key", typo,
        "--out", tmp_path / "shared", "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err == NEW_KEY.format(key=typo, option="--key")
    said = " ".join(run.out.split())
    assert (
        "Pseudonyms: 4 name(s) replaced in the transcripts' text, labels included; new key "
        f"{typo} started with 3 name(s); keep it apart from the outputs, it re-identifies them."
    ) in said
    assert "added" not in said
    assert PseudonymKey.read(typo).pseudonyms == {
        "Sam Roe": "Interviewer",
        "Maria Okafor": "P01",
        "Lucy Brown": "P02",
    }


def test_names_added_to_a_key_that_exists_are_told_apart_from_a_new_key(tmp_path: Path) -> None:
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nSam Roe,Interviewer\nMaria Okafor,P01\n", encoding="utf-8")
    run = roqa(
        "pseudonymise", study(tmp_path, "Maria Okafor", "Lucy Brown"), "--key", key,
        "--out", tmp_path / "shared", "--interviewer", "Sam Roe",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err == ""
    said = " ".join(run.out.split())
    assert f"1 new name(s) added to {key} (3 in all)" in said
    assert "new key" not in said


def test_roqa_code_says_the_key_is_new_before_coding(tmp_path: Path) -> None:
    """Said when the key is read, before the model loads: a long run can be stopped at once.
    (The unit given is no unit: the run stops there, after the warning.)"""
    typo = tmp_path / "key_typo.csv"
    run = roqa(
        "code", study(tmp_path, "Maria Okafor"), "--out", tmp_path / "coded",
        "--unit", "chapter", "--pseudonymise", typo,
    )  # fmt: skip
    assert run.code == 2
    assert run.err.startswith(NEW_KEY.format(key=typo, option="--pseudonymise"))
    assert not typo.exists()


def test_reading_a_key_path_that_finds_no_file_from_python_warns_of_a_new_key(
    tmp_path: Path,
) -> None:
    import warnings

    from roqa_nlp.errors import RoqaWarning

    path = tmp_path / "privat" / "key.csv"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        key = PseudonymKey.read(path)
    assert (len(key), [w.category for w in caught]) == (0, [RoqaWarning])
    assert str(caught[0].message) == (
        f"{path}: no pseudonym key there, so a new one is started: if this study already has a "
        "key, give its path (a new key numbers people afresh, and its pseudonyms would be those "
        "of other participants); PseudonymKey.read(path, new=True) starts one without this "
        "warning"
    )
    assert caught[0].filename == __file__  # the line that called read()


def test_a_new_key_meant_is_read_without_a_warning(tmp_path: Path) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(PseudonymKey.read(tmp_path / "key.csv", new=True)) == 0


def test_reading_a_key_from_a_number_is_a_one_line_type_error() -> None:
    with pytest.raises(TypeError) as caught:
        PseudonymKey.read(123)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "PseudonymKey.read() takes the key file's path, not an int "
        "(e.g. PseudonymKey.read('private/key.csv'))"
    )


@pytest.mark.parametrize("where", [".", "private"], ids=["beside", "below"])
def test_python_refuses_to_write_the_key_among_the_codings_as_the_cli_does(
    tmp_path: Path, where: str
) -> None:
    """``key.write("py_out/key.csv")`` beside the codings ``res.save("py_out/")`` wrote gave the
    shared folder the way back to the names, where ``roqa code`` refuses it (tester s51
    privacy, 10)."""
    from roqa_nlp.errors import RoqaValueError

    out = tmp_path / "py_out"
    (out / "private").mkdir(parents=True)
    (out / "codings.jsonl").write_text("", encoding="utf-8")
    path = out / where / "key.csv"
    with pytest.raises(RoqaValueError) as e:
        PseudonymKey({"Maria Okafor": "P07"}).write(path)
    assert str(e.value) == (
        f"{path}: is in {out}, a folder of codings roqa wrote (codings.jsonl), which is what "
        "gets shared, and the key re-identifies them (keep the key in another folder)"
    )
    assert not path.exists()


def test_roqa_code_refuses_a_key_in_another_folder_of_codings_before_coding(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    earlier = tmp_path / "coded_before"
    earlier.mkdir()
    (earlier / "codings.jsonl").write_text("", encoding="utf-8")
    key = earlier / "key.csv"
    run = roqa(
        "code", study(tmp_path, "Maria Okafor"), "--out", tmp_path / "coded",
        "--model", tiny_model_dir, "--interviewer", "Sam Roe", "--pseudonymise", key,
    )  # fmt: skip
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {key}: is in {earlier}, a folder of codings roqa wrote (codings.jsonl), "
        "which is what gets shared, and the key re-identifies them (keep the key in another "
        "folder)\n"
    )
    assert not (tmp_path / "coded").exists()


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_key_written_again_keeps_its_own_byte_order_mark_or_none(
    tmp_path: Path, bom: bytes
) -> None:
    """Re-test s52 reprivacy, 12: a key saved without a byte order mark gained one when roqa
    added a speaker, so every line-by-line diff of the key showed its header changed. The key
    keeps the file's own choice; a new key is written with one, for Excel."""
    path = tmp_path / "key.csv"
    path.write_bytes(bom + b"name,pseudonym\nMaria Okafor,P01\n")
    key = PseudonymKey.read(path)
    key.add("Tom Hale", "P02")
    key.write(path)
    assert path.read_bytes() == bom + b"name,pseudonym\nMaria Okafor,P01\nTom Hale,P02\n"
    new = tmp_path / "new.csv"
    PseudonymKey.read(new, new=True).write(new)
    assert new.read_bytes() == b"\xef\xbb\xbfname,pseudonym\n"
