"""Specification: a Word transcript's talk is read wherever Word keeps it.

Session 42 docx tester: talk inside content controls around table rows or cells (a template's
repeating section, a dropdown speaker cell), tables nested in a cell and paragraphs inside a
legacy ``w:customXml`` element were not read at all, no warning given; a transcript wholly in one
of them was "no speech found ... check that it is the right file"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

QA = [
    ("Interviewer", "What got in the way?"),
    ("P08", "Staffing, mostly."),
    ("Interviewer", "What helped?"),
    ("P08", "Peer workers."),
]


def said(t: Transcript) -> list[tuple[str, str, str]]:
    for u in t.turns:
        assert t.text[u.start : u.end] == t.text[u.start : u.end].strip()
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def expected(rows: list[tuple[str, str]] = QA) -> list[tuple[str, str, str]]:
    return [(s, "interviewer" if s == "Interviewer" else "participant", w) for s, w in rows]


def table(container: Any, rows: list[tuple[str, str]] = QA) -> Any:
    t = container.add_table(rows=len(rows), cols=2)
    for row, (speaker, words) in zip(t.rows, rows, strict=True):
        row.cells[0].text = speaker
        row.cells[1].text = words
    return t


def wrap(element: Any, control: str) -> None:
    """Put ``element`` inside a new ``control`` element where it stands."""
    wrapper = parse_xml(control)
    element.addprevious(wrapper)
    holder = wrapper.find("{*}sdtContent")
    (wrapper if holder is None else holder).append(element)


SECTION = f'<w:sdt {W_NS}><w:sdtPr><w:alias w:val="Turn"/></w:sdtPr><w:sdtContent/></w:sdt>'
DROPDOWN = (
    f'<w:sdt {W_NS}><w:sdtPr><w:alias w:val="Speaker"/><w:dropDownList>'
    '<w:listItem w:displayText="Interviewer" w:value="Interviewer"/>'
    '<w:listItem w:displayText="P08" w:value="P08"/></w:dropDownList></w:sdtPr>'
    "<w:sdtContent/></w:sdt>"
)
CUSTOM_XML = f'<w:customXml {W_NS} w:uri="urn:nhs-template" w:element="turn"/>'


@pytest.mark.parametrize("wrapped", [slice(2, 4), slice(0, 4)], ids=["some rows", "every row"])
def test_table_rows_in_repeating_section_content_controls_are_read(
    tmp_path: Path, wrapped: slice
) -> None:
    d = docx.Document()
    t = table(d)
    for tr in list(t._tbl.tr_lst)[wrapped]:
        wrap(tr, SECTION)
    d.save(str(tmp_path / "p08.docx"))
    assert said(read_transcript(tmp_path / "p08.docx")) == expected()


def test_speaker_cells_that_are_dropdown_content_controls_are_read(tmp_path: Path) -> None:
    d = docx.Document()
    t = table(d)
    for tr in t._tbl.tr_lst:
        wrap(tr.tc_lst[0], DROPDOWN)
    d.save(str(tmp_path / "p08.docx"))
    assert said(read_transcript(tmp_path / "p08.docx")) == expected()


def test_a_table_nested_in_an_answer_cell_is_part_of_the_answer(tmp_path: Path) -> None:
    d = docx.Document()
    t = table(d)
    cell = t.rows[1].cells[1]
    cell.text = "It was mostly time, as you can see here:"
    table(cell, [("Nights", "no protected training time"), ("Days", "two staff short")])
    cell.add_paragraph("So people learnt it on night shifts.")
    d.save(str(tmp_path / "p08.docx"))
    answer = (
        "It was mostly time, as you can see here:\nNights no protected training time\n"
        "Days two staff short\nSo people learnt it on night shifts."
    )
    assert said(read_transcript(tmp_path / "p08.docx")) == expected(
        [QA[0], ("P08", answer), *QA[2:]]
    )


def test_a_transcript_table_nested_in_a_layout_table_is_read(tmp_path: Path) -> None:
    d = docx.Document()
    frame = d.add_table(rows=1, cols=1)
    cell = frame.rows[0].cells[0]
    cell.text = "REGISTER study: transcript P08"
    table(cell)
    d.save(str(tmp_path / "p08.docx"))
    assert said(read_transcript(tmp_path / "p08.docx")) == expected()


TITLE = "RM07 - interview 14/03/2024 (Zoom)"


def titled_table(path: Path, header: list[str], *, merged: bool) -> None:
    """A transcription service's table: a title row (merged across the columns, or only in
    its first cell), the header row, then one row a turn (a time column when three)."""
    d = docx.Document()
    t = d.add_table(rows=0, cols=len(header))
    title = t.add_row().cells
    (title[0].merge(title[-1]) if merged else title[0]).text = TITLE
    for cells in [header, *[[f"00:0{i}:00", s, w] for i, (s, w) in enumerate(QA)]]:
        for cell, text in zip(t.add_row().cells, cells[-len(header) :], strict=True):
            cell.text = text
    d.save(str(path))


@pytest.mark.parametrize(
    ("header", "merged"),
    [
        (["Time", "Speaker", "Transcript"], True),
        (["Time", "Speaker", "Transcript"], False),
        (["Speaker", "Transcript"], True),
    ],
    ids=["3 columns, merged title", "3 columns, title in the first cell", "2 columns"],
)
def test_a_title_row_above_the_header_row_is_a_heading_not_talk(
    tmp_path: Path, header: list[str], merged: bool
) -> None:
    """s54 tester docx: a title row above ``Time | Speaker | Transcript`` gave "no speech
    found", and above ``Speaker | Transcript`` the header row was a participant "Speaker"
    saying "Transcript"."""
    titled_table(tmp_path / "rm07.docx", header, merged=merged)
    t = read_transcript(tmp_path / "rm07.docx")
    assert said(t) == expected()
    assert t.metadata["headings"] == [TITLE]


def test_paragraphs_inside_legacy_custom_xml_are_read(tmp_path: Path) -> None:
    d = docx.Document()
    paragraphs = [d.add_paragraph(f"{speaker}: {words}") for speaker, words in QA]
    wrap(paragraphs[0]._p, CUSTOM_XML)
    holder = paragraphs[0]._p.getparent()
    holder.append(paragraphs[1]._p)
    wrap(paragraphs[3]._p, CUSTOM_XML)
    d.save(str(tmp_path / "p08.docx"))
    assert said(read_transcript(tmp_path / "p08.docx")) == expected()


def test_rows_inside_custom_xml_are_read(tmp_path: Path) -> None:
    d = docx.Document()
    t = table(d)
    wrap(t._tbl.tr_lst[1], CUSTOM_XML)
    d.save(str(tmp_path / "p08.docx"))
    assert said(read_transcript(tmp_path / "p08.docx")) == expected()


def run(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def interview(path: Path, answer: str) -> Transcript:
    """A two-turn interview whose answer paragraph is ``P08: `` and the runs ``answer``."""
    d = docx.Document()
    d.add_paragraph("Interviewer: What got in the way?")
    d.element.body.insert(1, parse_xml(f"<w:p {W_NS}>{run('P08: ')}{answer}</w:p>"))
    d.save(str(path))
    return read_transcript(path)


@pytest.mark.parametrize("kind", ["page", "column"])
def test_a_page_or_column_break_between_two_words_keeps_them_apart(
    tmp_path: Path, kind: str
) -> None:
    answer = (
        f'{run("Nobody had training,")}<w:r><w:br w:type="{kind}"/></w:r>{run("so we made it up.")}'
    )
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", "Nobody had training,\nso we made it up.",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("font", "char", "shown"),
    [("Symbol", "F02D", "\u2013"), ("Symbol", "F0BE", "\u2014"), ("Symbol", "F0B7", "\u2022"),
     ("Calibri", "2014", "\u2014"), ("Wingdings", "F0E8", " ")],
)  # fmt: skip
def test_a_word_symbol_is_read_as_its_character(
    tmp_path: Path, font: str, char: str, shown: str
) -> None:
    sym = f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
    answer = f"{run('Mixed, I would say ')}{sym}{run(' the younger staff took to it.')}"
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", f"Mixed, I would say {shown} the younger staff took to it.",
    )  # fmt: skip


def test_a_custom_footnote_mark_is_not_talk(tmp_path: Path) -> None:
    mark = (
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t>*</w:t></w:r>'
    )
    answer = f"{run('It made a real difference.')}{mark}{run(' She agreed.')}"
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", "It made a real difference. She agreed.",
    )  # fmt: skip


@pytest.mark.parametrize("hidden", ["<w:vanish/>", "<w:specVanish/>", '<w:vanish w:val="1"/>'])
def test_hidden_text_is_not_talk(tmp_path: Path, hidden: str) -> None:
    answer = (
        f"{run('Staffing, mostly.')}{run(' HIDDEN speaker unclear', hidden)}{run(' And money.')}"
    )
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", "Staffing, mostly. And money.",
    )  # fmt: skip


def test_text_switched_off_as_hidden_is_talk(tmp_path: Path) -> None:
    shown = '<w:vanish w:val="0"/>'
    answer = f"{run('Staffing, mostly.')}{run(' And money.', shown)}"
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", "Staffing, mostly. And money.",
    )  # fmt: skip


MC_NS = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


@pytest.mark.parametrize(
    ("choice", "fallback"),
    [(run("for a supported"), run("for a supported")), ("", run("for a supported"))],
    ids=["both", "fallback only"],
)
def test_alternate_content_is_read_once(tmp_path: Path, choice: str, fallback: str) -> None:
    alternate = (
        f'<mc:AlternateContent {MC_NS}><mc:Choice Requires="w14">{choice}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>"
    )
    answer = f"{run('As a manager ')}{alternate}{run(' living service, yes.')}"
    assert said(interview(tmp_path / "p08.docx", answer))[1] == (
        "P08", "participant", "As a manager for a supported living service, yes.",
    )  # fmt: skip


def bold_labelled(path: Path, paragraphs: list[tuple[str, str]]) -> Transcript:
    """A Word transcript of paragraphs each opening with a bold ``label`` (none when empty)."""
    d = docx.Document()
    for label, words in paragraphs:
        p = d.add_paragraph()
        if label:
            p.add_run(label).bold = True
        p.add_run(words)
    d.save(str(path))
    return read_transcript(path)


def test_bold_lead_ins_said_once_inside_an_answer_are_its_words(tmp_path: Path) -> None:
    """s42 tester g02: bold lead-ins in an answer's list were read as three new participants,
    their lead words left out of the coded text."""
    t = bold_labelled(
        tmp_path / "p16.docx",
        [
            ("Interviewer:", " What got in the way?"),
            ("P16:", " Three things, really."),
            ("Training:", " nobody had protected time."),
            ("Staffing:", " we were two short on nights."),
            ("Interviewer:", " And what helped?"),
            ("P16:", " The manager backed it."),
        ],
    )
    assert said(t) == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P16", "participant",
         "Three things, really.\nTraining: nobody had protected time.\n"
         "Staffing: we were two short on nights."),
        ("Interviewer", "interviewer", "And what helped?"),
        ("P16", "participant", "The manager backed it."),
    ]  # fmt: skip


def test_a_bold_name_said_once_is_still_a_speaker(tmp_path: Path) -> None:
    t = bold_labelled(
        tmp_path / "p16.docx",
        [
            ("Interviewer:", " What got in the way?"),
            ("P16:", " Staffing, mostly."),
            ("Mary:", " Sorry to interrupt, the car is here."),
            ("Interviewer:", " And what helped?"),
            ("P16:", " The manager backed it."),
        ],
    )
    assert [u.speaker for u in t.turns] == ["Interviewer", "P16", "Mary", "Interviewer", "P16"]


def test_a_bold_label_typed_mid_paragraph_opens_the_turn_it_names(tmp_path: Path) -> None:
    """s42 tester g06: the transcriber forgot Enter before '**Interviewer:** ...', so the
    question was coded as the participant's talk, the next answer with it."""
    d = docx.Document()

    def paragraph(*runs: tuple[str, bool]) -> None:
        p = d.add_paragraph()
        for text, bold in runs:
            p.add_run(text).bold = bold

    paragraph(("Interviewer:", True), (" What got in the way?", False))
    paragraph(("P19:", True), (" Staffing, mostly. ", False), ("Interviewer:", True),
              (" And what helped?", False))  # fmt: skip
    paragraph(("P19:", True), (" The manager backed it. We used ", False), ("Note:", True),
              (" the app.", False))  # fmt: skip
    paragraph(("Interviewer:", True), (" Thank you.", False))
    d.save(str(tmp_path / "p19.docx"))
    assert said(read_transcript(tmp_path / "p19.docx")) == [
        ("Interviewer", "interviewer", "What got in the way?"),
        ("P19", "participant", "Staffing, mostly."),
        ("Interviewer", "interviewer", "And what helped?"),
        ("P19", "participant", "The manager backed it. We used Note: the app."),
        ("Interviewer", "interviewer", "Thank you."),
    ]


HEADER_FIELDS = [
    ("Date:", "03/04/2024"),
    ("Interviewer:", "Dr Amy Lee"),
    ("Participant:", "RM16"),
    ("Length:", "00:22:41"),
]
BOLD_TALK = [
    ("Dr Amy Lee", "Tell me about your service."),
    ("RM16", "We support adults in a shared house."),
    ("Dr Amy Lee", "And staff training?"),
    ("RM16", "Mostly shadowing."),
]


def header_table_docx(path: Path, columns: int, *, title: str = "") -> None:
    """A service's header table, ``field | value`` a row (2 columns) or two pairs a row (4
    columns, ``Date: | 03/04/2024 | Interviewer: | Dr Amy Lee``), a row merged across the table
    holding ``title`` above them, then bold-labelled talk naming no role."""
    d = docx.Document()
    pairs = columns // 2
    t = d.add_table(rows=0, cols=columns)
    if title:
        cells = t.add_row().cells
        cells[0].merge(cells[-1]).text = title
    for at in range(0, len(HEADER_FIELDS), pairs):
        cells = t.add_row().cells
        for i, (field, value) in enumerate(HEADER_FIELDS[at : at + pairs]):
            cells[2 * i].text, cells[2 * i + 1].text = field, value
    for who, words in BOLD_TALK:
        p = d.add_paragraph()
        p.add_run(f"{who}:").bold = True
        p.add_run(f" {words}")
    d.save(str(path))


@pytest.mark.parametrize(
    ("columns", "title"),
    [(2, ""), (4, ""), (4, "Interview details"), (6, "")],
    ids=["field | value", "two pairs a row", "two pairs a row under a title", "three pairs a row"],
)
def test_a_header_table_of_pairs_along_its_rows_reads_as_one_of_a_pair_a_row(
    tmp_path: Path, columns: int, title: str
) -> None:
    """s57 wild tester: the 4-column layout (``Interviewer: | Dr Amy Lee | Participant: |
    RM16``) was ignored, so Dr Amy Lee's questions were coded as a participant's and the case
    came from the file name (P50), while the 2-column copy named the interviewer and the case."""
    header_table_docx(tmp_path / "p50.docx", columns, title=title)
    t = read_transcript(tmp_path / "p50.docx")
    assert said(t) == [
        (s, "interviewer" if s == "Dr Amy Lee" else "participant", w) for s, w in BOLD_TALK
    ]
    assert (t.participant, t.metadata["header_people"]) == ("RM16", {"Dr Amy Lee": "interviewer"})
    assert t.metadata.get("headings", []) == ([title] if title else [])


def test_a_four_column_table_of_no_header_fields_is_not_a_header(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Interviewer: How many beds?")
    d.add_paragraph("P10: Twenty-one, across two wards.")
    t = d.add_table(rows=2, cols=4)
    for row, cells in zip(
        t.rows, [("Ward", "North", "Beds", "12"), ("Ward", "South", "Beds", "9")]
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    d.save(str(tmp_path / "p10.docx"))
    t = read_transcript(tmp_path / "p10.docx")
    assert said(t) == [
        ("Interviewer", "interviewer", "How many beds?"),
        ("P10", "participant", "Twenty-one, across two wards."),
    ]
    assert "header_people" not in t.metadata


STUDY_TALK = [
    ("Interviewer", "Can you tell me about your role?"),
    ("P12", "I've been a ward manager for six years."),
    ("Interviewer", "What helped with the new rota?"),
    ("P12", "The training sessions every week."),
]


def study_details_docx(path: Path, columns: int, fields: list[tuple[str, str]]) -> None:
    """A header table of ``fields``, ``columns // 2`` pairs a row, above labelled talk."""
    d = docx.Document()
    pairs = columns // 2
    t = d.add_table(rows=0, cols=columns)
    for at in range(0, len(fields), pairs):
        cells = t.add_row().cells
        for i, (field, value) in enumerate(fields[at : at + pairs]):
            cells[2 * i].text, cells[2 * i + 1].text = field, value
    for who, words in STUDY_TALK:
        d.add_paragraph(f"{who}: {words}")
    d.save(str(path))


@pytest.mark.parametrize(
    ("columns", "fields"),
    [
        (
            2,
            [
                ("Date:", "12 March 2024"),
                ("Site:", "Ward 7"),
                ("Duration:", "45 min"),
                ("Wave:", "2"),
            ],
        ),
        (
            4,
            [
                ("Date:", "12 March 2024"),
                ("Site:", "Ward 7"),
                ("Duration:", "45 min"),
                ("Wave:", "2"),
            ],
        ),
        (
            4,
            [
                ("Date:", "12 March 2024"),
                ("Site:", "Ward 7"),
                ("Cohort:", "B"),
                ("Arm:", "Control"),
            ],
        ),
    ],
    ids=[
        "field | value, a wave",
        "two pairs a row, a wave",
        "two pairs a row, a cohort and an arm",
    ],
)
def test_a_header_tables_field_the_reader_does_not_know_is_no_speakers_talk(
    tmp_path: Path, columns: int, fields: list[tuple[str, str]]
) -> None:
    """s57 hunt, M1: a header table's row of a study's own detail (``Wave | 2``, ``Cohort | B``,
    ``Arm | Control``) was read as a line ``Wave: 2``, so a speaker "Wave" said "2", coded, and
    the file's name was said to hold a speaker's name; the 4-column layout, ignored before, brought
    it to those tables too. Only the fields the reader knows are read; the others are left out."""
    study_details_docx(tmp_path / "p12.docx", columns, fields)
    t = read_transcript(tmp_path / "p12.docx")
    assert said(t) == [
        (s, "interviewer" if s == "Interviewer" else "participant", w) for s, w in STUDY_TALK
    ]
    assert [(s.speaker, s.text) for s in segment(t)] == [
        ("P12", "I've been a ward manager for six years."),
        ("P12", "The training sessions every week."),
    ]
