"""Specification of CodingResult and its files (codings.jsonl/.csv, transcripts.jsonl, run.json)."""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.io import EXCEL_BOM
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


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("run.json", "roqa's run record, not codings"),
        ("transcripts.jsonl", "roqa's record of the transcripts coded, not codings"),
        ("open_coding.jsonl", "roqa's open-coding queue, not codings"),
        ("codings.csv", "the spreadsheet of the codings, which cannot be read back"),
    ],
)
def test_reading_a_file_saved_beside_the_codings_says_to_give_the_codings(
    saved, name: str, what: str
) -> None:
    """read("out/run.json") said "line 1 is not valid JSON ... (one JSON object per line)" and
    read("out/transcripts.jsonl") "not a segment coding" (s54 api tester)."""
    _, out = saved
    if name == "open_coding.jsonl":  # roqa code writes it beside them
        (out / name).write_text('{"id": "candidate-001", "size": 2}\n', "utf-8")
    with pytest.raises(ValueError) as exc:  # a wrong value, as docs/python.md "Errors" says
        CodingResult.read(out / name)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"{out / name}: is {what} (give the codings.jsonl beside it, or its folder {out})"
    )


def test_reading_the_spreadsheet_of_the_codings_under_another_name_says_so(
    saved, tmp_path: Path
) -> None:
    """r.to_csv("p01_codings.csv"); CodingResult.read("p01_codings.csv") said "line 1 is not
    valid JSON": only a file named codings.csv beside codings.jsonl was known (s62 api tester)."""
    result, _ = saved
    elsewhere = tmp_path / "shared" / "p01_codings.csv"
    elsewhere.parent.mkdir()
    result.to_csv(elsewhere)
    with pytest.raises(ValueError) as exc:
        CodingResult.read(elsewhere)
    assert str(exc.value) == (
        f"{elsewhere}: is the spreadsheet of the codings, which cannot be read back (give the "
        "codings.jsonl it was written from, or the folder holding it)"
    )
    other = tmp_path / "shared" / "notes.csv"
    other.write_text("id,note\n1,hello\n", "utf-8")
    with pytest.raises(ValueError) as exc:
        CodingResult.read(other)
    assert str(exc.value) == (
        f"{other}: is a CSV table, not codings (give the codings.jsonl roqa code or "
        "result.save() wrote, or the folder holding it)"
    )


def test_codings_jsonl_renamed_to_csv_is_read_by_what_it_holds(saved, tmp_path: Path) -> None:
    """A codings.jsonl renamed by hand to codings_as.csv was read before s62 and was then
    refused as "a CSV table" by its name alone (s62 api hunter): a first non-blank line that
    is a JSON object is read as the codings it is."""
    result, out = saved
    renamed = tmp_path / "mine" / "codings_as.csv"
    renamed.parent.mkdir()
    renamed.write_text("\n" + (out / "codings.jsonl").read_text("utf-8"), "utf-8")
    back = CodingResult.read(renamed)
    assert [s.to_dict() for s in back] == [s.to_dict() for s in result]
    not_an_object = tmp_path / "list.csv"
    not_an_object.write_text('["id", "note"]\n', "utf-8")
    with pytest.raises(ValueError, match="is a CSV table, not codings"):
        CodingResult.read(not_an_object)


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("notes.xyz", "hello\n", "line 1 is not valid JSON (Expecting value)"),
        ("old.doc", "x\n", "line 1 is not valid JSON (Expecting value)"),
        ("sheet.ods", "a,b\n", "line 1 is not valid JSON (Expecting value)"),
        ("noext", "x\n", "line 1 is not valid JSON (Expecting value)"),
        ("bad.jsonl", "not json\n", "line 1 is not valid JSON (Expecting value)"),
        ("list.jsonl", "[1]\n", "line 1 is not a JSON object"),
        ("random.json", '{"a":1}\n', "line 1 is not a segment coding ('segment_id')"),
    ],
)
def test_a_file_that_is_not_codings_is_a_value_error(
    tmp_path: Path, name: str, content: str, said: str
) -> None:
    """These were plain RoqaErrors, missed by ``except ValueError`` where .csv, a transcript or
    roqa's report was caught, as docs/python.md says (s62 api hunter D3)."""
    f = tmp_path / name
    f.write_text(content, "utf-8")
    with pytest.raises(ValueError) as exc:
        CodingResult.read(f)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value).startswith(f"{f}: {said} (")


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
        "context",
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


def test_save_over_other_codings_names_the_files_made_from_them(tmp_path: Path) -> None:
    """s56 api tester: save() of one interview into a folder coded before left its report.html
    and open_coding.* (showing p01 to p03) beside the new codings, without a word. They are
    named in one warning, as roqa code names them, and left in place."""
    import warnings

    build().save(tmp_path)
    # the transcripts, kept beside their codings, are the researcher's files: never named (s56
    # regression hunt: "p03_interview.docx is from an earlier run ... or delete it")
    ids = sorted({s.segment.transcript_id for s in build().segments})
    for name in ("report.html", "open_coding.csv", "open_coding.jsonl", "matrix.csv", "notes.txt"):
        (tmp_path / name).write_text("earlier\n", encoding="utf-8")
    for tid in ids:
        (tmp_path / f"{tid}.docx").write_bytes(b"a transcript")
    with pytest.warns(RoqaWarning) as caught:
        build()[:1].save(tmp_path)
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: report.html, matrix.csv, open_coding.csv and open_coding.jsonl are from an "
        "earlier run and do not show these codings (make them again from this result, e.g. "
        f"write_report(result, {str(tmp_path / 'report.html')!r}), or delete them)"
    ]
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "earlier\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        build()[:1].save(tmp_path)  # the same codings again: the files show them as before
        build().save(tmp_path / "new")  # a new folder


def test_save_over_other_codings_names_the_transcripts_it_replaces(tmp_path: Path) -> None:
    """As roqa code --out warns of the transcripts a folder held codings of and a run does not
    code: their codings are gone from it (s56 api tester 3)."""
    two_participants().save(tmp_path)
    with pytest.warns(RoqaWarning) as caught:
        two_participants().subset(participant="P07").save(tmp_path)
    assert [str(w.message) for w in caught] == [
        f"{tmp_path}: held codings of p08_zoom, which this result does not hold: they are "
        "replaced (save every transcript's codings together, result.extend(other), or give "
        "another folder)"
    ]


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


def test_codings_cut_off_mid_line_say_so_and_what_to_do(saved) -> None:
    """A codings.jsonl cut short in its last line (a copy or a run stopped as it wrote) said
    "line 2 is not valid JSON (Unterminated string starting at) (one JSON object per line)":
    true, but a cut-off Python message and no word of what to do (tester s53 resilience, 3)."""
    _, out = saved
    p = out / "codings.jsonl"
    lines = p.read_text("utf-8").splitlines()
    p.write_text(lines[0] + "\n" + lines[1][:40], encoding="utf-8")
    with pytest.raises(RoqaError) as exc:
        CodingResult.read(p)
    assert str(exc.value) == (
        f"{p}: ends mid-line, in line 2: the file was cut short (written by a run that was "
        "stopped?) (run `roqa code` again to write it whole)"
    )


def test_codings_cut_inside_a_character_say_the_file_was_cut(saved) -> None:
    """A codings.jsonl cut between the bytes of its last line's "Ü" was told "is not UTF-8 text
    ... re-save the file as UTF-8", where the same cut an ASCII letter earlier said the file
    was cut and to run roqa code again (session 54, codings 1)."""
    _, out = saved
    p = out / "codings.jsonl"
    data = p.read_bytes()
    first = data.index(b"\n") + 1
    p.write_bytes(data[: data.index("Ü".encode(), first) + 1])
    with pytest.raises(RoqaError) as exc:
        CodingResult.read(p)
    assert str(exc.value) == (
        f"{p}: ends mid-line, in line 2: the file was cut short (written by a run that was "
        "stopped?) (run `roqa code` again to write it whole)"
    )


def test_codings_with_bytes_not_utf8_before_a_cut_character_keep_the_utf8_advice(
    saved,
) -> None:
    _, out = saved
    p = out / "codings.jsonl"
    data = p.read_bytes().replace("é".encode(), b"\xe9", 1)
    p.write_bytes(data[: data.index("Ü".encode()) + 1])
    with pytest.raises(RoqaError, match=r": is not UTF-8 text \(line 1, column \d+: byte 0xE9"):
        CodingResult.read(p)


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


def test_a_transcript_line_out_of_its_text_is_a_one_line_error_with_its_number(saved) -> None:
    """transcripts.jsonl's lines are read as codings.jsonl's are: a line that is no transcript
    (a turn outside its text) names its number, what it is not and what each line needs."""
    _, out = saved
    side = out / "transcripts.jsonl"
    lines = side.read_text("utf-8").splitlines()
    record = json.loads(lines[-1])
    record["turns"][0]["end"] = len(record["text"]) + 5
    side.write_text("\n".join([*lines[:-1], json.dumps(record)]) + "\n", encoding="utf-8")
    with pytest.raises(RoqaError) as exc:
        CodingResult.read(out)
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{side}: line {len(lines)} is not a transcript (")
    assert msg.endswith(" (each line needs id, text and turns within the text)")


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


def test_participant_of_a_transcript_read_without_transcripts_jsonl() -> None:
    """codings.jsonl alone: the case comes from the participants' speaker labels, else the
    participant number in the id, else the id, as when the transcript is read."""
    import dataclasses

    r = build()
    r.transcripts.clear()
    assert r.participant_of("p07_zoom") == "P07"  # its segments are P07's

    def said_by(speaker: str, transcript: str) -> CodingResult:
        return CodingResult.from_segments(
            dataclasses.replace(
                s,
                segment=dataclasses.replace(s.segment, speaker=speaker, transcript_id=transcript),
            )
            for s in build()
        )

    assert said_by("P12", "interview").participant_of("interview") == "P12"
    assert said_by("Sam Roe", "p07_zoom").participant_of("p07_zoom") == "P07"  # from the id
    assert said_by("Sam Roe", "interview.v2").participant_of("interview.v2") == "interview.v2"


def test_equality_compares_segments() -> None:
    a, b = build(), build()
    assert a == b
    b.segments[1].novel = False
    assert a != b


def test_equality_leaves_out_transcripts_and_meta() -> None:
    a = build()
    assert CodingResult(segments=a.segments) == a
    assert CodingResult(segments=a.segments[:1], transcripts=a.transcripts, meta=a.meta) != a


# -- in a notebook -----------------------------------------------------------------------------


def test_repr_counts_transcripts_segments_and_flags() -> None:
    r = build()
    r.segments[0].procedural = True
    assert repr(r) == "CodingResult(1 transcript, 2 segments: 1 fit no code, 1 procedural)"
    assert repr(CodingResult()) == (
        "CodingResult(0 transcripts, 0 segments: 0 fit no code, 0 procedural)"
    )


def test_segment_result_repr_is_one_short_line() -> None:
    r1, r2 = build().segments
    s1, s2 = r1.segment, r2.segment
    assert repr(r1) == (
        f"SegmentResult(p07_zoom:0, P07, {s1.start}-{s1.end}, "
        "'Naïve at first – we’d no staff 😀, honestly.', "
        "top IS.E.2 'Available Resources' 0.812 barrier)"
    )
    assert repr(r2) == (
        f"SegmentResult(p07_zoom:1, P07, {s2.start}-{s2.end}, "
        "'Über-busy; the CQC inspector came twice.', fits no code, off topic)"
    )
    long = replace(s1, text="word\nby word " * 40)
    assert repr(SegmentResult(long)) == (
        f"SegmentResult(p07_zoom:0, P07, {s1.start}-{s1.end}, "
        "'word by word word by word word by word word by wo…')"  # 50 characters
    )


def test_suggestion_repr_leaves_out_the_evidence_which_still_counts_for_equality() -> None:
    g = build().segments[0].suggestions[0]
    assert repr(g) == (
        "Suggestion(code_id='IS.E.2', name='Available Resources', domain='IS', "
        "probability=0.81234, valence='barrier', valence_probability=0.9)"
    )
    assert g != replace(g, evidence=("Other.",))


def test_transcript_repr_leaves_out_the_text_which_still_counts_for_equality() -> None:
    t = build().transcripts["p07_zoom"]
    assert repr(t) == (
        f"Transcript('p07_zoom', participant='P07', 3 turns, {len(t.text)} characters, "
        "source='p07_zoom.vtt')"
    )
    assert t != replace(t, text=t.text.upper())


def test_an_index_gives_a_segment_and_a_slice_a_result_with_the_transcripts_and_meta() -> None:
    r = build()
    assert r[0] is r.segments[0]
    assert r[-1] is r.segments[1]
    part = r[1:]
    assert isinstance(part, CodingResult)
    # equal copies: changing the slice leaves r as it was (session 47)
    assert part.segments == [r.segments[1]] and part.segments[0] is not r.segments[1]
    assert (part.transcripts, part.meta) == (r.transcripts, r.meta)
    part.meta["note"] = "changed"
    assert r.meta["note"] == "ünïcode ✓"  # the slice has its own meta dict
    with pytest.raises(IndexError):
        r[2]


def two_participants() -> CodingResult:
    r = build()
    t = r.transcripts["p07_zoom"]
    t8 = replace(t, id="p08_zoom", participant="P08", source="p08_zoom.vtt")
    r8 = [
        replace(s, segment=replace(s.segment, id=f"p08_zoom:{i}", transcript_id="p08_zoom"))
        for i, s in enumerate(build().segments)
    ]
    return CodingResult(r.segments + r8, {t.id: t, t8.id: t8}, r.meta)


def test_subset_by_participant_keeps_their_transcripts_and_the_meta() -> None:
    r = two_participants()
    sub = r.subset(participant="P08")
    assert [s.segment.id for s in sub] == ["p08_zoom:0", "p08_zoom:1"]
    assert list(sub.transcripts) == ["p08_zoom"]
    assert sub.meta == r.meta and sub.meta is not r.meta
    assert len(r.subset(participant=["P07", "P08"])) == 4


def test_subset_by_transcript_id() -> None:
    r = two_participants()
    sub = r.subset(transcript="p07_zoom")
    assert [s.segment.id for s in sub] == ["p07_zoom:0", "p07_zoom:1"]
    assert list(sub.transcripts) == ["p07_zoom"]
    assert len(r.subset(transcript="p07_zoom", participant="P08")) == 0


def test_subset_by_top_code_accepts_an_id_or_a_name_and_keeps_every_transcript() -> None:
    r = two_participants()
    by_id = r.subset(code="IS.E.2")
    assert [s.segment.id for s in by_id] == ["p07_zoom:0", "p08_zoom:0"]
    assert list(by_id.transcripts) == ["p07_zoom", "p08_zoom"]
    assert by_id == r.subset(code="available resources")
    assert len(r.subset(code=["Culture", "PR.A"])) == 0  # only the top suggestion counts


def test_subset_by_code_leaves_out_set_aside_segments_as_the_matrix_and_codings_csv_do() -> None:
    """A goodbye's top suggestion came back under its code (s54 api tester): the matrix,
    Table 2, codings.csv and to_dataframe() chart no code for a set-aside segment."""
    r = two_participants()
    top = r.segments[0].suggestions
    r.segments[1].suggestions = list(top)  # p07_zoom:1, novel and off topic
    r.segments[2].procedural = True  # p08_zoom:0
    r.segments[3].suggestions = list(top)
    r.segments[3].novel, r.segments[3].off_topic = True, False  # p08_zoom:1, novel only
    assert [s.segment.id for s in r.subset(code="IS.E.2")] == ["p07_zoom:0"]
    assert [s.segment.id for s in r.subset(code="IS.E.2", set_aside=True)] == [
        "p07_zoom:0",
        "p07_zoom:1",
        "p08_zoom:0",
        "p08_zoom:1",
    ]
    assert [s.segment.id for s in r.subset(where=lambda s: s.procedural)] == ["p08_zoom:0"]


def test_subset_by_predicate_and_combined() -> None:
    r = two_participants()
    assert [s.segment.id for s in r.subset(where=lambda s: bool(s.novel))] == [
        "p07_zoom:1",
        "p08_zoom:1",
    ]
    both = r.subset(participant="P07", where=lambda s: not s.novel)
    assert [s.segment.id for s in both] == ["p07_zoom:0"]
    assert r.subset() == r


def test_subset_of_an_unknown_participant_is_a_one_line_error() -> None:
    with pytest.raises(ValueError) as exc:
        two_participants().subset(participant=["P1", "P08"])
    assert str(exc.value) == "unknown participant(s) 'P1' (this result has P07, P08)"
    with pytest.raises(ValueError, match=r"^unknown transcript\(s\) 'P07' \(this result has "):
        two_participants().subset(transcript="P07")


def test_subset_takes_a_participant_spelled_as_an_interview_order_spells_it() -> None:
    r = two_participants()
    assert r.subset(participant="p07") == r.subset(participant="P7") == r.subset(participant="P07")


def test_subset_by_a_code_that_is_no_code_is_an_error_not_an_empty_result() -> None:
    """code="Champignons" kept nothing without a word (session 27)."""
    r = two_participants()
    with pytest.raises(ValueError) as exc:  # s50 api tester: a bare RoqaError
        r.subset(code="Champignons")
    assert str(exc.value) == "unknown code 'Champignons' (did you mean 'Champions'?)"
    # s64 api tester: docs/python.md names UnknownCode, which `except UnknownCode` catches
    from roqa_nlp.codebook import UnknownCode

    assert type(exc.value) is UnknownCode
    with pytest.raises(ValueError, match="unknown code 'Cultur'"):
        r.subset(code=["Champions", "Cultur"])
    # a name near none: where the codes are listed, in one pair of brackets, with the Python
    # call (api tester, session 83, D7: "(give a code's id or name (roqa codebook lists them))")
    with pytest.raises(UnknownCode) as exc:
        r.subset(code="Nope")
    assert str(exc.value) == (
        "unknown code 'Nope' (give a code's id or name: `roqa codebook cfir-2009` lists the "
        "codes; in Python, load_codebook('cfir-2009').codes)"
    )


def test_subset_by_a_domain_keeps_the_segments_of_its_codes() -> None:
    """s56 api tester: code="Outer Setting" (or "OS") kept 0 of the 17 segments coded in it,
    without a word. A construct is its own code (Engaging, not its sub-constructs), as the
    framework matrix's columns are."""
    r = two_participants()
    r.segments[1].suggestions = [Suggestion("PR.B.1", "Opinion Leaders", "PR", 0.7, "enabler")]
    r.segments[1].novel = r.segments[1].off_topic = False  # p07_zoom:1
    assert [s.segment.id for s in r.subset(code="Inner Setting")] == ["p07_zoom:0", "p08_zoom:0"]
    assert r.subset(code="IS") == r.subset(code="inner setting") == r.subset(code="IS.E.2")
    assert [s.segment.id for s in r.subset(code="Process")] == ["p07_zoom:1"]
    assert len(r.subset(code="Engaging")) == 0  # PR.B: Opinion Leaders is PR.B.1
    assert len(r.subset(code="Outer Setting")) == 0


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            {"code": 5},
            "subset(code=...) takes a code (a str) or a list of them, not an int "
            "(e.g. subset(code='Champions'))",
        ),
        (
            {"code": ["Champions", None]},
            "subset(code=...) takes codes as str, not None (e.g. subset(code='Champions'))",
        ),
        (
            {"participant": 7},
            "subset(participant=...) takes a participant (a str) or a list of them, not an int "
            "(e.g. subset(participant='P01'))",
        ),
        (
            {"transcript": b"p07_zoom"},
            "subset(transcript=...) takes a transcript (a str) or a list of them, not a bytes "
            "(e.g. subset(transcript='p01_interview'))",
        ),
    ],
)
def test_subset_given_no_name_names_the_argument(given: dict[str, object], message: str) -> None:
    """s56 api tester: subset(code=5) gave "'int' object is not iterable"."""
    with pytest.raises(TypeError) as exc:
        two_participants().subset(**given)  # type: ignore[arg-type]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == message


@pytest.mark.parametrize("call", ["read", "load"])
def test_reading_codings_from_no_path_names_the_argument(call: str) -> None:
    """s56 api tester: CodingResult.read(42) gave "expected str, bytes or os.PathLike object,
    not int"."""
    with pytest.raises(TypeError) as exc:
        getattr(CodingResult, call)(42)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"CodingResult.{call}() takes the path of codings.jsonl or of the folder holding it, "
        f"not an int (give a path, e.g. CodingResult.{call}('coded/'))"
    )


def test_a_chart_of_a_subset_keeps_the_case_labels() -> None:
    from roqa_nlp.framework import framework_matrix

    r = two_participants()
    assert framework_matrix(r.subset(code="IS.E.2")).cases == ["P07", "P08"]
    assert framework_matrix(r[:1]).cases == ["P07", "P08"]
    # from_segments has no transcripts: the speakers name the participant
    assert framework_matrix(CodingResult.from_segments(r[:1])).cases == ["P07"]


def test_load_is_read(saved) -> None:
    result, out = saved
    back = CodingResult.load(out)
    assert back == result
    assert (back.transcripts, back.meta) == (result.transcripts, result.meta)


@pytest.mark.parametrize("name", ["out.csv", "codings.jsonl", "Report.XLSX"])
def test_save_to_a_file_name_is_a_one_line_error_and_writes_nothing(
    tmp_path: Path, name: str
) -> None:
    with pytest.raises(RoqaError) as exc:
        build().save(tmp_path / name)
    assert str(exc.value) == (
        f"{tmp_path / name}: save() writes a folder; give a folder name "
        "(to_csv(path) writes codings.csv alone)"
    )
    assert list(tmp_path.iterdir()) == []


def test_save_over_a_file_is_an_error_and_a_folder_name_with_a_dot_is_fine(tmp_path: Path) -> None:
    (tmp_path / "coded").write_text("x", "utf-8")
    with pytest.raises(RoqaError, match="save\\(\\) writes a folder"):
        build().save(tmp_path / "coded")
    paths = build().save(tmp_path / "run.v2")
    assert paths["codings.csv"] == tmp_path / "run.v2" / "codings.csv"
    (tmp_path / "old.csv").mkdir()  # an existing folder is a folder, whatever its name
    assert CodingResult.read(build().save(tmp_path / "old.csv")["codings.jsonl"]) == build()


def test_to_csv_with_a_path_writes_the_file_save_writes_and_returns_none(
    saved, tmp_path: Path
) -> None:
    """Given a path, to_csv returns None, as the charts' to_csv and pandas do: s43 tester, it
    returned the 10,350-character CSV, so result.to_csv("codings.csv") as a notebook cell's last
    line echoed every quote into the notebook. Without a path it returns the text."""
    result, out = saved
    assert result.to_csv(tmp_path / "mine.csv") is None
    assert (tmp_path / "mine.csv").read_bytes() == (out / "codings.csv").read_bytes()
    assert (EXCEL_BOM + result.to_csv()).encode("utf-8") == (out / "codings.csv").read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_to_csv_top_k_is_a_keyword() -> None:
    head = next(csv.reader(io.StringIO(build().to_csv(top_k=1))))
    assert head[6:11] == ["code_1", "name_1", "probability_1", "valence_1", "novel"]
    with pytest.raises(TypeError) as exc:
        build().to_csv(1)  # type: ignore[arg-type]
    assert str(exc.value) == "to_csv() takes the file to write first, got 1 (write to_csv(top_k=1))"
    with pytest.raises(ValueError, match=r"^top_k must be at least 1, not 0 \(give how many"):
        build().to_csv(top_k=0)
    with pytest.raises(TypeError, match=r"^top_k must be a whole number \(an int\), not '3'"):
        build().to_csv(top_k="3")  # type: ignore[arg-type]


def test_codings_csv_and_the_dataframe_name_the_question_as_codings_jsonl_does() -> None:
    """codings.csv and to_dataframe() called the interviewer's question ``question`` while
    codings.jsonl, training records and ``roqa evaluate`` call it ``context`` (session 40): a
    codings.csv given a ``construct`` column and fed back as training data lost the question."""
    pytest.importorskip("pandas")
    r = build()
    assert json.loads(r.to_jsonl().splitlines()[0])["context"] == INTERVIEWER
    head, first = list(csv.reader(io.StringIO(r.to_csv())))[:2]
    assert dict(zip(head, first, strict=True))["context"] == INTERVIEWER
    assert "question" not in head
    df = r.to_dataframe()
    assert df.iloc[0]["context"] == INTERVIEWER
    assert "question" not in df.columns


def test_to_dataframe_has_the_csv_columns_with_typed_values() -> None:
    pytest.importorskip("pandas")
    r = build()
    r.segments[1].novel = None
    df = r.to_dataframe()
    assert list(df.columns) == next(csv.reader(io.StringIO(r.to_csv())))
    first = df.iloc[0]
    assert (first["transcript"], first["text"], first["context"]) == ("p07_zoom", P1, INTERVIEWER)
    assert (first["start"], first["probability_1"], first["valence_3"]) == (
        r.segments[0].segment.start,
        0.81234,
        "enabler",
    )
    assert (first["begin_time"], first["novelty_p"]) == (3.5, 0.4321)
    # unrounded, where codings.csv rounds probabilities to 4 decimals (docs/outputs.md)
    cells = dict(zip(*list(csv.reader(io.StringIO(r.to_csv())))[:2], strict=True))
    assert (cells["probability_1"], cells["begin_time"]) == ("0.8123", "3.500")
    assert df["code_1"].isna().tolist() == [False, True]
    assert [str(df[c].dtype) for c in ("start", "probability_1", "novel", "off_topic")] == [
        "int64",
        "float64",
        "boolean",
        "bool",
    ]
    assert df["probability_1"].isna().tolist() == [False, True]
    assert df["novel"].isna().tolist() == [False, True]
    assert df["off_topic"].tolist() == [False, True]


def test_to_dataframe_without_pandas_is_a_one_line_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(RoqaError) as exc:
        build().to_dataframe()
    assert str(exc.value) == (
        "to_dataframe() needs pandas, which is not installed (pip install pandas, or use to_csv())"
    )


def test_public_methods_have_docstrings() -> None:
    for cls in (CodingResult, SegmentResult, Transcript):
        for name, member in vars(cls).items():
            if name.startswith("_"):
                continue
            target = member.fget if isinstance(member, property) else member
            if callable(target) or isinstance(member, (classmethod, property)):
                doc = getattr(target, "__doc__", None) or getattr(
                    getattr(target, "__func__", None), "__doc__", None
                )
                assert doc, f"{cls.__name__}.{name} has no docstring"


def test_docstrings_name_only_their_own_keyword_arguments() -> None:
    """A ``name=`` in a method's docstring is one of its parameters: translate's spoke of
    ``top_decides=True``, which only crosswalk.translate took."""
    import inspect
    import re

    for cls in (CodingResult, SegmentResult):
        for name, member in vars(cls).items():
            method = getattr(member, "__func__", member)
            if name.startswith("_") or not callable(method) or not method.__doc__:
                continue
            params = set(inspect.signature(method).parameters)
            stray = set(re.findall(r"\b([a-z_]+)=", method.__doc__)) - params
            assert not stray, f"{cls.__name__}.{name}'s docstring names {sorted(stray)}"


def test_top_is_the_most_probable_suggestion_whatever_the_order() -> None:
    seg = Segment("t:1", "t", "P01", "participant", 0, 5, "hello")

    def g(code: str, p: float) -> Suggestion:
        return Suggestion(code_id=code, name=code, domain="IS", probability=p, valence="neutral")

    assert SegmentResult(seg, [g("A", 0.2), g("B", 0.7), g("C", 0.7)]).top == g("B", 0.7)
    assert SegmentResult(seg, [g("A", 1.0), g("B", 1.0)]).top == g("A", 1.0)  # first of equals
    assert SegmentResult(seg, []).top is None


def test_codings_csv_leaves_the_codes_of_talk_set_aside_empty() -> None:
    """A greeting or small talk keeps its flags but no code in the spreadsheet, so a pivot on
    name_1 counts constructs only; codings.jsonl keeps the model's suggestions."""
    r = build()
    r.segments[0].procedural = True
    r.segments[1].suggestions = list(r.segments[0].suggestions)
    rows = list(csv.reader(io.StringIO(r.to_csv())))
    assert rows[1][6:22] == [""] * 12 + ["false", "0.4321", "true", "false"]
    assert rows[2][6:22] == [""] * 12 + ["true", "0.0100", "false", "true"]
    kept = [json.loads(line)["suggestions"] for line in r.to_jsonl().splitlines()]
    assert [len(k) for k in kept] == [4, 4]


def test_a_pivot_on_name_1_counts_what_the_matrix_and_table_2_chart() -> None:
    """Talk flagged for open coding (novel) keeps its flags but no code in codings.csv, as
    procedural talk and small talk do: the s44 tester's pivot on name_1 counted 80 segments
    where the matrix and Table 2 chart 76, the 4 extra novel rows (top p <= 0.33) under the
    code they fit least badly. codings.jsonl keeps the model's suggestions for all of them."""
    from collections import Counter

    from roqa_nlp.framework import barriers_enablers, framework_matrix

    base = build().segments[0]

    def seg(n: int, code: str, name: str, p: float, **flags: object) -> SegmentResult:
        s = replace(base.segment, id=f"p07_zoom:{n}")
        g = Suggestion(code, name, "IS", p, "barrier", 0.9)
        return SegmentResult(s, [g], novelty_p=0.5, **flags)  # type: ignore[arg-type]

    r = CodingResult(
        segments=[
            seg(0, "IS.E.2", "Available Resources", 0.81, novel=False),
            seg(1, "IS.E.2", "Available Resources", 0.62, novel=False),
            seg(2, "IS.C", "Culture", 0.55, novel=False),
            seg(3, "IS.E.2", "Available Resources", 0.21, novel=True),  # open coding
            seg(4, "IS.C", "Culture", 0.12, novel=True),  # open coding
            seg(5, "IS.C", "Culture", 0.02, novel=True, off_topic=True),
            seg(6, "IS.E.2", "Available Resources", 0.01, novel=False, procedural=True),
        ],
        transcripts=build().transcripts,
    )
    rows = list(csv.DictReader(io.StringIO(r.to_csv())))
    pivot = Counter(row["name_1"] for row in rows if row["name_1"])
    assert pivot == {"Available Resources": 2, "Culture": 1}
    assert [row["novel"] for row in rows] == ["false"] * 3 + ["true"] * 3 + ["false"]
    assert [row["code_1"] for row in rows] == ["IS.E.2", "IS.E.2", "IS.C", "", "", "", ""]
    m = framework_matrix(r, codebook="cfir-2009")
    charted = {m.names[c]: m.cells[("P07", c)].segments for c in m.codes if ("P07", c) in m.cells}
    assert {k: v for k, v in charted.items() if v} == pivot
    table = barriers_enablers(r, codebook="cfir-2009")
    sides = {c.name: c.barriers.segments for d in table.domains for c in d.constructs}
    assert {k: v for k, v in sides.items() if v} == pivot
    df = r.to_dataframe()
    assert df["name_1"].value_counts().to_dict() == {"Available Resources": 2, "Culture": 1}
    kept = [len(json.loads(line)["suggestions"]) for line in r.to_jsonl().splitlines()]
    assert kept == [1] * 7


def five_participants() -> CodingResult:
    r = build()
    t = r.transcripts["p07_zoom"]
    segments, transcripts = [], {}
    for n in range(1, 6):
        tid = f"p0{n}_zoom"
        transcripts[tid] = replace(t, id=tid, participant=f"P0{n}", source=f"{tid}.vtt")
        segments += [
            replace(s, segment=replace(s.segment, id=f"{tid}:{i}", transcript_id=tid))
            for i, s in enumerate(build().segments)
        ]
    return CodingResult(segments, transcripts, r.meta)


def test_an_unknown_participant_among_five_shows_that_there_are_more_than_four() -> None:
    """The hint ended 'P01, P02, P03, P04 )': the ' ...' of the fifth was cut as if a full
    stop, so P05 looked missing from the result."""
    r = five_participants()
    with pytest.raises(RoqaError) as exc:
        r.subset(participant="P99")
    assert str(exc.value) == "unknown participant(s) 'P99' (this result has P01, P02, P03, P04 ...)"
    with pytest.raises(RoqaError) as exc:
        r.subset(transcript="nope")
    assert str(exc.value) == (
        "unknown transcript(s) 'nope' (this result has p01_zoom, p02_zoom, p03_zoom, p04_zoom ...)"
    )


@pytest.mark.parametrize(
    ("message", "hint", "shown"),
    [
        ("a list of 9 ...", None, "a list of 9 ..."),
        ("no file.", "give a, b ...", "no file (give a, b ...)"),
        ("done.", "fix it.", "done (fix it)"),
    ],
)
def test_an_error_drops_a_full_stop_but_keeps_an_ellipsis(
    message: str, hint: str | None, shown: str
) -> None:
    assert str(RoqaError(message, hint=hint)) == shown


def test_indexing_a_result_by_a_name_points_to_subset() -> None:
    """result['p01'] raised TypeError: list indices must be integers or slices, not str (s36);
    the hint names the subset that works (hunt2: a participant's name given as a transcript's
    failed), and the error is still a TypeError, as code that catches it expects."""
    result = two_participants()
    with pytest.raises(RoqaError) as exc:
        result["p07_zoom"]  # type: ignore[call-overload]
    assert isinstance(exc.value, TypeError)
    # its class is the public RoqaTypeError, not a private _NotAPosition (s62 api tester)
    assert type(exc.value).__qualname__ == "RoqaTypeError"
    assert str(exc.value) == (
        "a result is indexed by position, result[0], or slice, not by a str "
        "(for one transcript's segments: result.subset(transcript='p07_zoom'))"
    )
    participant = result.participant_of(result._transcript_ids()[0])
    with pytest.raises(RoqaError) as exc:
        result[participant]  # type: ignore[call-overload]
    assert str(exc.value) == (
        "a result is indexed by position, result[0], or slice, not by a str "
        f"(for one participant's segments: result.subset(participant={participant!r}))"
    )
    with pytest.raises(TypeError) as caught:
        result["nobody"]  # type: ignore[call-overload]
    ids = ", ".join(repr(t) for t in result._transcript_ids())
    assert str(caught.value) == (
        "a result is indexed by position, result[0], or slice, not by a str (for one "
        "transcript's or participant's segments: result.subset(transcript=ID) or "
        f"result.subset(participant=ID) (transcripts: {ids}))"
    )


def test_top_of_a_set_aside_segment_is_its_nearest_code_but_the_csv_row_is_blank() -> None:
    # The report's probability histograms and the crosswalk read .top of set-aside segments,
    # so it stays the nearest code (documented), while codings.csv leaves a greeting uncoded.
    # Its probability can be high: a procedural closing came back as CI.A at 0.626 (s54 api
    # tester), where the README said "at p near 0", so a filter on p kept it as a quote.
    near = Suggestion("CI.A", "Knowledge & Beliefs about the Intervention", "CI", 0.626)
    text = "No, I think that's everything. Thank you."
    seg = Segment("t:0001", "t", "P1", "participant", 0, len(text), text)
    closing = SegmentResult(seg, [near], novel=False, procedural=True)
    result = CodingResult(segments=[closing])
    row = next(csv.DictReader(io.StringIO(result.to_csv())))
    assert (closing.top, row["code_1"], row["procedural"]) == (near, "", "true")
    assert len(result.subset(code="CI.A")) == 0
    doc = " ".join((SegmentResult.top.__doc__ or "").split())
    assert "leave those segments out on their flags, not on the probability" in doc
    readme = " ".join(
        (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8").split()
    )
    assert "near 0" not in readme
    assert (
        "# a set-aside segment (procedural, off_topic, novel) keeps the model's ranked "
        "suggestions, its top # at any p (a goodbye at 0.6): filter on those flags, not on p, "
        "or use result.subset(code=...)"
    ) in readme


def test_a_nan_probability_is_never_written_to_codings(tmp_path: Path) -> None:
    """codings.jsonl with ``NaN`` in it is not JSON (the tester's damaged cache made 19 of 22
    top probabilities NaN): a result holding one is refused with a one-line error, not saved."""
    result = build()
    first = result.segments[0]
    bad = replace(first.suggestions[0], probability=float("nan"))
    result.segments[0] = replace(first, suggestions=[bad, *first.suggestions[1:]])
    with pytest.raises(RoqaError) as e:
        result.to_jsonl()
    assert str(e.value) == (
        "segment p07_zoom:0 has a probability or score that is not a number (NaN or infinite): "
        "its embedding was damaged; run again with --no-cache, or delete the embedding cache"
    )


def test_to_jsonl_with_a_path_writes_the_codings_file_and_returns_none(tmp_path: Path) -> None:
    # s47 tester: "TypeError: CodingResult.to_jsonl() takes 1 positional argument but 2 were
    # given", where to_csv(path) writes its file
    r = build()
    assert r.to_jsonl(tmp_path / "f.jsonl") is None
    assert (tmp_path / "f.jsonl").read_text(encoding="utf-8") == r.to_jsonl()
    assert CodingResult.read(tmp_path / "f.jsonl") == r


def test_to_jsonl_to_a_csv_name_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(RoqaError) as caught:
        build().to_jsonl(tmp_path / "f.csv")
    assert str(caught.value) == (
        f"{tmp_path / 'f.csv'}: to_jsonl() writes JSON, which a '.csv' file name says it is not "
        "(give a name ending in .json, or use the method that writes CSV)"
    )
    assert not (tmp_path / "f.csv").exists()


@pytest.mark.parametrize(
    "derive",
    [
        lambda r: r[:2],
        lambda r: r.subset(participant="P07"),
        lambda r: r.subset(where=lambda s: True),
        lambda r: r.with_segments(list(r.segments)),
        lambda r: copy.copy(r),
        lambda r: r.copy(),
        lambda r: CodingResult.from_segments(list(r)),
    ],
    ids=["slice", "subset", "where", "with_segments", "copy.copy", "copy", "from_segments"],
)
def test_editing_a_derived_result_leaves_the_original_as_it_was(derive) -> None:
    # s47 tester: copy.copy(r)[1].novel = True, r.subset(...)[0].suggestions.clear() and
    # r[:3][2].procedural = True changed r, and so what it saved and charted; s58 api tester:
    # CodingResult.from_segments(list(r))[2].novel = True changed r, as with_segments did not
    r = build()
    before = r.to_jsonl()
    d = derive(r)
    d[0].suggestions.clear()
    d[0].novel = True
    d[1].procedural = True
    d.segments.append(d[0])
    d.transcripts.clear()
    assert r.to_jsonl() == before
    assert (len(r), list(r.transcripts)) == (2, ["p07_zoom"])
    assert r[0].top is not None and r[0].top.code_id == "IS.E.2"


def test_saving_codings_into_a_model_folder_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """result.save(model_dir) put the four codings files among the model's, silently (s58 api
    tester); roqa code --out refuses a model folder, and so does save."""
    model = tmp_path / "model"
    model.mkdir()
    (model / "model_card.json").write_text('{"library": "roqa_nlp"}\n', "utf-8")
    with pytest.raises(ValueError) as exc:
        build().save(model)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"{model}: is a model folder (it holds model_card.json): result.save() writes codings, "
        "which would go in among the model's files (give result.save() another folder, e.g. "
        "result.save('coded/'); ac.save() saves a model)"
    )
    assert [f.name for f in model.iterdir()] == ["model_card.json"]


def test_from_segments_of_something_else_is_a_type_error_naming_it() -> None:
    from roqa_nlp.errors import RoqaError

    r = build()
    with pytest.raises(TypeError) as exc:
        CodingResult.from_segments([r[0], r[0].segment])  # type: ignore[list-item]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        "CodingResult.from_segments(): segment 2 is a Segment, not a SegmentResult (give the "
        "segments of a coding result: list(result) or result[:10])"
    )


def test_editing_the_result_extended_leaves_the_result_added_as_it_was() -> None:
    r, other = build(), build()
    other = other.with_segments(
        [replace(s, segment=replace(s.segment, id=s.segment.id + "b")) for s in other]
    )
    before = other.to_jsonl()
    r.extend(other)
    r[2].suggestions.clear()
    r[3].procedural = True
    assert other.to_jsonl() == before


def test_a_transcript_is_frozen_so_a_result_keeps_its_cases() -> None:
    # s47 tester: t.participant = "P99" after coding renamed the case in the framework matrix
    import dataclasses

    r = build()
    t = r.transcripts["p07_zoom"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.participant = "P99"  # type: ignore[misc]
    assert r.participant_of("p07_zoom") == "P07"
    assert replace(t, participant="P99").participant == "P99"  # a changed copy


def _edit_first_segments_text(out: Path) -> Path:
    """codings.jsonl with line 1's segment text edited by hand ("first" made "last")."""
    p = out / "codings.jsonl"
    p.write_text(p.read_text("utf-8").replace("Naïve at first", "Naïve at last", 1), "utf-8")
    return p


def test_segment_text_edited_in_codings_is_read_as_the_participant_said_it(saved) -> None:
    """A segment's text edited by hand in codings.jsonl was quoted in Table 2 as edited, not as
    the participant said it: the codings are not the file run.json records and the edited text
    is nowhere in the transcript, so the transcript's words at its offsets are read, with one
    warning naming the file and the line (session 54, codings 3)."""
    _, out = saved
    p = _edit_first_segments_text(out)
    with pytest.warns(RoqaWarning) as caught:
        back = CodingResult.read(p)
    assert back.segments[0].segment.text == P1
    assert str(caught[0].message).startswith(f"{p}: is not the file run.json beside it records")
    assert [str(w.message) for w in caught][1:] == [
        f"{p}: 1 segment whose text is not the transcript's at its offsets in transcripts.jsonl: "
        "line 1 (p07_zoom:0) (edited by hand since coding?): the words said there, as the "
        "transcript holds them, are quoted instead"
    ]


def test_segment_text_unlike_its_transcript_without_a_record_is_kept_and_said(saved) -> None:
    """Without run.json's record of the codings file, which file was changed cannot be told:
    the text is kept as codings.jsonl gives it, and that is said."""
    _, out = saved
    (out / "run.json").unlink()
    p = _edit_first_segments_text(out)
    with pytest.warns(RoqaWarning) as caught:
        back = CodingResult.read(p)
    assert back.segments[0].segment.text == P1.replace("first", "last")
    assert [str(w.message) for w in caught] == [
        # run.json deleted: said too (s56 incremental, finding 4)
        f"{p}: no run.json beside it: cannot check it lost no lines, nor say which model and "
        "parameters made it; re-run roqa code to write it",
        f"{p}: 1 segment whose text is not the transcript's at its offsets in transcripts.jsonl: "
        "line 1 (p07_zoom:0): which of the two files was changed since coding cannot be told, "
        "so the text codings.jsonl gives is quoted (run roqa code again to code the transcripts "
        "as they are)",
    ]


@pytest.mark.parametrize("blanks", ["line break", "doubled space", "trailing blank"])
def test_segment_text_differing_only_in_blanks_is_read_as_transcribed_with_no_warning(
    saved, blanks: str
) -> None:
    """A segment's text whose words are the transcript's, only its blanks differing (an
    editor made a line break a space), was told '1 segment whose text is not the transcript's
    ... (edited by hand since coding?)' (s54 hunt, finding 7): no word was edited, so the
    transcript's text is read and nothing is said of it but that the file changed."""
    _, out = saved
    p = out / "codings.jsonl"
    edit = {
        "line break": ("Naïve at first", "Naïve at\\nfirst"),
        "doubled space": ("Naïve at first", "Naïve  at first"),
        "trailing blank": ("honestly.", "honestly. "),
    }[blanks]
    text = p.read_text("utf-8")
    assert edit[0] in text
    p.write_text(text.replace(*edit, 1), "utf-8")
    with pytest.warns(RoqaWarning) as caught:
        back = CodingResult.read(p)
    assert back.segments[0].segment.text == P1
    assert [str(w.message) for w in caught] == [
        f"{p}: is not the file run.json beside it records (changed since, or from another run "
        "stopped part-way): the model and parameters run.json names may not be the ones that "
        "made it"
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".tsv"])
def test_the_spreadsheet_of_the_codings_saved_as_a_workbook_or_tsv_is_not_said_a_transcript(
    saved, tmp_path: Path, suffix: str
) -> None:
    """codings.csv opened in Excel and saved as .xlsx (or as .tsv) was "a transcript, not
    codings (code it first: roqa code ...)": wrong advice (s62 api hunter)."""
    result, _ = saved
    table = result.to_dataframe()
    f = tmp_path / f"codings{suffix}"
    if suffix == ".xlsx":
        table.to_excel(f, index=False)
    else:
        table.to_csv(f, sep="\t", index=False)
    with pytest.raises(ValueError) as exc:
        CodingResult.read(f)
    assert str(exc.value) == (
        f"{f}: is the spreadsheet of the codings, which cannot be read back (give the "
        "codings.jsonl it was written from, or the folder holding it)"
    )


def test_a_transcript_or_a_folder_of_them_read_as_codings_names_the_python_call_too(
    tmp_path: Path,
) -> None:
    """CodingResult.read of a transcript told a Python caller only the roqa command (s69
    python D6)."""
    f = tmp_path / "p11.txt"
    f.write_text("Interviewer: Why?\nP11: No staff.\n", "utf-8")
    with pytest.raises(ValueError) as exc:
        CodingResult.read(f)
    assert str(exc.value) == (
        f"{f}: is a transcript, not codings (code it first: roqa code {f} --out coded/, then "
        f"give coded/; in Python, AutoCoder.load().code({str(f)!r}))"
    )
    with pytest.raises(ValueError) as exc:
        CodingResult.read(tmp_path)
    assert str(exc.value) == (
        f"{tmp_path}: holds transcripts and no codings.jsonl (code them first: roqa code "
        f"{tmp_path} --out coded/, then give coded/; in Python, "
        f"AutoCoder.load().code({str(tmp_path)!r}))"
    )
