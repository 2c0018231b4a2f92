"""Specification: codings on the text transcript of a recording, or on a PDF's text, are imported.

A Zoom interview coded in NVivo, ATLAS.ti or MAXQDA often has its transcript attached to the
recording: REFI-QDA writes it as an ``<AudioSource>`` or ``<VideoSource>`` holding a
``<Transcript>`` (its text, ``<SyncPoint>``s that tie a character position to a time in the
recording, and ``<TranscriptSelection>``s from one sync point to another). A PDF source may carry
its text as a ``<Representation>`` with ``<PlainTextSelection>``s. Codings on those texts were
dropped with "not imported: 1 audio source with 1 coding". What has no place in a text (time
ranges of the recording, regions of a PDF page) is still left out, with a line saying so.

Every project is generated here and checked against the official XSD when
``../shared/reference/refi-qda`` is present.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.exchange import export_qdpx, read_qdpx
from roqa_nlp.exchange.qdpx_import import read_qdpx_transcripts
from roqa_nlp.exchange.validation import qdpx_schema_errors
from test_cli_agree import run
from test_refiqda import PROJECT_XSD, REF, build_qdpx, project_xml

ALICE = "00000000-0000-4000-8000-0000000000aa"
STAFFING = "00000000-0000-4000-8000-000000000001"
AUDIO = "a0000000-0000-4000-8000-000000000001"
TRANSCRIPT = "7a000000-0000-4000-8000-000000000001"
SP1 = "5b000000-0000-4000-8000-000000000001"
SP2 = "5b000000-0000-4000-8000-000000000002"
SP3 = "5b000000-0000-4000-8000-000000000003"

TEXT = "Interviewer: How is it going?\nP01: The Zoom call: we lack staff and money.\n"
QUOTE = "we lack staff and money."
START = TEXT.index(QUOTE)  # 50
END = START + len(QUOTE)  # 74


def coding(guid: str, user: str = ALICE, code: str = STAFFING) -> str:
    return f'<Coding guid="{guid}" creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding>'


def transcript_selection(guid: str, frm: str, to: str, coding_guid: str) -> str:
    return (
        f'<TranscriptSelection guid="{guid}" fromSyncPoint="{frm}" toSyncPoint="{to}" '
        f'creatingUser="{ALICE}">{coding(coding_guid)}</TranscriptSelection>'
    )


def audio_source(
    *,
    kind: str = "AudioSource",
    name: str = "p01_zoom.m4a",
    sync: str | None = None,
    selections: str | None = None,
    media_codings: str = "",
    text_attr: str = f'plainTextPath="internal://{TRANSCRIPT}.txt"',
    inline: str = "",
) -> str:
    """A recording with its transcript: sync points at the quote's ends (1 s and 4 s), and
    Alice's coding of the quote as a transcript selection from one to the other."""
    if sync is None:
        sync = (
            f'<SyncPoint guid="{SP1}" timeStamp="1000" position="{START}"/>'
            f'<SyncPoint guid="{SP2}" timeStamp="4000" position="{END}"/>'
        )
    if selections is None:
        selections = transcript_selection(
            "7c000000-0000-4000-8000-000000000001", SP1, SP2, "c0d10000-0000-4000-8000-000000000001"
        )
    content = f"<PlainTextContent>{inline}</PlainTextContent>" if inline else ""
    return (
        f'<{kind} guid="{AUDIO}" name="{name}" path="internal://p01.m4a">'
        f'<Transcript guid="{TRANSCRIPT}" name="p01_zoom transcript" {text_attr}>'
        f"{content}{sync}{selections}</Transcript>{media_codings}</{kind}>"
    )


def media_project(
    tmp_path: Path, sources: str, members: dict[str, bytes] | None = None, name: str = "q"
) -> Path:
    """The project, its transcript file and a stand-in recording; schema-checked when the
    official XSD is at hand."""
    files = {f"sources/{TRANSCRIPT}.txt": TEXT.encode("utf-8"), "sources/p01.m4a": b"fake"}
    files.update(members or {})
    path = build_qdpx(tmp_path / f"{name}.qdpx", project_xml(sources), files)
    if REF.is_dir():
        assert qdpx_schema_errors(path, PROJECT_XSD) == []
    return path


def spans(path: Path, user: str = "Alice") -> list[tuple[str, int, int, str, str, object, object]]:
    project = read_qdpx(path)
    return [
        (
            s.segment.transcript_id,
            s.segment.start,
            s.segment.end,
            s.segment.text,
            s.suggestions[0].name,
            s.segment.begin_time,
            s.segment.end_time,
        )
        for s in project.codings[user]
    ]


# -- a recording's transcript ---------------------------------------------------------------------


def test_a_recordings_transcript_is_imported_with_its_coded_passage_and_times(
    tmp_path: Path,
) -> None:
    path = media_project(tmp_path, audio_source())
    project = read_qdpx(path)
    (t,) = project.transcripts
    assert (t.id, t.text, t.participant) == ("p01_zoom", TEXT, "P01")
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P01", "participant"),
    ]
    assert t.metadata["refi_guid"] == TRANSCRIPT
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", 1.0, 4.0)]
    assert project.codings["Alice"].segments[0].segment.speaker == "P01"
    assert project.warnings == []


def test_a_videos_inline_transcript_is_imported_too(tmp_path: Path) -> None:
    path = media_project(
        tmp_path,
        audio_source(kind="VideoSource", name="p01.mp4", text_attr="", inline=TEXT),
    )
    project = read_qdpx(path)
    assert [t.id for t in project.transcripts] == ["p01"]
    assert spans(path) == [("p01", 50, 74, QUOTE, "Staffing", 1.0, 4.0)]
    assert project.warnings == []


def test_sync_point_positions_count_windows_line_ends_as_a_txt_source_does(
    tmp_path: Path,
) -> None:
    crlf = TEXT.replace("\n", "\r\n")
    start = crlf.index(QUOTE)  # 51: one \r before it
    sync = (
        f'<SyncPoint guid="{SP1}" timeStamp="1500" position="{start}"/>'
        f'<SyncPoint guid="{SP2}" timeStamp="4250" position="{start + len(QUOTE)}"/>'
    )
    path = media_project(
        tmp_path,
        audio_source(sync=sync),
        {f"sources/{TRANSCRIPT}.txt": crlf.encode("utf-8")},
    )
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", 1.5, 4.25)]


def test_a_sync_point_without_a_time_gives_the_passage_no_time(tmp_path: Path) -> None:
    sync = (
        f'<SyncPoint guid="{SP1}" position="{START}"/>'
        f'<SyncPoint guid="{SP2}" timeStamp="4000" position="{END}"/>'
    )
    path = media_project(tmp_path, audio_source(sync=sync))
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", None, 4.0)]


def test_times_that_are_no_times_give_none(tmp_path: Path) -> None:
    """A time stamp that is not a whole number of milliseconds, or one too large for a number of
    seconds, is no time; the passage is still imported."""
    sync = (
        f'<SyncPoint guid="{SP1}" timeStamp="1.5" position="{START}"/>'
        f'<SyncPoint guid="{SP2}" timeStamp="{"9" * 400}" position="{END}"/>'
    )
    xml = project_xml(audio_source(sync=sync))
    path = build_qdpx(tmp_path / "q.qdpx", xml, {f"sources/{TRANSCRIPT}.txt": TEXT.encode()})
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", None, None)]


def test_a_transcript_selection_that_cannot_be_placed_is_named_with_its_codings(
    tmp_path: Path,
) -> None:
    sync = (
        f'<SyncPoint guid="{SP1}" timeStamp="1000" position="{START}"/>'
        f'<SyncPoint guid="{SP2}" timeStamp="4000"/>'  # a time but no place in the text
    )
    selections = transcript_selection(
        "7c000000-0000-4000-8000-000000000001", SP1, SP2, "c0d10000-0000-4000-8000-000000000001"
    ) + transcript_selection(
        "7c000000-0000-4000-8000-000000000002", SP1, SP3, "c0d10000-0000-4000-8000-000000000002"
    )
    path = media_project(tmp_path, audio_source(sync=sync, selections=selections))
    project = read_qdpx(path)
    assert [t.id for t in project.transcripts] == ["p01_zoom"]
    assert project.codings == {}
    assert project.warnings == [
        "audio source 'p01_zoom.m4a', transcript selection "
        "'7c000000-0000-4000-8000-000000000001': its sync point "
        f"'{SP2}' gives no position in the transcript; 1 coding not imported",
        "audio source 'p01_zoom.m4a', transcript selection "
        "'7c000000-0000-4000-8000-000000000002': its sync point "
        f"'{SP3}' is not among the transcript's sync points; 1 coding not imported",
    ]


def test_codings_of_the_recording_itself_are_named_as_left_out_and_why(tmp_path: Path) -> None:
    media_codings = (
        '<AudioSelection guid="ae000000-0000-4000-8000-000000000001" begin="0" end="9000">'
        f"{coding('c0d10000-0000-4000-8000-000000000011')}"
        f"{coding('c0d10000-0000-4000-8000-000000000012')}</AudioSelection>"
        f"{coding('c0d10000-0000-4000-8000-000000000013')}"
    )
    path = media_project(tmp_path, audio_source(media_codings=media_codings))
    project = read_qdpx(path)
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", 1.0, 4.0)]
    line = (
        "audio source 'p01_zoom.m4a': its transcript is imported, with the passages coded in "
        "it; not its 2 codings of time ranges of the recording and 1 coding of the whole "
        "recording (roqa_nlp codes text, and they have no place in the transcript's text)"
    )
    assert project.warnings == [line]
    assert project.source_warnings == [line]


def test_a_recording_without_a_transcript_is_still_left_out_as_before(tmp_path: Path) -> None:
    src = (
        f'<AudioSource guid="{AUDIO}" name="c.mp3">'
        '<AudioSelection guid="ae000000-0000-4000-8000-000000000001" begin="0" end="9">'
        f"{coding('c0d10000-0000-4000-8000-000000000011')}</AudioSelection></AudioSource>"
    )
    project = read_qdpx(media_project(tmp_path, src))
    assert (project.transcripts, project.codings) == ([], {})
    assert project.warnings == [
        "not imported: 1 audio source with 1 coding (only text sources, codes, codings and the notes on coded passages are)"
    ]


def test_the_recordings_case_is_its_transcripts(tmp_path: Path) -> None:
    cases = (
        '<Cases><Case guid="ca000000-0000-4000-8000-000000000001" name="P07">'
        f'<SourceRef targetGUID="{AUDIO}"/></Case></Cases>'
    )
    xml = project_xml(audio_source()).replace("<Sources>", cases + "<Sources>")
    path = build_qdpx(
        tmp_path / "q.qdpx",
        xml,
        {f"sources/{TRANSCRIPT}.txt": TEXT.encode("utf-8"), "sources/p01.m4a": b"fake"},
    )
    if REF.is_dir():
        assert qdpx_schema_errors(path, PROJECT_XSD) == []
    (t,) = read_qdpx(path).transcripts
    assert t.participant == "P07"


def test_reading_transcripts_gives_the_recordings_transcript(tmp_path: Path) -> None:
    (t,) = read_qdpx_transcripts(media_project(tmp_path, audio_source()))
    assert (t.id, t.text) == ("p01_zoom", TEXT)


# -- a PDF's text -------------------------------------------------------------------------------

PDF = "d0000000-0000-4000-8000-000000000001"
REPRESENTATION = "7d000000-0000-4000-8000-000000000001"


def pdf_source(regions: str = "") -> str:
    return (
        f'<PDFSource guid="{PDF}" name="p02_transcript.pdf" path="internal://p02.pdf">{regions}'
        f'<Representation guid="{REPRESENTATION}" name="p02 text" '
        f'plainTextPath="internal://{REPRESENTATION}.txt">'
        f'<PlainTextSelection guid="5e200000-0000-4000-8000-000000000005" startPosition="{START}" '
        f'endPosition="{END}" creatingUser="{ALICE}">'
        f"{coding('c0d20000-0000-4000-8000-000000000005')}</PlainTextSelection>"
        "</Representation></PDFSource>"
    )


PDF_TEXT = TEXT.replace("Zoom", "Team")  # another interview's, the quote at the same place
PDF_FILES = {f"sources/{REPRESENTATION}.txt": PDF_TEXT.encode("utf-8"), "sources/p02.pdf": b"%PDF"}


def pdf_project(tmp_path: Path, regions: str = "") -> Path:
    return media_project(tmp_path, pdf_source(regions), PDF_FILES)


def test_a_pdfs_text_representation_is_imported_with_its_coded_passage(tmp_path: Path) -> None:
    path = pdf_project(tmp_path)
    project = read_qdpx(path)
    (t,) = project.transcripts
    assert (t.id, t.text, t.participant) == ("p02_transcript", PDF_TEXT, "P01")
    assert t.metadata["refi_guid"] == REPRESENTATION
    assert spans(path) == [("p02_transcript", 50, 74, QUOTE, "Staffing", None, None)]
    assert project.warnings == []


def test_codings_of_pdf_regions_are_named_as_left_out_and_why(tmp_path: Path) -> None:
    regions = (
        '<PDFSelection guid="be000000-0000-4000-8000-000000000001" page="1" firstX="0" '
        'firstY="0" secondX="100" secondY="50">'
        f"{coding('c0d20000-0000-4000-8000-000000000011')}</PDFSelection>"
    )
    project = read_qdpx(pdf_project(tmp_path, regions))
    assert len(project.codings["Alice"]) == 1
    assert project.warnings == [
        "PDF source 'p02_transcript.pdf': its text is imported, with the passages coded in it; "
        "not its 1 coding of regions of its pages (roqa_nlp codes text, and they have no place "
        "in the PDF's text)"
    ]


# -- the tester's files, and export ----------------------------------------------------------------


def test_cli_import_writes_the_recordings_transcript_and_its_codings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = media_project(tmp_path, audio_source() + pdf_source(), PDF_FILES)
    code, out, err = run(["import", str(path), "--out", str(tmp_path / "out")], capsys)
    assert (code, err) == (0, "")
    out_dir = tmp_path / "out"
    assert (out_dir / "transcripts" / "p01_zoom.txt").read_text(encoding="utf-8") == TEXT
    assert (out_dir / "transcripts" / "p02_transcript.txt").read_text(encoding="utf-8") == PDF_TEXT
    rows = [
        json.loads(line)
        for line in (out_dir / "codings" / "Alice" / "codings.jsonl").read_text().splitlines()
    ]
    assert [
        (r["transcript"], r["start"], r["end"], r["begin_time"], r["end_time"]) for r in rows
    ] == [("p01_zoom", 50, 74, 1.0, 4.0), ("p02_transcript", 50, 74, None, None)]


@pytest.mark.skipif(not REF.is_dir(), reason="needs the official REFI-QDA XSD")
def test_exporting_an_imported_recordings_codings_gives_a_valid_project_of_text_sources(
    tmp_path: Path,
) -> None:
    """Export writes the transcript back as a text source (the recording and its times stay
    behind), valid against the XSD, and importing that gives the same passages."""
    project = read_qdpx(media_project(tmp_path, audio_source() + pdf_source(), PDF_FILES))
    out = tmp_path / "alice.qdpx"
    export_qdpx(project.codings["Alice"], project.codebook, out)
    assert qdpx_schema_errors(out, PROJECT_XSD) == []
    again = read_qdpx(out)
    assert [(t.id, t.metadata["refi_guid"]) for t in again.transcripts] == [
        ("p01_zoom", TRANSCRIPT),
        ("p02_transcript", REPRESENTATION),
    ]
    assert [(s.segment.transcript_id, s.segment.text) for s in again.codings["Alice"]] == [
        ("p01_zoom", QUOTE),
        ("p02_transcript", QUOTE),
    ]


# -- a recording's transcript that repeats a text source ------------------------------------------

TEXT_SOURCE = "d0c00000-0000-4000-8000-000000000001"


def text_source(text_guid: str = TEXT_SOURCE, name: str = "p01_zoom") -> str:
    return (
        f'<TextSource guid="{text_guid}" name="{name}" plainTextPath="internal://{text_guid}.txt"/>'
    )


@pytest.mark.parametrize("recording_first", [False, True])
def test_a_recordings_transcript_that_repeats_a_text_source_is_one_interview(
    tmp_path: Path, recording_first: bool
) -> None:
    """Regression hunt s37: a project holding an interview as a text document and again as the
    transcript of its recording imported it twice ('p01_zoom' and 'p01_zoom-2', the same case),
    so saturation counted a second interview and coding the folder coded P01 twice; the warning
    said only that a second source had the name. Either order, the text is one transcript and
    the passage coded on the recording's transcript is coded in it."""
    parts = [text_source(), audio_source()]
    path = media_project(
        tmp_path,
        "".join(reversed(parts) if recording_first else parts),
        {f"sources/{TEXT_SOURCE}.txt": TEXT.encode("utf-8")},
    )
    project = read_qdpx(path)
    assert [(t.id, t.participant) for t in project.transcripts] == [("p01_zoom", "P01")]
    assert spans(path) == [("p01_zoom", 50, 74, QUOTE, "Staffing", 1.0, 4.0)]
    said = (
        "source 'p01_zoom': its text is that of the transcript 'p01_zoom' of audio source "
        "'p01_zoom.m4a', imported once"
        if recording_first
        else "audio source 'p01_zoom.m4a': its text is that of source 'p01_zoom', imported once, "
        "with its 1 coded passage(s)"
    )
    assert project.warnings == [said]


def test_a_recordings_transcript_of_another_text_under_a_taken_name_says_where_it_came_from(
    tmp_path: Path,
) -> None:
    other = "Interviewer: Hello?\nP02: Another interview altogether.\n"
    path = media_project(
        tmp_path,
        text_source() + audio_source(),
        {f"sources/{TEXT_SOURCE}.txt": other.encode("utf-8")},
    )
    project = read_qdpx(path)
    assert [t.id for t in project.transcripts] == ["p01_zoom", "p01_zoom-2"]
    assert project.warnings == [
        "audio source 'p01_zoom.m4a': its text is imported as 'p01_zoom-2' (a source 'p01_zoom' "
        "is already)"
    ]


OTHER = {f"sources/{TEXT_SOURCE}.txt": b"Interviewer: Hello?\nP02: Another one.\n"}


@pytest.mark.parametrize(
    ("sources", "members", "ids"),
    [
        (
            text_source() + audio_source(),
            {f"sources/{TEXT_SOURCE}.txt": TEXT.encode()},
            {"p01_zoom"},
        ),
        (
            audio_source() + text_source(),
            {f"sources/{TEXT_SOURCE}.txt": TEXT.encode()},
            {"p01_zoom"},
        ),
        (text_source() + audio_source(), OTHER, {"p01_zoom", "p01_zoom-2"}),
        (text_source(name="p01.docx") + audio_source(), OTHER, {"p01", "p01_zoom"}),
        (text_source(name=""), OTHER, {TEXT_SOURCE}),
        (
            text_source(name="s1") + text_source(TRANSCRIPT, name="s2"),
            {f"sources/{TEXT_SOURCE}.txt": b" \n"},
            {"s2"},
        ),
        (pdf_source(), PDF_FILES, {"p02_transcript"}),
    ],
)
def test_a_projects_transcript_ids_are_read_without_its_transcripts_as_with_them(
    tmp_path: Path, sources: str, members: dict[str, bytes], ids: set[str]
) -> None:
    """Review, session 44: ``read_qdpx_transcript_ids`` (what a folder's roqa-exported project
    is told by) gives the ids reading the project gives, a source without text, a recording's
    transcript that repeats a text source and a name taken twice as there."""
    from roqa_nlp.exchange.qdpx_import import read_qdpx_transcript_ids

    path = media_project(tmp_path, sources, members)
    assert read_qdpx_transcript_ids(path) == ids
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what is warned of is another test's
        assert {t.id for t in read_qdpx_transcripts(path)} == ids
