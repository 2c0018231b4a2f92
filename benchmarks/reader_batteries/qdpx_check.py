"""Check ``roqa_nlp.exchange.qdpx_import.read_qdpx`` on the REFI-QDA sample projects against
counts taken from each project's XML directly.

What it measures: for every ``*.qdpx`` in ``../shared/reference/refi-qda/samples`` (third-party
files, never copied into the repository): the XML's sources, selections, codings, codes and
users against what ``read_qdpx`` gives; whether each transcript's text equals a source text of
the archive; whether every (source, start, end, number of codings) span equals the XML's; and
how many segments have a text other than ``source[start:end]``. Prints ``skip: ...`` and exits
0 when the samples folder is absent. Results as measured:
``benchmarks/results/reader_batteries.md``. A few seconds.

Run (from the repository root)::

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/reader_batteries/qdpx_check.py [--samples DIR]
"""

from __future__ import annotations

import argparse
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "reference" / "refi-qda" / "samples"


def ln(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=Path, default=SAMPLES, help="folder of *.qdpx samples")
    samples: Path = ap.parse_args().samples
    if not samples.is_dir():
        print(
            f"skip: {samples} is absent (third-party REFI-QDA samples, kept outside the repository)"
        )
        return
    from roqa_nlp.exchange.qdpx_import import read_qdpx

    for p in sorted(samples.glob("*.qdpx")):
        check(p, read_qdpx)


def check(p: Path, read_qdpx) -> None:
    """Print the XML's counts for sample ``p`` and what ``read_qdpx`` gives."""
    z = zipfile.ZipFile(p)
    qde = next(n for n in z.namelist() if n.endswith(".qde"))
    root = ET.fromstring(z.read(qde))
    els = list(root.iter())
    srcs = [e for e in els if ln(e.tag) == "TextSource"]
    sels = [e for e in els if ln(e.tag) == "PlainTextSelection"]
    cods = [e for e in els if ln(e.tag) == "Coding"]
    codes = [e for e in els if ln(e.tag) == "Code"]
    users = [e for e in els if ln(e.tag) == "User"]
    texts = {}
    for s in srcs:
        path = s.get("plainTextPath", "")
        name = path.replace("internal://", "")
        cand = [n for n in z.namelist() if n.endswith("/" + name) or n == name]
        texts[s.get("guid")] = (
            z.read(cand[0]).decode("utf-8") if cand else (s.findtext("{*}PlainTextContent") or "")
        )
    xml_sel = []
    for src in srcs:
        sid = (
            src.get("plainTextPath", "")
            .replace("internal://", "")
            .rsplit("/", 1)[-1]
            .rsplit(".", 1)[0]
        )
        for sel in src.iter():
            if ln(sel.tag) == "PlainTextSelection":
                xml_sel.append(
                    (
                        sid,
                        int(sel.get("startPosition")),
                        int(sel.get("endPosition")),
                        sum(1 for c in sel.iter() if ln(c.tag) == "Coding"),
                    )
                )
    # expected codings per user from XML
    exp_by_user = {}
    for c in cods:
        exp_by_user[c.get("creatingUser")] = exp_by_user.get(c.get("creatingUser"), 0) + 1
    print(
        f"== {p.name}: XML sources {len(srcs)}, selections {len(sels)}, codings {len(cods)}, codes {len(codes)}, users {len(users)}"
    )
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            pr = read_qdpx(p)
    except Exception as e:  # noqa: BLE001
        print(f"   read_qdpx ERROR {type(e).__name__}: {str(e)[:300]}")
        return
    print(
        f"   roqa: origin {pr.origin!r}, transcripts {len(pr.transcripts)}, source_count {pr.source_count}, selection_count {pr.selection_count}, "
        f"codebook codes {len(pr.codebook.codes) if hasattr(pr.codebook, 'codes') else '?'}, users {len(pr.users)}, dropped {pr.dropped_by}"
    )
    for t in pr.transcripts:
        same = [k for k, v in texts.items() if v == t.text or v.rstrip("\n") == t.text.rstrip("\n")]
        print(
            f"   transcript {t.id!r}: {len(t.text)} chars, {len(t.turns)} turns, text equals a source's: {bool(same)}"
        )
    for who, res in pr.codings.items():
        nsug = sum(len(s.suggestions) for s in res.segments)
        print(f"   codings of {who!r}: {len(res.segments)} segments, {nsug} code applications")
        # offsets: each segment's text is the source's text at its span
        bad = 0
        tr = {t.id: t for t in pr.transcripts}
        for s in res.segments:
            g = s.segment
            t = tr.get(g.transcript_id)
            if t is None or t.text[g.start : g.end] != g.text:
                bad += 1
        spans = sorted(
            (s.segment.transcript_id, s.segment.start, s.segment.end, len(s.suggestions))
            for s in res.segments
        )
        xml_spans = sorted(xml_sel)
        print(
            f"   spans (source, start, end, codings) equal to the XML's: {spans == xml_spans}"
            + (
                ""
                if spans == xml_spans
                else f" first diff {next((a, b) for a, b in zip(spans, xml_spans) if a != b) if any(a != b for a, b in zip(spans, xml_spans)) else (len(spans), len(xml_spans))}"
            )
        )
        print(f"   segments with text != source[start:end]: {bad}")
    print(f"   XML codings per user guid: {exp_by_user}")
    for x in pr.warnings[:5] + pr.source_warnings[:5] + [str(m.message)[:200] for m in w][:5]:
        print("   warn", x[:200])


if __name__ == "__main__":
    main()
