"""Specification of the caches' privacy on disk: they are derived from confidential transcripts
(an embedding is keyed by the SHA-256 of its text, so whoever reads the file can confirm that a
guessed sentence was coded), so they are their owner's alone: folders roqa makes are ``0700``,
cache files (and SQLite's ``-wal``/``-shm`` beside them) ``0600``."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.embedding import EmbeddingCache, user_cache_dir
from roqa_nlp.json_cache import JsonCache

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

VECTOR = np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32).tobytes()  # a unit vector


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


def modes(folder: Path) -> dict[str, int]:
    """Name -> mode of the folder itself ('.') and of each file in it."""
    return {".": mode(folder), **{p.name: mode(p) for p in sorted(folder.iterdir())}}


def test_a_new_embedding_cache_is_its_owners_alone(tmp_path: Path, usual_umask: None) -> None:
    """~/.cache/roqa_nlp was made 0755 and embeddings.sqlite 0644 (tester s37 privacy, 9)."""
    folder = tmp_path / "cache" / "roqa_nlp"
    cache = EmbeddingCache(folder / "embeddings.sqlite", "model-a", dim=4)
    cache.put_many([("k", VECTOR)])  # its -wal and -shm exist while it is open
    assert modes(folder) == {
        ".": 0o700,
        "embeddings.sqlite": 0o600,
        "embeddings.sqlite-shm": 0o600,
        "embeddings.sqlite-wal": 0o600,
    }
    assert mode(tmp_path / "cache") == 0o755  # a folder above roqa's: as any program makes it
    assert cache.get_many(["k"]) == {"k": VECTOR}


def test_a_new_json_cache_is_its_owners_alone(tmp_path: Path, usual_umask: None) -> None:
    folder = tmp_path / "roqa_nlp"
    cache = JsonCache(folder / "segments.sqlite")
    cache.put("k", [[0, 5]])
    assert modes(folder) == {
        ".": 0o700,
        "segments.sqlite": 0o600,
        "segments.sqlite-shm": 0o600,
        "segments.sqlite-wal": 0o600,
    }
    assert cache.get("k") == [[0, 5]]


def test_a_cache_in_a_folder_the_user_made_leaves_the_folders_mode(
    tmp_path: Path, usual_umask: None
) -> None:
    """ROQA_CACHE_DIR or cache= a project's folder: its mode is the user's choice; the files
    are made private all the same."""
    project = tmp_path / "project"
    project.mkdir(mode=0o750)
    JsonCache(project / "segments.sqlite").close()
    assert modes(project) == {".": 0o750, "segments.sqlite": 0o600}


def test_the_per_user_cache_left_readable_by_an_earlier_roqa_is_tightened(
    tmp_path: Path, usual_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = user_cache_dir()
    EmbeddingCache(folder / "embeddings.sqlite", "model-a", dim=4).close()
    os.chmod(folder, 0o755)  # as roqa made them before session 37
    os.chmod(folder / "embeddings.sqlite", 0o644)
    EmbeddingCache(folder / "embeddings.sqlite", "model-a", dim=4).close()
    assert modes(folder) == {".": 0o700, "embeddings.sqlite": 0o600}


def test_the_per_user_cache_under_a_linked_cache_folder_is_made_private(
    tmp_path: Path, usual_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """~/.cache a symlink (to a larger disk, as on many university machines): the first run
    made ~/.cache/roqa_nlp 0755, taking the link for a team's folder (leftover s37). The link
    is the user's own ~/.cache; the folder it points to (0755, not a team's) decides."""
    elsewhere = tmp_path / "scratch" / "cache"
    elsewhere.mkdir(parents=True)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / ".cache").symlink_to(elsewhere)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    folder = user_cache_dir()
    assert folder == tmp_path / "home" / ".cache" / "roqa_nlp"
    EmbeddingCache(folder / "embeddings.sqlite", "model-a", dim=4).close()
    assert modes(elsewhere / "roqa_nlp") == {".": 0o700, "embeddings.sqlite": 0o600}
    assert mode(elsewhere) == 0o755  # the folder linked to is left as it is


def test_a_cache_folder_made_under_a_link_to_a_team_folder_is_the_teams(
    tmp_path: Path, team_umask: None
) -> None:
    """A link to a group-shared folder (2775): a cache folder made in it is the team's, as one
    made in the team folder itself is."""
    team = tmp_path / "team"
    team.mkdir()
    os.chmod(team, 0o2775)
    (tmp_path / "link").symlink_to(team)
    JsonCache(tmp_path / "link" / "roqa" / "segments.sqlite").close()
    assert modes(team / "roqa") == {".": 0o2775, "segments.sqlite": 0o664}


@pytest.mark.slow
@pytest.mark.parametrize("command", ["suggest", "evaluate"])
def test_suggest_and_evaluate_take_no_cache_as_code_does(
    tmp_path: Path, tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """`roqa suggest` had no --no-cache and always wrote the cache (tester s37 privacy, 9)."""
    from test_cli_core import roqa

    cache = tmp_path / "cache"
    monkeypatch.setenv("ROQA_CACHE_DIR", str(cache))
    records = tmp_path / "records.jsonl"
    records.write_text(
        '{"text": "We never had the budget for agency staff.", "construct": "NONE"}\n', "utf-8"
    )
    given = ["We never had the budget for agency staff."] if command == "suggest" else [records]
    run = roqa(command, *given, "--model", tiny_model_dir, "--no-cache")
    assert run.code == 0, run.err
    assert not cache.exists()
    run = roqa(command, *given, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    assert "embeddings.sqlite" in {p.name for p in cache.iterdir()}


@pytest.fixture()
def team_umask() -> Iterator[None]:
    """The umask of a team that shares files in a group folder (002)."""
    old = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(old)


def test_a_per_user_cache_linked_to_a_team_folder_is_left_shared(
    tmp_path: Path, team_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """~/.cache/roqa_nlp a symlink to a team folder (2775, files 0664): one roqa run made the
    team folder 0700 (setgid lost) and embeddings.sqlite 0600, silently (hunt2 s37, 5a)."""
    team = tmp_path / "team"
    team.mkdir()
    os.chmod(team, 0o2775)
    (tmp_path / "xdg").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    user_cache_dir().symlink_to(team)
    EmbeddingCache(team / "embeddings.sqlite", "model-a", dim=4).close()
    os.chmod(team / "embeddings.sqlite", 0o664)
    cache = EmbeddingCache(user_cache_dir() / "embeddings.sqlite", "model-a", dim=4)
    cache.put_many([("k", VECTOR)])
    assert modes(team) == {
        ".": 0o2775,
        "embeddings.sqlite": 0o664,
        "embeddings.sqlite-shm": 0o664,
        "embeddings.sqlite-wal": 0o664,
    }
    cache.close()


@pytest.mark.parametrize("folder_mode", [0o2770, 0o775, 0o777])
def test_a_group_shared_cache_folder_keeps_the_umasks_modes(
    tmp_path: Path, team_umask: None, folder_mode: int
) -> None:
    """A group-shared ROQA_CACHE_DIR kept its mode but every file roqa opened in it became 0600,
    so the next member of the team ran with no cache, unwarned (hunt2 s37, 5b)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, folder_mode)
    JsonCache(shared / "segments.sqlite").close()  # a new file: the umask's mode
    (shared / "embeddings.sqlite").touch()
    os.chmod(shared / "embeddings.sqlite", 0o664)  # a team member's file
    EmbeddingCache(shared / "embeddings.sqlite", "model-a", dim=4).close()
    assert modes(shared) == {".": folder_mode, "embeddings.sqlite": 0o664, "segments.sqlite": 0o664}


def test_a_cache_folder_made_in_a_team_folder_is_the_teams(
    tmp_path: Path, team_umask: None
) -> None:
    """ROQA_CACHE_DIR naming a new folder inside a group-shared one: made as the umask and the
    setgid bit make it, not 0700."""
    team = tmp_path / "team"
    team.mkdir()
    os.chmod(team, 0o2775)
    JsonCache(team / "roqa" / "segments.sqlite").close()
    assert modes(team / "roqa") == {".": 0o2775, "segments.sqlite": 0o664}


def test_a_cache_folder_made_in_a_public_sticky_folder_is_private(
    tmp_path: Path, usual_umask: None
) -> None:
    """/tmp (1777) is everyone's, not a team's: a cache folder made in it is 0700 as elsewhere."""
    public = tmp_path / "tmp"
    public.mkdir()
    os.chmod(public, 0o1777)
    JsonCache(public / "roqa" / "segments.sqlite").close()
    assert modes(public / "roqa") == {".": 0o700, "segments.sqlite": 0o600}


def test_a_new_output_folder_is_its_owners_alone_and_an_existing_one_keeps_its_mode(
    tmp_path: Path,
) -> None:
    """Session 44's audit: codings.csv, report.html and transcripts.jsonl hold whole transcripts
    and were left readable by all (0644 in a 0755 folder) while the cache is 0600/0700. A
    folder roqa makes for --out is 0700; its parents and a folder that exists are as they were."""
    from roqa_nlp.codings_writer import CodingsWriter
    from roqa_nlp.result import CodingResult

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.stat().st_mode)

    old = os.umask(0o022)  # a usual umask: folders 0755
    try:
        CodingResult(segments=[]).save(tmp_path / "new" / "out")
    finally:
        os.umask(old)
    assert (mode(tmp_path / "new" / "out"), mode(tmp_path / "new")) == (0o700, 0o755)
    with CodingsWriter(tmp_path / "stream", {}):
        pass
    assert mode(tmp_path / "stream") == 0o700
    (tmp_path / "shared").mkdir(mode=0o755)
    CodingResult(segments=[]).save(tmp_path / "shared")
    assert mode(tmp_path / "shared") == 0o755
