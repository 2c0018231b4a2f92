"""Saturation's default order (study8 tester, session 78, L5): a study whose files are named
``zoom_p01`` ... ``zoom_p04`` and ``p05_interview`` ... ``p13_interview`` was read, and judged,
P05-P13 then P01-P04, and saturation was "not reached" (P03, interview 12, added codes) where
the participants' order reaches it at 13. With no order given, when every interview's id is a
participant number (numbered alike: ``P01``, ``P1``, ``Participant 3``), saturation takes the
interviews in their participants' order and says which order it used and how to give another;
the report's transcripts follow the same order, as the framework matrix's rows and Table 2's
participant lists do. Otherwise the order they were coded in stands."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.framework import (
    barriers_enablers,
    framework_matrix,
    participant_ordered,
    saturation,
    study_order,
)
from roqa_nlp.report import ordered_transcripts
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_agree import run

#: the codes each participant's interview charts: P01-P08 each bring new ones, P09-P13 none
CODES = {
    1: ["IS.E.2", "IC.F"],
    2: ["IS.E.1", "OS.D"],
    3: ["IS.C", "PR.A"],
    4: ["OS.A"],
    5: ["IC.D"],
    6: ["CI.B"],
    7: ["IC.H"],
    8: ["IS.D.2"],
    **{n: ["IS.E.2"] for n in range(9, 14)},
}
#: the files as the tester named them, in the order a folder's files are read (by name)
FILES = [f"p{n:02d}_interview" for n in range(5, 14)] + [f"zoom_p{n:02d}" for n in range(1, 5)]


def study(files: list[str] = FILES, label: str = "P{:02d}") -> CodingResult:
    """One barrier passage per code of each participant, the transcripts held in ``files``'
    order, each participant's id ``label`` of their number (the number in the file name)."""
    transcripts, segments = {}, []
    for tid in files:
        n = int(tid.split("_")[0 if tid.startswith("p") else 1].lstrip("pz"))
        who = label.format(n)
        text = f"{who}: We never have the staff."
        transcripts[tid] = Transcript(
            id=tid, text=text, turns=[Turn(who, "participant", 0, len(text))], participant=who
        )
        for k, code in enumerate(CODES[n]):
            segments.append(
                SegmentResult(
                    Segment(f"{tid}:{k:04d}", tid, who, "participant", 0, len(text), text),
                    [Suggestion(code, code, code.split(".")[0], 0.95, "barrier")],
                )
            )
    return CodingResult(segments, transcripts, {"codebook": "cfir-2009"})


IN_ORDER = [f"zoom_p{n:02d}" for n in range(1, 5)] + [f"p{n:02d}_interview" for n in range(5, 14)]


def test_saturation_takes_participant_numbered_interviews_in_their_participants_order() -> None:
    s = saturation(study())
    assert s.interviews == IN_ORDER
    assert s.participants == [f"P{n:02d}" for n in range(1, 14)]
    assert s.new_counts == [2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    assert s.francis.at == 13
    assert s.by_participant and not s.order_given
    assert s.options()[2] == "participant"
    assert s.order_note == (
        "saturation takes the interviews in participant order (P01\u2013P13), as every "
        "interview's id is a participant number, not in the order they were coded (a folder's "
        "files by name, files named one by one in the order named; here by participant: "
        "P05\u2013P13, P01\u2013P04); if they were done in another order, give it as participant "
        "or transcript ids: `roqa report --order P01,P02,P03,...` (or a file with one per line), "
        'or `order=["P01", "P02", "P03", ...]` in Python (saturation, ReportOptions)'
    )


def test_an_order_given_still_stands() -> None:
    s = saturation(study(), order=[f"P{n:02d}" for n in [*range(5, 14), *range(1, 5)]])
    assert s.interviews == FILES
    assert s.francis.at is None
    assert (s.order_note, s.by_participant, s.options()[2]) == ("", False, "given")


def test_ids_written_without_zeros_or_as_participant_n_are_numbers_too() -> None:
    assert saturation(study(label="P{}")).participants[:3] == ["P1", "P2", "P3"]
    assert participant_ordered(["Participant 10", "Participant 2", "Participant 1"]) == [2, 1, 0]


@pytest.mark.parametrize(
    "ids",
    [
        ["P02", "P01", "focus_group"],  # one case not numbered
        ["P02", "S01"],  # two prefixes
        ["P02", "P2"],  # one number twice
        ["P01"],  # one interview
    ],
)
def test_ids_not_all_numbered_alike_keep_the_order_coded(ids: list[str]) -> None:
    assert participant_ordered(ids) is None


def test_interviews_in_their_participants_order_already_get_no_note() -> None:
    s = saturation(study(IN_ORDER))
    assert s.interviews == IN_ORDER
    assert (s.order_note, s.by_participant, s.options()[2]) == ("", False, "as coded")


def test_the_report_the_matrix_and_table_2_list_the_participants_in_one_order() -> None:
    r = study()
    assert study_order(r) == IN_ORDER
    assert list(ordered_transcripts(r)) == IN_ORDER
    assert framework_matrix(r).cases == [f"P{n:02d}" for n in range(1, 14)]
    row = next(
        c for d in barriers_enablers(r).domains for c in d.constructs if c.code_id == "IS.E.2"
    )
    assert row.barriers.participants == ["P01", *[f"P{n:02d}" for n in range(9, 14)]]


def test_roqa_report_judges_and_shows_them_in_participant_order(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "coded"
    study().save(folder)
    page, s = tmp_path / "r.html", tmp_path / "s.csv"
    code, out, err = run(["report", str(folder), "--out", str(page), "--saturation", str(s)], capsys)  # fmt: skip
    assert code == 0, err
    assert "Saturation reached at interview 13 (P13, p13_interview)" in out
    rows = list(csv.DictReader(s.read_text("utf-8-sig").splitlines()))
    assert [r["interview"] for r in rows] == IN_ORDER
    assert {r["interview_order"] for r in rows} == {"participant"}
    html = page.read_text("utf-8")
    assert "Interviews in their participants' order, as every interview's id is a" in html
    places = [html.index(f'data-label="{t} (P{n:02d})"') for n, t in enumerate(IN_ORDER, 1)]
    assert places == sorted(places)


# The rule stands down (hunt5, s78, F1-F4): the order coded stands, saturation and the report
# alike, where participant numbers need not be the order the interviews were done in.


def numbered(files: dict[str, int], meta: dict[str, object] | None = None) -> CodingResult:
    """:func:`study`'s interviews under other file names: each file (in the order given) with
    its participant's number."""
    transcripts, segments = {}, []
    for tid, n in files.items():
        who = f"P{n:02d}"
        text = f"{who}: We never have the staff."
        transcripts[tid] = Transcript(
            id=tid, text=text, turns=[Turn(who, "participant", 0, len(text))], participant=who
        )
        for k, code in enumerate(CODES[n]):
            segments.append(
                SegmentResult(
                    Segment(f"{tid}:{k:04d}", tid, who, "participant", 0, len(text), text),
                    [Suggestion(code, code, code.split(".")[0], 0.95, "barrier")],
                )
            )
    return CodingResult(segments, transcripts, {"codebook": "cfir-2009", **(meta or {})})


def stays_as_coded(r: CodingResult, coded: list[str], **options: object) -> None:
    s = saturation(r, **options)  # type: ignore[arg-type]
    assert s.interviews == coded
    assert (s.by_participant, s.options()[2]) == (False, "as coded")
    assert study_order(r) == list(ordered_transcripts(r)) == coded


def test_a_reviews_unnumbered_transcript_not_reached_keeps_both_in_the_order_coded() -> None:
    """F4: a review's study_interviews holding ``focus_group``, not reached yet, keeps the
    order coded, and the report's transcripts follow saturation's order, one function."""
    meta = {
        "study_interviews": [*FILES, "focus_group"],
        "transcripts_not_reviewed": ["focus_group"],
        "participants_not_reviewed": ["focus_group"],
    }
    r = numbered({f: int(f.split("_")[-1 if f.startswith("z") else 0][1:]) for f in FILES}, meta)
    stays_as_coded(r, FILES)


def test_the_order_note_names_an_interview_not_reviewed_yet_at_its_place() -> None:
    """daily27 (s90), D5: with P13 not reviewed yet, the note said "participant order
    (P01\u2013P12)" above a table whose row 13 is P13, not reviewed: it names the interviews
    the table numbers, P13 at its place, and the order coded as the review found them."""
    meta = {
        "study_interviews": FILES,
        "transcripts_not_reviewed": ["p13_interview"],
        "participants_not_reviewed": ["P13"],
    }
    files = {f: int(f.split("_")[-1 if f.startswith("z") else 0][1:]) for f in FILES}
    r = numbered({f: n for f, n in files.items() if n != 13}, meta)
    s = saturation(r)
    assert (s.participants[-1], s.by_participant, s.not_reviewed) == (
        "P12",
        True,
        [("p13_interview", "P13", 13)],
    )
    assert s.order_note.startswith(
        "saturation takes the interviews in participant order (P01\u2013P13), as every "
        "interview's id is a participant number, not in the order they were coded (a folder's "
        "files by name, files named one by one in the order named; here by participant: "
        "P05\u2013P13, P01\u2013P04); "
    )


def test_file_names_holding_dates_keep_the_date_order() -> None:
    """F1: ``2024-03-01_P05`` ... sort by date; P-numbers given at recruitment are not the
    order the interviews were done in, and P01-P04, interviewed last, still add codes."""
    days = {5: "03-01", 6: "03-03", 7: "03-05", 8: "03-07", 9: "03-09", 10: "03-11"}
    days |= {11: "03-13", 12: "03-15", 13: "03-17", 1: "04-02", 2: "04-04", 3: "04-06"}
    days |= {4: "04-08"}
    files = {f"2024-{d}_P{n:02d}": n for n, d in days.items()}
    r = numbered(files)
    stays_as_coded(r, list(files))
    s = saturation(r)
    assert s.francis.at is None
    assert s.new_counts == [1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 2, 2, 1]
    # the same names without their dates are taken in participant order
    assert saturation(numbered({f"P{n:02d}": n for n in days})).by_participant


def test_a_focus_group_whose_members_carry_study_ids_keeps_the_order_coded() -> None:
    """F2: a focus group (P14, P15, P16 keyed after the highest id taken) is not placed by its
    lowest member's id: the order it was coded in stands, as one id not a participant number
    keeps it."""
    r = numbered({f"zoom_p{n:02d}": n for n in range(1, 5)} | {f"p{n:02d}": n for n in [5, 6]})
    text = "P14: We never have the staff. P15: Nor do we. P16: Same here."
    turns = [Turn("P14", "participant", 0, 29), Turn("P15", "participant", 30, 41)]
    turns.append(Turn("P16", "participant", 42, len(text)))
    group = Transcript(id="focus_group", text=text, turns=turns)
    said = [
        SegmentResult(
            Segment(
                f"focus_group:{k:04d}",
                "focus_group",
                t.speaker,
                "participant",
                t.start,
                t.end,
                text[t.start : t.end],
            ),  # fmt: skip
            [Suggestion("IC.H", "IC.H", "IC", 0.95, "barrier")],
        )
        for k, t in enumerate(turns)
    ]
    r = CodingResult(
        [*said, *r.segments], {"focus_group": group, **r.transcripts}, {"codebook": "cfir-2009"}
    )
    coded = ["focus_group", "zoom_p01", "zoom_p02", "zoom_p03", "zoom_p04", "p05", "p06"]
    stays_as_coded(r, coded)


def test_interview_waves_counted_each_as_a_case_keep_the_order_coded() -> None:
    """F3: with ``cases="transcript"``, T2_P01 (months later) is not judged second: a
    participant with two transcripts makes the rule stand down."""
    files = {f"T{w}_P{n:02d}": n for w in (1, 2) for n in range(1, 7)}
    r = numbered(files)
    stays_as_coded(r, list(files), cases="transcript")


# The report's open-coding queue and its "Coded, but weakly" list follow the same order (s79):
# they were in the order coded, P05-P13 then P01-P04, beside a matrix and transcripts from P01.


def with_talk_to_read(files: list[str] = FILES) -> CodingResult:
    """:func:`study` with, in each transcript, a passage that fits no code (``:0100``), one
    set aside as small talk (``:0101``) and one coded weakly (``:0102``, 0.30); P01's
    transcript holds two of each kind, in segment order."""
    r = study(files)
    for tid in files:
        text = r.transcripts[tid].text
        who = r.transcripts[tid].participant
        weak = Suggestion("IC.A", "IC.A", "IC", 0.30, "barrier")
        for k in (0, 10) if tid == "zoom_p01" else (0,):
            seg = [
                Segment(f"{tid}:{n + k:04d}", tid, who, "participant", 0, len(text), text)
                for n in (100, 101, 102)
            ]
            r.segments += [
                SegmentResult(seg[0], [], novel=True),
                SegmentResult(seg[1], [], novel=True, off_topic=True),
                SegmentResult(seg[2], [weak]),
            ]
    return r


def listed(html: str, heading: str) -> list[str]:
    """The segment ids of the open-coding section's list under ``heading``, in order."""
    import re

    part = html[html.index('<section id="open-coding">') : html.index('<section id="model-card">')]
    block = part[part.index(heading) :]
    block = block[: block.index("</ul>")]
    return re.findall(r'<a href="#s\d+">([^<]+)</a>', block)


def in_participant_order(n: int) -> list[str]:
    """The ids ``:0NNN`` of :func:`with_talk_to_read`'s kind ``n``, P01's two first."""
    return [f"zoom_p01:{n:04d}", f"zoom_p01:{n + 10:04d}"] + [f"{t}:{n:04d}" for t in IN_ORDER[1:]]


def test_the_reports_queue_and_weak_list_follow_the_participants_order() -> None:
    from roqa_nlp.report import render_report

    r = with_talk_to_read()
    group = {
        "id": "candidate-001",
        "label": "rota worries",
        "keywords": ["rota"],
        "segment_ids": ["p06_interview:0100", "p05_interview:0100", "zoom_p02:0100"],
        "size": 3,
    }
    set_aside = {
        **group,
        "id": "set-aside-001",
        "label": "weather",
        "segment_ids": ["p07_interview:0101", "zoom_p03:0101"],
        "size": 2,
        "set_aside": True,
    }
    html = render_report(r, "cfir-2009", open_coding=[group, set_aside])
    assert listed(html, "<h3>rota worries") == ["zoom_p02:0100", "p05_interview:0100", "p06_interview:0100"]  # fmt: skip
    grouped = {"zoom_p02:0100", "p05_interview:0100", "p06_interview:0100"}
    assert listed(html, "<h3>Not grouped") == [
        i for i in in_participant_order(100) if i not in grouped
    ]
    assert listed(html, "<h3>Coded, but weakly") == in_participant_order(102)
    assert listed(html, "<h3>weather") == ["zoom_p03:0101", "p07_interview:0101"]
    assert listed(html, "that fit no code and are not offered") == [
        i for i in in_participant_order(101) if i not in {"zoom_p03:0101", "p07_interview:0101"}
    ]


def test_coded_in_no_participants_order_the_queue_keeps_the_order_coded() -> None:
    """Files whose ids are no participant numbers keep the order coded, as the transcripts do."""
    import dataclasses

    from roqa_nlp.report import render_report

    r = with_talk_to_read()
    r.transcripts["zoom_p01"] = dataclasses.replace(r.transcripts["zoom_p01"], participant="FG")
    assert study_order(r) == FILES
    html = render_report(r, "cfir-2009")
    assert listed(html, "<h3>Coded, but weakly") == [
        f"{t}:{n:04d}" for t in FILES for n in ((102, 112) if t == "zoom_p01" else (102,))
    ]


def test_with_an_order_given_the_queue_weak_list_and_transcripts_follow_it() -> None:
    """An interview order given (``--order``) is the one the report's transcripts, its
    open-coding queue and its weakly coded list follow, as saturation does: they kept the
    participants' order, so docs/report.md's "as in saturation" was untrue with ``--order``
    (s79 hunt1 F). Transcripts the order leaves out come after, in the study's order."""
    import re

    from roqa_nlp.report import ReportOptions, render_report

    def shown(html: str) -> list[str]:
        return re.findall(
            r'<details class="transcript" id="t-\w+" open>\s*<summary><h3>(\S+)', html
        )

    r = with_talk_to_read()
    files = ["p07_interview", "zoom_p02", "p05_interview", "zoom_p01"]
    files += [t for t in reversed(IN_ORDER) if t not in files]
    html = render_report(r, "cfir-2009", options=ReportOptions(order=tuple(files)))
    weak = [f"{t}:{n}" for t in files for n in (("0102", "0112") if t == "zoom_p01" else ("0102",))]
    assert listed(html, "<h3>Coded, but weakly") == weak
    assert shown(html) == files
    # P07, zoom_p02, P05, zoom_p01 given: the 9 others after them, in the participants' order
    given = ("P07", "zoom_p02", "p05_interview", "zoom_p01")
    with pytest.warns(RoqaWarning, match="the interview order leaves out 9 of the 13"):
        html = render_report(r, "cfir-2009", options=ReportOptions(order=given))
    assert shown(html) == files[:4] + [t for t in IN_ORDER if t not in files[:4]]
