"""Writing a coding result part by part, so memory stays flat in corpus size.

:class:`CodingsWriter` writes the same four files as :meth:`CodingResult.save
<roqa_nlp.result.CodingResult.save>` — ``codings.jsonl``, ``codings.csv``, ``transcripts.jsonl``
and ``run.json`` — from a stream of partial results (:meth:`AutoCoder.code_batches
<roqa_nlp.autocoder.AutoCoder.code_batches>`), holding one part at a time. Each file is written to
a temporary file and renamed into place only when the whole stream succeeded, so a crash never
leaves a half-written result under a final name. The files are byte-identical to ``save``'s.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .io import EXCEL_BOM, atomic_open, atomic_write_text, make_out_dir
from .result import CODINGS_KEY, CodingResult, codings_record, segment_counts, transcript_to_dict

FILES = ("codings.jsonl", "codings.csv", "transcripts.jsonl", "run.json")


class CodingsWriter:
    """Context manager: ``with CodingsWriter(out, meta) as w: w.write(part)`` for each part."""

    def __init__(self, out_dir: str | Path, meta: dict[str, Any] | None = None):
        self.out = Path(out_dir)
        self.meta = dict(meta or {})
        self.paths = {name: self.out / name for name in FILES}
        self.n_segments = 0
        self.n_novel = 0
        self.n_off_topic = 0  # of n_novel: set aside as off-topic, not for open coding
        self.n_transcripts = 0
        self._stack: ExitStack | None = None
        self._fh: dict[str, IO[Any]] = {}
        self._header_written = False
        self._counts: dict[str, int] = {}
        self._digest = hashlib.sha256()

    def __enter__(self) -> CodingsWriter:
        make_out_dir(self.out)
        stack = ExitStack()
        # renamed into place in the reverse order: codings.jsonl first, as CodingResult.save
        # writes it, so a run stopped before run.json leaves codings that do not match it
        for name in reversed(FILES[:3]):
            self._fh[name] = stack.enter_context(atomic_open(self.paths[name], "w"))
        self._stack = stack
        return self

    def write(self, part: CodingResult) -> None:
        """Append one part's segments and transcripts."""
        header, _, rows = part.to_csv().partition("\n")
        if not self._header_written:
            self._fh["codings.csv"].write(EXCEL_BOM + header + "\n")
            self._header_written = True
        self._fh["codings.csv"].write(rows)
        jsonl = part.to_jsonl()
        self._fh["codings.jsonl"].write(jsonl)
        self._digest.update(jsonl.encode("utf-8"))
        for tid, n in segment_counts(part.segments, part.transcripts).items():
            self._counts[tid] = self._counts.get(tid, 0) + n
        self._fh["transcripts.jsonl"].write(
            "".join(
                json.dumps(transcript_to_dict(t), ensure_ascii=False) + "\n"
                for t in part.transcripts.values()
            )
        )
        if not self.meta:
            self.meta = dict(part.meta)
        self.n_segments += len(part.segments)
        self.n_novel += sum(1 for s in part.segments if s.novel)
        self.n_off_topic += sum(1 for s in part.segments if s.novel and s.off_topic)
        self.n_transcripts += len(part.transcripts)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._stack is not None
        if exc_type is None and not self._header_written:
            self._fh["codings.csv"].write(EXCEL_BOM + CodingResult().to_csv())
        self._stack.__exit__(exc_type, exc, tb)
        if exc_type is None:
            meta = {
                **self.meta,
                CODINGS_KEY: codings_record(self._counts, self._digest.hexdigest()),
            }
            atomic_write_text(
                self.paths["run.json"], json.dumps(meta, indent=2, ensure_ascii=False)
            )


def write_codings(parts: Iterable[CodingResult], out_dir: str | Path) -> CodingsWriter:
    """Write every part of a streamed coding into ``out_dir``; returns the (closed) writer."""
    with CodingsWriter(out_dir) as writer:
        for part in parts:
            writer.write(part)
    return writer
