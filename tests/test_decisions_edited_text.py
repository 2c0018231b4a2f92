"""Decisions on a transcript corrected since the review (``match_decisions``): a decision whose
words are in no segment goes to the one segment of its transcript with nearly its words (a typo
fixed, a repeated word removed, a name pseudonymised), with a warning naming the file; exact
words keep priority, and a rewritten answer, or words nearly as near two segments, match
nothing."""

from __future__ import annotations

import warnings
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roqa_nlp import decisions as decisions_module
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    Decision,
    feedback_plan,
    match_decisions,
    no_code_rows,
    reviewed_codings,
)
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

#: what the participant said as the review read it, and as the corrected transcript has it
TYPO = "I did not recieve any training on the new care plans before they started in March."
TYPO_FIXED = "I did not receive any training on the new care plans before they started in March."
REPEAT = "We had to ring the the commissioner every week to ask about the funding."
REPEAT_FIXED = "We had to ring the commissioner every week to ask about the funding."
NAME = (
    "Sarah Jones from the council came to every team meeting and she really understood "
    "what the staff needed from us."
)
NAME_HIDDEN = (
    "[P07] from the council came to every team meeting and she really understood "
    "what the staff needed from us."
)
ROTA = "The rota was fine and nobody complained about the hours we worked last year."
ROTA_REWRITTEN = (
    "Honestly the rota caused trouble all year, people kept complaining about their hours."
)

#: the review, made on the transcript before it was corrected (p01:0001 ... p01:0004)
REVIEW = [
    Decision("p01:0001", "accept", "IS.E.2", text=TYPO),
    Decision("p01:0002", "accept", "IC.F", text=REPEAT),
    Decision("p01:0003", "recode", "CI.A", text=NAME),
    Decision("p01:0004", "accept", "IS.E.2", text=ROTA),
]

SHOWN = ("IS.E.2", "IC.F", "CI.A")


def seg(sid: str, text: str) -> SegmentResult:
    """A participant's segment ``sid`` (transcript: the part before ':') suggested SHOWN."""
    tid = sid.rpartition(":")[0]
    suggestions = [Suggestion(c, c, None, 0.5, valence="barrier") for c in SHOWN]
    return SegmentResult(Segment(sid, tid, "P01", "participant", 0, len(text), text), suggestions)


def corrected() -> CodingResult:
    """The transcript coded again after its corrections, with a turn added at the start: every
    id moved by one."""
    texts = ["Where do I start?", TYPO_FIXED, REPEAT_FIXED, NAME_HIDDEN, ROTA_REWRITTEN]
    return CodingResult(segments=[seg(f"p01:{n:04d}", t) for n, t in enumerate(texts)])


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


# -- the rule -------------------------------------------------------------------------------------


def test_a_typo_fixed_a_repeated_word_removed_and_a_name_pseudonymised_keep_their_decisions() -> (
    None
):
    m = match_decisions(REVIEW, corrected())
    assert m.on == ("p01:0001", "p01:0002", "p01:0003", None)
    assert m.edited == (True, True, True, False)
    assert [sid for _, sid in m.matched_to_edited] == ["p01:0001", "p01:0002", "p01:0003"]


def test_a_rewritten_answer_matches_no_segment() -> None:
    m = match_decisions(REVIEW[3:], corrected())
    assert m.unmatched == (REVIEW[3],)
    assert m.edited == (False,)


def test_a_short_answer_with_a_word_changed_matches_no_segment() -> None:
    """Three words, one changed: too few to tell a correction from other talk (0.67 < 0.9)."""
    d = Decision("p01:0001", "accept", "IS.E.2", text="I didnt know.")
    m = match_decisions([d], CodingResult(segments=[seg("p01:0001", "I didn't know.")]))
    assert m.on == (None,)


def test_words_nearly_as_near_two_segments_match_neither() -> None:
    """0.93 to the spring turn, 0.86 to the autumn one: within 0.1, so no way to tell."""
    spring = "We did the moving and handling training together last spring with the whole team."
    autumn = "We did the moving and handling training together last autumn with the whole team."
    d = Decision("p01:0001", "accept", "IS.E.2", text=spring.replace("together", "togther"))
    result = CodingResult(segments=[seg("p01:0001", spring), seg("p01:0002", autumn)])
    assert match_decisions([d], result).on == (None,)


def test_two_segments_decisions_nearest_to_one_segment_go_to_neither() -> None:
    """The review had the answer twice (a slip each time); the corrected transcript once."""
    twice = [
        Decision("p01:0001", "accept", "IS.E.2", text=TYPO),
        Decision("p01:0002", "reject", "IS.E.2", text=TYPO.replace("any", "any any")),
    ]
    m = match_decisions(twice, CodingResult(segments=[seg("p01:0001", TYPO_FIXED)]))
    assert m.on == (None, None)


def test_a_segment_holding_another_segments_decisions_is_not_matched_by_near_text() -> None:
    exact = Decision("p01:0001", "accept", "IS.E.2", text=TYPO_FIXED)
    near = Decision("p01:0002", "accept", "IC.F", text=TYPO)
    m = match_decisions([exact, near], CodingResult(segments=[seg("p01:0001", TYPO_FIXED)]))
    assert m.on == ("p01:0001", None)
    assert m.edited == (False, False)


def test_rows_of_one_segment_with_old_and_new_words_both_go_to_it() -> None:
    rows = [
        Decision("p01:0001", "accept", "IS.E.2", text=TYPO_FIXED),
        Decision("p01:0001", "valence", text=TYPO, valence="barrier"),
    ]
    m = match_decisions(rows, CodingResult(segments=[seg("p01:0001", TYPO_FIXED)]))
    assert m.on == ("p01:0001", "p01:0001")
    assert m.edited == (False, True)


def test_a_decision_of_a_transcript_coded_stays_in_it_whatever_another_says() -> None:
    """A decision moves to another transcript only when its own is not coded (hunt s43 h2):
    near words in its own transcript win over its very words in another."""
    d = Decision("p01:0001", "accept", "IS.E.2", text=TYPO)
    result = CodingResult(segments=[seg("p01:0001", TYPO_FIXED), seg("p02:0004", TYPO)])
    m = match_decisions([d], result)
    assert m.on == ("p01:0001",)
    assert m.edited == (True,)
    assert match_decisions(
        [d], CodingResult(segments=[seg("p01:0001", ROTA), seg("p02:0004", TYPO)])
    ).on == (None,)


def test_near_words_are_looked_for_in_the_transcript_of_the_segment_id_when_it_is_coded() -> None:
    d = Decision("p01:0001", "accept", "IS.E.2", text=TYPO)
    other = CodingResult(segments=[seg("p01:0001", ROTA), seg("p02:0001", TYPO_FIXED)])
    assert match_decisions([d], other).on == (None,)


#: the review made before pseudonymising, on transcript "Interview 12 - Sarah Jones"; coded
#: again with --pseudonymise, the transcript is "Interview 12 - P07" and the name [P07]
RENAMED = [
    Decision("Interview 12 - Sarah Jones:0003", "recode", "CI.A", text=NAME),
    Decision("Interview 12 - Sarah Jones:0004", "accept", "IS.E.2", text=ROTA),
]


def pseudonymised() -> CodingResult:
    texts = ["Where do I start?", TYPO_FIXED, NAME_HIDDEN, ROTA]
    return CodingResult(
        segments=[seg(f"Interview 12 - P07:{n:04d}", t) for n, t in enumerate(texts)]
        + [seg("p11_interview:0001", REPEAT_FIXED)]
    )


def test_decisions_follow_their_transcript_renamed_by_pseudonymising() -> None:
    """A decision's transcript that is in no coded transcript (its file renamed: the name in it
    pseudonymised) has its near words looked for in every transcript (tester, session 39: the
    accept on "Our chief executive, Maria, …" was dropped, "1 matches no segment")."""
    m = match_decisions(RENAMED, pseudonymised())
    assert m.on == ("Interview 12 - P07:0002", "Interview 12 - P07:0003")
    assert m.edited == (True, False)


RENAMED_WARNING = (
    "d.csv: decisions of Interview 12 - Sarah Jones, not among the transcripts coded, follow "
    "their nearly-same words in Interview 12 - P07 (a transcript renamed, e.g. by pseudonymising? "
    "check them)"
)


def test_the_warning_names_the_segment_in_the_renamed_transcript() -> None:
    """It says the transcript was renamed, not that its text was edited (hunter, session 39)."""
    with pytest.warns(RoqaWarning) as got:
        decisions_module.warn_of_edited_text(match_decisions(RENAMED, pseudonymised()), "d.csv")
    assert [str(w.message) for w in got] == [RENAMED_WARNING]


#: a greeting and a goodbye of p05, nearly those of p01 (interviews open and close alike)
HELLO = "Yes, I can hear you. Sorry, I was just finding the right button on Teams."
HELLO_P01 = "Yes, I can hear you. Sorry, I was just finding the right button on Zoom."
BYE = "Lovely, thank you. Good luck with it all, and with the write up. Bye bye."
BYE_P02 = "Lovely, thank you. Good luck with it all, and with the write up. Bye."


def test_decisions_of_a_transcript_not_coded_do_not_follow_into_one_a_decision_names() -> None:
    """A transcript not coded (p05: its decisions in the file, it not) is not renamed to one
    the review decided on (p01): before, its greeting's reject went to p01's greeting, warned
    of as text edited since the review (hunter, session 39)."""
    review = [
        Decision("p01:0002", "accept", "IS.E.2", text=ROTA),
        Decision("p05:0001", "reject", "CI.C", text=HELLO),
    ]
    coded = CodingResult(segments=[seg("p01:0001", HELLO_P01), seg("p01:0002", ROTA)])
    assert match_decisions(review, coded).on == ("p01:0002", None)


def test_decisions_of_a_transcript_not_coded_nearly_in_two_transcripts_follow_into_neither() -> (
    None
):
    """A rename is one to one: p05's greeting nearly p01's, its goodbye nearly p02's."""
    review = [
        Decision("p05:0001", "reject", "CI.C", text=HELLO),
        Decision("p05:0029", "accept", "PR.D", text=BYE),
    ]
    coded = CodingResult(segments=[seg("p01:0001", HELLO_P01), seg("p02:0029", BYE_P02)])
    assert match_decisions(review, coded).on == (None, None)
    alone = CodingResult(segments=[seg("p01:0001", HELLO_P01), seg("p01:0029", BYE_P02)])
    assert match_decisions(review, alone).on == ("p01:0001", "p01:0029")


def test_exact_words_in_one_transcript_and_near_words_in_another_follow_into_neither() -> None:
    review = [
        Decision("p05:0001", "reject", "CI.C", text=HELLO),
        Decision("p05:0002", "accept", "IS.E.2", text=ROTA),
    ]
    coded = CodingResult(segments=[seg("p01:0001", HELLO_P01), seg("p02:0002", ROTA)])
    assert match_decisions(review, coded).on == (None, "p02:0002")


def test_near_words_of_a_renamed_transcript_in_two_transcripts_match_neither() -> None:
    d = Decision("p01 - Sarah Jones:0001", "accept", "IS.E.2", text=TYPO)
    two = CodingResult(segments=[seg("p01:0001", TYPO_FIXED), seg("p02:0001", TYPO_FIXED)])
    assert match_decisions([d], two).on == (None,)


def test_apply_decisions_codes_the_segments_of_the_renamed_transcript(cfir: Codebook) -> None:
    with pytest.warns(RoqaWarning) as got:
        reviewed, _, counts = reviewed_codings(
            RENAMED, pseudonymised(), cfir, coder="Alice", where="d.csv"
        )
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed.segments] == [
        ("Interview 12 - P07:0002", ["CI.A"]),
        ("Interview 12 - P07:0003", ["IS.E.2"]),
    ]
    assert counts["not_found"] == 0
    assert [str(w.message) for w in got] == [RENAMED_WARNING]


# -- the warning, and every user of the matching ---------------------------------------------------


def test_the_warning_names_the_file_how_many_and_where() -> None:
    with pytest.warns(RoqaWarning) as got:
        decisions_module.warn_of_edited_text(match_decisions(REVIEW, corrected()), "r/d.csv")
    assert [str(w.message) for w in got] == [
        "r/d.csv: 3 decisions matched to 3 segments whose text was edited since the review "
        "(nearly the same words, not the same): p01:0001, p01:0002, p01:0003; "
        "check they are the talk decided on"
    ]


def test_no_warning_when_every_decision_is_on_its_very_words(recwarn) -> None:
    decisions_module.warn_of_edited_text(match_decisions(REVIEW[:1], corrected()), "d.csv")
    exact = [Decision("p01:0001", "accept", "IS.E.2", text=TYPO_FIXED)]
    decisions_module.warn_of_edited_text(match_decisions(exact, corrected()), "d.csv")
    assert [str(w.message) for w in recwarn] == [
        "d.csv: 1 decision matched to 1 segment whose text was edited since the review (nearly "
        "the same words, not the same): p01:0001; check "
        "they are the talk decided on"
    ]


def test_apply_decisions_codes_the_corrected_segments(cfir: Codebook) -> None:
    with pytest.warns(RoqaWarning, match="^d.csv: 3 decisions matched to 3 segments whose text"):
        reviewed, _, counts = reviewed_codings(
            REVIEW, corrected(), cfir, coder="Alice", where="d.csv"
        )
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed.segments] == [
        ("p01:0001", ["IS.E.2"]),
        ("p01:0002", ["IC.F"]),
        ("p01:0003", ["CI.A"]),
    ]
    assert counts["not_found"] == 1  # the rewritten answer


def test_training_learns_the_corrected_words(cfir: Codebook) -> None:
    with pytest.warns(RoqaWarning, match="^d.csv: 3 decisions matched to 3 segments whose text"):
        plan = feedback_plan([(REVIEW, corrected(), "d.csv")], cfir)
    assert plan.ids == ["p01:0001", "p01:0002", "p01:0003", "p01:0004"]
    assert plan.texts == [TYPO_FIXED, REPEAT_FIXED, NAME_HIDDEN, ROTA]  # the last on no segment
    assert plan.valences == ["barrier", "barrier", "barrier", ""]


def test_the_report_starts_from_the_decisions_on_corrected_segments(tmp_path: Path) -> None:
    from roqa_nlp.report import embedded_decisions

    p = tmp_path / "decisions.csv"
    p.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        + "".join(f'{d.segment_id},{d.decision},{d.code_id},,,"{d.text}"\n' for d in REVIEW),
        encoding="utf-8",
    )
    with pytest.warns(RoqaWarning, match=f"^{p}: 3 decisions matched to 3 segments"):
        rows = embedded_decisions(corrected(), p)
    assert rows == [
        ["p01:0001", "accept", "IS.E.2", "", ""],
        ["p01:0002", "accept", "IC.F", "", ""],
        ["p01:0003", "recode", "CI.A", "", ""],
    ]


def test_the_report_command_line_warns_of_them(tmp_path: Path) -> None:
    from roqa_nlp.cli.report_cmd import Review

    review = Review(REVIEW, tmp_path / "decisions.csv", found=True)
    with pytest.warns(RoqaWarning, match="decisions.csv: 3 decisions matched to 3 segments"):
        line = review.line(corrected(), Codebook.load("cfir-2009"))
    assert line == (
        "decisions: 3 on 3 segments (2 accept, 1 recode) carried into the report from "
        f"{tmp_path / 'decisions.csv'} (found beside the codings); 1 matches no segment: "
        "p01:0004"
    )


def test_segments_whose_every_suggestion_was_rejected_are_kept_on_corrected_words() -> None:
    review = [Decision("p01:0001", "reject", code, text=TYPO) for code in SHOWN]
    with pytest.warns(RoqaWarning, match="^d.csv: 3 decisions matched to 1 segment whose text"):
        rows = no_code_rows(review, corrected(), where="d.csv")
    assert rows == [Decision("p01:0001", "no-code", text=TYPO_FIXED)]


# -- exact words: unchanged -----------------------------------------------------------------------

WORDS = ["we", "had", "no", "staff", "the", "funding", "training"]


@st.composite
def review_and_codings(draw: st.DrawFn) -> tuple[list[Decision], CodingResult]:
    """Segments in two transcripts from a few words (so that repeated and nearly repeated texts
    are common), and decisions on their texts, on edits of them and on other words."""
    sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=20).map(" ".join)
    texts = draw(st.lists(sentence, min_size=1, max_size=8))
    ids = [f"{draw(st.sampled_from(['a', 'b']))}:{n:04d}" for n in range(len(texts))]
    result = CodingResult(segments=[seg(sid, t) for sid, t in zip(ids, texts)])
    decisions = []
    for _ in range(draw(st.integers(0, 8))):
        sid = f"{draw(st.sampled_from(['a', 'b', 'c']))}:{draw(st.integers(0, 9)):04d}"
        text = draw(st.sampled_from(texts))
        how = draw(st.sampled_from(["exact", "spacing", "edited", "other", "none"]))
        if how == "spacing":
            text = f"  {text.replace(' ', chr(10))} "
        elif how == "edited":
            words = text.split()
            words[draw(st.integers(0, len(words) - 1))] = draw(st.sampled_from(WORDS + ["x"]))
            text = " ".join(words)
        elif how == "other":
            text = draw(sentence)
        elif how == "none":
            text = ""
        decisions.append(Decision(sid, "accept", "IS.E.2", text=text))
    return decisions, result


@settings(max_examples=300, deadline=None)
@given(review_and_codings())
def test_decisions_found_by_their_very_words_are_where_they_were_before(
    case: tuple[list[Decision], CodingResult],
) -> None:
    """Matching by nearly the same words moves no decision the exact rule placed (the rule as it
    was: NEAR_TEXT out of reach), and only places decisions it left on no segment: those it
    marks edited, and the short answers of a transcript not coded that follow its identifying
    words placed so into one transcript (hypothesis found, s44: "we" of c, not coded, follows
    c's 8-word answer to a, where it is found nearly, b holding a decision of its own); a
    segment of nearly its words that holds them unchanged among more talk is marked joined."""
    decisions, result = case
    with mock.patch.object(decisions_module, "NEAR_TEXT", 2.0):
        before = match_decisions(decisions, result)
    after = match_decisions(decisions, result)
    coded = {s.segment.transcript_id for s in result.segments}

    def part(segment_id: str) -> str:
        return segment_id.rpartition(":")[0]

    followed = {
        (part(d.segment_id), part(now))
        for d, now, edited in zip(decisions, after.on, after.edited)
        if edited and now is not None
    }
    for d, was, now, edited, joined in zip(
        decisions, before.on, after.on, after.edited, after.joined
    ):
        if was is not None:
            assert now == was
        elif now is not None and joined:
            # a segment of nearly its words holding them unchanged among more grew (R3, s74)
            words = d.text.split()
            text_of = {s.segment.id: s.segment.text for s in result.segments}
            seg_words = text_of[now].split()
            assert len(seg_words) > len(words)
            assert any(seg_words[i : i + len(words)] == words for i in range(len(seg_words)))
        elif now is not None and not edited:
            assert part(d.segment_id) not in coded
            assert len(d.text.split()) < decisions_module.IDENTIFYING_WORDS
            assert (part(d.segment_id), part(now)) in followed
        else:
            assert (now is None) != edited
    assert before.edited == (False,) * len(decisions)


#: hypothesis found (CI's derandomized examples, s74): "funding" of a:0000 is said inside a:0001
#: alone, so the joined rule places it there with the near rule off; a:0001's own decision, one
#: word changed of ten (0.9 near), took a:0001 first, and "funding" was left on no segment
NEAR_TOOK_A_JOINED_SEGMENT = (
    [
        Decision("a:0000", "accept", "IS.E.2", text="we"),
        Decision("a:0000", "accept", "IS.E.2", text="funding"),
        Decision("a:0001", "accept", "IS.E.2", text="had we we we we we we we we funding"),
    ],
    CodingResult(
        segments=[
            seg(sid, t)
            for sid, t in [
                ("a:0000", "we"),
                ("a:0001", "we we we we we we we we we funding"),
                ("a:0002", "we"),
                ("a:0003", "we"),
                ("a:0004", "we"),
                ("b:0005", "funding"),
            ]
        ]
    ),
)
#: found by a local run (f_dec2, s74): "had" of a:0000 is said inside a:0000 alone; a:0001's
#: decision, nearly a:0000's words (0.91), took it first
NEAR_TOOK_ITS_OWN_SEGMENT = (
    [
        Decision("a:0000", "accept", "IS.E.2", text="we we had we we"),
        Decision("a:0000", "accept", "IS.E.2", text="had"),
        Decision("a:0001", "accept", "IS.E.2", text="we staff we had we we"),
    ],
    CodingResult(
        segments=[seg("a:0000", "staff we had we we"), seg("b:0001", "we staff we had we we")]
        + [seg(f"a:{n:04d}", "we") for n in range(2, 6)]
    ),
)


@pytest.mark.parametrize(
    ("case", "on"),
    [
        (NEAR_TOOK_A_JOINED_SEGMENT, ("a:0000", "a:0001", None)),
        (NEAR_TOOK_ITS_OWN_SEGMENT, (None, "a:0000", None)),
    ],
)
def test_a_decision_the_joined_rule_places_stays_placed_when_words_match_nearly(
    case: tuple[list[Decision], CodingResult], on: tuple[str | None, ...]
) -> None:
    """The joined rule (words inside one longer segment) runs before the near rule: a segment a
    decision's very words are inside is its, and no other segment's decision of nearly its words
    takes it. Before: the near rule ran first, and the joined decision matched no segment."""
    decisions, result = case
    with mock.patch.object(decisions_module, "NEAR_TEXT", 2.0):
        before = match_decisions(decisions, result)
    after = match_decisions(decisions, result)
    assert before.on == after.on == on
    assert before.joined == after.joined == (False, True, False)
    assert after.edited == (False,) * 3


def test_decisions_that_follow_their_words_into_another_transcript_are_named() -> None:
    """Hunt s43 (weeks): P04.txt renamed "P04 - final.txt" and coded again: all 8 of P04's
    decisions went, by their words, to "P04 - final" unsaid, while docs/report.md ("Review
    across re-runs") says the command names decisions that land in another transcript. One
    line says how many moved from which transcript to which; near words (a transcript also
    edited) keep their own line; decisions on their own transcript say nothing."""
    review = [
        Decision("P04:0002", "accept", "IS.E.2", text=TYPO),
        Decision("P04:0002", "valence", text=TYPO, valence="barrier"),
        Decision("P04:0003", "accept", "IC.F", text=REPEAT),
        Decision("p01:0001", "accept", "IS.E.2", text=ROTA),
        Decision("p02:0001", "accept", "IS.E.2", text="Yes."),
    ]
    result = CodingResult(
        segments=[
            seg("P04 - final:0002", TYPO),
            seg("P04 - final:0003", REPEAT),
            seg("p01:0001", ROTA),
            seg("p01:0002", "Yes."),
            seg("p02:0001", "No."),
        ]
    )
    m = match_decisions(review, result)
    assert m.on == ("P04 - final:0002",) * 2 + ("P04 - final:0003", "p01:0001", None)
    with pytest.warns(RoqaWarning) as got:
        decisions_module.warn_of_edited_text(m, "d.csv")
    assert [str(w.message) for w in got] == [
        "d.csv: 3 decisions of P04, not among the transcripts coded, follow their words in "
        "P04 - final (a transcript renamed since? check them)",
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        decisions_module.warn_of_edited_text(match_decisions(review[3:4], result), "d.csv")


# -- short answers follow a renamed transcript only on the evidence of identifying words ---------

#: study2 of hunt s43 h2: p04 and p05 each answer "Yes." to the same two questions
P04_LONG = (
    "A huge one, honestly. Our peer worker has lived through a section herself, so when she "
    "says to a tenant that things can get better, they actually believe her."
)
P05_LONG = (
    "It's patchy. We've got one peer worker on a fixed-term contract and nobody really knows "
    "where she fits."
)
STUDY2 = [
    Decision("p04_interview:0003", "new-code", new_code="Peer worker in team", text="Yes."),
    Decision("p04_interview:0004", "accept", "IC.C", text=P04_LONG),
    Decision("p05_interview:0003", "new-code", new_code="Peer worker in team", text="Yes."),
    Decision("p05_interview:0004", "accept", "IS.D.4", text=P05_LONG),
]


def interviews(p04: str | None, p05: str | None) -> CodingResult:
    """p04 and p05 coded under the names given (None: not coded): Yes., long, ..., Yes."""
    segments = []
    for name, long in ((p04, P04_LONG), (p05, P05_LONG)):
        if name is not None:
            texts = ["Hello.", "We run a service.", "Yes.", long, "Money.", "Yes."]
            segments += [seg(f"{name}:{n:04d}", t) for n, t in enumerate(texts, 1)]
    return CodingResult(segments=segments)


def test_a_short_answer_of_a_renamed_transcript_follows_its_identifying_words() -> None:
    """Hunt s43 h2, p05 renamed "p05 - final": p05's "Yes." went to P04's free "Yes."
    (p04_interview:0006), so Table 2 gave it to P04; it follows P05's long answer instead."""
    m = match_decisions(STUDY2, interviews("p04_interview", "p05 - final"))
    assert m.on == (
        "p04_interview:0003",
        "p04_interview:0004",
        "p05 - final:0003",
        "p05 - final:0004",
    )
    with pytest.warns(RoqaWarning) as got:
        decisions_module.warn_of_edited_text(m, "d.csv")
    assert [str(w.message) for w in got] == [
        "d.csv: 2 decisions of p05_interview, not among the transcripts coded, follow their "
        "words in p05 - final (a transcript renamed since? check them)",
    ]


def test_a_genuine_rename_still_follows() -> None:
    m = match_decisions(STUDY2, interviews("p04 - final", "p05_interview"))
    assert m.on == (
        "p04 - final:0003",
        "p04 - final:0004",
        "p05_interview:0003",
        "p05_interview:0004",
    )


def test_short_answers_of_a_transcript_not_coded_do_not_move_alone() -> None:
    """Hunt s43 h2, only p05 coded, decisions of p04 only: P04's two "Yes." went onto P05's."""
    review = [
        *STUDY2[:2],
        Decision("p04_interview:0006", "new-code", new_code="Commissioner support", text="Yes."),
    ]
    m = match_decisions(review, interviews(None, "p05_interview"))
    assert m.on == (None, None, None)
    yes_only = [STUDY2[0], review[2]]
    assert match_decisions(yes_only, interviews(None, "p05 - final")).on == (None, None)


def test_short_answers_do_not_follow_into_a_transcript_with_decisions_of_its_own() -> None:
    """p05 merged into p04_interview: P05's long answer follows its words (they say where), its
    "Yes." does not (which "Yes." of the merged file is P05's?), nor into two transcripts."""
    merged = interviews("p04_interview", None)
    merged = CodingResult(
        segments=[
            *merged.segments,
            seg("p04_interview:0009", "Yes."),
            seg("p04_interview:0010", P05_LONG),
        ]
    )
    m = match_decisions(STUDY2, merged)
    assert m.on == ("p04_interview:0003", "p04_interview:0004", None, "p04_interview:0010")
    split = CodingResult(
        segments=[
            seg("a:0001", "Yes."),
            seg("a:0002", P05_LONG),
            seg("b:0001", "Yes."),
            seg("b:0002", P05_LONG),
        ]
    )
    assert match_decisions(STUDY2[2:], split).on == (None, None)


def test_identifying_words_of_one_transcript_in_two_transcripts_move_none() -> None:
    review = [*STUDY2[2:], Decision("p05_interview:0007", "accept", "IC.C", text=ROTA)]
    coded = CodingResult(
        segments=[seg("a:0001", "Yes."), seg("a:0002", P05_LONG), seg("b:0001", ROTA)]
    )
    assert match_decisions(review, coded).on == (None, None, None)


def test_a_short_answer_moved_in_its_own_transcript_keeps_its_decision() -> None:
    m = match_decisions(STUDY2[:1], CodingResult(segments=[seg("p04_interview:0005", "Yes.")]))
    assert m.on == ("p04_interview:0005",)
