"""A review made on the codings before pseudonymising, given to the pseudonymised codings
(``match_decisions``, ``roqa apply-decisions``, ``roqa report --decisions``): a decision whose
words are its segment's but for the names the pseudonyms replaced goes to that segment, as
report.js's Load decisions… matches it on a pseudonymised page (session 80: "Honestly Sam, ...
Lucy Pemberton the trainer" on "Honestly [Interviewer], ... [P01] the trainer", 0.81 of the same
words, below 0.9, matched no segment), and its note, written on the names, is left out."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from roqa_nlp.decisions import Decision, match_decisions
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript, Turn
from test_cli_core import roqa
from test_report_pseudonyms_stand import CASES

#: the pseudonymised talk, and the same talk as the review quoted it before pseudonymising
NOW = [
    "Honestly [Interviewer], I ran it myself, [P01] the trainer, and it was great.",
    "We never had enough money for the extra staff we needed.",
    "Our managers backed the programme from the start.",
]
WAS = [
    "Honestly Sam, I ran it myself, Lucy Pemberton the trainer, and it was great.",
    NOW[1],
    NOW[2],
]


def codings(
    pseudonymised: bool = True, transcript: str = "p01_interview", texts: list[str] = NOW
) -> CodingResult:
    """One transcript, a segment per text of ``texts`` (:data:`NOW`), each suggested IS.E.2 then
    IC.H; recorded as pseudonymised (``roqa code --pseudonymise``) when ``pseudonymised``."""
    segs, pos = [], 0
    for n, words in enumerate(texts, 1):
        seg = Segment(
            f"{transcript}:{n:04d}", transcript, "P01", "participant", pos, pos + len(words), words
        )
        suggestions = [
            Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier"),
            Suggestion("IC.H", "Cost", "IC", 0.3, "barrier"),
        ]
        segs.append(SegmentResult(segment=seg, suggestions=suggestions, novel=False, novelty_p=0.5))
        pos += len(words) + 1
    text = " ".join(texts)
    meta = {"pseudonymised": True} if pseudonymised else {}
    t = Transcript(
        transcript,
        text,
        [Turn("P01", "participant", 0, len(text))],
        participant="P01",
        metadata=meta,
    )
    return CodingResult(
        segs, {transcript: t}, {"model": {"hash": "abc123", "codebook": "cfir-2009"}}
    )


def review(transcript: str = "p01_interview") -> list[Decision]:
    return [
        Decision(f"{transcript}:0001", "accept", "IS.E.2", note="Lucy ran it", text=WAS[0]),
        Decision(f"{transcript}:0001", "note", note="ask Lucy Pemberton", text=WAS[0]),
        Decision(f"{transcript}:0002", "reject", "IS.E.2", note="money", text=WAS[1]),
        Decision(f"{transcript}:0002", "accept", "IC.H", text=WAS[1]),
        Decision(f"{transcript}:0003", "accept", "IS.E.2", text=WAS[2]),
    ]


def test_python_reads_a_pseudonym_as_the_words_it_replaced_as_the_page_does() -> None:
    """pseudonyms_stand answers report.js's pseudonymsStand's cases (test_report_pseudonyms_stand)
    alike: the same limits, 10 words and 120 characters, and every other character the same."""
    from roqa_nlp.decisions import pseudonyms_stand

    assert [pseudonyms_stand(now, was) for now, was, _ in CASES] == [c[2] for c in CASES]


def test_many_pseudonyms_are_read_without_backtracking() -> None:
    from roqa_nlp.decisions import pseudonyms_stand

    now = " ".join(["[P01] and we met"] * 200) + " done."
    names = " ".join(["Lucy Pemberton and we met"] * 200)
    assert (pseudonyms_stand(now, names + " gone."), pseudonyms_stand(now, names + " done.")) == (
        False,
        True,
    )


def test_a_decision_on_names_pseudonymising_replaced_goes_to_its_segment() -> None:
    match = match_decisions(review(), codings())
    assert match.on == (
        "p01_interview:0001",
        "p01_interview:0001",
        "p01_interview:0002",
        "p01_interview:0002",
        "p01_interview:0003",
    )
    assert match.by_pseudonyms == (True, True, False, False, False)
    assert match.edited == (False,) * 5
    # on codings not pseudonymised, the words are another segment's: matched no more than before
    plain = match_decisions(review(), codings(pseudonymised=False))
    assert plain.on[:2] == (None, None)
    assert plain.by_pseudonyms == (False,) * 5


def test_it_goes_to_its_own_segment_only_and_to_none_another_decision_holds() -> None:
    """On its own segment id (or the same segment of its transcript renamed): the same words
    under another id, or on a segment another decision's very words are on, match nothing."""
    other = Decision("p01_interview:0002", "accept", "IS.E.2", text=WAS[0])
    assert match_decisions([other], codings()).on == (None,)
    held = [Decision("p01_interview:0001", "accept", "IS.E.2", text=NOW[0]), review()[0]]
    assert match_decisions(held, codings()).on == ("p01_interview:0001", None)
    # its file renamed by pseudonymising (lucy_pemberton -> p01_interview): the same segment
    renamed = review("lucy_pemberton")
    assert match_decisions(renamed, codings()).on == (
        "p01_interview:0001",
        "p01_interview:0001",
        "p01_interview:0002",
        "p01_interview:0002",
        "p01_interview:0003",
    )


def _write(path: Path, decisions: list[Decision]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["segment_id", "decision", "code_id", "new_code", "note", "text"])
        for d in decisions:
            w.writerow([d.segment_id, d.decision, d.code_id, d.new_code, d.note, d.text])


def test_apply_decisions_says_how_many_it_matched_so_and_leaves_their_notes_out(
    tmp_path: Path,
) -> None:
    coded = tmp_path / "coded"
    codings().save(coded)
    path = tmp_path / "plain_decisions.csv"
    _write(path, review())
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", path, "--coder", "JB", "--out", tmp_path / "rev"
    )
    assert code == 0
    assert " ".join(out.split()).startswith(
        "JB's review: 3 of 3 reviewable segments decided in the 1 transcript: 3 coded with 2 "
        "distinct codes (3 codings: 3 accept), 0 with every suggestion rejected and no code, 1 "
        "note(s) kept with their segments, 1 segment matched by reading its pseudonyms as the "
        "names they replaced (decided on the codings before pseudonymising: "
        "p01_interview:0001). Only these are charted and compared."
    )
    assert err == (
        f"roqa: warning: {path}: 2 reviewer notes on segments whose names pseudonymising "
        "replaced are left out by roqa apply-decisions: the review was made on the codings "
        "before pseudonymising, and a note may name anyone (copy a note you need into the "
        "report, without names)\n"
    )
    reviewed = CodingResult.read(tmp_path / "rev" / "codings.jsonl")
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01_interview:0001", ["IS.E.2"]),
        ("p01_interview:0002", ["IC.H"]),
        ("p01_interview:0003", ["IS.E.2"]),
    ]
    run = json.loads((tmp_path / "rev" / "run.json").read_text(encoding="utf-8"))
    assert run["notes"] == {"p01_interview:0002": ["money"]}
    for name in ("Lucy", "Pemberton", "Sam"):
        assert not any(name in f.read_text(encoding="utf-8") for f in (tmp_path / "rev").iterdir())


def test_roqa_report_carries_it_into_the_page_without_its_note(tmp_path: Path) -> None:
    coded = tmp_path / "coded"
    codings().save(coded)
    path = tmp_path / "plain_decisions.csv"
    _write(path, review())
    code, out, err = roqa("report", coded, "--decisions", path)
    assert code == 0
    assert out.splitlines()[0] == (
        f"decisions: 4 on 3 segments (3 accept, 1 reject) carried into the report from {path}"
    )
    assert err == (
        f"roqa: warning: {path}: 2 reviewer notes on segments whose names pseudonymising "
        "replaced are left out by roqa report: the review was made on the codings before "
        "pseudonymising, and a note may name anyone (copy a note you need into the report, "
        "without names)\n"
    )
    html = (coded / "report.html").read_text(encoding="utf-8")
    (data,) = re.findall(r'id="roqa-decisions"[^>]*>(.*?)</script>', html, re.S)
    assert json.loads(data) == [
        ["p01_interview:0001", "accept", "IS.E.2", "", ""],
        ["p01_interview:0002", "reject", "IS.E.2", "", "money"],
        ["p01_interview:0002", "accept", "IC.H", "", ""],
        ["p01_interview:0003", "accept", "IS.E.2", "", ""],
    ]
    assert "Lucy" not in html and "Pemberton" not in html


def test_a_review_of_turns_finds_no_segment_in_the_codings_of_sentences_pseudonymised(
    tmp_path: Path,
) -> None:
    """Re-segmented by sentence (``--unit sentence``) and pseudonymised, the codings hold no
    segment of a review of whole turns: a pseudonym stands for no sentence end, nor for words
    that are no name, so a turn's decision does not move onto the short sentence of its id
    holding a pseudonym (session 80 hunt6 F1: "Ask the managers. They backed ..." went onto
    "Ask [P02].", the budget answer); the refusal stands, as before pseudonyms were read."""
    coded = tmp_path / "coded"
    sentences = [
        "It was [P02].",
        "She explained every screen twice.",
        "Ask [P02].",
        "She kept the budget for the whole unit.",
        "Ask the managers.",
        "They backed the programme from the start.",
    ]
    codings(texts=sentences).save(coded)
    path = tmp_path / "dec.csv"
    turns = [
        "It was Anna Kowalski. She explained every screen twice.",
        "Ask Anna Kowalski. She kept the budget for the whole unit.",
        "Ask the managers. They backed the programme from the start.",
    ]
    _write(
        path,
        [
            Decision(f"p01_interview:{n:04d}", "accept", code, text=text)
            for n, (code, text) in enumerate(zip(["IS.E.3", "IC.H", "IS.E.1"], turns), 1)
        ],
    )
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", path, "--coder", "JB", "--out", tmp_path / "rev"
    )
    assert (code, out) == (2, "")
    assert err == (
        f"roqa: error: {path}: no decision is on a segment of the codings: p01_interview:0001 "
        "(row 2), p01_interview:0002 (row 3), p01_interview:0003 (row 4) (are they the codings "
        "the review was made on? give those codings, or their folder)\n"
    )


#: a long segment naming someone, pseudonymised, and the review's words of it before: the name
#: and one typo ("programe"), so that the near rule, not the pseudonyms, places the decision
LONG_NOW = (
    "Our managers, [P01] included, backed the programme from the start and gave us all plenty "
    "of time to learn the new system properly, with cover on every shift so nobody had to rush "
    "through the modules or stay late after a long day on the ward."
)
LONG_WAS = LONG_NOW.replace("[P01]", "Lucy Pemberton").replace("programme", "programe")


def test_a_note_on_a_segment_edited_besides_its_names_is_left_out(tmp_path: Path) -> None:
    """A decision the near rule places (a name and a typo) on a segment holding a pseudonym of
    pseudonymised codings keeps its decision, not its note (session 80 hunt6 F2: "ask Lucy
    Pemberton about cover" reached the reviewed run.json)."""
    coded = tmp_path / "coded"
    codings(texts=[LONG_NOW]).save(coded)
    path = tmp_path / "dec.csv"
    _write(
        path,
        [
            Decision(
                "p01_interview:0001", "accept", "IS.E.2", note="ask Lucy about it", text=LONG_WAS
            )
        ],
    )
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", path, "--coder", "JB", "--out", tmp_path / "rev"
    )
    assert code == 0
    assert err == edited_note_left_out(path, "roqa apply-decisions") + edited(path)
    reviewed = CodingResult.read(tmp_path / "rev" / "codings.jsonl")
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01_interview:0001", ["IS.E.2"])
    ]
    run = json.loads((tmp_path / "rev" / "run.json").read_text(encoding="utf-8"))
    assert run.get("notes") is None
    assert not any("Lucy" in f.read_text(encoding="utf-8") for f in (tmp_path / "rev").iterdir())


def edited_note_left_out(path: Path, command: str) -> str:
    """The warning of a note left out of a row the near rule placed on a segment holding a
    pseudonym: roqa cannot tell the review was made on the pseudonymised codings."""
    return (
        f"roqa: warning: {path}: 1 reviewer note on a segment whose names pseudonymising "
        f"replaced is left out by {command}: the segment was edited since the review, and roqa "
        "cannot tell that the review was made on these pseudonymised codings, and a note may "
        "name anyone (copy a note you need into the report, without names)\n"
    )


def edited(path: Path) -> str:
    return (
        f"roqa: warning: {path}: 1 decision matched to 1 segment whose text was edited since "
        "the review (nearly the same words, not the same): p01_interview:0001 (row 2); check "
        "they are the talk decided on\n"
    )


def test_a_note_of_a_review_of_the_pseudonymised_codings_edited_since_is_kept(
    tmp_path: Path,
) -> None:
    """Session 81 pfix7 (pfix6's LOW 1): a review saved beside the pseudonymised codings, its
    row quoting the pseudonym ("[P01]"), a typo fixed in the transcript since: its note was
    written on the pseudonymised talk and is kept, as any note of such a review, by
    apply-decisions and report. Before, it was left out with a warning that the review was made
    on the codings before pseudonymising, which was false. The same row in a file with no record
    of its codings (Downloads), or a row beside them quoting the name, is left out, and the
    warning says what roqa knows."""
    coded = tmp_path / "coded"
    codings(texts=[LONG_NOW]).save(coded)
    typo = LONG_NOW.replace("programme", "programe")
    path = coded / "decisions.csv"
    _write(
        path, [Decision("p01_interview:0001", "accept", "IS.E.2", note="check cover", text=typo)]
    )
    code, out, err = roqa("apply-decisions", coded, "--coder", "JB", "--out", tmp_path / "rev")
    assert (code, err) == (0, edited(path))
    run = json.loads((tmp_path / "rev" / "run.json").read_text(encoding="utf-8"))
    assert run["notes"] == {"p01_interview:0001": ["check cover"]}
    code, out, err = roqa("report", coded, "--out", tmp_path / "rep.html")
    assert (code, err) == (0, edited(path))
    assert "check cover" in (tmp_path / "rep.html").read_text(encoding="utf-8")
    # the same file saved away from its codings: no record that it was made on them
    away = tmp_path / "downloads" / "decisions.csv"
    away.parent.mkdir()
    away.write_bytes(path.read_bytes())
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", away, "--coder", "JB", "--out", tmp_path / "r2"
    )
    assert (code, err) == (0, edited_note_left_out(away, "roqa apply-decisions") + edited(away))
    assert (
        json.loads((tmp_path / "r2" / "run.json").read_text(encoding="utf-8")).get("notes") is None
    )
    # beside the pseudonymised codings, a row quoting the name where the pseudonym stands
    _write(
        path, [Decision("p01_interview:0001", "accept", "IS.E.2", note="ask Lucy", text=LONG_WAS)]
    )
    code, out, err = roqa("report", coded, "--out", tmp_path / "rep2.html")
    assert (code, err) == (0, edited_note_left_out(path, "roqa report") + edited(path))
    assert "ask Lucy" not in (tmp_path / "rep2.html").read_text(encoding="utf-8")


def test_a_new_code_on_a_segment_matched_by_its_pseudonyms_is_kept_with_a_warning(
    tmp_path: Path,
) -> None:
    """Its name was written on the codings before pseudonymising: kept, with one warning naming
    the segment and saying to check the name (session 80 hunt6 F4)."""
    coded = tmp_path / "coded"
    codings().save(coded)
    path = tmp_path / "dec.csv"
    _write(
        path,
        [Decision("p01_interview:0001", "new-code", new_code="Trainer support", text=WAS[0])],
    )
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", path, "--coder", "JB", "--out", tmp_path / "rev"
    )
    assert code == 0
    assert err == (
        f"roqa: warning: {path}: the new code on p01_interview:0001 comes from a review made on "
        "the codings before pseudonymising: check its name for a name pseudonymising replaced "
        "before sharing the outputs\n"
        f"roqa: warning: {path}: new code project.trainer-support 'Trainer support' is on 1 "
        "decided segment only: a model trained on these decisions (roqa train --feedback) "
        "learns it from that segment alone, so it is suggested mostly for close paraphrases of its "
        "words, and its probability is not calibrated (give a new code 3 decided segments or "
        "more; docs/report.md)\n"
    )


def test_a_bracket_in_a_transcript_not_pseudonymised_is_no_pseudonym() -> None:
    """On codings of a transcript pseudonymised and one not, a bracket in the talk of the one
    not ("[inaudible]") is read as it stands (session 80 hunt6 F6); in the other, as a name."""
    said = "[inaudible] and Lucy ran it."
    plain = codings(pseudonymised=False, transcript="p02_interview", texts=[said])
    pseud = codings()
    both = CodingResult(
        list(pseud.segments) + list(plain.segments),
        {**pseud.transcripts, **plain.transcripts},
        {"model": {"hash": "abc123", "codebook": "cfir-2009"}},
    )
    review = [
        Decision("p01_interview:0001", "accept", "IS.E.2", text=WAS[0]),
        Decision("p02_interview:0001", "accept", "IS.E.2", text=said.replace("[inaudible]", "Oh")),
    ]
    match = match_decisions(review, both)
    assert (match.on, match.by_pseudonyms) == (("p01_interview:0001", None), (True, False))


def test_apply_decisions_counts_the_ids_of_a_transcript_not_in_pseudonymised_codings(
    tmp_path: Path,
) -> None:
    """On pseudonymised codings, a decision of a transcript not among them (a file
    pseudonymising renamed: "lucy_pemberton") is counted by row, not named by its id, as the
    pseudonymised page counts it (session 80 hunt6 F5)."""
    coded = tmp_path / "coded"
    codings().save(coded)
    path = tmp_path / "dec.csv"
    _write(
        path,
        [
            Decision("p01_interview:0003", "accept", "IS.E.2", text=NOW[2]),
            Decision("p01_interview:0009", "accept", "IS.E.2", text="Nobody said this."),
            Decision("lucy_pemberton:0001", "accept", "IS.E.2", text="Lucy Pemberton told us."),
        ],
    )
    code, out, err = roqa(
        "apply-decisions", coded, "--decisions", path, "--coder", "JB", "--out", tmp_path / "rev"
    )
    assert code == 0
    assert err == (
        f"roqa: warning: {path}: 2 code decision(s) on no segment of the codings, left out: "
        "p01_interview:0009 (row 3); 1 of a transcript not in these pseudonymised codings, not "
        "named here: its id may hold a name (row 4)\n"
    )
