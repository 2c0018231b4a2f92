"""A joint interview (one file, two participants: ``joint_p31_p32``, turns labelled ``P31:`` and
``P32:``) in saturation. Session 72 tester (study2, D3-D5): ``--order P28,P29,P30,P31`` said
"unknown transcript 'P31'" though a participant id names that participant's files; the
saturation sheet's participant column read ``joint_p31_p32``, not its participants; and the
joint file, sorted first by name though done last, got no note that the order is not the
participants'."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaValueError
from roqa_nlp.framework import framework_matrix, saturation
from roqa_nlp.result import CodingResult
from test_framework import seg, spoken, transcript


def _study() -> CodingResult:
    """The joint interview of P31 and P32 first (its file sorts first), then P28-P30."""
    segments = [
        spoken(
            seg("joint_p31_p32", 0, "Head office wants beds filled.", ("IS.A", 0.9, "barrier")),
            "P31",
        ),
        spoken(seg("joint_p31_p32", 1, "Money. Staffing.", ("IS.E.2", 0.9, "barrier")), "P32"),
        spoken(seg("p28_teams", 0, "Our directors get it.", ("IS.E.1", 0.9, "enabler")), "P28"),
        spoken(seg("p29_otter", 0, "It takes so long.", ("IC.F", 0.9, "barrier")), "P29"),
        spoken(seg("p30_table", 0, "The Recovery Star helps.", ("IS.D.5", 0.9, "enabler")), "P30"),
    ]
    transcripts = {
        "joint_p31_p32": transcript("joint_p31_p32", "joint_p31_p32"),
        "p28_teams": transcript("p28_teams", "P28"),
        "p29_otter": transcript("p29_otter", "P29"),
        "p30_table": transcript("p30_table", "P30"),
    }
    return CodingResult(segments=segments, transcripts=transcripts)


def test_a_participant_of_a_joint_interview_names_it_in_an_order() -> None:
    s = saturation(_study(), order="P28,P29,P30,P31")
    assert s.transcripts == [["p28_teams"], ["p29_otter"], ["p30_table"], ["joint_p31_p32"]]
    assert s.new_codes[3] == ["IS.A", "IS.E.2"]
    # leading zeros and case, as for any participant id
    assert saturation(_study(), order="p032,P28,P29,P30").transcripts[0] == ["joint_p31_p32"]


def test_both_participants_of_a_joint_interview_name_it_once() -> None:
    s = saturation(_study(), order="P28,P29,P30,P31,P32")
    assert s.interviews == ["p28_teams", "p29_otter", "p30_table", "joint_p31_p32"]
    assert s.cumulative == [1, 2, 3, 5]  # counted once
    # so do a participant and the transcript id
    same = saturation(_study(), order="P28,P29,P30,joint_p31_p32,P32")
    assert same.interviews == s.interviews


def test_the_participants_of_a_joint_interview_named_apart_is_an_error() -> None:
    with pytest.raises(
        RoqaValueError,
        match=r"'P31' and 'P32' apart, two names of one joint interview \(joint_p31_p32\)",
    ):
        saturation(_study(), order="P31,P28,P32,P29,P30")
    # one id named twice is still a repeat
    with pytest.raises(RoqaValueError, match="repeats"):
        saturation(_study(), order="P28,P28,P29")


def test_an_id_of_its_own_interview_still_names_that_interview() -> None:
    """P31 interviewed alone too (p31_alone) names that interview, not the joint one."""
    r = _study()
    extra = spoken(
        seg("p31_alone", 0, "Supervision keeps it alive.", ("IS.D.6", 0.9, "enabler")), "P31"
    )
    r = CodingResult(
        segments=[*r.segments, extra],
        transcripts={**r.transcripts, "p31_alone": transcript("p31_alone", "P31")},
    )
    with pytest.warns(UserWarning, match="leaves out 3 of the 5"):
        s = saturation(r, order="P31,joint_p31_p32")
    assert s.interviews == ["p31_alone", "joint_p31_p32"]


def test_the_participant_column_names_a_joint_interviews_participants() -> None:
    s = saturation(_study(), order="P28,P29,P30,P31")
    assert s.participants == ["P28", "P29", "P30", "P31, P32"]
    assert s.rows()[4][1:3] == ["joint_p31_p32", "P31, P32"]
    # the matrix keeps its case, and cites each quote by its speaker
    m = framework_matrix(_study())
    assert "joint_p31_p32" in m.cases
    assert m.several_speakers == {"joint_p31_p32": ["P31", "P32"]}


def test_the_matrix_names_a_joint_interviews_participants_beside_its_case(
    tmp_path: Path,
) -> None:
    """The matrix's first column, headed ``participant``, read ``joint_p16_p17`` where the
    saturation table gave ``P16, P17`` and Table 2 cited P16 and P17 (daily14 tester, s84, 5):
    the row stays the case's, in the order of the case ids, its participants beside it, in the
    wide .csv, the Matrix and Counts sheets and the report's heat map; the long table keeps the
    id, its quotes cited by their speakers."""
    from openpyxl import load_workbook

    from roqa_nlp.report import plots

    m = framework_matrix(_study())
    assert m.cases == ["joint_p31_p32", "P28", "P29", "P30"]
    assert m.case_participants == {"joint_p31_p32": ["P31", "P32"]}
    assert m.row_label("joint_p31_p32") == "joint_p31_p32 (P31, P32)"
    assert m.row_label("P28") == "P28"
    label = "joint_p31_p32 (P31, P32)"
    assert [row[0] for row in m.wide_rows()] == ["participant", label, "P28", "P29", "P30"]
    m.to_xlsx(tmp_path / "matrix.xlsx")
    wb = load_workbook(tmp_path / "matrix.xlsx")
    for sheet in ("Matrix", "Counts"):
        firsts = [row[0] for row in wb[sheet].iter_rows(values_only=True)]
        assert firsts == ["participant", label, "P28", "P29", "P30"]
    quotes = list(wb["Quotes"].iter_rows(values_only=True))
    assert [(q[0], q[10]) for q in quotes[1:3]] == [
        ("joint_p31_p32", "P31"),
        ("joint_p31_p32", "P32"),
    ]
    m.to_csv(tmp_path / "matrix.csv")
    lines = (tmp_path / "matrix.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith('"joint_p31_p32 (P31, P32)",')
    assert f">{label}</text>" in (plots.heatmap_svg(m) or "")
    # rows of transcripts name them too
    by_file = framework_matrix(_study(), cases="transcript")
    assert by_file.wide_rows()[1][0] == label
    assert by_file.wide_rows()[2][0] == "p28_teams"


def test_a_group_of_named_speakers_or_a_numbered_dyad_keeps_its_bare_case() -> None:
    """Only a joint interview whose participants speak under study ids is named by them (as the
    saturation table names it): a focus group's named members and a dyad whose case is an id
    already (P05 of P05a and P05b) keep the case alone."""
    segments = [
        spoken(seg("fg01", 0, "Head office wants beds filled.", ("IS.A", 0.9, "barrier")), "Anna"),
        spoken(seg("fg01", 1, "Money. Staffing.", ("IS.E.2", 0.9, "barrier")), "Ben"),
        spoken(seg("p05_dyad", 0, "Our directors get it.", ("IS.E.1", 0.9, "enabler")), "P05a"),
        spoken(seg("p05_dyad", 1, "It takes so long.", ("IC.F", 0.9, "barrier")), "P05b"),
    ]
    r = CodingResult(
        segments=segments,
        transcripts={"fg01": transcript("fg01", "fg01"), "p05_dyad": transcript("p05_dyad", "P05")},
    )
    m = framework_matrix(r)
    assert m.several_speakers == {"fg01": ["Anna", "Ben"], "P05": ["P05a", "P05b"]}
    assert m.case_participants == {}
    assert [row[0] for row in m.wide_rows()] == ["participant", "fg01", "P05"]


def test_a_joint_interview_out_of_its_participants_order_gets_the_order_note() -> None:
    """Read first, joint_p31_p32 stays first: a group's transcript is not placed by its lowest
    member's id, which says nothing of when it met (hunt5, s78, F2), so the order coded stands;
    the note names both orders, each interview by its lowest id."""
    s = saturation(_study())
    assert s.participants == ["P31, P32", "P28", "P29", "P30"]
    assert not s.by_participant
    assert s.order_note.startswith("saturation takes the interviews in the order they were coded")
    assert "by participant: P31, P28\u2013P30" in s.order_note
    assert "`roqa report --order P28,P29,P30,...`" in s.order_note
    # in order, nothing is said
    r = _study()
    r = CodingResult(
        segments=r.segments,
        transcripts={
            t: r.transcripts[t] for t in ["p28_teams", "p29_otter", "p30_table", "joint_p31_p32"]
        },
    )
    assert saturation(r).order_note == ""
