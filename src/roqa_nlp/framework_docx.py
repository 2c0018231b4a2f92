"""The barriers/enablers table as a Word document, laid out as the seed study's Table 2.

The seed paper reports its findings as a two-column table, *Barriers* | *Enablers*, with a row
per CFIR domain and a bulleted list in each cell. :func:`write_table2_docx` writes that layout
from a :class:`~roqa_nlp.framework.BarriersEnablers`, one bullet per construct with the
participants who raised it and its representative quotes (each cited by participant and place),
so the table can be pasted into a write-up and edited there. python-docx is imported only here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .io import atomic_open

if TYPE_CHECKING:
    from .framework import BarriersEnablers, Quote, Side

#: characters XML 1.0 cannot hold (Word would refuse the document)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DEFAULT_TITLE = "Summary of barriers and enablers"
#: what an empty cell shows (the seed's table leaves the cell blank; a dash reads as "none")
NONE_CHARTED = "\u2014"
#: what the table says when no segment carries a code (all small talk, or a threshold too high)
NOTHING_CHARTED = "No segment is charted with a code."


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def quote_line(q: Quote) -> str:
    """A quote as the table cites it: ``“words” (P04, 00:12:31)`` when the transcript has times,
    else ``“words” (P04, p04:120-340)`` (transcript and code-point offsets)."""
    if q.begin_time is not None:
        t = int(q.begin_time)
        where = f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"
    else:
        where = f"{q.transcript_id}:{q.start}-{q.end}"
    return f"\u201c{' '.join(q.text.split())}\u201d ({q.participant}, {where})"


def construct_line(name: str, side: Side) -> str:
    """A construct's bullet: its name, who raised it and on how many segments."""
    n = len(side.participants)
    who = f"{n} participant{'s' if n != 1 else ''} ({', '.join(side.participants)})"
    return f"{name}: {who}, {side.segments} segment{'s' if side.segments != 1 else ''}"


def write_table2_docx(
    table: BarriersEnablers,
    path: str | Path,
    *,
    title: str | None = None,
    note: str | None = None,
) -> None:
    """Write ``table`` as a Word document (atomically): a caption, ``note`` under it (what was
    charted, e.g. whose codes), then a two-column table. The header row, *Barriers* |
    *Enablers*, repeats on every page; each domain is a full-width row followed by a row whose
    cells list, per construct, ``Name: n participants (P01, P02), k segments`` and its quotes.
    Segments coded neutral are counted in a closing line (the CSV/XLSX table lists them)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc: Any = Document()
    doc.core_properties.title = _clean(title or DEFAULT_TITLE)
    doc.core_properties.author = "roqa_nlp"
    doc.add_paragraph(_clean(title or DEFAULT_TITLE), style="Caption")
    if note:
        doc.add_paragraph(_clean(note))

    grid = doc.add_table(rows=1, cols=2)
    grid.style = "Table Grid"
    head = grid.rows[0]
    head_props = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    head_props.append(repeat)
    for cell, label in zip(head.cells, ("Barriers", "Enablers"), strict=True):
        cell.paragraphs[0].add_run(label).bold = True

    def fill(cell: Any, sides: list[tuple[str, Side]]) -> None:
        shown = [(name, s) for name, s in sides if s]
        first = cell.paragraphs[0]
        if not shown:
            first.add_run(NONE_CHARTED)
            return
        for n, (name, side) in enumerate(shown):
            p = first if n == 0 else cell.add_paragraph()
            p.style = doc.styles["List Bullet"]
            p.add_run(_clean(construct_line(name, side)))
            for q in side.quotes:
                qp = cell.add_paragraph()
                qp.paragraph_format.left_indent = Pt(18)
                run = qp.add_run(_clean(quote_line(q)))
                run.italic = True

    for domain in table.domains:
        label = grid.add_row()
        merged = label.cells[0].merge(label.cells[1])
        merged.paragraphs[0].add_run(
            _clean(domain.name or "Codes outside the codebook")
        ).bold = True
        row = grid.add_row()
        fill(row.cells[0], [(c.name, c.barriers) for c in domain.constructs])
        fill(row.cells[1], [(c.name, c.enablers) for c in domain.constructs])

    if not table.domains:
        empty = grid.add_row()
        empty.cells[0].merge(empty.cells[1]).paragraphs[0].add_run(NOTHING_CHARTED)

    neutral = [c for d in table.domains for c in d.constructs if c.neutral]
    if neutral:
        n_seg = sum(c.neutral.segments for c in neutral)
        doc.add_paragraph(
            f"Not in the table: {n_seg} segment{'s' if n_seg != 1 else ''} coded neutral "
            f"(neither barrier nor enabler) under {len(neutral)} construct"
            f"{'s' if len(neutral) != 1 else ''}."
        )
    with atomic_open(path, "wb") as fh:
        doc.save(fh)
