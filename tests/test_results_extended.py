"""A coding result extended with another's (``result.extend(other)``: a study coded one file at
a time in Python, ``ac.code(f)`` for each file) holds one study, so its transcripts take their
cases from one another as when they are read together.

Session 41: three interviews whose participant speaks under a template's label (``Participant
1:`` in p1.txt, p2.txt and p10.txt), each read alone, were each case P1; extended into one result
they were one case, and saturation() counted one interview where read together it counts three
(P1, P2, P10, as their file names give them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.framework import framework_matrix, saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts import read_transcript, read_transcripts

CODES = {"p1": "IS.E.2", "p2": "IS.E.1", "p10": "IS.D"}  # a new code in each interview


def _study(folder: Path, label: str = "Participant 1") -> list[Path]:
    files = []
    for stem in CODES:
        path = folder / f"{stem}.txt"
        path.write_text(
            f"Interviewer: What gets in the way?\n{label}: We never had the budget, {stem}.\n"
            f"Interviewer: Thanks.\n{label}: Our manager backs the records system.\n",
            encoding="utf-8",
        )
        files.append(path)
    return files


def _coded(transcripts: list[Transcript]) -> CodingResult:
    """Each transcript's first participant turn coded with its interview's code."""
    segments = []
    for t in transcripts:
        turn = next(u for u in t.turns if u.role == "participant")
        seg = Segment(f"{t.id}:1", t.id, turn.speaker, "participant", turn.start, turn.end,
                      t.text[turn.start : turn.end])  # fmt: skip
        code = CODES[t.id]
        segments.append(SegmentResult(seg, [Suggestion(code, code, "IS", 0.9, "barrier")]))
    return CodingResult(segments=segments, transcripts={t.id: t for t in transcripts})


def _one_at_a_time(files: list[Path]) -> CodingResult:
    result = _coded([read_transcript(files[0])])
    for f in files[1:]:
        result.extend(_coded([read_transcript(f)]))
    return result


def test_files_coded_one_at_a_time_take_the_cases_they_take_read_together(
    tmp_path: Path,
) -> None:
    files = _study(tmp_path)
    assert [t.participant for t in read_transcripts(files)] == ["P1", "P2", "P10"]
    result = _one_at_a_time(files)
    assert [result.participant_of(t) for t in ("p1", "p2", "p10")] == ["P1", "P2", "P10"]


def test_saturation_counts_each_interview_coded_one_at_a_time(tmp_path: Path) -> None:
    result = _one_at_a_time(_study(tmp_path))
    sat = saturation(result, codebook="cfir-2009", initial_sample=1, stopping_criterion=1)
    assert (sat.participants, sat.new_codes) == (
        ["P1", "P2", "P10"],
        [["IS.E.2"], ["IS.E.1"], ["IS.D"]],
    )
    assert framework_matrix(result, codebook="cfir-2009").cases == ["P1", "P2", "P10"]


@pytest.mark.parametrize("label", ["P01", "Participant 01"])
def test_a_case_one_at_a_time_that_is_one_read_together_stays_one(
    tmp_path: Path, label: str
) -> None:
    """A participant id label (``P01``) speaking in several files is one case read together
    (a follow-up interview of one person), and so extended; so are files named for one
    participant (p01_part1, p01_part2) under a template's label."""
    files = []
    for stem in ("p01_part1", "p01_part2"):
        path = tmp_path / f"{stem}.txt"
        path.write_text(f"Interviewer: Why?\n{label}: Staff leave, {stem}.\n", encoding="utf-8")
        files.append(path)
    result = CodingResult()
    for f in files:
        t = read_transcript(f)
        result.extend(CodingResult(transcripts={t.id: t}))
    together = [t.participant for t in read_transcripts(files)]
    assert [result.participant_of(t) for t in ("p01_part1", "p01_part2")] == together
    assert together == [label.replace("Participant ", "P")] * 2


def test_extending_with_segments_already_there_is_refused_and_leaves_the_result(
    tmp_path: Path,
) -> None:
    """s43 tester: a result extended with itself (one file coded twice in an ``ac.code(f)``
    loop) went from 27 to 54 segments, 27 ids twice; to_dataframe() had 54 rows, so a crosstab
    counted every code twice, while the charts dropped them and their note said 24 of 54."""
    files = _study(tmp_path)
    result = _one_at_a_time(files)
    again = _coded([read_transcript(files[1]), read_transcript(files[2])])
    with pytest.raises(ValueError) as caught:
        result.extend(again)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        "extend(): 2 segments of the result to add are already in this result, first p2:1 "
        "(the same transcripts coded twice?) (add the codings of other transcripts only; to "
        "replace a transcript's codings, drop them first: "
        "result = result.subset(where=lambda s: s.segment.transcript_id != 'p2'))"
    )
    assert [s.segment.id for s in result] == ["p1:1", "p2:1", "p10:1"]
    assert list(result.transcripts) == ["p1", "p2", "p10"]


def test_a_result_extended_with_its_own_copy_is_refused(tmp_path: Path) -> None:
    result = _one_at_a_time(_study(tmp_path))
    with pytest.raises(RoqaError, match=r"^extend\(\): 3 segments .* first p1:1 "):
        result.extend(CodingResult(segments=list(result.segments)))
    assert len(result) == 3


def test_disjoint_results_and_one_transcript_cut_across_parts_still_extend(
    tmp_path: Path,
) -> None:
    """Segment ids are per transcript (``p1:1`` in p1 and ``q:1`` in q): the same number in two
    transcripts is not a repeat, and more segments of a transcript already there (a part of
    code_batches) are added."""
    files = _study(tmp_path)
    result = _coded([read_transcript(files[0])])
    later = _coded([read_transcript(files[0])])
    seg = later.segments[0].segment
    later.segments[0].segment = Segment(
        "p1:2", seg.transcript_id, seg.speaker, seg.role, seg.start, seg.end, seg.text
    )
    result.extend(later)
    result.extend(_coded([read_transcript(files[1])]))
    assert [s.segment.id for s in result] == ["p1:1", "p1:2", "p2:1"]


def test_extending_with_a_result_of_another_codebook_is_refused_naming_translate() -> None:
    """s64 api tester: a CFIR 2009 result extended with a CFIR 2.0 run charted Available
    Resources twice, one column per codebook, and its save recorded cfir-2009 alone, so ``roqa
    report`` left the CFIR 2.0 codes out. Refused as a segment already there is, nothing added;
    translated, it extends."""

    def coded(tid: str, code: str, book: str) -> CodingResult:
        seg = Segment(f"{tid}:1", tid, "P", "participant", 0, 9, "No money.")
        given = [Suggestion(code, "Available Resources", None, 0.9)]
        return CodingResult([SegmentResult(seg, given)], meta={"model": {"codebook": book}})

    first, other = coded("p1", "IS.E.2", "cfir-2009"), coded("p2", "INS.J", "cfir-2022")
    with pytest.raises(ValueError) as caught:
        first.extend(other)
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        "extend(): the result to add is in codebook cfir-2022, this result in cfir-2009: the "
        "charts would show each codebook's codes apart (a construct twice) and a save records "
        "cfir-2009 alone (translate it first, result.extend(other.translate('cfir-2009')), or "
        "this result, result = result.translate('cfir-2022'))"
    )
    assert [s.segment.id for s in first] == ["p1:1"]
    first.extend(other.translate("cfir-2009"))
    assert [(s.segment.id, s.top.code_id if s.top else None) for s in first] == [
        ("p1:1", "IS.E.2"),
        ("p2:1", "IS.E.2"),
    ]
