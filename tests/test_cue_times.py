"""Segment times from subtitle cues (audit D4): a segment cut from the middle of a long turn is
cited at the time of the cue its words are in, not at the start of the turn.

A segment's ``begin_time`` is the begin time of the cue its first character lies in, its
``end_time`` the end time of the cue its last character lies in; files without cue times keep
the turn's times. The cues survive ``transcripts.jsonl``, the segmentation cache and
pseudonymised speaker labels (:mod:`roqa_nlp.transcripts.cue_times`).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.cue_times import (
    CUE_TIMES,
    carry_cue_times,
    cue_timeline,
    turn_check,
)
from roqa_nlp.transcripts.segment import estimate_tokens, segment
from roqa_nlp.transcripts.segment_cache import CACHE_FILE, SegmentCache, cached_segment

# these files are odd on purpose: what they warn of (no speaker labels ...) is not under test
pytestmark = pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")

QUESTION = "How did the new care plans go?"
#: One participant's three cues: (begin, end, words). The second sentence runs from cue 1 into
#: cue 2, so its end time is cue 2's.
CUES = [
    (1.0, 6.5, "We started the new care plans in March. It was slow at first, and"),
    (65.0, 70.25, "then the manager gave us time for training. That helped a lot."),
    (130.0, 136.0, "Now everyone uses them. Nobody wants the old forms back."),
]
#: The sentences of the turn with the times they must be cited at.
SENTENCES = [
    ("We started the new care plans in March.", 1.0, 6.5),
    ("It was slow at first, and then the manager gave us time for training.", 1.0, 70.25),
    ("That helped a lot.", 65.0, 70.25),
    ("Now everyone uses them.", 130.0, 136.0),
    ("Nobody wants the old forms back.", 130.0, 136.0),
]
#: Windows of at most 24 and 36 estimated tokens (the second sentence alone is 26).
WINDOWS = {
    24: [
        ("We started the new care plans in March.", 1.0, 6.5),
        ("It was slow at first,", 1.0, 6.5),
        ("and then the manager gave us time for training.", 1.0, 70.25),  # "and" is in cue 1
        ("That helped a lot. Now everyone uses them.", 65.0, 136.0),
        ("Nobody wants the old forms back.", 130.0, 136.0),
    ],
    36: [  # as even as three windows can be: 16, 26 and 28 tokens (packed greedily: 16, 34, 20)
        ("We started the new care plans in March.", 1.0, 6.5),
        ("It was slow at first, and then the manager gave us time for training.", 1.0, 70.25),
        (
            "That helped a lot. Now everyone uses them. Nobody wants the old forms back.",
            65.0,
            136.0,
        ),
    ],
}


def clock(seconds: float, sep: str = ".") -> str:
    whole = int(seconds)
    ms = round((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{sep}{ms:03d}"


def vtt(cues: list[tuple[float, float, str, str]]) -> str:
    """A WebVTT file of (begin, end, speaker, words) cues, speakers as Zoom labels them."""
    blocks = ["WEBVTT"]
    for n, (begin, end, speaker, words) in enumerate(cues, 1):
        blocks.append(f"{n}\n{clock(begin)} --> {clock(end)}\n{speaker}: {words}")
    return "\n\n".join(blocks) + "\n"


def srt(cues: list[tuple[float, float, str, str]]) -> str:
    """A SubRip file of (begin, end, speaker, words) cues; a label only where the speaker changes."""
    blocks, last = [], None
    for n, (begin, end, speaker, words) in enumerate(cues, 1):
        text = words if speaker == last else f"{speaker}: {words}"
        blocks.append(f"{n}\n{clock(begin, ',')} --> {clock(end, ',')}\n{text}")
        last = speaker
    return "\n\n".join(blocks) + "\n"


def table(cues: list[tuple[float | None, float | None, str, str]]) -> str:
    """A CSV transcript of (start, end, speaker, text) rows (a time of None is an empty cell)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["speaker", "start", "end", "text"])
    for begin, end, speaker, words in cues:
        w.writerow(
            [speaker, "" if begin is None else clock(begin), "" if end is None else end, words]
        )
    return buf.getvalue()


def whisperx(cues: list[tuple[float, float, str, str]]) -> str:
    """WhisperX's JSON of (begin, end, speaker, words) segments, diarised speakers named."""
    segments = [
        {"start": begin, "end": end, "text": f" {words}", "speaker": speaker, "words": []}
        for begin, end, speaker, words in cues
    ]
    return json.dumps({"segments": segments, "language": "en"})


def whisper_tsv(cues: list[tuple[float, float, str, str]]) -> str:
    """Whisper's .tsv of (begin, end, speaker, words) cues: whole milliseconds, no speaker
    column, the speaker's label opening the text."""
    rows = [f"{round(b * 1000)}\t{round(e * 1000)}\t{s}: {w}" for b, e, s, w in cues]
    return "start\tend\ttext\n" + "\n".join(rows) + "\n"


WRITERS = {"vtt": vtt, "srt": srt, "csv": table, "json": whisperx, "tsv": whisper_tsv}
FORMATS = list(WRITERS)
STUDY = [(0.0, 0.9, "Interviewer", QUESTION), *[(b, e, "P04", w) for b, e, w in CUES]]


def read(tmp_path: Path, fmt: str, cues: list[Any] = STUDY, name: str = "p04") -> Transcript:
    path = tmp_path / f"{name}.{fmt}"
    path.write_text(WRITERS[fmt](cues), encoding="utf-8")
    return read_transcript(path)


def cited(segments: list[Segment]) -> list[tuple[str, float | None, float | None]]:
    return [(s.text, s.begin_time, s.end_time) for s in segments]


# --- exact times ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_sentence_is_cited_at_the_cues_it_lies_in(tmp_path: Path, fmt: str) -> None:
    t = read(tmp_path, fmt)
    assert [(u.speaker, u.begin_time, u.end_time) for u in t.turns] == [
        ("Interviewer", 0.0, 0.9),
        ("P04", 1.0, 136.0),
    ]
    assert cited(segment(t, unit="sentence")) == SENTENCES


@pytest.mark.parametrize("limit", [24, 36])
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_window_is_cited_at_the_cues_it_lies_in(tmp_path: Path, fmt: str, limit: int) -> None:
    segments = segment(read(tmp_path, fmt), max_tokens=limit)
    assert cited(segments) == WINDOWS[limit]
    assert all(estimate_tokens(s.text) <= limit for s in segments)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_turn_in_one_window_keeps_the_turn_times(tmp_path: Path, fmt: str) -> None:
    (only,) = segment(read(tmp_path, fmt))
    assert (only.begin_time, only.end_time) == (1.0, 136.0)


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_times_change_not_ids_or_texts(tmp_path: Path, fmt: str) -> None:
    t = read(tmp_path, fmt)
    untimed = copy.deepcopy(t)
    del untimed.metadata[CUE_TIMES]
    for unit, limit in (("sentence", 200), ("window", 24), ("window", 200)):
        new = segment(t, unit=unit, max_tokens=limit)  # type: ignore[arg-type]
        old = segment(untimed, unit=unit, max_tokens=limit)  # type: ignore[arg-type]
        assert [(s.id, s.start, s.end, s.text, s.context) for s in new] == [
            (s.id, s.start, s.end, s.text, s.context) for s in old
        ]
        turn = t.turns[1]
        assert {(s.begin_time, s.end_time) for s in old} == {(turn.begin_time, turn.end_time)}


def test_the_cue_times_are_kept_per_turn_relative_to_its_words(tmp_path: Path) -> None:
    t = read(tmp_path, "vtt")
    words = t.turn_text(t.turns[1])
    offsets = [words.index(w) for _, _, w in CUES]
    assert t.metadata[CUE_TIMES] == [
        {
            "turn": 1,
            "check": turn_check(words),
            "cues": [[at, b, e] for at, (b, e, _) in zip(offsets, CUES, strict=True)],
        }
    ]
    assert t.metadata["cues"] == 4  # the count the reader already recorded is unchanged


def test_a_cue_is_found_in_the_tidied_words_even_when_characters_moved(tmp_path: Path) -> None:
    # Padded and multi-line rows: tidying strips lines and drops blank ones, so the cues do not
    # start where a plain count of the raw words would put them.
    rows = [
        (1.0, 2.0, "P04", "  First   row here.  \n\n  Second line.  "),
        (65.0, 66.0, "P04", "\n Next row starts.\n\nAnd ends. "),
        (130.0, 131.0, "P04", "Last row."),
    ]
    t = read(tmp_path, "csv", rows)
    words = t.turn_text(t.turns[0])
    assert words == "First   row here.\nSecond line. Next row starts.\nAnd ends. Last row."
    assert cited(segment(t, unit="sentence")) == [
        ("First   row here.", 1.0, 2.0),
        ("Second line.", 1.0, 2.0),
        ("Next row starts.", 65.0, 66.0),
        ("And ends.", 65.0, 66.0),
        ("Last row.", 130.0, 131.0),
    ]


def test_a_row_without_times_takes_the_nearest_cue_times_around_it(tmp_path: Path) -> None:
    rows = [
        (1.0, 2.0, "P04", "First row here."),
        (None, None, "P04", "A row without times."),
        (130.0, 131.0, "P04", "Last row."),
    ]
    t = read(tmp_path, "csv", rows)
    assert cited(segment(t, unit="sentence")) == [
        ("First row here.", 1.0, 2.0),
        ("A row without times.", 1.0, 131.0),  # after row 1 began, before row 3 ended
        ("Last row.", 130.0, 131.0),
    ]


# --- no cue times ---------------------------------------------------------------------------------


def test_a_table_without_time_columns_gives_no_times(tmp_path: Path) -> None:
    path = tmp_path / "p04.csv"
    path.write_text(
        "speaker,text\n" + "".join(f'P04,"{w}"\n' for _, _, w in CUES), encoding="utf-8"
    )
    t = read_transcript(path)
    assert CUE_TIMES not in t.metadata
    segments = segment(t, unit="sentence")
    assert len(segments) == 5
    assert {(s.begin_time, s.end_time) for s in segments} == {(None, None)}


def test_plain_text_keeps_the_turn_time_of_its_stamp(tmp_path: Path) -> None:
    path = tmp_path / "p04.txt"
    path.write_text(
        f"[00:00:00] Interviewer: {QUESTION}\n[00:00:01] P04: "
        + " ".join(w for _, _, w in CUES)
        + "\n[00:02:30] Interviewer: Thanks.\n",
        encoding="utf-8",
    )
    t = read_transcript(path)
    assert CUE_TIMES not in t.metadata
    segments = segment(t, unit="sentence")
    assert [s.text for s in segments] == [s for s, _, _ in SENTENCES]
    assert {(s.begin_time, s.end_time) for s in segments} == {(1.0, None)}


def test_a_turn_of_one_cue_needs_no_cue_times(tmp_path: Path) -> None:
    t = read(tmp_path, "vtt", [(0.0, 0.9, "Interviewer", QUESTION), (1.0, 9.0, "P04", "Yes. No.")])
    assert CUE_TIMES not in t.metadata
    assert cited(segment(t, unit="sentence")) == [("Yes.", 1.0, 9.0), ("No.", 1.0, 9.0)]


# --- where the cue times go -----------------------------------------------------------------------


def test_transcripts_jsonl_keeps_the_cue_times(tmp_path: Path) -> None:
    t = read(tmp_path, "vtt")
    CodingResult(transcripts={t.id: t}).save(tmp_path / "coded")
    back = CodingResult.read(tmp_path / "coded").transcripts[t.id]
    assert back.metadata == t.metadata
    assert cited(segment(back, unit="sentence")) == SENTENCES
    assert segment(back, max_tokens=24) == segment(t, max_tokens=24)


def test_a_transcripts_jsonl_written_before_cue_times_reads_with_turn_times(
    tmp_path: Path,
) -> None:
    t = read(tmp_path, "vtt")
    CodingResult(transcripts={t.id: t}).save(tmp_path / "coded")
    side = tmp_path / "coded" / "transcripts.jsonl"
    record = json.loads(side.read_text(encoding="utf-8"))
    del record["metadata"][CUE_TIMES]
    side.write_text(json.dumps(record) + "\n", encoding="utf-8")
    back = CodingResult.read(tmp_path / "coded").transcripts[t.id]
    assert {(s.begin_time, s.end_time) for s in segment(back, unit="sentence")} == {(1.0, 136.0)}


def test_cached_segments_equal_fresh_ones_with_their_cue_times(tmp_path: Path) -> None:
    t = read(tmp_path, "vtt")
    cache_file = tmp_path / CACHE_FILE
    fresh = segment(t, max_tokens=24)
    for _ in range(2):  # a miss that fills the cache, then a hit
        cache = SegmentCache(cache_file)
        try:
            got = cached_segment(
                t, cache, counter_id="estimate", max_tokens=24, count_tokens=estimate_tokens
            )
        finally:
            cache.close()
        assert got == fresh
        assert cited(got) == WINDOWS[24]


def test_a_cache_filled_without_cue_times_serves_no_stale_time(tmp_path: Path) -> None:
    # The cache holds spans only: an entry made for the same text without cue times (as roqa
    # wrote them before) is served with the times of the transcript it is served for.
    t = read(tmp_path, "vtt")
    untimed = copy.deepcopy(t)
    del untimed.metadata[CUE_TIMES]

    def refuse(text: str) -> int:
        raise AssertionError("segmentation was recomputed: the cache was missed")

    cache_file = tmp_path / CACHE_FILE
    for transcript, count in ((untimed, estimate_tokens), (t, refuse)):
        cache = SegmentCache(cache_file)
        try:
            got = cached_segment(
                transcript, cache, counter_id="estimate", max_tokens=24, count_tokens=count
            )
        finally:
            cache.close()
    assert cited(got) == WINDOWS[24]


# --- text rewritten after reading -----------------------------------------------------------------

ZOOM = [
    (0.0, 4.0, "Sam Roe", "How did it go, Maria?"),
    (5.0, 9.0, "Maria Okafor", "It went well. We trained everyone."),
    (65.0, 70.0, "Maria Okafor", "Then the audits started. They were fine."),
    (80.0, 84.0, "Sam Roe", "And the rotas?"),
    (85.0, 90.0, "Maria Okafor", "Rotas were hard. Sam helped us there."),
    (145.0, 150.0, "Maria Okafor", "Now they are fine. We are done."),
]


def test_pseudonymised_labels_keep_the_cue_times(tmp_path: Path) -> None:
    path = tmp_path / "p07.vtt"
    path.write_text(vtt(ZOOM), encoding="utf-8")
    t = read_transcript(path, interviewer_labels=["Sam Roe"])
    after = PseudonymKey().apply(t)
    assert "Maria" not in after.text and "Sam" not in after.text
    segments = segment(after, unit="sentence")
    assert [(s.text, s.begin_time, s.end_time) for s in segments][:4] == [
        ("It went well.", 5.0, 9.0),
        ("We trained everyone.", 5.0, 9.0),
        ("Then the audits started.", 65.0, 70.0),
        ("They were fine.", 65.0, 70.0),
    ]
    # A name replaced inside the words of a turn: its cues move with the rewrite
    # (carry_cue_times), so each sentence keeps its own cue's time.
    assert [(s.begin_time, s.end_time) for s in segments][4:] == [(85.0, 90.0)] * 2 + [
        (145.0, 150.0)
    ] * 2


def test_carry_cue_times_follows_a_rewrite_inside_a_turn(tmp_path: Path) -> None:
    path = tmp_path / "p07.vtt"
    path.write_text(vtt(ZOOM), encoding="utf-8")
    t = read_transcript(path, interviewer_labels=["Sam Roe"])
    # Replace "Sam" inside the second answer by a longer name, as pseudonymisation rewrites it.
    at = t.text.index("Sam helped")
    new_text = t.text[:at] + "Interviewer Two" + t.text[at + 3 :]
    shift = len("Interviewer Two") - 3

    def where(offset: int) -> int:
        return offset if offset < at + 3 else offset + shift

    turns = [
        Turn(u.speaker, u.role, where(u.start), where(u.end), u.begin_time, u.end_time)
        for u in t.turns
    ]
    edited = Transcript(t.id, new_text, turns, metadata=dict(t.metadata))
    assert len(cue_timeline(edited)) == 1  # the rewritten turn's cues are ignored
    edited.metadata[CUE_TIMES] = carry_cue_times(t, new_text, turns, where)
    assert len(cue_timeline(edited)) == 2
    assert cited(segment(edited, unit="sentence"))[4:] == [
        ("Rotas were hard.", 85.0, 90.0),
        ("Interviewer Two helped us there.", 85.0, 90.0),
        ("Now they are fine.", 145.0, 150.0),
        ("We are done.", 145.0, 150.0),
    ]


def test_carry_cue_times_of_a_transcript_without_them_is_none(tmp_path: Path) -> None:
    t = read(tmp_path, "vtt", [(0.0, 0.9, "Interviewer", QUESTION), (1.0, 9.0, "P04", "Yes.")])
    assert carry_cue_times(t, t.text, t.turns, lambda offset: offset) is None


# --- malformed cue times are ignored --------------------------------------------------------------


def _break(entry: dict[str, Any], how: str) -> Any:
    e = copy.deepcopy(entry)
    if how == "not a dict":
        return [e["turn"], e["check"], e["cues"]]
    if how == "turn out of range":
        e["turn"] = 7
    elif how == "turn is a bool":
        e["turn"] = True
    elif how == "turn of another speaker":
        e["turn"] = 0
    elif how == "wrong check":
        e["check"] = "0" * 12
    elif how == "no check":
        del e["check"]
    elif how == "cues not a list":
        e["cues"] = "0,1.0,6.5"
    elif how == "no cues":
        e["cues"] = []
    elif how == "offset out of order":
        e["cues"][1][0], e["cues"][2][0] = e["cues"][2][0], e["cues"][1][0]
    elif how == "offset past the turn":
        e["cues"][2][0] = 10_000
    elif how == "offset a float":
        e["cues"][1][0] = float(e["cues"][1][0])
    elif how == "time a string":
        e["cues"][1][1] = "00:01:05"
    elif how == "time a bool":
        e["cues"][1][1] = True
    elif how == "time too large":
        e["cues"][1][2] = 10**400
    elif how == "cue too short":
        e["cues"][1] = e["cues"][1][:2]
    return e


@pytest.mark.parametrize(
    "how",
    [
        "not a dict",
        "turn out of range",
        "turn is a bool",
        "turn of another speaker",
        "wrong check",
        "no check",
        "cues not a list",
        "no cues",
        "offset out of order",
        "offset past the turn",
        "offset a float",
        "time a string",
        "time a bool",
        "time too large",
        "cue too short",
    ],
)
def test_a_malformed_entry_falls_back_to_the_turn_times(tmp_path: Path, how: str) -> None:
    t = read(tmp_path, "vtt")
    t.metadata[CUE_TIMES] = [_break(t.metadata[CUE_TIMES][0], how)]
    assert cue_timeline(t) == {}
    assert {(s.begin_time, s.end_time) for s in segment(t, unit="sentence")} == {(1.0, 136.0)}


@pytest.mark.parametrize("value", [None, "x", 3, {"turn": 1}, [None, "x", [1, 2]]])
def test_a_malformed_cue_times_value_falls_back_to_the_turn_times(
    tmp_path: Path, value: Any
) -> None:
    t = read(tmp_path, "vtt")
    t.metadata[CUE_TIMES] = value
    assert {(s.begin_time, s.end_time) for s in segment(t, unit="sentence")} == {(1.0, 136.0)}


# --- property: every segment is cited at the cue it starts in -------------------------------------

#: Words carry the index of their cue (``c12w3``), so a segment's first and last words name the
#: cues it lies in without looking at the reader's offsets.
_MARK = re.compile(r"c(\d+)w\d+")


@st.composite
def cue_lists(draw: st.DrawFn) -> list[tuple[float, float, str, str]]:
    n = draw(st.integers(min_value=1, max_value=12))
    speakers = draw(st.lists(st.sampled_from(["Interviewer", "P04"]), min_size=n, max_size=n))
    cues, now = [], 0.0
    for k, speaker in enumerate(speakers):
        sentences = []
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            count = draw(st.integers(min_value=1, max_value=8))
            words = [f"c{k}w{j}" for j in range(count)]
            stop = draw(st.sampled_from([".", ".", "?", ",", ""]))
            sentences.append(" ".join(words) + stop)
        now += draw(st.integers(min_value=0, max_value=90)) / 4  # a gap, or none
        begin = now
        now += draw(st.integers(min_value=1, max_value=40)) / 4
        cues.append((begin, now, speaker, " ".join(sentences)))
    return cues


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cues=cue_lists(),
    fmt=st.sampled_from(["vtt", "srt", "csv"]),
    unit=st.sampled_from(["turn", "sentence", "window"]),
    max_tokens=st.integers(min_value=8, max_value=60),
)
def test_every_segment_is_cited_at_the_cues_it_lies_in(
    tmp_path_factory: pytest.TempPathFactory,
    cues: list[tuple[float, float, str, str]],
    fmt: str,
    unit: str,
    max_tokens: int,
) -> None:
    t = read(tmp_path_factory.mktemp("cues"), fmt, cues)
    segments = segment(
        t,
        unit,  # type: ignore[arg-type]
        max_tokens=max_tokens,
        skip_interviewer=False,
        skip_backchannels=False,
    )
    assert segments
    for s in segments:
        first, last = _MARK.findall(s.text)[0], _MARK.findall(s.text)[-1]
        assert s.begin_time == cues[int(first)][0], s
        assert s.end_time == cues[int(last)][1], s
        turn = t.turns[s.turn_index]
        assert turn.begin_time is not None and turn.end_time is not None
        assert turn.begin_time <= s.begin_time <= s.end_time <= turn.end_time
