"""Turn the human gold coding of the example interviews into a ``codings.jsonl`` coding result.

``examples/gold/codings.csv`` has one row per code a human coder gave a segment
(``segment_id,code_id,valence,note``; the main code first; an empty ``code_id`` means the segment
fits no CFIR construct). This script pairs those rows with the segments of a model run on
``examples/interviews`` (same segment ids and character ranges) and writes
``examples/gold/codings.jsonl``: every segment with one ``Suggestion(probability=1.0)`` per gold
code and no novelty flag, which is how ``roqa agree`` recognises a person's coding. So

    roqa agree examples/gold/codings.jsonl /tmp/gold_run/codings.jsonl

compares the model with the human gold. Beside it, ``labelled.jsonl`` holds the same gold as
labelled records (``text``, ``codes`` or ``NONE``, the main code's ``valence``, the interviewer's
question as ``context``) for ``roqa evaluate`` and ``ac.evaluate``, and ``transcripts.jsonl``
the run's transcripts, so that the gold folder is a coding result with its texts (``roqa export
examples/gold --qdpx gold.qdpx`` exports it from a clone), less the fingerprints of the files as
the run read them (:func:`shipped_transcripts`). Only these three files are written (not
``CodingResult.save``, which would overwrite the gold ``codings.csv`` and write a ``run.json``).

Run (after ``ROQA_CACHE_DIR=/tmp/rcache .venv/bin/roqa code examples/interviews --out /tmp/gold_run``)::

    .venv/bin/python benchmarks/gold_to_codings.py /tmp/gold_run/codings.jsonl --out /tmp/gold/codings.jsonl

``--out`` defaults to ``examples/gold/codings.jsonl`` (and the two files beside it): without
it the script rewrites the shipped gold files, which the team does when the segmentation changes.

``read_gold`` is also what the feedback benchmark uses to read the gold.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.io import atomic_write_text, read_text
from roqa_nlp.result import CodingResult, transcript_to_dict
from roqa_nlp.schema import SegmentResult, Suggestion, normalise_valence
from roqa_nlp.source_fingerprints import SOURCE_FOLDER_SHA256, SOURCE_SHA256

ROOT = Path(__file__).resolve().parents[1]
GOLD_CSV = ROOT / "examples" / "gold" / "codings.csv"
GOLD_JSONL = ROOT / "examples" / "gold" / "codings.jsonl"
DEFAULT_RUN = Path("/tmp/gold_run/codings.jsonl")


@dataclass(frozen=True)
class GoldCode:
    """One code the human coder gave a segment."""

    code_id: str
    valence: str
    note: str = ""


@dataclass(frozen=True)
class GoldSegment:
    """A segment's gold coding: its codes (main first; empty = fits no construct) and notes."""

    segment_id: str
    codes: tuple[GoldCode, ...]
    note: str = ""

    @property
    def code_ids(self) -> list[str]:
        return [c.code_id for c in self.codes]

    @property
    def procedural(self) -> bool:
        """Uncoded talk the coder marked as interview procedure (greetings, consent, Zoom)."""
        return not self.codes and self.note.startswith("procedural")


def read_gold(
    path: str | Path = GOLD_CSV, codebook: Codebook | None = None
) -> dict[str, GoldSegment]:
    """The gold coding, by segment id, in file order; code ids are checked against the codebook."""
    book = codebook or Codebook.load("cfir-2009")
    p = Path(path)
    rows = list(csv.DictReader(io.StringIO(read_text(p))))
    if not rows or not {"segment_id", "code_id", "valence"} <= set(rows[0]):
        raise RoqaError(
            "is not a gold coding file", path=p, hint="header: segment_id,code_id,valence,note"
        )
    codes: dict[str, list[GoldCode]] = {}
    notes: dict[str, str] = {}
    for line, r in enumerate(rows, 2):
        sid = (r["segment_id"] or "").strip()
        if not sid:
            raise RoqaError(f"row {line}: no segment_id", path=p)
        note = (r.get("note") or "").strip()
        codes.setdefault(sid, [])
        notes.setdefault(sid, note)
        cid = (r["code_id"] or "").strip()
        if not cid:
            continue
        code = book.resolve(cid, where=f"{p}:{line}")
        if not code.codable:
            raise RoqaError(f"row {line}: {code.id} is a domain", path=p, hint="code a construct")
        try:
            valence = normalise_valence(r["valence"])
        except ValueError as e:
            raise RoqaError(f"row {line}: {e}", path=p) from None
        codes[sid].append(GoldCode(code.id, valence, note))
    return {sid: GoldSegment(sid, tuple(cs), notes[sid]) for sid, cs in codes.items()}


class CodedGold(NamedTuple):
    """The gold segments that carry a code: texts, gold code ids (main first), the interviewer's
    question before each ("" when none)."""

    texts: list[str]
    codes: list[list[str]]
    questions: list[str]


def coded_gold_segments(path: str | Path = GOLD_CSV, codebook: Codebook | None = None) -> CodedGold:
    """The coded gold segments in file order; texts and questions come from
    ``examples/gold/codings.jsonl``."""
    segments = {
        r["segment_id"]: r
        for r in (json.loads(line) for line in read_text(GOLD_JSONL).splitlines() if line)
    }
    coded = [
        (segments[sid], g.code_ids) for sid, g in read_gold(path, codebook).items() if g.code_ids
    ]
    return CodedGold(
        [s["text"] for s, _ in coded],
        [list(c) for _, c in coded],
        [s.get("context") or "" for s, _ in coded],
    )


def gold_result(
    gold: dict[str, GoldSegment], run: CodingResult, codebook: Codebook | None = None
) -> CodingResult:
    """The run's segments carrying the gold codes as probability-1 suggestions."""
    book = codebook or Codebook.load("cfir-2009")
    run_ids = {s.segment.id for s in run.segments}
    missing = [sid for sid in gold if sid not in run_ids]
    if missing:
        raise RoqaError(
            f"gold segment {missing[0]!r} is not in the coding run",
            hint="code examples/interviews with the default unit and give that codings.jsonl",
        )
    out = CodingResult(
        meta={"coder": "gold", "codebook": book.id, "codebook_sha256": book.hash},
        transcripts=dict(run.transcripts),
    )
    for s in run.segments:
        g = gold.get(s.segment.id)
        if g is None:
            if s.segment.role == "participant":
                raise RoqaError(
                    f"participant segment {s.segment.id!r} has no gold coding",
                    path=GOLD_CSV,
                    hint="add a row for it (empty code_id if it fits no construct)",
                )
            continue
        sugg = [
            Suggestion(
                code_id=c.code_id,
                name=book[c.code_id].name,
                domain=book[c.code_id].domain,
                probability=1.0,
                valence=c.valence,
            )
            for c in g.codes
        ]
        out.segments.append(
            SegmentResult(segment=s.segment, suggestions=sugg, procedural=g.procedural)
        )
    return out


def labelled_records(gold: CodingResult) -> list[dict[str, object]]:
    """The gold as labelled records, one per segment in file order: ``codes`` (main first) or
    ``construct: NONE`` for talk that fits no code, the main code's ``valence``."""
    records: list[dict[str, object]] = []
    for s in gold.segments:
        record: dict[str, object] = {"id": s.segment.id, "text": s.segment.text}
        if s.suggestions:
            record["codes"] = [x.code_id for x in s.suggestions]
            record["valence"] = s.suggestions[0].valence
        else:
            record["construct"] = "NONE"
        record["context"] = s.segment.context
        records.append(record)
    return records


def shipped_transcripts(gold: CodingResult) -> str:
    """The gold's transcripts as ``transcripts.jsonl`` holds them, their sources relative to the
    clone (as ``roqa code examples/interviews`` run there records them), without the
    fingerprints of the files as read (:mod:`roqa_nlp.source_fingerprints`): the SHA-256 of the
    folder the run was made in names the team's machine, not a clone."""
    lines = []
    for t in gold.transcripts.values():
        record = transcript_to_dict(t)
        record["metadata"] = {
            k: v
            for k, v in record["metadata"].items()
            if k not in (SOURCE_SHA256, SOURCE_FOLDER_SHA256)
        }
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", nargs="?", default=DEFAULT_RUN, type=Path,
                        help=f"codings.jsonl of a roqa code run on examples/interviews (default {DEFAULT_RUN})")  # fmt: skip
    parser.add_argument("--out", default=GOLD_JSONL, type=Path,
                        help="the gold codings.jsonl to write, labelled.jsonl beside it (default: the shipped examples/gold/codings.jsonl)")  # fmt: skip
    args = parser.parse_args(argv)
    book = Codebook.load("cfir-2009")
    run = CodingResult.read(args.run)
    result = gold_result(read_gold(GOLD_CSV, book), run, book)
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(out, result.to_jsonl())
    labelled = out.with_name("labelled.jsonl")
    atomic_write_text(
        labelled,
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in labelled_records(result)),
    )
    atomic_write_text(out.with_name("transcripts.jsonl"), shipped_transcripts(result))
    n_coded = sum(1 for s in result.segments if s.suggestions)
    print(f"{out}: {len(result)} segments, {n_coded} coded; {labelled}: the same as records")


if __name__ == "__main__":
    main()
