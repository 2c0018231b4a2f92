"""The barriers/enablers table as a Word document, laid out as the seed study's Table 2.

The seed paper reports its findings as a two-column table, *Barriers* | *Enablers*, with a row
per CFIR domain and a bulleted list in each cell. :func:`write_table2_docx` writes that layout
from a :class:`~roqa_nlp.framework.BarriersEnablers`, one bullet per construct with the
participants who raised it and its representative quotes (each cited by participant, as a paper
cites them), so the table can be pasted into a write-up and edited there. python-docx is imported
only here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .framework import (
    CODE_UNSURE,
    NO_QUOTE,
    SURE_CODE,
    SURE_VALENCE,
    VALENCE_UNSURE,
    check_quotes,
    clock,
    domain_heading,
)
from .io import atomic_open, xml_text

if TYPE_CHECKING:
    from .framework import BarriersEnablers, ConstructRow, Quote, Side

#: characters XML 1.0 cannot hold (Word would refuse the document)
DEFAULT_TITLE = "Summary of barriers and enablers"
#: what an empty cell shows (the seed's table leaves the cell blank; a dash reads as "none")
NONE_CHARTED = "\u2014"
#: what the table says when no segment carries a code (all small talk, or a threshold too high)
NOTHING_CHARTED = "No segment is charted with a code."
#: ... and when every segment charted is neutral
NO_SIDE_CHARTED = "No segment is charted as a barrier or an enabler."


#: how the Word table cites its quotes: by who said it, as a paper does (``(P04)``, the
#: default), or also by where it is (``(P04, p04_interview:120-340, 00:12:31)``, as the
#: .xlsx/.csv table and the report do, whatever the transcript's format)
CITE_STYLES = ("participant", "place")


def quote_line(q: Quote, cite: str = "participant") -> str:
    """A quote as the table cites it (:data:`CITE_STYLES`): ``“words” (P04)``, as a paper does;
    with ``cite="place"`` also where it is, as the .xlsx/.csv table cites it, whatever the
    transcript's format: transcript id and code-point offsets, then the time into the
    recording when the transcript has times, ``“words” (P04, p04_interview:120-340,
    00:12:31)``."""
    where = [q.who]
    if cite == "place":
        where.append(f"{q.transcript_id}:{q.start}-{q.end}")
        where += [] if q.begin_time is None else [clock(q.begin_time)]
    return f"\u201c{q.one_line}\u201d ({', '.join(where)})"


def check_cite(cite: object, what: str = "citation style") -> None:
    """A one-line error unless ``cite`` is one of :data:`CITE_STYLES` (``what``: how the
    caller names it, e.g. ``--cite``)."""
    if cite not in CITE_STYLES:
        from .errors import RoqaError

        raise RoqaError(f"unknown {what} {cite!r}", hint=f"use {' or '.join(CITE_STYLES)}")


def construct_name(c: ConstructRow) -> str:
    """A construct's name in the table; a sub-construct's with its construct's, which the table
    would otherwise hide: ``Tension for Change (Implementation Climate)``; not when its name
    starts with it already (CFIR 2.0's ``Assessing Needs: Innovation Recipients``)."""
    if c.parent is None or c.name.casefold().startswith(c.parent.casefold()):
        return c.name
    return f"{c.name} ({c.parent})"


#: marks a quote, and a participant counted only on such quotes, whose code is unsure
CODE_MARK = "\u2020"
#: ... whose valence is unsure (:attr:`~roqa_nlp.framework.Quote.valence_unsure`)
VALENCE_MARK = "\u2021"
#: what the legend says of a participant marked with either, ``{what}`` being what is unsure
#: (``code``, ``valence``): the mark says whose evidence rests on unsure segments only, so one
#: with a sure segment there too is not marked (:meth:`~roqa_nlp.framework.Side.participant_list`;
#: s49 re-test refocus, finding 7: said in plain short words)
AFTER_PARTICIPANT = (
    " After a participant: every segment of theirs in this bullet has an unsure {what}."
)


def construct_line(name: str, side: Side) -> str:
    """A construct's bullet: its name, who raised it and on how many segments; participants
    counted only on unsure codes or only on unsure valences marked (:data:`CODE_MARK`,
    :data:`VALENCE_MARK`) and counted: ``Relative Priority: 3 participants, 1 code unsure, 1
    valence unsure (P09, P10\u2020, P11\u2021), 3 segments``."""
    n = len(side.participants)
    who = f"{n} participant{'s' if n != 1 else ''}"
    for count, kind in (
        (len(side.unsure_participants), CODE_UNSURE),
        (len(side.valence_unsure_participants), VALENCE_UNSURE),
    ):
        who += f", {count} {kind}" if count else ""
    who += f" ({side.participant_list((CODE_MARK, VALENCE_MARK))})"
    return f"{name}: {who}, {side.segments} segment{'s' if side.segments != 1 else ''}"


def _counted(c: ConstructRow) -> str:
    n = c.neutral.segments
    return f"{construct_name(c)} ({n} segment{'s' if n != 1 else ''})"


def neutral_note(table: BarriersEnablers) -> str | None:
    """The line under the table counting the segments whose valence is neutral, which it leaves
    out, and naming every construct they are under with its count: first those charted only as
    neutral (so in no row of the table), then those that also have a barrier or enabler row, so
    that the constructs named are the constructs counted. A segment neutral under two
    constructs (two codes charted) is named under each, and the line says so. They are called
    codes when one is a project's new code, which is no codebook's construct (blind tester loop,
    s64). None when no segment is neutral."""
    from .decisions import PROJECT_PREFIX

    neutral = [c for d in table.domains for c in d.constructs if c.neutral]
    if not neutral:
        return None
    n_seg = table.neutral_segments
    by_count = sorted(neutral, key=lambda c: -c.neutral.segments)
    only = [c for c in by_count if not (c.barriers or c.enablers)]
    rowed = [c for c in by_count if c.barriers or c.enablers]
    twice = sum(c.neutral.segments for c in neutral) > n_seg
    unit = "code" if any(c.code_id.startswith(PROJECT_PREFIX) for c in neutral) else table.unit
    line = (
        f"Not in the table: {n_seg} segment{'s' if n_seg != 1 else ''} whose valence is neutral "
        f"(neither barrier nor enabler), under {len(neutral)} {unit}"
        f"{'s' if len(neutral) != 1 else ''}"
        + (f" (a segment neutral under several {unit}s is named under each)" if twice else "")
        + "."
    )
    if only:
        line += " Charted only as neutral, so in no row above: "
        line += "; ".join(_counted(c) for c in only) + "."
    if rowed:
        line += (
            f" Under {unit}s that also have a row above: "
            if len(rowed) > 1
            else f" Under a {unit} that also has a row above: "
        )
        line += "; ".join(_counted(c) for c in rowed) + "."
    return line + " Give them a valence in review if they are barriers or enablers."


def unsure_marks(q: Quote) -> str:
    """The marks of a quote whose coding is unsure, as the report flags it: ``†`` a code
    probability below :data:`~roqa_nlp.framework.SURE_CODE` (the model's own,
    :attr:`~roqa_nlp.framework.Quote.sure_probability`), ``‡`` a valence probability below
    :data:`~roqa_nlp.framework.SURE_VALENCE` (a person's codes, at probability 1 with no valence
    probability, are never marked)."""
    marks = CODE_MARK if q.sure_probability < SURE_CODE else ""
    if q.valence_unsure:
        marks += VALENCE_MARK
    return marks


def _plain_package(doc: Any) -> None:
    """Leave out what python-docx's template brings along: its thumbnail (a file browser would
    show another document's preview), its comment and its 2013 dates; A4 paper."""
    from datetime import datetime, timezone

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.shared import Mm

    rels = doc.part.package.rels
    for rid in [r.rId for r in rels.values() if r.reltype == RELATIONSHIP_TYPE.THUMBNAIL]:
        del rels[rid]
    props = doc.core_properties
    props.comments = ""
    props.last_modified_by = "roqa_nlp"
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.created = props.modified = now
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)


def write_table2_docx(
    table: BarriersEnablers,
    path: str | Path,
    *,
    title: str | None = None,
    note: str | None = None,
    quotes: int = 1,
    cite: str = "participant",
) -> None:
    """Write ``table`` as a Word document (atomically): a caption, ``note`` under it (what was
    charted, e.g. whose codes), then a two-column table. The header row, *Barriers* |
    *Enablers*, repeats on every page; each domain with a barrier or an enabler is a full-width
    row followed by a row whose cells list, per construct, ``Name: n participants (P01, P02), k
    segments`` and its ``quotes`` most representative quotes (0: none, as in the seed paper;
    the CSV/XLSX table has up to three), each cited as ``cite`` says (:func:`quote_line`: by
    participant, as a paper cites, by default). Unsure codings are marked (:func:`unsure_marks`) and
    explained under the table, where segments whose valence is neutral are counted (the CSV/XLSX
    table lists them)."""
    from .io import check_format

    check_format(path, "Word", "to_docx")
    check_quotes(quotes)
    check_cite(cite)
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    from .transcripts.docx import ROQA_AUTHOR

    doc: Any = Document()
    _plain_package(doc)
    doc.core_properties.title = xml_text(title or DEFAULT_TITLE)
    # what tells it from a transcript when it is saved among them (transcripts.docx)
    doc.core_properties.author = ROQA_AUTHOR
    doc.add_paragraph(xml_text(title or DEFAULT_TITLE), style="Caption")
    # the codes that cannot be charted are counted under the caption, named below the table
    never = table.uncodable if note and table.uncodable and table.uncodable[0] in note else None
    if note:
        doc.add_paragraph(xml_text(note if never is None else note.replace(never[0], never[1])))

    grid = doc.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    head = grid.rows[0]
    head_props = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head_props.append(repeat)
    for cell, label in zip(head.cells, ("Barriers", "Enablers"), strict=True):
        cell.paragraphs[0].add_run(label).bold = True

    shown_marks: set[str] = set()
    marked_participants: set[str] = set()  # the marks put after a participant
    guessed = False  # a valence marked for the model's guess on a new code: the legend says so

    def fill(cell: Any, sides: list[tuple[str, Side]]) -> None:
        nonlocal guessed
        shown = [(name, s) for name, s in sides if s]
        first = cell.paragraphs[0]
        if not shown:
            first.add_run(NONE_CHARTED)
            return
        for n, (name, side) in enumerate(shown):
            p = first if n == 0 else cell.add_paragraph()
            p.style = doc.styles["List Bullet"]
            p.add_run(xml_text(construct_line(name, side)))
            if side.unsure_participants:
                shown_marks.add(CODE_MARK)
                marked_participants.add(CODE_MARK)
            if side.valence_unsure_participants:
                shown_marks.add(VALENCE_MARK)
                marked_participants.add(VALENCE_MARK)
                guessed = guessed or side.valence_guessed
            for q in side.quotes[:quotes]:
                qp = cell.add_paragraph()
                qp.paragraph_format.left_indent = Pt(18)
                if q.only_agrees:  # counted, but no evidence: said so, not quoted as evidence
                    qp.add_run(f"{NO_QUOTE}: ")
                run = qp.add_run(xml_text(quote_line(q, cite)))
                run.italic = True
                marks = unsure_marks(q)
                if marks:
                    qp.add_run(f" {marks}")
                    shown_marks.update(marks)
                    guessed = guessed or q.valence_guessed

    for domain in table.domains:
        if not (domain.has_barriers or domain.has_enablers):
            continue  # neutral only: counted under the table
        label = grid.add_row()
        merged = label.cells[0].merge(label.cells[1])
        merged.paragraphs[0].add_run(
            xml_text(domain.name or domain_heading("outside_codebook"))
        ).bold = True
        row = grid.add_row()
        fill(row.cells[0], [(construct_name(c), c.barriers) for c in domain.constructs])
        fill(row.cells[1], [(construct_name(c), c.enablers) for c in domain.constructs])

    if not any(d.has_barriers or d.has_enablers for d in table.domains):
        empty = grid.add_row()
        why = NOTHING_CHARTED if not table.domains else NO_SIDE_CHARTED
        empty.cells[0].merge(empty.cells[1]).paragraphs[0].add_run(why)

    if CODE_MARK in shown_marks:
        doc.add_paragraph(
            f"{CODE_MARK} Code unsure: the model's probability for it is below {SURE_CODE:.0%}."
            + (AFTER_PARTICIPANT.format(what="code") if CODE_MARK in marked_participants else "")
        )
    if VALENCE_MARK in shown_marks:
        doc.add_paragraph(
            f"{VALENCE_MARK} Valence unsure: the probability of its valence is below "
            f"{SURE_VALENCE:.0%}"
            + (
                ", or, in codings an earlier roqa wrote, it is the model's guess for a code of "
                "the project's own that the reviewer gave no valence."
                if guessed
                else "."
            )
            + (
                AFTER_PARTICIPANT.format(what="valence")
                if VALENCE_MARK in marked_participants
                else ""
            )
        )
    neutral = neutral_note(table)
    if neutral:
        doc.add_paragraph(xml_text(neutral))
    if never is not None:
        doc.add_paragraph(xml_text(never[2]))
    with atomic_open(path, "wb") as fh:
        doc.save(fh)
