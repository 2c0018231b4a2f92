"""Specification of transcript ids in composed form (NFC) (s44, portability tester): macOS
stores file names decomposed (NFD), so ``Siobhán.txt`` gave the id ``Siobha\\u0301n``, which the
same id typed (composed) did not match: ``roqa report --order "Siobhán,P02"`` said "unknown
transcript(s) 'Siobhán'", and apply-decisions with the decisions typed composed left half the
review undecided, without a word. Ids made from file and project names are NFC
(:class:`~roqa_nlp.schema.Transcript` and :class:`~roqa_nlp.schema.Segment` compose them), and
so are ids a researcher gives (decisions files, ``--order``), by :func:`roqa_nlp.schema.nfc`."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from roqa_nlp.cli.report_cmd import _interview_order
from roqa_nlp.decisions import read_decisions
from roqa_nlp.schema import Segment, Transcript, nfc
from roqa_nlp.transcripts import read_transcript

NAME = "Siobhán"
NFD = unicodedata.normalize("NFD", NAME)


def test_the_ids_differ_as_typed() -> None:
    assert NFD != NAME
    assert nfc(NFD) == NAME


def test_an_nfd_file_name_gives_an_nfc_transcript_id_and_segment_ids(tmp_path: Path) -> None:
    path = tmp_path / f"{NFD}.txt"
    path.write_text("Interviewer: How were staff?\nP01: We lacked staff, honestly.\n", "utf-8")
    t = read_transcript(path)
    assert t.id == NAME
    assert t.source == str(path)  # the file as it is named
    seg = Segment(f"{NFD}:0001", NFD, "P01", "participant", 0, 3, "Int")
    assert (seg.id, seg.transcript_id) == (f"{NAME}:0001", NAME)
    assert Transcript(NFD, "", []).id == NAME


def test_decisions_and_an_interview_order_typed_either_way_are_nfc(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(
        f"segment_id,decision,code_id\n{NFD}:0001,accept,IS.E.3\n{NAME}:0002,accept,IS.D\n",
        encoding="utf-8",
    )
    decisions, _ = read_decisions(path)
    assert [d.segment_id for d in decisions] == [f"{NAME}:0001", f"{NAME}:0002"]
    assert _interview_order(f"{NFD}, P02") == (NAME, "P02")
    assert _interview_order(f"{NAME},P02") == (NAME, "P02")
