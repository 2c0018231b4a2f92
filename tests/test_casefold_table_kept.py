"""Specification: the report's table of the characters :meth:`str.casefold` changes
(``decisions.casefold_table``) is read from ``data/casefold_table.json``, made by
``benchmarks/casefold_table.py``, and is the table this Python works out itself; a Python of
another Unicode, or a file not of the table's shape, works it out (session 85: about 50 ms of
every report)."""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp import decisions, io

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "src" / "roqa_nlp" / "data" / "casefold_table.json"


@pytest.fixture
def fresh() -> Any:
    decisions._casefold_table.cache_clear()
    yield
    decisions._casefold_table.cache_clear()


def test_the_file_is_what_the_script_writes_for_this_unicode() -> None:
    spec = importlib.util.spec_from_file_location(
        "casefold_script", REPO / "benchmarks" / "casefold_table.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    kept = io.packaged_json("casefold_table.json")
    if kept["unidata_version"] != unicodedata.unidata_version:
        pytest.skip(f"the file is of Unicode {kept['unidata_version']}, this Python's another")
    assert DATA.read_text("utf-8") == script.casefold_table_json()


def test_the_table_read_is_the_table_scanned(fresh: None) -> None:
    table = decisions.casefold_table()
    runs, more = decisions.scanned_casefold_table()
    assert table == {"runs": [list(r) for r in runs], "more": dict(more)}
    assert list(table["more"]) == [c for c, _ in more]  # in the same order: the page's bytes
    assert table["runs"][0] == [65, 90, 1, 32]
    assert table["more"]["ß"] == "ss" and table["more"]["ﬁ"] == "fi"


def test_the_file_is_read_not_scanned(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused() -> Any:
        raise AssertionError("scanned")

    monkeypatch.setattr(decisions, "scanned_casefold_table", refused)
    if io.packaged_json("casefold_table.json")["unidata_version"] != unicodedata.unidata_version:
        pytest.skip("the file is of another Unicode than this Python's")
    assert decisions.casefold_table()["runs"][0] == [65, 90, 1, 32]


GOOD = {"runs": [[65, 90, 1, 32]], "more": [["ß", "ss"]]}


@pytest.mark.parametrize(
    "kept",
    [
        {**GOOD, "unidata_version": "1.0.0"},
        {"unidata_version": unicodedata.unidata_version, "runs": GOOD["runs"]},
        {**GOOD, "unidata_version": unicodedata.unidata_version, "runs": [[65, 90, 1]]},
        {**GOOD, "unidata_version": unicodedata.unidata_version, "runs": [[65, 90, 1, "32"]]},
        {**GOOD, "unidata_version": unicodedata.unidata_version, "runs": [[65, 90, 1, True]]},
        {**GOOD, "unidata_version": unicodedata.unidata_version, "more": {"ß": "ss"}},
        {**GOOD, "unidata_version": unicodedata.unidata_version, "more": [["ß", 1]]},
        [],
    ],
)
def test_another_unicode_or_shape_is_scanned(
    fresh: None, monkeypatch: pytest.MonkeyPatch, kept: Any
) -> None:
    monkeypatch.setattr(io, "packaged_json", lambda name: kept)
    scanned = decisions.scanned_casefold_table()
    assert decisions._casefold_table() == scanned
    assert len(scanned[0]) > 1


def test_a_file_of_this_unicode_is_taken_as_it_is(
    fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = {**GOOD, "unidata_version": unicodedata.unidata_version}
    monkeypatch.setattr(io, "packaged_json", lambda name: kept)
    assert decisions.casefold_table() == {"runs": [[65, 90, 1, 32]], "more": {"ß": "ss"}}


@pytest.mark.parametrize(
    "error", [FileNotFoundError(2, "No such file"), ValueError("Expecting value: line 1")]
)
def test_a_file_missing_or_cut_short_is_scanned(
    fresh: None, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    """hunt30 (session 85): a missing or cut-short file raised instead of being scanned."""

    def broken(name: str) -> Any:
        raise error

    monkeypatch.setattr(io, "packaged_json", broken)
    runs, more = decisions.scanned_casefold_table()
    assert decisions.casefold_table() == {"runs": [list(r) for r in runs], "more": dict(more)}
