"""A focus-group member's reply that only agrees with another member (``Yeah, same here.``,
``I'd agree with that.``, ``Yeah, a tick box. Exactly.`` after ``...it's like a tick box.``) is
read with the turn it agrees with, counted where it is coded, never quoted while its cell has
anything else, and makes no code new in saturation (session 49, focus-group tester, finding 1).
Fixture: ``tests/data/focus_group/fg_agree.txt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.framework import barriers_enablers, framework_matrix, saturation
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import SegmentResult, Suggestion, Transcript
from roqa_nlp.transcripts import read_transcript, with_default_labels
from roqa_nlp.transcripts.backchannels import agrees_with, only_agrees
from roqa_nlp.transcripts.segment import agreed_turns, questions_before, segment
from roqa_nlp.transcripts.text import parse_text

FIXTURE = Path(__file__).parent / "data" / "focus_group" / "fg_agree.txt"

#: segment number -> (code, probability, valence, valence probability), as a model might code them
CODED = {
    1: ("IS.E.2", 0.80, "barrier", 0.90),  # Staffing, mostly. ...
    2: ("IS.E.2", 0.95, "barrier", 0.95),  # Yeah, same here.
    3: ("CI.A", 0.54, "barrier", 0.70),  # I'd agree with that.
    4: ("IC.G", 0.70, "barrier", 0.80),  # And the forms are long, it's like a tick box.
    5: ("IC.G", 0.90, "barrier", 0.90),  # Yeah, a tick box. Exactly.
    6: ("PR.B.3", 0.90, "enabler", 0.60),  # The champions. When I started, ...
    7: ("PR.C", 0.51, "enabler", 0.80),  # Same, when I started.
    8: ("PR.B.3", 0.99, "enabler", 0.50),  # [crosstalk] Same, the champions really help. [laughs]
    9: ("PR.B.3", 0.60, "barrier", 0.85),  # Same, but not on nights.
}


def coded_group() -> CodingResult:
    """The fixture segmented as ``roqa code`` segments it, each segment coded as :data:`CODED`."""
    t = read_transcript(FIXTURE)
    segments = []
    for n, s in enumerate(segment(t), 1):
        code, p, valence, vp = CODED[n]
        g = Suggestion(code, code, code.split(".")[0], p, valence, valence_probability=vp)
        segments.append(SegmentResult(segment=s, suggestions=[g], novel=False))
    return CodingResult(segments=segments, transcripts={t.id: t})


@pytest.mark.parametrize(
    "words",
    [
        "Yeah, same here.",
        "I'd agree with that.",
        "Same for us.",
        "Yeah, same.",
        "That's right.",
        "Agreed, yeah.",
        "Me too.",
        "Plus one.",
        "Exactly. I was going to say that.",
        "No, totally.",  # a no that agrees (s62)
        "Yeah, no, I agree with that.",
    ],
)
def test_a_reply_of_group_agreeing_phrases_only_agrees(words: str) -> None:
    assert only_agrees(words, group=True)


@pytest.mark.parametrize(
    ("words", "answered", "agrees"),
    [
        ("Yeah, a tick box. Exactly.", "[crosstalk] ...it's like a tick box.", True),
        ("Same, when I started.", "I didn't know where anything was when I started.", True),
        ("Same, when I started.", "What would help?", False),
        ("Yeah, a tick box. Exactly.", "", False),
        ("Same, the rota is the problem for us.", "It's the staffing.", False),
        ("Same, but not on nights.", "The champions help on shift.", False),
        ("Yes, a tick box.", "It's like a tick box.", False),
        # a restriction or an addition, or a first-person clause of the reply's own, says
        # something (s49 re-test refocus, finding 4)
        ("Same here, only on nights.", "It goes on every shift, days and nights.", False),
        ("Same, apart from nights.", "It goes on every shift, days and nights.", False),
        ("Same, also on nights.", "It goes on every shift, days and nights.", False),
        (
            "Same, I do a lot of nights too. [crosstalk]",
            "I'm a night worker mainly. I do feel a bit left out, nobody thought about nights.",
            False,
        ),
        ("Same, we work nights as well.", "Nights are the problem for us.", False),
        ("Same, I do.", "I do feel a bit left out of it.", True),
        ("Same here, I agree with that, yeah.", "Nights are the problem.", True),
        ("Me too, we had the same.", "Nights are the problem.", True),
        ("Same, when I started, yeah.", "I was lost when I started.", True),
    ],
)
def test_an_agreement_that_only_echoes_the_turn_it_answers_only_agrees(
    words: str, answered: str, agrees: bool
) -> None:
    assert only_agrees(words, answered) is agrees


def test_a_members_agreeing_reply_reads_the_turn_it_agrees_with_as_its_context() -> None:
    t = read_transcript(FIXTURE)
    contexts = [(s.id[-1], s.context.split(".")[0]) for s in segment(t)]
    opening = "Thanks for coming, everyone"
    assert contexts == [
        ("1", opening),
        ("2", "Staffing, mostly"),  # Yeah, same here.
        ("3", "Staffing, mostly"),  # I'd agree with that.
        ("4", opening),
        ("5", "And the forms are long, it's like a tick box"),  # Yeah, a tick box. Exactly.
        ("6", "And what helps?"),
        ("7", "The champions"),  # Same, when I started.
        ("8", "And what helps?"),
        ("9", "And what helps?"),  # Same, but not on nights: says something of its own
    ]


def test_table_2_counts_agreeing_replies_but_quotes_only_what_says_something() -> None:
    rows = {
        r.code_id: r
        for d in barriers_enablers(coded_group(), "cfir-2009", quotes=2).domains
        for r in d.constructs
    }
    staffing = rows["IS.E.2"].barriers
    assert (staffing.segments, staffing.participants) == (2, ["P21", "P22"])
    assert [q.cited for q in staffing.quotes] == [
        '"Staffing, mostly. On a late shift there are two of us for eleven people, so the goal '
        'work goes out the window." [P21, fg_agree:100-210]'
    ]
    forms = rows["IC.G"].barriers
    assert (forms.segments, forms.participants) == (2, ["P21", "P22"])
    assert [q.cited for q in forms.quotes] == [
        '"And the forms are long, it\'s like a tick box." [P21, fg_agree:289-334]'
    ]
    agree = rows["CI.A"].barriers
    assert (agree.segments, agree.participants) == (1, ["P23"])
    assert [q.cited for q in agree.quotes] == [
        'no quote, it only says yes or no: "I\'d agree with that." [P23, fg_agree:262-282]'
    ]
    started = rows["PR.C"].enablers
    assert [q.cited for q in started.quotes] == [
        'no quote, it only says yes or no: "Same, when I started." [P22, fg_agree:517-538]'
    ]


def test_the_matrix_counts_agreeing_replies_but_quotes_only_what_says_something() -> None:
    cells = framework_matrix(coded_group(), quotes=2).cells
    assert cells["fg_agree", "IS.E.2"].summary() == (
        '2 segments: 2 barriers | "Staffing, mostly. On a late shift there are two of us for '
        'eleven people, so the goal work goes out the window." [P21, fg_agree:100-210]'
    )
    assert cells["fg_agree", "CI.A"].summary() == (
        '1 segment: 1 barrier | no quote, it only says yes or no: "I\'d agree with that." '
        "[P23, fg_agree:262-282]"
    )


def test_saturation_counts_no_code_new_on_a_reply_that_only_agrees() -> None:
    s = saturation(coded_group(), cases="transcript")
    assert s.new_codes == [["IC.G", "IS.E.2", "PR.B.3"]]
    assert s.cumulative == [3]


def test_saturation_says_which_codes_rest_only_on_replies_that_only_agree(tmp_path: Path) -> None:
    """s49 re-test refocus, finding 3: CI.A and PR.C, charted only on agreeing replies, were left
    out of the new codes with no word why; the note, the workbook's About sheet and the report's
    saturation section say so now."""
    from openpyxl import load_workbook

    from roqa_nlp.report import render_report

    s = saturation(coded_group(), cases="transcript")
    line = (
        "2 codes rest only on replies that only agree and are not counted as new: "
        "CI.A (fg_agree), PR.C (fg_agree)"
    )
    assert s.agreeing_only == {"CI.A": ["fg_agree"], "PR.C": ["fg_agree"]}
    assert s.agreeing_only_note() == line
    s.to_xlsx(tmp_path / "s.xlsx")
    about = [r[0] for r in load_workbook(tmp_path / "s.xlsx")["About"].iter_rows(values_only=True)]
    # and, after it, that the focus group is one interview (s51)
    group = (
        "fg_agree holds the coded talk of 4 participants (P21, P22, P23, P24): saturation counts "
        "it as one interview, as both of its views count interviews, not participants"
    )
    assert about[-2:] == [line, group]
    html = render_report(coded_group())
    assert f'<p class="muted">{line}.</p>' in html


def test_the_matrix_quotes_a_cell_as_table_2_quotes_its_side() -> None:
    """Session 49, finding 2: the matrix ranked by the code's probability alone, so a quote whose
    valence the model doubts (0.99 x 0.50) came before the one Table 2 quotes (0.90 x 0.60)."""
    result = coded_group()
    cell = framework_matrix(result, quotes=1).cells["fg_agree", "PR.B.3"]
    row = next(
        r
        for d in barriers_enablers(result, "cfir-2009", quotes=1).domains
        for r in d.constructs
        if r.code_id == "PR.B.3"
    )
    assert [q.segment_id for q in cell.quotes] == ["fg_agree:0006"]
    assert [q.segment_id for q in row.enablers.quotes] == ["fg_agree:0006"]
    assert [
        q.segment_id for q in framework_matrix(result, quotes=3).cells["fg_agree", "PR.B.3"].quotes
    ] == ["fg_agree:0006", "fg_agree:0009", "fg_agree:0008"]


def test_a_quote_shows_no_transcription_mark_at_its_edges_but_keeps_its_offsets() -> None:
    """Session 49, finding 7: Table 2 quoted ``"[crosstalk] Sorry, I was going to say..."``."""
    result = coded_group()
    row = next(
        r
        for d in barriers_enablers(result, "cfir-2009", quotes=2).domains
        for r in d.constructs
        if r.code_id == "PR.B.3"
    )
    assert row.enablers.quotes[1].cited == (
        '"Same, the champions really help." [P24, fg_agree:545-598, valence unsure (0.50)]'
    )
    assert row.enablers.quotes[1].text == "[crosstalk] Same, the champions really help. [laughs]"
    rows = framework_matrix(result, quotes=3).long_rows()
    said = [r[8] for r in rows[1:] if r[1] == "PR.B.3"]
    assert said[2] == "[crosstalk] Same, the champions really help. [laughs]"


# --- session 49 review, finding 1: a contradiction is no agreement ---------------------------


@pytest.mark.parametrize(
    ("words", "answered"),
    [
        ("That's the thing, they didn't support it.", "Did the managers support it?"),
        ("Same here, it wasn't easy to use.", "The app was easy to use."),
        (
            "Same here, the staff were supportive but the managers weren't.",
            "The managers were supportive but the staff weren't.",
        ),
        ("That's the thing, it wasn't enough for us.", "The training was enough for us, honestly."),
        ("Same, the managers were supportive too.", "The staff were supportive."),
    ],
)
def test_a_reply_that_contradicts_or_adds_words_does_not_only_agree(
    words: str, answered: str
) -> None:
    """A negation or contrast (``n't``, ``but``) or a word of its own (``managers``) is
    something of the reply's own, whatever words it shares with the turn it answers."""
    assert only_agrees(words, answered) is False
    assert only_agrees(words, answered, group=True) is False
    assert only_agrees(words) is False
    assert agrees_with(words, answered) is False


def test_a_one_to_one_reply_keeps_the_yes_or_no_rule_of_before() -> None:
    """Group-agreeing phrases count only in a group: a one-to-one's words are read as they were
    at f2366dbb (a bare yes or no only agrees, ``Same here.`` said to the interviewer is kept)."""
    assert [only_agrees(w) for w in ("Yes, of course.", "No, they did not.", "Same here.")] == [
        True,
        True,
        False,
    ]
    assert only_agrees("Same here.", group=True) is True
    assert only_agrees("Exactly, we didn't.", group=True) is True  # a bare no: says only no
    assert agrees_with("Exactly, we didn't.", "We had proper training.") is False  # but no echo


def _one_coded(path: Path, code: str) -> CodingResult:
    t = read_transcript(path)
    segments = [
        SegmentResult(
            segment=s,
            suggestions=[Suggestion(code, code, code.split(".")[0], 0.9, "barrier", 0.9)],
            novel=False,
        )
        for s in segment(t)
    ]
    return CodingResult(segments=segments, transcripts={t.id: t})


@pytest.mark.parametrize(
    ("asked", "answer"),
    [
        ("Did the managers support it?", "That's the thing, they didn't support it."),
        ("Was it the funding?", "Exactly, it was the funding."),
    ],
)
def test_a_one_to_one_answer_makes_its_code_new_and_is_quoted(
    tmp_path: Path, asked: str, answer: str
) -> None:
    path = tmp_path / "p01.txt"
    path.write_text(f"Interviewer: {asked}\nP01: {answer}\n", encoding="utf-8")
    result = _one_coded(path, "IS.E")
    assert saturation(result, cases="transcript").new_codes == [["IS.E"]]
    row = next(
        r
        for d in barriers_enablers(result, "cfir-2009", quotes=1).domains
        for r in d.constructs
        if r.code_id == "IS.E"
    )
    assert [q.cited for q in row.barriers.quotes] == [
        f'"{answer}" [P01, p01:{len(asked) + 19}-{len(asked) + 19 + len(answer)}]'
    ]


def test_a_member_who_disagrees_is_read_with_the_question_not_the_turn_he_disagrees_with() -> None:
    """Ben's ``That's the thing, it wasn't enough for us.`` after Anna's ``The training was enough
    for us, honestly.`` took her turn as its context, so the model coded her enabler as his."""
    t = read_transcript(FIXTURE.with_name("fg_disagree.txt"))
    assert [(s.speaker, s.context) for s in segment(t)] == [
        ("Anna", "Was the training enough?"),
        ("Ben", "Was the training enough?"),
    ]


def test_examples_saturation_new_codes_are_those_of_f2366dbb() -> None:
    """examples/interviews as coded by the model (tests/data/examples_coded, the review's
    coding): one-to-one interviews, whose saturation the group rules must not change. Expected
    values computed once with f2366dbb's roqa_nlp."""
    result = CodingResult.read(Path(__file__).parent / "data" / "examples_coded" / "codings.jsonl")
    s = saturation(result, codebook="cfir-2009")
    assert s.interviews == ["p01_interview", "p02_interview", "p03_interview"]
    assert s.new_codes == [
        ["CI.A", "IC.F", "IC.G", "IS.A", "IS.C", "IS.D.2", "IS.D.4", "IS.D.6", "IS.E.1", "IS.E.2"]
        + ["IS.E.3", "OS.A", "OS.D", "PR.B", "PR.B.3", "PR.C"],
        ["CI.C", "CI.E", "PR.B.1", "PR.D"],
        ["OS.B"],
    ]


# --- session 61 focus tester, finding 3: an agreeing reply is coded as the turn it agrees with --


def test_agreed_turns_names_the_members_turn_each_agreeing_reply_agrees_with() -> None:
    t = read_transcript(FIXTURE)
    assert agreed_turns(t) == [None, None, None, 1, 1, None, 5, None, None, 8, None, None]
    assert agreed_turns(read_transcript(FIXTURE.with_name("fg_disagree.txt"))) == [None] * 3


@pytest.mark.slow
def test_the_packaged_model_codes_an_agreeing_reply_as_the_turn_it_agrees_with() -> None:
    """Siobhán's ``I agree with that.`` after Priya's leadership enabler (IS.E.1, 0.53) was coded
    Knowledge & Beliefs, barrier, at 0.73; here ``I'd agree with that.`` after P21's staffing
    barrier was CI.A, barrier, 0.53 and ``Same, when I started.`` PR.C at 0.46: each read as its
    own words, with the turn it agreed with added at ``context_weight`` (0.2). Now each takes the
    coding of that turn; a reply that says something of its own (``Same, but not on nights.``)
    keeps its own."""
    from roqa_nlp.autocoder import AutoCoder

    result = AutoCoder.load().code(FIXTURE)
    got = [
        (s.segment.speaker, s.suggestions[0].code_id, s.suggestions[0].valence)
        for s in result.segments
    ]
    assert got == [
        ("P21", "IS.E.2", "barrier"),  # Staffing, mostly. ...
        ("P22", "IS.E.2", "barrier"),  # Yeah, same here.
        ("P23", "IS.E.2", "barrier"),  # I'd agree with that.
        ("P21", "IC.G", "barrier"),  # And the forms are long, it's like a tick box.
        ("P22", "IC.G", "barrier"),  # Yeah, a tick box. Exactly.
        ("P23", "PR.B.3", "enabler"),  # The champions. ...
        ("P22", "PR.B.3", "enabler"),  # Same, when I started.
        ("P24", "PR.B.3", "enabler"),  # Same, the champions really help.
        ("P21", "IS.E.2", "barrier"),  # Same, but not on nights.
    ]
    coded = [s.suggestions for s in result.segments]
    assert coded[1] == coded[2] == coded[0]
    assert coded[4] == coded[3]
    assert coded[6] == coded[5]
    assert coded[8] != coded[0]
    assert [s.novel for s in result.segments] == [False] * 8 + [True]  # its own words fit none


# --- session 61 hunt of the agreeing-reply rule (hunt_agree.md) -----------------------------

ASKED = "Facilitator: Was the audit feedback useful?\n"
USEFUL = "Siobhan: Really useful, we got a monthly dashboard and could see our ward improving.\n"


def group_talk(*lines: str) -> Transcript:
    return parse_text(ASKED + USEFUL + "".join(f"{line}\n" for line in lines), "fg")


@pytest.mark.parametrize(
    "no",
    ["No.", "Not really.", "No, not at all.", "Nope.", "Hmm, not really, no.", "No, it didn't."],
)
@pytest.mark.parametrize("agreeing", ["Same here.", "Same.", "Me neither."])
def test_an_agreement_after_a_members_bare_no_agrees_with_the_no_not_the_turn_before(
    no: str, agreeing: str
) -> None:
    """Hunt HIGH 1: Marcus's ``Me neither.`` after Priya's ``Not really.`` was tied to Siobhan's
    ``Really useful...`` before it and coded as hers, Goals & Feedback, enabler, 0.85. It agrees
    with the no, which has no code of its own: no turn to take a coding from, and the no's
    context, the question."""
    t = group_talk(f"Priya: {no}", f"Marcus: {agreeing}")
    assert agreed_turns(t) == [None, None, None, None]
    assert questions_before(t)[3] == "Was the audit feedback useful?"


def test_agreements_agree_with_the_turn_before_them_until_a_member_says_no() -> None:
    """Priya's ``Yes.`` and Marcus's ``Same here.`` agree with Siobhan's turn; Ben's ``Me too.``
    after Aoife's ``Not really.`` agrees with the no (it was tied to Siobhan's turn)."""
    t = group_talk("Priya: Yes.", "Marcus: Same here.", "Aoife: Not really.", "Ben: Me too.")
    assert agreed_turns(t) == [None, None, 1, 1, None, None]


#: words read -> (code, probability, conformal p-value, procedural, small talk) a stand-in model
#: gives them: "Not for us, no." fits no code; the aside and the repair are procedural talk
STAND_IN = {
    "Not for us, no.": ("OS.B", 0.10, 0.001, False, False),
    "Same.": ("CI.C", 0.05, 0.001, False, True),
    "Same here.": ("CI.A", 0.08, 0.002, False, False),
    "The forms take an hour to fill in.": ("IC.G", 0.80, 0.5, False, False),
    "Anyway, sorry, I've gone on a bit there.": ("OS.A", 0.02, 0.5, True, False),
    "Same for us.": ("CI.A", 0.30, 0.3, False, False),
    "Sorry, that's me again, my laptop died.": ("OS.A", 0.03, 0.5, True, False),
    "Yeah, same for us.": ("CI.C", 0.05, 0.001, False, True),
}

STAND_IN_GROUP = """Facilitator: Did anything else help?
Priya: Not for us, no.
Marcus: Same.
Aoife: Same here.
Facilitator: And the forms?
Siobhan: The forms take an hour to fill in. Anyway, sorry, I've gone on a bit there.
Ben: Same for us.
Facilitator: And the charts?
Daniel: Sorry, that's me again, my laptop died.
Aoife: Yeah, same for us.
"""


def coded_by_stand_in(monkeypatch: pytest.MonkeyPatch) -> CodingResult:
    """:data:`STAND_IN_GROUP` coded by ``AutoCoder.code`` by sentence, the model's reading of
    each segment replaced by :data:`STAND_IN` (no embedding)."""
    import numpy as np

    from roqa_nlp.autocoder import AutoCoder

    def suggest_rows(X: object, top_k: object, texts: list[str], *_: object) -> tuple:
        got = [STAND_IN[t] for t in texts]
        rows = [[Suggestion(c, c, c.split(".")[0], p, "barrier")] for c, p, *_ in got]
        return (
            rows,
            np.array([g[2] for g in got]),
            np.zeros(len(got)),
            np.array([g[3] for g in got]),
            np.array([g[4] for g in got]),
        )

    coder = AutoCoder.load()
    monkeypatch.setattr(coder, "segments_of", lambda t: segment(t, "sentence"))
    monkeypatch.setattr(coder, "_inputs", lambda texts, *_, **__: np.zeros((len(texts), 1)))
    monkeypatch.setattr(coder, "_question_embeddings", lambda contexts: None)
    monkeypatch.setattr(coder, "_suggest_rows", suggest_rows)
    return coder.code(parse_text(STAND_IN_GROUP, "fg"))


def test_an_agreeing_reply_takes_the_turns_code_but_is_never_talk_for_open_coding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hunt MEDIUM 2: ``Same.`` and ``Same here.`` after a turn that fits no code took its novel
    flag too, and six such replies made a candidate code named "Same.". They take its code, and
    are neither flagged novel nor set aside: they have no words of their own (their p-value is
    their own words')."""
    got = [
        (s.segment.text, s.top.code_id if s.top else None, s.novel, s.novelty_p, s.off_topic)
        for s in coded_by_stand_in(monkeypatch).segments[:3]
    ]
    assert got == [
        ("Not for us, no.", "OS.B", True, 0.001, False),
        ("Same.", "OS.B", False, 0.001, False),
        ("Same here.", "OS.B", False, 0.002, False),
    ]


def test_an_agreeing_reply_takes_the_code_of_the_turns_last_coded_segment_not_its_aside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hunt LOW 3 and 5: ``Same for us.`` after a turn ending ``Anyway, sorry, I've gone on a bit
    there.``, or after a connection repair, took that segment's procedural flag. It takes the
    turn's last coded segment's code; after a turn of procedural talk alone it borrows no code
    and is set aside as that talk is, procedural (second hunt, s61: "Same here." after football
    talk, charted under three codes when the flag was cleared; s62: it is set aside as the talk
    it agrees with, not as its own words read)."""
    got = [
        (s.segment.text, s.top.code_id if s.top else None, s.top.probability if s.top else None)
        + (s.procedural, s.novel, s.off_topic)
        for s in coded_by_stand_in(monkeypatch).segments[3:]
    ]
    assert got == [
        ("The forms take an hour to fill in.", "IC.G", 0.80, False, False, False),
        ("Anyway, sorry, I've gone on a bit there.", "OS.A", 0.02, True, False, False),
        ("Same for us.", "IC.G", 0.80, False, False, False),
        ("Sorry, that's me again, my laptop died.", "OS.A", 0.03, True, False, False),
        ("Yeah, same for us.", "CI.C", 0.05, True, False, False),
    ]


# --- session 62: a no that agrees, a chain through it, and what an agreement borrows ----------

#: a member's negative statement: a bare no to it agrees with it
NEVER = "Siobhan: There was never any budget for the extra hours, so nobody got the time back."


@pytest.mark.parametrize("after", [USEFUL.strip(), NEVER])
@pytest.mark.parametrize(
    "no",
    [
        "No, exactly.",
        "No, I agree.",
        "No, absolutely.",
        "No, totally.",
        "Nah, totally.",
        "No, quite.",
        "Ah no, sure, totally.",
        "No, you're right.",
        "No, fair enough.",
        "No, I hear you.",
        "No, you're dead right.",
    ],
)
def test_a_no_said_with_an_agreeing_word_agrees_with_the_members_turn(after: str, no: str) -> None:
    """``No, exactly.`` and ``No, I agree.`` are British agreement (with a negative statement
    most of all): read as a bare no, they borrowed nothing, and ``No, totally.``, read as words
    of its own, became the turn the next agreement agreed with."""
    t = parse_text(f"{ASKED}{after}\nPriya: {no}\nMarcus: Same here.\n", "fg")
    assert agreed_turns(t) == [None, None, 1, 1]
    assert questions_before(t)[2:] == [after.split(": ", 1)[1]] * 2


@pytest.mark.parametrize("no", ["No.", "Nope.", "Not really.", "No, it didn't."])
@pytest.mark.parametrize("agreeing", ["Me neither.", "Same.", "No, exactly."])
def test_a_bare_no_to_a_members_negative_statement_borrows_nothing_nor_does_the_chain(
    no: str, agreeing: str
) -> None:
    """A bare no agrees with ``There was never any budget...`` but contradicts ``There isn't any
    support.`` (``No, there is.``) or a turn a negative word only seems to make negative (``...no
    trouble at all``): no word list tells them apart, so a bare no borrows nothing, whatever it
    answers, and the agreements after it agree with the no (s62 hunt h_agree: contradicting
    members were charted on the side they denied). Missing an agreement costs less."""
    t = parse_text(f"{ASKED}{NEVER}\nBen: {no}\nDaniel: {agreeing}\n", "fg")
    assert agreed_turns(t) == [None, None, None, None]
    assert questions_before(t)[2:] == ["Was the audit feedback useful?"] * 2


def test_a_yes_then_an_agreement_both_agree_with_the_first_members_turn() -> None:
    t = parse_text(f"{ASKED}{NEVER}\nBen: Yes.\nDaniel: Me neither.\nAoife: Same.\n", "fg")
    assert agreed_turns(t) == [None, None, 1, 1, 1]


@pytest.mark.parametrize(
    ("words", "answered", "agrees"),
    [
        ("No.", "The dashboard was really useful.", False),  # it contradicts
        ("No.", "The dashboard was really useful. Nobody looked at it, though.", False),
        ("No.", "Nobody looked at it. The dashboard was really useful, though.", False),
        ("Not really.", "We never had the time.", False),
        ("No, they didn't.", "They didn't give us the time.", False),
        ("Exactly, we didn't.", "We had proper training.", False),
        ("Exactly, we didn't.", "We weren't given proper training.", False),
        ("No, exactly.", "The dashboard was really useful.", True),
        ("No, I agree.", "The dashboard was really useful.", True),
        ("Yeah, no, I agree.", "The dashboard was really useful.", True),
        ("No, no.", "The dashboard was really useful.", False),
        ("No, not at all.", "The dashboard was really useful.", False),
        ("No, absolutely not.", "The dashboard was really useful.", False),
        # s62 hunt h_agree: a no with the words of a yes, or of a no, contradicts
        ("No, we did.", "We never had a budget for it.", False),
        ("No, we did, actually, we had a small one.", "We never had a budget for it.", False),
        ("No, there is.", "There isn't any support at all.", False),
        ("No, it wasn't.", "We never had a budget for it.", False),
        ("No, exactly, it wasn't.", "The dashboard was really useful.", False),
        ("No, I know, it wasn't.", "The dashboard was really useful.", False),
        ("No, it was.", "The dashboard was really useful.", False),
        ("No, that's right, it was.", "The dashboard was really useful.", False),
        ("No, absolutely not.", "We never had a budget for it.", False),
        ("No, definitely not.", "The dashboard was really useful.", False),
        ("No, I don't agree.", "The dashboard was really useful.", False),
        ("No, same for us, we never used it.", "The dashboard was really useful.", False),
        ("No, same for us.", "The dashboard was really useful.", True),
        ("No, you're right.", "The dashboard was really useful.", True),
        ("No, I hear you.", "The dashboard was really useful.", True),
        ("No, fair enough.", "The dashboard was really useful.", True),
        ("No, you're dead right.", "The dashboard was really useful.", True),
    ],
)
def test_a_no_agrees_only_with_agreeing_words_alone(
    words: str, answered: str, agrees: bool
) -> None:
    assert agrees_with(words, answered) is agrees


#: the contradicting replies of the s62 hunt h_agree (cases 1-6), after the facilitator's
#: question: each was read as agreeing with the turn it contradicts and took its code
CONTRADICTING = [
    # 1: a no with the echo of a yes, to a negative statement
    "Anna: We never had any budget for the extra hours, not a penny.\nBen: No, we did.\n"
    "Carl: Same here.",
    "Anna: There isn't any support from the trust at all.\nBen: No, there is.",
    # 2: a no with an agreeing word and the echo of a no, to a positive statement
    "Anna: The dashboard was really useful, we could see our falls rate going down every month."
    "\nBen: No, exactly, it wasn't.\nCarl: Same here.",
    "Dee: The champions were brilliant, they ran a session in every team meeting.\n"
    "Ben: No, I know, it wasn't.",
    # 3: a bare no to a positive turn a negative word only seems to make negative
    "Anna: We got the money for the training with no trouble at all, the board signed it off "
    "in a week.\nBen: No.",
    "Carl: I can't fault the manager, she backed the whole thing and gave us protected time.\n"
    "Dee: No.",
    'Anna: The director said "don\'t worry about the cost" and paid for the whole course '
    "herself.\nBen: No.",
    "Carl: The pharmacists were brilliant with the reviews, weren't they?\nDee: No.",
    "Anna: Not only did we get the dashboard, we got an analyst to run it every month.\nBen: No.",
    # 4: a bare no to a member's negative question
    "Carl: We all went on the two-day course. Wasn't the training useful?\nDee: No.",
    "Anna: Well the audit tool is so slow. Isn't that the problem, though?\nBen: No.",
    # 5: a bare no to the last sentence of a mixed turn
    "Dee: The manager backed it fully from day one. But nobody above her ever did.\nElla: No.\n"
    "Anna: Same here.",
    # 6: a chain built on a contradiction coded as words of its own
    "Carl: The new forms were great, much quicker than the old ones.\n"
    "Dee: No, absolutely not.\nElla: No, not at all.\nAnna: Nope, same.",
]


@pytest.mark.parametrize("talk", CONTRADICTING)
def test_a_no_that_contradicts_a_members_turn_borrows_nothing(talk: str) -> None:
    """s62 hunt h_agree, HIGH: ``No, we did.`` after ``We never had any budget...`` took its
    Cost barrier, and ``No, exactly, it wasn't.`` after ``The dashboard was really useful...``
    its enabler, for members who said the opposite (Table 2 counted them on the wrong side). No
    reply of them agrees with a turn; each is read with the facilitator's question."""
    members = ["Anna", "Ben", "Carl", "Dee", "Ella"]  # a member's question is no facilitator's
    labels = with_default_labels(None, members)
    t = parse_text(f"Facilitator: How did it go?\n{talk}\n", "fg", interviewer_labels=labels)
    assert [t.turns[i].role for i in range(len(t.turns))] == ["interviewer"] + ["participant"] * (
        len(t.turns) - 1
    )
    assert agreed_turns(t) == [None] * len(t.turns)
    assert set(questions_before(t)[1:]) == {"How did it go?"}


#: words read -> (code, probability, conformal p-value, procedural, small talk) of a stand-in
#: model, for :data:`STAND_IN_CHAIN`
STAND_IN_CHAIN = {
    "There was never any budget for the extra hours.": ("IC.H", 0.70, 0.5, False, False),
    "No.": ("IC.H", 0.04, 0.001, False, False),
    "Me neither.": ("CI.C", 0.58, 0.3, False, False),
    "No, exactly.": ("OS.D", 0.61, 0.3, False, False),
    "Our manager was brilliant.": ("IS.E.1", 0.70, 0.5, False, False),
    "The forms take an hour to fill in.": ("IC.G", 0.80, 0.5, False, False),
    "Same here.": ("CI.A", 0.30, 0.3, False, False),
    "Right, shall we get a coffee?": ("OS.A", 0.02, 0.5, True, False),
    "Same for us.": ("CI.A", 0.30, 0.3, False, False),
    "The football was great on Saturday.": ("OS.B", 0.05, 0.001, False, True),
    "Me too.": ("CI.B", 0.40, 0.3, False, False),
}

CHAIN_GROUP = """Facilitator: And the money side?
Aoife: There was never any budget for the extra hours.
Ben: No, exactly.
Daniel: Me neither.
Priya: No.
Marcus: Same here.
Facilitator: And the managers?
Siobhan: Our manager was brilliant. The forms take an hour to fill in.
Marcus: Same here.
Facilitator: Anything else?
Ben: Right, shall we get a coffee?
Priya: Same for us.
Facilitator: And the weekend?
Aoife: The football was great on Saturday.
Daniel: Me too.
"""


def coded_chain(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """:data:`CHAIN_GROUP` coded by sentence with :data:`STAND_IN_CHAIN`: each segment's words,
    top code, valence, probability, and procedural, novel and off-topic flags."""
    import numpy as np

    from roqa_nlp.autocoder import AutoCoder

    def suggest_rows(X: object, top_k: object, texts: list[str], *_: object) -> tuple:
        got = [STAND_IN_CHAIN[t] for t in texts]
        valence = {"IC.H": "barrier", "IS.E.1": "enabler", "IC.G": "barrier"}
        rows = [
            [Suggestion(c, c, c.split(".")[0], p, valence.get(c, "neutral"))] for c, p, *_ in got
        ]
        return (
            rows,
            np.array([g[2] for g in got]),
            np.zeros(len(got)),
            np.array([g[3] for g in got]),
            np.array([g[4] for g in got]),
        )

    coder = AutoCoder.load()
    monkeypatch.setattr(coder, "segments_of", lambda t: segment(t, "sentence"))
    monkeypatch.setattr(coder, "_inputs", lambda texts, *_, **__: np.zeros((len(texts), 1)))
    monkeypatch.setattr(coder, "_question_embeddings", lambda contexts: None)
    monkeypatch.setattr(coder, "_suggest_rows", suggest_rows)
    return [
        (s.segment.text,)
        + ((s.top.code_id, s.top.valence, s.top.probability) if s.top else (None, None, None))
        + (s.procedural, s.novel, s.off_topic)
        for s in coder.code(parse_text(CHAIN_GROUP, "fg")).segments
    ]


def test_a_chain_through_an_agreeing_no_takes_the_first_turns_code_a_bare_no_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``No, exactly.`` and ``Me neither.`` after Aoife's budget barrier take its code and
    valence (``Me neither.`` was CI.C at 0.58 of its own). ``No.`` after them borrows nothing,
    nor does ``Same here.`` agreeing with it: a bare no may contradict (s62 hunt h_agree), so
    each is coded on its own words."""
    assert coded_chain(monkeypatch)[:5] == [
        ("There was never any budget for the extra hours.", "IC.H", "barrier", 0.70)
        + (False, False, False),
        ("No, exactly.", "IC.H", "barrier", 0.70, False, False, False),
        ("Me neither.", "IC.H", "barrier", 0.70, False, False, False),
        ("No.", "IC.H", "barrier", 0.04, False, True, False),
        ("Same here.", "CI.A", "neutral", 0.30, False, False, False),
    ]


def test_an_agreement_borrows_the_last_coded_segment_of_a_turn_or_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After a turn of two coded segments, the last one's code and valence (not the first's);
    after a turn with none coded (a procedural aside, small talk), nothing: the reply is set
    aside as that talk is, whatever its own words read as (``Same for us.`` after ``Right,
    shall we get a coffee?`` was charted CI.A of its own)."""
    assert coded_chain(monkeypatch)[5:] == [
        ("Our manager was brilliant.", "IS.E.1", "enabler", 0.70, False, False, False),
        ("The forms take an hour to fill in.", "IC.G", "barrier", 0.80, False, False, False),
        ("Same here.", "IC.G", "barrier", 0.80, False, False, False),
        ("Right, shall we get a coffee?", "OS.A", "neutral", 0.02, True, False, False),
        ("Same for us.", "CI.A", "neutral", 0.30, True, False, False),
        ("The football was great on Saturday.", "OS.B", "neutral", 0.05, False, True, True),
        ("Me too.", "CI.B", "neutral", 0.40, False, False, True),
    ]


def _after_several_members(reply: str, then: str = "") -> Transcript:
    return parse_text(
        "Facilitator: What gets in the way?\n"
        "Anna Price: Honestly the caseloads, we never have time to sit with people.\n"
        "Ben Cole: For us it's the IT, the new system keeps crashing.\n"
        f"Cara Dunn: {reply}\n" + (f"Dev Shah: {then}\n" if then else ""),
        "fg09",
    )


@pytest.mark.parametrize(
    "reply", ["I agree with Anna.", "Same as Anna.", "I agree with Anna Price."]
)
def test_an_agreement_naming_another_member_borrows_nothing(reply: str) -> None:
    """'I agree with Anna.' after Anna and Ben: it does not agree with Ben's turn, so it takes
    no one's code, and its context is the question (s63 focusfix, 3: it took Ben's, the last
    speaker's). So does the agreement after it, as after a bare no."""
    t = _after_several_members(reply, "Same here.")
    assert agreed_turns(t) == [None, None, None, None, None]
    assert questions_before(t)[3:] == ["What gets in the way?"] * 2


@pytest.mark.parametrize("reply", ["I agree with her.", "Same as him.", "Yeah, I agree with her."])
def test_a_pronoun_agrees_with_the_member_right_before(reply: str) -> None:
    """'I agree with her.' agrees with the member right before, as 'I agree.' does: a rule that
    took nothing after two or more members was dropped (s63: hunts found a bare yes or another
    member's 'Same here.' made 'her' unclear to it, after one member's point)."""
    assert agreed_turns(_after_several_members(reply)) == [None, None, None, 2]


@pytest.mark.parametrize("reply", ["I agree with Ben.", "Same as Ben.", "I agree with Ben Cole."])
def test_an_agreement_naming_the_member_right_before_agrees_with_them(reply: str) -> None:
    t = _after_several_members(reply, "Same here.")
    assert agreed_turns(t) == [None, None, None, 2, 2]
    assert questions_before(t)[3] == "For us it's the IT, the new system keeps crashing."


@pytest.mark.parametrize("reply", ["I agree.", "I agree with you.", "Same here.", "Agreed."])
def test_a_plain_agreement_after_several_members_still_agrees_with_the_last(reply: str) -> None:
    assert agreed_turns(_after_several_members(reply)) == [None, None, None, 2]


ONE_MEMBER_ANSWERS = (
    "Facilitator: What gets in the way?\n"
    "Anna Price: Honestly the caseloads, we never have time to sit with people.\n"
)


@pytest.mark.parametrize(
    ("between", "reply"),
    [
        ("", "I agree with her."),
        ("", "Same as him."),
        ("", "Yeah, I agree with her."),
        ("Facilitator: Mm.\n", "I agree with her."),
        ("Ben Cole: Mm.\n", "I agree with her."),
        # another member's agreement makes no point of its own: 'her' is still Anna (a hunt)
        ("Ben Cole: Same here.\n", "I agree with her."),
        ("Ben Cole: Me too.\n", "I agree with her."),
        ("Ben Cole: Agreed.\n", "Same as her."),
    ],
)
def test_her_or_him_after_one_member_agrees_with_that_member(between: str, reply: str) -> None:
    """'I agree with her.' where one member alone has answered the question (perhaps with a
    'Mm.' between): 'her' can be no one else, so it agrees with that member's turn, as before
    s63 focusfix 3 (s63 focusfix2, R2: it borrowed nothing)."""
    t = parse_text(ONE_MEMBER_ANSWERS + between + f"Cara Dunn: {reply}\n", "fg10")
    assert agreed_turns(t)[-1] == 1
    assert questions_before(t)[-1] == (
        "Honestly the caseloads, we never have time to sit with people."
    )


def test_her_after_one_member_of_this_question_agrees_though_others_spoke_before() -> None:
    """Members who answered an earlier question do not make 'her' unclear: only those who
    have spoken since the question count (s63 focusfix2, R2)."""
    t = parse_text(
        "Facilitator: What helps?\n"
        "Ben Cole: The peer workers.\n"
        "Dev Shah: The new manager.\n"
        "Facilitator: And what gets in the way?\n"
        "Anna Price: Honestly the caseloads, we never have time to sit with people.\n"
        "Cara Dunn: I agree with her.\n",
        "fg11",
    )
    assert agreed_turns(t) == [None, None, None, None, None, 4]


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        (
            "Facilitator: What gets in the way?\n"
            "Ben Cole: The IT system keeps crashing.\n"
            "Dev Shah: Yes, the IT.\n"
            "Cara Dunn: I agree with them.\n",
            [None, None, None, 2],
        ),
        (
            "Facilitator: What gets in the way?\n"
            "Anna Price: Honestly the caseloads, we never have time to sit with people.\n"
            "Ben Cole: For us it's the IT.\n"
            "Cara Dunn: Same for us.\n"
            "Dev Shah: Same for them too.\n",
            [None, None, None, 2, 2],
        ),
    ],
)
def test_them_agrees_with_the_member_right_before(text: str, agreed: list[int | None]) -> None:
    """'them' names the members before, often of one point, not one person it cannot be told
    from another, so 'I agree with them.' agrees with the member right before as 'I agree.'
    does (s63 focusfix2, R3: it borrowed nothing)."""
    assert agreed_turns(parse_text(text, "fg12")) == agreed
    t = _after_several_members("I agree with them.", "Same here.")
    assert agreed_turns(t) == [None, None, None, 2, 2]
