"""The combining marks a name's patterns add to ``\\w`` (roqa_nlp.name_characters) come from the
packaged ``data/combining_marks.json``, made from :mod:`unicodedata` by
``benchmarks/combining_marks.py`` (s63: scanning Unicode at each start cost every transcript read
about 16 ms). The file must be what this Python's Unicode gives: a newer Python with a newer
Unicode fails here until the file is made again."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from roqa_nlp.name_characters import (
    CAPITAL,
    MARKS,
    NAME_CHAR,
    OMISSIBLE_MARKS,
    _class_ranges,
    scanned_mark_ranges,
)

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "combining_marks.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("combining_marks", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _packaged() -> str:
    return resources.files("roqa_nlp").joinpath("data", "combining_marks.json").read_text("utf-8")


def test_the_packaged_marks_are_this_pythons_unicode() -> None:
    packaged = _packaged()
    if json.loads(packaged)["unidata_version"] != unicodedata.unidata_version:
        pytest.skip(
            "data/combining_marks.json was made from another Unicode than this Python's (the "
            "module scans this one's instead): run `.venv/bin/python benchmarks/combining_marks.py`"
            " and commit the file"
        )
    assert _script().combining_marks_json() == packaged


def test_the_classes_are_this_pythons_marks_whatever_the_files_unicode() -> None:
    """On a Python of another Unicode than the file's, the module asks unicodedata itself (a hunt
    of s63: a mark newer than the file's Unicode would cut a name at it again)."""
    scanned = scanned_mark_ranges()
    assert _class_ranges(scanned["marks"]) == MARKS
    assert _class_ranges(scanned["omissible_marks"]) == OMISSIBLE_MARKS
    assert f"[{_class_ranges(scanned['capitals'])}]" == CAPITAL


def test_a_capital_is_an_upper_or_title_case_letter_of_any_script() -> None:
    capitals = "AZÉŁØÖŞΩЖǅ\U0001d400"  # ǅ: title case; 𝐀: beyond the BMP
    assert all(re.fullmatch(CAPITAL, c) for c in capitals)
    assert not any(re.fullmatch(CAPITAL, c) for c in "azéłøöşωж1_ 中")


def test_the_file_ranges_become_escaped_class_ranges() -> None:
    assert _class_ranges(["0300-036F", "05BF", "E0100-E01EF"]) == (
        "\\u0300-\\u036f\\u05bf\\U000e0100-\\U000e01ef"
    )


def test_the_classes_hold_the_marks_of_a_yoruba_and_a_hindi_name() -> None:
    grave, dot_below, virama, nukta = "\u0300", "\u0323", "\u094d", "\u093c"
    assert all(re.fullmatch(f"[{MARKS}]", m) for m in (grave, dot_below, virama, nukta))
    assert re.fullmatch(f"[{MARKS}]", "\U000e0100")  # a variation selector, beyond the BMP
    assert [bool(re.fullmatch(f"[{OMISSIBLE_MARKS}]", m)) for m in (grave, virama, nukta)] == [
        True,
        False,
        True,
    ]
    assert re.fullmatch(f"{NAME_CHAR}+", "Ad\u00e9b\u00e1y\u1ecd\u0300")
    assert not re.fullmatch(f"[{MARKS}]", "a")
