"""Generate the document-format battery: 133 transcripts in .odt, .rtf, .pdf, Otter and Rev
.docx, Word .docx with tracked changes, focus groups and tiny files, each with its truth.

What it measures: with ``formats_check.py``, whether ``roqa_nlp.read_transcript`` gives each
file's turns (speaker, role, exact words), leaves out what is not the transcript (tracked
deletions, comments, text boxes, headers and footers, title blocks: the truth's ``absent``
words), and gives segments whose offsets point at their text. The files are written by hand the
way each tool writes them (no real exports are available offline): .odt as LibreOffice's XML zip
(tracked changes, annotation, text box, bullets, table, soft page break, line break, tab), .rtf
as WordPad/Word write it (escapes, header/footer, bullets, table, annotation, deletion, shape
text), .pdf with Helvetica/WinAnsi text (line flow or kerned TJ, running header and page
number, ``Page x of y``), Otter and Rev .docx with python-docx, Word .docx with raw
``w:del``/``w:ins``/text box/page break XML and a real comment; focus groups of 2-8 participants
in five label styles (.txt and .docx) with co-facilitator, note-taker, ``All:`` replies and
interruptions; tiny files of 1-3 questions (.txt and .vtt).

Written by session 83's formats13 tester; all texts are the project's own, no third-party text.

Run: ``.venv/bin/python benchmarks/reader_batteries/formats_gen.py [--out DIR] [--seed 13]``.
It writes ``DIR/<class>/...`` and ``DIR/truth.jsonl`` (one record per file: ``{"class", "path",
"turns": [[speaker, role, text], ...], "hazards", "absent", "interviewer_labels"}``; paths are
relative to DIR). Seeded: the same seed gives the same texts (zip timestamps aside).
``formats_check.py`` generates and checks in one command. Default DIR:
``benchmarks/out/reader_batteries/formats`` (git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import zipfile
from pathlib import Path

from docx.oxml import parse_xml
from exports_gen import clear_out, wrap, write_truth

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "benchmarks" / "out" / "reader_batteries" / "formats"
#: set by :func:`generate`: the random source, the output folder and the truth records so far
R = random.Random(13)
OUT = DEFAULT_OUT
truth: list[dict] = []
Q = [
    "How did the team first react to the new way of working?",
    "What gets in the way of doing that day to day?",
    "Could you say a bit more about the commissioners?",
    "Who made the decision in the end?",
    "How do families get involved, if at all?",
    "What would you change about the café sessions?",
]
A = [
    "The staff were wary at first \u2013 they\u2019d seen lots of initiatives come and go.",
    "Ren\u00e9e, our deputy, said \u201cwe can\u2019t keep doing this\u201d and she was right.",
    "We\u2019re a small team, eleven support workers and me, covering two boroughs.",
    "Honestly, the na\u00efve bit was thinking the r\u00e9sum\u00e9 of the service would speak for itself.",
    "Money follows the bed, not the person; that\u2019s the problem\u2026",
    "Zo\u00eb in the night team was the one who pushed for the change.",
    "I\u2019d say the CQC visit was a turning point, if I\u2019m honest.",
    "The rota is the thing \u2013 it\u2019s always the rota.",
    "We tried it for six weeks and it just didn\u2019t stick with the older residents.",
    "Fran\u00e7ois from the trust came twice and then never again.",
]
NAMES = [
    "Amira Khan",
    "Li Wei",
    "Tom\u00e1s Ruiz",
    "Bev Olsen",
    "Jo Daly",
    "Niamh Byrne",
    "Ravi Patel",
    "Ewa Nowak",
]


def answer(n=None):
    return " ".join(R.sample(A, n or R.randint(1, 3)))


def interview(n_q=5, iv="Interviewer", p="P04"):
    t = []
    for q in R.sample(Q, n_q):
        t.append([iv, "interviewer", q])
        t.append([p, "participant", answer()])
    return t


def rec(cls, path, turns, **kw):
    truth.append(
        {
            "class": cls,
            "path": path.relative_to(OUT).as_posix(),
            "turns": turns,
            "hazards": kw.pop("hazards", []),
            **kw,
        }
    )


def numbered_file(cls, i, hazards, ext):
    """The path of file ``i`` of class ``cls`` (its folder made): ``<cls>_<i>_<hazards>.<ext>``."""
    d = OUT / cls
    d.mkdir(parents=True, exist_ok=True)
    return d / (f"{cls}_{i:03d}" + ("_" + "_".join(hazards) if hazards else "") + ext)


# ---------------- ODT (XML zip by hand, as LibreOffice writes it) ----------------
def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def write_odt(path, body, header="Recovery study 2024 \u2013 CONFIDENTIAL", footer="Page 1"):
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS}><office:body><office:text>{body}</office:text></office:body></office:document-content>'
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODT_NS}><office:master-styles><style:master-page style:name="Standard">'
        f"<style:header><text:p>{esc(header)}</text:p></style:header><style:footer><text:p>{esc(footer)} <text:page-number>1</text:page-number></text:p></style:footer>"
        "</style:master-page></office:master-styles></office:document-styles>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("styles.xml", styles, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def odt_file(i, hazards):
    turns = interview(R.randint(3, 5), "Interviewer", f"P0{R.randint(1, 9)}")
    body = []
    if "tracked" in hazards:
        body.append(
            '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Sam</dc:creator></office:change-info>'
            "<text:p>DELETEDWORDS should never be read</text:p></text:deletion></text:changed-region>"
            '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Sam</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>'
        )
    body.append('<text:p text:style-name="Title">Interview transcript</text:p>')
    for k, (sp, role, t) in enumerate(turns):
        pre = ""
        if "page_break" in hazards and k == 4:
            pre = "<text:soft-page-break/>"
        if role == "participant" and "bullets" in hazards and k == 1:
            # answer with a bulleted list: label paragraph then list items; truth: items joined
            items = [a for a in A[:3]]
            turns[k][2] = "\n".join(items)
            body.append(
                f"<text:p>{pre}<text:span>{esc(sp)}:</text:span></text:p><text:list>"
                + "".join(
                    f"<text:list-item><text:p>{esc(x)}</text:p></text:list-item>" for x in items
                )
                + "</text:list>"
            )
            continue
        txt = esc(t)
        if role == "participant" and "tracked" in hazards and k == 1:
            txt = (
                '<text:change text:change-id="ct1"/>'
                + txt[:10]
                + '<text:change-start text:change-id="ct2"/>'
                + ""
                + '<text:change-end text:change-id="ct2"/>'
                + txt[10:]
            )
        if role == "participant" and "comment" in hazards and k == 3:
            txt = (
                txt
                + "<office:annotation><dc:creator>Sam</dc:creator><text:p>COMMENTWORDS check this</text:p></office:annotation>"
            )
        if role == "participant" and "textbox" in hazards and k == 3:
            txt = (
                '<draw:frame draw:name="Frame1" text:anchor-type="paragraph" svg:width="5cm"><draw:text-box><text:p>BOXWORDS study ID R-24</text:p></draw:text-box></draw:frame>'
                + txt
            )
        if role == "participant" and "linebreak" in hazards and k == 1:
            txt = txt.replace(". ", ".<text:line-break/>", 1)
            turns[k][2] = t.replace(". ", ".\n", 1)
        if role == "participant" and "tabs_spaces" in hazards:
            txt = txt.replace("  ", " ").replace(" ", "<text:s/>", 0)
            txt = f"<text:span>{esc(sp)}:</text:span><text:tab/>" + txt
            body.append(f"<text:p>{pre}{txt}</text:p>")
            continue
        body.append(f"<text:p>{pre}{esc(sp)}: {txt}</text:p>")
    if "table" in hazards:
        # a participant turn laid out as a 2-column table (speaker | words) at the end
        extra = [
            ["Interviewer", "interviewer", "Anything else you\u2019d like to add?"],
            [
                turns[1][0],
                "participant",
                "Only that the caf\u00e9 idea was Zo\u00eb\u2019s, not mine.",
            ],
        ]
        body.append(
            '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
            + "".join(
                f"<table:table-row><table:table-cell><text:p>{esc(a)}</text:p></table:table-cell><table:table-cell><text:p>{esc(c)}</text:p></table:table-cell></table:table-row>"
                for a, _, c in extra
            )
            + "</table:table>"
        )
        turns += extra
    p = numbered_file("odt", i, hazards, ".odt")
    write_odt(p, "".join(body))
    rec(
        "odt",
        p,
        turns,
        hazards=hazards,
        absent=["DELETEDWORDS", "COMMENTWORDS", "BOXWORDS", "CONFIDENTIAL", "Interview transcript"],
    )


# ---------------- RTF by hand ----------------
def rtf_esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif o < 128:
            out.append(ch)
        elif o < 256:
            out.append(f"\\'{o:02x}")
        else:
            out.append(f"\\u{o if o < 32768 else o - 65536}?")
    return "".join(out)


def rtf_file(i, hazards):
    sp_p = R.choice(["P07", "Participant", "Ren\u00e9e"])
    turns = interview(R.randint(3, 5), "Interviewer", sp_p)
    parts = [
        r"{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset2 Symbol;}}",
        r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1 ",
    ]
    if "header_footer" in hazards:
        parts.append(
            r"{\header\pard\plain Recovery study 2024 CONFIDENTIAL\par}{\footer\pard\plain Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"
        )
    if "comment" in hazards:
        pass
    parts.append(r"\pard\sa200\sl276\slmult1\f0\fs22\lang9 ")
    for k, (sp, role, t) in enumerate(turns):
        if "page_break" in hazards and k == 4:
            parts.append(r"\page ")
        if role == "participant" and "bullets" in hazards and k == 1:
            items = A[:3]
            turns[k][2] = "\n".join(items)
            parts.append(rtf_esc(sp) + r":\par ")
            for x in items:
                parts.append(
                    r"{\pntext\f1\'B7\tab}{\*\pn\pnlvlblt\pnf1\pnindent0{\pntxtb\'B7}}\fi-360\li720 "
                    + rtf_esc(x)
                    + r"\par "
                )
            parts.append(r"\pard\sa200\sl276\slmult1 ")
            continue
        body = rtf_esc(t)
        if role == "participant" and "comment" in hazards and k == 3:
            body += r"{\*\atnid SR}{\*\atnauthor Sam}\chatn{\*\annotation{\*\atnref 1}\pard\plain COMMENTWORDS check this\par}"
        if role == "participant" and "tracked" in hazards and k == 1:
            body = r"{\deleted\revauth1 DELETEDWORDS }" + body
        if role == "participant" and "bold_label" in hazards:
            parts.append(r"{\b " + rtf_esc(sp) + r":}\b0  " + body + r"\par ")
        elif role == "participant" and "line_break" in hazards and k == 1:
            parts.append(rtf_esc(sp) + ": " + rtf_esc(t).replace(". ", r".\line ", 1) + r"\par ")
            turns[k][2] = t.replace(". ", ".\n", 1)
        else:
            parts.append(rtf_esc(sp) + ": " + body + r"\par ")
    if "textbox" in hazards:
        parts.append(
            r"{\shp{\*\shpinst\shpleft0\shptop0\shpright2000\shpbottom500{\sp{\sn shapeType}{\sv 202}}{\shptxt \pard BOXWORDS study ID R-24\par}}}"
        )
    if "table" in hazards:
        extra = [
            ["Interviewer", "interviewer", "Anything else you\u2019d like to add?"],
            [sp_p, "participant", "Only that the caf\u00e9 idea was Zo\u00eb\u2019s, not mine."],
        ]
        for a, _, c in extra:
            parts.append(
                r"\trowd\cellx2000\cellx9000\pard\intbl "
                + rtf_esc(a)
                + r"\cell "
                + rtf_esc(c)
                + r"\cell\row "
            )
        parts.append(r"\pard ")
        turns += extra
    parts.append("}")
    p = numbered_file("rtf", i, hazards, ".rtf")
    p.write_bytes("\r\n".join(parts).encode("ascii"))
    rec(
        "rtf",
        p,
        turns,
        hazards=hazards,
        absent=["DELETEDWORDS", "COMMENTWORDS", "BOXWORDS", "CONFIDENTIAL"],
    )


# ---------------- PDF by hand (Helvetica, WinAnsi, as a PDF printer lays out lines) ----------------
def pdf_str(s):
    b = s.encode("cp1252")
    return (
        "("
        + "".join(
            chr(c)
            if 32 <= c < 127 and chr(c) not in "()\\"
            else ("\\" + chr(c) if chr(c) in "()\\" else f"\\{c:03o}")
            for c in b
        )
        + ")"
    )


def tj_line(line, y):
    words = line.split(" ")
    arr = " ".join(
        pdf_str(w + (" " if k < len(words) - 1 else "")) + (" -12" if k % 3 == 1 else "")
        for k, w in enumerate(words)
    )
    return f"BT /F1 11 Tf 1 0 0 1 56 {y} Tm [{arr}] TJ ET"


def write_pdf(path, pages, kerned=False):
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        None,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for lines in pages:
        stream = (
            "BT /F1 11 Tf 14 TL 56 790 Td "
            + " ".join(f"{pdf_str(line)} Tj T*" if line else "T*" for line in lines)
            + " ET"
        )
        if kerned:
            stream = "\n".join(tj_line(line, 790 - 14 * k) for k, line in enumerate(lines) if line)
        objs.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {len(objs)} 0 R >>"
        )
        kids.append(len(objs))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offs = []
    for n, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{n} 0 obj\n{o}\nendobj\n".encode("latin-1")
    x = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode() + b"".join(
        f"{o:010d} 00000 n \n".encode() for o in offs
    )
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
    path.write_bytes(out)


def pdf_file(i, hazards):
    turns = interview(R.randint(4, 6), R.choice(["Interviewer", "Q"]), f"P0{R.randint(1, 9)}")
    lines = []
    for sp, _role, t in turns:
        lines += wrap(f"{sp}: {t}", 88)
        lines.append("")
    per = 14 if "multi_page" in hazards else 999
    pages = [lines[k : k + per] for k in range(0, len(lines), per)]
    n = len(pages)
    if "header_footer" in hazards:
        pages = [
            ["Recovery study 2024 CONFIDENTIAL", ""] + pg + ["", f"{k + 1}"]
            for k, pg in enumerate(pages)
        ]
    if "page_x_of_y" in hazards:
        pages = [pg + ["", f"Page {k + 1} of {n}"] for k, pg in enumerate(pages)]
    p = numbered_file("pdf", i, hazards, ".pdf")
    write_pdf(p, pages, kerned="kerned" in hazards)
    rec("pdf", p, turns, hazards=hazards, absent=["CONFIDENTIAL"])


# ---------------- Otter / Rev .docx ----------------
def docx(path, paras):
    import docx as dx

    doc = dx.Document()
    for p in paras:
        doc.add_paragraph(p)
    doc.save(path)


def tstamp(sec, style):
    m, s = divmod(sec, 60)
    h, m = divmod(m, 60)
    return f"{m}:{s:02d}" if style == "mss" and not h else f"{h:02d}:{m:02d}:{s:02d}"


def timed_paras(turns, paras):
    """The turns as ``paras(speaker, seconds, words)`` lays each out (a list of paragraphs), the
    first starting 0-9 s in, each next one 5-90 s after the one before."""
    out, sec = [], R.randint(0, 9)
    for sp, _role, t in turns:
        out += paras(sp, sec, t)
        sec += R.randint(5, 90)
    return out


def otter_docx(i, hazards):
    iv, pp = "Sam Roe", R.choice(NAMES)
    turns = interview(R.randint(3, 6), iv, pp)
    paras = []
    if "title" in hazards:
        paras += ["Interview with P04 - Recovery study", "Mon, 3/4 10:02AM \u2022 34:12"]
    if "summary" in hazards:
        paras += [
            "SUMMARY KEYWORDS",
            "staff, rota, commissioners, caf\u00e9",
            "SPEAKERS",
            f"{iv}, {pp}",
        ]
    paras += timed_paras(turns, lambda sp, sec, t: [f"{sp}  {tstamp(sec, 'mss')}", t])
    if "footer" in hazards:
        paras.append("Transcribed by https://otter.ai")
    p = numbered_file("otter_docx", i, hazards, ".docx")
    docx(p, paras)
    rec(
        "otter_docx",
        p,
        turns,
        hazards=hazards,
        interviewer_labels=[iv],
        absent=["otter.ai", "KEYWORDS"],
    )


def rev_docx(i, hazards):
    named = "names" in hazards
    iv, pp = ("Sam Roe", "Li Wei") if named else ("Speaker 1", "Speaker 2")
    turns = interview(R.randint(3, 6), iv, pp)

    def timed(sp, sec, t):
        st = tstamp(sec, "hms" if "hms" in hazards else "mss")
        st = st if ":" in st and len(st) > 5 else "00:" + st.zfill(5)
        if "sep_para" in hazards:
            return [f"{sp} ({st}):", t]
        return [f"{sp} ({st}):\n{t}" if "linebreak" in hazards else f"{sp} ({st}): {t}"]

    paras = []
    if "title" in hazards:
        paras += ["P04 interview (Completed  03/04/24)", "Transcript by Rev.com", "Page 1 of 3"]
    paras += timed_paras(turns, timed)
    p = numbered_file("rev_docx", i, hazards, ".docx")
    docx(p, paras)
    rec(
        "rev_docx",
        p,
        turns,
        hazards=hazards,
        interviewer_labels=[iv] if named else ["Speaker 1"],
        absent=["Rev.com", "Page 1 of 3"],
    )


# ---------------- Focus groups / dyads ----------------
BASE_STYLES = ["names", "pnum", "participant_n", "malefemale", "speaker_n"]
STYLES = {
    "names": lambda k: NAMES[k],
    "pnum": lambda k: f"P0{k + 1}",
    "participant_n": lambda k: f"Participant {k + 1}",
    "malefemale": lambda k: f"{'Male' if k % 2 else 'Female'} {k // 2 + 1}",
    "speaker_n": lambda k: f"Speaker {k + 2}",
    "demog": lambda k: f"P0{k + 1} ({'F' if k % 2 else 'M'}, {30 + 10 * (k % 3)}s)",
}


def focus(i, style, n_part, ext, extra=()):
    d = OUT / "focus"
    d.mkdir(parents=True, exist_ok=True)
    fac = (
        "Speaker 1"
        if style == "speaker_n"
        else ("Sam Roe" if "fac_named" in extra else "Facilitator")
    )
    ppl = [STYLES[style](k) for k in range(n_part)]
    turns = []
    for n_q, q in enumerate(R.sample(Q, 3)):
        turns.append([fac, "interviewer", ("Thanks all for coming. " if n_q == 0 else "") + q])
        for sp in R.sample(ppl, R.randint(2, min(4, n_part))):
            t = answer(R.randint(1, 2))
            if R.random() < 0.2:
                t = t.replace(". ", ". [inaudible] ", 1)
            if R.random() < 0.15:
                t += " [crosstalk]"
            turns.append([sp, "participant", t])
        if R.random() < 0.5 and style != "speaker_n":
            turns.append(
                ["Co-facilitator", "interviewer", "Can I just pick up on that \u2013 who decided?"]
            )
            turns.append([R.choice(ppl), "participant", answer(1)])
    if "all_voices" in extra:
        turns.append([fac, "interviewer", "Would you all say it worked?"])
        turns.append(["All", "collective", "Yes, mostly."])
        turns.append([ppl[0], "participant", "Mostly, yes \u2013 apart from nights."])
    if "interrupt" in extra:
        turns.append([ppl[0], "participant", "I think the thing is\u2014"])
        turns.append([ppl[1], "participant", "\u2014sorry, can I just say, it was the rota."])
        turns.append([ppl[0], "participant", "No, go on, you\u2019re right."])
    if style != "speaker_n" and "fac_named" not in extra:
        turns.append(
            [
                "Note-taker",
                "interviewer",
                "Sorry, just to say we\u2019ve got about ten minutes left.",
            ]
        )
    turns.append([fac, "interviewer", "Anything else before we finish?"])
    turns.append(
        [ppl[-1], "participant", "Only that it was good to hear everyone else\u2019s experience."]
    )
    p = d / f"focus_{i:03d}_{style}_{n_part}{''.join('_' + x for x in extra)}.{ext}"
    if ext == "txt":
        p.write_text("\n\n".join(f"{sp}: {t}" for sp, _, t in turns) + "\n", encoding="utf-8")
    else:
        docx(p, [f"{sp}: {t}" for sp, _, t in turns])
    # a collective reply ("All: Yes, mostly.") is no one's turn (docs/transcripts.md)
    rec(
        "focus",
        p,
        [t for t in turns if t[0] != "All"],
        hazards=[style, ext, *extra],
        interviewer_labels=["Speaker 1"] if style == "speaker_n" else [],
    )


# ---------------- Tiny files ----------------
def tiny():
    d = OUT / "tiny"
    d.mkdir(parents=True, exist_ok=True)
    cases = {
        "one_qa_labels": (
            [
                ["Interviewer", "interviewer", "What helped most?"],
                ["P02", "participant", "Having Ren\u00e9e on nights, honestly."],
            ],
            [],
        ),
        "one_qa_names": (
            [
                ["Sam Roe", "interviewer", "What helped most?"],
                ["Li Wei", "participant", "Having Ren\u00e9e on nights, honestly."],
            ],
            [],
        ),
        "only_participant": (
            [
                [
                    "P03",
                    "participant",
                    "We\u2019re a small team, eleven support workers and me. The rota is always the thing.",
                ]
            ],
            [],
        ),
        "only_participant_name": (
            [
                [
                    "Li Wei",
                    "participant",
                    "We\u2019re a small team, eleven support workers and me. The rota is always the thing.",
                ]
            ],
            [],
        ),
        "two_qa_names": (
            [
                ["Sam Roe", "interviewer", "What helped most?"],
                ["Li Wei", "participant", "Having Ren\u00e9e on nights."],
                ["Sam Roe", "interviewer", "And what got in the way?"],
                ["Li Wei", "participant", "Money follows the bed, not the person."],
            ],
            [],
        ),
        "three_qa_names": (
            [
                x
                for q, a in zip(Q[:3], A[:3])
                for x in (["Sam Roe", "interviewer", q], ["Li Wei", "participant", a])
            ],
            [],
        ),
        "three_qa_speakers": (
            [
                x
                for q, a in zip(Q[:3], A[:3])
                for x in (["Speaker 1", "interviewer", q], ["Speaker 2", "participant", a])
            ],
            [],
        ),
        "participant_asks_back": (
            [
                ["Sam Roe", "interviewer", "What helped most?"],
                ["Li Wei", "participant", "Do you mean this year? Having Ren\u00e9e on nights."],
                ["Sam Roe", "interviewer", "Yes, this year. Anything else?"],
                ["Li Wei", "participant", "No, that\u2019s it really."],
            ],
            [],
        ),
    }
    for name, (turns, _) in cases.items():
        p = d / f"tiny_{name}.txt"
        p.write_text("\n\n".join(f"{sp}: {t}" for sp, _, t in turns) + "\n", encoding="utf-8")
        rec("tiny", p, turns, hazards=[name])
        p2 = d / f"tiny_{name}.vtt"
        p2.write_text(
            "WEBVTT\n\n"
            + "\n".join(
                f"{k + 1}\n00:00:{k * 5:02d}.000 --> 00:00:{k * 5 + 4:02d}.000\n<v {sp}>{t}</v>\n"
                for k, (sp, _, t) in enumerate(turns)
            ),
            encoding="utf-8",
        )
        rec("tiny", p2, turns, hazards=[name + "_vtt"])


# ---------------- Word .docx extras: tracked changes, comment, text box, page breaks ----------------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
WORD_TURNS = [
    ["Interviewer", "interviewer", "How did the team first react?"],
    [
        "P04",
        "participant",
        "The staff were wary at first \u2013 they\u2019d seen lots of initiatives come and go.",
    ],
    ["Interviewer", "interviewer", "And the commissioners?"],
    [
        "P04",
        "participant",
        "Ren\u00e9e said \u201cwe can\u2019t keep doing this\u201d and she was right.",
    ],
    ["Interviewer", "interviewer", "Who decided in the end?"],
    ["P04", "participant", "Zo\u00eb in the night team pushed for it."],
]


def make(name, hook):
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Recovery study 2024 CONFIDENTIAL"
    d.sections[0].footer.paragraphs[0].text = "Page 1"
    turns = WORD_TURNS
    ps = [d.add_paragraph(f"{sp}: {t}") for sp, _, t in turns]
    hook(d, ps)
    D = OUT / "word_extras"
    D.mkdir(parents=True, exist_ok=True)
    p = D / f"word_{name}.docx"
    d.save(p)
    rec(
        "word_extras",
        p,
        [list(t) for t in turns],
        hazards=[name],
        absent=["DELETEDWORDS", "COMMENTWORDS", "BOXWORDS", "CONFIDENTIAL"],
    )


def run_then(p, words, xml):
    """Paragraph ``p`` as its run of ``words`` followed by the raw WordprocessingML ``xml``."""
    p.runs[0].text = words
    p._p.append(parse_xml(xml))


def w_tracked(d, ps):
    ps[1]._p.append(
        parse_xml(
            f'<w:del {W} w:id="1" w:author="Sam" w:date="2024-01-01T00:00:00Z"><w:r><w:delText> DELETEDWORDS gone</w:delText></w:r></w:del>'
        )
    )
    ps[3]._p.insert(
        1,
        parse_xml(
            f'<w:del {W} w:id="2" w:author="Sam"><w:r><w:delText>DELETEDWORDS </w:delText></w:r></w:del>'
        ),
    )


def w_inserted(d, ps):
    # the last words of the answer were typed as a tracked insertion: they must be kept
    run_then(
        ps[5],
        "P04: Zo\u00eb in the night ",
        f'<w:ins {W} w:id="3" w:author="Sam"><w:r><w:t>team pushed for it.</w:t></w:r></w:ins>',
    )


def w_comment(d, ps):
    with contextlib.suppress(AttributeError):
        d.add_comment(ps[3].runs, text="COMMENTWORDS check this", author="Sam")


def w_textbox(d, ps):
    ps[3]._p.append(
        parse_xml(
            f'<w:r {W} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>BOXWORDS study ID R-24</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
        )
    )


def w_page_break(d, ps):
    ps[3]._p.insert(1, parse_xml(f'<w:r {W}><w:br w:type="page"/></w:r>'))


def w_page_break_mid(d, ps):
    # the page break falls inside the answer (Word moves the rest to the next page)
    run_then(
        ps[1],
        "P04: The staff were wary at first ",
        f'<w:r {W}><w:br w:type="page"/><w:t xml:space="preserve">\u2013 they\u2019d seen lots of initiatives come and go.</w:t></w:r>',
    )


def each_hazard(write, hazards):
    """Write with ``write(i, hazards)`` a file with no hazard, one with each of ``hazards`` alone,
    then four with three of them drawn at random, each drawn just before its file is written."""
    drawn = (R.sample(hazards, 3) for _ in range(4))
    for i, h in enumerate(itertools.chain([[]], ([x] for x in hazards), drawn)):
        write(i, h)


def twice_each(write, hazard_sets):
    """Write with ``write(i, hazards)`` two files of each of ``hazard_sets`` in turn."""
    for i, h in enumerate(h for h in hazard_sets for _ in range(2)):
        write(i, h)


def generate(out: Path, seed: int = 13) -> int:
    """Write the battery into ``out`` (emptied first) and return the number of files."""
    global R, OUT
    R, OUT = random.Random(seed), out
    truth.clear()
    clear_out(out)
    OH = [
        "tracked",
        "comment",
        "textbox",
        "bullets",
        "table",
        "page_break",
        "linebreak",
        "tabs_spaces",
    ]
    RH = [
        "header_footer",
        "comment",
        "tracked",
        "bullets",
        "table",
        "page_break",
        "bold_label",
        "line_break",
        "textbox",
    ]
    each_hazard(odt_file, OH)
    each_hazard(rtf_file, RH)
    twice_each(
        pdf_file,
        [
            [],
            ["multi_page"],
            ["header_footer"],
            ["page_x_of_y"],
            ["multi_page", "header_footer"],
            ["multi_page", "page_x_of_y"],
            ["multi_page", "header_footer", "page_x_of_y"],
            ["kerned"],
            ["kerned", "multi_page", "header_footer"],
        ],
    )
    twice_each(otter_docx, [[], ["title"], ["summary"], ["footer"], ["title", "summary", "footer"]])
    twice_each(
        rev_docx,
        [[], ["names"], ["hms"], ["sep_para"], ["linebreak"], ["title"], ["names", "hms", "title"]],
    )
    n = 0
    for st in BASE_STYLES:
        for np_ in (3, 5, 8):
            for ext in ("txt", "docx"):
                focus(n, st, np_, ext)
                n += 1
    for st, ex in [
        ("names", ("fac_named",)),
        ("names", ("all_voices",)),
        ("pnum", ("all_voices",)),
        ("names", ("interrupt",)),
        ("demog", ()),
        ("names", ("fac_named", "interrupt")),
    ]:
        for ext in ("txt", "docx"):
            focus(n, st, R.choice([2, 4, 6]), ext, ex)
            n += 1
    tiny()
    for n, h in [
        ("tracked", w_tracked),
        ("inserted", w_inserted),
        ("comment", w_comment),
        ("textbox", w_textbox),
        ("page_break", w_page_break),
        ("page_break_mid", w_page_break_mid),
    ]:
        make(n, h)
    return write_truth(out, truth)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write (emptied first)")
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    print(f"{generate(a.out, a.seed)} files in {a.out}")


if __name__ == "__main__":
    main()
