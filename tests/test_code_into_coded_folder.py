"""`roqa code` into a folder that holds codings of transcripts this run does not code: the
earlier codings are replaced (as ever), but never silently (a tester coded the remaining
interviews of a study into its folder and lost the 16 segments of the first three)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from test_cli_core import roqa

INTERVIEW = (
    "Interviewer: Tell me about your service.\n"
    "{p}: We just don't have the staff to give people that one-to-one time, and the managers "
    "above us never ask what the people we support want.\n"
    "Interviewer: And training?\n"
    "{p}: The recovery training was good, the staff came back full of ideas about goals.\n"
)


def study(tmp_path: Path) -> Path:
    folder = tmp_path / "study"
    folder.mkdir()
    for n in ("01", "02", "03", "04"):
        (folder / f"RM{n}.txt").write_text(INTERVIEW.format(p=f"P{n}"), encoding="utf-8")
    return folder


def held(out: Path) -> list[str]:
    lines = (out / "codings.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted({json.loads(line)["transcript"] for line in lines})


def test_coding_other_transcripts_into_a_coded_folder_names_those_it_replaces(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    s = study(tmp_path)
    out = tmp_path / "coded"
    first = roqa("code", s / "RM01.txt", s / "RM02.txt", s / "RM03.txt", "--out", out,
                 "--model", tiny_model_dir)  # fmt: skip
    assert first.code == 0
    assert "held codings of" not in first.err
    rows = ["segment_id,decision,code_id,new_code,note"]
    rows += [f"RM0{n}:0001,accept,OS.B,," for n in (1, 2, 3)]
    (out / "decisions.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = roqa("code", s / "RM04.txt", "--out", out, "--model", tiny_model_dir)
    assert run.code == 0
    assert (
        f"roqa: warning: {out}: held codings of RM01, RM02, RM03, which this run does not code: "
        "they are replaced; give every transcript (unchanged ones come from the cache) or "
        "another --out" in run.err.splitlines()
    )
    decisions_line = next(x for x in run.out.splitlines() if x.startswith("decisions:"))
    assert decisions_line.endswith(
        "3 match no segment: RM01:0001 (row 2), RM02:0001 (row 3), RM03:0001 (row 4) "
        "(all 3 on RM01, RM02, RM03, which this run does not code)"
    )
    assert held(out) == ["RM04"]  # replaced, as before


def test_coding_a_coded_folder_again_with_every_transcript_warns_of_none(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s / "RM01.txt", "--out", out, "--model", tiny_model_dir).code == 0
    run = roqa("code", s / "RM01.txt", s / "RM02.txt", "--out", out, "--model", tiny_model_dir)
    assert run.code == 0
    assert "held codings of" not in run.err
    assert held(out) == ["RM01", "RM02"]


def test_a_folder_of_many_transcripts_is_named_by_its_first_five_and_a_count(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    s = study(tmp_path)
    out = tmp_path / "coded"
    for n in ("05", "06", "07"):
        (s / f"RM{n}.txt").write_text(INTERVIEW.format(p=f"P{n}"), encoding="utf-8")
    others = [s / f"RM0{n}.txt" for n in range(1, 7)]
    assert roqa("code", *others, "--out", out, "--model", tiny_model_dir).code == 0
    run = roqa("code", s / "RM07.txt", "--stream", "--out", out, "--model", tiny_model_dir)
    assert run.code == 0
    assert (
        f"roqa: warning: {out}: held codings of RM01, RM02, RM03, RM04, RM05 and 1 more, which "
        "this run does not code: they are replaced; give every transcript (unchanged ones come "
        "from the cache) or another --out" in run.err.splitlines()
    )


def test_a_transcript_given_again_with_no_participant_talk_now_is_not_said_to_be_dropped(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """--stream read the ids of the codings it wrote, so a transcript given again whose talk is
    now only the interviewer's was named among those 'this run does not code' (hunt s45): it
    was given, and its own warning says why it has no codings."""
    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir).code == 0
    (s / "RM04.txt").write_text("Interviewer: Hello?\nInterviewer: Anyone?\n", encoding="utf-8")
    run = roqa("code", s, "--stream", "--out", out, "--model", tiny_model_dir)
    assert run.code == 0
    assert "no participant talk found" in run.err
    assert "held codings of" not in run.err
    assert held(out) == ["RM01", "RM02", "RM03"]


RENAMED = (
    "Interviewer: What about the rota?\n"
    "P03: The rota comes out two days before the month starts, so nobody on my team can plan "
    "their childcare or their second job around it.\n"
)


def test_a_transcript_renamed_between_runs_is_said_once_as_renamed_not_as_dropped(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Waves tester, session 49, 3: after P03.txt -> P03_final.txt, `roqa code` said "held
    codings of P03, which this run does not code: they are replaced; give every transcript",
    and then, rightly, that its decisions follow their words into P03_final. Renamed a second
    time, it first said they follow into P03_final, matched on the codings being replaced."""
    s = study(tmp_path)
    (s / "RM03.txt").write_text(RENAMED, encoding="utf-8")
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir).code == 0
    line = next(x for x in (out / "codings.jsonl").read_text("utf-8").splitlines() if "RM03" in x)
    text = json.loads(line)["text"]
    (out / "decisions.csv").write_text(
        f'segment_id,decision,code_id,new_code,note,text\nRM03:0001,accept,OS.B,,,"{text}"\n',
        encoding="utf-8",
    )
    (s / "RM03.txt").rename(s / "RM03_final.txt")
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    said = [" ".join(x.split()) for x in run.err.splitlines() if "RM03" in x]
    assert said == [
        f"roqa: warning: {out / 'decisions.csv'}: 1 decision of RM03, not among the transcripts "
        "coded, follows its words in RM03_final (a transcript renamed since? check it)"
    ]
    (s / "RM03_final.txt").rename(s / "RM03 - final v2.txt")
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    said = [" ".join(x.split()) for x in run.err.splitlines() if "RM03" in x]
    assert said == [
        f"roqa: warning: {out / 'decisions.csv'}: 1 decision of RM03, not among the transcripts "
        "coded, follows its words in RM03 - final v2 (a transcript renamed since? check it)"
    ]
    # a transcript left out is still said to be replaced
    (s / "RM04.txt").unlink()
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir)
    assert f"roqa: warning: {out}: held codings of RM04, which this run does not" in run.err


def test_segments_of_an_interview_reviewed_whole_put_up_for_review_again_are_named(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Waves tester, session 49, 4: retrained, the model queued for open coding P04:0002 and
    P07:0002, small talk set aside before, and both interviews read "partly reviewed" again;
    roqa code said only "8 segments for open coding (5 already decided)"."""
    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir).code == 0
    records = [json.loads(x) for x in (out / "codings.jsonl").read_text("utf-8").splitlines()]
    rm01 = [r for r in records if r["transcript"] == "RM01"]
    assert len(rm01) == 2
    # as the codings replaced had it: RM01's second answer set aside as small talk
    rm01[1].update(suggestions=[], novel=True, off_topic=True)
    (out / "codings.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    first = rm01[0]
    (out / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'{first["segment_id"]},no-code,,,,"{first["text"]}"\n',
        encoding="utf-8",
    )
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    again = rm01[1]["segment_id"]
    assert (
        f"1 segment of 1 interview the review decided whole is undecided now ({again}): "
        "this model puts it up for review (for open coding or with a code) where the codings "
        "replaced set it aside; decide it in the report, or the saturation table counts its "
        "interview as partly reviewed."
    ) in " ".join(run.out.split())
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir)  # replaced: it is to review
    assert "decided whole" not in run.out


def test_a_review_on_edited_text_is_warned_of_once_with_or_without_a_report(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """s49 review (concern on code_cmd.py:648-658): since s49/3 the warnings of matching the
    review to the codings about to be replaced were silenced, the review's line after coding
    saying what holds of the new ones; with --no-report there is no such line, so a decision
    on edited text went unsaid. Said once in both modes."""
    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir, "--no-report").code == 0
    line = next(x for x in (out / "codings.jsonl").read_text("utf-8").splitlines() if "RM01" in x)
    text = json.loads(line)["text"].replace("managers above us", "manager above us")
    (out / "decisions.csv").write_text(
        f'segment_id,decision,code_id,new_code,note,text\nRM01:0001,accept,OS.B,,,"{text}"\n',
        encoding="utf-8",
    )
    edited = (
        f"roqa: warning: {out / 'decisions.csv'}: 1 decision matched to 1 segment whose text "
        "was edited since the review (nearly the same words, not the same): RM01:0001 (row 2); "
        "check they are the talk decided on"
    )
    for report in (["--no-report"], []):
        run = roqa("code", s, "--out", out, "--model", tiny_model_dir, *report)
        assert run.code == 0, run.err
        said = [" ".join(x.split()) for x in run.err.split("roqa: ") if "edited since" in x]
        assert said == [edited.removeprefix("roqa: ")], report


def test_both_reviews_beside_the_codings_are_noted_without_a_report(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """s49 review (same concern): with --no-report, the newer of decisions.csv and .xlsx was
    read (its rejections recorded as fitting no code) without the note `roqa code` gives with
    a report, that both are there and which is read."""
    import os

    from test_decisions_inputs import xlsx_bytes

    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir, "--no-report").code == 0
    rows = [["segment_id", "decision", "code_id", "new_code", "note"]]
    (out / "decisions.csv").write_text("segment_id,decision,code_id,new_code,note\n", "utf-8")
    (out / "decisions.xlsx").write_bytes(xlsx_bytes([*rows, ["RM01:0001", "accept", "OS.B"]]))
    os.utime(out / "decisions.csv", (1_700_000_000, 1_700_000_000))
    os.utime(out / "decisions.xlsx", (1_700_000_100, 1_700_000_100))
    note = (
        f"roqa: note: {out}: both decisions.csv and decisions.xlsx are beside the codings: "
        "decisions.xlsx, the newer, is read (delete the other, or give one with --decisions)"
    )
    for report in (["--no-report"], []):
        run = roqa("code", s, "--out", out, "--model", tiny_model_dir, *report)
        assert run.code == 0, run.err
        said = [" ".join(x.split()) for x in run.err.split("roqa: ") if "both decisions" in x]
        assert said == [note.removeprefix("roqa: ")], report


@pytest.mark.parametrize("mode", ["--report", "--stream"])
def test_a_renamed_transcript_is_said_renamed_and_recoded_under_its_new_name(
    tiny_model_dir: Path, tmp_path: Path, mode: str
) -> None:
    """Stream tester, session 60, LOW-2: after p06_interview.vtt -> p06_interview_final.vtt,
    `roqa code study/` said "held codings of p06_interview, which this run does not code: they
    are replaced; give every transcript ... or another --out", though every transcript was
    given: the same text was coded under its new name."""
    s = study(tmp_path)
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir).code == 0
    (s / "RM03.txt").rename(s / "RM03_final.txt")
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir, mode)
    assert run.code == 0, run.err
    said = [
        " ".join(x.split())
        for x in run.err.splitlines()
        if "RM03" in x and "is nearly the same text" not in x  # study(): one text, four labels
    ]
    assert said == [
        f"roqa: note: {out}: RM03 is now RM03_final (renamed, its text unchanged): its codings "
        "are written again under the new name"
    ]
    assert held(out) == ["RM01", "RM02", "RM03_final", "RM04"]


def test_a_renamed_transcript_says_where_the_review_left_beside_it_goes(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """--stream reads no review: the note says the decisions name the old ids, and `roqa
    report` then carries them to the renamed transcript by their words."""
    s = study(tmp_path)
    (s / "RM03.txt").write_text(RENAMED, encoding="utf-8")
    out = tmp_path / "coded"
    assert roqa("code", s, "--out", out, "--model", tiny_model_dir).code == 0
    line = next(x for x in (out / "codings.jsonl").read_text("utf-8").splitlines() if "RM03" in x)
    text = json.loads(line)["text"]
    (out / "decisions.csv").write_text(
        f'segment_id,decision,code_id,new_code,note,text\nRM03:0001,accept,OS.B,,,"{text}"\n',
        encoding="utf-8",
    )
    (s / "RM03.txt").rename(s / "RM03_final.txt")
    run = roqa("code", s, "--out", out, "--model", tiny_model_dir, "--stream")
    assert run.code == 0, run.err
    said = [
        " ".join(x.split())
        for x in run.err.splitlines()
        if "RM03" in x and "is nearly the same text" not in x  # study(): one text, four labels
    ]
    assert said == [
        f"roqa: note: {out}: RM03 is now RM03_final (renamed, its text unchanged): its codings "
        f"are written again under the new name; decisions.csv names its old segment ids: "
        f"`roqa report {out}` moves each decision to the segment of the new name with its "
        "words, and names those it cannot"
    ]
    report = roqa("report", out)
    assert report.code == 0, report.err
    assert report.out.startswith(
        "decisions: 1 on 1 segment (1 accept) carried into the report from "
        f"{out / 'decisions.csv'} (found beside the codings)\n"
    )


EDITED = (
    "Interviewer: How do the night shifts work?\n"
    "{p}: The night staff sleep in, and we have one waking person for {n} houses, which the "
    "commissioners keep asking us to stretch further.\n"
)


def embedded(printed: str) -> str:
    """The summary's line of what the run embedded."""
    return next(x for x in printed.splitlines() if x.startswith("Embedded"))


def test_a_rerun_says_what_it_embedded_and_which_transcripts_changed(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Stream tester, session 60, LOW-3: a re-run after an edit said nothing of what it
    embedded again, nor that a transcript had changed. One line after the counts says both."""
    s = tmp_path / "study"
    s.mkdir()
    for n in ("01", "02"):
        (s / f"NS{n}.txt").write_text(EDITED.format(p=f"P{n}", n="three"), encoding="utf-8")
    out = tmp_path / "coded"
    first = roqa("code", s, "--out", out, "--model", tiny_model_dir, "--no-report")
    assert first.code == 0, first.err
    assert embedded(first.out) == "Embedded 2 new texts, 0 read from the cache."
    (s / "NS02.txt").write_text(EDITED.format(p="P02", n="four"), encoding="utf-8")
    (s / "NS03.txt").write_text(EDITED.format(p="P03", n="three"), encoding="utf-8")
    again = roqa("code", s, "--out", out, "--model", tiny_model_dir, "--stream")
    assert again.code == 0, again.err
    assert embedded(again.out) == (
        "Embedded 1 new text, 2 read from the cache; changed since this folder's last run: "
        "NS02; new: NS03."
    )
    same = roqa("code", s, "--out", out, "--model", tiny_model_dir, "--no-report", "--no-cache")
    assert same.code == 0, same.err
    assert embedded(same.out) == (
        "Embedded 3 texts (no cache); no transcript changed since this folder's last run."
    )


def test_the_transcripts_new_or_changed_are_named_five_and_how_many_more() -> None:
    """Scale tester, session 62, finding 5: "new since this folder's last run: rm41, rm42, rm43,
    rm44 ...." cut the five new interviews at four with a double ellipsis; five are named, and
    past five how many more, as roqa's other lists are."""
    from roqa_nlp.cli.recode_changes import embedding_line

    before = {f"rm{n:02d}": "a" for n in range(1, 41)}
    five = {**before, **{f"rm{n}": "b" for n in range(41, 46)}}
    assert embedding_line(None, True, before, five) == (
        "new since this folder's last run: rm41, rm42, rm43, rm44, rm45."
    )
    seven = {**five, "rm46": "b", "rm47": "b", "rm01": "c"}
    assert embedding_line(None, True, before, seven) == (
        "changed since this folder's last run: rm01; new: rm41, rm42, rm43, rm44, rm45 and 2 more."
    )
