"""Specification: what ``roqa agree`` tells two coders (or a coder and the model) who are about
to reconcile their codings (daily15, session 85).

- A review that rejected the model's top suggestion on a segment and decided nothing else there
  leaves the segment undecided: it is not compared, and agree says how many such segments were
  left out, that leaving them out flatters the model, and how to decide them (D1).
- ``--disagreements FILE`` lists each unit and code the coders disagree on, with who applied
  it, who did not, the speaker and the words, for the team to reconcile (D3).
- By character span, disagreements that are only different selections of one passage with the
  same code are counted and said (D2).
- A long table that has rows for some segments of a transcript and none for others (a coder
  who typed rows only for what they coded) is said: those segments are missing for the coder,
  not "no code", and an empty code cell makes them "no code" (D4).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from roqa_nlp.cli.agree_cmd import disagreement_rows, load_coded_units
from roqa_nlp.decisions import REJECTED_ON_UNDECIDED, Decision
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import roqa

#: p01:0002 and p01:0004: the top suggestion (IS.E.2) rejected alone, the segment undecided
TOP_ONLY = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "reject", "IS.E.2", text=TEXTS[1]),
    Decision("p01:0003", "accept", "IS.E.2", text=TEXTS[2]),
    Decision("p01:0004", "reject", "IS.E.2", text=TEXTS[3]),
    Decision("p01:0005", "accept", "IC.F", text=TEXTS[4]),
]


def reviewed(tmp_path: Path, decisions: list[Decision]) -> tuple[Path, Path]:
    coded = tmp_path / "coded"
    model_codings().save(coded)
    write_decisions(coded / "decisions.csv", decisions)
    out = tmp_path / "alice"
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", out)
    assert run.code == 0, run.err
    return coded, out


def agree_notes(tmp_path: Path, *inputs: Path | str) -> tuple[dict, list[str]]:
    out = tmp_path / "agree.json"
    run = roqa("agree", *inputs, "--n-boot", "0", "--json", out)
    assert run.code == 0, run.err
    report = json.loads(out.read_text("utf-8"))
    return report, report["notes"]


def test_segments_left_undecided_after_rejecting_the_top_suggestion_are_said(
    tmp_path: Path,
) -> None:
    coded, alice = reviewed(tmp_path, TOP_ONLY)
    assert CodingResult.read(alice).meta[REJECTED_ON_UNDECIDED] == {
        "p01:0002": ["IS.E.2"],
        "p01:0004": ["IS.E.2"],
    }
    report, notes = agree_notes(tmp_path, coded, alice)
    assert report["n_units"]["all"] == 3
    assert (
        "2 segments that Alice left undecided after rejecting coded's top suggestion (the code "
        "charted) are not compared (p01:0002, p01:0004): they are where the reviewer found the "
        "model wrong, so leaving them out flatters coded - Alice agreement; decide them in the "
        "decisions file (accept or recode the code that fits, or reject every suggestion shown "
        "for no code) and run roqa apply-decisions again"
    ) in notes


def test_a_review_that_decided_every_segment_gets_no_such_note(tmp_path: Path) -> None:
    every = [*TOP_ONLY, Decision("p01:0002", "reject", "IC.F"), Decision("p01:0004", "no-code")]
    coded, alice = reviewed(tmp_path, every)
    assert REJECTED_ON_UNDECIDED not in CodingResult.read(alice).meta
    report, notes = agree_notes(tmp_path, coded, alice)
    assert report["n_units"]["all"] == 5
    assert not [n for n in notes if "left undecided" in n]


#: Alice's review of every segment of p01
ALICE = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "recode", "IS.B", text=TEXTS[1]),
    Decision("p01:0003", "accept", "IC.F", text=TEXTS[2]),
    Decision("p01:0004", "no-code", text=TEXTS[3]),
    Decision("p01:0005", "accept", "IS.E.2", text=TEXTS[4]),
]
#: Ben's codes of the same segments, in a long table (empty: read, no code)
BEN = {
    "p01:0001": ["IS.E.2"],
    "p01:0002": ["IS.B"],
    "p01:0003": ["IS.E.2"],
    "p01:0004": [""],
    "p01:0005": ["IS.E.2", "IC.F"],
}


def long_table(path: Path, rows: dict[str, list[str]]) -> Path:
    lines = ["unit,coder,code"]
    lines += [f"{unit},Ben,{code}" for unit, codes in rows.items() for code in codes]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_disagreements_are_listed_for_the_team_to_reconcile(tmp_path: Path) -> None:
    _, alice = reviewed(tmp_path, ALICE)
    ben = long_table(tmp_path / "ben.csv", BEN)
    listed = tmp_path / "disagreements.csv"
    run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed)
    assert run.code == 0, run.err
    assert (
        "3 disagreements (a unit and a code some coders applied and others did not) listed, "
        'to reconcile (docs/agreement.md, "Two coders").'
    ) in " ".join(run.out.split())
    raw = listed.read_text("utf-8")
    assert raw.startswith("\ufeffunit,transcript,speaker,start,end,code,name,coded_by,")
    with listed.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    s3 = len(TEXTS[0]) + len(TEXTS[1]) + 2
    s5 = s3 + len(TEXTS[2]) + len(TEXTS[3]) + 2
    assert rows == [
        ["unit", "transcript", "speaker", "start", "end", "code", "name", "coded_by"]
        + ["not_coded_by", "text"],
        ["p01:0003", "p01", "P01", str(s3), str(s3 + len(TEXTS[2])), "IC.F", "Complexity"]
        + ["Alice", "Ben", TEXTS[2]],
        ["p01:0003", "p01", "P01", str(s3), str(s3 + len(TEXTS[2])), "IS.E.2"]
        + ["Available Resources", "Ben", "Alice", TEXTS[2]],
        ["p01:0005", "p01", "P01", str(s5), str(s5 + len(TEXTS[4])), "IC.F", "Complexity"]
        + ["Ben", "Alice", TEXTS[4]],
    ]


def test_the_disagreements_file_must_be_a_csv(tmp_path: Path) -> None:
    _, alice = reviewed(tmp_path, ALICE)
    ben = long_table(tmp_path / "ben.csv", BEN)
    run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", tmp_path / "d.txt")
    assert run.code != 0
    assert "--disagreements" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "d.txt").exists()


def test_rows_lacking_for_segments_of_a_transcript_the_coder_coded_are_said(
    tmp_path: Path,
) -> None:
    _, alice = reviewed(tmp_path, ALICE)
    sparse = long_table(tmp_path / "ben_sparse.csv", {**BEN, "p01:0004": []})
    report, notes = agree_notes(tmp_path, alice, sparse)
    assert report["n_units"]["all"] == 4
    assert (
        "ben_sparse.csv gives Ben no row for 1 segment of transcripts where Ben coded others "
        "(p01:0004): it counts as not coded by Ben (missing: left out of Ben's comparisons), "
        "not as no code; if Ben read it and applied no code, add a row for each with the code "
        "cell empty (p01:0004,Ben,) and it counts as no code"
    ) in notes
    # with the row, nothing to say
    report, notes = agree_notes(tmp_path, alice, long_table(tmp_path / "ben.csv", BEN))
    assert report["n_units"]["all"] == 5
    assert not [n for n in notes if "no row" in n]


ANSWER = "P01: The budget was short. We had no staff. The lead was keen.\n"


def selections(picks: list[tuple[str, str]]) -> CodingResult:
    """A QDA coder's selections of ANSWER: (the words selected, the code)."""
    out = []
    for n, (words, code) in enumerate(picks, 1):
        start = ANSWER.index(words)
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", start, start + len(words), words)
        out.append(SegmentResult(seg, [Suggestion(code, code, code.split(".")[0], 1.0)]))
    transcript = Transcript(
        "p01", ANSWER, [Turn("P01", "participant", 0, len(ANSWER))], participant="P01"
    )
    return CodingResult(out, {"p01": transcript}, meta={"source": "REFI-QDA"})


def test_different_selections_of_one_passage_with_one_code_are_said(tmp_path: Path) -> None:
    # Ben selected the first sentence of the passage Alice coded whole, with her code; and
    # gave the third sentence another code than hers (a real disagreement)
    selections(
        [("The budget was short. We had no staff.", "IS.E.2"), ("The lead was keen.", "IS.B")]
    ).save(tmp_path / "Alice")
    selections([("The budget was short.", "IS.E.2"), ("The lead was keen.", "IC.F")]).save(
        tmp_path / "Ben"
    )
    loaded = load_coded_units([tmp_path / "Alice", tmp_path / "Ben"])
    # the rest of Alice's passage, from the space after Ben's selection
    rest = ANSWER.index(" We had no staff.")
    assert (
        "1 of the 3 disagreements (a unit and a code some coders applied and others did not) "
        "is the same code on overlapping selections: part of a passage one coder coded whole "
        f"and the other coded in part (p01:@{rest}-{rest + 17}); by character "
        "span each piece is a unit, so different selections of one passage count as "
        "disagreements on its code. If the coders meant the whole answer, select whole answers "
        "(or give codes by segment in a long table: unit,coder,code) and compare again; "
        "--disagreements FILE lists them all"
    ) in loaded.notes
    # listed by span, each piece with its words (exactly its characters, the space after Ben's
    # selection kept: daily21 s88, the text was stripped though start was not) and the speaker
    # of its turn
    lead = ANSWER.index("The lead was keen.")
    rows = disagreement_rows(loaded.coded, loaded.unit_words)
    assert rows == [
        [f"p01:@{rest}-{rest + 17}", "p01", "P01", str(rest), str(rest + 17), "IS.E.2", "IS.E.2"]
        + ["Alice", "Ben", " We had no staff."],
        [f"p01:@{lead}-{lead + 18}", "p01", "P01", str(lead), str(lead + 18), "IC.F", "IC.F"]
        + ["Ben", "Alice", "The lead was keen."],
        [f"p01:@{lead}-{lead + 18}", "p01", "P01", str(lead), str(lead + 18), "IS.B", "IS.B"]
        + ["Alice", "Ben", "The lead was keen."],
    ]
    assert all(row[-1] == ANSWER[int(row[3]) : int(row[4])] for row in rows)
    # the same selections: nothing to say
    selections(
        [("The budget was short. We had no staff.", "IS.E.2"), ("The lead was keen.", "IC.F")]
    ).save(tmp_path / "Ben")
    loaded = load_coded_units([tmp_path / "Alice", tmp_path / "Ben"])
    assert not [n for n in loaded.notes if "overlapping selections" in n]


class CountedReads(dict):
    """A coder's codings that count how often a unit's codes are read."""

    reads = 0

    def get(self, *args: object) -> object:
        CountedReads.reads += 1
        return super().get(*args)


def whole_and_pieces(tmp_path: Path, n: int) -> object:
    """An answer of ``n`` sentences, by character span: Alice codes the whole answer IC.A (a
    whole-document code) and each sentence IS.E.2 or IC.F in turn, Ben each sentence the same
    alone: ``n`` units, each a disagreement on IC.A."""
    answer = "P01: " + " ".join(f"Sentence {k} was said." for k in range(n)) + "\n"
    transcript = Transcript(
        "p01", answer, [Turn("P01", "participant", 0, len(answer))], participant="P01"
    )

    def result(picks: list[tuple[int, int, str]]) -> CodingResult:
        out = []
        for k, (start, end, code) in enumerate(picks, 1):
            seg = Segment(
                f"p01:{k:04d}", "p01", "P01", "participant", start, end, answer[start:end]
            )
            out.append(SegmentResult(seg, [Suggestion(code, code, code.split(".")[0], 1.0)]))
        return CodingResult(out, {"p01": transcript}, meta={"source": "REFI-QDA"})

    sentences = [(answer.index(f"Sentence {k} "), f"Sentence {k} was said.") for k in range(n)]
    each = [
        (start, start + len(words), ("IS.E.2", "IC.F")[k % 2])
        for k, (start, words) in enumerate(sentences)
    ]
    result([(5, len(answer) - 1, "IC.A"), *each]).save(tmp_path / f"Alice{n}")
    result(each).save(tmp_path / f"Ben{n}")
    loaded = load_coded_units([tmp_path / f"Alice{n}", tmp_path / f"Ben{n}"])
    assert loaded.coded.unit_kind == "spans"
    return loaded


def test_the_codes_are_listed_once_per_run_not_once_per_unit(
    tmp_path: Path, monkeypatch: object
) -> None:
    # CodedUnits.codes scans every coding: read once per unit it made agree by span 50 times
    # slower on 10 x 400 selections (hunt29, session 85: 470 s, BASE 9 s)
    from roqa_nlp.cli.agree_cmd import _partial_selections_note
    from roqa_nlp.coding_agreement import CodedUnits

    listed = CodedUnits.codes.fget
    calls = []

    def counted(self: CodedUnits) -> list[str]:
        calls.append(1)
        return listed(self)

    loaded = whole_and_pieces(tmp_path, 30)
    monkeypatch.setattr(CodedUnits, "codes", property(counted))  # type: ignore[attr-defined]
    assert _partial_selections_note(loaded.coded) is None
    assert len(calls) == 1
    rows = disagreement_rows(loaded.coded, loaded.unit_words)
    assert len(rows) == 30 and {r[5] for r in rows} == {"IC.A"}
    assert len(calls) == 2


def test_a_whole_document_code_is_checked_once_not_for_each_unit_it_covers(
    tmp_path: Path,
) -> None:
    # the units of a coding covering n units were copied into each of them and read back for
    # each disagreement on it: n x n reads and copies (hunt29, session 85: 14 GB for 10 x 400
    # selections with 4 whole-document codes); now its units are read once: linear in n
    from roqa_nlp.cli.agree_cmd import _partial_selections_note

    reads = {}
    for n in (20, 40):
        coded = whole_and_pieces(tmp_path, n).coded
        coded.codings = {c: CountedReads(per) for c, per in coded.codings.items()}
        CountedReads.reads = 0
        assert _partial_selections_note(coded) is None
        reads[n] = CountedReads.reads
    # n + 1 units (the label "P01: " one): each coder's codes of each read to see who coded
    # it, and Ben's of each unit of Alice's IC.A once
    assert reads == {20: 2 * 21 + 20, 40: 2 * 41 + 40}


def test_a_second_run_writes_over_its_own_list(tmp_path: Path) -> None:
    # the list has speaker and text columns, as a transcript: a re-run to disagreements.csv
    # (the docs' name) was refused as one (hunt29, session 85)
    _, alice = reviewed(tmp_path, ALICE)
    ben = long_table(tmp_path / "ben.csv", BEN)
    listed = tmp_path / "disagreements.csv"
    for _ in range(2):
        run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed)
        assert run.code == 0, run.err
    assert len(listed.read_text("utf-8-sig").splitlines()) == 4
    assert sorted(p.name for p in tmp_path.glob("disagreements*")) == ["disagreements.csv"]


def test_a_list_the_team_edited_in_place_is_kept_before_a_re_run(tmp_path: Path) -> None:
    # a team marking up the list in its own cells (no column added), a resolved row deleted,
    # lost it to a re-run, exit 0, no copy (hunt33 D-B1, session 85); roqa report keeps an
    # edited matrix so (write_up_files)
    _, alice = reviewed(tmp_path, ALICE)
    ben = long_table(tmp_path / "ben.csv", BEN)
    listed = tmp_path / "disagreements.csv"
    assert roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed).code == 0
    fresh = listed.read_bytes()
    with listed.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][-1] += " [AGREED: IC.F]"
    del rows[2]
    with listed.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    edited = listed.read_bytes()
    run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed)
    assert run.code == 0, run.err
    kept = tmp_path / "disagreements.edited.csv"
    assert run.err == (
        f"roqa: warning: {listed}: edited since roqa wrote it (or roqa has no record of writing "
        f"it): your copy is kept as {kept}; the new one replaces it\n"
    )
    assert kept.read_bytes() == edited
    assert listed.read_bytes() == fresh
    names = sorted(p.name for p in tmp_path.glob("disagreements*"))
    assert names == ["disagreements.csv", "disagreements.edited.csv"]
    # the list as roqa wrote it again: no copy, no warning
    run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed)
    assert run.code == 0 and run.err == ""
    assert sorted(p.name for p in tmp_path.glob("disagreements*")) == names
    assert kept.read_bytes() == edited
    # a list an earlier version wrote (no record) is kept only when its content differs
    (tmp_path / ".roqa.written.json").unlink()
    run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed)
    assert run.code == 0 and run.err == ""
    assert sorted(p.name for p in tmp_path.glob("disagreements*")) == names


def test_the_list_does_not_write_over_another_table(tmp_path: Path) -> None:
    # a coder's long table was replaced by the list, exit 0 (hunt29, session 85); a list the
    # team added a column to is theirs now
    _, alice = reviewed(tmp_path, ALICE)
    ben = long_table(tmp_path / "ben.csv", BEN)
    other = long_table(tmp_path / "ben_copy.csv", BEN)
    listed = tmp_path / "disagreements.csv"
    assert roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", listed).code == 0
    noted = tmp_path / "noted.csv"
    noted.write_text(
        listed.read_text("utf-8").replace("not_coded_by,text", "not_coded_by,text,agreed")
    )
    for path, said in (
        (
            other,
            "a file that is not a list of disagreements roqa agree wrote (its columns unchanged)",
        ),
        (noted, "a list of disagreements with columns added to it (agreed)"),
    ):
        before = path.read_bytes()
        run = roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", path)
        assert run.code == 2
        assert run.err == (
            f"roqa: error: {path}: --disagreements would overwrite {said} (give another file "
            "name)\n"
        )
        assert path.read_bytes() == before
    # a blank file is written
    blank = tmp_path / "blank.csv"
    blank.write_text("")
    assert roqa("agree", alice, ben, "--n-boot", "0", "--disagreements", blank).code == 0
    assert blank.read_bytes() == listed.read_bytes()


def test_a_span_with_no_transcript_at_hand_has_the_words_of_a_segment_holding_it() -> None:
    # agree_split: the two coders' segmentations differ, so units are character spans, and the
    # transcripts are not beside the codings; every row's speaker and words were empty
    # (hunt29, session 85). rm01:@362-484 is Ann's and Ben's segment rm01:0003, in both
    split = Path(__file__).parent / "data" / "agree_split"
    loaded = load_coded_units([split / "Ann", split / "Ben"])
    assert loaded.coded.unit_kind == "spans"
    rows = disagreement_rows(loaded.coded, loaded.unit_words)
    assert len(rows) == 12
    assert rows[0] == [
        "rm01:@362-484",
        "rm01",
        "P01",
        "362",
        "484",
        "CI.A",
        "CI.A",
        "Ann",
        "Ben",
    ] + [
        "Honestly the night staff resisted it. They felt it was more paperwork stacked on top of "
        "a shift that is already stretched."
    ]
    assert [r[2] for r in rows] == ["P01"] * 5 + ["P02"] * 2 + ["P03"] + ["P04"] * 4
    assert all(r[9] for r in rows)


#: as TOP_ONLY, but a reject of the model's second suggestion (IC.F), not its top, on p01:0004
#: and then on p01:0002 too
ONE_NOT_TOP = [*TOP_ONLY[:3], Decision("p01:0004", "reject", "IC.F", text=TEXTS[3]), TOP_ONLY[4]]
NONE_TOP = [
    TOP_ONLY[0],
    Decision("p01:0002", "reject", "IC.F", text=TEXTS[1]),
    *ONE_NOT_TOP[2:],
]


def test_the_note_says_the_model_found_wrong_only_where_its_top_code_was_rejected(
    tmp_path: Path,
) -> None:
    # "0 of them its top, charted code ... they are where the reviewer found the model wrong,
    # so leaving them out flatters" it (hunt29, session 85)
    coded, alice = reviewed(tmp_path / "one", ONE_NOT_TOP)
    _, notes = agree_notes(tmp_path, coded, alice)
    assert [n for n in notes if "left undecided" in n] == [
        "2 segments that Alice left undecided after rejecting some of coded's suggestions (1 of "
        "them its top, charted code) are not compared (p01:0002, p01:0004): where its charted "
        "code was rejected (p01:0002) the reviewer found the model wrong, so leaving it out "
        "flatters coded - Alice agreement; decide them in the decisions file (accept or recode "
        "the code that fits, or reject every suggestion shown for no code) and run roqa "
        "apply-decisions again"
    ]
    coded, alice = reviewed(tmp_path / "none", NONE_TOP)
    _, notes = agree_notes(tmp_path, coded, alice)
    assert [n for n in notes if "left undecided" in n] == [
        "2 segments that Alice left undecided after rejecting suggestions of coded's other than "
        "its top, charted code are not compared (p01:0002, p01:0004): its charted codes there "
        "were not rejected, so they are missing for Alice, not found wrong; decide them in the "
        "decisions file (accept or recode the code that fits, or reject every suggestion shown "
        "for no code) and run roqa apply-decisions again"
    ]


def test_the_list_guards_cells_a_spreadsheet_would_run(tmp_path: Path, monkeypatch: Any) -> None:
    """The list holds the participants' words: an answer opening with = + - @ is written as text
    for Excel ('=...), as every CSV roqa writes (spreadsheet_csv); it was written raw."""
    import roqa_nlp.cli.agree_cmd as agree_cmd

    row = ["p01:0003", "p01", "P01", "10", "40", "IS.A", "Intervention Source", "Alice", "Ben"]
    monkeypatch.setattr(
        agree_cmd,
        "disagreement_rows",
        lambda coded, words: [[*row, "=HYPERLINK(1)"], [*row, "-it never came"], [*row, "-"]],
    )
    out = tmp_path / "disagreements.csv"
    assert agree_cmd.write_disagreements(out, None, {}) == (3, None)
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and data.count(b"\r\n") == 4
    read = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert read[0] == list(agree_cmd.DISAGREEMENT_COLUMNS)
    assert [r[-1] for r in read[1:]] == ["'=HYPERLINK(1)", "'-it never came", "-"]
