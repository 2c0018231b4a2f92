"""A file given that is of the wrong kind, damaged or empty is a ValueError, as docs/python.md
"Errors" says (api tester, session 91: a fake or damaged .docx or .qdpx raised a bare
RoqaError, which ``except ValueError`` missed, while a fake .xlsx was a ValueError); one that is
not there is a FileNotFoundError. The messages are the ones said before, and ``roqa`` still
prints them on one line and exits with status 2."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp import CodingResult, load_codebook, read_transcript, read_transcripts
from roqa_nlp.errors import RoqaError, RoqaFileNotFoundError, RoqaValueError
from roqa_nlp.exchange import read_qdpx_codings, read_qdpx_transcripts
from roqa_nlp.record_files import read_records

PLAIN = b"Interviewer: How did it go?\nP01: Well, we had the time we needed.\n"
#: a zip's local header and then no zip: a download cut short
CUT_ZIP = b"PK\x03\x04" + b"\x00cut" * 20
BINARY = bytes(range(256)) * 4


def _zip_of_another_kind() -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes.txt", "not a document")
    return buf.getvalue()


KINDS: dict[str, bytes | None] = {
    "folder": None,
    "empty": b"",
    "plain text": PLAIN,
    "binary": BINARY,
    "cut zip": CUT_ZIP,
    "other zip": _zip_of_another_kind(),
}

READERS: dict[str, tuple[Callable[[Path], Any], tuple[str, ...]]] = {
    "read_transcript": (
        read_transcript,
        (".txt", ".docx", ".odt", ".pdf", ".rtf", ".csv", ".xlsx", ".vtt", ".srt", ".json"),
    ),
    "read_transcripts": (lambda p: read_transcripts([p]), (".docx", ".qdpx")),
    "read_qdpx_codings": (read_qdpx_codings, (".qdpx",)),
    "read_qdpx_transcripts": (read_qdpx_transcripts, (".qdpx",)),
    "CodingResult.read": (CodingResult.read, (".jsonl",)),
    "load_codebook": (load_codebook, (".json",)),
    "read_records": (read_records, (".jsonl", ".csv", ".xlsx")),
}
CASES = [
    (reader, suffix, kind)
    for reader, (_, suffixes) in READERS.items()
    for suffix in suffixes
    for kind in KINDS
    # what these read: a plain-text file of their own suffix may well be one
    if not (kind == "plain text" and suffix in (".txt", ".csv", ".jsonl", ".json"))
    and not (kind == "empty" and reader in ("CodingResult.read", "read_records"))
]


def _bad_file(tmp_path: Path, suffix: str, kind: str) -> Path:
    p = tmp_path / f"p01{suffix}"
    data = KINDS[kind]
    if data is None:
        p.mkdir()
    else:
        p.write_bytes(data)
    return p


@pytest.mark.parametrize(("reader", "suffix", "kind"), CASES)
def test_a_bad_file_is_a_value_error(tmp_path: Path, reader: str, suffix: str, kind: str) -> None:
    with pytest.raises(RoqaError) as exc:
        READERS[reader][0](_bad_file(tmp_path, suffix, kind))
    assert isinstance(exc.value, ValueError), f"{type(exc.value).__name__}: {exc.value}"
    assert not isinstance(exc.value, FileNotFoundError)


@pytest.mark.parametrize(
    ("reader", "suffix"),
    # load_codebook("nothere.json") is an unknown codebook, a ValueError (docs/python.md)
    [(r, s) for r, (_, suffixes) in READERS.items() for s in suffixes if r != "load_codebook"],
)
def test_a_file_not_there_is_a_file_not_found_error(
    tmp_path: Path, reader: str, suffix: str
) -> None:
    with pytest.raises(RoqaFileNotFoundError):
        READERS[reader][0](tmp_path / f"nothere{suffix}")


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "fake.qdpx",
            PLAIN,
            "is not a zip archive (a .qdpx file is a zip) (export the project again from your "
            "QDA program as REFI-QDA (.qdpx))",
        ),
        (
            "broken.qdpx",
            CUT_ZIP,
            "is an incomplete or damaged zip archive (a download or copy cut short?) (copy or "
            "download it again, or export the project again from your QDA program)",
        ),
        (
            "fake.docx",
            PLAIN,
            "is plain text, not a Word .docx file (rename it to end in .txt, e.g. fake.txt, "
            "and give that)",
        ),
        (
            "broken.docx",
            CUT_ZIP,
            "is not a readable Word .docx file (open it in Word and save it as .docx, or "
            "export it as .txt)",
        ),
    ],
    ids=["fake.qdpx", "broken.qdpx", "fake.docx", "broken.docx"],
)
def test_the_testers_files_are_value_errors_said_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, said: str
) -> None:
    from roqa_nlp.cli import main

    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(RoqaValueError) as exc:
        read_transcripts([p])
    assert str(exc.value) == f"{p}: {said}"
    capsys.readouterr()
    with pytest.raises(SystemExit) as ended:
        main(["inspect", str(p)])
    assert ended.value.code == 2
    assert capsys.readouterr().err == f"roqa: error: {p}: {said}\n"


@pytest.mark.parametrize("kind", ["folder", "empty", "plain text"])
def test_a_bad_pseudonym_key_is_a_value_error(tmp_path: Path, kind: str) -> None:
    """hunt4 (s91): a pseudonym key that is a folder or has no name,pseudonym columns (a 0-byte
    file, a transcript) was a bare RoqaError; the message is the one said before."""
    from roqa_nlp import PseudonymKey

    path = tmp_path / "key.csv"
    content = KINDS[kind]
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    said = "is a folder, not a pseudonym key" if kind == "folder" else "not a pseudonym key"
    with pytest.raises(RoqaValueError, match=said):
        PseudonymKey.read(path)


def test_a_damaged_model_card_is_a_value_error(tmp_path: Path) -> None:
    """hunt4 (s91): AutoCoder.load of a model whose model_card.json is not JSON was a bare
    RoqaError ("the model card is not valid")."""
    import shutil

    from roqa_nlp import AutoCoder

    model = tmp_path / "model"
    shutil.copytree(Path(__file__).parents[1] / "models" / "default", model)
    (model / "model_card.json").write_text('{"x":', encoding="utf-8")
    with pytest.raises(RoqaValueError, match="the model card is not valid"):
        AutoCoder.load(model)
