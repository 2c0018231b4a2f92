"""The OpenDocument reader (.odt, .fodt): LibreOffice Writer transcripts.

Documents are made two ways: with odfdo (a third-party ODF library, on its LibreOffice-made
template), as a researcher's file would be, and as hand-written ``content.xml`` for the markup
a case needs (tracked changes, notes, frames). Nothing is copied from a third party.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hostile_files import (
    LAUGHS_DTD,
    odt_bytes,
    odt_content_xml,
    odt_template,
    replace_members,
    zip_bytes,
)
from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import expand_paths, read_transcript
from roqa_nlp.transcripts.segment import segment

BOLD = (
    '<style:style style:name="T1" style:family="text">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
)


def _turns(path: Path) -> list[tuple[str, str, str]]:
    t = read_transcript(path)
    return [(x.speaker, x.role, t.text[x.start : x.end]) for x in t.turns]


def _odfdo_interview(path: Path, turns: list[tuple[str, str]], *, bold: bool) -> None:
    """An interview written with odfdo: a heading, a date line, then one paragraph per turn,
    its label in a bold run (``bold``) or typed ``Label: words``."""
    from odfdo import Document, Header, Paragraph, Span, Style

    doc = Document("text")
    doc.body.clear()
    doc.insert_style(Style("text", name="Label", bold=True), automatic=True)
    doc.body.append(Header(1, "Interview with P04"))
    doc.body.append(Paragraph("Date: 3 May 2024"))
    for label, words in turns:
        p = Paragraph("" if bold else f"{label}: {words}")
        if bold:
            p.append(Span(label, style="Label"))
            p.append(" " + words)
        doc.body.append(p)
    doc.save(path)


def test_an_odfdo_document_with_bold_labels_reads_as_turns(tmp_path: Path) -> None:
    f = tmp_path / "p04.odt"
    _odfdo_interview(
        f,
        [
            ("Interviewer", "How do   staff take to it?"),
            ("P04", "Mostly well.\tWe had training.\nThen supervision."),
            ("Interviewer", "Thanks."),
        ],
        bold=True,
    )
    t = read_transcript(f)
    assert t.text == (
        "Interviewer: How do   staff take to it?\n\n"
        "P04: Mostly well.\tWe had training.\nThen supervision.\n\n"
        "Interviewer: Thanks."
    )
    assert [(x.speaker, x.role) for x in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P04", "participant"),
        ("Interviewer", "interviewer"),
    ]
    assert (t.id, t.participant, t.metadata) == (
        "p04",
        "P04",
        # the heading is no one's talk, and told of (roqa inspect's read: line)
        {"format": "odt", "rendering": "canonical", "headings": ["Interview with P04"]},
    )


def test_typed_labels_read_as_in_word_and_text(tmp_path: Path) -> None:
    turns = [("Interviewer", "What helps?"), ("Participant 2", "The peer workers, honestly.")]
    _odfdo_interview(tmp_path / "a.odt", turns, bold=False)
    (tmp_path / "a.txt").write_text(
        "Date: 3 May 2024\n" + "\n".join(f"{s}: {w}" for s, w in turns) + "\n", "utf-8"
    )
    assert _turns(tmp_path / "a.odt") == _turns(tmp_path / "a.txt")


def test_the_example_interview_written_as_odt_reads_as_the_text_file(tmp_path: Path) -> None:
    """Every turn of examples/interviews/p01_interview.txt, written paragraph by paragraph with
    odfdo, gives the same speakers and words, except that the interviewer's 8 paragraphs of
    "Mm-hmm." (or "Yeah.", "Right.") between two of P01's are left out and P01's paragraphs on
    either side are one turn (a .txt file keeps its own turns)."""
    from odfdo import Document, Paragraph

    src = Path(__file__).parents[1] / "examples" / "interviews" / "p01_interview.txt"
    doc = Document("text")
    doc.body.clear()
    for line in src.read_text("utf-8").splitlines():
        if line.strip():
            doc.body.append(Paragraph(line))
    doc.save(tmp_path / "p01_interview.odt")
    odt, txt = read_transcript(tmp_path / "p01_interview.odt"), read_transcript(src)
    assert (len(odt.turns), len(txt.turns), odt.metadata["backchannels_left_out"]) == (43, 59, 8)
    said = [(x.speaker, x.role, txt.text[x.start : x.end]) for x in txt.turns]
    joined = [said[0]]
    for i in range(1, len(said)):
        if joined[-1] is None:  # after a left-out backchannel: the same speaker goes on
            joined[-2:] = [(*said[i][:2], f"{joined[-2][2]}\n{said[i][2]}")]
        elif said[i][2] in ("Mm-hmm.", "Yeah.", "Right.") and said[i + 1][0] == said[i - 1][0]:
            joined.append(None)
        else:
            joined.append(said[i])
    assert [(x.speaker, x.role, odt.text[x.start : x.end]) for x in odt.turns] == joined
    assert odt.participant == txt.participant


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    body = (
        "<text:tracked-changes>"
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info>'
        "<dc:creator>Ann</dc:creator></office:change-info>"
        "<text:p>lots of </text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="ct2"><text:insertion><office:change-info>'
        "<dc:creator>Ann</dc:creator></office:change-info></text:insertion></text:changed-region>"
        "</text:tracked-changes>"
        "<text:p>Interviewer: And staffing?</text:p>"
        '<text:p>P02: We had <text:change text:change-id="ct1"/>'
        '<text:change-start text:change-id="ct2"/>too few<text:change-end text:change-id="ct2"/>'
        " nurses.</text:p>"
    )
    f = tmp_path / "p02.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f)[1] == ("P02", "participant", "We had too few nurses.")


def test_notes_comments_frames_and_hidden_text_are_not_speech(tmp_path: Path) -> None:
    body = (
        "<text:p>Interviewer: Tell me about supervision.</text:p>"
        "<text:p>P03: It is monthly"
        '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Transcriber: unclear.</text:p></text:note-body></text:note>"
        "<office:annotation><dc:creator>Ann</dc:creator><text:p>check this</text:p></office:annotation>"
        ', and <draw:frame draw:name="F1"><draw:text-box><text:p>Logo text</text:p>'
        "</draw:text-box></draw:frame>useful"
        '<text:hidden-text text:condition="ooow:1" text:string-value="secret">secret</text:hidden-text>'
        ".</text:p>"
    )
    f = tmp_path / "p03.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f)[1] == ("P03", "participant", "It is monthly, and useful.")


def test_spaces_tabs_and_line_breaks_read_as_a_reader_sees_them(tmp_path: Path) -> None:
    body = (
        "<text:p>  P05:   We\n   waited<text:s/>"
        '<text:s text:c="2"/>weeks.<text:tab/>Then<text:line-break/>  it  came. </text:p>'
    )
    f = tmp_path / "p05.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f) == [("P05", "participant", "We waited   weeks.\tThen\nit came.")]


def test_a_label_after_a_line_break_opens_a_turn(tmp_path: Path) -> None:
    body = (
        "<text:p>Interviewer: What helped?<text:line-break/>P05: The peer workers.</text:p>"
        "<text:p>Interviewer: And then?<text:line-break/>P05: Money.</text:p>"
    )
    f = tmp_path / "p05.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "What helped?"),
        ("P05", "participant", "The peer workers."),
        ("Interviewer", "interviewer", "And then?"),
        ("P05", "participant", "Money."),
    ]


def test_lists_sections_links_and_fields_are_read_headings_are_not(tmp_path: Path) -> None:
    styles = (
        '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    )
    body = (
        '<text:p text:style-name="P1">Interview transcript</text:p>'
        '<text:h text:outline-level="2">Section one</text:h>'
        '<text:section text:name="S1"><text:p>Interviewer: What changed?</text:p></text:section>'
        "<text:list><text:list-item><text:p>P06: The "
        '<text:a xlink:href="https://example.org">new pathway</text:a> on '
        "<text:date>1 May</text:date>.</text:p></text:list-item>"
        "<text:list-item><text:list><text:list-item><text:p>And the forms.</text:p>"
        "</text:list-item></text:list></text:list-item></text:list>"
    )
    f = tmp_path / "p06.odt"
    f.write_bytes(odt_bytes(body, styles))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "What changed?"),
        ("P06", "participant", "The new pathway on 1 May.\nAnd the forms."),
    ]


def test_speaker_names_as_headings_above_the_words(tmp_path: Path) -> None:
    """A name alone as a heading (``text:h``), the words in the paragraphs below it, is a
    speaker, as in Word; the title heading is not speech."""
    h = '<text:h text:outline-level="{}">{}</text:h>'
    body = h.format(1, "Interview 14") + "".join(
        h.format(3, who) + f"<text:p>{said}</text:p>"
        for who, said in [
            ("Interviewer", "What gets in the way?"),
            ("Sam Roe", "Staffing."),
            ("Interviewer", "And what helps?"),
            ("Sam Roe", "The directors back us."),
        ]
    )
    f = tmp_path / "p14.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "What gets in the way?"),
        ("Sam Roe", "participant", "Staffing."),
        ("Interviewer", "interviewer", "And what helps?"),
        ("Sam Roe", "participant", "The directors back us."),
    ]


def test_bold_labels_need_a_colon_a_role_or_two_paragraphs(tmp_path: Path) -> None:
    """As in Word: a bold first run is a speaker when a colon follows it, when it is a role
    label, or when it labels two paragraphs; a paragraph all in bold is not a label."""
    p = '<text:p><text:span text:style-name="T1">{}</text:span>{}</text:p>'
    body = "".join(
        p.format(label, words)
        for label, words in [
            ("Interviewer", " So, to begin?"),
            ("Sam", " We began in May."),
            ("Interviewer", " And then?"),
            ("Sam", " It grew."),
            ("Important", " this is emphasis, not a speaker."),
            ("A whole bold paragraph.", ""),
        ]
    )
    f = tmp_path / "sam.odt"
    f.write_bytes(odt_bytes(body, BOLD))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "So, to begin?"),
        ("Sam", "participant", "We began in May."),
        ("Interviewer", "interviewer", "And then?"),
        (
            "Sam",
            "participant",
            "It grew.\nImportant this is emphasis, not a speaker.\nA whole bold paragraph.",
        ),
    ]


def test_the_strong_emphasis_style_and_numeric_weights_mark_labels(tmp_path: Path) -> None:
    named = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-styles '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><office:styles>'
        b'<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" '
        b'style:family="text"/></office:styles></office:document-styles>'
    )
    heavy = (
        '<style:style style:name="T2" style:family="text" style:parent-style-name="T3"/>'
        '<style:style style:name="T3" style:family="text">'
        '<style:text-properties fo:font-weight="700"/></style:style>'
    )
    body = (
        '<text:p><text:span text:style-name="Strong_20_Emphasis">Interviewer</text:span>'
        " Why?</text:p>"
        '<text:p><text:span text:style-name="T2">P07</text:span> Because it works.</text:p>'
    )
    f = tmp_path / "p07.odt"
    f.write_bytes(odt_bytes(body, heavy, extra={"styles.xml": named}))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "Why?"),
        ("P07", "participant", "Because it works."),
    ]


def test_transcript_tables_are_read_other_tables_are_not(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return (
            "<table:table-row>"
            + "".join(f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" for c in cells)
            + "</table:table-row>"
        )

    body = (
        '<table:table table:name="Meta">'
        + row("Site", "North", "Community team", "2024")
        + "</table:table>"
        + '<table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>'
        + "<table:table-header-rows>"
        + row("Time", "Speaker", "Text")
        + "</table:table-header-rows>"
        + row("00:00:05", "Interviewer", "Welcome.")
        + "<table:table-row-group>"
        + row("00:01:10", "P08", "We had no budget.")
        + "</table:table-row-group>"
        # a table inside a cell: its rows are no rows of the transcript's table
        + "<table:table-row><table:table-cell><text:p>00:01:30</text:p></table:table-cell>"
        + "<table:table-cell><text:p>P08</text:p></table:table-cell><table:table-cell>"
        + '<text:p>And staff.</text:p><table:table table:name="Inner">'
        + row("a", "b", "c")
        + "</table:table></table:table-cell></table:table-row>"
        + "</table:table>"
    )
    f = tmp_path / "p08.odt"
    f.write_bytes(odt_bytes(body))
    t = read_transcript(f)
    assert [(x.speaker, t.text[x.start : x.end], x.begin_time) for x in t.turns] == [
        ("Interviewer", "Welcome.", 5.0),
        ("P08", "We had no budget.\nAnd staff.", 70.0),  # one speaker's rows are one turn
    ]
    assert t.metadata["cue_times"][0]["cues"] == [[0, 70.0, None], [18, 90.0, None]]


def test_a_title_row_spanning_the_table_above_its_header_row_is_a_heading(
    tmp_path: Path,
) -> None:
    """s54 tester docx: the header row below a spanned title row was read as a participant
    "Speaker" saying "Transcript"."""
    cells = "".join
    row = "<table:table-row>{}</table:table-row>".format
    cell = "<table:table-cell><text:p>{}</text:p></table:table-cell>".format
    body = (
        '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
        + row(
            '<table:table-cell table:number-columns-spanned="2"><text:p>RM07 - interview'
            " 14/03/2024 (Zoom)</text:p></table:table-cell><table:covered-table-cell/>"
        )
        + row(cells([cell("Speaker"), cell("Transcript")]))
        + row(cells([cell("Interviewer"), cell("What got in the way?")]))
        + row(cells([cell("P08"), cell("Staffing, mostly.")]))
        + "</table:table>"
    )
    f = tmp_path / "p08.odt"
    f.write_bytes(odt_bytes(body))
    assert _turns(f) == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P08", "participant", "Staffing, mostly."),
    ]
    assert read_transcript(f).metadata["headings"] == ["RM07 - interview 14/03/2024 (Zoom)"]


def test_a_flat_fodt_document_reads_as_an_odt(tmp_path: Path) -> None:
    body = "<text:p>Interviewer: Ready?</text:p><text:p>P09: Yes.</text:p>"
    (tmp_path / "p09.fodt").write_bytes(odt_content_xml(body, BOLD, root="document"))
    (tmp_path / "p09.odt").write_bytes(odt_bytes(body, BOLD))
    assert _turns(tmp_path / "p09.fodt") == _turns(tmp_path / "p09.odt")
    assert read_transcript(tmp_path / "p09.fodt").metadata["format"] == "odt"


def test_segments_point_at_their_words(tmp_path: Path) -> None:
    f = tmp_path / "p04.odt"
    _odfdo_interview(
        f,
        [("Interviewer", "Go on."), ("P04", "Staff leave.  " * 3 + "We cope\tsomehow.")],
        bold=True,
    )
    t = read_transcript(f)
    segs = segment(t)
    assert segs and all(t.text[s.start : s.end] == s.text for s in segs)


def test_a_folder_of_odt_transcripts_is_expanded(tmp_path: Path) -> None:
    for name in ("p01.odt", "p02.fodt", "notes.ods"):
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in expand_paths([tmp_path])) == ["p01.odt", "p02.fodt"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not really a zip", "is not a readable .odt file"),
        (b"Interviewer: hi", "is not a readable OpenDocument text file (its XML is damaged"),
        (
            replace_members(
                odt_template(), {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}
            ),
            "is an OpenDocument spreadsheet, not a text document",
        ),
        (
            replace_members(
                odt_template(),
                {
                    "META-INF/manifest.xml": b'<manifest:manifest xmlns:manifest="urn:oasis:names:'
                    b'tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path='
                    b'"content.xml"><manifest:encryption-data/></manifest:file-entry>'
                    b"</manifest:manifest>"
                },
            ),
            "is password-protected (open it in LibreOffice, save a copy without the password",
        ),
        (replace_members(odt_template(), {"content.xml": None}), "it has no content.xml"),
        (
            odt_bytes(f'<?xml version="1.0"?>{LAUGHS_DTD}<r>&d;</r>'.encode()),
            "its content.xml is damaged or uses XML constructs that are refused",
        ),
        (odt_bytes(b"<office:document-content/>"), "its content.xml is damaged"),
        (
            odt_bytes(b'<r xmlns="urn:x"><body/></r>'),
            "is not a readable OpenDocument text file (it has no text body)",
        ),
        (
            zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text", "../x": b""}),
            "unsafe archive: member '../x' contains '..'",
        ),
    ],
)
def test_unreadable_odt_files_are_one_line_errors(
    tmp_path: Path, data: bytes, message: str
) -> None:
    f = tmp_path / "p10.odt"
    f.write_bytes(data)
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value).startswith(f"{f}: ")
    assert message in str(e.value)
    assert len(str(e.value).splitlines()) == 1


def test_roqa_inspect_reads_an_odt_transcript(tmp_path: Path) -> None:
    from test_cli_core import roqa

    f = tmp_path / "p04.odt"
    _odfdo_interview(
        f,
        [("Interviewer", "What helps?"), ("P04", "Peer workers."), ("Interviewer", "And?")]
        + [("P04", "Yeah.")],
        bold=True,
    )
    run = roqa("inspect", f, "--json")
    assert run.code == 0, run.err
    [got] = json.loads(run.out)
    assert (got["format"], got["participant"], got["speakers"]) == (
        "odt",
        "P04",
        [
            {"speaker": "Interviewer", "role": "interviewer", "turns": 2, "words": 3},
            {"speaker": "P04", "role": "participant", "turns": 2, "words": 3},
        ],
    )
    assert (got["turns_to_code"], got["backchannels"]) == (1, 1)
