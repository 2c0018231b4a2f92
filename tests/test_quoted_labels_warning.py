"""A line quoted or read out inside an answer (``Manager: we can't pay for cover, sorry.``,
``Monday: Bev 08:00, Carl 14:00``) that a reader took for a new speaker's turn is named by one
warning per file (read_transcript, roqa code and roqa inspect), and the file is read as before:
rules that merged such lines back swallowed real members named Sunday or Friday (sessions
83-84), so the reading is not changed, only warned of (session 85, quotedwarn). A real member
named like a day, a member after the interviewer's prompt, a role label that speaks throughout
and a subtitle cue or table row are not named. A transcript that warns is never recorded as
quiet in the reading cache."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.quoted_labels import QUOTED_LABEL_WORDS, quoted_labels_warning

FIX = (
    "was read as a new speaker's turn, splitting the answer: if a line is quoted or read out, "
    "put the whole line in quotes or join it to the line above; if it is someone speaking, the "
    "turn is right, and a fuller label (their name) is not warned of"
)
FIX_MANY = FIX.replace("was read", "were each read")

OTTER = (
    "Sam Roe  0:05\nWhat gets in the way?\n\n"
    "Jo Lee  0:12\nMostly cover. My manager said it straight out.\n"
    "Manager: we can't pay for cover, sorry.\nSo we run short most weekends.\n\n"
    "Sam Roe  0:40\nWhat helps?\n\nJo Lee  0:45\nSupervision.\n"
)
ROTA = (
    "Interviewer: How do you cover the week?\n\nP01: We have a rota on the wall.\n"
    "Monday: Bev 08:00, Carl 14:00, nights agency.\nTuesday: Sam 08:00, Bev 14:00.\n\n"
    "Interviewer: And weekends?\n\nP01: Agency, mostly.\n\n"
    "Interviewer: Does that work?\n\nP01: Not really.\n"
)
#: the same participant speaks right before and right after the line
BETWEEN = (
    "Interviewer: What did your family say?\n\nP01: They worried.\n\n"
    "Grandmother: You will be fine, love, just keep going.\n\n"
    "P01: And I did keep going.\n\nInterviewer: What helped?\n\nP01: Supervision.\n"
)


def read(path: Path, text: str, **options: object) -> tuple[Transcript, list[str]]:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path, **options)  # type: ignore[arg-type]
    return t, [str(w.message) for w in caught]


def turns(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_a_quoted_line_in_a_timed_answer_is_named_and_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "otter.txt"
    t, said = read(path, OTTER, interviewer_labels=["Sam Roe"])
    assert turns(t) == [
        ("Sam Roe", "What gets in the way?"),
        ("Jo Lee", "Mostly cover. My manager said it straight out."),
        ("Manager", "we can't pay for cover, sorry.\nSo we run short most weekends."),
        ("Sam Roe", "What helps?"),
        ("Jo Lee", "Supervision."),
    ]
    warning = (
        f"{path}: 1 line opening with a word often quoted or read out (line 6: 'Manager:' in "
        f"Jo Lee's talk) {FIX}"
    )
    assert quoted_labels_warning(t) == warning
    assert warning in said  # read_transcript warns of it


def test_a_rota_read_out_day_by_day_is_named_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "rota.txt"
    t, said = read(path, ROTA)
    assert [u.speaker for u in t.turns][:4] == ["Interviewer", "P01", "Monday", "Tuesday"]
    assert quoted_labels_warning(t) == (
        f"{path}: 2 lines opening with a word often quoted or read out (line 4: 'Monday:' in "
        f"P01's talk, line 5: 'Tuesday:' in P01's talk) {FIX_MANY}"
    )


def test_a_line_between_one_participants_turns_is_named(tmp_path: Path) -> None:
    path = tmp_path / "between.txt"
    t, _ = read(path, BETWEEN)
    assert ("Grandmother", "You will be fine, love, just keep going.") in turns(t)
    assert quoted_labels_warning(t) == (
        f"{path}: 1 line opening with a word often quoted or read out (line 5: 'Grandmother:' in "
        f"P01's talk) {FIX}"
    )


def test_in_a_word_file_the_line_is_quoted(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in [
        "Interviewer: What gets in the way?",
        "P01: Mostly cover. My manager said it straight out.",
        "Manager: we can't pay for cover, sorry.",
        "Interviewer: What helps?",
        "P01: Supervision.",
        "Interviewer: And the training?",
        "P01: Good enough.",
    ]:
        d.add_paragraph(line)
    path = tmp_path / "p01.docx"
    d.save(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert ("Manager", "we can't pay for cover, sorry.") in turns(t)
    assert quoted_labels_warning(t) == (
        f"{path}: 1 line opening with a word often quoted or read out (\"Manager: we can't pay "
        f"for cover, sorry.\" in P01's talk) {FIX}"
    )


QUIET = {
    # a member named like a day after a sentence ending in 'said.', then the interviewer
    "member_after_said": (
        "Sam Roe: What gets in the way of recovery-focused work?\n\n"
        "Jo Lee: The commissioners want numbers, that's what the manager said.\n\n"
        "Friday: Agreed, we lose a day a week to it.\n\n"
        "Sam Roe: What helps?\n\nJo Lee: Supervision.\n"
    ),
    # a member whose own line holds two times (not clock times with a colon)
    "member_with_two_times": (
        "Sam Roe: Could you each say who you are and your role?\n\n"
        "Jo Lee: I'm Jo, I manage the south team.\n\n"
        "Sunday: I'm the night coordinator, on 8pm to 8am most weeks.\n\n"
        "Sam Roe: What helps?\n\nJo Lee: Supervision.\n"
    ),
    # a member said once in a timed export, typed in by hand after a participant (hunt23 R1)
    "member_typed_into_a_timed_file": (
        "Sam Roe  0:05\nWhat gets in the way?\n\n"
        "Jo Lee  0:12\nMostly the paperwork.\n\n"
        "Sunday: Same for us, the forms take an hour a visit.\n\n"
        "Sam Roe  0:40\nWhat helps?\n\nJo Lee  0:45\nSupervision.\n"
    ),
    # after the prompt of an interviewer no one named, who mostly asks
    "after_a_prompt": (
        "Sam Roe  0:05\nThanks for joining. Can you tell me about your service?\n\n"
        "Jo Lee  0:12\nWe run a team of twelve.\n\n"
        "Sam Roe  2:00\nTell me about the rota then.\n\n"
        "Monday: Bev and Carl on days, agency at night.\n\n"
        "Sam Roe  2:45\nWhat helps?\n\nJo Lee  2:50\nSupervision.\n"
    ),
    # a role label that speaks throughout the interview
    "role_label_throughout": (
        "Interviewer: What gets in the way?\n\nManager: Cover, mostly.\n\n"
        "Interviewer: What helps?\n\nManager: Supervision.\n\n"
        "Interviewer: And training?\n\nManager: Enough.\n\n"
        "Interviewer: Anything else?\n\nManager: No.\n"
    ),
}


@pytest.mark.parametrize("case", sorted(QUIET))
def test_real_speakers_are_not_named(case: str, tmp_path: Path) -> None:
    t, _ = read(tmp_path / f"{case}.txt", QUIET[case])
    assert quoted_labels_warning(t) is None


def test_subtitle_cues_and_table_rows_are_not_named(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:08.000\nSam Roe: What gets in the way?\n\n"
        "00:00:10.000 --> 00:00:18.000\nJo Lee: Mostly the paperwork.\n\n"
        "00:00:20.000 --> 00:00:28.000\nText: typing as my mic is broken, same here.\n\n"
        "00:00:30.000 --> 00:00:38.000\nJo Lee: And the audits.\n"
    )
    t, _ = read(tmp_path / "call.vtt", vtt)
    assert quoted_labels_warning(t) is None
    csv = (
        'Speaker,Text\nSam Roe,"What gets in the way?"\nJo Lee,"Mostly the paperwork."\n'
        'Text,"typing as my mic is broken, same here."\nJo Lee,"And the audits."\n'
    )
    t, _ = read(tmp_path / "call.csv", csv)
    assert quoted_labels_warning(t) is None


def test_roqa_inspect_names_the_lines(tmp_path: Path) -> None:
    from roqa_nlp.cli.inspect_cmd import transcript_summary

    t, _ = read(tmp_path / "rota.txt", ROTA)
    assert transcript_summary(t)["quoted_lines"] == quoted_labels_warning(t)
    t, _ = read(tmp_path / "plain.txt", QUIET["member_after_said"])
    assert transcript_summary(t)["quoted_lines"] is None


def test_a_transcript_with_a_quoted_line_is_never_recorded_quiet(tmp_path: Path) -> None:
    from roqa_nlp.transcripts.language import warn_of_reading
    from roqa_nlp.transcripts.reading_cache import known_quiet, open_reading_cache

    t, _ = read(tmp_path / "rota.txt", ROTA)
    cache = open_reading_cache(tmp_path / "cache")
    assert cache is not None
    for _ in range(2):  # warned of at every run, never recorded
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            warn_of_reading(t, cache=cache)
        assert quoted_labels_warning(t) in [str(w.message) for w in caught]
        assert not known_quiet(cache, t)


def test_the_words_are_no_default_speaker_label() -> None:
    words = packaged_words(QUOTED_LABEL_WORDS)
    assert words == {w.casefold() for w in words}
    for labels in ("interviewer_labels.txt", "interviewee_labels.txt", "collective_labels.txt"):
        assert not words & {w.casefold() for w in packaged_words(labels)}, labels


def test_a_person_named_like_a_month_is_not_named(tmp_path: Path) -> None:
    """``May`` said once in lower case, as speech-to-text writes it, is a person
    (test_transcripts): the months that are given names are not on the list."""
    t, _ = read(
        tmp_path / "p06.txt",
        "Interviewer: How did the inspection go?\nP06: It was stressful.\n"
        "May: sorry to jump in, we did fund it in the end.\n"
        "Interviewer: And afterwards?\nP06: We got a good rating in the end.\n",
    )
    assert ("May", "sorry to jump in, we did fund it in the end.") in turns(t)
    assert quoted_labels_warning(t) is None
