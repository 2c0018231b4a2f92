"""The reading cache (roqa_nlp.transcripts.reading_cache): an unchanged transcript file is not
read again, and anything that changes its reading (its bytes, its path, the labels, roqa's
code) reads it afresh."""

from __future__ import annotations

import json
import sqlite3
import threading
import warnings
from pathlib import Path

import pytest

import roqa_nlp.transcripts as transcripts_module
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.errors import RoqaWarning, counting_warnings, warn
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_files, with_default_labels
from roqa_nlp.transcripts import reading_cache as rc
from roqa_nlp.transcripts.reading_cache import cached_reading, open_reading_cache
from roqa_nlp.transcripts.roles import RoleLabels

INTERVIEW = (
    "Interviewer: What helped the clinic start the programme?\n\n"
    "Dr Okoro: Our manager gave us protected time for training, every Tuesday.\n\n"
    "Interviewer: And what got in the way?\n\n"
    "Dr Okoro: The booking system, honestly. It never talked to the records.\n"
)
LABELS = ["Interviewer"]


@pytest.fixture
def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files read by the readers (not from the cache), in order."""
    read = transcripts_module._read_one
    calls: list[Path] = []

    def counting(p: Path, *args: object, **kwargs: object) -> Transcript:
        calls.append(Path(p))
        return read(p, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(transcripts_module, "_read_one", counting)
    return calls


def interview(tmp_path: Path, name: str = "p01.txt", text: str = INTERVIEW) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unchanged_file_is_read_once_and_comes_back_the_same(
    tmp_path: Path, counted_reads: list[Path]
) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    fresh = read_files([path], LABELS, whole_study=False)
    first = read_files([path], LABELS, whole_study=False, cache=cache)
    again = read_files([path], LABELS, whole_study=False, cache=cache)
    assert counted_reads == [path, path]  # the fresh read and the first cached one
    assert again == first == fresh
    assert [(u.speaker, u.role) for u in again[0].turns] == [
        ("Interviewer", "interviewer"),
        ("Dr Okoro", "participant"),
        ("Interviewer", "interviewer"),
        ("Dr Okoro", "participant"),
    ]


def test_the_transcript_is_stored_as_json_not_pickle(tmp_path: Path) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    with sqlite3.connect(tmp_path / "cache" / "readings.sqlite") as db:
        (value,) = db.execute("SELECT value FROM entries").fetchone()
    stored = json.loads(value)
    (t,) = read_files([path], LABELS, whole_study=False)
    assert (stored["id"], stored["text"], stored["source"]) == ("p01", t.text, str(path))
    assert stored["turns"][1] == [
        "Dr Okoro",
        "participant",
        t.turns[1].start,
        t.turns[1].end,
        None,
        None,
    ]


def test_a_changed_file_is_read_again(tmp_path: Path, counted_reads: list[Path]) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    path.write_text(INTERVIEW.replace("every Tuesday", "every Monday"), encoding="utf-8")
    (t,) = read_files([path], LABELS, whole_study=False, cache=cache)
    assert len(counted_reads) == 2
    assert "every Monday" in t.text


def test_changed_labels_read_the_file_again(tmp_path: Path, counted_reads: list[Path]) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    (t,) = read_files([path], ["Interviewer", "Dr Okoro"], whole_study=False, cache=cache)
    assert len(counted_reads) == 2
    assert t == read_files([path], ["Interviewer", "Dr Okoro"], whole_study=False)[0]


def test_the_same_bytes_under_another_name_are_read_again(
    tmp_path: Path, counted_reads: list[Path]
) -> None:
    cache = open_reading_cache(tmp_path / "cache")
    read_files([interview(tmp_path, "p01.txt")], LABELS, whole_study=False, cache=cache)
    (t,) = read_files([interview(tmp_path, "p02.txt")], LABELS, whole_study=False, cache=cache)
    assert len(counted_reads) == 2
    assert (t.id, Path(t.source).name) == ("p02", "p02.txt")


def test_changed_source_reads_the_file_again(
    tmp_path: Path, counted_reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    read_files([path], LABELS, whole_study=False, cache=cache)
    monkeypatch.setattr(rc, "package_hash", lambda: "other code")
    read_files([path], LABELS, whole_study=False, cache=cache)
    monkeypatch.setattr(rc, "READER_VERSION", rc.READER_VERSION + 1)
    read_files([path], LABELS, whole_study=False, cache=cache)
    assert len(counted_reads) == 3


def test_the_key_holds_the_bytes_the_path_the_labels_and_the_participant(
    tmp_path: Path,
) -> None:
    path = Path("in/p01.txt")
    key = rc.reading_key(path, "x", LABELS, None)
    assert key == rc.reading_key(path, "x", list(LABELS), None)
    assert key != rc.reading_key(path, "y", LABELS, None)
    assert key != rc.reading_key(Path("in/p02.txt"), "x", LABELS, None)
    assert key != rc.reading_key(path, "x", [*LABELS, "Host"], None)
    assert key != rc.reading_key(path, "x", None, None)
    assert key != rc.reading_key(path, "x", LABELS, "P01")
    assert key != rc.reading_key(path, "x", RoleLabels(LABELS, ["Interviewer"]), None)


def test_participant_labels_read_the_file_again(tmp_path: Path, counted_reads: list[Path]) -> None:
    """``roqa code --participant Interviewer``: the labels given are the same interviewer
    labels, carrying the participant's."""
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    plain = with_default_labels([], None)
    host = with_default_labels(None, ["Interviewer"])
    (first,) = read_files([path], plain, whole_study=False, cache=cache)
    (t,) = read_files([path], host, whole_study=False, cache=cache)
    assert len(counted_reads) == 2
    assert t == read_files([path], host, whole_study=False)[0]
    assert [u.role for u in t.turns] != [u.role for u in first.turns]


def test_a_reading_that_warns_is_not_stored_and_warns_again(tmp_path: Path) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    reads: list[int] = []

    def read() -> Transcript:
        reads.append(1)
        warn("a warning while reading", path=path)
        return read_files([path], LABELS, whole_study=False)[0]

    for _ in range(2):
        with pytest.warns(RoqaWarning, match="a warning while reading"):
            cached_reading(path, cache, read, LABELS)
    assert len(reads) == 2


def test_warnings_of_another_thread_are_not_counted() -> None:
    ready, done = threading.Event(), threading.Event()

    def other() -> None:
        ready.wait()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warn("said elsewhere")
        done.set()

    worker = threading.Thread(target=other)
    worker.start()
    with counting_warnings() as said:
        ready.set()
        done.wait()
    worker.join()
    assert said == []
    with counting_warnings() as said, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warn("said here")
    assert said == ["said here"]


def test_a_format_read_by_another_library_is_not_cached(tmp_path: Path) -> None:
    path = tmp_path / "p01.docx"
    path.write_bytes(b"not read")
    cache = open_reading_cache(tmp_path / "cache")
    reads: list[int] = []
    t = read_files([interview(tmp_path)], LABELS, whole_study=False)[0]

    def read() -> Transcript:
        reads.append(1)
        return t

    cached_reading(path, cache, read, LABELS)
    cached_reading(path, cache, read, LABELS)
    assert len(reads) == 2


def test_metadata_that_json_would_change_is_not_stored(tmp_path: Path) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    t = read_files([path], LABELS, whole_study=False)[0]
    odd = Transcript(t.id, t.text, t.turns, t.source, t.participant, {"pair": (1, 2)})
    reads: list[int] = []

    def read() -> Transcript:
        reads.append(1)
        return odd

    assert cached_reading(path, cache, read, LABELS) is odd
    assert cached_reading(path, cache, read, LABELS) is odd
    assert len(reads) == 2


@pytest.mark.parametrize(
    "value",
    [
        "[]",
        '{"id": "p01"}',
        '{"id": "p01", "text": "ab", "turns": [["A", "participant", 0, 9, null, null]],'
        ' "source": "x", "participant": null, "metadata": {}}',
        '{"id": "p01", "text": "ab", "turns": [["A", "speaker", 0, 1, null, null]],'
        ' "source": "x", "participant": null, "metadata": {}}',
        '{"id": "p01", "text": "ab", "turns": [["A", "participant", 0, 1.0, null, null]],'
        ' "source": "x", "participant": null, "metadata": {}}',
    ],
)
def test_a_malformed_cached_value_is_read_again(
    value: str, tmp_path: Path, counted_reads: list[Path]
) -> None:
    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    fresh = read_files([path], LABELS, whole_study=False, cache=cache)
    with sqlite3.connect(tmp_path / "cache" / "readings.sqlite") as db:
        db.execute("UPDATE entries SET value = ?", (value,))
    assert read_files([path], LABELS, whole_study=False, cache=cache) == fresh
    assert len(counted_reads) == 2


def test_no_cache_reads_every_time(tmp_path: Path, counted_reads: list[Path]) -> None:
    path = interview(tmp_path)
    read_files([path], LABELS, whole_study=False, cache=open_reading_cache(None))
    read_files([path], LABELS, whole_study=False, cache=None)
    assert len(counted_reads) == 2


def test_a_warm_code_with_other_labels_or_a_changed_file_codes_as_a_cold_one(
    tiny_model: AutoCoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AutoCoder.code reads through the cache in the embedder's cache folder: a re-code with
    another interviewer label, or of an edited file, gives what a run with no reading cache
    gives."""
    folder = interview(tmp_path).parent
    interview(tmp_path, "p02.txt", INTERVIEW.replace("booking system", "rota"))

    def coded(**kwargs: object) -> list[tuple[str, str, str]]:
        result = tiny_model.code(folder, **kwargs)  # type: ignore[arg-type]
        return [(s.segment.id, s.segment.speaker, s.segment.text) for s in result.segments]

    def cold(**kwargs: object) -> list[tuple[str, str, str]]:
        with monkeypatch.context() as m:
            m.setattr(rc, "open_reading_cache", lambda where: None)
            return coded(**kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        first = coded()
        assert first == cold()
        labelled = coded(interviewer_labels=["Dr Okoro"])
        assert labelled == cold(interviewer_labels=["Dr Okoro"])
        assert labelled != first
        interview(tmp_path, "p02.txt", INTERVIEW.replace("booking system", "phone line"))
        edited = coded()
        assert edited == cold()
        assert any("phone line" in text for _, _, text in edited)


def test_a_code_that_pseudonymises_keeps_no_reading(
    tiny_model: AutoCoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache would keep the names the key replaces: Dr Okoro's name stays out of it."""
    from roqa_nlp.pseudonyms import PseudonymKey

    opened: list[object] = []
    monkeypatch.setattr(rc, "open_reading_cache", lambda where: opened.append(where))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tiny_model.code(interview(tmp_path), pseudonyms=PseudonymKey())
        assert opened == []
        tiny_model.code(interview(tmp_path))
    assert opened == [tiny_model.embedder.cache_dir()]


def test_a_file_read_as_windows_1252_is_said_so_on_every_run(
    tmp_path: Path, counted_reads: list[Path]
) -> None:
    """s79 hunt6 F1: io.decode_text's Windows-1252 warning went round errors.warn, so the
    cache stored the reading as one that warned of nothing and a warm run (or a folder's
    coding pass after its quiet study pass) never said it. It is read afresh and said each
    time."""
    path = tmp_path / "in" / "p01.txt"
    path.parent.mkdir()
    path.write_bytes(
        INTERVIEW.replace("system, honestly", "system\u2019s fault, honestly").encode("cp1252")
    )
    cache = open_reading_cache(tmp_path / "cache")
    said = []
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            read_files([path], LABELS, whole_study=False, cache=cache)
        said.append([str(w.message) for w in caught if "Windows-1252" in str(w.message)])
    assert [len(s) for s in said] == [1, 1]
    assert said[0][0].startswith(f"{path}: is not UTF-8 text (line 7, column ")
    assert counted_reads == [path, path]


def test_contexts_follow_the_metadata_of_the_same_transcript(tmp_path: Path) -> None:
    """s79 hunt6 F2: the contexts kept for a transcript were given back after its collective
    replies were taken out of its metadata in place."""
    from roqa_nlp.transcripts.roles import COLLECTIVE_REPLIES
    from roqa_nlp.transcripts.segment import _read_contexts, agreed_turns

    path = interview(
        tmp_path,
        "fg.txt",
        "Moderator: Has the new rota helped the team?\n"
        "Anna: Yes, it has made a real difference to how we plan the week.\n"
        "Several voices: No, not really.\n"
        "Ben: I agree.\n"
        "Moderator: What about training?\n"
        "Anna: We never get time for it.\n",
    )
    (t,) = read_files([path], ["Moderator"], whole_study=False)
    assert t.metadata.get(COLLECTIVE_REPLIES)
    assert agreed_turns(t) == [None, None, None, None, None]  # Ben agrees with the voices
    t.metadata.pop(COLLECTIVE_REPLIES)
    assert (
        agreed_turns(t)
        == [agreed for _, agreed in _read_contexts(t)]
        == [
            None,
            None,
            1,
            None,
            None,
        ]
    )


def stat_kept(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``path``'s stat keeps the size and times it had now, a minute back (a settled file),
    whatever is written to it: as on Windows, whose ``st_ctime`` is the creation time (an edit
    that restores the modified time, as ``cp -p`` or a sync tool does), after a write through
    a shared mmap, or on a FUSE or NFS mount that caches attributes (s80 hunt1 F1-F3)."""
    import os

    real_stat = os.stat
    before = real_stat(path)
    kept = {
        "st_mtime_ns": before.st_mtime_ns - 60_000_000_000,
        "st_ctime_ns": before.st_ctime_ns - 60_000_000_000,
        "st_mtime": before.st_mtime - 60,
        "st_ctime": before.st_ctime - 60,
    }

    class Kept:
        def __init__(self, st: os.stat_result) -> None:
            self._st = st

        def __getattr__(self, name: str) -> object:
            return kept.get(name, getattr(self._st, name))

    def stat(p: object, *args: object, **kwargs: object) -> object:
        st = real_stat(p, *args, **kwargs)  # type: ignore[arg-type]
        return Kept(st) if (st.st_dev, st.st_ino) == (before.st_dev, before.st_ino) else st

    monkeypatch.setattr(os, "stat", stat)


def test_a_second_run_reads_a_file_whose_stat_did_not_move(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file's hash is kept for one run only (io.hashing_run): a name redacted in place, with
    the same length, between two read_files in one process (a notebook) is read as redacted,
    not the earlier reading taken from the cache by the hash of the bytes before (s80 hunt1 F1:
    the memo of file hashes was kept for the process)."""
    import hashlib

    from roqa_nlp.source_fingerprints import fingerprint

    path = interview(tmp_path)
    cache = open_reading_cache(tmp_path / "cache")
    stat_kept(monkeypatch, path)
    first = read_files([path], LABELS, whole_study=False, cache=cache)
    assert "Dr Okoro" in first[0].text
    assert fingerprint(path) == hashlib.sha256(INTERVIEW.encode()).hexdigest()
    path.write_text(INTERVIEW.replace("Okoro", "XXXXX"), encoding="utf-8")
    second = read_files([path], LABELS, whole_study=False, cache=cache)
    assert second[0].text == INTERVIEW.replace("Okoro", "XXXXX")
    assert fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_each_code_hashes_a_file_once_and_a_second_code_reads_it_again(
    tiny_model: AutoCoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AutoCoder.code hashes each file once a run (its study's reading and its coding's, its
    fingerprint: s80 dfix) and a second code() in the same process hashes and reads it again:
    a same-length edit whose stat did not move is coded as edited (s80 hunt1 F1/F2) and
    fingerprinted with its bytes now."""
    import hashlib

    from roqa_nlp import io as roqa_io

    path = interview(tmp_path)
    stat_kept(monkeypatch, path)
    hashed: list[str] = []
    sha256_file, sha256_bytes = roqa_io.sha256_file, roqa_io.sha256_bytes

    def file_hashed(p: str | Path, *args: object) -> str:
        hashed.append(Path(p).name)
        return sha256_file(p, *args)  # type: ignore[arg-type]

    def bytes_hashed(data: bytes) -> str:
        hashed.append("bytes" if data == path.read_bytes() else "other")
        return sha256_bytes(data)

    monkeypatch.setattr(roqa_io, "sha256_file", file_hashed)
    monkeypatch.setattr(roqa_io, "sha256_bytes", bytes_hashed)

    def coded() -> tuple[list[str], list[str], str]:
        hashed.clear()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = tiny_model.code(path)
        texts = [s.segment.text for s in result.segments]
        of_file = [h for h in hashed if h in ("bytes", "p01.txt")]  # not the tokenizer's files
        return texts, of_file, result.transcripts["p01"].metadata["source_sha256"]

    texts, hashes, sha = coded()
    assert any("booking system" in t for t in texts)
    assert len(hashes) == 1
    assert sha == hashlib.sha256(INTERVIEW.encode()).hexdigest()
    path.write_text(INTERVIEW.replace("booking system", "XXXXXXX XXXXXX"), encoding="utf-8")
    texts, hashes, sha = coded()
    assert any("XXXXXXX XXXXXX" in t for t in texts)
    assert not any("booking system" in t for t in texts)
    assert len(hashes) == 1
    assert sha == hashlib.sha256(path.read_bytes()).hexdigest()
