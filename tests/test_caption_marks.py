"""Captioners' speaker marks opening a subtitle cue (.srt, .vtt): a name in square brackets or
parentheses (``[Joy Okoro] ...``, ``(JOY) ...``) and broadcast chevrons (``>> Joy: ...``, a bare
``>>``) name who speaks; a sound or a transcriber's note opening a cue does not (session 57,
wild test MEDIUM 1-3)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn, the words by its offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def subtitles(path: Path, cues: list[str]) -> Path:
    """A .vtt or .srt (by ``path``'s suffix) of ``cues`` (each cue's text lines), cue n from
    second 5n - 4 to 5n - 1."""
    sep = "," if path.suffix == ".srt" else "."
    blocks = [
        f"{n}\n00:00:{5 * n - 4:02d}{sep}000 --> 00:00:{5 * n - 1:02d}{sep}000\n{text}"
        for n, text in enumerate(cues, 1)
    ]
    head = "WEBVTT\n\n" if path.suffix == ".vtt" else ""
    path.write_text(head + "\n\n".join(blocks) + "\n", "utf-8")
    return path


def read(path: Path, **kwargs: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **kwargs)  # type: ignore[arg-type]


ANSWER = "Having staff who believe people can get better, and managers who back them up."


@pytest.mark.parametrize("name", ["p34.srt", "p34.vtt"])
def test_a_persons_name_in_square_brackets_opening_a_cue_names_its_speaker(
    tmp_path: Path, name: str
) -> None:
    """``[Joy Okoro]`` was kept in the interviewer's turn as a transcriber's note, so the
    answer was the interviewer's and nothing was coded."""
    f = subtitles(
        tmp_path / name,
        [
            "[Amy Lee] What helps recovery?",
            "[Joy Okoro] Having staff who believe people\ncan get better,",
            "and managers who back them up.",
            "[Amy Lee] Thank you.",
        ],
    )
    t = read(f, interviewer_labels=["Amy Lee"])
    assert turns_of(t) == [
        ("Amy Lee", "interviewer", "What helps recovery?"),
        ("Joy Okoro", "participant", ANSWER),
        ("Amy Lee", "interviewer", "Thank you."),
    ]
    (only,) = segment(t)
    assert (only.speaker, only.text) == ("Joy Okoro", ANSWER)
    assert t.text[only.start : only.end] == ANSWER


def test_a_first_name_in_square_brackets_answers_a_bracketed_role(tmp_path: Path) -> None:
    f = subtitles(
        tmp_path / "p30.srt",
        ["[Interviewer] What helps recovery?", "[Joy] Having staff.", "[Interviewer] Thank you."],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "What helps recovery?"),
        ("Joy", "participant", "Having staff."),
        ("Interviewer", "interviewer", "Thank you."),
    ]


def test_names_in_parentheses_opening_cues_name_the_speakers_and_no_cue_is_lost(
    tmp_path: Path,
) -> None:
    """``(INTERVIEWER) What helps recovery?`` was read as a label alone (its note names a
    role), so the interviewer's cues were in no turn and no metadata: dropped with no word."""
    f = subtitles(
        tmp_path / "p31.srt",
        [
            "(INTERVIEWER) What helps recovery?",
            "(JOY) Having staff who believe people\ncan get better,",
            "and managers who back them up.",
            "(INTERVIEWER) Thank you.",
        ],
    )
    t = read(f)
    assert t.text == (
        f"INTERVIEWER: What helps recovery?\n\nJOY: {ANSWER}\n\nINTERVIEWER: Thank you."
    )
    assert turns_of(t) == [
        ("INTERVIEWER", "interviewer", "What helps recovery?"),
        ("JOY", "participant", ANSWER),
        ("INTERVIEWER", "interviewer", "Thank you."),
    ]


@pytest.mark.parametrize("name", ["p32.srt", "p32.vtt"])
def test_a_broadcast_chevron_before_a_label_is_no_ones_words(tmp_path: Path, name: str) -> None:
    """``>> Interviewer: ...`` was read as no label (.srt: one participant turn, the questions
    coded) or as a speaker named ``>> Amy Lee`` (.vtt)."""
    f = subtitles(
        tmp_path / name,
        [
            ">> Amy Lee: What helps recovery?",
            ">> Joy: Having staff who believe people\ncan get better,",
            "and managers who back them up.",
            ">> Amy Lee: Thank you.",
        ],
    )
    assert turns_of(read(f, interviewer_labels=["Amy Lee"])) == [
        ("Amy Lee", "interviewer", "What helps recovery?"),
        ("Joy", "participant", ANSWER),
        ("Amy Lee", "interviewer", "Thank you."),
    ]


def test_a_bare_chevron_changes_to_the_other_speaker(tmp_path: Path) -> None:
    """A broadcast caption names the interviewer once and marks each later change with a bare
    ``>>`` (two in one cue): the speakers take turns, the one not named the unknown speaker,
    and the interviewer's ``>> OF COURSE.`` is a backchannel inside the answer."""
    f = subtitles(
        tmp_path / "p15.srt",
        [
            ">> INTERVIEWER: HOW DO YOU INVOLVE\nFAMILIES IN SUPPORT PLANNING?",
            ">> IT DEPENDS ON THE PERSON.",
            ">> OF COURSE.\n>> BUT WHERE THEY DO, WE INVITE MUM.",
            ">> AND DOES THAT HELP?",
            ">> MOSTLY, YES.",
        ],
    )
    t = read(f)
    assert [(s, r, " ".join(w.split())) for s, r, w in turns_of(t)] == [
        ("INTERVIEWER", "interviewer", "HOW DO YOU INVOLVE FAMILIES IN SUPPORT PLANNING?"),
        (
            "Unknown speaker",
            "participant",
            "IT DEPENDS ON THE PERSON. BUT WHERE THEY DO, WE INVITE MUM.",
        ),
        ("INTERVIEWER", "interviewer", "AND DOES THAT HELP?"),
        ("Unknown speaker", "participant", "MOSTLY, YES."),
    ]
    assert t.metadata["backchannels_left_out"] == 1
    assert ">>" not in t.text


def test_bare_chevrons_in_a_file_naming_no_one_alternate_two_speakers(tmp_path: Path) -> None:
    f = subtitles(
        tmp_path / "p16.srt",
        [">> How do you involve families?", ">> It depends on the person.", ">> Does it help?"],
    )
    assert [(s, w) for s, _, w in turns_of(read(f))] == [
        ("Speaker 1", "How do you involve families?"),
        ("Speaker 2", "It depends on the person."),
        ("Speaker 1", "Does it help?"),
    ]


@pytest.mark.parametrize(
    "opening",
    [
        "[MUSIC]",
        "[Applause]",
        "[LAUGHS]",
        "(laughing)",
        "[inaudible]",
        "[DOOR CLOSES]",
        "[Foreign]",
    ],
)
def test_a_sound_or_a_transcribers_note_opening_a_cue_is_no_speaker(
    tmp_path: Path, opening: str
) -> None:
    """The note stays in the answer, as before: no speaker is named by it."""
    f = subtitles(
        tmp_path / "p04.srt",
        [
            "[Interviewer] What helps recovery?",
            "[P04] Having staff.",
            f"{opening} And managers.",
            "[Interviewer] Thank you.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "What helps recovery?"),
        ("P04", "participant", f"Having staff. {opening} And managers."),
        ("Interviewer", "interviewer", "Thank you."),
    ]


def test_a_bracketed_name_opening_one_cue_of_a_labelled_file_is_talk(tmp_path: Path) -> None:
    """A typist's bracketed word (``[Sarah] told me``) is no speaker where no other cue opens
    with such a mark, nor is a note in the middle of a cue."""
    f = subtitles(
        tmp_path / "p04.srt",
        [
            "Interviewer: Who backed you?",
            "P04: My manager did.",
            "[Sarah] told me to [Joy] go for it.",
            "Interviewer: Thank you.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "Who backed you?"),
        ("P04", "participant", "My manager did. [Sarah] told me to [Joy] go for it."),
        ("Interviewer", "interviewer", "Thank you."),
    ]


def test_names_in_parentheses_in_a_txt_file_name_no_interviewer_after_a_sentence(
    tmp_path: Path,
) -> None:
    """``(INTERVIEWER) What helps recovery?`` was read as an interviewer's name alone on its
    line, holding the answer below it, and nothing was coded. A .txt reads no such marks
    (docs/transcripts.md): the file is read as one without labels, each paragraph the
    participant's, with the warning saying so."""
    f = tmp_path / "p37.txt"
    text = f"(INTERVIEWER) What helps recovery?\n\n(JOY) {ANSWER}\n\n(INTERVIEWER) Thank you.\n"
    f.write_text(text, "utf-8")
    t = read(f)
    assert t.text == text
    assert turns_of(t) == [
        ("P37", "participant", "(INTERVIEWER) What helps recovery?"),
        ("P37", "participant", f"(JOY) {ANSWER}"),
        ("P37", "participant", "(INTERVIEWER) Thank you."),
    ]


def test_sounds_and_manners_opening_cues_of_a_labelled_file_name_no_speaker(
    tmp_path: Path,
) -> None:
    """Regression hunt s57 H1 (min/m2): ``[Sniffs]`` and ``[Whispers]`` opening cues of a
    file labelled ``P04:`` were two invented speakers, their words cut from P04's turn."""
    f = subtitles(
        tmp_path / "m2.srt",
        [
            "Interviewer: What was the hardest part of the first year?",
            "P04: Honestly, losing two nurses in the same month.",
            "[Sniffs] Sorry, it's still hard to talk about.",
            "[Whispers] I never told my manager how bad it was.",
            "Interviewer: Did anyone help you at the time?",
            "P04: The practice educator did.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "What was the hardest part of the first year?"),
        (
            "P04",
            "participant",
            "Honestly, losing two nurses in the same month. [Sniffs] Sorry, it's still hard"
            " to talk about. [Whispers] I never told my manager how bad it was.",
        ),
        ("Interviewer", "interviewer", "Did anyone help you at the time?"),
        ("P04", "participant", "The practice educator did."),
    ]


def test_a_pseudonym_opening_one_cue_of_a_bracket_labelled_file_is_talk(tmp_path: Path) -> None:
    """Regression hunt s57 H1 (min/m3): ``[Sarah] from pharmacy rang me first.`` among
    ``[Interviewer]``/``[P04]`` cues was a speaker Sarah, the pseudonym gone from the text."""
    f = subtitles(
        tmp_path / "m3.srt",
        [
            "[Interviewer] Who pushed the new rota through?",
            "[P04] Honestly, it was a team effort.",
            "[Sarah] from pharmacy rang me first.",
            "[Interviewer] And after that?",
            "[P04] It took off.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "Who pushed the new rota through?"),
        (
            "P04",
            "participant",
            "Honestly, it was a team effort. [Sarah] from pharmacy rang me first.",
        ),
        ("Interviewer", "interviewer", "And after that?"),
        ("P04", "participant", "It took off."),
    ]


def test_a_family_placeholder_opening_one_cue_is_talk_where_marks_name_two_speakers(
    tmp_path: Path,
) -> None:
    """Regression hunt s57 (files/b04): ``[Maria]`` answers twice and is read as a speaker;
    ``[Husband]`` and ``[Mum]``, each opening one cue, are her words, not two more speakers."""
    f = subtitles(
        tmp_path / "b04.srt",
        [
            "[Interviewer] Who helps you at home?",
            "[Maria] Mostly my husband.",
            "[Husband] does the school run and the shopping.",
            "[Interviewer] And your family?",
            "[Maria] My mum comes on Sundays.",
            "[Mum] brings food for the whole week.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "Who helps you at home?"),
        (
            "Maria",
            "participant",
            "Mostly my husband. [Husband] does the school run and the shopping.",
        ),
        ("Interviewer", "interviewer", "And your family?"),
        ("Maria", "participant", "My mum comes on Sundays. [Mum] brings food for the whole week."),
    ]


def test_list_letters_opening_cues_of_a_labelled_file_are_talk(tmp_path: Path) -> None:
    """Regression hunt s57 H1 (files/b12): ``(A) Keep the old rota ...`` and ``(B) ...`` were
    speakers A and B."""
    f = subtitles(
        tmp_path / "b12.srt",
        [
            "Interviewer: Which option did the ward choose?",
            "Participant: There were two.",
            "(A) Keep the old rota and hire agency staff.",
            "(B) Move to twelve hour shifts.",
            "We went with B in the end.",
            "Interviewer: Why?",
            "Participant: Cost, mostly.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "Which option did the ward choose?"),
        (
            "Participant",
            "participant",
            "There were two. (A) Keep the old rota and hire agency staff. (B) Move to twelve"
            " hour shifts. We went with B in the end.",
        ),
        ("Interviewer", "interviewer", "Why?"),
        ("Participant", "participant", "Cost, mostly."),
    ]


def test_sdh_sounds_in_a_file_with_no_labels_name_no_speaker(tmp_path: Path) -> None:
    """Regression hunt s57 H1 (files/b01): SDH captions' ``[SNIFFS]``, ``[WHISPERS]``,
    ``[SOBBING]`` were three speakers; the file names no one, and says so."""
    f = subtitles(
        tmp_path / "b01.srt",
        [
            "Honestly, losing two nurses.",
            "[SNIFFS] Sorry, it's still hard.",
            "[WHISPERS] I never told my manager.",
            "[SOBBING] She really saved us.",
        ],
    )
    with pytest.warns(UserWarning, match="no speaker labels found"):
        t = read_transcript(f)
    assert turns_of(t) == [
        (
            "Participant",
            "participant",
            "Honestly, losing two nurses. [SNIFFS] Sorry, it's still hard. [WHISPERS] I never"
            " told my manager. [SOBBING] She really saved us.",
        )
    ]


def test_a_chevron_inside_a_voice_tagged_cue_is_the_speakers_words(tmp_path: Path) -> None:
    """Regression hunt s57 H2 (min/m4): a ``>>`` line inside ``<v P05>`` gave the rest of the
    cue to the interviewer, uncoded."""
    f = tmp_path / "m4.vtt"
    f.write_text(
        "WEBVTT\n\n00:00:05.000 --> 00:00:09.500\n<v Interviewer>What did the letter say?</v>\n\n"
        "00:00:10.000 --> 00:00:14.500\n<v P05>It said\n>> you must attend on Monday\n"
        "and I was terrified.</v>\n\n00:00:15.000 --> 00:00:19.500\n"
        "<v Interviewer>What happened next?</v>\n",
        "utf-8",
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "What did the letter say?"),
        ("P05", "participant", "It said >> you must attend on Monday and I was terrified."),
        ("Interviewer", "interviewer", "What happened next?"),
    ]


def test_a_bare_chevron_in_a_file_whose_labels_need_none_is_talk(tmp_path: Path) -> None:
    """Regression hunt s57 H2 (files/a08): a song's ``>>`` opening a cue inside the
    participant's answer gave it to the interviewer, uncoded."""
    f = subtitles(
        tmp_path / "a08.srt",
        [
            "Interviewer: Did the music group help?",
            "Participant: Yes, we sang every Tuesday.",
            ">> When Jesus washed >> that was the line everyone knew.",
            "Interviewer: That sounds lovely.",
        ],
    )
    assert turns_of(read(f)) == [
        ("Interviewer", "interviewer", "Did the music group help?"),
        (
            "Participant",
            "participant",
            "Yes, we sang every Tuesday. >> When Jesus washed >> that was the line everyone knew.",
        ),
        ("Interviewer", "interviewer", "That sounds lovely."),
    ]


@pytest.mark.parametrize("note", ["[Sniffs]", "[WHISPERS]", "[In Spanish]", "[Redacted name]"])
def test_a_note_opening_two_cues_of_a_marked_file_is_no_speaker(tmp_path: Path, note: str) -> None:
    """A manner, language or editor's note recurs in SDH captions as a speaker's mark would:
    it is a transcriber's note (data/transcriber_annotations.txt), the speaker's words."""
    f = subtitles(
        tmp_path / "p34.srt",
        [
            "[Amy Lee] What helps?",
            "[Joy Okoro] Staff.",
            f"{note} Good staff.",
            "[Amy Lee] And?",
            "[Joy Okoro] Time.",
            f"{note} More time.",
        ],
    )
    assert [(s, w) for s, _, w in turns_of(read(f))] == [
        ("Amy Lee", "What helps?"),
        ("Joy Okoro", f"Staff. {note} Good staff."),
        ("Amy Lee", "And?"),
        ("Joy Okoro", f"Time. {note} More time."),
    ]


MARKED_WITH_AN_UNMARKED_CUE = [
    "[Priya Shah] Thanks for joining. What helps your\nstaff work in a recovery-focused way?",
    "[Grace Adeyemi] Supervision helps, every support\nworker gets it monthly.",
    "[Priya Shah] And what gets in the way of it?",
    "[Grace Adeyemi] Turnover. We lost four support\nworkers last year to the supermarket.",
    "{said}",
    "[Priya Shah] How do families fit in, would you say?",
    "[Grace Adeyemi] Families can make or break it.",
]


@pytest.mark.parametrize("opening", ["Note: they", "They"])
@pytest.mark.parametrize("name", ["p34.srt", "p34.vtt"])
def test_an_unmarked_cue_opening_with_a_field_name_goes_on_with_the_turn(
    tmp_path: Path, name: str, opening: str
) -> None:
    """``Note: ...`` opening a cue with no captioner's mark, after the marked cues, is the
    answer's words, as the same cue without ``Note:`` is. Before, it was read as the file's
    header (no cue above it had words once the marked ones were set aside), so kept as a
    speaker 'Note', and with three speakers no interviewer was guessed: every question was
    coded."""
    said = f"{opening} pay more for less stress, and\nwho can blame them?"
    cues = [c.format(said=said) for c in MARKED_WITH_AN_UNMARKED_CUE]
    t = read(subtitles(tmp_path / name, cues))
    assert turns_of(t) == [
        (
            "Priya Shah",
            "interviewer",
            "Thanks for joining. What helps your staff work in a recovery-focused way?",
        ),
        (
            "Grace Adeyemi",
            "participant",
            "Supervision helps, every support worker gets it monthly.",
        ),
        ("Priya Shah", "interviewer", "And what gets in the way of it?"),
        (
            "Grace Adeyemi",
            "participant",
            "Turnover. We lost four support workers last year to the supermarket. "
            f"{opening} pay more for less stress, and who can blame them?",
        ),
        ("Priya Shah", "interviewer", "How do families fit in, would you say?"),
        ("Grace Adeyemi", "participant", "Families can make or break it."),
    ]
