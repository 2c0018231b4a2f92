"""The framework matrix's rows are cases, and a case may hold several participants' talk (a focus
group, a joint interview): the matrix says which, and its Quotes sheet names who said each
quote. Session 42 tester: the first column is headed 'participant', nothing in the matrix, its
About sheet or the report said that P05 is two managers or fg01 five staff, and the Quotes
sheet had no speaker column, so a focus group's quotes there could not be attributed."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from roqa_nlp.framework import ABOUT, framework_matrix
from roqa_nlp.report import matrix_view
from roqa_nlp.result import CodingResult
from test_framework import seg, spoken, three_interviews, transcript


def _with_group() -> CodingResult:
    r = three_interviews()
    group = [
        spoken(seg("FG1", 0, "Training is thin.", ("IC.F", 0.9, "barrier")), "Anna"),
        spoken(seg("FG1", 1, "It is hard.", ("IC.F", 0.8, "barrier")), "Ben"),
        spoken(seg("FG1", 2, "The rota is a mess.", ("IC.F", 0.7, "barrier")), "Cara"),
        spoken(seg("FG1", 3, "Who wants tea?", ("IC.F", 0.7, "neutral"), role="interviewer"), "I"),
    ]
    transcripts = {**r.transcripts, "FG1": transcript("FG1", "FG1")}
    return CodingResult(segments=[*r.segments, *group], transcripts=transcripts)


def test_the_quotes_sheet_names_each_quotes_speaker() -> None:
    rows = framework_matrix(_with_group(), quotes=3).long_rows()
    assert rows[0][8:12] == ["quote", "transcript", "speaker", "segment_id"]
    fg1 = [(row[9], row[10], row[11]) for row in rows[1:] if row[0] == "FG1"]
    assert fg1 == [("FG1", "Anna", "FG1:0"), ("FG1", "Ben", "FG1:1"), ("FG1", "Cara", "FG1:2")]
    # a one-to-one interview's quote is its participant's, the case
    assert {row[10] for row in rows[1:] if row[0] == "P01"} == {"P01"}


def test_a_case_of_several_participants_is_said_to_be_one(tmp_path: Path) -> None:
    m = framework_matrix(_with_group())
    assert m.several_speakers == {"FG1": ["Anna", "Ben", "Cara"]}
    said = (
        "Each row is a case, not a person: FG1 holds the coded talk of 3 participants "
        "(Anna, Ben, Cara), each quote cited by its speaker"
    )
    assert m.speakers_note == said
    out = tmp_path / "matrix.xlsx"
    m.to_xlsx(out)
    about = [[c.value for c in row] for row in load_workbook(out)["About"].iter_rows()]
    assert about == [[ABOUT], [m.note], [said]]
    assert matrix_view(m, ["IC.F"], {})["speakers_note"] == said
    # no case of several participants: nothing more said
    one = framework_matrix(three_interviews())
    assert one.several_speakers == {}
    assert one.speakers_note == ""


GROUP_NOTE = (
    "FG1 holds the coded talk of 3 participants (Anna, Ben, Cara): saturation counts it as one "
    "interview, as both of its views count interviews, not participants"
)


def test_saturation_says_a_focus_group_is_counted_as_one_interview(tmp_path: Path) -> None:
    """A focus group's transcript is one interview to the saturation count (its codes those of
    one interview, whoever in the group gave them), which nothing said (s49 closing note,
    'focus-group saturation counts a group as one interview unsaid'): its note names the
    interviews of several participants' talk, in the workbook's About sheet and the report."""
    from roqa_nlp.framework import saturation
    from roqa_nlp.report import saturation_view

    s = saturation(_with_group())
    assert s.interviews == ["T1 + T3", "T2", "FG1"]
    assert s.several_speakers == {"FG1": ["Anna", "Ben", "Cara"]}
    assert s.groups_note() == GROUP_NOTE
    assert saturation_view(s)["groups"] == GROUP_NOTE
    assert s.to_dict()["several_speakers"] == {"FG1": ["Anna", "Ben", "Cara"]}
    out = tmp_path / "saturation.xlsx"
    s.to_xlsx(out)
    about = [[c.value for c in row] for row in load_workbook(out)["About"].iter_rows()]
    assert about == [[ABOUT], [s.note], [GROUP_NOTE]]
    # one-to-one interviews only: nothing more said
    one = saturation(three_interviews())
    assert (one.several_speakers, one.groups_note()) == ({}, "")


def test_saturation_names_every_interview_of_several_participants() -> None:
    r = _with_group()
    pair = [
        spoken(seg("J2", 0, "We share the post.", ("IS.C", 0.9, "enabler")), "P05a"),
        spoken(seg("J2", 1, "And the rota.", ("IS.C", 0.8, "enabler")), "P05b"),
    ]
    r = CodingResult(
        segments=[*r.segments, *pair], transcripts={**r.transcripts, "J2": transcript("J2", "J2")}
    )
    from roqa_nlp.framework import saturation

    assert saturation(r).groups_note() == (
        "2 interviews hold the coded talk of several participants (FG1: Anna, Ben, Cara; J2: "
        "P05a, P05b): saturation counts each as one interview, as both of its views count "
        "interviews, not participants"
    )


def test_report_saturation_says_the_group_is_one_interview(tmp_path: Path, capsys) -> None:
    from test_cli_agree import run

    folder = tmp_path / "coded"
    _with_group().save(folder)
    out = tmp_path / "saturation.csv"
    code, said, _ = run(["report", str(folder), "--saturation", str(out)], capsys)
    assert code == 0
    assert f"\n  {GROUP_NOTE}\n" in said
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert f'<p class="muted">{GROUP_NOTE}.</p>' in page


def _two_groups_and_two_cases() -> CodingResult:
    """Focus groups FGN and FGS, each with an Anna and a Ben (four people), and one-to-one
    interviews ward_a and ward_b; P03 speaks in FGN and is interviewed in p03."""
    segments = []
    for t in ("FGN", "FGS"):
        segments += [
            spoken(seg(t, 0, f"Training is thin in {t}.", ("IC.F", 0.9, "barrier")), "Anna"),
            spoken(seg(t, 1, f"The rota in {t} is a mess.", ("IC.F", 0.8, "barrier")), "Ben"),
        ]
    segments.append(spoken(seg("FGN", 2, "Nights are short.", ("IC.F", 0.7, "barrier")), "P03"))
    for t in ("ward_a", "ward_b", "p03"):
        segments.append(spoken(seg(t, 0, f"Training is thin: {t}.", ("IC.F", 0.9, "barrier")), "P"))
    cases = {"FGN": "FGN", "FGS": "FGS", "ward_a": "ward_a", "ward_b": "ward_b", "p03": "P03"}
    return CodingResult(segments, {t: transcript(t, c) for t, c in cases.items()})


def test_table_2_counts_two_groups_speakers_of_one_label_as_two_people() -> None:
    """Session 52 (sat, leftover 4): an Anna and a Ben in each of two focus groups were counted
    as 2 participants, not 4: Table 2 counted people by their label across cases. A label shared
    by the speakers of different transcripts is counted once per transcript and named with it
    (``Anna (FGN)``); a study id (``P03``) is one person wherever they speak."""
    from roqa_nlp.framework import barriers_enablers

    table = barriers_enablers(_two_groups_and_two_cases(), "cfir-2009")
    assert table.rows()[1][5] == (
        "Anna (FGN), Anna (FGS), Ben (FGN), Ben (FGS), P03, ward_a, ward_b"
    )
    row = table.construct("IC.F")
    assert row is not None
    assert row.barriers.participants == [
        "Anna (FGN)",
        "Anna (FGS)",
        "Ben (FGN)",
        "Ben (FGS)",
        "P03",
        "ward_a",
        "ward_b",
    ]
    assert row.barriers.segments == 8
    # two people, each quoted: before, the second Anna was passed over as the first
    assert [q.who for q in row.barriers.quotes] == ["Anna (FGN)", "Anna (FGS)"]
    # the matrix's rows are cases, one per transcript here; a group's speakers as labelled
    m = framework_matrix(_two_groups_and_two_cases())
    assert m.cases == ["FGN", "FGS", "P03", "ward_a", "ward_b"]
    assert m.several_speakers == {"FGN": ["Anna", "Ben", "P03"], "FGS": ["Anna", "Ben"]}


def test_a_groups_members_are_listed_in_natural_order_not_that_of_their_first_quote() -> None:
    """s64 Zoom focus-group tester, 2: the matrix note and the saturation line said "fg02_zoom:
    P09, P10, P12, P13, P11", the order of each member's first charted segment (P11's
    introduction was procedural). They are listed as the code's other lists of people are, P9
    before P10 (:func:`~roqa_nlp.transcripts.natural_key`)."""
    from roqa_nlp.framework import saturation

    r = three_interviews()
    group = [
        spoken(seg("FG2", i, f"Training is thin, {i}.", ("IC.F", 0.9, "barrier")), who)
        for i, who in enumerate(["P10", "P9", "P12", "p11", "P10"])
    ]
    r = CodingResult([*r.segments, *group], {**r.transcripts, "FG2": transcript("FG2", "FG2")})
    assert framework_matrix(r).several_speakers == {"FG2": ["P9", "P10", "p11", "P12"]}
    assert saturation(r).several_speakers == {"FG2": ["P9", "P10", "p11", "P12"]}
    assert "FG2 holds the coded talk of 4 participants (P9, P10, p11, P12)" in (
        framework_matrix(r).speakers_note
    )
