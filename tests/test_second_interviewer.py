"""A second person asking the questions (a lead interviewer and a colleague who follows up, a
focus group's note-taker who asks too) whom the researcher did not name as an interviewer:
their questions would be coded as participant talk. Session 42 tester: with ``--interviewer``
naming the lead only, ``roqa inspect`` advised labelling the second interviewer as a second
participant ("the participant speaks under 2 labels ('P07', 'RB') ... 'P07a: ...'"), and said
nothing of a Zoom focus group's second moderator."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript, read_transcripts
from roqa_nlp.transcripts.interviewer_guesses import speaker_warnings
from roqa_nlp.transcripts.roles import (
    participant_labels_warning,
    participants_who_ask,
    speaker_warning,
)
from test_cli_core import roqa

#: A lead (AK) and a second interviewer (TM) of participant P12: TM asks in 3 of 3 turns, each
#: answered by P12.
_TWO_ASKERS = (
    "AK: Thanks for meeting us. TM will ask a few follow-ups. Is it fine to record?\n\n"
    "P12: Sure, go ahead.\n\n"
    "AK: How did the new rota come about?\n\n"
    "P12: The night staff kept leaving, so the deputy redesigned it with them in March.\n\n"
    "TM: Who signed it off in the end?\n\n"
    "P12: The area manager did, after a trial month on one unit.\n\n"
    "AK: What has been hardest about it?\n\n"
    "P12: Covering sickness, there is no slack left at weekends at all.\n\n"
    "TM: And did the trial month change anything?\n\n"
    "P12: It moved handover earlier, which the day staff liked.\n\n"
    "TM: Would you keep it as it is?\n\n"
    "P12: Mostly, yes, with one more bank worker on Sundays.\n\n"
    "AK: Thank you, that's all.\n"
)


def _read(path: Path, *labels: str) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, interviewer_labels=list(labels) or None)


def test_a_second_interviewer_left_a_participant_is_warned_of_not_taken_for_a_rename(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p12_two.txt"
    f.write_text(_TWO_ASKERS, "utf-8")
    t = _read(f, "AK")
    assert [(u.speaker, u.role) for u in t.turns][:5] == [
        ("AK", "interviewer"),
        ("P12", "participant"),
        ("AK", "interviewer"),
        ("P12", "participant"),
        ("TM", "participant"),  # still read as one: the researcher decides
    ]
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: 'TM', read as a participant, asks a question that another participant answers "
        "in 3 of their 3 turns, as an interviewer does, so their questions are coded as "
        "participant talk (if they interview too, add --interviewer TM)"
    )
    # not "the participant speaks under 2 labels ('P12', 'TM') ... 'P12a: ...'"
    assert participant_labels_warning(t) is None
    # both named: nothing to check
    both = _read(f, "AK", "TM")
    assert speaker_warning(both, interface="inspect") is None
    assert participant_labels_warning(both) is None


def test_two_askers_none_named_are_both_named_in_the_fix(tmp_path: Path) -> None:
    f = tmp_path / "p12_two.txt"
    f.write_text(_TWO_ASKERS, "utf-8")
    t = _read(f)
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: no interviewer among the speakers 'AK', 'P12', 'TM', so everyone's talk is "
        "coded: 'AK' and 'TM' each ask questions another speaker answers, as interviewers do "
        "(name each interviewer: --interviewer AK --interviewer TM)"
    )
    # not "3 participants speak ('AK', 'P12', 'TM'), each counted and cited by their label"
    assert participant_labels_warning(t) is None


#: A Zoom focus group: Lucy leads, Omar takes notes and asks twice; both of his questions are
#: answered by a participant.
_FOCUS_GROUP = [
    ("Ruth Lane", "Welcome all. What does a good shift look like for you?"),
    ("Ann Cole", "One where the residents get out of the house and do something."),
    ("Bob Diaz", "For me it is when handover is on time and nobody is rushed."),
    ("Kai Osei", "Can I just check, Bob, is handover late most days?"),
    ("Bob Diaz", "Most days since we lost the second late worker."),
    ("Ruth Lane", "And what about the care plans?"),
    ("Cara Wu", "The template is far too long, it takes a whole afternoon."),
    ("Kai Osei", "Cara, you said an afternoon, is that for every resident?"),
    ("Cara Wu", "For every new one, yes, and again at each review."),
    ("Ruth Lane", "Thank you all, we will stop there."),
]


def _vtt(turns: list[tuple[str, str]]) -> str:
    cues = [
        f"{i}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: {said}\n"
        for i, (who, said) in enumerate(turns, 1)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


def test_a_focus_groups_second_moderator_is_named_to_check(tmp_path: Path) -> None:
    f = tmp_path / "fg03.vtt"
    f.write_text(_vtt(_FOCUS_GROUP), "utf-8")
    t = _read(f, "Ruth Lane")
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: 'Kai Osei', read as a participant, asks a question that another participant "
        "answers in 2 of their 2 turns, as an interviewer does, so their questions are coded "
        'as participant talk (if they interview too, add --interviewer "Kai Osei")'
    )


def test_a_participant_who_asks_the_interviewer_back_is_not_named(tmp_path: Path) -> None:
    """A joint interview's member whose questions the interviewer answers asks as a
    participant does: no warning, and the two members are named to check as before."""
    f = tmp_path / "p30_joint.txt"
    f.write_text(
        "Interviewer: What helps the team?\n\nP30a: Supervision, every month.\n\n"
        "P30b: Is this going to the managers?\n\nInterviewer: No, only the research team.\n\n"
        "P30b: And will my name be on it?\n\nInterviewer: No, you get a number instead.\n\n"
        "P30b: Then the rota is the real problem, nobody plans ahead.\n",
        "utf-8",
    )
    t = _read(f)
    assert speaker_warning(t, interface="inspect") is None
    assert participant_labels_warning(t) == (
        f"{f}: 2 participants speak ('P30a', 'P30b'), each counted and cited by their label in "
        "the case P30: if they are one person under two labels (renamed in the call), label "
        "all their turns alike"
    )


def test_inspect_and_code_name_the_second_interviewer_once(tmp_path: Path) -> None:
    f = tmp_path / "p12_two.txt"
    f.write_text(_TWO_ASKERS, "utf-8")
    run = roqa("inspect", f, "--interviewer", "AK")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert said.count("check:") == 1
    assert (
        f"check: {f}: 'TM', read as a participant, asks a question that another participant "
        "answers in 3 of their 3 turns"
    ) in said
    assert "speaks under" not in said


#: A focus group (regression hunt R4): Ben, a participant, asks the others in 3 of his 4 turns.
_BEN_ASKS = (
    "Facilitator: Welcome everyone. Let's start: what helped you put the new care plans in place?\n"
    "Amira: Honestly the funding from the council made a big difference to us.\n"
    "Ben: Did you get the transformation money too, Amira? We never saw a penny of it.\n"
    "Amira: We did, but only for one year.\n"
    "Ben: And did your staff actually use the new templates, Chloe?\n"
    "Chloe: Some did. Most went back to the old paper forms within a month.\n"
    "Ben: Isn't that the same everywhere though?\n"
    "Dev: It is for us. Staff turnover is the real barrier, we lose people every month.\n"
    "Facilitator: What about leadership support?\n"
    "Chloe: Our director was fully behind it, which helped a lot.\n"
    "Ben: Was yours, Dev?\n"
    "Dev: Not really. She was off sick for most of the year.\n"
    "Facilitator: Thank you all, that's really helpful.\n"
)


def test_a_speaker_named_a_participant_is_never_named_to_check_as_an_interviewer(
    tmp_path: Path,
) -> None:
    """Before, ``--participant Ben`` still gave "add --interviewer Ben"; and leaving the asker
    out of the labels counted made a focus group of four labels a "3 participants speak" check
    that the code before the second-interviewer check did not give."""
    f = tmp_path / "fg03.txt"
    f.write_text(_BEN_ASKS, "utf-8")
    t = _read(f)
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: 'Ben', read as a participant, asks a question that another participant answers "
        "in 3 of their 4 turns, as an interviewer does, so their questions are coded as "
        "participant talk (if they interview too, add --interviewer Ben)"
    )
    assert participant_labels_warning(t) is None  # four participant labels: a focus group
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        named = read_transcript(f, participant_labels=["Ben"])
    assert [u.role for u in named.turns] == [u.role for u in t.turns]
    assert speaker_warning(named, interface="inspect") is None
    assert participant_labels_warning(named) is None

    said = " ".join(roqa("inspect", f).out.split())
    assert said.count("check:") == 1
    assert said.endswith("1 transcript(s), 10 participant turn(s) to code; 1 to check (above).")
    run = roqa("inspect", f, "--participant", "Ben")
    assert run.code == 0, run.err
    said = " ".join(run.out.split())
    assert "check:" not in said
    assert said.endswith("1 transcript(s), 10 participant turn(s) to code.")


def test_inspect_counts_each_check_it_shows(tmp_path: Path) -> None:
    """Two checks of one transcript (a second interviewer; a name in the file name) are two
    to check, not one."""
    f = tmp_path / "maria_okafor.txt"
    f.write_text(_TWO_ASKERS.replace("P12", "Maria Okafor"), "utf-8")
    said = " ".join(roqa("inspect", f, "--interviewer", "AK").out.split())
    assert said.count("check:") == 2
    assert said.endswith("1 transcript(s), 9 participant turn(s) to code; 2 to check (above).")


def test_a_group_member_who_asks_is_counted_with_the_others_as_the_table_counts_them() -> None:
    """Tester s49 focus, 8: `roqa inspect fg4_westbrook.txt` named Dawn, the deputy who puts
    questions to the others, as one who asks, then said "2 participants speak ('Kofi', 'Lisa')"
    under a table of 3 participants, Dawn among them: the note left her out of the count."""
    f = Path(__file__).resolve().parent / "data" / "focus_groups" / "fg4_westbrook.txt"
    t = _read(f)
    assert [s for s, _, _ in participants_who_ask(t)] == ["Dawn"]
    assert participant_labels_warning(t) == (
        f"{f}: 3 participants speak ('Dawn', 'Kofi', 'Lisa'), each counted and cited by their "
        "label in the case fg4_westbrook"  # three first names: no rename advice
    )


#: A two-person interview in which each asks in 3 of their 4 turns, each question answered by
#: the other (the participant asks back): which one interviews cannot be told.
_EACH_ASKS = (
    "Sam Roe: Thanks for joining. What is your role?\n\n"
    "Priya Nair: I manage a supported living service. Do you want the whole history?\n\n"
    "Sam Roe: Just the short version. How long have you managed it?\n\n"
    "Priya Nair: Six years now. Is that the kind of thing you need?\n\n"
    "Sam Roe: Yes, that is great. What gets in the way of training?\n\n"
    "Priya Nair: Rotas, mostly, and cover. Does that match what others said?\n\n"
    "Sam Roe: It does, thank you so much for your time today.\n\n"
    "Priya Nair: No problem at all, it was good to talk about it.\n"
)


def test_two_askers_who_are_the_only_speakers_are_each_offered_as_the_one_interviewer(
    tmp_path: Path,
) -> None:
    """Session 52: the fix named both as interviewers (``--interviewer "Sam Roe" --interviewer
    "Priya Nair"``), which leaves no one to code. With no third speaker to answer, one of them
    is the participant: the warning says which one interviews could not be told and gives the
    option for each."""
    f = tmp_path / "rm70.txt"
    f.write_text(_EACH_ASKS, "utf-8")
    t = _read(f)
    assert [t.speaker for t in t.turns][:2] == ["Sam Roe", "Priya Nair"]
    assert {u.role for u in t.turns} == {"participant"}
    shown = (
        f"{f}: no interviewer among the speakers 'Sam Roe', 'Priya Nair', so everyone's talk "
        "{coded}: 'Sam Roe' and 'Priya Nair' each ask questions the other answers, so which "
        "one is the interviewer could not be told (name the interviewer: {fix})"
    )
    assert speaker_warning(t, interface="inspect") == shown.format(
        coded="is coded", fix='--interviewer "Sam Roe" or --interviewer "Priya Nair"'
    )
    assert speaker_warning(t, interface="cli") == shown.format(
        coded="was coded", fix='--interviewer "Sam Roe" or --interviewer "Priya Nair"'
    )
    assert speaker_warning(t, interface="python") == shown.format(
        coded="is coded",
        fix="interviewer_labels=['Sam Roe'] or interviewer_labels=['Priya Nair']",
    )
    assert "\n" not in speaker_warning(t, interface="cli")  # type: ignore[operator]


#: Ruth Lane clearly asks the questions in a second group of the study (3 of her 4 turns), so
#: she is taken as the lead of :data:`_FOCUS_GROUP`, where Kai's questions leave her unclear.
_RUTH_LEADS = [
    ("Ruth Lane", "Welcome. What helps on a shift?"),
    (
        "Dee Fox",
        "A full team, mostly, and a manager who comes onto the floor when things get busy.",
    ),
    ("Ruth Lane", "And what gets in the way?"),
    ("Eli Shaw", "Sickness, and agency staff who do not know the residents."),
    ("Ruth Lane", "How is training planned?"),
    ("Dee Fox", "By the manager, once a year, and it is never enough for anyone."),
    ("Ruth Lane", "Thank you both."),
]


def test_a_second_moderator_beside_a_lead_taken_from_the_study_is_named_to_check(
    tmp_path: Path,
) -> None:
    """Session 59 tester, HIGH 1: with the lead facilitator taken from the study's other
    transcripts, the co-facilitator's 2 questions were coded with no warning, where naming the
    lead (above) warned. The check runs however the lead was found, worded alike."""
    (tmp_path / "fg03.vtt").write_text(_vtt(_FOCUS_GROUP), "utf-8")
    (tmp_path / "fg04.vtt").write_text(_vtt(_RUTH_LEADS), "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fg03, fg04 = read_transcripts(tmp_path)
    assert fg03.metadata["interviewer_from_study"] == ["Ruth Lane"]
    assert fg04.metadata["interviewer_guessed"] == "Ruth Lane"
    taken = (
        f"{tmp_path / 'fg03.vtt'}: no speaker is named as the interviewer, so 'Ruth Lane', who "
        "interviews in the study's other transcripts, was taken as the interviewer here (name "
        "the interviewer with --interviewer NAME to choose otherwise); and 'Kai Osei', read as "
        "a participant, asks a question that another participant answers in 2 of their 2 "
        "turns, as an interviewer does, so their questions {coded} as participant talk (if "
        'they interview too, add --interviewer "Kai Osei")'
    )
    assert speaker_warning(fg03, interface="inspect") == taken.format(coded="are coded")
    # roqa code's lines: fg03's own, not folded into the run's one line of guesses
    assert speaker_warnings([fg03, fg04]) == [
        taken.format(coded="were coded"),
        f"{tmp_path / 'fg04.vtt'}: no speaker is named as the interviewer, so 'Ruth Lane', who "
        "asks the questions (3 of 4 turns), was taken as the interviewer (name the interviewer "
        "with --interviewer NAME to choose otherwise)",
    ]
    said = " ".join(roqa("inspect", tmp_path).out.split())
    assert f"check: {taken.format(coded='are coded')}" in said
    # what is coded is unchanged: Kai is still read as a participant
    assert {u.role for u in fg03.turns if u.speaker == "Kai Osei"} == {"participant"}


def test_a_second_moderator_beside_a_guessed_lead_is_named_to_check(tmp_path: Path) -> None:
    """Ruth asks in all 7 of her turns, so she is guessed as the lead; Kai asks twice, each
    answered by another member, and thanks the group last."""
    said = "and it has been like that all year, so the team is tired and nobody plans ahead"
    group = [
        ("Ruth Lane", "Welcome all. What does a good shift look like?"),
        ("Ann Cole", f"One where the residents get out of the house {said}."),
        ("Ruth Lane", "What gets in the way?"),
        ("Bob Diaz", f"Handover running late {said}."),
        ("Kai Osei", "Can I just check, Bob, is handover late most days?"),
        ("Bob Diaz", f"Most days since we lost the second late worker {said}."),
        ("Ruth Lane", "And what about the care plans?"),
        ("Cara Wu", f"The template is far too long {said}."),
        ("Ruth Lane", "Who writes them?"),
        ("Cara Wu", f"The seniors do, on nights {said}."),
        ("Kai Osei", "Cara, you said nights, is that for every resident?"),
        ("Cara Wu", f"For every new one, yes {said}."),
        ("Ruth Lane", "How is training planned?"),
        ("Ann Cole", f"Once a year by the manager {said}."),
        ("Ruth Lane", "Does supervision help?"),
        ("Bob Diaz", f"When it happens {said}."),
        ("Ruth Lane", "What would you change first?"),
        ("Ann Cole", f"The rota {said}."),
        ("Kai Osei", "Thanks everyone, that was really useful for us both."),
    ]
    f = tmp_path / "fg05.vtt"
    f.write_text(_vtt(group), "utf-8")
    t = _read(f)
    assert t.metadata["interviewer_guessed"] == "Ruth Lane"
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: no speaker is named as the interviewer, so 'Ruth Lane', who asks the questions "
        "(7 of 7 turns), was taken as the interviewer (name the interviewer with --interviewer "
        "NAME to choose otherwise); and 'Kai Osei', read as a participant, asks a question that "
        "another participant answers in 2 of their 3 turns, as an interviewer does, so their "
        'questions are coded as participant talk (if they interview too, add --interviewer "Kai '
        'Osei")'
    )


def test_a_pseudonymised_second_interviewer_is_named_by_the_label_the_option_matches(
    tmp_path: Path,
) -> None:
    """Session 59: in a pseudonymised copy the second moderator speaks as the key's 'P09', and
    the fix said '--interviewer P09', which matches no label of the transcript (the option
    reads the transcript's own labels) and changed nothing. The fix names the label as the
    transcript writes it, by the key's row, never the name itself (said of the copies); and
    roqa pseudonymise, which codes nothing, does not say the questions were coded."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "fg03.vtt").write_text(_vtt(_FOCUS_GROUP), "utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nRuth Lane,Interviewer\nKai Osei,P09\n", "utf-8")
    run = roqa(
        "pseudonymise",
        study,
        "--interviewer",
        "Ruth Lane",
        "--key",
        key,
        "--out",
        tmp_path / "shared",
    )
    assert run.code == 0, run.err
    warned = [line for line in run.err.splitlines() if "P09" in line]
    assert warned == [
        "roqa: warning: fg03.vtt: 'P09', read as a participant, asks a question that another "
        "participant answers in 2 of their 2 turns, as an interviewer does, so their questions "
        "are coded as participant talk (if they interview too, add --interviewer with their "
        "label as the transcript writes it, the name keyed as 'P09' in the pseudonym key)"
    ]
    # the fix it gives works: the label as written names them the interviewer
    run = roqa(
        "pseudonymise",
        study,
        "--interviewer",
        "Ruth Lane",
        "--interviewer",
        "Kai Osei",
        "--key",
        key,
        "--out",
        tmp_path / "shared2",
    )
    assert run.code == 0, run.err
    assert "read as a participant" not in run.err
    copy = (tmp_path / "shared2" / "fg03.txt").read_text("utf-8")
    assert "P09:" not in copy


def test_roqa_code_pseudonymises_then_names_the_asker_by_the_label_the_option_matches(
    tmp_path: Path,
) -> None:
    """``roqa code --pseudonymise`` warns of the pseudonymised transcript after coding it: the
    asker the key renamed is named by the key's row, not by 'P09'."""
    from roqa_nlp.pseudonyms import PseudonymKey

    f = tmp_path / "fg03.vtt"
    f.write_text(_vtt(_FOCUS_GROUP), "utf-8")
    key = PseudonymKey({"Ruth Lane": "Interviewer", "Kai Osei": "P09"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copy = key.apply(_read(f, "Ruth Lane"))
    assert speaker_warning(copy, interface="cli") == (
        "fg03.vtt: 'P09', read as a participant, asks a question that another participant "
        "answers in 2 of their 2 turns, as an interviewer does, so their questions were coded "
        "as participant talk (if they interview too, add --interviewer with their label as the "
        "transcript writes it, the name keyed as 'P09' in the pseudonym key)"
    )
    assert speaker_warning(copy, interface="python") == (
        "fg03.vtt: 'P09', read as a participant, asks a question that another participant "
        "answers in 2 of their 2 turns, as an interviewer does, so their questions are coded "
        "as participant talk (if they interview too, add to interviewer_labels their label as "
        "the transcript writes it, the name keyed as 'P09' in the pseudonym key)"
    )


def test_two_pseudonymised_askers_none_named_are_named_by_the_key_not_the_pseudonyms(
    tmp_path: Path,
) -> None:
    """As a second interviewer is: with no interviewer named, two askers the key renamed are
    named by its rows, never as '--interviewer P08 --interviewer P09', which match nothing."""
    from roqa_nlp.pseudonyms import PseudonymKey

    f = tmp_path / "p12_two.txt"
    f.write_text(_TWO_ASKERS, "utf-8")
    key = PseudonymKey({"AK": "P08", "TM": "P09"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        copy = key.apply(_read(f))
    assert speaker_warning(copy, interface="cli") == (
        "p12_two.txt: no interviewer among the speakers 'P08', 'P12', 'P09', so everyone's talk "
        "was coded: 'P08' and 'P09' each ask questions another speaker answers, as interviewers "
        "do (name each interviewer: --interviewer with each one's label as the transcript "
        "writes it, the name keyed as 'P08' and 'P09' in the pseudonym key)"
    )


#: A focus group led by a facilitator named by person (Sam Roe) with a co-facilitator labelled
#: by role: Sam Roe asks in 4 of 4 turns, the co-facilitator in 2 of 2 (s83 formats13 D4).
_NAMED_LEAD = (
    "Sam Roe: Thanks all for coming. How did the team first react to the new rota?\n\n"
    "Amira Khan: They were wary at first, they had seen lots of initiatives come and go.\n\n"
    "Li Wei: We tried it for six weeks and it did not stick with the older residents.\n\n"
    "{second}: Can I just pick up on that, who decided?\n\n"
    "Li Wei: The deputy did, after the inspection.\n\n"
    "Sam Roe: Who made the decision in the end?\n\n"
    "Amira Khan: The area manager, with the night staff.\n\n"
    "Sam Roe: What gets in the way day to day?\n\n"
    "Li Wei: Sickness cover, mostly, there is no slack at weekends.\n\n"
    "{second}: And did the trial change anything?\n\n"
    "Amira Khan: It moved handover earlier, which the day staff liked.\n\n"
    "Sam Roe: Anything else before we finish?\n\n"
    "Li Wei: Only that it was good to hear everyone else's experience.\n"
)


def test_the_lead_named_by_person_beside_a_co_facilitator_by_role_is_guessed(
    tmp_path: Path,
) -> None:
    for second in ("Co-facilitator", "Note taker", "Observer 2"):
        f = tmp_path / "fg03.txt"
        f.write_text(_NAMED_LEAD.format(second=second), "utf-8")
        t = _read(f)
        roles = {u.speaker: u.role for u in t.turns}
        assert roles == {
            "Sam Roe": "interviewer",
            "Amira Khan": "participant",
            "Li Wei": "participant",
            second: "interviewer",
        }
        assert t.metadata["interviewer_guessed"] == "Sam Roe"
        assert speaker_warning(t) == (
            f"{f}: only {second!r} is named as an interviewer, by a second interviewer's role, "
            "so 'Sam Roe', who asks the questions (4 of 4 turns), was taken as the interviewer "
            "(name the interviewer with --interviewer NAME to choose otherwise)"
        )


def test_no_guess_beside_a_lead_named_by_role(tmp_path: Path) -> None:
    f = tmp_path / "fg03.txt"
    f.write_text(_NAMED_LEAD.format(second="Facilitator"), "utf-8")
    t = _read(f)
    assert "interviewer_guessed" not in t.metadata
    assert {u.speaker for u in t.turns if u.role == "interviewer"} == {"Facilitator"}
