"""A Teams .vtt cue with no voice tag: Teams could not tell its speaker. Right after the
interviewer's question it was read as the interviewer's, not coded, with no warning, when the
file repeated a speaker's tag too seldom to count as naming every cue (session 79 readers3 M1:
``Families can make or break it.``). A file of voice tags names each cue's speaker (WebVTT
carries no tag over to the next cue), so such a cue is warned of, after a change of speaker or
not; an untagged cue after the participant's goes on with the answer, coded, as before."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

IV = "Hannah Whitfield"
P = "Gareth Price (Guest)"


def teams(path: Path, cues: list[str]) -> Path:
    """A Teams .vtt of ``cues`` (each cue's text), with Teams' cue ids, cue n from second
    5n - 4 to 5n - 1."""
    blocks = [
        f"3fa2c1e9-0b7d-4e0f-a1b2-c3d4e5f60718/{10 + n}-0\n"
        f"00:00:{5 * n - 4:02d}.000 --> 00:00:{5 * n - 1:02d}.000\n{text}"
        for n, text in enumerate(cues, 1)
    ]
    path.write_text("WEBVTT\n\n" + "\n\n".join(blocks) + "\n", "utf-8")
    return path


def read_warned(f: Path) -> tuple[Transcript, list[str]]:
    """The transcript of ``f`` (Hannah Whitfield the interviewer) and its warnings; every
    segment's offsets checked."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f, interviewer_labels=[IV])
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


QUIRKS = [
    f"<v {IV}>Is it okay if I record this?",
    f"<v {P}>Yes, that's fine, go ahead.",
    f"<v {IV}>What gets in the way of recovery practice?",
    f"<v {P}>Staffing is the biggest barrier, honestly. Turnover is high and the",
    f"<v {P}>agency staff don't know the residents.",
    f"<v {IV}>How do families fit into this?",
    "Families can make or break it.",
    f"<v {P}>When we bring them in early it goes much better.",
    f"<v {IV}>Thank you so much, that's really helpful.</v>",
]


def test_an_untagged_cue_after_the_interviewers_question_is_warned_of_in_a_teams_file(
    tmp_path: Path,
) -> None:
    """One repeated tag (the answer cut at 'and the'), 7 tagged cues: the file was not taken to
    name each cue, and the untagged answer was the interviewer's with no word. It is read so
    still (whose it is cannot be told), and one warning names it."""
    f = teams(tmp_path / "rm30.vtt", QUIRKS)
    t, warned = read_warned(f)
    assert turns_of(t)[4:6] == [
        ("Hannah Whitfield", "interviewer", "How do families fit into this? Families can make or "
         "break it."),
        (P, "participant", "When we bring them in early it goes much better."),
    ]  # fmt: skip
    assert warned == [
        f"{f}: 1 cue with no voice tag right after the interviewer's was read as the "
        "interviewer's talk (00:00:31.000 'Families can make or break it.', read as Hannah "
        "Whitfield's talk): Teams leaves the tag off a cue whose speaker it cannot tell, and a "
        "participant's answer that opens on such a cue is not coded, so put the speaker's name "
        "on it (<v Name>)"
    ]
    assert t.metadata["unlabelled_talk_after_voice_tag"] == ["00:00:31.000"]


def test_an_untagged_cue_after_the_interviewers_second_cue_is_warned_of_too(
    tmp_path: Path,
) -> None:
    """Teams cuts a long question into cues each tagged: the untagged answer after its second
    cue follows no change of speaker, and was not warned of in any file."""
    cues = [
        f"<v {IV}>Thinking about the families of the people you support,",
        f"<v {IV}>how do they fit into this?",
        "Families can make or break it.",
        f"<v {P}>When we bring them in early it goes much better.",
        f"<v {P}>And they come to the reviews.",
        f"<v {IV}>And the council?",
        f"<v {P}>Less so.",
    ]
    f = teams(tmp_path / "rm31.vtt", cues)
    t, warned = read_warned(f)
    assert turns_of(t)[0] == (
        "Hannah Whitfield",
        "interviewer",
        "Thinking about the families of the people you support, how do they fit into this? "
        "Families can make or break it.",
    )
    assert len(warned) == 1
    assert warned[0].startswith(f"{f}: 1 cue with no voice tag right after the interviewer's")
    assert "(00:00:11.000 'Families can make or break it.'" in warned[0]


def test_an_untagged_cue_going_on_with_the_participants_sentence_stays_theirs_unwarned(
    tmp_path: Path,
) -> None:
    """A cue with no tag after the participant's cue cut inside a sentence is their answer
    going on, coded as it was: nothing to warn of."""
    cues = [
        f"<v {IV}>What gets in the way?",
        f"<v {P}>We lost two nurses this year and",
        "the agency ones never stay long enough to learn the residents.",
        f"<v {IV}>And what helps?",
        f"<v {P}>Supervision, every month.",
    ]
    f = teams(tmp_path / "rm32.vtt", cues)
    t, warned = read_warned(f)
    assert turns_of(t) == [
        ("Hannah Whitfield", "interviewer", "What gets in the way?"),
        (P, "participant", "We lost two nurses this year and the agency ones never stay long "
         "enough to learn the residents."),
        ("Hannah Whitfield", "interviewer", "And what helps?"),
        (P, "participant", "Supervision, every month."),
    ]  # fmt: skip
    assert warned == []


def test_whose_talk_an_untagged_cue_was_read_as_is_pseudonymised(tmp_path: Path) -> None:
    """The speaker an untagged cue after a change of speaker was read as, and its words, were
    kept in the transcript's metadata as the file wrote them: 'Hannah Whitfield' reached
    transcripts.jsonl after --pseudonymise."""
    cues = list(QUIRKS)
    cues[6] = "Gareth says families can make or break it."
    t, _ = read_warned(teams(tmp_path / "rm33.vtt", cues))
    key = PseudonymKey()
    key.register(t)
    meta = key.apply(t).metadata
    for kind in ("change", "voice_tag"):
        assert meta[f"unlabelled_talk_after_{kind}_read_as"] == ["Interviewer"]
        assert meta[f"unlabelled_talk_after_{kind}_words"] == [
            "P33 says families can make or break it."  # rm33's participant
        ]


def turn_start_vtt(path: Path, cues: list[str]) -> Path:
    """A .vtt of ``cues`` (each cue's text) with no cue ids, as written by hand or converted
    from a transcript that names each turn once: cue n from second 5n - 4 to 5n - 1."""
    blocks = [
        f"00:00:{5 * n - 4:02d}.000 --> 00:00:{5 * n - 1:02d}.000\n{text}"
        for n, text in enumerate(cues, 1)
    ]
    path.write_text("WEBVTT\n\n" + "\n\n".join(blocks) + "\n", "utf-8")
    return path


def read_plain(f: Path) -> tuple[Transcript, list[str]]:
    """The transcript of ``f`` with no interviewer named, and its warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_a_file_tagging_only_each_turns_first_cue_goes_on_with_the_turn_before(
    tmp_path: Path,
) -> None:
    """A .vtt that tags only the first cue of a turn shows no cue tagged twice in a row: an
    untagged cue is the turn going on. Read as naming each cue, the participant's answer after
    their 'Right.' went into the interviewer's question, silently (session 79 hunt2 F1)."""
    f = turn_start_vtt(
        tmp_path / "v1.vtt",
        [
            "<v Interviewer>Tell me about the audit on your ward.",
            "<v P04>Right.",
            "So we started it in March, with the ward managers leading it.",
            "Staffing was the biggest barrier, honestly.",
            "<v Interviewer>And what helped?",
            "<v P04>Leadership support, mostly from the matron.",
        ],
    )
    t, warned = read_plain(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "Tell me about the audit on your ward."),
        ("P04", "participant", "Right. So we started it in March, with the ward managers "
         "leading it. Staffing was the biggest barrier, honestly."),
        ("Interviewer", "interviewer", "And what helped?"),
        ("P04", "participant", "Leadership support, mostly from the matron."),
    ]  # fmt: skip
    assert [(u.begin_time, u.end_time) for u in t.turns] == [
        (1.0, 4.0),
        (6.0, 19.0),
        (21.0, 24.0),
        (26.0, 29.0),
    ]
    assert warned == []


def test_a_focus_group_member_tagged_on_a_turns_first_cue_keeps_the_turn(tmp_path: Path) -> None:
    """Ben's 'Yeah.' then his untagged cue: his words, not Amy's (Ben was gone from the
    transcript)."""
    f = turn_start_vtt(
        tmp_path / "fg.vtt",
        [
            "<v Facilitator>What helps you put the pathway into practice?",
            "<v Amy>The matron's support, she comes to every huddle.",
            "<v Ben>Yeah.",
            "And for me the new rota has made a real difference on nights.",
            "<v Facilitator>And what gets in the way?",
            "<v Cara>Agency staff, they don't know the residents.",
        ],
    )
    t, warned = read_plain(f)
    assert turns_of(t) == [
        ("Facilitator", "interviewer", "What helps you put the pathway into practice?"),
        ("Amy", "participant", "The matron's support, she comes to every huddle."),
        ("Ben", "participant", "Yeah. And for me the new rota has made a real difference on "
         "nights."),
        ("Facilitator", "interviewer", "And what gets in the way?"),
        ("Cara", "participant", "Agency staff, they don't know the residents."),
    ]  # fmt: skip
    assert warned == []


def test_questions_going_on_in_untagged_cues_still_tell_the_interviewer(tmp_path: Path) -> None:
    """Each question's '?' is in its untagged second cue: those cues are the asker's turn, so
    the asker is still guessed to be the interviewer (the guess read each turn's first cue
    only, and said no one asks the questions)."""
    f = turn_start_vtt(
        tmp_path / "v3.vtt",
        [
            f"<v {IV}>Thanks for making the time today. I wanted to start with",
            "what gets in the way of the new pathway on your ward?",
            "<v Gareth Price>Staffing, mostly. We lost two nurses in the spring.",
            "And the agency staff don't know the residents at all.",
            f"<v {IV}>That makes sense. And thinking about families,",
            "how do they fit into all of this?",
            "<v Gareth Price>Families can make or break it, to be honest with you.",
            "When we bring them in early it goes much better.",
            f"<v {IV}>And the local authority, the commissioners,",
            "do they help you with any of it?",
            "<v Gareth Price>They have not raised our fees in three years.",
            "So the training budget is the first thing to go.",
        ],
    )
    t, warned = read_plain(f)
    assert [(u.speaker, u.role) for u in t.turns] == [
        (IV, "interviewer"),
        ("Gareth Price", "participant"),
    ] * 3
    assert turns_of(t)[3][2] == (
        "Families can make or break it, to be honest with you. When we bring them in early it "
        "goes much better."
    )
    assert warned == [
        f"{f}: no speaker is named as the interviewer, so 'Hannah Whitfield', who asks the "
        "questions (3 of 3 turns), was taken as the interviewer (name the interviewer with "
        "interviewer_labels=['NAME'] to choose otherwise)"
    ]
