"""The reading cache's record of transcripts that give no warning about their reading
(roqa_nlp.transcripts.reading_cache.known_quiet): a warm re-code does not check them again, any
change of the transcript checks it afresh, a transcript that warns is warned of at every run,
and the record holds nothing of the transcript."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest

import roqa_nlp.transcripts.language as language
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import reading_cache as rc
from roqa_nlp.transcripts.language import reading_warnings, warn_of_reading
from roqa_nlp.transcripts.reading_cache import known_quiet, open_reading_cache, record_quiet
from roqa_nlp.transcripts.roles import SpeakerWarning

QUESTION = "What helped the clinic start the programme, and what got in the way of it?"
ANSWER = (
    "Our manager gave us protected time for the training every Tuesday, and that was the thing "
    "that made it possible for all of us to take part in it. The booking system was a problem "
    "for a while because it never talked to the records, so we kept two lists by hand. "
)
#: German talk: the language check warns of it (too few English stop words)
GERMAN = (
    "Unsere Leiterin hat uns jeden Dienstag Zeit für die Schulung gegeben, und das war der "
    "Grund, warum alle mitmachen konnten. Das Buchungssystem war lange ein Problem, weil es "
    "nie mit den Akten sprach, also führten wir zwei Listen von Hand. "
)


def transcript(answer: str = ANSWER * 6, **changes: object) -> Transcript:
    text = f"Interviewer: {QUESTION}\n\nP01: {answer}\n"
    q_end = len(f"Interviewer: {QUESTION}")
    a_start = text.index("P01: ")
    t = Transcript(
        id="p01",
        text=text,
        turns=[
            Turn("Interviewer", "interviewer", 0, q_end),
            Turn("P01", "participant", a_start, len(text) - 1),
        ],
        source="in/p01.txt",
        participant="P01",
        metadata={"format": "txt"},
    )
    return dataclasses.replace(t, **changes)  # type: ignore[arg-type]


def said(t: Transcript, cache: rc.ReadingCache | None = None) -> list[tuple[type, str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_reading(t, cache=cache)
    return [(w.category, str(w.message)) for w in caught]


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The transcripts whose reading is checked (not known quiet), by id, in order."""
    calls: list[str] = []
    check = language.reading_warnings

    def counting(t: Transcript) -> list[RoqaWarning]:
        calls.append(t.id)
        return check(t)

    monkeypatch.setattr(language, "reading_warnings", counting)
    return calls


def test_a_quiet_transcript_is_checked_once(tmp_path: Path, checks: list[str]) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    t = transcript()
    assert said(t, cache) == []
    assert said(t, cache) == []
    assert said(transcript(), cache) == []  # the same transcript read again
    assert checks == ["p01"]
    assert known_quiet(cache, t)


def test_a_transcript_is_hashed_once_a_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s85 review: a cold run hashed the whole transcript twice (quiet_key, to look it up and
    again to record it), a warm one once: now once each, the record the same."""
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    hashed: list[str] = []
    key = rc.quiet_key

    def counting(t: Transcript) -> str | None:
        hashed.append(t.id)
        return key(t)

    monkeypatch.setattr(rc, "quiet_key", counting)
    t = transcript()
    assert said(t, cache) == []  # cold: checked and recorded
    assert hashed == ["p01"]
    assert said(t, cache) == []  # warm: found
    assert hashed == ["p01", "p01"]
    assert cache.get(key(t)) == rc.QUIET


def test_without_a_cache_every_transcript_is_checked(checks: list[str]) -> None:
    t = transcript()
    assert said(t) == [] and said(t) == []
    assert checks == ["p01", "p01"]


def test_a_transcript_that_warns_is_warned_of_at_every_run(
    tmp_path: Path, checks: list[str]
) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    t = transcript(GERMAN * 6)
    first = said(t, cache)
    assert [c for c, _ in first] == [RoqaWarning]
    assert "English" in first[0][1]
    assert said(t, cache) == first
    assert checks == ["p01", "p01"]
    assert not known_quiet(cache, t)


def test_the_warnings_are_those_of_the_checks_in_order(tmp_path: Path) -> None:
    # no participant talk (a speaker warning, first), and a speaker's name in the file's name
    turns = [
        Turn("Siobhan Okoro", "interviewer", 0, 10),
        Turn("Siobhan Okoro", "interviewer", 12, 40),
    ]
    t = transcript(GERMAN * 6, source="in/zoom_siobhan_okoro.txt", turns=turns)
    cache = open_reading_cache(tmp_path)
    issued = said(t, cache)
    assert issued == [
        (
            SpeakerWarning,
            "in/zoom_siobhan_okoro.txt: no participant talk found: all 2 turns are the "
            "interviewer's ('Siobhan Okoro'), so there is nothing to code (check that the "
            "participant's turns are labelled 'P04: ...' and that interviewer_labels names only "
            "the interviewer)",
        ),
        (
            RoqaWarning,
            "in/zoom_siobhan_okoro.txt: the file's name holds a speaker's name (Siobhan, Okoro), "
            "and the outputs name the transcript by it (its case, segment ids, the report): "
            "rename the file p01.txt or code with --pseudonymise KEY.csv",
        ),
    ]
    assert [(type(w), str(w)) for w in reading_warnings(t)] == issued
    assert reading_warnings(t)[0].transcript == t  # type: ignore[attr-defined]
    assert said(t, cache) == issued  # said again: never recorded
    # German talk of a participant: the language warning
    german = said(transcript(GERMAN * 6), cache)
    assert [c for c, _ in german] == [RoqaWarning]
    assert german[0][1].startswith("in/p01.txt: ")
    assert "common English words" in german[0][1]


@pytest.mark.parametrize(
    "change",
    [
        {"text": transcript().text.replace("Tuesday", "Thursday")},
        {"id": "p02"},
        {"source": "in/p02.txt"},
        {"participant": "P02"},
        {"metadata": {"format": "txt", "encoding": "utf-8"}},
        {"turns": [Turn("Interviewer", "participant", 0, 10), *transcript().turns[1:]]},
        {"turns": [Turn("Int", "interviewer", 0, 10), *transcript().turns[1:]]},
        {"turns": [Turn("Interviewer", "interviewer", 0, 11), *transcript().turns[1:]]},
        {"turns": [Turn("Interviewer", "interviewer", 0, 10, 1.0), *transcript().turns[1:]]},
        {"turns": [Turn("Interviewer", "interviewer", 0, 10, None, 2.0), *transcript().turns[1:]]},
        {"turns": transcript().turns[1:]},
    ],
)
def test_any_change_of_the_transcript_is_checked_again(
    tmp_path: Path, checks: list[str], change: dict[str, object]
) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    record_quiet(cache, transcript())
    changed = transcript(**change)
    assert not known_quiet(cache, changed)
    said(changed, cache)
    assert checks == ["p01" if "id" not in change else "p02"]


def test_a_change_of_code_python_version_or_folder_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = open_reading_cache(tmp_path / "cache")
    assert cache is not None
    t = transcript()
    record_quiet(cache, t)
    assert known_quiet(cache, t)
    with monkeypatch.context() as m:
        m.setattr(rc, "package_hash", lambda: "another roqa")
        assert not known_quiet(cache, t)
    with monkeypatch.context() as m:
        m.setattr(rc, "QUIET_VERSION", rc.QUIET_VERSION + 1)
        assert not known_quiet(cache, t)
    with monkeypatch.context() as m:
        m.setattr(rc.sys, "version", "3.99.0")
        assert not known_quiet(cache, t)
    with monkeypatch.context() as m:
        m.chdir(tmp_path)
        assert os.getcwd() == str(tmp_path)
        assert not known_quiet(cache, t)
    assert known_quiet(cache, t)


def test_metadata_json_would_change_is_never_recorded(tmp_path: Path) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    t = transcript(metadata={"format": "txt", "pages": (1, 2)})  # a tuple comes back a list
    assert rc.quiet_key(t) is None
    record_quiet(cache, t)
    assert not known_quiet(cache, t)


@pytest.mark.parametrize(
    "value", [{"quiet": 1}, {"quiet": "true"}, {"quiet": True, "more": 1}, [True], True, None]
)
def test_another_value_under_the_key_is_a_miss(tmp_path: Path, value: object) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    t = transcript()
    key = rc.quiet_key(t)
    assert key is not None
    cache.put(key, value)
    assert not known_quiet(cache, t)
    record_quiet(cache, t)
    assert known_quiet(cache, t)


def test_the_record_holds_nothing_of_the_transcript(tmp_path: Path) -> None:
    cache = open_reading_cache(tmp_path)
    assert cache is not None
    t = transcript()
    record_quiet(cache, t)
    cache.close()
    rows = sqlite3.connect(tmp_path / rc.CACHE_FILE).execute("SELECT key, value FROM entries")
    assert [(len(k), v) for k, v in rows] == [(64, '{"quiet":true}')]
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for word in ("Tuesday", "Interviewer", "P01", "p01", "clinic"):
        assert word.encode() not in raw


def test_a_warm_code_checks_only_the_transcripts_that_warn(
    tiny_model: Any, tmp_path: Path, checks: list[str]
) -> None:
    """AutoCoder.code records in its reading cache the transcripts that gave no warning: a
    second code checks only the one that warns, and warns of it again, as the first did; with
    pseudonyms nothing is recorded, every transcript checked at each run."""
    from roqa_nlp.pseudonyms import PseudonymKey

    folder = tmp_path / "in"
    folder.mkdir()
    english = f"Interviewer: {QUESTION}\n\nP01: {ANSWER * 6}\n"
    (folder / "p01.txt").write_text(english, encoding="utf-8")
    (folder / "p02.txt").write_text(english.replace("P01", "P02").replace(ANSWER, GERMAN), "utf-8")

    def coded(**kwargs: object) -> list[str]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tiny_model.code(folder, **kwargs)
        return [str(w.message) for w in caught if "English" in str(w.message)]

    first = coded()
    assert checks == ["p01", "p02"]
    assert len(first) == 1 and first[0].startswith(f"{folder / 'p02.txt'}: ")
    assert coded() == first
    assert checks == ["p01", "p02", "p02"]
    checks.clear()
    coded(pseudonyms=PseudonymKey())
    coded(pseudonyms=PseudonymKey())
    assert len(checks) == 4


def test_a_working_folder_gone_checks_every_time_and_stops_nothing(
    tmp_path: Path, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """hunt30 (session 85): the quiet record's key takes the working folder, and a deleted one
    stopped `roqa code` with a bare "No such file or directory"."""
    cache = open_reading_cache(tmp_path)
    assert cache is not None

    def gone() -> str:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(os, "getcwd", gone)
    t = transcript()
    assert said(t, cache) == [] and said(t, cache) == []
    assert checks == ["p01", "p01"]
    assert rc.quiet_key(t) is None and not known_quiet(cache, t)
