"""A saved review carried into a report: decisions matched to the segments by their text
(``match_decisions``), embedded in the page (``write_report(..., decisions=...)``), and
``roqa report --decisions`` / the decisions.csv found beside the codings."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from report_fixture import INTERVIEWS, OPEN_CODING, build_result
from roqa_nlp.decisions import Decision, match_decisions, read_decisions
from roqa_nlp.report import render_report, write_report
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult
from test_cli_agree import run

P01_0001 = "Our support workers have not been trained to understand what recovery means."
P02_0000 = "The social worker said there was only funding for one-to-one support."
P03_0002 = "The pandemic meant half the team was isolating at once."
GONE = "We used to have a recovery college but it closed in the spring."

#: a review saved from the report of P01-P03: decisions with their texts, one without, two on
#: talk that is in no transcript now
REVIEW = [
    Decision("p01_interview:0001", "accept", "IS.E.3", text=P01_0001),
    Decision("p01_interview:0001", "reject", "CI.A", text=P01_0001),
    Decision("p02_interview:0000", "reject", "IC.H", note="only 1:1 funded", text=P02_0000),
    Decision("p03_interview:0002", "new-code", new_code="COVID-19 disruption", text=P03_0002),
    Decision("p02_interview:0001", "recode", "OS.D"),  # no text: matched by its id
    Decision("p01_interview:0007", "accept", "IS.C", text=GONE),
    Decision("p09_interview:0001", "reject", "IC.H"),  # no text, and no such segment
]

CSV = (
    "segment_id,decision,code_id,new_code,note,text\n"
    f"p01_interview:0001,accept,IS.E.3,,,{P01_0001}\n"
    f'p02_interview:0000,reject,IC.H,,"</script><script>alert(1)</script>","{P02_0000}"\n'
    f"p01_interview:0007,accept,IS.C,,,{GONE}\n"
)


def rerun() -> CodingResult:
    """P01-P03 coded again with P04 added, and P01 now opening with a sentence it did not
    have: every P01 segment id after it moved by one."""
    interviews = copy.deepcopy(INTERVIEWS)
    _, turns = interviews["p01_interview"]
    turns[3][1].insert(0, ("Where do I start?", [("IS.C", 0.3, "neutral")], {}))
    interviews["p04_interview"] = (
        "P04",
        [("P04", [("We have a peer worker now and it shows.", [("IS.E.2", 0.7, "enabler")], {})])],
    )
    return build_result(interviews)


def embedded(html: str) -> list[list[str]]:
    (data,) = re.findall(
        r'<script type="application/json" id="roqa-decisions">(.*?)</script>', html, re.S
    )
    return json.loads(data)


# -- matching -------------------------------------------------------------------------------------


def test_decisions_follow_their_text_to_moved_segment_ids() -> None:
    result = rerun()
    assert result.segments[2].segment.text == P01_0001  # was p01_interview:0001
    m = match_decisions(REVIEW, result)
    assert [(d.decision, d.code_id or d.new_code, sid) for d, sid in m.matched] == [
        ("accept", "IS.E.3", "p01_interview:0002"),
        ("reject", "CI.A", "p01_interview:0002"),
        ("reject", "IC.H", "p02_interview:0000"),
        ("new-code", "COVID-19 disruption", "p03_interview:0002"),
        ("recode", "OS.D", "p02_interview:0001"),
    ]
    assert m.unmatched == (REVIEW[5], REVIEW[6])


def test_the_same_report_keeps_every_decision_on_its_own_segment() -> None:
    m = match_decisions(REVIEW, build_result())
    assert [sid for _, sid in m.matched] == [d.segment_id for d in REVIEW[:5]]
    assert len(m.unmatched) == 2


def test_a_decision_whose_text_changed_does_not_stick_to_its_old_id() -> None:
    moved = Decision("p01_interview:0002", "accept", "IC.H", text="Words nobody said.")
    assert match_decisions([moved], build_result()).unmatched == (moved,)


def test_repeated_text_is_told_apart_in_its_own_transcript_or_left_undecided() -> None:
    """Three decisions on "Yes." of b, which b says twice now: the one whose id still says it
    (nothing says b's ids moved) keeps it; which of the two the other two were is not known, so
    they are left undecided, not put on b's other "Yes." and its first again (blind tester s52:
    such a guess swapped two answers' decisions)."""

    def seg(sid: str, text: str) -> SegmentResult:
        tid = sid.split(":")[0]
        return SegmentResult(Segment(sid, tid, "P", "participant", 0, len(text), text))

    result = CodingResult(
        segments=[seg("a:0001", "Yes."), seg("b:0001", "Yes."), seg("b:0002", "Yes.")]
    )
    review = [
        Decision("b:0002", "reject", "IC.H", text="Yes."),  # kept its id
        Decision("b:0007", "accept", "IS.C", text="Yes."),  # moved: to which "Yes." of b?
        Decision("b:0009", "accept", "IS.C", text="  Yes.\n"),  # spacing aside: as unknown
        # c not coded, no words of its own to say where it went: a's "Yes." is not c's
        Decision("c:0001", "accept", "IS.C", text="Yes."),
    ]
    m = match_decisions(review, result)
    assert m.on == ("b:0002", None, None, None)
    assert m.untold == ((), ("b:0001", "b:0002"), ("b:0001", "b:0002"), ())


def test_summary_counts_and_names_the_unmatched_by_segment_id_not_their_words() -> None:
    """The rows carried say what they are: decisions on how many segments, by decision (it said
    "decisions: 13 and 1 note" for 13 rows on 11 segments, one a valence)."""
    m = match_decisions(REVIEW, rerun())
    assert m.summary("coded/decisions.csv") == (
        "decisions: 5 on 4 segments (1 accept, 2 reject, 1 recode, 1 new-code) carried into "
        "the report from coded/decisions.csv; 2 match no segment: "
        "p01_interview:0007, p09_interview:0001"
    )
    many = [Decision(f"x:{i}", "reject", "IC.H", text=f"Gone sentence {i}") for i in range(5)]
    assert match_decisions(many, rerun()).summary() == (
        "decisions: 0 carried into the report; 5 match no segment: x:0, x:1, x:2 and 2 more"
    )
    one = match_decisions(REVIEW[5:6], rerun()).summary()
    assert one.endswith("; 1 matches no segment: p01_interview:0007")
    # a note on its own is counted apart, as the browser counts it (it said "16 carried" for
    # 15 decisions and a note)
    noted = [REVIEW[0], Decision(REVIEW[0].segment_id, "note", note="ask", text=REVIEW[0].text)]
    assert match_decisions(noted, rerun()).summary() == (
        "decisions: 1 on 1 segment (1 accept) and 1 note carried into the report"
    )


# -- embedding ------------------------------------------------------------------------------------


def test_report_embeds_the_matched_decisions_as_its_starting_review() -> None:
    html = render_report(rerun(), "cfir-2009", decisions=REVIEW)
    assert embedded(html) == [
        ["p01_interview:0002", "accept", "IS.E.3", "", ""],
        ["p01_interview:0002", "reject", "CI.A", "", ""],
        ["p02_interview:0000", "reject", "IC.H", "", "only 1:1 funded"],
        ["p03_interview:0002", "new-code", "", "COVID-19 disruption", ""],
        ["p02_interview:0001", "recode", "OS.D", "", ""],
    ]


def test_report_embeds_a_note_row_on_the_segment_its_text_moved_to() -> None:
    """A note kept without a decision (audit G) comes back with the review, on its words."""
    note = Decision("p01_interview:0001", "note", note="ask again", text=P01_0001)
    html = render_report(rerun(), "cfir-2009", decisions=[note])
    assert embedded(html) == [["p01_interview:0002", "note", "", "", "ask again"]]


def test_report_without_decisions_embeds_an_empty_review() -> None:
    assert embedded(render_report(build_result(), "cfir-2009")) == []


def test_report_reads_a_decisions_file_and_keeps_its_script_tags_inert(tmp_path: Path) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(CSV, encoding="utf-8")
    out = write_report(rerun(), tmp_path / "report.html", "cfir-2009", decisions=path)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    assert embedded(html) == [
        ["p01_interview:0002", "accept", "IS.E.3", "", ""],
        ["p02_interview:0000", "reject", "IC.H", "", "</script><script>alert(1)</script>"],
    ]
    assert embedded(html) == embedded(
        render_report(rerun(), "cfir-2009", decisions=read_decisions(path)[0])
    )


# -- roqa report ----------------------------------------------------------------------------------


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """The folder `roqa code` wrote for P01-P04 (P01's ids moved), with no report yet."""
    folder = tmp_path / "coded"
    rerun().save(folder)
    return folder


def test_roqa_report_carries_the_decisions_given(coded: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "review.csv"
    path.write_text(CSV, encoding="utf-8")
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"decisions: 2 on 2 segments (1 accept, 1 reject) carried into the report from {path}; "
        "1 matches no segment: "
        "p01_interview:0007 (row 4)",
        f"report: {coded / 'report.html'}",
    ]
    assert len(embedded((coded / "report.html").read_text(encoding="utf-8"))) == 2


def test_roqa_report_shows_a_cfir2_review_on_the_codings_own_codes(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """A review saved from the report charted in CFIR 2.0, given to the report of the model's
    CFIR 2009 codes: each decision is shown as the one it is on those codes (it was carried
    unchanged, on no control, and saved back with its CFIR 2.0 codes)."""
    path = tmp_path / "review22.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,INS.K,,,{P01_0001}\n"  # shown for Access to Knowledge
        f"p02_interview:0000,reject,OUT.F,,,{P02_0000}\n"  # Financing, shown for External Policy
        f"p03_interview:0002,recode,OUT.A,,,{P03_0002}\n",  # Critical Incidents
        encoding="utf-8",
    )
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert code == 0
    assert err == (
        f"roqa: warning: {path}: 3 decisions on cfir-2022 codes read as decisions on the "
        "model's cfir-2009 codes through the documented mapping: 2 on the cfir-2009 suggestion "
        "their code was shown for, 1 as new codes named as their cfir-2022 code (Critical "
        "Incidents)\n"
    )
    assert out.splitlines()[0] == (
        "decisions: 3 on 3 segments (1 accept, 1 reject, 1 new-code) carried into the report "
        f"from {path}"
    )
    assert embedded((coded / "report.html").read_text(encoding="utf-8")) == [
        ["p01_interview:0002", "accept", "IS.E.3", "", ""],
        ["p02_interview:0000", "reject", "OS.D", "", ""],
        ["p03_interview:0002", "new-code", "", "Critical Incidents", ""],
    ]


def test_roqa_report_uses_the_decisions_csv_beside_the_codings(coded: Path, capsys) -> None:
    (coded / "decisions.csv").write_text(CSV, encoding="utf-8")
    code, out, err = run(["report", str(coded / "codings.jsonl")], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "decisions: 2 on 2 segments (1 accept, 1 reject) carried into the report from "
        f"{coded / 'decisions.csv'} (found beside the codings); 1 matches no segment: "
        "p01_interview:0007 (row 4)"
    )
    assert len(embedded((coded / "report.html").read_text(encoding="utf-8"))) == 2


def test_roqa_report_without_decisions_says_nothing_of_them(coded: Path, capsys) -> None:
    code, out, _ = run(["report", str(coded)], capsys)
    assert code == 0 and "decisions" not in out
    assert embedded((coded / "report.html").read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("name", "both"),
    [
        ("decisions (1).csv", "decisions (1).csv and decisions (2).xlsx"),
        ("decisions(2).csv", "decisions (2).xlsx and decisions(2).csv"),
        ("decisions - Copy.csv", "decisions (2).xlsx and decisions - Copy.csv"),
        ("Decisions.csv", "decisions (2).xlsx and Decisions.csv"),
    ],
)
def test_a_review_named_nearly_decisions_csv_is_named_not_read(
    coded: Path, name: str, both: str, capsys
) -> None:
    """A browser's second download moved in beside the codings under its own name was ignored
    in silence (docs tester s76 #3): it is named, with what to do, and not read as the
    review."""
    (coded / name).write_text(CSV, encoding="utf-8")
    (coded / "decisions-notes.txt").write_text("not a review\n", encoding="utf-8")
    code, out, err = run(["report", str(coded)], capsys)
    assert code == 0 and "decisions" not in out
    assert err == (
        f"roqa: warning: {coded}: {name} is beside the codings, but only decisions.csv or "
        "decisions.xlsx is read as the review: rename the review to decisions.csv, or give it "
        "with --decisions\n"
    )
    assert embedded((coded / "report.html").read_text(encoding="utf-8")) == []
    (coded / "decisions (2).xlsx").write_bytes(b"")
    assert run(["report", str(coded)], capsys)[2] == (
        f"roqa: warning: {coded}: {both} are beside the codings, but only "
        "decisions.csv or decisions.xlsx is read as the review: rename the review to "
        "decisions.csv (a workbook decisions.xlsx), or give it with --decisions\n"
    )
    (coded / "decisions.csv").write_text(CSV, encoding="utf-8")  # renamed: read, no warning
    code, out, err = run(["report", str(coded)], capsys)
    assert (code, err) == (0, "") and out.startswith("decisions: 2 on 2 segments")


def test_a_newer_download_beside_the_review_is_named_the_review_still_read(
    coded: Path, capsys
) -> None:
    """decisions.csv beside the codings, and a later download ``decisions (1).csv`` moved in
    beside it: the older decisions.csv was read with no word of the newer one (docs fixer s76,
    leftover 2). It is still read, and one warning names the newer file and what to do."""
    review = coded / "decisions.csv"
    review.write_text(CSV, encoding="utf-8")
    later = coded / "decisions (1).csv"
    later.write_text(CSV.replace("accept", "reject"), encoding="utf-8")
    os.utime(review, ns=(10**18, 10**18))
    os.utime(later, ns=(10**18 + 10**9, 10**18 + 10**9))
    code, out, err = run(["report", str(coded)], capsys)
    assert code == 0
    assert err == (
        f"roqa: warning: {coded}: decisions (1).csv beside the codings is newer than "
        "decisions.csv, which is read as the review: to read decisions (1).csv instead, rename "
        "it to decisions.csv (replacing the older), or give it with --decisions\n"
    )
    assert out.startswith(
        "decisions: 2 on 2 segments (1 accept, 1 reject) carried into the report from "
        f"{review} (found beside the codings)"
    )
    (coded / "decisions (2).xlsx").write_bytes(b"x")
    os.utime(coded / "decisions (2).xlsx", ns=(10**18 + 10**9, 10**18 + 10**9))
    assert run(["report", str(coded)], capsys)[2] == (
        f"roqa: warning: {coded}: decisions (1).csv and decisions (2).xlsx beside the codings "
        "are newer than decisions.csv, which is read as the review: to read one of them "
        "instead, rename it to decisions.csv (a workbook decisions.xlsx), or give it with "
        "--decisions\n"
    )
    # older, as new, or empty (a failed download): nothing said
    (coded / "decisions (2).xlsx").unlink()
    for when in (10**18 - 10**9, 10**18):
        os.utime(later, ns=(when, when))
        assert run(["report", str(coded)], capsys)[2] == ""
    later.write_bytes(b"")
    os.utime(later, ns=(10**18 + 10**9, 10**18 + 10**9))
    assert run(["report", str(coded)], capsys)[2] == ""


def test_a_decisions_csv_saved_before_any_decision_is_no_error(coded: Path, capsys) -> None:
    (coded / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n", encoding="utf-8"
    )
    code, out, _ = run(["report", str(coded)], capsys)
    assert code == 0
    assert out.startswith("decisions: 0 carried into the report from ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("segment_id,decision,code_id\nx,maybe,IC.H\n", "row 2: unknown decision 'maybe'"),
        ("who,what\na,b\n", "decisions file has no segment_id column"),
        (None, "file not found"),
    ],
)
def test_a_bad_decisions_file_is_a_one_line_error(
    coded: Path, tmp_path: Path, capsys, text: str | None, message: str
) -> None:
    path = tmp_path / "bad.csv"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert code == 2
    assert err.startswith(f"roqa: error: {path}: {message}")
    assert err.count("\n") == 1
    assert not (coded / "report.html").exists()


def test_a_recode_to_a_misspelt_code_is_carried_with_a_warning_and_apply_decisions_refuses_it(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """Before session 39, the report carried it without a word ("1 recode carried", "Also
    decided: recode Leadership Engagment" on the page, saved back so) and only apply-decisions
    refused it; session 39 refused it in the report too, but only a code with a look-alike was
    refused (a split code TRAIN near TRAINF) and others were carried silently (tester, session
    46). Now the report carries every decision and one warning names the codes the codebook
    lacks, with the code nearest; apply-decisions still refuses it."""
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0002,accept,IS.E.3,,,{P01_0001}\n"
        f"p02_interview:0000,recode,Leadership Engagment,,,{P02_0000}\n",
        encoding="utf-8",
    )
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert (code, err) == (
        0,
        f"roqa: warning: {path}: 1 decision on 1 code that codebook 'cfir-2009' lacks, carried "
        "as they came (shown as \"Also decided\"): 'Leadership Engagment' (row 3; near "
        "'Leadership Engagement'); recode them in the page (or in the file) to codes of "
        "'cfir-2009', or chart the report in the codebook they were made in (--codebook)\n",
    )
    assert "(1 accept, 1 recode) carried into the report" in out
    assert [r[2] for r in embedded((coded / "report.html").read_text(encoding="utf-8"))] == [
        "IS.E.3",
        "Leadership Engagment",
    ]
    said = (
        f"roqa: error: {path}: row 3: unknown code 'Leadership Engagment' in codebook "
        "'cfir-2009' (did you mean 'Leadership Engagement'? `roqa codebook cfir-2009` lists the "
        "codes)\n"
    )
    code, _, err = run(
        [
            "apply-decisions",
            str(coded),
            "--decisions",
            str(path),
            "--out",
            str(tmp_path / "reviewed"),
            "--coder",
            "Alice",
        ],
        capsys,
    )
    assert (code, err) == (2, said)


def test_a_new_code_and_the_recodes_to_it_are_carried_whatever_codes_it_is_near(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """A new-code row names a code the codebook lacks on purpose, and a recode may name it
    too; a code of another built-in codebook is read through its mapping, as before."""
    path = tmp_path / "decisions.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0002,new-code,,Leadership Engagment,,{P01_0001}\n"
        f"p02_interview:0000,recode,leadership engagment,,,{P02_0000}\n"
        f"p03_interview:0002,recode,OUT.A,,,{P03_0002}\n",
        encoding="utf-8",
    )
    code, out, _ = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert code == 0
    assert out.splitlines()[0] == (
        f"decisions: 3 on 3 segments (1 recode, 2 new-code) carried into the report from {path}"
    )


@pytest.mark.parametrize("inside", [True, False])
def test_a_folder_given_as_the_decisions_names_the_file_to_give(
    coded: Path, tmp_path: Path, capsys, inside: bool
) -> None:
    """Before, "Downloads: file not found" (tester, session 39)."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    if inside:
        (folder / "decisions.csv").write_text(CSV, encoding="utf-8")
    code, out, err = run(["report", str(coded), "--decisions", str(folder)], capsys)
    hint = (
        f"give the decisions file in it: {folder / 'decisions.csv'}"
        if inside
        else "give the decisions file saved from report.html, not its folder"
    )
    assert (code, out, err) == (
        2,
        "",
        f"roqa: error: {folder}: is a folder, not a decisions file ({hint})\n",
    )


def test_roqa_report_matches_decisions_to_the_fixture_report(tmp_path: Path) -> None:
    """The open-coding fixture report keeps embedding every decision of its own review."""
    out = write_report(
        build_result(), tmp_path / "r.html", "cfir-2009", open_coding=OPEN_CODING, decisions=REVIEW
    )
    rows = embedded(out.read_text(encoding="utf-8"))
    assert [r[0] for r in rows] == [d.segment_id for d in REVIEW[:5]]


# -- roqa code ------------------------------------------------------------------------------------


def test_roqa_code_reads_the_decisions_before_coding(tmp_path: Path, capsys) -> None:
    """A bad decisions file fails at once, before a model is loaded or anything is written."""
    interviews = tmp_path / "interviews"
    interviews.mkdir()
    (interviews / "p01.txt").write_text("Interviewer: Hi?\nP01: Hello.\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("segment_id,decision\nx,maybe\n", encoding="utf-8")
    args = ["code", str(interviews), "--out", str(tmp_path / "out"), "--model", "no-such-model"]
    code, _, err = run([*args, "--decisions", str(bad)], capsys)
    assert code == 2
    assert (
        err
        == f"roqa: error: {bad}: row 2: unknown decision 'maybe' (use accept, reject, recode, new-code, no-code, note or valence)\n"
    )
    assert not (tmp_path / "out").exists()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "decisions.csv").write_text("who,what\n1,2\n", encoding="utf-8")
    code, _, err = run(args, capsys)  # the decisions.csv found in --out is read as well
    assert code == 2 and "decisions file has no segment_id column" in err
    code, _, err = run([*args, "--no-report", "--decisions", str(bad)], capsys)
    assert code == 2 and "--decisions is shown in report.html" in err


def test_a_new_code_named_as_a_code_is_counted_as_the_recode_apply_decisions_reads(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """ "External Policy & Incentives" typed in a new-code box is OS.D to `roqa apply-decisions`
    and `roqa train --feedback`: the summary counts it as that recode and says so, as they do
    (before: "(1 accept, 1 new-code)" here, "1 accept, 1 recode" from apply-decisions)."""
    path = tmp_path / "review.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001}\n"
        f"p03_interview:0002,new-code,,External Policy & Incentives,,{P03_0002}\n",
        encoding="utf-8",
    )
    said = (
        f"roqa: warning: {path}: 1 new code named as a code of cfir-2009 read as the recode to "
        "it: 'External Policy & Incentives' (OS.D)\n"
    )
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert (code, err) == (0, said)
    assert out.splitlines()[0] == (
        f"decisions: 2 on 2 segments (1 accept, 1 recode) carried into the report from {path}"
    )
    # the page keeps the row as it was typed: saved back, it is read the same way again
    assert embedded((coded / "report.html").read_text(encoding="utf-8"))[1] == [
        "p03_interview:0002",
        "new-code",
        "",
        "External Policy & Incentives",
        "",
    ]
    code, out, err = run(
        ["apply-decisions", str(coded), "--decisions", str(path), "--coder", "Alice", "--out",
         str(tmp_path / "reviewed")],
        capsys,
    )  # fmt: skip
    assert (code, err) == (0, said)
    assert "2 coded with 2 distinct codes (2 codings: 1 accept, 1 recode)" in " ".join(out.split())


def test_a_new_code_named_as_an_alias_of_the_chart_codebook_stays_the_new_code_it_is(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """Session 71 (f_crosswalk, 3): "Senior team" in a new-code box, on a report charted in
    CFIR 2.0, was counted as the recode to High-level Leaders (IND.A), whose alias it is, with a
    warning saying so, though `roqa apply-decisions` makes it the project's own code and its
    codings charted in CFIR 2.0 keep it as a column of its own (names compared, not aliases)."""
    path = tmp_path / "review.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p03_interview:0002,new-code,,Senior team,,{P03_0002}\n",
        encoding="utf-8",
    )
    code, out, err = run(
        ["report", str(coded), "--codebook", "cfir-2022", "--decisions", str(path), "--out",
         str(tmp_path / "r22.html")],
        capsys,
    )  # fmt: skip
    assert code == 0 and "named as a code of" not in err
    said = [line for line in out.splitlines() if line.startswith("decisions:")]
    assert said == [f"decisions: 1 on 1 segment (1 new-code) carried into the report from {path}"]


def test_roqa_report_counts_a_mixed_review_as_apply_decisions_applies_it(
    coded: Path, tmp_path: Path, capsys
) -> None:
    """One review of every kind of row: the report's summary and apply-decisions' agree on what
    is coded how (the new code named as OS.D a recode in both), on the segments decided (4
    coded and 1 with its one suggestion rejected: 5) and on the valence given."""
    p01_0003 = "Training costs money we simply do not have."
    p02_0001 = "So the client could not go swimming, which was what he really wanted."
    path = tmp_path / "review.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text,valence,suggestion\n"
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001},,\n"
        f"p01_interview:0001,reject,CI.A,,,{P01_0001},,\n"
        f"p01_interview:0001,valence,,,,{P01_0001},enabler,\n"
        f'p02_interview:0000,recode,IS.E.2,,,"{P02_0000}",,OS.D\n'
        f'p02_interview:0001,reject,OS.A,,,"{p02_0001}",,\n'
        f"p03_interview:0002,new-code,,COVID-19 disruption,,{P03_0002},,\n"
        f"p01_interview:0003,new-code,,External Policy & Incentives,,{p01_0003},,\n",
        encoding="utf-8",
    )
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert code == 0, err
    assert out.splitlines()[0] == (
        "decisions: 7 on 5 segments (1 accept, 2 reject, 2 recode, 1 new-code, 1 valence) "
        f"carried into the report from {path}"
    )
    code, out, err = run(
        ["apply-decisions", str(coded), "--decisions", str(path), "--coder", "Alice", "--out",
         str(tmp_path / "reviewed")],
        capsys,
    )  # fmt: skip
    assert code == 0, err
    said = " ".join(out.split())
    assert said.startswith(
        "Alice's review: 5 of 12 reviewable segments decided in the 3 reviewed transcripts (1 "
        "procedural set aside; 7 undecided: "
    )
    assert (
        "): 4 coded with 4 distinct codes (4 codings: 1 accept, 2 recode, 1 new-code), 1 with every suggestion "
        "rejected and no code; 1 transcript (1 reviewable segment) not reviewed yet: "
        "p04_interview. Only these" in said
    )
    reviewed = CodingResult.read(tmp_path / "reviewed")
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01_interview:0002", [("IS.E.3", "enabler")]),
        ("p01_interview:0003", [("OS.D", "barrier")]),
        ("p02_interview:0000", [("IS.E.2", "barrier")]),
        ("p02_interview:0001", []),
        # a new code given no valence has none, not the model's of another code (s68); one
        # named as a code of the codebook is a recode of it, the model's valence kept
        ("p03_interview:0002", [("project.covid-19-disruption", "neutral")]),
    ]


# -- rows a later row overrules, rows on no segment (learn tester, session 56) ---------------------

P01_0002 = "Training costs money we simply do not have."
P03_0001 = "The Recovery Star helps us see change over time."

#: rows that disagree, read as roqa apply-decisions reads them (docs/report.md, "the later row
#: wins"): a recode then an accept of its suggestion; an accept then a reject of one code; a
#: reject then an accept; a reject of a suggestion and a recode of it, which agree
CONTRADICTING = [
    Decision("p01_interview:0001", "recode", "PR.D", note="n", text=P01_0001, suggestion="IS.E.3"),
    Decision("p01_interview:0001", "accept", "IS.E.3", note="n", text=P01_0001),
    Decision("p01_interview:0002", "accept", "IC.H", text=P01_0002),
    Decision("p01_interview:0002", "reject", "IC.H", text=P01_0002),
    Decision("p03_interview:0001", "reject", "IC.F", valence="barrier", text=P03_0001),
    Decision("p03_interview:0001", "accept", "IC.F", text=P03_0001),
    Decision("p02_interview:0000", "reject", "OS.D", text=P02_0000),
    Decision("p02_interview:0000", "recode", "IS.D.3", text=P02_0000, suggestion="OS.D"),
]


def test_the_page_is_given_the_later_of_two_contradicting_rows_as_the_commands_read_them() -> None:
    """Before, every row was embedded and the page showed the earlier one (accept IC.H, reject
    IC.F) and saved a recode to PR.D the later accept had withdrawn; an overruled row keeps its
    note and valence, which the commands still read."""
    html = render_report(build_result(), "cfir-2009", decisions=CONTRADICTING)
    assert embedded(html) == [
        ["p01_interview:0001", "note", "", "", "n"],
        ["p01_interview:0001", "accept", "IS.E.3", "", "n"],
        ["p01_interview:0002", "reject", "IC.H", "", ""],
        ["p03_interview:0001", "valence", "", "", "", "barrier"],
        ["p03_interview:0001", "accept", "IC.F", "", ""],
        ["p02_interview:0000", "reject", "OS.D", "", ""],
        ["p02_interview:0000", "recode", "IS.D.3", "", "", "", "OS.D"],
    ]


def test_the_page_decides_each_segment_as_apply_decisions_codes_it() -> None:
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.decisions import reviewed_codings
    from roqa_nlp.report import decided_in_review

    result = build_result()
    rows = embedded(render_report(result, "cfir-2009", decisions=CONTRADICTING))
    book = Codebook.load("cfir-2009")
    with pytest.warns(UserWarning, match="the later row kept"):
        reviewed, _, _ = reviewed_codings(CONTRADICTING, result, book, coder="T")
    applied = {s.segment.id: [g.code_id for g in s.suggestions] for s in reviewed.segments}
    assert (
        decided_in_review(rows, result, book)
        == applied
        == {
            "p01_interview:0001": ["IS.E.3"],
            "p02_interview:0000": ["IS.D.3"],
            "p03_interview:0001": ["IC.F"],
        }
    )


def test_decisions_on_no_segment_are_given_to_the_page_to_save_back_with_a_line() -> None:
    """Before, they were left out of the page, and its Save dropped them without a word."""
    html = render_report(rerun(), "cfir-2009", decisions=REVIEW)
    (data,) = re.findall(
        r'<script type="application/json" id="roqa-unmatched">(.*?)</script>', html, re.S
    )
    assert json.loads(data) == {
        "rows": [
            ["p01_interview:0007", "accept", "IS.C", "", "", GONE],
            ["p09_interview:0001", "reject", "IC.H", "", "", ""],
        ],
        "said": "2 decisions of the review carried into this report match no segment of it "
        "(words changed since, or a transcript not in these codings): p01_interview:0007, "
        "p09_interview:0001. Save decisions writes them back unchanged, at the end of the file",
    }
    assert 'id="roqa-unmatched">{}</script>' in render_report(rerun(), "cfir-2009")


def test_roqa_report_names_the_rows_the_page_shows_overruled(
    coded: Path, tmp_path: Path, capsys
) -> None:
    path = tmp_path / "review.csv"
    path.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"p01_interview:0001,accept,IS.E.3,,,{P01_0001}\n"
        f"p01_interview:0001,reject,IS.E.3,,,{P01_0001}\n",
        encoding="utf-8",
    )
    code, out, err = run(["report", str(coded), "--decisions", str(path)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"decisions: 2 on 1 segment (1 accept, 1 reject) carried into the report from {path}; "
        "1 is overruled by a later row on the same code or suggestion, and the later row "
        "shown: p01_interview:0001 (row 2)"
    )
    html = (coded / "report.html").read_text(encoding="utf-8")
    assert embedded(html) == [["p01_interview:0002", "reject", "IS.E.3", "", ""]]


def test_a_pseudonymised_page_names_the_decisions_it_leaves_out_by_their_first_rows() -> None:
    """Privacy tester s59, H1: on pseudonymised codings the rows matching no segment are left
    out of the page (their words may be from before pseudonymising), named by row, never by
    their segment ids (which hold the transcripts' names as they were)."""
    result = rerun()
    for t in result.transcripts.values():
        t.metadata["pseudonymised"] = True
    lost = [
        Decision(f"Interview 09 - Ann Lee:000{n}", "accept", "IS.C", text=f"Ring Ann on 0770{n}.")
        for n in range(7)
    ]
    lost = [dataclasses.replace(d, row=n) for n, d in enumerate(lost, 2)]
    with pytest.warns(UserWarning, match=r"^7 decisions \(rows 2, 3, 4, 5, 6 and 2 more\) match"):
        html = render_report(result, "cfir-2009", decisions=lost)
    assert "Ann" not in html and "0770" not in html
    (data,) = re.findall(r'id="roqa-unmatched">(.*?)</script>', html, re.S)
    assert json.loads(data) == {
        "said": "7 decisions of the review (rows 2, 3, 4, 5, 6 and 2 more) match no segment of "
        "these pseudonymised codings and are left out of the page: they may be on talk from "
        "before pseudonymising, which the page would carry word for word. Save decisions does "
        "not write them: keep the decisions file they came from"
    }
