"""Specification of the open-coding options of ``roqa code``: the grouping distance and the
fewest segments of a candidate new code, which only the Python API could change before (tester
s37 open coding, 2 and 4)."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from roqa_nlp.cli import main
from roqa_nlp.result import CodingResult

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"


def roqa(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main([str(a) for a in args])
        except SystemExit as e:
            code = int(e.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--group-distance",
            "0",
            "roqa: error: Invalid value: group distance must be above 0 and at most 1 (the "
            "average cosine distance below which segments that fit no code are grouped; 1 = "
            "unrelated) (see 'roqa code --help')",
        ),
        (
            "--group-distance",
            "1.5",
            "roqa: error: Invalid value: group distance must be above 0 and at most 1 (the "
            "average cosine distance below which segments that fit no code are grouped; 1 = "
            "unrelated) (see 'roqa code --help')",
        ),
        (
            "--min-group-size",
            "1",
            "roqa: error: Invalid value: min group size must be 2 or more (a segment alone is "
            "listed as not grouped) (see 'roqa code --help')",
        ),
    ],
)
def test_a_grouping_rule_out_of_range_is_a_one_line_error(
    option: str, value: str, message: str, tmp_path: Path
) -> None:
    code, out, err = roqa("code", EXAMPLES, "--out", tmp_path / "out", option, value)
    assert (code, out, err.splitlines()) == (2, "", [message])
    assert not (tmp_path / "out").exists()


def test_the_grouping_rule_is_refused_where_no_queue_is_made(tmp_path: Path) -> None:
    code, _, err = roqa(
        "code", EXAMPLES, "--out", tmp_path / "out", "--stream", "--group-distance", "0.7"
    )
    assert (code, err.splitlines()) == (
        2,
        [
            "roqa: error: Invalid value: --group-distance and --min-group-size group the "
            "open-coding queue, which --stream/--engine ray do not make: drop them, or code "
            "with the local engine (see 'roqa code --help')"
        ],
    )


def test_the_help_names_the_options_and_where_the_default_was_chosen() -> None:
    code, out, _ = roqa("code", "--help")
    flat = " ".join(out.replace("│", " ").split())
    assert code == 0
    assert "--group-distance" in flat and "--min-group-size" in flat
    assert "benchmarks/results/open_coding_threshold.md" in flat


def test_roqa_code_groups_with_the_rule_given_and_records_it(
    tiny_model_dir: Path, embedder, tmp_path: Path
) -> None:
    from roqa_nlp.open_coding import open_coding_queue

    if not EXAMPLES.is_dir():
        pytest.skip("examples/interviews is missing")
    inputs = tmp_path / "interviews"
    shutil.copytree(EXAMPLES, inputs)
    out = tmp_path / "out"
    code, _, err = roqa(
        "code", inputs, "--out", out, "--model", tiny_model_dir,
        "--group-distance", "0.8", "--min-group-size", "3",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads((out / "run.json").read_text("utf-8"))["open_coding"] == {
        "distance_threshold": 0.8,
        "min_group_size": 3,
    }
    rows = [json.loads(line) for line in (out / "open_coding.jsonl").open(encoding="utf-8")]
    # at the packaged rule (0.6, 2): one candidate of 3 and 6 segments not grouped; at 0.8 a pair
    # (p01_interview:0008 and :0019) forms, but is smaller than 3. (p03_interview:0010, "I think
    # of it as helping someone build a life ...", was :0009 before session 73: this test's tiny
    # model parts p03's biography answer at its backchannel left out, reading each part with
    # the question, as roqa code reads a segment)
    assert [(r["id"], r["segment_ids"]) for r in rows if not r["set_aside"]] == [
        (
            "candidate-001",
            [
                "p01_interview:0021",
                "p02_interview:0009",
                "p02_interview:0013",
                "p02_interview:0015",
                "p02_interview:0020",
                "p03_interview:0010",
            ],
        ),  # fmt: skip
        ("ungrouped-001", ["p01_interview:0008"]),
        ("ungrouped-002", ["p01_interview:0010"]),
        ("ungrouped-003", ["p01_interview:0019"]),
    ]
    result = CodingResult.read(out)
    expected = open_coding_queue(result, embedder, distance_threshold=0.8, min_group_size=3)
    assert [r["segment_ids"] for r in rows if not r["set_aside"]] == [
        c.segment_ids for c in expected.everything()
    ]
    html = (out / "report.html").read_text("utf-8")
    assert "is below 0.8, and a candidate code needs 3 or more of them" in html
    # roqa report reads the rule back from run.json
    (out / "report.html").unlink()
    assert roqa("report", out)[0] == 0
    assert "is below 0.8, and a candidate code needs 3 or more of them" in (
        out / "report.html"
    ).read_text("utf-8")


#: The tests of each run below go to one worker (`make test`, --dist loadgroup), which makes the
#: run once: spread over two, each worker coded the examples again for its share (s76 suite).
uses_default_run = pytest.mark.xdist_group("cli_open_coding_default_run")
uses_spaced_run = pytest.mark.xdist_group("cli_open_coding_spaced_run")


@pytest.fixture(scope="module")
def default_run(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``roqa code`` on a copy of examples/interviews with the tiny model: its output folder and
    what it printed."""
    if not EXAMPLES.is_dir():
        pytest.skip("examples/interviews is missing")
    work = tmp_path_factory.mktemp("cli-open-coding")
    shutil.copytree(EXAMPLES, work / "interviews")
    code, out, err = roqa(
        "code", work / "interviews", "--out", work / "out", "--model", tiny_model_dir
    )
    assert code == 0, err
    return work / "out", out


@uses_default_run
def test_roqa_code_counts_the_weakly_coded_segments_and_says_where_they_are(
    default_run: tuple[Path, str],
) -> None:
    """Talk of a theme CFIR does not cover is often coded weakly rather than flagged (tester s37
    open coding, 1): the terminal counted only the flagged talk."""
    from roqa_nlp.framework import SURE_CODE, coded_segments

    out, printed = default_run
    result = CodingResult.read(out)
    charted = {q.segment_id for q in coded_segments(result)}
    weak = [s for s in result if s.segment.id in charted and s.top.probability < SURE_CODE]
    assert len(weak) == 17
    assert (
        "  17 coded segments rest on a top code below 40%: charted as code unsure (Table 2 "
        "marks them †), they may belong to a theme the codebook does not cover; the report's "
        "open-coding section lists them." in printed.splitlines()
    )
    html = (out / "report.html").read_text("utf-8")
    assert '<h3>Coded, but weakly <span class="muted">(17 segments)</span></h3>' in html


@uses_default_run
def test_roqa_code_says_where_to_read_the_queue_and_how_to_record_a_new_code(
    default_run: tuple[Path, str],
) -> None:
    """The terminal gave counts only, with no next step (tester s37 open coding, 3)."""
    out, printed = default_run
    assert sum(1 for s in CodingResult.read(out) if s.for_open_coding) == 9
    lines = printed.splitlines()
    assert (
        "  Next: read the 9 segments for open coding in report.html's open-coding section (or "
        "open_coding.csv); to record a new code, name it beside a segment in the report's "
        "transcripts, then Save decisions." in lines
    )
    # after the files written, before the weakly coded segments
    assert (
        lines.index(next(x for x in lines if x.startswith("  Next:")))
        == lines.index(next(x for x in lines if "17 coded segments" in x)) - 1
    )


@uses_default_run
def test_a_streamed_run_says_what_it_did_not_write_and_the_next_step_as_a_whole_run_does(
    default_run: tuple[Path, str], tiny_model_dir: Path
) -> None:
    """Stream tester, session 60, LOW-1: `roqa code --stream` printed the counts and the files
    only: not that report.html and the open-coding queue were not written, no "Next:" line and
    no count of the weakly coded segments, which a run without --stream prints."""
    out = default_run[0].parent / "streamed"
    code, printed, err = roqa(
        "code", default_run[0].parent / "interviews", "--out", out, "--model", tiny_model_dir,
        "--stream",
    )  # fmt: skip
    assert code == 0, err
    lines = printed.splitlines()
    after_files = lines[lines.index(f"  run.json           {out / 'run.json'}") + 1 :]
    assert after_files == [
        "  --stream wrote no report.html and no open-coding queue (open_coding.jsonl, "
        f"open_coding.csv): `roqa report {out}` writes the report, listing the segments that "
        "fit no code without grouping them into candidate codes (a run without --stream groups "
        "them).",
        f"  Next: run `roqa report {out}` and read the 9 segments for open coding in its "
        "open-coding section; to record a new code, name it beside a segment in its "
        "transcripts, then Save decisions.",
        "  17 coded segments rest on a top code below 40%: charted as code unsure (Table 2 "
        "marks them †), they may belong to a theme the codebook does not cover; "
        f"`roqa report {out}` lists them in its open-coding section.",
    ]
    # the counts the run with the report gives
    assert "  17 coded segments rest on a top code below 40%" in default_run[1]
    assert "  Next: read the 9 segments for open coding" in default_run[1]


@pytest.fixture(scope="module")
def spaced_run(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``roqa code --no-report`` into a folder whose path has spaces ("My Study/coded run")."""
    if not EXAMPLES.is_dir():
        pytest.skip("examples/interviews is missing")
    work = tmp_path_factory.mktemp("cli-open-coding-spaced") / "My Study"
    shutil.copytree(EXAMPLES, work / "interviews")
    out = work / "coded run"
    code, printed, err = roqa(
        "code", work / "interviews", "--out", out, "--model", tiny_model_dir, "--no-report"
    )
    assert code == 0, err
    return out, printed


@uses_spaced_run
def test_the_suggested_roqa_report_command_quotes_a_path_with_spaces(
    spaced_run: tuple[Path, str],
) -> None:
    """ "`roqa report My Study/coded run`" failed when pasted into a shell (hunt2 s37, 8)."""
    import shlex

    out, printed = spaced_run
    said = shlex.quote(str(out))
    assert said == f"'{out}'"
    lines = printed.splitlines()
    assert (
        f"  Next: read the 9 segments for open coding in open_coding.csv, or in the report "
        f"`roqa report {said}` writes; to record a new code, name it beside a segment in its "
        "transcripts, then Save decisions." in lines
    )
    assert (
        "  17 coded segments rest on a top code below 40%: charted as code unsure (Table 2 "
        "marks them †), they may belong to a theme the codebook does not cover; "
        f"`roqa report {said}` lists them in its open-coding section." in lines
    )


@uses_spaced_run
def test_when_the_decisions_name_every_segment_no_new_code_is_asked_for(
    spaced_run: tuple[Path, str], tiny_model_dir: Path
) -> None:
    """With every queued and weakly coded segment already named a new code in --decisions, roqa
    code's Next line and the report's weakly coded list still said to name a new code (hunt2
    s37, 8)."""
    from roqa_nlp.framework import SURE_CODE, coded_segments

    out, _ = spaced_run
    result = CodingResult.read(out)
    charted = {q.segment_id for q in coded_segments(result)}
    ids = [
        s.segment.id
        for s in result
        if s.for_open_coding or (s.segment.id in charted and s.top.probability < SURE_CODE)
    ]
    assert len(ids) == 9 + 17
    decisions = out.parent / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,new_code\n" + "".join(f"{i},new-code,Loneliness\n" for i in ids),
        "utf-8",
    )
    again = out.parent / "again"
    code, printed, err = roqa(
        "code",
        out.parent / "interviews",
        "--out",
        again,
        "--model",
        tiny_model_dir,
        "--decisions",
        decisions,
    )
    assert code == 0, err
    lines = printed.splitlines()
    assert not [x for x in lines if x.startswith("  Next:")]
    assert (
        "  17 coded segments rest on a top code below 40%: charted as code unsure (Table 2 "
        "marks them †); all 17 already have a new code in the decisions given." in lines
    )
    html = (again / "report.html").read_text("utf-8")
    assert (
        "coded weakly rather than flagged. All of them already have a new code in the review "
        "carried into this report (marked named below).</p>" in html
    )
    assert "name a new code beside one in the transcripts" not in html


def test_a_pasted_path_is_quoted_for_the_shell_the_researcher_uses(monkeypatch) -> None:
    """Regression hunt s37: hints quoted paths with shlex.quote, whose single quotes cmd.exe does
    not read ("'C:\\Users\\ann\\coded'"); on Windows the path goes in double quotes."""
    import os

    from roqa_nlp.io import shell_quoted

    assert shell_quoted("coded") == "coded"
    assert shell_quoted("My Study/coded run") == "'My Study/coded run'"
    monkeypatch.setattr(os, "name", "nt")
    assert shell_quoted(r"C:\Users\ann\My Study") == '"C:\\Users\\ann\\My Study"'
    assert shell_quoted(r"study\coded") == r"study\coded"


@uses_spaced_run
def test_the_summary_counts_the_recurring_groups_of_set_aside_talk(
    spaced_run: tuple[Path, str],
) -> None:
    """Tester s42 (opencode, 1): the summary counted the set-aside talk as "25 small talk or
    background" while the notes below it listed 6 groups of it recurring across interviews; it
    now says how many of them are in such groups, which may be themes."""
    _, printed = spaced_run
    lines = printed.splitlines()
    sizes = [
        int(m.group(1))
        for x in lines
        if (m := re.match(r"  note: (\d+) segments set aside as off-topic", x))
    ]
    assert sizes
    n = len(sizes)
    assert (
        f" set aside as off-topic (small talk, background, personal talk), {sum(sizes)} of them in {n} group{'s' * (n != 1)} "
        f"recurring across interviews that may be {'themes' if n != 1 else 'a theme'})."
    ) in " ".join(printed.split())  # the summary is wrapped to the terminal


def test_segments_the_review_carried_in_decided_are_not_pointed_at_again(capsys) -> None:
    """Hunt s43 (weeks): `roqa code interviews/ --out coded/` run again with the week-3 review
    beside said "9 coded segments rest on a top code below 40% ... may belong to a theme", 8 of
    them decided in the review (only those named a new code were counted), and "Next: read the
    1 segment for open coding" of one the review marked fitting no code."""
    from roqa_nlp.cli.code_cmd import _say_next_step, _say_weakly_coded

    out = Path("coded")
    _say_weakly_coded(9, out, True, 1, 7)
    _say_weakly_coded(9, out, True, 1, 8)
    _say_weakly_coded(2, out, False, 0, 1)
    _say_next_step(1, out, True, 0, 1)  # decided: nothing to read
    _say_next_step(3, out, True, 0, 1)
    assert capsys.readouterr().out.splitlines() == [
        "  9 coded segments rest on a top code below 40%: charted as code unsure (Table 2 marks "
        "them †); 8 of them are decided in the decisions given, the other 1 may belong to a "
        "theme the codebook does not cover; the report's open-coding section lists it.",
        "  9 coded segments rest on a top code below 40%: charted as code unsure (Table 2 marks "
        "them †); all 9 are decided in the decisions given (1 with a new code).",
        "  2 coded segments rest on a top code below 40%: charted as code unsure (Table 2 marks "
        "them †); 1 of them is decided in the decisions given, the other 1 may belong to a "
        "theme the codebook does not cover; `roqa report coded` lists it in its open-coding "
        "section.",
        "  Next: read the 3 segments for open coding (1 already decided in the decisions given) "
        "in report.html's open-coding section (or open_coding.csv); to record a new code, name "
        "it beside a segment in the report's transcripts, then Save decisions.",
    ]


@pytest.mark.parametrize(
    ("n_queued", "n_done", "said"),
    [
        (5, 0, ""),
        (5, 5, ", all 5 already decided in the decisions given"),
        (5, 4, ", 4 of them already decided in the decisions given"),
        (1, 1, ", already decided in the decisions given"),
    ],
)
def test_the_summary_says_how_many_segments_for_open_coding_the_review_decided(
    n_queued: int, n_done: int, said: str
) -> None:
    """Tester s51 (opencoding, 1): re-coded after `roqa train --feedback`, the summary said "5
    for open coding, 1 candidate code(s) and 1 not grouped" of 5 answers the review carried in
    had decided fit no code, unqualified."""
    from roqa_nlp.cli.code_cmd import _decided_clause

    assert _decided_clause(n_queued, n_done) == said


@uses_spaced_run
def test_a_review_naming_codes_by_their_names_decides_the_segments_apply_decisions_does(
    spaced_run: tuple[Path, str], tiny_model_dir: Path
) -> None:
    """Standing finding, session 57: re-coding with a review whose rows name codes by their
    names counted as "already decided" a segment whose code was accepted by its id, then
    rejected by its name (apply-decisions reads the later row: not decided), and not the
    segments whose every suggestion shown was rejected by name (decided, fitting no code);
    apply-decisions then warned that the report carrying this very review decided 2 segments
    the file did not."""
    import csv

    out, _ = spaced_run
    queued = [s for s in CodingResult.read(out) if s.for_open_coding]
    assert len(queued) == 9 and all(len(s.suggestions) >= 3 for s in queued[:4])
    rows = []
    first = queued[0]
    top = first.suggestions[0]
    rows += [
        (first.segment.id, "accept", top.code_id, first.segment.text),
        (first.segment.id, "reject", top.name, first.segment.text),  # the later row: rejected
    ]
    for s in queued[1:3]:  # every suggestion shown rejected, by name in another case
        rows += [
            (s.segment.id, "reject", g.name.upper(), s.segment.text) for g in s.suggestions[:3]
        ]
    fourth = queued[3]
    rows.append((fourth.segment.id, "accept", fourth.suggestions[0].name, fourth.segment.text))
    decisions = out.parent / "decisions-by-name.csv"
    with decisions.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("segment_id", "decision", "code_id", "text"), *rows])
    code, printed, err = roqa(
        "code",
        out.parent / "interviews",
        "--out",
        out.parent / "again-by-name",
        "--model",
        tiny_model_dir,
        "--decisions",
        decisions,
    )
    assert code == 0, err
    lines = printed.splitlines()
    assert ", 3 of them already decided in the decisions given; " in " ".join(printed.split())
    assert (
        "  Next: read the 9 segments for open coding (3 already decided in the decisions given) "
        "in report.html's open-coding section (or open_coding.csv); to record a new code, name "
        "it beside a segment in the report's transcripts, then Save decisions." in lines
    )
    # the segments apply-decisions decides
    reviewed = out.parent / "reviewed-by-name"
    code, _, err = roqa(
        "apply-decisions", out.parent / "again-by-name", "--decisions", decisions,
        "--coder", "Ann", "--out", reviewed,
    )  # fmt: skip
    assert code == 0, err
    assert "carries a review" not in err  # the page's review is this one, its rows on ids
    assert CodingResult.read(reviewed).meta["reviewed_segments"] == [
        s.segment.id for s in queued[1:4]
    ]


def test_a_streamed_run_counts_the_talk_set_aside_as_off_topic_among_what_fits_no_code() -> None:
    """Docs tester, session 61: `roqa code examples/interviews --stream` said "76 segments (9 fit
    no code)" for nine segments all set aside as off-topic; the run without --stream says "0 for
    open coding" and "9 set aside as off-topic". Now the streamed count says it too."""
    from roqa_nlp.cli.code_cmd import _fit_no_code

    assert _fit_no_code(9, 9) == (
        "9 fit no code: 0 for open coding, 9 set aside as off-topic (small talk, background, "
        "personal talk)"
    )
    assert _fit_no_code(9, 0) == "9 fit no code"
