"""A folder coded again with ``--pseudonymise`` says plainly that the write-up files an
earlier run left there, made from codings that were not pseudonymised, still hold names
(tester s51 privacy, 4: matrix.xlsx and table2.docx kept 'Rhiannon Llewellyn' x23 beside the
pseudonymised codings, said only to be "from before this run")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_cli_core import EXAMPLES, roqa

# The first run of most tests here is one of three runs of the examples: each is made once for
# the module and copied (times kept) into the test's own folder, instead of being coded again
# by every test (3 s of CPU a run). The tests of a module share one worker (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("pseudonymise_earlier_outputs")


def _stale_line(err: str) -> str:
    return next(line for line in err.splitlines() if "from before this run" in line)


def _code(out: Path, model: Path, *options: object) -> str:
    run = roqa("code", EXAMPLES, "--out", out, "--model", model, "--no-report", *options)
    assert run.code == 0, run.err
    return run.err


@pytest.fixture(scope="module")
def plain(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``o``, the examples coded with ``--no-report``."""
    folder = tmp_path_factory.mktemp("plain")
    _code(folder / "o", tiny_model_dir)
    return folder


@pytest.fixture(scope="module")
def pseudonymised(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``o``, the examples coded with ``--no-report --pseudonymise key.csv``,
    and its ``key.csv``."""
    folder = tmp_path_factory.mktemp("pseudonymised")
    _code(folder / "o", tiny_model_dir, "--pseudonymise", folder / "key.csv")
    return folder


@pytest.fixture(scope="module")
def reviewed(tiny_model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``o`` as ``_review_on_plain_codings`` leaves it (coded with its report,
    and decisions.csv beside the codings)."""
    folder = tmp_path_factory.mktemp("reviewed")
    _review_on_plain_codings(folder / "o", tiny_model_dir)
    return folder


def _copy_of(made: Path, tmp_path: Path) -> Path:
    """``tmp_path / "o"``: a copy of the module's first run ``made / "o"`` (and its key.csv, if
    it has one, as ``tmp_path / "key.csv"``), file times kept."""
    shutil.copytree(made / "o", tmp_path / "o")
    if (made / "key.csv").exists():
        shutil.copy2(made / "key.csv", tmp_path / "key.csv")
    return tmp_path / "o"


def test_write_up_files_of_codings_not_pseudonymised_are_said_to_hold_names(
    tiny_model_dir: Path, tmp_path: Path, plain: Path
) -> None:
    out = _copy_of(plain, tmp_path)
    for name in ("matrix.xlsx", "table2.docx"):
        (out / name).write_text("made before\n", encoding="utf-8")
    err = _code(out, tiny_model_dir, "--pseudonymise", tmp_path / "key.csv")
    assert _stale_line(err) == (
        f"roqa: warning: {out}: matrix.xlsx, table2.docx are from before this run, which did "
        "not rewrite them, and were made from codings that were not pseudonymised: they hold "
        f"names and un-pseudonymised talk (move them out of {out} before sharing it, or make "
        "them again from these codings)"
    )
    assert (out / "matrix.xlsx").read_text(encoding="utf-8") == "made before\n"  # not deleted


def test_write_up_files_of_pseudonymised_codings_are_only_said_to_be_earlier(
    tiny_model_dir: Path, tmp_path: Path, pseudonymised: Path
) -> None:
    out = _copy_of(pseudonymised, tmp_path)
    key = tmp_path / "key.csv"
    (out / "matrix.xlsx").write_text("made before\n", encoding="utf-8")
    err = _code(out, tiny_model_dir, "--pseudonymise", key)
    assert _stale_line(err) == (
        f"roqa: warning: {out}: matrix.xlsx is from before this run, which did not rewrite it: "
        "a report, table or export among them shows the earlier codings (make it again from "
        "these)"
    )


def test_a_write_up_file_beside_codings_with_no_record_of_their_transcripts_may_hold_names(
    tiny_model_dir: Path, tmp_path: Path, plain: Path
) -> None:
    out = _copy_of(plain, tmp_path)
    (out / "transcripts.jsonl").unlink()  # an earlier version's folder, or one trimmed by hand
    (out / "report-old.html").write_text("made before\n", encoding="utf-8")
    err = _code(out, tiny_model_dir, "--pseudonymise", tmp_path / "key.csv")
    assert _stale_line(err) == (
        f"roqa: warning: {out}: report-old.html is from before this run, which did not rewrite "
        "it: roqa has no record that it was pseudonymised, so it may hold names and "
        f"un-pseudonymised talk (move it out of {out} before sharing it, or make it again from "
        "these codings)"
    )


def test_the_review_of_codings_not_pseudonymised_is_said_to_hold_names(
    tiny_model_dir: Path, tmp_path: Path, plain: Path
) -> None:
    """Before, matrix.xlsx was named but decisions.csv, which holds the decided segments' talk
    as it was (a phone number, a postcode), was not (privacy tester s59, M1)."""
    out = _copy_of(plain, tmp_path)
    review = "segment_id,decision,code_id,new_code,note,text\np01_interview:0099,reject,IC.H,,,Ring 07700 900461.\n"
    (out / "decisions.csv").write_text(review, encoding="utf-8")
    err = _code(out, tiny_model_dir, "--pseudonymise", tmp_path / "key.csv")
    assert [line for line in err.splitlines() if "decisions.csv" in line] == [
        f"roqa: warning: {out}: decisions.csv, the review made on codings that were not "
        "pseudonymised, holds names and un-pseudonymised talk in its rows (move it out of "
        f"{out} before sharing it; Save decisions in the new report.html writes the review on "
        "these codings)"
    ]
    assert (out / "decisions.csv").read_text(encoding="utf-8") == review  # not moved


def test_the_review_of_pseudonymised_codings_is_not_said_to_hold_names(
    tiny_model_dir: Path, tmp_path: Path, pseudonymised: Path
) -> None:
    out, key = _copy_of(pseudonymised, tmp_path), tmp_path / "key.csv"
    (out / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n", encoding="utf-8"
    )
    err = _code(out, tiny_model_dir, "--pseudonymise", key)
    assert "decisions.csv" not in err


def _first_segment(out: Path) -> tuple[str, str, str]:
    """The id, text and first suggestion's code of the first segment of ``out``'s codings
    that has a suggestion."""
    import json

    for line in (out / "codings.jsonl").read_text(encoding="utf-8").splitlines():
        segment = json.loads(line)
        if segment.get("suggestions"):
            return segment["segment_id"], segment["text"], segment["suggestions"][0]["code_id"]
    raise AssertionError("no segment with a suggestion")


def test_notes_of_a_review_of_codings_not_pseudonymised_are_left_out_of_the_new_report(
    tiny_model_dir: Path, tmp_path: Path, reviewed: Path
) -> None:
    """A note written on codings that were not pseudonymised reached the pseudonymised run's
    report.html, and from the review file, by apply-decisions, its run.json (and a .qdpx):
    tester s78 privacy2, L12. It is left out, not rewritten by the key: 'Bev Hirst' is in no
    row of it. The decision on the segment is kept."""

    out = _copy_of(reviewed, tmp_path)  # the review of _review_on_plain_codings
    review = (out / "decisions.csv").read_text(encoding="utf-8")
    run = roqa("code", EXAMPLES, "--out", out, "--model", tiny_model_dir, "--pseudonymise",
               tmp_path / "key.csv")  # fmt: skip
    assert run.code == 0, run.err
    assert "Bev Hirst" not in (out / "report.html").read_text(encoding="utf-8")
    assert (
        f"roqa: warning: {out / 'decisions.csv'}: its 1 reviewer note(s), made on codings that "
        "were not pseudonymised, are left out of the new report.html, as a note may name "
        "anyone; they stay in that file: copy a note you need into the new report, without names"
    ) in run.err.splitlines()
    assert (out / "decisions.csv").read_text(encoding="utf-8") == review  # kept as written
    # apply-decisions given that file leaves its note out too, the decision in
    reviewed = tmp_path / "reviewed"
    applied = roqa("apply-decisions", out, "--out", reviewed, "--coder", "AB")
    assert applied.code == 0, applied.err
    assert (
        f"roqa: warning: {out / 'decisions.csv'}: its 1 reviewer note(s) are left out by roqa "
        "apply-decisions, as by the pseudonymised run of these codings: they were written on "
        "codings that were not pseudonymised, and a note may name anyone (save the review from "
        "the new report.html to keep the notes written there)"
    ) in applied.err.splitlines()
    for name in ("run.json", "codings.jsonl"):
        assert "Bev Hirst" not in (reviewed / name).read_text(encoding="utf-8")
    assert "AB's review: 1 of " in " ".join(applied.out.split())  # the decision is kept


def _review_on_plain_codings(out: Path, model: Path) -> str:
    """``out`` coded without pseudonymising and a review of it, decisions.csv, whose one row
    accepts the first suggestion with a note naming people; returns the review's text."""
    assert roqa("code", EXAMPLES, "--out", out, "--model", model).code == 0
    sid, text, code = _first_segment(out)
    quoted = '"' + text.replace('"', '""') + '"'
    review = (
        "segment_id,decision,code_id,new_code,note,text\n"
        f"{sid},accept,{code},,ask Lucy Pemberton about Bev Hirst,{quoted}\n"
    )
    (out / "decisions.csv").write_text(review, encoding="utf-8")
    return review


def test_a_second_pseudonymised_run_leaves_the_notes_out_again(
    tiny_model_dir: Path, tmp_path: Path, reviewed: Path
) -> None:
    """Session 78 hunt4 F1: after the first pseudonymised run the folder's codings are
    pseudonymised, so the same review, unchanged, counted as made on them and its note went
    back into report.html, and run.json lost its record (apply-decisions then kept the note
    too). The record is carried forward."""
    out, key = _copy_of(reviewed, tmp_path), tmp_path / "key.csv"
    for _ in range(2):
        run = roqa("code", EXAMPLES, "--out", out, "--model", tiny_model_dir, "--pseudonymise", key)
        assert run.code == 0, run.err
        assert "Bev Hirst" not in (out / "report.html").read_text(encoding="utf-8")
    assert (
        f"roqa: warning: {out / 'decisions.csv'}: its 1 reviewer note(s), left out of an earlier "
        "pseudonymised run's report as made on codings that were not pseudonymised, are left out "
        "of the new report.html, as a note may name anyone; they stay in that file: copy a note "
        "you need into the new report, without names"
    ) in run.err.splitlines()
    reviewed = tmp_path / "reviewed"
    applied = roqa("apply-decisions", out, "--out", reviewed, "--coder", "AB")
    assert applied.code == 0, applied.err
    assert "Bev Hirst" not in (reviewed / "run.json").read_text(encoding="utf-8")
    assert "AB's review: 1 of " in " ".join(applied.out.split())  # the decision is kept


def test_the_notes_left_out_stay_out_of_the_review_saved_again(
    tiny_model_dir: Path, tmp_path: Path, reviewed: Path
) -> None:
    """Session 78 hunt4 F4: the notes left out were known by the review file's SHA-256, so the
    same review saved again by Excel (CRLF line ends) or with one decision added put them back
    into apply-decisions' run.json and roqa report's page. They are known by their words."""
    out, key = _copy_of(reviewed, tmp_path), tmp_path / "key.csv"
    review = (out / "decisions.csv").read_text(encoding="utf-8")  # _review_on_plain_codings'
    run = roqa("code", EXAMPLES, "--out", out, "--model", tiny_model_dir, "--pseudonymise", key)
    assert run.code == 0, run.err
    sid = review.splitlines()[1].split(",")[0]
    other = next(s for s in _segments(out) if s["segment_id"] != sid and s.get("suggestions"))
    quoted = '"' + other["text"].replace('"', '""') + '"'
    added = f"{other['segment_id']},accept,{other['suggestions'][0]['code_id']},,,{quoted}\n"
    resaved = tmp_path / "saved_again.csv"
    resaved.write_bytes((review + added).replace("\n", "\r\n").encode("utf-8"))
    reviewed = tmp_path / "reviewed"
    applied = roqa(
        "apply-decisions", out, "--out", reviewed, "--coder", "AB", "--decisions", resaved
    )
    assert applied.code == 0, applied.err
    assert "Bev Hirst" not in (reviewed / "run.json").read_text(encoding="utf-8")
    assert "AB's review: 2 of " in " ".join(applied.out.split())  # both decisions kept
    page = tmp_path / "page.html"
    shown = roqa("report", out, "--out", page, "--decisions", resaved)
    assert shown.code == 0, shown.err
    assert "Bev Hirst" not in page.read_text(encoding="utf-8")
    assert (
        f"roqa: warning: {resaved}: its 1 reviewer note(s) are left out by roqa report, as by "
        "the pseudonymised run of these codings: they were written on codings that were not "
        "pseudonymised, and a note may name anyone (save the review from the new report.html to "
        "keep the notes written there)"
    ) in shown.err.splitlines()


def _segments(out: Path) -> list[dict[str, object]]:
    import json

    return [
        json.loads(line)
        for line in (out / "codings.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("quotes_the_codings", [True, False])
def test_a_review_saved_elsewhere_keeps_its_notes_when_it_quotes_the_pseudonymised_codings(
    tiny_model_dir: Path, tmp_path: Path, quotes_the_codings: bool, pseudonymised: Path
) -> None:
    """Session 78 hunt4 F5: a review saved from the pseudonymised report into Downloads (no
    codings beside it) lost its notes in the next pseudonymised run's report, roqa having 'no
    record' of the codings it was made on. It quotes the pseudonymised codings of --out, so its
    notes are kept. A row quoting other talk (the names of codings not pseudonymised) still
    leaves them out."""
    out, key = _copy_of(pseudonymised, tmp_path), tmp_path / "key.csv"
    downloads = tmp_path / "Downloads"
    sid, text, code = _first_segment(out)
    if not quotes_the_codings:
        text = "Maria Okafor said: " + text
    quoted = '"' + text.replace('"', '""') + '"'
    downloads.mkdir()
    (downloads / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"{sid},accept,{code},,good quote for theme 2,{quoted}\n",
        encoding="utf-8",
    )
    run = roqa("code", EXAMPLES, "--out", out, "--model", tiny_model_dir, "--pseudonymise", key,
               "--decisions", downloads / "decisions.csv")  # fmt: skip
    assert run.code == 0, run.err
    page = (out / "report.html").read_text(encoding="utf-8")
    assert ("good quote for theme 2" in page) is quotes_the_codings
    warned = [line for line in run.err.splitlines() if "reviewer note(s)" in line]
    assert warned == (
        []
        if quotes_the_codings
        else [
            f"roqa: warning: {downloads / 'decisions.csv'}: its 1 reviewer note(s), made on "
            "codings roqa has no record were pseudonymised, are left out of the new report.html, "
            "as a note may name anyone; they stay in that file: copy a note you need into the new "
            "report, without names"
        ]
    )


def test_a_new_code_carried_from_a_review_before_pseudonymising_is_warned_of(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Session 81 (pfix5's LOW, hunt6 F4): a new code named on a segment of the codings before
    pseudonymising ("Lucy Pemberton as trainer") went into the pseudonymised run's report with
    no word, where apply-decisions and report warn to check its name. Now roqa code, carrying
    the review of its folder, gives their one warning; the new code is still carried."""
    raw, out, key = tmp_path / "raw", tmp_path / "o", tmp_path / "key.csv"
    raw.mkdir()
    (raw / "p01_interview.txt").write_text(
        "Sam Roe: How did the training go, Lucy?\n"
        "Lucy Pemberton: Honestly Sam, I ran it myself, Lucy Pemberton the trainer, and it was "
        "great.\n"
        "Sam Roe: And the budget?\n"
        "Lucy Pemberton: We never had enough money for the extra staff we needed, and I said so "
        "at every meeting.\n",
        encoding="utf-8",
    )
    key.write_text("name,pseudonym\nSam Roe,Interviewer\nLucy Pemberton,P01\n", encoding="utf-8")
    args = ["--model", tiny_model_dir, "--interviewer", "Sam Roe"]
    run = roqa("code", raw, "--out", out, *args)
    assert run.code == 0, run.err
    named = next(s for s in _segments(out) if "Lucy Pemberton the trainer" in str(s["text"]))
    quoted = '"' + str(named["text"]).replace('"', '""') + '"'
    (out / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f"{named['segment_id']},new-code,,Lucy Pemberton as trainer,,{quoted}\n",
        encoding="utf-8",
    )
    run = roqa("code", raw, "--out", out, *args, "--pseudonymise", key)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "new code" in line] == [
        f"roqa: warning: {out / 'decisions.csv'}: the new code on {named['segment_id']} comes "
        "from a review made on the codings before pseudonymising: check its name for a name "
        "pseudonymising replaced before sharing the outputs"
    ]
    assert "decisions: 1 on 1 segment (1 new-code) carried into the report" in run.out


def test_a_note_of_a_review_of_the_pseudonymised_codings_is_kept_on_a_segment_edited_since(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Session 81 pfix7 (pfix6's LOW 1): a review saved beside pseudonymised codings, its row
    quoting "[P01]" and a word since corrected in the transcript ("programe"), the near rule
    placing it: roqa code --pseudonymise left its note out, saying "the review was made on the
    codings before pseudonymising", which was false. Its note was written on the pseudonymised
    talk: it is kept, as apply-decisions and report keep it, and nothing is said of it."""
    raw, out, key = tmp_path / "raw", tmp_path / "o", tmp_path / "key.csv"
    raw.mkdir()
    (raw / "p01_interview.txt").write_text(
        "Sam Roe: What about the leaders?\n"
        "Lucy Pemberton: Our managers, Lucy Pemberton included, backed the programme from the "
        "start and gave us all plenty of time to learn the new system properly, with cover on "
        "every shift so nobody had to rush through the modules or stay late after a long day on "
        "the ward.\n",
        encoding="utf-8",
    )
    key.write_text("name,pseudonym\nSam Roe,Interviewer\nLucy Pemberton,P01\n", encoding="utf-8")
    args = ["--model", tiny_model_dir, "--interviewer", "Sam Roe", "--pseudonymise", key]
    run = roqa("code", raw, "--out", out, *args)
    assert run.code == 0, run.err
    seg = next(s for s in _segments(out) if "[P01] included" in str(s["text"]))
    typo = str(seg["text"]).replace("programme", "programe")
    (out / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'{seg["segment_id"]},note,,,check cover,"{typo}"\n',
        encoding="utf-8",
    )
    run = roqa("code", raw, "--out", out, *args)
    assert run.code == 0, run.err
    assert [line for line in run.err.splitlines() if "decisions.csv" in line] == [
        f"roqa: warning: {out / 'decisions.csv'}: 1 decision matched to 1 segment whose text was "
        f"edited since the review (nearly the same words, not the same): {seg['segment_id']} "
        "(row 2); check they are the talk decided on"
    ]
    assert (
        f"decisions: 0 and 1 note carried into the report from {out / 'decisions.csv'} (found "
        "beside the codings)"
    ) in run.out
    assert "check cover" in (out / "report.html").read_text(encoding="utf-8")
