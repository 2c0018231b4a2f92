"""Specification of CodingResult and its files (codings.jsonl/.csv, transcripts.jsonl, run.json)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

INTERVIEWER = "How did the café scheme go?"
P1 = "Naïve at first – we’d no staff 😀, honestly."
P2 = "Über-busy; the CQC inspector came twice."


def build() -> CodingResult:
    text = f"{INTERVIEWER}\n{P1}\n{P2}"
    s1 = len(INTERVIEWER) + 1
    s2 = s1 + len(P1) + 1
    turns = [
        Turn("I", "interviewer", 0, len(INTERVIEWER), 0.0, 3.5),
        Turn("P07", "participant", s1, s1 + len(P1), 3.5, 9.0),
        Turn("P07", "participant", s2, s2 + len(P2), 9.0, 12.25),
    ]
    t = Transcript(
        id="p07_zoom",
        text=text,
        turns=turns,
        source="p07_zoom.vtt",
        participant="P07",
        metadata={"site": "Leeds – north", "minutes": 26},
    )
    seg1 = Segment(
        "p07_zoom:0",
        "p07_zoom",
        "P07",
        "participant",
        s1,
        s1 + len(P1),
        P1,
        1,
        INTERVIEWER,
        3.5,
        9.0,
    )
    seg2 = Segment("p07_zoom:1", "p07_zoom", "P07", "participant", s2, s2 + len(P2), P2, 2)
    r1 = SegmentResult(
        segment=seg1,
        suggestions=[
            Suggestion(
                "IS.E.2", "Available Resources", "IS", 0.81234, "barrier", 0.9, ("No staff.",)
            ),
            Suggestion("IS.C", "Culture", "IS", 0.1, "neutral", None),
            Suggestion("IC.A", "Intervention Source", "IC", 0.05, "enabler", 0.51),
            Suggestion("PR.A", "Planning", "PR", 0.01, "neutral", 0.4),
        ],
        novel=False,
        novelty_p=0.4321,
    )
    r2 = SegmentResult(
        segment=seg2, suggestions=[], novel=True, novelty_p=0.01, procedural=False, off_topic=True
    )
    return CodingResult(
        segments=[r1, r2],
        transcripts={t.id: t},
        meta={"model": {"hash": "abc"}, "note": "ünïcode ✓"},
    )


@pytest.fixture
def saved(tmp_path: Path) -> tuple[CodingResult, Path]:
    result = build()
    result.save(tmp_path)
    return result, tmp_path


def test_save_writes_the_four_files(tmp_path: Path) -> None:
    paths = build().save(tmp_path / "out")
    assert sorted(paths) == ["codings.csv", "codings.jsonl", "run.json", "transcripts.jsonl"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(paths)


def test_read_gives_back_an_equal_result(saved) -> None:
    result, out = saved
    back = CodingResult.read(out / "codings.jsonl")
    assert back == result
    assert [s.to_dict() for s in back] == [s.to_dict() for s in result]


def test_read_keeps_non_ascii_and_emoji_text(saved) -> None:
    _, out = saved
    back = CodingResult.read(out)
    assert back.segments[0].segment.text == P1
    assert back.segments[0].segment.context == INTERVIEWER
    assert "😀" in (out / "codings.jsonl").read_text("utf-8")  # written as is, not \\u escapes


def test_read_of_a_directory_reads_its_codings_jsonl(saved) -> None:
    result, out = saved
    assert CodingResult.read(out) == result


def test_transcripts_round_trip(saved) -> None:
    result, out = saved
    back = CodingResult.read(out)
    assert back.transcripts == result.transcripts


def test_offsets_still_index_the_transcript_text_after_reading(saved) -> None:
    _, out = saved
    back = CodingResult.read(out)
    t = back.transcripts["p07_zoom"]
    for s in back:
        assert t.text[s.segment.start : s.segment.end] == s.segment.text


def test_run_json_round_trips_the_meta(saved) -> None:
    result, out = saved
    assert json.loads((out / "run.json").read_text("utf-8")) == result.meta
    assert CodingResult.read(out).meta == result.meta


def test_suggestion_fields_round_trip_exactly(saved) -> None:
    result, out = saved
    back = CodingResult.read(out)
    assert back.segments[0].suggestions == result.segments[0].suggestions
    assert (back.segments[1].novel, back.segments[1].novelty_p) == (True, 0.01)
    assert [s.off_topic for s in back.segments] == [False, True]


def test_codings_written_before_off_topic_existed_read_as_not_off_topic(saved) -> None:
    _, out = saved
    path = out / "codings.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    for row in rows:
        del row["off_topic"]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    assert [s.off_topic for s in CodingResult.read(path).segments] == [False, False]


def test_codings_csv_columns(saved) -> None:
    _, out = saved
    text = (out / "codings.csv").read_text("utf-8")
    assert text.startswith("\ufefftranscript,")  # Excel reads UTF-8 after a byte-order mark
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == [
        "transcript",
        "segment_id",
        "speaker",
        "start",
        "end",
        "text",
        "code_1",
        "name_1",
        "probability_1",
        "valence_1",
        "code_2",
        "name_2",
        "probability_2",
        "valence_2",
        "code_3",
        "name_3",
        "probability_3",
        "valence_3",
        "novel",
        "novelty_p",
        "procedural",
        "off_topic",
        "question",
        "begin_time",
        "end_time",
    ]


def test_codings_csv_rows_hold_the_top_three_suggestions(saved) -> None:
    result, out = saved
    rows = list(csv.reader(io.StringIO((out / "codings.csv").read_text("utf-8-sig"))))
    seg = result.segments[0].segment
    assert rows[1] == [
        "p07_zoom",
        "p07_zoom:0",
        "P07",
        str(seg.start),
        str(seg.end),
        P1,
        "IS.E.2",
        "Available Resources",
        "0.8123",
        "barrier",
        "IS.C",
        "Culture",
        "0.1000",
        "neutral",
        "IC.A",
        "Intervention Source",
        "0.0500",
        "enabler",
        "false",
        "0.4321",
        "false",
        "false",
        INTERVIEWER,
        "3.500",
        "9.000",
    ]
    assert rows[2][6:] == ["", "", "", ""] * 3 + ["true", "0.0100", "false", "true", "", "", ""]
    assert len(rows) == 3


def test_unset_novelty_is_an_empty_csv_cell() -> None:
    r = build()
    r.segments[0].novel = None
    r.segments[0].novelty_p = None
    row = list(csv.reader(io.StringIO(r.to_csv())))[1]
    assert row[-7:-3] == ["", "", "false", "false"]


def test_codings_csv_text_that_a_spreadsheet_would_run_is_defused() -> None:
    r = build()
    seg = r.segments[0].segment
    r.segments[0].segment = replace(seg, text="=HYPERLINK(1)", context="-so, staffing?")
    row = list(csv.reader(io.StringIO(r.to_csv())))[1]
    assert (row[5], row[-3]) == ("'=HYPERLINK(1)", "'-so, staffing?")


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    build().save(tmp_path)
    build().save(tmp_path)  # overwriting too
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "codings.csv",
        "codings.jsonl",
        "run.json",
        "transcripts.jsonl",
    ]


def test_malformed_json_line_is_a_one_line_error_with_its_number(saved) -> None:
    _, out = saved
    p = out / "codings.jsonl"
    lines = p.read_text("utf-8").splitlines()
    p.write_text(lines[0] + "\n" + lines[1][:-5] + "\n", encoding="utf-8")
    with pytest.raises(RoqaError) as exc:
        CodingResult.read(p)
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{p}: line 2 is not valid JSON")


def test_line_missing_a_field_is_a_one_line_error_with_its_number(saved) -> None:
    _, out = saved
    p = out / "codings.jsonl"
    lines = p.read_text("utf-8").splitlines()
    record = json.loads(lines[1])
    del record["start"]
    p.write_text(lines[0] + "\n\n" + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(RoqaError) as exc:
        CodingResult.read(p)
    msg = str(exc.value)
    assert "\n" not in msg
    # Blank lines are skipped but counted: the bad record is on line 3.
    assert msg.startswith(f"{p}: line 3 is not a segment coding")


def test_reading_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RoqaError, match="file not found"):
        CodingResult.read(tmp_path / "nothing.jsonl")


def test_read_without_sidecar_files_gives_no_transcripts_and_no_meta(saved) -> None:
    result, out = saved
    (out / "transcripts.jsonl").unlink()
    (out / "run.json").unlink()
    back = CodingResult.read(out)
    assert back == result
    assert (back.transcripts, back.meta) == ({}, {})


def test_by_transcript_and_participant_of() -> None:
    r = build()
    assert list(r.by_transcript()) == ["p07_zoom"]
    assert r.participant_of("p07_zoom") == "P07"
    assert r.participant_of("unknown") == "unknown"


def test_equality_compares_segments() -> None:
    a, b = build(), build()
    assert a == b
    b.segments[1].novel = False
    assert a != b
