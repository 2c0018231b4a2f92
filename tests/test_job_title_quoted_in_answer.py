"""A job's title said once inside one speaker's answer, their talk going on after it with no
interviewer's turn between, is a title quoted in the answer, not a second speaker, whatever the
case of the words after its colon. Session 74 hunt (G1): ``Registered manager: The manager
demonstrates a clear vision for recovery-focused care.``, read off a CQC report between two of
the participant's sentences, was read as a speaker "Registered manager" who took the
participant's next sentence too (a lower-case ``that's my title`` already stayed). A title said
once that answers a question, or is followed by an interviewer's turn (a focus group's ``Team
leader:`` answering the facilitator, session 73 hunt probe t1-t8; session 74 hunt j03), is a
speaker still."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from test_job_title_said_once import WRITERS

QUOTES = [
    "The manager demonstrates a clear vision for recovery-focused care.",
    "the manager demonstrates a clear vision for recovery-focused care.",
    "Good. The service is well led.",
]


def turns_of(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def read_quietly(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _quoted(title: str, quote: str, again: str = "") -> list[str]:
    return [
        "Interviewer: What did the CQC say?",
        "Participant: They were fairly positive. The report had a section on leadership.",
        f"{title}: {quote}",
        f"{again}That's the bit I was proud of.",
        "Interviewer: And the barriers?",
        "Participant: Money and staffing, as ever.",
    ]


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("title", ["Registered manager", "Registered Manager", "Team leader"])
@pytest.mark.parametrize("quote", QUOTES)
def test_a_title_quoted_inside_an_answer_is_the_answer(
    tmp_path: Path, kind: str, title: str, quote: str
) -> None:
    lines = _quoted(title, quote)
    path = tmp_path / f"rm05.{kind}"
    WRITERS[kind](path, lines)
    t = read_quietly(path)
    assert [s for s, _ in turns_of(t)] == ["Interviewer", "Participant"] * 2
    answer = turns_of(t)[1][1]
    assert answer.startswith("They were fairly positive.")
    assert f"{title}: {quote}" in answer
    assert answer.endswith("That's the bit I was proud of.")


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("title", ["Registered manager", "Registered Manager"])
def test_a_title_between_two_labelled_lines_of_one_speaker_is_a_speaker(
    tmp_path: Path, kind: str, title: str
) -> None:
    """The speaker's label again right after the title: someone joined in and the speaker
    answered them (session 75 hunt R1: ``Deputy manager: Twenty-two, including the bank staff.``
    between two ``Participant:`` lines), as Zoom's captions of the same talk read it. Folded
    into the answer, another person's words were quoted as the participant's and the check line
    advised deleting the repeated label."""
    lines = _quoted(title, QUOTES[0], again="Participant: ")
    path = tmp_path / f"rm05.{kind}"
    WRITERS[kind](path, lines)
    t = read_quietly(path)
    assert [s for s, _ in turns_of(t)][:4] == ["Interviewer", "Participant", title, "Participant"]
    assert turns_of(t)[2][1] == QUOTES[0]


JOINED_IN = [
    [
        "Interviewer: How many staff do you have?",
        "Participant: About twenty, I think. Let me check with my deputy, she's here.",
        "Deputy manager: Twenty-two, including the bank staff.",
        "Participant: Twenty-two, there you go. So it's a decent team.",
        "Interviewer: And what helps recovery practice?",
        "Participant: Supervision, mostly.",
    ],
    [
        "Facilitator: What helps recovery-focused work here?",
        "Participant 1: Training, mostly. The recovery college courses.",
        "Support worker: And the tenants themselves, honestly, they push us.",
        "Participant 1: Yes, that's true, the tenants' forum is strong.",
        "Facilitator: And barriers?",
        "Participant 2: Paperwork.",
    ],
]


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("lines", JOINED_IN, ids=["deputy", "focus_group"])
def test_a_title_joining_in_before_the_speaker_answers_them_is_a_speaker(
    tmp_path: Path, kind: str, lines: list[str]
) -> None:
    """Session 75 hunt R1 (own3/f3_deputy_joins_call.txt, f1_chip_then_same.txt): the title's
    words are its own turn, never the speaker's quote, and nothing advises deleting a label."""
    path = tmp_path / f"joined.{kind}"
    WRITERS[kind](path, lines)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    title, words = lines[2].split(": ", 1)
    assert (title, words) in turns_of(t)
    assert not any(title in text for s, text in turns_of(t) if s != title)
    assert not any("delete the repeated label" in str(w.message) for w in caught)


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("title", ["Team leader", "Deputy Manager"])
def test_a_title_answering_a_question_or_before_an_interviewer_turn_is_a_speaker(
    tmp_path: Path, kind: str, title: str
) -> None:
    """The focus groups of the s73 probe (``Facilitator:`` asks, ``Team leader:`` answers, said
    once) and j03 of the s74 hunt (a title adding to the participant's answer, then the
    interviewer's question) keep the title as a speaker; so does a title answering a named
    speaker's question, its answer running on to a second line."""
    cases = [
        [
            "Facilitator: What got in the way?",
            f"{title}: Funding, mostly. We lost two posts last year.",
            "",
            "Facilitator: What got in the way?",
            "Sarah: Funding, mostly. We lost two posts last year.",
        ],
        [
            "Interviewer: Thanks for joining, both of you. How did the new plan start?",
            "Participant: It came from a CQC inspection, they said our plans weren't enough.",
            f"{title}: And I'd add that the staff wanted it too.",
            "Interviewer: What made it hard?",
            "Participant: Time. There's no protected time for training.",
        ],
        [
            "Helen: What got in the way?",
            "Sarah: Funding, mostly.",
            "Helen: Anyone else?",
            f"{title}: The rota. Nobody has protected time.",
            "It all happens on days off.",
            "Helen: Thank you.",
            "Sarah: Yes, the rota too.",
        ],
    ]
    for n, lines in enumerate(cases):
        path = tmp_path / f"fg{n}.{kind}"
        WRITERS[kind](path, [line for line in lines if line or kind == "txt"])
        t = read_quietly(path)
        assert title in [s for s, _ in turns_of(t)], (n, turns_of(t))


@pytest.mark.parametrize("kind", ["txt", "docx"])
@pytest.mark.parametrize("title", ["Deputy manager", "Staff nurse", "Team leader"])
def test_a_title_alone_on_its_line_is_a_speaker(tmp_path: Path, kind: str, title: str) -> None:
    """Session 76 hunt H1 (r1/own_line.txt, own_line_nurse.txt): where each label stands alone
    on its line above the speaker's paragraph, a title said once has no words of its own to
    quote; read as the answer's, the nurse's words and her label were the participant's."""
    lines = [
        "Interviewer:",
        "What got in the way of the new care plans?",
        "",
        "Participant:",
        "Funding, mostly.",
        "",
        f"{title}:",
        "Honestly the paperwork. Nobody had time to fill in the plans properly.",
        "",
        "Interviewer:",
        "And how did the team respond to that?",
    ]
    path = tmp_path / f"own_line.{kind}"
    WRITERS[kind](path, [line for line in lines if line or kind == "txt"])
    t = read_quietly(path)
    assert turns_of(t) == [
        ("Interviewer", "What got in the way of the new care plans?"),
        ("Participant", "Funding, mostly."),
        (title, "Honestly the paperwork. Nobody had time to fill in the plans properly."),
        ("Interviewer", "And how did the team respond to that?"),
    ]


@pytest.mark.parametrize("kind", sorted(WRITERS))
def test_a_title_saying_i_whose_turn_runs_on_is_a_speaker(tmp_path: Path, kind: str) -> None:
    """Session 76 hunt H1 (r1/fg_deputy.txt): ``Deputy manager: I'd add staffing to that.``
    and a second line before the interviewer speaks again. A report or a certificate quoted
    says no "I"; someone joining in does, so the deputy's two lines are the deputy's turn."""
    lines = [
        "Interviewer: What got in the way of the new care plans?",
        "Participant: Funding, mostly. We never had the budget for the training days.",
        "Deputy manager: I'd add staffing to that.",
        "We lost three nurses last year and the agency cover never knew the plans.",
        "Interviewer: And how did the team respond to that?",
        "Participant: They were tired, honestly. People stopped going to the meetings.",
    ]
    path = tmp_path / f"fg_deputy.{kind}"
    WRITERS[kind](path, lines)
    t = read_quietly(path)
    turns = turns_of(t)
    assert [s for s, _ in turns] == [
        "Interviewer",
        "Participant",
        "Deputy manager",
        "Interviewer",
        "Participant",
    ]
    assert turns[1][1] == lines[1].split(": ", 1)[1]
    assert turns[2][1].split() == (lines[2].split(": ", 1)[1] + " " + lines[3]).split()


@pytest.mark.parametrize("interviewer", [[], ["Helen"]])
def test_a_title_after_a_prompt_of_one_who_mostly_asks_is_a_speaker(
    tmp_path: Path, interviewer: list[str]
) -> None:
    """Session 76 hunt H1 (r1/helen.txt): Helen, not named the interviewer, asks in two of her
    three turns; a title after her prompt (``Right, go on, say more about the budget.``) stands
    inside no answer of hers. Folded into her turn, the team leader's words were Helen's and the
    check advised deleting a label that would join two of her turns."""
    lines = [
        "Helen: Thanks for joining. What got in the way of the new care plans?",
        "Marcus: Funding, mostly. We never had the budget for the training days.",
        "Helen: Right, go on, say more about the budget.",
        "Team leader: The budget was cut twice in one year.",
        "We lost the training days and the agency cover never knew the plans.",
        "Helen: And how did the team respond to that?",
        "Marcus: They were tired, honestly. People stopped going to the meetings.",
    ]
    path = tmp_path / "p07.txt"
    _txt(path, lines)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, interviewer_labels=interviewer or None)
    assert turns_of(t)[2:4] == [
        ("Helen", "Right, go on, say more about the budget."),
        ("Team leader", f"{lines[3].split(': ', 1)[1]}\n{lines[4]}"),
    ]
    assert not any("delete the repeated label" in str(w.message) for w in caught)


def _txt(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.mark.parametrize("title", ["Registered manager", "Team leader"])
def test_inspect_names_a_title_read_as_the_answers_words(tmp_path: Path, title: str) -> None:
    """A title still read as words quoted in the answer may yet be someone's turn, which only
    the researcher knows: roqa inspect names its line in a read: line with what to do (session
    76 hunt H1: the folded deputy was said nowhere)."""
    from roqa_nlp.cli.inspect_cmd import reading_notes

    path = tmp_path / "rm05.txt"
    _txt(path, _quoted(title, QUOTES[0]))
    t = read_quietly(path)
    assert [s for s, _ in turns_of(t)] == ["Interviewer", "Participant"] * 2
    assert reading_notes(t) == [
        f"1 line opening like a label read as the speaker's words (line 3: '{title}:'): if "
        "someone called that speaks there, label 2 or more of their turns or rename it"
    ]
