"""Who the researcher names: an interviewer named by a per-file label (``Speaker 1``) who is the
participant here, a participant who hosted the call (``(Host)``), and names spelt with or
without accents and curly apostrophes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import SpeakerWarning, speaker_warning

LONG = (
    "We run a small team across two sites, and most of my week goes on the rota, supervision "
    "and the audits the commissioners ask for."
)


def _swapped(tmp_path: Path, asked_back: str) -> Path:
    """An Otter-style transcript where Speaker 2 asks the questions and Speaker 1 answers,
    asking back once (``asked_back``)."""
    turns = [
        ("Speaker 2", "What is your role here?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "How did the training go?"),
        ("Speaker 1", asked_back),
        ("Speaker 2", "Yes, the classroom sessions."),
        ("Speaker 1", LONG),
        ("Speaker 2", "What got in the way?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "What would you change?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "Who helped most?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "Anything else to add?"),
        ("Speaker 1", LONG),
    ]
    f = tmp_path / "p05.txt"
    f.write_text(
        "".join(f"{who}  0:{10 + 5 * i:02d}\n{said}\n\n" for i, (who, said) in enumerate(turns)),
        encoding="utf-8",
    )
    return f


def test_a_named_interviewer_who_asks_once_while_the_other_asks_the_questions_is_warned_of(
    tmp_path: Path,
) -> None:
    f = _swapped(tmp_path, "Is that the classroom training you mean?")
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f, interviewer_labels=["Speaker 1"])
    assert [str(w.message) for w in caught] == [
        f"{f}: 'Speaker 1', taken as the interviewer, asks in only 1 of their 7 turns while "
        "'Speaker 2' asks in 6 of 7: speech-to-text numbers speakers anew in each file, so check "
        "who interviews here (name them with interviewer_labels=['NAME'])"
    ]
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: 'Speaker 1', taken as the interviewer, asks in only 1 of their 7 turns while "
        "'Speaker 2' asks in 6 of 7: speech-to-text numbers speakers anew in each file, so check "
        "who interviews here (name them with --interviewer NAME)"
    )
    with warnings.catch_warnings():  # named rightly: nothing to say
        warnings.simplefilter("error")
        read_transcript(f, interviewer_labels=["Speaker 2"])


def test_a_named_interviewer_who_asks_a_third_as_often_as_the_other_is_not_warned_of(
    tmp_path: Path,
) -> None:
    """Speaker 2 asks in 5 of 6 turns, Speaker 1 in 2 of 8: the other asks more, but less than
    three times as often (SWAPPED_MIN_QUESTION_RATIO), so who interviews is not clear enough to
    say the researcher named the wrong one."""
    f = tmp_path / "p05.txt"
    turns = [
        ("Speaker 2", "What is your role here?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "How did the training go?"),
        ("Speaker 1", "Is that the classroom training you mean?"),
        ("Speaker 2", "Yes."),
        ("Speaker 1", LONG),
        ("Speaker 2", "What got in the way?"),
        ("Speaker 1", f"{LONG} Or do you mean the money?"),
        ("Speaker 2", "What would you change?"),
        ("Speaker 1", LONG),
        ("Speaker 2", "Who helped?"),
        ("Speaker 1", LONG),
        ("Speaker 1", LONG),
        ("Speaker 1", LONG),
    ]
    f.write_text(
        "".join(f"{who}  0:{10 + 5 * i:02d}\n{said}\n\n" for i, (who, said) in enumerate(turns)),
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_transcript(f, interviewer_labels=["Speaker 1"])
    assert [(u.speaker, u.role) for u in t.turns[:2]] == [
        ("Speaker 2", "participant"),
        ("Speaker 1", "interviewer"),
    ]


HOST = "Renée O’Sullivan (Host)"


def _zoom_hosted(tmp_path: Path, host: str = HOST) -> Path:
    """A Zoom transcript whose participant hosted the call, the interviewer listed surname
    first, as Zoom shows a name so set."""
    cues = [
        ("Whitfield, Hannah", "Could you start by telling me about your role?"),
        (host, "I manage a community mental health service in the East Midlands."),
        ("Whitfield, Hannah", "What got in the way of the new care planning system?"),
        (host, "The Wi-Fi in the supported flats, and the training came too late."),
    ]
    f = tmp_path / "p05.vtt"
    f.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"{i + 1}\n00:00:{10 * i:02d}.000 --> 00:00:{10 * i + 9:02d}.000\n{who}: {said}\n\n"
            for i, (who, said) in enumerate(cues)
        ),
        encoding="utf-8",
    )
    return f


def test_a_participant_taken_as_the_interviewer_for_host_is_named_in_the_hint(
    tmp_path: Path,
) -> None:
    f = _zoom_hosted(tmp_path)
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f, interviewer_labels=["Hannah Whitfield"])
    assert [u.role for u in t.turns] == ["interviewer"] * 4
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: no participant talk found: all 4 turns are the interviewer's ('Whitfield, "
        "Hannah', 'Renée O’Sullivan (Host)'), so there is nothing to code: 'Renée O’Sullivan "
        "(Host)' is read as the interviewer for the '(Host)' in the label (a video call marks "
        'who hosted it); if they are the participant, name them with --participant "Renée '
        'O’Sullivan"'
    )
    assert [str(w.message) for w in caught] == [
        f"{f}: no participant talk found: all 4 turns are the interviewer's ('Whitfield, "
        "Hannah', 'Renée O’Sullivan (Host)'), so there is nothing to code: 'Renée O’Sullivan "
        "(Host)' is read as the interviewer for the '(Host)' in the label (a video call marks "
        "who hosted it); if they are the participant, name them with "
        "participant_labels=['Renée O’Sullivan']"
    ]
    with warnings.catch_warnings():  # as the hint says: read rightly, nothing to say
        warnings.simplefilter("error")
        t = read_transcript(
            f, interviewer_labels=["Hannah Whitfield"], participant_labels=["Renée O’Sullivan"]
        )
    assert [u.role for u in t.turns] == ["interviewer", "participant"] * 2


@pytest.mark.parametrize(
    "given",
    ["Renee O'Sullivan", "Renée O'Sullivan", "RENEE O’SULLIVAN", "O‘Sullivan, Renee"],
)
def test_a_participant_named_without_the_accent_or_with_another_apostrophe_matches(
    tmp_path: Path, given: str
) -> None:
    f = _zoom_hosted(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = read_transcript(f, interviewer_labels=["Hannah Whitfield"], participant_labels=[given])
    assert [(u.speaker, u.role) for u in t.turns[:2]] == [
        ("Whitfield, Hannah", "interviewer"),
        (HOST, "participant"),
    ]


def test_an_interviewer_named_without_the_accent_matches(tmp_path: Path) -> None:
    f = _zoom_hosted(tmp_path, host="Renée O’Sullivan")
    t = read_transcript(f, interviewer_labels=["Whitfield, Hannah", "Renee O'Sullivan"])
    assert {u.speaker: u.role for u in t.turns} == {
        "Whitfield, Hannah": "interviewer",
        "Renée O’Sullivan": "interviewer",
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Whitfield, Hannah", "Rene O'Sullivan"])
    assert t.turns[1].role == "participant"  # a letter less is another name


def test_a_participant_label_that_matches_no_speaker_is_warned_of(tmp_path: Path) -> None:
    f = _zoom_hosted(tmp_path, host="Renée O’Sullivan")
    with pytest.warns(SpeakerWarning) as caught:
        read_transcript(f, interviewer_labels=["Hannah Whitfield"], participant_labels=["R O'S"])
    assert [str(w.message) for w in caught] == [
        f'{f}: no speaker matched the participant label(s) "R O\'S": the speakers are '
        "'Whitfield, Hannah', 'Renée O’Sullivan' (give participant_labels the participant's "
        "label as the transcript spells it)"
    ]


def test_a_participant_label_that_names_a_speaker_of_another_transcript_is_not_warned_of(
    tmp_path: Path,
) -> None:
    """A participant who hosted one call of the study is named for that call: the others, where
    no one is so called, are not warned of."""
    from roqa_nlp.transcripts import read_transcripts

    _zoom_hosted(tmp_path)  # p05.vtt, hosted by the participant
    p06 = tmp_path / "p06.txt"
    p06.write_text("Interviewer: What helped?\nP06: The champion, mostly.\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = read_transcripts(
            tmp_path, interviewer_labels=["Hannah Whitfield"], participant_labels=[HOST[:-7]]
        )
    assert [[u.role for u in t.turns] for t in got] == [
        ["interviewer", "participant"] * 2,
        ["interviewer", "participant"],
    ]


def test_inspect_names_a_participant_label_that_matches_no_speaker(tmp_path: Path) -> None:
    import json

    from test_cli_core import roqa

    f = _zoom_hosted(tmp_path)
    run = roqa("inspect", f, "--json", "--interviewer", "Hannah Whitfield", "--participant", "Host")
    assert run.code == 0, run.err
    assert json.loads(run.out)[0]["warning"] is None  # "Host" names her, by the label's note
    run = roqa("inspect", f, "--json", "--interviewer", "Hannah Whitfield", "--participant", "P05")
    assert json.loads(run.out)[0]["warning"] == (  # both said, in one line
        f"{f}: no participant talk found: all 4 turns are the interviewer's ('Whitfield, "
        "Hannah', 'Renée O’Sullivan (Host)'), so there is nothing to code: 'Renée O’Sullivan "
        "(Host)' is read as the interviewer for the '(Host)' in the label (a video call marks "
        'who hosted it); if they are the participant, name them with --participant "Renée '
        "O’Sullivan\"; and no speaker matched the participant label(s) 'P05': the speakers are "
        "'Whitfield, Hannah', 'Renée O’Sullivan (Host)' (give --participant the participant's "
        "label as the transcript spells it)"
    )


def _host_answers(tmp_path: Path, questions: int) -> Path:
    """The re-tester's c_zoomhost.vtt (session 51): the participant hosted the Zoom call and
    answers, asking back twice, while Dr Haddad asks ``questions`` questions."""
    asked = [
        "Could you describe your service for me?",
        "How did the peer support role come about?",
        "What gets in the way of the role working?",
        "And how do you know whether it's making a difference?",
        "Anything else you'd like to add?",
    ][-questions:]
    answers = [LONG] * (questions - 2) + [f"{LONG} That counts, doesn't it?", "No, shall I stop?"]
    cues = [("Joanne Pike (Host)", "Can you hear me okay? I think I've let you in now.")]
    for question, answer in zip(asked, answers):
        cues += [("Dr Amira Haddad", question), ("Joanne Pike (Host)", answer)]
    f = tmp_path / "c_zoomhost.vtt"
    f.write_text(
        "WEBVTT\n\n"
        + "".join(
            f"{i + 1}\n00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.000\n{who}: {said}\n\n"
            for i, (who, said) in enumerate(cues)
        ),
        encoding="utf-8",
    )
    return f


def test_a_host_who_answers_while_another_asks_every_question_is_the_participant(
    tmp_path: Path,
) -> None:
    """The re-tester's N1 (session 51): Zoom marks the registered manager (Host), but Dr Haddad
    asks in 5 of her 5 turns: the shares say who interviews, and a warning says so."""
    f = _host_answers(tmp_path, 5)
    with pytest.warns(SpeakerWarning) as caught:
        t = read_transcript(f)
    assert [str(w.message) for w in caught] == [
        f"{f}: 'Joanne Pike (Host)' is marked as the call's host, a role the interviewer usually "
        "holds, but 'Dr Amira Haddad' asks the questions (5 of 5 turns), so 'Dr Amira Haddad' "
        "was taken as the interviewer and 'Joanne Pike (Host)' as the participant (if 'Joanne "
        "Pike (Host)' interviews, name them with interviewer_labels=['Joanne Pike'] and the "
        "participant with participant_labels=['Dr Amira Haddad'])"
    ]
    assert [(s, r) for s, r in dict.fromkeys((u.speaker, u.role) for u in t.turns)] == [
        ("Joanne Pike (Host)", "participant"),
        ("Dr Amira Haddad", "interviewer"),
    ]
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: 'Joanne Pike (Host)' is marked as the call's host, a role the interviewer usually "
        "holds, but 'Dr Amira Haddad' asks the questions (5 of 5 turns), so 'Dr Amira Haddad' "
        "was taken as the interviewer and 'Joanne Pike (Host)' as the participant (if 'Joanne "
        'Pike (Host)\' interviews, name them with --interviewer "Joanne Pike" and the '
        'participant with --participant "Dr Amira Haddad")'
    )
    # as the warning says, either option gives the host back the interview, with nothing to say
    for given in (
        {"interviewer_labels": ["Joanne Pike"]},
        {"participant_labels": ["Amira Haddad"]},
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            again = read_transcript(f, **given)  # type: ignore[arg-type]
        assert {(u.speaker, u.role) for u in again.turns} == {
            ("Joanne Pike (Host)", "interviewer"),
            ("Dr Amira Haddad", "participant"),
        }


def test_a_host_who_answers_fewer_questions_keeps_the_host_rule(tmp_path: Path) -> None:
    """Three questions do not clearly contradict the (Host) label: the host stays the
    interviewer, with the warning to check who interviews."""
    f = _host_answers(tmp_path, 3)
    t = read_transcript(f)
    assert {(u.speaker, u.role) for u in t.turns} == {
        ("Joanne Pike (Host)", "interviewer"),
        ("Dr Amira Haddad", "participant"),
    }
    assert speaker_warning(t, interface="inspect") is None


def test_a_participant_taken_as_the_interviewer_for_a_role_after_a_comma_is_told_so(
    tmp_path: Path,
) -> None:
    """s56 regression hunt: 'Jo Bell, Researcher:' answering 'Interviewer:' (a trial manager
    interviewed) is read as an interviewer for the role after the comma, as 'Jo Bell
    (Researcher)' is; the warning said "for the '(Researcher)' in the label (a video call marks
    who hosted it)", neither of which the label holds."""
    f = tmp_path / "p04.txt"
    f.write_text(
        "Interviewer: How is the trial going?\nJo Bell, Researcher: Slowly, recruitment is hard.\n"
        "Interviewer: Why?\nJo Bell, Researcher: The wards are short of staff.\n",
        "utf-8",
    )
    with pytest.warns(SpeakerWarning):
        t = read_transcript(f)
    assert speaker_warning(t, interface="inspect") == (
        f"{f}: no participant talk found: all 4 turns are the interviewer's ('Interviewer', "
        "'Jo Bell, Researcher'), so there is nothing to code: 'Jo Bell, Researcher' is read as "
        "the interviewer for the ', Researcher' in the label; if they are the participant, name "
        'them with --participant "Jo Bell, Researcher"'
    )
