"""Hypothesis strategies for hostile inputs of every reader (shared by the fuzz tests).

Random bytes, Unicode that breaks naive readers (combining marks, bidi controls, emoji
sequences, NUL, line separators, lone surrogates), inputs shaped like each format with hostile
values (huge and malformed numbers, broken tags and entities), truncated and bit-flipped files,
and whole files of another format.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from hostile_files import (
    CODE_GUID,
    SOURCE_GUID,
    USER_GUID,
    attr,
    codebook_xml,
    document_xml,
    docx_bytes,
    docx_paragraph,
    docx_table,
    odt_bytes,
    odt_content_xml,
    project_xml,
    qdpx_bytes,
    text_pdf,
    zip_bytes,
)

ROLES = ("interviewer", "participant")

#: Pieces that break naive readers: marks, bidi controls, emoji sequences, NUL, line separators,
#: lone surrogates, BOMs, format syntax out of place, huge and malformed numbers.
HOSTILE_PIECES = [
    "\u0301", "e\u0301\u0308", "\u200f", "\u202e", "\u2066", "\u200d", "\u00a0", "\u3000",
    "\U0001f600", "\U0001f469\u200d\U0001f4bb", "\U0001f44d\U0001f3fd", "\x00", "\ufeff",
    "\ufffe", "\uffff", "\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c",
    "\t", " ", ":", "P04:", "Interviewer:", "I:", "**P01**:", "Dr. Jane Smith:", "[00:01:02] ",
    "(01:02)", "-->", "00:00:01.000 --> 00:00:02.000", "WEBVTT", "NOTE", "<v Jane>", "</v>",
    "<", ">", "&amp;", "&#0;", "&#x110000;", "&", ",", ";", '"', "'", "\ud800", "\udfff",
    "\ud83d", "مرحبا", "שלום", "漢字", "ﷺ", "9" * 5000, "-1", "1e400", "NaN", "...", "e.g.",
]  # fmt: skip

hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=12)), max_size=40
).map("".join)

words = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
        max_size=60,
    ),
    st.lists(st.sampled_from(HOSTILE_PIECES), max_size=6).map("".join),
    st.sampled_from(["We lacked staff.", "The manager backed it; funding was short.", ""]),
)
labels = st.sampled_from(
    [
        "P01",
        "P04",
        "Interviewer",
        "I",
        "Q",
        "Jane Smith",
        "Speaker 1",
        "**P02**",
        "Dr. Lee",
        "x" * 45,
        "",
    ]
)
numbers = st.one_of(
    st.integers(-5, 120).map(str), st.sampled_from(["9" * 30, "9" * 5000, "1e400", "x", ""])
)


def clock(h: str, m: str, s: str, ms: str, sep: str) -> str:
    return f"{h}:{m}:{s}{sep}{ms}" if h else f"{m}:{s}{sep}{ms}"


times = st.builds(
    clock,
    st.sampled_from(["", "00", "01", "99", "9" * 5000]),
    st.sampled_from(["00", "59", "7", "99"]),
    st.sampled_from(["00", "05", "61", "9"]),
    st.sampled_from(["000", "5", "12345", ""]),
    st.sampled_from([".", ",", ""]),
)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"]


def encode(text: str, encoding: str) -> bytes:
    if encoding.startswith("utf"):
        data = text.encode(encoding, "surrogatepass")  # lone surrogates become invalid bytes
        return (b"\xfe\xff" + data) if encoding == "utf-16-be" else data
    return text.encode(encoding, "replace")


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.builds(encode, text, st.sampled_from(ENCODINGS))


@st.composite
def truncated(draw: st.DrawFn, data: st.SearchStrategy[bytes]) -> bytes:
    raw = draw(data)
    return raw[: draw(st.integers(0, len(raw)))]


@st.composite
def mutated(draw: st.DrawFn, data: st.SearchStrategy[bytes]) -> bytes:
    """``data`` with a few bytes overwritten, inserted or deleted."""
    raw = bytearray(draw(data))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(raw)))
        op = draw(st.sampled_from(["set", "insert", "delete"]))
        b = draw(st.integers(0, 255))
        if op == "set" and i < len(raw):
            raw[i] = b
        elif op == "insert":
            raw[i:i] = bytes([b])
        elif i < len(raw):
            del raw[i]
    return bytes(raw)


def text_lines(line: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda lines, nl: nl.join(lines),
        st.lists(line, max_size=25),
        st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
    )


txt_line = st.one_of(
    st.builds(lambda lab, w: f"{lab}: {w}", labels, words),
    st.builds(lambda t, lab, w: f"[{t}] {lab}: {w}", times, labels, words),
    st.builds(lambda t, lab, w: f"{t} From {lab} : {w}", times, labels, words),  # Zoom chat
    st.builds(lambda t, lab: f"{t} From {lab} to Everyone:", times, labels),
    words,
    times,
    st.just(""),
    st.sampled_from(["# Heading", "---", "**Interviewer:** So?", "__P03__: yes"]),
)
txt_shaped = text_lines(txt_line)

#: A web page of talk: each line a paragraph, a bold label, a table or stray markup.
html_shaped = st.builds(
    lambda lines, wrap: "<html><head><title>t</title></head><body>"
    + "".join(wrap.format(line) for line in lines)
    + "</body></html>",
    st.lists(st.one_of(txt_line, st.sampled_from(HOSTILE_PIECES)), max_size=20),
    st.sampled_from(
        ["<p>{}</p>", "<p><b>{}</b></p>", "{}<br>", "<div>{}", "<tr><td>{}</td><td>x</td></tr>",
         "<script>{}</script>", "<p>{}", "<!-- {} -->", "<h2>{}</h2>", "&{};"]
    ),
)  # fmt: skip


def cue(ident: str, begin: str, end: str, text: str) -> str:
    return f"{ident}\n{begin} --> {end}\n{text}".lstrip("\n")


cue_text = st.one_of(
    words,
    st.builds(lambda lab, w: f"{lab}: {w}", labels, words),
    st.builds(lambda lab, w: f"<v {lab}>{w}</v>", labels, words),
    st.builds(lambda w: f"<v.loud\tX>{w}", words),
    st.sampled_from(
        ["<i>Right</i>, thanks.", "<c.yellow>", "&amp; &lt;&#x110000;&#0;", "{\\an8}ok"]
    ),
)
cues = st.lists(
    st.builds(cue, st.one_of(numbers, st.just("")), times, times, cue_text), max_size=12
)
vtt_shaped = st.builds(
    lambda header, cs, sep: header + sep + sep.join(cs),
    st.sampled_from(["WEBVTT", "WEBVTT - Zoom", "\ufeffWEBVTT", "NOTE x", ""]),
    cues,
    st.sampled_from(["\n\n", "\n", "\r\n\r\n"]),
)
srt_shaped = st.builds(
    lambda cs, sep: sep.join(cs), cues, st.sampled_from(["\n\n", "\n", "\r\n\r\n"])
)
#: YouTube's captions (.sbv): ``begin,end`` timing lines, no numbers.
sbv_shaped = st.builds(
    lambda cs, sep: sep.join(cs),
    st.lists(st.builds(lambda b, e, w: f"{b},{e}\n{w}", times, times, cue_text), max_size=12),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n"]),
)


def rtf_escaped(text: str) -> str:
    """``text`` as RTF body text: control characters escaped, lines as paragraphs, other
    characters as ``\\uN?`` (a surrogate pair beyond the Basic Multilingual Plane)."""
    out = []
    for c in text:
        n = ord(c)
        if c in "\\{}":
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\par\n")
        elif n > 0xFFFF:
            high, low = 0xD800 + ((n - 0x10000) >> 10), 0xDC00 + ((n - 0x10000) & 0x3FF)
            out.append(f"\\u{high - 65536}?\\u{low - 65536}?")
        elif n > 127:
            out.append(f"\\u{n if n < 32768 else n - 65536}?")
        else:
            out.append(c)
    return "".join(out)


rtf_shaped = st.builds(
    lambda header, body: (header + "\\pard " + rtf_escaped(body) + "}").encode("ascii"),
    st.sampled_from(
        [
            "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Calibri;}}",
            "{\\rtf1\\ansi",
            "{\\rtf1\\ansi\\ansicpg1251\\uc1",
            "{\\rtf1\\ansi\\ansicpg99999",
        ]
    ),
    txt_shaped,
)


pdf_shaped = st.builds(text_pdf, st.lists(st.lists(txt_line, max_size=12), min_size=1, max_size=4))


def _delimited(
    draw: st.DrawFn, names: list[str], cell: st.SearchStrategy[str], max_rows: int
) -> str:
    """A header of some of ``names`` and rows of ``cell``s, joined by a comma, semicolon or tab."""
    columns = draw(st.lists(st.sampled_from(names), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    rows = draw(st.lists(st.lists(cell, max_size=len(columns) + 2), max_size=max_rows))
    return "\n".join(delimiter.join(r) for r in [columns, *rows])


@st.composite
def csv_shaped(draw: st.DrawFn) -> str:
    names = [
        "speaker", "Speaker", "text", "TEXT", "start", "end", "notes", "", "Content",
        "Timespan", "Speaker Name", "Start Time",
    ]  # fmt: skip
    cell = st.one_of(words, labels, times, numbers, st.sampled_from(['"quoted, cell"', '"open']))
    return _delimited(draw, names, cell, 15)


@st.composite
def records_csv(draw: st.DrawFn) -> str:
    """A spreadsheet of labelled records (roqa_nlp.record_files) as CSV, hostile cells included."""
    names = ["text", "Text", "construct", "CODES", "valence", "id", "note", ""]
    codes = st.sampled_from(["Culture", "Cost; Culture", "IS.E.2", "NONE", "none", ";", "Budget"])
    valences = st.sampled_from(["barrier", "Enabler", "neutral", "mixed", ""])
    cell = st.one_of(words, labels, numbers, codes, valences, st.sampled_from(['"a, b"', '"open']))
    return _delimited(draw, names, cell, 12)


@st.composite
def docx_shaped(draw: st.DrawFn) -> bytes:
    blocks = draw(
        st.lists(
            st.one_of(
                st.builds(docx_paragraph, words, st.one_of(st.none(), labels), st.booleans()),
                st.builds(lambda lab, w: docx_paragraph(f"{lab}: {w}"), labels, words),
                st.builds(  # a Zoom chat message pasted in
                    lambda t, lab, w: docx_paragraph(f"{t} From {lab} : {w}"), times, labels, words
                ),
                st.builds(
                    docx_table, st.lists(st.lists(words, min_size=1, max_size=3), max_size=4)
                ),
            ),
            max_size=15,
        )
    )
    prolog = draw(st.sampled_from(["", "", '<!DOCTYPE r [<!ENTITY a "lol">]>']))
    return docx_bytes(document_xml("".join(blocks), prolog))


def _odt_paragraph(words: str, label: str | None, bold: bool, markup: str) -> str:
    """An ODF paragraph: an optional label (in a bold span or typed), words and a piece of
    markup (spaces, a tab, a note, a tracked change, a frame) between them."""
    head = ""
    if label is not None:
        head = f'<text:span text:style-name="B">{escape(label)}</text:span>' if bold else label
    return f"<text:p>{head}{markup} {escape(words)}</text:p>"


_ODT_MARKUP = [
    "",
    '<text:s text:c="3"/>',
    '<text:s text:c="99999999999"/>',
    '<text:s text:c="x"/>',
    "<text:tab/>",
    "<text:line-break/>",
    "<text:note><text:note-body><text:p>note</text:p></text:note-body></text:note>",
    '<text:change text:change-id="c1"/>',
    "<draw:frame><draw:text-box><text:p>box</text:p></draw:text-box></draw:frame>",
    '<text:span text:style-name="missing">x</text:span>',
    '<text:span text:style-name="B"><text:span text:style-name="N">y</text:span></text:span>',
]
_ODT_STYLES = (
    '<style:style style:name="B" style:family="text" style:parent-style-name="B">'
    '<style:text-properties fo:font-weight="bold"/></style:style>'
    '<style:style style:name="N" style:family="text">'
    '<style:text-properties fo:font-weight="nine"/></style:style>'
)


def _odt_table(rows: list[list[str]]) -> str:
    cells = (
        "<table:table-row>"
        + "".join(f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in r)
        + "</table:table-row>"
        for r in rows
    )
    return f"<table:table>{''.join(cells)}</table:table>"


@st.composite
def odt_shaped(draw: st.DrawFn) -> bytes:
    blocks = draw(
        st.lists(
            st.one_of(
                st.builds(
                    _odt_paragraph,
                    words,
                    st.one_of(st.none(), labels),
                    st.booleans(),
                    st.sampled_from(_ODT_MARKUP),
                ),
                st.builds(
                    _odt_table, st.lists(st.lists(words, min_size=1, max_size=3), max_size=4)
                ),
                st.builds(
                    lambda p: f"<text:list><text:list-item>{p}</text:list-item></text:list>",
                    st.builds(_odt_paragraph, words, labels, st.just(False), st.just("")),
                ),
            ),
            max_size=15,
        )
    )
    body = "".join(blocks)
    if draw(st.booleans()):
        return odt_content_xml(body, _ODT_STYLES, root="document")  # a flat .fodt
    return odt_bytes(body, _ODT_STYLES)


guids = st.sampled_from(
    [
        CODE_GUID,
        CODE_GUID.upper(),
        "{" + CODE_GUID + "}",
        "00000000-0000-4000-8000-000000000002",
        "",
        "x",
    ]
)


@st.composite
def code_tree(draw: st.DrawFn, depth: int = 0) -> str:
    n = draw(st.integers(0, 3 if depth < 3 else 0))
    out = []
    for _ in range(n):
        inner = draw(code_tree(depth + 1)) if depth < 3 else ""
        codable = draw(st.sampled_from(["true", "false", "1", "", "maybe"]))
        out.append(
            f"<Code guid={attr(draw(guids))} name={attr(draw(words))} isCodable={attr(codable)}>"
            f"<Description>{escape(draw(words))}</Description>{inner}</Code>"
        )
    return "".join(out)


@st.composite
def qdpx_shaped(draw: st.DrawFn) -> bytes:
    text = draw(st.one_of(txt_shaped, hostile_text))
    selections = "".join(
        f'<PlainTextSelection guid="{i}" name={attr(draw(words))} startPosition={attr(draw(numbers))} '
        f"endPosition={attr(draw(numbers))}><Description>{escape(draw(words))}</Description>"
        f'<Coding guid="c{i}" creatingUser={attr(draw(st.sampled_from([USER_GUID, "", "zz"])))}>'
        f"<CodeRef targetGUID={attr(draw(guids))}/></Coding></PlainTextSelection>"
        for i in range(draw(st.integers(0, 6)))
    )
    how = draw(st.sampled_from(["inline", "plain-path", "rich-docx", "missing"]))
    members: dict[str, bytes] = {}
    name = attr(draw(st.one_of(labels, words)))
    if how == "inline":
        source = (
            f"<TextSource guid={attr(SOURCE_GUID)} name={name}>"
            f"<PlainTextContent>{escape(text)}</PlainTextContent>{selections}</TextSource>"
        )
    elif how == "plain-path":
        members["sources/a.txt"] = draw(encoded(st.just(text)))
        source = (
            f'<TextSource guid="{SOURCE_GUID}" name={name} '
            f'plainTextPath="internal://a.txt">{selections}</TextSource>'
        )
    elif how == "rich-docx":
        members["sources/a.docx"] = docx_bytes(docx_paragraph(text))
        source = (
            f'<TextSource guid="{SOURCE_GUID}" name={name} '
            f'richTextPath="internal://a.docx">{selections}</TextSource>'
        )
    else:
        source = (
            f'<TextSource guid="{SOURCE_GUID}" name={name} plainTextPath="relative://../x.txt"/>'
        )
    users = (
        f'<User guid="{USER_GUID}" name={attr(draw(labels))}/><User guid="{USER_GUID}" name="Bob"/>'
    )
    qde = project_xml(
        source + draw(st.sampled_from(["", "<PDFSource/>"])), draw(code_tree()), users
    )
    return qdpx_bytes(qde, members)


codings_record = st.fixed_dictionaries(
    {},
    optional={
        "transcript": st.one_of(labels, st.integers(), st.none()),
        "segment_id": st.one_of(words, st.integers()),
        "start": st.one_of(st.integers(-10, 10**30), st.floats(), numbers, st.none()),
        "end": st.one_of(st.integers(-10, 10**30), st.floats(), numbers, st.none()),
        "text": st.one_of(words, st.integers(), st.lists(st.integers())),
        "speaker": st.one_of(labels, st.none(), st.integers()),
        "role": st.one_of(st.sampled_from(ROLES), words, st.integers()),
        "turn_index": st.one_of(st.integers(), st.floats(), words),
        "begin_time": st.one_of(st.floats(), words, st.none()),
        "suggestions": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "code_id": st.one_of(
                            st.sampled_from(["IS.E.2", "IC.H", "XX"]), st.integers()
                        ),
                        "probability": st.one_of(st.floats(), numbers, st.none()),
                        "valence": st.one_of(
                            st.sampled_from(["barrier", "enabler", "odd"]), st.integers()
                        ),
                        "valence_probability": st.one_of(st.floats(), words, st.none()),
                        "evidence": st.one_of(st.lists(words), st.integers(), words, st.none()),
                    },
                ),
                max_size=3,
            ),
            words,
            st.integers(),
            st.none(),
        ),
        "novel": st.one_of(st.booleans(), st.none(), words),
        "novelty_p": st.one_of(st.floats(), st.none(), words),
        "procedural": st.one_of(st.booleans(), words),
    },
)


def jsonl(records: list[Any]) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


def json_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        st.one_of(st.none(), st.booleans(), st.floats(), st.integers(), words),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(words, inner, max_size=3)
        ),
        max_leaves=8,
    )


#: A Whisper segment: its text (a label opening it), times in seconds or whole milliseconds,
#: a diarised speaker; any key may be missing or of another type.
whisper_segment = st.dictionaries(
    st.sampled_from(["text", "start", "end", "speaker", "offsets", "words", "id"]),
    st.one_of(
        words,
        labels,
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(-10, 10**12),
        st.fixed_dictionaries({"from": st.integers(-5, 10**9), "to": st.integers(-5, 10**9)}),
        json_values(),
    ),
    max_size=5,
)
whisper_json = st.one_of(
    st.lists(whisper_segment, max_size=12).map(lambda s: json.dumps({"segments": s})),
    st.lists(whisper_segment, max_size=12).map(lambda s: json.dumps({"transcription": s})),
    json_values().map(json.dumps),
    text_lines(st.one_of(words, st.sampled_from(["{", '{"segments": [', "]}", "NaN", "1e400"]))),
)

codings_jsonl = st.one_of(
    st.lists(codings_record, max_size=6).map(jsonl),
    st.lists(st.one_of(codings_record, json_values()), max_size=6).map(jsonl),
    text_lines(st.one_of(words, st.sampled_from(["{", "[]", "null", '{"a":1}', "1e400", "NaN"]))),
)

transcript_record = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(labels, st.integers(), st.none()),
        "text": st.one_of(words, st.integers()),
        "turns": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {"speaker": labels, "role": st.sampled_from(ROLES)},
                    optional={
                        "start": st.one_of(st.integers(-3, 80), words),
                        "end": st.one_of(st.integers(-3, 80), words),
                        "extra": st.integers(),
                    },
                ),
                max_size=3,
            ),
            words,
            st.none(),
        ),
        "participant": st.one_of(labels, st.none(), st.integers()),
        "metadata": json_values(),
    },
)

decision_row = st.fixed_dictionaries(
    {},
    optional={
        "segment_id": st.one_of(words, st.integers(), st.none()),
        "decision": st.one_of(
            st.sampled_from(
                ["accept", "reject", "recode", "new-code", "new_code", "NewCode", "keep"]
            ),
            words,
        ),
        "code_id": st.one_of(st.sampled_from(["IS.E.2", "Available Resources", "XX", ""]), words),
        "new_code": words,
        "note": st.one_of(words, st.lists(words)),
        "text": words,
    },
)


@st.composite
def decisions_csv(draw: st.DrawFn) -> str:
    rows = draw(st.lists(decision_row, max_size=8))
    columns = draw(
        st.one_of(
            st.just(["segment_id", "decision", "code_id", "new_code", "note"]),
            st.lists(
                st.sampled_from(["segment_id", "decision", "code_id", "new_code", "text", "x"]),
                max_size=6,
            ),
        )
    )
    lines = [",".join(columns)]
    for r in rows:
        lines.append(",".join(str(r.get(c, "")).replace("\n", " ") for c in columns))
    return "\n".join(lines)


FOREIGN_CACHE: dict[str, list[bytes]] = {}


def foreign_files() -> list[bytes]:
    """Whole files of every other kind, put under the extension being fuzzed."""
    if "all" not in FOREIGN_CACHE:
        data = Path(__file__).parent / "data" / "transcripts"
        files = [p.read_bytes() for p in sorted(data.glob("*")) if p.is_file()]
        files += [
            b"",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            "P01: only UTF-16".encode("utf-16"),
            b"\x89PNG\r\n\x1a\n" + bytes(40),
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
            b"\x1f\x8b\x08\x00" + bytes(20),
            docx_bytes(docx_paragraph("We lacked staff.", "P01:", True)),
            qdpx_bytes(project_xml()),
            zip_bytes({"a.txt": b"P01: hi"}),
            codebook_xml(f'<Code guid="{CODE_GUID}" name="A" isCodable="true"/>'),
            b'{"transcript": "p1", "segment_id": "p1:0001", "start": 0, "end": 2, "text": "hi"}\n',
            b"segment_id,decision,code_id\np1:0001,accept,IS.E.2\n",
            b"<?xml version='1.0'?><w:document/>",
        ]
        FOREIGN_CACHE["all"] = files
    return FOREIGN_CACHE["all"]


def file_bytes(shaped: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Inputs for one reader: random, Unicode-hostile, format-shaped, damaged and foreign files."""
    return st.one_of(
        st.binary(max_size=2048),
        encoded(hostile_text),
        shaped,
        shaped,
        truncated(shaped),
        mutated(shaped),
        st.sampled_from(foreign_files()),
    )


def text_file(shape: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return file_bytes(encoded(shape))
