"""Specification of CodingsWriter: a streamed coding writes the files CodingResult.save writes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from roqa_nlp.codings_writer import FILES, CodingsWriter, write_codings
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn


def transcript(n: int) -> Transcript:
    answer = f"Naïve at first – we’d no staff {n} 😀, honestly."
    text = f"Interviewer: How did it go?\nP{n:02d}: {answer}"
    start = text.index(answer)
    return Transcript(
        id=f"t{n}",
        text=text,
        turns=[Turn("P", "participant", start, start + len(answer))],
        source=f"t{n}.txt",
        participant=f"P{n:02d}",
    )


def coded(t: Transcript, novel: bool) -> SegmentResult:
    turn = t.turns[0]
    seg = Segment(
        f"{t.id}:0001", t.id, "P", "participant", turn.start, turn.end, t.turn_text(turn), 1
    )
    sug = [Suggestion("IS.E.2", "Available Resources", "IS", 0.8125, "barrier", 0.9, ("x",))]
    return SegmentResult(seg, sug, novel=novel, novelty_p=0.05 if novel else 0.5)


def whole() -> CodingResult:
    ts = [transcript(n) for n in (1, 2, 3)]
    return CodingResult(
        segments=[coded(t, novel=(t.id == "t2")) for t in ts],
        transcripts={t.id: t for t in ts},
        meta={"model": {"hash": "abc"}, "params": {"alpha": 0.1}},
    )


def parts(result: CodingResult, sizes: list[int]) -> Iterator[CodingResult]:
    i = 0
    for n in sizes:
        segs = result.segments[i : i + n]
        ids = [s.segment.transcript_id for s in segs]
        yield CodingResult(segs, {k: result.transcripts[k] for k in ids}, meta=result.meta)
        i += n


@pytest.mark.parametrize("sizes", [[3], [1, 2], [1, 1, 1], [2, 0, 1]])
def test_streamed_parts_write_the_bytes_save_writes(tmp_path: Path, sizes: list[int]) -> None:
    result = whole()
    result.save(tmp_path / "saved")
    write_codings(parts(result, sizes), tmp_path / "streamed")
    for name in FILES:
        assert (tmp_path / "streamed" / name).read_bytes() == (
            tmp_path / "saved" / name
        ).read_bytes(), name


def test_writer_counts_transcripts_segments_and_novel_ones(tmp_path: Path) -> None:
    w = write_codings(parts(whole(), [1, 2]), tmp_path)
    assert (w.n_transcripts, w.n_segments, w.n_novel) == (3, 3, 1)


def test_an_empty_stream_writes_empty_files_with_the_csv_header(tmp_path: Path) -> None:
    write_codings(iter([]), tmp_path / "streamed")
    CodingResult().save(tmp_path / "saved")
    for name in ("codings.jsonl", "codings.csv", "transcripts.jsonl"):
        assert (tmp_path / "streamed" / name).read_bytes() == (
            tmp_path / "saved" / name
        ).read_bytes()


def test_a_failed_stream_leaves_no_result_files(tmp_path: Path) -> None:
    def failing() -> Iterator[CodingResult]:
        yield from parts(whole(), [1])
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_codings(failing(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_writer_keeps_the_meta_it_is_given(tmp_path: Path) -> None:
    with CodingsWriter(tmp_path, {"engine": "ray"}) as w:
        w.write(whole())
    meta = CodingResult.read(tmp_path).meta
    assert meta == {
        "engine": "ray",
        # session 41: and its record of codings.jsonl, as CodingResult.save writes it
        "codings": {
            "segments": {"t1": 1, "t2": 1, "t3": 1},
            "sha256": hashlib.sha256((tmp_path / "codings.jsonl").read_bytes()).hexdigest(),
        },
    }


def test_a_stream_stopped_before_run_json_leaves_codings_that_do_not_match_it(
    tmp_path: Path, monkeypatch
) -> None:
    """Session 41: the three streamed files were renamed into place transcripts.jsonl first and
    codings.jsonl last, so a run stopped after the first rename left new transcripts beside the
    earlier codings and run.json, a pair that matched. codings.jsonl now goes first."""
    import os

    from roqa_nlp.errors import RoqaError

    whole().save(tmp_path)
    renamed: list[str] = []
    real_replace = os.replace

    def replace_once(src, dst):  # type: ignore[no-untyped-def]
        if renamed:
            raise KeyboardInterrupt
        renamed.append(Path(dst).name)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_once)
    with pytest.raises(KeyboardInterrupt):
        write_codings(parts(whole(), [1]), tmp_path)
    monkeypatch.undo()
    assert renamed == ["codings.jsonl"]
    with pytest.raises(RoqaError, match="holds 1 segment where run.json beside it records 3"):
        CodingResult.read(tmp_path, strict=True)
