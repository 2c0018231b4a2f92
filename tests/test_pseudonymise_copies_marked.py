"""The copies ``roqa pseudonymise`` writes are read as pseudonymised transcripts.

Session 79 hunt5 F2: the copies coded into the folder of a report that was not pseudonymised
made a report not marked pseudonymised, so the page took the plain review the browser kept
there notes and all (tests/test_report_browser.py checks the page). ``roqa pseudonymise``
records the SHA-256 of each copy in the per-user cache (the session's, conftest.py); a
transcript read from a file of those bytes is marked ``metadata["pseudonymised"]`` as
``roqa code --pseudonymise`` marks it.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from roqa_nlp.io import sha256_file
from roqa_nlp.pseudonymised_copies import record_path
from roqa_nlp.transcripts import read_transcripts
from test_cli_core import roqa


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory, with ``study``'s two transcripts pseudonymised into ``ps``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # a record of its own
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "p01.txt").write_text(
        "Interviewer: How is it, Ann?\nAnn Lee: It works, Sam.\n", encoding="utf-8"
    )
    (tmp_path / "study" / "p02.txt").write_text(
        "Interviewer: How is it?\nBen Ray: It works here.\n", encoding="utf-8"
    )
    run = roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps")
    assert run.code == 0, run.err
    return tmp_path / "ps"


def _marked(folder: Path) -> dict[str, bool]:
    return {
        t.id: t.metadata.get("pseudonymised") is True
        for t in read_transcripts(folder, interviewer_labels=["Interviewer"])
    }


def test_pseudonymise_records_each_copy_by_its_bytes_in_the_user_cache(copies: Path) -> None:
    # nothing beside the copies in the folder to share
    assert sorted(p.name for p in copies.iterdir()) == ["p01.txt", "p02.txt"]
    assert (copies / "p01.txt").read_text(encoding="utf-8") == (
        "Interviewer: How is it, [P01]?\nP01: It works, Sam.\n"
    )
    assert record_path() == copies.parent / "user-cache" / "roqa_nlp" / "pseudonymised_copies.json"
    assert json.loads(record_path().read_text(encoding="utf-8")) == {
        "kind": "roqa pseudonymised copies",
        "sha256": sorted(sha256_file(copies / n) for n in ("p01.txt", "p02.txt")),
    }


def test_the_copies_are_read_as_pseudonymised_and_the_originals_are_not(copies: Path) -> None:
    assert _marked(copies) == {"p01": True, "p02": True}
    assert _marked(copies.parent / "study") == {"p01": False, "p02": False}


def test_a_copy_of_the_same_bytes_as_its_transcript_is_not_recorded(copies: Path) -> None:
    """Nothing was replaced: recorded, it would mark the original, a plain report's transcript,
    pseudonymised, and the page would leave out the notes of its own review."""
    (copies.parent / "same").mkdir()
    (copies.parent / "same" / "p03.txt").write_text(
        "Interviewer: How is it?\nP03: Fine.\n", encoding="utf-8"
    )
    before = record_path().read_bytes()
    run = roqa("pseudonymise", "same", "--key", "key.csv", "--out", "ps3")
    assert run.code == 0, run.err
    assert (copies.parent / "ps3" / "p03.txt").read_bytes() == (
        copies.parent / "same" / "p03.txt"
    ).read_bytes()
    assert record_path().read_bytes() == before
    assert _marked(copies.parent / "same") == {"p03": False}


def test_a_copy_moved_is_still_marked_and_one_edited_since_is_not(copies: Path) -> None:
    elsewhere = copies.parent / "shared"
    elsewhere.mkdir()
    shutil.copy(copies / "p01.txt", elsewhere / "p01.txt")
    assert _marked(elsewhere) == {"p01": True}
    text = (copies / "p02.txt").read_text(encoding="utf-8")
    (copies / "p02.txt").write_text(text.replace("here.", "here, Ann Lee said."))
    assert _marked(copies) == {"p01": True, "p02": False}


def test_a_second_run_keeps_the_record_of_the_first(copies: Path) -> None:
    first = json.loads(record_path().read_text(encoding="utf-8"))["sha256"]
    (copies.parent / "study" / "p02.txt").write_text(
        "Interviewer: How is it now?\nBen Ray: Better.\n", encoding="utf-8"
    )
    run = roqa("pseudonymise", "study/p02.txt", "--key", "key.csv", "--out", "ps2")
    assert run.code == 0, run.err
    second = json.loads(record_path().read_text(encoding="utf-8"))["sha256"]
    assert second == sorted({*first, sha256_file(copies.parent / "ps2" / "p02.txt")})
    assert len(second) == 3
    assert _marked(copies) == {"p01": True, "p02": True}


def test_codings_of_the_copies_are_recorded_pseudonymised(copies: Path) -> None:
    run = roqa("code", "ps", "--out", "coded", "--interviewer", "Interviewer")
    assert run.code == 0, run.err
    lines = (copies.parent / "coded" / "transcripts.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["metadata"].get("pseudonymised") for line in lines.splitlines()] == [
        True,
        True,
    ]
    page = (copies.parent / "coded" / "report.html").read_text(encoding="utf-8")
    assert " data-pseudonymised>" in page


def test_a_decisions_note_on_the_plain_codings_stays_out_of_the_copies_report(
    copies: Path,
) -> None:
    """Session 79 (pfix2's finding): the copies coded into the folder of the plain codings
    put a decisions.csv note, written on those codings, whole into their report, where
    ``roqa code --pseudonymise`` leaves it out. Coded as they are, recorded copies are as
    pseudonymised as the transcripts --pseudonymise rewrites."""
    run = roqa("code", "study", "--out", "coded", "--interviewer", "Interviewer")
    assert run.code == 0, run.err
    first = next(
        s
        for s in map(
            json.loads,
            (copies.parent / "coded" / "codings.jsonl").read_text(encoding="utf-8").splitlines(),
        )
        if s["suggestions"]
    )
    with (copies.parent / "coded" / "decisions.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(
            [
                ["segment_id", "decision", "code_id", "new_code", "note", "text"],
                [
                    first["segment_id"],
                    "accept",
                    first["suggestions"][0]["code_id"],
                    "",
                    "ask Ann Lee about it",
                    first["text"],
                ],
            ]
        )
    run = roqa("code", "ps", "--out", "coded", "--interviewer", "Interviewer")
    assert run.code == 0, run.err
    page = (copies.parent / "coded" / "report.html").read_text(encoding="utf-8")
    assert " data-pseudonymised>" in page
    assert "ask Ann Lee" not in page


def test_roqa_code_hashes_each_copy_once(copies: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its reading cache (the study's reading and the coding's), its check for a recorded copy
    (of the whole run, then of each file read twice) and its fingerprint each hashed the same
    bytes: six SHA-256 of each copy a run (s80 dfix). A file's bytes are hashed once while it is
    unchanged (:func:`roqa_nlp.io.file_sha256`)."""
    import hashlib

    from roqa_nlp import io as roqa_io
    from roqa_nlp.pseudonymised_copies import record_copies

    monkeypatch.setattr(roqa_io, "_SETTLED_NS", 0)  # the copies, just written, taken as settled

    # lines ending CRLF, recorded so: the file's bytes are no transcript's text (hashed apart)
    for n in ("p01.txt", "p02.txt"):
        (copies / n).write_bytes((copies / n).read_bytes().replace(b"\n", b"\r\n"))
    record_copies(sha256_file(copies / n) for n in ("p01.txt", "p02.txt"))
    sha256 = hashlib.sha256
    hashed: list[bytes] = []

    class Counted:
        """A SHA-256 that notes the bytes it was fed when its digest is taken."""

        def __init__(self, data: bytes = b"", **kwargs: object) -> None:
            self._h = sha256(data, **kwargs)  # type: ignore[arg-type]
            self._fed = bytearray(data)

        def update(self, data: bytes) -> None:
            self._h.update(data)
            self._fed += data

        def hexdigest(self) -> str:
            hashed.append(bytes(self._fed))
            return self._h.hexdigest()

        def digest(self) -> bytes:
            hashed.append(bytes(self._fed))
            return self._h.digest()

    with monkeypatch.context() as m:
        m.setattr(hashlib, "sha256", Counted)
        run = roqa("code", "ps", "--out", "coded", "--interviewer", "Interviewer")
    assert run.code == 0, run.err
    assert [hashed.count((copies / n).read_bytes()) for n in ("p01.txt", "p02.txt")] == [1, 1]
    lines = (copies.parent / "coded" / "transcripts.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["metadata"].get("pseudonymised") for line in lines.splitlines()] == [
        True,
        True,
    ]
