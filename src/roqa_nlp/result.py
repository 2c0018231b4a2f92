"""CodingResult: what coding a set of transcripts produces, and its files.

A result directory holds:

- ``codings.jsonl``: one JSON object per segment (see :meth:`SegmentResult.to_dict`);
- ``codings.csv``: the same, flattened to the top suggestions for spreadsheets;
- ``transcripts.jsonl``: each transcript's id, source, participant, full text and turns, so that
  exports (REFI-QDA) and the report can show segments in context;
- ``run.json``: the model card summary (model, codebook and data hashes) and run parameters.

Reading ``codings.jsonl`` back gives a result equal to the one written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RoqaError
from .io import EXCEL_BOM, atomic_write_text, read_jsonl_numbered, read_text, spreadsheet_csv
from .schema import SegmentResult, Transcript, Turn
from .transcripts import SUPPORTED_EXTENSIONS

#: transcript files: given where codings are expected, they are a one-line error saying to code
#: them first (a ``.csv`` can be either and a ``.qdpx`` holds codings: both are read as codings)
_TRANSCRIPT_SUFFIXES = frozenset(SUPPORTED_EXTENSIONS) - {".csv", ".qdpx"}

if TYPE_CHECKING:
    from .codebook import Codebook

CSV_TOP_K = 3


def transcript_to_dict(t: Transcript) -> dict[str, Any]:
    return {
        "id": t.id,
        "source": t.source,
        "participant": t.participant,
        "text": t.text,
        "turns": [
            {
                "speaker": u.speaker,
                "role": u.role,
                "start": u.start,
                "end": u.end,
                "begin_time": u.begin_time,
                "end_time": u.end_time,
            }
            for u in t.turns
        ],
        "metadata": t.metadata,
    }


def _check_turns(t: Transcript) -> None:
    """Turns are ordered, non-overlapping integer spans of the text (ValueError otherwise)."""
    previous = 0
    for u in t.turns:
        if not (isinstance(u.start, int) and isinstance(u.end, int)):
            raise ValueError(f"turn offsets {u.start!r}-{u.end!r} are not integers")
        if not previous <= u.start <= u.end <= len(t.text):
            raise ValueError(f"turn {u.start}-{u.end} is outside the text or out of order")
        previous = u.end


def transcript_from_dict(d: dict[str, Any]) -> Transcript:
    return Transcript(
        id=str(d["id"]),
        text=str(d["text"]),
        turns=[Turn(**u) for u in d.get("turns", [])],
        source=str(d.get("source", "")),
        participant=d.get("participant"),
        metadata=dict(d.get("metadata") or {}),
    )


@dataclass
class CodingResult:
    """Segments with ranked code suggestions, plus the transcripts they come from."""

    segments: list[SegmentResult] = field(default_factory=list)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.segments)

    def __iter__(self) -> Iterator[SegmentResult]:
        return iter(self.segments)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CodingResult):
            return NotImplemented
        return [s.to_dict() for s in self.segments] == [s.to_dict() for s in other.segments]

    def by_transcript(self) -> dict[str, list[SegmentResult]]:
        out: dict[str, list[SegmentResult]] = {}
        for s in self.segments:
            out.setdefault(s.segment.transcript_id, []).append(s)
        return out

    def participant_of(self, transcript_id: str) -> str:
        t = self.transcripts.get(transcript_id)
        if t is not None and t.participant:
            return t.participant
        return transcript_id

    def extend(self, other: CodingResult) -> None:
        self.segments.extend(other.segments)
        self.transcripts.update(other.transcripts)

    def translate(
        self, codebook: str | Codebook, *, source: str | Codebook | None = None
    ) -> CodingResult:
        """This result in another codebook's codes, through the mapping either codebook documents.

        ``source`` is the codebook the suggestions use (default: the one the run recorded, else
        cfir-2009). ``result.translate("cfir-2022")`` charts CFIR 2009 suggestions as CFIR 2.0
        constructs; ``result.translate("erondu-2021")`` as the seed study's barriers and enablers.
        See :mod:`roqa_nlp.crosswalk` for how probabilities and valences are carried over.
        """
        from .codebook import DEFAULT_CODEBOOK, Codebook
        from .crosswalk import recorded_codebook, translate

        def as_book(b: str | Codebook) -> Codebook:
            return b if isinstance(b, Codebook) else Codebook.load(b)

        src = as_book(source or recorded_codebook(self.meta) or DEFAULT_CODEBOOK)
        return translate(self, src, as_book(codebook))

    # -- files ---------------------------------------------------------------------------------

    def to_jsonl(self) -> str:
        return "".join(json.dumps(s.to_dict(), ensure_ascii=False) + "\n" for s in self.segments)

    def to_csv(self, top_k: int = CSV_TOP_K) -> str:
        """``codings.csv``: one row per segment with its top ``top_k`` suggestions, for
        spreadsheets (text cells that a spreadsheet would run as a formula get a leading ``'``;
        the file is written with :data:`~roqa_nlp.io.EXCEL_BOM` first)."""
        head = ["transcript", "segment_id", "speaker", "start", "end", "text"]
        for k in range(1, top_k + 1):
            head += [f"code_{k}", f"name_{k}", f"probability_{k}", f"valence_{k}"]
        head += ["novel", "novelty_p", "procedural", "off_topic"]
        head += ["question", "begin_time", "end_time"]
        rows: list[list[Any]] = [head]
        for s in self.segments:
            g = s.segment
            row: list[Any] = [g.transcript_id, g.id, g.speaker, g.start, g.end, g.text]
            for k in range(top_k):
                if k < len(s.suggestions):
                    x = s.suggestions[k]
                    row += [x.code_id, x.name, f"{x.probability:.4f}", x.valence]
                else:
                    row += ["", "", "", ""]
            row += [
                "" if s.novel is None else str(s.novel).lower(),
                "" if s.novelty_p is None else f"{s.novelty_p:.4f}",
                str(s.procedural).lower(),
                str(s.off_topic).lower(),
                g.context,
                "" if g.begin_time is None else f"{g.begin_time:.3f}",
                "" if g.end_time is None else f"{g.end_time:.3f}",
            ]
            rows.append(row)
        return spreadsheet_csv(rows)

    def save(self, out_dir: str | Path) -> dict[str, Path]:
        """Write codings.jsonl, codings.csv, transcripts.jsonl and run.json atomically."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = {
            "codings.jsonl": out / "codings.jsonl",
            "codings.csv": out / "codings.csv",
            "transcripts.jsonl": out / "transcripts.jsonl",
            "run.json": out / "run.json",
        }
        atomic_write_text(paths["codings.jsonl"], self.to_jsonl())
        atomic_write_text(paths["codings.csv"], EXCEL_BOM + self.to_csv())
        atomic_write_text(
            paths["transcripts.jsonl"],
            "".join(
                json.dumps(transcript_to_dict(t), ensure_ascii=False) + "\n"
                for t in self.transcripts.values()
            ),
        )
        atomic_write_text(paths["run.json"], json.dumps(self.meta, indent=2, ensure_ascii=False))
        return paths

    @classmethod
    def read(cls, path: str | Path) -> CodingResult:
        """Read ``codings.jsonl`` (a file, or a directory holding one) and its sidecar files."""
        p = Path(path)
        if p.is_dir():
            p = p / "codings.jsonl"
        elif p.suffix.lower() in _TRANSCRIPT_SUFFIXES:
            raise RoqaError(
                "is a transcript, not codings",
                path=p,
                hint=f"code it first: roqa code {p} --out coded/, then give coded/",
            )
        segs: list[SegmentResult] = []
        for i, r in read_jsonl_numbered(p):
            try:
                segs.append(SegmentResult.from_dict(r))
            except (KeyError, TypeError, ValueError, OverflowError) as e:
                raise RoqaError(
                    f"line {i} is not a segment coding ({e})",
                    path=p,
                    hint="each line needs transcript, segment_id, start, end and text",
                ) from None
        transcripts: dict[str, Transcript] = {}
        side = p.with_name("transcripts.jsonl")
        if side.exists():
            for i, r in read_jsonl_numbered(side):
                try:
                    t = transcript_from_dict(r)
                    _check_turns(t)
                except (KeyError, TypeError, ValueError, OverflowError) as e:
                    raise RoqaError(
                        f"line {i} is not a transcript ({e})",
                        path=side,
                        hint="each line needs id, text and turns within the text",
                    ) from None
                transcripts[t.id] = t
        meta: dict[str, Any] = {}
        run = p.with_name("run.json")
        if run.exists():
            try:
                meta = json.loads(read_text(run))
            except (RoqaError, ValueError, RecursionError):
                meta = {}
            if not isinstance(meta, dict):
                meta = {}
        return cls(segments=segs, transcripts=transcripts, meta=meta)

    @classmethod
    def from_segments(cls, segments: Iterable[SegmentResult]) -> CodingResult:
        return cls(segments=list(segments))
