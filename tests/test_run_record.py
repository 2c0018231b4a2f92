"""run.json records what the run wrote, so a folder that no longer holds it is found out.

Session 41 (repro, 2): a codings.jsonl cut to its first lines (other files whole) was read as if
nothing were wrong: `roqa report` said a transcript had "no participant speech" and `roqa agree`
compared 40 of 76 segments. A run stopped by SIGKILL between writing codings.jsonl (first) and
run.json (after it) left a new codings.jsonl beside the earlier run's record, and nothing could
tell. run.json now records the segments of each transcript and the SHA-256 of codings.jsonl.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import warnings
from pathlib import Path

import pytest

from report_fixture import build_result
from roqa_nlp.cli import main
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult

REPO = Path(__file__).resolve().parents[1]


def _saved(folder: Path) -> Path:
    build_result().save(folder)
    return folder


def _cut(folder: Path, n_lines: int) -> Path:
    """``head -n N`` of the folder's codings.jsonl, in place."""
    codings = folder / "codings.jsonl"
    lines = codings.read_text("utf-8").splitlines(keepends=True)
    codings.write_text("".join(lines[:n_lines]), encoding="utf-8")
    return codings


def test_run_json_records_each_transcripts_segments_and_the_codings_digest(
    tmp_path: Path,
) -> None:
    out = _saved(tmp_path / "coded")
    run = json.loads((out / "run.json").read_text("utf-8"))
    digest = hashlib.sha256((out / "codings.jsonl").read_bytes()).hexdigest()
    assert run["codings"] == {
        "segments": {"p01_interview": 5, "p02_interview": 4, "p03_interview": 3},
        "sha256": digest,
    }


def test_a_transcript_with_no_coded_segment_is_recorded_with_0(tmp_path: Path) -> None:
    """So that its codings cannot be lost unnoticed, nor added from another run."""
    result = build_result()
    result.subset(transcript=["p01_interview", "p02_interview"]).save(tmp_path / "a")
    kept = result.subset(transcript="p01_interview")
    kept.transcripts = dict(result.transcripts)
    kept.save(tmp_path / "b")
    run = json.loads((tmp_path / "b" / "run.json").read_text("utf-8"))
    assert run["codings"]["segments"] == {
        "p01_interview": 5,
        "p02_interview": 0,
        "p03_interview": 0,
    }


def test_saving_again_writes_the_same_run_json(tmp_path: Path) -> None:
    """No time or path in the record: a rerun stays byte-identical."""
    _saved(tmp_path / "a")
    CodingResult.read(tmp_path / "a").save(tmp_path / "b")
    assert (tmp_path / "a" / "run.json").read_bytes() == (tmp_path / "b" / "run.json").read_bytes()


def test_a_codings_file_that_lost_lines_is_a_one_line_error(tmp_path: Path) -> None:
    codings = _cut(_saved(tmp_path / "coded"), 6)
    with pytest.raises(RoqaError) as e:
        CodingResult.read(tmp_path / "coded", strict=True)
    assert str(e.value) == (
        f"{codings}: holds 6 segments where run.json beside it records 12 (p02_interview: 1 of "
        "4, p03_interview: 0 of 3): it lost lines, or is from another run stopped part-way; p03_interview, of which it holds no segment, is left out, transcript and all"
        " "
        "(if lines were removed on purpose, e.g. a withdrawn participant's, this is expected; "
        "otherwise run roqa code again to write the folder whole)"
    )


def test_codings_of_another_run_beside_an_earlier_run_json_are_an_error(tmp_path: Path) -> None:
    """SIGKILL after codings.jsonl was replaced, before run.json was (tester s41, KILL 2.7 s)."""
    out = _saved(tmp_path / "coded")
    build_result().subset(transcript="p02_interview").save(tmp_path / "other")
    shutil.copy(tmp_path / "other" / "codings.jsonl", out / "codings.jsonl")
    with pytest.raises(RoqaError) as e:
        CodingResult.read(out / "codings.jsonl", strict=True)
    assert str(e.value) == (
        f"{out / 'codings.jsonl'}: holds 4 segments where run.json beside it records 12 "
        "(p01_interview: 0 of 5, p03_interview: 0 of 3): it lost lines, or is from another run "
        "stopped part-way; p01_interview and p03_interview, of which it holds no segment, are left "
        "out, transcript and all"
        " (if lines were removed on purpose, e.g. a withdrawn participant's, this is expected; "
        "otherwise run roqa code again to write the folder whole)"
    )


def test_codings_of_a_larger_run_beside_an_earlier_run_json_are_an_error(tmp_path: Path) -> None:
    """The tester's SIGKILL case: 20 interviews coded into a folder that held 3 (here 3 into
    one that held 1), stopped after codings.jsonl."""
    build_result().subset(transcript="p02_interview").save(tmp_path / "earlier")
    _saved(tmp_path / "other")
    shutil.copy(tmp_path / "other" / "codings.jsonl", tmp_path / "earlier" / "codings.jsonl")
    with pytest.raises(RoqaError) as e:
        CodingResult.read(tmp_path / "earlier", strict=True)
    assert str(e.value) == (
        f"{tmp_path / 'earlier' / 'codings.jsonl'}: holds 12 segments where run.json beside it "
        "records 4 (p01_interview: 5 where run.json records none, p03_interview: 3 where "
        "run.json records none): it is from another run "
        "stopped part-way, or was added to since (if lines were removed on purpose, e.g. a withdrawn participant's, this is expected; "
        "otherwise run roqa code again to write the folder whole)"
    )


def test_codings_changed_after_the_run_are_read_with_a_warning(tmp_path: Path) -> None:
    """As many segments as recorded, but not the file written: edited, or another run's over
    the same transcripts. The record (model, parameters) may not be its."""
    out = _saved(tmp_path / "coded")
    codings = out / "codings.jsonl"
    codings.write_text(codings.read_text("utf-8").replace("0.8", "0.7", 1), encoding="utf-8")
    with pytest.warns(RoqaWarning) as said:
        result = CodingResult.read(out)
    assert len(result) == 12
    assert [str(w.message) for w in said] == [
        f"{codings}: is not the file run.json beside it records (changed since, or from another "
        "run stopped part-way): the model and parameters run.json names may not be the ones "
        "that made it"
    ]


def test_a_run_json_written_before_the_record_is_read_as_before(tmp_path: Path) -> None:
    out = _saved(tmp_path / "coded")
    run = json.loads((out / "run.json").read_text("utf-8"))
    del run["codings"]
    (out / "run.json").write_text(json.dumps(run), encoding="utf-8")
    _cut(out, 6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(CodingResult.read(out)) == 6


def test_a_models_codings_whose_run_json_was_deleted_are_read_with_one_warning(
    tmp_path: Path, capsys
) -> None:
    """Blind tester s56 (incremental, finding 4): with run.json deleted by hand, report,
    apply-decisions and export read codings.jsonl with no word, the check of lost lines gone.
    Every folder roqa code or save() writes holds run.json beside codings.jsonl and
    transcripts.jsonl, so a model's codings with transcripts.jsonl and no run.json lost it."""
    out = _saved(tmp_path / "coded")
    (out / "run.json").unlink()
    said = (
        f"{out / 'codings.jsonl'}: no run.json beside it: cannot check it lost no lines, nor say "
        "which model and parameters made it; re-run roqa code to write it"
    )
    with pytest.warns(RoqaWarning) as caught:
        assert len(CodingResult.read(out)) == 12
    assert [str(w.message) for w in caught] == [said]
    main(["report", str(out), "--out", str(tmp_path / "r.html")])
    assert capsys.readouterr().err.splitlines().count(f"roqa: warning: {said}") == 1


def test_codings_that_need_no_run_json_are_read_without_a_warning(tmp_path: Path) -> None:
    """A person's codings (every probability 1, as examples/gold ships them with its
    transcripts.jsonl) and a bare codings.jsonl (no transcripts.jsonl) have no run.json by
    nature: nothing is said of it."""
    out = _saved(tmp_path / "coded")
    (out / "run.json").unlink()
    (out / "transcripts.jsonl").unlink()
    gold = REPO / "examples" / "gold"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(CodingResult.read(out)) == 12
        assert len(CodingResult.read(gold)) == 76


def test_roqa_report_of_a_folder_whose_codings_lost_lines_warns_and_reports_the_rest(
    tmp_path: Path, capsys
) -> None:
    """Hunt s41/4: a researcher who deletes a withdrawn participant's lines from codings.jsonl
    was refused (exit 2) by report, export and apply-decisions; it is said, not refused."""
    out = _saved(tmp_path / "coded")
    codings = _cut(out, 6)
    main(["report", str(out), "--out", str(tmp_path / "r.html")])
    assert capsys.readouterr().err.splitlines()[0] == (
        f"roqa: warning: {codings}: holds 6 segments where run.json beside it records 12 "
        "(p02_interview: 1 of 4, p03_interview: 0 of 3): it lost lines, or is from another run "
        "stopped part-way; p03_interview, of which it holds no segment, is left out, transcript and all"
        " (if lines were removed on purpose, e.g. a withdrawn participant's, this is expected; "
        "otherwise run roqa code again to write the folder whole)"
    )
    assert (tmp_path / "r.html").exists()


def test_roqa_agree_warns_of_codings_that_lost_lines_and_compares_the_rest(
    tmp_path: Path, capsys
) -> None:
    """agree compares the segments both coders coded, a coder's missing ones said as missing:
    a file short of its record is said, not refused."""
    full = _saved(tmp_path / "full")
    cut = _saved(tmp_path / "cut")
    codings = _cut(cut, 6)
    main(["agree", str(codings), str(full / "codings.jsonl")])
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"roqa: warning: {codings}: holds 6 segments where run.json beside it records 12 "
        "(p02_interview: 1 of 4, p03_interview: 0 of 3): it lost lines, or is from another run "
        "stopped part-way; p03_interview, of which it holds no segment, is left out, transcript and all"
        " (if lines were removed on purpose, e.g. a withdrawn participant's, this is expected; "
        "otherwise run roqa code again to write the folder whole)"
    )


@pytest.mark.slow
def test_roqa_report_of_a_coded_folder_writes_the_report_roqa_code_wrote(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    """Session 41 (repro, 5): the report of `roqa code --model` showed the whole model card
    (for a model trained on decisions, the decisions files it learned from), `roqa report` of
    the same folder only run.json's summary of it: the provenance was lost. run.json now keeps
    the card."""
    (tmp_path / "p01_interview.txt").write_text(
        "Interviewer: What gets in the way?\nP01: We never had the budget for agency staff.\n",
        encoding="utf-8",
    )
    out = tmp_path / "coded"
    main(["code", str(tmp_path / "p01_interview.txt"), "--out", str(out),
          "--model", str(tiny_model_dir)])  # fmt: skip
    card = json.loads((tiny_model_dir / "model_card.json").read_text("utf-8"))
    assert json.loads((out / "run.json").read_text("utf-8"))["model_card"] == card
    main(["report", str(out), "--out", str(tmp_path / "again.html")])
    assert (tmp_path / "again.html").read_bytes() == (out / "report.html").read_bytes()


@pytest.mark.slow
def test_the_decisions_a_model_learned_from_are_in_the_report_of_its_run_json(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    from roqa_nlp.autocoder import AutoCoder
    from roqa_nlp.report import write_report

    learned = [{"name": "loop/r0/decisions.csv", "sha256": "0786d6", "n_decisions": 12}]
    ac = AutoCoder.load(tiny_model_dir)
    ac.card = {**ac.card, "feedback": {"decisions_files": learned, "n_decisions": 12}}
    (tmp_path / "p01.txt").write_text("Interviewer: Hi?\nP01: We lack staff.\n", encoding="utf-8")
    ac.code([tmp_path / "p01.txt"]).save(tmp_path / "coded")
    back = CodingResult.read(tmp_path / "coded")
    assert back.meta["model_card"]["feedback"]["decisions_files"] == learned
    write_report(back, tmp_path / "r.html", ac.codebook)
    assert (
        '<th scope="row">feedback.decisions_files</th><td><code>loop/r0/decisions.csv: 12 decisions, '
        "sha256 0786d6…" in (tmp_path / "r.html").read_text("utf-8")
    )


def test_a_transcript_whose_lines_were_all_removed_is_left_out_transcript_and_all(
    tmp_path: Path,
) -> None:
    """Hunt s41/5: a withdrawn participant's lines removed from codings.jsonl left their whole
    transcript in transcripts.jsonl, so the .qdpx export and the report still carried it. A
    transcript run.json records segments of and the file holds none of is not read."""
    out = _saved(tmp_path / "coded")
    codings = out / "codings.jsonl"
    kept = [
        line
        for line in codings.read_text("utf-8").splitlines(keepends=True)
        if '"p02_interview"' not in line
    ]
    codings.write_text("".join(kept), encoding="utf-8")
    with pytest.warns(RoqaWarning):
        result = CodingResult.read(out)
    assert sorted(result.transcripts) == ["p01_interview", "p03_interview"]
    assert {s.segment.transcript_id for s in result} == {"p01_interview", "p03_interview"}
