"""Specification of the report's open-coding section: a candidate code has at least two segments;
a segment alone is listed after the candidates, under "Not grouped", with no label; talk set
aside as small talk or background that recurs across interviews is grouped before the rest of
it, from the queue object of ``roqa code`` or the ``set_aside`` entries of open_coding.jsonl."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from report_fixture import OPEN_CODING, build_result
from roqa_nlp.cli import main
from roqa_nlp.codebook import Codebook
from roqa_nlp.open_coding import CandidateCode, OpenCodingQueue
from roqa_nlp.report import render_report

#: the novel segment of the fixture that OPEN_CODING leaves out, as ``roqa code`` lists it
ALONE = {
    "id": "ungrouped-001",
    "label": "not grouped",
    "keywords": [],
    "segment_ids": ["p01_interview:0003"],
    "size": 1,
    "grouped": False,
}


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def section(html: str) -> str:
    return html[html.index('<section id="open-coding">') : html.index('<section id="model-card">')]


def test_a_segment_alone_is_listed_after_the_candidates_without_a_label(cfir: Codebook) -> None:
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert out.count("<h3>") == 2
    assert "<h3>pandemic, rotas, isolating <span" in out
    assert out.index("p03_interview:0002") < out.index("<h3>Not grouped</h3>")
    assert out.index("<h3>Not grouped</h3>") < out.index("p01_interview:0003")
    assert "<h3>not grouped" not in out


#: what the report says of the segments not grouped, at the packaged rule (0.6, 2 segments)
RULE_06 = (
    "Segments are grouped while their average cosine distance (0 = alike, 1 = unrelated) is "
    "below 0.6, and a candidate code needs 2 or more of them; these fell short of that. It is "
    "a cut-off, not a finding that they are unrelated: answers on one theme often lie further "
    "apart than 0.6, so read them together"
)


def test_segments_not_grouped_are_said_to_fall_short_of_the_rule_not_to_be_unlike(
    cfir: Codebook,
) -> None:
    """The report said 'Each of these is unlike the others', but they were only not within the
    grouping distance of each other: on a tester's data, 3 loneliness answers were listed so
    (session 37)."""
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert "unlike the others" not in out
    assert (
        f"{RULE_06}: two or more of them, or one and a candidate code above, may share a "
        "theme. <code>roqa code --group-distance</code> and <code>--min-group-size</code> change "
        "the rule.</p>" in out
    )


def test_the_rule_said_is_the_one_the_queue_was_grouped_with(cfir: Codebook) -> None:
    def code(d: dict) -> CandidateCode:
        return CandidateCode(
            d["id"], d["label"], d["keywords"], d["segment_ids"], [], [], [], len(d["segment_ids"])
        )

    queue = OpenCodingQueue([], [code(ALONE)], distance_threshold=0.45)
    out = section(render_report(build_result(), cfir, open_coding=queue))
    assert "is below 0.45, and a candidate code needs 2 or more" in out
    assert "lie further apart than 0.45, so read them together: two or more of them may" in out
    queue = OpenCodingQueue([], [code(ALONE)], distance_threshold=0.45, min_group_size=3)
    out = section(render_report(build_result(), cfir, open_coding=queue))
    assert "is below 0.45, and a candidate code needs 3 or more" in out
    # open_coding.jsonl read back by roqa report: the rule roqa code --group-distance recorded
    result = build_result()
    result.meta["open_coding"] = {"distance_threshold": 0.8, "min_group_size": 4}
    out = section(render_report(result, cfir, open_coding=[ALONE]))
    assert "is below 0.8, and a candidate code needs 4 or more" in out
    # a run of sentences is grouped at 0.7 (open_coding.DISTANCE_THRESHOLDS)
    result = build_result()
    result.meta["params"] = {"unit": "sentence"}
    out = section(render_report(result, cfir, open_coding=[ALONE]))
    assert "is below 0.7, and a candidate code needs 2 or more" in out


def test_a_one_segment_candidate_of_an_older_file_is_not_shown_as_a_theme(cfir: Codebook) -> None:
    old = {
        "id": "candidate-010",
        "label": "twice, happened",
        "keywords": ["twice", "happened"],
        "segment_ids": ["p01_interview:0003"],
        "size": 1,
    }
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, old]))
    assert "twice, happened" not in out and "twice; happened" not in out
    assert out.index("<h3>Not grouped</h3>") < out.index("p01_interview:0003")


def test_a_group_whose_segments_were_coded_since_is_not_shown_as_current(
    cfir: Codebook,
) -> None:
    """An open_coding.jsonl older than the codings (re-coded with a model that learnt the new
    code) listed its group under '0 segments fit no code' (session 27)."""
    import dataclasses

    from roqa_nlp.report import stale_candidates

    result = build_result()
    assert stale_candidates(result, OPEN_CODING) == 0
    coded = "p03_interview:0002"  # now coded: no longer waiting for open coding
    result.segments = [
        dataclasses.replace(s, novel=False) if s.segment.id == coded else s for s in result.segments
    ]
    assert stale_candidates(result, OPEN_CODING) == 1
    out = section(render_report(result, cfir, open_coding=OPEN_CODING))
    assert "pandemic, rotas, isolating" not in out  # one member left: no group
    # now coded (at 0.2, below framework.SURE_CODE): listed as coded weakly, not in the queue
    assert re.findall(r"<h3>([^<]+)", out) == ["Coded, but weakly "]
    assert "p02_interview:0002" in out and coded not in out[: out.index("<h3>")]


def test_when_nothing_is_grouped_the_page_says_so(cfir: Codebook) -> None:
    alone = [
        {**ALONE, "id": f"ungrouped-00{n}", "segment_ids": [sid]}
        for n, sid in enumerate(
            ["p01_interview:0003", "p02_interview:0002", "p03_interview:0002"], 1
        )
    ]
    out = section(render_report(build_result(), cfir, open_coding=alone))
    assert "<h3>" not in out
    assert "similar enough" not in out
    assert f"{RULE_06}: two or more of them may share a theme. <code>roqa code" in out
    # without a queue at all, nothing was clustered: no such claim
    out = section(render_report(build_result(), cfir))
    assert "similar enough" not in out and "Not grouped" not in out


def test_the_queue_object_of_roqa_code_renders_as_its_jsonl_does(cfir: Codebook) -> None:
    def code(d: dict) -> CandidateCode:
        return CandidateCode(
            d["id"], d["label"], d["keywords"], d["segment_ids"], [], [], [], len(d["segment_ids"])
        )

    queue = OpenCodingQueue([code(OPEN_CODING[0])], [code(ALONE)])
    queue.ungrouped[0].grouped = False
    rows = [c.to_dict() for c in queue.everything()]
    assert render_report(build_result(), cfir, open_coding=queue) == render_report(
        build_result(), cfir, open_coding=rows
    )


# -- talk set aside as small talk or background that recurs across interviews -------------------

#: the pandemic answers of P02 and P03 set aside as background, as ``roqa code`` saves their group
RECURRING = {
    "id": "set-aside-001",
    "label": "pandemic, rotas, isolating",
    "keywords": ["pandemic", "rotas", "isolating"],
    "segment_ids": ["p02_interview:0002", "p03_interview:0002"],
    "transcripts": ["p02_interview", "p03_interview"],
    "size": 2,
    "grouped": True,
    "set_aside": True,
}


def set_aside_result():
    """The fixture with its three novel segments (a dog, two pandemic answers) set aside as
    small talk or background: none is left for open coding."""
    import dataclasses

    result = build_result()
    result.segments = [dataclasses.replace(s, off_topic=s.novel) for s in result.segments]
    return result


def test_set_aside_talk_that_recurs_is_grouped_before_the_rest_of_the_small_talk(
    cfir: Codebook,
) -> None:
    """The burnout answers of three interviews were listed flat under 'Small talk and background:
    fits no code and is not offered as a new theme', though roqa code's note sent the researcher
    to the report to read them (session 29)."""
    out = section(render_report(set_aside_result(), cfir, open_coding=[RECURRING]))
    assert (
        "0 segments fit no code of the codebook, besides 3 set aside as off-topic (small talk, "
        "background, personal talk), listed at the end (2 of them in 1 group that recurs across interviews, to be read)."
        in out
    )
    assert '<div class="candidate recurring">\n    <h3>pandemic, rotas, isolating <span' in out
    assert (
        "Set aside as off-topic (small talk, background, personal talk), but recurs across 2 "
        "interviews (P02, P03): read it, it may be a theme." in out
    )
    group = out[out.index('class="candidate recurring"') : out.index('class="candidate off-topic"')]
    assert re.findall(r">(p0\d_interview:\d+)</a>", group) == [
        "p02_interview:0002",
        "p03_interview:0002",
    ]
    rest = out[out.index('class="candidate off-topic"') :]
    assert (
        "<summary>The rest of the talk set aside as off-topic (small talk, background, personal "
        "talk): 1 segment that fits no code and is not offered as a new theme</summary>" in rest
    )
    assert re.findall(r">(p0\d_interview:\d+)</a>", rest) == ["p01_interview:0003"]


def test_set_aside_talk_without_recurring_groups_is_listed_flat_as_before(cfir: Codebook) -> None:
    out = section(render_report(set_aside_result(), cfir, open_coding=[]))
    assert "recurring" not in out and "recurs across" not in out
    assert (
        "<summary>Talk set aside as off-topic (small talk, background, personal talk): 3 "
        "segments that fit no code and are not offered as a new theme</summary>" in out
    )


def test_a_recurring_group_is_not_a_candidate_code_or_stale(cfir: Codebook) -> None:
    from roqa_nlp.report import stale_candidates

    result = set_aside_result()
    assert stale_candidates(result, [RECURRING]) == 0
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, RECURRING]))
    # its segments wait for open coding in these codings: grouped as a candidate, not set aside
    assert "recurs across" not in out
    assert re.findall(r"<h3>([^<]+)", out) == ["pandemic, rotas, isolating ", "Not grouped"]


def test_a_recurring_group_whose_talk_was_coded_since_is_not_shown(cfir: Codebook) -> None:
    import dataclasses

    from roqa_nlp.report import recurring_set_aside_groups, stale_candidates

    result = set_aside_result()
    coded = "p03_interview:0002"
    result.segments = [
        dataclasses.replace(s, novel=False, off_topic=False) if s.segment.id == coded else s
        for s in result.segments
    ]
    assert stale_candidates(result, [RECURRING]) == 1
    assert recurring_set_aside_groups(result, [RECURRING]) == []  # one interview left: no group
    out = section(render_report(result, cfir, open_coding=[RECURRING]))
    assert "recurs across" not in out
    assert "<summary>Talk set aside as off-topic (small talk, background, personal talk): 2 " in out


def test_the_queue_object_with_its_recurring_groups_renders_as_its_jsonl_does(
    cfir: Codebook,
) -> None:
    group = CandidateCode(
        RECURRING["id"],
        RECURRING["label"],
        RECURRING["keywords"],
        RECURRING["segment_ids"],
        [],
        RECURRING["transcripts"],
        ["P02", "P03"],
        2,
        set_aside=True,
    )
    queue = OpenCodingQueue(set_aside=[group])
    rows = [c.to_dict() for c in queue.everything()]
    html = render_report(set_aside_result(), cfir, open_coding=queue)
    assert "recurs across 2 interviews (P02, P03)" in html
    assert html == render_report(set_aside_result(), cfir, open_coding=rows)


def test_roqa_report_shows_and_names_the_recurring_groups_it_finds_beside_the_codings(
    tmp_path: Path, capsys
) -> None:
    set_aside_result().save(tmp_path / "run")
    (tmp_path / "run" / "open_coding.jsonl").write_text(json.dumps(RECURRING) + "\n", "utf-8")
    assert main(["report", str(tmp_path / "run")]) in (None, 0)
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines() == [
        f"report: {tmp_path / 'run' / 'report.html'}",
        "note: 2 segments set aside as off-topic (small talk, background, personal talk) recur "
        "across 2 interviews "
        "(pandemic, rotas, isolating: p02_interview:0002, p03_interview:0002): read them in the "
        "report's open-coding section, and give one a new code if it is a theme",
    ]
    html = (tmp_path / "run" / "report.html").read_text("utf-8")
    assert (
        "Set aside as off-topic (small talk, background, personal talk), but recurs across 2 "
        "interviews" in html
    )
    # an output folder of before: no group, no note
    (tmp_path / "run" / "open_coding.jsonl").write_text("", "utf-8")
    main(["report", str(tmp_path / "run")])
    assert "note:" not in capsys.readouterr().out


def test_roqa_report_with_the_review_carried_in_notes_only_the_groups_still_unnamed(
    tmp_path: Path, capsys
) -> None:
    """Tester s42 (opencode, 6): with coded/decisions.csv carried in, `roqa report` still noted
    every recurring group "give one a new code if it is a theme", the 4 of 6 already named too.
    A group whose every segment is named has no note; one partly named counts only the rest."""
    set_aside_result().save(tmp_path / "run")
    (tmp_path / "run" / "open_coding.jsonl").write_text(json.dumps(RECURRING) + "\n", "utf-8")
    review = tmp_path / "run" / "decisions.csv"
    review.write_text("segment_id,decision,new_code\np02_interview:0002,new-code,Pandemic\n")
    assert main(["report", str(tmp_path / "run")]) in (None, 0)
    notes = [x for x in capsys.readouterr().out.splitlines() if x.startswith("note:")]
    assert notes == [
        "note: 1 segment set aside as off-topic (small talk, background, personal talk), of a "
        "group recurring across 2 "
        "interviews whose other 1 already has a new code in the review "
        "(pandemic, rotas, isolating: p03_interview:0002): read it in the report's open-coding "
        "section, and give it a new code if it is a theme",
    ]
    review.write_text(
        "segment_id,decision,new_code\n"
        "p02_interview:0002,new-code,Pandemic\np03_interview:0002,new-code,Pandemic\n"
    )
    assert main(["report", str(tmp_path / "run")]) in (None, 0)
    assert "note:" not in capsys.readouterr().out


def test_the_queue_counts_named_small_talk_apart_and_marks_it_named(cfir: Codebook) -> None:
    """Tester s48 (opencode, 4): "1 segment fit no code ..., besides 3 of small talk ... All of
    them already have a new code (marked named below)", though one small-talk segment had no
    decision, and the small talk named showed no "named:" mark."""
    import dataclasses

    from roqa_nlp.decisions import Decision

    aside = set(RECURRING["segment_ids"])
    result = build_result()
    result.segments = [
        dataclasses.replace(s, off_topic=s.segment.id in aside) for s in result.segments
    ]
    lead = (
        "1 segment fit no code of the codebook, besides 2 set aside as off-topic (small talk, "
        "background, personal talk), listed at the end. "
    )

    def page(*names: str) -> str:
        decisions = [Decision(sid, "new-code", new_code="Pandemic") for sid in names]
        return section(render_report(result, cfir, open_coding=[ALONE], decisions=decisions))

    out = page("p01_interview:0003", "p02_interview:0002")
    assert out[out.index(lead) + len(lead) :].split("</p>")[0] == (
        "The one that fits no code and 1 of the 2 set aside as off-topic already have a new code "
        "in the "
        "review carried into this report (marked named below)."
    )
    small_talk = out[out.index('<details class="candidate off-topic">') :]
    item = small_talk[small_talk.index(">p02_interview:0002</a>") :].split("</li>")[0]
    assert item.endswith('<span class="named">named: Pandemic</span>')
    assert small_talk.count('class="named"') == 1
    out = page("p02_interview:0002")
    assert out[out.index(lead) + len(lead) :].split("</p>")[0] == (
        "1 of the 2 set aside as off-topic already has a new code in the review carried into this "
        "report (marked named below); name a new code beside one of the others in the "
        "transcripts to record it."
    )


def test_the_queue_counts_named_what_is_named_and_no_more(cfir: Codebook) -> None:
    """Tester s42 (opencode, 6): the queue's first line said "All of them already have a new
    code" when its one segment was named but 2 of the 6 recurring groups were not."""
    import dataclasses

    from roqa_nlp.decisions import Decision

    aside = set(RECURRING["segment_ids"])
    result = build_result()
    result.segments = [
        dataclasses.replace(s, off_topic=s.segment.id in aside) for s in result.segments
    ]
    lead = (
        "1 segment fit no code of the codebook, besides 2 set aside as off-topic (small talk, "
        "background, personal talk), listed at the end (2 of them in 1 group that recurs across interviews, to be read). "
    )

    def said(*names: str) -> str:
        decisions = [Decision(sid, "new-code", new_code="Pandemic") for sid in names]
        out = section(
            render_report(result, cfir, open_coding=[ALONE, RECURRING], decisions=decisions)
        )
        return out[out.index(lead) + len(lead) :].split("</p>")[0]

    assert said("p01_interview:0003") == (
        "The one that fits no code already has a new code in the review carried into this "
        "report (marked named below); name a new code beside one of the others in the "
        "transcripts or for a group below to record it."
    )
    assert said("p01_interview:0003", "p02_interview:0002") == (
        "The one that fits no code and 1 of the 2 in recurring groups already have a new code "
        "in the review carried into this report (marked named below); name a new code beside "
        "one of the others in the transcripts or for a group below to record it."
    )
    assert said("p01_interview:0003", "p02_interview:0002", "p03_interview:0002") == (
        "The one that fits no code and the 2 in recurring groups already have a new code in "
        "the review carried into this report (marked named below)."
    )
    assert said() == (
        "Name a new code beside a segment in the transcripts, or for a whole group below, to "
        "record it."
    )
    out = section(
        render_report(
            result,
            cfir,
            open_coding=[ALONE, RECURRING],
            decisions=[Decision("p02_interview:0002", "new-code", new_code="Pandemic")],
        )
    )
    recurring = out[out.index('<div class="candidate recurring">') :]
    item = recurring[recurring.index(">p02_interview:0002</a>") :].split("</li>")[0]
    assert item.endswith('<span class="named">named: Pandemic</span>')


@pytest.mark.parametrize(
    ("groups", "said"),
    [
        ([], "25 set aside as off-topic (small talk, background, personal talk)"),
        (
            [5, 4, 4, 3, 3, 2],
            "25 set aside as off-topic (small talk, background, personal talk), 21 of them in 6 groups recurring across interviews "
            "that may be themes",
        ),
        (
            [2],
            "25 set aside as off-topic (small talk, background, personal talk), 2 of them in 1 group recurring across interviews "
            "that may be a theme",
        ),
    ],
)
def test_the_count_of_set_aside_talk_says_how_much_recurs_as_possible_themes(
    groups: list[int], said: str
) -> None:
    """Tester s42 (opencode, 1): roqa code's summary "26 fit no code (1 for open coding, 0
    candidate code(s) and 1 not grouped; 25 small talk or background)" hid that the set-aside
    talk formed 6 groups recurring across interviews, which the report shows as possible
    themes."""
    from roqa_nlp.open_coding import set_aside_count

    assert set_aside_count(25, groups) == said


def test_the_overview_counts_the_recurring_groups_of_set_aside_talk(cfir: Codebook) -> None:
    html = render_report(set_aside_result(), cfir, open_coding=[RECURRING])
    overview = html[
        html.index('<section id="overview">') : html.index('<section id="transcripts">')
    ]
    assert (
        "<dt>Set aside as off-topic (small talk, background, personal talk)</dt><dd>3 <small>(2 of them in 1 group recurring across "
        "interviews that may be a theme)</small></dd>" in overview
    )
    plain = render_report(set_aside_result(), cfir, open_coding=[])
    assert (
        "<dt>Set aside as off-topic (small talk, background, personal talk)</dt><dd>3</dd>" in plain
    )


def test_set_aside_talk_is_not_counted_as_small_talk_alone(cfir: Codebook) -> None:
    """Tester s59 (M1): a manager's psychosis, a mother's death from Covid and burnout, set
    aside by the off-framework class, were counted "Small talk, background" in the overview and
    "10 small talk or background" in the summary of roqa code, so a researcher skimming the
    counts took the study's own theme for chit-chat. What is set aside is unchanged; its count
    is named for all it holds, the same in the summary, the overview and each transcript."""
    from roqa_nlp.open_coding import set_aside_count

    aside = "set aside as off-topic (small talk, background, personal talk)"
    assert set_aside_count(10, []) == f"10 {aside}"
    html = render_report(set_aside_result(), cfir, open_coding=[])
    overview = html[
        html.index('<section id="overview">') : html.index('<section id="transcripts">')
    ]
    assert "<dt>Set aside as off-topic (small talk, background, personal talk)</dt><dd>3</dd>" in (
        overview
    )
    assert "small talk or background" not in html and "Small talk, background" not in html


def test_the_note_of_a_run_without_a_report_points_at_open_coding_csv() -> None:
    from roqa_nlp.cli.report_cmd import recurring_note

    four = {**RECURRING, "segment_ids": ["a:1", "b:1", "c:1", "d:1"], "transcripts": ["a", "b"]}
    assert recurring_note(four, in_report=False) == (
        "note: 4 segments set aside as off-topic (small talk, background, personal talk) recur "
        "across 2 interviews "
        "(pandemic, rotas, isolating: a:1, b:1, c:1 ...): read them in open_coding.csv "
        "(set-aside-001), or in the report `roqa report` writes, and give one a new code if it "
        "is a theme"
    )


# -- talk coded weakly: maybe a theme the codebook does not cover -------------------------------


def weakly_coded_result():
    """The fixture with P02's swimming answer coded at 0.31 (below framework.SURE_CODE, 0.4)
    and P03's Recovery Star answer at 0.39: charted, but unsure."""
    import dataclasses

    result = build_result()
    weak = {"So the client could not go swimming": 0.31, "The Recovery Star helps": 0.39}
    for s in result.segments:
        p = next((p for start, p in weak.items() if s.segment.text.startswith(start)), None)
        if p is not None:
            s.suggestions = [dataclasses.replace(s.suggestions[0], probability=p)]
    return result


def test_segments_coded_below_the_unsure_threshold_are_listed_as_maybe_a_theme(
    cfir: Codebook,
) -> None:
    """On a tester's interviews 7 of 15 answers on themes CFIR does not cover were coded with a
    top probability below 0.4 (0 of 21 CFIR answers), not flagged, and went into Table 2 marked
    unsure; the open-coding section said nothing of them (session 37)."""
    result = weakly_coded_result()
    ids = {s.segment.text[:9]: s.segment.id for s in result}
    out = section(render_report(result, cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert "<h3>Coded, but weakly <span" in out
    assert (
        "2 segments were given a code whose top probability is below 40 %: they are charted, in "
        "Table 2 and the matrix as <em>code unsure</em> (marked † in the Word Table 2), but may "
        "belong to a theme the codebook does not cover, since talk that fits no code is often "
        "coded weakly rather than flagged. Read them beside the segments above; name a new code "
        "beside one in the transcripts to record it." in out
    )
    weak = out[out.index("<h3>Coded, but weakly") :]
    assert re.findall(r">(p0\d_interview:\d+)</a>", weak) == [ids["So the cl"], ids["The Recov"]]
    assert "(OS.A Patient Needs &amp; Resources, 0.31)" in weak
    # after the candidates and the segments not grouped
    assert out.index("<h3>Not grouped</h3>") < out.index("<h3>Coded, but weakly")


def test_no_weakly_coded_segment_no_such_list(cfir: Codebook) -> None:
    out = section(render_report(build_result(), cfir, open_coding=OPEN_CODING))
    assert "Coded, but weakly" not in out


# -- a re-run: segments already named a new code in the review carried in -----------------------


def test_segments_named_in_the_review_carried_in_are_said_to_be_named(cfir: Codebook) -> None:
    """After a re-run the section asked for a name for answers already named in the decisions
    carried into the run (tester s37 open coding, 7)."""
    from roqa_nlp.decisions import Decision

    named = [Decision("p03_interview:0002", "new-code", new_code="Pandemic staffing")]
    out = section(
        render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE], decisions=named)
    )
    assert (
        "3 segments fit no code of the codebook. 1 of them already has a new code in the review "
        "carried into this report (marked named below); name a new code beside one of the others "
        "in the transcripts or for a group below to record it.</p>" in out
    )
    assert re.findall(r'<span class="named">([^<]*)</span>', out) == ["named: Pandemic staffing"]
    item = out[out.index(">p03_interview:0002</a>") :].split("</li>")[0]
    assert item.endswith('<span class="named">named: Pandemic staffing</span>')
    # all of them named: nothing left to name
    every = named + [
        Decision(sid, "new-code", new_code="Pandemic staffing")
        for sid in ("p02_interview:0002", "p01_interview:0003")
    ]
    out = section(
        render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE], decisions=every)
    )
    assert (
        "3 segments fit no code of the codebook. All of them already have a new code in the "
        "review carried into this report (marked named below).</p>" in out
    )


def test_without_a_review_the_section_asks_for_names_as_before(cfir: Codebook) -> None:
    out = section(render_report(build_result(), cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert (
        "3 segments fit no code of the codebook. Name a new code beside a segment in the "
        "transcripts, or for a whole group below, to record it.</p>" in out
    )
    assert 'class="named"' not in out


@pytest.mark.parametrize(
    ("named", "said"),
    [
        (
            ["So the cl", "The Recov"],
            "coded weakly rather than flagged. All of them already have a new code in the review "
            "carried into this report (marked named below).</p>",
        ),
        (
            ["The Recov"],
            "coded weakly rather than flagged. Read them beside the segments above; 1 of them "
            "already has a new code in the review carried into this report (marked named below); "
            "name a new code beside one of the others in the transcripts to record it.</p>",
        ),
    ],
)
def test_weakly_coded_segments_named_in_the_review_are_not_asked_for_a_name(
    cfir: Codebook, named: list[str], said: str
) -> None:
    """With every weakly coded segment named a new code in the decisions carried in, the list
    still said to name a new code beside one (hunt2 s37, 8)."""
    from roqa_nlp.decisions import Decision

    result = weakly_coded_result()
    ids = {s.segment.text[:9]: s.segment.id for s in result}
    given = [Decision(ids[n], "new-code", new_code="Leisure") for n in named]
    out = section(render_report(result, cfir, open_coding=OPEN_CODING, decisions=given))
    assert said in out
    assert out.count('<span class="named">named: Leisure</span>') == len(named)


@pytest.mark.parametrize(
    ("given", "said", "marks"),
    [
        (
            {"So the cl": ("accept", "OS.A"), "The Recov": ("no-code", "")},
            "coded weakly rather than flagged. All of them are decided in the review carried into "
            "this report (marked decided below).</p>",
            ["decided: OS.A", "decided: fits no code"],
        ),
        (
            {"So the cl": ("accept", "OS.A"), "The Recov": ("new-code", "Leisure")},
            "coded weakly rather than flagged. All of them are decided in the review carried into "
            "this report (marked named or decided below).</p>",
            ["decided: OS.A", "named: Leisure"],
        ),
        (
            {"So the cl": ("accept", "OS.A")},
            "coded weakly rather than flagged. Read them beside the segments above; 1 of them is "
            "decided in the review carried into this report (marked decided below); name a new "
            "code beside one of the others in the transcripts to record it.</p>",
            ["decided: OS.A"],
        ),
    ],
)
def test_weakly_coded_segments_the_review_decided_are_marked_decided(
    cfir: Codebook, given: dict[str, tuple[str, str]], said: str, marks: list[str]
) -> None:
    """Hunt s43 (weeks): a re-run with a review carried in listed 9 weakly coded segments as
    maybe a theme, 8 of them decided in the review (accepted, recoded, fitting no code); only
    those named a new code were marked. Each decided one is marked so, and counted."""
    from roqa_nlp.decisions import Decision

    result = weakly_coded_result()
    ids = {s.segment.text[:9]: s.segment.id for s in result}
    decisions = [
        Decision(ids[n], kind, code_id=arg if kind == "accept" else "", new_code=arg
                 if kind == "new-code" else "")
        for n, (kind, arg) in given.items()
    ]  # fmt: skip
    out = section(render_report(result, cfir, open_coding=OPEN_CODING, decisions=decisions))
    assert said in out
    weak = out[out.index("<h3>Coded, but weakly") :]
    assert re.findall(r'<span class="named">([^<]*)</span>', weak) == marks


# -- a new code for a whole candidate group -------------------------------------------------------


def group_controls(out: str) -> list[tuple[str, list[str]]]:
    """Each group's control in the section: its candidate id and the segment ids of its
    checkboxes (ticked: the page unticks those already decided when it opens)."""
    found = []
    for block in out.split('<div class="candidate')[1:]:
        ids = re.findall(
            r'<input type="checkbox" class="group-member no-print" value="([^"]+)" checked', block
        )
        control = re.findall(
            r'<div class="group-code no-print" data-candidate="([^"]+)"><label>New code for the '
            r'ticked segments <input type="text" class="group-code-name" list="new-code-names"></label> '
            r"<button "
            r'type="button" class="group-code-apply" aria-pressed="false" disabled>Name them</button>'
            r"</div>",
            block,
        )
        if control or ids:
            found.append((control[0] if control else "", ids))
    return found


def two_groups_result():
    """The fixture with P02's swimming answer also waiting for open coding: four segments, two
    candidate groups (the dog with the swimming, the two pandemic answers)."""
    import dataclasses

    result = build_result()
    result.segments = [
        dataclasses.replace(s, novel=True, novelty_p=0.03)
        if s.segment.id == "p02_interview:0001"
        else s
        for s in result.segments
    ]
    return result


#: a second candidate code over the fixture where P02's swimming answer waits too
LEISURE = {
    "id": "candidate-002",
    "label": "dog, swimming",
    "keywords": ["dog", "swimming"],
    "segment_ids": ["p01_interview:0003", "p02_interview:0001"],
}


def test_each_candidate_group_has_a_control_naming_a_new_code_for_its_segments(
    cfir: Codebook,
) -> None:
    """To name a new code for a candidate of 6 segments, the researcher had to type it beside
    each of the 6 in the transcripts (tester s38)."""
    out = section(render_report(two_groups_result(), cfir, open_coding=[*OPEN_CODING, LEISURE]))
    assert group_controls(out) == [
        ("candidate-001", ["p02_interview:0002", "p03_interview:0002"]),
        ("candidate-002", ["p01_interview:0003", "p02_interview:0001"]),
    ]


def test_segments_not_grouped_or_coded_weakly_get_no_group_control(cfir: Codebook) -> None:
    out = section(render_report(weakly_coded_result(), cfir, open_coding=[*OPEN_CODING, ALONE]))
    assert group_controls(out) == [("candidate-001", ["p02_interview:0002", "p03_interview:0002"])]
    assert out.count("group-member") == 2


def test_a_recurring_group_of_set_aside_talk_can_be_named_as_a_whole(cfir: Codebook) -> None:
    """Its note says to give one a new code if it is a theme: burnout answers set aside in three
    interviews are the case the group control is for. None of its segments is ticked: such a
    group mixed burnout, Covid and a barbecue (tester s59, L3), so the researcher ticks those of
    the theme, where the candidate codes' segments are all ticked."""
    out = section(render_report(set_aside_result(), cfir, open_coding=[RECURRING]))
    assert group_controls(out) == [("set-aside-001", [])]
    assert re.findall(r'class="group-member no-print" value="([^"]+)"', out) == [
        "p02_interview:0002",
        "p03_interview:0002",
    ]


def test_a_persons_codings_have_no_group_control(cfir: Codebook) -> None:
    from report_fixture import build_persons_result

    out = section(render_report(build_persons_result(), cfir, open_coding=OPEN_CODING))
    assert "pandemic, rotas, isolating" in out
    assert "group-code" not in out and "group-member" not in out


@pytest.mark.parametrize(
    ("groups", "said"),
    [
        (
            [["a:1", "b:1", "c:1"], ["a:2", "d:2"]],
            "25 set aside as off-topic (small talk, background, personal talk), 1 of them in 1 group recurring across interviews that "
            "may be a theme; 4 more already have a new code in the review",
        ),
        (
            [["a:1", "b:1", "c:1", "e:1"], ["a:2", "d:2", "f:2"]],
            "25 set aside as off-topic (small talk, background, personal talk), 3 of them in 2 groups recurring across interviews that "
            "may be themes; 4 more already have a new code in the review",
        ),
        (
            [["a:1", "b:1"], ["a:2", "d:2"]],
            "25 set aside as off-topic (small talk, background, personal talk)",
        ),
    ],
)
def test_the_count_of_recurring_set_aside_talk_leaves_out_what_the_review_named(
    groups: list[list[str]], said: str
) -> None:
    """Regression hunt s42 (H1-4): with a review naming 3 of 4 recurring set-aside segments,
    `roqa code --decisions`'s summary still said "4 of them in 2 groups ... may be themes"
    while the note below it counted the 1 left. Only the ones not yet named are counted (a
    group all named is none), the named said apart; none left, the clause is dropped."""
    from roqa_nlp.open_coding import set_aside_count, unnamed_sizes

    named = {"a:1", "b:1", "a:2", "d:2"}
    sizes, n_named = unnamed_sizes(groups, named)
    assert set_aside_count(25, sizes, n_named) == said


def test_the_overview_counts_only_the_recurring_set_aside_talk_not_yet_named(
    cfir: Codebook,
) -> None:
    from roqa_nlp.decisions import Decision

    def overview(*named: str) -> str:
        decisions = [Decision(sid, "new-code", new_code="Pandemic") for sid in named]
        html = render_report(set_aside_result(), cfir, open_coding=[RECURRING], decisions=decisions)
        return html[
            html.index('<section id="overview">') : html.index('<section id="transcripts">')
        ]

    assert (
        "<dt>Set aside as off-topic (small talk, background, personal talk)</dt><dd>3 <small>(1 of them in 1 group recurring across "
        "interviews that may be a theme; 1 more already has a new code in the review)</small>"
        "</dd>" in overview("p02_interview:0002")
    )
    assert (
        "<dt>Set aside as off-topic (small talk, background, personal talk)</dt><dd>3</dd>"
        in overview("p02_interview:0002", "p03_interview:0002")
    )


def test_segments_of_a_group_the_review_decided_fit_no_code_are_marked_decided(
    cfir: Codebook,
) -> None:
    """Tester s51 (opencoding, 1): re-coded after `roqa train --feedback`, the 4 answers the
    review had decided fit no code came back as the only candidate code, ticked and unmarked,
    while those given a new code showed "named: ...". Decided ones are marked decided, left
    unticked, and counted so in the section's first line."""
    from roqa_nlp.decisions import Decision

    def page(decisions: list[Decision]) -> str:
        return section(
            render_report(
                build_result(), cfir, open_coding=[*OPEN_CODING, ALONE], decisions=decisions
            )
        )

    lead = "3 segments fit no code of the codebook. "
    out = page([Decision(sid, "no-code") for sid in ("p02_interview:0002", "p03_interview:0002")])
    assert out[out.index(lead) + len(lead) :].split("</p>")[0] == (
        "2 of them are already decided in the review carried into this report (marked decided "
        "below); name a new code beside one of the others in the transcripts to record it."
    )
    group = out[out.index('<div class="candidate">') :].split("</ul>")[0]
    assert re.findall(r'<span class="named">([^<]*)</span>', group) == [
        "decided: fits no code",
        "decided: fits no code",
    ]
    assert group_controls(out) == [("candidate-001", [])]
    out = page(
        [
            Decision("p02_interview:0002", "no-code"),
            Decision("p03_interview:0002", "new-code", new_code="Pandemic"),
            Decision("p01_interview:0003", "no-code"),
        ]
    )
    assert out[out.index(lead) + len(lead) :].split("</p>")[0] == (
        "All of them are already decided in the review carried into this report (marked named "
        "or decided below)."
    )
    assert re.findall(r'<span class="named">([^<]*)</span>', out) == [
        "decided: fits no code",
        "named: Pandemic",
        "decided: fits no code",
    ]


def test_group_members_missing_from_the_codings_are_said_missing_not_coded() -> None:
    """A codings.jsonl cut short lost two set-aside segments; roqa report said they were "coded
    since the groups were made" and called their set-aside groups candidate groups (scale
    tester, session 62, finding 2)."""
    import dataclasses

    from roqa_nlp.report import stale_groups_said

    result = set_aside_result()
    assert stale_groups_said(result, [RECURRING]) is None
    result.segments = [s for s in result.segments if s.segment.id != "p03_interview:0002"]
    assert stale_groups_said(result, [RECURRING]) == (
        "1 segment(s) of its groups of set-aside talk are not in these codings"
    )
    result = build_result()  # the pandemic answers wait for open coding, the candidate's
    result.segments = [
        dataclasses.replace(s, novel=False) if s.segment.id == "p03_interview:0002" else s
        for s in result.segments
        if s.segment.id != "p02_interview:0002"
    ]
    assert stale_groups_said(result, OPEN_CODING) == (
        "1 segment(s) of its candidate groups no longer fit no code in these codings (coded "
        "since the groups were made); 1 segment(s) of its candidate groups are not in these "
        "codings"
    )
