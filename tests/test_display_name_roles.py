"""A co-interviewer whose display name carries a role (``Tom Bates (Facilitator)``) leaves the
lead interviewer to be guessed. Session 51 tester (readers, finding 4): in a Zoom transcript
naming ``Dr Priya Nair | Uni of Leeds``, ``Tom Bates (Facilitator)`` and ``🌈 Jo Ellis-Brown``,
Tom's role made him the interviewer, so no guess was made and Priya's questions (3 of her 4
turns) were coded as the participant's. A role after ``|`` or beside pronouns in the note is
read as one in brackets is, as ``| UoL`` and ``(he/him)`` are read beside a name."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Turn
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import (
    SpeakerWarning,
    _noted_roles,
    guess_interviewer,
    hosts_who_answer,
    is_interviewer,
    role_in_display_name,
)

CALL = Path(__file__).parent / "data" / "short_zoom" / "zoom_facilitator.vtt"
PRIYA, JO, TOM = "Dr Priya Nair | Uni of Leeds", "🌈 Jo Ellis-Brown", "Tom Bates (Facilitator)"


@pytest.mark.parametrize(
    ("label", "interviewer", "by_role"),
    [
        ("Tom Bates (Facilitator)", True, True),
        ("Tom Bates | Facilitator", True, True),
        ("Tom Bates (Facilitator, he/him)", True, True),
        ("Priya Nair | Researcher | UoL", True, True),
        ("Jane Smith (Interviewer; she/her)", True, True),
        ("Jane Smith (Host)", True, False),  # a call's role: the participant may have hosted
        ("Facilitator", True, False),  # a role label, not a person's display name
        ("Interviewer (JM)", True, False),
        ("Sam Roe | UoL", False, False),
        ("Sam Roe (he/him)", False, False),
        ("Dr Priya Nair | Uni of Leeds", False, False),
    ],
)
def test_a_role_in_a_display_name_is_read_beside_pronouns_and_after_a_bar(
    label: str, interviewer: bool, by_role: bool
) -> None:
    assert (is_interviewer(label), role_in_display_name(label)) == (interviewer, by_role)


def test_the_lead_is_guessed_beside_a_co_interviewer_named_by_role() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(CALL)
    assert [(u.speaker, u.role) for u in t.turns] == [
        (PRIYA, "interviewer"),
        (JO, "participant"),
        (PRIYA, "interviewer"),
        (JO, "participant"),
        (TOM, "interviewer"),
        (JO, "participant"),
        (PRIYA, "interviewer"),
        (JO, "participant"),
        (PRIYA, "interviewer"),
        (JO, "participant"),
    ]
    assert t.metadata["interviewer_guessed"] == PRIYA
    assert [str(w.message) for w in caught if issubclass(w.category, SpeakerWarning)] == [
        f"{CALL}: only 'Tom Bates (Facilitator)' is named as an interviewer, by the role in their "
        "display name, so 'Dr Priya Nair | Uni of Leeds', who asks the questions (3 of 4 turns), "
        "was taken as the interviewer (name the interviewer with interviewer_labels=['NAME'] to "
        "choose otherwise)"
    ]


def test_no_lead_is_guessed_beside_an_interviewer_the_researcher_named() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(CALL, interviewer_labels=["Tom Bates"])
    assert {u.speaker: u.role for u in t.turns} == {
        PRIYA: "participant",
        JO: "participant",
        TOM: "interviewer",
    }


def _conversation(*turns: tuple[str, str, str]) -> tuple[str, list[Turn]]:
    text, out = "", []
    for speaker, role, words in turns:
        out.append(Turn(speaker, role, len(text), len(text) + len(words)))  # type: ignore[arg-type]
        text += words + "\n"
    return text, out


LEAD = [
    ("Priya Nair", "participant", "Thanks for joining. How would you describe recovery here?"),
    ("Jo Bell", "participant", "Halfway there, honestly. The peer support post took two years."),
    (TOM, "interviewer", "Can I come in there: what does the peer support worker do?"),
    ("Jo Bell", "participant", "Groups, mostly, and one-to-ones, and she challenges us a lot."),
    ("Priya Nair", "participant", "And how did the team take to that at first?"),
    ("Jo Bell", "participant", "Badly. Two of the seniors went to HR, but I backed her."),
    ("Priya Nair", "participant", "Is there anything else you'd like to add?"),
    ("Jo Bell", "participant", "Just that the funding for her post ends in March, sadly."),
]


def test_the_lead_guessed_beside_a_co_interviewer_must_ask_more_than_they_do() -> None:
    assert guess_interviewer(*_conversation(*LEAD)) == "Priya Nair"
    # Tom asks as often as Priya: he may be the lead, so no one is guessed
    more = [
        *LEAD[:2],
        (TOM, "interviewer", "Which trust is that?"),
        ("Jo Bell", "participant", "The city one, the bigger of the two trusts."),
        *LEAD[2:6],
        (TOM, "interviewer", "And the managers?"),
        ("Jo Bell", "participant", "The managers backed me in the end, to be fair."),
        *LEAD[6:],
    ]
    assert guess_interviewer(*_conversation(*more)) is None
    # beside a call's role (the participant may have hosted), no lead is guessed
    hosted = [(s.replace(TOM, "Tom Bates (Host)"), r, w) for s, r, w in LEAD]
    assert guess_interviewer(*_conversation(*hosted)) is None


@pytest.mark.parametrize(
    ("label", "call", "research"),
    [
        ("Jane Smith (Host)", ["Host"], []),
        ("Sam Roe | Host | UoL", ["Host"], []),
        ("Tom Bates (Facilitator, he/him)", [], ["Facilitator"]),
        ("Jane Smith (Host; Interviewer)", ["Host"], ["Interviewer"]),
        ("Sam Roe (he/him) | UoL", [], []),
        ("Host", [], []),  # a role label, not a person's display name
        ("Interviewer (Host)", [], []),
        ("Interviewer (Jo Bell | Host | UoL)", [], []),
    ],
)
def test_a_display_names_notes_are_split_into_call_and_research_roles(
    label: str, call: list[str], research: list[str]
) -> None:
    assert _noted_roles(label) == (call, research)


def _answered(host: str) -> tuple[str, list[Turn]]:
    """``host`` (an interviewer by label) answers the six questions another speaker asks."""
    asked = [
        ("How did it start?", "Slowly, with one ward and a lot of goodwill from the nurses."),
        ("What helped most?", "The training days, without a doubt, and the champions."),
        ("What got in the way?", "Staffing. We were two carers short for most of the year."),
        ("How did you cope?", "Agency staff, at a cost we could not keep up for long."),
        ("Who backed you?", "The manager did, in the end, after the first audit came."),
        ("What would you change?", "Start with the night staff; they were left out at first."),
    ]
    turns = [t for q, a in asked for t in (("Sam Roe", "participant", q), (host, "interviewer", a))]
    return _conversation(*turns)


def test_a_host_who_answers_is_one_by_the_call_role_after_a_name_not_after_a_role_label() -> None:
    """``Interviewer (Jo Bell | Host | UoL)`` is labelled the interviewer, as ``Interviewer
    (Host)`` is: a ``|`` inside the note made its ``Host`` read as the only role it has."""
    assert hosts_who_answer(*_answered("Jo Bell (Host)")) == (["Jo Bell (Host)"], "Sam Roe")
    assert hosts_who_answer(*_answered("Jo Bell | Host | UoL")) == (
        ["Jo Bell | Host | UoL"],
        "Sam Roe",
    )
    assert hosts_who_answer(*_answered("Interviewer (Host)")) is None
    assert hosts_who_answer(*_answered("Interviewer (Jo Bell | Host | UoL)")) is None
