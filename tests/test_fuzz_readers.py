"""Fuzzing every reader: the only allowed outcomes are a correct parse or one RoqaError line.

Each reader gets random bytes, random Unicode (combining marks, right-to-left text, emoji, NUL,
line separators, lone surrogates written as UTF-8 or UTF-16), inputs shaped like its format
with hostile values (huge numbers, reversed times, broken tags and entities), truncated files,
empty files, and files of another format under its extension. A parse must satisfy the offset
rules of the design (``text[start:end]`` of every turn and segment is its words, in order); a
failure must be a :class:`RoqaError` whose message is one line naming the file.

The number of generated cases per reader is fixed by ``settings(max_examples=...)`` below,
counted while the tests run and printed at the end of the pytest run; ``tests/README.md``
records the numbers of the last full run.
"""

from __future__ import annotations

import json
import re
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_strategies import (
    ROLES,
    code_tree,
    codings_jsonl,
    csv_shaped,
    decision_row,
    decisions_csv,
    docx_shaped,
    encoded,
    file_bytes,
    html_shaped,
    json_values,
    jsonl,
    mutated,
    odt_shaped,
    pdf_shaped,
    qdpx_shaped,
    records_csv,
    rtf_shaped,
    sbv_shaped,
    srt_shaped,
    text_file,
    transcript_record,
    txt_shaped,
    vtt_shaped,
    whisper_json,
)
from hostile_files import codebook_xml, docx_bytes, docx_paragraph, replace_members, text_pdf
from roqa_nlp.errors import RoqaError
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.cue_times import CUE_TIMES, cue_timeline
from roqa_nlp.transcripts.segment import segment

# these files are odd on purpose: what they warn of (no speaker labels ...) is not under test
pytestmark = pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")

#: Generated cases per reader (hypothesis ``max_examples``); their sum bounds the run time.
CASES: dict[str, int] = {
    "txt": 250,
    "md": 100,
    "vtt": 250,
    "srt": 250,
    "sbv": 150,
    "csv": 250,
    "docx": 80,
    "odt": 80,
    "rtf": 150,
    "html": 150,
    "pdf": 150,
    "qdpx": 150,
    "qdc": 150,
    "codings.jsonl": 200,
    "decisions.csv": 150,
    "decisions.jsonl": 150,
    "records.csv": 150,
    "records.xlsx": 60,
    "xlsx": 40,
    "json": 200,
}

#: Cases actually run in this session, per reader (printed in the terminal summary).
RUN: Counter[str] = Counter()

MAX_MESSAGE_CHARS = 600  # an error is one short line, not an echo of the input


def fuzz_settings(reader: str) -> settings:
    return settings(
        max_examples=CASES[reader],
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
            HealthCheck.large_base_example,
        ],
    )


class _FuzzSummary:
    """Prints the number of fuzzed cases per reader at the end of the run."""

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not RUN:
            return
        terminalreporter.write_sep("-", "fuzzed inputs per reader (cases run)")
        for reader, n in RUN.items():
            terminalreporter.write_line(f"{reader:>20}: {n}")
        terminalreporter.write_line(f"{'total':>20}: {sum(RUN.values())}")


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    manager = request.config.pluginmanager
    if not manager.has_plugin("roqa-fuzz-summary"):
        manager.register(_FuzzSummary(), "roqa-fuzz-summary")
    yield


# -- outcomes --------------------------------------------------------------------------------------


def assert_one_line_error(err: RoqaError, path: Path) -> None:
    message = str(err)
    assert message, "empty error message"
    assert len(message.splitlines()) == 1, f"error is not one line: {message!r}"
    assert len(message) <= MAX_MESSAGE_CHARS + len(str(path)), f"error too long: {message[:200]!r}"
    assert str(path) in message or path.name in message, (
        f"error does not name the file: {message!r}"
    )


def outcome(read: Callable[[Path], Any], path: Path) -> Any | None:
    """The parse of ``path``, or None when it was refused with a proper one-line error."""
    try:
        return read(path)
    except RoqaError as err:
        assert_one_line_error(err, path)
        return None


def assert_turns_point_at_words(t: Transcript, *, allow_no_turns: bool = False) -> None:
    """The design's offset rules: every turn is ``text[start:end]``, non-empty, stripped, in order."""
    assert isinstance(t.text, str)
    assert t.turns or allow_no_turns
    previous_end = 0
    for turn in t.turns:
        assert 0 <= previous_end <= turn.start < turn.end <= len(t.text), (turn, len(t.text))
        words = t.text[turn.start : turn.end]
        assert words == words.strip(), repr(words[:80])
        assert turn.speaker and turn.role in ROLES
        previous_end = turn.end
    # Cue times: a reader never writes an entry the segmenter would ignore, and a segment is
    # cited at one of its turn's cue times or at the turn's own time.
    timeline = cue_timeline(t)
    assert len(timeline) == len(t.metadata.get(CUE_TIMES, []))
    for s in segment(t, unit="window"):
        assert t.text[s.start : s.end] == s.text
        assert s.text and s.text == s.text.strip()
        turn, cues = t.turns[s.turn_index], timeline.get(s.turn_index)
        assert s.begin_time in {turn.begin_time, *(cues.begins if cues else ())}
        assert s.end_time in {turn.end_time, *(cues.ends if cues else ())}


# -- transcript readers ----------------------------------------------------------------------------


def _fuzz_transcript(tmp_path: Path, reader: str, suffix: str, data: bytes) -> None:
    RUN[reader] += 1
    path = tmp_path / f"p07_interview{suffix}"
    path.write_bytes(data)
    t = outcome(read_transcript, path)
    if t is not None:
        assert t.id == "p07_interview" and t.source == str(path)
        assert_turns_point_at_words(t)
        if suffix in (".txt", ".md"):  # plain text keeps the file's own text
            assert t.text.replace("\r", "") == t.text


@fuzz_settings("txt")
@given(data=text_file(txt_shaped))
def test_txt_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "txt", ".txt", data)


@fuzz_settings("md")
@given(data=text_file(txt_shaped))
def test_markdown_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "md", ".md", data)


@fuzz_settings("vtt")
@given(data=text_file(vtt_shaped))
def test_vtt_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "vtt", ".vtt", data)


@fuzz_settings("srt")
@given(data=text_file(srt_shaped))
def test_srt_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "srt", ".srt", data)


@fuzz_settings("sbv")
@given(data=text_file(sbv_shaped))
def test_sbv_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "sbv", ".sbv", data)


@fuzz_settings("csv")
@given(data=text_file(csv_shaped()))
def test_csv_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "csv", ".csv", data)


@fuzz_settings("json")
@given(data=text_file(whisper_json))
def test_whisper_json_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "json", ".json", data)


@fuzz_settings("docx")
@given(data=file_bytes(docx_shaped()))
def test_docx_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "docx", ".docx", data)


@fuzz_settings("odt")
@given(data=file_bytes(odt_shaped()))
def test_odt_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "odt", ".odt", data)


@fuzz_settings("html")
@given(data=text_file(html_shaped))
def test_html_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "html", ".html", data)


@fuzz_settings("rtf")
@given(data=file_bytes(rtf_shaped))
def test_rtf_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "rtf", ".rtf", data)


@fuzz_settings("pdf")
@given(data=file_bytes(pdf_shaped))
def test_pdf_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "pdf", ".pdf", data)


# -- exchange readers ------------------------------------------------------------------------------


@fuzz_settings("qdpx")
@given(data=file_bytes(qdpx_shaped()))
def test_qdpx_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    from roqa_nlp.exchange import read_qdpx

    RUN["qdpx"] += 1
    path = tmp_path / "project.qdpx"
    path.write_bytes(data)
    project = outcome(read_qdpx, path)
    if project is None:
        return
    assert all(len(w.splitlines()) == 1 for w in project.warnings)
    texts = {}
    for t in project.transcripts:
        assert_turns_point_at_words(t, allow_no_turns=True)
        texts[t.id] = t.text
    for result in project.codings.values():
        for s in result:
            g = s.segment
            assert 0 <= g.start < g.end <= len(texts[g.transcript_id])
            assert texts[g.transcript_id][g.start : g.end] == g.text


@fuzz_settings("qdc")
@given(
    data=file_bytes(
        st.one_of(
            code_tree().map(codebook_xml),
            mutated(code_tree().map(codebook_xml)),
            st.builds(
                lambda c: c.replace(b"<Codes>", b"<Codes><Sets/>"), code_tree().map(codebook_xml)
            ),
            st.builds(
                lambda enc, c: c.replace(b'encoding="utf-8"', f'encoding="{enc}"'.encode()),
                st.sampled_from(["UTF-7", "utf-16", "UTF-32", "latin-1", "x-unknown", ""]),
                code_tree().map(codebook_xml),
            ),
        )
    )
)
def test_qdc_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    from roqa_nlp.exchange import read_qdc

    RUN["qdc"] += 1
    path = tmp_path / "codebook.qdc"
    path.write_bytes(data)
    warnings: list[str] = []
    book = outcome(lambda p: read_qdc(p, warnings=warnings), path)
    if book is None:
        return
    assert all(len(w.splitlines()) == 1 for w in warnings)
    ids = [c.id for c in book.codes]
    assert len(ids) == len(set(ids))
    for c in book.codes:
        assert c.parent is None or book.find(c.parent) is not None


@fuzz_settings("codings.jsonl")
@given(
    codings=file_bytes(encoded(codings_jsonl)),
    sidecar=st.one_of(
        st.none(),
        encoded(st.lists(transcript_record, max_size=3).map(jsonl)),
        st.binary(max_size=64),
    ),
    run=st.one_of(
        st.none(), st.binary(max_size=64), json_values().map(lambda v: json.dumps(v).encode())
    ),
)
def test_codings_reader_parses_or_refuses_in_one_line(
    tmp_path: Path, codings: bytes, sidecar: bytes | None, run: bytes | None
) -> None:
    from roqa_nlp.result import CodingResult

    RUN["codings.jsonl"] += 1
    for name, data in (
        ("codings.jsonl", codings),
        ("transcripts.jsonl", sidecar),
        ("run.json", run),
    ):
        p = tmp_path / name
        if data is None:
            p.unlink(missing_ok=True)
        else:
            p.write_bytes(data)
    result = outcome(CodingResult.read, tmp_path)
    if result is None:
        return
    assert isinstance(result.meta, dict)
    for s in result:
        g = s.segment
        assert isinstance(g.start, int) and isinstance(g.end, int) and isinstance(g.text, str)
        assert all(isinstance(x.probability, float) for x in s.suggestions)
    for t in result.transcripts.values():
        assert_turns_point_at_words(t, allow_no_turns=True)


def _fuzz_decisions(tmp_path: Path, reader: str, suffix: str, data: bytes) -> None:
    from roqa_nlp.decisions import DECISIONS, read_decisions

    RUN[reader] += 1
    path = tmp_path / f"decisions{suffix}"
    path.write_bytes(data)
    got = outcome(read_decisions, path)
    if got is None:
        return
    decisions, digest = got
    assert len(digest) == 64
    for d in decisions:
        assert d.decision in DECISIONS and d.segment_id


@fuzz_settings("decisions.csv")
@given(data=text_file(decisions_csv()))
def test_decisions_csv_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_decisions(tmp_path, "decisions.csv", ".csv", data)


@fuzz_settings("decisions.jsonl")
@given(data=text_file(st.lists(st.one_of(decision_row, json_values()), max_size=6).map(jsonl)))
def test_decisions_jsonl_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_decisions(tmp_path, "decisions.jsonl", ".jsonl", data)


def _fuzz_records(tmp_path: Path, reader: str, suffix: str, data: bytes) -> None:
    """Labelled records from a spreadsheet: read, resolved in the codebook and checked as
    ``roqa evaluate`` does, or refused in one line."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.evaluation import load_evaluation_set

    RUN[reader] += 1
    path = tmp_path / f"gold{suffix}"
    path.write_bytes(data)
    ts = outcome(lambda p: load_evaluation_set(p, Codebook.load("cfir-2009")), path)
    if ts is None:
        return
    assert len(ts.texts) == len(ts.codes) == len(ts.valences) > 0
    assert all(t == t.strip() and t for t in ts.texts)
    assert all(v in ("barrier", "enabler", "neutral", "") for v in ts.valences)


@fuzz_settings("records.csv")
@given(data=text_file(records_csv()))
def test_records_csv_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_records(tmp_path, "records.csv", ".csv", data)


def _xlsx(rows: list[list[str]]) -> bytes:
    import io

    import openpyxl

    def xml_text(cell: str) -> str:  # what XML 1.0 can hold (no controls, surrogates, U+FFFE)
        return "".join(
            c
            for c in cell
            if c in "\t\n\r"
            or "\x20" <= c <= "\ud7ff"
            or "\ue000" <= c <= "\ufffd"
            or c >= "\U00010000"
        )

    book = openpyxl.Workbook()
    for r in rows:
        book.active.append([xml_text(c) for c in r])
    out = io.BytesIO()
    book.save(out)
    # The same rows must give the same bytes, or hypothesis finds the strategy flaky: openpyxl
    # stamps the save time into docProps/core.xml and every member's zip header.
    with zipfile.ZipFile(out) as z:
        core = z.read("docProps/core.xml")
    core = re.sub(rb">\d{4}-\d\d-\d\dT[\d:.]+Z?<", b">2024-01-01T00:00:00Z<", core)
    return replace_members(out.getvalue(), {"docProps/core.xml": core})


@fuzz_settings("records.xlsx")
@given(
    data=file_bytes(records_csv().map(lambda t: _xlsx([line.split(",") for line in t.split("\n")])))
)
def test_records_xlsx_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_records(tmp_path, "records.xlsx", ".xlsx", data)


@fuzz_settings("xlsx")
@given(
    data=file_bytes(csv_shaped().map(lambda t: _xlsx([line.split(",") for line in t.split("\n")])))
)
def test_xlsx_transcript_reader_parses_or_refuses_in_one_line(tmp_path: Path, data: bytes) -> None:
    _fuzz_transcript(tmp_path, "xlsx", ".xlsx", data)


# -- huge lines ------------------------------------------------------------------------------------

#: Pathological lines of a quarter of a megabyte: each made a regular expression backtrack
#: (seconds to hours) before the readers were fixed. Every reader must answer within HUGE_SECONDS
#: of CPU time (this process's, so that waiting for a core on a loaded machine is not counted; the
#: growth of single functions is checked in their own tests, tests/growth.py).
#:
#: A quarter, not the whole megabyte of sessions up to 87 (s88 suite time): the 70 cases take
#: 18.7 s of CPU, 49.2 s at 1 MB (a PDF's pypdf extraction is linear and most of its cost). At
#: 1 MB three .docx cases (voice tags, tags, subtitle markup: ``&lt;`` makes word/document.xml
#: over 1 MB, squeezed 633:1) were refused as zip bombs before any reading; here they are read.
#: The blow-ups these lines are for are still far past the limit:
#: the bugs they found were backtracking regular expressions (2 000 blanks: 20 s) and Python loops
#: over the line, and a backtracking ``[ \t]+$`` on a word, 40 000 blanks and a word already takes
#: 5.8 s, about 230 s at HUGE_CHARS. Only quadratic copying at memory speed (``line = line[1:]``
#: in a loop: about 1 s here, 17-25 s at 1 MB) would pass here, as it nearly did at 1 MB.
HUGE_CHARS = 250_000
HUGE_LINES: dict[str, str] = {
    "blanks after a word": "a" + " " * HUGE_CHARS + "b",
    "unclosed voice tags": "<v " * (HUGE_CHARS * 3 // 10),
    "unclosed tags": "<" * HUGE_CHARS,
    "unclosed subtitle markup": "<a" * (HUGE_CHARS // 2),
    "unclosed overrides": "{\\" * (HUGE_CHARS // 2),
    "one long word": "x" * HUGE_CHARS,
    "many short words": "staff " * (HUGE_CHARS * 4 // 25),
    "colons": ":" * HUGE_CHARS,
    "digits": "9" * HUGE_CHARS,
    "slashes, then a page count": "/" * HUGE_CHARS + " 1/2",
}
#: Huge speaker names (a Zoom voice tag, a CSV speaker cell) of the characters labels strip.
HUGE_SPEAKERS: dict[str, str] = {
    "dashes": "-" * 100_000 + "x",
    "brackets": "(" * 100_000,
    "blanks": "a" + " " * 100_000 + "b",
    "digits then dashes": "1-" * 50_000,
}
HUGE_SECONDS = 20.0


def _huge_file(kind: str, line: str) -> bytes:
    if kind == "vtt":
        return f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{line}\n".encode()
    if kind == "srt":
        return f"1\n00:00:01,000 --> 00:00:02,000\n{line}\n".encode()
    if kind == "csv":  # a field stays below the csv module's 131 072-character limit
        return ("speaker,text\nP01," + line.replace(",", " ")[:100_000] + "\n").encode()
    if kind == "json":
        return json.dumps({"segments": [{"start": 1, "end": 2, "text": line}]}).encode()
    if kind == "docx":
        return docx_bytes(docx_paragraph(line, "P01:", True))
    if kind == "pdf":  # the line at a page's top and bottom, where page furniture is looked for
        return text_pdf([[line, "P01: words"], ["P01: more", line], [line]])
    return line.encode()  # .txt: the whole file is the line, no label


def _read_in_time(path: Path) -> Transcript | None:
    started = time.process_time()
    t = outcome(read_transcript, path)
    elapsed = time.process_time() - started
    assert elapsed < HUGE_SECONDS, f"{path.name} took {elapsed:.1f} s of CPU"
    if t is not None:
        previous = 0
        for turn in t.turns:
            assert previous <= turn.start < turn.end <= len(t.text)
            previous = turn.end
    return t


@pytest.mark.parametrize("kind", ["txt", "vtt", "srt", "csv", "json", "docx", "pdf"])
@pytest.mark.parametrize("name", list(HUGE_LINES))
def test_a_huge_line_is_read_in_seconds(tmp_path: Path, kind: str, name: str) -> None:
    RUN["huge lines"] += 1
    path = tmp_path / f"p07.{kind}"
    path.write_bytes(_huge_file(kind, HUGE_LINES[name]))
    # read, not refused: a refusal (a zip bomb's, as three .docx of 1 MB lines were) reads no line
    assert _read_in_time(path) is not None


@pytest.mark.parametrize("name", list(HUGE_SPEAKERS))
@pytest.mark.parametrize("kind", ["vtt", "csv"])
def test_a_huge_speaker_name_is_read_in_seconds(tmp_path: Path, kind: str, name: str) -> None:
    RUN["huge speaker names"] += 1
    speaker = HUGE_SPEAKERS[name]
    path = tmp_path / f"p07.{kind}"
    if kind == "vtt":
        path.write_text(
            f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v {speaker}>We lacked staff.</v>\n"
        )
    else:
        path.write_text(f"speaker,text\n{speaker},We lacked staff.\n")
    t = _read_in_time(path)
    assert t is not None and t.turn_text(t.turns[0]) == "We lacked staff."
