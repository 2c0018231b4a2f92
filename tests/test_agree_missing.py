"""Specification of what a coder's missing segments are: missing, not "no code".

A coder whose result lacks some segments of a transcript (a partial review, a reviewer's
undecided segments) did not code them: they are compared by segment, and those segments are
left out for that coder, whatever the order of the inputs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import agree
from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run


def seg(i: int, codes: list[str], transcript: str = "p01") -> SegmentResult:
    s = Segment(f"{transcript}:{i}", transcript, "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, 1.0) for c in codes])


#: Ann coded six segments; Ben the same segments but 3 and 4, which he never reached.
ANN = [seg(0, ["X"]), seg(1, ["X"]), seg(2, []), seg(3, ["Y"]), seg(4, ["X"]), seg(5, [])]
BEN = [seg(0, ["X"]), seg(1, []), seg(2, []), seg(5, [])]


@pytest.mark.parametrize("order", [("Ann", "Ben"), ("Ben", "Ann")])
def test_segments_one_coder_lacks_are_missing_for_them(order) -> None:
    """Compared: segments 0, 1, 2 and 5, with code X only (Y is in segment 3 alone). Ann has X
    on 0 and 1, Ben on 0: agreement 3/4, p_e = 1/2 * 1/4 + 1/2 * 3/4 = 1/2, kappa
    (3/4 - 1/2) / (1/2) = 1/2. (Ben counted as "no code" on 3 and 4 gave 8 span units, kappa 1/3.)"""
    given = {"Ann": CodingResult(ANN), "Ben": CodingResult(BEN)}
    cu = coded_units_from_results({c: given[c] for c in order})
    assert cu.unit_kind == "segments"
    assert cu.codes_of("Ben", "p01:3") is None
    report = agreement_report(cu, n_boot=0)
    assert report.n_units == {"total": 6, "all": 4, "coded": 2}
    assert report.codes == ["X"]
    assert report.pooled["all"].percent_agreement == pytest.approx(3 / 4)
    assert report.pooled["all"].kappa == pytest.approx(1 / 2)


def test_segments_that_overlap_another_coders_are_still_compared_as_spans() -> None:
    """Ben's segment 1 covers Ann's 1 and 2 under another id: no shared segmentation."""
    ben = [
        seg(0, ["X"]),
        SegmentResult(Segment("p01:1-2", "p01", "P01", "participant", 10, 29, "x")),
    ]
    cu = coded_units_from_results({"Ann": CodingResult(ANN[:3]), "Ben": CodingResult(ben)})
    assert cu.unit_kind == "spans"


def review(folder: Path, name: str, segments: list[SegmentResult]) -> Path:
    """A reviewer's codings as roqa apply-decisions writes them: the decided segments only."""
    CodingResult(
        segments,
        meta={
            "source": "roqa apply-decisions",
            "user": {"name": name},
            "reviewed_segments": [s.segment.id for s in segments],
        },
    ).save(folder)
    return folder


def three_coders(tmp_path: Path) -> list[Path]:
    """The model coded segments 0-5; Alice decided 0-3, Bob 2-5. The model's top codes are X on
    0, 2 and 4; Alice applied X to 0, 1 and 2, Bob to 2 and 4."""
    model = tmp_path / "model"
    CodingResult(
        [seg(i, ["X"] if i in (0, 2, 4) else []) for i in range(6)],
        meta={"model": {"codebook": "cfir-2009"}},
    ).save(model)
    alice = review(tmp_path / "alice", "Alice", [seg(i, ["X"] if i < 3 else []) for i in range(4)])
    bob = review(
        tmp_path / "bob", "Bob", [seg(i, ["X"] if i in (2, 4) else []) for i in range(2, 6)]
    )
    return [model, alice, bob]


def pairs(tmp_path: Path, capsys, inputs: list[Path]) -> tuple[str, dict]:
    code, data, said, err = agree(tmp_path, capsys, *map(str, inputs))
    assert code == 0 and data is not None, err
    return said, {frozenset((p["coder_a"], p["coder_b"])): p["all"] for p in data["pairs"]}


def test_each_reviewer_is_compared_on_the_segments_they_decided(tmp_path, capsys) -> None:
    """Model and Bob: segments 2-5, X by both on 2 and 4: agreement 1 over 4 units. Model and
    Alice: 0-3, they differ on 1: 3/4. Alice and Bob: 2 and 3, both agree: 2 units. (It was
    spans, 6 units for every pair, each reviewer's undecided segments counted as "no code".)"""
    model, alice, bob = three_coders(tmp_path)
    out, got = pairs(tmp_path, capsys, [model, alice, bob])
    assert (
        "Note: compared on the 6 segments the reviews decided (Alice 4, Bob 4; roqa "
        "apply-decisions); a segment a reviewer did not decide is missing for them." in out
    )
    # each reviewer is named as run.json records them (folders alice/ and bob/)
    assert got[frozenset(("model", "Bob"))]["n_units"] == 4
    assert got[frozenset(("model", "Bob"))]["percent_agreement"] == 1.0
    assert got[frozenset(("model", "Alice"))]["n_units"] == 4
    assert got[frozenset(("model", "Alice"))]["percent_agreement"] == pytest.approx(3 / 4)
    assert got[frozenset(("Alice", "Bob"))]["n_units"] == 2


def test_two_reviews_compare_alike_whatever_their_order(tmp_path, capsys) -> None:
    """Alice and Bob share the decided segments 2 and 3, on which they agree (X on 2): agreement
    1 and kappa 1 on 2 units either way (it was spans: Alice first 6 units, agreement 2/3; Bob first 5, 4/5)."""
    _, alice, bob = three_coders(tmp_path)
    for inputs in ([alice, bob], [bob, alice]):
        _, got = pairs(tmp_path, capsys, inputs)
        (pair,) = got.values()
        assert (pair["n_units"], pair["percent_agreement"], pair["kappa"]) == (2, 1.0, 1.0)


def test_a_reviewed_project_counts_no_code_only_in_the_transcripts_the_reviewer_coded(
    tmp_path: Path, capsys
) -> None:
    """roqa_nlp suggested codes on two passages of P04 and one of P05; Alice coded one passage,
    in P04 only. P05 is missing for her (she coded nothing there), so one passage, not two,
    counts as given no code by her."""
    import uuid

    from roqa_nlp.exchange import export_qdpx
    from roqa_nlp.exchange.refiqda import code_guid
    from roqa_nlp.schema import Transcript
    from test_refiqda_valence_codes import excerpt, rewrite

    texts = {"P04": "P04: We lacked staff. The fee never changed.", "P05": "P05: We had cover."}
    alice = "00000000-0000-4000-8000-0000000000aa"

    def suggested(tid: str, n: int, quote: str) -> SegmentResult:
        s = texts[tid].index(quote)
        segment = Segment(f"{tid}:{n}", tid, tid, "participant", s, s + len(quote), quote)
        return SegmentResult(segment, [Suggestion("IS.E.2", "Available Resources", "IS", 0.8)])

    machine = CodingResult(
        segments=[
            suggested("P04", 1, "We lacked staff."),
            suggested("P04", 2, "The fee never changed."),
            suggested("P05", 1, "We had cover."),
        ],
        transcripts={t: Transcript(t, text, [], participant=t) for t, text in texts.items()},
        meta={"model": {"hash": "abcd1234ef567890"}},
    )
    export_qdpx(machine, excerpt(), tmp_path / "export.qdpx")
    start = texts["P04"].index("We lacked staff.")

    def review(qde: str) -> str:
        selection = (
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
            f'endPosition="{start + 16}" creatingUser="{alice}">'
            f'<Coding guid="{uuid.uuid4()}" creatingUser="{alice}">'
            f'<CodeRef targetGUID="{code_guid("cfir-2009", "IS.E.2")}"/></Coding>'
            "</PlainTextSelection>"
        )
        qde = qde.replace("</Users>", f'<User guid="{alice}" name="Alice"/></Users>')
        first = qde.index("</TextSource>")  # P04's source comes first
        assert 'name="P04' in qde[:first].rsplit("<TextSource", 1)[1]
        return qde[:first] + selection + qde[first:]

    project = rewrite(tmp_path / "export.qdpx", tmp_path / "reviewed.qdpx", review)
    code, out, err = run(["agree", str(project)], capsys)
    assert code == 0, err
    said = " ".join((out + err).split())
    assert (
        "Alice coded 1 of the 2 passages roqa_nlp suggested codes on in reviewed.qdpx (in the "
        "transcript Alice coded, P04); here the other 1 count as given no code by Alice."
    ) in said


#: One transcript of eight sentences; a reviewer decided the first six (0-5), not 6 and 7.
SENTENCES = [f"Sentence {i} of the interview." for i in range(8)]
TEXT = " ".join(SENTENCES)


def sentence(i: int, codes: list[str], seg_id: str | None = None) -> SegmentResult:
    start = TEXT.index(SENTENCES[i])
    s = Segment(
        seg_id or f"p01:{i}",
        "p01",
        "P01",
        "participant",
        start,
        start + len(SENTENCES[i]),
        SENTENCES[i],
    )
    return SegmentResult(s, [Suggestion(c, c, None, 1.0) for c in codes])


def reviewed_and_imported(tmp_path: Path, bob: list[SegmentResult]) -> list[Path]:
    """Alice's review (roqa apply-decisions, sentences 0-5 decided) and Bob's codings as
    roqa import reads them from a QDA project: his selections only (tester M, session 34)."""
    from roqa_nlp.schema import Transcript

    transcripts = {"p01": Transcript("p01", TEXT, [], participant="P01")}
    alice = [sentence(i, c) for i, c in enumerate([["X"], ["X"], ["Y"], [], ["X"], ["Y"]])]
    CodingResult(
        alice,
        transcripts=transcripts,
        meta={
            "source": "roqa apply-decisions",
            "user": {"name": "Alice"},
            "reviewed_segments": [s.segment.id for s in alice],
        },
    ).save(tmp_path / "reviewedA")
    CodingResult(
        bob, transcripts=transcripts, meta={"source": "REFI-QDA", "user": {"name": "Bob"}}
    ).save(tmp_path / "BobNVivo")
    return [tmp_path / "reviewedA", tmp_path / "BobNVivo"]


def test_a_qda_coder_is_compared_with_a_reviewer_on_the_decided_segments_only(
    tmp_path: Path, capsys
) -> None:
    """Bob selected sentences 0, 1, 2, 4 and 5 (and 7, which Alice did not decide). On the six
    decided sentences, codes X and Y: Alice X on 0, 1, 4, Y on 2, 5; Bob X on 0, 4, 5, Y on 1,
    2, 5. Of the 12 unit-code decisions 9 agree (p_o = 3/4); Alice applied 5, Bob 6:
    p_e = 5/12 * 6/12 + 7/12 * 6/12 = 1/2, kappa = (3/4 - 1/2) / (1/2) = 1/2; alpha (nominal,
    24 values, 11 present, 3 unit-code pairs disagreeing) = 1 - 23 * 3 / (11 * 13) = 74/143.
    (It was 7 span units: sentences 6 and 7, which Alice never decided, counted as one more
    unit neither coded, kappa 26/47, despite the note saying they are not compared.)"""
    from sklearn.metrics import cohen_kappa_score

    bob = [sentence(0, ["X"]), sentence(1, ["Y"]), sentence(2, ["Y"]), sentence(4, ["X"])]
    bob += [sentence(5, ["X", "Y"]), sentence(7, ["X"])]
    code, report, said, err = agree(
        tmp_path, capsys, *map(str, reviewed_and_imported(tmp_path, bob))
    )
    assert code == 0 and report is not None, err
    assert "compared on the 6 segments Alice decided in their review" in said
    assert report["unit_kind"] == "spans"
    assert report["n_units"]["all"] == 6
    assert "2 coders: Alice, Bob; 6 units (spans), 5 coded by someone" in said
    alice_x, alice_y = [1, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1]
    bob_x, bob_y = [1, 0, 0, 0, 1, 1], [0, 1, 1, 0, 0, 1]
    by_hand = cohen_kappa_score(alice_x + alice_y, bob_x + bob_y)
    assert by_hand == pytest.approx(1 / 2)
    pooled = report["pooled"]["all"]
    assert pooled["percent_agreement"] == pytest.approx(3 / 4)
    assert pooled["kappa"] == pytest.approx(by_hand)
    assert pooled["alpha"] == pytest.approx(74 / 143)


def test_a_qda_selection_within_a_decided_segment_is_compared_there(tmp_path: Path, capsys) -> None:
    """Bob's selections, made in the QDA program (no roqa segment id): sentence 0 and 1 in one
    selection coded X, and sentence 6, which Alice did not decide, coded X. Sentence 0-1 is
    compared as Alice's sentences 0 and 1 (X by both on each), sentence 6 is not: units 0-5,
    X agreed on 0 and 1, Alice's X on 4 and Y on 2 and 5 not Bob's: 9 of 12 decisions agree.
    (Cut by segment id, Bob's selections were all dropped, and he was missing from the
    transcript: nothing to compare.)"""
    both = TEXT.index(SENTENCES[0]), TEXT.index(SENTENCES[1]) + len(SENTENCES[1])
    joined = SegmentResult(
        Segment(
            f"p01:@{both[0]}-{both[1]}",
            "p01",
            "P01",
            "participant",
            *both,
            TEXT[both[0] : both[1]],
        ),
        [Suggestion("X", "X", None, 1.0)],
    )
    six = TEXT.index(SENTENCES[6])
    bob = [joined, sentence(6, ["X"], seg_id=f"p01:@{six}-{six + len(SENTENCES[6])}")]
    code, report, said, err = agree(
        tmp_path, capsys, *map(str, reviewed_and_imported(tmp_path, bob))
    )
    assert code == 0 and report is not None, err
    assert report["n_units"]["all"] == 6
    assert report["pooled"]["all"]["percent_agreement"] == pytest.approx(9 / 12)


def test_a_qda_coders_codings_outside_the_decided_segments_are_counted_in_a_note(
    tmp_path: Path, capsys
) -> None:
    """Tester s77 study7: Tom's selection on text Chloe's review set aside (IS.E.2) was left
    out of kappa, documented, but nothing said so. Bob's X on sentence 6 and X, Y on sentence
    7 (Alice decided 0-5) are 3 codings not compared, said once, in print and in the JSON."""
    bob = [sentence(0, ["X"]), sentence(6, ["X"]), sentence(7, ["X", "Y"])]
    code, report, said, err = agree(
        tmp_path, capsys, *map(str, reviewed_and_imported(tmp_path, bob))
    )
    assert code == 0 and report is not None, err
    note = "3 codings of Bob lie outside the 6 decided segments and are not compared (p01:6, p01:7)"
    assert f"Note: {note}." in said
    assert report["notes"].count(note) == 1
    one = [sentence(0, ["X"]), sentence(6, ["X"])]
    code, report, said, err = agree(
        tmp_path, capsys, *map(str, reviewed_and_imported(tmp_path, one))
    )
    assert code == 0 and report is not None, err
    assert (
        "Note: 1 coding of Bob lies outside the 6 decided segments and is not compared (p01:6)."
        in said
    )


def test_no_note_when_every_coding_lies_on_the_decided_segments(tmp_path: Path, capsys) -> None:
    bob = [sentence(0, ["X"]), sentence(4, ["X"])]
    code, report, said, err = agree(
        tmp_path, capsys, *map(str, reviewed_and_imported(tmp_path, bob))
    )
    assert code == 0 and report is not None, err
    assert "outside the 6 decided segments" not in said
    assert not [n for n in report["notes"] if "decided segments and" in n]


# -- a whole transcript coded with nothing (agree tester, session 69, defect 2) ------------------

#: Ann coded p01 and p03; Ben has the segments of both, but none of p03 carries a code.
ANN_BOTH = [seg(0, ["X"]), seg(1, ["Y"]), *(seg(i, ["X"], "p03") for i in range(3))]
BEN_BOTH = [seg(0, ["X"]), seg(1, ["Y"]), *(seg(i, [], "p03") for i in range(3))]


def test_a_transcript_a_coder_coded_nothing_in_is_named_in_a_note(tmp_path, capsys) -> None:
    """By segment, p03's segments with no code are Ben's "coded with nothing", as an empty
    code cell is (docs/agreement.md): agreed absences and misses. The same data from a .qdpx
    leaves p03 out for Ben, as a QDA project cannot say a transcript was read and found empty.
    Before, nothing said so, and kappa fell from 0.842 to 0.678 in the tester's data."""
    ann, ben = tmp_path / "ann", tmp_path / "ben"
    CodingResult(ANN_BOTH).save(ann)
    CodingResult(BEN_BOTH).save(ben)
    code, data, said, err = agree(tmp_path, capsys, str(ann), str(ben))
    assert code == 0 and data is not None, err
    note = (
        "ben coded nothing in p03 (3 units, each coded by another coder): counted as ben "
        "judging that no code applies there, which agrees with another coder's no code and "
        "not with their codes; if ben did not code p03, take its segments out of ben's "
        "codings (its lines of codings.jsonl, its rows of a long table): a transcript a coder "
        "has no segment of is missing for them, as in a QDA project"
    )
    assert note in data["notes"]
    assert note in said
    assert "ann coded nothing" not in said
    # the counting itself is as documented: p03's 3 segments are compared
    assert data["pooled"]["all"]["n_units"] == 5


def test_a_transcript_every_coder_left_uncoded_is_no_note(tmp_path, capsys) -> None:
    """Nobody coded p03: nothing is lost by reading it as agreed absences, so no note."""
    both = [seg(0, ["X"]), seg(1, ["Y"]), *(seg(i, [], "p03") for i in range(3))]
    ann, ben = tmp_path / "ann", tmp_path / "ben"
    CodingResult(both).save(ann)
    CodingResult(both).save(ben)
    code, out, err = run(["agree", str(ann), str(ben), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert "coded nothing in" not in out


def test_long_csv_coders_beside_a_review_are_compared_on_the_decided_segments_only(
    tmp_path: Path, capsys
) -> None:
    """Hunter s77 F4: two long CSVs' rows on segments Alice's review did not decide (p01:6,
    p01:7) were compared between their coders, under the note that segments without a decision
    are not compared. Dan and Eve are compared on p01:0 and p01:1 only (X by both on 0; on 1
    Dan X, Eve Y: 2 of 4 unit-code decisions agree), and each one's 2 codings outside are said
    in a note, as a QDA coder's are."""
    review_folder, _ = reviewed_and_imported(tmp_path, [sentence(0, ["X"])])
    rows = {
        "Dan": [("p01:0", "X"), ("p01:1", "X"), ("p01:6", "X"), ("p01:7", "Y")],
        "Eve": [("p01:0", "X"), ("p01:1", "Y"), ("p01:6", "Y"), ("p01:7", "Y")],
    }
    tables = []
    for coder, coded in rows.items():
        table = tmp_path / f"{coder.lower()}.csv"
        table.write_text(
            "unit,coder,code\n" + "".join(f"{u},{coder},{c}\n" for u, c in coded),
            encoding="utf-8",
        )
        tables.append(str(table))
    code, report, said, err = agree(tmp_path, capsys, str(review_folder), *tables)
    assert code == 0 and report is not None, err
    for coder in rows:
        note = (
            f"2 codings of {coder} lie outside the 6 decided segments and are not compared "
            "(p01:6, p01:7)"
        )
        assert f"Note: {note}." in said
        assert report["notes"].count(note) == 1
    (pair,) = [p for p in report["pairs"] if {p["coder_a"], p["coder_b"]} == {"Dan", "Eve"}]
    assert pair["all"]["n_units"] == 2
    assert pair["all"]["percent_agreement"] == pytest.approx(2 / 4)
