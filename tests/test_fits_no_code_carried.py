"""Specification: a review that rejected every suggestion a segment showed keeps meaning "fits no
code" when the study is coded again with a model retrained on it, which shows other suggestions
there (session 31, tester F). ``roqa code --out`` records the judgement in the carried
decisions.csv as a ``no-code`` row, which ``roqa apply-decisions`` and ``roqa train`` read
whatever the codings show; a review short of the codings' suggestions with three rejections is
named in a warning."""

from __future__ import annotations

import csv
import shutil
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    Decision,
    append_decisions,
    feedback_plan,
    no_code_rows,
    read_decisions,
    reviewed_codings,
)
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn

TEXTS = ["It was. I was terrible at it, to be honest.", "The director backs the project."]
FIRST = ("CI.C", "IC.C", "IS.D.3")  # what the model showed when the review was made
RETRAINED = ("CI.C", "OS.D", "IC.C")  # what the retrained model shows there now


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def codings(shown: tuple[str, ...]) -> CodingResult:
    """One transcript p01: segment 1 suggesting ``shown``, segment 2 IS.B."""
    text = " ".join(TEXTS)
    segs, pos = [], 0
    for n, (words, codes) in enumerate(zip(TEXTS, (shown, ("IS.B",))), 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        suggestions = [Suggestion(c, c, c.split(".")[0], 0.5 - i / 10) for i, c in enumerate(codes)]
        segs.append(SegmentResult(seg, suggestions, novel=False, novelty_p=0.5))
        pos += len(words) + 1
    t = Transcript("p01", text, [Turn("P01", "participant", 0, len(text))], participant="P01")
    return CodingResult(segs, {"p01": t}, {})


REVIEW = [
    *(Decision("p01:0001", "reject", c, note="small talk?", text=TEXTS[0]) for c in FIRST),
    Decision("p01:0002", "accept", "IS.B", text=TEXTS[1]),
]


def test_the_codings_a_review_was_made_on_give_a_no_code_row_for_each_segment_it_rejected() -> None:
    assert no_code_rows(REVIEW, codings(FIRST)) == [
        Decision("p01:0001", "no-code", note="small talk?", text=TEXTS[0])
    ]
    # not on the retrained codings (they show OS.D, not rejected), nor twice
    assert no_code_rows(REVIEW, codings(RETRAINED)) == []
    assert no_code_rows([*REVIEW, *no_code_rows(REVIEW, codings(FIRST))], codings(FIRST)) == []


def test_a_no_code_row_keeps_the_segment_fitting_no_code_whatever_the_codings_show(
    cfir: Codebook,
) -> None:
    carried = [*REVIEW, Decision("p01:0001", "no-code", text=TEXTS[0])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reviewed, _, counts = reviewed_codings(carried, codings(RETRAINED), cfir, coder="Fiona")
        plan = feedback_plan([(carried, codings(RETRAINED), "decisions.csv")], cfir)
    assert [(s.segment.id, len(s.suggestions)) for s in reviewed] == [
        ("p01:0001", 0),
        ("p01:0002", 1),
    ]
    assert (counts["rejected"], counts["short_of_all"]) == (1, 0)
    assert (plan.ids, plan.kinds, plan.labels) == (
        ["p01:0001", "p01:0002"],
        ["rejected", "coded"],
        [[], ["IS.B"]],
    )
    assert plan.left_out == {}
    # a code decided on the segment wins over the no-code row
    coded = [*carried, Decision("p01:0001", "accept", "OS.D", text=TEXTS[0])]
    plan = feedback_plan([(coded, codings(RETRAINED), "decisions.csv")], cfir)
    assert plan.labels[0] == ["OS.D"]
    assert plan.left_out == {"rejections on segments given a code": 4}


def test_three_rejections_short_of_what_the_codings_show_now_are_named_in_a_warning(
    cfir: Codebook,
) -> None:
    with pytest.warns(RoqaWarning) as caught:
        _, _, counts = reviewed_codings(REVIEW, codings(RETRAINED), cfir, coder="Fiona")
    assert counts["short_of_all"] == 1
    expected = (
        "decisions.csv: 1 segment with 3 or more suggestions rejected and no code decided, not "
        "taken as fitting no code because the codings now suggest codes the review did not "
        "reject: p01:0001; if the review rejected every "
        "suggestion shown when it was made (the codings were made again since, by a retrained "
        "model), add a row 'no-code' for each segment"
    )
    assert [str(w.message) for w in caught] == [expected.replace("decisions.csv", "decisions")]
    with pytest.warns(RoqaWarning) as caught:
        plan = feedback_plan([(REVIEW, codings(RETRAINED), "decisions.csv")], cfir)
    assert plan.left_out == {"rejections short of all the segment's suggestions": 3}
    assert [str(w.message) for w in caught] == [expected]
    # fewer than three rejections: "not this code", as before, and no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reviewed_codings(REVIEW[1:], codings(RETRAINED), cfir, coder="Fiona")


def test_rows_excel_saved_above_are_written_back_guarded_from_running_as_formulas(
    tmp_path: Path,
) -> None:
    """Waves tester, session 49: Excel saves a note typed as '-check with co-coder' without the
    apostrophe roqa wrote; adding a no-code row wrote it back so, and Excel next opening the
    file made it #NAME?. Every cell roqa writes, the rows above too, is guarded; a cell
    guarded already, a blank row, a title line above the header, an empty trailing column, the
    byte order mark and the line ends stay as they were (a line break in a cell is Excel's
    ``\n``)."""
    old = (
        "\ufeffReview of week 1\r\nsegment_id;decision;code_id;note;text;\r\n"
        "p01:0001;reject;CI.C;-check with co-coder;x;\r\n\r\n"
        'p01:0002;accept;IS.B;\'=1+1 stays;"a; b\r\nc";\r\n'
    )
    path = tmp_path / "decisions.csv"
    path.write_text(old, encoding="utf-8", newline="")
    before = [(d.segment_id, d.note, d.text) for d in read_decisions(path)[0]]
    append_decisions(path, [Decision("p01:0003", "no-code", note="@ her words")])
    assert path.read_bytes().decode("utf-8") == (  # its mark and line ends kept (s85 D6)
        "\ufeffReview of week 1\r\nsegment_id;decision;code_id;note;text;\r\n"
        "p01:0001;reject;CI.C;'-check with co-coder;x;\r\n\r\n"
        'p01:0002;accept;IS.B;\'=1+1 stays;"a; b\nc";\r\n'
        "p01:0003;no-code;;'@ her words;;\r\n"
    )
    assert [(d.segment_id, d.note, d.text) for d in read_decisions(path)[0]] == [
        *before,
        ("p01:0003", "@ her words", ""),
    ]


def test_no_code_rows_are_added_to_a_decisions_file_in_its_own_columns(tmp_path: Path) -> None:
    old = "\ufeffsegment_id;decision;code_id;text\r\np01:0001;reject;CI.C;x\r\n"
    path = tmp_path / "decisions.csv"
    path.write_text(old, encoding="utf-8", newline="")
    append_decisions(path, [Decision("p01:0001", "no-code", text="=1+1 she said")])
    assert path.read_bytes().decode("utf-8") == old + "p01:0001;no-code;;'=1+1 she said\r\n"
    assert [d.decision for d in read_decisions(path)[0]] == ["reject", "no-code"]
    jsonl = tmp_path / "decisions.jsonl"
    jsonl.write_text('{"segment_id": "p01:0001", "decision": "reject", "code_id": "CI.C"}')
    append_decisions(jsonl, [Decision("p01:0001", "no-code")])
    assert [(d.decision, d.code_id) for d in read_decisions(jsonl)[0]] == [
        ("reject", "CI.C"),
        ("no-code", ""),
    ]


@pytest.mark.slow
def test_roqa_code_into_the_reviewed_folder_records_the_segments_that_fit_no_code(
    tiny_model_dir: Path, tmp_path: Path, capsys
) -> None:
    """Tester F's repro, small: the review rejected the three suggestions a segment showed; the
    folder is coded again by a model showing others there. Before, apply-decisions called the
    segment "some suggestions rejected and the others undecided" and training left it out."""
    from test_cli_agree import run

    examples = Path(__file__).resolve().parents[1] / "examples" / "interviews"
    interviews, out = tmp_path / "interviews", tmp_path / "coded"
    interviews.mkdir()
    shutil.copy(examples / "p01_interview.txt", interviews)
    args = ["code", str(interviews), "--out", str(out), "--model", str(tiny_model_dir)]
    assert run(args, capsys)[0] == 0
    # the codings the review was made on: a model that showed FIRST on the first coded segment
    result = CodingResult.read(out)
    target = next(s for s in result.segments if s.suggestions)
    target.suggestions[:] = [Suggestion(c, c, c.split(".")[0], 0.5) for c in FIRST]
    result.save(out)
    with (out / "decisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        for c in FIRST:
            w.writerow([target.segment.id, "reject", c, "", "", target.segment.text])

    code, stdout, err = run(args, capsys)
    assert code == 0, err
    assert (
        f"roqa: note: {out / 'decisions.csv'}: 1 segment whose every suggestion the review "
        f"rejected ({target.segment.id}) recorded as fitting no code (a row 'no-code' each), so "
        "they still fit no code when the new codings suggest other codes"
    ) in err.splitlines()
    decisions = read_decisions(out / "decisions.csv")[0]
    assert [(d.segment_id, d.decision) for d in decisions][-1] == (target.segment.id, "no-code")
    reviewed = tmp_path / "reviewed"
    code, stdout, err = run(
        ["apply-decisions", str(out), "--coder", "Fiona", "--out", str(reviewed)], capsys
    )
    assert code == 0, err
    assert "1 with every suggestion rejected and no code" in " ".join(stdout.split())
    # coded again: the row is there already, none added
    code, _, err = run(args, capsys)
    assert code == 0 and "no-code" not in err
    assert read_decisions(out / "decisions.csv")[0] == decisions


def test_rows_without_text_are_said_to_be_matched_by_id_alone(cfir: Codebook) -> None:
    """Tester F: a decisions file without a text column put its decisions on other segments
    after a turn was added to a transcript, with no word (the warning that ids moved needs rows
    with text to tell). Now a warning names the file and what to keep; none when rows have text."""
    bare = [Decision("p01:0002", "accept", "IS.B"), Decision("p01:0002", "note", note="later")]
    expected = (
        "notext.csv: 1 decision row without text, matched to segments by id alone: if a "
        "transcript changed since the review (a turn added or removed), they land on other "
        "segments; a file without the text column (saved by an earlier roqa) gets it when "
        "loaded into the report of the codings it was made on (Load decisions) and saved "
        "again (Save decisions)"
    )
    with pytest.warns(RoqaWarning) as caught:
        reviewed_codings(bare, codings(FIRST), cfir, coder="Fiona", where="notext.csv")
    assert [str(w.message) for w in caught] == [expected]
    with pytest.warns(RoqaWarning) as caught:
        feedback_plan([(bare, codings(FIRST), "notext.csv")], cfir)
    assert [str(w.message) for w in caught] == [expected]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reviewed_codings(REVIEW[3:], codings(FIRST), cfir, coder="Fiona")
        feedback_plan([(REVIEW[3:], codings(FIRST), "decisions.csv")], cfir)
        # a row without text on a segment another row gives the text of: trained on that text
        feedback_plan([([*REVIEW[3:], Decision("p01:0002", "valence", valence="barrier")],
                        codings(FIRST), "decisions.csv")], cfir)  # fmt: skip


def test_roqa_code_into_a_folder_reviewed_in_cfir2_records_the_segments_that_fit_no_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The review in decisions.csv beside the codings was made on them charted in CFIR 2.0 (the
    three CFIR 2.0 codes shown for segment 1 rejected, rows written by hand or by a QDA program:
    no ``no-code`` row); before the folder is coded again it gets the row a CFIR 2009 review
    gets (before, none: the rejections were compared with the CFIR 2009 suggestions)."""
    from roqa_nlp.cli.code_cmd import _keep_fits_no_code

    result = codings(FIRST)
    result.meta = {"model": {"codebook": "cfir-2009"}}
    result.save(tmp_path)
    # FIRST charted in CFIR 2.0 (as the report shows them): Motivation, Innovation Relative
    # Advantage, Relative Priority
    shown = ["IND.M", "INN.C", "INS.G"]
    with (tmp_path / "decisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        for c in shown:
            w.writerow(["p01:0001", "reject", c, "", "", TEXTS[0]])
        w.writerow(["p01:0002", "accept", "INS.B", "", "", TEXTS[1]])
    _keep_fits_no_code(tmp_path, None, None)
    err = capsys.readouterr().err
    assert (
        f"roqa: note: {tmp_path / 'decisions.csv'}: 1 segment whose every suggestion the review "
        "rejected (p01:0001) recorded as fitting no code (a row 'no-code' each), so they still "
        "fit no code when the new codings suggest other codes"
    ) in err.splitlines()
    decisions = read_decisions(tmp_path / "decisions.csv")[0]
    assert decisions[-1] == Decision("p01:0001", "no-code", text=TEXTS[0])
    assert len(decisions) == 5


def test_roqa_code_records_what_fits_no_code_when_the_codings_project_codebook_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Codings recording a project codebook that is no longer beside them, reviewed in their own
    codes: the segment whose three suggestions were rejected still gets its ``no-code`` row
    (reading the review in CFIR 2009 codes needs no codebook), not a warning that none were
    recorded."""
    from roqa_nlp.cli.code_cmd import _keep_fits_no_code

    result = codings(FIRST)
    result.meta = {"model": {"codebook": "cfir-2009+project"}}
    result.save(tmp_path)
    (tmp_path / "codebook.json").unlink(missing_ok=True)
    append = [Decision("p01:0001", "reject", c, text=TEXTS[0]) for c in FIRST]
    (tmp_path / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n", encoding="utf-8"
    )
    append_decisions(tmp_path / "decisions.csv", append)
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)  # not "... not recorded: ..."
        _keep_fits_no_code(tmp_path, None, None)
    assert "1 segment whose every suggestion the review rejected" in capsys.readouterr().err
    assert read_decisions(tmp_path / "decisions.csv")[0][-1] == Decision(
        "p01:0001", "no-code", text=TEXTS[0]
    )


def test_roqa_code_into_a_hand_edited_folder_records_what_fits_no_code_without_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s41/4: codings.jsonl edited by hand (one line removed) beside its run.json, about to
    be replaced by a new run: its segment whose three suggestions were rejected still gets its
    ``no-code`` row, with no warning that run.json records other codings (the file is about to
    go)."""
    from roqa_nlp.cli.code_cmd import _keep_fits_no_code

    result = codings(FIRST)
    result.meta = {"model": {"codebook": "cfir-2009"}}
    result.save(tmp_path)
    lines = (tmp_path / "codings.jsonl").read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "codings.jsonl").write_text(lines[0], encoding="utf-8")  # p01:0002 removed
    (tmp_path / "decisions.csv").write_text(
        "segment_id,decision,code_id,new_code,note,text\n", encoding="utf-8"
    )
    append_decisions(
        tmp_path / "decisions.csv",
        [Decision("p01:0001", "reject", c, text=TEXTS[0]) for c in FIRST],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        _keep_fits_no_code(tmp_path, None, None)
    assert "run.json" not in capsys.readouterr().err
    assert read_decisions(tmp_path / "decisions.csv")[0][-1] == Decision(
        "p01:0001", "no-code", text=TEXTS[0]
    )
