"""Specification: the report page's crosswalk is kept in the cache folder (crosswalk_cache.py).

A warm re-code of the benchmark corpus (2,990 segments) spent about a fifth of its time in
``page_crosswalk``, translating every segment's suggestions into CFIR 2.0 again although nothing
it reads had changed. Kept, it is read back as it was worked out; a change in anything it is
worked out from (a segment's text, a suggestion, the codebook, roqa's code) works it out again;
a kept value of another shape is worked out again; it holds no words of the transcripts and no
segment or transcript names."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from roqa_nlp import crosswalk_cache
from roqa_nlp.crosswalk_cache import CACHE_FILE, cached_page_crosswalk, page_crosswalk_key
from roqa_nlp.decisions_crosswalk import page_crosswalk
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import SegmentResult
from test_page_crosswalk_speed import CFIR, many_codings


class Counted:
    """``page_crosswalk``, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, result: CodingResult, model: object) -> dict[str, object]:
        self.calls += 1
        return page_crosswalk(result, model)  # type: ignore[arg-type]


def page(result: CodingResult, cache_dir: Path | None, work_out: Counted) -> str:
    """The page's crosswalk as the report writes it (JSON, in its order)."""
    return json.dumps(cached_page_crosswalk(result, CFIR, cache_dir, work_out))


def kept_values(cache_dir: Path) -> list[str]:
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        return [v for (v,) in db.execute("SELECT value FROM entries")]


def test_a_second_report_reads_the_crosswalk_kept_and_it_is_the_same(tmp_path: Path) -> None:
    codings = many_codings(60)
    plain = json.dumps(page_crosswalk(codings, CFIR))
    work_out = Counted()
    assert page(codings, tmp_path, work_out) == plain
    assert page(many_codings(60), tmp_path, work_out) == plain
    assert work_out.calls == 1


def test_without_a_cache_folder_it_is_worked_out_each_time(tmp_path: Path) -> None:
    work_out = Counted()
    page(many_codings(20), None, work_out)
    page(many_codings(20), None, work_out)
    assert work_out.calls == 2


def _with_segment(result: CodingResult, i: int, **changes: object) -> CodingResult:
    segs = list(result.segments)
    seg = segs[i]
    text = changes.pop("text", None)
    if text is not None:
        seg = dataclasses.replace(seg, segment=dataclasses.replace(seg.segment, text=text))
    if changes:
        sugs = list(seg.suggestions)
        sugs[0] = dataclasses.replace(sugs[0], **changes)  # type: ignore[arg-type]
        seg = dataclasses.replace(seg, suggestions=sugs)
    segs[i] = seg
    return CodingResult(segs, meta=result.meta)


@pytest.mark.parametrize(
    "change",
    [
        {"text": "Staff leaders changed the policy on training."},
        {"probability": 0.123456},
        {"code_id": "IS.C", "name": "Culture"},
        {"valence": "enabler", "valence_probability": 0.5},
        {"name": "Another name"},
        {"domain": "Another domain"},
    ],
    ids=["text", "probability", "code", "valence", "name", "domain"],
)
def test_a_change_in_a_segment_or_a_suggestion_misses(change: dict[str, object]) -> None:
    codings = many_codings(30)
    changed = _with_segment(codings, 5, **change)
    assert page_crosswalk_key(changed, CFIR) != page_crosswalk_key(codings, CFIR)


def test_the_segments_order_a_new_segment_the_codebook_and_roqa_s_code_change_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    codings = many_codings(30)
    key = page_crosswalk_key(codings, CFIR)
    assert page_crosswalk_key(many_codings(30), CFIR) == key
    segs = list(codings.segments)
    assert page_crosswalk_key(CodingResult(segs[::-1], meta=codings.meta), CFIR) != key
    assert page_crosswalk_key(many_codings(31), CFIR) != key
    renamed = dataclasses.replace(CFIR, name="Another codebook")
    assert page_crosswalk_key(codings, renamed) != key
    monkeypatch.setattr(crosswalk_cache, "package_hash", lambda: "other code")
    assert page_crosswalk_key(codings, CFIR) != key


def test_segment_ids_are_read_from_the_codings_not_kept(tmp_path: Path) -> None:
    """The kept crosswalk names segments by their place: codings of other ids (the same files
    renamed) read it back under their own ids, and the cache keeps no name of a transcript."""
    codings = many_codings(40)
    work_out = Counted()
    page(codings, tmp_path, work_out)
    renamed = CodingResult(
        [
            dataclasses.replace(
                s,
                segment=dataclasses.replace(
                    s.segment, id=s.segment.id.replace("p01", "renamed"), transcript_id="renamed"
                ),
            )
            for s in codings.segments
        ],
        meta=codings.meta,
    )
    assert page(renamed, tmp_path, work_out) == json.dumps(page_crosswalk(renamed, CFIR))
    assert work_out.calls == 1
    (value,) = kept_values(tmp_path)
    assert "p01" not in value and "renamed" not in value


def test_no_words_of_the_segments_are_kept(tmp_path: Path) -> None:
    codings = many_codings(40)
    page(codings, tmp_path, Counted())
    (value,) = kept_values(tmp_path)
    kept = json.loads(value)
    assert set(kept) == {"base", "codes", "shown"}
    words = {w.strip(".") for s in codings.segments for w in s.segment.text.split()}
    shown = json.dumps(kept["shown"])
    assert not [w for w in words if len(w) > 3 and w in shown]


@pytest.mark.parametrize(
    "damage",
    [
        "[]",
        '{"base": "cfir-2009"}',
        '{"base": "cfir-2009", "codes": {}, "shown": {"cfir-2022": [[99999, []]]}}',
        '{"base": "cfir-2009", "codes": {}, "shown": {"cfir-2022": [[1, [["IND.K"]]]]}}',
        '{"base": "cfir-2009", "codes": {"X": ["a", 1, "b"]}, "shown": {}}',
        '{"base": 1, "codes": {}, "shown": {}}',
    ],
    ids=["list", "cut", "place", "row", "codes", "base"],
)
def test_a_kept_value_of_another_shape_is_worked_out_again(tmp_path: Path, damage: str) -> None:
    codings = many_codings(30)
    plain = json.dumps(page_crosswalk(codings, CFIR))
    page(codings, tmp_path, Counted())
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE entries SET value = ?", (damage,))
    work_out = Counted()
    assert page(codings, tmp_path, work_out) == plain
    assert work_out.calls == 1
    assert page(codings, tmp_path, work_out) == plain  # kept again, as worked out
    assert work_out.calls == 1


def test_a_study_with_nothing_to_chart_keeps_an_empty_crosswalk(tmp_path: Path) -> None:
    codings = many_codings(5)
    bare = CodingResult(
        [SegmentResult(segment=s.segment, suggestions=[]) for s in codings.segments],
        meta=codings.meta,
    )
    work_out = Counted()
    first = page(bare, tmp_path, work_out)
    assert page(bare, tmp_path, work_out) == first
    assert work_out.calls == 1


def test_a_cache_folder_that_is_a_file_costs_only_the_work(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x", "utf-8")
    codings = many_codings(10)
    work_out = Counted()
    assert page(codings, tmp_path / "afile", work_out) == json.dumps(page_crosswalk(codings, CFIR))
    assert (tmp_path / "afile").read_text("utf-8") == "x"
