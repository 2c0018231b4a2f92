"""The report template compiled once, kept in the cache folder (report/template_cache.py): a warm
re-code compiled the 37 KB template again on every report, about 0.1 s of a 3.9 s run (speed5).
The page is the same with or without the cache, and a damaged, stale or unwritable cache only
costs the compile."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from report_fixture import build_result
from roqa_nlp.report import _environment, render_report
from roqa_nlp.report.template_cache import MAGIC
from test_cli_core import EXAMPLES, roqa


def model_file(folder: Path) -> Path:
    """The one compiled template of a model's page kept in ``folder``."""
    (found,) = folder.glob("report-template-model-*.jinja")
    return found


@pytest.fixture(autouse=True)
def fresh_environments() -> Iterator[None]:
    """Each test starts as a new process: no environment (and no template) kept in memory."""
    _environment.cache_clear()
    yield
    _environment.cache_clear()


def page(cache_dir: Path | None = None) -> str:
    _environment.cache_clear()
    return render_report(build_result(), "cfir-2009", cache_dir=cache_dir)


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates jinja2 compiles from their text."""
    seen: list[str] = []
    compile_ = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *a, **k):  # type: ignore[no-untyped-def]
        seen.append(str(name))
        return compile_(self, source, name, *a, **k)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return seen


def test_a_report_keeps_its_compiled_template_and_the_next_one_does_not_compile_it(
    tmp_path: Path, compiles: list[str]
) -> None:
    plain = page()
    assert compiles == ["report.html.j2"]
    first = page(tmp_path)
    assert compiles == ["report.html.j2"] * 2
    assert model_file(tmp_path).read_bytes().startswith(MAGIC)
    second = page(tmp_path)
    assert compiles == ["report.html.j2"] * 2  # read from the cache, not compiled
    assert first == second == plain


def test_two_versions_of_roqa_sharing_a_folder_keep_one_file_each(
    tmp_path: Path, compiles: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One file per kind of page was written over by each version in turn, so each compiled
    the template again at every other run (session 83, a BASE and a branch timed in turn): the
    key in the file's name keeps one file per version."""
    from roqa_nlp import json_cache

    for version in ("one", "two", "one", "two"):
        monkeypatch.setattr(json_cache, "package_hash", lambda v=version: v)
        page(tmp_path)
    assert compiles == ["report.html.j2"] * 2  # each version compiled it once
    assert len(list(tmp_path.glob("report-template-model-*.jinja"))) == 2


def test_only_the_last_versions_files_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each version keeps a file of its own: an install upgraded many times keeps those of its
    last KEPT_VERSIONS, not one more each time."""
    from roqa_nlp import json_cache
    from roqa_nlp.report.template_cache import KEPT_VERSIONS

    other = tmp_path / "report-template-given-0000000000000000.jinja"
    other.write_bytes(b"another kind's")
    for n in range(KEPT_VERSIONS + 3):
        monkeypatch.setattr(json_cache, "package_hash", lambda v=n: f"version {v}")
        page(tmp_path)
        last = model_file_of(tmp_path, n)
        os.utime(last, ns=(n * 10**9, n * 10**9))  # written one after the other
    kept = sorted(tmp_path.glob("report-template-model-*.jinja"))
    assert len(kept) == KEPT_VERSIONS
    assert model_file_of(tmp_path, KEPT_VERSIONS + 2) in kept
    assert other.read_bytes() == b"another kind's"


def model_file_of(folder: Path, n: int) -> Path:
    """The file version ``n`` (its package hash ``version n``) keeps in ``folder``."""
    from roqa_nlp.report.template_cache import TemplateCache

    env = jinja2.Environment()
    cache = TemplateCache(folder, "model")
    from roqa_nlp.report import HERE

    source = (HERE / "templates" / "report.html.j2").read_text("utf-8")
    bucket = cache.get_bucket(
        env, "report.html.j2", str(HERE / "templates" / "report.html.j2"), source
    )
    return cache.path(bucket)


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path, compiles: list[str]) -> None:
    page()
    page()
    assert compiles == ["report.html.j2"] * 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # cut short
        lambda b: b[: len(MAGIC) + 65] + b"\x00garbage",  # the code damaged
        lambda b: b[: len(MAGIC)] + b"0" * 64 + b[len(MAGIC) + 64 :],  # another key
        lambda b: b"",
    ],
    ids=["cut", "garbage", "other-key", "empty"],
)
def test_a_damaged_or_stale_cache_file_is_compiled_afresh_and_rewritten(
    tmp_path: Path, compiles: list[str], damage
) -> None:  # type: ignore[no-untyped-def]
    plain = page(tmp_path)
    kept = model_file(tmp_path)
    good = kept.read_bytes()
    kept.write_bytes(damage(good))
    assert page(tmp_path) == plain
    assert compiles == ["report.html.j2"] * 2
    assert model_file(tmp_path).read_bytes() == good


def test_the_key_changes_with_the_template_s_text(tmp_path: Path) -> None:
    from roqa_nlp.report.template_cache import TemplateCache

    env = jinja2.Environment()
    cache = TemplateCache(tmp_path, "model")
    one = cache.get_bucket(env, "report.html.j2", "/t/report.html.j2", "{{ a }}")
    two = cache.get_bucket(env, "report.html.j2", "/t/report.html.j2", "{{ b }}")
    assert cache.key(one) != cache.key(two)
    assert cache.key(one) == cache.key(
        cache.get_bucket(env, "report.html.j2", "/t/report.html.j2", "{{ a }}")
    )


def test_the_key_changes_with_any_file_of_roqa_s_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter's code may live outside the report's modules (``beside_sure`` is
    framework.shown_beside) and jinja2 compiles a call of a filter by how it takes its arguments,
    so the key is the whole package's hash (session 81 hunt11 L1: a change made only in
    framework.py kept the stale compiled code)."""
    from roqa_nlp import json_cache
    from roqa_nlp.report.template_cache import TemplateCache

    env = jinja2.Environment()
    cache = TemplateCache(tmp_path, "model")
    bucket = cache.get_bucket(env, "report.html.j2", "/t/report.html.j2", "{{ a }}")
    monkeypatch.setattr(json_cache, "package_hash", lambda: "one")
    one = cache.key(bucket)
    monkeypatch.setattr(json_cache, "package_hash", lambda: "two")
    assert cache.key(bucket) != one


def test_a_link_in_the_file_s_place_is_not_followed(tmp_path: Path, compiles: list[str]) -> None:
    """The file is judged as opened, not by its name (session 81 hunt11 L4): a link put in its
    place, even to a good file of the user's own, is not read; the page is compiled afresh."""
    plain = page(tmp_path)
    good = tmp_path / "elsewhere.jinja"
    link = model_file(tmp_path)
    link.rename(good)
    link.symlink_to(good)
    _environment.cache_clear()
    from roqa_nlp.report.template_cache import TemplateCache

    assert TemplateCache(tmp_path, "model")._read_own(link) is None
    assert page(tmp_path) == plain
    assert compiles == ["report.html.j2"] * 2


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_a_folder_that_cannot_be_written_costs_only_the_compile(
    tmp_path: Path, compiles: list[str]
) -> None:
    plain = page()
    tmp_path.chmod(0o500)
    try:
        assert page(tmp_path) == plain
    finally:
        tmp_path.chmod(0o700)
    assert list(tmp_path.iterdir()) == []


def test_a_cache_folder_that_is_a_file_costs_only_the_compile(
    tmp_path: Path, compiles: list[str]
) -> None:
    plain = page()
    (tmp_path / "afile").write_text("x", "utf-8")
    assert page(tmp_path / "afile") == plain
    assert (tmp_path / "afile").read_text("utf-8") == "x"


def test_roqa_code_keeps_the_template_in_its_cache_folder_and_no_cache_keeps_none(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for flags, kept in (([], True), (["--no-cache"], False)):
        _environment.cache_clear()
        cache = tmp_path / f"cache{len(flags)}"
        cache.mkdir()
        monkeypatch.setenv("ROQA_CACHE_DIR", str(cache))
        out = tmp_path / f"out{len(flags)}"
        run = roqa(
            "code", EXAMPLES / "p01_interview.txt", "-o", out, "--model", tiny_model_dir, *flags
        )
        assert run.code == 0, run.err
        assert (out / "report.html").is_file()
        assert len(list(cache.glob("report-template-model-*.jinja"))) == kept


def test_the_file_is_its_owner_s_alone_as_the_other_cache_files(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    page(tmp_path)
    assert model_file(tmp_path).stat().st_mode & 0o777 == 0o600


def test_a_file_others_can_write_is_never_read(tmp_path: Path, compiles: list[str]) -> None:
    """The compiled code is run: one another account could have written is compiled afresh."""
    tmp_path.chmod(0o700)
    plain = page(tmp_path)
    model_file(tmp_path).chmod(0o666)
    assert page(tmp_path) == plain
    assert compiles == ["report.html.j2"] * 2


def test_a_team_s_shared_folder_keeps_no_compiled_template(
    tmp_path: Path, compiles: list[str]
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    team.chmod(0o770)  # writable by the group: a team's folder (json_cache._shared)
    plain = page()
    assert page(team) == page(team) == plain
    assert compiles == ["report.html.j2"] * 3
    assert list(team.glob("report-template-*")) == []  # the JSON caches are kept there
