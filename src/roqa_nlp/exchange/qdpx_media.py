"""The text of a REFI-QDA recording or PDF, read as a text source with its coded passages.

An interview coded in NVivo, ATLAS.ti or MAXQDA on the transcript attached to its Zoom
recording comes as an ``<AudioSource>`` or ``<VideoSource>`` holding a ``<Transcript>``: its
text (``plainTextPath`` or ``<PlainTextContent>``, as a ``<TextSource>``'s), ``<SyncPoint>``\\ s
tying a character ``position`` in that text to a ``timeStamp`` in the recording, and
``<TranscriptSelection>``\\ s from one sync point (``fromSyncPoint``) to another
(``toSyncPoint``) holding the codings. A ``<PDFSource>`` may hold its text as a
``<Representation>``, a text source with its own ``<PlainTextSelection>``\\ s.

:func:`text_sources` gives each such text as a ``<TextSource>`` element (its transcript
selections as plain-text selections at their sync points' positions, with the sync points'
times in seconds, :func:`selection_times`), so it is imported exactly as a text source is: the
same text reading, speaker turns, line-end mapping and codings. REFI-QDA gives media times as
integer milliseconds (the XSD says only ``xsd:integer``). What has no place in a text is left
out, with one line per source saying what and why: a recording's own codings (time ranges,
``<AudioSelection>``/``<VideoSelection>``, and codings of the whole recording) and a PDF's
(regions of its pages, ``<PDFSelection>``, and codings of the whole PDF). A recording or PDF
with no text is given back as it is, and left out as before.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator

from .refiqda import child, children, local_name, normalise_guid
from .safezip import MEDIA_SUFFIXES

# Attributes of the made-up selections: the times of their sync points, in seconds. Namespaced so
# that they clash with no REFI-QDA attribute.
_BEGIN = "{urn:roqa_nlp:media}begin_time"
_END = "{urn:roqa_nlp:media}end_time"

_RECORDINGS = {
    "AudioSource": ("audio source", "AudioSelection"),
    "VideoSource": ("video source", "VideoSelection"),
}
# a text source's children, in the order the XSD gives them
_TEXT_PARTS = ("Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _has_text(el: ET.Element) -> bool:
    """Whether a transcript or representation refers to a text (which may still be missing)."""
    inline = child(el, "PlainTextContent")
    if inline is not None and (inline.text or "").strip():
        return True
    return bool((el.get("plainTextPath") or "").strip() or (el.get("richTextPath") or "").strip())


def _codings_in(elements: Iterable[ET.Element]) -> int:
    return sum(len(children(e, "Coding")) for e in elements)


def _renamed(tag: str, name: str) -> str:
    """``name`` in the namespace of ``tag`` (none when it has none)."""
    namespace, brace, _ = tag.rpartition("}")
    return f"{namespace}}}{name}" if brace else name


def _stem(name: str) -> str:
    """A recording's or PDF's name without its media extension (``p01_zoom.m4a``: ``p01_zoom``),
    the transcript's id."""
    stem, dot, ext = name.rpartition(".")
    return stem if dot and stem and ext.lower() in MEDIA_SUFFIXES else name


#: the attribute that marks a text source read from a recording or a PDF with what it came from
#: (``recording 'p01.m4a'``); never written to a file
FROM_MEDIA = "{urn:roqa-nlp}from"


def _text_source(
    text: ET.Element,
    name: str,
    selections: list[ET.Element],
    outer: ET.Element | None,
    origin: str,
) -> ET.Element:
    """``text`` (a transcript or representation) as a ``<TextSource>`` named ``name`` holding
    ``selections``; ``outer``'s description and variable values, when given, go with it (they
    are counted with what is not imported, as a text source's are); it is marked
    :data:`FROM_MEDIA` with ``origin``."""
    attrs = {k: v for k, v in text.attrib.items() if k != "name"}
    if name:
        attrs["name"] = name
    attrs[FROM_MEDIA] = origin
    src = ET.Element(_renamed(text.tag, "TextSource"), attrs)
    for part in _TEXT_PARTS:
        if part == "PlainTextSelection":
            src.extend(selections)
            continue
        found = children(text, part)
        if part == "Description" and not found and outer is not None:
            found = children(outer, part)
        src.extend(found)
    for owner in (text, outer):
        if owner is not None:
            src.extend(children(owner, "VariableValue"))
    return src


def _placed(
    sel: ET.Element,
    sync: dict[str, ET.Element],
    where: str,
    warn: Callable[[str], None],
) -> ET.Element | None:
    """A transcript selection as a plain-text selection from its first sync point's position to
    its second's, with their times; None (and a line naming it) when it cannot be placed."""
    ends: list[tuple[int, float | None]] = []
    lost = _plural(len(children(sel, "Coding")), "coding")
    for attr in ("fromSyncPoint", "toSyncPoint"):
        ref = sel.get(attr)
        point = sync.get(normalise_guid(ref))
        if not ref:
            warn(f"{where}: it has no {attr}; {lost} not imported")
            return None
        if point is None:
            warn(f"{where}: its sync point {ref!r} is not among the transcript's sync points; "
                 f"{lost} not imported")  # fmt: skip
            return None
        try:
            position = int(point.get("position") or "")
        except ValueError:
            warn(f"{where}: its sync point {ref!r} gives no position in the transcript; "
                 f"{lost} not imported")  # fmt: skip
            return None
        try:
            seconds: float | None = int(point.get("timeStamp") or "") / 1000
        except (ValueError, OverflowError):
            seconds = None
        ends.append((position, seconds if seconds is not None and seconds >= 0 else None))
    attrs = {k: v for k, v in sel.attrib.items() if k not in ("fromSyncPoint", "toSyncPoint")}
    attrs["startPosition"], attrs["endPosition"] = str(ends[0][0]), str(ends[1][0])
    for key, (_, seconds) in zip((_BEGIN, _END), ends):
        if seconds is not None:
            attrs[key] = repr(seconds)
    placed = ET.Element(_renamed(sel.tag, "PlainTextSelection"), attrs)
    placed.extend(list(sel))  # its description, codings and notes
    return placed


def selection_times(sel: ET.Element) -> tuple[float | None, float | None]:
    """The times (seconds into the recording) of a selection made from a transcript selection,
    as its sync points give them; (None, None) for any other selection."""

    def seconds(key: str) -> float | None:
        try:
            value = float(sel.get(key) or "")
        except ValueError:  # none, or a project's own attribute of that name
            return None
        return value if math.isfinite(value) and value >= 0 else None

    return seconds(_BEGIN), seconds(_END)


def _recording(
    src: ET.Element,
    noun: str,
    own_selection: str,
    cases_of: dict[str, list[str]],
    warn: Callable[[str], None],
) -> list[ET.Element]:
    label = f"{noun} {src.get('name') or src.get('path') or src.get('guid')!r}"
    transcripts = [t for t in children(src, "Transcript") if _has_text(t)]
    if not transcripts:
        return []
    name = _stem(src.get("name") or "")
    out: list[ET.Element] = []
    for k, t in enumerate(transcripts, 1):
        sync = {normalise_guid(p.get("guid")): p for p in children(t, "SyncPoint")}
        placed: list[ET.Element] = []
        for sel in children(t, "TranscriptSelection"):
            where = f"{label}, transcript selection {sel.get('name') or sel.get('guid')!r}"
            got = _placed(sel, sync, where, warn)
            if got is not None:
                placed.append(got)
        tname = name if k == 1 or not name else f"{name}-{k}"
        out.append(_text_source(t, tname, placed, src if k == 1 else None, label))
    _alias_cases(src, out, cases_of)
    _left_out(
        label,
        "its transcript",
        "the transcript's text",
        [
            (_codings_in(children(src, own_selection)), "time ranges of the recording"),
            (len(children(src, "Coding")), "the whole recording"),
        ],
        warn,
    )
    return out


def _pdf(
    src: ET.Element, cases_of: dict[str, list[str]], warn: Callable[[str], None]
) -> list[ET.Element]:
    text = child(src, "Representation")
    if text is None or not _has_text(text):
        return []
    label = f"PDF source {src.get('name') or src.get('path') or src.get('guid')!r}"
    out = [
        _text_source(
            text, _stem(src.get("name") or ""), children(text, "PlainTextSelection"), src, label
        )
    ]
    _alias_cases(src, out, cases_of)
    _left_out(
        label,
        "its text",
        "the PDF's text",
        [
            (_codings_in(children(src, "PDFSelection")), "regions of its pages"),
            (len(children(src, "Coding")), "the whole PDF"),
        ],
        warn,
    )
    return out


def _alias_cases(src: ET.Element, texts: list[ET.Element], cases_of: dict[str, list[str]]) -> None:
    """The cases a recording or PDF is in are its texts' (a case refers to the source)."""
    cases = cases_of.get(normalise_guid(src.get("guid")))
    if cases:
        for t in texts:
            cases_of.setdefault(normalise_guid(t.get("guid")), list(cases))


def _left_out(
    label: str,
    imported: str,
    text: str,
    parts: list[tuple[int, str]],
    warn: Callable[[str], None],
) -> None:
    said = [f"{_plural(n, 'coding')} of {what}" for n, what in parts if n]
    if not said:
        return
    what = " and ".join(said)
    warn(
        f"{label}: {imported} is imported, with the passages coded in it; not its {what} "
        f"(roqa_nlp codes text, and they have no place in {text})"
    )


def text_sources(
    sources: Iterable[ET.Element],
    cases_of: dict[str, list[str]],
    warn: Callable[[str], None],
) -> Iterator[ET.Element]:
    """``sources`` in order, each recording with a text transcript as its transcripts and each
    PDF with a text representation as that text, as ``<TextSource>`` elements; anything else as
    it is. The cases a recording or PDF is in (``cases_of``: normalised source GUID -> case
    names) become its texts'. ``warn`` is given, one line each, the codings left out: those of
    the recording or PDF itself, and transcript selections whose sync points give no place in
    the text."""
    for src in sources:
        kind = local_name(src.tag)
        texts: list[ET.Element] = []
        if kind in _RECORDINGS:
            noun, own = _RECORDINGS[kind]
            texts = _recording(src, noun, own, cases_of, warn)
        elif kind == "PDFSource":
            texts = _pdf(src, cases_of, warn)
        yield from texts or [src]
